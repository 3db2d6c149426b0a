/* fuzz-profile.c: libFuzzer target for cg_profile_new_from_file()
 *
 * The input is a profile XML file, checked against the shipped framework
 * (data/policies/framework.xml), loaded once. The input is written to a file in a
 * directory private to this process, since profiles are read only from files.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-profile.h"
#include "fuzz-common.h"

static CgFramework *framework;
static char *input_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  framework = fuzz_load_shipped_framework ();
  input_path = fuzz_tmp_path ("profile.xml");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgProfile) profile = NULL;

  fuzz_write_file (input_path, data, size);
  profile = cg_profile_new_from_file (input_path, framework, &error);
  /* Exactly one of a profile and an error. */
  if ((profile == NULL) == (error == NULL))
    abort ();
  fuzz_report (error);

  if (profile != NULL)
    {
      GPtrArray *values = cg_profile_get_values (profile);

      /* Every value was checked against the framework: it must format back. */
      for (guint i = 0; i < values->len; i++)
        {
          const CgValue *value = g_ptr_array_index (values, i);
          int index = cg_framework_lookup_indicator (framework, value->indicator);
          g_autofree char *text = NULL;

          if (index < 0)
            abort ();
          text = cg_indicator_format_value (cg_framework_get_indicator (framework, index),
                                            value->number);
          if (text == NULL)
            abort ();
        }
    }

  return 0;
}
