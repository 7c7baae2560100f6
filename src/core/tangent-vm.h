/* tangent-vm.h: running compiled programs over blocks of points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tangent-compile.h"

G_BEGIN_DECLS

/* Outputs of a program, in order: the value; with a gradient, the n_vars
 * partial derivatives (x, y, z); with a Hessian, the n_vars × n_vars second
 * derivatives, row-major. */

void        tangent_vm_eval            (const TangentProgram *prog,
                                        const double         *params,
                                        const double *const  *vars,
                                        gsize                 n,
                                        double *const        *outs);
double      tangent_program_eval1      (const TangentProgram *prog,
                                        const double         *params,
                                        double                x,
                                        double                y,
                                        double                z);
void        tangent_program_eval_point (const TangentProgram *prog,
                                        const double         *params,
                                        const double         *point,
                                        double               *outs);

const char *tangent_vm_get_isa_name    (void);

G_END_DECLS
