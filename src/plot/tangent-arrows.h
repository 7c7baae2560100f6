/* tangent-arrows.h: fields of gradient arrows and streamlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tangent-compile.h"
#include "tangent-plot-style.h"
#include "tangent-viewport.h"

G_BEGIN_DECLS

typedef struct
{
  guint    grid;         /* arrows per side */
  gboolean negative;     /* −∇f */
  gboolean normalized;   /* one length for all; else length ∝ |∇f| */
  gboolean streamlines;
} TangentArrowOptions;

/* What the legend shows: an arrow of length_px device units stands for a
 * gradient of magnitude `magnitude` (a nice number), or, normalized, the
 * range of magnitudes. */
typedef struct
{
  gboolean normalized;
  double   magnitude;
  double   length_px;
  double   min_magnitude, max_magnitude;
} TangentArrowLegend;

/* grad is a program of x and y whose outputs are f, ∂f/∂x, ∂f/∂y
 * (tangent_compile_with_gradient). The length scale is chosen so the
 * longest arrow spans about one grid cell and short arrows still read
 * (a minimum visible length, heads scaled with the shaft), never an
 * arbitrary default. */
void tangent_arrows_draw        (cairo_t                   *cr,
                                 const TangentViewport     *vp,
                                 const TangentProgram      *grad,
                                 const double              *params,
                                 const TangentArrowOptions *options,
                                 const TangentPlotStyle    *style,
                                 TangentArrowLegend        *legend);
/* The legend box (a sample arrow and its meaning) with its top-right
 * corner at (right, top). */
void tangent_arrows_draw_legend (cairo_t                  *cr,
                                 double                    right,
                                 double                    top,
                                 const TangentArrowLegend *legend,
                                 const TangentPlotStyle   *style);

/* An arrowhead at (x1, y1) pointing from (x0, y0), device units. */
void tangent_arrow_head         (cairo_t                  *cr,
                                 double                    x0,
                                 double                    y0,
                                 double                    x1,
                                 double                    y1,
                                 double                    size);

G_END_DECLS
