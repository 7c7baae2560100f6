/* test-ast.c: expression trees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "tangent-ast.h"

static void
test_ast_builtins (void)
{
  g_assert_cmpstr (tangent_builtin_get_name (TANGENT_BUILTIN_SIN), ==, "sin");
  g_assert_cmpstr (tangent_builtin_get_name (TANGENT_BUILTIN_LN), ==, "ln");
  g_assert_cmpuint (tangent_builtin_get_arity (TANGENT_BUILTIN_ATAN2), ==, 2);
  g_assert_cmpuint (tangent_builtin_get_arity (TANGENT_BUILTIN_MAX), ==, 2);
  g_assert_cmpuint (tangent_builtin_get_arity (TANGENT_BUILTIN_ABS), ==, 1);

  /* Names are unique: the parser looks them up by name. */
  for (guint i = 0; i < TANGENT_N_BUILTINS; i++)
    for (guint j = i + 1; j < TANGENT_N_BUILTINS; j++)
      g_assert_cmpstr (tangent_builtin_get_name (i), !=, tangent_builtin_get_name (j));
}

/* x^2 * sin(a) - 3 */
static TangentNode *
sample_tree (void)
{
  TangentNode *factors[2] = {
    tangent_node_new_pow (tangent_node_new_variable (TANGENT_VARIABLE_X),
                          tangent_node_new_number (2)),
    tangent_node_new_call1 (TANGENT_BUILTIN_SIN, tangent_node_new_parameter ("a", 0)),
  };
  TangentNode *terms[2] = {
    tangent_node_new_product (2, factors, NULL),
    tangent_node_new_number (3),
  };
  gboolean negate[2] = { FALSE, TRUE };

  return tangent_node_new_sum (2, terms, negate);
}

static void
test_ast_copy_equal_hash (void)
{
  g_autoptr(TangentNode) a = sample_tree ();
  g_autoptr(TangentNode) b = tangent_node_copy (a);
  g_autoptr(TangentNode) c = sample_tree ();

  g_assert_true (tangent_node_equal (a, b));
  g_assert_true (tangent_node_equal (a, c));
  g_assert_cmpuint (tangent_node_hash (a), ==, tangent_node_hash (b));
  g_assert_cmpuint (tangent_node_hash (a), ==, tangent_node_hash (c));

  /* Spans do not matter; the subtraction flag and the numbers' bits do. */
  tangent_node_set_span (b, 3, 9);
  g_assert_true (tangent_node_equal (a, b));
  c->sum.negate[1] = FALSE;
  g_assert_false (tangent_node_equal (a, c));
  c->sum.negate[1] = TRUE;
  c->sum.terms[1]->number = -3;
  g_assert_false (tangent_node_equal (a, c));

  {
    g_autoptr(TangentNode) zero = tangent_node_new_number (0.0);
    g_autoptr(TangentNode) minus_zero = tangent_node_new_number (-0.0);

    g_assert_false (tangent_node_equal (zero, minus_zero));
    g_assert_true (tangent_node_is_number (minus_zero, 0));
  }
}

static void
test_ast_children (void)
{
  g_autoptr(TangentNode) a = sample_tree ();
  TangentNode *product = tangent_node_get_child (a, 0);

  g_assert_cmpuint (tangent_node_get_n_children (a), ==, 2);
  g_assert_cmpint (product->kind, ==, TANGENT_NODE_PRODUCT);
  g_assert_cmpint (tangent_node_get_child (product, 0)->kind, ==, TANGENT_NODE_POW);
  g_assert_cmpuint (tangent_node_get_n_children (tangent_node_get_child (product, 0)), ==, 2);
  g_assert_true (tangent_node_is_number (tangent_node_get_child (tangent_node_get_child (product, 0), 1), 2));

  g_assert_true (tangent_node_depends_on (a, TANGENT_VARIABLE_X));
  g_assert_false (tangent_node_depends_on (a, TANGENT_VARIABLE_Y));
}

static void
test_ast_odd_root (void)
{
  g_autoptr(TangentNode) exponent = tangent_node_new_binary_product (tangent_node_new_number (2),
                                                                     TRUE,
                                                                     tangent_node_new_number (3));
  g_autoptr(TangentNode) p = tangent_node_new_odd_root_pow (tangent_node_new_number (-8),
                                                            g_steal_pointer (&exponent), 2, 3);
  g_autoptr(TangentNode) q = tangent_node_copy (p);

  g_assert_true (q->pow.is_odd_root);
  g_assert_cmpint (q->pow.p, ==, 2);
  g_assert_cmpint (q->pow.q, ==, 3);
  g_assert_true (tangent_node_equal (p, q));
  q->pow.is_odd_root = FALSE;
  g_assert_false (tangent_node_equal (p, q));
}

/* A flat chain is one node: copying, comparing, hashing and freeing a
 * 20 000-term sum must not recurse 20 000 levels. */
static void
test_ast_flat_chain (void)
{
  const guint n = 20000;
  g_autofree TangentNode **terms = g_new (TangentNode *, n);
  g_autoptr(TangentNode) sum = NULL;
  g_autoptr(TangentNode) copy = NULL;

  for (guint i = 0; i < n; i++)
    terms[i] = tangent_node_new_pow (tangent_node_new_variable (TANGENT_VARIABLE_X),
                                     tangent_node_new_number (i));
  sum = tangent_node_new_sum (n, terms, NULL);
  copy = tangent_node_copy (sum);

  g_assert_cmpuint (tangent_node_get_n_children (copy), ==, n);
  g_assert_true (tangent_node_equal (sum, copy));
  g_assert_cmpuint (tangent_node_hash (sum), ==, tangent_node_hash (copy));
}

/* k·sin(k·x) for many k: a hash that lets a node and its child cancel
 * would give them all one value, and every hash table of trees would
 * degrade to a list. */
static void
test_ast_hash_spread (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint k = 1; k <= 1000; k++)
    {
      TangentNode *inner = tangent_node_new_binary_product (tangent_node_new_number (k), FALSE,
                                                            tangent_node_new_variable (TANGENT_VARIABLE_X));
      g_autoptr(TangentNode) term =
        tangent_node_new_binary_product (tangent_node_new_number (k), FALSE,
                                         tangent_node_new_call1 (TANGENT_BUILTIN_SIN, inner));

      g_hash_table_add (seen, GUINT_TO_POINTER (tangent_node_hash (term)));
    }

  g_assert_cmpuint (g_hash_table_size (seen), >=, 995);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/ast/builtins", test_ast_builtins);
  g_test_add_func ("/core/ast/copy-equal-hash", test_ast_copy_equal_hash);
  g_test_add_func ("/core/ast/children", test_ast_children);
  g_test_add_func ("/core/ast/odd-root", test_ast_odd_root);
  g_test_add_func ("/core/ast/flat-chain", test_ast_flat_chain);
  g_test_add_func ("/core/ast/hash-spread", test_ast_hash_spread);

  return g_test_run ();
}
