/* tangent-test-ui.h: what the window tests share: pictures of widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  int     width;
  int     height;
  guchar *pixels;   /* B G R A, premultiplied, width × 4 bytes a row */
} TangentTestPicture;

TangentTestPicture *tangent_test_picture_new   (GtkWidget                *widget);
void                tangent_test_picture_free  (TangentTestPicture       *picture);
gboolean            tangent_test_picture_is    (const TangentTestPicture *picture,
                                                int                       x,
                                                int                       y,
                                                const GdkRGBA            *color,
                                                int                       tolerance);
guint               tangent_test_picture_count (const TangentTestPicture *picture,
                                                const GdkRGBA            *color,
                                                int                       tolerance);
void                tangent_test_forget_nodes  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TangentTestPicture, tangent_test_picture_free)

G_END_DECLS
