/* tangent-lexer.h: tokens of the formula language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the lexer sees. Runs of ASCII letters are one WORD token: splitting
 * "sinx" into sin and x needs to know the document's names, so it is the
 * parser's job. The Unicode spellings of LANGUAGE.md are normalised here:
 * U+2212 is a MINUS token, × a TIMES token, and so on.
 */
typedef enum
{
  TANGENT_TOKEN_END,          /* end of the text */
  TANGENT_TOKEN_NUMBER,       /* 2.5, .5, 5., 1e-3: number, is_integer */
  TANGENT_TOKEN_WORD,         /* ASCII letters [+ subscript]: sinx, a1, k_2 */
  TANGENT_TOKEN_GREEK,        /* one letter α … ω other than π [+ subscript] */
  TANGENT_TOKEN_PI,           /* π */
  TANGENT_TOKEN_SQRT,         /* √ */
  TANGENT_TOKEN_SUPERSCRIPT,  /* ²³, ⁻¹: number is the magnitude, negative */
  TANGENT_TOKEN_PLUS,         /* + */
  TANGENT_TOKEN_MINUS,        /* - − ‒ – — */
  TANGENT_TOKEN_TIMES,        /* * × · ⋅ ∙ */
  TANGENT_TOKEN_DIVIDE,       /* / ÷ ∕ */
  TANGENT_TOKEN_CARET,        /* ^ */
  TANGENT_TOKEN_LPAREN,       /* ( */
  TANGENT_TOKEN_RPAREN,       /* ) */
  TANGENT_TOKEN_COMMA,        /* , */
  TANGENT_TOKEN_EQUALS,       /* = */
  TANGENT_TOKEN_BAR,          /* | */
  TANGENT_TOKEN_PRIME,        /* ' */
} TangentTokenKind;

typedef struct
{
  TangentTokenKind kind;
  guint            start;         /* byte offsets into the text, end exclusive */
  guint            end;
  gboolean         space_before;  /* blanks between this and the previous token */

  double           number;        /* NUMBER, SUPERSCRIPT */
  gboolean         is_integer;    /* NUMBER written with digits only */
  gboolean         negative;      /* SUPERSCRIPT starting with ⁻ */

  /* WORD and GREEK: the letters are [start, letters_end); a subscript, if
   * any, is the digits [sub_start, end), written after "_" when
   * sub_underscore is set. Without a subscript sub_start == end. */
  guint            letters_end;
  guint            sub_start;
  gboolean         sub_underscore;
} TangentToken;

/* A cursor over one row's text. Plain data: initialise it on the stack with
 * tangent_lexer_init(); it owns nothing. */
typedef struct
{
  const char *text;
  gsize       len;
  gsize       pos;
} TangentLexer;

void     tangent_lexer_init (TangentLexer *lexer,
                             const char   *text,
                             gsize         len);
gboolean tangent_lexer_next (TangentLexer *lexer,
                             TangentToken *token,
                             GError      **error);

/* Helpers shared with the parser for messages. */
guint    tangent_lexer_column      (const char *text,
                                    gsize       len,
                                    gsize       offset);
gunichar tangent_lexer_decode      (const char *text,
                                    gsize       len,
                                    gsize       pos,
                                    guint      *n_bytes);
char    *tangent_lexer_dup_excerpt (const char *text,
                                    gsize       len,
                                    gsize       start,
                                    gsize       end);

G_END_DECLS
