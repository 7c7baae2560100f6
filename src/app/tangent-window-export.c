/* tangent-window-export.c: the session's view as a PNG, SVG or PDF figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-window"

#include <glib/gi18n.h>
#include <string.h>

#include "tangent-export.h"
#include "tangent-figure.h"
#include "tangent-window-private.h"

static void
draw_figure (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  tangent_figure_draw (user_data, cr, width, height);
}

/**
 * tangent_window_export:
 * @self: a #TangentWindow
 * @file: a .png, .svg or .pdf file
 * @error: what went wrong
 *
 * Writes the session's main view as a figure, as `tangent-cli render`
 * draws it: the session's style (print unless it asks otherwise) and its
 * figure size and resolution, whatever the window's theme and size.
 *
 * Returns: whether the file was written
 */
gboolean
tangent_window_export (TangentWindow  *self,
                       GFile          *file,
                       GError        **error)
{
  g_autoptr(TangentFigure) figure = NULL;
  g_autofree char *path = NULL;
  TangentExportFormat format;
  guint width, height;

  g_return_val_if_fail (TANGENT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot export to “%s”: only local files can be written"), uri);
      return FALSE;
    }
  if (!tangent_export_format_from_path (path, &format, error))
    return FALSE;

  figure = tangent_figure_new (self->session, NULL, error);
  if (figure == NULL)
    return FALSE;

  tangent_figure_get_size (figure, &width, &height);
  return tangent_export_figure (path, format, width, height, tangent_figure_get_dpi (figure),
                                draw_figure, figure, NULL, NULL, error);
}

static void
on_export_response (TangentWindow   *self,
                    int              response,
                    GtkNativeDialog *chooser)
{
  GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  const char *ext = filter != NULL ? g_object_get_data (G_OBJECT (filter), "extension") : NULL;
  g_autoptr(GFile) file = _tangent_window_chooser_finish (self, response);
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;

  if (file == NULL)
    return;

  /* A name typed without an extension takes the chosen type's. */
  basename = g_file_get_basename (file);
  if (ext != NULL && strrchr (basename, '.') == NULL)
    {
      g_autofree char *named = g_strconcat (basename, ext, NULL);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      g_object_unref (file);
      file = g_file_get_child (parent, named);
    }

  if (!tangent_window_export (self, file, &error))
    _tangent_window_show_error (self, _("Could Not Export Figure"), error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *shown = g_filename_display_name (name);
      g_autofree char *title = g_strdup_printf (_("Exported “%s”"), shown);

      _tangent_window_toast (self, title);
    }
}

void
_tangent_window_choose_export (TangentWindow *self)
{
  static const struct { const char *name; const char *pattern; const char *ext; } types[] = {
    { N_("PNG Image"), "*.png", ".png" },
    { N_("SVG Image"), "*.svg", ".svg" },
    { N_("PDF Document"), "*.pdf", ".pdf" },
  };
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = _tangent_window_chooser_new (self, _("Export Figure"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(types[i].name));
      gtk_file_filter_add_pattern (filter, types[i].pattern);
      g_object_set_data (G_OBJECT (filter), "extension", (gpointer) types[i].ext);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      if (i == 0)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
    }

  if (self->file != NULL)
    {
      g_autofree char *base = g_file_get_basename (self->file);
      char *dot = strrchr (base, '.');

      if (dot != NULL)
        *dot = '\0';
      name = g_strconcat (base, ".png", NULL);
    }
  else
    /* Translators: the name an exported figure gets; keep .png */
    name = g_strdup (_("Figure.png"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
