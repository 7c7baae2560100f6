/* tangent-simplify-private.h: the simplifier's constructors, for the
 * symbolic layer (tangent-derive.c builds its results with them)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tangent-simplify.h"

G_BEGIN_DECLS

/* Each takes ownership of already simplified operands and returns a
 * simplified node, so a derivative is built in canonical form without a
 * second pass over its subtrees. Flags may be set on the first operand. */
TangentNode *_tangent_simplify_sum      (guint            n,
                                         TangentNode    **terms,
                                         const gboolean  *negate);
TangentNode *_tangent_simplify_product  (guint            n,
                                         TangentNode    **factors,
                                         const gboolean  *divide);
TangentNode *_tangent_simplify_neg      (TangentNode     *arg);
TangentNode *_tangent_simplify_pow      (TangentNode     *base,
                                         TangentNode     *exponent);
TangentNode *_tangent_simplify_odd_root_pow (TangentNode *base,
                                             gint64       p,
                                             gint64       q);
TangentNode *_tangent_simplify_call     (TangentBuiltin   fn,
                                         guint            n,
                                         TangentNode    **args);
guint        _tangent_node_hash         (const TangentNode *node);
int          _tangent_node_compare      (const TangentNode *a,
                                         const TangentNode *b);
gboolean     _tangent_node_is_nonzero   (const TangentNode *node);
gboolean     _tangent_node_is_positive  (const TangentNode *node);

G_END_DECLS
