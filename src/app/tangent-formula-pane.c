/* tangent-formula-pane.c: the list of formula rows and sliders beside the plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-formula-pane"

#include "tangent-formula-pane.h"

/* Hosts the rows; the window owns the session they show and connects to
 * each row's signals. Enter in a row's entry moves to the next row, or
 * adds one after the last, so formulas can be typed one after another. */
struct _TangentFormulaPane
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkWidget  *scroller;
  GtkListBox *formula_list;
  GtkWidget  *parameter_group;
  GtkListBox *parameter_list;
};

G_DEFINE_FINAL_TYPE (TangentFormulaPane, tangent_formula_pane, GTK_TYPE_WIDGET)

/* Lets go of the keyboard focus if it is inside @child, which is about to
 * be removed: GTK would otherwise move the focus on at the next frame,
 * past wherever the caller puts it meanwhile. */
static void
release_focus (GtkWidget *child)
{
  GtkRoot *root = gtk_widget_get_root (child);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == child || gtk_widget_is_ancestor (focus, child)))
    gtk_root_set_focus (root, NULL);
}

static guint
count_children (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
renumber_rows (TangentFormulaPane *self)
{
  guint n = tangent_formula_pane_get_n_rows (self);

  for (guint i = 0; i < n; i++)
    tangent_formula_row_set_number (tangent_formula_pane_get_row (self, i), i + 1);
}

static void
on_row_activate_entry (TangentFormulaPane *self,
                       TangentFormulaRow  *row)
{
  guint index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  if (index + 1 < tangent_formula_pane_get_n_rows (self))
    tangent_formula_pane_focus_row (self, index + 1);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.add-formula", NULL);
}

/* Up and Down in an entry go to the row above or below, as in a table. */
static gboolean
on_entry_key_pressed (TangentFormulaPane    *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *row = gtk_widget_get_ancestor (entry, TANGENT_TYPE_FORMULA_ROW);
  int index;

  if (row == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) && index > 0)
    {
      tangent_formula_pane_focus_row (self, index - 1);
      return TRUE;
    }
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
      && (guint) index + 1 < tangent_formula_pane_get_n_rows (self))
    {
      tangent_formula_pane_focus_row (self, index + 1);
      return TRUE;
    }
  return FALSE;
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

  g_type_ensure (TANGENT_TYPE_FORMULA_ROW);
  g_type_ensure (TANGENT_TYPE_PARAMETER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_RESOURCE_PATH "/tangent-formula-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, TangentFormulaPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, TangentFormulaPane, formula_list);
  gtk_widget_class_bind_template_child (widget_class, TangentFormulaPane, parameter_group);
  gtk_widget_class_bind_template_child (widget_class, TangentFormulaPane, parameter_list);
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

/* Removes every formula row and slider. */
void
tangent_formula_pane_clear (TangentFormulaPane *self)
{
  GtkWidget *child;

  g_return_if_fail (TANGENT_IS_FORMULA_PANE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->formula_list))) != NULL)
    {
      release_focus (child);
      gtk_list_box_remove (self->formula_list, child);
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->parameter_list))) != NULL)
    {
      release_focus (child);
      gtk_list_box_remove (self->parameter_list, child);
    }
  gtk_widget_set_visible (self->parameter_group, FALSE);
}

guint
tangent_formula_pane_get_n_rows (TangentFormulaPane *self)
{
  g_return_val_if_fail (TANGENT_IS_FORMULA_PANE (self), 0);

  return count_children (self->formula_list);
}

/**
 * tangent_formula_pane_get_row:
 * @self: a #TangentFormulaPane
 * @index: the row's index, from 0
 *
 * Returns: (transfer none) (nullable): the row, or %NULL past the end
 */
TangentFormulaRow *
tangent_formula_pane_get_row (TangentFormulaPane *self,
                              guint               index)
{
  g_return_val_if_fail (TANGENT_IS_FORMULA_PANE (self), NULL);

  return (TangentFormulaRow *) gtk_list_box_get_row_at_index (self->formula_list, index);
}

/**
 * tangent_formula_pane_insert_row:
 * @self: a #TangentFormulaPane
 * @index: where, from 0; past the end appends
 *
 * Returns: (transfer none): a new, empty row
 */
TangentFormulaRow *
tangent_formula_pane_insert_row (TangentFormulaPane *self,
                                 guint               index)
{
  TangentFormulaRow *row;
  GtkEventController *keys;

  g_return_val_if_fail (TANGENT_IS_FORMULA_PANE (self), NULL);

  row = TANGENT_FORMULA_ROW (tangent_formula_row_new ());
  g_signal_connect_object (row, "activate-entry", G_CALLBACK (on_row_activate_entry), self,
                           G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (tangent_formula_row_get_editable (row)), keys);
  gtk_list_box_insert (self->formula_list, GTK_WIDGET (row),
                       index >= tangent_formula_pane_get_n_rows (self) ? -1 : (int) index);
  renumber_rows (self);
  return row;
}

void
tangent_formula_pane_remove_row (TangentFormulaPane *self,
                                 guint               index)
{
  TangentFormulaRow *row;

  g_return_if_fail (TANGENT_IS_FORMULA_PANE (self));

  row = tangent_formula_pane_get_row (self, index);
  g_return_if_fail (row != NULL);

  release_focus (GTK_WIDGET (row));
  gtk_list_box_remove (self->formula_list, GTK_WIDGET (row));
  renumber_rows (self);
}

/* Puts the keyboard focus in the row's entry, without selecting its text
 * (a key pressed by mistake must not replace a formula). */
void
tangent_formula_pane_focus_row (TangentFormulaPane *self,
                                guint               index)
{
  TangentFormulaRow *row;

  g_return_if_fail (TANGENT_IS_FORMULA_PANE (self));

  row = tangent_formula_pane_get_row (self, index);
  if (row != NULL)
    gtk_entry_grab_focus_without_selecting (GTK_ENTRY (tangent_formula_row_get_editable (row)));
}

guint
tangent_formula_pane_get_n_parameters (TangentFormulaPane *self)
{
  g_return_val_if_fail (TANGENT_IS_FORMULA_PANE (self), 0);

  return count_children (self->parameter_list);
}

/**
 * tangent_formula_pane_get_parameter:
 * @self: a #TangentFormulaPane
 * @index: the slider's index, from 0
 *
 * Returns: (transfer none) (nullable): the slider's row, or %NULL past the end
 */
TangentParameterRow *
tangent_formula_pane_get_parameter (TangentFormulaPane *self,
                                    guint               index)
{
  g_return_val_if_fail (TANGENT_IS_FORMULA_PANE (self), NULL);

  return (TangentParameterRow *) gtk_list_box_get_row_at_index (self->parameter_list, index);
}

/**
 * tangent_formula_pane_insert_parameter:
 * @self: a #TangentFormulaPane
 * @index: where, from 0; past the end appends
 *
 * Returns: (transfer none): a new slider, to be set up by the caller
 */
TangentParameterRow *
tangent_formula_pane_insert_parameter (TangentFormulaPane *self,
                                       guint               index)
{
  TangentParameterRow *row;

  g_return_val_if_fail (TANGENT_IS_FORMULA_PANE (self), NULL);

  row = TANGENT_PARAMETER_ROW (tangent_parameter_row_new ());
  gtk_list_box_insert (self->parameter_list, GTK_WIDGET (row),
                       index >= tangent_formula_pane_get_n_parameters (self) ? -1 : (int) index);
  gtk_widget_set_visible (self->parameter_group, TRUE);
  return row;
}

void
tangent_formula_pane_remove_parameter (TangentFormulaPane *self,
                                       guint               index)
{
  TangentParameterRow *row;

  g_return_if_fail (TANGENT_IS_FORMULA_PANE (self));

  row = tangent_formula_pane_get_parameter (self, index);
  g_return_if_fail (row != NULL);

  release_focus (GTK_WIDGET (row));
  gtk_list_box_remove (self->parameter_list, GTK_WIDGET (row));
  gtk_widget_set_visible (self->parameter_group,
                          tangent_formula_pane_get_n_parameters (self) > 0);
}
