/* tangent-axes.h: background, grid, axes, ticks and their labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "tangent-plot-style.h"
#include "tangent-viewport.h"

G_BEGIN_DECLS

void tangent_axes_draw (cairo_t                *cr,
                        const TangentViewport  *vp,
                        const TangentPlotStyle *style);

/* A figure's frame: a box around the plot with ticks pointing out, tick
 * labels and axis labels outside it (where the calculator-style axes of
 * tangent_axes_draw() run through the origin inside the plot). */
typedef struct
{
  const char *x_label;      /* Pango markup under the x axis, NULL: none */
  const char *y_label;      /* Pango markup left of the y axis, read bottom to top; NULL: none */
  gboolean    grid;         /* grid lines at the ticks */
  gboolean    origin_axes;  /* lines through x = 0 and y = 0 inside the box */
  gboolean    no_text;      /* ticks without labels (golden images) */
} TangentFrameOptions;

/* The space the frame needs outside vp on each side: tick labels, axis
 * labels, and the half of an end label that overhangs the box. */
void tangent_axes_frame_margins (cairo_t                   *cr,
                                 const TangentViewport     *vp,
                                 const TangentFrameOptions *options,
                                 const TangentPlotStyle    *style,
                                 double                    *left,
                                 double                    *right,
                                 double                    *top,
                                 double                    *bottom);
/* Background, grid and origin axes: what goes under the plot's content. */
void tangent_axes_draw_frame_background (cairo_t                   *cr,
                                         const TangentViewport     *vp,
                                         const TangentFrameOptions *options,
                                         const TangentPlotStyle    *style);
/* The box, ticks and labels: what goes over the content. */
void tangent_axes_draw_frame (cairo_t                   *cr,
                              const TangentViewport     *vp,
                              const TangentFrameOptions *options,
                              const TangentPlotStyle    *style);

/* A layout in the style's font (optionally scaled) that measures the same
 * on every surface: no hinted metrics, unrounded glyph positions. */
PangoLayout *tangent_axes_create_layout (cairo_t                *cr,
                                         const TangentPlotStyle *style,
                                         double                  scale);
/* Sets markup on layout, or the markup as plain text if Pango rejects it. */
void         tangent_axes_set_markup    (PangoLayout            *layout,
                                         const char             *markup);

G_END_DECLS
