/* tangent-simplify-sum.c: sums: flattening, like terms, ordering
 * (a part of tangent-simplify.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-simplify"

#include <math.h>
#include <string.h>

#include "tangent-format.h"
#include "tangent-simplify-private.h"

/* ------------------------------------------------------------------ */
/* Sums                                                                */

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
    h = (h ^ (tangent_node_hash (t->factors[i]) + (guint) t->divide[i])) * 0x01000193u;
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

  while (core->kind == TANGENT_NODE_NEG && !_tangent_simplify_numeric_value (core, &value))
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
      if (_tangent_simplify_exact_add (n1, n2, n))
        return TRUE;
      /* A rounded sum is taken when it reads no longer than its
       * operands: 3.1e21 + 4.2e21 after many derivative steps, but not
       * 0.1 + 0.2, which would show as 0.30000000000000004. */
      return isfinite (*n)
             && significant_digits (*n) <= MAX (significant_digits (n1),
                                                significant_digits (n2)) + 1;
    }

  if (!_tangent_simplify_is_integer (n1) || !_tangent_simplify_is_integer (d1)
      || !_tangent_simplify_is_integer (n2) || !_tangent_simplify_is_integer (d2))
    return FALSE;

  a = (gint64) n1;
  b = (gint64) d1;
  c = (gint64) n2;
  e = (gint64) d2;
  if (ABS (a) >= TANGENT_RATIONAL_LIMIT || ABS (b) >= TANGENT_RATIONAL_LIMIT
      || ABS (c) >= TANGENT_RATIONAL_LIMIT || ABS (e) >= TANGENT_RATIONAL_LIMIT)
    return FALSE;

  num = a * e + c * b;
  den = b * e;
  g = tangent_gcd64 (num, den);
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
      TangentSimplifyItem item = { node, negate };

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
      if (_tangent_simplify_numeric_value (node, &value) && node->kind != TANGENT_NODE_PRODUCT)
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

  if (!_tangent_simplify_all_numeric (n, terms, values))
    return NULL;

  acc = negate[0] ? -values[0] : values[0];
  for (guint i = 1; i < n; i++)
    acc = negate[i] ? acc - values[i] : acc + values[i];

  return _tangent_simplify_foldable_result (acc) ? tangent_node_new_number (acc) : NULL;
}

/* Builds a SUM node from items, or the single term (negated) alone. */
static TangentNode *
sum_from_items (GArray *items)
{
  guint n = items->len;
  g_autofree TangentNode **terms = NULL;
  g_autofree gboolean *negate = NULL;
  TangentSimplifyItem *first;

  if (n == 0)
    return tangent_node_new_number (0);

  first = &g_array_index (items, TangentSimplifyItem, 0);
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
      terms[i] = g_array_index (items, TangentSimplifyItem, i).node;
      negate[i] = g_array_index (items, TangentSimplifyItem, i).flag;
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
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (TangentSimplifyItem));
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
      _tangent_simplify_free_nodes (n, terms);
      return folded;
    }

  for (guint i = 0; i < n; i++)
    {
      double v;

      if (!_tangent_simplify_numeric_value (terms[i], &v))
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
      TangentSimplifyItem *item = &g_array_index (items, TangentSimplifyItem, i);
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

  out = g_array_new (FALSE, FALSE, sizeof (TangentSimplifyItem));
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n_terms; i++)
        {
          Term *t = &table[i];
          TangentSimplifyItem item;

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
  if (out->len >= 2 && g_array_index (out, TangentSimplifyItem, 0).flag)
    {
      TangentSimplifyItem last = g_array_index (out, TangentSimplifyItem, out->len - 1);
      double v;

      if (!last.flag && _tangent_simplify_numeric_value (last.node, &v)
          && !_tangent_simplify_numeric_value (g_array_index (out, TangentSimplifyItem,
                                                              out->len - 2).node,
                                               &v))
        {
          g_array_remove_index (out, out->len - 1);
          g_array_prepend_val (out, last);
        }
    }

  return sum_from_items (out);
}
