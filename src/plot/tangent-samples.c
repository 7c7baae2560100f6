/* tangent-samples.c: points of a curve y = f(x)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-samples"

#include "tangent-samples.h"

/**
 * tangent_samples_new_uniform:
 * @vp: the viewport whose x range is sampled
 * @func: the function
 * @user_data: passed to @func
 * @n: number of samples, at least 2
 *
 * Samples @func at @n equally spaced points from xmin to xmax, both ends
 * included. Each abscissa is computed from its index, so the last one is
 * exactly xmax. (Adaptive sampling, which refines where the curve bends
 * and finds poles, replaces this for real formulas.)
 *
 * Returns: (transfer full) (nullable): the samples, or %NULL when @vp is
 *   not valid
 */
TangentSamples *
tangent_samples_new_uniform (const TangentViewport *vp,
                             TangentFunc1           func,
                             gpointer               user_data,
                             guint                  n)
{
  TangentSamples *samples;

  g_return_val_if_fail (vp != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);
  g_return_val_if_fail (n >= 2, NULL);

  if (!tangent_viewport_is_valid (vp))
    return NULL;

  samples = g_new0 (TangentSamples, 1);
  samples->n = n;
  samples->x = g_new (double, n);
  samples->y = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      double t = (double) i / (n - 1);
      double x = i == n - 1 ? vp->xmax : vp->xmin + t * (vp->xmax - vp->xmin);

      samples->x[i] = x;
      samples->y[i] = func (x, user_data);
    }

  return samples;
}

void
tangent_samples_free (TangentSamples *samples)
{
  if (samples == NULL)
    return;

  g_free (samples->x);
  g_free (samples->y);
  g_free (samples);
}
