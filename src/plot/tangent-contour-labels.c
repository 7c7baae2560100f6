/* tangent-contour-labels.c: where the level labels of a contour map go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A label sits on its line, along it, on the straightest stretch at least
 * as long as the text and its margins, where nothing else is drawn: no
 * other label, no other line (a label over a neighbouring line would cut
 * that line too), not the viewport's edge. matplotlib's clabel places by
 * a fixed inline spacing and checks none of this (its issues #22367 and
 * #28865: labels over each other and half outside the axes).
 *
 * Candidates are windows of the line's arc length, a few device units
 * apart; a window's score is how far the line strays from the window's
 * chord. Levels take turns (ascending), each taking its best window that
 * fits, up to MAX_PER_LEVEL labels per level, later ones far from the
 * level's earlier ones. A level whose every window collides gets no
 * label: a missing label is better than an unreadable one. Everything is
 * decided by sorted scores with index tie-breaks, so the same input
 * always gives the same labels.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-contour-labels"

#include <math.h>
#include <pango/pangocairo.h>

#include "tangent-contour-draw-private.h"
#include "tangent-format.h"

#define MAX_PER_LEVEL  4
#define WINDOW_STEP    4.0    /* device units between candidate windows */
#define SIDE_PAD       3.0    /* gap cut in the line beside the text */
#define EDGE_MARGIN    2.0    /* between a label and the viewport's edge */
#define LABEL_GAP      4.0    /* between two labels */
#define LINE_CLEARANCE 1.0    /* between a label and another line */
#define BUCKET         32.0   /* spatial hash cell, device units */

typedef struct
{
  float x0, y0, x1, y1;
  guint level;
  guint line;
  guint index;                /* the segment's index along its line */
} Segment;

typedef struct
{
  double cx, cy;              /* centre */
  double ux, uy;              /* unit vector along the text */
  double hw, hh;              /* half extents */
} Box;

typedef struct
{
  guint  level;
  guint  line;
  guint  i0, i1;              /* the segments the window covers */
  double s0, s1;              /* its arc length range */
  double score;
  Box    box;                 /* the text box with its side pads */
  double angle;
  int    clear;               /* box_is_clear (): -1 not known yet, 0, 1 */
  gboolean dead;              /* collides with a placed label: for good */
  guint  checked;             /* placed labels already found apart from it */
} Candidate;

/* The segments in a uniform grid of buckets over the viewport: bucket
 * (bx, by) holds ids[start[b] .. start[b + 1]), b = by × gw + bx. */
typedef struct
{
  GArray *segments;            /* Segment */
  guint  *start;
  guint  *ids;
  int     gw, gh;
  double  left, top;
} SegmentIndex;

void
_tangent_contour_format_level (char   *buf,
                               double  value)
{
  char tmp[TANGENT_FORMAT_BUF_SIZE];

  tangent_format_shortest (tmp, value);
  if (tmp[0] == '-')
    g_snprintf (buf, _TANGENT_CONTOUR_LABEL_BUF_SIZE, "\xe2\x88\x92%s", tmp + 1);
  else
    g_strlcpy (buf, tmp, _TANGENT_CONTOUR_LABEL_BUF_SIZE);
}

static inline int
bucket_of (double v,
           double origin,
           int    n)
{
  double b = floor ((v - origin) / BUCKET);

  return (int) CLAMP (b, 0, n - 1);
}

/* Counts, then places, each segment in every bucket its bounding box
 * touches. */
static void
index_build (SegmentIndex          *index,
             const TangentViewport *vp)
{
  const Segment *segs = (const Segment *) (void *) index->segments->data;
  guint n_buckets;

  index->left = vp->left;
  index->top = vp->top;
  index->gw = (int) ceil (vp->width / BUCKET) + 1;
  index->gh = (int) ceil (vp->height / BUCKET) + 1;
  n_buckets = (guint) (index->gw * index->gh);
  index->start = g_new0 (guint, n_buckets + 1);

  for (int pass = 0; pass < 2; pass++)
    {
      g_autofree guint *fill = pass == 1 ? g_memdup2 (index->start, sizeof (guint) * n_buckets) : NULL;

      for (guint s = 0; s < index->segments->len; s++)
        {
          int bx0 = bucket_of (MIN (segs[s].x0, segs[s].x1), index->left, index->gw);
          int bx1 = bucket_of (MAX (segs[s].x0, segs[s].x1), index->left, index->gw);
          int by0 = bucket_of (MIN (segs[s].y0, segs[s].y1), index->top, index->gh);
          int by1 = bucket_of (MAX (segs[s].y0, segs[s].y1), index->top, index->gh);

          for (int by = by0; by <= by1; by++)
            for (int bx = bx0; bx <= bx1; bx++)
              {
                guint b = (guint) (by * index->gw + bx);

                if (pass == 0)
                  index->start[b + 1]++;
                else
                  index->ids[fill[b]++] = s;
              }
        }
      if (pass == 0)
        {
          for (guint b = 0; b < n_buckets; b++)
            index->start[b + 1] += index->start[b];
          index->ids = g_new (guint, MAX (index->start[n_buckets], 1));
        }
    }
}

static void
index_clear (SegmentIndex *index)
{
  g_clear_pointer (&index->start, g_free);
  g_clear_pointer (&index->ids, g_free);
}

/* Does the segment come within the box? In the box's frame the box is
 * [−hw, hw] × [−hh, hh]; Liang–Barsky clips the segment to it. */
static gboolean
segment_hits_box (const Segment *seg,
                  const Box     *box)
{
  double ax = seg->x0 - box->cx, ay = seg->y0 - box->cy;
  double bx = seg->x1 - box->cx, by = seg->y1 - box->cy;
  double p0 = ax * box->ux + ay * box->uy, q0 = -ax * box->uy + ay * box->ux;
  double p1 = bx * box->ux + by * box->uy, q1 = -bx * box->uy + by * box->ux;
  double dp = p1 - p0, dq = q1 - q0, t0 = 0, t1 = 1;
  const double P[4] = { -dp, dp, -dq, dq };
  const double Q[4] = { p0 + box->hw, box->hw - p0, q0 + box->hh, box->hh - q0 };

  for (int e = 0; e < 4; e++)
    {
      if (P[e] == 0)
        {
          if (Q[e] < 0)
            return FALSE;
          continue;
        }
      {
        double r = Q[e] / P[e];

        if (P[e] < 0)
          t0 = MAX (t0, r);
        else
          t1 = MIN (t1, r);
      }
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

/* Separating axes for two rotated rectangles. */
static gboolean
boxes_overlap (const Box *a,
               const Box *b,
               double     gap)
{
  const Box *boxes[2] = { a, b };
  double dx = b->cx - a->cx, dy = b->cy - a->cy;

  for (int i = 0; i < 2; i++)
    for (int axis = 0; axis < 2; axis++)
      {
        double nx = axis == 0 ? boxes[i]->ux : -boxes[i]->uy;
        double ny = axis == 0 ? boxes[i]->uy : boxes[i]->ux;
        double dist = fabs (dx * nx + dy * ny), reach = gap;

        for (int j = 0; j < 2; j++)
          {
            const Box *r = boxes[j];

            reach += r->hw * fabs (r->ux * nx + r->uy * ny)
                   + r->hh * fabs (-r->uy * nx + r->ux * ny);
          }
        if (dist > reach)
          return FALSE;
      }
  return TRUE;
}

static void
box_corners (const Box *box,
             double     xs[4],
             double     ys[4])
{
  static const int sx[4] = { -1, 1, 1, -1 }, sy[4] = { -1, -1, 1, 1 };

  for (int c = 0; c < 4; c++)
    {
      double p = sx[c] * box->hw, q = sy[c] * box->hh;

      xs[c] = box->cx + p * box->ux - q * box->uy;
      ys[c] = box->cy + p * box->uy + q * box->ux;
    }
}

static gboolean
box_inside (const Box             *box,
            const TangentViewport *vp)
{
  double xs[4], ys[4];

  box_corners (box, xs, ys);
  for (int c = 0; c < 4; c++)
    {
      if (xs[c] < vp->left + EDGE_MARGIN || xs[c] > vp->left + vp->width - EDGE_MARGIN
          || ys[c] < vp->top + EDGE_MARGIN || ys[c] > vp->top + vp->height - EDGE_MARGIN)
        return FALSE;
    }
  return TRUE;
}

/* Is any line other than the candidate's own window inside its box? */
static gboolean
box_is_clear (const SegmentIndex *index,
              const Candidate    *cand)
{
  Box grown = cand->box;
  double xs[4], ys[4], x0, x1, y0, y1;

  grown.hh += LINE_CLEARANCE;
  box_corners (&grown, xs, ys);
  x0 = MIN (MIN (xs[0], xs[1]), MIN (xs[2], xs[3]));
  x1 = MAX (MAX (xs[0], xs[1]), MAX (xs[2], xs[3]));
  y0 = MIN (MIN (ys[0], ys[1]), MIN (ys[2], ys[3]));
  y1 = MAX (MAX (ys[0], ys[1]), MAX (ys[2], ys[3]));

  for (int by = bucket_of (y0, index->top, index->gh); by <= bucket_of (y1, index->top, index->gh); by++)
    for (int bx = bucket_of (x0, index->left, index->gw); bx <= bucket_of (x1, index->left, index->gw); bx++)
      {
        guint b = (guint) (by * index->gw + bx);

        for (guint n = index->start[b]; n < index->start[b + 1]; n++)
          {
            const Segment *seg = &g_array_index (index->segments, Segment, index->ids[n]);

            /* The label's own stretch, and the segments just beside it,
             * which meet the box at its ends. */
            if (seg->level == cand->level && seg->line == cand->line
                && seg->index + 1 >= cand->i0 && seg->index <= cand->i1 + 1)
              continue;
            if (segment_hits_box (seg, &grown))
              return FALSE;
          }
      }
  return TRUE;
}

/* A line in device units, with its arc length at each point; a closed
 * line repeats its first point at the end. */
typedef struct
{
  GArray *xy;      /* double pairs */
  GArray *arc;     /* double */
} DeviceLine;

static void
device_line (const TangentViewport *vp,
             const double          *p,
             guint                  n,
             gboolean               closed,
             DeviceLine            *out)
{
  double s = 0;

  g_array_set_size (out->xy, 0);
  g_array_set_size (out->arc, 0);
  for (guint k = 0; k <= n; k++)
    {
      double xy[2];

      if (k == n && !closed)
        break;
      xy[0] = tangent_viewport_to_px (vp, p[2 * (k % n)]);
      xy[1] = tangent_viewport_to_py (vp, p[2 * (k % n) + 1]);
      if (k > 0)
        {
          const double *prev = &g_array_index (out->xy, double, 2 * (k - 1));

          s += sqrt ((xy[0] - prev[0]) * (xy[0] - prev[0]) + (xy[1] - prev[1]) * (xy[1] - prev[1]));
        }
      g_array_append_vals (out->xy, xy, 2);
      g_array_append_val (out->arc, s);
    }
}

/* The point at arc length @s, and the index of the segment holding it. */
static guint
point_at (const DeviceLine *line,
          double            s,
          guint             from,
          double           *x,
          double           *y)
{
  const double *xy = (const double *) (void *) line->xy->data;
  const double *arc = (const double *) (void *) line->arc->data;
  guint n = line->arc->len, k = from;
  double f;

  while (k + 2 < n && arc[k + 1] < s)
    k++;
  f = arc[k + 1] > arc[k] ? (s - arc[k]) / (arc[k + 1] - arc[k]) : 0;
  f = CLAMP (f, 0, 1);
  *x = xy[2 * k] + f * (xy[2 * k + 2] - xy[2 * k]);
  *y = xy[2 * k + 1] + f * (xy[2 * k + 3] - xy[2 * k + 1]);
  return k;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->score != cb->score)
    return ca->score < cb->score ? -1 : 1;
  if (ca->line != cb->line)
    return ca->line < cb->line ? -1 : 1;
  return ca->s0 < cb->s0 ? -1 : ca->s0 > cb->s0;
}

/* Every window of the line that is straight enough for the text. */
static void
add_candidates (GArray                *cands,
                const DeviceLine      *line,
                const TangentViewport *vp,
                guint                  level,
                guint                  line_index,
                double                 text_w,
                double                 text_h)
{
  const double *xy = (const double *) (void *) line->xy->data;
  const double *arc = (const double *) (void *) line->arc->data;
  guint n = line->arc->len;
  double total, window = text_w + 2 * SIDE_PAD;
  double tolerance = 0.12 * text_h + 0.4;
  guint k0 = 0, k1 = 0;

  if (n < 2)
    return;
  total = arc[n - 1];
  /* A label on a loop shorter than a few labels crowds it. */
  if (total < 2.5 * window)
    return;

  for (double s = 0; s + window <= total; s += WINDOW_STEP)
    {
      Candidate c = { 0, };
      double ax, ay, bx, by, mx, my, dx, dy, len, worst = 0, angle;

      k0 = point_at (line, s, k0, &ax, &ay);
      k1 = point_at (line, s + window, MAX (k0, k1), &bx, &by);
      dx = bx - ax;
      dy = by - ay;
      len = sqrt (dx * dx + dy * dy);
      if (len < 0.9 * window)
        continue;

      for (guint k = k0 + 1; k <= k1 && worst <= tolerance; k++)
        {
          double d = fabs ((xy[2 * k] - ax) * dy - (xy[2 * k + 1] - ay) * dx) / len;

          worst = MAX (worst, d);
        }
      if (worst > tolerance)
        continue;

      point_at (line, s + window / 2, k0, &mx, &my);
      angle = atan2 (dy, dx);
      if (angle > G_PI / 2)
        angle -= G_PI;
      else if (angle <= -G_PI / 2)
        angle += G_PI;

      c.clear = -1;
      c.dead = FALSE;
      c.checked = 0;
      c.level = level;
      c.line = line_index;
      c.i0 = k0;
      c.i1 = k1;
      c.s0 = s;
      c.s1 = s + window;
      c.angle = angle;
      c.box = (Box) { mx, my, cos (angle), sin (angle), window / 2, text_h / 2 };
      /* Straight first; then away from the edges of the view, where
       * labels crowd the frame. */
      c.score = worst / text_h;
      {
        double edge = MIN (MIN (mx - vp->left, vp->left + vp->width - mx),
                           MIN (my - vp->top, vp->top + vp->height - my));

        if (edge < 4 * text_h)
          c.score += 0.5 * (1 - edge / (4 * text_h));
      }
      g_array_append_val (cands, c);
    }
}

GArray *
_tangent_contour_place_labels (cairo_t                *cr,
                               const TangentViewport  *vp,
                               TangentContour * const *contours,
                               const double           *levels,
                               guint                   n_levels,
                               const TangentPlotStyle *style,
                               GArray                 *cuts)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(GArray) segments = NULL;
  g_autofree GArray **cands = NULL;
  g_autofree double *text_w = NULL;
  g_autofree double *text_h = NULL;
  g_autoptr(GArray) placed_boxes = NULL;
  GArray *labels;
  SegmentIndex index;
  DeviceLine line;
  double spread;

  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (vp != NULL, NULL);
  g_return_val_if_fail (contours != NULL || n_levels == 0, NULL);
  g_return_val_if_fail (levels != NULL || n_levels == 0, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  labels = g_array_new (FALSE, TRUE, sizeof (TangentContourLabel));
  if (n_levels == 0 || !tangent_viewport_is_valid (vp))
    return labels;

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (style->contour_label_font);
  pango_layout_set_font_description (layout, font);

  segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  index = (SegmentIndex) { segments, NULL, NULL, 0, 0, vp->left, vp->top };
  line.xy = g_array_new (FALSE, FALSE, sizeof (double));
  line.arc = g_array_new (FALSE, FALSE, sizeof (double));

  cands = g_new0 (GArray *, n_levels);
  text_w = g_new (double, n_levels);
  text_h = g_new (double, n_levels);

  for (guint k = 0; k < n_levels; k++)
    {
      char text[_TANGENT_CONTOUR_LABEL_BUF_SIZE];
      PangoRectangle logical;

      _tangent_contour_format_level (text, levels[k]);
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      text_w[k] = logical.width;
      text_h[k] = logical.height;
      cands[k] = g_array_new (FALSE, FALSE, sizeof (Candidate));

      if (contours[k] == NULL)
        continue;
      for (guint l = 0; l < tangent_contour_get_n_lines (contours[k]); l++)
        {
          guint n;
          gboolean closed;
          const double *p = tangent_contour_get_line (contours[k], l, &n, &closed);
          const double *xy;

          if (n < 2)
            continue;
          device_line (vp, p, n, closed, &line);
          xy = (const double *) (void *) line.xy->data;
          for (guint s = 0; s + 1 < line.arc->len; s++)
            {
              Segment seg = { xy[2 * s], xy[2 * s + 1], xy[2 * s + 2], xy[2 * s + 3], k, l, s };

              /* Only what can meet a label inside the view. */
              if (MAX (seg.x0, seg.x1) < vp->left || MIN (seg.x0, seg.x1) > vp->left + vp->width
                  || MAX (seg.y0, seg.y1) < vp->top || MIN (seg.y0, seg.y1) > vp->top + vp->height)
                continue;
              g_array_append_val (segments, seg);
            }
          add_candidates (cands[k], &line, vp, k, l, text_w[k], text_h[k]);
        }
      g_array_sort (cands[k], compare_candidates);
    }

  index_build (&index, vp);

  /* Later labels of a level keep this far from its earlier ones. */
  spread = 0.2 * hypot (vp->width, vp->height);
  placed_boxes = g_array_new (FALSE, FALSE, sizeof (Box));

  for (guint pass = 0; pass < MAX_PER_LEVEL; pass++)
    for (guint k = 0; k < n_levels; k++)
      {
        for (guint c = 0; c < cands[k]->len; c++)
          {
            Candidate *cand = &g_array_index (cands[k], Candidate, c);
            TangentContourLabel label;
            gboolean ok = TRUE;
            char text[_TANGENT_CONTOUR_LABEL_BUF_SIZE];

            if (cand->dead)
              continue;
            if (!box_inside (&cand->box, vp))
              {
                cand->dead = TRUE;
                continue;
              }
            /* Labels are only ever added: test each against each once. */
            for (guint q = cand->checked; q < labels->len && ok; q++)
              {
                const TangentContourLabel *other = &g_array_index (labels, TangentContourLabel, q);
                double ddx = other->cx - cand->box.cx, ddy = other->cy - cand->box.cy;

                if (other->level == levels[k] && ddx * ddx + ddy * ddy < spread * spread)
                  ok = FALSE;
                else if (boxes_overlap (&g_array_index (placed_boxes, Box, q), &cand->box, LABEL_GAP))
                  ok = FALSE;
              }
            if (!ok)
              {
                cand->dead = TRUE;
                continue;
              }
            cand->checked = labels->len;
            /* Lines do not move between passes: test each box once. */
            if (cand->clear < 0)
              cand->clear = box_is_clear (&index, cand);
            if (!cand->clear)
              continue;

            _tangent_contour_format_level (text, levels[k]);
            label = (TangentContourLabel) {
              levels[k], cand->box.cx, cand->box.cy, cand->angle, text_w[k], text_h[k],
              g_strdup (text),
            };
            g_array_append_val (labels, label);
            g_array_append_val (placed_boxes, cand->box);
            if (cuts != NULL)
              {
                TangentContourCut cut = { k, cand->line, cand->s0, cand->s1 };

                g_array_append_val (cuts, cut);
              }
            break;
          }
      }

  for (guint k = 0; k < n_levels; k++)
    g_array_unref (cands[k]);
  index_clear (&index);
  g_array_unref (line.xy);
  g_array_unref (line.arc);

  return labels;
}

/**
 * tangent_contour_place_labels:
 * @cr: a context, for measuring text
 * @vp: the viewport
 * @contours: one contour per level (entries may be %NULL)
 * @levels: the levels
 * @n_levels: how many
 * @style: the label font
 *
 * Returns: (transfer full): a GArray of TangentContourLabel; free with
 *   tangent_contour_labels_free()
 */
GArray *
tangent_contour_place_labels (cairo_t                *cr,
                              const TangentViewport  *vp,
                              TangentContour * const *contours,
                              const double           *levels,
                              guint                   n_levels,
                              const TangentPlotStyle *style)
{
  return _tangent_contour_place_labels (cr, vp, contours, levels, n_levels, style, NULL);
}

void
tangent_contour_labels_free (GArray *labels)
{
  if (labels == NULL)
    return;
  for (guint i = 0; i < labels->len; i++)
    g_free (g_array_index (labels, TangentContourLabel, i).text);
  g_array_unref (labels);
}
