/* tangent-samples.h: points of a curve y = f(x)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tangent-viewport.h"

G_BEGIN_DECLS

typedef double (*TangentFunc1) (double   x,
                                gpointer user_data);

typedef struct
{
  guint   n;
  double *x;
  double *y;
} TangentSamples;

TangentSamples *tangent_samples_new_uniform (const TangentViewport *vp,
                                             TangentFunc1           func,
                                             gpointer               user_data,
                                             guint                  n);
void            tangent_samples_free        (TangentSamples        *samples);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TangentSamples, tangent_samples_free)

G_END_DECLS
