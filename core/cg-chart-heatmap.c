/* cg-chart-heatmap.c: the divergence heatmap with its dendrogram
 *
 * Two pure steps: the layout turns a matrix and a size into geometry (tested
 * number for number), the painter draws that geometry on any cairo surface — the
 * window, a PNG, an SVG, a PDF — so the exports are the pixels the window shows.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-chart-heatmap"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "cg-chart-heatmap.h"
#include "cg-png.h"
#include "cg-chart-private.h"

#define LEGEND_SIZE 10.5
#define MAX_LABEL_SIZE 12.5
#define MIN_LABEL_SIZE 5.0

static double
widest_label (PangoContext       *context,
              const CgMatrix     *matrix,
              const CgChartStyle *style,
              double              size,
              gboolean            codes)
{
  g_autoptr(PangoFontDescription) font = _cg_chart_make_font (style, size, PANGO_WEIGHT_NORMAL);
  double widest = 0;

  for (guint i = 0; i < cg_matrix_get_size (matrix); i++)
    {
      double width;

      _cg_chart_measure_text (context, font, codes ? cg_matrix_get_code (matrix, i)
                                         : cg_matrix_get_name (matrix, i), &width, NULL);
      widest = MAX (widest, width);
    }
  return widest;
}

static double
label_size_for_cell (double cell)
{
  return CLAMP (cell * 0.62, MIN_LABEL_SIZE, MAX_LABEL_SIZE);
}

/**
 * cg_heatmap_cell_color:
 * @style: the chart style, which names the colour map
 * @divergence: 0 (identical) … 1
 * @out_color: (out): the cell's colour: bright for common ground, dark for divergence
 */
void
cg_heatmap_cell_color (const CgChartStyle *style,
                       double              divergence,
                       CgColor            *out_color)
{
  cg_chart_style_divergence_color (style, divergence, out_color);
}

/**
 * cg_heatmap_layout_new:
 * @matrix: the divergence matrix
 * @tree: (nullable): its clustering; rows and columns follow its leaf order
 * @width: surface width (CSS pixels)
 * @height: surface height
 *
 * Returns: (transfer full): the geometry of the chart
 */
CgHeatmapLayout *
cg_heatmap_layout_new (const CgMatrix     *matrix,
                       const CgTree       *tree,
                       double              width,
                       double              height,
                       const CgChartStyle *style)
{
  PangoContext *context;
  g_autoptr(PangoFontDescription) legend_font = NULL;
  CgHeatmapLayout *layout;
  double s, pad, top, bottom, left, right;
  double title_h, footnote_h, legend_w, legend_text_w, not_comparable_w;
  double dendro_w, row_label_w = 0, column_label_h = 0, cell = 0, label_size = MAX_LABEL_SIZE;
  double block_w, block_h, extra_x;
  guint n;

  g_return_val_if_fail (matrix != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (tree == NULL || tree->n == cg_matrix_get_size (matrix), NULL);

  n = cg_matrix_get_size (matrix);
  layout = g_new0 (CgHeatmapLayout, 1);
  layout->n = n;
  layout->order = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    layout->order[i] = tree != NULL ? tree->order[i] : i;

  if (n == 0 || width <= 0 || height <= 0)
    return layout;

  context = _cg_chart_create_measure_context ();
  s = style->font_scale;
  pad = MAX (8.0, MIN (20.0 * s, MIN (width, height) * 0.03));

  title_h = CG_CHART_HEADING_HEIGHT (s);
  footnote_h = CG_CHART_FOOTNOTE_SIZE * 1.6 * s;
  layout->title = (CgRect) { pad, pad, width - 2 * pad, title_h };
  layout->footnote = (CgRect) { pad, height - pad - footnote_h, width - 2 * pad, footnote_h };

  legend_font = _cg_chart_make_font (style, LEGEND_SIZE, PANGO_WEIGHT_NORMAL);
  _cg_chart_measure_text (context, legend_font, "0.75", &legend_text_w, NULL);
  /* Translators: legend entry for cells of two countries that share no indicator */
  _cg_chart_measure_text (context, legend_font, _("Not comparable"), &not_comparable_w, NULL);
  {
    double low_w;
    /* Translators: legend entry, two lines: cells whose score rests on few indicators */
    /* xgettext:no-c-format */
    _cg_chart_measure_text (context, legend_font, _("Under 25% of\nindicators compared"), &low_w, NULL);
    not_comparable_w = MAX (not_comparable_w, low_w);
  }
  legend_w = MAX (14 * s + 6 * s + legend_text_w, 20 * s + not_comparable_w) + pad;
  {
    double divergence_w;
    /* Translators: title of the colour scale of the heatmap */
    _cg_chart_measure_text (context, legend_font, _("Divergence"), &divergence_w, NULL);
    legend_w = MAX (legend_w, divergence_w + pad);
  }

  top = layout->title.y + title_h + pad * 0.75;
  bottom = layout->footnote.y - pad * 0.75;
  left = pad;
  right = width - pad - legend_w;

  dendro_w = tree != NULL ? MIN (width * 0.14, 120 * s) : 0;

  /* Cell size and label size depend on each other: settle in a few rounds. */
  for (guint round = 0; round < 3; round++)
    {
      double gap = 6 * s;
      double code_w = widest_label (context, matrix, style, label_size, TRUE);
      double avail_w, avail_h;
      g_autoptr(PangoFontDescription) font = _cg_chart_make_font (style, label_size, PANGO_WEIGHT_NORMAL);
      double line_h;

      _cg_chart_measure_text (context, font, "Ag", NULL, &line_h);
      row_label_w = MIN (widest_label (context, matrix, style, label_size, FALSE) + gap,
                         width * 0.3);
      layout->vertical_columns = cell > 0 && code_w + 4 > cell;
      column_label_h = (layout->vertical_columns ? code_w : line_h) + gap;

      avail_w = right - left - dendro_w - row_label_w;
      avail_h = bottom - top - column_label_h;
      cell = MAX (0.0, MIN (avail_w, avail_h) / n);
      label_size = label_size_for_cell (cell) ;
      layout->vertical_columns = code_w + 4 > cell;
      column_label_h = (layout->vertical_columns ? code_w : line_h) + gap;
      avail_h = bottom - top - column_label_h;
      cell = MAX (0.0, MIN (avail_w, avail_h) / n);
    }

  layout->cell_size = cell;
  layout->label_font_size = label_size * s;
  layout->show_values = cell >= 34 * s;

  block_w = dendro_w + n * cell + row_label_w;
  block_h = column_label_h + n * cell;
  /* Centre the block horizontally in the space left of the legend. */
  extra_x = MAX (0.0, (right - left - block_w) / 2);

  layout->dendrogram = (CgRect) { left + extra_x, top + column_label_h,
                                  dendro_w, n * cell };
  layout->cells = (CgRect) { left + extra_x + dendro_w, top + column_label_h,
                             n * cell, n * cell };
  layout->column_labels = (CgRect) { layout->cells.x, top, n * cell, column_label_h };
  layout->row_labels = (CgRect) { layout->cells.x + n * cell, layout->cells.y,
                                  row_label_w, n * cell };
  (void) block_h;

  layout->legend_bar = (CgRect) { width - pad - legend_w + pad,
                                  layout->cells.y + LEGEND_SIZE * 1.6 * s,
                                  14 * s,
                                  MIN (MAX (n * cell - LEGEND_SIZE * 4 * s, 60 * s), 260 * s) };
  layout->legend_not_comparable = (CgRect) { layout->legend_bar.x,
                                             layout->legend_bar.y + layout->legend_bar.height +
                                             LEGEND_SIZE * 1.5 * s,
                                             14 * s, 14 * s };
  layout->legend_low_coverage = (CgRect) { layout->legend_bar.x,
                                           layout->legend_not_comparable.y + 14 * s +
                                           LEGEND_SIZE * 1.2 * s,
                                           14 * s, 14 * s };

  g_object_unref (context);
  return layout;
}

void
cg_heatmap_layout_free (CgHeatmapLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->order);
  g_free (layout);
}

/**
 * cg_heatmap_layout_hit_test:
 * @out_row: (out): matrix index of the row under (@x, @y)
 * @out_column: (out): matrix index of the column
 *
 * Returns: whether (@x, @y) is on a cell
 */
gboolean
cg_heatmap_layout_hit_test (const CgHeatmapLayout *layout,
                            double                 x,
                            double                 y,
                            guint                 *out_row,
                            guint                 *out_column)
{
  double c, r;

  g_return_val_if_fail (layout != NULL, FALSE);

  if (layout->n == 0 || layout->cell_size <= 0)
    return FALSE;

  c = (x - layout->cells.x) / layout->cell_size;
  r = (y - layout->cells.y) / layout->cell_size;
  if (c < 0 || r < 0 || c >= layout->n || r >= layout->n)
    return FALSE;

  if (out_row != NULL)
    *out_row = layout->order[(guint) r];
  if (out_column != NULL)
    *out_column = layout->order[(guint) c];
  return TRUE;
}

static void
draw_dendrogram (cairo_t               *cr,
                 const CgTree          *tree,
                 const CgHeatmapLayout *layout,
                 const CgChartStyle    *style)
{
  g_autofree double *leaf_y = g_new (double, tree->n);
  g_autofree double *node_y = g_new (double, tree->n);
  double max_height = 0;
  const CgRect *area = &layout->dendrogram;

  for (guint p = 0; p < tree->n; p++)
    leaf_y[layout->order[p]] = area->y + (p + 0.5) * layout->cell_size;

  for (guint k = 0; k + 1 < tree->n; k++)
    max_height = MAX (max_height, tree->height[k]);
  if (max_height <= 0)
    max_height = 1;

  cg_chart_set_source_color (cr, &style->muted);
  cairo_set_line_width (cr, MAX (1.0, MIN (1.5, layout->cell_size / 10)));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);

#define X_OF(h) (area->x + area->width - 4 - ((h) / max_height) * (area->width - 8))

  for (guint k = 0; k + 1 < tree->n; k++)
    {
      double ys[2], xs[2];
      double x = X_OF (tree->height[k]);

      for (guint side = 0; side < 2; side++)
        {
          int child = tree->merge[2 * k + side];

          if (child < 0)
            {
              ys[side] = leaf_y[-child - 1];
              xs[side] = area->x + area->width;
            }
          else
            {
              ys[side] = node_y[child - 1];
              xs[side] = X_OF (tree->height[child - 1]);
            }
        }

      cairo_move_to (cr, xs[0], ys[0]);
      cairo_line_to (cr, x, ys[0]);
      cairo_line_to (cr, x, ys[1]);
      cairo_line_to (cr, xs[1], ys[1]);
      node_y[k] = (ys[0] + ys[1]) / 2;
    }
  cairo_stroke (cr);

#undef X_OF
}

/* A dot in the middle of a cell: the score rests on few indicators. */
static void
draw_low_coverage_mark (cairo_t       *cr,
                        const CgColor *cell_color,
                        double         x,
                        double         y,
                        double         size)
{
  CgColor ink = cg_color_luminance (cell_color) > 0.36
                ? (CgColor) { 0, 0, 0, 0.55 } : (CgColor) { 1, 1, 1, 0.7 };

  cg_chart_set_source_color (cr, &ink);
  cairo_arc (cr, x + size / 2, y + size / 2, MAX (1.5, size * 0.13), 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_legend (cairo_t               *cr,
             const CgHeatmapLayout *layout,
             const CgChartStyle    *style)
{
  g_autoptr(PangoFontDescription) font = _cg_chart_make_font (style, LEGEND_SIZE, PANGO_WEIGHT_NORMAL);
  const CgRect *bar = &layout->legend_bar;
  const CgRect *nc = &layout->legend_not_comparable;
  int y0 = (int) floor (bar->y), y1 = (int) ceil (bar->y + bar->height);

  cg_chart_set_source_color (cr, &style->foreground);
  _cg_chart_draw_text (cr, font, _("Divergence"), bar->x, bar->y - 4 * style->font_scale, 0, 0, 1);

  /* 1 at the top: the most divergent end of the scale. */
  for (int y = y0; y < y1; y++)
    {
      CgColor color;
      double t = 1.0 - (y + 0.5 - bar->y) / bar->height;

      cg_heatmap_cell_color (style, CLAMP (t, 0, 1), &color);
      cg_chart_set_source_color (cr, &color);
      cairo_rectangle (cr, bar->x, y, bar->width, 1);
      cairo_fill (cr);
    }

  cg_chart_set_source_color (cr, &style->muted);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, floor (bar->x) + 0.5, y0 + 0.5, ceil (bar->width) - 1, y1 - y0 - 1);
  cairo_stroke (cr);

  for (guint i = 0; i <= 4; i++)
    {
      double value = i / 4.0;
      double y = bar->y + bar->height * (1 - value);
      char text[16];

      g_snprintf (text, sizeof text, "%.2f", value);
      cg_chart_set_source_color (cr, &style->muted);
      cairo_move_to (cr, bar->x + bar->width, floor (y) + 0.5);
      cairo_line_to (cr, bar->x + bar->width + 3 * style->font_scale, floor (y) + 0.5);
      cairo_stroke (cr);
      cg_chart_set_source_color (cr, &style->foreground);
      _cg_chart_draw_text (cr, font, text, bar->x + bar->width + 5 * style->font_scale, y, 0, 0, 0.5);
    }

  _cg_chart_hatch_rect (cr, style, nc->x, nc->y, nc->width, nc->height);
  cg_chart_set_source_color (cr, &style->foreground);
  _cg_chart_draw_text (cr, font, _("Not comparable"), nc->x + nc->width + 5 * style->font_scale,
             nc->y + nc->height / 2, 0, 0, 0.5);

  {
    const CgRect *low = &layout->legend_low_coverage;
    CgColor color;

    cg_heatmap_cell_color (style, 0.5, &color);
    cg_chart_set_source_color (cr, &color);
    cairo_rectangle (cr, low->x, low->y, low->width, low->height);
    cairo_fill (cr);
    draw_low_coverage_mark (cr, &color, low->x, low->y, low->width);
    cg_chart_set_source_color (cr, &style->foreground);
    /* xgettext:no-c-format */
    _cg_chart_draw_text (cr, font, _("Under 25% of\nindicators compared"),
               low->x + low->width + 5 * style->font_scale, low->y, 0, 0, 0);
  }
}

/* The cells as one image of n × n pixels, scaled up without smoothing: one drawing
 * operation instead of n² (a 193-country SVG is a few hundred kilobytes, not megabytes),
 * each cell starting on the pixel floor (cells.x + c·cell) as the overlays expect. */
static void
paint_cells (cairo_t               *cr,
             const CgMatrix        *matrix,
             const CgHeatmapLayout *layout,
             const CgChartStyle    *style)
{
  const CgRect *cells = &layout->cells;
  guint n = cg_matrix_get_size (matrix);
  double cell = layout->cell_size;
  cairo_surface_t *image;
  cairo_pattern_t *pattern;
  cairo_matrix_t transform;
  unsigned char *data;
  int stride;
  guint k;

  if (n == 0 || cell <= 0)
    return;

  /* SVG viewers may smooth a scaled image whatever the file asks; at 8 image pixels a
   * cell the smoothing stays within an eighth of the cell's edge. */
  k = cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_SVG ? 4 : 1;

  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (n * k), (int) (n * k));
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (guint r = 0; r < n; r++)
    {
      guint32 *row = (guint32 *) (data + (gsize) r * k * stride);

      for (guint c = 0; c < n; c++)
        {
          double d = cg_matrix_get (matrix, layout->order[r], layout->order[c]);
          CgColor color;
          guint32 pixel;

          if (isnan (d))
            color = style->not_comparable;
          else
            cg_heatmap_cell_color (style, d, &color);
          pixel = (guint32) lround (color.red * 255) << 16 |
                  (guint32) lround (color.green * 255) << 8 |
                  (guint32) lround (color.blue * 255);
          for (guint i = 0; i < k; i++)
            row[c * k + i] = pixel;
        }
      for (guint i = 1; i < k; i++)
        memcpy (data + ((gsize) r * k + i) * stride, row, (gsize) n * k * 4);
    }
  cairo_surface_mark_dirty (image);
  if (k > 1)
    _cg_png_attach (image);

  /* Image pixel c covers [x + c·cell, x + (c + 1)·cell) shifted half a pixel left, so
   * that nearest-neighbour sampling at pixel centres gives floor () boundaries. */
  pattern = cairo_pattern_create_for_surface (image);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
  cairo_matrix_init_scale (&transform, k / cell, k / cell);
  cairo_matrix_translate (&transform, -(cells->x - 0.5), -(cells->y - 0.5));
  cairo_pattern_set_matrix (pattern, &transform);

  cairo_save (cr);
  cairo_set_source (cr, pattern);
  cairo_rectangle (cr, floor (cells->x), floor (cells->y),
                   floor (cells->x + n * cell) - floor (cells->x),
                   floor (cells->y + n * cell) - floor (cells->y));
  cairo_fill (cr);

  /* A one-pixel seam of background after every large cell, as between tiles. */
  if (cell >= 14)
    {
      cg_chart_set_source_color (cr, &style->background);
      for (guint b = 1; b <= n; b++)
        {
          double x = floor (cells->x + b * cell) - 1;
          double y = floor (cells->y + b * cell) - 1;

          cairo_rectangle (cr, x, floor (cells->y), 1, floor (cells->y + n * cell) - floor (cells->y));
          cairo_rectangle (cr, floor (cells->x), y, floor (cells->x + n * cell) - floor (cells->x), 1);
        }
      cairo_fill (cr);
    }
  cairo_restore (cr);

  cairo_pattern_destroy (pattern);
  cairo_surface_destroy (image);
}

/**
 * cg_heatmap_render:
 * @cr: any cairo context: a widget's snapshot, a PNG, SVG or PDF surface
 * @matrix: the divergence matrix
 * @tree: (nullable): the clustering the @layout was made with
 * @layout: from cg_heatmap_layout_new() for this matrix, tree and size
 * @info: (nullable): title and citation details
 */
void
cg_heatmap_render (cairo_t               *cr,
                   const CgMatrix        *matrix,
                   const CgTree          *tree,
                   const CgHeatmapLayout *layout,
                   const CgChartStyle    *style,
                   const CgChartInfo     *info)
{
  g_autoptr(PangoFontDescription) label_font = NULL;
  g_autoptr(PangoFontDescription) value_font = NULL;
  g_autofree char *subtitle = NULL;
  const CgRect *cells = &layout->cells;
  double cell = layout->cell_size;
  guint n = layout->n;
  guint not_comparable;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (matrix != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);

  if (n == 0 || cell <= 0)
    return;

  cairo_save (cr);

  label_font = pango_font_description_from_string (style->font_family);
  pango_font_description_set_absolute_size (label_font, layout->label_font_size * PANGO_SCALE);
  value_font = pango_font_description_copy (label_font);
  pango_font_description_set_absolute_size (value_font,
                                            MIN (cell * 0.3, 13 * style->font_scale) *
                                            PANGO_SCALE);

  /* Title and what the colours mean. */
  not_comparable = cg_matrix_count_not_comparable (matrix);
  if (tree == NULL && not_comparable > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u countries · 0 = identical policies, 1 = "
                                             "different on every indicator compared · not "
                                             "clustered: %u pair is not comparable",
                                             "%u countries · 0 = identical policies, 1 = "
                                             "different on every indicator compared · not "
                                             "clustered: %u pairs are not comparable",
                                             not_comparable),
                                n, not_comparable);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u country · 0 = identical policies, 1 = "
                                             "different on every indicator compared",
                                             "%u countries · 0 = identical policies, 1 = "
                                             "different on every indicator compared, "
                                             "ordered by average-linkage clustering",
                                             n),
                                n);
  _cg_chart_draw_heading (cr, style, &layout->title,
                          info != NULL && info->title != NULL ? info->title
                                                              : _("Divergence of OTT policies"),
                          subtitle);

  paint_cells (cr, matrix, layout, style);

  /* What a colour cannot say, on top: hatching where nothing was compared, a dot where
   * little was, and the value itself when cells are large enough to read it. */
  for (guint r = 0; r < n; r++)
    {
      double y0 = floor (cells->y + r * cell), y1 = floor (cells->y + (r + 1) * cell);

      for (guint c = 0; c < n; c++)
        {
          double x0 = floor (cells->x + c * cell), x1 = floor (cells->x + (c + 1) * cell);
          double d = cg_matrix_get (matrix, layout->order[r], layout->order[c]);
          double inset = cell >= 14 ? 1 : 0;
          CgColor color;

          if (isnan (d))
            {
              _cg_chart_hatch_rect (cr, style, x0, y0, x1 - x0 - inset, y1 - y0 - inset);
              continue;
            }
          if (r == c)
            continue;
          cg_heatmap_cell_color (style, d, &color);

          /* Below 9 pixels a dot would fill the cell; the tooltip still tells. */
          if (cell >= 9 &&
              cg_matrix_get_coverage (matrix, layout->order[r], layout->order[c]) <
              CG_HEATMAP_LOW_COVERAGE)
            {
              if (layout->show_values)
                draw_low_coverage_mark (cr, &color, x0, y1 - cell * 0.3, cell * 0.3);
              else
                draw_low_coverage_mark (cr, &color, x0, y0, MIN (x1 - x0, y1 - y0));
            }

          if (layout->show_values)
            {
              char text[16];
              CgColor ink = cg_color_luminance (&color) > 0.36
                            ? (CgColor) { 0, 0, 0, 0.87 } : (CgColor) { 1, 1, 1, 0.95 };

              g_snprintf (text, sizeof text, "%.2f", d);
              cg_chart_set_source_color (cr, &ink);
              _cg_chart_draw_text (cr, value_font, text, (x0 + x1) / 2, (y0 + y1) / 2, 0, 0.5, 0.5);
            }
        }
    }

  /* Row labels: names, right of the cells; column labels: codes, above them. */
  cg_chart_set_source_color (cr, &style->foreground);
  for (guint r = 0; r < n; r++)
    _cg_chart_draw_text (cr, label_font, cg_matrix_get_name (matrix, layout->order[r]),
               layout->row_labels.x + 6 * style->font_scale, cells->y + (r + 0.5) * cell,
               layout->row_labels.width - 6 * style->font_scale, 0, 0.5);

  for (guint c = 0; c < n; c++)
    {
      const char *code = cg_matrix_get_code (matrix, layout->order[c]);
      double x = cells->x + (c + 0.5) * cell;
      double y = cells->y - 6 * style->font_scale;

      if (layout->vertical_columns)
        {
          cairo_save (cr);
          cairo_translate (cr, x, y);
          cairo_rotate (cr, -G_PI / 2);
          _cg_chart_draw_text (cr, label_font, code, 0, 0, 0, 0, 0.5);
          cairo_restore (cr);
        }
      else
        {
          _cg_chart_draw_text (cr, label_font, code, x, y, 0, 0.5, 1);
        }
    }

  if (tree != NULL && layout->dendrogram.width > 0)
    draw_dendrogram (cr, tree, layout, style);

  draw_legend (cr, layout, style);

  _cg_chart_draw_footnote (cr, style, &layout->footnote, info, NULL);

  cairo_restore (cr);
}
