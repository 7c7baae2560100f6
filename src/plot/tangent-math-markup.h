/* tangent-math-markup.h: formulas typeset as Pango markup — italic
 * variables, upright function names, superscripts, true minus signs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The formula text (in the language of LANGUAGE.md, or anything else: no
 * input is refused) as Pango markup: one-letter names and Greek letters in
 * italics, builtins upright, x^2 as a superscript, k_2 and a1 as
 * subscripts, - as U+2212, * as a centred dot where a product needs a
 * sign. Markup characters of the input are escaped. */
char *tangent_math_markup      (const char *formula);

/* Plain text in which each $…$ span is a formula typeset as
 * tangent_math_markup() does; the rest is escaped as it is. An unpaired $
 * is shown as a dollar sign. */
char *tangent_math_markup_text (const char *text);

G_END_DECLS
