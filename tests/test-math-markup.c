/* test-math-markup.c: formulas typeset as Pango markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pango.h>
#include <string.h>

#include "tangent-math-markup.h"

#define MINUS "\xe2\x88\x92"
#define THIN  "\xe2\x80\x89"
#define HAIR  "\xe2\x80\x8a"

/* The typesetting rules, one or two per case: variables and parameters
 * italic, builtins and digits upright, ^ raises what follows (a bracketed
 * exponent loses its brackets), subscripts for k_2 and a1, binary + − =
 * spaced, unary minus not, * a centred dot except between a number and
 * what it multiplies, Greek names as letters, pi and e upright. */
static const struct { const char *in; const char *want; } formula_cases[] = {
  { "x", "<i>x</i>" },
  { "x^2 + y^2 = 4", "<i>x</i>" HAIR "<sup>2</sup> + <i>y</i>" HAIR "<sup>2</sup> = 4" },
  { "x^2+y^2=4", "<i>x</i>" HAIR "<sup>2</sup> + <i>y</i>" HAIR "<sup>2</sup> = 4" },
  { "f(x, y) = (x^2 + y - 11)^2",
    "<i>f</i>(<i>x</i>, <i>y</i>) = (<i>x</i>" HAIR "<sup>2</sup> + <i>y</i> " MINUS " 11)<sup>2</sup>" },
  { "sin(x)*cos(y)", "sin(<i>x</i>)·cos(<i>y</i>)" },
  { "2*x + 3", "2<i>x</i> + 3" },
  { "2*3", "2·3" },
  { "-x^(n+1)", MINUS "<i>x</i>" HAIR "<sup><i>n</i> + 1</sup>" },
  { "x^-1", "<i>x</i>" HAIR "<sup>" MINUS "1</sup>" },
  { "k_2", "<i>k</i><sub>2</sub>" },
  { "a1", "<i>a</i><sub>1</sub>" },
  { "alpha*t", "<i>α</i>·<i>t</i>" },
  { "sinx", "sin" THIN "<i>x</i>" },
  { "sin x", "sin" THIN "<i>x</i>" },
  { "sin(x)", "sin(<i>x</i>)" },
  { "x y", "<i>x</i><i>y</i>" },
  { "2pi", "2π" },
  { "e^x", "e<sup><i>x</i></sup>" },
  { "f'(x)", "<i>f</i>′(<i>x</i>)" },
  { "x^2^3", "<i>x</i>" HAIR "<sup>2<sup>3</sup></sup>" },
  { "(x+1)^2", "(<i>x</i> + 1)<sup>2</sup>" },
  { "1e-3*x", "1e-3·<i>x</i>" },
  { "x < 1", "<i>x</i> &lt; 1" },
  { "a & b", "<i>a</i>&amp;<i>b</i>" },
  { "log10(x)", "log10(<i>x</i>)" },
  { "T_9 ± b(x)", "<i>T</i><sub>9</sub> ± <i>b</i>(<i>x</i>)" },
  { "±1", "±1" },
  { "", "" },
};

static void
test_formulas (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (formula_cases); i++)
    {
      g_autofree char *got = tangent_math_markup (formula_cases[i].in);

      g_test_message ("%s", formula_cases[i].in);
      g_assert_cmpstr (got, ==, formula_cases[i].want);
    }
}

/* Only $…$ spans are formulas; the rest is escaped text. */
static const struct { const char *in; const char *want; } text_cases[] = {
  { "Himmelblau", "Himmelblau" },
  { "f and $-∇f$", "f and " MINUS "∇<i>f</i>" },
  { "$x$ (m)", "<i>x</i> (m)" },
  { "cost: $5", "cost: $5" },
  { "<b>bold</b> & co", "&lt;b&gt;bold&lt;/b&gt; &amp; co" },
  { "$a$$b$", "<i>a</i><i>b</i>" },
};

static void
test_text (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      g_autofree char *got = tangent_math_markup_text (text_cases[i].in);

      g_assert_cmpstr (got, ==, text_cases[i].want);
    }
}

/* Whatever comes in, Pango accepts what comes out, and nothing of the
 * input is lost as markup. */
static void
test_always_valid (void)
{
  static const char *const hostile[] = {
    "(((", ")))", "^^^", "x^", "^2", "x^(", "_", "a_", "k__2", "|||x", "'''",
    "<script>", "&amp;", "]]>", "\"quoted\"", "x\x01y\x1fz", "\xff\xfe invalid",
    "x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x", "((((((((((x))))))))))^2",
    "∑∏∫ ≤ ≥ · ÷ − ×", "$$$", "2..3e", "1e+", "sin^2(x)", "x = = y",
  };
  GRand *rand = g_rand_new_with_seed (20241127);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *a = tangent_math_markup (hostile[i]);
      g_autofree char *b = tangent_math_markup_text (hostile[i]);
      g_autoptr(GError) error = NULL;

      g_assert_true (pango_parse_markup (a, -1, 0, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (pango_parse_markup (b, -1, 0, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  /* Random strings over the characters that matter. */
  for (guint n = 0; n < 2000; n++)
    {
      static const char alphabet[] = "xy2^_()+-*/=<>&|'$ ae.pisn";
      char text[24];
      guint len = g_rand_int_range (rand, 0, sizeof text);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      for (guint k = 0; k < len; k++)
        text[k] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      text[len] = '\0';
      a = tangent_math_markup (text);
      b = tangent_math_markup_text (text);
      g_assert_true (pango_parse_markup (a, -1, 0, NULL, NULL, NULL, NULL));
      g_assert_true (pango_parse_markup (b, -1, 0, NULL, NULL, NULL, NULL));
    }
  g_rand_free (rand);
}

/* The text a formula shows (markup stripped) keeps every operand. */
static void
test_plain_text (void)
{
  g_autofree char *markup = tangent_math_markup ("a*b^c - d");
  g_autofree char *plain = NULL;

  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, &plain, NULL, NULL));
  g_assert_cmpstr (plain, ==, "a·b" HAIR "c " MINUS " d");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plot/math-markup/formulas", test_formulas);
  g_test_add_func ("/plot/math-markup/text", test_text);
  g_test_add_func ("/plot/math-markup/always-valid", test_always_valid);
  g_test_add_func ("/plot/math-markup/plain-text", test_plain_text);

  return g_test_run ();
}
