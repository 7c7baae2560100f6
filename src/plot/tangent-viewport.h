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

/* A rectangle in device units turned by angle (radians, as cairo_rotate)
 * about its centre: where a label sits, which other marks keep clear of. */
typedef struct
{
  double cx, cy;
  double width, height;
  double angle;
} TangentBox;

gboolean tangent_box_meets_segment (const TangentBox *box,
                                    double            padding,
                                    double            x0,
                                    double            y0,
                                    double            x1,
                                    double            y1);

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
