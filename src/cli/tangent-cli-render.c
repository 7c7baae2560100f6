/* tangent-cli-render.c: `tangent-cli render`, a session's view to a PNG,
 * SVG or PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract is in the shared CLI.md: render SESSION -o OUT.png|svg|pdf
 * [--size WxH] [--dpi N] [--view NAME], answering with
 * {"output": path, "width": w, "height": h}. Rows that cannot be drawn do
 * not stop the figure; they are listed on standard error (and in the JSON
 * as "warnings", with what the session's loader repaired).
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-cli"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tangent-cli.h"
#include "tangent-cli-options.h"
#include "tangent-cli-output.h"
#include "tangent-export.h"
#include "tangent-figure.h"
#include "tangent-format.h"
#include "tangent-session.h"

static const char *const format_names[] = {
  [TANGENT_EXPORT_PNG] = "png",
  [TANGENT_EXPORT_SVG] = "svg",
  [TANGENT_EXPORT_PDF] = "pdf",
};

static char *
shown (const char *text)
{
  g_autofree char *escaped = g_strescape (text, NULL);

  if (g_utf8_strlen (escaped, -1) > 40)
    return g_strdup_printf ("%.40s…", escaped);
  return g_steal_pointer (&escaped);
}

/* "1200x900" (or with ×): whole numbers of pixels. */
static gboolean
parse_size (const char *text,
            guint      *width,
            guint      *height)
{
  g_auto(GStrv) parts = NULL;
  guint64 w, h;
  const char *sep = strstr (text, "\xc3\x97") != NULL ? "\xc3\x97" : "x";

  parts = g_strsplit (text, sep, -1);
  if (g_strv_length (parts) != 2
      || !g_ascii_string_to_unsigned (parts[0], 10, 1, TANGENT_EXPORT_MAX_SIZE, &w, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 1, TANGENT_EXPORT_MAX_SIZE, &h, NULL))
    return FALSE;

  *width = (guint) w;
  *height = (guint) h;
  return TRUE;
}

static void
draw_figure (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  tangent_figure_draw (user_data, cr, width, height);
}

/* Sizes are whole numbers of pixels, and of points for most PDF pages:
 * written as integers then, as scripts expect. */
static json_t *
size_number (double value)
{
  if (value == floor (value) && fabs (value) < 1e15)
    return json_integer ((json_int_t) value);
  return tangent_cli_json_number (value);
}

static void
print_warning (const char *message)
{
  g_autofree char *valid = g_utf8_make_valid (message, -1);

  fprintf (stderr, _("tangent-cli: warning: %s\n"), valid);
}

int
tangent_cli_render (int    argc,
                    char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *dpi_text = NULL;
  g_autofree char *view_name = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the figure to FILE (.png, .svg or .pdf)"), N_("FILE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_text,
      N_("Figure size in pixels (default: the view’s, or 1200x900)"), N_("WxH") },
    { "dpi", 0, 0, G_OPTION_ARG_STRING, &dpi_text,
      N_("Resolution of a PNG: it gets W×dpi/96 × H×dpi/96 pixels (default: the view’s, or 96)"),
      N_("N") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view_name,
      N_("Draw the named view instead of the main one"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentSession) session = NULL;
  g_autoptr(TangentFigure) figure = NULL;
  g_autofree char *title = NULL;
  TangentExportFormat format;
  GPtrArray *warnings;
  guint width, height;
  double dpi, out_width, out_height;

  context = g_option_context_new ("SESSION");
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Draw a session’s view into a PNG, SVG or PDF file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  title = g_strdup_printf ("tangent-cli %s", argv[0]);
  argv[0] = title;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return tangent_cli_usage_error ("render", "%s", error->message);

  if (argc < 2)
    return tangent_cli_usage_error ("render", _("no session given: tangent-cli render SESSION -o OUT.png"));
  if (argc > 2)
    {
      g_autofree char *extra = shown (argv[2]);

      return tangent_cli_usage_error ("render", _("unexpected argument “%s”"), extra);
    }
  if (output == NULL)
    return tangent_cli_usage_error ("render", _("no output file given: pass -o OUT.png, OUT.svg or OUT.pdf"));
  if (!tangent_export_format_from_path (output, &format, &error))
    return tangent_cli_usage_error ("render", "%s", error->message);

  if (size_text != NULL && !parse_size (size_text, &width, &height))
    {
      g_autofree char *text = shown (size_text);

      return tangent_cli_usage_error ("render", _("--size expects WIDTHxHEIGHT in pixels, 1 to %d each, not “%s”"),
                          TANGENT_EXPORT_MAX_SIZE, text);
    }
  if (dpi_text != NULL
      && (!tangent_cli_parse_value (dpi_text, &dpi)
          || dpi < TANGENT_EXPORT_MIN_DPI || dpi > TANGENT_EXPORT_MAX_DPI))
    {
      g_autofree char *text = shown (dpi_text);

      return tangent_cli_usage_error ("render", _("--dpi expects a number from %g to %g, not “%s”"),
                          TANGENT_EXPORT_MIN_DPI, TANGENT_EXPORT_MAX_DPI, text);
    }

  session = tangent_session_load_file (argv[1], &error);
  if (session == NULL)
    return tangent_cli_report_error (json, error, -1, -1);
  for (guint i = 0; session->warnings != NULL && i < session->warnings->len; i++)
    print_warning (g_ptr_array_index (session->warnings, i));

  figure = tangent_figure_new (session, view_name, &error);
  if (figure == NULL)
    return tangent_cli_report_error (json, error, -1, -1);

  if (size_text == NULL)
    tangent_figure_get_size (figure, &width, &height);
  if (dpi_text == NULL)
    dpi = tangent_figure_get_dpi (figure);

  if (!tangent_export_figure (output, format, width, height, dpi, draw_figure, figure,
                              &out_width, &out_height, &error))
    return tangent_cli_report_error (json, error, -1, -1);

  warnings = tangent_figure_get_warnings (figure);
  for (guint i = 0; i < warnings->len; i++)
    print_warning (g_ptr_array_index (warnings, i));

  if (json)
    {
      json_t *object = json_object ();
      json_t *list = json_array ();

      json_object_set_new (object, "output", tangent_cli_json_string (output));
      json_object_set_new (object, "width", size_number (out_width));
      json_object_set_new (object, "height", size_number (out_height));
      json_object_set_new (object, "format", json_string (format_names[format]));
      json_object_set_new (object, "unit",
                           json_string (format == TANGENT_EXPORT_PDF ? "pt" : "px"));
      if (format == TANGENT_EXPORT_PNG)
        json_object_set_new (object, "dpi", tangent_cli_json_number (dpi));
      for (guint i = 0; session->warnings != NULL && i < session->warnings->len; i++)
        json_array_append_new (list,
                               tangent_cli_json_string (g_ptr_array_index (session->warnings, i)));
      for (guint i = 0; i < warnings->len; i++)
        json_array_append_new (list, tangent_cli_json_string (g_ptr_array_index (warnings, i)));
      json_object_set_new (object, "warnings", list);
      tangent_cli_print_json (object);
    }
  else
    {
      char w[TANGENT_FORMAT_BUF_SIZE], h[TANGENT_FORMAT_BUF_SIZE];
      g_autofree char *name = g_filename_display_name (output);

      printf ("%s: %s × %s %s\n", name, tangent_format_exact (w, out_width),
              tangent_format_exact (h, out_height), format == TANGENT_EXPORT_PDF ? "pt" : "px");
    }

  return TANGENT_CLI_EXIT_OK;
}
