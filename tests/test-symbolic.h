/* test-symbolic.h: helpers shared by the symbolic-layer tests: parsing a
 * formula, a tiny recursive tree evaluator on tangent_math_* (the meaning
 * the folding must match), and a Richardson-extrapolated central
 * difference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>
#include <string.h>

#include "tangent-math.h"
#include "tangent-parser.h"

/* Parameters in test formulas: a = 1.5, b = -0.75, c = 2. */
static inline double
sym_param (const char *name)
{
  if (strcmp (name, "a") == 0)
    return 1.5;
  if (strcmp (name, "b") == 0)
    return -0.75;
  if (strcmp (name, "c") == 0)
    return 2;
  return NAN;
}

/* The run-time meaning of a tree, one point at a time: sums and products
 * left to right, odd-root powers by p/q. */
static inline double
sym_eval (const TangentNode *n,
          const double      *v)
{
  double acc;

  switch (n->kind)
    {
    case TANGENT_NODE_NUMBER:
      return n->number;
    case TANGENT_NODE_CONSTANT:
      return n->constant == TANGENT_CONSTANT_PI ? G_PI : G_E;
    case TANGENT_NODE_VARIABLE:
      return v[n->variable];
    case TANGENT_NODE_PARAMETER:
      return sym_param (n->parameter.name);
    case TANGENT_NODE_NEG:
      return -sym_eval (n->arg, v);
    case TANGENT_NODE_SUM:
      acc = sym_eval (n->sum.terms[0], v);
      for (guint i = 1; i < n->sum.n; i++)
        {
          double t = sym_eval (n->sum.terms[i], v);

          acc = n->sum.negate[i] ? acc - t : acc + t;
        }
      return acc;
    case TANGENT_NODE_PRODUCT:
      acc = sym_eval (n->product.factors[0], v);
      for (guint i = 1; i < n->product.n; i++)
        {
          double f = sym_eval (n->product.factors[i], v);

          acc = n->product.divide[i] ? acc / f : acc * f;
        }
      return acc;
    case TANGENT_NODE_POW:
      if (n->pow.is_odd_root)
        return tangent_math_odd_root_pow (sym_eval (n->pow.base, v), n->pow.p, n->pow.q);
      return tangent_math_pow (sym_eval (n->pow.base, v), sym_eval (n->pow.exponent, v));
    case TANGENT_NODE_CALL:
      return tangent_math_call (n->call.fn, sym_eval (n->call.args[0], v),
                                n->call.n > 1 ? sym_eval (n->call.args[1], v) : 0);
    case TANGENT_NODE_USER_CALL:
    case TANGENT_NODE_TUPLE:
    default:
      return NAN;
    }
}

static inline double
sym_eval_x (const TangentNode *n,
            double             x)
{
  double v[3] = { x, 0, 0 };

  return sym_eval (n, v);
}

static inline TangentNode *
sym_parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  guint start = 0, end = 0;
  TangentNode *node;

  node = tangent_parse_expression (text, strlen (text), NULL, &start, &end, &error);
  if (node == NULL)
    g_error ("cannot parse \"%s\": %s", text, error->message);
  return node;
}

/* df/dv at @at by central differences with step h, h/2, h/4, h/8
 * combined by Richardson extrapolation (error O(h^8)). */
static inline double
sym_numeric_derivative (const TangentNode *f,
                        const double      *at,
                        guint              var,
                        double             h)
{
  double d[4];

  for (guint k = 0; k < 4; k++)
    {
      double p[3] = { at[0], at[1], at[2] }, m[3] = { at[0], at[1], at[2] };
      double step = h / (1 << k);

      p[var] += step;
      m[var] -= step;
      d[k] = (sym_eval (f, p) - sym_eval (f, m)) / (2 * step);
    }
  for (guint level = 1; level < 4; level++)
    {
      double factor = pow (4, level);

      for (guint k = 0; k + level < 4; k++)
        d[k] = (factor * d[k + 1] - d[k]) / (factor - 1);
    }
  return d[0];
}

/* Same value, or both NaN; within a relative tolerance. */
static inline gboolean
sym_close (double a,
           double b,
           double tol)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  if (isinf (a) || isinf (b))
    return a == b;
  return fabs (a - b) <= tol * MAX (1.0, MAX (fabs (a), fabs (b)));
}
