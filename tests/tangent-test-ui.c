/* tangent-test-ui.c: what the window tests share: pictures of widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tangent-test-ui.h"

/* GTK 4.8's GL renderer caches the texture it draws a cairo node into
 * under the node's address. A new node allocated where the last one was
 * just freed would come back with the last picture, so the last node is
 * kept until the next one has been rendered. */
static GskRenderNode *last_node;

/* Renders @widget with its window's renderer, as the screen shows it. */
TangentTestPicture *
tangent_test_picture_new (GtkWidget *widget)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  TangentTestPicture *picture = g_new0 (TangentTestPicture, 1);

  picture->width = gtk_widget_get_width (widget);
  picture->height = gtk_widget_get_height (widget);
  g_assert_cmpint (picture->width, >, 0);
  g_assert_cmpint (picture->height, >, 0);

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, picture->width,
                                                              picture->height));
  picture->pixels = g_malloc ((gsize) picture->width * picture->height * 4);
  gdk_texture_download (texture, picture->pixels, (gsize) picture->width * 4);

  g_clear_pointer (&last_node, gsk_render_node_unref);
  last_node = g_steal_pointer (&node);
  return picture;
}

void
tangent_test_picture_free (TangentTestPicture *picture)
{
  if (picture == NULL)
    return;
  g_free (picture->pixels);
  g_free (picture);
}

/* Whether the pixel at (x, y) is @color, each channel within @tolerance
 * of 255. Outside the picture: no. */
gboolean
tangent_test_picture_is (const TangentTestPicture *picture,
                         int                       x,
                         int                       y,
                         const GdkRGBA            *color,
                         int                       tolerance)
{
  const guchar *p;

  if (x < 0 || y < 0 || x >= picture->width || y >= picture->height)
    return FALSE;

  p = picture->pixels + 4 * ((gsize) y * picture->width + x);
  return ABS (p[2] - (int) (color->red * 255 + 0.5)) <= tolerance
         && ABS (p[1] - (int) (color->green * 255 + 0.5)) <= tolerance
         && ABS (p[0] - (int) (color->blue * 255 + 0.5)) <= tolerance;
}

guint
tangent_test_picture_count (const TangentTestPicture *picture,
                            const GdkRGBA            *color,
                            int                       tolerance)
{
  guint n = 0;

  for (int y = 0; y < picture->height; y++)
    for (int x = 0; x < picture->width; x++)
      n += tangent_test_picture_is (picture, x, y, color, tolerance);
  return n;
}

/* Lets the last rendered node go, at the end of a test. */
void
tangent_test_forget_nodes (void)
{
  g_clear_pointer (&last_node, gsk_render_node_unref);
}
