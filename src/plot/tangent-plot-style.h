/* tangent-plot-style.h: colours, widths and fonts of a plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} TangentColor;

typedef struct
{
  TangentColor background;
  TangentColor foreground;   /* axes, ticks, labels */
  TangentColor grid;
  TangentColor curves[8];    /* colour-blind-safe cycle for successive curves */
  double       axis_width;   /* device units */
  double       grid_width;
  double       curve_width;
  double       tick_length;
  char         font[64];     /* Pango font description */

  /* Arrows and overlays (tangent-arrows.c, tangent-overlay-*.c,
   * tangent-legend.c), device units */
  TangentColor arrow_color;     /* gradient arrows and streamlines */
  TangentColor halo_color;      /* outline that lifts arrows and labels off a filled map */
  double       arrow_width;     /* shaft of a full-length arrow */
  double       overlay_width;   /* Taylor polynomials, tangent lines, paths */
  double       marker_radius;

  /* Contour maps. Lines and labels take the dark ink over light bands
   * (and without bands) and the light ink over dark bands. */
  TangentColor contour_ink;
  TangentColor contour_ink_on_dark;
  double       contour_line_width;     /* device units */
  char         contour_label_font[64]; /* Pango font description */

  /* Figures (tangent-figure.c) */
  gboolean     no_text;      /* draw no text: golden images in tests only */
} TangentPlotStyle;

void tangent_plot_style_init_light (TangentPlotStyle *style);
void tangent_plot_style_init_dark  (TangentPlotStyle *style);
const TangentColor *tangent_plot_style_get_curve_color (const TangentPlotStyle *style,
                                                        guint                   index);
void                tangent_plot_style_legible_color   (const TangentPlotStyle *style,
                                                        const TangentColor     *color,
                                                        TangentColor           *legible);

G_END_DECLS
