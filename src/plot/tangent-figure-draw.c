/* tangent-figure-draw.c: laying out and drawing a whole figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figure is a plot box with its frame (ticks, tick labels and axis
 * labels outside it), a title above, and a column on the right holding the
 * arrows' legend and the colour bar with its title. Every space is
 * measured from the text it holds, so nothing is cut at the figure's edge
 * and nothing overlaps, at any size.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-figure"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tangent-arrows.h"
#include "tangent-axes.h"
#include "tangent-colormap.h"
#include "tangent-contour.h"
#include "tangent-contour-draw.h"
#include "tangent-curve.h"
#include "tangent-figure-private.h"
#include "tangent-grid.h"
#include "tangent-overlay.h"
#include "tangent-sampler.h"

/* Figure units (1/96 in). */
#define PAD             16.0   /* between the figure's edge and anything on it */
#define TITLE_GAP       14.0   /* between the title and the frame's labels */
#define TITLE_SCALE     1.3    /* the title's font size, times the style's */
#define COLUMN_GAP      24.0   /* between the plot's frame and the right column */
#define BAR_WIDTH       22.0
#define BAR_TITLE_GAP   10.0
#define LEGEND_GAP      18.0   /* between the arrows' legend and the colour bar */
#define MIN_PLOT        40.0   /* a plot box smaller than this is not drawn */
#define MIN_SHARE       0.4    /* text gives way before the plot gets less of the figure */
#define GUESS_MARGINS   240.0  /* frame labels and right column, roughly, before measuring */
#define LEVELS_GRID     200    /* grid of a function of x and y shown by level lines */
#define RELATION_GRID   200    /* grid of a relation before refinement */

typedef struct
{
  TangentViewport vp;
  TangentFrameOptions frame;
  double title_x, title_y, title_width;   /* title_width 0: no title */
  double column_left, column_width;
  double plot_right;                      /* right edge of the frame's labels */
} Layout;

typedef struct
{
  double levels[FIGURE_MAX_LEVELS];
  guint  n_levels;
  TangentField field;
} Evaluated;

/* One call of tangent_figure_draw(). The style is the figure's, with text
 * switched off when the figure is too small for any (see compute_layout). */
typedef struct
{
  TangentFigure    *self;
  cairo_t          *cr;
  double            width, height;
  TangentPlotStyle  style;
  gboolean          show_title;
  gboolean          show_extras;   /* the colour bar's title, the arrows' legend */
  double            legend_width;  /* the arrows' legend, as compute_layout() expects it */
  Evaluated         ev;
  Layout            lay;
} Draw;

/* ---------------------------------------------------------------------- */
/* Evaluation                                                               */

static const double *
get_params (TangentFigure *self)
{
  return tangent_document_get_parameter_values (self->document);
}

static gboolean
finite_range (const double *z,
              gsize         n,
              double       *zmin,
              double       *zmax)
{
  double lo = INFINITY, hi = -INFINITY;

  for (gsize i = 0; i < n; i++)
    {
      if (isfinite (z[i]))
        {
          lo = MIN (lo, z[i]);
          hi = MAX (hi, z[i]);
        }
    }
  *zmin = lo;
  *zmax = hi;
  return lo <= hi;
}

/* Values of prog on an n × n grid over the view into buffer (grown as
 * needed), and the levels: given, or nice numbers inside the range. */
static void
evaluate_field (TangentFigure        *self,
                const TangentProgram *prog,
                guint                 n,
                double              **buffer,
                gsize                *buffer_size,
                const double         *given,
                guint                 n_given,
                guint                 n_nice,
                Evaluated            *out)
{
  gsize size = (gsize) n * n;
  double zmin, zmax;
  double *outs[1];

  if (*buffer_size < size)
    {
      g_free (*buffer);
      *buffer = g_new (double, size);
      *buffer_size = size;
    }
  outs[0] = *buffer;
  tangent_grid_eval (prog, get_params (self), self->xmin, self->xmax, n, self->ymin, self->ymax,
                     n, 1, outs);

  out->field = (TangentField) { *buffer, n, n, self->xmin, self->xmax, self->ymin, self->ymax };
  if (given != NULL)
    {
      out->n_levels = MIN (n_given, FIGURE_MAX_LEVELS);
      memcpy (out->levels, given, out->n_levels * sizeof (double));
    }
  else if (finite_range (*buffer, size, &zmin, &zmax) && zmin < zmax)
    out->n_levels = tangent_contour_nice_levels (zmin, zmax, MIN (n_nice, FIGURE_MAX_LEVELS),
                                                 out->levels);
  else
    out->n_levels = 0;
}

/* ---------------------------------------------------------------------- */
/* Layout                                                                   */

static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = logical.width / (double) PANGO_SCALE;
  *height = logical.height / (double) PANGO_SCALE;
}

static PangoLayout *
title_layout (Draw   *d,
              double  max_width)
{
  PangoLayout *layout = tangent_axes_create_layout (d->cr, &d->style, TITLE_SCALE);

  tangent_axes_set_markup (layout, d->self->title);
  pango_layout_set_width (layout, (int) (MAX (max_width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return layout;
}

/* The size of the arrows' legend box, measured by recording it. */
static void
legend_size (const TangentArrowLegend *legend,
             const TangentPlotStyle   *style,
             double                   *width,
             double                   *height)
{
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *rc = cairo_create (recording);
  double x, y;

  tangent_arrows_draw_legend (rc, 0, 0, legend, style);
  cairo_destroy (rc);
  cairo_recording_surface_ink_extents (recording, &x, &y, width, height);
  cairo_surface_destroy (recording);
}

static gboolean
has_colorbar (Draw *d)
{
  return d->self->contour != NULL && d->self->contour->colorbar && d->ev.n_levels > 0;
}

/* Width of the colour bar with its labels and its title. */
static double
colorbar_width (Draw   *d,
                double *title_height)
{
  double width, w, h;

  *title_height = 0;
  if (d->style.no_text)
    return BAR_WIDTH;

  width = tangent_colorbar_get_width (d->cr, BAR_WIDTH, d->ev.levels, d->ev.n_levels, &d->style);
  if (d->show_extras && d->self->contour->label != NULL)
    {
      g_autoptr(PangoLayout) layout = tangent_axes_create_layout (d->cr, &d->style, 1);

      tangent_axes_set_markup (layout, d->self->contour->label);
      text_size (layout, &w, &h);
      *title_height = h;
      width += BAR_TITLE_GAP + h;
    }
  return width;
}

/* The plot box on whole device pixels: its frame is crisp, and its clip
 * is a pixel region, which lets the contour bands be rasterised directly
 * into an image surface instead of filled as paths. */
static void
snap_to_pixels (cairo_t         *cr,
                TangentViewport *vp)
{
  double x0 = vp->left, y0 = vp->top;
  double x1 = vp->left + vp->width, y1 = vp->top + vp->height;
  double sx, sy;

  /* cairo's device space does not include the surface's device scale */
  cairo_surface_get_device_scale (cairo_get_group_target (cr), &sx, &sy);
  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);
  x0 = round (x0 * sx) / sx;
  y0 = round (y0 * sy) / sy;
  x1 = round (x1 * sx) / sx;
  y1 = round (y1 * sy) / sy;
  cairo_device_to_user (cr, &x0, &y0);
  cairo_device_to_user (cr, &x1, &y1);
  vp->left = x0;
  vp->top = y0;
  vp->width = x1 - x0;
  vp->height = y1 - y0;
}

/* Places everything for the current degree of text. Returns FALSE when
 * the plot box would come out smaller than a useful share of the figure. */
static gboolean
try_layout (Draw *d)
{
  TangentFigure *self = d->self;
  Layout *lay = &d->lay;
  double avail_left, avail_top, avail_width, avail_height;
  double title_height = 0, column = 0, bar_title;
  double l = 0, r = 0, t = 0, b = 0;
  double group_width, group_height, dx, dy;

  memset (lay, 0, sizeof *lay);
  lay->frame.x_label = self->x_label;
  lay->frame.y_label = self->y_label;
  lay->frame.grid = self->grid;
  /* Lines through the origin would only clutter a filled map. */
  lay->frame.origin_axes = self->contour == NULL || !self->contour->filled;
  lay->frame.no_text = d->style.no_text;

  /* The right column: as wide as the colour bar or the arrows' legend. */
  if (has_colorbar (d))
    column = colorbar_width (d, &bar_title);
  if (self->arrows != NULL && d->show_extras && !d->style.no_text)
    column = MAX (column, d->legend_width);
  lay->column_width = column;

  if (self->title != NULL && d->show_title && !d->style.no_text)
    {
      g_autoptr(PangoLayout) layout = title_layout (d, d->width - 2 * PAD);
      double w;

      text_size (layout, &w, &title_height);
      lay->title_width = d->width - 2 * PAD;
    }

  avail_left = PAD;
  avail_top = PAD + (title_height > 0 ? title_height + TITLE_GAP : 0);
  avail_width = d->width - 2 * PAD - (column > 0 ? column + COLUMN_GAP : 0);
  avail_height = d->height - avail_top - PAD;

  lay->vp = (TangentViewport) { self->xmin, self->xmax, self->ymin, self->ymax,
                                avail_left, avail_top, avail_width, avail_height };

  /* The ticks depend on the box and the margins on the ticks' labels:
   * a few rounds settle them. */
  for (guint round = 0; round < 3; round++)
    {
      double before[4] = { l, r, t, b };

      tangent_axes_frame_margins (d->cr, &lay->vp, &lay->frame, &d->style, &l, &r, &t, &b);
      if (round > 0 && l == before[0] && r == before[1] && t == before[2] && b == before[3])
        break;
      lay->vp.left = avail_left + l;
      lay->vp.top = avail_top + t;
      lay->vp.width = avail_width - l - r;
      lay->vp.height = avail_height - t - b;
      if (self->equal_aspect)
        tangent_viewport_equal_aspect (&lay->vp);
      if (lay->vp.width < MIN_PLOT || lay->vp.height < MIN_PLOT)
        return FALSE;
    }

  /* An equal-aspect box leaves slack: the box, its labels, the column and
   * the title move together to the middle of the figure. */
  group_width = l + lay->vp.width + r + (column > 0 ? COLUMN_GAP + column : 0);
  group_height = (title_height > 0 ? title_height + TITLE_GAP : 0) + t + lay->vp.height + b;
  dx = MAX (0, (d->width - 2 * PAD - group_width) / 2);
  dy = MAX (0, (d->height - 2 * PAD - group_height) / 2);
  lay->vp.left = PAD + dx + l;
  lay->vp.top = PAD + dy + (title_height > 0 ? title_height + TITLE_GAP : 0) + t;
  snap_to_pixels (d->cr, &lay->vp);
  lay->plot_right = lay->vp.left + lay->vp.width + r;
  lay->column_left = lay->plot_right + COLUMN_GAP;
  lay->title_y = lay->vp.top - t - TITLE_GAP - title_height;
  lay->title_x = PAD;

  /* A plot that text squeezes into less than this share of the figure's
   * smaller side is not worth its labels. */
  return MIN (lay->vp.width, lay->vp.height) >= MIN_SHARE * MIN (d->width, d->height);
}

/* A small figure cannot hold all its text at a readable size. Rather than
 * shrink the fonts into illegibility, whole pieces give way, least useful
 * first: the title, then the colour bar's title and the arrows' legend,
 * then all text (ticks and bands stay). */
static gboolean
compute_layout (Draw *d)
{
  gboolean no_text = d->style.no_text;

  /* The arrows' legend names a scale that depends on the plot box, which
   * depends on the legend's width. The field laid out (not drawn) in a
   * box of about the final size gives a legend as wide as the final one
   * to within a few units, which the gap beside the column absorbs. */
  if (d->self->arrows != NULL && !no_text)
    {
      TangentViewport guess = { d->self->xmin, d->self->xmax, d->self->ymin, d->self->ymax,
                                0, 0, MAX (d->width - 2 * PAD - GUESS_MARGINS, MIN_PLOT),
                                MAX (d->height - 2 * PAD - GUESS_MARGINS, MIN_PLOT) };
      TangentArrowLegend legend = { 0 };
      double h;

      if (d->self->equal_aspect)
        tangent_viewport_equal_aspect (&guess);
      g_array_unref (tangent_arrows_layout (&guess, d->self->arrows->grad, get_params (d->self),
                                            &d->self->arrows->options, &legend));
      legend_size (&legend, &d->style, &d->legend_width, &h);
    }

  for (guint degree = 0; degree < 4; degree++)
    {
      d->show_title = degree < 1;
      d->show_extras = degree < 2;
      d->style.no_text = no_text || degree >= 3;
      if (try_layout (d))
        return TRUE;
    }
  return d->lay.vp.width >= MIN_PLOT && d->lay.vp.height >= MIN_PLOT;
}

/* ---------------------------------------------------------------------- */
/* Drawing                                                                  */

static void
set_color (cairo_t            *cr,
           const TangentColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* Device pixels per figure unit, for work that is bounded per pixel. */
static double
device_scale (cairo_t *cr)
{
  double dx = 1, dy = 0, sx, sy;

  cairo_surface_get_device_scale (cairo_get_group_target (cr), &sx, &sy);
  cairo_user_to_device_distance (cr, &dx, &dy);
  return CLAMP (hypot (dx * sx, dy * sy), 0.1, 100);
}

static void
stroke_contour (cairo_t               *cr,
                const TangentViewport *vp,
                const TangentContour  *contour,
                const TangentColor    *color,
                double                 width)
{
  cairo_save (cr);
  set_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < tangent_contour_get_n_lines (contour); i++)
    {
      guint n;
      gboolean closed;
      const double *xy = tangent_contour_get_line (contour, i, &n, &closed);

      for (guint k = 0; k < n; k++)
        {
          double px = tangent_viewport_to_px (vp, xy[2 * k]);
          double py = tangent_viewport_to_py (vp, xy[2 * k + 1]);

          if (k == 0)
            cairo_move_to (cr, px, py);
          else
            cairo_line_to (cr, px, py);
        }
      if (closed)
        cairo_close_path (cr);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_items (Draw   *d,
            GArray *legend)
{
  TangentFigure *self = d->self;
  const TangentViewport *vp = &d->lay.vp;
  const double *params = get_params (self);
  double scale = device_scale (d->cr);

  /* Level lines of functions of x and y first, then relations, then
   * curves on top. */
  for (guint pass = 0; pass < 3; pass++)
    {
      for (guint i = 0; i < self->items->len; i++)
        {
          FigureItem *item = g_ptr_array_index (self->items, i);

          if ((pass == 0) != (item->kind == ITEM_LEVELS)
              || (pass == 1) != (item->kind == ITEM_RELATION))
            continue;

          if (item->kind == ITEM_LEVELS)
            {
              g_autofree double *z = NULL;
              gsize z_size = 0;
              Evaluated ev;
              TangentContourOptions options = { 0 };

              evaluate_field (self, item->prog, LEVELS_GRID, &z, &z_size, NULL, 0, 10, &ev);
              options.levels = ev.levels;
              options.n_levels = ev.n_levels;
              options.colormap = TANGENT_COLORMAP_VIRIDIS;
              options.lines = TRUE;
              options.labels = !d->style.no_text;
              if (ev.n_levels > 0)
                tangent_contour_draw (d->cr, vp, &ev.field, &options, &d->style);
            }
          else if (item->kind == ITEM_RELATION)
            {
              g_autoptr(TangentContour) zero = NULL;
              TangentColor color;

              tangent_plot_style_legible_color (&d->style, &item->color, &color);
              zero = tangent_contour_relation (item->prog, params, vp->xmin, vp->xmax,
                                               vp->ymin, vp->ymax, RELATION_GRID, RELATION_GRID);
              if (zero != NULL)
                stroke_contour (d->cr, vp, zero, &color, item->width);
            }
          else
            {
              g_autoptr(TangentCurveSamples) samples = NULL;
              TangentColor color;

              tangent_plot_style_legible_color (&d->style, &item->color, &color);
              samples = tangent_sampler_run (item->prog, params, vp->xmin, vp->xmax,
                                             vp->ymin, vp->ymax,
                                             (guint) ceil (vp->width * scale),
                                             (guint) ceil (vp->height * scale), 0);
              if (samples != NULL)
                tangent_curve_draw_samples (d->cr, vp, &color, item->width, samples);
            }

          if (item->legend != NULL)
            {
              TangentLegendEntry entry = { TANGENT_LEGEND_LINE, item->color, item->width,
                                           g_strdup (item->legend) };

              tangent_plot_style_legible_color (&d->style, &item->color, &entry.color);
              g_array_append_val (legend, entry);
            }
        }
    }
}

static void
draw_overlays (Draw   *d,
               GArray *legend)
{
  TangentFigure *self = d->self;
  const TangentViewport *vp = &d->lay.vp;
  const double *params = get_params (self);

  for (guint i = 0; i < self->taylor->len; i++)
    {
      FigureTaylor *taylor = g_ptr_array_index (self->taylor, i);
      g_autoptr(GError) error = NULL;

      if (taylor->prog == NULL)
        continue;
      if (!tangent_overlay_taylor (d->cr, vp, taylor->prog, params, taylor->center,
                                   taylor->orders, taylor->n_orders, taylor->band,
                                   taylor->inset && !d->style.no_text, &d->style,
                                   taylor->color_index, legend, &error))
        {
          /* Said in the figure, and once among the warnings. */
          char *message = g_strdup_printf (_("No Taylor polynomials: %s"), error->message);
          TangentLegendEntry note = { TANGENT_LEGEND_NOTE, { 0, }, 0, g_markup_escape_text (message, -1) };

          g_array_append_val (legend, note);
          _tangent_figure_add_warning (self, TRUE, message);
        }
    }

  for (guint i = 0; i < self->lines->len; i++)
    {
      FigureLine *line = g_ptr_array_index (self->lines, i);

      if (line->prog == NULL)
        continue;
      tangent_overlay_line (d->cr, vp, line->prog, params, line->x1, line->x2, line->secant,
                            &line->color, &d->style);
      if (line->legend != NULL)
        {
          TangentLegendEntry entry = { TANGENT_LEGEND_LINE, line->color, d->style.overlay_width,
                                       g_strdup (line->legend) };

          g_array_append_val (legend, entry);
        }
    }

  for (guint i = 0; i < self->paths->len; i++)
    {
      FigurePath *path = g_ptr_array_index (self->paths, i);
      const TangentColor *color = path->has_color
        ? &path->color : tangent_plot_style_get_curve_color (&d->style, 1);

      tangent_overlay_path (d->cr, vp, path->xy, path->n_points, color, &d->style);
      if (path->legend != NULL)
        {
          TangentLegendEntry entry = { TANGENT_LEGEND_PATH, *color, d->style.curve_width,
                                       g_strdup (path->legend) };

          g_array_append_val (legend, entry);
        }
    }

  for (guint i = 0; i < self->markers->len; i++)
    {
      FigureMarker *marker = g_ptr_array_index (self->markers, i);

      /* The foreground reads on every colour map: the dot has a ring. */
      tangent_overlay_marker (d->cr, vp, marker->x, marker->y,
                              d->style.no_text ? NULL : marker->label,
                              &d->style.foreground, &d->style);
    }
}

static void
draw_title (Draw *d)
{
  const Layout *lay = &d->lay;
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  if (lay->title_width <= 0)
    return;

  layout = title_layout (d, lay->title_width);
  cairo_save (d->cr);
  set_color (d->cr, &d->style.foreground);
  if (pango_layout_get_line_count (layout) == 1)
    {
      /* One line: centred over the plot box, as far as the figure allows. */
      double w, centre = lay->vp.left + lay->vp.width / 2;

      pango_layout_set_width (layout, -1);
      pango_layout_get_extents (layout, NULL, &logical);
      w = logical.width / (double) PANGO_SCALE;
      cairo_move_to (d->cr,
                     CLAMP (centre - w / 2, lay->title_x, lay->title_x + lay->title_width - w)
                     - logical.x / (double) PANGO_SCALE,
                     lay->title_y);
    }
  else
    cairo_move_to (d->cr, lay->title_x, lay->title_y);
  pango_cairo_show_layout (d->cr, layout);
  cairo_restore (d->cr);
}

/* The arrows' legend at the top of the right column, the colour bar under
 * it down to the plot box's bottom, and the bar's title turned beside its
 * labels. */
static void
draw_column (Draw                     *d,
             const TangentArrowLegend *arrow_legend)
{
  const Layout *lay = &d->lay;
  cairo_t *cr = d->cr;
  double top = lay->vp.top, bottom = lay->vp.top + lay->vp.height;
  double right = MIN (lay->column_left + lay->column_width, d->width - PAD);

  if (arrow_legend != NULL && d->show_extras && !d->style.no_text)
    {
      double w, h;

      legend_size (arrow_legend, &d->style, &w, &h);
      tangent_arrows_draw_legend (cr, right, top, arrow_legend, &d->style);
      top += h + LEGEND_GAP;
    }

  if (has_colorbar (d) && bottom - top > MIN_PLOT)
    {
      double bar_title = 0;
      double total = colorbar_width (d, &bar_title);

      cairo_save (cr);
      if (d->style.no_text)
        {
          /* The bar without its labels. */
          cairo_rectangle (cr, lay->column_left, top, BAR_WIDTH, bottom - top);
          cairo_clip (cr);
        }
      tangent_colorbar_draw (cr, lay->column_left, top, BAR_WIDTH, bottom - top,
                             d->self->contour->map, d->ev.levels, d->ev.n_levels, &d->style);
      cairo_restore (cr);

      if (bar_title > 0)
        {
          g_autoptr(PangoLayout) layout = tangent_axes_create_layout (cr, &d->style, 1);
          double w, h;

          tangent_axes_set_markup (layout, d->self->contour->label);
          text_size (layout, &w, &h);
          cairo_save (cr);
          set_color (cr, &d->style.foreground);
          /* Read upwards, as the y axis's label is. */
          cairo_translate (cr, lay->column_left + total - bar_title, (top + bottom) / 2);
          cairo_rotate (cr, -G_PI / 2);
          pango_cairo_update_layout (cr, layout);
          cairo_move_to (cr, -w / 2, 0);
          pango_cairo_show_layout (cr, layout);
          cairo_restore (cr);
        }
    }
}

/**
 * tangent_figure_draw:
 * @self: a figure
 * @cr: the target, in figure units (CSS pixels)
 * @width: the figure's width
 * @height: its height
 *
 * Draws the whole figure: evaluates the contour grid and chooses levels,
 * lays out the title, frame and right column from the sizes of their
 * text, then draws the map, the curves and overlays, the arrows and the
 * decorations. Nothing is cached between calls except scratch memory.
 */
void
tangent_figure_draw (TangentFigure *self,
                     cairo_t       *cr,
                     double         width,
                     double         height)
{
  g_autoptr(GArray) legend = NULL;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (TangentBox));
  TangentArrowLegend arrow_legend = { 0 };
  gboolean have_arrow_legend = FALSE;
  Draw draw = { 0 }, *d = &draw;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (!(width > 0 && height > 0))
    return;

  d->self = self;
  d->cr = cr;
  d->width = width;
  d->height = height;
  d->style = self->style;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_color (cr, &d->style.background);
  cairo_paint (cr);

  /* Every layout made from cr (the other modules' too) measures the same
   * on every surface, and no glyph runs the TrueType hinting interpreter,
   * which a scalable figure does not need. */
  {
    cairo_font_options_t *options = cairo_font_options_create ();

    cairo_get_font_options (cr, options);
    cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
    cairo_set_font_options (cr, options);
    cairo_font_options_destroy (options);
  }

  if (self->contour != NULL)
    evaluate_field (self, self->contour->prog, self->contour->grid, &self->z, &self->z_size,
                    self->contour->given, self->contour->n_given, self->contour->n_levels, &d->ev);

  if (!compute_layout (d))
    {
      cairo_restore (cr);
      return;
    }
  self->drawn = d->lay.vp;
  self->has_drawn = TRUE;

  legend = g_array_new (FALSE, TRUE, sizeof (TangentLegendEntry));

  tangent_axes_draw_frame_background (cr, &d->lay.vp, &d->lay.frame, &d->style);

  cairo_save (cr);
  cairo_rectangle (cr, d->lay.vp.left, d->lay.vp.top, d->lay.vp.width, d->lay.vp.height);
  cairo_clip (cr);

  /* Bands, level lines and labels in one pass (the lines take light or
   * dark ink from the bands they cross), the arrows over them. */
  if (self->contour != NULL && d->ev.n_levels > 0)
    {
      TangentContourOptions options = {
        d->ev.levels, d->ev.n_levels, self->contour->map, self->contour->filled,
        self->contour->lines, self->contour->labels && !d->style.no_text, placed,
      };

      tangent_contour_draw (cr, &d->lay.vp, &d->ev.field, &options, &d->style);
    }

  if (self->arrows != NULL)
    {
      TangentArrowOptions options = self->arrows->options;

      /* Arrows give way to the contour labels. */
      options.avoid = (const TangentBox *) placed->data;
      options.n_avoid = placed->len;
      tangent_arrows_draw (cr, &d->lay.vp, self->arrows->grad, get_params (self),
                           &options, &d->style, &arrow_legend);
      have_arrow_legend = TRUE;
    }

  draw_items (d, legend);

  draw_overlays (d, legend);
  cairo_restore (cr);

  tangent_axes_draw_frame (cr, &d->lay.vp, &d->lay.frame, &d->style);

  if (self->legend && legend->len > 0 && !d->style.no_text)
    tangent_overlay_legend (cr, &d->lay.vp, (const TangentLegendEntry *) legend->data,
                            legend->len, &d->style);
  tangent_legend_entries_clear (legend);

  draw_title (d);
  draw_column (d, have_arrow_legend ? &arrow_legend : NULL);

  cairo_restore (cr);
}
