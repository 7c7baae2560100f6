/* tangent-formula-row.c: one row of the formula pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-formula-row"

#include <glib/gi18n.h>
#include <string.h>

#include "tangent-formula-row.h"

/* A colour swatch, the formula's entry, show/hide and remove buttons, and
 * the row's own message below: an error with its place underlined, or a
 * remark. Messages are set as plain text, never as markup, since they
 * quote what the user (or a file) typed. */
struct _TangentFormulaRow
{
  GtkListBoxRow    parent_instance;

  /* Template widgets */
  GtkColorButton  *color_button;
  GtkEntry        *entry;
  GtkToggleButton *shown_button;
  GtkButton       *remove_button;
  GtkWidget       *message_box;
  GtkLabel        *message_label;
  GtkButton       *slider_button;

  /* Owned */
  char            *slider_name;
  gboolean         is_error;
};

G_DEFINE_FINAL_TYPE (TangentFormulaRow, tangent_formula_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_SHOWN,
  N_PROPS
};

enum {
  CHANGED,
  COLOR_SET,
  REMOVE,
  ADD_SLIDER,
  ACTIVATE_ENTRY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_entry_changed (TangentFormulaRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_entry_activate (TangentFormulaRow *self)
{
  g_signal_emit (self, signals[ACTIVATE_ENTRY], 0);
}

static void
on_color_set (TangentFormulaRow *self)
{
  g_signal_emit (self, signals[COLOR_SET], 0);
}

static void
on_remove_clicked (TangentFormulaRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
on_slider_clicked (TangentFormulaRow *self)
{
  if (self->slider_name != NULL)
    {
      g_autofree char *name = g_strdup (self->slider_name);

      g_signal_emit (self, signals[ADD_SLIDER], 0, name);
    }
}

static void
update_shown_button (TangentFormulaRow *self)
{
  gboolean shown = gtk_toggle_button_get_active (self->shown_button);

  gtk_button_set_icon_name (GTK_BUTTON (self->shown_button),
                            shown ? "view-reveal-symbolic" : "view-conceal-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->shown_button),
                               shown ? _("Hide Curve") : _("Show Curve"));
  if (shown)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "hidden-formula");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "hidden-formula");
}

static void
on_shown_toggled (TangentFormulaRow *self)
{
  update_shown_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
}

static void
tangent_formula_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TangentFormulaRow *self = TANGENT_FORMULA_ROW (object);

  switch (prop_id)
    {
    case PROP_SHOWN:
      g_value_set_boolean (value, tangent_formula_row_get_shown (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tangent_formula_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TangentFormulaRow *self = TANGENT_FORMULA_ROW (object);

  switch (prop_id)
    {
    case PROP_SHOWN:
      tangent_formula_row_set_shown (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tangent_formula_row_dispose (GObject *object)
{
  TangentFormulaRow *self = TANGENT_FORMULA_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), TANGENT_TYPE_FORMULA_ROW);
  g_clear_pointer (&self->slider_name, g_free);

  G_OBJECT_CLASS (tangent_formula_row_parent_class)->dispose (object);
}

static void
tangent_formula_row_class_init (TangentFormulaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tangent_formula_row_dispose;
  object_class->get_property = tangent_formula_row_get_property;
  object_class->set_property = tangent_formula_row_set_property;

  properties[PROP_SHOWN] =
    g_param_spec_boolean ("shown", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TangentFormulaRow::changed:
   *
   * The text of the formula changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * TangentFormulaRow::color-set:
   *
   * The user chose a colour for the curve.
   */
  signals[COLOR_SET] = g_signal_new ("color-set", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * TangentFormulaRow::remove:
   *
   * The user asked to remove the row.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * TangentFormulaRow::add-slider:
   * @name: the parameter's name
   *
   * The user accepted the offer of a slider for an undefined name.
   */
  signals[ADD_SLIDER] = g_signal_new ("add-slider", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * TangentFormulaRow::activate-entry:
   *
   * Enter was pressed in the formula's entry.
   */
  signals[ACTIVATE_ENTRY] = g_signal_new ("activate-entry", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_RESOURCE_PATH "/tangent-formula-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TangentFormulaRow, color_button);
  gtk_widget_class_bind_template_child (widget_class, TangentFormulaRow, entry);
  gtk_widget_class_bind_template_child (widget_class, TangentFormulaRow, shown_button);
  gtk_widget_class_bind_template_child (widget_class, TangentFormulaRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, TangentFormulaRow, message_box);
  gtk_widget_class_bind_template_child (widget_class, TangentFormulaRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, TangentFormulaRow, slider_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_color_set);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_slider_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_shown_toggled);
  gtk_widget_class_set_css_name (widget_class, "formularow");
}

static void
tangent_formula_row_init (TangentFormulaRow *self)
{
  GtkWidget *button, *swatch;

  gtk_widget_init_template (GTK_WIDGET (self));
  update_shown_button (self);

  /* GtkColorButton's swatch asks for its size in code (48 × 32 unless it
   * has a size request), which CSS cannot shrink: make it a small disc. */
  button = gtk_widget_get_first_child (GTK_WIDGET (self->color_button));
  swatch = button != NULL ? gtk_widget_get_first_child (button) : NULL;
  if (swatch != NULL)
    gtk_widget_set_size_request (swatch, 16, 16);
}

GtkWidget *
tangent_formula_row_new (void)
{
  return g_object_new (TANGENT_TYPE_FORMULA_ROW, NULL);
}

/**
 * tangent_formula_row_get_editable:
 * @self: a #TangentFormulaRow
 *
 * Returns: (transfer none): the formula's entry
 */
GtkEditable *
tangent_formula_row_get_editable (TangentFormulaRow *self)
{
  g_return_val_if_fail (TANGENT_IS_FORMULA_ROW (self), NULL);

  return GTK_EDITABLE (self->entry);
}

const char *
tangent_formula_row_get_text (TangentFormulaRow *self)
{
  g_return_val_if_fail (TANGENT_IS_FORMULA_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

/* Replaces the text without recording an undo step: for text that comes
 * from a file or from the window, not from typing. */
void
tangent_formula_row_set_text (TangentFormulaRow *self,
                              const char        *text)
{
  GtkEntryBuffer *buffer;

  g_return_if_fail (TANGENT_IS_FORMULA_ROW (self));

  if (text == NULL)
    text = "";
  if (strcmp (text, tangent_formula_row_get_text (self)) == 0)
    return;

  buffer = gtk_entry_get_buffer (self->entry);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->entry), FALSE);
  gtk_entry_buffer_set_text (buffer, text, -1);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->entry), TRUE);
}

gboolean
tangent_formula_row_get_shown (TangentFormulaRow *self)
{
  g_return_val_if_fail (TANGENT_IS_FORMULA_ROW (self), FALSE);

  return gtk_toggle_button_get_active (self->shown_button);
}

void
tangent_formula_row_set_shown (TangentFormulaRow *self,
                               gboolean           shown)
{
  g_return_if_fail (TANGENT_IS_FORMULA_ROW (self));

  gtk_toggle_button_set_active (self->shown_button, !!shown);
}

void
tangent_formula_row_set_color (TangentFormulaRow *self,
                               const GdkRGBA     *color)
{
  g_return_if_fail (TANGENT_IS_FORMULA_ROW (self));
  g_return_if_fail (color != NULL);

  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), color);
}

void
tangent_formula_row_get_color (TangentFormulaRow *self,
                               GdkRGBA           *color)
{
  g_return_if_fail (TANGENT_IS_FORMULA_ROW (self));
  g_return_if_fail (color != NULL);

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), color);
}

/* The row's place in the list, for the names screen readers announce. */
void
tangent_formula_row_set_number (TangentFormulaRow *self,
                                guint              number)
{
  g_autofree char *formula = NULL;
  g_autofree char *color = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *remove = NULL;

  g_return_if_fail (TANGENT_IS_FORMULA_ROW (self));

  /* Translators: the accessible name of the n-th formula's entry */
  formula = g_strdup_printf (_("Formula %u"), number);
  /* Translators: the accessible name of the n-th formula's colour button */
  color = g_strdup_printf (_("Colour of formula %u"), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, formula, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->color_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, color, -1);
  /* Translators: the accessible name of the n-th formula's show/hide toggle */
  shown = g_strdup_printf (_("Show formula %u"), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->shown_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
  /* Translators: the accessible name of the n-th formula's remove button */
  remove = g_strdup_printf (_("Remove formula %u"), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
}

static void
show_message (TangentFormulaRow *self,
              const char        *message,
              gboolean           is_error)
{
  self->is_error = message != NULL && is_error;
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->message_box, message != NULL);

  if (self->is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : "",
                                  -1);
  if (self->is_error)
    gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry),
                                 GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                 -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID);
}

/**
 * tangent_formula_row_set_error:
 * @self: a #TangentFormulaRow
 * @message: (nullable): what is wrong, as plain text, or %NULL to clear
 * @start: first byte of the text to underline
 * @end: one past the last byte
 *
 * Shows @message under the formula and underlines the part it is about
 * with the error squiggle. A label, not a dialog: the user keeps typing.
 */
void
tangent_formula_row_set_error (TangentFormulaRow *self,
                               const char        *message,
                               guint              start,
                               guint              end)
{
  g_autoptr(PangoAttrList) attrs = NULL;

  g_return_if_fail (TANGENT_IS_FORMULA_ROW (self));

  show_message (self, message, message != NULL);

  if (message != NULL)
    {
      const char *text = tangent_formula_row_get_text (self);
      gsize length = strlen (text);
      PangoAttribute *underline = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);

      /* An empty span (a missing operand at the end) underlines the last
       * character, so there is something to see; a span never splits a
       * character. */
      start = MIN (start, length);
      end = MIN (MAX (end, start), length);
      if (start == end && start > 0)
        start = g_utf8_find_prev_char (text, text + start) - text;
      if (start == end && end < length)
        end = g_utf8_find_next_char (text + end, text + length) != NULL
              ? (guint) (g_utf8_find_next_char (text + end, text + length) - text) : length;

      attrs = pango_attr_list_new ();
      underline->start_index = start;
      underline->end_index = end;
      pango_attr_list_insert (attrs, underline);
    }

  gtk_entry_set_attributes (self->entry, attrs);
}

/**
 * tangent_formula_row_set_notice:
 * @self: a #TangentFormulaRow
 * @message: (nullable): a remark about an accepted formula, or %NULL
 *
 * Shows a remark that is not an error, such as why nothing is drawn.
 */
void
tangent_formula_row_set_notice (TangentFormulaRow *self,
                                const char        *message)
{
  g_return_if_fail (TANGENT_IS_FORMULA_ROW (self));

  show_message (self, message, FALSE);
  gtk_entry_set_attributes (self->entry, NULL);
}

/**
 * tangent_formula_row_get_message:
 * @self: a #TangentFormulaRow
 *
 * Returns: (transfer none) (nullable): the error or notice shown, if any
 */
const char *
tangent_formula_row_get_message (TangentFormulaRow *self)
{
  g_return_val_if_fail (TANGENT_IS_FORMULA_ROW (self), NULL);

  if (!gtk_widget_get_visible (self->message_box))
    return NULL;

  return gtk_label_get_text (self->message_label);
}

gboolean
tangent_formula_row_has_error (TangentFormulaRow *self)
{
  g_return_val_if_fail (TANGENT_IS_FORMULA_ROW (self), FALSE);

  return self->is_error;
}

/**
 * tangent_formula_row_set_slider_offer:
 * @self: a #TangentFormulaRow
 * @name: (nullable): an undefined name a slider could give a value, or %NULL
 *
 * Offers "Add slider for @name" below the row's message.
 */
void
tangent_formula_row_set_slider_offer (TangentFormulaRow *self,
                                      const char        *name)
{
  g_return_if_fail (TANGENT_IS_FORMULA_ROW (self));

  if (g_strcmp0 (name, self->slider_name) == 0)
    return;

  g_free (self->slider_name);
  self->slider_name = g_strdup (name);

  if (name != NULL)
    {
      /* Translators: a button under a formula that uses a name nothing
       * defines, such as “a”; it adds a slider for it */
      g_autofree char *label = g_strdup_printf (_("Add slider for %s"), name);

      gtk_button_set_label (self->slider_button, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->slider_button), name != NULL);
}

/**
 * tangent_formula_row_get_slider_offer:
 * @self: a #TangentFormulaRow
 *
 * Returns: (transfer none) (nullable): the name a slider is offered for
 */
const char *
tangent_formula_row_get_slider_offer (TangentFormulaRow *self)
{
  g_return_val_if_fail (TANGENT_IS_FORMULA_ROW (self), NULL);

  return self->slider_name;
}
