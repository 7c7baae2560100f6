/* tangent-export.h: figures to PNG, SVG and PDF files at exact sizes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

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
