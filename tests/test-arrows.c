/* test-arrows.c: gradient arrow fields, their scale and legend, and
 * streamlines, against analytic geometry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With TANGENT_TEST_PNG_DIR set, the drawing tests also write their
 * pictures there (gaussian-arrows.png, gaussian-streamlines.png) to look
 * at.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tangent-arrows.h"
#include "tangent-axes.h"
#include "tangent-document.h"
#include "tangent-overlay-private.h"
#include "tangent-test-compile.h"
#include "tangent-test-plot.h"

static double
arrow_length (const TangentArrow *a)
{
  return hypot (a->x1 - a->x0, a->y1 - a->y0);
}

/* d × 10^k with d in {1, 2, 5}, checked digit by digit. */
static gboolean
is_nice (double v)
{
  double k = floor (log10 (v));

  for (int dk = -1; dk <= 1; dk++)
    {
      double p = pow (10, k + dk);

      if (fabs (v - p) <= 1e-12 * v || fabs (v - 2 * p) <= 1e-12 * v
          || fabs (v - 5 * p) <= 1e-12 * v)
        return TRUE;
    }
  return FALSE;
}

static void
test_nice_floor (void)
{
  static const struct { double v, want; } cases[] = {
    { 50, 50 }, { 49.9, 20 }, { 1, 1 }, { 0.99, 0.5 }, { 7, 5 }, { 2.5456, 2 },
    { 2.5e-7, 2e-7 }, { 1e-300, 1e-300 }, { 999, 500 }, { 1000, 1000 }, { 0.2, 0.2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpfloat_with_epsilon (tangent_nice_floor (cases[i].v), cases[i].want,
                                    1e-12 * cases[i].want);
  g_assert_cmpfloat (tangent_nice_floor (0), ==, 0);
  g_assert_cmpfloat (tangent_nice_floor (-3), ==, 0);
  g_assert_cmpfloat (tangent_nice_floor (INFINITY), ==, 0);
  g_assert_cmpfloat (tangent_nice_floor (NAN), ==, 0);
}

/* −∇f of x² + y² is −2(x, y): every arrow points at the origin, its length
 * is proportional to 2r, the longest (at the corner cells' centres, r =
 * 0.9√2 on a 10 × 10 grid over [−1, 1]²) spans about one cell, and the
 * legend's sample is 2 (the nice number below 2 · 0.9√2 ≈ 2.55) on the
 * same scale. */
static void
test_paraboloid_toward_origin (void)
{
  g_autoptr(TangentProgram) grad = tangent_test_compile ("x^2 + y^2", TRUE);
  TangentViewport vp = { -1, 1, -1, 1, 10, 20, 300, 300 };
  TangentArrowOptions options = { 10, TRUE, FALSE, FALSE };
  TangentArrowLegend legend;
  g_autoptr(GArray) arrows = tangent_arrows_layout (&vp, grad, NULL, &options, &legend);
  double ox = 10 + 150, oy = 20 + 150, cell = 30, per_unit = 0, longest = 0;
  double max_mag = 2 * 0.9 * sqrt (2);

  g_assert_cmpuint (arrows->len, ==, 100);
  g_assert_true (legend.negative);
  g_assert_false (legend.normalized);
  g_assert_cmpuint (legend.n_zero, ==, 0);
  g_assert_cmpuint (legend.n_undefined, ==, 0);
  g_assert_cmpfloat_with_epsilon (legend.max_magnitude, max_mag, 1e-12);

  for (guint i = 0; i < arrows->len; i++)
    {
      const TangentArrow *a = &g_array_index (arrows, TangentArrow, i);
      double cx = (a->x0 + a->x1) / 2, cy = (a->y0 + a->y1) / 2;
      double tx = ox - cx, ty = oy - cy;   /* toward the origin */
      double dx = a->x1 - a->x0, dy = a->y1 - a->y0;
      double r = hypot (cx - ox, cy - oy) / 150;   /* data units */
      double len = arrow_length (a);

      /* Centred on a cell centre. */
      g_assert_cmpfloat (fabs (fmod (cx - 10, cell) - cell / 2), <, 1e-9);
      g_assert_cmpfloat (fabs (fmod (cy - 20, cell) - cell / 2), <, 1e-9);
      /* Parallel to the way to the origin, and pointing there. */
      g_assert_cmpfloat (fabs (dx * ty - dy * tx), <, 1e-9 * len * hypot (tx, ty));
      g_assert_cmpfloat (dx * tx + dy * ty, >, 0);
      /* |∇f| = 2r, as the layout reports. */
      g_assert_cmpfloat_with_epsilon (a->magnitude, 2 * r, 1e-12);
      /* The head is never longer than the shaft behind it. */
      g_assert_cmpfloat (a->head, >, 0);
      g_assert_cmpfloat (a->head, <=, len - a->head + 1e-9);

      if (a->kind == TANGENT_ARROW_SCALED)
        {
          /* One length per unit of |∇f| for every arrow. */
          if (per_unit == 0)
            per_unit = len / (2 * r);
          g_assert_cmpfloat_with_epsilon (len / (2 * r), per_unit, 1e-9 * per_unit);
        }
      longest = MAX (longest, len);
    }

  g_assert_cmpfloat (per_unit, >, 0);
  g_assert_cmpfloat (longest, >=, 0.8 * cell);
  g_assert_cmpfloat (longest, <=, cell);
  g_assert_cmpfloat_with_epsilon (longest, per_unit * max_mag, 1e-9);

  g_assert_true (is_nice (legend.magnitude));
  g_assert_cmpfloat_with_epsilon (legend.magnitude, 2, 1e-12);
  g_assert_cmpfloat_with_epsilon (legend.length_px, per_unit * legend.magnitude, 1e-9);
}

/* Unequal aspect: x over [−4, 4] and y over [−1, 1] on a square. The
 * lengths stay proportional to |∇f| whatever the direction, and each arrow
 * points where a step along −∇f goes in the picture: for f = x² + y² at
 * (x, y) that is toward (0, 0) in data, so on the device along
 * −(x · sx, −y · sy). */
static void
test_unequal_aspect (void)
{
  g_autoptr(TangentProgram) grad = tangent_test_compile ("x^2 + y^2", TRUE);
  TangentViewport vp = { -4, 4, -1, 1, 0, 0, 400, 400 };
  TangentArrowOptions options = { 8, TRUE, FALSE, FALSE };
  g_autoptr(GArray) arrows = tangent_arrows_layout (&vp, grad, NULL, &options, NULL);
  double sx = 50, sy = 200, per_unit = 0;

  g_assert_cmpuint (arrows->len, ==, 64);
  for (guint i = 0; i < arrows->len; i++)
    {
      const TangentArrow *a = &g_array_index (arrows, TangentArrow, i);
      double x = ((a->x0 + a->x1) / 2) / sx - 4;
      double y = 1 - ((a->y0 + a->y1) / 2) / sy;
      double wx = -x * sx, wy = y * sy;   /* device direction of −(x, y) */
      double dx = a->x1 - a->x0, dy = a->y1 - a->y0;
      double len = arrow_length (a);

      g_assert_cmpfloat (fabs (dx * wy - dy * wx), <, 1e-9 * len * hypot (wx, wy));
      g_assert_cmpfloat (dx * wx + dy * wy, >, 0);
      if (a->kind == TANGENT_ARROW_SCALED)
        {
          if (per_unit == 0)
            per_unit = len / (2 * hypot (x, y));
          g_assert_cmpfloat_with_epsilon (len / (2 * hypot (x, y)), per_unit, 1e-9 * per_unit);
        }
    }
}

/* On a 21 × 21 grid the middle cell's centre is the origin, where ∇f = 0:
 * a dot. Arrows that would be shorter than the minimum at scale are drawn
 * at the minimum length and flagged; exactly those have |∇f| below the
 * legend's threshold. */
static void
test_short_and_zero (void)
{
  g_autoptr(TangentProgram) grad = tangent_test_compile ("x^2 + y^2", TRUE);
  TangentViewport vp = { -1, 1, -1, 1, 0, 0, 420, 420 };
  TangentArrowOptions options = { 21, FALSE, FALSE, FALSE };
  TangentArrowLegend legend;
  g_autoptr(GArray) arrows = tangent_arrows_layout (&vp, grad, NULL, &options, &legend);
  guint n_zero = 0, n_long = 0, n_short = 0;

  g_assert_cmpuint (arrows->len, ==, 441);
  g_assert_cmpfloat (legend.min_length_px, >, 0);
  for (guint i = 0; i < arrows->len; i++)
    {
      const TangentArrow *a = &g_array_index (arrows, TangentArrow, i);

      switch (a->kind)
        {
        case TANGENT_ARROW_ZERO:
          n_zero++;
          g_assert_cmpfloat (fabs (a->x0 - 210), <, 1e-9);
          g_assert_cmpfloat (fabs (a->y0 - 210), <, 1e-9);
          g_assert_cmpfloat (a->magnitude, ==, 0);
          break;
        case TANGENT_ARROW_LENGTHENED:
          n_short++;
          g_assert_cmpfloat_with_epsilon (arrow_length (a), legend.min_length_px, 1e-9);
          g_assert_cmpfloat (a->magnitude, <, legend.lengthened_below);
          break;
        case TANGENT_ARROW_SCALED:
        default:
          n_long++;
          g_assert_cmpfloat (a->magnitude, >=, legend.lengthened_below);
          g_assert_cmpfloat (arrow_length (a), >=, legend.min_length_px - 1e-9);
          break;
        }
    }
  g_assert_cmpuint (n_zero, ==, 1);
  g_assert_cmpuint (legend.n_zero, ==, 1);
  g_assert_cmpuint (n_short, ==, legend.n_lengthened);
  g_assert_cmpuint (n_short, >, 0);
  g_assert_cmpuint (n_long, >, 0);
}

/* Normalized: one length for every arrow with a direction. */
static void
test_normalized (void)
{
  g_autoptr(TangentProgram) grad = tangent_test_compile ("exp(-(x^2 + y^2))", TRUE);
  TangentViewport vp = { -2, 2, -2, 2, 0, 0, 400, 400 };
  TangentArrowOptions options = { 12, FALSE, TRUE, FALSE };
  TangentArrowLegend legend;
  g_autoptr(GArray) arrows = tangent_arrows_layout (&vp, grad, NULL, &options, &legend);

  g_assert_true (legend.normalized);
  g_assert_cmpuint (arrows->len, ==, 144);
  g_assert_cmpfloat (legend.length_px, >, 0);
  g_assert_cmpfloat (legend.length_px, <=, 400.0 / 12);
  g_assert_cmpfloat (legend.min_magnitude, <, legend.max_magnitude);
  for (guint i = 0; i < arrows->len; i++)
    {
      const TangentArrow *a = &g_array_index (arrows, TangentArrow, i);

      g_assert_cmpint (a->kind, ==, TANGENT_ARROW_SCALED);
      g_assert_cmpfloat_with_epsilon (arrow_length (a), legend.length_px, 1e-9);
    }
}

/* log(x) is undefined for x < 0: no arrows in the left half, and the
 * legend counts them. */
static void
test_undefined (void)
{
  g_autoptr(TangentProgram) grad = tangent_test_compile ("log(x) + y", TRUE);
  TangentViewport vp = { -1, 1, -1, 1, 0, 0, 200, 200 };
  TangentArrowOptions options = { 10, FALSE, FALSE, FALSE };
  TangentArrowLegend legend;
  g_autoptr(GArray) arrows = tangent_arrows_layout (&vp, grad, NULL, &options, &legend);

  g_assert_cmpuint (arrows->len, ==, 50);
  g_assert_cmpuint (legend.n_undefined, ==, 50);
  for (guint i = 0; i < arrows->len; i++)
    g_assert_cmpfloat ((g_array_index (arrows, TangentArrow, i).x0
                        + g_array_index (arrows, TangentArrow, i).x1) / 2, >, 100);
}

/* The head: a triangle with its tip at (x1, y1), its base `size` behind. */
static void
test_arrow_head (void)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  cairo_path_t *path;
  double pts[3][2];
  guint n = 0;

  tangent_arrow_head (cr, 0, 0, 30, 40, 10);   /* direction (0.6, 0.8) */
  path = cairo_copy_path (cr);
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    if (path->data[i].header.type == CAIRO_PATH_MOVE_TO
        || path->data[i].header.type == CAIRO_PATH_LINE_TO)
      {
        if (n < 3)
          {
            pts[n][0] = path->data[i + 1].point.x;
            pts[n][1] = path->data[i + 1].point.y;
          }
        n++;
      }
  /* move, two lines, and the move cairo adds after close_path */
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpfloat (fabs (pts[0][0] - 30), <, 1e-3);
  g_assert_cmpfloat (fabs (pts[0][1] - 40), <, 1e-3);
  /* The base's midpoint is 10 back along the direction: (24, 32). */
  g_assert_cmpfloat (fabs ((pts[1][0] + pts[2][0]) / 2 - 24), <, 1e-2);
  g_assert_cmpfloat (fabs ((pts[1][1] + pts[2][1]) / 2 - 32), <, 1e-2);
  /* The base is perpendicular to the direction. */
  g_assert_cmpfloat (fabs ((pts[1][0] - pts[2][0]) * 0.6 + (pts[1][1] - pts[2][1]) * 0.8), <,
                     1e-2);

  cairo_path_destroy (path);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Streamlines of −∇(x² + y²) run straight toward the origin: along each
 * line the distance to the origin never grows, and each stays inside the
 * view. */
static void
test_streamlines (void)
{
  g_autoptr(TangentProgram) grad = tangent_test_compile ("x^2 + y^2", TRUE);
  TangentViewport vp = { -1, 1, -1, 1, 0, 0, 200, 200 };
  TangentArrowOptions options = { 8, TRUE, FALSE, TRUE };
  g_autoptr(GPtrArray) lines = tangent_streamlines_layout (&vp, grad, NULL, &options);
  guint total = 0;

  g_assert_cmpuint (lines->len, >, 4);
  for (guint l = 0; l < lines->len; l++)
    {
      const GArray *line = g_ptr_array_index (lines, l);
      const double *p = (const double *) line->data;
      double prev = INFINITY;

      g_assert_cmpuint (line->len % 2, ==, 0);
      for (guint i = 0; i < line->len; i += 2)
        {
          double r = hypot (p[i] - 100, p[i + 1] - 100);

          g_assert_cmpfloat (p[i], >=, 0);
          g_assert_cmpfloat (p[i], <=, 200);
          g_assert_cmpfloat (p[i + 1], >=, 0);
          g_assert_cmpfloat (p[i + 1], <=, 200);
          g_assert_cmpfloat (r, <=, prev + 1e-6);
          prev = r;
        }
      total += line->len / 2;
    }
  g_test_message ("%u streamlines, %u points", lines->len, total);
}

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

/* The Gaussian bump's field, drawn with axes and legend: ink where arrows
 * are, none outside the viewport, and the legend box drawn. */
static void
test_draw_gaussian (gconstpointer data)
{
  gboolean streamlines = GPOINTER_TO_INT (data);
  g_autoptr(TangentProgram) grad = tangent_test_compile ("exp(-(x^2 + y^2))", TRUE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 560);
  cairo_t *cr = cairo_create (surface);
  TangentViewport vp = { -2, 2, -2, 2, 60, 20, 520, 520 };
  TangentArrowOptions options = { 20, FALSE, FALSE, streamlines };
  TangentArrowLegend legend;
  TangentPlotStyle style;
  double lw, lh;

  tangent_plot_style_init_light (&style);
  cairo_set_source_rgb (cr, style.background.red, style.background.green, style.background.blue);
  cairo_paint (cr);
  tangent_axes_draw (cr, &vp, &style);
  tangent_arrows_draw (cr, &vp, grad, NULL, &options, &style, &legend);
  g_assert_cmpfloat (legend.magnitude, >, 0);
  g_assert_true (is_nice (legend.magnitude));
  /* max |∇f| of exp(−r²) is √2 e^(−1/2) ≈ 0.858 at r = 1/√2, so the
   * nice number below it is 0.5. */
  g_assert_cmpfloat_with_epsilon (legend.magnitude, 0.5, 1e-12);
  g_assert_cmpfloat (legend.max_magnitude, <=, sqrt (2) * exp (-0.5));
  g_assert_cmpfloat (legend.max_magnitude, >, 0.95 * sqrt (2) * exp (-0.5));

  tangent_arrows_legend_get_size (cr, &legend, &style, &lw, &lh);
  g_assert_cmpfloat (lw, >, legend.length_px);
  g_assert_cmpfloat (lh, >, 0);
  tangent_arrows_draw_legend (cr, 572, 28, &legend, &style);

  /* Nothing left of the viewport (the axes' labels are inside it). */
  g_assert_cmpuint (tangent_test_count_ink (surface, 0, 0, 59, 560, &style.background), ==, 0);
  /* Arrows in the ring where the bump is steep. */
  g_assert_cmpuint (tangent_test_count_ink (surface, 60 + 130, 20 + 130, 60, 60, &style.background),
                    >, 50);
  /* The legend box. */
  g_assert_cmpuint (tangent_test_count_ink (surface, (int) (572 - lw + 2), 30, (int) lw - 4,
                                            (int) lh - 4, &style.background), >, 100);

  maybe_write_png (surface, streamlines ? "gaussian-streamlines.png" : "gaussian-arrows.png");
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The boxes arrows keep clear of: a 10 × 4 box at the origin, upright
 * and turned a quarter, against vertical segments at x = 3 and x = 6. */
static void
test_box_meets_segment (void)
{
  TangentBox flat = { 0, 0, 10, 4, 0 };
  TangentBox turned = { 0, 0, 10, 4, G_PI / 2 };

  g_assert_true (tangent_box_meets_segment (&flat, 0, 3, -10, 3, 10));
  g_assert_false (tangent_box_meets_segment (&flat, 0, 6, -10, 6, 10));
  g_assert_true (tangent_box_meets_segment (&flat, 1.5, 6, -10, 6, 10));
  /* turned, it spans x in [-2, 2] */
  g_assert_false (tangent_box_meets_segment (&turned, 0, 3, -10, 3, 10));
  g_assert_true (tangent_box_meets_segment (&turned, 1.5, 3, -10, 3, 10));
  /* a segment that ends before the box, and one inside it */
  g_assert_false (tangent_box_meets_segment (&flat, 0, -20, 0, -6, 0));
  g_assert_true (tangent_box_meets_segment (&flat, 0, -1, 0, 1, 0.5));
}

/* Arrows give way to boxes: a box over the centre of the field removes
 * the arrows that cross it and no others. */
static void
test_avoid (void)
{
  TangentViewport vp = { -1, 1, -1, 1, 0, 0, 400, 400 };
  g_autoptr(TangentProgram) grad = NULL;
  g_autoptr(GArray) all = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 400);
  cairo_t *cr = cairo_create (surface);
  TangentPlotStyle style;
  TangentBox box = { 220, 220, 60, 20, 0 };   /* over the arrow at (220, 220) */
  TangentArrowOptions options = { 10, TRUE, TRUE, FALSE, &box, 1 };
  TangentArrowLegend legend;
  guint crossing = 0;

  grad = tangent_test_compile ("x^2 + y^2", TRUE);
  tangent_plot_style_init_light (&style);
  all = tangent_arrows_layout (&vp, grad, NULL, &options, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      const TangentArrow *a = &g_array_index (all, TangentArrow, i);

      crossing += tangent_box_meets_segment (&box, a->head + 1, a->x0, a->y0, a->x1, a->y1);
    }
  g_assert_cmpuint (crossing, >, 0);
  g_assert_cmpuint (crossing, <, all->len);

  /* Paint the box's inside white, draw, and find no arrow ink there. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tangent_arrows_draw (cr, &vp, grad, NULL, &options, &style, &legend);
  cairo_surface_flush (surface);
  {
    const guint8 *data = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);
    guint inked = 0;

    for (int y = 211; y < 229; y++)
      for (int x = 191; x < 249; x++)
        inked += ((const guint32 *) (data + y * stride))[x] != 0xffffffff;
    g_assert_cmpuint (inked, ==, 0);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plot/arrows/nice-floor", test_nice_floor);
  g_test_add_func ("/plot/arrows/paraboloid-toward-origin", test_paraboloid_toward_origin);
  g_test_add_func ("/plot/arrows/unequal-aspect", test_unequal_aspect);
  g_test_add_func ("/plot/arrows/short-and-zero", test_short_and_zero);
  g_test_add_func ("/plot/arrows/normalized", test_normalized);
  g_test_add_func ("/plot/arrows/undefined", test_undefined);
  g_test_add_func ("/plot/arrows/head", test_arrow_head);
  g_test_add_func ("/plot/arrows/streamlines", test_streamlines);
  g_test_add_func ("/plot/arrows/box", test_box_meets_segment);
  g_test_add_func ("/plot/arrows/avoid", test_avoid);
  g_test_add_data_func ("/plot/arrows/draw-gaussian", GINT_TO_POINTER (FALSE), test_draw_gaussian);
  g_test_add_data_func ("/plot/arrows/draw-gaussian-streamlines", GINT_TO_POINTER (TRUE),
                        test_draw_gaussian);

  return g_test_run ();
}
