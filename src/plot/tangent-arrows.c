/* tangent-arrows.c: fields of gradient arrows and their legend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scale is never arbitrary (matplotlib's quiver picks one from the
 * mean length and the number of arrows, so the same field looks different
 * on another grid: its issues #7909 and #28209). Here the longest arrow
 * spans LONGEST_FRACTION of a grid cell, and the legend shows a sample
 * arrow for a nice magnitude (1, 2 or 5 × 10^k) on that same scale. An
 * arrow too short to read at scale (near a minimum it shrinks to nothing,
 * matplotlib's other complaint) is drawn at a minimum length in a thinner
 * style, and the legend says below which magnitude that happens, so no
 * length lies without saying so. A zero gradient is a dot; a gradient that
 * is not finite draws nothing, and the legend says that too.
 *
 * Direction: an arrow points where a step along ∇f (or −∇f) goes in the
 * plane as drawn, (fx, fy) mapped to the device; its length is |∇f| on the
 * one scale, whatever the direction. With equal aspect this is the usual
 * picture; with unequal aspect the arrows still point where gradient
 * descent would step.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-arrows"

#include <math.h>

#include "tangent-arrows.h"
#include "tangent-overlay-private.h"
#include "tangent-vm.h"

/* The longest arrow against the cell (it is centred on the grid point, so
 * a little less than a cell leaves a gap between neighbours in line). */
#define LONGEST_FRACTION   0.9
/* All arrows of a normalized field. */
#define NORMALIZED_FRACTION 0.7
/* The shortest arrow whose direction still reads, in device units, and
 * never more than this share of a cell. */
#define MIN_LENGTH          14.0
#define MIN_LENGTH_CELL     0.45
/* A head is this share of its arrow, up to HEAD_MAX_WIDTHS shaft widths
 * (and at least HEAD_MAX_FLOOR units for that cap): never longer than the
 * shaft that carries it. A lengthened arrow is drawn thinner, so its
 * head, of the same share, stands out against the shaft. */
#define HEAD_FRACTION       0.4
#define HEAD_MAX_WIDTHS     5.0
#define HEAD_MAX_FLOOR      6.0
#define HEAD_HALF_WIDTH     0.42
#define MAX_GRID            400
#define HALO_WIDTH          1.0

/**
 * tangent_nice_floor:
 * @value: a positive number
 *
 * Returns: the largest 1, 2 or 5 × 10^k that is ≤ @value; 0 when @value
 *   is not positive and finite
 */
double
tangent_nice_floor (double value)
{
  static const double steps[] = { 5, 2, 1 };
  double p;

  if (!(value > 0) || !isfinite (value))
    return 0;

  p = pow (10, floor (log10 (value)));
  /* log10 may land one decade off near a power of ten. */
  if (p > value)
    p /= 10;
  else if (p * 10 <= value)
    p *= 10;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * p <= value)
      return steps[i] * p;
  return p;
}

/* The layout knows no style; heads are sized for this width and
 * re-sized by tangent_arrows_draw() for the style's. */
#define LAYOUT_WIDTH        1.25

double
_tangent_arrow_head_for (double           length,
                         double           width,
                         TangentArrowKind kind)
{
  double cap = MAX (HEAD_MAX_FLOOR, HEAD_MAX_WIDTHS * width);

  (void) kind;
  return MIN (HEAD_FRACTION * length, cap);
}

/**
 * tangent_arrows_layout:
 * @vp: the viewport
 * @grad: a program of x and y with outputs f, ∂f/∂x, ∂f/∂y
 * @params: (nullable): its parameter values
 * @options: grid density, sign, normalization
 * @legend: (out caller-allocates) (optional): what the arrows mean
 *
 * Evaluates the gradient at the centres of a @options->grid² grid of
 * cells in one tangent_vm_eval() call and lays the arrows out in device
 * units (see the top of this file for the scale).
 *
 * Returns: (transfer full): a GArray of #TangentArrow
 */
GArray *
tangent_arrows_layout (const TangentViewport     *vp,
                       const TangentProgram      *grad,
                       const double              *params,
                       const TangentArrowOptions *options,
                       TangentArrowLegend        *legend)
{
  g_autofree double *buf = NULL;
  TangentArrowLegend dummy;
  GArray *arrows = g_array_new (FALSE, FALSE, sizeof (TangentArrow));
  double *xs, *ys, *f, *fx, *fy, *mag;
  double cell, sx, sy, max_mag = 0, min_mag = INFINITY, scale = 0, min_len = 0;
  gsize n, n_points;
  gboolean any = FALSE;

  g_return_val_if_fail (vp != NULL, arrows);
  g_return_val_if_fail (grad != NULL, arrows);
  g_return_val_if_fail (options != NULL, arrows);
  g_return_val_if_fail (tangent_program_get_n_outputs (grad) >= 3, arrows);

  if (legend == NULL)
    legend = &dummy;
  *legend = (TangentArrowLegend) { 0 };
  legend->normalized = options->normalized;
  legend->negative = options->negative;

  if (!tangent_viewport_is_valid (vp) || options->grid == 0)
    return arrows;

  n = MIN (options->grid, MAX_GRID);
  n_points = n * n;
  buf = g_new (double, 6 * n_points);
  xs = buf;
  ys = xs + n_points;
  f = ys + n_points;
  fx = f + n_points;
  fy = fx + n_points;
  mag = fy + n_points;

  for (gsize j = 0; j < n; j++)
    for (gsize i = 0; i < n; i++)
      {
        xs[j * n + i] = vp->xmin + (vp->xmax - vp->xmin) * (i + 0.5) / n;
        ys[j * n + i] = vp->ymin + (vp->ymax - vp->ymin) * (j + 0.5) / n;
      }

  {
    const double *vars[TANGENT_N_VARIABLES] = { xs, ys, NULL };
    double *outs[3] = { f, fx, fy };
    g_autofree double *extra = NULL;
    guint n_outputs = tangent_program_get_n_outputs (grad);
    g_autofree double **all = g_new (double *, n_outputs);

    /* Outputs past ∂f/∂y (a Hessian) are computed and thrown away. */
    if (n_outputs > 3)
      extra = g_new (double, (n_outputs - 3) * n_points);
    for (guint k = 0; k < n_outputs; k++)
      all[k] = k < 3 ? outs[k] : extra + (k - 3) * n_points;
    tangent_vm_eval (grad, params, vars, n_points, all);
  }

  for (gsize k = 0; k < n_points; k++)
    {
      /* Where f itself is undefined its "gradient" means nothing. */
      mag[k] = isfinite (f[k]) && isfinite (fx[k]) && isfinite (fy[k])
               ? hypot (fx[k], fy[k]) : NAN;
      if (!isfinite (mag[k]))
        {
          legend->n_undefined++;
          continue;
        }
      any = TRUE;
      max_mag = MAX (max_mag, mag[k]);
      min_mag = MIN (min_mag, mag[k]);
    }
  if (!any)
    return arrows;

  legend->min_magnitude = min_mag;
  legend->max_magnitude = max_mag;

  cell = MIN (vp->width, vp->height) / n;
  sx = vp->width / (vp->xmax - vp->xmin);
  sy = vp->height / (vp->ymax - vp->ymin);

  if (options->normalized)
    legend->length_px = NORMALIZED_FRACTION * cell;
  else if (max_mag > 0)
    {
      scale = LONGEST_FRACTION * cell / max_mag;
      min_len = MIN (MIN_LENGTH, MIN_LENGTH_CELL * cell);
      legend->magnitude = tangent_nice_floor (max_mag);
      legend->length_px = legend->magnitude * scale;
      legend->min_length_px = min_len;
      legend->lengthened_below = min_len / scale;
    }

  for (gsize k = 0; k < n_points; k++)
    {
      TangentArrow a = { 0 };
      double cx, cy, dx, dy, d, len;

      if (!isfinite (mag[k]))
        continue;

      cx = tangent_viewport_to_px (vp, xs[k]);
      cy = tangent_viewport_to_py (vp, ys[k]);
      a.magnitude = mag[k];

      /* The direction on the device, through the unit vector first so
       * that a huge gradient does not overflow. */
      dx = mag[k] > 0 ? fx[k] / mag[k] * sx : 0;
      dy = mag[k] > 0 ? -fy[k] / mag[k] * sy : 0;
      d = hypot (dx, dy);
      if (!(d > 0) || !isfinite (d))
        {
          a.kind = TANGENT_ARROW_ZERO;
          a.x0 = a.x1 = cx;
          a.y0 = a.y1 = cy;
          legend->n_zero++;
          g_array_append_val (arrows, a);
          continue;
        }
      dx /= d;
      dy /= d;
      if (options->negative)
        {
          dx = -dx;
          dy = -dy;
        }

      if (options->normalized)
        len = legend->length_px;
      else
        {
          len = mag[k] * scale;
          if (len < min_len)
            {
              len = min_len;
              a.kind = TANGENT_ARROW_LENGTHENED;
              legend->n_lengthened++;
            }
        }

      a.x0 = cx - dx * len / 2;
      a.y0 = cy - dy * len / 2;
      a.x1 = cx + dx * len / 2;
      a.y1 = cy + dy * len / 2;
      a.head = _tangent_arrow_head_for (len, LAYOUT_WIDTH, a.kind);
      g_array_append_val (arrows, a);
    }

  return arrows;
}

/**
 * tangent_arrow_head:
 * @cr: the target
 * @x0: a point behind the tip, giving the direction
 * @y0: its y
 * @x1: the tip
 * @y1: its y
 * @size: the length of the head, device units
 *
 * Adds the head — a closed triangle with its tip at (@x1, @y1) — to the
 * current path as a new sub-path; fill it with the current source. Several
 * heads can be added before one fill.
 */
void
tangent_arrow_head (cairo_t *cr,
                    double   x0,
                    double   y0,
                    double   x1,
                    double   y1,
                    double   size)
{
  g_return_if_fail (cr != NULL);

  _tangent_arrow_head_grown (cr, x0, y0, x1, y1, size, 0);
}

/* The head's triangle grown by `grow` on every side: its mitred outline,
 * which a fill draws far faster than cairo strokes a triangle (the halo).
 * The offset of a triangle is the triangle scaled about its incentre by
 * (r + grow) / r, r the inradius. */
void
_tangent_arrow_head_grown (cairo_t *cr,
                           double   x0,
                           double   y0,
                           double   x1,
                           double   y1,
                           double   size,
                           double   grow)
{
  double dx = x1 - x0, dy = y1 - y0;
  double d = hypot (dx, dy);
  double w, r, k, ix, iy, v[3][2];

  if (!(d > 0) || !isfinite (d) || !(size > 0))
    return;

  dx /= d;
  dy /= d;
  w = HEAD_HALF_WIDTH * size;
  v[0][0] = x1;
  v[0][1] = y1;
  v[1][0] = x1 - dx * size - dy * w;
  v[1][1] = y1 - dy * size + dx * w;
  v[2][0] = x1 - dx * size + dy * w;
  v[2][1] = y1 - dy * size - dx * w;

  /* Inradius = area / semiperimeter; the incentre is on the axis, r in
   * front of the base. */
  r = size * w / (hypot (size, w) + w);
  ix = x1 - dx * (size - r);
  iy = y1 - dy * (size - r);
  k = (r + MAX (grow, 0)) / r;

  cairo_new_sub_path (cr);
  cairo_move_to (cr, ix + k * (v[0][0] - ix), iy + k * (v[0][1] - iy));
  cairo_line_to (cr, ix + k * (v[1][0] - ix), iy + k * (v[1][1] - iy));
  cairo_line_to (cr, ix + k * (v[2][0] - ix), iy + k * (v[2][1] - iy));
  cairo_close_path (cr);
}

/* One arrow as filled shapes: the shaft a rectangle that ends under the
 * head (inside it, so the joint shows no seam), the head a triangle, both
 * wound the same way so that the non-zero rule unites them; a zero
 * gradient a dot. grow > 0 gives the halo: the same shapes grown by it on
 * every side. All arrows then fill in one call — cairo scan-converts a
 * path's whole extent once per fill or stroke, so a few calls over the
 * whole view, not several per kind, keep a 25 × 25 field fast. */
static void
add_arrow (cairo_t                *cr,
           const TangentArrow     *a,
           const TangentPlotStyle *style,
           gboolean                halo)
{
  double len = hypot (a->x1 - a->x0, a->y1 - a->y0);
  double hw = style->arrow_width * (a->kind == TANGENT_ARROW_LENGTHENED ? TANGENT_ARROW_THIN : 1) / 2;
  /* A full halo would swallow a small arrow: theirs is thinner. */
  double grow = halo ? HALO_WIDTH * (a->kind == TANGENT_ARROW_SCALED ? 1 : 0.5) : 0;
  double ux, uy, nx, ny, ex, ey, tx, ty;

  if (a->kind == TANGENT_ARROW_ZERO || !(len > 0))
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, a->x0, a->y0, MAX (1.0, 0.9 * style->arrow_width) + grow, 0, 2 * G_PI);
      return;
    }

  ux = (a->x1 - a->x0) / len;
  uy = (a->y1 - a->y0) / len;
  nx = -uy * (hw + grow);
  ny = ux * (hw + grow);
  tx = a->x0 - ux * grow;
  ty = a->y0 - uy * grow;
  ex = a->x1 - ux * 0.7 * a->head;
  ey = a->y1 - uy * 0.7 * a->head;

  cairo_move_to (cr, ex + nx, ey + ny);
  cairo_line_to (cr, tx + nx, ty + ny);
  cairo_line_to (cr, tx - nx, ty - ny);
  cairo_line_to (cr, ex - nx, ey - ny);
  cairo_close_path (cr);
  _tangent_arrow_head_grown (cr, a->x0, a->y0, a->x1, a->y1, a->head, grow);
}

static void
fill_arrows (cairo_t                *cr,
             const TangentArrow     *arrows,
             guint                   n,
             const TangentPlotStyle *style,
             gboolean                halo)
{
  const TangentColor *color = halo ? &style->halo_color : &style->arrow_color;

  if (color->alpha <= 0)
    return;

  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    add_arrow (cr, &arrows[i], style, halo);
  _tangent_set_color (cr, color);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill (cr);
}

/* Arrows with their halo, as the field draws them (the legend's samples). */
void
_tangent_arrows_fill (cairo_t                *cr,
                      const TangentArrow     *arrows,
                      guint                   n,
                      const TangentPlotStyle *style)
{
  cairo_save (cr);
  /* cairo's fast antialiasing looks the same on shapes this small (checked
   * zoomed in) and fills a 25 × 25 field with halos in less than half the
   * CPU time of the default on an image surface (5.1 → 2.2 ms at
   * 1200 × 900). Vector surfaces ignore it. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  fill_arrows (cr, arrows, n, style, TRUE);
  fill_arrows (cr, arrows, n, style, FALSE);
  cairo_restore (cr);
}

/**
 * tangent_arrows_draw:
 * @cr: the target
 * @vp: the viewport; arrows are clipped to it
 * @grad: a program of x and y with outputs f, ∂f/∂x, ∂f/∂y
 * @params: (nullable): its parameter values
 * @options: grid density, sign, normalization, streamlines
 * @style: arrow colour, width and halo
 * @legend: (out caller-allocates) (optional): what the arrows mean, for
 *   tangent_arrows_draw_legend()
 *
 * Draws the field laid out by tangent_arrows_layout(), with streamlines
 * beneath when @options->streamlines is set.
 */
void
tangent_arrows_draw (cairo_t                   *cr,
                     const TangentViewport     *vp,
                     const TangentProgram      *grad,
                     const double              *params,
                     const TangentArrowOptions *options,
                     const TangentPlotStyle    *style,
                     TangentArrowLegend        *legend)
{
  g_autoptr(GArray) arrows = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (vp != NULL);
  g_return_if_fail (grad != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (style != NULL);

  arrows = tangent_arrows_layout (vp, grad, params, options, legend);
  if (!tangent_viewport_is_valid (vp))
    return;

  /* The layout sized the heads for LAYOUT_WIDTH. */
  for (guint i = 0; i < arrows->len; i++)
    {
      TangentArrow *a = &g_array_index (arrows, TangentArrow, i);

      a->head = _tangent_arrow_head_for (hypot (a->x1 - a->x0, a->y1 - a->y0), style->arrow_width,
                                         a->kind);
    }

  cairo_save (cr);
  cairo_rectangle (cr, vp->left, vp->top, vp->width, vp->height);
  cairo_clip (cr);
  cairo_new_path (cr);

  if (options->streamlines)
    _tangent_streamlines_draw (cr, vp, grad, params, options, style);

  /* Keep the labels readable: leave out arrows that would cross one. */
  for (guint i = arrows->len; i-- > 0 && options->n_avoid > 0;)
    {
      const TangentArrow *a = &g_array_index (arrows, TangentArrow, i);

      for (guint k = 0; k < options->n_avoid; k++)
        {
          if (tangent_box_meets_segment (&options->avoid[k], a->head + 1, a->x0, a->y0, a->x1, a->y1))
            {
              g_array_remove_index (arrows, i);
              break;
            }
        }
    }

  _tangent_arrows_fill (cr, (const TangentArrow *) arrows->data, arrows->len, style);

  cairo_restore (cr);
}
