/* tangent-curve.h: drawing a sampled curve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tangent-compile.h"
#include "tangent-plot-style.h"
#include "tangent-sampler.h"
#include "tangent-samples.h"
#include "tangent-viewport.h"

G_BEGIN_DECLS

void                 tangent_curve_draw         (cairo_t                   *cr,
                                                 const TangentViewport     *vp,
                                                 const TangentColor        *color,
                                                 double                     line_width,
                                                 const TangentSamples      *samples);
void                 tangent_curve_draw_samples (cairo_t                   *cr,
                                                 const TangentViewport     *vp,
                                                 const TangentColor        *color,
                                                 double                     line_width,
                                                 const TangentCurveSamples *samples);
TangentCurveSamples *tangent_curve_sample       (const TangentViewport     *vp,
                                                 const TangentProgram      *prog,
                                                 const double              *params);
void                 tangent_curve_draw_program (cairo_t                   *cr,
                                                 const TangentViewport     *vp,
                                                 const TangentColor        *color,
                                                 double                     line_width,
                                                 const TangentProgram      *prog,
                                                 const double              *params);

G_END_DECLS
