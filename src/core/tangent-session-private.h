/* tangent-session-private.h: defaults and limits shared by the session's
 * reader and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tangent-session.h"

G_BEGIN_DECLS

/* A session file is small (a few kilobytes; paths of a few thousand
 * points at most); this bounds the time and memory a hostile one costs. */
#define TANGENT_SESSION_MAX_BYTES (8 * 1024 * 1024)

#define TANGENT_SESSION_FORMAT_NAME "tangent-session"

/* Views */
#define TANGENT_SESSION_DEFAULT_XMIN   (-10.0)
#define TANGENT_SESSION_DEFAULT_XMAX   10.0
#define TANGENT_SESSION_DEFAULT_YMIN   (-6.5)
#define TANGENT_SESSION_DEFAULT_YMAX   6.5
#define TANGENT_SESSION_DEFAULT_WIDTH  1200
#define TANGENT_SESSION_DEFAULT_HEIGHT 900
#define TANGENT_SESSION_MIN_SIZE       16
#define TANGENT_SESSION_MAX_SIZE       16384
#define TANGENT_SESSION_DEFAULT_DPI    96.0
#define TANGENT_SESSION_MIN_DPI        10.0
#define TANGENT_SESSION_MAX_DPI        2400.0
#define TANGENT_SESSION_DEFAULT_STYLE  "print"
/* A range narrower than this, relative to its larger bound, has no
 * distinct tick values left. */
#define TANGENT_SESSION_MIN_RELATIVE_SPAN 1e-12

/* Parameters */
#define TANGENT_SESSION_DEFAULT_PARAM_MIN  (-10.0)
#define TANGENT_SESSION_DEFAULT_PARAM_MAX  10.0
#define TANGENT_SESSION_DEFAULT_PARAM_STEP 0.1

/* Formulas */
#define TANGENT_SESSION_MAX_LINE_WIDTH 100.0

/* Contours and arrows */
#define TANGENT_SESSION_DEFAULT_CONTOUR_GRID 200
#define TANGENT_SESSION_MIN_CONTOUR_GRID     2
#define TANGENT_SESSION_MAX_CONTOUR_GRID     4000
#define TANGENT_SESSION_DEFAULT_N_LEVELS     10
#define TANGENT_SESSION_MAX_N_LEVELS         100
#define TANGENT_SESSION_MAX_GIVEN_LEVELS     1000
#define TANGENT_SESSION_DEFAULT_COLORMAP     "viridis"
#define TANGENT_SESSION_DEFAULT_ARROWS_GRID  20
#define TANGENT_SESSION_MIN_ARROWS_GRID      2
#define TANGENT_SESSION_MAX_ARROWS_GRID      200

/* Taylor polynomials: the orders the jets reach */
#define TANGENT_SESSION_MAX_TAYLOR_ORDER 100

/* Repairs listed one by one; the rest are counted. */
#define TANGENT_SESSION_MAX_WARNINGS 50

extern const char * const _tangent_session_colormaps[];  /* NULL-terminated */
extern const guint        _tangent_session_default_orders[3];

char                  *_tangent_session_normalize_color (const char *text);

TangentSessionContour *_tangent_session_contour_new     (void);
void                   _tangent_session_contour_free    (TangentSessionContour *contour);
TangentSessionArrows  *_tangent_session_arrows_new      (void);
void                   _tangent_session_arrows_free     (TangentSessionArrows  *arrows);
TangentSessionTaylor  *_tangent_session_taylor_new      (void);
void                   _tangent_session_taylor_free     (TangentSessionTaylor  *taylor);
void                   _tangent_session_parameter_free  (TangentSessionParameter *parameter);
void                   _tangent_session_formula_free    (TangentSessionFormula *formula);
void                   _tangent_session_marker_free     (TangentSessionMarker  *marker);
void                   _tangent_session_path_free       (TangentSessionPath    *path);
void                   _tangent_session_line_free       (TangentSessionLine    *line);

G_END_DECLS
