/* tangent-axes.c: background, grid, axes, ticks and their labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-axes"

#include <math.h>
#include <pango/pangocairo.h>

#include "tangent-axes.h"
#include "tangent-format.h"
#include "tangent-ticks.h"

/* About one tick per this many device units keeps labels apart. */
#define TICK_SPACING_X 70.0
#define TICK_SPACING_Y 60.0
#define LABEL_GAP 3.0

static void
set_color (cairo_t            *cr,
           const TangentColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static guint
max_ticks_for (double length,
               double spacing)
{
  return (guint) CLAMP (length / spacing, 2, 50) + 1;
}

/* Snaps a coordinate to the centre of a device pixel so that one-unit
 * lines are crisp instead of two half-covered pixels. */
static double
crisp (double v)
{
  return floor (v) + 0.5;
}

static void
draw_grid (cairo_t                *cr,
           const TangentViewport  *vp,
           const TangentPlotStyle *style,
           const TangentTicks     *xt,
           const TangentTicks     *yt)
{
  cairo_save (cr);
  set_color (cr, &style->grid);
  cairo_set_line_width (cr, style->grid_width);

  for (guint i = 0; i < xt->count; i++)
    {
      double px = crisp (tangent_viewport_to_px (vp, tangent_ticks_value (xt, i)));

      cairo_move_to (cr, px, vp->top);
      cairo_line_to (cr, px, vp->top + vp->height);
    }

  for (guint i = 0; i < yt->count; i++)
    {
      double py = crisp (tangent_viewport_to_py (vp, tangent_ticks_value (yt, i)));

      cairo_move_to (cr, vp->left, py);
      cairo_line_to (cr, vp->left + vp->width, py);
    }

  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Draws @text with its anchor point at (@x, @y); @ax and @ay are 0 for the
 * left/top edge of the text, 0.5 for its centre, 1 for its right/bottom.
 * A label that would not fit inside the viewport is left out rather than
 * cut in half at the edge. */
static void
draw_label (cairo_t               *cr,
            const TangentViewport *vp,
            PangoLayout           *layout,
            const char            *text,
            double                 x,
            double                 y,
            double                 ax,
            double                 ay)
{
  PangoRectangle logical;
  double left, top;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  left = x - ax * logical.width;
  top = y - ay * logical.height;

  if (left < vp->left || top < vp->top
      || left + logical.width > vp->left + vp->width
      || top + logical.height > vp->top + vp->height)
    return;

  cairo_move_to (cr, left, top);
  pango_cairo_show_layout (cr, layout);
}

/* A label reads as a number of the axis, so the Unicode minus sign is used,
 * as typeset mathematics does, instead of the narrower hyphen. */
static void
format_tick (char   *buf,
             double  value,
             guint   decimals)
{
  char tmp[TANGENT_FORMAT_BUF_SIZE];

  tangent_format_fixed (tmp, value, decimals);
  if (tmp[0] == '-')
    g_snprintf (buf, TANGENT_FORMAT_BUF_SIZE + 4, "\xe2\x88\x92%s", tmp + 1);
  else
    g_strlcpy (buf, tmp, TANGENT_FORMAT_BUF_SIZE + 4);
}

/**
 * tangent_axes_draw:
 * @cr: the target
 * @vp: the viewport; nothing is drawn when it is not valid
 * @style: colours and widths
 *
 * Fills the viewport with the background, draws the grid at the ticks, and
 * the two axes through the origin with ticks and labels. An axis whose
 * origin is outside the view runs along the nearer edge, so the numbers
 * stay readable however far the view is panned.
 */
void
tangent_axes_draw (cairo_t                *cr,
                   const TangentViewport  *vp,
                   const TangentPlotStyle *style)
{
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  TangentTicks xt, yt;
  double ax_py, ay_px;
  gboolean have_x, have_y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (vp != NULL);
  g_return_if_fail (style != NULL);

  if (!tangent_viewport_is_valid (vp))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, vp->left, vp->top, vp->width, vp->height);
  cairo_clip (cr);

  set_color (cr, &style->background);
  cairo_paint (cr);

  have_x = tangent_ticks_compute (vp->xmin, vp->xmax,
                                  max_ticks_for (vp->width, TICK_SPACING_X), &xt);
  have_y = tangent_ticks_compute (vp->ymin, vp->ymax,
                                  max_ticks_for (vp->height, TICK_SPACING_Y), &yt);
  if (!have_x)
    xt.count = 0;
  if (!have_y)
    yt.count = 0;

  draw_grid (cr, vp, style, &xt, &yt);

  /* The axes: through the origin, or along the edge it lies beyond. */
  ax_py = crisp (CLAMP (tangent_viewport_to_py (vp, 0), vp->top, vp->top + vp->height - 1));
  ay_px = crisp (CLAMP (tangent_viewport_to_px (vp, 0), vp->left, vp->left + vp->width - 1));

  set_color (cr, &style->foreground);
  cairo_set_line_width (cr, style->axis_width);
  cairo_move_to (cr, vp->left, ax_py);
  cairo_line_to (cr, vp->left + vp->width, ax_py);
  cairo_move_to (cr, ay_px, vp->top);
  cairo_line_to (cr, ay_px, vp->top + vp->height);

  for (guint i = 0; i < xt.count; i++)
    {
      double px = crisp (tangent_viewport_to_px (vp, tangent_ticks_value (&xt, i)));

      cairo_move_to (cr, px, ax_py - style->tick_length / 2);
      cairo_line_to (cr, px, ax_py + style->tick_length / 2);
    }
  for (guint i = 0; i < yt.count; i++)
    {
      double py = crisp (tangent_viewport_to_py (vp, tangent_ticks_value (&yt, i)));

      cairo_move_to (cr, ay_px - style->tick_length / 2, py);
      cairo_line_to (cr, ay_px + style->tick_length / 2, py);
    }
  cairo_stroke (cr);

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (style->font);
  pango_layout_set_font_description (layout, font);

  /* Labels below the x axis (above it when the axis is at the bottom
   * edge), left of the y axis (right of it at the left edge). The origin
   * is labelled once, at the corner, by the x axis. */
  for (guint i = 0; i < xt.count; i++)
    {
      char text[TANGENT_FORMAT_BUF_SIZE + 4];
      double value = tangent_ticks_value (&xt, i);
      double px = tangent_viewport_to_px (vp, value);
      gboolean at_bottom = ax_py > vp->top + vp->height - 24;

      if (value == 0 && ay_px > vp->left + 1 && ay_px < vp->left + vp->width - 1)
        {
          draw_label (cr, vp, layout, "0", px - LABEL_GAP, ax_py + LABEL_GAP, 1, 0);
          continue;
        }

      format_tick (text, value, xt.decimals);
      draw_label (cr, vp, layout, text, px, at_bottom ? ax_py - LABEL_GAP : ax_py + LABEL_GAP,
                  0.5, at_bottom ? 1 : 0);
    }

  for (guint i = 0; i < yt.count; i++)
    {
      char text[TANGENT_FORMAT_BUF_SIZE + 4];
      double value = tangent_ticks_value (&yt, i);
      double py = tangent_viewport_to_py (vp, value);
      gboolean at_left = ay_px < vp->left + 40;

      if (value == 0)
        continue;

      format_tick (text, value, yt.decimals);
      draw_label (cr, vp, layout, text,
                  at_left ? ay_px + LABEL_GAP * 2 : ay_px - LABEL_GAP * 2, py,
                  at_left ? 0 : 1, 0.5);
    }

  cairo_restore (cr);
}
