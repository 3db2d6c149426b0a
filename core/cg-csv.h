/* cg-csv.h: writing RFC 4180 CSV fields
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void cg_csv_append_field  (GString    *out,
                           const char *field);
void cg_csv_append_number (GString    *out,
                           double      value);
void cg_csv_append_row    (GString    *out,
                           const char *first,
                           ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
