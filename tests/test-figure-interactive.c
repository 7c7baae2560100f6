/* test-figure-interactive.c: what the window changes in a figure without
 * building it again: parameter values, the view's bounds, and where the
 * last draw put the plot area
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The curve y = a·x is found in the pixels and compared with where it
 * must be, computed by hand from the plot area and the bounds.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tangent-figure.h"
#include "tangent-session.h"

#define SIZE 400

static const char session_json[] =
  "{ \"format\": \"tangent-session\", \"version\": 1,"
  "  \"view\": { \"xmin\": -10, \"xmax\": 10, \"ymin\": -10, \"ymax\": 10, \"legend\": false },"
  "  \"parameters\": [ { \"name\": \"a\", \"value\": 1, \"min\": -2, \"max\": 2, \"step\": 0.5 } ],"
  "  \"formulas\": [ { \"text\": \"a*x\", \"color\": \"#ff0000\", \"visible\": true } ] }";

/* Draws the figure and returns the mean pixel row of pure-red pixels in
 * the column of data x = @x, or -1 if the curve does not cross it. */
static double
red_row_at (TangentFigure   *figure,
            double           x,
            TangentViewport *vp)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);
  const guint8 *data;
  int stride, px;
  double sum = 0;
  guint n = 0;

  tangent_figure_draw (figure, cr, SIZE, SIZE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  g_assert_true (tangent_figure_get_plot_area (figure, vp));
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  px = (int) floor (vp->left + (x - vp->xmin) / (vp->xmax - vp->xmin) * vp->width);

  for (int y = 0; y < SIZE; y++)
    {
      guint32 p = *(const guint32 *) (data + y * stride + 4 * px);
      int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

      if (r > 230 && g < 40 && b < 40)
        {
          sum += y + 0.5;
          n++;
        }
    }
  cairo_surface_destroy (surface);
  return n > 0 ? sum / n : -1;
}

static double
row_of (const TangentViewport *vp,
        double                 y)
{
  return vp->top + (vp->ymax - y) / (vp->ymax - vp->ymin) * vp->height;
}

static void
test_figure_interactive (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentSession) session = tangent_session_load_data (session_json,
                                                                 strlen (session_json),
                                                                 "test", &error);
  g_autoptr(TangentFigure) figure = NULL;
  TangentViewport vp;
  double row;

  g_assert_no_error (error);
  figure = tangent_figure_new (session, NULL, &error);
  g_assert_no_error (error);
  tangent_figure_set_no_text (figure, TRUE);

  /* Not drawn yet: no plot area. */
  g_assert_false (tangent_figure_get_plot_area (figure, &vp));

  /* a = 1: through (5, 5), inside a plot area within the figure. */
  row = red_row_at (figure, 5, &vp);
  g_assert_cmpfloat (vp.xmin, ==, -10);
  g_assert_cmpfloat (vp.ymax, ==, 10);
  g_assert_cmpfloat (vp.left, >=, 0);
  g_assert_cmpfloat (vp.left + vp.width, <=, SIZE);
  g_assert_cmpfloat (fabs (row - row_of (&vp, 5)), <, 2);

  /* a = -1: through (5, -5). */
  tangent_figure_set_parameter (figure, "a", -1);
  row = red_row_at (figure, 5, &vp);
  g_assert_cmpfloat (fabs (row - row_of (&vp, -5)), <, 2);

  /* Unknown names and non-finite values change nothing. */
  tangent_figure_set_parameter (figure, "b", 3);
  tangent_figure_set_parameter (figure, "a", NAN);
  row = red_row_at (figure, 5, &vp);
  g_assert_cmpfloat (fabs (row - row_of (&vp, -5)), <, 2);

  /* New bounds [0, 20] × [-20, 0]: x = 10 lands mid-plot, at y = -10. */
  tangent_figure_set_bounds (figure, 0, 20, -20, 0);
  row = red_row_at (figure, 10, &vp);
  g_assert_cmpfloat (vp.xmin, ==, 0);
  g_assert_cmpfloat (vp.xmax, ==, 20);
  g_assert_cmpfloat (vp.ymin, ==, -20);
  g_assert_cmpfloat (fabs (row - (vp.top + vp.height / 2)), <, 2);

  /* Empty or infinite bounds are refused. */
  tangent_figure_set_bounds (figure, 5, 5, -1, 1);
  tangent_figure_set_bounds (figure, 0, INFINITY, -1, 1);
  tangent_figure_set_bounds (figure, 0, 1, 2, 1);
  red_row_at (figure, 10, &vp);
  g_assert_cmpfloat (vp.xmin, ==, 0);
  g_assert_cmpfloat (vp.xmax, ==, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plot/figure/interactive", test_figure_interactive);

  return g_test_run ();
}
