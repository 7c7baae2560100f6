/* tangent-session-load.c: reading a .tangent session, strictly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three steps, each of which may refuse the file with one message that
 * names it, the place and the reason:
 *
 *  1. tangent_json_scan() checks the bytes: strict JSON, UTF-8, at most 64
 *     levels, no duplicate keys, finite numbers, no NUL.
 *  2. jansson parses them into a tree (rejecting duplicates again, and
 *     reading every number as a double: the scan has already bounded
 *     them, and a whole number beyond 64 bits is still a valid double).
 *  3. The tree is mapped onto a new TangentSession, checking the type of
 *     every node before reading it. A wrong type, a missing required key
 *     or a range with no sensible repair is an error naming the JSON path
 *     (view.xmin) and its line, found by a second scan only when needed.
 *     A value with one obvious repair (a parameter outside its slider's
 *     range, an unknown colour name, a grid too fine) is repaired and
 *     listed in session->warnings, each with its path and line.
 *
 * Unknown keys are ignored: a file from a later release of the same
 * format version still opens. Nothing is half-loaded: the result is a
 * complete session or NULL.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-session"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <jansson.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tangent-escape.h"
#include "tangent-json-scan.h"
#include "tangent-session-loader-private.h"

/* A number as messages show it. */
static const char *
number (char   buf[G_ASCII_DTOSTR_BUF_SIZE],
        double value)
{
  return _tangent_loader_format_number (buf, value);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* Parameters and formulas */

static gboolean
load_parameter (TangentLoader *ld,
                json_t        *o,
                GHashTable    *names,
                GPtrArray     *parameters)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE], buf2[G_ASCII_DTOSTR_BUF_SIZE];
  TangentSessionParameter *p;
  gboolean has_value, has_min, has_max, has_step;
  gsize mark;

  if (!_tangent_loader_expect_object (ld, o))
    return FALSE;

  p = g_new0 (TangentSessionParameter, 1);
  g_ptr_array_add (parameters, p);
  p->step = TANGENT_SESSION_DEFAULT_PARAM_STEP;

  if (!_tangent_loader_read_string (ld, o, "name", TRUE, FALSE, &p->name)
      || !_tangent_loader_read_double (ld, o, "value", FALSE, &p->value, &has_value)
      || !_tangent_loader_read_double (ld, o, "min", FALSE, &p->min, &has_min)
      || !_tangent_loader_read_double (ld, o, "max", FALSE, &p->max, &has_max)
      || !_tangent_loader_read_double (ld, o, "step", FALSE, &p->step, &has_step))
    return FALSE;

  if (p->name[0] == '\0')
    {
      mark = _tangent_loader_push_key (ld, "name");
      _tangent_loader_fail (ld, _("the name is empty"));
      _tangent_loader_pop (ld, mark);
      return FALSE;
    }

  if (g_hash_table_contains (names, p->name))
    {
      g_autofree char *shown = _tangent_loader_quote (p->name);

      _tangent_loader_warn (ld, _("a second parameter named “%s”; only the first is kept"), shown);
      g_ptr_array_remove_index (parameters, parameters->len - 1);
      return TRUE;
    }
  g_hash_table_add (names, g_strdup (p->name));

  /* A bound not given is the default, widened to reach the value and
   * the other bound: so only two given bounds can be reversed. */
  if (!has_min)
    p->min = MIN (MIN (TANGENT_SESSION_DEFAULT_PARAM_MIN, p->value),
                  has_max ? p->max : G_MAXDOUBLE);
  if (!has_max)
    p->max = MAX (MAX (TANGENT_SESSION_DEFAULT_PARAM_MAX, p->value),
                  has_min ? p->min : -G_MAXDOUBLE);

  if (p->min > p->max)
    {
      double t = p->min;

      mark = _tangent_loader_push_key (ld, "min");
      _tangent_loader_warn (ld, _("min %s is greater than max %s; they are swapped"),
                            number (buf, p->min), number (buf2, p->max));
      _tangent_loader_pop (ld, mark);
      p->min = p->max;
      p->max = t;
    }

  if (has_step && !(p->step > 0))
    {
      mark = _tangent_loader_push_key (ld, "step");
      _tangent_loader_warn (ld, _("step %s is not positive; %s is used"),
                            number (buf, p->step),
                            number (buf2, TANGENT_SESSION_DEFAULT_PARAM_STEP));
      _tangent_loader_pop (ld, mark);
      p->step = TANGENT_SESSION_DEFAULT_PARAM_STEP;
    }

  /* No value: 0, or the bound nearer to it. */
  if (!has_value)
    p->value = CLAMP (0.0, p->min, p->max);

  if (p->value < p->min || p->value > p->max)
    {
      double clamped = CLAMP (p->value, p->min, p->max);
      char buf3[G_ASCII_DTOSTR_BUF_SIZE], buf4[G_ASCII_DTOSTR_BUF_SIZE];

      mark = _tangent_loader_push_key (ld, "value");
      _tangent_loader_warn (ld, _("%s is outside min … max (%s … %s); %s is used"),
                            number (buf, p->value),
                            number (buf2, p->min), number (buf3, p->max),
                            number (buf4, clamped));
      _tangent_loader_pop (ld, mark);
      p->value = clamped;
    }

  return TRUE;
}

static gboolean
load_formula (TangentLoader *ld,
              json_t        *o,
              GPtrArray     *formulas)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE], buf2[G_ASCII_DTOSTR_BUF_SIZE];
  TangentSessionFormula *f;

  if (!_tangent_loader_expect_object (ld, o))
    return FALSE;

  f = g_new0 (TangentSessionFormula, 1);
  g_ptr_array_add (formulas, f);
  f->visible = TRUE;

  /* The text is kept verbatim: the document reports its errors. */
  if (!_tangent_loader_read_string (ld, o, "text", TRUE, FALSE, &f->text)
      || !_tangent_loader_read_color (ld, o, &f->color)
      || !_tangent_loader_read_bool (ld, o, "visible", &f->visible)
      || !_tangent_loader_read_double (ld, o, "width", FALSE, &f->width, NULL)
      || !_tangent_loader_read_string (ld, o, "label", FALSE, TRUE, &f->label))
    return FALSE;

  if (f->width < 0 || f->width > TANGENT_SESSION_MAX_LINE_WIDTH)
    {
      double used = f->width < 0 ? 0 : TANGENT_SESSION_MAX_LINE_WIDTH;
      gsize mark = _tangent_loader_push_key (ld, "width");

      _tangent_loader_warn (ld, _("line width %s is outside 0 … 100 points; %s is used"),
                            number (buf, f->width), number (buf2, used));
      _tangent_loader_pop (ld, mark);
      f->width = used;
    }
  return TRUE;
}

/* Views */

/* lo < hi, repaired by swapping when reversed; an empty, too narrow or
 * too wide range has no repair. */
static gboolean
check_range (TangentLoader *ld,
             json_t        *o,
             const char    *lo_key,
             const char    *hi_key,
             double        *lo,
             double        *hi)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE], buf2[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean has_lo = json_object_get (o, lo_key) != NULL;
  gboolean has_hi = json_object_get (o, hi_key) != NULL;
  double span;
  gsize mark;

  /* The place named is a key the file has: one bound may be a default
   * (the defaults themselves are in order, so at least one is given). */
  if (*lo > *hi)
    {
      double t = *lo;

      mark = _tangent_loader_push_key (ld, has_lo ? lo_key : hi_key);
      if (has_lo && has_hi)
        _tangent_loader_warn (ld, _("%s %s is greater than %s %s; they are swapped"), lo_key,
                              number (buf, *lo), hi_key, number (buf2, *hi));
      else if (has_lo)
        _tangent_loader_warn (ld, _("%s %s is greater than the default %s %s; they are swapped"),
                              lo_key, number (buf, *lo), hi_key, number (buf2, *hi));
      else
        _tangent_loader_warn (ld, _("%s %s is less than the default %s %s; they are swapped"),
                              hi_key, number (buf, *hi), lo_key, number (buf2, *lo));
      _tangent_loader_pop (ld, mark);
      *lo = *hi;
      *hi = t;
    }

  span = *hi - *lo;
  mark = _tangent_loader_push_key (ld, has_hi ? hi_key : lo_key);
  if (*lo == *hi)
    {
      _tangent_loader_fail (ld, _("%s and %s are both %s: the range is empty"), lo_key, hi_key,
                            number (buf, *lo));
      _tangent_loader_pop (ld, mark);
      return FALSE;
    }
  if (!isfinite (span))
    {
      _tangent_loader_fail (ld, _("the range %s … %s is too wide to plot"),
                            number (buf, *lo),
                            number (buf2, *hi));
      _tangent_loader_pop (ld, mark);
      return FALSE;
    }
  if (span < TANGENT_SESSION_MIN_RELATIVE_SPAN * MAX (fabs (*lo), fabs (*hi)))
    {
      _tangent_loader_fail (ld, _("the range %s … %s is too narrow to plot"),
                            number (buf, *lo),
                            number (buf2, *hi));
      _tangent_loader_pop (ld, mark);
      return FALSE;
    }
  _tangent_loader_pop (ld, mark);
  return TRUE;
}

static gboolean
load_contour (TangentLoader      *ld,
              json_t             *o,
              TangentSessionView *view)
{
  TangentSessionContour *c = _tangent_session_contour_new ();
  json_t *levels;

  view->contour = c;
  if (!_tangent_loader_read_string (ld, o, "formula", TRUE, FALSE, &c->formula)
      || !_tangent_loader_read_uint (ld, o, "grid", TANGENT_SESSION_MIN_CONTOUR_GRID,
                                     TANGENT_SESSION_MAX_CONTOUR_GRID, &c->grid)
      || !_tangent_loader_read_uint (ld, o, "n_levels", 1, TANGENT_SESSION_MAX_N_LEVELS,
                                     &c->n_levels)
      || !_tangent_loader_member (ld, o, "levels", TANGENT_KIND_ARRAY | TANGENT_KIND_NULL, FALSE,
                                  &levels)
      || !_tangent_loader_read_bool (ld, o, "filled", &c->filled)
      || !_tangent_loader_read_bool (ld, o, "lines", &c->lines)
      || !_tangent_loader_read_bool (ld, o, "labels", &c->labels)
      || !_tangent_loader_read_choice (ld, o, "colormap", _tangent_session_colormaps,
                                       "viridis, cividis, magma, diverging", &c->colormap))
    return FALSE;

  /* The colour bar follows "filled" unless given. */
  c->colorbar = c->filled;
  if (!_tangent_loader_read_bool (ld, o, "colorbar", &c->colorbar))
    return FALSE;

  if (levels != NULL && json_is_array (levels) && json_array_size (levels) > 0)
    {
      gsize n = json_array_size (levels), mark = _tangent_loader_push_key (ld, "levels"), kept = 0;
      gboolean sorted = TRUE;

      if (n > TANGENT_SESSION_MAX_GIVEN_LEVELS)
        {
          _tangent_loader_warn (ld, _("%" G_GSIZE_FORMAT " levels; only the first %u are kept"), n,
                                TANGENT_SESSION_MAX_GIVEN_LEVELS);
          n = TANGENT_SESSION_MAX_GIVEN_LEVELS;
        }

      c->levels = g_new (double, n);
      for (gsize i = 0; i < n; i++)
        {
          json_t *e = json_array_get (levels, i);

          if (!json_is_number (e) || !isfinite (json_number_value (e)))
            {
              gsize im = _tangent_loader_push_index (ld, i);

              _tangent_loader_fail_kind (ld, TANGENT_KIND_NUMBER, e);
              _tangent_loader_pop (ld, im);
              _tangent_loader_pop (ld, mark);
              return FALSE;
            }
          c->levels[i] = json_number_value (e);
          if (i > 0 && !(c->levels[i] > c->levels[i - 1]))
            sorted = FALSE;
        }

      if (!sorted)
        {
          qsort (c->levels, n, sizeof (double), compare_doubles);
          for (gsize i = 0; i < n; i++)
            if (kept == 0 || c->levels[i] != c->levels[kept - 1])
              c->levels[kept++] = c->levels[i];
          _tangent_loader_warn (ld, _("the levels are not in ascending order, or repeat; "
                                      "they are sorted and repeats dropped"));
        }
      else
        kept = n;
      c->n_given = (guint) kept;
      _tangent_loader_pop (ld, mark);
    }
  return TRUE;
}

static gboolean
load_arrows (TangentLoader      *ld,
             json_t             *o,
             TangentSessionView *view)
{
  TangentSessionArrows *a = _tangent_session_arrows_new ();

  view->arrows = a;
  return _tangent_loader_read_string (ld, o, "formula", TRUE, FALSE, &a->formula)
         && _tangent_loader_read_bool (ld, o, "negative", &a->negative)
         && _tangent_loader_read_uint (ld, o, "grid", TANGENT_SESSION_MIN_ARROWS_GRID,
                                       TANGENT_SESSION_MAX_ARROWS_GRID, &a->grid)
         && _tangent_loader_read_bool (ld, o, "normalized", &a->normalized)
         && _tangent_loader_read_bool (ld, o, "streamlines", &a->streamlines);
}

static gboolean
load_orders (TangentLoader        *ld,
             json_t               *arr,
             TangentSessionTaylor *t)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  gsize n = json_array_size (arr);
  g_autofree guint *orders = g_new (guint, MAX (n, 1));
  guint kept = 0, unique = 0;
  gboolean sorted = TRUE;

  for (gsize i = 0; i < n; i++)
    {
      json_t *e = json_array_get (arr, i);
      gsize mark = _tangent_loader_push_index (ld, i);
      double d;

      if (!json_is_number (e) || !isfinite (json_number_value (e)))
        {
          _tangent_loader_fail_kind (ld, TANGENT_KIND_NUMBER, e);
          _tangent_loader_pop (ld, mark);
          return FALSE;
        }
      d = json_number_value (e);
      if (d != floor (d))
        {
          _tangent_loader_fail (ld, _("expected a whole number, found %s"),
                                number (buf, d));
          _tangent_loader_pop (ld, mark);
          return FALSE;
        }
      if (d < 0 || d > TANGENT_SESSION_MAX_TAYLOR_ORDER)
        _tangent_loader_warn (ld, _("order %s is outside 0 … %u; it is dropped"),
                              number (buf, d),
                              TANGENT_SESSION_MAX_TAYLOR_ORDER);
      else
        {
          orders[kept] = (guint) d;
          if (kept > 0 && !(orders[kept] > orders[kept - 1]))
            sorted = FALSE;
          kept++;
        }
      _tangent_loader_pop (ld, mark);
    }

  if (!sorted)
    {
      qsort (orders, kept, sizeof (guint), compare_uints);
      for (guint i = 0; i < kept; i++)
        if (unique == 0 || orders[i] != orders[unique - 1])
          orders[unique++] = orders[i];
      _tangent_loader_warn (ld, _("the orders are not in ascending order, or repeat; "
                                  "they are sorted and repeats dropped"));
      kept = unique;
    }

  if (kept == 0)
    {
      _tangent_loader_warn (ld, _("no orders; 1, 2 and 3 are used"));
      return TRUE;
    }

  g_free (t->orders);
  t->orders = g_steal_pointer (&orders);
  t->n_orders = kept;
  return TRUE;
}

static gboolean
load_taylor (TangentLoader *ld,
             json_t        *o,
             GPtrArray     *list)
{
  TangentSessionTaylor *t;
  json_t *orders;

  if (!_tangent_loader_expect_object (ld, o))
    return FALSE;

  t = _tangent_session_taylor_new ();
  g_ptr_array_add (list, t);
  if (!_tangent_loader_read_string (ld, o, "formula", TRUE, FALSE, &t->formula)
      || !_tangent_loader_read_double (ld, o, "center", FALSE, &t->center, NULL)
      || !_tangent_loader_member (ld, o, "orders", TANGENT_KIND_ARRAY, FALSE, &orders)
      || !_tangent_loader_read_bool (ld, o, "band", &t->band)
      || !_tangent_loader_read_bool (ld, o, "inset", &t->inset))
    return FALSE;

  if (orders != NULL)
    {
      gsize mark = _tangent_loader_push_key (ld, "orders");
      gboolean ok = load_orders (ld, orders, t);

      _tangent_loader_pop (ld, mark);
      return ok;
    }
  return TRUE;
}

static gboolean
load_marker (TangentLoader *ld,
             json_t        *o,
             GPtrArray     *list)
{
  TangentSessionMarker *m;

  if (!_tangent_loader_expect_object (ld, o))
    return FALSE;

  m = g_new0 (TangentSessionMarker, 1);
  g_ptr_array_add (list, m);
  return _tangent_loader_read_double (ld, o, "x", TRUE, &m->x, NULL)
         && _tangent_loader_read_double (ld, o, "y", TRUE, &m->y, NULL)
         && _tangent_loader_read_string (ld, o, "label", FALSE, TRUE, &m->label);
}

static gboolean
load_path (TangentLoader *ld,
           json_t        *o,
           GPtrArray     *list)
{
  TangentSessionPath *p;
  json_t *points;
  gsize n, mark;

  if (!_tangent_loader_expect_object (ld, o))
    return FALSE;

  p = g_new0 (TangentSessionPath, 1);
  g_ptr_array_add (list, p);
  if (!_tangent_loader_member (ld, o, "points", TANGENT_KIND_ARRAY, TRUE, &points)
      || !_tangent_loader_read_string (ld, o, "label", FALSE, TRUE, &p->label)
      || !_tangent_loader_read_color (ld, o, &p->color))
    return FALSE;

  n = json_array_size (points);
  mark = _tangent_loader_push_key (ld, "points");
  if (n == 0)
    {
      _tangent_loader_warn (ld, _("the path has no points; it is skipped"));
      _tangent_loader_pop (ld, mark);
      g_ptr_array_remove_index (list, list->len - 1);
      return TRUE;
    }

  p->xy = g_new (double, 2 * n);
  for (gsize i = 0; i < n; i++)
    {
      json_t *e = json_array_get (points, i);
      gsize im = _tangent_loader_push_index (ld, i);

      if (!json_is_array (e) || json_array_size (e) != 2
          || !json_is_number (json_array_get (e, 0)) || !json_is_number (json_array_get (e, 1)))
        {
          if (json_is_array (e))
            _tangent_loader_fail (ld, _("expected a point [x, y] of two numbers"));
          else
            _tangent_loader_fail_kind (ld, TANGENT_KIND_ARRAY, e);
          _tangent_loader_pop (ld, im);
          _tangent_loader_pop (ld, mark);
          return FALSE;
        }
      p->xy[2 * i] = json_number_value (json_array_get (e, 0));
      p->xy[2 * i + 1] = json_number_value (json_array_get (e, 1));
      if (!isfinite (p->xy[2 * i]) || !isfinite (p->xy[2 * i + 1]))
        {
          _tangent_loader_fail (ld, _("the number is not finite"));
          _tangent_loader_pop (ld, im);
          _tangent_loader_pop (ld, mark);
          return FALSE;
        }
      _tangent_loader_pop (ld, im);
    }
  p->n_points = (guint) n;
  _tangent_loader_pop (ld, mark);
  return TRUE;
}

static gboolean
load_line (TangentLoader *ld,
           json_t        *o,
           GPtrArray     *list)
{
  TangentSessionLine *l;
  gboolean has_x2;

  if (!_tangent_loader_expect_object (ld, o))
    return FALSE;

  l = g_new0 (TangentSessionLine, 1);
  g_ptr_array_add (list, l);
  if (!_tangent_loader_read_string (ld, o, "formula", TRUE, FALSE, &l->formula)
      || !_tangent_loader_read_double (ld, o, "x1", TRUE, &l->x1, NULL)
      || !_tangent_loader_read_double (ld, o, "x2", FALSE, &l->x2, &has_x2)
      || !_tangent_loader_read_bool (ld, o, "secant", &l->secant))
    return FALSE;

  if (!has_x2)
    l->x2 = l->x1;
  if (l->secant && l->x1 == l->x2)
    {
      gsize mark = _tangent_loader_push_key (ld, has_x2 ? "x2" : "secant");

      _tangent_loader_warn (ld, _("a secant needs two different points x1 and x2; "
                                  "the tangent at x1 is drawn"));
      _tangent_loader_pop (ld, mark);
      l->secant = FALSE;
    }
  return TRUE;
}

typedef gboolean (*LoadItem) (TangentLoader *ld, json_t *o, GPtrArray *list);

/* Each element of the list under key, loaded into list. */
static gboolean
load_list (TangentLoader *ld,
           json_t        *obj,
           const char    *key,
           LoadItem       load,
           GPtrArray     *list)
{
  json_t *arr;
  gsize mark;

  if (!_tangent_loader_member (ld, obj, key, TANGENT_KIND_ARRAY, FALSE, &arr))
    return FALSE;
  if (arr == NULL)
    return TRUE;

  mark = _tangent_loader_push_key (ld, key);
  for (gsize i = 0; i < json_array_size (arr); i++)
    {
      gsize im = _tangent_loader_push_index (ld, i);

      if (!load (ld, json_array_get (arr, i), list))
        return FALSE;
      _tangent_loader_pop (ld, im);
    }
  _tangent_loader_pop (ld, mark);
  return TRUE;
}

static const char * const styles[] = { "print", "screen", NULL };

/* The keys shared by the main view and the named ones. */
static gboolean
load_view (TangentLoader      *ld,
           json_t             *o,
           TangentSessionView *v)
{
  json_t *contour, *arrows;

  if (!_tangent_loader_read_double (ld, o, "xmin", FALSE, &v->xmin, NULL)
      || !_tangent_loader_read_double (ld, o, "xmax", FALSE, &v->xmax, NULL)
      || !_tangent_loader_read_double (ld, o, "ymin", FALSE, &v->ymin, NULL)
      || !_tangent_loader_read_double (ld, o, "ymax", FALSE, &v->ymax, NULL)
      || !check_range (ld, o, "xmin", "xmax", &v->xmin, &v->xmax)
      || !check_range (ld, o, "ymin", "ymax", &v->ymin, &v->ymax)
      || !_tangent_loader_read_bool (ld, o, "equal_aspect", &v->equal_aspect)
      || !_tangent_loader_read_string (ld, o, "title", FALSE, TRUE, &v->title)
      || !_tangent_loader_read_string (ld, o, "x_label", FALSE, TRUE, &v->x_label)
      || !_tangent_loader_read_string (ld, o, "y_label", FALSE, TRUE, &v->y_label)
      || !_tangent_loader_read_uint (ld, o, "width", TANGENT_SESSION_MIN_SIZE,
                                     TANGENT_SESSION_MAX_SIZE,
                                     &v->width)
      || !_tangent_loader_read_uint (ld, o, "height", TANGENT_SESSION_MIN_SIZE,
                                     TANGENT_SESSION_MAX_SIZE,
                                     &v->height)
      || !_tangent_loader_read_double (ld, o, "dpi", FALSE, &v->dpi, NULL)
      || !_tangent_loader_read_choice (ld, o, "style", styles, "print, screen", &v->style)
      || !_tangent_loader_read_bool (ld, o, "legend", &v->legend)
      || !_tangent_loader_read_bool (ld, o, "grid", &v->grid)
      || !_tangent_loader_member (ld, o, "contour", TANGENT_KIND_OBJECT | TANGENT_KIND_NULL, FALSE,
                                  &contour)
      || !_tangent_loader_member (ld, o, "arrows", TANGENT_KIND_OBJECT | TANGENT_KIND_NULL, FALSE,
                                  &arrows))
    return FALSE;

  if (v->dpi < TANGENT_SESSION_MIN_DPI || v->dpi > TANGENT_SESSION_MAX_DPI)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE], buf2[G_ASCII_DTOSTR_BUF_SIZE];
      double used = CLAMP (v->dpi, TANGENT_SESSION_MIN_DPI, TANGENT_SESSION_MAX_DPI);
      gsize mark = _tangent_loader_push_key (ld, "dpi");

      _tangent_loader_warn (ld, _("%s dpi is outside 10 … 2400; %s is used"),
                            number (buf, v->dpi),
                            number (buf2, used));
      _tangent_loader_pop (ld, mark);
      v->dpi = used;
    }

  if (contour != NULL && json_is_object (contour))
    {
      gsize mark = _tangent_loader_push_key (ld, "contour");

      if (!load_contour (ld, contour, v))
        return FALSE;
      _tangent_loader_pop (ld, mark);
    }
  if (arrows != NULL && json_is_object (arrows))
    {
      gsize mark = _tangent_loader_push_key (ld, "arrows");

      if (!load_arrows (ld, arrows, v))
        return FALSE;
      _tangent_loader_pop (ld, mark);
    }

  return load_list (ld, o, "taylor", load_taylor, v->taylor)
         && load_list (ld, o, "markers", load_marker, v->markers)
         && load_list (ld, o, "paths", load_path, v->paths)
         && load_list (ld, o, "lines", load_line, v->lines);
}

static gboolean
load_named_view (TangentLoader *ld,
                 json_t        *o,
                 GPtrArray     *views)
{
  TangentSessionView *v;

  if (!_tangent_loader_expect_object (ld, o))
    return FALSE;

  v = tangent_session_view_new ();
  g_ptr_array_add (views, v);
  if (!_tangent_loader_read_string (ld, o, "name", TRUE, FALSE, &v->name))
    return FALSE;

  if (v->name[0] == '\0')
    {
      gsize mark = _tangent_loader_push_key (ld, "name");

      _tangent_loader_fail (ld, _("the name is empty"));
      _tangent_loader_pop (ld, mark);
      return FALSE;
    }

  for (guint i = 0; i + 1 < views->len; i++)
    {
      TangentSessionView *other = g_ptr_array_index (views, i);

      if (strcmp (other->name, v->name) == 0)
        {
          g_autofree char *shown = _tangent_loader_quote (v->name);

          _tangent_loader_warn (ld, _("a second view named “%s”; only the first is kept"), shown);
          g_ptr_array_remove_index (views, views->len - 1);
          return TRUE;
        }
    }

  return load_view (ld, o, v);
}

/* The top level: format and version first, so that a file from a newer
 * Tangent is refused for its version rather than for what it holds. */
static gboolean
load_root (TangentLoader  *ld,
           json_t         *root,
           TangentSession *s)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  json_t *format, *version, *view;
  double v;

  if (!json_is_object (root))
    return _tangent_loader_fail (ld, _("not a Tangent session: the file holds %s, not an object"),
                                 _tangent_loader_kind_name (_tangent_loader_kind_of (root)));

  format = json_object_get (root, "format");
  if (format == NULL)
    return _tangent_loader_fail (ld, _("not a Tangent session: “format” is missing"));
  if (!json_is_string (format) || strcmp (json_string_value (format),
                                          TANGENT_SESSION_FORMAT_NAME) != 0)
    {
      gsize mark = _tangent_loader_push_key (ld, "format");

      if (json_is_string (format))
        {
          g_autofree char *shown = tangent_escape_excerpt (json_string_value (format),
                                                           (gssize) json_string_length (format),
                                                           TANGENT_LOADER_EXCERPT_CHARS);

          _tangent_loader_fail (ld, _("not a Tangent session: the format is “%s”, not “%s”"), shown,
                                TANGENT_SESSION_FORMAT_NAME);
        }
      else
        _tangent_loader_fail_kind (ld, TANGENT_KIND_STRING, format);
      _tangent_loader_pop (ld, mark);
      return FALSE;
    }

  if (!_tangent_loader_member (ld, root, "version", TANGENT_KIND_NUMBER, TRUE, &version))
    return FALSE;
  v = json_number_value (version);
  if (v != floor (v) || v < 1)
    {
      gsize mark = _tangent_loader_push_key (ld, "version");

      _tangent_loader_fail (ld, _("the version must be a whole number from 1 up, found %s"),
                            number (buf, v));
      _tangent_loader_pop (ld, mark);
      return FALSE;
    }
  if (v > TANGENT_SESSION_FORMAT_VERSION)
    {
      /* No path: this is about the whole file. */
      g_set_error (&ld->error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_VERSION,
                   _("%s: written by a newer Tangent (session format version %s); this Tangent "
                     "reads version %d and older. Open it with a newer Tangent."),
                   ld->name, number (buf, v), TANGENT_SESSION_FORMAT_VERSION);
      return FALSE;
    }

  {
    gsize mark;
    json_t *arr;

    if (!_tangent_loader_member (ld, root, "parameters", TANGENT_KIND_ARRAY, FALSE, &arr))
      return FALSE;
    if (arr != NULL)
      {
        mark = _tangent_loader_push_key (ld, "parameters");
        for (gsize i = 0; i < json_array_size (arr); i++)
          {
            gsize im = _tangent_loader_push_index (ld, i);

            if (!load_parameter (ld, json_array_get (arr, i), names, s->parameters))
              return FALSE;
            _tangent_loader_pop (ld, im);
          }
        _tangent_loader_pop (ld, mark);
      }
  }

  if (!load_list (ld, root, "formulas", load_formula, s->formulas))
    return FALSE;

  if (!_tangent_loader_member (ld, root, "view", TANGENT_KIND_OBJECT, FALSE, &view))
    return FALSE;
  if (view != NULL)
    {
      gsize mark = _tangent_loader_push_key (ld, "view");

      if (!load_view (ld, view, s->view))
        return FALSE;
      _tangent_loader_pop (ld, mark);
    }

  return load_list (ld, root, "views", load_named_view, s->views);
}

/**
 * tangent_session_load_data:
 * @data: the bytes of a session file (UTF-8, a leading byte-order mark is
 *   skipped)
 * @length: their length
 * @display_name: (nullable): how messages name the file
 *
 * Returns: (transfer full) (nullable): a new session, with what was
 * repaired listed in its warnings; or NULL and @error, a
 * %TANGENT_SESSION_ERROR whose message names the file, the place and the
 * reason.
 */
TangentSession *
tangent_session_load_data (const char  *data,
                           gsize        length,
                           const char  *display_name,
                           GError     **error)
{
  g_autoptr(TangentSession) session = NULL;
  g_autoptr(GError) scan_error = NULL;
  json_error_t jerror;
  json_t *root;
  TangentLoader ld;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("the session");

  if (length > TANGENT_SESSION_MAX_BYTES)
    {
      g_set_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_FORMAT,
                   _("%s: too large for a session file (%" G_GSIZE_FORMAT " MB; "
                     "the limit is %u MB)"),
                   display_name, length / (1024 * 1024), TANGENT_SESSION_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!tangent_json_scan (data, length, NULL, &scan_error))
    {
      g_set_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_SYNTAX,
                   "%s: %s", display_name, scan_error->message);
      return NULL;
    }

  root = json_loadb (data, length,
                     JSON_REJECT_DUPLICATES | JSON_DECODE_INT_AS_REAL | JSON_DECODE_ANY,
                     &jerror);
  if (root == NULL)
    {
      /* The scan should have caught it; jansson's own words then. */
      g_autofree char *shown = tangent_escape_excerpt (jerror.text, -1, 80);

      g_set_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_SYNTAX,
                   _("%s: %s at line %d"), display_name, shown, jerror.line);
      return NULL;
    }

  _tangent_loader_init (&ld, data, length, display_name);

  session = tangent_session_new ();
  ok = load_root (&ld, root, session);
  json_decref (root);

  if (ok)
    _tangent_loader_finish_warnings (&ld, session);
  else
    g_assert (ld.error != NULL);

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&ld.error));
  _tangent_loader_clear (&ld);
  if (!ok)
    return NULL;
  return g_steal_pointer (&session);
}

/* The whole file, refusing what is not a regular file (a FIFO would
 * block, a device never end) and what is larger than any session. */
static char *
read_file (const char  *path,
           const char  *name,
           gsize       *length,
           GError     **error)
{
  g_autofree char *buffer = NULL;
  struct stat st;
  gsize size = 0, allocated;
  int fd, saved_errno;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_IO,
                   _("Cannot open “%s”: %s"), name, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_IO,
                   _("Cannot open “%s”: not a regular file"), name);
      close (fd);
      return NULL;
    }

  if (st.st_size > TANGENT_SESSION_MAX_BYTES)
    {
      g_set_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_FORMAT,
                   _("%s: too large for a session file (%" G_GSIZE_FORMAT " MB; "
                     "the limit is %u MB)"),
                   name, (gsize) (st.st_size / (1024 * 1024)),
                   TANGENT_SESSION_MAX_BYTES / (1024 * 1024));
      close (fd);
      return NULL;
    }

  /* The size may change under us: read to the end, up to the limit. */
  allocated = (gsize) st.st_size + 1;
  buffer = g_malloc (allocated);
  for (;;)
    {
      gssize got;

      if (size + 1 >= allocated)
        {
          if (allocated > TANGENT_SESSION_MAX_BYTES + 1)
            {
              g_set_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_FORMAT,
                           _("%s: too large for a session file (the limit is %u MB)"),
                           name, TANGENT_SESSION_MAX_BYTES / (1024 * 1024));
              close (fd);
              return NULL;
            }
          allocated *= 2;
          buffer = g_realloc (buffer, allocated);
        }

      got = read (fd, buffer + size, allocated - size - 1);
      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          saved_errno = errno;
          g_set_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_IO,
                       _("Cannot read “%s”: %s"), name, g_strerror (saved_errno));
          close (fd);
          return NULL;
        }
      if (got == 0)
        break;
      size += (gsize) got;
    }
  close (fd);

  buffer[size] = '\0';
  *length = size;
  return g_steal_pointer (&buffer);
}

/**
 * tangent_session_load_file:
 * @path: a file name in the GLib file name encoding
 *
 * As tangent_session_load_data(), with messages naming the file by its
 * base name.
 */
TangentSession *
tangent_session_load_file (const char  *path,
                           GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_filename_display_basename (path);
  data = read_file (path, name, &length, error);
  if (data == NULL)
    return NULL;

  return tangent_session_load_data (data, length, name, error);
}
