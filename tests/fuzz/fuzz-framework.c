/* fuzz-framework.c: libFuzzer target for cg_framework_new_from_bytes()
 *
 * The input is a framework XML file, parsed from memory.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cg-dataset.h"
#include "cg-framework.h"
#include "fuzz-common.h"

/* The weights a dataset gets from the framework and from each of its presets are what
 * cg_dataset_set_weight() accepts: finite and not negative. */
static void
check_weights (CgDataset  *dataset,
               const char *preset)
{
  for (guint j = 0; j < cg_dataset_get_n_columns (dataset); j++)
    {
      double weight = cg_dataset_get_weight (dataset, j);

      if (!isfinite (weight) || weight < 0)
        {
          fprintf (stderr, "indicator %u has the weight %g (preset %s)\n", j, weight,
                   preset != NULL ? preset : "none");
          abort ();
        }
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgFramework) framework = NULL;

  framework = cg_framework_new_from_bytes ("fuzz-framework.xml", bytes, &error);
  if ((framework == NULL) == (error == NULL))
    abort ();
  fuzz_report (error);

  if (framework != NULL)
    {
      /* What a loaded framework promises its users. */
      for (guint j = 0; j < cg_framework_get_n_indicators (framework); j++)
        {
          const CgIndicator *indicator = cg_framework_get_indicator (framework, j);

          if (indicator->dimension >= cg_framework_get_n_dimensions (framework) ||
              cg_framework_lookup_indicator (framework, indicator->id) != (int) j ||
              !(indicator->max > indicator->min))
            abort ();
          for (guint l = 0; l < indicator->level_ids->len; l++)
            {
              g_autofree char *text = cg_indicator_format_value (indicator, l);
              double value;

              if (!cg_indicator_parse_value (indicator, text, &value, NULL) || value != l)
                abort ();
            }
        }

      {
        g_autoptr(CgDataset) dataset = cg_dataset_new (framework, 2);

        check_weights (dataset, NULL);
        for (guint p = 0; p < cg_framework_get_n_presets (framework); p++)
          {
            const CgPreset *preset = cg_framework_get_preset (framework, p);

            if (!cg_dataset_apply_preset (dataset, preset->id, NULL))
              abort ();
            check_weights (dataset, preset->id);
          }
      }
    }

  return 0;
}
