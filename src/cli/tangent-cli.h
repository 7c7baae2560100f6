/* tangent-cli.h: what the sub-commands of tangent-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the contract (shared CLI.md, "Common rules"). */
enum {
  TANGENT_CLI_EXIT_OK = 0,
  TANGENT_CLI_EXIT_ERROR = 1,
  TANGENT_CLI_EXIT_USAGE = 2,
};

typedef struct
{
  const char *name;
  const char *summary;  /* marked with N_(), translated when shown */
  int       (*run) (int argc, char **argv);  /* argv[0] is the command name */
} TangentCliCommand;

int tangent_cli_check   (int argc, char **argv);
int tangent_cli_eval    (int argc, char **argv);
int tangent_cli_diff    (int argc, char **argv);
int tangent_cli_grad    (int argc, char **argv);
int tangent_cli_hessian (int argc, char **argv);
int tangent_cli_taylor  (int argc, char **argv);
int tangent_cli_render  (int argc, char **argv);
int tangent_cli_bench   (int argc, char **argv);

G_END_DECLS
