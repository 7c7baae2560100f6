/* fuzz-document.c: libFuzzer target over the whole formula pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a document: rows separated by newlines, raw bytes. Each
 * row goes through parse, document resolution, simplify, differentiate,
 * print (text, markup, LaTeX), compile, evaluate, and value + gradient +
 * Hessian. Nothing may crash, leak, hang or trip a sanitizer.
 *
 * Built with -Dfuzzing=true and clang; replay.c runs the corpus through
 * the same function as an ordinary test.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tangent-compile.h"
#include "tangent-derive.h"
#include "tangent-document.h"
#include "tangent-interval.h"
#include "tangent-jet.h"
#include "tangent-print.h"
#include "tangent-taylor-bound.h"
#include "tangent-simplify.h"
#include "tangent-vm.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

#define MAX_ROWS 8

static void
exercise (TangentDocument   *doc,
          const TangentNode *expr)
{
  static const double points[][3] = { { 0.5, -1.25, 2 }, { 0, 0, 0 }, { -3, 1e-300, -0.0 } };
  g_autoptr(TangentNode) simplified = tangent_simplify (expr);
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentProgram) program = NULL;
  g_autoptr(TangentProgram) gradient = NULL;
  g_autofree char *text = tangent_print_text (simplified, NULL);
  g_autofree char *markup = tangent_print_markup (simplified, NULL);
  g_autofree char *latex = tangent_print_latex (simplified, NULL);
  guint n_params = tangent_document_get_n_parameters (doc);
  const double *params = tangent_document_get_parameter_values (doc);

  for (guint v = 0; v < 2; v++)
    {
      g_autoptr(GError) derive_error = NULL;
      g_autoptr(TangentNode) d = tangent_derive_n (expr, v, 2, &derive_error);

      if (d != NULL)
        {
          g_autofree char *d_text = tangent_print_text (d, NULL);
        }
    }

  program = tangent_compile (expr, n_params, &error);
  if (program != NULL)
    {
      g_autofree TangentInterval *box_params = g_new (TangentInterval, MAX (n_params, 1));
      TangentInterval box[3] = { tangent_interval_new (-1.5, 0.5), tangent_interval_new (0, 2),
                                 tangent_interval_new (-0.0, 0.0) };
      TangentInterval out;
      double coeffs[TANGENT_JET2_SIZE (6)];

      for (guint i = 0; i < G_N_ELEMENTS (points); i++)
        {
          (void) tangent_program_eval1 (program, params, points[i][0], points[i][1], points[i][2]);

          /* The Taylor path: jets along x and y, and in both at once. */
          (void) tangent_jet_eval (program, params, points[i], i % 2, 12, coeffs, NULL);
          (void) tangent_jet2_eval (program, params, points[i], 6, coeffs, NULL);
        }

      for (guint k = 0; k < n_params; k++)
        box_params[k] = tangent_interval_point (params[k]);
      (void) tangent_interval_eval (program, box_params, box, &out);

      /* Certified remainder bounds: a small band, and a 2-D box. */
      {
        g_autoptr(TangentTaylorBand) band =
          tangent_taylor_band_new (program, params, points[0], TANGENT_VARIABLE_X, 4, -1.5, 2.5, 9,
                                   NULL);
        /* about 0, where quotients like sin(x)/x are 0/0 (shifted series,
         * boxes beside the centre met with them) */
        g_autoptr(TangentTaylorBand) band0 =
          tangent_taylor_band_new (program, params, points[1], TANGENT_VARIABLE_X, 7, -1, 2, 7,
                                   NULL);
        const double lo[2] = { -1, -2 }, hi[2] = { 1.5, 0.5 };
        g_autofree char *reason = NULL;
        double bound;

        (void) tangent_taylor_bound_box (program, params, points[0], 3, lo, hi, &bound, &reason,
                                         NULL);
      }
    }
  g_clear_error (&error);

  gradient = tangent_compile_with_gradient (expr, n_params, 3, TRUE, &error);
  if (gradient != NULL)
    {
      double outs[1 + 3 + 9];

      for (guint i = 0; i < G_N_ELEMENTS (points); i++)
        tangent_program_eval_point (gradient, params, points[i], outs);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(TangentDocument) doc = tangent_document_new ();
  gsize start = 0;
  guint n_rows = 0;

  while (start <= size && n_rows < MAX_ROWS)
    {
      const guint8 *nl = memchr (data + start, '\n', size - start);
      gsize end = nl != NULL ? (gsize) (nl - data) : size;

      tangent_document_append_row (doc, (const char *) data + start, end - start);
      n_rows++;
      if (nl == NULL)
        break;
      start = end + 1;
    }

  tangent_document_resolve (doc);

  for (guint i = 0; i < n_rows; i++)
    {
      const TangentNode *expr = tangent_document_get_row_expr (doc, i);

      if (expr != NULL)
        exercise (doc, expr);
    }

  if (tangent_document_get_n_parameters (doc) > 0)
    tangent_document_set_parameter_value (doc, 0, 0.25);

  return 0;
}
