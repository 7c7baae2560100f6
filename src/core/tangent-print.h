/* tangent-print.h: expressions as plain text, Pango markup and LaTeX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tangent-ast.h"

G_BEGIN_DECLS

char *tangent_print_text   (const TangentNode *expr,
                            const char *const *var_names);
char *tangent_print_markup (const TangentNode *expr,
                            const char *const *var_names);
char *tangent_print_latex  (const TangentNode *expr,
                            const char *const *var_names);

G_END_DECLS
