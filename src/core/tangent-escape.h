/* tangent-escape.h: short, safe excerpts of untrusted text for messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tangent_escape_excerpt (const char *text,
                              gssize      length,
                              guint       max_chars);

G_END_DECLS
