/* test-axes.c: axes and curves drawn into an image surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "tangent-axes.h"
#include "tangent-curve.h"
#include "tangent-viewport.h"

#define SIZE 201

typedef struct
{
  cairo_surface_t *surface;
  cairo_t *cr;
  TangentViewport vp;
  TangentPlotStyle style;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  f->cr = cairo_create (f->surface);
  f->vp = (TangentViewport) { -1, 1, -1, 1, 0, 0, SIZE, SIZE };
  tangent_plot_style_init_light (&f->style);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  cairo_destroy (f->cr);
  cairo_surface_destroy (f->surface);
}

/* Reads pixel (x, y) as 8-bit RGB; the surface is opaque after the axes
 * painted the background, so premultiplication does not matter. */
static void
get_pixel (Fixture *f,
           int      x,
           int      y,
           guint    rgb[3])
{
  const guint8 *data;
  guint32 pixel;

  cairo_surface_flush (f->surface);
  data = cairo_image_surface_get_data (f->surface);
  pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (f->surface) + x * 4);
  rgb[0] = (pixel >> 16) & 0xff;
  rgb[1] = (pixel >> 8) & 0xff;
  rgb[2] = pixel & 0xff;
}

static void
assert_pixel_near (Fixture            *f,
                   int                 x,
                   int                 y,
                   const TangentColor *want)
{
  guint rgb[3];

  get_pixel (f, x, y, rgb);
  g_assert_cmpint (abs ((int) rgb[0] - (int) round (want->red * 255)), <=, 2);
  g_assert_cmpint (abs ((int) rgb[1] - (int) round (want->green * 255)), <=, 2);
  g_assert_cmpint (abs ((int) rgb[2] - (int) round (want->blue * 255)), <=, 2);
}

/* Viewport transforms: corners map to corners, and back. */
static void
test_viewport_transforms (void)
{
  TangentViewport vp = { -2, 6, -1, 3, 10, 20, 400, 200 };

  g_assert_true (tangent_viewport_is_valid (&vp));
  g_assert_cmpfloat (tangent_viewport_to_px (&vp, -2), ==, 10);
  g_assert_cmpfloat (tangent_viewport_to_px (&vp, 6), ==, 410);
  g_assert_cmpfloat (tangent_viewport_to_px (&vp, 0), ==, 110);
  g_assert_cmpfloat (tangent_viewport_to_py (&vp, 3), ==, 20);
  g_assert_cmpfloat (tangent_viewport_to_py (&vp, -1), ==, 220);
  g_assert_cmpfloat (tangent_viewport_from_px (&vp, 110), ==, 0);
  g_assert_cmpfloat (tangent_viewport_from_py (&vp, 120), ==, 1);

  vp.xmax = vp.xmin;
  g_assert_false (tangent_viewport_is_valid (&vp));
  vp = (TangentViewport) { -1, 1, -1, NAN, 0, 0, 10, 10 };
  g_assert_false (tangent_viewport_is_valid (&vp));
  vp = (TangentViewport) { -1.7e308, 1.7e308, -1, 1, 0, 0, 10, 10 };
  g_assert_false (tangent_viewport_is_valid (&vp));
}

/* On [-1, 1]² at 201 px the origin is the centre of pixel (100, 100): the
 * axes cover column 100 and row 100, and with ticks at -1, 0, 1 no grid
 * line passes through (150, 150) or (50, 50). */
static void
test_axes_pixels (Fixture       *f,
                  gconstpointer  data)
{
  tangent_axes_draw (f->cr, &f->vp, &f->style);

  assert_pixel_near (f, 150, 150, &f->style.background);
  assert_pixel_near (f, 50, 50, &f->style.background);
  assert_pixel_near (f, 100, 30, &f->style.foreground);
  assert_pixel_near (f, 100, 170, &f->style.foreground);
  assert_pixel_near (f, 30, 100, &f->style.foreground);
  assert_pixel_near (f, 170, 100, &f->style.foreground);
}

/* A view that does not contain the origin still shows its axes, along the
 * nearer edges. */
static void
test_axes_off_screen_origin (Fixture       *f,
                             gconstpointer  data)
{
  f->vp = (TangentViewport) { 10, 20, 10, 20, 0, 0, SIZE, SIZE };
  tangent_axes_draw (f->cr, &f->vp, &f->style);

  assert_pixel_near (f, 0, 60, &f->style.foreground);
  assert_pixel_near (f, 60, SIZE - 1, &f->style.foreground);
  assert_pixel_near (f, 150, 70, &f->style.background);
}

static double
half (double   x,
      gpointer user_data)
{
  return 0.5;
}

/* Not defined for x < 0, as sqrt. */
static double
half_on_right (double   x,
               gpointer user_data)
{
  return x < 0 ? NAN : 0.5;
}

/* y = 0.5 is the row at (1 - 0.5) / 2 * 201 = 50.25 px; a 2-unit line
 * covers row 50 fully. */
static void
test_curve_pixels (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(TangentSamples) samples = tangent_samples_new_uniform (&f->vp, half, NULL, 50);
  const TangentColor *color = tangent_plot_style_get_curve_color (&f->style, 0);

  g_assert_nonnull (samples);
  g_assert_cmpfloat (samples->x[0], ==, -1);
  g_assert_cmpfloat (samples->x[49], ==, 1);

  tangent_axes_draw (f->cr, &f->vp, &f->style);
  tangent_curve_draw (f->cr, &f->vp, color, 2, samples);

  assert_pixel_near (f, 150, 50, color);
  assert_pixel_near (f, 40, 50, color);
  assert_pixel_near (f, 150, 150, &f->style.background);
}

/* Outside the domain nothing is drawn, and no segment bridges the gap. */
static void
test_curve_gap (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TangentSamples) samples = tangent_samples_new_uniform (&f->vp, half_on_right, NULL, 41);
  const TangentColor *color = tangent_plot_style_get_curve_color (&f->style, 0);

  tangent_axes_draw (f->cr, &f->vp, &f->style);
  tangent_curve_draw (f->cr, &f->vp, color, 2, samples);

  assert_pixel_near (f, 40, 50, &f->style.background);
  assert_pixel_near (f, 150, 50, color);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plot/viewport/transforms", test_viewport_transforms);
  g_test_add ("/plot/axes/pixels", Fixture, NULL, fixture_setup, test_axes_pixels,
              fixture_teardown);
  g_test_add ("/plot/axes/off-screen-origin", Fixture, NULL, fixture_setup,
              test_axes_off_screen_origin, fixture_teardown);
  g_test_add ("/plot/curve/pixels", Fixture, NULL, fixture_setup, test_curve_pixels,
              fixture_teardown);
  g_test_add ("/plot/curve/gap", Fixture, NULL, fixture_setup, test_curve_gap, fixture_teardown);

  return g_test_run ();
}
