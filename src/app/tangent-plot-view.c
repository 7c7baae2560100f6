/* tangent-plot-view.c: the widget that shows a 2-D plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-plot-view"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tangent-axes.h"
#include "tangent-curve.h"
#include "tangent-plot-view.h"

/* The plot hosts, src/plot draws: this widget turns its size and the theme
 * into a viewport and a style and hands both to the plot layer. */
struct _TangentPlotView
{
  GtkWidget     parent_instance;

  /* Owned */
  TangentProgram      *program;
  double              *params;
  TangentCurveSamples *samples;

  double               xmin;
  double               xmax;
  /* What samples were taken for: a redraw at the same size and range
   * (theme change, window focus) does not sample again. */
  TangentViewport      sampled_vp;
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

  if (self->program != NULL)
    {
      if (self->samples == NULL || memcmp (&vp, &self->sampled_vp, sizeof vp) != 0)
        {
          g_clear_pointer (&self->samples, tangent_curve_samples_free);
          self->samples = tangent_curve_sample (&vp, self->program, self->params);
          self->sampled_vp = vp;
        }
      tangent_curve_draw_samples (cr, &vp, tangent_plot_style_get_curve_color (&style, 0),
                                  style.curve_width, self->samples);
    }

  cairo_destroy (cr);
}

static void
on_dark_changed (TangentPlotView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
tangent_plot_view_finalize (GObject *object)
{
  TangentPlotView *self = TANGENT_PLOT_VIEW (object);

  g_clear_pointer (&self->program, tangent_program_unref);
  g_clear_pointer (&self->params, g_free);
  g_clear_pointer (&self->samples, tangent_curve_samples_free);

  G_OBJECT_CLASS (tangent_plot_view_parent_class)->finalize (object);
}

static void
tangent_plot_view_class_init (TangentPlotViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tangent_plot_view_finalize;

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
 * tangent_plot_view_set_program:
 * @self: a #TangentPlotView
 * @program: (nullable): a function of x to draw, or %NULL for none
 * @params: (nullable) (array length=n_params): its parameter values
 * @n_params: the number of parameters @program takes
 *
 * Draws @program, sampled adaptively for the view's size. The view keeps
 * a reference to @program and a copy of @params: set it again when a
 * parameter changes.
 */
void
tangent_plot_view_set_program (TangentPlotView      *self,
                               const TangentProgram *program,
                               const double         *params,
                               guint                 n_params)
{
  g_return_if_fail (TANGENT_IS_PLOT_VIEW (self));
  g_return_if_fail (program == NULL || tangent_program_get_n_params (program) == n_params);
  g_return_if_fail (params != NULL || n_params == 0);

  g_clear_pointer (&self->program, tangent_program_unref);
  g_clear_pointer (&self->params, g_free);
  g_clear_pointer (&self->samples, tangent_curve_samples_free);

  if (program != NULL)
    {
      self->program = tangent_program_ref ((TangentProgram *) program);
      self->params = n_params > 0 ? g_memdup2 (params, n_params * sizeof (double)) : NULL;
    }
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
  g_clear_pointer (&self->samples, tangent_curve_samples_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
