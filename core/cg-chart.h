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

/* Sequential colour maps, all with luminance rising monotonically so that a
 * figure keeps its order when printed in grey or seen with a colour-vision
 * deficiency. */
typedef enum
{
  CG_COLORMAP_VIRIDIS,
  CG_COLORMAP_CIVIDIS,
  CG_COLORMAP_GREY,
} CgColormap;

typedef struct
{
  CgColor     background;
  CgColor     foreground;
  CgColor     muted;           /* secondary text, grid lines, dendrogram */
  CgColor     not_comparable;  /* background of cells with no comparison */
  const char *font_family;
  double      font_scale;      /* 1 on screen; larger for a projector */
  CgColormap  colormap;        /* values: dark = divergence, bright = common ground */
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
void     cg_chart_style_init_high_contrast
                                    (CgChartStyle *style);
void     cg_chart_style_init_print  (CgChartStyle *style);
gboolean cg_chart_style_init_from_name
                                    (CgChartStyle *style,
                                     const char   *name,
                                     GError      **error);
const char * const *
         cg_chart_style_list_names  (void);

void     cg_colormap_sample         (CgColormap    colormap,
                                     double        t,
                                     CgColor      *out_color);
void     cg_chart_style_divergence_color
                                    (const CgChartStyle *style,
                                     double        divergence,
                                     CgColor      *out_color);

void     cg_colormap_viridis        (double        t,
                                     CgColor      *out_color);
double   cg_color_luminance         (const CgColor *color);
void     cg_chart_set_source_color  (cairo_t      *cr,
                                     const CgColor *color);
char    *cg_chart_dup_footnote      (const CgChartInfo *info);

G_END_DECLS
