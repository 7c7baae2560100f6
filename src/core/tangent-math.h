/* tangent-math.h: the scalar meaning of every operation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tangent-ast.h"

G_BEGIN_DECLS

/* Each function computes exactly what the block VM computes for one point,
 * bit for bit: constant folding uses them, so a folded constant equals the
 * value the same formula gets at run time (LANGUAGE.md, Values). */
double tangent_math_call         (TangentBuiltin fn,
                                  double         a,
                                  double         b);
double tangent_math_pow          (double         base,
                                  double         exponent);
double tangent_math_odd_root_pow (double         base,
                                  gint64         p,
                                  gint64         q);

G_END_DECLS
