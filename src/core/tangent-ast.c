/* tangent-ast.c: expression trees of the formula language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-ast"

#include <math.h>
#include <string.h>

#include "tangent-ast.h"

static const struct {
  const char *name;
  guint arity;
} builtins[] = {
#define TANGENT_BUILTIN(id, name, arity) { name, arity },
#include "tangent-builtins.def"
#undef TANGENT_BUILTIN
};

G_STATIC_ASSERT (G_N_ELEMENTS (builtins) == TANGENT_N_BUILTINS);

const char *
tangent_builtin_get_name (TangentBuiltin fn)
{
  g_return_val_if_fail (fn < TANGENT_N_BUILTINS, NULL);

  return builtins[fn].name;
}

guint
tangent_builtin_get_arity (TangentBuiltin fn)
{
  g_return_val_if_fail (fn < TANGENT_N_BUILTINS, 0);

  return builtins[fn].arity;
}

static TangentNode *
node_new (TangentNodeKind kind)
{
  TangentNode *node = g_new0 (TangentNode, 1);

  node->kind = kind;
  return node;
}

TangentNode *
tangent_node_new_number (double value)
{
  TangentNode *node = node_new (TANGENT_NODE_NUMBER);

  node->number = value;
  return node;
}

TangentNode *
tangent_node_new_constant (TangentConstant constant)
{
  TangentNode *node = node_new (TANGENT_NODE_CONSTANT);

  node->constant = constant;
  return node;
}

TangentNode *
tangent_node_new_variable (TangentVariable variable)
{
  TangentNode *node;

  g_return_val_if_fail (variable < TANGENT_N_VARIABLES, NULL);

  node = node_new (TANGENT_NODE_VARIABLE);
  node->variable = variable;
  return node;
}

TangentNode *
tangent_node_new_parameter (const char *name,
                            int         slot)
{
  TangentNode *node;

  g_return_val_if_fail (name != NULL, NULL);

  node = node_new (TANGENT_NODE_PARAMETER);
  node->parameter.name = g_strdup (name);
  node->parameter.slot = slot;
  return node;
}

/**
 * tangent_node_new_neg:
 * @arg: (transfer full): the operand
 *
 * Returns: (transfer full): -@arg
 */
TangentNode *
tangent_node_new_neg (TangentNode *arg)
{
  TangentNode *node;

  g_return_val_if_fail (arg != NULL, NULL);

  node = node_new (TANGENT_NODE_NEG);
  node->arg = arg;
  return node;
}

static TangentNode **
dup_children (guint         n,
              TangentNode **children)
{
  TangentNode **copy = g_new (TangentNode *, n);

  for (guint i = 0; i < n; i++)
    {
      g_return_val_if_fail (children[i] != NULL, copy);
      copy[i] = children[i];
    }
  return copy;
}

static gboolean *
dup_flags (guint           n,
           const gboolean *flags)
{
  gboolean *copy = g_new0 (gboolean, n);

  if (flags != NULL)
    {
      for (guint i = 1; i < n; i++)
        copy[i] = !!flags[i];
    }
  return copy;
}

/**
 * tangent_node_new_sum:
 * @n: number of terms, at least 2
 * @terms: (array length=n) (transfer full): the terms; the array itself
 *   stays the caller's
 * @negate: (array length=n) (nullable): which terms are subtracted;
 *   negate[0] is ignored
 *
 * Returns: (transfer full): t0 ± t1 ± …
 */
TangentNode *
tangent_node_new_sum (guint           n,
                      TangentNode   **terms,
                      const gboolean *negate)
{
  TangentNode *node;

  g_return_val_if_fail (n >= 2, NULL);
  g_return_val_if_fail (terms != NULL, NULL);

  node = node_new (TANGENT_NODE_SUM);
  node->sum.n = n;
  node->sum.terms = dup_children (n, terms);
  node->sum.negate = dup_flags (n, negate);
  return node;
}

/**
 * tangent_node_new_product:
 * @n: number of factors, at least 2
 * @factors: (array length=n) (transfer full): the factors
 * @divide: (array length=n) (nullable): which factors divide; divide[0]
 *   is ignored
 *
 * Returns: (transfer full): f0 ×/÷ f1 ×/÷ …, evaluated left to right
 */
TangentNode *
tangent_node_new_product (guint           n,
                          TangentNode   **factors,
                          const gboolean *divide)
{
  TangentNode *node;

  g_return_val_if_fail (n >= 2, NULL);
  g_return_val_if_fail (factors != NULL, NULL);

  node = node_new (TANGENT_NODE_PRODUCT);
  node->product.n = n;
  node->product.factors = dup_children (n, factors);
  node->product.divide = dup_flags (n, divide);
  return node;
}

TangentNode *
tangent_node_new_binary_sum (TangentNode *a,
                             gboolean     subtract,
                             TangentNode *b)
{
  TangentNode *terms[2] = { a, b };
  gboolean negate[2] = { FALSE, subtract };

  return tangent_node_new_sum (2, terms, negate);
}

TangentNode *
tangent_node_new_binary_product (TangentNode *a,
                                 gboolean     divide,
                                 TangentNode *b)
{
  TangentNode *factors[2] = { a, b };
  gboolean flags[2] = { FALSE, divide };

  return tangent_node_new_product (2, factors, flags);
}

TangentNode *
tangent_node_new_pow (TangentNode *base,
                      TangentNode *exponent)
{
  TangentNode *node;

  g_return_val_if_fail (base != NULL, NULL);
  g_return_val_if_fail (exponent != NULL, NULL);

  node = node_new (TANGENT_NODE_POW);
  node->pow.base = base;
  node->pow.exponent = exponent;
  return node;
}

/**
 * tangent_gcd64:
 * @a: an integer
 * @b: another
 *
 * The greatest common divisor of |@a| and |@b| (0 when both are 0), for
 * reducing the exponent p/q of an odd-root power: (-8)^(4/6) is the real
 * root because 4/6 reduces to 2/3.
 *
 * Returns: gcd(|a|, |b|)
 */
gint64
tangent_gcd64 (gint64 a,
               gint64 b)
{
  /* Magnitudes as unsigned: |G_MININT64| does not fit a gint64. */
  guint64 x = a < 0 ? -(guint64) a : (guint64) a;
  guint64 y = b < 0 ? -(guint64) b : (guint64) b;

  while (y != 0)
    {
      guint64 r = x % y;

      x = y;
      y = r;
    }

  return (gint64) MIN (x, (guint64) G_MAXINT64);
}

/**
 * tangent_node_new_odd_root_pow:
 * @base: (transfer full): the base
 * @exponent: (transfer full): the exponent as written, evaluating to p/q
 * @p: numerator, reduced
 * @q: denominator, reduced, positive and odd
 *
 * A power whose exponent is a fraction of integer literals with an odd
 * denominator: a negative base gives the real root (LANGUAGE.md, Values).
 *
 * Returns: (transfer full): the node
 */
TangentNode *
tangent_node_new_odd_root_pow (TangentNode *base,
                               TangentNode *exponent,
                               gint64       p,
                               gint64       q)
{
  TangentNode *node;

  g_return_val_if_fail (q > 0 && q % 2 == 1, NULL);

  node = tangent_node_new_pow (base, exponent);
  node->pow.is_odd_root = TRUE;
  node->pow.p = p;
  node->pow.q = q;
  return node;
}

TangentNode *
tangent_node_new_call (TangentBuiltin   fn,
                       guint            n,
                       TangentNode    **args)
{
  TangentNode *node;

  g_return_val_if_fail (fn < TANGENT_N_BUILTINS, NULL);
  g_return_val_if_fail (n == tangent_builtin_get_arity (fn), NULL);

  node = node_new (TANGENT_NODE_CALL);
  node->call.fn = fn;
  node->call.n = n;
  node->call.args = dup_children (n, args);
  return node;
}

TangentNode *
tangent_node_new_call1 (TangentBuiltin  fn,
                        TangentNode    *arg)
{
  return tangent_node_new_call (fn, 1, &arg);
}

TangentNode *
tangent_node_new_user_call (const char    *name,
                            guint          order,
                            guint          n,
                            TangentNode  **args)
{
  TangentNode *node;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (n >= 1, NULL);

  node = node_new (TANGENT_NODE_USER_CALL);
  node->user.name = g_strdup (name);
  node->user.order = order;
  node->user.n = n;
  node->user.args = dup_children (n, args);
  return node;
}

TangentNode *
tangent_node_new_tuple (guint          n,
                        TangentNode  **items)
{
  TangentNode *node;

  g_return_val_if_fail (n >= 2, NULL);

  node = node_new (TANGENT_NODE_TUPLE);
  node->tuple.n = n;
  node->tuple.items = dup_children (n, items);
  return node;
}

/**
 * tangent_node_set_span:
 * @node: a node
 * @start: first byte
 * @end: one past the last byte
 *
 * Returns: (transfer none): @node, for chaining
 */
TangentNode *
tangent_node_set_span (TangentNode *node,
                       guint        start,
                       guint        end)
{
  g_return_val_if_fail (node != NULL, NULL);

  node->start = start;
  node->end = end;
  return node;
}

/* The children of a node as one array, whatever its kind: the walkers
 * below and in other modules need not know each kind's field names. */
static TangentNode **
children_of (const TangentNode *node,
             guint             *n)
{
  switch (node->kind)
    {
    case TANGENT_NODE_NEG:
      *n = 1;
      return (TangentNode **) &node->arg;
    case TANGENT_NODE_SUM:
      *n = node->sum.n;
      return node->sum.terms;
    case TANGENT_NODE_PRODUCT:
      *n = node->product.n;
      return node->product.factors;
    case TANGENT_NODE_POW:
      *n = 2;
      return (TangentNode **) &node->pow.base;
    case TANGENT_NODE_CALL:
      *n = node->call.n;
      return node->call.args;
    case TANGENT_NODE_USER_CALL:
      *n = node->user.n;
      return node->user.args;
    case TANGENT_NODE_TUPLE:
      *n = node->tuple.n;
      return node->tuple.items;
    case TANGENT_NODE_NUMBER:
    case TANGENT_NODE_CONSTANT:
    case TANGENT_NODE_VARIABLE:
    case TANGENT_NODE_PARAMETER:
    default:
      *n = 0;
      return NULL;
    }
}

G_STATIC_ASSERT (G_STRUCT_OFFSET (TangentNode, pow.exponent)
                 == G_STRUCT_OFFSET (TangentNode, pow.base) + sizeof (TangentNode *));

guint
tangent_node_get_n_children (const TangentNode *node)
{
  guint n;

  g_return_val_if_fail (node != NULL, 0);

  children_of (node, &n);
  return n;
}

/**
 * tangent_node_get_child:
 * @node: a node
 * @i: index below tangent_node_get_n_children()
 *
 * Returns: (transfer none): the child
 */
TangentNode *
tangent_node_get_child (const TangentNode *node,
                        guint              i)
{
  TangentNode **children;
  guint n;

  g_return_val_if_fail (node != NULL, NULL);

  children = children_of (node, &n);
  g_return_val_if_fail (i < n, NULL);

  return children[i];
}

/**
 * tangent_node_copy_shallow:
 * @node: a tree
 *
 * Copies @node alone: its kind, value, name, flags and span, with every
 * child left %NULL for the caller to fill. Rewriting passes use it to copy
 * each node once.
 *
 * Returns: (transfer full): the copy
 */
TangentNode *
tangent_node_copy_shallow (const TangentNode *node)
{
  TangentNode *copy;
  guint n;

  g_return_val_if_fail (node != NULL, NULL);

  copy = g_memdup2 (node, sizeof *node);
  children_of (node, &n);

  switch (node->kind)
    {
    case TANGENT_NODE_PARAMETER:
      copy->parameter.name = g_strdup (node->parameter.name);
      break;
    case TANGENT_NODE_NEG:
      copy->arg = NULL;
      break;
    case TANGENT_NODE_POW:
      copy->pow.base = copy->pow.exponent = NULL;
      break;
    case TANGENT_NODE_SUM:
      copy->sum.terms = g_new0 (TangentNode *, n);
      copy->sum.negate = g_memdup2 (node->sum.negate, n * sizeof (gboolean));
      break;
    case TANGENT_NODE_PRODUCT:
      copy->product.factors = g_new0 (TangentNode *, n);
      copy->product.divide = g_memdup2 (node->product.divide, n * sizeof (gboolean));
      break;
    case TANGENT_NODE_CALL:
      copy->call.args = g_new0 (TangentNode *, n);
      break;
    case TANGENT_NODE_USER_CALL:
      copy->user.name = g_strdup (node->user.name);
      copy->user.args = g_new0 (TangentNode *, n);
      break;
    case TANGENT_NODE_TUPLE:
      copy->tuple.items = g_new0 (TangentNode *, n);
      break;
    case TANGENT_NODE_NUMBER:
    case TANGENT_NODE_CONSTANT:
    case TANGENT_NODE_VARIABLE:
    default:
      break;
    }

  return copy;
}

/**
 * tangent_node_copy:
 * @node: a tree
 *
 * Returns: (transfer full): a deep copy, spans included
 */
TangentNode *
tangent_node_copy (const TangentNode *node)
{
  TangentNode *copy;
  TangentNode **children, **slots;
  guint n;

  g_return_val_if_fail (node != NULL, NULL);

  copy = tangent_node_copy_shallow (node);
  children = children_of (node, &n);
  slots = children_of (copy, &n);
  for (guint i = 0; i < n; i++)
    slots[i] = tangent_node_copy (children[i]);

  return copy;
}

/**
 * tangent_node_equal:
 * @a: a tree
 * @b: another tree
 *
 * Structural equality, ignoring spans. Numbers compare by their bits, so
 * 0 and -0 differ and a NaN equals the same NaN: two trees are equal when
 * they compute the same thing in the same way.
 *
 * Returns: %TRUE if the trees are the same
 */
gboolean
tangent_node_equal (const TangentNode *a,
                    const TangentNode *b)
{
  TangentNode **ca, **cb;
  guint na, nb;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->kind != b->kind)
    return FALSE;

  switch (a->kind)
    {
    case TANGENT_NODE_NUMBER:
      return memcmp (&a->number, &b->number, sizeof (double)) == 0;
    case TANGENT_NODE_CONSTANT:
      return a->constant == b->constant;
    case TANGENT_NODE_VARIABLE:
      return a->variable == b->variable;
    case TANGENT_NODE_PARAMETER:
      return g_strcmp0 (a->parameter.name, b->parameter.name) == 0;
    case TANGENT_NODE_SUM:
      if (a->sum.n != b->sum.n
          || memcmp (a->sum.negate, b->sum.negate, a->sum.n * sizeof (gboolean)) != 0)
        return FALSE;
      break;
    case TANGENT_NODE_PRODUCT:
      if (a->product.n != b->product.n
          || memcmp (a->product.divide, b->product.divide,
                     a->product.n * sizeof (gboolean)) != 0)
        return FALSE;
      break;
    case TANGENT_NODE_POW:
      if (a->pow.is_odd_root != b->pow.is_odd_root
          || (a->pow.is_odd_root && (a->pow.p != b->pow.p || a->pow.q != b->pow.q)))
        return FALSE;
      break;
    case TANGENT_NODE_CALL:
      if (a->call.fn != b->call.fn)
        return FALSE;
      break;
    case TANGENT_NODE_USER_CALL:
      if (strcmp (a->user.name, b->user.name) != 0 || a->user.order != b->user.order)
        return FALSE;
      break;
    case TANGENT_NODE_NEG:
    case TANGENT_NODE_TUPLE:
    default:
      break;
    }

  ca = children_of (a, &na);
  cb = children_of (b, &nb);
  if (na != nb)
    return FALSE;

  for (guint i = 0; i < na; i++)
    {
      if (!tangent_node_equal (ca[i], cb[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * tangent_node_hash:
 * @node: a tree
 *
 * Returns: a hash consistent with tangent_node_equal()
 */
/* Mixes @value into @h so that order matters and no two steps cancel
 * (MurmurHash3's 32-bit mixing steps, A. Appleby, public domain). A plain
 * XOR chain lets a node and its child cancel a shared prefix, which made
 * every k·sin(kx) hash alike. */
static guint
mix (guint h,
     guint value)
{
  value *= 0xcc9e2d51u;
  value = (value << 15) | (value >> 17);
  value *= 0x1b873593u;
  h ^= value;
  h = (h << 13) | (h >> 19);
  return h * 5 + 0xe6546b64u;
}

guint
tangent_node_hash (const TangentNode *node)
{
  TangentNode **children;
  guint h, n;

  g_return_val_if_fail (node != NULL, 0);

  h = mix (0x9747b28cu, (guint) node->kind + 1);

  switch (node->kind)
    {
    case TANGENT_NODE_NUMBER:
      {
        guint64 bits;

        memcpy (&bits, &node->number, sizeof bits);
        h = mix (mix (h, (guint) bits), (guint) (bits >> 32));
      }
      break;
    case TANGENT_NODE_CONSTANT:
      h = mix (h, node->constant);
      break;
    case TANGENT_NODE_VARIABLE:
      h = mix (h, node->variable);
      break;
    case TANGENT_NODE_PARAMETER:
      h = mix (h, g_str_hash (node->parameter.name));
      break;
    case TANGENT_NODE_CALL:
      h = mix (h, node->call.fn);
      break;
    case TANGENT_NODE_USER_CALL:
      h = mix (mix (h, g_str_hash (node->user.name)), node->user.order);
      break;
    case TANGENT_NODE_POW:
      h = mix (h, node->pow.is_odd_root ? (guint) (node->pow.p * 31 + node->pow.q) : 0);
      break;
    case TANGENT_NODE_NEG:
    case TANGENT_NODE_SUM:
    case TANGENT_NODE_PRODUCT:
    case TANGENT_NODE_TUPLE:
    default:
      break;
    }

  children = children_of (node, &n);
  h = mix (h, n);
  for (guint i = 0; i < n; i++)
    {
      guint flag = 0;

      if (node->kind == TANGENT_NODE_SUM)
        flag = node->sum.negate[i];
      else if (node->kind == TANGENT_NODE_PRODUCT)
        flag = node->product.divide[i];
      h = mix (mix (h, flag), tangent_node_hash (children[i]));
    }

  /* Final avalanche. */
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  return h;
}

/**
 * tangent_node_depends_on:
 * @node: a tree
 * @variable: a free variable
 *
 * Returns: %TRUE if @variable occurs in @node. A call of a user function
 *   depends on what its arguments depend on; its body is the document's.
 */
gboolean
tangent_node_depends_on (const TangentNode *node,
                         TangentVariable    variable)
{
  TangentNode **children;
  guint n;

  g_return_val_if_fail (node != NULL, FALSE);

  if (node->kind == TANGENT_NODE_VARIABLE)
    return node->variable == variable;

  children = children_of (node, &n);
  for (guint i = 0; i < n; i++)
    {
      if (tangent_node_depends_on (children[i], variable))
        return TRUE;
    }

  return FALSE;
}

/**
 * tangent_node_is_number:
 * @node: a tree
 * @value: a number
 *
 * Returns: %TRUE if @node is the literal @value (0 matches both zeros)
 */
gboolean
tangent_node_is_number (const TangentNode *node,
                        double             value)
{
  g_return_val_if_fail (node != NULL, FALSE);

  return node->kind == TANGENT_NODE_NUMBER && node->number == value;
}

/**
 * tangent_node_free:
 * @node: (nullable): a tree
 *
 * Frees @node and all its children.
 */
void
tangent_node_free (TangentNode *node)
{
  TangentNode **children;
  guint n;

  if (node == NULL)
    return;

  children = children_of (node, &n);
  for (guint i = 0; i < n; i++)
    tangent_node_free (children[i]);

  switch (node->kind)
    {
    case TANGENT_NODE_PARAMETER:
      g_free (node->parameter.name);
      break;
    case TANGENT_NODE_SUM:
      g_free (node->sum.terms);
      g_free (node->sum.negate);
      break;
    case TANGENT_NODE_PRODUCT:
      g_free (node->product.factors);
      g_free (node->product.divide);
      break;
    case TANGENT_NODE_CALL:
      g_free (node->call.args);
      break;
    case TANGENT_NODE_USER_CALL:
      g_free (node->user.name);
      g_free (node->user.args);
      break;
    case TANGENT_NODE_TUPLE:
      g_free (node->tuple.items);
      break;
    case TANGENT_NODE_NUMBER:
    case TANGENT_NODE_CONSTANT:
    case TANGENT_NODE_VARIABLE:
    case TANGENT_NODE_NEG:
    case TANGENT_NODE_POW:
    default:
      break;
    }

  g_free (node);
}
