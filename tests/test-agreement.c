/* test-agreement.c: three ways to a derivative must agree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For random formulas built from the builtins, the first partial
 * derivatives are computed three ways that share no code: the symbolic
 * derivative compiled and evaluated, forward-mode automatic
 * differentiation in the VM, and a Richardson-extrapolated central
 * difference of the plain program. The first two must agree to rounding;
 * the difference quotient to its truncation error.
 */

#include "config.h"

#include <math.h>

#include "tangent-compile.h"
#include "tangent-derive.h"
#include "tangent-vm.h"

static TangentNode *random_tree (GRand *rand, guint depth);

static TangentNode *
leaf (GRand *rand)
{
  switch (g_rand_int_range (rand, 0, 5))
    {
    case 0:
      return tangent_node_new_number (g_rand_int_range (rand, 1, 6) / 2.0);
    case 1:
      return tangent_node_new_constant (TANGENT_CONSTANT_PI);
    case 2:
    case 3:
      return tangent_node_new_variable (TANGENT_VARIABLE_X);
    default:
      return tangent_node_new_variable (TANGENT_VARIABLE_Y);
    }
}

/* 1 + u², positive everywhere: a safe denominator and log argument. */
static TangentNode *
one_plus_square (TangentNode *u)
{
  return tangent_node_new_binary_sum (tangent_node_new_number (1), FALSE,
                                      tangent_node_new_pow (u, tangent_node_new_number (2)));
}

/* Smooth on the whole plane, so every point is a fair test point. */
static TangentNode *
random_tree (GRand *rand,
             guint  depth)
{
  TangentNode *u;

  if (depth == 0)
    return leaf (rand);

  switch (g_rand_int_range (rand, 0, 14))
    {
    case 0:
      return tangent_node_new_binary_sum (random_tree (rand, depth - 1), g_rand_boolean (rand),
                                          random_tree (rand, depth - 1));
    case 1:
      return tangent_node_new_binary_product (random_tree (rand, depth - 1), FALSE,
                                              random_tree (rand, depth - 1));
    case 2:
      return tangent_node_new_binary_product (random_tree (rand, depth - 1), TRUE,
                                              one_plus_square (random_tree (rand, depth - 1)));
    case 3:
      return tangent_node_new_pow (random_tree (rand, depth - 1),
                                   tangent_node_new_number (g_rand_int_range (rand, 2, 5)));
    case 4:
      return tangent_node_new_call1 (TANGENT_BUILTIN_SIN, random_tree (rand, depth - 1));
    case 5:
      return tangent_node_new_call1 (TANGENT_BUILTIN_COS, random_tree (rand, depth - 1));
    case 6:
      u = tangent_node_new_call1 (TANGENT_BUILTIN_SIN, random_tree (rand, depth - 1));
      return tangent_node_new_call1 (TANGENT_BUILTIN_EXP, u);
    case 7:
      return tangent_node_new_call1 (TANGENT_BUILTIN_ATAN, random_tree (rand, depth - 1));
    case 8:
      return tangent_node_new_call1 (TANGENT_BUILTIN_TANH, random_tree (rand, depth - 1));
    case 9:
      return tangent_node_new_call1 (TANGENT_BUILTIN_LN, one_plus_square (random_tree (rand, depth - 1)));
    case 10:
      return tangent_node_new_call1 (TANGENT_BUILTIN_SQRT, one_plus_square (random_tree (rand, depth - 1)));
    case 11:
      u = tangent_node_new_call1 (TANGENT_BUILTIN_TANH, random_tree (rand, depth - 1));
      return tangent_node_new_call1 (TANGENT_BUILTIN_ASIN,
                                     tangent_node_new_binary_product (u, TRUE,
                                                                      tangent_node_new_number (2)));
    case 12:
      {
        TangentNode *args[2] = { one_plus_square (random_tree (rand, depth - 1)),
                                 random_tree (rand, depth - 1) };

        return tangent_node_new_call (TANGENT_BUILTIN_ATAN2, 2, args);
      }
    default:
      return tangent_node_new_neg (random_tree (rand, depth - 1));
    }
}

/* The central difference (f(x+h) − f(x−h)) / 2h has error c₂h² + c₄h⁴ + …;
 * combining steps h and h/2 cancels the h² term (Richardson). */
static double
richardson (const TangentProgram *program,
            const double         *point,
            guint                 variable)
{
  double h = 1e-3 * MAX (1, fabs (point[variable]));
  double d[2];

  for (guint k = 0; k < 2; k++)
    {
      double p[3] = { point[0], point[1], point[2] };
      double step = k == 0 ? h : h / 2;
      double plus, minus;

      p[variable] = point[variable] + step;
      plus = tangent_program_eval1 (program, NULL, p[0], p[1], p[2]);
      p[variable] = point[variable] - step;
      minus = tangent_program_eval1 (program, NULL, p[0], p[1], p[2]);
      d[k] = (plus - minus) / (2 * step);
    }

  return (4 * d[1] - d[0]) / 3;
}

static void
test_agreement_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261126);
  guint compared = 0;

  for (guint t = 0; t < 400; t++)
    {
      g_autoptr(TangentNode) tree = random_tree (rand, g_rand_int_range (rand, 1, 5));
      g_autoptr(GError) error = NULL;
      g_autoptr(TangentProgram) plain = tangent_compile (tree, 0, &error);
      g_autoptr(TangentProgram) ad = tangent_compile_with_gradient (tree, 0, 2, FALSE, &error);
      TangentProgram *symbolic[2] = { NULL, NULL };

      g_assert_no_error (error);
      for (guint v = 0; v < 2; v++)
        {
          g_autoptr(TangentNode) d = tangent_derive (tree, v, &error);

          g_assert_no_error (error);
          symbolic[v] = tangent_compile (d, 0, &error);
          g_assert_no_error (error);
        }

      for (guint k = 0; k < 5; k++)
        {
          double point[3] = { g_rand_double_range (rand, -1.5, 1.5),
                              g_rand_double_range (rand, -1.5, 1.5), 0 };
          double outs[3];

          tangent_program_eval_point (ad, NULL, point, outs);
          if (!isfinite (outs[0]) || fabs (outs[0]) > 1e6)
            continue;

          for (guint v = 0; v < 2; v++)
            {
              double sym = tangent_program_eval1 (symbolic[v], NULL, point[0], point[1], 0);
              double fd = richardson (plain, point, v);
              double scale = MAX (1, MAX (fabs (outs[1 + v]), fabs (outs[0])));

              if (!isfinite (outs[1 + v]) || fabs (outs[1 + v]) > 1e6)
                continue;

              if (fabs (sym - outs[1 + v]) > 1e-10 * scale || fabs (fd - outs[1 + v]) > 1e-6 * scale)
                g_error ("formula %u, ∂/∂%c at (%.17g, %.17g): symbolic %.17g, AD %.17g, "
                         "difference %.17g", t, "xy"[v], point[0], point[1], sym, outs[1 + v], fd);
              compared++;
            }
        }

      tangent_program_unref (symbolic[0]);
      tangent_program_unref (symbolic[1]);
    }

  /* Most points are inside every domain: the test did compare. */
  g_assert_cmpuint (compared, >, 2000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/agreement/random", test_agreement_random);

  return g_test_run ();
}
