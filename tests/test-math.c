/* test-math.c: the scalar kernels: hand-known values, and SLEEF against
 * long-double libm over random points, for every kernel set of this CPU
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "tangent-math.h"
#include "tangent-vm-private.h"

static void
assert_bits (double got,
             double want)
{
  if (isnan (want))
    g_assert_true (isnan (got));
  else if (memcmp (&got, &want, sizeof got) != 0)
    g_error ("got %.17g, want %.17g", got, want);
}

static void
test_math_values (void)
{
  assert_bits (tangent_math_pow (0, 0), 1);
  assert_bits (tangent_math_pow (NAN, 0), 1);
  assert_bits (tangent_math_pow (2, 10), 1024);
  assert_bits (tangent_math_pow (-2, 3), -8);
  assert_bits (tangent_math_pow (-2, -1), -0.5);
  assert_bits (tangent_math_pow (-8, 0.3333333333333333), NAN);
  assert_bits (tangent_math_pow (0, -1), INFINITY);
  assert_bits (tangent_math_pow (-2, 11), -2048);
  assert_bits (tangent_math_pow (4, 0.5), 2);
  assert_bits (tangent_math_odd_root_pow (-8, 1, 3), -2);
  assert_bits (tangent_math_odd_root_pow (-8, 2, 3), 4);
  assert_bits (tangent_math_odd_root_pow (8, 2, 3), 4);
  assert_bits (tangent_math_odd_root_pow (-8, -1, 3), -0.5);
  assert_bits (tangent_math_odd_root_pow (-32, 1, 5), -2);
  assert_bits (tangent_math_odd_root_pow (-32, 3, 5), -8);
  assert_bits (tangent_math_odd_root_pow (-2, 3, 1), -8);
  assert_bits (tangent_math_odd_root_pow (-27, 0, 3), 1);
  assert_bits (tangent_math_odd_root_pow (NAN, 1, 3), NAN);

  assert_bits (tangent_math_call (TANGENT_BUILTIN_ROUND, -2.5, 0), -3);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_ROUND, 2.5, 0), 3);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_ROUND, 0.49999999999999994, 0), 0);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_ROUND, -0.5, 0), -1);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_FLOOR, -0.5, 0), -1);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_CEIL, -0.5, 0), -0.0);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_ABS, -3, 0), 3);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_SIGN, -3, 0), -1);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_SIGN, 0, 0), 0);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_SIGN, NAN, 0), NAN);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_SQRT, -1, 0), NAN);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_SQRT, 2, 0), sqrt (2));
  assert_bits (tangent_math_call (TANGENT_BUILTIN_LN, -1, 0), NAN);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_LN, 0, 0), -INFINITY);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_LN, 1, 0), 0);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_EXP, 0, 0), 1);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_CBRT, -27, 0), -3);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_LOG10, 1000, 0), 3);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_LOG2, 1024, 0), 10);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_MIN, NAN, 1), NAN);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_MIN, 1, NAN), NAN);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_MAX, NAN, 1), NAN);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_MAX, 1, NAN), NAN);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_MIN, 2, 1), 1);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_MAX, 2, 1), 2);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_MIN, -INFINITY, 1), -INFINITY);

  /* atan2(y, x) in each quadrant and on the axes. */
  g_assert_cmpfloat_with_epsilon (tangent_math_call (TANGENT_BUILTIN_ATAN2, 1, 1), G_PI / 4, 1e-15);
  g_assert_cmpfloat_with_epsilon (tangent_math_call (TANGENT_BUILTIN_ATAN2, 1, -1), 3 * G_PI / 4, 1e-15);
  g_assert_cmpfloat_with_epsilon (tangent_math_call (TANGENT_BUILTIN_ATAN2, -1, -1), -3 * G_PI / 4, 1e-15);
  g_assert_cmpfloat_with_epsilon (tangent_math_call (TANGENT_BUILTIN_ATAN2, -1, 1), -G_PI / 4, 1e-15);
  g_assert_cmpfloat_with_epsilon (tangent_math_call (TANGENT_BUILTIN_ATAN2, 0, -1), G_PI, 1e-15);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_ATAN2, 0, 1), 0);

  g_assert_cmpfloat_with_epsilon (tangent_math_call (TANGENT_BUILTIN_SEC, 1, 0), 1 / cos (1), 1e-15);
  g_assert_cmpfloat_with_epsilon (tangent_math_call (TANGENT_BUILTIN_CSC, 1, 0), 1 / sin (1), 1e-15);
  g_assert_cmpfloat_with_epsilon (tangent_math_call (TANGENT_BUILTIN_COT, 1, 0), 1 / tan (1), 1e-15);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_COT, 0, 0), INFINITY);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_COT, -0.0, 0), -INFINITY);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_CSC, 0, 0), INFINITY);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_SEC, 0, 0), 1);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_SIN, 0, 0), 0);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_TANH, 40, 0), 1);
  assert_bits (tangent_math_call (TANGENT_BUILTIN_ASIN, 2, 0), NAN);
}

/* Small integer powers are products: x^3 = (x*x)*x, x^4 = (x*x)*(x*x). */
static void
test_math_powi (void)
{
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 1000; i++)
    {
      double x = g_rand_double_range (rand, -10, 10);
      double x2 = x * x;

      assert_bits (tangent_math_pow (x, 2), x2);
      assert_bits (tangent_math_pow (x, 3), x2 * x);
      assert_bits (tangent_math_pow (x, 4), x2 * x2);
      assert_bits (tangent_math_pow (x, 5), (x2 * x2) * x);
      assert_bits (tangent_math_pow (x, -2), 1 / x2);
      assert_bits (tangent_math_pow (x, 1), x);
    }

  g_rand_free (rand);
}

typedef struct
{
  TangentBuiltin fn;
  long double  (*ref) (long double);
  double         lo, hi;
} UnaryCase;

static long double sec_l (long double x) { return 1.0L / cosl (x); }
static long double csc_l (long double x) { return 1.0L / sinl (x); }
static long double cot_l (long double x) { return 1.0L / tanl (x); }

static const UnaryCase unary_cases[] = {
  { TANGENT_BUILTIN_SQRT, sqrtl, 0, 1e6 },
  { TANGENT_BUILTIN_CBRT, cbrtl, -1e6, 1e6 },
  { TANGENT_BUILTIN_EXP, expl, -700, 700 },
  { TANGENT_BUILTIN_LN, logl, 1e-300, 1e300 },
  { TANGENT_BUILTIN_LN, logl, 0.5, 2 },
  { TANGENT_BUILTIN_LOG10, log10l, 1e-10, 1e10 },
  { TANGENT_BUILTIN_LOG2, log2l, 1e-10, 1e10 },
  { TANGENT_BUILTIN_SIN, sinl, -100, 100 },
  { TANGENT_BUILTIN_COS, cosl, -100, 100 },
  { TANGENT_BUILTIN_TAN, tanl, -10, 10 },
  { TANGENT_BUILTIN_SEC, sec_l, -10, 10 },
  { TANGENT_BUILTIN_CSC, csc_l, -10, 10 },
  { TANGENT_BUILTIN_COT, cot_l, -10, 10 },
  { TANGENT_BUILTIN_ASIN, asinl, -1, 1 },
  { TANGENT_BUILTIN_ACOS, acosl, -1, 1 },
  { TANGENT_BUILTIN_ATAN, atanl, -100, 100 },
  { TANGENT_BUILTIN_SINH, sinhl, -700, 700 },
  { TANGENT_BUILTIN_SINH, sinhl, -1, 1 },
  { TANGENT_BUILTIN_COSH, coshl, -700, 700 },
  { TANGENT_BUILTIN_TANH, tanhl, -20, 20 },
};

/* Error in units in the last place of the correctly rounded result. */
static double
ulp_error (double      got,
           long double want)
{
  double w = (double) want;
  double ulp = nextafter (fabs (w), INFINITY) - fabs (w);

  if (isinf (w) && got == w)
    return 0;
  return (double) (fabsl ((long double) got - want) / ulp);
}

/* Runs one builtin through a given kernel set, on one padded vector. */
static double
run_isa (const TangentVmIsa *isa,
         TangentOpcode       op,
         double              b,
         double              c)
{
  double lanes[3][TANGENT_VM_LANES] __attribute__ ((aligned (64)));
  double *R[3] = { lanes[0], lanes[1], lanes[2] };
  TangentInstr in = { op, 0, 1, 2, 2, 0, 0 };

  for (guint i = 0; i < TANGENT_VM_LANES; i++)
    {
      lanes[0][i] = 0;
      lanes[1][i] = b + i;
      lanes[2][i] = c;
    }
  lanes[1][3] = b;
  isa->run (&in, 1, R, TANGENT_VM_LANES, NULL);
  /* A lane's result does not depend on the other lanes. */
  g_assert_true (memcmp (&lanes[0][0], &lanes[0][3], sizeof (double)) == 0
                 || (isnan (lanes[0][0]) && isnan (lanes[0][3])));
  return lanes[0][0];
}

static void
test_math_accuracy (void)
{
  const char *const *names = _tangent_vm_list_isas ();

  for (guint s = 0; names[s] != NULL; s++)
    {
      const TangentVmIsa *isa = _tangent_vm_find_isa (names[s]);
      GRand *rand = g_rand_new_with_seed (42);
      double worst_atan2 = 0, worst_pow = 0;

      g_test_message ("kernel set %s", names[s]);
      for (guint c = 0; c < G_N_ELEMENTS (unary_cases); c++)
        {
          const UnaryCase *uc = &unary_cases[c];
          TangentOpcode op = _tangent_opcode_for_builtin (uc->fn);
          double worst = 0;

          for (guint i = 0; i < 2000; i++)
            {
              double x = g_rand_double_range (rand, uc->lo, uc->hi);
              double got = run_isa (isa, op, x, 0);
              double err = ulp_error (got, uc->ref (x));

              worst = MAX (worst, err);
            }
          g_test_message ("  %s: %.2f ulp", tangent_builtin_get_name (uc->fn), worst);
          /* 1-ULP kernels; sec, csc, cot add one rounding of 1/v. */
          g_assert_cmpfloat (worst, <=, 2.5);
        }

      for (guint i = 0; i < 2000; i++)
        {
          double y = g_rand_double_range (rand, -10, 10);
          double x = g_rand_double_range (rand, -10, 10);
          double b = g_rand_double_range (rand, 0.01, 100);
          double e = g_rand_double_range (rand, -20, 20);

          worst_atan2 = MAX (worst_atan2, ulp_error (run_isa (isa, TANGENT_OP_ATAN2, y, x), atan2l (y, x)));
          worst_pow = MAX (worst_pow, ulp_error (run_isa (isa, TANGENT_OP_POW, b, e), powl (b, e)));
        }
      g_test_message ("  atan2: %.2f ulp, pow: %.2f ulp", worst_atan2, worst_pow);
      g_assert_cmpfloat (worst_atan2, <=, 2);
      g_assert_cmpfloat (worst_pow, <=, 2);

      /* Exact operations agree bit for bit with libm. */
      for (guint i = 0; i < 2000; i++)
        {
          double x = g_rand_double_range (rand, -1e6, 1e6) / (1 << (i % 20));

          assert_bits (run_isa (isa, TANGENT_OP_SQRT, fabs (x), 0), sqrt (fabs (x)));
          assert_bits (run_isa (isa, TANGENT_OP_FLOOR, x, 0), floor (x));
          assert_bits (run_isa (isa, TANGENT_OP_CEIL, x, 0), ceil (x));
          assert_bits (run_isa (isa, TANGENT_OP_ROUND, x, 0), round (x));
          assert_bits (run_isa (isa, TANGENT_OP_ROUND, floor (x) + 0.5, 0), round (floor (x) + 0.5));
        }

      g_rand_free (rand);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/math/values", test_math_values);
  g_test_add_func ("/core/math/powi", test_math_powi);
  g_test_add_func ("/core/math/accuracy", test_math_accuracy);

  return g_test_run ();
}
