/* tangent-simplify-domain.c: where a tree is defined, as the
 * simplifier's rules ask it (a part of tangent-simplify.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-simplify"

#include <math.h>

#include "tangent-simplify-private.h"

/* ------------------------------------------------------------------ */
/* Predicates                                                          */

static gboolean
call_is_total (TangentBuiltin fn)
{
  switch (fn)
    {
    case TANGENT_BUILTIN_ABS:
    case TANGENT_BUILTIN_SIGN:
    case TANGENT_BUILTIN_FLOOR:
    case TANGENT_BUILTIN_CEIL:
    case TANGENT_BUILTIN_ROUND:
    case TANGENT_BUILTIN_CBRT:
    case TANGENT_BUILTIN_EXP:
    case TANGENT_BUILTIN_SIN:
    case TANGENT_BUILTIN_COS:
    case TANGENT_BUILTIN_ATAN:
    case TANGENT_BUILTIN_ATAN2:
    case TANGENT_BUILTIN_SINH:
    case TANGENT_BUILTIN_COSH:
    case TANGENT_BUILTIN_TANH:
    case TANGENT_BUILTIN_MIN:
    case TANGENT_BUILTIN_MAX:
      return TRUE;
    case TANGENT_BUILTIN_SQRT:
    case TANGENT_BUILTIN_LN:
    case TANGENT_BUILTIN_LOG10:
    case TANGENT_BUILTIN_LOG2:
    case TANGENT_BUILTIN_TAN:
    case TANGENT_BUILTIN_SEC:
    case TANGENT_BUILTIN_CSC:
    case TANGENT_BUILTIN_COT:
    case TANGENT_BUILTIN_ASIN:
    case TANGENT_BUILTIN_ACOS:
    case TANGENT_N_BUILTINS:
    default:
      return FALSE;
    }
}

/**
 * _tangent_node_is_positive:
 * @node: a tree
 *
 * Conservative: %TRUE only when @node is provably > 0 wherever it is
 * defined (π, e, positive numbers, exp, cosh, powers of such).
 */
gboolean
_tangent_node_is_positive (const TangentNode *node)
{
  switch (node->kind)
    {
    case TANGENT_NODE_NUMBER:
      return node->number > 0 && isfinite (node->number);
    case TANGENT_NODE_CONSTANT:
      return TRUE;
    case TANGENT_NODE_CALL:
      return node->call.fn == TANGENT_BUILTIN_EXP || node->call.fn == TANGENT_BUILTIN_COSH;
    case TANGENT_NODE_POW:
      return _tangent_node_is_positive (node->pow.base);
    case TANGENT_NODE_PRODUCT:
      for (guint i = 0; i < node->product.n; i++)
        {
          if (!_tangent_node_is_positive (node->product.factors[i]))
            return FALSE;
        }
      return TRUE;
    case TANGENT_NODE_VARIABLE:
    case TANGENT_NODE_PARAMETER:
    case TANGENT_NODE_NEG:
    case TANGENT_NODE_SUM:
    case TANGENT_NODE_USER_CALL:
    case TANGENT_NODE_TUPLE:
    default:
      return FALSE;
    }
}

/**
 * _tangent_node_is_nonzero:
 * @node: a tree
 *
 * Conservative: %TRUE only when @node is provably never 0 where defined.
 */
gboolean
_tangent_node_is_nonzero (const TangentNode *node)
{
  switch (node->kind)
    {
    case TANGENT_NODE_NUMBER:
      return node->number != 0;
    case TANGENT_NODE_NEG:
      return _tangent_node_is_nonzero (node->arg);
    case TANGENT_NODE_CALL:
      if (node->call.fn == TANGENT_BUILTIN_ABS)
        return _tangent_node_is_nonzero (node->call.args[0]);
      return _tangent_node_is_positive (node);
    case TANGENT_NODE_POW:
      return _tangent_node_is_positive (node)
             || (_tangent_node_is_nonzero (node->pow.base)
                 && node->pow.exponent->kind == TANGENT_NODE_NUMBER);
    case TANGENT_NODE_PRODUCT:
      for (guint i = 0; i < node->product.n; i++)
        {
          if (!_tangent_node_is_nonzero (node->product.factors[i]))
            return FALSE;
        }
      return TRUE;
    case TANGENT_NODE_CONSTANT:
      return TRUE;
    case TANGENT_NODE_VARIABLE:
    case TANGENT_NODE_PARAMETER:
    case TANGENT_NODE_SUM:
    case TANGENT_NODE_USER_CALL:
    case TANGENT_NODE_TUPLE:
    default:
      return FALSE;
    }
}

/* Whether a power with this numeric exponent is defined for every real
 * base: non-negative integers and odd roots p/q with p >= 0. */
static gboolean
pow_is_total (const TangentNode *pow)
{
  const TangentNode *e = pow->pow.exponent;

  if (pow->pow.is_odd_root)
    return pow->pow.p >= 0 || _tangent_node_is_nonzero (pow->pow.base);

  if (e->kind == TANGENT_NODE_NUMBER && _tangent_simplify_is_integer (e->number))
    return e->number >= 0 || _tangent_node_is_nonzero (pow->pow.base);

  return _tangent_node_is_positive (pow->pow.base) && tangent_node_is_total (e);
}

/**
 * tangent_node_is_total:
 * @node: a tree
 *
 * Whether @node is defined for every real value of its variables and
 * parameters (in exact arithmetic: overflow is not counted). Conservative:
 * %FALSE when unsure. The simplifier drops a term or a factor 0·f only
 * when this holds, so x/x, 0·ln(x) and 0/(x − floor(x)) keep their
 * domains while 0·sin(x) becomes 0.
 *
 * Returns: %TRUE if @node is provably defined everywhere
 */
gboolean
tangent_node_is_total (const TangentNode *node)
{
  g_return_val_if_fail (node != NULL, FALSE);

  switch (node->kind)
    {
    case TANGENT_NODE_NUMBER:
      return isfinite (node->number);
    case TANGENT_NODE_CONSTANT:
    case TANGENT_NODE_VARIABLE:
    case TANGENT_NODE_PARAMETER:
      return TRUE;
    case TANGENT_NODE_NEG:
      return tangent_node_is_total (node->arg);
    case TANGENT_NODE_SUM:
      for (guint i = 0; i < node->sum.n; i++)
        {
          if (!tangent_node_is_total (node->sum.terms[i]))
            return FALSE;
        }
      return TRUE;
    case TANGENT_NODE_PRODUCT:
      for (guint i = 0; i < node->product.n; i++)
        {
          const TangentNode *f = node->product.factors[i];

          if (!tangent_node_is_total (f))
            return FALSE;
          if (node->product.divide[i] && !_tangent_node_is_nonzero (f))
            return FALSE;
        }
      return TRUE;
    case TANGENT_NODE_POW:
      return tangent_node_is_total (node->pow.base) && pow_is_total (node);
    case TANGENT_NODE_CALL:
      if (!call_is_total (node->call.fn))
        return FALSE;
      for (guint i = 0; i < node->call.n; i++)
        {
          if (!tangent_node_is_total (node->call.args[i]))
            return FALSE;
        }
      return TRUE;
    case TANGENT_NODE_TUPLE:
      for (guint i = 0; i < node->tuple.n; i++)
        {
          if (!tangent_node_is_total (node->tuple.items[i]))
            return FALSE;
        }
      return TRUE;
    case TANGENT_NODE_USER_CALL:
    default:
      return FALSE;
    }
}
