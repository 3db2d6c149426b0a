/* cg-divergence.h: pairwise divergence (Gower) and average-linkage clustering
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cg-dataset.h"

G_BEGIN_DECLS

#define CG_DIVERGENCE_ERROR (cg_divergence_error_quark ())

typedef enum
{
  CG_DIVERGENCE_ERROR_NOT_COMPARABLE,
  CG_DIVERGENCE_ERROR_TOO_FEW,
} CgDivergenceError;

/**
 * CgRangeMode:
 * @CG_RANGE_FRAMEWORK: ordinal distances by declared levels, numeric ones by the
 *   framework's declared range: adding a country never changes another pair's score
 * @CG_RANGE_OBSERVED: every column scaled by its observed range over the rows
 *   compared, as R's `cluster::daisy (metric = "gower")` does
 */
typedef enum
{
  CG_RANGE_FRAMEWORK,
  CG_RANGE_OBSERVED,
} CgRangeMode;

typedef enum
{
  CG_LINKAGE_AVERAGE,
  CG_LINKAGE_COMPLETE,
  CG_LINKAGE_SINGLE,
} CgLinkage;

#define CG_TYPE_MATRIX (cg_matrix_get_type ())
#define CG_TYPE_TREE (cg_tree_get_type ())

typedef struct _CgMatrix CgMatrix;

/* A dendrogram in R's hclust convention. */
typedef struct
{
  gatomicrefcount ref_count;
  guint           n;        /* leaves */
  int            *merge;    /* (n − 1) × 2: −i is leaf i (1-based), +k the cluster of step k */
  double         *height;   /* n − 1 */
  guint          *order;    /* n leaf indices (0-based), left to right */
} CgTree;

GQuark         cg_divergence_error_quark  (void);

GType          cg_matrix_get_type         (void) G_GNUC_CONST;
CgMatrix      *cg_matrix_new              (guint             n);
CgMatrix      *cg_matrix_ref              (CgMatrix         *self);
void           cg_matrix_unref            (CgMatrix         *self);
guint          cg_matrix_get_size         (const CgMatrix   *self);
double         cg_matrix_get              (const CgMatrix   *self,
                                           guint             i,
                                           guint             j);
void           cg_matrix_set              (CgMatrix         *self,
                                           guint             i,
                                           guint             j,
                                           double            value);
double         cg_matrix_get_coverage     (const CgMatrix   *self,
                                           guint             i,
                                           guint             j);
const char    *cg_matrix_get_code         (const CgMatrix   *self,
                                           guint             i);
const char    *cg_matrix_get_name         (const CgMatrix   *self,
                                           guint             i);
void           cg_matrix_set_label        (CgMatrix         *self,
                                           guint             i,
                                           const char       *code,
                                           const char       *name);
guint          cg_matrix_count_not_comparable (const CgMatrix *self);

CgMatrix      *cg_divergence_compute      (const CgDataset  *dataset,
                                           CgRangeMode       mode);
void           cg_divergence_update_row   (CgMatrix         *matrix,
                                           const CgDataset  *dataset,
                                           guint             row,
                                           CgRangeMode       mode);

GType          cg_tree_get_type           (void) G_GNUC_CONST;
CgTree        *cg_tree_ref                (CgTree           *self);
void           cg_tree_unref              (CgTree           *self);
CgTree        *cg_cluster                 (const CgMatrix   *matrix,
                                           CgLinkage         linkage,
                                           GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgMatrix, cg_matrix_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgTree, cg_tree_unref)

G_END_DECLS
