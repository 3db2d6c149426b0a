/* cg-chart-bars.c: horizontal bars, for what drives a divergence
 *
 * One row per indicator, largest first: its label, both countries' values below it,
 * and a bar for its share of the divergence with the percentage at its end.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-chart-bars"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cg-chart-bars.h"
#include "cg-chart-private.h"

#define LABEL_SIZE 12.0
#define DETAIL_SIZE 10.0

/**
 * cg_bars_layout_new:
 * @bars: (array length=n_bars): the bars, in the order drawn
 *
 * Returns: (transfer full): the geometry; as many bars as fit at a readable size
 */
CgBarsLayout *
cg_bars_layout_new (const CgBar        *bars,
                    guint               n_bars,
                    double              width,
                    double              height,
                    const CgChartStyle *style)
{
  CgBarsLayout *layout = g_new0 (CgBarsLayout, 1);
  PangoContext *context;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoFontDescription) detail_font = NULL;
  double s = style->font_scale;
  double pad = MAX (8.0, MIN (20.0 * s, MIN (width, height) * 0.03));
  double widest = 0, top, bottom;
  guint fit;

  g_return_val_if_fail (style != NULL, layout);

  layout->title = (CgRect) { pad, pad, width - 2 * pad, CG_CHART_HEADING_HEIGHT (s) };
  layout->footnote = (CgRect) { pad, height - pad - CG_CHART_FOOTNOTE_SIZE * 1.6 * s, width - 2 * pad,
                                CG_CHART_FOOTNOTE_SIZE * 1.6 * s };
  layout->row_height = (LABEL_SIZE * 1.3 + DETAIL_SIZE * 1.3 + 10) * s;
  layout->bar_height = LABEL_SIZE * 1.2 * s;

  if (n_bars == 0 || width <= 0 || height <= 0)
    return layout;

  context = _cg_chart_create_measure_context ();
  font = _cg_chart_make_font (style, LABEL_SIZE, PANGO_WEIGHT_NORMAL);
  detail_font = _cg_chart_make_font (style, DETAIL_SIZE, PANGO_WEIGHT_NORMAL);
  for (guint i = 0; i < n_bars; i++)
    {
      double w;

      _cg_chart_measure_text (context, font, bars[i].label, &w, NULL);
      widest = MAX (widest, w);
      if (bars[i].detail != NULL)
        {
          _cg_chart_measure_text (context, detail_font, bars[i].detail, &w, NULL);
          widest = MAX (widest, w);
        }
    }
  g_object_unref (context);

  top = layout->title.y + layout->title.height + pad;
  bottom = layout->footnote.y - pad;
  fit = (guint) MAX (0.0, floor ((bottom - top) / layout->row_height));
  layout->n = MIN (n_bars, fit);

  layout->label_width = MIN (widest + 12 * s, width * 0.45);
  layout->plot = (CgRect) { pad + layout->label_width, top,
                            MAX (0.0, width - 2 * pad - layout->label_width - 48 * s),
                            layout->n * layout->row_height };

  layout->scale_max = 0;
  for (guint i = 0; i < layout->n; i++)
    layout->scale_max = MAX (layout->scale_max, bars[i].value);
  /* A round end to the scale: the next tenth above the largest share. */
  layout->scale_max = MAX (0.1, ceil (layout->scale_max * 10 - 1e-9) / 10);

  return layout;
}

void
cg_bars_layout_free (CgBarsLayout *layout)
{
  g_free (layout);
}

/**
 * cg_bars_render:
 * @layout: from cg_bars_layout_new() for these bars and this size
 * @title: the chart's title
 * @subtitle: (nullable): one line under it
 * @info: (nullable): citation details for the footnote
 */
void
cg_bars_render (cairo_t            *cr,
                const CgBar        *bars,
                const CgBarsLayout *layout,
                const CgChartStyle *style,
                const char         *title,
                const char         *subtitle,
                const CgChartInfo  *info)
{
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoFontDescription) detail_font = NULL;
  double s = style->font_scale;
  CgColor bar_color;

  g_return_if_fail (cr != NULL && layout != NULL && style != NULL);

  font = _cg_chart_make_font (style, LABEL_SIZE, PANGO_WEIGHT_NORMAL);
  detail_font = _cg_chart_make_font (style, DETAIL_SIZE, PANGO_WEIGHT_NORMAL);
  cg_colormap_viridis (0.3, &bar_color);

  cairo_save (cr);
  _cg_chart_draw_heading (cr, style, &layout->title, title, subtitle);

  /* Grid lines at each tenth of the scale. */
  if (layout->n > 0 && layout->plot.width > 0)
    {
      cg_chart_set_source_color (cr, &style->not_comparable);
      cairo_set_line_width (cr, 1);
      for (double t = 0; t <= layout->scale_max + 1e-9; t += 0.1)
        {
          double x = floor (layout->plot.x + layout->plot.width * t / layout->scale_max) + 0.5;

          cairo_move_to (cr, x, layout->plot.y);
          cairo_line_to (cr, x, layout->plot.y + layout->plot.height);
        }
      cairo_stroke (cr);
    }

  for (guint i = 0; i < layout->n; i++)
    {
      double y = layout->plot.y + i * layout->row_height;
      double w = layout->plot.width * CLAMP (bars[i].value, 0, 1) / layout->scale_max;
      char percent[16];

      cg_chart_set_source_color (cr, &style->foreground);
      _cg_chart_draw_text (cr, font, bars[i].label, layout->plot.x - 12 * s, y, layout->label_width - 12 * s,
                           1, 0);
      if (bars[i].detail != NULL)
        {
          cg_chart_set_source_color (cr, &style->muted);
          _cg_chart_draw_text (cr, detail_font, bars[i].detail, layout->plot.x - 12 * s,
                               y + LABEL_SIZE * 1.3 * s, layout->label_width - 12 * s, 1, 0);
        }

      cg_chart_set_source_color (cr, &bar_color);
      cairo_rectangle (cr, layout->plot.x, floor (y + 2 * s), MAX (w, 1), layout->bar_height);
      cairo_fill (cr);

      g_snprintf (percent, sizeof percent, "%.0f%%", bars[i].value * 100);
      cg_chart_set_source_color (cr, &style->foreground);
      _cg_chart_draw_text (cr, font, percent, layout->plot.x + w + 6 * s, y + 2 * s, 0, 0, 0);
    }

  _cg_chart_draw_footnote (cr, style, &layout->footnote, info, NULL);
  cairo_restore (cr);
}
