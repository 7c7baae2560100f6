/* tangent-export.h: figures to PNG, SVG and PDF files at exact sizes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define TANGENT_EXPORT_ERROR (tangent_export_error_quark ())

typedef enum
{
  TANGENT_EXPORT_ERROR_FORMAT,   /* not .png, .svg or .pdf */
  TANGENT_EXPORT_ERROR_SIZE,     /* a size or resolution out of range */
  TANGENT_EXPORT_ERROR_DRAW,     /* cairo failed while drawing or encoding */
  TANGENT_EXPORT_ERROR_WRITE,    /* the file cannot be written */
} TangentExportError;

/* Sizes accepted: 1 … TANGENT_EXPORT_MAX_SIZE units a side, a PNG of at
 * most TANGENT_EXPORT_MAX_PIXELS a side (cairo's image limit), and a
 * resolution of TANGENT_EXPORT_MIN_DPI … TANGENT_EXPORT_MAX_DPI. */
#define TANGENT_EXPORT_MAX_SIZE   20000
#define TANGENT_EXPORT_MAX_PIXELS 32767
#define TANGENT_EXPORT_MIN_DPI    10.0
#define TANGENT_EXPORT_MAX_DPI    2400.0

typedef enum
{
  TANGENT_EXPORT_PNG,
  TANGENT_EXPORT_SVG,
  TANGENT_EXPORT_PDF,
} TangentExportFormat;

/* Draws a figure of width × height units (CSS pixels, 1/96 in) on cr. */
typedef void (*TangentDrawFunc) (cairo_t  *cr,
                                 double    width,
                                 double    height,
                                 gpointer  user_data);

GQuark   tangent_export_error_quark      (void);

/* From the file name's extension (case-insensitive .png, .svg, .pdf). */
gboolean tangent_export_format_from_path (const char          *path,
                                          TangentExportFormat *format,
                                          GError             **error);

/* Writes the figure to path, atomically (a failed export leaves no
 * half-written file). PNG: width × height × dpi/96 pixels, with the
 * resolution recorded in the file; SVG: width × height px; PDF: the same
 * size in points (× 72/96). Lines, text and fills stay vectors in SVG and
 * PDF. *out_width and *out_height (may be NULL) receive the size of the
 * written image in its own units (pixels for PNG and SVG, points for PDF). */
gboolean tangent_export_figure (const char          *path,
                                TangentExportFormat  format,
                                double               width,
                                double               height,
                                double               dpi,
                                TangentDrawFunc      draw,
                                gpointer             user_data,
                                double              *out_width,
                                double              *out_height,
                                GError             **error);

G_END_DECLS
