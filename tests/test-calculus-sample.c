/* test-calculus-sample.c: values and derivatives against the shared oracle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ../shared/data/calculus-sample.json holds values, first and second
 * derivatives, gradients and Hessians computed elsewhere in 30-digit
 * arithmetic. Every one is checked here to 1e-10 relative (1.0 absolute
 * floor), three ways: the compiled program's value, automatic
 * differentiation (value + gradient + Hessian program), and the symbolic
 * derivative compiled and evaluated.
 */

#include "config.h"

#include <jansson.h>
#include <math.h>
#include <string.h>

#include "tangent-compile.h"
#include "tangent-derive.h"
#include "tangent-document.h"
#include "tangent-vm.h"

static const char *variable_names[] = { "x", "y", "z" };

static double
number_of (json_t *value)
{
  const char *text = json_string_value (value);

  g_assert_nonnull (text);
  return g_ascii_strtod (text, NULL);
}

static gboolean
close_enough (double got,
              double want)
{
  return fabs (got - want) <= 1e-10 * MAX (fabs (want), 1.0);
}

typedef struct
{
  const char *id;
  guint       failures;
} Report;

static void
check (Report     *report,
       const char *what,
       const char *at,
       double      got,
       double      want)
{
  if (close_enough (got, want))
    return;

  g_test_message ("%s: %s at %s: got %.17g, want %.17g", report->id, what, at, got, want);
  report->failures++;
}

static double
eval_tree (const TangentNode *tree,
           const double      *point)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentProgram) program = tangent_compile (tree, 0, &error);

  g_assert_no_error (error);
  return tangent_program_eval1 (program, NULL, point[0], point[1], point[2]);
}

static void
check_case (json_t *c,
            Report *report)
{
  const char *expr = json_string_value (json_object_get (c, "expr"));
  json_t *vars = json_object_get (c, "vars");
  json_t *points = json_object_get (c, "points");
  guint n = json_array_size (vars);
  g_autoptr(TangentDocument) doc = tangent_document_new ();
  g_autoptr(TangentProgram) ad = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func ((GDestroyNotify) tangent_node_free);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func ((GDestroyNotify) tangent_node_free);
  const TangentNode *tree;
  gsize k;
  json_t *point;

  report->id = json_string_value (json_object_get (c, "id"));

  tangent_document_append_row (doc, expr, strlen (expr));
  tangent_document_resolve (doc);
  tree = tangent_document_get_row_expr (doc, 0);
  if (tree == NULL)
    {
      const GError *row_error = tangent_document_get_row_error (doc, 0, NULL, NULL);

      g_test_message ("%s: %s does not parse: %s", report->id, expr, row_error->message);
      report->failures++;
      return;
    }

  /* The variables are x, y, z in that order in every case. */
  for (guint v = 0; v < n; v++)
    g_assert_cmpstr (json_string_value (json_array_get (vars, v)), ==, variable_names[v]);

  ad = tangent_compile_with_gradient (tree, 0, n, TRUE, &error);
  g_assert_no_error (error);

  /* Symbolic first and second partial derivatives. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) derive_error = NULL;
      TangentNode *d = tangent_derive (tree, i, &derive_error);

      g_assert_no_error (derive_error);
      g_ptr_array_add (first, d);
      for (guint j = 0; j < n; j++)
        {
          TangentNode *dd = tangent_derive (d, j, &derive_error);

          g_assert_no_error (derive_error);
          g_ptr_array_add (second, dd);
        }
    }

  json_array_foreach (points, k, point)
    {
      json_t *at = json_object_get (point, "at");
      double p[3] = { 0, 0, 0 };
      double outs[1 + 3 + 9];
      g_autofree char *where = json_dumps (at, JSON_COMPACT);

      for (guint v = 0; v < n; v++)
        p[v] = number_of (json_object_get (at, variable_names[v]));

      tangent_program_eval_point (ad, NULL, p, outs);

      check (report, "f (compiled)", where, eval_tree (tree, p),
             number_of (json_object_get (point, "f")));
      check (report, "f (AD)", where, outs[0], number_of (json_object_get (point, "f")));

      for (guint i = 0; i < n; i++)
        {
          double want = n == 1
            ? number_of (json_object_get (point, "df"))
            : number_of (json_array_get (json_object_get (point, "grad"), i));

          check (report, "first derivative (AD)", where, outs[1 + i], want);
          check (report, "first derivative (symbolic)", where,
                 eval_tree (g_ptr_array_index (first, i), p), want);

          for (guint j = 0; j < n; j++)
            {
              double want2 = n == 1
                ? number_of (json_object_get (point, "d2f"))
                : number_of (json_array_get (json_array_get (json_object_get (point, "hess"), i),
                                             j));

              check (report, "second derivative (AD)", where, outs[1 + n + i * n + j], want2);
              check (report, "second derivative (symbolic)", where,
                     eval_tree (g_ptr_array_index (second, i * n + j), p), want2);
            }
        }
    }
}

static void
test_calculus_sample (void)
{
  const char *dir = g_getenv ("TANGENT_SHARED_DATA");
  g_autofree char *path = NULL;
  json_error_t json_error;
  json_t *root, *cases, *c;
  Report report = { NULL, 0 };
  gsize i;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/data is not beside the source tree");
      return;
    }

  path = g_build_filename (dir, "calculus-sample.json", NULL);
  root = json_load_file (path, 0, &json_error);
  if (root == NULL)
    g_error ("%s:%d: %s", path, json_error.line, json_error.text);

  cases = json_object_get (root, "cases");
  g_assert_cmpuint (json_array_size (cases), >=, 60);

  json_array_foreach (cases, i, c)
    check_case (c, &report);

  json_decref (root);
  g_assert_cmpuint (report.failures, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/calculus-sample", test_calculus_sample);

  return g_test_run ();
}
