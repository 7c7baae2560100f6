/* tangent-curve.c: drawing a sampled curve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-curve"

#include <math.h>

#include "tangent-curve.h"

/* cairo keeps coordinates in 24.8 fixed point, so a point millions of
 * pixels away wraps around and draws a stray line. Far-away points are
 * pulled in to a margin outside the view, which keeps the visible part of
 * the segment's direction close enough at screen resolution. */
#define FAR_MARGIN 1e5

static double
clamp_far (double v,
           double lo,
           double hi)
{
  return CLAMP (v, lo - FAR_MARGIN, hi + FAR_MARGIN);
}

/**
 * tangent_curve_draw:
 * @cr: the target
 * @vp: the viewport
 * @color: the stroke colour
 * @line_width: in device units
 * @samples: the points, in increasing x
 *
 * Strokes the polyline through @samples, clipped to the viewport. A
 * non-finite value (outside the domain, such as sqrt(x) for x < 0) breaks
 * the line, so no segment is drawn across a gap.
 */
void
tangent_curve_draw (cairo_t               *cr,
                    const TangentViewport *vp,
                    const TangentColor    *color,
                    double                 line_width,
                    const TangentSamples  *samples)
{
  gboolean pen_down = FALSE;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (vp != NULL);
  g_return_if_fail (color != NULL);

  if (samples == NULL || !tangent_viewport_is_valid (vp))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, vp->left, vp->top, vp->width, vp->height);
  cairo_clip (cr);

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  for (guint i = 0; i < samples->n; i++)
    {
      double px, py;

      if (!isfinite (samples->x[i]) || !isfinite (samples->y[i]))
        {
          pen_down = FALSE;
          continue;
        }

      px = clamp_far (tangent_viewport_to_px (vp, samples->x[i]), vp->left, vp->left + vp->width);
      py = clamp_far (tangent_viewport_to_py (vp, samples->y[i]), vp->top, vp->top + vp->height);

      if (pen_down)
        cairo_line_to (cr, px, py);
      else
        cairo_move_to (cr, px, py);
      pen_down = TRUE;
    }

  cairo_stroke (cr);
  cairo_restore (cr);
}
