/* test-formula-cases.c: the shared sample of tricky formulas, through
 * tangent-cli as a user's script would run them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads ../shared/data/formula-cases.txt (its header defines the format),
 * turns each case into tangent-cli calls (check, eval, diff, taylor) and
 * compares the outcome with the expected one. The harness-only notations
 * map to commands: deriv(E, x, n) to diff E --wrt x --order n --at …, and
 * taylor(E, x, a, n) to taylor E --about x=a --order n --at …, whose
 * "value" is the polynomial at the evaluation point.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <jansson.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct
{
  guint      line;
  GPtrArray *rows;      /* GBytes: the rows of the case, in order */
  char      *expected;  /* "error", "ok", "value:V" */
  char      *note;
  double     x, y;
} Case;

static void
case_free (Case *c)
{
  g_ptr_array_unref (c->rows);
  g_free (c->expected);
  g_free (c->note);
  g_free (c);
}

static int
hex_value (char c)
{
  return g_ascii_isxdigit (c) ? g_ascii_xdigit_value (c) : -1;
}

/* Decodes the escapes of the file format into raw bytes; \R splits rows. */
static GPtrArray *
decode (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  GByteArray *row = g_byte_array_new ();

  for (const char *p = text; *p != '\0'; p++)
    {
      guint8 byte;

      if (*p != '\\' || p[1] == '\0')
        {
          g_byte_array_append (row, (const guint8 *) p, 1);
          continue;
        }

      p++;
      switch (*p)
        {
        case '\\': byte = '\\'; g_byte_array_append (row, &byte, 1); break;
        case 't': byte = '\t'; g_byte_array_append (row, &byte, 1); break;
        case 'n': byte = '\n'; g_byte_array_append (row, &byte, 1); break;
        case 'r': byte = '\r'; g_byte_array_append (row, &byte, 1); break;
        case 's': byte = ' '; g_byte_array_append (row, &byte, 1); break;
        case 'x':
          byte = (guint8) (hex_value (p[1]) * 16 + hex_value (p[2]));
          g_byte_array_append (row, &byte, 1);
          p += 2;
          break;
        case 'u':
        case 'U':
          {
            guint digits = *p == 'u' ? 4 : 8;
            gunichar c = 0;
            char utf8[8];
            int len;

            for (guint i = 1; i <= digits; i++)
              c = c * 16 + hex_value (p[i]);
            len = g_unichar_to_utf8 (c, utf8);
            /* A surrogate is not a character; encode it anyway, as the
             * file means the bytes. */
            if (c >= 0xD800 && c <= 0xDFFF)
              {
                utf8[0] = (char) (0xE0 | (c >> 12));
                utf8[1] = (char) (0x80 | ((c >> 6) & 0x3F));
                utf8[2] = (char) (0x80 | (c & 0x3F));
                len = 3;
              }
            g_byte_array_append (row, (const guint8 *) utf8, len);
            p += digits;
          }
          break;
        case 'R':
          g_ptr_array_add (rows, g_byte_array_free_to_bytes (row));
          row = g_byte_array_new ();
          break;
        default:
          g_byte_array_append (row, (const guint8 *) p - 1, 2);
          break;
        }
    }

  g_ptr_array_add (rows, g_byte_array_free_to_bytes (row));
  return rows;
}

/* "@gen PART PART …": each part, with *N at its end, repeated N times. */
static char *
expand_gen (const char *spec)
{
  g_auto(GStrv) parts = g_strsplit (spec, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *star = strrchr (parts[i], '*');
      guint64 count = 1;
      gsize len = strlen (parts[i]);

      if (star != NULL && star[1] != '\0'
          && g_ascii_string_to_unsigned (star + 1, 10, 1, G_MAXUINT, &count, NULL))
        len = star - parts[i];

      for (guint64 k = 0; k < count; k++)
        g_string_append_len (out, parts[i], len);
    }

  return g_string_free (out, FALSE);
}

static GPtrArray *
load_cases (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return cases;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *input = NULL;
      Case *c;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", 3);
      if (fields[0] == NULL || fields[1] == NULL)
        continue;

      if (g_str_has_prefix (fields[0], "@gen "))
        input = expand_gen (fields[0] + 5);
      else
        input = g_strdup (fields[0]);

      c = g_new0 (Case, 1);
      c->line = i + 1;
      c->rows = decode (input);
      c->expected = g_strdup (fields[1]);
      c->note = g_strdup (fields[2] != NULL ? fields[2] : "");
      c->x = 0.5;
      c->y = -1.25;

      /* "@x=0" or "@x=-8,y=2" at the start of the note. */
      if (c->note[0] == '@')
        {
          g_autofree char *bindings = g_strndup (c->note + 1, strcspn (c->note + 1, " "));
          g_auto(GStrv) pairs = g_strsplit (bindings, ",", -1);

          for (guint k = 0; pairs[k] != NULL; k++)
            {
              if (g_str_has_prefix (pairs[k], "x="))
                c->x = g_ascii_strtod (pairs[k] + 2, NULL);
              else if (g_str_has_prefix (pairs[k], "y="))
                c->y = g_ascii_strtod (pairs[k] + 2, NULL);
            }
        }

      g_ptr_array_add (cases, c);
    }

  return cases;
}

typedef struct
{
  int     status;
  json_t *json;
} Outcome;

/* Runs tangent-cli with @args, the last row in a file (raw bytes) and the
 * earlier rows as --defs. A run longer than 10 s counts as a hang. */
static Outcome
run_cli (const char  *command,
         GPtrArray   *rows,
         GBytes      *last,
         const char **extra)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *expr_path = NULL;
  g_autofree char *defs_path = NULL;
  g_autofree char *out = NULL;
  Outcome outcome = { -1, NULL };
  int fd, wait_status = 0;

  fd = g_file_open_tmp ("tangent-expr-XXXXXX", &expr_path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (expr_path, g_bytes_get_data (last, NULL),
                                      g_bytes_get_size (last), NULL));
  close (fd);

  g_ptr_array_add (argv, g_strdup ("timeout"));
  g_ptr_array_add (argv, g_strdup ("10"));
  g_ptr_array_add (argv, g_strdup (g_getenv ("TANGENT_CLI")));
  g_ptr_array_add (argv, g_strdup (command));
  g_ptr_array_add (argv, g_strdup ("--json"));
  g_ptr_array_add (argv, g_strdup ("--expr-file"));
  g_ptr_array_add (argv, g_strdup (expr_path));

  if (rows->len > 1)
    {
      g_autoptr(GString) defs = g_string_new (NULL);

      for (guint i = 0; i + 1 < rows->len; i++)
        {
          gsize size;
          const char *data = g_bytes_get_data (g_ptr_array_index (rows, i), &size);

          g_string_append_len (defs, data, size);
          g_string_append_c (defs, '\n');
        }
      fd = g_file_open_tmp ("tangent-defs-XXXXXX", &defs_path, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (defs_path, defs->str, defs->len, NULL));
      close (fd);
      g_ptr_array_add (argv, g_strdup ("--defs"));
      g_ptr_array_add (argv, g_strdup (defs_path));
    }

  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (extra[i]));
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);

  g_unlink (expr_path);
  if (defs_path != NULL)
    g_unlink (defs_path);

  if (WIFEXITED (wait_status))
    outcome.status = WEXITSTATUS (wait_status);
  else
    outcome.status = 128 + WTERMSIG (wait_status);
  outcome.json = json_loads (out != NULL ? out : "", 0, NULL);

  return outcome;
}

static gboolean
value_matches (json_t *value,
               double  want)
{
  double got;

  if (json_is_string (value))
    {
      const char *s = json_string_value (value);

      got = strcmp (s, "nan") == 0 ? NAN
          : strcmp (s, "inf") == 0 ? INFINITY
          : strcmp (s, "-inf") == 0 ? -INFINITY
          : 42.4242;
    }
  else if (json_is_number (value))
    got = json_number_value (value);
  else
    return FALSE;

  if (isnan (want))
    return isnan (got);
  if (isinf (want))
    return got == want;
  if (want == 0)
    return got == 0;
  return fabs (got - want) <= 1e-9 * fabs (want);
}

/* Splits "E, x, n" at top-level commas. */
static GStrv
split_arguments (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int depth = 0;
  const char *start = text;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')')
        depth--;
      else if (*p == ',' && depth == 0)
        {
          g_autofree char *arg = g_strstrip (g_strndup (start, p - start));

          g_strv_builder_add (builder, arg);
          start = p + 1;
        }
    }
  {
    g_autofree char *arg = g_strstrip (g_strdup (start));

    g_strv_builder_add (builder, arg);
  }

  return g_strv_builder_end (builder);
}

/* Returns NULL when the case passes, else what went wrong. */
static char *
run_case (Case     *c,
          gboolean *skipped)
{
  GBytes *last = g_ptr_array_index (c->rows, c->rows->len - 1);
  gsize size;
  const char *data = g_bytes_get_data (last, &size);
  g_autofree char *at = g_strdup_printf ("x=%.17g,y=%.17g", c->x, c->y);
  g_autofree char *last_text = g_strndup (data != NULL ? data : "", size);
  g_autoptr(GBytes) body = NULL;
  const char *eval_args[] = { "--at", at, NULL, NULL, NULL, NULL, NULL };
  g_auto(GStrv) deriv = NULL;
  g_autofree char *about = NULL;
  const char *command = "eval";
  Outcome outcome;
  char *failure = NULL;

  *skipped = FALSE;

  /* taylor(E, x, a, n): the polynomial at the point, by tangent-cli taylor. */
  if (g_str_has_prefix (last_text, "taylor(") && g_str_has_suffix (last_text, ")"))
    {
      g_autofree char *inner = g_strndup (last_text + 7, strlen (last_text) - 8);

      deriv = split_arguments (inner);
      if (g_strv_length (deriv) != 4)
        return g_strdup_printf ("taylor(…) needs four arguments: %s", last_text);
      command = "taylor";
      body = g_bytes_new (deriv[0], strlen (deriv[0]));
      last = body;
      about = g_strdup_printf ("%s=%s", deriv[1], deriv[2]);
      eval_args[2] = "--about";
      eval_args[3] = about;
      eval_args[4] = "--order";
      eval_args[5] = deriv[3];
    }

  /* deriv(E, x, n): the n-th derivative at the point, by tangent-cli diff. */
  if (g_str_has_prefix (last_text, "deriv(") && g_str_has_suffix (last_text, ")"))
    {
      g_autofree char *inner = g_strndup (last_text + 6, strlen (last_text) - 7);

      deriv = split_arguments (inner);
      command = "diff";
      body = g_bytes_new (deriv[0], strlen (deriv[0]));
      last = body;
      eval_args[2] = "--wrt";
      eval_args[3] = deriv[1] != NULL ? deriv[1] : "x";
      eval_args[4] = "--order";
      eval_args[5] = deriv[1] != NULL && deriv[2] != NULL ? deriv[2] : "1";
    }

  if (strcmp (c->expected, "error") == 0)
    {
      outcome = run_cli (deriv != NULL ? command : "check", c->rows, last,
                         deriv != NULL ? eval_args : NULL);
      if (outcome.status != 1)
        failure = g_strdup_printf ("expected an error (exit 1), got exit %d", outcome.status);
      else if (json_object_get (json_object_get (outcome.json, "error"), "message") == NULL)
        failure = g_strdup ("exit 1 without a JSON error object");
      else
        {
          const char *message = json_string_value (json_object_get (json_object_get (outcome.json,
                                                                                     "error"),
                                                                    "message"));

          /* Messages stay short and never carry raw control characters. */
          if (message == NULL || g_utf8_strlen (message, -1) > 240)
            failure = g_strdup_printf ("message too long: %s", message);
          for (const char *p = message; failure == NULL && p != NULL && *p != '\0'; p++)
            {
              if ((guchar) *p < 0x20 || *p == 0x7f)
                failure = g_strdup ("message holds a control character");
            }
        }
    }
  else if (strcmp (c->expected, "ok") == 0)
    {
      outcome = run_cli ("check", c->rows, last, NULL);
      if (outcome.status != 0)
        failure = g_strdup_printf ("expected acceptance, got exit %d", outcome.status);
    }
  else if (g_str_has_prefix (c->expected, "value:"))
    {
      const char *v = c->expected + 6;
      double want = strcmp (v, "nan") == 0 ? NAN
                  : strcmp (v, "inf") == 0 ? INFINITY
                  : strcmp (v, "-inf") == 0 ? -INFINITY
                  : g_ascii_strtod (v, NULL);

      outcome = run_cli (command, c->rows, last, eval_args);
      if (outcome.status != 0)
        {
          json_t *message = json_object_get (json_object_get (outcome.json, "error"), "message");

          failure = g_strdup_printf ("expected %s, got exit %d (%s)", v, outcome.status,
                                     message != NULL ? json_string_value (message) : "");
        }
      else if (!value_matches (json_object_get (outcome.json, "value"), want))
        {
          g_autofree char *got = json_dumps (outcome.json, JSON_COMPACT | JSON_ENCODE_ANY);

          failure = g_strdup_printf ("expected %s, got %s", v, got);
        }
    }
  else
    {
      *skipped = TRUE;
      return NULL;
    }

  json_decref (outcome.json);
  return failure;
}

static void
test_formula_cases (void)
{
  const char *dir = g_getenv ("TANGENT_SHARED_DATA");
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  guint failed = 0, skipped = 0;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/data is not beside the source tree");
      return;
    }

  path = g_build_filename (dir, "formula-cases.txt", NULL);
  cases = load_cases (path);
  g_assert_cmpuint (cases->len, >=, 50);

  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);
      gboolean skip;
      g_autofree char *failure = run_case (c, &skip);

      if (skip)
        skipped++;
      if (failure != NULL)
        {
          g_test_message ("formula-cases.txt:%u: %s", c->line, failure);
          failed++;
        }
    }

  g_test_message ("%u cases, %u failed, %u skipped", cases->len, failed, skipped);
  g_assert_cmpuint (failed, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/formula-cases", test_formula_cases);

  return g_test_run ();
}
