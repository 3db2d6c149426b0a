/* test-analysis.c: explanations, group statistics, maps, restrictiveness, sensitivity
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cg-analysis.h"
#include "cg-spreadsheet.h"

/* Columns of the mini framework: a.ord (w 1, 3 levels), a.bin (w 2), b.num (w 0.5,
 * 0–10), b.asym (w 0.5), b.nom (w 0.5). */
static CgDataset *
make_dataset (const double rows[][5],
              guint        n)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini", "framework.xml",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgFramework) framework = cg_framework_new_from_file (path, &error);
  CgDataset *dataset;

  g_assert_no_error (error);
  dataset = cg_dataset_new (framework, n);
  for (guint i = 0; i < n; i++)
    {
      char code[3] = { 'A' + i, 'A' + i, '\0' };

      cg_dataset_set_row (dataset, i, code, NULL);
      for (guint j = 0; j < 5; j++)
        cg_dataset_set_value (dataset, i, j, rows[i][j]);
    }
  return dataset;
}

static void
test_explain (void)
{
  static const double rows[][5] = {
    { 0, 1, 2.5, 0, 0 },
    { 2, 0, 7.5, 0, 1 },
  };
  g_autoptr(CgDataset) dataset = make_dataset (rows, 2);
  g_autoptr(CgExplanation) why = cg_explain_pair (dataset, 0, 1, CG_RANGE_FRAMEWORK);
  CgContribution *first, *last;
  double sum = 0;

  g_assert_cmpfloat_with_epsilon (why->divergence, 3.75 / 4, 1e-15);
  g_assert_cmpfloat_with_epsilon (why->coverage, 4.0 / 4.5, 1e-15);

  /* The contributions add up to the divergence, largest first, unknown ones last. */
  for (guint i = 0; i < why->contributions->len; i++)
    {
      CgContribution *c = &g_array_index (why->contributions, CgContribution, i);
      if (!isnan (c->contribution))
        sum += c->contribution;
    }
  g_assert_cmpfloat_with_epsilon (sum, why->divergence, 1e-15);
  first = &g_array_index (why->contributions, CgContribution, 0);
  g_assert_cmpuint (first->column, ==, 1);  /* a.bin: weight 2, distance 1 */
  g_assert_cmpfloat_with_epsilon (first->contribution, 2.0 / 4, 1e-15);
  last = &g_array_index (why->contributions, CgContribution, 4);
  g_assert_cmpuint (last->column, ==, 3);   /* b.asym: “no” for both, not compared */
  g_assert_true (isnan (last->distance));

  /* Dimension a: (1·1 + 2·1) / 3; dimension b: (0.5·0.5 + 0.5·1) / 1. */
  g_assert_cmpuint (why->n_dimensions, ==, 2);
  g_assert_cmpfloat_with_epsilon (why->dimension_divergence[0], 1.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (why->dimension_divergence[1], 0.75, 1e-15);
}

static void
test_group (void)
{
  static const double rows[][5] = {
    { 0, 1, 2.5, NAN, 0 },
    { 0, 1, 2.8, NAN, 1 },
    { 2, 1, 9.0, NAN, 1 },
    { 0, NAN, NAN, NAN, NAN },
  };
  g_autoptr(CgDataset) dataset = make_dataset (rows, 4);
  g_autoptr(CgMatrix) matrix = cg_divergence_compute (dataset, CG_RANGE_FRAMEWORK);
  g_autoptr(CgGroupStats) stats = cg_group_stats_compute (dataset, matrix);
  CgAgreement *ord, *bin, *num, *asym, *nom;
  guint members[] = { 0, 1, 3 };

  ord = &g_array_index (stats->agreements, CgAgreement, 0);
  bin = &g_array_index (stats->agreements, CgAgreement, 1);
  num = &g_array_index (stats->agreements, CgAgreement, 2);
  asym = &g_array_index (stats->agreements, CgAgreement, 3);
  nom = &g_array_index (stats->agreements, CgAgreement, 4);

  g_assert_cmpuint (ord->n_known, ==, 4);
  g_assert_cmpfloat (ord->value, ==, 0);
  g_assert_cmpfloat (ord->agreement, ==, 0.75);
  g_assert_false (ord->common_ground);

  /* All three members that have it say “yes”: common ground. */
  g_assert_true (bin->common_ground);
  g_assert_cmpfloat (bin->value, ==, 1);

  /* Numbers: median 2.8; 2.5 is within 5% of the 0–10 range, 9 is not. */
  g_assert_cmpfloat (num->value, ==, 2.8);
  g_assert_cmpfloat_with_epsilon (num->agreement, 2.0 / 3, 1e-15);

  g_assert_cmpuint (asym->n_known, ==, 0);
  g_assert_false (asym->common_ground);
  /* A tie between codes goes to the lowest. */
  g_assert_cmpfloat (nom->value, ==, 1);

  /* CC differs most from the others. */
  g_assert_cmpuint (stats->farthest, ==, 2);
  g_assert_false (isnan (stats->mean_divergence));

  g_assert_cmpfloat_with_epsilon (cg_divergence_from_group (matrix, 2, members, 3),
                                  (cg_matrix_get (matrix, 2, 0) + cg_matrix_get (matrix, 2, 1) +
                                   cg_matrix_get (matrix, 2, 3)) / 3, 1e-15);
}

static void
test_mds (void)
{
  /* Four points on a line at 0, 1, 3 and 6: the first axis recovers them exactly. */
  static const double x[] = { 0, 1, 3, 6 };
  g_autoptr(CgMatrix) matrix = cg_matrix_new (4);
  g_autoptr(CgMds) mds = NULL;
  g_autoptr(CgMatrix) incomplete = cg_matrix_new (3);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 4; i++)
    for (guint j = i + 1; j < 4; j++)
      cg_matrix_set (matrix, i, j, fabs (x[i] - x[j]) / 10);

  mds = cg_mds_compute (matrix, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (mds->explained, 1.0, 1e-12);
  for (guint i = 0; i < 4; i++)
    for (guint j = 0; j < 4; j++)
      {
        double dx = mds->coordinates[2 * i] - mds->coordinates[2 * j];
        double dy = mds->coordinates[2 * i + 1] - mds->coordinates[2 * j + 1];
        g_assert_cmpfloat_with_epsilon (sqrt (dx * dx + dy * dy), cg_matrix_get (matrix, i, j),
                                        1e-9);
      }
  /* The sign is fixed: the largest component of the first axis is positive. */
  g_assert_cmpfloat (mds->coordinates[2 * 3], >, 0);

  g_clear_pointer (&mds, cg_mds_free);
  cg_matrix_set (incomplete, 0, 1, 0.5);
  cg_matrix_set (incomplete, 0, 2, 0.5);
  mds = cg_mds_compute (incomplete, &error);
  g_assert_null (mds);
  g_assert_error (error, CG_DIVERGENCE_ERROR, CG_DIVERGENCE_ERROR_NOT_COMPARABLE);
}

static void
test_restrictiveness (void)
{
  static const double rows[][5] = {
    { 2, 1, 10, NAN, 0 },
    { 0, 0, 0, NAN, 2 },
    { 1, NAN, NAN, NAN, 1 },
  };
  g_autoptr(CgDataset) dataset = make_dataset (rows, 3);
  g_autofree double *scores = cg_restrictiveness_compute (dataset);

  /* Dimension a: ordinal rank 2 of 0..2 and binary “yes” (restrictive): 1. */
  g_assert_cmpfloat (scores[0 * 2 + 0], ==, 1.0);
  g_assert_cmpfloat (scores[1 * 2 + 0], ==, 0.0);
  /* Weighted: only the ordinal (weight 1) is known, at the middle. */
  g_assert_cmpfloat (scores[2 * 2 + 0], ==, 0.5);
  /* Dimension b: the number (ascending polarity); the nominal has no polarity. */
  g_assert_cmpfloat (scores[0 * 2 + 1], ==, 1.0);
  g_assert_cmpfloat (scores[1 * 2 + 1], ==, 0.0);
  g_assert_true (isnan (scores[2 * 2 + 1]));
}

static void
test_sensitivity (void)
{
  static const double rows[][5] = {
    { 0, 1, 2.5, 0, 0 },
    { 0, 1, 3.0, 0, 0 },
    { 2, 0, 9.0, 1, 2 },
    { 1, 0, 6.0, 0, 1 },
  };
  g_autoptr(CgDataset) dataset = make_dataset (rows, 4);
  g_autoptr(CgSensitivity) none = cg_sensitivity_compute (dataset, CG_RANGE_FRAMEWORK, 20, 0,
                                                           1);
  g_autoptr(CgSensitivity) some = cg_sensitivity_compute (dataset, CG_RANGE_FRAMEWORK, 50, 0.5,
                                                           1);
  g_autoptr(CgSensitivity) again = cg_sensitivity_compute (dataset, CG_RANGE_FRAMEWORK, 50, 0.5,
                                                            1);

  g_assert_cmpuint (none->nearest[0], ==, 1);
  g_assert_cmpuint (none->nearest[1], ==, 0);
  for (guint i = 0; i < 4; i++)
    {
      /* No perturbation: nothing moves. */
      g_assert_cmpfloat (none->nearest_stable[i], ==, 1.0);
      g_assert_cmpfloat (none->rank_change[i], ==, 0.0);
      /* Seeded: the same seed gives the same answer. */
      g_assert_cmpfloat (some->nearest_stable[i], ==, again->nearest_stable[i]);
      g_assert_cmpfloat (some->rank_change[i], ==, again->rank_change[i]);
    }
  /* AA and BB are twins: no plausible weighting parts them. */
  g_assert_cmpfloat (some->nearest_stable[0], ==, 1.0);
}

static const struct
{
  const char *name;
  const char *contents;
  const char *message;  /* NULL: valid */
} weight_files[] = {
  { "valid", "id,weight\na,2\nb.num,0\n", NULL },
  /* As a spreadsheet program saves it: a byte-order mark and CRLF line ends. */
  { "valid-bom", "\xef\xbb\xbfid,weight\r\na,2\r\nb.num,0\r\n", NULL },
  { "overflowing", "id,weight\na,2\na.ord,1e308\n", "*weights.csv:3:7: the weight “1e308” is not a number from 0 to 1000000" },
  { "negative", "id,weight\na,-1\n", "*weights.csv:2:3: the weight “-1” is not a number*" },
  { "not-a-number", "id,weight\na,heavy\n", "*weights.csv:2:3: the weight “heavy”*" },
  { "unknown", "id,weight\nprivacy,1\n", "*weights.csv:2:1: “privacy” is neither*" },
  { "all-zero", "a,0\nb,0\n", "*weights.csv: all weights are zero*" },
  { "malformed", "a;2\n", "*weights.csv:1:1: expected “id,weight”" },
};

static void
test_weights (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  static const double rows[][5] = { { 0, 1, 2.5, 0, 0 } };
  g_autoptr(CgDataset) dataset = make_dataset (rows, 1);
  g_autofree char *dir = g_dir_make_tmp ("cg-weights-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "weights.csv", NULL);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert_true (g_file_set_contents (path, weight_files[i].contents, -1, NULL));
  ok = cg_weights_apply_file (dataset, path, &error);

  if (weight_files[i].message == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      /* Dimension a ×2: a.ord 2·1, a.bin 2·2; b.num set to 0; the rest 0.5·1. */
      g_assert_cmpfloat (cg_dataset_get_weight (dataset, 0), ==, 2);
      g_assert_cmpfloat (cg_dataset_get_weight (dataset, 1), ==, 4);
      g_assert_cmpfloat (cg_dataset_get_weight (dataset, 2), ==, 0);
      g_assert_cmpfloat (cg_dataset_get_weight (dataset, 3), ==, 0.5);
    }
  else
    {
      g_assert_false (ok);
      g_assert_nonnull (error);
      if (!g_pattern_match_simple (weight_files[i].message, error->message))
        g_error ("Message “%s” does not match “%s”", error->message, weight_files[i].message);
      /* Nothing changed. */
      g_assert_cmpfloat (cg_dataset_get_weight (dataset, 1), ==, 2);
    }

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/analysis/explain", test_explain);
  g_test_add_func ("/core/analysis/group", test_group);
  g_test_add_func ("/core/analysis/mds", test_mds);
  g_test_add_func ("/core/analysis/restrictiveness", test_restrictiveness);
  g_test_add_func ("/core/analysis/sensitivity", test_sensitivity);
  for (guint i = 0; i < G_N_ELEMENTS (weight_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/core/analysis/weights/%s", weight_files[i].name);
      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_weights);
    }

  return g_test_run ();
}
