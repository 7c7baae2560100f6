/* tangent-cli.c: Tangent's mathematics without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-cli"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "tangent-cli.h"

/* The sub-commands, in the order of the contract (shared CLI.md); each
 * arrives with the issue that builds its mathematics. */
static const TangentCliCommand commands[] = {
  { "check", N_("Check a formula row: its kind, variables and parameters"), tangent_cli_check },
  { "eval", N_("Evaluate a formula at a point"), tangent_cli_eval },
  { "diff", N_("Differentiate a formula, as a formula and at a point"), tangent_cli_diff },
  { "grad", N_("Value and gradient at a point"), tangent_cli_grad },
  { "hessian", N_("Value, gradient and Hessian at a point"), tangent_cli_hessian },
  { "taylor", N_("Taylor polynomial about a point, with a certified error bound"),
    tangent_cli_taylor },
  { "render", N_("Draw a session’s view into a PNG, SVG or PDF file"), tangent_cli_render },
  { "bench", N_("Measure evaluation speed over a grid"), tangent_cli_bench },
  { NULL, NULL, NULL },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: tangent-cli COMMAND [OPTION…]"));
  fprintf (out, "       tangent-cli --version\n");
  fprintf (out, "       tangent-cli --help\n\n");
  fprintf (out, "%s\n\n", _("Tangent’s calculus without a window, for scripts and lecture Makefiles."));

  if (commands[0].name == NULL)
    {
      fprintf (out, "%s\n", _("No commands are available in this version."));
      return;
    }

  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; commands[i].name != NULL; i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “tangent-cli COMMAND --help” for the options of a command."));
}

static const TangentCliCommand *
find_command (const char *name)
{
  for (guint i = 0; commands[i].name != NULL; i++)
    {
      if (strcmp (commands[i].name, name) == 0)
        return &commands[i];
    }

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  const TangentCliCommand *command;

  /* Messages follow the user's language; numbers never follow the locale
   * (all formatting goes through the g_ascii_* functions). */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return TANGENT_CLI_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("tangent-cli %s\n", PACKAGE_VERSION);
      return TANGENT_CLI_EXIT_OK;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_usage (stdout);
      return TANGENT_CLI_EXIT_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *shown = g_strescape (argv[1], NULL);

      /* Keep the echo of a hostile argument short. */
      if (g_utf8_strlen (shown, -1) > 40)
        {
          char *end = g_utf8_offset_to_pointer (shown, 40);

          strcpy (end, "…");
        }

      fprintf (stderr, _("tangent-cli: unknown command “%s”\n"), shown);
      fprintf (stderr, "%s\n", _("Run “tangent-cli --help” for the list of commands."));
      return TANGENT_CLI_EXIT_USAGE;
    }

  return command->run (argc - 1, argv + 1);
}
