/* tangent-test-compile.c: one formula row, compiled for a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tangent-document.h"
#include "tangent-test-compile.h"

TangentProgram *
tangent_test_compile (const char *text,
                      gboolean    gradient)
{
  g_autoptr(TangentDocument) doc = tangent_document_new ();
  g_autoptr(GError) error = NULL;
  const TangentNode *expr;
  TangentProgram *prog;

  tangent_document_append_row (doc, text, strlen (text));
  tangent_document_resolve (doc);
  expr = tangent_document_get_row_expr (doc, 0);
  g_assert_nonnull (expr);
  g_assert_cmpuint (tangent_document_get_n_parameters (doc), ==, 0);

  if (gradient)
    {
      prog = tangent_compile_with_gradient (expr, 0, 2, FALSE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tangent_program_get_n_outputs (prog), ==, 3);
    }
  else
    {
      prog = tangent_compile (expr, 0, &error);
      g_assert_no_error (error);
    }
  return prog;
}
