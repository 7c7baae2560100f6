/* tangent-compile.c: expression trees to block-VM bytecode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A tree is lowered to values in SSA form, hash-consed so that common
 * subexpressions are shared, with constants folded through the VM's own
 * kernels (bit-identical to run time). Derivatives are more values built
 * by forward-mode rules on the same graph, so the value, gradient and
 * Hessian share every subexpression. The live values are then cut into
 * phases by what they depend on (nothing, x only, y only, the rest), and
 * each phase gets registers by a linear scan over its last uses.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-compile"

#include <math.h>
#include <string.h>

#include "tangent-compile.h"
#include "tangent-vm-private.h"

G_DEFINE_QUARK (tangent-compile-error-quark, tangent_compile_error)

#define NO_VALUE G_MAXUINT32   /* a structural zero in derivatives */

typedef struct
{
  GArray   *values;       /* TangentValue */
  guint32  *table;        /* open addressing: value id + 1, 0 empty */
  guint     table_size;   /* a power of two */
  guint     n_params;
  guint     depth;
} Builder;

static guint
value_hash (guint32 op,
            guint32 a,
            guint32 b,
            guint32 c,
            gint32  q,
            double  k)
{
  guint64 bits;
  guint64 h;

  memcpy (&bits, &k, sizeof bits);
  h = op;
  h = h * 0x9E3779B97F4A7C15u + a;
  h = h * 0x9E3779B97F4A7C15u + b;
  h = h * 0x9E3779B97F4A7C15u + c;
  h = h * 0x9E3779B97F4A7C15u + (guint32) q;
  h = h * 0x9E3779B97F4A7C15u + bits;
  return (guint) (h ^ (h >> 29) ^ (h >> 47));
}

static inline TangentValue *
value_at (Builder *bld,
          guint    id)
{
  return &g_array_index (bld->values, TangentValue, id);
}

static gboolean
is_const (Builder *bld,
          guint    id,
          double  *k)
{
  TangentValue *v;

  if (id == NO_VALUE)
    return FALSE;
  v = value_at (bld, id);
  if (v->op != TANGENT_OP_CONST)
    return FALSE;
  if (k != NULL)
    *k = v->k;
  return TRUE;
}

static gboolean
is_const_bits (Builder *bld,
               guint    id,
               double   want)
{
  double k;

  return is_const (bld, id, &k) && memcmp (&k, &want, sizeof k) == 0;
}

static void
table_grow (Builder *bld)
{
  guint size = bld->table_size ? bld->table_size * 2 : 256;
  guint32 *table = g_new0 (guint32, size);

  for (guint id = 0; id < bld->values->len; id++)
    {
      TangentValue *v = value_at (bld, id);
      guint h = value_hash (v->op, v->a, v->b, v->c, v->q, v->k) & (size - 1);

      while (table[h] != 0)
        h = (h + 1) & (size - 1);
      table[h] = id + 1;
    }

  g_free (bld->table);
  bld->table = table;
  bld->table_size = size;
}

/* The one way values are made: folds constant operands through the VM's
 * kernels, applies identities that hold bit for bit (x*1, x/1, x-0, x+-0,
 * --x), orders the operands of + and * so that a+b and b+a are shared,
 * and returns an existing value when there is one. */
static guint
emit (Builder *bld,
      guint32  op,
      guint32  a,
      guint32  b,
      guint32  c,
      gint32   q,
      double   k)
{
  guint arity = _tangent_opcode_get_arity (op);
  guint32 ops[3] = { a, b, c };
  guint8 mask = 0;
  gboolean all_const = arity > 0;
  double ka = 0, kb = 0, kc = 0;
  guint h;
  TangentValue nv;

  for (guint i = 0; i < arity; i++)
    {
      g_assert (ops[i] < bld->values->len);
      mask |= value_at (bld, ops[i])->mask;
      all_const = all_const && is_const (bld, ops[i], NULL);
    }
  for (guint i = arity; i < 3; i++)
    ops[i] = 0;

  if (all_const)
    {
      is_const (bld, ops[0], &ka);
      if (arity > 1)
        is_const (bld, ops[1], &kb);
      if (arity > 2)
        is_const (bld, ops[2], &kc);
      return emit (bld, TANGENT_OP_CONST, 0, 0, 0, 0,
                   _tangent_vm_eval_op (op, ka, kb, kc, q, k));
    }

  switch (op)
    {
    case TANGENT_OP_MUL:
      if (is_const_bits (bld, ops[1], 1.0))
        return ops[0];
      if (is_const_bits (bld, ops[0], 1.0))
        return ops[1];
      break;
    case TANGENT_OP_DIV:
      if (is_const_bits (bld, ops[1], 1.0))
        return ops[0];
      break;
    case TANGENT_OP_SUB:
      if (is_const_bits (bld, ops[1], 0.0))
        return ops[0];
      break;
    case TANGENT_OP_ADD:
      if (is_const_bits (bld, ops[1], -0.0))
        return ops[0];
      if (is_const_bits (bld, ops[0], -0.0))
        return ops[1];
      break;
    case TANGENT_OP_NEG:
      if (value_at (bld, ops[0])->op == TANGENT_OP_NEG)
        return value_at (bld, ops[0])->a;
      break;
    default:
      break;
    }

  if ((op == TANGENT_OP_ADD || op == TANGENT_OP_MUL) && ops[0] > ops[1])
    {
      guint32 t = ops[0];

      ops[0] = ops[1];
      ops[1] = t;
    }

  if (op == TANGENT_OP_VAR)
    mask = 1u << q;

  if (2 * (bld->values->len + 1) > bld->table_size)
    table_grow (bld);

  h = value_hash (op, ops[0], ops[1], ops[2], q, k) & (bld->table_size - 1);
  while (bld->table[h] != 0)
    {
      TangentValue *v = value_at (bld, bld->table[h] - 1);

      if (v->op == op && v->a == ops[0] && v->b == ops[1] && v->c == ops[2] && v->q == q
          && memcmp (&v->k, &k, sizeof k) == 0)
        return bld->table[h] - 1;
      h = (h + 1) & (bld->table_size - 1);
    }

  nv = (TangentValue) { op, ops[0], ops[1], ops[2], q, mask, k };
  g_array_append_val (bld->values, nv);
  bld->table[h] = bld->values->len;

  return bld->values->len - 1;
}

static guint
emit1 (Builder *bld,
       guint32  op,
       guint    a)
{
  return emit (bld, op, a, 0, 0, 0, 0);
}

static guint
emit2 (Builder *bld,
       guint32  op,
       guint    a,
       guint    b)
{
  return emit (bld, op, a, b, 0, 0, 0);
}

static guint
emit_const (Builder *bld,
            double   k)
{
  return emit (bld, TANGENT_OP_CONST, 0, 0, 0, 0, k);
}

/* x^m, 1 <= m <= TANGENT_VM_POWI_MAX, by the recursion of kernel_powi. */
static guint
emit_powi (Builder *bld,
           guint    x,
           int      m)
{
  guint t;

  if (m == 1)
    return x;
  if (m % 2 == 1)
    return emit2 (bld, TANGENT_OP_MUL, emit_powi (bld, x, m - 1), x);
  t = emit_powi (bld, x, m / 2);
  return emit2 (bld, TANGENT_OP_MUL, t, t);
}

/* x^n for an integer constant n, as the POW kernel computes it. */
static guint
emit_int_pow (Builder *bld,
              guint    x,
              double   n)
{
  if (fabs (n) <= TANGENT_VM_POWI_MAX && n == (double) (int) n)
    {
      if (n == 0)
        return emit_const (bld, 1.0);
      if (n < 0)
        return emit2 (bld, TANGENT_OP_DIV, emit_const (bld, 1.0), emit_powi (bld, x, (int) -n));
      return emit_powi (bld, x, (int) n);
    }

  return emit2 (bld, TANGENT_OP_POW, x, emit_const (bld, n));
}

static guint
emit_root (Builder *bld,
           guint    x,
           double   p,
           gint32   q)
{
  if (q == 1)
    return emit_int_pow (bld, x, p);
  if (p == 0)
    return emit_const (bld, 1.0);
  return emit (bld, TANGENT_OP_ROOT, x, 0, 0, q, p);
}

/* Lowers a tree. Recursion follows nesting only (bounded by
 * TANGENT_COMPILE_MAX_DEPTH); the terms of a flat sum or product are a
 * loop. Returns NO_VALUE with error set on failure. */
static guint
lower (Builder            *bld,
       const TangentNode  *node,
       GError            **error)
{
  guint result = NO_VALUE;

  if (node == NULL)
    {
      g_set_error (error, TANGENT_COMPILE_ERROR, TANGENT_COMPILE_ERROR_INVALID,
                   "Missing subexpression");
      return NO_VALUE;
    }

  if (++bld->depth > TANGENT_COMPILE_MAX_DEPTH)
    {
      g_set_error (error, TANGENT_COMPILE_ERROR, TANGENT_COMPILE_ERROR_TOO_DEEP,
                   "Expression nested too deeply to evaluate (at most %d levels)",
                   TANGENT_COMPILE_MAX_DEPTH);
      bld->depth--;
      return NO_VALUE;
    }

  switch (node->kind)
    {
    case TANGENT_NODE_NUMBER:
      result = emit_const (bld, node->number);
      break;

    case TANGENT_NODE_CONSTANT:
      result = emit_const (bld, node->constant == TANGENT_CONSTANT_PI ? G_PI : G_E);
      break;

    case TANGENT_NODE_VARIABLE:
      if ((guint) node->variable >= TANGENT_N_VARIABLES)
        {
          g_set_error (error, TANGENT_COMPILE_ERROR, TANGENT_COMPILE_ERROR_INVALID,
                       "Unknown variable");
          break;
        }
      result = emit (bld, TANGENT_OP_VAR, 0, 0, 0, node->variable, 0);
      break;

    case TANGENT_NODE_PARAMETER:
      if (node->parameter.slot < 0 || (guint) node->parameter.slot >= bld->n_params)
        {
          g_set_error (error, TANGENT_COMPILE_ERROR, TANGENT_COMPILE_ERROR_UNRESOLVED,
                       "Parameter “%s” has no value",
                       node->parameter.name != NULL ? node->parameter.name : "?");
          break;
        }
      result = emit (bld, TANGENT_OP_PARAM, 0, 0, 0, node->parameter.slot, 0);
      break;

    case TANGENT_NODE_NEG:
      {
        guint a = lower (bld, node->arg, error);

        if (a != NO_VALUE)
          result = emit1 (bld, TANGENT_OP_NEG, a);
      }
      break;

    case TANGENT_NODE_SUM:
    case TANGENT_NODE_PRODUCT:
      {
        gboolean sum = node->kind == TANGENT_NODE_SUM;
        guint n = sum ? node->sum.n : node->product.n;
        TangentNode **items = sum ? node->sum.terms : node->product.factors;
        const gboolean *flags = sum ? node->sum.negate : node->product.divide;
        guint acc;

        if (n == 0)
          {
            g_set_error (error, TANGENT_COMPILE_ERROR, TANGENT_COMPILE_ERROR_INVALID,
                         "Empty sum or product");
            break;
          }

        acc = lower (bld, items[0], error);
        for (guint i = 1; i < n && acc != NO_VALUE; i++)
          {
            guint t = lower (bld, items[i], error);
            gboolean inverse = flags != NULL && flags[i];

            if (t == NO_VALUE)
              acc = NO_VALUE;
            else if (sum)
              acc = emit2 (bld, inverse ? TANGENT_OP_SUB : TANGENT_OP_ADD, acc, t);
            else
              acc = emit2 (bld, inverse ? TANGENT_OP_DIV : TANGENT_OP_MUL, acc, t);
          }
        /* A leading negated term is still evaluated as written. */
        if (acc != NO_VALUE && flags != NULL && flags[0])
          acc = sum ? emit1 (bld, TANGENT_OP_NEG, acc)
                    : emit2 (bld, TANGENT_OP_DIV, emit_const (bld, 1.0), acc);
        result = acc;
      }
      break;

    case TANGENT_NODE_POW:
      {
        guint base = lower (bld, node->pow.base, error);
        guint expo;
        double k;

        if (base == NO_VALUE)
          break;

        if (node->pow.is_odd_root)
          {
            if (node->pow.q <= 0 || node->pow.q % 2 == 0 || node->pow.q > G_MAXINT32)
              {
                g_set_error (error, TANGENT_COMPILE_ERROR, TANGENT_COMPILE_ERROR_INVALID,
                             "Invalid odd root");
                break;
              }
            result = emit_root (bld, base, (double) node->pow.p, (gint32) node->pow.q);
            break;
          }

        expo = lower (bld, node->pow.exponent, error);
        if (expo == NO_VALUE)
          break;
        if (is_const (bld, expo, &k))
          result = emit_int_pow (bld, base, k);
        else
          result = emit2 (bld, TANGENT_OP_POW, base, expo);
      }
      break;

    case TANGENT_NODE_CALL:
      {
        guint args[2] = { 0, 0 };
        guint arity;

        if ((guint) node->call.fn >= TANGENT_N_BUILTINS)
          {
            g_set_error (error, TANGENT_COMPILE_ERROR, TANGENT_COMPILE_ERROR_INVALID,
                         "Unknown function");
            break;
          }
        arity = tangent_builtin_get_arity (node->call.fn);
        if (node->call.n != arity || arity > 2)
          {
            g_set_error (error, TANGENT_COMPILE_ERROR, TANGENT_COMPILE_ERROR_INVALID,
                         "%s takes %u arguments", tangent_builtin_get_name (node->call.fn), arity);
            break;
          }
        for (guint i = 0; i < arity; i++)
          {
            args[i] = lower (bld, node->call.args[i], error);
            if (args[i] == NO_VALUE)
              break;
          }
        if (args[0] == NO_VALUE || args[1] == NO_VALUE)
          break;
        result = emit (bld, _tangent_opcode_for_builtin (node->call.fn), args[0], args[1], 0, 0, 0);
      }
      break;

    case TANGENT_NODE_USER_CALL:
      g_set_error (error, TANGENT_COMPILE_ERROR, TANGENT_COMPILE_ERROR_UNRESOLVED,
                   "Function “%s” was not expanded before evaluation",
                   node->user.name != NULL ? node->user.name : "?");
      break;

    case TANGENT_NODE_TUPLE:
      g_set_error (error, TANGENT_COMPILE_ERROR, TANGENT_COMPILE_ERROR_UNRESOLVED,
                   "A tuple has no single value to evaluate");
      break;

    default:
      g_set_error (error, TANGENT_COMPILE_ERROR, TANGENT_COMPILE_ERROR_INVALID,
                   "Unknown expression node");
      break;
    }

  bld->depth--;
  return result;
}

/* Derivatives: d is NO_VALUE for a structural zero. */

static guint
d_add (Builder *bld,
       guint    a,
       guint    b)
{
  if (a == NO_VALUE)
    return b;
  if (b == NO_VALUE)
    return a;
  return emit2 (bld, TANGENT_OP_ADD, a, b);
}

static guint
d_sub (Builder *bld,
       guint    a,
       guint    b)
{
  if (b == NO_VALUE)
    return a;
  if (a == NO_VALUE)
    return emit1 (bld, TANGENT_OP_NEG, b);
  return emit2 (bld, TANGENT_OP_SUB, a, b);
}

static guint
d_mul (Builder *bld,
       guint    a,
       guint    b)
{
  if (a == NO_VALUE || b == NO_VALUE)
    return NO_VALUE;
  return emit2 (bld, TANGENT_OP_MUL, a, b);
}

static guint
d_div (Builder *bld,
       guint    a,
       guint    b)
{
  if (a == NO_VALUE)
    return NO_VALUE;
  return emit2 (bld, TANGENT_OP_DIV, a, b);
}

static guint
d_neg (Builder *bld,
       guint    a)
{
  return a == NO_VALUE ? NO_VALUE : emit1 (bld, TANGENT_OP_NEG, a);
}

static guint
materialize (Builder *bld,
             guint    d)
{
  return d == NO_VALUE ? emit_const (bld, 0.0) : d;
}

/* d(min(u, w)): du where u < w, dw where w < u; at a tie, the common
 * derivative if both agree, else NaN (not differentiable). */
static guint
d_minmax (Builder *bld,
          gboolean is_max,
          guint    u,
          guint    w,
          guint    du,
          guint    dw)
{
  guint first, second, tie;

  if (du == NO_VALUE && dw == NO_VALUE)
    return NO_VALUE;
  du = materialize (bld, du);
  dw = materialize (bld, dw);
  tie = emit (bld, TANGENT_OP_SELECT, emit2 (bld, TANGENT_OP_EQ, du, dw), du, emit_const (bld, NAN), 0, 0);
  first = is_max ? emit2 (bld, TANGENT_OP_LT, w, u) : emit2 (bld, TANGENT_OP_LT, u, w);
  second = is_max ? emit2 (bld, TANGENT_OP_LT, u, w) : emit2 (bld, TANGENT_OP_LT, w, u);
  return emit (bld, TANGENT_OP_SELECT, first, du,
               emit (bld, TANGENT_OP_SELECT, second, dw, tie, 0, 0), 0, 0);
}

/* d of a step function: 0, but NaN at its jumps, where gap is zero. */
static guint
d_step (Builder *bld,
        guint    gap,
        guint    du)
{
  if (du == NO_VALUE)
    return NO_VALUE;
  return emit2 (bld, TANGENT_OP_MUL, emit2 (bld, TANGENT_OP_DIV, emit_const (bld, 0.0), gap), du);
}

/* Forward mode over the values [0, end): dmap[v] := dv/d(variable). */
static void
derive_sweep (Builder *bld,
              guint    end,
              guint    variable,
              guint   *dmap)
{
  for (guint id = 0; id < end; id++)
    {
      TangentValue v = *value_at (bld, id);
      guint u = v.a, w = v.b;
      guint du = NO_VALUE, dw = NO_VALUE;
      guint arity = _tangent_opcode_get_arity (v.op);
      guint d = NO_VALUE;

      if (arity >= 1)
        du = dmap[u];
      if (arity >= 2)
        dw = dmap[w];

      if (v.mask == 0 || ((v.mask >> variable) & 1) == 0)
        {
          dmap[id] = NO_VALUE;
          continue;
        }

      switch ((TangentOpcode) v.op)
        {
        case TANGENT_OP_VAR:
          d = (guint) v.q == variable ? emit_const (bld, 1.0) : NO_VALUE;
          break;
        case TANGENT_OP_CONST:
        case TANGENT_OP_PARAM:
        case TANGENT_OP_LT:
        case TANGENT_OP_EQ:
          break;
        case TANGENT_OP_COPY:
          d = du;
          break;
        case TANGENT_OP_NEG:
          d = d_neg (bld, du);
          break;
        case TANGENT_OP_ADD:
          d = d_add (bld, du, dw);
          break;
        case TANGENT_OP_SUB:
          d = d_sub (bld, du, dw);
          break;
        case TANGENT_OP_MUL:
          d = d_add (bld, d_mul (bld, du, w), d_mul (bld, u, dw));
          break;
        case TANGENT_OP_DIV:
          /* (du - r dw) / w */
          d = d_div (bld, d_sub (bld, du, d_mul (bld, id, dw)), w);
          if (du == NO_VALUE && dw != NO_VALUE)
            d = d_div (bld, d_neg (bld, d_mul (bld, id, dw)), w);
          break;
        case TANGENT_OP_POW:
          /* w u^(w-1) du + u^w ln(u) dw */
          if (du != NO_VALUE)
            {
              guint wm1 = emit2 (bld, TANGENT_OP_SUB, w, emit_const (bld, 1.0));
              guint pw = emit2 (bld, TANGENT_OP_POW, u, wm1);

              d = d_mul (bld, emit2 (bld, TANGENT_OP_MUL, w, pw), du);
            }
          if (dw != NO_VALUE)
            d = d_add (bld, d, d_mul (bld, emit2 (bld, TANGENT_OP_MUL, id, emit1 (bld, TANGENT_OP_LN, u)), dw));
          break;
        case TANGENT_OP_ROOT:
          /* (p/q) u^((p-q)/q) du */
          d = d_mul (bld,
                     emit2 (bld, TANGENT_OP_MUL, emit_const (bld, v.k / (double) v.q),
                            emit_root (bld, u, v.k - v.q, v.q)),
                     du);
          break;
        case TANGENT_OP_ABS:
          d = d_mul (bld, emit2 (bld, TANGENT_OP_DIV, u, id), du);
          break;
        case TANGENT_OP_SIGN:
          d = d_step (bld, u, du);
          break;
        case TANGENT_OP_FLOOR:
          d = d_step (bld, emit2 (bld, TANGENT_OP_SUB, u, id), du);
          break;
        case TANGENT_OP_CEIL:
          d = d_step (bld, emit2 (bld, TANGENT_OP_SUB, id, u), du);
          break;
        case TANGENT_OP_ROUND:
          d = d_step (bld, emit2 (bld, TANGENT_OP_SUB,
                                  emit1 (bld, TANGENT_OP_ABS, emit2 (bld, TANGENT_OP_SUB, u, id)),
                                  emit_const (bld, 0.5)), du);
          break;
        case TANGENT_OP_SQRT:
          d = d_div (bld, du, emit2 (bld, TANGENT_OP_MUL, emit_const (bld, 2.0), id));
          break;
        case TANGENT_OP_CBRT:
          d = d_div (bld, du, emit2 (bld, TANGENT_OP_MUL, emit_const (bld, 3.0),
                                     emit2 (bld, TANGENT_OP_MUL, id, id)));
          break;
        case TANGENT_OP_EXP:
          d = d_mul (bld, id, du);
          break;
        case TANGENT_OP_LN:
          d = d_div (bld, du, u);
          break;
        case TANGENT_OP_LOG10:
          d = d_div (bld, du, emit2 (bld, TANGENT_OP_MUL, u, emit_const (bld, G_LN10)));
          break;
        case TANGENT_OP_LOG2:
          d = d_div (bld, du, emit2 (bld, TANGENT_OP_MUL, u, emit_const (bld, G_LN2)));
          break;
        case TANGENT_OP_SIN:
          d = d_mul (bld, emit1 (bld, TANGENT_OP_COS, u), du);
          break;
        case TANGENT_OP_COS:
          d = d_neg (bld, d_mul (bld, emit1 (bld, TANGENT_OP_SIN, u), du));
          break;
        case TANGENT_OP_TAN:
          d = d_mul (bld, emit2 (bld, TANGENT_OP_ADD, emit_const (bld, 1.0),
                                 emit2 (bld, TANGENT_OP_MUL, id, id)), du);
          break;
        case TANGENT_OP_SEC:
          d = d_mul (bld, emit2 (bld, TANGENT_OP_MUL, id, emit1 (bld, TANGENT_OP_TAN, u)), du);
          break;
        case TANGENT_OP_CSC:
          d = d_neg (bld, d_mul (bld, emit2 (bld, TANGENT_OP_MUL, id, emit1 (bld, TANGENT_OP_COT, u)), du));
          break;
        case TANGENT_OP_COT:
          d = d_neg (bld, d_mul (bld, emit2 (bld, TANGENT_OP_ADD, emit_const (bld, 1.0),
                                             emit2 (bld, TANGENT_OP_MUL, id, id)), du));
          break;
        case TANGENT_OP_ASIN:
        case TANGENT_OP_ACOS:
          {
            guint s = emit1 (bld, TANGENT_OP_SQRT,
                             emit2 (bld, TANGENT_OP_SUB, emit_const (bld, 1.0),
                                    emit2 (bld, TANGENT_OP_MUL, u, u)));

            d = d_div (bld, du, s);
            if (v.op == TANGENT_OP_ACOS)
              d = d_neg (bld, d);
          }
          break;
        case TANGENT_OP_ATAN:
          d = d_div (bld, du, emit2 (bld, TANGENT_OP_ADD, emit_const (bld, 1.0),
                                     emit2 (bld, TANGENT_OP_MUL, u, u)));
          break;
        case TANGENT_OP_ATAN2:
          /* atan2(u, w): (w du - u dw) / (u^2 + w^2) */
          d = d_div (bld, d_sub (bld, d_mul (bld, w, du), d_mul (bld, u, dw)),
                     emit2 (bld, TANGENT_OP_ADD, emit2 (bld, TANGENT_OP_MUL, u, u),
                            emit2 (bld, TANGENT_OP_MUL, w, w)));
          break;
        case TANGENT_OP_SINH:
          d = d_mul (bld, emit1 (bld, TANGENT_OP_COSH, u), du);
          break;
        case TANGENT_OP_COSH:
          d = d_mul (bld, emit1 (bld, TANGENT_OP_SINH, u), du);
          break;
        case TANGENT_OP_TANH:
          d = d_mul (bld, emit2 (bld, TANGENT_OP_SUB, emit_const (bld, 1.0),
                                 emit2 (bld, TANGENT_OP_MUL, id, id)), du);
          break;
        case TANGENT_OP_MIN:
        case TANGENT_OP_MAX:
          d = d_minmax (bld, v.op == TANGENT_OP_MAX, u, w, du, dw);
          break;
        case TANGENT_OP_SELECT:
          {
            guint dc = dmap[v.b], de = dmap[v.c];

            if (dc != NO_VALUE || de != NO_VALUE)
              d = emit (bld, TANGENT_OP_SELECT, v.a, materialize (bld, dc), materialize (bld, de), 0, 0);
          }
          break;
        case TANGENT_N_OPCODES:
        default:
          g_assert_not_reached ();
        }

      dmap[id] = d;
    }
}

/* Phases */

static void
add_input (GArray  *inputs,
           guint   *slot,
           guint    id)
{
  if (slot[id] == G_MAXUINT)
    {
      slot[id] = inputs->len;
      g_array_append_val (inputs, id);
    }
}

/* Builds one phase computing vals (in order) with outputs outs. The
 * inputs are the operands computed elsewhere; bind says where each comes
 * from. A value that is an output is written straight into its output
 * slot; a repeated output, or one computed elsewhere, gets a COPY. */
static void
build_phase (Builder      *bld,
             TangentPhase *ph,
             const guint  *vals,
             guint         n_vals,
             const guint  *outs,
             guint         n_outs,
             const guint  *uidx,
             const guint  *gxidx,
             const guint  *gyidx)
{
  guint n = bld->values->len;
  g_autofree guint8 *in_phase = g_new0 (guint8, n);
  g_autofree guint *slot = g_new (guint, n);
  g_autofree guint *last_use = g_new (guint, n);
  g_autoptr(GArray) inputs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) code = g_array_new (FALSE, TRUE, sizeof (TangentInstr));
  g_autoptr(GArray) free_temps = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_in, n_temps = 0;

  memset (slot, 0xff, n * sizeof (guint));
  memset (last_use, 0xff, n * sizeof (guint));

  for (guint i = 0; i < n_vals; i++)
    in_phase[vals[i]] = 1;

  for (guint i = 0; i < n_vals; i++)
    {
      TangentValue *v = value_at (bld, vals[i]);
      guint32 ops[3] = { v->a, v->b, v->c };

      for (guint j = 0; j < _tangent_opcode_get_arity (v->op); j++)
        {
          if (!in_phase[ops[j]])
            add_input (inputs, slot, ops[j]);
          last_use[ops[j]] = i;
        }
    }
  for (guint k = 0; k < n_outs; k++)
    {
      if (!in_phase[outs[k]])
        add_input (inputs, slot, outs[k]);
    }

  n_in = inputs->len;
  ph->n_inputs = n_in;
  ph->inputs = g_new0 (guint, n_in + 1);
  if (n_in > 0)
    memcpy (ph->inputs, inputs->data, n_in * sizeof (guint));
  ph->in_kind = g_new0 (guint8, n_in + 1);
  ph->in_index = g_new0 (guint, n_in + 1);
  for (guint i = 0; i < n_in; i++)
    {
      guint id = ph->inputs[i];
      TangentValue *v = value_at (bld, id);

      if (v->op == TANGENT_OP_VAR)
        {
          ph->in_kind[i] = TANGENT_BIND_VAR;
          ph->in_index[i] = v->q;
        }
      else if (v->mask == 0)
        {
          g_assert (uidx != NULL && uidx[id] != G_MAXUINT);
          ph->in_kind[i] = TANGENT_BIND_UNIFORM;
          ph->in_index[i] = uidx[id];
        }
      else if (v->mask == TANGENT_MASK_X && gxidx != NULL)
        {
          g_assert (gxidx[id] != G_MAXUINT);
          ph->in_kind[i] = TANGENT_BIND_GRID_X;
          ph->in_index[i] = gxidx[id];
        }
      else
        {
          g_assert (v->mask == TANGENT_MASK_Y && gyidx != NULL && gyidx[id] != G_MAXUINT);
          ph->in_kind[i] = TANGENT_BIND_GRID_Y;
          ph->in_index[i] = gyidx[id];
        }
    }

  ph->n_outputs = n_outs;
  ph->outputs = g_new0 (guint, n_outs + 1);
  if (n_outs > 0)
    memcpy (ph->outputs, outs, n_outs * sizeof (guint));

  for (guint i = 0; i < n_vals; i++)
    {
      guint id = vals[i];
      TangentValue *v = value_at (bld, id);
      guint32 ops[3] = { v->a, v->b, v->c };
      guint arity = _tangent_opcode_get_arity (v->op);
      TangentInstr in = { v->op, 0, 0, 0, 0, v->q, v->k };
      guint32 *fields[3] = { &in.b, &in.c, &in.d };
      guint dst = G_MAXUINT;

      for (guint j = 0; j < arity; j++)
        *fields[j] = slot[ops[j]];

      /* Free the temps whose last use is here, once each. */
      for (guint j = 0; j < arity; j++)
        {
          guint s = slot[ops[j]];
          gboolean seen = FALSE;

          for (guint l = 0; l < j; l++)
            seen = seen || ops[l] == ops[j];
          if (!seen && in_phase[ops[j]] && last_use[ops[j]] == i && s >= n_in + n_outs)
            g_array_append_val (free_temps, s);
        }

      for (guint k = 0; k < n_outs; k++)
        {
          if (outs[k] == id)
            {
              dst = n_in + k;
              break;
            }
        }
      if (dst == G_MAXUINT)
        {
          if (free_temps->len > 0)
            {
              dst = g_array_index (free_temps, guint, free_temps->len - 1);
              g_array_set_size (free_temps, free_temps->len - 1);
            }
          else
            dst = n_in + n_outs + n_temps++;
          if (last_use[id] == G_MAXUINT)
            g_array_append_val (free_temps, dst);
        }

      in.a = dst;
      for (guint j = arity; j < 3; j++)
        *fields[j] = dst;
      slot[id] = dst;
      g_array_append_val (code, in);
    }

  for (guint k = 0; k < n_outs; k++)
    {
      if (slot[outs[k]] != n_in + k)
        {
          TangentInstr in = { TANGENT_OP_COPY, n_in + k, slot[outs[k]], n_in + k, n_in + k, 0, 0 };

          g_array_append_val (code, in);
        }
    }

  ph->n_code = code->len;
  ph->code = (TangentInstr *) g_array_free (g_steal_pointer (&code), FALSE);
  ph->n_temps = n_temps;
}

static void
phase_clear (TangentPhase *ph)
{
  g_clear_pointer (&ph->code, g_free);
  g_clear_pointer (&ph->inputs, g_free);
  g_clear_pointer (&ph->in_kind, g_free);
  g_clear_pointer (&ph->in_index, g_free);
  g_clear_pointer (&ph->outputs, g_free);
}

typedef enum
{
  CLASS_DEAD,
  CLASS_INPUT,      /* VAR: bound by the caller */
  CLASS_UNIFORM,
  CLASS_X,
  CLASS_Y,
  CLASS_XY,         /* everything else, z included */
} ValueClass;

/* Cuts the live values into the uniform, point and grid phases. */
static void
build_phases (Builder        *bld,
              TangentProgram *prog)
{
  guint n = bld->values->len;
  g_autofree guint8 *cls = g_new0 (guint8, n);
  g_autofree guint8 *used_by = g_new0 (guint8, n);   /* bit per class */
  g_autofree guint *uidx = g_new (guint, n);
  g_autofree guint *gxidx = g_new (guint, n);
  g_autofree guint *gyidx = g_new (guint, n);
  GArray *lists[6];
  g_autoptr(GArray) u_out = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) x_out = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) y_out = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    lists[i] = g_array_new (FALSE, FALSE, sizeof (guint));

  memset (uidx, 0xff, n * sizeof (guint));
  memset (gxidx, 0xff, n * sizeof (guint));
  memset (gyidx, 0xff, n * sizeof (guint));

  /* Liveness, from the outputs back. */
  for (guint k = 0; k < prog->n_outputs; k++)
    {
      cls[prog->outputs[k]] = 1;
      used_by[prog->outputs[k]] |= 1u << CLASS_XY;
    }
  for (guint id = n; id-- > 0;)
    {
      TangentValue *v = value_at (bld, id);
      guint32 ops[3] = { v->a, v->b, v->c };

      if (!cls[id])
        continue;
      for (guint j = 0; j < _tangent_opcode_get_arity (v->op); j++)
        cls[ops[j]] = 1;
    }

  prog->n_instructions = 0;
  for (guint id = 0; id < n; id++)
    {
      TangentValue *v = value_at (bld, id);
      guint32 ops[3] = { v->a, v->b, v->c };

      if (!cls[id])
        continue;
      if (v->op == TANGENT_OP_VAR)
        cls[id] = CLASS_INPUT;
      else if (v->mask == 0)
        cls[id] = CLASS_UNIFORM;
      else if (v->mask == TANGENT_MASK_X)
        cls[id] = CLASS_X;
      else if (v->mask == TANGENT_MASK_Y)
        cls[id] = CLASS_Y;
      else
        cls[id] = CLASS_XY;

      g_array_append_val (lists[cls[id]], id);
      for (guint j = 0; j < _tangent_opcode_get_arity (v->op); j++)
        used_by[ops[j]] |= 1u << cls[id];
    }

  for (guint c = CLASS_UNIFORM; c <= CLASS_XY; c++)
    prog->n_instructions += lists[c]->len;

  /* Uniform values used by another phase, or as outputs. */
  for (guint i = 0; i < lists[CLASS_UNIFORM]->len; i++)
    {
      guint id = g_array_index (lists[CLASS_UNIFORM], guint, i);

      if (used_by[id] & ~(1u << CLASS_UNIFORM))
        {
          uidx[id] = u_out->len;
          g_array_append_val (u_out, id);
        }
    }
  build_phase (bld, &prog->uniform, (guint *) lists[CLASS_UNIFORM]->data,
               lists[CLASS_UNIFORM]->len, (guint *) u_out->data, u_out->len, NULL, NULL, NULL);

  /* Points: every non-uniform value, in order. */
  for (guint id = 0; id < n; id++)
    {
      if (cls[id] >= CLASS_X)
        g_array_append_val (points, id);
    }
  build_phase (bld, &prog->points, (guint *) points->data, points->len,
               prog->outputs, prog->n_outputs, uidx, NULL, NULL);

  /* Grids: x-only and y-only values needed per point become arrays. */
  for (guint i = 0; i < lists[CLASS_X]->len; i++)
    {
      guint id = g_array_index (lists[CLASS_X], guint, i);

      if (used_by[id] & (1u << CLASS_XY))
        {
          gxidx[id] = x_out->len;
          g_array_append_val (x_out, id);
        }
    }
  for (guint i = 0; i < lists[CLASS_Y]->len; i++)
    {
      guint id = g_array_index (lists[CLASS_Y], guint, i);

      if (used_by[id] & (1u << CLASS_XY))
        {
          gyidx[id] = y_out->len;
          g_array_append_val (y_out, id);
        }
    }
  build_phase (bld, &prog->grid_x, (guint *) lists[CLASS_X]->data, lists[CLASS_X]->len,
               (guint *) x_out->data, x_out->len, uidx, NULL, NULL);
  build_phase (bld, &prog->grid_y, (guint *) lists[CLASS_Y]->data, lists[CLASS_Y]->len,
               (guint *) y_out->data, y_out->len, uidx, NULL, NULL);
  build_phase (bld, &prog->grid_xy, (guint *) lists[CLASS_XY]->data, lists[CLASS_XY]->len,
               prog->outputs, prog->n_outputs, uidx, gxidx, gyidx);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    g_array_unref (lists[i]);
}

static TangentProgram *
compile_full (const TangentNode  *expr,
              guint               n_params,
              guint               n_vars,
              gboolean            with_hessian,
              GError            **error)
{
  Builder bld = { 0, };
  TangentProgram *prog;
  guint root;
  guint n_outputs;

  bld.values = g_array_new (FALSE, FALSE, sizeof (TangentValue));
  bld.n_params = n_params;

  root = lower (&bld, expr, error);
  if (root == NO_VALUE)
    {
      g_array_unref (bld.values);
      g_free (bld.table);
      return NULL;
    }

  n_outputs = 1 + n_vars + (with_hessian ? n_vars * n_vars : 0);
  prog = g_new0 (TangentProgram, 1);
  g_atomic_ref_count_init (&prog->ref_count);
  prog->n_params = n_params;
  prog->n_vars = n_vars;
  prog->with_hessian = with_hessian;
  prog->n_outputs = n_outputs;
  prog->outputs = g_new0 (guint, n_outputs + 1);
  prog->outputs[0] = root;

  if (n_vars > 0)
    {
      guint end = bld.values->len;
      guint grad[TANGENT_N_VARIABLES];

      for (guint i = 0; i < n_vars; i++)
        {
          g_autofree guint *dmap = g_new (guint, end);

          derive_sweep (&bld, end, i, dmap);
          grad[i] = dmap[root];
          prog->outputs[1 + i] = materialize (&bld, grad[i]);
        }

      if (with_hessian)
        {
          guint end2 = bld.values->len;

          for (guint j = 0; j < n_vars; j++)
            {
              g_autofree guint *dmap = g_new (guint, end2);

              derive_sweep (&bld, end2, j, dmap);
              for (guint i = 0; i < n_vars; i++)
                {
                  guint h = grad[i] == NO_VALUE ? NO_VALUE : dmap[prog->outputs[1 + i]];

                  prog->outputs[1 + n_vars + i * n_vars + j] = materialize (&bld, h);
                }
            }
        }
    }

  for (guint k = 0; k < n_outputs; k++)
    prog->mask |= value_at (&bld, prog->outputs[k])->mask;

  build_phases (&bld, prog);

  prog->n_values = bld.values->len;
  prog->values = (TangentValue *) g_array_free (bld.values, FALSE);
  g_free (bld.table);

  return prog;
}

/**
 * tangent_compile:
 * @expr: a resolved tree: no user calls or tuples, parameters with slots
 * @n_params: the length of the parameter array given at evaluation
 * @error: (nullable): return location for a #TangentCompileError
 *
 * Returns: (transfer full) (nullable): a program with one output
 */
TangentProgram *
tangent_compile (const TangentNode  *expr,
                 guint               n_params,
                 GError            **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return compile_full (expr, n_params, 0, FALSE, error);
}

/**
 * tangent_compile_with_gradient:
 * @n_vars: 1 to 3: the gradient is with respect to x, y, z in that order
 * @with_hessian: also output the n_vars × n_vars Hessian, row-major
 *
 * Returns: (transfer full) (nullable): a program with 1 + n_vars (+ n_vars²)
 *   outputs
 */
TangentProgram *
tangent_compile_with_gradient (const TangentNode  *expr,
                               guint               n_params,
                               guint               n_vars,
                               gboolean            with_hessian,
                               GError            **error)
{
  g_return_val_if_fail (n_vars >= 1 && n_vars <= TANGENT_N_VARIABLES, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return compile_full (expr, n_params, n_vars, with_hessian, error);
}

TangentProgram *
tangent_program_ref (TangentProgram *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
tangent_program_unref (TangentProgram *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  phase_clear (&self->uniform);
  phase_clear (&self->points);
  phase_clear (&self->grid_x);
  phase_clear (&self->grid_y);
  phase_clear (&self->grid_xy);
  g_free (self->values);
  g_free (self->outputs);
  g_free (self);
}

guint
tangent_program_get_n_outputs (const TangentProgram *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_outputs;
}

guint
tangent_program_get_n_params (const TangentProgram *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_params;
}

/* Distinct operations after sharing and folding, over all phases. */
guint
tangent_program_get_n_instructions (const TangentProgram *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_instructions;
}

gboolean
tangent_program_depends_on (const TangentProgram *self,
                            TangentVariable       variable)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (variable < TANGENT_N_VARIABLES, FALSE);
  return (self->mask >> variable) & 1;
}

static void
disassemble_phase (GString            *s,
                   const char         *title,
                   const TangentPhase *ph)
{
  static const char *const var_names[] = { "x", "y", "z" };
  static const char *const bind_names[] = { "var", "uniform", "grid-x", "grid-y" };

  g_string_append_printf (s, "; %s: %u instructions, %u inputs, %u outputs, %u temps\n",
                          title, ph->n_code, ph->n_inputs, ph->n_outputs, ph->n_temps);
  for (guint i = 0; i < ph->n_inputs; i++)
    {
      if (ph->in_kind[i] == TANGENT_BIND_VAR)
        g_string_append_printf (s, ";   R%u = %s\n", i, var_names[ph->in_index[i]]);
      else
        g_string_append_printf (s, ";   R%u = %s[%u]\n", i, bind_names[ph->in_kind[i]], ph->in_index[i]);
    }
  for (guint k = 0; k < ph->n_outputs; k++)
    g_string_append_printf (s, ";   R%u -> out[%u]\n", ph->n_inputs + k, k);

  for (guint i = 0; i < ph->n_code; i++)
    {
      const TangentInstr *in = &ph->code[i];
      guint arity = _tangent_opcode_get_arity (in->op);
      const guint32 ops[3] = { in->b, in->c, in->d };
      gsize start = s->len;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (s, "%4u  %-6s R%u", i, _tangent_opcode_get_name (in->op), in->a);
      for (guint j = 0; j < arity; j++)
        g_string_append_printf (s, ", R%u", ops[j]);
      if (in->op == TANGENT_OP_CONST || in->op == TANGENT_OP_ROOT)
        g_string_append_printf (s, ", K=%s", g_ascii_formatd (buf, sizeof buf, "%.17g", in->k));
      if (in->op == TANGENT_OP_PARAM || in->op == TANGENT_OP_ROOT)
        g_string_append_printf (s, ", Q=%d", in->q);
      while (s->len - start < 36)
        g_string_append_c (s, ' ');
      g_string_append_printf (s, "; %s\n", _tangent_opcode_get_comment (in->op));
    }
}

/**
 * tangent_program_disassemble:
 *
 * Returns: (transfer full): a listing of every phase, one instruction a
 *   line with the meaning of its opcode
 */
char *
tangent_program_disassemble (const TangentProgram *self)
{
  GString *s;

  g_return_val_if_fail (self != NULL, NULL);

  s = g_string_new (NULL);
  g_string_append_printf (s, "; program: %u outputs, %u parameters, %u operations\n",
                          self->n_outputs, self->n_params, self->n_instructions);
  disassemble_phase (s, "uniform (once per call)", &self->uniform);
  disassemble_phase (s, "points (per block)", &self->points);
  disassemble_phase (s, "grid x (per column)", &self->grid_x);
  disassemble_phase (s, "grid y (per row)", &self->grid_y);
  disassemble_phase (s, "grid xy (per point)", &self->grid_xy);

  return g_string_free (s, FALSE);
}
