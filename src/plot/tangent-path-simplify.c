/* tangent-path-simplify.c: polylines sent to cairo with the points that
 * make no visible difference left out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-path-simplify"

#include "tangent-path-simplify.h"

void
tangent_path_simplifier_init (TangentPathSimplifier *self,
                              cairo_t               *cr,
                              double                 tolerance)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  *self = (TangentPathSimplifier) { .cr = cr, .tolerance = MAX (tolerance, 0) };
}

/* Do the held points and (qx, qy) all lie within the tolerance of the
 * chord from the last point sent to (qx, qy), and between its ends? */
static gboolean
can_extend (const TangentPathSimplifier *self,
            double                       qx,
            double                       qy)
{
  double dx = qx - self->ax, dy = qy - self->ay, len2 = dx * dx + dy * dy;
  double tol2 = self->tolerance * self->tolerance;

  if (self->n_held >= TANGENT_PATH_SIMPLIFY_MAX_HELD || !(len2 > 0))
    return FALSE;

  for (guint h = 0; h < self->n_held; h++)
    {
      double px = self->held[2 * h] - self->ax, py = self->held[2 * h + 1] - self->ay;
      double cross = px * dy - py * dx, dot = px * dx + py * dy;

      if (cross * cross > tol2 * len2 || dot < 0 || dot > len2)
        return FALSE;
    }

  return TRUE;
}

void
tangent_path_simplifier_flush (TangentPathSimplifier *self)
{
  g_return_if_fail (self != NULL);

  /* Every held point is within the tolerance of the chord to the last. */
  if (self->n_held > 0)
    {
      self->ax = self->held[2 * (self->n_held - 1)];
      self->ay = self->held[2 * (self->n_held - 1) + 1];
      cairo_line_to (self->cr, self->ax, self->ay);
      self->n_held = 0;
    }
}

void
tangent_path_simplifier_move_to (TangentPathSimplifier *self,
                                 double                 x,
                                 double                 y)
{
  g_return_if_fail (self != NULL);

  tangent_path_simplifier_flush (self);
  cairo_move_to (self->cr, x, y);
  self->ax = x;
  self->ay = y;
}

void
tangent_path_simplifier_line_to (TangentPathSimplifier *self,
                                 double                 x,
                                 double                 y)
{
  g_return_if_fail (self != NULL);

  if (self->n_held > 0 && !can_extend (self, x, y))
    {
      /* Send the last held point; it becomes the start of the next chord. */
      self->ax = self->held[2 * (self->n_held - 1)];
      self->ay = self->held[2 * (self->n_held - 1) + 1];
      cairo_line_to (self->cr, self->ax, self->ay);
      self->n_held = 0;
    }

  self->held[2 * self->n_held] = x;
  self->held[2 * self->n_held + 1] = y;
  self->n_held++;
}

void
tangent_path_simplifier_close (TangentPathSimplifier *self)
{
  g_return_if_fail (self != NULL);

  tangent_path_simplifier_flush (self);
  cairo_close_path (self->cr);
}
