/* test-contour.c: marching squares, regions above a level, relations and
 * nice levels, against analytic geometry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "tangent-contour.h"
#include "tangent-grid.h"
#include "tangent-parser.h"

typedef double (*Func) (double x, double y);

/* A field of f sampled on n × n points over [lo, hi]². */
static double *
sample (Func   f,
        guint  n,
        double lo,
        double hi,
        TangentField *field)
{
  double *z = g_new (double, (gsize) n * n);

  for (guint j = 0; j < n; j++)
    for (guint i = 0; i < n; i++)
      z[j * n + i] = f (tangent_grid_coordinate (lo, hi, n, i),
                        tangent_grid_coordinate (lo, hi, n, j));
  *field = (TangentField) { z, n, n, lo, hi, lo, hi };
  return z;
}

/* Shoelace: positive for counter-clockwise (x right, y up). */
static double
signed_area (const double *p,
             guint         n)
{
  double a = 0;

  for (guint k = 0; k < n; k++)
    {
      guint l = (k + 1) % n;

      a += p[2 * k] * p[2 * l + 1] - p[2 * l] * p[2 * k + 1];
    }
  return a / 2;
}

static double f_r2 (double x, double y) { return x * x + y * y; }
static double f_minus_r2 (double x, double y) { return -(x * x + y * y); }
static double f_x (double x, double y) { return x; }

/* The level-1 curve of x² + y² is the unit circle: one closed line, each
 * vertex within the error of linear interpolation along an edge. f is
 * quadratic along an edge with f'' = 2, so the interpolant is off by at
 * most h²/4 in f, and |∇f| = 2 on the circle: h²/8 in radius. */
static void
test_contour_circle (void)
{
  static const guint sizes[] = { 41, 101, 201 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      TangentField field;
      g_autofree double *z = sample (f_r2, sizes[s], -2, 2, &field);
      g_autoptr(TangentContour) c = tangent_contour_trace (&field, 1);
      double h = 4.0 / (sizes[s] - 1), worst = 0;
      const double *p;
      guint n;
      gboolean closed;

      g_assert_cmpuint (tangent_contour_get_n_lines (c), ==, 1);
      p = tangent_contour_get_line (c, 0, &n, &closed);
      g_assert_true (closed);
      g_assert_cmpuint (n, >, 8);
      for (guint k = 0; k < n; k++)
        worst = MAX (worst, fabs (hypot (p[2 * k], p[2 * k + 1]) - 1));
      g_assert_cmpfloat (worst, <=, h * h / 8 * 1.001);

      /* Above (outside) on the left: the circle runs clockwise, around
       * an area of π less the slivers the chords cut off. */
      g_assert_cmpfloat (signed_area (p, n), <, 0);
      g_assert_cmpfloat_with_epsilon (-signed_area (p, n), G_PI, 2 * G_PI * h * h);
    }
}

/* One cell of x·y + c over [-1, 1]²: corners c0 and c2 are above (1 + c),
 * c1 and c3 below (c − 1); the centre value c decides the saddle. Along
 * each edge f is linear, so the crossings are exact: x = ∓c on the
 * horizontal edges, y = ∓c on the vertical ones. */
static void
test_contour_saddle (void)
{
  for (int sign = -1; sign <= 1; sign += 2)
    {
      double cval = 0.25 * sign;
      /* Row-major: (−1, −1), (1, −1), (−1, 1), (1, 1). */
      double z[4] = { 1 + cval, cval - 1, cval - 1, 1 + cval };
      TangentField field = { z, 2, 2, -1, 1, -1, 1 };
      g_autoptr(TangentContour) c = tangent_contour_trace (&field, 0);

      g_assert_cmpuint (tangent_contour_get_n_lines (c), ==, 2);
      for (guint l = 0; l < 2; l++)
        {
          guint n;
          gboolean closed;
          const double *p = tangent_contour_get_line (c, l, &n, &closed);

          g_assert_false (closed);
          g_assert_cmpuint (n, ==, 2);
          for (guint k = 0; k < n; k++)
            {
              double x = p[2 * k], y = p[2 * k + 1];

              /* The true curve x y = −c: its branches lie where x y has
               * the sign of −c, and so do the cut corners. */
              g_assert_cmpfloat (x * y * -sign, >, 0);
              /* On an edge, at the exact crossing. */
              if (fabs (fabs (y) - 1) < 1e-15)
                g_assert_cmpfloat_with_epsilon (x * y, -cval, 1e-15);
              else
                {
                  g_assert_cmpfloat_with_epsilon (fabs (x), 1, 1e-15);
                  g_assert_cmpfloat_with_epsilon (x * y, -cval, 1e-15);
                }
            }
        }
    }
}

static double
f_bumps (double x, double y)
{
  return exp (-((x - 1) * (x - 1) + (y - 1) * (y - 1)) / 0.1)
       + exp (-((x + 1) * (x + 1) + (y + 1) * (y + 1)) / 0.1)
       + exp (-((x - 1) * (x - 1) + (y + 1) * (y + 1)) / 0.1);
}

/* Three separate bumps: three closed loops, each counter-clockwise (above
 * inside), each around the area of its circle, exp(−r²/0.1) = 1/2. */
static void
test_contour_joining (void)
{
  TangentField field;
  g_autofree double *z = sample (f_bumps, 161, -2, 2, &field);
  g_autoptr(TangentContour) c = tangent_contour_trace (&field, 0.5);
  double r2 = 0.1 * log (2);

  g_assert_cmpuint (tangent_contour_get_n_lines (c), ==, 3);
  for (guint l = 0; l < 3; l++)
    {
      guint n;
      gboolean closed;
      const double *p = tangent_contour_get_line (c, l, &n, &closed);

      g_assert_true (closed);
      g_assert_cmpfloat_with_epsilon (signed_area (p, n), G_PI * r2, 0.01 * G_PI * r2);
    }
}

/* f = x: one straight open line from the top edge down to the bottom,
 * since x > 0.3 must be on its left. */
static void
test_contour_open (void)
{
  TangentField field;
  g_autofree double *z = sample (f_x, 11, -1, 1, &field);
  g_autoptr(TangentContour) c = tangent_contour_trace (&field, 0.3);
  const double *p;
  guint n;
  gboolean closed;

  g_assert_cmpuint (tangent_contour_get_n_lines (c), ==, 1);
  p = tangent_contour_get_line (c, 0, &n, &closed);
  g_assert_false (closed);
  g_assert_cmpuint (n, ==, 11);
  g_assert_cmpfloat (p[1], ==, 1);
  g_assert_cmpfloat (p[2 * n - 1], ==, -1);
  for (guint k = 0; k < n; k++)
    g_assert_cmpfloat_with_epsilon (p[2 * k], 0.3, 1e-15);
}

/* Undefined points cut the circle open, and no line enters a cell with an
 * undefined corner. */
static void
test_contour_nan (void)
{
  TangentField field;
  g_autofree double *z = sample (f_r2, 101, -2, 2, &field);
  g_autoptr(TangentContour) c = NULL;
  const double *p;
  guint n;
  gboolean closed;

  for (guint j = 0; j < 101; j++)
    for (guint i = 0; i < 101; i++)
      {
        double x = tangent_grid_coordinate (-2, 2, 101, i);
        double y = tangent_grid_coordinate (-2, 2, 101, j);

        if (x > 0.5 && fabs (y) < 0.2)
          z[j * 101 + i] = (i + j) % 2 ? NAN : INFINITY;
      }

  c = tangent_contour_trace (&field, 1);
  g_assert_cmpuint (tangent_contour_get_n_lines (c), ==, 1);
  p = tangent_contour_get_line (c, 0, &n, &closed);
  g_assert_false (closed);
  for (guint k = 0; k < n; k++)
    if (p[2 * k] > 0.5 + 1e-12)
      g_assert_cmpfloat (fabs (p[2 * k + 1]), >=, 0.2 - 1e-12);

  /* Nothing at all where nothing is defined. */
  for (guint v = 0; v < 101 * 101; v++)
    z[v] = NAN;
  g_clear_pointer (&c, tangent_contour_free);
  c = tangent_contour_trace (&field, 1);
  g_assert_cmpuint (tangent_contour_get_n_lines (c), ==, 0);
  g_clear_pointer (&c, tangent_contour_free);
  c = tangent_contour_region_above (&field, -INFINITY);
  g_assert_cmpuint (tangent_contour_get_n_lines (c), ==, 0);

  /* A NaN level has no curve. */
  g_clear_pointer (&c, tangent_contour_free);
  c = tangent_contour_trace (&field, NAN);
  g_assert_cmpuint (tangent_contour_get_n_lines (c), ==, 0);
}

/* Sums the polygons' areas; each must be counter-clockwise. */
static double
region_area (const TangentContour *c)
{
  double total = 0;

  for (guint l = 0; l < tangent_contour_get_n_lines (c); l++)
    {
      guint n;
      gboolean closed;
      const double *p = tangent_contour_get_line (c, l, &n, &closed);
      double a = signed_area (p, n);

      g_assert_true (closed);
      g_assert_cmpfloat (a, >=, -1e-15);   /* a crossing at a corner: nothing */
      total += a;
    }
  return total;
}

/* {−(x² + y²) ≥ −1} is the unit disk, {x² + y² ≥ 1} the rest of the
 * square, {x ≥ 0.3} a strip (exact: f is linear along every edge); and
 * at −∞ the whole square. */
static void
test_contour_region (void)
{
  TangentField field;
  g_autofree double *z1 = sample (f_minus_r2, 101, -2, 2, &field);
  g_autoptr(TangentContour) disk = tangent_contour_region_above (&field, -1);
  g_autoptr(TangentContour) all = tangent_contour_region_above (&field, -INFINITY);
  g_autofree double *z2 = sample (f_r2, 101, -2, 2, &field);
  g_autoptr(TangentContour) outside = tangent_contour_region_above (&field, 1);
  g_autofree double *z3 = sample (f_x, 21, -1, 1, &field);
  g_autoptr(TangentContour) strip = tangent_contour_region_above (&field, 0.3);
  double h = 0.04;

  g_assert_cmpfloat_with_epsilon (region_area (disk), G_PI, 2 * G_PI * h * h);
  g_assert_cmpfloat_with_epsilon (region_area (outside), 16 - G_PI, 2 * G_PI * h * h);
  g_assert_cmpfloat_with_epsilon (region_area (all), 16, 1e-12);
  /* Fully-above cells merge into one rectangle per row. */
  g_assert_cmpuint (tangent_contour_get_n_lines (all), ==, 100);
  g_assert_cmpfloat_with_epsilon (region_area (strip), 0.7 * 2, 1e-12);
}

/* Every level at once gives what each level alone gives. */
static void
test_contour_levels (void)
{
  static const double levels[] = { 0.05, 0.1, 0.5, 0.9, 1.2 };
  TangentContour *all[G_N_ELEMENTS (levels)];
  TangentField field;
  g_autofree double *z = sample (f_bumps, 121, -2, 2, &field);

  tangent_contour_trace_levels (&field, levels, G_N_ELEMENTS (levels), all);
  for (guint k = 0; k < G_N_ELEMENTS (levels); k++)
    {
      g_autoptr(TangentContour) one = tangent_contour_trace (&field, levels[k]);

      g_assert_cmpuint (tangent_contour_get_n_lines (all[k]), ==, tangent_contour_get_n_lines (one));
      g_assert_cmpuint (tangent_contour_get_n_points (all[k]), ==, tangent_contour_get_n_points (one));
      for (guint l = 0; l < tangent_contour_get_n_lines (one); l++)
        {
          guint n1, n2;
          const double *p1 = tangent_contour_get_line (one, l, &n1, NULL);
          const double *p2 = tangent_contour_get_line (all[k], l, &n2, NULL);

          g_assert_cmpuint (n1, ==, n2);
          g_assert_cmpmem (p1, n1 * 2 * sizeof (double), p2, n2 * 2 * sizeof (double));
        }
      tangent_contour_free (all[k]);
    }
  /* Above the maximum (1 + small tails): nothing. */
  g_assert_cmpfloat (levels[4], >, 1.01);
}

static void
test_contour_nice_levels (void)
{
  static const struct {
    double zmin, zmax;
    guint  max;
    guint  n;
    double want[10];
  } cases[] = {
    { 0, 10, 5, 4, { 2, 4, 6, 8 } },
    { 0, 10, 9, 9, { 1, 2, 3, 4, 5, 6, 7, 8, 9 } },
    { 0, 1, 10, 9, { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 } },
    { -3.7, 12.2, 4, 3, { 0, 5, 10 } },
    { -1, 1, 3, 3, { -0.5, 0, 0.5 } },
    { 0, 800, 20, 15, { 50, 100, 150, 200, 250, 300, 350, 400, 450, 500 } },
    { 1, 1, 5, 0, { 0 } },
    { 2, 1, 5, 0, { 0 } },
    { 0, 1, 0, 0, { 0 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double levels[32];
      guint n = tangent_contour_nice_levels (cases[i].zmin, cases[i].zmax, cases[i].max, levels);

      g_assert_cmpuint (n, ==, cases[i].n);
      for (guint k = 0; k < MIN (n, 10); k++)
        g_assert_cmpfloat (levels[k], ==, cases[i].want[k]);
    }

  {
    double levels[4];

    g_assert_cmpuint (tangent_contour_nice_levels (NAN, 1, 4, levels), ==, 0);
    g_assert_cmpuint (tangent_contour_nice_levels (0, INFINITY, 4, levels), ==, 0);
    g_assert_cmpuint (tangent_contour_nice_levels (-G_MAXDOUBLE, G_MAXDOUBLE, 4, levels), ==, 0);
  }
}

static TangentProgram *
compile_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentNode) tree = NULL;
  TangentProgram *prog;
  guint es = 0, ee = 0;

  tree = tangent_parse_expression (text, strlen (text), NULL, &es, &ee, &error);
  g_assert_no_error (error);
  prog = tangent_compile (tree, 0, &error);
  g_assert_no_error (error);
  return prog;
}

/* x² + y² = 4 is the circle of radius 2: one closed line, within the
 * interpolation error of the fine grid (h²/16 in radius at r = 2). */
static void
test_contour_relation_circle (void)
{
  g_autoptr(TangentProgram) prog = compile_text ("x^2 + y^2 - 4");
  g_autoptr(TangentContour) c = tangent_contour_relation (prog, NULL, -3, 3, -3, 3, 31, 31);
  double h = 6.0 / 30 / 4;
  const double *p;
  guint n;
  gboolean closed;

  g_assert_cmpuint (tangent_contour_get_n_lines (c), ==, 1);
  p = tangent_contour_get_line (c, 0, &n, &closed);
  g_assert_true (closed);
  for (guint k = 0; k < n; k++)
    g_assert_cmpfloat (fabs (hypot (p[2 * k], p[2 * k + 1]) - 2), <=, h * h / 16 * 1.001);
}

/* y = 1/x as y − 1/x: the sign changes across x = 0 too, through the
 * pole; no segment may cross there. Two branches, on the hyperbola. */
static void
test_contour_relation_pole (void)
{
  static const guint sizes[] = { 40, 41, 64 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(TangentProgram) prog = compile_text ("y - 1/x");
      /* Asymmetric, so that no grid point lands on x = 0 itself. */
      g_autoptr(TangentContour) c = tangent_contour_relation (prog, NULL, -2, 2.3, -3, 3.1,
                                                              sizes[s], sizes[s]);

      g_assert_cmpuint (tangent_contour_get_n_lines (c), ==, 2);
      for (guint l = 0; l < 2; l++)
        {
          guint n;
          gboolean closed;
          const double *p = tangent_contour_get_line (c, l, &n, &closed);

          g_assert_false (closed);
          for (guint k = 0; k < n; k++)
            {
              g_assert_cmpfloat (fabs (p[2 * k] * p[2 * k + 1] - 1), <, 0.05);
              if (k > 0)
                g_assert_cmpfloat (p[2 * k] * p[2 * k - 2], >, 0);
            }
        }
    }
}

/* tan(x) = y has no vertical connectors at the poles ±π/2, and a box
 * where nothing is defined gives nothing. */
static void
test_contour_relation_jumps (void)
{
  g_autoptr(TangentProgram) tan_prog = compile_text ("y - tan(x)");
  g_autoptr(TangentProgram) sqrt_prog = compile_text ("sqrt(-1 - x^2) - y");
  g_autoptr(TangentContour) c = tangent_contour_relation (tan_prog, NULL, -3, 3, -4, 4, 60, 60);
  g_autoptr(TangentContour) none = tangent_contour_relation (sqrt_prog, NULL, -3, 3, -4, 4, 60, 60);

  g_assert_cmpuint (tangent_contour_get_n_lines (c), ==, 3);
  for (guint l = 0; l < tangent_contour_get_n_lines (c); l++)
    {
      guint n;
      const double *p = tangent_contour_get_line (c, l, &n, NULL);

      for (guint k = 1; k < n; k++)
        {
          /* Consecutive points on the same side of each pole. */
          g_assert_cmpfloat ((p[2 * k] - G_PI / 2) * (p[2 * k - 2] - G_PI / 2), >, 0);
          g_assert_cmpfloat ((p[2 * k] + G_PI / 2) * (p[2 * k - 2] + G_PI / 2), >, 0);
        }
    }
  g_assert_cmpuint (tangent_contour_get_n_lines (none), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/contour/circle", test_contour_circle);
  g_test_add_func ("/core/contour/saddle", test_contour_saddle);
  g_test_add_func ("/core/contour/joining", test_contour_joining);
  g_test_add_func ("/core/contour/open", test_contour_open);
  g_test_add_func ("/core/contour/nan", test_contour_nan);
  g_test_add_func ("/core/contour/region", test_contour_region);
  g_test_add_func ("/core/contour/levels", test_contour_levels);
  g_test_add_func ("/core/contour/nice-levels", test_contour_nice_levels);
  g_test_add_func ("/core/contour/relation-circle", test_contour_relation_circle);
  g_test_add_func ("/core/contour/relation-pole", test_contour_relation_pole);
  g_test_add_func ("/core/contour/relation-jumps", test_contour_relation_jumps);

  return g_test_run ();
}
