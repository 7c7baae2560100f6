/* tangent-parser-names.c: the tokens the grammar reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lexer's tokens, pulled lazily into a lookahead queue, with each run
 * of letters split into builtins, Greek names, pi and one-letter names
 * with their subscripts, and the lookups of names in the function being
 * defined and in the document's context.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-parser"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tangent-parser-private.h"

static const struct {
  const char     *name;
  TangentBuiltin  fn;
} builtin_names[] = {
#define TANGENT_BUILTIN(id, name, arity) { name, TANGENT_BUILTIN_##id },
#include "tangent-builtins.def"
#undef TANGENT_BUILTIN
  { "log",    TANGENT_BUILTIN_LN },
  { "arcsin", TANGENT_BUILTIN_ASIN },
  { "arccos", TANGENT_BUILTIN_ACOS },
  { "arctan", TANGENT_BUILTIN_ATAN },
};

/* π is not here: pi is a constant. */
static const struct {
  const char *name;
  const char *letter;
} greek_names[] = {
  { "alpha", "α" }, { "beta", "β" }, { "gamma", "γ" }, { "delta", "δ" },
  { "epsilon", "ε" }, { "zeta", "ζ" }, { "eta", "η" }, { "theta", "θ" },
  { "iota", "ι" }, { "kappa", "κ" }, { "lambda", "λ" }, { "mu", "μ" },
  { "nu", "ν" }, { "xi", "ξ" }, { "omicron", "ο" }, { "rho", "ρ" },
  { "sigma", "σ" }, { "tau", "τ" }, { "upsilon", "υ" }, { "phi", "φ" },
  { "chi", "χ" }, { "psi", "ψ" }, { "omega", "ω" },
};

/* Names */

static const char *
intern (Parser  *p,
        GString *s)
{
  char *str = g_string_free (s, FALSE);

  g_ptr_array_add (p->strings, str);
  return str;
}

int
_tangent_parser_formal_index (Parser     *p,
                              const char *name)
{
  for (guint i = 0; i < p->n_formals; i++)
    {
      if (strcmp (p->formals[i], name) == 0)
        return (int) i;
    }
  return -1;
}

gboolean
_tangent_parser_lookup_function (Parser     *p,
                                 const char *name,
                                 guint      *arity)
{
  guint a = 0;

  if (_tangent_parser_formal_index (p, name) >= 0)
    return FALSE;

  if (p->self_name != NULL && strcmp (p->self_name, name) == 0)
    {
      *arity = p->self_arity;
      return TRUE;
    }

  if (p->ctx != NULL && p->ctx->lookup_function != NULL
      && p->ctx->lookup_function (name, &a, p->ctx->user_data))
    {
      *arity = a;
      return TRUE;
    }

  return FALSE;
}

/* May a one-letter name be part of a run of letters such as "ab"? */
static gboolean
is_known_name (Parser     *p,
               const char *name)
{
  guint arity;

  if (_tangent_parser_formal_index (p, name) >= 0
      || _tangent_parser_lookup_function (p, name, &arity))
    return TRUE;

  return p->ctx != NULL && p->ctx->lookup_parameter != NULL
         && p->ctx->lookup_parameter (name, p->ctx->user_data);
}

/* Splitting words */

typedef enum
{
  PIECE_LETTER,
  PIECE_GREEK,
  PIECE_PI,
  PIECE_BUILTIN,
} PieceKind;

typedef struct
{
  PieceKind kind;
  guint     offset;   /* into the word */
  guint     length;
  int       id;       /* BUILTIN: TangentBuiltin; GREEK: index into greek_names */
} Piece;

static void
push (Parser    *p,
      const Tok *t)
{
  g_array_append_val (p->queue, *t);
}

static char *
lowercase_known (const char *word,
                 gsize       len)
{
  g_autofree char *lower = g_ascii_strdown (word, (gssize) len);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_names); i++)
    {
      if (strcmp (lower, builtin_names[i].name) == 0)
        return g_steal_pointer (&lower);
    }
  for (guint i = 0; i < G_N_ELEMENTS (greek_names); i++)
    {
      if (strcmp (lower, greek_names[i].name) == 0)
        return g_steal_pointer (&lower);
    }
  if (strcmp (lower, "pi") == 0)
    return g_steal_pointer (&lower);

  return NULL;
}

static void
fail_unknown_word (Parser             *p,
                   const TangentToken *t)
{
  g_autofree char *word = _tangent_parser_excerpt (p, t->start, t->end);
  g_autofree char *lower = NULL;
  guint n_letters = t->letters_end - t->start;
  const char *letters = p->text + t->start;
  guint col = _tangent_parser_column (p, t->start);
  int code = TANGENT_PARSE_ERROR_UNKNOWN_NAME;
  TangentLexer lexer;
  TangentToken next;
  GError *error = NULL;

  /* si<U+200B>n: the invisible character is the real problem. */
  tangent_lexer_init (&lexer, p->text, p->len);
  lexer.pos = t->end;
  if (!tangent_lexer_next (&lexer, &next, &error))
    {
      /* Only the first error is kept, as _tangent_parser_fail() does. */
      if (p->error == NULL && next.start == t->end
          && g_error_matches (error, TANGENT_PARSE_ERROR, TANGENT_PARSE_ERROR_BAD_CHARACTER))
        {
          p->error = error;
          p->error_start = next.start;
          p->error_end = next.end;
          return;
        }
      g_error_free (error);
    }

  if (t->sub_start == t->end && (lower = lowercase_known (letters, n_letters)) != NULL)
    {
      _tangent_parser_fail (p, code, t->start, t->end,
                            _("Unknown name “%s” at column %u: names are case-sensitive, write %s"),
                            word, col, lower);
    }
  else if (t->sub_start == t->end
           && (g_ascii_strncasecmp (letters, "inf", n_letters) == 0
               || g_ascii_strncasecmp (letters, "infinity", n_letters) == 0
               || g_ascii_strncasecmp (letters, "nan", n_letters) == 0)
           && n_letters >= 3)
    {
      _tangent_parser_fail (p, code, t->start, t->end,
                            _("Unknown name “%s” at column %u: infinity and NaN are not numbers you can type"),
                            word, col);
    }
  else if (t->sub_start == t->end && n_letters == 2)
    {
      _tangent_parser_fail (p, code, t->start, t->end,
                            _("Unknown name “%s” at column %u: for a product, write %c*%c"),
                            word, col, letters[0], letters[1]);
    }
  else
    {
      _tangent_parser_fail (p, code, t->start, t->end,
                            _("Unknown name “%s” at column %u"), word, col);
    }
}

/* A run of letters is split by longest match into builtins, Greek names,
 * pi and single letters (LANGUAGE.md, Implicit multiplication and names):
 * sinx is sin x, pix is pi x, alphax is α x. A digit subscript belongs to
 * the last piece, unless it completes a builtin (log2, log10, atan2).
 * Single letters other than x, y, z and e may only be pieces of a longer
 * run when the document knows them; otherwise the run is one unknown name,
 * which is how "foo", "sinn" and "Sin" are reported. */
static void
expand_word (Parser             *p,
             const TangentToken *t)
{
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  const char *word = p->text + t->start;
  guint n_letters = t->letters_end - t->start;
  guint n_digits = t->end - t->sub_start;
  guint n_all = n_letters + (t->sub_underscore ? 0 : n_digits);
  gboolean has_sub;
  guint i = 0;

  while (i < n_letters)
    {
      Piece best = { PIECE_LETTER, i, 1, 0 };

      for (guint k = 0; k < G_N_ELEMENTS (builtin_names); k++)
        {
          guint l = strlen (builtin_names[k].name);

          /* A name with digits must use up the whole subscript. */
          if (i + l > n_all || (i + l > n_letters && i + l != n_all))
            continue;
          if (l > best.length && memcmp (word + i, builtin_names[k].name, l) == 0)
            best = (Piece) { PIECE_BUILTIN, i, l, (int) builtin_names[k].fn };
        }

      for (guint k = 0; k < G_N_ELEMENTS (greek_names); k++)
        {
          guint l = strlen (greek_names[k].name);

          if (i + l <= n_letters && l > best.length
              && memcmp (word + i, greek_names[k].name, l) == 0)
            best = (Piece) { PIECE_GREEK, i, l, (int) k };
        }

      if (i + 2 <= n_letters && best.length < 2 && memcmp (word + i, "pi", 2) == 0)
        best = (Piece) { PIECE_PI, i, 2, 0 };

      g_array_append_val (pieces, best);
      i += best.length;
    }

  has_sub = n_digits > 0 && i <= n_letters;

  /* The subscript must fit the last piece. */
  if (has_sub)
    {
      const Piece *last = &g_array_index (pieces, Piece, pieces->len - 1);
      char letter = word[last->offset];
      gboolean is_name = (last->kind == PIECE_LETTER && letter != 'x' && letter != 'y'
                          && letter != 'z' && letter != 'e')
                         || last->kind == PIECE_GREEK;

      if (!is_name)
        {
          g_autofree char *what = _tangent_parser_excerpt (p, t->start + last->offset,
                                                           t->start + last->offset + last->length);
          guint col = _tangent_parser_column (p, t->start);

          if (t->sub_underscore)
            _tangent_parser_fail (p, TANGENT_PARSE_ERROR_UNKNOWN_NAME, t->start, t->end,
                                  _("“%s” cannot have a subscript (column %u)"), what, col);
          else if (last->kind == PIECE_BUILTIN)
            _tangent_parser_fail (p, TANGENT_PARSE_ERROR_SYNTAX, t->start, t->end,
                                  _("A number cannot follow “%s” directly (column %u): write %s(2…) or %s 2…"),
                                  what, col, what, what);
          else
            _tangent_parser_fail (p, TANGENT_PARSE_ERROR_SYNTAX, t->start, t->end,
                                  _("A number cannot follow “%s” directly (column %u): write %s^2 for a power or %s*2 for a product"),
                                  what, col, what, what);
          return;
        }
    }

  for (guint k = 0; k < pieces->len; k++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, k);
      gboolean last = k + 1 == pieces->len;
      Tok tok = { 0, };
      GString *name;

      tok.start = t->start + piece->offset;
      tok.end = last ? t->end : tok.start + piece->length;
      tok.whole = pieces->len == 1;

      switch (piece->kind)
        {
        case PIECE_BUILTIN:
          tok.kind = TOK_BUILTIN;
          tok.id = piece->id;
          tok.end = tok.start + piece->length;
          break;

        case PIECE_PI:
          tok.kind = TOK_CONSTANT;
          tok.id = TANGENT_CONSTANT_PI;
          break;

        case PIECE_GREEK:
        case PIECE_LETTER:
        default:
          name = g_string_new (NULL);
          if (piece->kind == PIECE_GREEK)
            g_string_append (name, greek_names[piece->id].letter);
          else
            g_string_append_c (name, word[piece->offset]);

          if (piece->kind == PIECE_LETTER && strchr ("xyz", word[piece->offset]) != NULL)
            {
              tok.kind = TOK_VARIABLE;
              tok.id = word[piece->offset] - 'x';
            }
          else if (piece->kind == PIECE_LETTER && word[piece->offset] == 'e')
            {
              tok.kind = TOK_CONSTANT;
              tok.id = TANGENT_CONSTANT_E;
            }
          else
            {
              tok.kind = TOK_NAME;
              if (last && has_sub)
                {
                  g_string_append_c (name, '_');
                  g_string_append_len (name, p->text + t->sub_start, n_digits);
                }
            }
          tok.name = intern (p, name);

          if (tok.kind == TOK_NAME && pieces->len > 1 && !is_known_name (p, tok.name))
            {
              fail_unknown_word (p, t);
              return;
            }
          break;
        }

      push (p, &tok);
    }
}

/* Reads one lexer token into the queue, or an END token on error. */
static void
pull (Parser *p)
{
  TangentToken t;
  GError *error = NULL;
  Tok tok = { 0, };
  guint before = p->queue->len;

  if (p->lexer_done)
    {
      tok.kind = TOK_END;
      tok.start = tok.end = (guint) p->len;
      if (p->error != NULL)
        tok.start = tok.end = p->error_start;
      push (p, &tok);
      return;
    }

  if (!tangent_lexer_next (&p->lexer, &t, &error))
    {
      if (p->error == NULL)
        {
          p->error = error;
          p->error_start = t.start;
          p->error_end = t.end;
        }
      else
        g_error_free (error);
      p->lexer_done = TRUE;
      pull (p);
      return;
    }

  tok.start = t.start;
  tok.end = t.end;
  tok.number = t.number;
  tok.negative = t.negative;
  tok.is_integer = t.is_integer;
  tok.whole = TRUE;

  switch (t.kind)
    {
    case TANGENT_TOKEN_END:
      tok.kind = TOK_END;
      p->lexer_done = TRUE;
      break;
    case TANGENT_TOKEN_NUMBER: tok.kind = TOK_NUMBER; break;
    case TANGENT_TOKEN_SUPERSCRIPT: tok.kind = TOK_SUPERSCRIPT; break;
    case TANGENT_TOKEN_SQRT: tok.kind = TOK_SQRT; break;
    case TANGENT_TOKEN_PLUS: tok.kind = TOK_PLUS; break;
    case TANGENT_TOKEN_MINUS: tok.kind = TOK_MINUS; break;
    case TANGENT_TOKEN_TIMES: tok.kind = TOK_TIMES; break;
    case TANGENT_TOKEN_DIVIDE: tok.kind = TOK_DIVIDE; break;
    case TANGENT_TOKEN_CARET: tok.kind = TOK_CARET; break;
    case TANGENT_TOKEN_LPAREN: tok.kind = TOK_LPAREN; break;
    case TANGENT_TOKEN_RPAREN: tok.kind = TOK_RPAREN; break;
    case TANGENT_TOKEN_COMMA: tok.kind = TOK_COMMA; break;
    case TANGENT_TOKEN_EQUALS: tok.kind = TOK_EQUALS; break;
    case TANGENT_TOKEN_BAR: tok.kind = TOK_BAR; break;
    case TANGENT_TOKEN_PRIME: tok.kind = TOK_PRIME; break;

    case TANGENT_TOKEN_PI:
      tok.kind = TOK_CONSTANT;
      tok.id = TANGENT_CONSTANT_PI;
      break;

    case TANGENT_TOKEN_GREEK:
      {
        GString *name = g_string_new_len (p->text + t.start, t.letters_end - t.start);

        if (t.sub_start < t.end)
          {
            g_string_append_c (name, '_');
            g_string_append_len (name, p->text + t.sub_start, t.end - t.sub_start);
          }
        tok.kind = TOK_NAME;
        tok.name = intern (p, name);
      }
      break;

    case TANGENT_TOKEN_WORD:
    default:
      expand_word (p, &t);
      if (p->queue->len == before)
        {
          /* The word was an error. */
          p->lexer_done = TRUE;
          pull (p);
        }
      return;
    }

  push (p, &tok);
}

Tok
_tangent_parser_peek (Parser *p,
                      guint   k)
{
  while (p->queue->len - p->queue_head <= k)
    pull (p);

  return g_array_index (p->queue, Tok, p->queue_head + k);
}

Tok
_tangent_parser_advance (Parser *p)
{
  Tok t = _tangent_parser_peek (p, 0);

  if (t.kind != TOK_END)
    {
      p->queue_head++;
      if (p->queue_head == p->queue->len)
        {
          g_array_set_size (p->queue, 0);
          p->queue_head = 0;
        }
    }

  p->prev = t;
  p->has_prev = TRUE;
  return t;
}

gboolean
_tangent_parser_is_kind (Parser  *p,
                         TokKind  kind)
{
  return _tangent_parser_peek (p, 0).kind == kind;
}
