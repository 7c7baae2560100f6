/* test-sampler.c: adaptive samples of curves, checked against the
 * functions themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every check is computed here, independently of the sampler: where the
 * poles and jumps of tan, 1/x, floor and sign are (analytically), on which
 * branch each sample lies (libm), how far the true curve is from each
 * chord (libm at the chord's middle, distances in pixels from the viewport
 * sizes), and what sin(1/x) takes over a span (libm on a fine grid).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tangent-compile.h"
#include "tangent-document.h"
#include "tangent-sampler.h"

typedef struct
{
  double xmin, xmax, ymin, ymax;
  guint  width, height;
} View;

typedef struct
{
  TangentDocument *doc;
  TangentProgram  *prog;
} Formula;

/* text is a function of x; name (if not NULL) a parameter set to value. */
static void
formula_init (Formula    *f,
              const char *text,
              const char *name,
              double      value)
{
  g_autoptr(GError) error = NULL;

  f->doc = tangent_document_new ();
  if (name != NULL)
    tangent_document_add_free_parameter (f->doc, name);
  tangent_document_append_row (f->doc, text, strlen (text));
  tangent_document_resolve (f->doc);
  g_assert_null (tangent_document_get_row_error (f->doc, 0, NULL, NULL));
  if (name != NULL)
    tangent_document_set_parameter_value (f->doc, tangent_document_lookup_parameter (f->doc, name),
                                          value);
  f->prog = tangent_compile (tangent_document_get_row_expr (f->doc, 0),
                             tangent_document_get_n_parameters (f->doc), &error);
  g_assert_no_error (error);
}

static void
formula_clear (Formula *f)
{
  g_clear_pointer (&f->prog, tangent_program_unref);
  g_clear_pointer (&f->doc, tangent_document_free);
}

static TangentCurveSamples *
run (const Formula *f,
     const View    *v,
     guint          max_evals)
{
  TangentCurveSamples *s;

  s = tangent_sampler_run (f->prog, tangent_document_get_parameter_values (f->doc),
                           v->xmin, v->xmax, v->ymin, v->ymax, v->width, v->height, max_evals);
  g_assert_nonnull (s);
  return s;
}

static double
px_of (const View *v,
       double      x)
{
  return (x - v->xmin) / (v->xmax - v->xmin) * v->width;
}

static double
py_of (const View *v,
       double      y)
{
  return (y - v->ymin) / (v->ymax - v->ymin) * v->height;
}

/* What every result must be: x strictly increasing within the range, the
 * ends of the range sampled when f is defined there, no NaN at either end,
 * spans in order inside the range, the budget kept. */
static void
assert_well_formed (const TangentCurveSamples *s,
                    const View                *v,
                    guint                      max_evals)
{
  for (guint i = 0; i < s->n; i++)
    {
      g_assert_true (isfinite (s->x[i]));
      g_assert_cmpfloat (s->x[i], >=, v->xmin);
      g_assert_cmpfloat (s->x[i], <=, v->xmax);
      g_assert_true (isnan (s->y[i]) || isfinite (s->y[i]));
      if (i > 0)
        g_assert_cmpfloat (s->x[i], >, s->x[i - 1]);
    }
  if (s->n > 0)
    {
      g_assert_false (isnan (s->y[0]));
      g_assert_false (isnan (s->y[s->n - 1]));
    }
  for (guint k = 0; k < s->n_spans; k++)
    {
      g_assert_cmpfloat (s->spans[k].x0, <, s->spans[k].x1);
      g_assert_cmpfloat (s->spans[k].ylo, <=, s->spans[k].yhi);
      g_assert_cmpfloat (s->spans[k].x0, >=, v->xmin);
      g_assert_cmpfloat (s->spans[k].x1, <=, v->xmax);
      if (k > 0)
        g_assert_cmpfloat (s->spans[k].x0, >=, s->spans[k - 1].x1);
    }
  g_assert_cmpuint (s->n_evals, <=, max_evals != 0 ? max_evals : 40 * v->width);
}

/* The analytic side of each discontinuous case: the branch a point lies
 * on (two points may be joined only on the same branch) and the
 * discontinuities in the range. */
typedef double (*BranchFunc) (double x);

static double branch_tan (double x) { return floor ((x - G_PI / 2) / G_PI); }
static double branch_recip (double x) { return x > 0 ? 1 : x < 0 ? -1 : 0; }
static double branch_floor (double x) { return floor (x); }
static double branch_sign (double x) { return x > 0 ? 1 : x < 0 ? -1 : 0; }

static double fn_tan (double x) { return tan (x); }
static double fn_recip (double x) { return 1 / x; }
static double fn_floor (double x) { return floor (x); }
static double fn_sign (double x) { return x > 0 ? 1 : x < 0 ? -1 : 0; }

static const struct
{
  const char *text;
  View        view;
  BranchFunc  branch;
  BranchFunc  fn;
  double      breaks[12];   /* where f jumps visibly, ending with NAN */
} break_cases[] = {
  { "tan(x)", { -5, 5, -4, 4, 1200, 800 }, branch_tan, fn_tan,
    { -3 * G_PI / 2, -G_PI / 2, G_PI / 2, 3 * G_PI / 2, NAN } },
  { "tan(x)", { -5.3, 4.9, -20, 20, 611, 397 }, branch_tan, fn_tan,
    { -3 * G_PI / 2, -G_PI / 2, G_PI / 2, 3 * G_PI / 2, NAN } },
  /* 0 is a seed here (the middle of a symmetric range) … */
  { "1/x", { -1, 1, -5, 5, 800, 600 }, branch_recip, fn_recip, { 0, NAN } },
  /* … and not here. */
  { "1/x", { -1, 1.3, -5, 5, 777, 600 }, branch_recip, fn_recip, { 0, NAN } },
  { "floor(x)", { -5, 5, -6, 6, 1200, 800 }, branch_floor, fn_floor,
    { -4, -3, -2, -1, 0, 1, 2, 3, 4, NAN } },
  { "floor(x)", { -3.7, 3.3, -5, 5, 503, 300 }, branch_floor, fn_floor,
    { -3, -2, -1, 0, 1, 2, 3, NAN } },
  { "sign(x)", { -1, 1, -2, 2, 800, 600 }, branch_sign, fn_sign, { 0, NAN } },
  { "sign(x)", { -0.77, 1.4, -2, 2, 640, 480 }, branch_sign, fn_sign, { 0, NAN } },
};

/* No segment between consecutive finite samples joins two branches (it
 * would cross a pole or a jump); every visible jump has a NaN between
 * finite samples at most a fraction of a pixel apart around it; the
 * samples are the function's values. */
static void
test_sampler_breaks (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (break_cases); c++)
    {
      const View *v = &break_cases[c].view;
      Formula f;
      g_autoptr(TangentCurveSamples) s = NULL;
      double px = (v->xmax - v->xmin) / v->width;

      formula_init (&f, break_cases[c].text, NULL, 0);
      s = run (&f, v, 0);
      assert_well_formed (s, v, 0);
      g_test_message ("%s: %u samples, %u evaluations", break_cases[c].text, s->n, s->n_evals);

      for (guint i = 0; i < s->n; i++)
        if (!isnan (s->y[i]))
          g_assert_cmpfloat_with_epsilon (s->y[i], break_cases[c].fn (s->x[i]),
                                          1e-12 * (1 + fabs (s->y[i])));

      for (guint i = 0; i + 1 < s->n; i++)
        {
          if (isnan (s->y[i]) || isnan (s->y[i + 1]))
            continue;
          if (break_cases[c].branch (s->x[i]) != break_cases[c].branch (s->x[i + 1]))
            g_error ("%s: segment [%.17g, %.17g] crosses a break", break_cases[c].text,
                     s->x[i], s->x[i + 1]);
        }

      for (guint k = 0; !isnan (break_cases[c].breaks[k]); k++)
        {
          double d = break_cases[c].breaks[k];
          gboolean found = FALSE;

          for (guint i = 1; i + 1 < s->n && !found; i++)
            {
              if (!isnan (s->y[i]) || isnan (s->y[i - 1]) || isnan (s->y[i + 1]))
                continue;
              found = s->x[i - 1] <= d && d <= s->x[i + 1]
                      && s->x[i + 1] - s->x[i - 1] <= px / 16;
            }
          if (!found)
            g_error ("%s: no break within 1/16 px around %.17g", break_cases[c].text, d);
        }

      formula_clear (&f);
    }
}

static double fn_sin (double x) { return sin (x); }
static double fn_cube (double x) { return x * x * x; }
static double fn_exp (double x) { return exp (x); }
static double fn_damped (double x) { return exp (-x * x) * cos (8 * x); }
static double fn_e6 (double x) { return log (1.49 + x * x) * atan (0.7 / (1 + x * x)) + sqrt (fabs (0.7 * x)) + tanh (x - 0.7); }

static const struct
{
  const char *text;
  View        view;
  BranchFunc  fn;
} smooth_cases[] = {
  { "sin(x)", { -7, 7, -1.5, 1.5, 1200, 400 }, fn_sin },
  { "sin(x)", { -20, 20, -1.2, 1.2, 640, 480 }, fn_sin },
  { "x^3", { -2, 2, -8.5, 8.5, 800, 800 }, fn_cube },
  /* Most of it is far above or below the view. */
  { "x^3", { -5, 5, -3, 3, 1200, 700 }, fn_cube },
  { "exp(x)", { -3, 3, -1, 21, 900, 600 }, fn_exp },
  { "exp(-x^2)*cos(8x)", { -3, 3, -1.1, 1.1, 1000, 300 }, fn_damped },
  { "log(1 + x^2 + 0.49)*atan(0.7/(1 + x^2)) + sqrt(abs(x*0.7)) + tanh(x - 0.7)",
    { -2, 2, -1, 2.5, 1200, 900 }, fn_e6 },
};

/* Distance in pixels from (x, y) to the chord through samples i and i+1. */
static double
chord_distance (const View                *v,
                const TangentCurveSamples *s,
                guint                      i,
                double                     x,
                double                     y)
{
  double ax = px_of (v, s->x[i]), ay = py_of (v, s->y[i]);
  double bx = px_of (v, s->x[i + 1]), by = py_of (v, s->y[i + 1]);
  double mx = px_of (v, x), my = py_of (v, y);
  double dx = bx - ax, dy = by - ay;

  return fabs (dx * (my - ay) - dy * (mx - ax)) / hypot (dx, dy);
}

/* Where the curve is visible, the true curve at the middle of every
 * segment is within half a pixel of the chord; nothing is broken, nothing
 * filled. */
static void
test_sampler_smooth (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (smooth_cases); c++)
    {
      const View *v = &smooth_cases[c].view;
      Formula f;
      g_autoptr(TangentCurveSamples) s = NULL;
      double worst = 0;
      guint checked = 0;

      formula_init (&f, smooth_cases[c].text, NULL, 0);
      s = run (&f, v, 0);
      assert_well_formed (s, v, 0);
      g_assert_cmpfloat (s->x[0], ==, v->xmin);
      g_assert_cmpfloat (s->x[s->n - 1], ==, v->xmax);
      g_assert_cmpuint (s->n_spans, ==, 0);

      for (guint i = 0; i + 1 < s->n; i++)
        {
          double xm = s->x[i] / 2 + s->x[i + 1] / 2;
          double d;

          g_assert_false (isnan (s->y[i]));
          if (!(v->ymin <= s->y[i] && s->y[i] <= v->ymax)
              && !(v->ymin <= s->y[i + 1] && s->y[i + 1] <= v->ymax))
            continue;
          d = chord_distance (v, s, i, xm, smooth_cases[c].fn (xm));
          worst = MAX (worst, d);
          checked++;
        }
      g_test_message ("%s: %u samples, %u evaluations, worst chord distance %.3f px",
                      smooth_cases[c].text, s->n, s->n_evals, worst);
      g_assert_cmpuint (checked, >, v->width / 8);
      g_assert_cmpfloat (worst, <=, 0.5);

      formula_clear (&f);
    }
}

/* A domain edge is found to 1e-6 of the range, and nothing is drawn
 * outside the domain. */
static void
test_sampler_edges (void)
{
  static const struct
  {
    const char *text;
    View        view;
    double      lo, hi;   /* the domain within the view: [lo, hi] */
  } cases[] = {
    { "sqrt(x)", { -1, 4, -1, 3, 800, 600 }, 0, 4 },
    { "sqrt(x)", { -1.37, 4, -1, 3, 517, 300 }, 0, 4 },
    { "log(x)", { -2, 2, -3, 3, 800, 600 }, 0, 2 },
    { "sqrt(1 - x^2)", { -2, 2, -1.5, 1.5, 800, 600 }, -1, 1 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const View *v = &cases[c].view;
      double tol = 1e-6 * (v->xmax - v->xmin);
      double first = NAN, last = NAN;
      Formula f;
      g_autoptr(TangentCurveSamples) s = NULL;

      formula_init (&f, cases[c].text, NULL, 0);
      s = run (&f, v, 0);
      assert_well_formed (s, v, 0);

      for (guint i = 0; i < s->n; i++)
        {
          if (isnan (s->y[i]))
            continue;
          g_assert_cmpfloat (s->x[i], >=, cases[c].lo);
          g_assert_cmpfloat (s->x[i], <=, cases[c].hi);
          if (isnan (first))
            first = s->x[i];
          last = s->x[i];
        }
      g_test_message ("%s: from %.3g to %.3g, %u evaluations", cases[c].text,
                      first, last, s->n_evals);
      g_assert_cmpfloat (first - cases[c].lo, <=, tol);
      g_assert_cmpfloat (MIN (cases[c].hi, v->xmax) - last, <=, tol);

      formula_clear (&f);
    }
}

/* sin(1/x) oscillates faster than the pixels near 0: spans fill columns
 * there, each inside [−1, 1] and holding f's values over its column, and
 * no polyline scribbles through them. */
static void
test_sampler_spans (void)
{
  const View v = { -1, 1, -1.5, 1.5, 800, 600 };
  double px = (v.xmax - v.xmin) / v.width;
  Formula f;
  g_autoptr(TangentCurveSamples) s = NULL;
  double covered = 0;

  formula_init (&f, "sin(1/x)", NULL, 0);
  s = run (&f, &v, 0);
  assert_well_formed (s, &v, 0);
  g_test_message ("sin(1/x): %u samples, %u spans, %u evaluations", s->n, s->n_spans, s->n_evals);
  g_assert_cmpuint (s->n_spans, >, 0);

  for (guint k = 0; k < s->n_spans; k++)
    {
      const TangentSampleSpan *span = &s->spans[k];

      /* One period of sin(1/x) near x is 2π x²: below a few pixels only
       * near 0. */
      g_assert_cmpfloat (fabs (span->x0 / 2 + span->x1 / 2), <, 0.06);
      g_assert_cmpfloat (span->x1 - span->x0, <=, px * 1.001);
      g_assert_cmpfloat (span->ylo, >=, -1);
      g_assert_cmpfloat (span->yhi, <=, 1);
      for (guint j = 0; j <= 1000; j++)
        {
          double x = span->x0 + (span->x1 - span->x0) * j / 1000;

          if (x != 0)
            {
              g_assert_cmpfloat (sin (1 / x), >=, span->ylo);
              g_assert_cmpfloat (sin (1 / x), <=, span->yhi);
            }
        }
      covered += span->x1 - span->x0;
    }

  /* Within 5 px of 0 every column oscillates hundreds of times: all
   * filled. */
  for (double x = -5 * px; x <= 5 * px; x += px / 7)
    {
      gboolean in_span = FALSE;

      for (guint k = 0; k < s->n_spans; k++)
        in_span |= s->spans[k].x0 <= x && x <= s->spans[k].x1;
      g_assert_true (in_span);
    }
  g_assert_cmpfloat (covered, >=, 10 * px);

  /* No segment of the polyline starts or ends inside a span. */
  for (guint i = 0; i + 1 < s->n; i++)
    {
      if (isnan (s->y[i]) || isnan (s->y[i + 1]))
        continue;
      for (guint k = 0; k < s->n_spans; k++)
        {
          g_assert_false (s->spans[k].x0 < s->x[i + 1] && s->x[i] < s->spans[k].x1);
        }
    }

  formula_clear (&f);
}

/* A spike far narrower than the seeds (2 px) and than a pixel: the
 * enclosure shows it, so the sampler goes and finds its top. f is 1 at
 * the centre, and above 1/2 within 0.83/sqrt(k) of it. */
static void
test_sampler_narrow_spike (void)
{
  static const struct
  {
    const char *text;
    double      half_width;   /* of the part above 1/2, in units */
  } cases[] = {
    { "exp(-1e6 (x - 0.1234)^2)", 0.83e-3 },
    { "exp(-1e8 (x - 0.1234)^2)", 0.83e-4 },
    { "exp(-1e10 (x - 0.1234)^2)", 0.83e-5 },
  };
  const View v = { -1, 1, -0.5, 1.5, 800, 600 };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      Formula f;
      g_autoptr(TangentCurveSamples) s = NULL;
      double top = -INFINITY;

      formula_init (&f, cases[c].text, NULL, 0);
      s = run (&f, &v, 0);
      assert_well_formed (s, &v, 0);
      for (guint i = 0; i < s->n; i++)
        if (!isnan (s->y[i]))
          top = MAX (top, s->y[i]);
      g_test_message ("%s: highest sample %g, %u evaluations", cases[c].text, top, s->n_evals);
      g_assert_cmpfloat (top, >, 0.5);
      g_assert_cmpfloat (cases[c].half_width, <, 0.5 * (v.xmax - v.xmin) / v.width);
      formula_clear (&f);
    }
}

/* The budget holds for every kind of curve and every budget, and a small
 * one still gives a well-formed curve over the whole range. */
static void
test_sampler_budget (void)
{
  static const char *texts[] = { "sin(1/x)", "tan(1/x)", "floor(100x)", "sin(x)", "sqrt(sin(1/x))",
                                 "1/x" };
  static const guint budgets[] = { 2, 3, 10, 100, 500, 3000, 0 };
  const View v = { -1, 1, -2, 2, 800, 600 };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      Formula f;

      formula_init (&f, texts[t], NULL, 0);
      for (guint b = 0; b < G_N_ELEMENTS (budgets); b++)
        {
          g_autoptr(TangentCurveSamples) s = run (&f, &v, budgets[b]);

          assert_well_formed (s, &v, budgets[b]);
          g_assert_cmpuint (s->n_evals, >=, 2);
          g_test_message ("%s, budget %u: %u evaluations, %u samples, %u spans", texts[t],
                          budgets[b], s->n_evals, s->n, s->n_spans);
        }
      formula_clear (&f);
    }
}

static void
assert_same (const TangentCurveSamples *s,
             const TangentCurveSamples *t)
{
  g_assert_cmpuint (s->n, ==, t->n);
  g_assert_cmpuint (s->n_spans, ==, t->n_spans);
  g_assert_cmpuint (s->n_evals, ==, t->n_evals);
  g_assert_cmpmem (s->x, s->n * sizeof (double), t->x, t->n * sizeof (double));
  g_assert_cmpmem (s->y, s->n * sizeof (double), t->y, t->n * sizeof (double));
  g_assert_cmpmem (s->spans, s->n_spans * sizeof (TangentSampleSpan),
                   t->spans, t->n_spans * sizeof (TangentSampleSpan));
}

static void
test_sampler_deterministic (void)
{
  static const char *texts[] = { "sin(1/x)", "tan(x)", "sqrt(x)" };
  const View v = { -3, 3, -2, 2, 700, 500 };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      Formula f;
      g_autoptr(TangentCurveSamples) s = NULL;
      g_autoptr(TangentCurveSamples) u = NULL;

      formula_init (&f, texts[t], NULL, 0);
      s = run (&f, &v, 0);
      u = run (&f, &v, 0);
      assert_same (s, u);
      formula_clear (&f);
    }
}

/* Invalid ranges and sizes give NULL, a budget below two points an empty
 * curve. */
static void
test_sampler_invalid (void)
{
  Formula f;
  g_autoptr(TangentCurveSamples) empty = NULL;

  formula_init (&f, "sin(x)", NULL, 0);
  g_assert_null (tangent_sampler_run (f.prog, NULL, 1, 1, -1, 1, 100, 100, 0));
  g_assert_null (tangent_sampler_run (f.prog, NULL, 2, 1, -1, 1, 100, 100, 0));
  g_assert_null (tangent_sampler_run (f.prog, NULL, 0, 1, 1, 1, 100, 100, 0));
  g_assert_null (tangent_sampler_run (f.prog, NULL, NAN, 1, -1, 1, 100, 100, 0));
  g_assert_null (tangent_sampler_run (f.prog, NULL, 0, INFINITY, -1, 1, 100, 100, 0));
  g_assert_null (tangent_sampler_run (f.prog, NULL, 0, 1, -1, NAN, 100, 100, 0));
  g_assert_null (tangent_sampler_run (f.prog, NULL, 0, 1, -1, 1, 0, 100, 0));
  g_assert_null (tangent_sampler_run (f.prog, NULL, 0, 1, -1, 1, 100, 0, 0));
  g_assert_null (tangent_sampler_run (f.prog, NULL, 0, 5e-324, -1, 1, 100, 100, 0));

  empty = tangent_sampler_run (f.prog, NULL, 0, 1, -1, 1, 100, 100, 1);
  g_assert_nonnull (empty);
  g_assert_cmpuint (empty->n, ==, 0);
  g_assert_cmpuint (empty->n_spans, ==, 0);
  g_assert_cmpuint (empty->n_evals, ==, 0);
  formula_clear (&f);
}

/* A constant costs one evaluation per seed (the enclosure proves each
 * piece flat); a curve wholly outside the view costs no more (the
 * enclosure proves it invisible); a function defined nowhere gives no
 * point at all. */
static void
test_sampler_cheap (void)
{
  const View v = { -5, 5, -3, 3, 1200, 800 };
  static const struct
  {
    const char *text;
    double      value;   /* NAN: not checked */
  } cases[] = {
    { "3", 3 },
    { "x + 1000", NAN },
    { "-exp(x) - 10", NAN },
    { "1/(x^2 + 1e-3) + 100", NAN },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      Formula f;
      g_autoptr(TangentCurveSamples) s = NULL;

      formula_init (&f, cases[c].text, NULL, 0);
      s = run (&f, &v, 0);
      assert_well_formed (s, &v, 0);
      g_assert_cmpfloat (s->x[0], ==, v.xmin);
      g_assert_cmpfloat (s->x[s->n - 1], ==, v.xmax);
      g_assert_cmpuint (s->n_evals, <=, v.width / 2 + 1);
      for (guint i = 0; i < s->n; i++)
        {
          g_assert_false (isnan (s->y[i]));
          if (!isnan (cases[c].value))
            g_assert_cmpfloat (s->y[i], ==, cases[c].value);
        }
      formula_clear (&f);
    }

  {
    Formula f;
    g_autoptr(TangentCurveSamples) s = NULL;

    formula_init (&f, "sqrt(-1 - x^2)", NULL, 0);
    s = run (&f, &v, 0);
    assert_well_formed (s, &v, 0);
    g_assert_cmpuint (s->n, ==, 0);
    g_assert_cmpuint (s->n_spans, ==, 0);
    formula_clear (&f);
  }
}

/* Ranges near the largest doubles and ranges of a few ulps. */
static void
test_sampler_extreme_ranges (void)
{
  static const struct
  {
    const char *text;
    View        view;
    guint       min_n;      /* at least so many samples */
    guint       min_spans;  /* at least so many spans */
  } cases[] = {
    { "x", { -1e308, 1e308, -1e308, 1e308, 800, 600 }, 400, 0 },
    /* A thousand billion periods per pixel: every column filled. */
    { "sin(x)", { -1e300, 1e300, -2, 2, 800, 600 }, 0, 800 },
    /* Visible only within 1e150 of 0, far below a pixel; overflows
     * beyond 1.3e154. */
    { "x^2", { -1e200, 1e200, -1e300, 1e300, 800, 600 }, 1, 0 },
    /* Three doubles. */
    { "x", { 1, 1 + 4e-16, 1, 1 + 4e-16, 800, 600 }, 3, 0 },
    /* Nine doubles, a step of 1/8 with tan of it all over the place. */
    { "tan(x)", { 1e15, 1e15 + 1, -10, 10, 300, 200 }, 2, 0 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const View *v = &cases[c].view;
      Formula f;
      g_autoptr(TangentCurveSamples) s = NULL;

      formula_init (&f, cases[c].text, NULL, 0);
      s = tangent_sampler_run (f.prog, NULL, v->xmin, v->xmax, v->ymin, v->ymax,
                               v->width, v->height, 0);
      g_assert_nonnull (s);
      for (guint i = 0; i < s->n; i++)
        {
          g_assert_true (isfinite (s->x[i]));
          g_assert_cmpfloat (s->x[i], >=, v->xmin);
          g_assert_cmpfloat (s->x[i], <=, v->xmax);
          if (i > 0)
            g_assert_cmpfloat (s->x[i], >, s->x[i - 1]);
        }
      g_assert_cmpuint (s->n_evals, <=, 40 * v->width);
      g_assert_cmpuint (s->n, >=, cases[c].min_n);
      g_assert_cmpuint (s->n_spans, >=, cases[c].min_spans);
      for (guint k = 0; k < s->n_spans; k++)
        {
          g_assert_cmpfloat (s->spans[k].ylo, >=, -1);
          g_assert_cmpfloat (s->spans[k].yhi, <=, 1);
        }
      formula_clear (&f);
    }
}

/* Parameters reach both the point and the interval evaluation: the pole
 * of 1/(x − a) moves with a, the samples of a sin(x) scale with it. */
static void
test_sampler_params (void)
{
  const View v = { -2, 2, -3, 3, 800, 600 };
  static const double values[] = { 0.3, -1.1, 2.5 };
  double px = (v.xmax - v.xmin) / v.width;

  for (guint k = 0; k < G_N_ELEMENTS (values); k++)
    {
      double a = values[k];
      Formula f, g;
      g_autoptr(TangentCurveSamples) s = NULL;
      g_autoptr(TangentCurveSamples) t = NULL;
      gboolean found = FALSE;

      formula_init (&f, "1/(x - a)", "a", a);
      s = run (&f, &v, 0);
      assert_well_formed (s, &v, 0);
      for (guint i = 0; i + 1 < s->n; i++)
        {
          if (!isnan (s->y[i]) && !isnan (s->y[i + 1]))
            g_assert_true ((s->x[i] - a) * (s->x[i + 1] - a) > 0);
          if (i > 0 && isnan (s->y[i]))
            found |= s->x[i - 1] <= a && a <= s->x[i + 1] && s->x[i + 1] - s->x[i - 1] <= px / 16;
        }
      g_assert_true (found || a > v.xmax || a < v.xmin);

      formula_init (&g, "a sin(x)", "a", a);
      t = run (&g, &v, 0);
      assert_well_formed (t, &v, 0);
      for (guint i = 0; i < t->n; i++)
        g_assert_cmpfloat_with_epsilon (t->y[i], a * sin (t->x[i]), 1e-14);
      for (guint i = 0; i + 1 < t->n; i++)
        {
          double xm = t->x[i] / 2 + t->x[i + 1] / 2;

          if (fabs (t->y[i]) <= 3 || fabs (t->y[i + 1]) <= 3)
            g_assert_cmpfloat (chord_distance (&v, t, i, xm, a * sin (xm)), <=, 0.5);
        }

      formula_clear (&f);
      formula_clear (&g);
    }
}

/* A program with a gradient: only its value is sampled. */
static void
test_sampler_gradient_program (void)
{
  const View v = { -4, 4, -2, 2, 400, 200 };
  g_autoptr(TangentDocument) doc = tangent_document_new ();
  g_autoptr(TangentProgram) prog = NULL;
  g_autoptr(TangentCurveSamples) s = NULL;
  g_autoptr(GError) error = NULL;

  tangent_document_append_row (doc, "sin(x)", 6);
  tangent_document_resolve (doc);
  prog = tangent_compile_with_gradient (tangent_document_get_row_expr (doc, 0), 0, 1, TRUE,
                                        &error);
  g_assert_no_error (error);
  s = tangent_sampler_run (prog, NULL, v.xmin, v.xmax, v.ymin, v.ymax, v.width, v.height, 0);
  assert_well_formed (s, &v, 0);
  for (guint i = 0; i < s->n; i++)
    g_assert_cmpfloat_with_epsilon (s->y[i], sin (s->x[i]), 1e-14);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/sampler/breaks", test_sampler_breaks);
  g_test_add_func ("/core/sampler/smooth", test_sampler_smooth);
  g_test_add_func ("/core/sampler/edges", test_sampler_edges);
  g_test_add_func ("/core/sampler/spans", test_sampler_spans);
  g_test_add_func ("/core/sampler/narrow-spike", test_sampler_narrow_spike);
  g_test_add_func ("/core/sampler/budget", test_sampler_budget);
  g_test_add_func ("/core/sampler/deterministic", test_sampler_deterministic);
  g_test_add_func ("/core/sampler/invalid", test_sampler_invalid);
  g_test_add_func ("/core/sampler/cheap", test_sampler_cheap);
  g_test_add_func ("/core/sampler/extreme-ranges", test_sampler_extreme_ranges);
  g_test_add_func ("/core/sampler/params", test_sampler_params);
  g_test_add_func ("/core/sampler/gradient-program", test_sampler_gradient_program);

  return g_test_run ();
}
