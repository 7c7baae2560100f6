/* tangent-cli-diff.c: tangent-cli diff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-cli"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tangent-cli.h"
#include "tangent-cli-document.h"
#include "tangent-cli-output.h"
#include "tangent-derive.h"
#include "tangent-format.h"
#include "tangent-print.h"
#include "tangent-vm.h"

/* diff EXPR --wrt x [--order K] [--at …]: the derivative as a formula, in
 * text and LaTeX, and its value at the point when one is given. */
int
tangent_cli_diff (int    argc,
                  char **argv)
{
  g_autofree char *wrt = NULL;
  g_autofree char *order_text = NULL;
  const GOptionEntry entries[] = {
    { "wrt", 0, 0, G_OPTION_ARG_STRING, &wrt,
      N_("The variable to differentiate by (default x)"), N_("VAR") },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order_text,
      N_("How many times, 0 … 100 (default 1)"), N_("K") },
    { NULL }
  };
  g_auto(TangentCliArgs) args = { 0 };
  g_auto(TangentCliDocument) doc = { 0 };
  g_autoptr(TangentNode) derivative = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *latex = NULL;
  const char *names[TANGENT_N_VARIABLES] = { "x", "y", "z" };
  const TangentRow *row;
  const TangentNode *expr;
  TangentVariable variable = TANGENT_VARIABLE_X;
  gboolean found = FALSE;
  gboolean have_point;
  double value = 0;
  guint order;
  int status;

  status = tangent_cli_args_parse (&args, argc, argv, "EXPR",
                                   _("Differentiate a formula: the derivative, and its value "
                                     "with --at."),
                                   entries, TANGENT_CLI_NEEDS_EXPR);
  if (status != TANGENT_CLI_EXIT_OK)
    return status;

  status = tangent_cli_document_load (&doc, &args);
  if (status != TANGENT_CLI_EXIT_OK)
    return status;

  status = tangent_cli_parse_order (&args, order_text, 1, &order);
  if (status != TANGENT_CLI_EXIT_OK)
    return status;

  /* A function's arguments have its own names: f(t) = t^2 --wrt t. */
  row = tangent_document_get_row_parsed (doc.document, doc.expr_row);
  if (row->kind == TANGENT_ROW_FUNCTION)
    {
      for (guint i = 0; i < row->n_formals && i < TANGENT_N_VARIABLES; i++)
        names[i] = row->formals[i];
    }
  else if (row->kind == TANGENT_ROW_RELATION)
    {
      error = g_error_new (TANGENT_DOCUMENT_ERROR, TANGENT_DOCUMENT_ERROR_DERIVATIVE,
                           _("An equation is a relation to plot; differentiate an expression "
                             "or a function"));
      return tangent_cli_report_error (args.json, error, -1, -1);
    }

  for (guint i = 0; i < TANGENT_N_VARIABLES; i++)
    {
      if (strcmp (names[i], wrt != NULL ? wrt : names[0]) == 0)
        {
          variable = i;
          found = TRUE;
          break;
        }
    }
  if (!found)
    {
      g_autofree char *shown = g_strescape (wrt, NULL);

      error = g_error_new (TANGENT_DOCUMENT_ERROR, TANGENT_DOCUMENT_ERROR_DERIVATIVE,
                           _("Cannot differentiate by “%.20s”: use --wrt x, y or z"), shown);
      return tangent_cli_report_error (args.json, error, -1, -1);
    }

  expr = tangent_document_get_row_expr (doc.document, doc.expr_row);
  derivative = tangent_derive_n (expr, variable, order, &error);
  if (derivative == NULL)
    return tangent_cli_report_error (args.json, error, -1, -1);

  text = tangent_print_text (derivative, names);
  latex = tangent_print_latex (derivative, names);

  have_point = args.at_set[0] || args.at_set[1] || args.at_set[2];
  if (have_point)
    {
      g_autoptr(TangentProgram) program = NULL;

      status = tangent_cli_document_check_point (&doc, &args, derivative);
      if (status != TANGENT_CLI_EXIT_OK)
        return status;

      program = tangent_compile (derivative, tangent_document_get_n_parameters (doc.document),
                                 &error);
      if (program == NULL)
        return tangent_cli_report_compile_error (&args, error);

      value = tangent_program_eval1 (program, tangent_document_get_parameter_values (doc.document),
                                     args.at_values[0], args.at_values[1], args.at_values[2]);

      /* A derivative exists only where the function does: (ln x)' = 1/x
       * is finite at -1, but ln(-1) is not. */
      if (order > 0)
        {
          g_autoptr(TangentProgram) function = tangent_compile (expr,
                                                                tangent_document_get_n_parameters (doc.document),
                                                                NULL);
          double f = function != NULL
            ? tangent_program_eval1 (function, tangent_document_get_parameter_values (doc.document),
                                     args.at_values[0], args.at_values[1], args.at_values[2])
            : NAN;

          if (!isfinite (f))
            value = NAN;
        }
    }

  if (args.json)
    {
      json_t *object = json_object ();

      json_object_set_new (object, "derivative", tangent_cli_json_string (text));
      json_object_set_new (object, "latex", tangent_cli_json_string (latex));
      if (have_point)
        json_object_set_new (object, "value", tangent_cli_json_number (value));
      tangent_cli_print_json (object);
    }
  else
    {
      printf ("%s\n", text);
      if (have_point)
        {
          char buf[TANGENT_FORMAT_BUF_SIZE];

          printf ("%s\n", tangent_format_shortest (buf, value));
        }
    }

  return TANGENT_CLI_EXIT_OK;
}
