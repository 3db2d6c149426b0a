/* cg-chart-radar.h: per-dimension restrictiveness of a few countries
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-chart.h"

G_BEGIN_DECLS

#define CG_RADAR_MAX_SERIES 6

typedef struct
{
  const char   *label;   /* the country */
  const double *values;  /* one per axis, 0 (open) … 1 (restrictive); NAN where unknown */
} CgRadarSeries;

typedef struct
{
  guint   n_axes;
  guint   n_series;
  CgRect  title;
  CgRect  plot;        /* the square the web is drawn in, axis labels included */
  double  cx;
  double  cy;
  double  radius;      /* of the value 1 */
  double  axis_label_width;  /* dimension labels wrap at this width */
  CgRect  legend;
  double  legend_row;  /* height of one legend entry */
  CgRect  footnote;
} CgRadarLayout;

CgRadarLayout *cg_radar_layout_new  (const char * const  *axes,
                                     guint                n_axes,
                                     const CgRadarSeries *series,
                                     guint                n_series,
                                     double               width,
                                     double               height,
                                     const CgChartStyle  *style);
void           cg_radar_layout_free (CgRadarLayout       *layout);
void           cg_radar_axis_point  (const CgRadarLayout *layout,
                                     guint                axis,
                                     double               value,
                                     double              *out_x,
                                     double              *out_y);
void           cg_radar_render      (cairo_t             *cr,
                                     const char * const  *axes,
                                     const CgRadarSeries *series,
                                     const CgRadarLayout *layout,
                                     const CgChartStyle  *style,
                                     const char          *title,
                                     const char          *subtitle,
                                     const CgChartInfo   *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgRadarLayout, cg_radar_layout_free)

G_END_DECLS
