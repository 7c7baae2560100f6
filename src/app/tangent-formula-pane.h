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
void        tangent_formula_pane_set_formula (TangentFormulaPane *self,
                                              const char         *text);
void        tangent_formula_pane_set_error   (TangentFormulaPane *self,
                                              const char         *message,
                                              guint               start,
                                              guint               end);
void        tangent_formula_pane_set_notice  (TangentFormulaPane *self,
                                              const char         *message);
const char *tangent_formula_pane_get_message (TangentFormulaPane *self);

G_END_DECLS
