/* replay.c: runs a fuzz target over its saved corpus, as an ordinary test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: fuzz-replay-NAME DIR…: every file in each DIR is one input. The
 * corpus holds the inputs libFuzzer found interesting and ran clean, so a
 * regression in any of them fails here, in every build, sanitizers
 * included.
 */

#include "config.h"

#include <glib.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
      const char *name;

      if (dir == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *contents = NULL;
          gsize length;

          if (!g_file_get_contents (path, &contents, &length, &error))
            {
              fprintf (stderr, "%s\n", error->message);
              return 1;
            }

          LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
          n++;
        }
    }

  printf ("1..1\nok 1 replayed %u inputs\n", n);
  return n > 0 ? 0 : 1;
}
