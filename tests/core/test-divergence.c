/* test-divergence.c: Gower divergence, R's daisy and hclust reproduced exactly
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cg-divergence.h"
#include "cg-format.h"
#include "cg-spreadsheet.h"

static CgDataset *
make_mini_dataset (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini", "framework.xml",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgFramework) framework = cg_framework_new_from_file (path, &error);
  /* columns: a.ord (w 1), a.bin (w 2), b.num (w 0.5), b.asym (w 0.5), b.nom (w 0.5) */
  const double rows[3][5] = {
    { 0, 1, 2.5, 0, 0 },
    { 2, 0, 7.5, 0, 1 },
    { NAN, NAN, NAN, 0, NAN },
  };
  CgDataset *dataset;

  g_assert_no_error (error);
  dataset = cg_dataset_new (framework, 3);
  for (guint i = 0; i < 3; i++)
    {
      char code[3] = { 'P' + i, 'P' + i, '\0' };

      cg_dataset_set_row (dataset, i, code, NULL);
      for (guint j = 0; j < 5; j++)
        cg_dataset_set_value (dataset, i, j, rows[i][j]);
    }
  return dataset;
}

static void
test_framework_mode (void)
{
  g_autoptr(CgDataset) dataset = make_mini_dataset ();
  g_autoptr(CgMatrix) matrix = cg_divergence_compute (dataset, CG_RANGE_FRAMEWORK);

  /* ord 1·1 + bin 2·1 + num 0.5·0.5 + nom 0.5·1, over 1 + 2 + 0.5 + 0.5 (the asymmetric
   * binary is “no” for both, so it does not count). */
  g_assert_cmpfloat_with_epsilon (cg_matrix_get (matrix, 0, 1), 3.75 / 4.0, 1e-15);
  g_assert_cmpfloat (cg_matrix_get (matrix, 0, 1), ==, cg_matrix_get (matrix, 1, 0));
  g_assert_cmpfloat_with_epsilon (cg_matrix_get_coverage (matrix, 0, 1), 4.0 / 4.5, 1e-15);
  g_assert_cmpfloat (cg_matrix_get (matrix, 0, 0), ==, 0);

  /* RR shares only a “no”/“no” asymmetric binary with the others: not comparable. */
  g_assert_true (isnan (cg_matrix_get (matrix, 0, 2)));
  g_assert_true (isnan (cg_matrix_get (matrix, 2, 1)));
  g_assert_cmpuint (cg_matrix_count_not_comparable (matrix), ==, 2);
  g_assert_cmpstr (cg_matrix_get_code (matrix, 2), ==, "RR");
}

static void
test_observed_mode (void)
{
  g_autoptr(CgDataset) dataset = make_mini_dataset ();
  g_autoptr(CgMatrix) matrix = cg_divergence_compute (dataset, CG_RANGE_OBSERVED);

  /* The observed range of the number is 2.5 … 7.5: the pair is at its two ends. */
  g_assert_cmpfloat (cg_matrix_get (matrix, 0, 1), ==, 1.0);
}

static void
test_selection (void)
{
  g_autoptr(CgDataset) dataset = make_mini_dataset ();
  g_autoptr(GError) error = NULL;
  const char *codes[] = { "QQ", "PP", NULL };
  const char *unknown[] = { "PP", "XX", NULL };
  g_autoptr(CgDataset) subset = cg_dataset_select (dataset, codes, &error);
  g_autoptr(CgDataset) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (cg_dataset_get_n_rows (subset), ==, 2);
  g_assert_cmpstr (cg_dataset_get_code (subset, 0), ==, "QQ");
  g_assert_cmpfloat (cg_dataset_get_value (subset, 0, 0), ==, 2);

  none = cg_dataset_select (dataset, unknown, &error);
  g_assert_null (none);
  g_assert_nonnull (error);
  g_assert_true (strstr (error->message, "XX") != NULL);
}

static double **
read_matrix_csv (const char *path,
                 guint      *out_n)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  double **rows;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    n++;

  rows = g_new0 (double *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i + 1], ",", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, n + 1);
      rows[i] = g_new (double, n);
      for (guint j = 0; j < n; j++)
        rows[i][j] = g_str_equal (fields[j + 1], "NA") ? NAN : g_ascii_strtod (fields[j + 1], NULL);
    }
  *out_n = n;
  return rows;
}

static void
test_r_fixture (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dataset_path = g_test_build_filename (G_TEST_DIST, "data", "gower", name,
                                                         "dataset.csv", NULL);
  g_autofree char *codebook_path = g_test_build_filename (G_TEST_DIST, "data", "gower", name,
                                                          "dataset.codebook.csv", NULL);
  g_autofree char *dissim_path = g_test_build_filename (G_TEST_DIST, "data", "gower", name,
                                                        "r_dissim.csv", NULL);
  g_autofree char *merge_path = g_test_build_filename (G_TEST_DIST, "data", "gower", name,
                                                       "r_merge.csv", NULL);
  g_autofree char *order_path = g_test_build_filename (G_TEST_DIST, "data", "gower", name,
                                                       "r_order.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgDataset) dataset = cg_spreadsheet_load (dataset_path, codebook_path, &error);
  g_autoptr(CgMatrix) matrix = NULL;
  g_autoptr(CgTree) tree = NULL;
  g_autofree char *merge_contents = NULL;
  g_autofree char *order_contents = NULL;
  g_auto(GStrv) merge_lines = NULL;
  g_auto(GStrv) order_lines = NULL;
  double **expected;
  guint n;

  g_assert_no_error (error);
  matrix = cg_divergence_compute (dataset, CG_RANGE_OBSERVED);
  expected = read_matrix_csv (dissim_path, &n);
  g_assert_cmpuint (n, ==, cg_matrix_get_size (matrix));

  /* The method's contract is 1e-12; following daisy's arithmetic gives every bit. */
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        if (cg_matrix_get (matrix, i, j) != expected[i][j])
          g_error ("%s: d(%u,%u) = %.17g, R gives %.17g", name, i + 1, j + 1,
                   cg_matrix_get (matrix, i, j), expected[i][j]);
      }
  for (guint i = 0; i < n; i++)
    g_free (expected[i]);
  g_free (expected);

  tree = cg_cluster (matrix, CG_LINKAGE_AVERAGE, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (merge_path, &merge_contents, NULL, NULL));
  merge_lines = g_strsplit (merge_contents, "\n", -1);
  for (guint k = 0; k + 1 < n; k++)
    {
      g_auto(GStrv) fields = g_strsplit (merge_lines[k + 1], ",", -1);

      g_assert_cmpint (tree->merge[2 * k], ==, atoi (fields[1]));
      g_assert_cmpint (tree->merge[2 * k + 1], ==, atoi (fields[2]));
      g_assert_cmpfloat (tree->height[k], ==, g_ascii_strtod (fields[3], NULL));
    }

  g_assert_true (g_file_get_contents (order_path, &order_contents, NULL, NULL));
  order_lines = g_strsplit (order_contents, "\n", -1);
  for (guint p = 0; p < n; p++)
    {
      g_auto(GStrv) fields = g_strsplit (order_lines[p + 1], ",", -1);

      g_assert_cmpuint (tree->order[p] + 1, ==, (guint) atoi (fields[1]));
      g_assert_cmpstr (cg_matrix_get_code (matrix, tree->order[p]), ==, fields[2]);
    }
}

static void
test_linkages (void)
{
  g_autoptr(CgMatrix) matrix = cg_matrix_new (3);
  static const struct { CgLinkage linkage; double second; } cases[] = {
    { CG_LINKAGE_SINGLE, 0.3 },
    { CG_LINKAGE_COMPLETE, 0.4 },
    { CG_LINKAGE_AVERAGE, 0.35 },
  };

  cg_matrix_set (matrix, 0, 1, 0.1);
  cg_matrix_set (matrix, 0, 2, 0.4);
  cg_matrix_set (matrix, 1, 2, 0.3);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CgTree) tree = cg_cluster (matrix, cases[i].linkage, &error);

      g_assert_no_error (error);
      g_assert_cmpint (tree->merge[0], ==, -1);
      g_assert_cmpint (tree->merge[1], ==, -2);
      g_assert_cmpfloat (tree->height[0], ==, 0.1);
      g_assert_cmpint (tree->merge[2], ==, -3);
      g_assert_cmpint (tree->merge[3], ==, 1);
      g_assert_cmpfloat_with_epsilon (tree->height[1], cases[i].second, 1e-15);
      g_assert_cmpuint (tree->order[0], ==, 2);
    }
}

static void
test_cluster_refuses (void)
{
  g_autoptr(CgDataset) dataset = make_mini_dataset ();
  g_autoptr(CgMatrix) matrix = cg_divergence_compute (dataset, CG_RANGE_FRAMEWORK);
  g_autoptr(CgMatrix) single = cg_matrix_new (1);
  g_autoptr(GError) error = NULL;
  CgTree *tree;

  tree = cg_cluster (matrix, CG_LINKAGE_AVERAGE, &error);
  g_assert_null (tree);
  g_assert_error (error, CG_DIVERGENCE_ERROR, CG_DIVERGENCE_ERROR_NOT_COMPARABLE);
  g_assert_true (strstr (error->message, "2 pairs") != NULL);
  g_clear_error (&error);

  tree = cg_cluster (single, CG_LINKAGE_AVERAGE, &error);
  g_assert_null (tree);
  g_assert_error (error, CG_DIVERGENCE_ERROR, CG_DIVERGENCE_ERROR_TOO_FEW);
}

/* Bad spreadsheets: each a clear message with file, line and column. */
static const struct
{
  const char *name;
  const char *codebook;
  const char *data;
  const char *message;
} bad_sheets[] = {
  { "unknown-type",
    "id,label,type,n_levels,levels,min,max,unit,decimals,weight\nI1,One,ordinall,2,a|b,,,,,1\n",
    "country,I1\nA,1\n", "*codebook.csv:2:8: unknown indicator type “ordinall”*" },
  { "level-not-in-codebook",
    "id,label,type,n_levels,levels,min,max,unit,decimals,weight\nI1,One,nominal,2,a|b,,,,,1\n",
    "country,I1\nA,a\nB,c\n", "*data.csv:3:3: “c” is not a valid value of nominal indicator “I1”" },
  { "ragged-row",
    "id,label,type,n_levels,levels,min,max,unit,decimals,weight\nI1,One,binary,,,,,,,1\n",
    "country,I1\nA,1\nB,0,1\n", "*data.csv:3:1: the row has 3 fields but the header has 2" },
  { "not-a-number",
    "id,label,type,n_levels,levels,min,max,unit,decimals,weight\nI1,One,numeric,,,0,10,,,1\n",
    "country,I1\nA,1.5\nB,one\n", "*data.csv:3:3: “one” is not a valid value of numeric*" },
  { "negative-weight",
    "id,label,type,n_levels,levels,min,max,unit,decimals,weight\nI1,One,binary,,,,,,,-1\n",
    "country,I1\nA,1\n", "*codebook.csv:2:21: the weight “-1” is not a number from 0 to 1000000" },
  { "huge-weight",
    "id,label,type,n_levels,levels,min,max,unit,decimals,weight\nI1,One,binary,,,,,,,1e308\n",
    "country,I1\nA,1\n", "*codebook.csv:2:21: the weight “1e308” is not a number from 0*" },
  { "repeated-column",
    "id,label,type,n_levels,levels,min,max,unit,decimals,weight\nI1,One,binary,,,,,,,1\n"
    "I2,Two,binary,,,,,,,1\n",
    "country,I1,I1\nA,1,0\n", "*data.csv:1:12: the column “I1” appears twice" },
  { "unknown-column",
    "id,label,type,n_levels,levels,min,max,unit,decimals,weight\nI1,One,binary,,,,,,,1\n",
    "country,I2\nA,1\n", "*data.csv:1:9: the column “I2” is not in the codebook*" },
};

static void
test_bad_spreadsheet (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *dir = g_dir_make_tmp ("cg-sheet-XXXXXX", NULL);
  g_autofree char *codebook = g_build_filename (dir, "codebook.csv", NULL);
  g_autofree char *table = g_build_filename (dir, "data.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgDataset) dataset = NULL;

  g_assert_true (g_file_set_contents (codebook, bad_sheets[i].codebook, -1, NULL));
  g_assert_true (g_file_set_contents (table, bad_sheets[i].data, -1, NULL));

  dataset = cg_spreadsheet_load (table, codebook, &error);
  g_assert_null (dataset);
  g_assert_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID);
  if (!g_pattern_match_simple (bad_sheets[i].message, error->message))
    g_error ("Message “%s” does not match “%s”", error->message, bad_sheets[i].message);

  g_unlink (codebook);
  g_unlink (table);
  g_rmdir (dir);
}

/* The fast writer must give printf's bytes: the matrices are compared to R's files. */
static void
test_format_g17 (void)
{
  static const double special[] = {
    0, 1, 0.5, 0.1, 0.2, 0.3, 1e-6, 0.99999999999999989, 1.0 / 3, 2.0 / 3,
    0.0047619047619047606, 0.025000000000000001, 1e-5, 0.000999999999999999, 0.001, 1e-7,
    1.5, 2, 123.456, -0.25, 1e300, 5e-324, INFINITY,
  };
  GRand *rand = g_rand_new_with_seed (7);
  char ours[CG_FORMAT_G17_SIZE], theirs[64];

  for (guint i = 0; i < G_N_ELEMENTS (special); i++)
    {
      cg_format_g17 (special[i], ours);
      g_snprintf (theirs, sizeof theirs, "%.17g", special[i]);
      g_assert_cmpstr (ours, ==, theirs);
    }

  for (guint i = 0; i < 300000; i++)
    {
      double x;

      switch (i % 3)
        {
        case 0:
          x = g_rand_double (rand);
          break;
        case 1:
          x = (double) g_rand_int_range (rand, 0, 1000) / g_rand_int_range (rand, 1, 1000);
          break;
        default:
          x = pow (10, -g_rand_double_range (rand, 0, 7));
        }
      cg_format_g17 (x, ours);
      g_snprintf (theirs, sizeof theirs, "%.17g", x);
      if (g_strcmp0 (ours, theirs) != 0)
        g_error ("%s written as %s", theirs, ours);
    }
  g_rand_free (rand);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/divergence/framework-mode", test_framework_mode);
  g_test_add_func ("/core/divergence/observed-mode", test_observed_mode);
  g_test_add_func ("/core/divergence/selection", test_selection);
  g_test_add_data_func ("/core/divergence/r-daisy-hclust/n30-m20", "n30_m20", test_r_fixture);
  g_test_add_data_func ("/core/divergence/r-daisy-hclust/n30-m20-edge", "n30_m20_edge",
                        test_r_fixture);
  g_test_add_data_func ("/core/divergence/r-daisy-hclust/n40-m6-ties", "n40_m6_ties",
                        test_r_fixture);
  g_test_add_func ("/core/divergence/linkages", test_linkages);
  g_test_add_func ("/core/format/g17-matches-printf", test_format_g17);
  g_test_add_func ("/core/divergence/cluster-refuses", test_cluster_refuses);
  for (guint i = 0; i < G_N_ELEMENTS (bad_sheets); i++)
    {
      g_autofree char *name = g_strdup_printf ("/core/spreadsheet/bad/%s", bad_sheets[i].name);
      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_bad_spreadsheet);
    }

  return g_test_run ();
}
