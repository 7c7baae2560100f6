/* tangent-formula-pane.c: the list of formula rows beside the plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-formula-pane"

#include "tangent-formula-pane.h"

struct _TangentFormulaPane
{
  GtkWidget  parent_instance;

  /* Template widgets */
  GtkWidget *scroller;
  GtkEntry  *first_entry;
};

G_DEFINE_FINAL_TYPE (TangentFormulaPane, tangent_formula_pane, GTK_TYPE_WIDGET)

static void
tangent_formula_pane_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TANGENT_TYPE_FORMULA_PANE);

  G_OBJECT_CLASS (tangent_formula_pane_parent_class)->dispose (object);
}

static void
tangent_formula_pane_class_init (TangentFormulaPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tangent_formula_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_RESOURCE_PATH "/tangent-formula-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, TangentFormulaPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, TangentFormulaPane, first_entry);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "formulapane");
}

static void
tangent_formula_pane_init (TangentFormulaPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tangent_formula_pane_new (void)
{
  return g_object_new (TANGENT_TYPE_FORMULA_PANE, NULL);
}

/**
 * tangent_formula_pane_get_formula:
 * @self: a #TangentFormulaPane
 *
 * Returns: (transfer none): the text of the first formula row
 */
const char *
tangent_formula_pane_get_formula (TangentFormulaPane *self)
{
  g_return_val_if_fail (TANGENT_IS_FORMULA_PANE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->first_entry));
}
