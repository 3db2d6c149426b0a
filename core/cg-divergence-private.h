/* cg-divergence-private.h: the scaled columns every score is computed from
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-divergence.h"

G_BEGIN_DECLS

typedef enum
{
  CG_COLUMN_NOMINAL,     /* equal or not */
  CG_COLUMN_INTERVAL,    /* |a − b| (ordinal, numeric) */
  CG_COLUMN_SYMMETRIC,
  CG_COLUMN_ASYMMETRIC,
} CgColumnKind;

typedef struct
{
  guint         n;
  guint         m;
  double       *scaled;   /* n × m, row-major; NAN unknown */
  double       *by_column;  /* the same, column-major */
  double       *weights;
  CgColumnKind *kinds;
  double       *lo;
  double       *scale;
  double        total_weight;
} CgColumns;

CgColumns *_cg_columns_new        (const CgDataset *dataset,
                                   CgRangeMode      mode);
void       _cg_columns_free       (CgColumns       *columns);
void       _cg_columns_update_row (CgColumns       *columns,
                                   const CgDataset *dataset,
                                   guint            row);
double     _cg_columns_pair       (const CgColumns *columns,
                                   guint            l,
                                   guint            k,
                                   double          *out_compared_weight);
double     _cg_columns_distance   (const CgColumns *columns,
                                   guint            l,
                                   guint            k,
                                   guint            j);

G_END_DECLS
