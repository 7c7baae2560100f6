/* test-render.c: tangent-cli render on every example, to PNG, SVG and
 * PDF, as a script sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected sizes come from the example's own view (read here with
 * jansson) and the unit rules of the contract: PNG and SVG in pixels
 * (PNG × dpi/96), PDF in points (× 72/96). Files are read back by cairo
 * (PNG), GMarkup (SVG) and pdfinfo (PDF).
 */

#include "config.h"

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "tangent-test-cli.h"

/* The examples the issue asks for; more may exist and are rendered too. */
static const char *const required_examples[] = {
  "himmelblau", "taylor-sin", "rosenbrock", "tan-asymptotes", "paraboloid", "gaussian-bump",
};

static const char *
examples_dir (void)
{
  const char *dir = g_getenv ("TANGENT_EXAMPLES");

  g_assert_nonnull (dir);
  return dir;
}

static json_t *
parse_json (const char *text)
{
  json_error_t error;
  json_t *root = json_loads (text, 0, &error);

  if (root == NULL)
    g_error ("not JSON (%s): %s", error.text, text);
  g_assert_true (json_is_object (root));
  return root;
}

static double
number_member (json_t     *object,
               const char *key,
               double      fallback)
{
  json_t *v = json_object_get (object, key);

  if (v == NULL)
    return fallback;
  g_assert_true (json_is_number (v));
  return json_number_value (v);
}

/* The view's size and resolution as the file gives them, with the
 * defaults of the format (1200 × 900, 96 dpi). */
static void
read_view_size (const char *path,
                double     *width,
                double     *height,
                double     *dpi)
{
  json_error_t error;
  json_t *root = json_load_file (path, 0, &error);
  json_t *view;

  g_assert_nonnull (root);
  view = json_object_get (root, "view");
  g_assert_true (json_is_object (view));
  *width = number_member (view, "width", 1200);
  *height = number_member (view, "height", 900);
  *dpi = number_member (view, "dpi", 96);
  json_decref (root);
}

/* The names of the session's further views. */
static GStrv
read_view_names (const char *path)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  json_error_t error;
  json_t *root = json_load_file (path, 0, &error);
  json_t *views, *view;
  gsize i;

  g_assert_nonnull (root);
  views = json_object_get (root, "views");
  json_array_foreach (views, i, view)
    g_strv_builder_add (names, json_string_value (json_object_get (view, "name")));
  json_decref (root);
  return g_strv_builder_end (names);
}

typedef struct
{
  guint paths, images, depth;
  char *width, *height;
} SvgInfo;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgInfo *info = user_data;

  if (info->depth++ == 0)
    {
      g_assert_cmpstr (element, ==, "svg");
      for (guint i = 0; names[i] != NULL; i++)
        {
          if (strcmp (names[i], "width") == 0)
            info->width = g_strdup (values[i]);
          else if (strcmp (names[i], "height") == 0)
            info->height = g_strdup (values[i]);
        }
    }
  info->paths += strcmp (element, "path") == 0;
  info->images += strcmp (element, "image") == 0;
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  ((SvgInfo *) user_data)->depth--;
}

static void
check_svg (const char *path,
           double      width,
           double      height)
{
  static const GMarkupParser parser = { svg_start, svg_end, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *want_w = g_strdup_printf ("%gpx", width);
  g_autofree char *want_h = g_strdup_printf ("%gpx", height);
  SvgInfo info = { 0 };
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  context = g_markup_parse_context_new (&parser, 0, &info, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, len, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info.width, ==, want_w);
  g_assert_cmpstr (info.height, ==, want_h);
  /* Vectors: many paths, and no raster image anywhere (filled contours
   * included). */
  g_assert_cmpuint (info.paths, >, 10);
  g_assert_cmpuint (info.images, ==, 0);
  g_free (info.width);
  g_free (info.height);
}

/* pdfinfo's "Page size:  W x H pts". */
static void
check_pdf (const char *path,
           double      width_pt,
           double      height_pt)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LC_ALL", "C", TRUE);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *p;
  char *end;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    {
      g_test_message ("pdfinfo (poppler-utils) is not installed: %s not opened", path);
      return;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  p = strstr (out, "Page size:");
  g_assert_nonnull (p);
  p += strlen ("Page size:");
  while (*p == ' ')
    p++;
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (p, &end), width_pt, 0.01);
  g_assert_true (g_str_has_prefix (end, " x "));
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (end + 3, NULL), height_pt, 0.01);
}

/* A PNG of the expected size that shows a picture: many colours inside,
 * and a border of pure background all round, so nothing was cut at the
 * figure's edge. */
static void
check_png (const char *path,
           int         width,
           int         height)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);
  const guint8 *data;
  int stride, border = MAX (2, width / 150);
  guint32 background;
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, height);

  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  background = *(const guint32 *) data;
  /* print style: an opaque white page */
  g_assert_cmphex (background, ==, 0xffffffff);

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + y * stride);

      for (int x = 0; x < width; x++)
        {
          if (x < border || y < border || x >= width - border || y >= height - border)
            {
              if (row[x] != background)
                g_error ("%s: pixel (%d, %d) at the edge is %08x, not background", path, x, y,
                         row[x]);
            }
          else if (g_hash_table_size (colours) < 64)
            g_hash_table_add (colours, GUINT_TO_POINTER (row[x]));
        }
    }
  g_test_message ("%s: %u colours", path, g_hash_table_size (colours));
  g_assert_cmpuint (g_hash_table_size (colours), >=, 16);
  cairo_surface_destroy (image);
}

static GPtrArray *
list_examples (void)
{
  g_autoptr(GDir) dir = g_dir_open (examples_dir (), 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".tangent"))
        g_ptr_array_add (names, g_strndup (name, strlen (name) - strlen (".tangent")));
    }
  return names;
}

static void
test_examples_present (void)
{
  g_autoptr(GPtrArray) names = list_examples ();

  for (guint i = 0; i < G_N_ELEMENTS (required_examples); i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < names->len; k++)
        found |= strcmp (g_ptr_array_index (names, k), required_examples[i]) == 0;
      if (!found)
        g_error ("data/examples/%s.tangent is missing", required_examples[i]);
    }
}

/* Each example to each format: exit 0, nothing on standard error (the
 * examples have no broken rows), the JSON of the contract, and a file
 * that decodes, parses or opens at that size. */
static void
test_examples_render (gconstpointer data)
{
  const char *name = data;
  g_autofree char *session = g_strdup_printf ("%s/%s.tangent", examples_dir (), name);
  g_autofree char *dir = tangent_test_temp_dir ("test-render");
  static const char *const formats[] = { "png", "svg", "pdf" };
  double width, height, dpi;

  read_view_size (session, &width, &height, &dpi);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *out = g_strdup_printf ("%s/%s.%s", dir, name, formats[f]);
      const char *args[] = { "render", session, "-o", out, "--json", NULL };
      TangentTestRun run = { 0 };
      json_t *root;
      double want_w = width, want_h = height;

      if (strcmp (formats[f], "png") == 0)
        {
          want_w = round (width * dpi / 96);
          want_h = round (height * dpi / 96);
        }
      else if (strcmp (formats[f], "pdf") == 0)
        {
          want_w = width * 72 / 96;
          want_h = height * 72 / 96;
        }

      tangent_test_run_cli (&run, args);
      if (run.status != 0 || run.err[0] != '\0')
        g_error ("%s to %s: status %d, stderr: %s", name, formats[f], run.status, run.err);

      root = parse_json (run.out);
      g_assert_cmpstr (json_string_value (json_object_get (root, "output")), ==, out);
      g_assert_cmpfloat (number_member (root, "width", -1), ==, want_w);
      g_assert_cmpfloat (number_member (root, "height", -1), ==, want_h);
      json_decref (root);

      if (strcmp (formats[f], "png") == 0)
        check_png (out, (int) want_w, (int) want_h);
      else if (strcmp (formats[f], "svg") == 0)
        check_svg (out, want_w, want_h);
      else
        check_pdf (out, want_w, want_h);
      tangent_test_run_clear (&run);
    }

  /* Every named view too, as PNG at the view's size. */
  {
    g_auto(GStrv) views = read_view_names (session);

    for (guint v = 0; views[v] != NULL; v++)
      {
        g_autofree char *out = g_strdup_printf ("%s/%s-%u.png", dir, name, v);
        const char *args[] = { "render", session, "--view", views[v], "-o", out, "--json", NULL };
        TangentTestRun run = { 0 };
        json_t *root;

        tangent_test_run_cli (&run, args);
        if (run.status != 0 || run.err[0] != '\0')
          g_error ("%s, view %s: status %d, stderr: %s", name, views[v], run.status, run.err);
        root = parse_json (run.out);
        check_png (out, (int) number_member (root, "width", -1),
                   (int) number_member (root, "height", -1));
        json_decref (root);
        tangent_test_run_clear (&run);
      }
  }

  tangent_test_remove_dir (dir);
}

/* --size and --dpi override the view: 300 × 200 at 192 dpi is a PNG of
 * 600 × 400 pixels; the SVG stays 300 × 200 px; the PDF is 225 × 150 pt. */
static void
test_size_and_dpi (void)
{
  g_autofree char *session = g_strdup_printf ("%s/gaussian-bump.tangent", examples_dir ());
  g_autofree char *dir = tangent_test_temp_dir ("test-render");
  g_autofree char *png = g_build_filename (dir, "small.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "small.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "small.pdf", NULL);
  const char *args_png[] = { "render", session, "-o", png, "--size", "300x200", "--dpi", "192",
                             "--json", NULL };
  const char *args_svg[] = { "render", session, "--size=300x200", "-o", svg, "--json", NULL };
  const char *args_pdf[] = { "render", "-o", pdf, session, "--size", "300x200", NULL };
  TangentTestRun run = { 0 };
  json_t *root;

  tangent_test_run_cli (&run, args_png);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  g_assert_cmpfloat (number_member (root, "width", -1), ==, 600);
  g_assert_cmpfloat (number_member (root, "height", -1), ==, 400);
  json_decref (root);
  check_png (png, 600, 400);
  tangent_test_run_clear (&run);

  tangent_test_run_cli (&run, args_svg);
  g_assert_cmpint (run.status, ==, 0);
  check_svg (svg, 300, 200);
  tangent_test_run_clear (&run);

  /* Without --json: one line that names the file and the size. */
  tangent_test_run_cli (&run, args_pdf);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "225 × 150 pt"));
  check_pdf (pdf, 225, 150);
  tangent_test_run_clear (&run);

  tangent_test_remove_dir (dir);
}

/* Mistakes in the command line are usage errors (2) and write nothing. */
static void
test_usage_errors (void)
{
  g_autofree char *session = g_strdup_printf ("%s/himmelblau.tangent", examples_dir ());
  g_autofree char *dir = tangent_test_temp_dir ("test-render");
  g_autofree char *png = g_build_filename (dir, "x.png", NULL);
  g_autofree char *jpg = g_build_filename (dir, "x.jpg", NULL);
  const char *cases[][8] = {
    { "render", NULL },
    { "render", session, NULL },
    { "render", session, "-o", jpg, NULL },
    { "render", session, "-o", png, "--size", "12x", NULL },
    { "render", session, "-o", png, "--size", "0x10", NULL },
    { "render", session, "-o", png, "--size", "99999x10", NULL },
    { "render", session, "-o", png, "--dpi", "nan", NULL },
    { "render", session, "-o", png, "--dpi", "5", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TangentTestRun run = { 0 };

      tangent_test_run_cli (&run, cases[i]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, !=, "");
      tangent_test_run_clear (&run);
    }
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (jpg, G_FILE_TEST_EXISTS));
  tangent_test_remove_dir (dir);
}

/* A session that cannot be read, or a view that does not exist: exit 1,
 * the message (as the contract's JSON error with --json), no file. */
static void
test_errors (void)
{
  g_autofree char *session = g_strdup_printf ("%s/himmelblau.tangent", examples_dir ());
  g_autofree char *truncated = g_build_filename (g_getenv ("TANGENT_SHARED_DATA"),
                                                 "hostile-files", "session-truncated.json",
                                                 NULL);
  g_autofree char *dir = tangent_test_temp_dir ("test-render");
  g_autofree char *png = g_build_filename (dir, "x.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such.tangent", NULL);
  g_autofree char *nodir = g_build_filename (dir, "no-such-dir", "x.png", NULL);
  struct { const char *args[8]; const char *says; } cases[] = {
    { { "render", missing, "-o", png, "--json", NULL }, "no-such.tangent" },
    { { "render", truncated, "-o", png, "--json", NULL }, "session-truncated.json" },
    { { "render", session, "-o", png, "--view", "nope", "--json", NULL }, "nope" },
    { { "render", session, "-o", nodir, "--json", NULL }, "no-such-dir" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TangentTestRun run = { 0 };
      json_t *root, *error;

      tangent_test_run_cli (&run, cases[i].args);
      g_assert_cmpint (run.status, ==, 1);
      root = parse_json (run.out);
      error = json_object_get (root, "error");
      g_assert_true (json_is_object (error));
      g_assert_nonnull (strstr (json_string_value (json_object_get (error, "message")),
                                cases[i].says));
      json_decref (root);
      tangent_test_run_clear (&run);
    }
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  /* Without --json the message goes to standard error. */
  {
    const char *args[] = { "render", session, "-o", png, "--view", "nope", NULL };
    TangentTestRun run = { 0 };

    tangent_test_run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "nope"));
    tangent_test_run_clear (&run);
  }
  tangent_test_remove_dir (dir);
}

/* A row with an error does not stop the figure: it is left out and named
 * on standard error, escaped, and listed in the JSON's warnings. */
static void
test_broken_rows (void)
{
  static const char session_text[] =
    "{ \"format\": \"tangent-session\", \"version\": 1,\n"
    "  \"formulas\": [ { \"text\": \"sin(x)\" },\n"
    "                  { \"text\": \"cos(x\\u001b[31m\" },\n"
    "                  { \"text\": \"g(x) + 1\" } ],\n"
    "  \"view\": { \"xmin\": -5, \"xmax\": 5, \"ymin\": -2, \"ymax\": 2,\n"
    "            \"width\": 400, \"height\": 300 } }\n";
  g_autofree char *dir = tangent_test_temp_dir ("test-render");
  g_autofree char *session = g_build_filename (dir, "broken.tangent", NULL);
  g_autofree char *png = g_build_filename (dir, "broken.png", NULL);
  const char *args[] = { "render", session, "-o", png, "--json", NULL };
  TangentTestRun run = { 0 };
  json_t *root, *warnings;

  g_assert_true (g_file_set_contents (session, session_text, -1, NULL));
  tangent_test_run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  /* The escape character is shown escaped, never sent to the terminal. */
  g_assert_null (strchr (run.err, '\x1b'));
  g_assert_nonnull (strstr (run.err, "cos(x"));
  g_assert_nonnull (strstr (run.err, "g(x) + 1"));
  root = parse_json (run.out);
  warnings = json_object_get (root, "warnings");
  g_assert_true (json_is_array (warnings));
  g_assert_cmpuint (json_array_size (warnings), ==, 2);
  json_decref (root);
  check_png (png, 400, 300);
  tangent_test_run_clear (&run);
  tangent_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) names = NULL;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/render/examples-present", test_examples_present);
  names = list_examples ();
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_strdup_printf ("/cli/render/example/%s", name);

      g_test_add_data_func (path, name, test_examples_render);
    }
  g_test_add_func ("/cli/render/size-and-dpi", test_size_and_dpi);
  g_test_add_func ("/cli/render/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/render/errors", test_errors);
  g_test_add_func ("/cli/render/broken-rows", test_broken_rows);

  return g_test_run ();
}
