/* tangent-contour-bands.c: the filled bands of a contour map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bands are painted as the regions above each level, ascending, each over
 * the last: a boundary is then the edge of one antialiased fill over a
 * solid colour, never two half-covered edges side by side (the seams of
 * band-by-band filling). On SVG and PDF these are vector paths.
 *
 * On image surfaces the same picture is computed per pixel instead,
 * because twenty fills of nearly the whole plot cost tens of
 * milliseconds in cairo's rasteriser. Each pixel centre is placed in its
 * grid cell; a cell that no level crosses (almost all of them) is one
 * solid colour; in a crossed cell, each level's coverage comes from the
 * signed distance, in pixels, to the same marching-squares segment that
 * tangent_contour_region_above() uses (the smaller or larger of two for a
 * saddle), and the colours are composited in ascending order exactly as
 * the vector fills are. It is exact to the polygons, antialiased with a
 * one-pixel ramp, and seamless by construction.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-contour-draw"

#include <math.h>
#include <string.h>

#include "tangent-contour-draw-private.h"
#include "tangent-path-simplify.h"

/* How far a band's edge may stray from the traced level line, device
 * units: nothing a reader sees, and a fraction of the coordinates. */
#define VECTOR_TOLERANCE 0.05

/* --- Vector bands ------------------------------------------------------ */

static void
path_polygons (cairo_t               *cr,
               const TangentViewport *vp,
               const TangentContour  *region)
{
  for (guint l = 0; l < tangent_contour_get_n_lines (region); l++)
    {
      guint n;
      const double *p = tangent_contour_get_line (region, l, &n, NULL);

      for (guint k = 0; k < n; k++)
        {
          double x = tangent_viewport_to_px (vp, p[2 * k]);
          double y = tangent_viewport_to_py (vp, p[2 * k + 1]);

          if (k == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
    }
}

/* Where a point on the border of the field's rectangle lies along it,
 * counter-clockwise from (xmin, ymin): bottom, right, top, left; -1 for
 * a point not on the border. */
static double
border_position (const TangentField *f,
                 double              x,
                 double              y)
{
  double w = f->xmax - f->xmin, h = f->ymax - f->ymin;

  if (y == f->ymin && x < f->xmax)
    return x - f->xmin;
  if (x == f->xmax && y < f->ymax)
    return w + (y - f->ymin);
  if (y == f->ymax && x > f->xmin)
    return w + h + (f->xmax - x);
  if (x == f->xmin && y > f->ymin)
    return 2 * w + h + (f->ymax - y);
  return -1;
}

static void
border_corner (const TangentField *f,
               int                 c,
               double             *x,
               double             *y)
{
  /* The corner that ends side c: (xmax, ymin), (xmax, ymax), (xmin, ymax), (xmin, ymin). */
  *x = c == 0 || c == 1 ? f->xmax : f->xmin;
  *y = c == 1 || c == 2 ? f->ymax : f->ymin;
}

typedef struct
{
  guint  line;
  double start, end;     /* border positions of its ends */
} OpenLine;

static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  const OpenLine *la = a, *lb = b;

  return la->start < lb->start ? -1 : la->start > lb->start;
}

/* The region above a level as few large polygons: the level's closed
 * lines as they are (above on the left: counter-clockwise around what is
 * above, clockwise around holes, so the nonzero rule fills exactly the
 * region), and its open lines joined along the border, walking
 * counter-clockwise from each end to the next start. Only for fields
 * defined everywhere, where every open line ends on the border; FALSE
 * otherwise, for the caller to fall back to the per-cell polygons. */
static gboolean
path_region (cairo_t               *cr,
             const TangentViewport *vp,
             const TangentField    *field,
             const TangentContour  *contour,
             gboolean               corner_above)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (OpenLine));
  g_autofree gboolean *done = NULL;
  double perimeter = 2 * (field->xmax - field->xmin) + 2 * (field->ymax - field->ymin);
  double side_end[4];
  TangentPathSimplifier path;

  tangent_path_simplifier_init (&path, cr, VECTOR_TOLERANCE);

  side_end[0] = field->xmax - field->xmin;
  side_end[1] = side_end[0] + (field->ymax - field->ymin);
  side_end[2] = side_end[1] + (field->xmax - field->xmin);
  side_end[3] = perimeter;

  for (guint l = 0; l < tangent_contour_get_n_lines (contour); l++)
    {
      guint n;
      gboolean closed;
      const double *p = tangent_contour_get_line (contour, l, &n, &closed);
      OpenLine ol;

      if (closed)
        continue;
      ol.line = l;
      ol.start = border_position (field, p[0], p[1]);
      ol.end = border_position (field, p[2 * n - 2], p[2 * n - 1]);
      if (ol.start < 0 || ol.end < 0)
        return FALSE;
      g_array_append_val (open, ol);
    }
  g_array_sort (open, compare_starts);

  for (guint l = 0; l < tangent_contour_get_n_lines (contour); l++)
    {
      guint n;
      gboolean closed;
      const double *p = tangent_contour_get_line (contour, l, &n, &closed);

      if (!closed)
        continue;
      for (guint k = 0; k < n; k++)
        {
          double x = tangent_viewport_to_px (vp, p[2 * k]), y = tangent_viewport_to_py (vp, p[2 * k + 1]);

          if (k == 0)
            tangent_path_simplifier_move_to (&path, x, y);
          else
            tangent_path_simplifier_line_to (&path, x, y);
        }
      tangent_path_simplifier_close (&path);
    }

  if (open->len == 0)
    {
      /* The border is all above or all below. */
      if (corner_above)
        cairo_rectangle (cr, tangent_viewport_to_px (vp, field->xmin),
                         tangent_viewport_to_py (vp, field->ymin),
                         tangent_viewport_to_px (vp, field->xmax) - tangent_viewport_to_px (vp, field->xmin),
                         tangent_viewport_to_py (vp, field->ymax) - tangent_viewport_to_py (vp, field->ymin));
      return TRUE;
    }

  done = g_new0 (gboolean, open->len);
  for (guint first = 0; first < open->len; first++)
    {
      guint cur = first, guard = 0;

      if (done[first])
        continue;
      do
        {
          const OpenLine *ol = &g_array_index (open, OpenLine, cur);
          guint n, next = 0;
          const double *p = tangent_contour_get_line (contour, ol->line, &n, NULL);
          double best = G_MAXDOUBLE, from, to;

          done[cur] = TRUE;
          for (guint k = 0; k < n; k++)
            {
              double x = tangent_viewport_to_px (vp, p[2 * k]), y = tangent_viewport_to_py (vp, p[2 * k + 1]);

              if (k == 0 && cur == first)
                tangent_path_simplifier_move_to (&path, x, y);
              else
                tangent_path_simplifier_line_to (&path, x, y);
            }

          /* The next start counter-clockwise from this end. */
          for (guint m = 0; m < open->len; m++)
            {
              double d = g_array_index (open, OpenLine, m).start - ol->end;

              if (d < 0)
                d += perimeter;
              if (d < best)
                {
                  best = d;
                  next = m;
                }
            }

          /* The border's corners on the way. */
          from = ol->end;
          to = from + best;
          for (int lap = 0; lap < 2; lap++)
            for (int c = 0; c < 4; c++)
              {
                double at = side_end[c] + lap * perimeter;

                if (at > from && at < to)
                  {
                    double x, y;

                    border_corner (field, c, &x, &y);
                    tangent_path_simplifier_line_to (&path, tangent_viewport_to_px (vp, x),
                                                     tangent_viewport_to_py (vp, y));
                  }
              }
          cur = next;
        }
      while (cur != first && !done[cur] && ++guard <= open->len);
      if (cur != first)
        return FALSE;   /* not a consistent chain: let the caller fall back */
      tangent_path_simplifier_close (&path);
    }
  return TRUE;
}

void
_tangent_contour_fill_vector (cairo_t               *cr,
                              const TangentViewport *vp,
                              const TangentField    *field,
                              const guint16         *field_bands,
                              TangentContour       **contours,
                              const double          *levels,
                              guint                  n_levels,
                              const TangentColor    *colors)
{
  gboolean defined = TRUE;
  gsize n = (gsize) field->nx * field->ny;

  for (gsize v = 0; v < n && defined; v++)
    defined = field_bands[v] != TANGENT_CONTOUR_BAND_UNDEFINED;

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  for (guint k = 0; k <= n_levels; k++)
    {
      cairo_set_source_rgba (cr, colors[k].red, colors[k].green, colors[k].blue, colors[k].alpha);
      if (defined && k == 0)
        cairo_rectangle (cr, tangent_viewport_to_px (vp, field->xmin),
                         tangent_viewport_to_py (vp, field->ymin),
                         tangent_viewport_to_px (vp, field->xmax) - tangent_viewport_to_px (vp, field->xmin),
                         tangent_viewport_to_py (vp, field->ymax) - tangent_viewport_to_py (vp, field->ymin));
      else if (!defined || !path_region (cr, vp, field, contours[k - 1], field_bands[0] >= k))
        {
          g_autoptr(TangentContour) region =
            tangent_contour_region_above (field, k == 0 ? -INFINITY : levels[k - 1]);

          cairo_new_path (cr);
          path_polygons (cr, vp, region);
        }
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* --- Raster bands ------------------------------------------------------ */

/* A level's boundary in one cell, as signed distances in pixels: positive
 * on the side above. A saddle has two segments, combined by min (the
 * region above is the strip between them) or max (two corners). */
typedef struct
{
  float a1, b1, c1;
  float a2, b2, c2;
  int   mode;              /* 1 one segment, 2 min of two, 3 max of two */
} CellEdge;

static const gint8 cell_segments[18][2][2] = {
  /* entry, exit of up to two segments, above on the left; see
   * tangent-contour.c for the cases (16, 17: saddles, centre above) */
  { { -1, -1 }, { -1, -1 } },
  { { 0, 3 }, { -1, -1 } },
  { { 1, 0 }, { -1, -1 } },
  { { 1, 3 }, { -1, -1 } },
  { { 2, 1 }, { -1, -1 } },
  { { 0, 3 }, { 2, 1 } },
  { { 2, 0 }, { -1, -1 } },
  { { 2, 3 }, { -1, -1 } },
  { { 3, 2 }, { -1, -1 } },
  { { 0, 2 }, { -1, -1 } },
  { { 1, 0 }, { 3, 2 } },
  { { 1, 2 }, { -1, -1 } },
  { { 3, 1 }, { -1, -1 } },
  { { 0, 1 }, { -1, -1 } },
  { { 3, 0 }, { -1, -1 } },
  { { -1, -1 }, { -1, -1 } },
  { { 0, 1 }, { 2, 3 } },
  { { 3, 0 }, { 1, 2 } },
};

/* The crossing on edge e in cell coordinates (0..1, y up), interpolated
 * from the edge's lower-index end as tangent-contour.c does. */
static void
local_point (const double z[4],
             int          e,
             double       level,
             double      *u,
             double      *v)
{
  static const int ends[4][2] = { { 0, 1 }, { 1, 2 }, { 3, 2 }, { 0, 3 } };
  double za = z[ends[e][0]], zb = z[ends[e][1]];
  double t = (level - za) / (zb - za);

  t = CLAMP (t, 0, 1);
  switch (e)
    {
    case 0: *u = t; *v = 0; break;
    case 1: *u = 1; *v = t; break;
    case 2: *u = t; *v = 1; break;
    default: *u = 0; *v = t; break;
    }
}

/* Line through the crossings on edges e0 → e1 as a·u + b·v + c, in pixels
 * with u, v the cell coordinates, positive on the left. */
static void
segment_equation (const double z[4],
                  int          e0,
                  int          e1,
                  double       level,
                  double       wpx,
                  double       hpx,
                  float       *a,
                  float       *b,
                  float       *c)
{
  double u0, v0, u1, v1, dx, dy, len;

  local_point (z, e0, level, &u0, &v0);
  local_point (z, e1, level, &u1, &v1);
  dx = (u1 - u0) * wpx;
  dy = (v1 - v0) * hpx;
  len = sqrt (dx * dx + dy * dy);
  if (len < 1e-9)
    {
      /* Both crossings at one corner: the part above is a point. */
      *a = 0;
      *b = 0;
      *c = -1e6f;
      return;
    }
  /* Left normal (−dy, dx) / len; d = n · (P − A), P = (u wpx, v hpx). */
  *a = (float) (-dy / len * wpx);
  *b = (float) (dx / len * hpx);
  *c = (float) ((dy * u0 * wpx - dx * v0 * hpx) / len);
}

static void
cell_edge (const double z[4],
           double       level,
           double       wpx,
           double       hpx,
           CellEdge    *out)
{
  int cs = (z[0] >= level) | (z[1] >= level) << 1 | (z[2] >= level) << 2 | (z[3] >= level) << 3;

  if (cs == 5 || cs == 10)
    {
      double centre = 0.25 * (z[0] + z[1] + z[2] + z[3]);

      if (centre >= level)
        cs = cs == 5 ? 16 : 17;
    }

  segment_equation (z, cell_segments[cs][0][0], cell_segments[cs][0][1], level, wpx, hpx,
                    &out->a1, &out->b1, &out->c1);
  out->mode = 1;
  if (cell_segments[cs][1][0] >= 0)
    {
      segment_equation (z, cell_segments[cs][1][0], cell_segments[cs][1][1], level, wpx, hpx,
                        &out->a2, &out->b2, &out->c2);
      /* Centre above: the region is between the segments; else two
       * separate corners. */
      out->mode = cs >= 16 ? 2 : 3;
    }
}

static inline guint32
pack_rgb (double r,
          double g,
          double b)
{
  return 0xff000000u | (guint32) (r * 255 + 0.5) << 16 | (guint32) (g * 255 + 0.5) << 8
       | (guint32) (b * 255 + 0.5);
}

gboolean
_tangent_contour_raster_target (cairo_t      *cr,
                                RasterTarget *rt)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_rectangle_list_t *clip;
  cairo_matrix_t m;
  double dsx, dsy, dox, doy, cx0, cy0, cx1, cy1;
  cairo_format_t format;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return FALSE;
  if (cairo_get_operator (cr) != CAIRO_OPERATOR_OVER)
    return FALSE;

  cairo_get_matrix (cr, &m);
  if (m.xy != 0 || m.yx != 0 || !(m.xx > 0) || !(m.yy > 0))
    return FALSE;
  cairo_surface_get_device_scale (target, &dsx, &dsy);
  cairo_surface_get_device_offset (target, &dox, &doy);
  rt->target = target;
  rt->sx = m.xx * dsx;
  rt->sy = m.yy * dsy;
  rt->ox = m.x0 * dsx + dox;
  rt->oy = m.y0 * dsy + doy;

  clip = cairo_copy_clip_rectangle_list (cr);
  if (clip->status != CAIRO_STATUS_SUCCESS || clip->num_rectangles != 1)
    {
      cairo_rectangle_list_destroy (clip);
      return FALSE;
    }
  cx0 = clip->rectangles[0].x * rt->sx + rt->ox;
  cy0 = clip->rectangles[0].y * rt->sy + rt->oy;
  cx1 = (clip->rectangles[0].x + clip->rectangles[0].width) * rt->sx + rt->ox;
  cy1 = (clip->rectangles[0].y + clip->rectangles[0].height) * rt->sy + rt->oy;
  cairo_rectangle_list_destroy (clip);

  /* Pixels whose centres are inside the clip and the surface. */
  rt->x0 = MAX (0, (int) ceil (cx0 - 0.5));
  rt->y0 = MAX (0, (int) ceil (cy0 - 0.5));
  rt->x1 = MIN (cairo_image_surface_get_width (target), (int) ceil (cx1 - 0.5));
  rt->y1 = MIN (cairo_image_surface_get_height (target), (int) ceil (cy1 - 0.5));
  return TRUE;
}

gboolean
_tangent_contour_fill_raster (cairo_t               *cr,
                              const TangentViewport *vp,
                              const TangentField    *field,
                              const guint16         *bands,
                              const double          *levels,
                              guint                  n_levels,
                              const TangentColor    *colors)
{
  g_autofree guint16 *cell_lo = NULL;
  g_autofree guint16 *cell_hi = NULL;
  g_autofree guint *edge_of = NULL;
  g_autofree int *col_cell = NULL;
  g_autofree float *col_u = NULL;
  g_autofree int *span_lo = NULL;
  g_autofree int *span_hi = NULL;
  g_autofree guint32 *solid = NULL;
  g_autoptr(GArray) edges = NULL;
  guint nx = field->nx, ncx = field->nx - 1, ncy = field->ny - 1;
  double dx, dy, wpx, hpx;
  RasterTarget rt;
  guint8 *data;
  int stride;

  for (guint k = 0; k <= n_levels; k++)
    if (colors[k].alpha < 1)
      return FALSE;
  if (!(field->xmax > field->xmin) || !(field->ymax > field->ymin))
    return FALSE;
  if (!_tangent_contour_raster_target (cr, &rt))
    return FALSE;
  if (rt.x0 >= rt.x1 || rt.y0 >= rt.y1)
    return TRUE;

  dx = (field->xmax - field->xmin) / ncx;
  dy = (field->ymax - field->ymin) / ncy;
  wpx = dx * vp->width / (vp->xmax - vp->xmin) * rt.sx;
  hpx = dy * vp->height / (vp->ymax - vp->ymin) * rt.sy;

  /* Per cell: its band range, and for crossed cells the boundaries. */
  cell_lo = g_new (guint16, (gsize) ncx * ncy);
  cell_hi = g_new (guint16, (gsize) ncx * ncy);
  edge_of = g_new (guint, (gsize) ncx * ncy);
  edges = g_array_new (FALSE, FALSE, sizeof (CellEdge));
  for (guint j = 0; j < ncy; j++)
    for (guint i = 0; i < ncx; i++)
      {
        gsize c = (gsize) j * ncx + i, v0 = (gsize) j * nx + i, v3 = v0 + nx;
        guint b[4] = { bands[v0], bands[v0 + 1], bands[v3 + 1], bands[v3] };
        guint lo, hi;

        /* The common cell: one band, defined. */
        if (b[0] == b[1] && b[0] == b[2] && b[0] == b[3] && b[0] != TANGENT_CONTOUR_BAND_UNDEFINED)
          {
            cell_lo[c] = cell_hi[c] = b[0];
            continue;
          }
        lo = MIN (MIN (b[0], b[1]), MIN (b[2], b[3]));
        hi = MAX (MAX (b[0], b[1]), MAX (b[2], b[3]));
        if (hi == TANGENT_CONTOUR_BAND_UNDEFINED)
          {
            cell_lo[c] = cell_hi[c] = TANGENT_CONTOUR_BAND_UNDEFINED;
            continue;
          }
        cell_lo[c] = lo;
        cell_hi[c] = hi;
        if (lo < hi)
          {
            double z[4] = { field->z[v0], field->z[v0 + 1], field->z[v3 + 1], field->z[v3] };

            edge_of[c] = edges->len;
            for (guint k = lo; k < hi; k++)
              {
                CellEdge e;

                cell_edge (z, levels[k], wpx, hpx, &e);
                g_array_append_val (edges, e);
              }
          }
      }

  solid = g_new (guint32, n_levels + 1);
  for (guint k = 0; k <= n_levels; k++)
    solid[k] = pack_rgb (colors[k].red, colors[k].green, colors[k].blue);

  /* Which cell, and where in it, each pixel column's centre falls; and
   * the span of columns of each cell (x grows with i in device space as
   * in data, since the transform has no reflection in x). */
  col_cell = g_new (int, rt.x1);
  col_u = g_new (float, rt.x1);
  span_lo = g_new (int, ncx);
  span_hi = g_new (int, ncx);
  for (guint i = 0; i < ncx; i++)
    {
      span_lo[i] = G_MAXINT;
      span_hi[i] = G_MININT;
    }
  for (int X = rt.x0; X < rt.x1; X++)
    {
      double x = tangent_viewport_from_px (vp, ((X + 0.5) - rt.ox) / rt.sx);
      double f = (x - field->xmin) / dx;

      col_cell[X] = -1;
      if (f >= 0 && f <= ncx)
        {
          int i = MIN ((int) f, (int) ncx - 1);

          col_cell[X] = i;
          col_u[X] = (float) (f - i);
          span_lo[i] = MIN (span_lo[i], X);
          span_hi[i] = MAX (span_hi[i], X + 1);
        }
    }

  cairo_surface_flush (rt.target);
  data = cairo_image_surface_get_data (rt.target);
  stride = cairo_image_surface_get_stride (rt.target);
  for (int Y = rt.y0; Y < rt.y1; Y++)
    {
      double y = tangent_viewport_from_py (vp, ((Y + 0.5) - rt.oy) / rt.sy);
      double f = (y - field->ymin) / dy;
      guint32 *row = (guint32 *) (void *) (data + (gsize) Y * stride);
      const guint16 *lo_row, *hi_row;
      const guint *edge_row;
      float v;
      int j;

      if (!(f >= 0 && f <= ncy))
        continue;
      j = MIN ((int) f, (int) ncy - 1);
      v = (float) (f - j);
      lo_row = cell_lo + (gsize) j * ncx;
      hi_row = cell_hi + (gsize) j * ncx;
      edge_row = edge_of + (gsize) j * ncx;

      for (guint i = 0; i < ncx; i++)
        {
          guint lo = lo_row[i], hi = hi_row[i];

          if (span_lo[i] >= span_hi[i] || lo == TANGENT_CONTOUR_BAND_UNDEFINED)
            continue;
          if (lo == hi)
            {
              guint32 c = solid[lo];
              int start = span_lo[i], end = span_hi[i];

              /* A run of cells of the same band: one fill. */
              while (i + 1 < ncx && lo_row[i + 1] == lo && hi_row[i + 1] == lo)
                {
                  i++;
                  start = MIN (start, span_lo[i]);
                  end = MAX (end, span_hi[i]);
                }
              for (int X = start; X < end; X++)
                row[X] = c;
              continue;
            }

          for (int X = span_lo[i]; X < span_hi[i]; X++)
            {
              const CellEdge *e = &g_array_index (edges, CellEdge, edge_row[i]);
              float r = colors[lo].red, g = colors[lo].green, b = colors[lo].blue;
              float u = col_u[X];

              for (guint k = lo; k < hi; k++, e++)
                {
                  float d = e->a1 * u + e->b1 * v + e->c1, cov;

                  if (e->mode == 2)
                    d = MIN (d, e->a2 * u + e->b2 * v + e->c2);
                  else if (e->mode == 3)
                    d = MAX (d, e->a2 * u + e->b2 * v + e->c2);
                  cov = CLAMP (0.5f + d, 0.0f, 1.0f);
                  r += cov * ((float) colors[k + 1].red - r);
                  g += cov * ((float) colors[k + 1].green - g);
                  b += cov * ((float) colors[k + 1].blue - b);
                }
              row[X] = pack_rgb (r, g, b);
            }
        }
    }
  cairo_surface_mark_dirty (rt.target);
  return TRUE;
}
