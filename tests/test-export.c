/* test-export.c: figures written to PNG, SVG and PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each file is read back by a different program than the one that wrote
 * it: PNG by cairo's decoder plus a chunk walk with a CRC written here,
 * SVG by GMarkup, PDF by poppler's pdfinfo. Expected sizes are
 * worked out by hand in the comments.
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "tangent-export.h"

#include "tangent-test-cli.h"

/* Left half red, right half blue, a black diagonal and a word: fills,
 * strokes and text, all in figure units. */
static void
draw_halves (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  guint *calls = user_data;

  (*calls)++;
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_rectangle (cr, 0, 0, width / 2, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 1);
  cairo_rectangle (cr, width / 2, 0, width / 2, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 0, 0);
  cairo_line_to (cr, width / 4, height / 4);
  cairo_stroke (cr);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_move_to (cr, 5, height - 5);
  cairo_show_text (cr, "Tangent");
}

/* Leaves cr in an error state: a restore without a save. */
static void
draw_broken (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  cairo_restore (cr);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_format_from_path (void)
{
  static const struct { const char *path; gboolean ok; TangentExportFormat format; } cases[] = {
    { "a.png", TRUE, TANGENT_EXPORT_PNG },
    { "dir.d/FIG.PNG", TRUE, TANGENT_EXPORT_PNG },
    { "x.svg", TRUE, TANGENT_EXPORT_SVG },
    { "x.Pdf", TRUE, TANGENT_EXPORT_PDF },
    { "x.jpg", FALSE, 0 },
    { "png", FALSE, 0 },
    { ".png", FALSE, 0 },
    { "", FALSE, 0 },
    { "x.png.txt", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      TangentExportFormat format = 99;
      gboolean ok = tangent_export_format_from_path (cases[i].path, &format, &error);

      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (format, ==, cases[i].format);
        }
      else
        {
          g_assert_error (error, TANGENT_EXPORT_ERROR, TANGENT_EXPORT_ERROR_FORMAT);
          g_assert_nonnull (strstr (error->message, cases[i].path));
        }
    }
}

/* CRC-32 of PNG (ISO 3309, reflected polynomial 0xEDB88320), bit by bit:
 * the slow textbook loop, independent of zlib's table-driven one. */
static guint32
crc32_bitwise (const guint8 *data,
               gsize         len)
{
  guint32 crc = 0xffffffffu;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
    }
  return crc ^ 0xffffffffu;
}

static guint32
be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* Walks the chunks of a PNG file; checks every CRC, that IHDR comes first
 * and that pHYs comes before IDAT (PNG spec 5.6). Returns the pHYs values. */
static void
read_phys (const char *path,
           guint32    *ppu_x,
           guint32    *ppu_y,
           guint      *unit)
{
  g_autofree guint8 *data = NULL;
  gsize len, pos = 8;
  gboolean seen_idat = FALSE, seen_phys = FALSE;
  guint index = 0;

  g_assert_true (g_file_get_contents (path, (char **) &data, &len, NULL));
  g_assert_cmpuint (len, >, 8);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);

  while (pos + 12 <= len)
    {
      guint32 length = be32 (data + pos);
      const guint8 *type = data + pos + 4;

      g_assert_cmpuint (pos + 12 + length, <=, len);
      g_assert_cmpuint (be32 (data + pos + 8 + length), ==, crc32_bitwise (type, 4 + length));
      if (index == 0)
        g_assert_cmpmem (type, 4, "IHDR", 4);
      if (memcmp (type, "IDAT", 4) == 0)
        seen_idat = TRUE;
      if (memcmp (type, "pHYs", 4) == 0)
        {
          g_assert_false (seen_idat);
          g_assert_false (seen_phys);
          g_assert_cmpuint (length, ==, 9);
          *ppu_x = be32 (type + 4);
          *ppu_y = be32 (type + 8);
          *unit = type[12];
          seen_phys = TRUE;
        }
      pos += 12 + length;
      index++;
    }
  g_assert_cmpuint (pos, ==, len);
  g_assert_true (seen_phys);
  g_assert_true (seen_idat);
}

static void
assert_pixel (cairo_surface_t *image,
              int              x,
              int              y,
              guint32          want_rgb)
{
  const guint8 *data = cairo_image_surface_get_data (image);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (image) + x * 4);

  g_assert_cmphex (pixel & 0xffffff, ==, want_rgb);
}

/* A 200 × 100 figure at 192 dpi is 400 × 200 pixels, and records 192 dpi
 * as 192 / 0.0254 = 7559.06 → 7559 pixels per metre. At 150 dpi a
 * 101 × 33 figure is 157.8 × 51.6 → 158 × 52 pixels and 5905.5 → 5906
 * pixels per metre. */
static void
test_png (void)
{
  static const struct { double w, h, dpi; int px, py; guint32 ppm; } cases[] = {
    { 200, 100, 192, 400, 200, 7559 },
    { 200, 100, 96, 200, 100, 3780 },
    { 101, 33, 150, 158, 52, 5906 },
    { 64, 48, 72, 48, 36, 2835 },
  };
  g_autofree char *dir = tangent_test_temp_dir ("test-export");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (dir, "figure.png", NULL);
      cairo_surface_t *image;
      double out_w = 0, out_h = 0;
      guint32 ppu_x = 0, ppu_y = 0;
      guint unit = 0, calls = 0;

      g_assert_true (tangent_export_figure (path, TANGENT_EXPORT_PNG, cases[i].w, cases[i].h,
                                            cases[i].dpi, draw_halves, &calls, &out_w, &out_h,
                                            &error));
      g_assert_no_error (error);
      g_assert_cmpuint (calls, ==, 1);
      g_assert_cmpfloat (out_w, ==, cases[i].px);
      g_assert_cmpfloat (out_h, ==, cases[i].py);

      image = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, cases[i].px);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, cases[i].py);
      /* The drawing was scaled with the resolution: red at a quarter of
       * the width, blue at three quarters, on the middle line. */
      assert_pixel (image, cases[i].px / 4, cases[i].py / 2 + 1, 0xff0000);
      assert_pixel (image, cases[i].px * 3 / 4, cases[i].py / 2 + 1, 0x0000ff);
      cairo_surface_destroy (image);

      read_phys (path, &ppu_x, &ppu_y, &unit);
      g_assert_cmpuint (ppu_x, ==, cases[i].ppm);
      g_assert_cmpuint (ppu_y, ==, cases[i].ppm);
      g_assert_cmpuint (unit, ==, 1);
      g_remove (path);
    }

  g_assert_cmpuint (count_files (dir), ==, 0);
  tangent_test_remove_dir (dir);
}

/* Left half left transparent, right half blue at half opacity. */
static void
draw_translucent (cairo_t  *cr,
                  double    width,
                  double    height,
                  gpointer  user_data)
{
  cairo_set_source_rgba (cr, 0, 0, 1, 0.5);
  cairo_rectangle (cr, width / 2, 0, width / 2, height);
  cairo_fill (cr);
}

/* A figure that is not opaque keeps its alpha: PNG stores straight
 * colours, cairo premultiplied ones, so half-opaque blue decodes as alpha
 * 0x80 and blue 0x80 (±1 for rounding both ways), and nothing as zero. */
static void
test_png_alpha (void)
{
  g_autofree char *dir = tangent_test_temp_dir ("test-export");
  g_autofree char *path = g_build_filename (dir, "alpha.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  const guint8 *data;
  guint32 left, right;

  g_assert_true (tangent_export_figure (path, TANGENT_EXPORT_PNG, 40, 20, 96, draw_translucent,
                                        NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_format (image), ==, CAIRO_FORMAT_ARGB32);
  data = cairo_image_surface_get_data (image);
  left = *(const guint32 *) (data + 10 * cairo_image_surface_get_stride (image) + 5 * 4);
  right = *(const guint32 *) (data + 10 * cairo_image_surface_get_stride (image) + 35 * 4);
  g_assert_cmphex (left, ==, 0);
  g_assert_cmpint (abs ((int) (right >> 24) - 0x80), <=, 1);
  g_assert_cmpint (abs ((int) (right & 0xff) - 0x80), <=, 1);
  g_assert_cmphex (right & 0x00ffff00, ==, 0);
  cairo_surface_destroy (image);
  g_remove (path);
  tangent_test_remove_dir (dir);
}

/* "H" with a raised "H": superscripts are where Pango 1.50 goes wrong
 * under a scaled matrix. */
static void
draw_superscript (cairo_t  *cr,
                  double    width,
                  double    height,
                  gpointer  user_data)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 20");

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_markup (layout, "H<sup>H</sup>", -1);
  cairo_move_to (cr, 10, 10);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

/* The width of the dark pixels' bounding box. */
static int
ink_width (const char *path)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int lo = width, hi = -1;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *data = cairo_image_surface_get_data (image);
        guint32 p = *(const guint32 *) (data + y * cairo_image_surface_get_stride (image) + x * 4);

        if (((p >> 8) & 0xff) < 0x80)
          {
            lo = MIN (lo, x);
            hi = MAX (hi, x);
          }
      }
  cairo_surface_destroy (image);
  return hi - lo + 1;
}

/* At 192 dpi everything is twice as large as at 96, superscripts
 * included (Pango 1.50 made them larger still under a scaled matrix). */
static void
test_png_resolution_text (void)
{
  g_autofree char *dir = tangent_test_temp_dir ("test-export");
  g_autofree char *path = g_build_filename (dir, "sup.png", NULL);
  int w96, w192;

  g_assert_true (tangent_export_figure (path, TANGENT_EXPORT_PNG, 120, 60, 96, draw_superscript,
                                        NULL, NULL, NULL, NULL));
  w96 = ink_width (path);
  g_assert_true (tangent_export_figure (path, TANGENT_EXPORT_PNG, 120, 60, 192, draw_superscript,
                                        NULL, NULL, NULL, NULL));
  w192 = ink_width (path);
  g_test_message ("ink width %d px at 96 dpi, %d px at 192 dpi", w96, w192);
  g_assert_cmpint (w96, >, 20);
  g_assert_cmpint (abs (w192 - 2 * w96), <=, 3);
  g_remove (path);
  tangent_test_remove_dir (dir);
}

typedef struct
{
  gboolean in_svg;
  char *width, *height, *view_box;
  guint paths, images, uses;
  guint depth;
} SvgInfo;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgInfo *info = user_data;

  if (info->depth++ == 0)
    {
      g_assert_cmpstr (element, ==, "svg");
      for (guint i = 0; names[i] != NULL; i++)
        {
          if (strcmp (names[i], "width") == 0)
            info->width = g_strdup (values[i]);
          else if (strcmp (names[i], "height") == 0)
            info->height = g_strdup (values[i]);
          else if (strcmp (names[i], "viewBox") == 0)
            info->view_box = g_strdup (values[i]);
        }
    }
  if (strcmp (element, "path") == 0)
    info->paths++;
  if (strcmp (element, "image") == 0)
    info->images++;
  if (strcmp (element, "use") == 0)
    info->uses++;
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  SvgInfo *info = user_data;

  info->depth--;
}

/* An SVG of 300 × 200 says so in px, with a view box of the same size,
 * and draws with paths (the glyphs too), never with an embedded image. */
static void
test_svg (void)
{
  static const GMarkupParser parser = { svg_start, svg_end, NULL, NULL, NULL };
  g_autofree char *dir = tangent_test_temp_dir ("test-export");
  g_autofree char *path = g_build_filename (dir, "figure.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  SvgInfo info = { 0 };
  double out_w = 0, out_h = 0;
  gsize len;
  guint calls = 0;

  /* The resolution does not matter for a vector file. */
  g_assert_true (tangent_export_figure (path, TANGENT_EXPORT_SVG, 300, 200, 300, draw_halves,
                                        &calls, &out_w, &out_h, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (out_w, ==, 300);
  g_assert_cmpfloat (out_h, ==, 200);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  context = g_markup_parse_context_new (&parser, 0, &info, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, len, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (info.width, ==, "300px");
  g_assert_cmpstr (info.height, ==, "200px");
  g_assert_cmpstr (info.view_box, ==, "0 0 300 200");
  /* two fills, a stroke, and glyphs */
  g_assert_cmpuint (info.paths, >=, 3);
  g_assert_cmpuint (info.images, ==, 0);

  g_free (info.width);
  g_free (info.height);
  g_free (info.view_box);
  g_remove (path);
  tangent_test_remove_dir (dir);
}

/* The number after "key" on its line of pdfinfo's output. */
static double
pdfinfo_number (const char  *output,
                const char  *key,
                char       **end)
{
  const char *p = strstr (output, key);

  g_assert_nonnull (p);
  p += strlen (key);
  while (*p == ' ')
    p++;
  return g_ascii_strtod (p, end);
}

static gboolean
run_pdfinfo (const char  *path,
             char       **output)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LC_ALL", "C", TRUE);
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, output, NULL, &status, &error))
    return FALSE;
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

/* A 300 × 200 px figure is 300 × 72/96 = 225 by 200 × 72/96 = 150 points;
 * 1000 × 333 px is 750 × 249.75 points. */
static void
test_pdf (void)
{
  static const struct { double w, h, pw, ph; } cases[] = {
    { 300, 200, 225, 150 },
    { 1000, 333, 750, 249.75 },
  };
  g_autofree char *dir = tangent_test_temp_dir ("test-export");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, "figure.pdf", NULL);
      g_autofree char *output = NULL;
      g_autoptr(GError) error = NULL;
      double out_w = 0, out_h = 0;
      guint calls = 0;

      g_assert_true (tangent_export_figure (path, TANGENT_EXPORT_PDF, cases[i].w, cases[i].h, 96,
                                            draw_halves, &calls, &out_w, &out_h, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (out_w, ==, cases[i].pw);
      g_assert_cmpfloat (out_h, ==, cases[i].ph);

      if (!run_pdfinfo (path, &output))
        {
          g_test_skip ("pdfinfo (poppler-utils) is not installed");
          g_remove (path);
          break;
        }
      g_test_message ("%s", output);
      g_assert_cmpfloat (pdfinfo_number (output, "Pages:", NULL), ==, 1);
      {
        char *end = NULL;
        double pw = pdfinfo_number (output, "Page size:", &end);

        g_assert_true (g_str_has_prefix (end, " x "));
        g_assert_cmpfloat (pw, ==, cases[i].pw);
        g_assert_cmpfloat (g_ascii_strtod (end + 3, NULL), ==, cases[i].ph);
      }
      g_remove (path);
    }
  tangent_test_remove_dir (dir);
}

/* A failed export leaves what was there before, and no temporary file. */
static void
test_atomic (void)
{
  g_autofree char *dir = tangent_test_temp_dir ("test-export");
  g_autofree char *path = g_build_filename (dir, "old.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "x.svg", NULL);
  g_autofree char *contents = NULL;
  static const TangentExportFormat formats[] = {
    TANGENT_EXPORT_PNG, TANGENT_EXPORT_SVG, TANGENT_EXPORT_PDF
  };

  g_assert_true (g_file_set_contents (path, "old", 3, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;
      double out_w = -1;

      g_assert_false (tangent_export_figure (path, formats[i], 100, 100, 96, draw_broken, NULL,
                                             &out_w, NULL, &error));
      g_assert_error (error, TANGENT_EXPORT_ERROR, TANGENT_EXPORT_ERROR_DRAW);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_cmpfloat (out_w, ==, -1);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "old");
      g_clear_pointer (&contents, g_free);
      g_assert_cmpuint (count_files (dir), ==, 1);
    }

  /* A directory that does not exist: an error naming the path. */
  {
    g_autoptr(GError) error = NULL;
    guint calls = 0;

    g_assert_false (tangent_export_figure (missing, TANGENT_EXPORT_SVG, 100, 100, 96, draw_halves,
                                           &calls, NULL, NULL, &error));
    g_assert_error (error, TANGENT_EXPORT_ERROR, TANGENT_EXPORT_ERROR_WRITE);
    g_assert_nonnull (strstr (error->message, missing));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  /* Overwriting succeeds and replaces the old file whole. */
  {
    g_autoptr(GError) error = NULL;
    cairo_surface_t *image;
    guint calls = 0;

    g_assert_true (tangent_export_figure (path, TANGENT_EXPORT_PNG, 10, 10, 96, draw_halves,
                                          &calls, NULL, NULL, &error));
    g_assert_no_error (error);
    image = cairo_image_surface_create_from_png (path);
    g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (image);
    g_assert_cmpuint (count_files (dir), ==, 1);
  }

  tangent_test_remove_dir (dir);
}

/* Sizes and resolutions out of range are errors, checked before anything
 * is drawn or written. */
static void
test_bad_sizes (void)
{
  static const struct { TangentExportFormat format; double w, h, dpi; } cases[] = {
    { TANGENT_EXPORT_PNG, 0, 100, 96 },
    { TANGENT_EXPORT_PNG, 100, -1, 96 },
    { TANGENT_EXPORT_SVG, NAN, 100, 96 },
    { TANGENT_EXPORT_PDF, 100, INFINITY, 96 },
    { TANGENT_EXPORT_PDF, 100, 1e9, 96 },
    { TANGENT_EXPORT_PNG, 100, 100, 5 },
    { TANGENT_EXPORT_PNG, 100, 100, NAN },
    { TANGENT_EXPORT_PNG, 100, 100, 1e6 },
    /* 20000 px at 2400 dpi: 500 000 pixels a side */
    { TANGENT_EXPORT_PNG, 20000, 100, 2400 },
    /* 15000 × 15000 px at 96 dpi: fits a side, but 2.25e8 pixels in all */
    { TANGENT_EXPORT_PNG, 15000, 15000, 96 },
  };
  g_autofree char *dir = tangent_test_temp_dir ("test-export");
  g_autofree char *path = g_build_filename (dir, "x.png", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint calls = 0;

      g_assert_false (tangent_export_figure (path, cases[i].format, cases[i].w, cases[i].h,
                                             cases[i].dpi, draw_halves, &calls, NULL, NULL,
                                             &error));
      g_assert_error (error, TANGENT_EXPORT_ERROR, TANGENT_EXPORT_ERROR_SIZE);
      g_assert_cmpuint (calls, ==, 0);
      g_assert_cmpuint (count_files (dir), ==, 0);
    }
  tangent_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plot/export/format-from-path", test_format_from_path);
  g_test_add_func ("/plot/export/png", test_png);
  g_test_add_func ("/plot/export/png-alpha", test_png_alpha);
  g_test_add_func ("/plot/export/png-resolution-text", test_png_resolution_text);
  g_test_add_func ("/plot/export/svg", test_svg);
  g_test_add_func ("/plot/export/pdf", test_pdf);
  g_test_add_func ("/plot/export/atomic", test_atomic);
  g_test_add_func ("/plot/export/bad-sizes", test_bad_sizes);

  return g_test_run ();
}
