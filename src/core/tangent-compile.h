/* tangent-compile.h: expression trees to block-VM bytecode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tangent-ast.h"

G_BEGIN_DECLS

#define TANGENT_COMPILE_ERROR (tangent_compile_error_quark ())

typedef enum
{
  TANGENT_COMPILE_ERROR_UNRESOLVED,   /* a user call, tuple or unbound parameter */
  TANGENT_COMPILE_ERROR_TOO_DEEP,     /* nesting beyond TANGENT_COMPILE_MAX_DEPTH */
  TANGENT_COMPILE_ERROR_INVALID,      /* a malformed tree */
} TangentCompileError;

/* Deeper trees are rejected; the parser's own limit is below this. */
#define TANGENT_COMPILE_MAX_DEPTH 1000

typedef struct _TangentProgram TangentProgram;

GQuark          tangent_compile_error_quark    (void);

TangentProgram *tangent_compile                (const TangentNode    *expr,
                                                guint                 n_params,
                                                GError              **error);
TangentProgram *tangent_compile_with_gradient  (const TangentNode    *expr,
                                                guint                 n_params,
                                                guint                 n_vars,
                                                gboolean              with_hessian,
                                                GError              **error);

TangentProgram *tangent_program_ref            (TangentProgram       *self);
void            tangent_program_unref          (TangentProgram       *self);

guint           tangent_program_get_n_outputs  (const TangentProgram *self);
guint           tangent_program_get_n_params   (const TangentProgram *self);
guint           tangent_program_get_n_instructions (const TangentProgram *self);
gboolean        tangent_program_depends_on     (const TangentProgram *self,
                                                TangentVariable       variable);
char           *tangent_program_disassemble    (const TangentProgram *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TangentProgram, tangent_program_unref)

G_END_DECLS
