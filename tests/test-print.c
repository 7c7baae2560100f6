/* test-print.c: plain text that re-parses, Pango markup, LaTeX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "tangent-derive.h"
#include "tangent-print.h"
#include "tangent-simplify.h"
#include "test-symbolic.h"

typedef char *(*PrintFunc) (const TangentNode *, const char *const *);

static void
check_prints (PrintFunc   print,
              const char *input,
              const char *want)
{
  g_autoptr(TangentNode) node = sym_parse (input);
  g_autofree char *got = print (node, NULL);

  g_test_message ("%s -> %s", input, got);
  g_assert_cmpstr (got, ==, want);
}

/* Trees as the parser builds them, printed without simplification. */
static const struct {
  const char *input;
  const char *want;
} text_cases[] = {
  { "x^2", "x²" },
  { "x^10", "x¹⁰" },
  { "x^-1", "x^(-1)" },
  { "-x^2", "-x²" },
  { "(-x)^2", "(-x)²" },
  { "-(x + 1)", "-(x + 1)" },
  { "x - (y - z)", "x - (y - z)" },
  { "x + (y + z)", "x + (y + z)" },
  { "2*3", "2*3" },
  { "x*2", "x*2" },
  { "2x", "2x" },
  { "x y", "xy" },
  { "2(x + 1)", "2(x + 1)" },
  { "x(x + 1)", "x(x + 1)" },
  { "(x + 1)(x - 1)", "(x + 1)(x - 1)" },
  { "sin(x)^2", "sin(x)^2" },
  { "sin(x) cos(x)", "sin(x) cos(x)" },
  { "3x^2 sin(x)", "3x² sin(x)" },
  { "pi", "π" },
  { "2 pi x", "2πx" },
  { "e^(2x)", "e^(2x)" },
  { "2e^x", "2e^x" },
  { "2^x", "2^x" },
  { "x^(1/3)", "x^(1/3)" },
  { "x^0.5", "x^0.5" },
  { "(x + 1)^2", "(x + 1)²" },
  { "(x^2)^3", "(x²)³" },
  { "x^y^z", "x^(y^z)" },
  { "a x^2 + b x + c", "a x² + b x + c" },
  { "1/(2x)", "1/(2x)" },
  { "x/y/z", "x/(yz)" },
  { "x/y z", "x/y z" },
  { "abs(x) + atan2(y, x)", "abs(x) + atan2(y, x)" },
  { "20x", "20x" },
  { "1e-7 x", "1e-7 x" },
  { "1e-5 x", "0.00001x" },
  { "1e21", "1e+21" },
  { "0.1 + 0.2", "0.1 + 0.2" },
  { "1234567", "1234567" },
  { "x - 3 + -y", "x - 3 - y" },
};

static void
test_print_text (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    check_prints (tangent_print_text, text_cases[i].input, text_cases[i].want);
}

/* Numbers that are not literals still print as text that re-parses. */
static void
test_print_numbers (void)
{
  static const struct {
    double value;
    const char *want;
  } cases[] = {
    { 20, "20" }, { 300, "300" }, { 1e5, "100000" }, { 0.1 + 0.2, "0.30000000000000004" },
    { 1e-7, "1e-7" }, { 1.5e300, "1.5e+300" }, { -2.5, "-2.5" }, { NAN, "(0/0)" },
    { INFINITY, "(1/0)" }, { -INFINITY, "(-1/0)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TangentNode) n = tangent_node_new_number (cases[i].value);
      g_autofree char *got = tangent_print_text (n, NULL);

      g_assert_cmpstr (got, ==, cases[i].want);
    }

  /* a negative factor after the first needs brackets, x⁻¹ uses ⁻ */
  {
    g_autoptr(TangentNode) p = tangent_node_new_binary_product (
      tangent_node_new_variable (TANGENT_VARIABLE_X), FALSE, tangent_node_new_number (-3));
    g_autoptr(TangentNode) q = tangent_node_new_pow (
      tangent_node_new_variable (TANGENT_VARIABLE_X), tangent_node_new_number (-1));
    g_autofree char *tp = tangent_print_text (p, NULL);
    g_autofree char *tq = tangent_print_text (q, NULL);

    g_assert_cmpstr (tp, ==, "x(-3)");
    g_assert_cmpstr (tq, ==, "x⁻¹");
  }
}

static const struct {
  const char *input;
  const char *want;
} markup_cases[] = {
  { "x^2 + 1", "<i>x</i><sup>2</sup> + 1" },
  { "x - 1", "<i>x</i> \xe2\x88\x92 1" },
  { "-x", "\xe2\x88\x92<i>x</i>" },
  { "sqrt(x)", "\xe2\x88\x9a<i>x</i>" },
  { "sqrt(x + 1)", "\xe2\x88\x9a(<i>x</i> + 1)" },
  { "sin(x)^2", "sin<sup>2</sup>(<i>x</i>)" },
  { "abs(x)", "|<i>x</i>|" },
  { "e^(2x)", "<i>e</i><sup>2<i>x</i></sup>" },
  { "pi", "\xcf\x80" },
  { "1e-7", "1\xc3\x97" "10<sup>\xe2\x88\x92" "7</sup>" },
  { "k_2 x", "<i>k</i><sub>2</sub> <i>x</i>" },
};

static const struct {
  const char *input;
  const char *want;
} latex_cases[] = {
  { "sqrt(x)", "\\sqrt{x}" },
  { "1/x", "\\frac{1}{x}" },
  { "(x + 1)/(x - 1)", "\\frac{x + 1}{x - 1}" },
  { "2*3", "2 \\cdot 3" },
  { "abs(x)", "\\left|x\\right|" },
  { "floor(x)", "\\left\\lfloor x \\right\\rfloor" },
  { "log10(x)", "\\log_{10}\\left(x\\right)" },
  { "sin(x)^2", "\\sin^{2}\\left(x\\right)" },
  { "e^(2x)", "e^{2x}" },
  { "pi x", "\\pi x" },
  { "x^(1/3)", "x^{\\frac{1}{3}}" },
  { "λ x", "\\lambda x" },
  { "k_2", "k_{2}" },
  { "1e-7", "1 \\times 10^{-7}" },
  { "cbrt(x)", "\\sqrt[3]{x}" },
  { "-x^2", "-x^{2}" },
  { "x - (y - z)", "x - \\left(y - z\\right)" },
  { "asin(x) + sign(x)", "\\arcsin\\left(x\\right) + \\operatorname{sign}\\left(x\\right)" },
};

static void
test_print_markup (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (markup_cases); i++)
    check_prints (tangent_print_markup, markup_cases[i].input, markup_cases[i].want);

  /* names reach a GtkLabel: every markup character is escaped */
  {
    g_autoptr(TangentNode) p = tangent_node_new_parameter ("a<b&c>", -1);
    g_autoptr(TangentNode) v = tangent_node_new_variable (TANGENT_VARIABLE_X);
    static const char *const names[] = { "<t>", NULL };
    g_autofree char *mp = tangent_print_markup (p, NULL);
    g_autofree char *mv = tangent_print_markup (v, names);

    g_assert_cmpstr (mp, ==, "<i>a</i><sub>&lt;b&amp;c&gt;</sub>");
    g_assert_cmpstr (mv, ==, "<i>&lt;</i><sub>t&gt;</sub>");
  }
}

static void
test_print_latex (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (latex_cases); i++)
    check_prints (tangent_print_latex, latex_cases[i].input, latex_cases[i].want);

  {
    g_autoptr(TangentNode) f = sym_parse ("x^3 sin(x)");
    g_autoptr(TangentNode) d = tangent_derive (f, TANGENT_VARIABLE_X, NULL);
    g_autofree char *tex = tangent_print_latex (d, NULL);
    g_autofree char *markup = tangent_print_markup (d, NULL);

    g_assert_cmpstr (tex, ==, "3x^{2} \\sin\\left(x\\right) + x^{3} \\cos\\left(x\\right)");
    g_assert_cmpstr (markup, ==,
                     "3<i>x</i><sup>2</sup> sin(<i>x</i>) + <i>x</i><sup>3</sup> cos(<i>x</i>)");
  }
}

static void
check_round_trip (const TangentNode *node,
                  const char        *origin)
{
  static const double xs[] = { -2.3, -1, -0.4, 0, 0.3, 0.7, 1.6, 2.9 };
  g_autofree char *text = tangent_print_text (node, NULL);
  g_autoptr(TangentNode) again = sym_parse (text);

  for (guint k = 0; k < G_N_ELEMENTS (xs); k++)
    {
      double v[3] = { xs[k], -0.6, 1.3 };
      double a = sym_eval (node, v), b = sym_eval (again, v);

      if (!sym_close (a, b, 1e-12))
        g_error ("%s: \"%s\" re-parses to a different value at x = %g: %.17g vs %.17g",
                 origin, text, xs[k], a, b);
    }
}

/* Plain text re-parses (tangent_parse_expression) to an expression that
 * evaluates like the printed tree: raw trees, simplified trees and
 * derivatives. */
static const char *const round_trip_formulas[] = {
  "x^3 sin(x)", "-x^2 + (-x)^2 - -x", "2^-x + x^(1/3) + (-8)^(2/3) x", "x/y/z + x/y z",
  "a x^2 + b x + c", "e^x e + pi x^pi", "sin(x)^2 cos(x)^-1", "1/(2x) - 3x/4",
  "abs(x - 1) floor(x) + min(x, y) max(y, z)", "atan2(y, x) + log10(x^2 + 1) log2(y^2 + 2)",
  "(x + 1)^2 (x - 1)^-3", "1e-5 x + 2.5e-300 + 123456789012 y", "x - (y - (z - x))",
  "sqrt(x^2 + y^2)/cbrt(x - y)", "0.1 + 0.2 + x", "x^0.5 y^-0.25", "2*3^x*4^y",
  "exp(-x^2/2)/sqrt(2pi)", "tan(x)/sec(x) + csc(x) cot(x)", "sinh(x) cosh(y) tanh(z)",
};

static void
test_print_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (round_trip_formulas); i++)
    {
      g_autoptr(TangentNode) node = sym_parse (round_trip_formulas[i]);
      g_autoptr(TangentNode) simple = tangent_simplify (node);
      g_autoptr(GError) error = NULL;
      g_autoptr(TangentNode) dx = tangent_derive (node, TANGENT_VARIABLE_X, &error);
      g_autoptr(TangentNode) d2 = tangent_derive_n (node, TANGENT_VARIABLE_X, 2, &error);

      g_assert_no_error (error);
      check_round_trip (node, round_trip_formulas[i]);
      check_round_trip (simple, round_trip_formulas[i]);
      check_round_trip (dx, round_trip_formulas[i]);
      check_round_trip (d2, round_trip_formulas[i]);
    }
}

/* 20 000 terms print by iteration, the same way every time; a tree 1000
 * levels deep prints too. */
static void
test_print_long (void)
{
  enum { N = 20000, DEPTH = 1000 };
  g_autofree TangentNode **terms = g_new (TangentNode *, N);
  g_autoptr(TangentNode) sum = NULL, deep = NULL;
  g_autofree char *t1 = NULL, *t2 = NULL, *m = NULL, *l = NULL, *td = NULL;

  for (guint i = 0; i < N; i++)
    terms[i] = tangent_node_new_pow (tangent_node_new_variable (TANGENT_VARIABLE_X),
                                     tangent_node_new_number (i + 1));
  sum = tangent_node_new_sum (N, terms, NULL);
  t1 = tangent_print_text (sum, NULL);
  t2 = tangent_print_text (sum, NULL);
  m = tangent_print_markup (sum, NULL);
  l = tangent_print_latex (sum, NULL);
  g_assert_cmpstr (t1, ==, t2);
  g_assert_true (g_str_has_prefix (t1, "x¹ + x² + x³ + x⁴"));
  g_assert_true (g_str_has_suffix (t1, " + x²⁰⁰⁰⁰"));
  g_assert_true (g_str_has_suffix (l, " + x^{20000}"));
  g_assert_true (g_utf8_validate (m, -1, NULL));

  deep = tangent_node_new_variable (TANGENT_VARIABLE_X);
  for (guint i = 0; i < DEPTH; i++)
    deep = tangent_node_new_call1 (TANGENT_BUILTIN_SIN, deep);
  td = tangent_print_text (deep, NULL);
  g_assert_cmpuint (strlen (td), ==, DEPTH * 5 + 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/print/text", test_print_text);
  g_test_add_func ("/core/print/numbers", test_print_numbers);
  g_test_add_func ("/core/print/markup", test_print_markup);
  g_test_add_func ("/core/print/latex", test_print_latex);
  g_test_add_func ("/core/print/round-trip", test_print_round_trip);
  g_test_add_func ("/core/print/long", test_print_long);

  return g_test_run ();
}
