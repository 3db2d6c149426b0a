/* cg-explain.c: why two countries differ, and how restrictive each one is
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-explain"

#include "config.h"

#include <math.h>

#include "cg-analysis.h"
#include "cg-divergence-private.h"

static int
compare_contributions (gconstpointer a,
                       gconstpointer b)
{
  const CgContribution *x = a, *y = b;
  gboolean x_compared = !isnan (x->distance), y_compared = !isnan (y->distance);

  if (x_compared != y_compared)
    return x_compared ? -1 : 1;
  if (x_compared && x->contribution != y->contribution)
    return x->contribution > y->contribution ? -1 : 1;
  return (int) x->column - (int) y->column;
}

/**
 * cg_explain_pair:
 * @dataset: the countries compared, and their ranges
 * @a: a row of @dataset
 * @b: another row
 * @mode: the range mode, as for cg_divergence_compute()
 *
 * The “why” of a divergence: each indicator's distance and its contribution, which add up
 * to the divergence, and the divergence within each dimension.
 *
 * Returns: (transfer full): the explanation
 */
CgExplanation *
cg_explain_pair (const CgDataset *dataset,
                 guint            a,
                 guint            b,
                 CgRangeMode      mode)
{
  CgFramework *framework;
  CgColumns *columns;
  CgExplanation *explanation;
  g_autofree double *dim_num = NULL;
  g_autofree double *dim_den = NULL;
  double compared;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (a < cg_dataset_get_n_rows (dataset), NULL);
  g_return_val_if_fail (b < cg_dataset_get_n_rows (dataset), NULL);

  framework = cg_dataset_get_framework (dataset);
  columns = _cg_columns_new (dataset, mode);

  explanation = g_new0 (CgExplanation, 1);
  explanation->divergence = _cg_columns_pair (columns, MAX (a, b), MIN (a, b), &compared);
  if (a == b)
    explanation->divergence = 0;
  explanation->coverage = columns->total_weight > 0 ? compared / columns->total_weight : 0;
  explanation->n_dimensions = cg_framework_get_n_dimensions (framework);
  explanation->dimension_divergence = g_new (double, MAX (explanation->n_dimensions, 1));
  explanation->contributions = g_array_sized_new (FALSE, FALSE, sizeof (CgContribution),
                                                  columns->m);
  dim_num = g_new0 (double, MAX (explanation->n_dimensions, 1));
  dim_den = g_new0 (double, MAX (explanation->n_dimensions, 1));

  for (guint j = 0; j < columns->m; j++)
    {
      const CgIndicator *indicator = cg_framework_get_indicator (framework, j);
      CgContribution c = {
        .column = j,
        .value_a = cg_dataset_get_value (dataset, a, j),
        .value_b = cg_dataset_get_value (dataset, b, j),
        .distance = _cg_columns_distance (columns, MAX (a, b), MIN (a, b), j),
        .weight = columns->weights[j],
      };

      if (!isnan (c.distance) && compared > 0)
        {
          c.contribution = c.weight * c.distance / compared;
          dim_num[indicator->dimension] += c.weight * c.distance;
          dim_den[indicator->dimension] += c.weight;
        }
      else
        c.contribution = NAN;
      g_array_append_val (explanation->contributions, c);
    }
  g_array_sort (explanation->contributions, compare_contributions);

  for (guint d = 0; d < explanation->n_dimensions; d++)
    explanation->dimension_divergence[d] = dim_den[d] > 0 ? dim_num[d] / dim_den[d] : NAN;

  _cg_columns_free (columns);
  return explanation;
}

void
cg_explanation_free (CgExplanation *explanation)
{
  if (explanation == NULL)
    return;
  g_free (explanation->dimension_divergence);
  g_array_unref (explanation->contributions);
  g_free (explanation);
}

/**
 * cg_restrictiveness_compute:
 * @dataset: the countries
 *
 * Each country's restrictiveness by dimension: the weighted mean, over its known
 * indicators that have a polarity, of where its value lies between the most open (0)
 * and the most restrictive (1) position the indicator allows.
 *
 * Returns: (transfer full): n_rows × n_dimensions values, NAN where a country has no
 *   known indicator with a polarity in a dimension
 */
double *
cg_restrictiveness_compute (const CgDataset *dataset)
{
  CgFramework *framework;
  guint n, m, n_dims;
  double *scores;

  g_return_val_if_fail (dataset != NULL, NULL);

  framework = cg_dataset_get_framework (dataset);
  n = cg_dataset_get_n_rows (dataset);
  m = cg_dataset_get_n_columns (dataset);
  n_dims = cg_framework_get_n_dimensions (framework);
  scores = g_new (double, (gsize) MAX (n, 1) * MAX (n_dims, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autofree double *num = g_new0 (double, MAX (n_dims, 1));
      g_autofree double *den = g_new0 (double, MAX (n_dims, 1));

      for (guint j = 0; j < m; j++)
        {
          const CgIndicator *indicator = cg_framework_get_indicator (framework, j);
          double r = cg_indicator_restrictiveness (indicator, cg_dataset_get_value (dataset, i, j));
          double w = cg_dataset_get_weight (dataset, j);

          if (isnan (r) || w <= 0)
            continue;
          num[indicator->dimension] += w * r;
          den[indicator->dimension] += w;
        }
      for (guint d = 0; d < n_dims; d++)
        scores[(gsize) i * n_dims + d] = den[d] > 0 ? num[d] / den[d] : NAN;
    }

  return scores;
}
