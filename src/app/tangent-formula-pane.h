/* tangent-formula-pane.h: the list of formula rows and sliders beside the plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tangent-formula-row.h"
#include "tangent-parameter-row.h"

G_BEGIN_DECLS

#define TANGENT_TYPE_FORMULA_PANE (tangent_formula_pane_get_type ())

G_DECLARE_FINAL_TYPE (TangentFormulaPane, tangent_formula_pane, TANGENT, FORMULA_PANE, GtkWidget)

GtkWidget           *tangent_formula_pane_new              (void);
void                 tangent_formula_pane_clear            (TangentFormulaPane *self);
guint                tangent_formula_pane_get_n_rows       (TangentFormulaPane *self);
TangentFormulaRow   *tangent_formula_pane_get_row          (TangentFormulaPane *self,
                                                            guint               index);
TangentFormulaRow   *tangent_formula_pane_insert_row       (TangentFormulaPane *self,
                                                            guint               index);
void                 tangent_formula_pane_remove_row       (TangentFormulaPane *self,
                                                            guint               index);
void                 tangent_formula_pane_focus_row        (TangentFormulaPane *self,
                                                            guint               index);
guint                tangent_formula_pane_get_n_parameters (TangentFormulaPane *self);
TangentParameterRow *tangent_formula_pane_get_parameter    (TangentFormulaPane *self,
                                                            guint               index);
TangentParameterRow *tangent_formula_pane_insert_parameter (TangentFormulaPane *self,
                                                            guint               index);
void                 tangent_formula_pane_remove_parameter (TangentFormulaPane *self,
                                                            guint               index);

G_END_DECLS
