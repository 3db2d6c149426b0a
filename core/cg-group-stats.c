/* cg-group-stats.c: where a group agrees, where it diverges, and who stands apart
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-group-stats"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "cg-analysis.h"

/* Numbers agree when within this share of the indicator's declared range of the
 * group's median: rates of 20% and 20.5% are the same policy. */
#define NUMERIC_TOLERANCE 0.05

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static CgAgreement
agreement_of (const CgDataset *members,
              guint            column)
{
  const CgIndicator *indicator = cg_framework_get_indicator (cg_dataset_get_framework (members),
                                                             column);
  guint n = cg_dataset_get_n_rows (members);
  g_autofree double *known = g_new (double, MAX (n, 1));
  CgAgreement agreement = { .column = column, .value = NAN };
  guint holding = 0;

  for (guint i = 0; i < n; i++)
    {
      double x = cg_dataset_get_value (members, i, column);
      if (!isnan (x))
        known[agreement.n_known++] = x;
    }
  if (agreement.n_known == 0)
    {
      agreement.agreement = NAN;
      return agreement;
    }
  qsort (known, agreement.n_known, sizeof (double), compare_doubles);

  if (indicator->type == CG_INDICATOR_NUMERIC)
    {
      double tolerance = NUMERIC_TOLERANCE * (indicator->max - indicator->min);
      guint k = agreement.n_known;

      agreement.value = k % 2 == 1 ? known[k / 2] : (known[k / 2 - 1] + known[k / 2]) / 2;
      for (guint i = 0; i < k; i++)
        holding += fabs (known[i] - agreement.value) <= tolerance;
    }
  else
    {
      /* The mode; ties go to the lowest code, so the result does not depend on order. */
      guint run = 0;

      for (guint i = 0; i < agreement.n_known; i++)
        {
          run = i > 0 && known[i] == known[i - 1] ? run + 1 : 1;
          if (run > holding)
            {
              holding = run;
              agreement.value = known[i];
            }
        }
    }

  agreement.agreement = (double) holding / agreement.n_known;
  agreement.common_ground = agreement.n_known >= 2 && holding == agreement.n_known;
  return agreement;
}

/**
 * cg_group_stats_compute:
 * @members: the group's members (a dataset of those rows)
 * @matrix: their divergence matrix, in the same order
 *
 * The group's mean pairwise divergence, each member's mean divergence from the others
 * (and the one farthest from the rest), and for each indicator how far the members
 * agree: the share of members with a known value that hold the most common value (for
 * numbers: that lie within 5% of the declared range of the median). The common ground
 * is the indicators known for two members or more on which all of them agree.
 *
 * Returns: (transfer full): the statistics
 */
CgGroupStats *
cg_group_stats_compute (const CgDataset *members,
                        const CgMatrix  *matrix)
{
  CgGroupStats *stats;
  guint n, m;
  double sum = 0, worst = -1;
  guint pairs = 0;

  g_return_val_if_fail (members != NULL, NULL);
  g_return_val_if_fail (matrix != NULL, NULL);
  g_return_val_if_fail (cg_matrix_get_size (matrix) == cg_dataset_get_n_rows (members), NULL);

  n = cg_dataset_get_n_rows (members);
  m = cg_dataset_get_n_columns (members);
  stats = g_new0 (CgGroupStats, 1);
  stats->n = n;
  stats->member_divergence = g_new (double, MAX (n, 1));
  stats->agreements = g_array_sized_new (FALSE, FALSE, sizeof (CgAgreement), m);

  for (guint i = 0; i < n; i++)
    {
      double own = 0;
      guint own_pairs = 0;

      for (guint j = 0; j < n; j++)
        {
          double d = cg_matrix_get (matrix, i, j);

          if (i == j || isnan (d))
            continue;
          own += d;
          own_pairs++;
          if (j > i)
            {
              sum += d;
              pairs++;
            }
        }
      stats->member_divergence[i] = own_pairs > 0 ? own / own_pairs : NAN;
      if (!isnan (stats->member_divergence[i]) && stats->member_divergence[i] > worst)
        {
          worst = stats->member_divergence[i];
          stats->farthest = i;
        }
    }
  stats->mean_divergence = pairs > 0 ? sum / pairs : NAN;

  for (guint j = 0; j < m; j++)
    {
      CgAgreement agreement = agreement_of (members, j);
      g_array_append_val (stats->agreements, agreement);
    }

  return stats;
}

void
cg_group_stats_free (CgGroupStats *stats)
{
  if (stats == NULL)
    return;
  g_free (stats->member_divergence);
  g_array_unref (stats->agreements);
  g_free (stats);
}

/**
 * cg_divergence_from_group:
 * @matrix: a divergence matrix that includes the country and the group's members
 * @row: the country
 * @members: (array length=n_members): the members' rows in @matrix
 *
 * Returns: the country's mean divergence from the members other than itself, or NAN
 *   when it is comparable with none of them
 */
double
cg_divergence_from_group (const CgMatrix *matrix,
                          guint           row,
                          const guint    *members,
                          guint           n_members)
{
  double sum = 0;
  guint count = 0;

  g_return_val_if_fail (matrix != NULL, NAN);

  for (guint i = 0; i < n_members; i++)
    {
      double d;

      if (members[i] == row)
        continue;
      d = cg_matrix_get (matrix, row, members[i]);
      if (!isnan (d))
        {
          sum += d;
          count++;
        }
    }
  return count > 0 ? sum / count : NAN;
}
