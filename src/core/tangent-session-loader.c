/* tangent-session-loader.c: typed, located access to a session's JSON tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What tangent-session-load.c reads the tree with. Every node's type is
 * checked before its value is taken (jansson's getters, like json-glib's,
 * would read a string as 0). The loader keeps the JSON path of the node
 * being read (view.xmin, formulas[2].color); an error or a repair is
 * reported at that path, and its line found by tangent_json_scan_locate():
 * for an error at once, for the repairs in one scan at the end.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-session"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tangent-escape.h"
#include "tangent-json-scan.h"
#include "tangent-session-loader-private.h"

typedef struct
{
  char *path;
  char *text;
} Warning;

static void
warning_free (Warning *w)
{
  g_free (w->path);
  g_free (w->text);
  g_free (w);
}

void
_tangent_loader_init (TangentLoader *ld,
                      const char    *data,
                      gsize          length,
                      const char    *name)
{
  memset (ld, 0, sizeof *ld);
  ld->data = data;
  ld->length = length;
  ld->name = name;
  ld->path = g_string_new (NULL);
  ld->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) warning_free);
}

/* Frees what the loader holds; its error, if any, is the caller's to take
 * first. */
void
_tangent_loader_clear (TangentLoader *ld)
{
  g_string_free (ld->path, TRUE);
  g_ptr_array_unref (ld->warnings);
  g_clear_error (&ld->error);
}

/* Paths */

gsize
_tangent_loader_push_key (TangentLoader *ld,
                          const char    *key)
{
  gsize mark = ld->path->len;

  if (mark > 0)
    g_string_append_c (ld->path, '.');
  g_string_append (ld->path, key);
  return mark;
}

gsize
_tangent_loader_push_index (TangentLoader *ld,
                            gsize          index)
{
  gsize mark = ld->path->len;

  g_string_append_printf (ld->path, "[%" G_GSIZE_FORMAT "]", index);
  return mark;
}

void
_tangent_loader_pop (TangentLoader *ld,
                     gsize          mark)
{
  g_string_truncate (ld->path, mark);
}

/* The line of a path's value, or 0 when the file has no such path. */
static guint
locate (TangentLoader *ld,
        const char    *path)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  TangentJsonPosition *p = g_new0 (TangentJsonPosition, 1);

  g_hash_table_insert (wanted, (gpointer) path, p);
  tangent_json_scan_locate (ld->data, ld->length, wanted);
  return p->line;
}

/* Messages */

const char *
_tangent_loader_format_number (char   buf[G_ASCII_DTOSTR_BUF_SIZE],
                               double value)
{
  return g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, "%.15g", value);
}

char *
_tangent_loader_quote (const char *text)
{
  return tangent_escape_excerpt (text, -1, TANGENT_LOADER_EXCERPT_CHARS);
}

static gboolean
fail_code (TangentLoader       *ld,
           TangentSessionError  code,
           const char          *format,
           va_list              args) G_GNUC_PRINTF (3, 0);

static gboolean
fail_code (TangentLoader       *ld,
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

gboolean
_tangent_loader_fail (TangentLoader *ld,
                      const char    *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  fail_code (ld, TANGENT_SESSION_ERROR_FORMAT, format, args);
  va_end (args);
  return FALSE;
}

/* A repair, at the current path. */

void
_tangent_loader_warn (TangentLoader *ld,
                      const char    *format,
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
void
_tangent_loader_finish_warnings (TangentLoader  *ld,
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

TangentLoaderKind
_tangent_loader_kind_of (json_t *v)
{
  switch (json_typeof (v))
    {
    case JSON_OBJECT:
      return TANGENT_KIND_OBJECT;
    case JSON_ARRAY:
      return TANGENT_KIND_ARRAY;
    case JSON_STRING:
      return TANGENT_KIND_STRING;
    case JSON_INTEGER:
    case JSON_REAL:
      return TANGENT_KIND_NUMBER;
    case JSON_TRUE:
    case JSON_FALSE:
      return TANGENT_KIND_BOOL;
    case JSON_NULL:
    default:
      return TANGENT_KIND_NULL;
    }
}

const char *
_tangent_loader_kind_name (TangentLoaderKind kind)
{
  switch (kind)
    {
    case TANGENT_KIND_STRING:
      return _("a string");
    case TANGENT_KIND_NUMBER:
      return _("a number");
    case TANGENT_KIND_BOOL:
      return _("true or false");
    case TANGENT_KIND_OBJECT:
      return _("an object");
    case TANGENT_KIND_ARRAY:
      return _("a list");
    case TANGENT_KIND_NULL:
    default:
      return _("null");
    }
}

/* "expected a number, found a string (“abc”)" */
gboolean
_tangent_loader_fail_kind (TangentLoader     *ld,
                           TangentLoaderKind  expected,
                           json_t            *found)
{
  TangentLoaderKind without_null = expected & ~TANGENT_KIND_NULL;
  const char *want = _tangent_loader_kind_name (without_null);
  g_autofree char *want_text = (expected & TANGENT_KIND_NULL) && without_null != 0
                               ? g_strdup_printf (_("%s or null"), want) : g_strdup (want);

  if (json_is_string (found))
    {
      g_autofree char *shown = tangent_escape_excerpt (json_string_value (found),
                                                       (gssize) json_string_length (found),
                                                       TANGENT_LOADER_EXCERPT_CHARS);

      return _tangent_loader_fail (ld, _("expected %s, found a string (“%s”)"), want_text, shown);
    }
  return _tangent_loader_fail (ld, _("expected %s, found %s"), want_text,
                               _tangent_loader_kind_name (_tangent_loader_kind_of (found)));
}

/* The member key of obj, of one of the kinds allowed; *out is NULL when
 * it is absent (an error when required). A member whose value is null
 * where null is allowed is returned as the null node. */
gboolean
_tangent_loader_member (TangentLoader      *ld,
                        json_t             *obj,
                        const char         *key,
                        TangentLoaderKind   kinds,
                        gboolean            required,
                        json_t            **out)
{
  json_t *v = json_object_get (obj, key);

  *out = NULL;
  if (v == NULL)
    {
      if (required)
        return _tangent_loader_fail (ld, _("“%s” is missing"), key);
      return TRUE;
    }

  if ((_tangent_loader_kind_of (v) & kinds) == 0)
    {
      gsize mark = _tangent_loader_push_key (ld, key);

      _tangent_loader_fail_kind (ld, kinds, v);
      _tangent_loader_pop (ld, mark);
      return FALSE;
    }

  *out = v;
  return TRUE;
}

gboolean
_tangent_loader_read_string (TangentLoader  *ld,
                             json_t         *obj,
                             const char     *key,
                             gboolean        required,
                             gboolean        nullable,
                             char          **out)
{
  TangentLoaderKind kinds = TANGENT_KIND_STRING | (nullable ? TANGENT_KIND_NULL : 0);
  json_t *v;

  if (!_tangent_loader_member (ld, obj, key, kinds, required, &v))
    return FALSE;
  if (v == NULL)
    return TRUE;

  g_free (*out);
  /* The scan refused \u0000, so the length is the C string's. */
  *out = json_is_null (v) ? NULL : g_strndup (json_string_value (v), json_string_length (v));
  return TRUE;
}

gboolean
_tangent_loader_read_double (TangentLoader *ld,
                             json_t        *obj,
                             const char    *key,
                             gboolean       required,
                             double        *out,
                             gboolean      *present)
{
  json_t *v;

  if (present != NULL)
    *present = FALSE;
  if (!_tangent_loader_member (ld, obj, key, TANGENT_KIND_NUMBER, required, &v))
    return FALSE;
  if (v == NULL)
    return TRUE;

  if (!isfinite (json_number_value (v)))
    {
      gsize mark = _tangent_loader_push_key (ld, key);

      _tangent_loader_fail (ld, _("the number is not finite"));
      _tangent_loader_pop (ld, mark);
      return FALSE;
    }

  *out = json_number_value (v);
  if (present != NULL)
    *present = TRUE;
  return TRUE;
}

gboolean
_tangent_loader_read_bool (TangentLoader *ld,
                           json_t        *obj,
                           const char    *key,
                           gboolean      *out)
{
  json_t *v;

  if (!_tangent_loader_member (ld, obj, key, TANGENT_KIND_BOOL, FALSE, &v))
    return FALSE;
  if (v != NULL)
    *out = json_is_true (v);
  return TRUE;
}

/* A whole number (1 or 1.0, not 1.5); one outside lo … hi is clamped
 * into it, with a warning. */
gboolean
_tangent_loader_read_uint (TangentLoader *ld,
                           json_t        *obj,
                           const char    *key,
                           guint          lo,
                           guint          hi,
                           guint         *out)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double d = 0;
  gboolean present;
  gsize mark;

  if (!_tangent_loader_read_double (ld, obj, key, FALSE, &d, &present))
    return FALSE;
  if (!present)
    return TRUE;

  mark = _tangent_loader_push_key (ld, key);
  if (d != floor (d))
    {
      _tangent_loader_fail (ld, _("expected a whole number, found %s"),
                            _tangent_loader_format_number (buf, d));
      _tangent_loader_pop (ld, mark);
      return FALSE;
    }

  if (d < lo || d > hi)
    {
      guint used = d < lo ? lo : hi;

      _tangent_loader_warn (ld, _("%s is outside %u … %u; %u is used"),
                            _tangent_loader_format_number (buf, d), lo, hi, used);
      *out = used;
    }
  else
    *out = (guint) d;
  _tangent_loader_pop (ld, mark);
  return TRUE;
}

/* A colour, or NULL (the style's next colour) with a warning. */
gboolean
_tangent_loader_read_color (TangentLoader  *ld,
                            json_t         *obj,
                            char          **out)
{
  g_autofree char *text = NULL;
  char *normalized;

  if (!_tangent_loader_read_string (ld, obj, "color", FALSE, TRUE, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  normalized = _tangent_session_normalize_color (text);
  if (normalized == NULL)
    {
      gsize mark = _tangent_loader_push_key (ld, "color");
      g_autofree char *shown = _tangent_loader_quote (text);

      _tangent_loader_warn (ld, _("“%s” is not a colour (#rrggbb or #rgb); "
                                  "the default colour is used"), shown);
      _tangent_loader_pop (ld, mark);
    }
  g_free (*out);
  *out = normalized;
  return TRUE;
}

/* One of names, or the first of them with a warning. */
gboolean
_tangent_loader_read_choice (TangentLoader       *ld,
                             json_t              *obj,
                             const char          *key,
                             const char * const  *names,
                             const char          *names_text,
                             char               **out)
{
  g_autofree char *text = NULL;

  if (!_tangent_loader_read_string (ld, obj, key, FALSE, FALSE, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  g_free (*out);
  if (g_strv_contains (names, text))
    *out = g_steal_pointer (&text);
  else
    {
      gsize mark = _tangent_loader_push_key (ld, key);
      g_autofree char *shown = _tangent_loader_quote (text);

      /* TRANSLATORS: a value from the file, the list of valid ones, the one used */
      _tangent_loader_warn (ld, _("“%s” is not one of %s; %s is used"), shown, names_text,
                            names[0]);
      _tangent_loader_pop (ld, mark);
      *out = g_strdup (names[0]);
    }
  return TRUE;
}

gboolean
_tangent_loader_expect_object (TangentLoader *ld,
                               json_t        *v)
{
  if (!json_is_object (v))
    return _tangent_loader_fail_kind (ld, TANGENT_KIND_OBJECT, v);
  return TRUE;
}
