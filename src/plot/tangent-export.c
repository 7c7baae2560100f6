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
#include <zlib.h>

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

static void
put_be32 (guint8  *p,
          guint32  v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

/* cairo writes no pHYs chunk, so viewers and word processors would take
 * the image for 72 or 96 dpi. The chunk (PNG spec 11.3.5.3: pixels per
 * metre, unit 1) goes right after IHDR, which cairo always writes first
 * and which is 13 bytes long: 8 signature + 4 length + 4 type + 13 data +
 * 4 CRC = 33 bytes. The CRC is zlib's crc32, the one PNG specifies. */
static gboolean
insert_phys (GByteArray *png,
             double      dpi)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  guint8 chunk[4 + 4 + 9 + 4];
  guint32 ppm = (guint32) lround (dpi / 0.0254);
  uLong crc;

  if (png->len < 33 || memcmp (png->data, signature, 8) != 0
      || memcmp (png->data + 12, "IHDR", 4) != 0
      || png->data[8] != 0 || png->data[9] != 0 || png->data[10] != 0 || png->data[11] != 13)
    return FALSE;

  put_be32 (chunk, 9);
  memcpy (chunk + 4, "pHYs", 4);
  put_be32 (chunk + 8, ppm);
  put_be32 (chunk + 12, ppm);
  chunk[16] = 1;
  crc = crc32 (0L, Z_NULL, 0);
  crc = crc32 (crc, chunk + 4, 4 + 9);
  put_be32 (chunk + 17, (guint32) crc);

  /* Rebuilt rather than shifted in place: GByteArray has no insert. */
  {
    g_autoptr(GByteArray) rest = g_byte_array_sized_new (png->len - 33);

    g_byte_array_append (rest, png->data + 33, png->len - 33);
    g_byte_array_set_size (png, 33);
    g_byte_array_append (png, chunk, sizeof chunk);
    g_byte_array_append (png, rest->data, rest->len);
  }

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

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
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
        ok = check_status (path, cairo_surface_write_to_png_stream (surface, append_bytes, bytes),
                           error);
      if (ok && !insert_phys (bytes, dpi))
        {
          g_set_error (error, TANGENT_EXPORT_ERROR, TANGENT_EXPORT_ERROR_DRAW,
                       _("%s: the PNG encoder wrote an unexpected header"), path);
          ok = FALSE;
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
