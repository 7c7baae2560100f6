/* tangent-overlay-text.c: numbers as typeset markup, text with a halo,
 * and the box behind a legend — shared by arrows, overlays and legends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-overlay"

#include <math.h>
#include <string.h>

#include "tangent-overlay-private.h"

#define MINUS "\xe2\x88\x92"   /* U+2212, the minus sign of typeset maths */
#define TIMES "\xc3\x97"       /* U+00D7 */

/* A layout in the style's font, its size multiplied by scale (the insets
 * and legends use a smaller one). */
PangoLayout *
_tangent_layout_new (cairo_t                *cr,
                     const TangentPlotStyle *style,
                     double                  scale)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (style->font);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  int size = pango_font_description_get_size (font);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, size * scale);
  else
    pango_font_description_set_size (font, (int) (size * scale + 0.5));
  pango_layout_set_font_description (layout, font);
  return layout;
}

/* Legend texts are Pango markup ("<i>T</i><sub>5</sub>"); a text that is
 * not valid markup ("x < 3 & y") is shown as it stands instead of being
 * refused with a warning. */
void
_tangent_layout_set_markup (PangoLayout *layout,
                            const char  *markup)
{
  if (markup == NULL)
    markup = "";

  if (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL))
    pango_layout_set_markup (layout, markup, -1);
  else
    pango_layout_set_text (layout, markup, -1);
}

static void
strip_zeros (char *buf)
{
  char *end;

  if (strchr (buf, '.') == NULL)
    return;
  end = buf + strlen (buf) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
}

/* Rounds to a whole number the way asked; a product such as 0.3 × 10 that
 * misses an integer by a rounding error counts as that integer. */
static double
round_int (double          m,
           TangentRounding rounding)
{
  double r = nearbyint (m);

  if (fabs (m - r) <= 1e-9 * fabs (m) || rounding == TANGENT_ROUND_NEAREST)
    return r;
  return rounding == TANGENT_ROUND_UP ? ceil (m) : floor (m);
}

/* a × 10^d without overflowing the power on the way for subnormal a. */
static double
scale10 (double a,
         int    d)
{
  if (d > 300)
    return a * 1e300 * pow (10, d - 300);
  return a * pow (10, d);
}

/* value with `digits` significant digits as Pango markup: plain decimals
 * from 0.001 to 99999, else m × 10^k with the exponent as a superscript;
 * minus signs are U+2212. Locale-independent. */
char *
_tangent_markup_number (double          value,
                        guint           digits,
                        TangentRounding rounding)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[16];
  const char *sign;
  double a, m;
  int e, decimals;

  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value > 0 ? "\xe2\x88\x9e" : MINUS "\xe2\x88\x9e");
  if (value == 0)
    return g_strdup ("0");

  digits = CLAMP (digits, 1, 17);
  sign = value < 0 ? MINUS : "";
  a = fabs (value);
  e = (int) floor (log10 (a));
  m = round_int (scale10 (a, (int) digits - 1 - e), rounding);
  if (m >= pow (10, digits))
    {
      e++;
      m /= 10;
    }

  if (e >= -3 && e < 5)
    {
      decimals = MAX (0, (int) digits - 1 - e);
      g_snprintf (format, sizeof format, "%%.%df", decimals);
      g_ascii_formatd (buf, sizeof buf, format, scale10 (m, e - ((int) digits - 1)));
      strip_zeros (buf);
      return g_strdup_printf ("%s%s", sign, buf);
    }

  g_snprintf (format, sizeof format, "%%.%uf", digits - 1);
  g_ascii_formatd (buf, sizeof buf, format, m / pow (10, digits - 1));
  strip_zeros (buf);
  if (strcmp (buf, "1") == 0)
    return g_strdup_printf ("%s10<sup>%s%d</sup>", sign, e < 0 ? MINUS : "", ABS (e));
  return g_strdup_printf ("%s%s" TIMES "10<sup>%s%d</sup>", sign, buf, e < 0 ? MINUS : "", ABS (e));
}

/* Text that reads over anything: its outline stroked in the halo colour
 * first, then the glyphs. */
void
_tangent_show_layout_halo (cairo_t            *cr,
                           PangoLayout        *layout,
                           double              left,
                           double              top,
                           const TangentColor *color,
                           const TangentColor *halo,
                           double              halo_width)
{
  cairo_save (cr);
  if (halo != NULL && halo->alpha > 0 && halo_width > 0)
    {
      cairo_move_to (cr, left, top);
      pango_cairo_layout_path (cr, layout);
      _tangent_set_color (cr, halo);
      cairo_set_line_width (cr, 2 * halo_width);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }
  cairo_move_to (cr, left, top);
  _tangent_set_color (cr, color);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* The box behind a legend or an inset: the background at the given
 * opacity (a legend lets what lies beneath show faintly, an inset hardly),
 * and a hairline frame. */
void
_tangent_legend_box (cairo_t                *cr,
                     double                  left,
                     double                  top,
                     double                  width,
                     double                  height,
                     double                  opacity,
                     const TangentPlotStyle *style)
{
  double r = 3;

  cairo_save (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, left + width - r, top + r, r, -G_PI / 2, 0);
  cairo_arc (cr, left + width - r, top + height - r, r, 0, G_PI / 2);
  cairo_arc (cr, left + r, top + height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, left + r, top + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  _tangent_set_color_alpha (cr, &style->background, opacity);
  cairo_fill_preserve (cr);
  _tangent_set_color_alpha (cr, &style->foreground, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}
