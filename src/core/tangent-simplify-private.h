/* tangent-simplify-private.h: the simplifier's constructors, for the
 * symbolic layer (tangent-derive.c builds its results with them), and
 * what the parts of the simplifier share (tangent-simplify.c lists them)
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
int          _tangent_node_compare      (const TangentNode *a,
                                         const TangentNode *b);
gboolean     _tangent_node_is_nonzero   (const TangentNode *node);
gboolean     _tangent_node_is_positive  (const TangentNode *node);

/* Shared by the parts of the simplifier only. */

/* Integers up to 2^53 are exact doubles; rational arithmetic on
 * coefficients and exponents stays below this so it is exact. */
#define TANGENT_EXACT_INT_LIMIT 9007199254740992.0
#define TANGENT_RATIONAL_LIMIT  (G_GINT64_CONSTANT (1) << 26)

/* A term of a sum or a number in a product, with its flag: subtracted
 * for a term, dividing for a factor. */
typedef struct
{
  TangentNode *node;
  gboolean     flag;
} TangentSimplifyItem;

gboolean     _tangent_simplify_is_integer      (double               v);
gboolean     _tangent_simplify_exact_add       (double               a,
                                                double               b,
                                                double              *sum);
gboolean     _tangent_simplify_numeric_value   (const TangentNode   *node,
                                                double              *value);
gboolean     _tangent_simplify_all_numeric     (guint                n,
                                                TangentNode *const  *nodes,
                                                double              *values);
gboolean     _tangent_simplify_foldable_result (double               value);
void         _tangent_simplify_free_nodes      (guint                n,
                                                TangentNode        **nodes);
TangentNode *_tangent_simplify_make_fraction   (double               p,
                                                double               q);

G_END_DECLS
