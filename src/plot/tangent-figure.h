/* tangent-figure.h: a session's view drawn as a whole figure — title,
 * axes, functions, relations, contour map, arrows, overlays, colour bar,
 * legend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tangent-session.h"

G_BEGIN_DECLS

typedef struct _TangentFigure TangentFigure;

/* Resolves the session's rows and compiles what the view needs. Rows with
 * errors are skipped and listed in the warnings (escaped excerpts); an
 * error is returned only when the view itself cannot be drawn (no such
 * view, an empty range). */
TangentFigure *tangent_figure_new          (const TangentSession *session,
                                            const char           *view_name,
                                            GError              **error);
void           tangent_figure_free         (TangentFigure        *self);

/* Width and height the view asks for (pixels). */
void           tangent_figure_get_size     (TangentFigure        *self,
                                            guint                *width,
                                            guint                *height);
double         tangent_figure_get_dpi      (TangentFigure        *self);
/* Messages about rows that were not drawn, overlays without a band, … */
GPtrArray     *tangent_figure_get_warnings (TangentFigure        *self);

/* Draws the whole figure in width × height device units (evaluates,
 * contours and lays out every time: the interactive redraw). */
void           tangent_figure_draw         (TangentFigure        *self,
                                            cairo_t              *cr,
                                            double                width,
                                            double                height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TangentFigure, tangent_figure_free)

G_END_DECLS
