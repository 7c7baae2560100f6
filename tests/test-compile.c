/* test-compile.c: lowering, sharing, folding, errors and the disassembler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "tangent-compile.h"
#include "tangent-vm.h"
#include "test-vm-trees.h"

static TangentProgram *
compile_ok (TangentNode *tree,
            guint        n_params)
{
  g_autoptr(GError) error = NULL;
  TangentProgram *prog = tangent_compile (tree, n_params, &error);

  g_assert_no_error (error);
  g_assert_nonnull (prog);
  tangent_node_free (tree);
  return prog;
}

static guint
count_ops (TangentNode *tree)
{
  g_autoptr(TangentProgram) prog = compile_ok (tree, 1);

  return tangent_program_get_n_instructions (prog);
}

/* Operations left after sharing and folding (constants count as one each). */
static void
test_compile_sharing (void)
{
  /* sin(x) + sin(x): one SIN, one ADD */
  g_assert_cmpuint (count_ops (T_ADD (T_F1 (TANGENT_BUILTIN_SIN, T_X ()), T_F1 (TANGENT_BUILTIN_SIN, T_X ()))), ==, 2);
  /* x*y + y*x: one MUL, one ADD */
  g_assert_cmpuint (count_ops (T_ADD (T_MUL (T_X (), T_Y ()), T_MUL (T_Y (), T_X ()))), ==, 2);
  /* x - y and y - x are different */
  g_assert_cmpuint (count_ops (T_ADD (T_SUB (T_X (), T_Y ()), T_SUB (T_Y (), T_X ()))), ==, 3);
  /* (2*3 + 1) * x: the constant folds to one CONST, then MUL */
  g_assert_cmpuint (count_ops (T_MUL (T_ADD (T_MUL (T_N (2), T_N (3)), T_N (1)), T_X ())), ==, 2);
  /* x^2 is x*x; x^4 is (x*x)*(x*x): two MULs */
  g_assert_cmpuint (count_ops (T_SQ (T_X ())), ==, 1);
  g_assert_cmpuint (count_ops (T_POW (T_X (), T_N (4))), ==, 2);
  /* x*1, x/1, x-0, x+(-0) are x */
  g_assert_cmpuint (count_ops (T_SUB (T_DIV (T_MUL (T_X (), T_N (1)), T_N (1)), T_N (0))), ==, 0);
  /* x + 0 is not x (-0 + 0 = +0): CONST and ADD */
  g_assert_cmpuint (count_ops (T_ADD (T_X (), T_N (0))), ==, 2);
  /* a parameter's subexpressions are evaluated once per call */
  g_assert_cmpuint (count_ops (T_MUL (T_F1 (TANGENT_BUILTIN_EXP, T_P ("a", 0)), T_X ())), ==, 3);
}

static void
test_compile_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentNode) call = NULL;
  g_autoptr(TangentNode) tuple = NULL;
  g_autoptr(TangentNode) param = T_ADD (T_P ("a", -1), T_X ());
  g_autoptr(TangentNode) param2 = T_P ("b", 3);
  TangentNode *args[2] = { T_X (), T_Y () };
  TangentProgram *prog;

  call = tangent_node_new_user_call ("f", 0, 1, args);
  tangent_node_free (args[1]);
  args[0] = T_X ();
  args[1] = T_Y ();
  tuple = tangent_node_new_tuple (2, args);

  prog = tangent_compile (call, 0, &error);
  g_assert_null (prog);
  g_assert_error (error, TANGENT_COMPILE_ERROR, TANGENT_COMPILE_ERROR_UNRESOLVED);
  g_clear_error (&error);

  prog = tangent_compile (tuple, 0, &error);
  g_assert_null (prog);
  g_assert_error (error, TANGENT_COMPILE_ERROR, TANGENT_COMPILE_ERROR_UNRESOLVED);
  g_clear_error (&error);

  prog = tangent_compile (param, 1, &error);
  g_assert_null (prog);
  g_assert_error (error, TANGENT_COMPILE_ERROR, TANGENT_COMPILE_ERROR_UNRESOLVED);
  g_clear_error (&error);

  prog = tangent_compile (param2, 3, &error);
  g_assert_null (prog);
  g_assert_error (error, TANGENT_COMPILE_ERROR, TANGENT_COMPILE_ERROR_UNRESOLVED);
  g_clear_error (&error);
}

static TangentNode *
nest (guint depth)
{
  TangentNode *node = T_X ();

  for (guint i = 1; i < depth; i++)
    node = i % 2 ? T_NEG (node) : T_F1 (TANGENT_BUILTIN_SIN, node);
  return node;
}

static void
test_compile_depth (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentNode) ok = nest (TANGENT_COMPILE_MAX_DEPTH);
  g_autoptr(TangentNode) deep = nest (TANGENT_COMPILE_MAX_DEPTH + 1);
  g_autoptr(TangentProgram) prog = tangent_compile (ok, 0, &error);
  TangentProgram *bad;

  g_assert_no_error (error);
  g_assert_true (isfinite (tangent_program_eval1 (prog, NULL, 0.5, 0, 0)));

  bad = tangent_compile (deep, 0, &error);
  g_assert_null (bad);
  g_assert_error (error, TANGENT_COMPILE_ERROR, TANGENT_COMPILE_ERROR_TOO_DEEP);
}

static void
test_compile_disassemble (void)
{
  g_autoptr(TangentProgram) prog = compile_ok (test_bench_tree (3), 0);
  g_autofree char *text = tangent_program_disassemble (prog);

  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "MUL"));
  g_assert_nonnull (strstr (text, "; R[A] := R[B] * R[C]"));
  g_assert_nonnull (strstr (text, "; R[A] := R[B] - R[C]"));
  g_assert_null (strstr (text, "POW"));
  g_assert_true (tangent_program_depends_on (prog, TANGENT_VARIABLE_X));
  g_assert_true (tangent_program_depends_on (prog, TANGENT_VARIABLE_Y));
  g_assert_false (tangent_program_depends_on (prog, TANGENT_VARIABLE_Z));
}

static void
test_compile_ref (void)
{
  TangentProgram *prog = compile_ok (T_X (), 0);

  g_assert_true (tangent_program_ref (prog) == prog);
  tangent_program_unref (prog);
  g_assert_cmpuint (tangent_program_get_n_outputs (prog), ==, 1);
  g_assert_cmpuint (tangent_program_get_n_params (prog), ==, 0);
  g_assert_cmpfloat (tangent_program_eval1 (prog, NULL, 4, 0, 0), ==, 4);
  tangent_program_unref (prog);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/compile/sharing", test_compile_sharing);
  g_test_add_func ("/core/compile/errors", test_compile_errors);
  g_test_add_func ("/core/compile/depth", test_compile_depth);
  g_test_add_func ("/core/compile/disassemble", test_compile_disassemble);
  g_test_add_func ("/core/compile/ref", test_compile_ref);

  return g_test_run ();
}
