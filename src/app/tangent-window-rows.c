/* tangent-window-rows.c: the window's formula rows and sliders, kept in
 * step with the session; their messages, colours and undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-window"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tangent-escape.h"
#include "tangent-plot-style.h"
#include "tangent-window-private.h"

/* Every edit goes to the session first, then to a document resolved from
 * it for each row's message, and the plot rebuilds its figure from the
 * session at the next frame. */

/* A new slider's range, as other graphing tools choose it. */
#define SLIDER_VALUE 1.0
#define SLIDER_MIN   -10.0
#define SLIDER_MAX   10.0
#define SLIDER_STEP  0.1

/* Longest excerpt of a row quoted in a message, in characters. */
#define EXCERPT_CHARS 40

static void connect_row       (TangentWindow       *self,
                               TangentFormulaRow   *row);
static void connect_parameter (TangentWindow       *self,
                               TangentParameterRow *row);

static TangentSessionFormula *
get_formula (TangentWindow *self,
             guint          index)
{
  return g_ptr_array_index (self->session->formulas, index);
}

static TangentSessionParameter *
get_parameter (TangentWindow *self,
               guint          index)
{
  return g_ptr_array_index (self->session->parameters, index);
}

void
_tangent_window_removed_free (TangentRemovedRow *removed)
{
  if (removed == NULL)
    return;

  g_free (removed->formula.text);
  g_free (removed->formula.color);
  g_free (removed->formula.label);
  g_free (removed->parameter.name);
  g_free (removed);
}

/* The session's rows and parameters, resolved as the figure resolves
 * them, so that each row shows the error that keeps it off the plot. */
static void
resolve_document (TangentWindow *self)
{
  g_clear_pointer (&self->document, tangent_document_free);
  self->document = tangent_document_new ();

  for (guint i = 0; i < self->session->parameters->len; i++)
    {
      const TangentSessionParameter *p = get_parameter (self, i);

      if (p->name != NULL)
        tangent_document_add_free_parameter (self->document, p->name);
    }
  for (guint i = 0; i < self->session->formulas->len; i++)
    {
      const char *text = get_formula (self, i)->text;

      text = text != NULL ? text : "";
      tangent_document_append_row (self->document, text, strlen (text));
    }
  tangent_document_resolve (self->document);

  for (guint i = 0; i < self->session->parameters->len; i++)
    {
      const TangentSessionParameter *p = get_parameter (self, i);
      int slot = p->name != NULL ? tangent_document_lookup_parameter (self->document, p->name) : -1;

      if (slot >= 0 && isfinite (p->value))
        tangent_document_set_parameter_value (self->document, slot, p->value);
    }
}

/* A single letter other than x, y and z that nothing defines: the name a
 * slider could give a value to. */
static char *
dup_slider_name (const char   *text,
                 const GError *error,
                 guint         start,
                 guint         end)
{
  g_autofree char *name = NULL;
  gunichar c;

  if (!g_error_matches (error, TANGENT_DOCUMENT_ERROR, TANGENT_DOCUMENT_ERROR_UNDEFINED)
      || end <= start || end > strlen (text))
    return NULL;

  name = g_strndup (text + start, end - start);
  if (!g_utf8_validate (name, -1, NULL) || g_utf8_strlen (name, -1) != 1)
    return NULL;

  c = g_utf8_get_char (name);
  if (!g_unichar_isalpha (c) || c == 'x' || c == 'y' || c == 'z')
    return NULL;

  return g_steal_pointer (&name);
}

/* Whether a view's contour map or arrows draw the row, which then is not
 * drawn as a curve of its own (and takes no colour from the cycle). */
static gboolean
setting_names_row (const char *setting,
                   const char *text)
{
  g_autofree char *head = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *row = NULL;
  guint arity;

  if (setting == NULL || text == NULL)
    return FALSE;

  wanted = g_strstrip (g_strdup (setting));
  row = g_strstrip (g_strdup (text));
  tangent_parse_row_head (text, strlen (text), &head, &arity);
  return (head != NULL && strcmp (head, wanted) == 0) || strcmp (row, wanted) == 0;
}

/* Whether the plot draws row @i as a curve, relation or level lines. */
static gboolean
row_is_drawn (TangentWindow *self,
              guint          i)
{
  const TangentSessionFormula *formula = get_formula (self, i);
  const TangentSessionView *view = self->session->view;
  const TangentNode *expr;

  if (!formula->visible
      || tangent_document_get_row_error (self->document, i, NULL, NULL) != NULL
      || tangent_document_get_row_kind (self->document, i) == TANGENT_ROW_PARAMETER)
    return FALSE;

  expr = tangent_document_get_row_expr (self->document, i);
  if (expr == NULL || expr->kind == TANGENT_NODE_TUPLE
      || tangent_node_depends_on (expr, TANGENT_VARIABLE_Z))
    return FALSE;

  if ((view->contour != NULL && setting_names_row (view->contour->formula, formula->text))
      || (view->arrows != NULL && setting_names_row (view->arrows->formula, formula->text)))
    return FALSE;

  return TRUE;
}

/* Each row's swatch shows the colour its curve is drawn in: its own, or
 * the next one of the style's colour-blind-safe cycle, in the order the
 * plot hands them out. The cycle follows the light or dark theme. */
void
_tangent_window_refresh_colors (TangentWindow *self)
{
  TangentPlotStyle style;
  guint next = 0;

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    tangent_plot_style_init_dark (&style);
  else
    tangent_plot_style_init_light (&style);

  for (guint i = 0; i < self->session->formulas->len; i++)
    {
      const TangentSessionFormula *formula = get_formula (self, i);
      TangentFormulaRow *row = tangent_formula_pane_get_row (self->formula_pane, i);
      GdkRGBA rgba;

      if (row == NULL)
        continue;

      if (formula->color == NULL || !gdk_rgba_parse (&rgba, formula->color))
        {
          const TangentColor *c = tangent_plot_style_get_curve_color (&style, next);

          rgba = (GdkRGBA) { c->red, c->green, c->blue, 1 };
          if (row_is_drawn (self, i))
            next++;
        }
      tangent_formula_row_set_color (row, &rgba);
    }
}

/* Each row's message: its error with the place underlined and, for a
 * name nothing defines, the offer of a slider; or a remark about why an
 * accepted row is not drawn. */
static void
refresh_messages (TangentWindow *self)
{
  for (guint i = 0; i < self->session->formulas->len; i++)
    {
      const TangentSessionFormula *formula = get_formula (self, i);
      TangentFormulaRow *row = tangent_formula_pane_get_row (self->formula_pane, i);
      const char *text = formula->text != NULL ? formula->text : "";
      const GError *error;
      const TangentNode *expr;
      guint start = 0, end = 0;

      if (row == NULL)
        continue;

      error = tangent_document_get_row_error (self->document, i, &start, &end);
      if (g_error_matches (error, TANGENT_PARSE_ERROR, TANGENT_PARSE_ERROR_EMPTY))
        {
          /* A row just added, not yet typed in. */
          tangent_formula_row_set_error (row, NULL, 0, 0);
          tangent_formula_row_set_slider_offer (row, NULL);
          continue;
        }
      if (error != NULL)
        {
          g_autofree char *slider = dup_slider_name (text, error, start, end);

          /* Set as plain text: the message quotes the row in escaped
           * excerpts, and a label never reads it as markup. */
          tangent_formula_row_set_error (row, error->message, start, end);
          tangent_formula_row_set_slider_offer (row, slider);
          continue;
        }

      tangent_formula_row_set_slider_offer (row, NULL);
      expr = tangent_document_get_row_expr (self->document, i);
      if (tangent_document_get_row_kind (self->document, i) != TANGENT_ROW_PARAMETER
          && expr != NULL
          && (expr->kind == TANGENT_NODE_TUPLE
              || tangent_node_depends_on (expr, TANGENT_VARIABLE_Z)))
        tangent_formula_row_set_notice (row, _("Not drawn: the plot shows functions of x, "
                                               "functions of x and y, and equations in x and y"));
      else
        tangent_formula_row_set_notice (row, NULL);
    }

  _tangent_window_refresh_colors (self);
}

/* The session's rows or parameters were replaced: resolve them and show
 * each row's message and colour. */
void
_tangent_window_resolve (TangentWindow *self)
{
  resolve_document (self);
  refresh_messages (self);
}

/* Something in the session changed: say so in the title, and redraw. When
 * @rows changed (texts, parameters added or removed), resolve them again;
 * otherwise only values, colours or the view changed. */
void
_tangent_window_session_changed (TangentWindow *self,
                 gboolean       rows)
{
  self->generation++;

  if (rows)
    {
      resolve_document (self);
      refresh_messages (self);
      tangent_plot_view_rows_changed (self->plot_view);
    }

  _tangent_window_set_modified (self, TRUE);
}

static void
on_row_changed (TangentWindow     *self,
                TangentFormulaRow *row)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  TangentSessionFormula *formula;

  g_return_if_fail (index >= 0 && (guint) index < self->session->formulas->len);

  formula = get_formula (self, index);
  g_free (formula->text);
  formula->text = g_strdup (tangent_formula_row_get_text (row));
  _tangent_window_session_changed (self, TRUE);
}

static void
on_row_color_set (TangentWindow     *self,
                  TangentFormulaRow *row)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  TangentSessionFormula *formula;
  GdkRGBA rgba;

  g_return_if_fail (index >= 0 && (guint) index < self->session->formulas->len);

  tangent_formula_row_get_color (row, &rgba);
  formula = get_formula (self, index);
  g_free (formula->color);
  formula->color = g_strdup_printf ("#%02x%02x%02x",
                                    (guint) lround (CLAMP (rgba.red, 0, 1) * 255),
                                    (guint) lround (CLAMP (rgba.green, 0, 1) * 255),
                                    (guint) lround (CLAMP (rgba.blue, 0, 1) * 255));
  _tangent_window_session_changed (self, TRUE);
}

static void
on_row_shown_changed (TangentWindow     *self,
                      GParamSpec        *pspec,
                      TangentFormulaRow *row)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  TangentSessionFormula *formula;
  gboolean shown = tangent_formula_row_get_shown (row);

  g_return_if_fail (index >= 0 && (guint) index < self->session->formulas->len);

  formula = get_formula (self, index);
  if (formula->visible == shown)
    return;
  formula->visible = shown;
  _tangent_window_session_changed (self, TRUE);
}

static void
on_undo_toast_dismissed (TangentWindow *self,
                         AdwToast      *toast)
{
  if (self->undo_toast != toast)
    return;

  self->undo_toast = NULL;
  g_clear_pointer (&self->removed, _tangent_window_removed_free);
  _tangent_window_actions_update (self);
}

static void
offer_undo (TangentWindow     *self,
            TangentRemovedRow *removed,
            const char        *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast;

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_clear_pointer (&self->removed, _tangent_window_removed_free);
  self->removed = removed;

  /* A toast's title is Pango markup in libadwaita 1.2. */
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-remove");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed), self,
                           G_CONNECT_SWAPPED);
  self->undo_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  _tangent_window_actions_update (self);
}

static void
on_row_remove (TangentWindow     *self,
               TangentFormulaRow *row)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  TangentRemovedRow *removed;
  TangentSessionFormula *formula;
  g_autofree char *shown = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (index >= 0 && (guint) index < self->session->formulas->len);

  formula = get_formula (self, index);
  removed = g_new0 (TangentRemovedRow, 1);
  removed->index = index;
  removed->formula.text = g_strdup (formula->text);
  removed->formula.color = g_strdup (formula->color);
  removed->formula.visible = formula->visible;
  removed->formula.width = formula->width;
  removed->formula.label = g_strdup (formula->label);

  shown = tangent_escape_excerpt (formula->text != NULL ? formula->text : "", -1, EXCERPT_CHARS);
  /* Translators: a toast; %s is the removed formula */
  title = shown[0] != '\0' ? g_strdup_printf (_("Removed “%s”"), shown)
                           : g_strdup (_("Removed an empty formula"));

  g_ptr_array_remove_index (self->session->formulas, index);
  tangent_formula_pane_remove_row (self->formula_pane, index);
  _tangent_window_session_changed (self, TRUE);

  /* Keep the keyboard in the list. */
  if (self->session->formulas->len > 0)
    tangent_formula_pane_focus_row (self->formula_pane,
                                    MIN ((guint) index, self->session->formulas->len - 1));

  offer_undo (self, removed, title);
}

static void
on_row_add_slider (TangentWindow     *self,
                   const char        *name,
                   TangentFormulaRow *row)
{
  TangentSessionParameter *p;
  TangentParameterRow *prow;

  for (guint i = 0; i < self->session->parameters->len; i++)
    if (g_strcmp0 (get_parameter (self, i)->name, name) == 0)
      return;

  p = g_new0 (TangentSessionParameter, 1);
  p->name = g_strdup (name);
  p->value = SLIDER_VALUE;
  p->min = SLIDER_MIN;
  p->max = SLIDER_MAX;
  p->step = SLIDER_STEP;
  g_ptr_array_add (self->session->parameters, p);

  prow = tangent_formula_pane_insert_parameter (self->formula_pane, G_MAXUINT);
  tangent_parameter_row_setup (prow, p->name, p->value, p->min, p->max, p->step);
  connect_parameter (self, prow);
  _tangent_window_session_changed (self, TRUE);

  gtk_widget_grab_focus (GTK_WIDGET (tangent_parameter_row_get_scale (prow)));
}

static void
on_parameter_value_changed (TangentWindow       *self,
                            TangentParameterRow *row)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  TangentSessionParameter *p;
  int slot;

  g_return_if_fail (index >= 0 && (guint) index < self->session->parameters->len);

  p = get_parameter (self, index);
  p->value = tangent_parameter_row_get_value (row);

  /* Values only: nothing is parsed or compiled again. */
  slot = tangent_document_lookup_parameter (self->document, p->name);
  if (slot >= 0)
    tangent_document_set_parameter_value (self->document, slot, p->value);
  tangent_plot_view_parameters_changed (self->plot_view);
  _tangent_window_session_changed (self, FALSE);
}

static void
on_parameter_remove (TangentWindow       *self,
                     TangentParameterRow *row)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  TangentRemovedRow *removed;
  TangentSessionParameter *p;
  g_autofree char *title = NULL;

  g_return_if_fail (index >= 0 && (guint) index < self->session->parameters->len);

  p = get_parameter (self, index);
  removed = g_new0 (TangentRemovedRow, 1);
  removed->is_parameter = TRUE;
  removed->index = index;
  removed->parameter = *p;
  removed->parameter.name = g_strdup (p->name);

  /* Translators: a toast; %s is a parameter's name, such as “a” */
  title = g_strdup_printf (_("Removed the slider for %s"), p->name);

  g_ptr_array_remove_index (self->session->parameters, index);
  tangent_formula_pane_remove_parameter (self->formula_pane, index);
  _tangent_window_session_changed (self, TRUE);
  offer_undo (self, removed, title);
}

static void
connect_row (TangentWindow     *self,
             TangentFormulaRow *row)
{
  g_signal_connect_object (row, "changed", G_CALLBACK (on_row_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "color-set", G_CALLBACK (on_row_color_set), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "notify::shown", G_CALLBACK (on_row_shown_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "add-slider", G_CALLBACK (on_row_add_slider), self,
                           G_CONNECT_SWAPPED);
}

static void
connect_parameter (TangentWindow       *self,
                   TangentParameterRow *row)
{
  g_signal_connect_object (row, "value-changed", G_CALLBACK (on_parameter_value_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_parameter_remove), self,
                           G_CONNECT_SWAPPED);
}

/* A row for formula @index of the session, showing it; connected after
 * it is filled, so that filling it changes nothing. */
TangentFormulaRow *
_tangent_window_add_row_for (TangentWindow *self,
             guint          index)
{
  const TangentSessionFormula *formula = get_formula (self, index);
  TangentFormulaRow *row = tangent_formula_pane_insert_row (self->formula_pane, index);

  tangent_formula_row_set_text (row, formula->text);
  tangent_formula_row_set_shown (row, formula->visible);
  connect_row (self, row);
  return row;
}

TangentParameterRow *
_tangent_window_add_parameter_for (TangentWindow *self,
                   guint          index)
{
  const TangentSessionParameter *p = get_parameter (self, index);
  TangentParameterRow *row = tangent_formula_pane_insert_parameter (self->formula_pane, index);

  tangent_parameter_row_setup (row, p->name != NULL ? p->name : "?", p->value, p->min, p->max,
                               p->step);
  connect_parameter (self, row);
  return row;
}

void
_tangent_window_undo_remove (TangentWindow *self)
{
  g_autoptr(GError) error = NULL;
  TangentRemovedRow *removed = g_steal_pointer (&self->removed);

  if (removed == NULL)
    return;

  if (removed->is_parameter)
    {
      TangentSessionParameter *p = g_new0 (TangentSessionParameter, 1);
      guint index = MIN (removed->index, self->session->parameters->len);

      *p = removed->parameter;
      p->name = g_steal_pointer (&removed->parameter.name);
      g_ptr_array_insert (self->session->parameters, index, p);
      _tangent_window_add_parameter_for (self, index);
    }
  else
    {
      TangentSessionFormula *formula = g_new0 (TangentSessionFormula, 1);
      guint index = MIN (removed->index, self->session->formulas->len);

      *formula = removed->formula;
      removed->formula.text = NULL;
      removed->formula.color = NULL;
      removed->formula.label = NULL;
      g_ptr_array_insert (self->session->formulas, index, formula);
      _tangent_window_add_row_for (self, index);
      tangent_formula_pane_focus_row (self->formula_pane, index);
    }
  _tangent_window_removed_free (removed);

  if (self->undo_toast != NULL)
    {
      AdwToast *toast = g_steal_pointer (&self->undo_toast);

      adw_toast_dismiss (toast);
    }
  _tangent_window_session_changed (self, TRUE);
  _tangent_window_actions_update (self);
}

void
_tangent_window_add_formula (TangentWindow *self)
{
  TangentSessionFormula *formula = g_new0 (TangentSessionFormula, 1);
  guint index = self->session->formulas->len;

  formula->text = g_strdup ("");
  formula->visible = TRUE;
  g_ptr_array_add (self->session->formulas, formula);
  _tangent_window_add_row_for (self, index);
  _tangent_window_session_changed (self, TRUE);
  tangent_formula_pane_focus_row (self->formula_pane, index);
}
