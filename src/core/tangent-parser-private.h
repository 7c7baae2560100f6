/* tangent-parser-private.h: what the parts of the parser share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parser is one type, Parser, split by concern:
 *
 *   tangent-parser.c         the public entry points: rows, heads, expressions
 *   tangent-parser-names.c   the token queue; words split into names; lookups
 *   tangent-parser-expr.c    the expression grammar, sum down to primary
 *   tangent-parser-errors.c  messages: the first error, in the words of the place
 */

#pragma once

#include <glib.h>

#include "tangent-lexer.h"
#include "tangent-parser.h"

G_BEGIN_DECLS

/* Tokens as the grammar sees them: words are split into names. */
typedef enum
{
  TOK_END,
  TOK_NUMBER,
  TOK_NAME,         /* a one-letter name: parameter, user function or formal */
  TOK_VARIABLE,     /* x, y, z */
  TOK_CONSTANT,     /* e, pi, π */
  TOK_BUILTIN,      /* sin, log, arcsin, … */
  TOK_SQRT,         /* √ */
  TOK_SUPERSCRIPT,
  TOK_PLUS,
  TOK_MINUS,
  TOK_TIMES,
  TOK_DIVIDE,
  TOK_CARET,
  TOK_LPAREN,
  TOK_RPAREN,
  TOK_COMMA,
  TOK_EQUALS,
  TOK_BAR,
  TOK_PRIME,
} TokKind;

typedef struct
{
  TokKind     kind;
  guint       start;
  guint       end;
  double      number;      /* NUMBER, SUPERSCRIPT */
  gboolean    negative;    /* SUPERSCRIPT */
  gboolean    is_integer;  /* NUMBER */
  int         id;          /* BUILTIN, VARIABLE, CONSTANT */
  const char *name;        /* NAME, VARIABLE: canonical, owned by the parser */
  gboolean    whole;       /* NAME …: the whole word as written, not a part of one */
} Tok;

typedef struct
{
  const char                *text;
  gsize                      len;
  TangentLexer               lexer;
  gboolean                   lexer_done;
  const TangentParseContext *ctx;

  GArray                    *queue;      /* Tok, lookahead from queue_head on */
  guint                      queue_head;
  GPtrArray                 *strings;    /* names the tokens point to */
  Tok                        prev;       /* the last token consumed */
  gboolean                   has_prev;

  /* A function row: its name, arity and formal arguments. */
  const char                *self_name;
  guint                      self_arity;
  char                     **formals;
  guint                      n_formals;

  int                        depth;
  gboolean                   in_abs;     /* the innermost bracket is |…| */
  guint                      tuple_at;   /* where a map's (u, v) may open */
  TangentNode               *tuple;

  GError                    *error;
  guint                      error_start;
  guint                      error_end;
} Parser;

/* tangent-parser-errors.c */

guint        _tangent_parser_column             (Parser         *p,
                                                 guint           offset);
char        *_tangent_parser_excerpt            (Parser         *p,
                                                 guint           start,
                                                 guint           end);
gpointer     _tangent_parser_fail               (Parser         *p,
                                                 int             code,
                                                 guint           start,
                                                 guint           end,
                                                 const char     *format,
                                                 ...) G_GNUC_PRINTF (5, 6);
char        *_tangent_parser_describe           (Parser         *p,
                                                 const Tok      *t);
gboolean     _tangent_parser_comma_is_decimal   (Parser         *p,
                                                 const Tok      *comma);
void         _tangent_parser_fail_decimal_comma (Parser         *p,
                                                 guint           start,
                                                 guint           comma,
                                                 guint           end);
TangentNode *_tangent_parser_fail_operand       (Parser         *p);
TangentNode *_tangent_parser_fail_inverse       (Parser         *p,
                                                 TangentBuiltin  fn,
                                                 guint           start,
                                                 guint           end);
gboolean     _tangent_parser_expect_end         (Parser         *p,
                                                 gboolean        equals_allowed);

/* tangent-parser-names.c */

int          _tangent_parser_formal_index       (Parser         *p,
                                                 const char     *name);
gboolean     _tangent_parser_lookup_function    (Parser         *p,
                                                 const char     *name,
                                                 guint          *arity);
Tok          _tangent_parser_peek               (Parser         *p,
                                                 guint           k);
Tok          _tangent_parser_advance            (Parser         *p);
gboolean     _tangent_parser_is_kind            (Parser         *p,
                                                 TokKind         kind);

/* tangent-parser-expr.c */

TangentNode *_tangent_parser_parse_sum          (Parser         *p);

G_END_DECLS
