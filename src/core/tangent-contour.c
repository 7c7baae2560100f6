/* tangent-contour.c: level curves of a sampled function by marching
 * squares, and the regions above a level
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Marching squares (Lorensen and Cline's cube method in two dimensions):
 * each cell's four corners are above (f >= level) or below, giving one of
 * 16 cases; the curve crosses the edges whose ends differ, at the point
 * found by linear interpolation along that edge. The two saddle cases are
 * decided by the mean of the corners, the value of the bilinear
 * interpolant at the centre.
 *
 * Segments are oriented with the region above on their left, so every
 * crossed edge is the exit of one cell and the entry of the next. Joining
 * is then a walk from cell to cell through the shared edge: no search and
 * no hash table, O(cells crossed). A per-cell byte records which entry
 * edges are used. The point on an edge depends only on the edge, never on
 * the cell or direction it is reached from, so lines, neighbouring cells'
 * polygons and the regions of tangent_contour_region_above() all meet
 * exactly.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-contour"

#include <math.h>
#include <string.h>

#include "tangent-contour-private.h"
#include "tangent-grid.h"
#include "tangent-nice.h"

typedef struct
{
  guint    start;      /* index of the first point */
  guint    n_points;
  gboolean closed;
} ContourLine;

struct _TangentContour
{
  GArray *points;      /* double: x0 y0 x1 y1 … of every line */
  GArray *lines;       /* ContourLine */
};

/* Cell corners: c0 = (i, j), c1 = (i + 1, j), c2 = (i + 1, j + 1),
 * c3 = (i, j + 1), y growing with j. Edges: E0 bottom (c0–c1), E1 right
 * (c1–c2), E2 top (c3–c2), E3 left (c0–c3). Case bit q is set when corner
 * q is above. Cases 16 and 17 are the saddles 5 and 10 with the centre
 * above; 5 and 10 themselves have it below. */
#define CASE_INVALID      (-1)
#define CASE_5_CENTRE_UP  16
#define CASE_10_CENTRE_UP 17
#define N_CASES           18

/* exit_edge[case][entry]: where the segment that enters through an edge
 * leaves, walking with the region above on the left; -1 for none. */
static const gint8 exit_edge[N_CASES][4] = {
  { -1, -1, -1, -1 },   /* 0 */
  {  3, -1, -1, -1 },   /* 1: c0 */
  { -1,  0, -1, -1 },   /* 2: c1 */
  { -1,  3, -1, -1 },   /* 3: c0 c1 */
  { -1, -1,  1, -1 },   /* 4: c2 */
  {  3, -1,  1, -1 },   /* 5: c0 c2, apart */
  { -1, -1,  0, -1 },   /* 6: c1 c2 */
  { -1, -1,  3, -1 },   /* 7: all but c3 */
  { -1, -1, -1,  2 },   /* 8: c3 */
  {  2, -1, -1, -1 },   /* 9: c0 c3 */
  { -1,  0, -1,  2 },   /* 10: c1 c3, apart */
  { -1,  2, -1, -1 },   /* 11: all but c2 */
  { -1, -1, -1,  1 },   /* 12: c2 c3 */
  {  1, -1, -1, -1 },   /* 13: all but c1 */
  { -1, -1, -1,  0 },   /* 14: all but c0 */
  { -1, -1, -1, -1 },   /* 15 */
  {  1, -1,  3, -1 },   /* 16: c0 c2 joined through the centre */
  { -1,  2, -1,  0 },   /* 17: c1 c3 joined through the centre */
};

/* entry_edge[case][exit]: the inverse of exit_edge. */
static gint8 entry_edge[N_CASES][4];

static void
init_entry_edges (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      memset (entry_edge, -1, sizeof entry_edge);
      for (guint c = 0; c < N_CASES; c++)
        for (guint e = 0; e < 4; e++)
          if (exit_edge[c][e] >= 0)
            entry_edge[c][exit_edge[c][e]] = (gint8) e;
      g_once_init_leave (&initialized, 1);
    }
}

/* The contour object. */

static TangentContour *
contour_new (void)
{
  TangentContour *self = g_new0 (TangentContour, 1);

  self->points = g_array_new (FALSE, FALSE, sizeof (double));
  self->lines = g_array_new (FALSE, FALSE, sizeof (ContourLine));
  return self;
}

static inline void
contour_add_point (TangentContour *self,
                   double          x,
                   double          y)
{
  double xy[2] = { x, y };

  g_array_append_vals (self->points, xy, 2);
}

/* Ends the line that began at point index @start. */
static void
contour_end_line (TangentContour *self,
                  guint           start,
                  gboolean        closed)
{
  ContourLine line = { start, self->points->len / 2 - start, closed };

  if (line.n_points > 0)
    g_array_append_val (self->lines, line);
}

void
tangent_contour_free (TangentContour *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->points);
  g_array_unref (self->lines);
  g_free (self);
}

guint
tangent_contour_get_n_lines (const TangentContour *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->lines->len;
}

guint
tangent_contour_get_n_points (const TangentContour *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->points->len / 2;
}

const double *
tangent_contour_get_line (const TangentContour *self,
                          guint                 i,
                          guint                *n_points,
                          gboolean             *closed)
{
  const ContourLine *line;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->lines->len, NULL);

  line = &g_array_index (self->lines, ContourLine, i);
  if (n_points != NULL)
    *n_points = line->n_points;
  if (closed != NULL)
    *closed = line->closed;
  return &g_array_index (self->points, double, 2 * line->start);
}

/* The grid: vertex coordinates and bands, computed once per call. */

typedef struct
{
  const double  *z;
  const guint16 *bands;      /* per vertex, see tangent_contour_bands() */
  const guint8  *skip;       /* per cell, nullable */
  guint          nx, ny;     /* vertices */
  guint          ncx, ncy;   /* cells */
  double        *xs, *ys;
  guint8        *used;       /* per cell: bit e when entry edge e is used */
  GArray        *back;       /* scratch: points of a backward walk */
} Tracer;

static gboolean
field_is_valid (const TangentField *field)
{
  return field->z != NULL && field->nx >= 2 && field->ny >= 2
      && isfinite (field->xmin) && isfinite (field->xmax)
      && isfinite (field->ymin) && isfinite (field->ymax)
      && (guint64) field->nx * field->ny <= G_MAXUINT32 / 2;
}

static void
tracer_init (Tracer             *t,
             const TangentField *field,
             const guint16      *bands,
             const guint8       *skip)
{
  t->z = field->z;
  t->bands = bands;
  t->skip = skip;
  t->nx = field->nx;
  t->ny = field->ny;
  t->ncx = field->nx - 1;
  t->ncy = field->ny - 1;
  t->xs = g_new (double, field->nx);
  t->ys = g_new (double, field->ny);
  for (guint i = 0; i < field->nx; i++)
    t->xs[i] = tangent_grid_coordinate (field->xmin, field->xmax, field->nx, i);
  for (guint j = 0; j < field->ny; j++)
    t->ys[j] = tangent_grid_coordinate (field->ymin, field->ymax, field->ny, j);
  t->used = g_new0 (guint8, (gsize) t->ncx * t->ncy);
  t->back = g_array_new (FALSE, FALSE, sizeof (double));
  init_entry_edges ();
}

static void
tracer_clear (Tracer *t)
{
  g_free (t->xs);
  g_free (t->ys);
  g_free (t->used);
  g_array_unref (t->back);
}

/* The case of cell @c for level number @k (value @level), from the bands
 * of its corners; CASE_INVALID for a cell with an undefined corner or a
 * skipped cell. */
static inline int
tracer_case (const Tracer *t,
             guint         c,
             guint         k,
             double        level)
{
  guint i = c % t->ncx, j = c / t->ncx;
  gsize v0 = (gsize) j * t->nx + i, v3 = v0 + t->nx;
  guint b0 = t->bands[v0], b1 = t->bands[v0 + 1];
  guint b2 = t->bands[v3 + 1], b3 = t->bands[v3];
  int cs;

  if (b0 == TANGENT_CONTOUR_BAND_UNDEFINED || b1 == TANGENT_CONTOUR_BAND_UNDEFINED
      || b2 == TANGENT_CONTOUR_BAND_UNDEFINED || b3 == TANGENT_CONTOUR_BAND_UNDEFINED)
    return CASE_INVALID;
  if (t->skip != NULL && t->skip[c])
    return CASE_INVALID;

  cs = (b0 > k) | (b1 > k) << 1 | (b2 > k) << 2 | (b3 > k) << 3;
  if (cs == 5 || cs == 10)
    {
      double centre = 0.25 * (t->z[v0] + t->z[v0 + 1] + t->z[v3 + 1] + t->z[v3]);

      if (centre >= level)
        cs = cs == 5 ? CASE_5_CENTRE_UP : CASE_10_CENTRE_UP;
    }
  return cs;
}

/* The crossing of @level on edge @e of cell (i, j). Each edge is
 * interpolated from its lower-index end, whichever cell asks. */
static inline void
edge_point (const double *z,
            const double *xs,
            const double *ys,
            guint         nx,
            guint         i,
            guint         j,
            int           e,
            double        level,
            double       *x,
            double       *y)
{
  gsize a, b;
  double t;

  switch (e)
    {
    case 0:
      a = (gsize) j * nx + i;
      b = a + 1;
      break;
    case 1:
      a = (gsize) j * nx + i + 1;
      b = a + nx;
      break;
    case 2:
      a = (gsize) (j + 1) * nx + i;
      b = a + 1;
      break;
    default:
      a = (gsize) j * nx + i;
      b = a + nx;
      break;
    }

  t = (level - z[a]) / (z[b] - z[a]);
  if (!(t >= 0))
    t = 0;
  else if (t > 1)
    t = 1;

  if (e == 0 || e == 2)
    {
      guint jj = e == 0 ? j : j + 1;

      *x = xs[i] + t * (xs[i + 1] - xs[i]);
      *y = ys[jj];
    }
  else
    {
      guint ii = e == 3 ? i : i + 1;

      *x = xs[ii];
      *y = ys[j] + t * (ys[j + 1] - ys[j]);
    }
}

static inline void
tracer_add_point (const Tracer   *t,
                  GArray         *points,
                  guint           c,
                  int             e,
                  double          level)
{
  double xy[2];

  edge_point (t->z, t->xs, t->ys, t->nx, c % t->ncx, c / t->ncx, e, level, &xy[0], &xy[1]);
  g_array_append_vals (points, xy, 2);
}

/* The cell across edge @e of cell @c; FALSE at the border of the grid. */
static inline gboolean
tracer_neighbour (const Tracer *t,
                  guint         c,
                  int           e,
                  guint        *next)
{
  guint i = c % t->ncx, j = c / t->ncx;

  switch (e)
    {
    case 0:
      if (j == 0)
        return FALSE;
      *next = c - t->ncx;
      return TRUE;
    case 1:
      if (i + 1 >= t->ncx)
        return FALSE;
      *next = c + 1;
      return TRUE;
    case 2:
      if (j + 1 >= t->ncy)
        return FALSE;
      *next = c + t->ncx;
      return TRUE;
    default:
      if (i == 0)
        return FALSE;
      *next = c - 1;
      return TRUE;
    }
}

/* One line through the unused segment of cell @c that enters at edge @e:
 * forward until it closes or leaves the grid (or meets an undefined
 * cell), then backward from the start, prepended. */
static void
tracer_follow (Tracer         *t,
               TangentContour *out,
               guint           c,
               int             e,
               int             cs,
               guint           k,
               double          level)
{
  guint start = out->points->len / 2;
  guint cur = c, next;
  int ent = e;
  gboolean closed = FALSE;

  tracer_add_point (t, out->points, c, e, level);
  for (;;)
    {
      int ex = exit_edge[cs][ent], nent, ncs;

      t->used[cur] |= 1 << ent;
      tracer_add_point (t, out->points, cur, ex, level);
      if (!tracer_neighbour (t, cur, ex, &next))
        break;
      nent = (ex + 2) & 3;
      if (next == c && nent == e)
        {
          closed = TRUE;
          g_array_set_size (out->points, out->points->len - 2);
          break;
        }
      ncs = tracer_case (t, next, k, level);
      if (ncs < 0 || exit_edge[ncs][nent] < 0 || (t->used[next] & (1 << nent)))
        break;
      cur = next;
      ent = nent;
      cs = ncs;
    }

  if (!closed)
    {
      int ex = e;

      g_array_set_size (t->back, 0);
      cur = c;
      for (;;)
        {
          int pex, pcs, pent;

          if (!tracer_neighbour (t, cur, ex, &next))
            break;
          pex = (ex + 2) & 3;
          pcs = tracer_case (t, next, k, level);
          if (pcs < 0)
            break;
          pent = entry_edge[pcs][pex];
          if (pent < 0 || (t->used[next] & (1 << pent)))
            break;
          t->used[next] |= 1 << pent;
          tracer_add_point (t, t->back, next, pent, level);
          cur = next;
          ex = pent;
        }

      if (t->back->len > 0)
        {
          guint n = t->back->len / 2;
          double *b = (double *) (void *) t->back->data;

          /* Reverse the pairs, then put them in front of the line. */
          for (guint p = 0; p < n / 2; p++)
            {
              double x = b[2 * p], y = b[2 * p + 1];

              b[2 * p] = b[2 * (n - 1 - p)];
              b[2 * p + 1] = b[2 * (n - 1 - p) + 1];
              b[2 * (n - 1 - p)] = x;
              b[2 * (n - 1 - p) + 1] = y;
            }
          g_array_insert_vals (out->points, 2 * start, b, 2 * n);
        }
    }

  contour_end_line (out, start, closed);
}

/* Traces level number @k through the cells listed (ascending, which makes
 * the output deterministic), then clears their marks. */
static TangentContour *
tracer_trace (Tracer      *t,
              guint        k,
              double       level,
              const guint *cells,
              guint        n_cells)
{
  TangentContour *out = contour_new ();

  for (guint n = 0; n < n_cells; n++)
    {
      guint c = cells[n];
      int cs = tracer_case (t, c, k, level);

      if (cs < 0)
        continue;
      for (int e = 0; e < 4; e++)
        {
          if (exit_edge[cs][e] >= 0 && !(t->used[c] & (1 << e)))
            tracer_follow (t, out, c, e, cs, k, level);
        }
    }

  for (guint n = 0; n < n_cells; n++)
    t->used[cells[n]] = 0;

  return out;
}

/**
 * tangent_contour_bands:
 * @field: the sampled function
 * @levels: ascending levels
 * @n_levels: how many, at most %TANGENT_CONTOUR_MAX_LEVELS
 * @bands: (out caller-allocates): nx × ny entries
 *
 * A point is above level k exactly when its band exceeds k, so a cell is
 * crossed by level k when its corners' bands straddle k, and by no level
 * at all (the common case) when they are equal.
 */
void
tangent_contour_bands (const TangentField *field,
                       const double       *levels,
                       guint               n_levels,
                       guint16            *bands)
{
  gsize n;

  g_return_if_fail (field != NULL && field->z != NULL);
  g_return_if_fail (levels != NULL || n_levels == 0);
  g_return_if_fail (n_levels <= TANGENT_CONTOUR_MAX_LEVELS);
  g_return_if_fail (bands != NULL);

  n = (gsize) field->nx * field->ny;
  for (gsize v = 0, guess = 0; v < n; v++)
    {
      double z = field->z[v];
      guint lo = 0, hi = n_levels;

      if (!isfinite (z))
        {
          bands[v] = TANGENT_CONTOUR_BAND_UNDEFINED;
          continue;
        }
      /* Neighbours mostly share a band: try the last one first. */
      if ((guess == 0 || levels[guess - 1] <= z) && (guess == n_levels || z < levels[guess]))
        {
          bands[v] = (guint16) guess;
          continue;
        }
      /* The number of levels <= z: the first index whose level is > z. */
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (levels[mid] <= z)
            lo = mid + 1;
          else
            hi = mid;
        }
      bands[v] = (guint16) lo;
      guess = lo;
    }
}

/* The lowest and highest band of cell @c's corners; FALSE when one is
 * undefined. */
static inline gboolean
cell_band_range (const guint16 *bands,
                 guint          nx,
                 guint          ncx,
                 guint          c,
                 guint         *lo,
                 guint         *hi)
{
  gsize v0 = (gsize) (c / ncx) * nx + c % ncx, v3 = v0 + nx;
  guint b0 = bands[v0], b1 = bands[v0 + 1], b2 = bands[v3 + 1], b3 = bands[v3];

  if (b0 == TANGENT_CONTOUR_BAND_UNDEFINED || b1 == TANGENT_CONTOUR_BAND_UNDEFINED
      || b2 == TANGENT_CONTOUR_BAND_UNDEFINED || b3 == TANGENT_CONTOUR_BAND_UNDEFINED)
    return FALSE;
  *lo = MIN (MIN (b0, b1), MIN (b2, b3));
  *hi = MAX (MAX (b0, b1), MAX (b2, b3));
  return TRUE;
}

static gboolean
levels_are_ascending (const double *levels,
                      guint         n_levels)
{
  for (guint k = 0; k < n_levels; k++)
    {
      if (isnan (levels[k]) || (k > 0 && levels[k] < levels[k - 1]))
        return FALSE;
    }
  return TRUE;
}

/**
 * tangent_contour_trace_levels:
 * @field: the sampled function
 * @levels: ascending levels (NaN is not allowed)
 * @n_levels: how many, at most %TANGENT_CONTOUR_MAX_LEVELS
 * @contours: (out caller-allocates) (transfer full): n_levels contours
 *
 * One pass sorts the crossed cells by level (a counting sort over the
 * band ranges), so tracing costs the cells crossed, not levels × cells.
 */
void
tangent_contour_trace_levels (const TangentField *field,
                              const double       *levels,
                              guint               n_levels,
                              TangentContour    **contours)
{
  g_autofree guint16 *bands = NULL;

  g_return_if_fail (field != NULL);
  g_return_if_fail (levels != NULL || n_levels == 0);
  g_return_if_fail (n_levels <= TANGENT_CONTOUR_MAX_LEVELS);
  g_return_if_fail (contours != NULL || n_levels == 0);

  if (n_levels == 0)
    return;

  if (!field_is_valid (field) || !levels_are_ascending (levels, n_levels))
    {
      for (guint k = 0; k < n_levels; k++)
        contours[k] = contour_new ();
      return;
    }

  bands = g_new (guint16, (gsize) field->nx * field->ny);
  tangent_contour_bands (field, levels, n_levels, bands);
  tangent_contour_trace_bands (field, bands, levels, n_levels, contours);
}

/**
 * tangent_contour_trace_bands:
 * @field: the sampled function
 * @bands: its bands for @levels, from tangent_contour_bands()
 * @levels: ascending levels
 * @n_levels: how many
 * @contours: (out caller-allocates) (transfer full): n_levels contours
 *
 * tangent_contour_trace_levels() for a caller that needs the bands too.
 */
void
tangent_contour_trace_bands (const TangentField *field,
                             const guint16      *bands,
                             const double       *levels,
                             guint               n_levels,
                             TangentContour    **contours)
{
  g_autofree guint *offsets = NULL;
  g_autofree guint *cells = NULL;
  g_autoptr(GArray) crossed = NULL;
  guint ncx;
  gsize total = 0;
  Tracer t;

  g_return_if_fail (field != NULL);
  g_return_if_fail (bands != NULL);
  g_return_if_fail (levels != NULL || n_levels == 0);
  g_return_if_fail (n_levels <= TANGENT_CONTOUR_MAX_LEVELS);
  g_return_if_fail (contours != NULL || n_levels == 0);

  if (n_levels == 0)
    return;

  if (!field_is_valid (field) || !levels_are_ascending (levels, n_levels))
    {
      for (guint k = 0; k < n_levels; k++)
        contours[k] = contour_new ();
      return;
    }

  ncx = field->nx - 1;

  /* The crossed cells, found in one pass; then a counting sort by level
   * (ascending within a level, since cells are visited in order). */
  crossed = g_array_new (FALSE, FALSE, sizeof (guint));
  offsets = g_new0 (guint, n_levels + 1);
  for (guint j = 0; j + 1 < field->ny; j++)
    {
      const guint16 *r0 = bands + (gsize) j * field->nx, *r1 = r0 + field->nx;

      for (guint i = 0; i < ncx; i++)
        {
          guint c, lo, hi;

          /* Quick exit for the common cell: four equal bands. */
          if (r0[i] == r0[i + 1] && r0[i] == r1[i] && r0[i] == r1[i + 1])
            continue;
          c = j * ncx + i;
          if (!cell_band_range (bands, field->nx, ncx, c, &lo, &hi))
            continue;
          g_array_append_val (crossed, c);
          for (guint k = lo; k < hi; k++)
            offsets[k + 1]++;
        }
    }
  for (guint k = 0; k < n_levels; k++)
    {
      total += offsets[k + 1];
      offsets[k + 1] = (guint) total;
    }
  cells = g_new (guint, MAX (total, 1));
  {
    g_autofree guint *fill = g_memdup2 (offsets, sizeof (guint) * n_levels);

    for (guint n = 0; n < crossed->len; n++)
      {
        guint c = g_array_index (crossed, guint, n), lo = 0, hi = 0;

        cell_band_range (bands, field->nx, ncx, c, &lo, &hi);
        for (guint k = lo; k < hi; k++)
          cells[fill[k]++] = c;
      }
  }

  tracer_init (&t, field, bands, NULL);
  for (guint k = 0; k < n_levels; k++)
    contours[k] = tracer_trace (&t, k, levels[k], cells + offsets[k],
                                offsets[k + 1] - offsets[k]);
  tracer_clear (&t);
}

TangentContour *
_tangent_contour_trace_masked (const TangentField *field,
                               double              level,
                               const guint8       *skip)
{
  g_autofree guint16 *bands = NULL;
  g_autoptr(GArray) cells = NULL;
  TangentContour *out;
  guint ncx, n_cells;
  Tracer t;

  if (!field_is_valid (field) || isnan (level))
    return contour_new ();

  ncx = field->nx - 1;
  n_cells = ncx * (field->ny - 1);
  bands = g_new (guint16, (gsize) field->nx * field->ny);
  tangent_contour_bands (field, &level, 1, bands);

  cells = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint c = 0; c < n_cells; c++)
    {
      guint lo, hi;

      if (cell_band_range (bands, field->nx, ncx, c, &lo, &hi) && lo < hi
          && (skip == NULL || !skip[c]))
        g_array_append_val (cells, c);
    }

  tracer_init (&t, field, bands, skip);
  out = tracer_trace (&t, 0, level, (const guint *) (void *) cells->data, cells->len);
  tracer_clear (&t);
  return out;
}

/**
 * tangent_contour_trace:
 * @field: the sampled function
 * @level: the level
 *
 * Returns: (transfer full): the level set's polylines; none for a NaN
 *   level or a grid of fewer than 2 × 2 points
 */
TangentContour *
tangent_contour_trace (const TangentField *field,
                       double              level)
{
  g_return_val_if_fail (field != NULL, NULL);

  return _tangent_contour_trace_masked (field, level, NULL);
}

/* The region above in one cell that the level crosses: walk the border
 * counter-clockwise, keeping the corners above and the crossings. A
 * saddle whose centre is below is two corner triangles instead. */
static void
region_cell (const Tracer   *t,
             TangentContour *out,
             guint           i,
             guint           j,
             const double    zc[4],
             int             cs,
             double          level)
{
  const double cx[4] = { t->xs[i], t->xs[i + 1], t->xs[i + 1], t->xs[i] };
  const double cy[4] = { t->ys[j], t->ys[j], t->ys[j + 1], t->ys[j + 1] };
  guint start = out->points->len / 2;
  double x, y;

  if (cs == 5 || cs == 10)
    {
      double centre = 0.25 * (zc[0] + zc[1] + zc[2] + zc[3]);

      if (centre < level)
        {
          for (int q = 0; q < 4; q++)
            {
              if (!(cs & (1 << q)))
                continue;
              start = out->points->len / 2;
              contour_add_point (out, cx[q], cy[q]);
              edge_point (t->z, t->xs, t->ys, t->nx, i, j, q, level, &x, &y);
              contour_add_point (out, x, y);
              edge_point (t->z, t->xs, t->ys, t->nx, i, j, (q + 3) & 3, level, &x, &y);
              contour_add_point (out, x, y);
              contour_end_line (out, start, TRUE);
            }
          return;
        }
    }

  for (int q = 0; q < 4; q++)
    {
      gboolean here = (cs >> q) & 1, there = (cs >> ((q + 1) & 3)) & 1;

      if (here)
        contour_add_point (out, cx[q], cy[q]);
      if (here != there)
        {
          edge_point (t->z, t->xs, t->ys, t->nx, i, j, q, level, &x, &y);
          contour_add_point (out, x, y);
        }
    }
  contour_end_line (out, start, TRUE);
}

static void
region_rectangle (TangentContour *out,
                  double          x0,
                  double          x1,
                  double          y0,
                  double          y1)
{
  guint start = out->points->len / 2;

  contour_add_point (out, x0, y0);
  contour_add_point (out, x1, y0);
  contour_add_point (out, x1, y1);
  contour_add_point (out, x0, y1);
  contour_end_line (out, start, TRUE);
}

/**
 * tangent_contour_region_above:
 * @field: the sampled function
 * @level: the level; -∞ gives every cell where f is defined
 *
 * Cells wholly above are merged into one rectangle per run along a row;
 * each crossed cell adds the polygon of its part above, cut along the
 * same edge points as tangent_contour_trace(), so the union is seamless
 * and its border is exactly the traced level line.
 *
 * Returns: (transfer full): closed counter-clockwise polygons
 */
TangentContour *
tangent_contour_region_above (const TangentField *field,
                              double              level)
{
  TangentContour *out;
  Tracer t;

  g_return_val_if_fail (field != NULL, NULL);

  out = contour_new ();
  if (!field_is_valid (field) || isnan (level))
    return out;

  tracer_init (&t, field, NULL, NULL);
  for (guint j = 0; j < t.ncy; j++)
    {
      const double *row0 = field->z + (gsize) j * field->nx;
      const double *row1 = row0 + field->nx;
      gint64 run = -1;

      for (guint i = 0; i < t.ncx; i++)
        {
          double zc[4] = { row0[i], row0[i + 1], row1[i + 1], row1[i] };
          int cs = 0;
          gboolean valid = TRUE;

          for (int q = 0; q < 4; q++)
            {
              if (!isfinite (zc[q]))
                valid = FALSE;
              else if (zc[q] >= level)
                cs |= 1 << q;
            }

          if (valid && cs == 15)
            {
              if (run < 0)
                run = i;
              continue;
            }
          if (run >= 0)
            {
              region_rectangle (out, t.xs[run], t.xs[i], t.ys[j], t.ys[j + 1]);
              run = -1;
            }
          if (valid && cs != 0)
            region_cell (&t, out, i, j, zc, cs, level);
        }
      if (run >= 0)
        region_rectangle (out, t.xs[run], t.xs[t.ncx], t.ys[j], t.ys[j + 1]);
    }
  tracer_clear (&t);

  return out;
}

/* The next smaller nice number: 5 → 2 → 1 → 0.5 of a power of ten. */
static double
nice_below (double step)
{
  double magnitude = pow (10, floor (log10 (step) + 1e-9));
  double mantissa = step / magnitude;

  if (mantissa > 4.5)
    return 2 * magnitude;
  if (mantissa > 1.5)
    return magnitude;
  return 0.5 * magnitude;
}

/* Multiples of @step strictly inside (lo, hi), as indices. */
static gboolean
count_inside (double  lo,
              double  hi,
              double  step,
              gint64 *first,
              gint64 *last)
{
  double f = floor (lo / step) + 1, l = ceil (hi / step) - 1;

  if (!isfinite (f) || !isfinite (l) || fabs (f) > 1e15 || fabs (l) > 1e15)
    return FALSE;
  *first = (gint64) f;
  *last = (gint64) l;
  return TRUE;
}

/**
 * tangent_contour_nice_levels:
 * @zmin: the lowest value of the data
 * @zmax: the highest
 * @max_levels: the most levels wanted
 * @levels: (out caller-allocates): room for @max_levels values
 *
 * Takes the finest nice step that gives at most @max_levels multiples
 * strictly between the extremes. Values come from their index (as axis
 * ticks do), so a level prints as 0.3, not 0.30000000000000004.
 *
 * Returns: the number of levels written
 */
guint
tangent_contour_nice_levels (double  zmin,
                             double  zmax,
                             guint   max_levels,
                             double *levels)
{
  gint64 first, last;
  double step;
  guint n = 0;

  g_return_val_if_fail (levels != NULL || max_levels == 0, 0);

  if (!isfinite (zmin) || !isfinite (zmax) || !(zmax > zmin) || max_levels == 0
      || !isfinite (zmax - zmin))
    return 0;

  step = tangent_nice_at_least ((zmax - zmin) / ((double) max_levels + 1));
  if (step == 0 || !count_inside (zmin, zmax, step, &first, &last))
    return 0;

  /* The bound above is one-sided; a finer step may still fit. */
  for (guint tries = 0; tries < 3; tries++)
    {
      double finer = nice_below (step);
      gint64 f, l;

      if (!(finer > 0) || !count_inside (zmin, zmax, finer, &f, &l)
          || l - f + 1 > (gint64) max_levels)
        break;
      step = finer;
      first = f;
      last = l;
    }

  /* Two levels that round to the same double are useless. */
  if (tangent_nice_multiple (step, first) == tangent_nice_multiple (step, first + 1))
    return 0;

  for (gint64 i = first; i <= last && n < max_levels; i++)
    {
      double v = tangent_nice_multiple (step, i);

      if (v > zmin && v < zmax)
        levels[n++] = v;
    }
  return n;
}
