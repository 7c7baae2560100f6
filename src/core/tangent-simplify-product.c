/* tangent-simplify-product.c: products, negation, powers and the
 * exponent classes that keep the domain (a part of tangent-simplify.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-simplify"

#include <math.h>
#include <string.h>

#include "tangent-math.h"
#include "tangent-simplify-private.h"

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
  if (_tangent_simplify_is_integer (v) && fabs (v) < (double) TANGENT_RATIONAL_LIMIT)
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

      if (ABS (a->p) >= TANGENT_RATIONAL_LIMIT || ABS (b->p) >= TANGENT_RATIONAL_LIMIT
          || a->q >= TANGENT_RATIONAL_LIMIT || b->q >= TANGENT_RATIONAL_LIMIT)
        return FALSE;
      g = tangent_gcd64 (p, q);
      if (g == 0)
        g = 1;
      sum->rational = TRUE;
      sum->p = p / g;
      sum->q = q / g;
      if (ABS (sum->p) >= TANGENT_RATIONAL_LIMIT || sum->q >= TANGENT_RATIONAL_LIMIT)
        return FALSE;
      sum->value = (double) sum->p / (double) sum->q;
      return TRUE;
    }
  else if ((a->rational && a->q != 1) || (b->rational && b->q != 1))
    return FALSE;
  else
    {
      double s;

      if (!_tangent_simplify_exact_add (a->rational ? (double) a->p : a->value,
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
  GArray     *numbers;     /* TangentSimplifyItem: numeric factors in order */
  gboolean    negative;
} ProductBuilder;

static guint
node_ghash (gconstpointer p)
{
  return tangent_node_hash (p);
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

  if (_tangent_simplify_numeric_value (node, &value))
    {
      TangentSimplifyItem item = { node, divide };

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

  if (!_tangent_simplify_all_numeric (n, factors, values))
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

  if (!_tangent_simplify_foldable_result (acc))
    return NULL;

  if (n == 2 && divide[1] && factors[0]->kind == TANGENT_NODE_NUMBER
      && factors[1]->kind == TANGENT_NODE_NUMBER)
    {
      TangentNode *frac = _tangent_simplify_make_fraction (values[0], values[1]);

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
      TangentSimplifyItem *item = &g_array_index (numbers, TangentSimplifyItem, i);
      double v;

      _tangent_simplify_numeric_value (item->node, &v);
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
      if (_tangent_simplify_is_integer (num) && _tangent_simplify_is_integer (den))
        {
          gint64 g = tangent_gcd64 ((gint64) num, (gint64) den);

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
          _tangent_simplify_free_nodes (n, factors);
          return result;
        }
      if (_tangent_simplify_all_numeric (n, factors, values))
        return tangent_node_new_product (n, factors, flags_in);
    }

  pb.factors = g_array_new (FALSE, FALSE, sizeof (Factor));
  pb.numbers = g_array_new (FALSE, FALSE, sizeof (TangentSimplifyItem));
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
        tangent_node_free (g_array_index (pb.numbers, TangentSimplifyItem, i).node);
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
          TangentSimplifyItem *item = &g_array_index (pb.numbers, TangentSimplifyItem, i);

          g_ptr_array_add (out, item->node);
          g_array_append_val (flags, item->flag);
          item->node = NULL;
        }
    }
  else
    {
      for (guint i = 0; i < pb.numbers->len; i++)
        tangent_node_free (g_array_index (pb.numbers, TangentSimplifyItem, i).node);
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

  if (_tangent_simplify_numeric_value (arg, &v))
    {
      if (arg->kind == TANGENT_NODE_NUMBER && _tangent_simplify_foldable_result (-v))
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
/* Powers                                                              */

static gboolean
pow_result_foldable (double exponent,
                     double result)
{
  return _tangent_simplify_foldable_result (result)
         && (_tangent_simplify_is_integer (exponent) || _tangent_simplify_is_integer (result));
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
           && _tangent_simplify_is_integer (inner->pow.exponent->number)
           && fabs (inner->pow.exponent->number) < (double) TANGENT_RATIONAL_LIMIT)
    {
      a.rational = TRUE;
      a.p = (gint64) inner->pow.exponent->number;
      a.q = 1;
    }
  else
    return NULL;

  if (ABS (p) >= TANGENT_RATIONAL_LIMIT || q >= TANGENT_RATIONAL_LIMIT)
    return NULL;

  np = a.p * p;
  nq = a.q * q;
  g = tangent_gcd64 (np, nq);
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
  gboolean base_num = _tangent_simplify_numeric_value (base, &b);
  gboolean exp_num = _tangent_simplify_numeric_value (exponent, &e);

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

  if (_tangent_simplify_is_integer (e) && fabs (e) < (double) TANGENT_RATIONAL_LIMIT)
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

  g = tangent_gcd64 (p, q);
  if (g > 1)
    {
      p /= g;
      q /= g;
    }

  if (q == 1)
    return _tangent_simplify_pow (base, tangent_node_new_number ((double) p));

  if (_tangent_simplify_numeric_value (base, &b))
    {
      double r = tangent_math_odd_root_pow (b, p, q);

      if (_tangent_simplify_foldable_result (r) && _tangent_simplify_is_integer (r))
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
