/* tangent-viewport.h: the window of the plane a plot shows, and its pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Maps the data rectangle [xmin, xmax] × [ymin, ymax] onto a device
 * rectangle of width × height units starting at (left, top); y grows up in
 * data and down on the device. */
typedef struct
{
  double xmin, xmax;
  double ymin, ymax;
  double left, top;
  double width, height;
} TangentViewport;

gboolean tangent_viewport_is_valid (const TangentViewport *vp);
double   tangent_viewport_to_px    (const TangentViewport *vp,
                                    double                 x);
double   tangent_viewport_to_py    (const TangentViewport *vp,
                                    double                 y);
double   tangent_viewport_from_px  (const TangentViewport *vp,
                                    double                 px);
double   tangent_viewport_from_py  (const TangentViewport *vp,
                                    double                 py);
/* Shrinks the device rectangle about its centre so that a unit of x and a
 * unit of y are equally long (circles stay round). */
void     tangent_viewport_equal_aspect (TangentViewport   *vp);

G_END_DECLS
