/* tangent-parser-expr.c: the expression grammar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sum, product, unary, power, postfix and primary, one function per rule
 * with the rule above it: implicit multiplication, functions written
 * without brackets, powers and odd roots, calls of builtins and of the
 * document's functions, groups, maps' bodies and |…|.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-parser"

#include <glib/gi18n-lib.h>

#include "tangent-parser-private.h"

static TangentNode *parse_unary (Parser *p);
static TangentNode *parse_power (Parser *p);

/* Depth guard, as Lua's luaE_incCstack: every construct that makes the
 * parser recurse (brackets, calls, |…|, signs, exponents, arguments
 * without brackets) passes here. */
static gboolean
enter (Parser *p)
{
  if (++p->depth > TANGENT_PARSE_MAX_DEPTH)
    {
      Tok t = _tangent_parser_peek (p, 0);

      _tangent_parser_fail (p, TANGENT_PARSE_ERROR_TOO_DEEP, t.start, t.end,
                            _("The formula is nested too deeply at column %u: at most %d levels of brackets, signs and powers"),
                            _tangent_parser_column (p, t.start), TANGENT_PARSE_MAX_DEPTH);
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
      g = tangent_gcd64 (num, den);
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
         || (t->kind == TOK_NAME && _tangent_parser_lookup_function (p, t->name, &arity));
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

  *open = _tangent_parser_advance (p);
  decimal_comma->kind = TOK_END;
  p->in_abs = FALSE;

  if (_tangent_parser_is_kind (p, TOK_RPAREN))
    {
      *close = _tangent_parser_advance (p);
      p->in_abs = saved_in_abs;
      return items;
    }

  for (;;)
    {
      TangentNode *item = _tangent_parser_parse_sum (p);
      Tok t;

      if (item == NULL)
        {
          free_nodes (items);
          return NULL;
        }
      g_ptr_array_add (items, item);

      t = _tangent_parser_peek (p, 0);
      if (t.kind != TOK_COMMA)
        break;

      if (decimal_comma->kind == TOK_END && _tangent_parser_comma_is_decimal (p, &t))
        {
          *decimal_comma = t;
          decimal_comma->start = p->prev.start;
          decimal_comma->number = t.start;
          decimal_comma->end = _tangent_parser_peek (p, 1).end;
        }
      _tangent_parser_advance (p);
    }

  if (!_tangent_parser_is_kind (p, TOK_RPAREN))
    {
      Tok t = _tangent_parser_peek (p, 0);

      if (t.kind == TOK_END)
        _tangent_parser_fail (p, TANGENT_PARSE_ERROR_SYNTAX, open->start, open->end,
                              _("Missing “)”: the “(” at column %u is never closed"),
                              _tangent_parser_column (p, open->start));
      else
        {
          g_autofree char *what = _tangent_parser_describe (p, &t);

          _tangent_parser_fail (p, TANGENT_PARSE_ERROR_SYNTAX, t.start, t.end,
                                _("Unexpected “%s” at column %u: expected “)” to close the “(” at column %u"),
                                what, _tangent_parser_column (p, t.start),
                                _tangent_parser_column (p, open->start));
        }
      free_nodes (items);
      return NULL;
    }

  *close = _tangent_parser_advance (p);
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
      return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_SYNTAX, open.start, close.end,
                                   _("Empty brackets at column %u"),
                                   _tangent_parser_column (p, open.start));
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
      _tangent_parser_fail_decimal_comma (p, decimal_comma.start, (guint) decimal_comma.number,
                                          decimal_comma.end);
      return NULL;
    }

  if (open.start != p->tuple_at)
    {
      free_nodes (items);
      if (after_name && name.end <= open.start)
        {
          g_autofree char *what = _tangent_parser_describe (p, &name);

          return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_UNKNOWN_NAME, name.start, name.end,
                                       _("“%s” at column %u is not a function defined in this document"),
                                       what, _tangent_parser_column (p, name.start));
        }
      return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_SYNTAX, open.start, close.end,
                                   _("A list in brackets at column %u is only allowed as the body of a map, as in F(x, y) = (y, x)"),
                                   _tangent_parser_column (p, open.start));
    }

  if (items->len > 3)
    {
      n = items->len;
      free_nodes (items);
      return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_BAD_DEFINITION, open.start, close.end,
                                   _("A map has 2 or 3 components, not %u (column %u)"), n,
                                   _tangent_parser_column (p, open.start));
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
  Tok open = _tangent_parser_advance (p), close;
  gboolean saved_in_abs = p->in_abs;
  TangentNode *inner;

  p->in_abs = TRUE;
  inner = _tangent_parser_parse_sum (p);
  if (inner == NULL)
    return NULL;

  if (!_tangent_parser_is_kind (p, TOK_BAR))
    {
      tangent_node_free (inner);
      return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_SYNTAX, open.start, open.end,
                                   _("Missing the closing “|” for the “|” at column %u"),
                                   _tangent_parser_column (p, open.start));
    }

  close = _tangent_parser_advance (p);
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
      Tok t = _tangent_parser_peek (p, 0);
      TangentNode *factor;
      gboolean div = FALSE;

      if (t.kind == TOK_TIMES || t.kind == TOK_DIVIDE)
        {
          Tok u = _tangent_parser_peek (p, 1);

          if (t.kind == TOK_TIMES && u.kind == TOK_TIMES)
            {
              _tangent_parser_fail (p, TANGENT_PARSE_ERROR_SYNTAX, t.start, u.end,
                                    _("Use “^” for powers, not “**” (column %u)"),
                                    _tangent_parser_column (p, t.start));
              goto error;
            }
          if (is_argument && is_function_start (p, &u))
            break;

          _tangent_parser_advance (p);
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
          g_autofree char *what = _tangent_parser_describe (p, &t);

          _tangent_parser_fail (p, TANGENT_PARSE_ERROR_SYNTAX, t.start, t.end,
                                _("Missing an operator before the number “%s” at column %u: write * for a product"),
                                what, _tangent_parser_column (p, t.start));
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
  Tok t = _tangent_parser_peek (p, 0);
  TangentNode *first, *node;

  if (!(is_implicit_start (p, &t) || t.kind == TOK_NUMBER || t.kind == TOK_PLUS
        || t.kind == TOK_MINUS))
    {
      g_autofree char *what = _tangent_parser_describe (p, fn);

      return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_SYNTAX, fn->start, fn->end,
                                   _("“%s” at column %u needs an argument, as in %s(x)"),
                                   what, _tangent_parser_column (p, fn->start),
                                   fn->kind == TOK_SQRT ? "sqrt" : what);
    }

  if (!enter (p))
    return NULL;

  first = parse_unary (p);
  node = first != NULL ? parse_product_rest (p, first, TRUE) : NULL;
  leave (p);
  return node;
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
  Tok t = _tangent_parser_advance (p), power_tok = { 0, };
  TangentBuiltin fn = t.kind == TOK_SQRT ? TANGENT_BUILTIN_SQRT : (TangentBuiltin) t.id;
  g_autofree char *what = _tangent_parser_describe (p, &t);
  guint arity = tangent_builtin_get_arity (fn);
  gboolean variadic = fn == TANGENT_BUILTIN_MIN || fn == TANGENT_BUILTIN_MAX;
  gboolean has_power = FALSE;
  TangentNode *node;

  if (_tangent_parser_is_kind (p, TOK_PRIME))
    {
      Tok prime = _tangent_parser_peek (p, 0);

      return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_DERIVATIVE, t.start, prime.end,
                                   _("Primes are for functions you define (column %u): define f(x) = %s(x), then write f'(x)"),
                                   _tangent_parser_column (p, prime.start), what);
    }

  if (t.kind == TOK_BUILTIN && _tangent_parser_is_kind (p, TOK_CARET))
    {
      Tok caret = _tangent_parser_advance (p), e = _tangent_parser_peek (p, 0);

      if (e.kind == TOK_NUMBER && e.is_integer)
        {
          power_tok = _tangent_parser_advance (p);
          has_power = TRUE;
        }
      else if (e.kind == TOK_MINUS
               || (e.kind == TOK_LPAREN && _tangent_parser_peek (p, 1).kind == TOK_MINUS))
        return _tangent_parser_fail_inverse (p, fn, t.start, e.end);
      else
        return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_SYNTAX, caret.start,
                                     MAX (caret.end, e.end),
                                     _("After “%s^” at column %u write a whole number, as in %s^2(x), or write %s(x)^…"),
                                     what, _tangent_parser_column (p, caret.start), what, what);
    }
  else if (t.kind == TOK_BUILTIN && _tangent_parser_is_kind (p, TOK_SUPERSCRIPT))
    {
      power_tok = _tangent_parser_advance (p);
      if (power_tok.negative)
        return _tangent_parser_fail_inverse (p, fn, t.start, power_tok.end);
      has_power = TRUE;
    }

  if (_tangent_parser_is_kind (p, TOK_LPAREN))
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
              _tangent_parser_fail_decimal_comma (p, decimal_comma.start,
                                                  (guint) decimal_comma.number,
                                                  decimal_comma.end);
              return NULL;
            }
          if (variadic)
            return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_ARITY, t.start, close.end,
                                         _("“%s” at column %u needs at least one argument"),
                                         what, _tangent_parser_column (p, t.start));
          return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_ARITY, t.start, close.end,
                                       g_dngettext (GETTEXT_PACKAGE,
                                                    "“%s” at column %u takes %u argument, not %u",
                                                    "“%s” at column %u takes %u arguments, not %u",
                                                    arity),
                                       what, _tangent_parser_column (p, t.start), arity, n);
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
          return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_ARITY, t.start, t.end,
                                       _("“%s” at column %u needs its arguments in brackets, as in %s(a, b)"),
                                       what, _tangent_parser_column (p, t.start), what);
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
  Tok t = _tangent_parser_advance (p);
  int formal = _tangent_parser_formal_index (p, t.name);
  g_autofree char *what = _tangent_parser_describe (p, &t);
  TangentNode *node;
  guint arity = 0, order = 0;

  if (formal >= 0)
    return span (tangent_node_new_variable ((TangentVariable) formal), t.start, t.end);

  if (!_tangent_parser_lookup_function (p, t.name, &arity))
    {
      if (_tangent_parser_is_kind (p, TOK_PRIME))
        return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_DERIVATIVE, t.start,
                                     _tangent_parser_peek (p, 0).end,
                                     _("“%s” at column %u is not a function defined in this document, so it has no derivative"),
                                     what, _tangent_parser_column (p, t.start));

      return span (tangent_node_new_parameter (t.name, -1), t.start, t.end);
    }

  while (_tangent_parser_is_kind (p, TOK_PRIME))
    {
      Tok prime = _tangent_parser_advance (p);

      if (++order > TANGENT_PARSE_MAX_ORDER)
        return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_DERIVATIVE, t.start, prime.end,
                                     _("At most %d primes at column %u: derivatives of order 0 to %d"),
                                     TANGENT_PARSE_MAX_ORDER, _tangent_parser_column (p, t.start),
                                     TANGENT_PARSE_MAX_ORDER);
    }

  if (_tangent_parser_is_kind (p, TOK_LPAREN))
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
              _tangent_parser_fail_decimal_comma (p, decimal_comma.start,
                                                  (guint) decimal_comma.number,
                                                  decimal_comma.end);
              return NULL;
            }
          return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_ARITY, t.start, close.end,
                                       g_dngettext (GETTEXT_PACKAGE,
                                                    "“%s” at column %u takes %u argument, not %u",
                                                    "“%s” at column %u takes %u arguments, not %u",
                                                    arity),
                                       what, _tangent_parser_column (p, t.start), arity, n);
        }

      nodes = steal_nodes (args, &n);
      node = tangent_node_new_user_call (t.name, order, n, nodes);
      g_free (nodes);
      return span (node, t.start, close.end);
    }

  if (_tangent_parser_is_kind (p, TOK_CARET) || _tangent_parser_is_kind (p, TOK_SUPERSCRIPT))
    return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_SYNTAX, t.start,
                                 _tangent_parser_peek (p, 0).end,
                                 _("“%s” at column %u is a function: write %s(x)^2 for a power of its value"),
                                 what, _tangent_parser_column (p, t.start), what);

  if (arity != 1)
    return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_ARITY, t.start, t.end,
                                 _("“%s” at column %u needs its %u arguments in brackets"),
                                 what, _tangent_parser_column (p, t.start), arity);

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
  Tok t = _tangent_parser_peek (p, 0);

  switch (t.kind)
    {
    case TOK_NUMBER:
      _tangent_parser_advance (p);
      return span (tangent_node_new_number (t.number), t.start, t.end);

    case TOK_CONSTANT:
      _tangent_parser_advance (p);
      return span (tangent_node_new_constant ((TangentConstant) t.id), t.start, t.end);

    case TOK_VARIABLE:
      _tangent_parser_advance (p);
      if (p->formals != NULL)
        {
          int formal = _tangent_parser_formal_index (p, t.name);

          if (formal < 0)
            {
              g_autofree char *list = g_strjoinv (", ", p->formals);

              return _tangent_parser_fail (p, TANGENT_PARSE_ERROR_BAD_DEFINITION, t.start, t.end,
                                           _("“%s” at column %u is not an argument of %s(%s)"),
                                           t.name, _tangent_parser_column (p, t.start),
                                           p->self_name, list);
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
      return _tangent_parser_fail_operand (p);
    }
}

/* postfix := primary superscript*
 * x² is x^2, x²³ is x^23 (one token), x⁻¹ is x^-1. */
static TangentNode *
parse_postfix (Parser *p)
{
  TangentNode *node = parse_primary (p);
  int levels = 0;

  while (node != NULL && _tangent_parser_is_kind (p, TOK_SUPERSCRIPT))
    {
      TangentNode *exponent;
      Tok t;

      if (!enter (p))
        {
          tangent_node_free (node);
          return NULL;
        }
      levels++;

      t = _tangent_parser_advance (p);
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

  if (base == NULL || !_tangent_parser_is_kind (p, TOK_CARET))
    return base;

  _tangent_parser_advance (p);
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

  while (_tangent_parser_is_kind (p, TOK_PLUS) || _tangent_parser_is_kind (p, TOK_MINUS))
    {
      Tok t;

      if (!enter (p))
        return NULL;
      t = _tangent_parser_advance (p);
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
TangentNode *
_tangent_parser_parse_sum (Parser *p)
{
  GPtrArray *terms;
  g_autoptr(GArray) negate = NULL;
  TangentNode **nodes;
  TangentNode *first, *node;
  guint n;

  if (!enter (p))
    return NULL;

  first = parse_product (p);
  if (first == NULL
      || !(_tangent_parser_is_kind (p, TOK_PLUS) || _tangent_parser_is_kind (p, TOK_MINUS)))
    {
      leave (p);
      return first;
    }

  terms = new_nodes ();
  negate = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_ptr_array_add (terms, first);
  g_array_set_size (negate, 1);

  while (_tangent_parser_is_kind (p, TOK_PLUS) || _tangent_parser_is_kind (p, TOK_MINUS))
    {
      Tok t = _tangent_parser_advance (p);
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
