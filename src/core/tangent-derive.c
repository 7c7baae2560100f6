/* tangent-derive.c: placeholder; the module arrives with issue 3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
