/* tangent-math.c: the scalar meaning of every operation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each function runs the block VM's own kernel for the operation on one
 * padded lane vector (_tangent_vm_eval_op), so a constant folded by the
 * symbolic layer or the compiler has exactly the bits the same formula
 * gets at run time, on every CPU the kernels are chosen for.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-math"

#include <math.h>

#include "tangent-math.h"
#include "tangent-vm-private.h"

double
tangent_math_call (TangentBuiltin fn,
                   double         a,
                   double         b)
{
  g_return_val_if_fail ((guint) fn < TANGENT_N_BUILTINS, NAN);

  return _tangent_vm_eval_op (_tangent_opcode_for_builtin (fn), a, b, 0, 0, 0);
}

/* Integer exponents up to TANGENT_VM_POWI_MAX in magnitude are products
 * (x^3 is x*x*x, as the compiler writes it); others go to SLEEF's pow. */
double
tangent_math_pow (double base,
                  double exponent)
{
  return _tangent_vm_eval_op (TANGENT_OP_POW, base, exponent, 0, 0, 0);
}

double
tangent_math_odd_root_pow (double base,
                           gint64 p,
                           gint64 q)
{
  g_return_val_if_fail (q > 0 && q % 2 == 1 && q <= G_MAXINT32, NAN);

  return _tangent_vm_eval_op (TANGENT_OP_ROOT, base, 0, 0, (gint32) q, (double) p);
}
