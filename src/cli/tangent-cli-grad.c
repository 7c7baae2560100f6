/* tangent-cli-grad.c: tangent-cli grad and hessian
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

static void
print_row (const char   *label,
           const double *values,
           guint         n)
{
  printf ("%s", label);
  for (guint i = 0; i < n; i++)
    {
      char buf[TANGENT_FORMAT_BUF_SIZE];

      printf ("%s%s", i == 0 ? "" : "  ", tangent_format_shortest (buf, values[i]));
    }
  printf ("\n");
}

/* The value, gradient and (with @hessian) Hessian at the --at point, by
 * automatic differentiation of the compiled program: exact up to
 * rounding, with no step size to choose. Components follow x, y, z up to
 * the last variable the formula uses. */
static int
run (int       argc,
     char    **argv,
     gboolean  hessian)
{
  g_auto(TangentCliArgs) args = { 0 };
  g_auto(TangentCliDocument) doc = { 0 };
  g_autoptr(TangentProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *outs = NULL;
  const TangentNode *expr;
  guint n, n_outs;
  int status;

  status = tangent_cli_args_parse (&args, argc, argv, "EXPR",
                                   hessian
                                   ? _("Value, gradient and Hessian of a formula at a point.")
                                   : _("Value and gradient of a formula at a point."),
                                   NULL, TANGENT_CLI_NEEDS_EXPR | TANGENT_CLI_NEEDS_AT);
  if (status != TANGENT_CLI_EXIT_OK)
    return status;

  /* Translators: completes "An equation is a relation to plot; it has no …" */
  status = tangent_cli_document_load_value (&doc, &args, _("gradient"), &expr);
  if (status != TANGENT_CLI_EXIT_OK)
    return status;

  n = doc.n_vars;
  program = tangent_compile_with_gradient (expr, tangent_document_get_n_parameters (doc.document),
                                           n, hessian, &error);
  if (program == NULL)
    return tangent_cli_report_compile_error (&args, error);

  n_outs = tangent_program_get_n_outputs (program);
  g_return_val_if_fail (n_outs == 1 + n + (hessian ? n * n : 0), TANGENT_CLI_EXIT_ERROR);
  outs = g_new0 (double, n_outs);
  tangent_program_eval_point (program, tangent_document_get_parameter_values (doc.document),
                              args.at_values, outs);

  /* Where the function is undefined or infinite, so are its derivatives. */
  if (!isfinite (outs[0]))
    {
      for (guint i = 1; i < n_outs; i++)
        outs[i] = NAN;
    }

  if (args.json)
    {
      json_t *object = json_object ();

      json_object_set_new (object, "value", tangent_cli_json_number (outs[0]));
      json_object_set_new (object, "gradient", tangent_cli_json_numbers (outs + 1, n));
      if (hessian)
        {
          json_t *rows = json_array ();

          for (guint i = 0; i < n; i++)
            json_array_append_new (rows, tangent_cli_json_numbers (outs + 1 + n + i * n, n));
          json_object_set_new (object, "hessian", rows);
        }
      tangent_cli_print_json (object);
    }
  else
    {
      print_row (_("value:    "), outs, 1);
      print_row (_("gradient: "), outs + 1, n);
      for (guint i = 0; hessian && i < n; i++)
        print_row (i == 0 ? _("hessian:  ") : "          ", outs + 1 + n + i * n, n);
    }

  return TANGENT_CLI_EXIT_OK;
}

int
tangent_cli_grad (int    argc,
                  char **argv)
{
  return run (argc, argv, FALSE);
}

int
tangent_cli_hessian (int    argc,
                     char **argv)
{
  return run (argc, argv, TRUE);
}
