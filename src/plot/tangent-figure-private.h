/* tangent-figure-private.h: what tangent-figure.c compiles and
 * tangent-figure-draw.c draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tangent-arrows.h"
#include "tangent-colormap.h"
#include "tangent-document.h"
#include "tangent-figure.h"
#include "tangent-plot-style.h"

G_BEGIN_DECLS

/* Contour levels drawn at most (given or chosen). */
#define FIGURE_MAX_LEVELS 100

typedef enum
{
  ITEM_CURVE,      /* y = f(x): adaptive samples */
  ITEM_RELATION,   /* lhs = rhs: the zero set of lhs − rhs */
  ITEM_LEVELS,     /* f(x, y) that no setting draws: level lines at nice levels */
} FigureItemKind;

typedef struct
{
  FigureItemKind  kind;
  TangentProgram *prog;
  TangentColor    color;
  double          width;    /* figure units */
  char           *legend;   /* markup, NULL: no legend entry */
} FigureItem;

typedef struct
{
  guint            doc_row;
  char            *text;      /* the setting's formula, for messages */
  TangentProgram  *prog;
  guint            grid;
  guint            n_levels;  /* nice levels when given is NULL */
  double          *given;
  guint            n_given;
  gboolean         filled, lines, labels, colorbar;
  TangentColormap  map;
  char            *label;     /* markup naming the function, for the colour bar */
} FigureContour;

typedef struct
{
  guint                doc_row;
  char                *text;
  TangentProgram      *grad;  /* f, ∂f/∂x, ∂f/∂y */
  TangentArrowOptions  options;
} FigureArrows;

typedef struct
{
  guint           doc_row;
  char           *text;
  TangentProgram *prog;
  double          center;
  guint          *orders;
  guint           n_orders;
  gboolean        band, inset;
  guint           color_index;
} FigureTaylor;

typedef struct
{
  guint           doc_row;
  char           *text;
  TangentProgram *prog;
  double          x1, x2;
  gboolean        secant;
  TangentColor    color;
  char           *legend;
} FigureLine;

typedef struct
{
  double  x, y;
  char   *label;
} FigureMarker;

typedef struct
{
  double       *xy;
  guint         n_points;
  gboolean      has_color;
  TangentColor  color;
  char         *legend;
} FigurePath;

struct _TangentFigure
{
  TangentDocument  *document;
  double            xmin, xmax, ymin, ymax;
  gboolean          equal_aspect;
  gboolean          legend;
  gboolean          grid;
  guint             width, height;
  double            dpi;
  TangentPlotStyle  style;
  char             *title;      /* markup, NULL: none */
  char             *x_label;    /* markup */
  char             *y_label;

  GPtrArray        *items;      /* of FigureItem */
  FigureContour    *contour;    /* NULL: none */
  FigureArrows     *arrows;     /* NULL: none */
  GPtrArray        *taylor;     /* of FigureTaylor */
  GPtrArray        *lines;      /* of FigureLine */
  GPtrArray        *markers;    /* of FigureMarker */
  GPtrArray        *paths;      /* of FigurePath */
  GPtrArray        *warnings;   /* of char * */
  GPtrArray        *view_warnings;   /* of char *: those not about a row */

  /* Scratch for the contour grid, kept across redraws. */
  double           *z;
  gsize             z_size;

  /* Where the last draw put the plot area, for pointer positions. */
  TangentViewport   drawn;
  gboolean          has_drawn;
};

void _tangent_figure_add_warning (TangentFigure *self,
                                  gboolean       about_view,
                                  char          *message);

G_END_DECLS
