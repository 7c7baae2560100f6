/* tangent-curve.h: drawing a sampled curve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tangent-plot-style.h"
#include "tangent-samples.h"
#include "tangent-viewport.h"

G_BEGIN_DECLS

void tangent_curve_draw (cairo_t               *cr,
                         const TangentViewport *vp,
                         const TangentColor    *color,
                         double                 line_width,
                         const TangentSamples  *samples);

G_END_DECLS
