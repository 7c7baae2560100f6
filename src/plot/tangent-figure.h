/* tangent-figure.h: a session's view drawn as a whole figure — title,
 * axes, functions, relations, contour map, arrows, overlays, colour bar,
 * legend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tangent-plot-style.h"
#include "tangent-session.h"
#include "tangent-viewport.h"

G_BEGIN_DECLS

#define TANGENT_FIGURE_ERROR (tangent_figure_error_quark ())

typedef enum
{
  TANGENT_FIGURE_ERROR_NO_VIEW,   /* the session has no view of that name */
  TANGENT_FIGURE_ERROR_RANGE,     /* the view's range is empty or not finite */
} TangentFigureError;

typedef struct _TangentFigure TangentFigure;

GQuark         tangent_figure_error_quark  (void);

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
GPtrArray     *tangent_figure_get_view_warnings (TangentFigure   *self);

/* Draws the whole figure in width × height device units (evaluates,
 * contours and lays out every time: the interactive redraw). */
void           tangent_figure_draw         (TangentFigure        *self,
                                            cairo_t              *cr,
                                            double                width,
                                            double                height);

/* Draws no text at all (title, labels, legends, insets): for golden
 * images in tests, which must not depend on the machine's fonts. */
void           tangent_figure_set_no_text  (TangentFigure        *self,
                                            gboolean              no_text);
/* The style the view asked for ("print" or "screen"). */
const TangentPlotStyle *tangent_figure_get_style (TangentFigure  *self);

/* For an interactive view: a parameter's value and the view's bounds
 * change without compiling anything again; the last draw's plot area
 * (data bounds and device rectangle) maps the pointer. */
void           tangent_figure_set_parameter (TangentFigure        *self,
                                             const char           *name,
                                             double                value);
void           tangent_figure_set_bounds    (TangentFigure        *self,
                                             double                xmin,
                                             double                xmax,
                                             double                ymin,
                                             double                ymax);
gboolean       tangent_figure_get_plot_area (TangentFigure        *self,
                                             TangentViewport      *vp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TangentFigure, tangent_figure_free)

G_END_DECLS
