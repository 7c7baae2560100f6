/* tangent-derive.c: symbolic derivatives, gradients and Hessians
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every derivative is assembled with the simplifier's constructors, so it
 * is canonical as it is built and a step of a high-order derivative costs
 * one walk. Identical subtrees are differentiated once per step (a memo
 * keyed by structure), and a result past the size cap is refused with
 * TANGENT_DERIVE_ERROR_TOO_LARGE rather than built: the document then
 * evaluates the derivative by automatic differentiation.
 *
 * Domains (LANGUAGE.md, Values): where the function is not differentiable
 * the formula gives NaN, where the slope is infinite it gives ±inf:
 *   |u|'            = u/|u| · u'                 NaN at u = 0
 *   sign, floor, ceil, round
 *                   = 0/g(u) · u'                g(u) = 0 exactly at the jumps:
 *                     sign: u; floor: u − floor(u); ceil: ceil(u) − u;
 *                     round: u − floor(u) − 0.5; so 0 elsewhere, NaN there
 *   sqrt(u)'        = u'/(2 sqrt(u))             +inf at 0
 *   cbrt(u)'        = u'/(3 cbrt(u)²)            +inf at 0
 *   asin, acos      = ±u'/sqrt(1 − u²)           ±inf at ±1
 *   min(u, v)'      = (u' + v' ∓ sign(u − v)(u' − v'))/2 + 0/|u − v|
 *                     the selected slope; NaN where u = v, as the AD
 *                     gives (even where the slopes agree there)
 * A derivative is meant where the function itself is defined: (ln x)' =
 * 1/x also gives a number at x < 0, so callers evaluate f as well and
 * show f' as undefined wherever f is.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-derive"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "tangent-derive.h"
#include "tangent-simplify-private.h"

G_DEFINE_QUARK (tangent-derive-error-quark, tangent_derive_error)

typedef struct
{
  TangentVariable  wrt;
  GHashTable      *memo;       /* borrowed input node (by structure) -> derivative */
  gsize            max_nodes;
  GError          *error;
} Derive;

static TangentNode *derive_rec (Derive            *d,
                                const TangentNode *node);

/* Small owned-operand constructors; all go through the simplifier. */

static TangentNode *
num (double v)
{
  return tangent_node_new_number (v);
}

/* Nodes copied by the current derivation step. The chain rule copies
 * inner functions into every term, so a hostile formula can grow the
 * work far beyond the size of any single result: derive_rec stops once
 * the copies pass a multiple of the size cap. */
static _Thread_local gsize copied_nodes;

static TangentNode *
cp (const TangentNode *node)
{
  copied_nodes += tangent_node_count (node);
  return tangent_node_copy (node);
}

static TangentNode *
mul (TangentNode *a,
     TangentNode *b)
{
  TangentNode *f[2] = { a, b };

  return _tangent_simplify_product (2, f, NULL);
}

static TangentNode *
mul3 (TangentNode *a,
      TangentNode *b,
      TangentNode *c)
{
  TangentNode *f[3] = { a, b, c };

  return _tangent_simplify_product (3, f, NULL);
}

static TangentNode *
quot (TangentNode *a,
      TangentNode *b)
{
  TangentNode *f[2] = { a, b };
  gboolean divide[2] = { FALSE, TRUE };

  return _tangent_simplify_product (2, f, divide);
}

static TangentNode *
add (TangentNode *a,
     TangentNode *b)
{
  TangentNode *t[2] = { a, b };

  return _tangent_simplify_sum (2, t, NULL);
}

static TangentNode *
sub (TangentNode *a,
     TangentNode *b)
{
  TangentNode *t[2] = { a, b };
  gboolean negate[2] = { FALSE, TRUE };

  return _tangent_simplify_sum (2, t, negate);
}

static TangentNode *
neg (TangentNode *a)
{
  return _tangent_simplify_neg (a);
}

static TangentNode *
powk (TangentNode *base,
      double       k)
{
  return _tangent_simplify_pow (base, num (k));
}

static TangentNode *
call1 (TangentBuiltin  fn,
       TangentNode    *arg)
{
  return _tangent_simplify_call (fn, 1, &arg);
}

static gboolean
is_zero (const TangentNode *node)
{
  return node->kind == TANGENT_NODE_NUMBER && node->number == 0;
}

static void
set_too_large (Derive *d)
{
  if (d->error == NULL)
    g_set_error (&d->error, TANGENT_DERIVE_ERROR, TANGENT_DERIVE_ERROR_TOO_LARGE,
                 _("The derivative is too large to print; its values are computed numerically"));
}

/* 0/g(u): zero where g(u) != 0, NaN where g(u) = 0. g(u) is built so that
 * it is exactly zero at the jumps of a step function. */
static TangentNode *
zero_except (TangentNode *g)
{
  return quot (num (0), g);
}

/* The derivative of min (sign = -1) or max (sign = +1):
 *   (u' + v')/2 + sign · sign(u − v) (u' − v')/2 + 0/|u − v|,
 * the slope of the selected argument, NaN where they tie (as the AD in the
 * VM gives). Each of u' and v' appears once, so nested min and max grow
 * linearly with the nesting, not fourfold per level. */
static TangentNode *
derive_min_max (const TangentNode *u,
                const TangentNode *v,
                TangentNode       *du,
                TangentNode       *dv,
                double             sign)
{
  TangentNode *s, *weight_u, *weight_v, *guard;

  s = call1 (TANGENT_BUILTIN_SIGN, sub (cp (u), cp (v)));
  weight_u = quot (add (num (1), mul (num (sign), cp (s))), num (2));
  weight_v = quot (sub (num (1), mul (num (sign), s)), num (2));
  guard = zero_except (call1 (TANGENT_BUILTIN_ABS, sub (cp (u), cp (v))));
  {
    TangentNode *t[3] = { mul (weight_u, du), mul (weight_v, dv), guard };

    return _tangent_simplify_sum (3, t, NULL);
  }
}

/* f'(u) for a builtin of one argument, without the chain factor u'. */
static TangentNode *
derive_call1 (TangentBuiltin     fn,
              const TangentNode *u)
{
  switch (fn)
    {
    case TANGENT_BUILTIN_ABS:
      return quot (cp (u), call1 (TANGENT_BUILTIN_ABS, cp (u)));
    case TANGENT_BUILTIN_SIGN:
      return zero_except (cp (u));
    case TANGENT_BUILTIN_FLOOR:
      return zero_except (sub (cp (u), call1 (TANGENT_BUILTIN_FLOOR, cp (u))));
    case TANGENT_BUILTIN_CEIL:
      return zero_except (sub (call1 (TANGENT_BUILTIN_CEIL, cp (u)), cp (u)));
    case TANGENT_BUILTIN_ROUND:
      {
        TangentNode *t[3] = { cp (u), call1 (TANGENT_BUILTIN_FLOOR, cp (u)), num (0.5) };
        gboolean negate[3] = { FALSE, TRUE, TRUE };

        return zero_except (_tangent_simplify_sum (3, t, negate));
      }
    case TANGENT_BUILTIN_SQRT:
      return quot (num (1), mul (num (2), call1 (TANGENT_BUILTIN_SQRT, cp (u))));
    case TANGENT_BUILTIN_CBRT:
      return quot (num (1), mul (num (3), powk (call1 (TANGENT_BUILTIN_CBRT, cp (u)), 2)));
    case TANGENT_BUILTIN_EXP:
      return call1 (TANGENT_BUILTIN_EXP, cp (u));
    case TANGENT_BUILTIN_LN:
      return quot (num (1), cp (u));
    case TANGENT_BUILTIN_LOG10:
      return quot (num (1), mul (cp (u), call1 (TANGENT_BUILTIN_LN, num (10))));
    case TANGENT_BUILTIN_LOG2:
      return quot (num (1), mul (cp (u), call1 (TANGENT_BUILTIN_LN, num (2))));
    case TANGENT_BUILTIN_SIN:
      return call1 (TANGENT_BUILTIN_COS, cp (u));
    case TANGENT_BUILTIN_COS:
      return neg (call1 (TANGENT_BUILTIN_SIN, cp (u)));
    case TANGENT_BUILTIN_TAN:
      return powk (call1 (TANGENT_BUILTIN_SEC, cp (u)), 2);
    case TANGENT_BUILTIN_SEC:
      return mul (call1 (TANGENT_BUILTIN_SEC, cp (u)), call1 (TANGENT_BUILTIN_TAN, cp (u)));
    case TANGENT_BUILTIN_CSC:
      return neg (mul (call1 (TANGENT_BUILTIN_CSC, cp (u)), call1 (TANGENT_BUILTIN_COT, cp (u))));
    case TANGENT_BUILTIN_COT:
      return neg (powk (call1 (TANGENT_BUILTIN_CSC, cp (u)), 2));
    case TANGENT_BUILTIN_ASIN:
      return quot (num (1), call1 (TANGENT_BUILTIN_SQRT, sub (num (1), powk (cp (u), 2))));
    case TANGENT_BUILTIN_ACOS:
      return neg (quot (num (1), call1 (TANGENT_BUILTIN_SQRT, sub (num (1), powk (cp (u), 2)))));
    case TANGENT_BUILTIN_ATAN:
      return quot (num (1), add (num (1), powk (cp (u), 2)));
    case TANGENT_BUILTIN_SINH:
      return call1 (TANGENT_BUILTIN_COSH, cp (u));
    case TANGENT_BUILTIN_COSH:
      return call1 (TANGENT_BUILTIN_SINH, cp (u));
    case TANGENT_BUILTIN_TANH:
      return quot (num (1), powk (call1 (TANGENT_BUILTIN_COSH, cp (u)), 2));
    case TANGENT_BUILTIN_ATAN2:
    case TANGENT_BUILTIN_MIN:
    case TANGENT_BUILTIN_MAX:
    case TANGENT_N_BUILTINS:
    default:
      g_assert_not_reached ();
      return num (NAN);
    }
}

static TangentNode *
derive_call (Derive            *d,
             const TangentNode *node)
{
  const TangentNode *u = node->call.args[0];
  TangentNode *du, *dv;

  if (node->call.n == 2)
    {
      const TangentNode *v = node->call.args[1];

      if ((du = derive_rec (d, u)) == NULL)
        return NULL;
      if ((dv = derive_rec (d, v)) == NULL)
        {
          tangent_node_free (du);
          return NULL;
        }

      switch (node->call.fn)
        {
        case TANGENT_BUILTIN_ATAN2:
          /* atan2(u, v)' = (v u' − u v')/(u² + v²) */
          return quot (sub (mul (cp (v), du), mul (cp (u), dv)),
                       add (powk (cp (v), 2), powk (cp (u), 2)));
        case TANGENT_BUILTIN_MIN:
          return derive_min_max (u, v, du, dv, -1);
        case TANGENT_BUILTIN_MAX:
          return derive_min_max (u, v, du, dv, 1);
        default:
          tangent_node_free (du);
          tangent_node_free (dv);
          g_return_val_if_reached (NULL);
        }
    }

  if ((du = derive_rec (d, u)) == NULL)
    return NULL;
  return mul (derive_call1 (node->call.fn, u), du);
}

/* The product rule over an n-ary product with divisions: the i-th term
 * replaces f_i by f_i' (or /f_i by −f_i'/f_i²), so no factor is divided
 * out and no domain is gained. */
static TangentNode *
derive_product (Derive            *d,
                const TangentNode *node)
{
  guint n = node->product.n;
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func ((GDestroyNotify) tangent_node_free);
  g_autoptr(GArray) signs = g_array_new (FALSE, FALSE, sizeof (gboolean));
  gsize size;

  /* 0·g is kept only where g may be undefined (0/(x − floor(x))): it is
   * 0 wherever it is defined, and so is its derivative, with the same
   * guard. */
  if (is_zero (node->product.factors[0]))
    return cp (node);

  size = tangent_node_count (node);
  for (guint i = 0; i < n; i++)
    {
      const TangentNode *fi = node->product.factors[i];
      g_autofree TangentNode **factors = NULL;
      g_autofree gboolean *divide = NULL;
      TangentNode *dfi;
      gboolean minus = FALSE;
      guint k = 0;

      if (!tangent_node_depends_on (fi, d->wrt))
        continue;
      if ((dfi = derive_rec (d, fi)) == NULL)
        return NULL;
      if (is_zero (dfi))
        {
          tangent_node_free (dfi);
          continue;
        }

      if ((gsize) (terms->len + 1) * size > d->max_nodes)
        {
          tangent_node_free (dfi);
          set_too_large (d);
          return NULL;
        }

      factors = g_new (TangentNode *, n + 3);
      divide = g_new0 (gboolean, n + 3);
      for (guint j = 0; j < n; j++)
        {
          if (j != i)
            {
              divide[k] = node->product.divide[j];
              factors[k++] = cp (node->product.factors[j]);
            }
          else if (!node->product.divide[i])
            factors[k++] = g_steal_pointer (&dfi);
          else if (fi->kind == TANGENT_NODE_POW
                   && (fi->pow.is_odd_root || fi->pow.exponent->kind == TANGENT_NODE_NUMBER))
            {
              /* /u^a is u^(−a): −a u^(−a−1) u', one power of u, not
               * (u^a)² (which would not merge with u^a elsewhere). */
              tangent_node_free (dfi);
              if ((dfi = derive_rec (d, fi->pow.base)) == NULL)
                return NULL;
              minus = TRUE;
              if (fi->pow.is_odd_root)
                {
                  factors[k++] = num ((double) fi->pow.p);
                  divide[k] = TRUE;
                  factors[k++] = num ((double) fi->pow.q);
                  factors[k++] = _tangent_simplify_odd_root_pow (cp (fi->pow.base),
                                                                 -fi->pow.p - fi->pow.q,
                                                                 fi->pow.q);
                }
              else
                {
                  factors[k++] = cp (fi->pow.exponent);
                  factors[k++] = _tangent_simplify_pow (cp (fi->pow.base),
                                                        sub (neg (cp (fi->pow.exponent)),
                                                             num (1)));
                }
              factors[k++] = g_steal_pointer (&dfi);
            }
          else
            {
              minus = TRUE;
              factors[k++] = g_steal_pointer (&dfi);
              divide[k] = TRUE;
              factors[k++] = powk (cp (fi), 2);
            }
        }
      g_ptr_array_add (terms, _tangent_simplify_product (k, factors, divide));
      g_array_append_val (signs, minus);
    }

  if (terms->len == 0)
    return num (0);

  {
    guint len = terms->len;
    g_autofree TangentNode **array = (TangentNode **) g_ptr_array_steal (terms, NULL);

    return _tangent_simplify_sum (len, array, (gboolean *) (void *) signs->data);
  }
}

static TangentNode *
derive_pow (Derive            *d,
            const TangentNode *node)
{
  const TangentNode *u = node->pow.base, *v = node->pow.exponent;
  gboolean u_var = tangent_node_depends_on (u, d->wrt);
  gboolean v_var = !node->pow.is_odd_root && tangent_node_depends_on (v, d->wrt);
  TangentNode *du, *dv;

  if (node->pow.is_odd_root)
    {
      gint64 p = node->pow.p, q = node->pow.q;

      /* (p/q) u^((p−q)/q) u', the new power again a real odd root, so
       * (x^(1/3))' is defined for x < 0 as well. */
      if (p == 0)
        return num (0);
      if ((du = derive_rec (d, u)) == NULL)
        return NULL;
      {
        TangentNode *f[4] = { num ((double) p), num ((double) q),
                              _tangent_simplify_odd_root_pow (cp (u), p - q, q), du };
        gboolean divide[4] = { FALSE, TRUE, FALSE, FALSE };

        return _tangent_simplify_product (4, f, divide);
      }
    }

  if (!v_var)
    {
      /* c u^(c−1) u'; for c = 0 the power is 1 everywhere (pow (u, 0) = 1). */
      if (is_zero (v))
        return num (0);
      if ((du = derive_rec (d, u)) == NULL)
        return NULL;
      return mul3 (cp (v), _tangent_simplify_pow (cp (u), sub (cp (v), num (1))), du);
    }

  if ((dv = derive_rec (d, v)) == NULL)
    return NULL;

  if (!u_var)
    {
      /* a^v ln(a) v'; e^v is its own derivative. */
      if (u->kind == TANGENT_NODE_CONSTANT && u->constant == TANGENT_CONSTANT_E)
        return mul (cp (node), dv);
      return mul3 (cp (node), call1 (TANGENT_BUILTIN_LN, cp (u)), dv);
    }

  if ((du = derive_rec (d, u)) == NULL)
    {
      tangent_node_free (dv);
      return NULL;
    }

  /* u^v (v' ln u + v u'/u). ln u restricts the domain to u > 0 already,
   * so when v is u itself the quotient u u'/u may be cancelled to u'. */
  {
    TangentNode *second;

    if (tangent_node_equal (u, v))
      second = du;
    else
      second = quot (mul (cp (v), du), cp (u));
    return mul (cp (node), add (mul (dv, call1 (TANGENT_BUILTIN_LN, cp (u))), second));
  }
}

static TangentNode *
derive_uncached (Derive            *d,
                 const TangentNode *node)
{
  switch (node->kind)
    {
    case TANGENT_NODE_NUMBER:
    case TANGENT_NODE_CONSTANT:
    case TANGENT_NODE_PARAMETER:
      return num (0);

    case TANGENT_NODE_VARIABLE:
      return num (node->variable == d->wrt ? 1 : 0);

    case TANGENT_NODE_NEG:
      {
        TangentNode *da = derive_rec (d, node->arg);

        return da != NULL ? neg (da) : NULL;
      }

    case TANGENT_NODE_SUM:
      {
        guint n = node->sum.n, k = 0;
        g_autofree TangentNode **terms = g_new (TangentNode *, n);
        g_autofree gboolean *negate = g_new (gboolean, n);

        for (guint i = 0; i < n; i++)
          {
            const TangentNode *t = node->sum.terms[i];
            TangentNode *dt;

            if (!tangent_node_depends_on (t, d->wrt))
              continue;
            if ((dt = derive_rec (d, t)) == NULL)
              {
                for (guint j = 0; j < k; j++)
                  tangent_node_free (terms[j]);
                return NULL;
              }
            negate[k] = node->sum.negate[i];
            terms[k++] = dt;
          }
        if (k == 0)
          return num (0);
        return _tangent_simplify_sum (k, terms, negate);
      }

    case TANGENT_NODE_PRODUCT:
      return derive_product (d, node);

    case TANGENT_NODE_POW:
      return derive_pow (d, node);

    case TANGENT_NODE_CALL:
      if (node->call.n < 1 || node->call.n > 2
          || node->call.n != tangent_builtin_get_arity (node->call.fn))
        return num (NAN);
      return derive_call (d, node);

    case TANGENT_NODE_USER_CALL:
      if (node->user.n == 1)
        {
          /* f(u)' = f'(u) u': the document knows f's body. */
          TangentNode *du = derive_rec (d, node->user.args[0]);
          TangentNode *arg;

          if (du == NULL)
            return NULL;
          arg = cp (node->user.args[0]);
          return mul (tangent_node_new_user_call (node->user.name, node->user.order + 1, 1, &arg),
                      du);
        }
      g_set_error (&d->error, TANGENT_DERIVE_ERROR, TANGENT_DERIVE_ERROR_UNSUPPORTED,
                   _("Cannot differentiate %s of several arguments here; expand its definition"),
                   node->user.name);
      return NULL;

    case TANGENT_NODE_TUPLE:
      {
        guint n = node->tuple.n;
        g_autofree TangentNode **items = g_new (TangentNode *, n);

        for (guint i = 0; i < n; i++)
          {
            if ((items[i] = derive_rec (d, node->tuple.items[i])) == NULL)
              {
                for (guint j = 0; j < i; j++)
                  tangent_node_free (items[j]);
                return NULL;
              }
          }
        return tangent_node_new_tuple (n, items);
      }

    default:
      return num (NAN);
    }
}

/* Memoised by structure: the product rule and the chain rule copy
 * subtrees, so a high-order derivative meets the same subtree many times
 * within one step; each is differentiated once. */
static TangentNode *
derive_rec (Derive            *d,
            const TangentNode *node)
{
  TangentNode *result;
  const TangentNode *cached;

  if (d->error != NULL)
    return NULL;

  if (!tangent_node_depends_on (node, d->wrt))
    return num (0);

  switch (node->kind)
    {
    case TANGENT_NODE_VARIABLE:
    case TANGENT_NODE_NEG:
      return derive_uncached (d, node);
    default:
      break;
    }

  if (copied_nodes > 8 * d->max_nodes)
    {
      set_too_large (d);
      return NULL;
    }

  if ((cached = g_hash_table_lookup (d->memo, node)) != NULL)
    return cp (cached);

  result = derive_uncached (d, node);
  if (result == NULL)
    {
      if (d->error == NULL)
        set_too_large (d);
      return NULL;
    }

  g_hash_table_insert (d->memo, (gpointer) node, cp (result));
  return result;
}

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

/* One step on a simplified tree; NULL and @error past the cap. */
static TangentNode *
derive_step (const TangentNode  *expr,
             TangentVariable     wrt,
             gsize               max_nodes,
             GError            **error)
{
  Derive d = { wrt, NULL, max_nodes, NULL };
  TangentNode *result;

  copied_nodes = 0;
  d.memo = g_hash_table_new_full (node_ghash, node_gequal, NULL,
                                  (GDestroyNotify) tangent_node_free);
  result = derive_rec (&d, expr);
  g_hash_table_unref (d.memo);

  if (result != NULL && tangent_node_count (result) > max_nodes)
    {
      g_clear_pointer (&result, tangent_node_free);
      set_too_large (&d);
    }

  if (result == NULL)
    {
      g_propagate_error (error, d.error);
      return NULL;
    }

  return result;
}

/**
 * tangent_derive:
 * @expr: a tree
 * @wrt: the variable
 * @error: return location for a #TANGENT_DERIVE_ERROR
 *
 * Returns: (transfer full) (nullable): d@expr/d@wrt, simplified, or %NULL
 *   past the size cap or for a user function of several arguments
 */
TangentNode *
tangent_derive (const TangentNode  *expr,
                TangentVariable     wrt,
                GError            **error)
{
  return tangent_derive_n (expr, wrt, 1, error);
}

/**
 * tangent_derive_n:
 * @expr: a tree
 * @wrt: the variable
 * @order: 0 … %TANGENT_DERIVE_MAX_ORDER
 * @error: return location for a #TANGENT_DERIVE_ERROR
 *
 * Differentiates @order times, simplifying at each step, so that
 * d¹⁰⁰/dx¹⁰⁰ sin(x) is sin(x) and (x³)'''' is 0. A step whose result would
 * pass the size cap stops with %TANGENT_DERIVE_ERROR_TOO_LARGE.
 *
 * Returns: (transfer full) (nullable): the derivative, simplified
 */
TangentNode *
tangent_derive_n (const TangentNode  *expr,
                  TangentVariable     wrt,
                  guint               order,
                  GError            **error)
{
  TangentNode *cur;
  gsize max_nodes;

  g_return_val_if_fail (expr != NULL, NULL);
  g_return_val_if_fail (wrt < TANGENT_N_VARIABLES, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (order > TANGENT_DERIVE_MAX_ORDER)
    {
      g_set_error (error, TANGENT_DERIVE_ERROR, TANGENT_DERIVE_ERROR_ORDER,
                   _("The order of a derivative is at most %d"), TANGENT_DERIVE_MAX_ORDER);
      return NULL;
    }

  cur = tangent_simplify (expr);
  max_nodes = MAX (TANGENT_DERIVE_MAX_NODES, 4 * tangent_node_count (cur));

  for (guint k = 0; k < order; k++)
    {
      TangentNode *next = derive_step (cur, wrt, max_nodes, error);

      tangent_node_free (cur);
      if (next == NULL)
        return NULL;
      cur = next;
      if (is_zero (cur))
        break;
    }

  return cur;
}

/**
 * tangent_derive_gradient:
 * @expr: a tree
 * @n_variables: how many of x, y, z (1 … %TANGENT_N_VARIABLES)
 * @error: return location for a #TANGENT_DERIVE_ERROR
 *
 * Returns: (transfer full) (element-type TangentNode) (nullable): the
 *   partial derivatives in the order x, y, z
 */
GPtrArray *
tangent_derive_gradient (const TangentNode  *expr,
                         guint               n_variables,
                         GError            **error)
{
  g_autoptr(GPtrArray) grad = NULL;
  g_autoptr(TangentNode) simple = NULL;
  gsize max_nodes;

  g_return_val_if_fail (expr != NULL, NULL);
  g_return_val_if_fail (n_variables >= 1 && n_variables <= TANGENT_N_VARIABLES, NULL);

  simple = tangent_simplify (expr);
  max_nodes = MAX (TANGENT_DERIVE_MAX_NODES, 4 * tangent_node_count (simple));
  grad = g_ptr_array_new_with_free_func ((GDestroyNotify) tangent_node_free);

  for (guint i = 0; i < n_variables; i++)
    {
      TangentNode *di = derive_step (simple, (TangentVariable) i, max_nodes, error);

      if (di == NULL)
        return NULL;
      g_ptr_array_add (grad, di);
    }

  return g_steal_pointer (&grad);
}

/**
 * tangent_derive_hessian:
 * @expr: a tree
 * @n_variables: how many of x, y, z
 * @error: return location for a #TANGENT_DERIVE_ERROR
 *
 * The matrix of second partial derivatives, row-major, n × n. Each mixed
 * partial is differentiated once (∂/∂y of ∂f/∂x) and mirrored, so the
 * matrix is exactly symmetric.
 *
 * Returns: (transfer full) (element-type TangentNode) (nullable): the
 *   n² entries
 */
GPtrArray *
tangent_derive_hessian (const TangentNode  *expr,
                        guint               n_variables,
                        GError            **error)
{
  g_autoptr(GPtrArray) grad = NULL;
  g_autoptr(GPtrArray) hess = NULL;
  gsize max_nodes;
  guint n = n_variables;

  g_return_val_if_fail (expr != NULL, NULL);
  g_return_val_if_fail (n_variables >= 1 && n_variables <= TANGENT_N_VARIABLES, NULL);

  if ((grad = tangent_derive_gradient (expr, n, error)) == NULL)
    return NULL;

  hess = g_ptr_array_new_full (n * n, (GDestroyNotify) tangent_node_free);
  for (guint i = 0; i < n * n; i++)
    g_ptr_array_add (hess, NULL);

  for (guint i = 0; i < n; i++)
    {
      const TangentNode *gi = g_ptr_array_index (grad, i);

      max_nodes = MAX (TANGENT_DERIVE_MAX_NODES, 4 * tangent_node_count (gi));
      for (guint j = i; j < n; j++)
        {
          TangentNode *hij = derive_step (gi, (TangentVariable) j, max_nodes, error);

          if (hij == NULL)
            return NULL;
          hess->pdata[i * n + j] = hij;
          if (j != i)
            hess->pdata[j * n + i] = cp (hij);
        }
    }

  return g_steal_pointer (&hess);
}
