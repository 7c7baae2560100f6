/* tangent-grid.h: evaluating a program over a rectangular grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tangent-compile.h"

G_BEGIN_DECLS

double tangent_grid_coordinate (double                lo,
                                double                hi,
                                guint                 n,
                                guint                 i);

void   tangent_grid_eval       (const TangentProgram *prog,
                                const double         *params,
                                double                xmin,
                                double                xmax,
                                guint                 nx,
                                double                ymin,
                                double                ymax,
                                guint                 ny,
                                guint                 n_threads,
                                double *const        *outs);

G_END_DECLS
