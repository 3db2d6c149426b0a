/* fuzz-framework.c: libFuzzer target for cg_framework_new_from_bytes()
 *
 * The input is a framework XML file, parsed from memory.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-framework.h"
#include "fuzz-common.h"

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
    }

  return 0;
}
