/* tangent-print.c: expressions as plain text, Pango markup and LaTeX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One walk, three spellings. Plain text is the formula language itself
 * (LANGUAGE.md): it re-parses to an equivalent expression, so it uses '-'
 * for minus, '^' for a power whose exponent is not an integer, Unicode
 * superscripts (x², x⁻¹) for an integer exponent of anything but a
 * function call (sin(x)^2, because a superscript binds tighter than
 * function application), implicit multiplication only where the language
 * allows it, and parentheses where precedence needs them. Markup and LaTeX
 * are for reading only. Sums and products are printed by iterating over
 * their terms, never by recursing along a chain.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-print"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tangent-format.h"
#include "tangent-print.h"

typedef enum
{
  MODE_TEXT,
  MODE_MARKUP,
  MODE_LATEX,
} Mode;

/* Binding strength, loosest first (LANGUAGE.md, Precedence). */
typedef enum
{
  PREC_SUM = 1,
  PREC_PRODUCT,
  PREC_NEG,
  PREC_POW,
  PREC_ATOM,
} Prec;

typedef struct
{
  GString           *out;
  Mode               mode;
  const char *const *names;
} Printer;

static void print_node (Printer           *pr,
                        const TangentNode *node,
                        Prec               min_prec);

static const char *
minus (Printer *pr)
{
  return pr->mode == MODE_MARKUP ? "\xe2\x88\x92" : "-";
}

static void
open_paren (Printer *pr)
{
  g_string_append (pr->out, pr->mode == MODE_LATEX ? "\\left(" : "(");
}

static void
close_paren (Printer *pr)
{
  g_string_append (pr->out, pr->mode == MODE_LATEX ? "\\right)" : ")");
}

static void
append_escaped (Printer    *pr,
                const char *text)
{
  if (pr->mode == MODE_MARKUP)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      g_string_append (pr->out, escaped);
    }
  else
    g_string_append (pr->out, text);
}

/* The shortest decimal that reads back as @value, with the exponent of
 * scientific notation written without leading zeros (1e-5, not 1e-05). */
static void
format_number (char   *buf,
               double  value)
{
  char *e, *digits;
  int exponent, n_digits = 0;

  tangent_format_shortest (buf, value);
  if ((e = strchr (buf, 'e')) == NULL)
    return;

  /* %g writes 20 as 2e+01: positional notation up to 1e21, with as
   * many decimals as the shortest form has significant digits. */
  exponent = atoi (e + 1);
  for (const char *c = buf; c < e; c++)
    n_digits += g_ascii_isdigit (*c);
  if (exponent >= 0 && exponent < 21)
    {
      char format[16];
      char tmp[64];

      g_snprintf (format, sizeof format, "%%.%df", MAX (0, n_digits - 1 - exponent));
      g_ascii_formatd (tmp, sizeof tmp, format, value);
      if (strlen (tmp) < TANGENT_FORMAT_BUF_SIZE && g_ascii_strtod (tmp, NULL) == value)
        {
          g_strlcpy (buf, tmp, TANGENT_FORMAT_BUF_SIZE);
          return;
        }
    }

  digits = e + 1;
  if (*digits == '+' || *digits == '-')
    digits++;
  while (digits[0] == '0' && digits[1] != '\0')
    memmove (digits, digits + 1, strlen (digits));
}

static gboolean
number_is_scientific (double value)
{
  char buf[TANGENT_FORMAT_BUF_SIZE];

  format_number (buf, value);
  return strchr (buf, 'e') != NULL;
}

static void
print_number (Printer *pr,
              double   value)
{
  char buf[TANGENT_FORMAT_BUF_SIZE];
  char *e;

  if (!isfinite (value))
    {
      /* Not literals of the language: spelled as expressions with the
       * same value in plain text, so the text still re-parses. */
      if (pr->mode == MODE_TEXT)
        g_string_append (pr->out, isnan (value) ? "(0/0)" : value > 0 ? "(1/0)" : "(-1/0)");
      else if (pr->mode == MODE_LATEX)
        g_string_append (pr->out, isnan (value) ? "\\mathrm{NaN}"
                                  : value > 0 ? "\\infty" : "-\\infty");
      else
        g_string_append (pr->out, isnan (value) ? "NaN"
                                  : value > 0 ? "\xe2\x88\x9e" : "\xe2\x88\x92\xe2\x88\x9e");
      return;
    }

  format_number (buf, value);
  if (buf[0] == '-')
    {
      g_string_append (pr->out, minus (pr));
      memmove (buf, buf + 1, strlen (buf));
    }

  if (pr->mode == MODE_TEXT || (e = strchr (buf, 'e')) == NULL)
    {
      g_string_append (pr->out, buf);
      return;
    }

  /* 1.5e-7 as 1.5 × 10⁻⁷ for reading. */
  *e = '\0';
  {
    const char *exp = e + 1;
    gboolean negative = *exp == '-';

    if (*exp == '+' || *exp == '-')
      exp++;
    if (pr->mode == MODE_LATEX)
      g_string_append_printf (pr->out, "%s \\times 10^{%s%s}", buf, negative ? "-" : "", exp);
    else
      g_string_append_printf (pr->out, "%s\xc3\x97" "10<sup>%s%s</sup>", buf,
                              negative ? "\xe2\x88\x92" : "", exp);
  }
}

static void
print_superscript_int (Printer *pr,
                       gint64   k)
{
  static const char *const digits[] = {
    "\xe2\x81\xb0", "\xc2\xb9", "\xc2\xb2", "\xc2\xb3", "\xe2\x81\xb4",
    "\xe2\x81\xb5", "\xe2\x81\xb6", "\xe2\x81\xb7", "\xe2\x81\xb8", "\xe2\x81\xb9",
  };
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, k);
  for (const char *c = buf; *c != '\0'; c++)
    {
      if (*c == '-')
        g_string_append (pr->out, "\xe2\x81\xbb");
      else
        g_string_append (pr->out, digits[*c - '0']);
    }
}

static const char *const greek_latex[][2] = {
  { "α", "\\alpha" }, { "β", "\\beta" }, { "γ", "\\gamma" }, { "δ", "\\delta" },
  { "ε", "\\varepsilon" }, { "ζ", "\\zeta" }, { "η", "\\eta" }, { "θ", "\\theta" },
  { "ι", "\\iota" }, { "κ", "\\kappa" }, { "λ", "\\lambda" }, { "μ", "\\mu" },
  { "ν", "\\nu" }, { "ξ", "\\xi" }, { "ο", "o" }, { "ρ", "\\rho" }, { "σ", "\\sigma" },
  { "τ", "\\tau" }, { "υ", "\\upsilon" }, { "φ", "\\varphi" }, { "χ", "\\chi" },
  { "ψ", "\\psi" }, { "ω", "\\omega" },
};

/* A one-letter name with an optional subscript: a, k_2, a1, λ. */
static void
print_name (Printer    *pr,
            const char *name)
{
  const char *sub;
  g_autofree char *letter = NULL;

  if (pr->mode == MODE_TEXT)
    {
      g_string_append (pr->out, name);
      return;
    }

  sub = g_utf8_next_char (name);
  letter = g_strndup (name, sub - name);
  if (*sub == '_')
    sub++;

  if (pr->mode == MODE_MARKUP)
    {
      g_string_append (pr->out, "<i>");
      append_escaped (pr, letter);
      g_string_append (pr->out, "</i>");
      if (*sub != '\0')
        {
          g_string_append (pr->out, "<sub>");
          append_escaped (pr, sub);
          g_string_append (pr->out, "</sub>");
        }
      return;
    }

  {
    const char *tex = letter;

    for (guint i = 0; i < G_N_ELEMENTS (greek_latex); i++)
      {
        if (strcmp (letter, greek_latex[i][0]) == 0)
          tex = greek_latex[i][1];
      }
    g_string_append (pr->out, tex);
    if (*sub != '\0')
      g_string_append_printf (pr->out, "_{%s}", sub);
  }
}

static void
print_variable (Printer         *pr,
                TangentVariable  v)
{
  static const char *const defaults[] = { "x", "y", "z" };
  const char *name = defaults[MIN ((guint) v, 2)];

  if (pr->names != NULL)
    {
      for (guint i = 0; i <= (guint) v && pr->names[i] != NULL; i++)
        {
          if (i == (guint) v)
            name = pr->names[i];
        }
    }
  print_name (pr, name);
}

static void
print_constant (Printer         *pr,
                TangentConstant  c)
{
  if (c == TANGENT_CONSTANT_PI)
    g_string_append (pr->out, pr->mode == MODE_LATEX ? "\\pi" : "\xcf\x80");
  else if (pr->mode == MODE_MARKUP)
    g_string_append (pr->out, "<i>e</i>");
  else
    g_string_append (pr->out, "e");
}

static Prec
node_prec (const TangentNode *node)
{
  switch (node->kind)
    {
    case TANGENT_NODE_NUMBER:
      return node->number < 0 || (node->number == 0 && signbit (node->number))
             ? PREC_NEG : PREC_ATOM;
    case TANGENT_NODE_NEG:
      return PREC_NEG;
    case TANGENT_NODE_SUM:
      return PREC_SUM;
    case TANGENT_NODE_PRODUCT:
      return PREC_PRODUCT;
    case TANGENT_NODE_POW:
      return PREC_POW;
    case TANGENT_NODE_CONSTANT:
    case TANGENT_NODE_VARIABLE:
    case TANGENT_NODE_PARAMETER:
    case TANGENT_NODE_CALL:
    case TANGENT_NODE_USER_CALL:
    case TANGENT_NODE_TUPLE:
    default:
      return PREC_ATOM;
    }
}

static gboolean
is_call (const TangentNode *node)
{
  return node->kind == TANGENT_NODE_CALL || node->kind == TANGENT_NODE_USER_CALL;
}

static gboolean
integer_exponent (const TangentNode *pow,
                  gint64            *k)
{
  const TangentNode *e = pow->pow.exponent;

  if (pow->pow.is_odd_root || e->kind != TANGENT_NODE_NUMBER)
    return FALSE;
  if (!isfinite (e->number) || floor (e->number) != e->number || fabs (e->number) > 1e15)
    return FALSE;
  *k = (gint64) e->number;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Calls                                                               */

static const char *
latex_function (TangentBuiltin fn)
{
  switch (fn)
    {
    case TANGENT_BUILTIN_SIN: return "\\sin";
    case TANGENT_BUILTIN_COS: return "\\cos";
    case TANGENT_BUILTIN_TAN: return "\\tan";
    case TANGENT_BUILTIN_SEC: return "\\sec";
    case TANGENT_BUILTIN_CSC: return "\\csc";
    case TANGENT_BUILTIN_COT: return "\\cot";
    case TANGENT_BUILTIN_ASIN: return "\\arcsin";
    case TANGENT_BUILTIN_ACOS: return "\\arccos";
    case TANGENT_BUILTIN_ATAN: return "\\arctan";
    case TANGENT_BUILTIN_SINH: return "\\sinh";
    case TANGENT_BUILTIN_COSH: return "\\cosh";
    case TANGENT_BUILTIN_TANH: return "\\tanh";
    case TANGENT_BUILTIN_EXP: return "\\exp";
    case TANGENT_BUILTIN_LN: return "\\ln";
    case TANGENT_BUILTIN_LOG10: return "\\log_{10}";
    case TANGENT_BUILTIN_LOG2: return "\\log_{2}";
    case TANGENT_BUILTIN_MIN: return "\\min";
    case TANGENT_BUILTIN_MAX: return "\\max";
    case TANGENT_BUILTIN_SIGN: return "\\operatorname{sign}";
    case TANGENT_BUILTIN_ROUND: return "\\operatorname{round}";
    case TANGENT_BUILTIN_ATAN2: return "\\operatorname{atan2}";
    case TANGENT_BUILTIN_ABS:
    case TANGENT_BUILTIN_FLOOR:
    case TANGENT_BUILTIN_CEIL:
    case TANGENT_BUILTIN_SQRT:
    case TANGENT_BUILTIN_CBRT:
    case TANGENT_N_BUILTINS:
    default:
      return NULL;
    }
}

static void
print_args (Printer           *pr,
            guint              n,
            TangentNode *const *args)
{
  open_paren (pr);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (pr->out, ", ");
      print_node (pr, args[i], PREC_SUM);
    }
  close_paren (pr);
}

/* @power: an integer exponent written after the function name, as in
 * sin²(x) (markup and LaTeX only), or NULL. */
static void
print_call (Printer           *pr,
            const TangentNode *node,
            const TangentNode *power)
{
  TangentBuiltin fn = node->call.fn;
  const char *name = tangent_builtin_get_name (fn);

  if (pr->mode == MODE_LATEX)
    {
      const char *tex = latex_function (fn);
      const TangentNode *arg = node->call.args[0];

      if (tex == NULL)
        {
          switch (fn)
            {
            case TANGENT_BUILTIN_ABS:
              g_string_append (pr->out, "\\left|");
              print_node (pr, arg, PREC_SUM);
              g_string_append (pr->out, "\\right|");
              break;
            case TANGENT_BUILTIN_FLOOR:
              g_string_append (pr->out, "\\left\\lfloor ");
              print_node (pr, arg, PREC_SUM);
              g_string_append (pr->out, " \\right\\rfloor");
              break;
            case TANGENT_BUILTIN_CEIL:
              g_string_append (pr->out, "\\left\\lceil ");
              print_node (pr, arg, PREC_SUM);
              g_string_append (pr->out, " \\right\\rceil");
              break;
            case TANGENT_BUILTIN_SQRT:
            case TANGENT_BUILTIN_CBRT:
              g_string_append (pr->out, fn == TANGENT_BUILTIN_SQRT ? "\\sqrt{" : "\\sqrt[3]{");
              print_node (pr, arg, PREC_SUM);
              g_string_append (pr->out, "}");
              break;
            default:
              g_string_append_printf (pr->out, "\\operatorname{%s}", name);
              print_args (pr, node->call.n, node->call.args);
              break;
            }
          if (power != NULL)
            {
              g_string_append (pr->out, "^{");
              print_node (pr, power, PREC_SUM);
              g_string_append (pr->out, "}");
            }
          return;
        }

      g_string_append (pr->out, tex);
      if (power != NULL)
        {
          g_string_append (pr->out, "^{");
          print_node (pr, power, PREC_SUM);
          g_string_append (pr->out, "}");
        }
      print_args (pr, node->call.n, node->call.args);
      return;
    }

  if (pr->mode == MODE_MARKUP)
    {
      const TangentNode *arg = node->call.args[0];

      if (fn == TANGENT_BUILTIN_ABS)
        {
          g_string_append (pr->out, "|");
          print_node (pr, arg, PREC_SUM);
          g_string_append (pr->out, "|");
        }
      else if (fn == TANGENT_BUILTIN_SQRT && node_prec (arg) == PREC_ATOM
               && !is_call (arg))
        {
          g_string_append (pr->out, "\xe2\x88\x9a");
          print_node (pr, arg, PREC_ATOM);
        }
      else
        {
          g_string_append (pr->out, fn == TANGENT_BUILTIN_SQRT ? "\xe2\x88\x9a" : name);
          if (power != NULL && fn != TANGENT_BUILTIN_SQRT)
            {
              g_string_append (pr->out, "<sup>");
              print_node (pr, power, PREC_SUM);
              g_string_append (pr->out, "</sup>");
              power = NULL;
            }
          print_args (pr, node->call.n, node->call.args);
        }
      if (power != NULL)
        {
          g_string_append (pr->out, "<sup>");
          print_node (pr, power, PREC_SUM);
          g_string_append (pr->out, "</sup>");
        }
      return;
    }

  g_string_append (pr->out, name);
  print_args (pr, node->call.n, node->call.args);
}

static void
print_user_call (Printer           *pr,
                 const TangentNode *node)
{
  if (pr->mode == MODE_LATEX)
    print_name (pr, node->user.name);
  else
    {
      append_escaped (pr, node->user.name);
    }
  if (node->user.order > 3 && pr->mode != MODE_TEXT)
    {
      if (pr->mode == MODE_LATEX)
        g_string_append_printf (pr->out, "^{(%u)}", node->user.order);
      else
        g_string_append_printf (pr->out, "<sup>(%u)</sup>", node->user.order);
    }
  else
    {
      for (guint i = 0; i < node->user.order; i++)
        g_string_append_c (pr->out, '\'');
    }
  print_args (pr, node->user.n, node->user.args);
}

/* ------------------------------------------------------------------ */
/* Powers                                                              */

static gboolean
base_needs_parens (const TangentNode *base)
{
  if (base->kind == TANGENT_NODE_NUMBER)
    return node_prec (base) != PREC_ATOM || number_is_scientific (base->number);
  return node_prec (base) != PREC_ATOM;
}

static void
print_pow (Printer           *pr,
           const TangentNode *node)
{
  const TangentNode *base = node->pow.base, *exponent = node->pow.exponent;
  gint64 k;
  gboolean has_int = integer_exponent (node, &k);

  if (pr->mode != MODE_TEXT && base->kind == TANGENT_NODE_CALL && has_int && k > 0)
    {
      /* sin²(x), as printed in textbooks; sqrt(x)² keeps its root sign. */
      print_call (pr, base, exponent);
      return;
    }

  if (base_needs_parens (base))
    {
      open_paren (pr);
      print_node (pr, base, PREC_SUM);
      close_paren (pr);
    }
  else
    print_node (pr, base, PREC_ATOM);

  switch (pr->mode)
    {
    case MODE_TEXT:
      if (has_int && !is_call (base))
        print_superscript_int (pr, k);
      else
        {
          g_string_append_c (pr->out, '^');
          if (exponent->kind == TANGENT_NODE_NUMBER && node_prec (exponent) == PREC_ATOM
              && !number_is_scientific (exponent->number))
            print_node (pr, exponent, PREC_ATOM);
          else if (node_prec (exponent) == PREC_ATOM && exponent->kind != TANGENT_NODE_NUMBER)
            print_node (pr, exponent, PREC_ATOM);
          else
            {
              open_paren (pr);
              print_node (pr, exponent, PREC_SUM);
              close_paren (pr);
            }
        }
      break;
    case MODE_MARKUP:
      g_string_append (pr->out, "<sup>");
      print_node (pr, exponent, PREC_SUM);
      g_string_append (pr->out, "</sup>");
      break;
    case MODE_LATEX:
    default:
      g_string_append (pr->out, "^{");
      print_node (pr, exponent, PREC_SUM);
      g_string_append (pr->out, "}");
      break;
    }
}

/* ------------------------------------------------------------------ */
/* Products                                                            */

/* Starts with a letter (or π) and is not a function call: x, π, a, x²,
 * e^x. Such a factor may follow a number with no sign: 3x, 2e^x. */
static gboolean
starts_with_letter (const TangentNode *node)
{
  switch (node->kind)
    {
    case TANGENT_NODE_VARIABLE:
    case TANGENT_NODE_CONSTANT:
      return TRUE;
    case TANGENT_NODE_PARAMETER:
      return g_utf8_strlen (node->parameter.name, -1) == 1;
    case TANGENT_NODE_POW:
      return starts_with_letter (node->pow.base);
    default:
      return FALSE;
    }
}

/* x, π, a, x², y⁻¹: may stand next to each other without a space (xy). */
static gboolean
is_letter_like (const TangentNode *node)
{
  gint64 k;

  if (node->kind == TANGENT_NODE_POW)
    return integer_exponent (node, &k) && starts_with_letter (node->pow.base)
           && node->pow.base->kind != TANGENT_NODE_POW;
  return starts_with_letter (node);
}

static gboolean
has_parameter_base (const TangentNode *node)
{
  while (node->kind == TANGENT_NODE_POW)
    node = node->pow.base;
  return node->kind == TANGENT_NODE_PARAMETER;
}

static gboolean
starts_with_digit (const TangentNode *node)
{
  if (node->kind == TANGENT_NODE_NUMBER)
    return node_prec (node) == PREC_ATOM;
  if (node->kind == TANGENT_NODE_POW)
    return node->pow.base->kind == TANGENT_NODE_NUMBER && !base_needs_parens (node->pow.base);
  return FALSE;
}

/* Juxtaposition as the language allows it and a student writes it:
 * "3x²", "xy", "2(x + 1)", "x² sin(x)"; an explicit sign before a factor
 * that starts with a digit, where juxtaposition is an error. */
static void print_separator_tight (Printer           *pr,
                                   const TangentNode *left,
                                   const TangentNode *right,
                                   gboolean           right_parens);

/* In LaTeX a command name ends at the first non-letter: \pi x, not
 * \pix. Appends the space when the output ends in a command. */
static void
latex_end_command (Printer *pr)
{
  const char *s = pr->out->str;
  gsize i = pr->out->len;

  if (pr->mode != MODE_LATEX)
    return;
  while (i > 0 && g_ascii_isalpha (s[i - 1]))
    i--;
  if (i < pr->out->len && i > 0 && s[i - 1] == '\\')
    g_string_append_c (pr->out, ' ');
}

static void
print_separator (Printer           *pr,
                 const TangentNode *left,
                 const TangentNode *right,
                 gboolean           right_parens)
{
  print_separator_tight (pr, left, right, right_parens);
  latex_end_command (pr);
}

static void
print_separator_tight (Printer           *pr,
                       const TangentNode *left,
                       const TangentNode *right,
                       gboolean           right_parens)
{
  gboolean left_number = left->kind == TANGENT_NODE_NUMBER
                         && !number_is_scientific (left->number);

  if (right->kind == TANGENT_NODE_POW && base_needs_parens (right->pow.base))
    right_parens = TRUE;

  if (!right_parens && starts_with_digit (right))
    {
      g_string_append (pr->out, pr->mode == MODE_TEXT ? "*"
                                : pr->mode == MODE_MARKUP ? "\xc2\xb7" : " \\cdot ");
      return;
    }

  if (left_number && (right_parens || starts_with_letter (right)))
    return;
  if (right_parens && node_prec (left) < PREC_POW)
    return;   /* (x + 1)(x − 1) */
  /* "ax" is an unknown name unless the document knows a: a space keeps
   * a parameter a word of its own. */
  if (is_letter_like (left) && !has_parameter_base (left)
      && (right_parens || (is_letter_like (right) && !has_parameter_base (right))))
    return;

  g_string_append_c (pr->out, ' ');
}

static gboolean
factor_needs_parens (const TangentNode *node,
                     gboolean           first)
{
  Prec prec = node_prec (node);

  if (first)
    return prec < PREC_NEG;
  return prec < PREC_POW;
}

static void
print_factor (Printer           *pr,
              const TangentNode *node,
              gboolean           parens,
              gboolean           negate)
{
  if (negate)
    {
      /* The coefficient of a subtracted term, printed without its sign. */
      if (node->kind == TANGENT_NODE_NUMBER)
        {
          print_number (pr, -node->number);
          return;
        }
      print_node (pr, node->arg, PREC_POW);
      return;
    }

  if (parens)
    {
      open_paren (pr);
      print_node (pr, node, PREC_SUM);
      close_paren (pr);
    }
  else
    print_node (pr, node, PREC_NEG);
}

/* A run of factors joined by juxtaposition; @negate_first prints the
 * first factor with its sign removed (see print_sum). */
static void
print_factor_run (Printer            *pr,
                  TangentNode *const *factors,
                  guint               n,
                  gboolean            negate_first)
{
  for (guint i = 0; i < n; i++)
    {
      gboolean parens = factor_needs_parens (factors[i], i == 0);

      if (i > 0)
        print_separator (pr, factors[i - 1], factors[i], parens);
      print_factor (pr, factors[i], parens, i == 0 && negate_first);
    }
}

static void
print_product (Printer           *pr,
               const TangentNode *node,
               gboolean           negate_first)
{
  guint n = node->product.n, n_num = 0;
  gboolean canonical = TRUE;

  /* Numerators first, then divisors: N/D, or \frac{N}{D}. */
  while (n_num < n && !node->product.divide[n_num])
    n_num++;
  for (guint i = n_num; i < n; i++)
    {
      if (!node->product.divide[i])
        canonical = FALSE;
    }

  if (canonical && n_num < n)
    {
      guint n_den = n - n_num;
      TangentNode *const *den = node->product.factors + n_num;

      if (pr->mode == MODE_LATEX)
        {
          /* The fraction bar groups: \frac{x + 1}{x - 1}, no brackets. */
          g_string_append (pr->out, "\\frac{");
          if (n_num == 1 && !negate_first)
            print_node (pr, node->product.factors[0], PREC_SUM);
          else
            print_factor_run (pr, node->product.factors, n_num, negate_first);
          g_string_append (pr->out, "}{");
          if (n_den == 1)
            print_node (pr, den[0], PREC_SUM);
          else
            print_factor_run (pr, den, n_den, FALSE);
          g_string_append (pr->out, "}");
          return;
        }

      print_factor_run (pr, node->product.factors, n_num, negate_first);
      g_string_append_c (pr->out, '/');
      if (n_den == 1 && !(den[0]->kind == TANGENT_NODE_NUMBER
                          && number_is_scientific (den[0]->number)))
        print_node (pr, den[0], PREC_POW);
      else
        {
          open_paren (pr);
          print_factor_run (pr, den, n_den, FALSE);
          close_paren (pr);
        }
      return;
    }

  /* As written, left to right: a/b c is (a/b)·c. */
  for (guint i = 0; i < n; i++)
    {
      const TangentNode *f = node->product.factors[i];
      gboolean parens = factor_needs_parens (f, i == 0);

      if (i > 0 && node->product.divide[i])
        {
          parens = node_prec (f) < PREC_POW
                   || (f->kind == TANGENT_NODE_NUMBER && number_is_scientific (f->number));
          g_string_append (pr->out, pr->mode == MODE_LATEX ? " / " : "/");
        }
      else if (i > 0 && node->product.divide[i - 1] && !starts_with_digit (f))
        g_string_append_c (pr->out, ' ');   /* x/y z, never x/yz */
      else if (i > 0)
        print_separator (pr, node->product.factors[i - 1], f, parens);
      print_factor (pr, f, parens, i == 0 && negate_first);
    }
}

/* ------------------------------------------------------------------ */
/* Sums and the walk                                                   */

/* Whether a term prints with a leading minus that can move into the
 * operator: −x, −3, (−3)x, −2x/3. */
static gboolean
term_is_negative (const TangentNode *t)
{
  switch (t->kind)
    {
    case TANGENT_NODE_NUMBER:
      return t->number < 0 || (t->number == 0 && signbit (t->number));
    case TANGENT_NODE_NEG:
      return TRUE;
    case TANGENT_NODE_PRODUCT:
      return term_is_negative (t->product.factors[0])
             && t->product.factors[0]->kind != TANGENT_NODE_PRODUCT;
    default:
      return FALSE;
    }
}

static void
print_term_negated (Printer           *pr,
                    const TangentNode *t)
{
  switch (t->kind)
    {
    case TANGENT_NODE_NUMBER:
      print_number (pr, -t->number);
      break;
    case TANGENT_NODE_NEG:
      print_node (pr, t->arg, PREC_PRODUCT);
      break;
    case TANGENT_NODE_PRODUCT:
    default:
      print_product (pr, t, TRUE);
      break;
    }
}

static void
print_sum (Printer           *pr,
           const TangentNode *node)
{
  for (guint i = 0; i < node->sum.n; i++)
    {
      const TangentNode *t = node->sum.terms[i];
      gboolean subtract = node->sum.negate[i];

      if (i == 0)
        {
          print_node (pr, t, PREC_SUM);
          continue;
        }

      if (term_is_negative (t)
          && !(t->kind == TANGENT_NODE_NEG && node_prec (t->arg) <= PREC_SUM))
        {
          g_string_append_printf (pr->out, " %s ", subtract ? "+" : minus (pr));
          print_term_negated (pr, t);
        }
      else
        {
          g_string_append_printf (pr->out, " %s ", subtract ? minus (pr) : "+");
          print_node (pr, t, PREC_PRODUCT);
        }
    }
}

static void
print_node (Printer           *pr,
            const TangentNode *node,
            Prec               min_prec)
{
  if (node_prec (node) < min_prec)
    {
      open_paren (pr);
      print_node (pr, node, PREC_SUM);
      close_paren (pr);
      return;
    }

  switch (node->kind)
    {
    case TANGENT_NODE_NUMBER:
      print_number (pr, node->number);
      break;
    case TANGENT_NODE_CONSTANT:
      print_constant (pr, node->constant);
      break;
    case TANGENT_NODE_VARIABLE:
      print_variable (pr, node->variable);
      break;
    case TANGENT_NODE_PARAMETER:
      print_name (pr, node->parameter.name);
      break;
    case TANGENT_NODE_NEG:
      g_string_append (pr->out, minus (pr));
      if (node->arg->kind == TANGENT_NODE_PRODUCT && !term_is_negative (node->arg))
        print_product (pr, node->arg, FALSE);
      else
        print_node (pr, node->arg, PREC_POW);
      break;
    case TANGENT_NODE_SUM:
      print_sum (pr, node);
      break;
    case TANGENT_NODE_PRODUCT:
      print_product (pr, node, FALSE);
      break;
    case TANGENT_NODE_POW:
      print_pow (pr, node);
      break;
    case TANGENT_NODE_CALL:
      print_call (pr, node, NULL);
      break;
    case TANGENT_NODE_USER_CALL:
      print_user_call (pr, node);
      break;
    case TANGENT_NODE_TUPLE:
      print_args (pr, node->tuple.n, node->tuple.items);
      break;
    default:
      break;
    }
}

static char *
print_with (const TangentNode *expr,
            const char *const *names,
            Mode               mode)
{
  Printer pr = { g_string_new (NULL), mode, names };

  print_node (&pr, expr, PREC_SUM);
  return g_string_free (pr.out, FALSE);
}

/**
 * tangent_print_text:
 * @expr: a tree
 * @var_names: (nullable) (array zero-terminated=1): names for x, y, z
 *
 * The expression in the formula language: `3x² sin(x) + x³ cos(x)`. It
 * re-parses to an equivalent expression.
 *
 * Returns: (transfer full): UTF-8 text
 */
char *
tangent_print_text (const TangentNode *expr,
                    const char *const *var_names)
{
  g_return_val_if_fail (expr != NULL, NULL);

  return print_with (expr, var_names, MODE_TEXT);
}

/**
 * tangent_print_markup:
 * @expr: a tree
 * @var_names: (nullable) (array zero-terminated=1): names for x, y, z
 *
 * Pango markup for a label: italic variables, superscript exponents, the
 * minus sign U+2212; names are escaped.
 *
 * Returns: (transfer full): markup
 */
char *
tangent_print_markup (const TangentNode *expr,
                      const char *const *var_names)
{
  g_return_val_if_fail (expr != NULL, NULL);

  return print_with (expr, var_names, MODE_MARKUP);
}

/**
 * tangent_print_latex:
 * @expr: a tree
 * @var_names: (nullable) (array zero-terminated=1): names for x, y, z
 *
 * LaTeX for a maths environment: \sin, \sqrt{}, \frac{}{}, x^{2}.
 *
 * Returns: (transfer full): LaTeX source
 */
char *
tangent_print_latex (const TangentNode *expr,
                     const char *const *var_names)
{
  g_return_val_if_fail (expr != NULL, NULL);

  return print_with (expr, var_names, MODE_LATEX);
}
