/* cg-chart-scatter.h: the policy map: countries as points, labelled without overlaps
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-chart.h"

G_BEGIN_DECLS

typedef struct
{
  const char *label;
  double      x;
  double      y;
  guint       category;  /* index into the categories */
} CgPoint;

typedef struct
{
  guint    n;
  CgRect   title;
  CgRect   plot;
  CgRect   legend;
  CgRect   footnote;
  double  *px;          /* point positions on the surface */
  double  *py;
  CgRect  *labels;      /* where each label goes */
  gboolean *labelled;   /* FALSE where no free place was found */
  double   radius;
} CgScatterLayout;

void             cg_category_color          (guint                   category,
                                             CgColor                *out_color);
CgScatterLayout *cg_scatter_layout_new      (const CgPoint          *points,
                                             guint                   n_points,
                                             const char * const     *categories,
                                             double                  width,
                                             double                  height,
                                             const CgChartStyle     *style);
void             cg_scatter_layout_free     (CgScatterLayout        *layout);
int              cg_scatter_layout_hit_test (const CgScatterLayout  *layout,
                                             double                  x,
                                             double                  y);
void             cg_scatter_render          (cairo_t                *cr,
                                             const CgPoint          *points,
                                             const char * const     *categories,
                                             const CgScatterLayout  *layout,
                                             const CgChartStyle     *style,
                                             const char             *title,
                                             const char             *subtitle,
                                             const CgChartInfo      *info);

void             cg_scatter_append_csv      (GString                *csv,
                                             const CgPoint          *points,
                                             guint                   n_points,
                                             const char * const     *category_ids);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgScatterLayout, cg_scatter_layout_free)

G_END_DECLS
