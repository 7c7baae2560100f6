/* tangent-contour-relation.c: curves of relations lhs = rhs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The curve is the zero set of prog = lhs − rhs. A coarse grid finds
 * where it can be: interval evaluation over each coarse cell discards the
 * cells whose enclosure excludes zero (this also finds small loops that
 * no corner sign change would show). The remaining cells are sampled
 * REFINE times finer, and marching squares runs on that fine grid.
 *
 * A sign change is not a zero when f jumps or has a pole in between:
 * y − 1/x changes sign across x = 0 without vanishing there. Each fine
 * cell whose corners change sign is therefore evaluated over its box
 * with intervals, and skipped unless f is proved continuous on it.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-contour"

#include <math.h>

#include "tangent-contour-private.h"
#include "tangent-grid.h"
#include "tangent-interval.h"
#include "tangent-vm.h"

/* Fine samples per coarse cell side, and a bound on the fine grid. */
#define REFINE          4
#define MAX_FINE_POINTS (4u * 1024 * 1024)

typedef struct
{
  const TangentProgram *prog;
  const double         *params;
  TangentInterval      *iparams;
  TangentInterval      *outs;
} Relation;

/* The enclosure of prog over the box; its flags tell continuity. */
static TangentInterval
relation_enclose (const Relation *rel,
                  double          x0,
                  double          x1,
                  double          y0,
                  double          y1)
{
  TangentInterval box[TANGENT_N_VARIABLES];

  box[TANGENT_VARIABLE_X] = tangent_interval_new (MIN (x0, x1), MAX (x0, x1));
  box[TANGENT_VARIABLE_Y] = tangent_interval_new (MIN (y0, y1), MAX (y0, y1));
  box[TANGENT_VARIABLE_Z] = tangent_interval_point (0);
  tangent_interval_eval (rel->prog, rel->iparams, box, rel->outs);
  return rel->outs[0];
}

/* Could the curve pass through the box? An empty enclosure (f defined
 * nowhere) says no, as does one that excludes zero. */
static gboolean
relation_may_vanish (const Relation *rel,
                     double          x0,
                     double          x1,
                     double          y0,
                     double          y1)
{
  TangentInterval r = relation_enclose (rel, x0, x1, y0, y1);

  if (tangent_interval_is_empty (r))
    return FALSE;
  return tangent_interval_contains (r, 0);
}

/**
 * tangent_contour_relation:
 * @prog: lhs − rhs, compiled
 * @params: (nullable): the parameters' values
 * @xmin: the box
 * @xmax:
 * @ymin:
 * @ymax:
 * @nx: coarse grid points along x, at least 2
 * @ny: along y
 *
 * Returns: (transfer full): the curve's polylines
 */
TangentContour *
tangent_contour_relation (const TangentProgram *prog,
                          const double         *params,
                          double                xmin,
                          double                xmax,
                          double                ymin,
                          double                ymax,
                          guint                 nx,
                          guint                 ny)
{
  g_autofree double *fine = NULL;
  g_autofree guint8 *refine = NULL;
  g_autofree guint8 *skip = NULL;
  g_autofree TangentInterval *iparams = NULL;
  g_autofree TangentInterval *outs = NULL;
  g_autofree double *px = NULL, *py = NULL, *pz = NULL;
  TangentField field;
  Relation rel;
  guint n_params, r, fnx, fny, ncx, ncy;

  g_return_val_if_fail (prog != NULL, NULL);

  n_params = tangent_program_get_n_params (prog);
  g_return_val_if_fail (params != NULL || n_params == 0, NULL);

  if (nx < 2 || ny < 2 || !isfinite (xmin) || !isfinite (xmax) || !isfinite (ymin)
      || !isfinite (ymax) || !(xmax > xmin) || !(ymax > ymin)
      || (guint64) nx * ny > MAX_FINE_POINTS)
    {
      TangentField empty = { NULL, 0, 0, 0, 0, 0, 0 };
      return tangent_contour_trace (&empty, 0);
    }

  iparams = g_new (TangentInterval, MAX (n_params, 1));
  for (guint p = 0; p < n_params; p++)
    iparams[p] = tangent_interval_point (params[p]);
  outs = g_new (TangentInterval, MAX (tangent_program_get_n_outputs (prog), 1));
  rel = (Relation) { prog, params, iparams, outs };

  /* The coarse cells that may hold part of the curve. */
  ncx = nx - 1;
  ncy = ny - 1;
  refine = g_new0 (guint8, (gsize) ncx * ncy);

  for (guint j = 0; j < ncy; j++)
    for (guint i = 0; i < ncx; i++)
      {
        double x0 = tangent_grid_coordinate (xmin, xmax, nx, i);
        double x1 = tangent_grid_coordinate (xmin, xmax, nx, i + 1);
        double y0 = tangent_grid_coordinate (ymin, ymax, ny, j);
        double y1 = tangent_grid_coordinate (ymin, ymax, ny, j + 1);

        refine[(gsize) j * ncx + i] = relation_may_vanish (&rel, x0, x1, y0, y1);
      }

  /* The fine grid: NaN (no curve) except in the refined cells. */
  r = REFINE;
  while (r > 1 && (guint64) (ncx * r + 1) * (ncy * r + 1) > MAX_FINE_POINTS)
    r--;
  fnx = ncx * r + 1;
  fny = ncy * r + 1;
  fine = g_new (double, (gsize) fnx * fny);
  for (gsize v = 0; v < (gsize) fnx * fny; v++)
    fine[v] = NAN;

  px = g_new (double, (r + 1) * (r + 1));
  py = g_new (double, (r + 1) * (r + 1));
  pz = g_new (double, (r + 1) * (r + 1));
  for (guint j = 0; j < ncy; j++)
    for (guint i = 0; i < ncx; i++)
      {
        const double *vars[TANGENT_N_VARIABLES];
        double *o[1] = { pz };
        guint n = 0;

        if (!refine[(gsize) j * ncx + i])
          continue;
        for (guint b = 0; b <= r; b++)
          for (guint a = 0; a <= r; a++)
            {
              px[n] = tangent_grid_coordinate (xmin, xmax, fnx, i * r + a);
              py[n] = tangent_grid_coordinate (ymin, ymax, fny, j * r + b);
              n++;
            }
        vars[TANGENT_VARIABLE_X] = px;
        vars[TANGENT_VARIABLE_Y] = py;
        vars[TANGENT_VARIABLE_Z] = py;   /* unused by a relation in x, y */
        tangent_vm_eval (prog, params, vars, n, o);
        n = 0;
        for (guint b = 0; b <= r; b++)
          for (guint a = 0; a <= r; a++)
            fine[(gsize) (j * r + b) * fnx + i * r + a] = pz[n++];
      }

  /* Sign changes through a pole or a jump are not zeros. */
  skip = g_new0 (guint8, (gsize) (fnx - 1) * (fny - 1));
  for (guint j = 0; j + 1 < fny; j++)
    for (guint i = 0; i + 1 < fnx; i++)
      {
        gsize v0 = (gsize) j * fnx + i, v3 = v0 + fnx;
        double z[4] = { fine[v0], fine[v0 + 1], fine[v3 + 1], fine[v3] };
        gboolean any_above = FALSE, any_below = FALSE, defined = TRUE;
        TangentInterval e;

        for (int q = 0; q < 4; q++)
          {
            if (!isfinite (z[q]))
              defined = FALSE;
            else if (z[q] >= 0)
              any_above = TRUE;
            else
              any_below = TRUE;
          }
        if (!defined || !any_above || !any_below)
          continue;

        e = relation_enclose (&rel,
                              tangent_grid_coordinate (xmin, xmax, fnx, i),
                              tangent_grid_coordinate (xmin, xmax, fnx, i + 1),
                              tangent_grid_coordinate (ymin, ymax, fny, j),
                              tangent_grid_coordinate (ymin, ymax, fny, j + 1));
        if (!tangent_interval_has_flags (e, TANGENT_INTERVAL_CONTINUOUS))
          skip[(gsize) j * (fnx - 1) + i] = 1;
      }

  field = (TangentField) { fine, fnx, fny, xmin, xmax, ymin, ymax };
  return _tangent_contour_trace_masked (&field, 0, skip);
}
