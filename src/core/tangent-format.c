/* tangent-format.c: locale-independent formatting of numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-format"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tangent-format.h"

/* Non-finite values are spelled the way the CLI contract and the formula
 * language's messages spell them, whatever the C library would print.
 * Returns TRUE when @buf was filled.
 */
static gboolean
format_non_finite (char   *buf,
                   double  value)
{
  if (isnan (value))
    g_strlcpy (buf, "nan", TANGENT_FORMAT_BUF_SIZE);
  else if (isinf (value))
    g_strlcpy (buf, value > 0 ? "inf" : "-inf", TANGENT_FORMAT_BUF_SIZE);
  else
    return FALSE;

  return TRUE;
}

/**
 * tangent_format_shortest:
 * @buf: (out caller-allocates): at least %TANGENT_FORMAT_BUF_SIZE bytes
 * @value: the number
 *
 * Writes the shortest decimal that reads back as exactly @value, as a
 * person would write it: 0.1 + 0.2 is "0.30000000000000004" because that is
 * what it is, but 0.3 is "0.3". Negative zero is written "0", since a
 * student should not see a sign on nothing. The decimal separator is
 * always '.', whatever LC_NUMERIC says.
 *
 * Returns: (transfer none): @buf
 */
const char *
tangent_format_shortest (char   *buf,
                         double  value)
{
  char format[8];
  int digits, exponent;

  g_return_val_if_fail (buf != NULL, NULL);

  if (format_non_finite (buf, value))
    return buf;

  if (value == 0)
    {
      g_strlcpy (buf, "0", TANGENT_FORMAT_BUF_SIZE);
      return buf;
    }

  /* 17 significant digits always round-trip a binary64 (IEEE 754-2008,
   * 5.12.2), so the loop ends with a representation at the latest there. */
  for (digits = 1; digits < 17; digits++)
    {
      g_snprintf (format, sizeof format, "%%.%de", digits - 1);
      g_ascii_formatd (buf, TANGENT_FORMAT_BUF_SIZE, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  /* The same digits, written as a person would: fixed notation for
   * magnitudes from 1e-5 to below 1e17 (10, not 1e+01; 0.001, not
   * 1e-03), scientific notation beyond. */
  g_ascii_formatd (buf, TANGENT_FORMAT_BUF_SIZE, "%.16e", value);
  exponent = atoi (strchr (buf, 'e') + 1);
  if (exponent >= -5 && exponent < 17)
    g_snprintf (format, sizeof format, "%%.%df", MAX (0, digits - 1 - exponent));
  else
    g_snprintf (format, sizeof format, "%%.%de", digits - 1);
  g_ascii_formatd (buf, TANGENT_FORMAT_BUF_SIZE, format, value);

  return buf;
}

/**
 * tangent_format_exact:
 * @buf: (out caller-allocates): at least %TANGENT_FORMAT_BUF_SIZE bytes
 * @value: the number
 *
 * Writes @value with 17 significant digits, as the JSON output of
 * tangent-cli promises, so a script reads back the very same double.
 * Non-finite values become "nan", "inf" and "-inf".
 *
 * Returns: (transfer none): @buf
 */
const char *
tangent_format_exact (char   *buf,
                      double  value)
{
  g_return_val_if_fail (buf != NULL, NULL);

  if (!format_non_finite (buf, value))
    g_ascii_formatd (buf, TANGENT_FORMAT_BUF_SIZE, "%.17g", value);

  return buf;
}

/**
 * tangent_format_fixed:
 * @buf: (out caller-allocates): at least %TANGENT_FORMAT_BUF_SIZE bytes
 * @value: the number
 * @decimals: digits after the point, at most 17
 *
 * Writes @value with a fixed number of decimals, as tick labels need: all
 * labels of an axis share the step's precision. A result that rounds to
 * zero is written without a sign. Magnitudes too large for fixed notation
 * in the buffer fall back to tangent_format_shortest().
 *
 * Returns: (transfer none): @buf
 */
const char *
tangent_format_fixed (char   *buf,
                      double  value,
                      guint   decimals)
{
  char format[8];

  g_return_val_if_fail (buf != NULL, NULL);

  if (format_non_finite (buf, value))
    return buf;

  if (fabs (value) >= 1e15)
    return tangent_format_shortest (buf, value);

  decimals = MIN (decimals, 17);
  g_snprintf (format, sizeof format, "%%.%uf", decimals);
  g_ascii_formatd (buf, TANGENT_FORMAT_BUF_SIZE, format, value);

  /* "-0.00" is zero: drop the sign. */
  if (buf[0] == '-' && g_ascii_strtod (buf, NULL) == 0)
    memmove (buf, buf + 1, strlen (buf));

  return buf;
}
