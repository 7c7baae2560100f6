/* tangent-session.c: the session model, and writing it as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader is in tangent-session-load.c. The writer writes what the
 * model holds, every key in one fixed order, optional keys only when they
 * differ from their defaults, so that a file diffs well and reading it
 * back gives the same session field by field. It never writes a number
 * that is not finite (jansson could not, and no reader would take it
 * back): such a field is left out and reads back as its default.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-session"

#include <glib/gi18n-lib.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tangent-format.h"
#include "tangent-session-private.h"

G_DEFINE_QUARK (tangent-session-error-quark, tangent_session_error)

const char * const _tangent_session_colormaps[] = {
  "viridis", "cividis", "magma", "diverging", NULL
};

const guint _tangent_session_default_orders[3] = { 1, 2, 3 };

/* "#rrggbb" or "#rgb", any case, to "#rrggbb" in lower case; NULL for
 * anything else. */
char *
_tangent_session_normalize_color (const char *text)
{
  gsize n;

  if (text == NULL || text[0] != '#')
    return NULL;
  n = strlen (text + 1);
  if (n != 3 && n != 6)
    return NULL;
  for (gsize i = 1; i <= n; i++)
    if (!g_ascii_isxdigit (text[i]))
      return NULL;

  if (n == 6)
    return g_ascii_strdown (text, -1);

  return g_strdup_printf ("#%c%c%c%c%c%c",
                          g_ascii_tolower (text[1]), g_ascii_tolower (text[1]),
                          g_ascii_tolower (text[2]), g_ascii_tolower (text[2]),
                          g_ascii_tolower (text[3]), g_ascii_tolower (text[3]));
}

/* Model: construction and destruction */

TangentSessionContour *
_tangent_session_contour_new (void)
{
  TangentSessionContour *c = g_new0 (TangentSessionContour, 1);

  c->grid = TANGENT_SESSION_DEFAULT_CONTOUR_GRID;
  c->n_levels = TANGENT_SESSION_DEFAULT_N_LEVELS;
  c->filled = TRUE;
  c->lines = TRUE;
  c->labels = TRUE;
  c->colorbar = TRUE;
  c->colormap = g_strdup (TANGENT_SESSION_DEFAULT_COLORMAP);
  return c;
}

void
_tangent_session_contour_free (TangentSessionContour *contour)
{
  if (contour == NULL)
    return;
  g_free (contour->formula);
  g_free (contour->levels);
  g_free (contour->colormap);
  g_free (contour);
}

TangentSessionArrows *
_tangent_session_arrows_new (void)
{
  TangentSessionArrows *a = g_new0 (TangentSessionArrows, 1);

  a->grid = TANGENT_SESSION_DEFAULT_ARROWS_GRID;
  return a;
}

void
_tangent_session_arrows_free (TangentSessionArrows *arrows)
{
  if (arrows == NULL)
    return;
  g_free (arrows->formula);
  g_free (arrows);
}

TangentSessionTaylor *
_tangent_session_taylor_new (void)
{
  TangentSessionTaylor *t = g_new0 (TangentSessionTaylor, 1);

  t->n_orders = G_N_ELEMENTS (_tangent_session_default_orders);
  t->orders = g_memdup2 (_tangent_session_default_orders, sizeof _tangent_session_default_orders);
  t->band = TRUE;
  t->inset = TRUE;
  return t;
}

void
_tangent_session_taylor_free (TangentSessionTaylor *taylor)
{
  if (taylor == NULL)
    return;
  g_free (taylor->formula);
  g_free (taylor->orders);
  g_free (taylor);
}

void
_tangent_session_parameter_free (TangentSessionParameter *parameter)
{
  if (parameter == NULL)
    return;
  g_free (parameter->name);
  g_free (parameter);
}

void
_tangent_session_formula_free (TangentSessionFormula *formula)
{
  if (formula == NULL)
    return;
  g_free (formula->text);
  g_free (formula->color);
  g_free (formula->label);
  g_free (formula);
}

void
_tangent_session_marker_free (TangentSessionMarker *marker)
{
  if (marker == NULL)
    return;
  g_free (marker->label);
  g_free (marker);
}

void
_tangent_session_path_free (TangentSessionPath *path)
{
  if (path == NULL)
    return;
  g_free (path->xy);
  g_free (path->label);
  g_free (path->color);
  g_free (path);
}

void
_tangent_session_line_free (TangentSessionLine *line)
{
  if (line == NULL)
    return;
  g_free (line->formula);
  g_free (line);
}

/**
 * tangent_session_view_new:
 *
 * Returns: (transfer full): a view with every setting at its default:
 * x from -10 to 10, y from -6.5 to 6.5, 1200 × 900 pixels at 96 dpi,
 * print style, legend and grid on, nothing overlaid.
 */
TangentSessionView *
tangent_session_view_new (void)
{
  TangentSessionView *v = g_new0 (TangentSessionView, 1);

  v->xmin = TANGENT_SESSION_DEFAULT_XMIN;
  v->xmax = TANGENT_SESSION_DEFAULT_XMAX;
  v->ymin = TANGENT_SESSION_DEFAULT_YMIN;
  v->ymax = TANGENT_SESSION_DEFAULT_YMAX;
  v->width = TANGENT_SESSION_DEFAULT_WIDTH;
  v->height = TANGENT_SESSION_DEFAULT_HEIGHT;
  v->dpi = TANGENT_SESSION_DEFAULT_DPI;
  v->style = g_strdup (TANGENT_SESSION_DEFAULT_STYLE);
  v->legend = TRUE;
  v->grid = TRUE;
  v->taylor = g_ptr_array_new_with_free_func ((GDestroyNotify) _tangent_session_taylor_free);
  v->markers = g_ptr_array_new_with_free_func ((GDestroyNotify) _tangent_session_marker_free);
  v->paths = g_ptr_array_new_with_free_func ((GDestroyNotify) _tangent_session_path_free);
  v->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) _tangent_session_line_free);
  return v;
}

void
tangent_session_view_free (TangentSessionView *view)
{
  if (view == NULL)
    return;
  g_free (view->name);
  g_free (view->title);
  g_free (view->x_label);
  g_free (view->y_label);
  g_free (view->style);
  _tangent_session_contour_free (view->contour);
  _tangent_session_arrows_free (view->arrows);
  g_ptr_array_unref (view->taylor);
  g_ptr_array_unref (view->markers);
  g_ptr_array_unref (view->paths);
  g_ptr_array_unref (view->lines);
  g_free (view);
}

/**
 * tangent_session_new:
 *
 * Returns: (transfer full): an empty session: no parameters, no formulas,
 * a default main view, no further views, no warnings.
 */
TangentSession *
tangent_session_new (void)
{
  TangentSession *s = g_new0 (TangentSession, 1);

  s->parameters = g_ptr_array_new_with_free_func ((GDestroyNotify) _tangent_session_parameter_free);
  s->formulas = g_ptr_array_new_with_free_func ((GDestroyNotify) _tangent_session_formula_free);
  s->view = tangent_session_view_new ();
  s->views = g_ptr_array_new_with_free_func ((GDestroyNotify) tangent_session_view_free);
  s->warnings = g_ptr_array_new_with_free_func (g_free);
  return s;
}

void
tangent_session_free (TangentSession *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->parameters);
  g_ptr_array_unref (self->formulas);
  tangent_session_view_free (self->view);
  g_ptr_array_unref (self->views);
  g_ptr_array_unref (self->warnings);
  g_free (self);
}

const TangentSessionView *
tangent_session_find_view (const TangentSession *self,
                           const char           *name)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (name == NULL || name[0] == '\0')
    return self->view;

  for (guint i = 0; i < self->views->len; i++)
    {
      const TangentSessionView *v = g_ptr_array_index (self->views, i);

      if (g_strcmp0 (v->name, name) == 0)
        return v;
    }
  return NULL;
}

/* Equality, field by field */

static gboolean
same_double (double a,
             double b)
{
  return a == b || (isnan (a) && isnan (b));
}

static gboolean
same_doubles (const double *a,
              const double *b,
              guint         n)
{
  for (guint i = 0; i < n; i++)
    if (!same_double (a[i], b[i]))
      return FALSE;
  return TRUE;
}

static gboolean
same_contour (const TangentSessionContour *a,
              const TangentSessionContour *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (a->formula, b->formula) == 0
         && a->grid == b->grid
         && a->n_levels == b->n_levels
         && a->n_given == b->n_given
         && (a->levels == NULL) == (b->levels == NULL)
         && (a->levels == NULL || same_doubles (a->levels, b->levels, a->n_given))
         && !a->filled == !b->filled
         && !a->lines == !b->lines
         && !a->labels == !b->labels
         && !a->colorbar == !b->colorbar
         && g_strcmp0 (a->colormap, b->colormap) == 0;
}

static gboolean
same_arrows (const TangentSessionArrows *a,
             const TangentSessionArrows *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (a->formula, b->formula) == 0
         && !a->negative == !b->negative
         && a->grid == b->grid
         && !a->normalized == !b->normalized
         && !a->streamlines == !b->streamlines;
}

static gboolean
same_taylor (const TangentSessionTaylor *a,
             const TangentSessionTaylor *b)
{
  return g_strcmp0 (a->formula, b->formula) == 0
         && same_double (a->center, b->center)
         && a->n_orders == b->n_orders
         && (a->n_orders == 0 || memcmp (a->orders, b->orders, a->n_orders * sizeof (guint)) == 0)
         && !a->band == !b->band
         && !a->inset == !b->inset;
}

static gboolean
same_marker (const TangentSessionMarker *a,
             const TangentSessionMarker *b)
{
  return same_double (a->x, b->x) && same_double (a->y, b->y)
         && g_strcmp0 (a->label, b->label) == 0;
}

static gboolean
same_path (const TangentSessionPath *a,
           const TangentSessionPath *b)
{
  return a->n_points == b->n_points
         && same_doubles (a->xy, b->xy, 2 * a->n_points)
         && g_strcmp0 (a->label, b->label) == 0
         && g_strcmp0 (a->color, b->color) == 0;
}

static gboolean
same_line (const TangentSessionLine *a,
           const TangentSessionLine *b)
{
  return g_strcmp0 (a->formula, b->formula) == 0
         && same_double (a->x1, b->x1)
         && same_double (a->x2, b->x2)
         && !a->secant == !b->secant;
}

typedef gboolean (*SameFunc) (gconstpointer a, gconstpointer b);

static gboolean
same_arrays (const GPtrArray *a,
             const GPtrArray *b,
             SameFunc         same)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!same (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

static gboolean
same_view (const TangentSessionView *a,
           const TangentSessionView *b)
{
  return g_strcmp0 (a->name, b->name) == 0
         && same_double (a->xmin, b->xmin) && same_double (a->xmax, b->xmax)
         && same_double (a->ymin, b->ymin) && same_double (a->ymax, b->ymax)
         && !a->equal_aspect == !b->equal_aspect
         && g_strcmp0 (a->title, b->title) == 0
         && g_strcmp0 (a->x_label, b->x_label) == 0
         && g_strcmp0 (a->y_label, b->y_label) == 0
         && a->width == b->width && a->height == b->height
         && same_double (a->dpi, b->dpi)
         && g_strcmp0 (a->style, b->style) == 0
         && !a->legend == !b->legend
         && !a->grid == !b->grid
         && same_contour (a->contour, b->contour)
         && same_arrows (a->arrows, b->arrows)
         && same_arrays (a->taylor, b->taylor, (SameFunc) same_taylor)
         && same_arrays (a->markers, b->markers, (SameFunc) same_marker)
         && same_arrays (a->paths, b->paths, (SameFunc) same_path)
         && same_arrays (a->lines, b->lines, (SameFunc) same_line);
}

static gboolean
same_parameter (const TangentSessionParameter *a,
                const TangentSessionParameter *b)
{
  return g_strcmp0 (a->name, b->name) == 0
         && same_double (a->value, b->value)
         && same_double (a->min, b->min)
         && same_double (a->max, b->max)
         && same_double (a->step, b->step);
}

static gboolean
same_formula (const TangentSessionFormula *a,
              const TangentSessionFormula *b)
{
  return g_strcmp0 (a->text, b->text) == 0
         && g_strcmp0 (a->color, b->color) == 0
         && !a->visible == !b->visible
         && same_double (a->width, b->width)
         && g_strcmp0 (a->label, b->label) == 0;
}

/**
 * tangent_session_equal:
 *
 * Whether two sessions hold the same parameters, formulas and views,
 * field by field (numbers compared exactly; the warnings of a load are
 * not part of a session's content).
 */
gboolean
tangent_session_equal (const TangentSession *a,
                       const TangentSession *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return same_arrays (a->parameters, b->parameters, (SameFunc) same_parameter)
         && same_arrays (a->formulas, b->formulas, (SameFunc) same_formula)
         && same_view (a->view, b->view)
         && same_arrays (a->views, b->views, (SameFunc) same_view);
}

/* Writing */

static void
set_string (json_t     *obj,
            const char *key,
            const char *value)
{
  g_autofree char *valid = NULL;

  if (value == NULL)
    return;
  /* jansson takes only UTF-8; the model should hold nothing else. */
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  json_object_set_new (obj, key, json_string (value));
}

static void
set_real (json_t     *obj,
          const char *key,
          double      value)
{
  if (isfinite (value))
    json_object_set_new (obj, key, json_real (value));
}

static void
set_uint (json_t     *obj,
          const char *key,
          guint       value)
{
  json_object_set_new (obj, key, json_integer ((json_int_t) value));
}

static void
set_bool (json_t     *obj,
          const char *key,
          gboolean    value)
{
  json_object_set_new (obj, key, json_boolean (value));
}

static json_t *
contour_to_json (const TangentSessionContour *c)
{
  json_t *o = json_object ();

  set_string (o, "formula", c->formula != NULL ? c->formula : "");
  if (c->grid != TANGENT_SESSION_DEFAULT_CONTOUR_GRID)
    set_uint (o, "grid", c->grid);
  if (c->n_levels != TANGENT_SESSION_DEFAULT_N_LEVELS)
    set_uint (o, "n_levels", c->n_levels);
  if (c->levels != NULL && c->n_given > 0)
    {
      json_t *levels = json_array ();

      for (guint i = 0; i < c->n_given; i++)
        if (isfinite (c->levels[i]))
          json_array_append_new (levels, json_real (c->levels[i]));
      json_object_set_new (o, "levels", levels);
    }
  if (!c->filled)
    set_bool (o, "filled", FALSE);
  if (!c->lines)
    set_bool (o, "lines", FALSE);
  if (!c->labels)
    set_bool (o, "labels", FALSE);
  if (!c->colorbar != !c->filled)
    set_bool (o, "colorbar", c->colorbar);
  if (c->colormap != NULL && strcmp (c->colormap, TANGENT_SESSION_DEFAULT_COLORMAP) != 0)
    set_string (o, "colormap", c->colormap);
  return o;
}

static json_t *
arrows_to_json (const TangentSessionArrows *a)
{
  json_t *o = json_object ();

  set_string (o, "formula", a->formula != NULL ? a->formula : "");
  if (a->negative)
    set_bool (o, "negative", TRUE);
  if (a->grid != TANGENT_SESSION_DEFAULT_ARROWS_GRID)
    set_uint (o, "grid", a->grid);
  if (a->normalized)
    set_bool (o, "normalized", TRUE);
  if (a->streamlines)
    set_bool (o, "streamlines", TRUE);
  return o;
}

static json_t *
taylor_to_json (const TangentSessionTaylor *t)
{
  json_t *o = json_object ();
  json_t *orders = json_array ();

  set_string (o, "formula", t->formula != NULL ? t->formula : "");
  set_real (o, "center", t->center);
  for (guint i = 0; i < t->n_orders; i++)
    json_array_append_new (orders, json_integer ((json_int_t) t->orders[i]));
  json_object_set_new (o, "orders", orders);
  if (!t->band)
    set_bool (o, "band", FALSE);
  if (!t->inset)
    set_bool (o, "inset", FALSE);
  return o;
}

static json_t *
view_to_json (const TangentSessionView *v,
              gboolean                  named)
{
  json_t *o = json_object ();

  if (named)
    set_string (o, "name", v->name != NULL ? v->name : "");
  set_real (o, "xmin", v->xmin);
  set_real (o, "xmax", v->xmax);
  set_real (o, "ymin", v->ymin);
  set_real (o, "ymax", v->ymax);
  if (v->equal_aspect)
    set_bool (o, "equal_aspect", TRUE);
  set_string (o, "title", v->title);
  set_string (o, "x_label", v->x_label);
  set_string (o, "y_label", v->y_label);
  if (v->width != TANGENT_SESSION_DEFAULT_WIDTH)
    set_uint (o, "width", v->width);
  if (v->height != TANGENT_SESSION_DEFAULT_HEIGHT)
    set_uint (o, "height", v->height);
  if (v->dpi != TANGENT_SESSION_DEFAULT_DPI)
    set_real (o, "dpi", v->dpi);
  if (v->style != NULL && strcmp (v->style, TANGENT_SESSION_DEFAULT_STYLE) != 0)
    set_string (o, "style", v->style);
  if (!v->legend)
    set_bool (o, "legend", FALSE);
  if (!v->grid)
    set_bool (o, "grid", FALSE);
  if (v->contour != NULL)
    json_object_set_new (o, "contour", contour_to_json (v->contour));
  if (v->arrows != NULL)
    json_object_set_new (o, "arrows", arrows_to_json (v->arrows));

  if (v->taylor->len > 0)
    {
      json_t *a = json_array ();

      for (guint i = 0; i < v->taylor->len; i++)
        json_array_append_new (a, taylor_to_json (g_ptr_array_index (v->taylor, i)));
      json_object_set_new (o, "taylor", a);
    }

  if (v->markers->len > 0)
    {
      json_t *a = json_array ();

      for (guint i = 0; i < v->markers->len; i++)
        {
          const TangentSessionMarker *m = g_ptr_array_index (v->markers, i);
          json_t *mo;

          if (!isfinite (m->x) || !isfinite (m->y))
            continue;
          mo = json_object ();
          set_real (mo, "x", m->x);
          set_real (mo, "y", m->y);
          set_string (mo, "label", m->label);
          json_array_append_new (a, mo);
        }
      json_object_set_new (o, "markers", a);
    }

  if (v->paths->len > 0)
    {
      json_t *a = json_array ();

      for (guint i = 0; i < v->paths->len; i++)
        {
          const TangentSessionPath *p = g_ptr_array_index (v->paths, i);
          json_t *po = json_object ();
          json_t *points = json_array ();

          for (guint k = 0; k < p->n_points; k++)
            {
              double x = p->xy[2 * k], y = p->xy[2 * k + 1];

              if (isfinite (x) && isfinite (y))
                json_array_append_new (points, json_pack ("[ff]", x, y));
            }
          json_object_set_new (po, "points", points);
          set_string (po, "label", p->label);
          set_string (po, "color", p->color);
          json_array_append_new (a, po);
        }
      json_object_set_new (o, "paths", a);
    }

  if (v->lines->len > 0)
    {
      json_t *a = json_array ();

      for (guint i = 0; i < v->lines->len; i++)
        {
          const TangentSessionLine *l = g_ptr_array_index (v->lines, i);
          json_t *lo = json_object ();

          set_string (lo, "formula", l->formula != NULL ? l->formula : "");
          set_real (lo, "x1", l->x1);
          if (!same_double (l->x2, l->x1))
            set_real (lo, "x2", l->x2);
          if (l->secant)
            set_bool (lo, "secant", TRUE);
          json_array_append_new (a, lo);
        }
      json_object_set_new (o, "lines", a);
    }

  return o;
}

/* jansson writes every real with the same number of significant digits,
 * so 0.1 would come out as 0.10000000000000001: exact, but not what a
 * lecturer typed or wants to edit. Each real number token outside the
 * strings is rewritten as the shortest decimal that reads back as the same
 * double. */
static char *
shorten_reals (const char *json)
{
  GString *out = g_string_sized_new (strlen (json) + 1);
  const char *p = json;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          const char *start = p++;

          while (*p != '\0' && *p != '"')
            p += (*p == '\\' && p[1] != '\0') ? 2 : 1;
          if (*p == '"')
            p++;
          g_string_append_len (out, start, p - start);
        }
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          const char *start = p;
          gboolean real = FALSE;

          while (*p == '-' || *p == '+' || *p == '.' || *p == 'e' || *p == 'E' || g_ascii_isdigit (*p))
            {
              real |= (*p == '.' || *p == 'e' || *p == 'E');
              p++;
            }

          if (real)
            {
              char buf[TANGENT_FORMAT_BUF_SIZE];
              double value = g_ascii_strtod (start, NULL);
              /* The shortest form drops the sign of zero; a file keeps it. */
              const char *text = value == 0 && signbit (value) ? "-0.0"
                                 : tangent_format_shortest (buf, value);

              g_string_append (out, text);
              /* Keep it a real for readers that tell 1.0 from 1. */
              if (strpbrk (text, ".eE") == NULL)
                g_string_append (out, ".0");
            }
          else
            g_string_append_len (out, start, p - start);
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

/**
 * tangent_session_to_data:
 * @length: (out) (optional): the length of the text, without its NUL
 *
 * Returns: (transfer full): the session as a JSON text in UTF-8, ending
 * with a newline; each number written as the shortest decimal that reads
 * back to the same double.
 */
char *
tangent_session_to_data (const TangentSession *self,
                         gsize                *length)
{
  json_t *root, *params, *formulas;
  char *dumped, *data;
  g_autofree char *shortened = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  root = json_object ();
  set_string (root, "format", TANGENT_SESSION_FORMAT_NAME);
  set_uint (root, "version", TANGENT_SESSION_FORMAT_VERSION);

  params = json_array ();
  for (guint i = 0; i < self->parameters->len; i++)
    {
      const TangentSessionParameter *p = g_ptr_array_index (self->parameters, i);
      json_t *o = json_object ();

      set_string (o, "name", p->name != NULL ? p->name : "");
      set_real (o, "value", p->value);
      set_real (o, "min", p->min);
      set_real (o, "max", p->max);
      set_real (o, "step", p->step);
      json_array_append_new (params, o);
    }
  json_object_set_new (root, "parameters", params);

  formulas = json_array ();
  for (guint i = 0; i < self->formulas->len; i++)
    {
      const TangentSessionFormula *f = g_ptr_array_index (self->formulas, i);
      json_t *o = json_object ();

      set_string (o, "text", f->text != NULL ? f->text : "");
      set_string (o, "color", f->color);
      set_bool (o, "visible", f->visible);
      if (f->width != 0)
        set_real (o, "width", f->width);
      set_string (o, "label", f->label);
      json_array_append_new (formulas, o);
    }
  json_object_set_new (root, "formulas", formulas);

  json_object_set_new (root, "view", view_to_json (self->view, FALSE));

  if (self->views->len > 0)
    {
      json_t *views = json_array ();

      for (guint i = 0; i < self->views->len; i++)
        json_array_append_new (views, view_to_json (g_ptr_array_index (self->views, i), TRUE));
      json_object_set_new (root, "views", views);
    }

  dumped = json_dumps (root, JSON_INDENT (2) | JSON_REAL_PRECISION (17) | JSON_PRESERVE_ORDER);
  json_decref (root);
  g_assert (dumped != NULL);

  shortened = shorten_reals (dumped);
  free (dumped);
  data = g_strconcat (shortened, "\n", NULL);
  if (length != NULL)
    *length = strlen (data);
  return data;
}

/**
 * tangent_session_save_file:
 *
 * Writes the session to @path atomically: to a new file beside it, synced,
 * then renamed over the old one, so that a crash or a full disk leaves
 * either the old file or the new one, never a mixture.
 */
gboolean
tangent_session_save_file (const TangentSession *self,
                           const char           *path,
                           GError              **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  gsize length;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = tangent_session_to_data (self, &length);
  if (!g_file_set_contents_full (path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0666, &local))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_IO,
                   _("Cannot save “%s”: %s"), name, local->message);
      return FALSE;
    }
  return TRUE;
}
