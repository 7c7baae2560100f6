/* tangent-legend.c: the legend box of overlays — a sample of each line,
 * band, marker or path beside its typeset text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-overlay"

#include <math.h>

#include "tangent-overlay.h"
#include "tangent-overlay-private.h"

/* A row is at least this tall, so that samples do not touch. */
#define ROW_MIN_HEIGHT 16.0

void
_tangent_legend_append (GArray             *legend,
                        TangentLegendKind   kind,
                        const TangentColor *color,
                        double              width,
                        char               *markup)
{
  TangentLegendEntry entry = { kind, { 0, 0, 0, 1 }, width, markup };

  if (legend == NULL)
    {
      g_free (markup);
      return;
    }
  if (color != NULL)
    entry.color = *color;
  g_array_append_val (legend, entry);
}

/**
 * tangent_legend_entries_clear:
 * @legend: a GArray of #TangentLegendEntry
 *
 * Frees the entries' markup and empties the array.
 */
void
tangent_legend_entries_clear (GArray *legend)
{
  g_return_if_fail (legend != NULL);

  for (guint i = 0; i < legend->len; i++)
    g_clear_pointer (&g_array_index (legend, TangentLegendEntry, i).markup, g_free);
  g_array_set_size (legend, 0);
}

/* A dot with a ring in the halo colour, readable over a filled map. */
void
_tangent_marker_dot (cairo_t                *cr,
                     double                  px,
                     double                  py,
                     double                  radius,
                     const TangentColor     *color,
                     const TangentPlotStyle *style)
{
  cairo_save (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, px, py, radius, 0, 2 * G_PI);
  _tangent_set_color (cr, color);
  cairo_fill_preserve (cr);
  _tangent_set_color (cr, &style->halo_color);
  cairo_set_line_width (cr, 1.25);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_sample (cairo_t                  *cr,
             const TangentLegendEntry *e,
             double                    left,
             double                    cy,
             const TangentPlotStyle   *style)
{
  double right = left + TANGENT_LEGEND_SAMPLE;
  double width = e->width > 0 ? MIN (e->width, 6.0) : style->overlay_width;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  switch (e->kind)
    {
    case TANGENT_LEGEND_LINE:
      _tangent_set_color (cr, &e->color);
      cairo_set_line_width (cr, width);
      cairo_move_to (cr, left, cy);
      cairo_line_to (cr, right, cy);
      cairo_stroke (cr);
      break;

    case TANGENT_LEGEND_BAND:
      _tangent_set_color_alpha (cr, &e->color, TANGENT_BAND_ALPHA);
      cairo_rectangle (cr, left, cy - 5, TANGENT_LEGEND_SAMPLE, 10);
      cairo_fill (cr);
      break;

    case TANGENT_LEGEND_MARKER:
      _tangent_marker_dot (cr, (left + right) / 2, cy, style->marker_radius, &e->color, style);
      break;

    case TANGENT_LEGEND_PATH:
      _tangent_set_color (cr, &e->color);
      cairo_set_line_width (cr, width);
      cairo_move_to (cr, left + 2, cy);
      cairo_line_to (cr, right - 2, cy);
      cairo_stroke (cr);
      tangent_arrow_head (cr, left, cy, (left + right) / 2 + 4, cy, 8);
      cairo_fill (cr);
      cairo_arc (cr, left + 2, cy, 2, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_arc (cr, right - 2, cy, 2, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case TANGENT_LEGEND_NOTE:
    default:
      break;
    }
  cairo_restore (cr);
}

/* Lays the rows out: calls row (when not NULL) with each entry's text
 * position and height, and returns the box's size. */
static void
layout_rows (cairo_t                  *cr,
             PangoLayout              *layout,
             const TangentLegendEntry *entries,
             guint                     n_entries,
             const TangentPlotStyle   *style,
             double                    left,
             double                    top,
             double                   *width,
             double                   *height)
{
  double w = 0, y = top + TANGENT_LEGEND_PAD;

  for (guint i = 0; i < n_entries; i++)
    {
      const TangentLegendEntry *e = &entries[i];
      gboolean sample = e->kind != TANGENT_LEGEND_NOTE;
      double text_left = left + TANGENT_LEGEND_PAD
                         + (sample ? TANGENT_LEGEND_SAMPLE + TANGENT_LEGEND_GAP : 0);
      PangoRectangle logical;
      double row_h;

      _tangent_layout_set_markup (layout, e->markup);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      row_h = MAX (logical.height, ROW_MIN_HEIGHT);
      w = MAX (w, text_left - left + logical.width);

      if (cr != NULL)
        {
          if (sample)
            draw_sample (cr, e, left + TANGENT_LEGEND_PAD, y + row_h / 2, style);
          cairo_save (cr);
          _tangent_set_color_alpha (cr, &style->foreground, sample ? 1 : 0.8);
          cairo_move_to (cr, text_left, y + (row_h - logical.height) / 2);
          pango_cairo_show_layout (cr, layout);
          cairo_restore (cr);
        }
      y += row_h;
    }

  *width = n_entries > 0 ? w + TANGENT_LEGEND_PAD : 0;
  *height = n_entries > 0 ? y + TANGENT_LEGEND_PAD - top : 0;
}

/**
 * tangent_overlay_legend_get_size:
 * @cr: a context for measuring text
 * @entries: (array length=n_entries): the entries
 * @n_entries: how many
 * @style: the font
 * @width: (out): the box's width (0 without entries)
 * @height: (out): its height
 */
void
tangent_overlay_legend_get_size (cairo_t                  *cr,
                                 const TangentLegendEntry *entries,
                                 guint                     n_entries,
                                 const TangentPlotStyle   *style,
                                 double                   *width,
                                 double                   *height)
{
  g_autoptr(PangoLayout) layout = NULL;

  g_return_if_fail (cr != NULL && style != NULL && width != NULL && height != NULL);
  g_return_if_fail (entries != NULL || n_entries == 0);

  layout = _tangent_layout_new (cr, style, 1.0);
  layout_rows (NULL, layout, entries, n_entries, style, 0, 0, width, height);
}

/**
 * tangent_overlay_legend_at:
 * @cr: the target
 * @left: the box's left edge
 * @top: its top edge
 * @entries: (array length=n_entries): the entries
 * @n_entries: how many
 * @style: colours and font
 *
 * A semi-opaque box with one row per entry: a sample of the line, band,
 * marker or path, and its text (Pango markup); a note is a row of text
 * alone.
 */
void
tangent_overlay_legend_at (cairo_t                  *cr,
                           double                    left,
                           double                    top,
                           const TangentLegendEntry *entries,
                           guint                     n_entries,
                           const TangentPlotStyle   *style)
{
  g_autoptr(PangoLayout) layout = NULL;
  double width, height;

  g_return_if_fail (cr != NULL && style != NULL);
  g_return_if_fail (entries != NULL || n_entries == 0);

  if (n_entries == 0)
    return;

  layout = _tangent_layout_new (cr, style, 1.0);
  layout_rows (NULL, layout, entries, n_entries, style, left, top, &width, &height);
  _tangent_legend_box (cr, left, top, width, height, 0.88, style);
  layout_rows (cr, layout, entries, n_entries, style, left, top, &width, &height);
}

/**
 * tangent_overlay_legend:
 * @cr: the target
 * @vp: the viewport: the box goes in its top-left corner, clipped to it
 * @entries: (array length=n_entries): the entries
 * @n_entries: how many
 * @style: colours and font
 */
void
tangent_overlay_legend (cairo_t                  *cr,
                        const TangentViewport    *vp,
                        const TangentLegendEntry *entries,
                        guint                     n_entries,
                        const TangentPlotStyle   *style)
{
  g_return_if_fail (cr != NULL && vp != NULL && style != NULL);

  if (!tangent_viewport_is_valid (vp) || n_entries == 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, vp->left, vp->top, vp->width, vp->height);
  cairo_clip (cr);
  tangent_overlay_legend_at (cr, vp->left + TANGENT_LEGEND_MARGIN, vp->top + TANGENT_LEGEND_MARGIN,
                             entries, n_entries, style);
  cairo_restore (cr);
}
