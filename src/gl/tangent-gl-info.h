/* tangent-gl-info.h: what OpenGL the display offers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *tangent_gl_info_dup_summary (GdkDisplay  *display,
                                   GError     **error);

G_END_DECLS
