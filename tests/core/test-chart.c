/* test-chart.c: heatmap layout, pixels and exports
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cg-chart-bars.h"
#include "cg-chart-export.h"
#include "cg-chart-scatter.h"
#include "cg-chart-heatmap.h"
#include "cg-chart-private.h"
#include "cg-chart-radar.h"
#include "cg-chart-timeline.h"

static CgMatrix *
make_matrix (guint n)
{
  CgMatrix *matrix = cg_matrix_new (n);

  for (guint i = 0; i < n; i++)
    {
      char code[8], name[32];

      g_snprintf (code, sizeof code, "C%u", i);
      g_snprintf (name, sizeof name, "Country %u", i);
      cg_matrix_set_label (matrix, i, code, name);
      for (guint j = i + 1; j < n; j++)
        cg_matrix_set (matrix, i, j, fabs ((double) i - j) / n);
    }
  return matrix;
}

static void
test_viridis (void)
{
  CgColor color;

  cg_colormap_viridis (0, &color);
  g_assert_cmpfloat_with_epsilon (color.red, 0x44 / 255.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (color.green, 0x01 / 255.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (color.blue, 0x54 / 255.0, 1e-12);
  cg_colormap_viridis (1, &color);
  g_assert_cmpfloat_with_epsilon (color.red, 0xfd / 255.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (color.blue, 0x25 / 255.0, 1e-12);
  /* Luminance rises monotonically along the map: readable in greyscale too. */
  for (double t = 0; t < 1; t += 0.05)
    {
      CgColor a, b;
      cg_colormap_viridis (t, &a);
      cg_colormap_viridis (t + 0.05, &b);
      g_assert_cmpfloat (cg_color_luminance (&a), <, cg_color_luminance (&b));
    }
}

/* Every style's map keeps its order in grey; print is grey itself, and the
 * high-contrast text meets WCAG AAA (7:1) on its background. */
static void
test_styles (void)
{
  const char * const *names = cg_chart_style_list_names ();
  g_autoptr(GError) error = NULL;
  CgChartStyle style;
  CgColor color;

  g_assert_cmpuint (g_strv_length ((char **) names), ==, 4);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_assert_true (cg_chart_style_init_from_name (&style, names[i], NULL));
      for (double t = 0; t < 1; t += 0.05)
        {
          CgColor a, b;

          cg_colormap_sample (style.colormap, t, &a);
          cg_colormap_sample (style.colormap, t + 0.05, &b);
          g_assert_cmpfloat (cg_color_luminance (&a), <, cg_color_luminance (&b));
        }
    }

  cg_chart_style_init_print (&style);
  for (double d = 0; d <= 1; d += 0.25)
    {
      cg_heatmap_cell_color (&style, d, &color);
      g_assert_cmpfloat (color.red, ==, color.green);
      g_assert_cmpfloat (color.green, ==, color.blue);
    }
  cg_heatmap_cell_color (&style, 1, &color);
  g_assert_cmpfloat_with_epsilon (color.red, 0x1a / 255.0, 1e-12);

  cg_chart_style_init_high_contrast (&style);
  {
    double bg = cg_color_luminance (&style.background);
    double fg = cg_color_luminance (&style.foreground);
    double muted = cg_color_luminance (&style.muted);

    g_assert_cmpfloat ((bg + 0.05) / (fg + 0.05), >=, 7);
    g_assert_cmpfloat ((bg + 0.05) / (muted + 0.05), >=, 7);
    g_assert_cmpfloat (style.font_scale, >, 1);
  }
  /* cividis ends, as matplotlib ships it */
  cg_colormap_sample (CG_COLORMAP_CIVIDIS, 0, &color);
  g_assert_cmpfloat_with_epsilon (color.blue, 0x4e / 255.0, 1e-12);
  cg_colormap_sample (CG_COLORMAP_CIVIDIS, 1, &color);
  g_assert_cmpfloat_with_epsilon (color.green, 0xe8 / 255.0, 1e-12);

  g_assert_false (cg_chart_style_init_from_name (&style, "neon", &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "high-contrast"));
}

static void
test_layout_geometry (void)
{
  static const struct { guint n; double width, height; } sizes[] = {
    { 2, 400, 300 }, { 10, 1000, 700 }, { 10, 360, 360 }, { 193, 3000, 2800 },
  };
  CgChartStyle style;

  cg_chart_style_init_light (&style);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(CgMatrix) matrix = make_matrix (sizes[s].n);
      g_autoptr(GError) error = NULL;
      g_autoptr(CgTree) tree = cg_cluster (matrix, CG_LINKAGE_AVERAGE, &error);
      g_autoptr(CgHeatmapLayout) layout = NULL;
      guint n = sizes[s].n;

      g_assert_no_error (error);
      layout = cg_heatmap_layout_new (matrix, tree, sizes[s].width, sizes[s].height, &style);

      g_assert_cmpuint (layout->n, ==, n);
      g_assert_cmpfloat (layout->cell_size, >, 0);
      /* Square cells, n of them each way, inside the surface. */
      g_assert_cmpfloat (layout->cells.width, ==, n * layout->cell_size);
      g_assert_cmpfloat (layout->cells.height, ==, n * layout->cell_size);
      g_assert_cmpfloat (layout->cells.x, >=, 0);
      g_assert_cmpfloat (layout->cells.y, >=, layout->title.y + layout->title.height);
      g_assert_cmpfloat (layout->cells.y + layout->cells.height, <=, layout->footnote.y);
      /* Dendrogram left of the cells, labels right of them, legend right of the labels. */
      g_assert_cmpfloat (layout->dendrogram.x + layout->dendrogram.width, ==, layout->cells.x);
      g_assert_cmpfloat (layout->row_labels.x, ==, layout->cells.x + layout->cells.width);
      g_assert_cmpfloat (layout->legend_bar.x, >=,
                         layout->row_labels.x + layout->row_labels.width);
      g_assert_cmpfloat (layout->legend_bar.x + layout->legend_bar.width, <=, sizes[s].width);
      /* Rows and columns follow the tree's leaf order. */
      for (guint p = 0; p < n; p++)
        g_assert_cmpuint (layout->order[p], ==, tree->order[p]);
      /* Labels are never larger than their cells allow, and never unreadably small. */
      g_assert_cmpfloat (layout->label_font_size, >=, 5.0);
      g_assert_cmpfloat (layout->label_font_size, <=, 12.5);
      g_assert_true (layout->show_values == (layout->cell_size >= 34));
    }
}

static void
test_layout_hit_test (void)
{
  g_autoptr(CgMatrix) matrix = make_matrix (6);
  g_autoptr(CgTree) tree = cg_cluster (matrix, CG_LINKAGE_AVERAGE, NULL);
  g_autoptr(CgHeatmapLayout) layout = NULL;
  CgChartStyle style;
  guint row, column;

  cg_chart_style_init_light (&style);
  layout = cg_heatmap_layout_new (matrix, tree, 800, 600, &style);

  for (guint r = 0; r < 6; r++)
    for (guint c = 0; c < 6; c++)
      {
        double x = layout->cells.x + (c + 0.5) * layout->cell_size;
        double y = layout->cells.y + (r + 0.5) * layout->cell_size;

        g_assert_true (cg_heatmap_layout_hit_test (layout, x, y, &row, &column));
        g_assert_cmpuint (row, ==, layout->order[r]);
        g_assert_cmpuint (column, ==, layout->order[c]);
      }

  g_assert_false (cg_heatmap_layout_hit_test (layout, layout->cells.x - 1, layout->cells.y + 1,
                                              NULL, NULL));
  g_assert_false (cg_heatmap_layout_hit_test (layout, 1, 1, NULL, NULL));
}

static void
assert_pixel (cairo_surface_t *surface,
              double           x,
              double           y,
              const CgColor   *expected)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(guint32 *) (data + (int) y * stride + (int) x * 4);
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  g_assert_cmpint (abs (r - (int) round (expected->red * 255)), <=, 1);
  g_assert_cmpint (abs (g - (int) round (expected->green * 255)), <=, 1);
  g_assert_cmpint (abs (b - (int) round (expected->blue * 255)), <=, 1);
}

static void
test_render_pixels (void)
{
  g_autoptr(CgMatrix) matrix = make_matrix (4);
  g_autoptr(CgHeatmapLayout) layout = NULL;
  cairo_surface_t *surface;
  CgChartStyle style;
  cairo_t *cr;

  /* One pair not comparable: no tree, list order. */
  cg_matrix_set (matrix, 0, 3, NAN);
  cg_chart_style_init_light (&style);
  layout = cg_heatmap_layout_new (matrix, NULL, 900, 700, &style);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 700);
  cr = cairo_create (surface);
  cg_heatmap_render (cr, matrix, NULL, layout, &style, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* A corner of the surface is background. */
  assert_pixel (surface, 2, 2, &style.background);

  /* Each comparable cell, a few pixels in from its corner (clear of any number), has
   * the colour of its divergence. */
  for (guint r = 0; r < 4; r++)
    for (guint c = 0; c < 4; c++)
      {
        double d = cg_matrix_get (matrix, layout->order[r], layout->order[c]);
        double x = floor (layout->cells.x + c * layout->cell_size) + 3;
        double y = floor (layout->cells.y + r * layout->cell_size) + 3;
        CgColor expected;

        if (isnan (d))
          continue;
        cg_heatmap_cell_color (&style, d, &expected);
        assert_pixel (surface, x, y, &expected);
      }

  /* The not-comparable cell is drawn in neither end of the colour scale. */
  {
    double x = floor (layout->cells.x + 3 * layout->cell_size) + layout->cell_size / 2;
    double y = floor (layout->cells.y + 0 * layout->cell_size) + layout->cell_size / 2;
    unsigned char *data = cairo_image_surface_get_data (surface);
    guint32 pixel = *(guint32 *) (data + (int) y * cairo_image_surface_get_stride (surface) +
                                  (int) x * 4);
    int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

    /* Grey, hardly saturated, unlike any colour of the scale. */
    g_assert_cmpint (MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)), <=, 12);
  }

  cairo_surface_destroy (surface);
}

typedef struct
{
  CgMatrix *matrix;
  CgTree   *tree;
} Paint;

static void
paint_cb (cairo_t  *cr,
          double    width,
          double    height,
          gpointer  user_data)
{
  Paint *paint = user_data;
  g_autoptr(CgHeatmapLayout) layout = NULL;
  CgChartStyle style;
  CgChartInfo info = { .as_of = "2026-11-28", .framework = "test v1" };

  cg_chart_style_init_light (&style);
  layout = cg_heatmap_layout_new (paint->matrix, paint->tree, width, height, &style);
  cg_heatmap_render (cr, paint->matrix, paint->tree, layout, &style, &info);
}

static void
test_export (void)
{
  g_autoptr(CgMatrix) matrix = make_matrix (12);
  g_autoptr(CgTree) tree = cg_cluster (matrix, CG_LINKAGE_AVERAGE, NULL);
  g_autofree char *dir = g_dir_make_tmp ("cg-chart-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *txt = g_build_filename (dir, "chart.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  cairo_surface_t *image;
  Paint paint = { matrix, tree };
  xmlDoc *doc;
  gsize length;
  guint pages = 0;

  /* PNG at 192 dpi: twice the pixels of the CSS size. */
  g_assert_true (cg_chart_export (png, 800, 600, 192, FALSE, paint_cb, &paint, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1200);
  cairo_surface_destroy (image);

  /* SVG parses as XML, in points. */
  g_assert_true (cg_chart_export (svg, 800, 600, 96, FALSE, paint_cb, &paint, &error));
  g_assert_no_error (error);
  doc = xmlReadFile (svg, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  {
    xmlChar *width = xmlGetProp (xmlDocGetRootElement (doc), (const xmlChar *) "width");
    g_assert_cmpstr ((const char *) width, ==, "600pt");
    xmlFree (width);
  }
  xmlFreeDoc (doc);

  /* PDF: one page of 600 × 450 points. */
  g_assert_true (cg_chart_export (pdf, 800, 600, 96, FALSE, paint_cb, &paint, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* memmem: the PDF holds binary streams with NUL bytes. */
  for (const char *p = contents;
       (p = memmem (p, length - (p - contents), "/Type /Page", 11)) != NULL; p++)
    {
      if (p[11] != 's')
        pages++;
    }
  g_assert_cmpuint (pages, ==, 1);
  g_assert_nonnull (memmem (contents, length, "/MediaBox [ 0 0 600 450 ]", 25));
  g_clear_pointer (&contents, g_free);

  /* An existing file is replaced only when asked, and stays intact otherwise. */
  g_assert_true (g_file_set_contents (png, "precious", -1, NULL));
  g_assert_false (cg_chart_export (png, 800, 600, 96, FALSE, paint_cb, &paint, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (png, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious");
  g_assert_true (cg_chart_export (png, 800, 600, 96, TRUE, paint_cb, &paint, &error));
  g_assert_no_error (error);

  g_assert_false (cg_chart_export (txt, 800, 600, 96, FALSE, paint_cb, &paint, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));

  /* No temporary files left behind. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;
    guint count = 0;

    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        count++;
        g_unlink (path);
      }
    g_assert_cmpuint (count, ==, 3);
  }
  g_rmdir (dir);
}

static void
test_bars (void)
{
  static const CgBar bars[] = {
    { "Regional roaming", "FR: yes · GB: no", 0.83 },
    { "Age of digital consent", "FR: 15 · GB: 13", 0.09 },
    { "Digital services tax", NULL, 0.08 },
  };
  g_autoptr(CgBarsLayout) layout = NULL;
  g_autoptr(CgBarsLayout) tiny = NULL;
  CgChartStyle style;

  cg_chart_style_init_light (&style);
  layout = cg_bars_layout_new (bars, G_N_ELEMENTS (bars), 1000, 400, &style);
  g_assert_cmpuint (layout->n, ==, 3);
  /* The scale ends at the next tenth above the largest share. */
  g_assert_cmpfloat_with_epsilon (layout->scale_max, 0.9, 1e-12);
  g_assert_cmpfloat (layout->plot.x + layout->plot.width, <=, 1000);
  g_assert_cmpfloat (layout->plot.y, >=, layout->title.y + layout->title.height);
  g_assert_cmpfloat (layout->plot.y + layout->plot.height, <=, layout->footnote.y);

  /* Too small for all: only the bars that fit, largest first. */
  tiny = cg_bars_layout_new (bars, G_N_ELEMENTS (bars), 600, 180, &style);
  g_assert_cmpuint (tiny->n, <, 3);
}

/* The web's geometry, a known vertex in its series' colour, and a gap where a
 * dimension is unknown. */
static void
test_radar (void)
{
  static const char *axes[] = { "A", "B", "C", "D" };
  static const double first[] = { 1, 0.5, NAN, 0 };
  static const double second[] = { 0.25, 0.25, 0.25, 0.25 };
  const CgRadarSeries series[] = { { "First", first }, { "Second", second } };
  g_autoptr(CgRadarLayout) layout = NULL;
  cairo_surface_t *surface;
  CgChartStyle style;
  CgColor orange, background;
  cairo_t *cr;
  double x, y;

  cg_chart_style_init_light (&style);
  layout = cg_radar_layout_new (axes, 4, series, 2, 800, 600, &style);
  g_assert_cmpuint (layout->n_axes, ==, 4);
  g_assert_cmpuint (layout->n_series, ==, 2);
  /* pad 18; title 40.2 high; footnote 15.2 high: the body runs from 76.2 to 548.8. */
  g_assert_cmpfloat_with_epsilon (layout->cy, 312.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (layout->footnote.y, 566.8, 1e-9);
  g_assert_cmpfloat (layout->radius, >, 180);
  g_assert_cmpfloat (layout->cy + layout->radius, <, layout->footnote.y);
  g_assert_cmpfloat (layout->cx + layout->radius, <, layout->legend.x);

  /* The first axis points up, then clockwise. */
  cg_radar_axis_point (layout, 0, 1, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, layout->cx, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, layout->cy - layout->radius, 1e-9);
  cg_radar_axis_point (layout, 1, 0.5, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, layout->cx + layout->radius / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, layout->cy, 1e-9);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  cr = cairo_create (surface);
  cg_radar_render (cr, axes, series, layout, &style, NULL, NULL, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  cg_category_color (0, &orange);
  /* The vertex on the first axis, at the rim, carries the first series' marker. */
  cg_radar_axis_point (layout, 0, 1, &x, &y);
  assert_pixel (surface, x, y, &orange);
  /* Between B (0.5) and the unknown C the line breaks: the point halfway between B
   * and C at 0.5 is background. */
  background = style.background;
  assert_pixel (surface, layout->cx + layout->radius / 4 + 0.5, layout->cy + layout->radius / 4 + 0.5,
                &background);
  cairo_surface_destroy (surface);
}

/* Dates map onto the axis exactly; one row an event; a cut is announced. */
static void
test_timeline (void)
{
  static const char *categories[] = { "Privacy", "Taxation", NULL };
  static const CgEvent events[] = {
    { "2019-01-01", "Data protection law", "comprehensive", 0 },
    { "2020-07-02", "Digital services tax", "none → 3%", 1 },
    { "2021-12-31", "Breach notification", NULL, 0 },
  };
  g_autoptr(CgTimelineLayout) layout = NULL;
  g_autoptr(CgTimelineLayout) tiny = NULL;
  cairo_surface_t *surface;
  CgChartStyle style;
  CgColor expected;
  cairo_t *cr;
  double x;

  cg_chart_style_init_light (&style);
  layout = cg_timeline_layout_new (events, 3, categories, 900, 400, &style);
  g_assert_cmpuint (layout->n, ==, 3);
  g_assert_cmpuint (layout->n_hidden, ==, 0);
  g_assert_cmpuint (layout->first_year, ==, 2019);
  g_assert_cmpuint (layout->last_year, ==, 2021);
  g_assert_cmpuint (layout->year_step, ==, 1);
  /* pad 12 (3% of 400); title 40.2; the year labels 18 above the first row. */
  g_assert_cmpfloat_with_epsilon (layout->plot.y, 12 + 40.2 + 12 + 18, 1e-9);
  g_assert_cmpfloat_with_epsilon (layout->row_height, 23.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (layout->plot.height, 3 * 23.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (layout->plot.x + layout->plot.width, 900 - 12, 1e-9);
  g_assert_cmpfloat (layout->plot.y + layout->plot.height, <=, layout->legend.y);

  g_assert_cmpfloat_with_epsilon (cg_timeline_date_x (layout, "2019-01-01"), layout->plot.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (cg_timeline_date_x (layout, "2022-01-01"),
                                  layout->plot.x + layout->plot.width, 1e-9);
  /* 2020-07-02 is day 548 of the 1096 from 2019-01-01 to 2022-01-01: the middle. */
  x = cg_timeline_date_x (layout, "2020-07-02");
  g_assert_cmpfloat_with_epsilon (x, layout->plot.x + layout->plot.width / 2, 1e-9);
  g_assert_true (isnan (cg_timeline_date_x (layout, "2020-02-30")));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 400);
  cr = cairo_create (surface);
  cg_timeline_render (cr, events, categories, layout, &style, NULL, NULL, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* The second event's marker, in the second category's colour, in the second row. */
  cg_category_color (1, &expected);
  assert_pixel (surface, x, layout->plot.y + 1.5 * layout->row_height, &expected);
  cairo_surface_destroy (surface);

  /* Room for two rows only: one event and a line saying two more were left out. */
  /* At 180 high: pad 8, rows from 74.2 to 125, the legend's one row above the footnote. */
  tiny = cg_timeline_layout_new (events, 3, categories, 900, 180, &style);
  g_assert_cmpuint (tiny->n, ==, 1);
  g_assert_cmpuint (tiny->n_hidden, ==, 2);
}

/* Column range [first, last] holding any non-background pixel in rows y0..y1. */
static void
ink_columns (cairo_surface_t *surface,
             int              y0,
             int              y1,
             int             *first,
             int             *last)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  *first = G_MAXINT;
  *last = -1;
  for (int y = y0; y < y1; y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if ((*(guint32 *) (data + y * stride + x * 4) & 0xffffff) != 0xffffff)
        {
          *first = MIN (*first, x);
          *last = MAX (*last, x);
        }
}

/* Arabic is shaped and set right to left, Chinese has its glyphs: through the same
 * text path every chart uses. */
static void
test_scripts (void)
{
  static const struct { const char *text; PangoDirection direction; } cases[] = {
    { "التباين في سياسات الخدمات", PANGO_DIRECTION_RTL },
    { "政策差异度", PANGO_DIRECTION_LTR },
    { "Policy divergence", PANGO_DIRECTION_LTR },
  };
  CgChartStyle style;
  g_autoptr(PangoFontDescription) font = NULL;

  cg_chart_style_init_light (&style);
  font = _cg_chart_make_font (&style, 20, PANGO_WEIGHT_NORMAL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 60);
      cairo_t *cr = cairo_create (surface);
      PangoLayout *layout = pango_cairo_create_layout (cr);
      int first, last;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, cases[i].text, -1);
      g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
      g_assert_cmpint (pango_layout_get_line_readonly (layout, 0)->resolved_dir, ==,
                       cases[i].direction);
      g_object_unref (layout);

      /* In a 560-wide title box, Arabic sits at the right edge, the others at the left. */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      _cg_chart_draw_text (cr, font, cases[i].text, 20, 10, 560, 0, 0);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      ink_columns (surface, 0, 60, &first, &last);
      g_assert_cmpint (last, >, first);
      if (cases[i].direction == PANGO_DIRECTION_RTL)
        {
          g_assert_cmpint (last, >=, 570);
          g_assert_cmpint (first, >, 200);
        }
      else
        {
          g_assert_cmpint (first, <=, 24);
          g_assert_cmpint (last, <, 400);
        }
      cairo_surface_destroy (surface);
    }
}

static void
test_scatter (void)
{
  CgPoint points[40];
  const char *categories[] = { "One", "Two", "Three", NULL };
  g_autoptr(CgScatterLayout) layout = NULL;
  g_autofree char **labels = g_new0 (char *, 41);
  CgChartStyle style;
  guint labelled = 0;

  cg_chart_style_init_light (&style);
  for (guint i = 0; i < 40; i++)
    {
      labels[i] = g_strdup_printf ("C%02u", i);
      points[i] = (CgPoint) { labels[i], cos (i * 0.7) * (1 + i % 5), sin (i * 0.7) * (1 + i % 3),
                              i % 3 };
    }
  layout = cg_scatter_layout_new (points, 40, categories, 900, 700, &style);

  for (guint i = 0; i < 40; i++)
    {
      /* Every point inside the plot; every label too, and clear of the others. */
      g_assert_cmpfloat (layout->px[i], >=, layout->plot.x);
      g_assert_cmpfloat (layout->px[i], <=, layout->plot.x + layout->plot.width);
      g_assert_cmpfloat (layout->py[i], >=, layout->plot.y);
      g_assert_cmpfloat (layout->py[i], <=, layout->plot.y + layout->plot.height);
      if (!layout->labelled[i])
        continue;
      labelled++;
      for (guint j = 0; j < i; j++)
        {
          const CgRect *a = &layout->labels[i], *b = &layout->labels[j];

          if (!layout->labelled[j])
            continue;
          g_assert_false (a->x < b->x + b->width && b->x < a->x + a->width &&
                          a->y < b->y + b->height && b->y < a->y + a->height);
        }
      g_assert_cmpint (cg_scatter_layout_hit_test (layout, layout->px[i], layout->py[i]), ==,
                       (int) i);
    }
  g_assert_cmpuint (labelled, >, 20);
  g_assert_cmpint (cg_scatter_layout_hit_test (layout, 1, 1), ==, -1);

  /* Up is up: the point with the largest y is drawn highest. */
  {
    guint top = 0;
    for (guint i = 1; i < 40; i++)
      if (points[i].y > points[top].y)
        top = i;
    for (guint i = 0; i < 40; i++)
      g_assert_cmpfloat (layout->py[top], <=, layout->py[i]);
  }
  g_strfreev (g_steal_pointer (&labels));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/chart/viridis", test_viridis);
  g_test_add_func ("/core/chart/styles", test_styles);
  g_test_add_func ("/core/chart/heatmap-layout", test_layout_geometry);
  g_test_add_func ("/core/chart/heatmap-hit-test", test_layout_hit_test);
  g_test_add_func ("/core/chart/heatmap-pixels", test_render_pixels);
  g_test_add_func ("/core/chart/export", test_export);
  g_test_add_func ("/core/chart/bars-layout", test_bars);
  g_test_add_func ("/core/chart/scatter-layout", test_scatter);
  g_test_add_func ("/core/chart/radar", test_radar);
  g_test_add_func ("/core/chart/timeline", test_timeline);
  g_test_add_func ("/core/chart/scripts", test_scripts);

  return g_test_run ();
}
