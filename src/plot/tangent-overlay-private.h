/* tangent-overlay-private.h: what the arrows, overlays and legends share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "tangent-arrows.h"
#include "tangent-overlay.h"
#include "tangent-plot-style.h"
#include "tangent-viewport.h"

G_BEGIN_DECLS

/* cairo keeps coordinates in 24.8 fixed point: a point millions of units
 * away wraps around, so far points are pulled in to this margin outside
 * the view (as tangent-curve.c does). */
#define TANGENT_FAR_MARGIN 1e5

/* Rows of a legend: padding inside the box, the sample column, gaps. */
#define TANGENT_LEGEND_PAD    6.0
#define TANGENT_LEGEND_SAMPLE 26.0
#define TANGENT_LEGEND_GAP    6.0
#define TANGENT_LEGEND_MARGIN 8.0

static inline void
_tangent_set_color (cairo_t            *cr,
                    const TangentColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static inline void
_tangent_set_color_alpha (cairo_t            *cr,
                          const TangentColor *color,
                          double              alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static inline double
_tangent_clamp_far (double v,
                    double lo,
                    double hi)
{
  return CLAMP (v, lo - TANGENT_FAR_MARGIN, hi + TANGENT_FAR_MARGIN);
}

typedef enum
{
  TANGENT_ROUND_NEAREST,
  TANGENT_ROUND_UP,      /* away from zero: a safe "below" */
  TANGENT_ROUND_DOWN,    /* toward zero: a safe "above" */
} TangentRounding;

PangoLayout *_tangent_layout_new        (cairo_t                *cr,
                                         const TangentPlotStyle *style,
                                         double                  scale);
void         _tangent_layout_set_markup (PangoLayout            *layout,
                                         const char             *markup);
char        *_tangent_markup_number     (double                  value,
                                         guint                   digits,
                                         TangentRounding         rounding);
void         _tangent_show_layout_halo  (cairo_t                *cr,
                                         PangoLayout            *layout,
                                         double                  left,
                                         double                  top,
                                         const TangentColor     *color,
                                         const TangentColor     *halo,
                                         double                  halo_width);
void         _tangent_legend_box        (cairo_t                *cr,
                                         double                  left,
                                         double                  top,
                                         double                  width,
                                         double                  height,
                                         double                  opacity,
                                         const TangentPlotStyle *style);
/* The certified band's fill, against its polynomial's colour. */
#define TANGENT_BAND_ALPHA 0.2

/* Legend entries own their markup. */
void         _tangent_legend_append     (GArray                    *legend,
                                         TangentLegendKind          kind,
                                         const TangentColor        *color,
                                         double                     width,
                                         char                      *markup);
void         _tangent_marker_dot        (cairo_t                   *cr,
                                         double                     px,
                                         double                     py,
                                         double                     radius,
                                         const TangentColor        *color,
                                         const TangentPlotStyle    *style);
void         _tangent_overlay_inset_draw (cairo_t                  *cr,
                                          const TangentViewport    *vp,
                                          const TangentOverlayBand *band,
                                          const TangentColor       *color,
                                          const TangentPlotStyle   *style);

/* Lengthened arrows are this much thinner than the style's. */
#define TANGENT_ARROW_THIN 0.65

double       _tangent_arrow_head_for    (double                     length,
                                         double                     width,
                                         TangentArrowKind           kind);
void         _tangent_arrow_head_grown  (cairo_t                   *cr,
                                         double                     x0,
                                         double                     y0,
                                         double                     x1,
                                         double                     y1,
                                         double                     size,
                                         double                     grow);
void         _tangent_arrows_fill       (cairo_t                   *cr,
                                         const TangentArrow        *arrows,
                                         guint                      n,
                                         const TangentPlotStyle    *style);
void         _tangent_streamlines_draw  (cairo_t                   *cr,
                                         const TangentViewport     *vp,
                                         const TangentProgram      *grad,
                                         const double              *params,
                                         const TangentArrowOptions *options,
                                         const TangentPlotStyle    *style);

G_END_DECLS
