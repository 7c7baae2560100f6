/* tangent-overlay.h: what is drawn over the functions — Taylor
 * polynomials with their certified band and error inset, tangent lines,
 * secants, markers, optimiser paths, and the legend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tangent-compile.h"
#include "tangent-plot-style.h"
#include "tangent-viewport.h"

G_BEGIN_DECLS

typedef enum
{
  TANGENT_LEGEND_LINE,
  TANGENT_LEGEND_BAND,
  TANGENT_LEGEND_MARKER,
  TANGENT_LEGEND_PATH,
} TangentLegendKind;

typedef struct
{
  TangentLegendKind kind;
  TangentColor      color;
  double            width;    /* line width, device units */
  char             *markup;   /* Pango markup (typeset math) */
} TangentLegendEntry;

/* Draws Tₖ about center for each order (prog: a function of x with
 * params), in the style's curve colours starting at color_index; with
 * band, shades T ± b(x) of the highest order (b certified by
 * tangent_taylor_band_new(); where b is infinite the band is left out and
 * a note says why); with inset, a small log-scale plot of |f − Tₙ|
 * against b in the corner. Appends legend entries to legend (GArray of
 * TangentLegendEntry) when not NULL. Returns FALSE with error when the
 * coefficients cannot be computed. */
gboolean tangent_overlay_taylor  (cairo_t                *cr,
                                  const TangentViewport  *vp,
                                  const TangentProgram   *prog,
                                  const double           *params,
                                  double                  center,
                                  const guint            *orders,
                                  guint                   n_orders,
                                  gboolean                band,
                                  gboolean                inset,
                                  const TangentPlotStyle *style,
                                  guint                   color_index,
                                  GArray                 *legend,
                                  GError                **error);

/* The tangent line of f at x1, or (secant) the line through (x1, f(x1))
 * and (x2, f(x2)), with dots at the points. */
void     tangent_overlay_line    (cairo_t                *cr,
                                  const TangentViewport  *vp,
                                  const TangentProgram   *prog,
                                  const double           *params,
                                  double                  x1,
                                  double                  x2,
                                  gboolean                secant,
                                  const TangentColor     *color,
                                  const TangentPlotStyle *style);

void     tangent_overlay_marker  (cairo_t                *cr,
                                  const TangentViewport  *vp,
                                  double                  x,
                                  double                  y,
                                  const char             *label,
                                  const TangentColor     *color,
                                  const TangentPlotStyle *style);

/* A polyline through xy (n_points pairs, data coordinates) with an
 * arrowhead on every step long enough to carry one. */
void     tangent_overlay_path    (cairo_t                *cr,
                                  const TangentViewport  *vp,
                                  const double           *xy,
                                  guint                   n_points,
                                  const TangentColor     *color,
                                  const TangentPlotStyle *style);

/* A legend box in the top-left corner of the viewport that avoids
 * covering the rectangles in avoid (device units, x y w h each) when it can. */
void     tangent_overlay_legend  (cairo_t                  *cr,
                                  const TangentViewport    *vp,
                                  const TangentLegendEntry *entries,
                                  guint                     n_entries,
                                  const TangentPlotStyle   *style);
void     tangent_legend_entries_clear (GArray *legend);

G_END_DECLS
