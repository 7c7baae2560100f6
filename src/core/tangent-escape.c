/* tangent-escape.c: short, safe excerpts of untrusted text for messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text quoted from a file in an error message reaches a terminal and a
 * GTK label. A terminal obeys escape sequences (ESC [2J clears it, OSC 0
 * sets its title), bidi overrides reorder what the reader sees, and
 * invalid bytes break a label. So every character that is not plainly
 * visible is written as an escape: bytes as \xNN, characters as \uNNNN.
 * Backslashes themselves are kept: an excerpt is for reading, not for
 * parsing back.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-escape"

#include <string.h>

#include "tangent-escape.h"

/* Characters shown as \uNNNN although they are valid: C1 controls,
 * the bidi controls (ALM, LRM, RLM, LRE … RLO, LRI … PDI), the line and
 * paragraph separators and the invisible zero-width space and BOM. */
static gboolean
is_hidden (gunichar c)
{
  return (c >= 0x80 && c <= 0x9f)
         || c == 0x061c
         || c == 0x200b
         || c == 0x200e || c == 0x200f
         || (c >= 0x2028 && c <= 0x202e)
         || (c >= 0x2066 && c <= 0x2069)
         || c == 0xfeff;
}

/* One unit of output for the input at p: either the character copied
 * or its escape. Returns the number of input bytes consumed and writes
 * the output (at most 12 bytes) into out; *n_chars is its length in
 * characters. */
static gsize
escape_one (const char *p,
            gsize       avail,
            char        out[16],
            guint      *n_chars)
{
  guchar b = (guchar) p[0];
  gunichar c;
  gsize len;

  if (b < 0x20 || b == 0x7f)
    {
      g_snprintf (out, 16, "\\x%02x", b);
      *n_chars = 4;
      return 1;
    }
  if (b < 0x80)
    {
      out[0] = (char) b;
      out[1] = '\0';
      *n_chars = 1;
      return 1;
    }

  c = g_utf8_get_char_validated (p, (gssize) avail);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      g_snprintf (out, 16, "\\x%02x", b);
      *n_chars = 4;
      return 1;
    }

  len = (gsize) (g_utf8_next_char (p) - p);
  if (is_hidden (c))
    {
      g_snprintf (out, 16, "\\u%04x", c);
      *n_chars = 6;
      return len;
    }

  memcpy (out, p, len);
  out[len] = '\0';
  *n_chars = 1;
  return len;
}

/**
 * tangent_escape_excerpt:
 * @text: (nullable): untrusted bytes, not necessarily UTF-8
 * @length: length in bytes, or -1 when @text ends with a NUL
 * @max_chars: the most characters of output, the final … included; 0: no limit
 *
 * Returns: (transfer full): valid UTF-8 in which control characters, DEL,
 * C1 controls and bidi controls appear as escapes and invalid bytes as
 * \xNN, cut with … when longer than @max_chars. An escape is never cut in
 * the middle.
 */
char *
tangent_escape_excerpt (const char *text,
                        gssize      length,
                        guint       max_chars)
{
  GString *out;
  gsize n, i;
  guint total = 0, used = 0, budget;
  char unit[16];
  guint unit_chars;

  if (text == NULL)
    return g_strdup ("");

  n = length < 0 ? strlen (text) : (gsize) length;

  /* First pass: does it all fit? Stops counting once it cannot. */
  for (i = 0; i < n && (max_chars == 0 || total <= max_chars);)
    {
      i += escape_one (text + i, n - i, unit, &unit_chars);
      total += unit_chars;
    }
  budget = (max_chars == 0 || total <= max_chars) ? G_MAXUINT : max_chars - 1;

  out = g_string_sized_new (MIN (n, 256) + 8);
  for (i = 0; i < n;)
    {
      gsize consumed = escape_one (text + i, n - i, unit, &unit_chars);

      if (used + unit_chars > budget)
        break;
      g_string_append (out, unit);
      used += unit_chars;
      i += consumed;
    }
  if (i < n)
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}
