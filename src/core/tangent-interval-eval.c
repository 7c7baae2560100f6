/* tangent-interval-eval.c: a compiled program over a box
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Walks the program's value graph (tangent-vm-private.h), which is in SSA
 * form with operands before their users, once, one interval per value.
 * The graph is the one the block VM's phases are cut from, so the
 * enclosure is of the very formula the VM evaluates, constants folded the
 * same way. Intervals suffer from the dependency problem (x - x over
 * [0, 1] is [-1, 1]); the one case worth catching here is x·x, which the
 * compiler writes for x^2 and which becomes a square.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-interval"

#include <math.h>

#include "tangent-interval.h"
#include "tangent-vm-private.h"

/* Comparisons and selection appear in gradient programs only (the
 * derivatives of min and max). Each is a step function of its operands:
 * where the outcome is not decided over the box it jumps. */
static TangentInterval
compare (TangentOpcode   op,
         TangentInterval b,
         TangentInterval c)
{
  guint flags = b.flags & c.flags;
  TangentInterval r;

  if (tangent_interval_is_empty (b) || tangent_interval_is_empty (c))
    return tangent_interval_empty ();

  if (op == TANGENT_OP_LT)
    {
      if (b.hi < c.lo)
        r = tangent_interval_point (1);
      else if (b.lo >= c.hi)
        r = tangent_interval_point (0);
      else
        {
          r = tangent_interval_new (0, 1);
          flags &= TANGENT_INTERVAL_DEFINED;
        }
    }
  else
    {
      if (b.lo == b.hi && c.lo == c.hi && b.lo == c.lo)
        r = tangent_interval_point (1);
      else if (b.hi < c.lo || c.hi < b.lo)
        r = tangent_interval_point (0);
      else
        {
          r = tangent_interval_new (0, 1);
          flags &= TANGENT_INTERVAL_DEFINED;
        }
    }

  r.flags = tangent_interval_nest_flags (flags);
  return r;
}

static TangentInterval
select_ (TangentInterval cond,
         TangentInterval c,
         TangentInterval d)
{
  TangentInterval r;

  if (tangent_interval_is_empty (cond))
    return tangent_interval_empty ();
  if (cond.lo > 0 || cond.hi < 0)
    r = c;
  else if (cond.lo == 0 && cond.hi == 0)
    r = d;
  else
    {
      r = tangent_interval_hull (c, d);
      r.flags &= TANGENT_INTERVAL_DEFINED;
    }
  r.flags = tangent_interval_nest_flags (r.flags & cond.flags);
  return r;
}

static TangentInterval
eval_value (const TangentValue    *v,
            const TangentInterval *vals,
            const TangentInterval *params,
            const TangentInterval *box)
{
  switch ((TangentOpcode) v->op)
    {
    case TANGENT_OP_CONST:
      return tangent_interval_point (v->k);
    case TANGENT_OP_PARAM:
      return params[v->q];
    case TANGENT_OP_VAR:
      return box[v->q];
    case TANGENT_OP_COPY:
      return vals[v->a];

    case TANGENT_OP_NEG:
      return tangent_interval_neg (vals[v->a]);
    case TANGENT_OP_ADD:
      return tangent_interval_add (vals[v->a], vals[v->b]);
    case TANGENT_OP_SUB:
      return tangent_interval_sub (vals[v->a], vals[v->b]);
    case TANGENT_OP_MUL:
      if (v->a == v->b)
        return tangent_interval_sqr (vals[v->a]);
      return tangent_interval_mul (vals[v->a], vals[v->b]);
    case TANGENT_OP_DIV:
      return tangent_interval_div (vals[v->a], vals[v->b]);
    case TANGENT_OP_POW:
      return tangent_interval_pow (vals[v->a], vals[v->b]);
    case TANGENT_OP_ROOT:
      return tangent_interval_root (vals[v->a], (gint64) v->k, v->q);

    case TANGENT_OP_ABS: return tangent_interval_abs (vals[v->a]);
    case TANGENT_OP_SIGN: return tangent_interval_sign (vals[v->a]);
    case TANGENT_OP_FLOOR: return tangent_interval_floor (vals[v->a]);
    case TANGENT_OP_CEIL: return tangent_interval_ceil (vals[v->a]);
    case TANGENT_OP_ROUND: return tangent_interval_round (vals[v->a]);
    case TANGENT_OP_SQRT: return tangent_interval_sqrt (vals[v->a]);
    case TANGENT_OP_CBRT: return tangent_interval_cbrt (vals[v->a]);
    case TANGENT_OP_EXP: return tangent_interval_exp (vals[v->a]);
    case TANGENT_OP_LN: return tangent_interval_ln (vals[v->a]);
    case TANGENT_OP_LOG10: return tangent_interval_log10 (vals[v->a]);
    case TANGENT_OP_LOG2: return tangent_interval_log2 (vals[v->a]);
    case TANGENT_OP_SIN: return tangent_interval_sin (vals[v->a]);
    case TANGENT_OP_COS: return tangent_interval_cos (vals[v->a]);
    case TANGENT_OP_TAN: return tangent_interval_tan (vals[v->a]);
    case TANGENT_OP_SEC: return tangent_interval_sec (vals[v->a]);
    case TANGENT_OP_CSC: return tangent_interval_csc (vals[v->a]);
    case TANGENT_OP_COT: return tangent_interval_cot (vals[v->a]);
    case TANGENT_OP_ASIN: return tangent_interval_asin (vals[v->a]);
    case TANGENT_OP_ACOS: return tangent_interval_acos (vals[v->a]);
    case TANGENT_OP_ATAN: return tangent_interval_atan (vals[v->a]);
    case TANGENT_OP_ATAN2: return tangent_interval_atan2 (vals[v->a], vals[v->b]);
    case TANGENT_OP_SINH: return tangent_interval_sinh (vals[v->a]);
    case TANGENT_OP_COSH: return tangent_interval_cosh (vals[v->a]);
    case TANGENT_OP_TANH: return tangent_interval_tanh (vals[v->a]);
    case TANGENT_OP_MIN: return tangent_interval_min (vals[v->a], vals[v->b]);
    case TANGENT_OP_MAX: return tangent_interval_max (vals[v->a], vals[v->b]);

    case TANGENT_OP_LT:
    case TANGENT_OP_EQ:
      return compare ((TangentOpcode) v->op, vals[v->a], vals[v->b]);
    case TANGENT_OP_SELECT:
      return select_ (vals[v->a], vals[v->b], vals[v->c]);

    case TANGENT_N_OPCODES:
    default:
      break;
    }

  g_assert_not_reached ();
  return tangent_interval_entire (0);
}

gboolean
tangent_interval_eval (const TangentProgram  *prog,
                       const TangentInterval *params,
                       const TangentInterval *box,
                       TangentInterval       *outs)
{
  TangentInterval stack_vals[256];
  g_autofree TangentInterval *heap_vals = NULL;
  TangentInterval *vals = stack_vals;
  TangentInterval whole[TANGENT_N_VARIABLES];
  gboolean defined = TRUE;

  g_return_val_if_fail (prog != NULL, FALSE);
  g_return_val_if_fail (params != NULL || prog->n_params == 0, FALSE);
  g_return_val_if_fail (outs != NULL, FALSE);

  if (box == NULL)
    {
      for (guint i = 0; i < TANGENT_N_VARIABLES; i++)
        whole[i] = tangent_interval_entire (TANGENT_INTERVAL_ALL_FLAGS);
      box = whole;
    }

  if (prog->n_values > G_N_ELEMENTS (stack_vals))
    vals = heap_vals = g_new (TangentInterval, prog->n_values);

  for (guint id = 0; id < prog->n_values; id++)
    vals[id] = eval_value (&prog->values[id], vals, params, box);

  for (guint k = 0; k < prog->n_outputs; k++)
    {
      outs[k] = vals[prog->outputs[k]];
      if (!(outs[k].flags & TANGENT_INTERVAL_DEFINED))
        defined = FALSE;
    }

  return defined;
}
