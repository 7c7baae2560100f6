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
#include <math.h>
#include <string.h>

#include "tangent-lexer.h"
#include "tangent-parser.h"

G_DEFINE_QUARK (tangent-parse-error-quark, tangent_parse_error)

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

static TangentNode *parse_sum   (Parser *p);
static TangentNode *parse_unary (Parser *p);
static TangentNode *parse_power (Parser *p);

/* Errors */

static guint
column (Parser *p,
        guint   offset)
{
  return tangent_lexer_column (p->text, p->len, offset);
}

static char *
excerpt (Parser *p,
         guint   start,
         guint   end)
{
  return tangent_lexer_dup_excerpt (p->text, p->len, start, end);
}

/* Records the first error only: later ones are consequences. */
static gpointer
fail (Parser     *p,
      int         code,
      guint       start,
      guint       end,
      const char *format,
      ...) G_GNUC_PRINTF (5, 6);

static gpointer
fail (Parser     *p,
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
static char *
describe (Parser    *p,
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
      return excerpt (p, t->start, t->end);
    }
}

/* Names */

static const char *
intern (Parser  *p,
        GString *s)
{
  char *str = g_string_free (s, FALSE);

  g_ptr_array_add (p->strings, str);
  return str;
}

static int
formal_index (Parser     *p,
              const char *name)
{
  for (guint i = 0; i < p->n_formals; i++)
    {
      if (strcmp (p->formals[i], name) == 0)
        return (int) i;
    }
  return -1;
}

static gboolean
lookup_function (Parser     *p,
                 const char *name,
                 guint      *arity)
{
  guint a = 0;

  if (formal_index (p, name) >= 0)
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

  if (formal_index (p, name) >= 0 || lookup_function (p, name, &arity))
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
  g_autofree char *word = excerpt (p, t->start, t->end);
  g_autofree char *lower = NULL;
  guint n_letters = t->letters_end - t->start;
  const char *letters = p->text + t->start;
  guint col = column (p, t->start);
  int code = TANGENT_PARSE_ERROR_UNKNOWN_NAME;
  TangentLexer lexer;
  TangentToken next;
  GError *error = NULL;

  /* si<U+200B>n: the invisible character is the real problem. */
  tangent_lexer_init (&lexer, p->text, p->len);
  lexer.pos = t->end;
  if (!tangent_lexer_next (&lexer, &next, &error))
    {
      if (next.start == t->end && g_error_matches (error, TANGENT_PARSE_ERROR,
                                                   TANGENT_PARSE_ERROR_BAD_CHARACTER))
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
      fail (p, code, t->start, t->end,
            _("Unknown name “%s” at column %u: names are case-sensitive, write %s"),
            word, col, lower);
    }
  else if (t->sub_start == t->end
           && (g_ascii_strncasecmp (letters, "inf", n_letters) == 0
               || g_ascii_strncasecmp (letters, "infinity", n_letters) == 0
               || g_ascii_strncasecmp (letters, "nan", n_letters) == 0)
           && n_letters >= 3)
    {
      fail (p, code, t->start, t->end,
            _("Unknown name “%s” at column %u: infinity and NaN are not numbers you can type"),
            word, col);
    }
  else if (t->sub_start == t->end && n_letters == 2)
    {
      fail (p, code, t->start, t->end,
            _("Unknown name “%s” at column %u: for a product, write %c*%c"),
            word, col, letters[0], letters[1]);
    }
  else
    {
      fail (p, code, t->start, t->end, _("Unknown name “%s” at column %u"), word, col);
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
          g_autofree char *what = excerpt (p, t->start + last->offset,
                                           t->start + last->offset + last->length);
          guint col = column (p, t->start);

          if (t->sub_underscore)
            fail (p, TANGENT_PARSE_ERROR_UNKNOWN_NAME, t->start, t->end,
                  _("“%s” cannot have a subscript (column %u)"), what, col);
          else if (last->kind == PIECE_BUILTIN)
            fail (p, TANGENT_PARSE_ERROR_SYNTAX, t->start, t->end,
                  _("A number cannot follow “%s” directly (column %u): write %s(2…) or %s 2…"),
                  what, col, what, what);
          else
            fail (p, TANGENT_PARSE_ERROR_SYNTAX, t->start, t->end,
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

static Tok
peek (Parser *p,
      guint   k)
{
  while (p->queue->len - p->queue_head <= k)
    pull (p);

  return g_array_index (p->queue, Tok, p->queue_head + k);
}

static Tok
advance (Parser *p)
{
  Tok t = peek (p, 0);

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

static gboolean
is_kind (Parser  *p,
         TokKind  kind)
{
  return peek (p, 0).kind == kind;
}

/* Depth guard, as Lua's luaE_incCstack: every construct that makes the
 * parser recurse (brackets, calls, |…|, signs, exponents, arguments
 * without brackets) passes here. */
static gboolean
enter (Parser *p)
{
  if (++p->depth > TANGENT_PARSE_MAX_DEPTH)
    {
      Tok t = peek (p, 0);

      fail (p, TANGENT_PARSE_ERROR_TOO_DEEP, t.start, t.end,
            _("The formula is nested too deeply at column %u: at most %d levels of brackets, signs and powers"),
            column (p, t.start), TANGENT_PARSE_MAX_DEPTH);
      return FALSE;
    }
  return TRUE;
}

static void
leave (Parser *p)
{
  p->depth--;
}

/* Trees */

static TangentNode *
span (TangentNode *node,
      guint        start,
      guint        end)
{
  return tangent_node_set_span (node, start, end);
}

static void
free_nodes (GPtrArray *nodes)
{
  if (nodes != NULL)
    g_ptr_array_free (nodes, TRUE);
}

static GPtrArray *
new_nodes (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) tangent_node_free);
}

/* Hands the nodes over to a new parent. */
static TangentNode **
steal_nodes (GPtrArray *nodes,
             guint     *n)
{
  *n = nodes->len;
  g_ptr_array_set_free_func (nodes, NULL);
  return (TangentNode **) g_ptr_array_free (nodes, FALSE);
}

static gboolean
is_integer_literal (Parser            *p,
                    const TangentNode *node,
                    gint64            *value)
{
  gint64 sign = 1;

  while (node->kind == TANGENT_NODE_NEG)
    {
      sign = -sign;
      node = node->arg;
    }

  if (node->kind != TANGENT_NODE_NUMBER || node->end <= node->start || node->end > p->len
      || !(node->number <= 9007199254740992.0))
    return FALSE;

  for (guint i = node->start; i < node->end; i++)
    {
      if (!g_ascii_isdigit (p->text[i]))
        return FALSE;
    }

  *value = sign * (gint64) node->number;
  return TRUE;
}

static gint64
gcd64 (gint64 a,
       gint64 b)
{
  a = a < 0 ? -a : a;
  b = b < 0 ? -b : b;
  while (b != 0)
    {
      gint64 r = a % b;
      a = b;
      b = r;
    }
  return a;
}

/* An exponent written as a fraction of integer literals, (2/3), (-1/3),
 * -(1/3), makes a negative base give the real root when the reduced
 * denominator is odd (LANGUAGE.md, Values). */
static TangentNode *
make_pow (Parser      *p,
          TangentNode *base,
          TangentNode *exponent)
{
  const TangentNode *e = exponent;
  gint64 sign = 1, num, den, g;
  guint start = base->start, end = exponent->end;

  while (e->kind == TANGENT_NODE_NEG)
    {
      sign = -sign;
      e = e->arg;
    }

  if (e->kind == TANGENT_NODE_PRODUCT && e->product.n == 2 && e->product.divide[1]
      && is_integer_literal (p, e->product.factors[0], &num)
      && is_integer_literal (p, e->product.factors[1], &den)
      && den != 0)
    {
      num *= sign;
      if (den < 0)
        {
          num = -num;
          den = -den;
        }
      g = gcd64 (num, den);
      num /= g;
      den /= g;
      if (den % 2 == 1)
        return span (tangent_node_new_odd_root_pow (base, exponent, num, den), start, end);
    }

  return span (tangent_node_new_pow (base, exponent), start, end);
}

/* Grammar */

static gboolean
is_function_start (Parser    *p,
                   const Tok *t)
{
  guint arity;

  return t->kind == TOK_BUILTIN || t->kind == TOK_SQRT
         || (t->kind == TOK_NAME && lookup_function (p, t->name, &arity));
}

/* Implicit multiplication: the right operand starts with a letter, a
 * constant, a function name, "(", "√" or an opening "|". */
static gboolean
is_implicit_start (Parser    *p,
                   const Tok *t)
{
  switch (t->kind)
    {
    case TOK_NAME:
    case TOK_VARIABLE:
    case TOK_CONSTANT:
    case TOK_BUILTIN:
    case TOK_SQRT:
    case TOK_LPAREN:
      return TRUE;
    case TOK_BAR:
      return !p->in_abs;
    default:
      return FALSE;
    }
}

static gboolean
comma_is_decimal (Parser    *p,
                  const Tok *comma)
{
  Tok next = peek (p, 1);

  return p->has_prev && p->prev.kind == TOK_NUMBER && p->prev.end == comma->start
         && next.kind == TOK_NUMBER && next.start == comma->end;
}

static void
fail_decimal_comma (Parser *p,
                    guint   start,
                    guint   comma,
                    guint   end)
{
  g_autofree char *written = excerpt (p, start, end);
  g_autofree char *fixed = g_strdup (written);

  if (comma - start < strlen (fixed))
    fixed[comma - start] = '.';

  fail (p, TANGENT_PARSE_ERROR_BAD_NUMBER, start, end,
        _("Use “.” as the decimal separator: %s, not %s (column %u)"),
        fixed, written, column (p, comma));
}

static void
fail_comma (Parser    *p,
            const Tok *comma)
{
  if (comma_is_decimal (p, comma))
    {
      Tok next = peek (p, 1);

      fail_decimal_comma (p, p->prev.start, comma->start, next.end);
      return;
    }

  fail (p, TANGENT_PARSE_ERROR_SYNTAX, comma->start, comma->end,
        _("A comma at column %u can only separate the arguments of a function, as in max(a, b)"),
        column (p, comma->start));
}

/* Why the token @t cannot start an operand, in the words of the place. */
static TangentNode *
fail_operand (Parser *p)
{
  Tok t = peek (p, 0);
  g_autofree char *what = describe (p, &t);
  g_autofree char *before = p->has_prev ? describe (p, &p->prev) : NULL;
  guint col = column (p, t.start);
  int code = TANGENT_PARSE_ERROR_SYNTAX;

  if (!p->has_prev && t.kind != TOK_END && t.kind != TOK_EQUALS)
    return fail (p, code, t.start, t.end,
                 _("The formula cannot start with “%s” (column %u)"), what, col);

  switch (t.kind)
    {
    case TOK_END:
      if (!p->has_prev)
        return fail (p, TANGENT_PARSE_ERROR_EMPTY, 0, p->len, _("The formula is empty"));
      if (p->prev.kind == TOK_EQUALS)
        return fail (p, code, p->prev.start, p->prev.end,
                     _("Missing the right side of “=” (column %u)"),
                     column (p, p->prev.start));
      if (p->prev.kind == TOK_CARET)
        return fail (p, code, p->prev.start, p->prev.end,
                     _("Missing the exponent after “^” at column %u"),
                     column (p, p->prev.start));
      if (p->prev.kind == TOK_LPAREN)
        return fail (p, code, p->prev.start, p->prev.end,
                     _("Missing “)”: the “(” at column %u is never closed"),
                     column (p, p->prev.start));
      return fail (p, code, p->prev.start, p->prev.end,
                   _("Missing a term after “%s” at column %u"),
                   before, column (p, p->prev.start));

    case TOK_RPAREN:
      if (p->prev.kind == TOK_LPAREN)
        return fail (p, code, p->prev.start, t.end,
                     _("Empty brackets at column %u"), column (p, p->prev.start));
      if (p->prev.kind == TOK_COMMA)
        return fail (p, code, p->prev.start, t.end,
                     _("Missing an argument after “,” at column %u"),
                     column (p, p->prev.start));
      return fail (p, code, p->prev.start, t.end,
                   _("Missing a term between “%s” and “)” at column %u"), before, col);

    case TOK_COMMA:
      if (p->prev.kind == TOK_LPAREN || p->prev.kind == TOK_COMMA)
        return fail (p, code, t.start, t.end,
                     _("Missing an argument before “,” at column %u"), col);
      return fail (p, code, p->prev.start, t.end,
                   _("Missing a term between “%s” and “,” at column %u"), before, col);

    case TOK_EQUALS:
      if (!p->has_prev)
        return fail (p, code, t.start, t.end,
                     _("Missing the left side of “=” (column %u)"), col);
      return fail (p, code, p->prev.start, t.end,
                   _("Missing a term between “%s” and “=” at column %u"), before, col);

    case TOK_SUPERSCRIPT:
      return fail (p, code, t.start, t.end,
                   _("The superscript at column %u needs a base, as in x²"), col);

    case TOK_PRIME:
      return fail (p, TANGENT_PARSE_ERROR_DERIVATIVE, t.start, t.end,
                   _("A prime ' at column %u must follow the name of a function you defined, as in f'(x)"),
                   col);

    case TOK_TIMES:
    case TOK_DIVIDE:
    case TOK_CARET:
      return fail (p, code, p->prev.start, t.end,
                   _("Missing a term between “%s” and “%s” at column %u"), before, what, col);

    default:
      return fail (p, code, t.start, t.end, _("Unexpected “%s” at column %u"), what, col);
    }
}

/* list := "(" sum ("," sum)* ")"
 * The items of a group, a call or a map; an empty list is allowed here
 * and reported by the caller, which knows what it expected. */
static GPtrArray *
parse_list (Parser *p,
            Tok    *open,
            Tok    *close,
            Tok    *decimal_comma)
{
  GPtrArray *items = new_nodes ();
  gboolean saved_in_abs = p->in_abs;

  *open = advance (p);
  decimal_comma->kind = TOK_END;
  p->in_abs = FALSE;

  if (is_kind (p, TOK_RPAREN))
    {
      *close = advance (p);
      p->in_abs = saved_in_abs;
      return items;
    }

  for (;;)
    {
      TangentNode *item = parse_sum (p);
      Tok t;

      if (item == NULL)
        {
          free_nodes (items);
          return NULL;
        }
      g_ptr_array_add (items, item);

      t = peek (p, 0);
      if (t.kind != TOK_COMMA)
        break;

      if (decimal_comma->kind == TOK_END && comma_is_decimal (p, &t))
        {
          *decimal_comma = t;
          decimal_comma->start = p->prev.start;
          decimal_comma->number = t.start;
          decimal_comma->end = peek (p, 1).end;
        }
      advance (p);
    }

  if (!is_kind (p, TOK_RPAREN))
    {
      Tok t = peek (p, 0);

      if (t.kind == TOK_END)
        fail (p, TANGENT_PARSE_ERROR_SYNTAX, open->start, open->end,
              _("Missing “)”: the “(” at column %u is never closed"), column (p, open->start));
      else
        {
          g_autofree char *what = describe (p, &t);

          fail (p, TANGENT_PARSE_ERROR_SYNTAX, t.start, t.end,
                _("Unexpected “%s” at column %u: expected “)” to close the “(” at column %u"),
                what, column (p, t.start), column (p, open->start));
        }
      free_nodes (items);
      return NULL;
    }

  *close = advance (p);
  p->in_abs = saved_in_abs;
  return items;
}

/* group := "(" sum ")" | "(" sum "," sum ["," sum] ")" as a map's body */
static TangentNode *
parse_group (Parser *p)
{
  Tok open, close, decimal_comma;
  gboolean after_name = p->has_prev && p->prev.kind == TOK_NAME;
  Tok name = p->prev;
  GPtrArray *items;
  TangentNode **nodes;
  TangentNode *node;
  guint n;

  items = parse_list (p, &open, &close, &decimal_comma);
  if (items == NULL)
    return NULL;

  if (items->len == 0)
    {
      free_nodes (items);
      return fail (p, TANGENT_PARSE_ERROR_SYNTAX, open.start, close.end,
                   _("Empty brackets at column %u"), column (p, open.start));
    }

  if (items->len == 1)
    {
      node = g_ptr_array_steal_index (items, 0);
      free_nodes (items);
      return node;
    }

  if (decimal_comma.kind != TOK_END)
    {
      free_nodes (items);
      fail_decimal_comma (p, decimal_comma.start, (guint) decimal_comma.number,
                          decimal_comma.end);
      return NULL;
    }

  if (open.start != p->tuple_at)
    {
      free_nodes (items);
      if (after_name && name.end <= open.start)
        {
          g_autofree char *what = describe (p, &name);

          return fail (p, TANGENT_PARSE_ERROR_UNKNOWN_NAME, name.start, name.end,
                       _("“%s” at column %u is not a function defined in this document"),
                       what, column (p, name.start));
        }
      return fail (p, TANGENT_PARSE_ERROR_SYNTAX, open.start, close.end,
                   _("A list in brackets at column %u is only allowed as the body of a map, as in F(x, y) = (y, x)"),
                   column (p, open.start));
    }

  if (items->len > 3)
    {
      n = items->len;
      free_nodes (items);
      return fail (p, TANGENT_PARSE_ERROR_BAD_DEFINITION, open.start, close.end,
                   _("A map has 2 or 3 components, not %u (column %u)"), n,
                   column (p, open.start));
    }

  nodes = steal_nodes (items, &n);
  node = span (tangent_node_new_tuple (n, nodes), open.start, close.end);
  g_free (nodes);
  p->tuple = node;
  return node;
}

/* abs := "|" sum "|" */
static TangentNode *
parse_abs (Parser *p)
{
  Tok open = advance (p), close;
  gboolean saved_in_abs = p->in_abs;
  TangentNode *inner;

  p->in_abs = TRUE;
  inner = parse_sum (p);
  if (inner == NULL)
    return NULL;

  if (!is_kind (p, TOK_BAR))
    {
      tangent_node_free (inner);
      return fail (p, TANGENT_PARSE_ERROR_SYNTAX, open.start, open.end,
                   _("Missing the closing “|” for the “|” at column %u"), column (p, open.start));
    }

  close = advance (p);
  p->in_abs = saved_in_abs;
  return span (tangent_node_new_call1 (TANGENT_BUILTIN_ABS, inner), open.start, close.end);
}

/* Continues a product after its first factor.
 *
 * product-rest := (("*" | "/") unary | implicit)*
 *
 * A number as an implicit operand is an error: x 2, (x+1)2, 2 3. As the
 * argument of a function written without brackets, the product stops
 * before the next function name: sin x cos x is sin(x)*cos(x). */
static TangentNode *
parse_product_rest (Parser      *p,
                    TangentNode *first,
                    gboolean     is_argument)
{
  GPtrArray *factors = NULL;
  g_autoptr(GArray) divide = NULL;
  TangentNode **nodes;
  TangentNode *node;
  guint n;

  for (;;)
    {
      Tok t = peek (p, 0);
      TangentNode *factor;
      gboolean div = FALSE;

      if (t.kind == TOK_TIMES || t.kind == TOK_DIVIDE)
        {
          Tok u = peek (p, 1);

          if (t.kind == TOK_TIMES && u.kind == TOK_TIMES)
            {
              fail (p, TANGENT_PARSE_ERROR_SYNTAX, t.start, u.end,
                    _("Use “^” for powers, not “**” (column %u)"), column (p, t.start));
              goto error;
            }
          if (is_argument && is_function_start (p, &u))
            break;

          advance (p);
          div = t.kind == TOK_DIVIDE;
          factor = parse_unary (p);
        }
      else if (is_implicit_start (p, &t))
        {
          if (is_argument && is_function_start (p, &t))
            break;
          factor = parse_power (p);
        }
      else if (t.kind == TOK_NUMBER)
        {
          g_autofree char *what = describe (p, &t);

          fail (p, TANGENT_PARSE_ERROR_SYNTAX, t.start, t.end,
                _("Missing an operator before the number “%s” at column %u: write * for a product"),
                what, column (p, t.start));
          goto error;
        }
      else
        break;

      if (factor == NULL)
        goto error;

      if (factors == NULL)
        {
          factors = new_nodes ();
          divide = g_array_new (FALSE, TRUE, sizeof (gboolean));
          g_ptr_array_add (factors, first);
          g_array_set_size (divide, 1);
          first = NULL;
        }
      g_ptr_array_add (factors, factor);
      g_array_append_val (divide, div);
    }

  if (factors == NULL)
    return first;

  nodes = steal_nodes (factors, &n);
  node = tangent_node_new_product (n, nodes, (const gboolean *) divide->data);
  span (node, nodes[0]->start, nodes[n - 1]->end);
  g_free (nodes);
  return node;

error:
  tangent_node_free (first);
  free_nodes (factors);
  return NULL;
}

/* argument := ("+" | "-")* power product-rest, a product that stops at
 * + - , ) = | and before the next function name (LANGUAGE.md, Functions
 * without parentheses): sin 2x is sin(2x), sin x^2 is sin(x^2). */
static TangentNode *
parse_argument (Parser    *p,
                const Tok *fn)
{
  Tok t = peek (p, 0);
  TangentNode *first, *node;

  if (!(is_implicit_start (p, &t) || t.kind == TOK_NUMBER || t.kind == TOK_PLUS
        || t.kind == TOK_MINUS))
    {
      g_autofree char *what = describe (p, fn);

      return fail (p, TANGENT_PARSE_ERROR_SYNTAX, fn->start, fn->end,
                   _("“%s” at column %u needs an argument, as in %s(x)"),
                   what, column (p, fn->start), fn->kind == TOK_SQRT ? "sqrt" : what);
    }

  if (!enter (p))
    return NULL;

  first = parse_unary (p);
  node = first != NULL ? parse_product_rest (p, first, TRUE) : NULL;
  leave (p);
  return node;
}

static TangentNode *
fail_inverse (Parser        *p,
              TangentBuiltin fn,
              guint          start,
              guint          end)
{
  const char *name = tangent_builtin_get_name (fn);
  guint col = column (p, start);

  if (fn == TANGENT_BUILTIN_SIN || fn == TANGENT_BUILTIN_COS || fn == TANGENT_BUILTIN_TAN)
    return fail (p, TANGENT_PARSE_ERROR_INVERSE_NOTATION, start, end,
                 _("“%s^-1” at column %u is ambiguous: write a%s(x) for the inverse function or 1/%s(x) for the reciprocal"),
                 name, col, name, name);

  return fail (p, TANGENT_PARSE_ERROR_INVERSE_NOTATION, start, end,
               _("“%s^-1” at column %u is ambiguous: write 1/%s(x) for the reciprocal"),
               name, col, name);
}

/* max(a, b, c) is max(max(a, b), c), balanced so that a long list makes
 * a shallow tree; max(a) is a. */
static TangentNode *
fold_min_max (TangentBuiltin  fn,
              TangentNode   **args,
              guint           n)
{
  TangentNode *pair[2];

  if (n == 1)
    return args[0];

  pair[0] = fold_min_max (fn, args, n / 2);
  pair[1] = fold_min_max (fn, args + n / 2, n - n / 2);
  return span (tangent_node_new_call (fn, 2, pair), pair[0]->start, pair[1]->end);
}

/* application := builtin ["^" integer | superscript] ("(" list ")" | argument)
 *              | "√" ("(" list ")" | argument)
 * sin^2(x) and sin²x are sin(x)^2; sin^-1 and cos⁻¹ are errors. */
static TangentNode *
parse_application (Parser *p)
{
  Tok t = advance (p), power_tok = { 0, };
  TangentBuiltin fn = t.kind == TOK_SQRT ? TANGENT_BUILTIN_SQRT : (TangentBuiltin) t.id;
  g_autofree char *what = describe (p, &t);
  guint arity = tangent_builtin_get_arity (fn);
  gboolean variadic = fn == TANGENT_BUILTIN_MIN || fn == TANGENT_BUILTIN_MAX;
  gboolean has_power = FALSE;
  TangentNode *node;

  if (is_kind (p, TOK_PRIME))
    {
      Tok prime = peek (p, 0);

      return fail (p, TANGENT_PARSE_ERROR_DERIVATIVE, t.start, prime.end,
                   _("Primes are for functions you define (column %u): define f(x) = %s(x), then write f'(x)"),
                   column (p, prime.start), what);
    }

  if (t.kind == TOK_BUILTIN && is_kind (p, TOK_CARET))
    {
      Tok caret = advance (p), e = peek (p, 0);

      if (e.kind == TOK_NUMBER && e.is_integer)
        {
          power_tok = advance (p);
          has_power = TRUE;
        }
      else if (e.kind == TOK_MINUS || (e.kind == TOK_LPAREN && peek (p, 1).kind == TOK_MINUS))
        return fail_inverse (p, fn, t.start, e.end);
      else
        return fail (p, TANGENT_PARSE_ERROR_SYNTAX, caret.start, MAX (caret.end, e.end),
                     _("After “%s^” at column %u write a whole number, as in %s^2(x), or write %s(x)^…"),
                     what, column (p, caret.start), what, what);
    }
  else if (t.kind == TOK_BUILTIN && is_kind (p, TOK_SUPERSCRIPT))
    {
      power_tok = advance (p);
      if (power_tok.negative)
        return fail_inverse (p, fn, t.start, power_tok.end);
      has_power = TRUE;
    }

  if (is_kind (p, TOK_LPAREN))
    {
      Tok open, close, decimal_comma;
      GPtrArray *args = parse_list (p, &open, &close, &decimal_comma);
      TangentNode **nodes;
      guint n;

      if (args == NULL)
        return NULL;

      if (args->len != arity && !(variadic && args->len >= 1))
        {
          n = args->len;
          free_nodes (args);
          if (decimal_comma.kind != TOK_END)
            {
              fail_decimal_comma (p, decimal_comma.start, (guint) decimal_comma.number,
                                  decimal_comma.end);
              return NULL;
            }
          if (variadic)
            return fail (p, TANGENT_PARSE_ERROR_ARITY, t.start, close.end,
                         _("“%s” at column %u needs at least one argument"),
                         what, column (p, t.start));
          return fail (p, TANGENT_PARSE_ERROR_ARITY, t.start, close.end,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "“%s” at column %u takes %u argument, not %u",
                                    "“%s” at column %u takes %u arguments, not %u", arity),
                       what, column (p, t.start), arity, n);
        }

      nodes = steal_nodes (args, &n);
      if (variadic)
        node = fold_min_max (fn, nodes, n);
      else
        node = tangent_node_new_call (fn, n, nodes);
      g_free (nodes);
      span (node, t.start, close.end);
    }
  else
    {
      TangentNode *arg;

      if (arity != 1)
        {
          return fail (p, TANGENT_PARSE_ERROR_ARITY, t.start, t.end,
                       _("“%s” at column %u needs its arguments in brackets, as in %s(a, b)"),
                       what, column (p, t.start), what);
        }

      arg = parse_argument (p, &t);
      if (arg == NULL)
        return NULL;
      node = span (tangent_node_new_call1 (fn, arg), t.start, arg->end);
    }

  if (has_power)
    {
      TangentNode *exponent = tangent_node_new_number (power_tok.number);

      span (exponent, power_tok.start, power_tok.end);
      node = span (tangent_node_new_pow (node, exponent), t.start, node->end);
    }

  return node;
}

/* name := formal | parameter | function "'"* ("(" list ")" | argument)
 * A one-letter name is a formal argument of the function being defined, a
 * call of a user function the context knows, or else a parameter, and then
 * a(x+1) is the product a*(x+1). */
static TangentNode *
parse_name (Parser *p)
{
  Tok t = advance (p);
  int formal = formal_index (p, t.name);
  g_autofree char *what = describe (p, &t);
  TangentNode *node;
  guint arity = 0, order = 0;

  if (formal >= 0)
    return span (tangent_node_new_variable ((TangentVariable) formal), t.start, t.end);

  if (!lookup_function (p, t.name, &arity))
    {
      if (is_kind (p, TOK_PRIME))
        return fail (p, TANGENT_PARSE_ERROR_DERIVATIVE, t.start, peek (p, 0).end,
                     _("“%s” at column %u is not a function defined in this document, so it has no derivative"),
                     what, column (p, t.start));

      return span (tangent_node_new_parameter (t.name, -1), t.start, t.end);
    }

  while (is_kind (p, TOK_PRIME))
    {
      Tok prime = advance (p);

      if (++order > TANGENT_PARSE_MAX_ORDER)
        return fail (p, TANGENT_PARSE_ERROR_DERIVATIVE, t.start, prime.end,
                     _("At most %d primes at column %u: derivatives of order 0 to %d"),
                     TANGENT_PARSE_MAX_ORDER, column (p, t.start), TANGENT_PARSE_MAX_ORDER);
    }

  if (is_kind (p, TOK_LPAREN))
    {
      Tok open, close, decimal_comma;
      GPtrArray *args = parse_list (p, &open, &close, &decimal_comma);
      TangentNode **nodes;
      guint n;

      if (args == NULL)
        return NULL;

      /* F(P(r, t)) composes maps: P's number of components is the
       * document's to check. */
      if (args->len != arity
          && !(args->len == 1 && arity > 1
               && ((TangentNode *) args->pdata[0])->kind == TANGENT_NODE_USER_CALL))
        {
          n = args->len;
          free_nodes (args);
          if (decimal_comma.kind != TOK_END)
            {
              fail_decimal_comma (p, decimal_comma.start, (guint) decimal_comma.number,
                                  decimal_comma.end);
              return NULL;
            }
          return fail (p, TANGENT_PARSE_ERROR_ARITY, t.start, close.end,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "“%s” at column %u takes %u argument, not %u",
                                    "“%s” at column %u takes %u arguments, not %u", arity),
                       what, column (p, t.start), arity, n);
        }

      nodes = steal_nodes (args, &n);
      node = tangent_node_new_user_call (t.name, order, n, nodes);
      g_free (nodes);
      return span (node, t.start, close.end);
    }

  if (is_kind (p, TOK_CARET) || is_kind (p, TOK_SUPERSCRIPT))
    return fail (p, TANGENT_PARSE_ERROR_SYNTAX, t.start, peek (p, 0).end,
                 _("“%s” at column %u is a function: write %s(x)^2 for a power of its value"),
                 what, column (p, t.start), what);

  if (arity != 1)
    return fail (p, TANGENT_PARSE_ERROR_ARITY, t.start, t.end,
                 _("“%s” at column %u needs its %u arguments in brackets"),
                 what, column (p, t.start), arity);

  node = parse_argument (p, &t);
  if (node == NULL)
    return NULL;

  node = tangent_node_new_user_call (t.name, order, 1, &node);
  return span (node, t.start, node->user.args[0]->end);
}

/* primary := number | constant | variable | name | application
 *          | "(" sum ")" | "|" sum "|" */
static TangentNode *
parse_primary (Parser *p)
{
  Tok t = peek (p, 0);

  switch (t.kind)
    {
    case TOK_NUMBER:
      advance (p);
      return span (tangent_node_new_number (t.number), t.start, t.end);

    case TOK_CONSTANT:
      advance (p);
      return span (tangent_node_new_constant ((TangentConstant) t.id), t.start, t.end);

    case TOK_VARIABLE:
      advance (p);
      if (p->formals != NULL)
        {
          int formal = formal_index (p, t.name);

          if (formal < 0)
            {
              g_autofree char *list = g_strjoinv (", ", p->formals);

              return fail (p, TANGENT_PARSE_ERROR_BAD_DEFINITION, t.start, t.end,
                           _("“%s” at column %u is not an argument of %s(%s)"),
                           t.name, column (p, t.start), p->self_name, list);
            }
          return span (tangent_node_new_variable ((TangentVariable) formal), t.start, t.end);
        }
      return span (tangent_node_new_variable ((TangentVariable) t.id), t.start, t.end);

    case TOK_NAME:
      return parse_name (p);

    case TOK_BUILTIN:
    case TOK_SQRT:
      return parse_application (p);

    case TOK_LPAREN:
      return parse_group (p);

    case TOK_BAR:
      return parse_abs (p);

    case TOK_END:
    case TOK_SUPERSCRIPT:
    case TOK_PLUS:
    case TOK_MINUS:
    case TOK_TIMES:
    case TOK_DIVIDE:
    case TOK_CARET:
    case TOK_RPAREN:
    case TOK_COMMA:
    case TOK_EQUALS:
    case TOK_PRIME:
    default:
      return fail_operand (p);
    }
}

/* postfix := primary superscript*
 * x² is x^2, x²³ is x^23 (one token), x⁻¹ is x^-1. */
static TangentNode *
parse_postfix (Parser *p)
{
  TangentNode *node = parse_primary (p);
  int levels = 0;

  while (node != NULL && is_kind (p, TOK_SUPERSCRIPT))
    {
      TangentNode *exponent;
      Tok t;

      if (!enter (p))
        {
          tangent_node_free (node);
          return NULL;
        }
      levels++;

      t = advance (p);
      exponent = span (tangent_node_new_number (t.number), t.start, t.end);
      if (t.negative)
        exponent = span (tangent_node_new_neg (exponent), t.start, t.end);
      node = span (tangent_node_new_pow (node, exponent), node->start, t.end);
    }

  p->depth -= levels;
  return node;
}

/* power := postfix ["^" unary]
 * Right-associative through unary: 2^3^2 is 2^(3^2), 2^-x is 2^(-x). */
static TangentNode *
parse_power (Parser *p)
{
  TangentNode *base = parse_postfix (p), *exponent;

  if (base == NULL || !is_kind (p, TOK_CARET))
    return base;

  advance (p);
  if (!enter (p))
    {
      tangent_node_free (base);
      return NULL;
    }
  exponent = parse_unary (p);
  leave (p);

  if (exponent == NULL)
    {
      tangent_node_free (base);
      return NULL;
    }

  return make_pow (p, base, exponent);
}

/* unary := ("+" | "-") unary | power
 * Signs are counted in a loop, so 30 000 of them fail on depth without
 * recursing: -x^2 is -(x^2), -2^2 is -4. */
static TangentNode *
parse_unary (Parser *p)
{
  g_autoptr(GArray) signs = NULL;
  TangentNode *node;

  while (is_kind (p, TOK_PLUS) || is_kind (p, TOK_MINUS))
    {
      Tok t;

      if (!enter (p))
        return NULL;
      t = advance (p);
      if (signs == NULL)
        signs = g_array_new (FALSE, FALSE, sizeof (Tok));
      g_array_append_val (signs, t);
    }

  node = parse_power (p);

  for (guint i = signs != NULL ? signs->len : 0; i > 0; i--)
    {
      const Tok *t = &g_array_index (signs, Tok, i - 1);

      leave (p);
      if (node != NULL && t->kind == TOK_MINUS)
        node = span (tangent_node_new_neg (node), t->start, node->end);
    }

  return node;
}

/* product := unary product-rest */
static TangentNode *
parse_product (Parser *p)
{
  TangentNode *first = parse_unary (p);

  if (first == NULL)
    return NULL;

  return parse_product_rest (p, first, FALSE);
}

/* sum := product (("+" | "-") product)*
 * One n-ary SUM for the whole chain: a+b+c+… of 20 000 terms is one node. */
static TangentNode *
parse_sum (Parser *p)
{
  GPtrArray *terms;
  g_autoptr(GArray) negate = NULL;
  TangentNode **nodes;
  TangentNode *first, *node;
  guint n;

  if (!enter (p))
    return NULL;

  first = parse_product (p);
  if (first == NULL || !(is_kind (p, TOK_PLUS) || is_kind (p, TOK_MINUS)))
    {
      leave (p);
      return first;
    }

  terms = new_nodes ();
  negate = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_ptr_array_add (terms, first);
  g_array_set_size (negate, 1);

  while (is_kind (p, TOK_PLUS) || is_kind (p, TOK_MINUS))
    {
      Tok t = advance (p);
      gboolean neg = t.kind == TOK_MINUS;
      TangentNode *term = parse_product (p);

      if (term == NULL)
        {
          free_nodes (terms);
          return NULL;
        }
      g_ptr_array_add (terms, term);
      g_array_append_val (negate, neg);
    }

  nodes = steal_nodes (terms, &n);
  node = tangent_node_new_sum (n, nodes, (const gboolean *) negate->data);
  span (node, nodes[0]->start, nodes[n - 1]->end);
  g_free (nodes);
  leave (p);
  return node;
}

/* Rows */

static gboolean
expect_end (Parser   *p,
            gboolean  equals_allowed)
{
  Tok t = peek (p, 0);
  g_autofree char *what = NULL;
  guint col = column (p, t.start);
  int code = TANGENT_PARSE_ERROR_SYNTAX;

  if (p->error != NULL)
    return FALSE;

  switch (t.kind)
    {
    case TOK_END:
      return TRUE;

    case TOK_RPAREN:
      fail (p, code, t.start, t.end, _("Unmatched “)” at column %u"), col);
      break;

    case TOK_COMMA:
      fail_comma (p, &t);
      break;

    case TOK_EQUALS:
      if (equals_allowed)
        fail (p, code, t.start, t.end,
              _("Only one “=” is allowed in a formula (column %u)"), col);
      else
        fail (p, code, t.start, t.end,
              _("“=” at column %u: an expression cannot be an equation"), col);
      break;

    case TOK_PRIME:
      fail (p, TANGENT_PARSE_ERROR_DERIVATIVE, t.start, t.end,
            _("A prime ' at column %u must follow the name of a function you defined, as in f'(x)"),
            col);
      break;

    case TOK_BAR:
      fail (p, code, t.start, t.end, _("Unmatched “|” at column %u"), col);
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
      what = describe (p, &t);
      fail (p, code, t.start, t.end, _("Unexpected “%s” at column %u"), what, col);
      break;
    }

  return FALSE;
}

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
      fail (p, TANGENT_PARSE_ERROR_TOO_LONG, TANGENT_PARSE_MAX_LENGTH,
            (guint) MIN (*len, G_MAXUINT),
            _("The formula is too long: at most %d bytes"), TANGENT_PARSE_MAX_LENGTH);
      return FALSE;
    }

  return TRUE;
}

/* The head of a definition: NAME "=" or NAME "(" item ("," item)* ")" "=",
 * each item one token. Returns the number of items, -1 if none of these. */
static int
scan_head (Parser *p)
{
  Tok t0 = peek (p, 0), t1;
  guint k = 2;
  int n = 0;

  if (!t0.whole || (t0.kind != TOK_NAME && t0.kind != TOK_VARIABLE
                    && t0.kind != TOK_CONSTANT && t0.kind != TOK_BUILTIN))
    return -2;

  t1 = peek (p, 1);
  if (t1.kind == TOK_EQUALS)
    return -1;
  if (t1.kind != TOK_LPAREN)
    return -2;

  if (peek (p, 2).kind == TOK_RPAREN)
    return peek (p, 3).kind == TOK_EQUALS ? 0 : -2;

  for (;;)
    {
      Tok item = peek (p, k), sep = peek (p, k + 1);

      if (item.kind != TOK_NAME && item.kind != TOK_VARIABLE && item.kind != TOK_CONSTANT
          && item.kind != TOK_BUILTIN && item.kind != TOK_NUMBER)
        return -2;
      n++;
      if (sep.kind == TOK_RPAREN)
        return peek (p, k + 2).kind == TOK_EQUALS ? n : -2;
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
  Tok name = advance (p);
  TangentNode *body;

  row->kind = TANGENT_ROW_FUNCTION;
  row->name = g_strdup (name.name);
  row->name_start = name.start;
  row->name_end = name.end;

  advance (p);   /* ( */
  while (!is_kind (p, TOK_RPAREN))
    {
      Tok t = advance (p);
      g_autofree char *what = describe (p, &t);
      guint col = column (p, t.start);

      if (t.kind == TOK_COMMA)
        continue;

      if (t.kind == TOK_CONSTANT || t.kind == TOK_BUILTIN)
        return fail (p, TANGENT_PARSE_ERROR_REDEFINE_BUILTIN, t.start, t.end,
                     _("“%s” at column %u is built in and cannot be the name of an argument"),
                     what, col);

      if ((t.kind != TOK_NAME && t.kind != TOK_VARIABLE) || !t.whole)
        return fail (p, TANGENT_PARSE_ERROR_BAD_DEFINITION, t.start, t.end,
                     _("The arguments of a function must be names such as x or t, not “%s” (column %u)"),
                     what, col);

      for (guint i = 0; i < formals->len; i++)
        {
          if (strcmp (formals->pdata[i], t.name) == 0)
            return fail (p, TANGENT_PARSE_ERROR_BAD_DEFINITION, t.start, t.end,
                         _("The argument “%s” appears twice (column %u)"), what, col);
        }

      if (formals->len == 3)
        return fail (p, TANGENT_PARSE_ERROR_BAD_DEFINITION, t.start, t.end,
                     _("A function has at most 3 arguments (column %u)"), col);

      g_ptr_array_add (formals, g_strdup (t.name));
    }

  if (formals->len == 0)
    {
      g_autofree char *what = describe (p, &name);

      return fail (p, TANGENT_PARSE_ERROR_BAD_DEFINITION, name.start, peek (p, 0).end,
                   _("“%s” at column %u needs at least one argument, as in %s(x) = …"),
                   what, column (p, name.start), what);
    }

  advance (p);   /* ) */
  advance (p);   /* = */

  row->n_formals = formals->len;
  g_ptr_array_add (formals, NULL);
  row->formals = (char **) g_ptr_array_free (g_steal_pointer (&formals), FALSE);

  p->self_name = row->name;
  p->self_arity = row->n_formals;
  p->formals = row->formals;
  p->n_formals = row->n_formals;
  if (is_kind (p, TOK_LPAREN))
    p->tuple_at = peek (p, 0).start;

  body = parse_sum (p);
  if (body == NULL)
    return NULL;
  row->body = body;

  if (!expect_end (p, TRUE))
    return NULL;

  if (p->tuple != NULL && p->tuple != body)
    return fail (p, TANGENT_PARSE_ERROR_BAD_DEFINITION, p->tuple->start, p->tuple->end,
                 _("The components of a map at column %u must be the whole body, as in F(x, y) = (y, x)"),
                 column (p, p->tuple->start));

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
  Tok name = advance (p);
  const TangentNode *variable;

  advance (p);   /* = */

  row->kind = TANGENT_ROW_PARAMETER;
  row->name = g_strdup (name.name);
  row->name_start = name.start;
  row->name_end = name.end;

  row->body = parse_sum (p);
  if (row->body == NULL || !expect_end (p, TRUE))
    return NULL;

  variable = find_variable (row->body);
  if (variable != NULL)
    {
      static const char *names[] = { "x", "y", "z" };
      g_autofree char *what = describe (p, &name);

      return fail (p, TANGENT_PARSE_ERROR_BAD_DEFINITION, variable->start, variable->end,
                   _("The parameter “%s” cannot depend on %s (column %u): for a curve, write y = …"),
                   what, names[MIN (variable->variable, 2)], column (p, variable->start));
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
  Tok t0 = peek (p, 0);
  int head;

  if (p->error != NULL)
    return NULL;

  if (t0.kind == TOK_END)
    return fail (p, TANGENT_PARSE_ERROR_EMPTY, 0, p->len, _("The formula is empty"));

  head = scan_head (p);
  if (p->error != NULL)
    return NULL;

  if (head >= -1 && t0.kind == TOK_NAME)
    return head == -1 ? parse_parameter_row (p) : parse_function_row (p);

  if (head >= -1 && t0.kind != TOK_VARIABLE)
    {
      gboolean equation = t0.kind == TOK_BUILTIN && head > 0;

      for (int k = 0; equation && k < head; k++)
        equation = peek (p, 2 + 2 * k).kind == TOK_VARIABLE;

      if (!equation)
        {
          g_autofree char *what = describe (p, &t0);

          return fail (p, TANGENT_PARSE_ERROR_REDEFINE_BUILTIN, t0.start, t0.end,
                       _("“%s” at column %u is built in and cannot be redefined"),
                       what, column (p, t0.start));
        }
    }
  else if (head >= 0 && t0.kind == TOK_VARIABLE)
    {
      return fail (p, TANGENT_PARSE_ERROR_REDEFINE_BUILTIN, t0.start, t0.end,
                   _("“%s” at column %u is a variable and cannot be redefined: write %s = …"),
                   t0.name, column (p, t0.start), t0.name);
    }

  row = g_new0 (TangentRow, 1);
  row->kind = TANGENT_ROW_EXPRESSION;
  row->body = parse_sum (p);
  if (row->body == NULL)
    return NULL;

  if (is_kind (p, TOK_EQUALS))
    {
      advance (p);
      row->kind = TANGENT_ROW_RELATION;
      row->lhs = g_steal_pointer (&row->body);
      row->rhs = parse_sum (p);
      if (row->rhs == NULL)
        return NULL;
    }

  if (!expect_end (p, TRUE))
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
      if (peek (&p, 0).kind == TOK_END && p.error == NULL)
        fail (&p, TANGENT_PARSE_ERROR_EMPTY, 0, len, _("The formula is empty"));
      else
        node = parse_sum (&p);
      if (node != NULL)
        expect_end (&p, FALSE);
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
      t0 = peek (&p, 0);
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
