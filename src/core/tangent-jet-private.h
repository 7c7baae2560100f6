/* tangent-jet-private.h: interval jets about one centre, for the many
 * boxes of a certified band
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tangent-compile.h"
#include "tangent-interval.h"
#include "tangent-taylor-bound.h"

G_BEGIN_DECLS

/* The quotients 0/0 at the centre (removable singularities, resolved by
 * shifted series: tangent-jet-interval.c), found once for every box:
 * shift[id] > 0 for each, and the working order above the requested one
 * that their shifts use up. */
typedef struct
{
  guint *shift;   /* one per value up to the output; NULL when there are none */
  guint  extra;
} TangentJetShifts;

gboolean _tangent_jet_interval_centre    (const TangentProgram   *prog,
                                          const double           *params,
                                          const double            point[3],
                                          TangentVariable         wrt,
                                          guint                   order,
                                          TangentInterval        *coeffs,
                                          TangentJetDecoration   *deco,
                                          TangentJetShifts       *shifts);
gboolean _tangent_jet_interval_eval_with (const TangentProgram   *prog,
                                          const double           *params,
                                          const double            point[3],
                                          TangentVariable         wrt,
                                          TangentInterval         box,
                                          guint                   order,
                                          TangentInterval        *coeffs,
                                          TangentJetDecoration   *deco,
                                          const TangentJetShifts *shifts);
void     _tangent_jet_shifts_clear       (TangentJetShifts       *shifts);

/* Along rays from a centre, for the 2-D box bound. */
gboolean _tangent_jet_interval_eval_ray  (const TangentProgram   *prog,
                                          const double           *params,
                                          const double            point[3],
                                          const TangentInterval   dir[2],
                                          TangentInterval         tau,
                                          guint                   order,
                                          TangentInterval        *coeffs,
                                          TangentJetDecoration   *deco);

G_END_DECLS
