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
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-simplify"

#include <math.h>
#include <string.h>

#include "tangent-format.h"
#include "tangent-math.h"
#include "tangent-simplify-private.h"

/* Integers up to 2^53 are exact doubles; rational arithmetic on
 * coefficients and exponents stays below this so it is exact. */
#define EXACT_INT_LIMIT 9007199254740992.0
#define RATIONAL_LIMIT  (G_GINT64_CONSTANT (1) << 26)

static TangentNode *simplify_rec (const TangentNode *node);

static gboolean
is_integer (double v)
{
  return isfinite (v) && floor (v) == v && fabs (v) <= EXACT_INT_LIMIT;
}

/* TwoSum: a + b is exact when the rounding error it leaves is zero. */
static gboolean
exact_add (double  a,
           double  b,
           double *sum)
{
  double s = a + b;
  double bb = s - a;
  double err = (a - (s - bb)) + (b - bb);

  *sum = s;
  return isfinite (s) && err == 0;
}

static gint64
gcd64 (gint64 a,
       gint64 b)
{
  a = a < 0 ? -a : a;
  b = b < 0 ? -b : b;
  while (b != 0)
    {
      gint64 t = a % b;

      a = b;
      b = t;
    }
  return a;
}

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

  if (e->kind == TANGENT_NODE_NUMBER && is_integer (e->number))
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

/* ------------------------------------------------------------------ */
/* Folding                                                             */

/* The value of an operand that folding treats as a number: a literal, a
 * kept fraction p/q, or the negation of one. */
static gboolean
numeric_value (const TangentNode *node,
               double            *value)
{
  switch (node->kind)
    {
    case TANGENT_NODE_NUMBER:
      *value = node->number;
      return TRUE;
    case TANGENT_NODE_NEG:
      if (numeric_value (node->arg, value))
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

static gboolean
all_numeric (guint               n,
             TangentNode *const *nodes,
             double             *values)
{
  for (guint i = 0; i < n; i++)
    {
      if (!numeric_value (nodes[i], &values[i]))
        return FALSE;
    }
  return TRUE;
}

/* Lua's rule: a folded result must be an ordinary number. */
static gboolean
foldable_result (double value)
{
  return isfinite (value) && !(value == 0 && signbit (value));
}

static void
free_nodes (guint          n,
            TangentNode  **nodes)
{
  for (guint i = 0; i < n; i++)
    tangent_node_free (nodes[i]);
}

/* p/q with integer p, q whose quotient is inexact: the reduced fraction,
 * kept for display (its run-time value is the same rounded quotient).
 * NULL when the quotient is exact or the operands are not integers. */
static TangentNode *
make_fraction (double p,
               double q)
{
  gint64 ip, iq, g;
  TangentNode *frac;
  gboolean negative;

  if (!is_integer (p) || !is_integer (q) || q == 0 || p == 0)
    return NULL;

  ip = (gint64) p;
  iq = (gint64) q;
  if (ip % iq == 0)
    return NULL;

  g = gcd64 (ip, iq);
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
/* Sums                                                                */

typedef struct
{
  TangentNode *node;
  gboolean     flag;
} Item;

typedef struct
{
  TangentNode  *node;      /* the first term with this key, owned */
  TangentNode **factors;   /* the key: non-numeric factors, borrowed */
  gboolean     *divide;
  guint         n_factors;
  guint         hash;
  double        num, den;  /* signed coefficient num/den */
  gboolean      merged;    /* the coefficient changed: rebuild */
  gboolean      negated;   /* node enters with a minus sign */
} Term;

static guint
term_hash (const Term *t)
{
  guint h = 5381;

  for (guint i = 0; i < t->n_factors; i++)
    h = (h ^ (_tangent_node_hash (t->factors[i]) + (guint) t->divide[i])) * 0x01000193u;
  return h;
}

static gboolean
term_key_equal (const Term *a,
                const Term *b)
{
  if (a->n_factors != b->n_factors)
    return FALSE;
  for (guint i = 0; i < a->n_factors; i++)
    {
      if (a->divide[i] != b->divide[i] || !tangent_node_equal (a->factors[i], b->factors[i]))
        return FALSE;
    }
  return TRUE;
}

static guint
term_ghash (gconstpointer p)
{
  return ((const Term *) p)->hash;
}

static gboolean
term_gequal (gconstpointer a,
             gconstpointer b)
{
  return term_key_equal (a, b);
}

/* Splits a canonical term into its numeric coefficient and the key of
 * like terms: 3x²/4 is (3/4, [x²]); 5 is (5, []). A term with unfolded
 * numbers in odd places is its own key with coefficient ±1. */
static void
term_decompose (Term        *t,
                TangentNode *node,
                gboolean     negate)
{
  TangentNode *core = node;
  double sign = negate ? -1 : 1;
  double value;

  t->node = node;
  t->negated = negate;
  t->num = 1;
  t->den = 1;
  t->merged = FALSE;

  while (core->kind == TANGENT_NODE_NEG && !numeric_value (core, &value))
    {
      sign = -sign;
      core = core->arg;
    }

  if (core->kind == TANGENT_NODE_NUMBER)
    {
      t->num = sign * core->number;
      t->n_factors = 0;
      t->factors = NULL;
      t->divide = NULL;
    }
  else if (core->kind == TANGENT_NODE_PRODUCT)
    {
      guint n = core->product.n, k = 0;
      gboolean have_num = FALSE, have_den = FALSE, odd = FALSE;

      t->factors = g_new (TangentNode *, n);
      t->divide = g_new (gboolean, n);
      for (guint i = 0; i < n; i++)
        {
          TangentNode *f = core->product.factors[i];
          gboolean d = core->product.divide[i];

          if (f->kind == TANGENT_NODE_NUMBER && isfinite (f->number) && f->number != 0)
            {
              if (!d && !have_num && i == 0)
                {
                  t->num = f->number;
                  have_num = TRUE;
                  continue;
                }
              else if (d && !have_den)
                {
                  t->den = f->number;
                  have_den = TRUE;
                  continue;
                }
              odd = TRUE;
            }
          else if (f->kind == TANGENT_NODE_NUMBER)
            odd = TRUE;
          t->factors[k] = f;
          t->divide[k] = d;
          k++;
        }
      if (odd)
        {
          t->num = 1;
          t->den = 1;
          t->factors[0] = core;
          t->divide[0] = FALSE;
          k = 1;
        }
      t->n_factors = k;
      t->num *= sign;
    }
  else
    {
      t->n_factors = 1;
      t->factors = g_new (TangentNode *, 1);
      t->divide = g_new0 (gboolean, 1);
      t->factors[0] = core;
      t->num = sign;
    }

  t->hash = term_hash (t);
}

static int
significant_digits (double v)
{
  char buf[TANGENT_FORMAT_BUF_SIZE];
  int n = 0;
  gboolean leading = TRUE;

  tangent_format_shortest (buf, v);
  for (const char *c = buf; *c != '\0' && *c != 'e'; c++)
    {
      if (!g_ascii_isdigit (*c))
        continue;
      if (leading && *c == '0')
        continue;
      leading = FALSE;
      n++;
    }
  /* trailing zeros of an integer are not significant: 1200 has 2 */
  if (strchr (buf, '.') == NULL && strchr (buf, 'e') == NULL)
    {
      for (const char *c = buf + strlen (buf) - 1; c > buf && *c == '0' && n > 1; c--)
        n--;
    }
  return n;
}

/* Adds coefficients when that is exact: plain numbers by TwoSum, integer
 * fractions by exact rational arithmetic. */
static gboolean
coefficient_add (double  n1,
                 double  d1,
                 double  n2,
                 double  d2,
                 double *n,
                 double *d)
{
  gint64 a, b, c, e, num, den, g;

  if (d1 == 1 && d2 == 1)
    {
      *d = 1;
      if (exact_add (n1, n2, n))
        return TRUE;
      /* A rounded sum is taken when it reads no longer than its
       * operands: 3.1e21 + 4.2e21 after many derivative steps, but not
       * 0.1 + 0.2, which would show as 0.30000000000000004. */
      return isfinite (*n)
             && significant_digits (*n) <= MAX (significant_digits (n1),
                                                significant_digits (n2)) + 1;
    }

  if (!is_integer (n1) || !is_integer (d1) || !is_integer (n2) || !is_integer (d2))
    return FALSE;

  a = (gint64) n1;
  b = (gint64) d1;
  c = (gint64) n2;
  e = (gint64) d2;
  if (ABS (a) >= RATIONAL_LIMIT || ABS (b) >= RATIONAL_LIMIT
      || ABS (c) >= RATIONAL_LIMIT || ABS (e) >= RATIONAL_LIMIT)
    return FALSE;

  num = a * e + c * b;
  den = b * e;
  g = gcd64 (num, den);
  if (g == 0)
    g = 1;
  num /= g;
  den /= g;
  if (den < 0)
    {
      num = -num;
      den = -den;
    }
  *n = (double) num;
  *d = (double) den;
  return TRUE;
}

static void
term_clear (Term *t)
{
  g_clear_pointer (&t->factors, g_free);
  g_clear_pointer (&t->divide, g_free);
  g_clear_pointer (&t->node, tangent_node_free);
}

static void
flatten_sum (GArray      *items,
             TangentNode *node,
             gboolean     negate)
{
  if (node->kind == TANGENT_NODE_SUM)
    {
      for (guint i = 0; i < node->sum.n; i++)
        {
          flatten_sum (items, node->sum.terms[i], negate != node->sum.negate[i]);
          node->sum.terms[i] = NULL;
        }
      tangent_node_free (node);
    }
  else
    {
      Item item = { node, negate };

      g_array_append_val (items, item);
    }
}

/* The term as a node with a non-negative coefficient, and whether it
 * enters the sum subtracted. */
static TangentNode *
term_emit (Term     *t,
           gboolean *negative)
{
  TangentNode *node;
  double value;

  if (!t->merged)
    {
      node = g_steal_pointer (&t->node);
      *negative = t->negated;
      if (numeric_value (node, &value) && node->kind != TANGENT_NODE_PRODUCT)
        {
          if (value < 0 || (value == 0 && signbit (value)))
            {
              *negative = !*negative;
              if (node->kind == TANGENT_NODE_NEG)
                {
                  TangentNode *arg = g_steal_pointer (&node->arg);

                  tangent_node_free (node);
                  return arg;
                }
              tangent_node_free (node);
              return tangent_node_new_number (-value);
            }
          return node;
        }
      while (node->kind == TANGENT_NODE_NEG)
        {
          TangentNode *arg = g_steal_pointer (&node->arg);

          tangent_node_free (node);
          node = arg;
          *negative = !*negative;
        }
      return node;
    }
  else
    {
      guint n = t->n_factors + 2, k = 0;
      g_autofree TangentNode **factors = g_new (TangentNode *, n);
      g_autofree gboolean *divide = g_new0 (gboolean, n);

      *negative = t->num < 0;
      factors[k++] = tangent_node_new_number (fabs (t->num));
      for (guint i = 0; i < t->n_factors; i++)
        {
          divide[k] = t->divide[i];
          factors[k++] = tangent_node_copy (t->factors[i]);
        }
      if (t->den != 1)
        {
          divide[k] = TRUE;
          factors[k++] = tangent_node_new_number (t->den);
        }
      return _tangent_simplify_product (k, factors, divide);
    }
}

static gboolean
key_is_total (const Term *t)
{
  for (guint i = 0; i < t->n_factors; i++)
    {
      if (!tangent_node_is_total (t->factors[i]))
        return FALSE;
      if (t->divide[i] && !_tangent_node_is_nonzero (t->factors[i]))
        return FALSE;
    }
  return TRUE;
}

/* Fold a sum of numbers left to right, as run time does. */
static TangentNode *
fold_sum (guint               n,
          TangentNode *const *terms,
          const gboolean     *negate)
{
  g_autofree double *values = g_new (double, n);
  double acc;

  if (!all_numeric (n, terms, values))
    return NULL;

  acc = negate[0] ? -values[0] : values[0];
  for (guint i = 1; i < n; i++)
    acc = negate[i] ? acc - values[i] : acc + values[i];

  return foldable_result (acc) ? tangent_node_new_number (acc) : NULL;
}

/* Builds a SUM node from items, or the single term (negated) alone. */
static TangentNode *
sum_from_items (GArray *items)
{
  guint n = items->len;
  g_autofree TangentNode **terms = NULL;
  g_autofree gboolean *negate = NULL;
  Item *first;

  if (n == 0)
    return tangent_node_new_number (0);

  first = &g_array_index (items, Item, 0);
  if (first->flag)
    {
      first->node = _tangent_simplify_neg (first->node);
      first->flag = FALSE;
    }
  if (n == 1)
    return first->node;

  terms = g_new (TangentNode *, n);
  negate = g_new (gboolean, n);
  for (guint i = 0; i < n; i++)
    {
      terms[i] = g_array_index (items, Item, i).node;
      negate[i] = g_array_index (items, Item, i).flag;
    }
  return tangent_node_new_sum (n, terms, negate);
}

/**
 * _tangent_simplify_sum:
 * @n: number of terms, at least 1
 * @terms: (transfer full): simplified terms; the array stays the caller's
 * @negate: (nullable): which terms are subtracted, the first one included
 *
 * Flattens nested sums, collects like terms by hashing their non-numeric
 * part (3x + x = 4x, one pass, so 20 000 terms cost 20 000 hash lookups),
 * keeps the terms in order of first appearance with the constant last,
 * and drops a zero term only where its key is total: ln(x) − ln(x) is
 * 0·ln(x), still undefined for x <= 0.
 *
 * Returns: (transfer full): the simplified sum
 */
TangentNode *
_tangent_simplify_sum (guint           n,
                       TangentNode   **terms,
                       const gboolean *negate)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_autoptr(GArray) out = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autofree gboolean *flags = NULL;
  Term *table;
  guint n_terms = 0;
  gboolean all_numbers = TRUE;
  TangentNode *folded;

  g_return_val_if_fail (n >= 1, NULL);

  flags = g_new0 (gboolean, n);
  if (negate != NULL)
    memcpy (flags, negate, n * sizeof (gboolean));

  if (n >= 2 && (folded = fold_sum (n, terms, flags)) != NULL)
    {
      free_nodes (n, terms);
      return folded;
    }

  for (guint i = 0; i < n; i++)
    {
      double v;

      if (!numeric_value (terms[i], &v))
        all_numbers = FALSE;
    }
  if (all_numbers && n >= 2)
    {
      /* Folding refused (NaN, infinity, -0): leave the sum as written. */
      if (flags[0])
        terms[0] = tangent_node_new_neg (terms[0]);
      return tangent_node_new_sum (n, terms, flags);
    }

  for (guint i = 0; i < n; i++)
    flatten_sum (items, terms[i], flags[i]);

  table = g_new0 (Term, items->len);
  index = g_hash_table_new (term_ghash, term_gequal);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      Term t;
      Term *prev;

      term_decompose (&t, item->node, item->flag);
      prev = g_hash_table_lookup (index, &t);
      if (prev != NULL)
        {
          double num, den;

          if (coefficient_add (prev->num, prev->den, t.num, t.den, &num, &den))
            {
              prev->num = num;
              prev->den = den;
              prev->merged = TRUE;
              term_clear (&t);
              continue;
            }
        }
      table[n_terms] = t;
      g_hash_table_replace (index, &table[n_terms], &table[n_terms]);
      n_terms++;
    }

  out = g_array_new (FALSE, FALSE, sizeof (Item));
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n_terms; i++)
        {
          Term *t = &table[i];
          Item item;

          if ((t->n_factors == 0) != (pass == 1))
            continue;
          if (t->merged && t->num == 0
              && (t->n_factors == 0 || key_is_total (t)))
            continue;
          if (!t->merged && t->n_factors == 0 && t->num == 0 && n_terms > 1)
            continue;

          item.node = term_emit (t, &item.flag);
          g_array_append_val (out, item);
        }
    }

  for (guint i = 0; i < n_terms; i++)
    term_clear (&table[i]);
  g_free (table);

  /* 1 − x rather than −x + 1: a lone positive constant leads when the
   * first other term is subtracted. */
  if (out->len >= 2 && g_array_index (out, Item, 0).flag)
    {
      Item last = g_array_index (out, Item, out->len - 1);
      double v;

      if (!last.flag && numeric_value (last.node, &v)
          && !numeric_value (g_array_index (out, Item, out->len - 2).node, &v))
        {
          g_array_remove_index (out, out->len - 1);
          g_array_prepend_val (out, last);
        }
    }

  return sum_from_items (out);
}

/* ------------------------------------------------------------------ */
/* Products                                                            */

typedef enum
{
  CLASS_TOTAL,     /* non-negative integer or odd root p/q, p >= 0 */
  CLASS_NONZERO,   /* negative integer or odd root: base != 0 */
  CLASS_NONNEG,    /* positive non-integer: base >= 0 */
  CLASS_POSITIVE,  /* negative non-integer: base > 0 */
} ExpClass;

typedef struct
{
  gboolean rational;       /* p/q, q odd (integers: q = 1) */
  gint64   p, q;
  double   value;          /* otherwise a finite non-integer */
} Exponent;

typedef struct
{
  TangentNode *base;       /* owned */
  Exponent     exp;
  ExpClass     klass;
  gboolean     free_base;  /* base is positive: every exponent merges */
  guint        order;
} Factor;

static ExpClass
exponent_class (const Exponent *e)
{
  if (e->rational)
    return e->p >= 0 ? CLASS_TOTAL : CLASS_NONZERO;
  return e->value > 0 ? CLASS_NONNEG : CLASS_POSITIVE;
}

/* The class of a product of two powers of one base: where both are
 * defined (T ∩ X = X, NZ ∩ NN = P, anything ∩ P = P). */
static ExpClass
class_meet (ExpClass a,
            ExpClass b)
{
  if (a == b || b == CLASS_TOTAL)
    return a;
  if (a == CLASS_TOTAL)
    return b;
  return CLASS_POSITIVE;
}

static gboolean
exponent_is_zero (const Exponent *e)
{
  return e->rational ? e->p == 0 : e->value == 0;
}

static void
exponent_negate (Exponent *e)
{
  e->p = -e->p;
  e->value = -e->value;
}

static void
exponent_from_double (Exponent *e,
                      double    v)
{
  if (is_integer (v) && fabs (v) < (double) RATIONAL_LIMIT)
    {
      e->rational = TRUE;
      e->p = (gint64) v;
      e->q = 1;
      e->value = v;
    }
  else
    {
      e->rational = FALSE;
      e->value = v;
      e->p = 0;
      e->q = 1;
    }
}

static gboolean
exponent_add (const Exponent *a,
              const Exponent *b,
              Exponent       *sum)
{
  if (a->rational && b->rational)
    {
      gint64 p = a->p * b->q + b->p * a->q, q = a->q * b->q, g;

      if (ABS (a->p) >= RATIONAL_LIMIT || ABS (b->p) >= RATIONAL_LIMIT
          || a->q >= RATIONAL_LIMIT || b->q >= RATIONAL_LIMIT)
        return FALSE;
      g = gcd64 (p, q);
      if (g == 0)
        g = 1;
      sum->rational = TRUE;
      sum->p = p / g;
      sum->q = q / g;
      if (ABS (sum->p) >= RATIONAL_LIMIT || sum->q >= RATIONAL_LIMIT)
        return FALSE;
      sum->value = (double) sum->p / (double) sum->q;
      return TRUE;
    }
  else if ((a->rational && a->q != 1) || (b->rational && b->q != 1))
    return FALSE;
  else
    {
      double s;

      if (!exact_add (a->rational ? (double) a->p : a->value,
                      b->rational ? (double) b->p : b->value, &s))
        return FALSE;
      exponent_from_double (sum, s);
      return TRUE;
    }
}

/* Splits a factor into base and numeric exponent: x³ is (x, 3), the odd
 * root x^(2/3) is (x, 2/3), anything else is (f, 1). Numbers as bases
 * stay whole, so that 2^0.5 is not mistaken for a coefficient. */
static TangentNode *
factor_split (TangentNode *node,
              Exponent    *e)
{
  if (node->kind == TANGENT_NODE_POW && node->pow.base->kind != TANGENT_NODE_NUMBER)
    {
      TangentNode *base;

      if (node->pow.is_odd_root)
        {
          e->rational = TRUE;
          e->p = node->pow.p;
          e->q = node->pow.q;
          e->value = (double) e->p / (double) e->q;
        }
      else if (node->pow.exponent->kind == TANGENT_NODE_NUMBER
               && isfinite (node->pow.exponent->number))
        exponent_from_double (e, node->pow.exponent->number);
      else
        goto whole;

      base = g_steal_pointer (&node->pow.base);
      tangent_node_free (node);
      return base;
    }

whole:
  e->rational = TRUE;
  e->p = 1;
  e->q = 1;
  e->value = 1;
  return node;
}

/* Where a factor goes in a product, as a student writes it: numbers, π
 * and e, parameters (a x² + b x), then x y z, exponentials such as e^x, parenthesised
 * sums, then function calls (last, so that nothing after "sin(x)" could be
 * read as part of its argument). */
static int
factor_category (const TangentNode *base)
{
  switch (base->kind)
    {
    case TANGENT_NODE_NUMBER:
      return 0;
    case TANGENT_NODE_CONSTANT:
      return 1;
    case TANGENT_NODE_PARAMETER:
      return 2;
    case TANGENT_NODE_VARIABLE:
      return 3;
    case TANGENT_NODE_POW:
      if (base->pow.exponent->kind == TANGENT_NODE_NUMBER || base->pow.is_odd_root)
        return factor_category (base->pow.base);
      return 4;
    case TANGENT_NODE_SUM:
    case TANGENT_NODE_PRODUCT:
    case TANGENT_NODE_NEG:
    case TANGENT_NODE_TUPLE:
      return 5;
    case TANGENT_NODE_CALL:
    case TANGENT_NODE_USER_CALL:
    default:
      return 6;
    }
}

static int
factor_compare (gconstpointer pa,
                gconstpointer pb)
{
  const Factor *a = pa, *b = pb;
  int ca = factor_category (a->base), cb = factor_category (b->base);
  int c;

  if (ca != cb)
    return ca - cb;
  if ((c = _tangent_node_compare (a->base, b->base)) != 0)
    return c;
  if (a->exp.value != b->exp.value)
    return a->exp.value > b->exp.value ? -1 : 1;
  return a->order < b->order ? -1 : a->order > b->order;
}

typedef struct
{
  GArray     *factors;     /* Factor */
  GHashTable *index;       /* base -> GArray of indices into factors */
  GArray     *numbers;     /* Item: numeric factors in order */
  gboolean    negative;
} ProductBuilder;

static guint
node_ghash (gconstpointer p)
{
  return _tangent_node_hash (p);
}

static gboolean
node_gequal (gconstpointer a,
             gconstpointer b)
{
  return tangent_node_equal (a, b);
}

/* Merges base^e into an earlier power of the same base when the merged
 * power is defined exactly where both were (class_meet), else adds it. */
static void
product_add (ProductBuilder *pb,
             TangentNode    *node,
             gboolean        divide)
{
  Exponent e;
  Factor f;
  GArray *same;
  double value;

  if (node->kind == TANGENT_NODE_PRODUCT)
    {
      for (guint i = 0; i < node->product.n; i++)
        {
          product_add (pb, node->product.factors[i], divide != node->product.divide[i]);
          node->product.factors[i] = NULL;
        }
      tangent_node_free (node);
      return;
    }

  if (node->kind == TANGENT_NODE_NEG)
    {
      TangentNode *arg = g_steal_pointer (&node->arg);

      tangent_node_free (node);
      pb->negative = !pb->negative;
      product_add (pb, arg, divide);
      return;
    }

  if (numeric_value (node, &value))
    {
      Item item = { node, divide };

      g_array_append_val (pb->numbers, item);
      return;
    }

  f.base = factor_split (node, &e);
  if (divide)
    exponent_negate (&e);
  f.exp = e;
  f.free_base = _tangent_node_is_positive (f.base) && tangent_node_is_total (f.base);
  f.klass = f.free_base ? CLASS_TOTAL : exponent_class (&e);
  f.order = pb->factors->len;

  same = g_hash_table_lookup (pb->index, f.base);
  if (same != NULL)
    {
      for (guint i = 0; i < same->len; i++)
        {
          Factor *prev = &g_array_index (pb->factors, Factor, g_array_index (same, guint, i));
          Exponent sum;

          if (exponent_add (&prev->exp, &f.exp, &sum)
              && (prev->free_base
                  || exponent_class (&sum) == class_meet (exponent_class (&prev->exp),
                                                          exponent_class (&f.exp))))
            {
              prev->exp = sum;
              tangent_node_free (f.base);
              return;
            }
        }
    }
  else
    {
      same = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (pb->index, f.base, same);
    }

  g_array_append_val (pb->factors, f);
  {
    guint index = pb->factors->len - 1;

    g_array_append_val (same, index);
  }
}

/* Whether the factor, as it will be written, is defined everywhere. */
static gboolean
factor_is_total (const Factor *f)
{
  if (!tangent_node_is_total (f->base))
    return FALSE;
  if (f->free_base)
    return TRUE;
  switch (exponent_class (&f->exp))
    {
    case CLASS_TOTAL:
      return TRUE;
    case CLASS_NONZERO:
      return _tangent_node_is_nonzero (f->base);
    case CLASS_NONNEG:
    case CLASS_POSITIVE:
    default:
      return FALSE;
    }
}

static TangentNode *
factor_emit (Factor *f)
{
  TangentNode *base = g_steal_pointer (&f->base);
  Exponent e = f->exp;

  if (e.rational ? e.p < 0 : e.value < 0)
    exponent_negate (&e);

  if (e.rational && e.q == 1)
    {
      if (e.p == 1)
        return base;
      return tangent_node_new_pow (base, tangent_node_new_number ((double) e.p));
    }
  if (e.rational)
    return tangent_node_new_odd_root_pow (base,
                                          tangent_node_new_binary_product (
                                            tangent_node_new_number ((double) e.p), TRUE,
                                            tangent_node_new_number ((double) e.q)),
                                          e.p, e.q);
  return tangent_node_new_pow (base, tangent_node_new_number (e.value));
}

static TangentNode *
fold_product (guint               n,
              TangentNode *const *factors,
              const gboolean     *divide)
{
  g_autofree double *values = g_new (double, n);
  double acc;

  if (!all_numeric (n, factors, values))
    return NULL;

  acc = values[0];
  for (guint i = 1; i < n; i++)
    {
      if (divide[i])
        {
          if (values[i] == 0)
            return NULL;
          acc /= values[i];
        }
      else
        acc *= values[i];
    }

  if (!foldable_result (acc))
    return NULL;

  if (n == 2 && divide[1] && factors[0]->kind == TANGENT_NODE_NUMBER
      && factors[1]->kind == TANGENT_NODE_NUMBER)
    {
      TangentNode *frac = make_fraction (values[0], values[1]);

      if (frac != NULL)
        return frac;
    }

  return tangent_node_new_number (acc);
}

/* The numeric coefficient: numerators times numerators, denominators
 * times denominators, then one quotient when it is exact or when the
 * operands are not both integers; 6x/4 is 3x/2, x/0.5 is 2x. Returns
 * FALSE when the numbers must stay as written (a zero divisor, NaN,
 * infinities, overflow). */
static gboolean
product_coefficient (GArray *numbers,
                     double *num_out,
                     double *den_out,
                     gboolean *negative)
{
  double num = 1, den = 1;

  for (guint i = 0; i < numbers->len; i++)
    {
      Item *item = &g_array_index (numbers, Item, i);
      double v;

      numeric_value (item->node, &v);
      if (!isfinite (v) || (item->flag && v == 0))
        return FALSE;
      if (item->flag)
        den *= v;
      else
        num *= v;
    }

  if (!isfinite (num) || !isfinite (den) || den == 0)
    return FALSE;

  if (signbit (num) != signbit (den))
    *negative = !*negative;
  num = fabs (num);
  den = fabs (den);

  if (num == 0)
    {
      /* The sign of a zero coefficient only decides the sign of a zero. */
      den = 1;
      *negative = FALSE;
    }
  else if (den != 1)
    {
      if (is_integer (num) && is_integer (den))
        {
          gint64 g = gcd64 ((gint64) num, (gint64) den);

          num /= (double) g;
          den /= (double) g;
        }
      else
        {
          double q = num / den;

          if (isfinite (q) && q != 0)
            {
              num = q;
              den = 1;
            }
        }
    }

  *num_out = num;
  *den_out = den;
  return TRUE;
}

/**
 * _tangent_simplify_product:
 * @n: number of factors, at least 1
 * @factors: (transfer full): simplified factors; the array stays the
 *   caller's
 * @divide: (nullable): which factors divide, the first one included
 *
 * Flattens nested products and signs, multiplies the numbers into one
 * coefficient, merges powers of one base where that keeps the domain, and
 * sorts the factors (numerators, then denominators). Powers merge only
 * when both exponents and their sum are in the same class (see ExpClass):
 * x·x² is x³ and x^(1/3)·x^(2/3) is x, but x/x, x²/x and sqrt-like
 * x^0.5·x^0.5 stay, since merging them would define the result at points
 * where the product is not. A positive base (π, e, exp(u)) merges freely.
 * A zero coefficient gives 0 only when every other factor is total.
 *
 * Returns: (transfer full): the simplified product
 */
TangentNode *
_tangent_simplify_product (guint           n,
                           TangentNode   **factors,
                           const gboolean *divide)
{
  ProductBuilder pb;
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GArray) flags = NULL;
  TangentNode *result;
  double num = 1, den = 1;
  gboolean keep_numbers, all_total = TRUE;
  g_autofree gboolean *flags_in = NULL;

  g_return_val_if_fail (n >= 1, NULL);

  flags_in = g_new0 (gboolean, n);
  if (divide != NULL)
    memcpy (flags_in, divide, n * sizeof (gboolean));

  if (n >= 2 && !flags_in[0])
    {
      g_autofree double *values = g_new (double, n);

      if ((result = fold_product (n, factors, flags_in)) != NULL)
        {
          free_nodes (n, factors);
          return result;
        }
      if (all_numeric (n, factors, values))
        return tangent_node_new_product (n, factors, flags_in);
    }

  pb.factors = g_array_new (FALSE, FALSE, sizeof (Factor));
  pb.numbers = g_array_new (FALSE, FALSE, sizeof (Item));
  pb.index = g_hash_table_new_full (node_ghash, node_gequal, NULL,
                                    (GDestroyNotify) g_array_unref);
  pb.negative = FALSE;

  for (guint i = 0; i < n; i++)
    product_add (&pb, factors[i], flags_in[i]);

  keep_numbers = !product_coefficient (pb.numbers, &num, &den, &pb.negative);

  g_array_sort (pb.factors, factor_compare);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) tangent_node_free);
  flags = g_array_new (FALSE, TRUE, sizeof (gboolean));

  for (guint i = 0; i < pb.factors->len; i++)
    {
      Factor *f = &g_array_index (pb.factors, Factor, i);

      if (!factor_is_total (f))
        all_total = FALSE;
    }

  if (!keep_numbers && num == 0 && all_total)
    {
      for (guint i = 0; i < pb.factors->len; i++)
        tangent_node_free (g_array_index (pb.factors, Factor, i).base);
      for (guint i = 0; i < pb.numbers->len; i++)
        tangent_node_free (g_array_index (pb.numbers, Item, i).node);
      g_array_unref (pb.factors);
      g_array_unref (pb.numbers);
      g_hash_table_unref (pb.index);
      return tangent_node_new_number (0);
    }

  /* Numerators: the coefficient, then the factors with exponents > 0. */
  if (keep_numbers)
    {
      for (guint i = 0; i < pb.numbers->len; i++)
        {
          Item *item = &g_array_index (pb.numbers, Item, i);

          g_ptr_array_add (out, item->node);
          g_array_append_val (flags, item->flag);
          item->node = NULL;
        }
    }
  else
    {
      for (guint i = 0; i < pb.numbers->len; i++)
        tangent_node_free (g_array_index (pb.numbers, Item, i).node);
      if (num != 1)
        {
          gboolean f = FALSE;

          g_ptr_array_add (out, tangent_node_new_number (num));
          g_array_append_val (flags, f);
        }
    }

  for (int pass = 0; pass < 2; pass++)
    {
      if (pass == 1 && !keep_numbers && den != 1)
        {
          gboolean t = TRUE;

          g_ptr_array_add (out, tangent_node_new_number (den));
          g_array_append_val (flags, t);
        }
      for (guint i = 0; i < pb.factors->len; i++)
        {
          Factor *f = &g_array_index (pb.factors, Factor, i);
          gboolean below = f->exp.rational ? f->exp.p < 0 : f->exp.value < 0;

          if (below != (pass == 1))
            continue;
          if (exponent_is_zero (&f->exp))
            {
              /* pow (b, 0) is 1 for every b, NaN included. */
              g_clear_pointer (&f->base, tangent_node_free);
              continue;
            }
          g_ptr_array_add (out, factor_emit (f));
          g_array_append_val (flags, below);
        }
    }

  g_array_unref (pb.factors);
  g_array_unref (pb.numbers);
  g_hash_table_unref (pb.index);

  /* A product starts with a multiplied factor: 1/x, 1/0·x. */
  if (out->len == 0 || g_array_index (flags, gboolean, 0))
    {
      gboolean f = FALSE;

      g_ptr_array_insert (out, 0, tangent_node_new_number (1));
      g_array_prepend_val (flags, f);
    }

  if (out->len == 1)
    result = g_ptr_array_steal_index (out, 0);
  else
    {
      guint len = out->len;
      TangentNode **array = (TangentNode **) g_ptr_array_steal (out, NULL);

      result = tangent_node_new_product (len, array, (gboolean *) (void *) flags->data);
      g_free (array);
    }

  return pb.negative ? tangent_node_new_neg (result) : result;
}

/**
 * _tangent_simplify_neg:
 * @arg: (transfer full): a simplified operand
 *
 * Returns: (transfer full): −@arg, folded, or with the sign moved into a
 *   sum's terms or a product's coefficient
 */
TangentNode *
_tangent_simplify_neg (TangentNode *arg)
{
  double v;

  if (numeric_value (arg, &v))
    {
      if (arg->kind == TANGENT_NODE_NUMBER && foldable_result (-v))
        {
          tangent_node_free (arg);
          return tangent_node_new_number (-v);
        }
      if (arg->kind == TANGENT_NODE_NEG)
        {
          TangentNode *inner = g_steal_pointer (&arg->arg);

          tangent_node_free (arg);
          return inner;
        }
      return tangent_node_new_neg (arg);
    }

  if (arg->kind == TANGENT_NODE_SUM)
    {
      gboolean t = TRUE;

      return _tangent_simplify_sum (1, &arg, &t);
    }
  else
    {
      TangentNode *factors[2] = { tangent_node_new_number (-1), arg };

      return _tangent_simplify_product (2, factors, NULL);
    }
}

/* ------------------------------------------------------------------ */
/* Powers and calls                                                    */

static gboolean
pow_result_foldable (double exponent,
                     double result)
{
  return foldable_result (result) && (is_integer (exponent) || is_integer (result));
}

/* (u^a)^b = u^(ab) when a, b are integers or odd-root rationals and the
 * product keeps the domain: (x²)³ = x⁶, (x²)^(-1) = x⁻², but (x⁻¹)⁻¹
 * stays (it is undefined at 0, x is not). */
static TangentNode *
pow_of_pow (TangentNode *inner,
            gint64       p,
            gint64       q)
{
  Exponent a, r;
  gint64 np, nq, g;
  gboolean need_nonzero;

  if (inner->pow.is_odd_root)
    {
      a.rational = TRUE;
      a.p = inner->pow.p;
      a.q = inner->pow.q;
    }
  else if (inner->pow.exponent->kind == TANGENT_NODE_NUMBER
           && is_integer (inner->pow.exponent->number)
           && fabs (inner->pow.exponent->number) < (double) RATIONAL_LIMIT)
    {
      a.rational = TRUE;
      a.p = (gint64) inner->pow.exponent->number;
      a.q = 1;
    }
  else
    return NULL;

  if (ABS (p) >= RATIONAL_LIMIT || q >= RATIONAL_LIMIT)
    return NULL;

  np = a.p * p;
  nq = a.q * q;
  g = gcd64 (np, nq);
  if (g == 0)
    g = 1;
  r.rational = TRUE;
  r.p = np / g;
  r.q = nq / g;
  need_nonzero = a.p < 0 || p < 0;
  if ((exponent_class (&r) == CLASS_NONZERO) != need_nonzero
      && !_tangent_node_is_nonzero (inner->pow.base))
    return NULL;

  {
    TangentNode *base = g_steal_pointer (&inner->pow.base);

    tangent_node_free (inner);
    return _tangent_simplify_odd_root_pow (base, r.p, r.q);
  }
}

/**
 * _tangent_simplify_pow:
 * @base: (transfer full): a simplified base
 * @exponent: (transfer full): a simplified exponent
 *
 * u¹ = u, u⁰ = 1 and 1^u = 1 (pow gives 1 there for every u, NaN
 * included, so no domain is lost); an integer power distributes over a
 * sign and, when positive, over a product: (2x)³ = 8x³.
 *
 * Returns: (transfer full): the simplified power
 */
TangentNode *
_tangent_simplify_pow (TangentNode *base,
                       TangentNode *exponent)
{
  double b, e;
  gboolean base_num = numeric_value (base, &b);
  gboolean exp_num = numeric_value (exponent, &e);

  if (base_num && exp_num)
    {
      double r = tangent_math_pow (b, e);

      if (pow_result_foldable (e, r))
        {
          tangent_node_free (base);
          tangent_node_free (exponent);
          return tangent_node_new_number (r);
        }
      return tangent_node_new_pow (base, exponent);
    }

  if (base_num && b == 1)
    {
      tangent_node_free (base);
      tangent_node_free (exponent);
      return tangent_node_new_number (1);
    }

  if (!exp_num || exponent->kind != TANGENT_NODE_NUMBER)
    return tangent_node_new_pow (base, exponent);

  if (e == 1)
    {
      tangent_node_free (exponent);
      return base;
    }
  if (e == 0)
    {
      tangent_node_free (base);
      tangent_node_free (exponent);
      return tangent_node_new_number (1);
    }

  if (is_integer (e) && fabs (e) < (double) RATIONAL_LIMIT)
    {
      gint64 k = (gint64) e;

      if (base->kind == TANGENT_NODE_NEG)
        {
          TangentNode *inner = g_steal_pointer (&base->arg);
          TangentNode *r;

          tangent_node_free (base);
          r = _tangent_simplify_pow (inner, exponent);
          return k % 2 != 0 ? _tangent_simplify_neg (r) : r;
        }
      if (base->kind == TANGENT_NODE_PRODUCT && k > 0)
        {
          guint n = base->product.n;
          g_autofree TangentNode **factors = g_new (TangentNode *, n);

          for (guint i = 0; i < n; i++)
            {
              factors[i] = _tangent_simplify_pow (g_steal_pointer (&base->product.factors[i]),
                                                  tangent_node_new_number (e));
            }
          {
            TangentNode *r = _tangent_simplify_product (n, factors, base->product.divide);

            tangent_node_free (base);
            tangent_node_free (exponent);
            return r;
          }
        }
      if (base->kind == TANGENT_NODE_POW)
        {
          TangentNode *r;

          if ((r = pow_of_pow (base, k, 1)) != NULL)
            {
              tangent_node_free (exponent);
              return r;
            }
        }
    }

  return tangent_node_new_pow (base, exponent);
}

/**
 * _tangent_simplify_odd_root_pow:
 * @base: (transfer full): a simplified base
 * @p: numerator
 * @q: denominator, positive and odd
 *
 * The real power base^(p/q) (LANGUAGE.md, Values). The exponent node is
 * rebuilt as the reduced fraction p/q, which is how it prints and
 * re-parses.
 *
 * Returns: (transfer full): the simplified power
 */
TangentNode *
_tangent_simplify_odd_root_pow (TangentNode *base,
                                gint64       p,
                                gint64       q)
{
  gint64 g;
  double b;
  TangentNode *exponent;

  g_return_val_if_fail (q > 0 && q % 2 == 1, base);

  g = gcd64 (p, q);
  if (g > 1)
    {
      p /= g;
      q /= g;
    }

  if (q == 1)
    return _tangent_simplify_pow (base, tangent_node_new_number ((double) p));

  if (numeric_value (base, &b))
    {
      double r = tangent_math_odd_root_pow (b, p, q);

      if (foldable_result (r) && is_integer (r))
        {
          tangent_node_free (base);
          return tangent_node_new_number (r);
        }
    }
  else if (base->kind == TANGENT_NODE_NEG)
    {
      TangentNode *inner = g_steal_pointer (&base->arg);
      TangentNode *r;

      tangent_node_free (base);
      r = _tangent_simplify_odd_root_pow (inner, p, q);
      return p % 2 != 0 ? _tangent_simplify_neg (r) : r;
    }
  else if (base->kind == TANGENT_NODE_POW)
    {
      TangentNode *r;

      if ((r = pow_of_pow (base, p, q)) != NULL)
        return r;
    }

  exponent = tangent_node_new_binary_product (tangent_node_new_number ((double) ABS (p)), TRUE,
                                              tangent_node_new_number ((double) q));
  if (p < 0)
    exponent = tangent_node_new_neg (exponent);
  return tangent_node_new_odd_root_pow (base, exponent, p, q);
}

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

  if (all_numeric (n, args, v) && !isnan (v[0]) && !isnan (v[1]))
    {
      double r = tangent_math_call (fn, v[0], v[1]);

      if (foldable_result (r) && (call_folds_exactly (fn) || is_integer (r)))
        {
          free_nodes (n, args);
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
