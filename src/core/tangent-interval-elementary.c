/* tangent-interval-elementary.c: enclosures of the elementary functions
 * and of powers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Endpoints are computed with glibc's libm in round-to-nearest, then moved
 * outward by the function's known maximum error. glibc's functions are not
 * correctly rounded; the GNU C Library manual, section "Known Maximum
 * Errors in Math Functions" (x86_64 column; generated from
 * sysdeps/x86_64/fpu/libm-test-ulps), lists for double: acos 1, asin 1,
 * atan 1, atan2 0, cbrt 4, cos 1, cosh 2, exp 1, log 1, log10 2, log2 2,
 * pow 1, sin 1, sinh 2, tan 0, tanh 2 ulp. Those are the largest errors
 * glibc's test suite has seen, not proofs, so each is taken as at least 1,
 * plus 1, and the step is 2 ulps of the computed value (an ulp of the
 * correctly rounded result may be twice the computed value's, across a
 * power of 2), plus one more nextafter step. sqrt is correctly rounded
 * (IEEE 754) and gets the exact directed treatment instead.
 *
 * The widening also covers the block VM's own values (SLEEF's 1-ulp
 * kernels): an enclosure contains what tangent_program_eval1 computes for
 * the same point, not only the true value.
 *
 * Monotone functions are evaluated at the ends of the box; sin, cos and
 * their relatives locate the multiples of π/2 inside the box first.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-interval"

#include <float.h>
#include <math.h>

#include "tangent-interval.h"

/* Known maximum errors in ulps (see above), before the safety margin. */
enum
{
  ERR_ACOS  = 1,
  ERR_ASIN  = 1,
  ERR_ATAN  = 1,
  ERR_ATAN2 = 1,   /* listed as 0 */
  ERR_CBRT  = 4,
  ERR_COS   = 1,
  ERR_COSH  = 2,
  ERR_EXP   = 1,
  ERR_LOG   = 1,
  ERR_LOG10 = 2,
  ERR_LOG2  = 2,
  ERR_POW   = 1,
  ERR_SIN   = 1,
  ERR_SINH  = 2,
  ERR_TAN   = 1,   /* listed as 0 */
  ERR_TANH  = 2,
};

#define NOT_CONTINUOUS (TANGENT_INTERVAL_CONTINUOUS | TANGENT_INTERVAL_SMOOTH)

/* Bounds of π and π/2: G_PI is the double just below π. */
#define PI_HI   0x1.921fb54442d19p+1
#define PI_2_HI 0x1.921fb54442d19p+0
#define TWO_OVER_PI 0x1.45f306dc9c883p-1

static inline TangentInterval
make (double lo,
      double hi,
      guint  flags)
{
  TangentInterval r = { lo, hi, tangent_interval_nest_flags (flags) };

  if (!(lo <= hi))
    return tangent_interval_empty ();
  return r;
}

/* The spacing of doubles in g's binade; the smallest subnormal near 0. */
static inline double
ulp_of (double g)
{
  if (fabs (g) < DBL_MIN)
    return DBL_TRUE_MIN;
  return ldexp (1.0, ilogb (g) - 52);
}

/* A lower bound of a true value that the libm result g is within err ulps
 * of. An overflowed g (∞ for a finite true value) gives G_MAXDOUBLE's
 * neighbourhood; a NaN gives no information. */
static double
widen_down (double g,
            guint  err)
{
  if (isnan (g))
    return -INFINITY;
  if (g == -INFINITY)
    return g;
  if (g == INFINITY)
    g = G_MAXDOUBLE;
  return nextafter (g - 2.0 * (err + 1) * ulp_of (g), -INFINITY);
}

static double
widen_up (double g,
          guint  err)
{
  return -widen_down (-g, err);
}

/* Encloses f(t) for one double t. f(0) and f(1) that come out as 0 or 1
 * are exact for every function this file passes (exp 0, cos 0, cosh 0,
 * ln 1, acos 1, sin 0, …), so they are kept without widening. */
static inline void
enclose_at (double (*f) (double),
            double  t,
            guint   err,
            double *lo,
            double *hi)
{
  double g = f (t);

  if ((t == 0 || t == 1) && (g == 0 || g == 1))
    {
      *lo = *hi = g;
      return;
    }
  *lo = widen_down (g, err);
  *hi = widen_up (g, err);
}

/* An increasing f over [a, b] within its domain, clamped to its range. */
static TangentInterval
increasing (double (*f) (double),
            guint   err,
            double  a,
            double  b,
            double  range_lo,
            double  range_hi,
            guint   flags)
{
  double lo, hi, unused;

  enclose_at (f, a, err, &lo, &unused);
  enclose_at (f, b, err, &unused, &hi);
  return make (CLAMP (lo, range_lo, range_hi), CLAMP (hi, range_lo, range_hi), flags);
}

static TangentInterval
decreasing (double (*f) (double),
            guint   err,
            double  a,
            double  b,
            double  range_lo,
            double  range_hi,
            guint   flags)
{
  double lo, hi, unused;

  enclose_at (f, b, err, &lo, &unused);
  enclose_at (f, a, err, &unused, &hi);
  return make (CLAMP (lo, range_lo, range_hi), CLAMP (hi, range_lo, range_hi), flags);
}

/* sqrt is correctly rounded: the sign of the exact residual r² - t says
 * on which side of √t the result lies, so [0, 4] gives exactly [0, 2]. Not
 * differentiable at 0 (infinite slope); undefined below 0, where the box
 * is clipped. */
TangentInterval
tangent_interval_sqrt (TangentInterval x)
{
  double t, r, e, lo, hi;
  guint flags = x.flags;

  if (tangent_interval_is_empty (x) || x.hi < 0)
    return tangent_interval_empty ();
  if (x.lo < 0)
    flags = 0;
  if (x.lo <= 0)
    flags &= ~TANGENT_INTERVAL_SMOOTH;

  t = MAX (x.lo, 0);
  r = sqrt (t);
  e = t < 0x1p-900 ? 1 : fma (r, r, -t);
  lo = e > 0 ? nextafter (r, 0) : r;
  lo = t == 0 ? 0 : lo;

  t = x.hi;
  r = sqrt (t);
  e = t < 0x1p-900 ? -1 : fma (r, r, -t);
  hi = isinf (t) ? INFINITY : (e < 0 ? nextafter (r, INFINITY) : r);
  hi = t == 0 ? 0 : hi;

  return make (lo, hi, flags);
}

/* cbrt is defined everywhere, with an infinite slope at 0. */
TangentInterval
tangent_interval_cbrt (TangentInterval x)
{
  guint flags = x.flags;

  if (tangent_interval_is_empty (x))
    return x;
  if (x.lo <= 0 && 0 <= x.hi)
    flags &= ~TANGENT_INTERVAL_SMOOTH;
  return increasing (cbrt, ERR_CBRT, x.lo, x.hi, -INFINITY, INFINITY, flags);
}

TangentInterval
tangent_interval_exp (TangentInterval x)
{
  if (tangent_interval_is_empty (x))
    return x;
  return increasing (exp, ERR_EXP, x.lo, x.hi, 0, INFINITY, x.flags);
}

/* The logarithms are defined on (0, ∞): a box reaching 0 or below is
 * clipped, loses DEFINED, and its image reaches -∞. */
static TangentInterval
logarithm (double (*f) (double),
           guint           err,
           TangentInterval x)
{
  guint flags = x.flags;

  if (tangent_interval_is_empty (x) || x.hi <= 0)
    return tangent_interval_empty ();
  if (x.lo <= 0)
    flags = 0;
  return increasing (f, err, MAX (x.lo, 0), x.hi, -INFINITY, INFINITY, flags);
}

TangentInterval
tangent_interval_ln (TangentInterval x)
{
  return logarithm (log, ERR_LOG, x);
}

TangentInterval
tangent_interval_log10 (TangentInterval x)
{
  return logarithm (log10, ERR_LOG10, x);
}

TangentInterval
tangent_interval_log2 (TangentInterval x)
{
  return logarithm (log2, ERR_LOG2, x);
}

/* Which multiples kπ/2 may lie in [lo, hi], as a mask of k mod 4; all
 * four when unsure. t = x·(2/π) is computed in double with a relative
 * error below 2^-52; a margin of 2^-49 |t| around each end makes "no k in
 * [tl - m, th + m]" a proof that no kπ/2 is in the box. A spurious k only
 * widens the result. Wide boxes (three or more k), huge ends and infinite
 * ends give all four. */
static guint
quarter_points (double lo,
                double hi)
{
  double tl = lo * TWO_OVER_PI, th = hi * TWO_OVER_PI, m, klo, khi;
  guint mask = 0;

  if (!isfinite (tl) || !isfinite (th) || fabs (tl) > 0x1p45 || fabs (th) > 0x1p45)
    return 0xf;
  m = (fabs (tl) + fabs (th)) * 0x1p-49;
  klo = ceil (tl - m);
  khi = floor (th + m);
  if (khi - klo >= 3)
    return 0xf;
  for (double k = klo; k <= khi; k++)
    mask |= 1u << (int) (k - 4 * floor (k / 4));
  return mask;
}

#define Q0 (1u << 0)   /* 2kπ: cos = 1; poles of csc, cot */
#define Q1 (1u << 1)   /* π/2 + 2kπ: sin = 1; poles of tan, sec */
#define Q2 (1u << 2)   /* π + 2kπ: cos = -1; poles of csc, cot */
#define Q3 (1u << 3)   /* 3π/2 + 2kπ: sin = -1; poles of tan, sec */

/* sin or cos: the ends, and ±1 where an extremum may be inside. */
static TangentInterval
sin_cos (TangentInterval x,
         gboolean        is_cos)
{
  double (*f) (double) = is_cos ? cos : sin;
  guint err = is_cos ? ERR_COS : ERR_SIN;
  guint mask, top = is_cos ? Q0 : Q1, bottom = is_cos ? Q2 : Q3;
  double a_lo, a_hi, b_lo, b_hi, lo, hi;

  if (tangent_interval_is_empty (x))
    return x;
  if (x.lo == x.hi)
    {
      enclose_at (f, x.lo, err, &lo, &hi);
      return make (MAX (lo, -1), MIN (hi, 1), x.flags);
    }
  mask = quarter_points (x.lo, x.hi);
  if (mask == 0xf)
    return make (-1, 1, x.flags);

  enclose_at (f, x.lo, err, &a_lo, &a_hi);
  enclose_at (f, x.hi, err, &b_lo, &b_hi);
  lo = (mask & bottom) ? -1 : MAX (MIN (a_lo, b_lo), -1);
  hi = (mask & top) ? 1 : MIN (MAX (a_hi, b_hi), 1);
  return make (lo, hi, x.flags);
}

TangentInterval
tangent_interval_sin (TangentInterval x)
{
  return sin_cos (x, FALSE);
}

TangentInterval
tangent_interval_cos (TangentInterval x)
{
  return sin_cos (x, TRUE);
}

/* tan is increasing between its poles π/2 + kπ; a box that may contain
 * one has the whole line as image and is not DEFINED. A single double is
 * never a pole. */
TangentInterval
tangent_interval_tan (TangentInterval x)
{
  if (tangent_interval_is_empty (x))
    return x;
  if (x.lo != x.hi && (quarter_points (x.lo, x.hi) & (Q1 | Q3)))
    return tangent_interval_entire (0);
  return increasing (tan, ERR_TAN, x.lo, x.hi, -INFINITY, INFINITY, x.flags);
}

/* cot(t) = 1/tan(t), enclosed through the interval reciprocal. */
static void
cot_at (double  t,
        double *lo,
        double *hi)
{
  TangentInterval r;
  double a, b;

  enclose_at (tan, t, ERR_TAN, &a, &b);
  r = tangent_interval_recip (tangent_interval_new (a, b));
  *lo = r.lo;
  *hi = r.hi;
}

/* cot decreases between its poles kπ; 0 is the only double that is one,
 * and a box of that single point has no point in the domain. */
TangentInterval
tangent_interval_cot (TangentInterval x)
{
  double lo, hi, unused;

  if (tangent_interval_is_empty (x) || (x.lo == 0 && x.hi == 0))
    return tangent_interval_empty ();
  if (x.lo != x.hi && (quarter_points (x.lo, x.hi) & (Q0 | Q2)))
    return tangent_interval_entire (0);
  cot_at (x.hi, &lo, &unused);
  cot_at (x.lo, &unused, &hi);
  return make (lo, hi, x.flags);
}

/* sec = 1/cos and csc = 1/sin: with no pole in the box, the enclosure of
 * cos (or sin) keeps one sign and 1/t is monotone on it, so the
 * reciprocal of the enclosure is an enclosure. */
static TangentInterval
reciprocal_trig (TangentInterval x,
                 gboolean        is_sec)
{
  TangentInterval r;
  guint poles = is_sec ? (Q1 | Q3) : (Q0 | Q2);

  if (tangent_interval_is_empty (x))
    return x;
  if (!is_sec && x.lo == 0 && x.hi == 0)
    return tangent_interval_empty ();
  if ((x.lo != x.hi || x.lo == 0) && (quarter_points (x.lo, x.hi) & poles))
    return tangent_interval_entire (0);
  r = tangent_interval_recip (sin_cos (x, is_sec));
  r.flags = tangent_interval_is_empty (r) ? 0 : tangent_interval_nest_flags (x.flags);
  return r;
}

TangentInterval
tangent_interval_sec (TangentInterval x)
{
  return reciprocal_trig (x, TRUE);
}

TangentInterval
tangent_interval_csc (TangentInterval x)
{
  return reciprocal_trig (x, FALSE);
}

/* asin and acos: defined on [-1, 1], with infinite slopes at ±1. */
static TangentInterval
arc_sin_cos (TangentInterval x,
             gboolean        is_acos)
{
  guint flags = x.flags;
  double a, b;

  if (tangent_interval_is_empty (x) || x.hi < -1 || x.lo > 1)
    return tangent_interval_empty ();
  if (x.lo < -1 || x.hi > 1)
    flags = 0;
  if (x.lo <= -1 || x.hi >= 1)
    flags &= ~TANGENT_INTERVAL_SMOOTH;
  a = MAX (x.lo, -1);
  b = MIN (x.hi, 1);
  if (is_acos)
    return decreasing (acos, ERR_ACOS, a, b, 0, PI_HI, flags);
  return increasing (asin, ERR_ASIN, a, b, -PI_2_HI, PI_2_HI, flags);
}

TangentInterval
tangent_interval_asin (TangentInterval x)
{
  return arc_sin_cos (x, FALSE);
}

TangentInterval
tangent_interval_acos (TangentInterval x)
{
  return arc_sin_cos (x, TRUE);
}

TangentInterval
tangent_interval_atan (TangentInterval x)
{
  if (tangent_interval_is_empty (x))
    return x;
  return increasing (atan, ERR_ATAN, x.lo, x.hi, -PI_2_HI, PI_2_HI, x.flags);
}

static void
atan2_at (double  y,
          double  x,
          double *lo,
          double *hi)
{
  double g;

  /* On the positive x axis, and its limit at x = ∞, the angle is 0. */
  if ((y == 0 && x > 0) || (x == INFINITY && isfinite (y)))
    {
      *lo = *hi = 0;
      return;
    }
  g = atan2 (y, x);
  *lo = widen_down (g, ERR_ATAN2);
  *hi = widen_up (g, ERR_ATAN2);
}

/* atan2(y, x), the angle in (-π, π]. At the origin it is undefined (IEEE
 * 1788; the limit does not exist). Across the negative x axis it jumps
 * from π to -π: a box meeting that cut gets [-π, π] and loses CONTINUOUS
 * (a touching box too: the signed zeros give both -π and π there).
 * Elsewhere the angle over a box (convex, away from the origin and the
 * cut) is extreme at corners, including limits at infinite corners. */
TangentInterval
tangent_interval_atan2 (TangentInterval y,
                        TangentInterval x)
{
  double lo = INFINITY, hi = -INFINITY;
  guint flags;

  if (tangent_interval_is_empty (x) || tangent_interval_is_empty (y))
    return tangent_interval_empty ();
  flags = x.flags & y.flags;

  if (y.lo <= 0 && 0 <= y.hi && x.lo <= 0 && 0 <= x.hi)
    return make (-PI_HI, PI_HI, 0);
  if (y.lo <= 0 && 0 <= y.hi && x.lo < 0)
    return make (-PI_HI, PI_HI, flags & ~NOT_CONTINUOUS);

  for (guint i = 0; i < 4; i++)
    {
      double a, b;

      atan2_at (i & 1 ? y.hi : y.lo, i & 2 ? x.hi : x.lo, &a, &b);
      lo = MIN (lo, a);
      hi = MAX (hi, b);
    }
  return make (MAX (lo, -PI_HI), MIN (hi, PI_HI), flags);
}

TangentInterval
tangent_interval_sinh (TangentInterval x)
{
  if (tangent_interval_is_empty (x))
    return x;
  return increasing (sinh, ERR_SINH, x.lo, x.hi, -INFINITY, INFINITY, x.flags);
}

/* cosh is even, with its minimum 1 at 0. */
TangentInterval
tangent_interval_cosh (TangentInterval x)
{
  double m, M;

  if (tangent_interval_is_empty (x))
    return x;
  M = MAX (fabs (x.lo), fabs (x.hi));
  m = (x.lo <= 0 && 0 <= x.hi) ? 0 : MIN (fabs (x.lo), fabs (x.hi));
  return increasing (cosh, ERR_COSH, m, M, 1, INFINITY, x.flags);
}

TangentInterval
tangent_interval_tanh (TangentInterval x)
{
  if (tangent_interval_is_empty (x))
    return x;
  return increasing (tanh, ERR_TANH, x.lo, x.hi, -1, 1, x.flags);
}

/* ---- Powers ---------------------------------------------------------- */

/* Encloses t^y for t >= 0 (either may be infinite, as a limit): exact in
 * the cases pow itself defines exactly (0^0 = 1, 1^y, t^1, 0^y, ∞^y),
 * directed products for t^2 and t^-1, glibc's pow otherwise. A limit of
 * +∞ (0^-1) comes back as [∞, ∞], for the caller's hull. */
static void
pow_at (double  t,
        double  y,
        double *lo,
        double *hi)
{
  double g;

  if (y == 0 || t == 1)
    g = 1;
  else if (t == 0)
    g = y > 0 ? 0 : INFINITY;
  else if (isinf (t))
    g = y > 0 ? INFINITY : 0;
  else if (isinf (y))
    g = (t > 1) == (y > 0) ? INFINITY : 0;
  else if (y == 1)
    g = t;
  else if (y == 2)
    {
      *lo = tangent_interval_mul_down (t, t);
      *hi = tangent_interval_mul_up (t, t);
      return;
    }
  else if (y == -1)
    {
      *lo = tangent_interval_div_down (1, t);
      *hi = tangent_interval_div_up (1, t);
      return;
    }
  else
    {
      g = pow (t, y);
      *lo = MAX (widen_down (g, ERR_POW), 0);
      *hi = widen_up (g, ERR_POW);
      return;
    }

  *lo = *hi = g;
}

/* Encloses t^(1/q) for t >= 0, q odd > 1. q = 3 is cbrt. Otherwise pow
 * takes the exponent e = fl(1/q), off by d <= ulp(e)/2, and
 * t^(1/q) = t^e exp((1/q - e) ln t): with |ln t| <= L = (|ilogb t| + 1)·0.7
 * the factor is within [1 - 2dL, 1 + 2dL], which the result is widened by
 * (a relative 1e-14 at most, for t near the ends of the double range). */
static void
root_at (double  t,
         gint64  q,
         double *lo,
         double *hi)
{
  double e, g, eps, L;

  if (t == 0 || t == 1 || isinf (t))
    {
      *lo = *hi = t;
      return;
    }
  if (q == 3)
    {
      g = cbrt (t);
      *lo = MAX (widen_down (g, ERR_CBRT), 0);
      *hi = widen_up (g, ERR_CBRT);
      return;
    }

  e = 1.0 / (double) q;
  L = (fabs ((double) ilogb (t)) + 1) * 0.7;
  eps = 2 * ulp_of (e) * L * 1.01;
  g = pow (t, e);
  *lo = MAX (tangent_interval_mul_down (widen_down (g, ERR_POW), nextafter (1 - eps, 0)), 0);
  *hi = tangent_interval_mul_up (widen_up (g, ERR_POW), nextafter (1 + eps, INFINITY));
}

/* Encloses t^(p/q) for t >= 0: the q-th root, then the integer power p,
 * which is monotone in the root, so its ends enclose. */
static void
rational_at (double  t,
             double  p,
             gint64  q,
             double *lo,
             double *hi)
{
  double rl, rh, a, b, c, d;

  if (q == 1)
    {
      pow_at (t, p, lo, hi);
      return;
    }
  root_at (t, q, &rl, &rh);
  pow_at (rl, p, &a, &b);
  pow_at (rh, p, &c, &d);
  *lo = MIN (a, c);
  *hi = MAX (b, d);
}

/* The odd extension sign(v)|v|^(p/q): lower and upper bounds at v. */
static double
odd_down (double v,
          double p,
          gint64 q)
{
  double lo, hi;

  if (v < 0)
    {
      rational_at (-v, p, q, &lo, &hi);
      return -hi;
    }
  rational_at (v, p, q, &lo, &hi);
  return lo;
}

static double
odd_up (double v,
        double p,
        gint64 q)
{
  return -odd_down (-v, p, q);
}

/* The real power x^(p/q), p an integer (as a double), q odd >= 1, p/q in
 * lowest terms: even p gives an even function |x|^(p/q), odd p an odd one
 * (LANGUAGE.md: the real root of a negative base). Monotone on each side
 * of 0, so the ends (and 0) bound it. At 0: p < 0 is a pole (not
 * DEFINED); p > 0 with q > 1 is continuous but not smooth (x^(1/3),
 * x^(2/3), x^(4/3) all lose some derivative there). */
static TangentInterval
power (TangentInterval x,
       double          p,
       gint64          q)
{
  gboolean has_zero, odd;
  guint flags;
  double lo, hi;

  if (tangent_interval_is_empty (x))
    return x;
  if (p == 0)
    return make (1, 1, x.flags);

  has_zero = x.lo <= 0 && 0 <= x.hi;
  odd = fmod (p, 2) != 0;
  flags = x.flags;
  if (has_zero && p < 0)
    flags = 0;
  if (has_zero && q > 1)
    flags &= ~TANGENT_INTERVAL_SMOOTH;
  if (p < 0 && x.lo == 0 && x.hi == 0)
    return tangent_interval_empty ();

  if (!odd)
    {
      double m = has_zero ? 0 : MIN (fabs (x.lo), fabs (x.hi));
      double M = MAX (fabs (x.lo), fabs (x.hi));
      double a, b, c, d;

      rational_at (m, p, q, &a, &b);
      rational_at (M, p, q, &c, &d);
      if (p > 0)
        return make (a, d, flags);
      return make (c, b, flags);
    }

  if (p > 0)
    return make (odd_down (x.lo, p, q), odd_up (x.hi, p, q), flags);

  if (x.lo < 0 && 0 < x.hi)
    return tangent_interval_entire (0);
  lo = x.hi == 0 ? -INFINITY : odd_down (x.hi, p, q);
  hi = x.lo == 0 ? INFINITY : odd_up (x.lo, p, q);
  return make (lo, hi, flags);
}

TangentInterval
tangent_interval_powi (TangentInterval x,
                       double          n)
{
  g_return_val_if_fail (isfinite (n) && n == floor (n), tangent_interval_entire (0));

  return power (x, n, 1);
}

TangentInterval
tangent_interval_root (TangentInterval x,
                       gint64          p,
                       gint64          q)
{
  gint64 g;

  g_return_val_if_fail (q > 0 && q % 2 == 1, tangent_interval_entire (0));

  g = tangent_gcd64 (p, q);
  if (g > 1)
    {
      p /= g;
      q /= g;
    }
  return power (x, (double) p, q);
}

/* x^y with an interval exponent. A point integer exponent is powi. Else,
 * over the non-negative bases, t^y is monotone in t for each y and in y
 * for each t, so its extremes are at the four corners (with pow's limits
 * at 0 and ∞). A negative base is in the domain only at integer
 * exponents: the box loses DEFINED, and if y holds an integer the image
 * also gets ±max |x|^y. At a base of 0: a negative exponent is a pole; an
 * exponent range holding 0 is discontinuous (0^0 = 1, 0^y = 0 for y > 0);
 * and a non-integer or varying exponent is never smooth there. */
TangentInterval
tangent_interval_pow (TangentInterval x,
                      TangentInterval y)
{
  TangentInterval r = tangent_interval_empty ();
  guint flags;

  if (tangent_interval_is_empty (x) || tangent_interval_is_empty (y))
    return tangent_interval_empty ();

  if (y.lo == y.hi && isfinite (y.lo) && y.lo == floor (y.lo))
    {
      r = power (x, y.lo, 1);
      r.flags = tangent_interval_nest_flags (r.flags & y.flags);
      return r;
    }

  flags = x.flags & y.flags;

  if (x.hi >= 0)
    {
      double tl = MAX (x.lo, 0), lo = INFINITY, hi = -INFINITY;

      for (guint i = 0; i < 4; i++)
        {
          double a, b;

          pow_at (i & 1 ? x.hi : tl, i & 2 ? y.hi : y.lo, &a, &b);
          lo = MIN (lo, a);
          hi = MAX (hi, b);
        }
      r = make (lo, hi, flags);
    }

  if (x.lo < 0)
    {
      flags = 0;
      if (ceil (y.lo) <= floor (y.hi))
        {
          double nl = x.hi < 0 ? -x.hi : 0, M = 0;

          for (guint i = 0; i < 4; i++)
            {
              double a, b;

              pow_at (i & 1 ? -x.lo : nl, i & 2 ? y.hi : y.lo, &a, &b);
              M = MAX (M, b);
            }
          r = tangent_interval_hull (r, make (-M, M, 0));
        }
    }

  if (x.lo <= 0 && 0 <= x.hi)
    {
      if (y.lo < 0)
        flags = 0;
      else if (y.lo == 0)
        flags &= ~NOT_CONTINUOUS;
      else
        flags &= ~TANGENT_INTERVAL_SMOOTH;
    }

  if (tangent_interval_is_empty (r))
    return r;
  r.flags = tangent_interval_nest_flags (flags);
  return r;
}
