/* test-path-simplify.c: polylines with invisible points left out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "tangent-path-simplify.h"

/* Distance from (px, py) to the segment (ax, ay)–(bx, by). */
static double
segment_distance (double px, double py, double ax, double ay, double bx, double by)
{
  double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (px - ax - t * dx, py - ay - t * dy);
}

/* The points cairo was given, in order. */
static GArray *
path_points (cairo_t *cr)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_path_t *path = cairo_copy_path (cr);

  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *d = &path->data[i];

      if (d->header.type == CAIRO_PATH_CLOSE_PATH)
        break;   /* cairo moves back to the start after it */
      if (d->header.type == CAIRO_PATH_MOVE_TO || d->header.type == CAIRO_PATH_LINE_TO)
        {
          g_array_append_val (points, d[1].point.x);
          g_array_append_val (points, d[1].point.y);
        }
    }
  cairo_path_destroy (path);
  return points;
}

/* A circle of radius 100 sampled every degree: each sample is within the
 * tolerance of the simplified polyline, the ends are kept exactly, and far
 * fewer points are sent. The chord over k degrees strays 100 (1 − cos(k/2))
 * from the arc: 0.05 allows about 3.6°, so about 100 points of 361. */
static void
test_circle (void)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  TangentPathSimplifier s;
  g_autoptr(GArray) out = NULL;
  double in[2 * 361];
  guint n_out;

  for (guint k = 0; k <= 360; k++)
    {
      in[2 * k] = 200 + 100 * cos (k * G_PI / 180);
      in[2 * k + 1] = 200 + 100 * sin (k * G_PI / 180);
    }

  tangent_path_simplifier_init (&s, cr, 0.05);
  tangent_path_simplifier_move_to (&s, in[0], in[1]);
  for (guint k = 1; k <= 360; k++)
    tangent_path_simplifier_line_to (&s, in[2 * k], in[2 * k + 1]);
  tangent_path_simplifier_flush (&s);

  out = path_points (cr);
  n_out = out->len / 2;
  g_assert_cmpuint (n_out, >=, 80);
  g_assert_cmpuint (n_out, <=, 130);
  g_assert_cmpfloat (g_array_index (out, double, 0), ==, in[0]);
  g_assert_cmpfloat (g_array_index (out, double, out->len - 2), ==, in[720]);

  for (guint k = 0; k <= 360; k++)
    {
      double best = G_MAXDOUBLE;

      for (guint j = 0; j + 1 < n_out; j++)
        best = MIN (best, segment_distance (in[2 * k], in[2 * k + 1],
                                            g_array_index (out, double, 2 * j),
                                            g_array_index (out, double, 2 * j + 1),
                                            g_array_index (out, double, 2 * j + 2),
                                            g_array_index (out, double, 2 * j + 3)));
      g_assert_cmpfloat (best, <=, 0.05 + 1e-9);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A corner is never cut, and a line that doubles back keeps its turn. */
static void
test_corners (void)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  TangentPathSimplifier s;
  g_autoptr(GArray) out = NULL;

  tangent_path_simplifier_init (&s, cr, 0.5);
  tangent_path_simplifier_move_to (&s, 0, 0);
  for (int k = 1; k <= 10; k++)
    tangent_path_simplifier_line_to (&s, k, 0);
  for (int k = 1; k <= 10; k++)
    tangent_path_simplifier_line_to (&s, 10, k);
  tangent_path_simplifier_line_to (&s, 10, 0);   /* back down */
  tangent_path_simplifier_close (&s);

  out = path_points (cr);
  /* (0,0) (10,0) (10,10) (10,0): collinear runs merged, corners kept */
  g_assert_cmpuint (out->len, ==, 8);
  g_assert_cmpfloat (g_array_index (out, double, 2), ==, 10);
  g_assert_cmpfloat (g_array_index (out, double, 3), ==, 0);
  g_assert_cmpfloat (g_array_index (out, double, 4), ==, 10);
  g_assert_cmpfloat (g_array_index (out, double, 5), ==, 10);
  g_assert_cmpfloat (g_array_index (out, double, 7), ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plot/path-simplify/circle", test_circle);
  g_test_add_func ("/plot/path-simplify/corners", test_corners);

  return g_test_run ();
}
