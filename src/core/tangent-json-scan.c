/* tangent-json-scan.c: a strict check of JSON bytes, with positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over the bytes before any parser sees them, so that every way
 * a file can be broken gets one message with its line and column: invalid
 * UTF-8, nesting deeper than 64 levels (checked without recursion, so a
 * hundred thousand '[' cost nothing), duplicate keys (decoded, so "\u0076"
 * and "v" are the same key), NaN and Infinity, numbers beyond the range of
 * a double, \u0000 and raw control characters in strings, a truncated
 * file, trailing data. jansson alone would refuse most of these, but with
 * a byte column and a terse reason.
 *
 * Columns count characters from the start of the line, 1-based. A word
 * that is not JSON (NaN, Infinity, 01) is placed at its last character,
 * as jansson does; the end of the data at the column after the last
 * character.
 *
 * The same pass, given a table of JSON paths (view.xmin,
 * formulas[2].color), records where each one's value is, for messages
 * about values that are well-formed JSON but wrong for the reader.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-json-scan"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tangent-escape.h"
#include "tangent-json-scan.h"

G_DEFINE_QUARK (tangent-json-scan-error-quark, tangent_json_scan_error)

/* Longest excerpt of the file quoted in a message, in characters. */
#define EXCERPT_CHARS 32

typedef enum
{
  STATE_VALUE,            /* a value must come */
  STATE_VALUE_OR_CLOSE,   /* just after '[' */
  STATE_KEY,              /* after ',' in an object */
  STATE_KEY_OR_CLOSE,     /* just after '{' */
  STATE_COLON,
  STATE_AFTER_VALUE,      /* ',' or the closing bracket, or the end at depth 0 */
} State;

typedef struct
{
  char   kind;       /* '{' or '[' */
  gsize  open;       /* offset of the bracket */
  guint  count;      /* elements so far (arrays) */
  gsize  path_len;   /* length of the container's own path */
  gboolean live;     /* its path leads to a wanted one: track its children's */
} Frame;

typedef struct
{
  const guchar        *data;
  gsize                length;
  gsize                pos;
  guint                line;
  gsize                line_start;

  Frame                stack[TANGENT_JSON_SCAN_MAX_DEPTH];
  guint                depth;
  GHashTable          *keys[TANGENT_JSON_SCAN_MAX_DEPTH];  /* decoded key → line, per open object */
  GString             *key;

  /* The first duplicate key, reported once the scan is over */
  GError              *duplicate;
  TangentJsonPosition  duplicate_position;
  guint                n_more_duplicates;

  /* Locating paths */
  GHashTable          *wanted;
  GHashTable          *prefixes;   /* the paths of the containers on the way to a wanted one */
  gboolean             value_live; /* the value about to be read is in prefixes */
  guint                n_wanted;
  GString             *path;

  GError              *error;
  TangentJsonPosition  error_position;
} Scanner;

/* Line and column of a byte offset on the current line or an earlier
 * one. Everything before the scan position is valid UTF-8 (an invalid
 * byte stops the scan where it is), so counting the bytes that start a
 * character counts characters. */
static TangentJsonPosition
position_of (Scanner *s,
             gsize    offset)
{
  TangentJsonPosition p = { 1, 1 };
  gsize start = 0;

  if (offset >= s->line_start)
    {
      p.line = s->line;
      start = s->line_start;
    }
  else
    {
      /* An earlier line: count from the beginning (only for messages). */
      for (gsize i = 0; i < offset; i++)
        {
          if (s->data[i] == '\n'
              || (s->data[i] == '\r' && (i + 1 >= s->length || s->data[i + 1] != '\n')))
            {
              p.line++;
              start = i + 1;
            }
        }
    }

  for (gsize i = start; i < offset && i < s->length; i++)
    if ((s->data[i] & 0xc0) != 0x80)
      p.column++;

  return p;
}

/* The error, at offset; what is the whole message when it names the
 * place itself, else the reason, followed by the place. */
static gboolean
fail_with (Scanner              *s,
           gsize                 offset,
           TangentJsonScanError  code,
           const char           *what,
           gboolean              with_place)
{
  TangentJsonPosition p;

  if (s->error != NULL)
    return FALSE;

  p = position_of (s, offset);
  s->error_position = p;
  if (with_place)
    /* TRANSLATORS: the first %s is a reason, such as "NaN is not a JSON number" */
    s->error = g_error_new (TANGENT_JSON_SCAN_ERROR, code, _("%s at line %u, column %u"),
                            what, p.line, p.column);
  else
    s->error = g_error_new_literal (TANGENT_JSON_SCAN_ERROR, code, what);
  return FALSE;
}

static gboolean
fail_at (Scanner              *s,
         gsize                 offset,
         TangentJsonScanError  code,
         const char           *what)
{
  return fail_with (s, offset, code, what, TRUE);
}

static gboolean
fail_at_printf (Scanner              *s,
                gsize                 offset,
                TangentJsonScanError  code,
                const char           *format,
                ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail_at_printf (Scanner              *s,
                gsize                 offset,
                TangentJsonScanError  code,
                const char           *format,
                ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  return fail_at (s, offset, code, what);
}

static char *
excerpt (Scanner *s,
         gsize    start,
         gsize    end)
{
  return tangent_escape_excerpt ((const char *) s->data + start, (gssize) (end - start),
                                 EXCERPT_CHARS);
}

/* A character the bytes at pos begin, or -1 when they are not UTF-8; a
 * NUL byte gets its own message, as does an invalid sequence. */
static gboolean
check_utf8 (Scanner  *s,
            gunichar *c,
            gsize    *len)
{
  const guchar *p = s->data + s->pos;

  if (*p == 0)
    return fail_at (s, s->pos, TANGENT_JSON_SCAN_ERROR_ENCODING, _("a NUL byte"));

  if (*p < 0x80)
    {
      *c = *p;
      *len = 1;
      return TRUE;
    }

  *c = g_utf8_get_char_validated ((const char *) p, (gssize) (s->length - s->pos));
  if (*c == (gunichar) -1 || *c == (gunichar) -2)
    return fail_at_printf (s, s->pos, TANGENT_JSON_SCAN_ERROR_ENCODING,
                           _("invalid UTF-8 (byte 0x%02X)"), *p);

  *len = (gsize) (g_utf8_next_char ((const char *) p) - (const char *) p);
  return TRUE;
}

static void
skip_space (Scanner *s)
{
  while (s->pos < s->length)
    {
      guchar c = s->data[s->pos];

      if (c == '\n' || (c == '\r' && (s->pos + 1 >= s->length || s->data[s->pos + 1] != '\n')))
        {
          s->pos++;
          s->line++;
          s->line_start = s->pos;
        }
      else if (c == ' ' || c == '\t' || c == '\r')
        s->pos++;
      else
        break;
    }
}

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits after "\u" at pos; -1 when they are not there. */
static int
read_hex4 (Scanner *s,
           gsize    pos)
{
  int v = 0;

  if (pos + 4 > s->length)
    return -1;
  for (guint i = 0; i < 4; i++)
    {
      int h = hex_value (s->data[pos + i]);

      if (h < 0)
        return -1;
      v = v * 16 + h;
    }
  return v;
}

/* A string from its opening quote at pos to after its closing quote.
 * When decoded is not NULL the text is decoded into it (keys, whose
 * duplicates are found by their decoded text). */
static gboolean
scan_string (Scanner *s,
             GString *decoded)
{
  if (decoded != NULL)
    g_string_truncate (decoded, 0);

  s->pos++;
  for (;;)
    {
      gsize run = s->pos;
      guchar c;

      /* Plain ASCII runs are the common case. */
      while (s->pos < s->length)
        {
          c = s->data[s->pos];
          if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
            break;
          s->pos++;
        }
      if (decoded != NULL)
        g_string_append_len (decoded, (const char *) s->data + run, (gssize) (s->pos - run));

      if (s->pos >= s->length)
        return fail_at (s, s->length, TANGENT_JSON_SCAN_ERROR_TRUNCATED,
                        _("file ends inside a string"));

      c = s->data[s->pos];
      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }

      if (c == '\\')
        {
          gsize esc = s->pos;
          int u, lo;

          if (esc + 1 >= s->length)
            return fail_at (s, s->length, TANGENT_JSON_SCAN_ERROR_TRUNCATED,
                            _("file ends inside a string"));

          switch (s->data[esc + 1])
            {
            case '"': case '\\': case '/':
              if (decoded != NULL)
                g_string_append_c (decoded, (char) s->data[esc + 1]);
              s->pos += 2;
              continue;
            case 'b': case 'f': case 'n': case 'r': case 't':
              if (decoded != NULL)
                g_string_append_c (decoded, "\b\f\n\r\t"[strchr ("bfnrt",
                                                                 s->data[esc + 1]) - "bfnrt"]);
              s->pos += 2;
              continue;
            case 'u':
              break;
            default:
              {
                gunichar bad;
                gsize len;

                s->pos = esc + 1;
                if (!check_utf8 (s, &bad, &len))
                  return FALSE;
                {
                  g_autofree char *what = excerpt (s, esc, esc + 1 + len);

                  return fail_at_printf (s, esc, TANGENT_JSON_SCAN_ERROR_STRING,
                                         _("“%s” is not an escape JSON knows"), what);
                }
              }
            }

          u = read_hex4 (s, esc + 2);
          if (u < 0)
            {
              if (esc + 6 > s->length)
                return fail_at (s, s->length, TANGENT_JSON_SCAN_ERROR_TRUNCATED,
                                _("file ends inside a string"));
              return fail_at (s, esc, TANGENT_JSON_SCAN_ERROR_STRING,
                              _("“\\u” must be followed by four hexadecimal digits"));
            }
          if (u == 0)
            return fail_at (s, esc, TANGENT_JSON_SCAN_ERROR_STRING,
                            _("“\\u0000” (a NUL character) is not allowed in a string"));
          if (u >= 0xdc00 && u <= 0xdfff)
            return fail_at_printf (s, esc, TANGENT_JSON_SCAN_ERROR_STRING,
                                   _("“\\u%04x” is half of a character (a lone surrogate)"), u);
          if (u >= 0xd800 && u <= 0xdbff)
            {
              lo = (esc + 12 <= s->length && s->data[esc + 6] == '\\' && s->data[esc + 7] == 'u')
                   ? read_hex4 (s, esc + 8) : -1;
              if (lo < 0xdc00 || lo > 0xdfff)
                return fail_at_printf (s, esc, TANGENT_JSON_SCAN_ERROR_STRING,
                                       _("“\\u%04x” is half of a character (a lone surrogate)"),
                                       u);
              u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
              s->pos = esc + 12;
            }
          else
            s->pos = esc + 6;

          if (decoded != NULL)
            g_string_append_unichar (decoded, (gunichar) u);
          continue;
        }

      if (c < 0x20)
        {
          if (c == 0)
            return fail_at (s, s->pos, TANGENT_JSON_SCAN_ERROR_ENCODING, _("a NUL byte"));
          if (c == '\n' || c == '\r')
            return fail_at (s, s->pos, TANGENT_JSON_SCAN_ERROR_STRING,
                            _("a line break inside a string (is its closing quote missing?)"));
          return fail_at_printf (s, s->pos, TANGENT_JSON_SCAN_ERROR_STRING,
                                 _("a raw control character (U+%04X) inside a string; "
                                   "write it as \\u%04x"), c, c);
        }

      /* Non-ASCII: one validated character. */
      {
        gunichar ch;
        gsize len;

        if (!check_utf8 (s, &ch, &len))
          return FALSE;
        if (decoded != NULL)
          g_string_append_len (decoded, (const char *) s->data + s->pos, (gssize) len);
        s->pos += len;
      }
    }

  g_assert_not_reached ();
}

static gboolean
is_word_byte (guchar c)
{
  return g_ascii_isalnum (c) || c == '+' || c == '-' || c == '.' || c == '_';
}

/* A word that is neither a JSON literal nor a JSON number: say which. */
static gboolean
fail_word (Scanner *s,
           gsize    start,
           gsize    end)
{
  g_autofree char *word = excerpt (s, start, end);
  const char *w = (const char *) s->data + start;
  gsize n = end - start;
  gsize skip = (n > 0 && (w[0] == '-' || w[0] == '+')) ? 1 : 0;

  if ((n - skip == 3 && g_ascii_strncasecmp (w + skip, "nan", 3) == 0)
      || (n - skip == 3 && g_ascii_strncasecmp (w + skip, "inf", 3) == 0)
      || (n - skip == 8 && g_ascii_strncasecmp (w + skip, "infinity", 8) == 0))
    return fail_at_printf (s, end - 1, TANGENT_JSON_SCAN_ERROR_NUMBER,
                           _("%s is not a JSON number"), word);

  if (g_ascii_isdigit (w[0]) || w[0] == '-' || w[0] == '+' || w[0] == '.')
    return fail_at_printf (s, end - 1, TANGENT_JSON_SCAN_ERROR_NUMBER,
                           _("“%s” is not a valid JSON number"), word);

  return fail_at_printf (s, end - 1, TANGENT_JSON_SCAN_ERROR_SYNTAX,
                         _("“%s” is not a JSON value (true, false, null, a number, "
                           "a string, a list or an object)"), word);
}

/* A number, true, false or null at pos. The whole word is taken first,
 * so that 01, 1.2.3 and -Infinity are named whole. */
static gboolean
scan_word (Scanner *s)
{
  gsize start = s->pos, end = s->pos, i;
  const guchar *w;

  while (end < s->length && is_word_byte (s->data[end]))
    end++;
  w = s->data + start;

  if (end - start == 4 && memcmp (w, "true", 4) == 0)
    goto ok;
  if (end - start == 5 && memcmp (w, "false", 5) == 0)
    goto ok;
  if (end - start == 4 && memcmp (w, "null", 4) == 0)
    goto ok;

  /* -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
  i = start;
  if (i < end && s->data[i] == '-')
    i++;
  if (i < end && s->data[i] == '0')
    i++;
  else if (i < end && s->data[i] >= '1' && s->data[i] <= '9')
    while (i < end && g_ascii_isdigit (s->data[i]))
      i++;
  else
    return fail_word (s, start, end);
  if (i < end && s->data[i] == '.')
    {
      i++;
      if (i >= end || !g_ascii_isdigit (s->data[i]))
        return fail_word (s, start, end);
      while (i < end && g_ascii_isdigit (s->data[i]))
        i++;
    }
  if (i < end && (s->data[i] == 'e' || s->data[i] == 'E'))
    {
      i++;
      if (i < end && (s->data[i] == '+' || s->data[i] == '-'))
        i++;
      if (i >= end || !g_ascii_isdigit (s->data[i]))
        return fail_word (s, start, end);
      while (i < end && g_ascii_isdigit (s->data[i]))
        i++;
    }
  if (i != end)
    return fail_word (s, start, end);

  /* Well-formed: is it a finite double? (Underflow to zero is fine.) */
  {
    g_autofree char *text = g_strndup ((const char *) w, end - start);
    double v = g_ascii_strtod (text, NULL);

    if (!isfinite (v))
      {
        g_autofree char *shown = excerpt (s, start, end);

        return fail_at_printf (s, end - 1, TANGENT_JSON_SCAN_ERROR_NUMBER,
                               _("%s is too large for a number (the largest is about 1.8e308)"),
                               shown);
      }
  }

ok:
  s->pos = end;
  return TRUE;
}

/* Something that cannot start a value: say what it probably is. */
static gboolean
fail_unexpected (Scanner    *s,
                 const char *expected)
{
  guchar c = s->data[s->pos];
  gunichar ch;
  gsize len;

  if (c == '\'')
    return fail_at (s, s->pos, TANGENT_JSON_SCAN_ERROR_SYNTAX,
                    _("JSON strings need double quotes (\"), not single quotes"));
  if (c == '/' && s->pos + 1 < s->length
      && (s->data[s->pos + 1] == '/' || s->data[s->pos + 1] == '*'))
    return fail_at (s, s->pos, TANGENT_JSON_SCAN_ERROR_SYNTAX,
                    _("JSON does not allow comments"));
  if (!check_utf8 (s, &ch, &len))
    return FALSE;
  if (ch == 0x201c || ch == 0x201d || ch == 0x201e || ch == 0x2018 || ch == 0x2019)
    return fail_at (s, s->pos, TANGENT_JSON_SCAN_ERROR_SYNTAX,
                    _("typographic quotes: JSON strings need straight double quotes (\")"));

  {
    g_autofree char *what = excerpt (s, s->pos, s->pos + len);

    if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch <= 0x9f))
      return fail_at_printf (s, s->pos, TANGENT_JSON_SCAN_ERROR_SYNTAX,
                             _("%s, found a control character (U+%04X)"), expected, ch);
    return fail_at_printf (s, s->pos, TANGENT_JSON_SCAN_ERROR_SYNTAX,
                           _("%s, found “%s”"), expected, what);
  }
}

static void
found_path (Scanner *s,
            gsize    offset)
{
  TangentJsonPosition *p = g_hash_table_lookup (s->wanted, s->path->str);

  if (p != NULL && p->line == 0)
    {
      *p = position_of (s, offset);
      s->n_wanted--;
    }
}

/* Before a value in an array: its path is the array's plus [index].
 * Paths are built only inside containers on the way to a wanted path,
 * so that finding one costs little more than the scan itself. */
static void
enter_element (Scanner *s)
{
  char digits[16];
  guint n = 0, index;
  Frame *f;

  if (s->wanted == NULL || s->depth == 0 || s->stack[s->depth - 1].kind != '[')
    return;
  f = &s->stack[s->depth - 1];
  s->value_live = FALSE;
  if (!f->live)
    return;

  g_string_truncate (s->path, f->path_len);
  index = f->count++;
  do
    {
      digits[n++] = (char) ('0' + index % 10);
      index /= 10;
    }
  while (index > 0);
  g_string_append_c (s->path, '[');
  while (n > 0)
    g_string_append_c (s->path, digits[--n]);
  g_string_append_c (s->path, ']');

  found_path (s, s->pos);
  s->value_live = g_hash_table_contains (s->prefixes, s->path->str);
}

/* After a key: the member's path is the object's plus .key. Keys that
 * would read as path syntax are marked so that they match nothing. */
static void
enter_member (Scanner *s,
              gsize    key_offset)
{
  Frame *f = &s->stack[s->depth - 1];

  if (s->wanted == NULL)
    return;
  s->value_live = FALSE;
  if (!f->live)
    return;

  g_string_truncate (s->path, f->path_len);
  if (f->path_len > 0)
    g_string_append_c (s->path, '.');
  if (strpbrk (s->key->str, ".[]") != NULL || s->key->len != strlen (s->key->str))
    g_string_append_c (s->path, '\001');
  g_string_append_len (s->path, s->key->str, (gssize) s->key->len);
  found_path (s, key_offset);
  s->value_live = g_hash_table_contains (s->prefixes, s->path->str);
}

/* A decoded key in the innermost object: the first repeat is kept for
 * the message, later ones only counted. */
static void
check_duplicate (Scanner *s,
                 gsize    key_offset)
{
  guint d = s->depth - 1;
  gpointer seen;
  TangentJsonPosition here;

  if (s->keys[d] == NULL)
    s->keys[d] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Keys hold no line break: the key is on the current line. */
  seen = g_hash_table_lookup (s->keys[d], s->key->str);
  if (seen == NULL)
    {
      g_hash_table_insert (s->keys[d], g_strndup (s->key->str, s->key->len),
                           GUINT_TO_POINTER (s->line));
      return;
    }

  if (s->duplicate != NULL)
    {
      s->n_more_duplicates++;
      return;
    }

  {
    g_autofree char *name = tangent_escape_excerpt (s->key->str, (gssize) s->key->len,
                                                    EXCERPT_CHARS);
    guint first = GPOINTER_TO_UINT (seen);

    here = position_of (s, key_offset);
    s->duplicate_position = here;
    if (first == here.line)
      s->duplicate = g_error_new (TANGENT_JSON_SCAN_ERROR, TANGENT_JSON_SCAN_ERROR_DUPLICATE_KEY,
                                  _("“%s” appears twice in one object (line %u)"),
                                  name, here.line);
    else
      s->duplicate = g_error_new (TANGENT_JSON_SCAN_ERROR, TANGENT_JSON_SCAN_ERROR_DUPLICATE_KEY,
                                  _("“%s” appears twice (lines %u and %u)"),
                                  name, first, here.line);
  }
}

static gboolean
push (Scanner *s,
      char     kind)
{
  Frame *f;

  if (s->depth >= TANGENT_JSON_SCAN_MAX_DEPTH)
    return fail_at_printf (s, s->pos, TANGENT_JSON_SCAN_ERROR_DEPTH,
                           _("nesting deeper than %u levels"), TANGENT_JSON_SCAN_MAX_DEPTH);

  f = &s->stack[s->depth];
  f->kind = kind;
  f->open = s->pos;
  f->count = 0;
  f->path_len = s->wanted != NULL ? s->path->len : 0;
  f->live = s->wanted != NULL && s->value_live;
  if (kind == '{' && s->keys[s->depth] != NULL)
    g_hash_table_remove_all (s->keys[s->depth]);
  s->depth++;
  s->pos++;
  return TRUE;
}

/* A closing bracket at pos that must match the innermost container. */
static gboolean
pop (Scanner *s)
{
  Frame *f = &s->stack[s->depth - 1];
  char close = f->kind == '{' ? '}' : ']';

  if (s->data[s->pos] != close)
    {
      TangentJsonPosition open = position_of (s, f->open);

      TangentJsonPosition here = position_of (s, s->pos);
      g_autofree char *what =
        g_strdup_printf (_("“%c” at line %u, column %u does not close the “%c” at line %u, "
                           "column %u"),
                         s->data[s->pos], here.line, here.column, f->kind, open.line, open.column);

      return fail_with (s, s->pos, TANGENT_JSON_SCAN_ERROR_SYNTAX, what, FALSE);
    }
  s->depth--;
  s->pos++;
  return TRUE;
}

static gboolean
scan_value_start (Scanner *s,
                  State   *state)
{
  guchar c = s->data[s->pos];

  enter_element (s);
  switch (c)
    {
    case '{':
      *state = STATE_KEY_OR_CLOSE;
      return push (s, '{');
    case '[':
      *state = STATE_VALUE_OR_CLOSE;
      return push (s, '[');
    case '"':
      *state = STATE_AFTER_VALUE;
      return scan_string (s, NULL);
    default:
      if (is_word_byte (c))
        {
          *state = STATE_AFTER_VALUE;
          return scan_word (s);
        }
      return fail_unexpected (s, _("expected a value"));
    }
}

static gboolean
scan (Scanner *s)
{
  State state = STATE_VALUE;
  gsize last_comma = 0;

  skip_space (s);
  if (s->pos >= s->length)
    return fail_with (s, s->pos, TANGENT_JSON_SCAN_ERROR_EMPTY, _("the file is empty"), FALSE);

  for (;;)
    {
      guchar c;

      skip_space (s);
      if (s->wanted != NULL && s->n_wanted == 0)
        return TRUE;

      if (s->pos >= s->length)
        {
          Frame *f;
          TangentJsonPosition open, end;
          g_autofree char *what = NULL;

          if (s->depth == 0)
            return TRUE;
          f = &s->stack[s->depth - 1];
          open = position_of (s, f->open);
          end = position_of (s, s->pos);
          what = g_strdup_printf (_("file ends at line %u, column %u, before the “%c” at line %u, "
                                    "column %u is closed"),
                                  end.line, end.column, f->kind, open.line, open.column);
          return fail_with (s, s->pos, TANGENT_JSON_SCAN_ERROR_TRUNCATED, what, FALSE);
        }

      c = s->data[s->pos];
      switch (state)
        {
        case STATE_VALUE_OR_CLOSE:
          if (c == ']')
            {
              if (!pop (s))
                return FALSE;
              state = STATE_AFTER_VALUE;
              break;
            }
          G_GNUC_FALLTHROUGH;
        case STATE_VALUE:
          if ((c == ']' || c == '}') && s->depth > 0 && last_comma > 0)
            return fail_at (s, last_comma, TANGENT_JSON_SCAN_ERROR_SYNTAX,
                            _("a comma before the closing bracket (JSON allows no trailing "
                              "comma)"));
          if (!scan_value_start (s, &state))
            return FALSE;
          last_comma = 0;
          break;

        case STATE_KEY_OR_CLOSE:
          if (c == '}')
            {
              if (!pop (s))
                return FALSE;
              state = STATE_AFTER_VALUE;
              break;
            }
          G_GNUC_FALLTHROUGH;
        case STATE_KEY:
          if (c == '}' && last_comma > 0)
            return fail_at (s, last_comma, TANGENT_JSON_SCAN_ERROR_SYNTAX,
                            _("a comma before the closing bracket (JSON allows no trailing "
                              "comma)"));
          if (c != '"')
            return fail_unexpected (s, _("expected a key in double quotes"));
          {
            gsize key_offset = s->pos;

            if (!scan_string (s, s->key))
              return FALSE;
            /* Locating paths, the data is known to be valid. */
            if (s->wanted == NULL)
              check_duplicate (s, key_offset);
            enter_member (s, key_offset);
          }
          last_comma = 0;
          state = STATE_COLON;
          break;

        case STATE_COLON:
          if (c != ':')
            return fail_unexpected (s, _("expected “:” after the key"));
          s->pos++;
          state = STATE_VALUE;
          break;

        case STATE_AFTER_VALUE:
          if (s->depth == 0)
            return fail_at (s, s->pos, TANGENT_JSON_SCAN_ERROR_SYNTAX,
                            _("more data after the end of the JSON value"));
          if (c == ',')
            {
              last_comma = s->pos;
              s->pos++;
              state = s->stack[s->depth - 1].kind == '{' ? STATE_KEY : STATE_VALUE;
            }
          else if (c == '}' || c == ']')
            {
              if (!pop (s))
                return FALSE;
            }
          else
            return fail_unexpected (s, s->stack[s->depth - 1].kind == '{'
                                       ? _("expected “,” or “}”")
                                       : _("expected “,” or “]”"));
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static void
scanner_init (Scanner    *s,
              const char *data,
              gsize       length)
{
  memset (s, 0, sizeof *s);
  s->data = (const guchar *) data;
  s->length = length;
  s->line = 1;
  s->key = g_string_new (NULL);
}

static void
scanner_clear (Scanner *s)
{
  for (guint i = 0; i < TANGENT_JSON_SCAN_MAX_DEPTH; i++)
    g_clear_pointer (&s->keys[i], g_hash_table_unref);
  g_string_free (s->key, TRUE);
  if (s->path != NULL)
    g_string_free (s->path, TRUE);
  g_clear_error (&s->duplicate);
  g_clear_error (&s->error);
}

/**
 * tangent_json_scan:
 * @data: the bytes (a leading byte-order mark is the caller's to skip)
 * @length: their length
 * @error_position: (out) (optional): where the problem is
 *
 * Checks that @data is one strict JSON value: UTF-8, nesting at most
 * %TANGENT_JSON_SCAN_MAX_DEPTH levels, no duplicate keys, finite numbers,
 * no NUL. The message of @error ends with the line and column, or names
 * the lines of both keys for a duplicate (with a count of further ones).
 *
 * Returns: %TRUE when the data is strict JSON
 */
gboolean
tangent_json_scan (const char          *data,
                   gsize                length,
                   TangentJsonPosition *error_position,
                   GError             **error)
{
  Scanner s;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  scanner_init (&s, data, length);
  ok = scan (&s);

  /* A duplicate key comes before whatever stopped the scan later. */
  if (s.duplicate != NULL)
    {
      if (error_position != NULL)
        *error_position = s.duplicate_position;
      if (s.n_more_duplicates > 0)
        g_set_error (error, TANGENT_JSON_SCAN_ERROR, TANGENT_JSON_SCAN_ERROR_DUPLICATE_KEY,
                     /* TRANSLATORS: %s is the message about the first duplicate key */
                     g_dngettext (GETTEXT_PACKAGE, "%s, and %u more duplicate key",
                                  "%s, and %u more duplicate keys", s.n_more_duplicates),
                     s.duplicate->message, s.n_more_duplicates);
      else
        g_propagate_error (error, g_steal_pointer (&s.duplicate));
      scanner_clear (&s);
      return FALSE;
    }

  if (!ok)
    {
      if (error_position != NULL)
        *error_position = s.error_position;
      g_propagate_error (error, g_steal_pointer (&s.error));
    }

  scanner_clear (&s);
  return ok;
}

/**
 * tangent_json_scan_locate:
 * @data: bytes that tangent_json_scan() accepted
 * @length: their length
 * @wanted: (element-type utf8 TangentJsonPosition): JSON paths such as
 *   "view.xmin" or "formulas[2].color", each mapped to a position whose
 *   line is 0; filled for each path found (an object member's position
 *   is its key's)
 */
void
tangent_json_scan_locate (const char *data,
                          gsize       length,
                          GHashTable *wanted)
{
  GHashTableIter iter;
  gpointer key;
  Scanner s;

  g_return_if_fail (wanted != NULL);

  scanner_init (&s, data, length);
  s.wanted = wanted;
  s.n_wanted = g_hash_table_size (wanted);
  s.path = g_string_new (NULL);

  /* "a.b[2].c" passes through "", "a", "a.b" and "a.b[2]". */
  s.prefixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (s.prefixes, g_strdup (""));
  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *path = key;

      for (gsize i = 1; path[i] != '\0'; i++)
        if (path[i] == '.' || path[i] == '[')
          g_hash_table_add (s.prefixes, g_strndup (path, i));
    }
  s.value_live = TRUE;

  if (s.n_wanted > 0)
    (void) scan (&s);
  g_hash_table_unref (s.prefixes);
  scanner_clear (&s);
}
