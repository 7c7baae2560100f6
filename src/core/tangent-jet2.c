/* tangent-jet2.c: Taylor coefficients in x and y together (2-D jets)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All coefficients c_ij of (x − a)^i (y − b)^j with i + j ≤ n, directly by
 * total-degree-truncated bivariate arithmetic, exact in the sense of the
 * 1-D jets (no interpolation along directions, so no conditioning loss):
 * f(a + t h) for a symbolic direction h = (x − a, y − b) is a power series
 * in t whose coefficient of t^k is the homogeneous part of degree k of the
 * Taylor polynomial, and the 1-D recurrences hold verbatim with those
 * homogeneous polynomials as coefficients (tangent-jet-template.h). The
 * cost per operation is about n⁴/24 multiply-adds (46 376 at n = 30).
 *
 * Semantics are those of tangent-jet.c, except that there is no shift of
 * series in two variables: a quotient 0/0 at the centre (sin(x)/x about
 * (0, b)) and an odd root of a zero base are NaN beyond what is known, as
 * dividing by a homogeneous polynomial of degree ≥ 1 is not a series
 * operation.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-jet"

#include <math.h>
#include <string.h>

#include "tangent-jet.h"
#include "tangent-vm-private.h"

#define JET_DOUBLE       1
#define JET_NAME(n)      jet2_##n
#define JET_UNIVARIATE   0
#define JET_GSIZE(k)     ((k) + 1u)
#define JET_GOFF(k)      ((gsize) (k) * ((k) + 1) / 2)
#include "tangent-jet-template.h"

/**
 * tangent_jet2_eval:
 * @prog: a program (its first output is expanded)
 * @params: (nullable): the parameter values, one per parameter slot
 * @point: the centre (x, y, z); z stays fixed
 * @order: the highest total degree, 0 … %TANGENT_JET_MAX_ORDER
 * @coeffs: (out caller-allocates): TANGENT_JET2_SIZE (@order)
 *   coefficients, c_ij at TANGENT_JET2_INDEX (i, j)
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with @error set for a bad order
 */
gboolean
tangent_jet2_eval (const TangentProgram *prog,
                   const double         *params,
                   const double          point[3],
                   guint                 order,
                   double               *coeffs,
                   GError              **error)
{
  jet2_ctx ctx = { 0 };

  g_return_val_if_fail (prog != NULL, FALSE);
  g_return_val_if_fail (point != NULL, FALSE);
  g_return_val_if_fail (coeffs != NULL, FALSE);
  g_return_val_if_fail (params != NULL || prog->n_params == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (order > TANGENT_JET_MAX_ORDER)
    {
      g_set_error (error, TANGENT_JET_ERROR, TANGENT_JET_ERROR_ORDER,
                   "Taylor order %u is out of range (0 … %d)", order, TANGENT_JET_MAX_ORDER);
      return FALSE;
    }
  if (prog->n_outputs == 0)
    {
      g_set_error (error, TANGENT_JET_ERROR, TANGENT_JET_ERROR_INVALID,
                   "Nothing to expand in a Taylor series");
      return FALSE;
    }

  jet2_ctx_init (&ctx, order);
  ctx.seed[TANGENT_VARIABLE_X] = 0;   /* grade 1, slot 0: (x − a) */
  ctx.seed[TANGENT_VARIABLE_Y] = 1;   /* grade 1, slot 1: (y − b) */
  ctx.seed[TANGENT_VARIABLE_Z] = -1;
  ctx.seed_mask = TANGENT_MASK_X | TANGENT_MASK_Y;
  G_STATIC_ASSERT (TANGENT_JET2_INDEX (2, 1) == 7);

  /* The template's layout is the public one: grade k at k (k + 1)/2, slot j. */
  jet2_run (&ctx, prog, params, point, coeffs);
  jet2_ctx_clear (&ctx);

  return TRUE;
}
