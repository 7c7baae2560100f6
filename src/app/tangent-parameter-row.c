/* tangent-parameter-row.c: a parameter's slider in the formula pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-parameter-row"

#include <glib/gi18n.h>
#include <math.h>

#include "tangent-parameter-row.h"

/* The name, its value in a spin button (to type an exact value), and a
 * slider between the session's min and max in steps of its step. Both
 * share one adjustment. */
struct _TangentParameterRow
{
  GtkListBoxRow  parent_instance;

  /* Template widgets */
  GtkLabel      *name_label;
  GtkSpinButton *spin_button;
  GtkScale      *scale;
  GtkLabel      *min_label;
  GtkLabel      *max_label;
  GtkAdjustment *adjustment;

  /* Owned */
  char          *name;
};

G_DEFINE_FINAL_TYPE (TangentParameterRow, tangent_parameter_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  VALUE_CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_value_changed (TangentParameterRow *self)
{
  g_signal_emit (self, signals[VALUE_CHANGED], 0);
}

static void
on_remove_clicked (TangentParameterRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
tangent_parameter_row_dispose (GObject *object)
{
  TangentParameterRow *self = TANGENT_PARAMETER_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), TANGENT_TYPE_PARAMETER_ROW);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (tangent_parameter_row_parent_class)->dispose (object);
}

static void
tangent_parameter_row_class_init (TangentParameterRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tangent_parameter_row_dispose;

  /**
   * TangentParameterRow::value-changed:
   *
   * The slider or the spin button changed the value.
   */
  signals[VALUE_CHANGED] = g_signal_new ("value-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
  /**
   * TangentParameterRow::remove:
   *
   * The user asked to remove the slider.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_RESOURCE_PATH "/tangent-parameter-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TangentParameterRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, TangentParameterRow, spin_button);
  gtk_widget_class_bind_template_child (widget_class, TangentParameterRow, scale);
  gtk_widget_class_bind_template_child (widget_class, TangentParameterRow, min_label);
  gtk_widget_class_bind_template_child (widget_class, TangentParameterRow, max_label);
  gtk_widget_class_bind_template_child (widget_class, TangentParameterRow, adjustment);
  gtk_widget_class_bind_template_callback (widget_class, on_value_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
  gtk_widget_class_set_css_name (widget_class, "parameterrow");
}

static void
tangent_parameter_row_init (TangentParameterRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tangent_parameter_row_new (void)
{
  return g_object_new (TANGENT_TYPE_PARAMETER_ROW, NULL);
}

/* Enough decimals to show every step: 0.1 → 1, 0.25 → 2, 5 → 0. */
static guint
digits_for_step (double step)
{
  guint digits = 0;

  if (!(step > 0) || !isfinite (step))
    return 2;

  while (digits < 6 && fabs (step * pow (10, digits) - round (step * pow (10, digits)))
                       > 1e-9 * pow (10, digits))
    digits++;
  return digits;
}

static char *
format_number (double value,
               guint  digits)
{
  /* A minus sign, not a hyphen, as the plot's tick labels print it. */
  g_autofree char *text = g_strdup_printf ("%.*f", (int) digits, fabs (value));

  return value < 0 ? g_strconcat ("−", text, NULL) : g_steal_pointer (&text);
}

/**
 * tangent_parameter_row_setup:
 * @self: a #TangentParameterRow
 * @name: the parameter's name
 * @value: its value
 * @min: the slider's lower end
 * @max: its upper end
 * @step: its step
 *
 * Shows a parameter. The range widens to take in @value if it lies
 * outside [@min, @max], so that showing a session never changes it.
 */
void
tangent_parameter_row_setup (TangentParameterRow *self,
                             const char          *name,
                             double               value,
                             double               min,
                             double               max,
                             double               step)
{
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;
  g_autofree char *a11y = NULL;
  guint digits;

  g_return_if_fail (TANGENT_IS_PARAMETER_ROW (self));
  g_return_if_fail (name != NULL);

  g_free (self->name);
  self->name = g_strdup (name);

  if (!isfinite (value))
    value = 0;
  if (!isfinite (min) || !isfinite (max) || !(min < max))
    {
      min = MIN (value, -10);
      max = MAX (value, 10);
    }
  if (!(step > 0) || !isfinite (step) || step > max - min)
    step = (max - min) / 100;

  min = MIN (min, value);
  max = MAX (max, value);
  digits = digits_for_step (step);

  g_signal_handlers_block_by_func (self->adjustment, on_value_changed, self);
  gtk_adjustment_configure (self->adjustment, value, min, max, step, step * 10, 0);
  g_signal_handlers_unblock_by_func (self->adjustment, on_value_changed, self);

  gtk_spin_button_set_digits (self->spin_button, digits);
  gtk_scale_set_digits (self->scale, digits);

  gtk_label_set_text (self->name_label, name);
  min_text = format_number (min, digits);
  max_text = format_number (max, digits);
  gtk_label_set_text (self->min_label, min_text);
  gtk_label_set_text (self->max_label, max_text);

  /* Translators: the accessible name of the slider of parameter %s */
  a11y = g_strdup_printf (_("Parameter %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

const char *
tangent_parameter_row_get_name (TangentParameterRow *self)
{
  g_return_val_if_fail (TANGENT_IS_PARAMETER_ROW (self), NULL);

  return self->name;
}

double
tangent_parameter_row_get_value (TangentParameterRow *self)
{
  g_return_val_if_fail (TANGENT_IS_PARAMETER_ROW (self), 0);

  return gtk_adjustment_get_value (self->adjustment);
}

void
tangent_parameter_row_set_value (TangentParameterRow *self,
                                 double               value)
{
  g_return_if_fail (TANGENT_IS_PARAMETER_ROW (self));

  gtk_adjustment_set_value (self->adjustment, value);
}

/**
 * tangent_parameter_row_get_adjustment:
 * @self: a #TangentParameterRow
 *
 * Returns: (transfer none): the adjustment the slider and spin button share
 */
GtkAdjustment *
tangent_parameter_row_get_adjustment (TangentParameterRow *self)
{
  g_return_val_if_fail (TANGENT_IS_PARAMETER_ROW (self), NULL);

  return self->adjustment;
}

/**
 * tangent_parameter_row_get_scale:
 * @self: a #TangentParameterRow
 *
 * Returns: (transfer none): the slider
 */
GtkRange *
tangent_parameter_row_get_scale (TangentParameterRow *self)
{
  g_return_val_if_fail (TANGENT_IS_PARAMETER_ROW (self), NULL);

  return GTK_RANGE (self->scale);
}
