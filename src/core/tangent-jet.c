/* tangent-jet.c: Taylor coefficients along one variable (1-D jets)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The coefficients c_k = f^(k)(a)/k! of a compiled program along x, y or z,
 * to order 100, by truncated power-series arithmetic over the program's
 * value graph: every operation costs O(n²) and no expression grows
 * (tangent-jet-template.h holds the recurrences, shared with 2-D jets and,
 * later, interval jets).
 *
 * Semantics, beyond the recurrences:
 *   - c_0 is the program's value, bit for bit (the VM's kernels), except
 *     at a removable 0/0 (below).
 *   - Non-smooth builtins follow tangent-derive.c: abs is ±u away from 0
 *     and NaN from order 1 at u = 0; sign, floor, ceil, round have zero
 *     derivatives away from their jumps and NaN at them; min and max the
 *     selected series, NaN at a tie unless both series are the same.
 *   - Integer powers are exact about a zero base (repeated squaring, so
 *     x^3 about 0 is 0, 0, 0, 1, 0, …); a non-integer power of a zero base
 *     has zero coefficients below the order where its derivative becomes
 *     infinite, and NaN from there on.
 *   - A quotient whose numerator and denominator both vanish at the
 *     centre, with the denominator's leading coefficient non-zero, is the
 *     quotient of the shifted series (l'Hôpital on series): sin(x)/x about
 *     0 is 1, 0, −1/6, … — the Taylor series of the continuous extension,
 *     although the formula's value there is NaN (LANGUAGE.md, Values).
 *     Each shift costs grades at the top; the jet is rerun with that many
 *     more, so all order + 1 coefficients are still known, also where at a
 *     low order the zeros outlast every known grade ((1 − cos x)/x² to
 *     order 0 or 1).
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-jet"

#include <math.h>
#include <string.h>

#include "tangent-document.h"
#include "tangent-jet.h"
#include "tangent-vm-private.h"

G_DEFINE_QUARK (tangent-jet-error-quark, tangent_jet_error)

#define JET_DOUBLE       1
#define JET_NAME(n)      jet1_##n
#define JET_UNIVARIATE   1
#define JET_GSIZE(k)     1u
#define JET_GOFF(k)      ((gsize) (k))
#include "tangent-jet-template.h"

/* Reruns allowed for shifts (0/0, odd roots of 0) that lose grades. */
#define MAX_RERUNS 4

/**
 * tangent_jet_eval:
 * @prog: a program (its first output is expanded)
 * @params: (nullable): the parameter values, one per parameter slot
 * @point: the centre (x, y, z)
 * @wrt: the variable to expand in; the others stay fixed
 * @order: the highest order, 0 … %TANGENT_JET_MAX_ORDER
 * @coeffs: (out caller-allocates): @order + 1 coefficients,
 *   c_k = f^(k)(point)/k!
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with @error set for a bad order
 */
gboolean
tangent_jet_eval (const TangentProgram *prog,
                  const double         *params,
                  const double          point[3],
                  TangentVariable       wrt,
                  guint                 order,
                  double               *coeffs,
                  GError              **error)
{
  guint extra = 0;

  g_return_val_if_fail (prog != NULL, FALSE);
  g_return_val_if_fail (point != NULL, FALSE);
  g_return_val_if_fail (coeffs != NULL, FALSE);
  g_return_val_if_fail (params != NULL || prog->n_params == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (order > TANGENT_JET_MAX_ORDER)
    {
      g_set_error (error, TANGENT_JET_ERROR, TANGENT_JET_ERROR_ORDER,
                   "Taylor order %u is out of range (0 … %d)", order, TANGENT_JET_MAX_ORDER);
      return FALSE;
    }
  if ((guint) wrt >= TANGENT_N_VARIABLES || prog->n_outputs == 0)
    {
      g_set_error (error, TANGENT_JET_ERROR, TANGENT_JET_ERROR_INVALID,
                   "Nothing to expand in a Taylor series");
      return FALSE;
    }

  for (guint attempt = 0; attempt <= MAX_RERUNS; attempt++)
    {
      jet1_ctx ctx = { 0 };
      g_autofree double *out = NULL;
      guint len;

      jet1_ctx_init (&ctx, order + extra);
      for (guint v = 0; v < TANGENT_N_VARIABLES; v++)
        ctx.seed[v] = v == (guint) wrt ? 0 : -1;
      ctx.seed_mask = 1u << wrt;

      out = g_new (double, ctx.size);
      len = jet1_run (&ctx, prog, params, point, out);
      jet1_ctx_clear (&ctx);

      /* len = 0: a quotient 0/0 whose zeros outlast the grades, which
       * more grades may resolve */
      if (len >= order + 1 || attempt == MAX_RERUNS)
        {
          for (guint k = 0; k <= order; k++)
            coeffs[k] = k < len ? out[k] : NAN;
          break;
        }
      extra += order + 1 - len;
    }

  return TRUE;
}

/* Text → document → program, for tests and the command line: one row,
 * its parameters at their values. */
static TangentProgram *
compile_text (const char       *text,
              TangentDocument **doc_out,
              GError          **error)
{
  g_autoptr(TangentDocument) doc = tangent_document_new ();
  const TangentNode *tree;
  TangentProgram *prog;

  tangent_document_append_row (doc, text, strlen (text));
  tangent_document_resolve (doc);
  tree = tangent_document_get_row_expr (doc, 0);
  if (tree == NULL)
    {
      const GError *row_error = tangent_document_get_row_error (doc, 0, NULL, NULL);

      if (row_error != NULL)
        g_propagate_error (error, g_error_copy (row_error));
      else
        g_set_error (error, TANGENT_JET_ERROR, TANGENT_JET_ERROR_INVALID,
                     "The formula has no value to expand");
      return NULL;
    }

  prog = tangent_compile (tree, tangent_document_get_n_parameters (doc), error);
  if (prog != NULL)
    *doc_out = g_steal_pointer (&doc);
  return prog;
}

/**
 * tangent_jet_eval_text:
 * @text: one formula row
 * @point: the centre (x, y, z)
 * @wrt: the variable to expand in
 * @order: the highest order
 * @coeffs: (out caller-allocates): @order + 1 coefficients
 * @error: return location for a #GError
 *
 * tangent_jet_eval() of a formula given as text.
 *
 * Returns: %TRUE on success
 */
gboolean
tangent_jet_eval_text (const char       *text,
                       const double      point[3],
                       TangentVariable   wrt,
                       guint             order,
                       double           *coeffs,
                       GError          **error)
{
  g_autoptr(TangentDocument) doc = NULL;
  g_autoptr(TangentProgram) prog = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  prog = compile_text (text, &doc, error);
  if (prog == NULL)
    return FALSE;
  return tangent_jet_eval (prog, tangent_document_get_parameter_values (doc), point, wrt,
                           order, coeffs, error);
}

/**
 * tangent_jet2_eval_text:
 * @text: one formula row
 * @point: the centre (x, y, z)
 * @order: the highest total degree
 * @coeffs: (out caller-allocates): TANGENT_JET2_SIZE (@order) coefficients
 * @error: return location for a #GError
 *
 * tangent_jet2_eval() of a formula given as text.
 *
 * Returns: %TRUE on success
 */
gboolean
tangent_jet2_eval_text (const char    *text,
                        const double   point[3],
                        guint          order,
                        double        *coeffs,
                        GError       **error)
{
  g_autoptr(TangentDocument) doc = NULL;
  g_autoptr(TangentProgram) prog = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  prog = compile_text (text, &doc, error);
  if (prog == NULL)
    return FALSE;
  return tangent_jet2_eval (prog, tangent_document_get_parameter_values (doc), point,
                            order, coeffs, error);
}
