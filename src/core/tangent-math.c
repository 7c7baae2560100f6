/* tangent-math.c: the scalar meaning of every operation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Interim libm version; the block VM's kernels replace it so that both
 * share one code path.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-math"

#include <math.h>

#include "tangent-math.h"

double
tangent_math_call (TangentBuiltin fn,
                   double         a,
                   double         b)
{
  switch (fn)
    {
    case TANGENT_BUILTIN_ABS: return fabs (a);
    case TANGENT_BUILTIN_SIGN: return isnan (a) ? a : (a > 0) - (a < 0);
    case TANGENT_BUILTIN_FLOOR: return floor (a);
    case TANGENT_BUILTIN_CEIL: return ceil (a);
    case TANGENT_BUILTIN_ROUND: return round (a);
    case TANGENT_BUILTIN_SQRT: return sqrt (a);
    case TANGENT_BUILTIN_CBRT: return cbrt (a);
    case TANGENT_BUILTIN_EXP: return exp (a);
    case TANGENT_BUILTIN_LN: return log (a);
    case TANGENT_BUILTIN_LOG10: return log10 (a);
    case TANGENT_BUILTIN_LOG2: return log2 (a);
    case TANGENT_BUILTIN_SIN: return sin (a);
    case TANGENT_BUILTIN_COS: return cos (a);
    case TANGENT_BUILTIN_TAN: return tan (a);
    case TANGENT_BUILTIN_SEC: return 1 / cos (a);
    case TANGENT_BUILTIN_CSC: return 1 / sin (a);
    case TANGENT_BUILTIN_COT: return 1 / tan (a);
    case TANGENT_BUILTIN_ASIN: return asin (a);
    case TANGENT_BUILTIN_ACOS: return acos (a);
    case TANGENT_BUILTIN_ATAN: return atan (a);
    case TANGENT_BUILTIN_ATAN2: return atan2 (a, b);
    case TANGENT_BUILTIN_SINH: return sinh (a);
    case TANGENT_BUILTIN_COSH: return cosh (a);
    case TANGENT_BUILTIN_TANH: return tanh (a);
    case TANGENT_BUILTIN_MIN: return isnan (a) || isnan (b) ? NAN : fmin (a, b);
    case TANGENT_BUILTIN_MAX: return isnan (a) || isnan (b) ? NAN : fmax (a, b);
    case TANGENT_N_BUILTINS:
    default:
      g_return_val_if_reached (NAN);
    }
}

double
tangent_math_pow (double base,
                  double exponent)
{
  return pow (base, exponent);
}

double
tangent_math_odd_root_pow (double base,
                           gint64 p,
                           gint64 q)
{
  double r = pow (fabs (base), (double) p / (double) q);

  return base < 0 && (p % 2 != 0) ? -r : r;
}
