/* tangent-session-loader-private.h: typed, located access to a session's
 * JSON tree, for tangent-session-load.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <jansson.h>

#include "tangent-session-private.h"

G_BEGIN_DECLS

/* Longest text from the file quoted in a message, in characters. */
#define TANGENT_LOADER_EXCERPT_CHARS 32

typedef enum
{
  TANGENT_KIND_STRING = 1 << 0,
  TANGENT_KIND_NUMBER = 1 << 1,
  TANGENT_KIND_BOOL   = 1 << 2,
  TANGENT_KIND_OBJECT = 1 << 3,
  TANGENT_KIND_ARRAY  = 1 << 4,
  TANGENT_KIND_NULL   = 1 << 5,
} TangentLoaderKind;

typedef struct
{
  const char *data;      /* the file's bytes, for finding lines */
  gsize       length;
  const char *name;      /* the file, for messages */
  GString    *path;      /* JSON path of the node being read */
  GPtrArray  *warnings;  /* repairs, with their paths */
  guint       n_dropped; /* repairs beyond TANGENT_SESSION_MAX_WARNINGS */
  GError     *error;     /* the first error */
} TangentLoader;

void              _tangent_loader_init            (TangentLoader *ld,
                                                   const char    *data,
                                                   gsize          length,
                                                   const char    *name);
void              _tangent_loader_clear           (TangentLoader *ld);
gsize             _tangent_loader_push_key        (TangentLoader *ld,
                                                   const char    *key);
gsize             _tangent_loader_push_index      (TangentLoader *ld,
                                                   gsize          index);
void              _tangent_loader_pop             (TangentLoader *ld,
                                                   gsize          mark);
const char       *_tangent_loader_format_number   (char   buf[G_ASCII_DTOSTR_BUF_SIZE],
                                                   double value);
char             *_tangent_loader_quote           (const char *text);
gboolean          _tangent_loader_fail            (TangentLoader *ld,
                                                   const char    *format,
                                                   ...) G_GNUC_PRINTF (2, 3);
void              _tangent_loader_warn            (TangentLoader *ld,
                                                   const char    *format,
                                                   ...) G_GNUC_PRINTF (2, 3);
void              _tangent_loader_finish_warnings (TangentLoader  *ld,
                                                   TangentSession *session);
TangentLoaderKind _tangent_loader_kind_of         (json_t *v);
const char       *_tangent_loader_kind_name       (TangentLoaderKind kind);
gboolean          _tangent_loader_fail_kind       (TangentLoader     *ld,
                                                   TangentLoaderKind  expected,
                                                   json_t            *found);
gboolean          _tangent_loader_member          (TangentLoader      *ld,
                                                   json_t             *obj,
                                                   const char         *key,
                                                   TangentLoaderKind   kinds,
                                                   gboolean            required,
                                                   json_t            **out);
gboolean          _tangent_loader_read_string     (TangentLoader  *ld,
                                                   json_t         *obj,
                                                   const char     *key,
                                                   gboolean        required,
                                                   gboolean        nullable,
                                                   char          **out);
gboolean          _tangent_loader_read_double     (TangentLoader *ld,
                                                   json_t        *obj,
                                                   const char    *key,
                                                   gboolean       required,
                                                   double        *out,
                                                   gboolean      *present);
gboolean          _tangent_loader_read_bool       (TangentLoader *ld,
                                                   json_t        *obj,
                                                   const char    *key,
                                                   gboolean      *out);
gboolean          _tangent_loader_read_uint       (TangentLoader *ld,
                                                   json_t        *obj,
                                                   const char    *key,
                                                   guint          lo,
                                                   guint          hi,
                                                   guint         *out);
gboolean          _tangent_loader_read_color      (TangentLoader  *ld,
                                                   json_t         *obj,
                                                   char          **out);
gboolean          _tangent_loader_read_choice     (TangentLoader       *ld,
                                                   json_t              *obj,
                                                   const char          *key,
                                                   const char * const  *names,
                                                   const char          *names_text,
                                                   char               **out);
gboolean          _tangent_loader_expect_object   (TangentLoader *ld,
                                                   json_t        *v);

G_END_DECLS
