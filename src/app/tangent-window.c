/* tangent-window.c: a main window: a session's formula rows, sliders and plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-window"

#include <glib/gi18n.h>
#include <string.h>

#include "tangent-window-private.h"

/* The window owns the session (formula rows, parameters, views) and keeps
 * the pane (tangent-window-rows.c) and the plot in step with it; files are
 * in tangent-window-files.c, actions in tangent-window-actions.c. */

G_DEFINE_FINAL_TYPE (TangentWindow, tangent_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_notice (TangentWindow *self);

/* What a new window shows. */
#define DEFAULT_FORMULA "sin(x)"

void
_tangent_window_reset_view (TangentWindow *self)
{
  tangent_plot_view_set_bounds (self->plot_view, self->home[0], self->home[1], self->home[2],
                                self->home[3]);
}

static void
on_view_changed (TangentWindow *self)
{
  _tangent_window_session_changed (self, FALSE);
}

static void
on_dark_changed (TangentWindow *self)
{
  _tangent_window_refresh_colors (self);
}

/**
 * _tangent_window_set_session:
 * @self: a #TangentWindow
 * @session: (transfer full): the session to show
 * @file: (nullable): where it was read from
 *
 * Replaces the window's session, unmodified.
 */
void
_tangent_window_set_session (TangentWindow  *self,
                             TangentSession *session,
                             GFile          *file)
{
  const TangentSessionView *view = session->view;

  if (self->undo_toast != NULL)
    {
      AdwToast *toast = g_steal_pointer (&self->undo_toast);

      adw_toast_dismiss (toast);
    }
  g_clear_pointer (&self->removed, _tangent_window_removed_free);

  tangent_plot_view_set_session (self->plot_view, NULL);
  g_clear_pointer (&self->session, tangent_session_free);
  self->session = session;
  g_set_object (&self->file, file);

  tangent_formula_pane_clear (self->formula_pane);
  for (guint i = 0; i < session->formulas->len; i++)
    _tangent_window_add_row_for (self, i);
  for (guint i = 0; i < session->parameters->len; i++)
    _tangent_window_add_parameter_for (self, i);

  self->home[0] = view->xmin;
  self->home[1] = view->xmax;
  self->home[2] = view->ymin;
  self->home[3] = view->ymax;

  _tangent_window_resolve (self);
  tangent_plot_view_set_session (self->plot_view, session);

  /* Ready to type, with the start of the first formula in sight. */
  if (session->formulas->len > 0)
    {
      tangent_formula_pane_focus_row (self->formula_pane, 0);
      gtk_editable_set_position (tangent_formula_row_get_editable (
                                   tangent_formula_pane_get_row (self->formula_pane, 0)), 0);
    }

  g_clear_pointer (&self->repairs, g_ptr_array_unref);
  update_notice (self);
  self->generation++;
  self->modified = TRUE;
  _tangent_window_set_modified (self, FALSE);
}

void
_tangent_window_set_modified (TangentWindow *self,
                              gboolean       modified)
{
  if (self->modified == !!modified)
    return;

  self->modified = !!modified;
  _tangent_window_update_title (self);
  _tangent_window_actions_update (self);
}

/* "• name" while modified, with the folder below, as Text Editor shows it. */
void
_tangent_window_update_title (TangentWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *title = NULL;

  if (self->file != NULL)
    {
      g_autofree char *path = g_file_get_path (self->file);
      g_autoptr(GFile) parent = g_file_get_parent (self->file);

      name = path != NULL ? g_filename_display_basename (path) : g_file_get_uri (self->file);
      if (parent != NULL)
        {
          g_autofree char *dir = g_file_get_path (parent);
          const char *home = g_get_home_dir ();

          if (dir != NULL && g_str_has_prefix (dir, home) && dir[strlen (home)] == '/')
            {
              g_autofree char *tail = g_filename_display_name (dir + strlen (home));

              folder = g_strconcat ("~", tail, NULL);
            }
          else if (dir != NULL)
            folder = g_filename_display_name (dir);
        }
    }
  else
    name = g_strdup (_("Untitled Session"));

  title = self->modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, folder != NULL ? folder : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Appends a titled list, the first items of it, to text. */
static void
append_list (GString    *text,
             const char *title,
             GPtrArray  *items)
{
  guint shown = MIN (items->len, 8);

  if (text->len > 0)
    g_string_append (text, "\n\n");
  g_string_append (text, title);
  for (guint i = 0; i < shown; i++)
    g_string_append_printf (text, "\n• %s", (const char *) g_ptr_array_index (items, i));
  if (items->len > shown)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "…and %u more", "…and %u more",
                                           items->len - shown),
                              items->len - shown);
    }
}

/* The non-modal notice above the plot says what the load repaired or
 * skipped, and what the view leaves out of the figure, each item with its
 * place. Plain text, never markup. Hidden when there is nothing to say. */
static void
update_notice (TangentWindow *self)
{
  GPtrArray *left_out = tangent_plot_view_get_warnings (self->plot_view);
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->repairs != NULL && self->repairs->len > 0)
    append_list (text, self->repairs_title, self->repairs);
  if (left_out != NULL && left_out->len > 0)
    append_list (text, _("Part of the view is not drawn:"), left_out);

  if (text->len > 0)
    gtk_label_set_text (self->notice_label, text->str);
  gtk_revealer_set_reveal_child (self->notice_revealer, text->len > 0);
}

void
_tangent_window_show_notice (TangentWindow *self,
                             const char    *title,
                             GPtrArray     *items)
{
  g_free (self->repairs_title);
  self->repairs_title = g_strdup (title);
  g_clear_pointer (&self->repairs, g_ptr_array_unref);
  self->repairs = g_ptr_array_copy (items, (GCopyFunc) (void (*) (void)) g_strdup, NULL);
  g_ptr_array_set_free_func (self->repairs, g_free);
  update_notice (self);
}

static void
on_notice_close (TangentWindow *self)
{
  /* Closed: the repairs are read. What the view leaves out comes back
   * when it changes. */
  g_clear_pointer (&self->repairs, g_ptr_array_unref);
  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
}

static void
on_warnings_changed (TangentWindow *self)
{
  update_notice (self);
}

void
_tangent_window_show_error (TangentWindow *self,
                            const char    *heading,
                            const char    *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  /* Plain text: the message quotes the file. */
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), message);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_tangent_window_toast (TangentWindow *self,
                       const char    *title)
{
  /* A toast's title is Pango markup in libadwaita 1.2. */
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static TangentSettings *
get_settings (TangentWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app != NULL ? tangent_application_get_settings (TANGENT_APPLICATION (app)) : NULL;
}

static void
close_confirmed (TangentWindow *self,
                 gpointer       user_data)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
tangent_window_close_request (GtkWindow *window)
{
  TangentWindow *self = TANGENT_WINDOW (window);
  TangentSettings *settings = get_settings (self);

  if (self->modified && !self->close_confirmed)
    {
      _tangent_window_confirm_discard (self, close_confirmed, NULL, NULL);
      return TRUE;
    }

  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      tangent_settings_set_window_state (settings, width, height,
                                         gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (tangent_window_parent_class)->close_request (window);
}

/* Called once the window belongs to its application: "application" is not
 * a construct property, so constructed() is too early to see it. */
static void
restore_state (TangentWindow *self)
{
  TangentSettings *settings = get_settings (self);

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               tangent_settings_get_window_width (settings),
                               tangent_settings_get_window_height (settings));
  if (tangent_settings_get_window_maximized (settings))
    gtk_window_maximize (GTK_WINDOW (self));

  g_object_bind_property (settings, "pane-position", self->paned, "position",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

static void
tangent_window_dispose (GObject *object)
{
  TangentWindow *self = TANGENT_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->plot_view != NULL)
    tangent_plot_view_set_session (self->plot_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (object), TANGENT_TYPE_WINDOW);

  self->undo_toast = NULL;
  g_clear_pointer (&self->removed, _tangent_window_removed_free);
  g_clear_pointer (&self->document, tangent_document_free);
  g_clear_pointer (&self->session, tangent_session_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->repairs, g_ptr_array_unref);
  g_clear_pointer (&self->repairs_title, g_free);

  G_OBJECT_CLASS (tangent_window_parent_class)->dispose (object);
}

static void
tangent_window_class_init (TangentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tangent_window_dispose;
  window_class->close_request = tangent_window_close_request;

  g_type_ensure (TANGENT_TYPE_FORMULA_PANE);
  g_type_ensure (TANGENT_TYPE_PLOT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_RESOURCE_PATH "/tangent-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TangentWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TangentWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TangentWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, TangentWindow, formula_pane);
  gtk_widget_class_bind_template_child (widget_class, TangentWindow, plot_view);
  gtk_widget_class_bind_template_child (widget_class, TangentWindow, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, TangentWindow, notice_label);
  gtk_widget_class_bind_template_callback (widget_class, on_notice_close);

  _tangent_window_class_actions_init (widget_class);
}

static void
tangent_window_init (TangentWindow *self)
{
  g_autoptr(TangentSession) session = tangent_session_new ();
  TangentSessionFormula *formula = g_new0 (TangentSessionFormula, 1);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->plot_view, "view-changed", G_CALLBACK (on_view_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plot_view, "warnings-changed", G_CALLBACK (on_warnings_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);

  formula->text = g_strdup (DEFAULT_FORMULA);
  formula->visible = TRUE;
  g_ptr_array_add (session->formulas, formula);
  _tangent_window_set_session (self, g_steal_pointer (&session), NULL);
}

TangentWindow *
tangent_window_new (TangentApplication *application)
{
  TangentWindow *self;

  g_return_val_if_fail (TANGENT_IS_APPLICATION (application), NULL);

  self = g_object_new (TANGENT_TYPE_WINDOW,
                       "application", application,
                       NULL);
  restore_state (self);

  return self;
}

/**
 * tangent_window_get_formula_pane:
 * @self: a #TangentWindow
 *
 * Returns: (transfer none): the formula pane
 */
TangentFormulaPane *
tangent_window_get_formula_pane (TangentWindow *self)
{
  g_return_val_if_fail (TANGENT_IS_WINDOW (self), NULL);

  return self->formula_pane;
}

/**
 * tangent_window_get_plot_view:
 * @self: a #TangentWindow
 *
 * Returns: (transfer none): the plot view
 */
TangentPlotView *
tangent_window_get_plot_view (TangentWindow *self)
{
  g_return_val_if_fail (TANGENT_IS_WINDOW (self), NULL);

  return self->plot_view;
}

/**
 * tangent_window_get_session:
 * @self: a #TangentWindow
 *
 * Returns: (transfer none): the session the window shows; it changes
 *   with every edit and is replaced when a file is opened
 */
const TangentSession *
tangent_window_get_session (TangentWindow *self)
{
  g_return_val_if_fail (TANGENT_IS_WINDOW (self), NULL);

  return self->session;
}

/**
 * tangent_window_get_file:
 * @self: a #TangentWindow
 *
 * Returns: (transfer none) (nullable): the session's file, or %NULL
 *   before it is first saved
 */
GFile *
tangent_window_get_file (TangentWindow *self)
{
  g_return_val_if_fail (TANGENT_IS_WINDOW (self), NULL);

  return self->file;
}

gboolean
tangent_window_get_modified (TangentWindow *self)
{
  g_return_val_if_fail (TANGENT_IS_WINDOW (self), FALSE);

  return self->modified;
}

/* A window nobody has used yet: opening a file may take it over. */
gboolean
tangent_window_is_pristine (TangentWindow *self)
{
  g_return_val_if_fail (TANGENT_IS_WINDOW (self), FALSE);

  return self->file == NULL && !self->modified;
}

/**
 * tangent_window_get_notice:
 * @self: a #TangentWindow
 *
 * Returns: (transfer none) (nullable): the text of the notice shown above
 *   the plot (what a load repaired), or %NULL when none is shown
 */
const char *
tangent_window_get_notice (TangentWindow *self)
{
  g_return_val_if_fail (TANGENT_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->notice_revealer))
    return NULL;

  return gtk_label_get_text (self->notice_label);
}
