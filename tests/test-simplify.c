/* test-simplify.c: simplification keeps domains and folds bit-identically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "tangent-print.h"
#include "tangent-simplify.h"
#include "test-symbolic.h"

static char *
simplified_text (const char *text)
{
  g_autoptr(TangentNode) node = sym_parse (text);
  g_autoptr(TangentNode) simple = tangent_simplify (node);

  return tangent_print_text (simple, NULL);
}

/* Expectations written by hand from the rules in tangent-simplify.c. */
static const struct {
  const char *input;
  const char *want;
} text_cases[] = {
  /* like terms, and the order a student writes */
  { "x + x", "2x" },
  { "2x + 3x", "5x" },
  { "x + 1 + 2", "x + 3" },
  { "3 + x", "x + 3" },
  { "1 - x", "1 - x" },
  { "x - (y - z)", "x - y + z" },
  { "sin(x) cos(x) + cos(x) sin(x)", "2 sin(x) cos(x)" },
  { "x + 0", "x" },
  { "1x", "x" },
  { "2x*3", "6x" },
  { "x*y*x", "x²y" },
  { "sin(x) x", "x sin(x)" },
  { "x*a*2", "2a x" },
  /* coefficients: exact sums only; integer fractions stay fractions */
  { "0.1x + 0.2x", "0.1x + 0.2x" },
  { "x + 0.1 + 0.2", "x + 0.1 + 0.2" },
  { "x/2", "x/2" },
  { "6x/4", "3x/2" },
  { "x + 1/3 + 1/5", "x + 8/15" },
  /* powers */
  { "x x^2", "x³" },
  { "x^2 x^3", "x⁵" },
  { "x^(1/3) x^(2/3)", "x" },
  { "(x^2)^3", "x⁶" },
  { "(2x)^3", "8x³" },
  { "(-x)^2", "x²" },
  { "-(-x)", "x" },
  { "x^(2/6)", "x^(1/3)" },
  { "x^0", "1" },
  { "x^1", "x" },
  { "1^x", "1" },
  { "x/x^2", "1/x" },
  { "x^3/x^8", "1/x⁵" },
  { "exp(x)/exp(x)", "1" },
  { "pi/pi", "1" },
  /* the domain is kept */
  { "x/x", "x/x" },
  { "x^2/x", "x²/x" },
  { "sqrt(x)^2", "sqrt(x)^2" },
  { "x^0.5 x^0.5", "x^0.5 x^0.5" },
  { "(x^-1)^-1", "(x⁻¹)⁻¹" },
  { "0 sin(x)", "0" },
  { "0 ln(x)", "0 ln(x)" },
  { "x - x", "0" },
  { "ln(x) - ln(x)", "0 ln(x)" },
  { "0/x", "0/x" },
  /* folding, with the display rules */
  { "2^10", "1024" },
  { "sqrt(4)", "2" },
  { "sqrt(2)", "sqrt(2)" },
  { "2/3", "2/3" },
  { "4/6", "2/3" },
  { "6/4", "1.5" },
  { "(-8)^(1/3)", "-2" },
  { "ln(1) + cos(0)", "1" },
  { "1/0", "1/0" },
  { "0/0", "0/0" },
  { "0*(-1)", "0(-1)" },
  { "sqrt(-1)", "sqrt(-1)" },
};

static void
test_simplify_text (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      g_autofree char *got = simplified_text (text_cases[i].input);

      g_test_message ("%s -> %s", text_cases[i].input, got);
      g_assert_cmpstr (got, ==, text_cases[i].want);
    }
}

/* Points where the simplified tree must still be undefined (LANGUAGE.md,
 * Values; formula-cases C10), and points where it must be defined. */
static const struct {
  const char *input;
  double x;
  double want;   /* NaN: must be NaN */
} domain_cases[] = {
  { "x/x", 0, NAN },
  { "x/x", 2, 1 },
  { "0 ln(x)", -1, NAN },
  { "0 ln(x)", 0, NAN },
  { "0 ln(x)", 3, 0 },
  { "sqrt(x)^2", -1, NAN },
  { "sqrt(x^2)", -1, 1 },
  { "ln(x) - ln(x)", -1, NAN },
  { "ln(x) - ln(x)", 2, 0 },
  { "x^0.5 x^0.5", -1, NAN },
  { "x^2/x", 0, NAN },
  { "x^1.5/x", 0, NAN },
  { "x^0.5 x^-0.5", 0, NAN },
  { "0/x", 0, NAN },
  { "0/(x - floor(x))", 3, NAN },
  { "0/(x - floor(x))", 3.5, 0 },
  { "x^(1/3) x^(2/3)", -8, -8 },
  { "x^(2/3)", -8, 4 },
};

static void
test_simplify_domain (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (domain_cases); i++)
    {
      g_autoptr(TangentNode) node = sym_parse (domain_cases[i].input);
      g_autoptr(TangentNode) simple = tangent_simplify (node);
      double got = sym_eval_x (simple, domain_cases[i].x);

      g_test_message ("%s at %g", domain_cases[i].input, domain_cases[i].x);
      if (isnan (domain_cases[i].want))
        g_assert_true (isnan (got));
      else
        g_assert_cmpfloat_with_epsilon (got, domain_cases[i].want, 1e-12);
    }
}

/* Simplification keeps the value (to rounding) and the NaN-ness of every
 * formula at every sample point. */
static const char *const value_formulas[] = {
  "x^3 sin(x) + 2x^3 sin(x) - x",
  "(x + 1)^2 (x + 1)^-1 (x + 1)",
  "x/x + ln(x) - ln(x) + sqrt(x)^2",
  "exp(2x) exp(-x) / exp(x)",
  "(2x)^3 / (4x^2)",
  "1/(1 - x) + 3/(1 - x) - x^(1/3) x^(-1/3)",
  "abs(-x) + abs(abs(x)) - 2 abs(x)",
  "min(x, 2) max(x, -1) + atan2(x, 1 - x)",
  "a x^2 + b x + c - (c + b x)",
  "-(x - 2)^3 + (2 - x)^3",
  "tan(x)^2 cos(x)^2 x^0.5 x^0.25",
  "0.1x + 0.2x + 0.3 - 0.1 - 0.2",
};

static void
test_simplify_values (void)
{
  static const double xs[] = { -3, -1, -0.5, 0, 0.25, 0.5, 1, 2.5, 7 };

  for (guint i = 0; i < G_N_ELEMENTS (value_formulas); i++)
    {
      g_autoptr(TangentNode) node = sym_parse (value_formulas[i]);
      g_autoptr(TangentNode) simple = tangent_simplify (node);

      for (guint k = 0; k < G_N_ELEMENTS (xs); k++)
        {
          double a = sym_eval_x (node, xs[k]), b = sym_eval_x (simple, xs[k]);

          if (!sym_close (a, b, 1e-12))
            g_error ("%s at x = %g: %.17g before, %.17g after", value_formulas[i], xs[k], a, b);
        }
    }
}

/* A folded constant is the very double that run-time evaluation of the
 * same operations gives (tangent_math_* and IEEE arithmetic). */
static void
test_simplify_fold_bits (void)
{
  const struct {
    const char *input;
    double want;
  } cases[] = {
    { "0.1 + 0.2", 0.1 + 0.2 },
    { "0.1 + 0.2 + 0.3", (0.1 + 0.2) + 0.3 },
    { "0.3 - 0.1 - 0.2", (0.3 - 0.1) - 0.2 },
    { "1/3 + 1/5", 1.0 / 3.0 + 1.0 / 5.0 },
    { "0.1 * 3", 0.1 * 3 },
    { "1.1^2", tangent_math_pow (1.1, 2) },
    { "2^-3", tangent_math_pow (2, -3) },
    { "10^-3", tangent_math_pow (10, -3) },
    { "(-8)^(1/3)", tangent_math_odd_root_pow (-8, 1, 3) },
    { "(-27)^(2/3)", tangent_math_odd_root_pow (-27, 2, 3) },
    { "sqrt(16)", tangent_math_call (TANGENT_BUILTIN_SQRT, 16, 0) },
    { "floor(2.5) * 0.7", tangent_math_call (TANGENT_BUILTIN_FLOOR, 2.5, 0) * 0.7 },
    { "abs(-2.5)", 2.5 },
    { "round(-2.5)", tangent_math_call (TANGENT_BUILTIN_ROUND, -2.5, 0) },
    { "min(0.1 + 0.2, 0.3)", tangent_math_call (TANGENT_BUILTIN_MIN, 0.1 + 0.2, 0.3) },
    { "-(0.1 + 0.7) * 3", -(0.1 + 0.7) * 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TangentNode) node = sym_parse (cases[i].input);
      g_autoptr(TangentNode) simple = tangent_simplify (node);

      g_test_message ("%s", cases[i].input);
      g_assert_cmpint (simple->kind, ==, TANGENT_NODE_NUMBER);
      g_assert_true (memcmp (&simple->number, &cases[i].want, sizeof (double)) == 0);
      /* and it is what the tree as written evaluates to */
      g_assert_true (simple->number == sym_eval_x (node, 0));
    }
}

/* Lua's constfolding rule: no NaN, no infinity, no negative zero, no
 * division by zero; those stay as written. */
static void
test_simplify_no_fold (void)
{
  static const char *const cases[] = {
    "1/0", "0/0", "0*(-1)", "-0", "sqrt(-1)", "ln(0)", "1e308 * 10", "(-8)^0.3333333333333333",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TangentNode) node = sym_parse (cases[i]);
      g_autoptr(TangentNode) simple = tangent_simplify (node);
      double before = sym_eval_x (node, 0), after = sym_eval_x (simple, 0);

      g_test_message ("%s", cases[i]);
      g_assert_cmpint (simple->kind, !=, TANGENT_NODE_NUMBER);
      g_assert_true (memcmp (&before, &after, sizeof (double)) == 0 || (isnan (before) && isnan (after)));
    }
}

static void
test_simplify_odd_root (void)
{
  g_autoptr(TangentNode) node = sym_parse ("2 x^(1/3) x^(1/3)");
  g_autoptr(TangentNode) simple = tangent_simplify (node);
  const TangentNode *pow;

  /* 2 x^(2/3): the merged exponent is still a real odd root */
  g_assert_cmpint (simple->kind, ==, TANGENT_NODE_PRODUCT);
  pow = simple->product.factors[1];
  g_assert_cmpint (pow->kind, ==, TANGENT_NODE_POW);
  g_assert_true (pow->pow.is_odd_root);
  g_assert_cmpint (pow->pow.p, ==, 2);
  g_assert_cmpint (pow->pow.q, ==, 3);
  g_assert_cmpfloat_with_epsilon (sym_eval_x (simple, -8), 8, 1e-12);
  g_assert_true (isnan (sym_eval_x (simple, 0)) == isnan (sym_eval_x (node, 0)));
}

static void
test_simplify_total (void)
{
  static const struct {
    const char *input;
    gboolean total;
  } cases[] = {
    { "x^2 + sin(x) y", TRUE },
    { "exp(x)/cosh(y)", TRUE },
    { "abs(x) floor(x) cbrt(x) atan2(y, x)", TRUE },
    { "x/x", FALSE },
    { "ln(x)", FALSE },
    { "sqrt(x)", FALSE },
    { "x^0.5", FALSE },
    { "x^(1/3)", TRUE },
    { "x^-1", FALSE },
    { "1/(x - floor(x))", FALSE },
    { "tan(x)", FALSE },
    { "2^x", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TangentNode) node = sym_parse (cases[i].input);
      g_autoptr(TangentNode) simple = tangent_simplify (node);

      g_test_message ("%s", cases[i].input);
      g_assert_cmpint (tangent_node_is_total (simple), ==, cases[i].total);
    }
}

/* Flat chains of 20 000 terms or factors: one pass, no recursion along
 * the chain. */
static void
test_simplify_long_chains (void)
{
  enum { N = 20000 };
  g_autofree TangentNode **items = g_new (TangentNode *, N);
  g_autofree gboolean *flags = g_new0 (gboolean, N);
  g_autoptr(TangentNode) sum = NULL, product = NULL, powers = NULL;
  g_autoptr(TangentNode) s1 = NULL, s2 = NULL, s3 = NULL;

  /* x - x + x - … : 20 000 terms that cancel to 0 */
  for (guint i = 0; i < N; i++)
    {
      items[i] = tangent_node_new_variable (TANGENT_VARIABLE_X);
      flags[i] = i % 2 == 1;
    }
  sum = tangent_node_new_sum (N, items, flags);
  s1 = tangent_simplify (sum);
  g_assert_true (tangent_node_is_number (s1, 0));

  /* x·x·…·x = x^20000 */
  for (guint i = 0; i < N; i++)
    items[i] = tangent_node_new_variable (TANGENT_VARIABLE_X);
  product = tangent_node_new_product (N, items, NULL);
  s2 = tangent_simplify (product);
  g_assert_cmpint (s2->kind, ==, TANGENT_NODE_POW);
  g_assert_true (tangent_node_is_number (s2->pow.exponent, N));

  /* x + x² + … + x^20000 stays 20 000 terms */
  for (guint i = 0; i < N; i++)
    {
      items[i] = tangent_node_new_pow (tangent_node_new_variable (TANGENT_VARIABLE_X),
                                       tangent_node_new_number (i + 1));
      flags[i] = FALSE;
    }
  powers = tangent_node_new_sum (N, items, flags);
  s3 = tangent_simplify (powers);
  g_assert_cmpint (s3->kind, ==, TANGENT_NODE_SUM);
  g_assert_cmpuint (s3->sum.n, ==, N);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/simplify/text", test_simplify_text);
  g_test_add_func ("/core/simplify/domain", test_simplify_domain);
  g_test_add_func ("/core/simplify/values", test_simplify_values);
  g_test_add_func ("/core/simplify/fold-bits", test_simplify_fold_bits);
  g_test_add_func ("/core/simplify/no-fold", test_simplify_no_fold);
  g_test_add_func ("/core/simplify/odd-root", test_simplify_odd_root);
  g_test_add_func ("/core/simplify/total", test_simplify_total);
  g_test_add_func ("/core/simplify/long-chains", test_simplify_long_chains);

  return g_test_run ();
}
