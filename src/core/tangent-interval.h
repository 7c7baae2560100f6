/* tangent-interval.h: interval arithmetic with outward rounding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>

#include "tangent-ast.h"
#include "tangent-compile.h"

G_BEGIN_DECLS

/* Decorations, after IEEE 1788's def/dac: what is known about the
 * function that produced an interval, over the whole input box. They nest:
 * SMOOTH implies CONTINUOUS implies DEFINED, and every operation keeps
 * them nested. A flag that is set is a guarantee; a cleared flag only
 * means "not proved" (the checks are conservative, e.g. a kink on the
 * edge of the box clears SMOOTH).
 *
 *   DEFINED     every point of the box is in the function's domain, as
 *               real numbers (1/0, ln 0, sqrt(-1), tan(π/2) are not).
 *   CONTINUOUS  DEFINED, and the function is continuous on the box.
 *   SMOOTH      CONTINUOUS, and infinitely differentiable on an open set
 *               containing the box: no kink, jump, pole or infinite slope
 *               anywhere in the closed box (abs, sqrt, cbrt, x^(1/3) at 0,
 *               floor at an integer, min where the arguments meet).
 *
 * An operation ANDs the flags of its inputs, then clears what its own
 * conditions rule out. Clearing DEFINED clears all three; clearing
 * CONTINUOUS clears SMOOTH. An empty interval carries no flags. */
typedef enum
{
  TANGENT_INTERVAL_DEFINED    = 1 << 0,
  TANGENT_INTERVAL_CONTINUOUS = 1 << 1,
  TANGENT_INTERVAL_SMOOTH     = 1 << 2,
} TangentIntervalFlags;

#define TANGENT_INTERVAL_ALL_FLAGS \
  (TANGENT_INTERVAL_DEFINED | TANGENT_INTERVAL_CONTINUOUS | TANGENT_INTERVAL_SMOOTH)

/* A closed set of reals [lo, hi], lo <= hi; ±∞ endpoints mean unbounded
 * (∞ itself is never a member). Empty is lo = +∞, hi = -∞. Every operation
 * returns an enclosure of the exact real image of its input box: the
 * true value at any point of the box where the function is defined lies
 * in [lo, hi]. All functions assume the default rounding mode (to
 * nearest); none changes it. */
typedef struct
{
  double lo;
  double hi;
  guint  flags;   /* TangentIntervalFlags */
} TangentInterval;

/* Constructors and predicates. */

static inline TangentInterval
tangent_interval_empty (void)
{
  TangentInterval r = { INFINITY, -INFINITY, 0 };
  return r;
}

static inline TangentInterval
tangent_interval_entire (guint flags)
{
  TangentInterval r = { -INFINITY, INFINITY, flags };
  return r;
}

/* [lo, hi] with every flag set; empty if lo > hi, if either is NaN or if
 * the set of reals it names is empty ([∞, ∞]). */
static inline TangentInterval
tangent_interval_new (double lo,
                      double hi)
{
  TangentInterval r = { lo, hi, TANGENT_INTERVAL_ALL_FLAGS };

  if (!(lo <= hi) || lo == INFINITY || hi == -INFINITY)
    return tangent_interval_empty ();
  return r;
}

static inline TangentInterval
tangent_interval_point (double x)
{
  return tangent_interval_new (x, x);
}

static inline gboolean
tangent_interval_is_empty (TangentInterval a)
{
  return !(a.lo <= a.hi);
}

static inline gboolean
tangent_interval_is_entire (TangentInterval a)
{
  return a.lo == -INFINITY && a.hi == INFINITY;
}

static inline gboolean
tangent_interval_is_bounded (TangentInterval a)
{
  return !tangent_interval_is_empty (a) && isfinite (a.lo) && isfinite (a.hi);
}

static inline gboolean
tangent_interval_contains (TangentInterval a,
                           double          x)
{
  return a.lo <= x && x <= a.hi;
}

static inline gboolean
tangent_interval_has_flags (TangentInterval a,
                            guint           flags)
{
  return (a.flags & flags) == flags;
}

/* Keeps the flags nested: no SMOOTH without CONTINUOUS, no CONTINUOUS
 * without DEFINED, none on an empty interval. */
static inline guint
tangent_interval_nest_flags (guint flags)
{
  if (!(flags & TANGENT_INTERVAL_DEFINED))
    return 0;
  if (!(flags & TANGENT_INTERVAL_CONTINUOUS))
    return TANGENT_INTERVAL_DEFINED;
  return flags & TANGENT_INTERVAL_ALL_FLAGS;
}

/* Directed rounding without changing the rounding mode. Each takes the
 * round-to-nearest result and moves it one step outward only when it is
 * inexact in that direction: the error term of a sum (TwoSum), of a
 * product (fma), of a quotient (the fma remainder) is exact, and its sign
 * says on which side the true value lies. Where the error term could
 * underflow, the step is taken unconditionally. Overflow to ∞ of finite
 * operands gives G_MAXDOUBLE on the inner side. By convention 0·∞ = 0,
 * since ∞ is only ever the limit of an unbounded end. */

static inline double
tangent_interval_add_down (double a,
                           double b)
{
  double s = a + b, bb, err;

  if (G_UNLIKELY (!isfinite (s)))
    {
      if (isnan (s))
        return -INFINITY;
      return s > 0 && isfinite (a) && isfinite (b) ? G_MAXDOUBLE : s;
    }
  bb = s - a;
  err = (a - (s - bb)) + (b - bb);
  return err < 0 ? nextafter (s, -INFINITY) : s;
}

static inline double
tangent_interval_add_up (double a,
                         double b)
{
  return -tangent_interval_add_down (-a, -b);
}

static inline double
tangent_interval_mul_down (double a,
                           double b)
{
  double p, err;

  if (a == 0 || b == 0)
    return 0;
  p = a * b;
  if (G_UNLIKELY (isinf (p)))
    return p > 0 && isfinite (a) && isfinite (b) ? G_MAXDOUBLE : p;
  if (G_UNLIKELY (fabs (p) < 0x1p-969))
    return nextafter (p, -INFINITY);
  err = fma (a, b, -p);
  return err < 0 ? nextafter (p, -INFINITY) : p;
}

static inline double
tangent_interval_mul_up (double a,
                         double b)
{
  return -tangent_interval_mul_down (-a, b);
}

/* b != 0; ∞/∞ is NaN, for the caller to skip. */
static inline double
tangent_interval_div_down (double a,
                           double b)
{
  double q, r;

  if (a == 0)
    return 0;
  if (G_UNLIKELY (isinf (b)))
    return isinf (a) ? NAN : 0;
  q = a / b;
  if (G_UNLIKELY (isinf (q)))
    return q > 0 && isfinite (a) ? G_MAXDOUBLE : q;
  if (G_UNLIKELY (fabs (q) < 0x1p-969 || fabs (a) < 0x1p-969))
    return nextafter (q, -INFINITY);
  r = fma (-q, b, a);   /* a - q b, exact: the sign of a/b - q is r's times b's */
  return r != 0 && (r < 0) != (b < 0) ? nextafter (q, -INFINITY) : q;
}

static inline double
tangent_interval_div_up (double a,
                         double b)
{
  return -tangent_interval_div_down (-a, b);
}

/* One step outward from a finite c, the cheap way to round the result of
 * one round-to-nearest operation outward: c ∓ max(2^−52 |c|, 2^−1022),
 * itself computed in round to nearest, lies at or beyond c's neighbour
 * (pred(c) for _down), since 2^−52 |c| is at least the spacing of the
 * doubles at c (and exact) for |c| ≥ 2^−970, and 2^−1022 is at least the
 * spacing below (Rump, Zimmermann, Boldo & Melquiond, "Computing
 * predecessor and successor in rounding to nearest", BIT 49, 2009, with a
 * coarser factor). At most an ulp wider than the exact directed rounding,
 * and no case analysis; 2^−1022 is normal, so no subnormal is ever formed
 * on the way. ±∞ and NaN are returned as they are. */
static inline double
tangent_interval_step_down (double c)
{
  double m = fabs (c);

  if (G_UNLIKELY (!(m <= G_MAXDOUBLE)))
    return c;
  return c - (m >= 0x1p-970 ? m * 0x1p-52 : 0x1p-1022);
}

static inline double
tangent_interval_step_up (double c)
{
  return -tangent_interval_step_down (-c);
}

/* Arithmetic. add, sub and neg are inline for interval jets. */

static inline TangentInterval
tangent_interval_neg (TangentInterval a)
{
  TangentInterval r = { -a.hi, -a.lo, a.flags };
  return r;
}

static inline TangentInterval
tangent_interval_add (TangentInterval a,
                      TangentInterval b)
{
  TangentInterval r;

  if (tangent_interval_is_empty (a) || tangent_interval_is_empty (b))
    return tangent_interval_empty ();
  r.lo = tangent_interval_add_down (a.lo, b.lo);
  r.hi = tangent_interval_add_up (a.hi, b.hi);
  r.flags = a.flags & b.flags;
  return r;
}

static inline TangentInterval
tangent_interval_sub (TangentInterval a,
                      TangentInterval b)
{
  return tangent_interval_add (a, tangent_interval_neg (b));
}

TangentInterval tangent_interval_hull  (TangentInterval a,
                                        TangentInterval b);
TangentInterval tangent_interval_mul   (TangentInterval a,
                                        TangentInterval b);
TangentInterval tangent_interval_div   (TangentInterval a,
                                        TangentInterval b);
TangentInterval tangent_interval_recip (TangentInterval a);
TangentInterval tangent_interval_sqr   (TangentInterval a);
TangentInterval tangent_interval_scale (TangentInterval a,
                                        double          k);

/* Powers. powi: integer exponent n (x^0 = 1 everywhere, 0^0 included).
 * root: the real x^(p/q), q odd, p/q reduced (LANGUAGE.md, Values), so a
 * negative base is in the domain. pow: x^y for an interval exponent, with
 * the language's rules: a point integer exponent is powi, otherwise a
 * negative base is outside the domain except at integer exponents. */
TangentInterval tangent_interval_powi  (TangentInterval x,
                                        double          n);
TangentInterval tangent_interval_root  (TangentInterval x,
                                        gint64          p,
                                        gint64          q);
TangentInterval tangent_interval_pow   (TangentInterval x,
                                        TangentInterval y);

/* Piecewise builtins (tangent-interval.c). */
TangentInterval tangent_interval_abs   (TangentInterval x);
TangentInterval tangent_interval_sign  (TangentInterval x);
TangentInterval tangent_interval_floor (TangentInterval x);
TangentInterval tangent_interval_ceil  (TangentInterval x);
TangentInterval tangent_interval_round (TangentInterval x);
TangentInterval tangent_interval_min   (TangentInterval a,
                                        TangentInterval b);
TangentInterval tangent_interval_max   (TangentInterval a,
                                        TangentInterval b);

/* Elementary functions (tangent-interval-elementary.c). */
TangentInterval tangent_interval_sqrt  (TangentInterval x);
TangentInterval tangent_interval_cbrt  (TangentInterval x);
TangentInterval tangent_interval_exp   (TangentInterval x);
TangentInterval tangent_interval_ln    (TangentInterval x);
TangentInterval tangent_interval_log10 (TangentInterval x);
TangentInterval tangent_interval_log2  (TangentInterval x);
TangentInterval tangent_interval_sin   (TangentInterval x);
TangentInterval tangent_interval_cos   (TangentInterval x);
TangentInterval tangent_interval_tan   (TangentInterval x);
TangentInterval tangent_interval_sec   (TangentInterval x);
TangentInterval tangent_interval_csc   (TangentInterval x);
TangentInterval tangent_interval_cot   (TangentInterval x);
TangentInterval tangent_interval_asin  (TangentInterval x);
TangentInterval tangent_interval_acos  (TangentInterval x);
TangentInterval tangent_interval_atan  (TangentInterval x);
TangentInterval tangent_interval_atan2 (TangentInterval y,
                                        TangentInterval x);
TangentInterval tangent_interval_sinh  (TangentInterval x);
TangentInterval tangent_interval_cosh  (TangentInterval x);
TangentInterval tangent_interval_tanh  (TangentInterval x);

/* Any builtin by its id; b is ignored by the unary ones. */
TangentInterval tangent_interval_call  (TangentBuiltin  fn,
                                        TangentInterval a,
                                        TangentInterval b);

/* Evaluates every output of prog over the box of the variables (x, y, z;
 * the ones prog does not use may be any interval; a NULL box is the whole
 * space), with the parameters
 * params (n_params intervals; points for sliders). outs receives one
 * interval per output. Returns TRUE when every output is DEFINED on the
 * whole box. */
gboolean        tangent_interval_eval  (const TangentProgram  *prog,
                                        const TangentInterval *params,
                                        const TangentInterval *box,
                                        TangentInterval       *outs);

G_END_DECLS
