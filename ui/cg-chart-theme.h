/* cg-chart-theme.h: which chart style the window draws with
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cg-chart.h"

G_BEGIN_DECLS

#define CG_TYPE_CHART_THEME (cg_chart_theme_get_type ())
G_DECLARE_FINAL_TYPE (CgChartTheme, cg_chart_theme, CG, CHART_THEME, GObject)

CgChartTheme *cg_chart_theme_get_default      (void);
const char   *cg_chart_theme_get_name         (CgChartTheme *self);
gboolean      cg_chart_theme_set_name         (CgChartTheme *self,
                                               const char   *name);
void          cg_chart_theme_get_style        (CgChartTheme *self,
                                               CgChartStyle *out_style);
void          cg_chart_theme_get_export_style (CgChartTheme *self,
                                               CgChartStyle *out_style);

G_END_DECLS
