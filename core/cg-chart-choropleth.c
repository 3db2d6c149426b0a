/* cg-chart-choropleth.c: the world map, countries coloured by divergence
 *
 * Each country is filled with the heatmap's colour for its value (0 bright: the same
 * rules; 1 dark: different on everything compared). Countries without data are grey
 * and hatched, never coloured as a value, and the legend says so. The chosen country is
 * outlined.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-chart-choropleth"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cg-chart-choropleth.h"
#include "cg-chart-heatmap.h"
#include "cg-chart-private.h"

#define LEGEND_SIZE 10.5

/**
 * cg_choropleth_layout_new:
 *
 * Returns: (transfer full): the geometry: where the map, legend and texts go
 */
CgChoroplethLayout *
cg_choropleth_layout_new (const CgWorldMap   *map,
                          double              width,
                          double              height,
                          const CgChartStyle *style)
{
  CgChoroplethLayout *layout = g_new0 (CgChoroplethLayout, 1);
  double s = style->font_scale;
  double pad = MAX (8.0, MIN (20.0 * s, MIN (width, height) * 0.03));
  double legend_h = LEGEND_SIZE * 3.8 * s;

  layout->title = (CgRect) { pad, pad, width - 2 * pad,
                             CG_CHART_HEADING_HEIGHT (s) };
  layout->footnote = (CgRect) { pad, height - pad - CG_CHART_FOOTNOTE_SIZE * 1.6 * s, width - 2 * pad,
                                CG_CHART_FOOTNOTE_SIZE * 1.6 * s };
  layout->legend_bar = (CgRect) { pad, layout->footnote.y - pad * 0.5 - legend_h + LEGEND_SIZE * 1.4 * s,
                                  MIN (260 * s, (width - 2 * pad) * 0.5), 12 * s };
  layout->legend_no_data = (CgRect) { layout->legend_bar.x + layout->legend_bar.width + 40 * s,
                                      layout->legend_bar.y, 12 * s, 12 * s };
  layout->map = (CgRect) { pad, layout->title.y + layout->title.height + pad * 0.5,
                           width - 2 * pad,
                           layout->legend_bar.y - LEGEND_SIZE * 1.6 * s -
                           (layout->title.y + layout->title.height + pad) };

  if (map != NULL && layout->map.width > 0 && layout->map.height > 0)
    {
      cg_world_map_fit (map, layout->map.width, layout->map.height, 0, &layout->scale,
                        &layout->dx, &layout->dy);
      layout->dx += layout->map.x;
      layout->dy += layout->map.y;
    }
  return layout;
}

void
cg_choropleth_layout_free (CgChoroplethLayout *layout)
{
  g_free (layout);
}

/**
 * cg_choropleth_hit_test:
 *
 * Returns: the map index of the country at (@x, @y), or -1
 */
int
cg_choropleth_hit_test (const CgWorldMap         *map,
                        const CgChoroplethLayout *layout,
                        double                    x,
                        double                    y)
{
  g_return_val_if_fail (map != NULL && layout != NULL, -1);
  return cg_world_map_hit_test (map, x, y, layout->scale, layout->dx, layout->dy);
}

/**
 * cg_choropleth_render:
 * @values: (array): one value per map country, 0..1, NAN where there is no data
 * @highlight: the map index of the country to outline, or -1
 */
void
cg_choropleth_render (cairo_t                  *cr,
                      const CgWorldMap         *map,
                      const double             *values,
                      int                       highlight,
                      const CgChoroplethLayout *layout,
                      const CgChartStyle       *style,
                      const char               *title,
                      const char               *subtitle,
                      const CgChartInfo        *info)
{
  g_autoptr(PangoFontDescription) legend_font = NULL;
  double s = style->font_scale;
  const CgRect *bar = &layout->legend_bar;

  g_return_if_fail (cr != NULL && map != NULL && layout != NULL && style != NULL);

  legend_font = _cg_chart_make_font (style, LEGEND_SIZE, PANGO_WEIGHT_NORMAL);

  cairo_save (cr);
  _cg_chart_draw_heading (cr, style, &layout->title, title, subtitle);

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < cg_world_map_get_n_countries (map); i++)
    {
      double v = values != NULL ? values[i] : NAN;

      cairo_new_path (cr);
      cg_world_map_path (map, i, cr, layout->scale, layout->dx, layout->dy);
      if (isnan (v))
        {
          double x1, y1, x2, y2;

          cg_chart_set_source_color (cr, &style->not_comparable);
          cairo_fill_preserve (cr);
          /* Hatching: “no data” must not read as a value. */
          cairo_save (cr);
          cairo_clip_preserve (cr);
          cairo_path_extents (cr, &x1, &y1, &x2, &y2);
          cairo_new_path (cr);
          cg_chart_set_source_color (cr, &style->muted);
          cairo_set_line_width (cr, 0.6);
          for (double d = -(y2 - y1); d < x2 - x1; d += 5 * s)
            {
              cairo_move_to (cr, x1 + d, y2);
              cairo_line_to (cr, x1 + d + (y2 - y1), y1);
            }
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      else
        {
          CgColor color;

          cg_heatmap_cell_color (style, CLAMP (v, 0, 1), &color);
          cg_chart_set_source_color (cr, &color);
          cairo_fill_preserve (cr);
        }
      cg_chart_set_source_color (cr, &style->background);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
    }

  if (highlight >= 0 && (guint) highlight < cg_world_map_get_n_countries (map))
    {
      cairo_new_path (cr);
      cg_world_map_path (map, (guint) highlight, cr, layout->scale, layout->dx, layout->dy);
      cg_chart_set_source_color (cr, &style->foreground);
      cairo_set_line_width (cr, 2 * s);
      cairo_stroke (cr);
    }

  /* Legend: the scale from 0 to 1, then “no data”. */
  cg_chart_set_source_color (cr, &style->foreground);
  _cg_chart_draw_text (cr, legend_font, _("Divergence"), bar->x, bar->y - 3 * s, 0, 0, 1);
  for (int x = (int) floor (bar->x); x < (int) ceil (bar->x + bar->width); x++)
    {
      CgColor color;

      cg_heatmap_cell_color (style, CLAMP ((x + 0.5 - bar->x) / bar->width, 0, 1), &color);
      cg_chart_set_source_color (cr, &color);
      cairo_rectangle (cr, x, bar->y, 1, bar->height);
      cairo_fill (cr);
    }
  for (guint i = 0; i <= 4; i++)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%.2f", i / 4.0);
      cg_chart_set_source_color (cr, &style->foreground);
      _cg_chart_draw_text (cr, legend_font, text, bar->x + bar->width * i / 4,
                           bar->y + bar->height + 2 * s, 0, 0.5, 0);
    }
  _cg_chart_hatch_rect (cr, style, layout->legend_no_data.x, layout->legend_no_data.y,
                        layout->legend_no_data.width, layout->legend_no_data.height);
  cg_chart_set_source_color (cr, &style->foreground);
  /* Translators: map legend for countries without a profile or not comparable */
  _cg_chart_draw_text (cr, legend_font, _("No data or not comparable"),
                       layout->legend_no_data.x + layout->legend_no_data.width + 5 * s,
                       layout->legend_no_data.y + layout->legend_no_data.height / 2, 0, 0, 0.5);

  /* Natural Earth asks for no credit, but a figure should say where its shapes come from. */
  _cg_chart_draw_footnote (cr, style, &layout->footnote, info, _("Map: Natural Earth"));
  cairo_restore (cr);
}
