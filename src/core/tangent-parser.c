/* tangent-parser.c: formula rows from text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A recursive-descent parser in the manner of Lua's lparser.c: one
 * function per grammar rule, the rule in a comment above it, and a depth
 * counter bounding the recursion (TANGENT_PARSE_MAX_DEPTH). Chains such as
 * a+b+c+… and 2x·y/z… are loops building one n-ary node, so they need no
 * recursion however long they are, and signs are counted in a loop too.
 *
 * The lexer is pulled lazily: the first error in reading order wins, and a
 * row's head (f(x) = …) can be recognised without reading its body.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-parser"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tangent-parser-private.h"

G_DEFINE_QUARK (tangent-parse-error-quark, tangent_parse_error)

/* Rows */

static void
parser_init (Parser                    *p,
             const char                *text,
             gsize                      len,
             const TangentParseContext *ctx)
{
  memset (p, 0, sizeof *p);
  p->text = text;
  p->len = len;
  p->ctx = ctx;
  tangent_lexer_init (&p->lexer, text, len);
  p->queue = g_array_new (FALSE, FALSE, sizeof (Tok));
  p->strings = g_ptr_array_new_with_free_func (g_free);
  p->depth = -1;   /* the top level is not nesting */
  p->tuple_at = G_MAXUINT;
}

static void
parser_clear (Parser *p)
{
  g_array_unref (p->queue);
  g_ptr_array_unref (p->strings);
  g_clear_error (&p->error);
}

/* Drops one trailing newline (LF or CRLF, from a paste) and enforces the
 * length limit before anything is read. */
static gboolean
prepare (const char  *text,
         gsize       *len,
         Parser      *p)
{
  if (*len > 0 && text[*len - 1] == '\n')
    {
      (*len)--;
      if (*len > 0 && text[*len - 1] == '\r')
        (*len)--;
    }

  if (*len > TANGENT_PARSE_MAX_LENGTH)
    {
      p->len = *len;
      _tangent_parser_fail (p, TANGENT_PARSE_ERROR_TOO_LONG, TANGENT_PARSE_MAX_LENGTH,
                            (guint) MIN (*len, G_MAXUINT),
                            _("The formula is too long: at most %d bytes"),
                            TANGENT_PARSE_MAX_LENGTH);
      return FALSE;
    }

  return TRUE;
}

/* The head of a definition: NAME "=" or NAME "(" item ("," item)* ")" "=",
 * each item one token. Returns the number of items, -1 if none of these. */
static int
scan_head (Parser *p)
{
  Tok t0 = _tangent_parser_peek (p, 0), t1;
  guint k = 2;
  int n = 0;

  if (!t0.whole || (t0.kind != TOK_NAME && t0.kind != TOK_VARIABLE
                    && t0.kind != TOK_CONSTANT && t0.kind != TOK_BUILTIN))
    return -2;

  t1 = _tangent_parser_peek (p, 1);
  if (t1.kind == TOK_EQUALS)
    return -1;
  if (t1.kind != TOK_LPAREN)
    return -2;

  if (_tangent_parser_peek (p, 2).kind == TOK_RPAREN)
    return _tangent_parser_peek (p, 3).kind == TOK_EQUALS ? 0 : -2;

  for (;;)
    {
      Tok item = _tangent_parser_peek (p, k), sep = _tangent_parser_peek (p, k + 1);

      if (item.kind != TOK_NAME && item.kind != TOK_VARIABLE && item.kind != TOK_CONSTANT
          && item.kind != TOK_BUILTIN && item.kind != TOK_NUMBER)
        return -2;
      n++;
      if (sep.kind == TOK_RPAREN)
        return _tangent_parser_peek (p, k + 2).kind == TOK_EQUALS ? n : -2;
      if (sep.kind != TOK_COMMA)
        return -2;
      k += 2;
    }
}

/* function-row := NAME "(" formal ("," formal)* ")" "=" (sum | map-body) */
static TangentRow *
parse_function_row (Parser *p)
{
  g_autoptr(TangentRow) row = g_new0 (TangentRow, 1);
  g_autoptr(GPtrArray) formals = g_ptr_array_new_with_free_func (g_free);
  Tok name = _tangent_parser_advance (p);
  TangentNode *body;

  row->kind = TANGENT_ROW_FUNCTION;
  row->name = g_strdup (name.name);
  row->name_start = name.start;
  row->name_end = name.end;

  _tangent_parser_advance (p);   /* ( */
  while (!_tangent_parser_is_kind (p, TOK_RPAREN))
    {
      Tok t = _tangent_parser_advance (p);
      g_autofree char *what = _tangent_parser_describe (p, &t);
      guint col = _tangent_parser_column (p, t.start);

      if (t.kind == TOK_COMMA)
        continue;

      if (t.kind == TOK_CONSTANT || t.kind == TOK_BUILTIN)
        return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_REDEFINE_BUILTIN, t.start, t.end,
                                     _("“%s” at column %u is built in and cannot be the name of an argument"),
                                     what, col);

      if ((t.kind != TOK_NAME && t.kind != TOK_VARIABLE) || !t.whole)
        return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_BAD_DEFINITION, t.start, t.end,
                                     _("The arguments of a function must be names such as x or t, not “%s” (column %u)"),
                                     what, col);

      for (guint i = 0; i < formals->len; i++)
        {
          if (strcmp (formals->pdata[i], t.name) == 0)
            return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_BAD_DEFINITION, t.start, t.end,
                                         _("The argument “%s” appears twice (column %u)"),
                                         what, col);
        }

      if (formals->len == 3)
        return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_BAD_DEFINITION, t.start, t.end,
                                     _("A function has at most 3 arguments (column %u)"), col);

      g_ptr_array_add (formals, g_strdup (t.name));
    }

  if (formals->len == 0)
    {
      g_autofree char *what = _tangent_parser_describe (p, &name);

      return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_BAD_DEFINITION, name.start,
                                   _tangent_parser_peek (p, 0).end,
                                   _("“%s” at column %u needs at least one argument, as in %s(x) = …"),
                                   what, _tangent_parser_column (p, name.start), what);
    }

  _tangent_parser_advance (p);   /* ) */
  _tangent_parser_advance (p);   /* = */

  row->n_formals = formals->len;
  g_ptr_array_add (formals, NULL);
  row->formals = (char **) g_ptr_array_free (g_steal_pointer (&formals), FALSE);

  p->self_name = row->name;
  p->self_arity = row->n_formals;
  p->formals = row->formals;
  p->n_formals = row->n_formals;
  if (_tangent_parser_is_kind (p, TOK_LPAREN))
    p->tuple_at = _tangent_parser_peek (p, 0).start;

  body = _tangent_parser_parse_sum (p);
  if (body == NULL)
    return NULL;
  row->body = body;

  if (!_tangent_parser_expect_end (p, TRUE))
    return NULL;

  if (p->tuple != NULL && p->tuple != body)
    return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_BAD_DEFINITION, p->tuple->start,
                                 p->tuple->end,
                                 _("The components of a map at column %u must be the whole body, as in F(x, y) = (y, x)"),
                                 _tangent_parser_column (p, p->tuple->start));

  return g_steal_pointer (&row);
}

static const TangentNode *
find_variable (const TangentNode *node)
{
  guint n = tangent_node_get_n_children (node);

  if (node->kind == TANGENT_NODE_VARIABLE)
    return node;

  for (guint i = 0; i < n; i++)
    {
      const TangentNode *found = find_variable (tangent_node_get_child (node, i));

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* parameter-row := NAME "=" sum, with no free variable in the sum */
static TangentRow *
parse_parameter_row (Parser *p)
{
  g_autoptr(TangentRow) row = g_new0 (TangentRow, 1);
  Tok name = _tangent_parser_advance (p);
  const TangentNode *variable;

  _tangent_parser_advance (p);   /* = */

  row->kind = TANGENT_ROW_PARAMETER;
  row->name = g_strdup (name.name);
  row->name_start = name.start;
  row->name_end = name.end;

  row->body = _tangent_parser_parse_sum (p);
  if (row->body == NULL || !_tangent_parser_expect_end (p, TRUE))
    return NULL;

  variable = find_variable (row->body);
  if (variable != NULL)
    {
      static const char *names[] = { "x", "y", "z" };
      g_autofree char *what = _tangent_parser_describe (p, &name);

      return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_BAD_DEFINITION, variable->start,
                                   variable->end,
                                   _("The parameter “%s” cannot depend on %s (column %u): for a curve, write y = …"),
                                   what, names[MIN (variable->variable, 2)],
                                   _tangent_parser_column (p, variable->start));
    }

  return g_steal_pointer (&row);
}

/* row := function-row | parameter-row | sum ["=" sum]
 *
 * Defining a builtin, x, y, z, e or pi is an error: pi = 3, sin = 2,
 * e(x) = x, sin(t) = t. sin(x) = y stays an equation, since x and y are
 * what it is about. */
static TangentRow *
parse_row (Parser *p)
{
  g_autoptr(TangentRow) row = NULL;
  Tok t0 = _tangent_parser_peek (p, 0);
  int head;

  if (p->error != NULL)
    return NULL;

  if (t0.kind == TOK_END)
    return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_EMPTY, 0, p->len,
                                 _("The formula is empty"));

  head = scan_head (p);
  if (p->error != NULL)
    return NULL;

  if (head >= -1 && t0.kind == TOK_NAME)
    return head == -1 ? parse_parameter_row (p) : parse_function_row (p);

  if (head >= -1 && t0.kind != TOK_VARIABLE)
    {
      gboolean equation = t0.kind == TOK_BUILTIN && head > 0;

      for (int k = 0; equation && k < head; k++)
        equation = _tangent_parser_peek (p, 2 + 2 * k).kind == TOK_VARIABLE;

      if (!equation)
        {
          g_autofree char *what = _tangent_parser_describe (p, &t0);

          return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_REDEFINE_BUILTIN, t0.start, t0.end,
                                       _("“%s” at column %u is built in and cannot be redefined"),
                                       what, _tangent_parser_column (p, t0.start));
        }
    }
  else if (head >= 0 && t0.kind == TOK_VARIABLE)
    {
      return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_REDEFINE_BUILTIN, t0.start, t0.end,
                                   _("“%s” at column %u is a variable and cannot be redefined: write %s = …"),
                                   t0.name, _tangent_parser_column (p, t0.start), t0.name);
    }

  row = g_new0 (TangentRow, 1);
  row->kind = TANGENT_ROW_EXPRESSION;
  row->body = _tangent_parser_parse_sum (p);
  if (row->body == NULL)
    return NULL;

  if (_tangent_parser_is_kind (p, TOK_EQUALS))
    {
      _tangent_parser_advance (p);
      row->kind = TANGENT_ROW_RELATION;
      row->lhs = g_steal_pointer (&row->body);
      row->rhs = _tangent_parser_parse_sum (p);
      if (row->rhs == NULL)
        return NULL;
    }

  if (!_tangent_parser_expect_end (p, TRUE))
    return NULL;

  return g_steal_pointer (&row);
}

static void
finish (Parser  *p,
        guint   *error_start,
        guint   *error_end,
        GError **error)
{
  if (p->error != NULL)
    {
      if (error_start != NULL)
        *error_start = p->error_start;
      if (error_end != NULL)
        *error_end = p->error_end;
      g_propagate_error (error, g_steal_pointer (&p->error));
    }
  else
    {
      if (error_start != NULL)
        *error_start = 0;
      if (error_end != NULL)
        *error_end = 0;
    }
}

/**
 * tangent_parse_row:
 * @text: the row as bytes, not necessarily NUL-terminated nor UTF-8
 * @len: its length in bytes
 * @ctx: (nullable): what the document knows
 * @error_start: (out) (optional): start of the span to underline on error
 * @error_end: (out) (optional): end of that span, exclusive
 * @error: return location for a #TANGENT_PARSE_ERROR
 *
 * Parses one formula row (LANGUAGE.md). Spans are byte offsets into @text.
 *
 * Returns: (transfer full) (nullable): the row, or %NULL on error
 */
TangentRow *
tangent_parse_row (const char                *text,
                   gsize                      len,
                   const TangentParseContext *ctx,
                   guint                     *error_start,
                   guint                     *error_end,
                   GError                   **error)
{
  Parser p;
  TangentRow *row = NULL;

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";

  parser_init (&p, text, len, ctx);
  if (prepare (text, &len, &p))
    {
      p.len = len;
      p.lexer.len = len;
      row = parse_row (&p);
    }

  if (p.error != NULL)
    g_clear_pointer (&row, tangent_row_free);

  finish (&p, error_start, error_end, error);
  parser_clear (&p);
  return row;
}

/**
 * tangent_parse_expression:
 * @text: the formula as bytes
 * @len: its length in bytes
 * @ctx: (nullable): what the document knows
 * @error_start: (out) (optional): start of the span to underline on error
 * @error_end: (out) (optional): end of that span, exclusive
 * @error: return location for a #TANGENT_PARSE_ERROR
 *
 * Parses an expression with no "=", as the command-line tool takes it.
 *
 * Returns: (transfer full) (nullable): the tree, or %NULL on error
 */
TangentNode *
tangent_parse_expression (const char                *text,
                          gsize                      len,
                          const TangentParseContext *ctx,
                          guint                     *error_start,
                          guint                     *error_end,
                          GError                   **error)
{
  Parser p;
  TangentNode *node = NULL;

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";

  parser_init (&p, text, len, ctx);
  if (prepare (text, &len, &p))
    {
      p.len = len;
      p.lexer.len = len;
      if (_tangent_parser_peek (&p, 0).kind == TOK_END && p.error == NULL)
        _tangent_parser_fail (&p, TANGENT_PARSE_ERROR_EMPTY, 0, len, _("The formula is empty"));
      else
        node = _tangent_parser_parse_sum (&p);
      if (node != NULL)
        _tangent_parser_expect_end (&p, FALSE);
    }

  if (p.error != NULL)
    g_clear_pointer (&node, tangent_node_free);

  finish (&p, error_start, error_end, error);
  parser_clear (&p);
  return node;
}

/**
 * tangent_parse_row_head:
 * @text: the row as bytes
 * @len: its length in bytes
 * @name: (out) (optional) (transfer full): the defined name, or %NULL
 * @arity: (out) (optional): the number of arguments of a function
 *
 * Recognises what a row defines from its first tokens, without parsing
 * the body, so that a document can learn which names are functions before
 * it parses any row. Never fails: a row it cannot read is an EXPRESSION
 * with no name, and parsing it will say why. The kind of a row that is no
 * definition is RELATION when it contains "=".
 *
 * Returns: the kind of the row
 */
TangentRowKind
tangent_parse_row_head (const char  *text,
                        gsize        len,
                        char       **name,
                        guint       *arity)
{
  Parser p;
  TangentRowKind kind = TANGENT_ROW_EXPRESSION;
  char *found = NULL;
  guint n = 0;

  g_return_val_if_fail (text != NULL || len == 0, TANGENT_ROW_EXPRESSION);

  if (text == NULL)
    text = "";

  parser_init (&p, text, len, NULL);
  if (prepare (text, &len, &p))
    {
      Tok t0;
      int head;

      p.len = len;
      p.lexer.len = len;
      t0 = _tangent_parser_peek (&p, 0);
      head = scan_head (&p);

      if (t0.kind == TOK_NAME && head == -1)
        {
          kind = TANGENT_ROW_PARAMETER;
          found = g_strdup (t0.name);
        }
      else if (t0.kind == TOK_NAME && head > 0)
        {
          kind = TANGENT_ROW_FUNCTION;
          found = g_strdup (t0.name);
          n = (guint) head;
        }
      else if (memchr (text, '=', len) != NULL)
        kind = TANGENT_ROW_RELATION;
    }
  parser_clear (&p);

  if (name != NULL)
    *name = found;
  else
    g_free (found);
  if (arity != NULL)
    *arity = n;

  return kind;
}

/**
 * tangent_row_free:
 * @row: (nullable): a row
 */
void
tangent_row_free (TangentRow *row)
{
  if (row == NULL)
    return;

  g_free (row->name);
  g_strfreev (row->formals);
  tangent_node_free (row->body);
  tangent_node_free (row->lhs);
  tangent_node_free (row->rhs);
  g_free (row);
}
