/* cg-analysis.h: what a comparison says beyond one number
 *
 * Why two countries differ, where a group agrees, where countries stand on a map, how
 * restrictive each country is by dimension, and how much the results depend on the
 * weights.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-dataset.h"
#include "cg-divergence.h"

G_BEGIN_DECLS

/* One indicator's part in a pair's divergence. */
typedef struct
{
  guint  column;
  double value_a;       /* coded values, NAN where unknown */
  double value_b;
  double distance;      /* d_k in 0..1, NAN where the indicator was not compared */
  double weight;        /* w_k */
  double contribution;  /* w_k d_k / Σ w δ: the contributions add up to the divergence */
} CgContribution;

typedef struct
{
  double  divergence;            /* NAN when not comparable */
  double  coverage;
  guint   n_dimensions;
  double *dimension_divergence;  /* per dimension; NAN where nothing was compared */
  GArray *contributions;         /* (element-type CgContribution): compared ones by
                                  * contribution, largest first, then the others */
} CgExplanation;

CgExplanation *cg_explain_pair            (const CgDataset *dataset,
                                           guint            a,
                                           guint            b,
                                           CgRangeMode      mode);
void           cg_explanation_free        (CgExplanation   *explanation);

/* How far a group's members agree on one indicator. */
typedef struct
{
  guint    column;
  guint    n_known;      /* members with a known value */
  double   agreement;    /* share of them holding the common value, 0..1 */
  double   value;        /* the common value: the mode, or the median of numbers */
  gboolean common_ground;  /* known for two members or more, and all agree */
} CgAgreement;

typedef struct
{
  guint   n;
  double  mean_divergence;     /* over comparable pairs; NAN if none */
  double *member_divergence;   /* each member's mean divergence from the others */
  guint   farthest;            /* the member farthest from the rest */
  GArray *agreements;          /* (element-type CgAgreement), in framework order */
} CgGroupStats;

CgGroupStats  *cg_group_stats_compute     (const CgDataset *members,
                                           const CgMatrix  *matrix);
void           cg_group_stats_free        (CgGroupStats    *stats);
double         cg_divergence_from_group   (const CgMatrix  *matrix,
                                           guint            row,
                                           const guint     *members,
                                           guint            n_members);

/* Classical (Torgerson) multidimensional scaling in two dimensions. */
typedef struct
{
  guint   n;
  double *coordinates;  /* n × 2 */
  double  explained;    /* (λ1 + λ2) / Σ max (λ, 0), as R's cmdscale's second GOF */
} CgMds;

CgMds         *cg_mds_compute             (const CgMatrix  *matrix,
                                           GError         **error);
void           cg_mds_free                (CgMds           *mds);

double        *cg_restrictiveness_compute (const CgDataset *dataset);

/* How stable each country's nearest neighbour and rank are when weights move. */
typedef struct
{
  guint   n;
  guint   runs;
  double  sigma;
  guint32 seed;
  guint  *nearest;          /* nearest neighbour with the weights as given */
  double *nearest_stable;   /* share of runs in which it stays the nearest */
  guint  *rank;             /* 1 = least divergent from all others */
  double *rank_change;      /* mean |rank change| over the runs */
} CgSensitivity;

CgSensitivity *cg_sensitivity_compute     (const CgDataset *dataset,
                                           CgRangeMode      mode,
                                           guint            runs,
                                           double           sigma,
                                           guint32          seed);
void           cg_sensitivity_free        (CgSensitivity   *sensitivity);

gboolean       cg_weights_apply_file      (CgDataset       *dataset,
                                           const char      *path,
                                           GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgExplanation, cg_explanation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgGroupStats, cg_group_stats_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgMds, cg_mds_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgSensitivity, cg_sensitivity_free)

G_END_DECLS
