/* tangent-test-compile.h: one formula row, compiled for a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tangent-compile.h"

G_BEGIN_DECLS

/* @text as the only row of a document, without parameters, compiled to
 * its value, or (@gradient) to f, ∂f/∂x, ∂f/∂y. */
TangentProgram *tangent_test_compile (const char *text,
                                      gboolean    gradient);

G_END_DECLS
