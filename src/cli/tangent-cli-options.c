/* tangent-cli-options.c: the options every mathematical sub-command shares
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
#include "tangent-cli-options.h"
#include "tangent-cli-output.h"

/* A formula is at most 64 KiB (LANGUAGE.md); a --defs file holds many
 * rows, so it may be larger, but not unboundedly so. */
#define MAX_DEFS_BYTES (16 * 1024 * 1024)

/**
 * tangent_cli_parse_value:
 * @text: a number as text
 * @value: (out): the number
 *
 * Reads a value of --at or --param in the language's number syntax
 * (LANGUAGE.md, Numbers), with an optional sign: "2", "-0.5", ".5", "5.",
 * "1e-3". No "inf", "nan", hex or digit grouping, and no locale: the text is
 * checked first and only then converted with g_ascii_strtod().
 *
 * Returns: %TRUE if @text is such a number and finite
 */
gboolean
tangent_cli_parse_value (const char *text,
                         double     *value)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, digits = TRUE;
    }
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p != '\0')
    return FALSE;

  *value = g_ascii_strtod (text, NULL);
  return isfinite (*value);
}

/**
 * tangent_cli_usage_error:
 * @command: (nullable): the sub-command, to point at its --help
 * @format: the message
 *
 * Says what is wrong with the command line on standard error.
 *
 * Returns: %TANGENT_CLI_EXIT_USAGE, for the caller to return
 */
int
tangent_cli_usage_error (const char *command,
                         const char *format,
                         ...)
{
  va_list ap;
  g_autofree char *message = NULL;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);

  fprintf (stderr, "tangent-cli: %s\n", message);
  if (command != NULL)
    {
      fprintf (stderr, _("Run “tangent-cli %s --help” for the options."), command);
      fputc ('\n', stderr);
    }
  return TANGENT_CLI_EXIT_USAGE;
}

/* Shows user text in a one-line message: escaped, and short. */
static char *
excerpt (const char *text)
{
  g_autofree char *escaped = g_strescape (text, NULL);

  if (strlen (escaped) > 40)
    return g_strdup_printf ("%.40s…", escaped);
  return g_steal_pointer (&escaped);
}

static gboolean
is_variable_name (const char      *name,
                  TangentVariable *variable)
{
  static const char *names[] = { "x", "y", "z" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (strcmp (name, names[i]) == 0)
        {
          *variable = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Splits "x=1,y=-2" into names and values; calls @add for each pair. */
static int
parse_bindings (char       **items,
                const char  *option,
                int        (*add) (TangentCliArgs *, const char *, double, const char *),
                TangentCliArgs *args)
{
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_auto(GStrv) pairs = g_strsplit (items[i], ",", -1);

      for (guint j = 0; pairs[j] != NULL; j++)
        {
          const char *eq = strchr (pairs[j], '=');
          g_autofree char *name = NULL;
          g_autofree char *shown = excerpt (pairs[j]);
          double value;
          int status;

          if (eq == NULL || eq == pairs[j])
            return tangent_cli_usage_error (NULL, _("%s expects NAME=VALUE pairs separated by commas, not “%s”"),
                                option, shown);

          name = g_strndup (pairs[j], eq - pairs[j]);
          if (!tangent_cli_parse_value (eq + 1, &value))
            {
              g_autofree char *shown_value = excerpt (eq + 1);

              return tangent_cli_usage_error (NULL, _("%s: “%s” is not a finite decimal number (write 1.5, -2, 1e-3)"),
                                  option, shown_value);
            }

          status = add (args, name, value, option);
          if (status != TANGENT_CLI_EXIT_OK)
            return status;
        }
    }

  return TANGENT_CLI_EXIT_OK;
}

static int
add_at (TangentCliArgs *args,
        const char     *name,
        double          value,
        const char     *option)
{
  TangentVariable variable;

  if (!is_variable_name (name, &variable))
    {
      g_autofree char *shown = excerpt (name);

      return tangent_cli_usage_error (NULL, _("--at binds the variables x, y and z, not “%s” (use --param for "
                            "parameters)"), shown);
    }

  args->at_values[variable] = value;
  args->at_set[variable] = TRUE;
  return TANGENT_CLI_EXIT_OK;
}

static int
add_param (TangentCliArgs *args,
           const char     *name,
           double          value,
           const char     *option)
{
  TangentVariable variable;

  if (is_variable_name (name, &variable))
    return tangent_cli_usage_error (NULL, _("--param sets parameters; bind the variable “%s” with --at"), name);

  g_ptr_array_add (args->param_names, g_strdup (name));
  g_array_append_val (args->param_values, value);
  return TANGENT_CLI_EXIT_OK;
}

static GBytes *
read_file (const char *path,
           gsize       limit,
           GError    **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  if (length > limit)
    {
      g_autofree char *shown = excerpt (path);
      g_autofree char *size = g_format_size (length);
      g_autofree char *most = g_format_size (limit);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("%s is too large (%s; at most %s)"), shown, size, most);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/**
 * tangent_cli_args_parse:
 * @args: (out caller-allocates): zero-initialised; cleared with
 *   tangent_cli_args_clear()
 * @argc: argument count, argv[0] being the command name
 * @argv: the arguments
 * @parameter_string: the positional arguments in --help, e.g. "EXPR"
 * @summary: the command's description in --help
 * @extra: (nullable): the command's own options
 * @needs: what the command cannot do without
 *
 * Parses the options shared by the mathematical commands (CLI.md, Common
 * rules): EXPR or --expr-file, --defs, --at, --param, --json.
 *
 * Returns: %TANGENT_CLI_EXIT_OK, or the exit status of a usage error or an
 *   unreadable file (already reported)
 */
int
tangent_cli_args_parse (TangentCliArgs      *args,
                        int                  argc,
                        char               **argv,
                        const char          *parameter_string,
                        const char          *summary,
                        const GOptionEntry  *extra,
                        TangentCliNeeds      needs)
{
  const GOptionEntry common[] = {
    { "expr-file", 0, 0, G_OPTION_ARG_FILENAME, &args->expr_file,
      N_("Read EXPR from FILE, as raw bytes"), N_("FILE") },
    { "defs", 0, 0, G_OPTION_ARG_FILENAME, &args->defs_file,
      N_("Earlier rows of the document, one per line"), N_("FILE") },
    { "at", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args->at,
      N_("Bind the free variables, e.g. x=1,y=-2"), N_("x=V,y=V") },
    { "param", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args->param,
      N_("Override parameters, e.g. a=2"), N_("a=V") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &args->json,
      N_("Print one JSON object"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  int status;

  args->param_names = g_ptr_array_new_with_free_func (g_free);
  args->param_values = g_array_new (FALSE, FALSE, sizeof (double));

  context = g_option_context_new (parameter_string);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (extra != NULL)
    g_option_context_add_main_entries (context, extra, GETTEXT_PACKAGE);

  /* A formula may start with a minus sign: "-x^2" is EXPR, not an option. */
  g_option_context_set_ignore_unknown_options (context, TRUE);

  title = g_strdup_printf ("tangent-cli %s", argv[0]);
  argv[0] = title;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return tangent_cli_usage_error (NULL, "%s", error->message);

  /* Whatever is left after argv[0] is EXPR, or a mistake. */
  if (argc > 2 || (argc == 2 && args->expr_file != NULL))
    {
      g_autofree char *shown = excerpt (argv[args->expr_file != NULL ? 1 : 2]);

      return tangent_cli_usage_error (NULL, _("unexpected argument “%s” (quote EXPR if it contains spaces)"), shown);
    }

  if (args->expr_file != NULL)
    {
      args->expr = read_file (args->expr_file, MAX_DEFS_BYTES, &error);
      if (args->expr == NULL)
        {
          fprintf (stderr, "tangent-cli: %s\n", error->message);
          return TANGENT_CLI_EXIT_ERROR;
        }
    }
  else if (argc == 2)
    {
      args->expr = g_bytes_new (argv[1], strlen (argv[1]));
    }
  else if (needs & TANGENT_CLI_NEEDS_EXPR)
    {
      return tangent_cli_usage_error (NULL, _("no formula given: pass EXPR or --expr-file FILE"));
    }

  if (args->defs_file != NULL)
    {
      args->defs = read_file (args->defs_file, MAX_DEFS_BYTES, &error);
      if (args->defs == NULL)
        {
          fprintf (stderr, "tangent-cli: %s\n", error->message);
          return TANGENT_CLI_EXIT_ERROR;
        }
    }

  status = parse_bindings (args->at, "--at", add_at, args);
  if (status != TANGENT_CLI_EXIT_OK)
    return status;
  status = parse_bindings (args->param, "--param", add_param, args);
  if (status != TANGENT_CLI_EXIT_OK)
    return status;

  if ((needs & TANGENT_CLI_NEEDS_AT) && !args->at_set[TANGENT_VARIABLE_X]
      && !args->at_set[TANGENT_VARIABLE_Y] && !args->at_set[TANGENT_VARIABLE_Z])
    return tangent_cli_usage_error (NULL, _("this command needs a point: --at x=V,y=V"));

  return TANGENT_CLI_EXIT_OK;
}

/**
 * tangent_cli_parse_order:
 * @args: parsed options (for --json)
 * @text: (nullable): the --order value as given
 * @fallback: the order when @text is %NULL
 * @order: (out): the order
 *
 * Reads a derivative or Taylor order: a whole number from 0 to 100, and
 * nothing else ("1.5", "-1" and "101" are errors, LANGUAGE.md, Values).
 *
 * Returns: %TANGENT_CLI_EXIT_OK, or the exit status of the error, already
 *   reported
 */
int
tangent_cli_parse_order (TangentCliArgs *args,
                         const char     *text,
                         guint           fallback,
                         guint          *order)
{
  guint64 value;

  if (text == NULL)
    {
      *order = fallback;
      return TANGENT_CLI_EXIT_OK;
    }

  if (!g_ascii_string_to_unsigned (text, 10, 0, TANGENT_CLI_MAX_ORDER, &value, NULL))
    {
      g_autofree char *shown = excerpt (text);
      g_autoptr(GError) error = g_error_new (G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                             _("The order must be a whole number from 0 to %d, "
                                               "not “%s”"),
                                             TANGENT_CLI_MAX_ORDER, shown);

      return tangent_cli_report_error (args->json, error, -1, -1);
    }

  *order = (guint) value;
  return TANGENT_CLI_EXIT_OK;
}

void
tangent_cli_args_clear (TangentCliArgs *args)
{
  g_clear_pointer (&args->expr_file, g_free);
  g_clear_pointer (&args->defs_file, g_free);
  g_clear_pointer (&args->at, g_strfreev);
  g_clear_pointer (&args->param, g_strfreev);
  g_clear_pointer (&args->expr, g_bytes_unref);
  g_clear_pointer (&args->defs, g_bytes_unref);
  g_clear_pointer (&args->param_names, g_ptr_array_unref);
  if (args->param_values != NULL)
    g_array_unref (g_steal_pointer (&args->param_values));
}
