/* tangent-jet-template.h: the recurrences of Taylor-mode AD, written once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A jet is a truncated power series in t of a value along the ray
 * point + t·h. Its coefficient of t^k, the "grade" k, is a homogeneous
 * polynomial of degree k in the direction h: one number in 1-D (h = 1 along
 * one variable), k + 1 numbers in 2-D (h = (x − a, y − b), slot j holding
 * the coefficient of (x − a)^(k−j) (y − b)^j). Every recurrence below is
 * the univariate one of Griewank & Walther, "Evaluating Derivatives", 2nd
 * ed., SIAM 2008, §13.2 (Table 13.2; Moore, "Interval Analysis", 1966, for
 * the same ODE recurrences): it only multiplies grades together (a product
 * of homogeneous polynomials, degree i times degree j lands in degree
 * i + j) and divides by scalars of grade 0, so it holds verbatim over the
 * ring of polynomials in h. Hence one text serves 1-D and 2-D exactly (no
 * interpolation), at O(n²) grade products per operation: O(n²) flops in
 * 1-D, O(n⁴/24) in 2-D.
 *
 * The includer defines, then includes this file (it may be included several
 * times in one file, with other names):
 *   JET_S                 the scalar type (double now; intervals later)
 *   JET_NAME(n)           mangles the names of this instance
 *   JET_UNIVARIATE        1: grades have one slot, and quotients 0/0 and odd
 *                         roots of 0 may shift series (see below); else 0
 *   JET_GSIZE(k)          slots of grade k: 1, or k + 1
 *   JET_GOFF(k)           offset of grade k: k, or k (k + 1) / 2
 *   JET_FROM_DOUBLE(d)    a scalar from a double
 *   JET_ADD(a, b) JET_SUB(a, b) JET_MUL(a, b) JET_DIV(a, b) JET_NEG(a)
 *   JET_SCALE(a, d)       a times the double d
 *   JET_NAN               the undefined scalar
 *   JET_IS_ZERO(a)        a is exactly zero (certainly)
 *   JET_EXACT(a, dp)      a is exactly one double, stored in *dp
 *   JET_SIGN(a)           +1 / −1 if certainly positive / negative, else 0
 *   JET_CMP(a, b)         +1 / −1 if certainly a > b / a < b, else 0
 *   JET_AT_JUMP(op, a)    a is (or may be) at a jump of sign/floor/ceil/round
 *   JET_SAME(a, b)        a and b are the same scalar
 *   JET_EVAL0(op, a, b, c, q, k)
 *                         op of the constant terms: the elementary
 *                         functions, through the VM's own kernels for
 *                         doubles, so that c0 is the program's value
 * or, instead of the scalar macros, JET_DOUBLE 1 for the double ones below.
 * Optional, with double defaults (an interval instance must define them, as
 * a rounded j/k is not an enclosure of j/k):
 *   JET_A                 the type of the rational factors of recurrences
 *   JET_RATIO(n, d)       the factor n/d, n and d integers held in doubles
 *   JET_POWR_ALPHA(p, q, j, k)
 *                         the factor (rho j − (k − j))/k of u^rho, rho = p/q
 *   JET_SCALE_A(a, f)     a times a factor
 *   JET_CONST_LN(b)       ln b for b = 2 or 10
 *   JET_POWI_EVERYWHERE   1: u^n for an integer 0 < n <= 1024 by repeated
 *                         squaring whatever u_0 (intervals: no division by
 *                         a u_0 that may contain 0); default 0
 *   JET_CONV(acc, k, a, b, lo, hi, alpha, beta, d)
 *                         a faster inner product (see conv below), FALSE
 *                         where it declines
 *   JET_POWR_BY_CONV      1: u^(p/q) for an integer p through conv too
 *                         (its factors (rho j − (k − j))/k as
 *                         ((p + q) j − q k)/(q k)); default 0
 * The includer provides <math.h>, <string.h> and tangent-vm-private.h.
 */

/* JET_DOUBLE: the scalar operations for doubles, the constant terms by the
 * VM's kernels (_tangent_vm_eval_op), so c0 has the bits of evaluation. */
#if defined (JET_DOUBLE) && JET_DOUBLE
#define JET_S                   double
#define JET_FROM_DOUBLE(d)      ((double) (d))
#define JET_ADD(a, b)           ((a) + (b))
#define JET_SUB(a, b)           ((a) - (b))
#define JET_MUL(a, b)           ((a) * (b))
#define JET_DIV(a, b)           ((a) / (b))
#define JET_NEG(a)              (-(a))
#define JET_SCALE(a, d)         ((a) * (d))
#define JET_NAN                 ((double) NAN)
#define JET_IS_ZERO(a)          ((a) == 0)
#define JET_EXACT(a, dp)        (*(dp) = (a), TRUE)
#define JET_SIGN(a)             (((a) > 0) - ((a) < 0))
#define JET_CMP(a, b)           (((a) > (b)) - ((a) < (b)))
#define JET_SAME(a, b)          ((a) == (b))
#define JET_AT_JUMP(op, a)      tangent_jet_double_at_jump ((op), (a))
#define JET_EVAL0(op, a, b, c, q, k) _tangent_vm_eval_op ((op), (a), (b), (c), (q), (k))
#ifndef TANGENT_JET_DOUBLE_HELPERS
#define TANGENT_JET_DOUBLE_HELPERS
/* Where sign, floor, ceil and round jump (tangent-derive.c: the zeros of
 * g(u)); a NaN argument counts as one, so its derivatives are NaN. */
static inline gboolean
tangent_jet_double_at_jump (guint  op,
                            double a)
{
  if (isnan (a))
    return TRUE;
  switch (op)
    {
    case TANGENT_OP_SIGN:
      return a == 0;
    case TANGENT_OP_FLOOR:
    case TANGENT_OP_CEIL:
      return a == floor (a);
    case TANGENT_OP_ROUND:
      return a - floor (a) == 0.5;
    default:
      return FALSE;
    }
}
#endif
#endif

#ifndef TANGENT_JET_LIVENESS
#define TANGENT_JET_LIVENESS
/* Which values the output needs (@live), and the last value that reads
 * each one (@last_use, G_MAXUINT for none), so a run frees a series as
 * soon as nothing reads it again. Shared by every instance of the run. */
static inline void
tangent_jet_liveness (const TangentProgram *prog,
                      guint                 root,
                      gboolean             *live,
                      guint                *last_use)
{
  guint n = root + 1;

  live[root] = TRUE;
  for (guint id = n; id-- > 0;)
    {
      const TangentValue *v = &prog->values[id];
      guint ops[3] = { v->a, v->b, v->c };

      last_use[id] = G_MAXUINT;
      if (!live[id])
        continue;
      for (guint i = 0; i < _tangent_opcode_get_arity (v->op); i++)
        live[ops[i]] = TRUE;
    }
  for (guint id = 0; id < n; id++)
    {
      const TangentValue *v = &prog->values[id];
      guint ops[3] = { v->a, v->b, v->c };

      if (!live[id])
        continue;
      for (guint i = 0; i < _tangent_opcode_get_arity (v->op); i++)
        last_use[ops[i]] = id;
    }
}
#endif

#ifndef JET_A
#define JET_A                   double
#define JET_RATIO(n, d)         ((n) / (d))
#define JET_POWR_ALPHA(p, q, j, k) (((p) / (q) * (j) - (double) ((k) - (j))) / (k))
#define JET_SCALE_A(a, f)       JET_SCALE (a, f)
#define JET_CONST_LN(b)         ((b) == 10 ? G_LN10 : G_LN2)
#define JET_A_DEFAULTS          1
#endif
#ifndef JET_POWI_EVERYWHERE
#define JET_POWI_EVERYWHERE     0
#endif
#ifndef JET_POWR_BY_CONV
#define JET_POWR_BY_CONV        0
#endif

#define JET_G(s, k) ((s) + JET_GOFF (k))
#define JET_CTX JET_NAME (ctx)

typedef struct
{
  guint   N;                               /* working order */
  gsize   size;                            /* scalars per series */
  int     seed[TANGENT_N_VARIABLES];       /* grade-1 slot of each variable, or -1 */
  guint   seed_mask;
  JET_S  *tmp[4];                          /* scratch series */
} JET_CTX;

static inline void
JET_NAME (grade_fill) (JET_S *g,
                       guint  k,
                       JET_S  v)
{
  for (guint p = 0; p < JET_GSIZE (k); p++)
    g[p] = v;
}

static inline gboolean
JET_NAME (grade_is_zero) (const JET_S *g,
                          guint        k)
{
  for (guint p = 0; p < JET_GSIZE (k); p++)
    {
      if (!JET_IS_ZERO (g[p]))
        return FALSE;
    }
  return TRUE;
}

/* acc (grade i + j) += alpha · a (grade i) · b (grade j): a product of
 * homogeneous polynomials, slot p times slot q landing in slot p + q. */
static inline void
JET_NAME (grade_addmul) (JET_S       *acc,
                         JET_A        alpha,
                         const JET_S *a,
                         guint        i,
                         const JET_S *b,
                         guint        j)
{
  for (guint p = 0; p < JET_GSIZE (i); p++)
    {
      for (guint q = 0; q < JET_GSIZE (j); q++)
        acc[p + q] = JET_ADD (acc[p + q], JET_SCALE_A (JET_MUL (a[p], b[q]), alpha));
    }
}

/* acc (grade k) += Σ_{j=lo..hi} ((alpha j + beta)/d) · a (grade j) ·
 * b (grade k − j), with alpha, beta and d > 0 integers held exactly in
 * doubles: the inner product every recurrence below is made of. An
 * instance may define JET_CONV (acc, k, a, b, lo, hi, alpha, beta, d) to
 * compute it faster, returning FALSE where it cannot (then this loop
 * does). Nothing happens when lo > hi. */
static inline void
JET_NAME (conv) (JET_S       *acc,
                 guint        k,
                 const JET_S *a,
                 const JET_S *b,
                 guint        lo,
                 guint        hi,
                 double       alpha,
                 double       beta,
                 double       d)
{
#ifdef JET_CONV
  if (JET_CONV (acc, k, a, b, lo, hi, alpha, beta, d))
    return;
#endif
  for (guint j = lo; j <= hi; j++)
    JET_NAME (grade_addmul) (acc, JET_RATIO (alpha * j + beta, d), JET_G (a, j), j,
                             JET_G (b, k - j), k - j);
}

static inline void
JET_NAME (grade_div) (JET_S *g,
                      guint  k,
                      JET_S  s)
{
  for (guint p = 0; p < JET_GSIZE (k); p++)
    g[p] = JET_DIV (g[p], s);
}

/* Grades lo … N of r := a · b, by Cauchy convolution. */
static void
JET_NAME (mul) (JET_S       *r,
                const JET_S *a,
                const JET_S *b,
                guint        lo,
                guint        N)
{
  for (guint k = lo; k <= N; k++)
    {
      JET_S *g = JET_G (r, k);

      JET_NAME (grade_fill) (g, k, JET_FROM_DOUBLE (0));
      JET_NAME (conv) (g, k, a, b, 0, k, 0, 1, 1);
    }
}

/* Grades lo … N of r := a / b, from r·b = a:
 *   r_k = (a_k − Σ_{j=1..k} b_j r_{k−j}) / b_0.
 * a NULL is the constant 1 (only its grades ≥ 1, all zero, are read). */
static void
JET_NAME (div) (JET_S       *r,
                const JET_S *a,
                const JET_S *b,
                guint        lo,
                guint        N)
{
  for (guint k = lo; k <= N; k++)
    {
      JET_S *g = JET_G (r, k);

      for (guint p = 0; p < JET_GSIZE (k); p++)
        g[p] = a != NULL ? JET_G (a, k)[p] : JET_FROM_DOUBLE (0);
      JET_NAME (conv) (g, k, b, r, 1, k, 0, -1, 1);
      JET_NAME (grade_div) (g, k, b[0]);
    }
}

/* r = exp(u), from r' = u' r: r_k = Σ_{j=1..k} (j/k) u_j r_{k−j}. */
static void
JET_NAME (exp) (JET_S       *r,
                const JET_S *u,
                guint        N)
{
  for (guint k = 1; k <= N; k++)
    {
      JET_S *g = JET_G (r, k);

      JET_NAME (grade_fill) (g, k, JET_FROM_DOUBLE (0));
      JET_NAME (conv) (g, k, u, r, 1, k, 1, 0, k);
    }
}

/* r = log(u), from u r' = u':
 *   r_k = (u_k − Σ_{j=1..k−1} (j/k) r_j u_{k−j}) / u_0. */
static void
JET_NAME (log) (JET_S       *r,
                const JET_S *u,
                guint        N)
{
  for (guint k = 1; k <= N; k++)
    {
      JET_S *g = JET_G (r, k);

      memcpy (g, JET_G (u, k), JET_GSIZE (k) * sizeof (JET_S));
      JET_NAME (conv) (g, k, r, u, 1, k - 1, -1, 0, k);
      JET_NAME (grade_div) (g, k, u[0]);
    }
}

/* r = sqrt(u), from r·r = u: r_k = (u_k − Σ_{j=1..k−1} r_j r_{k−j}) / (2 r_0). */
static void
JET_NAME (sqrt) (JET_S       *r,
                 const JET_S *u,
                 guint        N)
{
  JET_S two_r0 = JET_SCALE (r[0], 2.0);

  for (guint k = 1; k <= N; k++)
    {
      JET_S *g = JET_G (r, k);

      memcpy (g, JET_G (u, k), JET_GSIZE (k) * sizeof (JET_S));
      JET_NAME (conv) (g, k, r, r, 1, k - 1, 0, -1, 1);
      JET_NAME (grade_div) (g, k, two_r0);
    }
}

/* r = u^rho for a constant rho = p/q and u_0 ≠ 0, from u r' = rho u' r:
 *   r_k = Σ_{j=1..k} ((rho j − (k − j)) / k) u_j r_{k−j} / u_0.
 * No logarithm, so a negative u_0 (integer powers, odd roots) is fine. */
static void
JET_NAME (powr) (JET_S       *r,
                 const JET_S *u,
                 double       p,
                 double       q,
                 guint        N)
{
  for (guint k = 1; k <= N; k++)
    {
      JET_S *g = JET_G (r, k);

      JET_NAME (grade_fill) (g, k, JET_FROM_DOUBLE (0));
      if (JET_POWR_BY_CONV && p == nearbyint (p) && fabs (p) <= 0x1p20)
        JET_NAME (conv) (g, k, u, r, 1, k, p + q, -q * k, q * k);
      else
        {
          for (guint j = 1; j <= k; j++)
            JET_NAME (grade_addmul) (g, JET_POWR_ALPHA (p, q, j, k),
                                     JET_G (u, j), j, JET_G (r, k - j), k - j);
        }
      JET_NAME (grade_div) (g, k, u[0]);
    }
}

/* s = sin(u), c = cos(u) together (hyperbolic: sinh, cosh), from
 * s' = u' c, c' = ∓u' s:
 *   s_k = Σ (j/k) u_j c_{k−j},  c_k = ∓Σ (j/k) u_j s_{k−j}. */
static void
JET_NAME (sincos) (JET_S       *s,
                   JET_S       *c,
                   const JET_S *u,
                   double       sign,
                   guint        N)
{
  for (guint k = 1; k <= N; k++)
    {
      JET_S *gs = JET_G (s, k);
      JET_S *gc = JET_G (c, k);

      JET_NAME (grade_fill) (gs, k, JET_FROM_DOUBLE (0));
      JET_NAME (grade_fill) (gc, k, JET_FROM_DOUBLE (0));
      JET_NAME (conv) (gs, k, u, c, 1, k, 1, 0, k);
      JET_NAME (conv) (gc, k, u, s, 1, k, sign, 0, k);
    }
}

/* r = tan(u) (sign +1) or tanh(u) (sign −1), from r' = (1 ± r²) u':
 * w = 1 ± r² is built one grade behind r,
 *   r_k = Σ_{j=1..k} (j/k) u_j w_{k−j},  w_k = ±Σ_{i=0..k} r_i r_{k−i}. */
static void
JET_NAME (tan) (JET_S       *r,
                const JET_S *u,
                JET_S       *w,
                double       sign,
                guint        N)
{
  w[0] = JET_ADD (JET_FROM_DOUBLE (1), JET_SCALE (JET_MUL (r[0], r[0]), sign));
  for (guint k = 1; k <= N; k++)
    {
      JET_S *g = JET_G (r, k);
      JET_S *gw = JET_G (w, k);

      JET_NAME (grade_fill) (g, k, JET_FROM_DOUBLE (0));
      JET_NAME (conv) (g, k, u, w, 1, k, 1, 0, k);
      JET_NAME (grade_fill) (gw, k, JET_FROM_DOUBLE (0));
      JET_NAME (conv) (gw, k, r, r, 0, k, 0, sign, 1);
    }
}

/* The inverse functions, from w r' = sign·u' with w known:
 * atan (w = 1 + u²), asin (w = sqrt(1 − u²)), acos (the same, sign −1):
 *   r_k = (sign u_k − Σ_{j=1..k−1} (j/k) r_j w_{k−j}) / w_0. */
static void
JET_NAME (arc) (JET_S       *r,
                const JET_S *u,
                const JET_S *w,
                double       sign,
                guint        N)
{
  for (guint k = 1; k <= N; k++)
    {
      JET_S *g = JET_G (r, k);
      const JET_S *gu = JET_G (u, k);

      for (guint p = 0; p < JET_GSIZE (k); p++)
        g[p] = JET_SCALE (gu[p], sign);
      JET_NAME (conv) (g, k, r, w, 1, k - 1, -1, 0, k);
      JET_NAME (grade_div) (g, k, w[0]);
    }
}

/* r = atan2(y, x), from w r' = x y' − y x' with w = x² + y²:
 *   r_k = (Σ_{i=0..k−1} ((k−i)/k)(x_i y_{k−i} − y_i x_{k−i})
 *          − Σ_{j=1..k−1} (j/k) r_j w_{k−j}) / w_0. */
static void
JET_NAME (atan2) (JET_S       *r,
                  const JET_S *y,
                  const JET_S *x,
                  const JET_S *w,
                  guint        N)
{
  for (guint k = 1; k <= N; k++)
    {
      JET_S *g = JET_G (r, k);

      JET_NAME (grade_fill) (g, k, JET_FROM_DOUBLE (0));
      JET_NAME (conv) (g, k, x, y, 0, k - 1, -1, k, k);
      JET_NAME (conv) (g, k, y, x, 0, k - 1, 1, -(double) k, k);
      JET_NAME (conv) (g, k, r, w, 1, k - 1, -1, 0, k);
      JET_NAME (grade_div) (g, k, w[0]);
    }
}

/* r = u^n, n ≥ 1, by repeated squaring of series: exact where the
 * recurrence would divide by u_0 = 0 (x^3 about 0 is 0, 0, 0, 1, 0, …). */
static void
JET_NAME (powi) (JET_CTX     *ctx,
                 JET_S       *r,
                 const JET_S *u,
                 guint64      n)
{
  JET_S *base = ctx->tmp[0];
  JET_S *t = ctx->tmp[1];
  gboolean first = TRUE;

  memcpy (base, u, ctx->size * sizeof (JET_S));
  while (n > 0)
    {
      if (n & 1)
        {
          if (first)
            memcpy (r, base, ctx->size * sizeof (JET_S));
          else
            {
              JET_NAME (mul) (t, r, base, 0, ctx->N);
              memcpy (r, t, ctx->size * sizeof (JET_S));
            }
          first = FALSE;
        }
      n >>= 1;
      if (n > 0)
        {
          JET_NAME (mul) (t, base, base, 0, ctx->N);
          memcpy (base, t, ctx->size * sizeof (JET_S));
        }
    }
}

/* u^rho about u_0 = 0 for a non-integer rho (root: the real odd root
 * u^(p/q)). With m the order of the first non-zero grade of u, u^rho
 * behaves as t^(m rho): its derivatives of orders below m rho are 0, as
 * the symbolic derivative gives rho u^(rho−1) u' = 0 at u = 0 while
 * finite; in 1-D the next one is ±inf, the rest do not exist (NaN). In 1-D an odd root of a
 * series whose order m is a multiple of q is analytic, (x³)^(1/3) = x:
 * then u = t^m v, v_0 ≠ 0, and u^(p/q) = t^(mp/q) v^(p/q). Returns the
 * number of valid grades. */
static guint
JET_NAME (pow_zero_base) (JET_CTX     *ctx,
                          JET_S       *r,
                          const JET_S *u,
                          guint        len,
                          double       rho,
                          gboolean     root,
                          double       p,
                          gint32       q)
{
  guint N = ctx->N;
  guint m = 1;

  while (m < len && JET_NAME (grade_is_zero) (JET_G (u, m), m))
    m++;

#if JET_UNIVARIATE
  if (root && m < len && m % (guint) q == 0 && p >= 0)
    {
      JET_S *v = ctx->tmp[2];
      JET_S *w = ctx->tmp[3];
      guint vlen = len - m;
      guint e = (guint) (m / (guint) q * p);

      for (guint i = 0; i <= N; i++)
        v[i] = i < vlen ? u[i + m] : JET_NAN;
      w[0] = JET_EVAL0 (TANGENT_OP_ROOT, v[0], v[0], v[0], q, p);
      JET_NAME (powr) (w, v, p, q, N);
      for (guint i = 1; i <= N; i++)
        r[i] = i < e ? JET_FROM_DOUBLE (0) : w[i - e];
      if (e == 0)
        r[0] = w[0];
      return MIN (N + 1, vlen + e);
    }
#else
  (void) root;
  (void) p;
  (void) q;
#endif

  for (guint k = 1; k <= N; k++)
    JET_NAME (grade_fill) (JET_G (r, k), k,
                           rho > 0 && k < m * rho ? JET_FROM_DOUBLE (0) : JET_NAN);

#if JET_UNIVARIATE
  /* The first derivative past the finite ones is an infinite slope, as
   * the symbolic derivative gives (cbrt and x^1.5 at 0): the sign of
   * u_m^rho binom(m rho, k) t^(m rho − k), from the right. */
  if (rho > 0 && m < len && m * rho != floor (m * rho) && ceil (m * rho) <= N)
    {
      guint k = (guint) ceil (m * rho);
      double sign = 1.0;

      if (JET_SIGN (u[m]) < 0)
        sign = !root ? NAN : fmod (p, 2.0) != 0 ? -1.0 : 1.0;
      for (guint i = 0; i < k; i++)
        sign *= m * rho - i;
      r[k] = JET_FROM_DOUBLE (sign > 0 ? INFINITY : sign < 0 ? -INFINITY : NAN);
    }
#endif
  return len;
}

static gboolean
JET_NAME (is_constant) (const JET_S *s,
                        guint        len)
{
  for (guint k = 1; k < len; k++)
    {
      if (!JET_NAME (grade_is_zero) (JET_G (s, k), k))
        return FALSE;
    }
  return TRUE;
}

/* One value of the program: r (grade 0 already holds op of the constant
 * terms) from its operands a, b, c. Returns the number of valid grades of
 * r, which shifts (1-D 0/0 and odd roots of 0) may leave below N + 1. */
static guint
JET_NAME (value) (JET_CTX            *ctx,
                  const TangentValue *v,
                  JET_S              *r,
                  const JET_S        *a,
                  const JET_S        *b,
                  const JET_S        *c,
                  guint               len)
{
  guint N = ctx->N;
  JET_S *t0 = ctx->tmp[0];
  JET_S *t1 = ctx->tmp[1];
  gsize gbytes = ctx->size * sizeof (JET_S);
  double rho = 0;

  switch ((TangentOpcode) v->op)
    {
    case TANGENT_OP_COPY:
      memcpy (r + 1, a + 1, gbytes - sizeof (JET_S));
      break;

    case TANGENT_OP_NEG:
      for (gsize i = 1; i < ctx->size; i++)
        r[i] = JET_NEG (a[i]);
      break;

    case TANGENT_OP_ADD:
      for (gsize i = 1; i < ctx->size; i++)
        r[i] = JET_ADD (a[i], b[i]);
      break;

    case TANGENT_OP_SUB:
      for (gsize i = 1; i < ctx->size; i++)
        r[i] = JET_SUB (a[i], b[i]);
      break;

    case TANGENT_OP_MUL:
      JET_NAME (mul) (r, a, b, 1, N);
      break;

    case TANGENT_OP_DIV:
#if JET_UNIVARIATE
      /* A removable singularity, 0/0 at the centre: l'Hôpital on series.
       * When b = t^m b', a = t^m a' with b'_0 ≠ 0 (leading zeros exact),
       * a/b is a'/b', the limit, with m grades fewer known. */
      if (JET_IS_ZERO (a[0]) && JET_IS_ZERO (b[0]))
        {
          guint m = 1;

          while (m < len && JET_IS_ZERO (b[m]))
            m++;
          if (m < len)
            {
              gboolean removable = TRUE;

              for (guint i = 1; i < m; i++)
                removable = removable && JET_IS_ZERO (a[i]);
              if (removable)
                {
                  for (guint i = 0; i <= N; i++)
                    {
                      t0[i] = i + m <= N ? a[i + m] : JET_NAN;
                      t1[i] = i + m <= N ? b[i + m] : JET_NAN;
                    }
                  r[0] = JET_DIV (t0[0], t1[0]);
                  JET_NAME (div) (r, t0, t1, 1, N);
                  return len - m;
                }
            }
          else
            {
              /* Every known grade of both vanishes ((1 − cos x)/x² to
               * order 1): no grade of the quotient is known yet. The
               * caller reruns with more. */
              gboolean all_zero = TRUE;

              for (guint i = 1; i < len; i++)
                all_zero = all_zero && JET_IS_ZERO (a[i]);
              if (all_zero)
                {
                  for (guint i = 0; i <= N; i++)
                    r[i] = JET_NAN;
                  return 0;
                }
            }
        }
#endif
      JET_NAME (div) (r, a, b, 1, N);
      break;

    case TANGENT_OP_POW:
      if (!JET_NAME (is_constant) (b, len) || !JET_EXACT (b[0], &rho))
        {
          /* u^w = exp(w log u) */
          t0[0] = JET_EVAL0 (TANGENT_OP_LN, a[0], a[0], a[0], 0, 0);
          JET_NAME (log) (t0, a, N);
          JET_NAME (mul) (t1, b, t0, 0, N);
          JET_NAME (exp) (r, t1, N);
        }
      else if (rho == 0)
        {
          for (guint k = 1; k <= N; k++)
            JET_NAME (grade_fill) (JET_G (r, k), k, JET_FROM_DOUBLE (0));
        }
#if JET_POWI_EVERYWHERE
      else if (rho > 0 && rho <= 1024 && rho == nearbyint (rho))
        {
          JET_S r0 = r[0];

          JET_NAME (powi) (ctx, r, a, (guint64) rho);
          r[0] = r0;
        }
#endif
      else if (!JET_IS_ZERO (a[0]))
        JET_NAME (powr) (r, a, rho, 1.0, N);
      else if (rho == nearbyint (rho))
        {
          JET_S r0 = r[0];

          if (rho < 0)
            {
              for (guint k = 1; k <= N; k++)
                JET_NAME (grade_fill) (JET_G (r, k), k, JET_NAN);
            }
          else if (rho > N)
            {
              for (guint k = 1; k <= N; k++)
                JET_NAME (grade_fill) (JET_G (r, k), k, JET_FROM_DOUBLE (0));
            }
          else
            JET_NAME (powi) (ctx, r, a, (guint64) rho);
          r[0] = r0;
        }
      else
        return JET_NAME (pow_zero_base) (ctx, r, a, len, rho, FALSE, 0, 1);
      break;

    case TANGENT_OP_ROOT:
    case TANGENT_OP_CBRT:
      {
        double p = v->op == TANGENT_OP_ROOT ? v->k : 1;
        gint32 q = v->op == TANGENT_OP_ROOT ? v->q : 3;

        if (!JET_IS_ZERO (a[0]))
          JET_NAME (powr) (r, a, p, q, N);
        else
          return JET_NAME (pow_zero_base) (ctx, r, a, len, p / q, TRUE, p, q);
      }
      break;

    case TANGENT_OP_ABS:
      {
        int s = JET_SIGN (a[0]);

        for (gsize i = 1; i < ctx->size; i++)
          r[i] = s > 0 ? a[i] : s < 0 ? JET_NEG (a[i]) : JET_NAN;
      }
      break;

    case TANGENT_OP_SIGN:
    case TANGENT_OP_FLOOR:
    case TANGENT_OP_CEIL:
    case TANGENT_OP_ROUND:
      {
        JET_S d = JET_AT_JUMP (v->op, a[0]) ? JET_NAN : JET_FROM_DOUBLE (0);

        for (gsize i = 1; i < ctx->size; i++)
          r[i] = d;
      }
      break;

    case TANGENT_OP_MIN:
    case TANGENT_OP_MAX:
      {
        /* The selected series; at a tie, the common series if both are
         * the same to every grade (as the compiled AD keeps an agreeing
         * slope), else NaN. */
        int sel = JET_CMP (a[0], b[0]) * (v->op == TANGENT_OP_MIN ? 1 : -1);
        gboolean same = TRUE;

        for (gsize i = 1; i < ctx->size && sel == 0; i++)
          same = same && JET_SAME (a[i], b[i]);
        for (gsize i = 1; i < ctx->size; i++)
          r[i] = sel < 0 ? a[i] : sel > 0 ? b[i] : same ? a[i] : JET_NAN;
      }
      break;

    case TANGENT_OP_LT:
    case TANGENT_OP_EQ:
      for (guint k = 1; k <= N; k++)
        JET_NAME (grade_fill) (JET_G (r, k), k, JET_FROM_DOUBLE (0));
      break;

    case TANGENT_OP_SELECT:
      memcpy (r + 1, (!JET_IS_ZERO (a[0]) ? b : c) + 1, gbytes - sizeof (JET_S));
      break;

    case TANGENT_OP_SQRT:
      JET_NAME (sqrt) (r, a, N);
      break;

    case TANGENT_OP_EXP:
      JET_NAME (exp) (r, a, N);
      break;

    case TANGENT_OP_LN:
      JET_NAME (log) (r, a, N);
      break;

    case TANGENT_OP_LOG10:
    case TANGENT_OP_LOG2:
      {
        JET_S ln_base = JET_CONST_LN (v->op == TANGENT_OP_LOG10 ? 10 : 2);

        t0[0] = JET_EVAL0 (TANGENT_OP_LN, a[0], a[0], a[0], 0, 0);
        JET_NAME (log) (t0, a, N);
        for (gsize i = 1; i < ctx->size; i++)
          r[i] = JET_DIV (t0[i], ln_base);
      }
      break;

    case TANGENT_OP_SIN:
    case TANGENT_OP_COS:
    case TANGENT_OP_SINH:
    case TANGENT_OP_COSH:
      {
        gboolean hyp = v->op == TANGENT_OP_SINH || v->op == TANGENT_OP_COSH;
        gboolean is_sin = v->op == TANGENT_OP_SIN || v->op == TANGENT_OP_SINH;
        TangentOpcode other = v->op == TANGENT_OP_SIN ? TANGENT_OP_COS
                            : v->op == TANGENT_OP_COS ? TANGENT_OP_SIN
                            : v->op == TANGENT_OP_SINH ? TANGENT_OP_COSH : TANGENT_OP_SINH;

        t0[0] = JET_EVAL0 (other, a[0], a[0], a[0], 0, 0);
        if (is_sin)
          JET_NAME (sincos) (r, t0, a, hyp ? 1.0 : -1.0, N);
        else
          JET_NAME (sincos) (t0, r, a, hyp ? 1.0 : -1.0, N);
      }
      break;

    case TANGENT_OP_TAN:
    case TANGENT_OP_TANH:
      JET_NAME (tan) (r, a, t0, v->op == TANGENT_OP_TAN ? 1.0 : -1.0, N);
      break;

    case TANGENT_OP_SEC:
    case TANGENT_OP_CSC:
    case TANGENT_OP_COT:
      /* 1/cos, 1/sin, cos/sin of the sin-cos pair. */
      t0[0] = JET_EVAL0 (TANGENT_OP_SIN, a[0], a[0], a[0], 0, 0);
      t1[0] = JET_EVAL0 (TANGENT_OP_COS, a[0], a[0], a[0], 0, 0);
      JET_NAME (sincos) (t0, t1, a, -1.0, N);
      if (v->op == TANGENT_OP_SEC)
        JET_NAME (div) (r, NULL, t1, 1, N);
      else if (v->op == TANGENT_OP_CSC)
        JET_NAME (div) (r, NULL, t0, 1, N);
      else
        JET_NAME (div) (r, t1, t0, 1, N);
      break;

    case TANGENT_OP_ASIN:
    case TANGENT_OP_ACOS:
      /* w = sqrt(1 − u²) */
      JET_NAME (mul) (t0, a, a, 0, N);
      for (gsize i = 0; i < ctx->size; i++)
        t0[i] = JET_NEG (t0[i]);
      t0[0] = JET_SUB (JET_FROM_DOUBLE (1), JET_MUL (a[0], a[0]));
      t1[0] = JET_EVAL0 (TANGENT_OP_SQRT, t0[0], t0[0], t0[0], 0, 0);
      JET_NAME (sqrt) (t1, t0, N);
      JET_NAME (arc) (r, a, t1, v->op == TANGENT_OP_ASIN ? 1.0 : -1.0, N);
      break;

    case TANGENT_OP_ATAN:
      JET_NAME (mul) (t0, a, a, 0, N);
      t0[0] = JET_ADD (JET_FROM_DOUBLE (1), t0[0]);
      JET_NAME (arc) (r, a, t0, 1.0, N);
      break;

    case TANGENT_OP_ATAN2:
      JET_NAME (mul) (t0, a, a, 0, N);
      JET_NAME (mul) (t1, b, b, 0, N);
      for (gsize i = 0; i < ctx->size; i++)
        t0[i] = JET_ADD (t0[i], t1[i]);
      JET_NAME (atan2) (r, a, b, t0, N);
      break;

    case TANGENT_OP_CONST:
    case TANGENT_OP_PARAM:
    case TANGENT_OP_VAR:
    default:
      g_assert_not_reached ();
    }

  return len;
}

/* Runs the program's first output as a jet of order ctx->N; out receives
 * ctx->size scalars. Only the values the output reads are computed, and a
 * value that depends on no seeded variable is a constant series (its c0
 * only). Buffers are recycled after each value's last use, so a flat
 * 20 000-term chain needs a handful of series, not 20 000. Returns the
 * number of valid grades of the output. */
static guint
JET_NAME (run) (JET_CTX              *ctx,
                const TangentProgram *prog,
                const JET_S          *params,
                const JET_S          *point,
                JET_S                *out)
{
  guint root = prog->outputs[0];
  guint n = root + 1;
  g_autofree guint *last_use = g_new (guint, n);
  g_autofree guint *lens = g_new0 (guint, n);
  g_autofree JET_S **bufs = g_new0 (JET_S *, n);
  g_autofree gboolean *live = g_new0 (gboolean, n);
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);
  guint out_len;

  tangent_jet_liveness (prog, root, live, last_use);

  for (guint id = 0; id < n; id++)
    {
      const TangentValue *v = &prog->values[id];
      guint arity = _tangent_opcode_get_arity (v->op);
      guint ops[3] = { v->a, v->b, v->c };
      const JET_S *in[3] = { NULL, NULL, NULL };
      JET_S *r;
      guint len = ctx->N + 1;

      if (!live[id])
        continue;

      if (pool->len > 0)
        r = g_ptr_array_steal_index_fast (pool, pool->len - 1);
      else
        r = g_new (JET_S, ctx->size);
      bufs[id] = r;

      for (guint i = 0; i < arity; i++)
        {
          in[i] = bufs[ops[i]];
          len = MIN (len, lens[ops[i]]);
        }

      switch ((TangentOpcode) v->op)
        {
        case TANGENT_OP_CONST:
          r[0] = JET_FROM_DOUBLE (v->k);
          break;
        case TANGENT_OP_PARAM:
          r[0] = params[v->q];
          break;
        case TANGENT_OP_VAR:
          r[0] = point[v->q];
          break;
        default:
          r[0] = JET_EVAL0 (v->op, in[0][0], (arity > 1 ? in[1] : in[0])[0],
                            (arity > 2 ? in[2] : in[0])[0], v->q, v->k);
          break;
        }

      if ((v->mask & ctx->seed_mask) == 0)
        {
          for (gsize i = 1; i < ctx->size; i++)
            r[i] = JET_FROM_DOUBLE (0);
        }
      else if (v->op == TANGENT_OP_VAR)
        {
          for (gsize i = 1; i < ctx->size; i++)
            r[i] = JET_FROM_DOUBLE (0);
          if (ctx->N >= 1 && ctx->seed[v->q] >= 0)
            JET_G (r, 1)[ctx->seed[v->q]] = JET_FROM_DOUBLE (1);
        }
      else
        len = JET_NAME (value) (ctx, v, r, in[0], in[1], in[2], len);
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

  memcpy (out, bufs[root], ctx->size * sizeof (JET_S));
  out_len = lens[root];
  g_free (bufs[root]);
  return out_len;
}

/* Scratch of ctx for order N. */
static void
JET_NAME (ctx_init) (JET_CTX *ctx,
                     guint    N)
{
  ctx->N = N;
  ctx->size = JET_GOFF (N + 1);
  for (guint i = 0; i < G_N_ELEMENTS (ctx->tmp); i++)
    ctx->tmp[i] = g_new0 (JET_S, ctx->size);
}

static void
JET_NAME (ctx_clear) (JET_CTX *ctx)
{
  for (guint i = 0; i < G_N_ELEMENTS (ctx->tmp); i++)
    g_clear_pointer (&ctx->tmp[i], g_free);
}

#undef JET_G
#undef JET_CTX
#undef JET_POWI_EVERYWHERE
#undef JET_POWR_BY_CONV
#if defined (JET_A_DEFAULTS)
#undef JET_A
#undef JET_RATIO
#undef JET_POWR_ALPHA
#undef JET_SCALE_A
#undef JET_CONST_LN
#undef JET_A_DEFAULTS
#endif

#if defined (JET_DOUBLE) && JET_DOUBLE
#undef JET_S
#undef JET_FROM_DOUBLE
#undef JET_ADD
#undef JET_SUB
#undef JET_MUL
#undef JET_DIV
#undef JET_NEG
#undef JET_SCALE
#undef JET_NAN
#undef JET_IS_ZERO
#undef JET_EXACT
#undef JET_SIGN
#undef JET_CMP
#undef JET_SAME
#undef JET_AT_JUMP
#undef JET_EVAL0
#endif
