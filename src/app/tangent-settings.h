/* tangent-settings.h: the application's settings as object properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TANGENT_TYPE_SETTINGS (tangent_settings_get_type ())

G_DECLARE_FINAL_TYPE (TangentSettings, tangent_settings, TANGENT, SETTINGS, GObject)

TangentSettings *tangent_settings_new                  (void);
int              tangent_settings_get_window_width     (TangentSettings *self);
int              tangent_settings_get_window_height    (TangentSettings *self);
gboolean         tangent_settings_get_window_maximized (TangentSettings *self);
void             tangent_settings_set_window_state     (TangentSettings *self,
                                                        int              width,
                                                        int              height,
                                                        gboolean         maximized);
int              tangent_settings_get_pane_position    (TangentSettings *self);
void             tangent_settings_set_pane_position    (TangentSettings *self,
                                                        int              position);

G_END_DECLS
