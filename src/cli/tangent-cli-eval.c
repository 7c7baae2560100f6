/* tangent-cli-eval.c: tangent-cli check and eval
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-cli"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "tangent-cli.h"
#include "tangent-cli-document.h"
#include "tangent-cli-output.h"
#include "tangent-format.h"
#include "tangent-vm.h"

static const char *kind_names[] = {
  [TANGENT_ROW_EXPRESSION] = "expression",
  [TANGENT_ROW_FUNCTION] = "function",
  [TANGENT_ROW_PARAMETER] = "parameter",
  [TANGENT_ROW_RELATION] = "relation",
};

static const char *variable_names[] = { "x", "y", "z" };

static void
add_parameters (const TangentNode *node,
                gboolean          *seen)
{
  guint n = tangent_node_get_n_children (node);

  if (node->kind == TANGENT_NODE_PARAMETER && node->parameter.slot >= 0)
    seen[node->parameter.slot] = TRUE;

  for (guint i = 0; i < n; i++)
    add_parameters (tangent_node_get_child (node, i), seen);
}

/* check EXPR: what kind of row it is, and what it uses. */
int
tangent_cli_check (int    argc,
                   char **argv)
{
  g_auto(TangentCliArgs) args = { 0 };
  g_auto(TangentCliDocument) doc = { 0 };
  const TangentRow *row;
  const TangentNode *expr;
  g_autofree gboolean *seen = NULL;
  json_t *variables, *parameters, *object;
  guint n_params;
  int status;

  status = tangent_cli_args_parse (&args, argc, argv, "EXPR",
                                   _("Check a formula row: its kind, variables and parameters."),
                                   NULL, TANGENT_CLI_NEEDS_EXPR);
  if (status != TANGENT_CLI_EXIT_OK)
    return status;

  status = tangent_cli_document_load (&doc, &args);
  if (status != TANGENT_CLI_EXIT_OK)
    return status;

  row = tangent_document_get_row_parsed (doc.document, doc.expr_row);
  expr = tangent_document_get_row_expr (doc.document, doc.expr_row);

  variables = json_array ();
  if (row->kind == TANGENT_ROW_FUNCTION)
    {
      for (guint i = 0; i < row->n_formals; i++)
        json_array_append_new (variables, tangent_cli_json_string (row->formals[i]));
    }
  else
    {
      for (guint v = 0; v < TANGENT_N_VARIABLES; v++)
        {
          if (tangent_node_depends_on (expr, v))
            json_array_append_new (variables, json_string (variable_names[v]));
        }
    }

  n_params = tangent_document_get_n_parameters (doc.document);
  seen = g_new0 (gboolean, MAX (n_params, 1));
  add_parameters (expr, seen);
  parameters = json_array ();
  for (guint slot = 0; slot < n_params; slot++)
    {
      if (seen[slot])
        json_array_append_new (parameters,
                               tangent_cli_json_string (tangent_document_get_parameter_name (doc.document,
                                                                                             slot)));
    }

  object = json_object ();
  json_object_set_new (object, "kind", json_string (kind_names[row->kind]));
  if (row->name != NULL)
    json_object_set_new (object, "name", tangent_cli_json_string (row->name));
  json_object_set_new (object, "variables", variables);
  json_object_set_new (object, "parameters", parameters);

  if (args.json)
    {
      tangent_cli_print_json (object);
    }
  else
    {
      g_autofree char *vars = json_dumps (variables, JSON_COMPACT);
      g_autofree char *params = json_dumps (parameters, JSON_COMPACT);

      printf ("%s\n", kind_names[row->kind]);
      printf ("variables: %s\n", vars);
      printf ("parameters: %s\n", params);
      json_decref (object);
    }

  return TANGENT_CLI_EXIT_OK;
}

/* eval EXPR --at …: the value at a point. */
int
tangent_cli_eval (int    argc,
                  char **argv)
{
  g_auto(TangentCliArgs) args = { 0 };
  g_auto(TangentCliDocument) doc = { 0 };
  g_autoptr(TangentProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  const TangentNode *expr;
  double value;
  int status;

  status = tangent_cli_args_parse (&args, argc, argv, "EXPR",
                                   _("Evaluate a formula at a point (--at x=V,y=V)."),
                                   NULL, TANGENT_CLI_NEEDS_EXPR);
  if (status != TANGENT_CLI_EXIT_OK)
    return status;

  /* Translators: completes "An equation is a relation to plot; it has no …" */
  status = tangent_cli_document_load_value (&doc, &args, _("single value"), &expr);
  if (status != TANGENT_CLI_EXIT_OK)
    return status;

  program = tangent_compile (expr, tangent_document_get_n_parameters (doc.document), &error);
  if (program == NULL)
    return tangent_cli_report_compile_error (&args, error);

  value = tangent_program_eval1 (program, tangent_document_get_parameter_values (doc.document),
                                 args.at_values[0], args.at_values[1], args.at_values[2]);

  if (args.json)
    {
      json_t *object = json_object ();

      json_object_set_new (object, "value", tangent_cli_json_number (value));
      tangent_cli_print_json (object);
    }
  else
    {
      char buf[TANGENT_FORMAT_BUF_SIZE];

      printf ("%s\n", tangent_format_shortest (buf, value));
    }

  return TANGENT_CLI_EXIT_OK;
}
