/* tangent-parser.h: formula rows from text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tangent-ast.h"

G_BEGIN_DECLS

/* LANGUAGE.md, Limits: at most 64 KiB per row, and at most this many
 * levels of brackets, calls, |…|, signs, ^ exponents and superscripts. */
#define TANGENT_PARSE_MAX_LENGTH 65536
#define TANGENT_PARSE_MAX_DEPTH  256

/* Derivative orders written with primes: f'' is 2 (LANGUAGE.md, Values). */
#define TANGENT_PARSE_MAX_ORDER  100

#define TANGENT_PARSE_ERROR (tangent_parse_error_quark ())

typedef enum
{
  TANGENT_PARSE_ERROR_SYNTAX,            /* misplaced or missing operator, bracket, … */
  TANGENT_PARSE_ERROR_EMPTY,             /* nothing but blanks */
  TANGENT_PARSE_ERROR_UNKNOWN_NAME,      /* foo, sinn, Sin, x2 */
  TANGENT_PARSE_ERROR_BAD_NUMBER,        /* 1,5  1e999  0x10  1_000  2.5.3 */
  TANGENT_PARSE_ERROR_BAD_CHARACTER,     /* invalid UTF-8, NUL, controls, ２, U+200B, … */
  TANGENT_PARSE_ERROR_MULTIPLE_LINES,    /* a line break other than one trailing one */
  TANGENT_PARSE_ERROR_TOO_DEEP,          /* over TANGENT_PARSE_MAX_DEPTH */
  TANGENT_PARSE_ERROR_TOO_LONG,          /* over TANGENT_PARSE_MAX_LENGTH */
  TANGENT_PARSE_ERROR_ARITY,             /* sin(x, y), atan2(x), f(1, 2) for f(x) */
  TANGENT_PARSE_ERROR_REDEFINE_BUILTIN,  /* pi = 3, sin(t) = t, e = 2, f(e) = e */
  TANGENT_PARSE_ERROR_BAD_DEFINITION,    /* f() = 1, f(x, x) = x, f(x) = y, a = x */
  TANGENT_PARSE_ERROR_INVERSE_NOTATION,  /* sin^-1(x), cos⁻¹ x: use asin, acos */
  TANGENT_PARSE_ERROR_DERIVATIVE,        /* g'(x) for an unknown g, more than 100 primes */
} TangentParseError;

GQuark tangent_parse_error_quark (void);

/* What the document knows while a row is parsed. Both callbacks get the
 * canonical name ("f", "k_2", "λ") and may be NULL.
 *
 * lookup_function: is @name a user function, and with how many arguments?
 *   It decides between f(2x), a call, and a(x+1), a product.
 * lookup_parameter: is @name a parameter (or any other defined one-letter
 *   name)? Only a run of letters with no spaces needs it: "ab" is a*b when
 *   both are known, and an unknown name otherwise, as "foo" and "sinn" are.
 *   A single letter standing alone is always a parameter.
 *
 * Builtins, x, y, z, e and pi need no lookup. The function being defined
 * by the row is known in its own body without a lookup.
 */
typedef struct
{
  gboolean (*lookup_function)  (const char *name,
                                guint      *arity,
                                gpointer    user_data);
  gpointer   user_data;
  gboolean (*lookup_parameter) (const char *name,
                                gpointer    user_data);
} TangentParseContext;

typedef enum
{
  TANGENT_ROW_EXPRESSION,  /* x^2 + 1: body */
  TANGENT_ROW_FUNCTION,    /* f(x) = …, F(x, y) = (u, v): name, formals, body */
  TANGENT_ROW_PARAMETER,   /* a = 2: name, body (no free variables) */
  TANGENT_ROW_RELATION,    /* y = x^2, x^2 + y^2 = 1: lhs, rhs */
} TangentRowKind;

/* One parsed row. For a FUNCTION, the i-th formal argument appears in the
 * body as the VARIABLE node with index i, whatever its name: the body of
 * P(r, t) = r cos t is x*cos(y), and formals holds "r", "t" for printing.
 * A map's body is a TUPLE node of 2 or 3 items.
 */
typedef struct
{
  TangentRowKind  kind;
  char           *name;        /* FUNCTION, PARAMETER: canonical; else NULL */
  guint           name_start;  /* span of the name as written */
  guint           name_end;
  guint           n_formals;   /* FUNCTION: 1 … 3 */
  char          **formals;     /* FUNCTION: canonical names, NULL-terminated; else NULL */
  TangentNode    *body;        /* EXPRESSION, FUNCTION, PARAMETER */
  TangentNode    *lhs;         /* RELATION */
  TangentNode    *rhs;         /* RELATION */
} TangentRow;

TangentRow     *tangent_parse_row        (const char                *text,
                                          gsize                      len,
                                          const TangentParseContext *ctx,
                                          guint                     *error_start,
                                          guint                     *error_end,
                                          GError                   **error);
TangentNode    *tangent_parse_expression (const char                *text,
                                          gsize                      len,
                                          const TangentParseContext *ctx,
                                          guint                     *error_start,
                                          guint                     *error_end,
                                          GError                   **error);
TangentRowKind  tangent_parse_row_head   (const char                *text,
                                          gsize                      len,
                                          char                     **name,
                                          guint                     *arity);
void            tangent_row_free         (TangentRow                *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TangentRow, tangent_row_free)

G_END_DECLS
