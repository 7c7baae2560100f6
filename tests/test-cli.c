/* test-cli.c: tangent-cli as a script sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <jansson.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "tangent-test-cli.h"

static void
test_cli_version (void)
{
  const char *args[] = { "--version", NULL };
  TangentTestRun run = { 0 };

  tangent_test_run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "tangent-cli " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run.err, ==, "");
  tangent_test_run_clear (&run);
}

static void
test_cli_help (void)
{
  const char *args[] = { "--help", NULL };
  TangentTestRun run = { 0 };

  tangent_test_run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Usage: tangent-cli"));
  tangent_test_run_clear (&run);
}

/* Usage errors exit 2 and say so on standard error, not standard output;
 * a hostile argument is echoed escaped and short. */
static void
test_cli_usage_errors (void)
{
  const char *none[] = { NULL };
  const char *unknown[] = { "frobnicate", NULL };
  const char *hostile[] = { "\x1b[31m\xe2\x80\xae" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                            NULL };
  TangentTestRun run = { 0 };

  tangent_test_run_cli (&run, none);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "Usage"));
  tangent_test_run_clear (&run);

  tangent_test_run_cli (&run, unknown);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "frobnicate"));
  tangent_test_run_clear (&run);

  tangent_test_run_cli (&run, hostile);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_null (strchr (run.err, '\x1b'));
  g_assert_null (strstr (run.err, "\xe2\x80\xae"));
  g_assert_cmpuint (strlen (run.err), <, 200);
  tangent_test_run_clear (&run);
}

/* Runs a command with --json and returns the parsed object. */
static json_t *
run_json (const char **args,
          int          want_status)
{
  TangentTestRun run = { 0 };
  json_error_t error;
  json_t *object;

  tangent_test_run_cli (&run, args);
  if (run.status != want_status)
    g_error ("exit %d, want %d: %s%s", run.status, want_status, run.out, run.err);
  object = json_loads (run.out, 0, &error);
  if (object == NULL)
    g_error ("not one JSON object: %s (%s)", run.out, error.text);
  tangent_test_run_clear (&run);

  return object;
}

static double
number (json_t *value)
{
  if (json_is_string (value))
    {
      const char *s = json_string_value (value);

      return strcmp (s, "nan") == 0 ? NAN : strcmp (s, "inf") == 0 ? INFINITY
           : strcmp (s, "-inf") == 0 ? -INFINITY : 42.4242;
    }
  g_assert_true (json_is_number (value));
  return json_number_value (value);
}

/* Values worked by hand. The test environment has a decimal-comma
 * LC_NUMERIC: a locale leak would print 0,5 and break the JSON. */
static void
test_cli_eval (void)
{
  const char *power[] = { "eval", "--json", "2^3^2", NULL };
  const char *at[] = { "eval", "--json", "x^2 - y", "--at", "x=1.5,y=0.25", NULL };
  const char *param[] = { "eval", "--json", "a x", "--param", "a=-2", "--at", "x=0.25", NULL };
  const char *nan_value[] = { "eval", "--json", "0/0", NULL };
  const char *inf_value[] = { "eval", "--json", "-1/0", NULL };
  const char *plain[] = { "eval", "1/4", NULL };
  json_t *o;
  TangentTestRun run = { 0 };

  o = run_json (power, 0);
  g_assert_cmpfloat (number (json_object_get (o, "value")), ==, 512);
  json_decref (o);

  o = run_json (at, 0);
  g_assert_cmpfloat (number (json_object_get (o, "value")), ==, 2);
  json_decref (o);

  o = run_json (param, 0);
  g_assert_cmpfloat (number (json_object_get (o, "value")), ==, -0.5);
  json_decref (o);

  o = run_json (nan_value, 0);
  g_assert_cmpstr (json_string_value (json_object_get (o, "value")), ==, "nan");
  json_decref (o);

  o = run_json (inf_value, 0);
  g_assert_cmpstr (json_string_value (json_object_get (o, "value")), ==, "-inf");
  json_decref (o);

  tangent_test_run_cli (&run, plain);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "0.25\n");
  tangent_test_run_clear (&run);
}

/* An error is exit 1 with the JSON error object, its span in bytes of
 * EXPR: in "x + 1,5" the bad number starts at byte 4. */
static void
test_cli_errors (void)
{
  const char *comma[] = { "eval", "--json", "x + 1,5", "--at", "x=1", NULL };
  const char *missing_x[] = { "eval", "--json", "x + 1", NULL };
  const char *missing_a[] = { "eval", "--json", "a + 1", NULL };
  const char *bad_order[] = { "diff", "--json", "x^2", "--order", "101", NULL };
  const char *bad_at[] = { "eval", "x", "--at", "x=0x10", NULL };
  json_t *o, *e;
  TangentTestRun run = { 0 };

  o = run_json (comma, 1);
  e = json_object_get (o, "error");
  g_assert_nonnull (strstr (json_string_value (json_object_get (e, "message")), "1.5"));
  g_assert_cmpint (json_integer_value (json_object_get (e, "start")), ==, 4);
  g_assert_cmpint (json_integer_value (json_object_get (e, "end")), ==, 7);
  json_decref (o);

  o = run_json (missing_x, 1);
  g_assert_nonnull (json_object_get (json_object_get (o, "error"), "message"));
  json_decref (o);

  o = run_json (missing_a, 1);
  g_assert_nonnull (json_object_get (json_object_get (o, "error"), "message"));
  json_decref (o);

  o = run_json (bad_order, 1);
  g_assert_nonnull (json_object_get (json_object_get (o, "error"), "message"));
  json_decref (o);

  /* --at values are numbers in the language's syntax: a usage error. */
  tangent_test_run_cli (&run, bad_at);
  g_assert_cmpint (run.status, ==, 2);
  tangent_test_run_clear (&run);
}

static char *
write_temp (const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("tangent-test-XXXXXX", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

/* --defs rows in any order; a rejected row names its line. --expr-file
 * passes raw bytes, a NUL among them. */
static void
test_cli_files (void)
{
  g_autofree char *defs = write_temp ("# lecture 3\ng(x) = f(x) + 1\n\nf(x) = x^2\n", -1);
  g_autofree char *bad_defs = write_temp ("f(x) = x^2\ng(x) = 2 +\n", -1);
  g_autofree char *nul = write_temp ("x+1\0", 4);
  const char *use_defs[] = { "eval", "--json", "g(3)", "--defs", defs, NULL };
  const char *use_bad[] = { "eval", "--json", "f(1)", "--defs", bad_defs, NULL };
  const char *use_nul[] = { "eval", "--json", "--expr-file", nul, "--at", "x=1", NULL };
  json_t *o;

  o = run_json (use_defs, 0);
  g_assert_cmpfloat (number (json_object_get (o, "value")), ==, 10);
  json_decref (o);

  o = run_json (use_bad, 1);
  g_assert_nonnull (strstr (json_string_value (json_object_get (json_object_get (o, "error"),
                                                                "message")), "line 2"));
  json_decref (o);

  o = run_json (use_nul, 1);
  g_assert_cmpint (json_integer_value (json_object_get (json_object_get (o, "error"), "start")),
                   ==, 3);
  json_decref (o);

  g_unlink (defs);
  g_unlink (bad_defs);
  g_unlink (nul);
}

/* d/dx x³ sin x = 3x² sin x + x³ cos x; at x = 0 both terms vanish. */
static void
test_cli_diff (void)
{
  const char *diff[] = { "diff", "--json", "x^3 sin(x)", "--wrt", "x", "--at", "x=0", NULL };
  const char *order[] = { "diff", "--json", "x^5", "--order", "5", "--at", "x=7", NULL };
  json_t *o;

  o = run_json (diff, 0);
  g_assert_cmpstr (json_string_value (json_object_get (o, "derivative")), ==,
                   "3x² sin(x) + x³ cos(x)");
  g_assert_nonnull (json_string_value (json_object_get (o, "latex")));
  g_assert_cmpfloat (number (json_object_get (o, "value")), ==, 0);
  json_decref (o);

  /* Outside the domain there is no derivative, though 1/x has a value;
   * |x| has no slope at 0 and √x an infinite one. */
  {
    const char *ln[] = { "diff", "--json", "ln(x)", "--at", "x=-1", NULL };
    const char *grad_ln[] = { "grad", "--json", "ln(x)", "--at", "x=-1", NULL };
    const char *abs_at_0[] = { "diff", "--json", "|x|", "--at", "x=0", NULL };
    const char *sqrt_at_0[] = { "diff", "--json", "sqrt(x)", "--at", "x=0", NULL };

    o = run_json (ln, 0);
    g_assert_true (isnan (number (json_object_get (o, "value"))));
    json_decref (o);
    o = run_json (grad_ln, 0);
    g_assert_true (isnan (number (json_array_get (json_object_get (o, "gradient"), 0))));
    json_decref (o);
    o = run_json (abs_at_0, 0);
    g_assert_true (isnan (number (json_object_get (o, "value"))));
    json_decref (o);
    o = run_json (sqrt_at_0, 0);
    g_assert_cmpfloat (number (json_object_get (o, "value")), ==, INFINITY);
    json_decref (o);
  }

  /* The fifth derivative of x⁵ is 5! = 120 everywhere. */
  o = run_json (order, 0);
  g_assert_cmpfloat (number (json_object_get (o, "value")), ==, 120);
  json_decref (o);
}

/* f = x²y + y³ at (1, 2): f = 2 + 8; ∇f = (2xy, x² + 3y²) = (4, 13);
 * H = [[2y, 2x], [2x, 6y]] = [[4, 2], [2, 12]]. */
static void
test_cli_grad_hessian (void)
{
  const char *grad[] = { "grad", "--json", "x^2 y + y^3", "--at", "x=1,y=2", NULL };
  const char *hessian[] = { "hessian", "--json", "x^2 y + y^3", "--at", "x=1,y=2", NULL };
  const double want_h[2][2] = { { 4, 2 }, { 2, 12 } };
  json_t *o, *g, *h;

  o = run_json (grad, 0);
  g = json_object_get (o, "gradient");
  g_assert_cmpfloat (number (json_object_get (o, "value")), ==, 10);
  g_assert_cmpuint (json_array_size (g), ==, 2);
  g_assert_cmpfloat (number (json_array_get (g, 0)), ==, 4);
  g_assert_cmpfloat (number (json_array_get (g, 1)), ==, 13);
  json_decref (o);

  o = run_json (hessian, 0);
  h = json_object_get (o, "hessian");
  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 2; j++)
      g_assert_cmpfloat (number (json_array_get (json_array_get (h, i), j)), ==, want_h[i][j]);
  json_decref (o);
}

static void
test_cli_check (void)
{
  const char *function[] = { "check", "--json", "g(x, y) = x^2 + b y", "--param", "b=1", NULL };
  const char *relation[] = { "check", "--json", "x^2 + y^2 = 1", NULL };
  json_t *o;

  o = run_json (function, 0);
  g_assert_cmpstr (json_string_value (json_object_get (o, "kind")), ==, "function");
  g_assert_cmpuint (json_array_size (json_object_get (o, "variables")), ==, 2);
  g_assert_cmpstr (json_string_value (json_array_get (json_object_get (o, "parameters"), 0)), ==,
                   "b");
  json_decref (o);

  o = run_json (relation, 0);
  g_assert_cmpstr (json_string_value (json_object_get (o, "kind")), ==, "relation");
  json_decref (o);
}

/* sin and cos by their series, to double precision for |x| ≤ 1: test-cli
 * links no libm, and a check of a Taylor bound should not lean on the
 * very functions it bounds anyway. */
static double
series_sin_cos (double x,
                int    first)
{
  double term = first == 0 ? 1 : x, sum = 0;

  for (int k = first; k < 40; k += 2)
    {
      sum += term;
      term *= -x * x / ((k + 1) * (k + 2));
    }
  return sum;
}

#define SIN(x) series_sin_cos ((x), 1)
#define COS(x) series_sin_cos ((x), 0)

/* taylor: coefficients by hand. sin about 0: 0, 1, 0, −1/3!, 0, 1/5!;
 * exp about 1: e/k!; the polynomial at a point by Horner. */
static void
test_cli_taylor (void)
{
  const char *sin5[] = { "taylor", "--json", "sin(x)", "--about", "x=0", "--order", "5", NULL };
  const char *exp3[] = { "taylor", "--json", "exp(x)", "--about", "x=1", "--order", "3", NULL };
  const char *at[] = { "taylor", "--json", "sin(x)", "--about", "x=0", "--order", "5",
                       "--at", "x=0.5", NULL };
  const char *plain[] = { "taylor", "sin x", "--about", "x=0", "--order", "5", NULL };
  const char *by_default[] = { "taylor", "--json", "1/(1 - x)", "--about", "x=0", NULL };
  const char *function[] = { "taylor", "f(t) = exp(t)", "--about", "t=0", "--order", "3", NULL };
  const char *along_y[] = { "taylor", "--json", "x y^2", "--about", "y=1", "--order", "2",
                            "--at", "x=3", NULL };
  const double sin_want[] = { 0, 1, 0, -1.0 / 6, 0, 1.0 / 120 };
  const double exp_want[] = { 1, 1, 0.5, 1.0 / 6 };
  json_t *o, *c;
  TangentTestRun run = { 0 };

  o = run_json (sin5, 0);
  c = json_object_get (o, "coefficients");
  g_assert_cmpuint (json_array_size (c), ==, 6);
  for (guint k = 0; k < 6; k++)
    g_assert_cmpfloat_with_epsilon (number (json_array_get (c, k)), sin_want[k], 1e-16);
  g_assert_cmpstr (json_string_value (json_object_get (o, "polynomial")), ==, "x - x³/6 + x⁵/120");
  g_assert_cmpstr (json_string_value (json_object_get (o, "latex")), ==,
                   "x - \\frac{x^{3}}{6} + \\frac{x^{5}}{120}");
  g_assert_null (json_object_get (o, "value"));
  g_assert_null (json_object_get (o, "bound"));
  json_decref (o);

  o = run_json (exp3, 0);
  c = json_object_get (o, "coefficients");
  g_assert_cmpuint (json_array_size (c), ==, 4);
  for (guint k = 0; k < 4; k++)
    g_assert_cmpfloat_with_epsilon (number (json_array_get (c, k)), G_E * exp_want[k], 1e-15);
  g_assert_true (g_str_has_prefix (json_string_value (json_object_get (o, "polynomial")),
                                   "2.718281828459045 + 2.718281828459045(x - 1) + "));
  json_decref (o);

  /* T₅(0.5) = 0.5 − 0.125/6 + 0.03125/120 */
  o = run_json (at, 0);
  g_assert_cmpfloat_with_epsilon (number (json_object_get (o, "value")),
                                  0.5 - 0.125 / 6 + 0.03125 / 120, 1e-15);
  json_decref (o);

  tangent_test_run_cli (&run, plain);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "x - x³/6 + x⁵/120\n");
  tangent_test_run_clear (&run);

  /* --order defaults to 5. */
  o = run_json (by_default, 0);
  g_assert_cmpuint (json_array_size (json_object_get (o, "coefficients")), ==, 6);
  g_assert_cmpstr (json_string_value (json_object_get (o, "polynomial")), ==,
                   "1 + x + x² + x³ + x⁴ + x⁵");
  json_decref (o);

  /* A function's own variable. */
  tangent_test_run_cli (&run, function);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "1 + t + t²/2 + t³/6\n");
  tangent_test_run_clear (&run);

  /* Along y with x fixed by --at: 3y² about 1 = 3 + 6(y − 1) + 3(y − 1)². */
  o = run_json (along_y, 0);
  c = json_object_get (o, "coefficients");
  g_assert_cmpfloat (number (json_array_get (c, 0)), ==, 3);
  g_assert_cmpfloat (number (json_array_get (c, 1)), ==, 6);
  g_assert_cmpfloat (number (json_array_get (c, 2)), ==, 3);
  g_assert_cmpstr (json_string_value (json_object_get (o, "polynomial")), ==,
                   "3 + 6(y - 1) + 3(y - 1)²");
  json_decref (o);
}

/* x²y about (1, 2): with x = 1 + u, y = 2 + v,
 * (1 + u)²(2 + v) = 2 + 4u + v + 2u² + 2uv + u²v; every other term of
 * total degree ≤ 3 is 0. */
static void
test_cli_taylor_2d (void)
{
  const char *args[] = { "taylor", "--json", "x^2 y", "--about", "x=1,y=2", "--order", "3",
                         "--at", "x=1.5,y=1", NULL };
  const char *swapped[] = { "taylor", "--json", "x^2 y", "--about", "y=2,x=1", "--order", "1",
                            NULL };
  static const struct { int i, j; double c; } want[] = {
    { 0, 0, 2 }, { 1, 0, 4 }, { 0, 1, 1 }, { 2, 0, 2 }, { 1, 1, 2 }, { 0, 2, 0 },
    { 3, 0, 0 }, { 2, 1, 1 }, { 1, 2, 0 }, { 0, 3, 0 },
  };
  json_t *o, *terms;

  o = run_json (args, 0);
  terms = json_object_get (o, "terms");
  g_assert_cmpuint (json_array_size (terms), ==, G_N_ELEMENTS (want));
  for (guint k = 0; k < G_N_ELEMENTS (want); k++)
    {
      json_t *term = json_array_get (terms, k);
      json_t *powers = json_object_get (term, "powers");

      g_assert_cmpint (json_integer_value (json_array_get (powers, 0)), ==, want[k].i);
      g_assert_cmpint (json_integer_value (json_array_get (powers, 1)), ==, want[k].j);
      g_assert_cmpfloat (number (json_object_get (term, "coefficient")), ==, want[k].c);
    }
  g_assert_cmpstr (json_string_value (json_object_get (o, "polynomial")), ==,
                   "2 + 4(x - 1) + (y - 2) + 2(x - 1)² + 2(x - 1)(y - 2) + (x - 1)²(y - 2)");
  /* The polynomial is x²y itself: 1.5² · 1. */
  g_assert_cmpfloat (number (json_object_get (o, "value")), ==, 2.25);
  json_decref (o);

  o = run_json (swapped, 0);
  g_assert_cmpstr (json_string_value (json_object_get (o, "polynomial")), ==,
                   "2 + 4(x - 1) + (y - 2)");
  json_decref (o);
}

/* Orders 0 … 100 and nothing else (exit 1, as diff); a missing or
 * malformed --about is a usage error (exit 2). */
static void
test_cli_taylor_errors (void)
{
  const char *order_101[] = { "taylor", "--json", "sin(x)", "--about", "x=0", "--order", "101",
                              NULL };
  const char *fraction[] = { "taylor", "--json", "sin(x)", "--about", "x=0", "--order", "2.5",
                             NULL };
  const char *negative[] = { "taylor", "--json", "sin(x)", "--about", "x=0", "--order", "-1",
                             NULL };
  const char *relation[] = { "taylor", "--json", "x^2 + y^2 = 1", "--about", "x=0", NULL };
  const char *missing_y[] = { "taylor", "--json", "x y", "--about", "x=0", NULL };
  const char *bad_expr[] = { "taylor", "--json", "sin(x", "--about", "x=0", NULL };
  const char *no_about[] = { "taylor", "--json", "sin(x)", "--order", "3", NULL };
  const char *bad_about[] = { "taylor", "--json", "sin(x)", "--about", "q=0", NULL };
  const char *bad_centre[] = { "taylor", "--json", "sin(x)", "--about", "x=pi", NULL };
  const char *xz[] = { "taylor", "--json", "x z", "--about", "x=0,z=1", NULL };
  const char *twice[] = { "taylor", "--json", "x", "--about", "x=0,x=1", NULL };
  const char *samples_alone[] = { "taylor", "--json", "x", "--about", "x=0", "--samples", "5",
                                  NULL };
  const char *bad_range[] = { "taylor", "--json", "x", "--about", "x=0", "--bound-on", "1:-1",
                              NULL };
  const char *half_at[] = { "taylor", "--json", "x y", "--about", "x=0,y=0", "--at", "x=1",
                            NULL };
  const char *const *errors[] = { order_101, fraction, negative, relation, missing_y, bad_expr };
  const char *const *usage[] = { no_about, bad_about, bad_centre, xz, twice, samples_alone,
                                 bad_range, half_at };

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      json_t *o = run_json ((const char **) errors[i], 1);

      g_assert_nonnull (json_string_value (json_object_get (json_object_get (o, "error"),
                                                            "message")));
      json_decref (o);
    }

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      TangentTestRun run = { 0 };

      tangent_test_run_cli (&run, (const char **) usage[i]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, !=, "");
      tangent_test_run_clear (&run);
    }
}

/* The band certifies |sin x − T₅(x)| ≤ b(x): checked at each sample
 * against the true error computed here. */
static void
test_cli_taylor_bound (void)
{
  const char *args[] = { "taylor", "--json", "sin(x)", "--about", "x=0", "--order", "5",
                         "--bound-on", "-1:1", "--samples", "11", NULL };
  const char *sqrt_args[] = { "taylor", "--json", "sqrt(x)", "--about", "x=1", "--order", "3",
                              "--bound-on", "-1:2", NULL };
  json_t *o, *bound, *samples;
  double max;

  o = run_json (args, 0);
  bound = json_object_get (o, "bound");
  samples = json_object_get (bound, "samples");
  max = number (json_object_get (bound, "max"));
  g_assert_cmpuint (json_array_size (samples), ==, 11);
  g_assert_true (isfinite (max));
  /* Lagrange gives |x|⁶/6! ≤ 1/720 on [-1, 1]: anything near that is fine. */
  g_assert_cmpfloat (max, <, 0.1);
  for (guint i = 0; i < 11; i++)
    {
      json_t *pair = json_array_get (samples, i);
      double x = number (json_array_get (pair, 0));
      double b = number (json_array_get (pair, 1));
      double t = x - x * x * x / 6 + x * x * x * x * x / 120;

      g_assert_cmpfloat_with_epsilon (x, -1 + 0.2 * i, 1e-12);
      g_assert_cmpfloat (fabs (SIN (x) - t), <=, b);
      g_assert_cmpfloat (b, <=, max);
    }
  g_assert_null (json_object_get (bound, "reason"));
  json_decref (o);

  /* √x has no expansion to the left of 0: "inf" there, and a reason. */
  o = run_json (sqrt_args, 0);
  bound = json_object_get (o, "bound");
  samples = json_object_get (bound, "samples");
  g_assert_cmpuint (json_array_size (samples), ==, 101);
  g_assert_cmpstr (json_string_value (json_array_get (json_array_get (samples, 0), 1)), ==, "inf");
  g_assert_cmpstr (json_string_value (json_object_get (bound, "max")), ==, "inf");
  g_assert_nonnull (json_string_value (json_object_get (bound, "reason")));
  json_decref (o);
}

/* In 2-D the bound is one number over the box: at a few points of the
 * box, |sin x cos y − T₃| is below it. */
static void
test_cli_taylor_bound_2d (void)
{
  const char *args[] = { "taylor", "--json", "sin(x) cos(y)", "--about", "x=0,y=0", "--order",
                         "3", "--bound-on", "x=-0.5:0.5,y=-0.5:0.5", NULL };
  json_t *o, *bound;
  double max;

  o = run_json (args, 0);
  bound = json_object_get (o, "bound");
  g_assert_null (json_object_get (bound, "samples"));
  max = number (json_object_get (bound, "max"));
  g_assert_true (isfinite (max));
  g_assert_cmpfloat (max, <, 0.1);
  /* T₃ = x − x³/6 − xy²/2 */
  for (double x = -0.5; x <= 0.5; x += 0.25)
    for (double y = -0.5; y <= 0.5; y += 0.25)
      g_assert_cmpfloat (fabs (SIN (x) * COS (y) - (x - x * x * x / 6 - x * y * y / 2)), <=, max);
  json_decref (o);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_cli_version);
  g_test_add_func ("/cli/help", test_cli_help);
  g_test_add_func ("/cli/usage-errors", test_cli_usage_errors);
  g_test_add_func ("/cli/eval", test_cli_eval);
  g_test_add_func ("/cli/errors", test_cli_errors);
  g_test_add_func ("/cli/files", test_cli_files);
  g_test_add_func ("/cli/diff", test_cli_diff);
  g_test_add_func ("/cli/grad-hessian", test_cli_grad_hessian);
  g_test_add_func ("/cli/check", test_cli_check);
  g_test_add_func ("/cli/taylor", test_cli_taylor);
  g_test_add_func ("/cli/taylor-2d", test_cli_taylor_2d);
  g_test_add_func ("/cli/taylor-errors", test_cli_taylor_errors);
  g_test_add_func ("/cli/taylor-bound", test_cli_taylor_bound);
  g_test_add_func ("/cli/taylor-bound-2d", test_cli_taylor_bound_2d);

  return g_test_run ();
}
