/* cg-dataset.h: coded values of countries × indicators, ready for scoring
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cg-framework.h"

G_BEGIN_DECLS

#define CG_TYPE_DATASET (cg_dataset_get_type ())

typedef struct _CgDataset CgDataset;

GType         cg_dataset_get_type       (void) G_GNUC_CONST;

CgDataset    *cg_dataset_new            (CgFramework        *framework,
                                         guint               n_rows);
CgDataset    *cg_dataset_ref            (CgDataset          *self);
void          cg_dataset_unref          (CgDataset          *self);

CgFramework  *cg_dataset_get_framework  (const CgDataset    *self);
guint         cg_dataset_get_n_rows     (const CgDataset    *self);
guint         cg_dataset_get_n_columns  (const CgDataset    *self);
const char   *cg_dataset_get_code       (const CgDataset    *self,
                                         guint               row);
const char   *cg_dataset_get_name       (const CgDataset    *self,
                                         guint               row);
void          cg_dataset_set_row        (CgDataset          *self,
                                         guint               row,
                                         const char         *code,
                                         const char         *name);
int           cg_dataset_lookup_row     (const CgDataset    *self,
                                         const char         *code);
double        cg_dataset_get_value      (const CgDataset    *self,
                                         guint               row,
                                         guint               column);
void          cg_dataset_set_value      (CgDataset          *self,
                                         guint               row,
                                         guint               column,
                                         double              value);
const double *cg_dataset_get_row_values (const CgDataset    *self,
                                         guint               row);
const char   *cg_dataset_get_as_of      (const CgDataset    *self);
void          cg_dataset_set_as_of      (CgDataset          *self,
                                         const char         *as_of);
double        cg_dataset_get_weight     (const CgDataset    *self,
                                         guint               column);
void          cg_dataset_set_weight     (CgDataset          *self,
                                         guint               column,
                                         double              weight);
gboolean      cg_dataset_apply_preset   (CgDataset          *self,
                                         const char         *preset,
                                         GError            **error);
guint         cg_dataset_count_values   (const CgDataset    *self,
                                         guint               row);
guint         cg_dataset_count_values_in_dimension (const CgDataset *self,
                                                    guint            row,
                                                    guint            dimension);

CgDataset    *cg_dataset_select         (const CgDataset    *self,
                                         const char * const *codes,
                                         GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgDataset, cg_dataset_unref)

G_END_DECLS
