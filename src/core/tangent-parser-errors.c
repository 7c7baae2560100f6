/* tangent-parser-errors.c: the parser's messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every error goes through _tangent_parser_fail (), which keeps the first
 * one only, and names what it found in the words of the place: a missing
 * operand, a comma that looks decimal, an unmatched bracket, an ambiguous
 * sin^-1, text left over after a row.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-parser"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tangent-parser-private.h"

/* Errors */

guint
_tangent_parser_column (Parser *p,
                        guint   offset)
{
  return tangent_lexer_column (p->text, p->len, offset);
}

char *
_tangent_parser_excerpt (Parser *p,
                         guint   start,
                         guint   end)
{
  return tangent_lexer_dup_excerpt (p->text, p->len, start, end);
}

/* Records the first error only: later ones are consequences. */
gpointer
_tangent_parser_fail (Parser     *p,
                      int         code,
                      guint       start,
                      guint       end,
                      const char *format,
                      ...)
{
  va_list args;

  if (p->error != NULL)
    return NULL;

  va_start (args, format);
  p->error = g_error_new_valist (TANGENT_PARSE_ERROR, code, format, args);
  va_end (args);

  p->error_start = MIN (start, p->len);
  p->error_end = CLAMP (end, p->error_start, p->len);
  return NULL;
}

/* How a token is named in messages: operators by their ASCII spelling,
 * anything else by a safe excerpt of the text. */
char *
_tangent_parser_describe (Parser    *p,
                          const Tok *t)
{
  switch (t->kind)
    {
    case TOK_PLUS: return g_strdup ("+");
    case TOK_MINUS: return g_strdup ("-");
    case TOK_TIMES: return g_strdup ("*");
    case TOK_DIVIDE: return g_strdup ("/");
    case TOK_CARET: return g_strdup ("^");
    case TOK_LPAREN: return g_strdup ("(");
    case TOK_RPAREN: return g_strdup (")");
    case TOK_COMMA: return g_strdup (",");
    case TOK_EQUALS: return g_strdup ("=");
    case TOK_BAR: return g_strdup ("|");
    case TOK_PRIME: return g_strdup ("'");
    case TOK_SQRT: return g_strdup ("√");
    case TOK_END: return g_strdup (_("the end"));
    case TOK_NUMBER:
    case TOK_NAME:
    case TOK_VARIABLE:
    case TOK_CONSTANT:
    case TOK_BUILTIN:
    case TOK_SUPERSCRIPT:
    default:
      return _tangent_parser_excerpt (p, t->start, t->end);
    }
}

/* Operands and commas */

gboolean
_tangent_parser_comma_is_decimal (Parser    *p,
                                  const Tok *comma)
{
  Tok next = _tangent_parser_peek (p, 1);

  return p->has_prev && p->prev.kind == TOK_NUMBER && p->prev.end == comma->start
         && next.kind == TOK_NUMBER && next.start == comma->end;
}

void
_tangent_parser_fail_decimal_comma (Parser *p,
                                    guint   start,
                                    guint   comma,
                                    guint   end)
{
  g_autofree char *written = _tangent_parser_excerpt (p, start, end);
  g_autofree char *fixed = g_strdup (written);

  if (comma - start < strlen (fixed))
    fixed[comma - start] = '.';

  _tangent_parser_fail (p, TANGENT_PARSE_ERROR_BAD_NUMBER, start, end,
                        _("Use “.” as the decimal separator: %s, not %s (column %u)"),
                        fixed, written, _tangent_parser_column (p, comma));
}

static void
fail_comma (Parser    *p,
            const Tok *comma)
{
  if (_tangent_parser_comma_is_decimal (p, comma))
    {
      Tok next = _tangent_parser_peek (p, 1);

      _tangent_parser_fail_decimal_comma (p, p->prev.start, comma->start, next.end);
      return;
    }

  _tangent_parser_fail (p, TANGENT_PARSE_ERROR_SYNTAX, comma->start, comma->end,
                        _("A comma at column %u can only separate the arguments of a function, as in max(a, b)"),
                        _tangent_parser_column (p, comma->start));
}

/* Why the token @t cannot start an operand, in the words of the place. */
TangentNode *
_tangent_parser_fail_operand (Parser *p)
{
  Tok t = _tangent_parser_peek (p, 0);
  g_autofree char *what = _tangent_parser_describe (p, &t);
  g_autofree char *before = p->has_prev ? _tangent_parser_describe (p, &p->prev) : NULL;
  guint col = _tangent_parser_column (p, t.start);
  int code = TANGENT_PARSE_ERROR_SYNTAX;

  if (!p->has_prev && t.kind != TOK_END && t.kind != TOK_EQUALS)
    return _tangent_parser_fail (p, code, t.start, t.end,
                                 _("The formula cannot start with “%s” (column %u)"), what, col);

  switch (t.kind)
    {
    case TOK_END:
      if (!p->has_prev)
        return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_EMPTY, 0, p->len,
                                     _("The formula is empty"));
      if (p->prev.kind == TOK_EQUALS)
        return _tangent_parser_fail (p, code, p->prev.start, p->prev.end,
                                     _("Missing the right side of “=” (column %u)"),
                                     _tangent_parser_column (p, p->prev.start));
      if (p->prev.kind == TOK_CARET)
        return _tangent_parser_fail (p, code, p->prev.start, p->prev.end,
                                     _("Missing the exponent after “^” at column %u"),
                                     _tangent_parser_column (p, p->prev.start));
      if (p->prev.kind == TOK_LPAREN)
        return _tangent_parser_fail (p, code, p->prev.start, p->prev.end,
                                     _("Missing “)”: the “(” at column %u is never closed"),
                                     _tangent_parser_column (p, p->prev.start));
      return _tangent_parser_fail (p, code, p->prev.start, p->prev.end,
                                   _("Missing a term after “%s” at column %u"),
                                   before, _tangent_parser_column (p, p->prev.start));

    case TOK_RPAREN:
      if (p->prev.kind == TOK_LPAREN)
        return _tangent_parser_fail (p, code, p->prev.start, t.end,
                                     _("Empty brackets at column %u"),
                                     _tangent_parser_column (p, p->prev.start));
      if (p->prev.kind == TOK_COMMA)
        return _tangent_parser_fail (p, code, p->prev.start, t.end,
                                     _("Missing an argument after “,” at column %u"),
                                     _tangent_parser_column (p, p->prev.start));
      return _tangent_parser_fail (p, code, p->prev.start, t.end,
                                   _("Missing a term between “%s” and “)” at column %u"),
                                   before, col);

    case TOK_COMMA:
      if (p->prev.kind == TOK_LPAREN || p->prev.kind == TOK_COMMA)
        return _tangent_parser_fail (p, code, t.start, t.end,
                                     _("Missing an argument before “,” at column %u"), col);
      return _tangent_parser_fail (p, code, p->prev.start, t.end,
                                   _("Missing a term between “%s” and “,” at column %u"),
                                   before, col);

    case TOK_EQUALS:
      if (!p->has_prev)
        return _tangent_parser_fail (p, code, t.start, t.end,
                                     _("Missing the left side of “=” (column %u)"), col);
      return _tangent_parser_fail (p, code, p->prev.start, t.end,
                                   _("Missing a term between “%s” and “=” at column %u"),
                                   before, col);

    case TOK_SUPERSCRIPT:
      return _tangent_parser_fail (p, code, t.start, t.end,
                                   _("The superscript at column %u needs a base, as in x²"), col);

    case TOK_PRIME:
      return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_DERIVATIVE, t.start, t.end,
                                   _("A prime ' at column %u must follow the name of a function you defined, as in f'(x)"),
                                   col);

    case TOK_TIMES:
    case TOK_DIVIDE:
    case TOK_CARET:
      return _tangent_parser_fail (p, code, p->prev.start, t.end,
                                   _("Missing a term between “%s” and “%s” at column %u"),
                                   before, what, col);

    default:
      return _tangent_parser_fail (p, code, t.start, t.end,
                                   _("Unexpected “%s” at column %u"), what, col);
    }
}

/* Functions */

TangentNode *
_tangent_parser_fail_inverse (Parser        *p,
                              TangentBuiltin fn,
                              guint          start,
                              guint          end)
{
  const char *name = tangent_builtin_get_name (fn);
  guint col = _tangent_parser_column (p, start);

  if (fn == TANGENT_BUILTIN_SIN || fn == TANGENT_BUILTIN_COS || fn == TANGENT_BUILTIN_TAN)
    return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_INVERSE_NOTATION, start, end,
                                 _("“%s^-1” at column %u is ambiguous: write a%s(x) for the inverse function or 1/%s(x) for the reciprocal"),
                                 name, col, name, name);

  return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_INVERSE_NOTATION, start, end,
                               _("“%s^-1” at column %u is ambiguous: write 1/%s(x) for the reciprocal"),
                               name, col, name);
}

/* Rows */

gboolean
_tangent_parser_expect_end (Parser   *p,
                            gboolean  equals_allowed)
{
  Tok t = _tangent_parser_peek (p, 0);
  g_autofree char *what = NULL;
  guint col = _tangent_parser_column (p, t.start);
  int code = TANGENT_PARSE_ERROR_SYNTAX;

  if (p->error != NULL)
    return FALSE;

  switch (t.kind)
    {
    case TOK_END:
      return TRUE;

    case TOK_RPAREN:
      _tangent_parser_fail (p, code, t.start, t.end, _("Unmatched “)” at column %u"), col);
      break;

    case TOK_COMMA:
      fail_comma (p, &t);
      break;

    case TOK_EQUALS:
      if (equals_allowed)
        _tangent_parser_fail (p, code, t.start, t.end,
                              _("Only one “=” is allowed in a formula (column %u)"), col);
      else
        _tangent_parser_fail (p, code, t.start, t.end,
                              _("“=” at column %u: an expression cannot be an equation"), col);
      break;

    case TOK_PRIME:
      _tangent_parser_fail (p, TANGENT_PARSE_ERROR_DERIVATIVE, t.start, t.end,
                            _("A prime ' at column %u must follow the name of a function you defined, as in f'(x)"),
                            col);
      break;

    case TOK_BAR:
      _tangent_parser_fail (p, code, t.start, t.end, _("Unmatched “|” at column %u"), col);
      break;

    case TOK_NUMBER:
    case TOK_NAME:
    case TOK_VARIABLE:
    case TOK_CONSTANT:
    case TOK_BUILTIN:
    case TOK_SQRT:
    case TOK_SUPERSCRIPT:
    case TOK_PLUS:
    case TOK_MINUS:
    case TOK_TIMES:
    case TOK_DIVIDE:
    case TOK_CARET:
    case TOK_LPAREN:
    default:
      what = _tangent_parser_describe (p, &t);
      _tangent_parser_fail (p, code, t.start, t.end, _("Unexpected “%s” at column %u"), what, col);
      break;
    }

  return FALSE;
}
