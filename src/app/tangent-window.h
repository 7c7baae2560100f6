/* tangent-window.h: a main window: formula pane and plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tangent-application.h"
#include "tangent-formula-pane.h"
#include "tangent-plot-view.h"

G_BEGIN_DECLS

#define TANGENT_TYPE_WINDOW (tangent_window_get_type ())

G_DECLARE_FINAL_TYPE (TangentWindow, tangent_window, TANGENT, WINDOW, AdwApplicationWindow)

TangentWindow      *tangent_window_new              (TangentApplication *application);
TangentFormulaPane *tangent_window_get_formula_pane (TangentWindow      *self);
TangentPlotView    *tangent_window_get_plot_view    (TangentWindow      *self);

G_END_DECLS
