/* tangent-document.h: rows of formulas, resolved together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tangent-ast.h"
#include "tangent-parser.h"

G_BEGIN_DECLS

#define TANGENT_DOCUMENT_ERROR (tangent_document_error_quark ())

typedef enum
{
  TANGENT_DOCUMENT_ERROR_DUPLICATE,     /* a name defined by two rows */
  TANGENT_DOCUMENT_ERROR_CYCLE,         /* definitions that refer to each other */
  TANGENT_DOCUMENT_ERROR_DEPENDENCY,    /* uses a definition that has an error */
  TANGENT_DOCUMENT_ERROR_UNDEFINED,     /* uses a name nothing defines */
  TANGENT_DOCUMENT_ERROR_NOT_FINITE,    /* a parameter whose value is not a finite number */
  TANGENT_DOCUMENT_ERROR_DERIVATIVE,    /* f' of a function it cannot be taken of */
  TANGENT_DOCUMENT_ERROR_TOO_LARGE,     /* definitions that expand beyond the size limit */
} TangentDocumentError;

typedef struct _TangentDocument TangentDocument;

GQuark             tangent_document_error_quark        (void);

TangentDocument   *tangent_document_new                (void);
void               tangent_document_free               (TangentDocument  *self);

guint              tangent_document_append_row         (TangentDocument  *self,
                                                        const char       *text,
                                                        gsize             length);
void               tangent_document_set_row_text       (TangentDocument  *self,
                                                        guint             row,
                                                        const char       *text,
                                                        gsize             length);
void               tangent_document_remove_row         (TangentDocument  *self,
                                                        guint             row);
guint              tangent_document_get_n_rows         (TangentDocument  *self);
void               tangent_document_add_free_parameter (TangentDocument  *self,
                                                        const char       *name);

void               tangent_document_resolve            (TangentDocument  *self);

const GError      *tangent_document_get_row_error      (TangentDocument  *self,
                                                        guint             row,
                                                        guint            *start,
                                                        guint            *end);
TangentRowKind     tangent_document_get_row_kind       (TangentDocument  *self,
                                                        guint             row);
const TangentRow  *tangent_document_get_row_parsed     (TangentDocument  *self,
                                                        guint             row);
const TangentNode *tangent_document_get_row_expr       (TangentDocument  *self,
                                                        guint             row);

guint              tangent_document_get_n_parameters   (TangentDocument  *self);
const char        *tangent_document_get_parameter_name (TangentDocument  *self,
                                                        guint             slot);
int                tangent_document_lookup_parameter   (TangentDocument  *self,
                                                        const char       *name);
gboolean           tangent_document_parameter_has_value (TangentDocument *self,
                                                        guint             slot);
double             tangent_document_get_parameter_value (TangentDocument *self,
                                                        guint             slot);
void               tangent_document_set_parameter_value (TangentDocument *self,
                                                        guint             slot,
                                                        double            value);
const double      *tangent_document_get_parameter_values (TangentDocument *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TangentDocument, tangent_document_free)

G_END_DECLS
