/* tangent-simplify.c: algebraic simplification that keeps the domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two kinds of rewrite happen here, with different promises.
 *
 * Folding: a node whose operands are all numbers becomes the number that
 * run-time evaluation computes for it, through tangent_math_*, bit for bit
 * (LANGUAGE.md, Values). As in Lua's constfolding, a result that is NaN,
 * infinite or a negative zero, or that divides by zero, is left as
 * written. For display, a call or a power with a non-integer exponent
 * folds only when its value is an integer (sqrt(4) is 2, sqrt(2) stays),
 * and a quotient of two integers that is not exact stays a reduced
 * fraction (2/3, whose run-time value is the same correctly rounded
 * quotient).
 *
 * Algebra: flattening, collecting like terms and powers, ordering factors.
 * These are exact in real arithmetic and never change the domain (the set
 * of points where the value is defined), but like any algebraic rewrite
 * they may change the last bits of a floating-point evaluation. Numeric
 * coefficients of a sum are combined when the addition is exact, or when
 * the rounded sum reads no longer than its operands (large coefficients
 * of high-order derivatives), so 0.1x + 0.2x stays as it is while 2x + 3x
 * is 5x.
 *
 * The parts, by concern, around tangent-simplify-private.h:
 *
 *   tangent-simplify.c          this overview, exact arithmetic shared by
 *                               the parts, folding, calls, the walk
 *   tangent-simplify-domain.c   where a tree is defined: total, nonzero,
 *                               positive
 *   tangent-simplify-order.c    a structural hash and a total order on
 *                               trees, for like terms and factor order
 *   tangent-simplify-sum.c      sums: flattening, like terms, ordering
 *   tangent-simplify-product.c  products, negation, powers and the
 *                               exponent classes that keep the domain
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-simplify"

#include <math.h>

#include "tangent-math.h"
#include "tangent-simplify-private.h"

static TangentNode *simplify_rec (const TangentNode *node);

/* ------------------------------------------------------------------ */
/* Exact arithmetic, shared by the parts                               */

gboolean
_tangent_simplify_is_integer (double v)
{
  return isfinite (v) && floor (v) == v && fabs (v) <= TANGENT_EXACT_INT_LIMIT;
}

/* TwoSum: a + b is exact when the rounding error it leaves is zero. */
gboolean
_tangent_simplify_exact_add (double  a,
                             double  b,
                             double *sum)
{
  double s = a + b;
  double bb = s - a;
  double err = (a - (s - bb)) + (b - bb);

  *sum = s;
  return isfinite (s) && err == 0;
}

/* ------------------------------------------------------------------ */
/* Folding                                                             */

/* The value of an operand that folding treats as a number: a literal, a
 * kept fraction p/q, or the negation of one. */
gboolean
_tangent_simplify_numeric_value (const TangentNode *node,
                                 double            *value)
{
  switch (node->kind)
    {
    case TANGENT_NODE_NUMBER:
      *value = node->number;
      return TRUE;
    case TANGENT_NODE_NEG:
      if (_tangent_simplify_numeric_value (node->arg, value))
        {
          *value = -*value;
          return TRUE;
        }
      return FALSE;
    case TANGENT_NODE_PRODUCT:
      if (node->product.n == 2
          && node->product.factors[0]->kind == TANGENT_NODE_NUMBER
          && node->product.factors[1]->kind == TANGENT_NODE_NUMBER
          && node->product.divide[1])
        {
          *value = node->product.factors[0]->number / node->product.factors[1]->number;
          return TRUE;
        }
      return FALSE;
    case TANGENT_NODE_CONSTANT:
    case TANGENT_NODE_VARIABLE:
    case TANGENT_NODE_PARAMETER:
    case TANGENT_NODE_SUM:
    case TANGENT_NODE_POW:
    case TANGENT_NODE_CALL:
    case TANGENT_NODE_USER_CALL:
    case TANGENT_NODE_TUPLE:
    default:
      return FALSE;
    }
}

gboolean
_tangent_simplify_all_numeric (guint               n,
                               TangentNode *const *nodes,
                               double             *values)
{
  for (guint i = 0; i < n; i++)
    {
      if (!_tangent_simplify_numeric_value (nodes[i], &values[i]))
        return FALSE;
    }
  return TRUE;
}

/* Lua's rule: a folded result must be an ordinary number. */
gboolean
_tangent_simplify_foldable_result (double value)
{
  return isfinite (value) && !(value == 0 && signbit (value));
}

void
_tangent_simplify_free_nodes (guint          n,
                              TangentNode  **nodes)
{
  for (guint i = 0; i < n; i++)
    tangent_node_free (nodes[i]);
}

/* p/q with integer p, q whose quotient is inexact: the reduced fraction,
 * kept for display (its run-time value is the same rounded quotient).
 * NULL when the quotient is exact or the operands are not integers. */
TangentNode *
_tangent_simplify_make_fraction (double p,
                                 double q)
{
  gint64 ip, iq, g;
  TangentNode *frac;
  gboolean negative;

  if (!_tangent_simplify_is_integer (p) || !_tangent_simplify_is_integer (q)
      || q == 0 || p == 0)
    return NULL;

  ip = (gint64) p;
  iq = (gint64) q;
  if (ip % iq == 0)
    return NULL;

  g = tangent_gcd64 (ip, iq);
  ip /= g;
  iq /= g;
  negative = (ip < 0) != (iq < 0);
  ip = ip < 0 ? -ip : ip;
  iq = iq < 0 ? -iq : iq;

  /* A power-of-two denominator divides exactly: 3/4 is 0.75. */
  if ((iq & (iq - 1)) == 0)
    return NULL;

  frac = tangent_node_new_binary_product (tangent_node_new_number ((double) ip), TRUE,
                                          tangent_node_new_number ((double) iq));
  return negative ? tangent_node_new_neg (frac) : frac;
}

/* ------------------------------------------------------------------ */
/* Calls                                                               */

static gboolean
call_folds_exactly (TangentBuiltin fn)
{
  switch (fn)
    {
    case TANGENT_BUILTIN_ABS:
    case TANGENT_BUILTIN_SIGN:
    case TANGENT_BUILTIN_FLOOR:
    case TANGENT_BUILTIN_CEIL:
    case TANGENT_BUILTIN_ROUND:
    case TANGENT_BUILTIN_MIN:
    case TANGENT_BUILTIN_MAX:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * _tangent_simplify_call:
 * @fn: a builtin
 * @n: its arity
 * @args: (transfer full): simplified arguments
 *
 * Folds a call of numbers when the result is exact to print (the rounding
 * functions, abs, min, max) or an integer (sqrt(4), ln(1), cos(0)), so
 * ln(2) and sqrt(2) stay symbolic. abs(−u) and abs(abs(u)) are abs(u);
 * max(abs(u), 0) is abs(u).
 *
 * Returns: (transfer full): the simplified call
 */
TangentNode *
_tangent_simplify_call (TangentBuiltin  fn,
                        guint           n,
                        TangentNode   **args)
{
  double v[2] = { 0, 0 };

  g_return_val_if_fail (n >= 1 && n <= 2, NULL);

  if (_tangent_simplify_all_numeric (n, args, v) && !isnan (v[0]) && !isnan (v[1]))
    {
      double r = tangent_math_call (fn, v[0], v[1]);

      if (_tangent_simplify_foldable_result (r)
          && (call_folds_exactly (fn) || _tangent_simplify_is_integer (r)))
        {
          _tangent_simplify_free_nodes (n, args);
          return tangent_node_new_number (r);
        }
      return tangent_node_new_call (fn, n, args);
    }

  if (fn == TANGENT_BUILTIN_ABS)
    {
      TangentNode *a = args[0];

      if (a->kind == TANGENT_NODE_NEG)
        {
          TangentNode *inner = g_steal_pointer (&a->arg);

          tangent_node_free (a);
          return _tangent_simplify_call (fn, 1, &inner);
        }
      if (a->kind == TANGENT_NODE_CALL && a->call.fn == TANGENT_BUILTIN_ABS)
        return a;
    }

  if (fn == TANGENT_BUILTIN_MAX)
    {
      for (guint i = 0; i < 2; i++)
        {
          TangentNode *a = args[i], *b = args[1 - i];

          if (a->kind == TANGENT_NODE_CALL && a->call.fn == TANGENT_BUILTIN_ABS
              && b->kind == TANGENT_NODE_NUMBER && b->number == 0)
            {
              tangent_node_free (b);
              return a;
            }
        }
    }

  return tangent_node_new_call (fn, n, args);
}

/* ------------------------------------------------------------------ */
/* The walk                                                            */

static TangentNode **
simplify_children (const TangentNode *node,
                   guint             *n)
{
  guint count = tangent_node_get_n_children (node);
  TangentNode **kids = g_new (TangentNode *, MAX (count, 1));

  for (guint i = 0; i < count; i++)
    kids[i] = simplify_rec (tangent_node_get_child (node, i));
  *n = count;
  return kids;
}

/* Children first, then the node's own rules through the constructors
 * above; the recursion follows the tree's depth, never a chain's length. */
static TangentNode *
simplify_rec (const TangentNode *node)
{
  g_autofree TangentNode **kids = NULL;
  TangentNode *result = NULL;
  guint n;

  switch (node->kind)
    {
    case TANGENT_NODE_NUMBER:
    case TANGENT_NODE_CONSTANT:
    case TANGENT_NODE_VARIABLE:
    case TANGENT_NODE_PARAMETER:
      return tangent_node_copy (node);
    case TANGENT_NODE_NEG:
    case TANGENT_NODE_SUM:
    case TANGENT_NODE_PRODUCT:
    case TANGENT_NODE_POW:
    case TANGENT_NODE_CALL:
    case TANGENT_NODE_USER_CALL:
    case TANGENT_NODE_TUPLE:
    default:
      break;
    }

  if (node->kind == TANGENT_NODE_CALL
      && (node->call.n < 1 || node->call.n > 2
          || node->call.n != tangent_builtin_get_arity (node->call.fn)))
    return tangent_node_copy (node);

  kids = simplify_children (node, &n);

  switch (node->kind)
    {
    case TANGENT_NODE_NEG:
      result = _tangent_simplify_neg (kids[0]);
      break;
    case TANGENT_NODE_SUM:
      result = _tangent_simplify_sum (n, kids, node->sum.negate);
      break;
    case TANGENT_NODE_PRODUCT:
      result = _tangent_simplify_product (n, kids, node->product.divide);
      break;
    case TANGENT_NODE_POW:
      if (node->pow.is_odd_root && node->pow.q > 0 && node->pow.q % 2 == 1)
        {
          tangent_node_free (kids[1]);
          result = _tangent_simplify_odd_root_pow (kids[0], node->pow.p, node->pow.q);
        }
      else
        result = _tangent_simplify_pow (kids[0], kids[1]);
      break;
    case TANGENT_NODE_CALL:
      result = _tangent_simplify_call (node->call.fn, n, kids);
      break;
    case TANGENT_NODE_USER_CALL:
      result = tangent_node_new_user_call (node->user.name, node->user.order, n, kids);
      break;
    case TANGENT_NODE_TUPLE:
      result = tangent_node_new_tuple (n, kids);
      break;
    case TANGENT_NODE_NUMBER:
    case TANGENT_NODE_CONSTANT:
    case TANGENT_NODE_VARIABLE:
    case TANGENT_NODE_PARAMETER:
    default:
      g_assert_not_reached ();
    }

  return tangent_node_set_span (result, node->start, node->end);
}

/**
 * tangent_simplify:
 * @expr: a tree
 *
 * Simplifies @expr for display and for differentiation. The result has
 * the same domain as @expr and the same value in exact arithmetic;
 * constant folding is bit-identical to run-time evaluation (see the top
 * of this file for the rules).
 *
 * Returns: (transfer full): a new tree
 */
TangentNode *
tangent_simplify (const TangentNode *expr)
{
  g_return_val_if_fail (expr != NULL, NULL);

  return simplify_rec (expr);
}

/**
 * tangent_node_count:
 * @node: a tree
 *
 * Returns: the number of nodes in @node
 */
gsize
tangent_node_count (const TangentNode *node)
{
  guint n;
  gsize count = 1;

  g_return_val_if_fail (node != NULL, 0);

  n = tangent_node_get_n_children (node);
  for (guint i = 0; i < n; i++)
    count += tangent_node_count (tangent_node_get_child (node, i));
  return count;
}
