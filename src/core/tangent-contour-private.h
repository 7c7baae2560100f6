/* tangent-contour-private.h: the tracer shared by contours and relations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tangent-contour.h"

G_BEGIN_DECLS

/* tangent_contour_trace(), except that no curve enters a cell whose entry
 * in skip (one byte per cell, (nx - 1) × (ny - 1), row-major; nullable)
 * is nonzero. */
TangentContour *_tangent_contour_trace_masked (const TangentField *field,
                                               double              level,
                                               const guint8       *skip);

G_END_DECLS
