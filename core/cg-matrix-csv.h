/* cg-matrix-csv.h: divergence matrices, trees and leaf orders written as CSV
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-divergence.h"

G_BEGIN_DECLS

gboolean cg_matrix_write_csv (const CgMatrix  *matrix,
                              const char      *path,
                              GError         **error);
gboolean cg_tree_write_csv   (const CgTree    *tree,
                              const CgMatrix  *matrix,
                              const char      *tree_path,
                              const char      *order_path,
                              GError         **error);

G_END_DECLS
