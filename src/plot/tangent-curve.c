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

/* Spans are filled with the curve colour at this fraction of its alpha:
 * visibly "somewhere in here", not a solid block. */
#define SPAN_ALPHA 0.35

static double
clamp_far (double v,
           double lo,
           double hi)
{
  return CLAMP (v, lo - FAR_MARGIN, hi + FAR_MARGIN);
}

static void
begin (cairo_t               *cr,
       const TangentViewport *vp,
       const TangentColor    *color,
       double                 line_width)
{
  cairo_save (cr);
  cairo_rectangle (cr, vp->left, vp->top, vp->width, vp->height);
  cairo_clip (cr);

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
}

/* Strokes the polyline through (x[i], y[i]), lifting the pen at every
 * non-finite value. */
static void
stroke_polyline (cairo_t               *cr,
                 const TangentViewport *vp,
                 const double          *x,
                 const double          *y,
                 guint                  n)
{
  gboolean pen_down = FALSE;

  for (guint i = 0; i < n; i++)
    {
      double px, py;

      if (!isfinite (x[i]) || !isfinite (y[i]))
        {
          pen_down = FALSE;
          continue;
        }

      px = clamp_far (tangent_viewport_to_px (vp, x[i]), vp->left, vp->left + vp->width);
      py = clamp_far (tangent_viewport_to_py (vp, y[i]), vp->top, vp->top + vp->height);

      if (pen_down)
        cairo_line_to (cr, px, py);
      else
        cairo_move_to (cr, px, py);
      pen_down = TRUE;
    }

  cairo_stroke (cr);
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
  g_return_if_fail (cr != NULL);
  g_return_if_fail (vp != NULL);
  g_return_if_fail (color != NULL);

  if (samples == NULL || !tangent_viewport_is_valid (vp))
    return;

  begin (cr, vp, color, line_width);
  stroke_polyline (cr, vp, samples->x, samples->y, samples->n);
  cairo_restore (cr);
}

/**
 * tangent_curve_draw_samples:
 * @cr: the target
 * @vp: the viewport
 * @color: the curve colour
 * @line_width: in device units
 * @samples: (nullable): from tangent_sampler_run()
 *
 * Draws adaptive samples: the spans (columns where the curve oscillates
 * faster than a pixel shows) filled translucently in @color, at least
 * @line_width tall, then the polyline, broken at every NaN.
 */
void
tangent_curve_draw_samples (cairo_t                   *cr,
                            const TangentViewport     *vp,
                            const TangentColor        *color,
                            double                     line_width,
                            const TangentCurveSamples *samples)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (vp != NULL);
  g_return_if_fail (color != NULL);

  if (samples == NULL || !tangent_viewport_is_valid (vp))
    return;

  begin (cr, vp, color, line_width);

  if (samples->n_spans > 0)
    {
      /* One path, one fill: neighbouring columns do not darken where
       * their antialiased edges meet. */
      for (guint k = 0; k < samples->n_spans; k++)
        {
          const TangentSampleSpan *span = &samples->spans[k];
          double left = clamp_far (tangent_viewport_to_px (vp, span->x0),
                                   vp->left, vp->left + vp->width);
          double right = clamp_far (tangent_viewport_to_px (vp, span->x1),
                                    vp->left, vp->left + vp->width);
          double top = clamp_far (tangent_viewport_to_py (vp, span->yhi),
                                  vp->top, vp->top + vp->height);
          double bottom = clamp_far (tangent_viewport_to_py (vp, span->ylo),
                                     vp->top, vp->top + vp->height);

          if (bottom - top < line_width)
            {
              double mid = (top + bottom) / 2;

              top = mid - line_width / 2;
              bottom = mid + line_width / 2;
            }
          cairo_rectangle (cr, left, top, right - left, bottom - top);
        }
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue,
                             color->alpha * SPAN_ALPHA);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
    }

  stroke_polyline (cr, vp, samples->x, samples->y, samples->n);
  cairo_restore (cr);
}

/**
 * tangent_curve_sample:
 * @vp: the viewport (its size in device units is taken as pixels)
 * @prog: a function of x
 * @params: (nullable): its parameter values
 *
 * Adaptive samples of @prog for @vp, with the sampler's default budget.
 *
 * Returns: (transfer full) (nullable): the samples, or %NULL when @vp is
 *   not valid
 */
TangentCurveSamples *
tangent_curve_sample (const TangentViewport *vp,
                      const TangentProgram  *prog,
                      const double          *params)
{
  double width, height;

  g_return_val_if_fail (vp != NULL, NULL);
  g_return_val_if_fail (prog != NULL, NULL);

  if (!tangent_viewport_is_valid (vp))
    return NULL;

  width = CLAMP (ceil (vp->width), 1, 1 << 16);
  height = CLAMP (ceil (vp->height), 1, 1 << 16);
  return tangent_sampler_run (prog, params, vp->xmin, vp->xmax, vp->ymin, vp->ymax,
                              (guint) width, (guint) height, 0);
}

/**
 * tangent_curve_draw_program:
 * @cr: the target
 * @vp: the viewport
 * @color: the curve colour
 * @line_width: in device units
 * @prog: a function of x
 * @params: (nullable): its parameter values
 *
 * Samples @prog with tangent_curve_sample() and draws it with
 * tangent_curve_draw_samples().
 */
void
tangent_curve_draw_program (cairo_t               *cr,
                            const TangentViewport *vp,
                            const TangentColor    *color,
                            double                 line_width,
                            const TangentProgram  *prog,
                            const double          *params)
{
  g_autoptr(TangentCurveSamples) samples = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (vp != NULL);
  g_return_if_fail (color != NULL);
  g_return_if_fail (prog != NULL);

  samples = tangent_curve_sample (vp, prog, params);
  tangent_curve_draw_samples (cr, vp, color, line_width, samples);
}
