/* tangent-taylor-print.h: Taylor polynomials from their coefficients, as
 * plain text, Pango markup and LaTeX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TANGENT_TAYLOR_FORMAT_TEXT,     /* the formula language: re-parses */
  TANGENT_TAYLOR_FORMAT_MARKUP,   /* Pango markup, for labels */
  TANGENT_TAYLOR_FORMAT_LATEX,    /* LaTeX, for a maths environment */
} TangentTaylorFormat;

gboolean tangent_taylor_rational (double               value,
                                  gint64              *numerator,
                                  gint64              *denominator);

char    *tangent_taylor_print    (const double        *coeffs,
                                  guint                order,
                                  double               centre,
                                  const char          *name,
                                  TangentTaylorFormat  format);
char    *tangent_taylor2_print   (const double        *coeffs,
                                  guint                order,
                                  const double         centre[2],
                                  const char *const    names[2],
                                  TangentTaylorFormat  format);

G_END_DECLS
