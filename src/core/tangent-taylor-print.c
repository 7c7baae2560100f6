/* tangent-taylor-print.c: Taylor polynomials from their coefficients, as
 * plain text, Pango markup and LaTeX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The conventions, the same in the three spellings:
 *   - Terms in increasing order (grade by grade in 2-D, x before y within
 *     a grade, as TANGENT_JET2_INDEX stores them); zero coefficients are
 *     left out, and a polynomial with none left is "0".
 *   - About 0 the powers are of the variable itself (x³); about a ≠ 0 of
 *     the bracket (x - a) or (x + |a|), never expanded: 1 + (x - 1) -
 *     (x - 1)²/2. The centre is written as the shortest decimal.
 *   - Signs are folded into the joins: "x - x³/6", not "x + -1/6x³".
 *   - A coefficient that is p/q (see tangent_taylor_rational()) is
 *     written as a fraction with the powers in the numerator: x³/6,
 *     3x²/8, \frac{3x^{2}}{8}; 1 and -1 are not written before a power.
 *     A fraction with a terminating decimal is a fraction only if no
 *     longer than the decimal: x²/2, x/10, but 2.5e-7 x.
 *     Any other coefficient is the shortest decimal that reads back as it
 *     (tangent_format_shortest), juxtaposed: 0.30000000000000004x².
 *   - NaN and infinite coefficients, which are not numbers of the
 *     language, are the words "nan" and "inf" in plain text (such a text
 *     does not re-parse: there is no polynomial), NaN and ∞ in markup,
 *     \mathrm{NaN} and \infty in LaTeX.
 * Plain text is the formula language (LANGUAGE.md): superscript digits,
 * juxtaposition where it is allowed ("3x²", "2(x - 1)", "x²y", and a
 * space after a number in scientific notation: "1.5e-7 x"), '-' for minus.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-taylor-print"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tangent-format.h"
#include "tangent-jet.h"
#include "tangent-taylor-print.h"

/* 2^53: every integer up to here is a double, so p / q is one correctly
 * rounded division. */
#define EXACT_INTEGER_LIMIT 9007199254740992.0

/* A rational p/q is accepted while |p| q = q² |c| stays below this, and within
 * this many ulps of the coefficient; see tangent_taylor_rational(). */
#define RATIONAL_BUDGET 1e11
#define RATIONAL_ULPS   4

/**
 * tangent_taylor_rational:
 * @value: a coefficient
 * @numerator: (out): p, with the sign of @value
 * @denominator: (out): q ≥ 1
 *
 * Recognises a coefficient that is a "small" fraction p/q, so that it can
 * be printed as 1/6 rather than 0.16666666666666666. The rule: p/q in
 * lowest terms with the smallest q such that
 *   - the double nearest p/q is within 4 ulps of @value. Exactly equal
 *     would be the natural rule (and makes 0.1 print as 1/10: the decimal
 *     and the fraction round to the same double), but coefficients come
 *     from jets, whose recurrences round: sin's x⁷ coefficient is one ulp
 *     below 1/5040, ln(1 + x)'s x¹⁶ two ulps from -1/16. The cost is that
 *     0.1 + 0.2 = 0.30000000000000004, one ulp above 0.3, prints as 3/10;
 *     the JSON coefficients stay exact.
 *   - |p| q = q² |p/q| ≤ 10¹¹. By counting: the fractions with q ≤ Q near |c| are
 *     about |c| Q² per unit, the doubles about 2⁵² |c|, so a double that
 *     is no fraction at all passes for one (9 ulps wide a window) with a
 *     probability of about 9·10¹¹ / 2⁵² ≈ 2·10⁻⁴, whatever its size. The
 *     bound keeps q ≤ 3·10⁵ near 1 and allows the factorials of exp's and
 *     sin's coefficients up to 14! (1/14! ≈ 1.1·10⁻¹¹).
 * Within the bound, |c − p/q| < 5 ulp < 1/(2q²), so p/q is a convergent
 * of the continued fraction of |c| (Legendre): only convergents are
 * tried, computed in long double, each accepted only after the test in
 * doubles. Integers up to 2⁵³ are p/1 (exact only: 3 is never 2.9999…).
 *
 * Returns: %TRUE if @value is such a fraction (or integer)
 */
gboolean
tangent_taylor_rational (double  value,
                         gint64 *numerator,
                         gint64 *denominator)
{
  double magnitude = fabs (value);
  double tolerance;
  long double x, q_max;
  gint64 h_prev = 0, h = 1, k_prev = 1, k = 0;   /* h₋₂, h₋₁, k₋₂, k₋₁ */

  g_return_val_if_fail (numerator != NULL, FALSE);
  g_return_val_if_fail (denominator != NULL, FALSE);

  if (!isfinite (value) || magnitude > EXACT_INTEGER_LIMIT)
    return FALSE;

  if (magnitude == floor (magnitude))
    {
      *numerator = (gint64) value;
      *denominator = 1;
      return TRUE;
    }

  /* q ≥ 1/|c| for p ≥ 1, so q² |c| ≥ 1/|c|: nothing tinier qualifies. */
  if (magnitude < 1 / RATIONAL_BUDGET)
    return FALSE;

  q_max = sqrtl ((long double) RATIONAL_BUDGET / magnitude);
  tolerance = RATIONAL_ULPS * (nextafter (magnitude, INFINITY) - magnitude);
  x = magnitude;

  for (guint i = 0; i < 64; i++)
    {
      long double a = floorl (x);
      long double h_next = a * h + h_prev;
      long double k_next = a * k + k_prev;
      long double rest;

      if (k_next > q_max || h_next > EXACT_INTEGER_LIMIT)
        break;

      h_prev = h, h = (gint64) h_next;
      k_prev = k, k = (gint64) k_next;

      if (k > 1 && fabs ((double) h / (double) k - magnitude) <= tolerance)
        {
          *numerator = value < 0 ? -h : h;
          *denominator = k;
          return TRUE;
        }

      rest = x - a;
      if (rest <= 0)
        break;
      x = 1 / rest;
    }

  return FALSE;
}

typedef struct
{
  GString             *out;
  TangentTaylorFormat  format;
} Printer;

static const char *
minus (const Printer *pr)
{
  return pr->format == TANGENT_TAYLOR_FORMAT_MARKUP ? "\xe2\x88\x92" : "-";
}

/* A finite, non-negative number as the shortest decimal; scientific
 * notation with a short exponent (1e-7, 1e300) in text, × 10 with a
 * raised exponent for reading. Returns whether it was scientific. */
static gboolean
print_decimal (Printer *pr,
               double   value)
{
  char buf[TANGENT_FORMAT_BUF_SIZE];
  char *e;
  const char *exponent;
  gboolean negative;

  tangent_format_shortest (buf, value);
  e = strchr (buf, 'e');
  if (e == NULL)
    {
      g_string_append (pr->out, buf);
      return FALSE;
    }

  *e = '\0';
  exponent = e + 1;
  negative = *exponent == '-';
  if (*exponent == '+' || *exponent == '-')
    exponent++;
  while (exponent[0] == '0' && exponent[1] != '\0')
    exponent++;

  switch (pr->format)
    {
    case TANGENT_TAYLOR_FORMAT_TEXT:
      g_string_append_printf (pr->out, "%se%s%s", buf, negative ? "-" : "", exponent);
      break;
    case TANGENT_TAYLOR_FORMAT_MARKUP:
      g_string_append_printf (pr->out, "%s\xc3\x97" "10<sup>%s%s</sup>", buf,
                              negative ? "\xe2\x88\x92" : "", exponent);
      break;
    case TANGENT_TAYLOR_FORMAT_LATEX:
    default:
      g_string_append_printf (pr->out, "%s \\times 10^{%s%s}", buf, negative ? "-" : "",
                              exponent);
      break;
    }

  return TRUE;
}

static void
print_name (Printer    *pr,
            const char *name)
{
  if (pr->format == TANGENT_TAYLOR_FORMAT_MARKUP)
    {
      g_autofree char *escaped = g_markup_escape_text (name, -1);

      g_string_append_printf (pr->out, "<i>%s</i>", escaped);
    }
  else
    g_string_append (pr->out, name);
}

static void
print_power (Printer *pr,
             guint    k)
{
  static const char *const digits[] = {
    "\xe2\x81\xb0", "\xc2\xb9", "\xc2\xb2", "\xc2\xb3", "\xe2\x81\xb4",
    "\xe2\x81\xb5", "\xe2\x81\xb6", "\xe2\x81\xb7", "\xe2\x81\xb8", "\xe2\x81\xb9",
  };
  char buf[16];

  if (k == 1)
    return;

  switch (pr->format)
    {
    case TANGENT_TAYLOR_FORMAT_TEXT:
      g_snprintf (buf, sizeof buf, "%u", k);
      for (const char *c = buf; *c != '\0'; c++)
        g_string_append (pr->out, digits[*c - '0']);
      break;
    case TANGENT_TAYLOR_FORMAT_MARKUP:
      g_string_append_printf (pr->out, "<sup>%u</sup>", k);
      break;
    case TANGENT_TAYLOR_FORMAT_LATEX:
    default:
      g_string_append_printf (pr->out, "^{%u}", k);
      break;
    }
}

/* One factor (x - a)^k of a term: x^k about 0. @bare leaves out the
 * brackets of (x - a), where a fraction bar already groups it. */
static void
print_factor (Printer    *pr,
              const char *name,
              double      centre,
              guint       k,
              gboolean    bare)
{
  if (centre == 0)
    print_name (pr, name);
  else
    {
      if (!bare)
        g_string_append_c (pr->out, '(');
      print_name (pr, name);
      g_string_append_printf (pr->out, " %s ", centre > 0 ? minus (pr) : "+");
      print_decimal (pr, fabs (centre));
      if (!bare)
        g_string_append_c (pr->out, ')');
    }
  print_power (pr, k);
}

typedef struct
{
  const char *name;
  double      centre;
  guint       power;
} Factor;

static guint
count_factors (const Factor *factors,
               guint         n)
{
  guint count = 0;

  for (guint i = 0; i < n; i++)
    count += factors[i].power > 0 ? 1 : 0;
  return count;
}

/* @bare: the factors are all of a LaTeX numerator (see print_factor). */
static void
print_factors (Printer      *pr,
               const Factor *factors,
               guint         n,
               gboolean      bare)
{
  const Factor *previous = NULL;

  for (guint i = 0; i < n; i++)
    {
      if (factors[i].power == 0)
        continue;

      /* "xy" is x·y, but a longer name such as k_2 must not run into
       * the next factor (k_2y, or k_2(y - 1), a call). */
      if (previous != NULL && previous->centre == 0 && previous->power == 1
          && strlen (previous->name) != 1)
        g_string_append_c (pr->out, ' ');
      print_factor (pr, factors[i].name, factors[i].centre, factors[i].power,
                    bare && factors[i].power == 1 && count_factors (factors, n) == 1);
      previous = &factors[i];
    }
}


/* A fraction whose decimal ends (q = 2^a 5^b) is written as a fraction
 * only when that is no longer: 1/2, 1/10, 3/8 and 1/1024, but 2.5e-7 and
 * 2.7e-7, not 1/4000000 and 27/100000000. */
static gboolean
prefer_fraction (double magnitude,
                 gint64 p,
                 gint64 q)
{
  char buf[TANGENT_FORMAT_BUF_SIZE];
  char fraction[64];
  gint64 rest = q;

  while (rest % 2 == 0)
    rest /= 2;
  while (rest % 5 == 0)
    rest /= 5;
  if (rest != 1)
    return TRUE;

  tangent_format_shortest (buf, magnitude);
  g_snprintf (fraction, sizeof fraction, "%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, p, q);
  return strlen (fraction) <= strlen (buf);
}

/* The magnitude |c| of a term's coefficient and its factors; the sign is
 * the caller's (folded into the join). */
static void
print_term (Printer      *pr,
            double        magnitude,
            const Factor *factors,
            guint         n)
{
  gboolean powers = count_factors (factors, n) > 0;
  gint64 p, q;

  if (!isfinite (magnitude))
    {
      switch (pr->format)
        {
        case TANGENT_TAYLOR_FORMAT_TEXT:
          g_string_append (pr->out, isnan (magnitude) ? "nan" : "inf");
          break;
        case TANGENT_TAYLOR_FORMAT_MARKUP:
          g_string_append (pr->out, isnan (magnitude) ? "NaN" : "\xe2\x88\x9e");
          break;
        case TANGENT_TAYLOR_FORMAT_LATEX:
        default:
          g_string_append (pr->out, isnan (magnitude) ? "\\mathrm{NaN}" : "\\infty");
          break;
        }
      if (powers)
        g_string_append_c (pr->out, ' ');
      print_factors (pr, factors, n, FALSE);
      return;
    }

  if (tangent_taylor_rational (magnitude, &p, &q) && q > 1 && prefer_fraction (magnitude, p, q))
    {
      if (pr->format == TANGENT_TAYLOR_FORMAT_LATEX)
        g_string_append (pr->out, "\\frac{");
      if (p != 1 || !powers)
        g_string_append_printf (pr->out, "%" G_GINT64_FORMAT, p);
      /* \frac{x - 1}{2}: the bar groups; (x - 1)/2 in text. */
      print_factors (pr, factors, n, pr->format == TANGENT_TAYLOR_FORMAT_LATEX && p == 1);
      if (pr->format == TANGENT_TAYLOR_FORMAT_LATEX)
        g_string_append_printf (pr->out, "}{%" G_GINT64_FORMAT "}", q);
      else
        g_string_append_printf (pr->out, "/%" G_GINT64_FORMAT, q);
      return;
    }

  /* An integer or a decimal. */
  if (magnitude != 1 || !powers)
    {
      if (print_decimal (pr, magnitude) && powers)
        g_string_append_c (pr->out, ' ');
    }
  print_factors (pr, factors, n, FALSE);
}

/* Appends one term with its sign folded into the join. */
static void
append_term (Printer      *pr,
             gboolean      first,
             double        c,
             const Factor *factors,
             guint         n)
{
  gboolean negative = signbit (c) && !isnan (c);

  if (first)
    {
      if (negative)
        g_string_append (pr->out, minus (pr));
    }
  else
    g_string_append_printf (pr->out, " %s ", negative ? minus (pr) : "+");

  print_term (pr, fabs (c), factors, n);
}

/**
 * tangent_taylor_print:
 * @coeffs: @order + 1 coefficients c_k of (x − @centre)^k
 * @order: the highest power
 * @centre: the point of expansion
 * @name: the variable, "x"
 * @format: the spelling
 *
 * Writes the polynomial Σ c_k (x − a)^k by the conventions at the top of
 * this file: "x - x³/6 + x⁵/120", "1 + (x - 1) - (x - 1)²/2".
 *
 * Returns: (transfer full): the polynomial
 */
char *
tangent_taylor_print (const double        *coeffs,
                      guint                order,
                      double               centre,
                      const char          *name,
                      TangentTaylorFormat  format)
{
  Printer pr = { g_string_new (NULL), format };
  gboolean first = TRUE;

  g_return_val_if_fail (coeffs != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint k = 0; k <= order; k++)
    {
      Factor factor = { name, centre, k };

      if (coeffs[k] == 0)
        continue;
      append_term (&pr, first, coeffs[k], &factor, 1);
      first = FALSE;
    }

  if (first)
    g_string_append_c (pr.out, '0');

  return g_string_free (pr.out, FALSE);
}

/**
 * tangent_taylor2_print:
 * @coeffs: TANGENT_JET2_SIZE (@order) coefficients, c at
 *   TANGENT_JET2_INDEX (i, j) of (x − A)^i (y − B)^j
 * @order: the highest total degree
 * @centre: the point of expansion (A, B)
 * @names: the variables, "x" and "y"
 * @format: the spelling
 *
 * Writes the polynomial Σ c_ij (x − A)^i (y − B)^j grade by grade:
 * "2 + 4(x - 1) + (y - 2) + 2(x - 1)² + 2(x - 1)(y - 2)".
 *
 * Returns: (transfer full): the polynomial
 */
char *
tangent_taylor2_print (const double        *coeffs,
                       guint                order,
                       const double         centre[2],
                       const char *const    names[2],
                       TangentTaylorFormat  format)
{
  Printer pr = { g_string_new (NULL), format };
  gboolean first = TRUE;

  g_return_val_if_fail (coeffs != NULL, NULL);
  g_return_val_if_fail (centre != NULL, NULL);
  g_return_val_if_fail (names != NULL && names[0] != NULL && names[1] != NULL, NULL);

  for (guint grade = 0; grade <= order; grade++)
    {
      for (guint j = 0; j <= grade; j++)
        {
          guint i = grade - j;
          double c = coeffs[TANGENT_JET2_INDEX (i, j)];
          Factor factors[2] = { { names[0], centre[0], i }, { names[1], centre[1], j } };

          if (c == 0)
            continue;
          append_term (&pr, first, c, factors, 2);
          first = FALSE;
        }
    }

  if (first)
    g_string_append_c (pr.out, '0');

  return g_string_free (pr.out, FALSE);
}
