/* test-interval.c: interval enclosures: hand-known boxes, containment of
 * long-double reference values at random points of random boxes for
 * every builtin and operator, decorations, and compiled programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <float.h>
#include <glib.h>
#include <math.h>
#include <string.h>

#include "tangent-interval.h"
#include "tangent-parser.h"
#include "tangent-vm.h"

#define DEF TANGENT_INTERVAL_DEFINED
#define CONT TANGENT_INTERVAL_CONTINUOUS
#define SMOOTH TANGENT_INTERVAL_SMOOTH
#define ALL TANGENT_INTERVAL_ALL_FLAGS

static TangentInterval
iv (double lo,
    double hi)
{
  return tangent_interval_new (lo, hi);
}

/* r ⊇ [lo, hi], and wider by at most ulps steps at each end. */
static void
assert_encloses (const char     *what,
                 TangentInterval r,
                 double          lo,
                 double          hi,
                 guint           ulps)
{
  double slack_lo = lo, slack_hi = hi;

  for (guint i = 0; i < ulps; i++)
    {
      slack_lo = nextafter (slack_lo, -INFINITY);
      slack_hi = nextafter (slack_hi, INFINITY);
    }
  if (!(r.lo <= lo && hi <= r.hi))
    g_error ("%s: [%.17g, %.17g] does not enclose [%.17g, %.17g]", what, r.lo, r.hi, lo, hi);
  if (!(slack_lo <= r.lo && r.hi <= slack_hi))
    g_error ("%s: [%.17g, %.17g] is wider than [%.17g, %.17g] by more than %u ulps",
             what, r.lo, r.hi, lo, hi, ulps);
}

static void
assert_flags (const char     *what,
              TangentInterval r,
              guint           want)
{
  if (r.flags != want)
    g_error ("%s: flags %u, want %u", what, r.flags, want);
}

/* ---- Hand-known enclosures ---------------------------------------- */

static void
test_interval_arithmetic (void)
{
  TangentInterval r;

  r = tangent_interval_add (iv (1, 2), iv (3, 4));
  assert_encloses ("[1,2]+[3,4]", r, 4, 6, 0);
  assert_flags ("[1,2]+[3,4]", r, ALL);

  r = tangent_interval_add (iv (0.1, 0.2), iv (0.2, 0.7));
  assert_encloses ("[.1,.2]+[.2,.7]", r, 0.1 + 0.2, 0.2 + 0.7, 1);
  g_assert_true (r.lo < 0.1 + 0.2);   /* 0.1 + 0.2 rounds up */

  r = tangent_interval_sub (iv (1, 2), iv (3, 4));
  assert_encloses ("[1,2]-[3,4]", r, -3, -1, 0);

  r = tangent_interval_mul (iv (-1, 2), iv (3, 4));
  assert_encloses ("[-1,2]*[3,4]", r, -4, 8, 0);

  r = tangent_interval_mul (iv (0, 1), iv (1, INFINITY));
  assert_encloses ("[0,1]*[1,inf]", r, 0, INFINITY, 0);

  r = tangent_interval_mul (iv (1e300, 1e300), iv (1e10, 1e10));
  g_assert_cmpfloat (r.lo, ==, G_MAXDOUBLE);
  g_assert_cmpfloat (r.hi, ==, INFINITY);

  r = tangent_interval_mul (iv (1e-200, 1e-200), iv (1e-200, 1e-200));
  g_assert_cmpfloat (r.lo, <=, 0);
  g_assert_cmpfloat (r.hi, >, 0);

  r = tangent_interval_div (iv (1, 1), iv (3, 3));
  assert_encloses ("1/3", r, 1.0 / 3, 1.0 / 3, 1);
  g_assert_true (r.lo < r.hi);

  r = tangent_interval_div (iv (1, 2), iv (-1, 2));
  g_assert_true (tangent_interval_is_entire (r));
  g_assert_false (r.flags & DEF);

  r = tangent_interval_recip (iv (-1, 2));
  g_assert_true (tangent_interval_is_entire (r));
  assert_flags ("1/[-1,2]", r, 0);

  r = tangent_interval_recip (iv (0, 2));
  assert_encloses ("1/[0,2]", r, 0.5, INFINITY, 0);
  assert_flags ("1/[0,2]", r, 0);

  r = tangent_interval_recip (iv (-2, 0));
  assert_encloses ("1/[-2,0]", r, -INFINITY, -0.5, 0);

  g_assert_true (tangent_interval_is_empty (tangent_interval_recip (iv (0, 0))));
  g_assert_true (tangent_interval_is_empty (tangent_interval_add (iv (1, 0), iv (0, 1))));
  g_assert_true (tangent_interval_is_empty (iv (NAN, 1)));
  g_assert_true (tangent_interval_is_empty (iv (INFINITY, INFINITY)));

  r = tangent_interval_sqr (iv (-1, 2));
  assert_encloses ("[-1,2]^2", r, 0, 4, 0);
  r = tangent_interval_powi (iv (-2, 1), 3);
  assert_encloses ("[-2,1]^3", r, -8, 1, 8);
  r = tangent_interval_powi (iv (-2, 1), -2);
  g_assert_cmpfloat (r.hi, ==, INFINITY);
  g_assert_cmpfloat (r.lo, <=, 0.25);
  assert_flags ("[-2,1]^-2", r, 0);
  r = tangent_interval_powi (iv (-3, -2), 0);
  assert_encloses ("x^0", r, 1, 1, 0);
  assert_flags ("x^0", r, ALL);
  r = tangent_interval_powi (iv (0, 0), 0);
  assert_encloses ("0^0", r, 1, 1, 0);

  r = tangent_interval_root (iv (-8, 8), 1, 3);
  assert_encloses ("[-8,8]^(1/3)", r, -2, 2, 16);
  assert_flags ("[-8,8]^(1/3)", r, DEF | CONT);
  r = tangent_interval_root (iv (-8, -1), 2, 3);
  assert_encloses ("[-8,-1]^(2/3)", r, 1, 4, 32);
  assert_flags ("[-8,-1]^(2/3)", r, ALL);
  r = tangent_interval_root (iv (-32, -1), 1, 5);
  assert_encloses ("[-32,-1]^(1/5)", r, -2, -1, 64);

  r = tangent_interval_pow (iv (-1, 4), iv (0.5, 0.5));
  assert_encloses ("[-1,4]^0.5", r, 0, 2, 8);
  assert_flags ("[-1,4]^0.5", r, 0);
  r = tangent_interval_pow (iv (2, 3), iv (1, 2));
  assert_encloses ("[2,3]^[1,2]", r, 2, 9, 0);
  r = tangent_interval_pow (iv (0, 1), iv (0, 1));
  assert_encloses ("[0,1]^[0,1]", r, 0, 1, 0);
  assert_flags ("[0,1]^[0,1]", r, DEF);
  r = tangent_interval_pow (iv (-2, -1), iv (1, 3));
  assert_encloses ("[-2,-1]^[1,3]", r, -8, 8, 16);
  assert_flags ("[-2,-1]^[1,3]", r, 0);
}

static void
test_interval_elementary (void)
{
  TangentInterval r;

  r = tangent_interval_sqrt (iv (-1, 4));
  assert_encloses ("sqrt [-1,4]", r, 0, 2, 0);
  assert_flags ("sqrt [-1,4]", r, 0);
  r = tangent_interval_sqrt (iv (0, 4));
  assert_flags ("sqrt [0,4]", r, DEF | CONT);
  r = tangent_interval_sqrt (iv (1, 2));
  assert_encloses ("sqrt [1,2]", r, 1, sqrt (2), 1);
  assert_flags ("sqrt [1,2]", r, ALL);
  g_assert_true (tangent_interval_is_empty (tangent_interval_sqrt (iv (-2, -1))));

  r = tangent_interval_exp (iv (0, 1));
  assert_encloses ("exp [0,1]", r, 1, G_E, 8);
  g_assert_cmpfloat (r.lo, ==, 1);

  r = tangent_interval_ln (iv (0, 1));
  assert_encloses ("ln [0,1]", r, -INFINITY, 0, 0);
  assert_flags ("ln [0,1]", r, 0);
  r = tangent_interval_ln (iv (1, G_E));
  assert_encloses ("ln [1,e]", r, 0, 1, 8);
  assert_flags ("ln [1,e]", r, ALL);
  r = tangent_interval_log2 (iv (1, 1024));
  assert_encloses ("log2 [1,1024]", r, 0, 10, 16);
  r = tangent_interval_log10 (iv (1, 1000));
  assert_encloses ("log10 [1,1000]", r, 0, 3, 16);

  r = tangent_interval_sin (iv (0, 4));
  assert_encloses ("sin [0,4]", r, sin (4), 1, 8);
  assert_flags ("sin [0,4]", r, ALL);
  r = tangent_interval_sin (iv (-10, 10));
  assert_encloses ("sin [-10,10]", r, -1, 1, 0);
  r = tangent_interval_cos (iv (1, 2));
  assert_encloses ("cos [1,2]", r, cos (2), cos (1), 8);
  r = tangent_interval_cos (iv (-1, 1));
  assert_encloses ("cos [-1,1]", r, cos (1), 1, 8);
  r = tangent_interval_sin (iv (1e300, 1e300));
  assert_encloses ("sin 1e300", r, sin (1e300), sin (1e300), 8);

  r = tangent_interval_tan (iv (1, 2));
  g_assert_true (tangent_interval_is_entire (r));
  assert_flags ("tan [1,2]", r, 0);
  r = tangent_interval_tan (iv (-1, 1));
  assert_encloses ("tan [-1,1]", r, tan (-1), tan (1), 8);
  assert_flags ("tan [-1,1]", r, ALL);
  r = tangent_interval_cot (iv (-1, 1));
  g_assert_true (tangent_interval_is_entire (r));
  assert_flags ("cot [-1,1]", r, 0);
  r = tangent_interval_cot (iv (1, 2));
  assert_encloses ("cot [1,2]", r, 1 / tan (2), 1 / tan (1), 16);
  assert_flags ("cot [1,2]", r, ALL);
  r = tangent_interval_sec (iv (-1, 1));
  assert_encloses ("sec [-1,1]", r, 1, 1 / cos (1), 16);
  r = tangent_interval_csc (iv (1, 2));
  assert_encloses ("csc [1,2]", r, 1, 1 / sin (1), 16);
  g_assert_true (tangent_interval_is_empty (tangent_interval_csc (iv (0, 0))));

  r = tangent_interval_asin (iv (-2, 0.5));
  assert_encloses ("asin [-2,.5]", r, -G_PI / 2, asin (0.5), 8);
  assert_flags ("asin [-2,.5]", r, 0);
  r = tangent_interval_acos (iv (0, 1));
  assert_encloses ("acos [0,1]", r, 0, G_PI / 2, 8);
  assert_flags ("acos [0,1]", r, DEF | CONT);
  r = tangent_interval_atan (iv (-INFINITY, INFINITY));
  assert_encloses ("atan R", r, -G_PI / 2, G_PI / 2, 8);

  r = tangent_interval_atan2 (iv (1, 2), iv (1, 2));
  assert_encloses ("atan2 Q1", r, atan2 (1, 2), atan2 (2, 1), 8);
  assert_flags ("atan2 Q1", r, ALL);
  r = tangent_interval_atan2 (iv (-1, 1), iv (-2, -1));
  assert_encloses ("atan2 cut", r, -G_PI, G_PI, 4);
  assert_flags ("atan2 cut", r, DEF);
  r = tangent_interval_atan2 (iv (-1, 1), iv (-1, 1));
  assert_flags ("atan2 origin", r, 0);

  r = tangent_interval_cosh (iv (-1, 2));
  assert_encloses ("cosh [-1,2]", r, 1, cosh (2), 8);
  g_assert_cmpfloat (r.lo, ==, 1);
  r = tangent_interval_tanh (iv (-INFINITY, INFINITY));
  assert_encloses ("tanh R", r, -1, 1, 0);
  r = tangent_interval_sinh (iv (-1, 711));
  assert_encloses ("sinh [-1,711]", r, sinh (-1), INFINITY, 8);

  r = tangent_interval_cbrt (iv (-27, 8));
  assert_encloses ("cbrt [-27,8]", r, -3, 2, 16);
  assert_flags ("cbrt [-27,8]", r, DEF | CONT);
}

static void
test_interval_piecewise (void)
{
  TangentInterval r;

  r = tangent_interval_abs (iv (-1, 2));
  assert_encloses ("abs [-1,2]", r, 0, 2, 0);
  assert_flags ("abs [-1,2]", r, DEF | CONT);
  r = tangent_interval_abs (iv (-3, -1));
  assert_encloses ("abs [-3,-1]", r, 1, 3, 0);
  assert_flags ("abs [-3,-1]", r, ALL);

  r = tangent_interval_floor (iv (0.5, 1.5));
  assert_encloses ("floor [.5,1.5]", r, 0, 1, 0);
  assert_flags ("floor [.5,1.5]", r, DEF);
  r = tangent_interval_floor (iv (0.25, 0.75));
  assert_encloses ("floor [.25,.75]", r, 0, 0, 0);
  assert_flags ("floor [.25,.75]", r, ALL);
  r = tangent_interval_ceil (iv (0.25, 1));
  assert_flags ("ceil [.25,1]", r, DEF);
  r = tangent_interval_round (iv (-0.5, 0.4));
  assert_encloses ("round [-.5,.4]", r, -1, 0, 0);
  assert_flags ("round [-.5,.4]", r, DEF);
  r = tangent_interval_round (iv (0.6, 1.4));
  assert_flags ("round [.6,1.4]", r, ALL);
  r = tangent_interval_sign (iv (-1, 1));
  assert_encloses ("sign [-1,1]", r, -1, 1, 0);
  assert_flags ("sign [-1,1]", r, DEF);
  r = tangent_interval_sign (iv (1, 2));
  assert_encloses ("sign [1,2]", r, 1, 1, 0);
  assert_flags ("sign [1,2]", r, ALL);

  r = tangent_interval_min (iv (0, 2), iv (1, 3));
  assert_encloses ("min", r, 0, 2, 0);
  assert_flags ("min overlap", r, DEF | CONT);
  r = tangent_interval_max (iv (0, 1), iv (2, 3));
  assert_encloses ("max", r, 2, 3, 0);
  assert_flags ("max apart", r, ALL);
}

/* ---- Property tests --------------------------------------------------- */

typedef enum
{
  OP_ADD = TANGENT_N_BUILTINS,
  OP_SUB,
  OP_MUL,
  OP_DIV,
  OP_SQR,
  OP_POW,
  OP_ROOT,
  N_OPS
} ExtraOp;

typedef struct
{
  long double value;
  gboolean    defined;   /* the point is in the domain */
  gboolean    jump;      /* the point is a discontinuity */
  gboolean    kink;      /* not infinitely differentiable here */
} Ref;

static gint64 root_p, root_q;

static gboolean
is_int (long double x)
{
  return isfinite (x) && x == floorl (x);
}

/* The true value at one point, in long double, with what the language and
 * the decoration rules say about the point. */
static Ref
reference (guint  op,
           double x,
           double y)
{
  long double a = x, b = y;
  Ref r = { 0, TRUE, FALSE, FALSE };

  switch (op)
    {
    case TANGENT_BUILTIN_ABS: r.value = fabsl (a); r.kink = x == 0; break;
    case TANGENT_BUILTIN_SIGN:
      r.value = (x > 0) - (x < 0);
      r.jump = x == 0;
      break;
    case TANGENT_BUILTIN_FLOOR: r.value = floorl (a); r.jump = is_int (a); break;
    case TANGENT_BUILTIN_CEIL: r.value = ceill (a); r.jump = is_int (a); break;
    case TANGENT_BUILTIN_ROUND:
      r.value = roundl (a);
      r.jump = isfinite (a) && fabsl (a - truncl (a)) == 0.5L;
      break;
    case TANGENT_BUILTIN_SQRT: r.value = sqrtl (a); r.defined = x >= 0; r.kink = x == 0; break;
    case TANGENT_BUILTIN_CBRT: r.value = cbrtl (a); r.kink = x == 0; break;
    case TANGENT_BUILTIN_EXP: r.value = expl (a); break;
    case TANGENT_BUILTIN_LN: r.value = logl (a); r.defined = x > 0; break;
    case TANGENT_BUILTIN_LOG10: r.value = log10l (a); r.defined = x > 0; break;
    case TANGENT_BUILTIN_LOG2: r.value = log2l (a); r.defined = x > 0; break;
    case TANGENT_BUILTIN_SIN: r.value = sinl (a); break;
    case TANGENT_BUILTIN_COS: r.value = cosl (a); break;
    case TANGENT_BUILTIN_TAN: r.value = tanl (a); break;
    case TANGENT_BUILTIN_SEC: r.value = 1 / cosl (a); break;
    case TANGENT_BUILTIN_CSC: r.value = 1 / sinl (a); r.defined = x != 0; break;
    case TANGENT_BUILTIN_COT: r.value = cosl (a) / sinl (a); r.defined = x != 0; break;
    case TANGENT_BUILTIN_ASIN:
      r.value = asinl (a);
      r.defined = fabs (x) <= 1;
      r.kink = fabs (x) == 1;
      break;
    case TANGENT_BUILTIN_ACOS:
      r.value = acosl (a);
      r.defined = fabs (x) <= 1;
      r.kink = fabs (x) == 1;
      break;
    case TANGENT_BUILTIN_ATAN: r.value = atanl (a); break;
    case TANGENT_BUILTIN_ATAN2:
      /* The principal angle in (-π, π]: +0 and -0 are the same real. */
      r.value = atan2l (x == 0 ? 0.0L : a, b);
      r.defined = !(x == 0 && y == 0);
      r.jump = x == 0 && y < 0;
      break;
    case TANGENT_BUILTIN_SINH: r.value = sinhl (a); break;
    case TANGENT_BUILTIN_COSH: r.value = coshl (a); break;
    case TANGENT_BUILTIN_TANH: r.value = tanhl (a); break;
    case TANGENT_BUILTIN_MIN: r.value = fminl (a, b); r.kink = x == y; break;
    case TANGENT_BUILTIN_MAX: r.value = fmaxl (a, b); r.kink = x == y; break;
    case OP_ADD: r.value = a + b; break;
    case OP_SUB: r.value = a - b; break;
    case OP_MUL: r.value = a * b; break;
    case OP_SQR: r.value = a * a; break;
    case OP_DIV: r.value = a / b; r.defined = y != 0; break;
    case OP_POW:
      if (y == 0)
        r.value = 1;
      else if (x < 0 && !is_int (b))
        r.defined = FALSE;
      else if (x == 0 && y < 0)
        r.defined = FALSE;
      else
        r.value = powl (a, b);
      r.kink = x == 0 && !(is_int (b) && y >= 0);
      break;
    case OP_ROOT:
      if (root_p < 0 && x == 0)
        r.defined = FALSE;
      else
        {
          long double m = root_p == 0 ? 1 : powl (fabsl (a), (long double) root_p / root_q);

          r.value = (x < 0 && root_p % 2 != 0) ? -m : m;
        }
      r.kink = x == 0 && root_q > 1;
      break;
    default:
      g_assert_not_reached ();
    }

  return r;
}

static TangentInterval
apply (guint           op,
       TangentInterval a,
       TangentInterval b)
{
  switch (op)
    {
    case OP_ADD: return tangent_interval_add (a, b);
    case OP_SUB: return tangent_interval_sub (a, b);
    case OP_MUL: return tangent_interval_mul (a, b);
    case OP_DIV: return tangent_interval_div (a, b);
    case OP_SQR: return tangent_interval_sqr (a);
    case OP_POW: return tangent_interval_pow (a, b);
    case OP_ROOT: return tangent_interval_root (a, root_p, root_q);
    default: return tangent_interval_call ((TangentBuiltin) op, a, b);
    }
}

static const char *
op_name (guint op)
{
  static const char *extra[] = { "add", "sub", "mul", "div", "sqr", "pow", "root" };

  if (op < TANGENT_N_BUILTINS)
    return tangent_builtin_get_name ((TangentBuiltin) op);
  return extra[op - TANGENT_N_BUILTINS];
}

static guint
op_arity (guint op)
{
  if (op < TANGENT_N_BUILTINS)
    return tangent_builtin_get_arity ((TangentBuiltin) op);
  return op == OP_SQR || op == OP_ROOT ? 1 : 2;
}

static double
random_magnitude (GRand *rand)
{
  static const double scales[] = { 1e-310, 1e-300, 1e-20, 1e-3, 0.5, 1, 2, 10, 100, 1e6, 1e15, 1e20, 1e300 };

  return scales[g_rand_int_range (rand, 0, G_N_ELEMENTS (scales))] * g_rand_double_range (rand, 0, 4);
}

/* A random box of one of the interesting kinds. */
static TangentInterval
random_box (GRand *rand)
{
  double a, b, w;

  switch (g_rand_int_range (rand, 0, 11))
    {
    case 0: /* narrow */
      a = (g_rand_boolean (rand) ? 1 : -1) * random_magnitude (rand);
      w = fabs (a) * ldexp (1, -g_rand_int_range (rand, 1, 52));
      return iv (a, a + w);
    case 1: /* wide */
      a = g_rand_double_range (rand, -1000, 1000);
      b = g_rand_double_range (rand, -1000, 1000);
      return iv (MIN (a, b), MAX (a, b));
    case 2: /* straddling 0 */
      return iv (-random_magnitude (rand), random_magnitude (rand));
    case 3: /* near a multiple of π/2 */
      a = g_rand_int_range (rand, -8, 9) * G_PI / 2;
      return iv (a - g_rand_double_range (rand, 0, 0.1) * g_rand_int_range (rand, 0, 2),
                 a + g_rand_double_range (rand, 0, 0.1) * g_rand_int_range (rand, 0, 2));
    case 4: /* huge */
      a = g_rand_double_range (rand, 1, 1.7) * pow (10, g_rand_int_range (rand, 15, 308));
      return g_rand_boolean (rand) ? iv (a, a * (1 + g_rand_double (rand))) : iv (-a, a / 2);
    case 5: /* signed zeros and subnormals */
      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0: return iv (-0.0, 0.0);
        case 1: return iv (0.0, 0.0);
        case 2: return iv (-DBL_TRUE_MIN, DBL_TRUE_MIN);
        case 3: return iv (0, 1e-310);
        default: return iv (-0.0, 1);
        }
    case 6: /* an infinite end */
      a = (g_rand_boolean (rand) ? 1 : -1) * random_magnitude (rand);
      return g_rand_boolean (rand) ? iv (a, INFINITY) : iv (-INFINITY, a);
    case 7:
      return g_rand_int_range (rand, 0, 8) == 0 ? iv (-INFINITY, INFINITY)
                                                 : iv (g_rand_double_range (rand, -1.5, 1.5),
                                                       g_rand_double_range (rand, 1, 2));
    case 8: /* a point */
      a = (g_rand_boolean (rand) ? 1 : -1) * random_magnitude (rand);
      return iv (a, a);
    case 9: /* around small integers and half-integers */
      a = g_rand_int_range (rand, -4, 5) * 0.5;
      return iv (a - g_rand_double_range (rand, 0, 1) * g_rand_int_range (rand, 0, 2),
                 a + g_rand_double_range (rand, 0, 1) * g_rand_int_range (rand, 0, 2));
    default: /* moderate */
      a = g_rand_double_range (rand, -5, 5);
      return iv (a, a + g_rand_double_range (rand, 0, 3));
    }
}

/* Points of the box: its ends, the special points a kink or jump test
 * needs, and random points; finite ones only. */
static guint
box_points (GRand          *rand,
            TangentInterval x,
            double         *pts,
            guint           n_random)
{
  guint n = 0;
  double lo = isfinite (x.lo) ? x.lo : (isfinite (x.hi) ? MIN (x.hi, 0) - 1e6 : -1e6);
  double hi = isfinite (x.hi) ? x.hi : MAX (lo, 0) + 1e6;
  double specials[] = { 0, -1, 1, 0.5, -0.5, floor (hi), floor (lo) + 0.5, floor (hi) - 0.5,
                        G_PI / 2, -G_PI / 2 };

  if (tangent_interval_is_empty (x))
    return 0;
  pts[n++] = lo;
  pts[n++] = hi;
  for (guint i = 0; i < G_N_ELEMENTS (specials); i++)
    {
      if (x.lo <= specials[i] && specials[i] <= x.hi && isfinite (specials[i]))
        pts[n++] = specials[i];
    }
  for (guint i = 0; i < n_random; i++)
    {
      double u = g_rand_double (rand);
      double p = lo * (1 - u) + hi * u;

      if (isfinite (p))
        pts[n++] = CLAMP (p, lo, hi);
    }
  return n;
}

static guint n_property_checks;

static void
check_op (GRand *rand,
          guint  op,
          guint  n_boxes)
{
  for (guint t = 0; t < n_boxes; t++)
    {
      TangentInterval a = random_box (rand), b = random_box (rand), r;
      double pa[32], pb[32];
      guint na, nb;
      gboolean any_defined = FALSE;

      if (op == OP_POW && g_rand_boolean (rand))
        {
          double e = g_rand_boolean (rand) ? g_rand_int_range (rand, -9, 10)
                                           : g_rand_double_range (rand, -4, 4);
          b = iv (e, e);
        }
      if (op == OP_ROOT)
        {
          static const gint64 qs[] = { 3, 5, 7, 9, 15, 1 };

          root_q = qs[g_rand_int_range (rand, 0, G_N_ELEMENTS (qs))];
          root_p = g_rand_int_range (rand, -12, 13);
          if (tangent_gcd64 (root_p, root_q) > 1)
            root_p = 1;
        }

      r = apply (op, a, b);
      g_assert_true (r.flags == tangent_interval_nest_flags (r.flags));
      na = box_points (rand, a, pa, 16);
      nb = op_arity (op) == 2 ? box_points (rand, b, pb, 4) : 1;
      if (op_arity (op) == 1)
        pb[0] = 0;

      for (guint i = 0; i < na; i++)
        for (guint j = 0; j < nb; j++)
          {
            Ref ref = reference (op, pa[i], pb[j]);

            n_property_checks++;
            if (!ref.defined)
              {
                if (r.flags & DEF)
                  g_error ("%s: DEFINED over [%.17g, %.17g] x [%.17g, %.17g], not at (%.17g, %.17g)",
                           op_name (op), a.lo, a.hi, b.lo, b.hi, pa[i], pb[j]);
                continue;
              }
            any_defined = TRUE;
            if (isnan (ref.value))
              continue;
            if (!((long double) r.lo <= ref.value && ref.value <= (long double) r.hi))
              g_error ("%s over [%.17g, %.17g] x [%.17g, %.17g] = [%.17g, %.17g] misses "
                       "%.20Lg at (%.17g, %.17g)",
                       op_name (op), a.lo, a.hi, b.lo, b.hi, r.lo, r.hi, ref.value, pa[i], pb[j]);
            if ((r.flags & CONT) && ref.jump)
              g_error ("%s: CONTINUOUS over [%.17g, %.17g] x [%.17g, %.17g], jumps at (%.17g, %.17g)",
                       op_name (op), a.lo, a.hi, b.lo, b.hi, pa[i], pb[j]);
            if ((r.flags & SMOOTH) && (ref.kink || ref.jump))
              g_error ("%s: SMOOTH over [%.17g, %.17g] x [%.17g, %.17g], kink at (%.17g, %.17g)",
                       op_name (op), a.lo, a.hi, b.lo, b.hi, pa[i], pb[j]);
          }

      if (any_defined && tangent_interval_is_empty (r))
        g_error ("%s over [%.17g, %.17g] x [%.17g, %.17g] is empty, but defined somewhere",
                 op_name (op), a.lo, a.hi, b.lo, b.hi);
    }
}

static void
test_interval_property (gconstpointer data)
{
  guint op = GPOINTER_TO_UINT (data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242 + op);

  n_property_checks = 0;
  check_op (rand, op, g_test_thorough () ? 40000 : 4000);
  g_test_message ("%s: %u point checks", op_name (op), n_property_checks);
  g_assert_cmpuint (n_property_checks, >, 4000);
}

/* Narrow in, narrow out: monotone smooth functions over boxes of relative
 * width 2^-40 give images narrower than 2^-30 max(|f|, 1). */
static void
test_interval_width (void)
{
  static const TangentBuiltin fns[] = {
    TANGENT_BUILTIN_EXP, TANGENT_BUILTIN_SINH, TANGENT_BUILTIN_TANH, TANGENT_BUILTIN_ATAN,
    TANGENT_BUILTIN_CBRT, TANGENT_BUILTIN_SQRT, TANGENT_BUILTIN_LN, TANGENT_BUILTIN_LOG2,
    TANGENT_BUILTIN_LOG10, TANGENT_BUILTIN_SIN, TANGENT_BUILTIN_COS, TANGENT_BUILTIN_ASIN,
    TANGENT_BUILTIN_ACOS, TANGENT_BUILTIN_COSH, TANGENT_BUILTIN_TAN,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);

  for (guint i = 0; i < G_N_ELEMENTS (fns); i++)
    for (guint t = 0; t < 1000; t++)
      {
        double a = g_rand_double_range (rand, 0.05, 0.95);
        TangentInterval x, r;
        double w;

        if (g_rand_boolean (rand) && fns[i] != TANGENT_BUILTIN_SQRT && fns[i] != TANGENT_BUILTIN_LN
            && fns[i] != TANGENT_BUILTIN_LOG2 && fns[i] != TANGENT_BUILTIN_LOG10)
          a = -a;
        if (fns[i] != TANGENT_BUILTIN_ASIN && fns[i] != TANGENT_BUILTIN_ACOS)
          a *= g_rand_double_range (rand, 1, 20);
        if (fns[i] == TANGENT_BUILTIN_TAN)
          a = fmod (a, 1.5);
        x = iv (a, a + fabs (a) * 0x1p-40);
        r = tangent_interval_call (fns[i], x, x);
        w = r.hi - r.lo;
        if (!(w <= 0x1p-30 * MAX (MAX (fabs (r.lo), fabs (r.hi)), 1)))
          g_error ("%s [%.17g, %.17g] = [%.17g, %.17g] is too wide",
                   tangent_builtin_get_name (fns[i]), x.lo, x.hi, r.lo, r.hi);
        g_assert_true (tangent_interval_has_flags (r, ALL));
      }
}

/* ---- Compiled programs ----------------------------------------------- */

static TangentProgram *
compile_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentNode) tree = NULL;
  TangentProgram *prog;
  guint es = 0, ee = 0;

  tree = tangent_parse_expression (text, strlen (text), NULL, &es, &ee, &error);
  g_assert_no_error (error);
  prog = tangent_compile (tree, 0, &error);
  g_assert_no_error (error);
  return prog;
}

static void
test_interval_program_flags (void)
{
  static const struct {
    const char *text;
    double      xlo, xhi, ylo, yhi;
    double      lo, hi;   /* an enclosure that must hold, hand-known */
    guint       flags;
  } cases[] = {
    { "x^2 - 2x + 1", 0, 2, 0, 0, -3, 5, ALL },
    { "x^2", -1, 2, 0, 0, 0, 4, ALL },
    { "1/(x - 1)", 0, 2, 0, 0, -INFINITY, INFINITY, 0 },
    { "1/(x - 1)", 2, 3, 0, 0, 0.5, 1, ALL },
    { "sqrt(x)", 0, 4, 0, 0, 0, 2, DEF | CONT },
    { "sqrt(x)", -1, 4, 0, 0, 0, 2, 0 },
    { "sin(x) exp(y)", 0, 1, 0, 1, 0, 0.8414709848078965 * 2.718281828459045, ALL },
    { "|x| + y", -1, 1, 0, 1, 0, 2, DEF | CONT },
    { "floor(x)", 0.5, 1.5, 0, 0, 0, 1, DEF },
    { "x^(1/3)", -8, 8, 0, 0, -2, 2, DEF | CONT },
    { "x^(2/3)", -8, 1, 0, 0, 0, 4, DEF | CONT },
    { "ln(x^2 + y^2)", 1, 2, 0, 1, 0, log (5), ALL },
    { "tan(x)", 1, 2, 0, 0, -INFINITY, INFINITY, 0 },
    { "max(x, y)", 0, 1, 2, 3, 2, 3, ALL },
    { "max(x, y)", 0, 2, 1, 3, 1, 3, DEF | CONT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TangentProgram) prog = compile_text (cases[i].text);
      TangentInterval box[3] = { iv (cases[i].xlo, cases[i].xhi), iv (cases[i].ylo, cases[i].yhi),
                                 iv (0, 0) };
      TangentInterval out;
      gboolean defined = tangent_interval_eval (prog, NULL, box, &out);

      if (!(out.lo <= cases[i].lo && cases[i].hi <= out.hi))
        g_error ("%s: [%.17g, %.17g] does not enclose [%.17g, %.17g]",
                 cases[i].text, out.lo, out.hi, cases[i].lo, cases[i].hi);
      if (isfinite (cases[i].lo) && isfinite (cases[i].hi)
          && !(out.hi - out.lo <= (cases[i].hi - cases[i].lo) * (1 + 1e-12) + 1e-12))
        g_error ("%s: [%.17g, %.17g] is wider than [%.17g, %.17g]",
                 cases[i].text, out.lo, out.hi, cases[i].lo, cases[i].hi);
      assert_flags (cases[i].text, out, cases[i].flags);
      g_assert_true (defined == ((cases[i].flags & DEF) != 0));
    }
}

static void
test_interval_program_random (void)
{
  static const char *texts[] = {
    "x^2 - 2x + 1", "sin(x) exp(y)", "1/(x - 1)", "sqrt(x)", "x/x", "|x| + floor(y)",
    "atan2(y, x)", "x^(1/3)", "x^(2/3) - y^(-3/5)", "tan(x) + cot(y)", "ln(x^2 + y^2)",
    "max(x, y) - min(x, y)", "2^x", "x^y", "cosh(x) - sinh(x)", "asin(x/2) + acos(y)",
    "sec(x) csc(y)", "round(x) + ceil(y) + sign(x y)", "log10(x) + log2(y)", "cbrt(x - y)",
    "exp(-x^2)", "x^-2", "(x + 1)^5 - x^7", "tanh(3x) / (1 + y^2)", "x^2.5", "(-8)^(1/3) x",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  guint checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(TangentProgram) prog = compile_text (texts[i]);

      for (guint t = 0; t < 400; t++)
        {
          TangentInterval box[3] = { random_box (rand), random_box (rand), iv (0, 0) };
          TangentInterval out;
          double px[24], py[24];
          guint nx, ny;

          if (t % 2 == 0)
            {
              /* moderate boxes, where most points are defined */
              double a = g_rand_double_range (rand, -4, 4), b = g_rand_double_range (rand, -4, 4);

              box[0] = iv (a, a + g_rand_double_range (rand, 0, 2));
              box[1] = iv (b, b + g_rand_double_range (rand, 0, 2));
            }
          tangent_interval_eval (prog, NULL, box, &out);
          nx = box_points (rand, box[0], px, 6);
          ny = box_points (rand, box[1], py, 3);

          for (guint ix = 0; ix < nx; ix++)
            for (guint iy = 0; iy < ny; iy++)
              {
                double v = tangent_program_eval1 (prog, NULL, px[ix], py[iy], 0);

                /* NaN and ±∞ are not real values: out of the domain (0/0,
                 * 1/0) or an overflow, which the enclosure need not hold. */
                if (!isfinite (v))
                  continue;
                checked++;
                if (!(out.lo <= v && v <= out.hi))
                  g_error ("%s over [%.17g, %.17g] x [%.17g, %.17g] = [%.17g, %.17g] misses "
                           "%.17g at (%.17g, %.17g)",
                           texts[i], box[0].lo, box[0].hi, box[1].lo, box[1].hi, out.lo, out.hi,
                           v, px[ix], py[iy]);
              }
        }
    }

  g_test_message ("%u program points checked", checked);
  g_assert_cmpuint (checked, >, 50000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/interval/arithmetic", test_interval_arithmetic);
  g_test_add_func ("/core/interval/elementary", test_interval_elementary);
  g_test_add_func ("/core/interval/piecewise", test_interval_piecewise);
  for (guint op = 0; op < N_OPS; op++)
    {
      g_autofree char *path = g_strdup_printf ("/core/interval/property/%s", op_name (op));

      g_test_add_data_func (path, GUINT_TO_POINTER (op), test_interval_property);
    }
  g_test_add_func ("/core/interval/width", test_interval_width);
  g_test_add_func ("/core/interval/program/flags", test_interval_program_flags);
  g_test_add_func ("/core/interval/program/random", test_interval_program_random);

  return g_test_run ();
}
