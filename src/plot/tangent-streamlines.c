/* tangent-streamlines.c: evenly spaced streamlines of a gradient field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A simplified Jobard and Lefer ("Creating evenly-spaced streamlines of
 * arbitrary density", 1997): seeds on a grid of the arrows' spacing; each
 * line is integrated both ways from its seed with the midpoint rule (RK2)
 * on the unit direction field, one device unit per step, and stops at the
 * edge of the view, where the gradient falls below a thousandth of the
 * field's largest, where the direction turns back (a sink or a saddle),
 * or on entering a cell of a coarse occupancy grid that a line already
 * passed through. The direction is the arrows' (tangent-arrows.c): where
 * a step along ∇f goes in the plane as drawn.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-arrows"

#include <math.h>

#include "tangent-arrows.h"
#include "tangent-overlay-private.h"
#include "tangent-vm.h"

/* The occupancy grid against the seed spacing: lines come no closer than
 * about this share of the spacing. */
#define OCCUPANCY_FRACTION 0.5
#define LOW_MAGNITUDE      1e-3
#define STEP               1.0
#define KEEP_EVERY         4
/* Lines shorter than this share of the spacing are dropped. */
#define MIN_LINE_FRACTION  0.5
/* Heads along a line, one per this many spacings of length. */
#define HEAD_EVERY         2.5
#define HEAD_SIZE          5.0

typedef struct
{
  const TangentViewport *vp;
  const TangentProgram  *grad;
  const double          *params;
  double                 sx, sy;
  double                 sign;
  double                 low;      /* magnitude below which a line stops */
  guint                  n_outputs;
  double                *outs;
  /* occupancy */
  guint                 *occ;
  guint                  cols, rows;
  double                 cell;
} Tracer;

/* The unit direction at device point (px, py); FALSE where there is none
 * to follow (outside the domain, too small a gradient). */
static gboolean
direction (Tracer *t,
           double  px,
           double  py,
           double *ux,
           double *uy)
{
  double point[TANGENT_N_VARIABLES] = {
    tangent_viewport_from_px (t->vp, px),
    tangent_viewport_from_py (t->vp, py),
    0,
  };
  double fx, fy, mag, dx, dy, d;

  tangent_program_eval_point (t->grad, t->params, point, t->outs);
  fx = t->outs[1];
  fy = t->outs[2];
  mag = hypot (fx, fy);
  if (!isfinite (mag) || !(mag > t->low))
    return FALSE;

  dx = fx / mag * t->sx;
  dy = -fy / mag * t->sy;
  d = hypot (dx, dy);
  if (!(d > 0))
    return FALSE;
  *ux = t->sign * dx / d;
  *uy = t->sign * dy / d;
  return TRUE;
}

static gboolean
cell_of (Tracer *t,
         double  px,
         double  py,
         guint  *index)
{
  double cx = (px - t->vp->left) / t->cell;
  double cy = (py - t->vp->top) / t->cell;

  if (!(cx >= 0 && cy >= 0 && cx < t->cols && cy < t->rows))
    return FALSE;
  *index = (guint) cy * t->cols + (guint) cx;
  return TRUE;
}

/* Follows the field from the seed (forwards with dir = 1, backwards with
 * -1), appending points to line and marking cells with id. Every
 * KEEP_EVERY-th point is kept, and the last: at one-unit steps the chords
 * between them stay within a fraction of a unit of the curve wherever it
 * bends less sharply than a radius of a few units. */
static void
trace (Tracer *t,
       double  px,
       double  py,
       double  dir,
       guint   id,
       GArray *line)
{
  guint max_steps = (guint) (4 * (t->vp->width + t->vp->height) / STEP);
  guint cell, since_kept = 0;

  if (!cell_of (t, px, py, &cell))
    return;

  for (guint s = 0; s < max_steps; s++)
    {
      double k1x, k1y, k2x, k2y, nx, ny;
      guint next;

      if (!direction (t, px, py, &k1x, &k1y)
          || !direction (t, px + dir * STEP / 2 * k1x, py + dir * STEP / 2 * k1y, &k2x, &k2y)
          || k1x * k2x + k1y * k2y < 0)
        break;

      nx = px + dir * STEP * k2x;
      ny = py + dir * STEP * k2y;
      if (!cell_of (t, nx, ny, &next))
        break;
      if (next != cell)
        {
          if (t->occ[next] != 0)
            break;
          t->occ[next] = id;
          cell = next;
        }
      px = nx;
      py = ny;
      if (++since_kept == KEEP_EVERY)
        {
          g_array_append_val (line, px);
          g_array_append_val (line, py);
          since_kept = 0;
        }
    }

  if (since_kept > 0)
    {
      g_array_append_val (line, px);
      g_array_append_val (line, py);
    }
}

static double
polyline_length (const GArray *line)
{
  const double *p = (const double *) line->data;
  double len = 0;

  for (guint i = 2; i < line->len; i += 2)
    len += hypot (p[i] - p[i - 2], p[i + 1] - p[i - 1]);
  return len;
}

/**
 * tangent_streamlines_layout:
 * @vp: the viewport
 * @grad: a program of x and y with outputs f, ∂f/∂x, ∂f/∂y
 * @params: (nullable): its parameter values
 * @options: the seed spacing is the arrows' grid; negative follows −∇f
 *
 * Returns: (transfer full): a GPtrArray of GArray of double, x y pairs in
 *   device units, each line in the direction of the flow
 */
GPtrArray *
tangent_streamlines_layout (const TangentViewport     *vp,
                            const TangentProgram      *grad,
                            const double              *params,
                            const TangentArrowOptions *options)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree guint *occ = NULL;
  g_autofree double *outs = NULL;
  g_autoptr(GArray) arrows = NULL;
  TangentArrowOptions probe;
  TangentArrowLegend legend;
  Tracer t = { 0 };
  double spacing;
  guint n, id = 0;

  g_return_val_if_fail (vp != NULL, lines);
  g_return_val_if_fail (grad != NULL, lines);
  g_return_val_if_fail (options != NULL, lines);
  g_return_val_if_fail (tangent_program_get_n_outputs (grad) >= 3, lines);

  if (!tangent_viewport_is_valid (vp) || options->grid == 0)
    return lines;

  /* The field's scale, from the arrows' grid: one evaluation call. */
  probe = *options;
  probe.normalized = TRUE;
  arrows = tangent_arrows_layout (vp, grad, params, &probe, &legend);
  if (!(legend.max_magnitude > 0) || !isfinite (legend.max_magnitude))
    return lines;

  n = MIN (options->grid, 400);
  spacing = MIN (vp->width, vp->height) / n;
  t.vp = vp;
  t.grad = grad;
  t.params = params;
  t.sx = vp->width / (vp->xmax - vp->xmin);
  t.sy = vp->height / (vp->ymax - vp->ymin);
  t.sign = options->negative ? -1 : 1;
  t.low = LOW_MAGNITUDE * legend.max_magnitude;
  t.n_outputs = tangent_program_get_n_outputs (grad);
  t.outs = outs = g_new (double, t.n_outputs);
  t.cell = MAX (2.0, OCCUPANCY_FRACTION * spacing);
  t.cols = (guint) ceil (vp->width / t.cell);
  t.rows = (guint) ceil (vp->height / t.cell);
  t.occ = occ = g_new0 (guint, (gsize) t.cols * t.rows);

  for (double sy = vp->top + spacing / 2; sy < vp->top + vp->height; sy += spacing)
    for (double sx = vp->left + spacing / 2; sx < vp->left + vp->width; sx += spacing)
      {
        g_autoptr(GArray) back = g_array_new (FALSE, FALSE, sizeof (double));
        GArray *line;
        guint seed_cell;

        if (!cell_of (&t, sx, sy, &seed_cell) || occ[seed_cell] != 0)
          continue;
        id++;
        occ[seed_cell] = id;

        trace (&t, sx, sy, -1, id, back);
        line = g_array_sized_new (FALSE, FALSE, sizeof (double), back->len + 64);
        /* The backward half reversed, the seed, then the forward half. */
        for (guint i = back->len; i >= 2; i -= 2)
          {
            g_array_append_val (line, g_array_index (back, double, i - 2));
            g_array_append_val (line, g_array_index (back, double, i - 1));
          }
        g_array_append_val (line, sx);
        g_array_append_val (line, sy);
        trace (&t, sx, sy, 1, id, line);

        if (polyline_length (line) < MIN_LINE_FRACTION * spacing)
          {
            g_array_unref (line);
            continue;
          }
        g_ptr_array_add (lines, line);
      }

  return lines;
}

/* Thin lines under the arrows, with small heads spaced along them. */
void
_tangent_streamlines_draw (cairo_t                   *cr,
                           const TangentViewport     *vp,
                           const TangentProgram      *grad,
                           const double              *params,
                           const TangentArrowOptions *options,
                           const TangentPlotStyle    *style)
{
  g_autoptr(GPtrArray) lines = tangent_streamlines_layout (vp, grad, params, options);
  double spacing = MIN (vp->width, vp->height) / MAX (options->grid, 1u);

  cairo_save (cr);
  /* Thin lines: round joins would cost much and show nothing. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (guint l = 0; l < lines->len; l++)
    {
      const GArray *line = g_ptr_array_index (lines, l);
      const double *p = (const double *) line->data;

      cairo_move_to (cr, p[0], p[1]);
      for (guint i = 2; i < line->len; i += 2)
        cairo_line_to (cr, p[i], p[i + 1]);
    }
  _tangent_set_color_alpha (cr, &style->arrow_color, 0.5);
  cairo_set_line_width (cr, 0.6 * style->arrow_width);
  cairo_stroke (cr);

  for (guint l = 0; l < lines->len; l++)
    {
      const GArray *line = g_ptr_array_index (lines, l);
      const double *p = (const double *) line->data;
      guint n = line->len / 2;
      double every = HEAD_EVERY * spacing, along = every / 2;

      for (guint i = 1; i < n; i++)
        {
          along += hypot (p[2 * i] - p[2 * i - 2], p[2 * i + 1] - p[2 * i - 1]);
          if (along < every)
            continue;
          along = 0;
          tangent_arrow_head (cr, p[2 * i - 2], p[2 * i - 1], p[2 * i], p[2 * i + 1], HEAD_SIZE);
        }
    }
  _tangent_set_color_alpha (cr, &style->arrow_color, 0.6);
  cairo_fill (cr);
  cairo_restore (cr);
}
