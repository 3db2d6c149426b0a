/* cg-spreadsheet.h: coded data from any spreadsheet (data CSV + codebook CSV)
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-dataset.h"

G_BEGIN_DECLS

#define CG_SPREADSHEET_ERROR (cg_spreadsheet_error_quark ())

typedef enum
{
  CG_SPREADSHEET_ERROR_PARSE,
  CG_SPREADSHEET_ERROR_INVALID,
} CgSpreadsheetError;

GQuark     cg_spreadsheet_error_quark (void);

CgDataset *cg_spreadsheet_load        (const char  *data_path,
                                       const char  *codebook_path,
                                       GError     **error);

G_END_DECLS
