/* cg-window-views.c: the window's Compare, Map and Common Ground pages
 *
 * Each page asks the core for its numbers (an explanation of a pair, a map, group
 * statistics) and hands a chart painter to its view; nothing is scored here.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cg-analysis.h"
#include "cg-chart-theme.h"
#include "cg-chart-bars.h"
#include "cg-chart-choropleth.h"
#include "cg-chart-radar.h"
#include "cg-chart-timeline.h"
#include "cg-chart-scatter.h"
#include "cg-comparison.h"
#include "cg-csv.h"
#include "cg-itu-regions.h"
#include "cg-member-states.h"
#include "cg-window-private.h"

/* What a bars chart needs, owned by its view. */
typedef struct
{
  GArray      *bars;      /* (element-type CgBar) */
  GPtrArray   *strings;   /* owns the bars' strings */
  char        *title;
  char        *subtitle;
  char        *as_of;
  char        *framework;
  char        *weights;
} BarsChart;

static void
bars_chart_free (gpointer data)
{
  BarsChart *chart = data;

  g_array_unref (chart->bars);
  g_ptr_array_unref (chart->strings);
  g_free (chart->title);
  g_free (chart->subtitle);
  g_free (chart->as_of);
  g_free (chart->framework);
  g_free (chart->weights);
  g_free (chart);
}

static void
paint_bars (cairo_t            *cr,
            double              width,
            double              height,
            const CgChartStyle *style,
            gpointer            user_data)
{
  BarsChart *chart = user_data;
  g_autoptr(CgBarsLayout) layout = NULL;
  CgChartInfo info = { .as_of = chart->as_of, .framework = chart->framework,
                       .weights = chart->weights };

  layout = cg_bars_layout_new ((CgBar *) chart->bars->data, chart->bars->len, width, height,
                               style);
  cg_bars_render (cr, (CgBar *) chart->bars->data, layout, style, chart->title,
                  chart->subtitle, &info);
}

static void
bars_data (GString  *csv,
           gpointer  user_data)
{
  BarsChart *chart = user_data;

  cg_csv_append_row (csv, "indicator", "values", "share", NULL);
  for (guint i = 0; i < chart->bars->len; i++)
    {
      CgBar *bar = &g_array_index (chart->bars, CgBar, i);

      cg_csv_append_field (csv, bar->label);
      g_string_append_c (csv, ',');
      cg_csv_append_field (csv, bar->detail);
      g_string_append_c (csv, ',');
      cg_csv_append_number (csv, bar->value);
      g_string_append (csv, "\r\n");
    }
}

typedef struct
{
  GArray     *points;     /* (element-type CgPoint) */
  GPtrArray  *strings;
  char       *subtitle;
  char       *as_of;
  char       *framework;
} ScatterChart;

static void
scatter_chart_free (gpointer data)
{
  ScatterChart *chart = data;

  g_array_unref (chart->points);
  g_ptr_array_unref (chart->strings);
  g_free (chart->subtitle);
  g_free (chart->as_of);
  g_free (chart->framework);
  g_free (chart);
}

/* Two countries on the restrictiveness radar. */
typedef struct
{
  char    **axes;
  guint     n_axes;
  double   *values;     /* 2 × n_axes */
  char     *names[2];
  char     *as_of;
  char     *framework;
  char     *weights;
} RadarChart;

static void
radar_chart_free (gpointer data)
{
  RadarChart *chart = data;

  g_strfreev (chart->axes);
  g_free (chart->values);
  g_free (chart->names[0]);
  g_free (chart->names[1]);
  g_free (chart->as_of);
  g_free (chart->framework);
  g_free (chart->weights);
  g_free (chart);
}

static void
paint_radar (cairo_t            *cr,
             double              width,
             double              height,
             const CgChartStyle *style,
             gpointer            user_data)
{
  RadarChart *chart = user_data;
  g_autoptr(CgRadarLayout) layout = NULL;
  CgChartInfo info = { .as_of = chart->as_of, .framework = chart->framework,
                       .weights = chart->weights };
  CgRadarSeries series[2] = {
    { chart->names[0], chart->values },
    { chart->names[1], chart->values + chart->n_axes },
  };

  layout = cg_radar_layout_new ((const char * const *) chart->axes, chart->n_axes, series, 2,
                                width, height, style);
  cg_radar_render (cr, (const char * const *) chart->axes, series, layout, style, NULL,
                   _("0 at the centre: the most open rules the framework allows; 1 at the rim: "
                     "the most restrictive. A gap: nothing known."), &info);
}

static void
radar_data (GString  *csv,
            gpointer  user_data)
{
  RadarChart *chart = user_data;

  cg_csv_append_row (csv, "country", "dimension", "restrictiveness", NULL);
  for (guint k = 0; k < 2; k++)
    for (guint d = 0; d < chart->n_axes; d++)
      {
        cg_csv_append_field (csv, chart->names[k]);
        g_string_append_c (csv, ',');
        cg_csv_append_field (csv, chart->axes[d]);
        g_string_append_c (csv, ',');
        cg_csv_append_number (csv, chart->values[k * chart->n_axes + d]);
        g_string_append (csv, "\r\n");
      }
}

/* Both countries' rule changes on one time axis, a colour and shape each. */
typedef struct
{
  GArray     *events;      /* (element-type CgEvent) */
  GPtrArray  *strings;
  char      **categories;  /* the two countries' names */
  char       *title;
  char       *subtitle;
  char       *as_of;
  char       *framework;
} TimelineChart;

static void
timeline_chart_free (gpointer data)
{
  TimelineChart *chart = data;

  g_array_unref (chart->events);
  g_ptr_array_unref (chart->strings);
  g_strfreev (chart->categories);
  g_free (chart->title);
  g_free (chart->subtitle);
  g_free (chart->as_of);
  g_free (chart->framework);
  g_free (chart);
}

static void
paint_timeline (cairo_t            *cr,
                double              width,
                double              height,
                const CgChartStyle *style,
                gpointer            user_data)
{
  TimelineChart *chart = user_data;
  g_autoptr(CgTimelineLayout) layout = NULL;
  CgChartInfo info = { .as_of = chart->as_of, .framework = chart->framework };

  layout = cg_timeline_layout_new ((CgEvent *) chart->events->data, chart->events->len,
                                   (const char * const *) chart->categories, width, height, style);
  cg_timeline_render (cr, (CgEvent *) chart->events->data,
                      (const char * const *) chart->categories, layout, style, chart->title,
                      chart->subtitle, &info);
}

static void
timeline_data (GString  *csv,
               gpointer  user_data)
{
  TimelineChart *chart = user_data;

  cg_csv_append_row (csv, "date", "country", "change", "values", NULL);
  for (guint i = 0; i < chart->events->len; i++)
    {
      CgEvent *event = &g_array_index (chart->events, CgEvent, i);

      cg_csv_append_row (csv, event->date, chart->categories[event->category], event->label,
                         event->detail != NULL ? event->detail : "", NULL);
    }
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const CgEvent *x = a, *y = b;
  int by_date = strcmp (x->date, y->date);

  return by_date != 0 ? by_date : (int) x->category - (int) y->category;
}

/* The policy map's legend: the ITU regions, translated. */
static const char * const *
region_labels (void)
{
  static const char *labels[CG_N_ITU_REGIONS + 1];

  for (guint r = 0; r < CG_N_ITU_REGIONS; r++)
    labels[r] = cg_itu_region_label (r);
  return labels;
}

static void
paint_scatter (cairo_t            *cr,
               double              width,
               double              height,
               const CgChartStyle *style,
               gpointer            user_data)
{
  ScatterChart *chart = user_data;
  g_autoptr(CgScatterLayout) layout = NULL;
  CgChartInfo info = { .as_of = chart->as_of, .framework = chart->framework };

  layout = cg_scatter_layout_new ((CgPoint *) chart->points->data, chart->points->len,
                                  region_labels (), width, height, style);
  cg_scatter_render (cr, (CgPoint *) chart->points->data, region_labels (), layout, style,
                     _("Policy map"), chart->subtitle, &info);
}

static void
scatter_data (GString  *csv,
              gpointer  user_data)
{
  ScatterChart *chart = user_data;

  cg_scatter_append_csv (csv, (CgPoint *) chart->points->data, chart->points->len,
                         cg_itu_region_ids ());
}

static char *
format_value (const CgIndicator *indicator,
              double             value)
{
  g_autofree char *text = NULL;

  if (isnan (value))
    /* Translators: an indicator's value that no source establishes */
    return g_strdup (_("unknown"));
  if (indicator->type == CG_INDICATOR_ORDINAL || indicator->type == CG_INDICATOR_NOMINAL)
    return g_strdup (g_ptr_array_index (indicator->level_labels, (guint) value));
  if (indicator->type != CG_INDICATOR_NUMERIC)
    return g_strdup (value != 0 ? _("yes") : _("no"));
  text = g_strdup_printf ("%g", value);
  if (indicator->unit == NULL)
    return g_steal_pointer (&text);
  return g_strdup_printf (g_str_equal (indicator->unit, "%") ? "%s%s" : "%s %s", text,
                          indicator->unit);
}

/* The drop-downs of the Compare page list the countries with a profile. */
void
_cg_window_fill_views (CgWindow *self)
{
  CgDataset *dataset = cg_comparison_get_dataset (self->comparison);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) group_names = gtk_string_list_new (NULL);
  g_auto(GStrv) selection = cg_comparison_dup_selection (self->comparison);
  g_autoptr(GError) error = NULL;

  self->updating = TRUE;

  g_clear_object (&self->compare_codes);
  self->compare_codes = gtk_string_list_new (NULL);
  for (guint i = 0; i < cg_dataset_get_n_rows (dataset); i++)
    {
      g_autofree char *label = g_strdup_printf ("%s (%s)", cg_dataset_get_name (dataset, i),
                                                cg_dataset_get_code (dataset, i));
      gtk_string_list_append (names, label);
      gtk_string_list_append (self->compare_codes, cg_dataset_get_code (dataset, i));
    }
  gtk_drop_down_set_model (self->compare_a, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->compare_b, G_LIST_MODEL (names));

  /* Start with the first two countries selected. */
  for (guint k = 0; k < 2; k++)
    {
      int row = selection[0] != NULL && (k == 0 || selection[1] != NULL)
                ? cg_dataset_lookup_row (dataset, selection[k]) : (int) k;

      gtk_drop_down_set_selected (k == 0 ? self->compare_a : self->compare_b,
                                  (guint) MAX (row, 0));
    }

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  self->groups = cg_store_list_groups (self->store, &error);
  if (self->groups == NULL)
    self->groups = g_ptr_array_new ();
  for (guint i = 0; i < self->groups->len; i++)
    {
      CgGroup *group = g_ptr_array_index (self->groups, i);
      g_autofree char *label = g_strdup_printf ("%s (%s)", group->name, group->id);
      gtk_string_list_append (group_names, label);
    }
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (group_names));

  self->updating = FALSE;
  _cg_window_update_group (self);
}

static const char *
selected_code (CgWindow    *self,
               GtkDropDown *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (self->compare_codes == NULL ||
      position >= g_list_model_get_n_items (G_LIST_MODEL (self->compare_codes)))
    return NULL;
  return gtk_string_list_get_string (self->compare_codes, position);
}

static void
update_compare_radar (CgWindow  *self,
                      CgDataset *dataset,
                      int        a,
                      int        b)
{
  CgFramework *framework = cg_dataset_get_framework (dataset);
  guint n_dims = cg_framework_get_n_dimensions (framework);
  g_autofree double *scores = cg_restrictiveness_compute (dataset);
  RadarChart *chart = g_new0 (RadarChart, 1);

  chart->n_axes = n_dims;
  chart->axes = g_new0 (char *, n_dims + 1);
  chart->values = g_new (double, 2 * n_dims);
  for (guint d = 0; d < n_dims; d++)
    {
      chart->axes[d] = g_strdup (cg_framework_get_dimension (framework, d)->label);
      chart->values[d] = scores[(gsize) a * n_dims + d];
      chart->values[n_dims + d] = scores[(gsize) b * n_dims + d];
    }
  chart->names[0] = g_strdup (cg_dataset_get_name (dataset, a));
  chart->names[1] = g_strdup (cg_dataset_get_name (dataset, b));
  chart->as_of = g_strdup (cg_dataset_get_as_of (dataset));
  chart->framework = g_strdup (self->framework_label);
  chart->weights = g_strdup (self->weights_label);
  cg_chart_view_set_painter (self->compare_radar_view, paint_radar, chart, radar_chart_free);
  cg_chart_view_set_data_func (self->compare_radar_view, radar_data);
}

static void
update_compare_timeline (CgWindow  *self,
                         CgDataset *dataset,
                         int        a,
                         int        b)
{
  CgFramework *framework = cg_dataset_get_framework (dataset);
  TimelineChart *chart = g_new0 (TimelineChart, 1);
  int rows[2] = { a, b };

  chart->events = g_array_new (FALSE, FALSE, sizeof (CgEvent));
  chart->strings = g_ptr_array_new_with_free_func (g_free);
  chart->categories = g_new0 (char *, 3);
  chart->as_of = g_strdup (cg_dataset_get_as_of (dataset));
  chart->framework = g_strdup (self->framework_label);

  for (guint k = 0; k < (a == b ? 1u : 2u); k++)
    {
      const char *code = cg_dataset_get_code (dataset, rows[k]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) changes = NULL;

      chart->categories[k] = g_strdup (cg_dataset_get_name (dataset, rows[k]));
      changes = cg_store_list_changes (self->store, code, NULL, cg_dataset_get_as_of (dataset),
                                       &error);
      if (changes == NULL)
        {
          g_warning ("Could not read the history of %s: %s", code, error->message);
          continue;
        }
      for (guint i = 0; i < changes->len; i++)
        {
          CgChange *change = g_ptr_array_index (changes, i);
          int column = cg_framework_lookup_indicator (framework, change->indicator);
          const CgIndicator *indicator;
          char *label, *detail, *date;
          double before = NAN, after = NAN;
          g_autofree char *before_text = NULL;
          g_autofree char *after_text = NULL;
          CgEvent event;

          if (column < 0)
            continue;
          indicator = cg_framework_get_indicator (framework, (guint) column);
          if (change->before != NULL)
            cg_indicator_parse_value (indicator, change->before, &before, NULL);
          cg_indicator_parse_value (indicator, change->after, &after, NULL);
          before_text = format_value (indicator, before);
          after_text = format_value (indicator, after);
          /* Translators: a timeline row, “KE · Data protection law” */
          label = g_strdup_printf (_("%s · %s"), code, indicator->label);
          detail = change->before != NULL ? g_strdup_printf ("%s → %s", before_text, after_text)
                                          : g_strdup (after_text);
          date = g_strdup (change->since);
          g_ptr_array_add (chart->strings, label);
          g_ptr_array_add (chart->strings, detail);
          g_ptr_array_add (chart->strings, date);
          event = (CgEvent) { date, label, detail, k };
          g_array_append_val (chart->events, event);
        }
    }
  g_array_sort (chart->events, compare_events);

  if (a == b)
    /* Translators: chart title, “How France’s rules changed” */
    chart->title = g_strdup_printf (_("How %s’s rules changed"), chart->categories[0]);
  else
    /* Translators: chart title, “How the rules of France and Kenya changed” */
    chart->title = g_strdup_printf (_("How the rules of %s and %s changed"),
                                    chart->categories[0], chart->categories[1]);
  chart->subtitle = chart->events->len > 0
                    /* Translators: chart subtitle; the placeholders are a count and a date */
                    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change recorded, up to %s",
                                                    "%u changes recorded, up to %s",
                                                    chart->events->len),
                                       chart->events->len, chart->as_of)
                    : g_strdup_printf (_("No change recorded up to %s: the profiles give only "
                                         "the rules in force"), chart->as_of);
  cg_chart_view_set_painter (self->compare_timeline_view, paint_timeline, chart,
                             timeline_chart_free);
  cg_chart_view_set_data_func (self->compare_timeline_view, timeline_data);
}

void
_cg_window_update_compare (CgWindow *self)
{
  CgDataset *dataset;
  CgFramework *framework;
  const char *a_code, *b_code;
  g_autoptr(CgExplanation) why = NULL;
  g_autofree char *summary = NULL;
  BarsChart *chart;
  int a, b;

  if (self->comparison == NULL || self->updating)
    return;

  dataset = cg_comparison_get_dataset (self->comparison);
  framework = cg_dataset_get_framework (dataset);
  a_code = selected_code (self, self->compare_a);
  b_code = selected_code (self, self->compare_b);
  a = a_code != NULL ? cg_dataset_lookup_row (dataset, a_code) : -1;
  b = b_code != NULL ? cg_dataset_lookup_row (dataset, b_code) : -1;
  if (a < 0 || b < 0)
    {
      cg_chart_view_set_painter (self->compare_view, NULL, NULL, NULL);
      cg_chart_view_set_painter (self->compare_radar_view, NULL, NULL, NULL);
      cg_chart_view_set_painter (self->compare_timeline_view, NULL, NULL, NULL);
      gtk_label_set_text (self->compare_summary, "");
      return;
    }

  why = cg_explain_pair (dataset, a, b, cg_comparison_get_range_mode (self->comparison));

  if (a == b)
    summary = g_strdup (_("Choose two different countries."));
  else if (isnan (why->divergence))
    summary = g_strdup (_("Not comparable: no indicator is known for both."));
  else
    /* Translators: divergence 0..1, then the share of the framework compared */
    summary = g_strdup_printf (_("Divergence %.2f, on %.0f%% of the framework"),
                               why->divergence, why->coverage * 100);
  gtk_label_set_text (self->compare_summary, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->compare_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);

  chart = g_new0 (BarsChart, 1);
  chart->bars = g_array_new (FALSE, FALSE, sizeof (CgBar));
  chart->strings = g_ptr_array_new_with_free_func (g_free);
  chart->as_of = g_strdup (cg_dataset_get_as_of (dataset));
  chart->framework = g_strdup (self->framework_label);
  chart->weights = g_strdup (self->weights_label);
  /* Translators: chart title, “What drives the divergence of France and Germany” */
  chart->title = g_strdup_printf (_("What drives the divergence of %s and %s"),
                                  cg_dataset_get_name (dataset, a),
                                  cg_dataset_get_name (dataset, b));
  chart->subtitle = g_strdup (summary);

  for (guint i = 0; a != b && !isnan (why->divergence) && i < why->contributions->len; i++)
    {
      CgContribution *c = &g_array_index (why->contributions, CgContribution, i);
      const CgIndicator *indicator = cg_framework_get_indicator (framework, c->column);
      g_autofree char *va = NULL;
      g_autofree char *vb = NULL;
      char *detail;
      CgBar bar;

      if (isnan (c->contribution) || c->contribution <= 0)
        continue;
      va = format_value (indicator, c->value_a);
      vb = format_value (indicator, c->value_b);
      detail = g_strdup_printf ("%s: %s · %s: %s", a_code, va, b_code, vb);
      g_ptr_array_add (chart->strings, detail);
      bar = (CgBar) { indicator->label, detail, c->contribution / why->divergence };
      g_array_append_val (chart->bars, bar);
    }

  cg_chart_view_set_painter (self->compare_view, paint_bars, chart, bars_chart_free);
  cg_chart_view_set_data_func (self->compare_view, bars_data);
  update_compare_radar (self, dataset, a, b);
  update_compare_timeline (self, dataset, a, b);
}

void
_cg_window_update_map (CgWindow *self)
{
  CgMatrix *matrix;
  g_autoptr(CgMds) mds = NULL;
  g_autoptr(GError) error = NULL;
  ScatterChart *chart;

  if (self->comparison == NULL)
    return;

  matrix = cg_comparison_get_matrix (self->comparison);
  if (matrix != NULL)
    mds = cg_mds_compute (matrix, &error);
  if (mds == NULL)
    {
      cg_chart_view_set_painter (self->map_view, NULL, NULL, NULL);
      if (error != NULL)
        adw_status_page_set_description (self->map_status, error->message);
      gtk_stack_set_visible_child_name (self->map_stack, "empty");
      return;
    }

  chart = g_new0 (ScatterChart, 1);
  chart->points = g_array_new (FALSE, FALSE, sizeof (CgPoint));
  chart->strings = g_ptr_array_new_with_free_func (g_free);
  chart->as_of = g_strdup (cg_dataset_get_as_of (cg_comparison_get_dataset (self->comparison)));
  chart->framework = g_strdup (self->framework_label);
  /* Translators: the subtitle of the policy map; a count and a percentage */
  chart->subtitle = g_strdup_printf (_("%u countries placed so that distance shows divergence; "
                                       "the two axes explain %.0f%% of the variance"),
                                     mds->n, mds->explained * 100);

  for (guint i = 0; i < mds->n; i++)
    {
      char *code = g_strdup (cg_matrix_get_code (matrix, i));
      guint category = cg_itu_region_index (g_hash_table_lookup (self->regions, code));
      CgPoint point;

      g_ptr_array_add (chart->strings, code);
      point = (CgPoint) { code, mds->coordinates[2 * i], mds->coordinates[2 * i + 1], category };
      g_array_append_val (chart->points, point);
    }

  cg_chart_view_set_painter (self->map_view, paint_scatter, chart, scatter_chart_free);
  cg_chart_view_set_data_func (self->map_view, scatter_data);
  gtk_stack_set_visible_child_name (self->map_stack, "chart");
}

void
_cg_window_update_group (CgWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->group_dropdown);
  CgDataset *all;
  CgGroup *group;
  CgFramework *framework;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) members = NULL;
  g_autoptr(GStrvBuilder) with_profile = g_strv_builder_new ();
  g_auto(GStrv) codes = NULL;
  g_autoptr(CgDataset) subset = NULL;
  g_autoptr(CgMatrix) matrix = NULL;
  g_autoptr(CgGroupStats) stats = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint missing = 0;

  if (self->comparison == NULL || self->updating || self->groups == NULL ||
      position >= self->groups->len)
    return;

  all = cg_comparison_get_dataset (self->comparison);
  framework = cg_dataset_get_framework (all);
  group = g_ptr_array_index (self->groups, position);
  members = cg_store_dup_group_members (self->store, group->id, cg_dataset_get_as_of (all),
                                        &error);
  if (members == NULL)
    {
      gtk_label_set_text (self->group_text, error->message);
      return;
    }
  for (guint i = 0; members[i] != NULL; i++)
    {
      if (cg_dataset_lookup_row (all, members[i]) >= 0)
        g_strv_builder_add (with_profile, members[i]);
      else
        missing++;
    }
  codes = g_strv_builder_end (with_profile);
  subset = cg_dataset_select (all, (const char * const *) codes, NULL);
  matrix = cg_divergence_compute (subset, cg_comparison_get_range_mode (self->comparison));
  stats = cg_group_stats_compute (subset, matrix);

  {
    g_autofree char *name = g_markup_escape_text (group->name, -1);
    g_string_append_printf (text, "<span size='large' weight='bold'>%s</span>\n", name);
  }
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "%u member with a profile",
                                             "%u members with a profile", stats->n),
                          stats->n);
  if (missing > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               " (%u member has no profile yet)",
                                               " (%u members have no profile yet)", missing),
                            missing);
  g_string_append (text, "\n");
  if (!isnan (stats->mean_divergence))
    g_string_append_printf (text, _("Mean divergence %.2f (0 = identical, 1 = different on "
                                    "every indicator compared)\n"), stats->mean_divergence);
  if (stats->n >= 3 && !isnan (stats->member_divergence[stats->farthest]))
    {
      g_autofree char *line = g_markup_printf_escaped (_("Farthest from the rest: %s, %.2f on "
                                                         "average\n"),
                                                       cg_dataset_get_name (subset,
                                                                            stats->farthest),
                                                       stats->member_divergence[stats->farthest]);
      g_string_append (text, line);
    }

  g_string_append_printf (text, "\n<b>%s</b>\n", _("Common ground"));
  for (guint j = 0; j < stats->agreements->len; j++)
    {
      CgAgreement *g = &g_array_index (stats->agreements, CgAgreement, j);
      const CgIndicator *indicator = cg_framework_get_indicator (framework, g->column);
      g_autofree char *value = NULL;
      g_autofree char *line = NULL;

      if (!g->common_ground)
        continue;
      value = format_value (indicator, g->value);
      /* Translators: “Data protection law: comprehensive (4 of 5 members known)” */
      line = g_markup_printf_escaped (_("%s: %s (%u of %u members known)"), indicator->label,
                                      value, g->n_known, stats->n);
      g_string_append_printf (text, "• %s\n", line);
    }

  g_string_append_printf (text, "\n<b>%s</b>\n", _("Where the members differ most"));
  for (guint j = 0; j < stats->agreements->len; j++)
    {
      CgAgreement *g = &g_array_index (stats->agreements, CgAgreement, j);
      const CgIndicator *indicator = cg_framework_get_indicator (framework, g->column);
      g_autofree char *line = NULL;

      if (g->n_known < 2 || g->common_ground || g->agreement > 0.67)
        continue;
      /* Translators: “Digital services tax rate: 33% of the 3 members with a known value
       * agree” */
      line = g_markup_printf_escaped (_("%s: %.0f%% of the %u members with a known value "
                                        "agree"),
                                      indicator->label, g->agreement * 100, g->n_known);
      g_string_append_printf (text, "• %s\n", line);
    }

  gtk_label_set_markup (self->group_text, text->str);
}

typedef struct
{
  CgWorldMap *map;     /* (not owned): the window's */
  double     *values;
  int         highlight;
  char       *title;
  char       *as_of;
  char       *framework;
} WorldChart;

static void
world_data (GString  *csv,
            gpointer  user_data)
{
  WorldChart *chart = user_data;

  cg_csv_append_row (csv, "code", "name", "divergence", NULL);
  for (guint i = 0; i < cg_world_map_get_n_countries (chart->map); i++)
    {
      cg_csv_append_field (csv, cg_world_map_get_alpha2 (chart->map, i));
      g_string_append_c (csv, ',');
      cg_csv_append_field (csv, cg_world_map_get_name (chart->map, i));
      g_string_append_c (csv, ',');
      cg_csv_append_number (csv, chart->values[i]);
      g_string_append (csv, "\r\n");
    }
}

static void
world_chart_free (gpointer data)
{
  WorldChart *chart = data;

  g_free (chart->values);
  g_free (chart->title);
  g_free (chart->as_of);
  g_free (chart->framework);
  g_free (chart);
}

static void
paint_world (cairo_t            *cr,
             double              width,
             double              height,
             const CgChartStyle *style,
             gpointer            user_data)
{
  WorldChart *chart = user_data;
  g_autoptr(CgChoroplethLayout) layout = cg_choropleth_layout_new (chart->map, width, height,
                                                                   style);
  CgChartInfo info = { .as_of = chart->as_of, .framework = chart->framework };

  cg_choropleth_render (cr, chart->map, chart->values, chart->highlight, layout, style,
                        chart->title,
                        _("0 = the same rules, 1 = different on every indicator compared; "
                          "click a country to compare it or leave it out"),
                        &info);
}

/* The world map measures from the first country of the Compare page. */
void
_cg_window_update_world (CgWindow *self)
{
  CgDataset *dataset;
  const char *from;
  g_autoptr(CgMatrix) matrix = NULL;
  WorldChart *chart;
  guint n;
  int row;

  if (self->comparison == NULL || self->updating)
    return;

  if (self->world_map == NULL)
    {
      g_autofree char *path = cg_world_map_dup_shipped_path ();
      g_autoptr(GError) error = NULL;

      self->world_map = cg_world_map_new_from_file (path, &error);
      if (self->world_map == NULL)
        {
          g_warning ("The world map could not be read: %s", error->message);
          return;
        }
    }

  dataset = cg_comparison_get_dataset (self->comparison);
  from = selected_code (self, self->compare_a);
  row = from != NULL ? cg_dataset_lookup_row (dataset, from) : -1;
  if (row < 0)
    {
      cg_chart_view_set_painter (self->world_view, NULL, NULL, NULL);
      return;
    }

  matrix = cg_divergence_compute (dataset, cg_comparison_get_range_mode (self->comparison));
  n = cg_world_map_get_n_countries (self->world_map);
  chart = g_new0 (WorldChart, 1);
  chart->map = self->world_map;
  chart->values = g_new (double, n);
  chart->highlight = cg_world_map_find_alpha2 (self->world_map, from);
  /* Translators: map title, “Divergence from France” */
  chart->title = g_strdup_printf (_("Divergence from %s"), cg_dataset_get_name (dataset, row));
  chart->as_of = g_strdup (cg_dataset_get_as_of (dataset));
  chart->framework = g_strdup (self->framework_label);
  for (guint i = 0; i < n; i++)
    {
      const char *alpha2 = cg_world_map_get_alpha2 (self->world_map, i);
      int other = alpha2 != NULL ? cg_dataset_lookup_row (dataset, alpha2) : -1;

      /* Countries not ticked keep their colour: the map shows the whole data set. */
      chart->values[i] = other >= 0 ? cg_matrix_get (matrix, (guint) row, (guint) other) : NAN;
    }
  cg_chart_view_set_painter (self->world_view, paint_world, chart, world_chart_free);
  cg_chart_view_set_data_func (self->world_view, world_data);
}

static void
world_clicked_cb (CgWindow *self,
                  double    x,
                  double    y)
{
  g_autoptr(CgChoroplethLayout) layout = NULL;
  CgChartStyle style;
  const char *code;
  int index;

  if (self->world_map == NULL || self->comparison == NULL)
    return;
  cg_chart_theme_get_style (cg_chart_theme_get_default (), &style);
  layout = cg_choropleth_layout_new (self->world_map,
                                     gtk_widget_get_width (GTK_WIDGET (self->world_view)),
                                     gtk_widget_get_height (GTK_WIDGET (self->world_view)),
                                     &style);
  index = cg_choropleth_hit_test (self->world_map, layout, x, y);
  code = index >= 0 ? cg_world_map_get_alpha2 (self->world_map, (guint) index) : NULL;
  if (code != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toggle-country", "s", code);
}

static void
select_code (CgWindow    *self,
             GtkDropDown *dropdown,
             const char  *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->compare_codes)); i++)
    if (g_str_equal (gtk_string_list_get_string (self->compare_codes, i), code))
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
}

/* A heatmap cell was clicked: show what drives that pair apart. */
static void
pair_activated_cb (CgWindow   *self,
                   const char *row_code,
                   const char *column_code)
{
  if (self->compare_codes == NULL)
    return;
  self->updating = TRUE;
  select_code (self, self->compare_a, row_code);
  select_code (self, self->compare_b, column_code);
  self->updating = FALSE;
  _cg_window_update_compare (self);
  gtk_stack_set_visible_child_name (self->compare_stack, "differences");
  adw_view_stack_set_visible_child_name (self->view_stack, "compare");
}

static void
compare_changed_cb (CgWindow *self)
{
  _cg_window_update_compare (self);
  _cg_window_update_world (self);
}

static void
group_changed_cb (CgWindow *self)
{
  _cg_window_update_group (self);
}

void
_cg_window_views_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, CgWindow, compare_a);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, compare_b);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, compare_summary);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, compare_stack);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, compare_view);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, compare_radar_view);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, compare_timeline_view);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, map_stack);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, map_status);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, group_text);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, world_view);
  gtk_widget_class_bind_template_callback (widget_class, compare_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pair_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, world_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_changed_cb);
}
