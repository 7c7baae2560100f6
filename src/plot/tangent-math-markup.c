/* tangent-math-markup.c: formulas typeset as Pango markup — italic
 * variables, upright function names, superscripts, true minus signs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This is a typesetter, not a parser: it reads the tokens of a formula as
 * written and never fails. A formula that would not parse still shows,
 * set as well as its tokens allow.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-math-markup"

#include <string.h>

#include "tangent-ast.h"
#include "tangent-math-markup.h"

#define MINUS      "\xe2\x88\x92"   /* U+2212 */
#define DOT        "\xc2\xb7"       /* U+00B7 */
#define THIN_SPACE "\xe2\x80\x89"   /* U+2009 */
#define PRIME      "\xe2\x80\xb2"   /* U+2032 */
#define HAIR_SPACE "\xe2\x80\x8a"   /* U+200A */

/* Superscripts nest at most this deep; deeper ones are set inline. */
#define MAX_DEPTH 8

typedef enum
{
  TOKEN_NUMBER,
  TOKEN_NAME,
  TOKEN_LPAREN,
  TOKEN_RPAREN,
  TOKEN_OP,      /* a character the emitter knows: + - * / ^ = < > , | ' */
  TOKEN_OTHER,   /* shown as it is, escaped */
} TokenKind;

typedef struct
{
  TokenKind   kind;
  const char *text;
  gsize       len;
  gunichar    op;    /* TOKEN_OP: the operator, with − · ⋅ ≤ ≥ normalised */
} Token;

typedef struct
{
  GArray   *tokens;
  guint     pos;
  GString  *out;
  gboolean  function;   /* the last name set ended in a builtin's name */
} Setter;

static const char *const greek[][2] = {
  { "alpha", "α" }, { "beta", "β" }, { "gamma", "γ" }, { "delta", "δ" },
  { "epsilon", "ε" }, { "zeta", "ζ" }, { "eta", "η" }, { "theta", "θ" },
  { "iota", "ι" }, { "kappa", "κ" }, { "lambda", "λ" }, { "mu", "μ" },
  { "nu", "ν" }, { "xi", "ξ" }, { "omicron", "ο" }, { "pi", "π" }, { "rho", "ρ" },
  { "sigma", "σ" }, { "tau", "τ" }, { "upsilon", "υ" }, { "phi", "φ" },
  { "chi", "χ" }, { "psi", "ψ" }, { "omega", "ω" },
};

static const char *const aliases[] = { "log", "arcsin", "arccos", "arctan" };

static gunichar
normalise_op (gunichar c)
{
  switch (c)
    {
    case 0x2212: return '-';
    case 0x00B7: case 0x22C5: case 0x2219: case 0x00D7: return '*';
    case 0x00F7: case 0x2215: return '/';
    default: return c;
    }
}

static gboolean
is_op (gunichar c)
{
  return c != 0 && c < 128 && strchr ("+-*/^=<>,|'!", (int) c) != NULL;
}

static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      Token t = { TOKEN_OTHER, p, next - p, 0 };

      if (g_unichar_isspace (c))
        {
          p = next;
          continue;
        }

      if (g_ascii_isdigit (c) || (c == '.' && g_ascii_isdigit (*next)))
        {
          const char *q = p;

          while (g_ascii_isdigit (*q) || *q == '.')
            q++;
          /* 1e-3, but not 2e (two times e) */
          if ((*q == 'e' || *q == 'E')
              && (g_ascii_isdigit (q[1])
                  || ((q[1] == '+' || q[1] == '-') && g_ascii_isdigit (q[2]))))
            {
              q += 2;
              while (g_ascii_isdigit (*q))
                q++;
            }
          t.kind = TOKEN_NUMBER;
          t.len = q - p;
        }
      else if (g_unichar_isalpha (c) && c != 0x03C0 /* π is a name of its own */)
        {
          const char *q = next;

          while (*q != '\0')
            {
              gunichar d = g_utf8_get_char (q);

              if (!(g_unichar_isalpha (d) || g_ascii_isdigit (d) || d == '_') || d == 0x03C0)
                break;
              q = g_utf8_next_char (q);
            }
          t.kind = TOKEN_NAME;
          t.len = q - p;
        }
      else if (c == 0x03C0)
        {
          t.kind = TOKEN_NAME;
        }
      else if (c == '(' || c == '[' || c == '{')
        {
          t.kind = TOKEN_LPAREN;
        }
      else if (c == ')' || c == ']' || c == '}')
        {
          t.kind = TOKEN_RPAREN;
        }
      else
        {
          gunichar op = normalise_op (c);

          if (is_op (op) || op == 0x2264 || op == 0x2265 || op == 0x00B1 || op == 0x2213)
            {
              t.kind = TOKEN_OP;
              t.op = op;
            }
        }

      g_array_append_val (tokens, t);
      p = t.text + t.len;
    }

  return tokens;
}

static const Token *
peek (Setter *s,
      guint   ahead)
{
  if (s->pos + ahead >= s->tokens->len)
    return NULL;
  return &g_array_index (s->tokens, Token, s->pos + ahead);
}

static gboolean
peek_op (Setter   *s,
         gunichar  op)
{
  const Token *t = peek (s, 0);

  return t != NULL && t->kind == TOKEN_OP && t->op == op;
}

static void
append_escaped (GString    *out,
                const char *text,
                gssize      len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  g_string_append (out, escaped);
}

/* The longest builtin, alias or Greek name at the start of text, or 0. */
static gsize
match_known (const char  *text,
             gsize        len,
             const char **shown,
             gboolean    *upright)
{
  gsize best = 0;

  for (guint i = 0; i < TANGENT_N_BUILTINS; i++)
    {
      const char *name = tangent_builtin_get_name (i);
      gsize n = strlen (name);

      if (n > best && n <= len && strncmp (text, name, n) == 0)
        {
          best = n;
          *shown = NULL;
          *upright = TRUE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      gsize n = strlen (aliases[i]);

      if (n > best && n <= len && strncmp (text, aliases[i], n) == 0)
        {
          best = n;
          *shown = NULL;
          *upright = TRUE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (greek); i++)
    {
      gsize n = strlen (greek[i][0]);

      if (n > best && n <= len && strncmp (text, greek[i][0], n) == 0)
        {
          best = n;
          *shown = greek[i][1];
          /* π is a constant: upright, like e */
          *upright = strcmp (greek[i][0], "pi") == 0;
        }
    }

  return best;
}

/* A run of letters as the language splits it (LANGUAGE.md: longest match
 * into builtins, Greek names and one-letter names), each piece set as it
 * reads: sinx is "sin x", k_2 and a1 are k₂ and a₁. */
static void
set_name (Setter      *s,
          const Token *t)
{
  const char *p = t->text, *end = t->text + t->len;
  gboolean after_function = FALSE;

  while (p < end)
    {
      const char *shown = NULL;
      gboolean upright = FALSE;
      gsize n = match_known (p, end - p, &shown, &upright);
      gboolean function = FALSE;

      if (n > 0 && shown == NULL)
        function = TRUE;

      if (after_function)
        g_string_append (s->out, THIN_SPACE);

      if (n == 0)
        {
          gunichar c = g_utf8_get_char (p);

          n = g_utf8_next_char (p) - p;
          if (c == 0x03C0 || (c == 'e' && n == t->len))
            upright = TRUE;
          if (upright)
            append_escaped (s->out, p, n);
          else
            {
              g_string_append (s->out, "<i>");
              append_escaped (s->out, p, n);
              g_string_append (s->out, "</i>");
            }
        }
      else if (function)
        append_escaped (s->out, p, n);
      else if (upright)
        g_string_append (s->out, shown);
      else
        g_string_append_printf (s->out, "<i>%s</i>", shown);
      p += n;

      /* Subscripts: a digit run after a one-letter name, or _ and a run. */
      if (!function && p < end && (g_ascii_isdigit (*p) || *p == '_'))
        {
          const char *q = p;

          if (*q == '_')
            q++;
          p = q;
          while (p < end && *p != '_')
            p = g_utf8_next_char (p);
          g_string_append (s->out, "<sub>");
          append_escaped (s->out, q, p - q);
          g_string_append (s->out, "</sub>");
        }
      after_function = function && p < end;
      s->function = function && p >= end;
    }
}

static void set_sequence (Setter *s, guint depth, gboolean until_close);

static void
set_group (Setter   *s,
           guint     depth,
           gboolean  keep_brackets)
{
  const Token *open = peek (s, 0);
  const Token *close;

  s->pos++;
  if (keep_brackets)
    append_escaped (s->out, open->text, open->len);
  set_sequence (s, depth, TRUE);
  close = peek (s, 0);
  if (close != NULL && close->kind == TOKEN_RPAREN)
    {
      if (keep_brackets)
        append_escaped (s->out, close->text, close->len);
      s->pos++;
    }
}

static void set_primary (Setter *s, guint depth);

/* What follows ^: a signed primary, or a bracketed group shown without
 * its brackets, since the raised position already groups it. */
static void
set_exponent (Setter *s,
              guint   depth)
{
  const Token *t;

  if (peek_op (s, '-') || peek_op (s, '+'))
    {
      g_string_append (s->out, peek_op (s, '-') ? MINUS : "+");
      s->pos++;
    }

  t = peek (s, 0);
  if (t == NULL)
    return;
  if (t->kind == TOKEN_LPAREN)
    {
      set_group (s, depth, FALSE);
      while (peek_op (s, '^'))
        {
          s->pos++;
          g_string_append (s->out, "^");
          set_exponent (s, depth);
        }
    }
  else
    set_primary (s, depth);
}

static void
set_primary (Setter *s,
             guint   depth)
{
  const Token *t = peek (s, 0);

  if (t == NULL)
    return;

  switch (t->kind)
    {
    case TOKEN_NUMBER:
      append_escaped (s->out, t->text, t->len);
      s->pos++;
      break;
    case TOKEN_NAME:
      set_name (s, t);
      s->pos++;
      while (peek_op (s, '\''))
        {
          g_string_append (s->out, PRIME);
          s->pos++;
        }
      break;
    case TOKEN_LPAREN:
      set_group (s, depth, TRUE);
      break;
    default:
      append_escaped (s->out, t->text, t->len);
      s->pos++;
      return;
    }

  while (peek_op (s, '^'))
    {
      s->pos++;
      if (depth >= MAX_DEPTH)
        {
          g_string_append (s->out, "^");
          set_exponent (s, depth);
          continue;
        }
      /* Italic letters lean into their exponent: a hair space keeps
       * x² from touching (Pango knows no italic correction). */
      if (g_str_has_suffix (s->out->str, "</i>"))
        g_string_append (s->out, HAIR_SPACE);
      g_string_append (s->out, "<sup>");
      set_exponent (s, depth + 1);
      g_string_append (s->out, "</sup>");
    }
}

static void
set_sequence (Setter   *s,
              guint     depth,
              gboolean  until_close)
{
  gboolean operand = FALSE;     /* the last thing set was an operand */
  gboolean number = FALSE;      /* … and it was a number */
  gboolean in_bars = FALSE;

  for (const Token *t = peek (s, 0); t != NULL; t = peek (s, 0))
    {
      if (t->kind == TOKEN_RPAREN)
        {
          if (until_close)
            return;
          append_escaped (s->out, t->text, t->len);
          s->pos++;
          continue;
        }

      if (t->kind != TOKEN_OP)
        {
          /* "sin x", written with a space: the space is kept, thin. */
          if (s->function && operand && (t->kind == TOKEN_NAME || t->kind == TOKEN_NUMBER))
            g_string_append (s->out, THIN_SPACE);
          s->function = FALSE;
          /* 2x reads as a product, 1e-3x would not */
          number = t->kind == TOKEN_NUMBER && memchr (t->text, 'e', t->len) == NULL
                   && memchr (t->text, 'E', t->len) == NULL;
          set_primary (s, depth);
          operand = TRUE;
          continue;
        }

      s->pos++;
      s->function = FALSE;
      switch (t->op)
        {
        case '+':
          g_string_append (s->out, operand ? " + " : "+");
          operand = FALSE;
          break;
        case '-':
          g_string_append (s->out, operand ? " " MINUS " " : MINUS);
          operand = FALSE;
          break;
        case '*':
          {
            const Token *n = peek (s, 0);

            /* 2·x reads as 2x; x·y and 2·3 keep the dot. */
            if (!(number && n != NULL && (n->kind == TOKEN_NAME || n->kind == TOKEN_LPAREN)))
              g_string_append (s->out, DOT);
            operand = FALSE;
          }
          break;
        case '=':
          g_string_append (s->out, " = ");
          operand = FALSE;
          break;
        case '<':
          g_string_append (s->out, " &lt; ");
          operand = FALSE;
          break;
        case '>':
          g_string_append (s->out, " &gt; ");
          operand = FALSE;
          break;
        case 0x2264:
          g_string_append (s->out, " ≤ ");
          operand = FALSE;
          break;
        case 0x00B1:
          g_string_append (s->out, operand ? " ± " : "±");
          operand = FALSE;
          break;
        case 0x2213:
          g_string_append (s->out, operand ? " ∓ " : "∓");
          operand = FALSE;
          break;
        case 0x2265:
          g_string_append (s->out, " ≥ ");
          operand = FALSE;
          break;
        case ',':
          g_string_append (s->out, ", ");
          operand = FALSE;
          break;
        case '|':
          g_string_append (s->out, "|");
          in_bars = !in_bars;
          operand = !in_bars;
          break;
        case '^':
          /* A ^ with nothing before it */
          g_string_append (s->out, "^");
          operand = FALSE;
          break;
        case '\'':
          g_string_append (s->out, PRIME);
          break;
        default:
          {
            char buf[8];
            gint n = g_unichar_to_utf8 (t->op, buf);

            append_escaped (s->out, buf, n);
            operand = t->op == '!';
          }
          break;
        }
      number = FALSE;
    }
}

/**
 * tangent_math_markup:
 * @formula: a formula as written
 *
 * Returns: (transfer full): Pango markup for @formula
 */
char *
tangent_math_markup (const char *formula)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *valid = NULL;
  Setter s;

  g_return_val_if_fail (formula != NULL, NULL);

  valid = g_utf8_make_valid (formula, -1);
  s.tokens = tokenize (valid);
  s.pos = 0;
  s.out = out;
  s.function = FALSE;
  set_sequence (&s, 0, FALSE);
  g_array_unref (s.tokens);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * tangent_math_markup_text:
 * @text: text with formulas between dollar signs
 *
 * Returns: (transfer full): Pango markup for @text
 */
char *
tangent_math_markup_text (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *valid = NULL;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  p = valid;
  while (*p != '\0')
    {
      const char *open = strchr (p, '$');
      const char *close = open != NULL ? strchr (open + 1, '$') : NULL;
      g_autofree char *formula = NULL;
      g_autofree char *markup = NULL;

      if (close == NULL)
        {
          append_escaped (out, p, -1);
          break;
        }

      append_escaped (out, p, open - p);
      formula = g_strndup (open + 1, close - open - 1);
      markup = tangent_math_markup (formula);
      g_string_append (out, markup);
      p = close + 1;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
