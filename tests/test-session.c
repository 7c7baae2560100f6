/* test-session.c: the .tangent session file, strict reading, repairs,
 * writing and the round trip; safe excerpts for messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hostile files and their expected behaviour come from
 * ../shared/data/hostile-files/README.md. Lines and columns are counted
 * by hand in the literals below, or from the file's bytes by a plain
 * search, never taken from the program's output.
 */

#include "config.h"

#include <errno.h>
#include <float.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "tangent-escape.h"
#include "tangent-json-scan.h"
#include "tangent-session-private.h"
#include "tangent-session.h"

#define HEAD "{\"format\":\"tangent-session\",\"version\":1"

static char *
shared_file (const char *name)
{
  const char *dir = g_getenv ("TANGENT_SHARED_DATA");

  g_assert_nonnull (dir);
  return g_build_filename (dir, "hostile-files", name, NULL);
}

/* 1 + the number of newlines before the first needle. */
static guint
line_of (const char *contents,
         const char *needle)
{
  const char *at = strstr (contents, needle);
  guint line = 1;

  g_assert_nonnull (at);
  for (const char *p = contents; p < at; p++)
    if (*p == '\n')
      line++;
  return line;
}

static TangentSession *
load (const char  *json,
      GError     **error)
{
  return tangent_session_load_data (json, strlen (json), "test.tangent", error);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

/* Loads json, which must fail with code; the message must name the file
 * and contain each of the NULL-terminated fragments. */
static void
assert_refused (const char          *json,
                TangentSessionError  code,
                ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentSession) s = load (json, &error);
  const char *fragment;
  va_list args;

  if (s != NULL)
    g_error ("accepted: %s", json);
  g_assert_error (error, TANGENT_SESSION_ERROR, (int) code);
  g_assert_true (g_str_has_prefix (error->message, "test.tangent: "));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  va_start (args, code);
  while ((fragment = va_arg (args, const char *)) != NULL)
    assert_contains (error->message, fragment);
  va_end (args);
}

static gboolean
warnings_contain (const TangentSession *s,
                  const char           *a,
                  const char           *b)
{
  for (guint i = 0; i < s->warnings->len; i++)
    {
      const char *w = g_ptr_array_index (s->warnings, i);

      if (strstr (w, a) != NULL && (b == NULL || strstr (w, b) != NULL))
        return TRUE;
    }
  return FALSE;
}

static void
assert_warning (const TangentSession *s,
                const char           *a,
                const char           *b)
{
  if (!warnings_contain (s, a, b))
    {
      for (guint i = 0; i < s->warnings->len; i++)
        g_printerr ("warning: %s\n", (char *) g_ptr_array_index (s->warnings, i));
      g_error ("no warning with “%s” and “%s”", a, b != NULL ? b : "");
    }
}

static TangentSession *
load_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  TangentSession *s = load (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

/* The hostile files: README.md, "Session files" */

static void
test_hostile_valid_minimal (void)
{
  g_autofree char *path = shared_file ("session-valid-minimal.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentSession) s = tangent_session_load_file (path, &error);
  g_autoptr(TangentSession) again = NULL;
  g_autofree char *data = NULL;
  const TangentSessionParameter *a;
  const TangentSessionFormula *f;
  gsize length;

  g_assert_no_error (error);
  g_assert_cmpuint (s->warnings->len, ==, 0);

  g_assert_cmpuint (s->parameters->len, ==, 1);
  a = g_ptr_array_index (s->parameters, 0);
  g_assert_cmpstr (a->name, ==, "a");
  g_assert_cmpfloat (a->value, ==, 1.5);
  g_assert_cmpfloat (a->min, ==, -5);
  g_assert_cmpfloat (a->max, ==, 5);
  g_assert_cmpfloat (a->step, ==, 0.1);

  g_assert_cmpuint (s->formulas->len, ==, 2);
  f = g_ptr_array_index (s->formulas, 0);
  g_assert_cmpstr (f->text, ==, "f(x)=a*sin(x)");
  g_assert_cmpstr (f->color, ==, "#1f77b4");
  g_assert_true (f->visible);
  g_assert_cmpfloat (f->width, ==, 0);
  g_assert_null (f->label);
  f = g_ptr_array_index (s->formulas, 1);
  g_assert_cmpstr (f->text, ==, "x^2+y^2=4");
  g_assert_cmpstr (f->color, ==, "#d62728");

  g_assert_cmpfloat (s->view->xmin, ==, -10);
  g_assert_cmpfloat (s->view->xmax, ==, 10);
  g_assert_cmpfloat (s->view->ymin, ==, -6.5);
  g_assert_cmpfloat (s->view->ymax, ==, 6.5);
  g_assert_cmpuint (s->views->len, ==, 0);

  /* Saving it again and reloading gives the same session. */
  data = tangent_session_to_data (s, &length);
  g_assert_cmpuint (length, ==, strlen (data));
  again = tangent_session_load_data (data, length, "again", &error);
  g_assert_no_error (error);
  g_assert_true (tangent_session_equal (s, again));
  g_assert_cmpstr (((TangentSessionParameter *) g_ptr_array_index (again->parameters, 0))->name,
                   ==, "a");
  g_assert_cmpfloat (((TangentSessionParameter *) g_ptr_array_index (again->parameters, 0))->value,
                     ==, 1.5);
}

static void
test_hostile_truncated (void)
{
  g_autofree char *path = shared_file ("session-truncated.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentSession) s = tangent_session_load_file (path, &error);

  g_assert_null (s);
  g_assert_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_SYNTAX);
  assert_contains (error->message, "session-truncated.json");
  assert_contains (error->message, "file ends inside a string");
  /* The README: line 9, column 25 (the end is met after 24 characters). */
  assert_contains (error->message, "line 9, column 25");
}

static void
test_hostile_deep_nesting (void)
{
  g_autofree char *path = shared_file ("session-deep-nesting.json");
  g_autofree char *contents = NULL;
  g_autofree char *where = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentSession) s = NULL;
  const char *first;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  /* The object is level 1 and the first '[' level 2, so the 64th '['
   * is the first beyond 64 levels. */
  first = strchr (contents, '[');
  where = g_strdup_printf ("at line 1, column %u", (guint) (first - contents) + 64);

  s = tangent_session_load_file (path, &error);
  g_assert_null (s);
  g_assert_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_SYNTAX);
  assert_contains (error->message, "session-deep-nesting.json");
  assert_contains (error->message, "nesting deeper than 64 levels");
  assert_contains (error->message, where);
}

static void
test_hostile_duplicate_keys (void)
{
  g_autofree char *path = shared_file ("session-duplicate-keys.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentSession) s = tangent_session_load_file (path, &error);

  g_assert_null (s);
  g_assert_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_SYNTAX);
  assert_contains (error->message, "session-duplicate-keys.json");
  assert_contains (error->message, "“formulas” appears twice (lines 5 and 6)");
  /* view (lines 4 and 7) and xmin (twice on line 7) are counted. */
  assert_contains (error->message, "2 more duplicate keys");
}

static void
test_hostile_nan_literal (void)
{
  g_autofree char *path = shared_file ("session-nan-literal.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentSession) s = tangent_session_load_file (path, &error);

  g_assert_null (s);
  g_assert_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_SYNTAX);
  assert_contains (error->message, "session-nan-literal.json");
  assert_contains (error->message, "NaN is not a JSON number at line 4, column 23");
}

static gboolean
has_raw_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
          || (c >= 0x2066 && c <= 0x2069))
        return TRUE;
    }
  return FALSE;
}

static void
test_hostile_formulas (void)
{
  g_autofree char *path = shared_file ("session-hostile-formulas.json");
  g_autofree char *contents = NULL;
  g_autofree char *where = NULL;
  g_autofree char *parens = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentSession) s = NULL;
  const TangentSessionFormula *f;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  s = tangent_session_load_file (path, &error);
  g_assert_no_error (error);

  /* Every row is kept, verbatim: the document reports their errors. */
  g_assert_cmpuint (s->formulas->len, ==, 11);
  g_assert_cmpstr (((TangentSessionFormula *) g_ptr_array_index (s->formulas, 0))->text, ==,
                   "f(x)=f(x)");
  g_assert_cmpstr (((TangentSessionFormula *) g_ptr_array_index (s->formulas, 4))->text, ==,
                   "<span size=\"99999999\">x</span>");
  g_assert_cmpstr (((TangentSessionFormula *) g_ptr_array_index (s->formulas, 5))->text, ==,
                   "x\033[2J\033]0;pwned\007");
  g_assert_cmpstr (((TangentSessionFormula *) g_ptr_array_index (s->formulas, 6))->text, ==,
                   "\u202ex+1");
  g_assert_cmpstr (((TangentSessionFormula *) g_ptr_array_index (s->formulas, 7))->text, ==,
                   "%s%s%s%n");
  f = g_ptr_array_index (s->formulas, 8);
  g_assert_cmpuint (strlen (f->text), >=, 5000);
  parens = g_strnfill (5000, '(');
  g_assert_true (g_str_has_prefix (f->text, parens));

  /* a*x^2: the default colour, and a notice with its place. */
  f = g_ptr_array_index (s->formulas, 9);
  g_assert_cmpstr (f->text, ==, "a*x^2");
  g_assert_null (f->color);
  g_assert_true (f->visible);
  where = g_strdup_printf ("formulas[9].color (line %u)", line_of (contents, "not-a-colour"));
  assert_warning (s, where, "not-a-colour");

  /* "%s%n" as a colour is not one either. */
  g_assert_null (((TangentSessionFormula *) g_ptr_array_index (s->formulas, 7))->color);
  assert_warning (s, "formulas[7].color", "%s%n");

  /* x^2 plots with its colour; the slider is intact. */
  f = g_ptr_array_index (s->formulas, 10);
  g_assert_cmpstr (f->text, ==, "x^2");
  g_assert_cmpstr (f->color, ==, "#1f77b4");
  g_assert_cmpuint (s->parameters->len, ==, 1);
  g_assert_cmpfloat (((TangentSessionParameter *) g_ptr_array_index (s->parameters, 0))->value,
                     ==, 1);
  g_assert_cmpuint (s->warnings->len, ==, 2);

  for (guint i = 0; i < s->warnings->len; i++)
    g_assert_false (has_raw_control (g_ptr_array_index (s->warnings, i)));
}

/* Strict JSON: each kind of error, with its place */

static void
test_syntax_errors (void)
{
  assert_refused ("", TANGENT_SESSION_ERROR_SYNTAX, "the file is empty", NULL);
  assert_refused (" \n\t\r\n ", TANGENT_SESSION_ERROR_SYNTAX, "the file is empty", NULL);
  assert_refused ("\xef\xbb\xbf", TANGENT_SESSION_ERROR_SYNTAX, "the file is empty", NULL);

  /* Invalid UTF-8: the position counts characters, é is one. */
  assert_refused ("{\"t\":\"\xc3\xa9\xff\"}", TANGENT_SESSION_ERROR_SYNTAX,
                  "invalid UTF-8 (byte 0xFF) at line 1, column 8", NULL);
  /* An overlong encoding of '/' and a UTF-16 surrogate in UTF-8. */
  assert_refused ("{\"t\":\"\xc0\xaf\"}", TANGENT_SESSION_ERROR_SYNTAX,
                  "invalid UTF-8 (byte 0xC0) at line 1, column 7", NULL);
  assert_refused ("{\"t\":\"\xed\xa0\x80\"}", TANGENT_SESSION_ERROR_SYNTAX,
                  "invalid UTF-8 (byte 0xED)", NULL);
  /* A character cut at the end of the file. */
  assert_refused ("{\"t\":\"\xe2\x82", TANGENT_SESSION_ERROR_SYNTAX, "invalid UTF-8", NULL);

  /* Columns are characters: π € 😀 are one each (the x is the 12th). */
  assert_refused ("{\"t\":\"π€😀\",x}", TANGENT_SESSION_ERROR_SYNTAX,
                  "expected a key in double quotes, found “x” at line 1, column 12", NULL);

  assert_refused (HEAD ",\"formulas\":[{\"text\":\"a\\u0000b\"}]}", TANGENT_SESSION_ERROR_SYNTAX,
                  "\\u0000", "line 1, column 63", NULL);
  assert_refused ("{\"t\":\"a\tb\"}", TANGENT_SESSION_ERROR_SYNTAX,
                  "raw control character (U+0009)", "line 1, column 8", NULL);
  assert_refused ("{\"t\":\"ab\n\"}", TANGENT_SESSION_ERROR_SYNTAX,
                  "line break inside a string", "line 1, column 9", NULL);
  assert_refused ("{\"t\":\"a\\qb\"}", TANGENT_SESSION_ERROR_SYNTAX, "“\\q”", NULL);
  assert_refused ("{\"t\":\"\\u12G4\"}", TANGENT_SESSION_ERROR_SYNTAX, "four hexadecimal", NULL);
  assert_refused ("{\"t\":\"\\ud800x\"}", TANGENT_SESSION_ERROR_SYNTAX, "lone surrogate", NULL);
  assert_refused ("{\"t\":\"\\udc00\"}", TANGENT_SESSION_ERROR_SYNTAX, "lone surrogate", NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TangentSession) s = tangent_session_load_data ("{\"a\":1\0}", 8, "nul", &error);

    g_assert_null (s);
    g_assert_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_SYNTAX);
    assert_contains (error->message, "a NUL byte at line 1, column 7");
  }

  /* Trailing data after the value. */
  assert_refused (HEAD "} x", TANGENT_SESSION_ERROR_SYNTAX,
                  "more data after the end of the JSON value at line 1, column 42", NULL);
  assert_refused (HEAD "}\n{}", TANGENT_SESSION_ERROR_SYNTAX, "line 2, column 1", NULL);

  /* Numbers: overflow, and the words strtod would take. */
  assert_refused (HEAD ",\"view\":{\"xmax\":1e999}}", TANGENT_SESSION_ERROR_SYNTAX,
                  "1e999 is too large", "line 1, column 60", NULL);
  assert_refused (HEAD ",\"view\":{\"xmin\":-1E+400}}", TANGENT_SESSION_ERROR_SYNTAX,
                  "-1E+400 is too large", NULL);
  assert_refused ("[Infinity]", TANGENT_SESSION_ERROR_SYNTAX,
                  "Infinity is not a JSON number at line 1, column 9", NULL);
  assert_refused ("[-Infinity]", TANGENT_SESSION_ERROR_SYNTAX, "-Infinity is not a JSON number",
                  NULL);
  assert_refused ("[nan]", TANGENT_SESSION_ERROR_SYNTAX, "nan is not a JSON number", NULL);
  assert_refused ("[01]", TANGENT_SESSION_ERROR_SYNTAX, "“01” is not a valid JSON number", NULL);
  assert_refused ("[0x10]", TANGENT_SESSION_ERROR_SYNTAX, "“0x10” is not a valid JSON number",
                  NULL);
  assert_refused ("[1.2.3]", TANGENT_SESSION_ERROR_SYNTAX, "“1.2.3”", NULL);
  assert_refused ("[.5]", TANGENT_SESSION_ERROR_SYNTAX, "“.5”", NULL);
  assert_refused ("[1.]", TANGENT_SESSION_ERROR_SYNTAX, "“1.”", NULL);
  assert_refused ("[1e]", TANGENT_SESSION_ERROR_SYNTAX, "“1e”", NULL);
  assert_refused ("[+1]", TANGENT_SESSION_ERROR_SYNTAX, "“+1”", NULL);
  assert_refused ("[True]", TANGENT_SESSION_ERROR_SYNTAX, "“True” is not a JSON value", NULL);

  /* What people write by hand. */
  assert_refused ("{'format':1}", TANGENT_SESSION_ERROR_SYNTAX, "not single quotes", NULL);
  assert_refused ("{// note\n}", TANGENT_SESSION_ERROR_SYNTAX, "comments", NULL);
  assert_refused ("{\"a\":[1,2,],\n\"b\":1}", TANGENT_SESSION_ERROR_SYNTAX,
                  "trailing comma", "line 1, column 10", NULL);
  assert_refused ("{\"a\":1,\n}", TANGENT_SESSION_ERROR_SYNTAX, "trailing comma",
                  "line 1, column 7", NULL);
  assert_refused ("{\"a\":“x”}", TANGENT_SESSION_ERROR_SYNTAX, "typographic quotes", NULL);
  assert_refused ("{\"a\" 1}", TANGENT_SESSION_ERROR_SYNTAX, "expected “:”", NULL);
  assert_refused ("{\"a\":1 \"b\":2}", TANGENT_SESSION_ERROR_SYNTAX, "expected “,” or “}”", NULL);
  assert_refused ("[1}", TANGENT_SESSION_ERROR_SYNTAX,
                  "“}” at line 1, column 3 does not close the “[” at line 1, column 1", NULL);
  assert_refused ("{\"a\":}", TANGENT_SESSION_ERROR_SYNTAX, "expected a value", NULL);

  /* Truncated elsewhere than in a string. */
  assert_refused ("{\n  \"format\": [1, 2", TANGENT_SESSION_ERROR_SYNTAX,
                  "file ends at line 2, column 18, before the “[” at line 2, column 13 is closed",
                  NULL);
  assert_refused ("{\"a\":tru", TANGENT_SESSION_ERROR_SYNTAX, "“tru”", NULL);
  assert_refused ("{\"a\":\"x\\", TANGENT_SESSION_ERROR_SYNTAX, "file ends inside a string", NULL);
}

static void
test_line_ends (void)
{
  /* CRLF counts one line per pair; a lone CR is a line end too. */
  assert_refused ("{\r\n\"a\":1,\r\n\"b\":NaN}", TANGENT_SESSION_ERROR_SYNTAX,
                  "at line 3, column 7", NULL);
  assert_refused ("{\r\"a\":1,\r\"b\":NaN}", TANGENT_SESSION_ERROR_SYNTAX,
                  "at line 3, column 7", NULL);

  /* A byte-order mark is skipped, and is not a column. */
  assert_refused ("\xef\xbb\xbf{\"a\":NaN}", TANGENT_SESSION_ERROR_SYNTAX,
                  "at line 1, column 8", NULL);
  {
    g_autoptr(TangentSession) s = load_ok ("\xef\xbb\xbf" HEAD "}");

    g_assert_cmpuint (s->formulas->len, ==, 0);
  }
}

static void
test_duplicates (void)
{
  /* The same key spelt with an escape is the same key; the message
   * quotes it decoded. */
  assert_refused (HEAD ",\n\"view\":{},\n\"\\u0076iew\":{}}", TANGENT_SESSION_ERROR_SYNTAX,
                  "“view” appears twice (lines 2 and 3)", NULL);
  assert_refused ("{\"a\":{\"x\":1,\"x\":2}}", TANGENT_SESSION_ERROR_SYNTAX,
                  "“x” appears twice in one object (line 1)", NULL);
  /* Equal keys in different objects are fine. */
  {
    g_autoptr(TangentSession) s = load_ok (HEAD ",\"a\":{\"x\":1},\"b\":{\"x\":1},"
                                           "\"c\":[{\"x\":1},{\"x\":2}]}");

    g_assert_nonnull (s);
  }
  /* A key holding escapes shows them escaped. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TangentSession) s = load ("{\"\\u001b[2J\\u202e\":1,\"\\u001b[2J\\u202e\":2}",
                                        &error);

    g_assert_null (s);
    assert_contains (error->message, "“\\x1b[2J\\u202e” appears twice");
    g_assert_false (has_raw_control (error->message));
  }
}

static void
test_nesting (void)
{
  const char *prefix = HEAD ",\"x\":";
  g_autoptr(GString) ok = g_string_new (prefix);
  g_autoptr(GString) deep = g_string_new (prefix);
  g_autoptr(GString) huge = g_string_new (prefix);
  g_autofree char *where = NULL;

  /* The object is level 1: 63 lists reach 64 and are fine. */
  for (guint i = 0; i < 63; i++)
    g_string_append_c (ok, '[');
  for (guint i = 0; i < 63; i++)
    g_string_append_c (ok, ']');
  g_string_append_c (ok, '}');
  {
    g_autoptr(TangentSession) s = load_ok (ok->str);

    g_assert_nonnull (s);
  }

  for (guint i = 0; i < 64; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 64; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  where = g_strdup_printf ("nesting deeper than 64 levels at line 1, column %u",
                           (guint) strlen (prefix) + 64);
  assert_refused (deep->str, TANGENT_SESSION_ERROR_SYNTAX, where, NULL);

  /* 99 000 objects, closed: no recursion, no crash. */
  for (guint i = 0; i < 99000; i++)
    g_string_append (huge, "{\"a\":");
  g_string_append_c (huge, '1');
  for (guint i = 0; i < 99000; i++)
    g_string_append_c (huge, '}');
  g_string_append_c (huge, '}');
  assert_refused (huge->str, TANGENT_SESSION_ERROR_SYNTAX, "nesting deeper than 64 levels", NULL);
}

static void
test_surrogate_pair (void)
{
  g_autoptr(TangentSession) s =
    load_ok (HEAD ",\"formulas\":[{\"text\":\"\\ud83d\\ude00 \\u03c0\\n\"}]}");

  g_assert_cmpstr (((TangentSessionFormula *) g_ptr_array_index (s->formulas, 0))->text, ==,
                   "😀 π\n");
}

/* Not a session, or a newer one */

static void
test_format_and_version (void)
{
  assert_refused ("[1]", TANGENT_SESSION_ERROR_FORMAT, "not a Tangent session", "a list", NULL);
  assert_refused ("\"tangent-session\"", TANGENT_SESSION_ERROR_FORMAT, "not a Tangent session",
                  NULL);
  assert_refused ("{\"version\":1}", TANGENT_SESSION_ERROR_FORMAT, "“format” is missing", NULL);
  assert_refused ("{\"format\":\"vega-lite\",\"version\":1}", TANGENT_SESSION_ERROR_FORMAT,
                  "format (line 1)", "“vega-lite”", NULL);
  assert_refused ("{\"format\":7}", TANGENT_SESSION_ERROR_FORMAT, "format (line 1)",
                  "expected a string, found a number", NULL);
  assert_refused ("{\"format\":\"tangent-session\"}", TANGENT_SESSION_ERROR_FORMAT,
                  "“version” is missing", NULL);
  assert_refused ("{\"format\":\"tangent-session\",\n\"version\":\"1\"}",
                  TANGENT_SESSION_ERROR_FORMAT, "version (line 2)", "found a string (“1”)", NULL);
  assert_refused ("{\"format\":\"tangent-session\",\"version\":1.5}", TANGENT_SESSION_ERROR_FORMAT,
                  "version", "1.5", NULL);
  assert_refused ("{\"format\":\"tangent-session\",\"version\":0}", TANGENT_SESSION_ERROR_FORMAT,
                  "version", NULL);

  /* Newer: refused for its version, whatever else it holds. */
  assert_refused ("{\"format\":\"tangent-session\",\"version\":2,\"view\":\"a new kind\"}",
                  TANGENT_SESSION_ERROR_VERSION, "newer Tangent", "version 2", NULL);
  assert_refused ("{\"format\":\"tangent-session\",\"version\":123456789012345678901234567890}",
                  TANGENT_SESSION_ERROR_VERSION, "newer Tangent", NULL);
}

/* Types: every node checked, the message names the path and its line */

static void
test_type_errors (void)
{
  assert_refused (HEAD ",\n\"view\": {\n  \"xmin\": \"-10\"\n}}", TANGENT_SESSION_ERROR_FORMAT,
                  "view.xmin (line 3): expected a number, found a string (“-10”)", NULL);
  assert_refused (HEAD ",\n\"view\": {\"xmin\": null}}", TANGENT_SESSION_ERROR_FORMAT,
                  "view.xmin (line 2): expected a number, found null", NULL);
  assert_refused (HEAD ",\n\"formulas\": {}}", TANGENT_SESSION_ERROR_FORMAT,
                  "formulas (line 2): expected a list, found an object", NULL);
  assert_refused (HEAD ",\"formulas\": [\n{\"text\":\"x\"},\n"
                  "{\"text\":\"y\", \"visible\":\"yes\"}]}",
                  TANGENT_SESSION_ERROR_FORMAT,
                  "formulas[1].visible (line 3): expected true or false, found a string (“yes”)",
                  NULL);
  assert_refused (HEAD ",\"formulas\": [\n\"x^2\"]}", TANGENT_SESSION_ERROR_FORMAT,
                  "formulas[0] (line 2): expected an object, found a string", NULL);
  assert_refused (HEAD ",\"formulas\": [\n{\"color\":\"#fff\"}]}", TANGENT_SESSION_ERROR_FORMAT,
                  "formulas[0] (line 2): “text” is missing", NULL);
  assert_refused (HEAD ",\"formulas\": [{\"text\":\"x\",\"color\":3}]}",
                  TANGENT_SESSION_ERROR_FORMAT, "formulas[0].color", "a string or null", NULL);
  assert_refused (HEAD ",\"parameters\": [\n{\"value\":1}]}", TANGENT_SESSION_ERROR_FORMAT,
                  "parameters[0] (line 2): “name” is missing", NULL);
  assert_refused (HEAD ",\"parameters\": [{\"name\":\"\"}]}", TANGENT_SESSION_ERROR_FORMAT,
                  "parameters[0].name", "empty", NULL);
  assert_refused (HEAD ",\"parameters\": [{\"name\":\"a\",\n\"step\":true}]}",
                  TANGENT_SESSION_ERROR_FORMAT, "parameters[0].step (line 2)", NULL);
  assert_refused (HEAD ",\"view\":{\"width\":640.5}}", TANGENT_SESSION_ERROR_FORMAT,
                  "view.width", "whole number", "640.5", NULL);
  assert_refused (HEAD ",\"view\":{\"contour\":[]}}", TANGENT_SESSION_ERROR_FORMAT,
                  "view.contour", "an object or null", NULL);
  assert_refused (HEAD ",\"view\":{\"contour\":{\"grid\":50}}}", TANGENT_SESSION_ERROR_FORMAT,
                  "view.contour", "“formula” is missing", NULL);
  assert_refused (HEAD ",\"view\":{\"contour\":{\"formula\":\"f\",\"levels\":[1,\"2\"]}}}",
                  TANGENT_SESSION_ERROR_FORMAT, "view.contour.levels[1]", NULL);
  assert_refused (HEAD ",\"view\":{\"taylor\":[{\"formula\":\"sin(x)\",\"orders\":[1,3.5]}]}}",
                  TANGENT_SESSION_ERROR_FORMAT, "view.taylor[0].orders[1]", "whole number", NULL);
  assert_refused (HEAD ",\"view\":{\"markers\":[{\"x\":1}]}}", TANGENT_SESSION_ERROR_FORMAT,
                  "view.markers[0]", "“y” is missing", NULL);
  assert_refused (HEAD ",\"view\":{\"lines\":[{\"formula\":\"f\"}]}}", TANGENT_SESSION_ERROR_FORMAT,
                  "view.lines[0]", "“x1” is missing", NULL);
  assert_refused (HEAD ",\"view\":{\"style\":null}}", TANGENT_SESSION_ERROR_FORMAT, "view.style",
                  NULL);
  assert_refused (HEAD ",\n\"views\":[\n{\"name\":\"zoom\",\n"
                  "\"paths\":[{\"points\":[[0,0],\n[1]]}]}]}",
                  TANGENT_SESSION_ERROR_FORMAT,
                  "views[0].paths[0].points[1] (line 5): expected a point [x, y]", NULL);
  assert_refused (HEAD ",\"views\":[{\"name\":\"z\",\"paths\":[{\"points\":[[0,\"0\"]]}]}]}",
                  TANGENT_SESSION_ERROR_FORMAT, "views[0].paths[0].points[0]", NULL);
  assert_refused (HEAD ",\"views\":[{\"xmin\":1}]}", TANGENT_SESSION_ERROR_FORMAT,
                  "views[0]", "“name” is missing", NULL);
  assert_refused (HEAD ",\"views\":[{\"name\":\"\"}]}", TANGENT_SESSION_ERROR_FORMAT,
                  "views[0].name", "empty", NULL);
}

static void
test_ranges (void)
{
  /* No repair for an empty range, a too narrow or a too wide one. */
  assert_refused (HEAD ",\n\"view\":{\"xmin\":2,\n\"xmax\":2}}", TANGENT_SESSION_ERROR_FORMAT,
                  "view.xmax (line 3)", "range is empty", NULL);
  assert_refused (HEAD ",\"view\":{\"ymin\":1e10,\"ymax\":10000000000.00001}}",
                  TANGENT_SESSION_ERROR_FORMAT, "view.ymax", "too narrow", NULL);
  assert_refused (HEAD ",\"view\":{\"xmin\":-1e308,\"xmax\":1e308}}", TANGENT_SESSION_ERROR_FORMAT,
                  "view.xmax", "too wide", NULL);
  /* A given bound against the other's default: 20 … 10 is swapped, and
   * the place named is the key the file has. */
  {
    g_autoptr(TangentSession) s = load_ok (HEAD ",\"view\":{\n\"xmin\":20}}");

    g_assert_cmpfloat (s->view->xmin, ==, 10);
    g_assert_cmpfloat (s->view->xmax, ==, 20);
    assert_warning (s, "view.xmin (line 2)", "default xmax 10");
  }
  {
    g_autoptr(TangentSession) s = load_ok (HEAD ",\"view\":{\n\"ymax\":-7}}");

    g_assert_cmpfloat (s->view->ymin, ==, -7);
    g_assert_cmpfloat (s->view->ymax, ==, -6.5);
    assert_warning (s, "view.ymax (line 2)", "default ymin -6.5");
    g_assert_cmpuint (s->warnings->len, ==, 1);
  }
  assert_refused (HEAD ",\"view\":{\n\"ymax\":-6.5}}", TANGENT_SESSION_ERROR_FORMAT,
                  "view.ymax (line 2)", "empty", NULL);
  assert_refused (HEAD ",\"view\":{\n\"ymin\":6.5}}", TANGENT_SESSION_ERROR_FORMAT,
                  "view.ymin (line 2)", "empty", NULL);
  {
    g_autoptr(TangentSession) s =
      load_ok (HEAD ",\"views\":[{\"name\":\"a\",\"ymin\":3,\"ymax\":-3}]}");
    const TangentSessionView *v = tangent_session_find_view (s, "a");

    g_assert_cmpfloat (v->ymin, ==, -3);
    g_assert_cmpfloat (v->ymax, ==, 3);
    assert_warning (s, "views[0].ymin", "swapped");
  }
}

static void
test_parameter_repairs (void)
{
  g_autoptr(TangentSession) s = load_ok (
    HEAD ",\"parameters\":[\n"
    "{\"name\":\"a\",\"value\":7,\"min\":-1,\"max\":2,\"step\":0.5},\n"
    "{\"name\":\"b\",\"value\":1,\"min\":5,\"max\":-5,\"step\":0},\n"
    "{\"name\":\"c\",\"value\":25},\n"
    "{\"name\":\"a\",\"value\":0},\n"
    "{\"name\":\"d\",\"min\":2,\"max\":4},\n"
    "{\"name\":\"e\",\"max\":-20},\n"
    "{\"name\":\"f\",\"min\":30,\"value\":31}\n"
    "]}");
  const TangentSessionParameter *p;

  /* Outside its range: clamped. */
  p = g_ptr_array_index (s->parameters, 0);
  g_assert_cmpstr (p->name, ==, "a");
  g_assert_cmpfloat (p->value, ==, 2);
  g_assert_cmpfloat (p->step, ==, 0.5);
  assert_warning (s, "parameters[0].value (line 2)", "outside");

  /* min > max: swapped; step 0: the default. */
  p = g_ptr_array_index (s->parameters, 1);
  g_assert_cmpfloat (p->min, ==, -5);
  g_assert_cmpfloat (p->max, ==, 5);
  g_assert_cmpfloat (p->value, ==, 1);
  g_assert_cmpfloat (p->step, ==, 0.1);
  assert_warning (s, "parameters[1].min (line 3)", "swapped");
  assert_warning (s, "parameters[1].step (line 3)", "not positive");

  /* No range given: -10 … 10, reaching to the value. */
  p = g_ptr_array_index (s->parameters, 2);
  g_assert_cmpfloat (p->min, ==, -10);
  g_assert_cmpfloat (p->max, ==, 25);
  g_assert_cmpfloat (p->value, ==, 25);
  g_assert_cmpfloat (p->step, ==, 0.1);

  /* A second "a" is dropped; no value: the bound nearest 0. */
  assert_warning (s, "parameters[3] (line 5)", "“a”");
  p = g_ptr_array_index (s->parameters, 3);
  g_assert_cmpstr (p->name, ==, "d");
  g_assert_cmpfloat (p->value, ==, 2);

  /* One bound given beyond the other's default: the default moves. */
  p = g_ptr_array_index (s->parameters, 4);
  g_assert_cmpfloat (p->min, ==, -20);
  g_assert_cmpfloat (p->max, ==, -20);
  g_assert_cmpfloat (p->value, ==, -20);
  p = g_ptr_array_index (s->parameters, 5);
  g_assert_cmpfloat (p->min, ==, 30);
  g_assert_cmpfloat (p->max, ==, 31);
  g_assert_cmpfloat (p->value, ==, 31);

  g_assert_cmpuint (s->parameters->len, ==, 6);
  g_assert_cmpuint (s->warnings->len, ==, 4);
}

static void
test_view_repairs (void)
{
  g_autoptr(TangentSession) s = load_ok (
    HEAD ",\"formulas\":[{\"text\":\"x\",\"color\":\"#ABC\",\"width\":-2},"
    "{\"text\":\"y\",\"color\":\"#12345\",\"width\":1e6},{\"text\":\"z\",\"color\":null}],\n"
    "\"view\":{\"width\":5,\"height\":100000,\"dpi\":0,\"style\":\"neon\",\n"
    "\"contour\":{\"formula\":\"f\",\"grid\":100000,\"n_levels\":0,\"levels\":[3,1,2,1],"
    "\"colormap\":\"jet\"},\n"
    "\"arrows\":{\"formula\":\"f\",\"grid\":1},\n"
    "\"taylor\":[{\"formula\":\"sin(x)\",\"orders\":[9,200,3,3,-1]},"
    "{\"formula\":\"cos(x)\",\"orders\":[]}],\n"
    "\"paths\":[{\"points\":[]}],\n"
    "\"lines\":[{\"formula\":\"f\",\"x1\":1,\"x2\":1,\"secant\":true}]},\n"
    "\"views\":[{\"name\":\"z\"},{\"name\":\"z\",\"xmin\":1,\"xmax\":2}]}");
  const TangentSessionFormula *f;
  const TangentSessionTaylor *t;
  const TangentSessionView *v = s->view;

  f = g_ptr_array_index (s->formulas, 0);
  g_assert_cmpstr (f->color, ==, "#aabbcc");
  g_assert_cmpfloat (f->width, ==, 0);
  assert_warning (s, "formulas[0].width (line 1)", "-2");
  f = g_ptr_array_index (s->formulas, 1);
  g_assert_null (f->color);
  g_assert_cmpfloat (f->width, ==, 100);
  assert_warning (s, "formulas[1].color (line 1)", "#12345");
  g_assert_null (((TangentSessionFormula *) g_ptr_array_index (s->formulas, 2))->color);
  g_assert_false (warnings_contain (s, "formulas[2]", NULL));

  g_assert_cmpuint (v->width, ==, 16);
  g_assert_cmpuint (v->height, ==, 16384);
  g_assert_cmpfloat (v->dpi, ==, 10);
  g_assert_cmpstr (v->style, ==, "print");
  assert_warning (s, "view.width (line 2)", NULL);
  assert_warning (s, "view.height (line 2)", NULL);
  assert_warning (s, "view.dpi (line 2)", NULL);
  assert_warning (s, "view.style (line 2)", "“neon”");

  g_assert_cmpuint (v->contour->grid, ==, 4000);
  g_assert_cmpuint (v->contour->n_levels, ==, 1);
  g_assert_cmpuint (v->contour->n_given, ==, 3);
  g_assert_cmpfloat (v->contour->levels[0], ==, 1);
  g_assert_cmpfloat (v->contour->levels[1], ==, 2);
  g_assert_cmpfloat (v->contour->levels[2], ==, 3);
  g_assert_cmpstr (v->contour->colormap, ==, "viridis");
  assert_warning (s, "view.contour.grid (line 3)", NULL);
  assert_warning (s, "view.contour.levels (line 3)", "sorted");
  assert_warning (s, "view.contour.colormap (line 3)", "“jet”");
  g_assert_cmpuint (v->arrows->grid, ==, 2);
  assert_warning (s, "view.arrows.grid (line 4)", NULL);

  t = g_ptr_array_index (v->taylor, 0);
  g_assert_cmpuint (t->n_orders, ==, 2);
  g_assert_cmpuint (t->orders[0], ==, 3);
  g_assert_cmpuint (t->orders[1], ==, 9);
  assert_warning (s, "view.taylor[0].orders[1] (line 5)", "200");
  assert_warning (s, "view.taylor[0].orders[4] (line 5)", "-1");
  assert_warning (s, "view.taylor[0].orders (line 5)", "sorted");
  t = g_ptr_array_index (v->taylor, 1);
  g_assert_cmpuint (t->n_orders, ==, 3);
  g_assert_cmpuint (t->orders[0], ==, 1);
  g_assert_cmpuint (t->orders[2], ==, 3);
  assert_warning (s, "view.taylor[1].orders", "no orders");

  g_assert_cmpuint (v->paths->len, ==, 0);
  assert_warning (s, "view.paths[0].points (line 6)", "no points");
  g_assert_false (((TangentSessionLine *) g_ptr_array_index (v->lines, 0))->secant);
  assert_warning (s, "view.lines[0].x2 (line 7)", "secant");

  g_assert_cmpuint (s->views->len, ==, 1);
  g_assert_cmpfloat (((TangentSessionView *) g_ptr_array_index (s->views, 0))->xmin, ==, -10);
  assert_warning (s, "views[1] (line 8)", "“z”");
}

static void
test_warning_limit (void)
{
  g_autoptr(GString) json = g_string_new (HEAD ",\"formulas\":[");
  g_autoptr(TangentSession) s = NULL;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (json, "%s{\"text\":\"x\",\"color\":\"red\"}\n", i > 0 ? "," : "");
  g_string_append (json, "]}");

  s = load_ok (json->str);
  g_assert_cmpuint (s->formulas->len, ==, 60);
  g_assert_cmpuint (s->warnings->len, ==, 51);
  assert_warning (s, "formulas[49].color (line 50)", NULL);
  assert_contains (g_ptr_array_index (s->warnings, 50), "10 more");
}

static void
test_unknown_keys (void)
{
  const char *plain = HEAD ",\"formulas\":[{\"text\":\"x^2\"}],\"view\":{\"xmin\":-1}}";
  const char *extra =
    "{\"format\":\"tangent-session\",\"comment\":\"from a later release\",\"version\":1,"
    "\"future\":{\"deep\":[[[{\"x\":[1,2,{\"y\":null}]}]]],\"n\":1e300},"
    "\"formulas\":[{\"text\":\"x^2\",\"shader\":\"glow\",\"visible\":true}],"
    "\"view\":{\"xmin\":-1,\"zoom\":3,\"name\":\"ignored here\","
    "\"contour\":null,\"arrows\":null}}";
  g_autoptr(TangentSession) a = load_ok (plain);
  g_autoptr(TangentSession) b = load_ok (extra);

  g_assert_cmpuint (b->warnings->len, ==, 0);
  g_assert_true (tangent_session_equal (a, b));
  g_assert_null (b->view->name);
}

static void
test_big_and_tiny_numbers (void)
{
  /* A whole number beyond 64 bits is still a valid double; 1e-999
   * underflows to 0, which is a number too. */
  g_autoptr(TangentSession) s = load_ok (
    HEAD ",\"view\":{\"xmax\":123456789012345678901234567890,"
    "\"markers\":[{\"x\":1e-999,\"y\":-0.0,\"label\":\"o\"}]}}");
  const TangentSessionMarker *m = g_ptr_array_index (s->view->markers, 0);

  g_assert_cmpfloat (s->view->xmax, ==, 1.2345678901234568e29);
  g_assert_cmpfloat (m->x, ==, 0);
  g_assert_true (signbit (m->y));
}

static void
test_find_view (void)
{
  g_autoptr(TangentSession) s = load_ok (
    HEAD ",\"views\":[{\"name\":\"zoom\",\"xmin\":0,\"xmax\":1},{\"name\":\"wide\"}]}");

  g_assert_true (tangent_session_find_view (s, NULL) == s->view);
  g_assert_true (tangent_session_find_view (s, "") == s->view);
  g_assert_true (tangent_session_find_view (s, "zoom") == g_ptr_array_index (s->views, 0));
  g_assert_true (tangent_session_find_view (s, "wide") == g_ptr_array_index (s->views, 1));
  g_assert_null (tangent_session_find_view (s, "Zoom"));
  g_assert_cmpfloat (tangent_session_find_view (s, "zoom")->xmax, ==, 1);
}

static void
test_too_large (void)
{
  gsize n = 8 * 1024 * 1024 + 1;
  g_autofree char *data = g_malloc (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentSession) s = NULL;

  memset (data, ' ', n);
  s = tangent_session_load_data (data, n, "big.tangent", &error);
  g_assert_null (s);
  g_assert_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_FORMAT);
  assert_contains (error->message, "big.tangent");
  assert_contains (error->message, "too large");
}

/* Writing and the round trip */

static TangentSession *
make_full_session (void)
{
  TangentSession *s = tangent_session_new ();
  TangentSessionParameter *p = g_new0 (TangentSessionParameter, 1);
  TangentSessionFormula *f = g_new0 (TangentSessionFormula, 1);
  TangentSessionView *v = s->view, *zoom;
  TangentSessionTaylor *t = g_new0 (TangentSessionTaylor, 1);
  TangentSessionMarker *m = g_new0 (TangentSessionMarker, 1);
  TangentSessionPath *path = g_new0 (TangentSessionPath, 1);
  TangentSessionLine *l = g_new0 (TangentSessionLine, 1);

  p->name = g_strdup ("α");
  p->value = 1.0 / 3.0;
  p->min = -G_PI;
  p->max = 1e300;
  p->step = 0.1;
  g_ptr_array_add (s->parameters, p);

  f->text = g_strdup ("f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2");
  f->color = g_strdup ("#1f77b4");
  f->visible = FALSE;
  f->width = 2.25;
  f->label = g_strdup ("Himmelblau \"quoted\" \\ \t\033 ∇");
  g_ptr_array_add (s->formulas, f);
  f = g_new0 (TangentSessionFormula, 1);
  f->text = g_strdup ("");
  f->visible = TRUE;
  f->label = g_strdup ("");
  g_ptr_array_add (s->formulas, f);

  v->xmin = -6;
  v->xmax = 6.000000000000001;
  v->ymin = -5e-324;
  v->ymax = 0.1 + 0.2;
  v->equal_aspect = TRUE;
  v->title = g_strdup ("Himmelblau");
  v->x_label = g_strdup ("x₁");
  v->y_label = g_strdup ("");
  v->width = 1600;
  v->height = 1000;
  v->dpi = 150;
  g_free (v->style);
  v->style = g_strdup ("screen");
  v->legend = FALSE;
  v->grid = FALSE;

  v->contour = g_new0 (TangentSessionContour, 1);
  v->contour->formula = g_strdup ("f");
  v->contour->grid = 400;
  v->contour->n_levels = 12;
  v->contour->n_given = 3;
  v->contour->levels = g_new (double, 3);
  v->contour->levels[0] = -1.5;
  v->contour->levels[1] = 0;
  v->contour->levels[2] = DBL_MAX;
  v->contour->filled = FALSE;
  v->contour->lines = TRUE;
  v->contour->labels = FALSE;
  v->contour->colorbar = TRUE;
  v->contour->colormap = g_strdup ("magma");

  v->arrows = g_new0 (TangentSessionArrows, 1);
  v->arrows->formula = g_strdup ("f");
  v->arrows->negative = TRUE;
  v->arrows->grid = 25;
  v->arrows->normalized = TRUE;
  v->arrows->streamlines = TRUE;

  t->formula = g_strdup ("sin(x)");
  t->center = -0.0;
  t->n_orders = 5;
  t->orders = g_new (guint, 5);
  for (guint i = 0; i < 5; i++)
    t->orders[i] = 2 * i + 1;
  t->band = FALSE;
  t->inset = TRUE;
  g_ptr_array_add (v->taylor, t);

  m->x = 3;
  m->y = 2;
  m->label = g_strdup ("minimum");
  g_ptr_array_add (v->markers, m);
  m = g_new0 (TangentSessionMarker, 1);
  m->x = -2.805118086952745;
  m->y = 3.131312518250573;
  g_ptr_array_add (v->markers, m);

  path->n_points = 3;
  path->xy = g_new (double, 6);
  path->xy[0] = 0;
  path->xy[1] = 0;
  path->xy[2] = 0.7;
  path->xy[3] = 1.1;
  path->xy[4] = 2.9999999999999996;
  path->xy[5] = 2.0000000000000004;
  path->label = g_strdup ("gradient descent");
  path->color = g_strdup ("#d62728");
  g_ptr_array_add (v->paths, path);

  l->formula = g_strdup ("sin(x)");
  l->x1 = 0.5;
  l->x2 = 1.5;
  l->secant = TRUE;
  g_ptr_array_add (v->lines, l);
  l = g_new0 (TangentSessionLine, 1);
  l->formula = g_strdup ("x^3");
  l->x1 = 1;
  l->x2 = 1;
  g_ptr_array_add (v->lines, l);

  zoom = tangent_session_view_new ();
  zoom->name = g_strdup ("zoom on (3, 2)");
  zoom->xmin = 2.5;
  zoom->xmax = 3.5;
  zoom->ymin = 1.5;
  zoom->ymax = 2.5;
  g_ptr_array_add (s->views, zoom);
  zoom = tangent_session_view_new ();
  zoom->name = g_strdup ("defaults");
  g_ptr_array_add (s->views, zoom);

  return s;
}

static void
test_round_trip (void)
{
  g_autoptr(TangentSession) s = make_full_session ();
  g_autoptr(TangentSession) back = NULL;
  g_autoptr(TangentSession) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  const TangentSessionView *v;
  gsize length;

  data = tangent_session_to_data (s, &length);
  g_assert_true (g_str_has_suffix (data, "}\n"));
  /* Numbers in the C locale's form whatever LC_NUMERIC says. */
  assert_contains (data, "\"dpi\": 150.0");
  assert_contains (data, "\"xmin\": -6.0");

  back = tangent_session_load_data (data, length, "round trip", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < back->warnings->len; i++)
    g_printerr ("%s\n", (char *) g_ptr_array_index (back->warnings, i));
  g_assert_cmpuint (back->warnings->len, ==, 0);
  g_assert_true (tangent_session_equal (s, back));

  /* A few fields by hand, against the values set above. */
  v = back->view;
  g_assert_cmpfloat (v->xmax, ==, 6.000000000000001);
  g_assert_cmpfloat (v->ymin, ==, -5e-324);
  g_assert_cmpfloat (v->ymax, ==, 0.1 + 0.2);
  g_assert_cmpfloat (v->contour->levels[2], ==, DBL_MAX);
  g_assert_true (v->contour->colorbar);
  g_assert_false (v->contour->filled);
  g_assert_true (signbit (((TangentSessionTaylor *) g_ptr_array_index (v->taylor, 0))->center));
  g_assert_cmpfloat (((TangentSessionParameter *) g_ptr_array_index (back->parameters, 0))->value,
                     ==, 1.0 / 3.0);
  g_assert_cmpstr (((TangentSessionFormula *) g_ptr_array_index (back->formulas, 0))->label, ==,
                   "Himmelblau \"quoted\" \\ \t\033 ∇");
  g_assert_null (((TangentSessionFormula *) g_ptr_array_index (back->formulas, 1))->color);
  g_assert_cmpstr (((TangentSessionFormula *) g_ptr_array_index (back->formulas, 1))->label, ==,
                   "");
  g_assert_cmpstr (tangent_session_find_view (back, "zoom on (3, 2)")->style, ==, "print");

  /* Writing what was read gives the same bytes. */
  data2 = tangent_session_to_data (back, NULL);
  g_assert_cmpstr (data, ==, data2);

  /* And an empty session. */
  {
    g_autoptr(TangentSession) empty = tangent_session_new ();
    g_autofree char *text = tangent_session_to_data (empty, &length);

    again = tangent_session_load_data (text, length, "empty", &error);
    g_assert_no_error (error);
    g_assert_true (tangent_session_equal (empty, again));
  }
}

/* The equality the round trip relies on must see each difference. */
static void
test_equal_sees_differences (void)
{
  g_autoptr(TangentSession) a = make_full_session ();

  for (guint k = 0; k < 16; k++)
    {
      g_autoptr(TangentSession) b = make_full_session ();
      TangentSessionView *v = b->view;
      TangentSessionView *zoom = g_ptr_array_index (b->views, 0);
      TangentSessionParameter *p = g_ptr_array_index (b->parameters, 0);
      TangentSessionFormula *f0 = g_ptr_array_index (b->formulas, 0);
      TangentSessionFormula *f1 = g_ptr_array_index (b->formulas, 1);
      TangentSessionTaylor *t = g_ptr_array_index (v->taylor, 0);
      TangentSessionMarker *m = g_ptr_array_index (v->markers, 1);
      TangentSessionPath *path = g_ptr_array_index (v->paths, 0);
      TangentSessionLine *l = g_ptr_array_index (v->lines, 1);

      g_assert_true (tangent_session_equal (a, b));
      switch (k)
        {
        case 0: p->step = 0.2; break;
        case 1: g_clear_pointer (&f0->color, g_free); break;
        case 2: f1->visible = FALSE; break;
        case 3: v->xmax = nextafter (v->xmax, 100); break;
        case 4: v->contour->levels[1] = -0.5; break;
        case 5: v->contour->colorbar = FALSE; break;
        case 6: v->arrows->grid = 26; break;
        case 7: t->orders[4] = 11; break;
        case 8: m->y = 3; break;
        case 9: path->xy[5] = 2; break;
        case 10: l->secant = TRUE; break;
        case 11: g_ptr_array_remove_index (b->views, 1); break;
        case 12: g_clear_pointer (&v->y_label, g_free); break;
        case 13: g_clear_pointer (&v->arrows, _tangent_session_arrows_free); break;
        case 14: v->width = 1601; break;
        case 15: g_free (zoom->name); zoom->name = g_strdup ("z"); break;
        default: g_assert_not_reached ();
        }
      g_assert_false (tangent_session_equal (a, b));
    }
}

/* What the model may hold but a file cannot: never written. */
static void
test_write_non_finite (void)
{
  g_autoptr(TangentSession) s = tangent_session_new ();
  g_autoptr(TangentSession) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  TangentSessionParameter *p = g_new0 (TangentSessionParameter, 1);
  TangentSessionMarker *m = g_new0 (TangentSessionMarker, 1);
  gsize length;

  p->name = g_strdup ("a");
  p->value = NAN;
  p->min = -1;
  p->max = 1;
  p->step = INFINITY;
  g_ptr_array_add (s->parameters, p);
  m->x = NAN;
  m->y = 1;
  g_ptr_array_add (s->view->markers, m);
  s->view->ymax = -INFINITY;

  data = tangent_session_to_data (s, &length);
  g_assert_null (strstr (data, "nan"));
  g_assert_null (strstr (data, "inf"));
  g_assert_null (strstr (data, "NaN"));

  back = tangent_session_load_data (data, length, "written", &error);
  g_assert_no_error (error);
  p = g_ptr_array_index (back->parameters, 0);
  g_assert_cmpfloat (p->value, ==, 0);
  g_assert_cmpfloat (p->step, ==, 0.1);
  g_assert_cmpuint (back->view->markers->len, ==, 0);
  g_assert_cmpfloat (back->view->ymax, ==, 6.5);
}

/* Numbers are written as typed: the shortest decimal that reads back as
 * the same double, not jansson's 17 digits. */
static void
test_write_short_numbers (void)
{
  g_autoptr(TangentSession) s = tangent_session_new ();
  g_autoptr(TangentSession) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  TangentSessionParameter *p = g_new0 (TangentSessionParameter, 1);
  gsize length;

  p->name = g_strdup ("a");
  p->value = 0.1;
  p->min = -0.3;
  p->max = 2.5;
  p->step = 0.1 + 0.2;   /* 0.30000000000000004: needs all its digits */
  g_ptr_array_add (s->parameters, p);
  s->view->xmin = -1e-7;

  data = tangent_session_to_data (s, &length);
  g_assert_nonnull (strstr (data, "\"value\": 0.1,"));
  g_assert_nonnull (strstr (data, "\"min\": -0.3,"));
  g_assert_nonnull (strstr (data, "\"step\": 0.30000000000000004"));
  g_assert_null (strstr (data, "0.10000000000000001"));

  back = tangent_session_load_data (data, length, "written", &error);
  g_assert_no_error (error);
  g_assert_true (tangent_session_equal (s, back));
}

static void
test_save_and_load_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-session-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *fifo = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(TangentSession) s = make_full_session ();
  g_autoptr(TangentSession) back = NULL;
  GStatBuf st;
  mode_t mask;

  g_assert_no_error (error);
  path = g_build_filename (dir, "lecture.tangent", NULL);

  g_assert_true (tangent_session_save_file (s, path, &error));
  g_assert_no_error (error);
  back = tangent_session_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (tangent_session_equal (s, back));

  /* 0666 less the umask, as any new file. */
  mask = umask (022);
  umask (mask);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0666 & ~mask);

  /* Unwritable: a directory that does not exist. */
  missing = g_build_filename (dir, "no-such-dir", "x.tangent", NULL);
  g_assert_false (tangent_session_save_file (s, missing, &error));
  g_assert_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_IO);
  assert_contains (error->message, "x.tangent");
  g_clear_error (&error);

  g_assert_null (tangent_session_load_file (missing, &error));
  g_assert_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_IO);
  assert_contains (error->message, "x.tangent");
  g_clear_error (&error);

  /* A directory and a FIFO are not session files (the FIFO would block). */
  g_assert_null (tangent_session_load_file (dir, &error));
  g_assert_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_IO);
  g_clear_error (&error);
  fifo = g_build_filename (dir, "pipe.tangent", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_null (tangent_session_load_file (fifo, &error));
  g_assert_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_IO);
  assert_contains (error->message, "pipe.tangent");
  g_clear_error (&error);

  /* A failed save leaves the old file as it was: a name of 250 bytes
   * exists, but the temporary file beside it (name + ".XXXXXX") is
   * longer than a file name may be, so the write fails before the
   * rename. */
  {
    g_autofree char *name = g_strnfill (250, 'n');
    g_autofree char *long_path = g_build_filename (dir, name, NULL);
    g_autofree char *old = NULL;
    FILE *f = g_fopen (long_path, "w");

    /* Written in place: g_file_set_contents() would need the long name too. */
    g_assert_nonnull (f);
    g_assert_cmpint (fputs ("old contents", f), >=, 0);
    g_assert_cmpint (fclose (f), ==, 0);
    g_assert_false (tangent_session_save_file (s, long_path, &error));
    g_assert_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_IO);
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (long_path, &old, NULL, NULL));
    g_assert_cmpstr (old, ==, "old contents");
    g_unlink (long_path);
  }

  /* A failed load changes nothing it was not given: the previous session
   * is still what it was. */
  {
    g_autoptr(TangentSession) before = tangent_session_load_file (path, &error);

    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (path, "{\"format\":\"tangent-session\",\"version\":1,", -1,
                                        &error));
    g_assert_null (tangent_session_load_file (path, &error));
    g_assert_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_SYNTAX);
    g_clear_error (&error);
    g_assert_true (tangent_session_equal (before, s));
  }

  g_unlink (fifo);
  g_unlink (path);
  g_rmdir (dir);
}

/* The scanner's path lookup */

static void
test_locate (void)
{
  const char *json = "{\"a\": [1,\n {\"b\": 2, \"c.d\": 3}],\n \"é\": {\"x\": [[0], [1, 2]]}}";
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  TangentJsonPosition *p;

  g_hash_table_insert (wanted, (gpointer) "a", g_new0 (TangentJsonPosition, 1));
  g_hash_table_insert (wanted, (gpointer) "a[1].b", g_new0 (TangentJsonPosition, 1));
  g_hash_table_insert (wanted, (gpointer) "c.d", g_new0 (TangentJsonPosition, 1));
  g_hash_table_insert (wanted, (gpointer) "a[1].c.d", g_new0 (TangentJsonPosition, 1));
  g_hash_table_insert (wanted, (gpointer) "é.x[1][1]", g_new0 (TangentJsonPosition, 1));
  g_hash_table_insert (wanted, (gpointer) "a[2]", g_new0 (TangentJsonPosition, 1));
  tangent_json_scan_locate (json, strlen (json), wanted);

  p = g_hash_table_lookup (wanted, "a");
  g_assert_cmpuint (p->line, ==, 1);
  g_assert_cmpuint (p->column, ==, 2);
  p = g_hash_table_lookup (wanted, "a[1].b");
  g_assert_cmpuint (p->line, ==, 2);
  g_assert_cmpuint (p->column, ==, 3);
  /* A key that reads as a path matches no path. */
  g_assert_cmpuint (((TangentJsonPosition *) g_hash_table_lookup (wanted, "c.d"))->line, ==, 0);
  g_assert_cmpuint (((TangentJsonPosition *) g_hash_table_lookup (wanted, "a[1].c.d"))->line, ==,
                    0);
  p = g_hash_table_lookup (wanted, "é.x[1][1]");
  g_assert_cmpuint (p->line, ==, 3);
  g_assert_cmpuint (p->column, ==, 23);
  g_assert_cmpuint (((TangentJsonPosition *) g_hash_table_lookup (wanted, "a[2]"))->line, ==, 0);
}

/* Excerpts */

static void
test_escape (void)
{
  static const struct
  {
    const char *text;
    gssize      length;
    guint       max;
    const char *want;
  } cases[] = {
    { "x^2 + π", -1, 0, "x^2 + π" },
    { "x\033[2J", -1, 0, "x\\x1b[2J" },
    { "\033]0;pwned\007", -1, 0, "\\x1b]0;pwned\\x07" },
    { "\u202ex+1\u2066\u200f", -1, 0, "\\u202ex+1\\u2066\\u200f" },
    { "a\xc2\x85" "b\x7f", -1, 0, "a\\u0085b\\x7f" },
    { "\xff\xfe ok \xe2\x82", -1, 0, "\\xff\\xfe ok \\xe2\\x82" },
    { "\xc0\xaf", -1, 0, "\\xc0\\xaf" },
    { "line\nnext\ttab\r", -1, 0, "line\\x0anext\\x09tab\\x0d" },
    { "a\0b", 3, 0, "a\\x00b" },
    { "abcdefghij", -1, 5, "abcd…" },
    { "abcde", -1, 5, "abcde" },
    { "abcdef", 3, 5, "abc" },
    { "ππππππ", -1, 4, "πππ…" },
    /* An escape is never cut: 8 characters do not fit in 6. */
    { "\033\033", -1, 6, "\\x1b…" },
    { "\033\033", -1, 8, "\\x1b\\x1b" },
    { "<b>&amp;</b>", -1, 0, "<b>&amp;</b>" },
    { "", -1, 3, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = tangent_escape_excerpt (cases[i].text, cases[i].length, cases[i].max);

      g_assert_cmpstr (got, ==, cases[i].want);
      g_assert_true (g_utf8_validate (got, -1, NULL));
      if (cases[i].max > 0)
        g_assert_cmpuint (g_utf8_strlen (got, -1), <=, cases[i].max);
    }

  {
    g_autofree char *null = tangent_escape_excerpt (NULL, -1, 10);

    g_assert_cmpstr (null, ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  /* LC_NUMERIC is set to a decimal comma by the test environment. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/session/hostile/valid-minimal", test_hostile_valid_minimal);
  g_test_add_func ("/core/session/hostile/truncated", test_hostile_truncated);
  g_test_add_func ("/core/session/hostile/deep-nesting", test_hostile_deep_nesting);
  g_test_add_func ("/core/session/hostile/duplicate-keys", test_hostile_duplicate_keys);
  g_test_add_func ("/core/session/hostile/nan-literal", test_hostile_nan_literal);
  g_test_add_func ("/core/session/hostile/formulas", test_hostile_formulas);
  g_test_add_func ("/core/session/syntax", test_syntax_errors);
  g_test_add_func ("/core/session/line-ends", test_line_ends);
  g_test_add_func ("/core/session/duplicates", test_duplicates);
  g_test_add_func ("/core/session/nesting", test_nesting);
  g_test_add_func ("/core/session/surrogate-pair", test_surrogate_pair);
  g_test_add_func ("/core/session/format-and-version", test_format_and_version);
  g_test_add_func ("/core/session/type-errors", test_type_errors);
  g_test_add_func ("/core/session/ranges", test_ranges);
  g_test_add_func ("/core/session/repairs/parameters", test_parameter_repairs);
  g_test_add_func ("/core/session/repairs/views", test_view_repairs);
  g_test_add_func ("/core/session/repairs/limit", test_warning_limit);
  g_test_add_func ("/core/session/unknown-keys", test_unknown_keys);
  g_test_add_func ("/core/session/numbers", test_big_and_tiny_numbers);
  g_test_add_func ("/core/session/find-view", test_find_view);
  g_test_add_func ("/core/session/too-large", test_too_large);
  g_test_add_func ("/core/session/round-trip", test_round_trip);
  g_test_add_func ("/core/session/equal", test_equal_sees_differences);
  g_test_add_func ("/core/session/write-non-finite", test_write_non_finite);
  g_test_add_func ("/core/session/write-short-numbers", test_write_short_numbers);
  g_test_add_func ("/core/session/files", test_save_and_load_file);
  g_test_add_func ("/core/session/locate", test_locate);
  g_test_add_func ("/core/escape", test_escape);

  return g_test_run ();
}
