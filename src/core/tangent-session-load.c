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
#include "tangent-session-private.h"

/* Longest text from the file quoted in a message, in characters. */
#define EXCERPT_CHARS 32

typedef enum
{
  KIND_STRING = 1 << 0,
  KIND_NUMBER = 1 << 1,
  KIND_BOOL   = 1 << 2,
  KIND_OBJECT = 1 << 3,
  KIND_ARRAY  = 1 << 4,
  KIND_NULL   = 1 << 5,
} Kind;

typedef struct
{
  char *path;
  char *text;
} Warning;

typedef struct
{
  const char *data;
  gsize       length;
  const char *name;      /* the file, for messages */
  GString    *path;      /* JSON path of the node being read */
  GPtrArray  *warnings;  /* Warning */
  guint       n_dropped; /* warnings beyond TANGENT_SESSION_MAX_WARNINGS */
  GError     *error;
} Loader;

static void
warning_free (Warning *w)
{
  g_free (w->path);
  g_free (w->text);
  g_free (w);
}

/* Paths */

static gsize
push_key (Loader     *ld,
          const char *key)
{
  gsize mark = ld->path->len;

  if (mark > 0)
    g_string_append_c (ld->path, '.');
  g_string_append (ld->path, key);
  return mark;
}

static gsize
push_index (Loader *ld,
            gsize   index)
{
  gsize mark = ld->path->len;

  g_string_append_printf (ld->path, "[%" G_GSIZE_FORMAT "]", index);
  return mark;
}

static void
pop (Loader *ld,
     gsize   mark)
{
  g_string_truncate (ld->path, mark);
}

/* The line of a path's value, or 0 when the file has no such path. */
static guint
locate (Loader     *ld,
        const char *path)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  TangentJsonPosition *p = g_new0 (TangentJsonPosition, 1);

  g_hash_table_insert (wanted, (gpointer) path, p);
  tangent_json_scan_locate (ld->data, ld->length, wanted);
  return p->line;
}

/* Messages */

static const char *
format_number (char   buf[G_ASCII_DTOSTR_BUF_SIZE],
               double value)
{
  return g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, "%.15g", value);
}

static char *
quote (const char *text)
{
  return tangent_escape_excerpt (text, -1, EXCERPT_CHARS);
}

static gboolean
fail_code (Loader              *ld,
           TangentSessionError  code,
           const char          *format,
           va_list              args) G_GNUC_PRINTF (3, 0);

static gboolean
fail_code (Loader              *ld,
           TangentSessionError  code,
           const char          *format,
           va_list              args)
{
  g_autofree char *reason = g_strdup_vprintf (format, args);
  guint line;

  if (ld->error != NULL)
    return FALSE;

  if (ld->path->len == 0)
    {
      g_set_error (&ld->error, TANGENT_SESSION_ERROR, code, "%s: %s", ld->name, reason);
      return FALSE;
    }

  line = locate (ld, ld->path->str);
  if (line > 0)
    /* TRANSLATORS: file name, JSON path such as view.xmin, line number, reason */
    g_set_error (&ld->error, TANGENT_SESSION_ERROR, code, _("%s: %s (line %u): %s"),
                 ld->name, ld->path->str, line, reason);
  else
    g_set_error (&ld->error, TANGENT_SESSION_ERROR, code, "%s: %s: %s",
                 ld->name, ld->path->str, reason);
  return FALSE;
}

/* A FORMAT error at the current path. Always returns FALSE. */
static gboolean
fail (Loader     *ld,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (Loader     *ld,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  fail_code (ld, TANGENT_SESSION_ERROR_FORMAT, format, args);
  va_end (args);
  return FALSE;
}

/* A repair, at the current path. */
static void
warn (Loader     *ld,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
warn (Loader     *ld,
      const char *format,
      ...)
{
  Warning *w;
  va_list args;

  if (ld->warnings->len >= TANGENT_SESSION_MAX_WARNINGS)
    {
      ld->n_dropped++;
      return;
    }

  w = g_new0 (Warning, 1);
  w->path = g_strdup (ld->path->str);
  va_start (args, format);
  w->text = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (ld->warnings, w);
}

/* Every warning's line in one more scan, then the texts. */
static void
finish_warnings (Loader         *ld,
                 TangentSession *session)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < ld->warnings->len; i++)
    {
      Warning *w = g_ptr_array_index (ld->warnings, i);

      if (w->path[0] != '\0' && !g_hash_table_contains (wanted, w->path))
        g_hash_table_insert (wanted, w->path, g_new0 (TangentJsonPosition, 1));
    }
  if (g_hash_table_size (wanted) > 0)
    tangent_json_scan_locate (ld->data, ld->length, wanted);

  for (guint i = 0; i < ld->warnings->len; i++)
    {
      Warning *w = g_ptr_array_index (ld->warnings, i);
      TangentJsonPosition *p = g_hash_table_lookup (wanted, w->path);

      if (p != NULL && p->line > 0)
        /* TRANSLATORS: JSON path such as formulas[3].color, line number, what was repaired */
        g_ptr_array_add (session->warnings, g_strdup_printf (_("%s (line %u): %s"),
                                                             w->path, p->line, w->text));
      else if (w->path[0] != '\0')
        g_ptr_array_add (session->warnings, g_strdup_printf ("%s: %s", w->path, w->text));
      else
        g_ptr_array_add (session->warnings, g_strdup (w->text));
    }

  if (ld->n_dropped > 0)
    g_ptr_array_add (session->warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more repair",
                                                   "… and %u more repairs", ld->n_dropped),
                                      ld->n_dropped));
}

/* Typed access: every node's type is checked before it is read */

static Kind
kind_of (json_t *v)
{
  switch (json_typeof (v))
    {
    case JSON_OBJECT:
      return KIND_OBJECT;
    case JSON_ARRAY:
      return KIND_ARRAY;
    case JSON_STRING:
      return KIND_STRING;
    case JSON_INTEGER:
    case JSON_REAL:
      return KIND_NUMBER;
    case JSON_TRUE:
    case JSON_FALSE:
      return KIND_BOOL;
    case JSON_NULL:
    default:
      return KIND_NULL;
    }
}

static const char *
kind_name (Kind kind)
{
  switch (kind)
    {
    case KIND_STRING:
      return _("a string");
    case KIND_NUMBER:
      return _("a number");
    case KIND_BOOL:
      return _("true or false");
    case KIND_OBJECT:
      return _("an object");
    case KIND_ARRAY:
      return _("a list");
    case KIND_NULL:
    default:
      return _("null");
    }
}

/* "expected a number, found a string (“abc”)" */
static gboolean
fail_kind (Loader *ld,
           Kind    expected,
           json_t *found)
{
  Kind without_null = expected & ~KIND_NULL;
  const char *want = kind_name (without_null);
  g_autofree char *want_text = (expected & KIND_NULL) && without_null != 0
                               ? g_strdup_printf (_("%s or null"), want) : g_strdup (want);

  if (json_is_string (found))
    {
      g_autofree char *shown = tangent_escape_excerpt (json_string_value (found),
                                                       (gssize) json_string_length (found),
                                                       EXCERPT_CHARS);

      return fail (ld, _("expected %s, found a string (“%s”)"), want_text, shown);
    }
  return fail (ld, _("expected %s, found %s"), want_text, kind_name (kind_of (found)));
}

/* The member key of obj, of one of the kinds allowed; *out is NULL when
 * it is absent (an error when required). A member whose value is null
 * where null is allowed is returned as the null node. */
static gboolean
member (Loader      *ld,
        json_t      *obj,
        const char  *key,
        Kind         kinds,
        gboolean     required,
        json_t     **out)
{
  json_t *v = json_object_get (obj, key);

  *out = NULL;
  if (v == NULL)
    {
      if (required)
        return fail (ld, _("“%s” is missing"), key);
      return TRUE;
    }

  if ((kind_of (v) & kinds) == 0)
    {
      gsize mark = push_key (ld, key);

      fail_kind (ld, kinds, v);
      pop (ld, mark);
      return FALSE;
    }

  *out = v;
  return TRUE;
}

static gboolean
read_string (Loader      *ld,
             json_t      *obj,
             const char  *key,
             gboolean     required,
             gboolean     nullable,
             char       **out)
{
  json_t *v;

  if (!member (ld, obj, key, KIND_STRING | (nullable ? KIND_NULL : 0), required, &v))
    return FALSE;
  if (v == NULL)
    return TRUE;

  g_free (*out);
  /* The scan refused \u0000, so the length is the C string's. */
  *out = json_is_null (v) ? NULL : g_strndup (json_string_value (v), json_string_length (v));
  return TRUE;
}

static gboolean
read_double (Loader     *ld,
             json_t     *obj,
             const char *key,
             gboolean    required,
             double     *out,
             gboolean   *present)
{
  json_t *v;

  if (present != NULL)
    *present = FALSE;
  if (!member (ld, obj, key, KIND_NUMBER, required, &v))
    return FALSE;
  if (v == NULL)
    return TRUE;

  if (!isfinite (json_number_value (v)))
    {
      gsize mark = push_key (ld, key);

      fail (ld, _("the number is not finite"));
      pop (ld, mark);
      return FALSE;
    }

  *out = json_number_value (v);
  if (present != NULL)
    *present = TRUE;
  return TRUE;
}

static gboolean
read_bool (Loader     *ld,
           json_t     *obj,
           const char *key,
           gboolean   *out)
{
  json_t *v;

  if (!member (ld, obj, key, KIND_BOOL, FALSE, &v))
    return FALSE;
  if (v != NULL)
    *out = json_is_true (v);
  return TRUE;
}

/* A whole number (1 or 1.0, not 1.5); one outside lo … hi is clamped
 * into it, with a warning. */
static gboolean
read_uint (Loader     *ld,
           json_t     *obj,
           const char *key,
           guint       lo,
           guint       hi,
           guint      *out)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double d = 0;
  gboolean present;
  gsize mark;

  if (!read_double (ld, obj, key, FALSE, &d, &present))
    return FALSE;
  if (!present)
    return TRUE;

  mark = push_key (ld, key);
  if (d != floor (d))
    {
      fail (ld, _("expected a whole number, found %s"), format_number (buf, d));
      pop (ld, mark);
      return FALSE;
    }

  if (d < lo || d > hi)
    {
      guint used = d < lo ? lo : hi;

      warn (ld, _("%s is outside %u … %u; %u is used"), format_number (buf, d), lo, hi, used);
      *out = used;
    }
  else
    *out = (guint) d;
  pop (ld, mark);
  return TRUE;
}

/* A colour, or NULL (the style's next colour) with a warning. */
static gboolean
read_color (Loader      *ld,
            json_t      *obj,
            char       **out)
{
  g_autofree char *text = NULL;
  char *normalized;

  if (!read_string (ld, obj, "color", FALSE, TRUE, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  normalized = _tangent_session_normalize_color (text);
  if (normalized == NULL)
    {
      gsize mark = push_key (ld, "color");
      g_autofree char *shown = quote (text);

      warn (ld, _("“%s” is not a colour (#rrggbb or #rgb); the default colour is used"), shown);
      pop (ld, mark);
    }
  g_free (*out);
  *out = normalized;
  return TRUE;
}

/* One of names, or the first of them with a warning. */
static gboolean
read_choice (Loader             *ld,
             json_t             *obj,
             const char         *key,
             const char * const *names,
             const char         *names_text,
             char              **out)
{
  g_autofree char *text = NULL;

  if (!read_string (ld, obj, key, FALSE, FALSE, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  g_free (*out);
  if (g_strv_contains (names, text))
    *out = g_steal_pointer (&text);
  else
    {
      gsize mark = push_key (ld, key);
      g_autofree char *shown = quote (text);

      /* TRANSLATORS: a value from the file, the list of valid ones, the one used */
      warn (ld, _("“%s” is not one of %s; %s is used"), shown, names_text, names[0]);
      pop (ld, mark);
      *out = g_strdup (names[0]);
    }
  return TRUE;
}

static gboolean
expect_object (Loader *ld,
               json_t *v)
{
  if (!json_is_object (v))
    return fail_kind (ld, KIND_OBJECT, v);
  return TRUE;
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
load_parameter (Loader     *ld,
                json_t     *o,
                GHashTable *names,
                GPtrArray  *parameters)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE], buf2[G_ASCII_DTOSTR_BUF_SIZE];
  TangentSessionParameter *p;
  gboolean has_value, has_min, has_max, has_step;
  gsize mark;

  if (!expect_object (ld, o))
    return FALSE;

  p = g_new0 (TangentSessionParameter, 1);
  g_ptr_array_add (parameters, p);
  p->step = TANGENT_SESSION_DEFAULT_PARAM_STEP;

  if (!read_string (ld, o, "name", TRUE, FALSE, &p->name)
      || !read_double (ld, o, "value", FALSE, &p->value, &has_value)
      || !read_double (ld, o, "min", FALSE, &p->min, &has_min)
      || !read_double (ld, o, "max", FALSE, &p->max, &has_max)
      || !read_double (ld, o, "step", FALSE, &p->step, &has_step))
    return FALSE;

  if (p->name[0] == '\0')
    {
      mark = push_key (ld, "name");
      fail (ld, _("the name is empty"));
      pop (ld, mark);
      return FALSE;
    }

  if (g_hash_table_contains (names, p->name))
    {
      g_autofree char *shown = quote (p->name);

      warn (ld, _("a second parameter named “%s”; only the first is kept"), shown);
      g_ptr_array_remove_index (parameters, parameters->len - 1);
      return TRUE;
    }
  g_hash_table_add (names, g_strdup (p->name));

  /* A range not given reaches from the default bound to the value. */
  if (!has_min)
    p->min = MIN (TANGENT_SESSION_DEFAULT_PARAM_MIN, p->value);
  if (!has_max)
    p->max = MAX (TANGENT_SESSION_DEFAULT_PARAM_MAX, p->value);

  if (p->min > p->max)
    {
      double t = p->min;

      mark = push_key (ld, "min");
      warn (ld, _("min %s is greater than max %s; they are swapped"),
            format_number (buf, p->min), format_number (buf2, p->max));
      pop (ld, mark);
      p->min = p->max;
      p->max = t;
    }

  if (has_step && !(p->step > 0))
    {
      mark = push_key (ld, "step");
      warn (ld, _("step %s is not positive; %s is used"), format_number (buf, p->step),
            format_number (buf2, TANGENT_SESSION_DEFAULT_PARAM_STEP));
      pop (ld, mark);
      p->step = TANGENT_SESSION_DEFAULT_PARAM_STEP;
    }

  /* No value: 0, or the bound nearer to it. */
  if (!has_value)
    p->value = CLAMP (0.0, p->min, p->max);

  if (p->value < p->min || p->value > p->max)
    {
      double clamped = CLAMP (p->value, p->min, p->max);
      char buf3[G_ASCII_DTOSTR_BUF_SIZE], buf4[G_ASCII_DTOSTR_BUF_SIZE];

      mark = push_key (ld, "value");
      warn (ld, _("%s is outside min … max (%s … %s); %s is used"), format_number (buf, p->value),
            format_number (buf2, p->min), format_number (buf3, p->max),
            format_number (buf4, clamped));
      pop (ld, mark);
      p->value = clamped;
    }

  return TRUE;
}

static gboolean
load_formula (Loader    *ld,
              json_t    *o,
              GPtrArray *formulas)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE], buf2[G_ASCII_DTOSTR_BUF_SIZE];
  TangentSessionFormula *f;

  if (!expect_object (ld, o))
    return FALSE;

  f = g_new0 (TangentSessionFormula, 1);
  g_ptr_array_add (formulas, f);
  f->visible = TRUE;

  /* The text is kept verbatim: the document reports its errors. */
  if (!read_string (ld, o, "text", TRUE, FALSE, &f->text)
      || !read_color (ld, o, &f->color)
      || !read_bool (ld, o, "visible", &f->visible)
      || !read_double (ld, o, "width", FALSE, &f->width, NULL)
      || !read_string (ld, o, "label", FALSE, TRUE, &f->label))
    return FALSE;

  if (f->width < 0 || f->width > TANGENT_SESSION_MAX_LINE_WIDTH)
    {
      double used = f->width < 0 ? 0 : TANGENT_SESSION_MAX_LINE_WIDTH;
      gsize mark = push_key (ld, "width");

      warn (ld, _("line width %s is outside 0 … 100 points; %s is used"),
            format_number (buf, f->width), format_number (buf2, used));
      pop (ld, mark);
      f->width = used;
    }
  return TRUE;
}

/* Views */

/* lo < hi, repaired by swapping when reversed; an empty, too narrow or
 * too wide range has no repair. */
static gboolean
check_range (Loader     *ld,
             const char *lo_key,
             const char *hi_key,
             double     *lo,
             double     *hi)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE], buf2[G_ASCII_DTOSTR_BUF_SIZE];
  double span;
  gsize mark;

  if (*lo > *hi)
    {
      double t = *lo;

      mark = push_key (ld, lo_key);
      warn (ld, _("%s %s is greater than %s %s; they are swapped"), lo_key,
            format_number (buf, *lo), hi_key, format_number (buf2, *hi));
      pop (ld, mark);
      *lo = *hi;
      *hi = t;
    }

  span = *hi - *lo;
  mark = push_key (ld, hi_key);
  if (*lo == *hi)
    {
      fail (ld, _("%s and %s are both %s: the range is empty"), lo_key, hi_key,
            format_number (buf, *lo));
      pop (ld, mark);
      return FALSE;
    }
  if (!isfinite (span))
    {
      fail (ld, _("the range %s … %s is too wide to plot"), format_number (buf, *lo),
            format_number (buf2, *hi));
      pop (ld, mark);
      return FALSE;
    }
  if (span < TANGENT_SESSION_MIN_RELATIVE_SPAN * MAX (fabs (*lo), fabs (*hi)))
    {
      fail (ld, _("the range %s … %s is too narrow to plot"), format_number (buf, *lo),
            format_number (buf2, *hi));
      pop (ld, mark);
      return FALSE;
    }
  pop (ld, mark);
  return TRUE;
}

static gboolean
load_contour (Loader              *ld,
              json_t              *o,
              TangentSessionView  *view)
{
  TangentSessionContour *c = _tangent_session_contour_new ();
  json_t *levels;

  view->contour = c;
  if (!read_string (ld, o, "formula", TRUE, FALSE, &c->formula)
      || !read_uint (ld, o, "grid", TANGENT_SESSION_MIN_CONTOUR_GRID,
                     TANGENT_SESSION_MAX_CONTOUR_GRID, &c->grid)
      || !read_uint (ld, o, "n_levels", 1, TANGENT_SESSION_MAX_N_LEVELS, &c->n_levels)
      || !member (ld, o, "levels", KIND_ARRAY | KIND_NULL, FALSE, &levels)
      || !read_bool (ld, o, "filled", &c->filled)
      || !read_bool (ld, o, "lines", &c->lines)
      || !read_bool (ld, o, "labels", &c->labels)
      || !read_choice (ld, o, "colormap", _tangent_session_colormaps,
                       "viridis, cividis, magma, diverging", &c->colormap))
    return FALSE;

  /* The colour bar follows "filled" unless given. */
  c->colorbar = c->filled;
  if (!read_bool (ld, o, "colorbar", &c->colorbar))
    return FALSE;

  if (levels != NULL && json_is_array (levels) && json_array_size (levels) > 0)
    {
      gsize n = json_array_size (levels), mark = push_key (ld, "levels"), kept = 0;
      gboolean sorted = TRUE;

      if (n > TANGENT_SESSION_MAX_GIVEN_LEVELS)
        {
          warn (ld, _("%" G_GSIZE_FORMAT " levels; only the first %u are kept"), n,
                TANGENT_SESSION_MAX_GIVEN_LEVELS);
          n = TANGENT_SESSION_MAX_GIVEN_LEVELS;
        }

      c->levels = g_new (double, n);
      for (gsize i = 0; i < n; i++)
        {
          json_t *e = json_array_get (levels, i);

          if (!json_is_number (e) || !isfinite (json_number_value (e)))
            {
              gsize im = push_index (ld, i);

              fail_kind (ld, KIND_NUMBER, e);
              pop (ld, im);
              pop (ld, mark);
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
          warn (ld, _("the levels are not in ascending order, or repeat; they are sorted and "
                      "repeats dropped"));
        }
      else
        kept = n;
      c->n_given = (guint) kept;
      pop (ld, mark);
    }
  return TRUE;
}

static gboolean
load_arrows (Loader             *ld,
             json_t             *o,
             TangentSessionView *view)
{
  TangentSessionArrows *a = _tangent_session_arrows_new ();

  view->arrows = a;
  return read_string (ld, o, "formula", TRUE, FALSE, &a->formula)
         && read_bool (ld, o, "negative", &a->negative)
         && read_uint (ld, o, "grid", TANGENT_SESSION_MIN_ARROWS_GRID,
                       TANGENT_SESSION_MAX_ARROWS_GRID, &a->grid)
         && read_bool (ld, o, "normalized", &a->normalized)
         && read_bool (ld, o, "streamlines", &a->streamlines);
}

static gboolean
load_orders (Loader               *ld,
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
      gsize mark = push_index (ld, i);
      double d;

      if (!json_is_number (e) || !isfinite (json_number_value (e)))
        {
          fail_kind (ld, KIND_NUMBER, e);
          pop (ld, mark);
          return FALSE;
        }
      d = json_number_value (e);
      if (d != floor (d))
        {
          fail (ld, _("expected a whole number, found %s"), format_number (buf, d));
          pop (ld, mark);
          return FALSE;
        }
      if (d < 0 || d > TANGENT_SESSION_MAX_TAYLOR_ORDER)
        warn (ld, _("order %s is outside 0 … %u; it is dropped"), format_number (buf, d),
              TANGENT_SESSION_MAX_TAYLOR_ORDER);
      else
        {
          orders[kept] = (guint) d;
          if (kept > 0 && !(orders[kept] > orders[kept - 1]))
            sorted = FALSE;
          kept++;
        }
      pop (ld, mark);
    }

  if (!sorted)
    {
      qsort (orders, kept, sizeof (guint), compare_uints);
      for (guint i = 0; i < kept; i++)
        if (unique == 0 || orders[i] != orders[unique - 1])
          orders[unique++] = orders[i];
      warn (ld, _("the orders are not in ascending order, or repeat; they are sorted and "
                  "repeats dropped"));
      kept = unique;
    }

  if (kept == 0)
    {
      warn (ld, _("no orders; 1, 2 and 3 are used"));
      return TRUE;
    }

  g_free (t->orders);
  t->orders = g_steal_pointer (&orders);
  t->n_orders = kept;
  return TRUE;
}

static gboolean
load_taylor (Loader    *ld,
             json_t    *o,
             GPtrArray *list)
{
  TangentSessionTaylor *t;
  json_t *orders;

  if (!expect_object (ld, o))
    return FALSE;

  t = _tangent_session_taylor_new ();
  g_ptr_array_add (list, t);
  if (!read_string (ld, o, "formula", TRUE, FALSE, &t->formula)
      || !read_double (ld, o, "center", FALSE, &t->center, NULL)
      || !member (ld, o, "orders", KIND_ARRAY, FALSE, &orders)
      || !read_bool (ld, o, "band", &t->band)
      || !read_bool (ld, o, "inset", &t->inset))
    return FALSE;

  if (orders != NULL)
    {
      gsize mark = push_key (ld, "orders");
      gboolean ok = load_orders (ld, orders, t);

      pop (ld, mark);
      return ok;
    }
  return TRUE;
}

static gboolean
load_marker (Loader    *ld,
             json_t    *o,
             GPtrArray *list)
{
  TangentSessionMarker *m;

  if (!expect_object (ld, o))
    return FALSE;

  m = g_new0 (TangentSessionMarker, 1);
  g_ptr_array_add (list, m);
  return read_double (ld, o, "x", TRUE, &m->x, NULL)
         && read_double (ld, o, "y", TRUE, &m->y, NULL)
         && read_string (ld, o, "label", FALSE, TRUE, &m->label);
}

static gboolean
load_path (Loader    *ld,
           json_t    *o,
           GPtrArray *list)
{
  TangentSessionPath *p;
  json_t *points;
  gsize n, mark;

  if (!expect_object (ld, o))
    return FALSE;

  p = g_new0 (TangentSessionPath, 1);
  g_ptr_array_add (list, p);
  if (!member (ld, o, "points", KIND_ARRAY, TRUE, &points)
      || !read_string (ld, o, "label", FALSE, TRUE, &p->label)
      || !read_color (ld, o, &p->color))
    return FALSE;

  n = json_array_size (points);
  mark = push_key (ld, "points");
  if (n == 0)
    {
      warn (ld, _("the path has no points; it is skipped"));
      pop (ld, mark);
      g_ptr_array_remove_index (list, list->len - 1);
      return TRUE;
    }

  p->xy = g_new (double, 2 * n);
  for (gsize i = 0; i < n; i++)
    {
      json_t *e = json_array_get (points, i);
      gsize im = push_index (ld, i);

      if (!json_is_array (e) || json_array_size (e) != 2
          || !json_is_number (json_array_get (e, 0)) || !json_is_number (json_array_get (e, 1)))
        {
          if (json_is_array (e))
            fail (ld, _("expected a point [x, y] of two numbers"));
          else
            fail_kind (ld, KIND_ARRAY, e);
          pop (ld, im);
          pop (ld, mark);
          return FALSE;
        }
      p->xy[2 * i] = json_number_value (json_array_get (e, 0));
      p->xy[2 * i + 1] = json_number_value (json_array_get (e, 1));
      if (!isfinite (p->xy[2 * i]) || !isfinite (p->xy[2 * i + 1]))
        {
          fail (ld, _("the number is not finite"));
          pop (ld, im);
          pop (ld, mark);
          return FALSE;
        }
      pop (ld, im);
    }
  p->n_points = (guint) n;
  pop (ld, mark);
  return TRUE;
}

static gboolean
load_line (Loader    *ld,
           json_t    *o,
           GPtrArray *list)
{
  TangentSessionLine *l;
  gboolean has_x2;

  if (!expect_object (ld, o))
    return FALSE;

  l = g_new0 (TangentSessionLine, 1);
  g_ptr_array_add (list, l);
  if (!read_string (ld, o, "formula", TRUE, FALSE, &l->formula)
      || !read_double (ld, o, "x1", TRUE, &l->x1, NULL)
      || !read_double (ld, o, "x2", FALSE, &l->x2, &has_x2)
      || !read_bool (ld, o, "secant", &l->secant))
    return FALSE;

  if (!has_x2)
    l->x2 = l->x1;
  if (l->secant && l->x1 == l->x2)
    {
      gsize mark = push_key (ld, has_x2 ? "x2" : "secant");

      warn (ld, _("a secant needs two different points x1 and x2; the tangent at x1 is drawn"));
      pop (ld, mark);
      l->secant = FALSE;
    }
  return TRUE;
}

typedef gboolean (*LoadItem) (Loader *ld, json_t *o, GPtrArray *list);

/* Each element of the list under key, loaded into list. */
static gboolean
load_list (Loader     *ld,
           json_t     *obj,
           const char *key,
           LoadItem    load,
           GPtrArray  *list)
{
  json_t *arr;
  gsize mark;

  if (!member (ld, obj, key, KIND_ARRAY, FALSE, &arr))
    return FALSE;
  if (arr == NULL)
    return TRUE;

  mark = push_key (ld, key);
  for (gsize i = 0; i < json_array_size (arr); i++)
    {
      gsize im = push_index (ld, i);

      if (!load (ld, json_array_get (arr, i), list))
        return FALSE;
      pop (ld, im);
    }
  pop (ld, mark);
  return TRUE;
}

static const char * const styles[] = { "print", "screen", NULL };

/* The keys shared by the main view and the named ones. */
static gboolean
load_view (Loader             *ld,
           json_t             *o,
           TangentSessionView *v)
{
  json_t *contour, *arrows;

  if (!read_double (ld, o, "xmin", FALSE, &v->xmin, NULL)
      || !read_double (ld, o, "xmax", FALSE, &v->xmax, NULL)
      || !read_double (ld, o, "ymin", FALSE, &v->ymin, NULL)
      || !read_double (ld, o, "ymax", FALSE, &v->ymax, NULL)
      || !check_range (ld, "xmin", "xmax", &v->xmin, &v->xmax)
      || !check_range (ld, "ymin", "ymax", &v->ymin, &v->ymax)
      || !read_bool (ld, o, "equal_aspect", &v->equal_aspect)
      || !read_string (ld, o, "title", FALSE, TRUE, &v->title)
      || !read_string (ld, o, "x_label", FALSE, TRUE, &v->x_label)
      || !read_string (ld, o, "y_label", FALSE, TRUE, &v->y_label)
      || !read_uint (ld, o, "width", TANGENT_SESSION_MIN_SIZE, TANGENT_SESSION_MAX_SIZE,
                     &v->width)
      || !read_uint (ld, o, "height", TANGENT_SESSION_MIN_SIZE, TANGENT_SESSION_MAX_SIZE,
                     &v->height)
      || !read_double (ld, o, "dpi", FALSE, &v->dpi, NULL)
      || !read_choice (ld, o, "style", styles, "print, screen", &v->style)
      || !read_bool (ld, o, "legend", &v->legend)
      || !read_bool (ld, o, "grid", &v->grid)
      || !member (ld, o, "contour", KIND_OBJECT | KIND_NULL, FALSE, &contour)
      || !member (ld, o, "arrows", KIND_OBJECT | KIND_NULL, FALSE, &arrows))
    return FALSE;

  if (v->dpi < TANGENT_SESSION_MIN_DPI || v->dpi > TANGENT_SESSION_MAX_DPI)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE], buf2[G_ASCII_DTOSTR_BUF_SIZE];
      double used = CLAMP (v->dpi, TANGENT_SESSION_MIN_DPI, TANGENT_SESSION_MAX_DPI);
      gsize mark = push_key (ld, "dpi");

      warn (ld, _("%s dpi is outside 10 … 2400; %s is used"), format_number (buf, v->dpi),
            format_number (buf2, used));
      pop (ld, mark);
      v->dpi = used;
    }

  if (contour != NULL && json_is_object (contour))
    {
      gsize mark = push_key (ld, "contour");

      if (!load_contour (ld, contour, v))
        return FALSE;
      pop (ld, mark);
    }
  if (arrows != NULL && json_is_object (arrows))
    {
      gsize mark = push_key (ld, "arrows");

      if (!load_arrows (ld, arrows, v))
        return FALSE;
      pop (ld, mark);
    }

  return load_list (ld, o, "taylor", load_taylor, v->taylor)
         && load_list (ld, o, "markers", load_marker, v->markers)
         && load_list (ld, o, "paths", load_path, v->paths)
         && load_list (ld, o, "lines", load_line, v->lines);
}

static gboolean
load_named_view (Loader    *ld,
                 json_t    *o,
                 GPtrArray *views)
{
  TangentSessionView *v;

  if (!expect_object (ld, o))
    return FALSE;

  v = tangent_session_view_new ();
  g_ptr_array_add (views, v);
  if (!read_string (ld, o, "name", TRUE, FALSE, &v->name))
    return FALSE;

  if (v->name[0] == '\0')
    {
      gsize mark = push_key (ld, "name");

      fail (ld, _("the name is empty"));
      pop (ld, mark);
      return FALSE;
    }

  for (guint i = 0; i + 1 < views->len; i++)
    {
      TangentSessionView *other = g_ptr_array_index (views, i);

      if (strcmp (other->name, v->name) == 0)
        {
          g_autofree char *shown = quote (v->name);

          warn (ld, _("a second view named “%s”; only the first is kept"), shown);
          g_ptr_array_remove_index (views, views->len - 1);
          return TRUE;
        }
    }

  return load_view (ld, o, v);
}

/* The top level: format and version first, so that a file from a newer
 * Tangent is refused for its version rather than for what it holds. */
static gboolean
load_root (Loader         *ld,
           json_t         *root,
           TangentSession *s)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  json_t *format, *version, *view;
  double v;

  if (!json_is_object (root))
    return fail (ld, _("not a Tangent session: the file holds %s, not an object"),
                 kind_name (kind_of (root)));

  format = json_object_get (root, "format");
  if (format == NULL)
    return fail (ld, _("not a Tangent session: “format” is missing"));
  if (!json_is_string (format) || strcmp (json_string_value (format), TANGENT_SESSION_FORMAT_NAME) != 0)
    {
      gsize mark = push_key (ld, "format");

      if (json_is_string (format))
        {
          g_autofree char *shown = tangent_escape_excerpt (json_string_value (format),
                                                           (gssize) json_string_length (format),
                                                           EXCERPT_CHARS);

          fail (ld, _("not a Tangent session: the format is “%s”, not “%s”"), shown,
                TANGENT_SESSION_FORMAT_NAME);
        }
      else
        fail_kind (ld, KIND_STRING, format);
      pop (ld, mark);
      return FALSE;
    }

  if (!member (ld, root, "version", KIND_NUMBER, TRUE, &version))
    return FALSE;
  v = json_number_value (version);
  if (v != floor (v) || v < 1)
    {
      gsize mark = push_key (ld, "version");

      fail (ld, _("the version must be a whole number from 1 up, found %s"),
            format_number (buf, v));
      pop (ld, mark);
      return FALSE;
    }
  if (v > TANGENT_SESSION_FORMAT_VERSION)
    {
      /* No path: this is about the whole file. */
      g_set_error (&ld->error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_VERSION,
                   _("%s: written by a newer Tangent (session format version %s); this Tangent "
                     "reads version %d and older. Open it with a newer Tangent."),
                   ld->name, format_number (buf, v), TANGENT_SESSION_FORMAT_VERSION);
      return FALSE;
    }

  {
    gsize mark;
    json_t *arr;

    if (!member (ld, root, "parameters", KIND_ARRAY, FALSE, &arr))
      return FALSE;
    if (arr != NULL)
      {
        mark = push_key (ld, "parameters");
        for (gsize i = 0; i < json_array_size (arr); i++)
          {
            gsize im = push_index (ld, i);

            if (!load_parameter (ld, json_array_get (arr, i), names, s->parameters))
              return FALSE;
            pop (ld, im);
          }
        pop (ld, mark);
      }
  }

  if (!load_list (ld, root, "formulas", load_formula, s->formulas))
    return FALSE;

  if (!member (ld, root, "view", KIND_OBJECT, FALSE, &view))
    return FALSE;
  if (view != NULL)
    {
      gsize mark = push_key (ld, "view");

      if (!load_view (ld, view, s->view))
        return FALSE;
      pop (ld, mark);
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
  Loader ld = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("the session");

  if (length > TANGENT_SESSION_MAX_BYTES)
    {
      g_set_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_FORMAT,
                   _("%s: too large for a session file (%" G_GSIZE_FORMAT " MB; the limit is %u MB)"),
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

  root = json_loadb (data, length, JSON_REJECT_DUPLICATES | JSON_DECODE_INT_AS_REAL | JSON_DECODE_ANY,
                     &jerror);
  if (root == NULL)
    {
      /* The scan should have caught it; jansson's own words then. */
      g_autofree char *shown = tangent_escape_excerpt (jerror.text, -1, 80);

      g_set_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_SYNTAX,
                   _("%s: %s at line %d"), display_name, shown, jerror.line);
      return NULL;
    }

  ld.data = data;
  ld.length = length;
  ld.name = display_name;
  ld.path = g_string_new (NULL);
  ld.warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) warning_free);

  session = tangent_session_new ();
  ok = load_root (&ld, root, session);
  json_decref (root);

  if (ok)
    finish_warnings (&ld, session);
  else
    g_assert (ld.error != NULL);

  g_string_free (ld.path, TRUE);
  g_ptr_array_unref (ld.warnings);

  if (!ok)
    {
      g_propagate_error (error, ld.error);
      return NULL;
    }
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
                   _("%s: too large for a session file (%" G_GSIZE_FORMAT " MB; the limit is %u MB)"),
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
