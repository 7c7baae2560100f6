/* test-cli.c: tangent-cli as a script sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <string.h>
#include <sys/wait.h>

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

/* Runs the tangent-cli under test (its path comes from the test
 * environment) with @args, with the environment of the test. */
static void
run_cli (Run         *run,
         const char **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *cli = g_getenv ("TANGENT_CLI");
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
test_cli_version (void)
{
  const char *args[] = { "--version", NULL };
  Run run = { 0 };

  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "tangent-cli " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run.err, ==, "");
  run_clear (&run);
}

static void
test_cli_help (void)
{
  const char *args[] = { "--help", NULL };
  Run run = { 0 };

  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Usage: tangent-cli"));
  run_clear (&run);
}

/* Usage errors exit 2 and say so on standard error, not standard output;
 * a hostile argument is echoed escaped and short. */
static void
test_cli_usage_errors (void)
{
  const char *none[] = { NULL };
  const char *unknown[] = { "frobnicate", NULL };
  const char *hostile[] = { "\x1b[31m\xe2\x80\xae" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                            NULL };
  Run run = { 0 };

  run_cli (&run, none);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "Usage"));
  run_clear (&run);

  run_cli (&run, unknown);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "frobnicate"));
  run_clear (&run);

  run_cli (&run, hostile);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_null (strchr (run.err, '\x1b'));
  g_assert_null (strstr (run.err, "\xe2\x80\xae"));
  g_assert_cmpuint (strlen (run.err), <, 200);
  run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_cli_version);
  g_test_add_func ("/cli/help", test_cli_help);
  g_test_add_func ("/cli/usage-errors", test_cli_usage_errors);

  return g_test_run ();
}
