/* bench-sampler.c: the adaptive curve sampler on a few typical curves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each curve is sampled for a 1200 × 900 px plot: one untimed run, then
 * 21 timed runs, median reported, with the point evaluations, the samples
 * and the spans of one run. The E6 slice is the benchmark's E6 at y = 0.7.
 *
 * Usage: bench-sampler [--width W] [--height H]
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tangent-compile.h"
#include "tangent-document.h"
#include "tangent-sampler.h"

#define N_RUNS 21

static const struct
{
  const char *name;
  const char *text;
  double      xmin, xmax, ymin, ymax;
} curves[] = {
  { "sin(x)", "sin(x)", -10, 10, -1.5, 1.5 },
  { "tan(x)", "tan(x)", -10, 10, -5, 5 },
  { "sin(1/x)", "sin(1/x)", -1, 1, -1.5, 1.5 },
  { "E6 slice", "log(1 + x^2 + 0.49)*atan(0.7/(1 + x^2)) + sqrt(abs(x*0.7)) + tanh(x - 0.7)",
    -2, 2, -1, 2.5 },
};

static int
compare_times (const void *a,
               const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  guint width = 1200, height = 900;

  for (int i = 1; i + 1 < argc; i += 2)
    {
      if (strcmp (argv[i], "--width") == 0)
        width = (guint) atoi (argv[i + 1]);
      else if (strcmp (argv[i], "--height") == 0)
        height = (guint) atoi (argv[i + 1]);
    }
  if (width == 0 || height == 0)
    {
      fprintf (stderr, "bench-sampler: sizes must be positive\n");
      return 1;
    }

  printf ("%-10s %18s %8s %8s %6s %10s\n", "curve", "x range", "evals", "samples", "spans",
          "median µs");
  for (guint c = 0; c < G_N_ELEMENTS (curves); c++)
    {
      g_autoptr(TangentDocument) doc = tangent_document_new ();
      g_autoptr(TangentProgram) prog = NULL;
      g_autoptr(GError) error = NULL;
      gint64 times[N_RUNS];
      guint evals = 0, n = 0, n_spans = 0;
      char range[32];

      tangent_document_append_row (doc, curves[c].text, strlen (curves[c].text));
      tangent_document_resolve (doc);
      prog = tangent_compile (tangent_document_get_row_expr (doc, 0), 0, &error);
      if (prog == NULL)
        {
          fprintf (stderr, "bench-sampler: %s: %s\n", curves[c].text, error->message);
          return 1;
        }

      for (int r = -1; r < N_RUNS; r++)
        {
          gint64 t0 = g_get_monotonic_time ();
          g_autoptr(TangentCurveSamples) s =
            tangent_sampler_run (prog, NULL, curves[c].xmin, curves[c].xmax, curves[c].ymin,
                                 curves[c].ymax, width, height, 0);
          gint64 t1 = g_get_monotonic_time ();

          if (r >= 0)
            times[r] = t1 - t0;
          evals = s->n_evals;
          n = s->n;
          n_spans = s->n_spans;
        }
      qsort (times, N_RUNS, sizeof times[0], compare_times);
      g_snprintf (range, sizeof range, "[%g, %g]", curves[c].xmin, curves[c].xmax);
      printf ("%-10s %18s %8u %8u %6u %10" G_GINT64_FORMAT "\n", curves[c].name, range, evals, n,
              n_spans, times[N_RUNS / 2]);
    }

  return 0;
}
