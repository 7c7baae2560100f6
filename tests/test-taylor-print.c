/* test-taylor-print.c: Taylor polynomials as text, markup and LaTeX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected strings are written by hand from the series every calculus
 * book lists; the coefficients come both as hand-written doubles and from
 * the jets, so that what the command line shows is what is tested.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tangent-document.h"
#include "tangent-jet.h"
#include "tangent-taylor-print.h"

#define TEXT   TANGENT_TAYLOR_FORMAT_TEXT
#define MARKUP TANGENT_TAYLOR_FORMAT_MARKUP
#define LATEX  TANGENT_TAYLOR_FORMAT_LATEX

static void
assert_print (const double        *coeffs,
              guint                order,
              double               centre,
              TangentTaylorFormat  format,
              const char          *want)
{
  g_autofree char *got = tangent_taylor_print (coeffs, order, centre, "x", format);

  g_assert_cmpstr (got, ==, want);
}

static void
jet (const char *text,
     double      centre,
     guint       order,
     double     *coeffs)
{
  g_autoptr(GError) error = NULL;
  double point[3] = { centre, 0, 0 };

  g_assert_true (tangent_jet_eval_text (text, point, TANGENT_VARIABLE_X, order, coeffs,
                                        &error));
  g_assert_no_error (error);
}

/* sin x = x − x³/3! + x⁵/5! − x⁷/7!; the even coefficients vanish. */
static void
test_taylor_print_sin (void)
{
  const double hand[] = { 0, 1, 0, -1.0 / 6, 0, 1.0 / 120, 0, -1.0 / 5040 };
  double coeffs[8];

  assert_print (hand, 7, 0, TEXT, "x - x³/6 + x⁵/120 - x⁷/5040");
  assert_print (hand, 7, 0, MARKUP,
                "<i>x</i> \xe2\x88\x92 <i>x</i><sup>3</sup>/6 + <i>x</i><sup>5</sup>/120 "
                "\xe2\x88\x92 <i>x</i><sup>7</sup>/5040");
  assert_print (hand, 7, 0, LATEX,
                "x - \\frac{x^{3}}{6} + \\frac{x^{5}}{120} - \\frac{x^{7}}{5040}");

  jet ("sin(x)", 0, 7, coeffs);
  assert_print (coeffs, 7, 0, TEXT, "x - x³/6 + x⁵/120 - x⁷/5040");
}

/* exp x = 1 + x + x²/2 + x³/6 + x⁴/24; about 1 every coefficient is e/k!,
 * which is no fraction. */
static void
test_taylor_print_exp (void)
{
  const double hand[] = { 1, 1, 0.5, 1.0 / 6, 1.0 / 24 };
  double coeffs[15];

  assert_print (hand, 4, 0, TEXT, "1 + x + x²/2 + x³/6 + x⁴/24");
  assert_print (hand, 4, 0, LATEX, "1 + x + \\frac{x^{2}}{2} + \\frac{x^{3}}{6} + \\frac{x^{4}}{24}");

  /* Through the jets, to 1/14! = 1/87178291200. */
  jet ("exp(x)", 0, 14, coeffs);
  {
    g_autofree char *got = tangent_taylor_print (coeffs, 14, 0, "x", TEXT);

    g_assert_true (g_str_has_prefix (got, "1 + x + x²/2 + x³/6 + x⁴/24 + x⁵/120 + x⁶/720"));
    g_test_message ("exp to order 14: %s", got);
  }

  jet ("exp(x)", 1, 2, coeffs);
  assert_print (coeffs, 2, 1, TEXT,
                "2.718281828459045 + 2.718281828459045(x - 1) + 1.3591409142295225(x - 1)²");
}

/* ln(1 + x) = x − x²/2 + x³/3 − x⁴/4 + x⁵/5. */
static void
test_taylor_print_log (void)
{
  double coeffs[6];

  jet ("ln(1 + x)", 0, 5, coeffs);
  assert_print (coeffs, 5, 0, TEXT, "x - x²/2 + x³/3 - x⁴/4 + x⁵/5");
  assert_print (coeffs, 5, 0, MARKUP,
                "<i>x</i> \xe2\x88\x92 <i>x</i><sup>2</sup>/2 + <i>x</i><sup>3</sup>/3 "
                "\xe2\x88\x92 <i>x</i><sup>4</sup>/4 + <i>x</i><sup>5</sup>/5");
}

/* About a ≠ 0 the powers are of (x − a), never expanded: ln x about 1 is
 * (x − 1) − (x − 1)²/2 + (x − 1)³/3; about −2 the bracket is (x + 2). */
static void
test_taylor_print_centre (void)
{
  const double ln_hand[] = { 0, 1, -0.5, 1.0 / 3 };
  const double neg[] = { -1, 0, 3 };
  const double scaled[] = { 0, 0.5, 0, 0.375 };

  assert_print (ln_hand, 3, 1, TEXT, "(x - 1) - (x - 1)²/2 + (x - 1)³/3");
  assert_print (ln_hand, 3, 1, MARKUP,
                "(<i>x</i> \xe2\x88\x92 1) \xe2\x88\x92 (<i>x</i> \xe2\x88\x92 1)<sup>2</sup>/2 + "
                "(<i>x</i> \xe2\x88\x92 1)<sup>3</sup>/3");
  assert_print (ln_hand, 3, 1, LATEX,
                "(x - 1) - \\frac{(x - 1)^{2}}{2} + \\frac{(x - 1)^{3}}{3}");
  assert_print (neg, 2, -2, TEXT, "-1 + 3(x + 2)²");
  assert_print (neg, 2, 0.25, TEXT, "-1 + 3(x - 0.25)²");
  assert_print (scaled, 3, 0, TEXT, "x/2 + 3x³/8");
  assert_print (scaled, 3, 0, LATEX, "\\frac{x}{2} + \\frac{3x^{3}}{8}");
  assert_print (scaled, 3, 1, LATEX, "\\frac{x - 1}{2} + \\frac{3(x - 1)^{3}}{8}");
  assert_print (scaled, 3, 1, TEXT, "(x - 1)/2 + 3(x - 1)³/8");
}

/* cos about π: −1 + (x − π)²/2 − …, but sin(π) is 1.2246467991473532e-16
 * in doubles, so the odd coefficients are tiny decimals, not zero. */
static void
test_taylor_print_cos_pi (void)
{
  double coeffs[5];

  jet ("cos(x)", G_PI, 4, coeffs);
  g_assert_cmpfloat (coeffs[0], ==, -1);
  g_assert_cmpfloat (coeffs[1], ==, -sin (G_PI));
  assert_print (coeffs, 2, G_PI, TEXT,
                "-1 - 1.2246467991473532e-16 (x - 3.141592653589793) + (x - 3.141592653589793)²/2");
  assert_print (coeffs, 1, G_PI, MARKUP,
                "\xe2\x88\x92" "1 \xe2\x88\x92 1.2246467991473532\xc3\x97" "10<sup>\xe2\x88\x92" "16</sup> "
                "(<i>x</i> \xe2\x88\x92 3.141592653589793)");
  assert_print (coeffs, 1, G_PI, LATEX,
                "-1 - 1.2246467991473532 \\times 10^{-16} (x - 3.141592653589793)");
}

/* x·y about (1, 2) = (x − 1 + 1)(y − 2 + 2)
 *   = 2 + 2(x − 1) + (y − 2) + (x − 1)(y − 2). */
static void
test_taylor_print_2d (void)
{
  const char *const names[] = { "x", "y" };
  const double centre[] = { 1, 2 };
  const double origin[] = { 0, 0 };
  double coeffs[TANGENT_JET2_SIZE (3)];
  double point[3] = { 1, 2, 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *latex = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *x2y = NULL;
  g_autofree char *zero = NULL;
  double hand[TANGENT_JET2_SIZE (3)] = { 0 };

  g_assert_true (tangent_jet2_eval_text ("x y", point, 3, coeffs, &error));
  g_assert_no_error (error);

  text = tangent_taylor2_print (coeffs, 3, centre, names, TEXT);
  g_assert_cmpstr (text, ==, "2 + 2(x - 1) + (y - 2) + (x - 1)(y - 2)");
  latex = tangent_taylor2_print (coeffs, 3, centre, names, LATEX);
  g_assert_cmpstr (latex, ==, "2 + 2(x - 1) + (y - 2) + (x - 1)(y - 2)");
  markup = tangent_taylor2_print (coeffs, 1, centre, names, MARKUP);
  g_assert_cmpstr (markup, ==, "2 + 2(<i>x</i> \xe2\x88\x92 1) + (<i>y</i> \xe2\x88\x92 2)");

  /* About the origin: juxtaposition, x before y within a grade. */
  hand[TANGENT_JET2_INDEX (2, 1)] = -0.5;
  hand[TANGENT_JET2_INDEX (1, 1)] = 3;
  hand[TANGENT_JET2_INDEX (0, 2)] = 1;
  x2y = tangent_taylor2_print (hand, 3, origin, names, TEXT);
  g_assert_cmpstr (x2y, ==, "3xy + y² - x²y/2");

  memset (hand, 0, sizeof hand);
  zero = tangent_taylor2_print (hand, 3, origin, names, TEXT);
  g_assert_cmpstr (zero, ==, "0");
}

/* The rule: the double nearest p/q is within 4 ulps of the coefficient,
 * |p| q ≤ 10¹¹. 0.1 is the double nearest 1/10, so it is 1/10 (either
 * reads back as the same double); 0.1 + 0.2 is one ulp from 3/10. */
static void
test_taylor_print_rational (void)
{
  static const struct { double value; gboolean ok; gint64 p, q; } cases[] = {
    { 1.0 / 6, TRUE, 1, 6 },
    { -1.0 / 6, TRUE, -1, 6 },
    { 0.1, TRUE, 1, 10 },
    { 0.5, TRUE, 1, 2 },
    { 2.0 / 15, TRUE, 2, 15 },
    { 17.0 / 315, TRUE, 17, 315 },
    { 1.0 / 3628800, TRUE, 1, 3628800 },
    { 1.0 / 87178291200.0, TRUE, 1, 87178291200 },     /* 1/14! */
    { 1.0 / 1307674368000.0, FALSE, 0, 0 },            /* 1/15!: past the bound */
    { 1.0 / 300007, TRUE, 1, 300007 },
    { 300007.0 / 300011, TRUE, 300007, 300011 },
    { 316229.0 / 316231, FALSE, 0, 0 },                /* p q > 10¹¹ */
    { 42, TRUE, 42, 1 },
    { -7, TRUE, -7, 1 },
    { 1e10 / 3, TRUE, 10000000000, 3 },
    { 0.30000000000000004, TRUE, 3, 10 },              /* 0.1 + 0.2 */
    { 0.123456789, FALSE, 0, 0 },
    { G_PI, FALSE, 0, 0 },
    { G_E, FALSE, 0, 0 },
    { M_SQRT2, FALSE, 0, 0 },
    { 1.2246467991473532e-16, FALSE, 0, 0 },
    { 1e-300, FALSE, 0, 0 },
    { 5e-324, FALSE, 0, 0 },
    { 1e300, FALSE, 0, 0 },                            /* beyond 2⁵³ */
    { 9007199254740992.0, TRUE, 9007199254740992, 1 },
    { NAN, FALSE, 0, 0 },
    { INFINITY, FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 p = 0, q = 0;
      gboolean ok = tangent_taylor_rational (cases[i].value, &p, &q);

      g_test_message ("%.17g", cases[i].value);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_cmpint (p, ==, cases[i].p);
          g_assert_cmpint (q, ==, cases[i].q);
          g_assert_cmpfloat_with_epsilon ((double) p / (double) q, cases[i].value,
                                          1e-15 * fabs (cases[i].value));
        }
    }

  /* Four ulps from 1/6 are still 1/6, five are not. */
  {
    double c = 1.0 / 6;
    gint64 p, q;

    for (guint i = 0; i < 4; i++)
      c = nextafter (c, 1);
    g_assert_true (tangent_taylor_rational (c, &p, &q));
    g_assert_cmpint (q, ==, 6);
    g_assert_false (tangent_taylor_rational (nextafter (c, 1), &p, &q));
  }
}

/* Large, tiny and non-finite coefficients; signed zeros are zeros. */
static void
test_taylor_print_extremes (void)
{
  const double big[] = { 1e300, -2.5e-7, G_PI / 10 };
  const double bad[] = { NAN, -INFINITY, INFINITY };
  const double zeros[] = { 0, -0.0, 0 };
  const double one[] = { -1, -1 };

  assert_print (big, 2, 0, TEXT, "1e300 - 2.5e-7 x + 0.3141592653589793x²");
  assert_print (big, 2, 0, MARKUP,
                "1\xc3\x97" "10<sup>300</sup> \xe2\x88\x92 2.5\xc3\x97" "10<sup>\xe2\x88\x92" "7</sup> "
                "<i>x</i> + 0.3141592653589793<i>x</i><sup>2</sup>");
  assert_print (big, 2, 0, LATEX,
                "1 \\times 10^{300} - 2.5 \\times 10^{-7} x + 0.3141592653589793x^{2}");
  assert_print (bad, 2, 0, TEXT, "nan - inf x + inf x²");
  assert_print (bad, 2, 0, MARKUP,
                "NaN \xe2\x88\x92 \xe2\x88\x9e <i>x</i> + \xe2\x88\x9e <i>x</i><sup>2</sup>");
  assert_print (bad, 2, 0, LATEX, "\\mathrm{NaN} - \\infty x + \\infty x^{2}");
  assert_print (zeros, 2, 0, TEXT, "0");
  assert_print (zeros, 0, 5, LATEX, "0");
  assert_print (one, 1, 0, TEXT, "-1 - x");
  assert_print (one, 1, 1e-7, TEXT, "-1 - (x - 1e-7)");
}

/* The plain text is the formula language: each polynomial evaluates, as
 * a formula, to the same value as Horner's scheme over its coefficients. */
static void
test_taylor_print_reparse (void)
{
  static const struct { const char *f; double centre; guint order; } cases[] = {
    { "sin(x)", 0, 9 },
    { "exp(x)", 0, 12 },
    { "ln(1 + x)", 0, 8 },
    { "cos(x)", G_PI, 6 },
    { "1/(1 - x)", 0.5, 5 },
    { "atan(x)", -2, 5 },
    { "tan(x)", 0, 9 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double coeffs[16];
      double at = cases[i].centre + 0.3, want = 0, point[3] = { at, 0, 0 };
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      double value;

      jet (cases[i].f, cases[i].centre, cases[i].order, coeffs);
      for (guint k = cases[i].order + 1; k-- > 0;)
        want = want * (at - cases[i].centre) + coeffs[k];

      text = tangent_taylor_print (coeffs, cases[i].order, cases[i].centre, "x", TEXT);
      g_test_message ("%s about %g: %s", cases[i].f, cases[i].centre, text);
      g_assert_true (tangent_jet_eval_text (text, point, TANGENT_VARIABLE_X, 0, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (value, want, 1e-14 * MAX (1, fabs (want)));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/taylor-print/sin", test_taylor_print_sin);
  g_test_add_func ("/core/taylor-print/exp", test_taylor_print_exp);
  g_test_add_func ("/core/taylor-print/log", test_taylor_print_log);
  g_test_add_func ("/core/taylor-print/centre", test_taylor_print_centre);
  g_test_add_func ("/core/taylor-print/cos-pi", test_taylor_print_cos_pi);
  g_test_add_func ("/core/taylor-print/2d", test_taylor_print_2d);
  g_test_add_func ("/core/taylor-print/rational", test_taylor_print_rational);
  g_test_add_func ("/core/taylor-print/extremes", test_taylor_print_extremes);
  g_test_add_func ("/core/taylor-print/reparse", test_taylor_print_reparse);

  return g_test_run ();
}
