/* tangent-ast.h: expression trees of the formula language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
#define TANGENT_BUILTIN(id, name, arity) TANGENT_BUILTIN_##id,
#include "tangent-builtins.def"
#undef TANGENT_BUILTIN
  TANGENT_N_BUILTINS
} TangentBuiltin;

const char *tangent_builtin_get_name  (TangentBuiltin fn);
guint       tangent_builtin_get_arity (TangentBuiltin fn);

typedef enum
{
  TANGENT_CONSTANT_PI,
  TANGENT_CONSTANT_E,
} TangentConstant;

/* The free variables, in the order of gradients (CLI.md: x, y, z). */
typedef enum
{
  TANGENT_VARIABLE_X,
  TANGENT_VARIABLE_Y,
  TANGENT_VARIABLE_Z,
  TANGENT_N_VARIABLES
} TangentVariable;

typedef enum
{
  TANGENT_NODE_NUMBER,     /* a literal or folded constant */
  TANGENT_NODE_CONSTANT,   /* pi or e, kept by name for printing */
  TANGENT_NODE_VARIABLE,   /* x, y or z */
  TANGENT_NODE_PARAMETER,  /* a slider: name, and its slot once resolved */
  TANGENT_NODE_NEG,        /* -arg */
  TANGENT_NODE_SUM,        /* t0 ± t1 ± … evaluated left to right */
  TANGENT_NODE_PRODUCT,    /* f0 ×/÷ f1 ×/÷ … evaluated left to right */
  TANGENT_NODE_POW,        /* base ^ exponent */
  TANGENT_NODE_CALL,       /* a builtin applied to its arguments */
  TANGENT_NODE_USER_CALL,  /* f(args), f'(args): resolved by the document */
  TANGENT_NODE_TUPLE,      /* (u, v) or (u, v, w): the body of a map */
} TangentNodeKind;

typedef struct _TangentNode TangentNode;

/* A node of an expression tree. Children are owned by their parent; a
 * tree is freed with tangent_node_free(). Sums and products are n-ary, so
 * a 20 000-term chain a+b+c+… is one node with 20 000 children, not a
 * tree 20 000 levels deep: no algorithm recurses along a flat chain.
 *
 * Spans are byte offsets into the row's text, end exclusive; nodes made by
 * the symbolic layer carry the span of the node they came from, or 0, 0.
 */
struct _TangentNode
{
  TangentNodeKind kind;
  guint           start;
  guint           end;

  union {
    double          number;      /* NUMBER */
    TangentConstant constant;    /* CONSTANT */
    TangentVariable variable;    /* VARIABLE */

    struct {                     /* PARAMETER */
      char *name;                /* canonical: "a", "k_2", "α" (UTF-8) */
      int   slot;                /* -1 until the document resolves it */
    } parameter;

    TangentNode *arg;            /* NEG */

    struct {                     /* SUM */
      guint         n;           /* at least 2 */
      TangentNode **terms;
      gboolean     *negate;      /* negate[0] is always FALSE */
    } sum;

    struct {                     /* PRODUCT */
      guint         n;           /* at least 2 */
      TangentNode **factors;
      gboolean     *divide;      /* divide[0] is always FALSE */
    } product;

    struct {                     /* POW */
      TangentNode *base;
      TangentNode *exponent;
      /* Set when the exponent was written as a fraction of integer
       * literals p/q with q odd after reduction (LANGUAGE.md, Values):
       * then a negative base has the real root, (-8)^(1/3) = -2. */
      gboolean     is_odd_root;
      gint64       p, q;         /* reduced, q > 0 odd */
    } pow;

    struct {                     /* CALL */
      TangentBuiltin fn;
      guint          n;
      TangentNode  **args;
    } call;

    struct {                     /* USER_CALL */
      char         *name;        /* canonical function name */
      guint         order;       /* number of primes: f'' is 2 */
      guint         n;
      TangentNode **args;
    } user;

    struct {                     /* TUPLE */
      guint         n;
      TangentNode **items;
    } tuple;
  };
};

TangentNode *tangent_node_new_number    (double           value);
TangentNode *tangent_node_new_constant  (TangentConstant  constant);
TangentNode *tangent_node_new_variable  (TangentVariable  variable);
TangentNode *tangent_node_new_parameter (const char      *name,
                                         int              slot);
TangentNode *tangent_node_new_neg       (TangentNode     *arg);
TangentNode *tangent_node_new_sum       (guint            n,
                                         TangentNode    **terms,
                                         const gboolean  *negate);
TangentNode *tangent_node_new_product   (guint            n,
                                         TangentNode    **factors,
                                         const gboolean  *divide);
TangentNode *tangent_node_new_binary_sum     (TangentNode *a,
                                              gboolean     subtract,
                                              TangentNode *b);
TangentNode *tangent_node_new_binary_product (TangentNode *a,
                                              gboolean     divide,
                                              TangentNode *b);
TangentNode *tangent_node_new_pow       (TangentNode     *base,
                                         TangentNode     *exponent);
gint64       tangent_gcd64              (gint64           a,
                                         gint64           b);
TangentNode *tangent_node_new_odd_root_pow (TangentNode  *base,
                                            TangentNode  *exponent,
                                            gint64        p,
                                            gint64        q);
TangentNode *tangent_node_new_call      (TangentBuiltin   fn,
                                         guint            n,
                                         TangentNode    **args);
TangentNode *tangent_node_new_call1     (TangentBuiltin   fn,
                                         TangentNode     *arg);
TangentNode *tangent_node_new_user_call (const char      *name,
                                         guint            order,
                                         guint            n,
                                         TangentNode    **args);
TangentNode *tangent_node_new_tuple     (guint            n,
                                         TangentNode    **items);

TangentNode *tangent_node_set_span      (TangentNode     *node,
                                         guint            start,
                                         guint            end);
TangentNode *tangent_node_copy          (const TangentNode *node);
TangentNode *tangent_node_copy_shallow  (const TangentNode *node);
gboolean     tangent_node_equal         (const TangentNode *a,
                                         const TangentNode *b);
guint        tangent_node_hash          (const TangentNode *node);
guint        tangent_node_get_n_children (const TangentNode *node);
TangentNode *tangent_node_get_child     (const TangentNode *node,
                                         guint              i);
gboolean     tangent_node_depends_on    (const TangentNode *node,
                                         TangentVariable    variable);
gboolean     tangent_node_is_number     (const TangentNode *node,
                                         double             value);
void         tangent_node_free          (TangentNode     *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TangentNode, tangent_node_free)

G_END_DECLS
