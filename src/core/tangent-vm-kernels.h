/* tangent-vm-kernels.h: the body of one kernel set, instantiated once per
 * instruction set by tangent-vm-generic.c, -avx2.c and -avx512.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before including, define:
 *   KERNEL_ISA      the suffix of the exported TangentVmIsa (generic, avx2)
 *   KERNEL_VW       doubles per vector register (2, 4, 8)
 *   KERNEL_VT       the SLEEF vector type (__m128d, __m256d, __m512d)
 *   KERNEL_VSUF     SLEEF's vector suffix (d2, d4, d8)
 *   KERNEL_ISASUF   SLEEF's instruction-set suffix (sse2, avx2, avx512f)
 *
 * Every opcode works lane by lane, so a lane's result never depends on the
 * other lanes: one value in a padded vector (tangent-math, the constant
 * folder, a tail block) gets the bits it gets inside a full block. An
 * instruction may write a slot it also reads; each kernel reads a vector of
 * operands before it stores that vector of results.
 */

#include <math.h>
#include <string.h>

#include "tangent-vm-private.h"

/* SLEEF's names: Sleef_<f><d4>_<accuracy><isa>. The 1-ULP variants (u10)
 * throughout; sqrt is correctly rounded (u05); floor, ceil and round are
 * exact and carry no accuracy tag. */
#define KERNEL_U_sin   u10
#define KERNEL_U_cos   u10
#define KERNEL_U_tan   u10
#define KERNEL_U_asin  u10
#define KERNEL_U_acos  u10
#define KERNEL_U_atan  u10
#define KERNEL_U_atan2 u10
#define KERNEL_U_sinh  u10
#define KERNEL_U_cosh  u10
#define KERNEL_U_tanh  u10
#define KERNEL_U_exp   u10
#define KERNEL_U_log   u10
#define KERNEL_U_log10 u10
#define KERNEL_U_log2  u10
#define KERNEL_U_cbrt  u10
#define KERNEL_U_pow   u10
#define KERNEL_U_sqrt  u05
#define KERNEL_U_floor
#define KERNEL_U_ceil
#define KERNEL_U_round

#define KERNEL_SLEEF_NAME2(f, vs, u, isa) Sleef_##f##vs##_##u##isa
#define KERNEL_SLEEF_NAME(f, vs, u, isa) KERNEL_SLEEF_NAME2 (f, vs, u, isa)
#define KERNEL_SLEEF(f) KERNEL_SLEEF_NAME (f, KERNEL_VSUF, KERNEL_U_##f, KERNEL_ISASUF)

#define KERNEL_PASTE2(a, b) a##b
#define KERNEL_PASTE(a, b) KERNEL_PASTE2 (a, b)

typedef double kernel_vd __attribute__ ((vector_size (KERNEL_VW * sizeof (double)), aligned (8)));

#define LOAD(p) ((KERNEL_VT) *(const kernel_vd *) (p))
#define STORE(p, v) (*(kernel_vd *) (p) = (kernel_vd) (v))
#define VD(p) (*(const kernel_vd *) (p))

/* x^m for 1 <= m <= TANGENT_VM_POWI_MAX: x^2k = (x^k)^2, x^(2k+1) = x^2k x.
 * The compiler expands constant exponents with the same recursion. */
static inline double
kernel_powi (double x,
             int    m)
{
  double t;

  if (m == 1)
    return x;
  if (m % 2 == 1)
    return kernel_powi (x, m - 1) * x;
  t = kernel_powi (x, m / 2);
  return t * t;
}

static inline double
kernel_powi_signed (double x,
                    int    n)
{
  if (n == 0)
    return 1.0;
  if (n < 0)
    return 1.0 / kernel_powi (x, -n);
  return kernel_powi (x, n);
}

/* Whether e is an integer exponent that the multiplication scheme takes. */
static inline gboolean
kernel_is_small_int (double e)
{
  return fabs (e) <= TANGENT_VM_POWI_MAX && e == (double) (int) e;
}

static inline void
kernel_pow (double       *d,
            const double *a,
            const double *b,
            gsize         n)
{
  for (gsize i = 0; i < n; i += KERNEL_VW)
    {
      double t[KERNEL_VW];

      STORE (t, KERNEL_SLEEF (pow) (LOAD (a + i), LOAD (b + i)));
      for (guint j = 0; j < KERNEL_VW; j++)
        {
          if (kernel_is_small_int (b[i + j]))
            t[j] = kernel_powi_signed (a[i + j], (int) b[i + j]);
        }
      memcpy (d + i, t, sizeof t);
    }
}

/* The real value of a^(p/q), q odd: |a|^(p/q), negated for a < 0 and odd
 * p. For |p| <= TANGENT_VM_POWI_MAX it is the q-th root (cbrt for q = 3,
 * else pow(|a|, 1/q)) raised to p by multiplication, so that perfect
 * powers come out exact: (-8)^(2/3) is 4, (-32)^(3/5) is -8. */
static inline void
kernel_root (double       *d,
             const double *a,
             double        p,
             gint32        q,
             gsize         n)
{
  gboolean odd = fmod (p, 2.0) != 0;
  gboolean via_root = fabs (p) <= TANGENT_VM_POWI_MAX;
  kernel_vd ev;

  for (guint j = 0; j < KERNEL_VW; j++)
    ev[j] = via_root ? 1.0 / (double) q : p / (double) q;

  for (gsize i = 0; i < n; i += KERNEL_VW)
    {
      double t[KERNEL_VW], m[KERNEL_VW];

      if (q == 1)
        {
          for (guint j = 0; j < KERNEL_VW; j++)
            m[j] = p;
          kernel_pow (t, a + i, m, KERNEL_VW);
          memcpy (d + i, t, sizeof t);
          continue;
        }

      for (guint j = 0; j < KERNEL_VW; j++)
        m[j] = fabs (a[i + j]);

      if (q == 3 && via_root)
        STORE (t, KERNEL_SLEEF (cbrt) (LOAD (m)));
      else
        STORE (t, KERNEL_SLEEF (pow) (LOAD (m), (KERNEL_VT) ev));

      for (guint j = 0; j < KERNEL_VW; j++)
        {
          if (via_root)
            t[j] = kernel_powi_signed (t[j], (int) p);
          if (odd && a[i + j] < 0)
            t[j] = -t[j];
        }
      memcpy (d + i, t, sizeof t);
    }
}

#define UNARY_SLEEF(fname) \
  for (gsize i = 0; i < n; i += KERNEL_VW) \
    STORE (d + i, KERNEL_SLEEF (fname) (LOAD (b + i)))

#define RECIP_SLEEF(fname) \
  for (gsize i = 0; i < n; i += KERNEL_VW) \
    STORE (d + i, 1.0 / (kernel_vd) KERNEL_SLEEF (fname) (LOAD (b + i)))

#define BINARY_VEC(expr) \
  for (gsize i = 0; i < n; i += KERNEL_VW) \
    { \
      kernel_vd x = VD (b + i), y = VD (c + i); \
      STORE (d + i, (expr)); \
    }

#define LANEWISE(expr) \
  for (gsize i = 0; i < n; i++) \
    { \
      double x = b[i], y = c[i]; \
      (void) y; \
      d[i] = (expr); \
    }

/* The interpreter: one switch per instruction, a loop over the block in
 * each case. Inlined into a full-block and a variable-size instance. */
static inline __attribute__ ((always_inline)) void
kernel_run_n (const TangentInstr *code,
              guint               n_code,
              double *const      *R,
              gsize               n,
              const double       *params)
{
  for (guint ip = 0; ip < n_code; ip++)
    {
      const TangentInstr *in = &code[ip];
      double *d = R[in->a];
      const double *b = R[in->b];
      const double *c = R[in->c];

      switch ((TangentOpcode) in->op)
        {
        case TANGENT_OP_CONST:
          for (gsize i = 0; i < n; i++)
            d[i] = in->k;
          break;
        case TANGENT_OP_PARAM:
          for (gsize i = 0; i < n; i++)
            d[i] = params[in->q];
          break;
        case TANGENT_OP_VAR:
          g_assert_not_reached ();
          break;
        case TANGENT_OP_COPY:
          if (d != b)
            memcpy (d, b, n * sizeof (double));
          break;

        case TANGENT_OP_NEG:
          for (gsize i = 0; i < n; i += KERNEL_VW)
            STORE (d + i, -VD (b + i));
          break;
        case TANGENT_OP_ADD: BINARY_VEC (x + y); break;
        case TANGENT_OP_SUB: BINARY_VEC (x - y); break;
        case TANGENT_OP_MUL: BINARY_VEC (x * y); break;
        case TANGENT_OP_DIV: BINARY_VEC (x / y); break;
        case TANGENT_OP_POW: kernel_pow (d, b, c, n); break;
        case TANGENT_OP_ROOT: kernel_root (d, b, in->k, in->q, n); break;

        case TANGENT_OP_ABS: LANEWISE (fabs (x)); break;
        case TANGENT_OP_SIGN: LANEWISE (isnan (x) ? x : (double) ((x > 0) - (x < 0))); break;
        case TANGENT_OP_FLOOR: UNARY_SLEEF (floor); break;
        case TANGENT_OP_CEIL: UNARY_SLEEF (ceil); break;
        case TANGENT_OP_ROUND: UNARY_SLEEF (round); break;
        case TANGENT_OP_SQRT: UNARY_SLEEF (sqrt); break;
        case TANGENT_OP_CBRT: UNARY_SLEEF (cbrt); break;
        case TANGENT_OP_EXP: UNARY_SLEEF (exp); break;
        case TANGENT_OP_LN: UNARY_SLEEF (log); break;
        case TANGENT_OP_LOG10: UNARY_SLEEF (log10); break;
        case TANGENT_OP_LOG2: UNARY_SLEEF (log2); break;
        case TANGENT_OP_SIN: UNARY_SLEEF (sin); break;
        case TANGENT_OP_COS: UNARY_SLEEF (cos); break;
        case TANGENT_OP_TAN: UNARY_SLEEF (tan); break;
        case TANGENT_OP_SEC: RECIP_SLEEF (cos); break;
        case TANGENT_OP_CSC: RECIP_SLEEF (sin); break;
        case TANGENT_OP_COT: RECIP_SLEEF (tan); break;
        case TANGENT_OP_ASIN: UNARY_SLEEF (asin); break;
        case TANGENT_OP_ACOS: UNARY_SLEEF (acos); break;
        case TANGENT_OP_ATAN: UNARY_SLEEF (atan); break;
        case TANGENT_OP_ATAN2:
          for (gsize i = 0; i < n; i += KERNEL_VW)
            STORE (d + i, KERNEL_SLEEF (atan2) (LOAD (b + i), LOAD (c + i)));
          break;
        case TANGENT_OP_SINH: UNARY_SLEEF (sinh); break;
        case TANGENT_OP_COSH: UNARY_SLEEF (cosh); break;
        case TANGENT_OP_TANH: UNARY_SLEEF (tanh); break;
        case TANGENT_OP_MIN: LANEWISE (isnan (x) || isnan (y) ? x + y : (y < x ? y : x)); break;
        case TANGENT_OP_MAX: LANEWISE (isnan (x) || isnan (y) ? x + y : (y > x ? y : x)); break;

        case TANGENT_OP_LT: LANEWISE (x < y ? 1.0 : 0.0); break;
        case TANGENT_OP_EQ: LANEWISE (x == y ? 1.0 : 0.0); break;
        case TANGENT_OP_SELECT:
          {
            const double *e = R[in->d];

            for (gsize i = 0; i < n; i++)
              d[i] = b[i] != 0 ? c[i] : e[i];
          }
          break;

        case TANGENT_N_OPCODES:
        default:
          g_assert_not_reached ();
        }
    }
}

static void
KERNEL_PASTE (kernel_run_block_, KERNEL_ISA) (const TangentInstr *code,
                                              guint               n_code,
                                              double *const      *R,
                                              gsize               n,
                                              const double       *params)
{
  kernel_run_n (code, n_code, R, TANGENT_VM_BLOCK, params);
}

static void
KERNEL_PASTE (kernel_run_, KERNEL_ISA) (const TangentInstr *code,
                                        guint               n_code,
                                        double *const      *R,
                                        gsize               n,
                                        const double       *params)
{
  g_assert (n % TANGENT_VM_LANES == 0);
  kernel_run_n (code, n_code, R, n, params);
}

static void
KERNEL_PASTE (kernel_fill_, KERNEL_ISA) (double *d,
                                         double  v,
                                         gsize   n)
{
  kernel_vd w;

  for (guint j = 0; j < KERNEL_VW; j++)
    w[j] = v;
  for (gsize i = 0; i < n; i += KERNEL_VW)
    STORE (d + i, w);
}

const TangentVmIsa KERNEL_PASTE (_tangent_vm_isa_, KERNEL_ISA) = {
  G_STRINGIFY (KERNEL_ISA),
  KERNEL_PASTE (kernel_run_block_, KERNEL_ISA),
  KERNEL_PASTE (kernel_run_, KERNEL_ISA),
  KERNEL_PASTE (kernel_fill_, KERNEL_ISA),
};
