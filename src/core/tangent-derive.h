/* tangent-derive.h: symbolic derivatives, gradients and Hessians
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tangent-ast.h"

G_BEGIN_DECLS

#define TANGENT_DERIVE_ERROR (tangent_derive_error_quark ())

typedef enum
{
  TANGENT_DERIVE_ERROR_TOO_LARGE,    /* past the size cap: use AD for values */
  TANGENT_DERIVE_ERROR_ORDER,        /* order outside 0 … TANGENT_DERIVE_MAX_ORDER */
  TANGENT_DERIVE_ERROR_UNSUPPORTED,  /* a user function of several arguments */
} TangentDeriveError;

/* LANGUAGE.md: derivative and Taylor orders 0 … 100. */
#define TANGENT_DERIVE_MAX_ORDER 100

/* A derivative with more nodes than this (or than a few times its input,
 * whichever is larger) is not built: nobody reads it, and the document
 * evaluates it by automatic differentiation instead. */
#define TANGENT_DERIVE_MAX_NODES 50000

GQuark       tangent_derive_error_quark (void);

TangentNode *tangent_derive          (const TangentNode  *expr,
                                      TangentVariable     wrt,
                                      GError            **error);
TangentNode *tangent_derive_n        (const TangentNode  *expr,
                                      TangentVariable     wrt,
                                      guint               order,
                                      GError            **error);
GPtrArray   *tangent_derive_gradient (const TangentNode  *expr,
                                      guint               n_variables,
                                      GError            **error);
GPtrArray   *tangent_derive_hessian  (const TangentNode  *expr,
                                      guint               n_variables,
                                      GError            **error);

G_END_DECLS
