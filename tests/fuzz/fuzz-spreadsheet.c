/* fuzz-spreadsheet.c: libFuzzer target for cg_spreadsheet_load()
 *
 * The input is the codebook CSV, a NUL byte, then the data CSV (the codebook comes
 * first because it is read first). Without a NUL byte the whole input is the codebook
 * and the data file is empty. Both are written to files in a directory private to this
 * process.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cg-spreadsheet.h"
#include "fuzz-common.h"

static char *codebook_path;
static char *data_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  codebook_path = fuzz_tmp_path ("codebook.csv");
  data_path = fuzz_tmp_path ("data.csv");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgDataset) dataset = NULL;
  const uint8_t *nul = memchr (data, '\0', size);
  size_t codebook_size = nul != NULL ? (size_t) (nul - data) : size;

  fuzz_write_file (codebook_path, data, codebook_size);
  if (nul != NULL)
    fuzz_write_file (data_path, nul + 1, size - codebook_size - 1);
  else
    fuzz_write_file (data_path, "", 0);

  dataset = cg_spreadsheet_load (data_path, codebook_path, &error);
  if ((dataset == NULL) == (error == NULL))
    abort ();
  fuzz_report (error);

  if (dataset != NULL)
    {
      CgFramework *framework = cg_dataset_get_framework (dataset);
      guint n = cg_dataset_get_n_rows (dataset);
      guint m = cg_dataset_get_n_columns (dataset);

      if (m != cg_framework_get_n_indicators (framework))
        abort ();
      for (guint i = 0; i < n; i++)
        {
          if (cg_dataset_lookup_row (dataset, cg_dataset_get_code (dataset, i)) != (int) i)
            abort ();
          cg_dataset_count_values (dataset, i);
        }
    }

  return 0;
}
