/* tangent-format.h: locale-independent formatting of numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Large enough for "-1.2345678901234567e-308" and a terminating NUL. */
#define TANGENT_FORMAT_BUF_SIZE 32

const char *tangent_format_shortest (char   *buf,
                                     double  value);
const char *tangent_format_exact    (char   *buf,
                                     double  value);
const char *tangent_format_fixed    (char   *buf,
                                     double  value,
                                     guint   decimals);

G_END_DECLS
