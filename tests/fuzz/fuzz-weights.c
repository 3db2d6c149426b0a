/* fuzz-weights.c: libFuzzer target for cg_weights_apply_file()
 *
 * The input is a weights CSV (`id,weight`), applied to a fresh three-country dataset of
 * the shipped framework (data/policies/framework.xml, loaded once). The input is written
 * to a file in a directory private to this process.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cg-analysis.h"
#include "cg-dataset.h"
#include "fuzz-common.h"

static CgFramework *framework;
static char *input_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  framework = fuzz_load_shipped_framework ();
  input_path = fuzz_tmp_path ("weights.csv");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *codes[] = { "AA", "BB", "CC" };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgDataset) dataset = cg_dataset_new (framework, G_N_ELEMENTS (codes));
  guint m = cg_dataset_get_n_columns (dataset);
  gboolean applied;

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      cg_dataset_set_row (dataset, i, codes[i], codes[i]);
      for (guint j = 0; j < m; j++)
        if ((i + j) % 3 != 0)
          cg_dataset_set_value (dataset, i, j,
                                cg_framework_get_indicator (framework, j)->min);
    }

  fuzz_write_file (input_path, data, size);
  applied = cg_weights_apply_file (dataset, input_path, &error);
  if (applied == (error != NULL))
    abort ();
  fuzz_report (error);

  if (applied)
    {
      double total = 0;

      /* Weights applied are never negative nor NaN, and not all zero. */
      for (guint j = 0; j < m; j++)
        {
          double weight = cg_dataset_get_weight (dataset, j);

          if (isnan (weight) || weight < 0)
            abort ();
          total += weight;
        }
      if (!(total > 0))
        abort ();

      /* The weights then go into the divergences: any value must be handled there. */
      {
        g_autoptr(CgMatrix) matrix = cg_divergence_compute (dataset, CG_RANGE_FRAMEWORK);
        g_autoptr(CgExplanation) explanation = cg_explain_pair (dataset, 0, 1,
                                                                CG_RANGE_FRAMEWORK);

        if (explanation == NULL)
          abort ();
        for (guint i = 0; i < cg_matrix_get_size (matrix); i++)
          for (guint k = 0; k < cg_matrix_get_size (matrix); k++)
            {
              double d = cg_matrix_get (matrix, i, k);

              if (!isnan (d) && (d < 0 || d > 1 + 1e-9))
                abort ();
            }
      }
    }

  return 0;
}
