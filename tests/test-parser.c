/* test-parser.c: formula rows from text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evaluator is written in parallel with the parser, so these tests
 * check trees with a small evaluator of their own and by comparing with
 * trees built by hand or parsed from an unambiguous spelling.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tangent-parser.h"

/* Context: f(u) = u^2 + 1, g(u, v) = u - v, F and P maps of the plane;
 * parameters a = 2, b = 3, k_2 = 5, α = 0.25, λ = 3, c = 7. */


/* Test messages go to TAP: escape whatever a case holds. */
static void
note (const char *text)
{
  g_autofree char *escaped = g_strescape (text, NULL);

  g_test_message ("%s", escaped);
}

static const struct {
  const char *name;
  guint       arity;
} functions[] = {
  { "f", 1 }, { "g", 2 }, { "F", 2 }, { "P", 2 },
};

static const struct {
  const char *name;
  double      value;
} parameters[] = {
  { "a", 2 }, { "b", 3 }, { "k_2", 5 }, { "α", 0.25 }, { "λ", 3 }, { "c", 7 },
};

static gboolean
lookup_function (const char *name,
                 guint      *arity,
                 gpointer    user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    {
      if (strcmp (functions[i].name, name) == 0)
        {
          *arity = functions[i].arity;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
lookup_parameter (const char *name,
                  gpointer    user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (parameters); i++)
    {
      if (strcmp (parameters[i].name, name) == 0)
        return TRUE;
    }
  return FALSE;
}

static const TangentParseContext context = { lookup_function, NULL, lookup_parameter };

static void
assert_safe_message (const char *message)
{
  g_assert_true (g_utf8_validate (message, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (message, -1), <=, 200);
  for (const char *s = message; *s; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      g_assert_true (c >= 0x20 && c != 0x7f && c != '<' && c != '>' && c != '&');
      g_assert_false (c >= 0x200B && c <= 0x200F);
      g_assert_false (c >= 0x202A && c <= 0x202E);
      g_assert_false (c >= 0x2066 && c <= 0x2069);
      g_assert_false (c == 0xFEFF);
      g_assert_false (g_unichar_ismark (c));
    }
}

/* A tree evaluator for the tests: no user functions but f and g above. */
static double
eval (const TangentNode *node,
      double             x,
      double             y)
{
  double r, u, v;

  switch (node->kind)
    {
    case TANGENT_NODE_NUMBER:
      return node->number;
    case TANGENT_NODE_CONSTANT:
      return node->constant == TANGENT_CONSTANT_PI ? G_PI : G_E;
    case TANGENT_NODE_VARIABLE:
      return node->variable == TANGENT_VARIABLE_X ? x : node->variable == TANGENT_VARIABLE_Y ? y : 0;
    case TANGENT_NODE_PARAMETER:
      for (guint i = 0; i < G_N_ELEMENTS (parameters); i++)
        {
          if (strcmp (parameters[i].name, node->parameter.name) == 0)
            return parameters[i].value;
        }
      g_error ("no parameter %s", node->parameter.name);
      return NAN;
    case TANGENT_NODE_NEG:
      return -eval (node->arg, x, y);
    case TANGENT_NODE_SUM:
      r = eval (node->sum.terms[0], x, y);
      for (guint i = 1; i < node->sum.n; i++)
        r = node->sum.negate[i] ? r - eval (node->sum.terms[i], x, y)
                                : r + eval (node->sum.terms[i], x, y);
      return r;
    case TANGENT_NODE_PRODUCT:
      r = eval (node->product.factors[0], x, y);
      for (guint i = 1; i < node->product.n; i++)
        r = node->product.divide[i] ? r / eval (node->product.factors[i], x, y)
                                    : r * eval (node->product.factors[i], x, y);
      return r;
    case TANGENT_NODE_POW:
      u = eval (node->pow.base, x, y);
      v = eval (node->pow.exponent, x, y);
      if (node->pow.is_odd_root && u < 0)
        {
          r = pow (-u, (double) node->pow.p / (double) node->pow.q);
          return node->pow.p % 2 != 0 ? -r : r;
        }
      return pow (u, v);
    case TANGENT_NODE_CALL:
      u = eval (node->call.args[0], x, y);
      v = node->call.n > 1 ? eval (node->call.args[1], x, y) : 0;
      switch (node->call.fn)
        {
        case TANGENT_BUILTIN_ABS: return fabs (u);
        case TANGENT_BUILTIN_SIGN: return u > 0 ? 1 : u < 0 ? -1 : u;
        case TANGENT_BUILTIN_FLOOR: return floor (u);
        case TANGENT_BUILTIN_CEIL: return ceil (u);
        case TANGENT_BUILTIN_ROUND: return round (u);
        case TANGENT_BUILTIN_SQRT: return sqrt (u);
        case TANGENT_BUILTIN_CBRT: return cbrt (u);
        case TANGENT_BUILTIN_EXP: return exp (u);
        case TANGENT_BUILTIN_LN: return log (u);
        case TANGENT_BUILTIN_LOG10: return log10 (u);
        case TANGENT_BUILTIN_LOG2: return log2 (u);
        case TANGENT_BUILTIN_SIN: return sin (u);
        case TANGENT_BUILTIN_COS: return cos (u);
        case TANGENT_BUILTIN_TAN: return tan (u);
        case TANGENT_BUILTIN_SEC: return 1 / cos (u);
        case TANGENT_BUILTIN_CSC: return 1 / sin (u);
        case TANGENT_BUILTIN_COT: return cos (u) / sin (u);
        case TANGENT_BUILTIN_ASIN: return asin (u);
        case TANGENT_BUILTIN_ACOS: return acos (u);
        case TANGENT_BUILTIN_ATAN: return atan (u);
        case TANGENT_BUILTIN_ATAN2: return atan2 (u, v);
        case TANGENT_BUILTIN_SINH: return sinh (u);
        case TANGENT_BUILTIN_COSH: return cosh (u);
        case TANGENT_BUILTIN_TANH: return tanh (u);
        case TANGENT_BUILTIN_MIN: return isnan (u) || isnan (v) ? NAN : fmin (u, v);
        case TANGENT_BUILTIN_MAX: return isnan (u) || isnan (v) ? NAN : fmax (u, v);
        case TANGENT_N_BUILTINS:
        default:
          g_assert_not_reached ();
        }
    case TANGENT_NODE_USER_CALL:
      u = eval (node->user.args[0], x, y);
      if (strcmp (node->user.name, "f") == 0)
        return node->user.order == 0 ? u * u + 1 : node->user.order == 1 ? 2 * u
               : node->user.order == 2 ? 2 : 0;
      g_assert_cmpstr (node->user.name, ==, "g");
      return u - eval (node->user.args[1], x, y);
    case TANGENT_NODE_TUPLE:
    default:
      g_assert_not_reached ();
    }
  return NAN;
}

static TangentNode *
parse (const char                *text,
       const TangentParseContext *ctx)
{
  g_autoptr(GError) error = NULL;
  TangentNode *node = tangent_parse_expression (text, strlen (text), ctx, NULL, NULL, &error);

  if (error != NULL)
    {
      note (text);
      note (error->message);
    }
  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* Precedence, implicit multiplication, names, functions, Unicode: by value
 * at x = 0.5, y = -1.25. */
static const struct {
  const char *text;
  double      want;
} value_cases[] = {
  /* precedence */
  { "2^3^2", 512 },
  { "x^2^3", 0.00390625 },
  { "-x^2", -0.25 },
  { "-2^2", -4 },
  { "(-2)^2", 4 },
  { "2^-1", 0.5 },
  { "2^-x", 0.7071067811865476 },
  { "1/2x", 0.25 },
  { "6/2(1+2)", 9 },
  { "8/2/2", 2 },
  { "1-2-3", -4 },
  { "1-(2-3)", 2 },
  { "+-+-x", 0.5 },
  { "--x", 0.5 },
  { "2*-x", -1 },
  { "2^3x", 4 },
  { "e^x^2", 1.2840254166877414 },
  { "2x^2", 0.5 },
  { "x^2y", -0.3125 },
  /* implicit multiplication */
  { "2x", 1 },
  { "2 x", 1 },
  { "2(x+1)", 3 },
  { "(x+1)(x-1)", -0.75 },
  { "x(2)", 1 },
  { "xy", -0.625 },
  { "x y", -0.625 },
  { "2pi", 2 * G_PI },
  { "2|x|", 1 },
  { "2√4", 4 },
  { "|x||y|", 0.625 },
  { "||x|-1|", 0.5 },
  { "a(x+1)", 3 },
  /* numbers and e */
  { "2e", 2 * G_E },
  { "2e-x", 2 * G_E - 0.5 },
  { "2e+x", 2 * G_E + 0.5 },
  { "1e-3", 1e-3 },
  { "2E+5", 2e5 },
  { ".5", 0.5 },
  { "5.", 5 },
  { "5.x", 2.5 },
  { "ex", G_E * 0.5 },
  { "2.2250738585072011e-308", 2.2250738585072011e-308 },
  /* names */
  { "sinx", 0.479425538604203 },
  { "pix", G_PI / 2 },
  { "xpi", G_PI / 2 },
  { "alphax", 0.125 },
  { "αx", 0.125 },
  { "lambda", 3 },
  { "ab", 6 },
  { "2ab", 12 },
  { "a b", 6 },
  { "k_2", 5 },
  { "k2", 5 },
  { "ak2", 10 },
  { "asinx", 0.5235987755982989 },
  { "arcsin(x)", 0.5235987755982989 },
  { "arccos x", 1.0471975511965979 },
  { "arctan(1)", G_PI / 4 },
  { "log(e)", 1 },
  { "ln e", 1 },
  { "log10(1000)", 3 },
  { "log2(8)", 3 },
  { "xlog2(8)", 1.5 },
  { "atan2(y,x)", -1.1902899496825317 },
  { "max(x)", 0.5 },
  { "max(1, 5, 3, 2)", 5 },
  { "min(4, 1, 3)", 1 },
  { "sinhx", 0.5210953054937474 },
  { "expx", 1.6487212707001282 },
  { "sign(y)", -1 },
  { "round(-0.5)", -1 },
  /* functions without parentheses */
  { "sin 2x", 0.8414709848078965 },
  { "sin x^2", 0.24740395925452294 },
  { "sin x cos x", 0.42073549240394825 },
  { "sin x * cos x", 0.42073549240394825 },
  { "sin x / cos x", 0.5463024898437905 },
  { "sin x/2", 0.24740395925452294 },
  { "sin 2x + 1", 1.8414709848078965 },
  { "2 sin x", 0.958851077208406 },
  { "sin -x", -0.479425538604203 },
  { "sin sin x", 0.4612695550331807 },
  { "sin^2(x)", 0.22984884706593015 },
  { "sin^2 x", 0.22984884706593015 },
  { "sin²x", 0.22984884706593015 },
  { "sin(x)^2", 0.22984884706593015 },
  { "sin(x)²", 0.22984884706593015 },
  { "sin(x) y", -0.5992819232552537 },
  { "√x√x", 0.5 },
  { "√(x+1)", 1.224744871391589 },
  { "√4x", 1.4142135623730951 },
  { "|sin x|", 0.479425538604203 },
  { "f(2x)", 2 },
  { "f x", 1.25 },
  { "f'(x)", 1 },
  { "f''(x)", 2 },
  { "g(x, y)", 1.75 },
  { "fx", 1.25 },
  /* Unicode */
  { "x\xe2\x88\x92" "1", -0.5 },   /* U+2212 */
  { "x–1", -0.5 },
  { "x‒1", -0.5 },
  { "x—1", -0.5 },
  { "2×x", 1 },
  { "2·x", 1 },
  { "2⋅x", 1 },
  { "2∙x", 1 },
  { "6÷3", 2 },
  { "6∕3", 2 },
  { "π", G_PI },
  { "2π", 2 * G_PI },
  { "√x", 0.7071067811865476 },
  { "√x²", 0.5 },
  { "x²", 0.25 },
  { "x³", 0.125 },
  { "x²y", -0.3125 },
  { "2²³", 8388608 },
  { "x⁻¹", 2 },
  { "x\xc2\xa0+\xc2\xa0" "1", 1.5 },
  { "x\t+\t1", 1.5 },
  { "λx", 1.5 },
  /* negative bases and fractions of integer literals */
  { "(-8)^(1/3)", -2 },
  { "(-8)^(2/3)", 4 },
  { "(-8)^(4/6)", 4 },
  { "(-8)^(-1/3)", -0.5 },
  { "(-8)^-(1/3)", -0.5 },
  /* trailing newline from a paste */
  { "x+1\n", 1.5 },
  { "x+1\r\n", 1.5 },
};

static void
test_parser_values (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (value_cases); i++)
    {
      g_autoptr(TangentNode) node = NULL;
      double got;

      note (value_cases[i].text);
      node = parse (value_cases[i].text, &context);
      got = eval (node, 0.5, -1.25);
      g_assert_cmpfloat_with_epsilon (got, value_cases[i].want,
                                      1e-12 * MAX (1, fabs (value_cases[i].want)));
    }
}

/* Structure: each pair parses to the same tree. */
static const struct {
  const char *text;
  const char *same_as;
} same_cases[] = {
  { "2^3^2", "2^(3^2)" },
  { "-x^2", "-(x^2)" },
  { "-2^2", "-(2^2)" },
  { "2^-x", "2^(-x)" },
  { "sinx", "sin(x)" },
  { "sin 2x", "sin(2x)" },
  { "sin x^2", "sin(x^2)" },
  { "sin x cos x", "sin(x) cos(x)" },
  { "sin^2(x)", "(sin(x))^2" },
  { "sin²x", "sin(x)^2" },
  { "xy", "x*y" },
  { "pix", "pi*x" },
  { "π", "pi" },
  { "alphax", "α*x" },
  { "x²³", "x^23" },
  { "x⁻¹", "x^-1" },
  { "√x", "sqrt(x)" },
  { "√(x+1)", "sqrt(x+1)" },
  { "|x|", "abs(x)" },
  { "log(x)", "ln(x)" },
  { "arcsin x", "asin(x)" },
  { "x−1", "x-1" },
  { "2×x÷3", "2*x/3" },
  { "a1", "a_1" },
  { "a(x+1)", "a*(x+1)" },
  { "2e-x", "2*e-x" },
  { "2e", "2*e" },
  { "x\xc2\xa0y", "x y" },
  { "f x", "f(x)" },
};

static void
test_parser_same (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (same_cases); i++)
    {
      g_autoptr(TangentNode) a = NULL;
      g_autoptr(TangentNode) b = NULL;

      note (same_cases[i].text);
      a = parse (same_cases[i].text, &context);
      b = parse (same_cases[i].same_as, &context);
      g_assert_true (tangent_node_equal (a, b));
    }
}

static TangentNode *
num (double v)
{
  return tangent_node_new_number (v);
}

static TangentNode *
var (TangentVariable v)
{
  return tangent_node_new_variable (v);
}

/* Flat n-ary nodes, with the order of evaluation as written. */
static void
test_parser_flat (void)
{
  g_autoptr(TangentNode) got = NULL;
  g_autoptr(TangentNode) want = NULL;
  TangentNode *terms[4], *factors[4], *inner[2];
  gboolean flags[4] = { FALSE, TRUE, FALSE, TRUE };

  /* 6/2(1+2) is PRODUCT[6, /2, *(1+2)] */
  inner[0] = num (1);
  inner[1] = num (2);
  factors[0] = num (6);
  factors[1] = num (2);
  factors[2] = tangent_node_new_sum (2, inner, NULL);
  want = tangent_node_new_product (3, factors, flags);
  got = parse ("6/2(1+2)", NULL);
  g_assert_true (tangent_node_equal (got, want));
  g_clear_pointer (&want, tangent_node_free);
  g_clear_pointer (&got, tangent_node_free);

  /* 1/2x is PRODUCT[1, /2, *x] */
  factors[0] = num (1);
  factors[1] = num (2);
  factors[2] = var (TANGENT_VARIABLE_X);
  want = tangent_node_new_product (3, factors, flags);
  got = parse ("1/2x", NULL);
  g_assert_true (tangent_node_equal (got, want));
  g_clear_pointer (&want, tangent_node_free);
  g_clear_pointer (&got, tangent_node_free);

  /* x - 1 + y - 2 is SUM[x, -1, +y, -2] */
  terms[0] = var (TANGENT_VARIABLE_X);
  terms[1] = num (1);
  terms[2] = var (TANGENT_VARIABLE_Y);
  terms[3] = num (2);
  want = tangent_node_new_sum (4, terms, flags);
  got = parse ("x - 1 + y - 2", NULL);
  g_assert_true (tangent_node_equal (got, want));
  g_assert_cmpuint (got->start, ==, 0);
  g_assert_cmpuint (got->end, ==, 13);
  g_assert_cmpuint (got->sum.terms[3]->start, ==, 12);
  g_clear_pointer (&want, tangent_node_free);
  g_clear_pointer (&got, tangent_node_free);

  /* 2xy is one product of three */
  got = parse ("2xy", NULL);
  g_assert_cmpint (got->kind, ==, TANGENT_NODE_PRODUCT);
  g_assert_cmpuint (got->product.n, ==, 3);
  g_clear_pointer (&got, tangent_node_free);

  /* (-8)^(2/3) is an odd-root power with p/q = 2/3; (-8)^(2/4) is not */
  got = parse ("(-8)^(4/6)", NULL);
  g_assert_cmpint (got->kind, ==, TANGENT_NODE_POW);
  g_assert_true (got->pow.is_odd_root);
  g_assert_cmpint (got->pow.p, ==, 2);
  g_assert_cmpint (got->pow.q, ==, 3);
  g_clear_pointer (&got, tangent_node_free);

  got = parse ("x^(-1/3)", NULL);
  g_assert_true (got->pow.is_odd_root);
  g_assert_cmpint (got->pow.p, ==, -1);
  g_assert_cmpint (got->pow.q, ==, 3);
  g_clear_pointer (&got, tangent_node_free);

  got = parse ("x^(2/4)", NULL);
  g_assert_false (got->pow.is_odd_root);
  g_clear_pointer (&got, tangent_node_free);

  got = parse ("x^0.3333333333333333", NULL);
  g_assert_false (got->pow.is_odd_root);
  g_clear_pointer (&got, tangent_node_free);

  got = parse ("x^(1.0/3)", NULL);
  g_assert_false (got->pow.is_odd_root);
  g_clear_pointer (&got, tangent_node_free);

  /* Spans of names in a run */
  got = parse ("sinx", NULL);
  g_assert_cmpint (got->kind, ==, TANGENT_NODE_CALL);
  g_assert_cmpuint (got->start, ==, 0);
  g_assert_cmpuint (got->end, ==, 4);
  g_assert_cmpuint (got->call.args[0]->start, ==, 3);
  g_clear_pointer (&got, tangent_node_free);

  /* Parameters and user calls */
  got = parse ("k_2 + λ + f''(x)", &context);
  g_assert_cmpint (got->sum.terms[0]->kind, ==, TANGENT_NODE_PARAMETER);
  g_assert_cmpstr (got->sum.terms[0]->parameter.name, ==, "k_2");
  g_assert_cmpint (got->sum.terms[0]->parameter.slot, ==, -1);
  g_assert_cmpstr (got->sum.terms[1]->parameter.name, ==, "λ");
  g_assert_cmpint (got->sum.terms[2]->kind, ==, TANGENT_NODE_USER_CALL);
  g_assert_cmpstr (got->sum.terms[2]->user.name, ==, "f");
  g_assert_cmpuint (got->sum.terms[2]->user.order, ==, 2);
  g_clear_pointer (&got, tangent_node_free);

  /* Without a context, a(x) and f(x) are products */
  got = parse ("f(x)", NULL);
  g_assert_cmpint (got->kind, ==, TANGENT_NODE_PRODUCT);
  g_clear_pointer (&got, tangent_node_free);

  /* Composition of maps: arity is the document's to check */
  got = parse ("F(P(x, y))", &context);
  g_assert_cmpint (got->kind, ==, TANGENT_NODE_USER_CALL);
  g_assert_cmpuint (got->user.n, ==, 1);
}

/* Errors: code and span. */
static const struct {
  const char *text;
  int         code;
  guint       start, end;
  const char *in_message;
} error_cases[] = {
  { "", TANGENT_PARSE_ERROR_EMPTY, 0, 0, "empty" },
  { "  \t", TANGENT_PARSE_ERROR_EMPTY, 0, 3, "empty" },
  { "\xc2\xa0", TANGENT_PARSE_ERROR_EMPTY, 0, 2, "empty" },
  { "\n", TANGENT_PARSE_ERROR_EMPTY, 0, 0, "empty" },
  { "x\ny", TANGENT_PARSE_ERROR_MULTIPLE_LINES, 1, 2, "one line" },
  { "x\n\n", TANGENT_PARSE_ERROR_MULTIPLE_LINES, 1, 2, "one line" },
  { ")", TANGENT_PARSE_ERROR_SYNTAX, 0, 1, ")" },
  { "x)", TANGENT_PARSE_ERROR_SYNTAX, 1, 2, "Unmatched" },
  { "((x)", TANGENT_PARSE_ERROR_SYNTAX, 0, 1, "never closed" },
  { "(x", TANGENT_PARSE_ERROR_SYNTAX, 0, 1, "never closed" },
  { "()", TANGENT_PARSE_ERROR_SYNTAX, 0, 2, "Empty" },
  { "|x", TANGENT_PARSE_ERROR_SYNTAX, 0, 1, "|" },
  { "x+", TANGENT_PARSE_ERROR_SYNTAX, 1, 2, "after “+”" },
  { "x^", TANGENT_PARSE_ERROR_SYNTAX, 1, 2, "exponent" },
  { "*x", TANGENT_PARSE_ERROR_SYNTAX, 0, 1, "start" },
  { ",x", TANGENT_PARSE_ERROR_SYNTAX, 0, 1, "start" },
  { "x,", TANGENT_PARSE_ERROR_SYNTAX, 1, 2, "comma" },
  { "x**2", TANGENT_PARSE_ERROR_SYNTAX, 1, 3, "^" },
  { "x*/2", TANGENT_PARSE_ERROR_SYNTAX, 1, 3, "Missing" },
  { "(x+1)2", TANGENT_PARSE_ERROR_SYNTAX, 5, 6, "operator" },
  { "x 2", TANGENT_PARSE_ERROR_SYNTAX, 2, 3, "operator" },
  { "2 3", TANGENT_PARSE_ERROR_SYNTAX, 2, 3, "operator" },
  { "x2", TANGENT_PARSE_ERROR_SYNTAX, 0, 2, "x^2" },
  { "e²3", TANGENT_PARSE_ERROR_SYNTAX, 3, 4, "operator" },
  { "x.5", TANGENT_PARSE_ERROR_SYNTAX, 1, 3, "operator" },
  { "1,5", TANGENT_PARSE_ERROR_BAD_NUMBER, 0, 3, "1.5" },
  { "x + 1,5", TANGENT_PARSE_ERROR_BAD_NUMBER, 4, 7, "1.5" },
  { "(1,5)", TANGENT_PARSE_ERROR_BAD_NUMBER, 1, 4, "1.5" },
  { "sin(1,5)", TANGENT_PARSE_ERROR_BAD_NUMBER, 4, 7, "1.5" },
  { "1e999", TANGENT_PARSE_ERROR_BAD_NUMBER, 0, 5, "large" },
  { "1e-999", TANGENT_PARSE_ERROR_BAD_NUMBER, 0, 6, "small" },
  { "0x10", TANGENT_PARSE_ERROR_BAD_NUMBER, 0, 3, "Hexadecimal" },
  { "1_000", TANGENT_PARSE_ERROR_BAD_NUMBER, 0, 2, "1000" },
  { "2.5.3", TANGENT_PARSE_ERROR_BAD_NUMBER, 3, 4, "decimal" },
  { "inf", TANGENT_PARSE_ERROR_UNKNOWN_NAME, 0, 3, "infinity" },
  { "NaN", TANGENT_PARSE_ERROR_UNKNOWN_NAME, 0, 3, "NaN" },
  { "infinity", TANGENT_PARSE_ERROR_UNKNOWN_NAME, 0, 8, "infinity" },
  { "∞", TANGENT_PARSE_ERROR_BAD_NUMBER, 0, 3, "U+221E" },
  { "sinn", TANGENT_PARSE_ERROR_UNKNOWN_NAME, 0, 4, "“sinn”" },
  { "sinn(x)", TANGENT_PARSE_ERROR_UNKNOWN_NAME, 0, 4, "“sinn”" },
  { "foo", TANGENT_PARSE_ERROR_UNKNOWN_NAME, 0, 3, "“foo”" },
  { "Sin(x)", TANGENT_PARSE_ERROR_UNKNOWN_NAME, 0, 3, "sin" },
  { "x + dx", TANGENT_PARSE_ERROR_UNKNOWN_NAME, 4, 6, "d*x" },
  { "sin2x", TANGENT_PARSE_ERROR_SYNTAX, 0, 4, "sin" },
  { "x_2", TANGENT_PARSE_ERROR_UNKNOWN_NAME, 0, 3, "subscript" },
  { "log_2(x)", TANGENT_PARSE_ERROR_UNKNOWN_NAME, 0, 5, "subscript" },
  { "pi2", TANGENT_PARSE_ERROR_SYNTAX, 0, 3, "pi" },
  { "sin", TANGENT_PARSE_ERROR_SYNTAX, 0, 3, "argument" },
  { "(sin)", TANGENT_PARSE_ERROR_SYNTAX, 1, 4, "argument" },
  { "√", TANGENT_PARSE_ERROR_SYNTAX, 0, 3, "sqrt" },
  { "sin()", TANGENT_PARSE_ERROR_ARITY, 0, 5, "1 argument" },
  { "sin(x,y)", TANGENT_PARSE_ERROR_ARITY, 0, 8, "1 argument" },
  { "atan2(x)", TANGENT_PARSE_ERROR_ARITY, 0, 8, "2 arguments" },
  { "atan2 x", TANGENT_PARSE_ERROR_ARITY, 0, 5, "brackets" },
  { "max()", TANGENT_PARSE_ERROR_ARITY, 0, 5, "at least" },
  { "sin^-1(x)", TANGENT_PARSE_ERROR_INVERSE_NOTATION, 0, 5, "asin" },
  { "sin^(-1)(x)", TANGENT_PARSE_ERROR_INVERSE_NOTATION, 0, 5, "asin" },
  { "cos⁻¹ x", TANGENT_PARSE_ERROR_INVERSE_NOTATION, 0, 8, "acos" },
  { "tan⁻¹(x)", TANGENT_PARSE_ERROR_INVERSE_NOTATION, 0, 8, "atan" },
  { "sinh^-1(x)", TANGENT_PARSE_ERROR_INVERSE_NOTATION, 0, 6, "1/sinh" },
  { "sin^x", TANGENT_PARSE_ERROR_SYNTAX, 3, 5, "whole number" },
  { "sin'(x)", TANGENT_PARSE_ERROR_DERIVATIVE, 0, 4, "f'(x)" },
  { "h'(x)", TANGENT_PARSE_ERROR_DERIVATIVE, 0, 2, "“h”" },
  { "x'", TANGENT_PARSE_ERROR_DERIVATIVE, 1, 2, "prime" },
  { "f(x, y)", TANGENT_PARSE_ERROR_ARITY, 0, 7, "1 argument" },
  { "g(x)", TANGENT_PARSE_ERROR_ARITY, 0, 4, "2 arguments" },
  { "g x", TANGENT_PARSE_ERROR_ARITY, 0, 1, "brackets" },
  { "f^2(x)", TANGENT_PARSE_ERROR_SYNTAX, 0, 2, "f(x)^2" },
  { "q(x, y)", TANGENT_PARSE_ERROR_UNKNOWN_NAME, 0, 1, "not a function" },
  { "(x, y)", TANGENT_PARSE_ERROR_SYNTAX, 0, 6, "map" },
  { "²", TANGENT_PARSE_ERROR_SYNTAX, 0, 2, "start" },
  { "x=y=1", TANGENT_PARSE_ERROR_SYNTAX, 3, 4, "one “=”" },
  { "=x", TANGENT_PARSE_ERROR_SYNTAX, 0, 1, "left side" },
  { "x=", TANGENT_PARSE_ERROR_SYNTAX, 1, 2, "right side" },
  { "[x+1]", TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 1, "grouping" },
  { "x < 1", TANGENT_PARSE_ERROR_BAD_CHARACTER, 2, 3, "U+003C" },
  { "%s%n%x", TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 1, "“%”" },
  { "x+1\x01", TANGENT_PARSE_ERROR_BAD_CHARACTER, 3, 4, "U+0001" },
  { "２x", TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 3, "U+FF12" },
  { "si\xe2\x80\x8bn(x)", TANGENT_PARSE_ERROR_BAD_CHARACTER, 2, 5, "U+200B" },
  { "x\xe2\x80\xae+1", TANGENT_PARSE_ERROR_BAD_CHARACTER, 1, 4, "U+202E" },
  { "\xef\xbb\xbfx", TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 3, "U+FEFF" },
  { "x+\xf0\x9f\x98\x80", TANGENT_PARSE_ERROR_BAD_CHARACTER, 2, 6, "U+1F600" },
  { "x\xcc\x81", TANGENT_PARSE_ERROR_BAD_CHARACTER, 1, 3, "U+0301" },
  { "\xf0\x9d\x91\xa5", TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 4, "U+1D465" },
  { "\xd1\x85", TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 2, "U+0445" },   /* Cyrillic х */
  { "x+\xff", TANGENT_PARSE_ERROR_BAD_CHARACTER, 2, 3, "0xFF" },
  { "\xed\xa0\x80", TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 1, "0xED" },
  { "x+(1", TANGENT_PARSE_ERROR_SYNTAX, 2, 3, "never closed" },
  { "2^^3", TANGENT_PARSE_ERROR_SYNTAX, 1, 3, "Missing" },
  { "f'''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''(x)",
    TANGENT_PARSE_ERROR_DERIVATIVE, 0, 102, "100" },
};

static void
test_parser_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TangentRow) row = NULL;
      const char *text = error_cases[i].text;
      guint start = 99, end = 99;

      note (text);
      row = tangent_parse_row (text, strlen (text), &context, &start, &end, &error);
      g_assert_null (row);
      g_assert_error (error, TANGENT_PARSE_ERROR, error_cases[i].code);
      g_test_message ("  %s [%u, %u)", error->message, start, end);
      g_assert_cmpuint (start, ==, error_cases[i].start);
      g_assert_cmpuint (end, ==, error_cases[i].end);
      g_assert_nonnull (strstr (error->message, error_cases[i].in_message));
      assert_safe_message (error->message);
    }
}

/* NUL bytes are characters like any other: an error with a span. */
static void
test_parser_nul (void)
{
  static const char text[] = "x+1\0+2";
  g_autoptr(GError) error = NULL;
  guint start, end;
  TangentRow *row = tangent_parse_row (text, sizeof text - 1, NULL, &start, &end, &error);

  g_assert_null (row);
  g_assert_error (error, TANGENT_PARSE_ERROR, TANGENT_PARSE_ERROR_BAD_CHARACTER);
  g_assert_cmpuint (start, ==, 3);
  g_assert_cmpuint (end, ==, 4);
  g_assert_nonnull (strstr (error->message, "U+0000"));
  g_assert_nonnull (strstr (error->message, "column 4"));
}

/* Rows */

static TangentRow *
parse_row (const char *text)
{
  g_autoptr(GError) error = NULL;
  TangentRow *row = tangent_parse_row (text, strlen (text), &context, NULL, NULL, &error);

  if (error != NULL)
    {
      note (text);
      note (error->message);
    }
  g_assert_no_error (error);
  return row;
}

static void
test_parser_rows (void)
{
  static const struct {
    const char     *text;
    TangentRowKind  kind;
    const char     *name;
    const char     *formals;
  } cases[] = {
    { "x^2 + 1", TANGENT_ROW_EXPRESSION, NULL, NULL },
    { "f(x) = x^2", TANGENT_ROW_FUNCTION, "f", "x" },
    { "g(x, y) = x y", TANGENT_ROW_FUNCTION, "g", "x,y" },
    { "h(u,v,w) = u+v+w", TANGENT_ROW_FUNCTION, "h", "u,v,w" },
    { "P(r, t) = r cos t", TANGENT_ROW_FUNCTION, "P", "r,t" },
    { "F(x, y) = (x^2 - y^2, 2x y)", TANGENT_ROW_FUNCTION, "F", "x,y" },
    { "G(x, y) = (x, y, x y)", TANGENT_ROW_FUNCTION, "G", "x,y" },
    { "lambda(t) = t", TANGENT_ROW_FUNCTION, "λ", "t" },
    { "f_1(α) = α", TANGENT_ROW_FUNCTION, "f_1", "α" },
    { "m(a, b) = ab", TANGENT_ROW_FUNCTION, "m", "a,b" },
    { "a = 2", TANGENT_ROW_PARAMETER, "a", NULL },
    { "k_2 = -1.5", TANGENT_ROW_PARAMETER, "k_2", NULL },
    { "k2 = 3", TANGENT_ROW_PARAMETER, "k_2", NULL },
    { "a = 2pi", TANGENT_ROW_PARAMETER, "a", NULL },
    { "λ = 3", TANGENT_ROW_PARAMETER, "λ", NULL },
    { "alpha = 0.1", TANGENT_ROW_PARAMETER, "α", NULL },
    { "t = b + 1", TANGENT_ROW_PARAMETER, "t", NULL },
    { "y = x^2", TANGENT_ROW_RELATION, NULL, NULL },
    { "x = 2", TANGENT_ROW_RELATION, NULL, NULL },
    { "x^2 + y^2 = 1", TANGENT_ROW_RELATION, NULL, NULL },
    { "1 = 0", TANGENT_ROW_RELATION, NULL, NULL },
    { "sin(x) = y", TANGENT_ROW_RELATION, NULL, NULL },
    { "y(x+1) = 2", TANGENT_ROW_RELATION, NULL, NULL },
    { "a(x+1) = 2", TANGENT_ROW_RELATION, NULL, NULL },
    { "f(x) = 2f(x)", TANGENT_ROW_FUNCTION, "f", "x" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TangentRow) row = NULL;
      g_autofree char *name = NULL;
      guint arity = 99;
      TangentRowKind head;

      note (cases[i].text);
      row = parse_row (cases[i].text);
      g_assert_cmpint (row->kind, ==, cases[i].kind);
      g_assert_cmpstr (row->name, ==, cases[i].name);

      if (cases[i].formals != NULL)
        {
          g_autofree char *joined = g_strjoinv (",", row->formals);

          g_assert_cmpstr (joined, ==, cases[i].formals);
          g_assert_cmpuint (row->n_formals, ==, g_strv_length (row->formals));
        }
      else
        g_assert_null (row->formals);

      if (row->kind == TANGENT_ROW_RELATION)
        {
          g_assert_nonnull (row->lhs);
          g_assert_nonnull (row->rhs);
          g_assert_null (row->body);
        }
      else
        {
          g_assert_nonnull (row->body);
          g_assert_null (row->lhs);
        }

      /* The head agrees, without the body */
      head = tangent_parse_row_head (cases[i].text, strlen (cases[i].text), &name, &arity);
      g_assert_cmpint (head, ==, cases[i].kind);
      g_assert_cmpstr (name, ==, cases[i].name);
      g_assert_cmpuint (arity, ==, row->n_formals);
    }
}

static void
test_parser_function_bodies (void)
{
  g_autoptr(TangentRow) polar = parse_row ("P(r, t) = r cos t");
  g_autoptr(TangentRow) map = parse_row ("F(x, y) = (x^2 - y^2, 2x y)");
  g_autoptr(TangentRow) swapped = parse_row ("s(y, x) = y - x");
  g_autoptr(TangentRow) shadow = parse_row ("q(a) = a^2 + b");
  g_autoptr(TangentRow) self = parse_row ("r(x) = 2r(x)");
  g_autoptr(TangentNode) want = NULL;

  /* The i-th formal is VARIABLE i */
  want = tangent_node_new_binary_product (var (TANGENT_VARIABLE_X), FALSE,
                                          tangent_node_new_call1 (TANGENT_BUILTIN_COS,
                                                                  var (TANGENT_VARIABLE_Y)));
  g_assert_true (tangent_node_equal (polar->body, want));
  g_clear_pointer (&want, tangent_node_free);

  g_assert_cmpint (map->body->kind, ==, TANGENT_NODE_TUPLE);
  g_assert_cmpuint (map->body->tuple.n, ==, 2);
  g_assert_cmpfloat (eval (map->body->tuple.items[1], 0.5, -1.25), ==, -1.25);

  want = tangent_node_new_binary_sum (var (TANGENT_VARIABLE_X), TRUE, var (TANGENT_VARIABLE_Y));
  g_assert_true (tangent_node_equal (swapped->body, want));
  g_assert_cmpfloat (eval (shadow->body, 0.5, 0), ==, 3.25);

  /* A function is known in its own body: the cycle is the document's */
  g_assert_cmpint (self->body->kind, ==, TANGENT_NODE_PRODUCT);
  g_assert_cmpint (self->body->product.factors[1]->kind, ==, TANGENT_NODE_USER_CALL);
}

static void
test_parser_row_errors (void)
{
  static const struct {
    const char *text;
    int         code;
    guint       start, end;
  } cases[] = {
    { "pi = 3", TANGENT_PARSE_ERROR_REDEFINE_BUILTIN, 0, 2 },
    { "π = 3", TANGENT_PARSE_ERROR_REDEFINE_BUILTIN, 0, 2 },
    { "e = 3", TANGENT_PARSE_ERROR_REDEFINE_BUILTIN, 0, 1 },
    { "sin = 2", TANGENT_PARSE_ERROR_REDEFINE_BUILTIN, 0, 3 },
    { "sin(t) = t", TANGENT_PARSE_ERROR_REDEFINE_BUILTIN, 0, 3 },
    { "log(a) = 2", TANGENT_PARSE_ERROR_REDEFINE_BUILTIN, 0, 3 },
    { "e(x) = x", TANGENT_PARSE_ERROR_REDEFINE_BUILTIN, 0, 1 },
    { "x(t) = t", TANGENT_PARSE_ERROR_REDEFINE_BUILTIN, 0, 1 },
    { "y(x) = x^2", TANGENT_PARSE_ERROR_REDEFINE_BUILTIN, 0, 1 },
    { "f(pi) = pi", TANGENT_PARSE_ERROR_REDEFINE_BUILTIN, 2, 4 },
    { "f(e) = e", TANGENT_PARSE_ERROR_REDEFINE_BUILTIN, 2, 3 },
    { "f(sin) = 1", TANGENT_PARSE_ERROR_REDEFINE_BUILTIN, 2, 5 },
    { "f() = 1", TANGENT_PARSE_ERROR_BAD_DEFINITION, 0, 3 },
    { "f(2) = 1", TANGENT_PARSE_ERROR_BAD_DEFINITION, 2, 3 },
    { "f(x, x) = x", TANGENT_PARSE_ERROR_BAD_DEFINITION, 5, 6 },
    { "f(x, y, z, t) = x", TANGENT_PARSE_ERROR_BAD_DEFINITION, 11, 12 },
    { "f(x) = x + y", TANGENT_PARSE_ERROR_BAD_DEFINITION, 11, 12 },
    { "f(t) = x t", TANGENT_PARSE_ERROR_BAD_DEFINITION, 7, 8 },
    { "a = x", TANGENT_PARSE_ERROR_BAD_DEFINITION, 4, 5 },
    { "a = 2y + 1", TANGENT_PARSE_ERROR_BAD_DEFINITION, 5, 6 },
    { "a =", TANGENT_PARSE_ERROR_SYNTAX, 2, 3 },
    { "f(x) =", TANGENT_PARSE_ERROR_SYNTAX, 5, 6 },
    { "F(x, y) = (x, y) + 1", TANGENT_PARSE_ERROR_BAD_DEFINITION, 10, 16 },
    { "F(x, y) = (x, y, x, y)", TANGENT_PARSE_ERROR_BAD_DEFINITION, 10, 22 },
    { "F(x, y) = 2(x, y)", TANGENT_PARSE_ERROR_SYNTAX, 11, 17 },
    { "F(x, y) = (x, y)(x, y)", TANGENT_PARSE_ERROR_SYNTAX, 16, 22 },
    { "a = 2 = 3", TANGENT_PARSE_ERROR_SYNTAX, 6, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TangentRow) row = NULL;
      guint start = 99, end = 99;

      note (cases[i].text);
      row = tangent_parse_row (cases[i].text, strlen (cases[i].text), &context,
                               &start, &end, &error);
      g_assert_null (row);
      g_assert_error (error, TANGENT_PARSE_ERROR, cases[i].code);
      g_test_message ("  %s [%u, %u)", error->message, start, end);
      g_assert_cmpuint (start, ==, cases[i].start);
      g_assert_cmpuint (end, ==, cases[i].end);
      assert_safe_message (error->message);
    }
}

static void
test_parser_head (void)
{
  static const struct {
    const char     *text;
    TangentRowKind  kind;
    const char     *name;
    guint           arity;
  } cases[] = {
    /* The body is not read: its errors do not hide the definition. */
    { "f(x) = ⁇⁇", TANGENT_ROW_FUNCTION, "f", 1 },
    { "g(x, y) = (", TANGENT_ROW_FUNCTION, "g", 2 },
    { "a = \xff", TANGENT_ROW_PARAMETER, "a", 0 },
    { "x^2 + \xff", TANGENT_ROW_EXPRESSION, NULL, 0 },
    { "x = \xff", TANGENT_ROW_RELATION, NULL, 0 },
    { "", TANGENT_ROW_EXPRESSION, NULL, 0 },
    { "sin(x) = 1", TANGENT_ROW_RELATION, NULL, 0 },
    { "f'(x) = 1", TANGENT_ROW_RELATION, NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = NULL;
      guint arity = 99;
      TangentRowKind kind;

      note (cases[i].text);
      kind = tangent_parse_row_head (cases[i].text, strlen (cases[i].text), &name, &arity);
      g_assert_cmpint (kind, ==, cases[i].kind);
      g_assert_cmpstr (name, ==, cases[i].name);
      g_assert_cmpuint (arity, ==, cases[i].arity);
    }

  /* NULL out-parameters are fine */
  g_assert_cmpint (tangent_parse_row_head ("h(t) = t", 8, NULL, NULL), ==, TANGENT_ROW_FUNCTION);
}

/* Limits */

static char *
repeat (const char *a,
        guint       n,
        const char *middle,
        const char *b,
        guint       m)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, a);
  g_string_append (s, middle);
  for (guint i = 0; i < m; i++)
    g_string_append (s, b);
  return g_string_free (s, FALSE);
}

static void
test_parser_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (TANGENT_PARSE_MAX_LENGTH + 1, 'x');
  g_autofree char *deep = repeat ("(", 1000, "x", ")", 1000);
  g_autofree char *ok_deep = repeat ("(", 200, "x", ")", 200);
  g_autofree char *max_deep = repeat ("(", TANGENT_PARSE_MAX_DEPTH, "x", ")", TANGENT_PARSE_MAX_DEPTH);
  g_autofree char *signs = repeat ("-", 30000, "x", "", 0);
  g_autofree char *bars = repeat ("|", 1000, "x", "|", 1000);
  g_autofree char *powers = repeat ("x^", 1000, "x", "", 0);
  g_autofree char *calls = repeat ("sin(", 1000, "x", ")", 1000);
  g_autofree char *bare_calls = repeat ("sin ", 1000, "x", "", 0);
  g_autofree char *supers = repeat ("x", 1, "", " ²", 1000);
  g_autofree char *chain = repeat ("x+", 20000, "x", "", 0);
  g_autofree char *product = repeat ("x*", 20000, "x", "", 0);
  g_autofree char *implicit = repeat ("x", 20000, "", "", 0);
  g_autofree char *list = repeat ("max(", 1, "x", ",x", 20000);
  g_autofree char *args = g_strconcat (list, ")", NULL);
  g_autoptr(TangentRow) row = NULL;
  TangentNode *node;
  gint64 t0;
  guint start, end;

  g_assert_cmpuint (strlen (max_deep), <=, TANGENT_PARSE_MAX_LENGTH);

  /* 64 KiB is the limit, whitespace and trailing newline aside */
  node = tangent_parse_expression (long_text, strlen (long_text), NULL, &start, &end, &error);
  g_assert_null (node);
  g_assert_error (error, TANGENT_PARSE_ERROR, TANGENT_PARSE_ERROR_TOO_LONG);
  g_assert_cmpuint (start, ==, TANGENT_PARSE_MAX_LENGTH);
  g_assert_cmpuint (end, ==, TANGENT_PARSE_MAX_LENGTH + 1);
  g_clear_error (&error);

  long_text[TANGENT_PARSE_MAX_LENGTH] = '\n';
  long_text[1] = '+';
  node = tangent_parse_expression (long_text, strlen (long_text), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  tangent_node_free (node);

  /* Nesting deeper than the limit fails, quickly; 200 levels are fine */
  for (guint i = 0; i < 7; i++)
    {
      const char *texts[] = { deep, signs, bars, powers, calls, bare_calls, supers };

      g_test_message ("deep %u", i);
      t0 = g_get_monotonic_time ();
      node = tangent_parse_expression (texts[i], strlen (texts[i]), NULL, &start, &end, &error);
      g_assert_null (node);
      g_assert_error (error, TANGENT_PARSE_ERROR, TANGENT_PARSE_ERROR_TOO_DEEP);
      g_assert_cmpuint (start, <, end);
      assert_safe_message (error->message);
      g_assert_cmpint (g_get_monotonic_time () - t0, <, G_USEC_PER_SEC);
      g_clear_error (&error);
    }

  node = tangent_parse_expression (ok_deep, strlen (ok_deep), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  tangent_node_free (node);

  node = tangent_parse_expression (max_deep, strlen (max_deep), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  tangent_node_free (node);

  /* Flat chains are not nesting */
  t0 = g_get_monotonic_time ();
  node = tangent_parse_expression (chain, strlen (chain), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (node->kind, ==, TANGENT_NODE_SUM);
  g_assert_cmpuint (node->sum.n, ==, 20001);
  tangent_node_free (node);

  node = tangent_parse_expression (product, strlen (product), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (node->product.n, ==, 20001);
  tangent_node_free (node);

  node = tangent_parse_expression (implicit, strlen (implicit), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (node->product.n, ==, 20000);
  tangent_node_free (node);

  node = tangent_parse_expression (args, strlen (args), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (node->kind, ==, TANGENT_NODE_CALL);
  tangent_node_free (node);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 2 * G_USEC_PER_SEC);

  /* Rows too */
  row = tangent_parse_row (chain, strlen (chain), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (row->kind, ==, TANGENT_ROW_EXPRESSION);
}

/* Nothing may crash on arbitrary bytes: every prefix and every single-byte
 * corruption of a few formulas, and random byte strings. */
static void
test_parser_robust (void)
{
  static const char *seeds[] = {
    "f(x, y) = (sin^2 x + |y|², 2e-x·√(x+1))",
    "a_1 = -(-8)^(2/3) + λ·k2 - log10(1,5)",
    "sin x cos x tan x^2^-1 ⁻¹ f''(2x) g(x, y)",
    "||x|-1| = alphax pix 6/2(1+2)",
  };
  GRand *rand = g_rand_new_with_seed (42);

  for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
    {
      gsize len = strlen (seeds[s]);
      g_autofree char *copy = g_strdup (seeds[s]);

      for (gsize cut = 0; cut <= len; cut++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(TangentRow) row = tangent_parse_row (seeds[s], cut, &context, NULL, NULL, &error);

          g_assert_true ((row == NULL) != (error == NULL));
          if (error != NULL)
            assert_safe_message (error->message);
          g_free (tangent_parse_row_head (seeds[s], cut, NULL, NULL) == 0 ? NULL : NULL);
        }

      for (gsize i = 0; i < len; i++)
        {
          static const char bytes[] = "()|,=^+-*/'x2e.\xff\xce\x00";

          for (gsize b = 0; b < sizeof bytes - 1; b++)
            {
              g_autoptr(GError) error = NULL;
              g_autoptr(TangentRow) row = NULL;
              char saved = copy[i];

              copy[i] = bytes[b];
              row = tangent_parse_row (copy, len, &context, NULL, NULL, &error);
              g_assert_true ((row == NULL) != (error == NULL));
              if (error != NULL)
                assert_safe_message (error->message);
              copy[i] = saved;
            }
        }
    }

  for (guint i = 0; i < 3000; i++)
    {
      static const char alphabet[] = "()|,=^+-*/' xyzaefgsinlog2e.5_";
      char text[24];
      gsize len = g_rand_int_range (rand, 0, sizeof text);
      g_autoptr(GError) error = NULL;
      g_autoptr(TangentRow) row = NULL;
      g_autofree char *name = NULL;

      for (gsize k = 0; k < len; k++)
        text[k] = g_rand_boolean (rand) ? alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]
                                        : (char) g_rand_int_range (rand, 0, 256);
      row = tangent_parse_row (text, len, &context, NULL, NULL, &error);
      g_assert_true ((row == NULL) != (error == NULL));
      if (error != NULL)
        assert_safe_message (error->message);
      tangent_parse_row_head (text, len, &name, NULL);
    }

  g_rand_free (rand);
}

/* formula-cases.txt, the shared list of tricky inputs */

static GBytes *
decode_part (const char *s,
             gsize       n)
{
  GByteArray *out = g_byte_array_new ();

  for (gsize i = 0; i < n; i++)
    {
      guint8 c = (guint8) s[i];

      if (c == '\\' && i + 1 < n)
        {
          char e = s[++i];
          char buf[8];
          gunichar u;
          gint len;
          guint digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;

          switch (e)
            {
            case '\\': c = '\\'; break;
            case 't': c = '\t'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 's': c = ' '; break;
            case 'R': c = 0x1E; break;   /* row separator, split later */
            case 'x':
            case 'u':
            case 'U':
              {
                g_autofree char *hex = g_strndup (s + i + 1, MIN (digits, n - i - 1));

                u = (gunichar) g_ascii_strtoull (hex, NULL, 16);
                i += digits;
                if (e == 'x')
                  {
                    c = (guint8) u;
                    break;
                  }
                len = g_unichar_to_utf8 (u, buf);
                g_byte_array_append (out, (guint8 *) buf, len);
                continue;
              }
            default:
              g_byte_array_append (out, (guint8 *) "\\", 1);
              c = (guint8) e;
              break;
            }
        }
      g_byte_array_append (out, &c, 1);
    }

  return g_byte_array_free_to_bytes (out);
}

static GBytes *
decode_input (const char *input)
{
  GByteArray *out;
  g_auto(GStrv) parts = NULL;

  if (!g_str_has_prefix (input, "@gen "))
    return decode_part (input, strlen (input));

  out = g_byte_array_new ();
  parts = g_strsplit (input + 5, " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];
      const char *star = strrchr (part, '*');
      guint64 times = 1;
      gsize n = strlen (part);
      g_autoptr(GBytes) bytes = NULL;

      if (star != NULL && star[1] != '\0' && strspn (star + 1, "0123456789") == strlen (star + 1))
        {
          times = g_ascii_strtoull (star + 1, NULL, 10);
          n = star - part;
        }
      bytes = decode_part (part, n);
      for (guint64 k = 0; k < times; k++)
        g_byte_array_append (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }

  return g_byte_array_free_to_bytes (out);
}

typedef struct
{
  GHashTable *functions;   /* name -> arity */
  GHashTable *parameters;  /* name -> name */
} CaseContext;

static gboolean
case_lookup_function (const char *name,
                      guint      *arity,
                      gpointer    user_data)
{
  CaseContext *c = user_data;
  gpointer value;

  if (!g_hash_table_lookup_extended (c->functions, name, NULL, &value))
    return FALSE;
  *arity = GPOINTER_TO_UINT (value);
  return TRUE;
}

static gboolean
case_lookup_parameter (const char *name,
                       gpointer    user_data)
{
  CaseContext *c = user_data;

  return g_hash_table_contains (c->parameters, name);
}

/* Single-row cases that are errors of the document or of evaluation, not
 * of the syntax: the parser accepts them. */
static const char *semantic_errors[] = {
  "f(x)=2f(x)",      /* a cycle */
  "f(x)=q(x)",       /* q is not defined: q*(x) with an unknown parameter */
  "a=sqrt(-1)",      /* a parameter's value must be finite */
  "e^(i*pi)",        /* i is not defined */
};

static gboolean
evaluable (const TangentNode *node)
{
  guint n = tangent_node_get_n_children (node);

  if (node->kind == TANGENT_NODE_PARAMETER || node->kind == TANGENT_NODE_USER_CALL
      || node->kind == TANGENT_NODE_TUPLE)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (!evaluable (tangent_node_get_child (node, i)))
        return FALSE;
    }
  return TRUE;
}

static void
test_parser_formula_cases (void)
{
  g_autofree char *path = g_build_filename (g_test_get_dir (G_TEST_DIST), "..", "..", "shared",
                                            "data", "formula-cases.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_cases = 0, n_values = 0;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_test_skip ("formula-cases.txt not found");
      return;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GBytes) input = NULL;
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
      const char *expected, *note, *data;
      double x = 0.5, y = -1.25;
      gboolean all_ok = TRUE, semantic = FALSE;
      CaseContext c;
      TangentParseContext ctx = { case_lookup_function, &c, case_lookup_parameter };
      gsize size, from = 0;

      if (lines[l][0] == '#' || lines[l][0] == '\0')
        continue;

      fields = g_strsplit (lines[l], "\t", 3);
      if (fields[1] == NULL)
        continue;
      expected = fields[1];
      note = fields[2] != NULL ? fields[2] : "";

      if (strstr (fields[0], "deriv(") != NULL || strstr (fields[0], "taylor(") != NULL)
        continue;   /* harness notations */

      n_cases++;
      g_test_message ("line %u: %s", l + 1, lines[l]);

      for (guint k = 0; k < G_N_ELEMENTS (semantic_errors); k++)
        semantic |= strcmp (fields[0], semantic_errors[k]) == 0;

      /* @x=…,y=… bindings */
      if (note[0] == '@')
        {
          g_autofree char *bindings = g_strndup (note + 1, strcspn (note + 1, " "));
          g_auto(GStrv) items = g_strsplit (bindings, ",", -1);

          for (guint k = 0; items[k] != NULL; k++)
            {
              if (g_str_has_prefix (items[k], "x="))
                x = g_ascii_strtod (items[k] + 2, NULL);
              else if (g_str_has_prefix (items[k], "y="))
                y = g_ascii_strtod (items[k] + 2, NULL);
            }
        }

      input = decode_input (fields[0]);
      data = g_bytes_get_data (input, &size);
      for (gsize k = 0; k <= size; k++)
        {
          if (k == size || data[k] == 0x1E)
            {
              g_ptr_array_add (rows, g_bytes_new (data + from, k - from));
              from = k + 1;
            }
        }

      c.functions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      c.parameters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint r = 0; r < rows->len; r++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(TangentRow) row = NULL;
          g_autofree char *name = NULL;
          gsize len;
          const char *text = g_bytes_get_data (rows->pdata[r], &len);
          guint arity = 0, start = 0, end = 0;
          gboolean last = r + 1 == rows->len;
          TangentRowKind head;
          gint64 t0 = g_get_monotonic_time ();

          head = tangent_parse_row_head (text, len, &name, &arity);
          if (head == TANGENT_ROW_FUNCTION)
            g_hash_table_insert (c.functions, g_strdup (name), GUINT_TO_POINTER (arity));
          else if (head == TANGENT_ROW_PARAMETER)
            g_hash_table_insert (c.parameters, g_strdup (name), NULL);

          row = tangent_parse_row (text, len, &ctx, &start, &end, &error);
          g_assert_cmpint (g_get_monotonic_time () - t0, <, 2 * G_USEC_PER_SEC);
          g_assert_true ((row == NULL) != (error == NULL));
          if (error != NULL)
            {
              g_test_message ("  row %u: %s [%u, %u)", r, error->message, start, end);
              assert_safe_message (error->message);
              g_assert_cmpuint (start, <=, end);
              g_assert_cmpuint (end, <=, len);
              all_ok = FALSE;
            }

          if (strcmp (expected, "error") == 0 && rows->len == 1)
            {
              if (semantic)
                g_assert_no_error (error);
              else
                g_assert_nonnull (error);
            }
          else if (strcmp (expected, "error") != 0)
            g_assert_no_error (error);

          /* Values the test evaluator can check: single expressions */
          if (last && row != NULL && rows->len == 1 && g_str_has_prefix (expected, "value:")
              && row->kind == TANGENT_ROW_EXPRESSION && evaluable (row->body))
            {
              const char *v = expected + 6;
              double want = strcmp (v, "nan") == 0 ? NAN
                            : strcmp (v, "inf") == 0 ? INFINITY
                            : strcmp (v, "-inf") == 0 ? -INFINITY : g_ascii_strtod (v, NULL);
              double got = eval (row->body, x, y);

              n_values++;
              if (isnan (want))
                g_assert_true (isnan (got));
              else if (isinf (want) || want == 0)
                g_assert_cmpfloat (got, ==, want);
              else
                g_assert_cmpfloat (fabs (got - want), <=, 1e-9 * fabs (want));
            }
        }

      if (strcmp (expected, "error") != 0)
        g_assert_true (all_ok);

      g_hash_table_unref (c.functions);
      g_hash_table_unref (c.parameters);
    }

  g_test_message ("%u cases, %u values checked", n_cases, n_values);
  g_assert_cmpuint (n_cases, >, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/parser/values", test_parser_values);
  g_test_add_func ("/core/parser/same", test_parser_same);
  g_test_add_func ("/core/parser/flat", test_parser_flat);
  g_test_add_func ("/core/parser/errors", test_parser_errors);
  g_test_add_func ("/core/parser/nul", test_parser_nul);
  g_test_add_func ("/core/parser/rows", test_parser_rows);
  g_test_add_func ("/core/parser/function-bodies", test_parser_function_bodies);
  g_test_add_func ("/core/parser/row-errors", test_parser_row_errors);
  g_test_add_func ("/core/parser/head", test_parser_head);
  g_test_add_func ("/core/parser/limits", test_parser_limits);
  g_test_add_func ("/core/parser/robust", test_parser_robust);
  g_test_add_func ("/core/parser/formula-cases", test_parser_formula_cases);

  return g_test_run ();
}
