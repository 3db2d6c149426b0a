/* cg-chart-scatter.c: the policy map: countries as points, labelled without overlaps
 *
 * Points are coloured by category (the ITU region) from the Okabe–Ito palette, which
 * stays distinct for the common colour-vision deficiencies, and each carries a marker
 * shape per category too, so colour is never the only cue. Labels are placed greedily
 * in one of eight positions around their point where they overlap no other label or
 * point; a label with no free place is left out (the point stays, and hovering names
 * it).
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-chart-scatter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cg-chart-private.h"
#include "cg-chart-scatter.h"
#include "cg-csv.h"

#define LABEL_SIZE 10.5
#define LEGEND_SIZE 11.0

/* Okabe & Ito (2008), “Color Universal Design”. */
static const guint32 okabe_ito[] = {
  0xe69f00, 0x56b4e9, 0x009e73, 0xd55e00, 0x0072b2, 0xcc79a7, 0xf0e442, 0x000000,
};

void
cg_category_color (guint    category,
                   CgColor *out_color)
{
  guint32 hex = okabe_ito[category % G_N_ELEMENTS (okabe_ito)];

  out_color->red = ((hex >> 16) & 0xff) / 255.0;
  out_color->green = ((hex >> 8) & 0xff) / 255.0;
  out_color->blue = (hex & 0xff) / 255.0;
  out_color->alpha = 1;
}

static gboolean
rects_overlap (const CgRect *a,
               const CgRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
rect_inside (const CgRect *inner,
             const CgRect *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

/**
 * cg_scatter_layout_new:
 * @points: (array length=n_points): the points, in data coordinates
 * @categories: (array zero-terminated=1): the category names, for the legend
 *
 * Returns: (transfer full): the geometry: point positions and label places
 */
CgScatterLayout *
cg_scatter_layout_new (const CgPoint      *points,
                       guint               n_points,
                       const char * const *categories,
                       double              width,
                       double              height,
                       const CgChartStyle *style)
{
  CgScatterLayout *layout = g_new0 (CgScatterLayout, 1);
  double s = style->font_scale;
  double pad = MAX (8.0, MIN (20.0 * s, MIN (width, height) * 0.03));
  double min_x = INFINITY, max_x = -INFINITY, min_y = INFINITY, max_y = -INFINITY;
  double legend_w = 0, span, scale;
  PangoContext *context;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoFontDescription) legend_font = NULL;

  layout->n = n_points;
  layout->px = g_new0 (double, MAX (n_points, 1));
  layout->py = g_new0 (double, MAX (n_points, 1));
  layout->labels = g_new0 (CgRect, MAX (n_points, 1));
  layout->labelled = g_new0 (gboolean, MAX (n_points, 1));
  layout->radius = 4.5 * s;

  layout->title = (CgRect) { pad, pad, width - 2 * pad, CG_CHART_HEADING_HEIGHT (s) };
  layout->footnote = (CgRect) { pad, height - pad - CG_CHART_FOOTNOTE_SIZE * 1.6 * s, width - 2 * pad,
                                CG_CHART_FOOTNOTE_SIZE * 1.6 * s };
  if (n_points == 0 || width <= 0 || height <= 0)
    return layout;

  context = _cg_chart_create_measure_context ();
  font = _cg_chart_make_font (style, LABEL_SIZE, PANGO_WEIGHT_NORMAL);
  legend_font = _cg_chart_make_font (style, LEGEND_SIZE, PANGO_WEIGHT_NORMAL);
  for (guint c = 0; categories != NULL && categories[c] != NULL; c++)
    {
      double w;
      _cg_chart_measure_text (context, legend_font, categories[c], &w, NULL);
      legend_w = MAX (legend_w, w);
    }
  legend_w += 24 * s + pad;

  layout->legend = (CgRect) { width - pad - legend_w + pad, layout->title.y + layout->title.height + pad,
                              legend_w - pad, 0 };
  layout->plot = (CgRect) { pad, layout->title.y + layout->title.height + pad,
                            width - 2 * pad - legend_w,
                            layout->footnote.y - pad - (layout->title.y + layout->title.height + pad) };

  for (guint i = 0; i < n_points; i++)
    {
      min_x = MIN (min_x, points[i].x);
      max_x = MAX (max_x, points[i].x);
      min_y = MIN (min_y, points[i].y);
      max_y = MAX (max_y, points[i].y);
    }
  /* One scale for both axes: distances on the map are divergences, in any direction. */
  span = MAX (MAX (max_x - min_x, max_y - min_y), 1e-12);
  scale = MIN ((layout->plot.width - 60 * s) / span, (layout->plot.height - 30 * s) / span);
  scale = MAX (scale, 0);
  for (guint i = 0; i < n_points; i++)
    {
      layout->px[i] = layout->plot.x + layout->plot.width / 2 +
                      (points[i].x - (min_x + max_x) / 2) * scale;
      /* Up is up: y grows downwards on the surface. */
      layout->py[i] = layout->plot.y + layout->plot.height / 2 -
                      (points[i].y - (min_y + max_y) / 2) * scale;
    }

  /* Greedy placement in data order; the first position that collides with nothing. */
  for (guint i = 0; i < n_points; i++)
    {
      static const double offsets[8][2] = {
        { 1, -0.5 }, { -1, -0.5 }, { 0, -1 }, { 0, 1 },
        { 1, -1.2 }, { -1, -1.2 }, { 1, 0.2 }, { -1, 0.2 },
      };
      double w, h;

      _cg_chart_measure_text (context, font, points[i].label, &w, &h);
      for (guint o = 0; o < G_N_ELEMENTS (offsets) && !layout->labelled[i]; o++)
        {
          double gap = layout->radius + 2 * s;
          CgRect r = {
            offsets[o][0] > 0 ? layout->px[i] + gap
            : offsets[o][0] < 0 ? layout->px[i] - gap - w : layout->px[i] - w / 2,
            offsets[o][0] == 0 ? (offsets[o][1] < 0 ? layout->py[i] - gap - h
                                                    : layout->py[i] + gap)
                               : layout->py[i] + offsets[o][1] * h,
            w, h,
          };
          gboolean free = rect_inside (&r, &layout->plot);

          for (guint j = 0; j < n_points && free; j++)
            {
              CgRect dot = { layout->px[j] - layout->radius, layout->py[j] - layout->radius,
                             2 * layout->radius, 2 * layout->radius };

              free = !rects_overlap (&r, &dot) &&
                     !(j < i && layout->labelled[j] && rects_overlap (&r, &layout->labels[j]));
            }
          if (free)
            {
              layout->labels[i] = r;
              layout->labelled[i] = TRUE;
            }
        }
    }

  g_object_unref (context);
  return layout;
}

void
cg_scatter_layout_free (CgScatterLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->px);
  g_free (layout->py);
  g_free (layout->labels);
  g_free (layout->labelled);
  g_free (layout);
}

/**
 * cg_scatter_layout_hit_test:
 *
 * Returns: the point nearest to (@x, @y) within a few pixels, or -1
 */
int
cg_scatter_layout_hit_test (const CgScatterLayout *layout,
                            double                 x,
                            double                 y)
{
  double best = (layout->radius + 4) * (layout->radius + 4);
  int found = -1;

  for (guint i = 0; i < layout->n; i++)
    {
      double d = (layout->px[i] - x) * (layout->px[i] - x) + (layout->py[i] - y) * (layout->py[i] - y);
      if (d <= best)
        {
          best = d;
          found = (int) i;
        }
    }
  return found;
}

void
cg_scatter_render (cairo_t               *cr,
                   const CgPoint         *points,
                   const char * const    *categories,
                   const CgScatterLayout *layout,
                   const CgChartStyle    *style,
                   const char            *title,
                   const char            *subtitle,
                   const CgChartInfo     *info)
{
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoFontDescription) legend_font = NULL;
  double s = style->font_scale;

  g_return_if_fail (cr != NULL && layout != NULL && style != NULL);

  font = _cg_chart_make_font (style, LABEL_SIZE, PANGO_WEIGHT_NORMAL);
  legend_font = _cg_chart_make_font (style, LEGEND_SIZE, PANGO_WEIGHT_NORMAL);

  cairo_save (cr);
  _cg_chart_draw_heading (cr, style, &layout->title, title, subtitle);

  /* The frame of the map: its axes have no units, only distances matter. */
  cg_chart_set_source_color (cr, &style->not_comparable);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, floor (layout->plot.x) + 0.5, floor (layout->plot.y) + 0.5,
                   floor (layout->plot.width) - 1, floor (layout->plot.height) - 1);
  cairo_stroke (cr);

  for (guint i = 0; i < layout->n; i++)
    {
      CgColor color;

      cg_category_color (points[i].category, &color);
      cg_chart_set_source_color (cr, &color);
      _cg_chart_marker_path (cr, points[i].category, layout->px[i], layout->py[i], layout->radius);
      cairo_fill_preserve (cr);
      cg_chart_set_source_color (cr, &style->background);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }

  cg_chart_set_source_color (cr, &style->foreground);
  for (guint i = 0; i < layout->n; i++)
    if (layout->labelled[i])
      _cg_chart_draw_text (cr, font, points[i].label, layout->labels[i].x, layout->labels[i].y,
                           0, 0, 0);

  for (guint c = 0; categories != NULL && categories[c] != NULL; c++)
    {
      CgColor color;
      double y = layout->legend.y + c * LEGEND_SIZE * 1.8 * s;

      cg_category_color (c, &color);
      cg_chart_set_source_color (cr, &color);
      _cg_chart_marker_path (cr, c, layout->legend.x + 6 * s, y + LEGEND_SIZE * 0.7 * s, layout->radius);
      cairo_fill (cr);
      cg_chart_set_source_color (cr, &style->foreground);
      _cg_chart_draw_text (cr, legend_font, categories[c], layout->legend.x + 16 * s, y, 0, 0, 0);
    }

  _cg_chart_draw_footnote (cr, style, &layout->footnote, info, NULL);
  cairo_restore (cr);
}

/**
 * cg_scatter_append_csv:
 * @category_ids: (array zero-terminated=1): an id for each category, for the
 *   “region” column; a point past them gets an empty one
 *
 * Appends the map's data: each point's label, coordinates and category.
 */
void
cg_scatter_append_csv (GString            *csv,
                       const CgPoint      *points,
                       guint               n_points,
                       const char * const *category_ids)
{
  guint n_ids = category_ids != NULL ? g_strv_length ((char **) category_ids) : 0;

  cg_csv_append_row (csv, "code", "x", "y", "region", NULL);
  for (guint i = 0; i < n_points; i++)
    {
      cg_csv_append_field (csv, points[i].label);
      g_string_append_c (csv, ',');
      cg_csv_append_number (csv, points[i].x);
      g_string_append_c (csv, ',');
      cg_csv_append_number (csv, points[i].y);
      g_string_append_c (csv, ',');
      cg_csv_append_field (csv, points[i].category < n_ids ? category_ids[points[i].category]
                                                         : NULL);
      g_string_append (csv, "\r\n");
    }
}
