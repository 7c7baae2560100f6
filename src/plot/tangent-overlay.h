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

#define TANGENT_OVERLAY_ERROR (tangent_overlay_error_quark ())

typedef enum
{
  TANGENT_OVERLAY_ERROR_COEFFICIENTS,   /* a Taylor coefficient is not finite at the centre */
} TangentOverlayError;

GQuark tangent_overlay_error_quark (void);

typedef enum
{
  TANGENT_LEGEND_LINE,
  TANGENT_LEGEND_BAND,
  TANGENT_LEGEND_MARKER,
  TANGENT_LEGEND_PATH,
  TANGENT_LEGEND_NOTE,    /* added: text without a sample (where a band stops, and why) */
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

/* A legend box in the top-left corner of the viewport
 * (tangent_overlay_legend_at() places it elsewhere). */
void     tangent_overlay_legend  (cairo_t                  *cr,
                                  const TangentViewport    *vp,
                                  const TangentLegendEntry *entries,
                                  guint                     n_entries,
                                  const TangentPlotStyle   *style);
void     tangent_legend_entries_clear (GArray *legend);

/* Added by the implementation: the geometry the drawing uses, for tests
 * and for callers that place things themselves. */

/* The band tangent_overlay_taylor() shades, at n samples of [lo, hi]:
 * t = Tₙ(x) by tangent_taylor_horner(), lower/upper = t ∓ b(x) (NaN where
 * b is +∞), f = the program in double. note is NULL when b is finite
 * everywhere, else Pango markup saying where the bound stops and why. */
typedef struct
{
  guint   order;
  double  center;
  guint   n;
  double *x;
  double *t;
  double *f;
  double *bound;
  double *lower;
  double *upper;
  char   *note;
} TangentOverlayBand;

TangentOverlayBand *tangent_overlay_band_new  (const TangentProgram *prog,
                                               const double         *params,
                                               double                center,
                                               guint                 order,
                                               double                lo,
                                               double                hi,
                                               guint                 n_samples,
                                               GError              **error);
void                tangent_overlay_band_free (TangentOverlayBand   *band);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TangentOverlayBand, tangent_overlay_band_free)

/* The line tangent_overlay_line() draws, in data coordinates: through
 * (x1, y1) with the given slope; (x2, y2) is the secant's second point
 * (NaN for a tangent). FALSE where f or the slope is not finite (nothing
 * is drawn then). */
typedef struct
{
  double x1, y1;
  double x2, y2;
  double slope;
} TangentOverlayLine;

gboolean tangent_overlay_line_compute (const TangentProgram     *prog,
                                       const double             *params,
                                       double                    x1,
                                       double                    x2,
                                       gboolean                  secant,
                                       TangentOverlayLine       *line);
/* The part of the line inside the viewport, device units (x0 y0 x1 y1);
 * FALSE when it misses the view. */
gboolean tangent_overlay_line_clip    (const TangentViewport    *vp,
                                       const TangentOverlayLine *line,
                                       double                    segment[4]);

/* Where a marker's label goes (device units: x y w h), kept inside the
 * viewport. label is Pango markup, or plain text when it is not valid
 * markup. */
void     tangent_overlay_marker_label_rect (cairo_t                *cr,
                                            const TangentViewport  *vp,
                                            double                  x,
                                            double                  y,
                                            const char             *label,
                                            const TangentPlotStyle *style,
                                            double                  rect[4]);

/* The arrowheads of a path: a GArray of TangentArrow (tangent-arrows.h),
 * each from a point behind the head to its tip, device units. */
GArray  *tangent_overlay_path_heads   (const TangentViewport    *vp,
                                       const double             *xy,
                                       guint                     n_points,
                                       const TangentPlotStyle   *style);

/* The legend box at any place, and its size. */
void     tangent_overlay_legend_get_size (cairo_t                  *cr,
                                          const TangentLegendEntry *entries,
                                          guint                     n_entries,
                                          const TangentPlotStyle   *style,
                                          double                   *width,
                                          double                   *height);
void     tangent_overlay_legend_at    (cairo_t                  *cr,
                                       double                    left,
                                       double                    top,
                                       const TangentLegendEntry *entries,
                                       guint                     n_entries,
                                       const TangentPlotStyle   *style);

G_END_DECLS
