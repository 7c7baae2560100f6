/* tangent-axes.h: background, grid, axes, ticks and their labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tangent-plot-style.h"
#include "tangent-viewport.h"

G_BEGIN_DECLS

void tangent_axes_draw (cairo_t                *cr,
                        const TangentViewport  *vp,
                        const TangentPlotStyle *style);

G_END_DECLS
