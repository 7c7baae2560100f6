/* tangent-test-plot.c: what the drawing tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "tangent-test-plot.h"

guint
tangent_test_count_ink (cairo_surface_t    *surface,
                        int                 x0,
                        int                 y0,
                        int                 width,
                        int                 height,
                        const TangentColor *background)
{
  const guint8 *data;
  int stride;
  guint n = 0;
  guint32 bg = 0xff000000u
               | ((guint32) round (background->red * 255) << 16)
               | ((guint32) round (background->green * 255) << 8)
               | (guint32) round (background->blue * 255);

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = y0; y < y0 + height; y++)
    for (int x = x0; x < x0 + width; x++)
      n += *(const guint32 *) (const void *) (data + y * stride + x * 4) != bg;
  return n;
}
