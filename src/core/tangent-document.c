/* tangent-document.c: rows of formulas, resolved together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-document"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tangent-compile.h"
#include "tangent-derive.h"
#include "tangent-document.h"
#include "tangent-vm.h"

/* Inlining copies a function's body at each call; a few definitions that
 * each call the next twice would grow exponentially. Past this many nodes
 * the row is refused with a message instead. */
#define MAX_RESOLVED_NODES 250000

G_DEFINE_QUARK (tangent-document-error-quark, tangent_document_error)

typedef enum
{
  MARK_NONE,
  MARK_ACTIVE,   /* on the depth-first stack */
  MARK_DONE,
} Mark;

typedef struct
{
  guint row;     /* the row defining what is referenced */
  guint start;   /* where the reference is, in the referring row */
  guint end;
} Reference;

typedef struct
{
  char        *text;
  gsize        length;

  /* Filled by resolve */
  TangentRow  *parsed;
  GError      *error;
  guint        error_start;
  guint        error_end;
  GArray      *references;  /* Reference */
  TangentRowKind head_kind; /* from the row's head, before bodies are parsed */
  guint        head_arity;
  TangentNode *resolved;
  Mark         mark;
} Row;

struct _TangentDocument
{
  GPtrArray  *rows;              /* Row */
  GHashTable *definitions;       /* name → row index + 1, for names defined once */
  GHashTable *free_parameters;   /* names allowed without a defining row */

  GPtrArray  *param_names;       /* slot → name */
  GHashTable *param_slots;       /* name → slot + 1 */
  GArray     *param_values;      /* double, NaN without a value */
  GArray     *param_has_value;   /* gboolean */
  GHashTable *overrides;         /* name → double * */
};

static void
row_clear_results (Row *row)
{
  g_clear_pointer (&row->parsed, tangent_row_free);
  g_clear_error (&row->error);
  g_clear_pointer (&row->resolved, tangent_node_free);
  if (row->references != NULL)
    g_array_set_size (row->references, 0);
  row->error_start = row->error_end = 0;
  row->mark = MARK_NONE;
}

static void
row_free (gpointer data)
{
  Row *row = data;

  row_clear_results (row);
  g_clear_pointer (&row->references, g_array_unref);
  g_free (row->text);
  g_free (row);
}

TangentDocument *
tangent_document_new (void)
{
  TangentDocument *self = g_new0 (TangentDocument, 1);

  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->definitions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->free_parameters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->param_names = g_ptr_array_new_with_free_func (g_free);
  self->param_slots = g_hash_table_new (g_str_hash, g_str_equal);
  self->param_values = g_array_new (FALSE, FALSE, sizeof (double));
  self->param_has_value = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return self;
}

void
tangent_document_free (TangentDocument *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->definitions);
  g_hash_table_unref (self->free_parameters);
  g_hash_table_unref (self->param_slots);
  g_ptr_array_unref (self->param_names);
  g_array_unref (self->param_values);
  g_array_unref (self->param_has_value);
  g_hash_table_unref (self->overrides);
  g_free (self);
}

static Row *
get_row (TangentDocument *self,
         guint            i)
{
  return g_ptr_array_index (self->rows, i);
}

/* A copy of @length raw bytes with a NUL after them, for callers that
 * print it; the parser is always given the length. */
static char *
dup_text (const char *text,
          gsize       length)
{
  char *copy = g_malloc (length + 1);

  if (length > 0)
    memcpy (copy, text, length);
  copy[length] = '\0';
  return copy;
}

/**
 * tangent_document_append_row:
 * @self: a document
 * @text: the row's text, raw bytes (need not be UTF-8 or NUL-free)
 * @length: its length in bytes
 *
 * Adds a row at the end. Call tangent_document_resolve() before reading
 * results.
 *
 * Returns: the row's index
 */
guint
tangent_document_append_row (TangentDocument *self,
                             const char      *text,
                             gsize            length)
{
  Row *row;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (text != NULL || length == 0, 0);

  row = g_new0 (Row, 1);
  row->text = dup_text (text, length);
  row->length = length;
  row->references = g_array_new (FALSE, FALSE, sizeof (Reference));
  g_ptr_array_add (self->rows, row);

  return self->rows->len - 1;
}

void
tangent_document_set_row_text (TangentDocument *self,
                               guint            i,
                               const char      *text,
                               gsize            length)
{
  Row *row;

  g_return_if_fail (self != NULL);
  g_return_if_fail (i < self->rows->len);

  row = get_row (self, i);
  g_free (row->text);
  row->text = dup_text (text, length);
  row->length = length;
}

void
tangent_document_remove_row (TangentDocument *self,
                             guint            i)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (i < self->rows->len);

  g_ptr_array_remove_index (self->rows, i);
}

guint
tangent_document_get_n_rows (TangentDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

/**
 * tangent_document_add_free_parameter:
 * @self: a document
 * @name: a parameter name
 *
 * Allows @name as a parameter without a row defining it, as `tangent-cli
 * --param` does: its value comes from tangent_document_set_parameter_value().
 */
void
tangent_document_add_free_parameter (TangentDocument *self,
                                     const char      *name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  g_hash_table_add (self->free_parameters, g_strdup (name));
}

static void
set_row_error (Row        *row,
               guint       start,
               guint       end,
               GError     *error)
{
  g_clear_error (&row->error);
  row->error = error;
  row->error_start = start;
  row->error_end = end;
}

static gboolean
lookup_function (const char *name,
                 guint      *arity,
                 gpointer    user_data)
{
  TangentDocument *self = user_data;
  gpointer value;
  Row *row;

  if (!g_hash_table_lookup_extended (self->definitions, name, NULL, &value))
    return FALSE;

  /* Bodies are parsed in row order, so a later row's function is known
   * from its head alone. */
  row = get_row (self, GPOINTER_TO_UINT (value) - 1);
  if (row->head_kind != TANGENT_ROW_FUNCTION)
    return FALSE;

  *arity = row->head_arity;
  return TRUE;
}

/* The definers: which rows define which names. A name defined by more
 * than one row is an error on each of them, and defined by none. */
static void
collect_definitions (TangentDocument *self)
{
  g_autoptr(GHashTable) definers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_remove_all (self->definitions);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = get_row (self, i);
      g_autofree char *name = NULL;
      TangentRowKind kind;
      guint arity = 0;
      GArray *list;

      kind = tangent_parse_row_head (row->text, row->length, &name, &arity);
      row->head_kind = kind;
      row->head_arity = arity;
      if (name == NULL || (kind != TANGENT_ROW_FUNCTION && kind != TANGENT_ROW_PARAMETER))
        continue;

      list = g_hash_table_lookup (definers, name);
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (definers, g_strdup (name), list);
        }
      g_array_append_val (list, i);
    }

  g_hash_table_iter_init (&iter, definers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *list = value;

      if (list->len == 1)
        {
          g_hash_table_insert (self->definitions, g_strdup (key),
                               GUINT_TO_POINTER (g_array_index (list, guint, 0) + 1));
          continue;
        }

      for (guint k = 0; k < list->len; k++)
        {
          guint i = g_array_index (list, guint, k);
          guint other = g_array_index (list, guint, k == 0 ? 1 : 0);

          set_row_error (get_row (self, i), 0, get_row (self, i)->length,
                         g_error_new (TANGENT_DOCUMENT_ERROR, TANGENT_DOCUMENT_ERROR_DUPLICATE,
                                      _("“%s” is defined more than once (rows %u and %u)"),
                                      (const char *) key, MIN (i, other) + 1, MAX (i, other) + 1));
        }
    }
}

/* Lists what a row refers to: calls of user functions and parameters that
 * rows define. Recursion follows the tree, whose depth the parser bounds;
 * flat chains are iterated. */
static void
collect_references (TangentDocument   *self,
                    Row               *row,
                    const TangentNode *node)
{
  const char *name = NULL;
  guint n = tangent_node_get_n_children (node);
  gpointer value;

  if (node->kind == TANGENT_NODE_USER_CALL)
    name = node->user.name;
  else if (node->kind == TANGENT_NODE_PARAMETER)
    name = node->parameter.name;

  if (name != NULL && g_hash_table_lookup_extended (self->definitions, name, NULL, &value))
    {
      Reference ref = { GPOINTER_TO_UINT (value) - 1, node->start, node->end };

      g_array_append_val (row->references, ref);
    }

  for (guint i = 0; i < n; i++)
    collect_references (self, row, tangent_node_get_child (node, i));
}

static void
for_each_body (const TangentRow  *parsed,
               void             (*func) (TangentDocument *, Row *, const TangentNode *),
               TangentDocument   *self,
               Row               *row)
{
  if (parsed->lhs != NULL)
    func (self, row, parsed->lhs);
  if (parsed->rhs != NULL)
    func (self, row, parsed->rhs);
  if (parsed->body != NULL)
    func (self, row, parsed->body);
}

/* Whether a run of letters such as "ab" may be split into known names. */
static gboolean
lookup_parameter (const char *name,
                  gpointer    user_data)
{
  TangentDocument *self = user_data;

  return g_hash_table_contains (self->definitions, name)
    || g_hash_table_contains (self->free_parameters, name);
}

static void
parse_rows (TangentDocument *self)
{
  TangentParseContext context = { lookup_function, self, lookup_parameter };

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = get_row (self, i);
      GError *error = NULL;
      guint start = 0, end = 0;

      if (row->error != NULL)
        continue;

      row->parsed = tangent_parse_row (row->text, row->length, &context, &start, &end, &error);
      if (row->parsed == NULL)
        {
          set_row_error (row, start, end, error);
          continue;
        }

      for_each_body (row->parsed, collect_references, self, row);
    }
}

static char *
row_display_name (TangentDocument *self,
                  guint            i)
{
  Row *row = get_row (self, i);

  if (row->parsed != NULL && row->parsed->name != NULL)
    return g_strdup (row->parsed->name);

  return g_strdup_printf (_("row %u"), i + 1);
}

/* Marks every row of the cycle found on the depth-first stack, from the
 * row at @from to the top, naming the cycle: "f → g → f". */
static void
report_cycle (TangentDocument *self,
              GArray          *stack,
              guint            from)
{
  g_autoptr(GString) path = g_string_new (NULL);
  guint first = G_MAXUINT;

  for (guint k = 0; k < stack->len; k++)
    {
      if (g_array_index (stack, guint, k) == from)
        {
          first = k;
          break;
        }
    }
  g_return_if_fail (first != G_MAXUINT);

  for (guint k = first; k < stack->len; k++)
    {
      g_autofree char *name = row_display_name (self, g_array_index (stack, guint, k));

      g_string_append_printf (path, "%s → ", name);
    }
  {
    g_autofree char *name = row_display_name (self, from);

    g_string_append (path, name);
  }

  for (guint k = first; k < stack->len; k++)
    {
      Row *row = get_row (self, g_array_index (stack, guint, k));
      g_autofree char *name = row_display_name (self, g_array_index (stack, guint, k));

      if (row->error != NULL)
        continue;

      if (stack->len - first == 1)
        set_row_error (row, 0, row->length,
                       g_error_new (TANGENT_DOCUMENT_ERROR, TANGENT_DOCUMENT_ERROR_CYCLE,
                                    _("“%s” is defined in terms of itself: %s"), name, path->str));
      else
        set_row_error (row, 0, row->length,
                       g_error_new (TANGENT_DOCUMENT_ERROR, TANGENT_DOCUMENT_ERROR_CYCLE,
                                    _("Definitions refer to each other in a circle: %s"),
                                    path->str));
    }
}

/* Orders the rows so that each comes after what it refers to, with an
 * explicit stack: a chain of ten thousand definitions must not exhaust the
 * C stack. Cycles are reported on every row they pass through. */
static GArray *
order_rows (TangentDocument *self)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint start = 0; start < self->rows->len; start++)
    {
      guint zero = 0;

      if (get_row (self, start)->mark != MARK_NONE)
        continue;

      g_array_append_val (stack, start);
      g_array_append_val (next, zero);
      get_row (self, start)->mark = MARK_ACTIVE;

      while (stack->len > 0)
        {
          guint top = g_array_index (stack, guint, stack->len - 1);
          guint *k = &g_array_index (next, guint, next->len - 1);
          Row *row = get_row (self, top);

          if (*k < row->references->len)
            {
              guint dep = g_array_index (row->references, Reference, (*k)++).row;
              Row *dep_row = get_row (self, dep);

              if (dep_row->mark == MARK_ACTIVE)
                report_cycle (self, stack, dep);
              else if (dep_row->mark == MARK_NONE)
                {
                  dep_row->mark = MARK_ACTIVE;
                  g_array_append_val (stack, dep);
                  g_array_append_val (next, zero);
                }
              continue;
            }

          row->mark = MARK_DONE;
          g_array_append_val (order, top);
          g_array_set_size (stack, stack->len - 1);
          g_array_set_size (next, next->len - 1);
        }
    }

  return order;
}

static guint
param_slot (TangentDocument *self,
            const char      *name)
{
  gpointer value = g_hash_table_lookup (self->param_slots, name);
  double nan_value = NAN;
  gboolean no = FALSE;

  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;

  g_ptr_array_add (self->param_names, g_strdup (name));
  g_hash_table_insert (self->param_slots, g_ptr_array_index (self->param_names,
                                                             self->param_names->len - 1),
                       GUINT_TO_POINTER (self->param_names->len));
  g_array_append_val (self->param_values, nan_value);
  g_array_append_val (self->param_has_value, no);

  return self->param_names->len - 1;
}

typedef struct
{
  TangentDocument *self;
  Row             *row;
  gsize            budget;     /* nodes still allowed */
  GError          *error;
  guint            error_start;
  guint            error_end;
} Resolver;

static TangentNode *resolve_node (Resolver *r, const TangentNode *node);

/* The address of child @i inside @node, to replace it in place. */
static TangentNode **
child_slot (TangentNode *node,
            guint        i)
{
  switch (node->kind)
    {
    case TANGENT_NODE_NEG: return &node->arg;
    case TANGENT_NODE_SUM: return &node->sum.terms[i];
    case TANGENT_NODE_PRODUCT: return &node->product.factors[i];
    case TANGENT_NODE_POW: return i == 0 ? &node->pow.base : &node->pow.exponent;
    case TANGENT_NODE_CALL: return &node->call.args[i];
    case TANGENT_NODE_USER_CALL: return &node->user.args[i];
    case TANGENT_NODE_TUPLE: return &node->tuple.items[i];
    case TANGENT_NODE_NUMBER:
    case TANGENT_NODE_CONSTANT:
    case TANGENT_NODE_VARIABLE:
    case TANGENT_NODE_PARAMETER:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* A copy of @node whose children are @map applied to the originals; each
 * node is copied once, so rebuilding a tree costs its size. */
static TangentNode *
rebuild (Resolver          *r,
         const TangentNode *node,
         TangentNode       *(*map) (Resolver *, const TangentNode *, gpointer),
         gpointer           data)
{
  guint n = tangent_node_get_n_children (node);
  TangentNode *copy;

  if (r->budget == 0)
    {
      if (r->error == NULL)
        {
          r->error = g_error_new (TANGENT_DOCUMENT_ERROR, TANGENT_DOCUMENT_ERROR_TOO_LARGE,
                                  _("The definitions expand to a formula too large to evaluate"));
          r->error_start = 0;
          r->error_end = r->row->length;
        }
      return NULL;
    }
  r->budget--;

  if (n == 0)
    return tangent_node_copy (node);

  copy = tangent_node_copy_shallow (node);

  for (guint i = 0; i < n; i++)
    {
      TangentNode *child = r->error == NULL ? map (r, tangent_node_get_child (node, i), data) : NULL;

      *child_slot (copy, i) = child != NULL ? child : tangent_node_new_number (NAN);
    }

  if (r->error != NULL)
    {
      tangent_node_free (copy);
      return NULL;
    }

  return copy;
}

typedef struct
{
  TangentNode *const *args;
  guint               n_args;
} Arguments;

/* Replaces the variables of a function body by its arguments. */
static TangentNode *
substitute (Resolver          *r,
            const TangentNode *body,
            gpointer           data)
{
  const Arguments *a = data;

  if (body->kind == TANGENT_NODE_VARIABLE && body->variable < a->n_args)
    {
      if (r->budget == 0)
        return rebuild (r, body, substitute, data);
      r->budget--;
      return tangent_node_copy (a->args[body->variable]);
    }

  return rebuild (r, body, substitute, data);
}

static TangentNode *
resolve_call (Resolver          *r,
              const TangentNode *node)
{
  gpointer value;
  Row *callee;
  g_autoptr(TangentNode) body = NULL;
  g_autofree TangentNode **args = NULL;
  Arguments arguments;
  TangentNode *result;

  if (!g_hash_table_lookup_extended (r->self->definitions, node->user.name, NULL, &value))
    {
      r->error = g_error_new (TANGENT_DOCUMENT_ERROR, TANGENT_DOCUMENT_ERROR_UNDEFINED,
                              _("“%s” is not defined"), node->user.name);
      r->error_start = node->start;
      r->error_end = node->end;
      return NULL;
    }

  callee = get_row (r->self, GPOINTER_TO_UINT (value) - 1);
  g_return_val_if_fail (callee->resolved != NULL, NULL);

  if (node->user.order == 0)
    {
      body = tangent_node_copy (callee->resolved);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TangentNode) derivative = NULL;

      if (callee->parsed->n_formals != 1)
        {
          r->error = g_error_new (TANGENT_DOCUMENT_ERROR, TANGENT_DOCUMENT_ERROR_DERIVATIVE,
                                  _("“%s” has %u arguments: a prime is for functions of one "
                                    "variable"),
                                  node->user.name, callee->parsed->n_formals);
          r->error_start = node->start;
          r->error_end = node->end;
          return NULL;
        }

      derivative = tangent_derive_n (callee->resolved, TANGENT_VARIABLE_X, node->user.order,
                                     &error);
      if (derivative == NULL)
        {
          r->error = g_error_new (TANGENT_DOCUMENT_ERROR, TANGENT_DOCUMENT_ERROR_DERIVATIVE,
                                  "%s", error->message);
          r->error_start = node->start;
          r->error_end = node->end;
          return NULL;
        }

      /* A derivative exists only where the function does: (ln x)' = 1/x
       * is finite at x = -1, but ln is not defined there. Adding 0·f
       * makes f' NaN wherever f is NaN or infinite, and changes nothing
       * elsewhere. */
      body = tangent_node_new_binary_sum (g_steal_pointer (&derivative), FALSE,
                                          tangent_node_new_binary_product (tangent_node_new_number (0),
                                                                           FALSE,
                                                                           tangent_node_copy (callee->resolved)));
    }

  args = g_new0 (TangentNode *, node->user.n);
  for (guint i = 0; i < node->user.n; i++)
    {
      args[i] = resolve_node (r, node->user.args[i]);
      if (args[i] == NULL)
        {
          for (guint k = 0; k < i; k++)
            tangent_node_free (args[k]);
          return NULL;
        }
    }

  arguments.args = args;
  arguments.n_args = node->user.n;
  result = substitute (r, body, &arguments);
  for (guint i = 0; i < node->user.n; i++)
    tangent_node_free (args[i]);

  return result;
}

static TangentNode *
resolve_child (Resolver          *r,
               const TangentNode *node,
               gpointer           data)
{
  return resolve_node (r, node);
}

/* Copies @node with user calls inlined and parameters given slots. */
static TangentNode *
resolve_node (Resolver          *r,
              const TangentNode *node)
{
  if (r->error != NULL)
    return NULL;

  if (node->kind == TANGENT_NODE_USER_CALL)
    return resolve_call (r, node);

  if (node->kind == TANGENT_NODE_PARAMETER)
    {
      TangentNode *copy = tangent_node_copy (node);

      copy->parameter.slot = (int) param_slot (r->self, node->parameter.name);
      return copy;
    }

  return rebuild (r, node, resolve_child, NULL);
}

/* Every parameter a row uses must be defined: by a row such as a = 2
 * (which gets a slider), or from outside (tangent-cli --param). A name
 * nothing defines is an error naming it, as Desmos offers "add slider"
 * rather than guessing a value. */
static gboolean
check_parameters_defined (TangentDocument   *self,
                          Row               *row,
                          const TangentNode *node)
{
  guint n = tangent_node_get_n_children (node);
  gpointer value;

  if (node->kind == TANGENT_NODE_PARAMETER)
    {
      const char *name = node->parameter.name;
      gboolean defined = g_hash_table_contains (self->free_parameters, name)
        || (g_hash_table_lookup_extended (self->definitions, name, NULL, &value)
            && get_row (self, GPOINTER_TO_UINT (value) - 1)->parsed != NULL
            && get_row (self, GPOINTER_TO_UINT (value) - 1)->parsed->kind == TANGENT_ROW_PARAMETER);

      if (!defined && strcmp (name, "i") == 0)
        {
          /* e^(iπ) is a student's first try of Euler's formula. */
          set_row_error (row, node->start, node->end,
                         g_error_new (TANGENT_DOCUMENT_ERROR, TANGENT_DOCUMENT_ERROR_UNDEFINED,
                                      _("“i” is not defined: Tangent works with real numbers "
                                        "and has no imaginary unit")));
          return FALSE;
        }

      if (!defined)
        {
          set_row_error (row, node->start, node->end,
                         g_error_new (TANGENT_DOCUMENT_ERROR, TANGENT_DOCUMENT_ERROR_UNDEFINED,
                                      _("“%s” is not defined: add a row such as %s = 1"),
                                      name, name));
          return FALSE;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      if (!check_parameters_defined (self, row, tangent_node_get_child (node, i)))
        return FALSE;
    }

  return TRUE;
}

static void
resolve_row (TangentDocument *self,
             Row             *row)
{
  Resolver r = { self, row, MAX_RESOLVED_NODES, NULL, 0, 0 };
  const TangentRow *parsed = row->parsed;

  /* A row that uses a broken definition is broken too, and says which. */
  for (guint k = 0; k < row->references->len; k++)
    {
      const Reference *ref = &g_array_index (row->references, Reference, k);
      Row *dep = get_row (self, ref->row);

      if (dep->error != NULL)
        {
          g_autofree char *name = row_display_name (self, ref->row);

          set_row_error (row, ref->start, ref->end,
                         g_error_new (TANGENT_DOCUMENT_ERROR, TANGENT_DOCUMENT_ERROR_DEPENDENCY,
                                      _("Uses “%s”, which has an error"), name));
          return;
        }
    }

  if (parsed->kind == TANGENT_ROW_RELATION)
    {
      TangentNode *lhs = resolve_node (&r, parsed->lhs);
      TangentNode *rhs = lhs != NULL ? resolve_node (&r, parsed->rhs) : NULL;

      if (lhs != NULL && rhs != NULL)
        row->resolved = tangent_node_new_binary_sum (lhs, TRUE, rhs);
      else
        {
          tangent_node_free (lhs);
          tangent_node_free (rhs);
        }
    }
  else
    {
      row->resolved = resolve_node (&r, parsed->body);
    }

  if (r.error != NULL)
    {
      g_clear_pointer (&row->resolved, tangent_node_free);
      set_row_error (row, r.error_start, r.error_end, r.error);
      return;
    }

  if (!check_parameters_defined (self, row, row->resolved))
    g_clear_pointer (&row->resolved, tangent_node_free);
}

/* Evaluates the parameter rows in dependency order, each with the values
 * of those before it; a value set from outside (a slider, --param) wins
 * over the row's own. */
static void
compute_parameters (TangentDocument *self,
                    GArray          *order)
{
  for (guint k = 0; k < order->len; k++)
    {
      Row *row = get_row (self, g_array_index (order, guint, k));
      double *override;
      guint slot;
      double value;

      if (row->parsed == NULL || row->parsed->kind != TANGENT_ROW_PARAMETER
          || row->resolved == NULL)
        continue;

      slot = param_slot (self, row->parsed->name);
      override = g_hash_table_lookup (self->overrides, row->parsed->name);

      if (override != NULL)
        value = *override;
      else
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(TangentProgram) program = tangent_compile (row->resolved,
                                                               self->param_values->len, &error);

          value = program != NULL
            ? tangent_program_eval1 (program, (const double *) self->param_values->data,
                                     NAN, NAN, NAN)
            : NAN;
        }

      if (!isfinite (value))
        {
          set_row_error (row, 0, row->length,
                         g_error_new (TANGENT_DOCUMENT_ERROR, TANGENT_DOCUMENT_ERROR_NOT_FINITE,
                                      _("The value of “%s” must be a finite number, not %s"),
                                      row->parsed->name,
                                      isnan (value) ? "nan" : value > 0 ? "inf" : "-inf"));
          g_array_index (self->param_values, double, slot) = NAN;
          g_array_index (self->param_has_value, gboolean, slot) = FALSE;
          continue;
        }

      g_array_index (self->param_values, double, slot) = value;
      g_array_index (self->param_has_value, gboolean, slot) = TRUE;
    }

  /* Free parameters have only the values given from outside. */
  for (guint slot = 0; slot < self->param_names->len; slot++)
    {
      double *override = g_hash_table_lookup (self->overrides,
                                              g_ptr_array_index (self->param_names, slot));

      if (override != NULL)
        {
          g_array_index (self->param_values, double, slot) = *override;
          g_array_index (self->param_has_value, gboolean, slot) = TRUE;
        }
    }
}

/**
 * tangent_document_resolve:
 * @self: a document
 *
 * Parses every row and resolves the document: which rows define which
 * names, the order they depend on each other in, cycles and duplicates
 * (an error on each row involved, the others unaffected), user functions
 * and derivative rows inlined, parameters given slots and values.
 */
void
tangent_document_resolve (TangentDocument *self)
{
  g_autoptr(GArray) order = NULL;

  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->rows->len; i++)
    row_clear_results (get_row (self, i));
  g_hash_table_remove_all (self->param_slots);
  g_ptr_array_set_size (self->param_names, 0);
  g_array_set_size (self->param_values, 0);
  g_array_set_size (self->param_has_value, 0);

  collect_definitions (self);
  parse_rows (self);
  order = order_rows (self);

  /* Defined parameters get the first slots, in row order. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = get_row (self, i);

      if (row->parsed != NULL && row->parsed->kind == TANGENT_ROW_PARAMETER && row->error == NULL)
        param_slot (self, row->parsed->name);
    }

  for (guint k = 0; k < order->len; k++)
    {
      Row *row = get_row (self, g_array_index (order, guint, k));

      if (row->error == NULL && row->parsed != NULL)
        resolve_row (self, row);

      /* Later parameters may use this one's value. */
      if (row->error == NULL && row->parsed != NULL
          && row->parsed->kind == TANGENT_ROW_PARAMETER)
        {
          g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (guint));
          guint index = g_array_index (order, guint, k);

          g_array_append_val (one, index);
          compute_parameters (self, one);
        }
    }

  compute_parameters (self, order);
}

/**
 * tangent_document_get_row_error:
 * @self: a resolved document
 * @row: a row index
 * @start: (out) (optional): first byte of the span to underline
 * @end: (out) (optional): one past its last byte
 *
 * Returns: (transfer none) (nullable): the row's error, or %NULL
 */
const GError *
tangent_document_get_row_error (TangentDocument *self,
                                guint            i,
                                guint           *start,
                                guint           *end)
{
  Row *row;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->rows->len, NULL);

  row = get_row (self, i);
  if (start != NULL)
    *start = row->error_start;
  if (end != NULL)
    *end = row->error_end;

  return row->error;
}

TangentRowKind
tangent_document_get_row_kind (TangentDocument *self,
                               guint            i)
{
  Row *row;

  g_return_val_if_fail (self != NULL, TANGENT_ROW_EXPRESSION);
  g_return_val_if_fail (i < self->rows->len, TANGENT_ROW_EXPRESSION);

  row = get_row (self, i);
  return row->parsed != NULL ? row->parsed->kind : TANGENT_ROW_EXPRESSION;
}

/**
 * tangent_document_get_row_parsed:
 * @self: a resolved document
 * @row: a row index
 *
 * Returns: (transfer none) (nullable): the row as parsed, or %NULL when it
 *   did not parse
 */
const TangentRow *
tangent_document_get_row_parsed (TangentDocument *self,
                                 guint            i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->rows->len, NULL);

  return get_row (self, i)->parsed;
}

/**
 * tangent_document_get_row_expr:
 * @self: a resolved document
 * @row: a row index
 *
 * The row's formula with every user function inlined and every parameter
 * given its slot, ready to compile: an expression's body, a function's
 * body over its arguments (the first is x, the second y), a parameter's
 * value, a relation's left side minus its right side.
 *
 * Returns: (transfer none) (nullable): the tree, or %NULL for a row with
 *   an error
 */
const TangentNode *
tangent_document_get_row_expr (TangentDocument *self,
                               guint            i)
{
  Row *row;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->rows->len, NULL);

  row = get_row (self, i);
  return row->error == NULL ? row->resolved : NULL;
}

guint
tangent_document_get_n_parameters (TangentDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->param_names->len;
}

const char *
tangent_document_get_parameter_name (TangentDocument *self,
                                     guint            slot)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (slot < self->param_names->len, NULL);

  return g_ptr_array_index (self->param_names, slot);
}

/**
 * tangent_document_lookup_parameter:
 * @self: a resolved document
 * @name: a parameter name
 *
 * Returns: the parameter's slot, or -1 when no row uses or defines @name
 */
int
tangent_document_lookup_parameter (TangentDocument *self,
                                   const char      *name)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->param_slots, name)) - 1;
}

gboolean
tangent_document_parameter_has_value (TangentDocument *self,
                                      guint            slot)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (slot < self->param_names->len, FALSE);

  return g_array_index (self->param_has_value, gboolean, slot);
}

double
tangent_document_get_parameter_value (TangentDocument *self,
                                      guint            slot)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (slot < self->param_names->len, NAN);

  return g_array_index (self->param_values, double, slot);
}

/**
 * tangent_document_set_parameter_value:
 * @self: a resolved document
 * @slot: a parameter slot
 * @value: its new value
 *
 * Sets a parameter from outside, as a slider or `--param` does. The value
 * holds until the document is freed, across resolves, and parameters
 * defined in terms of this one follow it.
 */
void
tangent_document_set_parameter_value (TangentDocument *self,
                                      guint            slot,
                                      double           value)
{
  g_autoptr(GArray) order = NULL;
  double *stored;

  g_return_if_fail (self != NULL);
  g_return_if_fail (slot < self->param_names->len);

  stored = g_new (double, 1);
  *stored = value;
  g_hash_table_insert (self->overrides, g_strdup (g_ptr_array_index (self->param_names, slot)),
                       stored);

  /* Rows are already in dependency order after a resolve; recompute the
   * parameter rows in that order. */
  for (guint i = 0; i < self->rows->len; i++)
    get_row (self, i)->mark = MARK_NONE;
  order = order_rows (self);
  compute_parameters (self, order);
}

/**
 * tangent_document_get_parameter_values:
 * @self: a resolved document
 *
 * Returns: (transfer none) (array): the values by slot, NaN where a
 *   parameter has none; what compiled programs take as parameters
 */
const double *
tangent_document_get_parameter_values (TangentDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const double *) self->param_values->data;
}
