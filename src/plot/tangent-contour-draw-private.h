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

G_END_DECLS
