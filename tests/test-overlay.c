/* test-overlay.c: Taylor overlays with their certified band, tangent
 * lines and secants, markers, paths and legends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With TANGENT_TEST_PNG_DIR set, the drawing tests also write their
 * pictures there (taylor-sin.png, taylor-log.png, overlay-marks.png).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tangent-axes.h"
#include "tangent-curve.h"
#include "tangent-document.h"
#include "tangent-overlay.h"
#include "tangent-overlay-private.h"
#include "tangent-test-compile.h"
#include "tangent-test-plot.h"
#include "tangent-vm.h"

static void
maybe_write_png (cairo_surface_t *surface,
                 const char      *name)
{
  const char *dir = g_getenv ("TANGENT_TEST_PNG_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("wrote %s", path);
}

static double
eval_prog (double   x,
           gpointer user_data)
{
  return tangent_program_eval1 (user_data, NULL, x, 0, 0);
}

/* Numbers in legends: by hand. */
static void
test_markup_number (void)
{
  static const struct { double v; guint digits; TangentRounding r; const char *want; } cases[] = {
    { 50, 1, TANGENT_ROUND_NEAREST, "50" },
    { 0.002, 1, TANGENT_ROUND_NEAREST, "0.002" },
    { 2e-7, 1, TANGENT_ROUND_NEAREST, "2\xc3\x97" "10<sup>\xe2\x88\x92" "7</sup>" },
    { 1e6, 1, TANGENT_ROUND_NEAREST, "10<sup>6</sup>" },
    { 1.234, 2, TANGENT_ROUND_UP, "1.3" },
    { 1.234, 2, TANGENT_ROUND_DOWN, "1.2" },
    { 0.3, 1, TANGENT_ROUND_UP, "0.3" },
    { 9.96, 2, TANGENT_ROUND_NEAREST, "10" },
    { -2.5, 2, TANGENT_ROUND_NEAREST, "\xe2\x88\x92" "2.5" },
    { 0, 3, TANGENT_ROUND_NEAREST, "0" },
    { 12345, 2, TANGENT_ROUND_NEAREST, "12000" },
    { 4.9e-324, 1, TANGENT_ROUND_NEAREST, "5\xc3\x97" "10<sup>\xe2\x88\x92" "324</sup>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = _tangent_markup_number (cases[i].v, cases[i].digits, cases[i].r);

      g_assert_cmpstr (got, ==, cases[i].want);
    }
}

/* T₉ of sin about 0, summed here from its series, to compare with. */
static double
sin_t9 (double x)
{
  double sum = 0, term = x;

  for (int k = 0; k <= 4; k++)
    {
      sum += term;
      term *= -x * x / ((2 * k + 2) * (2 * k + 3));
    }
  return sum;
}

/* The band of T₉ about 0 on [−6, 6] contains sin(x) from libm at every
 * sample, its centre is T₉ (by the series), and sin being entire, no
 * note. */
static void
test_band_sin (void)
{
  g_autoptr(TangentProgram) prog = tangent_test_compile ("sin(x)", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentOverlayBand) band = NULL;
  double widest = 0;

  band = tangent_overlay_band_new (prog, NULL, 0, 9, -6, 6, 241, &error);
  g_assert_no_error (error);
  g_assert_nonnull (band);
  g_assert_cmpuint (band->n, ==, 241);
  g_assert_null (band->note);
  g_assert_cmpfloat (band->x[0], ==, -6);
  g_assert_cmpfloat (band->x[240], ==, 6);

  for (guint i = 0; i < band->n; i++)
    {
      double x = band->x[i], s = sin (x);

      g_assert_cmpfloat (fabs (band->t[i] - sin_t9 (x)), <=, 1e-12 * MAX (1, fabs (sin_t9 (x))));
      g_assert_cmpfloat (fabs (band->f[i] - s), <=, 4e-16 * MAX (fabs (s), 1e-300) + 1e-300);
      g_assert_true (isfinite (band->bound[i]));
      g_assert_cmpfloat (band->lower[i], <=, s);
      g_assert_cmpfloat (s, <=, band->upper[i]);
      widest = MAX (widest, band->upper[i] - band->lower[i]);
    }
  /* Not vacuous: at x = 6 the true error |sin 6 − T₉(6)| is ≈ 9.4. */
  g_assert_cmpfloat (fabs (sin (6) - sin_t9 (6)), >, 5);
  g_assert_cmpfloat (widest, >, 10);
  /* And not loose: the Lagrange bound 6¹⁰/10! ≈ 16.7 at x = 6. */
  g_assert_cmpfloat (band->bound[240], <=, 17);
}

/* The lecture figure: sin with T₁ … T₉, the band of T₉ and the inset. */
static void
test_taylor_sin (void)
{
  static const guint orders[] = { 1, 3, 5, 7, 9 };
  g_autoptr(TangentProgram) prog = tangent_test_compile ("sin(x)", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) legend = g_array_new (FALSE, TRUE, sizeof (TangentLegendEntry));
  g_autoptr(TangentSamples) samples = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 600);
  cairo_t *cr = cairo_create (surface);
  TangentViewport vp = { -6, 6, -3, 3, 20, 20, 860, 560 };
  TangentPlotStyle style;
  TangentColor f_color;
  gboolean ok;
  guint n_lines = 0, n_bands = 0;
  double lw, lh;

  tangent_plot_style_init_light (&style);
  f_color = style.foreground;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tangent_axes_draw (cr, &vp, &style);

  samples = tangent_samples_new_uniform (&vp, eval_prog, prog, 861);
  tangent_curve_draw (cr, &vp, &f_color, 2.5, samples);
  _tangent_legend_append (legend, TANGENT_LEGEND_LINE, &f_color, 2.5,
                          g_strdup ("<i>f</i>(<i>x</i>) = sin <i>x</i>"));

  ok = tangent_overlay_taylor (cr, &vp, prog, NULL, 0, orders, G_N_ELEMENTS (orders), TRUE, TRUE,
                               &style, 0, legend, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  for (guint i = 0; i < legend->len; i++)
    {
      const TangentLegendEntry *e = &g_array_index (legend, TangentLegendEntry, i);

      n_lines += e->kind == TANGENT_LEGEND_LINE;
      n_bands += e->kind == TANGENT_LEGEND_BAND;
      g_assert_cmpint (e->kind, !=, TANGENT_LEGEND_NOTE);
      g_assert_true (pango_parse_markup (e->markup, -1, 0, NULL, NULL, NULL, NULL));
    }
  g_assert_cmpuint (n_lines, ==, 1 + G_N_ELEMENTS (orders));
  g_assert_cmpuint (n_bands, ==, 1);
  g_assert_cmpstr (g_array_index (legend, TangentLegendEntry, 3).markup, ==,
                   "<i>T</i><sub>5</sub>");

  tangent_overlay_legend (cr, &vp, (const TangentLegendEntry *) legend->data, legend->len, &style);
  tangent_overlay_legend_get_size (cr, (const TangentLegendEntry *) legend->data, legend->len,
                                   &style, &lw, &lh);
  g_assert_cmpfloat (lh, >, 7 * 12);
  g_assert_cmpuint (tangent_test_count_ink (surface, 20 + 8 + 2, 20 + 8 + 2, (int) lw - 4,
                                            (int) lh - 4, &style.background), >, 200);
  /* The inset in the lower-right 30 % of the view. */
  g_assert_cmpuint (tangent_test_count_ink (surface, 20 + 860 - 250, 20 + 560 - 160, 230, 140,
                                            &style.background), >, 1000);
  /* Nothing outside the viewport. */
  g_assert_cmpuint (tangent_test_count_ink (surface, 0, 0, 900, 19, &style.background), ==, 0);
  g_assert_cmpuint (tangent_test_count_ink (surface, 0, 581, 900, 19, &style.background), ==, 0);

  maybe_write_png (surface, "taylor-sin.png");
  tangent_legend_entries_clear (legend);
  g_assert_cmpuint (legend->len, ==, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* log(x) about 1 over [−1, 4]: nothing can be certified for x ≤ 0, so the
 * band stops and a note says so; T₀ … of log at 1 exist, so drawing
 * succeeds. */
static void
test_taylor_log_note (void)
{
  static const guint orders[] = { 2, 4 };
  g_autoptr(TangentProgram) prog = tangent_test_compile ("log(x)", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) legend = g_array_new (FALSE, TRUE, sizeof (TangentLegendEntry));
  g_autoptr(TangentOverlayBand) band = NULL;
  g_autoptr(TangentSamples) samples = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 700, 450);
  cairo_t *cr = cairo_create (surface);
  TangentViewport vp = { -1, 4, -3, 2, 10, 10, 680, 430 };
  TangentPlotStyle style;
  const TangentLegendEntry *note = NULL;
  gboolean ok;

  band = tangent_overlay_band_new (prog, NULL, 1, 4, -1, 4, 101, &error);
  g_assert_no_error (error);
  g_assert_nonnull (band->note);
  g_assert_nonnull (strstr (band->note, "below"));
  for (guint i = 0; i < band->n; i++)
    {
      if (band->x[i] <= 0)
        g_assert_false (isfinite (band->bound[i]));
      if (isfinite (band->bound[i]))
        {
          g_assert_cmpfloat (band->lower[i], <=, log (band->x[i]));
          g_assert_cmpfloat (log (band->x[i]), <=, band->upper[i]);
        }
    }
  g_assert_true (isfinite (band->bound[40]));   /* x = 1, the centre */

  tangent_plot_style_init_light (&style);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tangent_axes_draw (cr, &vp, &style);
  samples = tangent_samples_new_uniform (&vp, eval_prog, prog, 681);
  tangent_curve_draw (cr, &vp, &style.foreground, 2.5, samples);
  _tangent_legend_append (legend, TANGENT_LEGEND_LINE, &style.foreground, 2.5,
                          g_strdup ("<i>f</i>(<i>x</i>) = log <i>x</i>"));
  ok = tangent_overlay_taylor (cr, &vp, prog, NULL, 1, orders, G_N_ELEMENTS (orders), TRUE, TRUE,
                               &style, 0, legend, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  for (guint i = 0; i < legend->len; i++)
    if (g_array_index (legend, TangentLegendEntry, i).kind == TANGENT_LEGEND_NOTE)
      note = &g_array_index (legend, TangentLegendEntry, i);
  g_assert_nonnull (note);
  g_assert_true (pango_parse_markup (note->markup, -1, 0, NULL, NULL, NULL, NULL));
  tangent_overlay_legend (cr, &vp, (const TangentLegendEntry *) legend->data, legend->len, &style);

  maybe_write_png (surface, "taylor-log.png");
  tangent_legend_entries_clear (legend);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* sqrt at 0 has no finite derivative: an error, and nothing drawn. */
static void
test_taylor_error (void)
{
  static const guint orders[] = { 1, 2 };
  g_autoptr(TangentProgram) prog = tangent_test_compile ("sqrt(x)", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) legend = g_array_new (FALSE, TRUE, sizeof (TangentLegendEntry));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
  cairo_t *cr = cairo_create (surface);
  TangentViewport vp = { -1, 1, -1, 1, 0, 0, 100, 100 };
  TangentPlotStyle style;

  tangent_plot_style_init_light (&style);
  g_assert_false (tangent_overlay_taylor (cr, &vp, prog, NULL, 0, orders, 2, TRUE, TRUE, &style,
                                          0, legend, &error));
  g_assert_error (error, TANGENT_OVERLAY_ERROR, TANGENT_OVERLAY_ERROR_COEFFICIENTS);
  g_assert_cmpuint (legend->len, ==, 0);
  /* The surface is still all transparent. */
  cairo_surface_flush (surface);
  for (int y = 0; y < 100; y++)
    for (int x = 0; x < 100; x++)
      g_assert_cmpuint (*(const guint32 *) (cairo_image_surface_get_data (surface)
                                            + y * cairo_image_surface_get_stride (surface)
                                            + x * 4), ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The tangent of x² at 1 is y = 2x − 1; the secant through 1 and 2 has
 * slope 3. On [−3, 3] × [−1, 9] over 600 × 500 units the tangent enters at
 * (0, −1) and leaves at (3, 5): device (300, 500) and (600, 200). */
static void
test_lines (void)
{
  g_autoptr(TangentProgram) prog = tangent_test_compile ("x^2", FALSE);
  TangentViewport vp = { -3, 3, -1, 9, 0, 0, 600, 500 };
  TangentOverlayLine line;
  double seg[4];

  g_assert_true (tangent_overlay_line_compute (prog, NULL, 1, NAN, FALSE, &line));
  g_assert_cmpfloat_with_epsilon (line.slope, 2, 1e-15);
  g_assert_cmpfloat_with_epsilon (line.y1, 1, 1e-15);
  g_assert_true (isnan (line.x2));

  g_assert_true (tangent_overlay_line_clip (&vp, &line, seg));
  g_assert_cmpfloat_with_epsilon (seg[0], 300, 1e-9);
  g_assert_cmpfloat_with_epsilon (seg[1], 500, 1e-9);
  g_assert_cmpfloat_with_epsilon (seg[2], 600, 1e-9);
  g_assert_cmpfloat_with_epsilon (seg[3], 200, 1e-9);

  g_assert_true (tangent_overlay_line_compute (prog, NULL, 1, 2, TRUE, &line));
  g_assert_cmpfloat_with_epsilon (line.slope, 3, 1e-15);
  g_assert_cmpfloat_with_epsilon (line.y2, 4, 1e-15);

  /* No secant through one point; no tangent where f is undefined; a line
   * that misses the view. */
  g_assert_false (tangent_overlay_line_compute (prog, NULL, 1, 1, TRUE, &line));
  {
    g_autoptr(TangentProgram) root = tangent_test_compile ("sqrt(x)", FALSE);

    g_assert_false (tangent_overlay_line_compute (root, NULL, -1, NAN, FALSE, &line));
  }
  line = (TangentOverlayLine) { 0, 20, NAN, NAN, 0 };
  g_assert_false (tangent_overlay_line_clip (&vp, &line, seg));
}

/* Heads on the steps of at least 12.5 units only, pointing along them; a
 * non-finite point breaks the path and the steps beside it. On a 1:1 view
 * of [0, 100]² (y up), the steps below are 30, 5, 20, 1, 13, then a gap. */
static void
test_path_heads (void)
{
  static const double xy[] = {
    10, 10,   40, 10,   40, 15,   40, 35,   41, 35,   41, 22,   NAN, 0,   90, 90,
  };
  TangentViewport vp = { 0, 100, 0, 100, 0, 0, 100, 100 };
  TangentPlotStyle style;
  g_autoptr(GArray) heads = NULL;
  static const double dirs[][2] = { { 1, 0 }, { 0, -1 }, { 0, 1 } };   /* device */

  tangent_plot_style_init_light (&style);
  heads = tangent_overlay_path_heads (&vp, xy, G_N_ELEMENTS (xy) / 2, &style);
  g_assert_cmpuint (heads->len, ==, 3);
  for (guint i = 0; i < heads->len; i++)
    {
      const TangentArrow *a = &g_array_index (heads, TangentArrow, i);
      double dx = a->x1 - a->x0, dy = a->y1 - a->y0, d = hypot (dx, dy);

      g_assert_cmpfloat (fabs (dx / d - dirs[i][0]), <, 1e-12);
      g_assert_cmpfloat (fabs (dy / d - dirs[i][1]), <, 1e-12);
      g_assert_cmpfloat (a->head, >, 0);
      g_assert_cmpfloat (a->head, <, a->magnitude / 2);
    }

  /* And it draws without complaint. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
    cairo_t *cr = cairo_create (surface);

    tangent_overlay_path (cr, &vp, xy, G_N_ELEMENTS (xy) / 2, &style.curves[1], &style);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

/* A label stays inside the view wherever its marker is, and flips to the
 * left of a marker at the right edge. */
static void
test_marker_label (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 200);
  cairo_t *cr = cairo_create (surface);
  TangentViewport vp = { -1, 1, -1, 1, 10, 10, 280, 180 };
  TangentPlotStyle style;
  static const double where[][2] = { { -1, -1 }, { 1, 1 }, { 1, -1 }, { -1, 1 }, { 0, 0 } };

  tangent_plot_style_init_light (&style);
  for (guint i = 0; i < G_N_ELEMENTS (where); i++)
    {
      double rect[4];

      tangent_overlay_marker_label_rect (cr, &vp, where[i][0], where[i][1], "minimum (x < 3 & y)",
                                         &style, rect);
      g_assert_cmpfloat (rect[2], >, 20);
      g_assert_cmpfloat (rect[0], >=, 10);
      g_assert_cmpfloat (rect[1], >=, 10);
      g_assert_cmpfloat (rect[0] + rect[2], <=, 290);
      g_assert_cmpfloat (rect[1] + rect[3], <=, 190);
      if (where[i][0] == 1)
        g_assert_cmpfloat (rect[0] + rect[2], <, 290 - style.marker_radius);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Marks over a field: x² with its tangent at 1 and secant through −1 and
 * 2, a marker, and a path, for the eye. */
static void
test_draw_marks (void)
{
  g_autoptr(TangentProgram) prog = tangent_test_compile ("x^2", FALSE);
  g_autoptr(TangentSamples) samples = NULL;
  g_autoptr(GArray) legend = g_array_new (FALSE, TRUE, sizeof (TangentLegendEntry));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 480);
  cairo_t *cr = cairo_create (surface);
  TangentViewport vp = { -3, 3, -1, 9, 10, 10, 620, 460 };
  TangentPlotStyle style;
  double path[2 * 12];

  /* Gradient descent on x² from x = 2.6 with rate 0.3, drawn on the
   * curve: each step multiplies x by 0.4. */
  path[0] = 2.6;
  for (guint i = 0; i < 12; i++)
    {
      if (i > 0)
        path[2 * i] = 0.4 * path[2 * i - 2];
      path[2 * i + 1] = path[2 * i] * path[2 * i];
    }

  tangent_plot_style_init_light (&style);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tangent_axes_draw (cr, &vp, &style);
  samples = tangent_samples_new_uniform (&vp, eval_prog, prog, 621);
  tangent_curve_draw (cr, &vp, &style.foreground, 2.5, samples);
  tangent_overlay_line (cr, &vp, prog, NULL, 1, NAN, FALSE, &style.curves[0], &style);
  tangent_overlay_line (cr, &vp, prog, NULL, -1, 2, TRUE, &style.curves[1], &style);
  tangent_overlay_path (cr, &vp, path, 12, &style.curves[2], &style);
  tangent_overlay_marker (cr, &vp, 0, 0, "minimum", &style.curves[3], &style);
  tangent_overlay_marker (cr, &vp, 3, 9, "edge (x &lt; 4)", &style.curves[3], &style);

  _tangent_legend_append (legend, TANGENT_LEGEND_LINE, &style.foreground, 2.5,
                          g_strdup ("<i>f</i>(<i>x</i>) = <i>x</i><sup>2</sup>"));
  _tangent_legend_append (legend, TANGENT_LEGEND_LINE, &style.curves[0], style.overlay_width,
                          g_strdup ("tangent at <i>x</i> = 1"));
  _tangent_legend_append (legend, TANGENT_LEGEND_LINE, &style.curves[1], style.overlay_width,
                          g_strdup ("secant through \xe2\x88\x92" "1 and 2"));
  _tangent_legend_append (legend, TANGENT_LEGEND_PATH, &style.curves[2], style.overlay_width,
                          g_strdup ("gradient descent"));
  _tangent_legend_append (legend, TANGENT_LEGEND_MARKER, &style.curves[3], 0,
                          g_strdup ("minimum"));
  _tangent_legend_append (legend, TANGENT_LEGEND_NOTE, NULL, 0, g_strdup ("a note & no markup"));
  tangent_overlay_legend (cr, &vp, (const TangentLegendEntry *) legend->data, legend->len, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  /* The tangent y = 2x − 1 passes through (2.5, 4): device x = 10 + 5.5 /
   * 6 · 620 ≈ 578.3, y = 10 + 5 / 10 · 460 = 240, where nothing else is
   * drawn: the pixel there is the tangent's blue, (0, 114, 178). */
  {
    const guint8 *data;
    guint32 pixel;

    cairo_surface_flush (surface);
    data = cairo_image_surface_get_data (surface);
    pixel = *(const guint32 *) (data + 240 * cairo_image_surface_get_stride (surface) + 578 * 4);
    g_assert_cmpuint ((pixel >> 16) & 0xff, <, 100);
    g_assert_cmpuint (pixel & 0xff, >, ((pixel >> 16) & 0xff) + 60);
  }

  maybe_write_png (surface, "overlay-marks.png");
  tangent_legend_entries_clear (legend);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plot/overlay/markup-number", test_markup_number);
  g_test_add_func ("/plot/overlay/band-sin", test_band_sin);
  g_test_add_func ("/plot/overlay/taylor-sin", test_taylor_sin);
  g_test_add_func ("/plot/overlay/taylor-log-note", test_taylor_log_note);
  g_test_add_func ("/plot/overlay/taylor-error", test_taylor_error);
  g_test_add_func ("/plot/overlay/lines", test_lines);
  g_test_add_func ("/plot/overlay/path-heads", test_path_heads);
  g_test_add_func ("/plot/overlay/marker-label", test_marker_label);
  g_test_add_func ("/plot/overlay/draw-marks", test_draw_marks);

  return g_test_run ();
}
