/* cg-chart-choropleth.h: the world map, countries coloured by divergence
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-chart.h"
#include "cg-world-map.h"

G_BEGIN_DECLS

typedef struct
{
  CgRect title;
  CgRect map;
  CgRect legend_bar;     /* horizontal: 0 at the left */
  CgRect legend_no_data;
  CgRect footnote;
  double scale;          /* projection to surface: (dx + scale x, dy − scale y) */
  double dx;
  double dy;
} CgChoroplethLayout;

CgChoroplethLayout *cg_choropleth_layout_new  (const CgWorldMap         *map,
                                               double                    width,
                                               double                    height,
                                               const CgChartStyle       *style);
void                cg_choropleth_layout_free (CgChoroplethLayout       *layout);
int                 cg_choropleth_hit_test    (const CgWorldMap         *map,
                                               const CgChoroplethLayout *layout,
                                               double                    x,
                                               double                    y);
void                cg_choropleth_render      (cairo_t                  *cr,
                                               const CgWorldMap         *map,
                                               const double             *values,
                                               int                       highlight,
                                               const CgChoroplethLayout *layout,
                                               const CgChartStyle       *style,
                                               const char               *title,
                                               const char               *subtitle,
                                               const CgChartInfo        *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgChoroplethLayout, cg_choropleth_layout_free)

G_END_DECLS
