/* test-session-window.c: the window as a session editor: files, rows,
 * sliders, undo, on a real display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every session file of ../shared/data/hostile-files goes through the
 * window's own loading path, as its README asks. The expected outcomes
 * are the README's table; positions on the plot are computed by hand
 * from the view's bounds.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tangent-application.h"
#include "tangent-test-ui.h"
#include "tangent-window.h"

typedef void (*WindowTest) (TangentWindow *window);

typedef struct
{
  WindowTest     test;
  TangentWindow *window;
  gboolean       done;
} Fixture;

static char *
hostile_file (const char *name)
{
  const char *dir = g_getenv ("TANGENT_SHARED_DATA");

  g_assert_nonnull (dir);
  return g_build_filename (dir, "hostile-files", name, NULL);
}

static gboolean
run_test (gpointer user_data)
{
  Fixture *f = user_data;

  f->test (f->window);
  f->done = TRUE;
  tangent_test_forget_nodes ();

  /* Straight away, without the question about unsaved changes. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  return G_SOURCE_REMOVE;
}

static void
on_window_mapped (GtkWidget *widget,
                  Fixture   *f)
{
  /* Let the first frame lay out before looking. */
  g_timeout_add (200, run_test, f);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Fixture        *f)
{
  if (TANGENT_IS_WINDOW (window) && f->window == NULL)
    {
      f->window = TANGENT_WINDOW (window);
      g_signal_connect (window, "map", G_CALLBACK (on_window_mapped), f);
    }
}

static gboolean
on_timeout (gpointer user_data)
{
  g_error ("the test did not finish within 60 s");
  return G_SOURCE_REMOVE;
}

/* Runs @test on the window of a new application, once it is on screen;
 * the command line names @file, if not %NULL. */
static void
run_in_window_with (WindowTest  test,
                    const char *file)
{
  g_autoptr(TangentApplication) app = tangent_application_new (G_APPLICATION_NON_UNIQUE);
  Fixture f = { test, NULL, FALSE };
  char *argv[] = { (char *) "tangent", (char *) file, NULL };
  guint timeout_id;
  int status;

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &f);
  timeout_id = g_timeout_add_seconds (60, on_timeout, NULL);
  status = g_application_run (G_APPLICATION (app), file != NULL ? 2 : 0,
                              file != NULL ? argv : NULL);
  g_source_remove (timeout_id);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (f.done);
  g_assert_finalize_object (g_steal_pointer (&app));
}

static void
run_in_window (WindowTest test)
{
  run_in_window_with (test, NULL);
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
on_waited (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets a few frames pass (what GTK does at the next frame happens). */
static void
wait_frames (void)
{
  gboolean done = FALSE;

  g_timeout_add (100, on_waited, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Whether the keyboard focus is in row @index's entry. */
static gboolean
focus_in_row (TangentWindow *window,
              guint          index)
{
  TangentFormulaRow *row = tangent_formula_pane_get_row (tangent_window_get_formula_pane (window),
                                                         index);
  GtkWidget *entry = GTK_WIDGET (tangent_formula_row_get_editable (row));
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static gboolean
load (TangentWindow  *window,
      const char     *path,
      GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return tangent_window_load_file (window, file, error);
}

static void
type_formula (TangentWindow *window,
              guint          index,
              const char    *text)
{
  TangentFormulaRow *row = tangent_formula_pane_get_row (tangent_window_get_formula_pane (window),
                                                         index);

  g_assert_nonnull (row);
  /* Through the entry, as typing goes. */
  gtk_editable_set_text (tangent_formula_row_get_editable (row), text);
}

static const char *
row_text (TangentWindow *window,
          guint          index)
{
  TangentFormulaRow *row = tangent_formula_pane_get_row (tangent_window_get_formula_pane (window),
                                                         index);

  g_assert_nonnull (row);
  return tangent_formula_row_get_text (row);
}

/* The pane's rows and the session's formulas say the same. */
static void
assert_rows (TangentWindow      *window,
             const char * const *texts)
{
  TangentFormulaPane *pane = tangent_window_get_formula_pane (window);
  const TangentSession *session = tangent_window_get_session (window);
  guint n = g_strv_length ((char **) texts);

  g_assert_cmpuint (tangent_formula_pane_get_n_rows (pane), ==, n);
  g_assert_cmpuint (session->formulas->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const TangentSessionFormula *formula = g_ptr_array_index (session->formulas, i);

      g_assert_cmpstr (row_text (window, i), ==, texts[i]);
      g_assert_cmpstr (formula->text, ==, texts[i]);
    }
}

/* A message that reaches a label: valid UTF-8, no control character, no
 * bidi control. */
static void
assert_safe_text (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_false (c < 0x20 && c != '\n');
      g_assert_false (c >= 0x7f && c <= 0x9f);
      g_assert_false (c >= 0x202a && c <= 0x202e);
      g_assert_false (c >= 0x2066 && c <= 0x2069);
    }
}

/* Hostile files ---------------------------------------------------------- */

static const char *refused[] = {
  "session-truncated.json",
  "session-deep-nesting.json",
  "session-duplicate-keys.json",
  "session-nan-literal.json",
};

static const char *accepted[] = {
  "session-valid-minimal.json",
  "session-hostile-formulas.json",
};

static gboolean
in_list (const char  *name,
         const char **list,
         guint        n)
{
  for (guint i = 0; i < n; i++)
    if (strcmp (name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Loads @name over the window's session, whose rows are @texts: a refused
 * file changes nothing, not even the modified mark. */
static void
load_over (TangentWindow      *window,
           const char         *name,
           const char * const *texts,
           gboolean            modified)
{
  g_autofree char *path = hostile_file (name);
  g_autofree char *title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  const TangentSession *before = tangent_window_get_session (window);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = load (window, path, &error);

  if (in_list (name, refused, G_N_ELEMENTS (refused)))
    {
      g_assert_false (ok);
      g_assert_error (error, TANGENT_SESSION_ERROR, error->code);
      g_test_message ("%s: %s", name, error->message);
      /* The message names the file, and quotes nothing raw. */
      g_assert_nonnull (strstr (error->message, name));
      assert_safe_text (error->message);
    }
  else if (in_list (name, accepted, G_N_ELEMENTS (accepted)))
    g_assert_no_error (error);

  if (!ok)
    {
      g_assert_true (tangent_window_get_session (window) == before);
      assert_rows (window, texts);
      g_assert_cmpint (tangent_window_get_modified (window), ==, modified);
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
    }
  else
    g_assert_false (tangent_window_get_modified (window));
}

static void
check_hostile_files (TangentWindow *window)
{
  static const char * const edited[] = { "x^3", "x^2+y^2=4", NULL };
  static const char * const minimal[] = { "f(x)=a*sin(x)", "x^2+y^2=4", NULL };
  g_autofree char *dir_path = hostile_file ("");
  g_autofree char *minimal_path = hostile_file ("session-valid-minimal.json");
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_files = 0;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_prefix (name, "session-") || !g_str_has_suffix (name, ".json"))
        continue;
      n_files++;

      /* Over an unmodified session … */
      g_assert_true (load (window, minimal_path, &error));
      g_assert_no_error (error);
      load_over (window, name, minimal, FALSE);

      /* … and over one with an unsaved edit. */
      g_assert_true (load (window, minimal_path, &error));
      type_formula (window, 0, "x^3");
      g_assert_true (tangent_window_get_modified (window));
      load_over (window, name, edited, TRUE);
      spin ();
    }

  /* The README's table names six session files. */
  g_assert_cmpuint (n_files, >=, G_N_ELEMENTS (refused) + G_N_ELEMENTS (accepted));
}

static void
test_hostile_files (void)
{
  run_in_window (check_hostile_files);
}

/* session-hostile-formulas.json ------------------------------------------ */

/* The pixel row, in the plot view, where the curve of @color crosses the
 * column of data x = @x, averaged over the line's width; -1 if it does not. */
static double
curve_row_at (TangentPlotView *plot,
              const GdkRGBA   *color,
              double           x)
{
  g_autoptr(TangentTestPicture) picture = tangent_test_picture_new (GTK_WIDGET (plot));
  graphene_rect_t area;
  double bounds[4];
  double sum = 0;
  guint n = 0;
  int px;

  g_assert_true (tangent_plot_view_get_plot_area (plot, &area, bounds));
  px = (int) floor (area.origin.x + (x - bounds[0]) / (bounds[1] - bounds[0]) * area.size.width);

  for (int y = 0; y < picture->height; y++)
    if (tangent_test_picture_is (picture, px, y, color, 12))
      {
        sum += y + 0.5;
        n++;
      }
  return n > 0 ? sum / n : -1;
}

/* Where data y = @y lies, in pixel rows of the plot view. */
static double
row_of (TangentPlotView *plot,
        double           y)
{
  graphene_rect_t area;
  double bounds[4];

  g_assert_true (tangent_plot_view_get_plot_area (plot, &area, bounds));
  return area.origin.y + (bounds[3] - y) / (bounds[3] - bounds[2]) * area.size.height;
}

static void
check_hostile_formulas (TangentWindow *window)
{
  static const char *bad[] = {
    "f(x)=f(x)", "g(x)=h(x)", "h(x)=g(x)",
    "<span size=\"99999999\">x</span>",
    "x\x1b[2J\x1b]0;pwned\x07",
    "\xe2\x80\xae" "x+1",
    "%s%s%s%n",
  };
  g_autofree char *path = hostile_file ("session-hostile-formulas.json");
  g_autoptr(GError) error = NULL;
  TangentFormulaPane *pane = tangent_window_get_formula_pane (window);
  TangentPlotView *plot = tangent_window_get_plot_view (window);
  const TangentSession *session;
  TangentFormulaRow *ax2_row, *x2_row, *deep_row = NULL;
  TangentParameterRow *slider;
  const TangentSessionFormula *formula;
  GdkRGBA file_color = { 0x1f / 255., 0x77 / 255., 0xb4 / 255., 1 };
  GdkRGBA x2_color, ax2_color;
  GtkAdjustment *adjustment;
  const TangentSessionParameter *a;
  guint n_rows, rebuilds;
  double row1, row2;

  g_assert_true (load (window, path, &error));
  g_assert_no_error (error);
  session = tangent_window_get_session (window);
  g_assert_false (tangent_window_get_modified (window));

  /* Every row is kept, in order: the file has eleven. */
  n_rows = tangent_formula_pane_get_n_rows (pane);
  g_assert_cmpuint (n_rows, ==, 11);
  g_assert_cmpuint (session->formulas->len, ==, 11);

  /* Each bad row shows its own error, as plain text with nothing raw. */
  for (guint i = 0; i < n_rows; i++)
    {
      TangentFormulaRow *row = tangent_formula_pane_get_row (pane, i);
      const char *text = tangent_formula_row_get_text (row);

      if (g_str_has_prefix (text, "(((((((((("))
        deep_row = row;
      for (guint k = 0; k < G_N_ELEMENTS (bad); k++)
        if (strcmp (text, bad[k]) == 0)
          {
            g_test_message ("row %u: %s", i + 1, tangent_formula_row_get_message (row));
            g_assert_true (tangent_formula_row_has_error (row));
            assert_safe_text (tangent_formula_row_get_message (row));
          }
    }
  g_assert_nonnull (deep_row);
  g_assert_true (tangent_formula_row_has_error (deep_row));
  assert_safe_text (tangent_formula_row_get_message (deep_row));

  /* a*x^2 and x^2 are fine; a*x^2's invalid colour became the default,
   * and the notice says so, quoting the colour. */
  ax2_row = tangent_formula_pane_get_row (pane, 9);
  x2_row = tangent_formula_pane_get_row (pane, 10);
  g_assert_cmpstr (tangent_formula_row_get_text (ax2_row), ==, "a*x^2");
  g_assert_cmpstr (tangent_formula_row_get_text (x2_row), ==, "x^2");
  g_assert_null (tangent_formula_row_get_message (ax2_row));
  g_assert_null (tangent_formula_row_get_message (x2_row));
  formula = g_ptr_array_index (session->formulas, 9);
  g_assert_null (formula->color);
  g_assert_nonnull (tangent_window_get_notice (window));
  g_assert_nonnull (strstr (tangent_window_get_notice (window), "not-a-colour"));
  assert_safe_text (tangent_window_get_notice (window));

  /* x^2 is drawn in its colour, #1f77b4, through (2, 4). */
  tangent_formula_row_get_color (x2_row, &x2_color);
  g_assert_true (gdk_rgba_equal (&x2_color, &file_color));
  row2 = curve_row_at (plot, &x2_color, 2);
  g_assert_cmpfloat (fabs (row2 - row_of (plot, 4)), <, 3);

  /* The slider a = 1 (0 … 2, step 0.5) exists. */
  g_assert_cmpuint (tangent_formula_pane_get_n_parameters (pane), ==, 1);
  slider = tangent_formula_pane_get_parameter (pane, 0);
  g_assert_cmpstr (tangent_parameter_row_get_name (slider), ==, "a");
  g_assert_cmpfloat (tangent_parameter_row_get_value (slider), ==, 1);
  adjustment = tangent_parameter_row_get_adjustment (slider);
  g_assert_cmpfloat (gtk_adjustment_get_lower (adjustment), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, 2);
  g_assert_cmpfloat (gtk_adjustment_get_step_increment (adjustment), ==, 0.5);

  /* With x^2 hidden, a*x^2 shows alone, in the swatch's colour: through
   * (1, a) for a = 1, then a = 2. */
  tangent_formula_row_set_shown (x2_row, FALSE);
  formula = g_ptr_array_index (session->formulas, 10);
  g_assert_false (formula->visible);
  g_assert_true (tangent_window_get_modified (window));
  g_assert_cmpfloat (curve_row_at (plot, &x2_color, 2), <, 0);

  tangent_formula_row_get_color (ax2_row, &ax2_color);
  row1 = curve_row_at (plot, &ax2_color, 1);
  g_assert_cmpfloat (fabs (row1 - row_of (plot, 1)), <, 3);

  /* Moving the slider redraws with the new value, compiling nothing. */
  rebuilds = tangent_plot_view_get_n_rebuilds (plot);
  gtk_range_set_value (tangent_parameter_row_get_scale (slider), 2);
  a = g_ptr_array_index (session->parameters, 0);
  g_assert_cmpfloat (a->value, ==, 2);
  row2 = curve_row_at (plot, &ax2_color, 1);
  g_assert_cmpfloat (fabs (row2 - row_of (plot, 2)), <, 3);
  g_assert_cmpuint (tangent_plot_view_get_n_rebuilds (plot), ==, rebuilds);
}

static void
test_hostile_formulas (void)
{
  run_in_window (check_hostile_formulas);
}

/* session-valid-minimal.json, saved and read back ------------------------ */

typedef struct
{
  gboolean  finished;
  gboolean  ok;
  GError   *error;
} SaveResult;

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveResult *r = user_data;

  r->ok = tangent_window_save_finish (TANGENT_WINDOW (object), result, &r->error);
  r->finished = TRUE;
}

static void
save (TangentWindow *window,
      GFile         *file,
      void         (*meanwhile) (TangentWindow *window))
{
  SaveResult r = { 0 };

  tangent_window_save_async (window, file, NULL, on_saved, &r);
  if (meanwhile != NULL)
    meanwhile (window);
  while (!r.finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
}

static void
edit_during_save (TangentWindow *window)
{
  type_formula (window, 2, "x^3 - x");
}

static void
check_valid_minimal (TangentWindow *window)
{
  static const char * const texts[] = { "f(x)=a*sin(x)", "x^2+y^2=4", NULL };
  static const char * const edited[] = { "f(x)=a*sin(x)", "x^2+y^2=4", "x^3", NULL };
  static const char * const edited2[] = { "f(x)=a*sin(x)", "x^2+y^2=4", "x^3 - x", NULL };
  g_autofree char *path = hostile_file ("session-valid-minimal.json");
  g_autofree char *dir = NULL;
  g_autofree char *saved_path = NULL;
  g_autoptr(GFile) saved = NULL;
  g_autoptr(GError) error = NULL;
  TangentFormulaPane *pane = tangent_window_get_formula_pane (window);
  const TangentSession *session;
  const TangentSessionParameter *a;
  TangentParameterRow *slider;

  g_assert_true (load (window, path, &error));
  g_assert_no_error (error);
  session = tangent_window_get_session (window);
  wait_frames ();
  g_assert_true (focus_in_row (window, 0));

  /* One slider a = 1.5 (−5 … 5, step 0.1) and two rows; not modified, and
   * the title names the file. */
  assert_rows (window, texts);
  g_assert_cmpuint (tangent_formula_pane_get_n_parameters (pane), ==, 1);
  slider = tangent_formula_pane_get_parameter (pane, 0);
  g_assert_cmpstr (tangent_parameter_row_get_name (slider), ==, "a");
  g_assert_cmpfloat (tangent_parameter_row_get_value (slider), ==, 1.5);
  g_assert_null (tangent_window_get_notice (window));
  g_assert_false (tangent_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "session-valid-minimal.json");

  /* Edits: a new row, the slider moved; the title marks it modified. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-formula", NULL);
  type_formula (window, 2, "x^3");
  gtk_range_set_value (tangent_parameter_row_get_scale (slider), 2.5);
  assert_rows (window, edited);
  g_assert_true (tangent_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "• session-valid-minimal.json");

  /* Saved elsewhere: the file becomes the session's, unmodified. */
  dir = g_dir_make_tmp ("test-session-window-XXXXXX", &error);
  g_assert_no_error (error);
  saved_path = g_build_filename (dir, "saved.tangent", NULL);
  saved = g_file_new_for_path (saved_path);
  save (window, saved, NULL);
  g_assert_false (tangent_window_get_modified (window));
  g_assert_true (g_file_equal (tangent_window_get_file (window), saved));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "saved.tangent");

  /* Read back over another session: the same rows, slider and view. */
  g_assert_true (load (window, path, &error));
  g_assert_true (load (window, saved_path, &error));
  g_assert_no_error (error);
  session = tangent_window_get_session (window);
  assert_rows (window, edited);
  g_assert_cmpuint (session->parameters->len, ==, 1);
  a = g_ptr_array_index (session->parameters, 0);
  g_assert_cmpstr (a->name, ==, "a");
  g_assert_cmpfloat (a->value, ==, 2.5);
  g_assert_cmpfloat (a->min, ==, -5);
  g_assert_cmpfloat (a->max, ==, 5);
  g_assert_cmpfloat (a->step, ==, 0.1);
  g_assert_cmpfloat (session->view->xmin, ==, -10);
  g_assert_cmpfloat (session->view->xmax, ==, 10);
  g_assert_cmpfloat (session->view->ymin, ==, -6.5);
  g_assert_cmpfloat (session->view->ymax, ==, 6.5);
  g_assert_false (tangent_window_get_modified (window));

  /* An edit made while a save runs keeps the session modified: the file
   * has the older text. */
  save (window, saved, edit_during_save);
  assert_rows (window, edited2);
  g_assert_true (tangent_window_get_modified (window));
  g_assert_true (load (window, saved_path, &error));
  assert_rows (window, edited);

  g_assert_no_errno (g_remove (saved_path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_valid_minimal (void)
{
  run_in_window (check_valid_minimal);
}

/* Rows: add, remove, undo; a slider for an undefined name ---------------- */

static void
check_rows (TangentWindow *window)
{
  static const char * const one[] = { "sin(x)", NULL };
  static const char * const two[] = { "sin(x)", "b*x^2", NULL };
  static const char * const removed[] = { "b*x^2", NULL };
  TangentFormulaPane *pane = tangent_window_get_formula_pane (window);
  const TangentSession *session = tangent_window_get_session (window);
  TangentFormulaRow *row;
  TangentParameterRow *slider;
  const TangentSessionFormula *formula;
  GdkRGBA before, after;

  assert_rows (window, one);
  g_assert_false (tangent_window_get_modified (window));

  /* Add Formula gives an empty row with the keyboard in it, no error. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-formula", NULL);
  g_assert_cmpuint (tangent_formula_pane_get_n_rows (pane), ==, 2);
  row = tangent_formula_pane_get_row (pane, 1);
  g_assert_true (focus_in_row (window, 1));
  g_assert_null (tangent_formula_row_get_message (row));
  g_assert_true (tangent_window_get_modified (window));

  /* An undefined single letter offers a slider; taking it defines b. */
  type_formula (window, 1, "b*x^2");
  assert_rows (window, two);
  g_assert_true (tangent_formula_row_has_error (row));
  g_assert_cmpstr (tangent_formula_row_get_slider_offer (row), ==, "b");
  g_signal_emit_by_name (row, "add-slider", "b");
  g_assert_cmpuint (tangent_formula_pane_get_n_parameters (pane), ==, 1);
  slider = tangent_formula_pane_get_parameter (pane, 0);
  g_assert_cmpstr (tangent_parameter_row_get_name (slider), ==, "b");
  g_assert_cmpuint (session->parameters->len, ==, 1);
  g_assert_null (tangent_formula_row_get_message (row));
  g_assert_null (tangent_formula_row_get_slider_offer (row));

  /* Enter in the last row adds another. */
  g_signal_emit_by_name (tangent_formula_row_get_editable (row), "activate");
  g_assert_cmpuint (tangent_formula_pane_get_n_rows (pane), ==, 3);
  g_signal_emit_by_name (tangent_formula_pane_get_row (pane, 2), "remove");
  assert_rows (window, two);

  /* Removing the first row, then Undo, puts it back as it was. */
  row = tangent_formula_pane_get_row (pane, 0);
  tangent_formula_row_get_color (row, &before);
  tangent_formula_row_set_shown (row, FALSE);
  g_signal_emit_by_name (row, "remove");
  assert_rows (window, removed);
  /* The keyboard stays in the list, also after the next frames. */
  wait_frames ();
  g_assert_true (focus_in_row (window, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-remove", NULL));
  assert_rows (window, two);
  formula = g_ptr_array_index (session->formulas, 0);
  g_assert_false (formula->visible);
  row = tangent_formula_pane_get_row (pane, 0);
  g_assert_false (tangent_formula_row_get_shown (row));
  tangent_formula_row_get_color (row, &after);
  g_assert_true (gdk_rgba_equal (&before, &after));

  /* Undo is spent. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-remove", NULL);
  assert_rows (window, two);

  /* A slider removed comes back with its range. */
  g_signal_emit_by_name (slider, "remove");
  g_assert_cmpuint (tangent_formula_pane_get_n_parameters (pane), ==, 0);
  g_assert_true (tangent_formula_row_has_error (tangent_formula_pane_get_row (pane, 1)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-remove", NULL);
  g_assert_cmpuint (tangent_formula_pane_get_n_parameters (pane), ==, 1);
  g_assert_null (tangent_formula_row_get_message (tangent_formula_pane_get_row (pane, 1)));
}

static void
test_rows (void)
{
  run_in_window (check_rows);
}

/* Pan and zoom write the view ------------------------------------------- */

static void
check_pan_zoom (TangentWindow *window)
{
  TangentPlotView *plot = tangent_window_get_plot_view (window);
  const TangentSessionView *view = tangent_window_get_session (window)->view;
  g_autoptr(TangentTestPicture) picture = tangent_test_picture_new (GTK_WIDGET (plot));
  graphene_rect_t area;
  double bounds[4], x0, x1, y0, y1;
  guint rebuilds;

  g_assert_true (tangent_plot_view_get_plot_area (plot, &area, bounds));
  x0 = view->xmin;
  x1 = view->xmax;
  y0 = view->ymin;
  y1 = view->ymax;
  rebuilds = tangent_plot_view_get_n_rebuilds (plot);

  /* A drag by a quarter of the plot's width moves x by a quarter range;
   * the next frame shows it, compiling nothing. */
  tangent_plot_view_pan (plot, area.size.width / 4, 0);
  g_assert_cmpfloat_with_epsilon (view->xmin, x0 - (bounds[1] - bounds[0]) / 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (view->ymin, y0, 1e-9);
  g_assert_true (tangent_window_get_modified (window));
  g_clear_pointer (&picture, tangent_test_picture_free);
  picture = tangent_test_picture_new (GTK_WIDGET (plot));
  g_assert_true (tangent_plot_view_get_plot_area (plot, &area, bounds));
  g_assert_cmpfloat (bounds[0], ==, view->xmin);
  g_assert_cmpfloat (bounds[1], ==, view->xmax);
  g_assert_cmpuint (tangent_plot_view_get_n_rebuilds (plot), ==, rebuilds);

  /* Zooming in by 2 about the plot's middle halves both ranges there. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  g_assert_cmpfloat (view->xmin, ==, x0);
  tangent_plot_view_zoom_at (plot, area.origin.x + area.size.width / 2,
                             area.origin.y + area.size.height / 2, 0.5);
  g_assert_cmpfloat_with_epsilon (view->xmax - view->xmin, (x1 - x0) / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (view->xmin + view->xmax, x0 + x1, 1e-9);
  g_assert_cmpfloat_with_epsilon (view->ymin + view->ymax, y0 + y1, 1e-9);

  /* About the plot's top-left corner, that corner stays put. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  tangent_plot_view_zoom_at (plot, area.origin.x, area.origin.y, 2);
  g_assert_cmpfloat_with_epsilon (view->xmin, x0, 1e-9);
  g_assert_cmpfloat_with_epsilon (view->ymax, y1, 1e-9);
  g_assert_cmpfloat_with_epsilon (view->xmax, x0 + 2 * (x1 - x0), 1e-9);

  /* Nothing turns the view into an empty or infinite range. */
  for (int i = 0; i < 200; i++)
    tangent_plot_view_zoom (plot, 0.01);
  g_assert_true (view->xmax > view->xmin);
  for (int i = 0; i < 200; i++)
    tangent_plot_view_zoom (plot, 100);
  g_assert_true (isfinite (view->xmax - view->xmin));
}

static void
test_pan_zoom (void)
{
  run_in_window (check_pan_zoom);
}

/* A save still running when the window closes: the application waits for
 * it, and the file is written. --------------------------------------------- */

static SaveResult late_save;
static char *late_path;

static void
check_close_while_saving (TangentWindow *window)
{
  g_autoptr(GFile) file = g_file_new_for_path (late_path);

  type_formula (window, 0, "x^4");
  tangent_window_save_async (window, file, NULL, on_saved, &late_save);
  /* run_test destroys the window now, before the save can finish. */
}

static void
test_close_while_saving (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-session-window-XXXXXX", &error);
  g_autoptr(TangentSession) session = NULL;
  const TangentSessionFormula *formula;

  g_assert_no_error (error);
  late_path = g_build_filename (dir, "late.tangent", NULL);
  run_in_window (check_close_while_saving);

  g_assert_true (late_save.finished);
  g_assert_no_error (late_save.error);
  g_assert_true (late_save.ok);
  session = tangent_session_load_file (late_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (session->formulas->len, ==, 1);
  formula = g_ptr_array_index (session->formulas, 0);
  g_assert_cmpstr (formula->text, ==, "x^4");

  g_assert_no_errno (g_remove (late_path));
  g_assert_no_errno (g_rmdir (dir));
  g_clear_pointer (&late_path, g_free);
}

/* `tangent FILE`: the window opens on the file, ready to type ------------ */

static void
check_command_line (TangentWindow *window)
{
  static const char * const texts[] = { "f(x)=a*sin(x)", "x^2+y^2=4", NULL };
  g_autofree char *path = hostile_file ("session-valid-minimal.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  assert_rows (window, texts);
  g_assert_true (g_file_equal (tangent_window_get_file (window), file));
  g_assert_false (tangent_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "session-valid-minimal.json");
  wait_frames ();
  g_assert_true (focus_in_row (window, 0));
}

static void
test_command_line (void)
{
  g_autofree char *path = hostile_file ("session-valid-minimal.json");

  run_in_window_with (check_command_line, path);
}

/* Export: the session's figure at its own size, in the print style,
 * whatever the window's theme --------------------------------------------- */

static double
luminance_at (const TangentTestPicture *picture,
              int                       x,
              int                       y)
{
  const guchar *p = picture->pixels + 4 * ((gsize) y * picture->width + x);

  return (0.2126 * p[2] + 0.7152 * p[1] + 0.0722 * p[0]) / 255;
}

static void
check_export (TangentWindow *window)
{
  g_autofree char *path = hostile_file ("session-valid-minimal.json");
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  TangentPlotView *plot = tangent_window_get_plot_view (window);
  g_autoptr(TangentTestPicture) screen = NULL;
  static const struct { const char *name; const char *magic; } files[] = {
    { "figure.png", "\x89PNG" },
    { "figure.svg", "<?xml" },
    { "figure.pdf", "%PDF-" },
  };

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (load (window, path, &error));
  g_assert_no_error (error);

  /* The window draws in the dark style … */
  screen = tangent_test_picture_new (GTK_WIDGET (plot));
  g_assert_cmpfloat (luminance_at (screen, 1, 1), <, 0.3);

  dir = g_dir_make_tmp ("test-session-window-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *file_path = g_build_filename (dir, files[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (file_path);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (tangent_window_export (window, file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (file_path, &contents, &length, &error));
      g_assert_cmpuint (length, >, 100);
      g_assert_true (memcmp (contents, files[i].magic, strlen (files[i].magic)) == 0);

      if (i == 0)
        {
          /* … the exported figure in the print style, at the view's own
           * size (the default 1200 × 900 at 96 dpi). */
          g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (file_path, &error);
          g_autofree guchar *pixels = NULL;

          g_assert_no_error (error);
          g_assert_cmpint (gdk_texture_get_width (texture), ==, 1200);
          g_assert_cmpint (gdk_texture_get_height (texture), ==, 900);
          pixels = g_malloc (1200 * 900 * 4);
          gdk_texture_download (texture, pixels, 1200 * 4);
          g_assert_cmpuint (pixels[0], >, 240);
          g_assert_cmpuint (pixels[1], >, 240);
          g_assert_cmpuint (pixels[2], >, 240);
        }
      g_assert_no_errno (g_remove (file_path));
    }
  g_assert_no_errno (g_rmdir (dir));

  /* A name the exporter does not know is refused, and writes nothing. */
  {
    g_autofree char *bad_path = g_build_filename (g_get_tmp_dir (), "figure.bmp", NULL);
    g_autoptr(GFile) bad = g_file_new_for_path (bad_path);

    g_assert_false (tangent_window_export (window, bad, &error));
    g_assert_nonnull (error);
    g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
  }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_export (void)
{
  run_in_window (check_export);
}

/* Draws the plot now, and lets what follows a frame happen. */
static void
draw_plot (TangentWindow *window)
{
  g_autoptr(TangentTestPicture) picture =
    tangent_test_picture_new (GTK_WIDGET (tangent_window_get_plot_view (window)));

  g_assert_nonnull (picture);
  wait_frames ();
}

/* What the view leaves out of its figure is said above the plot, apart
 * from rows (each row says its own): a contour map of a name nothing
 * defines, Taylor polynomials of √x about 0, which have no coefficients.
 * Opening another session takes the notice away. */
static void
check_view_warnings (TangentWindow *window)
{
  static const char json[] =
    "{ \"format\": \"tangent-session\", \"version\": 1,\n"
    "  \"formulas\": [ { \"text\": \"f(x) = sqrt(x)\" }, { \"text\": \"sin(x\" } ],\n"
    "  \"view\": { \"xmin\": -1, \"xmax\": 4, \"ymin\": -1, \"ymax\": 3,\n"
    "    \"contour\": { \"formula\": \"nope\" },\n"
    "    \"taylor\": [ { \"formula\": \"f\", \"center\": 0, \"orders\": [1, 2] } ] } }\n";
  g_autofree char *dir = g_dir_make_tmp ("tangent-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "left-out.tangent", NULL);
  g_autofree char *minimal = hostile_file ("session-valid-minimal.json");
  g_autoptr(GError) error = NULL;
  const char *notice;

  g_assert_true (g_file_set_contents (path, json, -1, &error));
  g_assert_true (load (window, path, &error));
  g_assert_no_error (error);
  draw_plot (window);

  notice = tangent_window_get_notice (window);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, "nope"));
  g_assert_nonnull (strstr (notice, "Taylor"));
  g_assert_null (strstr (notice, "sin(x"));

  g_assert_true (load (window, minimal, &error));
  g_assert_no_error (error);
  draw_plot (window);
  g_assert_null (tangent_window_get_notice (window));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_view_warnings (void)
{
  run_in_window (check_view_warnings);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/session/hostile-files", test_hostile_files);
  g_test_add_func ("/ui/session/hostile-formulas", test_hostile_formulas);
  g_test_add_func ("/ui/session/valid-minimal-round-trip", test_valid_minimal);
  g_test_add_func ("/ui/session/rows-undo-sliders", test_rows);
  g_test_add_func ("/ui/session/pan-zoom", test_pan_zoom);
  g_test_add_func ("/ui/session/export", test_export);
  g_test_add_func ("/ui/session/command-line", test_command_line);
  g_test_add_func ("/ui/session/close-while-saving", test_close_while_saving);
  g_test_add_func ("/ui/session/view-warnings", test_view_warnings);

  return g_test_run ();
}
