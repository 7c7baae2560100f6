/* tangent-colormap.h: perceptually uniform colour maps and the colour bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tangent-plot-style.h"

G_BEGIN_DECLS

typedef enum
{
  TANGENT_COLORMAP_VIRIDIS,
  TANGENT_COLORMAP_CIVIDIS,
  TANGENT_COLORMAP_MAGMA,
  TANGENT_COLORMAP_DIVERGING,   /* for signed data: blue – white – red, centred on zero */
} TangentColormap;

/* "viridis", "cividis", "magma", "diverging"; FALSE for anything else. */
gboolean tangent_colormap_from_name (const char      *name,
                                     TangentColormap *map);
const char *tangent_colormap_to_name (TangentColormap map);
/* The colour at t in [0, 1] (clamped). */
void     tangent_colormap_eval      (TangentColormap  map,
                                     double           t,
                                     TangentColor    *color);

/* The colour of band k of n_levels + 1 filled bands (below the first
 * level, between levels, above the last): equally spaced along the map, so
 * uneven levels still give evenly distinct colours. */
void     tangent_colormap_band      (TangentColormap  map,
                                     guint            band,
                                     guint            n_levels,
                                     TangentColor    *color);

/* Addition: the colour of band k for these levels. The same as
 * tangent_colormap_band() except for the diverging map, which is centred
 * on zero (white at 0, equal magnitudes equally strong). */
void     tangent_colormap_level_band (TangentColormap  map,
                                      const double    *levels,
                                      guint            n_levels,
                                      guint            band,
                                      TangentColor    *color);

/* Addition: CIE L* (0 black to 100 white) of an sRGB colour, for
 * choosing dark or light ink over it. */
double   tangent_color_get_lightness (const TangentColor *color);

/* A vertical colour bar in the rectangle: one equal-height block per band,
 * each boundary labelled with its level in the style's font. */
void     tangent_colorbar_draw      (cairo_t                *cr,
                                     double                  left,
                                     double                  top,
                                     double                  width,
                                     double                  height,
                                     TangentColormap         map,
                                     const double           *levels,
                                     guint                   n_levels,
                                     const TangentPlotStyle *style);
/* Width the bar's labels need beside a bar of the given width. */
double   tangent_colorbar_get_width (cairo_t                *cr,
                                     double                  bar_width,
                                     const double           *levels,
                                     guint                   n_levels,
                                     const TangentPlotStyle *style);

G_END_DECLS
