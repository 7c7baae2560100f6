/* tangent-plot-view.h: the widget that shows a session's view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tangent-session.h"

G_BEGIN_DECLS

#define TANGENT_TYPE_PLOT_VIEW (tangent_plot_view_get_type ())

G_DECLARE_FINAL_TYPE (TangentPlotView, tangent_plot_view, TANGENT, PLOT_VIEW, GtkWidget)

GtkWidget *tangent_plot_view_new                (void);
void       tangent_plot_view_set_session        (TangentPlotView  *self,
                                                 TangentSession   *session);
void       tangent_plot_view_rows_changed       (TangentPlotView  *self);
void       tangent_plot_view_parameters_changed (TangentPlotView  *self);
void       tangent_plot_view_set_bounds         (TangentPlotView  *self,
                                                 double            xmin,
                                                 double            xmax,
                                                 double            ymin,
                                                 double            ymax);
void       tangent_plot_view_zoom               (TangentPlotView  *self,
                                                 double            factor);
void       tangent_plot_view_zoom_at            (TangentPlotView  *self,
                                                 double            x,
                                                 double            y,
                                                 double            factor);
void       tangent_plot_view_pan                (TangentPlotView  *self,
                                                 double            dx,
                                                 double            dy);
gboolean   tangent_plot_view_get_plot_area      (TangentPlotView  *self,
                                                 graphene_rect_t  *area,
                                                 double           *bounds);
guint      tangent_plot_view_get_n_rebuilds    (TangentPlotView  *self);
GPtrArray *tangent_plot_view_get_warnings      (TangentPlotView  *self);

G_END_DECLS
