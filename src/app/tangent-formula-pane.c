/* tangent-formula-pane.c: the list of formula rows beside the plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-formula-pane"

#include <string.h>

#include "tangent-formula-pane.h"

struct _TangentFormulaPane
{
  GtkWidget  parent_instance;

  /* Template widgets */
  GtkWidget *scroller;
  GtkEntry  *first_entry;
  GtkLabel  *message_label;
};

G_DEFINE_FINAL_TYPE (TangentFormulaPane, tangent_formula_pane, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_entry_changed (TangentFormulaPane *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

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

  /**
   * TangentFormulaPane::changed:
   *
   * The text of a formula row changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_RESOURCE_PATH "/tangent-formula-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, TangentFormulaPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, TangentFormulaPane, first_entry);
  gtk_widget_class_bind_template_child (widget_class, TangentFormulaPane, message_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "formulapane");
}

static void
tangent_formula_pane_init (TangentFormulaPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->first_entry, "changed", G_CALLBACK (on_entry_changed), self,
                           G_CONNECT_SWAPPED);
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

void
tangent_formula_pane_set_formula (TangentFormulaPane *self,
                                  const char         *text)
{
  g_return_if_fail (TANGENT_IS_FORMULA_PANE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->first_entry), text != NULL ? text : "");
}

static void
show_message (TangentFormulaPane *self,
              const char         *message,
              gboolean            is_error)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);

  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->first_entry), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->first_entry), "error");
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->first_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : "",
                                  -1);
}

/**
 * tangent_formula_pane_set_error:
 * @self: a #TangentFormulaPane
 * @message: (nullable): what is wrong, or %NULL to clear
 * @start: first byte of the text to underline
 * @end: one past the last byte
 *
 * Shows @message under the formula and underlines the part it is about
 * with the error squiggle. A label, not a dialog: the user keeps typing.
 */
void
tangent_formula_pane_set_error (TangentFormulaPane *self,
                                const char         *message,
                                guint               start,
                                guint               end)
{
  g_autoptr(PangoAttrList) attrs = NULL;

  g_return_if_fail (TANGENT_IS_FORMULA_PANE (self));

  show_message (self, message, message != NULL);

  if (message != NULL)
    {
      gsize length = strlen (tangent_formula_pane_get_formula (self));
      PangoAttribute *underline = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);

      /* An empty span (a missing operand at the end) underlines the last
       * character, so there is something to see. */
      start = MIN (start, length);
      end = MIN (MAX (end, start), length);
      if (start == end && start > 0)
        start--;
      if (start == end && end < length)
        end++;

      attrs = pango_attr_list_new ();
      underline->start_index = start;
      underline->end_index = end;
      pango_attr_list_insert (attrs, underline);
    }

  gtk_entry_set_attributes (self->first_entry, attrs);
}

/**
 * tangent_formula_pane_set_notice:
 * @self: a #TangentFormulaPane
 * @message: (nullable): a remark about an accepted formula, or %NULL
 *
 * Shows a remark that is not an error, such as why nothing is drawn.
 */
void
tangent_formula_pane_set_notice (TangentFormulaPane *self,
                                 const char         *message)
{
  g_return_if_fail (TANGENT_IS_FORMULA_PANE (self));

  show_message (self, message, FALSE);
  gtk_entry_set_attributes (self->first_entry, NULL);
}

/**
 * tangent_formula_pane_get_message:
 * @self: a #TangentFormulaPane
 *
 * Returns: (transfer none) (nullable): the error or notice shown, if any
 */
const char *
tangent_formula_pane_get_message (TangentFormulaPane *self)
{
  g_return_val_if_fail (TANGENT_IS_FORMULA_PANE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;

  return gtk_label_get_text (self->message_label);
}
