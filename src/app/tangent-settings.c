/* tangent-settings.c: the application's settings as object properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-settings"

#include <gio/gio.h>

#include "tangent-settings.h"

/* Widgets bind to these properties, never to GSettings directly, so the
 * schema is named in one place and tests can use the memory backend. */
struct _TangentSettings
{
  GObject    parent_instance;

  /* Owned */
  GSettings *settings;

  int        window_width;
  int        window_height;
  gboolean   window_maximized;
  int        pane_position;
};

G_DEFINE_FINAL_TYPE (TangentSettings, tangent_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WINDOW_WIDTH,
  PROP_WINDOW_HEIGHT,
  PROP_WINDOW_MAXIMIZED,
  PROP_PANE_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tangent_settings_dispose (GObject *object)
{
  TangentSettings *self = (TangentSettings *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tangent_settings_parent_class)->dispose (object);
}

static void
tangent_settings_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TangentSettings *self = TANGENT_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_WINDOW_WIDTH:
      g_value_set_int (value, self->window_width);
      break;

    case PROP_WINDOW_HEIGHT:
      g_value_set_int (value, self->window_height);
      break;

    case PROP_WINDOW_MAXIMIZED:
      g_value_set_boolean (value, self->window_maximized);
      break;

    case PROP_PANE_POSITION:
      g_value_set_int (value, self->pane_position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_int (TangentSettings *self,
         int             *field,
         int              value,
         guint            prop)
{
  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
    }
}

static void
tangent_settings_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TangentSettings *self = TANGENT_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_WINDOW_WIDTH:
      set_int (self, &self->window_width, g_value_get_int (value), prop_id);
      break;

    case PROP_WINDOW_HEIGHT:
      set_int (self, &self->window_height, g_value_get_int (value), prop_id);
      break;

    case PROP_WINDOW_MAXIMIZED:
      set_int (self, &self->window_maximized, !!g_value_get_boolean (value), prop_id);
      break;

    case PROP_PANE_POSITION:
      set_int (self, &self->pane_position, g_value_get_int (value), prop_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tangent_settings_class_init (TangentSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tangent_settings_dispose;
  object_class->get_property = tangent_settings_get_property;
  object_class->set_property = tangent_settings_set_property;

  properties[PROP_WINDOW_WIDTH] =
    g_param_spec_int ("window-width", NULL, NULL, 1, G_MAXINT, 1200,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WINDOW_HEIGHT] =
    g_param_spec_int ("window-height", NULL, NULL, 1, G_MAXINT, 800,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WINDOW_MAXIMIZED] =
    g_param_spec_boolean ("window-maximized", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PANE_POSITION] =
    g_param_spec_int ("pane-position", NULL, NULL, 0, G_MAXINT, 380,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tangent_settings_init (TangentSettings *self)
{
  self->settings = g_settings_new (APP_ID);

  g_settings_bind (self->settings, "window-width", self, "window-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "window-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "window-maximized",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "pane-position", self, "pane-position", G_SETTINGS_BIND_DEFAULT);
}

TangentSettings *
tangent_settings_new (void)
{
  return g_object_new (TANGENT_TYPE_SETTINGS, NULL);
}

int
tangent_settings_get_window_width (TangentSettings *self)
{
  g_return_val_if_fail (TANGENT_IS_SETTINGS (self), 0);

  return self->window_width;
}

int
tangent_settings_get_window_height (TangentSettings *self)
{
  g_return_val_if_fail (TANGENT_IS_SETTINGS (self), 0);

  return self->window_height;
}

gboolean
tangent_settings_get_window_maximized (TangentSettings *self)
{
  g_return_val_if_fail (TANGENT_IS_SETTINGS (self), FALSE);

  return self->window_maximized;
}

void
tangent_settings_set_window_state (TangentSettings *self,
                                   int              width,
                                   int              height,
                                   gboolean         maximized)
{
  g_return_if_fail (TANGENT_IS_SETTINGS (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (width > 0)
    set_int (self, &self->window_width, width, PROP_WINDOW_WIDTH);
  if (height > 0)
    set_int (self, &self->window_height, height, PROP_WINDOW_HEIGHT);
  set_int (self, &self->window_maximized, !!maximized, PROP_WINDOW_MAXIMIZED);
  g_object_thaw_notify (G_OBJECT (self));
}

int
tangent_settings_get_pane_position (TangentSettings *self)
{
  g_return_val_if_fail (TANGENT_IS_SETTINGS (self), 0);

  return self->pane_position;
}

void
tangent_settings_set_pane_position (TangentSettings *self,
                                    int              position)
{
  g_return_if_fail (TANGENT_IS_SETTINGS (self));

  set_int (self, &self->pane_position, MAX (position, 0), PROP_PANE_POSITION);
}
