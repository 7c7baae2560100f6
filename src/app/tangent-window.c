/* tangent-window.c: a main window: formula pane and plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-window"

#include <math.h>

#include "tangent-window.h"

struct _TangentWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkPaned             *paned;
  TangentFormulaPane   *formula_pane;
  TangentPlotView      *plot_view;
};

G_DEFINE_FINAL_TYPE (TangentWindow, tangent_window, ADW_TYPE_APPLICATION_WINDOW)

/* The default formula row is sin(x); until the formula language is wired
 * to the pane, the plot draws it from libm. */
static double
default_function (double   x,
                  gpointer user_data)
{
  return sin (x);
}

static TangentSettings *
get_settings (TangentWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app != NULL ? tangent_application_get_settings (TANGENT_APPLICATION (app)) : NULL;
}

static gboolean
tangent_window_close_request (GtkWindow *window)
{
  TangentWindow *self = TANGENT_WINDOW (window);
  TangentSettings *settings = get_settings (self);

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
  gtk_widget_dispose_template (GTK_WIDGET (object), TANGENT_TYPE_WINDOW);

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
  gtk_widget_class_bind_template_child (widget_class, TangentWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, TangentWindow, formula_pane);
  gtk_widget_class_bind_template_child (widget_class, TangentWindow, plot_view);
}

static void
tangent_window_init (TangentWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  tangent_plot_view_set_function (self->plot_view, default_function, NULL);
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
