/* cg-window.c: the main window
 *
 * A list of the countries that have profiles, and the divergence heatmap of those
 * ticked. The policy data is loaded (and on first run imported) in a worker thread,
 * so the window shows at once.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-chart-export.h"
#include "cg-chart-theme.h"
#include "cg-country.h"
#include "cg-heatmap-view.h"
#include "cg-itu-regions.h"
#include "cg-matrix-csv.h"
#include "cg-store.h"
#include "cg-window.h"
#include "cg-window-private.h"
#include "cg-world-map.h"


G_DEFINE_FINAL_TYPE (CgWindow, cg_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  CgStore    *store;
  CgDataset  *dataset;
  GListModel *countries;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->dataset, cg_dataset_unref);
  g_clear_object (&result->countries);
  g_clear_object (&result->store);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(CgStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LoadResult *result;

  store = cg_store_open_default (&error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (LoadResult, 1);
  result->dataset = cg_store_load_dataset (store, NULL, &error);
  if (result->dataset != NULL)
    result->countries = cg_store_list_countries (store, &error);

  if (error != NULL)
    {
      load_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The window uses the store from now on, one thread at a time. */
  result->store = g_steal_pointer (&store);
  g_task_return_pointer (task, result, load_result_free);
}

static void
update_checks (CgWindow *self)
{
  for (guint i = 0; i < self->bound_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->bound_checks, i);
      const char *code = g_object_get_data (G_OBJECT (check), "country-code");

      if (code != NULL)
        gtk_check_button_set_active (check, cg_comparison_get_selected (self->comparison, code));
    }
}

static void
comparison_changed_cb (CgWindow *self)
{
  guint n_selected = cg_comparison_get_n_selected (self->comparison);
  guint n_total = cg_dataset_get_n_rows (cg_comparison_get_dataset (self->comparison));
  g_autofree char *subtitle = NULL;
  g_auto(GStrv) selection = NULL;

  cg_heatmap_view_set_data (self->heatmap_view, cg_comparison_get_matrix (self->comparison),
                            cg_comparison_get_tree (self->comparison));
  gtk_stack_set_visible_child_name (self->chart_stack,
                                    cg_comparison_get_matrix (self->comparison) != NULL
                                    ? "chart" : "empty");

  /* Translators: window subtitle, “5 of 15 countries selected” */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u country selected",
                                           "%u of %u countries selected", n_total),
                              n_selected, n_total);
  adw_view_switcher_title_set_subtitle (self->window_title, subtitle);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart",
                                 cg_comparison_get_matrix (self->comparison) != NULL);
  update_checks (self);
  _cg_window_update_compare (self);
  _cg_window_update_map (self);

  selection = cg_comparison_dup_selection (self->comparison);
  g_settings_set_strv (self->settings, "selected-countries", (const char * const *) selection);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  CgWindow       *self)
{
  const char *code = g_object_get_data (G_OBJECT (check), "country-code");

  if (self->comparison != NULL && code != NULL)
    cg_comparison_set_selected (self->comparison, code, gtk_check_button_get_active (check));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CgWindow                 *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *code = gtk_label_new (NULL);

  gtk_widget_set_hexpand (check, TRUE);
  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_add_css_class (code, "country-code");
  gtk_widget_set_margin_end (code, 6);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), code);
  gtk_list_item_set_child (item, box);

  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CgWindow                 *self)
{
  CgCountry *country = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_first_child (box);
  GtkWidget *code = gtk_widget_get_last_child (box);
  g_autofree char *tooltip = NULL;

  g_object_set_data (G_OBJECT (check), "country-code", NULL);
  gtk_check_button_set_label (GTK_CHECK_BUTTON (check), cg_country_get_name (country));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               cg_comparison_get_selected (self->comparison,
                                                           cg_country_get_code (country)));
  g_object_set_data_full (G_OBJECT (check), "country-code",
                          g_strdup (cg_country_get_code (country)), g_free);
  gtk_label_set_text (GTK_LABEL (code), cg_country_get_code (country));
  gtk_widget_set_sensitive (check, cg_country_get_has_profile (country));

  if (cg_country_get_has_profile (country))
    tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator known",
                                            "%u indicators known",
                                            cg_country_get_n_values (country)),
                               cg_country_get_n_values (country));
  else
    /* Translators: tooltip of a Member State the data set has no profile of yet */
    tooltip = g_strdup (_("No policy profile yet"));
  gtk_widget_set_tooltip_text (box, tooltip);

  g_ptr_array_add (self->bound_checks, check);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CgWindow                 *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_first_child (box);

  g_object_set_data (G_OBJECT (check), "country-code", NULL);
  if (self->bound_checks != NULL)
    g_ptr_array_remove_fast (self->bound_checks, check);
}

static gboolean
country_matches (gpointer item,
                 gpointer user_data)
{
  CgWindow *self = user_data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;

  {
    /* The first entry is All Regions; then the ITU regions in their order. */
    guint region = gtk_drop_down_get_selected (self->region_dropdown);

    if (region > 0 && region <= CG_N_ITU_REGIONS &&
        g_strcmp0 (cg_country_get_region (CG_COUNTRY (item)),
                   cg_itu_region_ids ()[region - 1]) != 0)
      return FALSE;
  }

  if (query == NULL || *query == '\0')
    return TRUE;

  needle = g_utf8_casefold (query, -1);
  name = g_utf8_casefold (cg_country_get_name (CG_COUNTRY (item)), -1);
  code = g_utf8_casefold (cg_country_get_code (CG_COUNTRY (item)), -1);

  return strstr (name, needle) != NULL || g_str_has_prefix (code, needle);
}

static void
search_changed_cb (CgWindow *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
country_activated_cb (CgWindow *self,
                      guint     position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->country_list));
  g_autoptr(CgCountry) country = g_list_model_get_item (model, position);

  if (country != NULL)
    cg_comparison_set_selected (self->comparison, cg_country_get_code (country),
                                !cg_comparison_get_selected (self->comparison,
                                                             cg_country_get_code (country)));
}

static void
fill_presets (CgWindow    *self,
              CgFramework *framework)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->preset_ids = gtk_string_list_new (NULL);
  for (guint i = 0; i < cg_framework_get_n_presets (framework); i++)
    {
      const CgPreset *preset = cg_framework_get_preset (framework, i);

      /* Labels come from the framework: data, not translatable strings. */
      gtk_string_list_append (labels, preset->label);
      gtk_string_list_append (self->preset_ids, preset->id);
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->preset_dropdown, G_LIST_MODEL (labels));
  gtk_widget_set_visible (GTK_WIDGET (self->preset_dropdown),
                          cg_framework_get_n_presets (framework) > 0);
  self->updating = FALSE;
}

static void
update_date_label (CgWindow *self)
{
  if (self->as_of == NULL)
    /* Translators: the date control when it shows today's rules */
    gtk_menu_button_set_label (self->date_button, _("Today"));
  else
    {
      g_autoptr(GDateTime) date = NULL;
      g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", self->as_of);
      g_autofree char *label = NULL;

      date = g_date_time_new_from_iso8601 (iso, NULL);
      /* Translators: the date control, e.g. “As of 1 January 2020”; %x is the locale's date */
      label = date != NULL ? g_date_time_format (date, _("As of %x")) : g_strdup (self->as_of);
      gtk_menu_button_set_label (self->date_button, label);
    }
}

/* The rules at another date, or other weights: the same countries stay selected. */
static void
reload_dataset (CgWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgDataset) dataset = NULL;
  guint preset = gtk_drop_down_get_selected (self->preset_dropdown);

  if (self->store == NULL || self->comparison == NULL)
    return;

  dataset = cg_store_load_dataset (self->store, self->as_of, &error);
  if (dataset != NULL && self->preset_ids != NULL &&
      preset < g_list_model_get_n_items (G_LIST_MODEL (self->preset_ids)))
    cg_dataset_apply_preset (dataset, gtk_string_list_get_string (self->preset_ids, preset),
                             &error);
  if (error != NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  g_free (self->weights_label);
  self->weights_label = g_strdup (gtk_string_object_get_string (
    GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (self->preset_dropdown))));
  cg_heatmap_view_set_info (self->heatmap_view, cg_dataset_get_as_of (dataset),
                            self->framework_label, self->weights_label);
  cg_comparison_set_dataset (self->comparison, dataset);
  _cg_window_update_group (self);
  _cg_window_update_world (self);
}

static void
preset_changed_cb (CgWindow *self)
{
  if (!self->updating)
    reload_dataset (self);
}

static void
set_preset_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  guint n;

  if (self->preset_ids == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->preset_ids));
  for (guint i = 0; i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (self->preset_ids, i), id))
      gtk_drop_down_set_selected (self->preset_dropdown, i);
}

static void
day_selected_cb (CgWindow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

  g_free (self->as_of);
  self->as_of = g_date_time_format (date, "%Y-%m-%d");
  update_date_label (self);
  reload_dataset (self);
}

static void
today_clicked_cb (CgWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_clear_pointer (&self->as_of, g_free);
  update_date_label (self);
  gtk_calendar_select_day (self->calendar, now);
  g_clear_pointer (&self->as_of, g_free);
  update_date_label (self);
  reload_dataset (self);
  gtk_menu_button_popdown (self->date_button);
}

static void
region_changed_cb (CgWindow *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
view_changed_cb (CgWindow *self)
{
  /* Export works on the chart of the page shown. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart",
                                 g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack),
                                            "group") != 0 &&
                                 cg_heatmap_view_get_matrix (self->heatmap_view) != NULL);
}

static void
show_loaded (CgWindow   *self,
             LoadResult *result)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_auto(GStrv) saved = NULL;
  CgFramework *framework = cg_dataset_get_framework (result->dataset);
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);

  gtk_string_list_append (regions, _("All Regions"));
  for (guint r = 0; r < CG_N_ITU_REGIONS; r++)
    gtk_string_list_append (regions, cg_itu_region_label (r));
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (regions));

  self->store = g_object_ref (result->store);
  self->comparison = cg_comparison_new (result->dataset);
  self->countries = g_object_ref (result->countries);
  self->regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (self->countries); i++)
    {
      g_autoptr(CgCountry) country = g_list_model_get_item (self->countries, i);

      if (cg_country_get_region (country) != NULL)
        g_hash_table_insert (self->regions, g_strdup (cg_country_get_code (country)),
                             g_strdup (cg_country_get_region (country)));
    }
  fill_presets (self, framework);
  update_date_label (self);
  self->framework_label = g_strdup_printf ("%s v%u", cg_framework_get_id (framework),
                                          cg_framework_get_version (framework));
  cg_heatmap_view_set_info (self->heatmap_view, cg_dataset_get_as_of (result->dataset),
                            self->framework_label, NULL);

  self->filter = gtk_custom_filter_new (country_matches, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (self->countries),
                                        g_object_ref (GTK_FILTER (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&filtered)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->country_list, factory);
  gtk_list_view_set_model (self->country_list, GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (self->comparison, "changed", G_CALLBACK (comparison_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* The last selection, or on first run every loaded country. */
  saved = g_settings_get_strv (self->settings, "selected-countries");
  if (saved[0] != NULL)
    cg_comparison_set_selection (self->comparison, (const char * const *) saved);
  else
    {
      g_auto(GStrv) all = NULL;
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint i = 0; i < cg_dataset_get_n_rows (result->dataset); i++)
        g_strv_builder_add (builder, cg_dataset_get_code (result->dataset, i));
      all = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
      cg_comparison_set_selection (self->comparison, (const char * const *) all);
    }

  _cg_window_fill_views (self);
  _cg_window_update_compare (self);
  _cg_window_update_map (self);
  _cg_window_update_world (self);
  gtk_stack_set_visible_child_name (self->main_stack, "content");
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  CgWindow *self;
  LoadResult *result;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = CG_WINDOW (user_data);
  if (result == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }

  show_loaded (self, result);
  load_result_free (result);
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
select_all_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  GStrvBuilder *builder;
  g_auto(GStrv) codes = NULL;
  GListModel *visible;

  if (self->comparison == NULL)
    return;

  /* Adds every country the search shows to the selection. */
  builder = g_strv_builder_new ();
  visible = G_LIST_MODEL (gtk_list_view_get_model (self->country_list));
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(CgCountry) country = g_list_model_get_item (visible, i);
      g_strv_builder_add (builder, cg_country_get_code (country));
    }
  {
    g_auto(GStrv) current = cg_comparison_dup_selection (self->comparison);
    g_strv_builder_addv (builder, (const char **) current);
  }
  codes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  cg_comparison_set_selection (self->comparison, (const char * const *) codes);
}

static void
select_none_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  const char *none[] = { NULL };

  if (self->comparison != NULL)
    cg_comparison_set_selection (self->comparison, none);
}

static void
toggle_country_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  const char *code = g_variant_get_string (parameter, NULL);

  if (self->comparison != NULL)
    cg_comparison_set_selected (self->comparison, code,
                                !cg_comparison_get_selected (self->comparison, code));
}

typedef struct
{
  CgWindow *window;
  GtkWidget *view;
} ExportPaint;

static void
paint_export (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  user_data)
{
  ExportPaint *paint = user_data;
  CgChartStyle style;

  cg_chart_theme_get_export_style (cg_chart_theme_get_default (), &style);
  if (CG_IS_HEATMAP_VIEW (paint->view))
    cg_heatmap_view_paint (CG_HEATMAP_VIEW (paint->view), cr, width, height, &style);
  else
    cg_chart_view_paint (CG_CHART_VIEW (paint->view), cr, width, height, &style);
}

/* The chart of the page shown. */
static GtkWidget *
visible_chart (CgWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (page, "compare") == 0)
    return gtk_stack_get_visible_child (self->compare_stack);
  if (g_strcmp0 (page, "map") == 0)
    return GTK_WIDGET (self->map_view);
  if (g_strcmp0 (page, "world") == 0)
    return GTK_WIDGET (self->world_view);
  return GTK_WIDGET (self->heatmap_view);
}

static void
show_error_dialog (CgWindow   *self,
                   const char *heading,
                   const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    CgWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;
  ExportPaint paint = { self, visible_chart (self) };
  double width, height;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = g_file_get_path (file);
  if (path == NULL)
    goto out;

  /* The data behind the chart shown, as a table. */
  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV"))
    {
      gboolean written;

      if (CG_IS_HEATMAP_VIEW (paint.view))
        written = cg_matrix_write_csv (cg_heatmap_view_get_matrix (CG_HEATMAP_VIEW (paint.view)),
                                       path, &error);
      else
        {
          g_autofree char *csv = cg_chart_view_dup_csv (CG_CHART_VIEW (paint.view));

          if (csv == NULL)
            g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                 _("This chart has no data to export."));
          written = csv != NULL && g_file_set_contents (path, csv, -1, &error);
        }
      if (!written)
        {
          show_error_dialog (self, _("The Data Could Not Be Exported"), error->message);
          goto out;
        }
      basename = g_path_get_basename (path);
      /* Translators: a toast; the placeholder is a file name */
      message = g_strdup_printf (_("Data exported to “%s”"), basename);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      goto out;
    }

  /* A file name typed without an extension becomes a PNG. */
  {
    CgExportFormat format;
    if (!cg_export_format_from_path (path, &format, NULL))
      {
        char *with_extension = g_strconcat (path, ".png", NULL);
        g_free (path);
        path = with_extension;
      }
  }

  width = MAX (gtk_widget_get_width (paint.view), 640);
  height = MAX (gtk_widget_get_height (paint.view), 480);

  /* The file chooser already asked before replacing a file. */
  if (!cg_chart_export (path, width, height, 192, TRUE, paint_export, &paint, &error))
    {
      show_error_dialog (self, _("The Chart Could Not Be Exported"), error->message);
      goto out;
    }

  basename = g_path_get_basename (path);
  /* Translators: a toast; the placeholder is a file name */
  message = g_strdup_printf (_("Chart exported to “%s”"), basename);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));

out:
  g_clear_object (&self->export_chooser);
}

static void
export_chart_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  const struct { const char *name; const char *pattern; } types[] = {
    { N_("PNG image"), "*.png" },
    { N_("SVG drawing"), "*.svg" },
    { N_("PDF document"), "*.pdf" },
    { N_("CSV table: the chart’s data"), "*.csv" },
  };

  if (cg_heatmap_view_get_matrix (self->heatmap_view) == NULL || self->export_chooser != NULL)
    return;

  self->export_chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE,
                                                      _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser),
                                     /* Translators: default file name of an exported chart */
                                     _("divergence-heatmap.png"));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(types[i].name));
      gtk_file_filter_add_pattern (filter, types[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), filter);
    }

  g_signal_connect (self->export_chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

static void
cg_window_dispose (GObject *object)
{
  CgWindow *self = CG_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
  g_clear_object (&self->export_chooser);
  g_clear_object (&self->comparison);
  g_clear_object (&self->countries);
  g_clear_object (&self->filter);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->preset_ids);
  g_clear_object (&self->compare_codes);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_hash_table_unref);
  g_clear_pointer (&self->world_map, cg_world_map_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_WINDOW);
  g_clear_pointer (&self->bound_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (cg_window_parent_class)->dispose (object);
}

static void
cg_window_finalize (GObject *object)
{
  CgWindow *self = CG_WINDOW (object);

  g_free (self->framework_label);
  g_free (self->weights_label);
  g_free (self->as_of);
  _cg_window_present_finalize (self);

  G_OBJECT_CLASS (cg_window_parent_class)->finalize (object);
}

static void
cg_window_class_init (CgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_window_dispose;
  object_class->finalize = cg_window_finalize;

  g_type_ensure (CG_TYPE_HEATMAP_VIEW);
  g_type_ensure (CG_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               CG_RESOURCE_PREFIX "/cg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, country_list);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, heatmap_view);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, preset_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, date_button);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, calendar);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, preset_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, region_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  _cg_window_views_class_init (widget_class);
  _cg_window_present_class_init (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "win.select-all", NULL, select_all_action_cb);
  gtk_widget_class_install_action (widget_class, "win.select-none", NULL,
                                   select_none_action_cb);
  gtk_widget_class_install_action (widget_class, "win.toggle-country", "s",
                                   toggle_country_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL,
                                   export_chart_action_cb);
  gtk_widget_class_install_action (widget_class, "win.set-preset", "s", set_preset_action_cb);
}

static void
cg_window_init (CgWindow *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_css_provider_load_from_resource (css, CG_RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  self->bound_checks = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart", FALSE);
  _cg_window_present_init (self);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");

  task = g_task_new (NULL, self->cancellable, load_done_cb, self);
  g_task_set_source_tag (task, cg_window_init);
  g_task_run_in_thread (task, load_thread);
}

CgWindow *
cg_window_new (CgApplication *application)
{
  return g_object_new (CG_TYPE_WINDOW, "application", application, NULL);
}

/**
 * cg_window_get_comparison:
 *
 * Returns: (transfer none) (nullable): the comparison, once the data is loaded
 */
CgComparison *
cg_window_get_comparison (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);
  return self->comparison;
}

/**
 * cg_window_get_heatmap_view:
 *
 * Returns: (transfer none): the heatmap widget
 */
GtkWidget *
cg_window_get_heatmap_view (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->heatmap_view);
}

/**
 * cg_window_get_visible_page:
 *
 * Returns: "loading", "error", "empty" or "chart"
 */
const char *
cg_window_get_visible_page (CgWindow *self)
{
  const char *main_page;

  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);

  main_page = gtk_stack_get_visible_child_name (self->main_stack);
  if (g_strcmp0 (main_page, "content") != 0)
    return main_page;
  return gtk_stack_get_visible_child_name (self->chart_stack);
}
