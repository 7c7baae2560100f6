/* tangent-cli-taylor.c: tangent-cli taylor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * taylor EXPR --about x=A [--order N] [--at x=V] [--bound-on LO:HI [--samples K]]
 * taylor EXPR --about x=A,y=B [--order N] [--at x=V,y=W] [--bound-on x=LO:HI,y=LO:HI]
 *
 * The variables named in --about decide the expansion: one variable is a
 * series in it (the others fixed by --at), x and y together the series in
 * both (CLI.md). The coefficients come from the jets (tangent-jet.h), the
 * polynomial's text from tangent-taylor-print.h, the certified remainder
 * bound from tangent-taylor-bound.h. --order defaults to 5. --at at the
 * expansion variables evaluates the polynomial there ("value", an
 * extension for scripts and the formula-cases harness); --at at any other
 * variable fixes it.
 */

#include "config.h"

#define G_LOG_DOMAIN "tangent-cli"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tangent-cli.h"
#include "tangent-cli-document.h"
#include "tangent-cli-output.h"
#include "tangent-format.h"
#include "tangent-jet.h"
#include "tangent-taylor-bound.h"
#include "tangent-taylor-print.h"

#define DEFAULT_ORDER   5
#define DEFAULT_SAMPLES 101
#define MAX_SAMPLES     100000

typedef struct
{
  guint            n;                 /* 1 or 2 variables */
  TangentVariable  vars[2];           /* in the order x, y for 2-D */
  double           centre[2];
  gboolean         have_bound;
  double           lo[2], hi[2];
} Expansion;

/* User text in a one-line message: escaped and short. */
static char *
excerpt (const char *text)
{
  g_autofree char *escaped = g_strescape (text, NULL);

  if (g_utf8_strlen (escaped, -1) > 40)
    return g_strdup_printf ("%.40s…", escaped);
  return g_steal_pointer (&escaped);
}

static gboolean
lookup_variable (const char *const *names,
                 const char        *name,
                 TangentVariable   *variable)
{
  for (guint i = 0; i < TANGENT_N_VARIABLES; i++)
    {
      if (strcmp (names[i], name) == 0)
        {
          *variable = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* --about x=A or x=A,y=B, in the names of the variables (a function's
 * own arguments for f(t) = …). Two variables must be the first two, the
 * plane of the 2-D jets; they are stored in that order. */
static int
parse_about (const char        *text,
             const char *const *names,
             Expansion         *ex)
{
  g_auto(GStrv) pairs = g_strsplit (text, ",", -1);
  guint n = g_strv_length (pairs);

  if (n < 1 || n > 2)
    return tangent_cli_usage_error (NULL, _("--about expects one or two VAR=VALUE pairs, e.g. x=0 or x=1,y=2"));

  for (guint i = 0; i < n; i++)
    {
      const char *eq = strchr (pairs[i], '=');
      g_autofree char *name = NULL;
      TangentVariable v;
      double value;

      if (eq == NULL || eq == pairs[i])
        {
          g_autofree char *shown = excerpt (pairs[i]);

          return tangent_cli_usage_error (NULL, _("--about expects VAR=VALUE, not “%s”"), shown);
        }
      name = g_strndup (pairs[i], eq - pairs[i]);
      if (!lookup_variable (names, name, &v))
        {
          g_autofree char *shown = excerpt (name);

          return tangent_cli_usage_error (NULL, _("--about: “%s” is not a variable of the formula (%s, %s or %s)"),
                              shown, names[0], names[1], names[2]);
        }
      if (!tangent_cli_parse_value (eq + 1, &value))
        {
          g_autofree char *shown = excerpt (eq + 1);

          return tangent_cli_usage_error (NULL, _("--about: “%s” is not a finite decimal number (write 1.5, -2, "
                                "1e-3)"), shown);
        }
      if (i == 1 && v == ex->vars[0])
        return tangent_cli_usage_error (NULL, _("--about names %s twice"), names[v]);

      ex->vars[i] = v;
      ex->centre[i] = value;
    }
  ex->n = n;

  if (n == 2)
    {
      if (ex->vars[0] > ex->vars[1])
        {
          TangentVariable v = ex->vars[0];
          double c = ex->centre[0];

          ex->vars[0] = ex->vars[1], ex->centre[0] = ex->centre[1];
          ex->vars[1] = v, ex->centre[1] = c;
        }
      if (ex->vars[0] != TANGENT_VARIABLE_X || ex->vars[1] != TANGENT_VARIABLE_Y)
        return tangent_cli_usage_error (NULL, _("A Taylor polynomial in two variables is in %s and %s"),
                            names[0], names[1]);
    }

  return TANGENT_CLI_EXIT_OK;
}

/* "LO:HI", both finite, LO < HI. */
static gboolean
parse_range (const char *text,
             double     *lo,
             double     *hi)
{
  const char *colon = strchr (text, ':');
  g_autofree char *first = NULL;

  if (colon == NULL)
    return FALSE;
  first = g_strndup (text, colon - text);
  return tangent_cli_parse_value (first, lo) && tangent_cli_parse_value (colon + 1, hi)
         && *lo < *hi;
}

/* --bound-on LO:HI (or VAR=LO:HI) in 1-D, VAR=LO:HI,VAR=LO:HI in 2-D, a
 * range for each expansion variable. */
static int
parse_bound_on (const char        *text,
                const char *const *names,
                Expansion         *ex)
{
  g_auto(GStrv) items = g_strsplit (text, ",", -1);
  gboolean seen[2] = { FALSE, FALSE };
  g_autofree char *shown = excerpt (text);

  if (g_strv_length (items) != ex->n)
    return ex->n == 1
           ? tangent_cli_usage_error (NULL, _("--bound-on expects LO:HI, not “%s”"), shown)
           : tangent_cli_usage_error (NULL, _("--bound-on expects %s=LO:HI,%s=LO:HI, not “%s”"),
                          names[ex->vars[0]], names[ex->vars[1]], shown);

  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *eq = strchr (items[i], '=');
      const char *range = items[i];
      guint slot = 0;

      if (eq != NULL)
        {
          g_autofree char *name = g_strndup (items[i], eq - items[i]);
          TangentVariable v;
          gboolean found = FALSE;

          if (lookup_variable (names, name, &v))
            {
              for (guint k = 0; k < ex->n; k++)
                {
                  if (ex->vars[k] == v)
                    slot = k, found = TRUE;
                }
            }
          if (!found)
            return tangent_cli_usage_error (NULL, _("--bound-on: “%s” is not a variable of --about"), shown);
          range = eq + 1;
        }
      else if (ex->n != 1)
        return tangent_cli_usage_error (NULL, _("--bound-on expects %s=LO:HI,%s=LO:HI, not “%s”"),
                            names[ex->vars[0]], names[ex->vars[1]], shown);

      if (seen[slot])
        return tangent_cli_usage_error (NULL, _("--bound-on gives a range for %s twice"), names[ex->vars[slot]]);
      seen[slot] = TRUE;

      if (!parse_range (range, &ex->lo[slot], &ex->hi[slot]))
        return tangent_cli_usage_error (NULL, _("--bound-on: “%s” is not LO:HI with finite decimal numbers, "
                              "LO < HI"), shown);
    }

  ex->have_bound = TRUE;
  return TANGENT_CLI_EXIT_OK;
}

/* Σ c_ij (x − A)^i (y − B)^j: Horner in y for each power of x, then in
 * x, nested products and sums as tangent_taylor_bound_box() allows. (In
 * 1-D, tangent_taylor_horner() is the evaluation the band certifies.) */
static double
horner2 (const double *coeffs,
         guint         order,
         double        hx,
         double        hy)
{
  double value = 0;

  for (guint i = order + 1; i-- > 0;)
    {
      double row = coeffs[TANGENT_JET2_INDEX (i, order - i)];

      for (guint j = order - i; j-- > 0;)
        row = row * hy + coeffs[TANGENT_JET2_INDEX (i, j)];
      value = value * hx + row;
    }
  return value;
}

static void
print_human_bound (double             max,
                   const char        *reason,
                   const char *const *names,
                   const Expansion   *ex)
{
  char b[TANGENT_FORMAT_BUF_SIZE], lo[TANGENT_FORMAT_BUF_SIZE], hi[TANGENT_FORMAT_BUF_SIZE];

  printf ("bound: %s", tangent_format_shortest (b, max));
  for (guint k = 0; k < ex->n; k++)
    printf ("%s %s in [%s, %s]", k == 0 ? " for" : ",", names[ex->vars[k]],
            tangent_format_shortest (lo, ex->lo[k]), tangent_format_shortest (hi, ex->hi[k]));
  printf ("\n");
  if (reason != NULL)
    printf ("reason: %s\n", reason);
}

/* taylor EXPR --about …: see the top of this file. */
int
tangent_cli_taylor (int    argc,
                    char **argv)
{
  g_autofree char *about = NULL;
  g_autofree char *order_text = NULL;
  g_autofree char *bound_on = NULL;
  g_autofree char *samples_text = NULL;
  const GOptionEntry entries[] = {
    { "about", 0, 0, G_OPTION_ARG_STRING, &about,
      N_("The centre: x=A for a series in x, x=A,y=B for one in x and y"), N_("x=A[,y=B]") },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order_text,
      N_("The highest (total) degree, 0 … 100 (default 5)"), N_("N") },
    { "bound-on", 0, 0, G_OPTION_ARG_STRING, &bound_on,
      N_("Add a certified bound on |f − T| over LO ≤ x ≤ HI; in 2-D x=LO:HI,y=LO:HI"),
      N_("LO:HI") },
    { "samples", 0, 0, G_OPTION_ARG_STRING, &samples_text,
      N_("Points of the bound band, 2 … 100000 (default 101)"), N_("K") },
    { NULL }
  };
  g_auto(TangentCliArgs) args = { 0 };
  g_auto(TangentCliDocument) doc = { 0 };
  g_autoptr(TangentProgram) program = NULL;
  g_autoptr(TangentTaylorBand) band = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *coeffs = NULL;
  g_autofree char *text = NULL;
  g_autofree char *latex = NULL;
  g_autofree char *box_reason = NULL;
  const char *names[TANGENT_N_VARIABLES] = { "x", "y", "z" };
  Expansion ex = { 0 };
  const TangentRow *row;
  const TangentNode *expr;
  const double *params;
  double point[3];
  double value = 0, box_bound = 0;
  gboolean have_value;
  gboolean saved_at[TANGENT_N_VARIABLES];
  guint order, samples = DEFAULT_SAMPLES, n_bound;
  int status;

  status = tangent_cli_args_parse (&args, argc, argv, "EXPR",
                                   _("The Taylor polynomial of a formula about a point, in one "
                                     "variable or two: its coefficients, as text and LaTeX, its "
                                     "value with --at, and a certified bound on the remainder "
                                     "with --bound-on."),
                                   entries, TANGENT_CLI_NEEDS_EXPR);
  if (status != TANGENT_CLI_EXIT_OK)
    return status;

  if (about == NULL)
    return tangent_cli_usage_error (NULL, _("taylor needs a centre: --about x=A (or x=A,y=B)"));
  if (samples_text != NULL)
    {
      guint64 k;

      if (bound_on == NULL)
        return tangent_cli_usage_error (NULL, _("--samples goes with --bound-on"));
      if (!g_ascii_string_to_unsigned (samples_text, 10, 2, MAX_SAMPLES, &k, NULL))
        {
          g_autofree char *shown = excerpt (samples_text);

          return tangent_cli_usage_error (NULL, _("--samples expects a whole number from 2 to %d, not “%s”"),
                              MAX_SAMPLES, shown);
        }
      samples = (guint) k;
    }

  status = tangent_cli_document_load (&doc, &args);
  if (status != TANGENT_CLI_EXIT_OK)
    return status;

  /* A function's arguments have its own names: f(t) = sin t --about t=0. */
  row = tangent_document_get_row_parsed (doc.document, doc.expr_row);
  if (row->kind == TANGENT_ROW_FUNCTION)
    {
      for (guint i = 0; i < row->n_formals && i < TANGENT_N_VARIABLES; i++)
        names[i] = row->formals[i];
    }
  else if (row->kind == TANGENT_ROW_RELATION)
    {
      error = g_error_new (TANGENT_DOCUMENT_ERROR, TANGENT_DOCUMENT_ERROR_DERIVATIVE,
                           _("An equation is a relation to plot; expand an expression or a "
                             "function"));
      return tangent_cli_report_error (args.json, error, -1, -1);
    }

  status = parse_about (about, names, &ex);
  if (status != TANGENT_CLI_EXIT_OK)
    return status;
  if (bound_on != NULL)
    {
      status = parse_bound_on (bound_on, names, &ex);
      if (status != TANGENT_CLI_EXIT_OK)
        return status;
    }

  /* --at at the expansion variables is where to evaluate the polynomial:
   * all of them, or none. */
  have_value = args.at_set[ex.vars[0]];
  if (ex.n == 2 && args.at_set[ex.vars[1]] != have_value)
    return tangent_cli_usage_error (NULL, _("To evaluate the polynomial, --at needs both %s and %s"),
                        names[ex.vars[0]], names[ex.vars[1]]);

  status = tangent_cli_parse_order (&args, order_text, DEFAULT_ORDER, &order);
  if (status != TANGENT_CLI_EXIT_OK)
    return status;

  /* The other variables and the parameters need values; the centre gives
   * the expansion variables theirs. */
  expr = tangent_document_get_row_expr (doc.document, doc.expr_row);
  memcpy (saved_at, args.at_set, sizeof saved_at);
  for (guint k = 0; k < ex.n; k++)
    args.at_set[ex.vars[k]] = TRUE;
  status = tangent_cli_document_check_point (&doc, &args, expr);
  memcpy (args.at_set, saved_at, sizeof saved_at);
  if (status != TANGENT_CLI_EXIT_OK)
    return status;

  program = tangent_compile (expr, tangent_document_get_n_parameters (doc.document), &error);
  if (program == NULL)
    return tangent_cli_report_compile_error (&args, error);
  params = tangent_document_get_parameter_values (doc.document);

  for (guint v = 0; v < TANGENT_N_VARIABLES; v++)
    point[v] = args.at_set[v] ? args.at_values[v] : 0;
  for (guint k = 0; k < ex.n; k++)
    point[ex.vars[k]] = ex.centre[k];

  if (ex.n == 1)
    {
      coeffs = g_new (double, order + 1);
      if (!tangent_jet_eval (program, params, point, ex.vars[0], order, coeffs, &error))
        return tangent_cli_report_error (args.json, error, -1, -1);
      text = tangent_taylor_print (coeffs, order, ex.centre[0], names[ex.vars[0]],
                                   TANGENT_TAYLOR_FORMAT_TEXT);
      latex = tangent_taylor_print (coeffs, order, ex.centre[0], names[ex.vars[0]],
                                    TANGENT_TAYLOR_FORMAT_LATEX);
      if (have_value)
        value = tangent_taylor_horner (coeffs, order, ex.centre[0], args.at_values[ex.vars[0]]);
    }
  else
    {
      const char *const plane[2] = { names[0], names[1] };

      coeffs = g_new (double, TANGENT_JET2_SIZE (order));
      if (!tangent_jet2_eval (program, params, point, order, coeffs, &error))
        return tangent_cli_report_error (args.json, error, -1, -1);
      text = tangent_taylor2_print (coeffs, order, ex.centre, plane, TANGENT_TAYLOR_FORMAT_TEXT);
      latex = tangent_taylor2_print (coeffs, order, ex.centre, plane,
                                     TANGENT_TAYLOR_FORMAT_LATEX);
      if (have_value)
        value = horner2 (coeffs, order, args.at_values[0] - ex.centre[0],
                         args.at_values[1] - ex.centre[1]);
    }

  if (ex.have_bound && ex.n == 1)
    {
      band = tangent_taylor_band_new (program, params, point, ex.vars[0], order, ex.lo[0],
                                      ex.hi[0], samples, &error);
      if (band == NULL)
        return tangent_cli_report_error (args.json, error, -1, -1);
    }
  else if (ex.have_bound)
    {
      if (!tangent_taylor_bound_box (program, params, point, order, ex.lo, ex.hi, &box_bound,
                                     &box_reason, &error))
        return tangent_cli_report_error (args.json, error, -1, -1);
    }
  n_bound = band != NULL ? band->n : 0;

  if (args.json)
    {
      json_t *object = json_object ();

      if (ex.n == 1)
        json_object_set_new (object, "coefficients", tangent_cli_json_numbers (coeffs, order + 1));
      else
        {
          json_t *terms = json_array ();

          for (guint grade = 0; grade <= order; grade++)
            {
              for (guint j = 0; j <= grade; j++)
                {
                  json_t *term = json_object ();
                  guint i = grade - j;

                  json_object_set_new (term, "powers", json_pack ("[ii]", (int) i, (int) j));
                  json_object_set_new (term, "coefficient",
                                       tangent_cli_json_number (coeffs[TANGENT_JET2_INDEX (i, j)]));
                  json_array_append_new (terms, term);
                }
            }
          json_object_set_new (object, "terms", terms);
        }
      json_object_set_new (object, "polynomial", tangent_cli_json_string (text));
      json_object_set_new (object, "latex", tangent_cli_json_string (latex));
      if (have_value)
        json_object_set_new (object, "value", tangent_cli_json_number (value));

      if (ex.have_bound)
        {
          json_t *bound = json_object ();

          if (band != NULL)
            {
              json_t *points = json_array ();

              for (guint i = 0; i < n_bound; i++)
                json_array_append_new (points, json_pack ("[oo]",
                                                          tangent_cli_json_number (band->x[i]),
                                                          tangent_cli_json_number (band->bound[i])));
              json_object_set_new (bound, "max", tangent_cli_json_number (band->max));
              json_object_set_new (bound, "samples", points);
              if (band->reason != NULL)
                json_object_set_new (bound, "reason", tangent_cli_json_string (band->reason));
            }
          else
            {
              json_object_set_new (bound, "max", tangent_cli_json_number (box_bound));
              if (box_reason != NULL)
                json_object_set_new (bound, "reason", tangent_cli_json_string (box_reason));
            }
          json_object_set_new (object, "bound", bound);
        }
      tangent_cli_print_json (object);
    }
  else
    {
      char buf[TANGENT_FORMAT_BUF_SIZE];

      printf ("%s\n", text);
      if (have_value)
        printf ("value: %s\n", tangent_format_shortest (buf, value));
      if (band != NULL)
        print_human_bound (band->max, band->reason, names, &ex);
      else if (ex.have_bound)
        print_human_bound (box_bound, box_reason, names, &ex);
    }

  return TANGENT_CLI_EXIT_OK;
}
