/* tangent-window.h: a main window: a session's formula rows, sliders and plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tangent-application.h"
#include "tangent-formula-pane.h"
#include "tangent-plot-view.h"
#include "tangent-session.h"

G_BEGIN_DECLS

#define TANGENT_TYPE_WINDOW (tangent_window_get_type ())

G_DECLARE_FINAL_TYPE (TangentWindow, tangent_window, TANGENT, WINDOW, AdwApplicationWindow)

TangentWindow        *tangent_window_new              (TangentApplication   *application);
TangentFormulaPane   *tangent_window_get_formula_pane (TangentWindow        *self);
TangentPlotView      *tangent_window_get_plot_view    (TangentWindow        *self);
const TangentSession *tangent_window_get_session      (TangentWindow        *self);
GFile                *tangent_window_get_file         (TangentWindow        *self);
gboolean              tangent_window_get_modified     (TangentWindow        *self);
gboolean              tangent_window_is_pristine      (TangentWindow        *self);
const char           *tangent_window_get_notice       (TangentWindow        *self);

gboolean              tangent_window_load_file        (TangentWindow        *self,
                                                       GFile                *file,
                                                       GError              **error);
void                  tangent_window_open             (TangentWindow        *self,
                                                       GFile                *file);
void                  tangent_window_save_async       (TangentWindow        *self,
                                                       GFile                *file,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean              tangent_window_save_finish      (TangentWindow        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
gboolean              tangent_window_export           (TangentWindow        *self,
                                                       GFile                *file,
                                                       GError              **error);

G_END_DECLS
