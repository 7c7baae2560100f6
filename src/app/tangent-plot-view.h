/* tangent-plot-view.h: the widget that shows a 2-D plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tangent-compile.h"

G_BEGIN_DECLS

#define TANGENT_TYPE_PLOT_VIEW (tangent_plot_view_get_type ())

G_DECLARE_FINAL_TYPE (TangentPlotView, tangent_plot_view, TANGENT, PLOT_VIEW, GtkWidget)

GtkWidget *tangent_plot_view_new          (void);
void       tangent_plot_view_set_program  (TangentPlotView      *self,
                                           const TangentProgram *program,
                                           const double         *params,
                                           guint                 n_params);
void       tangent_plot_view_get_x_range  (TangentPlotView *self,
                                           double          *xmin,
                                           double          *xmax);
void       tangent_plot_view_set_x_range  (TangentPlotView *self,
                                           double           xmin,
                                           double           xmax);

G_END_DECLS
