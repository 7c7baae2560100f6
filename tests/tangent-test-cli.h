/* tangent-test-cli.h: what the tests that run tangent-cli or write files
 * share: a run of the program under test, and scratch folders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *out;
  char *err;
  int   status;
} TangentTestRun;

void  tangent_test_run_cli     (TangentTestRun  *run,
                                const char     **args);
void  tangent_test_run_clear   (TangentTestRun  *run);

char *tangent_test_temp_dir    (const char      *prefix);
void  tangent_test_remove_dir  (const char      *dir);

G_END_DECLS
