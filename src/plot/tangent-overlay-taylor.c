/* tangent-overlay-taylor.c: Taylor polynomials over a function, the
 * certified band of the highest order, and their legend entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One jet at the centre gives the coefficients of every order (those of
 * Tₖ are the first k + 1 of Tₙ). The band is tangent_taylor_band_new()'s:
 * |f(x) − Tₙ(x)| ≤ b(x) is a theorem about the Horner values drawn here,
 * not an estimate, so the shading is exactly Tₙ ± b where b is finite and
 * nothing where it is not — with a note that says from where, and why.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-overlay"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tangent-curve.h"
#include "tangent-jet.h"
#include "tangent-overlay.h"
#include "tangent-overlay-private.h"
#include "tangent-taylor-bound.h"
#include "tangent-vm.h"

G_DEFINE_QUARK (tangent-overlay-error-quark, tangent_overlay_error)

/* Band samples per device unit, and their bounds. */
#define BAND_SAMPLES_PER_UNIT 0.5
#define BAND_MIN_SAMPLES      65
#define BAND_MAX_SAMPLES      1201
#define CURVE_MAX_SAMPLES     8193

/* The coefficients c₀ … c_order about center; FALSE with an error when the
 * jet fails or one of them is not finite (the function is not that often
 * differentiable there, or overflows). */
static gboolean
coefficients (const TangentProgram *prog,
              const double         *params,
              double                center,
              guint                 order,
              double               *c,
              GError              **error)
{
  double point[TANGENT_N_VARIABLES] = { center, 0, 0 };

  if (!tangent_jet_eval (prog, params, point, TANGENT_VARIABLE_X, order, c, error))
    return FALSE;

  for (guint k = 0; k <= order; k++)
    if (!isfinite (c[k]))
      {
        g_autofree char *at = _tangent_markup_number (center, 6, TANGENT_ROUND_NEAREST);

        g_set_error (error, TANGENT_OVERLAY_ERROR, TANGENT_OVERLAY_ERROR_COEFFICIENTS,
                     /* TRANSLATORS: the Taylor coefficient of order %u about x = %s */
                     _("The Taylor coefficient of order %u about x = %s is not finite"), k, at);
        return FALSE;
      }
  return TRUE;
}

/* Where the band stops: the finite samples form one run around the centre
 * (tangent-taylor-bound.c certifies outward from it), so the note names
 * the last certified abscissa on each side that has trouble. */
static char *
band_note (const TangentTaylorBand *tb)
{
  g_autofree char *reason = NULL;
  g_autofree char *where = NULL;
  guint first = tb->n, last = 0;

  for (guint i = 0; i < tb->n; i++)
    if (isfinite (tb->bound[i]))
      {
        first = MIN (first, i);
        last = i;
      }

  reason = g_markup_escape_text (tb->reason != NULL ? tb->reason : "", -1);

  if (first == tb->n)
    /* TRANSLATORS: %s says why, e.g. "not differentiable" */
    return g_strdup_printf (_("no certified bound anywhere (%s)"), reason);
  if (first == 0 && last + 1 == tb->n)
    return NULL;

  if (first > 0 && last + 1 < tb->n)
    {
      g_autofree char *lo = _tangent_markup_number (tb->x[first], 3, TANGENT_ROUND_NEAREST);
      g_autofree char *hi = _tangent_markup_number (tb->x[last], 3, TANGENT_ROUND_NEAREST);

      /* TRANSLATORS: outside [lo, hi]; the last %s says why */
      return g_strdup_printf (_("no certified bound outside <i>x</i> \xe2\x88\x88 [%s, %s] (%s)"),
                              lo, hi, reason);
    }
  if (first > 0)
    {
      where = _tangent_markup_number (tb->x[first], 3, TANGENT_ROUND_NEAREST);
      /* TRANSLATORS: the first %s is an abscissa, the second says why */
      return g_strdup_printf (_("no certified bound below <i>x</i> = %s (%s)"), where, reason);
    }
  where = _tangent_markup_number (tb->x[last], 3, TANGENT_ROUND_NEAREST);
  /* TRANSLATORS: the first %s is an abscissa, the second says why */
  return g_strdup_printf (_("no certified bound beyond <i>x</i> = %s (%s)"), where, reason);
}

static TangentOverlayBand *
band_from (const TangentProgram *prog,
           const double         *params,
           double                center,
           guint                 order,
           const double         *c,
           TangentTaylorBand    *tb)
{
  TangentOverlayBand *band = g_new0 (TangentOverlayBand, 1);
  guint n = tb->n, n_outputs = tangent_program_get_n_outputs (prog);
  g_autofree double *extra = NULL;
  g_autofree double **outs = NULL;
  const double *vars[TANGENT_N_VARIABLES] = { NULL, NULL, NULL };

  band->order = order;
  band->center = center;
  band->n = n;
  band->x = g_memdup2 (tb->x, n * sizeof (double));
  band->bound = g_memdup2 (tb->bound, n * sizeof (double));
  band->t = g_new (double, n);
  band->f = g_new (double, n);
  band->lower = g_new (double, n);
  band->upper = g_new (double, n);
  band->note = band_note (tb);

  for (guint i = 0; i < n; i++)
    {
      band->t[i] = tangent_taylor_horner (c, order, center, band->x[i]);
      if (isfinite (band->bound[i]))
        {
          band->lower[i] = band->t[i] - band->bound[i];
          band->upper[i] = band->t[i] + band->bound[i];
        }
      else
        band->lower[i] = band->upper[i] = NAN;
    }

  /* f in double at the same abscissae, in one call (the inset's error). */
  vars[TANGENT_VARIABLE_X] = band->x;
  outs = g_new (double *, MAX (n_outputs, 1u));
  if (n_outputs > 1)
    extra = g_new (double, (gsize) (n_outputs - 1) * n);
  for (guint k = 0; k < n_outputs; k++)
    outs[k] = k == 0 ? band->f : extra + (gsize) (k - 1) * n;
  tangent_vm_eval (prog, params, vars, n, outs);

  return band;
}

/**
 * tangent_overlay_band_new:
 * @prog: a function of x (its first output)
 * @params: (nullable): its parameter values
 * @center: the centre a of the expansion
 * @order: the order n of Tₙ
 * @lo: the first sample
 * @hi: the last sample
 * @n_samples: how many, equally spaced, both ends included
 * @error: return location for a #GError
 *
 * The band tangent_overlay_taylor() shades: Tₙ(x) and Tₙ(x) ∓ b(x) with b
 * from tangent_taylor_band_new(), and f(x) in double.
 *
 * Returns: (transfer full) (nullable): the band, or %NULL with @error set
 *   when the coefficients or the bound cannot be computed
 */
TangentOverlayBand *
tangent_overlay_band_new (const TangentProgram *prog,
                          const double         *params,
                          double                center,
                          guint                 order,
                          double                lo,
                          double                hi,
                          guint                 n_samples,
                          GError              **error)
{
  g_autoptr(TangentTaylorBand) tb = NULL;
  g_autofree double *c = NULL;
  double point[TANGENT_N_VARIABLES] = { center, 0, 0 };

  g_return_val_if_fail (prog != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  c = g_new (double, (gsize) MIN (order, TANGENT_JET_MAX_ORDER) + 1);
  if (order > TANGENT_JET_MAX_ORDER)
    {
      /* tangent_jet_eval() words the error. */
      tangent_jet_eval (prog, params, point, TANGENT_VARIABLE_X, order, c, error);
      return NULL;
    }
  if (!coefficients (prog, params, center, order, c, error))
    return NULL;

  tb = tangent_taylor_band_new (prog, params, point, TANGENT_VARIABLE_X, order, lo, hi,
                                n_samples, error);
  if (tb == NULL)
    return NULL;

  return band_from (prog, params, center, order, c, tb);
}

void
tangent_overlay_band_free (TangentOverlayBand *band)
{
  if (band == NULL)
    return;
  g_free (band->x);
  g_free (band->t);
  g_free (band->f);
  g_free (band->bound);
  g_free (band->lower);
  g_free (band->upper);
  g_free (band->note);
  g_free (band);
}

/* T ± b as one closed polygon per run of finite samples: the upper edge
 * forwards, the lower one back. */
static void
fill_band (cairo_t                  *cr,
           const TangentViewport    *vp,
           const TangentOverlayBand *band,
           const TangentColor       *color)
{
  double top = vp->top, bottom = vp->top + vp->height;
  guint i = 0;

  while (i < band->n)
    {
      guint start, end;

      while (i < band->n && !isfinite (band->upper[i]))
        i++;
      start = i;
      while (i < band->n && isfinite (band->upper[i]) && isfinite (band->lower[i]))
        i++;
      end = i;
      if (end <= start + 1)
        continue;

      for (guint k = start; k < end; k++)
        {
          double px = tangent_viewport_to_px (vp, band->x[k]);
          double py = _tangent_clamp_far (tangent_viewport_to_py (vp, band->upper[k]), top, bottom);

          if (k == start)
            cairo_move_to (cr, px, py);
          else
            cairo_line_to (cr, px, py);
        }
      for (guint k = end; k-- > start;)
        cairo_line_to (cr, tangent_viewport_to_px (vp, band->x[k]),
                       _tangent_clamp_far (tangent_viewport_to_py (vp, band->lower[k]), top, bottom));
      cairo_close_path (cr);
    }

  _tangent_set_color_alpha (cr, color, TANGENT_BAND_ALPHA);
  cairo_fill (cr);
}

static void
draw_polynomial (cairo_t                *cr,
                 const TangentViewport  *vp,
                 const double           *c,
                 guint                   order,
                 double                  center,
                 const TangentColor     *color,
                 const TangentPlotStyle *style)
{
  guint n = (guint) CLAMP (ceil (vp->width) + 1, 2, CURVE_MAX_SAMPLES);
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  TangentSamples samples = { n, x, y };

  for (guint i = 0; i < n; i++)
    {
      x[i] = i + 1 == n ? vp->xmax : vp->xmin + (vp->xmax - vp->xmin) * i / (n - 1);
      y[i] = tangent_taylor_horner (c, order, center, x[i]);
    }
  tangent_curve_draw (cr, vp, color, style->overlay_width, &samples);
}

/**
 * tangent_overlay_taylor:
 * @cr: the target
 * @vp: the viewport; everything is clipped to it
 * @prog: a function of x (its first output), with params
 * @params: (nullable): the parameter values
 * @center: the centre of the expansions
 * @orders: (array length=n_orders): the orders to draw
 * @n_orders: how many
 * @band: shade Tₙ ± b(x) for the highest order n
 * @inset: a log-scale plot of |f − Tₙ| against b(x) in the lower right
 * @style: colours and widths
 * @color_index: the style's curve colour of the first order
 * @legend: (nullable): a GArray of #TangentLegendEntry to append to
 * @error: return location for a #GError
 *
 * Draw f before this: the band and the polynomials go over it, and the
 * inset over everything. Where no bound can be certified the band is left
 * out and a %TANGENT_LEGEND_NOTE entry says from where and why.
 *
 * Returns: %FALSE with @error set when the coefficients (or the band)
 *   cannot be computed; nothing is drawn then
 */
gboolean
tangent_overlay_taylor (cairo_t                *cr,
                        const TangentViewport  *vp,
                        const TangentProgram   *prog,
                        const double           *params,
                        double                  center,
                        const guint            *orders,
                        guint                   n_orders,
                        gboolean                band,
                        gboolean                inset,
                        const TangentPlotStyle *style,
                        guint                   color_index,
                        GArray                 *legend,
                        GError                **error)
{
  g_autoptr(TangentOverlayBand) ob = NULL;
  g_autofree double *c = NULL;
  const TangentColor *top_color;
  guint max_order = 0, top_index = 0;
  double point[TANGENT_N_VARIABLES] = { center, 0, 0 };

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (vp != NULL, FALSE);
  g_return_val_if_fail (prog != NULL, FALSE);
  g_return_val_if_fail (orders != NULL || n_orders == 0, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_orders == 0 || !tangent_viewport_is_valid (vp))
    return TRUE;

  for (guint i = 0; i < n_orders; i++)
    if (orders[i] >= max_order)
      {
        max_order = orders[i];
        top_index = i;
      }
  top_color = tangent_plot_style_get_curve_color (style, color_index + top_index);

  c = g_new (double, (gsize) MIN (max_order, TANGENT_JET_MAX_ORDER) + 1);
  if (max_order > TANGENT_JET_MAX_ORDER)
    return tangent_jet_eval (prog, params, point, TANGENT_VARIABLE_X, max_order, c, error);
  if (!coefficients (prog, params, center, max_order, c, error))
    return FALSE;

  if (band || inset)
    {
      guint n = (guint) CLAMP (vp->width * BAND_SAMPLES_PER_UNIT, BAND_MIN_SAMPLES,
                               BAND_MAX_SAMPLES);

      ob = tangent_overlay_band_new (prog, params, center, max_order, vp->xmin, vp->xmax, n,
                                     error);
      if (ob == NULL)
        return FALSE;
    }

  cairo_save (cr);
  cairo_rectangle (cr, vp->left, vp->top, vp->width, vp->height);
  cairo_clip (cr);
  cairo_new_path (cr);

  if (band)
    fill_band (cr, vp, ob, top_color);

  for (guint i = 0; i < n_orders; i++)
    {
      const TangentColor *color = tangent_plot_style_get_curve_color (style, color_index + i);

      draw_polynomial (cr, vp, c, orders[i], center, color, style);
      _tangent_legend_append (legend, TANGENT_LEGEND_LINE, color, style->overlay_width,
                              g_strdup_printf ("<i>T</i><sub>%u</sub>", orders[i]));
    }

  if (band)
    {
      _tangent_legend_append (legend, TANGENT_LEGEND_BAND, top_color, 0,
                              /* TRANSLATORS: T_n ± b(x), the certified error band */
                              g_strdup_printf (_("<i>T</i><sub>%u</sub> \xc2\xb1 <i>b</i>(<i>x</i>), "
                                                 "certified"), max_order));
    }
  if (ob != NULL && ob->note != NULL)
    _tangent_legend_append (legend, TANGENT_LEGEND_NOTE, NULL, 0, g_strdup (ob->note));

  if (inset)
    _tangent_overlay_inset_draw (cr, vp, ob, top_color, style);

  cairo_restore (cr);
  return TRUE;
}
