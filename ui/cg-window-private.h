/* cg-window-private.h: what the window's parts share
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cg-chart-view.h"
#include "cg-heatmap-view.h"
#include "cg-store.h"
#include "cg-window.h"

G_BEGIN_DECLS

struct _CgWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *window_title;
  GtkWidget            *header_bar;
  GtkWidget            *sidebar;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  GtkSearchEntry       *search_entry;
  GtkListView          *country_list;
  GtkStack             *chart_stack;
  CgHeatmapView        *heatmap_view;
  GtkDropDown          *preset_dropdown;
  GtkMenuButton        *date_button;
  GtkCalendar          *calendar;
  GtkDropDown          *region_dropdown;
  AdwViewStack         *view_stack;
  GtkDropDown          *compare_a;
  GtkDropDown          *compare_b;
  GtkLabel             *compare_summary;
  GtkStack             *compare_stack;
  CgChartView          *compare_view;
  CgChartView          *compare_radar_view;
  CgChartView          *compare_timeline_view;
  GtkStack             *map_stack;
  AdwStatusPage        *map_status;
  CgChartView          *map_view;
  CgChartView          *world_view;
  struct _CgWorldMap   *world_map;
  GtkDropDown          *group_dropdown;
  GtkLabel             *group_text;

  GSettings            *settings;
  GCancellable         *cancellable;
  CgComparison         *comparison;
  GListModel           *countries;
  GtkCustomFilter      *filter;
  GPtrArray            *bound_checks;  /* check buttons of the visible rows */
  char                 *framework_label;
  GtkFileChooserNative *export_chooser;

  CgStore              *store;
  char                 *as_of;       /* (nullable): today */
  char                 *weights_label;  /* (nullable): the framework's own weights */
  GtkStringList        *preset_ids;
  GtkStringList        *compare_codes;  /* codes behind the compare drop-downs */
  GPtrArray            *groups;      /* (element-type CgGroup) */
  GHashTable           *regions;     /* code → ITU region id */
  gboolean              updating;    /* filling drop-downs: ignore their signals */
  gboolean              presenting;
  char                 *style_before_presenting;
};

void _cg_window_fill_views        (CgWindow *self);
void _cg_window_update_compare    (CgWindow *self);
void _cg_window_update_map        (CgWindow *self);
void _cg_window_update_group      (CgWindow *self);
void _cg_window_update_world      (CgWindow *self);
void _cg_window_views_class_init  (GtkWidgetClass *widget_class);
void _cg_window_present_class_init (GtkWidgetClass *widget_class);
void _cg_window_present_init      (CgWindow *self);
void _cg_window_present_finalize  (CgWindow *self);

G_END_DECLS
