/* test-lexer.c: tokens of the formula language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tangent-lexer.h"
#include "tangent-parser.h"

/* The kinds of all tokens of @text, as letters: a compact picture. */

/* Test messages go to TAP: escape whatever a case holds. */
static void
note (const char *text)
{
  g_autofree char *escaped = g_strescape (text, NULL);

  g_test_message ("%s", escaped);
}

static char *
kinds_of (const char *text,
          gsize       len,
          GError    **error)
{
  GString *out = g_string_new (NULL);
  TangentLexer lexer;
  TangentToken token;

  tangent_lexer_init (&lexer, text, len);
  for (;;)
    {
      if (!tangent_lexer_next (&lexer, &token, error))
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      if (token.kind == TANGENT_TOKEN_END)
        break;

      g_string_append_c (out, "$NWGPRS+-*/^(),=|'"[token.kind]);
    }

  return g_string_free (out, FALSE);
}

static const struct {
  const char *text;
  const char *kinds;
} kind_cases[] = {
  { "2x", "NW" },
  { "2 x", "NW" },
  { "sinx", "W" },
  { "a1 k_2 log10", "WWW" },
  { "2e", "NW" },
  { "2e-x", "NW-W" },
  { "2e+", "NW+" },
  { "1e-3", "N" },
  { "2E+5", "N" },
  { ".5+5.", "N+N" },
  { "x²", "WS" },
  { "x²³", "WS" },
  { "x⁻¹", "WS" },
  { "x\xe2\x88\x92" "1", "W-N" },             /* U+2212 */
  { "x\xe2\x80\x93" "1", "W-N" },             /* U+2013 */
  { "x\xe2\x80\x92" "1\xe2\x80\x94" "2", "W-N-N" },
  { "2\xc3\x97x\xc2\xb7y\xe2\x8b\x85z\xe2\x88\x99w", "N*W*W*W*W" },
  { "6\xc3\xb7" "3\xe2\x88\x95" "2", "N/N/N" },
  { "2\xcf\x80", "NP" },                      /* 2π */
  { "\xe2\x88\x9a" "x", "RW" },               /* √x */
  { "\xce\xbb\xce\xb1_1", "GG" },             /* λα_1 */
  { "x\xc2\xa0+\t1", "W+N" },                 /* NBSP, TAB */
  { "f'(x)=|x|,y", "W'(W)=|W|,W" },
  { "(1,5)", "(N,N)" },
  { "2^-x", "N^-W" },
};

static void
test_lexer_kinds (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *kinds = kinds_of (kind_cases[i].text, strlen (kind_cases[i].text), &error);

      note (kind_cases[i].text);
      g_assert_no_error (error);
      g_assert_cmpstr (kinds, ==, kind_cases[i].kinds);
    }
}

static const struct {
  const char *text;
  double      value;
  gboolean    is_integer;
  guint       end;
} number_cases[] = {
  { "3", 3, TRUE, 1 },
  { "2.5", 2.5, FALSE, 3 },
  { ".5", 0.5, FALSE, 2 },
  { "5.", 5, FALSE, 2 },
  { "1e-3", 1e-3, FALSE, 4 },
  { "2E+5", 2e5, FALSE, 4 },
  { "2e", 2, TRUE, 1 },
  { "2ex", 2, TRUE, 1 },
  { "2e-x", 2, TRUE, 1 },
  { "007", 7, TRUE, 3 },
  { "0e999999", 0, FALSE, 8 },
  { "2.2250738585072011e-308", 2.2250738585072011e-308, FALSE, 23 },
  { "4.9e-324", 4.9e-324, FALSE, 8 },                /* subnormal: accepted */
  { "1.7976931348623157e308", 1.7976931348623157e308, FALSE, 22 },
};

static void
test_lexer_numbers (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      TangentLexer lexer;
      TangentToken token;

      note (number_cases[i].text);
      tangent_lexer_init (&lexer, number_cases[i].text, strlen (number_cases[i].text));
      g_assert_true (tangent_lexer_next (&lexer, &token, &error));
      g_assert_no_error (error);
      g_assert_cmpint (token.kind, ==, TANGENT_TOKEN_NUMBER);
      g_assert_cmpfloat (token.number, ==, number_cases[i].value);
      g_assert_cmpint (token.is_integer, ==, number_cases[i].is_integer);
      g_assert_cmpuint (token.start, ==, 0);
      g_assert_cmpuint (token.end, ==, number_cases[i].end);
    }
}

static void
test_lexer_superscripts (void)
{
  static const struct {
    const char *text;
    double      value;
    gboolean    negative;
  } cases[] = {
    { "²", 2, FALSE },
    { "²³", 23, FALSE },
    { "⁻¹", 1, TRUE },
    { "⁰¹²³⁴⁵⁶⁷⁸⁹", 123456789, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      TangentLexer lexer;
      TangentToken token;

      tangent_lexer_init (&lexer, cases[i].text, strlen (cases[i].text));
      g_assert_true (tangent_lexer_next (&lexer, &token, &error));
      g_assert_no_error (error);
      g_assert_cmpint (token.kind, ==, TANGENT_TOKEN_SUPERSCRIPT);
      g_assert_cmpfloat (token.number, ==, cases[i].value);
      g_assert_cmpint (token.negative, ==, cases[i].negative);
      g_assert_cmpuint (token.end, ==, strlen (cases[i].text));
    }
}

static void
test_lexer_words (void)
{
  static const struct {
    const char *text;
    guint       letters_end, sub_start, end;
    gboolean    underscore;
  } cases[] = {
    { "a", 1, 1, 1, FALSE },
    { "a1", 1, 1, 2, FALSE },
    { "k_2", 1, 2, 3, TRUE },
    { "log10", 3, 3, 5, FALSE },
    { "sinx", 4, 4, 4, FALSE },
    { "a12b", 1, 1, 3, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      TangentLexer lexer;
      TangentToken token;

      tangent_lexer_init (&lexer, cases[i].text, strlen (cases[i].text));
      g_assert_true (tangent_lexer_next (&lexer, &token, &error));
      g_assert_no_error (error);
      g_assert_cmpint (token.kind, ==, TANGENT_TOKEN_WORD);
      g_assert_cmpuint (token.letters_end, ==, cases[i].letters_end);
      g_assert_cmpuint (token.sub_start, ==, cases[i].sub_start);
      g_assert_cmpuint (token.end, ==, cases[i].end);
      g_assert_cmpint (token.sub_underscore, ==, cases[i].underscore);
    }
}

/* Errors: code, span, and a message with nothing raw in it. */
static const struct {
  const char *text;
  gsize       len;           /* 0: strlen */
  int         code;
  guint       start, end;
  const char *in_message;
} error_cases[] = {
  { "1e999", 0, TANGENT_PARSE_ERROR_BAD_NUMBER, 0, 5, "too large" },
  { "1e-999", 0, TANGENT_PARSE_ERROR_BAD_NUMBER, 0, 6, "too small" },
  { "1e99999999999999999999", 0, TANGENT_PARSE_ERROR_BAD_NUMBER, 0, 22, "too large" },
  { "1.7976931348623159e308", 0, TANGENT_PARSE_ERROR_BAD_NUMBER, 0, 22, "too large" },
  { "2.5.3", 0, TANGENT_PARSE_ERROR_BAD_NUMBER, 3, 4, "decimal point" },
  { "0x10", 0, TANGENT_PARSE_ERROR_BAD_NUMBER, 0, 3, "Hexadecimal" },
  { "0x1p3", 0, TANGENT_PARSE_ERROR_BAD_NUMBER, 0, 3, "Hexadecimal" },
  { "1_000", 0, TANGENT_PARSE_ERROR_BAD_NUMBER, 0, 2, "1000" },
  { "k_", 0, TANGENT_PARSE_ERROR_SYNTAX, 1, 2, "k_2" },
  { "_", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 1, "k_2" },
  { ".", 0, TANGENT_PARSE_ERROR_BAD_NUMBER, 0, 1, "0.5" },
  { "⁻", 0, TANGENT_PARSE_ERROR_SYNTAX, 0, 3, "superscript" },
  { "x\n", 0, TANGENT_PARSE_ERROR_MULTIPLE_LINES, 1, 2, "one line" },
  { "x\r", 0, TANGENT_PARSE_ERROR_MULTIPLE_LINES, 1, 2, "U+000D" },
  { "x\0", 2, TANGENT_PARSE_ERROR_BAD_CHARACTER, 1, 2, "U+0000" },
  { "\x07", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 1, "U+0007" },
  { "\x7f", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 1, "U+007F" },
  { "\xff", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 1, "0xFF" },
  { "\xc0\x80", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 1, "0xC0" },       /* overlong NUL */
  { "\xed\xa0\x80", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 1, "0xED" },   /* surrogate */
  { "\xf4\x90\x80\x80", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 1, "0xF4" },
  { "\xe2\x88", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 1, "0xE2" },       /* truncated */
  { "\xef\xbc\x92", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 3, "U+FF12" }, /* ２ */
  { "\xf0\x9d\x91\xa5", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 4, "U+1D465" }, /* 𝑥 */
  { "\xd0\xb0", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 2, "U+0430" },     /* Cyrillic а */
  { "\xe2\x80\x8b", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 3, "U+200B" }, /* zero width */
  { "\xe2\x80\xae", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 3, "U+202E" }, /* RLO */
  { "\xef\xbb\xbf", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 3, "U+FEFF" }, /* BOM */
  { "\xf0\x9f\x98\x80", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 4, "U+1F600" }, /* emoji */
  { "\xcc\x81", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 2, "U+0301" },     /* combining */
  { "\xe2\x88\x9e", 0, TANGENT_PARSE_ERROR_BAD_NUMBER, 0, 3, "U+221E" },    /* ∞ */
  { "\xe2\x80\x89", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 3, "U+2009" }, /* thin space */
  { "<", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 1, "U+003C" },
  { "&", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 1, "U+0026" },
  { "[", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 1, "grouping" },
  { "%", 0, TANGENT_PARSE_ERROR_BAD_CHARACTER, 0, 1, "“%”" },
};

static void
assert_safe_message (const char *message)
{
  g_assert_true (g_utf8_validate (message, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (message, -1), <=, 200);
  for (const char *s = message; *s; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      g_assert_true (c >= 0x20 && c != 0x7f && c != '<' && c != '>' && c != '&');
      g_assert_false (c >= 0x200B && c <= 0x200F);
      g_assert_false (c >= 0x202A && c <= 0x202E);
      g_assert_false (c >= 0x2066 && c <= 0x2069);
      g_assert_false (c == 0xFEFF);
      g_assert_false (g_unichar_ismark (c));
    }
}

static void
test_lexer_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      const char *text = error_cases[i].text;
      gsize len = error_cases[i].len ? error_cases[i].len : strlen (text);
      TangentLexer lexer;
      TangentToken token;
      gboolean ok = TRUE;

      g_test_message ("case %u", i);
      tangent_lexer_init (&lexer, text, len);
      while (ok)
        {
          ok = tangent_lexer_next (&lexer, &token, &error);
          if (ok && token.kind == TANGENT_TOKEN_END)
            break;
        }

      g_assert_false (ok);
      g_assert_error (error, TANGENT_PARSE_ERROR, error_cases[i].code);
      g_assert_cmpuint (token.start, ==, error_cases[i].start);
      g_assert_cmpuint (token.end, ==, error_cases[i].end);
      g_assert_nonnull (strstr (error->message, error_cases[i].in_message));
      assert_safe_message (error->message);
    }
}

static void
test_lexer_columns (void)
{
  const char *text = "λ+\xff+x";

  g_assert_cmpuint (tangent_lexer_column (text, strlen (text), 0), ==, 1);
  g_assert_cmpuint (tangent_lexer_column (text, strlen (text), 2), ==, 2);
  g_assert_cmpuint (tangent_lexer_column (text, strlen (text), 4), ==, 4);
  g_assert_cmpuint (tangent_lexer_column (text, strlen (text), 6), ==, 6);
}

static void
test_lexer_excerpt (void)
{
  g_autofree char *a = tangent_lexer_dup_excerpt ("<\x01\xff" "λ²&", 8, 0, 8);
  g_autofree char *b = tangent_lexer_dup_excerpt ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 40, 0, 40);

  g_assert_cmpstr (a, ==, "U+003CU+0001\\xFFλ²U+0026");
  g_assert_cmpuint (g_utf8_strlen (b, -1), ==, 25);
  g_assert_true (g_str_has_suffix (b, "…"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/lexer/kinds", test_lexer_kinds);
  g_test_add_func ("/core/lexer/numbers", test_lexer_numbers);
  g_test_add_func ("/core/lexer/superscripts", test_lexer_superscripts);
  g_test_add_func ("/core/lexer/words", test_lexer_words);
  g_test_add_func ("/core/lexer/errors", test_lexer_errors);
  g_test_add_func ("/core/lexer/columns", test_lexer_columns);
  g_test_add_func ("/core/lexer/excerpt", test_lexer_excerpt);

  return g_test_run ();
}
