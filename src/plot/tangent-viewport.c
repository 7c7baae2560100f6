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
