/* tangent-overlay-marks.c: tangent lines, secants, markers and optimiser
 * paths drawn over a plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-overlay"

#include <math.h>

#include "tangent-jet.h"
#include "tangent-overlay.h"
#include "tangent-overlay-private.h"
#include "tangent-vm.h"

/* Marker labels sit this far from the dot's edge. */
#define LABEL_OFFSET    3.0
#define LABEL_HALO      2.5
/* Path heads: a step carries one when it is at least PATH_STEP_MIN long;
 * the head is PATH_HEAD_FRACTION of the step, within [MIN, MAX]. */
#define PATH_HEAD_MIN       5.0
#define PATH_HEAD_MAX       10.0
#define PATH_HEAD_FRACTION  0.3
#define PATH_STEP_MIN       (2.5 * PATH_HEAD_MIN)
#define PATH_DOT_RADIUS     2.0
#define PATH_MAX_DOTS       2000

/**
 * tangent_overlay_line_compute:
 * @prog: a function of x (its first output)
 * @params: (nullable): its parameter values
 * @x1: the point of tangency, or the secant's first point
 * @x2: the secant's second point (ignored for a tangent)
 * @secant: the line through (x1, f(x1)) and (x2, f(x2)) instead of the tangent
 * @line: (out caller-allocates): the line in data coordinates
 *
 * The tangent's slope is the first Taylor coefficient of a jet at @x1
 * (exact to rounding, not a difference quotient).
 *
 * Returns: %FALSE when there is no such line: f or the slope is not
 *   finite, or @x1 = @x2 for a secant
 */
gboolean
tangent_overlay_line_compute (const TangentProgram *prog,
                              const double         *params,
                              double                x1,
                              double                x2,
                              gboolean              secant,
                              TangentOverlayLine   *line)
{
  g_return_val_if_fail (prog != NULL, FALSE);
  g_return_val_if_fail (line != NULL, FALSE);

  *line = (TangentOverlayLine) { x1, NAN, NAN, NAN, NAN };
  if (!isfinite (x1))
    return FALSE;
  line->y1 = tangent_program_eval1 (prog, params, x1, 0, 0);
  if (!isfinite (line->y1))
    return FALSE;

  if (secant)
    {
      if (!isfinite (x2) || x2 == x1)
        return FALSE;
      line->x2 = x2;
      line->y2 = tangent_program_eval1 (prog, params, x2, 0, 0);
      line->slope = (line->y2 - line->y1) / (x2 - x1);
    }
  else
    {
      double point[TANGENT_N_VARIABLES] = { x1, 0, 0 };
      double c[2];

      if (!tangent_jet_eval (prog, params, point, TANGENT_VARIABLE_X, 1, c, NULL))
        return FALSE;
      line->slope = c[1];
    }

  return isfinite (line->slope) && (!secant || isfinite (line->y2));
}

/**
 * tangent_overlay_line_clip:
 * @vp: the viewport
 * @line: a line from tangent_overlay_line_compute()
 * @segment: (out caller-allocates) (array fixed-size=4): x0 y0 x1 y1 in
 *   device units, left end first
 *
 * Returns: %FALSE when the line misses the view
 */
gboolean
tangent_overlay_line_clip (const TangentViewport    *vp,
                           const TangentOverlayLine *line,
                           double                    segment[4])
{
  double a, b;

  g_return_val_if_fail (vp != NULL && line != NULL && segment != NULL, FALSE);

  if (!tangent_viewport_is_valid (vp) || !isfinite (line->y1) || !isfinite (line->slope))
    return FALSE;

  a = vp->xmin;
  b = vp->xmax;
  if (line->slope == 0)
    {
      if (line->y1 < vp->ymin || line->y1 > vp->ymax)
        return FALSE;
    }
  else
    {
      /* Where the line crosses the bottom and the top of the view. */
      double xa = line->x1 + (vp->ymin - line->y1) / line->slope;
      double xb = line->x1 + (vp->ymax - line->y1) / line->slope;

      a = MAX (a, MIN (xa, xb));
      b = MIN (b, MAX (xa, xb));
      if (!(a <= b))
        return FALSE;
    }

  segment[0] = tangent_viewport_to_px (vp, a);
  segment[1] = tangent_viewport_to_py (vp, line->y1 + line->slope * (a - line->x1));
  segment[2] = tangent_viewport_to_px (vp, b);
  segment[3] = tangent_viewport_to_py (vp, line->y1 + line->slope * (b - line->x1));
  return TRUE;
}

/**
 * tangent_overlay_line:
 * @cr: the target
 * @vp: the viewport; the line is clipped to it
 * @prog: a function of x
 * @params: (nullable): its parameter values
 * @x1: the point of tangency, or the secant's first point
 * @x2: the secant's second point
 * @secant: draw the secant instead of the tangent
 * @color: the line's colour
 * @style: widths and the halo of the dots
 *
 * Draws nothing where the line does not exist (see
 * tangent_overlay_line_compute()).
 */
void
tangent_overlay_line (cairo_t                *cr,
                      const TangentViewport  *vp,
                      const TangentProgram   *prog,
                      const double           *params,
                      double                  x1,
                      double                  x2,
                      gboolean                secant,
                      const TangentColor     *color,
                      const TangentPlotStyle *style)
{
  TangentOverlayLine line;
  double seg[4];

  g_return_if_fail (cr != NULL && vp != NULL && prog != NULL && color != NULL && style != NULL);

  if (!tangent_overlay_line_compute (prog, params, x1, x2, secant, &line)
      || !tangent_overlay_line_clip (vp, &line, seg))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, vp->left, vp->top, vp->width, vp->height);
  cairo_clip (cr);
  cairo_new_path (cr);

  _tangent_set_color (cr, color);
  cairo_set_line_width (cr, style->overlay_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (cr, seg[0], seg[1]);
  cairo_line_to (cr, seg[2], seg[3]);
  cairo_stroke (cr);

  _tangent_marker_dot (cr, tangent_viewport_to_px (vp, line.x1), tangent_viewport_to_py (vp, line.y1),
                       style->marker_radius, color, style);
  if (secant)
    _tangent_marker_dot (cr, tangent_viewport_to_px (vp, line.x2),
                         tangent_viewport_to_py (vp, line.y2), style->marker_radius, color, style);
  cairo_restore (cr);
}

static PangoLayout *
label_layout (cairo_t                *cr,
              const char             *label,
              const TangentPlotStyle *style)
{
  PangoLayout *layout = _tangent_layout_new (cr, style, 1.0);

  _tangent_layout_set_markup (layout, label);
  return layout;
}

/* Above and to the right of the dot by default; to the left or below
 * where that would leave the view; finally pushed inside it. */
static void
place_label (const TangentViewport  *vp,
             double                  px,
             double                  py,
             double                  w,
             double                  h,
             const TangentPlotStyle *style,
             double                  rect[4])
{
  double d = style->marker_radius + LABEL_OFFSET;
  double x = px + d, y = py - d - h;

  if (x + w > vp->left + vp->width)
    x = px - d - w;
  if (y < vp->top)
    y = py + d;
  rect[0] = CLAMP (x, vp->left, MAX (vp->left, vp->left + vp->width - w));
  rect[1] = CLAMP (y, vp->top, MAX (vp->top, vp->top + vp->height - h));
  rect[2] = w;
  rect[3] = h;
}

/**
 * tangent_overlay_marker_label_rect:
 * @cr: a context for measuring the text
 * @vp: the viewport
 * @x: the marker's x, data coordinates
 * @y: its y
 * @label: Pango markup, or plain text when it is not valid markup
 * @style: font and marker radius
 * @rect: (out caller-allocates) (array fixed-size=4): x y w h, device units
 */
void
tangent_overlay_marker_label_rect (cairo_t                *cr,
                                   const TangentViewport  *vp,
                                   double                  x,
                                   double                  y,
                                   const char             *label,
                                   const TangentPlotStyle *style,
                                   double                  rect[4])
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  g_return_if_fail (cr != NULL && vp != NULL && style != NULL && rect != NULL);

  layout = label_layout (cr, label, style);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  place_label (vp, tangent_viewport_to_px (vp, x), tangent_viewport_to_py (vp, y),
               logical.width, logical.height, style, rect);
}

/**
 * tangent_overlay_marker:
 * @cr: the target
 * @vp: the viewport; a marker outside it is not drawn
 * @x: data coordinates
 * @y: data coordinates
 * @label: (nullable): Pango markup, or plain text when it is not valid markup
 * @color: the dot's colour
 * @style: radius, font, halo
 *
 * A dot with a ring and its label with a halo, so both read over a filled
 * contour map; the label stays inside the view.
 */
void
tangent_overlay_marker (cairo_t                *cr,
                        const TangentViewport  *vp,
                        double                  x,
                        double                  y,
                        const char             *label,
                        const TangentColor     *color,
                        const TangentPlotStyle *style)
{
  double px, py;

  g_return_if_fail (cr != NULL && vp != NULL && color != NULL && style != NULL);

  if (!tangent_viewport_is_valid (vp) || !isfinite (x) || !isfinite (y))
    return;
  px = tangent_viewport_to_px (vp, x);
  py = tangent_viewport_to_py (vp, y);
  if (px < vp->left || px > vp->left + vp->width || py < vp->top || py > vp->top + vp->height)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, vp->left, vp->top, vp->width, vp->height);
  cairo_clip (cr);
  cairo_new_path (cr);
  _tangent_marker_dot (cr, px, py, style->marker_radius, color, style);

  if (label != NULL && *label != '\0')
    {
      g_autoptr(PangoLayout) layout = label_layout (cr, label, style);
      PangoRectangle logical;
      double rect[4];

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      place_label (vp, px, py, logical.width, logical.height, style, rect);
      _tangent_show_layout_halo (cr, layout, rect[0] - logical.x, rect[1] - logical.y,
                                 &style->foreground, &style->halo_color, LABEL_HALO);
    }
  cairo_restore (cr);
}

/* The device points of a path, NaN where a point is not finite; far ones
 * pulled in so that cairo's fixed point does not wrap. */
static double *
path_points (const TangentViewport *vp,
             const double          *xy,
             guint                  n_points)
{
  double *p = g_new (double, 2 * (gsize) n_points);

  for (guint i = 0; i < n_points; i++)
    {
      if (isfinite (xy[2 * i]) && isfinite (xy[2 * i + 1]))
        {
          p[2 * i] = _tangent_clamp_far (tangent_viewport_to_px (vp, xy[2 * i]), vp->left,
                                         vp->left + vp->width);
          p[2 * i + 1] = _tangent_clamp_far (tangent_viewport_to_py (vp, xy[2 * i + 1]), vp->top,
                                             vp->top + vp->height);
        }
      else
        p[2 * i] = p[2 * i + 1] = NAN;
    }
  return p;
}

static GArray *
heads_of (const double           *p,
          guint                   n_points,
          const TangentPlotStyle *style)
{
  double head_max = MAX (PATH_HEAD_MAX, 4 * style->overlay_width);

  GArray *heads = g_array_new (FALSE, FALSE, sizeof (TangentArrow));

  for (guint i = 0; i + 1 < n_points; i++)
    {
      double x0 = p[2 * i], y0 = p[2 * i + 1], x1 = p[2 * i + 2], y1 = p[2 * i + 3];
      double len = hypot (x1 - x0, y1 - y0);
      TangentArrow a = { 0 };
      double ux, uy, size, mx, my;

      if (!isfinite (len) || len < PATH_STEP_MIN)
        continue;

      /* The head sits in the middle of the step, so the iterates' dots
       * stay visible at both ends. */
      ux = (x1 - x0) / len;
      uy = (y1 - y0) / len;
      size = CLAMP (PATH_HEAD_FRACTION * len, PATH_HEAD_MIN, head_max);
      mx = (x0 + x1) / 2 + ux * size / 2;
      my = (y0 + y1) / 2 + uy * size / 2;
      a.x0 = mx - ux * size;
      a.y0 = my - uy * size;
      a.x1 = mx;
      a.y1 = my;
      a.head = size;
      a.magnitude = len;
      g_array_append_val (heads, a);
    }
  return heads;
}

/**
 * tangent_overlay_path_heads:
 * @vp: the viewport
 * @xy: (array): n_points x y pairs, data coordinates
 * @n_points: how many
 * @style: the path's width, which caps the size of the heads
 *
 * Returns: (transfer full): a GArray of #TangentArrow, one per step at
 *   least 12.5 device units long, in order
 */
GArray *
tangent_overlay_path_heads (const TangentViewport  *vp,
                            const double           *xy,
                            guint                   n_points,
                            const TangentPlotStyle *style)
{
  g_autofree double *p = NULL;

  g_return_val_if_fail (vp != NULL, NULL);
  g_return_val_if_fail (xy != NULL || n_points == 0, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (!tangent_viewport_is_valid (vp))
    return g_array_new (FALSE, FALSE, sizeof (TangentArrow));
  p = path_points (vp, xy, n_points);
  return heads_of (p, n_points, style);
}

/**
 * tangent_overlay_path:
 * @cr: the target
 * @vp: the viewport; the path is clipped to it
 * @xy: (array): n_points x y pairs, data coordinates
 * @n_points: how many
 * @color: the path's colour
 * @style: widths, halo
 *
 * An optimiser's path: the polyline through the iterates (broken where a
 * point is not finite), a small dot at each, a ring at the start, and an
 * arrowhead in the middle of every step long enough to carry one.
 */
void
tangent_overlay_path (cairo_t                *cr,
                      const TangentViewport  *vp,
                      const double           *xy,
                      guint                   n_points,
                      const TangentColor     *color,
                      const TangentPlotStyle *style)
{
  g_autofree double *p = NULL;
  g_autoptr(GArray) heads = NULL;
  gboolean pen = FALSE;

  g_return_if_fail (cr != NULL && vp != NULL && color != NULL && style != NULL);
  g_return_if_fail (xy != NULL || n_points == 0);

  if (!tangent_viewport_is_valid (vp) || n_points == 0)
    return;

  p = path_points (vp, xy, n_points);
  heads = heads_of (p, n_points, style);

  cairo_save (cr);
  cairo_rectangle (cr, vp->left, vp->top, vp->width, vp->height);
  cairo_clip (cr);
  cairo_new_path (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  for (guint i = 0; i < n_points; i++)
    {
      if (isnan (p[2 * i]))
        {
          pen = FALSE;
          continue;
        }
      if (pen)
        cairo_line_to (cr, p[2 * i], p[2 * i + 1]);
      else
        cairo_move_to (cr, p[2 * i], p[2 * i + 1]);
      pen = TRUE;
    }
  /* A halo under the line, then the line. */
  _tangent_set_color (cr, &style->halo_color);
  cairo_set_line_width (cr, style->overlay_width + 2);
  cairo_stroke_preserve (cr);
  _tangent_set_color (cr, color);
  cairo_set_line_width (cr, style->overlay_width);
  cairo_stroke (cr);

  if (n_points <= PATH_MAX_DOTS)
    {
      for (guint i = 1; i < n_points; i++)
        if (!isnan (p[2 * i]))
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, p[2 * i], p[2 * i + 1], PATH_DOT_RADIUS, 0, 2 * G_PI);
          }
      cairo_fill (cr);
    }

  for (guint i = 0; i < heads->len; i++)
    {
      const TangentArrow *a = &g_array_index (heads, TangentArrow, i);

      tangent_arrow_head (cr, a->x0, a->y0, a->x1, a->y1, a->head);
    }
  _tangent_set_color (cr, &style->halo_color);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke_preserve (cr);
  _tangent_set_color (cr, color);
  cairo_fill (cr);

  /* The start: a ring. */
  if (!isnan (p[0]))
    {
      cairo_arc (cr, p[0], p[1], style->marker_radius + 0.5, 0, 2 * G_PI);
      _tangent_set_color (cr, &style->halo_color);
      cairo_fill_preserve (cr);
      _tangent_set_color (cr, color);
      cairo_set_line_width (cr, 1.75);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}
