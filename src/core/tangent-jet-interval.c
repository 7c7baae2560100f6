/* tangent-jet-interval.c: Taylor coefficients enclosed over a box
 * (interval jets)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The recurrences of tangent-jet-template.h run with TangentInterval
 * scalars: the variable is the box [lo, hi] instead of a number, so each
 * computed interval encloses the set { f^(k)(t)/k! : t in the box } of the
 * true coefficients (inclusion isotonicity, Moore, "Interval Analysis",
 * 1966, ch. 3; Moore, Kearfott & Cloud, "Introduction to Interval
 * Analysis", SIAM 2009, §9.4 for jets of ODE right-hand sides). That needs
 * the recurrences to hold at every point of the box, i.e. every operation
 * of the program C^∞ near the image of its arguments: that is exactly the
 * SMOOTH decoration of the constant terms (tangent-interval.h), which the
 * template computes through JET_EVAL0 with the interval builtins and which
 * every operation ANDs into its result. So the output's grade-0 flags
 * certify the whole series; when they do not, a second walk over the
 * program names the first operation that lost SMOOTH, for the message.
 *
 * Differences from the double instance: every rational factor j/k of a
 * recurrence is an enclosure (JET_RATIO), ln 2 and ln 10 are enclosed,
 * integer powers always go through repeated squaring (the recurrence for
 * u^rho divides by u_0, which over a box may contain 0), and there are no
 * series shifts (0/0 and odd roots of 0): those points are not SMOOTH.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-jet"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tangent-interval.h"
#include "tangent-jet.h"
#include "tangent-jet-private.h"
#include "tangent-taylor-bound.h"
#include "tangent-vm-private.h"

/* Non-finite doubles (the template's ±∞ slopes) are "anything". */
static inline TangentInterval
ijet_const (double d)
{
  if (!isfinite (d))
    return tangent_interval_entire (0);
  return tangent_interval_point (d);
}

static inline TangentInterval
ijet_nan (void)
{
  return tangent_interval_entire (0);
}

/* The jets spend their time in products and sums of intervals, so these
 * take the result rounded to nearest and step it outward by e = 2^−52 |c|,
 * or 2^−1022 when that is smaller (|c| < 2^−970), computed in round to
 * nearest too, instead of finding the exact directed rounding (an fma and
 * a nextafter per end). Since e is at least the spacing of the doubles at
 * c (2^−52 |c| is exact above 2^−970, and the spacing below 2^−970 is at
 * most 2^−1022), c − e lies at or below c's predecessor, so fl(c − e) ≤
 * pred(c) ≤ the true value, and likewise upward: the predecessor/successor
 * bounds of Rump, Zimmermann, Boldo & Melquiond, "Computing predecessor
 * and successor in rounding to nearest", BIT 49 (2009), with a coarser
 * factor that needs no case analysis. At most an ulp wider than the exact
 * rounding for |c| ≥ 2^−970. The floor 2^−1022 (rather than 2^−1074) is a
 * normal number: subnormal operands and results cost a microcode assist
 * each on x86, and every zero coefficient of a jet would make some. Only
 * for finite results; anything else goes the exact way. */
static inline double
ijet_step (double c)
{
  double m = fabs (c);

  return m >= 0x1p-970 ? m * 0x1p-52 : 0x1p-1022;
}

static inline double
ijet_down (double c)
{
  return c - ijet_step (c);
}

static inline double
ijet_up (double c)
{
  return c + ijet_step (c);
}

static inline TangentInterval
ijet_add (TangentInterval a,
          TangentInterval b)
{
  double lo = a.lo + b.lo, hi = a.hi + b.hi;

  /* A sum of doubles that rounds to zero is exactly zero (gradual
   * underflow), so a zero end needs no step: zero coefficients stay exact
   * zeros. */
  if (G_LIKELY (isfinite (lo) && isfinite (hi) && isfinite (a.lo - a.hi) && isfinite (b.lo - b.hi)))
    {
      TangentInterval r = { lo == 0 ? 0 : ijet_down (lo), hi == 0 ? 0 : ijet_up (hi),
                            a.flags & b.flags };
      return r;
    }
  return tangent_interval_add (a, b);
}

static inline TangentInterval
ijet_sub (TangentInterval a,
          TangentInterval b)
{
  return ijet_add (a, tangent_interval_neg (b));
}

/* x·x through the square, which knows its lower end is ≥ 0: the template
 * passes the addresses of the operands, the same scalar twice for a square
 * (MUL of one value, the middle term of a Cauchy square). */
static inline TangentInterval
ijet_mul_values (TangentInterval a,
                 TangentInterval b)
{
  if (G_LIKELY (isfinite (a.lo - a.hi) && isfinite (b.lo - b.hi)))
    {
      double p1 = a.lo * b.lo, p2 = a.lo * b.hi, p3 = a.hi * b.lo, p4 = a.hi * b.hi;
      double lo = MIN (MIN (p1, p2), MIN (p3, p4));
      double hi = MAX (MAX (p1, p2), MAX (p3, p4));

      if (G_LIKELY (isfinite (lo) && isfinite (hi)))
        {
          TangentInterval r = { lo, hi, a.flags & b.flags };

          /* products with an exact zero operand stay exact zeros */
          if (!(a.lo == 0 && a.hi == 0) && !(b.lo == 0 && b.hi == 0))
            {
              r.lo = ijet_down (lo);
              r.hi = ijet_up (hi);
            }
          return r;
        }
    }
  return tangent_interval_mul (a, b);
}

static inline TangentInterval
ijet_div (TangentInterval a,
          TangentInterval b)
{
  if (G_LIKELY ((b.lo > 0 || b.hi < 0) && isfinite (a.lo - a.hi) && isfinite (b.lo - b.hi)))
    {
      double q1 = a.lo / b.lo, q2 = a.lo / b.hi, q3 = a.hi / b.lo, q4 = a.hi / b.hi;
      double lo = MIN (MIN (q1, q2), MIN (q3, q4));
      double hi = MAX (MAX (q1, q2), MAX (q3, q4));

      if (G_LIKELY (isfinite (lo) && isfinite (hi)))
        {
          TangentInterval r = { lo, hi, a.flags & b.flags };

          if (!(a.lo == 0 && a.hi == 0))
            {
              r.lo = ijet_down (lo);
              r.hi = ijet_up (hi);
            }
          return r;
        }
    }
  return tangent_interval_div (a, b);
}

static inline TangentInterval
ijet_mul (const TangentInterval *a,
          const TangentInterval *b)
{
  if (a == b)
    return tangent_interval_sqr (*a);
  return ijet_mul_values (*a, *b);
}

/* n/d for integers n, d held exactly in doubles (d ≠ 0). */
static inline TangentInterval
ijet_ratio (double n,
            double d)
{
  TangentInterval r;
  double q = n / d;

  if (d == 1 || q * d == n)   /* exact: q d is then n with no rounding */
    return tangent_interval_point (q);
  r.lo = ijet_down (q);
  r.hi = ijet_up (q);
  r.flags = TANGENT_INTERVAL_ALL_FLAGS;
  return r;
}

/* (rho j − (k − j))/k for rho = p/q: (p j − q (k − j)) / (q k), with p a
 * double and q, j, k small integers. */
static TangentInterval
ijet_powr_alpha (double p,
                 double q,
                 guint  j,
                 guint  k)
{
  TangentInterval num = tangent_interval_sub (tangent_interval_scale (tangent_interval_point (p), j),
                                              tangent_interval_scale (tangent_interval_point (q),
                                                                      (double) (k - j)));
  TangentInterval den = tangent_interval_scale (tangent_interval_point (q), k);

  return tangent_interval_div (num, den);
}

static inline TangentInterval
ijet_scale_a (TangentInterval a,
              TangentInterval f)
{
  if (f.lo == f.hi)
    {
      if (f.lo == 1)
        return a;
      if (f.lo == -1)
        return tangent_interval_neg (a);
    }
  /* A factor of one sign (the recurrences' j/k): the ends of the product
   * are known from the signs of a's ends, two products instead of four. */
  if (G_LIKELY ((f.lo > 0 || f.hi < 0) && isfinite (a.lo - a.hi) && isfinite (f.lo - f.hi)))
    {
      double lo, hi;

      if (a.lo == 0 && a.hi == 0)
        {
          TangentInterval z = { 0, 0, a.flags & f.flags };
          return z;
        }
      if (f.lo > 0)
        {
          lo = a.lo * (a.lo >= 0 ? f.lo : f.hi);
          hi = a.hi * (a.hi >= 0 ? f.hi : f.lo);
        }
      else
        {
          lo = a.hi * (a.hi >= 0 ? f.lo : f.hi);
          hi = a.lo * (a.lo >= 0 ? f.hi : f.lo);
        }
      if (G_LIKELY (isfinite (lo) && isfinite (hi)))
        {
          TangentInterval r = { ijet_down (lo), ijet_up (hi), a.flags & f.flags };
          return r;
        }
    }
  return ijet_mul_values (a, f);
}

/* G_LN10 and G_LN2 are the nearest doubles: one step each way encloses. */
static TangentInterval
ijet_const_ln (int b)
{
  double v = b == 10 ? G_LN10 : G_LN2;

  return tangent_interval_new (nextafter (v, -INFINITY), nextafter (v, INFINITY));
}

static inline gboolean
ijet_exact (TangentInterval a,
            double         *d)
{
  if (a.lo == a.hi && isfinite (a.lo))
    {
      *d = a.lo;
      return TRUE;
    }
  return FALSE;
}

static inline int
ijet_cmp (TangentInterval a,
          TangentInterval b)
{
  if (a.lo > b.hi)
    return 1;
  if (a.hi < b.lo)
    return -1;
  return 0;
}

/* Whether a jump of sign, floor, ceil or round may lie in a. */
static gboolean
ijet_at_jump (guint           op,
              TangentInterval a)
{
  if (!tangent_interval_is_bounded (a))
    return TRUE;
  switch (op)
    {
    case TANGENT_OP_SIGN:
      return a.lo <= 0 && 0 <= a.hi;
    case TANGENT_OP_FLOOR:
    case TANGENT_OP_CEIL:
      return ceil (a.lo) <= a.hi;
    case TANGENT_OP_ROUND:
      return ceil (a.lo - 0.5) <= a.hi - 0.5 || fabs (a.lo) >= 0x1p52;
    default:
      return FALSE;
    }
}

static inline gboolean
ijet_same (TangentInterval a,
           TangentInterval b)
{
  return a.lo == a.hi && b.lo == b.hi && a.lo == b.lo;
}

/* Comparisons and selection (gradient programs only): decided, or a jump. */
static TangentInterval
ijet_compare (TangentOpcode   op,
              TangentInterval b,
              TangentInterval c)
{
  guint flags = b.flags & c.flags;
  int s = ijet_cmp (b, c);
  TangentInterval r;

  if (tangent_interval_is_empty (b) || tangent_interval_is_empty (c))
    return tangent_interval_empty ();
  if (op == TANGENT_OP_LT && s != 0)
    r = tangent_interval_point (s < 0 ? 1 : 0);
  else if (op == TANGENT_OP_EQ && s != 0)
    r = tangent_interval_point (0);
  else if (op == TANGENT_OP_EQ && ijet_same (b, c))
    r = tangent_interval_point (1);
  else
    {
      r = tangent_interval_new (0, 1);
      flags &= TANGENT_INTERVAL_DEFINED;
    }
  r.flags = tangent_interval_nest_flags (flags);
  return r;
}

/* One operation on the constant terms, by the interval builtins, which
 * carry the decorations. */
static TangentInterval
ijet_eval0 (guint                  op,
            const TangentInterval *a,
            const TangentInterval *b,
            const TangentInterval *c,
            gint32                 q,
            double                 k)
{
  switch ((TangentOpcode) op)
    {
    case TANGENT_OP_CONST: return ijet_const (k);
    case TANGENT_OP_COPY: return *a;
    case TANGENT_OP_NEG: return tangent_interval_neg (*a);
    case TANGENT_OP_ADD: return tangent_interval_add (*a, *b);
    case TANGENT_OP_SUB: return tangent_interval_sub (*a, *b);
    case TANGENT_OP_MUL: return a == b ? tangent_interval_sqr (*a) : tangent_interval_mul (*a, *b);
    case TANGENT_OP_DIV: return tangent_interval_div (*a, *b);
    case TANGENT_OP_POW: return tangent_interval_pow (*a, *b);
    case TANGENT_OP_ROOT: return tangent_interval_root (*a, (gint64) k, q);
    case TANGENT_OP_ABS: return tangent_interval_abs (*a);
    case TANGENT_OP_SIGN: return tangent_interval_sign (*a);
    case TANGENT_OP_FLOOR: return tangent_interval_floor (*a);
    case TANGENT_OP_CEIL: return tangent_interval_ceil (*a);
    case TANGENT_OP_ROUND: return tangent_interval_round (*a);
    case TANGENT_OP_SQRT: return tangent_interval_sqrt (*a);
    case TANGENT_OP_CBRT: return tangent_interval_cbrt (*a);
    case TANGENT_OP_EXP: return tangent_interval_exp (*a);
    case TANGENT_OP_LN: return tangent_interval_ln (*a);
    case TANGENT_OP_LOG10: return tangent_interval_log10 (*a);
    case TANGENT_OP_LOG2: return tangent_interval_log2 (*a);
    case TANGENT_OP_SIN: return tangent_interval_sin (*a);
    case TANGENT_OP_COS: return tangent_interval_cos (*a);
    case TANGENT_OP_TAN: return tangent_interval_tan (*a);
    case TANGENT_OP_SEC: return tangent_interval_sec (*a);
    case TANGENT_OP_CSC: return tangent_interval_csc (*a);
    case TANGENT_OP_COT: return tangent_interval_cot (*a);
    case TANGENT_OP_ASIN: return tangent_interval_asin (*a);
    case TANGENT_OP_ACOS: return tangent_interval_acos (*a);
    case TANGENT_OP_ATAN: return tangent_interval_atan (*a);
    case TANGENT_OP_ATAN2: return tangent_interval_atan2 (*a, *b);
    case TANGENT_OP_SINH: return tangent_interval_sinh (*a);
    case TANGENT_OP_COSH: return tangent_interval_cosh (*a);
    case TANGENT_OP_TANH: return tangent_interval_tanh (*a);
    case TANGENT_OP_MIN: return tangent_interval_min (*a, *b);
    case TANGENT_OP_MAX: return tangent_interval_max (*a, *b);
    case TANGENT_OP_LT:
    case TANGENT_OP_EQ:
      return ijet_compare ((TangentOpcode) op, *a, *b);
    case TANGENT_OP_SELECT:
      if (tangent_interval_is_empty (*a))
        return tangent_interval_empty ();
      if (a->lo > 0 || a->hi < 0)
        return *b;
      if (a->lo == 0 && a->hi == 0)
        return *c;
      {
        TangentInterval r = tangent_interval_hull (*b, *c);

        r.flags = 0;
        return r;
      }
    case TANGENT_OP_PARAM:
    case TANGENT_OP_VAR:
    case TANGENT_N_OPCODES:
    default:
      break;
    }
  g_assert_not_reached ();
  return tangent_interval_entire (0);
}

#define JET_S                   TangentInterval
#define JET_FROM_DOUBLE(d)      ijet_const (d)
#define JET_ADD(a, b)           ijet_add ((a), (b))
#define JET_SUB(a, b)           ijet_sub ((a), (b))
#define JET_MUL(a, b)           ijet_mul (&(a), &(b))
#define JET_DIV(a, b)           ijet_div ((a), (b))
#define JET_NEG(a)              tangent_interval_neg (a)
#define JET_SCALE(a, d)         tangent_interval_scale ((a), (d))
#define JET_NAN                 ijet_nan ()
#define JET_IS_ZERO(a)          ((a).lo == 0 && (a).hi == 0)
#define JET_EXACT(a, dp)        ijet_exact ((a), (dp))
#define JET_SIGN(a)             ((a).lo > 0 ? 1 : (a).hi < 0 ? -1 : 0)
#define JET_CMP(a, b)           ijet_cmp ((a), (b))
#define JET_SAME(a, b)          ijet_same ((a), (b))
#define JET_AT_JUMP(op, a)      ijet_at_jump ((op), (a))
#define JET_EVAL0(op, a, b, c, q, k) ijet_eval0 ((op), &(a), &(b), &(c), (q), (k))
#define JET_A                   TangentInterval
#define JET_RATIO(n, d)         ijet_ratio ((n), (d))
#define JET_POWR_ALPHA(p, q, j, k) ijet_powr_alpha ((p), (q), (j), (k))
#define JET_SCALE_A(a, f)       ijet_scale_a ((a), (f))
#define JET_CONST_LN(b)         ijet_const_ln (b)

/* The recurrences' inner product in 1-D (the template's conv),
 * acc += Σ_{j=lo..hi} ((alpha j + beta)/d) A_j B_{k−j}, summed in round to
 * nearest with one error bound for the whole sum instead of an outward
 * step at every product, scaling and addition. With P_j = [min, max] of
 * the four end products of A_j B_{k−j} (the exact interval product),
 * w_j = alpha j + beta exact, each computed end t̂_j of w_j P_j carries two
 * roundings, fl of the exact min or max being the min or max of the rounded
 * products (rounding is monotone), so |t̂_j − t_j| ≤ (2u + u²)|t_j| plus
 * (|w_j| + 1) 2^−1075 should a product underflow; the recursive sum of m
 * terms adds at most γ_{m−1} Σ |t̂_j| (Higham, "Accuracy and Stability of
 * Numerical Algorithms", 2nd ed., §3.1 and §4.2; sums never underflow
 * inexactly). So |Ŝ − S| ≤ (m + 4) 2^−53 Σ |t̂_j| (1 + small) + 2^−1037
 * for m ≤ 128 terms and |w_j| ≤ 2^30; the bound used, (m + 4) 2^−52
 * Σ |t̂_j| + 2^−1021, has room for its own roundings, and one step outward
 * covers the final subtraction and the division by d. Terms with an exact
 * zero operand are skipped, so exact zeros stay exact. Declines (FALSE)
 * when something is not finite, for the exact path. */
static gboolean
ijet1_conv_fast (TangentInterval       *acc,
                 guint                  k,
                 const TangentInterval *a,
                 const TangentInterval *b,
                 guint                  lo,
                 guint                  hi,
                 double                 alpha,
                 double                 beta,
                 double                 d)
{
  double slo = 0, shi = 0, elo = 0, ehi = 0, c;
  guint count = 0, flags = acc->flags;
  gboolean finite = TRUE;
  TangentInterval r;

  if (lo > hi)
    return TRUE;
  if (hi - lo >= 128 || !(fabs (alpha) * hi + fabs (beta) <= 0x1p30))
    return FALSE;
  for (guint j = lo; j <= hi; j++)
    {
      TangentInterval x = a[j], y = b[k - j];
      double w = alpha * j + beta, p1, p2, p3, p4, pl, ph, t1, t2;

      flags &= x.flags & y.flags;
      if ((x.lo == 0 && x.hi == 0) || (y.lo == 0 && y.hi == 0) || w == 0)
        continue;
      finite &= isfinite (x.lo - x.hi) & isfinite (y.lo - y.hi);
      p1 = x.lo * y.lo;
      p2 = x.lo * y.hi;
      p3 = x.hi * y.lo;
      p4 = x.hi * y.hi;
      pl = MIN (MIN (p1, p2), MIN (p3, p4));
      ph = MAX (MAX (p1, p2), MAX (p3, p4));
      t1 = w * pl;
      t2 = w * ph;
      slo += MIN (t1, t2);
      shi += MAX (t1, t2);
      elo += fabs (MIN (t1, t2));
      ehi += fabs (MAX (t1, t2));
      count++;
    }
  if (count == 0)
    {
      acc->flags = flags;
      return TRUE;
    }
  if (!finite || !isfinite (slo) || !isfinite (shi) || !isfinite (elo) || !isfinite (ehi))
    return FALSE;
  c = (count + 4) * 0x1p-52;
  r.lo = tangent_interval_step_down (slo - (c * elo + 0x1p-1021));
  r.hi = tangent_interval_step_up (shi + (c * ehi + 0x1p-1021));
  if (d != 1)
    {
      r.lo = tangent_interval_step_down (r.lo / d);
      r.hi = tangent_interval_step_up (r.hi / d);
    }
  r.flags = flags;
  if (acc->lo == 0 && acc->hi == 0)
    *acc = r;
  else
    *acc = ijet_add (*acc, r);
  return TRUE;
}

#define JET_POWI_EVERYWHERE     1
#define JET_POWR_BY_CONV        1
#define JET_CONV(acc, k, a, b, lo, hi, alpha, beta, d) \
  ijet1_conv_fast ((acc), (k), (a), (b), (lo), (hi), (alpha), (beta), (d))
#define JET_NAME(n)             ijet1_##n
#define JET_UNIVARIATE          0
#define JET_GSIZE(k)            1u
#define JET_GOFF(k)             ((gsize) (k))
#include "tangent-jet-template.h"
#undef JET_NAME
#undef JET_GSIZE
#undef JET_GOFF
#undef JET_CONV

/* The same in 2-D: grade j holds j + 1 slots, slot p of a_j times slot q
 * of b_{k−j} landing in slot p + q of acc; each slot is its own sum, with
 * its own count and bound (counts stay below 2^14 for grades below 128,
 * so the underflow allowance still holds). */
#define IJET2_CONV_MAX 128

static gboolean
ijet2_conv_fast (TangentInterval       *acc,
                 guint                  k,
                 const TangentInterval *a,
                 const TangentInterval *b,
                 guint                  lo,
                 guint                  hi,
                 double                 alpha,
                 double                 beta,
                 double                 d)
{
  double slo[IJET2_CONV_MAX], shi[IJET2_CONV_MAX], elo[IJET2_CONV_MAX], ehi[IJET2_CONV_MAX];
  guint count[IJET2_CONV_MAX];
  guint flags = TANGENT_INTERVAL_ALL_FLAGS;
  gboolean finite = TRUE;

  if (lo > hi)
    return TRUE;
  if (k >= IJET2_CONV_MAX || !(fabs (alpha) * hi + fabs (beta) <= 0x1p30))
    return FALSE;
  for (guint s = 0; s <= k; s++)
    {
      slo[s] = shi[s] = elo[s] = ehi[s] = 0;
      count[s] = 0;
    }
  for (guint j = lo; j <= hi; j++)
    {
      const TangentInterval *A = a + (gsize) j * (j + 1) / 2;
      const TangentInterval *B = b + (gsize) (k - j) * (k - j + 1) / 2;
      double w = alpha * j + beta;

      if (w == 0)
        continue;
      for (guint p = 0; p <= j; p++)
        {
          TangentInterval x = A[p];

          flags &= x.flags;
          if (x.lo == 0 && x.hi == 0)
            continue;
          finite &= isfinite (x.lo - x.hi);
          for (guint q = 0; q <= k - j; q++)
            {
              TangentInterval y = B[q];
              double p1, p2, p3, p4, pl, ph, t1, t2, tl, th;

              flags &= y.flags;
              if (y.lo == 0 && y.hi == 0)
                continue;
              finite &= isfinite (y.lo - y.hi);
              p1 = x.lo * y.lo;
              p2 = x.lo * y.hi;
              p3 = x.hi * y.lo;
              p4 = x.hi * y.hi;
              pl = MIN (MIN (p1, p2), MIN (p3, p4));
              ph = MAX (MAX (p1, p2), MAX (p3, p4));
              t1 = w * pl;
              t2 = w * ph;
              tl = MIN (t1, t2);
              th = MAX (t1, t2);
              slo[p + q] += tl;
              shi[p + q] += th;
              elo[p + q] += fabs (tl);
              ehi[p + q] += fabs (th);
              count[p + q]++;
            }
        }
    }
  if (!finite)
    return FALSE;
  for (guint s = 0; s <= k; s++)
    {
      if (!isfinite (slo[s]) || !isfinite (shi[s]) || !isfinite (elo[s]) || !isfinite (ehi[s]))
        return FALSE;
    }
  for (guint s = 0; s <= k; s++)
    {
      TangentInterval r;
      double c;

      acc[s].flags &= flags;
      if (count[s] == 0)
        continue;
      c = (count[s] + 4) * 0x1p-52;
      r.lo = tangent_interval_step_down (slo[s] - (c * elo[s] + 0x1p-1021));
      r.hi = tangent_interval_step_up (shi[s] + (c * ehi[s] + 0x1p-1021));
      if (d != 1)
        {
          r.lo = tangent_interval_step_down (r.lo / d);
          r.hi = tangent_interval_step_up (r.hi / d);
        }
      r.flags = acc[s].flags;
      acc[s] = acc[s].lo == 0 && acc[s].hi == 0 ? r : ijet_add (acc[s], r);
    }
  return TRUE;
}

#define JET_POWI_EVERYWHERE     1
#define JET_POWR_BY_CONV        1
#define JET_CONV(acc, k, a, b, lo, hi, alpha, beta, d) \
  ijet2_conv_fast ((acc), (k), (a), (b), (lo), (hi), (alpha), (beta), (d))
#define JET_NAME(n)             ijet2_##n
#define JET_GSIZE(k)            ((k) + 1u)
#define JET_GOFF(k)             ((gsize) (k) * ((k) + 1) / 2)
#include "tangent-jet-template.h"
#undef JET_CONV

/* Removable singularities at the centre c (1-D). The double jets resolve
 * u/v with u and v vanishing at c by l'Hôpital on series (the template's
 * shift); over a box that contains c the interval instance can do the
 * same, as follows. Let u and v be C^∞ on the box B ∋ c with u_j(c) =
 * v_j(c) = 0 for j < m. Then ũ(x) = u(x)/(x − c)^m is C^∞ on B, and by
 * Taylor's theorem with the integral remainder, for every x in B
 *
 *   ũ^(k)(x)/k! = ∫_0^1 β_k(s) u_{m+k}(c + s (x − c)) ds,
 *   β_k(s) = m C(m+k, k) (1 − s)^(m−1) s^k ≥ 0,   ∫_0^1 β_k = 1,
 *
 * (u_j(t) = u^(j)(t)/j!): a weighted mean of u_{m+k} over [c, x] ⊆ B. So
 * the enclosure U_{m+k} of u_{m+k} over B, being an interval, encloses
 * ũ_k over B: the shifted series of the box jet encloses ũ's series. Where
 * ṽ = v/(x − c)^m has an enclosure that excludes 0, u/v = ũ/ṽ (x ≠ c) is
 * C^∞ on B once filled in at c by its limit ũ(c)/ṽ(c), the value the double
 * jets give. Whether u_j(c) and v_j(c) vanish is decided by a first run at
 * the point c, where an enclosure [0, 0] proves an exact zero, and v_m(c)
 * must be provably nonzero; the box run reuses those shifts. Each shift
 * costs m grades, which a larger order makes up for.
 *
 * A box B that does not contain c but lies near it gets the same help:
 * the quotient's series over B is enclosed both by the plain recurrence
 * over B (which divides by v over B, close to 0, and so loses precision
 * at every grade) and by the shifted series over H = hull(B, c) ⊇ B, the
 * argument above on H. Both enclose the same set, so the run over B takes
 * their intersection at each such quotient (and any flag either proves).
 *
 * stash: NULL, or one slot per value; with fill, the shifted quotients'
 * series are kept there (and their lengths in stash_len); without, the
 * quotients of a plain run (shift_in still names them) are met with them. */
static guint
ijet1_run_centred (ijet1_ctx             *ctx,
                   const TangentProgram  *prog,
                   const TangentInterval *params,
                   const TangentInterval *point,
                   const guint           *shift_in,
                   guint                 *shift_out,
                   TangentInterval      **stash,
                   guint                 *stash_len,
                   gboolean               fill,
                   const TangentInterval *slopes,
                   TangentInterval       *out)
{
  guint root = prog->outputs[0];
  guint n = root + 1;
  guint N = ctx->N;
  g_autofree guint *last_use = g_new (guint, n);
  g_autofree guint *lens = g_new0 (guint, n);
  g_autofree TangentInterval **bufs = g_new0 (TangentInterval *, n);
  g_autofree gboolean *live = g_new0 (gboolean, n);
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);
  gboolean meet = stash != NULL && !fill;
  guint out_len;

  tangent_jet_liveness (prog, root, live, last_use);

  for (guint id = 0; id < n; id++)
    {
      const TangentValue *v = &prog->values[id];
      guint arity = _tangent_opcode_get_arity (v->op);
      guint ops[3] = { v->a, v->b, v->c };
      const TangentInterval *in[3] = { NULL, NULL, NULL };
      TangentInterval *r;
      guint len = N + 1, m = 0;

      if (!live[id])
        continue;

      if (pool->len > 0)
        r = g_ptr_array_steal_index_fast (pool, pool->len - 1);
      else
        r = g_new (TangentInterval, ctx->size);
      bufs[id] = r;

      for (guint i = 0; i < arity; i++)
        {
          in[i] = bufs[ops[i]];
          len = MIN (len, lens[ops[i]]);
        }

      switch ((TangentOpcode) v->op)
        {
        case TANGENT_OP_CONST:
          r[0] = ijet_const (v->k);
          break;
        case TANGENT_OP_PARAM:
          r[0] = params[v->q];
          break;
        case TANGENT_OP_VAR:
          r[0] = point[v->q];
          break;
        default:
          r[0] = ijet_eval0 ((TangentOpcode) v->op, &in[0][0], &(arity > 1 ? in[1] : in[0])[0],
                             &(arity > 2 ? in[2] : in[0])[0], v->q, v->k);
          break;
        }

      if (v->op == TANGENT_OP_DIV && (v->mask & ctx->seed_mask) != 0)
        {
          const TangentInterval *a = in[0], *b = in[1];

          if (shift_in != NULL)
            m = meet ? 0 : shift_in[id];
          else if (JET_IS_ZERO (a[0]) && JET_IS_ZERO (b[0]))
            {
              m = 1;
              while (m < len && JET_IS_ZERO (b[m]))
                m++;
              for (guint i = 1; i < m && m < len; i++)
                {
                  if (!JET_IS_ZERO (a[i]))
                    m = len;
                }
              if (m >= len || JET_SIGN (b[m]) == 0)
                m = 0;
            }
          if (shift_out != NULL)
            shift_out[id] = m;
        }

      if ((v->mask & ctx->seed_mask) == 0)
        {
          for (gsize i = 1; i < ctx->size; i++)
            r[i] = ijet_const (0);
        }
      else if (v->op == TANGENT_OP_VAR)
        {
          for (gsize i = 1; i < ctx->size; i++)
            r[i] = ijet_const (0);
          if (N >= 1 && ctx->seed[v->q] >= 0)
            r[1] = slopes != NULL ? slopes[v->q] : ijet_const (1);
        }
      else if (m > 0 && m < len)
        {
          TangentInterval *t0 = ctx->tmp[0], *t1 = ctx->tmp[1];
          guint flags = in[0][0].flags & in[1][0].flags;

          for (guint i = 0; i <= N; i++)
            {
              t0[i] = i + m < len ? in[0][i + m] : ijet_nan ();
              t1[i] = i + m < len ? in[1][i + m] : ijet_nan ();
            }
          r[0] = JET_SIGN (t1[0]) != 0 ? ijet_div (t0[0], t1[0]) : ijet_nan ();
          r[0].flags &= flags;
          ijet1_div (r, t0, t1, 1, N);
          len -= m;
          if (fill && stash != NULL)
            {
              stash[id] = g_memdup2 (r, ctx->size * sizeof (TangentInterval));
              stash_len[id] = len;
            }
        }
      else
        {
          len = ijet1_value (ctx, v, r, in[0], in[1], in[2], len);
          if (meet && stash[id] != NULL)
            {
              const TangentInterval *h = stash[id];
              guint flags = r[0].flags | h[0].flags;

              for (guint k = 0; k < MIN (len, stash_len[id]); k++)
                {
                  TangentInterval both = tangent_interval_new (MAX (r[k].lo, h[k].lo),
                                                               MIN (r[k].hi, h[k].hi));

                  if (tangent_interval_is_bounded (h[k])
                      && (!tangent_interval_is_bounded (r[k]) || !tangent_interval_is_empty (both)))
                    r[k] = tangent_interval_is_empty (both) ? h[k] : both;
                }
              r[0].flags = tangent_interval_nest_flags (flags);
            }
        }
      lens[id] = len;

      for (guint i = 0; i < arity; i++)
        {
          if (last_use[ops[i]] == id && bufs[ops[i]] != NULL)
            {
              g_ptr_array_add (pool, bufs[ops[i]]);
              bufs[ops[i]] = NULL;
            }
        }
    }

  memcpy (out, bufs[root], ctx->size * sizeof (TangentInterval));
  out_len = lens[root];
  g_free (bufs[root]);
  return out_len;
}

static void
ijet1_seed (ijet1_ctx       *ctx,
            TangentVariable  wrt)
{
  for (guint v = 0; v < TANGENT_N_VARIABLES; v++)
    ctx->seed[v] = v == (guint) wrt ? 0 : -1;
  ctx->seed_mask = 1u << wrt;
}

static gboolean
any_division (const TangentProgram *prog)
{
  for (guint id = 0; id <= prog->outputs[0]; id++)
    {
      if (prog->values[id].op == TANGENT_OP_DIV)
        return TRUE;
    }
  return FALSE;
}

/* The series at the point c = ipoint[wrt] (a point interval) to order,
 * with the quotients 0/0 there resolved: their shifts into shifts (NULL
 * shift when there are none) and the working order they need. */
static void
ijet1_find_shifts (const TangentProgram  *prog,
                   const TangentInterval *params,
                   const TangentInterval *ipoint,
                   TangentVariable        wrt,
                   guint                  order,
                   TangentInterval       *coeffs,
                   TangentJetShifts      *shifts)
{
  guint root = prog->outputs[0];
  g_autofree guint *shift = g_new0 (guint, root + 1);
  guint extra = 8, len = 0;   /* room to find shifts up to 8 at once */
  gboolean any = FALSE;

  shifts->shift = NULL;
  shifts->extra = 0;
  if (!any_division (prog))
    extra = 0;
  for (guint attempt = 0; attempt < 4; attempt++)
    {
      ijet1_ctx ctx = { 0 };
      g_autofree TangentInterval *out = NULL;

      ijet1_ctx_init (&ctx, order + extra);
      out = g_new (TangentInterval, ctx.size);
      ijet1_seed (&ctx, wrt);
      len = ijet1_run_centred (&ctx, prog, params, ipoint, NULL, shift, NULL, NULL, FALSE, NULL,
                               out);
      ijet1_ctx_clear (&ctx);
      any = FALSE;
      for (guint id = 0; id <= root; id++)
        any = any || shift[id] > 0;
      for (guint k = 0; k <= order; k++)
        coeffs[k] = k < len ? out[k] : ijet_nan ();
      if (len == 0)
        coeffs[0].flags = 0;
      if (!any || len >= order + 1 || len == 0)
        break;
      extra += order + 1 - len;
    }
  if (any)
    {
      shifts->shift = g_steal_pointer (&shift);
      shifts->extra = extra;
    }
}

/* The series over ipoint[wrt] to order with the shifts found at c. */
static void
ijet1_eval_shifted (const TangentProgram   *prog,
                    const TangentInterval  *params,
                    TangentInterval        *ipoint,
                    TangentVariable         wrt,
                    double                  c,
                    guint                   order,
                    const TangentJetShifts *shifts,
                    TangentInterval        *coeffs)
{
  TangentInterval box = ipoint[wrt];
  ijet1_ctx ctx = { 0 };
  g_autofree TangentInterval *out = NULL;
  guint len;

  ijet1_ctx_init (&ctx, order + shifts->extra);
  out = g_new (TangentInterval, ctx.size);
  ijet1_seed (&ctx, wrt);
  if (box.lo <= c && c <= box.hi)
    len = ijet1_run_centred (&ctx, prog, params, ipoint, shifts->shift, NULL, NULL, NULL, FALSE,
                             NULL, out);
  else
    {
      guint n = prog->outputs[0] + 1;
      g_autofree TangentInterval **stash = g_new0 (TangentInterval *, n);
      g_autofree guint *stash_len = g_new0 (guint, n);

      ipoint[wrt] = tangent_interval_hull (box, tangent_interval_point (c));
      ipoint[wrt].flags = box.flags;
      ijet1_run_centred (&ctx, prog, params, ipoint, shifts->shift, NULL, stash, stash_len, TRUE,
                         NULL, out);
      ipoint[wrt] = box;
      len = ijet1_run_centred (&ctx, prog, params, ipoint, shifts->shift, NULL, stash, stash_len,
                               FALSE, NULL, out);
      for (guint id = 0; id < n; id++)
        g_free (stash[id]);
    }
  ijet1_ctx_clear (&ctx);
  for (guint k = 0; k <= order; k++)
    coeffs[k] = k < len ? out[k] : ijet_nan ();
  if (len == 0)
    coeffs[0].flags = 0;
}

/* The message for the first operation of the program that is not SMOOTH
 * over the box while its operands are: which of the three flags it lost
 * says whether it is a domain, a jump or a kink. */
static const char *
reason_for (TangentOpcode op,
            guint         flags)
{
  gboolean defined = (flags & TANGENT_INTERVAL_DEFINED) != 0;
  gboolean continuous = (flags & TANGENT_INTERVAL_CONTINUOUS) != 0;

  switch (op)
    {
    case TANGENT_OP_DIV: return N_("division by zero");
    case TANGENT_OP_POW:
      return !defined ? N_("a power is undefined here (pole or negative base)")
                      : N_("a power is not differentiable at 0");
    case TANGENT_OP_ROOT:
    case TANGENT_OP_CBRT:
      return !defined ? N_("a root is undefined here") : N_("a root is not differentiable at 0");
    case TANGENT_OP_ABS: return N_("abs is not differentiable at 0");
    case TANGENT_OP_SIGN: return N_("sign jumps at 0");
    case TANGENT_OP_FLOOR: return N_("floor jumps at integers");
    case TANGENT_OP_CEIL: return N_("ceil jumps at integers");
    case TANGENT_OP_ROUND: return N_("round jumps at half-integers");
    case TANGENT_OP_SQRT:
      return !defined ? N_("outside the domain of sqrt") : N_("sqrt is not differentiable at 0");
    case TANGENT_OP_LN: return N_("outside the domain of ln");
    case TANGENT_OP_LOG10: return N_("outside the domain of log10");
    case TANGENT_OP_LOG2: return N_("outside the domain of log2");
    case TANGENT_OP_TAN: return N_("pole of tan");
    case TANGENT_OP_SEC: return N_("pole of sec");
    case TANGENT_OP_CSC: return N_("pole of csc");
    case TANGENT_OP_COT: return N_("pole of cot");
    case TANGENT_OP_ASIN:
      return !defined ? N_("outside the domain of asin") : N_("asin is not differentiable at ±1");
    case TANGENT_OP_ACOS:
      return !defined ? N_("outside the domain of acos") : N_("acos is not differentiable at ±1");
    case TANGENT_OP_ATAN2:
      return !continuous ? N_("atan2 jumps across the negative x axis")
                         : N_("atan2 is not differentiable at the origin");
    case TANGENT_OP_MIN: return N_("min is not differentiable where its arguments meet");
    case TANGENT_OP_MAX: return N_("max is not differentiable where its arguments meet");
    case TANGENT_OP_LT:
    case TANGENT_OP_EQ:
    case TANGENT_OP_SELECT:
      return N_("a comparison changes its outcome");
    case TANGENT_OP_EXP:
    case TANGENT_OP_SINH:
    case TANGENT_OP_COSH:
      return N_("overflow");
    default:
      return !defined ? N_("undefined here") : N_("not differentiable here");
    }
}

/* Replays the constant terms over the box, value by value, to find the
 * first live operation that loses SMOOTH although its operands have it. */
static void
diagnose (const TangentProgram  *prog,
          const TangentInterval *params,
          const TangentInterval *point,
          TangentJetDecoration  *deco)
{
  guint root = prog->outputs[0];
  g_autofree TangentInterval *vals = g_new (TangentInterval, root + 1);
  g_autofree gboolean *live = g_new0 (gboolean, root + 1);

  live[root] = TRUE;
  for (guint id = root + 1; id-- > 0;)
    {
      const TangentValue *v = &prog->values[id];
      guint ops[3] = { v->a, v->b, v->c };

      if (!live[id])
        continue;
      for (guint i = 0; i < _tangent_opcode_get_arity (v->op); i++)
        live[ops[i]] = TRUE;
    }

  deco->reason = N_("not differentiable here");
  deco->op = -1;
  for (guint id = 0; id <= root; id++)
    {
      const TangentValue *v = &prog->values[id];
      guint arity = _tangent_opcode_get_arity (v->op);
      guint ops[3] = { v->a, arity > 1 ? v->b : v->a, arity > 2 ? v->c : v->a };
      gboolean inputs_smooth = TRUE;

      if (!live[id])
        continue;
      if (v->op == TANGENT_OP_PARAM)
        vals[id] = params[v->q];
      else if (v->op == TANGENT_OP_VAR)
        vals[id] = point[v->q];
      else if (v->op == TANGENT_OP_CONST)
        vals[id] = ijet_const (v->k);
      else
        vals[id] = ijet_eval0 (v->op, &vals[ops[0]], &vals[ops[1]], &vals[ops[2]], v->q, v->k);

      for (guint i = 0; i < arity; i++)
        inputs_smooth = inputs_smooth && (vals[ops[i]].flags & TANGENT_INTERVAL_SMOOTH);
      if (inputs_smooth && !(vals[id].flags & TANGENT_INTERVAL_SMOOTH))
        {
          deco->reason = reason_for ((TangentOpcode) v->op, vals[id].flags);
          deco->op = (int) v->op;
          return;
        }
    }
}

static TangentInterval *
interval_params (const TangentProgram *prog,
                 const double         *params)
{
  TangentInterval *p = g_new (TangentInterval, MAX (prog->n_params, 1));

  for (guint i = 0; i < prog->n_params; i++)
    p[i] = ijet_const (params[i]);
  return p;
}

static gboolean
finish (const TangentProgram  *prog,
        const TangentInterval *params,
        const TangentInterval *point,
        TangentInterval        value,
        TangentJetDecoration  *deco)
{
  TangentJetDecoration local;

  if (deco == NULL)
    deco = &local;
  deco->certified = (value.flags & TANGENT_INTERVAL_SMOOTH) != 0;
  deco->reason = NULL;
  deco->op = -1;
  if (!deco->certified)
    diagnose (prog, params, point, deco);
  return deco->certified;
}

static void
ijet1_plain (const TangentProgram  *prog,
             const TangentInterval *params,
             const TangentInterval *ipoint,
             TangentVariable        wrt,
             guint                  order,
             TangentInterval       *coeffs)
{
  ijet1_ctx ctx = { 0 };

  ijet1_ctx_init (&ctx, order);
  ijet1_seed (&ctx, wrt);
  ijet1_run (&ctx, prog, params, ipoint, coeffs);
  ijet1_ctx_clear (&ctx);
}

static void
interval_point (const double           point[3],
                TangentVariable        wrt,
                TangentInterval        box,
                TangentInterval       *ipoint)
{
  for (guint v = 0; v < TANGENT_N_VARIABLES; v++)
    ipoint[v] = v == (guint) wrt ? box : ijet_const (point[v]);
}

/**
 * tangent_jet_interval_eval:
 * @prog: a program (its first output is expanded)
 * @params: (nullable): the parameter values
 * @point: the other variables' values; point[@wrt] is the centre c: when
 *   @box contains it, a quotient 0/0 of series exactly at c (a removable
 *   singularity, as the double jets resolve it) is resolved over the box too
 *   (ijet1_run_centred), and the coefficients are those of the continuous
 *   extension; a NaN centre is none
 * @wrt: the variable that ranges over @box
 * @box: where the variable ranges
 * @order: the highest order (any; the band asks for a few more than 100)
 * @coeffs: (out caller-allocates): @order + 1 enclosures
 * @deco: (out caller-allocates) (optional): whether they are certified
 *
 * Returns: %TRUE when certified: every operation is SMOOTH over the box,
 *   and coeffs[k] contains f^(k)(t)/k! for every t in @box
 */
gboolean
tangent_jet_interval_eval (const TangentProgram *prog,
                           const double         *params,
                           const double          point[3],
                           TangentVariable       wrt,
                           TangentInterval       box,
                           guint                 order,
                           TangentInterval      *coeffs,
                           TangentJetDecoration *deco)
{
  g_autofree TangentInterval *iparams = NULL;
  TangentInterval ipoint[TANGENT_N_VARIABLES];
  double c = point != NULL ? point[wrt] : NAN;

  g_return_val_if_fail (prog != NULL && prog->n_outputs > 0, FALSE);
  g_return_val_if_fail (point != NULL && coeffs != NULL, FALSE);
  g_return_val_if_fail ((guint) wrt < TANGENT_N_VARIABLES, FALSE);
  g_return_val_if_fail (params != NULL || prog->n_params == 0, FALSE);

  iparams = interval_params (prog, params);
  interval_point (point, wrt, box, ipoint);

  if (isfinite (c) && box.lo <= c && c <= box.hi && any_division (prog))
    {
      TangentJetShifts shifts;

      ipoint[wrt] = tangent_interval_point (c);
      ijet1_find_shifts (prog, iparams, ipoint, wrt, order, coeffs, &shifts);
      ipoint[wrt] = box;
      if (shifts.shift != NULL && !(box.lo == c && box.hi == c))
        ijet1_eval_shifted (prog, iparams, ipoint, wrt, c, order, &shifts, coeffs);
      else if (shifts.shift == NULL && !(box.lo == c && box.hi == c))
        ijet1_plain (prog, iparams, ipoint, wrt, order, coeffs);
      _tangent_jet_shifts_clear (&shifts);
    }
  else
    ijet1_plain (prog, iparams, ipoint, wrt, order, coeffs);

  return finish (prog, iparams, ipoint, coeffs[0], deco);
}

/**
 * _tangent_jet_interval_centre:
 * @prog: a program (its first output is expanded)
 * @params: (nullable): the parameter values
 * @point: the centre c at point[@wrt], the other variables' values
 * @wrt: the variable of the expansion
 * @order: the highest order the band will ask for
 * @coeffs: (out caller-allocates): @order + 1 enclosures at c
 * @deco: (out caller-allocates) (optional): whether they are certified
 * @shifts: (out caller-allocates): the quotients 0/0 at c, for
 *   _tangent_jet_interval_eval_with(); clear with _tangent_jet_shifts_clear()
 *
 * The point jet at the centre, as tangent_jet_interval_eval() over [c, c],
 * and what it found there.
 *
 * Returns: %TRUE when certified
 */
gboolean
_tangent_jet_interval_centre (const TangentProgram *prog,
                              const double         *params,
                              const double          point[3],
                              TangentVariable       wrt,
                              guint                 order,
                              TangentInterval      *coeffs,
                              TangentJetDecoration *deco,
                              TangentJetShifts     *shifts)
{
  g_autofree TangentInterval *iparams = interval_params (prog, params);
  TangentInterval ipoint[TANGENT_N_VARIABLES];

  interval_point (point, wrt, tangent_interval_point (point[wrt]), ipoint);
  ijet1_find_shifts (prog, iparams, ipoint, wrt, order, coeffs, shifts);
  return finish (prog, iparams, ipoint, coeffs[0], deco);
}

/**
 * _tangent_jet_interval_eval_with:
 * @shifts: (nullable): from _tangent_jet_interval_centre() at point[@wrt]
 *
 * tangent_jet_interval_eval() with the quotients 0/0 at the centre known:
 * none found costs nothing more than a plain run; with some, a box that
 * contains the centre is run shifted, and one that does not is met with
 * the shifted series over its hull with the centre (ijet1_run_centred).
 * @order is at most the one @shifts were found for.
 */
gboolean
_tangent_jet_interval_eval_with (const TangentProgram   *prog,
                                 const double           *params,
                                 const double            point[3],
                                 TangentVariable         wrt,
                                 TangentInterval         box,
                                 guint                   order,
                                 TangentInterval        *coeffs,
                                 TangentJetDecoration   *deco,
                                 const TangentJetShifts *shifts)
{
  g_autofree TangentInterval *iparams = interval_params (prog, params);
  TangentInterval ipoint[TANGENT_N_VARIABLES];

  interval_point (point, wrt, box, ipoint);
  if (shifts != NULL && shifts->shift != NULL)
    ijet1_eval_shifted (prog, iparams, ipoint, wrt, point[wrt], order, shifts, coeffs);
  else
    ijet1_plain (prog, iparams, ipoint, wrt, order, coeffs);
  return finish (prog, iparams, ipoint, coeffs[0], deco);
}

void
_tangent_jet_shifts_clear (TangentJetShifts *shifts)
{
  g_clear_pointer (&shifts->shift, g_free);
  shifts->extra = 0;
}

/**
 * _tangent_jet_interval_eval_ray:
 * @prog: a program (its first output is expanded)
 * @params: (nullable): the parameter values
 * @point: the centre c = (point[0], point[1]); z at point[2]
 * @dir: the directions h, x in dir[0] and y in dir[1]
 * @tau: where τ ranges
 * @order: the highest order
 * @coeffs: (out caller-allocates): @order + 1 enclosures
 * @deco: (out caller-allocates) (optional): whether they are certified
 *
 * The Taylor coefficients in τ of φ(τ) = f(c + τ h), enclosed for every
 * τ in @tau and h in @dir: a 1-D interval jet in τ whose variables x and y
 * are c + τ h (their grade-1 coefficients the intervals of h).
 * coeffs[k] ∋ Σ_{i+j=k} c_ij(c + τ h) h_x^i h_y^j.
 *
 * Returns: %TRUE when certified: f is C^∞ near every c + τ h
 */
gboolean
_tangent_jet_interval_eval_ray (const TangentProgram  *prog,
                                const double          *params,
                                const double           point[3],
                                const TangentInterval  dir[2],
                                TangentInterval        tau,
                                guint                  order,
                                TangentInterval       *coeffs,
                                TangentJetDecoration  *deco)
{
  g_autofree TangentInterval *iparams = interval_params (prog, params);
  g_autofree TangentInterval *out = NULL;
  TangentInterval ipoint[TANGENT_N_VARIABLES], slopes[TANGENT_N_VARIABLES];
  ijet1_ctx ctx = { 0 };
  guint len;

  for (guint v = 0; v < 2; v++)
    {
      ipoint[v] = tangent_interval_add (tangent_interval_point (point[v]),
                                        tangent_interval_mul (tau, dir[v]));
      slopes[v] = dir[v];
    }
  ipoint[TANGENT_VARIABLE_Z] = ijet_const (point[TANGENT_VARIABLE_Z]);
  slopes[TANGENT_VARIABLE_Z] = ijet_const (0);

  ijet1_ctx_init (&ctx, order);
  ctx.seed[TANGENT_VARIABLE_X] = 0;
  ctx.seed[TANGENT_VARIABLE_Y] = 0;
  ctx.seed[TANGENT_VARIABLE_Z] = -1;
  ctx.seed_mask = TANGENT_MASK_X | TANGENT_MASK_Y;
  out = g_new (TangentInterval, ctx.size);
  len = ijet1_run_centred (&ctx, prog, iparams, ipoint, NULL, NULL, NULL, NULL, FALSE, slopes, out);
  ijet1_ctx_clear (&ctx);
  for (guint k = 0; k <= order; k++)
    coeffs[k] = k < len ? out[k] : ijet_nan ();
  return finish (prog, iparams, ipoint, coeffs[0], deco);
}

/**
 * tangent_jet2_interval_eval:
 * @prog: a program (its first output is expanded)
 * @params: (nullable): the parameter values
 * @point: z at point[2] (x and y range over @box)
 * @box: x in box[0], y in box[1]
 * @order: the highest total degree
 * @coeffs: (out caller-allocates): TANGENT_JET2_SIZE (@order) enclosures
 * @deco: (out caller-allocates) (optional): whether they are certified
 *
 * Returns: %TRUE when certified
 */
gboolean
tangent_jet2_interval_eval (const TangentProgram  *prog,
                            const double          *params,
                            const double           point[3],
                            const TangentInterval  box[2],
                            guint                  order,
                            TangentInterval       *coeffs,
                            TangentJetDecoration  *deco)
{
  g_autofree TangentInterval *iparams = NULL;
  TangentInterval ipoint[TANGENT_N_VARIABLES];
  ijet2_ctx ctx = { 0 };

  g_return_val_if_fail (prog != NULL && prog->n_outputs > 0, FALSE);
  g_return_val_if_fail (point != NULL && box != NULL && coeffs != NULL, FALSE);
  g_return_val_if_fail (params != NULL || prog->n_params == 0, FALSE);

  iparams = interval_params (prog, params);
  ipoint[TANGENT_VARIABLE_X] = box[0];
  ipoint[TANGENT_VARIABLE_Y] = box[1];
  ipoint[TANGENT_VARIABLE_Z] = ijet_const (point[TANGENT_VARIABLE_Z]);

  ijet2_ctx_init (&ctx, order);
  ctx.seed[TANGENT_VARIABLE_X] = 0;
  ctx.seed[TANGENT_VARIABLE_Y] = 1;
  ctx.seed[TANGENT_VARIABLE_Z] = -1;
  ctx.seed_mask = TANGENT_MASK_X | TANGENT_MASK_Y;
  ijet2_run (&ctx, prog, iparams, ipoint, coeffs);
  ijet2_ctx_clear (&ctx);

  return finish (prog, iparams, ipoint, coeffs[0], deco);
}
