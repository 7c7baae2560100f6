/* fuzz-session.c: libFuzzer target over the session file reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a .tangent file, raw bytes. It goes through the strict
 * scan, the reader, and, when it loads, the writer and the reader again:
 * what was read must read back the same (the writer writes only what the
 * reader accepts, and every repair is final). Every message must be
 * valid UTF-8 without raw control characters. Nothing may crash, leak,
 * hang or trip a sanitizer.
 *
 * Built with -Dfuzzing=true and clang; replay.c runs the corpus through
 * the same function as an ordinary test.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tangent-escape.h"
#include "tangent-json-scan.h"
#include "tangent-session.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* A message that reaches a terminal: UTF-8, no control characters but
 * none at all (the messages are one line). */
static void
check_message (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    abort ();
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x202e || c == 0x2067)
        abort ();
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentSession) session = NULL;
  g_autofree char *excerpt = tangent_escape_excerpt ((const char *) data, (gssize) size, 40);
  TangentJsonPosition where = { 0, 0 };

  check_message (excerpt);

  if (!tangent_json_scan ((const char *) data, size, &where, &error))
    {
      check_message (error->message);
      if (where.line == 0 || where.column == 0)
        abort ();
      g_clear_error (&error);
    }

  session = tangent_session_load_data ((const char *) data, size, "fuzz.tangent", &error);
  if (session == NULL)
    {
      if (error == NULL || error->domain != TANGENT_SESSION_ERROR)
        abort ();
      check_message (error->message);
      return 0;
    }

  /* Each repair names its place with a line found by the locating scan
   * (the last may be the count of those not listed). */
  for (guint i = 0; i < session->warnings->len; i++)
    {
      const char *w = g_ptr_array_index (session->warnings, i);

      check_message (w);
      if (strstr (w, " (line ") == NULL && !g_str_has_prefix (w, "…"))
        abort ();
    }

  for (guint i = 0; i < session->views->len; i++)
    {
      const TangentSessionView *v = g_ptr_array_index (session->views, i);

      if (tangent_session_find_view (session, v->name) != v)
        abort ();
    }

  /* The round trip. */
  {
    g_autoptr(TangentSession) again = NULL;
    g_autofree char *text = NULL;
    g_autofree char *text2 = NULL;
    gsize length;

    text = tangent_session_to_data (session, &length);
    again = tangent_session_load_data (text, length, "again", &error);
    if (again == NULL || again->warnings->len > 0 || !tangent_session_equal (session, again))
      abort ();
    text2 = tangent_session_to_data (again, NULL);
    if (strcmp (text, text2) != 0)
      abort ();
  }

  return 0;
}
