/* tangent-taylor-bound.c: certified error bands of Taylor polynomials
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is certified (1-D). Let T̂(x) be the double result of
 * tangent_taylor_horner (ĉ, n, a, x), ĉ_k the doubles of tangent_jet_eval(),
 * d = x − a (real), and suppose f is C^(n+1) on a neighbourhood of
 * hull(a, x), which the interval jets certify piece by piece (SMOOTH,
 * tangent-jet-interval.c). With c_k = f^(k)(a)/k! the true coefficients
 * and c_k(t) = f^(k)(t)/k!, Taylor's theorem with the remainder in
 * integral form gives
 *
 *   f(x) − Σ_{k≤n} c_k d^k = ∫_a^x c_{n+1}(t) (n + 1) (x − t)^n dt.
 *
 * Cut hull(a, x) into pieces P_i = [t_{i−1}, t_i] (t_0 = a, the last one
 * ending at x). The kernel κ(t) = (n + 1) |x − t|^n has one sign on
 * hull(a, x) ((x − t)^n is (−1)^n κ/(n + 1) for x < a), so
 *
 *   |f(x) − Σ c_k d^k| = |Σ_i μ_i W_i|,   W_i = ∫_{P_i} κ
 *                                            = |x − t_{i−1}|^(n+1) − |x − t_i|^(n+1),
 *
 * μ_i the κ-weighted mean of c_{n+1} over P_i, and for any intervals
 * A_i ∋ μ_i
 *
 *   |f(x) − T̂(x)| ≤ mag (Σ_i A_i W_i)                                 (1)
 *                 + Σ_k e_k |d|^k                                    (2)
 *                 + γ_{3n} Σ_k |ĉ_k| |d|^k                           (3)
 *                 + 2^−1074 Σ_{k<n} (2|d|)^k                         (4)
 *
 * (1) is the integral remainder, summed with its signs (where c_{n+1}
 * changes sign along [a, x] the pieces cancel as the true remainder
 * does); (2) the error of the coefficients, e_k ≥ |c_k − ĉ_k| from an
 * interval jet at the point a; (3) Horner's rounding error, Higham,
 * "Accuracy and Stability of Numerical Algorithms", 2nd ed., SIAM 2002,
 * §5.1, eq. (5.3): the computed value is Σ ĉ_k d̂^k (1 + θ_{2k}) with d̂ =
 * fl(x − a) = d (1 + δ), so every term carries at most 3n relative
 * rounding factors, γ_m = m u/(1 − m u) (Lemma 3.1); (4) the absolute
 * underflow terms η ≤ 2^−1075 of the n products (Higham §2.1, (2.8)), each
 * carried through at most n more products by |d̂| ≤ 2|d| and sums. Every
 * operation that forms the bound rounds outward (tangent-interval.h's
 * directed primitives, or one step, tangent_interval_step_down), so each
 * sample's bound is a theorem about the doubles x[i] and ĉ_k, not an
 * estimate. The same bound holds for the exact polynomial Σ ĉ_k d^k, as
 * (3) and (4) are non-negative. The Lagrange form is the special case of
 * one piece with A = the range of c_{n+1}.
 *
 * A_i. A piece P = [s, e] (s towards a) has a box, the enclosures
 * B_r ∋ c_{n+1+r}(t) over a box ⊇ P (r = 0 … J + 1, J =
 * TAYLOR_FORM_DEGREE; an interval jet over P, or over a piece it was cut
 * from), and knots, point jets at s and at e (c_n … c_{n+J+1} there, tight).
 * A_i is the intersection of what these prove:
 *
 *   the range of c_{n+1+r} over P (r = 0, 1, 2): B_r met with the Taylor
 *   forms about the knots, c_p(t0 + σ) ∈ Σ_{j<D} C(p+j, j) c_{p+j}(t0) σ^j
 *   + C(p+D, D) B_{J+1} σ^D (p = n + 1 + r, D = J + 1 − r, Taylor's theorem
 *   for c_p, whose derivatives are c_p^(j)/j! = C(p+j, j) c_{p+j}), each
 *   knot's form over the half of P nearer to it (Moore's centred forms;
 *   Neumaier, "Interval Methods for Systems of Equations", 1990, §2.4);
 *   μ lies in the range of c_{n+1};
 *
 *   when the range of c_{n+2} excludes 0, c_{n+1} is monotone on P: its
 *   range is the hull of its values at the knots, and by Chebyshev's
 *   integral inequality (Hardy, Littlewood & Pólya, "Inequalities", 1934,
 *   §2.17) the κ-weighted mean, κ decreasing from s towards x, lies below
 *   (c_{n+1} increasing towards e) or above (decreasing) the plain mean,
 *   whose value over P is (c_n(e) − c_n(s)) / ((n + 1)(e − s)), since
 *   c_n' = (n + 1) c_{n+1}; over a part [s, x] of P the plain mean of a
 *   monotone function lies on the same side of the whole piece's;
 *
 *   for each sample, the second-order models about the ends,
 *   c_{n+1}(t) ∈ c(t0) + c'(t0)(t − t0) + R (t − t0)², R ∋ c''/2 =
 *   C(n+3, 2) c_{n+3} over P, integrated against κ: with ρ the distance
 *   from s of the centroid of κ over P ∩ [s, x], in closed form from
 *   |x − t|^(n+1) and |x − t|^(n+2) at the ends, μ ∈ c(s) + c'(s) σρ +
 *   R [0, w ρ] and μ ∈ c(e) − c'(e) σ(w − ρ) + R [0, w (w − ρ)] (σ = ±1
 *   from s to e, w = |e − s|, (t − t0)² ≤ w |t − t0|), see piece_term().
 *
 * The pieces are refined adaptively, shared by every sample: first, on
 * each side of a, the piece nearest to a that is not certified is cut at
 * samples until no sample lies strictly inside it (so every sample short
 * of the trouble keeps a finite bound, and every sample beyond it is +∞
 * with the reason; nothing beyond that piece is evaluated, and of each cut
 * only the near half until the far one becomes the nearest trouble); then
 * the piece whose A_i is widest, weighted by W_i at the farthest finite
 * sample, is halved, until the widths add up to less than TIGHT_TOL of the
 * bound there or the budget of jets is spent. A half keeps its parent's
 * box (only the knot at the cut is new) unless the knot forms' remainder
 * makes a good part of its width; a piece whose knots' own width makes
 * most of its A_i is not cut again.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-taylor"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tangent-jet.h"
#include "tangent-jet-private.h"
#include "tangent-taylor-bound.h"
#include "tangent-vm-private.h"

/* Degree J of the Taylor forms of c_{n+1} over a piece, about its ends. */
#define TAYLOR_FORM_DEGREE 5
/* Coefficients kept per knot (c_n … c_{n+J+1}) and per box (c_{n+1} …
 * c_{n+J+2}). */
#define KEPT               (TAYLOR_FORM_DEGREE + 2)
/* Pieces per side at the start, and the refinement's stopping rule. */
#define INITIAL_PIECES     8
#define TIGHT_TOL          0.05
/* A half gets its own box when the knot forms' remainder makes more than
 * this share of its mean's width. */
#define BOX_SHARE          0.25
/* Interval jets (knots and boxes) per band, half to each side. */
#define MAX_JETS           256
#define MAX_DEPTH          60
#define MAX_SAMPLES        (1u << 20)

/* What a point jet at a piece end t says: c_n(t) … c_{n+J+1}(t). */
typedef struct
{
  gboolean        done;     /* evaluated */
  gboolean        ok;       /* certified: c[] enclose the true coefficients */
  TangentInterval c[KEPT];
} Knot;

typedef struct
{
  double          s;        /* end towards a */
  double          e;        /* end away from a */
  TangentInterval box[KEPT];/* c_{n+1} … c_{n+J+2} over a box ⊇ [s, e] */
  Knot            ks;       /* at s */
  Knot            ke;       /* at e */
  TangentInterval mean;     /* ∋ μ(x), every x beyond s (top of the file) */
  gboolean        model;    /* the second-order models below hold */
  TangentInterval c_s;      /* c_{n+1}(s) */
  TangentInterval d_s;      /* c_{n+1}'(s) = (n + 2) c_{n+2}(s) */
  TangentInterval c_e;
  TangentInterval d_e;
  TangentInterval R2;       /* ∋ c_{n+1}''/2 = C(n+3, 2) c_{n+3} over the piece */
  double          weight;   /* its kernel weight at the refinement's sample */
  TangentInterval xmean;    /* its mean there */
  const char     *reason;   /* non-NULL: not certified */
  guint           depth;
  gboolean        monotone; /* c_{n+1} proved monotone on it */
  gboolean        final;    /* cannot or need not be cut */
  gboolean        pending;  /* not evaluated yet: counts as bad (reason set) */
} Piece;

typedef struct
{
  const TangentProgram *prog;
  const double         *params;
  double                point[3];
  TangentVariable       wrt;
  guint                 n;
  guint                 jets;
  Knot                  centre;   /* the knot at a, shared by both sides */
  TangentJetShifts      shifts;   /* the quotients 0/0 at a */
  TangentInterval      *C;        /* scratch: n + J + 3 */
} Band;

/* γ_m = m u / (1 − m u), u = 2^−53, rounded up. */
static double
gamma_up (guint m)
{
  double mu = m * 0x1p-53;

  return tangent_interval_div_up (mu, tangent_interval_add_down (1.0, -mu));
}

/* y^m for y ≥ 0, as a pair of bounds: repeated squaring in round to
 * nearest (at most 2 log2 m ≤ 16 products, so a relative error below
 * (1 + u)^16 − 1 < 2^−48 while no intermediate underflows), then widened
 * by a factor 1 ∓ 2^−47, rounded to nearest: (1 + 2^−47)(1 − u) still
 * exceeds 1/(1 − 2^−48). */
static void
pow_bounds (double  y,
            guint   m,
            double *down,
            double *up)
{
  double p = 1.0, b = y;

  if (m == 0)
    {
      *down = *up = 1.0;
      return;
    }
  for (guint e = m;;)
    {
      if (e & 1)
        p *= b;
      e >>= 1;
      if (e == 0)
        break;
      b *= b;
    }
  if (isinf (p))
    {
      *down = G_MAXDOUBLE;
      *up = INFINITY;
      return;
    }
  if (p < 0x1p-1000)
    {
      /* some product may have underflowed: the true power is below
       * 2^−999 either way (the powers of y < 1 decrease). */
      *down = 0;
      *up = 0x1p-999;
      return;
    }
  *down = p * (1 - 0x1p-47);
  *up = p * (1 + 0x1p-47);
}

/* |x − t| rounded down and up: exact when the difference is (TwoSum says
 * so), else one step each way. */
static inline void
dist_bounds (double  x,
             double  t,
             double *down,
             double *up)
{
  double s = x - t, bb = s - x, err = (x - (s - bb)) + (-t - bb);

  if (G_UNLIKELY (!isfinite (s)))
    {
      *down = G_MAXDOUBLE;
      *up = INFINITY;
    }
  else if (err == 0)
    *down = *up = fabs (s);
  else
    {
      *down = MAX (0, tangent_interval_step_down (fabs (s)));
      *up = tangent_interval_step_up (fabs (s));
    }
}

/* |x − t|^m rounded down and up. */
static inline void
dist_pow_bounds (double  x,
                 double  t,
                 guint   m,
                 double *down,
                 double *up)
{
  double dlo, dhi, junk;

  dist_bounds (x, t, &dlo, &dhi);
  if (dlo == dhi)
    pow_bounds (dlo, m, down, up);
  else
    {
      pow_bounds (dlo, m, down, &junk);
      pow_bounds (dhi, m, &junk, up);
    }
}

static guint64
binomial (guint n,
          guint k)
{
  guint64 r = 1;

  for (guint i = 1; i <= k; i++)
    r = r * (n - k + i) / i;
  return r;
}

static inline double
mag (TangentInterval a)
{
  return MAX (fabs (a.lo), fabs (a.hi));
}

static inline gboolean
excludes_zero (TangentInterval a)
{
  return a.lo > 0 || a.hi < 0;
}

/* a ∩ b for two enclosures of one set; a if rounding ever made them miss. */
static inline TangentInterval
meet (TangentInterval a,
      TangentInterval b)
{
  TangentInterval r = tangent_interval_new (MAX (a.lo, b.lo), MIN (a.hi, b.hi));

  if (tangent_interval_is_empty (r) || !tangent_interval_is_bounded (b))
    return a;
  r.flags = a.flags;
  return r;
}

/* Interval arithmetic for the forms and the per-sample sums: one step
 * outward per operation (tangent_interval_step_down), no flags. */
typedef struct
{
  double lo, hi;
} Iv;

static inline Iv
iv_of (TangentInterval a)
{
  Iv r = { a.lo, a.hi };
  return r;
}

static inline Iv
iv_add (Iv a,
        Iv b)
{
  Iv r = { tangent_interval_step_down (a.lo + b.lo), tangent_interval_step_up (a.hi + b.hi) };
  return r;
}

static inline Iv
iv_mul (Iv a,
        Iv b)
{
  double p1 = a.lo * b.lo, p2 = a.lo * b.hi, p3 = a.hi * b.lo, p4 = a.hi * b.hi;
  Iv r = { tangent_interval_step_down (MIN (MIN (p1, p2), MIN (p3, p4))),
           tangent_interval_step_up (MAX (MAX (p1, p2), MAX (p3, p4))) };
  return r;
}

/* a k for a double k ≥ 0. */
static inline Iv
iv_scale (Iv     a,
          double k)
{
  Iv r = { tangent_interval_step_down (a.lo * k), tangent_interval_step_up (a.hi * k) };
  return r;
}

/* The point jet at t (the centre's is computed once). */
static void
knot_eval (Band  *band,
           double t,
           Knot  *k)
{
  guint n = band->n;

  if (t == band->point[band->wrt] && band->centre.done)
    {
      *k = band->centre;
      return;
    }
  band->jets++;
  k->done = TRUE;
  k->ok = _tangent_jet_interval_eval_with (band->prog, band->params, band->point, band->wrt,
                                           tangent_interval_point (t), n + KEPT - 1, band->C, NULL,
                                           &band->shifts);
  for (guint j = 0; j < KEPT; j++)
    {
      k->c[j] = band->C[n + j];
      k->ok = k->ok && tangent_interval_is_bounded (k->c[j]);
    }
}

/* The interval jet over the piece itself: box[] and whether it is
 * certified (reason). */
static gboolean
box_eval (Band  *band,
          Piece *p)
{
  TangentInterval box = tangent_interval_new (MIN (p->s, p->e), MAX (p->s, p->e));
  TangentJetDecoration deco;
  guint n = band->n;

  band->jets++;
  p->pending = FALSE;
  p->reason = NULL;
  if (!_tangent_jet_interval_eval_with (band->prog, band->params, band->point, band->wrt, box,
                                        n + KEPT, band->C, &deco, &band->shifts))
    {
      p->reason = deco.reason;
      return FALSE;
    }
  memcpy (p->box, band->C + n + 1, sizeof p->box);
  return TRUE;
}

/* c_p(t0 + σ), p = n + 1 + r (r = −1 … J + 1), for σ in sigma (a part of
 * the piece, seen from the knot k at t0): with D = J + 1 − r,
 *
 *   Σ_{j<D} C(p+j, j) c_{p+j}(t0) σ^j + C(p+D, D) c_{p+D}(ξ) σ^D,
 *
 * ξ in the piece, c_{p+D} = c_{n+J+2} from the box. */
static TangentInterval
knot_form (guint                  n,
           int                    r,
           const Knot            *k,
           const TangentInterval *box,
           TangentInterval        sigma)
{
  guint p = n + 1 + r, D = TAYLOR_FORM_DEGREE + 1 - r;
  Iv s = iv_of (sigma), sp = { 1, 1 }, form = { 0, 0 };

  g_assert (r >= -1 && r <= TAYLOR_FORM_DEGREE + 1);
  for (guint j = 0; j < D; j++)
    {
      form = iv_add (form, iv_scale (iv_mul (iv_of (k->c[1 + r + j]), sp),
                                     (double) binomial (p + j, j)));
      sp = iv_mul (sp, s);
    }
  form = iv_add (form, iv_scale (iv_mul (iv_of (box[KEPT - 1]), sp), (double) binomial (p + D, D)));
  return tangent_interval_new (form.lo, form.hi);
}

/* c_{n+1+r} over the piece: the box's enclosure, met with the forms about
 * the knots, each over the half of the piece nearer to it (so σ stays
 * within half the width, as for a centred form). */
static TangentInterval
piece_enclose (const Band  *band,
               const Piece *p,
               guint        r)
{
  TangentInterval enc = p->box[r], d, half_s, half_e;
  double m = p->s + (p->e - p->s) / 2;

  if (!p->ks.ok || !p->ke.ok)
    return enc;
  d = tangent_interval_sub (tangent_interval_point (m), tangent_interval_point (p->s));
  half_s = tangent_interval_hull (tangent_interval_point (0), d);
  d = tangent_interval_sub (tangent_interval_point (m), tangent_interval_point (p->e));
  half_e = tangent_interval_hull (tangent_interval_point (0), d);
  return meet (enc, tangent_interval_hull (knot_form (band->n, r, &p->ks, p->box, half_s),
                                           knot_form (band->n, r, &p->ke, p->box, half_e)));
}

/* The knot at t for piece i's end (at_e) or start: shared with the
 * neighbour that ends or starts there, evaluated if neither has it. */
static void
piece_knot (Band   *band,
            GArray *pieces,
            guint   i,
            gboolean at_e)
{
  Piece *p = &g_array_index (pieces, Piece, i);
  Knot *k = at_e ? &p->ke : &p->ks;
  double t = at_e ? p->e : p->s;
  Piece *q = NULL;

  if (k->done)
    return;
  if (at_e && i + 1 < pieces->len)
    q = &g_array_index (pieces, Piece, i + 1);
  else if (!at_e && i > 0)
    q = &g_array_index (pieces, Piece, i - 1);
  if (q != NULL && (at_e ? q->s : q->e) == t && (at_e ? q->ks : q->ke).done)
    {
      *k = at_e ? q->ks : q->ke;
      return;
    }
  knot_eval (band, t, k);
  if (q != NULL && (at_e ? q->s : q->e) == t)
    {
      if (at_e)
        q->ks = *k;
      else
        q->ke = *k;
    }
}

/* A neighbour's copy q of the knot k, both at t: met with it. */
static void
knot_share (Knot       *q,
            double      tq,
            const Knot *k,
            double      t)
{
  if (tq != t || !q->done || !q->ok || !k->ok)
    return;
  for (guint j = 0; j < KEPT; j++)
    q->c[j] = meet (q->c[j], k->c[j]);
}

/* The mean of a certified piece i from its box and knots: see the top of
 * the file for the three enclosures met here. */
static void
piece_settle (Band   *band,
              GArray *pieces,
              guint   i)
{
  guint n = band->n;
  Piece *p;
  TangentInterval enc, slope, d;

  piece_knot (band, pieces, i, FALSE);
  piece_knot (band, pieces, i, TRUE);
  p = &g_array_index (pieces, Piece, i);

  /* Each knot met with the other's Taylor forms across the piece: where
   * one end's point jet is poor (near a removable singularity, where the
   * quotient's recurrence loses precision), the other's may be good. */
  d = tangent_interval_sub (tangent_interval_point (p->e), tangent_interval_point (p->s));
  if (p->ks.ok && p->ke.ok && band->shifts.shift != NULL)
    {
      for (guint j = 0; j < KEPT; j++)
        p->ke.c[j] = meet (p->ke.c[j], knot_form (n, (int) j - 1, &p->ks, p->box, d));
      for (guint j = 0; j < KEPT; j++)
        p->ks.c[j] = meet (p->ks.c[j], knot_form (n, (int) j - 1, &p->ke, p->box,
                                                  tangent_interval_neg (d)));
      /* the neighbours that share these knots meet them too */
      if (i > 0)
        {
          Piece *q = &g_array_index (pieces, Piece, i - 1);

          knot_share (&q->ke, q->e, &p->ks, p->s);
        }
      if (i + 1 < pieces->len)
        {
          Piece *q = &g_array_index (pieces, Piece, i + 1);

          knot_share (&q->ks, q->s, &p->ke, p->e);
        }
    }

  enc = piece_enclose (band, p, 0);
  slope = piece_enclose (band, p, 1);
  p->mean = enc;
  p->monotone = excludes_zero (slope);
  if (p->monotone && p->ks.ok && p->ke.ok)
    {
      /* c_{n+1} monotone on the piece: its range is spanned by the ends,
       * and its mean over the piece is Δc_n / ((n + 1) (e − s)) */
      TangentInterval avg = tangent_interval_div (tangent_interval_sub (p->ke.c[0], p->ks.c[0]),
                                                  tangent_interval_scale (d, n + 1));
      gboolean rising = (slope.lo > 0) == (p->e > p->s);

      enc = meet (enc, tangent_interval_hull (p->ks.c[1], p->ke.c[1]));
      p->mean = enc;
      if (tangent_interval_is_bounded (avg))
        {
          if (rising)
            p->mean = meet (enc, tangent_interval_new (-INFINITY, avg.hi));
          else
            p->mean = meet (enc, tangent_interval_new (avg.lo, INFINITY));
        }
    }
  p->model = p->ks.ok && p->ke.ok;
  if (p->model)
    {
      p->c_s = p->ks.c[1];
      p->d_s = tangent_interval_scale (p->ks.c[2], n + 2);
      p->c_e = p->ke.c[1];
      p->d_e = tangent_interval_scale (p->ke.c[2], n + 2);
      p->R2 = tangent_interval_scale (piece_enclose (band, p, 2), (double) binomial (n + 3, 2));
      p->model = tangent_interval_is_bounded (p->d_s) && tangent_interval_is_bounded (p->d_e)
                 && tangent_interval_is_bounded (p->R2);
      /* per sample the models are met with the mean only where they can
       * make it narrower: not near a singularity, say, where c'' is huge */
      if (p->model)
        {
          double w = fabs (p->e - p->s), r = mag (p->R2) * w * w / 8;

          p->model = MIN (p->c_s.hi - p->c_s.lo, p->c_e.hi - p->c_e.lo) + r
                     < (p->mean.hi - p->mean.lo) / 2;
        }
    }
  if (!tangent_interval_is_bounded (p->mean))
    p->reason = N_("the remainder could not be bounded");
  else if (p->ks.ok && p->ke.ok
           && p->mean.hi - p->mean.lo
              < 2 * (p->ks.c[1].hi - p->ks.c[1].lo + p->ke.c[1].hi - p->ke.c[1].lo))
    p->final = TRUE;   /* the knots' own width dominates: cutting gains nothing */
}

/* Whether x is strictly beyond t, going away from a on side sgn. */
static inline gboolean
beyond (int    sgn,
        double x,
        double t)
{
  return sgn > 0 ? x > t : x < t;
}

/* Index range [*first, *last) of the samples strictly between s and e. */
static void
samples_inside (const double *xs,
                guint         K,
                double        s,
                double        e,
                guint        *first,
                guint        *last)
{
  double lo = MIN (s, e), hi = MAX (s, e);
  guint a = 0, b = K;

  while (a < b)   /* first sample > lo */
    {
      guint mid = a + (b - a) / 2;

      if (xs[mid] > lo)
        b = mid;
      else
        a = mid + 1;
    }
  *first = a;
  b = K;
  while (a < b)   /* first sample >= hi */
    {
      guint mid = a + (b - a) / 2;

      if (xs[mid] >= hi)
        b = mid;
      else
        a = mid + 1;
    }
  *last = a;
}

/* How much of piece p's mean the remainder term of its knot forms
 * accounts for (C(n+J+2, J+1) sup|c_{n+J+2}| (w/2)^(J+1)), roughly. */
static double
form_share (const Band  *band,
            const Piece *p)
{
  guint D = TAYLOR_FORM_DEGREE + 1;
  double r = binomial (band->n + 1 + D, D) * mag (p->box[KEPT - 1])
             * pow (fabs (p->e - p->s) / 2, D);

  return r / (p->mean.hi - p->mean.lo);
}

/* Cuts piece i at t into i (towards a) and i + 1. Cutting the first
 * uncertified piece (trouble), only the near half is evaluated: the far
 * one stays pending, bad with the parent's reason, until it becomes the
 * first bad piece, since beyond an uncertified piece every sample is +∞
 * whatever the far half holds. Cutting a certified piece, the halves keep
 * its box (a part of a certified piece is certified, and its enclosures
 * hold there), so the knot at t is the only new jet; a half gets a box of
 * its own only where the knot forms' remainder, which the parent's box
 * bounds, is a good part of its mean's width and c_{n+1} is not proved
 * monotone there. */
static gboolean
split (Band     *band,
       GArray   *pieces,
       guint     i,
       double    t,
       gboolean  trouble)
{
  Piece *p = &g_array_index (pieces, Piece, i);
  Piece q;

  if (!(MIN (p->s, p->e) < t && t < MAX (p->s, p->e)))
    {
      p->final = TRUE;
      return FALSE;
    }
  q = *p;
  q.s = t;
  q.ks.done = FALSE;
  q.depth++;
  q.final = FALSE;
  p->e = t;
  p->ke.done = FALSE;
  p->depth++;
  p->final = FALSE;
  if (trouble)
    {
      q.pending = TRUE;
      g_array_insert_val (pieces, i + 1, q);
      p = &g_array_index (pieces, Piece, i);
      if (box_eval (band, p))
        piece_settle (band, pieces, i);
      return TRUE;
    }
  g_array_insert_val (pieces, i + 1, q);
  for (guint j = i; j <= i + 1; j++)
    {
      Piece *c = &g_array_index (pieces, Piece, j);

      piece_settle (band, pieces, j);
      c = &g_array_index (pieces, Piece, j);
      if (c->reason == NULL && !c->monotone && form_share (band, c) > BOX_SHARE)
        {
          TangentInterval parent[KEPT];

          /* if its own jet says it is not certified (it should not), the
           * parent's box still holds */
          memcpy (parent, c->box, sizeof parent);
          if (!box_eval (band, c))
            {
              memcpy (c->box, parent, sizeof parent);
              c->reason = NULL;
            }
          piece_settle (band, pieces, j);
        }
    }
  return TRUE;
}

static guint
first_bad (GArray *pieces)
{
  for (guint i = 0; i < pieces->len; i++)
    {
      if (g_array_index (pieces, Piece, i).reason != NULL)
        return i;
    }
  return pieces->len;
}

/* What a sample x needs of a piece end t: bounds of d = |x − t|, d^m and
 * d^(m+1), m = n + 1 (all zero for an end not beyond... see edge_at). */
typedef struct
{
  double d_lo, d_hi;
  double p_lo, p_hi;
  double q_lo, q_hi;
} Edge;

static void
edge_at (double  x,
         double  t,
         guint   m,
         Edge   *g)
{
  dist_bounds (x, t, &g->d_lo, &g->d_hi);
  dist_pow_bounds (x, t, m, &g->p_lo, &g->p_hi);
  g->q_lo = tangent_interval_step_down (g->p_lo * g->d_lo);
  g->q_hi = tangent_interval_step_up (g->p_hi * g->d_hi);
}

/* The kernel weight W of piece p at a sample x (its ends es and ee as
 * seen from x; ee NULL when x lies inside the piece) and the piece's
 * mean there: p->mean, met with the second-order models about its ends,
 *
 *   μ ∈ c(s) + c'(s) σρ + R [0, w ρ],   μ ∈ c(e) − c'(e) σ(w − ρ) + R [0, w (w − ρ)],
 *
 * σ = ±1 the direction from s to e, w = |e − s|, R ∋ c''/2 over the
 * piece, and ρ the distance from s of the kernel's centroid over the
 * piece ∩ [s, x], k(t) = (n + 1) |x − t|^n: ∫ |t − s| k = d_s W − V with
 * V = ∫ |x − t| k = (n + 1)/(n + 2) (d_s^(n+2) − d_e^(n+2)), d = |x − ·|;
 * (t − s)² ≤ w |t − s| bounds the last term. */
static void
piece_term (const Band  *band,
            const Piece *p,
            const Edge  *es,
            const Edge  *ee,
            double      *w_down,
            double      *w_up,
            Iv          *mean)
{
  guint n = band->n;
  double Wl, Wh, Vl, Vh, fl, fh, Ql, Qh, rl, rh, wl, wh;
  Iv rho, ms, me, t;

  Wl = MAX (0, tangent_interval_step_down (es->p_lo - (ee != NULL ? ee->p_hi : 0)));
  Wh = tangent_interval_step_up (es->p_hi - (ee != NULL ? ee->p_lo : 0));
  *w_down = Wl;
  *w_up = Wh;
  *mean = iv_of (p->mean);
  if (!p->model || !(Wl > 0))
    return;

  Vl = MAX (0, tangent_interval_step_down (es->q_lo - (ee != NULL ? ee->q_hi : 0)));
  Vh = tangent_interval_step_up (es->q_hi - (ee != NULL ? ee->q_lo : 0));
  fl = tangent_interval_step_down ((n + 1.0) / (n + 2.0));
  fh = tangent_interval_step_up ((n + 1.0) / (n + 2.0));
  Ql = tangent_interval_step_down (tangent_interval_step_down (fl * Vl) / Wh);
  Qh = tangent_interval_step_up (tangent_interval_step_up (fh * Vh) / Wl);
  dist_bounds (p->e, p->s, &wl, &wh);
  rl = MAX (0, tangent_interval_step_down (es->d_lo - Qh));
  rh = MIN (ee != NULL ? wh : es->d_hi, tangent_interval_step_up (es->d_hi - Ql));
  if (!(rl <= rh))
    return;
  rho.lo = rl;
  rho.hi = rh;

  /* about s */
  t.lo = p->e > p->s ? rl : -rh;
  t.hi = p->e > p->s ? rh : -rl;
  ms = iv_add (iv_of (p->c_s), iv_mul (iv_of (p->d_s), t));
  t.lo = 0;
  t.hi = tangent_interval_step_up (wh * rh);
  ms = iv_add (ms, iv_mul (iv_of (p->R2), t));

  /* about e: w − ρ ≥ 0 */
  t.lo = MAX (0, tangent_interval_step_down (wl - rh));
  t.hi = tangent_interval_step_up (wh - rl);
  rho = t;
  if (p->e > p->s)
    {
      t.lo = -rho.hi;
      t.hi = -rho.lo;
    }
  me = iv_add (iv_of (p->c_e), iv_mul (iv_of (p->d_e), t));
  t.lo = 0;
  t.hi = tangent_interval_step_up (wh * rho.hi);
  me = iv_add (me, iv_mul (iv_of (p->R2), t));

  if (isfinite (ms.lo) && isfinite (ms.hi) && isfinite (me.lo) && isfinite (me.hi))
    {
      Iv r = { MAX (mean->lo, MAX (ms.lo, me.lo)), MIN (mean->hi, MIN (ms.hi, me.hi)) };

      /* all three enclose μ; an empty meet could only come of rounding */
      if (r.lo <= r.hi)
        *mean = r;
    }
}

/* Upper bound of (1), |Σ_i μ_i (|x − t_{i−1}|^(n+1) − |x − t_i|^(n+1))|,
 * for a sample x on side sgn; +∞ with *reason if a bad piece meets [a, x). */
static double
remainder_at (const Band  *band,
              GArray      *pieces,
              int          sgn,
              double       x,
              const char **reason)
{
  guint m = band->n + 1;
  double lo = 0, hi = 0;
  Edge es, ee;

  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *p = &g_array_index (pieces, Piece, i);
      gboolean inside = !beyond (sgn, x, p->e);
      double w_down, w_up;
      Iv mean;

      if (!beyond (sgn, x, p->s))
        break;
      if (p->reason != NULL)
        {
          *reason = p->reason;
          return INFINITY;
        }
      if (i == 0)
        edge_at (x, p->s, m, &es);
      if (!inside)
        edge_at (x, p->e, m, &ee);
      piece_term (band, p, &es, inside ? NULL : &ee, &w_down, &w_up, &mean);
      lo = tangent_interval_step_down (lo + tangent_interval_step_down (mean.lo * (mean.lo >= 0
                                                                                  ? w_down
                                                                                  : w_up)));
      hi = tangent_interval_step_up (hi + tangent_interval_step_up (mean.hi * (mean.hi >= 0
                                                                              ? w_up
                                                                              : w_down)));
      es = ee;
    }
  if (!isfinite (lo) || !isfinite (hi))
    {
      *reason = N_("the remainder could not be bounded");
      return INFINITY;
    }
  return MAX (fabs (lo), fabs (hi));
}

/* weight and xmean of piece i at the refinement's sample x. */
static void
piece_at (const Band *band,
          Piece      *p,
          int         sgn,
          double      x)
{
  guint m = band->n + 1;
  double w_down, w_up;
  Edge es, ee;
  Iv mean;

  p->weight = 0;
  p->xmean = p->mean;
  if (!beyond (sgn, x, p->s) || p->reason != NULL)
    return;
  edge_at (x, p->s, m, &es);
  if (beyond (sgn, x, p->e))
    edge_at (x, p->e, m, &ee);
  piece_term (band, p, &es, beyond (sgn, x, p->e) ? &ee : NULL, &w_down, &w_up, &mean);
  p->weight = w_down + (w_up - w_down) / 2;
  p->xmean.lo = mean.lo;
  p->xmean.hi = mean.hi;
}

/* The pieces of one side of a (sgn = ±1) out to far, refined; then the
 * remainder term (1) of every sample on that side into rem[]. */
static void
band_side (Band         *band,
           const double *xs,
           guint         K,
           double        a,
           double        far,
           int           sgn,
           double        spacing,
           double       *rem,
           const char  **reasons)
{
  g_autoptr(GArray) pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  guint budget = band->jets + MAX_JETS / 2;
  guint bad, far_sample = G_MAXUINT;

  if (far == a)
    return;

  /* Beyond the first uncertified piece nothing is read, so the initial
   * pieces after it wait, pending, until it is resolved. */
  for (guint i = 0; i < INITIAL_PIECES; i++)
    {
      Piece p = { 0 };

      p.s = i == 0 ? a : g_array_index (pieces, Piece, pieces->len - 1).e;
      p.e = i + 1 == INITIAL_PIECES ? far : a + (far - a) * (i + 1) / INITIAL_PIECES;
      if (p.e == p.s)
        continue;
      bad = first_bad (pieces);
      g_array_append_val (pieces, p);
      if (bad == pieces->len - 1)
        {
          if (box_eval (band, &g_array_index (pieces, Piece, pieces->len - 1)))
            piece_settle (band, pieces, pieces->len - 1);
        }
      else
        {
          Piece *q = &g_array_index (pieces, Piece, pieces->len - 1);

          q->pending = TRUE;
          q->reason = g_array_index (pieces, Piece, bad).reason;
        }
    }

  /* The nearest trouble, cut down to the samples around it. A pending
   * piece is cut without being evaluated first (its parent was not
   * certified, so most likely neither is it): only the near half of each
   * cut is evaluated, and a pending piece only once no sample lies inside
   * it, to learn whether it is really uncertified and why. */
  while (band->jets + 2 <= budget && (bad = first_bad (pieces)) < pieces->len)
    {
      Piece *p = &g_array_index (pieces, Piece, bad);
      guint first, last;
      gboolean cut = FALSE;

      if (!p->final && p->depth < MAX_DEPTH)
        {
          samples_inside (xs, K, p->s, p->e, &first, &last);
          if (first < last)
            cut = split (band, pieces, bad, xs[first + (last - first) / 2], TRUE);
          else if (fabs (p->e - p->s) > spacing / 16)
            cut = split (band, pieces, bad, p->s + (p->e - p->s) / 2, TRUE);
        }
      if (cut)
        continue;
      p = &g_array_index (pieces, Piece, bad);
      if (!p->pending)
        break;
      if (box_eval (band, p))
        piece_settle (band, pieces, bad);
    }
  bad = first_bad (pieces);

  /* The farthest sample short of the trouble sets the weights. */
  for (guint i = 0; i < K; i++)
    {
      guint j = sgn > 0 ? K - 1 - i : i;

      if (beyond (sgn, xs[j], a)
          && (bad == pieces->len
              || !beyond (sgn, xs[j], g_array_index (pieces, Piece, bad).s)))
        {
          far_sample = j;
          break;
        }
    }

  /* Then the piece whose mean is widest, weighted at that sample, is
   * halved, until the widths add up to less than TIGHT_TOL of the bound
   * there or the budget is spent. */
  if (far_sample != G_MAXUINT)
    {
      for (guint i = 0; i < bad; i++)
        piece_at (band, &g_array_index (pieces, Piece, i), sgn, xs[far_sample]);
    }
  while (far_sample != G_MAXUINT && band->jets + 3 <= budget)
    {
      double lo = 0, hi = 0, slack = 0, worst = 0;
      guint worst_i = G_MAXUINT;

      bad = first_bad (pieces);
      for (guint i = 0; i < bad; i++)
        {
          Piece *p = &g_array_index (pieces, Piece, i);
          double e = (p->xmean.hi - p->xmean.lo) * p->weight;

          if (p->weight == 0)
            break;
          lo += p->xmean.lo * p->weight;
          hi += p->xmean.hi * p->weight;
          if (p->final || p->depth >= MAX_DEPTH)
            continue;
          slack += e;
          if (e > worst)
            {
              worst = e;
              worst_i = i;
            }
        }
      if (worst_i == G_MAXUINT || !(slack > TIGHT_TOL * MAX (fabs (lo), fabs (hi))))
        break;
      {
        Piece *p = &g_array_index (pieces, Piece, worst_i);

        if (split (band, pieces, worst_i, p->s + (p->e - p->s) / 2, FALSE))
          {
            for (guint j = worst_i; j <= worst_i + 1; j++)
              {
                Piece *c = &g_array_index (pieces, Piece, j);

                piece_at (band, c, sgn, xs[far_sample]);
              }
          }
      }
    }

  for (guint i = 0; i < K; i++)
    {
      if (beyond (sgn, xs[i], a))
        rem[i] = remainder_at (band, pieces, sgn, xs[i], &reasons[i]);
    }
}

/**
 * tangent_taylor_horner:
 * @coeffs: @order + 1 coefficients
 * @order: the degree
 * @a: the centre
 * @x: where to evaluate
 *
 * Returns: Σ coeffs[k] (@x − @a)^k by Horner's rule in double, the
 *   evaluation the band certifies
 */
double
tangent_taylor_horner (const double *coeffs,
                       guint         order,
                       double        a,
                       double        x)
{
  double d = x - a;
  double s = coeffs[order];

  for (guint k = order; k-- > 0;)
    s = s * d + coeffs[k];
  return s;
}

/* Terms (2) + (3) + (4) at D ≥ |x − a|, with w[k] = e_k + γ |ĉ_k|, each
 * operation rounded up by a step. */
static double
rounding_at (const double *w,
             guint         n,
             double        D)
{
  double h = w[n], u = 0;

  for (guint k = n; k-- > 0;)
    h = tangent_interval_step_up (tangent_interval_step_up (h * D) + w[k]);
  if (n > 0)
    {
      /* Σ_{k<n} (2D)^k ≤ n max(1, 2D)^(n−1) */
      double junk;

      pow_bounds (MAX (1.0, tangent_interval_step_up (2.0 * D)), n - 1, &junk, &u);
      u = tangent_interval_mul_up (tangent_interval_mul_up (u, n), 0x1p-1074);
    }
  return tangent_interval_add_up (h, u);
}

/* w[k] = e_k + γ |ĉ_k| from the double coefficients c and their point
 * enclosures C; FALSE if either is not finite. */
static gboolean
coefficient_errors (const double          *c,
                    const TangentInterval *C,
                    guint                  count,
                    double                 gamma,
                    double                *w)
{
  for (guint k = 0; k < count; k++)
    {
      double e;

      if (!isfinite (c[k]) || !tangent_interval_is_bounded (C[k]))
        return FALSE;
      e = MAX (tangent_interval_add_up (c[k], -C[k].lo), tangent_interval_add_up (C[k].hi, -c[k]));
      w[k] = tangent_interval_add_up (MAX (e, 0), tangent_interval_mul_up (gamma, fabs (c[k])));
    }
  return TRUE;
}

/**
 * tangent_taylor_band_new:
 * @prog: a program (its first output)
 * @params: (nullable): the parameter values
 * @point: the centre; point[@wrt] is a, the others stay fixed
 * @wrt: the variable of the expansion
 * @order: the degree n of T, 0 … %TANGENT_JET_MAX_ORDER
 * @lo: the first sample
 * @hi: the last sample, @lo ≤ @hi
 * @n_samples: how many, ≥ 1 (equally spaced, both ends included)
 * @error: return location for a #GError
 *
 * The certified error band of the Taylor polynomial of order @order about
 * point[@wrt], at @n_samples points of [@lo, @hi] (the centre may lie
 * outside): see the top of tangent-taylor-bound.c for the inequality.
 *
 * Returns: (transfer full) (nullable): the band, or %NULL with @error set
 *   for a bad order or range
 */
TangentTaylorBand *
tangent_taylor_band_new (const TangentProgram *prog,
                         const double         *params,
                         const double          point[3],
                         TangentVariable       wrt,
                         guint                 order,
                         double                lo,
                         double                hi,
                         guint                 n_samples,
                         GError              **error)
{
  g_autoptr(TangentTaylorBand) band = NULL;
  g_autofree double *c = NULL;
  g_autofree double *w = NULL;
  g_autofree double *rem = NULL;
  g_autofree const char **reasons = NULL;
  g_autofree TangentInterval *C = NULL;
  TangentJetDecoration deco;
  const char *all_reason = NULL;
  double a, spacing;
  guint K = n_samples;
  Band b = { 0 };

  g_return_val_if_fail (prog != NULL, NULL);
  g_return_val_if_fail (point != NULL, NULL);
  g_return_val_if_fail (params != NULL || prog->n_params == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (order > TANGENT_JET_MAX_ORDER)
    {
      g_set_error (error, TANGENT_JET_ERROR, TANGENT_JET_ERROR_ORDER,
                   "Taylor order %u is out of range (0 … %d)", order, TANGENT_JET_MAX_ORDER);
      return NULL;
    }
  if ((guint) wrt >= TANGENT_N_VARIABLES || prog->n_outputs == 0 || !isfinite (point[wrt]))
    {
      g_set_error (error, TANGENT_JET_ERROR, TANGENT_JET_ERROR_INVALID,
                   "Nothing to expand in a Taylor series");
      return NULL;
    }
  if (!isfinite (lo) || !isfinite (hi) || !(lo <= hi) || n_samples == 0
      || n_samples > MAX_SAMPLES || !isfinite (hi - lo))
    {
      g_set_error (error, TANGENT_JET_ERROR, TANGENT_JET_ERROR_INVALID,
                   "The bound needs a finite range LO ≤ HI and 1 … %u samples", MAX_SAMPLES);
      return NULL;
    }

  a = point[wrt];
  band = g_new0 (TangentTaylorBand, 1);
  band->n = K;
  band->x = g_new (double, K);
  band->bound = g_new (double, K);
  for (guint i = 0; i < K; i++)
    band->x[i] = i + 1 == K ? hi : MIN (hi, lo + (hi - lo) * i / (K - 1));
  band->x[0] = lo;
  spacing = K > 1 ? (hi - lo) / (K - 1) : fabs (hi - a);

  c = g_new (double, order + 1);
  w = g_new (double, order + 1);
  C = g_new (TangentInterval, order + KEPT + 1);
  rem = g_new0 (double, K);
  reasons = g_new0 (const char *, K);

  if (!tangent_jet_eval (prog, params, point, wrt, order, c, error))
    return NULL;

  /* The point jet at a, once: its first order + 1 enclosures bound the
   * errors of the coefficients, the rest is the knot both sides start at. */
  b.prog = prog;
  b.params = params;
  memcpy (b.point, point, sizeof b.point);
  b.wrt = wrt;
  b.n = order;
  b.C = C;
  b.jets++;
  if (!_tangent_jet_interval_centre (prog, params, point, wrt, order + KEPT, C, &deco, &b.shifts))
    all_reason = deco.reason;
  else if (!coefficient_errors (c, C, order + 1, gamma_up (3 * order), w))
    all_reason = N_("the Taylor coefficients are not finite");
  b.centre.done = TRUE;
  b.centre.ok = all_reason == NULL;
  for (guint j = 0; j < KEPT; j++)
    {
      b.centre.c[j] = C[order + j];
      b.centre.ok = b.centre.ok && tangent_interval_is_bounded (b.centre.c[j]);
    }

  if (all_reason == NULL)
    {
      band_side (&b, band->x, K, a, MAX (hi, a), +1, spacing, rem, reasons);
      band_side (&b, band->x, K, a, MIN (lo, a), -1, spacing, rem, reasons);
    }
  _tangent_jet_shifts_clear (&b.shifts);

  g_debug ("band of order %u over [%g, %g]: %u interval jets", order, lo, hi, b.jets);

  band->max = 0;
  for (guint i = 0; i < K; i++)
    {
      const char *why = all_reason != NULL ? all_reason : reasons[i];
      double bound = INFINITY;

      if (why == NULL)
        {
          double dd, D_up;

          dist_bounds (band->x[i], a, &dd, &D_up);
          bound = tangent_interval_add_up (rem[i], rounding_at (w, order, D_up));
          if (!(bound < INFINITY))
            {
              bound = INFINITY;
              why = N_("the bound overflows");
            }
        }
      band->bound[i] = bound;
      band->max = MAX (band->max, bound);
      if (why != NULL && band->reason == NULL)
        band->reason = g_strdup (_(why));
    }

  return g_steal_pointer (&band);
}

/* Degree of the 2-D tiles' centred forms (tile_enclose()). */
#define BOX_FORM_DEGREE 2

/* Sorted, distinct grid lines over [lo, hi] and out to the centre a:
 * BOX_GRID cuts of the box, the centre itself (so that the rectangle
 * spanned by the centre and a cell is a union of tiles), and BOX_GRID cuts
 * between the centre and the box when it lies outside. */
#define BOX_GRID 8

static GArray *
grid_lines (double lo,
            double hi,
            double a)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (double));
  double v;

  for (guint i = 0; i <= BOX_GRID; i++)
    {
      v = i == BOX_GRID ? hi : lo + (hi - lo) * i / BOX_GRID;
      g_array_append_val (lines, v);
    }
  g_array_append_val (lines, a);
  if (a < lo || a > hi)
    {
      double from = a < lo ? a : hi, to = a < lo ? lo : a;

      for (guint i = 1; i < BOX_GRID; i++)
        {
          v = from + (to - from) * i / BOX_GRID;
          g_array_append_val (lines, v);
        }
    }
  return lines;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
sort_unique (GArray *lines)
{
  guint n = 0;

  g_array_sort (lines, cmp_double);
  for (guint i = 0; i < lines->len; i++)
    {
      if (n == 0 || g_array_index (lines, double, i) != g_array_index (lines, double, n - 1))
        g_array_index (lines, double, n++) = g_array_index (lines, double, i);
    }
  g_array_set_size (lines, n);
}

static guint
line_index (GArray *lines,
            double  v)
{
  for (guint i = 0; i < lines->len; i++)
    {
      if (g_array_index (lines, double, i) == v)
        return i;
    }
  g_assert_not_reached ();
  return 0;
}

/* Σ w[ij] X^i Y^j over i + j ≤ n (grade-major layout), rounded up. */
static double
poly2_up (const double *w,
          guint         lo_grade,
          guint         n,
          double        X,
          double        Y)
{
  double sum = 0;

  for (guint k = lo_grade; k <= n; k++)
    {
      for (guint j = 0; j <= k; j++)
        {
          double t = w[TANGENT_JET2_INDEX (k - j, j)], px, py, junk;

          if (t == 0)
            continue;
          pow_bounds (X, k - j, &junk, &px);
          pow_bounds (Y, j, &junk, &py);
          sum = tangent_interval_add_up (sum, tangent_interval_mul_up (t, tangent_interval_mul_up (px, py)));
        }
    }
  return sum;
}

/* c_ij over a tile for every i + j = n + 1, into out[0 … n + 1] (slot
 * j): the plain enclosure of a 2-D interval jet of order n + J + 2
 * over the tile, intersected with the Taylor form of c_ij about the tile's
 * centre m (the 1-D pieces' centred form, in two variables):
 *
 *   c_ij(m + s) = Σ_{p+q≤J} C(i+p, p) C(j+q, q) c_{i+p,j+q}(m) s_x^p s_y^q
 *               + Σ_{p+q=J+1} C(i+p, p) C(j+q, q) c_{i+p,j+q}(ξ) s_x^p s_y^q,
 *
 * ξ on the segment from m to m + s, inside the tile (c_ij = ∂^(i,j) f/(i! j!)
 * and Taylor's theorem along the segment). FALSE with *why when the tile
 * is not certified. */
static gboolean
tile_enclose (const TangentProgram  *prog,
              const double          *params,
              const double           point[3],
              const TangentInterval  tile[2],
              guint                  n,
              TangentInterval       *C,
              TangentInterval       *D,
              TangentInterval       *out,
              const char           **why)
{
  guint J = BOX_FORM_DEGREE;
  TangentJetDecoration deco;
  TangentInterval centre[2], S[2];
  gboolean have_form;

  if (!tangent_jet2_interval_eval (prog, params, point, tile, n + J + 2, C, &deco))
    {
      *why = deco.reason;
      return FALSE;
    }
  for (guint v = 0; v < 2; v++)
    {
      double m = tile[v].lo + (tile[v].hi - tile[v].lo) / 2;

      centre[v] = tangent_interval_point (m);
      S[v] = tangent_interval_new (tangent_interval_add_down (tile[v].lo, -m),
                                   tangent_interval_add_up (tile[v].hi, -m));
    }
  have_form = tangent_jet2_interval_eval (prog, params, point, centre, n + J + 1, D, NULL);

  for (guint j = 0; j <= n + 1; j++)
    {
      guint i = n + 1 - j;
      TangentInterval enc = C[TANGENT_JET2_INDEX (i, j)];

      if (have_form)
        {
          TangentInterval form = tangent_interval_point (0);

          for (guint g = 0; g <= J + 1; g++)
            {
              for (guint q = 0; q <= g; q++)
                {
                  guint pp = g - q;
                  const TangentInterval *src = g <= J ? D : C;
                  TangentInterval t = src[TANGENT_JET2_INDEX (i + pp, j + q)];

                  if (pp > 0)
                    t = tangent_interval_mul (t, tangent_interval_powi (S[0], pp));
                  if (q > 0)
                    t = tangent_interval_mul (t, tangent_interval_powi (S[1], q));
                  t = tangent_interval_scale (t, (double) (binomial (i + pp, pp)
                                                           * binomial (j + q, q)));
                  form = tangent_interval_add (form, t);
                }
            }
          if (tangent_interval_is_bounded (form))
            {
              TangentInterval both = tangent_interval_new (MAX (enc.lo, form.lo),
                                                           MIN (enc.hi, form.hi));

              /* both enclose the same set; keep the plain one if rounding
               * ever said they do not meet */
              if (!tangent_interval_is_empty (both))
                enc = both;
            }
        }
      if (!tangent_interval_is_bounded (enc))
        {
          *why = N_("the remainder could not be bounded");
          return FALSE;
        }
      out[j] = enc;
    }
  return TRUE;
}

/* Shells of the integral form along the segment from the centre c to a
 * point c + h of a cell, h in H: BOX_SHELLS pieces of τ ∈ [0, 1]. */
#define BOX_SHELLS 16

/* mag (Σ_l G_l ((1 − τ_{l−1})^(n+1) − (1 − τ_l)^(n+1))), rounded up,
 * with G_l ∋ Σ_{i+j=n+1} c_ij(c + τh) h_x^i h_y^j for τ in shell l and h
 * in H: the hull of the tiles' c_ij over every tile that meets the box
 * c + [τ_{l−1}, τ_l] H, times the powers of H. The kernel (n + 1)(1 − τ)^n
 * is positive, so for each h the remainder is Σ_l μ_l w_l with μ_l ∈ G_l,
 * signs kept. +∞ if a tile it needs is not certified. */
static double
shell_remainder (GArray                *xl,
                 GArray                *yl,
                 const TangentInterval *enc,
                 const char           **tile_reason,
                 const double           centre[2],
                 const TangentInterval  H[2],
                 guint                  n)
{
  guint nx = xl->len - 1, ny = yl->len - 1;
  g_autofree TangentInterval *hp = g_new (TangentInterval, n + 2);
  g_autofree TangentInterval *hull = g_new (TangentInterval, n + 2);
  TangentInterval sum = tangent_interval_point (0);

  for (guint j = 0; j <= n + 1; j++)
    hp[j] = tangent_interval_mul (tangent_interval_powi (H[0], n + 1 - j),
                                  tangent_interval_powi (H[1], j));

  for (guint l = 1; l <= BOX_SHELLS; l++)
    {
      TangentInterval tau = tangent_interval_new ((double) (l - 1) / BOX_SHELLS,
                                                  (double) l / BOX_SHELLS);
      TangentInterval range[2], G = tangent_interval_point (0), w;
      double a_up, a_down, b_up, b_down;

      for (guint v = 0; v < 2; v++)
        range[v] = tangent_interval_add (tangent_interval_point (centre[v]),
                                         tangent_interval_mul (tau, H[v]));
      for (guint j = 0; j <= n + 1; j++)
        hull[j] = tangent_interval_empty ();
      for (guint p = 0; p < nx; p++)
        {
          if (g_array_index (xl, double, p) > range[0].hi
              || g_array_index (xl, double, p + 1) < range[0].lo)
            continue;
          for (guint q = 0; q < ny; q++)
            {
              guint t = p * ny + q;

              if (g_array_index (yl, double, q) > range[1].hi
                  || g_array_index (yl, double, q + 1) < range[1].lo)
                continue;
              if (tile_reason[t] != NULL)
                return INFINITY;
              for (guint j = 0; j <= n + 1; j++)
                hull[j] = tangent_interval_hull (hull[j], enc[t * (n + 2) + j]);
            }
        }
      for (guint j = 0; j <= n + 1; j++)
        G = tangent_interval_add (G, tangent_interval_mul (hull[j], hp[j]));
      if (!tangent_interval_is_bounded (G))
        return INFINITY;

      /* the kernel's weight over the shell, ≥ 0; the shells are summed
       * with their signs, as the 1-D pieces are */
      pow_bounds (1 - (double) (l - 1) / BOX_SHELLS, n + 1, &a_down, &a_up);
      pow_bounds (1 - (double) l / BOX_SHELLS, n + 1, &b_down, &b_up);
      w = tangent_interval_new (MAX (0, tangent_interval_add_down (a_down, -b_up)),
                                tangent_interval_add_up (a_up, -b_down));
      sum = tangent_interval_add (sum, tangent_interval_mul (G, w));
    }
  if (!tangent_interval_is_bounded (sum))
    return INFINITY;
  return mag (sum);
}

/* The shells' sum of shell_remainder(), with each G_l from a 1-D interval
 * jet in τ along the rays c + τ h, h in H (_tangent_jet_interval_eval_ray),
 * instead of from tiles: φ_h(τ) = f(c + τ h) has the coefficient
 * Σ_{i+j=n+1} c_ij(c + τ h) h_x^i h_y^j, which the jet gets as one sum,
 * cancellations kept, at O(n²) per operation. +∞ if a shell is not
 * certified. */
static double
ray_remainder (const TangentProgram  *prog,
               const double          *params,
               const double           point[3],
               const TangentInterval  H[2],
               guint                  n)
{
  g_autofree TangentInterval *C = g_new (TangentInterval, n + 2);
  TangentInterval sum = tangent_interval_point (0);

  for (guint l = 1; l <= BOX_SHELLS; l++)
    {
      TangentInterval tau = tangent_interval_new ((double) (l - 1) / BOX_SHELLS,
                                                  (double) l / BOX_SHELLS), w;
      double a_up, a_down, b_up, b_down;

      if (!_tangent_jet_interval_eval_ray (prog, params, point, H, tau, n + 1, C, NULL)
          || !tangent_interval_is_bounded (C[n + 1]))
        return INFINITY;
      pow_bounds (1 - (double) (l - 1) / BOX_SHELLS, n + 1, &a_down, &a_up);
      pow_bounds (1 - (double) l / BOX_SHELLS, n + 1, &b_down, &b_up);
      w = tangent_interval_new (MAX (0, tangent_interval_add_down (a_down, -b_up)),
                                tangent_interval_add_up (a_up, -b_down));
      sum = tangent_interval_add (sum, tangent_interval_mul (C[n + 1], w));
    }
  if (!tangent_interval_is_bounded (sum))
    return INFINITY;
  return mag (sum);
}

/* A cell, or a part of one, of the box bound: its offsets from the centre
 * H, its best remainder from tiles and from rays, and the coefficient and
 * rounding terms, all bounds for every point of it. */
typedef struct
{
  TangentInterval H[2];
  double          tiles;
  double          ray;
  double          extra;
  guint           depth;
} Region;

/* Quarters of the worst region's offsets, for its ray estimate. */
#define BOX_SPLITS      24
#define BOX_SPLIT_DEPTH 4

static double
region_value (const Region *g)
{
  return tangent_interval_add_up (MIN (g->tiles, g->ray), g->extra);
}

/**
 * tangent_taylor_bound_box:
 * @prog: a program (its first output)
 * @params: (nullable): the parameter values
 * @point: the centre (a, b) in point[0], point[1]; z at point[2]
 * @order: the total degree n of T
 * @lo: the box's lower corner
 * @hi: the box's upper corner
 * @bound: (out): the certified bound, or +∞
 * @reason: (out) (optional) (nullable) (transfer full): why +∞, or %NULL
 * @error: return location for a #GError
 *
 * The box is cut into BOX_GRID² cells; the segment from the centre to any
 * point p of a cell lies in the rectangle of tiles spanned by the centre
 * and the cell, where 2-D interval jets, intersected with their Taylor
 * form about the tile's centre (tile_enclose()), bound every c_ij,
 * i + j = n + 1. With h = p − (a, b) in H, the cell's offsets (on one side
 * of each centre line), the remainder is bounded by the smallest of
 *
 *   Lagrange's form, f(p) − T_n(p) = Σ_{i+j=n+1} c_ij(ξ) h_x^i h_y^j, ξ on
 *   the segment: Σ sup|c_ij| X^i Y^j (X, Y ≥ |h_x|, |h_y|), and the same
 *   sum in intervals, Σ C_ij H_x^i H_y^j, which keeps the signs;
 *
 *   the integral form, f(p) − T_n(p) = ∫_0^1 (n + 1)(1 − τ)^n
 *   Σ_{i+j=n+1} c_ij((a, b) + τh) h_x^i h_y^j dτ, cut into BOX_SHELLS
 *   pieces of τ (shell_remainder()): the kernel's weight lies near the
 *   centre, where the c_ij are taken over the few tiles that the piece
 *   of the segment can reach, as the 1-D band does with its pieces, the
 *   shells summed with their signs;
 *
 *   the same integral with the inner sum taken whole, as the (n + 1)-th
 *   Taylor coefficient of φ_h(τ) = f((a, b) + τh), a 1-D function, by an
 *   interval jet in τ over each shell with h in H (ray_remainder()): the
 *   terms' cancellations are kept, and a 1-D jet costs O(n²) where a 2-D
 *   one costs O(n⁴). The region whose bound is largest then has its ray
 *   estimate redone over the quarters of its H, BOX_SPLITS times at most
 *   (the interval h's own width is what this one loses to).
 *
 * Per cell then:
 *
 *   |f − T̂| ≤ remainder + Σ_{i+j≤n} (e_ij + γ_{3n+N} |ĉ_ij|) X^i Y^j
 *             + 2^−1074 (N + 3n) (1 + 2X)^n (1 + 2Y)^n,
 *
 * N = (n + 1)(n + 2)/2 terms: a term by term sum or Horner in y of Horner
 * in x puts at most 3n + N rounding factors on any term (Higham §3.1,
 * §5.1). The result is the largest over the cells, rounded up.
 *
 * Returns: %TRUE, or %FALSE with @error set for a bad order or box
 */
gboolean
tangent_taylor_bound_box (const TangentProgram *prog,
                          const double         *params,
                          const double          point[3],
                          guint                 order,
                          const double          lo[2],
                          const double          hi[2],
                          double               *bound,
                          char                **reason,
                          GError              **error)
{
  guint n = order, N = TANGENT_JET2_SIZE (order);
  g_autofree double *c = NULL;
  g_autofree double *w = NULL;
  g_autofree TangentInterval *C = NULL;
  g_autofree TangentInterval *TC = NULL;
  g_autofree TangentInterval *TD = NULL;
  g_autofree TangentInterval *enc = NULL;
  g_autofree const char **tile_reason = NULL;
  g_autoptr(GArray) xl = NULL;
  g_autoptr(GArray) yl = NULL;
  TangentJetDecoration deco;
  const char *why = NULL;
  g_autoptr(GArray) regions = g_array_new (FALSE, FALSE, sizeof (Region));
  double result = 0, gamma;
  guint nx, ny, ia, ib;

  g_return_val_if_fail (prog != NULL && point != NULL && lo != NULL && hi != NULL, FALSE);
  g_return_val_if_fail (bound != NULL, FALSE);
  g_return_val_if_fail (params != NULL || prog->n_params == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (reason != NULL)
    *reason = NULL;
  *bound = INFINITY;
  if (order > TANGENT_JET_MAX_ORDER)
    {
      g_set_error (error, TANGENT_JET_ERROR, TANGENT_JET_ERROR_ORDER,
                   "Taylor order %u is out of range (0 … %d)", order, TANGENT_JET_MAX_ORDER);
      return FALSE;
    }
  for (guint v = 0; v < 2; v++)
    {
      if (!isfinite (lo[v]) || !isfinite (hi[v]) || !(lo[v] <= hi[v]) || !isfinite (point[v])
          || !isfinite (hi[v] - lo[v]))
        {
          g_set_error (error, TANGENT_JET_ERROR, TANGENT_JET_ERROR_INVALID,
                       "The bound needs a finite box and centre");
          return FALSE;
        }
    }

  c = g_new (double, N);
  w = g_new (double, N);
  C = g_new (TangentInterval, N);
  TC = g_new (TangentInterval, TANGENT_JET2_SIZE (order + BOX_FORM_DEGREE + 2));
  TD = g_new (TangentInterval, TANGENT_JET2_SIZE (order + BOX_FORM_DEGREE + 2));
  if (!tangent_jet2_eval (prog, params, point, order, c, error))
    return FALSE;
  {
    TangentInterval centre[2] = { tangent_interval_point (point[0]),
                                  tangent_interval_point (point[1]) };

    gamma = gamma_up (3 * n + N);
    if (!tangent_jet2_interval_eval (prog, params, point, centre, order, C, &deco))
      why = deco.reason;
    else if (!coefficient_errors (c, C, N, gamma, w))
      why = N_("the Taylor coefficients are not finite");
  }

  xl = grid_lines (lo[0], hi[0], point[0]);
  yl = grid_lines (lo[1], hi[1], point[1]);
  sort_unique (xl);
  sort_unique (yl);
  nx = xl->len - 1;
  ny = yl->len - 1;
  ia = line_index (xl, point[0]);
  ib = line_index (yl, point[1]);

  /* c_ij over each tile, i + j = n + 1; a zero-width box has one line */
  enc = g_new0 (TangentInterval, MAX (nx, 1) * MAX (ny, 1) * (n + 2));
  tile_reason = g_new0 (const char *, MAX (nx, 1) * MAX (ny, 1));
  for (guint p = 0; why == NULL && p < MAX (nx, 1); p++)
    {
      for (guint q = 0; q < MAX (ny, 1); q++)
        {
          TangentInterval tile[2];
          guint t = p * MAX (ny, 1) + q;

          tile[0] = tangent_interval_new (g_array_index (xl, double, p),
                                          g_array_index (xl, double, MIN (p + 1, nx)));
          tile[1] = tangent_interval_new (g_array_index (yl, double, q),
                                          g_array_index (yl, double, MIN (q + 1, ny)));
          if (!tile_enclose (prog, params, point, tile, n, TC, TD, &enc[t * (n + 2)],
                             &tile_reason[t]))
            g_assert (tile_reason[t] != NULL);
        }
    }

  /* every cell of the box, with the rectangle of tiles out to the centre */
  for (guint p = 0; why == NULL && p < MAX (nx, 1); p++)
    {
      double x0 = g_array_index (xl, double, p), x1 = g_array_index (xl, double, MIN (p + 1, nx));

      if (x1 < lo[0] || x0 > hi[0])
        continue;
      for (guint q = 0; why == NULL && q < MAX (ny, 1); q++)
        {
          double y0 = g_array_index (yl, double, q), y1 = g_array_index (yl, double, MIN (q + 1, ny));
          guint p0 = MIN (p, ia), p1 = p >= ia ? p : ia - 1;
          guint q0 = MIN (q, ib), q1 = q >= ib ? q : ib - 1;
          g_autofree double *s = g_new0 (double, n + 2);
          g_autofree TangentInterval *hull = g_new (TangentInterval, n + 2);
          TangentInterval H[2], rem;
          double X, Y, junk, r, u = 0;

          if (y1 < lo[1] || y0 > hi[1])
            continue;
          if (nx == 0)
            p0 = p1 = 0;
          if (ny == 0)
            q0 = q1 = 0;
          for (guint j = 0; j <= n + 1; j++)
            hull[j] = tangent_interval_empty ();
          for (guint tp = p0; tp <= p1; tp++)
            {
              for (guint tq = q0; tq <= q1; tq++)
                {
                  guint t = tp * MAX (ny, 1) + tq;

                  if (tile_reason[t] != NULL)
                    {
                      why = tile_reason[t];
                      break;
                    }
                  for (guint j = 0; j <= n + 1; j++)
                    {
                      TangentInterval e = enc[t * (n + 2) + j];

                      s[j] = MAX (s[j], mag (e));
                      hull[j] = tangent_interval_hull (hull[j], e);
                    }
                }
              if (why != NULL)
                break;
            }
          if (why != NULL)
            break;

          /* the farthest the cell's part of the box gets from the centre */
          dist_bounds (MAX (x0, lo[0]), point[0], &junk, &X);
          dist_bounds (MIN (x1, hi[0]), point[0], &junk, &r);
          X = MAX (X, r);
          dist_bounds (MAX (y0, lo[1]), point[1], &junk, &Y);
          dist_bounds (MIN (y1, hi[1]), point[1], &junk, &r);
          Y = MAX (Y, r);

          /* the remainder: Σ sup|c_ij| X^i Y^j, or, keeping the signs, the
           * interval Σ C_ij H_x^i H_y^j over the cell's offsets from the
           * centre (the cell lies on one side of each centre line, so the
           * powers have known signs), whichever is smaller; then the
           * coefficient and rounding terms of grades 0 … n */
          r = 0;
          for (guint j = 0; j <= n + 1; j++)
            {
              double px, py, term;

              pow_bounds (X, n + 1 - j, &junk, &px);
              pow_bounds (Y, j, &junk, &py);
              term = tangent_interval_mul_up (s[j], tangent_interval_mul_up (px, py));
              r = tangent_interval_add_up (r, term);
            }
          H[0] = tangent_interval_new (tangent_interval_add_down (MAX (x0, lo[0]), -point[0]),
                                       tangent_interval_add_up (MIN (x1, hi[0]), -point[0]));
          H[1] = tangent_interval_new (tangent_interval_add_down (MAX (y0, lo[1]), -point[1]),
                                       tangent_interval_add_up (MIN (y1, hi[1]), -point[1]));
          rem = tangent_interval_point (0);
          for (guint j = 0; j <= n + 1; j++)
            {
              TangentInterval hp = tangent_interval_mul (tangent_interval_powi (H[0], n + 1 - j),
                                                         tangent_interval_powi (H[1], j));

              rem = tangent_interval_add (rem, tangent_interval_mul (hull[j], hp));
            }
          if (tangent_interval_is_bounded (rem))
            r = MIN (r, mag (rem));
          if (nx > 0 && ny > 0)
            r = MIN (r, shell_remainder (xl, yl, enc, tile_reason, point, H, n));
          if (n > 0)
            {
              double px, py;

              pow_bounds (tangent_interval_add_up (1, tangent_interval_mul_up (2, X)), n, &junk, &px);
              pow_bounds (tangent_interval_add_up (1, tangent_interval_mul_up (2, Y)), n, &junk, &py);
              u = tangent_interval_mul_up (tangent_interval_mul_up (px, py), (N + 3 * n) * 0x1p-1074);
            }
          {
            Region g;

            g.H[0] = H[0];
            g.H[1] = H[1];
            g.tiles = r;
            g.ray = ray_remainder (prog, params, point, H, n);
            g.extra = tangent_interval_add_up (poly2_up (w, 0, n, X, Y), u);
            g.depth = 0;
            g_array_append_val (regions, g);
          }
        }
    }

  /* The worst region's ray estimate, over quarters of its offsets, while
   * the budget lasts: a part of a cell keeps the cell's other estimates
   * and rounding terms (its points are among the cell's). */
  for (guint split = 0; why == NULL && split <= BOX_SPLITS; split++)
    {
      guint worst = G_MAXUINT;
      double top = -1;

      for (guint i = 0; i < regions->len; i++)
        {
          double v = region_value (&g_array_index (regions, Region, i));

          if (v > top)
            {
              top = v;
              worst = i;
            }
        }
      if (worst == G_MAXUINT || split == BOX_SPLITS || !(top < INFINITY))
        {
          result = MAX (result, top);
          break;
        }
      {
        Region parent = g_array_index (regions, Region, worst);

        if (parent.depth >= BOX_SPLIT_DEPTH || !(parent.ray < INFINITY)
            || parent.ray <= 0 || parent.H[0].lo == parent.H[0].hi || parent.H[1].lo == parent.H[1].hi)
          {
            result = MAX (result, top);
            break;
          }
        g_array_remove_index_fast (regions, worst);
        for (guint q = 0; q < 4; q++)
          {
            Region g = parent;

            for (guint v = 0; v < 2; v++)
              {
                double m = parent.H[v].lo + (parent.H[v].hi - parent.H[v].lo) / 2;

                g.H[v] = ((q >> v) & 1) ? tangent_interval_new (m, parent.H[v].hi)
                                       : tangent_interval_new (parent.H[v].lo, m);
              }
            g.depth++;
            g.ray = MIN (parent.ray, ray_remainder (prog, params, point, g.H, n));
            g_array_append_val (regions, g);
          }
      }
    }

  if (why == NULL && !(result < INFINITY))
    why = N_("the bound overflows");
  if (why != NULL)
    {
      *bound = INFINITY;
      if (reason != NULL)
        *reason = g_strdup (_(why));
      return TRUE;
    }
  *bound = result;
  return TRUE;
}

void
tangent_taylor_band_free (TangentTaylorBand *band)
{
  if (band == NULL)
    return;
  g_free (band->x);
  g_free (band->bound);
  g_free (band->reason);
  g_free (band);
}
