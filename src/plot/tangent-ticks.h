/* tangent-ticks.h: where an axis gets its ticks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double step;      /* 1, 2 or 5 times a power of ten */
  gint64 first;     /* index of the first tick: its value is first * step */
  guint  count;     /* ticks inside [lo, hi] */
  guint  decimals;  /* digits after the point that tell the ticks apart */
} TangentTicks;

gboolean tangent_ticks_compute   (double        lo,
                                  double        hi,
                                  guint         max_ticks,
                                  TangentTicks *ticks);
double   tangent_ticks_value     (const TangentTicks *ticks,
                                  guint               i);
double   tangent_nice_step       (double        span,
                                  guint         max_ticks);

G_END_DECLS
