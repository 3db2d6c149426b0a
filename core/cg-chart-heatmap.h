/* cg-chart-heatmap.h: the divergence heatmap with its dendrogram
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-chart.h"
#include "cg-divergence.h"

G_BEGIN_DECLS

/* Pairs compared on less than this share of the framework's weight are marked: their
 * score rests on few indicators. */
#define CG_HEATMAP_LOW_COVERAGE 0.25

/* Geometry of a heatmap, in the units of the surface it is drawn on (CSS pixels). */
typedef struct
{
  guint    n;
  guint   *order;              /* display position → matrix index */
  CgRect   title;
  CgRect   cells;              /* the n × n block */
  double   cell_size;
  CgRect   dendrogram;         /* empty when there is no tree */
  CgRect   row_labels;         /* right of the cells */
  CgRect   column_labels;      /* above the cells */
  gboolean vertical_columns;   /* column labels turned 90° */
  gboolean show_values;        /* cells are large enough for their numbers */
  double   label_font_size;    /* points */
  CgRect   legend_bar;         /* the colour scale, 1 at the top, 0 at the bottom */
  CgRect   legend_not_comparable;
  CgRect   legend_low_coverage;
  CgRect   footnote;
} CgHeatmapLayout;

CgHeatmapLayout *cg_heatmap_layout_new       (const CgMatrix        *matrix,
                                              const CgTree          *tree,
                                              double                 width,
                                              double                 height,
                                              const CgChartStyle    *style);
void             cg_heatmap_layout_free      (CgHeatmapLayout       *layout);
gboolean         cg_heatmap_layout_hit_test  (const CgHeatmapLayout *layout,
                                              double                 x,
                                              double                 y,
                                              guint                 *out_row,
                                              guint                 *out_column);
void             cg_heatmap_cell_color       (const CgChartStyle    *style,
                                              double                 divergence,
                                              CgColor               *out_color);

void             cg_heatmap_render           (cairo_t               *cr,
                                              const CgMatrix        *matrix,
                                              const CgTree          *tree,
                                              const CgHeatmapLayout *layout,
                                              const CgChartStyle    *style,
                                              const CgChartInfo     *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgHeatmapLayout, cg_heatmap_layout_free)

G_END_DECLS
