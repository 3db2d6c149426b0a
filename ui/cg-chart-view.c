/* cg-chart-view.c: a widget that shows any of the core's charts
 *
 * It holds no data: its owner gives it a painter (a core chart's layout and render
 * calls), and it calls that painter with the theme's colours on every frame. The same
 * painter exports the chart, so a file is what the window shows.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-chart-view"

#include "config.h"

#include <adwaita.h>

#include "cg-chart-theme.h"
#include "cg-chart-view.h"

struct _CgChartView
{
  GtkWidget             parent_instance;

  CgChartViewPaintFunc  paint;
  CgChartViewDataFunc   data;
  gpointer              user_data;
  GDestroyNotify        destroy;
};

G_DEFINE_FINAL_TYPE (CgChartView, cg_chart_view, GTK_TYPE_WIDGET)

enum {
  CHART_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             CgChartView     *self)
{
  g_signal_emit (self, signals[CHART_CLICKED], 0, x, y);
}

static void
cg_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  CgChartView *self = CG_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  CgChartStyle style;
  cairo_t *cr;

  if (self->paint == NULL || width <= 0 || height <= 0)
    return;

  cg_chart_theme_get_style (cg_chart_theme_get_default (), &style);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  self->paint (cr, width, height, &style, self->user_data);
  cairo_destroy (cr);
}

static void
clear_painter (CgChartView *self)
{
  if (self->destroy != NULL && self->user_data != NULL)
    self->destroy (self->user_data);
  self->paint = NULL;
  self->user_data = NULL;
  self->destroy = NULL;
}

static void
cg_chart_view_dispose (GObject *object)
{
  clear_painter (CG_CHART_VIEW (object));
  G_OBJECT_CLASS (cg_chart_view_parent_class)->dispose (object);
}

static void
cg_chart_view_class_init (CgChartViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cg_chart_view_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = cg_chart_view_snapshot;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "chart");

  /**
   * CgChartView::chart-clicked:
   * @x: where, in the widget's coordinates
   * @y:
   *
   * The chart was clicked: its owner asks the core's hit test what is there.
   */
  signals[CHART_CLICKED] = g_signal_new ("chart-clicked", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                         G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cg_chart_view_init (CgChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (cg_chart_theme_get_default (), "changed",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cg_chart_view_new (void)
{
  return g_object_new (CG_TYPE_CHART_VIEW, NULL);
}

/**
 * cg_chart_view_set_painter:
 * @paint: (nullable): draws the chart; %NULL for none
 * @user_data: (transfer full): given to @paint; freed with @destroy
 */
void
cg_chart_view_set_painter (CgChartView          *self,
                           CgChartViewPaintFunc  paint,
                           gpointer              user_data,
                           GDestroyNotify        destroy)
{
  g_return_if_fail (CG_IS_CHART_VIEW (self));

  clear_painter (self);
  self->data = NULL;
  self->paint = paint;
  self->user_data = user_data;
  self->destroy = destroy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cg_chart_view_set_data_func:
 * @data: (nullable): writes the chart's data as CSV from the painter's user data
 *
 * Set after cg_chart_view_set_painter(), which forgets the previous one.
 */
void
cg_chart_view_set_data_func (CgChartView         *self,
                             CgChartViewDataFunc  data)
{
  g_return_if_fail (CG_IS_CHART_VIEW (self));
  self->data = data;
}

/**
 * cg_chart_view_dup_csv:
 *
 * Returns: (transfer full) (nullable): the data behind the chart shown, as CSV, or
 *   %NULL when the chart has no data function
 */
char *
cg_chart_view_dup_csv (CgChartView *self)
{
  GString *csv;

  g_return_val_if_fail (CG_IS_CHART_VIEW (self), NULL);

  if (self->paint == NULL || self->data == NULL)
    return NULL;
  csv = g_string_new (NULL);
  self->data (csv, self->user_data);
  return g_string_free (csv, FALSE);
}

gboolean
cg_chart_view_has_chart (CgChartView *self)
{
  g_return_val_if_fail (CG_IS_CHART_VIEW (self), FALSE);
  return self->paint != NULL;
}

/**
 * cg_chart_view_paint:
 *
 * Draws the chart as the view shows it, on any cairo context (for export and tests).
 */
void
cg_chart_view_paint (CgChartView        *self,
                     cairo_t            *cr,
                     double              width,
                     double              height,
                     const CgChartStyle *style)
{
  g_return_if_fail (CG_IS_CHART_VIEW (self));

  if (self->paint != NULL)
    self->paint (cr, width, height, style, self->user_data);
}
