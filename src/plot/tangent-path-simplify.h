/* tangent-path-simplify.h: polylines sent to cairo with the points that
 * make no visible difference left out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define TANGENT_PATH_SIMPLIFY_MAX_HELD 32

/* Builds the current path of cr like cairo_move_to() / cairo_line_to(),
 * but merges runs of points that lie within tolerance device units of one
 * chord into that chord. A vector file (SVG, PDF) then carries a fraction
 * of the coordinates of a contour traced on a fine grid, with no
 * difference at any zoom a reader would use. */
typedef struct
{
  cairo_t *cr;
  double   tolerance;
  double   ax, ay;      /* the last point sent to cairo */
  double   held[2 * TANGENT_PATH_SIMPLIFY_MAX_HELD];   /* passed since, not yet sent */
  guint    n_held;
} TangentPathSimplifier;

void tangent_path_simplifier_init    (TangentPathSimplifier *self,
                                      cairo_t               *cr,
                                      double                 tolerance);
void tangent_path_simplifier_move_to (TangentPathSimplifier *self,
                                      double                 x,
                                      double                 y);
void tangent_path_simplifier_line_to (TangentPathSimplifier *self,
                                      double                 x,
                                      double                 y);
/* Sends what is held; call before stroking or filling. */
void tangent_path_simplifier_flush   (TangentPathSimplifier *self);
void tangent_path_simplifier_close   (TangentPathSimplifier *self);

G_END_DECLS
