/* cg-chart-bars.h: horizontal bars, for what drives a divergence
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-chart.h"

G_BEGIN_DECLS

typedef struct
{
  const char *label;   /* the indicator */
  const char *detail;  /* (nullable) a second line: both countries' values */
  double      value;   /* 0..1: the share of the divergence */
} CgBar;

typedef struct
{
  guint   n;            /* bars drawn (those that fit) */
  CgRect  title;
  CgRect  plot;         /* where bars go */
  double  label_width;  /* left of plot.x */
  double  row_height;
  double  bar_height;
  double  scale_max;    /* the value at the right end of the plot */
  CgRect  footnote;
} CgBarsLayout;

CgBarsLayout *cg_bars_layout_new  (const CgBar        *bars,
                                   guint               n_bars,
                                   double              width,
                                   double              height,
                                   const CgChartStyle *style);
void          cg_bars_layout_free (CgBarsLayout       *layout);
void          cg_bars_render      (cairo_t            *cr,
                                   const CgBar        *bars,
                                   const CgBarsLayout *layout,
                                   const CgChartStyle *style,
                                   const char         *title,
                                   const char         *subtitle,
                                   const CgChartInfo  *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgBarsLayout, cg_bars_layout_free)

G_END_DECLS
