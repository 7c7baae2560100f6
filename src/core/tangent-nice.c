/* tangent-nice.c: "nice numbers", 1, 2 or 5 times a power of ten
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by everything that puts numbers on a scale for people to read:
 * contour levels here in the core, axis ticks in src/plot/tangent-ticks.c
 * (P. S. Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990,
 * with the rounding made one-sided so a count is a bound, not a hint).
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-nice"

#include <math.h>

#include "tangent-nice.h"

/**
 * tangent_nice_at_least:
 * @raw: a positive finite number
 *
 * Returns: the smallest number of the form {1, 2, 5} × 10^k that is at
 *   least @raw (up to a relative slack of 1e-12, so that 0.3 / 3 still
 *   gives 0.1), or 0 when @raw is not a positive finite number or its
 *   power of ten is not representable.
 */
double
tangent_nice_at_least (double raw)
{
  static const double mantissas[] = { 1, 2, 5, 10 };
  double magnitude;

  if (!(raw > 0) || !isfinite (raw))
    return 0;

  magnitude = pow (10, floor (log10 (raw)));
  if (magnitude == 0 || !isfinite (magnitude))
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
    {
      if (mantissas[i] * magnitude >= raw * (1 - 1e-12))
        return mantissas[i] * magnitude;
    }

  return 10 * magnitude;
}

/**
 * tangent_nice_multiple:
 * @step: a nice step from tangent_nice_at_least()
 * @index: which multiple
 *
 * Returns: @index × @step, computed so that it prints as a person would
 *   write it: for steps below one, 1/@step is an integer and one division
 *   rounds correctly (3 / 10 is 0.3 where 3 × 0.1 is not).
 */
double
tangent_nice_multiple (double step,
                       gint64 index)
{
  if (step < 1)
    return (double) index / round (1 / step);

  return (double) index * step;
}
