/* test-jet.c: Taylor-mode AD (1-D and 2-D jets)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against ../shared/data/calculus-sample.json (every "taylor" entry, and the
 * exact rational "taylor_tables"), against closed forms at order 100,
 * against the symbolic derivative module, and 2-D against 1-D along the
 * axes. The µs of an order-30 jet of E6 are printed, not asserted.
 */

#include "config.h"

#include <jansson.h>
#include <math.h>
#include <string.h>

#include "tangent-compile.h"
#include "tangent-derive.h"
#include "tangent-document.h"
#include "tangent-jet.h"
#include "tangent-vm.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_t, json_decref)

static const char *variable_names[] = { "x", "y", "z" };

static json_t *
load_sample (void)
{
  const char *dir = g_getenv ("TANGENT_SHARED_DATA");
  g_autofree char *path = NULL;
  json_error_t jerr;
  json_t *root;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "calculus-sample.json", NULL);
  root = json_load_file (path, 0, &jerr);
  if (root == NULL)
    g_error ("%s: %s", path, jerr.text);
  return root;
}

static double
number_of (json_t *value)
{
  const char *text = json_string_value (value);

  g_assert_nonnull (text);
  return g_ascii_strtod (text, NULL);
}

/* "p/q" or "p" as the nearest double (p and q fit in 64 bits here). */
static double
rational_of (json_t *value)
{
  const char *text = json_string_value (value);
  const char *slash;

  g_assert_nonnull (text);
  slash = strchr (text, '/');
  if (slash == NULL)
    return g_ascii_strtod (text, NULL);
  return (double) g_ascii_strtoll (text, NULL, 10) / (double) g_ascii_strtoll (slash + 1, NULL, 10);
}

static void
point_of (json_t *at,
          double  p[3])
{
  for (guint v = 0; v < 3; v++)
    {
      json_t *value = json_object_get (at, variable_names[v]);

      p[v] = value != NULL ? number_of (value) : 0;
    }
}

static void
test_jet_sample_1d (void)
{
  g_autoptr(json_t) root = load_sample ();
  json_t *cases = json_object_get (root, "cases");
  guint failures = 0, checked = 0;
  gsize i;
  json_t *c;

  json_array_foreach (cases, i, c)
    {
      json_t *taylor = json_object_get (c, "taylor");
      const char *id = json_string_value (json_object_get (c, "id"));
      const char *expr = json_string_value (json_object_get (c, "expr"));
      json_t *want;
      g_autofree double *got = NULL;
      g_autoptr(GError) error = NULL;
      double p[3], scale = 0;
      guint order;

      if (taylor == NULL || json_object_get (taylor, "order") == NULL)
        continue;
      order = json_integer_value (json_object_get (taylor, "order"));
      want = json_object_get (taylor, "coeffs");
      g_assert_cmpuint (json_array_size (want), ==, order + 1);
      point_of (json_object_get (taylor, "at"), p);

      got = g_new (double, order + 1);
      if (!tangent_jet_eval_text (expr, p, TANGENT_VARIABLE_X, order, got, &error))
        {
          g_test_message ("%s: %s: %s", id, expr, error->message);
          failures++;
          continue;
        }
      for (guint k = 0; k <= order; k++)
        scale = MAX (scale, fabs (number_of (json_array_get (want, k))));
      for (guint k = 0; k <= order; k++)
        {
          double w = number_of (json_array_get (want, k));

          if (!(fabs (got[k] - w) <= 1e-8 * scale))
            {
              g_test_message ("%s: %s: c%u = %.17g, want %.17g", id, expr, k, got[k], w);
              failures++;
            }
        }
      checked++;
    }

  g_test_message ("%u 1-D cases checked", checked);
  g_assert_cmpuint (checked, >, 0);
  g_assert_cmpuint (failures, ==, 0);
}

static void
test_jet_sample_2d (void)
{
  g_autoptr(json_t) root = load_sample ();
  json_t *cases = json_object_get (root, "cases");
  guint failures = 0, checked = 0;
  gsize i;
  json_t *c;

  json_array_foreach (cases, i, c)
    {
      json_t *taylor = json_object_get (c, "taylor");
      const char *id = json_string_value (json_object_get (c, "id"));
      const char *expr = json_string_value (json_object_get (c, "expr"));
      g_autofree double *got = NULL;
      g_autoptr(GError) error = NULL;
      double p[3], scale = 0;
      guint order;
      gsize t;
      json_t *term, *terms;

      if (taylor == NULL || json_object_get (taylor, "max_total_degree") == NULL)
        continue;
      order = json_integer_value (json_object_get (taylor, "max_total_degree"));
      terms = json_object_get (taylor, "coeffs");
      g_assert_cmpuint (json_array_size (terms), ==, TANGENT_JET2_SIZE (order));
      point_of (json_object_get (taylor, "at"), p);

      got = g_new (double, TANGENT_JET2_SIZE (order));
      if (!tangent_jet2_eval_text (expr, p, order, got, &error))
        {
          g_test_message ("%s: %s: %s", id, expr, error->message);
          failures++;
          continue;
        }
      json_array_foreach (terms, t, term)
        scale = MAX (scale, fabs (number_of (json_object_get (term, "c"))));
      json_array_foreach (terms, t, term)
        {
          guint ti = json_integer_value (json_object_get (term, "i"));
          guint tj = json_integer_value (json_object_get (term, "j"));
          double w = number_of (json_object_get (term, "c"));
          double g = got[TANGENT_JET2_INDEX (ti, tj)];

          g_assert_cmpuint (ti + tj, <=, order);
          if (!(fabs (g - w) <= 1e-8 * scale))
            {
              g_test_message ("%s: %s: c(%u,%u) = %.17g, want %.17g", id, expr, ti, tj, g, w);
              failures++;
            }
        }
      checked++;
    }

  g_test_message ("%u 2-D cases checked", checked);
  g_assert_cmpuint (checked, >, 0);
  g_assert_cmpuint (failures, ==, 0);
}

static void
test_jet_tables (void)
{
  g_autoptr(json_t) root = load_sample ();
  json_t *tables = json_object_get (root, "taylor_tables");
  guint failures = 0;
  gsize i;
  json_t *table;

  g_assert_cmpuint (json_array_size (tables), >, 0);
  json_array_foreach (tables, i, table)
    {
      const char *name = json_string_value (json_object_get (table, "name"));
      const char *expr = json_string_value (json_object_get (table, "expr"));
      json_t *exact = json_object_get (table, "coeffs_exact");
      guint order = json_integer_value (json_object_get (table, "order"));
      g_autofree double *got = g_new (double, order + 1);
      g_autoptr(GError) error = NULL;
      double p[3], scale = 0;

      point_of (json_object_get (table, "at"), p);
      g_assert_cmpuint (json_array_size (exact), ==, order + 1);
      if (!tangent_jet_eval_text (expr, p, TANGENT_VARIABLE_X, order, got, &error))
        {
          g_test_message ("%s: %s", name, error->message);
          failures++;
          continue;
        }
      for (guint k = 0; k <= order; k++)
        scale = MAX (scale, fabs (rational_of (json_array_get (exact, k))));
      for (guint k = 0; k <= order; k++)
        {
          double w = rational_of (json_array_get (exact, k));

          if (!(fabs (got[k] - w) <= 1e-13 * fabs (w) + 1e-15 * scale))
            {
              g_test_message ("table %s (%s): c%u = %.17g, want %.17g", name, expr, k, got[k], w);
              failures++;
            }
        }
    }

  g_assert_cmpuint (failures, ==, 0);
}

static void
jet_text (const char *text,
          double      x,
          guint       order,
          double     *coeffs)
{
  g_autoptr(GError) error = NULL;
  double p[3] = { x, 0, 0 };

  tangent_jet_eval_text (text, p, TANGENT_VARIABLE_X, order, coeffs, &error);
  g_assert_no_error (error);
}

static void
assert_rel (double got,
            double want,
            double tol)
{
  if (!(fabs (got - want) <= tol * fabs (want) || (want == 0 && got == 0)))
    g_error ("got %.17g, want %.17g (tolerance %g relative)", got, want, tol);
}

static void
test_jet_order100 (void)
{
  double c[101];
  double f;

  /* sin: 0, 1, 0, −1/6, …, (−1)^k/(2k+1)! */
  jet_text ("sin(x)", 0, 100, c);
  f = 1;
  for (guint k = 0; k <= 100; k++)
    {
      if (k > 0)
        f /= k;
      if (k % 2 == 0)
        g_assert_cmpfloat (c[k], ==, 0);
      else
        assert_rel (c[k], (k / 2) % 2 == 0 ? f : -f, 1e-13);
    }

  /* exp(2x): 2^k/k! */
  jet_text ("exp(2x)", 0, 100, c);
  f = 1;
  for (guint k = 0; k <= 100; k++)
    {
      if (k > 0)
        f *= 2.0 / k;
      assert_rel (c[k], f, 1e-13);
    }

  /* 1/(1 − x): all ones, exactly */
  jet_text ("1/(1 - x)", 0, 100, c);
  for (guint k = 0; k <= 100; k++)
    g_assert_cmpfloat (c[k], ==, 1);

  /* x^100 about 0: only c_100 = 1 */
  jet_text ("x^100", 0, 100, c);
  for (guint k = 0; k <= 100; k++)
    g_assert_cmpfloat (c[k], ==, k == 100 ? 1 : 0);

  /* x^100 about 1: binomial coefficients C(100, k) */
  jet_text ("x^100", 1, 100, c);
  for (guint k = 0; k <= 100; k++)
    assert_rel (c[k], round (exp (lgamma (101) - lgamma (k + 1) - lgamma (101 - k))), 1e-12);

  /* x^3 about 0, exactly */
  jet_text ("x^3", 0, 10, c);
  for (guint k = 0; k <= 10; k++)
    g_assert_cmpfloat (c[k], ==, k == 3 ? 1 : 0);
}

static void
test_jet_nonsmooth (void)
{
  double c[8];

  jet_text ("abs(x)", 0, 4, c);
  g_assert_cmpfloat (c[0], ==, 0);
  for (guint k = 1; k <= 4; k++)
    g_assert_true (isnan (c[k]));

  jet_text ("abs(x^2 - 4)", 1, 3, c);
  g_assert_cmpfloat (c[0], ==, 3);
  g_assert_cmpfloat (c[1], ==, -2);
  g_assert_cmpfloat (c[2], ==, -1);
  g_assert_cmpfloat (c[3], ==, 0);

  jet_text ("floor(x)", 0.5, 3, c);
  g_assert_cmpfloat (c[0], ==, 0);
  g_assert_cmpfloat (c[1], ==, 0);
  jet_text ("floor(x)", 1, 3, c);
  g_assert_cmpfloat (c[0], ==, 1);
  g_assert_true (isnan (c[1]));
  jet_text ("round(x)", 0.5, 2, c);
  g_assert_true (isnan (c[2]));
  jet_text ("sign(x)", -3, 2, c);
  g_assert_cmpfloat (c[0], ==, -1);
  g_assert_cmpfloat (c[2], ==, 0);

  jet_text ("min(x, 1 - x)", 0.25, 3, c);
  g_assert_cmpfloat (c[0], ==, 0.25);
  g_assert_cmpfloat (c[1], ==, 1);
  jet_text ("max(x, 1 - x)", 0.5, 3, c);
  g_assert_true (isnan (c[1]));

  /* Powers of a zero base: finite derivatives, then NaN or infinity. */
  jet_text ("x^1.5", 0, 4, c);
  g_assert_cmpfloat (c[0], ==, 0);
  g_assert_cmpfloat (c[1], ==, 0);
  g_assert_cmpfloat (c[2], ==, INFINITY);
  g_assert_true (isnan (c[3]));
  jet_text ("cbrt(x)", 0, 3, c);
  g_assert_cmpfloat (c[1], ==, INFINITY);
  g_assert_true (isnan (c[2]));
  jet_text ("(-x)^(1/3)", 0, 1, c);
  g_assert_cmpfloat (c[1], ==, -INFINITY);
  jet_text ("(-x^2)^(5/3)", 0, 4, c);
  g_assert_cmpfloat (c[3], ==, 0);
  g_assert_cmpfloat (c[4], ==, -INFINITY);
  jet_text ("sqrt(x)", 0, 2, c);
  g_assert_cmpfloat (c[1], ==, INFINITY);
  jet_text ("x^(-2)", 0, 2, c);
  g_assert_true (isnan (c[1]));

  /* An odd root of a perfect power is analytic: (x^3)^(1/3) = x. */
  jet_text ("cbrt(x^3)", 0, 5, c);
  for (guint k = 0; k <= 5; k++)
    g_assert_cmpfloat (c[k], ==, k == 1 ? 1 : 0);
  jet_text ("(x^3)^(2/3)", 0, 5, c);
  for (guint k = 0; k <= 5; k++)
    g_assert_cmpfloat (c[k], ==, k == 2 ? 1 : 0);
  jet_text ("(-8 + x)^(1/3)", 0, 1, c);
  g_assert_cmpfloat (c[0], ==, -2);
  assert_rel (c[1], 1.0 / 12, 1e-15);

  /* Removable 0/0, shifted more than once. */
  jet_text ("(x - sin(x))/x^3", 0, 6, c);
  assert_rel (c[0], 1.0 / 6, 1e-15);
  g_assert_cmpfloat (c[1], ==, 0);
  assert_rel (c[2], -1.0 / 120, 1e-14);
  assert_rel (c[6], -1.0 / 362880 * 1, 1e-12);
  jet_text ("x/x", 0, 3, c);
  g_assert_cmpfloat (c[0], ==, 1);
  g_assert_cmpfloat (c[3], ==, 0);

  /* Zeros that outlast the grades asked for: (1 − cos x)/x² is
   * 1/2 − x²/24 + …, known to order 0 and 1 too (2·(1 − cos x) = x² −
   * x⁴/12 + …, by hand). */
  for (guint order = 0; order <= 3; order++)
    {
      jet_text ("(1 - cos(x))/x^2", 0, order, c);
      assert_rel (c[0], 0.5, 1e-15);
      if (order >= 1)
        g_assert_cmpfloat (c[1], ==, 0);
      if (order >= 2)
        assert_rel (c[2], -1.0 / 24, 1e-15);
    }
  jet_text ("sin(x)/x", 0, 0, c);
  assert_rel (c[0], 1, 1e-15);

  /* A pole stays a pole. */
  jet_text ("1/x", 0, 2, c);
  g_assert_true (isinf (c[0]));
}

/* Random smooth formulas in x and y, over functions smooth everywhere. */
static char *
random_formula (GRand *rand,
                guint  depth)
{
  static const char *leaves[] = { "x", "y", "x", "0.7", "1.3", "2" };
  static const char *unary[] = {
    "sin(%s)", "cos(%s)", "exp(%s/3)", "atan(%s)", "tanh(%s)", "sinh(%s/2)",
    "log(1 + (%s)^2)", "sqrt(2 + sin(%s))", "1/(2 + cos(%s))", "(1.5 + sin(%s))^2.5",
    "asin(sin(%s)/2)", "cosh(%s/2)", "(%s)^3", "tan(atan(%s)/2)",
  };
  guint pick;

  if (depth == 0)
    return g_strdup (leaves[g_rand_int_range (rand, 0, G_N_ELEMENTS (leaves))]);

  pick = g_rand_int_range (rand, 0, 3);
  if (pick == 0)
    {
      g_autofree char *a = random_formula (rand, depth - 1);
      const char *fmt = unary[g_rand_int_range (rand, 0, G_N_ELEMENTS (unary))];

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      return g_strdup_printf (fmt, a);
#pragma GCC diagnostic pop
    }
  else
    {
      g_autofree char *a = random_formula (rand, depth - 1);
      g_autofree char *b = random_formula (rand, depth - 1);
      static const char *ops[] = { "+", "-", "*" };

      return g_strdup_printf ("(%s) %s (%s)", a, ops[g_rand_int_range (rand, 0, 3)], b);
    }
}

static void
test_jet_derive (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  guint compared = 0, failures = 0;

  for (guint n = 0; n < 60; n++)
    {
      g_autofree char *text = random_formula (rand, 1 + n % 3);
      g_autoptr(TangentDocument) doc = tangent_document_new ();
      g_autoptr(TangentProgram) prog = NULL;
      g_autoptr(GError) error = NULL;
      const TangentNode *tree;
      double p[3] = { g_rand_double_range (rand, -1, 1), g_rand_double_range (rand, -1, 1), 0 };
      TangentVariable wrt = n % 2 == 0 ? TANGENT_VARIABLE_X : TANGENT_VARIABLE_Y;
      double c[7], d[7], scale = 0;

      tangent_document_append_row (doc, text, strlen (text));
      tangent_document_resolve (doc);
      tree = tangent_document_get_row_expr (doc, 0);
      g_assert_nonnull (tree);
      prog = tangent_compile (tree, 0, &error);
      g_assert_no_error (error);
      tangent_jet_eval (prog, NULL, p, wrt, 6, c, &error);
      g_assert_no_error (error);

      for (guint k = 0; k <= 6; k++)
        {
          g_autoptr(TangentNode) dk = tangent_derive_n (tree, wrt, k, &error);
          g_autoptr(TangentProgram) dprog = NULL;
          double kf = 1;

          if (dk == NULL)
            {
              g_assert_error (error, TANGENT_DERIVE_ERROR, TANGENT_DERIVE_ERROR_TOO_LARGE);
              g_clear_error (&error);
              d[k] = NAN;
              continue;
            }
          dprog = tangent_compile (dk, 0, &error);
          g_assert_no_error (error);
          for (guint j = 2; j <= k; j++)
            kf *= j;
          d[k] = tangent_program_eval1 (dprog, NULL, p[0], p[1], p[2]) / kf;
          if (isfinite (d[k]))
            scale = MAX (scale, fabs (d[k]));
        }
      for (guint k = 0; k <= 6; k++)
        {
          if (isnan (d[k]))
            continue;
          compared++;
          if (!(fabs (c[k] - d[k]) <= 1e-9 * scale))
            {
              g_test_message ("%s at (%g, %g) d/d%s: c%u = %.17g, symbolic %.17g", text,
                              p[0], p[1], variable_names[wrt], k, c[k], d[k]);
              failures++;
            }
        }
    }

  g_test_message ("%u coefficients compared", compared);
  g_assert_cmpuint (compared, >, 200);
  g_assert_cmpuint (failures, ==, 0);
}

static void
test_jet_axes (void)
{
  static const struct { const char *text; double x, y; } cases[] = {
    { "log(1 + x^2 + y^2)*atan(y/(1 + x^2)) + sqrt(abs(x*y)) + tanh(x - y)", 0.4, -0.7 },
    { "exp(-(x^2+y^2))*(x - y)", 0.3, 0.2 },
    { "sin(x)*cos(y) + x^5*y^3", -0.5, 1.1 },
    { "atan2(y, x) + (x + 2y)^1.5", 1.2, 0.8 },
    { "asin(x*y) + cot(x + y) - sec(x)*csc(y)", 0.3, 0.6 },
  };
  const guint order = 30;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double p[3] = { cases[i].x, cases[i].y, 0 };
      g_autofree double *c2 = g_new (double, TANGENT_JET2_SIZE (order));
      double cx[31], cy[31];
      g_autoptr(GError) error = NULL;

      tangent_jet2_eval_text (cases[i].text, p, order, c2, &error);
      g_assert_no_error (error);
      tangent_jet_eval_text (cases[i].text, p, TANGENT_VARIABLE_X, order, cx, &error);
      g_assert_no_error (error);
      tangent_jet_eval_text (cases[i].text, p, TANGENT_VARIABLE_Y, order, cy, &error);
      g_assert_no_error (error);

      for (guint k = 0; k <= order; k++)
        {
          double gx = c2[TANGENT_JET2_INDEX (k, 0)], gy = c2[TANGENT_JET2_INDEX (0, k)];

          if (!(fabs (gx - cx[k]) <= 1e-12 * MAX (1, fabs (cx[k]))
                && fabs (gy - cy[k]) <= 1e-12 * MAX (1, fabs (cy[k]))))
            g_error ("%s: (%u,0) %.17g vs %.17g, (0,%u) %.17g vs %.17g", cases[i].text,
                     k, gx, cx[k], k, gy, cy[k]);
        }
    }
}

static void
test_jet_errors (void)
{
  g_autoptr(GError) error = NULL;
  double p[3] = { 0, 0, 0 };
  double c[102];

  g_assert_false (tangent_jet_eval_text ("sin(x)", p, TANGENT_VARIABLE_X, 101, c, &error));
  g_assert_error (error, TANGENT_JET_ERROR, TANGENT_JET_ERROR_ORDER);
  g_clear_error (&error);
  g_assert_false (tangent_jet2_eval_text ("sin(x)", p, 101, c, &error));
  g_assert_error (error, TANGENT_JET_ERROR, TANGENT_JET_ERROR_ORDER);
  g_clear_error (&error);
  g_assert_false (tangent_jet_eval_text ("sin(", p, TANGENT_VARIABLE_X, 3, c, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Parameters take their values from the document. */
  g_assert_true (tangent_jet_eval_text ("x^2", p, TANGENT_VARIABLE_X, 0, c, &error));
  g_assert_no_error (error);
}

static void
test_jet_timing (void)
{
  const char *e6 = "log(1 + x^2 + y^2)*atan(y/(1 + x^2)) + sqrt(abs(x*y)) + tanh(x - y)";
  g_autoptr(TangentDocument) doc = tangent_document_new ();
  g_autoptr(TangentProgram) prog = NULL;
  g_autoptr(GError) error = NULL;
  double p[3] = { 0.4, -0.7, 0 };
  double c[31];
  g_autofree double *c2 = g_new (double, TANGENT_JET2_SIZE (30));
  const guint reps = 200;
  gint64 t0;

  tangent_document_append_row (doc, e6, strlen (e6));
  tangent_document_resolve (doc);
  prog = tangent_compile (tangent_document_get_row_expr (doc, 0), 0, &error);
  g_assert_no_error (error);

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < reps; i++)
    tangent_jet_eval (prog, NULL, p, TANGENT_VARIABLE_X, 30, c, NULL);
  g_test_message ("E6 order-30 jet along x: %.1f us",
                  (double) (g_get_monotonic_time () - t0) / reps);

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < reps / 10; i++)
    tangent_jet2_eval (prog, NULL, p, 30, c2, NULL);
  g_test_message ("E6 2-D jet to total degree 30: %.1f us",
                  (double) (g_get_monotonic_time () - t0) / (reps / 10));
  g_assert_true (isfinite (c[30]));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/jet/sample-1d", test_jet_sample_1d);
  g_test_add_func ("/core/jet/sample-2d", test_jet_sample_2d);
  g_test_add_func ("/core/jet/tables", test_jet_tables);
  g_test_add_func ("/core/jet/order100", test_jet_order100);
  g_test_add_func ("/core/jet/nonsmooth", test_jet_nonsmooth);
  g_test_add_func ("/core/jet/derive", test_jet_derive);
  g_test_add_func ("/core/jet/axes", test_jet_axes);
  g_test_add_func ("/core/jet/errors", test_jet_errors);
  g_test_add_func ("/core/jet/timing", test_jet_timing);

  return g_test_run ();
}
