/* test-cli.c: common-ground-cli as a user runs it
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run *run,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("CG_CLI");
  const char *arg;
  va_list args;
  int wait_status;

  g_assert_nonnull (cli);
  /* The test's own private data and cache folders, for the child too. */
  g_setenv ("XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_setenv ("XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
test_list_countries (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "common-ground", "policies.db",
                                          NULL);
  g_auto(GStrv) lines = NULL;

  run_cli (&run, "list", "countries", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "FR\tFrance\t"));
  lines = g_strsplit (g_strstrip (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 5);
  /* The default database was created and filled on first use. */
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
}

static void
test_matrix_csv (void)
{
  g_auto(Run) run = { 0, };
  g_auto(GStrv) lines = NULL;
  guint n;

  run_cli (&run, "matrix", "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (g_strstrip (run.out), "\n", -1);
  n = g_strv_length (lines) - 1;
  g_assert_cmpuint (n, >=, 5);
  g_assert_true (g_str_has_prefix (lines[0], "country,"));

  for (guint i = 1; i <= n; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, n + 1);
      g_assert_cmpstr (fields[i], ==, "0");
      for (guint j = 1; j <= n; j++)
        {
          if (g_str_equal (fields[j], "NA"))
            continue;
          g_assert_cmpfloat (g_ascii_strtod (fields[j], NULL), >=, 0);
          g_assert_cmpfloat (g_ascii_strtod (fields[j], NULL), <=, 1);
        }
    }
}

static void
test_matrix_json (void)
{
  g_auto(Run) run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  run_cli (&run, "matrix", "--countries", "fr,GB", "--as-of", "2025-01-01", "--format", "json",
           NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "as_of"), ==, "2025-01-01");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "countries")),
                    ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "divergence")),
                    ==, 2);
}

static void
test_matrix_spreadsheet (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", "gower", "n40_m6_ties",
                                                 "dataset.csv", NULL);
  g_autofree char *codebook = g_test_build_filename (G_TEST_DIST, "data", "gower",
                                                     "n40_m6_ties", "dataset.codebook.csv",
                                                     NULL);
  g_autofree char *r_dissim = g_test_build_filename (G_TEST_DIST, "data", "gower", "n40_m6_ties",
                                                     "r_dissim.csv", NULL);
  g_autofree char *r_merge = g_test_build_filename (G_TEST_DIST, "data", "gower", "n40_m6_ties",
                                                    "r_merge.csv", NULL);
  g_autofree char *tree = g_build_filename (g_get_user_cache_dir (), "tree.csv", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *expected_tree = NULL;
  g_autofree char *got_tree = NULL;

  run_cli (&run, "matrix", "--data", data, "--codebook", codebook, "--range", "observed",
           "--tree", tree, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* Byte for byte the file R wrote. */
  g_assert_true (g_file_get_contents (r_dissim, &expected, NULL, NULL));
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_true (g_file_get_contents (r_merge, &expected_tree, NULL, NULL));
  g_assert_true (g_file_get_contents (tree, &got_tree, NULL, NULL));
  g_assert_cmpstr (got_tree, ==, expected_tree);
}

static void
test_chart_formats (void)
{
  const char *extensions[] = { "png", "svg", "pdf" };
  const char *magic[] = { "\x89PNG", "<?xml", "%PDF" };

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_auto(Run) run = { 0, };
      g_auto(Run) again = { 0, };
      g_autofree char *name = g_strdup_printf ("heatmap.%s", extensions[i]);
      g_autofree char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);
      g_autofree char *contents = NULL;

      run_cli (&run, "chart", "heatmap", "-o", path, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, magic[i]));

      /* Not replaced unless asked. */
      run_cli (&again, "chart", "heatmap", "-o", path, NULL);
      g_assert_cmpint (again.status, ==, 1);
      g_assert_nonnull (strstr (again.err, "already exists"));
    }
}

static void
test_import_malformed (void)
{
  g_auto(Run) before = { 0, };
  g_auto(Run) import = { 0, };
  g_auto(Run) after = { 0, };
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "..", "data", "policies",
                                                 "profiles", "GB.xml", NULL);
  g_autofree char *bad = g_build_filename (g_get_user_cache_dir (), "KE.xml", NULL);

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_assert_true (g_file_set_contents (bad,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<profile code=\"KE\" kind=\"country\" framework=\"ott\" framework-version=\"2\"\n"
    "         reviewed=\"2026-11-28\">\n"
    "  <value indicator=\"privacy.law\" value=\"comprehensive\" confidence=\"high\">\n"
    "</profile>\n", -1, NULL));

  run_cli (&before, "matrix", NULL);
  g_assert_cmpint (before.status, ==, 0);

  run_cli (&import, "import", good, bad, NULL);
  g_assert_cmpint (import.status, ==, 1);
  if (!g_pattern_match_simple ("*KE.xml:5:11: Opening and ending tag mismatch: value line 4 and profile*", import.err))
    g_error ("unexpected message: %s", import.err);
  g_assert_nonnull (strstr (import.err, "Nothing was imported"));

  /* Not even the good file went in: the database is as it was. */
  run_cli (&after, "matrix", NULL);
  g_assert_cmpstr (before.out, ==, after.out);
}

static void
test_usage_errors (void)
{
  static const struct { const char *args[4]; int status; const char *message; } cases[] = {
    { { "frobnicate", NULL }, 2, "*unknown command “frobnicate”*" },
    { { "matrix", "--range", "bogus", NULL }, 2, "*--range takes*" },
    { { "matrix", "--as-of", "2026-13-01", NULL }, 2, "*not a date*" },
    { { "chart", "heatmap", "-o", "out.gif" }, 2, "*must end in .png, .svg or .pdf*" },
    { { "chart", "radar", "FR", "--output=out.png" }, 2, "*radar with two to six countries*" },
    { { "chart", "radar", "FR", "XX" }, 2, "*-o FILE*" },
    { { "chart", "heatmap", "--style=neon", "--output=out.png" }, 2,
      "*Unknown chart style “neon”; the styles are light, dark, high-contrast, print*" },
    { { "matrix", "--countries", "FR,XX", NULL }, 1, "*“XX” has a profile*" },
    { { "list", NULL }, 2, "*countries, indicators, groups*" },
    { { "matrix", "--group", "NOPE", NULL }, 1, "*no group “NOPE”*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0, };

      run_cli (&run, cases[i].args[0], cases[i].args[1], cases[i].args[2], cases[i].args[3],
               NULL);
      g_assert_cmpint (run.status, ==, cases[i].status);
      if (!g_pattern_match_simple (cases[i].message, run.err))
        g_error ("case %u: unexpected message: %s", i, run.err);
    }
}

static void
test_lists_search_export (void)
{
  g_auto(Run) groups = { 0, };
  g_auto(Run) changes = { 0, };
  g_auto(Run) search = { 0, };
  g_auto(Run) export = { 0, };
  g_auto(Run) validate = { 0, };
  g_auto(Run) group_matrix = { 0, };
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "TR.xml", NULL);

  run_cli (&groups, "list", "groups", NULL);
  g_assert_cmpint (groups.status, ==, 0);
  g_assert_nonnull (strstr (groups.out, "EU\tpolitical\tEuropean Union\t27\n"));

  run_cli (&changes, "list", "changes", "tr", "--from", "2025-01-01", NULL);
  g_assert_cmpint (changes.status, ==, 0);
  g_assert_cmpstr (changes.out, ==,
                   "2026-01-01\ttaxation.dst_rate\t7.5\t5\n"
                   "2027-01-01\ttaxation.dst_rate\t5\t2.5\n");

  run_cli (&search, "search", "digital", "services", "tax", NULL);
  g_assert_cmpint (search.status, ==, 0);
  g_assert_nonnull (strstr (search.out, "taxation.dst_rate"));

  run_cli (&export, "export", "TR", "-o", path, NULL);
  g_assert_cmpint (export.status, ==, 0);
  run_cli (&validate, "validate", path, NULL);
  g_assert_cmpint (validate.status, ==, 0);

  run_cli (&group_matrix, "matrix", "--group", "EU", "--format", "csv", NULL);
  g_assert_cmpint (group_matrix.status, ==, 0);
  g_assert_true (g_str_has_prefix (group_matrix.out, "country,"));
  g_assert_nonnull (strstr (group_matrix.out, "FR"));
  g_assert_null (strstr (group_matrix.out, "GB"));
}

static void
test_analysis_commands (void)
{
  g_auto(Run) compare = { 0, };
  g_auto(Run) compare_json = { 0, };
  g_auto(Run) group = { 0, };
  g_auto(Run) cluster = { 0, };
  g_auto(Run) mds = { 0, };
  g_auto(Run) weighted = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *weights = g_build_filename (g_get_user_cache_dir (), "weights.csv", NULL);
  JsonObject *root;
  JsonArray *contributions;
  double sum = 0;

  run_cli (&compare, "compare", "FR", "DE", "--as-of", "2026-11-28", NULL);
  g_assert_cmpint (compare.status, ==, 0);
  g_assert_nonnull (strstr (compare.out, "France (FR) — Germany (DE), as of 2026-11-28"));
  g_assert_nonnull (strstr (compare.out, "Local works quota in VOD catalogues"));

  /* The JSON's contributions add up to its divergence, and carry their sources. */
  run_cli (&compare_json, "compare", "fr", "de", "--format", "json", NULL);
  g_assert_cmpint (compare_json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, compare_json.out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  contributions = json_object_get_array_member (root, "contributions");
  for (guint i = 0; i < json_array_get_length (contributions); i++)
    {
      JsonObject *c = json_array_get_object_element (contributions, i);
      JsonNode *node = json_object_get_member (c, "contribution");

      if (!JSON_NODE_HOLDS_NULL (node))
        sum += json_node_get_double (node);
    }
  g_assert_cmpfloat_with_epsilon (sum, json_object_get_double_member (root, "divergence"),
                                  1e-12);
  {
    JsonObject *first = json_array_get_object_element (contributions, 0);
    JsonObject *a = json_object_get_object_member (first, "a");

    g_assert_true (json_array_get_length (json_object_get_array_member (a, "sources")) >= 1);
  }

  run_cli (&group, "group", "EAC", NULL);
  g_assert_cmpint (group.status, ==, 0);
  g_assert_nonnull (strstr (group.out, "Common ground"));
  g_assert_nonnull (strstr (group.err, "no profile of SS, a member of EAC"));

  run_cli (&cluster, "cluster", "--countries", "FR,DE,GB,US,KE", "--linkage", "complete", NULL);
  g_assert_cmpint (cluster.status, ==, 0);
  g_assert_true (g_str_has_prefix (cluster.out, "step,a,b,height\n1,"));

  run_cli (&mds, "mds", "--countries", "FR,DE,GB,KE,TZ,UG", NULL);
  g_assert_cmpint (mds.status, ==, 0);
  g_assert_true (g_str_has_prefix (mds.out, "country,x,y\n"));
  g_assert_nonnull (strstr (mds.err, "of the variance"));

  {
    g_auto(Run) contrib = { 0, };
    g_auto(Run) map = { 0, };
    g_autofree char *svg = g_build_filename (g_get_user_cache_dir (), "contrib.svg", NULL);
    g_autofree char *png = g_build_filename (g_get_user_cache_dir (), "map.png", NULL);
    g_autofree char *contents = NULL;

    {
      g_auto(Run) radar = { 0, };
      g_autofree char *radar_svg = g_build_filename (g_get_user_cache_dir (), "radar.svg", NULL);

      g_auto(Run) timeline = { 0, };
      g_auto(Run) none = { 0, };
      g_autofree char *timeline_pdf = g_build_filename (g_get_user_cache_dir (), "timeline.pdf",
                                                        NULL);

      run_cli (&radar, "chart", "radar", "fr", "ke", "in", "-o", radar_svg, "-f", NULL);
      g_assert_cmpint (radar.status, ==, 0);
      g_assert_true (g_file_test (radar_svg, G_FILE_TEST_IS_REGULAR));
      run_cli (&timeline, "chart", "timeline", "ke", "-o", timeline_pdf, "-f", NULL);
      g_assert_cmpint (timeline.status, ==, 0);
      g_assert_true (g_file_test (timeline_pdf, G_FILE_TEST_IS_REGULAR));
      /* Nothing had changed in Kenya by 2000. */
      run_cli (&none, "chart", "timeline", "ke", "--as-of", "2000-01-01", "-o", timeline_pdf,
               "-f", NULL);
      g_assert_cmpint (none.status, ==, 1);
      g_assert_nonnull (strstr (none.err, "No change of KE’s rules is recorded up to 2000-01-01"));
    }
    run_cli (&contrib, "chart", "contrib", "FR", "DE", "-o", svg, NULL);
    g_assert_cmpint (contrib.status, ==, 0);
    g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "<?xml"));
    run_cli (&map, "chart", "mds", "--countries", "FR,DE,GB,KE,TZ,UG,US,BR", "-o", png, NULL);
    g_assert_cmpint (map.status, ==, 0);
    g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
    {
      g_auto(Run) world = { 0, };
      g_autofree char *pdf = g_build_filename (g_get_user_cache_dir (), "world.pdf", NULL);

      run_cli (&world, "chart", "world", "--from", "ke", "-o", pdf, NULL);
      g_assert_cmpint (world.status, ==, 0);
      g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
    }
  }

  g_assert_true (g_file_set_contents (weights, "id,weight\nprivacy,-2\n", -1, NULL));
  run_cli (&weighted, "matrix", "--weights", weights, NULL);
  g_assert_cmpint (weighted.status, ==, 1);
  g_assert_nonnull (strstr (weighted.err, "weights.csv:2:9: the weight “-2”"));
}

/* A print-style chart is grey, and its data comes beside it as CSV. */
static void
test_chart_style_and_csv (void)
{
  g_auto(Run) run = { 0, };
  g_auto(Run) again = { 0, };
  g_autofree char *png = g_build_filename (g_get_user_cache_dir (), "print.png", NULL);
  g_autofree char *csv = g_build_filename (g_get_user_cache_dir (), "print.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  cairo_surface_t *surface;
  guint grey = 0, coloured = 0;

  g_remove (png);
  g_remove (csv);
  run_cli (&run, "chart", "heatmap", "--countries", "FR,DE,GB,KE,TZ", "--style", "print",
           "--csv", csv, "-o", png, NULL);
  g_assert_cmpint (run.status, ==, 0);

  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  {
    const guint8 *data = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);

    for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
      for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
        {
          guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);
          guint r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

          if (r == g && g == b)
            grey++;
          else
            coloured++;
        }
  }
  cairo_surface_destroy (surface);
  /* Antialiased text is grey too: nothing on the page has a hue. */
  g_assert_cmpuint (coloured, ==, 0);
  g_assert_cmpuint (grey, >, 0);

  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "row,column,divergence,coverage");
  /* 25 cells, a header and the empty string after the last line break */
  g_assert_cmpuint (g_strv_length (lines), ==, 27);
  g_assert_true (g_pattern_match_simple ("??,??,0,0.*", lines[1]));

  /* The CSV, like the chart, is not replaced unless asked. */
  g_remove (png);
  run_cli (&again, "chart", "heatmap", "--countries", "FR,DE,GB,KE,TZ", "--csv", csv, "-o", png,
           NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already exists"));
  /* Refused before anything was drawn. */
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

/* The coverage table in the data README is the command's output, not hand-kept. */
static void
test_readme_coverage (void)
{
  g_autofree char *readme = g_test_build_filename (G_TEST_DIST, "..", "data", "policies",
                                                   "README.md", NULL);
  g_autofree char *contents = NULL;
  const char *marker = "<!-- Generated by: common-ground-cli coverage --as-of ";
  const char *end_marker = "<!-- End of generated coverage -->";
  const char *start, *end, *block;
  g_autofree char *date = NULL;
  g_autofree char *expected = NULL;
  g_auto(Run) run = { 0, };

  g_assert_true (g_file_get_contents (readme, &contents, NULL, NULL));
  start = strstr (contents, marker);
  g_assert_nonnull (start);
  date = g_strndup (start + strlen (marker), 10);
  block = strchr (start, '\n') + 1;
  end = strstr (block, end_marker);
  g_assert_nonnull (end);
  expected = g_strndup (block, end - block);

  run_cli (&run, "coverage", "--as-of", date, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
}

static void
test_version (void)
{
  g_auto(Run) run = { 0, };

  run_cli (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "common-ground-cli " PACKAGE_VERSION "\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/list-countries", test_list_countries);
  g_test_add_func ("/cli/matrix-csv", test_matrix_csv);
  g_test_add_func ("/cli/matrix-json", test_matrix_json);
  g_test_add_func ("/cli/matrix-spreadsheet", test_matrix_spreadsheet);
  g_test_add_func ("/cli/chart-formats", test_chart_formats);
  g_test_add_func ("/cli/chart-style-csv", test_chart_style_and_csv);
  g_test_add_func ("/cli/import-malformed", test_import_malformed);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/lists-search-export", test_lists_search_export);
  g_test_add_func ("/cli/analysis-commands", test_analysis_commands);
  g_test_add_func ("/cli/readme-coverage", test_readme_coverage);
  g_test_add_func ("/cli/version", test_version);

  return g_test_run ();
}
