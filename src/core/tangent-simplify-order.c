/* tangent-simplify-order.c: a structural hash and a total order
 * on trees (a part of tangent-simplify.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-simplify"

#include <math.h>
#include <string.h>

#include "tangent-simplify-private.h"

/* A structural hash consistent with tangent_node_equal() whose steps do
 * not commute: each child is mixed in with a multiply and a shift, so a
 * prefix shared by a node and its child (k·sin(k·x)) cannot cancel out,
 * as it does under a plain XOR chain. The memo of tangent-derive.c and
 * the tables here key on it. */
guint
_tangent_node_hash (const TangentNode *node)
{
  guint64 h = 0x9E3779B97F4A7C15u * ((guint64) node->kind + 1);
  guint n = tangent_node_get_n_children (node);

  switch (node->kind)
    {
    case TANGENT_NODE_NUMBER:
      {
        guint64 bits;

        memcpy (&bits, &node->number, sizeof bits);
        h ^= bits;
      }
      break;
    case TANGENT_NODE_CONSTANT:
      h ^= (guint64) node->constant + 1;
      break;
    case TANGENT_NODE_VARIABLE:
      h ^= (guint64) node->variable + 17;
      break;
    case TANGENT_NODE_PARAMETER:
      h ^= g_str_hash (node->parameter.name);
      break;
    case TANGENT_NODE_CALL:
      h ^= (guint64) node->call.fn + 101;
      break;
    case TANGENT_NODE_USER_CALL:
      h ^= g_str_hash (node->user.name) + 31 * (guint64) node->user.order;
      break;
    case TANGENT_NODE_POW:
      if (node->pow.is_odd_root)
        h ^= ((guint64) node->pow.p << 20) ^ (guint64) node->pow.q;
      break;
    case TANGENT_NODE_NEG:
    case TANGENT_NODE_SUM:
    case TANGENT_NODE_PRODUCT:
    case TANGENT_NODE_TUPLE:
    default:
      break;
    }
  h *= 0xFF51AFD7ED558CCDu;
  h ^= h >> 33;

  for (guint i = 0; i < n; i++)
    {
      guint64 flag = 0;

      if (node->kind == TANGENT_NODE_SUM)
        flag = node->sum.negate[i];
      else if (node->kind == TANGENT_NODE_PRODUCT)
        flag = node->product.divide[i];
      h = (h ^ (_tangent_node_hash (tangent_node_get_child (node, i)) + (flag << 40)))
          * 0xC4CEB9FE1A85EC53u;
      h ^= h >> 29;
    }

  return (guint) (h ^ (h >> 32));
}

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
