/* tangent-overlay-inset.c: the small log-scale plot of |f − Tₙ| against
 * the certified bound b(x), in the lower-right corner of a Taylor overlay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * |f − Tₙ| is computed in double, so where the true error is below the
 * rounding of f and Tₙ themselves (near the centre) the difference is
 * noise, or exactly zero. Those stretches are left as gaps, and the inset
 * says so, rather than drawing rounding noise as if it were the error.
 * b(x) is drawn wherever it is finite, so the picture shows the bound
 * above the error all along — the certificate at a glance.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-overlay"

#include <float.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "tangent-format.h"
#include "tangent-overlay.h"
#include "tangent-overlay-private.h"
#include "tangent-ticks.h"

#define INSET_FRACTION   0.3
#define INSET_MIN_WIDTH  170.0
#define INSET_MIN_HEIGHT 120.0
#define INSET_PAD        5.0
#define FONT_SCALE       0.75
/* The y axis shows at most this many decades below its top. */
#define MAX_DECADES      18
/* |f − T| at most this many units of rounding of max(|f|, |T|) is noise. */
#define NOISE_ULPS       4.0

typedef struct
{
  double left, top, right, bottom;   /* the plot area, device units */
  double xmin, xmax;
  double lo, hi;                     /* decades */
} Frame;

static double
frame_x (const Frame *fr,
         double       x)
{
  return fr->left + (x - fr->xmin) / (fr->xmax - fr->xmin) * (fr->right - fr->left);
}

static double
frame_y (const Frame *fr,
         double       decade)
{
  return fr->bottom - (decade - fr->lo) / (fr->hi - fr->lo) * (fr->bottom - fr->top);
}

/* log10 |f − Tₙ| where it means something, else NaN (noise or zero). */
static double
log_error (const TangentOverlayBand *band,
           guint                     i,
           gboolean                 *noise)
{
  double f = band->f[i], t = band->t[i];
  double e = fabs (f - t);

  *noise = FALSE;
  if (!isfinite (f) || !isfinite (t) || !isfinite (e))
    return NAN;
  if (e <= NOISE_ULPS * DBL_EPSILON * MAX (fabs (f), fabs (t)) || e < DBL_MIN)
    {
      *noise = TRUE;
      return NAN;
    }
  return log10 (e);
}

static double
log_bound (const TangentOverlayBand *band,
           guint                     i)
{
  double b = band->bound[i];

  return isfinite (b) && b > 0 ? log10 (b) : NAN;
}

/* A step of whole decades, 1, 2 or 5 × 10^k, giving at most five ticks. */
static int
decade_step (int span)
{
  static const int steps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (span / steps[i] <= 4)
      return steps[i];
  return 1000;
}

static void
stroke_series (cairo_t                  *cr,
               const Frame              *fr,
               const TangentOverlayBand *band,
               gboolean                  error_series)
{
  gboolean pen = FALSE;

  for (guint i = 0; i < band->n; i++)
    {
      gboolean noise;
      double v = error_series ? log_error (band, i, &noise) : log_bound (band, i);

      if (isnan (v))
        {
          pen = FALSE;
          continue;
        }
      if (pen)
        cairo_line_to (cr, frame_x (fr, band->x[i]), frame_y (fr, v));
      else
        cairo_move_to (cr, frame_x (fr, band->x[i]), frame_y (fr, v));
      pen = TRUE;
    }
  cairo_stroke (cr);
}

static void
show_at (cairo_t                *cr,
         PangoLayout            *layout,
         const char             *markup,
         double                  x,
         double                  y,
         double                  ax,
         double                  ay,
         const TangentPlotStyle *style)
{
  PangoRectangle logical;

  _tangent_layout_set_markup (layout, markup);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_move_to (cr, x - ax * logical.width, y - ay * logical.height);
  _tangent_set_color (cr, &style->foreground);
  pango_cairo_show_layout (cr, layout);
}

static void
text_size (PangoLayout *layout,
           const char  *markup,
           double      *w,
           double      *h)
{
  PangoRectangle logical;

  _tangent_layout_set_markup (layout, markup);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  *w = logical.width;
  *h = logical.height;
}

static char *
decade_markup (int k)
{
  if (k == 0)
    return g_strdup ("1");
  return g_strdup_printf ("10<sup>%s%d</sup>", k < 0 ? "\xe2\x88\x92" : "", ABS (k));
}

/* The two series: the bound as a broad translucent stroke in the band's
 * colour, the error as a thin dark line over it — they often coincide to
 * the width of a line, and both must stay visible then. */
static void
set_series_style (cairo_t                *cr,
                  gboolean                error_series,
                  const TangentColor     *color,
                  const TangentPlotStyle *style)
{
  if (error_series)
    {
      _tangent_set_color (cr, &style->foreground);
      cairo_set_line_width (cr, 1.25);
    }
  else
    {
      _tangent_set_color_alpha (cr, color, 0.55);
      cairo_set_line_width (cr, 5);
    }
}

static void
draw_sample (cairo_t                *cr,
             double                  x,
             double                  cy,
             double                  length,
             gboolean                error_series,
             const TangentColor     *color,
             const TangentPlotStyle *style)
{
  cairo_save (cr);
  set_series_style (cr, error_series, color, style);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (cr, x, cy);
  cairo_line_to (cr, x + length, cy);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The legend at the top of the inset: the error, the bound, and the gaps
 * when there are any. Returns its height. */
static double
draw_legend (cairo_t                  *cr,
             PangoLayout              *layout,
             double                    left,
             double                    top,
             const TangentOverlayBand *band,
             gboolean                  gaps,
             const TangentColor       *color,
             const TangentPlotStyle   *style)
{
  g_autofree char *err = g_strdup_printf ("|<i>f</i> \xe2\x88\x92 <i>T</i><sub>%u</sub>|",
                                          band->order);
  /* TRANSLATORS: b(x), the certified bound, in the error inset */
  const char *bound = _("<i>b</i>(<i>x</i>)");
  double w, h, x = left, sample = 16, y = top;

  text_size (layout, err, &w, &h);
  draw_sample (cr, x, y + h / 2, sample, TRUE, color, style);
  show_at (cr, layout, err, x + sample + 3, y, 0, 0, style);
  x += sample + 3 + w + 10;
  draw_sample (cr, x, y + h / 2, sample, FALSE, color, style);
  show_at (cr, layout, bound, x + sample + 3, y, 0, 0, style);
  y += h;

  if (gaps)
    {
      /* TRANSLATORS: stretches where |f − T| computed in double is rounding noise */
      const char *note = _("gaps: below double rounding");

      text_size (layout, note, &w, &h);
      cairo_save (cr);
      _tangent_set_color_alpha (cr, &style->foreground, 0.75);
      cairo_move_to (cr, left, y);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
      y += h;
    }
  return y - top;
}

void
_tangent_overlay_inset_draw (cairo_t                  *cr,
                             const TangentViewport    *vp,
                             const TangentOverlayBand *band,
                             const TangentColor       *color,
                             const TangentPlotStyle   *style)
{
  g_autoptr(PangoLayout) layout = NULL;
  TangentTicks xt;
  Frame fr;
  double w, h, left, top, lo = INFINITY, hi = -INFINITY, ylab_w = 0, lab_h = 0, legend_h;
  gboolean gaps = FALSE;
  int step, k0, k1;

  if (band == NULL || band->n < 2)
    return;

  w = MAX (INSET_FRACTION * vp->width, INSET_MIN_WIDTH);
  h = MAX (INSET_FRACTION * vp->height, INSET_MIN_HEIGHT);
  if (w > 0.6 * vp->width || h > 0.6 * vp->height)
    return;   /* too small a view to keep the curves visible beside it */

  for (guint i = 0; i < band->n; i++)
    {
      gboolean noise;
      double e = log_error (band, i, &noise);
      double b = log_bound (band, i);

      gaps |= noise;
      if (!isnan (e))
        {
          lo = MIN (lo, e);
          hi = MAX (hi, e);
        }
      if (!isnan (b))
        {
          lo = MIN (lo, b);
          hi = MAX (hi, b);
        }
    }
  if (!(lo <= hi))
    return;

  fr.hi = ceil (hi);
  fr.lo = MAX (floor (lo), fr.hi - MAX_DECADES);
  if (fr.lo >= fr.hi)
    fr.lo = fr.hi - 1;
  step = decade_step ((int) (fr.hi - fr.lo));
  k0 = (int) ceil (fr.lo / step) * step;
  k1 = (int) floor (fr.hi / step) * step;

  left = vp->left + vp->width - w - TANGENT_LEGEND_MARGIN;
  top = vp->top + vp->height - h - TANGENT_LEGEND_MARGIN;
  _tangent_legend_box (cr, left, top, w, h, 0.96, style);

  layout = _tangent_layout_new (cr, style, FONT_SCALE);
  for (int k = k0; k <= k1; k += step)
    {
      g_autofree char *m = decade_markup (k);
      double tw, th;

      text_size (layout, m, &tw, &th);
      ylab_w = MAX (ylab_w, tw);
      lab_h = MAX (lab_h, th);
    }

  cairo_save (cr);
  legend_h = draw_legend (cr, layout, left + INSET_PAD, top + INSET_PAD, band, gaps, color, style);

  fr.left = left + INSET_PAD + ylab_w + 4;
  fr.right = left + w - INSET_PAD - 8;
  fr.top = top + INSET_PAD + legend_h + 6;
  fr.bottom = top + h - INSET_PAD - lab_h - 2;
  fr.xmin = vp->xmin;
  fr.xmax = vp->xmax;
  if (fr.bottom - fr.top < 20 || fr.right - fr.left < 40)
    {
      cairo_restore (cr);
      return;
    }

  /* Decades: faint lines and labels. */
  cairo_set_line_width (cr, 1);
  for (int k = k0; k <= k1; k += step)
    {
      g_autofree char *m = decade_markup (k);
      double y = floor (frame_y (&fr, k)) + 0.5;

      _tangent_set_color (cr, &style->grid);
      cairo_move_to (cr, fr.left, y);
      cairo_line_to (cr, fr.right, y);
      cairo_stroke (cr);
      show_at (cr, layout, m, fr.left - 3, y, 1, 0.5, style);
    }

  if (tangent_ticks_compute (fr.xmin, fr.xmax, (guint) MAX (2, (fr.right - fr.left) / 40 + 1), &xt))
    for (guint i = 0; i < xt.count; i++)
      {
        char buf[TANGENT_FORMAT_BUF_SIZE];
        g_autofree char *m = NULL;
        double v = tangent_ticks_value (&xt, i);
        double x = floor (frame_x (&fr, v)) + 0.5;
        double tw, th, ax = 0.5;

        tangent_format_fixed (buf, v, xt.decimals);
        m = buf[0] == '-' ? g_strconcat ("\xe2\x88\x92", buf + 1, NULL) : g_strdup (buf);
        _tangent_set_color (cr, &style->grid);
        cairo_move_to (cr, x, fr.top);
        cairo_line_to (cr, x, fr.bottom);
        cairo_stroke (cr);

        /* Centred under its tick, except at the ends, where a centred
         * label would run into the decade labels or out of the box. */
        text_size (layout, m, &tw, &th);
        if (x - tw / 2 < fr.left - 2)
          ax = 0;
        else if (x + tw / 2 > fr.right + 6)
          ax = 1;
        show_at (cr, layout, m, x, fr.bottom + 1, ax, 0, style);
      }

  _tangent_set_color_alpha (cr, &style->foreground, 0.5);
  cairo_rectangle (cr, fr.left - 0.5, fr.top - 0.5, fr.right - fr.left + 1, fr.bottom - fr.top + 1);
  cairo_stroke (cr);

  cairo_rectangle (cr, fr.left, fr.top, fr.right - fr.left, fr.bottom - fr.top);
  cairo_clip (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  set_series_style (cr, FALSE, color, style);
  stroke_series (cr, &fr, band, FALSE);
  set_series_style (cr, TRUE, color, style);
  stroke_series (cr, &fr, band, TRUE);

  cairo_restore (cr);
}
