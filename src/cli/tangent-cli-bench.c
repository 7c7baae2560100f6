/* tangent-cli-bench.c: `tangent-cli bench`, the evaluation benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract is in the shared CLI.md ("bench"): an N×N grid over
 * [-2, 2]², both ends included, row-major with y outer; one untimed pass,
 * seven timed passes, the median reported. tests/bench/bench-native.c is
 * the same loop hand-written in C, printing the same fields.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-cli"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tangent-cli.h"
#include "tangent-cli-output.h"
#include "tangent-compile.h"
#include "tangent-figure.h"
#include "tangent-format.h"
#include "tangent-grid.h"
#include "tangent-jet.h"
#include "tangent-parser.h"
#include "tangent-session.h"
#include "tangent-taylor-bound.h"
#include "tangent-vm.h"


#define N_PASSES 7

static const char *const bench_ids[] = { "E1", "E2", "E3", "E4", "E5", "E6" };
static const char *const bench_texts[] = {
  "x^2 + y^2",
  "sin(x)*cos(y)",
  "exp(-(x^2+y^2))*(x - y)",
  "(1 - x)^2 + 100*(y - x^2)^2",
  "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
  "log(1 + x^2 + y^2)*atan(y/(1 + x^2)) + sqrt(abs(x*y)) + tanh(x - y)",
};
/* With --gradient: E3, E4, E6. */
static const guint gradient_ids[] = { 2, 3, 5 };

/* Parses E@i from its text, exactly as a user's formula would be. */
static TangentNode *
bench_parse (guint    i,
             GError **error)
{
  const char *text = bench_texts[i];

  return tangent_parse_expression (text, strlen (text), NULL, NULL, NULL, error);
}

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

/* CPU time of this thread: on a shared machine the wall clock also counts
 * the time other processes had the core. */
static gint64
cpu_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Median over the rounds of parsing and compiling each expression, in
 * microseconds. */
static double
time_compile (gboolean gradient)
{
  enum { ROUNDS = 200 };
  gint64 times[ROUNDS];

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 t0 = now_ns ();

      for (guint i = 0; i < G_N_ELEMENTS (bench_ids); i++)
        {
          g_autoptr(TangentNode) tree = bench_parse (i, NULL);
          g_autoptr(TangentProgram) prog = gradient
            ? tangent_compile_with_gradient (tree, 0, 2, FALSE, NULL)
            : tangent_compile (tree, 0, NULL);
        }
      times[r] = now_ns () - t0;
    }
  qsort (times, ROUNDS, sizeof times[0], compare_gint64);

  return times[ROUNDS / 2] / 1e3 / G_N_ELEMENTS (bench_ids);
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: tangent-cli bench [--grid N] [--threads T] [--gradient] [--json]"));
  fprintf (out, "       %s\n", _("tangent-cli bench --taylor [--json]"));
  fprintf (out, "       %s\n", _("tangent-cli bench --render [--session FILE] [--json]"));
  fprintf (out, "%s\n", _("Times the compiled evaluator on the expressions E1–E6 over an N×N grid."));
  fprintf (out, "\n%s\n", _("With --taylor, times Taylor polynomials instead, of E1–E6 along x about "
                             "x = 0.3 with y = 0.7:"));
  fprintf (out, "%s\n", _("  coefficients_us   the 31 coefficients to order 30 (1-D jet), median, µs"));
  fprintf (out, "%s\n", _("  coefficients2_us  the 496 coefficients to total degree 30 about "
                           "(0.3, 0.7) (2-D jet), median, µs"));
  fprintf (out, "%s\n", _("  band_ms           the certified bound band of the order-30 polynomial, "
                           "1000 samples on [-0.2, 0.8], median, ms"));
  fprintf (out, "%s\n", _("  band_max, band_certified  the band's largest bound and how many of its "
                           "samples are finite"));
  fprintf (out, "%s\n", _("  c30               the x^30 coefficient, to check that runs agree"));
  fprintf (out, "%s\n", _("JSON: {\"order\": 30, \"about\": [0.3, 0.7], \"on\": [-0.2, 0.8], "
                           "\"samples\": 1000, \"results\": [{\"id\", \"expr\", "
                           "\"coefficients_us\", \"coefficients2_us\", \"band_ms\", \"band_max\", "
                           "\"band_certified\", \"c30\"}, …]}"));
  fprintf (out, "\n%s\n", _("With --render, times the interactive redraw of a figure on one "
                             "thread: evaluate, contour, arrows and draw the Himmelblau lecture "
                             "figure (or the main view of --session FILE) into an image surface "
                             "of its size; one untimed run, then the median of 21."));
  fprintf (out, "%s\n", _("JSON: {\"figure\", \"width\", \"height\", \"threads\": 1, "
                           "\"runs\", \"ms\", \"min_ms\", \"fps\", \"cpu_ms\"} (wall-clock "
                           "medians, and the median CPU time of the drawing thread)"));
}

/* bench --taylor: the jets and the bound band on E1–E6 as functions of x
 * along y = 0.7, about x = 0.3 (the first six of the E-table's formulas,
 * not a fixed-size grid). Medians over repeated runs. */
#define TAYLOR_ORDER   30
#define TAYLOR_SAMPLES 1000

static int
bench_taylor (gboolean json)
{
  static const double point[3] = { 0.3, 0.7, 0 };
  const double lo = -0.2, hi = 0.8;
  enum { JET_ROUNDS = 201, JET2_ROUNDS = 21, BAND_ROUNDS = 3 };
  g_autoptr(GString) out = g_string_new (NULL);
  json_t *object = NULL, *results = NULL;
  char buf[TANGENT_FORMAT_BUF_SIZE];

  if (json)
    {
      object = json_object ();
      results = json_array ();
      json_object_set_new (object, "order", json_integer (TAYLOR_ORDER));
      json_object_set_new (object, "about", tangent_cli_json_numbers (point, 2));
      json_object_set_new (object, "on", json_pack ("[ff]", lo, hi));
      json_object_set_new (object, "samples", json_integer (TAYLOR_SAMPLES));
      json_object_set_new (object, "results", results);
    }
  else
    g_string_append_printf (out, "order %d about x = 0.3 with y = 0.7; band of %d samples on "
                            "[-0.2, 0.8]\n%-4s %16s %16s %10s %24s %9s  %s\n",
                            TAYLOR_ORDER, TAYLOR_SAMPLES, "id", "coefficients µs",
                            "2-D coeffs µs", "band ms", "band max", "certified", "expression");

  for (guint id = 0; id < G_N_ELEMENTS (bench_ids); id++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TangentNode) tree = bench_parse (id, &error);
      g_autoptr(TangentProgram) prog = tree == NULL ? NULL : tangent_compile (tree, 0, &error);
      double coeffs[TAYLOR_ORDER + 1];
      double coeffs2[TANGENT_JET2_SIZE (TAYLOR_ORDER)];
      gint64 jet_times[JET_ROUNDS], jet2_times[JET2_ROUNDS], band_times[BAND_ROUNDS];
      double band_max = 0;
      guint certified = 0;

      if (prog == NULL)
        {
          fprintf (stderr, "tangent-cli: %s\n", error->message);
          return TANGENT_CLI_EXIT_ERROR;
        }

      /* One untimed run each, then the timed ones. */
      tangent_jet_eval (prog, NULL, point, TANGENT_VARIABLE_X, TAYLOR_ORDER, coeffs, NULL);
      for (guint r = 0; r < JET_ROUNDS; r++)
        {
          gint64 t0 = now_ns ();

          tangent_jet_eval (prog, NULL, point, TANGENT_VARIABLE_X, TAYLOR_ORDER, coeffs, NULL);
          jet_times[r] = now_ns () - t0;
        }

      tangent_jet2_eval (prog, NULL, point, TAYLOR_ORDER, coeffs2, NULL);
      for (guint r = 0; r < JET2_ROUNDS; r++)
        {
          gint64 t0 = now_ns ();

          tangent_jet2_eval (prog, NULL, point, TAYLOR_ORDER, coeffs2, NULL);
          jet2_times[r] = now_ns () - t0;
        }

      for (guint r = 0; r < BAND_ROUNDS; r++)
        {
          gint64 t0 = now_ns ();
          g_autoptr(TangentTaylorBand) band = tangent_taylor_band_new (prog, NULL, point,
                                                                       TANGENT_VARIABLE_X,
                                                                       TAYLOR_ORDER, lo, hi,
                                                                       TAYLOR_SAMPLES, &error);

          band_times[r] = now_ns () - t0;
          if (band == NULL)
            {
              fprintf (stderr, "tangent-cli: %s\n", error->message);
              return TANGENT_CLI_EXIT_ERROR;
            }
          band_max = band->max;
          certified = 0;
          for (guint i = 0; i < band->n; i++)
            certified += isfinite (band->bound[i]) ? 1 : 0;
        }

      qsort (jet_times, JET_ROUNDS, sizeof jet_times[0], compare_gint64);
      qsort (jet2_times, JET2_ROUNDS, sizeof jet2_times[0], compare_gint64);
      qsort (band_times, BAND_ROUNDS, sizeof band_times[0], compare_gint64);

      if (json)
        {
          json_t *result = json_object ();

          json_object_set_new (result, "id", json_string (bench_ids[id]));
          json_object_set_new (result, "expr", json_string (bench_texts[id]));
          json_object_set_new (result, "coefficients_us",
                               tangent_cli_json_number (jet_times[JET_ROUNDS / 2] / 1e3));
          json_object_set_new (result, "coefficients2_us",
                               tangent_cli_json_number (jet2_times[JET2_ROUNDS / 2] / 1e3));
          json_object_set_new (result, "band_ms",
                               tangent_cli_json_number (band_times[BAND_ROUNDS / 2] / 1e6));
          json_object_set_new (result, "band_max", tangent_cli_json_number (band_max));
          json_object_set_new (result, "band_certified", json_integer (certified));
          json_object_set_new (result, "c30", tangent_cli_json_number (coeffs[TAYLOR_ORDER]));
          json_array_append_new (results, result);
        }
      else
        {
          g_string_append_printf (out, "%-4s %16s", bench_ids[id],
                                  tangent_format_fixed (buf, jet_times[JET_ROUNDS / 2] / 1e3, 2));
          g_string_append_printf (out, " %16s",
                                  tangent_format_fixed (buf, jet2_times[JET2_ROUNDS / 2] / 1e3, 2));
          g_string_append_printf (out, " %10s",
                                  tangent_format_fixed (buf, band_times[BAND_ROUNDS / 2] / 1e6, 3));
          g_string_append_printf (out, " %24s", tangent_format_exact (buf, band_max));
          g_string_append_printf (out, " %9u  %s\n", certified, bench_texts[id]);
        }
    }

  if (json)
    tangent_cli_print_json (object);
  else
    fputs (out->str, stdout);

  return TANGENT_CLI_EXIT_OK;
}

/* bench --render: the Himmelblau lecture figure of
 * data/examples/himmelblau.tangent, built in so that the benchmark runs
 * from any directory. */
static const char himmelblau_session[] =
  "{ \"format\": \"tangent-session\", \"version\": 1,\n"
  "  \"formulas\": [ { \"text\": \"f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2\" } ],\n"
  "  \"view\": {\n"
  "    \"title\": \"Himmelblau’s function $f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2$ "
  "and $-∇f$\",\n"
  "    \"xmin\": -5, \"xmax\": 5, \"ymin\": -5, \"ymax\": 5, \"equal_aspect\": true,\n"
  "    \"width\": 1200, \"height\": 900,\n"
  "    \"contour\": { \"formula\": \"f\", \"grid\": 400,\n"
  "      \"levels\": [1, 5, 10, 20, 35, 50, 75, 100, 125, 150, 200, 250, 300, 350, 400, 450, "
  "500, 600, 700, 800] },\n"
  "    \"arrows\": { \"formula\": \"f\", \"negative\": true, \"grid\": 25 } } }\n";

#define RENDER_RUNS 21

static int
bench_render (gboolean    json,
              const char *session_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentSession) session = NULL;
  g_autoptr(TangentFigure) figure = NULL;
  cairo_surface_t *surface;
  gint64 times[RENDER_RUNS], cpu_times[RENDER_RUNS];
  guint width, height;
  double ms, min_ms, cpu_ms;
  char buf[TANGENT_FORMAT_BUF_SIZE];

  session = session_path != NULL
    ? tangent_session_load_file (session_path, &error)
    : tangent_session_load_data (himmelblau_session, strlen (himmelblau_session),
                                 "himmelblau (built in)", &error);
  if (session != NULL)
    figure = tangent_figure_new (session, NULL, &error);
  if (figure == NULL)
    {
      fprintf (stderr, "tangent-cli: %s\n", error->message);
      return TANGENT_CLI_EXIT_ERROR;
    }

  tangent_figure_get_size (figure, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  for (int r = -1; r < RENDER_RUNS; r++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 c0 = cpu_ns ();
      gint64 t0 = now_ns ();

      tangent_figure_draw (figure, cr, width, height);
      cairo_surface_flush (surface);
      if (r >= 0)
        {
          times[r] = now_ns () - t0;
          cpu_times[r] = cpu_ns () - c0;
        }
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);

  qsort (times, RENDER_RUNS, sizeof times[0], compare_gint64);
  qsort (cpu_times, RENDER_RUNS, sizeof cpu_times[0], compare_gint64);
  ms = times[RENDER_RUNS / 2] / 1e6;
  min_ms = times[0] / 1e6;
  cpu_ms = cpu_times[RENDER_RUNS / 2] / 1e6;

  if (json)
    {
      json_t *object = json_object ();

      json_object_set_new (object, "figure",
                           tangent_cli_json_string (session_path != NULL ? session_path
                                                                         : "himmelblau"));
      json_object_set_new (object, "width", json_integer (width));
      json_object_set_new (object, "height", json_integer (height));
      json_object_set_new (object, "threads", json_integer (1));
      json_object_set_new (object, "runs", json_integer (RENDER_RUNS));
      json_object_set_new (object, "ms", tangent_cli_json_number (ms));
      json_object_set_new (object, "min_ms", tangent_cli_json_number (min_ms));
      json_object_set_new (object, "fps", tangent_cli_json_number (1000 / ms));
      json_object_set_new (object, "cpu_ms", tangent_cli_json_number (cpu_ms));
      tangent_cli_print_json (object);
    }
  else
    {
      printf (_("redraw of %s, %u×%u, 1 thread, median of %d runs:\n"),
              session_path != NULL ? session_path : "himmelblau", width, height, RENDER_RUNS);
      printf ("  %s ms", tangent_format_fixed (buf, ms, 2));
      printf (" (min %s ms)", tangent_format_fixed (buf, min_ms, 2));
      printf (", %s frames/s;", tangent_format_fixed (buf, 1000 / ms, 1));
      printf (" CPU time %s ms\n", tangent_format_fixed (buf, cpu_ms, 2));
    }

  return TANGENT_CLI_EXIT_OK;
}

static gboolean
parse_uint (const char *text,
            guint       min,
            guint       max,
            guint      *out)
{
  guint64 v;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, min, max, &v, NULL))
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

int
tangent_cli_bench (int    argc,
                   char **argv)
{
  guint grid = 1000, threads = 1;
  gboolean gradient = FALSE, json = FALSE, taylor = FALSE, render = FALSE;
  const char *session_path = NULL;
  guint n_exprs;
  const guint *ids;
  static const guint all_ids[] = { 0, 1, 2, 3, 4, 5 };
  g_autoptr(GString) out = g_string_new (NULL);
  json_t *object = NULL, *results = NULL;
  char buf[TANGENT_FORMAT_BUF_SIZE];
  gsize n;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_usage (stdout);
          return TANGENT_CLI_EXIT_OK;
        }
      else if (strcmp (argv[i], "--grid") == 0 && i + 1 < argc && parse_uint (argv[i + 1], 2, 20000, &grid))
        i++;
      else if (strcmp (argv[i], "--threads") == 0 && i + 1 < argc && parse_uint (argv[i + 1], 1, 256, &threads))
        i++;
      else if (strcmp (argv[i], "--gradient") == 0)
        gradient = TRUE;
      else if (strcmp (argv[i], "--taylor") == 0)
        taylor = TRUE;
      else if (strcmp (argv[i], "--render") == 0)
        render = TRUE;
      else if (strcmp (argv[i], "--session") == 0 && i + 1 < argc)
        session_path = argv[++i];
      else if (strcmp (argv[i], "--json") == 0)
        json = TRUE;
      else
        {
          print_usage (stderr);
          return TANGENT_CLI_EXIT_USAGE;
        }
    }

  if (taylor)
    return bench_taylor (json);
  if (render || session_path != NULL)
    return bench_render (json, session_path);

  ids = gradient ? gradient_ids : all_ids;
  n_exprs = gradient ? G_N_ELEMENTS (gradient_ids) : G_N_ELEMENTS (all_ids);
  n = (gsize) grid * grid;

  if (json)
    {
      object = json_object ();
      results = json_array ();
      json_object_set_new (object, "grid", json_integer (grid));
      json_object_set_new (object, "threads", json_integer (threads));
      json_object_set_new (object, "kernels", json_string (tangent_vm_get_isa_name ()));
      json_object_set_new (object, "gradient", json_boolean (gradient));
      json_object_set_new (object, "results", results);
    }
  else
    g_string_append_printf (out, "grid %u×%u, %u thread%s, kernels %s%s\n%-4s %12s %24s %24s  %s\n",
                            grid, grid, threads, threads == 1 ? "" : "s", tangent_vm_get_isa_name (),
                            gradient ? ", value and gradient" : "",
                            "id", "ns/point", "sum", "sum_abs", "expression");

  for (guint e = 0; e < n_exprs; e++)
    {
      guint id = ids[e];
      g_autoptr(GError) error = NULL;
      g_autoptr(TangentNode) tree = bench_parse (id, &error);
      g_autoptr(TangentProgram) prog = tree == NULL ? NULL
        : gradient ? tangent_compile_with_gradient (tree, 0, 2, FALSE, &error)
        : tangent_compile (tree, 0, &error);
      guint n_out;
      double *outs[3];
      gint64 times[N_PASSES];
      double sum = 0, sum_abs = 0, ns;

      if (prog == NULL)
        {
          fprintf (stderr, "tangent-cli: %s\n", error->message);
          return TANGENT_CLI_EXIT_ERROR;
        }

      /* Touched before the untimed pass: page faults and the kernel's
       * zeroing are the allocation's cost, not the evaluator's, and pages
       * first touched by the untimed pass are still cold in the first
       * timed ones. bench-native does the same. */
      n_out = tangent_program_get_n_outputs (prog);
      for (guint k = 0; k < n_out; k++)
        {
          outs[k] = g_new (double, n);
          memset (outs[k], 0, n * sizeof (double));
        }

      tangent_grid_eval (prog, NULL, -2, 2, grid, -2, 2, grid, threads, outs);
      for (guint p = 0; p < N_PASSES; p++)
        {
          gint64 t0 = now_ns ();

          tangent_grid_eval (prog, NULL, -2, 2, grid, -2, 2, grid, threads, outs);
          times[p] = now_ns () - t0;
        }
      qsort (times, N_PASSES, sizeof times[0], compare_gint64);
      ns = (double) times[N_PASSES / 2] / (double) n;

      for (guint k = 0; k < n_out; k++)
        {
          for (gsize i = 0; i < n; i++)
            {
              sum += outs[k][i];
              sum_abs += fabs (outs[k][i]);
            }
          g_free (outs[k]);
        }

      if (json)
        {
          json_t *result = json_object ();

          json_object_set_new (result, "id", json_string (bench_ids[id]));
          json_object_set_new (result, "expr", json_string (bench_texts[id]));
          json_object_set_new (result, "ns_per_point", tangent_cli_json_number (ns));
          json_object_set_new (result, "sum", tangent_cli_json_number (sum));
          json_object_set_new (result, "sum_abs", tangent_cli_json_number (sum_abs));
          json_array_append_new (results, result);
        }
      else
        {
          g_string_append_printf (out, "%-4s %12s", bench_ids[id], tangent_format_fixed (buf, ns, 3));
          g_string_append_printf (out, " %24s", tangent_format_exact (buf, sum));
          g_string_append_printf (out, " %24s  %s\n", tangent_format_exact (buf, sum_abs), bench_texts[id]);
        }
    }

  if (json)
    {
      json_object_set_new (object, "parse_compile_us",
                           tangent_cli_json_number (time_compile (gradient)));
      tangent_cli_print_json (object);
    }
  else
    {
      g_string_append_printf (out, _("parse + compile: %s µs per expression\n"),
                              tangent_format_fixed (buf, time_compile (gradient), 2));
      fputs (out->str, stdout);
    }

  return TANGENT_CLI_EXIT_OK;
}
