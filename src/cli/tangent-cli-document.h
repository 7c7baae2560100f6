/* tangent-cli-document.h: EXPR and --defs as one document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tangent-cli-options.h"
#include "tangent-compile.h"
#include "tangent-document.h"

G_BEGIN_DECLS

typedef struct
{
  TangentDocument *document;
  guint            expr_row;   /* the row holding EXPR */
  guint            n_vars;     /* 1 + the highest variable EXPR uses, at least 1 */
} TangentCliDocument;

int  tangent_cli_document_load       (TangentCliDocument   *doc,
                                      TangentCliArgs       *args);
int  tangent_cli_document_check_point (TangentCliDocument  *doc,
                                      TangentCliArgs       *args,
                                      const TangentNode    *expr);
int  tangent_cli_document_load_value (TangentCliDocument  *doc,
                                      TangentCliArgs      *args,
                                      const char          *what,
                                      const TangentNode  **expr);
void tangent_cli_document_clear      (TangentCliDocument   *doc);
int  tangent_cli_report_compile_error (TangentCliArgs      *args,
                                      const GError         *error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TangentCliDocument, tangent_cli_document_clear)

G_END_DECLS
