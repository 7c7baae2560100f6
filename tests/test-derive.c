/* test-derive.c: symbolic derivatives, their domains and high orders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "tangent-derive.h"
#include "tangent-print.h"
#include "tangent-simplify.h"
#include "test-symbolic.h"

static TangentNode *
derive_text (const char      *text,
             TangentVariable  wrt,
             guint            order)
{
  g_autoptr(TangentNode) node = sym_parse (text);
  g_autoptr(GError) error = NULL;
  TangentNode *d = tangent_derive_n (node, wrt, order, &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

/* Written by hand: the textbook rule, then the simplifier's layout
 * (coefficient, parameters, variables, exponentials, sums, calls;
 * numerators before denominators; terms in order of appearance). */
static const struct {
  const char *input;
  const char *want;
} text_cases[] = {
  { "x^3 sin(x)", "3x² sin(x) + x³ cos(x)" },
  { "x^2 + 3x + 1", "2x + 3" },
  { "ln(x)", "1/x" },
  { "e^x", "e^x" },
  { "exp(x)", "exp(x)" },
  { "sin(x)", "cos(x)" },
  { "cos(x)", "-sin(x)" },
  { "sin(x) cos(x)", "cos(x)^2 - sin(x)^2" },
  { "x exp(-x)", "exp(-x) - x exp(-x)" },
  { "1/(1 - x)", "1/(1 - x)²" },
  { "1/x", "-1/x²" },
  { "x/(x + 1)", "1/(x + 1) - x/(x + 1)²" },
  { "sqrt(x)", "1/(2 sqrt(x))" },
  { "x^(1/3)", "1/(3x^(2/3))" },
  { "x^1.5", "1.5x^0.5" },
  { "4/x^4", "-16/x⁵" },
  { "tan(x)", "sec(x)^2" },
  { "sin(x^2)", "2x cos(x²)" },
  { "(x^2 + 1)^3", "6x(x² + 1)²" },
  { "x^x", "x^x (ln(x) + 1)" },
  { "2^x", "2^x ln(2)" },
  { "abs(x)", "x/abs(x)" },
  { "atan(x)", "1/(x² + 1)" },
  { "asin(x)", "1/sqrt(1 - x²)" },
  { "log2(x)", "1/(x ln(2))" },
  { "cbrt(x)", "1/(3 cbrt(x)^2)" },
  { "a x^2 + b x + c", "2a x + b" },
  { "floor(x)", "0/(x - floor(x))" },
  { "x/x", "0/x" },
  { "3", "0" },
  { "y^2", "0" },
  { "pi x", "π" },
};

static void
test_derive_text (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      g_autoptr(TangentNode) d = derive_text (text_cases[i].input, TANGENT_VARIABLE_X, 1);
      g_autofree char *got = tangent_print_text (d, NULL);

      g_test_message ("d/dx %s = %s", text_cases[i].input, got);
      g_assert_cmpstr (got, ==, text_cases[i].want);
    }
}

/* Every builtin, through the chain rule, against a Richardson-extrapolated
 * central difference of the formula itself. */
static const char *const numeric_formulas[] = {
  "abs(2x - 1)", "sign(x) + x", "floor(3x) + x", "ceil(x/2) + x", "round(2x) + x^2",
  "sqrt(x^2 + 1)", "cbrt(x^3 + 2)", "exp(0.5x)", "ln(x^2 + 1)", "log10(x + 3)",
  "log2(x^2 + 0.5)", "sin(2x)", "cos(x^2)", "tan(x/2)", "sec(x)", "csc(x + 2)",
  "cot(x + 2)", "asin(x/3)", "acos(x/3)", "atan(x^2)", "atan2(x, 2)", "atan2(1, x)",
  "atan2(x^2, x + 3)", "sinh(x)", "cosh(x/2)", "tanh(x)", "min(x, 1 - x)", "max(x^2, 2x)",
  "x^x", "x^(1/3)", "(x^2)^(1/3)", "x^(-2/3)", "2^x", "x^2.5", "x^-3", "e^(x^2)", "pi x",
  "a x^2 + b x", "x/(1 + x^2)", "(x^2 + 1)^a", "x^3 sin(x)/(2 + cos(x))", "sqrt(x) ln(x)",
};

static void
test_derive_numeric (void)
{
  static const double xs[] = { -2.3, -1.2, -0.4, 0.3, 0.7, 1.6, 2.9 };

  for (guint i = 0; i < G_N_ELEMENTS (numeric_formulas); i++)
    {
      g_autoptr(TangentNode) f = sym_parse (numeric_formulas[i]);
      g_autoptr(TangentNode) d = derive_text (numeric_formulas[i], TANGENT_VARIABLE_X, 1);
      guint checked = 0;

      for (guint k = 0; k < G_N_ELEMENTS (xs); k++)
        {
          double at[3] = { xs[k], 0, 0 };
          double fx = sym_eval (f, at);
          double want, got;

          if (!isfinite (fx))
            continue;
          want = sym_numeric_derivative (f, at, 0, 1e-3);
          got = sym_eval (d, at);
          if (!isfinite (want))
            continue;
          if (!sym_close (got, want, 1e-6))
            g_error ("d/dx %s at %g: symbolic %.17g, numeric %.17g",
                     numeric_formulas[i], xs[k], got, want);
          checked++;
        }
      g_assert_cmpuint (checked, >=, 3);
    }
}

/* LANGUAGE.md, Values: NaN where not differentiable, ±inf where the slope
 * is infinite, the slope elsewhere. */
static const struct {
  const char *input;
  double x;
  double want;
} domain_cases[] = {
  { "abs(x)", 0, NAN },
  { "abs(x)", -2, -1 },
  { "sqrt(x)", 0, INFINITY },
  { "cbrt(x)", 0, INFINITY },
  { "x^(1/3)", 0, INFINITY },
  { "x^(1/3)", -8, 1.0 / 12 },
  { "floor(x)", 1, NAN },
  { "floor(x)", 0.5, 0 },
  { "floor(x)", -2, NAN },
  { "ceil(x)", 2, NAN },
  { "ceil(x)", 2.5, 0 },
  { "round(x)", 0.5, NAN },
  { "round(x)", -1.5, NAN },
  { "round(x)", 0.3, 0 },
  { "round(x)", 1, 0 },
  { "sign(x)", 0, NAN },
  { "sign(x)", 1, 0 },
  { "asin(x)", 1, INFINITY },
  { "acos(x)", 1, -INFINITY },
  { "asin(x)", 2, NAN },
  { "min(x, 0)", 0, NAN },
  { "min(x, 0)", -1, 1 },
  { "min(x, 0)", 1, 0 },
  { "max(x, 2x)", 0, NAN },
  { "max(x, 2x)", 1, 2 },
  { "max(x, 2x)", -1, 1 },
  /* A tie is NaN even where the slopes agree (max(sin x, x) at 0 has
   * slope 1): the symbolic rule matches the VM's AD, and stays linear in
   * the nesting of min and max. */
  { "max(sin(x), x)", 0, NAN },
  { "x/x", 0, NAN },
  { "x/x", 3, 0 },
  { "0 ln(x)", -1, NAN },
  { "x^0", 0, 0 },
  { "floor(x)^2", 1.5, 0 },
  { "floor(x)^2", 2, NAN },
};

static void
test_derive_domain (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (domain_cases); i++)
    {
      g_autoptr(TangentNode) d = derive_text (domain_cases[i].input, TANGENT_VARIABLE_X, 1);
      double got = sym_eval_x (d, domain_cases[i].x), want = domain_cases[i].want;

      g_test_message ("d/dx %s at %g = %g", domain_cases[i].input, domain_cases[i].x, got);
      if (isnan (want))
        g_assert_true (isnan (got));
      else if (isinf (want))
        g_assert_cmpfloat (got, ==, want);
      else
        g_assert_cmpfloat_with_epsilon (got, want, 1e-12);
    }
}

static void
test_derive_sin_100 (void)
{
  g_autoptr(TangentNode) sin_x = sym_parse ("sin(x)");

  for (guint order = 0; order <= 8; order++)
    {
      static const char *const cycle[] = { "sin(x)", "cos(x)", "-sin(x)", "-cos(x)" };
      g_autoptr(TangentNode) d = derive_text ("sin(x)", TANGENT_VARIABLE_X, order);
      g_autofree char *text = tangent_print_text (d, NULL);

      g_assert_cmpstr (text, ==, cycle[order % 4]);
    }

  {
    g_autoptr(TangentNode) d = derive_text ("sin(x)", TANGENT_VARIABLE_X, 100);

    g_assert_true (tangent_node_equal (d, sin_x));
  }
}

static void
test_derive_exp_100 (void)
{
  g_autoptr(TangentNode) d = derive_text ("exp(2x)", TANGENT_VARIABLE_X, 100);
  g_autoptr(TangentNode) e = sym_parse ("exp(2x)");
  g_autoptr(TangentNode) exp_2x = tangent_simplify (e);

  /* 2^100 exp(2x): the coefficient doubles exactly at each step */
  g_assert_cmpint (d->kind, ==, TANGENT_NODE_PRODUCT);
  g_assert_cmpuint (d->product.n, ==, 2);
  g_assert_true (tangent_node_is_number (d->product.factors[0], ldexp (1, 100)));
  g_assert_true (tangent_node_equal (d->product.factors[1], exp_2x));
}

static void
test_derive_polynomial_orders (void)
{
  static const guint orders[] = { 4, 5, 17, 100 };

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autoptr(TangentNode) d = derive_text ("x^3", TANGENT_VARIABLE_X, orders[i]);

      g_assert_true (tangent_node_is_number (d, 0));
    }

  {
    g_autoptr(TangentNode) d3 = derive_text ("x^3", TANGENT_VARIABLE_X, 3);
    g_autoptr(TangentNode) d100 = derive_text ("x^100", TANGENT_VARIABLE_X, 100);

    g_assert_true (tangent_node_is_number (d3, 6));
    /* 100! = 9.33262154439441526816992388562667e157 */
    g_assert_cmpint (d100->kind, ==, TANGENT_NODE_NUMBER);
    g_assert_cmpfloat_with_epsilon (d100->number / 9.332621544394415e157, 1, 1e-12);
  }
}

/* Order 30 without blow-up: each step collects like terms, so sizes stay
 * polynomial in the order. Values against closed forms: Leibniz for
 * x² sin(x), the tangent number T₂₉ for tan (OEIS A000182). */
static void
test_derive_order_30 (void)
{
  {
    g_autoptr(TangentNode) d = derive_text ("x^2 sin(x)", TANGENT_VARIABLE_X, 30);

    /* x² sin⁽³⁰⁾ + 60x sin⁽²⁹⁾ + 870 sin⁽²⁸⁾ = −x² sin + 60x cos + 870 sin */
    for (double x = -2; x <= 2; x += 0.5)
      {
        double want = -x * x * sin (x) + 60 * x * cos (x) + 870 * sin (x);

        g_assert_cmpfloat_with_epsilon (sym_eval_x (d, x), want, 1e-9 * MAX (1, fabs (want)));
      }
    g_assert_cmpuint (tangent_node_count (d), <, 40);
  }

  {
    g_autoptr(TangentNode) d = derive_text ("tan(x)", TANGENT_VARIABLE_X, 29);

    g_assert_cmpfloat_with_epsilon (sym_eval_x (d, 0) / 23119184187809597841473536.0, 1, 1e-9);
    g_assert_cmpuint (tangent_node_count (d), <, 1000);
  }

  {
    g_autoptr(TangentNode) d = derive_text ("x^2 sin(x) exp(x) + ln(x)/x + exp(-x^2)",
                                            TANGENT_VARIABLE_X, 30);

    g_assert_cmpuint (tangent_node_count (d), <, 2000);
  }
}

static void
test_derive_errors (void)
{
  g_autoptr(TangentNode) x = sym_parse ("x");
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentNode) d = tangent_derive_n (x, TANGENT_VARIABLE_X, 101, &error);

  g_assert_null (d);
  g_assert_error (error, TANGENT_DERIVE_ERROR, TANGENT_DERIVE_ERROR_ORDER);
  g_clear_error (&error);

  /* A product of 2000 different factors: its derivative would have 2000
   * terms of 2000 factors; refused at once, not built. */
  {
    enum { N = 2000 };
    g_autofree TangentNode **factors = g_new (TangentNode *, N);
    g_autoptr(TangentNode) product = NULL;
    g_autoptr(TangentNode) dp = NULL;

    for (guint i = 0; i < N; i++)
      factors[i] = tangent_node_new_call1 (TANGENT_BUILTIN_SIN,
                                           tangent_node_new_binary_sum (
                                             tangent_node_new_variable (TANGENT_VARIABLE_X),
                                             FALSE, tangent_node_new_number (i + 1)));
    product = tangent_node_new_product (N, factors, NULL);
    dp = tangent_derive (product, TANGENT_VARIABLE_X, &error);
    g_assert_null (dp);
    g_assert_error (error, TANGENT_DERIVE_ERROR, TANGENT_DERIVE_ERROR_TOO_LARGE);
  }
}

static void
test_derive_order_zero (void)
{
  g_autoptr(TangentNode) d = derive_text ("x + x", TANGENT_VARIABLE_X, 0);
  g_autofree char *text = tangent_print_text (d, NULL);

  g_assert_cmpstr (text, ==, "2x");
}

static void
test_derive_gradient_hessian (void)
{
  g_autoptr(TangentNode) f = sym_parse ("x^2 y + sin(y)");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) grad = tangent_derive_gradient (f, 2, &error);
  g_autoptr(GPtrArray) hess = NULL;
  static const char *const want_grad[] = { "2xy", "x² + cos(y)" };
  static const char *const want_hess[] = { "2y", "2x", "2x", "-sin(y)" };

  g_assert_no_error (error);
  g_assert_cmpuint (grad->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *text = tangent_print_text (g_ptr_array_index (grad, i), NULL);

      g_assert_cmpstr (text, ==, want_grad[i]);
    }

  hess = tangent_derive_hessian (f, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hess->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *text = tangent_print_text (g_ptr_array_index (hess, i), NULL);

      g_assert_cmpstr (text, ==, want_hess[i]);
    }

  /* partials of a three-variable formula, numerically */
  {
    g_autoptr(TangentNode) g = sym_parse ("x y + y z^2 + atan2(z, x) + exp(x y z)");
    g_autoptr(GPtrArray) gg = tangent_derive_gradient (g, 3, &error);
    double at[3] = { 0.3, -0.7, 1.1 };

    g_assert_no_error (error);
    for (guint i = 0; i < 3; i++)
      {
        double want = sym_numeric_derivative (g, at, i, 1e-3);

        g_assert_true (sym_close (sym_eval (g_ptr_array_index (gg, i), at), want, 1e-7));
      }
  }
}

static void
test_derive_user_call (void)
{
  TangentNode *arg = tangent_node_new_pow (tangent_node_new_variable (TANGENT_VARIABLE_X),
                                           tangent_node_new_number (2));
  g_autoptr(TangentNode) f = tangent_node_new_user_call ("f", 0, 1, &arg);
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentNode) d = tangent_derive (f, TANGENT_VARIABLE_X, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = tangent_print_text (d, NULL);
  g_assert_cmpstr (text, ==, "2x f'(x²)");
}

/* A 20 000-term chain differentiates term by term. */
static void
test_derive_long_chain (void)
{
  enum { N = 20000 };
  g_autofree TangentNode **terms = g_new (TangentNode *, N);
  g_autoptr(TangentNode) sum = NULL, d = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N; i++)
    terms[i] = tangent_node_new_binary_product (tangent_node_new_number (i + 1), FALSE,
                                                tangent_node_new_call1 (
                                                  TANGENT_BUILTIN_SIN,
                                                  tangent_node_new_binary_product (
                                                    tangent_node_new_number (i + 1), FALSE,
                                                    tangent_node_new_variable (TANGENT_VARIABLE_X))));
  sum = tangent_node_new_sum (N, terms, NULL);
  d = tangent_derive (sum, TANGENT_VARIABLE_X, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d->kind, ==, TANGENT_NODE_SUM);
  g_assert_cmpuint (d->sum.n, ==, N);
  /* Σ k² cos(kx) at 0 = N(N+1)(2N+1)/6 */
  g_assert_cmpfloat_with_epsilon (sym_eval_x (d, 0) / (N * (N + 1.0) * (2 * N + 1.0) / 6), 1, 1e-12);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/derive/text", test_derive_text);
  g_test_add_func ("/core/derive/numeric", test_derive_numeric);
  g_test_add_func ("/core/derive/domain", test_derive_domain);
  g_test_add_func ("/core/derive/sin-100", test_derive_sin_100);
  g_test_add_func ("/core/derive/exp-100", test_derive_exp_100);
  g_test_add_func ("/core/derive/polynomial-orders", test_derive_polynomial_orders);
  g_test_add_func ("/core/derive/order-30", test_derive_order_30);
  g_test_add_func ("/core/derive/errors", test_derive_errors);
  g_test_add_func ("/core/derive/order-zero", test_derive_order_zero);
  g_test_add_func ("/core/derive/gradient-hessian", test_derive_gradient_hessian);
  g_test_add_func ("/core/derive/user-call", test_derive_user_call);
  g_test_add_func ("/core/derive/long-chain", test_derive_long_chain);

  return g_test_run ();
}
