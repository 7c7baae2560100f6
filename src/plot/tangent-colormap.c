/* tangent-colormap.c: perceptually uniform colour maps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sources of the tables, each sampled at 65 evenly spaced points of the
 * published 256-entry map and interpolated linearly in sRGB between them
 * (the largest difference from the full map is 0.5/255 for viridis and
 * magma, 2.3/255 for cividis at its one sharp bend):
 *
 *   viridis, magma   Stéfan van der Walt and Nathaniel Smith, 2015, for
 *                    matplotlib; released under CC0 (public domain).
 *   cividis          Jamie R. Nuñez, Christopher R. Anderton and Ryan S.
 *                    Renslow, "Optimizing colormaps with consideration for
 *                    color vision deficiency to enable accurate
 *                    interpretation of scientific data", PLOS ONE 13(7),
 *                    e0199239, 2018.
 *   diverging        Kenneth Moreland, "Diverging Color Maps for Scientific
 *                    Visualization", ISVC 2009: the smooth cool-warm map,
 *                    his 33-entry table in 8-bit sRGB.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-colormap"

#include <math.h>
#include <string.h>

#include "tangent-colormap.h"

#define N_SAMPLES 65

static const float viridis[N_SAMPLES][3] = {
  { 0.267004, 0.004874, 0.329415 },
  { 0.272574, 0.025475, 0.353002 },
  { 0.276987, 0.050151, 0.375542 },
  { 0.280234, 0.073155, 0.396917 },
  { 0.282302, 0.094624, 0.417024 },
  { 0.283189, 0.115279, 0.435759 },
  { 0.282902, 0.135449, 0.453035 },
  { 0.281464, 0.155292, 0.468786 },
  { 0.278919, 0.174879, 0.482972 },
  { 0.275332, 0.194226, 0.495583 },
  { 0.270788, 0.213324, 0.506643 },
  { 0.265392, 0.232149, 0.516212 },
  { 0.259266, 0.250672, 0.524378 },
  { 0.252548, 0.268863, 0.531255 },
  { 0.245374, 0.286704, 0.536971 },
  { 0.237887, 0.304183, 0.541669 },
  { 0.230223, 0.321297, 0.545488 },
  { 0.222503, 0.338054, 0.548566 },
  { 0.214836, 0.354470, 0.551027 },
  { 0.207310, 0.370569, 0.552986 },
  { 0.199995, 0.386377, 0.554533 },
  { 0.192929, 0.401927, 0.555747 },
  { 0.186132, 0.417256, 0.556682 },
  { 0.179598, 0.432397, 0.557377 },
  { 0.173302, 0.447386, 0.557850 },
  { 0.167206, 0.462255, 0.558105 },
  { 0.161265, 0.477036, 0.558125 },
  { 0.155429, 0.491757, 0.557881 },
  { 0.149668, 0.506440, 0.557329 },
  { 0.143985, 0.521105, 0.556421 },
  { 0.138415, 0.535767, 0.555090 },
  { 0.133073, 0.550433, 0.553271 },
  { 0.128148, 0.565107, 0.550893 },
  { 0.123944, 0.579787, 0.547879 },
  { 0.120875, 0.594465, 0.544158 },
  { 0.119472, 0.609130, 0.539658 },
  { 0.120325, 0.623765, 0.534308 },
  { 0.124008, 0.638350, 0.528048 },
  { 0.130961, 0.652859, 0.520817 },
  { 0.141418, 0.667265, 0.512563 },
  { 0.155378, 0.681539, 0.503240 },
  { 0.172658, 0.695648, 0.492808 },
  { 0.192974, 0.709556, 0.481231 },
  { 0.216009, 0.723228, 0.468485 },
  { 0.241467, 0.736626, 0.454543 },
  { 0.269081, 0.749712, 0.439394 },
  { 0.298636, 0.762445, 0.423019 },
  { 0.329945, 0.774787, 0.405421 },
  { 0.362859, 0.786695, 0.386589 },
  { 0.397243, 0.798131, 0.366537 },
  { 0.432985, 0.809056, 0.345271 },
  { 0.469973, 0.819433, 0.322819 },
  { 0.508094, 0.829231, 0.299221 },
  { 0.547236, 0.838420, 0.274535 },
  { 0.587266, 0.846982, 0.248871 },
  { 0.628031, 0.854912, 0.222406 },
  { 0.669358, 0.862217, 0.195444 },
  { 0.711046, 0.868926, 0.168529 },
  { 0.752867, 0.875089, 0.142650 },
  { 0.794574, 0.880785, 0.119611 },
  { 0.835913, 0.886110, 0.102462 },
  { 0.876642, 0.891184, 0.095256 },
  { 0.916550, 0.896130, 0.100822 },
  { 0.955450, 0.901085, 0.118219 },
  { 0.993248, 0.906157, 0.143936 },
};

static const float magma[N_SAMPLES][3] = {
  { 0.001462, 0.000466, 0.013866 },
  { 0.005928, 0.004822, 0.037018 },
  { 0.013638, 0.011710, 0.068420 },
  { 0.024647, 0.020603, 0.100298 },
  { 0.039352, 0.030922, 0.132996 },
  { 0.056279, 0.041945, 0.166774 },
  { 0.073836, 0.051802, 0.201823 },
  { 0.092425, 0.059710, 0.238153 },
  { 0.112445, 0.065347, 0.275597 },
  { 0.134255, 0.068327, 0.313656 },
  { 0.158053, 0.068398, 0.351237 },
  { 0.183669, 0.065877, 0.386516 },
  { 0.210446, 0.062164, 0.417310 },
  { 0.237455, 0.059593, 0.442126 },
  { 0.264005, 0.060121, 0.460937 },
  { 0.289862, 0.064228, 0.474756 },
  { 0.315086, 0.071193, 0.484831 },
  { 0.339842, 0.079946, 0.492204 },
  { 0.364292, 0.089616, 0.497628 },
  { 0.388578, 0.099630, 0.501608 },
  { 0.412809, 0.109649, 0.504471 },
  { 0.437062, 0.119496, 0.506425 },
  { 0.461404, 0.129078, 0.507582 },
  { 0.485875, 0.138361, 0.508003 },
  { 0.510505, 0.147346, 0.507707 },
  { 0.535314, 0.156052, 0.506685 },
  { 0.560309, 0.164515, 0.504911 },
  { 0.585484, 0.172785, 0.502348 },
  { 0.610826, 0.180922, 0.498954 },
  { 0.636311, 0.189002, 0.494686 },
  { 0.661900, 0.197115, 0.489500 },
  { 0.687543, 0.205368, 0.483363 },
  { 0.713175, 0.213890, 0.476245 },
  { 0.738710, 0.222833, 0.468133 },
  { 0.764040, 0.232382, 0.459034 },
  { 0.789028, 0.242750, 0.448987 },
  { 0.813506, 0.254188, 0.438061 },
  { 0.837257, 0.266980, 0.426403 },
  { 0.860021, 0.281430, 0.414239 },
  { 0.881490, 0.297846, 0.401918 },
  { 0.901325, 0.316489, 0.389950 },
  { 0.919197, 0.337512, 0.379003 },
  { 0.934849, 0.360883, 0.369862 },
  { 0.948174, 0.386357, 0.363296 },
  { 0.959241, 0.413511, 0.359894 },
  { 0.968267, 0.441850, 0.359959 },
  { 0.975534, 0.470932, 0.363492 },
  { 0.981340, 0.500400, 0.370302 },
  { 0.985945, 0.530007, 0.380081 },
  { 0.989545, 0.559613, 0.392480 },
  { 0.992325, 0.589118, 0.407170 },
  { 0.994396, 0.618492, 0.423853 },
  { 0.995864, 0.647716, 0.442271 },
  { 0.996801, 0.676793, 0.462210 },
  { 0.997265, 0.705742, 0.483497 },
  { 0.997333, 0.734561, 0.505985 },
  { 0.997004, 0.763297, 0.529580 },
  { 0.996346, 0.791952, 0.554190 },
  { 0.995397, 0.820548, 0.579755 },
  { 0.994194, 0.849100, 0.606226 },
  { 0.992807, 0.877616, 0.633546 },
  { 0.991313, 0.906098, 0.661645 },
  { 0.989803, 0.934552, 0.690427 },
  { 0.988362, 0.962989, 0.719765 },
  { 0.987053, 0.991438, 0.749504 },
};

static const float cividis[N_SAMPLES][3] = {
  { 0.000000, 0.135112, 0.304751 },
  { 0.000000, 0.146831, 0.330377 },
  { 0.000000, 0.157852, 0.357302 },
  { 0.000000, 0.168083, 0.385568 },
  { 0.000000, 0.178632, 0.414315 },
  { 0.000000, 0.188624, 0.439248 },
  { 0.016516, 0.198283, 0.441278 },
  { 0.067810, 0.209072, 0.438936 },
  { 0.102432, 0.220061, 0.435890 },
  { 0.129772, 0.231070, 0.432939 },
  { 0.153382, 0.242045, 0.430219 },
  { 0.174609, 0.252974, 0.427882 },
  { 0.194166, 0.263860, 0.426000 },
  { 0.212516, 0.274713, 0.424547 },
  { 0.229936, 0.285540, 0.423537 },
  { 0.246639, 0.296350, 0.422940 },
  { 0.262738, 0.307153, 0.422794 },
  { 0.278376, 0.317957, 0.423017 },
  { 0.293604, 0.328767, 0.423660 },
  { 0.308498, 0.339592, 0.424707 },
  { 0.323108, 0.350438, 0.426137 },
  { 0.337492, 0.361310, 0.427906 },
  { 0.351671, 0.372211, 0.430040 },
  { 0.365673, 0.383150, 0.432537 },
  { 0.379533, 0.394129, 0.435367 },
  { 0.393233, 0.405153, 0.438638 },
  { 0.406842, 0.416226, 0.442193 },
  { 0.420328, 0.427351, 0.446184 },
  { 0.433702, 0.438532, 0.450630 },
  { 0.446952, 0.449772, 0.455639 },
  { 0.460093, 0.461068, 0.461260 },
  { 0.473208, 0.472441, 0.467040 },
  { 0.486919, 0.483885, 0.470696 },
  { 0.501312, 0.495360, 0.472164 },
  { 0.515958, 0.506909, 0.472671 },
  { 0.530782, 0.518534, 0.472479 },
  { 0.545719, 0.530237, 0.471841 },
  { 0.560780, 0.542024, 0.470685 },
  { 0.575968, 0.553897, 0.468990 },
  { 0.591264, 0.565860, 0.466821 },
  { 0.606671, 0.577917, 0.464140 },
  { 0.622163, 0.590071, 0.461075 },
  { 0.637766, 0.602326, 0.457465 },
  { 0.653469, 0.614686, 0.453365 },
  { 0.669253, 0.627154, 0.448879 },
  { 0.685140, 0.639735, 0.443846 },
  { 0.701141, 0.652430, 0.438209 },
  { 0.717251, 0.665243, 0.431966 },
  { 0.733438, 0.678180, 0.425295 },
  { 0.749736, 0.691242, 0.417985 },
  { 0.766126, 0.704433, 0.410134 },
  { 0.782642, 0.717757, 0.401488 },
  { 0.799265, 0.731217, 0.392139 },
  { 0.816000, 0.744816, 0.382037 },
  { 0.832854, 0.758556, 0.371094 },
  { 0.849827, 0.772440, 0.359275 },
  { 0.866958, 0.786471, 0.346166 },
  { 0.884197, 0.800650, 0.332180 },
  { 0.901607, 0.814978, 0.316634 },
  { 0.919176, 0.829453, 0.299592 },
  { 0.936940, 0.844072, 0.280560 },
  { 0.954939, 0.858820, 0.259093 },
  { 0.973260, 0.873667, 0.234467 },
  { 0.992259, 0.888456, 0.205436 },
  { 0.995737, 0.909344, 0.217772 },
};

#define N_COOLWARM 33

static const guint8 coolwarm[N_COOLWARM][3] = {
  { 59, 76, 192 }, { 68, 90, 204 }, { 77, 104, 215 }, { 87, 117, 225 },
  { 98, 130, 234 }, { 108, 142, 241 }, { 119, 154, 247 }, { 130, 165, 251 },
  { 141, 176, 254 }, { 152, 185, 255 }, { 163, 194, 255 }, { 174, 201, 253 },
  { 184, 208, 249 }, { 194, 213, 244 }, { 204, 217, 238 }, { 213, 219, 230 },
  { 221, 221, 221 }, { 229, 216, 209 }, { 236, 211, 197 }, { 241, 204, 185 },
  { 245, 196, 173 }, { 247, 187, 160 }, { 247, 177, 148 }, { 247, 166, 135 },
  { 244, 154, 123 }, { 241, 141, 111 }, { 236, 127, 99 }, { 229, 112, 88 },
  { 222, 96, 77 }, { 213, 80, 66 }, { 203, 62, 56 }, { 192, 40, 47 },
  { 180, 4, 38 },
};

static const char *const names[] = {
  [TANGENT_COLORMAP_VIRIDIS] = "viridis",
  [TANGENT_COLORMAP_CIVIDIS] = "cividis",
  [TANGENT_COLORMAP_MAGMA] = "magma",
  [TANGENT_COLORMAP_DIVERGING] = "diverging",
};

gboolean
tangent_colormap_from_name (const char      *name,
                            TangentColormap *map)
{
  g_return_val_if_fail (map != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (strcmp (name, names[i]) == 0)
        {
          *map = (TangentColormap) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
tangent_colormap_to_name (TangentColormap map)
{
  g_return_val_if_fail ((guint) map < G_N_ELEMENTS (names), NULL);

  return names[map];
}

/**
 * tangent_colormap_eval:
 * @map: the map
 * @t: where along it, clamped to [0, 1]; NaN gives the low end
 * @color: (out): the colour, opaque
 */
void
tangent_colormap_eval (TangentColormap  map,
                       double           t,
                       TangentColor    *color)
{
  double x, f, rgb[3];
  guint i, n;

  g_return_if_fail (color != NULL);

  if (!(t > 0))
    t = 0;
  if (t > 1)
    t = 1;

  n = map == TANGENT_COLORMAP_DIVERGING ? N_COOLWARM : N_SAMPLES;
  x = t * (n - 1);
  i = MIN ((guint) x, n - 2);
  f = x - i;

  for (guint c = 0; c < 3; c++)
    {
      double a, b;

      switch (map)
        {
        case TANGENT_COLORMAP_CIVIDIS:
          a = cividis[i][c];
          b = cividis[i + 1][c];
          break;
        case TANGENT_COLORMAP_MAGMA:
          a = magma[i][c];
          b = magma[i + 1][c];
          break;
        case TANGENT_COLORMAP_DIVERGING:
          a = coolwarm[i][c] / 255.0;
          b = coolwarm[i + 1][c] / 255.0;
          break;
        case TANGENT_COLORMAP_VIRIDIS:
        default:
          a = viridis[i][c];
          b = viridis[i + 1][c];
          break;
        }
      rgb[c] = a + f * (b - a);
    }

  *color = (TangentColor) { rgb[0], rgb[1], rgb[2], 1.0 };
}

/**
 * tangent_colormap_band:
 * @map: the map
 * @band: which band, 0 (below the first level) to @n_levels (above the last)
 * @n_levels: the number of levels
 * @color: (out): the band's colour
 */
void
tangent_colormap_band (TangentColormap  map,
                       guint            band,
                       guint            n_levels,
                       TangentColor    *color)
{
  g_return_if_fail (color != NULL);

  if (n_levels == 0)
    {
      tangent_colormap_eval (map, 0.5, color);
      return;
    }
  tangent_colormap_eval (map, (double) MIN (band, n_levels) / n_levels, color);
}

/**
 * tangent_colormap_level_band:
 * @map: the map
 * @levels: the ascending levels
 * @n_levels: how many
 * @band: which band, 0 to @n_levels
 * @color: (out): the band's colour
 *
 * As tangent_colormap_band(), except for the diverging map, which is
 * centred on zero: a band's colour then depends on its middle value
 * against the largest magnitude, so white is zero and equal magnitudes
 * of either sign get equally strong colours.
 */
void
tangent_colormap_level_band (TangentColormap  map,
                             const double    *levels,
                             guint            n_levels,
                             guint            band,
                             TangentColor    *color)
{
  double mid[2], extent = 0, v;

  g_return_if_fail (color != NULL);
  g_return_if_fail (levels != NULL || n_levels == 0);

  if (map != TANGENT_COLORMAP_DIVERGING || n_levels == 0)
    {
      tangent_colormap_band (map, band, n_levels, color);
      return;
    }

  band = MIN (band, n_levels);
  /* The outer bands reach half a step beyond the outer levels. */
  mid[0] = n_levels > 1 ? levels[0] - (levels[1] - levels[0]) / 2 : levels[0] - fabs (levels[0]) - 1;
  mid[1] = n_levels > 1 ? levels[n_levels - 1] + (levels[n_levels - 1] - levels[n_levels - 2]) / 2
                        : levels[0] + fabs (levels[0]) + 1;
  extent = MAX (fabs (mid[0]), fabs (mid[1]));

  if (band == 0)
    v = mid[0];
  else if (band == n_levels)
    v = mid[1];
  else
    v = (levels[band - 1] + levels[band]) / 2;

  if (!(extent > 0) || !isfinite (extent) || !isfinite (v))
    {
      tangent_colormap_band (map, band, n_levels, color);
      return;
    }
  tangent_colormap_eval (map, 0.5 + 0.5 * v / extent, color);
}

static double
srgb_to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/**
 * tangent_color_get_lightness:
 * @color: an sRGB colour (alpha ignored)
 *
 * Returns: CIE 1976 L* of the colour under D65: 0 for black, 100 for white
 */
double
tangent_color_get_lightness (const TangentColor *color)
{
  double y, f;

  g_return_val_if_fail (color != NULL, 0);

  y = 0.2126 * srgb_to_linear (color->red) + 0.7152 * srgb_to_linear (color->green)
    + 0.0722 * srgb_to_linear (color->blue);
  f = y > 216.0 / 24389 ? cbrt (y) : (24389.0 / 27 * y + 16) / 116;
  return 116 * f - 16;
}
