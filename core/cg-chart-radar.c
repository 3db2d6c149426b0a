/* cg-chart-radar.c: per-dimension restrictiveness of a few countries
 *
 * One axis a dimension, from the centre (0, the most open rules the framework
 * allows) to the rim (1, the most restrictive).  Each country is a closed line
 * in its own Okabe–Ito colour, marker shape and dash pattern, so two to six
 * countries stay apart on screen, on a projector and on a grey printout.  A
 * dimension with no known value breaks the line there: a gap, never a zero.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cg-chart-private.h"
#include "cg-chart-radar.h"
#include "cg-chart-scatter.h"

#define AXIS_SIZE 11.5
#define TICK_SIZE 9.5
#define LEGEND_SIZE 11.5

/* Axis labels wrap onto two lines rather than squeeze the web. */
static double
axis_label_width (double width,
                  double s)
{
  return MIN (150 * s, width * 0.2);
}

static PangoLayout *
create_axis_label (PangoContext               *context,
                   const PangoFontDescription *font,
                   const char                 *text,
                   double                      max_width,
                   double                      xalign)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_height (layout, -2);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, xalign < 0.25 ? PANGO_ALIGN_LEFT
                                      : xalign > 0.75 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
  return layout;
}

static double
axis_angle (guint axis,
            guint n_axes)
{
  /* The first axis points up; the others follow clockwise. */
  return -G_PI / 2 + 2 * G_PI * axis / n_axes;
}

/**
 * cg_radar_layout_new:
 * @axes: (array length=n_axes): the dimensions' labels
 * @series: (array length=n_series): the countries, at most %CG_RADAR_MAX_SERIES
 *
 * Returns: (transfer full): the geometry of the chart
 */
CgRadarLayout *
cg_radar_layout_new (const char * const  *axes,
                     guint                n_axes,
                     const CgRadarSeries *series,
                     guint                n_series,
                     double               width,
                     double               height,
                     const CgChartStyle  *style)
{
  CgRadarLayout *layout = g_new0 (CgRadarLayout, 1);
  PangoContext *context = _cg_chart_create_measure_context ();
  g_autoptr(PangoFontDescription) axis_font = NULL;
  g_autoptr(PangoFontDescription) legend_font = NULL;
  double s, pad, legend_w = 0, axis_w = 0, axis_h = 0, body_y, body_h, margin_x, margin_y;

  g_return_val_if_fail (style != NULL, layout);

  s = style->font_scale;
  pad = MAX (8.0, MIN (20.0 * s, MIN (width, height) * 0.03));
  layout->n_axes = n_axes;
  layout->axis_label_width = axis_label_width (width, s);
  layout->n_series = MIN (n_series, CG_RADAR_MAX_SERIES);
  axis_font = _cg_chart_make_font (style, AXIS_SIZE, PANGO_WEIGHT_NORMAL);
  legend_font = _cg_chart_make_font (style, LEGEND_SIZE, PANGO_WEIGHT_NORMAL);

  layout->title = (CgRect) { pad, pad, width - 2 * pad,
                             CG_CHART_HEADING_HEIGHT (s) };
  layout->footnote = (CgRect) { pad, height - pad - CG_CHART_FOOTNOTE_SIZE * 1.6 * s, width - 2 * pad,
                                CG_CHART_FOOTNOTE_SIZE * 1.6 * s };

  for (guint i = 0; i < layout->n_series; i++)
    {
      double w, h;

      _cg_chart_measure_text (context, legend_font, series[i].label, &w, &h);
      legend_w = MAX (legend_w, w);
    }
  /* A line sample with its marker, then the name. */
  legend_w = MIN (legend_w + 44 * s, width * 0.3);
  layout->legend_row = LEGEND_SIZE * 2.0 * s;

  for (guint a = 0; a < n_axes; a++)
    {
      g_autoptr(PangoLayout) label = create_axis_label (context, axis_font, axes[a],
                                                        layout->axis_label_width, 0);
      PangoRectangle ink, logical;
      double c = cos (axis_angle (a, n_axes)), si = sin (axis_angle (a, n_axes));

      pango_layout_get_pixel_extents (label, &ink, &logical);
      /* Labels beside the web need room across; those above and below, room down. */
      if (fabs (c) > 0.3)
        axis_w = MAX (axis_w, logical.width);
      if (fabs (si) > 0.3)
        axis_h = MAX (axis_h, logical.height);
    }

  body_y = layout->title.y + layout->title.height + pad;
  body_h = layout->footnote.y - pad - body_y;
  layout->plot = (CgRect) { pad, body_y, width - 3 * pad - legend_w, body_h };
  layout->legend = (CgRect) { layout->plot.x + layout->plot.width + pad,
                              body_y + pad, legend_w, layout->n_series * layout->legend_row };

  margin_x = axis_w + 12 * s;
  margin_y = axis_h + 12 * s;
  layout->radius = MAX (0, MIN ((layout->plot.width - 2 * margin_x) / 2,
                                (layout->plot.height - 2 * margin_y) / 2));
  layout->cx = layout->plot.x + layout->plot.width / 2;
  layout->cy = layout->plot.y + layout->plot.height / 2;
  g_object_unref (context);
  return layout;
}

void
cg_radar_layout_free (CgRadarLayout *layout)
{
  g_free (layout);
}

/**
 * cg_radar_axis_point:
 * @value: 0 (the centre) … 1 (the rim)
 *
 * Where @value lies on @axis.
 */
void
cg_radar_axis_point (const CgRadarLayout *layout,
                     guint                axis,
                     double               value,
                     double              *out_x,
                     double              *out_y)
{
  double angle = axis_angle (axis, MAX (layout->n_axes, 1));

  *out_x = layout->cx + layout->radius * value * cos (angle);
  *out_y = layout->cy + layout->radius * value * sin (angle);
}

static void
set_series_dash (cairo_t *cr,
                 guint    index,
                 double   s)
{
  /* Solid, dashed, dotted, dash-dot, long dash, dash-dot-dot. */
  static const double patterns[][4] = {
    { 0, 0, 0, 0 }, { 7, 4, 0, 0 }, { 1.5, 3, 0, 0 }, { 7, 3, 1.5, 3 }, { 12, 4, 0, 0 },
    { 5, 2.5, 1.5, 2.5 },
  };
  static const guint lengths[] = { 0, 2, 2, 4, 2, 4 };
  double dashes[4];
  guint i = index % G_N_ELEMENTS (lengths);

  for (guint k = 0; k < lengths[i]; k++)
    dashes[k] = patterns[i][k] * s;
  cairo_set_dash (cr, dashes, (int) lengths[i], 0);
}

static void
stroke_series (cairo_t             *cr,
               const CgRadarLayout *layout,
               const CgRadarSeries *series)
{
  guint n = layout->n_axes;

  /* A segment joins two neighbouring axes only where both are known. */
  for (guint a = 0; a < n; a++)
    {
      guint b = (a + 1) % n;
      double x0, y0, x1, y1;

      if (isnan (series->values[a]) || isnan (series->values[b]) || (n == 2 && b == 0))
        continue;
      cg_radar_axis_point (layout, a, CLAMP (series->values[a], 0, 1), &x0, &y0);
      cg_radar_axis_point (layout, b, CLAMP (series->values[b], 0, 1), &x1, &y1);
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
    }
  cairo_stroke (cr);
}

void
cg_radar_render (cairo_t             *cr,
                 const char * const  *axes,
                 const CgRadarSeries *series,
                 const CgRadarLayout *layout,
                 const CgChartStyle  *style,
                 const char          *title,
                 const char          *subtitle,
                 const CgChartInfo   *info)
{
  g_autoptr(PangoFontDescription) axis_font = NULL;
  g_autoptr(PangoFontDescription) tick_font = NULL;
  g_autoptr(PangoFontDescription) legend_font = NULL;
  PangoContext *context;
  double s;
  guint n;

  g_return_if_fail (cr != NULL && layout != NULL && style != NULL);

  s = style->font_scale;
  n = layout->n_axes;
  axis_font = _cg_chart_make_font (style, AXIS_SIZE, PANGO_WEIGHT_NORMAL);
  tick_font = _cg_chart_make_font (style, TICK_SIZE, PANGO_WEIGHT_NORMAL);
  legend_font = _cg_chart_make_font (style, LEGEND_SIZE, PANGO_WEIGHT_NORMAL);

  cairo_save (cr);
  _cg_chart_draw_heading (cr, style, &layout->title, title != NULL ? title : _("Restrictiveness by dimension"), subtitle);

  if (n >= 2 && layout->radius > 0)
    {
      /* The web: rings at every quarter, spokes to each dimension. */
      cg_chart_set_source_color (cr, &style->not_comparable);
      cairo_set_line_width (cr, 1);
      for (guint ring = 1; ring <= 4; ring++)
        {
          for (guint a = 0; a <= n; a++)
            {
              double x, y;

              cg_radar_axis_point (layout, a % n, ring / 4.0, &x, &y);
              if (a == 0)
                cairo_move_to (cr, x, y);
              else
                cairo_line_to (cr, x, y);
            }
          cairo_stroke (cr);
        }
      cg_chart_set_source_color (cr, &style->muted);
      for (guint a = 0; a < n; a++)
        {
          double x, y;

          cg_radar_axis_point (layout, a, 1, &x, &y);
          cairo_move_to (cr, layout->cx, layout->cy);
          cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);

      /* The scale, along the first axis. */
      for (guint ring = 0; ring <= 4; ring++)
        {
          char text[8];
          double x, y;

          g_snprintf (text, sizeof text, "%.2f", ring / 4.0);
          cg_radar_axis_point (layout, 0, ring / 4.0, &x, &y);
          _cg_chart_draw_text (cr, tick_font, text, x + 4 * s, y, 0, 0, 0.5);
        }

      cg_chart_set_source_color (cr, &style->foreground);
      context = pango_cairo_create_context (cr);
      for (guint a = 0; a < n; a++)
        {
          double angle = axis_angle (a, n);
          double c = cos (angle), si = sin (angle);
          double xalign = c > 0.3 ? 0 : c < -0.3 ? 1 : 0.5;
          double yalign = si > 0.3 ? 0 : si < -0.3 ? 1 : 0.5;
          double max_width = layout->axis_label_width;
          g_autoptr(PangoLayout) label = create_axis_label (context, axis_font, axes[a],
                                                            max_width, xalign);
          PangoRectangle logical;
          double x, y;

          pango_layout_get_pixel_extents (label, NULL, &logical);
          cg_radar_axis_point (layout, a, 1, &x, &y);
          x += 10 * s * c;
          y += 10 * s * si;
          /* The layout's box is max_width wide; its alignment places the lines in it. */
          cairo_move_to (cr, x - xalign * max_width, y - yalign * logical.height);
          pango_cairo_show_layout (cr, label);
        }
      g_object_unref (context);

      for (guint i = 0; i < layout->n_series; i++)
        {
          CgColor color;

          cg_category_color (i, &color);
          cg_chart_set_source_color (cr, &color);
          cairo_set_line_width (cr, 2.5 * s);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          set_series_dash (cr, i, s);
          stroke_series (cr, layout, &series[i]);
          cairo_set_dash (cr, NULL, 0, 0);

          for (guint a = 0; a < n; a++)
            {
              double x, y;

              if (isnan (series[i].values[a]))
                continue;
              cg_radar_axis_point (layout, a, CLAMP (series[i].values[a], 0, 1), &x, &y);
              cg_chart_set_source_color (cr, &color);
              _cg_chart_marker_path (cr, i, x, y, 4.5 * s);
              cairo_fill_preserve (cr);
              cg_chart_set_source_color (cr, &style->background);
              cairo_set_line_width (cr, 1);
              cairo_stroke (cr);
            }
        }
    }

  for (guint i = 0; i < layout->n_series; i++)
    {
      CgColor color;
      double y = layout->legend.y + i * layout->legend_row + layout->legend_row / 2;
      double x = layout->legend.x;

      cg_category_color (i, &color);
      cg_chart_set_source_color (cr, &color);
      cairo_set_line_width (cr, 2.5 * s);
      set_series_dash (cr, i, s);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + 30 * s, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      _cg_chart_marker_path (cr, i, x + 15 * s, y, 4.5 * s);
      cairo_fill_preserve (cr);
      cg_chart_set_source_color (cr, &style->background);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      cg_chart_set_source_color (cr, &style->foreground);
      _cg_chart_draw_text (cr, legend_font, series[i].label, x + 38 * s, y,
                           layout->legend.width - 38 * s, 0, 0.5);
    }

  _cg_chart_draw_footnote (cr, style, &layout->footnote, info, NULL);
  cairo_restore (cr);
}
