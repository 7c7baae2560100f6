/* test-vm.c: the block VM: opcode semantics, folded versus run-time
 * results, block versus scalar versus tail, gradients and Hessians
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "tangent-math.h"
#include "tangent-vm.h"
#include "test-vm-trees.h"

static gboolean
same_bits (double a,
           double b)
{
  return memcmp (&a, &b, sizeof a) == 0 || (isnan (a) && isnan (b));
}

static double
eval_tree (TangentNode *tree,
           double       x,
           double       y)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentProgram) prog = tangent_compile (tree, 0, &error);

  g_assert_no_error (error);
  tangent_node_free (tree);
  return tangent_program_eval1 (prog, NULL, x, y, 0);
}

static void
assert_value (double got,
              double want)
{
  if (!same_bits (got, want))
    g_error ("got %.17g, want %.17g", got, want);
}

/* Each case at run time (on x, y) and folded (on numbers). */
static void
test_vm_semantics (void)
{
  static const struct { double a, b; int kind; double want; } cases[] = {
    { 1, 0, 0, INFINITY },          /* a / b */
    { -1, 0, 0, -INFINITY },
    { 0, 0, 0, NAN },
    { 0, 0, 1, 1 },                 /* a ^ b */
    { -8, 0.3333333333333333, 1, NAN },
    { 2, -2, 1, 0.25 },
    { -2.5, 0, 2, -3 },             /* round(a) */
    { 2.5, 0, 2, 3 },
    { NAN, 1, 3, NAN },             /* min(a, b) */
    { 1, NAN, 4, NAN },             /* max(a, b) */
    { -1, 0, 5, NAN },              /* ln(a) */
    { -1, 0, 6, NAN },              /* sqrt(a) */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      for (guint folded = 0; folded < 2; folded++)
        {
          TangentNode *a = folded ? T_N (cases[i].a) : T_X ();
          TangentNode *b = folded ? T_N (cases[i].b) : T_Y ();
          TangentNode *tree = NULL;

          switch (cases[i].kind)
            {
            case 0: tree = T_DIV (a, b); break;
            case 1: tree = T_POW (a, b); break;
            case 2: tree = T_F1 (TANGENT_BUILTIN_ROUND, a); tangent_node_free (b); break;
            case 3: tree = T_F2 (TANGENT_BUILTIN_MIN, a, b); break;
            case 4: tree = T_F2 (TANGENT_BUILTIN_MAX, a, b); break;
            case 5: tree = T_F1 (TANGENT_BUILTIN_LN, a); tangent_node_free (b); break;
            case 6: tree = T_F1 (TANGENT_BUILTIN_SQRT, a); tangent_node_free (b); break;
            default: g_assert_not_reached ();
            }
          assert_value (eval_tree (tree, cases[i].a, cases[i].b), cases[i].want);
        }
    }

  /* Odd roots: (-8)^(1/3), (-8)^(2/3), folded and not. */
  assert_value (eval_tree (T_ROOT (T_N (-8), 1, 3), 0, 0), -2);
  assert_value (eval_tree (T_ROOT (T_X (), 1, 3), -8, 0), -2);
  assert_value (eval_tree (T_ROOT (T_N (-8), 2, 3), 0, 0), 4);
  assert_value (eval_tree (T_ROOT (T_X (), 2, 3), -8, 0), 4);
  assert_value (eval_tree (T_ROOT (T_X (), 3, 1), -2, 0), -8);
  assert_value (eval_tree (T_POW (T_X (), T_DIV (T_N (1), T_N (3))), -8, 0), NAN);
  assert_value (eval_tree (T_NEG (T_X ()), 0, 0), -0.0);
  assert_value (eval_tree (T_SUB (T_N (0), T_X ()), 0, 0), 0.0);
  assert_value (eval_tree (T_ADD (T_X (), T_N (-0.0)), -0.0, 0), -0.0);
  assert_value (eval_tree (T_ADD (T_X (), T_N (0.0)), -0.0, 0), 0.0);
  assert_value (eval_tree (T_DIV (T_X (), T_X ()), 0, 0), NAN);
  assert_value (eval_tree (T_MUL (T_N (0), T_X ()), INFINITY, 0), NAN);
  assert_value (eval_tree (tangent_node_new_constant (TANGENT_CONSTANT_PI), 0, 0), G_PI);
}

/* Every builtin folded on a constant equals the builtin at run time. */
static void
test_vm_fold_equals_runtime (void)
{
  GRand *rand = g_rand_new_with_seed (3);

  for (guint fn = 0; fn < TANGENT_N_BUILTINS; fn++)
    {
      for (guint i = 0; i < 50; i++)
        {
          double a = g_rand_double_range (rand, -3, 3);
          double b = g_rand_double_range (rand, -3, 3);
          gboolean two = tangent_builtin_get_arity (fn) == 2;
          TangentNode *folded = two ? T_F2 (fn, T_N (a), T_N (b)) : T_F1 (fn, T_N (a));
          TangentNode *runtime = two ? T_F2 (fn, T_X (), T_Y ()) : T_F1 (fn, T_X ());
          double want = tangent_math_call (fn, a, b);

          assert_value (eval_tree (folded, 0, 0), want);
          assert_value (eval_tree (runtime, a, b), want);
        }
    }

  for (guint i = 0; i < 200; i++)
    {
      double a = g_rand_double_range (rand, -3, 3);
      double e = (double) g_rand_int_range (rand, -10, 11);
      double f = g_rand_double_range (rand, -3, 3);
      double want_e = tangent_math_pow (a, e), want_f = tangent_math_pow (fabs (a), f);

      assert_value (eval_tree (T_POW (T_N (a), T_N (e)), 0, 0), want_e);
      assert_value (eval_tree (T_POW (T_X (), T_N (e)), a, 0), want_e);
      assert_value (eval_tree (T_POW (T_X (), T_Y ()), a, e), want_e);
      assert_value (eval_tree (T_POW (T_X (), T_Y ()), fabs (a), f), want_f);
      assert_value (eval_tree (T_ROOT (T_X (), 2, 5), a, 0), tangent_math_odd_root_pow (a, 2, 5));
      assert_value (eval_tree (T_ROOT (T_N (a), 7, 3), 0, 0), tangent_math_odd_root_pow (a, 7, 3));
      assert_value (eval_tree (T_ROOT (T_X (), 11, 3), a, 0), tangent_math_odd_root_pow (a, 11, 3));
    }

  g_rand_free (rand);
}

static TangentNode *
extra_tree (guint i)
{
  switch (i)
    {
    case 0: return T_F2 (TANGENT_BUILTIN_ATAN2, T_Y (), T_SUB (T_X (), T_P ("a", 0)));
    case 1: return T_MUL (T_F1 (TANGENT_BUILTIN_SEC, T_X ()), T_F2 (TANGENT_BUILTIN_MIN, T_X (), T_F1 (TANGENT_BUILTIN_COT, T_Y ())));
    case 2: return T_ADD (T_ROOT (T_MUL (T_X (), T_Y ()), 2, 3), T_POW (T_P ("a", 0), T_X ()));
    case 3: return T_DIV (T_F1 (TANGENT_BUILTIN_FLOOR, T_MUL (T_N (3), T_X ())), T_F1 (TANGENT_BUILTIN_CSC, T_Y ()));
    default: g_assert_not_reached ();
    }
}

static TangentNode *
any_tree (guint i)
{
  return i < 6 ? test_bench_tree (i) : extra_tree (i - 6);
}

#define N_TREES 10

/* A point gets the same bits in a full block, in a tail and alone. */
static void
test_vm_block_scalar_tail (void)
{
  enum { N = 1000 };
  g_autofree double *xs = g_new (double, N);
  g_autofree double *ys = g_new (double, N);
  g_autofree double *out = g_new (double, N);
  g_autofree double *part = g_new (double, N);
  GRand *rand = g_rand_new_with_seed (11);
  double params[1] = { 0.25 };

  for (guint i = 0; i < N; i++)
    {
      xs[i] = g_rand_double_range (rand, -3, 3);
      ys[i] = g_rand_double_range (rand, -3, 3);
    }

  for (guint t = 0; t < N_TREES; t++)
    {
      g_autoptr(TangentNode) tree = any_tree (t);
      g_autoptr(GError) error = NULL;
      g_autoptr(TangentProgram) prog = tangent_compile (tree, 1, &error);
      const double *vars[3] = { xs, ys, NULL };
      double *outs[1] = { out };
      static const gsize splits[] = { 1, 7, 8, 255, 256, 257, 300 };

      g_assert_no_error (error);
      tangent_vm_eval (prog, params, vars, N, outs);

      for (guint i = 0; i < N; i++)
        g_assert_true (same_bits (out[i], tangent_program_eval1 (prog, params, xs[i], ys[i], 0)));

      for (guint s = 0; s < G_N_ELEMENTS (splits); s++)
        {
          for (gsize off = 0; off < N; off += splits[s])
            {
              gsize m = MIN (splits[s], N - off);
              const double *v2[3] = { xs + off, ys + off, NULL };
              double *o2[1] = { part + off };

              tangent_vm_eval (prog, params, v2, m, o2);
            }
          for (guint i = 0; i < N; i++)
            g_assert_true (same_bits (out[i], part[i]));
        }
    }

  g_rand_free (rand);
}

/* Changing a parameter needs no recompilation. */
static void
test_vm_params (void)
{
  g_autoptr(TangentNode) tree = T_ADD (T_MUL (T_P ("a", 0), T_X ()), T_F1 (TANGENT_BUILTIN_SIN, T_P ("b", 1)));
  g_autoptr(TangentProgram) prog = tangent_compile (tree, 2, NULL);
  double p1[2] = { 2, 0 }, p2[2] = { 3, 0.5 };

  g_assert_cmpfloat (tangent_program_eval1 (prog, p1, 5, 0, 0), ==, 10);
  assert_value (tangent_program_eval1 (prog, p2, 5, 0, 0), 15 + tangent_math_call (TANGENT_BUILTIN_SIN, 0.5, 0));
}

/* A 20 000-term flat chain: x + 1*y - 2*x + 3*y … evaluated in order. */
static void
test_vm_long_chain (void)
{
  enum { N = 20000 };
  g_autofree TangentNode **terms = g_new (TangentNode *, N);
  g_autofree gboolean *negate = g_new0 (gboolean, N);
  g_autoptr(TangentNode) tree = NULL;
  g_autoptr(TangentProgram) prog = NULL;
  g_autoptr(TangentProgram) grad = NULL;
  g_autoptr(GError) error = NULL;
  double x = 0.75, y = -1.25, want, outs[3];
  double point[3] = { x, y, 0 };

  for (guint i = 0; i < N; i++)
    {
      terms[i] = T_MUL (T_N (i), i % 2 ? T_Y () : T_F1 (TANGENT_BUILTIN_SIN, T_MUL (T_N (i), T_X ())));
      negate[i] = i % 3 == 1;
    }
  tree = tangent_node_new_sum (N, terms, negate);

  prog = tangent_compile (tree, 0, &error);
  g_assert_no_error (error);

  want = 0;
  for (guint i = 0; i < N; i++)
    {
      double t = i * (i % 2 ? y : tangent_math_call (TANGENT_BUILTIN_SIN, i * x, 0));

      if (i == 0)
        want = t;
      else
        want = negate[i] ? want - t : want + t;
    }
  assert_value (tangent_program_eval1 (prog, NULL, x, y, 0), want);

  grad = tangent_compile_with_gradient (tree, 0, 2, FALSE, &error);
  g_assert_no_error (error);
  tangent_program_eval_point (grad, NULL, point, outs);
  assert_value (outs[0], want);
  g_assert_true (isfinite (outs[1]) && isfinite (outs[2]));
}

/* Hand-derived gradients and Hessians of E3, E4, E5. */
static void
hand_derivatives (guint   e,
                  double  x,
                  double  y,
                  double *g,
                  double *h)
{
  switch (e)
    {
    case 2:
      {
        double u = exp (-(x * x + y * y)), d = x - y;

        g[0] = u * (1 - 2 * x * d);
        g[1] = u * (-1 - 2 * y * d);
        h[0] = u * (-2 * x * (1 - 2 * x * d) + (-2 * d - 2 * x));
        h[1] = u * (-2 * y * (1 - 2 * x * d) + 2 * x);
        h[2] = h[1];
        h[3] = u * (-2 * y * (-1 - 2 * y * d) + (-2 * d + 2 * y));
      }
      break;
    case 3:
      g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
      g[1] = 200 * (y - x * x);
      h[0] = 2 - 400 * (y - x * x) + 800 * x * x;
      h[1] = h[2] = -400 * x;
      h[3] = 200;
      break;
    case 4:
      {
        double a = x * x + y - 11, b = x + y * y - 7;

        g[0] = 4 * x * a + 2 * b;
        g[1] = 2 * a + 4 * y * b;
        h[0] = 12 * x * x + 4 * y - 42;
        h[1] = h[2] = 4 * x + 4 * y;
        h[3] = 4 * x + 12 * y * y - 26;
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static double
eval_value (const TangentProgram *prog,
            double                x,
            double                y)
{
  return tangent_program_eval1 (prog, NULL, x, y, 0);
}

/* Richardson-extrapolated central difference of f along one axis. */
static double
richardson (const TangentProgram *prog,
            double                x,
            double                y,
            guint                 axis)
{
  double h = 1e-3, d1, d2;
  double dx = axis == 0, dy = axis == 1;

  d1 = (eval_value (prog, x + h * dx, y + h * dy) - eval_value (prog, x - h * dx, y - h * dy)) / (2 * h);
  h /= 2;
  d2 = (eval_value (prog, x + h * dx, y + h * dy) - eval_value (prog, x - h * dx, y - h * dy)) / (2 * h);
  return (4 * d2 - d1) / 3;
}

static void
test_vm_gradient (void)
{
  GRand *rand = g_rand_new_with_seed (5);

  for (guint e = 0; e < 6; e++)
    {
      g_autoptr(TangentNode) tree = test_bench_tree (e);
      g_autoptr(TangentProgram) value = tangent_compile (tree, 0, NULL);
      g_autoptr(TangentProgram) prog = tangent_compile_with_gradient (tree, 0, 2, TRUE, NULL);

      g_assert_cmpuint (tangent_program_get_n_outputs (prog), ==, 7);

      for (guint i = 0; i < 100; i++)
        {
          double x = g_rand_double_range (rand, -2, 2), y = g_rand_double_range (rand, -2, 2);
          double point[3] = { x, y, 0 }, outs[7], g[2], h[4];

          tangent_program_eval_point (prog, NULL, point, outs);
          assert_value (outs[0], eval_value (value, x, y));

          /* sqrt(|x y|) in E6 has unbounded derivatives near the axes. */
          for (guint a = 0; a < 2 && (e != 5 || fabs (x * y) > 0.01); a++)
            {
              double fd = richardson (value, x, y, a);

              g_assert_cmpfloat (fabs (outs[1 + a] - fd), <=, 1e-6 * (1 + fabs (fd)));
            }
          g_assert_cmpfloat (fabs (outs[4] - outs[5]), <=, 1e-12 * (1 + fabs (outs[4])));

          if (e >= 2 && e <= 4)
            {
              hand_derivatives (e, x, y, g, h);
              for (guint a = 0; a < 2; a++)
                g_assert_cmpfloat (fabs (outs[1 + a] - g[a]), <=, 1e-12 * (1 + fabs (g[a])));
              for (guint a = 0; a < 4; a++)
                g_assert_cmpfloat (fabs (outs[3 + a] - h[a]), <=, 1e-11 * (1 + fabs (h[a])));
            }
        }
    }

  g_rand_free (rand);
}

/* Derivatives at points where a function is not differentiable. */
static void
test_vm_gradient_special (void)
{
  g_autoptr(TangentNode) absx = T_F1 (TANGENT_BUILTIN_ABS, T_X ());
  g_autoptr(TangentNode) sqrtx = T_F1 (TANGENT_BUILTIN_SQRT, T_X ());
  g_autoptr(TangentNode) floorx = T_F1 (TANGENT_BUILTIN_FLOOR, T_X ());
  g_autoptr(TangentNode) minxy = T_F2 (TANGENT_BUILTIN_MIN, T_X (), T_Y ());
  g_autoptr(TangentProgram) pa = tangent_compile_with_gradient (absx, 0, 1, FALSE, NULL);
  g_autoptr(TangentProgram) ps = tangent_compile_with_gradient (sqrtx, 0, 1, FALSE, NULL);
  g_autoptr(TangentProgram) pf = tangent_compile_with_gradient (floorx, 0, 1, FALSE, NULL);
  g_autoptr(TangentProgram) pm = tangent_compile_with_gradient (minxy, 0, 2, FALSE, NULL);
  double outs[3];
  double p0[3] = { 0, 0, 0 }, p1[3] = { -2, 0, 0 }, p2[3] = { 1.5, 3, 0 }, p3[3] = { 4, 3, 0 };

  tangent_program_eval_point (pa, NULL, p0, outs);
  g_assert_true (isnan (outs[1]));
  tangent_program_eval_point (pa, NULL, p1, outs);
  g_assert_cmpfloat (outs[1], ==, -1);
  tangent_program_eval_point (ps, NULL, p0, outs);
  g_assert_cmpfloat (outs[1], ==, INFINITY);
  tangent_program_eval_point (pf, NULL, p1, outs);
  g_assert_true (isnan (outs[1]));
  tangent_program_eval_point (pf, NULL, p2, outs);
  g_assert_cmpfloat (outs[1], ==, 0);
  tangent_program_eval_point (pm, NULL, p2, outs);
  g_assert_cmpfloat (outs[1], ==, 1);
  g_assert_cmpfloat (outs[2], ==, 0);
  tangent_program_eval_point (pm, NULL, p3, outs);
  g_assert_cmpfloat (outs[1], ==, 0);
  g_assert_cmpfloat (outs[2], ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/vm/semantics", test_vm_semantics);
  g_test_add_func ("/core/vm/fold-equals-runtime", test_vm_fold_equals_runtime);
  g_test_add_func ("/core/vm/block-scalar-tail", test_vm_block_scalar_tail);
  g_test_add_func ("/core/vm/params", test_vm_params);
  g_test_add_func ("/core/vm/long-chain", test_vm_long_chain);
  g_test_add_func ("/core/vm/gradient", test_vm_gradient);
  g_test_add_func ("/core/vm/gradient-special", test_vm_gradient_special);

  return g_test_run ();
}
