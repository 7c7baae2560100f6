/* tangent-cli-options.h: the options every mathematical sub-command shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tangent-ast.h"

G_BEGIN_DECLS

typedef struct
{
  /* As given */
  char      *expr_file;
  char      *defs_file;
  char     **at;
  char     **param;
  gboolean   json;

  /* Parsed */
  GBytes    *expr;                          /* raw bytes of EXPR */
  GBytes    *defs;                          /* raw bytes of the --defs file */
  double     at_values[TANGENT_N_VARIABLES];
  gboolean   at_set[TANGENT_N_VARIABLES];
  GPtrArray *param_names;                   /* char *, in order given */
  GArray    *param_values;                  /* double */
} TangentCliArgs;

/* Derivative and Taylor orders (LANGUAGE.md, Values). */
#define TANGENT_CLI_MAX_ORDER 100

typedef enum
{
  TANGENT_CLI_NEEDS_EXPR = 1 << 0,
  TANGENT_CLI_NEEDS_AT   = 1 << 1,
} TangentCliNeeds;

int      tangent_cli_args_parse  (TangentCliArgs      *args,
                                  int                  argc,
                                  char               **argv,
                                  const char          *parameter_string,
                                  const char          *summary,
                                  const GOptionEntry  *extra,
                                  TangentCliNeeds      needs);
void     tangent_cli_args_clear  (TangentCliArgs      *args);
int      tangent_cli_usage_error (const char          *command,
                                  const char          *format,
                                  ...) G_GNUC_PRINTF (2, 3);
int      tangent_cli_parse_order (TangentCliArgs      *args,
                                  const char          *text,
                                  guint                fallback,
                                  guint               *order);
gboolean tangent_cli_parse_value (const char          *text,
                                  double              *value);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TangentCliArgs, tangent_cli_args_clear)

G_END_DECLS
