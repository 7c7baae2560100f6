/* tangent-simplify.h: algebraic simplification that keeps the domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tangent-ast.h"

G_BEGIN_DECLS

TangentNode *tangent_simplify      (const TangentNode *expr);
gboolean     tangent_node_is_total (const TangentNode *node);
gsize        tangent_node_count    (const TangentNode *node);

G_END_DECLS
