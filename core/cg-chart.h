/* cg-chart.h: what every chart shares: colours, style, rectangles, citation footnote
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} CgColor;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} CgRect;

typedef struct
{
  CgColor     background;
  CgColor     foreground;
  CgColor     muted;           /* secondary text, grid lines, dendrogram */
  CgColor     not_comparable;  /* background of cells with no comparison */
  const char *font_family;
  double      font_scale;      /* 1 on screen; larger for a projector */
} CgChartStyle;

/* What an exported figure needs to be citable. */
typedef struct
{
  const char *title;       /* (nullable): a default title is used */
  const char *as_of;       /* (nullable) YYYY-MM-DD */
  const char *framework;   /* (nullable) "ott v1" */
  const char *weights;     /* (nullable) name of the weights preset */
  const char *range_mode;  /* (nullable) */
} CgChartInfo;

void     cg_chart_style_init_light  (CgChartStyle *style);
void     cg_chart_style_init_dark   (CgChartStyle *style);

void     cg_colormap_viridis        (double        t,
                                     CgColor      *out_color);
double   cg_color_luminance         (const CgColor *color);
void     cg_chart_set_source_color  (cairo_t      *cr,
                                     const CgColor *color);
char    *cg_chart_dup_footnote      (const CgChartInfo *info);

G_END_DECLS
