/* cg-chart-private.h: drawing helpers the charts share
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "cg-chart.h"

G_BEGIN_DECLS

/* Type sizes every chart shares, in pixels at font scale 1. */
#define CG_CHART_TITLE_SIZE 17.0
#define CG_CHART_SUBTITLE_SIZE 11.5
#define CG_CHART_FOOTNOTE_SIZE 9.5
/* The height a title and its subtitle take at a font scale. */
#define CG_CHART_HEADING_HEIGHT(scale) \
  ((CG_CHART_TITLE_SIZE * 1.35 + CG_CHART_SUBTITLE_SIZE * 1.5) * (scale))

PangoFontDescription *_cg_chart_make_font              (const CgChartStyle         *style,
                                                        double                      size,
                                                        PangoWeight                 weight);
PangoContext         *_cg_chart_create_measure_context (void);
void                  _cg_chart_measure_text           (PangoContext               *context,
                                                        const PangoFontDescription *font,
                                                        const char                 *text,
                                                        double                     *out_width,
                                                        double                     *out_height);
void                  _cg_chart_draw_text              (cairo_t                    *cr,
                                                        const PangoFontDescription *font,
                                                        const char                 *text,
                                                        double                      x,
                                                        double                      y,
                                                        double                      max_width,
                                                        double                      xalign,
                                                        double                      yalign);
void                  _cg_chart_hatch_rect             (cairo_t                    *cr,
                                                        const CgChartStyle         *style,
                                                        double                      x,
                                                        double                      y,
                                                        double                      w,
                                                        double                      h);
void                  _cg_chart_marker_path            (cairo_t                    *cr,
                                                        guint                       category,
                                                        double                      x,
                                                        double                      y,
                                                        double                      r);
void                  _cg_chart_draw_heading           (cairo_t                    *cr,
                                                        const CgChartStyle         *style,
                                                        const CgRect               *rect,
                                                        const char                 *title,
                                                        const char                 *subtitle);
void                  _cg_chart_draw_footnote          (cairo_t                    *cr,
                                                        const CgChartStyle         *style,
                                                        const CgRect               *rect,
                                                        const CgChartInfo          *info,
                                                        const char                 *credit);

G_END_DECLS
