/* tangent-contour-draw.h: filled bands, level lines and their labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tangent-colormap.h"
#include "tangent-contour.h"
#include "tangent-plot-style.h"
#include "tangent-viewport.h"

G_BEGIN_DECLS

typedef struct
{
  const double    *levels;     /* ascending */
  guint            n_levels;
  TangentColormap  colormap;
  gboolean         filled;     /* bands in tangent_colormap_band() colours */
  gboolean         lines;      /* level lines in the style's contour colour */
  gboolean         labels;     /* labels on straight stretches, upright, never overlapping each other or leaving the plot */
  GArray          *placed;     /* out, may be NULL: a TangentBox appended for each label drawn */
} TangentContourOptions;

/* Draws the field's contours clipped to the viewport. Filled bands are
 * vector paths (seamless on every surface), lines are stroked polylines,
 * labels are text placed by tangent_contour_place_labels(). */
void tangent_contour_draw (cairo_t                     *cr,
                           const TangentViewport       *vp,
                           const TangentField          *field,
                           const TangentContourOptions *options,
                           const TangentPlotStyle      *style);

/* A placed label: centre in device units, angle in radians within
 * (−π/2, π/2] so the text reads upright, and the text's size. */
typedef struct
{
  double  level;
  double  cx, cy;
  double  angle;
  double  width, height;
  char   *text;
} TangentContourLabel;

/* Where the labels of the given level lines go (device units), without
 * drawing: the geometry the tests check. Returns a GArray of
 * TangentContourLabel (free the texts with tangent_contour_labels_free). */
GArray *tangent_contour_place_labels (cairo_t                *cr,
                                      const TangentViewport  *vp,
                                      TangentContour * const *contours,
                                      const double           *levels,
                                      guint                   n_levels,
                                      const TangentPlotStyle *style);
void    tangent_contour_labels_free  (GArray                 *labels);

G_END_DECLS
