/* tangent-arrows-legend.c: the box that says what the arrows mean
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per thing the field shows: the sample arrow on the field's own
 * scale with its nice magnitude ("|∇f| = 50"); then, only when they occur,
 * the thin lengthened arrows and the magnitude below which they were
 * lengthened, the dots of a zero gradient, and the points left empty
 * because ∇f is not finite there. Normalized: the one length, and the
 * range of magnitudes it hides.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-arrows"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tangent-arrows.h"
#include "tangent-overlay-private.h"

#define GRAD_F   "\xe2\x88\x87<i>f</i>"            /* ∇f */
#define NEG_GRAD "\xe2\x88\x92\xe2\x88\x87<i>f</i>" /* −∇f */

typedef enum
{
  SAMPLE_NONE,
  SAMPLE_ARROW,
  SAMPLE_THIN,
  SAMPLE_DOT,
} SampleKind;

typedef struct
{
  SampleKind kind;
  double     length;
  char      *markup;
} Row;

static void
row_clear (Row *row)
{
  g_free (row->markup);
}

static GArray *
legend_rows (const TangentArrowLegend *legend)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));
  const char *field = legend->negative ? NEG_GRAD : GRAD_F;
  Row row;

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);

  if (legend->normalized)
    {
      g_autofree char *lo = _tangent_markup_number (legend->min_magnitude, 2, TANGENT_ROUND_DOWN);
      g_autofree char *hi = _tangent_markup_number (legend->max_magnitude, 2, TANGENT_ROUND_UP);

      if (legend->length_px > 0)
        {
          /* TRANSLATORS: %s is ∇f or −∇f as Pango markup */
          row = (Row) { SAMPLE_ARROW, legend->length_px,
                        g_strdup_printf (_("direction of %s"), field) };
          g_array_append_val (rows, row);
          /* TRANSLATORS: the range of |∇f| that normalized arrows hide */
          row = (Row) { SAMPLE_NONE, 0,
                        g_strdup_printf (_("all one length; |%s| from %s to %s"), GRAD_F, lo, hi) };
          g_array_append_val (rows, row);
        }
    }
  else if (legend->magnitude > 0)
    {
      g_autofree char *m = _tangent_markup_number (legend->magnitude, 1, TANGENT_ROUND_NEAREST);

      row = (Row) { SAMPLE_ARROW, legend->length_px,
                    g_strdup_printf ("%s, |%s| = %s", field, GRAD_F, m) };
      g_array_append_val (rows, row);

      if (legend->n_lengthened > 0)
        {
          g_autofree char *below = _tangent_markup_number (legend->lengthened_below, 2,
                                                           TANGENT_ROUND_UP);

          /* TRANSLATORS: thin arrows are drawn longer than their scale says */
          row = (Row) { SAMPLE_THIN, legend->min_length_px,
                        g_strdup_printf (_("|%s| &lt; %s, not to scale"), GRAD_F, below) };
          g_array_append_val (rows, row);
        }
    }

  if (legend->n_zero > 0)
    {
      row = (Row) { SAMPLE_DOT, 0, g_strdup_printf ("%s = 0", GRAD_F) };
      g_array_append_val (rows, row);
    }
  if (legend->n_undefined > 0)
    {
      row = (Row) { SAMPLE_NONE, 0,
                    g_strdup_printf (_("no arrow where %s is undefined"), GRAD_F) };
      g_array_append_val (rows, row);
    }

  return rows;
}

static double
sample_width (const GArray *rows)
{
  double w = TANGENT_LEGEND_SAMPLE;

  for (guint i = 0; i < rows->len; i++)
    w = MAX (w, g_array_index (rows, Row, i).length);
  return w;
}

/* Measures every row: the widths of the texts and the height of a row. */
static void
measure (PangoLayout  *layout,
         const GArray *rows,
         double        sample_w,
         double       *width,
         double       *height)
{
  double w = 0, h = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      PangoRectangle logical;
      double row_w;

      _tangent_layout_set_markup (layout, row->markup);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      row_w = logical.width + (row->kind == SAMPLE_NONE ? 0 : sample_w + TANGENT_LEGEND_GAP);
      w = MAX (w, row_w);
      h += MAX (logical.height, 12);
    }

  *width = rows->len > 0 ? w + 2 * TANGENT_LEGEND_PAD : 0;
  *height = rows->len > 0 ? h + 2 * TANGENT_LEGEND_PAD : 0;
}

/**
 * tangent_arrows_legend_get_size:
 * @cr: a context for measuring text
 * @legend: what tangent_arrows_draw() reported
 * @style: the font
 * @width: (out): the box's width, 0 when there is nothing to say
 * @height: (out): its height
 */
void
tangent_arrows_legend_get_size (cairo_t                  *cr,
                                const TangentArrowLegend *legend,
                                const TangentPlotStyle   *style,
                                double                   *width,
                                double                   *height)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  g_return_if_fail (cr != NULL && legend != NULL && style != NULL);
  g_return_if_fail (width != NULL && height != NULL);

  rows = legend_rows (legend);
  layout = _tangent_layout_new (cr, style, 0.9);
  measure (layout, rows, sample_width (rows), width, height);
}

/* The sample: exactly as long as an arrow of its magnitude in the field,
 * centred in the column like the field's arrows on their points, and
 * drawn by the same code (with the halo, which keeps a white arrow
 * visible on a white box). */
static void
draw_sample (cairo_t                *cr,
             const Row              *row,
             double                  left,
             double                  cy,
             double                  sample_w,
             const TangentPlotStyle *style)
{
  TangentArrow a = { 0 };
  double cx = left + sample_w / 2;

  switch (row->kind)
    {
    case SAMPLE_ARROW:
    case SAMPLE_THIN:
      a.kind = row->kind == SAMPLE_THIN ? TANGENT_ARROW_LENGTHENED : TANGENT_ARROW_SCALED;
      a.x0 = cx - row->length / 2;
      a.x1 = cx + row->length / 2;
      a.y0 = a.y1 = cy;
      a.head = _tangent_arrow_head_for (row->length, style->arrow_width, a.kind);
      break;

    case SAMPLE_DOT:
      a.kind = TANGENT_ARROW_ZERO;
      a.x0 = a.x1 = cx;
      a.y0 = a.y1 = cy;
      break;

    case SAMPLE_NONE:
    default:
      return;
    }
  _tangent_arrows_fill (cr, &a, 1, style);
}

/**
 * tangent_arrows_draw_legend:
 * @cr: the target
 * @right: the box's right edge
 * @top: its top edge
 * @legend: what tangent_arrows_draw() reported
 * @style: colours, widths, font
 *
 * Draws the legend of an arrow field; nothing when the field drew no
 * arrow.
 */
void
tangent_arrows_draw_legend (cairo_t                  *cr,
                            double                    right,
                            double                    top,
                            const TangentArrowLegend *legend,
                            const TangentPlotStyle   *style)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double width, height, sample_w, left, y;

  g_return_if_fail (cr != NULL && legend != NULL && style != NULL);

  rows = legend_rows (legend);
  if (rows->len == 0)
    return;

  layout = _tangent_layout_new (cr, style, 0.9);
  sample_w = sample_width (rows);
  measure (layout, rows, sample_w, &width, &height);
  left = right - width;

  _tangent_legend_box (cr, left, top, width, height, 0.88, style);

  y = top + TANGENT_LEGEND_PAD;
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      double text_left = left + TANGENT_LEGEND_PAD;
      PangoRectangle logical;
      double row_h;

      _tangent_layout_set_markup (layout, row->markup);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      row_h = MAX (logical.height, 12);

      if (row->kind != SAMPLE_NONE)
        {
          draw_sample (cr, row, text_left, y + row_h / 2, sample_w, style);
          text_left += sample_w + TANGENT_LEGEND_GAP;
        }
      cairo_save (cr);
      _tangent_set_color (cr, &style->foreground);
      cairo_move_to (cr, text_left, y + (row_h - logical.height) / 2);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
      y += row_h;
    }
}
