/* tangent-contour.h: level curves of a sampled function by marching
 * squares, the regions above a level, and curves of relations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tangent-compile.h"

G_BEGIN_DECLS

/* Values of f on an nx × ny grid over [xmin, xmax] × [ymin, ymax], both
 * ends included, row-major with y in the outer loop: z[j * nx + i] is f at
 * (tangent_grid_coordinate (xmin, xmax, nx, i),
 *  tangent_grid_coordinate (ymin, ymax, ny, j)). Non-finite values mark
 * points where f is undefined; no curve enters a cell that has one. */
typedef struct
{
  const double *z;
  guint         nx, ny;
  double        xmin, xmax;
  double        ymin, ymax;
} TangentField;

/* Polylines in data coordinates. */
typedef struct _TangentContour TangentContour;

/* The level set {f = level}: polylines joined across cells, closed where
 * they close. Saddle cells are decided by the value at the cell centre
 * (mean of the four corners). Each line runs with {f >= level} on its
 * left (x right, y up); a closed line lists each point once. */
TangentContour *tangent_contour_trace        (const TangentField *field,
                                              double              level);
/* The region {f >= level} as closed polygons, all counter-clockwise, whose
 * union (nonzero fill rule) is the region; painting the regions of
 * ascending levels over each other gives filled bands without seams. */
TangentContour *tangent_contour_region_above (const TangentField *field,
                                              double              level);
/* The curve lhs = rhs of a relation given as prog = lhs − rhs over the
 * box, on an nx × ny grid refined where the curve passes; no segment
 * where the sign changes through a pole or jump rather than a zero. */
TangentContour *tangent_contour_relation     (const TangentProgram *prog,
                                              const double         *params,
                                              double                xmin,
                                              double                xmax,
                                              double                ymin,
                                              double                ymax,
                                              guint                 nx,
                                              guint                 ny);

/* Additions beyond the first contract. */

/* The band of each grid point: how many of the ascending levels are at
 * most its value (0 below the first level, n_levels at or above the
 * last), or TANGENT_CONTOUR_BAND_UNDEFINED where the value is not
 * finite. bands has nx × ny entries, laid out as the field's z. */
#define TANGENT_CONTOUR_BAND_UNDEFINED G_MAXUINT16
#define TANGENT_CONTOUR_MAX_LEVELS     (G_MAXUINT16 - 1)

void            tangent_contour_bands        (const TangentField *field,
                                              const double       *levels,
                                              guint               n_levels,
                                              guint16            *bands);
/* tangent_contour_trace() of each of the ascending levels, in one pass
 * over the grid: each cell is visited once, whatever the number of
 * levels, and only the cells a level crosses are traced. contours
 * receives n_levels new contours (free each). */
void            tangent_contour_trace_levels (const TangentField *field,
                                              const double       *levels,
                                              guint               n_levels,
                                              TangentContour    **contours);
/* tangent_contour_trace_levels() from bands already computed by
 * tangent_contour_bands() for the same levels. */
void            tangent_contour_trace_bands  (const TangentField *field,
                                              const guint16      *bands,
                                              const double       *levels,
                                              guint               n_levels,
                                              TangentContour    **contours);
/* Total number of points over all lines. */
guint           tangent_contour_get_n_points (const TangentContour *self);

guint           tangent_contour_get_n_lines  (const TangentContour *self);
/* Returns x0 y0 x1 y1 … of line i. */
const double   *tangent_contour_get_line     (const TangentContour *self,
                                              guint                 i,
                                              guint                *n_points,
                                              gboolean             *closed);
void            tangent_contour_free         (TangentContour       *self);

/* Up to max_levels nice levels (1, 2 or 5 times a power of ten apart)
 * strictly inside (zmin, zmax), ascending; returns how many. */
guint           tangent_contour_nice_levels  (double              zmin,
                                              double              zmax,
                                              guint               max_levels,
                                              double             *levels);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TangentContour, tangent_contour_free)

G_END_DECLS
