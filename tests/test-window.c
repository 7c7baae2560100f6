/* test-window.c: the application's main window, on a real display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "tangent-application.h"
#include "tangent-test-ui.h"
#include "tangent-window.h"

typedef struct
{
  TangentApplication *app;
  TangentWindow      *window;
  gboolean            checked;
  gboolean            asked;
  int                 width;
  int                 height;
  guint               timeout_id;
} Fixture;

/* Counts the pixels of @widget that are close to the plot's first curve
 * colour (Okabe–Ito blue, 0 114 178, or its sky blue 86 180 233 in dark
 * mode). */
static guint
count_curve_pixels (GtkWidget *widget)
{
  g_autoptr(TangentTestPicture) picture = tangent_test_picture_new (widget);
  GdkRGBA blue = { 0 / 255., 114 / 255., 178 / 255., 1 };
  GdkRGBA sky = { 86 / 255., 180 / 255., 233 / 255., 1 };

  return tangent_test_picture_count (picture, &blue, 11)
         + tangent_test_picture_count (picture, &sky, 11);
}

static void
set_formula (TangentFormulaRow *row,
             const char        *text)
{
  /* As typing does: through the entry. */
  gtk_editable_set_text (tangent_formula_row_get_editable (row), text);
}

/* Answers the question about unsaved changes with Discard. */
static gboolean
discard_changes (gpointer user_data)
{
  Fixture *f = user_data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *window = g_list_model_get_item (toplevels, i);

      /* The list keeps it alive; the response may destroy it. */
      g_object_unref (window);
      if (ADW_IS_MESSAGE_DIALOG (window)
          && gtk_window_get_transient_for (window) == GTK_WINDOW (f->window))
        {
          f->asked = TRUE;
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (window), "discard");
          return G_SOURCE_REMOVE;
        }
    }

  g_error ("closing a modified session did not ask about unsaved changes");
  return G_SOURCE_REMOVE;
}

static gboolean
check_window (gpointer user_data)
{
  Fixture *f = user_data;
  TangentFormulaPane *pane = tangent_window_get_formula_pane (f->window);
  TangentPlotView *plot = tangent_window_get_plot_view (f->window);
  TangentFormulaRow *row;
  guint curve_pixels;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  g_assert_true (TANGENT_IS_FORMULA_PANE (pane));
  g_assert_true (TANGENT_IS_PLOT_VIEW (plot));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pane)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (plot)));
  g_assert_cmpuint (tangent_formula_pane_get_n_rows (pane), ==, 1);
  row = tangent_formula_pane_get_row (pane, 0);
  g_assert_cmpstr (tangent_formula_row_get_text (row), ==, "sin(x)");
  g_assert_false (tangent_window_get_modified (f->window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (plot)), >, 100);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (plot)), >, 100);

  /* sin(x) over [-7, 7] is drawn: a 2-px line about 2.5 plot widths long
   * covers well over one plot width of pixels in the curve colour. */
  curve_pixels = count_curve_pixels (GTK_WIDGET (plot));
  g_assert_cmpuint (curve_pixels, >, (guint) gtk_widget_get_width (GTK_WIDGET (plot)));

  /* Typing a new formula redraws; a mistake draws nothing and says where. */
  set_formula (row, "x^2 - 3");
  g_assert_null (tangent_formula_row_get_message (row));
  g_assert_cmpuint (count_curve_pixels (GTK_WIDGET (plot)), >, 100);
  g_assert_true (tangent_window_get_modified (f->window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "• "));

  set_formula (row, "1,5 x");
  g_assert_nonnull (tangent_formula_row_get_message (row));
  g_assert_true (tangent_formula_row_has_error (row));
  g_assert_nonnull (strstr (tangent_formula_row_get_message (row), "1.5"));
  g_assert_cmpuint (count_curve_pixels (GTK_WIDGET (plot)), ==, 0);

  set_formula (row, "sin(x)");
  g_assert_null (tangent_formula_row_get_message (row));
  tangent_test_forget_nodes ();

  /* The window opened at the size the settings held (set by the test),
   * and the pane has the saved width. */
  gtk_window_get_default_size (GTK_WINDOW (f->window), &f->width, &f->height);
  g_assert_cmpint (f->width, ==, 1000);
  g_assert_cmpint (f->height, ==, 700);
  g_assert_cmpint (gtk_paned_get_position (GTK_PANED (gtk_widget_get_parent (GTK_WIDGET (pane)))),
                   ==, 300);

  /* The user resizes the window; closing must remember the new size. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 650);
  f->width = 900;
  f->height = 650;
  f->checked = TRUE;

  /* Quit as the user would, through the accelerator's action; the
   * session has unsaved changes, so the window asks first. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "quit", NULL);
  g_timeout_add (100, discard_changes, f);

  return G_SOURCE_REMOVE;
}

static void
on_window_mapped (GtkWidget *widget,
                  Fixture   *f)
{
  /* Let the first frame lay out before looking. */
  g_timeout_add (300, check_window, f);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Fixture        *f)
{
  if (!TANGENT_IS_WINDOW (window))
    return;

  f->window = TANGENT_WINDOW (window);
  g_signal_connect (window, "map", G_CALLBACK (on_window_mapped), f);
}

static gboolean
on_timeout (gpointer user_data)
{
  g_error ("the window did not map within 30 s");
  return G_SOURCE_REMOVE;
}

static void
test_window_shows_plot (void)
{
  g_autoptr(GSettings) settings = NULL;
  Fixture f = { 0 };
  int status;

  /* What an earlier run would have saved. */
  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 700);
  g_settings_set_int (settings, "pane-position", 300);

  f.app = tangent_application_new (G_APPLICATION_NON_UNIQUE);
  g_signal_connect (f.app, "window-added", G_CALLBACK (on_window_added), &f);
  f.timeout_id = g_timeout_add_seconds (30, on_timeout, NULL);

  status = g_application_run (G_APPLICATION (f.app), 0, NULL);

  g_source_remove (f.timeout_id);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (f.checked);
  g_assert_true (f.asked);

  /* Closing saved the window size for the next start. */
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, f.width);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, f.height);

  g_assert_finalize_object (f.app);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/window/shows-plot", test_window_shows_plot);

  return g_test_run ();
}
