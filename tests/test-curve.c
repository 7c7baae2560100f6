/* test-curve.c: adaptive samples drawn into an image surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pixel positions are worked out here from the viewport: on [−2, 2] ×
 * [−3, 3] at 401 × 301 px, x maps to (x + 2) · 100.25 and y to
 * (3 − y) · 50.17.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tangent-axes.h"
#include "tangent-curve.h"
#include "tangent-document.h"
#include "tangent-viewport.h"
#include "tangent-test-compile.h"

#define WIDTH  401
#define HEIGHT 301

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
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  f->cr = cairo_create (f->surface);
  f->vp = (TangentViewport) { -2, 2, -3, 3, 0, 0, WIDTH, HEIGHT };
  tangent_plot_style_init_light (&f->style);
  cairo_set_source_rgb (f->cr, f->style.background.red, f->style.background.green,
                        f->style.background.blue);
  cairo_paint (f->cr);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  cairo_destroy (f->cr);
  cairo_surface_destroy (f->surface);
}

static void
get_pixel (Fixture *f,
           int      x,
           int      y,
           int      rgb[3])
{
  const guint8 *pixels;
  guint32 pixel;

  cairo_surface_flush (f->surface);
  pixels = cairo_image_surface_get_data (f->surface);
  pixel = *(const guint32 *) (pixels + y * cairo_image_surface_get_stride (f->surface) + x * 4);
  rgb[0] = (pixel >> 16) & 0xff;
  rgb[1] = (pixel >> 8) & 0xff;
  rgb[2] = pixel & 0xff;
}

static gboolean
pixel_is (Fixture            *f,
          int                 x,
          int                 y,
          const TangentColor *want,
          int                 tolerance)
{
  int rgb[3];

  get_pixel (f, x, y, rgb);
  return abs (rgb[0] - (int) round (want->red * 255)) <= tolerance
         && abs (rgb[1] - (int) round (want->green * 255)) <= tolerance
         && abs (rgb[2] - (int) round (want->blue * 255)) <= tolerance;
}

/* Curve-coloured pixels in column x between rows top and bottom. */
static guint
count_in_column (Fixture            *f,
                 int                 x,
                 int                 top,
                 int                 bottom,
                 const TangentColor *color)
{
  guint n = 0;

  for (int y = top; y <= bottom; y++)
    n += pixel_is (f, x, y, color, 60);
  return n;
}

/* tan(x) has its pole at π/2, column 357.96: within ±3 columns of it
 * tan is beyond ±3 except within 0.03 of the pole, i.e. the curve leaves
 * the view vertically; nothing is drawn across the middle rows. The same
 * samples joined through their NaN (the connector a uniform sampler would
 * draw) do fill that column, so the check can fail. */
static void
test_curve_no_connector (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(TangentProgram) prog = tangent_test_compile ("tan(x)", FALSE);
  g_autoptr(TangentCurveSamples) samples = tangent_curve_sample (&f->vp, prog, NULL);
  const TangentColor *color = tangent_plot_style_get_curve_color (&f->style, 0);
  int pole = (int) round ((G_PI / 2 + 2) * WIDTH / 4);
  g_autofree double *x = NULL;
  g_autofree double *y = NULL;
  TangentCurveSamples joined = { 0 };

  g_assert_nonnull (samples);
  tangent_curve_draw_samples (f->cr, &f->vp, color, 2, samples);

  /* The curve is drawn: through the origin, (200, 150). */
  g_assert_true (pixel_is (f, 200, 150, color, 60));
  for (int c = pole - 1; c <= pole + 1; c++)
    g_assert_cmpuint (count_in_column (f, c, 20, HEIGHT - 20, color), ==, 0);

  /* The control: drop the NaN and draw again. */
  x = g_new (double, samples->n);
  y = g_new (double, samples->n);
  for (guint i = 0; i < samples->n; i++)
    {
      if (isnan (samples->y[i]))
        continue;
      x[joined.n] = samples->x[i];
      y[joined.n] = samples->y[i];
      joined.n++;
    }
  joined.x = x;
  joined.y = y;
  tangent_curve_draw_samples (f->cr, &f->vp, color, 2, &joined);
  g_assert_cmpuint (count_in_column (f, pole, 20, HEIGHT - 20, color), >, 100);
}

/* A span is filled at SPAN_ALPHA (0.35) of the curve colour over the
 * background; a NaN lifts the pen. */
static void
test_curve_span_and_break (Fixture       *f,
                           gconstpointer  data)
{
  const TangentColor *color = tangent_plot_style_get_curve_color (&f->style, 0);
  TangentSampleSpan span = { -0.5, 0.5, -1, 1 };
  double xs[] = { -2, -1, 0, 1, 2 };
  double ys[] = { 2, 2, NAN, 2, 2 };
  TangentCurveSamples samples = { 5, xs, ys, 1, &span, 0 };
  const TangentColor *bg = &f->style.background;
  TangentColor blend = {
    bg->red * 0.65 + color->red * 0.35,
    bg->green * 0.65 + color->green * 0.35,
    bg->blue * 0.65 + color->blue * 0.35,
    1,
  };

  tangent_curve_draw_samples (f->cr, &f->vp, color, 2, &samples);

  /* Inside the span: x = 0 (col 200), y = 0.5 (row 125). */
  g_assert_true (pixel_is (f, 200, 125, &blend, 3));
  /* Outside it, above and beside. */
  g_assert_true (pixel_is (f, 200, 80, bg, 2));
  g_assert_true (pixel_is (f, 300, 150, bg, 2));
  /* The line at y = 2 (row 50.2) is drawn on both sides, not across
   * x ∈ (−1, 1): columns 100 … 301 are its ends. */
  g_assert_true (pixel_is (f, 50, 50, color, 10));
  g_assert_true (pixel_is (f, 350, 50, color, 10));
  g_assert_true (pixel_is (f, 200, 50, bg, 2));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/plot/curve/no-connector", Fixture, NULL, fixture_setup, test_curve_no_connector,
              fixture_teardown);
  g_test_add ("/plot/curve/span-and-break", Fixture, NULL, fixture_setup,
              test_curve_span_and_break, fixture_teardown);

  return g_test_run ();
}
