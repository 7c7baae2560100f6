/* tangent-grid.c: evaluating a program over a rectangular grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The compiler splits a program into values that depend on x only, on y
 * only, and on both (tangent-compile.c). Over an nx × ny grid the x-only
 * values are computed once per column and the y-only values once per row,
 * into arrays; only the rest runs per point, in row bands shared by a
 * small pool of worker threads. Each thread computes the x-only values
 * for itself and the y-only values of its own bands, so that no part of a
 * call runs on one thread alone. Every kernel works lane by lane, so each
 * point is computed by the same instructions on the same inputs whatever
 * the band, block or thread: results are bit-identical for any number of
 * threads, and to tangent_vm_eval at the same points.
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

/* An axis: tangent_grid_coordinate () with its division done once. */
typedef struct
{
  double lo, hi, step;
  guint  n;
} GridAxis;

static void
grid_axis_init (GridAxis *axis,
                double    lo,
                double    hi,
                guint     n)
{
  axis->lo = lo;
  axis->hi = hi;
  axis->n = n;
  axis->step = n > 1 ? (hi - lo) / (double) (n - 1) : 0;
}

/* out[j] is coordinate i0 + j, for j < m; then zeros up to the padding. */
static void
grid_axis_fill (const GridAxis *axis,
                guint           i0,
                guint           m,
                double         *out)
{
  for (guint j = 0; j < m; j++)
    {
      guint i = i0 + j;

      if (axis->n <= 1 || i == 0)
        out[j] = axis->lo;
      else if (i >= axis->n - 1)
        out[j] = axis->hi;
      else
        out[j] = axis->lo + (double) i * axis->step;
    }
  memset (out + m, 0, (TANGENT_VM_PAD (m) - m) * sizeof (double));
}

/* Doubles of scratch that run_axis_phase needs for ph. */
static gsize
axis_phase_scratch (const TangentPhase *ph)
{
  guint n_slots = ph->n_inputs + ph->n_outputs + ph->n_temps;

  return (gsize) (ph->n_inputs + ph->n_temps) * TANGENT_VM_BLOCK + n_slots;
}

/* Runs a phase over n points of one axis, in blocks, with the variable of
 * that axis in coords and outputs into arrays, both padded to
 * TANGENT_VM_PAD (n); scratch holds axis_phase_scratch (ph) doubles,
 * 64-byte aligned. */
static void
run_axis_phase (const TangentPhase *ph,
                const double       *params,
                const double       *uvals,
                const double       *coords,
                gsize               n,
                double *const      *arrays,
                double             *scratch)
{
  const TangentVmIsa *isa = _tangent_vm_get_isa ();
  gsize fill = MIN (TANGENT_VM_BLOCK, TANGENT_VM_PAD (n));
  double **R;

  if (ph->n_code == 0)
    return;

  R = (double **) (scratch + (gsize) (ph->n_inputs + ph->n_temps) * TANGENT_VM_BLOCK);

  for (guint i = 0; i < ph->n_temps; i++)
    R[ph->n_inputs + ph->n_outputs + i] = scratch + (gsize) (ph->n_inputs + i) * TANGENT_VM_BLOCK;
  for (guint i = 0; i < ph->n_inputs; i++)
    {
      if (ph->in_kind[i] == TANGENT_BIND_UNIFORM)
        {
          double *p = scratch + (gsize) i * TANGENT_VM_BLOCK;

          isa->fill (p, uvals[ph->in_index[i]], fill);
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

/* Row bands. Thread t owns the t-th contiguous share of the rows and takes
 * bands from its front; one that runs out takes bands from the back of the
 * largest share left. The same rows go to the same thread from one call to
 * the next, so that the output lines it wrote last time are still in its
 * core's cache, not the other's. */
typedef struct
{
  guint front;
  guint back;
} GridShare;

typedef struct
{
  const TangentProgram *prog;
  const double         *params;
  const double         *uvals;
  GridAxis              xaxis;
  GridAxis              yaxis;
  guint                 nx, ny;
  double *const        *outs;

  guint                 n_threads;
  guint                 band_rows;
  GMutex                mutex;       /* guards shares */
  GridShare            *shares;      /* n_threads */
  gint                  pending;     /* helpers still running: atomic, written
                                      * under the pool's mutex */
} GridJob;

/* Sets [row0, row1) to the next band of thread t; FALSE when none is left. */
static gboolean
take_band (GridJob *job,
           guint    t,
           guint   *row0,
           guint   *row1)
{
  GridShare *own = &job->shares[t];
  gboolean found = TRUE;

  g_mutex_lock (&job->mutex);
  if (own->front < own->back)
    {
      *row0 = own->front;
      *row1 = MIN (own->back, own->front + job->band_rows);
      own->front = *row1;
    }
  else
    {
      GridShare *victim = NULL;

      for (guint i = 0; i < job->n_threads; i++)
        {
          GridShare *s = &job->shares[i];

          if (s->front < s->back
              && (victim == NULL || s->back - s->front > victim->back - victim->front))
            victim = s;
        }

      if (victim != NULL)
        {
          *row1 = victim->back;
          *row0 = victim->back - MIN (victim->back - victim->front, job->band_rows);
          victim->back = *row0;
        }
      else
        found = FALSE;
    }
  g_mutex_unlock (&job->mutex);

  return found;
}

/* A thread's arrays for one call, in its scratch. */
typedef struct
{
  double  *xs;         /* x of each column, padded */
  double **xarrays;    /* the x-only values of each column */
  double  *ys;         /* y of each row of the band, padded */
  double **yarrays;    /* the y-only values of each row of the band */
  double  *axis;       /* run_axis_phase's scratch */
  double  *tailout;    /* a lane vector per output */
  double **R;          /* the per-point phase's slots */
} GridLocal;

/* Runs the per-point phase over rows [row0, row1), after the y phase over
 * them. Full blocks and the lane-aligned part of a row's last block write
 * the outputs in place; the last partial vector of a row, if any, goes
 * through tailout. */
static void
grid_rows (const GridJob      *job,
           const TangentVmIsa *isa,
           GridLocal          *loc,
           guint               row0,
           guint               row1)
{
  const TangentPhase *ph = &job->prog->grid_xy;
  guint n_in = ph->n_inputs, n_out = ph->n_outputs;
  gsize fill = MIN (TANGENT_VM_BLOCK, TANGENT_VM_PAD (job->nx));
  double **R = loc->R;

  grid_axis_fill (&job->yaxis, row0, row1 - row0, loc->ys);
  run_axis_phase (&job->prog->grid_y, job->params, job->uvals, loc->ys, row1 - row0,
                  loc->yarrays, loc->axis);

  for (guint row = row0; row < row1; row++)
    {
      /* y and the y-only values, broadcast along the row: with the widest
       * stores, as the output's stores queue behind them. */
      for (guint i = 0; i < n_in; i++)
        {
          guint kind = ph->in_kind[i];
          double v;

          if (kind == TANGENT_BIND_VAR && ph->in_index[i] == TANGENT_VARIABLE_Y)
            v = loc->ys[row - row0];
          else if (kind == TANGENT_BIND_GRID_Y)
            v = loc->yarrays[ph->in_index[i]][row - row0];
          else
            continue;

          isa->fill (R[i], v, fill);
        }

      for (gsize off = 0; off < job->nx; off += TANGENT_VM_BLOCK)
        {
          gsize m = MIN (TANGENT_VM_BLOCK, job->nx - off);
          gsize aligned = m & ~(gsize) (TANGENT_VM_LANES - 1);
          gsize base = (gsize) row * job->nx + off;

          for (guint i = 0; i < n_in; i++)
            {
              guint kind = ph->in_kind[i];

              if (kind == TANGENT_BIND_VAR && ph->in_index[i] == TANGENT_VARIABLE_X)
                R[i] = loc->xs + off;
              else if (kind == TANGENT_BIND_GRID_X)
                R[i] = loc->xarrays[ph->in_index[i]] + off;
            }

          for (guint k = 0; k < n_out; k++)
            R[n_in + k] = job->outs[k] + base;
          if (m == TANGENT_VM_BLOCK)
            isa->run_block (ph->code, ph->n_code, R, m, job->params);
          else if (aligned > 0)
            isa->run (ph->code, ph->n_code, R, aligned, job->params);

          if (aligned < m)
            {
              /* The x arrays are padded; the broadcast blocks hold the
               * same value in every lane, so the last vector's inputs
               * are those of its own lanes. */
              for (guint i = 0; i < n_in; i++)
                {
                  guint kind = ph->in_kind[i];

                  if ((kind == TANGENT_BIND_VAR && ph->in_index[i] == TANGENT_VARIABLE_X)
                      || kind == TANGENT_BIND_GRID_X)
                    R[i] += aligned;
                }
              for (guint k = 0; k < n_out; k++)
                R[n_in + k] = loc->tailout + (gsize) k * TANGENT_VM_LANES;
              isa->run (ph->code, ph->n_code, R, TANGENT_VM_LANES, job->params);
              for (guint k = 0; k < n_out; k++)
                memcpy (job->outs[k] + base + aligned, R[n_in + k],
                        (m - aligned) * sizeof (double));
            }
        }
    }
}

/* The work of thread t: the x phase, then its share of the rows, then what
 * is left of the others'. Scratch layout, blocks first so that they stay
 * 64-byte aligned: per-point temps, a broadcast block per input, tail
 * outputs, xs, x arrays, ys, y arrays, the axis phases' scratch, then the
 * pointer tables. */
static void
grid_worker (GridJob *job,
             guint    t)
{
  const TangentProgram *prog = job->prog;
  const TangentPhase *ph = &prog->grid_xy, *gx = &prog->grid_x, *gy = &prog->grid_y;
  const TangentVmIsa *isa = _tangent_vm_get_isa ();
  guint n_in = ph->n_inputs, n_out = ph->n_outputs;
  guint n_slots = n_in + n_out + ph->n_temps;
  gsize fill = MIN (TANGENT_VM_BLOCK, TANGENT_VM_PAD (job->nx));
  gsize px = TANGENT_VM_PAD (job->nx), pb = TANGENT_VM_PAD (job->band_rows);
  gsize n_axis = MAX (axis_phase_scratch (gx), axis_phase_scratch (gy));
  double *scratch, *inbuf, *p;
  GridLocal loc;
  guint row0, row1;

  scratch = _tangent_vm_scratch ((gsize) (ph->n_temps + n_in) * TANGENT_VM_BLOCK
                                 + (gsize) n_out * TANGENT_VM_LANES
                                 + (1 + gx->n_outputs) * px
                                 + (1 + gy->n_outputs) * pb
                                 + n_axis
                                 + n_slots + gx->n_outputs + gy->n_outputs);
  inbuf = scratch + (gsize) ph->n_temps * TANGENT_VM_BLOCK;
  loc.tailout = inbuf + (gsize) n_in * TANGENT_VM_BLOCK;
  loc.xs = loc.tailout + (gsize) n_out * TANGENT_VM_LANES;
  p = loc.xs + px;
  loc.ys = p + gx->n_outputs * px;
  loc.axis = loc.ys + (1 + gy->n_outputs) * pb;
  loc.R = (double **) (loc.axis + n_axis);
  loc.xarrays = loc.R + n_slots;
  loc.yarrays = loc.xarrays + gx->n_outputs;
  for (guint k = 0; k < gx->n_outputs; k++)
    loc.xarrays[k] = p + k * px;
  for (guint k = 0; k < gy->n_outputs; k++)
    loc.yarrays[k] = loc.ys + (1 + k) * pb;

  for (guint i = 0; i < ph->n_temps; i++)
    loc.R[n_in + n_out + i] = scratch + (gsize) i * TANGENT_VM_BLOCK;

  /* Uniform inputs and z (0 on a grid) are the same for every row. */
  for (guint i = 0; i < n_in; i++)
    {
      double *block = inbuf + (gsize) i * TANGENT_VM_BLOCK;
      guint kind = ph->in_kind[i];

      loc.R[i] = block;
      if (kind == TANGENT_BIND_UNIFORM)
        isa->fill (block, job->uvals[ph->in_index[i]], fill);
      else if (kind == TANGENT_BIND_VAR && ph->in_index[i] == TANGENT_VARIABLE_Z)
        isa->fill (block, 0, fill);
    }

  /* Every thread computes the x phase for itself: it is one row's worth
   * of work, and no thread waits for another's. */
  grid_axis_fill (&job->xaxis, 0, job->nx, loc.xs);
  run_axis_phase (gx, job->params, job->uvals, loc.xs, job->nx, loc.xarrays, loc.axis);

  while (take_band (job, t, &row0, &row1))
    grid_rows (job, isa, &loc, row0, row1);
}

/* The helpers: one thread per further processor, started on first use and
 * kept for the life of the process. Between jobs a helper spins for a
 * short while before it sleeps, and the caller spins for its helpers
 * before it sleeps, since waking a sleeping thread costs about as much as
 * a small grid. Only one evaluation at a time uses them; a concurrent one
 * runs on its calling thread alone. */
#define GRID_SPIN_US 100

typedef struct
{
  GMutex   busy;          /* held by the evaluation using the helpers */
  GMutex   mutex;
  GCond    wake;          /* helpers wait here for the next job */
  GCond    done;          /* the caller waits here for its helpers */
  GridJob *job;           /* under mutex */
  guint    n_threads;     /* under mutex: the job's */
  gint     generation;    /* atomic, written under mutex: one per job */
  guint    n_sleeping;    /* under mutex */
  guint    n_helpers;
} GridPool;

typedef struct
{
  GridPool *pool;
  guint     index;        /* the helper's thread number, from 1 */
} GridHelper;

static inline void
cpu_relax (void)
{
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause ();
#endif
}

/* Spins while (*p == value) is equal, for at most about GRID_SPIN_US;
 * FALSE if it still is. After the first few microseconds it yields the
 * processor between checks: on a machine busy with other processes the
 * thread it waits for may be queued on this very processor. */
static gboolean
spin_while (gint    *p,
            gint     value,
            gboolean equal)
{
  gint64 deadline = 0;

  for (guint i = 1;; i++)
    {
      if ((g_atomic_int_get (p) == value) != equal)
        return TRUE;
      cpu_relax ();
      if (i % 64 == 0)
        {
          gint64 now = g_get_monotonic_time ();

          if (deadline == 0)
            deadline = now + GRID_SPIN_US;
          else if (now > deadline)
            return FALSE;
          else
            g_thread_yield ();
        }
    }
}

static gpointer
grid_helper_main (gpointer data)
{
  GridHelper *self = data;
  GridPool *pool = self->pool;
  gint seen = 0;

  for (;;)
    {
      GridJob *job;
      guint n_threads;

      if (!spin_while (&pool->generation, seen, TRUE))
        {
          g_mutex_lock (&pool->mutex);
          while (g_atomic_int_get (&pool->generation) == seen)
            {
              pool->n_sleeping++;
              g_cond_wait (&pool->wake, &pool->mutex);
              pool->n_sleeping--;
            }
          g_mutex_unlock (&pool->mutex);
        }

      g_mutex_lock (&pool->mutex);
      seen = g_atomic_int_get (&pool->generation);
      job = pool->job;
      n_threads = pool->n_threads;
      g_mutex_unlock (&pool->mutex);

      /* A job without this helper may be over already: not to be touched. */
      if (self->index >= n_threads)
        continue;

      grid_worker (job, self->index);

      /* The job lives on the caller's stack: after this, it may be gone. */
      g_mutex_lock (&pool->mutex);
      if (g_atomic_int_dec_and_test (&job->pending))
        g_cond_signal (&pool->done);
      g_mutex_unlock (&pool->mutex);
    }

  return NULL;
}

static GridPool *
get_pool (void)
{
  static GridPool *pool;
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      GridPool *p = g_new0 (GridPool, 1);

      g_mutex_init (&p->busy);
      g_mutex_init (&p->mutex);
      g_cond_init (&p->wake);
      g_cond_init (&p->done);
      p->n_helpers = MAX (g_get_num_processors (), 2) - 1;
      for (guint i = 0; i < p->n_helpers; i++)
        {
          GridHelper *helper = g_new0 (GridHelper, 1);

          helper->pool = p;
          helper->index = i + 1;
          g_thread_unref (g_thread_new ("tangent-grid", grid_helper_main, helper));
        }
      pool = p;
      g_once_init_leave (&once, 1);
    }

  return pool;
}

/* Runs job on the calling thread and as many helpers as it asks for and
 * the pool has. */
static void
grid_run (GridJob *job,
          guint    n_threads)
{
  GridPool *pool = n_threads > 1 ? get_pool () : NULL;

  if (pool != NULL && !g_mutex_trylock (&pool->busy))
    pool = NULL;
  if (pool != NULL)
    n_threads = MIN (n_threads, pool->n_helpers + 1);
  else
    n_threads = 1;

  job->n_threads = n_threads;
  job->shares = g_new (GridShare, n_threads);
  for (guint t = 0; t < n_threads; t++)
    {
      job->shares[t].front = (guint) ((guint64) job->ny * t / n_threads);
      job->shares[t].back = (guint) ((guint64) job->ny * (t + 1) / n_threads);
    }
  /* Bands of about 16384 points, and no more than an eighth of a share. */
  job->band_rows = CLAMP (16384 / job->nx, 1, MAX (1, job->ny / (8 * n_threads)));
  job->pending = n_threads - 1;
  g_mutex_init (&job->mutex);

  if (n_threads > 1)
    {
      g_mutex_lock (&pool->mutex);
      pool->job = job;
      pool->n_threads = n_threads;
      g_atomic_int_inc (&pool->generation);
      if (pool->n_sleeping > 0)
        g_cond_broadcast (&pool->wake);
      g_mutex_unlock (&pool->mutex);
    }

  grid_worker (job, 0);

  if (n_threads > 1)
    {
      if (!spin_while (&job->pending, 0, FALSE))
        {
          g_mutex_lock (&pool->mutex);
          while (g_atomic_int_get (&job->pending) > 0)
            g_cond_wait (&pool->done, &pool->mutex);
          g_mutex_unlock (&pool->mutex);
        }
      g_mutex_unlock (&pool->busy);
    }

  g_mutex_clear (&job->mutex);
  g_free (job->shares);
}

/**
 * tangent_grid_eval:
 * @prog: a program
 * @params: (nullable): its parameter values
 * @nx: columns, x from xmin to xmax (tangent_grid_coordinate())
 * @ny: rows, y from ymin to ymax; z is 0
 * @n_threads: 1 for the calling thread only, 0 for one per processor; at
 *   most one per processor is used, and a call made while another is using
 *   the helper threads runs on its calling thread alone. The results are
 *   the same bits whatever the number.
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
  double *uvals;
  GridJob job = { 0, };

  g_return_if_fail (prog != NULL);
  g_return_if_fail (params != NULL || prog->n_params == 0);
  g_return_if_fail (outs != NULL);

  if (nx == 0 || ny == 0)
    return;

  if (n_threads == 0)
    n_threads = g_get_num_processors ();

  uvals = g_new0 (double, prog->uniform.n_outputs + 1);
  _tangent_vm_run_uniform (prog, params, uvals);

  job.prog = prog;
  job.params = params;
  job.uvals = uvals;
  grid_axis_init (&job.xaxis, xmin, xmax, nx);
  grid_axis_init (&job.yaxis, ymin, ymax, ny);
  job.nx = nx;
  job.ny = ny;
  job.outs = outs;
  grid_run (&job, n_threads);

  g_free (uvals);
}
