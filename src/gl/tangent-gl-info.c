/* tangent-gl-info.c: what OpenGL the display offers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-gl"

#include <epoxy/gl.h>

#include "tangent-gl-info.h"

/**
 * tangent_gl_info_dup_summary:
 * @display: the display the views will be on
 * @error: return location for a #GError
 *
 * Creates a throw-away GL context on @display and reports its version,
 * vendor and renderer, for the troubleshooting page of the About window:
 * when a 3-D view misbehaves, the first question is which driver drew it.
 *
 * Returns: (transfer full) (nullable): a few lines of text, or %NULL with
 *   @error set when no context can be made
 */
char *
tangent_gl_info_dup_summary (GdkDisplay  *display,
                             GError     **error)
{
  g_autoptr(GdkGLContext) context = NULL;
  const char *version, *vendor, *renderer;
  char *summary;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  context = gdk_display_create_gl_context (display, error);
  if (context == NULL)
    return NULL;

  if (!gdk_gl_context_realize (context, error))
    return NULL;

  gdk_gl_context_make_current (context);

  version = (const char *) glGetString (GL_VERSION);
  vendor = (const char *) glGetString (GL_VENDOR);
  renderer = (const char *) glGetString (GL_RENDERER);

  summary = g_strdup_printf ("OpenGL: %s\nVendor: %s\nRenderer: %s",
                             version != NULL ? version : "?",
                             vendor != NULL ? vendor : "?",
                             renderer != NULL ? renderer : "?");

  gdk_gl_context_clear_current ();

  return summary;
}
