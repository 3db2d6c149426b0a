/* cg-heatmap-view.h: the divergence heatmap in the window
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cg-chart.h"
#include "cg-divergence.h"

G_BEGIN_DECLS

#define CG_TYPE_HEATMAP_VIEW (cg_heatmap_view_get_type ())
G_DECLARE_FINAL_TYPE (CgHeatmapView, cg_heatmap_view, CG, HEATMAP_VIEW, GtkWidget)

GtkWidget *cg_heatmap_view_new        (void);
void       cg_heatmap_view_set_data   (CgHeatmapView     *self,
                                       CgMatrix          *matrix,
                                       CgTree            *tree);
CgMatrix  *cg_heatmap_view_get_matrix (CgHeatmapView     *self);
CgTree    *cg_heatmap_view_get_tree   (CgHeatmapView     *self);
void       cg_heatmap_view_set_info   (CgHeatmapView     *self,
                                       const char        *as_of,
                                       const char        *framework,
                                       const char        *weights);
void       cg_heatmap_view_get_info   (CgHeatmapView     *self,
                                       CgChartInfo       *out_info);
void       cg_heatmap_view_paint      (CgHeatmapView     *self,
                                       cairo_t           *cr,
                                       double             width,
                                       double             height,
                                       const CgChartStyle *style);

G_END_DECLS
