/* tangent-grid.c: evaluating a program over a rectangular grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The compiler splits a program into values that depend on x only, on y
 * only, and on both (tangent-compile.c). Over an nx × ny grid the x-only
 * values are computed once per column and the y-only values once per row,
 * into arrays; only the rest runs per point, in row bands shared by a
 * small pool of worker threads. Each point is computed by the same
 * instructions whatever the band or thread, so results are bit-identical
 * for any number of threads, and to tangent_vm_eval at the same points.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-grid"

#include <string.h>

#include "tangent-grid.h"
#include "tangent-vm-private.h"

/**
 * tangent_grid_coordinate:
 *
 * The i-th of n points spaced evenly over [lo, hi], both ends included:
 * lo + i (hi - lo)/(n - 1), and exactly hi for the last.
 */
double
tangent_grid_coordinate (double lo,
                         double hi,
                         guint  n,
                         guint  i)
{
  if (n <= 1 || i == 0)
    return lo;
  if (i >= n - 1)
    return hi;
  return lo + (double) i * ((hi - lo) / (double) (n - 1));
}

/* Runs a phase over n points of one axis, in blocks, with the variable of
 * that axis in coords and outputs into padded arrays of the same length. */
static void
run_axis_phase (const TangentPhase *ph,
                const double       *params,
                const double       *uvals,
                const double       *coords,
                gsize               n,
                double *const      *arrays)
{
  const TangentVmIsa *isa = _tangent_vm_get_isa ();
  guint n_slots = ph->n_inputs + ph->n_outputs + ph->n_temps;
  double *scratch, **R;

  if (ph->n_code == 0)
    return;

  scratch = _tangent_vm_scratch ((gsize) (ph->n_inputs + ph->n_temps) * TANGENT_VM_BLOCK + n_slots);
  R = (double **) (scratch + (gsize) (ph->n_inputs + ph->n_temps) * TANGENT_VM_BLOCK);

  for (guint i = 0; i < ph->n_temps; i++)
    R[ph->n_inputs + ph->n_outputs + i] = scratch + (gsize) (ph->n_inputs + i) * TANGENT_VM_BLOCK;
  for (guint i = 0; i < ph->n_inputs; i++)
    {
      if (ph->in_kind[i] == TANGENT_BIND_UNIFORM)
        {
          double *p = scratch + (gsize) i * TANGENT_VM_BLOCK;

          for (guint j = 0; j < TANGENT_VM_BLOCK; j++)
            p[j] = uvals[ph->in_index[i]];
          R[i] = p;
        }
      else
        g_assert (ph->in_kind[i] == TANGENT_BIND_VAR);
    }

  for (gsize off = 0; off < n; off += TANGENT_VM_BLOCK)
    {
      gsize m = MIN (TANGENT_VM_BLOCK, n - off);

      for (guint i = 0; i < ph->n_inputs; i++)
        {
          if (ph->in_kind[i] == TANGENT_BIND_VAR)
            R[i] = (double *) coords + off;
        }
      for (guint k = 0; k < ph->n_outputs; k++)
        R[ph->n_inputs + k] = arrays[k] + off;

      if (m == TANGENT_VM_BLOCK)
        isa->run_block (ph->code, ph->n_code, R, m, params);
      else
        isa->run (ph->code, ph->n_code, R, TANGENT_VM_PAD (m), params);
    }
}

typedef struct
{
  const TangentProgram *prog;
  const double         *params;
  const double         *uvals;
  const double         *xs;
  const double         *ys;
  double *const        *xarrays;
  double *const        *yarrays;
  guint                 nx, ny;
  double *const        *outs;

  guint                 band_rows;
  guint                 n_bands;
  gint                  next_band;     /* atomic */

  GMutex                mutex;
  GCond                 cond;
  guint                 pending;       /* helpers still running */
} GridJob;

static void
grid_worker (GridJob *job)
{
  const TangentPhase *ph = &job->prog->grid_xy;
  const TangentVmIsa *isa = _tangent_vm_get_isa ();
  guint n_in = ph->n_inputs, n_out = ph->n_outputs;
  guint n_slots = n_in + n_out + ph->n_temps;
  gsize fill = MIN (TANGENT_VM_BLOCK, TANGENT_VM_PAD (job->nx));
  double *scratch, *inbuf, *tailout, **R;
  gint band;

  scratch = _tangent_vm_scratch ((gsize) (ph->n_temps + n_in + n_out) * TANGENT_VM_BLOCK + n_slots);
  inbuf = scratch + (gsize) ph->n_temps * TANGENT_VM_BLOCK;
  tailout = inbuf + (gsize) n_in * TANGENT_VM_BLOCK;
  R = (double **) (tailout + (gsize) n_out * TANGENT_VM_BLOCK);

  for (guint i = 0; i < ph->n_temps; i++)
    R[n_in + n_out + i] = scratch + (gsize) i * TANGENT_VM_BLOCK;

  /* Uniform inputs and z (0 on a grid) are the same for every row. */
  for (guint i = 0; i < n_in; i++)
    {
      double *p = inbuf + (gsize) i * TANGENT_VM_BLOCK;
      guint kind = ph->in_kind[i];

      R[i] = p;
      if (kind == TANGENT_BIND_UNIFORM)
        {
          for (gsize j = 0; j < fill; j++)
            p[j] = job->uvals[ph->in_index[i]];
        }
      else if (kind == TANGENT_BIND_VAR && ph->in_index[i] == TANGENT_VARIABLE_Z)
        memset (p, 0, fill * sizeof (double));
    }

  while ((band = g_atomic_int_add (&job->next_band, 1)) < (gint) job->n_bands)
    {
      guint row0 = band * job->band_rows;
      guint row1 = MIN (job->ny, row0 + job->band_rows);

      for (guint row = row0; row < row1; row++)
        {
          /* y and the y-only values, broadcast along the row. */
          for (guint i = 0; i < n_in; i++)
            {
              guint kind = ph->in_kind[i];
              double v;

              if (kind == TANGENT_BIND_VAR && ph->in_index[i] == TANGENT_VARIABLE_Y)
                v = job->ys[row];
              else if (kind == TANGENT_BIND_GRID_Y)
                v = job->yarrays[ph->in_index[i]][row];
              else
                continue;

              for (gsize j = 0; j < fill; j++)
                R[i][j] = v;
            }

          for (gsize off = 0; off < job->nx; off += TANGENT_VM_BLOCK)
            {
              gsize m = MIN (TANGENT_VM_BLOCK, job->nx - off);
              gsize base = (gsize) row * job->nx + off;

              for (guint i = 0; i < n_in; i++)
                {
                  guint kind = ph->in_kind[i];

                  if (kind == TANGENT_BIND_VAR && ph->in_index[i] == TANGENT_VARIABLE_X)
                    R[i] = (double *) job->xs + off;
                  else if (kind == TANGENT_BIND_GRID_X)
                    R[i] = job->xarrays[ph->in_index[i]] + off;
                }

              if (m == TANGENT_VM_BLOCK)
                {
                  for (guint k = 0; k < n_out; k++)
                    R[n_in + k] = job->outs[k] + base;
                  isa->run_block (ph->code, ph->n_code, R, m, job->params);
                }
              else
                {
                  for (guint k = 0; k < n_out; k++)
                    R[n_in + k] = tailout + (gsize) k * TANGENT_VM_BLOCK;
                  isa->run (ph->code, ph->n_code, R, TANGENT_VM_PAD (m), job->params);
                  for (guint k = 0; k < n_out; k++)
                    memcpy (job->outs[k] + base, R[n_in + k], m * sizeof (double));
                }
            }
        }
    }
}

static void
pool_func (gpointer data,
           gpointer user_data)
{
  GridJob *job = data;

  grid_worker (job);

  g_mutex_lock (&job->mutex);
  job->pending--;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);
}

/* One pool per process, one helper per further processor; its threads
 * stay for the life of the process. */
static GThreadPool *
get_pool (void)
{
  static GThreadPool *pool;
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      guint n = MAX (g_get_num_processors (), 2) - 1;

      pool = g_thread_pool_new (pool_func, NULL, n, FALSE, NULL);
      g_once_init_leave (&once, 1);
    }

  return pool;
}

/**
 * tangent_grid_eval:
 * @prog: a program
 * @params: (nullable): its parameter values
 * @nx: columns, x from xmin to xmax (tangent_grid_coordinate())
 * @ny: rows, y from ymin to ymax; z is 0
 * @n_threads: 1 for the calling thread only, 0 for one per processor
 * @outs: one array of nx × ny doubles per output of @prog, row-major with y
 *   in the outer loop: outs[k][j nx + i] at (x_i, y_j)
 */
void
tangent_grid_eval (const TangentProgram *prog,
                   const double         *params,
                   double                xmin,
                   double                xmax,
                   guint                 nx,
                   double                ymin,
                   double                ymax,
                   guint                 ny,
                   guint                 n_threads,
                   double *const        *outs)
{
  const TangentPhase *gx, *gy;
  gsize px, py;
  double *xs, *ys, *uvals, *arrays;
  double **xarrays, **yarrays;
  GridJob job = { 0, };
  guint n_helpers;

  g_return_if_fail (prog != NULL);
  g_return_if_fail (params != NULL || prog->n_params == 0);
  g_return_if_fail (outs != NULL);

  if (nx == 0 || ny == 0)
    return;

  if (n_threads == 0)
    n_threads = g_get_num_processors ();

  gx = &prog->grid_x;
  gy = &prog->grid_y;
  px = TANGENT_VM_PAD (nx);
  py = TANGENT_VM_PAD (ny);

  xs = g_aligned_alloc0 (px + py, sizeof (double), 64);
  ys = xs + px;
  for (guint i = 0; i < nx; i++)
    xs[i] = tangent_grid_coordinate (xmin, xmax, nx, i);
  for (guint j = 0; j < ny; j++)
    ys[j] = tangent_grid_coordinate (ymin, ymax, ny, j);

  uvals = g_new0 (double, prog->uniform.n_outputs + 1);
  _tangent_vm_run_uniform (prog, params, uvals);

  arrays = g_aligned_alloc0 (gx->n_outputs * px + gy->n_outputs * py + 1, sizeof (double), 64);
  xarrays = g_new (double *, gx->n_outputs + 1);
  yarrays = g_new (double *, gy->n_outputs + 1);
  for (guint k = 0; k < gx->n_outputs; k++)
    xarrays[k] = arrays + k * px;
  for (guint k = 0; k < gy->n_outputs; k++)
    yarrays[k] = arrays + gx->n_outputs * px + k * py;

  run_axis_phase (gx, params, uvals, xs, nx, xarrays);
  run_axis_phase (gy, params, uvals, ys, ny, yarrays);

  job.prog = prog;
  job.params = params;
  job.uvals = uvals;
  job.xs = xs;
  job.ys = ys;
  job.xarrays = xarrays;
  job.yarrays = yarrays;
  job.nx = nx;
  job.ny = ny;
  job.outs = outs;
  /* A few bands per thread balance the load; a band is at least a row. */
  job.band_rows = MAX (1, ny / (n_threads * 4));
  job.n_bands = (ny + job.band_rows - 1) / job.band_rows;
  g_mutex_init (&job.mutex);
  g_cond_init (&job.cond);

  n_helpers = MIN (n_threads, job.n_bands) - 1;
  job.pending = n_helpers;
  for (guint t = 0; t < n_helpers; t++)
    g_thread_pool_push (get_pool (), &job, NULL);

  grid_worker (&job);

  g_mutex_lock (&job.mutex);
  while (job.pending > 0)
    g_cond_wait (&job.cond, &job.mutex);
  g_mutex_unlock (&job.mutex);

  g_mutex_clear (&job.mutex);
  g_cond_clear (&job.cond);
  g_free (xarrays);
  g_free (yarrays);
  g_aligned_free (arrays);
  g_free (uvals);
  g_aligned_free (xs);
}
