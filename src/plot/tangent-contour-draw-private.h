/* tangent-contour-draw-private.h: what label placement tells the drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tangent-contour-draw.h"

G_BEGIN_DECLS

/* The stretch of line @line of level number @level that a label covers,
 * as arc length in device units from the line's first point (a closed
 * line's length includes its closing segment): the line is not drawn
 * there. */
typedef struct
{
  guint  level;
  guint  line;
  double s0, s1;
} TangentContourCut;

#define _TANGENT_CONTOUR_LABEL_BUF_SIZE 40

void    _tangent_contour_format_level (char                   *buf,
                                       double                  value);
/* tangent_contour_place_labels(), also filling @cuts (nullable) with one
 * TangentContourCut per label, in the same order. */
GArray *_tangent_contour_place_labels (cairo_t                *cr,
                                       const TangentViewport  *vp,
                                       TangentContour * const *contours,
                                       const double           *levels,
                                       guint                   n_levels,
                                       const TangentPlotStyle *style,
                                       GArray                 *cuts);

/* The raster paths (tangent-contour-bands.c). */
/* The device transform of the target, if it is one the raster path can
 * fill: an image surface reached through scaling and translation only,
 * clipped to one rectangle, with opaque colours. */
typedef struct
{
  cairo_surface_t *target;
  double           sx, sy, ox, oy;      /* pixel = user × s + o */
  int              x0, y0, x1, y1;      /* pixels to fill */
} RasterTarget;

gboolean _tangent_contour_raster_target (cairo_t               *cr,
                                         RasterTarget          *rt);
/* The bands per pixel; FALSE (nothing drawn) when the target is not an
 * image surface reached by scaling and translation, clipped to one
 * rectangle, or a colour is not opaque. */
gboolean _tangent_contour_fill_raster   (cairo_t               *cr,
                                         const TangentViewport *vp,
                                         const TangentField    *field,
                                         const guint16         *bands,
                                         const double          *levels,
                                         guint                  n_levels,
                                         const TangentColor    *colors);
/* The bands as vector paths; contours are the traced levels. */
void     _tangent_contour_fill_vector   (cairo_t               *cr,
                                         const TangentViewport *vp,
                                         const TangentField    *field,
                                         const guint16         *bands,
                                         TangentContour       **contours,
                                         const double          *levels,
                                         guint                  n_levels,
                                         const TangentColor    *colors);

G_END_DECLS
