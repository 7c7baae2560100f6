/* test-ticks.c: nice tick steps and tick values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "tangent-ticks.h"

/* Worked by hand: span / (max_ticks - 1) is the largest allowed step; the
 * answer is the smallest of 1, 2, 5 × 10^k not below it. */
static const struct {
  double span;
  guint max_ticks;
  double step;
} step_cases[] = {
  { 10, 11, 1 },      /* raw 1 */
  { 10, 6, 2 },       /* raw 2 */
  { 10, 5, 5 },       /* raw 2.5 */
  { 10, 3, 5 },       /* raw 5 */
  { 10, 2, 10 },      /* raw 10 */
  { 1, 11, 0.1 },     /* raw 0.1 */
  { 0.3, 4, 0.1 },    /* raw 0.1 after rounding of 0.3 / 3 */
  { 7, 4, 5 },        /* raw 2.33 */
  { 14, 8, 2 },       /* raw 2 */
  { 1e-6, 3, 5e-7 },  /* raw 5e-7 */
  { 3e5, 7, 5e4 },    /* raw 5e4 */
};

static void
test_ticks_nice_step (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_cases); i++)
    {
      double step = tangent_nice_step (step_cases[i].span, step_cases[i].max_ticks);

      g_assert_cmpfloat_with_epsilon (step, step_cases[i].step, step_cases[i].step * 1e-12);
    }
}

static void
test_ticks_invalid (void)
{
  TangentTicks ticks;

  g_assert_cmpfloat (tangent_nice_step (0, 5), ==, 0);
  g_assert_cmpfloat (tangent_nice_step (-1, 5), ==, 0);
  g_assert_cmpfloat (tangent_nice_step (NAN, 5), ==, 0);
  g_assert_cmpfloat (tangent_nice_step (INFINITY, 5), ==, 0);
  g_assert_cmpfloat (tangent_nice_step (1, 1), ==, 0);

  g_assert_false (tangent_ticks_compute (1, 1, 5, &ticks));
  g_assert_false (tangent_ticks_compute (2, 1, 5, &ticks));
  g_assert_false (tangent_ticks_compute (-INFINITY, 1, 5, &ticks));
  g_assert_false (tangent_ticks_compute (0, NAN, 5, &ticks));
  /* Ticks a few ulps apart cannot be told apart: refuse, do not loop. */
  g_assert_false (tangent_ticks_compute (1e300, nextafter (nextafter (1e300, 2e300), 2e300), 5,
                                         &ticks));
  g_assert_false (tangent_ticks_compute (-1.7e308, 1.7e308, 5, &ticks));
}

static void
test_ticks_values (void)
{
  TangentTicks ticks;

  /* [-7, 7] with at most 8 ticks: step 2, ticks -6 … 6. */
  g_assert_true (tangent_ticks_compute (-7, 7, 8, &ticks));
  g_assert_cmpfloat (ticks.step, ==, 2);
  g_assert_cmpuint (ticks.count, ==, 7);
  g_assert_cmpfloat (tangent_ticks_value (&ticks, 0), ==, -6);
  g_assert_cmpfloat (tangent_ticks_value (&ticks, 6), ==, 6);
  g_assert_cmpuint (ticks.decimals, ==, 0);

  /* [0, 1] in tenths: the ticks are the correctly rounded decimals. */
  g_assert_true (tangent_ticks_compute (0, 1, 11, &ticks));
  g_assert_cmpuint (ticks.count, ==, 11);
  g_assert_cmpuint (ticks.decimals, ==, 1);
  g_assert_cmpfloat (tangent_ticks_value (&ticks, 3), ==, 0.3);
  g_assert_cmpfloat (tangent_ticks_value (&ticks, 7), ==, 0.7);
  g_assert_cmpfloat (tangent_ticks_value (&ticks, 10), ==, 1.0);

  /* Ends that are not multiples of the step are not ticks. */
  g_assert_true (tangent_ticks_compute (0.05, 0.95, 11, &ticks));
  g_assert_cmpfloat (ticks.step, ==, 0.1);
  g_assert_cmpfloat (tangent_ticks_value (&ticks, 0), ==, 0.1);
  g_assert_cmpuint (ticks.count, ==, 9);

  /* Step 0.05 needs two decimals. */
  g_assert_true (tangent_ticks_compute (0, 0.2, 5, &ticks));
  g_assert_cmpfloat (ticks.step, ==, 0.05);
  g_assert_cmpuint (ticks.decimals, ==, 2);
  g_assert_cmpfloat (tangent_ticks_value (&ticks, 3), ==, 0.15);
}

/* For random ranges, every tick lies inside the range, the count respects
 * the bound, and consecutive ticks differ by one step. */
static void
test_ticks_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 10000; i++)
    {
      double lo = g_rand_double_range (rand, -1e3, 1e3) * pow (10, g_rand_int_range (rand, -8, 8));
      double hi = lo + g_rand_double_range (rand, 1e-3, 1e3) * pow (10, g_rand_int_range (rand, -8, 8));
      guint max_ticks = g_rand_int_range (rand, 2, 30);
      TangentTicks ticks;

      if (!tangent_ticks_compute (lo, hi, max_ticks, &ticks))
        continue;

      g_assert_cmpuint (ticks.count, <=, max_ticks);
      g_assert_cmpuint (ticks.count, >=, 1);
      for (guint k = 0; k < ticks.count; k++)
        {
          double v = tangent_ticks_value (&ticks, k);

          double slack = ticks.step * 1e-6 + fabs (v) * 1e-15;

          g_assert_cmpfloat (v, >=, lo - slack);
          g_assert_cmpfloat (v, <=, hi + slack);
          if (k > 0)
            /* Far from zero the difference of two ticks carries the
             * rounding of their magnitude, a few ulps of |v|. */
            g_assert_cmpfloat_with_epsilon (v - tangent_ticks_value (&ticks, k - 1), ticks.step,
                                            ticks.step * 1e-6 + fabs (v) * 1e-15);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plot/ticks/nice-step", test_ticks_nice_step);
  g_test_add_func ("/plot/ticks/invalid", test_ticks_invalid);
  g_test_add_func ("/plot/ticks/values", test_ticks_values);
  g_test_add_func ("/plot/ticks/random", test_ticks_random);

  return g_test_run ();
}
