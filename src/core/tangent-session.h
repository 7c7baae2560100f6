/* tangent-session.h: a .tangent session (formula rows, parameters, views
 * and their settings) and its JSON file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TANGENT_SESSION_ERROR (tangent_session_error_quark ())

/* Every error message names the file, the place (line:column, or a JSON
 * path such as view.xmin with its line) and the reason in words. */
typedef enum
{
  TANGENT_SESSION_ERROR_IO,        /* cannot read or write the file */
  TANGENT_SESSION_ERROR_SYNTAX,    /* not strict JSON (truncated, NaN, nesting > 64, duplicate key, NUL, bad UTF-8, trailing data) */
  TANGENT_SESSION_ERROR_FORMAT,    /* JSON, but not a tangent-session, or a value of the wrong type or range */
  TANGENT_SESSION_ERROR_VERSION,   /* a newer format version than this Tangent reads */
} TangentSessionError;

#define TANGENT_SESSION_FORMAT_VERSION 1

typedef struct
{
  char   *name;
  double  value;
  double  min;
  double  max;
  double  step;
} TangentSessionParameter;

typedef struct
{
  char     *text;     /* the row as typed, never NULL */
  char     *color;    /* "#rrggbb", or NULL for the style's next colour */
  gboolean  visible;
  double    width;    /* line width in points, 0: the style's */
  char     *label;    /* legend text, NULL: the formula itself */
} TangentSessionFormula;

/* A contour map of a function of x and y. */
typedef struct
{
  char     *formula;    /* a function name defined by a row ("f") or an expression in x and y */
  guint     grid;       /* samples per side (default 200, 2 … 4000) */
  guint     n_levels;   /* nice levels to choose when levels is NULL (default 10) */
  double   *levels;     /* given levels, ascending, or NULL */
  guint     n_given;    /* length of levels */
  gboolean  filled;     /* default TRUE */
  gboolean  lines;      /* default TRUE */
  gboolean  labels;     /* default TRUE */
  gboolean  colorbar;   /* default TRUE when filled */
  char     *colormap;   /* "viridis" (default), "cividis", "magma", "diverging" */
} TangentSessionContour;

/* A field of gradient arrows. */
typedef struct
{
  char     *formula;     /* as for contours */
  gboolean  negative;    /* −∇f (descent directions) instead of ∇f */
  guint     grid;        /* arrows per side (default 20) */
  gboolean  normalized;  /* all one length, the legend gives the range of |∇f|; default FALSE: length ∝ |∇f| with a legend */
  gboolean  streamlines; /* default FALSE */
} TangentSessionArrows;

/* Taylor polynomials of a function of x about a centre, with the certified band. */
typedef struct
{
  char     *formula;
  double    center;
  guint    *orders;      /* e.g. 1 3 5 7 9 */
  guint     n_orders;
  gboolean  band;        /* shade Tₙ ± b(x) for the highest order; default TRUE */
  gboolean  inset;       /* inset of |f − Tₙ| against b on a log scale; default TRUE */
} TangentSessionTaylor;

typedef struct
{
  double  x, y;
  char   *label;         /* NULL: none */
} TangentSessionMarker;

/* A polyline with arrowheads (an optimiser's path). */
typedef struct
{
  double  *xy;           /* x0 y0 x1 y1 … */
  guint    n_points;
  char    *label;
  char    *color;        /* NULL: style's */
} TangentSessionPath;

/* The tangent line of a function of x at x1, or the secant through x1 and x2. */
typedef struct
{
  char     *formula;
  double    x1;
  double    x2;
  gboolean  secant;
} TangentSessionLine;

typedef struct
{
  char                  *name;          /* NULL for the main view ("view") */
  double                 xmin, xmax;
  double                 ymin, ymax;
  gboolean               equal_aspect;
  char                  *title;         /* NULL: none */
  char                  *x_label;       /* NULL: "x" */
  char                  *y_label;       /* NULL: "y" */
  guint                  width, height; /* figure size in pixels (default 1200 × 900) */
  double                 dpi;           /* default 96 */
  char                  *style;         /* "print" (default) or "screen" */
  gboolean               legend;        /* default TRUE */
  gboolean               grid;          /* default TRUE */
  TangentSessionContour *contour;       /* NULL: none */
  TangentSessionArrows  *arrows;        /* NULL: none */
  GPtrArray             *taylor;        /* of TangentSessionTaylor */
  GPtrArray             *markers;       /* of TangentSessionMarker */
  GPtrArray             *paths;         /* of TangentSessionPath */
  GPtrArray             *lines;         /* of TangentSessionLine */
} TangentSessionView;

typedef struct
{
  GPtrArray          *parameters;  /* of TangentSessionParameter */
  GPtrArray          *formulas;    /* of TangentSessionFormula */
  TangentSessionView *view;        /* the main view, never NULL */
  GPtrArray          *views;       /* further named views, of TangentSessionView */
  GPtrArray          *warnings;    /* of char*: what a load repaired or skipped, each with its place */
} TangentSession;

GQuark                    tangent_session_error_quark (void);

TangentSession           *tangent_session_new         (void);
void                      tangent_session_free        (TangentSession       *self);

TangentSession           *tangent_session_load_data   (const char           *data,
                                                       gsize                 length,
                                                       const char           *display_name,
                                                       GError              **error);
TangentSession           *tangent_session_load_file   (const char           *path,
                                                       GError              **error);
char                     *tangent_session_to_data     (const TangentSession *self,
                                                       gsize                *length);
gboolean                  tangent_session_save_file   (const TangentSession *self,
                                                       const char           *path,
                                                       GError              **error);

/* Same parameters, formulas and views, field by field (warnings aside). */
gboolean                  tangent_session_equal       (const TangentSession *a,
                                                       const TangentSession *b);

/* NULL or "" is the main view; otherwise the named view, or NULL. */
const TangentSessionView *tangent_session_find_view   (const TangentSession *self,
                                                       const char           *name);

TangentSessionView       *tangent_session_view_new    (void);
void                      tangent_session_view_free   (TangentSessionView   *view);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TangentSession, tangent_session_free)

G_END_DECLS
