/* bench-bandwidth.c: how fast this machine writes a grid's output, with one
 * thread and with two
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ceiling of `tangent-cli bench` on the cheap expressions: E1 and E2
 * compute one or two operations per point and store 8 bytes, so the store
 * bandwidth into an N×N array of doubles (8 MB at N = 1000) bounds their
 * ns/point, and its scaling bounds their speed-up with two threads. This
 * writes the same array, allocated once and touched once untimed, like
 * the bench: one untimed pass, seven timed, median. The
 * threads are started once and spin between passes, so that only the
 * writing is timed, each writing one half of the array. Both the median
 * and the best pass are printed: spinning threads on a machine shared with
 * other processes now and then wait for a preempted one, and the best pass
 * is the ceiling the hardware allows.
 *
 *   memset   libc memset (rep stosb or its vector loop)
 *   store    a loop of 16-byte stores of x[i] + c, x a row in L1 (like E1)
 *   stream   the same with non-temporal stores (movntpd), no read for
 *            ownership, bypassing the caches
 *   compute  no memory at all: a chain of dependent multiplications per
 *            point, so that its ratio is what the cores give when both
 *            are busy (clock, a shared physical core under the VM)
 *
 * Measured with the machine to itself (e.g. under chrt -f), since a
 * spinning pair on a shared machine mostly measures the other processes.
 *
 * Usage: bench-bandwidth [--grid N] [--json]
 */

#include "config.h"

#include <emmintrin.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define N_PASSES 7
#define MAX_THREADS 2

typedef enum
{
  KIND_MEMSET,
  KIND_STORE,
  KIND_STREAM,
  KIND_COMPUTE,
  N_KINDS
} Kind;

static const char *const kind_names[N_KINDS] = { "memset", "store", "stream", "compute" };

typedef struct
{
  double       *out;
  const double *row;
  size_t        nx;
  size_t        ny;
  unsigned      n_threads;
  Kind          kind;
  atomic_uint   go;       /* pass number to run; the last + 1 stops */
  atomic_uint   done;     /* threads finished with the current pass */
} Job;

typedef struct
{
  Job      *job;
  unsigned  index;
} Worker;

static double
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Rows [row0, row1) of the output. */
static void
write_rows (const Job *job,
            size_t     row0,
            size_t     row1)
{
  double *out = job->out + row0 * job->nx;
  size_t n = (row1 - row0) * job->nx;

  switch (job->kind)
    {
    case KIND_MEMSET:
      memset (out, 0, n * sizeof (double));
      break;
    case KIND_STORE:
      for (size_t r = row0; r < row1; r++)
        {
          double *o = job->out + r * job->nx;
          __m128d c = _mm_set1_pd ((double) r);

          for (size_t i = 0; i + 2 <= job->nx; i += 2)
            _mm_store_pd (o + i, _mm_add_pd (_mm_load_pd (job->row + i), c));
        }
      break;
    case KIND_STREAM:
      for (size_t r = row0; r < row1; r++)
        {
          double *o = job->out + r * job->nx;
          __m128d c = _mm_set1_pd ((double) r);

          for (size_t i = 0; i + 2 <= job->nx; i += 2)
            _mm_stream_pd (o + i, _mm_add_pd (_mm_load_pd (job->row + i), c));
        }
      _mm_sfence ();
      break;
    case KIND_COMPUTE:
      {
        volatile double sink;
        double v = 1.0 + (double) row0 * 1e-9;

        for (size_t i = 0; i < n; i++)
          {
            v = v * 0.9999999 + 1e-9;
            v = v * 1.0000001 - 1e-9;
          }
        sink = v;
        (void) sink;
      }
      break;
    case N_KINDS:
    default:
      abort ();
    }
}

static void
run_share (const Job *job,
           unsigned   index)
{
  size_t row0 = job->ny * index / job->n_threads;
  size_t row1 = job->ny * (index + 1) / job->n_threads;

  write_rows (job, row0, row1);
}

static void *
worker_main (void *data)
{
  Worker *w = data;
  Job *job = w->job;
  unsigned seen = 0;

  for (;;)
    {
      unsigned pass;

      while ((pass = atomic_load_explicit (&job->go, memory_order_acquire)) == seen)
        ;
      if (pass > N_PASSES + 1)
        return NULL;
      seen = pass;
      run_share (job, w->index);
      atomic_fetch_add_explicit (&job->done, 1, memory_order_release);
    }
}

/* Median and best ns per point of the passes. */
static void
measure (Job    *job,
         double *median,
         double *best)
{
  pthread_t threads[MAX_THREADS];
  Worker workers[MAX_THREADS];
  double times[N_PASSES];

  atomic_store (&job->go, 0);
  for (unsigned t = 1; t < job->n_threads; t++)
    {
      workers[t].job = job;
      workers[t].index = t;
      if (pthread_create (&threads[t], NULL, worker_main, &workers[t]) != 0)
        abort ();
    }

  for (int p = -1; p < N_PASSES; p++)
    {
      double t0 = now_ns ();

      atomic_store_explicit (&job->done, 0, memory_order_relaxed);
      atomic_fetch_add_explicit (&job->go, 1, memory_order_release);
      run_share (job, 0);
      while (atomic_load_explicit (&job->done, memory_order_acquire) < job->n_threads - 1)
        ;
      if (p >= 0)
        times[p] = now_ns () - t0;
    }

  atomic_store_explicit (&job->go, N_PASSES + 2, memory_order_release);
  for (unsigned t = 1; t < job->n_threads; t++)
    pthread_join (threads[t], NULL);

  qsort (times, N_PASSES, sizeof times[0], compare_double);
  *median = times[N_PASSES / 2] / (double) (job->nx * job->ny);
  *best = times[0] / (double) (job->nx * job->ny);
}

int
main (int   argc,
      char *argv[])
{
  size_t grid = 1000;
  int json = 0;
  double *out, *row;
  Job job;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--grid") == 0 && i + 1 < argc)
        grid = strtoul (argv[++i], NULL, 10);
      else if (strcmp (argv[i], "--json") == 0)
        json = 1;
      else
        {
          fprintf (stderr, "Usage: bench-bandwidth [--grid N] [--json]\n");
          return 2;
        }
    }
  if (grid < 2 || grid > 20000 || grid % 2 != 0)
    return 2;

  if (posix_memalign ((void **) &out, 64, grid * grid * sizeof (double)) != 0
      || posix_memalign ((void **) &row, 64, grid * sizeof (double)) != 0)
    return 1;
  for (size_t i = 0; i < grid; i++)
    row[i] = (double) i;
  memset (out, 0, grid * grid * sizeof (double));

  memset (&job, 0, sizeof job);
  job.out = out;
  job.row = row;
  job.nx = grid;
  job.ny = grid;

  if (json)
    printf ("{\"grid\": %zu, \"results\": [", grid);
  else
    printf ("output writes, grid %zux%zu (%.1f MB), ns/point, median (best) of %d passes\n"
            "%-8s %20s %20s %14s %14s\n", grid, grid, grid * grid * sizeof (double) / 1e6, N_PASSES,
            "kind", "1 thread", "2 threads", "ratio", "GB/s 1 / 2");

  for (int k = 0; k < N_KINDS; k++)
    {
      double ns[MAX_THREADS], best[MAX_THREADS];

      job.kind = k;
      for (unsigned t = 1; t <= MAX_THREADS; t++)
        {
          job.n_threads = t;
          measure (&job, &ns[t - 1], &best[t - 1]);
        }

      if (json)
        printf ("%s{\"kind\": \"%s\", \"ns_per_point_1\": %.17g, \"ns_per_point_2\": %.17g, "
                "\"best_1\": %.17g, \"best_2\": %.17g}",
                k ? ", " : "", kind_names[k], ns[0], ns[1], best[0], best[1]);
      else if (k == KIND_COMPUTE)
        printf ("%-8s %8.3f (%7.3f) %8.3f (%7.3f) %5.2fx (%5.2fx) %14s\n", kind_names[k],
                ns[0], best[0], ns[1], best[1], ns[0] / ns[1], best[0] / best[1], "-");
      else
        printf ("%-8s %8.3f (%7.3f) %8.3f (%7.3f) %5.2fx (%5.2fx) %6.1f / %5.1f\n", kind_names[k],
                ns[0], best[0], ns[1], best[1], ns[0] / ns[1], best[0] / best[1],
                sizeof (double) / best[0], sizeof (double) / best[1]);
    }
  if (json)
    printf ("]}\n");

  free (out);
  free (row);
  return 0;
}
