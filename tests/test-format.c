/* test-format.c: locale-independent number formatting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "tangent-format.h"

/* Expected strings are written by hand from the decimal expansions of the
 * binary64 values (0.1 + 0.2 = 0.3000000000000000444…, DBL_MAX =
 * 1.7976931348623157e308, the least subnormal ≈ 4.9406564584124654e-324). */
static const struct {
  double value;
  const char *shortest;
  const char *exact;
} cases[] = {
  { 0.0, "0", "0" },
  { -0.0, "0", "-0" },
  { 1.0, "1", "1" },
  { -2.5, "-2.5", "-2.5" },
  { 0.1, "0.1", "0.10000000000000001" },
  { 0.1 + 0.2, "0.30000000000000004", "0.30000000000000004" },
  { 1.0 / 3.0, "0.3333333333333333", "0.33333333333333331" },
  { 1e21, "1e+21", "1e+21" },
  { 10, "10", "10" },
  { 0.001, "0.001", "0.001" },
  { 1.5e-6, "1.5e-06", "1.5e-06" },
  { 1e16, "10000000000000000", "10000000000000000" },
  { 2.5e17, "2.5e+17", "2.5e+17" },
  { 123456789.0, "123456789", "123456789" },
  { 1.7976931348623157e308, "1.7976931348623157e+308", "1.7976931348623157e+308" },
  { 4.9406564584124654e-324, "5e-324", "4.9406564584124654e-324" },
};

static void
test_format_shortest (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buf[TANGENT_FORMAT_BUF_SIZE];

      g_assert_cmpstr (tangent_format_shortest (buf, cases[i].value), ==, cases[i].shortest);
    }
}

static void
test_format_exact (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buf[TANGENT_FORMAT_BUF_SIZE];

      g_assert_cmpstr (tangent_format_exact (buf, cases[i].value), ==, cases[i].exact);
    }
}

/* Every shortest form reads back as the same double, for values spread
 * over the whole exponent range. */
static void
test_format_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261126);

  for (guint i = 0; i < 20000; i++)
    {
      char buf[TANGENT_FORMAT_BUF_SIZE];
      guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      double value;

      memcpy (&value, &bits, sizeof value);
      if (!isfinite (value) || value == 0)
        continue;

      tangent_format_shortest (buf, value);
      g_assert_cmpfloat (g_ascii_strtod (buf, NULL), ==, value);
      tangent_format_exact (buf, value);
      g_assert_cmpfloat (g_ascii_strtod (buf, NULL), ==, value);
    }
}

static void
test_format_non_finite (void)
{
  char buf[TANGENT_FORMAT_BUF_SIZE];

  g_assert_cmpstr (tangent_format_shortest (buf, NAN), ==, "nan");
  g_assert_cmpstr (tangent_format_exact (buf, -NAN), ==, "nan");
  g_assert_cmpstr (tangent_format_exact (buf, INFINITY), ==, "inf");
  g_assert_cmpstr (tangent_format_exact (buf, -INFINITY), ==, "-inf");
  g_assert_cmpstr (tangent_format_fixed (buf, -INFINITY, 2), ==, "-inf");
}

static void
test_format_fixed (void)
{
  char buf[TANGENT_FORMAT_BUF_SIZE];

  g_assert_cmpstr (tangent_format_fixed (buf, 0.30000000000000004, 1), ==, "0.3");
  g_assert_cmpstr (tangent_format_fixed (buf, 2, 0), ==, "2");
  g_assert_cmpstr (tangent_format_fixed (buf, -1.5, 2), ==, "-1.50");
  g_assert_cmpstr (tangent_format_fixed (buf, -0.001, 2), ==, "0.00");
  g_assert_cmpstr (tangent_format_fixed (buf, -0.0, 0), ==, "0");
  g_assert_cmpstr (tangent_format_fixed (buf, 2e20, 0), ==, "2e+20");
}

int
main (int   argc,
      char *argv[])
{
  /* The test environment sets a decimal-comma LC_NUMERIC; make it bite. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/format/shortest", test_format_shortest);
  g_test_add_func ("/core/format/exact", test_format_exact);
  g_test_add_func ("/core/format/round-trip", test_format_round_trip);
  g_test_add_func ("/core/format/non-finite", test_format_non_finite);
  g_test_add_func ("/core/format/fixed", test_format_fixed);

  return g_test_run ();
}
