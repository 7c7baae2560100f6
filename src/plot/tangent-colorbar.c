/* tangent-colorbar.c: the colour bar of a filled contour map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One block of equal height per band, whatever the spacing of the levels
 * (1 5 10 20 35 … 800 would otherwise squash the low bands that matter
 * most into a sliver), and a label at each boundary: the bar reads as a
 * legend of the bands, not as an axis.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-colorbar"

#include <math.h>
#include <pango/pangocairo.h>

#include "tangent-colormap.h"
#include "tangent-format.h"

#define LABEL_GAP  4.0   /* between the bar's tick and its label */
#define TICK       3.0
#define BUF_SIZE   (TANGENT_FORMAT_BUF_SIZE + 4)

/* The level as people write it, with a real minus sign. */
static void
format_level (char   *buf,
              double  value)
{
  char tmp[TANGENT_FORMAT_BUF_SIZE];

  tangent_format_shortest (tmp, value);
  if (tmp[0] == '-')
    g_snprintf (buf, BUF_SIZE, "\xe2\x88\x92%s", tmp + 1);
  else
    g_strlcpy (buf, tmp, BUF_SIZE);
}

static PangoLayout *
create_layout (cairo_t                *cr,
               const TangentPlotStyle *style)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (style->font);
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_layout_set_font_description (layout, font);
  return layout;
}

double
tangent_colorbar_get_width (cairo_t                *cr,
                            double                  bar_width,
                            const double           *levels,
                            guint                   n_levels,
                            const TangentPlotStyle *style)
{
  g_autoptr(PangoLayout) layout = NULL;
  int widest = 0;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (levels != NULL || n_levels == 0, 0);
  g_return_val_if_fail (style != NULL, 0);

  layout = create_layout (cr, style);
  for (guint k = 0; k < n_levels; k++)
    {
      char text[BUF_SIZE];
      PangoRectangle logical;

      format_level (text, levels[k]);
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      widest = MAX (widest, logical.width);
    }
  return bar_width + TICK + LABEL_GAP + widest;
}

/**
 * tangent_colorbar_draw:
 *
 * Block k (band k, from the bottom) is painted from its lower edge to the
 * top of the bar and the next one over it, so neighbouring blocks meet
 * without an antialiased seam. When the blocks are lower than a line of
 * text, only every m-th boundary is labelled, m the smallest that keeps
 * labels apart.
 */
void
tangent_colorbar_draw (cairo_t                *cr,
                       double                  left,
                       double                  top,
                       double                  width,
                       double                  height,
                       TangentColormap         map,
                       const double           *levels,
                       guint                   n_levels,
                       const TangentPlotStyle *style)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  double block;
  guint stride;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (levels != NULL || n_levels == 0);
  g_return_if_fail (style != NULL);

  if (!(width > 0) || !(height > 0))
    return;

  block = height / (n_levels + 1);

  cairo_save (cr);
  for (guint k = 0; k <= n_levels; k++)
    {
      TangentColor c;
      double bottom = top + height - k * block;

      tangent_colormap_level_band (map, levels, n_levels, k, &c);
      cairo_set_source_rgba (cr, c.red, c.green, c.blue, c.alpha);
      cairo_rectangle (cr, left, top, width, bottom - top);
      cairo_fill (cr);
    }

  cairo_set_source_rgba (cr, style->foreground.red, style->foreground.green,
                         style->foreground.blue, style->foreground.alpha);
  cairo_set_line_width (cr, style->axis_width);
  cairo_rectangle (cr, left + 0.5, top + 0.5, width - 1, height - 1);
  cairo_stroke (cr);

  layout = create_layout (cr, style);
  pango_layout_set_text (layout, "0", -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  stride = MAX (1, (guint) ceil (logical.height * 1.15 / block));

  for (guint k = 0; k < n_levels; k++)
    {
      char text[BUF_SIZE];
      double y = top + height - (k + 1) * block;

      /* With a stride, keep the labels at multiples of it from the top
       * down, so the last level is always named. */
      if ((n_levels - 1 - k) % stride != 0)
        continue;

      cairo_move_to (cr, left + width, floor (y) + 0.5);
      cairo_line_to (cr, left + width + TICK, floor (y) + 0.5);
      cairo_stroke (cr);

      format_level (text, levels[k]);
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      cairo_move_to (cr, left + width + TICK + LABEL_GAP, y - logical.height / 2.0);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}
