/* test-contour-draw.c: colour maps, label placement on the Himmelblau
 * figure, and the image-surface paths against cairo's own rendering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tangent-colormap.h"
#include "tangent-contour-draw.h"
#include "tangent-grid.h"

#define N      400
#define WIDTH  1200
#define HEIGHT 900

static const double himmelblau_levels[] = {
  1, 5, 10, 20, 35, 50, 75, 100, 125, 150, 200, 250, 300, 350, 400, 450, 500, 600, 700, 800,
};
#define N_LEVELS G_N_ELEMENTS (himmelblau_levels)

static double
himmelblau (double x,
            double y)
{
  return (x * x + y - 11) * (x * x + y - 11) + (x + y * y - 7) * (x + y * y - 7);
}

static double *
himmelblau_field (TangentField *field)
{
  double *z = g_new (double, N * N);

  for (guint j = 0; j < N; j++)
    for (guint i = 0; i < N; i++)
      z[j * N + i] = himmelblau (tangent_grid_coordinate (-5, 5, N, i),
                                 tangent_grid_coordinate (-5, 5, N, j));
  *field = (TangentField) { z, N, N, -5, 5, -5, 5 };
  return z;
}

static const TangentViewport figure_vp = { -5, 5, -5, 5, 80, 60, 900, 780 };

/* --- Colour maps ------------------------------------------------------ */

static void
assert_rgb (TangentColormap map,
            double          t,
            guint           r,
            guint           g,
            guint           b,
            double          tolerance)
{
  TangentColor c;

  tangent_colormap_eval (map, t, &c);
  g_assert_cmpfloat_with_epsilon (c.red * 255, r, tolerance);
  g_assert_cmpfloat_with_epsilon (c.green * 255, g, tolerance);
  g_assert_cmpfloat_with_epsilon (c.blue * 255, b, tolerance);
  g_assert_cmpfloat (c.alpha, ==, 1);
}

/* Published values: the ends of each map as matplotlib lists them
 * (viridis #440154 … #fde725, magma #000004 … #fcfdbf, cividis #00224e
 * … #fee838), viridis at its quartiles as commonly quoted (#3b528b,
 * #21918c, #5ec962), magma at 0.5 (#b5367a), and Moreland's cool-warm
 * table (59 76 192, 221 221 221 at the centre, 180 4 38). */
static void
test_colormap_published (void)
{
  assert_rgb (TANGENT_COLORMAP_VIRIDIS, 0, 0x44, 0x01, 0x54, 0.5);
  assert_rgb (TANGENT_COLORMAP_VIRIDIS, 1, 0xfd, 0xe7, 0x25, 0.5);
  assert_rgb (TANGENT_COLORMAP_VIRIDIS, 0.25, 0x3b, 0x52, 0x8b, 1.5);
  assert_rgb (TANGENT_COLORMAP_VIRIDIS, 0.5, 0x21, 0x91, 0x8c, 1.5);
  assert_rgb (TANGENT_COLORMAP_VIRIDIS, 0.75, 0x5e, 0xc9, 0x62, 1.5);
  assert_rgb (TANGENT_COLORMAP_MAGMA, 0, 0x00, 0x00, 0x04, 0.5);
  assert_rgb (TANGENT_COLORMAP_MAGMA, 1, 0xfc, 0xfd, 0xbf, 0.5);
  assert_rgb (TANGENT_COLORMAP_MAGMA, 0.5, 0xb5, 0x36, 0x7a, 1.5);
  assert_rgb (TANGENT_COLORMAP_CIVIDIS, 0, 0x00, 0x22, 0x4e, 0.5);
  assert_rgb (TANGENT_COLORMAP_CIVIDIS, 1, 0xfe, 0xe8, 0x38, 0.5);
  assert_rgb (TANGENT_COLORMAP_DIVERGING, 0, 59, 76, 192, 0.5);
  assert_rgb (TANGENT_COLORMAP_DIVERGING, 0.5, 221, 221, 221, 0.5);
  assert_rgb (TANGENT_COLORMAP_DIVERGING, 1, 180, 4, 38, 0.5);

  /* Clamped outside [0, 1]; NaN is the low end. */
  assert_rgb (TANGENT_COLORMAP_VIRIDIS, -3, 0x44, 0x01, 0x54, 0.5);
  assert_rgb (TANGENT_COLORMAP_VIRIDIS, 7, 0xfd, 0xe7, 0x25, 0.5);
  assert_rgb (TANGENT_COLORMAP_VIRIDIS, NAN, 0x44, 0x01, 0x54, 0.5);
}

static void
test_colormap_names (void)
{
  static const char *const names[] = { "viridis", "cividis", "magma", "diverging" };
  TangentColormap map;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (tangent_colormap_from_name (names[i], &map));
      g_assert_cmpstr (tangent_colormap_to_name (map), ==, names[i]);
    }
  g_assert_false (tangent_colormap_from_name ("jet", &map));
  g_assert_false (tangent_colormap_from_name ("", &map));
  g_assert_false (tangent_colormap_from_name (NULL, &map));
}

/* CIE L* of pure colours, by hand: white 100, black 0, sRGB mid grey
 * (0.5) about 53.39. */
static void
test_colormap_lightness (void)
{
  TangentColor white = { 1, 1, 1, 1 }, black = { 0, 0, 0, 1 }, grey = { 0.5, 0.5, 0.5, 1 };

  g_assert_cmpfloat_with_epsilon (tangent_color_get_lightness (&white), 100, 1e-6);
  g_assert_cmpfloat_with_epsilon (tangent_color_get_lightness (&black), 0, 1e-6);
  g_assert_cmpfloat_with_epsilon (tangent_color_get_lightness (&grey), 53.389, 0.01);
}

/* The sequential maps' bands get lighter with every level, by a visible
 * step; the diverging map's get lighter towards zero and darker beyond,
 * with equal magnitudes equally light. */
static void
test_colormap_bands (void)
{
  static const TangentColormap sequential[] = {
    TANGENT_COLORMAP_VIRIDIS, TANGENT_COLORMAP_CIVIDIS, TANGENT_COLORMAP_MAGMA,
  };
  static const double signed_levels[] = { -3, -2, -1, 0, 1, 2, 3 };

  for (guint m = 0; m < G_N_ELEMENTS (sequential); m++)
    {
      double last = -1;

      for (guint k = 0; k <= N_LEVELS; k++)
        {
          TangentColor c;
          double l;

          tangent_colormap_band (sequential[m], k, N_LEVELS, &c);
          l = tangent_color_get_lightness (&c);
          if (k > 0)
            g_assert_cmpfloat (l, >, last + 1.5);
          last = l;
        }
    }

  for (guint k = 0; k <= 7; k++)
    {
      TangentColor c, mirror;
      double l, lm;

      tangent_colormap_level_band (TANGENT_COLORMAP_DIVERGING, signed_levels, 7, k, &c);
      tangent_colormap_level_band (TANGENT_COLORMAP_DIVERGING, signed_levels, 7, 7 - k, &mirror);
      l = tangent_color_get_lightness (&c);
      lm = tangent_color_get_lightness (&mirror);
      /* Bands 3 and 4 straddle zero: the lightest two. */
      if (k < 3)
        {
          TangentColor next;

          tangent_colormap_level_band (TANGENT_COLORMAP_DIVERGING, signed_levels, 7, k + 1, &next);
          g_assert_cmpfloat (tangent_color_get_lightness (&next), >, l);
        }
      g_assert_cmpfloat_with_epsilon (l, lm, 3);
      /* Blue below zero, red above. */
      if (k < 3)
        g_assert_cmpfloat (c.blue, >, c.red);
      if (k > 4)
        g_assert_cmpfloat (c.red, >, c.blue);
    }
}

/* --- Labels ----------------------------------------------------------- */

typedef struct
{
  double x[4], y[4];
} Quad;

static Quad
label_quad (const TangentContourLabel *label)
{
  double c = cos (label->angle), s = sin (label->angle);
  double hw = label->width / 2, hh = label->height / 2;
  Quad q;

  q.x[0] = label->cx - hw * c + hh * s;
  q.y[0] = label->cy - hw * s - hh * c;
  q.x[1] = label->cx + hw * c + hh * s;
  q.y[1] = label->cy + hw * s - hh * c;
  q.x[2] = label->cx + hw * c - hh * s;
  q.y[2] = label->cy + hw * s + hh * c;
  q.x[3] = label->cx - hw * c - hh * s;
  q.y[3] = label->cy - hw * s + hh * c;
  return q;
}

static double
orient (double ax, double ay, double bx, double by, double cx, double cy)
{
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

static gboolean
segments_cross (double ax, double ay, double bx, double by,
                double cx, double cy, double dx, double dy)
{
  double o1 = orient (ax, ay, bx, by, cx, cy), o2 = orient (ax, ay, bx, by, dx, dy);
  double o3 = orient (cx, cy, dx, dy, ax, ay), o4 = orient (cx, cy, dx, dy, bx, by);

  return o1 * o2 <= 0 && o3 * o4 <= 0;
}

static gboolean
point_in_quad (const Quad *q,
               double      x,
               double      y)
{
  gboolean pos = FALSE, neg = FALSE;

  for (int e = 0; e < 4; e++)
    {
      double o = orient (q->x[e], q->y[e], q->x[(e + 1) % 4], q->y[(e + 1) % 4], x, y);

      pos |= o > 0;
      neg |= o < 0;
    }
  return !(pos && neg);
}

/* Two convex quadrilaterals meet when edges cross or one holds a corner
 * of the other (a different method from the placer's separating axes). */
static gboolean
quads_meet (const Quad *a,
            const Quad *b)
{
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 4; j++)
      if (segments_cross (a->x[i], a->y[i], a->x[(i + 1) % 4], a->y[(i + 1) % 4],
                          b->x[j], b->y[j], b->x[(j + 1) % 4], b->y[(j + 1) % 4]))
        return TRUE;
  return point_in_quad (a, b->x[0], b->y[0]) || point_in_quad (b, a->x[0], a->y[0]);
}

static GArray *
place_himmelblau (cairo_t          *cr,
                  TangentPlotStyle *style)
{
  TangentContour *contours[N_LEVELS];
  TangentField field;
  g_autofree double *z = himmelblau_field (&field);
  GArray *labels;

  tangent_contour_trace_levels (&field, himmelblau_levels, N_LEVELS, contours);
  labels = tangent_contour_place_labels (cr, &figure_vp, contours, himmelblau_levels, N_LEVELS,
                                         style);
  for (guint k = 0; k < N_LEVELS; k++)
    tangent_contour_free (contours[k]);
  return labels;
}

static void
test_labels_himmelblau (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  TangentPlotStyle style;
  GArray *labels, *again;
  guint labelled = 0;

  tangent_plot_style_init_light (&style);
  labels = place_himmelblau (cr, &style);

  /* Most levels get a label; none more than a few. */
  for (guint k = 0; k < N_LEVELS; k++)
    {
      guint count = 0;

      for (guint i = 0; i < labels->len; i++)
        count += g_array_index (labels, TangentContourLabel, i).level == himmelblau_levels[k];
      g_assert_cmpuint (count, <=, 4);
      labelled += count > 0;
    }
  g_assert_cmpuint (labelled, >=, 16);

  for (guint i = 0; i < labels->len; i++)
    {
      const TangentContourLabel *a = &g_array_index (labels, TangentContourLabel, i);
      Quad qa = label_quad (a);
      double x = tangent_viewport_from_px (&figure_vp, a->cx);
      double y = tangent_viewport_from_py (&figure_vp, a->cy);
      double gx = 4 * x * (x * x + y - 11) + 2 * (x + y * y - 7);
      double gy = 2 * (x * x + y - 11) + 4 * y * (x + y * y - 7);
      double unit = 10.0 / 780;   /* data per device unit, the larger */
      char want[32];

      /* Upright, with a size. */
      g_assert_cmpfloat (a->angle, >, -G_PI / 2);
      g_assert_cmpfloat (a->angle, <=, G_PI / 2);
      g_assert_cmpfloat (a->width, >, 0);
      g_assert_cmpfloat (a->height, >, 0);

      /* Inside the viewport, corners and all. */
      for (int c = 0; c < 4; c++)
        {
          g_assert_cmpfloat (qa.x[c], >=, figure_vp.left);
          g_assert_cmpfloat (qa.x[c], <=, figure_vp.left + figure_vp.width);
          g_assert_cmpfloat (qa.y[c], >=, figure_vp.top);
          g_assert_cmpfloat (qa.y[c], <=, figure_vp.top + figure_vp.height);
        }

      /* On its own level line: f at the centre is the level, to within
       * a device unit's worth of slope. */
      g_assert_cmpfloat (fabs (himmelblau (x, y) - a->level), <=,
                         hypot (gx, gy) * unit + 0.02 * a->level);

      /* The text is the level as written. */
      g_snprintf (want, sizeof want, "%g", a->level);
      g_assert_cmpstr (a->text, ==, want);

      for (guint j = i + 1; j < labels->len; j++)
        {
          Quad qb = label_quad (&g_array_index (labels, TangentContourLabel, j));

          g_assert_false (quads_meet (&qa, &qb));
        }
    }

  /* The same input, the same labels. */
  again = place_himmelblau (cr, &style);
  g_assert_cmpuint (again->len, ==, labels->len);
  for (guint i = 0; i < labels->len; i++)
    {
      const TangentContourLabel *a = &g_array_index (labels, TangentContourLabel, i);
      const TangentContourLabel *b = &g_array_index (again, TangentContourLabel, i);

      g_assert_cmpfloat (a->cx, ==, b->cx);
      g_assert_cmpfloat (a->cy, ==, b->cy);
      g_assert_cmpfloat (a->angle, ==, b->angle);
    }

  tangent_contour_labels_free (labels);
  tangent_contour_labels_free (again);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Far too little room: no label rather than one that sticks out. */
static void
test_labels_no_room (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 40);
  cairo_t *cr = cairo_create (surface);
  TangentViewport vp = { -5, 5, -5, 5, 0, 0, 12, 12 };
  TangentContour *contours[N_LEVELS];
  TangentField field;
  g_autofree double *z = himmelblau_field (&field);
  TangentPlotStyle style;
  GArray *labels;

  tangent_plot_style_init_light (&style);
  tangent_contour_trace_levels (&field, himmelblau_levels, N_LEVELS, contours);
  labels = tangent_contour_place_labels (cr, &vp, contours, himmelblau_levels, N_LEVELS, &style);
  g_assert_cmpuint (labels->len, ==, 0);
  tangent_contour_labels_free (labels);
  for (guint k = 0; k < N_LEVELS; k++)
    tangent_contour_free (contours[k]);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* --- Image path against vector path ----------------------------------- */

/* Draws the map onto an image surface directly (the raster path) and
 * through a recording surface replayed onto another (cairo's vector
 * path), and counts the pixels whose channels differ by more than
 * @tolerance. */
static void
compare_paths (const TangentContourOptions *options,
               gboolean                     hole,
               int                          tolerance,
               double                       max_fraction,
               double                      *mean_diff)
{
  cairo_surface_t *direct = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_surface_t *replayed = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_rectangle_t extents = { 0, 0, WIDTH, HEIGHT };
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  TangentField field;
  g_autofree double *z = himmelblau_field (&field);
  TangentPlotStyle style;
  cairo_t *cr;
  const guint8 *a, *b;

  /* Undefined in a disk and along a thin strip that cuts lines open
   * away from the border. */
  for (guint j = 0; hole && j < N; j++)
    for (guint i = 0; i < N; i++)
      {
        double x = tangent_grid_coordinate (-5, 5, N, i), y = tangent_grid_coordinate (-5, 5, N, j);

        if ((x - 1) * (x - 1) + y * y < 1 || (fabs (y + 2) < 0.05 && x < 0))
          z[j * N + i] = NAN;
      }
  int stride;
  guint64 bad = 0, total = 0;
  double sum = 0;

  tangent_plot_style_init_light (&style);

  cr = cairo_create (direct);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tangent_contour_draw (cr, &figure_vp, &field, options, &style);
  cairo_destroy (cr);

  cr = cairo_create (recording);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tangent_contour_draw (cr, &figure_vp, &field, options, &style);
  cairo_destroy (cr);
  cr = cairo_create (replayed);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);

  cairo_surface_flush (direct);
  cairo_surface_flush (replayed);
  a = cairo_image_surface_get_data (direct);
  b = cairo_image_surface_get_data (replayed);
  stride = cairo_image_surface_get_stride (direct);
  for (int y = (int) figure_vp.top; y < (int) (figure_vp.top + figure_vp.height); y++)
    for (int x = (int) figure_vp.left; x < (int) (figure_vp.left + figure_vp.width); x++)
      {
        int worst = 0;

        for (int c = 0; c < 4; c++)
          {
            int d = abs ((int) a[y * stride + 4 * x + c] - (int) b[y * stride + 4 * x + c]);

            worst = MAX (worst, d);
            sum += d;
          }
        bad += worst > tolerance;
        total++;
      }

  *mean_diff = sum / (4.0 * total);
  g_test_message ("mean difference %.3f, %.4f%% beyond %d", *mean_diff, 100.0 * bad / total, tolerance);
  g_assert_cmpfloat ((double) bad / total, <=, max_fraction);

  cairo_surface_destroy (direct);
  cairo_surface_destroy (replayed);
  cairo_surface_destroy (recording);
}

/* The per-pixel bands agree with cairo filling the polygons of
 * tangent_contour_region_above(): the same colours everywhere, up to
 * antialiasing along the boundaries. */
static void
test_draw_bands_match_vector (void)
{
  TangentContourOptions options = {
    himmelblau_levels, N_LEVELS, TANGENT_COLORMAP_VIRIDIS, TRUE, FALSE, FALSE,
  };
  double mean;

  compare_paths (&options, FALSE, 12, 0.001, &mean);
  g_assert_cmpfloat (mean, <, 0.5);
  /* Where f is undefined, cells are left out (the raster path by pixel
   * centre, cairo with antialiasing: more differences along the hole). */
  compare_paths (&options, TRUE, 12, 0.003, &mean);
  g_assert_cmpfloat (mean, <, 1);
}

/* The raster lines agree with cairo's strokes of the same polylines. */
static void
test_draw_lines_match_vector (void)
{
  TangentContourOptions options = {
    himmelblau_levels, N_LEVELS, TANGENT_COLORMAP_VIRIDIS, TRUE, TRUE, FALSE,
  };
  double mean;

  compare_paths (&options, FALSE, 32, 0.005, &mean);
  g_assert_cmpfloat (mean, <, 1.5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plot/colormap/published", test_colormap_published);
  g_test_add_func ("/plot/colormap/names", test_colormap_names);
  g_test_add_func ("/plot/colormap/lightness", test_colormap_lightness);
  g_test_add_func ("/plot/colormap/bands", test_colormap_bands);
  g_test_add_func ("/plot/contour/labels-himmelblau", test_labels_himmelblau);
  g_test_add_func ("/plot/contour/labels-no-room", test_labels_no_room);
  g_test_add_func ("/plot/contour/bands-match-vector", test_draw_bands_match_vector);
  g_test_add_func ("/plot/contour/lines-match-vector", test_draw_lines_match_vector);

  return g_test_run ();
}
