/* cg-chart-view.h: a widget that shows any of the core's charts
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cg-chart.h"

G_BEGIN_DECLS

/* Draws the chart on @cr at @width × @height with @style. */
typedef void (*CgChartViewPaintFunc) (cairo_t            *cr,
                                      double              width,
                                      double              height,
                                      const CgChartStyle *style,
                                      gpointer            user_data);

/* Appends the data behind the chart to @csv, header first. */
typedef void (*CgChartViewDataFunc) (GString  *csv,
                                     gpointer  user_data);

#define CG_TYPE_CHART_VIEW (cg_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (CgChartView, cg_chart_view, CG, CHART_VIEW, GtkWidget)

GtkWidget *cg_chart_view_new         (void);
void       cg_chart_view_set_painter (CgChartView          *self,
                                      CgChartViewPaintFunc  paint,
                                      gpointer              user_data,
                                      GDestroyNotify        destroy);
void       cg_chart_view_set_data_func (CgChartView        *self,
                                        CgChartViewDataFunc data);
char      *cg_chart_view_dup_csv     (CgChartView          *self);
gboolean   cg_chart_view_has_chart   (CgChartView          *self);
void       cg_chart_view_paint       (CgChartView          *self,
                                      cairo_t              *cr,
                                      double                width,
                                      double                height,
                                      const CgChartStyle   *style);

G_END_DECLS
