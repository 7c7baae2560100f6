/* test-figure.c: whole figures from sessions — golden images without
 * text, the layout's geometry, formula resolution and warnings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Golden images are drawn with no text at all (fonts differ between
 * machines) and compared within a tolerance. To make them again after a
 * deliberate change, run with TANGENT_UPDATE_GOLDEN=1 and look at every
 * file before committing it.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tangent-figure.h"
#include "tangent-plot-style.h"
#include "tangent-session.h"

/* Tolerance: the mean difference per channel (of 255), and the share of
 * pixels where some channel differs by more than DIFF_LARGE. */
#define MEAN_TOLERANCE     1.5
#define DIFF_LARGE         48
#define LARGE_SHARE_LIMIT  0.005

static TangentSession *
load (const char *json)
{
  g_autoptr(GError) error = NULL;
  TangentSession *session = tangent_session_load_data (json, strlen (json), "test", &error);

  g_assert_no_error (error);
  g_assert_nonnull (session);
  return session;
}

static cairo_surface_t *
render (TangentFigure *figure,
        int            width,
        int            height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  tangent_figure_draw (figure, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *image,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (image);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (image) + x * 4);
}

/* Compares with tests/golden/NAME.png, or writes it when asked to. */
static void
compare_golden (cairo_surface_t *image,
                const char      *name)
{
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", file, NULL);
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  cairo_surface_t *golden;
  double sum = 0;
  guint large = 0;

  if (g_strcmp0 (g_getenv ("TANGENT_UPDATE_GOLDEN"), "1") == 0)
    {
      g_assert_cmpint (cairo_surface_write_to_png (image, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", path);
      return;
    }

  golden = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (golden), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (golden), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (golden), ==, height);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 a = pixel (image, x, y), b = pixel (golden, x, y);
        int worst = 0;

        for (int shift = 0; shift < 24; shift += 8)
          {
            int d = abs ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff));

            sum += d;
            worst = MAX (worst, d);
          }
        large += worst > DIFF_LARGE;
      }

  g_test_message ("%s: mean difference %.3f, %u pixels differ by more than %d", name,
                  sum / (3.0 * width * height), large, DIFF_LARGE);
  if (sum / (3.0 * width * height) > MEAN_TOLERANCE
      || large > LARGE_SHARE_LIMIT * width * height)
    {
      g_autofree char *out = g_strdup_printf ("%s/%s-actual.png", g_get_tmp_dir (), name);

      cairo_surface_write_to_png (image, out);
      g_error ("%s differs from its golden image (mean %.3f, %u large); drawn: %s", name,
               sum / (3.0 * width * height), large, out);
    }
  cairo_surface_destroy (golden);
}

/* A filled contour map of a saddle with its level lines and a field of
 * −∇f, equal aspect, with its colour bar. */
static const char contour_session[] =
  "{ \"format\": \"tangent-session\", \"version\": 1,\n"
  "  \"formulas\": [ { \"text\": \"f(x, y) = x^2 - y^2 + x/2\" } ],\n"
  "  \"view\": { \"xmin\": -2, \"xmax\": 2, \"ymin\": -2, \"ymax\": 2, \"equal_aspect\": true,\n"
  "    \"width\": 320, \"height\": 240, \"title\": \"a saddle\",\n"
  "    \"contour\": { \"formula\": \"f\", \"grid\": 120, \"levels\": [-3, -2, -1, 0, 1, 2, 3] },\n"
  "    \"arrows\": { \"formula\": \"f\", \"negative\": true, \"grid\": 9 } } }\n";

/* Curves with poles and jumps, a relation, and the lines through the
 * origin. */
static const char curves_session[] =
  "{ \"format\": \"tangent-session\", \"version\": 1,\n"
  "  \"formulas\": [ { \"text\": \"tan(x)\" }, { \"text\": \"floor(x)/2\" },\n"
  "                  { \"text\": \"x^2 + y^2 = 4\", \"color\": \"#cc79a7\" } ],\n"
  "  \"view\": { \"xmin\": -4, \"xmax\": 4, \"ymin\": -3, \"ymax\": 3,\n"
  "    \"width\": 320, \"height\": 240, \"title\": \"curves\" } }\n";

static void
test_golden (gconstpointer data)
{
  const char *name = data;
  g_autoptr(TangentSession) session = load (strcmp (name, "figure-contour") == 0
                                            ? contour_session : curves_session);
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentFigure) figure = tangent_figure_new (session, NULL, &error);
  cairo_surface_t *image;

  g_assert_no_error (error);
  g_assert_cmpuint (tangent_figure_get_warnings (figure)->len, ==, 0);
  tangent_figure_set_no_text (figure, TRUE);
  image = render (figure, 320, 240);
  compare_golden (image, name);
  cairo_surface_destroy (image);
}

/* The frame's box: the outermost dark pixels along rows and columns that
 * no axis through the origin crosses. A tick pointing out of the box may
 * lie on one of the lines; three lines a few pixels apart cannot all
 * meet ticks, and ticks only ever widen the extent, so the narrowest
 * extent is the box. */
static void
find_box (cairo_surface_t *image,
          int             *left,
          int             *right,
          int             *top,
          int             *bottom)
{
  static const int offsets[] = { 0, 2, 5 };
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);

  *left = *top = -1;
  *right = *bottom = G_MAXINT;
  for (guint k = 0; k < G_N_ELEMENTS (offsets); k++)
    {
      int row = MIN (height / 3 + offsets[k], height - 1);
      int col = MIN (width / 3 + offsets[k], width - 1);
      int lo = G_MAXINT, hi = -1;

      /* print style foreground is #241f31: green channel 0x1f */
      for (int x = 0; x < width; x++)
        if (((pixel (image, x, row) >> 8) & 0xff) < 0x60)
          {
            lo = MIN (lo, x);
            hi = MAX (hi, x);
          }
      *left = MAX (*left, lo);
      *right = MIN (*right, hi);

      lo = G_MAXINT;
      hi = -1;
      for (int y = 0; y < height; y++)
        if (((pixel (image, col, y) >> 8) & 0xff) < 0x60)
          {
            lo = MIN (lo, y);
            hi = MAX (hi, y);
          }
      *top = MAX (*top, lo);
      *bottom = MIN (*bottom, hi);
    }
}

/* With equal aspect a unit of x and of y have the same length: a square
 * range gives a square box, however wide the figure, and the box sits in
 * the middle (no colour bar here); without it the box fills the width. */
static void
test_equal_aspect (void)
{
  static const char json[] =
    "{ \"format\": \"tangent-session\", \"version\": 1,\n"
    "  \"view\": { \"xmin\": -1, \"xmax\": 1, \"ymin\": -3, \"ymax\": -1, \"grid\": false,\n"
    "             \"equal_aspect\": %s, \"width\": 600, \"height\": 300 } }\n";
  static const char *const settings[] = { "true", "false" };

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autofree char *text = g_strdup_printf (json, settings[i]);
      g_autoptr(TangentSession) session = load (text);
      g_autoptr(GError) error = NULL;
      g_autoptr(TangentFigure) figure = tangent_figure_new (session, NULL, &error);
      cairo_surface_t *image;
      int left, right, top, bottom;

      g_assert_no_error (error);
      tangent_figure_set_no_text (figure, TRUE);
      image = render (figure, 600, 300);
      find_box (image, &left, &right, &top, &bottom);
      g_test_message ("equal_aspect %s: box x %d…%d, y %d…%d", settings[i], left, right, top,
                      bottom);
      g_assert_cmpint (right - left, >, 100);
      g_assert_cmpint (bottom - top, >, 100);
      if (i == 0)
        {
          g_assert_cmpint (abs ((right - left) - (bottom - top)), <=, 1);
          g_assert_cmpint (abs ((left + right) / 2 - 300), <=, 12);
        }
      else
        g_assert_cmpint (right - left, >, 2 * (bottom - top));
      cairo_surface_destroy (image);
    }
}

/* Setting formulas name a function row or are expressions in x and y; a
 * row with an error is left out with a warning that quotes it escaped,
 * and the rest is drawn. */
static void
test_resolution_and_warnings (void)
{
  static const char json[] =
    "{ \"format\": \"tangent-session\", \"version\": 1,\n"
    "  \"parameters\": [ { \"name\": \"a\", \"value\": 2, \"min\": 0, \"max\": 5,\n"
    "                    \"step\": 1 } ],\n"
    "  \"formulas\": [ { \"text\": \"g(x, y) = a*x*y\" },\n"
    "                  { \"text\": \"sin(x\" },\n"
    "                  { \"text\": \"h(x) = q*x\" },\n"
    "                  { \"text\": \"x y \\u001b z\" } ],\n"
    "  \"view\": { \"xmin\": -2, \"xmax\": 2, \"ymin\": -2, \"ymax\": 2,\n"
    "    \"contour\": { \"formula\": \"g\" },\n"
    "    \"arrows\": { \"formula\": \"x^2 - a*y\" },\n"
    "    \"taylor\": [ { \"formula\": \"nope\", \"center\": 0, \"orders\": [1] } ],\n"
    "    \"lines\": [ { \"formula\": \"g(x, y) = x\", \"x1\": 0 } ] } }\n";
  g_autoptr(TangentSession) session = load (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentFigure) figure = tangent_figure_new (session, NULL, &error);
  GPtrArray *warnings;
  cairo_surface_t *image;
  guint mentions_sin = 0, mentions_h = 0, mentions_nope = 0, mentions_g = 0;

  g_assert_no_error (error);
  warnings = tangent_figure_get_warnings (figure);
  for (guint i = 0; i < warnings->len; i++)
    {
      const char *w = g_ptr_array_index (warnings, i);

      g_test_message ("warning: %s", w);
      g_assert_null (strchr (w, '\x1b'));
      mentions_sin += strstr (w, "sin(x") != NULL;
      mentions_h += strstr (w, "h(x) = q*x") != NULL;
      mentions_nope += strstr (w, "nope") != NULL;
      mentions_g += strstr (w, "g(x, y) = x") != NULL;
    }
  /* sin(x: syntax; h: q undefined; the escape row: a bad character;
   * the Taylor setting: nope undefined; the tangent line's formula would
   * define g a second time. g and the arrows are fine. */
  g_assert_cmpuint (warnings->len, ==, 5);
  g_assert_cmpuint (mentions_sin, ==, 1);
  g_assert_cmpuint (mentions_h, ==, 1);
  g_assert_cmpuint (mentions_nope, ==, 1);
  g_assert_cmpuint (mentions_g, ==, 1);

  image = render (figure, 400, 300);
  cairo_surface_destroy (image);
}

/* The view must exist and have a range. */
static void
test_view_errors (void)
{
  g_autoptr(TangentSession) session = tangent_session_new ();
  g_autoptr(GError) error = NULL;
  TangentFigure *figure;

  figure = tangent_figure_new (session, "no-such-view", &error);
  g_assert_null (figure);
  g_assert_error (error, TANGENT_FIGURE_ERROR, TANGENT_FIGURE_ERROR_NO_VIEW);
  g_assert_nonnull (strstr (error->message, "no-such-view"));
  g_clear_error (&error);

  session->view->xmin = 1;
  session->view->xmax = 1;
  figure = tangent_figure_new (session, NULL, &error);
  g_assert_null (figure);
  g_assert_error (error, TANGENT_FIGURE_ERROR, TANGENT_FIGURE_ERROR_RANGE);
  g_clear_error (&error);

  session->view->xmax = 2;
  session->view->ymax = NAN;
  figure = tangent_figure_new (session, NULL, &error);
  g_assert_null (figure);
  g_assert_error (error, TANGENT_FIGURE_ERROR, TANGENT_FIGURE_ERROR_RANGE);
}

/* Levels set in code (not read from a file) may come unsorted or with a
 * NaN: the figure sorts them and leaves the NaN out (contour drawing
 * would warn, which is fatal in tests). */
static void
test_levels_from_code (void)
{
  static const char json[] =
    "{ \"format\": \"tangent-session\", \"version\": 1,\n"
    "  \"formulas\": [ { \"text\": \"f(x, y) = x^2 + y^2\" } ],\n"
    "  \"view\": { \"xmin\": -2, \"xmax\": 2, \"ymin\": -2, \"ymax\": 2,\n"
    "    \"contour\": { \"formula\": \"f\", \"levels\": [1, 2] } } }\n";
  static const double levels[] = { 3, NAN, 1, 2, 0.5 };
  g_autoptr(TangentSession) session = load (json);
  g_autoptr(TangentFigure) figure = NULL;
  cairo_surface_t *image;

  g_free (session->view->contour->levels);
  session->view->contour->levels = g_memdup2 (levels, sizeof levels);
  session->view->contour->n_given = G_N_ELEMENTS (levels);
  figure = tangent_figure_new (session, NULL, NULL);
  g_assert_nonnull (figure);
  image = render (figure, 300, 200);
  {
    int left, right, top, bottom;
    guint32 p;

    /* Near the middle of the plot, f < 0.5: the lowest band, viridis's
     * dark purple, and not the white page that a map with levels it could
     * not use would leave. (The box found includes the colour bar.) */
    find_box (image, &left, &right, &top, &bottom);
    p = pixel (image, left + (bottom - top) / 2, (top + bottom) / 2);
    g_test_message ("box x %d…%d, y %d…%d; middle %08x", left, right, top, bottom, p);
    g_assert_cmpuint ((p >> 16) & 0xff, <, 0x90);
    g_assert_cmpuint ((p >> 8) & 0xff, <, 0x90);
  }
  cairo_surface_destroy (image);
}

/* A figure too small for its text still draws its plot (text gives way,
 * title first), and one too small for anything draws just the page. */
static void
test_small_figures (void)
{
  static const char json[] =
    "{ \"format\": \"tangent-session\", \"version\": 1,\n"
    "  \"formulas\": [ { \"text\": \"f(x, y) = x*y\" } ],\n"
    "  \"view\": { \"xmin\": -1, \"xmax\": 1, \"ymin\": -1, \"ymax\": 1, \"equal_aspect\": true,\n"
    "    \"title\": \"a long title that cannot fit on a small figure at all, not even wrapped\",\n"
    "    \"contour\": { \"formula\": \"f\" }, \"arrows\": { \"formula\": \"f\" } } }\n";
  static const int sizes[][2] = { { 240, 160 }, { 160, 120 }, { 60, 40 }, { 20, 10 }, { 1, 1 } };
  g_autoptr(TangentSession) session = load (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentFigure) figure = tangent_figure_new (session, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      cairo_surface_t *image = render (figure, sizes[i][0], sizes[i][1]);
      int left, right, top, bottom;

      find_box (image, &left, &right, &top, &bottom);
      g_test_message ("%d × %d: box x %d…%d, y %d…%d", sizes[i][0], sizes[i][1],
                      left, right, top, bottom);
      if (sizes[i][0] >= 160)
        {
          /* a box of at least 40 % of the smaller side */
          g_assert_cmpint (bottom - top, >=, 0.4 * sizes[i][1] - 2);
          g_assert_cmpint (right - left, >=, 0.4 * sizes[i][1] - 2);
        }
      else
        /* the page only: white */
        g_assert_cmphex (pixel (image, sizes[i][0] / 2, sizes[i][1] / 2), ==, 0xffffffff);
      cairo_surface_destroy (image);
    }
}

/* The screen style: a dark page. */
static void
test_screen_style (void)
{
  static const char json[] =
    "{ \"format\": \"tangent-session\", \"version\": 1,\n"
    "  \"formulas\": [ { \"text\": \"sin(x)\" } ],\n"
    "  \"view\": { \"xmin\": -4, \"xmax\": 4, \"ymin\": -2, \"ymax\": 2,\n"
    "            \"style\": \"screen\" } }\n";
  g_autoptr(TangentSession) session = load (json);
  g_autoptr(TangentFigure) figure = tangent_figure_new (session, NULL, NULL);
  cairo_surface_t *image = render (figure, 300, 200);
  guint32 corner = pixel (image, 0, 0);

  /* dark: every channel below a quarter */
  g_assert_cmpuint ((corner >> 16) & 0xff, <, 64);
  g_assert_cmpuint ((corner >> 8) & 0xff, <, 64);
  g_assert_cmpuint (corner & 0xff, <, 64);
  cairo_surface_destroy (image);
}

/* A colour that would vanish against the page is drawn in the page's ink:
 * #241f31 (luminance 0.0155) against the dark page #1e1e1e (0.0129) has a
 * contrast ratio of 1.04; against white, 15.4. Okabe–Ito orange #e69f00
 * (0.441) reads on both. */
static void
test_legible_colors (void)
{
  TangentPlotStyle light, dark;
  TangentColor ink = { 0x24 / 255.0, 0x1f / 255.0, 0x31 / 255.0, 1 };
  TangentColor orange = { 0xe6 / 255.0, 0x9f / 255.0, 0, 0.5 };
  TangentColor out;

  tangent_plot_style_init_light (&light);
  tangent_plot_style_init_dark (&dark);

  tangent_plot_style_legible_color (&light, &ink, &out);
  g_assert_cmpfloat (out.red, ==, ink.red);
  g_assert_cmpfloat (out.blue, ==, ink.blue);

  tangent_plot_style_legible_color (&dark, &ink, &out);
  g_assert_cmpfloat (out.red, ==, dark.foreground.red);
  g_assert_cmpfloat (out.green, ==, dark.foreground.green);
  g_assert_cmpfloat (out.alpha, ==, 1);

  tangent_plot_style_legible_color (&dark, &orange, &out);
  g_assert_cmpfloat (out.red, ==, orange.red);
  g_assert_cmpfloat (out.alpha, ==, 0.5);
  tangent_plot_style_legible_color (&light, &orange, &out);
  g_assert_cmpfloat (out.green, ==, orange.green);
}

/* An overlay that cannot be drawn says so once, however often the figure
 * is drawn: √x has no first derivative at 0. */
static void
test_taylor_warning (void)
{
  static const char json[] =
    "{ \"format\": \"tangent-session\", \"version\": 1,\n"
    "  \"formulas\": [ { \"text\": \"f(x) = sqrt(x)\" } ],\n"
    "  \"view\": { \"xmin\": -1, \"xmax\": 4, \"ymin\": -1, \"ymax\": 3,\n"
    "    \"taylor\": [ { \"formula\": \"f\", \"center\": 0, \"orders\": [1, 2] } ] } }\n";
  g_autoptr(TangentSession) session = load (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentFigure) figure = tangent_figure_new (session, NULL, &error);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  cairo_t *cr = cairo_create (image);
  GPtrArray *warnings;

  g_assert_no_error (error);
  g_assert_cmpuint (tangent_figure_get_warnings (figure)->len, ==, 0);
  tangent_figure_draw (figure, cr, 400, 300);
  tangent_figure_draw (figure, cr, 400, 300);
  warnings = tangent_figure_get_warnings (figure);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "Taylor"));
  cairo_destroy (cr);
  cairo_surface_destroy (image);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/plot/figure/golden/contour", "figure-contour", test_golden);
  g_test_add_data_func ("/plot/figure/golden/curves", "figure-curves", test_golden);
  g_test_add_func ("/plot/figure/equal-aspect", test_equal_aspect);
  g_test_add_func ("/plot/figure/resolution-and-warnings", test_resolution_and_warnings);
  g_test_add_func ("/plot/figure/view-errors", test_view_errors);
  g_test_add_func ("/plot/figure/levels-from-code", test_levels_from_code);
  g_test_add_func ("/plot/figure/small", test_small_figures);
  g_test_add_func ("/plot/figure/screen-style", test_screen_style);
  g_test_add_func ("/plot/figure/legible-colors", test_legible_colors);
  g_test_add_func ("/plot/figure/taylor-warning", test_taylor_warning);

  return g_test_run ();
}
