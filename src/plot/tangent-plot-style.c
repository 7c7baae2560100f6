/* tangent-plot-style.c: colours, widths and fonts of a plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-plot-style"

#include <string.h>

#include <math.h>

#include "tangent-plot-style.h"

#define RGB(r, g, b) { (r) / 255.0, (g) / 255.0, (b) / 255.0, 1.0 }

/* Okabe and Ito's palette ("Color Universal Design", 2008), which stays
 * distinguishable under the common colour-vision deficiencies; the order
 * puts the most contrasting pair first. The dark style lightens nothing:
 * these hues read on both backgrounds. */
static const TangentColor okabe_ito[8] = {
  RGB (0, 114, 178),   /* blue */
  RGB (213, 94, 0),    /* vermillion */
  RGB (0, 158, 115),   /* bluish green */
  RGB (204, 121, 167), /* reddish purple */
  RGB (230, 159, 0),   /* orange */
  RGB (86, 180, 233),  /* sky blue */
  RGB (240, 228, 66),  /* yellow */
  RGB (0, 0, 0),       /* black; replaced by the foreground below */
};

static void
init_common (TangentPlotStyle *style)
{
  memcpy (style->curves, okabe_ito, sizeof okabe_ito);
  style->axis_width = 1.0;
  style->grid_width = 1.0;
  style->curve_width = 2.0;
  style->tick_length = 5.0;
  g_strlcpy (style->font, "Sans 10", sizeof style->font);

  style->arrow_width = 1.25;
  style->overlay_width = 1.5;
  style->marker_radius = 3.5;

  style->contour_ink = (TangentColor) { 0, 0, 0, 0.62 };
  style->contour_ink_on_dark = (TangentColor) { 1, 1, 1, 0.62 };
  style->contour_line_width = 0.8;
  g_strlcpy (style->contour_label_font, "Sans 9", sizeof style->contour_label_font);

  style->no_text = FALSE;
}

/* The print style: what a figure for a lecture looks like, whatever the
 * application's theme. */
void
tangent_plot_style_init_light (TangentPlotStyle *style)
{
  g_return_if_fail (style != NULL);

  init_common (style);
  style->background = (TangentColor) RGB (255, 255, 255);
  style->foreground = (TangentColor) RGB (36, 31, 49);
  style->grid = (TangentColor) { 0, 0, 0, 0.08 };
  style->curves[7] = style->foreground;
  style->arrow_color = style->foreground;
  style->halo_color = (TangentColor) { 1, 1, 1, 0.75 };
}

/* The screen style for a dark desktop. The sky blue leads, since the
 * darker blue has too little contrast on a dark background. */
void
tangent_plot_style_init_dark (TangentPlotStyle *style)
{
  g_return_if_fail (style != NULL);

  init_common (style);
  style->background = (TangentColor) RGB (30, 30, 30);
  style->foreground = (TangentColor) RGB (255, 255, 255);
  style->grid = (TangentColor) { 1, 1, 1, 0.10 };
  style->curves[0] = okabe_ito[5];
  style->curves[5] = okabe_ito[0];
  style->curves[7] = style->foreground;
  style->arrow_color = style->foreground;
  style->halo_color = (TangentColor) { 0, 0, 0, 0.6 };
}

const TangentColor *
tangent_plot_style_get_curve_color (const TangentPlotStyle *style,
                                    guint                   index)
{
  g_return_val_if_fail (style != NULL, NULL);

  return &style->curves[index % G_N_ELEMENTS (style->curves)];
}

/* WCAG 2.1 relative luminance of an sRGB colour. */
static double
luminance (const TangentColor *c)
{
  double rgb[3] = { c->red, c->green, c->blue }, l[3];

  for (guint i = 0; i < 3; i++)
    l[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

/**
 * tangent_plot_style_legible_color:
 * @style: the style drawn in
 * @color: a colour a session asked for
 * @legible: (out caller-allocates): the colour to draw with
 *
 * A colour chosen for one style can vanish in another: the near-black of a
 * print figure on the dark screen page. Where @color's contrast with the
 * background is below 1.5 : 1 (WCAG 2.1 contrast ratio), the style's ink
 * is drawn instead; otherwise @color itself.
 */
void
tangent_plot_style_legible_color (const TangentPlotStyle *style,
                                  const TangentColor     *color,
                                  TangentColor           *legible)
{
  double a, b;

  g_return_if_fail (style != NULL);
  g_return_if_fail (color != NULL);
  g_return_if_fail (legible != NULL);

  a = luminance (color);
  b = luminance (&style->background);
  if ((MAX (a, b) + 0.05) / (MIN (a, b) + 0.05) < 1.5)
    {
      *legible = style->foreground;
      legible->alpha = color->alpha;
    }
  else
    *legible = *color;
}
