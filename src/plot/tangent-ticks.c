/* tangent-ticks.c: where an axis gets its ticks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-ticks"

#include <math.h>
#include <string.h>

#include "tangent-nice.h"
#include "tangent-ticks.h"

/* The smallest step of the form {1, 2, 5} × 10^k that cuts @span into at
 * most @max_ticks - 1 intervals: the core's nice-number rule, which
 * contour levels share. Returns 0 when @span is not a positive finite
 * number. */
double
tangent_nice_step (double span,
                   guint  max_ticks)
{
  if (!(span > 0) || !isfinite (span) || max_ticks < 2)
    return 0;

  return tangent_nice_at_least (span / (max_ticks - 1));
}

/**
 * tangent_ticks_compute:
 * @lo: the low end of the axis
 * @hi: the high end, greater than @lo
 * @max_ticks: the most ticks wanted, at least 2
 * @ticks: (out): the result
 *
 * Chooses ticks at the integer multiples of a nice step that fall inside
 * [@lo, @hi]. Tick values come from their index, never from repeated
 * addition, so the tenth tick of 0.1 is 1, not 0.9999999999999999.
 *
 * Returns: %FALSE when the range is empty, reversed or not finite, or so
 *   narrow that ticks cannot be told apart in binary64.
 */
gboolean
tangent_ticks_compute (double        lo,
                       double        hi,
                       guint         max_ticks,
                       TangentTicks *ticks)
{
  double step, first, last;

  g_return_val_if_fail (ticks != NULL, FALSE);

  memset (ticks, 0, sizeof *ticks);

  if (!isfinite (lo) || !isfinite (hi) || !(hi > lo))
    return FALSE;

  step = tangent_nice_step (hi - lo, max_ticks);
  if (step == 0)
    return FALSE;

  first = ceil (lo / step - 1e-9);
  last = floor (hi / step + 1e-9);
  if (!(last >= first) || fabs (first) > 1e15 || fabs (last) > 1e15)
    return FALSE;

  /* Two neighbouring ticks that round to the same double are useless. */
  if ((first + 1) * step == first * step)
    return FALSE;

  ticks->step = step;
  ticks->first = (gint64) first;
  ticks->count = (guint) (last - first) + 1;
  ticks->decimals = step >= 1 ? 0 : (guint) MIN (17, ceil (-log10 (step) - 1e-9));

  return TRUE;
}

/**
 * tangent_ticks_value:
 * @ticks: ticks from tangent_ticks_compute()
 * @i: index, below @ticks->count
 *
 * Returns: the value of tick @i
 */
double
tangent_ticks_value (const TangentTicks *ticks,
                     guint               i)
{
  g_return_val_if_fail (ticks != NULL, 0);

  return tangent_nice_multiple (ticks->step, ticks->first + (gint64) i);
}
