/* cg-comparison.h: a selection of countries and its divergence, kept up to date
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cg-dataset.h"
#include "cg-divergence.h"

G_BEGIN_DECLS

#define CG_TYPE_COMPARISON (cg_comparison_get_type ())
G_DECLARE_FINAL_TYPE (CgComparison, cg_comparison, CG, COMPARISON, GObject)

CgComparison *cg_comparison_new             (CgDataset     *dataset);
CgDataset    *cg_comparison_get_dataset     (CgComparison  *self);
void          cg_comparison_set_dataset     (CgComparison  *self,
                                             CgDataset     *dataset);
gboolean      cg_comparison_get_selected    (CgComparison  *self,
                                             const char    *code);
void          cg_comparison_set_selected    (CgComparison  *self,
                                             const char    *code,
                                             gboolean       selected);
void          cg_comparison_set_selection   (CgComparison  *self,
                                             const char * const *codes);
char        **cg_comparison_dup_selection   (CgComparison  *self);
guint         cg_comparison_get_n_selected  (CgComparison  *self);
CgRangeMode   cg_comparison_get_range_mode  (CgComparison  *self);
void          cg_comparison_set_range_mode  (CgComparison  *self,
                                             CgRangeMode    mode);
CgMatrix     *cg_comparison_get_matrix      (CgComparison  *self);
CgTree       *cg_comparison_get_tree        (CgComparison  *self);

G_END_DECLS
