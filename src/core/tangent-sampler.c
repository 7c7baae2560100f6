/* tangent-sampler.c: adaptive samples of a curve y = f(x) for a plot,
 * honest at poles, jumps and fast oscillation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All decisions are made in device pixels. The x range is cut into seed
 * pieces of SEED_PX; each piece [a, b] knows f(a) and f(b) and is refined
 * breadth-first, one round per level, so that every round evaluates all
 * its midpoints in one block of the VM and a spent budget leaves the curve
 * refined evenly rather than perfect on the left and coarse on the right.
 *
 * A piece is accepted when its midpoint lies within TOL_PX of the chord
 * (distance in the pixel plane, so steep stretches are not over-refined)
 * and its interval enclosure agrees: the enclosure must not reach more
 * than GUARD_PX beyond the three samples (else a feature hides between
 * them). A steep chord is drawn early only where an interval jet proves
 * f smooth and monotone on [a, b], and at the last only where the
 * decorations prove f CONTINUOUS there; a steep piece that is not proved
 * continuous is bisected down to BREAK_TOL_PX and then gets a NaN: a
 * pole, a jump. A piece with one undefined end is bisected down to
 * EDGE_TOL (a domain edge, such as sqrt at 0, is found to 1e-7 of the
 * range); pieces whose enclosure is empty are gaps, and pieces whose
 * enclosure lies wholly above or below the view are accepted unrefined.
 *
 * The refinement runs in three phases. Phase 1 refines down to
 * P1_FLOOR_PX; what still needs work then is "deferred". Phase 2 looks at
 * every pixel column holding two or more deferred pieces: PROBES + 1
 * samples across the column show whether f turns up and down there more
 * than once (with a hysteresis of a pixel) or has several breaks; such a
 * column is a span, filled from the enclosure of f over it (when that is
 * nearly as tight as the samples) or from the samples' hull, and nothing
 * more is spent there. Phase 3 finishes the other deferred pieces: breaks
 * and edges to their tolerance, continuous stretches to CHORD_FLOOR_PX
 * (and spikes the enclosure shows further, to BREAK_TOL_PX).
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-sampler"

#include <math.h>
#include <string.h>

#include "tangent-interval.h"
#include "tangent-sampler.h"
#include "tangent-taylor-bound.h"
#include "tangent-vm.h"

#define SEED_PX          2.0
#define TOL_PX           0.2
#define GUARD_PX         2.0
#define P1_FLOOR_PX      0.25
#define CHORD_FLOOR_PX   (1.0 / 16)
#define BREAK_TOL_PX     (1.0 / 256)
#define EDGE_TOL_REL     1e-7
#define GAP_MIN_PX       0.5
#define JUMP_PX          0.5
#define MARGIN_PX        4.0
#define FAR_PX           1e6
#define HYSTERESIS_PX    1.0
#define PROBES           16
#define EVALS_PER_COLUMN 40

typedef enum
{
  LEAF_SEGMENT,   /* a, [m,] b joined (a NaN end breaks by itself) */
  LEAF_BREAK,     /* a NaN between a and b */
} LeafKind;

typedef struct
{
  double   a, b;
  double   fa, fb;
  double   fm;
  gboolean has_m;
  LeafKind kind;
} Leaf;

typedef struct
{
  double          a, b;
  double          fa, fb;
  double          fm;
  TangentInterval enc;
  gboolean        has_enc;
} Piece;

typedef enum
{
  ACTION_DONE,
  ACTION_DEFER,
  ACTION_EVAL,
} Action;

typedef struct
{
  const TangentProgram *prog;
  const double         *params;
  TangentInterval      *iparams;
  guint                 n_outputs;

  double                xmin, xmax, ymin, ymax;
  double                kx, ky;          /* pixels per half unit */
  double                width, height;   /* pixels */
  double                ybot, ytop;      /* the view's y range with MARGIN_PX */
  double                edge_tol_px;

  guint                 max_evals;
  guint                 n_evals;
  guint                 n_ivals;

  GArray               *leaves;          /* Leaf */

  /* VM scratch: the outputs after the first */
  double               *spare;
  gsize                 spare_len;
} Sampler;

/* Positions are scaled by halves, so that neither x − xmin nor the range
 * overflows for ranges near the largest doubles. */
static inline double
to_px (const Sampler *s,
       double         x)
{
  return (0.5 * x - 0.5 * s->xmin) * s->kx;
}

static inline double
width_px (const Sampler *s,
          double         a,
          double         b)
{
  return (0.5 * b - 0.5 * a) * s->kx;
}

/* Pixels up from the bottom, pulled in to FAR_PX outside the view: beyond
 * that the shape of the curve cannot matter. Infinities clamp too. */
static inline double
to_py (const Sampler *s,
       double         y)
{
  return CLAMP ((0.5 * y - 0.5 * s->ymin) * s->ky, -FAR_PX, s->height + FAR_PX);
}

/* Pixels, clamped to the view and its margin. */
static inline double
to_py_view (const Sampler *s,
            double         y)
{
  return CLAMP (to_py (s, y), -MARGIN_PX, s->height + MARGIN_PX);
}

static inline double
lerp (double lo,
      double hi,
      double t)
{
  return t == 1 ? hi : (1 - t) * lo + t * hi;
}

static inline double
midpoint (double a,
          double b)
{
  return 0.5 * a + 0.5 * b;
}

/* Evaluates prog at n abscissae in one VM call. Values that are not
 * finite (outside the domain, or overflowing) become NaN: neither can be
 * drawn. */
static void
eval_block (Sampler      *s,
            const double *xs,
            double       *ys,
            gsize         n)
{
  const double *vars[TANGENT_N_VARIABLES] = { xs, NULL, NULL };
  double *outs_stack[8];
  g_autofree double **outs_heap = NULL;
  double **outs = outs_stack;

  if (n == 0)
    return;

  if (s->n_outputs > 1)
    {
      gsize need = n * (s->n_outputs - 1);

      if (need > s->spare_len)
        {
          s->spare = g_renew (double, s->spare, need);
          s->spare_len = need;
        }
    }
  if (s->n_outputs > G_N_ELEMENTS (outs_stack))
    outs = outs_heap = g_new (double *, s->n_outputs);
  outs[0] = ys;
  for (guint k = 1; k < s->n_outputs; k++)
    outs[k] = s->spare + (gsize) (k - 1) * n;

  tangent_vm_eval (s->prog, s->params, vars, n, outs);
  s->n_evals += n;

  for (gsize i = 0; i < n; i++)
    if (!isfinite (ys[i]))
      ys[i] = NAN;
}

/* The enclosure of f over [a, b]. Past its own budget (as many interval
 * evaluations as point evaluations) it answers "anything, nothing
 * proved", which only ever leads to a break or to more bisection. */
static TangentInterval
enclose (Sampler *s,
         double   a,
         double   b)
{
  TangentInterval box[TANGENT_N_VARIABLES];
  TangentInterval outs_stack[8];
  g_autofree TangentInterval *outs_heap = NULL;
  TangentInterval *outs = outs_stack;

  if (s->n_ivals >= s->max_evals)
    return tangent_interval_entire (0);
  s->n_ivals++;

  box[TANGENT_VARIABLE_X] = tangent_interval_new (a, b);
  box[TANGENT_VARIABLE_Y] = tangent_interval_point (0);
  box[TANGENT_VARIABLE_Z] = tangent_interval_point (0);
  if (s->n_outputs > G_N_ELEMENTS (outs_stack))
    outs = outs_heap = g_new (TangentInterval, s->n_outputs);
  tangent_interval_eval (s->prog, s->iparams, box, outs);
  return outs[0];
}

static TangentInterval
piece_enclosure (Sampler *s,
                 Piece   *p)
{
  if (!p->has_enc)
    {
      p->enc = enclose (s, p->a, p->b);
      p->has_enc = TRUE;
    }
  return p->enc;
}

/* Whether the enclosure proves every defined value of the piece invisible
 * (beyond the view and its margin), or there is none. */
static gboolean
enclosure_invisible (const Sampler   *s,
                     TangentInterval  enc)
{
  return tangent_interval_is_empty (enc) || enc.lo > s->ytop || enc.hi < s->ybot;
}

static gboolean
enclosure_continuous (TangentInterval enc)
{
  return tangent_interval_has_flags (enc, TANGENT_INTERVAL_CONTINUOUS);
}

static void
add_leaf (Sampler     *s,
          const Piece *p,
          LeafKind     kind,
          gboolean     with_m)
{
  Leaf leaf = {
    .a = p->a, .b = p->b, .fa = p->fa, .fb = p->fb,
    .fm = with_m ? p->fm : NAN, .has_m = with_m, .kind = kind,
  };

  g_array_append_val (s->leaves, leaf);
}

/* Distance in pixels from the midpoint sample to the chord (the segment,
 * so that overshooting a steep chord's end counts). */
static double
chord_deviation (const Sampler *s,
                 const Piece   *p)
{
  double ax = to_px (s, p->a), bx = to_px (s, p->b), mx = to_px (s, midpoint (p->a, p->b));
  double ay = to_py (s, p->fa), by = to_py (s, p->fb), my = to_py (s, p->fm);
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? CLAMP (((mx - ax) * dx + (my - ay) * dy) / len2, 0, 1) : 0;

  return hypot (mx - (ax + t * dx), my - (ay + t * dy));
}

static gboolean
is_steep (const Sampler *s,
          const Piece   *p)
{
  return fabs (to_py (s, p->fb) - to_py (s, p->fa)) > width_px (s, p->a, p->b) + 1;
}

/* Whether the jump from f(a) to f(b) is big enough to see. */
static gboolean
visible_jump (const Sampler *s,
              const Piece   *p)
{
  return fabs (to_py (s, p->fb) - to_py (s, p->fa)) >= JUMP_PX;
}

/* The guard against features narrower than the samples: the enclosure,
 * clipped to the view, may reach beyond the samples' hull by GUARD_PX or
 * by the hull's own height (interval overestimation grows with the
 * piece), no more. */
static gboolean
enclosure_agrees (const Sampler   *s,
                  TangentInterval  enc,
                  double           fa,
                  double           fm,
                  double           fb)
{
  double lo, hi, elo, ehi;

  if (tangent_interval_is_empty (enc))
    return TRUE;
  lo = to_py_view (s, MIN (fa, MIN (fm, fb)));
  hi = to_py_view (s, MAX (fa, MAX (fm, fb)));
  elo = to_py_view (s, enc.lo);
  ehi = to_py_view (s, enc.hi);
  return MAX (lo - elo, ehi - hi) <= MAX (GUARD_PX, hi - lo);
}

/* Whether f is smooth and strictly monotone on the piece: an interval
 * jet of order 1 encloses f' over it, away from 0. Counted with the
 * interval evaluations. */
static gboolean
proved_monotone (Sampler     *s,
                 const Piece *p)
{
  double point[TANGENT_N_VARIABLES] = { midpoint (p->a, p->b), 0, 0 };
  TangentInterval coeffs[2];
  TangentJetDecoration deco;

  if (s->n_ivals >= s->max_evals)
    return FALSE;
  s->n_ivals++;

  if (!tangent_jet_interval_eval (s->prog, s->params, point, TANGENT_VARIABLE_X,
                                  tangent_interval_new (p->a, p->b), 1, coeffs, &deco))
    return FALSE;
  return coeffs[1].lo > 0 || coeffs[1].hi < 0;
}

/* Settles a piece that gets no more evaluations (budget spent, or no
 * double left between its ends). */
static void
finalize (Sampler *s,
          Piece   *p)
{
  if (isnan (p->fa) || isnan (p->fb) || !visible_jump (s, p))
    add_leaf (s, p, LEAF_SEGMENT, FALSE);
  else if (enclosure_continuous (piece_enclosure (s, p)))
    add_leaf (s, p, LEAF_SEGMENT, FALSE);
  else
    add_leaf (s, p, LEAF_BREAK, FALSE);
}

/* What a piece needs before its midpoint is known. */
static Action
decide_before (Sampler *s,
               Piece   *p,
               guint    phase)
{
  double w = width_px (s, p->a, p->b);
  gboolean a_ok = !isnan (p->fa), b_ok = !isnan (p->fb);
  TangentInterval enc;

  if (!a_ok && !b_ok)
    {
      /* A defined island narrower than GAP_MIN_PX between two undefined
       * samples would not show. */
      if (w < GAP_MIN_PX || enclosure_invisible (s, piece_enclosure (s, p)))
        {
          add_leaf (s, p, LEAF_SEGMENT, FALSE);
          return ACTION_DONE;
        }
      return ACTION_EVAL;
    }

  if (a_ok != b_ok)
    {
      if (w <= s->edge_tol_px)
        {
          add_leaf (s, p, LEAF_SEGMENT, FALSE);
          return ACTION_DONE;
        }
      return phase == 1 && w < P1_FLOOR_PX ? ACTION_DEFER : ACTION_EVAL;
    }

  /* Both ends beyond the same edge of the view: invisible if the
   * enclosure says so. */
  if ((p->fa > s->ytop && p->fb > s->ytop) || (p->fa < s->ybot && p->fb < s->ybot))
    {
      if (enclosure_invisible (s, piece_enclosure (s, p)))
        {
          add_leaf (s, p, LEAF_SEGMENT, FALSE);
          return ACTION_DONE;
        }
    }

  /* Flat ends (a constant, a plateau): the enclosure may prove the whole
   * piece flat, with no midpoint. */
  if (fabs (to_py (s, p->fb) - to_py (s, p->fa)) <= TOL_PX)
    {
      enc = piece_enclosure (s, p);
      if (tangent_interval_is_bounded (enc)
          && (to_py (s, enc.hi) - to_py (s, enc.lo)) <= TOL_PX)
        {
          add_leaf (s, p, LEAF_SEGMENT, FALSE);
          return ACTION_DONE;
        }
    }

  if (phase == 1)
    return w < P1_FLOOR_PX ? ACTION_DEFER : ACTION_EVAL;

  /* Phase 3: close to the pixel, the decorations decide. */
  enc = piece_enclosure (s, p);
  if (enclosure_continuous (enc))
    {
      /* Below the chord floor only a spike the enclosure shows (narrower
       * than the samples) is worth following, down to BREAK_TOL_PX. */
      if (w < BREAK_TOL_PX
          || (w < CHORD_FLOOR_PX && enclosure_agrees (s, enc, p->fa, p->fa, p->fb)))
        {
          add_leaf (s, p, LEAF_SEGMENT, FALSE);
          return ACTION_DONE;
        }
      return ACTION_EVAL;
    }
  if (!visible_jump (s, p) && tangent_interval_is_bounded (enc)
      && to_py_view (s, enc.hi) - to_py_view (s, enc.lo) < JUMP_PX)
    {
      add_leaf (s, p, LEAF_SEGMENT, FALSE);
      return ACTION_DONE;
    }
  if (w <= BREAK_TOL_PX)
    {
      add_leaf (s, p, visible_jump (s, p) ? LEAF_BREAK : LEAF_SEGMENT, FALSE);
      return ACTION_DONE;
    }
  return ACTION_EVAL;
}

/* Splits p at its midpoint into next, or settles it when no double lies
 * strictly between its ends. */
static void
split (Sampler *s,
       Piece   *p,
       GArray  *next)
{
  double m = midpoint (p->a, p->b);
  Piece left = { .a = p->a, .b = m, .fa = p->fa, .fb = p->fm };
  Piece right = { .a = m, .b = p->b, .fa = p->fm, .fb = p->fb };

  if (!(p->a < m && m < p->b))
    {
      finalize (s, p);
      return;
    }
  g_array_append_val (next, left);
  g_array_append_val (next, right);
}

/* What a piece does once its midpoint is known. */
static void
decide_after (Sampler *s,
              Piece   *p,
              guint    phase,
              GArray  *next)
{
  TangentInterval enc;

  if (isnan (p->fa) || isnan (p->fb) || isnan (p->fm))
    {
      split (s, p, next);
      return;
    }

  if (phase != 1)
    {
      /* Phase 3 evaluates a finite piece only to bisect a possible break
       * or to refine a continuous one, chasing what the enclosure shows. */
      enc = piece_enclosure (s, p);
      if (!enclosure_continuous (enc) || chord_deviation (s, p) > TOL_PX
          || !enclosure_agrees (s, enc, p->fa, p->fm, p->fb))
        split (s, p, next);
      else
        add_leaf (s, p, LEAF_SEGMENT, TRUE);
      return;
    }

  if (chord_deviation (s, p) > TOL_PX)
    {
      split (s, p, next);
      return;
    }

  /* A steep chord is trusted in phase 1 only where f is proved monotone:
   * within a pixel column a random scatter (sin(1/x) near 0) passes a
   * midpoint test by chance as often as not. Otherwise it goes down to
   * the floor, where phase 2 probes its column and phase 3 asks the
   * decorations. */
  if (is_steep (s, p))
    {
      if (proved_monotone (s, p))
        add_leaf (s, p, LEAF_SEGMENT, TRUE);
      else
        split (s, p, next);
      return;
    }

  enc = piece_enclosure (s, p);
  if (!enclosure_agrees (s, enc, p->fa, p->fm, p->fb))
    split (s, p, next);
  else
    add_leaf (s, p, LEAF_SEGMENT, TRUE);
}

/* Refines the pieces in active, breadth-first, until none is left or
 * the point evaluations reach limit. Phase 1 moves pieces narrower than
 * P1_FLOOR_PX to deferred; phase 3 settles everything. */
static void
refine (Sampler *s,
        GArray  *active,
        guint    phase,
        guint    limit,
        GArray  *deferred)
{
  g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));

  while (active->len > 0)
    {
      guint room;

      g_array_set_size (wanted, 0);
      g_array_set_size (next, 0);

      for (guint i = 0; i < active->len; i++)
        {
          Piece *p = &g_array_index (active, Piece, i);

          switch (decide_before (s, p, phase))
            {
            case ACTION_DONE:
              break;
            case ACTION_DEFER:
              g_array_append_val (deferred, *p);
              break;
            case ACTION_EVAL:
              g_array_append_val (wanted, i);
              break;
            default:
              g_assert_not_reached ();
            }
        }

      /* Out of budget: the pieces that cannot have their midpoint are
       * settled as they are. */
      room = limit > s->n_evals ? limit - s->n_evals : 0;
      if (wanted->len > room)
        {
          for (guint k = room; k < wanted->len; k++)
            finalize (s, &g_array_index (active, Piece, g_array_index (wanted, guint, k)));
          g_array_set_size (wanted, room);
        }

      g_array_set_size (xs, wanted->len);
      g_array_set_size (ys, wanted->len);
      for (guint k = 0; k < wanted->len; k++)
        {
          Piece *p = &g_array_index (active, Piece, g_array_index (wanted, guint, k));

          g_array_index (xs, double, k) = midpoint (p->a, p->b);
        }
      eval_block (s, (double *) xs->data, (double *) ys->data, wanted->len);

      for (guint k = 0; k < wanted->len; k++)
        {
          Piece *p = &g_array_index (active, Piece, g_array_index (wanted, guint, k));

          p->fm = g_array_index (ys, double, k);
          decide_after (s, p, phase, next);
        }

      g_array_set_size (active, 0);
      g_array_append_vals (active, next->data, next->len);
    }
}

/* A deferred piece that is (or may be) a break: an undefined end, or a
 * visible jump across a piece not proved continuous. */
static gboolean
piece_is_break (Sampler *s,
                Piece   *p)
{
  if (isnan (p->fa) != isnan (p->fb))
    return TRUE;
  if (isnan (p->fa))
    return FALSE;
  return visible_jump (s, p) && !enclosure_continuous (piece_enclosure (s, p));
}

static guint
column_of (const Sampler *s,
           double         x)
{
  double c = floor (to_px (s, x));

  return (guint) CLAMP (c, 0, s->width - 1);
}

static double
column_x (const Sampler *s,
          guint          col)
{
  return lerp (s->xmin, s->xmax, col / s->width);
}

/* Direction changes of a run of samples (pixels), with a hysteresis of
 * HYSTERESIS_PX so that rounding noise and wiggles below a pixel do not
 * count. */
typedef struct
{
  int    dir;
  double ext;
  guint  started;
} Turns;

static guint
turns_push (Turns  *t,
            double  v)
{
  if (!t->started)
    {
      t->started = TRUE;
      t->dir = 0;
      t->ext = v;
      return 0;
    }
  if (t->dir == 0)
    {
      if (fabs (v - t->ext) >= HYSTERESIS_PX)
        {
          t->dir = v > t->ext ? 1 : -1;
          t->ext = v;
        }
      return 0;
    }
  if ((t->dir > 0 && v > t->ext) || (t->dir < 0 && v < t->ext))
    {
      t->ext = v;
      return 0;
    }
  if (fabs (v - t->ext) >= HYSTERESIS_PX)
    {
      t->dir = -t->dir;
      t->ext = v;
      return 1;
    }
  return 0;
}

static int
compare_pieces (gconstpointer a,
                gconstpointer b)
{
  const Piece *p = a, *q = b;

  return (p->a > q->a) - (p->a < q->a);
}

static int
compare_leaves (gconstpointer a,
                gconstpointer b)
{
  const Leaf *p = a, *q = b;

  return (p->a > q->a) - (p->a < q->a);
}

/* The fill of a span column: the enclosure of f over it where that is
 * nearly as tight as the samples (then it is certain, and catches the
 * extremes the samples miss), else the samples' hull; clipped to the
 * view and its margin. FALSE when no sample is finite. */
static gboolean
span_range (Sampler      *s,
            double        x0,
            double        x1,
            const double *ys,
            guint         n_ys,
            const Piece  *pieces,
            guint         n_pieces,
            double       *ylo,
            double       *yhi)
{
  double lo = INFINITY, hi = -INFINITY;
  TangentInterval enc;

  for (guint k = 0; k < n_ys; k++)
    {
      if (!isnan (ys[k]))
        {
          lo = MIN (lo, ys[k]);
          hi = MAX (hi, ys[k]);
        }
    }
  for (guint k = 0; k < n_pieces; k++)
    {
      const double ends[2] = { pieces[k].fa, pieces[k].fb };

      for (guint e = 0; e < 2; e++)
        {
          if (!isnan (ends[e]))
            {
              lo = MIN (lo, ends[e]);
              hi = MAX (hi, ends[e]);
            }
        }
    }
  if (!(lo <= hi))
    return FALSE;

  enc = enclose (s, x0, x1);
  if (tangent_interval_is_bounded (enc)
      && to_py (s, enc.hi) - to_py (s, enc.lo) <= 2 * (to_py (s, hi) - to_py (s, lo)) + 2)
    {
      lo = enc.lo;
      hi = enc.hi;
    }

  *ylo = CLAMP (lo, s->ybot, s->ytop);
  *yhi = CLAMP (hi, s->ybot, s->ytop);
  return TRUE;
}

/* Phase 2: pixel columns that hold two or more deferred pieces are
 * probed; those where f turns more than once or breaks several times
 * become spans, and their deferred pieces are dropped. The others go on
 * to phase 3 (appended to active). */
static void
find_spans (Sampler *s,
            GArray  *deferred,
            GArray  *active,
            GArray  *spans,
            guint    limit)
{
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (guint));   /* start, end pairs */
  g_autofree double *xs = NULL;
  g_autofree double *ys = NULL;
  guint n_cand = 0, room;

  g_array_sort (deferred, compare_pieces);

  /* Groups of deferred pieces by the column of their midpoint. */
  for (guint i = 0; i < deferred->len;)
    {
      Piece *p = &g_array_index (deferred, Piece, i);
      guint col = column_of (s, midpoint (p->a, p->b));
      guint j = i + 1;

      while (j < deferred->len)
        {
          Piece *q = &g_array_index (deferred, Piece, j);

          if (column_of (s, midpoint (q->a, q->b)) != col)
            break;
          j++;
        }
      if (j - i >= 2)
        {
          g_array_append_val (groups, i);
          g_array_append_val (groups, j);
          n_cand++;
        }
      else
        g_array_append_vals (active, p, 1);
      i = j;
    }

  room = limit > s->n_evals ? (limit - s->n_evals) / (PROBES + 1) : 0;
  if (n_cand > room)
    {
      for (guint c = room; c < n_cand; c++)
        {
          guint start = g_array_index (groups, guint, 2 * c);
          guint end = g_array_index (groups, guint, 2 * c + 1);

          g_array_append_vals (active, &g_array_index (deferred, Piece, start), end - start);
        }
      n_cand = room;
    }
  if (n_cand == 0)
    goto out;

  xs = g_new (double, (gsize) n_cand * (PROBES + 1));
  ys = g_new (double, (gsize) n_cand * (PROBES + 1));
  for (guint c = 0; c < n_cand; c++)
    {
      const Piece *p = &g_array_index (deferred, Piece, g_array_index (groups, guint, 2 * c));
      guint col = column_of (s, midpoint (p->a, p->b));
      double x0 = column_x (s, col), x1 = column_x (s, col + 1);

      for (guint k = 0; k <= PROBES; k++)
        xs[c * (PROBES + 1) + k] = lerp (x0, x1, (double) k / PROBES);
    }
  eval_block (s, xs, ys, (gsize) n_cand * (PROBES + 1));

  for (guint c = 0; c < n_cand; c++)
    {
      guint start = g_array_index (groups, guint, 2 * c);
      guint end = g_array_index (groups, guint, 2 * c + 1);
      Piece *pieces = &g_array_index (deferred, Piece, start);
      const double *cx = xs + (gsize) c * (PROBES + 1);
      const double *cy = ys + (gsize) c * (PROBES + 1);
      guint n_breaks = 0, n_turns = 0, next_break = 0;
      Turns turns = { 0 };
      TangentSampleSpan span;

      for (guint i = 0; i < end - start; i++)
        n_breaks += piece_is_break (s, &pieces[i]);

      /* Turns within the stretches between breaks: a pole or a jump in
       * the column is not a turn. */
      for (guint k = 0; k <= PROBES; k++)
        {
          gboolean cut = isnan (cy[k]);

          while (next_break < end - start && pieces[next_break].b <= cx[k])
            next_break++;
          for (guint i = next_break; i < end - start && pieces[i].a < cx[k]; i++)
            if (piece_is_break (s, &pieces[i]))
              cut = TRUE;
          if (cut)
            turns.started = FALSE;
          else
            n_turns += turns_push (&turns, to_py_view (s, cy[k]));
        }

      span.x0 = cx[0];
      span.x1 = cx[PROBES];
      if ((n_turns >= 2 || n_breaks >= 3 || n_turns + n_breaks >= 3)
          && span_range (s, span.x0, span.x1, cy, PROBES + 1, pieces, end - start,
                         &span.ylo, &span.yhi))
        g_array_append_val (spans, span);
      else
        g_array_append_vals (active, pieces, end - start);
    }

out:
  g_array_set_size (deferred, 0);
}

/* Leaves in order of x become the polyline: ends shared by neighbours
 * once, a NaN for each break, runs of NaN merged. */
static void
push_point (GArray *xs,
            GArray *ys,
            double  x,
            double  y)
{
  if (xs->len > 0)
    {
      double last_x = g_array_index (xs, double, xs->len - 1);
      double last_y = g_array_index (ys, double, ys->len - 1);

      if (x <= last_x || (isnan (y) && isnan (last_y)))
        return;
    }
  g_array_append_val (xs, x);
  g_array_append_val (ys, y);
}

/* Puts the leaves together in increasing x, leaving out the points inside
 * the spans (a NaN where each run of span columns starts, so that nothing
 * is drawn across it), and without NaN at either end. */
static void
assemble (Sampler             *s,
          GArray              *spans,
          TangentCurveSamples *out)
{
  g_autoptr(GArray) lx = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ly = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) px = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) py = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (double));   /* x0, x1 pairs */
  guint r = 0, first, last;
  gboolean run_marked = FALSE;

  g_array_sort (s->leaves, compare_leaves);
  for (guint i = 0; i < s->leaves->len; i++)
    {
      const Leaf *leaf = &g_array_index (s->leaves, Leaf, i);

      push_point (lx, ly, leaf->a, leaf->fa);
      if (leaf->kind == LEAF_BREAK)
        push_point (lx, ly, midpoint (leaf->a, leaf->b), NAN);
      else if (leaf->has_m)
        push_point (lx, ly, midpoint (leaf->a, leaf->b), leaf->fm);
      push_point (lx, ly, leaf->b, leaf->fb);
    }

  /* Span columns come in increasing x; adjacent ones make a run, which
   * is left out as a whole. */
  for (guint i = 0; i < spans->len; i++)
    {
      const TangentSampleSpan *span = &g_array_index (spans, TangentSampleSpan, i);

      if (runs->len > 0 && g_array_index (runs, double, runs->len - 1) == span->x0)
        g_array_index (runs, double, runs->len - 1) = span->x1;
      else
        {
          g_array_append_val (runs, span->x0);
          g_array_append_val (runs, span->x1);
        }
    }

  for (guint i = 0; i < lx->len; i++)
    {
      double x = g_array_index (lx, double, i);

      /* A run with no sample inside still breaks the line. */
      while (r < runs->len && g_array_index (runs, double, r + 1) < x)
        {
          if (!run_marked)
            push_point (px, py, g_array_index (runs, double, r), NAN);
          r += 2;
          run_marked = FALSE;
        }
      if (r < runs->len && g_array_index (runs, double, r) <= x)
        {
          if (!run_marked)
            push_point (px, py, g_array_index (runs, double, r), NAN);
          run_marked = TRUE;
          continue;
        }
      push_point (px, py, x, g_array_index (ly, double, i));
    }

  first = 0;
  last = px->len;
  while (first < last && isnan (g_array_index (py, double, first)))
    first++;
  while (last > first && isnan (g_array_index (py, double, last - 1)))
    last--;

  out->n = last - first;
  out->x = g_new (double, MAX (out->n, 1));
  out->y = g_new (double, MAX (out->n, 1));
  if (out->n > 0)
    {
      memcpy (out->x, &g_array_index (px, double, first), out->n * sizeof (double));
      memcpy (out->y, &g_array_index (py, double, first), out->n * sizeof (double));
    }
  out->n_spans = spans->len;
  out->spans = g_new (TangentSampleSpan, MAX (spans->len, 1));
  if (spans->len > 0)
    memcpy (out->spans, spans->data, spans->len * sizeof (TangentSampleSpan));
}

/**
 * tangent_sampler_run:
 * @prog: a function of x (only its first output is used)
 * @params: (nullable): the parameter values, as the VM takes them
 * @xmin: left end of the plot
 * @xmax: right end, greater than @xmin
 * @ymin: bottom of the plot
 * @ymax: top, greater than @ymin
 * @width_px: plot width in pixels
 * @height_px: plot height in pixels
 * @max_evals: bound on point evaluations, 0 for 40 per pixel column
 *
 * Samples @prog for a plot; see the file comment for how. The work is
 * bounded: at most @max_evals point evaluations (and as many interval
 * evaluations); a spent budget leaves the curve evenly coarser, with
 * breaks wherever a connection was not proved.
 *
 * Returns: (transfer full) (nullable): the samples (empty when @max_evals
 *   is below 2), or %NULL when the ranges or sizes are not valid (not
 *   finite, empty, zero pixels)
 */
TangentCurveSamples *
tangent_sampler_run (const TangentProgram *prog,
                     const double         *params,
                     double                xmin,
                     double                xmax,
                     double                ymin,
                     double                ymax,
                     guint                 width_px,
                     guint                 height_px,
                     guint                 max_evals)
{
  g_autoptr(TangentCurveSamples) out = NULL;
  g_autoptr(GArray) active = NULL;
  g_autoptr(GArray) deferred = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autofree TangentInterval *iparams = NULL;
  g_autofree double *seed_x = NULL;
  g_autofree double *seed_y = NULL;
  Sampler s = { 0 };
  guint n_params, n_seed, n_pts = 0;

  g_return_val_if_fail (prog != NULL, NULL);
  n_params = tangent_program_get_n_params (prog);
  g_return_val_if_fail (params != NULL || n_params == 0, NULL);

  if (!(isfinite (xmin) && isfinite (xmax) && xmin < xmax
        && isfinite (ymin) && isfinite (ymax) && ymin < ymax
        && width_px > 0 && height_px > 0))
    return NULL;

  s.prog = prog;
  s.params = params;
  s.n_outputs = tangent_program_get_n_outputs (prog);
  s.xmin = xmin;
  s.xmax = xmax;
  s.ymin = ymin;
  s.ymax = ymax;
  s.width = width_px;
  s.height = height_px;
  s.kx = s.width / (0.5 * xmax - 0.5 * xmin);
  s.ky = s.height / (0.5 * ymax - 0.5 * ymin);
  /* A range of a few subnormals has no pixel scale. */
  if (!(isfinite (s.kx) && s.kx > 0 && isfinite (s.ky) && s.ky > 0))
    return NULL;
  s.ybot = ymin - MARGIN_PX / s.ky * 2;
  s.ytop = ymax + MARGIN_PX / s.ky * 2;
  if (!isfinite (s.ybot))
    s.ybot = -G_MAXDOUBLE;
  if (!isfinite (s.ytop))
    s.ytop = G_MAXDOUBLE;
  s.edge_tol_px = MIN (BREAK_TOL_PX, EDGE_TOL_REL * s.width);

  if (max_evals == 0)
    max_evals = (guint) MIN ((guint64) EVALS_PER_COLUMN * width_px, G_MAXUINT);
  s.max_evals = max_evals;

  out = g_new0 (TangentCurveSamples, 1);
  if (max_evals < 2)
    {
      out->x = g_new (double, 1);
      out->y = g_new (double, 1);
      out->spans = g_new (TangentSampleSpan, 1);
      return g_steal_pointer (&out);
    }

  iparams = g_new (TangentInterval, MAX (n_params, 1));
  for (guint i = 0; i < n_params; i++)
    iparams[i] = tangent_interval_point (params[i]);
  s.iparams = iparams;
  s.leaves = g_array_new (FALSE, FALSE, sizeof (Leaf));

  /* Seeds every SEED_PX, keeping half the budget for refinement. */
  n_seed = (guint) MIN (ceil (s.width / SEED_PX), 1u << 16);
  n_seed = CLAMP (n_seed, 1, MAX ((max_evals - 1) / 2, 1));
  seed_x = g_new (double, n_seed + 1);
  seed_y = g_new (double, n_seed + 1);
  for (guint i = 0; i <= n_seed; i++)
    {
      double x = lerp (xmin, xmax, (double) i / n_seed);

      if (n_pts == 0 || x > seed_x[n_pts - 1])
        seed_x[n_pts++] = x;
    }
  eval_block (&s, seed_x, seed_y, n_pts);

  active = g_array_sized_new (FALSE, FALSE, sizeof (Piece), n_pts);
  deferred = g_array_new (FALSE, FALSE, sizeof (Piece));
  spans = g_array_new (FALSE, FALSE, sizeof (TangentSampleSpan));
  for (guint i = 0; i + 1 < n_pts; i++)
    {
      Piece p = { .a = seed_x[i], .b = seed_x[i + 1], .fa = seed_y[i], .fb = seed_y[i + 1] };

      g_array_append_val (active, p);
    }

  refine (&s, active, 1, max_evals - max_evals / 5, deferred);
  find_spans (&s, deferred, active, spans, max_evals - max_evals / 10);
  refine (&s, active, 3, max_evals, deferred);
  g_assert (deferred->len == 0);

  assemble (&s, spans, out);
  out->n_evals = s.n_evals;

  g_array_unref (s.leaves);
  g_free (s.spare);
  return g_steal_pointer (&out);
}

void
tangent_curve_samples_free (TangentCurveSamples *samples)
{
  if (samples == NULL)
    return;

  g_free (samples->x);
  g_free (samples->y);
  g_free (samples->spans);
  g_free (samples);
}
