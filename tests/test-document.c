/* test-document.c: rows resolved together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tangent-compile.h"
#include "tangent-document.h"
#include "tangent-vm.h"

#define ROW_BREAK "\n"

/* Makes a document of the rows in @rows, separated by newlines. */
static TangentDocument *
document_from (const char *rows)
{
  TangentDocument *doc = tangent_document_new ();
  g_auto(GStrv) lines = g_strsplit (rows, ROW_BREAK, -1);

  for (guint i = 0; lines[i] != NULL; i++)
    tangent_document_append_row (doc, lines[i], strlen (lines[i]));
  tangent_document_resolve (doc);

  return doc;
}

static double
eval_row (TangentDocument *doc,
          guint            row,
          double           x,
          double           y)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TangentProgram) program = NULL;
  const TangentNode *expr = tangent_document_get_row_expr (doc, row);

  g_assert_nonnull (expr);
  program = tangent_compile (expr, tangent_document_get_n_parameters (doc), &error);
  g_assert_no_error (error);

  return tangent_program_eval1 (program, tangent_document_get_parameter_values (doc), x, y, 0);
}

static void
assert_row_ok (TangentDocument *doc,
               guint            row)
{
  const GError *error = tangent_document_get_row_error (doc, row, NULL, NULL);

  if (error != NULL)
    g_error ("row %u: %s", row + 1, error->message);
}

static void
assert_row_error (TangentDocument *doc,
                  guint            row,
                  int              code)
{
  const GError *error = tangent_document_get_row_error (doc, row, NULL, NULL);

  g_assert_nonnull (error);
  if (code >= 0)
    g_assert_error ((GError *) error, TANGENT_DOCUMENT_ERROR, code);
}

/* Worked by hand: g(3) = f(3) + 1 = 9 + 1; the rows come in any order. */
static void
test_document_functions (void)
{
  g_autoptr(TangentDocument) a = document_from ("f(x) = x^2\ng(x) = f(x) + 1\ng(3)");
  g_autoptr(TangentDocument) b = document_from ("g(3)\ng(x) = f(x) + 1\nf(x) = x^2");
  g_autoptr(TangentDocument) c = document_from ("f(x, y) = x^2 + y^2\nf(x, y)");

  for (guint i = 0; i < 3; i++)
    {
      assert_row_ok (a, i);
      assert_row_ok (b, i);
    }
  g_assert_cmpfloat (eval_row (a, 2, 0, 0), ==, 10);
  g_assert_cmpfloat (eval_row (b, 0, 0, 0), ==, 10);
  g_assert_cmpint (tangent_document_get_row_kind (a, 0), ==, TANGENT_ROW_FUNCTION);
  g_assert_cmpint (tangent_document_get_row_kind (a, 2), ==, TANGENT_ROW_EXPRESSION);

  /* 0.5² + 1.25² = 0.25 + 1.5625 */
  assert_row_ok (c, 1);
  g_assert_cmpfloat (eval_row (c, 1, 0.5, -1.25), ==, 1.8125);
}

/* An argument named like a parameter shadows it: f(3) = 3² whatever a is. */
static void
test_document_shadowing (void)
{
  g_autoptr(TangentDocument) doc = document_from ("a = 2\nf(a) = a^2\nf(3)");

  assert_row_ok (doc, 2);
  g_assert_cmpfloat (eval_row (doc, 2, 0, 0), ==, 9);
}

static void
test_document_parameters (void)
{
  g_autoptr(TangentDocument) doc = document_from ("b = 3a\na = 2\nb x");
  int a, b;

  for (guint i = 0; i < 3; i++)
    assert_row_ok (doc, i);

  a = tangent_document_lookup_parameter (doc, "a");
  b = tangent_document_lookup_parameter (doc, "b");
  g_assert_cmpint (a, >=, 0);
  g_assert_cmpint (b, >=, 0);
  g_assert_cmpfloat (tangent_document_get_parameter_value (doc, a), ==, 2);
  g_assert_cmpfloat (tangent_document_get_parameter_value (doc, b), ==, 6);
  g_assert_cmpfloat (eval_row (doc, 2, 0.5, 0), ==, 3);

  /* A slider moves a; b = 3a follows, and nothing is recompiled. */
  tangent_document_set_parameter_value (doc, a, 5);
  g_assert_cmpfloat (tangent_document_get_parameter_value (doc, b), ==, 15);
  g_assert_cmpfloat (eval_row (doc, 2, 0.5, 0), ==, 7.5);
}

static void
test_document_not_finite (void)
{
  g_autoptr(TangentDocument) doc = document_from ("a = sqrt(-1)\nb = 1/0\nc = 1");

  assert_row_error (doc, 0, TANGENT_DOCUMENT_ERROR_NOT_FINITE);
  assert_row_error (doc, 1, TANGENT_DOCUMENT_ERROR_NOT_FINITE);
  assert_row_ok (doc, 2);
}

/* Each row of a cycle says so and names it; rows outside it still work. */
static void
test_document_cycles (void)
{
  g_autoptr(TangentDocument) self_ref = document_from ("f(x) = 2f(x)\nx + 1");
  g_autoptr(TangentDocument) pair = document_from ("f(x) = g(x)\ng(x) = f(x)\nx + 1");
  g_autoptr(TangentDocument) params = document_from ("a = b\nb = a");
  g_autoptr(TangentDocument) mixed = document_from ("a = f(1)\nf(x) = a*x");
  const GError *error;

  assert_row_error (self_ref, 0, TANGENT_DOCUMENT_ERROR_CYCLE);
  assert_row_ok (self_ref, 1);
  g_assert_cmpfloat (eval_row (self_ref, 1, 2, 0), ==, 3);

  assert_row_error (pair, 0, TANGENT_DOCUMENT_ERROR_CYCLE);
  assert_row_error (pair, 1, TANGENT_DOCUMENT_ERROR_CYCLE);
  assert_row_ok (pair, 2);
  error = tangent_document_get_row_error (pair, 0, NULL, NULL);
  g_assert_true (strstr (error->message, "f → g → f") != NULL
                 || strstr (error->message, "g → f → g") != NULL);

  assert_row_error (params, 0, TANGENT_DOCUMENT_ERROR_CYCLE);
  assert_row_error (params, 1, TANGENT_DOCUMENT_ERROR_CYCLE);
  assert_row_error (mixed, 0, TANGENT_DOCUMENT_ERROR_CYCLE);
  assert_row_error (mixed, 1, TANGENT_DOCUMENT_ERROR_CYCLE);
}

static void
test_document_duplicates (void)
{
  g_autoptr(TangentDocument) doc = document_from ("a = 1\na = 2\nx + 1");
  g_autoptr(TangentDocument) kinds = document_from ("a = 2\na(x) = x");
  const GError *error;

  assert_row_error (doc, 0, TANGENT_DOCUMENT_ERROR_DUPLICATE);
  assert_row_error (doc, 1, TANGENT_DOCUMENT_ERROR_DUPLICATE);
  assert_row_ok (doc, 2);
  error = tangent_document_get_row_error (doc, 0, NULL, NULL);
  g_assert_nonnull (strstr (error->message, "rows 1 and 2"));

  assert_row_error (kinds, 0, TANGENT_DOCUMENT_ERROR_DUPLICATE);
  assert_row_error (kinds, 1, TANGENT_DOCUMENT_ERROR_DUPLICATE);
}

/* A row that uses a broken definition is an error pointing at the use. */
static void
test_document_dependency (void)
{
  g_autoptr(TangentDocument) doc = document_from ("f(x) = 1/\ng(x) = 2 + f(x)\nx");
  guint start, end;

  assert_row_error (doc, 0, -1);
  assert_row_error (doc, 1, TANGENT_DOCUMENT_ERROR_DEPENDENCY);
  tangent_document_get_row_error (doc, 1, &start, &end);
  g_assert_cmpuint (start, ==, 11);
  g_assert_cmpuint (end, ==, 15);
  assert_row_ok (doc, 2);
}

static void
test_document_undefined (void)
{
  g_autoptr(TangentDocument) doc = document_from ("f(x) = q(x)\ng(x) = a x\nb x");

  g_autoptr(TangentDocument) free = tangent_document_new ();

  /* Every name a row uses must be defined somewhere. */
  assert_row_error (doc, 0, -1);
  assert_row_error (doc, 1, TANGENT_DOCUMENT_ERROR_UNDEFINED);
  assert_row_error (doc, 2, TANGENT_DOCUMENT_ERROR_UNDEFINED);

  /* … or allowed from outside, as tangent-cli --param does. */
  tangent_document_add_free_parameter (free, "b");
  tangent_document_append_row (free, "b x", 3);
  tangent_document_resolve (free);
  assert_row_ok (free, 0);
  g_assert_false (tangent_document_parameter_has_value (free,
                                                         tangent_document_lookup_parameter (free, "b")));
  tangent_document_set_parameter_value (free, tangent_document_lookup_parameter (free, "b"), 4);
  g_assert_cmpfloat (eval_row (free, 0, 0.5, 0), ==, 2);
}

/* Each definition calls the one before twice: 2^40 copies if inlined
 * naively. The document refuses it quickly instead of running out of
 * memory. */
static void
test_document_expansion_limit (void)
{
  g_autoptr(GString) rows = g_string_new ("f_0(x) = x");
  g_autoptr(TangentDocument) doc = NULL;
  const char *names[] = { "f_0", "f_1", "f_2", "f_3", "f_4", "f_5", "f_6", "f_7", "f_8", "f_9",
                          "g_0", "g_1", "g_2", "g_3", "g_4", "g_5", "g_6", "g_7", "g_8", "g_9",
                          "h_0", "h_1", "h_2", "h_3", "h_4", "h_5", "h_6", "h_7", "h_8", "h_9",
                          "k_0", "k_1", "k_2", "k_3", "k_4", "k_5", "k_6", "k_7", "k_8", "k_9" };

  for (guint i = 1; i < G_N_ELEMENTS (names); i++)
    g_string_append_printf (rows, "\n%s(x) = %s(x) + %s(x)", names[i], names[i - 1], names[i - 1]);
  g_string_append_printf (rows, "\n%s(1)", names[G_N_ELEMENTS (names) - 1]);

  doc = document_from (rows->str);
  assert_row_ok (doc, 0);
  assert_row_ok (doc, 5);
  g_assert_cmpfloat (eval_row (doc, 5, 1, 0), ==, 32);
  assert_row_error (doc, G_N_ELEMENTS (names), -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/document/functions", test_document_functions);
  g_test_add_func ("/core/document/shadowing", test_document_shadowing);
  g_test_add_func ("/core/document/parameters", test_document_parameters);
  g_test_add_func ("/core/document/not-finite", test_document_not_finite);
  g_test_add_func ("/core/document/cycles", test_document_cycles);
  g_test_add_func ("/core/document/duplicates", test_document_duplicates);
  g_test_add_func ("/core/document/dependency", test_document_dependency);
  g_test_add_func ("/core/document/undefined", test_document_undefined);
  g_test_add_func ("/core/document/expansion-limit", test_document_expansion_limit);

  return g_test_run ();
}
