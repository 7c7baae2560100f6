/* tangent-parameter-row.h: a parameter's slider in the formula pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TANGENT_TYPE_PARAMETER_ROW (tangent_parameter_row_get_type ())

G_DECLARE_FINAL_TYPE (TangentParameterRow, tangent_parameter_row, TANGENT, PARAMETER_ROW,
                      GtkListBoxRow)

GtkWidget     *tangent_parameter_row_new            (void);
void           tangent_parameter_row_setup          (TangentParameterRow *self,
                                                     const char          *name,
                                                     double               value,
                                                     double               min,
                                                     double               max,
                                                     double               step);
const char    *tangent_parameter_row_get_name       (TangentParameterRow *self);
double         tangent_parameter_row_get_value      (TangentParameterRow *self);
void           tangent_parameter_row_set_value      (TangentParameterRow *self,
                                                     double               value);
GtkAdjustment *tangent_parameter_row_get_adjustment (TangentParameterRow *self);
GtkRange      *tangent_parameter_row_get_scale      (TangentParameterRow *self);

G_END_DECLS
