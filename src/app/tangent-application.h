/* tangent-application.h: the application object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tangent-settings.h"

G_BEGIN_DECLS

#define TANGENT_TYPE_APPLICATION (tangent_application_get_type ())

G_DECLARE_FINAL_TYPE (TangentApplication, tangent_application, TANGENT, APPLICATION,
                      AdwApplication)

TangentApplication *tangent_application_new          (GApplicationFlags   flags);
TangentSettings    *tangent_application_get_settings (TangentApplication *self);

G_END_DECLS
