/* tangent-lexer.c: tokens of the formula language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-lexer"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tangent-lexer.h"
#include "tangent-parser.h"

#define EXCERPT_MAX 24

void
tangent_lexer_init (TangentLexer *lexer,
                    const char   *text,
                    gsize         len)
{
  g_return_if_fail (lexer != NULL);
  g_return_if_fail (text != NULL || len == 0);

  lexer->text = text;
  lexer->len = len;
  lexer->pos = 0;
}

/* Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
 * Returns (gunichar) -1 for an invalid byte, which then counts as one
 * byte, so that every position of any input has a defined meaning. */
gunichar
tangent_lexer_decode (const char *text,
                      gsize       len,
                      gsize       pos,
                      guint      *n_bytes)
{
  const guchar *s = (const guchar *) text + pos;
  gsize left = len - pos;
  gunichar c;
  guint n, i;
  guchar lo = 0x80, hi = 0xBF;

  *n_bytes = 1;
  if (pos >= len)
    return (gunichar) -1;

  if (s[0] < 0x80)
    return s[0];
  else if (s[0] < 0xC2)
    return (gunichar) -1;
  else if (s[0] < 0xE0)
    n = 2, c = s[0] & 0x1F;
  else if (s[0] < 0xF0)
    {
      n = 3, c = s[0] & 0x0F;
      if (s[0] == 0xE0)
        lo = 0xA0;
      else if (s[0] == 0xED)
        hi = 0x9F;
    }
  else if (s[0] < 0xF5)
    {
      n = 4, c = s[0] & 0x07;
      if (s[0] == 0xF0)
        lo = 0x90;
      else if (s[0] == 0xF4)
        hi = 0x8F;
    }
  else
    return (gunichar) -1;

  if (left < n)
    return (gunichar) -1;

  for (i = 1; i < n; i++)
    {
      if (s[i] < (i == 1 ? lo : 0x80) || s[i] > (i == 1 ? hi : 0xBF))
        return (gunichar) -1;
      c = (c << 6) | (s[i] & 0x3F);
    }

  *n_bytes = n;
  return c;
}

/* Columns count characters from 1, as an editor shows them; an invalid
 * byte counts as one character. */
guint
tangent_lexer_column (const char *text,
                      gsize       len,
                      gsize       offset)
{
  gsize pos = 0;
  guint column = 1;

  while (pos < offset && pos < len)
    {
      guint n;

      tangent_lexer_decode (text, len, pos, &n);
      pos += n;
      column++;
    }

  return column;
}

/* Characters of the language outside ASCII: safe to show as they are. */
static gboolean
is_shown_raw (gunichar c)
{
  return (c >= 0x03B1 && c <= 0x03C9)                   /* Greek */
         || c == 0x00B2 || c == 0x00B3 || c == 0x00B9   /* superscripts */
         || (c >= 0x2070 && c <= 0x2079) || c == 0x207B
         || c == 0x221A || c == 0x2212 || c == 0x2013 || c == 0x2014 || c == 0x2012
         || c == 0x00D7 || c == 0x00B7 || c == 0x22C5 || c == 0x2219
         || c == 0x00F7 || c == 0x2215;
}

/* A short, safe quotation of the input for a message: printable ASCII
 * other than the markup characters < > &, and the language's own symbols
 * as they are; anything else as U+XXXX or \xNN; at most about EXCERPT_MAX
 * characters of output. */
char *
tangent_lexer_dup_excerpt (const char *text,
                           gsize       len,
                           gsize       start,
                           gsize       end)
{
  GString *out = g_string_new (NULL);
  gsize pos = start;
  guint count = 0;

  end = MIN (end, len);
  while (pos < end)
    {
      guint n;
      gunichar c = tangent_lexer_decode (text, len, pos, &n);

      if (count >= EXCERPT_MAX)
        {
          g_string_append (out, "…");
          break;
        }

      if (c == (gunichar) -1)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) text[pos]);
          count += 4;
        }
      else if (c >= 0x20 && c < 0x7F && c != '<' && c != '>' && c != '&')
        {
          g_string_append_c (out, (char) c);
          count++;
        }
      else if (is_shown_raw (c))
        {
          g_string_append_len (out, text + pos, n);
          count++;
        }
      else
        {
          g_string_append_printf (out, "U+%04X", c);
          count += c > 0xFFFF ? 7 : 6;
        }

      pos += n;
    }

  return g_string_free (out, FALSE);
}

/* Reports an error with the span [start, end) in the token, as the parser
 * expects, and in @error. */
static gboolean
fail (TangentLexer *lexer,
      TangentToken *token,
      GError      **error,
      gsize         start,
      gsize         end,
      int           code,
      const char   *format,
      ...) G_GNUC_PRINTF (7, 8);

static gboolean
fail (TangentLexer *lexer,
      TangentToken *token,
      GError      **error,
      gsize         start,
      gsize         end,
      int           code,
      const char   *format,
      ...)
{
  va_list args;

  start = MIN (start, lexer->len);
  end = CLAMP (end, start, lexer->len);
  token->kind = TANGENT_TOKEN_END;
  token->start = (guint) start;
  token->end = (guint) end;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (TANGENT_PARSE_ERROR, code, format, args));
  va_end (args);

  return FALSE;
}

static guint
column (TangentLexer *lexer,
        gsize         offset)
{
  return tangent_lexer_column (lexer->text, lexer->len, offset);
}

static int
superscript_digit (gunichar c)
{
  switch (c)
    {
    case 0x2070: return 0;
    case 0x00B9: return 1;
    case 0x00B2: return 2;
    case 0x00B3: return 3;
    default:
      if (c >= 0x2074 && c <= 0x2079)
        return (int) (c - 0x2070);
      return -1;
    }
}

static gboolean
is_digit_at (TangentLexer *lexer,
             gsize         pos)
{
  return pos < lexer->len && g_ascii_isdigit (lexer->text[pos]);
}

/* Converts digits the lexer has already validated. g_ascii_strtod alone
 * would accept "inf", "nan" and hex floats, and strtod depends on the
 * locale; here it only ever sees [digits][.digits][e[+-]digits]. */
static gboolean
convert_number (TangentLexer *lexer,
                TangentToken *token,
                GError      **error,
                const char   *digits,
                gsize         n_digits,
                gsize         start,
                gsize         end,
                gboolean      nonzero)
{
  g_autofree char *copy = g_strndup (digits, n_digits);
  char *endptr = NULL;
  double value = g_ascii_strtod (copy, &endptr);

  if (endptr != copy + n_digits)
    {
      g_autofree char *excerpt = tangent_lexer_dup_excerpt (lexer->text, lexer->len, start, end);

      return fail (lexer, token, error, start, end, TANGENT_PARSE_ERROR_BAD_NUMBER,
                   _("The number “%s” at column %u cannot be read"),
                   excerpt, column (lexer, start));
    }

  if (isinf (value))
    {
      g_autofree char *excerpt = tangent_lexer_dup_excerpt (lexer->text, lexer->len, start, end);

      return fail (lexer, token, error, start, end, TANGENT_PARSE_ERROR_BAD_NUMBER,
                   _("The number “%s” at column %u is too large"),
                   excerpt, column (lexer, start));
    }

  if (value == 0 && nonzero)
    {
      g_autofree char *excerpt = tangent_lexer_dup_excerpt (lexer->text, lexer->len, start, end);

      return fail (lexer, token, error, start, end, TANGENT_PARSE_ERROR_BAD_NUMBER,
                   _("The number “%s” at column %u is too small: it would be 0"),
                   excerpt, column (lexer, start));
    }

  token->number = value;
  return TRUE;
}

/* number := digits ["." digits*] [exponent] | "." digits [exponent]
 * exponent := ("e" | "E") ["+" | "-"] digits
 * An "e" without a digit after the optional sign is not part of the
 * number: 2e is 2*e and 2e-x is 2*e - x. */
static gboolean
scan_number (TangentLexer *lexer,
             TangentToken *token,
             GError      **error)
{
  const char *text = lexer->text;
  gsize start = lexer->pos, pos = start;
  gboolean nonzero = FALSE, has_point = FALSE, has_exponent = FALSE;

  while (is_digit_at (lexer, pos))
    nonzero |= text[pos++] != '0';

  if (pos < lexer->len && text[pos] == '.')
    {
      has_point = TRUE;
      pos++;
      while (is_digit_at (lexer, pos))
        nonzero |= text[pos++] != '0';
    }

  if (pos < lexer->len && (text[pos] == 'e' || text[pos] == 'E'))
    {
      gsize p = pos + 1;

      if (p < lexer->len && (text[p] == '+' || text[p] == '-'))
        p++;
      if (is_digit_at (lexer, p))
        {
          has_exponent = TRUE;
          while (is_digit_at (lexer, p))
            p++;
          pos = p;
        }
    }

  /* What may not follow a number. */
  if (pos < lexer->len && text[pos] == '.')
    return fail (lexer, token, error, pos, pos + 1, TANGENT_PARSE_ERROR_BAD_NUMBER,
                 _("A number cannot have a second decimal point (column %u)"),
                 column (lexer, pos));

  if (pos < lexer->len && text[pos] == '_')
    return fail (lexer, token, error, start, pos + 1, TANGENT_PARSE_ERROR_BAD_NUMBER,
                 _("Write numbers without “_” (column %u): 1000, not 1_000"),
                 column (lexer, pos));

  if (pos - start == 1 && text[start] == '0' && pos + 1 < lexer->len
      && (text[pos] == 'x' || text[pos] == 'X') && g_ascii_isxdigit (text[pos + 1]))
    return fail (lexer, token, error, start, pos + 2, TANGENT_PARSE_ERROR_BAD_NUMBER,
                 _("Hexadecimal numbers are not supported (column %u)"),
                 column (lexer, start));

  token->kind = TANGENT_TOKEN_NUMBER;
  token->start = (guint) start;
  token->end = (guint) pos;
  token->is_integer = !has_point && !has_exponent;
  lexer->pos = pos;

  return convert_number (lexer, token, error, text + start, pos - start, start, pos, nonzero);
}

/* subscript := "_" digits | digits, after a name */
static gboolean
scan_subscript (TangentLexer *lexer,
                TangentToken *token,
                GError      **error)
{
  const char *text = lexer->text;
  gsize pos = lexer->pos;

  token->letters_end = (guint) pos;
  token->sub_start = (guint) pos;
  token->sub_underscore = FALSE;

  if (pos < lexer->len && text[pos] == '_')
    {
      if (!is_digit_at (lexer, pos + 1))
        return fail (lexer, token, error, pos, pos + 1, TANGENT_PARSE_ERROR_SYNTAX,
                     _("“_” at column %u must be followed by a digit, as in k_2"),
                     column (lexer, pos));
      token->sub_underscore = TRUE;
      pos++;
      token->sub_start = (guint) pos;
    }

  while (is_digit_at (lexer, pos))
    pos++;

  token->end = (guint) pos;
  lexer->pos = pos;
  return TRUE;
}

static gboolean
scan_superscript (TangentLexer *lexer,
                  TangentToken *token,
                  GError      **error)
{
  gsize start = lexer->pos, pos = start;
  GString *digits = g_string_new (NULL);
  gboolean nonzero = FALSE, ok;
  guint n;
  gunichar c;

  token->negative = FALSE;
  c = tangent_lexer_decode (lexer->text, lexer->len, pos, &n);
  if (c == 0x207B)
    {
      token->negative = TRUE;
      pos += n;
    }

  for (;;)
    {
      int d;

      c = tangent_lexer_decode (lexer->text, lexer->len, pos, &n);
      d = superscript_digit (c);
      if (d < 0)
        break;
      g_string_append_c (digits, (char) ('0' + d));
      nonzero |= d != 0;
      pos += n;
    }

  if (digits->len == 0)
    {
      g_string_free (digits, TRUE);
      return fail (lexer, token, error, start, pos, TANGENT_PARSE_ERROR_SYNTAX,
                   _("“⁻” at column %u must be followed by superscript digits, as in x⁻¹"),
                   column (lexer, start));
    }

  token->kind = TANGENT_TOKEN_SUPERSCRIPT;
  token->start = (guint) start;
  token->end = (guint) pos;
  token->is_integer = TRUE;
  lexer->pos = pos;
  ok = convert_number (lexer, token, error, digits->str, digits->len, start, pos, nonzero);
  g_string_free (digits, TRUE);
  return ok;
}

/* Characters outside printable ASCII that are not part of the language:
 * the message names them escaped (U+XXXX), never raw, since it reaches
 * GTK labels, Pango markup and terminals. */
static gboolean
fail_character (TangentLexer *lexer,
                TangentToken *token,
                GError      **error,
                gunichar      c,
                guint         n)
{
  gsize pos = lexer->pos;
  guint col = column (lexer, pos);
  int code = TANGENT_PARSE_ERROR_BAD_CHARACTER;

  if (c == (gunichar) -1)
    return fail (lexer, token, error, pos, pos + 1, code,
                 _("Invalid byte 0x%02X at column %u: the text is not valid UTF-8"),
                 (guchar) lexer->text[pos], col);

  if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85)
    return fail (lexer, token, error, pos, pos + n, TANGENT_PARSE_ERROR_MULTIPLE_LINES,
                 _("A formula must be one line: line break U+%04X at column %u"), c, col);

  if (c == 0)
    return fail (lexer, token, error, pos, pos + n, code,
                 _("NUL character (U+0000) at column %u"), col);

  if (c < 0x20 || (c >= 0x7F && c < 0xA0))
    return fail (lexer, token, error, pos, pos + n, code,
                 _("Control character U+%04X at column %u"), c, col);

  if (c == '[' || c == ']' || c == '{' || c == '}')
    return fail (lexer, token, error, pos, pos + n, code,
                 _("Use “(” and “)” for grouping, not “%c” (column %u)"), (char) c, col);

  if (c == '<' || c == '>' || c == 0x2264 || c == 0x2265 || c == 0x2260)
    return fail (lexer, token, error, pos, pos + n, code,
                 _("Inequalities are not supported: U+%04X at column %u"), c, col);

  if (c == '&')
    return fail (lexer, token, error, pos, pos + n, code,
                 _("Unexpected character U+%04X at column %u"), c, col);

  if (c == '!')
    return fail (lexer, token, error, pos, pos + n, code,
                 _("Factorials “!” are not supported (column %u)"), col);

  if (c == '_')
    return fail (lexer, token, error, pos, pos + n, code,
                 _("“_” at column %u must join a name and a digit, as in k_2"), col);

  if (c < 0x7F)
    return fail (lexer, token, error, pos, pos + n, code,
                 _("Unexpected character “%c” at column %u"), (char) c, col);

  if (c == 0x221E)
    return fail (lexer, token, error, pos, pos + n, TANGENT_PARSE_ERROR_BAD_NUMBER,
                 _("Infinity (U+221E) at column %u is not a number you can type"), col);

  if ((c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0x00AD)
    return fail (lexer, token, error, pos, pos + n, code,
                 _("Invisible character U+%04X at column %u: delete it"), c, col);

  if (c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E)
      || (c >= 0x2066 && c <= 0x2069))
    return fail (lexer, token, error, pos, pos + n, code,
                 _("Invisible text direction control U+%04X at column %u: delete it"), c, col);

  if (g_unichar_ismark (c))
    return fail (lexer, token, error, pos, pos + n, code,
                 _("Combining mark U+%04X at column %u: type letters without accents"), c, col);

  if (c >= 0xFF01 && c <= 0xFF5E && g_ascii_isalnum ((char) (c - 0xFEE0)))
    return fail (lexer, token, error, pos, pos + n, code,
                 _("Full-width character U+%04X at column %u: type “%c” instead"),
                 c, col, (char) (c - 0xFEE0));

  if (g_unichar_isspace (c))
    return fail (lexer, token, error, pos, pos + n, code,
                 _("Unusual space U+%04X at column %u: use an ordinary space"), c, col);

  return fail (lexer, token, error, pos, pos + n, code,
               _("Unexpected character U+%04X at column %u"), c, col);
}

static gboolean
single (TangentLexer     *lexer,
        TangentToken     *token,
        TangentTokenKind  kind,
        guint             n)
{
  token->kind = kind;
  token->start = (guint) lexer->pos;
  token->end = (guint) (lexer->pos + n);
  lexer->pos += n;
  return TRUE;
}

/**
 * tangent_lexer_next:
 * @lexer: a lexer
 * @token: (out caller-allocates): the next token; END at the end
 * @error: return location for a #TANGENT_PARSE_ERROR
 *
 * Reads one token. On failure @token->start and @token->end hold the span
 * of the offending bytes, and the lexer does not move.
 *
 * Returns: %TRUE on success
 */
gboolean
tangent_lexer_next (TangentLexer  *lexer,
                    TangentToken  *token,
                    GError       **error)
{
  const char *text;
  gunichar c;
  guint n;

  g_return_val_if_fail (lexer != NULL, FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  text = lexer->text;
  memset (token, 0, sizeof *token);

  /* Blanks: space, TAB and NBSP. */
  for (;;)
    {
      if (lexer->pos < lexer->len && (text[lexer->pos] == ' ' || text[lexer->pos] == '\t'))
        lexer->pos++;
      else if (lexer->pos + 1 < lexer->len && (guchar) text[lexer->pos] == 0xC2
               && (guchar) text[lexer->pos + 1] == 0xA0)
        lexer->pos += 2;
      else
        break;
      token->space_before = TRUE;
    }

  if (lexer->pos >= lexer->len)
    {
      token->kind = TANGENT_TOKEN_END;
      token->start = token->end = (guint) lexer->len;
      return TRUE;
    }

  c = tangent_lexer_decode (text, lexer->len, lexer->pos, &n);

  if ((c < 0x80 && g_ascii_isdigit (c)) || (c == '.' && is_digit_at (lexer, lexer->pos + 1)))
    return scan_number (lexer, token, error);

  if (c < 0x80 && g_ascii_isalpha (c))
    {
      token->kind = TANGENT_TOKEN_WORD;
      token->start = (guint) lexer->pos;
      while (lexer->pos < lexer->len && g_ascii_isalpha (text[lexer->pos]))
        lexer->pos++;
      return scan_subscript (lexer, token, error);
    }

  switch (c)
    {
    case '+': return single (lexer, token, TANGENT_TOKEN_PLUS, n);
    case '-': return single (lexer, token, TANGENT_TOKEN_MINUS, n);
    case '*': return single (lexer, token, TANGENT_TOKEN_TIMES, n);
    case '/': return single (lexer, token, TANGENT_TOKEN_DIVIDE, n);
    case '^': return single (lexer, token, TANGENT_TOKEN_CARET, n);
    case '(': return single (lexer, token, TANGENT_TOKEN_LPAREN, n);
    case ')': return single (lexer, token, TANGENT_TOKEN_RPAREN, n);
    case ',': return single (lexer, token, TANGENT_TOKEN_COMMA, n);
    case '=': return single (lexer, token, TANGENT_TOKEN_EQUALS, n);
    case '|': return single (lexer, token, TANGENT_TOKEN_BAR, n);
    case '\'': return single (lexer, token, TANGENT_TOKEN_PRIME, n);

    case 0x2212: case 0x2012: case 0x2013: case 0x2014:
      return single (lexer, token, TANGENT_TOKEN_MINUS, n);
    case 0x00D7: case 0x00B7: case 0x22C5: case 0x2219:
      return single (lexer, token, TANGENT_TOKEN_TIMES, n);
    case 0x00F7: case 0x2215:
      return single (lexer, token, TANGENT_TOKEN_DIVIDE, n);
    case 0x03C0:
      return single (lexer, token, TANGENT_TOKEN_PI, n);
    case 0x221A:
      return single (lexer, token, TANGENT_TOKEN_SQRT, n);

    case '.':
      return fail (lexer, token, error, lexer->pos, lexer->pos + 1, TANGENT_PARSE_ERROR_BAD_NUMBER,
                   _("A lone “.” at column %u: write 0.5, not ."),
                   column (lexer, lexer->pos));

    default:
      break;
    }

  if (c == 0x207B || superscript_digit (c) >= 0)
    return scan_superscript (lexer, token, error);

  /* Greek small letters, except π (a constant) and the final sigma ς. */
  if (c >= 0x03B1 && c <= 0x03C9 && c != 0x03C2)
    {
      token->kind = TANGENT_TOKEN_GREEK;
      token->start = (guint) lexer->pos;
      lexer->pos += n;
      return scan_subscript (lexer, token, error);
    }

  return fail_character (lexer, token, error, c, n);
}
