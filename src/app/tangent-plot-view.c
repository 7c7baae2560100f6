/* tangent-plot-view.c: the widget that shows a 2-D plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-plot-view"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "tangent-axes.h"
#include "tangent-curve.h"
#include "tangent-plot-view.h"

/* The plot hosts, src/plot draws: this widget turns its size and the theme
 * into a viewport and a style and hands both to the plot layer. */
struct _TangentPlotView
{
  GtkWidget     parent_instance;

  /* Borrowed */
  TangentFunc1  func;
  gpointer      func_data;

  double        xmin;
  double        xmax;
};

G_DEFINE_FINAL_TYPE (TangentPlotView, tangent_plot_view, GTK_TYPE_WIDGET)

static void
color_from_rgba (TangentColor  *color,
                 const GdkRGBA *rgba)
{
  color->red = rgba->red;
  color->green = rgba->green;
  color->blue = rgba->blue;
  color->alpha = rgba->alpha;
}

/* The screen style follows the theme: libadwaita's view colours for paper
 * and ink, so dark mode and high contrast apply to the plot too. */
static void
style_from_theme (TangentPlotView  *self,
                  TangentPlotStyle *style)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GdkRGBA rgba;

  if (adw_style_manager_get_dark (manager))
    tangent_plot_style_init_dark (style);
  else
    tangent_plot_style_init_light (style);

  if (gtk_style_context_lookup_color (context, "view_bg_color", &rgba))
    color_from_rgba (&style->background, &rgba);

  gtk_style_context_get_color (context, &rgba);
  color_from_rgba (&style->foreground, &rgba);
  style->grid = style->foreground;
  style->grid.alpha *= 0.1;
}

static void
tangent_plot_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  TangentPlotView *self = TANGENT_PLOT_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double yhalf;
  TangentViewport vp;
  TangentPlotStyle style;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  /* Equal aspect: one unit is as long on both axes, centred on y = 0. */
  yhalf = (self->xmax - self->xmin) * height / width / 2;
  vp = (TangentViewport) {
    .xmin = self->xmin, .xmax = self->xmax,
    .ymin = -yhalf, .ymax = yhalf,
    .left = 0, .top = 0, .width = width, .height = height,
  };

  style_from_theme (self, &style);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  tangent_axes_draw (cr, &vp, &style);

  if (self->func != NULL)
    {
      /* Two samples per pixel: enough for a smooth function at this size. */
      g_autoptr(TangentSamples) samples =
        tangent_samples_new_uniform (&vp, self->func, self->func_data, 2 * width + 1);

      tangent_curve_draw (cr, &vp, tangent_plot_style_get_curve_color (&style, 0),
                          style.curve_width, samples);
    }

  cairo_destroy (cr);
}

static void
on_dark_changed (TangentPlotView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
tangent_plot_view_class_init (TangentPlotViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = tangent_plot_view_snapshot;

  gtk_widget_class_set_css_name (widget_class, "plotview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tangent_plot_view_init (TangentPlotView *self)
{
  self->xmin = -7;
  self->xmax = 7;

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 200, 200);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Plot"),
                                  -1);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
tangent_plot_view_new (void)
{
  return g_object_new (TANGENT_TYPE_PLOT_VIEW, NULL);
}

/**
 * tangent_plot_view_set_function:
 * @self: a #TangentPlotView
 * @func: (nullable): the function to draw, or %NULL for none
 * @user_data: passed to @func; must outlive its use by the view
 */
void
tangent_plot_view_set_function (TangentPlotView *self,
                                TangentFunc1     func,
                                gpointer         user_data)
{
  g_return_if_fail (TANGENT_IS_PLOT_VIEW (self));

  self->func = func;
  self->func_data = user_data;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
tangent_plot_view_get_x_range (TangentPlotView *self,
                               double          *xmin,
                               double          *xmax)
{
  g_return_if_fail (TANGENT_IS_PLOT_VIEW (self));

  if (xmin != NULL)
    *xmin = self->xmin;
  if (xmax != NULL)
    *xmax = self->xmax;
}

void
tangent_plot_view_set_x_range (TangentPlotView *self,
                               double           xmin,
                               double           xmax)
{
  g_return_if_fail (TANGENT_IS_PLOT_VIEW (self));
  g_return_if_fail (isfinite (xmin) && isfinite (xmax) && xmax > xmin);

  self->xmin = xmin;
  self->xmax = xmax;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
