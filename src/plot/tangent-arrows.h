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

  /* Boxes the arrows keep clear of (contour labels): an arrow that would
   * cross one is left out. */
  const TangentBox *avoid;
  guint             n_avoid;
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

  /* Added by the implementation: what else the legend must admit to. */
  gboolean negative;          /* the arrows show −∇f */
  double   min_length_px;     /* arrows shorter than this at scale are drawn this long, thin */
  double   lengthened_below;  /* … which are those with |∇f| below this */
  guint    n_lengthened;
  guint    n_zero;            /* ∇f = 0 exactly: a dot, no direction */
  guint    n_undefined;       /* ∇f not finite: nothing drawn */
} TangentArrowLegend;

/* One arrow of the field in device units, pivoted on its grid point: from
 * the tail (x0, y0) to the tip (x1, y1), with a head of length head. */
typedef enum
{
  TANGENT_ARROW_SCALED,       /* length ∝ |∇f| (or the one normalized length) */
  TANGENT_ARROW_LENGTHENED,   /* too short to read at scale: minimum length, thin */
  TANGENT_ARROW_ZERO,         /* ∇f = 0: a dot at (x0, y0) = (x1, y1) */
} TangentArrowKind;

typedef struct
{
  double           x0, y0, x1, y1;
  double           head;
  double           magnitude;   /* |∇f| at the grid point */
  TangentArrowKind kind;
} TangentArrow;

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
/* The geometry tangent_arrows_draw() fills: a GArray of TangentArrow
 * (grid points where f or ∇f is not finite are left out), all of the
 * field's points evaluated in one tangent_vm_eval() call. legend may be
 * NULL. */
GArray *tangent_arrows_layout   (const TangentViewport     *vp,
                                 const TangentProgram      *grad,
                                 const double              *params,
                                 const TangentArrowOptions *options,
                                 TangentArrowLegend        *legend);

/* Streamlines of the same field (options->negative sets the direction):
 * a GPtrArray of GArray of double, each x, y pairs in device units. */
GPtrArray *tangent_streamlines_layout (const TangentViewport     *vp,
                                       const TangentProgram      *grad,
                                       const double              *params,
                                       const TangentArrowOptions *options);

/* The largest 1, 2 or 5 × 10^k not above value (> 0, finite); 0 otherwise. */
double  tangent_nice_floor      (double                     value);

/* The legend box (a sample arrow and its meaning) with its top-right
 * corner at (right, top). */
void tangent_arrows_draw_legend (cairo_t                  *cr,
                                 double                    right,
                                 double                    top,
                                 const TangentArrowLegend *legend,
                                 const TangentPlotStyle   *style);
/* The size of that box, to place it. */
void tangent_arrows_legend_get_size (cairo_t                  *cr,
                                     const TangentArrowLegend *legend,
                                     const TangentPlotStyle   *style,
                                     double                   *width,
                                     double                   *height);

/* An arrowhead at (x1, y1) pointing from (x0, y0), device units. */
void tangent_arrow_head         (cairo_t                  *cr,
                                 double                    x0,
                                 double                    y0,
                                 double                    x1,
                                 double                    y1,
                                 double                    size);

G_END_DECLS
