/* tangent-formula-pane.h: the list of formula rows beside the plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TANGENT_TYPE_FORMULA_PANE (tangent_formula_pane_get_type ())

G_DECLARE_FINAL_TYPE (TangentFormulaPane, tangent_formula_pane, TANGENT, FORMULA_PANE, GtkWidget)

GtkWidget  *tangent_formula_pane_new         (void);
const char *tangent_formula_pane_get_formula (TangentFormulaPane *self);

G_END_DECLS
