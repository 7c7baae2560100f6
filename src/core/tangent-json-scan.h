/* tangent-json-scan.h: a strict check of JSON bytes, with positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TANGENT_JSON_SCAN_ERROR (tangent_json_scan_error_quark ())

#define TANGENT_JSON_SCAN_MAX_DEPTH 64

typedef enum
{
  TANGENT_JSON_SCAN_ERROR_EMPTY,          /* nothing but white space */
  TANGENT_JSON_SCAN_ERROR_ENCODING,       /* invalid UTF-8, a NUL byte */
  TANGENT_JSON_SCAN_ERROR_DEPTH,          /* nesting deeper than TANGENT_JSON_SCAN_MAX_DEPTH */
  TANGENT_JSON_SCAN_ERROR_DUPLICATE_KEY,  /* a key twice in one object */
  TANGENT_JSON_SCAN_ERROR_NUMBER,         /* NaN, Infinity, malformed, beyond double range */
  TANGENT_JSON_SCAN_ERROR_STRING,         /* raw control character, bad escape, \u0000 */
  TANGENT_JSON_SCAN_ERROR_TRUNCATED,      /* the data ends inside a value */
  TANGENT_JSON_SCAN_ERROR_SYNTAX,         /* anything else, trailing data included */
} TangentJsonScanError;

/* 1-based; the column counts characters, not bytes. */
typedef struct
{
  guint line;
  guint column;
} TangentJsonPosition;

GQuark   tangent_json_scan_error_quark (void);

gboolean tangent_json_scan             (const char          *data,
                                        gsize                length,
                                        TangentJsonPosition *error_position,
                                        GError             **error);

void     tangent_json_scan_locate      (const char          *data,
                                        gsize                length,
                                        GHashTable          *wanted);

G_END_DECLS
