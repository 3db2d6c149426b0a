/* cg-chart-timeline.h: when a country's rules changed
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-chart.h"

G_BEGIN_DECLS

typedef struct
{
  const char *date;      /* YYYY-MM-DD */
  const char *label;     /* the indicator */
  const char *detail;    /* (nullable) "before → after" */
  guint       category;  /* index into the categories: the dimension */
} CgEvent;

typedef struct
{
  guint   n;            /* events drawn: those that fit, earliest first */
  guint   n_hidden;     /* events left out for want of room */
  CgRect  title;
  CgRect  plot;         /* time runs left to right across it, one row an event */
  double  row_height;
  double  date_width;   /* the dates, left of the plot */
  guint   first_year;   /* the plot starts on 1 January of this year */
  guint   last_year;    /* … and ends on 1 January of the year after this one */
  guint   year_step;    /* between labelled gridlines */
  CgRect  legend;
  CgRect  footnote;
} CgTimelineLayout;

CgTimelineLayout *cg_timeline_layout_new  (const CgEvent          *events,
                                           guint                   n_events,
                                           const char * const     *categories,
                                           double                  width,
                                           double                  height,
                                           const CgChartStyle     *style);
void              cg_timeline_layout_free (CgTimelineLayout       *layout);
double            cg_timeline_date_x      (const CgTimelineLayout *layout,
                                           const char             *date);
double            cg_timeline_natural_height
                                          (guint                   n_events,
                                           guint                   n_categories,
                                           const CgChartStyle     *style);
void              cg_timeline_render      (cairo_t                *cr,
                                           const CgEvent          *events,
                                           const char * const     *categories,
                                           const CgTimelineLayout *layout,
                                           const CgChartStyle     *style,
                                           const char             *title,
                                           const char             *subtitle,
                                           const CgChartInfo      *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgTimelineLayout, cg_timeline_layout_free)

G_END_DECLS
