/* tangent-nice.h: "nice numbers", 1, 2 or 5 times a power of ten
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

double tangent_nice_at_least (double raw);
double tangent_nice_multiple (double step,
                              gint64 index);

G_END_DECLS
