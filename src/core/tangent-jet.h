/* tangent-jet.h: Taylor-mode automatic differentiation (truncated power
 * series) over compiled programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tangent-ast.h"
#include "tangent-compile.h"

G_BEGIN_DECLS

#define TANGENT_JET_ERROR (tangent_jet_error_quark ())

typedef enum
{
  TANGENT_JET_ERROR_ORDER,     /* order outside 0 … TANGENT_JET_MAX_ORDER */
  TANGENT_JET_ERROR_INVALID,   /* no output, or a variable out of range */
} TangentJetError;

/* LANGUAGE.md, Values: Taylor orders 0 … 100, in one and two variables. */
#define TANGENT_JET_MAX_ORDER 100

/* 2-D coefficients are stored grade by grade (total degree i + j), and
 * within a grade by the power of y: (0,0), (1,0), (0,1), (2,0), (1,1),
 * (0,2), … — the order of calculus-sample.json and of `taylor --about
 * x=A,y=B`. */
#define TANGENT_JET2_INDEX(i, j) ((((i) + (j)) * ((i) + (j) + 1)) / 2 + (j))
#define TANGENT_JET2_SIZE(order) ((((order) + 1) * ((order) + 2)) / 2)

GQuark   tangent_jet_error_quark (void);

gboolean tangent_jet_eval        (const TangentProgram *prog,
                                  const double         *params,
                                  const double          point[3],
                                  TangentVariable       wrt,
                                  guint                 order,
                                  double               *coeffs,
                                  GError              **error);
gboolean tangent_jet2_eval       (const TangentProgram *prog,
                                  const double         *params,
                                  const double          point[3],
                                  guint                 order,
                                  double               *coeffs,
                                  GError              **error);

gboolean tangent_jet_eval_text   (const char           *text,
                                  const double          point[3],
                                  TangentVariable       wrt,
                                  guint                 order,
                                  double               *coeffs,
                                  GError              **error);
gboolean tangent_jet2_eval_text  (const char           *text,
                                  const double          point[3],
                                  guint                 order,
                                  double               *coeffs,
                                  GError              **error);

G_END_DECLS
