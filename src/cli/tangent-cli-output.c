/* tangent-cli-output.c: what tangent-cli prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-cli"

#include <math.h>
#include <stdio.h>

#include "tangent-cli.h"
#include "tangent-cli-output.h"

/* The contract (CLI.md): numbers with 17 significant digits, and a
 * non-finite number as the string "nan", "inf" or "-inf", since JSON has
 * no spelling for them. jansson writes reals with a '.' whatever the
 * locale. */
json_t *
tangent_cli_json_number (double value)
{
  if (isnan (value))
    return json_string ("nan");
  if (isinf (value))
    return json_string (value > 0 ? "inf" : "-inf");
  return json_real (value);
}

json_t *
tangent_cli_json_numbers (const double *values,
                          gsize         n)
{
  json_t *array = json_array ();

  for (gsize i = 0; i < n; i++)
    json_array_append_new (array, tangent_cli_json_number (values[i]));

  return array;
}

/* jansson refuses strings that are not UTF-8; messages are made valid
 * (invalid bytes shown as U+FFFD) rather than lost. */
json_t *
tangent_cli_json_string (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  return json_string (valid);
}

/**
 * tangent_cli_print_json:
 * @object: (transfer full): the one object to print
 *
 * Prints @object on standard output, followed by a newline.
 */
void
tangent_cli_print_json (json_t *object)
{
  json_dumpf (object, stdout, JSON_REAL_PRECISION (17) | JSON_PRESERVE_ORDER);
  fputc ('\n', stdout);
  fflush (stdout);
  json_decref (object);
}

/**
 * tangent_cli_report_error:
 * @json: whether to answer with the JSON error object
 * @error: what went wrong
 * @start: first byte of the span in EXPR, or -1 where none applies
 * @end: one past the last byte, or -1
 *
 * Reports a failure a user caused: with @json as
 * {"error": {"message": M, "start": S, "end": E}} on standard output,
 * otherwise as a line on standard error.
 *
 * Returns: the exit status for an error, 1
 */
int
tangent_cli_report_error (gboolean      json,
                          const GError *error,
                          gssize        start,
                          gssize        end)
{
  if (json)
    {
      json_t *inner = json_object ();
      json_t *outer = json_object ();

      json_object_set_new (inner, "message", tangent_cli_json_string (error->message));
      if (start >= 0 && end >= start)
        {
          json_object_set_new (inner, "start", json_integer (start));
          json_object_set_new (inner, "end", json_integer (end));
        }
      json_object_set_new (outer, "error", inner);
      tangent_cli_print_json (outer);
    }
  else
    {
      fprintf (stderr, "tangent-cli: %s\n", error->message);
    }

  return TANGENT_CLI_EXIT_ERROR;
}
