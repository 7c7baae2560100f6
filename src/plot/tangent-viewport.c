/* tangent-viewport.c: the window of the plane a plot shows, and its pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-viewport"

#include <math.h>

#include "tangent-viewport.h"

gboolean
tangent_viewport_is_valid (const TangentViewport *vp)
{
  g_return_val_if_fail (vp != NULL, FALSE);

  return isfinite (vp->xmin) && isfinite (vp->xmax) && vp->xmax > vp->xmin
      && isfinite (vp->ymin) && isfinite (vp->ymax) && vp->ymax > vp->ymin
      && isfinite (vp->xmax - vp->xmin) && isfinite (vp->ymax - vp->ymin)
      && vp->width > 0 && vp->height > 0;
}

double
tangent_viewport_to_px (const TangentViewport *vp,
                        double                 x)
{
  return vp->left + (x - vp->xmin) / (vp->xmax - vp->xmin) * vp->width;
}

double
tangent_viewport_to_py (const TangentViewport *vp,
                        double                 y)
{
  return vp->top + (vp->ymax - y) / (vp->ymax - vp->ymin) * vp->height;
}

double
tangent_viewport_from_px (const TangentViewport *vp,
                          double                 px)
{
  return vp->xmin + (px - vp->left) / vp->width * (vp->xmax - vp->xmin);
}

double
tangent_viewport_from_py (const TangentViewport *vp,
                          double                 py)
{
  return vp->ymax - (py - vp->top) / vp->height * (vp->ymax - vp->ymin);
}

/**
 * tangent_viewport_equal_aspect:
 * @vp: a valid viewport
 *
 * Keeps the data ranges and narrows the device rectangle in one direction,
 * centred in the space it had, until both axes have the same scale.
 */
void
tangent_viewport_equal_aspect (TangentViewport *vp)
{
  double sx, sy;

  g_return_if_fail (vp != NULL);

  if (!tangent_viewport_is_valid (vp))
    return;

  sx = vp->width / (vp->xmax - vp->xmin);
  sy = vp->height / (vp->ymax - vp->ymin);
  if (sx > sy)
    {
      double w = sy * (vp->xmax - vp->xmin);

      vp->left += (vp->width - w) / 2;
      vp->width = w;
    }
  else if (sy > sx)
    {
      double h = sx * (vp->ymax - vp->ymin);

      vp->top += (vp->height - h) / 2;
      vp->height = h;
    }
}

/**
 * tangent_box_meets_segment:
 * @box: the turned rectangle
 * @padding: how far beyond its edges it reaches, device units
 * @x0: (x0, y0) – (x1, y1) is the segment, device units
 *
 * Whether the segment touches the box grown by @padding on every side: the
 * segment is taken into the box's own frame and clipped against it
 * (Liang–Barsky).
 *
 * Returns: %TRUE when they meet
 */
gboolean
tangent_box_meets_segment (const TangentBox *box,
                           double            padding,
                           double            x0,
                           double            y0,
                           double            x1,
                           double            y1)
{
  double c = cos (box->angle), s = sin (box->angle);
  double hw = box->width / 2 + padding, hh = box->height / 2 + padding;
  double u0 = (x0 - box->cx) * c + (y0 - box->cy) * s;
  double v0 = -(x0 - box->cx) * s + (y0 - box->cy) * c;
  double du = ((x1 - box->cx) * c + (y1 - box->cy) * s) - u0;
  double dv = (-(x1 - box->cx) * s + (y1 - box->cy) * c) - v0;
  double p[4] = { -du, du, -dv, dv };
  double q[4] = { u0 + hw, hw - u0, v0 + hh, hh - v0 };
  double t0 = 0, t1 = 1;

  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      double t = q[i] / p[i];
      if (p[i] < 0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);
      if (t0 > t1)
        return FALSE;
    }

  return TRUE;
}
