/* tangent-cli-output.h: what tangent-cli prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <jansson.h>

G_BEGIN_DECLS

json_t *tangent_cli_json_number      (double         value);
json_t *tangent_cli_json_numbers     (const double  *values,
                                      gsize          n);
json_t *tangent_cli_json_string      (const char    *text);
void    tangent_cli_print_json       (json_t        *object);
int     tangent_cli_report_error     (gboolean       json,
                                      const GError  *error,
                                      gssize         start,
                                      gssize         end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_t, json_decref)

G_END_DECLS
