/* tangent-window.c: a main window: formula pane and plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-window"

#include <glib/gi18n.h>
#include <string.h>

#include "tangent-compile.h"
#include "tangent-document.h"
#include "tangent-window.h"

struct _TangentWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkPaned             *paned;
  TangentFormulaPane   *formula_pane;
  TangentPlotView      *plot_view;

  /* Owned */
  TangentDocument      *document;
  TangentProgram       *program;
};

G_DEFINE_FINAL_TYPE (TangentWindow, tangent_window, ADW_TYPE_APPLICATION_WINDOW)

/* Why an accepted formula draws nothing, or NULL when it can be drawn. */
static char *
dup_not_drawable_reason (TangentWindow     *self,
                         const TangentNode *expr)
{
  guint n = tangent_document_get_n_parameters (self->document);

  if (tangent_document_get_row_kind (self->document, 0) == TANGENT_ROW_RELATION)
    return g_strdup (_("Equations are not drawn yet; type an expression in x"));

  if (tangent_node_depends_on (expr, TANGENT_VARIABLE_Y)
      || tangent_node_depends_on (expr, TANGENT_VARIABLE_Z))
    return g_strdup (_("Only functions of x are drawn so far"));

  for (guint slot = 0; slot < n; slot++)
    {
      if (!tangent_document_parameter_has_value (self->document, slot))
        return g_strdup_printf (_("“%s” has no value: parameters and sliders are not "
                                  "supported yet"),
                                tangent_document_get_parameter_name (self->document, slot));
    }

  return NULL;
}

/* The formula row changed: parse and resolve it, and either draw it or say
 * why not, underlining the place of an error. */
static void
update_formula (TangentWindow *self)
{
  const char *text = tangent_formula_pane_get_formula (self->formula_pane);
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  const GError *row_error;
  const TangentNode *expr;
  guint start, end;

  tangent_plot_view_set_program (self->plot_view, NULL, NULL, 0);
  g_clear_pointer (&self->program, tangent_program_unref);

  tangent_document_set_row_text (self->document, 0, text, strlen (text));
  tangent_document_resolve (self->document);

  row_error = tangent_document_get_row_error (self->document, 0, &start, &end);
  if (row_error != NULL)
    {
      tangent_formula_pane_set_error (self->formula_pane, row_error->message, start, end);
      return;
    }

  expr = tangent_document_get_row_expr (self->document, 0);
  reason = dup_not_drawable_reason (self, expr);
  if (reason != NULL)
    {
      tangent_formula_pane_set_notice (self->formula_pane, reason);
      return;
    }

  self->program = tangent_compile (expr, tangent_document_get_n_parameters (self->document),
                                   &error);
  if (self->program == NULL)
    {
      tangent_formula_pane_set_error (self->formula_pane, error->message, 0, strlen (text));
      return;
    }

  tangent_formula_pane_set_error (self->formula_pane, NULL, 0, 0);
  tangent_plot_view_set_program (self->plot_view, self->program,
                                 tangent_document_get_parameter_values (self->document),
                                 tangent_document_get_n_parameters (self->document));
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
  TangentWindow *self = TANGENT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), TANGENT_TYPE_WINDOW);
  g_clear_pointer (&self->program, tangent_program_unref);
  g_clear_pointer (&self->document, tangent_document_free);

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

  self->document = tangent_document_new ();
  tangent_document_append_row (self->document, "", 0);

  g_signal_connect_object (self->formula_pane, "changed", G_CALLBACK (update_formula), self,
                           G_CONNECT_SWAPPED);
  update_formula (self);
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
