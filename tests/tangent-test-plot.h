/* tangent-test-plot.h: what the drawing tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tangent-plot-style.h"

G_BEGIN_DECLS

/* Pixels of the rectangle of an RGB24 or ARGB32 image surface that differ
 * from the opaque background colour. */
guint tangent_test_count_ink (cairo_surface_t    *surface,
                              int                 x0,
                              int                 y0,
                              int                 width,
                              int                 height,
                              const TangentColor *background);

G_END_DECLS
