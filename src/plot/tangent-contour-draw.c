/* tangent-contour-draw.c: level lines and their labels, and the whole map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lines are stroked polylines with the stretches under labels left out.
 * On image surfaces they are rasterised here (a coverage mask, the
 * maximum over segments so joins are not covered twice, then composited
 * once per ink), for the same reason as the bands: cairo's antialiased
 * stroker needs over 10 ms for the Himmelblau figure's 20 000 segments.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-contour-draw"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tangent-contour-draw-private.h"
#include "tangent-path-simplify.h"

/* --- Lines and labels -------------------------------------------------- */

static gboolean
ink_is_light (const TangentContourOptions *options,
              const TangentColor          *bands,
              const TangentPlotStyle      *style,
              guint                        k)
{
  if (!options->filled)
    return tangent_color_get_lightness (&style->background) < 50;
  return (tangent_color_get_lightness (&bands[k]) + tangent_color_get_lightness (&bands[k + 1])) / 2
         < 52;
}

static int
compare_cuts (gconstpointer a,
              gconstpointer b)
{
  const TangentContourCut *ca = a, *cb = b;

  if (ca->level != cb->level)
    return ca->level < cb->level ? -1 : 1;
  if (ca->line != cb->line)
    return ca->line < cb->line ? -1 : 1;
  return ca->s0 < cb->s0 ? -1 : ca->s0 > cb->s0;
}

/* Where a line's pieces go: a cairo path, or the pixel mask of the
 * raster path. */
typedef struct
{
  guint8 *mask;            /* w × h coverage bytes; covers pixels x0.., y0.. */
  int     x0, y0, w, h;
  int     bx0, by0, bx1, by1;   /* touched, inclusive */
  double  sx, sy, ox, oy;  /* device → pixel */
  float   hw;              /* half the line width, pixels */
} LineMask;

/* The coverage of a line of half width hw at distance d from its axis,
 * a one-pixel ramp, kept as the maximum over the segments so that the
 * joins of a polyline are not covered twice. */
static void
mask_segment (LineMask *m,
              double    ax,
              double    ay,
              double    bx,
              double    by)
{
  float rad = m->hw + 0.5f, rad2 = rad * rad;
  float dx = (float) (bx - ax), dy = (float) (by - ay);
  float l2 = dx * dx + dy * dy, inv = l2 > 0 ? 1 / l2 : 0;
  int X0 = MAX (m->x0, (int) floor (MIN (ax, bx) - rad));
  int X1 = MIN (m->x0 + m->w - 1, (int) ceil (MAX (ax, bx) + rad));
  int Y0 = MAX (m->y0, (int) floor (MIN (ay, by) - rad));
  int Y1 = MIN (m->y0 + m->h - 1, (int) ceil (MAX (ay, by) + rad));

  if (X0 > X1 || Y0 > Y1)
    return;
  m->bx0 = MIN (m->bx0, X0);
  m->by0 = MIN (m->by0, Y0);
  m->bx1 = MAX (m->bx1, X1);
  m->by1 = MAX (m->by1, Y1);

  for (int Y = Y0; Y <= Y1; Y++)
    {
      guint8 *row = m->mask + (gsize) (Y - m->y0) * m->w - m->x0;
      float py = (float) (Y + 0.5 - ay);
      int from = X0, to = X1;

      /* Only the columns within rad of the segment's infinite line: for
       * a slanted segment, a band across its bounding box. */
      if (l2 > 0 && dy * dy > 0.04f * l2)
        {
          float len = sqrtf (l2), nx = -dy / len, ny = dx / len;
          float xa = (-rad - ny * py) / nx, xb = (rad - ny * py) / nx;
          float lo = MIN (xa, xb) + (float) ax - 0.5f, hi = MAX (xa, xb) + (float) ax - 0.5f;

          from = MAX (from, (int) floorf (lo));
          to = MIN (to, (int) ceilf (hi));
        }

      for (int X = from; X <= to; X++)
        {
          float px = (float) (X + 0.5 - ax);
          float t = (px * dx + py * dy) * inv, ex, ey, d2, cov;
          guint8 c;

          t = CLAMP (t, 0.0f, 1.0f);
          ex = px - t * dx;
          ey = py - t * dy;
          d2 = ex * ex + ey * ey;
          if (d2 >= rad2)
            continue;
          cov = rad - sqrtf (d2);
          c = cov >= 1 ? 255 : (guint8) (cov * 255 + 0.5f);
          if (c > row[X])
            row[X] = c;
        }
    }
}

#define MAX_HELD 16

/* The raster sink merges runs of nearly collinear segments (within
 * SIMPLIFY_TOLERANCE pixels of one chord), since each segment costs a
 * pass over its neighbourhood whatever its length. */
#define SIMPLIFY_TOLERANCE 0.12

/* How far a vector line may stray from the traced one, device units. */
#define VECTOR_TOLERANCE 0.05

typedef struct
{
  cairo_t  *cr;            /* the vector sink, or NULL */
  TangentPathSimplifier path;   /* … through which it is built */
  LineMask *mask;          /* the raster sink */
  double    ax, ay;        /* the last point drawn to, pixels */
  double    held[2 * MAX_HELD];   /* points passed since, not yet drawn */
  guint     n_held;
} Sink;

static void
sink_flush (Sink *s)
{
  for (guint h = 0; h < s->n_held; h++)
    {
      mask_segment (s->mask, s->ax, s->ay, s->held[2 * h], s->held[2 * h + 1]);
      s->ax = s->held[2 * h];
      s->ay = s->held[2 * h + 1];
    }
  s->n_held = 0;
}

/* Can the held points and (qx, qy) be replaced by one chord from the
 * anchor? */
static gboolean
sink_can_extend (const Sink *s,
                 double      qx,
                 double      qy)
{
  double dx = qx - s->ax, dy = qy - s->ay, len2 = dx * dx + dy * dy;

  if (s->n_held >= MAX_HELD || len2 <= 0)
    return FALSE;
  for (guint h = 0; h < s->n_held; h++)
    {
      double px = s->held[2 * h] - s->ax, py = s->held[2 * h + 1] - s->ay;
      double cross = px * dy - py * dx, dot = px * dx + py * dy;

      if (cross * cross > SIMPLIFY_TOLERANCE * SIMPLIFY_TOLERANCE * len2 || dot < 0 || dot > len2)
        return FALSE;
    }
  return TRUE;
}

static void
sink_move (Sink   *s,
           double  x,
           double  y)
{
  if (s->cr != NULL)
    tangent_path_simplifier_move_to (&s->path, x, y);
  else
    {
      sink_flush (s);
      s->ax = x * s->mask->sx + s->mask->ox;
      s->ay = y * s->mask->sy + s->mask->oy;
    }
}

static void
sink_line (Sink   *s,
           double  x,
           double  y)
{
  if (s->cr != NULL)
    tangent_path_simplifier_line_to (&s->path, x, y);
  else
    {
      double qx = x * s->mask->sx + s->mask->ox, qy = y * s->mask->sy + s->mask->oy;

      if (s->n_held > 0 && !sink_can_extend (s, qx, qy))
        {
          /* Draw to the last held point; it becomes the anchor. */
          double hx = s->held[2 * (s->n_held - 1)], hy = s->held[2 * (s->n_held - 1) + 1];

          mask_segment (s->mask, s->ax, s->ay, hx, hy);
          s->ax = hx;
          s->ay = hy;
          s->n_held = 0;
        }
      s->held[2 * s->n_held] = qx;
      s->held[2 * s->n_held + 1] = qy;
      s->n_held++;
    }
}

/* Sends a line, in device units, leaving out the arc-length ranges
 * cuts[0..n_cuts) (ascending). */
static void
path_line (Sink                    *sink,
           const TangentViewport   *vp,
           const double            *p,
           guint                    n,
           gboolean                 closed,
           const TangentContourCut *cuts,
           guint                    n_cuts)
{
  double px = 0, py = 0, s = 0;
  gboolean pen = FALSE;
  guint cut = 0;

  if (n_cuts == 0)
    {
      for (guint k = 0; k <= n; k++)
        {
          double x, y;

          if (k == n && !closed)
            break;
          x = tangent_viewport_to_px (vp, p[2 * (k % n)]);
          y = tangent_viewport_to_py (vp, p[2 * (k % n) + 1]);
          if (k == 0)
            sink_move (sink, x, y);
          else if (k == n && sink->cr != NULL)
            tangent_path_simplifier_close (&sink->path);
          else
            sink_line (sink, x, y);
        }
      return;
    }

  for (guint k = 0; k <= n; k++)
    {
      double x, y, len, s_end;

      if (k == n && !closed)
        break;
      x = tangent_viewport_to_px (vp, p[2 * (k % n)]);
      y = tangent_viewport_to_py (vp, p[2 * (k % n) + 1]);
      if (k == 0)
        {
          px = x;
          py = y;
          pen = !(cuts[0].s0 <= 0);
          if (pen)
            sink_move (sink, x, y);
          continue;
        }

      len = sqrt ((x - px) * (x - px) + (y - py) * (y - py));
      s_end = s + len;
      /* Walk the segment through the cut boundaries that fall on it. */
      while (cut < n_cuts && (pen ? cuts[cut].s0 : cuts[cut].s1) <= s_end)
        {
          double at = pen ? cuts[cut].s0 : cuts[cut].s1;
          double f = len > 0 ? CLAMP ((at - s) / len, 0, 1) : 0;
          double ix = px + f * (x - px), iy = py + f * (y - py);

          if (pen)
            sink_line (sink, ix, iy);
          else
            {
              sink_move (sink, ix, iy);
              cut++;
            }
          pen = !pen;
        }
      if (pen)
        sink_line (sink, x, y);
      px = x;
      py = y;
      s = s_end;
    }
}

/* Paints the ink through the mask where it was touched, then clears it. */
static void
mask_composite (LineMask           *m,
                cairo_surface_t    *target,
                const TangentColor *ink)
{
  guint8 *data = cairo_image_surface_get_data (target);
  int stride = cairo_image_surface_get_stride (target);
  gboolean has_alpha = cairo_image_surface_get_format (target) == CAIRO_FORMAT_ARGB32;
  guint ir = (guint) (CLAMP (ink->red, 0, 1) * 255 + 0.5);
  guint ig = (guint) (CLAMP (ink->green, 0, 1) * 255 + 0.5);
  guint ib = (guint) (CLAMP (ink->blue, 0, 1) * 255 + 0.5);
  guint ia = (guint) (CLAMP (ink->alpha, 0, 1) * 256 + 0.5);

  if (m->bx0 > m->bx1)
    return;
  for (int Y = m->by0; Y <= m->by1; Y++)
    {
      guint8 *row = m->mask + (gsize) (Y - m->y0) * m->w - m->x0;
      guint32 *out = (guint32 *) (void *) (data + (gsize) Y * stride);

      for (int X = m->bx0; X <= m->bx1; X++)
        {
          guint c = row[X], a, na, p;

          if (c == 0)
            continue;
          row[X] = 0;
          a = (c * ia + 127) / 255;          /* 0..256 */
          na = 256 - a;
          p = out[X];
          out[X] = ((has_alpha ? ((255 * a + (p >> 24) * na + 128) >> 8) : 255) << 24)
                 | (((ir * a + ((p >> 16) & 0xff) * na + 128) >> 8) << 16)
                 | (((ig * a + ((p >> 8) & 0xff) * na + 128) >> 8) << 8)
                 | ((ib * a + (p & 0xff) * na + 128) >> 8);
        }
    }
  m->bx0 = m->by0 = G_MAXINT;
  m->bx1 = m->by1 = G_MININT;
}

static void
draw_lines (cairo_t                     *cr,
            const TangentViewport       *vp,
            TangentContour             **contours,
            guint                        n_levels,
            const TangentContourOptions *options,
            const TangentColor          *bands,
            const TangentPlotStyle      *style,
            GArray                      *cuts)
{
  g_autofree guint8 *mask_data = NULL;
  LineMask mask = { 0, };
  RasterTarget rt;
  Sink sink = { .cr = cr };

  g_array_sort (cuts, compare_cuts);

  /* The raster path, for the same reason as the bands': cairo's
   * antialiased stroker takes over 10 ms for the Himmelblau figure's
   * 20 000 segments. */
  if (_tangent_contour_raster_target (cr, &rt) && rt.x0 < rt.x1 && rt.y0 < rt.y1
      && fabs (rt.sx - rt.sy) < 1e-9 * rt.sx)
    {
      mask.x0 = rt.x0;
      mask.y0 = rt.y0;
      mask.w = rt.x1 - rt.x0;
      mask.h = rt.y1 - rt.y0;
      mask_data = g_malloc0 ((gsize) mask.w * mask.h);
      mask.mask = mask_data;
      mask.bx0 = mask.by0 = G_MAXINT;
      mask.bx1 = mask.by1 = G_MININT;
      mask.sx = rt.sx;
      mask.sy = rt.sy;
      mask.ox = rt.ox;
      mask.oy = rt.oy;
      mask.hw = (float) (style->contour_line_width * rt.sx / 2);
      sink = (Sink) { .mask = &mask };
      cairo_surface_flush (rt.target);
    }

  if (sink.cr != NULL)
    tangent_path_simplifier_init (&sink.path, cr, VECTOR_TOLERANCE);

  cairo_save (cr);
  cairo_set_line_width (cr, style->contour_line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  /* Two passes, one stroke each: dark ink, then light ink. */
  for (int light = 0; light < 2; light++)
    {
      const TangentColor *ink = light ? &style->contour_ink_on_dark : &style->contour_ink;
      gboolean any = FALSE;
      guint c0 = 0;

      for (guint k = 0; k < n_levels; k++)
        {
          gboolean is_light = ink_is_light (options, bands, style, k);

          for (guint l = 0; l < tangent_contour_get_n_lines (contours[k]); l++)
            {
              const TangentContourCut *cut = NULL;
              guint n, n_cuts = 0;
              gboolean closed;
              const double *p = tangent_contour_get_line (contours[k], l, &n, &closed);

              while (c0 < cuts->len
                     && (g_array_index (cuts, TangentContourCut, c0).level < k
                         || (g_array_index (cuts, TangentContourCut, c0).level == k
                             && g_array_index (cuts, TangentContourCut, c0).line < l)))
                c0++;
              if (c0 < cuts->len)
                cut = &g_array_index (cuts, TangentContourCut, c0);
              while (c0 + n_cuts < cuts->len
                     && cut[n_cuts].level == k && cut[n_cuts].line == l)
                n_cuts++;

              if (is_light != light || n < 2)
                continue;
              path_line (&sink, vp, p, n, closed, cut, n_cuts);
              any = TRUE;
            }
        }
      if (sink.mask != NULL)
        {
          sink_flush (&sink);
          mask_composite (&mask, rt.target, ink);
        }
      else if (any)
        {
          tangent_path_simplifier_flush (&sink.path);
          cairo_set_source_rgba (cr, ink->red, ink->green, ink->blue, ink->alpha);
          cairo_stroke (cr);
        }
      else
        cairo_new_path (cr);
    }
  cairo_restore (cr);
  if (sink.mask != NULL)
    cairo_surface_mark_dirty (rt.target);
}

static void
draw_labels (cairo_t                     *cr,
             GArray                      *labels,
             const double                *levels,
             guint                        n_levels,
             const TangentContourOptions *options,
             const TangentColor          *bands,
             const TangentPlotStyle      *style)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font =
    pango_font_description_from_string (style->contour_label_font);

  pango_layout_set_font_description (layout, font);
  for (guint i = 0; i < labels->len; i++)
    {
      const TangentContourLabel *label = &g_array_index (labels, TangentContourLabel, i);
      const TangentColor *ink;
      PangoRectangle logical;
      guint k = 0;

      while (k + 1 < n_levels && levels[k] != label->level)
        k++;
      ink = ink_is_light (options, bands, style, k) ? &style->contour_ink_on_dark
                                                   : &style->contour_ink;

      pango_layout_set_text (layout, label->text, -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      cairo_save (cr);
      cairo_translate (cr, label->cx, label->cy);
      cairo_rotate (cr, label->angle);
      cairo_move_to (cr, -logical.width / 2.0 - logical.x, -logical.height / 2.0 - logical.y);
      /* Text a little stronger than the line it names. */
      cairo_set_source_rgba (cr, ink->red, ink->green, ink->blue, MIN (1, ink->alpha * 1.4));
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
}

/**
 * tangent_contour_draw:
 * @cr: the target
 * @vp: the viewport; nothing is drawn when it is not valid
 * @field: the sampled function
 * @options: levels and what to draw
 * @style: line width, inks and label font
 */
void
tangent_contour_draw (cairo_t                     *cr,
                      const TangentViewport       *vp,
                      const TangentField          *field,
                      const TangentContourOptions *options,
                      const TangentPlotStyle      *style)
{
  g_autofree TangentColor *bands = NULL;
  g_autofree guint16 *field_bands = NULL;
  g_autofree TangentContour **contours = NULL;
  g_autoptr(GArray) cuts = NULL;
  GArray *labels = NULL;
  gboolean raster_filled;
  guint n_levels;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (vp != NULL);
  g_return_if_fail (field != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (options->levels != NULL || options->n_levels == 0);
  g_return_if_fail (style != NULL);

  n_levels = MIN (options->n_levels, TANGENT_CONTOUR_MAX_LEVELS);
  if (!tangent_viewport_is_valid (vp) || field->z == NULL || field->nx < 2 || field->ny < 2)
    return;
  for (guint k = 0; k < n_levels; k++)
    {
      if (!isfinite (options->levels[k]) || (k > 0 && options->levels[k] < options->levels[k - 1]))
        {
          g_debug ("Contour levels must be finite and ascending; nothing drawn");
          return;
        }
    }

  bands = g_new (TangentColor, n_levels + 1);
  for (guint k = 0; k <= n_levels; k++)
    tangent_colormap_level_band (options->colormap, options->levels, n_levels, k, &bands[k]);

  cairo_save (cr);
  cairo_rectangle (cr, vp->left, vp->top, vp->width, vp->height);
  cairo_clip (cr);

  field_bands = g_new (guint16, (gsize) field->nx * field->ny);
  tangent_contour_bands (field, options->levels, n_levels, field_bands);

  raster_filled = options->filled
    && _tangent_contour_fill_raster (cr, vp, field, field_bands, options->levels, n_levels, bands);

  /* The lines: for drawing, for labels, and for the vector bands. */
  if (n_levels > 0 && (options->lines || options->labels || (options->filled && !raster_filled)))
    {
      contours = g_new0 (TangentContour *, n_levels);
      tangent_contour_trace_bands (field, field_bands, options->levels, n_levels, contours);
    }

  if (options->filled && !raster_filled)
    _tangent_contour_fill_vector (cr, vp, field, field_bands, contours, options->levels, n_levels,
                                  bands);

  if ((options->lines || options->labels) && n_levels > 0)
    {
      cuts = g_array_new (FALSE, FALSE, sizeof (TangentContourCut));
      if (options->labels)
        labels = _tangent_contour_place_labels (cr, vp, contours, options->levels, n_levels,
                                                style, cuts);
      if (options->lines)
        draw_lines (cr, vp, contours, n_levels, options, bands, style, cuts);
      if (labels != NULL)
        draw_labels (cr, labels, options->levels, n_levels, options, bands, style);
      for (guint i = 0; labels != NULL && options->placed != NULL && i < labels->len; i++)
        {
          const TangentContourLabel *label = &g_array_index (labels, TangentContourLabel, i);
          TangentBox box = { label->cx, label->cy, label->width, label->height, label->angle };

          g_array_append_val (options->placed, box);
        }
      tangent_contour_labels_free (labels);
    }
  for (guint k = 0; contours != NULL && k < n_levels; k++)
    tangent_contour_free (contours[k]);

  cairo_restore (cr);
}
