/* bench-native.c: the benchmark expressions E1–E6 hand-written in C
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline of `tangent-cli bench` (shared CLI.md): the same N×N grid
 * over [-2, 2]² as meshgrid arrays, a flat loop over the points calling
 * libm, the same timing (one untimed pass, seven timed, median) and the
 * same fields, so that one run gives the ratios. With --gradient, value
 * and hand-derived gradient of E3, E4, E6 into three arrays.
 *
 * Usage: bench-native [--grid N] [--gradient] [--json]
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define N_PASSES 7

static const char *const ids[] = { "E1", "E2", "E3", "E4", "E5", "E6" };
static const char *const texts[] = {
  "x^2 + y^2",
  "sin(x)*cos(y)",
  "exp(-(x^2+y^2))*(x - y)",
  "(1 - x)^2 + 100*(y - x^2)^2",
  "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
  "log(1 + x^2 + y^2)*atan(y/(1 + x^2)) + sqrt(abs(x*y)) + tanh(x - y)",
};

/* As tangent_grid_coordinate (): both ends exact. */
static double
coordinate (double lo,
            double hi,
            size_t n,
            size_t i)
{
  if (n <= 1 || i == 0)
    return lo;
  if (i >= n - 1)
    return hi;
  return lo + (double) i * ((hi - lo) / (double) (n - 1));
}

static void
eval_value (int           e,
            const double *restrict xs,
            const double *restrict ys,
            size_t        n,
            double       *restrict f)
{
  switch (e)
    {
    case 0:
      for (size_t i = 0; i < n; i++)
        f[i] = xs[i] * xs[i] + ys[i] * ys[i];
      break;
    case 1:
      for (size_t i = 0; i < n; i++)
        f[i] = sin (xs[i]) * cos (ys[i]);
      break;
    case 2:
      for (size_t i = 0; i < n; i++)
        f[i] = exp (-(xs[i] * xs[i] + ys[i] * ys[i])) * (xs[i] - ys[i]);
      break;
    case 3:
      for (size_t i = 0; i < n; i++)
        {
          double x = xs[i], y = ys[i], a = 1 - x, b = y - x * x;

          f[i] = a * a + 100 * (b * b);
        }
      break;
    case 4:
      for (size_t i = 0; i < n; i++)
        {
          double x = xs[i], y = ys[i], a = x * x + y - 11, b = x + y * y - 7;

          f[i] = a * a + b * b;
        }
      break;
    case 5:
      for (size_t i = 0; i < n; i++)
        {
          double x = xs[i], y = ys[i];

          f[i] = log (1 + x * x + y * y) * atan (y / (1 + x * x)) + sqrt (fabs (x * y)) + tanh (x - y);
        }
      break;
    default:
      abort ();
    }
}

static void
eval_gradient (int           e,
               const double *restrict xs,
               const double *restrict ys,
               size_t        n,
               double       *restrict f,
               double       *restrict fx,
               double       *restrict fy)
{
  switch (e)
    {
    case 2:
      for (size_t i = 0; i < n; i++)
        {
          double x = xs[i], y = ys[i], u = exp (-(x * x + y * y)), d = x - y;

          f[i] = u * d;
          fx[i] = u * (1 - 2 * x * d);
          fy[i] = u * (-1 - 2 * y * d);
        }
      break;
    case 3:
      for (size_t i = 0; i < n; i++)
        {
          double x = xs[i], y = ys[i], a = 1 - x, b = y - x * x;

          f[i] = a * a + 100 * (b * b);
          fx[i] = -2 * a - 400 * x * b;
          fy[i] = 200 * b;
        }
      break;
    case 5:
      for (size_t i = 0; i < n; i++)
        {
          double x = xs[i], y = ys[i];
          double r = 1 + x * x + y * y, w = 1 + x * x, q = y / w;
          double L = log (r), A = atan (q), s = sqrt (fabs (x * y)), T = tanh (x - y);
          double da = 1 / (1 + q * q), sg = x * y > 0 ? 1 : -1, dt = 1 - T * T;

          f[i] = L * A + s + T;
          fx[i] = 2 * x / r * A + L * da * (-2 * x * y / (w * w)) + sg * y / (2 * s) + dt;
          fy[i] = 2 * y / r * A + L * da / w + sg * x / (2 * s) - dt;
        }
      break;
    default:
      abort ();
    }
}

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

int
main (int   argc,
      char *argv[])
{
  size_t grid = 1000, n;
  int gradient = 0, json = 0;
  double *xs, *ys, *out[3];
  static const int value_set[] = { 0, 1, 2, 3, 4, 5 }, gradient_set[] = { 2, 3, 5 };
  const int *set;
  int n_set, n_out;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--grid") == 0 && i + 1 < argc)
        grid = strtoul (argv[++i], NULL, 10);
      else if (strcmp (argv[i], "--gradient") == 0)
        gradient = 1;
      else if (strcmp (argv[i], "--json") == 0)
        json = 1;
      else
        {
          fprintf (stderr, "Usage: bench-native [--grid N] [--gradient] [--json]\n");
          return 2;
        }
    }
  if (grid < 2 || grid > 20000)
    return 2;

  n = grid * grid;
  xs = malloc (n * sizeof (double));
  ys = malloc (n * sizeof (double));
  n_out = gradient ? 3 : 1;
  /* Touched before the untimed pass, as in `tangent-cli bench`. */
  for (int k = 0; k < n_out; k++)
    {
      out[k] = malloc (n * sizeof (double));
      memset (out[k], 0, n * sizeof (double));
    }
  /* Meshgrid, row-major with y outer. */
  for (size_t j = 0; j < grid; j++)
    for (size_t i = 0; i < grid; i++)
      {
        xs[j * grid + i] = coordinate (-2, 2, grid, i);
        ys[j * grid + i] = coordinate (-2, 2, grid, j);
      }

  set = gradient ? gradient_set : value_set;
  n_set = gradient ? 3 : 6;

  if (json)
    printf ("{\"grid\": %zu, \"threads\": 1, \"results\": [", grid);
  else
    printf ("native C (libm, gcc -O2), grid %zux%zu%s\n%-4s %12s %24s %24s  %s\n", grid, grid,
            gradient ? ", value and gradient" : "", "id", "ns/point", "sum", "sum_abs", "expression");

  for (int s = 0; s < n_set; s++)
    {
      int e = set[s];
      double times[N_PASSES], sum = 0, sum_abs = 0, ns;

      for (int p = -1; p < N_PASSES; p++)
        {
          double t0 = now_ns ();

          if (gradient)
            eval_gradient (e, xs, ys, n, out[0], out[1], out[2]);
          else
            eval_value (e, xs, ys, n, out[0]);
          if (p >= 0)
            times[p] = now_ns () - t0;
        }
      qsort (times, N_PASSES, sizeof times[0], compare_double);
      ns = times[N_PASSES / 2] / (double) n;

      for (int k = 0; k < n_out; k++)
        for (size_t i = 0; i < n; i++)
          {
            sum += out[k][i];
            sum_abs += fabs (out[k][i]);
          }

      if (json)
        printf ("%s{\"id\": \"%s\", \"expr\": \"%s\", \"ns_per_point\": %.17g, \"sum\": %.17g, \"sum_abs\": %.17g}",
                s ? ", " : "", ids[e], texts[e], ns, sum, sum_abs);
      else
        printf ("%-4s %12.3f %24.17g %24.17g  %s\n", ids[e], ns, sum, sum_abs, texts[e]);
    }
  if (json)
    printf ("]}\n");

  for (int k = 0; k < n_out; k++)
    free (out[k]);
  free (xs);
  free (ys);
  return 0;
}
