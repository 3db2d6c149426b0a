/* test-window.c: the main window, under a real display
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "cg-chart-choropleth.h"
#include "cg-chart-theme.h"
#include "cg-chart-view.h"
#include "cg-heatmap-view.h"
#include "cg-window.h"

static void
iterate_until (CgWindow   *window,
               gboolean  (*done) (CgWindow *window, gconstpointer data),
               gconstpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (window, data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
page_is (CgWindow      *window,
         gconstpointer  data)
{
  return g_strcmp0 (cg_window_get_visible_page (window), data) == 0;
}

static gboolean
loaded (CgWindow      *window,
        gconstpointer  data)
{
  return g_strcmp0 (cg_window_get_visible_page (window), "loading") != 0;
}

/* The @nth widget of @type in @root, depth first. */
static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type,
              guint      nth)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, 0);

      if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && nth-- == 0)
        return widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  return NULL;
}

static GtkWidget *
find_label_with_prefix (GtkWidget  *root,
                        const char *prefix)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *label = find_by_type (root, GTK_TYPE_LABEL, i);

      if (label == NULL)
        return NULL;
      if (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), prefix))
        return label;
    }
}

static gboolean
matrix_has_codes (CgMatrix   *matrix,
                  const char *code)
{
  for (guint i = 0; matrix != NULL && i < cg_matrix_get_size (matrix); i++)
    {
      if (g_str_equal (cg_matrix_get_code (matrix, i), code))
        return TRUE;
    }
  return FALSE;
}

/* What the chart shows, as pixels: the widget's own painter on an image. */
static GBytes *
paint_chart (CgHeatmapView *view)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 480);
  cairo_t *cr = cairo_create (surface);
  CgChartStyle style;
  GBytes *bytes;

  cg_chart_style_init_light (&style);
  cg_heatmap_view_paint (view, cr, 640, 480, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       cairo_image_surface_get_stride (surface) * 480);
  cairo_surface_destroy (surface);
  return bytes;
}

static void
test_select_changes_chart (void)
{
  CgWindow *window = g_object_ref_sink (cg_window_new (NULL));
  CgHeatmapView *view;
  CgComparison *comparison;
  CgMatrix *matrix;
  g_autoptr(GBytes) all_pixels = NULL;
  g_autoptr(GBytes) fewer_pixels = NULL;
  guint n_all;

  gtk_window_present (GTK_WINDOW (window));
  iterate_until (window, loaded, NULL);

  /* First run: every country with a profile is compared. */
  g_assert_cmpstr (cg_window_get_visible_page (window), ==, "chart");
  comparison = cg_window_get_comparison (window);
  view = CG_HEATMAP_VIEW (cg_window_get_heatmap_view (window));
  matrix = cg_heatmap_view_get_matrix (view);
  g_assert_nonnull (matrix);
  n_all = cg_matrix_get_size (matrix);
  g_assert_cmpuint (n_all, >=, 5);
  g_assert_cmpuint (n_all, ==, cg_comparison_get_n_selected (comparison));
  g_assert_true (matrix_has_codes (matrix, "FR"));
  all_pixels = paint_chart (view);

  /* Unticking France redraws the heatmap without it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-country", "s", "FR");
  matrix = cg_heatmap_view_get_matrix (view);
  g_assert_cmpuint (cg_matrix_get_size (matrix), ==, n_all - 1);
  g_assert_false (matrix_has_codes (matrix, "FR"));
  fewer_pixels = paint_chart (view);
  g_assert_false (g_bytes_equal (all_pixels, fewer_pixels));

  /* Nothing selected: the empty state with its way forward. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-none", NULL);
  iterate_until (window, page_is, "empty");
  g_assert_null (cg_heatmap_view_get_matrix (view));

  /* Two countries: a 2 × 2 heatmap of exactly them. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-country", "s", "GB");
  g_assert_cmpstr (cg_window_get_visible_page (window), ==, "empty");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-country", "s", "FR");
  iterate_until (window, page_is, "chart");
  matrix = cg_heatmap_view_get_matrix (view);
  g_assert_cmpuint (cg_matrix_get_size (matrix), ==, 2);
  g_assert_true (matrix_has_codes (matrix, "FR"));
  g_assert_true (matrix_has_codes (matrix, "GB"));
  g_assert_false (isnan (cg_matrix_get (matrix, 0, 1)));

  /* The Compare page explains the pair the drop-downs name. */
  {
    GtkWidget *compare = NULL;
    GtkLabel *summary = NULL;

    compare = find_by_type (GTK_WIDGET (window), CG_TYPE_CHART_VIEW, 0);
    g_assert_nonnull (compare);
    g_assert_true (cg_chart_view_has_chart (CG_CHART_VIEW (compare)));
    /* … and shows the pair's restrictiveness radar and their history beside it. */
    {
      GtkStack *pages = NULL;

      for (guint i = 0; pages == NULL; i++)
        {
          GtkWidget *stack = find_by_type (GTK_WIDGET (window), GTK_TYPE_STACK, i);

          g_assert_nonnull (stack);
          if (gtk_stack_get_child_by_name (GTK_STACK (stack), "restrictiveness") != NULL)
            pages = GTK_STACK (stack);
        }
      g_assert_true (cg_chart_view_has_chart (
        CG_CHART_VIEW (gtk_stack_get_child_by_name (pages, "differences"))));
      g_assert_true (cg_chart_view_has_chart (
        CG_CHART_VIEW (gtk_stack_get_child_by_name (pages, "restrictiveness"))));
      g_assert_true (cg_chart_view_has_chart (
        CG_CHART_VIEW (gtk_stack_get_child_by_name (pages, "history"))));

      /* Each chart's data can be exported as a table. */
      {
        g_autofree char *bars = cg_chart_view_dup_csv (
          CG_CHART_VIEW (gtk_stack_get_child_by_name (pages, "differences")));
        g_autofree char *radar = cg_chart_view_dup_csv (
          CG_CHART_VIEW (gtk_stack_get_child_by_name (pages, "restrictiveness")));
        g_auto(GStrv) lines = NULL;

        g_assert_nonnull (bars);
        g_assert_true (g_str_has_prefix (bars, "indicator,values,share\r\n"));
        g_assert_nonnull (radar);
        lines = g_strsplit (radar, "\r\n", -1);
        g_assert_cmpstr (lines[0], ==, "country,dimension,restrictiveness");
        /* two countries × 8 dimensions, and the empty string after the last line */
        g_assert_cmpuint (g_strv_length (lines), ==, 1 + 2 * 8 + 1);
      }
    }
    summary = GTK_LABEL (find_label_with_prefix (GTK_WIDGET (window), "Divergence "));
    g_assert_nonnull (summary);
  }

  /* Clicking a heatmap cell opens that pair's comparison. */
  {
    AdwViewStack *stack = ADW_VIEW_STACK (find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK,
                                                        0));
    GtkDropDown *first = GTK_DROP_DOWN (find_by_type (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, 0));
    g_autoptr(GPtrArray) names = g_ptr_array_new ();

    adw_view_stack_set_visible_child_name (stack, "matrix");
    g_signal_emit_by_name (view, "pair-activated", "GB", "FR");
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "compare");
    /* Both drop-downs now name the pair, GB first. */
    for (guint i = 0;; i++)
      {
        GtkWidget *dropdown = find_by_type (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, i);
        GObject *item;

        if (dropdown == NULL)
          break;
        item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));
        if (GTK_IS_STRING_OBJECT (item))
          g_ptr_array_add (names, (gpointer) gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
      }
    g_assert_nonnull (first);
    g_assert_cmpuint (names->len, >=, 2);
    /* The compare drop-downs come first among those showing “Name (CODE)”. */
    {
      guint gb = G_MAXUINT, fr = G_MAXUINT;

      for (guint i = 0; i < names->len; i++)
        {
          if (gb == G_MAXUINT && g_str_has_suffix (names->pdata[i], "(GB)"))
            gb = i;
          if (fr == G_MAXUINT && g_str_has_suffix (names->pdata[i], "(FR)"))
            fr = i;
        }
      g_assert_cmpuint (gb, !=, G_MAXUINT);
      g_assert_cmpuint (fr, !=, G_MAXUINT);
      g_assert_cmpuint (gb, <, fr);
    }
    adw_view_stack_set_visible_child_name (stack, "matrix");
  }

  /* Another weights preset: the same countries, other numbers. */
  {
    double before = cg_matrix_get (cg_heatmap_view_get_matrix (view), 0, 1);
    double after;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.set-preset", "s", "users");
    matrix = cg_heatmap_view_get_matrix (view);
    g_assert_cmpuint (cg_matrix_get_size (matrix), ==, 2);
    after = cg_matrix_get (matrix, 0, 1);
    g_assert_cmpfloat (before, !=, after);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.set-preset", "s", "equal");
    g_assert_cmpfloat (cg_matrix_get (cg_heatmap_view_get_matrix (view), 0, 1), ==, before);
  }

  /* Clicking Kenya on the world map adds it to the comparison. */
  {
    AdwViewStack *stack = ADW_VIEW_STACK (find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK,
                                                        0));
    CgChartView *world = NULL;
    g_autofree char *path = cg_world_map_dup_shipped_path ();
    g_autoptr(CgWorldMap) map = cg_world_map_new_from_file (path, NULL);
    g_autoptr(CgChoroplethLayout) layout = NULL;
    CgChartStyle style;
    double px, py;
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    g_assert_nonnull (map);
    adw_view_stack_set_visible_child_name (stack, "world");
    world = CG_CHART_VIEW (adw_view_stack_get_visible_child (stack));
    while (gtk_widget_get_width (GTK_WIDGET (world)) == 0 && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
    g_assert_true (cg_chart_view_has_chart (world));

    cg_chart_style_init_light (&style);
    layout = cg_choropleth_layout_new (map, gtk_widget_get_width (GTK_WIDGET (world)),
                                       gtk_widget_get_height (GTK_WIDGET (world)), &style);
    cg_equal_earth_project (37.9, 0.5, &px, &py);
    g_assert_false (cg_comparison_get_selected (comparison, "KE"));
    g_signal_emit_by_name (world, "chart-clicked", layout->dx + layout->scale * px,
                           layout->dy - layout->scale * py);
    g_assert_true (cg_comparison_get_selected (comparison, "KE"));
    g_assert_cmpuint (cg_matrix_get_size (cg_heatmap_view_get_matrix (view)), ==, 3);
  }

  /* Presenting: the chart alone, full screen, in the projector style; the views follow
   * one another; stopping brings back the user's style. */
  {
    AdwViewStack *stack = ADW_VIEW_STACK (find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK,
                                                        0));
    GtkWidget *header = find_by_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, 0);
    CgChartTheme *theme = cg_chart_theme_get_default ();

    adw_view_stack_set_visible_child_name (stack, "matrix");
    g_assert_cmpstr (cg_chart_theme_get_name (theme), ==, "automatic");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
    g_assert_false (gtk_widget_get_visible (header));
    g_assert_cmpstr (cg_chart_theme_get_name (theme), ==, "high-contrast");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.next-view", NULL);
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "compare");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-view", NULL);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-view", NULL);
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "group");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.stop-presenting", NULL);
    g_assert_true (gtk_widget_get_visible (header));
    g_assert_cmpstr (cg_chart_theme_get_name (theme), ==, "automatic");
    adw_view_stack_set_visible_child_name (stack, "matrix");
  }

  /* Select All brings every country back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-all", NULL);
  g_assert_cmpuint (cg_matrix_get_size (cg_heatmap_view_get_matrix (view)), ==, n_all);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* The window's charts follow the desktop, or a style the user picks; exports stay light. */
static void
test_chart_theme (void)
{
  CgChartTheme *theme = cg_chart_theme_get_default ();
  AdwStyleManager *manager = adw_style_manager_get_default ();
  CgChartStyle style;
  guint changed = 0;

  g_signal_connect_swapped (theme, "changed", G_CALLBACK (count_cb), &changed);
  g_assert_cmpstr (cg_chart_theme_get_name (theme), ==, "automatic");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpuint (changed, ==, 1);
  cg_chart_theme_get_style (theme, &style);
  g_assert_cmpfloat (style.background.red, <, 0.5);
  cg_chart_theme_get_export_style (theme, &style);
  g_assert_cmpfloat (style.background.red, ==, 1);

  g_assert_true (cg_chart_theme_set_name (theme, "print"));
  g_assert_cmpuint (changed, ==, 2);
  cg_chart_theme_get_style (theme, &style);
  g_assert_cmpint (style.colormap, ==, CG_COLORMAP_GREY);
  cg_chart_theme_get_export_style (theme, &style);
  g_assert_cmpint (style.colormap, ==, CG_COLORMAP_GREY);

  /* A chosen style ignores the desktop. */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpuint (changed, ==, 2);

  g_assert_false (cg_chart_theme_set_name (theme, "neon"));
  g_assert_cmpstr (cg_chart_theme_get_name (theme), ==, "print");
  g_assert_cmpuint (changed, ==, 2);

  g_assert_true (cg_chart_theme_set_name (theme, "automatic"));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  g_signal_handlers_disconnect_by_data (theme, &changed);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  /* The window opens the user's database: give it a fresh, private one. */
  data_home = g_dir_make_tmp ("cg-ui-test-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/chart-theme", test_chart_theme);
  g_test_add_func ("/ui/window/select-changes-chart", test_select_changes_chart);

  return g_test_run ();
}
