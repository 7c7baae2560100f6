/* tangent-interval.c: interval arithmetic and the piecewise builtins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The four operations round outward through the error-free transforms of
 * tangent-interval.h: the round-to-nearest result, moved one ulp outward
 * only when it is inexact in that direction, so [1,2] + [3,4] is exactly
 * [4,6]. abs, sign, floor, ceil, round, min and max are exact in floating
 * point; what they add is the decoration rules at their kinks and jumps.
 * The elementary functions and powers are in tangent-interval-elementary.c.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-interval"

#include <math.h>

#include "tangent-interval.h"

#define NOT_CONTINUOUS (TANGENT_INTERVAL_CONTINUOUS | TANGENT_INTERVAL_SMOOTH)

static inline TangentInterval
make (double lo,
      double hi,
      guint  flags)
{
  TangentInterval r = { lo, hi, tangent_interval_nest_flags (flags) };

  return r;
}

TangentInterval
tangent_interval_hull (TangentInterval a,
                       TangentInterval b)
{
  if (tangent_interval_is_empty (a))
    return b;
  if (tangent_interval_is_empty (b))
    return a;
  return make (MIN (a.lo, b.lo), MAX (a.hi, b.hi), a.flags & b.flags);
}

/* NaN-skipping minimum and maximum: fmin/fmax drop a NaN operand, which is
 * how an ∞/∞ corner of a quotient is left out. */
static inline double
min4 (double a,
      double b,
      double c,
      double d)
{
  return fmin (fmin (a, b), fmin (c, d));
}

static inline double
max4 (double a,
      double b,
      double c,
      double d)
{
  return fmax (fmax (a, b), fmax (c, d));
}

/* The product is monotone in each factor, so its extremes are among the
 * four corner products; each corner is rounded in its own direction.
 * Eight products instead of Moore's nine-case sign table: simpler, and
 * the 0·∞ = 0 convention of mul_down covers the unbounded cases. */
TangentInterval
tangent_interval_mul (TangentInterval a,
                      TangentInterval b)
{
  double lo, hi;

  if (tangent_interval_is_empty (a) || tangent_interval_is_empty (b))
    return tangent_interval_empty ();

  lo = min4 (tangent_interval_mul_down (a.lo, b.lo), tangent_interval_mul_down (a.lo, b.hi),
             tangent_interval_mul_down (a.hi, b.lo), tangent_interval_mul_down (a.hi, b.hi));
  hi = max4 (tangent_interval_mul_up (a.lo, b.lo), tangent_interval_mul_up (a.lo, b.hi),
             tangent_interval_mul_up (a.hi, b.lo), tangent_interval_mul_up (a.hi, b.hi));

  return make (lo, hi, a.flags & b.flags);
}

/* x·x is not x·y: its lower end is 0 when x straddles 0. The compiler
 * writes x^2 as MUL(x, x), so the evaluator routes that here. */
TangentInterval
tangent_interval_sqr (TangentInterval a)
{
  double m, n;

  if (tangent_interval_is_empty (a))
    return a;
  if (a.lo <= 0 && 0 <= a.hi)
    {
      m = MAX (-a.lo, a.hi);
      return make (0, tangent_interval_mul_up (m, m), a.flags);
    }
  m = MIN (fabs (a.lo), fabs (a.hi));
  n = MAX (fabs (a.lo), fabs (a.hi));
  return make (tangent_interval_mul_down (m, m), tangent_interval_mul_up (n, n), a.flags);
}

TangentInterval
tangent_interval_scale (TangentInterval a,
                        double          k)
{
  TangentInterval p = tangent_interval_point (k);

  if (isnan (k))
    return tangent_interval_empty ();
  return tangent_interval_mul (a, p);
}

/* Division is undefined where the divisor is 0, so a divisor interval
 * containing 0 clears every flag. Its value is then the hull of the
 * extended quotient set (Ratz): one-sided when 0 is an end of the divisor
 * and the dividend keeps one sign, the whole line otherwise; a divisor
 * [0, 0] leaves no point of the domain, so the result is empty. */
TangentInterval
tangent_interval_div (TangentInterval a,
                      TangentInterval b)
{
  double lo, hi;

  if (tangent_interval_is_empty (a) || tangent_interval_is_empty (b))
    return tangent_interval_empty ();

  if (b.lo > 0 || b.hi < 0)
    {
      lo = min4 (tangent_interval_div_down (a.lo, b.lo), tangent_interval_div_down (a.lo, b.hi),
                 tangent_interval_div_down (a.hi, b.lo), tangent_interval_div_down (a.hi, b.hi));
      hi = max4 (tangent_interval_div_up (a.lo, b.lo), tangent_interval_div_up (a.lo, b.hi),
                 tangent_interval_div_up (a.hi, b.lo), tangent_interval_div_up (a.hi, b.hi));
      return make (lo, hi, a.flags & b.flags);
    }

  if (b.lo == 0 && b.hi == 0)
    return tangent_interval_empty ();

  if (a.lo <= 0 && 0 <= a.hi)
    return tangent_interval_entire (0);
  if (b.lo < 0 && 0 < b.hi)
    return tangent_interval_entire (0);

  if (b.lo == 0)   /* b = [0, b.hi]: only the positive part divides */
    {
      if (a.lo > 0)
        return make (tangent_interval_div_down (a.lo, b.hi), INFINITY, 0);
      return make (-INFINITY, tangent_interval_div_up (a.hi, b.hi), 0);
    }

  /* b = [b.lo, 0] */
  if (a.lo > 0)
    return make (-INFINITY, tangent_interval_div_up (a.lo, b.lo), 0);
  return make (tangent_interval_div_down (a.hi, b.lo), INFINITY, 0);
}

TangentInterval
tangent_interval_recip (TangentInterval a)
{
  TangentInterval one = tangent_interval_point (1.0);

  one.flags = a.flags;
  return tangent_interval_div (one, a);
}

/* |x| has a kink at 0: anywhere in the closed box, SMOOTH is cleared. */
TangentInterval
tangent_interval_abs (TangentInterval x)
{
  if (tangent_interval_is_empty (x))
    return x;
  if (x.lo > 0)
    return x;
  if (x.hi < 0)
    return tangent_interval_neg (x);
  return make (0, MAX (-x.lo, x.hi), x.flags & ~TANGENT_INTERVAL_SMOOTH);
}

/* sign jumps at 0. */
TangentInterval
tangent_interval_sign (TangentInterval x)
{
  guint flags;

  if (tangent_interval_is_empty (x))
    return x;
  flags = x.flags;
  if (x.lo <= 0 && 0 <= x.hi)
    flags &= ~NOT_CONTINUOUS;
  return make ((x.lo > 0) - (x.lo < 0), (x.hi > 0) - (x.hi < 0), flags);
}

/* floor jumps at every integer: a jump inside (floor lo != floor hi) or
 * an integer lower end (the jump from the left) clears CONTINUOUS. Above
 * 2^52 every double is an integer, so any box there has a jump. */
TangentInterval
tangent_interval_floor (TangentInterval x)
{
  double a, b;
  guint flags;

  if (tangent_interval_is_empty (x))
    return x;
  a = floor (x.lo);
  b = floor (x.hi);
  flags = x.flags;
  if (a != b || a == x.lo)
    flags &= ~NOT_CONTINUOUS;
  return make (a, b, flags);
}

TangentInterval
tangent_interval_ceil (TangentInterval x)
{
  double a, b;
  guint flags;

  if (tangent_interval_is_empty (x))
    return x;
  a = ceil (x.lo);
  b = ceil (x.hi);
  flags = x.flags;
  if (a != b || b == x.hi)
    flags &= ~NOT_CONTINUOUS;
  return make (a, b, flags);
}

/* Whether x is k + 1/2 for an integer k; x - trunc(x) is exact. */
static gboolean
is_half_integer (double x)
{
  return isfinite (x) && fabs (x - trunc (x)) == 0.5;
}

/* round (halves away from zero) jumps at every k + 1/2. It is monotone,
 * so [round lo, round hi] is exact; a jump point is in the box when the
 * ends round differently or an end is itself a half-integer. */
TangentInterval
tangent_interval_round (TangentInterval x)
{
  double a, b;
  guint flags;

  if (tangent_interval_is_empty (x))
    return x;
  a = round (x.lo);
  b = round (x.hi);
  flags = x.flags;
  if (a != b || is_half_integer (x.lo) || is_half_integer (x.hi))
    flags &= ~NOT_CONTINUOUS;
  return make (a, b, flags);
}

/* min and max are continuous, with a kink where the arguments are equal:
 * if the boxes overlap, some point has a = b and SMOOTH is cleared. NaN is
 * not a real number, so the language's NaN propagation does not arise. */
TangentInterval
tangent_interval_min (TangentInterval a,
                      TangentInterval b)
{
  guint flags;

  if (tangent_interval_is_empty (a) || tangent_interval_is_empty (b))
    return tangent_interval_empty ();
  flags = a.flags & b.flags;
  if (MAX (a.lo, b.lo) <= MIN (a.hi, b.hi))
    flags &= ~TANGENT_INTERVAL_SMOOTH;
  return make (MIN (a.lo, b.lo), MIN (a.hi, b.hi), flags);
}

TangentInterval
tangent_interval_max (TangentInterval a,
                      TangentInterval b)
{
  guint flags;

  if (tangent_interval_is_empty (a) || tangent_interval_is_empty (b))
    return tangent_interval_empty ();
  flags = a.flags & b.flags;
  if (MAX (a.lo, b.lo) <= MIN (a.hi, b.hi))
    flags &= ~TANGENT_INTERVAL_SMOOTH;
  return make (MAX (a.lo, b.lo), MAX (a.hi, b.hi), flags);
}

TangentInterval
tangent_interval_call (TangentBuiltin  fn,
                       TangentInterval a,
                       TangentInterval b)
{
  switch (fn)
    {
    case TANGENT_BUILTIN_ABS: return tangent_interval_abs (a);
    case TANGENT_BUILTIN_SIGN: return tangent_interval_sign (a);
    case TANGENT_BUILTIN_FLOOR: return tangent_interval_floor (a);
    case TANGENT_BUILTIN_CEIL: return tangent_interval_ceil (a);
    case TANGENT_BUILTIN_ROUND: return tangent_interval_round (a);
    case TANGENT_BUILTIN_SQRT: return tangent_interval_sqrt (a);
    case TANGENT_BUILTIN_CBRT: return tangent_interval_cbrt (a);
    case TANGENT_BUILTIN_EXP: return tangent_interval_exp (a);
    case TANGENT_BUILTIN_LN: return tangent_interval_ln (a);
    case TANGENT_BUILTIN_LOG10: return tangent_interval_log10 (a);
    case TANGENT_BUILTIN_LOG2: return tangent_interval_log2 (a);
    case TANGENT_BUILTIN_SIN: return tangent_interval_sin (a);
    case TANGENT_BUILTIN_COS: return tangent_interval_cos (a);
    case TANGENT_BUILTIN_TAN: return tangent_interval_tan (a);
    case TANGENT_BUILTIN_SEC: return tangent_interval_sec (a);
    case TANGENT_BUILTIN_CSC: return tangent_interval_csc (a);
    case TANGENT_BUILTIN_COT: return tangent_interval_cot (a);
    case TANGENT_BUILTIN_ASIN: return tangent_interval_asin (a);
    case TANGENT_BUILTIN_ACOS: return tangent_interval_acos (a);
    case TANGENT_BUILTIN_ATAN: return tangent_interval_atan (a);
    case TANGENT_BUILTIN_ATAN2: return tangent_interval_atan2 (a, b);
    case TANGENT_BUILTIN_SINH: return tangent_interval_sinh (a);
    case TANGENT_BUILTIN_COSH: return tangent_interval_cosh (a);
    case TANGENT_BUILTIN_TANH: return tangent_interval_tanh (a);
    case TANGENT_BUILTIN_MIN: return tangent_interval_min (a, b);
    case TANGENT_BUILTIN_MAX: return tangent_interval_max (a, b);
    case TANGENT_N_BUILTINS:
    default:
      break;
    }

  g_return_val_if_reached (tangent_interval_entire (0));
}
