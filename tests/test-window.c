/* test-window.c: the application's main window, on a real display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "tangent-application.h"
#include "tangent-window.h"

typedef struct
{
  TangentApplication *app;
  TangentWindow      *window;
  gboolean            checked;
  int                 width;
  int                 height;
  guint               timeout_id;
} Fixture;

/* GTK 4.8's GL renderer caches the texture it draws a cairo node into
 * under the node's address. A new node allocated where the last one was
 * just freed would come back with the last picture, so the last node is
 * kept until the next one has been rendered. */
static GskRenderNode *last_node;

/* Renders @widget with the window's renderer and counts the pixels that
 * are close to the plot's first curve colour (Okabe–Ito blue, 0 114 178,
 * or its sky blue 86 180 233 in dark mode). */
static guint
count_curve_pixels (GtkWidget *widget)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint count = 0;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);

  for (int i = 0; i < width * height; i++)
    {
      /* GDK_MEMORY_DEFAULT is B G R A, premultiplied; the curve is opaque. */
      int b = pixels[4 * i], g = pixels[4 * i + 1], r = pixels[4 * i + 2];

      if ((ABS (r - 0) < 12 && ABS (g - 114) < 12 && ABS (b - 178) < 12)
          || (ABS (r - 86) < 12 && ABS (g - 180) < 12 && ABS (b - 233) < 12))
        count++;
    }

  g_clear_pointer (&last_node, gsk_render_node_unref);
  last_node = g_steal_pointer (&node);
  return count;
}

static gboolean
check_window (gpointer user_data)
{
  Fixture *f = user_data;
  TangentFormulaPane *pane = tangent_window_get_formula_pane (f->window);
  TangentPlotView *plot = tangent_window_get_plot_view (f->window);
  guint curve_pixels;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  g_assert_true (TANGENT_IS_FORMULA_PANE (pane));
  g_assert_true (TANGENT_IS_PLOT_VIEW (plot));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pane)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (plot)));
  g_assert_cmpstr (tangent_formula_pane_get_formula (pane), ==, "sin(x)");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (plot)), >, 100);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (plot)), >, 100);

  /* sin(x) over [-7, 7] is drawn: a 2-px line about 2.5 plot widths long
   * covers well over one plot width of pixels in the curve colour. */
  curve_pixels = count_curve_pixels (GTK_WIDGET (plot));
  g_assert_cmpuint (curve_pixels, >, (guint) gtk_widget_get_width (GTK_WIDGET (plot)));

  /* Typing a new formula redraws; a mistake draws nothing and says where. */
  tangent_formula_pane_set_formula (pane, "x^2 - 3");
  g_assert_null (tangent_formula_pane_get_message (pane));
  g_assert_cmpuint (count_curve_pixels (GTK_WIDGET (plot)), >, 100);

  tangent_formula_pane_set_formula (pane, "1,5 x");
  g_assert_nonnull (tangent_formula_pane_get_message (pane));
  g_assert_nonnull (strstr (tangent_formula_pane_get_message (pane), "1.5"));
  g_assert_cmpuint (count_curve_pixels (GTK_WIDGET (plot)), ==, 0);

  tangent_formula_pane_set_formula (pane, "x y");
  g_assert_nonnull (tangent_formula_pane_get_message (pane));
  g_assert_cmpuint (count_curve_pixels (GTK_WIDGET (plot)), ==, 0);

  tangent_formula_pane_set_formula (pane, "sin(x)");
  g_assert_null (tangent_formula_pane_get_message (pane));
  g_clear_pointer (&last_node, gsk_render_node_unref);

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

  /* Quit as the user would, through the accelerator's action. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "quit", NULL);

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
