/* tangent-taylor-bound.h: certified bounds on the error of Taylor
 * polynomials, over an interval (a band) and over a box
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tangent-ast.h"
#include "tangent-compile.h"
#include "tangent-interval.h"

G_BEGIN_DECLS

/* The band of a 1-D Taylor polynomial T of order n about a over
 * [lo, hi]: for every sample x[i],
 *
 *   |f(x[i]) − T(x[i])| ≤ bound[i],
 *
 * f the exact real function of the program, T either the polynomial
 * Σ c_k (x − a)^k with the double coefficients c_k of tangent_jet_eval()
 * taken exactly, or its value in double by tangent_taylor_horner(). bound[i]
 * is +∞ where nothing can be certified (f not n + 1 times differentiable
 * somewhere between a and x[i], or an enclosure too wide); reason then
 * says why. */
typedef struct
{
  guint    n;          /* samples */
  double  *x;          /* abscissae, LO … HI inclusive, equally spaced */
  double  *bound;      /* b(x) >= |f(x) - T(x)| guaranteed; +inf where not certifiable */
  double   max;        /* max of bound[] (+inf if any is) */
  char    *reason;     /* NULL when all finite; else why (first cause), a short translatable message */
} TangentTaylorBand;

/* What a 1-D interval jet (tangent-jet-interval.c) proves about the
 * function on its box. certified is TRUE when every operation of the
 * program is SMOOTH there (C^∞ on a neighbourhood of the box), so the
 * enclosures are of the true Taylor coefficients at every point of the
 * box; otherwise reason (static, untranslated English) and op (a
 * TangentOpcode, or -1) name the first operation that broke it. */
typedef struct
{
  gboolean    certified;
  const char *reason;
  int         op;
} TangentJetDecoration;

/* Interval jets: coeffs[k] ⊇ { f^(k)(t)/k! : t in box along wrt } for
 * k = 0 … order, the other variables at point. point[wrt] is the centre of
 * the expansion: a quotient whose numerator and denominator both vanish
 * there (sin(x)/x at 0) is enclosed through its shifted series when the box
 * contains the centre. */
gboolean           tangent_jet_interval_eval    (const TangentProgram *prog,
                                                 const double         *params,
                                                 const double          point[3],
                                                 TangentVariable       wrt,
                                                 TangentInterval       box,
                                                 guint                 order,
                                                 TangentInterval      *coeffs,
                                                 TangentJetDecoration *deco);
/* 2-D: coeffs at TANGENT_JET2_INDEX (i, j), x in box[0], y in box[1]. */
gboolean           tangent_jet2_interval_eval   (const TangentProgram *prog,
                                                 const double         *params,
                                                 const double          point[3],
                                                 const TangentInterval box[2],
                                                 guint                 order,
                                                 TangentInterval      *coeffs,
                                                 TangentJetDecoration *deco);

/* Σ_{k=0..order} coeffs[k] (x − a)^k by Horner in double: the evaluation
 * the band certifies (bit for bit what it assumes). */
double             tangent_taylor_horner        (const double         *coeffs,
                                                 guint                 order,
                                                 double                a,
                                                 double                x);

TangentTaylorBand *tangent_taylor_band_new      (const TangentProgram *prog,
                                                 const double         *params,
                                                 const double          point[3],
                                                 TangentVariable       wrt,
                                                 guint                 order,
                                                 double                lo,
                                                 double                hi,
                                                 guint                 n_samples,
                                                 GError              **error);
void               tangent_taylor_band_free     (TangentTaylorBand    *band);

/* 2-D: |f(x, y) − T(x, y)| ≤ *bound for every (x, y) in [lo[0], hi[0]] ×
 * [lo[1], hi[1]], T the polynomial of total degree order about
 * (point[0], point[1]) with the double coefficients of tangent_jet2_eval(),
 * exactly or evaluated in double by any scheme of nested multiplications
 * and additions (Horner in y of Horner in x included). *bound is +∞ and
 * *reason set (free with g_free) where nothing can be certified. */
gboolean           tangent_taylor_bound_box     (const TangentProgram *prog,
                                                 const double         *params,
                                                 const double          point[3],
                                                 guint                 order,
                                                 const double          lo[2],
                                                 const double          hi[2],
                                                 double               *bound,
                                                 char                **reason,
                                                 GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TangentTaylorBand, tangent_taylor_band_free)

G_END_DECLS
