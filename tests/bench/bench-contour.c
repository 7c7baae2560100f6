/* bench-contour.c: the Himmelblau contour map, stage by stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * (x^2 + y - 11)^2 + (x + y^2 - 7)^2 on a 400 × 400 grid over [−5, 5]²,
 * the lecture figure's 20 levels, drawn filled with lines and labels
 * into a 1200 × 900 image surface. Prints the median milliseconds of
 * each stage over the passes: eval (the grid), trace (all levels),
 * regions (tangent_contour_region_above of every level, the vector
 * path's input), fill (bands on the image surface), lines, labels, and
 * the whole tangent_contour_draw(). Not a test: nothing is asserted.
 *
 * Usage: bench-contour [--passes N] [--png FILE] [--svg FILE]
 */

#include "config.h"

#include <cairo-svg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tangent-axes.h"
#include "tangent-colormap.h"
#include "tangent-contour-draw.h"
#include "tangent-grid.h"
#include "tangent-parser.h"

#define N      400
#define WIDTH  1200
#define HEIGHT 900

static const double levels[] = {
  1, 5, 10, 20, 35, 50, 75, 100, 125, 150, 200, 250, 300, 350, 400, 450, 500, 600, 700, 800,
};
#define N_LEVELS G_N_ELEMENTS (levels)

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof (double), compare_double);
  return v[n / 2];
}

static double
minimum (const double *v,
         guint         n)
{
  double m = v[0];

  for (guint i = 1; i < n; i++)
    m = MIN (m, v[i]);
  return m;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
draw_figure (cairo_t               *cr,
             const TangentViewport *vp,
             const TangentField    *field,
             const TangentPlotStyle *style)
{
  TangentContourOptions options = {
    levels, N_LEVELS, TANGENT_COLORMAP_VIRIDIS, TRUE, TRUE, TRUE,
  };
  TangentViewport bar = *vp;
  double bar_left = vp->left + vp->width + 24;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tangent_contour_draw (cr, vp, field, &options, style);
  cairo_set_source_rgb (cr, 0.14, 0.12, 0.19);
  cairo_rectangle (cr, vp->left - 0.5, vp->top - 0.5, vp->width + 1, vp->height + 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  (void) bar;
  tangent_colorbar_draw (cr, bar_left, vp->top, 24, vp->height, TANGENT_COLORMAP_VIRIDIS,
                         levels, N_LEVELS, style);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentNode) tree = NULL;
  g_autoptr(TangentProgram) prog = NULL;
  g_autofree double *z = g_new (double, N * N);
  const char *text = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2";
  const char *png = NULL, *svg = NULL;
  guint passes = 15, es, ee;
  double t_eval[64], t_trace[64], t_regions[64], t_fill[64], t_lines[64], t_labels[64], t_all[64];
  TangentField field = { z, N, N, -5, 5, -5, 5 };
  TangentViewport vp = { -5, 5, -5, 5, 80, 60, 900, 780 };
  TangentPlotStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--passes") == 0 && i + 1 < argc)
        {
          int n = atoi (argv[++i]);

          passes = CLAMP (n, 1, 63);
        }
      else if (strcmp (argv[i], "--png") == 0 && i + 1 < argc)
        png = argv[++i];
      else if (strcmp (argv[i], "--svg") == 0 && i + 1 < argc)
        svg = argv[++i];
    }

  tree = tangent_parse_expression (text, strlen (text), NULL, &es, &ee, &error);
  if (tree != NULL)
    prog = tangent_compile (tree, 0, &error);
  if (prog == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  tangent_plot_style_init_light (&style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);

  for (guint p = 0; p < passes + 1; p++)
    {
      TangentContour *contours[N_LEVELS];
      TangentContourOptions options = { levels, N_LEVELS, TANGENT_COLORMAP_VIRIDIS, TRUE, FALSE, FALSE };
      double *outs[1] = { z };
      double t0, t1;
      GArray *labels;
      guint q = p == 0 ? 0 : p - 1;   /* pass 0 warms up */

      t0 = now_ms ();
      tangent_grid_eval (prog, NULL, -5, 5, N, -5, 5, N, 1, outs);
      t1 = now_ms ();
      t_eval[q] = t1 - t0;

      t0 = now_ms ();
      tangent_contour_trace_levels (&field, levels, N_LEVELS, contours);
      t_trace[q] = now_ms () - t0;

      t0 = now_ms ();
      for (guint k = 0; k < N_LEVELS; k++)
        tangent_contour_free (tangent_contour_region_above (&field, levels[k]));
      t_regions[q] = now_ms () - t0;

      t0 = now_ms ();
      tangent_contour_draw (cr, &vp, &field, &options, &style);
      cairo_surface_flush (surface);
      t_fill[q] = now_ms () - t0;

      options.filled = FALSE;
      options.lines = TRUE;
      t0 = now_ms ();
      tangent_contour_draw (cr, &vp, &field, &options, &style);
      cairo_surface_flush (surface);
      t_lines[q] = now_ms () - t0;

      t0 = now_ms ();
      labels = tangent_contour_place_labels (cr, &vp, contours, levels, N_LEVELS, &style);
      t_labels[q] = now_ms () - t0;
      tangent_contour_labels_free (labels);

      for (guint k = 0; k < N_LEVELS; k++)
        tangent_contour_free (contours[k]);

      t0 = now_ms ();
      options.filled = options.lines = options.labels = TRUE;
      tangent_contour_draw (cr, &vp, &field, &options, &style);
      cairo_surface_flush (surface);
      t_all[q] = now_ms () - t0;
    }

  printf ("himmelblau %ux%u, %u levels, %dx%d image, ms over %u passes: median, minimum\n",
          N, N, (guint) N_LEVELS, WIDTH, HEIGHT, passes);
  printf ("  eval     %7.3f %7.3f\n", median (t_eval, passes), minimum (t_eval, passes));
  printf ("  trace    %7.3f %7.3f   (all levels)\n", median (t_trace, passes), minimum (t_trace, passes));
  printf ("  regions  %7.3f %7.3f   (vector path input, all levels)\n", median (t_regions, passes), minimum (t_regions, passes));
  printf ("  fill     %7.3f %7.3f   (bands on the image surface)\n", median (t_fill, passes), minimum (t_fill, passes));
  printf ("  lines    %7.3f %7.3f   (trace + stroke)\n", median (t_lines, passes), minimum (t_lines, passes));
  printf ("  labels   %7.3f %7.3f   (placement)\n", median (t_labels, passes), minimum (t_labels, passes));
  printf ("  draw     %7.3f %7.3f   (filled + lines + labels, one call)\n", median (t_all, passes), minimum (t_all, passes));

  if (png != NULL)
    {
      draw_figure (cr, &vp, &field, &style);
      cairo_surface_write_to_png (surface, png);
    }
  if (svg != NULL)
    {
      cairo_surface_t *s = cairo_svg_surface_create (svg, WIDTH, HEIGHT);
      cairo_t *scr = cairo_create (s);
      double t0 = now_ms ();

      draw_figure (scr, &vp, &field, &style);
      cairo_destroy (scr);
      cairo_surface_destroy (s);
      printf ("  svg      %7.3f   (whole figure to %s)\n", now_ms () - t0, svg);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
