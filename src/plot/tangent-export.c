/* tangent-export.c: figures to PNG, SVG and PDF files at exact sizes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-export"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <png.h>

#include "tangent-export.h"

/* Larger images than this many pixels in all are refused (about 400 MB of
 * memory while drawing). */
#define MAX_AREA 1e8

G_DEFINE_QUARK (tangent-export-error-quark, tangent_export_error)

/**
 * tangent_export_format_from_path:
 * @path: a file name
 * @format: (out): the format its extension names
 * @error: return location for a %TANGENT_EXPORT_ERROR_FORMAT
 *
 * Returns: %TRUE when @path ends in .png, .svg or .pdf (any case)
 */
gboolean
tangent_export_format_from_path (const char          *path,
                                 TangentExportFormat *format,
                                 GError             **error)
{
  static const struct { const char *ext; TangentExportFormat format; } table[] = {
    { ".png", TANGENT_EXPORT_PNG },
    { ".svg", TANGENT_EXPORT_SVG },
    { ".pdf", TANGENT_EXPORT_PDF },
  };
  gsize len;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  len = strlen (path);
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      if (len > 4 && g_ascii_strcasecmp (path + len - 4, table[i].ext) == 0)
        {
          *format = table[i].format;
          return TRUE;
        }
    }

  g_set_error (error, TANGENT_EXPORT_ERROR, TANGENT_EXPORT_ERROR_FORMAT,
               _("%s: unknown image format; the name must end in .png, .svg or .pdf"), path);
  return FALSE;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

typedef struct
{
  GByteArray *bytes;
  char       *message;   /* libpng's complaint, if any */
} PngSink;

static void
png_append (png_structp  png,
            png_bytep    data,
            png_size_t   length)
{
  PngSink *sink = png_get_io_ptr (png);

  g_byte_array_append (sink->bytes, data, length);
}

static void
png_flush_nothing (png_structp png)
{
}

static void
png_error_to_sink (png_structp      png,
                   png_const_charp  message)
{
  PngSink *sink = png_get_error_ptr (png);

  g_free (sink->message);
  sink->message = g_strdup (message);
  png_longjmp (png, 1);
}

static void
png_ignore_warning (png_structp      png,
                    png_const_charp  message)
{
}

/* cairo's own PNG writer compresses at zlib's default level with every
 * filter tried on every row: 36 ms for the 1200 × 900 Himmelblau figure,
 * the largest part of a whole `render`. Figures are large flat bands and
 * thin antialiased lines, which filter type 0 (none) at level 3 encodes as
 * small (474 kB against cairo's 530 kB) in 14 ms. An opaque figure (every
 * figure has a background) is written as RGB; anything else as RGBA with
 * cairo's premultiplied colours undone. The resolution goes in the pHYs
 * chunk, in pixels per metre, as PNG (11.3.5.3) defines it. */
static gboolean
encode_png (cairo_surface_t  *image,
            double            dpi,
            GByteArray       *bytes,
            char            **message)
{
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data = cairo_image_surface_get_data (image);
  guint32 ppm = (guint32) lround (dpi / 0.0254);
  gboolean opaque = TRUE;
  PngSink sink = { bytes, NULL };
  png_structp png;
  png_infop info;
  guint8 *volatile row = NULL;

  for (int y = 0; y < height && opaque; y++)
    {
      const guint32 *px = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        {
          if ((px[x] >> 24) != 0xff)
            {
              opaque = FALSE;
              break;
            }
        }
    }

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, &sink, png_error_to_sink,
                                 png_ignore_warning);
  if (png == NULL)
    {
      *message = g_strdup ("out of memory");
      return FALSE;
    }
  info = png_create_info_struct (png);
  if (info == NULL || setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      g_free (row);
      *message = sink.message != NULL ? sink.message : g_strdup ("out of memory");
      return FALSE;
    }

  png_set_write_fn (png, &sink, png_append, png_flush_nothing);
  png_set_compression_level (png, 3);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR (png, info, width, height, 8,
                opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
  png_set_pHYs (png, info, ppm, ppm, PNG_RESOLUTION_METER);
  png_write_info (png, info);

  row = g_malloc ((gsize) width * 4);
  for (int y = 0; y < height; y++)
    {
      const guint32 *px = (const guint32 *) (data + (gsize) y * stride);
      guint8 *out = row;

      for (int x = 0; x < width; x++)
        {
          guint32 p = px[x];
          guint a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

          if (!opaque)
            {
              /* cairo stores colours multiplied by alpha */
              r = a == 0 ? 0 : (r * 255 + a / 2) / a;
              g = a == 0 ? 0 : (g * 255 + a / 2) / a;
              b = a == 0 ? 0 : (b * 255 + a / 2) / a;
            }
          *out++ = r;
          *out++ = g;
          *out++ = b;
          if (!opaque)
            *out++ = a;
        }
      png_write_row (png, row);
    }
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  g_free (row);
  return TRUE;
}

static gboolean
check_status (const char      *path,
              cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, TANGENT_EXPORT_ERROR, TANGENT_EXPORT_ERROR_DRAW,
               _("%s: drawing failed: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

/* Draws on surface (already sized), finishes it and reports cairo's
 * verdict; scale maps the figure's units to the surface's. */
static gboolean
draw_on (cairo_surface_t  *surface,
         const char       *path,
         double            width,
         double            height,
         double            scale,
         TangentDrawFunc   draw,
         gpointer          user_data,
         GError          **error)
{
  cairo_t *cr;
  cairo_status_t status;

  if (!check_status (path, cairo_surface_status (surface), error))
    return FALSE;

  /* A device scale rather than a scaled matrix: Pango 1.50 sizes <sup>
   * and <sub> text wrongly under a scaled matrix (twice as large at
   * 192 dpi, too small in a PDF), and GTK draws HiDPI the same way. */
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  draw (cr, width, height, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (!check_status (path, status, error))
    return FALSE;

  /* Vector surfaces write their last bytes when finished; an image
   * surface is encoded afterwards, and must not be finished yet. */
  cairo_surface_flush (surface);
  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_IMAGE)
    cairo_surface_finish (surface);
  return check_status (path, cairo_surface_status (surface), error);
}

/* The whole file is built in memory and then written in one go to a
 * temporary file beside @path, which is renamed over it: a failure at any
 * point leaves either the old file or none, never half a figure. */
static gboolean
write_atomically (const char  *path,
                  GByteArray  *bytes,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    return TRUE;

  /* GLib's message names a temporary file; the user knows only @path. */
  g_set_error (error, TANGENT_EXPORT_ERROR, TANGENT_EXPORT_ERROR_WRITE,
               _("Cannot write %s: %s"), path, local_error->message);
  return FALSE;
}

/**
 * tangent_export_figure:
 * @path: the file to write
 * @format: its format
 * @width: figure width in CSS pixels (1/96 in)
 * @height: figure height
 * @dpi: resolution of a PNG (ignored for SVG and PDF, which are vectors)
 * @draw: (scope call): draws the figure in @width × @height units
 * @user_data: for @draw
 * @out_width: (out) (optional): size written: pixels for PNG and SVG,
 *   points for PDF
 * @out_height: (out) (optional): likewise
 * @error: a %TANGENT_EXPORT_ERROR naming @path
 *
 * Returns: %TRUE when the file was written
 */
gboolean
tangent_export_figure (const char          *path,
                       TangentExportFormat  format,
                       double               width,
                       double               height,
                       double               dpi,
                       TangentDrawFunc      draw,
                       gpointer             user_data,
                       double              *out_width,
                       double              *out_height,
                       GError             **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface = NULL;
  double w = width, h = height;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(width >= 1 && width <= TANGENT_EXPORT_MAX_SIZE
        && height >= 1 && height <= TANGENT_EXPORT_MAX_SIZE))
    {
      g_set_error (error, TANGENT_EXPORT_ERROR, TANGENT_EXPORT_ERROR_SIZE,
                   _("%s: the size must be 1 to %d pixels a side"), path, TANGENT_EXPORT_MAX_SIZE);
      return FALSE;
    }

  bytes = g_byte_array_new ();

  switch (format)
    {
    case TANGENT_EXPORT_PNG:
      if (!(dpi >= TANGENT_EXPORT_MIN_DPI && dpi <= TANGENT_EXPORT_MAX_DPI))
        {
          g_set_error (error, TANGENT_EXPORT_ERROR, TANGENT_EXPORT_ERROR_SIZE,
                       _("%s: the resolution must be %g to %g dpi"), path,
                       TANGENT_EXPORT_MIN_DPI, TANGENT_EXPORT_MAX_DPI);
          return FALSE;
        }
      w = round (width * dpi / 96);
      h = round (height * dpi / 96);
      if (w < 1 || h < 1 || w > TANGENT_EXPORT_MAX_PIXELS || h > TANGENT_EXPORT_MAX_PIXELS
          || w * h > MAX_AREA)
        {
          g_set_error (error, TANGENT_EXPORT_ERROR, TANGENT_EXPORT_ERROR_SIZE,
                       _("%s: %g × %g pixels is too large an image (at most %d a side and "
                         "%g in all)"), path, w, h, TANGENT_EXPORT_MAX_PIXELS, MAX_AREA);
          return FALSE;
        }
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) w, (int) h);
      ok = draw_on (surface, path, width, height, dpi / 96, draw, user_data, error);
      if (ok)
        {
          g_autofree char *message = NULL;

          ok = encode_png (surface, dpi, bytes, &message);
          if (!ok)
            g_set_error (error, TANGENT_EXPORT_ERROR, TANGENT_EXPORT_ERROR_DRAW,
                         _("%s: the PNG encoder failed: %s"), path, message);
        }
      break;

    case TANGENT_EXPORT_SVG:
      /* In px the SVG's width and height say exactly what was asked, and
       * one user unit is one figure unit. */
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      ok = draw_on (surface, path, width, height, 1, draw, user_data, error);
      break;

    case TANGENT_EXPORT_PDF:
      w = width * 72 / 96;
      h = height * 72 / 96;
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, w, h);
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tangent");
      ok = draw_on (surface, path, width, height, 72.0 / 96, draw, user_data, error);
      break;

    default:
      g_set_error (error, TANGENT_EXPORT_ERROR, TANGENT_EXPORT_ERROR_FORMAT,
                   _("%s: unknown image format"), path);
      return FALSE;
    }

  cairo_surface_destroy (surface);

  if (!ok || !write_atomically (path, bytes, error))
    return FALSE;

  if (out_width != NULL)
    *out_width = w;
  if (out_height != NULL)
    *out_height = h;
  return TRUE;
}
