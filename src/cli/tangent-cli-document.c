/* tangent-cli-document.c: EXPR and --defs as one document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-cli"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tangent-cli.h"
#include "tangent-cli-document.h"
#include "tangent-cli-output.h"

static const char *variable_names[] = { "x", "y", "z" };

/* Splits the --defs file into rows, one per line; blank lines and lines
 * starting with '#' are skipped. Returns the 1-based line of each row. */
static GArray *
append_defs (TangentDocument *document,
             GBytes          *defs)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (guint));
  gsize size;
  const char *data = g_bytes_get_data (defs, &size);
  gsize start = 0;
  guint line = 1;

  while (start < size)
    {
      const char *nl = memchr (data + start, '\n', size - start);
      gsize end = nl != NULL ? (gsize) (nl - data) : size;
      gsize stop = end;
      gsize first = start;

      if (stop > start && data[stop - 1] == '\r')
        stop--;
      while (first < stop && (data[first] == ' ' || data[first] == '\t'))
        first++;

      if (first < stop && data[first] != '#')
        {
          tangent_document_append_row (document, data + start, stop - start);
          g_array_append_val (lines, line);
        }

      start = end + 1;
      line++;
    }

  return lines;
}

/**
 * tangent_cli_document_load:
 * @doc: (out caller-allocates): the result, cleared with
 *   tangent_cli_document_clear()
 * @args: parsed options
 *
 * Makes the document of the --defs rows followed by EXPR, resolves it and
 * applies --param. A rejected --defs row is an error naming its line; a
 * rejected EXPR is an error with its span.
 *
 * Returns: %TANGENT_CLI_EXIT_OK, or the exit status of an error already
 *   reported
 */
int
tangent_cli_document_load (TangentCliDocument *doc,
                           TangentCliArgs     *args)
{
  g_autoptr(GArray) lines = NULL;
  const TangentNode *expr;
  const GError *row_error;
  guint start, end;
  gsize size;
  const char *data;

  memset (doc, 0, sizeof *doc);
  doc->document = tangent_document_new ();

  for (guint i = 0; i < args->param_names->len; i++)
    tangent_document_add_free_parameter (doc->document, g_ptr_array_index (args->param_names, i));

  if (args->defs != NULL)
    lines = append_defs (doc->document, args->defs);

  data = g_bytes_get_data (args->expr, &size);
  doc->expr_row = tangent_document_append_row (doc->document, data, size);
  tangent_document_resolve (doc->document);

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      row_error = tangent_document_get_row_error (doc->document, i, NULL, NULL);
      if (row_error != NULL)
        {
          g_autoptr(GError) error = g_error_new (row_error->domain, row_error->code,
                                                 _("--defs line %u: %s"),
                                                 g_array_index (lines, guint, i),
                                                 row_error->message);

          return tangent_cli_report_error (args->json, error, -1, -1);
        }
    }

  row_error = tangent_document_get_row_error (doc->document, doc->expr_row, &start, &end);
  if (row_error != NULL)
    return tangent_cli_report_error (args->json, row_error, start, end);

  for (guint i = 0; i < args->param_names->len; i++)
    {
      const char *name = g_ptr_array_index (args->param_names, i);
      int slot = tangent_document_lookup_parameter (doc->document, name);

      if (slot < 0)
        {
          g_autoptr(GError) error = g_error_new (TANGENT_DOCUMENT_ERROR,
                                                 TANGENT_DOCUMENT_ERROR_UNDEFINED,
                                                 _("--param %s: the formula has no parameter “%s”"),
                                                 name, name);

          return tangent_cli_report_error (args->json, error, -1, -1);
        }
      tangent_document_set_parameter_value (doc->document, slot,
                                            g_array_index (args->param_values, double, i));
    }

  expr = tangent_document_get_row_expr (doc->document, doc->expr_row);
  doc->n_vars = 1;
  for (guint v = 0; expr != NULL && v < TANGENT_N_VARIABLES; v++)
    {
      if (tangent_node_depends_on (expr, v))
        doc->n_vars = v + 1;
    }

  return TANGENT_CLI_EXIT_OK;
}

static gboolean
collect_parameters (const TangentNode *node,
                    TangentDocument   *document,
                    const char       **missing)
{
  guint n = tangent_node_get_n_children (node);

  if (node->kind == TANGENT_NODE_PARAMETER
      && (node->parameter.slot < 0
          || !tangent_document_parameter_has_value (document, node->parameter.slot)))
    {
      *missing = node->parameter.name;
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      if (!collect_parameters (tangent_node_get_child (node, i), document, missing))
        return FALSE;
    }

  return TRUE;
}

/**
 * tangent_cli_document_check_point:
 * @doc: a loaded document
 * @args: parsed options
 * @expr: what is about to be evaluated
 *
 * Checks that every variable @expr uses has a value from --at and every
 * parameter has a value from a row or --param.
 *
 * Returns: %TANGENT_CLI_EXIT_OK, or the exit status of an error already
 *   reported
 */
int
tangent_cli_document_check_point (TangentCliDocument *doc,
                                  TangentCliArgs     *args,
                                  const TangentNode  *expr)
{
  const char *missing = NULL;

  for (guint v = 0; v < TANGENT_N_VARIABLES; v++)
    {
      if (tangent_node_depends_on (expr, v) && !args->at_set[v])
        {
          g_autoptr(GError) error = g_error_new (TANGENT_DOCUMENT_ERROR,
                                                 TANGENT_DOCUMENT_ERROR_UNDEFINED,
                                                 _("%s has no value: pass --at %s=VALUE"),
                                                 variable_names[v], variable_names[v]);

          return tangent_cli_report_error (args->json, error, -1, -1);
        }
    }

  if (!collect_parameters (expr, doc->document, &missing))
    {
      g_autoptr(GError) error = g_error_new (TANGENT_DOCUMENT_ERROR,
                                             TANGENT_DOCUMENT_ERROR_UNDEFINED,
                                             _("The parameter “%s” has no value: add a row "
                                               "%s = VALUE to --defs or pass --param %s=VALUE"),
                                             missing, missing, missing);

      return tangent_cli_report_error (args->json, error, -1, -1);
    }

  return TANGENT_CLI_EXIT_OK;
}

/**
 * tangent_cli_document_load_value:
 * @doc: (out caller-allocates): the result, as tangent_cli_document_load()
 * @args: parsed options
 * @what: what the command computes, for the message that a relation has
 *   none ("a value", "a gradient")
 * @expr: (out) (transfer none): EXPR resolved, ready to compile
 *
 * What eval, grad and hessian share: load the document, refuse a relation,
 * and check that the point and the parameters give every name a value.
 *
 * Returns: %TANGENT_CLI_EXIT_OK, or the exit status of an error already
 *   reported
 */
int
tangent_cli_document_load_value (TangentCliDocument  *doc,
                                 TangentCliArgs      *args,
                                 const char          *what,
                                 const TangentNode  **expr)
{
  int status = tangent_cli_document_load (doc, args);

  if (status != TANGENT_CLI_EXIT_OK)
    return status;

  if (tangent_document_get_row_kind (doc->document, doc->expr_row) == TANGENT_ROW_RELATION)
    {
      g_autoptr(GError) error = g_error_new (TANGENT_DOCUMENT_ERROR,
                                             TANGENT_DOCUMENT_ERROR_UNDEFINED,
                                             _("An equation is a relation to plot; it has no %s"),
                                             what);

      return tangent_cli_report_error (args->json, error, -1, -1);
    }

  *expr = tangent_document_get_row_expr (doc->document, doc->expr_row);
  return tangent_cli_document_check_point (doc, args, *expr);
}

int
tangent_cli_report_compile_error (TangentCliArgs *args,
                                  const GError   *error)
{
  return tangent_cli_report_error (args->json, error, -1, -1);
}

void
tangent_cli_document_clear (TangentCliDocument *doc)
{
  g_clear_pointer (&doc->document, tangent_document_free);
}
