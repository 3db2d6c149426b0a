/* cg-heatmap-view.c: the divergence heatmap in the window
 *
 * Holds no data logic: it draws what the core lays out, with the theme's colours,
 * and asks the core's hit test what is under the pointer.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-heatmap-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "cg-chart-heatmap.h"
#include "cg-chart-theme.h"
#include "cg-heatmap-view.h"

struct _CgHeatmapView
{
  GtkWidget        parent_instance;

  CgMatrix        *matrix;
  CgTree          *tree;
  char            *as_of;
  char            *framework;
  char            *weights;
  CgHeatmapLayout *layout;      /* cached for the current size */
  int              layout_width;
  int              layout_height;
};

G_DEFINE_FINAL_TYPE (CgHeatmapView, cg_heatmap_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MATRIX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
init_style (CgHeatmapView *self,
            CgChartStyle  *style)
{
  cg_chart_theme_get_style (cg_chart_theme_get_default (), style);
}

static const CgHeatmapLayout *
ensure_layout (CgHeatmapView *self,
               int            width,
               int            height)
{
  if (self->layout != NULL && self->layout_width == width && self->layout_height == height)
    return self->layout;

  g_clear_pointer (&self->layout, cg_heatmap_layout_free);
  if (self->matrix != NULL && width > 0 && height > 0)
    {
      CgChartStyle style;

      init_style (self, &style);
      self->layout = cg_heatmap_layout_new (self->matrix, self->tree, width, height, &style);
      self->layout_width = width;
      self->layout_height = height;
    }
  return self->layout;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CgHeatmapView            *self)
{
  const CgHeatmapLayout *layout = ensure_layout (self, gtk_widget_get_width (GTK_WIDGET (self)),
                                                 gtk_widget_get_height (GTK_WIDGET (self)));
  g_autofree char *tooltip = NULL;
  guint row, column;

  if (layout != NULL && cg_heatmap_layout_hit_test (layout, x, y, &row, &column) &&
      row != column)
    {
      double d = cg_matrix_get (self->matrix, row, column);
      double coverage = cg_matrix_get_coverage (self->matrix, row, column);

      if (isnan (d))
        tooltip = g_strdup_printf (_("%s and %s: not comparable (no indicator known for "
                                     "both)"),
                                   cg_matrix_get_name (self->matrix, row),
                                   cg_matrix_get_name (self->matrix, column));
      else
        /* Translators: “France and Uganda: divergence 0.05, 38% of the framework compared” */
        tooltip = g_strdup_printf (_("%s and %s: divergence %.2f, %.0f%% of the framework "
                                     "compared"),
                                   cg_matrix_get_name (self->matrix, row),
                                   cg_matrix_get_name (self->matrix, column), d,
                                   coverage * 100);
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
}

void
cg_heatmap_view_get_info (CgHeatmapView *self,
                          CgChartInfo   *out_info)
{
  g_return_if_fail (CG_IS_HEATMAP_VIEW (self));

  *out_info = (CgChartInfo) {
    .as_of = self->as_of,
    .framework = self->framework,
    /* Translators: the name of the default weights preset */
    .weights = self->weights != NULL ? self->weights : _("framework defaults"),
    /* Translators: “framework range”: distances scaled by the framework’s ranges */
    .range_mode = _("framework"),
  };
}

/**
 * cg_heatmap_view_paint:
 *
 * Draws the chart as the widget shows it, on any cairo context (used for export).
 */
void
cg_heatmap_view_paint (CgHeatmapView      *self,
                       cairo_t            *cr,
                       double              width,
                       double              height,
                       const CgChartStyle *style)
{
  g_autoptr(CgHeatmapLayout) layout = NULL;
  CgChartInfo info;

  g_return_if_fail (CG_IS_HEATMAP_VIEW (self));

  if (self->matrix == NULL)
    return;

  cg_heatmap_view_get_info (self, &info);
  layout = cg_heatmap_layout_new (self->matrix, self->tree, width, height, style);
  cg_heatmap_render (cr, self->matrix, self->tree, layout, style, &info);
}

static void
cg_heatmap_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  CgHeatmapView *self = CG_HEATMAP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const CgHeatmapLayout *layout;
  CgChartStyle style;
  CgChartInfo info;
  cairo_t *cr;

  layout = ensure_layout (self, width, height);
  if (layout == NULL)
    return;

  init_style (self, &style);
  cg_heatmap_view_get_info (self, &info);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cg_heatmap_render (cr, self->matrix, self->tree, layout, &style, &info);
  cairo_destroy (cr);
}

static void
style_changed_cb (CgHeatmapView *self)
{
  g_clear_pointer (&self->layout, cg_heatmap_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cg_heatmap_view_dispose (GObject *object)
{
  CgHeatmapView *self = CG_HEATMAP_VIEW (object);

  g_clear_pointer (&self->matrix, cg_matrix_unref);
  g_clear_pointer (&self->tree, cg_tree_unref);
  g_clear_pointer (&self->layout, cg_heatmap_layout_free);

  G_OBJECT_CLASS (cg_heatmap_view_parent_class)->dispose (object);
}

static void
cg_heatmap_view_finalize (GObject *object)
{
  CgHeatmapView *self = CG_HEATMAP_VIEW (object);

  g_free (self->as_of);
  g_free (self->framework);
  g_free (self->weights);

  G_OBJECT_CLASS (cg_heatmap_view_parent_class)->finalize (object);
}

static void
cg_heatmap_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CgHeatmapView *self = CG_HEATMAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_MATRIX:
      g_value_set_boxed (value, cg_heatmap_view_get_matrix (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

enum {
  PAIR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             CgHeatmapView   *self)
{
  const CgHeatmapLayout *layout = ensure_layout (self, gtk_widget_get_width (GTK_WIDGET (self)),
                                                 gtk_widget_get_height (GTK_WIDGET (self)));
  guint row, column;

  if (layout != NULL && cg_heatmap_layout_hit_test (layout, x, y, &row, &column) &&
      row != column)
    g_signal_emit (self, signals[PAIR_ACTIVATED], 0, cg_matrix_get_code (self->matrix, row),
                   cg_matrix_get_code (self->matrix, column));
}

static void
cg_heatmap_view_class_init (CgHeatmapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_heatmap_view_dispose;
  object_class->finalize = cg_heatmap_view_finalize;
  object_class->get_property = cg_heatmap_view_get_property;
  widget_class->snapshot = cg_heatmap_view_snapshot;

  properties[PROP_MATRIX] =
    g_param_spec_boxed ("matrix", NULL, NULL, CG_TYPE_MATRIX,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CgHeatmapView::pair-activated:
   * @row_code: the country of the cell's row
   * @column_code: the country of its column
   *
   * A cell off the diagonal was clicked: the user wants that pair's comparison.
   */
  signals[PAIR_ACTIVATED] = g_signal_new ("pair-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                          2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cg_heatmap_view_init (CgHeatmapView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (cg_chart_theme_get_default (), "changed",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Divergence heatmap"),
                                  -1);
}

GtkWidget *
cg_heatmap_view_new (void)
{
  return g_object_new (CG_TYPE_HEATMAP_VIEW, NULL);
}

static void
update_description (CgHeatmapView *self)
{
  GString *text = g_string_new (NULL);
  guint n = self->matrix != NULL ? cg_matrix_get_size (self->matrix) : 0;
  double best = INFINITY, worst = -INFINITY;
  guint bi = 0, bj = 0, wi = 0, wj = 0;

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        double d = cg_matrix_get (self->matrix, i, j);
        if (isnan (d))
          continue;
        if (d < best)
          best = d, bi = i, bj = j;
        if (d > worst)
          worst = d, wi = i, wj = j;
      }

  if (isfinite (best))
    /* Translators: accessible description of the heatmap */
    g_string_printf (text, _("%u countries. Closest: %s and %s (%.2f). Farthest apart: %s "
                             "and %s (%.2f)."),
                     n, cg_matrix_get_name (self->matrix, bi),
                     cg_matrix_get_name (self->matrix, bj), best,
                     cg_matrix_get_name (self->matrix, wi),
                     cg_matrix_get_name (self->matrix, wj), worst);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
  g_string_free (text, TRUE);
}

/**
 * cg_heatmap_view_set_data:
 * @matrix: (nullable): the divergence matrix to show
 * @tree: (nullable): its clustering, which orders rows and columns
 */
void
cg_heatmap_view_set_data (CgHeatmapView *self,
                          CgMatrix      *matrix,
                          CgTree        *tree)
{
  g_return_if_fail (CG_IS_HEATMAP_VIEW (self));

  if (self->matrix == matrix && self->tree == tree)
    return;

  g_clear_pointer (&self->matrix, cg_matrix_unref);
  g_clear_pointer (&self->tree, cg_tree_unref);
  g_clear_pointer (&self->layout, cg_heatmap_layout_free);
  if (matrix != NULL)
    self->matrix = cg_matrix_ref (matrix);
  if (tree != NULL)
    self->tree = cg_tree_ref (tree);

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATRIX]);
}

/**
 * cg_heatmap_view_get_matrix:
 *
 * Returns: (transfer none) (nullable): the matrix shown
 */
CgMatrix *
cg_heatmap_view_get_matrix (CgHeatmapView *self)
{
  g_return_val_if_fail (CG_IS_HEATMAP_VIEW (self), NULL);
  return self->matrix;
}

/**
 * cg_heatmap_view_get_tree:
 *
 * Returns: (transfer none) (nullable): the tree shown
 */
CgTree *
cg_heatmap_view_get_tree (CgHeatmapView *self)
{
  g_return_val_if_fail (CG_IS_HEATMAP_VIEW (self), NULL);
  return self->tree;
}

/**
 * cg_heatmap_view_set_info:
 * @weights: (nullable): the name of the weights used, for the footnote
 */
void
cg_heatmap_view_set_info (CgHeatmapView *self,
                          const char    *as_of,
                          const char    *framework,
                          const char    *weights)
{
  g_return_if_fail (CG_IS_HEATMAP_VIEW (self));

  g_free (self->weights);
  self->weights = g_strdup (weights);

  g_free (self->as_of);
  self->as_of = g_strdup (as_of);
  g_free (self->framework);
  self->framework = g_strdup (framework);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
