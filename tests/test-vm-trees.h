/* test-vm-trees.h: small tree constructors for the compiled-evaluation
 * tests, and the benchmark expressions E1–E6 (shared CLI.md) built by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tangent-ast.h"

static inline TangentNode *T_X (void) { return tangent_node_new_variable (TANGENT_VARIABLE_X); }
static inline TangentNode *T_Y (void) { return tangent_node_new_variable (TANGENT_VARIABLE_Y); }
static inline TangentNode *T_Z (void) { return tangent_node_new_variable (TANGENT_VARIABLE_Z); }
static inline TangentNode *T_N (double v) { return tangent_node_new_number (v); }
static inline TangentNode *T_P (const char *name, int slot) { return tangent_node_new_parameter (name, slot); }
static inline TangentNode *T_NEG (TangentNode *a) { return tangent_node_new_neg (a); }
static inline TangentNode *T_ADD (TangentNode *a, TangentNode *b) { return tangent_node_new_binary_sum (a, FALSE, b); }
static inline TangentNode *T_SUB (TangentNode *a, TangentNode *b) { return tangent_node_new_binary_sum (a, TRUE, b); }
static inline TangentNode *T_MUL (TangentNode *a, TangentNode *b) { return tangent_node_new_binary_product (a, FALSE, b); }
static inline TangentNode *T_DIV (TangentNode *a, TangentNode *b) { return tangent_node_new_binary_product (a, TRUE, b); }
static inline TangentNode *T_POW (TangentNode *a, TangentNode *b) { return tangent_node_new_pow (a, b); }
static inline TangentNode *T_SQ (TangentNode *a) { return tangent_node_new_pow (a, tangent_node_new_number (2)); }
static inline TangentNode *T_F1 (TangentBuiltin fn, TangentNode *a) { return tangent_node_new_call1 (fn, a); }

static inline TangentNode *
T_F2 (TangentBuiltin  fn,
      TangentNode    *a,
      TangentNode    *b)
{
  TangentNode *args[2] = { a, b };

  return tangent_node_new_call (fn, 2, args);
}

static inline TangentNode *
T_ROOT (TangentNode *a,
        gint64       p,
        gint64       q)
{
  return tangent_node_new_odd_root_pow (a, T_DIV (T_N (p), T_N (q)), p, q);
}

/* a0 ± a1 ± a2 … with three terms, as the parser makes flat chains. */
static inline TangentNode *
T_SUM3 (TangentNode *a,
        gboolean     sub1,
        TangentNode *b,
        gboolean     sub2,
        TangentNode *c)
{
  TangentNode *terms[3] = { a, b, c };
  gboolean negate[3] = { FALSE, sub1, sub2 };

  return tangent_node_new_sum (3, terms, negate);
}

/* E1–E6 of the benchmark, as the parser reads them. */
static inline TangentNode *
test_bench_tree (guint i)
{
  switch (i)
    {
    case 0: /* x^2 + y^2 */
      return T_ADD (T_SQ (T_X ()), T_SQ (T_Y ()));
    case 1: /* sin(x)*cos(y) */
      return T_MUL (T_F1 (TANGENT_BUILTIN_SIN, T_X ()), T_F1 (TANGENT_BUILTIN_COS, T_Y ()));
    case 2: /* exp(-(x^2+y^2))*(x - y) */
      return T_MUL (T_F1 (TANGENT_BUILTIN_EXP, T_NEG (T_ADD (T_SQ (T_X ()), T_SQ (T_Y ())))),
                    T_SUB (T_X (), T_Y ()));
    case 3: /* (1 - x)^2 + 100*(y - x^2)^2 */
      return T_ADD (T_SQ (T_SUB (T_N (1), T_X ())),
                    T_MUL (T_N (100), T_SQ (T_SUB (T_Y (), T_SQ (T_X ())))));
    case 4: /* (x^2 + y - 11)^2 + (x + y^2 - 7)^2 */
      return T_ADD (T_SQ (T_SUM3 (T_SQ (T_X ()), FALSE, T_Y (), TRUE, T_N (11))),
                    T_SQ (T_SUM3 (T_X (), FALSE, T_SQ (T_Y ()), TRUE, T_N (7))));
    case 5: /* log(1 + x^2 + y^2)*atan(y/(1 + x^2)) + sqrt(abs(x*y)) + tanh(x - y) */
      return T_SUM3 (T_MUL (T_F1 (TANGENT_BUILTIN_LN, T_SUM3 (T_N (1), FALSE, T_SQ (T_X ()), FALSE, T_SQ (T_Y ()))),
                            T_F1 (TANGENT_BUILTIN_ATAN, T_DIV (T_Y (), T_ADD (T_N (1), T_SQ (T_X ()))))),
                     FALSE,
                     T_F1 (TANGENT_BUILTIN_SQRT, T_F1 (TANGENT_BUILTIN_ABS, T_MUL (T_X (), T_Y ()))),
                     FALSE,
                     T_F1 (TANGENT_BUILTIN_TANH, T_SUB (T_X (), T_Y ())));
    default:
      g_assert_not_reached ();
    }
}
