/* tangent-simplify-order.c: a total order on trees (a part of
 * tangent-simplify.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-simplify"

#include <math.h>
#include <string.h>

#include "tangent-simplify-private.h"

/* ------------------------------------------------------------------ */
/* A total order on trees, so that factors have one canonical order and
 * sin(x) cos(x) and cos(x) sin(x) are recognised as like terms. */

static int
cmp_double (double a,
            double b)
{
  if (a < b)
    return -1;
  if (a > b)
    return 1;
  if (a == b)
    return signbit (a) - signbit (b);
  return isnan (a) - isnan (b);
}

int
_tangent_node_compare (const TangentNode *a,
                       const TangentNode *b)
{
  guint na, nb;
  int c;

  if (a == b)
    return 0;
  if (a->kind != b->kind)
    return (int) a->kind - (int) b->kind;

  switch (a->kind)
    {
    case TANGENT_NODE_NUMBER:
      return cmp_double (a->number, b->number);
    case TANGENT_NODE_CONSTANT:
      return (int) a->constant - (int) b->constant;
    case TANGENT_NODE_VARIABLE:
      return (int) a->variable - (int) b->variable;
    case TANGENT_NODE_PARAMETER:
      return strcmp (a->parameter.name, b->parameter.name);
    case TANGENT_NODE_CALL:
      if (a->call.fn != b->call.fn)
        return (int) a->call.fn - (int) b->call.fn;
      break;
    case TANGENT_NODE_USER_CALL:
      if ((c = strcmp (a->user.name, b->user.name)) != 0)
        return c;
      if (a->user.order != b->user.order)
        return a->user.order < b->user.order ? -1 : 1;
      break;
    case TANGENT_NODE_POW:
      if (a->pow.is_odd_root != b->pow.is_odd_root)
        return a->pow.is_odd_root ? 1 : -1;
      break;
    case TANGENT_NODE_SUM:
    case TANGENT_NODE_PRODUCT:
    case TANGENT_NODE_NEG:
    case TANGENT_NODE_TUPLE:
    default:
      break;
    }

  na = tangent_node_get_n_children (a);
  nb = tangent_node_get_n_children (b);
  if (na != nb)
    return na < nb ? -1 : 1;

  for (guint i = 0; i < na; i++)
    {
      if ((c = _tangent_node_compare (tangent_node_get_child (a, i),
                                      tangent_node_get_child (b, i))) != 0)
        return c;
      if (a->kind == TANGENT_NODE_SUM && a->sum.negate[i] != b->sum.negate[i])
        return a->sum.negate[i] ? 1 : -1;
      if (a->kind == TANGENT_NODE_PRODUCT && a->product.divide[i] != b->product.divide[i])
        return a->product.divide[i] ? 1 : -1;
    }

  if (a->kind == TANGENT_NODE_POW && a->pow.is_odd_root)
    {
      if (a->pow.p != b->pow.p)
        return a->pow.p < b->pow.p ? -1 : 1;
      if (a->pow.q != b->pow.q)
        return a->pow.q < b->pow.q ? -1 : 1;
    }

  return 0;
}
