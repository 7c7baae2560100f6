/* tangent-window-files.c: opening, saving and exporting sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-window"

#include <glib/gi18n.h>
#include <string.h>

#include "tangent-window-private.h"

/* A load reads the whole file and checks it before anything is replaced,
 * so a file that fails leaves the open session as it was. A save turns
 * the session into bytes on the main thread and writes them atomically
 * in a worker thread; a change made meanwhile keeps the "modified" mark. */

/* Continuations ---------------------------------------------------------- */

/* What to do after a question or a save: @then borrows @user_data, which
 * @destroy frees whether @then ran or not. */
typedef struct
{
  TangentWindowContinue then;
  gpointer              user_data;
  GDestroyNotify        destroy;
} Continuation;

static Continuation *
continuation_new (TangentWindowContinue then,
                  gpointer              user_data,
                  GDestroyNotify        destroy)
{
  Continuation *c = g_new0 (Continuation, 1);

  c->then = then;
  c->user_data = user_data;
  c->destroy = destroy;
  return c;
}

static void
continuation_free (Continuation *c)
{
  if (c == NULL)
    return;
  if (c->destroy != NULL)
    c->destroy (c->user_data);
  g_free (c);
}

static void
continuation_run (Continuation  *c,
                  TangentWindow *self)
{
  if (c->then != NULL)
    c->then (self, c->user_data);
  continuation_free (c);
}

/* Loading ---------------------------------------------------------------- */

/**
 * tangent_window_load_file:
 * @self: a #TangentWindow
 * @file: a .tangent session
 * @error: what went wrong: a %TANGENT_SESSION_ERROR naming the file, the
 *   place and the reason
 *
 * Replaces the window's session with the one in @file, unmodified, and
 * lists what the load repaired in a notice. Asks nothing: see
 * tangent_window_open() for the user's way in. On failure nothing
 * changes.
 *
 * Returns: whether the file was loaded
 */
gboolean
tangent_window_load_file (TangentWindow  *self,
                          GFile          *file,
                          GError        **error)
{
  g_autoptr(TangentSession) session = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (TANGENT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_IO,
                   _("Cannot open “%s”: only local files can be opened"), uri);
      return FALSE;
    }

  session = tangent_session_load_file (path, error);
  if (session == NULL)
    return FALSE;

  _tangent_window_set_session (self, g_steal_pointer (&session), file);

  if (self->session->warnings->len > 0)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *title = NULL;

      /* Translators: %s is a file name; a list of repairs follows */
      title = g_strdup_printf (_("“%s” was opened with repairs:"), name);
      _tangent_window_show_notice (self, title, self->session->warnings);
    }

  return TRUE;
}

static void
open_confirmed (TangentWindow *self,
                gpointer       user_data)
{
  GFile *file = user_data;
  g_autoptr(GError) error = NULL;

  if (!tangent_window_load_file (self, file, &error))
    _tangent_window_show_error (self, _("Could Not Open File"), error->message);
}

/**
 * tangent_window_open:
 * @self: a #TangentWindow
 * @file: a .tangent session
 *
 * Opens @file as the user does: asks first about unsaved changes, and
 * shows a dialog if the file cannot be read.
 */
void
tangent_window_open (TangentWindow *self,
                     GFile         *file)
{
  g_return_if_fail (TANGENT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _tangent_window_confirm_discard (self, open_confirmed, g_object_ref (file), g_object_unref);
}

static void
new_confirmed (TangentWindow *self,
               gpointer       user_data)
{
  TangentSession *session = tangent_session_new ();
  TangentSessionFormula *formula = g_new0 (TangentSessionFormula, 1);

  formula->text = g_strdup ("");
  formula->visible = TRUE;
  g_ptr_array_add (session->formulas, formula);
  _tangent_window_set_session (self, session, NULL);
  tangent_formula_pane_focus_row (self->formula_pane, 0);
}

void
_tangent_window_new_session (TangentWindow *self)
{
  _tangent_window_confirm_discard (self, new_confirmed, NULL, NULL);
}

/* File choosers ---------------------------------------------------------- */

static GtkFileFilter *
session_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Tangent Sessions"));
  gtk_file_filter_add_pattern (filter, "*.tangent");
  return filter;
}

static GtkFileFilter *
all_files_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("All Files"));
  gtk_file_filter_add_pattern (filter, "*");
  return filter;
}

GtkFileChooserNative *
_tangent_window_chooser_new (TangentWindow        *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  _tangent_window_actions_update (self);
  return chooser;
}

/* The chooser's file, or NULL when it was cancelled; forgets the chooser. */
GFile *
_tangent_window_chooser_finish (TangentWindow *self,
                int            response)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  _tangent_window_actions_update (self);
  return file;
}

static void
on_open_response (TangentWindow *self,
                  int            response)
{
  g_autoptr(GFile) file = _tangent_window_chooser_finish (self, response);

  if (file != NULL)
    open_confirmed (self, file);
}

static void
choose_open_confirmed (TangentWindow *self,
                       gpointer       user_data)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) sessions = session_filter ();
  g_autoptr(GtkFileFilter) all = all_files_filter ();

  chooser = _tangent_window_chooser_new (self, _("Open Session"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), sessions);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), sessions);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_open_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_tangent_window_choose_open (TangentWindow *self)
{
  _tangent_window_confirm_discard (self, choose_open_confirmed, NULL, NULL);
}

/* Saving ----------------------------------------------------------------- */

typedef struct
{
  GBytes       *data;
  GFile        *file;
  GApplication *app;         /* held: quitting waits for the file */
  guint64       generation;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_bytes_unref (data->data);
  g_object_unref (data->file);
  if (data->app != NULL)
    {
      g_application_release (data->app);
      g_object_unref (data->app);
    }
  g_free (data);
}

/* In a worker thread: the bytes are the session as the main thread saw
 * it; read back, they are written with the session's own atomic save. */
static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(TangentSession) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (data->file);
  gsize length;
  const char *bytes = g_bytes_get_data (data->data, &length);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (data->file);

      g_task_return_new_error (task, TANGENT_SESSION_ERROR, TANGENT_SESSION_ERROR_IO,
                               _("Cannot save “%s”: only local files can be written"), uri);
      return;
    }

  copy = tangent_session_load_data (bytes, length, path, &error);
  if (copy == NULL || !tangent_session_save_file (copy, path, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * tangent_window_save_async:
 * @self: a #TangentWindow
 * @file: where to save
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written, or the write failed
 * @user_data: for @callback
 *
 * Writes the session to @file atomically, off the main thread. When it
 * succeeds, @file becomes the session's file, and the window is no longer
 * modified unless the session changed while it was written.
 */
void
tangent_window_save_async (TangentWindow       *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;
  char *text;
  gsize length;

  g_return_if_fail (TANGENT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  text = tangent_session_to_data (self->session, &length);
  data = g_new0 (SaveData, 1);
  data->data = g_bytes_new_take (text, length);
  data->file = g_object_ref (file);
  data->generation = self->generation;
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    {
      data->app = G_APPLICATION (g_object_ref (gtk_window_get_application (GTK_WINDOW (self))));
      g_application_hold (data->app);
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tangent_window_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  self->n_saving++;
  _tangent_window_actions_update (self);
  g_task_run_in_thread (task, save_thread);
}

gboolean
tangent_window_save_finish (TangentWindow  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  GTask *task = G_TASK (result);
  SaveData *data = g_task_get_task_data (task);
  gboolean ok;

  g_return_val_if_fail (TANGENT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (task) == tangent_window_save_async, FALSE);

  ok = g_task_propagate_boolean (task, error);
  /* The window may have been closed while the file was written. */
  if (data->generation != 0 && self->session != NULL)
    {
      /* Finish only once, however often the result is asked for. */
      self->n_saving--;
      if (ok)
        {
          g_set_object (&self->file, data->file);
          _tangent_window_update_title (self);
          if (data->generation == self->generation)
            _tangent_window_set_modified (self, FALSE);
        }
      data->generation = 0;
      _tangent_window_actions_update (self);
    }
  return ok;
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  TangentWindow *self = TANGENT_WINDOW (object);
  Continuation *c = user_data;
  g_autoptr(GError) error = NULL;

  if (!tangent_window_save_finish (self, result, &error))
    {
      if (self->session != NULL)
        _tangent_window_show_error (self, _("Could Not Save File"), error->message);
      continuation_free (c);
      return;
    }
  if (self->session != NULL)
    continuation_run (c, self);
  else
    continuation_free (c);
}

static void
on_save_response (TangentWindow   *self,
                  int              response,
                  GtkNativeDialog *chooser)
{
  Continuation *c = g_object_steal_data (G_OBJECT (chooser), "continuation");
  g_autoptr(GFile) file = _tangent_window_chooser_finish (self, response);

  if (file == NULL)
    {
      continuation_free (c);
      return;
    }
  tangent_window_save_async (self, file, NULL, on_saved, c);
}

static void
choose_save (TangentWindow *self,
             Continuation  *c)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) sessions = session_filter ();

  chooser = _tangent_window_chooser_new (self, _("Save Session"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), sessions);
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
  else
    /* Translators: the name a new session file gets; keep .tangent */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Untitled.tangent"));
  g_object_set_data_full (G_OBJECT (chooser), "continuation", c,
                          (GDestroyNotify) continuation_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save (TangentWindow *self,
      Continuation  *c)
{
  if (self->file == NULL)
    choose_save (self, c);
  else
    tangent_window_save_async (self, self->file, NULL, on_saved, c);
}

/* Asks where to save, then saves and goes on with @then. */
void
_tangent_window_choose_save (TangentWindow         *self,
                             TangentWindowContinue  then,
                             gpointer               user_data,
                             GDestroyNotify         destroy)
{
  choose_save (self, continuation_new (then, user_data, destroy));
}

/* Saves to the session's file, or asks where if it has none. */
void
_tangent_window_save (TangentWindow         *self,
                      TangentWindowContinue  then,
                      gpointer               user_data,
                      GDestroyNotify         destroy)
{
  save (self, continuation_new (then, user_data, destroy));
}

/* Unsaved changes -------------------------------------------------------- */

typedef struct
{
  TangentWindow *self;
  Continuation  *c;
  gboolean       save;
} Answer;

static gboolean
answer_idle (gpointer user_data)
{
  Answer *answer = user_data;

  if (answer->self->session == NULL)
    continuation_free (answer->c);
  else if (answer->save)
    save (answer->self, answer->c);
  else
    continuation_run (answer->c, answer->self);
  g_object_unref (answer->self);
  g_free (answer);
  return G_SOURCE_REMOVE;
}

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     TangentWindow    *self)
{
  Continuation *c = g_object_steal_data (G_OBJECT (dialog), "continuation");
  Answer *answer;

  if (g_strcmp0 (response, "discard") != 0 && g_strcmp0 (response, "save") != 0)
    {
      continuation_free (c);
      return;
    }

  /* Go on once the dialog is gone: closing the window from inside the
   * dialog's own signal would leave it a parent that no longer exists. */
  answer = g_new0 (Answer, 1);
  answer->self = g_object_ref (self);
  answer->c = c;
  answer->save = g_strcmp0 (response, "save") == 0;
  g_idle_add (answer_idle, answer);
}

/* Goes on with @then at once when nothing is unsaved; otherwise asks
 * Cancel / Discard / Save, and goes on after a discard or a good save. */
void
_tangent_window_confirm_discard (TangentWindow         *self,
                                 TangentWindowContinue  then,
                                 gpointer               user_data,
                                 GDestroyNotify         destroy)
{
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;

  if (!self->modified)
    {
      continuation_run (continuation_new (then, user_data, destroy), self);
      return;
    }

  if (self->file != NULL)
    {
      g_autofree char *path = g_file_get_path (self->file);

      name = path != NULL ? g_filename_display_basename (path) : g_file_get_uri (self->file);
    }
  else
    name = g_strdup (_("Untitled Session"));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"),
                                                       NULL));
  /* Translators: %s is the session's file name */
  adw_message_dialog_format_body (dialog, _("“%s” has unsaved changes. Changes that are not "
                                            "saved will be lost."), name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "continuation",
                     continuation_new (then, user_data, destroy));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
