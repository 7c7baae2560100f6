/* tangent-sampler.h: adaptive samples of a curve y = f(x) for a plot,
 * honest at poles, jumps and fast oscillation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tangent-compile.h"

G_BEGIN_DECLS

/* A column x0 … x1 where f oscillates faster than a pixel shows: the plot
 * fills [ylo, yhi] (an enclosure of f over the column) instead of drawing a
 * line. */
typedef struct
{
  double x0, x1;
  double ylo, yhi;
} TangentSampleSpan;

/* Points in increasing x; a NaN y breaks the polyline (a pole, a jump, a
 * gap in the domain), so no connector is ever drawn across one. */
typedef struct
{
  guint              n;
  double            *x;
  double            *y;
  guint              n_spans;
  TangentSampleSpan *spans;
  guint              n_evals;   /* point evaluations used (for benchmarks) */
} TangentCurveSamples;

/* Samples prog (a function of x, with params) for a plot of
 * [xmin, xmax] × [ymin, ymax] on width_px × height_px pixels: refines where
 * the curve bends by more than a fraction of a pixel, bounds the work
 * (max_evals, 0: a default of about 40 per pixel column), and uses
 * interval enclosures to tell poles and jumps (break) from steep but
 * continuous stretches (draw). */
TangentCurveSamples *tangent_sampler_run       (const TangentProgram *prog,
                                                const double         *params,
                                                double                xmin,
                                                double                xmax,
                                                double                ymin,
                                                double                ymax,
                                                guint                 width_px,
                                                guint                 height_px,
                                                guint                 max_evals);
void                 tangent_curve_samples_free (TangentCurveSamples *samples);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TangentCurveSamples, tangent_curve_samples_free)

G_END_DECLS
