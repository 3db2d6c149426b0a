/* cg-sensitivity.c: how much the results depend on the weights, and weight files
 *
 * Weights are a judgement. To show how much the answers rest on it, every indicator's
 * weight is multiplied by exp (σ z), z drawn from a standard normal distribution with a
 * fixed seed, many times over; each country's nearest neighbour and its rank by mean
 * divergence are recomputed each time and compared with those under the weights given.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-sensitivity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cg-analysis.h"
#include "cg-spreadsheet.h"

static void
nearest_and_rank (const CgMatrix *matrix,
                  guint          *nearest,
                  guint          *rank)
{
  guint n = cg_matrix_get_size (matrix);
  g_autofree double *mean = g_new (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      double best = INFINITY, sum = 0;
      guint count = 0;

      nearest[i] = i;
      for (guint j = 0; j < n; j++)
        {
          double d = cg_matrix_get (matrix, i, j);

          if (i == j || isnan (d))
            continue;
          /* Ties go to the first country, as in the matrix order. */
          if (d < best)
            {
              best = d;
              nearest[i] = j;
            }
          sum += d;
          count++;
        }
      mean[i] = count > 0 ? sum / count : INFINITY;
    }

  for (guint i = 0; i < n; i++)
    {
      rank[i] = 1;
      for (guint j = 0; j < n; j++)
        if (mean[j] < mean[i] || (mean[j] == mean[i] && j < i))
          rank[i]++;
    }
}

/* A standard normal draw (Box–Muller), from GLib's seeded Mersenne Twister. */
static double
normal (GRand *rand)
{
  double u = g_rand_double_range (rand, 1e-300, 1.0);
  double v = g_rand_double (rand);

  return sqrt (-2 * log (u)) * cos (2 * G_PI * v);
}

/**
 * cg_sensitivity_compute:
 * @dataset: the countries, with the weights to perturb
 * @mode: the range mode
 * @runs: how many perturbed weightings to try (200 is plenty)
 * @sigma: the spread of the log-weights (0.25: most weights within ±50%)
 * @seed: the random seed, so that results can be reproduced
 *
 * Returns: (transfer full): the stability of each country's nearest neighbour and rank
 */
CgSensitivity *
cg_sensitivity_compute (const CgDataset *dataset,
                        CgRangeMode      mode,
                        guint            runs,
                        double           sigma,
                        guint32          seed)
{
  g_autoptr(CgDataset) copy = NULL;
  g_autoptr(CgMatrix) base = NULL;
  g_autofree guint *nearest = NULL;
  g_autofree guint *rank = NULL;
  g_autofree guint *nn_same = NULL;
  g_autofree double *rank_moves = NULL;
  CgSensitivity *result;
  GRand *rand;
  guint n, m;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (runs > 0, NULL);

  n = cg_dataset_get_n_rows (dataset);
  m = cg_dataset_get_n_columns (dataset);

  result = g_new0 (CgSensitivity, 1);
  result->n = n;
  result->runs = runs;
  result->sigma = sigma;
  result->seed = seed;
  result->nearest = g_new0 (guint, MAX (n, 1));
  result->nearest_stable = g_new0 (double, MAX (n, 1));
  result->rank = g_new0 (guint, MAX (n, 1));
  result->rank_change = g_new0 (double, MAX (n, 1));

  base = cg_divergence_compute (dataset, mode);
  nearest_and_rank (base, result->nearest, result->rank);

  {
    g_auto(GStrv) codes = g_new0 (char *, n + 1);

    for (guint i = 0; i < n; i++)
      codes[i] = g_strdup (cg_dataset_get_code (dataset, i));
    copy = cg_dataset_select (dataset, (const char * const *) codes, NULL);
  }

  nearest = g_new (guint, MAX (n, 1));
  rank = g_new (guint, MAX (n, 1));
  nn_same = g_new0 (guint, MAX (n, 1));
  rank_moves = g_new0 (double, MAX (n, 1));
  rand = g_rand_new_with_seed (seed);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(CgMatrix) matrix = NULL;

      for (guint j = 0; j < m; j++)
        cg_dataset_set_weight (copy, j, cg_dataset_get_weight (dataset, j) *
                                         exp (sigma * normal (rand)));
      matrix = cg_divergence_compute (copy, mode);
      nearest_and_rank (matrix, nearest, rank);

      for (guint i = 0; i < n; i++)
        {
          nn_same[i] += nearest[i] == result->nearest[i];
          rank_moves[i] += fabs ((double) rank[i] - result->rank[i]);
        }
    }
  g_rand_free (rand);

  for (guint i = 0; i < n; i++)
    {
      result->nearest_stable[i] = (double) nn_same[i] / runs;
      result->rank_change[i] = rank_moves[i] / runs;
    }

  return result;
}

void
cg_sensitivity_free (CgSensitivity *sensitivity)
{
  if (sensitivity == NULL)
    return;
  g_free (sensitivity->nearest);
  g_free (sensitivity->nearest_stable);
  g_free (sensitivity->rank);
  g_free (sensitivity->rank_change);
  g_free (sensitivity);
}

/**
 * cg_weights_apply_file:
 * @dataset: the dataset whose weights to set
 * @path: a CSV file with the header `id,weight`, one row per dimension or indicator id;
 *   an indicator's effective weight is its dimension's weight times its own, each from
 *   the file where given and from the framework otherwise
 *
 * Returns: %TRUE, or %FALSE with @error naming the file and line: an unknown id, a weight
 *   that is not a number or is negative, or weights that are all zero
 */
gboolean
cg_weights_apply_file (CgDataset   *dataset,
                       const char  *path,
                       GError     **error)
{
  CgFramework *framework;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree double *dim_weights = NULL;
  g_autofree double *ind_weights = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n_dims, m;
  double total = 0;
  gsize length;

  g_return_val_if_fail (dataset != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  framework = cg_dataset_get_framework (dataset);
  n_dims = cg_framework_get_n_dimensions (framework);
  m = cg_framework_get_n_indicators (framework);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_PARSE, "%s: %s", path,
                   local_error->message);
      return FALSE;
    }
  if (!g_utf8_validate (contents, length, NULL))
    {
      /* A NUL byte ends up here too: not text, rather than silently cut short. */
      g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_PARSE,
                   _("%s: not UTF-8 text"), path);
      return FALSE;
    }

  dim_weights = g_new (double, MAX (n_dims, 1));
  ind_weights = g_new (double, MAX (m, 1));
  for (guint d = 0; d < n_dims; d++)
    dim_weights[d] = cg_framework_get_dimension (framework, d)->weight;
  for (guint j = 0; j < m; j++)
    ind_weights[j] = cg_framework_get_indicator (framework, j)->weight;

  lines = g_strsplit (contents, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) fields = NULL;
      char *end = NULL;
      double weight;
      int index;

      /* A spreadsheet program may start the file with a byte-order mark. */
      if (l == 0 && g_str_has_prefix (lines[l], "\xef\xbb\xbf"))
        memmove (lines[l], lines[l] + 3, strlen (lines[l] + 3) + 1);
      g_strstrip (lines[l]);
      if (*lines[l] == '\0' || *lines[l] == '#')
        continue;
      if (g_str_equal (lines[l], "id,weight"))
        continue;

      fields = g_strsplit (lines[l], ",", -1);
      if (g_strv_length (fields) != 2)
        {
          g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                       _("%s:%u:1: expected “id,weight”"), path, l + 1);
          return FALSE;
        }
      g_strstrip (fields[0]);
      g_strstrip (fields[1]);
      weight = g_ascii_strtod (fields[1], &end);
      if (end == fields[1] || *end != '\0' || !CG_WEIGHT_IS_VALID (weight))
        {
          g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                       _("%s:%u:%u: the weight “%s” is not a number from 0 to 1000000"), path,
                       l + 1, (guint) strlen (fields[0]) + 2, fields[1]);
          return FALSE;
        }

      if ((index = cg_framework_lookup_dimension (framework, fields[0])) >= 0)
        dim_weights[index] = weight;
      else if ((index = cg_framework_lookup_indicator (framework, fields[0])) >= 0)
        ind_weights[index] = weight;
      else
        {
          g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                       _("%s:%u:1: “%s” is neither a dimension nor an indicator of the "
                         "framework"), path, l + 1, fields[0]);
          return FALSE;
        }
    }

  for (guint j = 0; j < m; j++)
    total += dim_weights[cg_framework_get_indicator (framework, j)->dimension] * ind_weights[j];
  if (!(total > 0))
    {
      g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                   _("%s: all weights are zero: nothing would be compared"), path);
      return FALSE;
    }

  for (guint j = 0; j < m; j++)
    cg_dataset_set_weight (dataset, j,
                           dim_weights[cg_framework_get_indicator (framework, j)->dimension] *
                           ind_weights[j]);
  return TRUE;
}
