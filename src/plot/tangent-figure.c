/* tangent-figure.c: a session's view drawn as a whole figure — title,
 * axes, functions, relations, contour map, arrows, overlays, colour bar,
 * legend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tangent_figure_new() does the work that does not depend on the picture's
 * size: the rows become one document, resolved together, and everything
 * the view draws is compiled once. tangent_figure_draw() then evaluates,
 * contours, lays out and draws on every call, which is the interactive
 * redraw the window does and `tangent-cli bench --render` times.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-figure"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tangent-arrows.h"
#include "tangent-axes.h"
#include "tangent-colormap.h"
#include "tangent-contour-draw.h"
#include "tangent-curve.h"
#include "tangent-document.h"
#include "tangent-escape.h"
#include "tangent-format.h"
#include "tangent-figure-private.h"
#include "tangent-grid.h"
#include "tangent-math-markup.h"
#include "tangent-overlay.h"
#include "tangent-sampler.h"

G_DEFINE_QUARK (tangent-figure-error-quark, tangent_figure_error)

/* Characters of a row quoted in a warning. */
#define EXCERPT_CHARS 40

/* A setting whose formula could not become a row of the document. */
#define NO_ROW G_MAXUINT

static void
item_free (FigureItem *item)
{
  g_clear_pointer (&item->prog, tangent_program_unref);
  g_clear_pointer (&item->legend, g_free);
  g_free (item);
}

static void
taylor_free (FigureTaylor *taylor)
{
  g_clear_pointer (&taylor->prog, tangent_program_unref);
  g_free (taylor->text);
  g_free (taylor->orders);
  g_free (taylor);
}

static void
line_free (FigureLine *line)
{
  g_clear_pointer (&line->prog, tangent_program_unref);
  g_free (line->text);
  g_free (line->legend);
  g_free (line);
}

static void
contour_free (FigureContour *contour)
{
  g_clear_pointer (&contour->prog, tangent_program_unref);
  g_free (contour->text);
  g_free (contour->given);
  g_free (contour->label);
  g_free (contour);
}

static void
arrows_free (FigureArrows *arrows)
{
  g_clear_pointer (&arrows->grad, tangent_program_unref);
  g_free (arrows->text);
  g_free (arrows);
}

static void
marker_free (FigureMarker *marker)
{
  g_free (marker->label);
  g_free (marker);
}

static void
path_free (FigurePath *path)
{
  g_free (path->xy);
  g_free (path->legend);
  g_free (path);
}

void
tangent_figure_free (TangentFigure *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->document, tangent_document_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->x_label, g_free);
  g_clear_pointer (&self->y_label, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->contour, contour_free);
  g_clear_pointer (&self->arrows, arrows_free);
  g_clear_pointer (&self->taylor, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->markers, g_ptr_array_unref);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->view_warnings, g_ptr_array_unref);
  g_free (self->z);
  g_free (self);
}

static void
warn (TangentFigure *self,
      gboolean       about_row,
      const char    *format,
      ...) G_GNUC_PRINTF (3, 4);

/* Formats chosen at run time (one per kind of setting, translated whole);
 * each has two %s: the formula and the reason. */
#define FORMAT_ROW      N_("The row “%s” is not drawn: %s")
#define FORMAT_CONTOUR  N_("The contour map of “%s” is not drawn: %s")
#define FORMAT_ARROWS   N_("The gradient field of “%s” is not drawn: %s")
#define FORMAT_TAYLOR   N_("The Taylor polynomials of “%s” are not drawn: %s")
#define FORMAT_TANGENT  N_("The tangent line of “%s” is not drawn: %s")
#define FORMAT_SECANT   N_("The secant of “%s” is not drawn: %s")

static void
warn_formula (TangentFigure *self,
              const char    *format,
              const char    *formula,
              const char    *reason)
{
  g_autofree char *message = NULL;

  /* Only the fixed formats above reach here. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  message = g_strdup_printf (_(format), formula, reason);
#pragma GCC diagnostic pop
  _tangent_figure_add_warning (self, format != FORMAT_ROW, g_steal_pointer (&message));
}

static void
warn (TangentFigure *self,
      gboolean       about_row,
      const char    *format,
      ...)
{
  va_list ap;

  va_start (ap, format);
  _tangent_figure_add_warning (self, !about_row, g_strdup_vprintf (format, ap));
  va_end (ap);
}

/* Adds message (taken) to the warnings once; about_view: it concerns the
 * view's settings rather than a row, which the window shows with the row. */
void
_tangent_figure_add_warning (TangentFigure *self,
                             gboolean       about_view,
                             char          *message)
{
  for (guint i = 0; i < self->warnings->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->warnings, i), message))
        {
          g_free (message);
          return;
        }
    }

  if (about_view)
    g_ptr_array_add (self->view_warnings, g_strdup (message));
  g_ptr_array_add (self->warnings, message);
}

/* "#rrggbb" (or "#rgb"); FALSE for anything else. */
static gboolean
parse_color (const char   *text,
             TangentColor *color)
{
  guint v[6];
  gsize len;

  if (text == NULL || text[0] != '#')
    return FALSE;
  len = strlen (text + 1);
  if (len != 6 && len != 3)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      int d = g_ascii_xdigit_value (text[1 + i]);

      if (d < 0)
        return FALSE;
      v[i] = d;
    }
  if (len == 3)
    *color = (TangentColor) { v[0] * 17 / 255.0, v[1] * 17 / 255.0, v[2] * 17 / 255.0, 1 };
  else
    *color = (TangentColor) { (v[0] * 16 + v[1]) / 255.0, (v[2] * 16 + v[3]) / 255.0,
                              (v[4] * 16 + v[5]) / 255.0, 1 };
  return TRUE;
}

/* Text without blanks, to tell whether a setting names a row's formula. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* What the session's rows define, learnt from their heads before any row
 * is parsed (as the document itself does). */
typedef struct
{
  char  *name;    /* NULL: the row defines nothing */
  guint  arity;
  TangentRowKind kind;
} RowHead;

/* A formula a setting names: a function row's name becomes a call of it
 * on (x) or (x, y) as the setting needs, anything else is an expression of
 * x and y. Either way it is one more row of the same document, so that it
 * sees the same functions and parameters. Returns the row index. */
static guint
append_setting_row (TangentFigure *self,
                    const RowHead *heads,
                    guint          n_heads,
                    const char    *formula)
{
  g_autofree char *name = g_strstrip (g_strdup (formula));
  g_autofree char *text = NULL;

  for (guint i = 0; i < n_heads; i++)
    {
      if (heads[i].name != NULL && heads[i].kind == TANGENT_ROW_FUNCTION
          && strcmp (heads[i].name, name) == 0)
        {
          if (heads[i].arity == 1)
            text = g_strdup_printf ("%s(x)", name);
          else if (heads[i].arity == 2)
            text = g_strdup_printf ("%s(x, y)", name);
          break;
        }
    }
  if (text == NULL)
    {
      TangentRowKind kind = tangent_parse_row_head (formula, strlen (formula), NULL, NULL);

      /* As a row of its own, "g(x) = …" or "a = 2" would define a name a
       * second time and break the row that defines it. */
      if (kind == TANGENT_ROW_FUNCTION || kind == TANGENT_ROW_PARAMETER)
        return NO_ROW;
      text = g_strdup (formula);
    }

  return tangent_document_append_row (self->document, text, strlen (text));
}

static gboolean
names_row (const char    *formula,
           const RowHead *head,
           const char    *row_text)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (formula == NULL)
    return FALSE;
  a = squeeze (formula);
  if (head->name != NULL && strcmp (a, head->name) == 0)
    return TRUE;
  b = squeeze (row_text);
  return strcmp (a, b) == 0;
}

/* The markup that names a setting's formula in a legend or on the colour
 * bar: f(x, y) for a function row, the expression itself otherwise. */
static char *
setting_markup (const RowHead *heads,
                guint          n_heads,
                const char    *formula)
{
  g_autofree char *name = g_strstrip (g_strdup (formula));

  for (guint i = 0; i < n_heads; i++)
    {
      if (heads[i].name != NULL && heads[i].kind == TANGENT_ROW_FUNCTION
          && strcmp (heads[i].name, name) == 0)
        {
          g_autofree char *call = g_strdup_printf (heads[i].arity == 1 ? "%s(x)" : "%s(x, y)",
                                                   name);

          return tangent_math_markup (call);
        }
    }
  return tangent_math_markup (formula);
}

static char *
excerpt (const char *text)
{
  return tangent_escape_excerpt (text, -1, EXCERPT_CHARS);
}

/* Reports the row's error, if it has one, with format: a translated
 * message with two %s, the formula's excerpt and the reason. */
static gboolean
row_failed (TangentFigure *self,
            guint          doc_row,
            const char    *format,
            const char    *text)
{
  const GError *error = tangent_document_get_row_error (self->document, doc_row, NULL, NULL);
  g_autofree char *shown = NULL;

  if (error == NULL)
    return FALSE;

  shown = excerpt (text);
  warn_formula (self, format, shown, error->message);
  return TRUE;
}

static TangentProgram *
compile_row (TangentFigure *self,
             guint          doc_row,
             gboolean       gradient,
             const char    *format,
             const char    *text)
{
  g_autoptr(GError) error = NULL;
  const TangentNode *expr;
  TangentProgram *prog;
  guint n_params = tangent_document_get_n_parameters (self->document);

  if (doc_row == NO_ROW)
    {
      g_autofree char *shown = excerpt (text);

      warn_formula (self, format, shown,
                    _("a setting names a function row, or gives an expression in x and y; "
                      "this defines a name"));
      return NULL;
    }
  if (row_failed (self, doc_row, format, text))
    return NULL;

  expr = tangent_document_get_row_expr (self->document, doc_row);
  prog = gradient ? tangent_compile_with_gradient (expr, n_params, 2, FALSE, &error)
                  : tangent_compile (expr, n_params, &error);
  if (prog == NULL)
    {
      g_autofree char *shown = excerpt (text);

      warn_formula (self, format, shown, error->message);
    }
  return prog;
}

/* A relation y = g(x) or g(x) = y is a graph: the sampler draws it far
 * better (poles, jumps, steep stretches) than marching squares. The
 * document gives a relation as the tree lhs − rhs. */
static const TangentNode *
graph_of_relation (const TangentNode *expr)
{
  const TangentNode *a, *b;

  if (expr == NULL || expr->kind != TANGENT_NODE_SUM || expr->sum.n != 2
      || expr->sum.negate[0] || !expr->sum.negate[1])
    return NULL;

  a = expr->sum.terms[0];
  b = expr->sum.terms[1];
  if (a->kind == TANGENT_NODE_VARIABLE && a->variable == TANGENT_VARIABLE_Y
      && !tangent_node_depends_on (b, TANGENT_VARIABLE_Y)
      && !tangent_node_depends_on (b, TANGENT_VARIABLE_Z))
    return b;
  if (b->kind == TANGENT_NODE_VARIABLE && b->variable == TANGENT_VARIABLE_Y
      && !tangent_node_depends_on (a, TANGENT_VARIABLE_Y)
      && !tangent_node_depends_on (a, TANGENT_VARIABLE_Z))
    return a;
  return NULL;
}

static gboolean
is_map (const TangentNode *expr)
{
  return expr != NULL && expr->kind == TANGENT_NODE_TUPLE;
}

static void
add_item (TangentFigure               *self,
          const TangentSessionFormula *formula,
          guint                        doc_row,
          guint                       *color_index)
{
  g_autoptr(GError) error = NULL;
  const TangentNode *expr, *graph;
  TangentRowKind kind = tangent_document_get_row_kind (self->document, doc_row);
  guint n_params = tangent_document_get_n_parameters (self->document);
  FigureItem *item;

  if (kind == TANGENT_ROW_PARAMETER)
    return;

  expr = tangent_document_get_row_expr (self->document, doc_row);
  if (is_map (expr) || tangent_node_depends_on (expr, TANGENT_VARIABLE_Z))
    {
      g_autofree char *shown = excerpt (formula->text);

      warn (self, TRUE, _("The row “%s” is not drawn: a 2-D view shows functions of x, of x and y, "
                    "and relations"), shown);
      return;
    }

  item = g_new0 (FigureItem, 1);
  graph = kind == TANGENT_ROW_RELATION ? graph_of_relation (expr) : NULL;
  if (graph != NULL)
    {
      item->kind = ITEM_CURVE;
      expr = graph;
    }
  else if (kind == TANGENT_ROW_RELATION)
    item->kind = ITEM_RELATION;
  else if (tangent_node_depends_on (expr, TANGENT_VARIABLE_Y))
    item->kind = ITEM_LEVELS;
  else
    item->kind = ITEM_CURVE;

  item->prog = tangent_compile (expr, n_params, &error);
  if (item->prog == NULL)
    {
      g_autofree char *shown = excerpt (formula->text);

      warn (self, TRUE, _("The row “%s” is not drawn: %s"), shown, error->message);
      item_free (item);
      return;
    }

  if (!parse_color (formula->color, &item->color))
    item->color = *tangent_plot_style_get_curve_color (&self->style, (*color_index)++);
  /* Widths in the file are points; the figure's units are 1/96 in. */
  item->width = formula->width > 0 ? formula->width * 96.0 / 72.0 : self->style.curve_width;
  if (item->kind != ITEM_LEVELS)
    item->legend = formula->label != NULL ? tangent_math_markup_text (formula->label)
                                          : tangent_math_markup (formula->text);
  g_ptr_array_add (self->items, item);
}

static gboolean
check_view (const TangentSessionView *view,
            GError                  **error)
{
  if (!(isfinite (view->xmin) && isfinite (view->xmax) && view->xmin < view->xmax
        && isfinite (view->xmax - view->xmin)
        && isfinite (view->ymin) && isfinite (view->ymax) && view->ymin < view->ymax
        && isfinite (view->ymax - view->ymin)))
    {
      g_set_error (error, TANGENT_FIGURE_ERROR, TANGENT_FIGURE_ERROR_RANGE,
                   _("The view’s range is empty: it needs xmin < xmax and ymin < ymax, "
                     "all finite"));
      return FALSE;
    }
  return TRUE;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
setup_contour (TangentFigure               *self,
               const TangentSessionContour *settings,
               const RowHead               *heads,
               guint                        n_heads)
{
  FigureContour *contour;
  guint row;

  if (settings->formula == NULL)
    return;

  row = append_setting_row (self, heads, n_heads, settings->formula);
  contour = g_new0 (FigureContour, 1);
  contour->doc_row = row;
  contour->grid = CLAMP (settings->grid > 0 ? settings->grid : 200, 2, 4000);
  contour->n_levels = settings->n_levels > 0 ? MIN (settings->n_levels, FIGURE_MAX_LEVELS) : 10;
  if (settings->levels != NULL && settings->n_given > 0)
    {
      /* A file's levels come sorted from the loader; a session built in
       * code may not, and contour drawing needs them finite and ascending. */
      contour->given = g_new (double, MIN (settings->n_given, FIGURE_MAX_LEVELS));
      for (guint i = 0; i < settings->n_given && contour->n_given < FIGURE_MAX_LEVELS; i++)
        {
          if (isfinite (settings->levels[i]))
            contour->given[contour->n_given++] = settings->levels[i];
        }
      qsort (contour->given, contour->n_given, sizeof (double), compare_doubles);
      if (contour->n_given == 0)
        g_clear_pointer (&contour->given, g_free);
    }
  contour->filled = settings->filled;
  contour->lines = settings->lines;
  contour->labels = settings->labels;
  contour->colorbar = settings->colorbar && settings->filled;
  if (settings->colormap == NULL || !tangent_colormap_from_name (settings->colormap, &contour->map))
    {
      if (settings->colormap != NULL)
        {
          g_autofree char *shown = excerpt (settings->colormap);

          warn (self, FALSE, _("Unknown colour map “%s”: viridis is used"), shown);
        }
      contour->map = TANGENT_COLORMAP_VIRIDIS;
    }
  contour->label = setting_markup (heads, n_heads, settings->formula);
  contour->text = g_strdup (settings->formula);
  self->contour = contour;
}

static void
setup_arrows (TangentFigure              *self,
              const TangentSessionArrows *settings,
              const RowHead              *heads,
              guint                       n_heads)
{
  FigureArrows *arrows;

  if (settings->formula == NULL)
    return;

  arrows = g_new0 (FigureArrows, 1);
  arrows->doc_row = append_setting_row (self, heads, n_heads, settings->formula);
  arrows->text = g_strdup (settings->formula);
  arrows->options.grid = CLAMP (settings->grid > 0 ? settings->grid : 20, 2, 200);
  arrows->options.negative = settings->negative;
  arrows->options.normalized = settings->normalized;
  arrows->options.streamlines = settings->streamlines;
  self->arrows = arrows;
}

/* Copies of the view's settings, so that the figure does not depend on
 * the session staying alive. Formulas are appended to the document here
 * and compiled after it is resolved. */
static void
setup_overlays (TangentFigure            *self,
                const TangentSessionView *view,
                const RowHead            *heads,
                guint                     n_heads)
{
  for (guint i = 0; view->taylor != NULL && i < view->taylor->len; i++)
    {
      const TangentSessionTaylor *t = g_ptr_array_index (view->taylor, i);
      FigureTaylor *taylor;

      if (t->formula == NULL || t->n_orders == 0)
        continue;
      taylor = g_new0 (FigureTaylor, 1);
      taylor->doc_row = append_setting_row (self, heads, n_heads, t->formula);
      taylor->text = g_strdup (t->formula);
      taylor->center = t->center;
      taylor->orders = g_memdup2 (t->orders, t->n_orders * sizeof (guint));
      taylor->n_orders = t->n_orders;
      taylor->band = t->band;
      taylor->inset = t->inset;
      g_ptr_array_add (self->taylor, taylor);
    }

  for (guint i = 0; view->lines != NULL && i < view->lines->len; i++)
    {
      const TangentSessionLine *l = g_ptr_array_index (view->lines, i);
      FigureLine *line;

      if (l->formula == NULL)
        continue;
      line = g_new0 (FigureLine, 1);
      line->doc_row = append_setting_row (self, heads, n_heads, l->formula);
      line->text = g_strdup (l->formula);
      line->x1 = l->x1;
      line->x2 = l->x2;
      line->secant = l->secant;
      g_ptr_array_add (self->lines, line);
    }

  for (guint i = 0; view->markers != NULL && i < view->markers->len; i++)
    {
      const TangentSessionMarker *m = g_ptr_array_index (view->markers, i);
      FigureMarker *marker = g_new0 (FigureMarker, 1);

      marker->x = m->x;
      marker->y = m->y;
      marker->label = m->label != NULL ? tangent_math_markup_text (m->label) : NULL;
      g_ptr_array_add (self->markers, marker);
    }

  for (guint i = 0; view->paths != NULL && i < view->paths->len; i++)
    {
      const TangentSessionPath *p = g_ptr_array_index (view->paths, i);
      FigurePath *path;

      if (p->n_points == 0 || p->xy == NULL)
        continue;
      path = g_new0 (FigurePath, 1);
      path->xy = g_memdup2 (p->xy, p->n_points * 2 * sizeof (double));
      path->n_points = p->n_points;
      path->has_color = parse_color (p->color, &path->color);
      path->legend = p->label != NULL ? tangent_math_markup_text (p->label) : NULL;
      g_ptr_array_add (self->paths, path);
    }
}

static void
apply_parameters (TangentFigure        *self,
                  const TangentSession *session)
{
  for (guint i = 0; session->parameters != NULL && i < session->parameters->len; i++)
    {
      const TangentSessionParameter *p = g_ptr_array_index (session->parameters, i);
      int slot = tangent_document_lookup_parameter (self->document, p->name);

      if (slot >= 0 && isfinite (p->value))
        tangent_document_set_parameter_value (self->document, slot, p->value);
    }
}

/* "tangent at x = 1", "secant through x = 0.5 and 2.5", with a true minus. */
static char *
line_legend (const FigureLine *line)
{
  char a[TANGENT_FORMAT_BUF_SIZE], b[TANGENT_FORMAT_BUF_SIZE];
  g_autofree char *x1 = NULL;
  g_autofree char *x2 = NULL;

  tangent_format_shortest (a, line->x1);
  tangent_format_shortest (b, line->x2);
  x1 = tangent_math_markup (a);
  x2 = tangent_math_markup (b);
  if (line->secant)
    return g_strdup_printf (_("secant through <i>x</i> = %s and %s"), x1, x2);
  return g_strdup_printf (_("tangent at <i>x</i> = %s"), x1);
}

static void
compile_settings (TangentFigure *self,
                  guint         *color_index)
{
  if (self->contour != NULL)
    {
      self->contour->prog = compile_row (self, self->contour->doc_row, FALSE, FORMAT_CONTOUR,
                                         self->contour->text);
      if (self->contour->prog == NULL)
        g_clear_pointer (&self->contour, contour_free);
    }

  if (self->arrows != NULL)
    {
      self->arrows->grad = compile_row (self, self->arrows->doc_row, TRUE, FORMAT_ARROWS,
                                        self->arrows->text);
      if (self->arrows->grad == NULL)
        g_clear_pointer (&self->arrows, arrows_free);
    }

  for (guint i = 0; i < self->taylor->len; i++)
    {
      FigureTaylor *taylor = g_ptr_array_index (self->taylor, i);

      taylor->prog = compile_row (self, taylor->doc_row, FALSE, FORMAT_TAYLOR,
                                  taylor->text);
      if (taylor->prog != NULL && tangent_program_depends_on (taylor->prog, TANGENT_VARIABLE_Y))
        {
          g_autofree char *shown = excerpt (taylor->text);

          warn (self, FALSE, _("The Taylor polynomials of “%s” are not drawn: a 2-D view shows them "
                        "for functions of x only"), shown);
          g_clear_pointer (&taylor->prog, tangent_program_unref);
        }
      taylor->color_index = *color_index;
      *color_index += taylor->n_orders;
    }

  for (guint i = 0; i < self->lines->len; i++)
    {
      FigureLine *line = g_ptr_array_index (self->lines, i);

      line->prog = compile_row (self, line->doc_row, FALSE,
                                line->secant ? FORMAT_SECANT : FORMAT_TANGENT, line->text);
      line->color = *tangent_plot_style_get_curve_color (&self->style, (*color_index)++);
      line->legend = line_legend (line);
    }
}

/**
 * tangent_figure_new:
 * @session: the session
 * @view_name: (nullable): a view's name, or %NULL for the main view
 * @error: a %TANGENT_FIGURE_ERROR when the view cannot be drawn at all
 *
 * Returns: (transfer full) (nullable): the figure, or %NULL
 */
TangentFigure *
tangent_figure_new (const TangentSession *session,
                    const char           *view_name,
                    GError              **error)
{
  g_autoptr(TangentFigure) self = NULL;
  g_autofree RowHead *heads = NULL;
  const TangentSessionView *view;
  guint n_rows, color_index = 0;
  guint *doc_rows;

  g_return_val_if_fail (session != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  view = tangent_session_find_view (session, view_name);
  if (view == NULL)
    {
      g_autofree char *shown = excerpt (view_name);

      g_set_error (error, TANGENT_FIGURE_ERROR, TANGENT_FIGURE_ERROR_NO_VIEW,
                   _("The session has no view named “%s”"), shown);
      return NULL;
    }
  if (!check_view (view, error))
    return NULL;

  self = g_new0 (TangentFigure, 1);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->view_warnings = g_ptr_array_new_with_free_func (g_free);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->taylor = g_ptr_array_new_with_free_func ((GDestroyNotify) taylor_free);
  self->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  self->markers = g_ptr_array_new_with_free_func ((GDestroyNotify) marker_free);
  self->paths = g_ptr_array_new_with_free_func ((GDestroyNotify) path_free);

  self->xmin = view->xmin;
  self->xmax = view->xmax;
  self->ymin = view->ymin;
  self->ymax = view->ymax;
  self->equal_aspect = view->equal_aspect;
  self->legend = view->legend;
  self->grid = view->grid;
  self->width = view->width > 0 ? view->width : 1200;
  self->height = view->height > 0 ? view->height : 900;
  self->dpi = view->dpi > 0 && isfinite (view->dpi) ? view->dpi : 96;
  if (view->style != NULL && strcmp (view->style, "screen") == 0)
    tangent_plot_style_init_dark (&self->style);
  else
    {
      if (view->style != NULL && strcmp (view->style, "print") != 0)
        {
          g_autofree char *shown = excerpt (view->style);

          warn (self, FALSE, _("Unknown style “%s”: the print style is used"), shown);
        }
      tangent_plot_style_init_light (&self->style);
    }
  self->title = view->title != NULL && view->title[0] != '\0'
    ? tangent_math_markup_text (view->title) : NULL;
  self->x_label = view->x_label != NULL ? tangent_math_markup_text (view->x_label)
                                        : tangent_math_markup ("x");
  self->y_label = view->y_label != NULL ? tangent_math_markup_text (view->y_label)
                                        : tangent_math_markup ("y");

  /* The rows, in order, then one row per formula a setting names. */
  self->document = tangent_document_new ();
  for (guint i = 0; session->parameters != NULL && i < session->parameters->len; i++)
    {
      const TangentSessionParameter *p = g_ptr_array_index (session->parameters, i);

      if (p->name != NULL)
        tangent_document_add_free_parameter (self->document, p->name);
    }

  n_rows = session->formulas != NULL ? session->formulas->len : 0;
  heads = g_new0 (RowHead, n_rows + 1);
  doc_rows = g_newa (guint, n_rows + 1);
  for (guint i = 0; i < n_rows; i++)
    {
      const TangentSessionFormula *formula = g_ptr_array_index (session->formulas, i);
      const char *text = formula->text != NULL ? formula->text : "";
      gsize len = strlen (text);

      heads[i].kind = tangent_parse_row_head (text, len, &heads[i].name, &heads[i].arity);
      doc_rows[i] = tangent_document_append_row (self->document, text, len);
    }

  if (view->contour != NULL)
    setup_contour (self, view->contour, heads, n_rows);
  if (view->arrows != NULL)
    setup_arrows (self, view->arrows, heads, n_rows);
  setup_overlays (self, view, heads, n_rows);

  tangent_document_resolve (self->document);
  apply_parameters (self, session);

  /* Rows drawn for themselves: visible ones that no setting draws
   * already (a function of x and y under a contour map or arrows is
   * shown by them, not as extra level lines). */
  for (guint i = 0; i < n_rows; i++)
    {
      const TangentSessionFormula *formula = g_ptr_array_index (session->formulas, i);
      const char *text = formula->text != NULL ? formula->text : "";

      /* Every row's error is reported, drawn or not: a setting that uses
       * the row only says that it does. */
      if (row_failed (self, doc_rows[i], FORMAT_ROW, text) || !formula->visible)
        continue;
      if ((view->contour != NULL && names_row (view->contour->formula, &heads[i], text))
          || (view->arrows != NULL && names_row (view->arrows->formula, &heads[i], text)))
        continue;
      add_item (self, formula, doc_rows[i], &color_index);
    }

  compile_settings (self, &color_index);

  for (guint i = 0; i < n_rows; i++)
    g_free (heads[i].name);

  return g_steal_pointer (&self);
}

void
tangent_figure_get_size (TangentFigure *self,
                         guint         *width,
                         guint         *height)
{
  g_return_if_fail (self != NULL);

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

double
tangent_figure_get_dpi (TangentFigure *self)
{
  g_return_val_if_fail (self != NULL, 96);

  return self->dpi;
}

/**
 * tangent_figure_get_warnings:
 * @self: a figure
 *
 * Returns: (transfer none) (element-type utf8): what was not drawn, and why
 */
GPtrArray *
tangent_figure_get_warnings (TangentFigure *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->warnings;
}

/**
 * tangent_figure_get_view_warnings:
 * @self: a figure
 *
 * The warnings about the view's own settings (a contour map, arrows,
 * Taylor polynomials or lines that cannot be drawn, an unknown style),
 * without those about rows: a window shows those beside each row.
 *
 * Returns: (transfer none) (element-type utf8): a subset of
 *   tangent_figure_get_warnings()
 */
GPtrArray *
tangent_figure_get_view_warnings (TangentFigure *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->view_warnings;
}

/**
 * tangent_figure_set_no_text:
 * @self: a figure
 * @no_text: draw no text at all
 *
 * For golden images in tests, which must not depend on the fonts of the
 * machine: no title, labels, legends or insets; everything else as usual.
 */
void
tangent_figure_set_no_text (TangentFigure *self,
                            gboolean       no_text)
{
  g_return_if_fail (self != NULL);

  self->style.no_text = no_text;
}

const TangentPlotStyle *
tangent_figure_get_style (TangentFigure *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->style;
}

/**
 * tangent_figure_set_parameter:
 * @self: a figure
 * @name: a parameter of the session
 * @value: its new value
 *
 * A slider moved: the next draw uses @value. Nothing is compiled again;
 * parameters defined in terms of this one follow it. A name the figure
 * does not know is ignored.
 */
void
tangent_figure_set_parameter (TangentFigure *self,
                              const char    *name,
                              double         value)
{
  int slot;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  slot = tangent_document_lookup_parameter (self->document, name);
  if (slot >= 0 && isfinite (value))
    tangent_document_set_parameter_value (self->document, slot, value);
}

/**
 * tangent_figure_set_bounds:
 * @self: a figure
 * @xmin: left end of the x range
 * @xmax: right end
 * @ymin: bottom end of the y range
 * @ymax: top end
 *
 * The view was panned or zoomed: the next draw shows these bounds (with
 * the view's equal aspect, if it asks for it). Empty or non-finite ranges
 * are ignored.
 */
void
tangent_figure_set_bounds (TangentFigure *self,
                           double         xmin,
                           double         xmax,
                           double         ymin,
                           double         ymax)
{
  g_return_if_fail (self != NULL);

  if (!(isfinite (xmin) && isfinite (xmax) && xmin < xmax && isfinite (xmax - xmin)
        && isfinite (ymin) && isfinite (ymax) && ymin < ymax && isfinite (ymax - ymin)))
    return;

  self->xmin = xmin;
  self->xmax = xmax;
  self->ymin = ymin;
  self->ymax = ymax;
}

/**
 * tangent_figure_get_plot_area:
 * @self: a figure
 * @vp: (out): the data bounds and the device rectangle of the plot area
 *   of the last tangent_figure_draw()
 *
 * Returns: whether the figure has been drawn with room for a plot area
 */
gboolean
tangent_figure_get_plot_area (TangentFigure   *self,
                              TangentViewport *vp)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (vp != NULL, FALSE);

  if (!self->has_drawn)
    return FALSE;

  *vp = self->drawn;
  return TRUE;
}
