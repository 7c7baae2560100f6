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

/* The frame of a figure ------------------------------------------------ */

#define FRAME_LABEL_GAP 4.0   /* between a tick and its label */
#define AXIS_LABEL_GAP  8.0   /* between the tick labels and the axis label */

/**
 * tangent_axes_create_layout:
 * @cr: the target
 * @style: gives the font
 * @scale: multiplies the font's size (1: as it is)
 *
 * A figure must measure the same in PNG, SVG and PDF so that one layout
 * serves all three: metrics are not hinted and glyph positions are not
 * rounded to whole device units.
 *
 * Returns: (transfer full): a layout in the style's font
 */
PangoLayout *
tangent_axes_create_layout (cairo_t                *cr,
                            const TangentPlotStyle *style,
                            double                  scale)
{
  static const cairo_user_data_key_t context_key;
  g_autoptr(PangoFontDescription) font = NULL;
  PangoContext *context;
  PangoLayout *layout;

  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  /* One context per cairo_t, kept on it: a figure makes dozens of
   * layouts, and a fresh context for each costs more than the text. */
  context = cairo_get_user_data (cr, &context_key);
  if (context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      context = pango_cairo_create_context (cr);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (context, options);
      cairo_font_options_destroy (options);
      pango_context_set_round_glyph_positions (context, FALSE);
      if (cairo_set_user_data (cr, &context_key, context, g_object_unref) != CAIRO_STATUS_SUCCESS)
        g_clear_object (&context);
    }
  if (context != NULL)
    {
      pango_cairo_update_context (cr, context);
      layout = pango_layout_new (context);
    }
  else
    layout = pango_cairo_create_layout (cr);

  font = pango_font_description_from_string (style->font);
  if (scale != 1 && pango_font_description_get_size (font) > 0)
    {
      double size = pango_font_description_get_size (font) * scale;

      if (pango_font_description_get_size_is_absolute (font))
        pango_font_description_set_absolute_size (font, size);
      else
        pango_font_description_set_size (font, (gint) lround (size));
    }
  pango_layout_set_font_description (layout, font);

  return layout;
}

/**
 * tangent_axes_set_markup:
 * @layout: a layout
 * @markup: Pango markup
 *
 * Sets @markup, falling back to showing it as plain text when it is not
 * valid markup, so that a label never silently disappears.
 */
void
tangent_axes_set_markup (PangoLayout *layout,
                         const char  *markup)
{
  g_return_if_fail (PANGO_IS_LAYOUT (layout));
  g_return_if_fail (markup != NULL);

  if (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL))
    pango_layout_set_markup (layout, markup, -1);
  else
    pango_layout_set_text (layout, markup, -1);
}

static void
frame_ticks (const TangentViewport *vp,
             TangentTicks          *xt,
             TangentTicks          *yt)
{
  if (!tangent_ticks_compute (vp->xmin, vp->xmax, max_ticks_for (vp->width, TICK_SPACING_X), xt))
    xt->count = 0;
  if (!tangent_ticks_compute (vp->ymin, vp->ymax, max_ticks_for (vp->height, TICK_SPACING_Y), yt))
    yt->count = 0;
}

static void
measure (PangoLayout *layout,
         const char  *text,
         gboolean     markup,
         double      *width,
         double      *height)
{
  PangoRectangle logical;

  if (markup)
    tangent_axes_set_markup (layout, text);
  else
    pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  *width = logical.width / (double) PANGO_SCALE;
  *height = logical.height / (double) PANGO_SCALE;
}

/**
 * tangent_axes_frame_margins:
 * @cr: the target (for measuring text)
 * @vp: the plot rectangle the frame goes around
 * @options: what the frame shows
 * @style: font and tick length
 * @left: (out): space needed left of the box
 * @right: (out): right of it
 * @top: (out): above it
 * @bottom: (out): below it
 *
 * The ticks depend on the size of @vp, and the margins on the ticks'
 * labels: a caller that places the box from the margins calls this again
 * with the box it got until the margins settle (one round is usually
 * enough).
 */
void
tangent_axes_frame_margins (cairo_t                   *cr,
                            const TangentViewport     *vp,
                            const TangentFrameOptions *options,
                            const TangentPlotStyle    *style,
                            double                    *left,
                            double                    *right,
                            double                    *top,
                            double                    *bottom)
{
  g_autoptr(PangoLayout) layout = NULL;
  TangentTicks xt, yt;
  double line_height = 0, max_y_width = 0, w, h;

  g_return_if_fail (cr != NULL && vp != NULL && options != NULL && style != NULL);

  *left = *bottom = style->tick_length + style->axis_width;
  *right = *top = style->axis_width;

  if (options->no_text || !tangent_viewport_is_valid (vp))
    return;

  layout = tangent_axes_create_layout (cr, style, 1);
  frame_ticks (vp, &xt, &yt);

  for (guint i = 0; i < xt.count; i++)
    {
      char text[TANGENT_FORMAT_BUF_SIZE + 4];
      double px;

      format_tick (text, tangent_ticks_value (&xt, i), xt.decimals);
      measure (layout, text, FALSE, &w, &h);
      line_height = MAX (line_height, h);
      px = tangent_viewport_to_px (vp, tangent_ticks_value (&xt, i));
      *right = MAX (*right, px + w / 2 - (vp->left + vp->width));
      *left = MAX (*left, vp->left - (px - w / 2));
    }

  for (guint i = 0; i < yt.count; i++)
    {
      char text[TANGENT_FORMAT_BUF_SIZE + 4];
      double py;

      format_tick (text, tangent_ticks_value (&yt, i), yt.decimals);
      measure (layout, text, FALSE, &w, &h);
      max_y_width = MAX (max_y_width, w);
      py = tangent_viewport_to_py (vp, tangent_ticks_value (&yt, i));
      *top = MAX (*top, vp->top - (py - h / 2));
      *bottom = MAX (*bottom, py + h / 2 - (vp->top + vp->height));
    }

  if (xt.count > 0)
    *bottom = MAX (*bottom, style->tick_length + FRAME_LABEL_GAP + line_height);
  if (yt.count > 0)
    *left = MAX (*left, style->tick_length + FRAME_LABEL_GAP + max_y_width);

  if (options->x_label != NULL)
    {
      measure (layout, options->x_label, TRUE, &w, &h);
      *bottom += AXIS_LABEL_GAP + h;
    }
  if (options->y_label != NULL)
    {
      measure (layout, options->y_label, TRUE, &w, &h);
      *left += AXIS_LABEL_GAP + h;
    }
}

/**
 * tangent_axes_draw_frame_background:
 * @cr: the target
 * @vp: the plot rectangle
 * @options: what the frame shows
 * @style: colours and widths
 *
 * Fills the plot rectangle with the background and draws the grid and the
 * lines through the origin, which the plot's content then covers.
 */
void
tangent_axes_draw_frame_background (cairo_t                   *cr,
                                    const TangentViewport     *vp,
                                    const TangentFrameOptions *options,
                                    const TangentPlotStyle    *style)
{
  TangentTicks xt, yt;

  g_return_if_fail (cr != NULL && vp != NULL && options != NULL && style != NULL);

  if (!tangent_viewport_is_valid (vp))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, vp->left, vp->top, vp->width, vp->height);
  cairo_clip (cr);
  set_color (cr, &style->background);
  cairo_paint (cr);

  frame_ticks (vp, &xt, &yt);
  if (options->grid)
    draw_grid (cr, vp, style, &xt, &yt);

  if (options->origin_axes)
    {
      double px = tangent_viewport_to_px (vp, 0);
      double py = tangent_viewport_to_py (vp, 0);

      cairo_set_source_rgba (cr, style->foreground.red, style->foreground.green,
                             style->foreground.blue, style->foreground.alpha * 0.6);
      cairo_set_line_width (cr, style->axis_width);
      if (px > vp->left + 1 && px < vp->left + vp->width - 1)
        {
          cairo_move_to (cr, crisp (px), vp->top);
          cairo_line_to (cr, crisp (px), vp->top + vp->height);
        }
      if (py > vp->top + 1 && py < vp->top + vp->height - 1)
        {
          cairo_move_to (cr, vp->left, crisp (py));
          cairo_line_to (cr, vp->left + vp->width, crisp (py));
        }
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

/* A coordinate (x when vertical, else y) moved to where a line of the
 * given width covers whole device pixels: pixel centres for an odd number
 * of device pixels, pixel edges for an even one. */
static double
crisp_device (cairo_t  *cr,
              double    v,
              gboolean  vertical,
              double    width)
{
  double x = vertical ? v : 0, y = vertical ? 0 : v;
  double dx = width, dy = width, sx, sy;
  long pixels;

  /* cairo's device space does not include the surface's device scale */
  cairo_surface_get_device_scale (cairo_get_group_target (cr), &sx, &sy);
  cairo_user_to_device_distance (cr, &dx, &dy);
  pixels = lround (fabs (vertical ? dx * sx : dy * sy));
  cairo_user_to_device (cr, &x, &y);
  if (vertical)
    x = (pixels % 2 == 1 ? floor (x * sx) + 0.5 : round (x * sx)) / sx;
  else
    y = (pixels % 2 == 1 ? floor (y * sy) + 0.5 : round (y * sy)) / sy;
  cairo_device_to_user (cr, &x, &y);
  return vertical ? x : y;
}

static void
show_at (cairo_t     *cr,
         PangoLayout *layout,
         double       x,
         double       y,
         double       ax,
         double       ay)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr,
                 x - ax * logical.width / (double) PANGO_SCALE - logical.x / (double) PANGO_SCALE,
                 y - ay * logical.height / (double) PANGO_SCALE - logical.y / (double) PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

/**
 * tangent_axes_draw_frame:
 * @cr: the target
 * @vp: the plot rectangle
 * @options: what the frame shows
 * @style: colours, widths and font
 *
 * Draws the box around @vp, ticks pointing out of it at nice numbers,
 * their labels (with true minus signs), and the axis labels: the x label
 * centred under the tick labels, the y label turned to read upwards,
 * centred left of them. The labels go where tangent_axes_frame_margins()
 * made room for them.
 */
void
tangent_axes_draw_frame (cairo_t                   *cr,
                         const TangentViewport     *vp,
                         const TangentFrameOptions *options,
                         const TangentPlotStyle    *style)
{
  g_autoptr(PangoLayout) layout = NULL;
  TangentTicks xt, yt;
  double left, top, bottom, w, h;
  double line_height = 0, max_y_width = 0;

  g_return_if_fail (cr != NULL && vp != NULL && options != NULL && style != NULL);

  if (!tangent_viewport_is_valid (vp))
    return;

  frame_ticks (vp, &xt, &yt);
  left = vp->left;
  top = vp->top;
  bottom = vp->top + vp->height;

  cairo_save (cr);
  set_color (cr, &style->foreground);
  cairo_set_line_width (cr, style->axis_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  /* Just outside the box, so that it covers none of the plot, and on
   * whole device pixels when the box is (see tangent_figure_draw). */
  cairo_rectangle (cr, left - style->axis_width / 2, top - style->axis_width / 2,
                   vp->width + style->axis_width, vp->height + style->axis_width);
  cairo_stroke (cr);

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint i = 0; i < xt.count; i++)
    {
      double px = crisp_device (cr, tangent_viewport_to_px (vp, tangent_ticks_value (&xt, i)),
                                TRUE, style->axis_width);

      cairo_move_to (cr, px, bottom);
      cairo_line_to (cr, px, bottom + style->tick_length);
    }
  for (guint i = 0; i < yt.count; i++)
    {
      double py = crisp_device (cr, tangent_viewport_to_py (vp, tangent_ticks_value (&yt, i)),
                                FALSE, style->axis_width);

      cairo_move_to (cr, left, py);
      cairo_line_to (cr, left - style->tick_length, py);
    }
  cairo_stroke (cr);

  if (options->no_text)
    {
      cairo_restore (cr);
      return;
    }

  layout = tangent_axes_create_layout (cr, style, 1);

  for (guint i = 0; i < xt.count; i++)
    {
      char text[TANGENT_FORMAT_BUF_SIZE + 4];
      double value = tangent_ticks_value (&xt, i);

      format_tick (text, value, xt.decimals);
      measure (layout, text, FALSE, &w, &h);
      line_height = MAX (line_height, h);
      show_at (cr, layout, tangent_viewport_to_px (vp, value),
               bottom + style->tick_length + FRAME_LABEL_GAP, 0.5, 0);
    }

  for (guint i = 0; i < yt.count; i++)
    {
      char text[TANGENT_FORMAT_BUF_SIZE + 4];
      double value = tangent_ticks_value (&yt, i);

      format_tick (text, value, yt.decimals);
      measure (layout, text, FALSE, &w, &h);
      max_y_width = MAX (max_y_width, w);
      show_at (cr, layout, left - style->tick_length - FRAME_LABEL_GAP,
               tangent_viewport_to_py (vp, value), 1, 0.5);
    }

  if (options->x_label != NULL)
    {
      tangent_axes_set_markup (layout, options->x_label);
      show_at (cr, layout, left + vp->width / 2,
               bottom + style->tick_length + FRAME_LABEL_GAP + line_height + AXIS_LABEL_GAP,
               0.5, 0);
    }

  if (options->y_label != NULL)
    {
      double x = left - style->tick_length - FRAME_LABEL_GAP - max_y_width - AXIS_LABEL_GAP;

      tangent_axes_set_markup (layout, options->y_label);
      cairo_save (cr);
      cairo_translate (cr, x, top + vp->height / 2);
      cairo_rotate (cr, -G_PI / 2);
      pango_cairo_update_layout (cr, layout);
      /* Turned, the layout's bottom edge faces the tick labels. */
      show_at (cr, layout, 0, 0, 0.5, 1);
      cairo_restore (cr);
    }

  cairo_restore (cr);
}
