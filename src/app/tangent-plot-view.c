/* tangent-plot-view.c: the widget that shows a session's view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-plot-view"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tangent-figure.h"
#include "tangent-plot-view.h"

/* The plot hosts, src/plot draws: the view keeps the session's figure (what
 * tangent-cli render draws) and draws it at every frame. A change of rows
 * marks the figure stale, and the next frame builds it again, so that
 * typing never waits for more than one frame and several changes in a
 * frame cost one build. A change of parameter values or of the bounds
 * only redraws. Dragging pans, scrolling and pinching zoom; both write the
 * session's view bounds. */

/* One scroll step zooms by this factor. */
#define SCROLL_ZOOM 1.15
/* Arrow keys pan by this part of the plot. */
#define KEY_PAN 0.1
/* Ranges stay within these widths, so that ticks can be labelled. */
#define MIN_RANGE 1e-9
#define MAX_RANGE 1e12

struct _TangentPlotView
{
  GtkWidget        parent_instance;

  /* Borrowed */
  TangentSession  *session;

  /* Owned */
  TangentFigure   *figure;
  gboolean         stale;        /* rows changed: build the figure again */
  gboolean         values_stale; /* parameter values changed */
  guint            n_rebuilds;
  TangentViewport  drawn;        /* data bounds and plot area of the last frame */
  gboolean         has_drawn;
  double           start[4];     /* bounds when a drag or pinch began */
  double           pointer_x;
  double           pointer_y;
  double           pinch_x;
  double           pinch_y;
  GPtrArray       *warnings;     /* what the view leaves out, and why (not rows') */
  guint            warnings_idle;
};

G_DEFINE_FINAL_TYPE (TangentPlotView, tangent_plot_view, GTK_TYPE_WIDGET)

enum {
  VIEW_CHANGED,
  WARNINGS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The session's main view as a figure, in the style the theme asks for:
 * the dark screen style in dark mode, the light print style otherwise.
 * The session itself keeps its own style (for export and the CLI); the
 * figure is built from a shallow copy that differs only there. */
static TangentFigure *
build_figure (const TangentSession *session,
              GError              **error)
{
  TangentSessionView view = *session->view;
  TangentSession copy = *session;

  view.style = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? (char *) "screen"
                                                                            : (char *) "print";
  copy.view = &view;
  return tangent_figure_new (&copy, NULL, error);
}

static void
apply_parameters (TangentFigure        *figure,
                  const TangentSession *session)
{
  for (guint i = 0; i < session->parameters->len; i++)
    {
      const TangentSessionParameter *p = g_ptr_array_index (session->parameters, i);

      if (p->name != NULL)
        tangent_figure_set_parameter (figure, p->name, p->value);
    }
}

static gboolean
emit_warnings_changed (gpointer data)
{
  TangentPlotView *self = data;

  self->warnings_idle = 0;
  g_signal_emit (self, signals[WARNINGS_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* Keeps what the figure says about the view's settings, and tells the
 * window after the frame when that changed (never during a snapshot). */
static void
update_warnings (TangentPlotView *self,
                 const GError    *build_error)
{
  g_autoptr(GPtrArray) now = g_ptr_array_new_with_free_func (g_free);
  gboolean same;

  if (build_error != NULL)
    g_ptr_array_add (now, g_strdup (build_error->message));
  else if (self->figure != NULL)
    {
      GPtrArray *view_warnings = tangent_figure_get_view_warnings (self->figure);

      for (guint i = 0; i < view_warnings->len; i++)
        g_ptr_array_add (now, g_strdup (g_ptr_array_index (view_warnings, i)));
    }

  same = now->len == self->warnings->len;
  for (guint i = 0; same && i < now->len; i++)
    same = g_str_equal (g_ptr_array_index (now, i), g_ptr_array_index (self->warnings, i));
  if (same)
    return;

  g_ptr_array_unref (self->warnings);
  self->warnings = g_steal_pointer (&now);
  if (self->warnings_idle == 0)
    self->warnings_idle = g_idle_add_full (G_PRIORITY_DEFAULT, emit_warnings_changed, self, NULL);
}

static void
tangent_plot_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  TangentPlotView *self = TANGENT_PLOT_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const TangentSessionView *view;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->session == NULL)
    return;

  view = self->session->view;
  if (self->figure == NULL || self->stale)
    {
      g_autoptr(GError) error = NULL;

      g_clear_pointer (&self->figure, tangent_figure_free);
      self->figure = build_figure (self->session, &error);
      if (self->figure == NULL)
        update_warnings (self, error);
      self->stale = FALSE;
      self->values_stale = FALSE;
      self->n_rebuilds++;
    }
  else if (self->values_stale)
    {
      /* Values only: the programs stay, they get new parameters. */
      apply_parameters (self->figure, self->session);
      self->values_stale = FALSE;
    }

  if (self->figure == NULL)
    return;

  tangent_figure_set_bounds (self->figure, view->xmin, view->xmax, view->ymin, view->ymax);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  tangent_figure_draw (self->figure, cr, width, height);
  cairo_destroy (cr);
  update_warnings (self, NULL);

  self->has_drawn = tangent_figure_get_plot_area (self->figure, &self->drawn);
}

/* Pan and zoom ----------------------------------------------------------- */

static void
get_bounds (TangentPlotView *self,
            double           bounds[4])
{
  const TangentSessionView *view = self->session->view;

  bounds[0] = view->xmin;
  bounds[1] = view->xmax;
  bounds[2] = view->ymin;
  bounds[3] = view->ymax;
}

/* The plot area of the last frame, in widget coordinates, and the data
 * bounds it showed (which equal aspect may have widened). */
static TangentViewport
get_drawn (TangentPlotView *self)
{
  const TangentSessionView *view = self->session->view;

  if (self->has_drawn && self->drawn.width > 0 && self->drawn.height > 0)
    return self->drawn;

  return (TangentViewport) {
    view->xmin, view->xmax, view->ymin, view->ymax,
    0, 0, MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1),
    MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1),
  };
}

static gboolean
range_ok (double lo,
          double hi)
{
  double mid = fabs (lo / 2 + hi / 2);

  return isfinite (lo) && isfinite (hi) && hi - lo > MIN_RANGE * MAX (mid, 1)
         && hi - lo < MAX_RANGE;
}

/**
 * tangent_plot_view_set_bounds:
 * @self: a #TangentPlotView
 * @xmin: left end of the x range
 * @xmax: right end
 * @ymin: bottom end of the y range
 * @ymax: top end
 *
 * Shows another part of the plane: writes the session's view bounds and
 * emits #TangentPlotView::view-changed. Ranges that are empty, not finite,
 * too narrow to label or too wide are refused.
 */
void
tangent_plot_view_set_bounds (TangentPlotView *self,
                              double           xmin,
                              double           xmax,
                              double           ymin,
                              double           ymax)
{
  TangentSessionView *view;

  g_return_if_fail (TANGENT_IS_PLOT_VIEW (self));

  if (self->session == NULL || !range_ok (xmin, xmax) || !range_ok (ymin, ymax))
    return;

  view = self->session->view;
  if (view->xmin == xmin && view->xmax == xmax && view->ymin == ymin && view->ymax == ymax)
    return;

  view->xmin = xmin;
  view->xmax = xmax;
  view->ymin = ymin;
  view->ymax = ymax;
  /* The drawn area holds until the next frame; its bounds are the new ones. */
  self->drawn.xmin = xmin;
  self->drawn.xmax = xmax;
  self->drawn.ymin = ymin;
  self->drawn.ymax = ymax;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
}

/* Zooms @bounds by @factor (above 1: out) keeping the point under the
 * widget position (@x, @y) where it is. */
static void
zoom_bounds (TangentPlotView *self,
             const double     bounds[4],
             double           x,
             double           y,
             double           factor)
{
  TangentViewport vp = get_drawn (self);
  double fx, fy, cx, cy, w, h;

  if (!(factor > 0) || !isfinite (factor))
    return;

  /* Where the point lies in the plot area, 0 … 1 from the left and bottom. */
  fx = CLAMP ((x - vp.left) / vp.width, 0, 1);
  fy = CLAMP (1 - (y - vp.top) / vp.height, 0, 1);
  w = (bounds[1] - bounds[0]) * factor;
  h = (bounds[3] - bounds[2]) * factor;
  cx = bounds[0] + fx * (bounds[1] - bounds[0]);
  cy = bounds[2] + fy * (bounds[3] - bounds[2]);
  tangent_plot_view_set_bounds (self, cx - fx * w, cx + (1 - fx) * w, cy - fy * h,
                                cy + (1 - fy) * h);
}

/**
 * tangent_plot_view_zoom_at:
 * @self: a #TangentPlotView
 * @x: a position in the widget
 * @y: a position in the widget
 * @factor: how much wider the ranges become (below 1: zoom in)
 *
 * Zooms keeping the point under (@x, @y) in place.
 */
void
tangent_plot_view_zoom_at (TangentPlotView *self,
                           double           x,
                           double           y,
                           double           factor)
{
  double bounds[4];

  g_return_if_fail (TANGENT_IS_PLOT_VIEW (self));

  if (self->session == NULL)
    return;

  get_bounds (self, bounds);
  zoom_bounds (self, bounds, x, y, factor);
}

/* Zooms about the middle of the plot. */
void
tangent_plot_view_zoom (TangentPlotView *self,
                        double           factor)
{
  TangentViewport vp;

  g_return_if_fail (TANGENT_IS_PLOT_VIEW (self));

  if (self->session == NULL)
    return;

  vp = get_drawn (self);
  tangent_plot_view_zoom_at (self, vp.left + vp.width / 2, vp.top + vp.height / 2, factor);
}

static void
pan_bounds (TangentPlotView *self,
            const double     bounds[4],
            double           dx,
            double           dy)
{
  TangentViewport vp = get_drawn (self);
  double sx = (bounds[1] - bounds[0]) / vp.width;
  double sy = (bounds[3] - bounds[2]) / vp.height;

  tangent_plot_view_set_bounds (self, bounds[0] - dx * sx, bounds[1] - dx * sx,
                                bounds[2] + dy * sy, bounds[3] + dy * sy);
}

/**
 * tangent_plot_view_pan:
 * @self: a #TangentPlotView
 * @dx: how far the picture moves right, in widget pixels
 * @dy: how far it moves down
 *
 * Moves the picture as a drag by (@dx, @dy) does.
 */
void
tangent_plot_view_pan (TangentPlotView *self,
                       double           dx,
                       double           dy)
{
  double bounds[4];

  g_return_if_fail (TANGENT_IS_PLOT_VIEW (self));

  if (self->session == NULL)
    return;

  get_bounds (self, bounds);
  pan_bounds (self, bounds, dx, dy);
}

static void
on_drag_begin (TangentPlotView *self,
               double           x,
               double           y,
               GtkGestureDrag  *gesture)
{
  if (self->session == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  get_bounds (self, self->start);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_drag_update (TangentPlotView *self,
                double           dx,
                double           dy)
{
  if (self->session != NULL)
    pan_bounds (self, self->start, dx, dy);
}

static void
on_drag_end (TangentPlotView *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
}

static void
on_motion (TangentPlotView *self,
           double           x,
           double           y)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static gboolean
on_scroll (TangentPlotView *self,
           double           dx,
           double           dy)
{
  if (self->session == NULL || dy == 0)
    return FALSE;

  tangent_plot_view_zoom_at (self, self->pointer_x, self->pointer_y, pow (SCROLL_ZOOM, dy));
  return TRUE;
}

static void
on_pinch_begin (TangentPlotView *self,
                GdkEventSequence *sequence,
                GtkGesture      *gesture)
{
  if (self->session == NULL)
    return;

  get_bounds (self, self->start);
  if (!gtk_gesture_get_bounding_box_center (gesture, &self->pinch_x, &self->pinch_y))
    {
      TangentViewport vp = get_drawn (self);

      self->pinch_x = vp.left + vp.width / 2;
      self->pinch_y = vp.top + vp.height / 2;
    }
}

static void
on_pinch_scale_changed (TangentPlotView *self,
                        double           scale)
{
  if (self->session != NULL && scale > 0)
    zoom_bounds (self, self->start, self->pinch_x, self->pinch_y, 1 / scale);
}

static gboolean
on_key_pressed (TangentPlotView *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  TangentViewport vp;

  if (self->session == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  vp = get_drawn (self);
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      tangent_plot_view_pan (self, vp.width * KEY_PAN, 0);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      tangent_plot_view_pan (self, -vp.width * KEY_PAN, 0);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      tangent_plot_view_pan (self, 0, vp.height * KEY_PAN);
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      tangent_plot_view_pan (self, 0, -vp.height * KEY_PAN);
      return TRUE;

    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      tangent_plot_view_zoom (self, 1 / SCROLL_ZOOM);
      return TRUE;

    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      tangent_plot_view_zoom (self, SCROLL_ZOOM);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
on_dark_changed (TangentPlotView *self)
{
  /* The colour cycle changes with the style. */
  self->stale = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
tangent_plot_view_finalize (GObject *object)
{
  TangentPlotView *self = TANGENT_PLOT_VIEW (object);

  g_clear_pointer (&self->figure, tangent_figure_free);
  g_clear_handle_id (&self->warnings_idle, g_source_remove);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (tangent_plot_view_parent_class)->finalize (object);
}

static void
tangent_plot_view_class_init (TangentPlotViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tangent_plot_view_finalize;

  widget_class->snapshot = tangent_plot_view_snapshot;

  /**
   * TangentPlotView::view-changed:
   *
   * The user panned or zoomed: the session's view bounds changed.
   */
  signals[VIEW_CHANGED] = g_signal_new ("view-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * TangentPlotView::warnings-changed:
   *
   * What the view leaves out of the figure changed: see
   * tangent_plot_view_get_warnings().
   */
  signals[WARNINGS_CHANGED] = g_signal_new ("warnings-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "plotview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tangent_plot_view_init (TangentPlotView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag, *pinch;
  GtkEventController *scroll, *motion, *key;

  self->warnings = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_widget_set_size_request (widget, 200, 200);
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_cursor_from_name (widget, "grab");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Plot"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Drag or use the arrow keys to move, scroll or press plus "
                                    "and minus to zoom"),
                                  -1);

  drag = gtk_gesture_drag_new ();
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begin), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_drag_update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (on_drag_end), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect_object (pinch, "begin", G_CALLBACK (on_pinch_begin), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pinch, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));
  gtk_gesture_group (pinch, drag);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_scroll), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "enter", G_CALLBACK (on_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, motion);

  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, key);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
tangent_plot_view_new (void)
{
  return g_object_new (TANGENT_TYPE_PLOT_VIEW, NULL);
}

/**
 * tangent_plot_view_set_session:
 * @self: a #TangentPlotView
 * @session: (nullable): the session to draw, or %NULL
 *
 * Draws @session's main view. The view borrows @session, and writes its
 * view bounds when the user pans or zooms: the owner sets it to %NULL
 * before freeing it.
 */
void
tangent_plot_view_set_session (TangentPlotView *self,
                               TangentSession  *session)
{
  g_return_if_fail (TANGENT_IS_PLOT_VIEW (self));

  self->session = session;
  self->has_drawn = FALSE;
  g_clear_pointer (&self->figure, tangent_figure_free);
  self->stale = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The session's rows or parameters changed: rebuild at the next frame. */
void
tangent_plot_view_rows_changed (TangentPlotView *self)
{
  g_return_if_fail (TANGENT_IS_PLOT_VIEW (self));

  self->stale = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Only parameter values changed: draw again with the same programs. */
void
tangent_plot_view_parameters_changed (TangentPlotView *self)
{
  g_return_if_fail (TANGENT_IS_PLOT_VIEW (self));

  self->values_stale = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tangent_plot_view_get_plot_area:
 * @self: a #TangentPlotView
 * @area: (out): the area inside the axes, in widget coordinates
 * @bounds: (out) (array fixed-size=4) (optional): the data bounds it
 *   shows: xmin, xmax, ymin, ymax
 *
 * Where the last frame drew the plane, for pointer positions and tests.
 *
 * Returns: whether a frame was drawn, so that @area is known
 */
gboolean
tangent_plot_view_get_plot_area (TangentPlotView *self,
                                 graphene_rect_t *area,
                                 double          *bounds)
{
  g_return_val_if_fail (TANGENT_IS_PLOT_VIEW (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (!self->has_drawn)
    return FALSE;

  graphene_rect_init (area, self->drawn.left, self->drawn.top, self->drawn.width,
                      self->drawn.height);
  if (bounds != NULL)
    {
      bounds[0] = self->drawn.xmin;
      bounds[1] = self->drawn.xmax;
      bounds[2] = self->drawn.ymin;
      bounds[3] = self->drawn.ymax;
    }
  return TRUE;
}

/**
 * tangent_plot_view_get_warnings:
 * @self: a plot view
 *
 * What the last frame left out of the view's settings and why (a contour
 * map of an undefined function, Taylor polynomials without coefficients,
 * a view that cannot be drawn at all). Rows' own problems are not among
 * them: each row shows its own.
 *
 * Returns: (transfer none) (element-type utf8): the messages, maybe none
 */
GPtrArray *
tangent_plot_view_get_warnings (TangentPlotView *self)
{
  g_return_val_if_fail (TANGENT_IS_PLOT_VIEW (self), NULL);

  return self->warnings;
}

/* How often the view built its figure from the session, compiling its
 * rows: a slider's move, a pan or a zoom must not. */
guint
tangent_plot_view_get_n_rebuilds (TangentPlotView *self)
{
  g_return_val_if_fail (TANGENT_IS_PLOT_VIEW (self), 0);

  return self->n_rebuilds;
}
