/* tangent-formula-row.h: one row of the formula pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TANGENT_TYPE_FORMULA_ROW (tangent_formula_row_get_type ())

G_DECLARE_FINAL_TYPE (TangentFormulaRow, tangent_formula_row, TANGENT, FORMULA_ROW, GtkListBoxRow)

GtkWidget   *tangent_formula_row_new              (void);
GtkEditable *tangent_formula_row_get_editable     (TangentFormulaRow *self);
const char  *tangent_formula_row_get_text         (TangentFormulaRow *self);
void         tangent_formula_row_set_text         (TangentFormulaRow *self,
                                                   const char        *text);
gboolean     tangent_formula_row_get_shown        (TangentFormulaRow *self);
void         tangent_formula_row_set_shown        (TangentFormulaRow *self,
                                                   gboolean           shown);
void         tangent_formula_row_set_color        (TangentFormulaRow *self,
                                                   const GdkRGBA     *color);
void         tangent_formula_row_get_color        (TangentFormulaRow *self,
                                                   GdkRGBA           *color);
void         tangent_formula_row_set_number       (TangentFormulaRow *self,
                                                   guint              number);
void         tangent_formula_row_set_error        (TangentFormulaRow *self,
                                                   const char        *message,
                                                   guint              start,
                                                   guint              end);
void         tangent_formula_row_set_notice       (TangentFormulaRow *self,
                                                   const char        *message);
const char  *tangent_formula_row_get_message      (TangentFormulaRow *self);
gboolean     tangent_formula_row_has_error        (TangentFormulaRow *self);
void         tangent_formula_row_set_slider_offer (TangentFormulaRow *self,
                                                   const char        *name);
const char  *tangent_formula_row_get_slider_offer (TangentFormulaRow *self);

G_END_DECLS
