/* test-grid.c: grid evaluation with x-only and y-only hoisting, against
 * per-point evaluation, and across thread counts, bit for bit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "tangent-grid.h"
#include "tangent-vm.h"
#include "test-vm-trees.h"

static void
assert_same (const double *a,
             const double *b,
             gsize         n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (memcmp (&a[i], &b[i], sizeof (double)) != 0 && !(isnan (a[i]) && isnan (b[i])))
        g_error ("index %" G_GSIZE_FORMAT ": %.17g != %.17g", i, a[i], b[i]);
    }
}

static TangentNode *
grid_tree (guint i)
{
  if (i < 6)
    return test_bench_tree (i);
  switch (i)
    {
    case 6: /* only x */
      return T_F1 (TANGENT_BUILTIN_SIN, T_MUL (T_P ("a", 0), T_X ()));
    case 7: /* a constant */
      return T_N (2.5);
    case 8: /* x-only and y-only parts under a call of both */
      return T_F2 (TANGENT_BUILTIN_ATAN2, T_F1 (TANGENT_BUILTIN_EXP, T_Y ()), T_ADD (T_SQ (T_X ()), T_P ("a", 0)));
    case 9: /* z is 0 on a grid */
      return T_ADD (T_Z (), T_X ());
    default:
      g_assert_not_reached ();
    }
}

static void
check_grid (TangentProgram *prog,
            const double   *params,
            guint           nx,
            guint           ny)
{
  guint n_out = tangent_program_get_n_outputs (prog);
  gsize n = (gsize) nx * ny;
  g_autofree double *xs = g_new (double, n);
  g_autofree double *ys = g_new (double, n);
  g_autofree double *naive = g_new (double, n * n_out);
  g_autofree double *grid = g_new (double, n * n_out);
  g_autofree double **naive_outs = g_new (double *, n_out);
  g_autofree double **grid_outs = g_new (double *, n_out);
  static const guint threads[] = { 1, 2, 4, 0, 2 };
  const double *vars[3];

  for (guint j = 0; j < ny; j++)
    for (guint i = 0; i < nx; i++)
      {
        xs[(gsize) j * nx + i] = tangent_grid_coordinate (-2, 2, nx, i);
        ys[(gsize) j * nx + i] = tangent_grid_coordinate (-1.5, 3, ny, j);
      }
  for (guint k = 0; k < n_out; k++)
    {
      naive_outs[k] = naive + k * n;
      grid_outs[k] = grid + k * n;
    }

  vars[0] = xs;
  vars[1] = ys;
  vars[2] = NULL;
  tangent_vm_eval (prog, params, vars, n, naive_outs);

  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      memset (grid, 0xaa, n * n_out * sizeof (double));
      tangent_grid_eval (prog, params, -2, 2, nx, -1.5, 3, ny, threads[t], grid_outs);
      assert_same (naive, grid, n * n_out);
    }
}

static void
test_grid_hoisting (void)
{
  /* Rows of one block, of full blocks and a tail, a tail of whole lane
   * vectors, of a partial one, of both; grids of one band and of many. */
  static const guint sizes[][2] = {
    { 1, 1 }, { 3, 5 }, { 256, 3 }, { 333, 17 }, { 1000, 40 }, { 7, 513 }, { 264, 9 }, { 16, 31 },
    { 2, 2000 },
  };
  double params[1] = { 0.7 };

  for (guint e = 0; e < 10; e++)
    {
      g_autoptr(TangentNode) tree = grid_tree (e);
      g_autoptr(TangentProgram) prog = tangent_compile (tree, 1, NULL);
      g_autoptr(TangentProgram) grad = tangent_compile_with_gradient (tree, 1, 2, e < 6, NULL);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          check_grid (prog, params, sizes[s][0], sizes[s][1]);
          check_grid (grad, params, sizes[s][0], sizes[s][1]);
        }
    }
}

/* Several evaluations at once: one gets the helper threads, the others run
 * on their own threads, and all give the same bits. */
static gpointer
concurrent_thread (gpointer data)
{
  guint e = GPOINTER_TO_UINT (data);
  g_autoptr(TangentNode) tree = grid_tree (e);
  g_autoptr(TangentProgram) prog = tangent_compile (tree, 1, NULL);
  double params[1] = { 0.7 };

  for (guint r = 0; r < 20; r++)
    check_grid (prog, params, 129, 61);

  return NULL;
}

static void
test_grid_concurrent (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("test-grid", concurrent_thread, GUINT_TO_POINTER (i + 2));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

/* sin(x)*cos(y) on a grid computes sin once per column, cos once per row. */
static void
test_grid_phases (void)
{
  g_autoptr(TangentNode) tree = test_bench_tree (1);
  g_autoptr(TangentProgram) prog = tangent_compile (tree, 0, NULL);
  g_autofree char *text = tangent_program_disassemble (prog);

  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "; grid x (per column): 1 instructions"));
  g_assert_nonnull (strstr (text, "; grid y (per row): 1 instructions"));
  g_assert_nonnull (strstr (text, "; grid xy (per point): 1 instructions"));
}

static void
test_grid_coordinates (void)
{
  g_assert_cmpfloat (tangent_grid_coordinate (-2, 2, 1000, 0), ==, -2);
  g_assert_cmpfloat (tangent_grid_coordinate (-2, 2, 1000, 999), ==, 2);
  g_assert_cmpfloat (tangent_grid_coordinate (-2, 2, 5, 2), ==, 0);
  g_assert_cmpfloat (tangent_grid_coordinate (-2, 2, 1, 0), ==, -2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/grid/hoisting", test_grid_hoisting);
  g_test_add_func ("/core/grid/concurrent", test_grid_concurrent);
  g_test_add_func ("/core/grid/phases", test_grid_phases);
  g_test_add_func ("/core/grid/coordinates", test_grid_coordinates);

  return g_test_run ();
}
