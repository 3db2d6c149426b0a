/* cg-chart-timeline.c: when a country's rules changed
 *
 * One row an event, earliest at the top, each a marker at its date on a
 * shared time axis, coloured and shaped by its dimension, with what changed
 * written beside it. A row per event means labels never collide, however
 * close the dates; a country with more changes than fit is cut with a line
 * saying how many were left out, never silently.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "cg-chart-private.h"
#include "cg-chart-scatter.h"
#include "cg-chart-timeline.h"

#define LABEL_SIZE 11.0
#define TICK_SIZE 10.0
#define LEGEND_SIZE 11.0

static double
padding (double width,
         double height,
         double s)
{
  return MAX (8.0, MIN (20.0 * s, MIN (width, height) * 0.03));
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* The legend flows left to right and wraps; this places each entry, or only counts rows. */
static guint
flow_legend (PangoContext               *context,
             const PangoFontDescription *font,
             const char * const         *categories,
             const gboolean             *present,
             double                      x0,
             double                      width,
             double                      s,
             double                     *out_x,
             guint                      *out_row)
{
  double x = x0;
  guint row = 0;

  for (guint c = 0; categories != NULL && categories[c] != NULL; c++)
    {
      double w, h, entry;

      if (!present[c])
        continue;
      _cg_chart_measure_text (context, font, categories[c], &w, &h);
      entry = 16 * s + w + 18 * s;
      if (x > x0 && x + entry - 18 * s > x0 + width)
        {
          x = x0;
          row++;
        }
      if (out_x != NULL)
        out_x[c] = x;
      if (out_row != NULL)
        out_row[c] = row;
      x += entry;
    }
  return x > x0 ? row + 1 : row;
}

static gboolean *
categories_present (const CgEvent      *events,
                    guint               n_events,
                    const char * const *categories)
{
  guint n_categories = categories != NULL ? g_strv_length ((char **) categories) : 0;
  gboolean *present = g_new0 (gboolean, n_categories + 1);

  for (guint i = 0; i < n_events; i++)
    if (events[i].category < n_categories)
      present[events[i].category] = TRUE;
  return present;
}

/**
 * cg_timeline_natural_height:
 *
 * Returns: the height at which every one of @n_events has its row
 */
double
cg_timeline_natural_height (guint               n_events,
                            guint               n_categories,
                            const CgChartStyle *style)
{
  double s = style->font_scale;
  double pad = 20.0 * s;
  guint legend_rows = n_categories > 4 ? 2 : 1;

  return pad + CG_CHART_HEADING_HEIGHT (s) + pad + TICK_SIZE * 1.8 * s + MAX (n_events, 1) * LABEL_SIZE * 2.1 * s +
         pad + legend_rows * LEGEND_SIZE * 1.8 * s + pad * 0.5 + CG_CHART_FOOTNOTE_SIZE * 1.6 * s + pad;
}

/**
 * cg_timeline_layout_new:
 * @events: (array length=n_events): the changes, earliest first
 * @categories: (array zero-terminated=1) (nullable): the dimensions' labels
 *
 * Returns: (transfer full): the geometry of the chart
 */
CgTimelineLayout *
cg_timeline_layout_new (const CgEvent      *events,
                        guint               n_events,
                        const char * const *categories,
                        double              width,
                        double              height,
                        const CgChartStyle *style)
{
  CgTimelineLayout *layout = g_new0 (CgTimelineLayout, 1);
  PangoContext *context;
  g_autoptr(PangoFontDescription) tick_font = NULL;
  g_autoptr(PangoFontDescription) legend_font = NULL;
  g_autofree gboolean *present = NULL;
  double s, pad, date_h, legend_h, top, bottom;
  guint legend_rows, span, fit;
  GDate first, last;

  g_return_val_if_fail (style != NULL, layout);

  context = _cg_chart_create_measure_context ();
  s = style->font_scale;
  pad = padding (width, height, s);
  tick_font = _cg_chart_make_font (style, TICK_SIZE, PANGO_WEIGHT_NORMAL);
  legend_font = _cg_chart_make_font (style, LEGEND_SIZE, PANGO_WEIGHT_NORMAL);

  layout->title = (CgRect) { pad, pad, width - 2 * pad, CG_CHART_HEADING_HEIGHT (s) };
  layout->footnote = (CgRect) { pad, height - pad - CG_CHART_FOOTNOTE_SIZE * 1.6 * s, width - 2 * pad,
                                CG_CHART_FOOTNOTE_SIZE * 1.6 * s };

  present = categories_present (events, n_events, categories);
  legend_rows = flow_legend (context, legend_font, categories, present, pad, width - 2 * pad, s,
                             NULL, NULL);
  legend_h = legend_rows * LEGEND_SIZE * 1.8 * s;
  layout->legend = (CgRect) { pad, layout->footnote.y - pad * 0.5 - legend_h, width - 2 * pad,
                              legend_h };

  _cg_chart_measure_text (context, tick_font, "0000-00-00", &layout->date_width, &date_h);
  layout->row_height = LABEL_SIZE * 2.1 * s;

  top = layout->title.y + layout->title.height + pad + TICK_SIZE * 1.8 * s;
  bottom = layout->legend.y - pad;
  fit = bottom > top ? (guint) floor ((bottom - top) / layout->row_height) : 0;
  if (fit >= n_events)
    layout->n = n_events;
  else
    {
      /* The last row says how many are missing. */
      layout->n = fit > 0 ? fit - 1 : 0;
      layout->n_hidden = n_events - layout->n;
    }
  layout->plot = (CgRect) { pad + layout->date_width + 12 * s, top,
                            width - 2 * pad - layout->date_width - 12 * s,
                            (layout->n + (layout->n_hidden > 0 ? 1 : 0)) * layout->row_height };

  layout->first_year = layout->last_year = 2000;
  if (n_events > 0 && parse_date (events[0].date, &first) &&
      parse_date (events[n_events - 1].date, &last))
    {
      layout->first_year = g_date_get_year (&first);
      layout->last_year = MAX (g_date_get_year (&last), layout->first_year);
    }
  span = layout->last_year - layout->first_year + 1;
  layout->year_step = span <= 12 ? 1 : span <= 24 ? 2 : span <= 60 ? 5 : 10;

  g_object_unref (context);
  return layout;
}

void
cg_timeline_layout_free (CgTimelineLayout *layout)
{
  g_free (layout);
}

/**
 * cg_timeline_date_x:
 * @date: YYYY-MM-DD
 *
 * Returns: where @date lies across the plot, or NAN for a date that does not parse
 */
double
cg_timeline_date_x (const CgTimelineLayout *layout,
                    const char             *date)
{
  GDate start, end, day;
  double total;

  g_return_val_if_fail (layout != NULL, NAN);

  if (!parse_date (date, &day))
    return NAN;
  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&start, 1, G_DATE_JANUARY, layout->first_year);
  g_date_set_dmy (&end, 1, G_DATE_JANUARY, layout->last_year + 1);
  total = g_date_days_between (&start, &end);
  return layout->plot.x + layout->plot.width * g_date_days_between (&start, &day) / total;
}

void
cg_timeline_render (cairo_t                *cr,
                    const CgEvent          *events,
                    const char * const     *categories,
                    const CgTimelineLayout *layout,
                    const CgChartStyle     *style,
                    const char             *title,
                    const char             *subtitle,
                    const CgChartInfo      *info)
{
  g_autoptr(PangoFontDescription) label_font = NULL;
  g_autoptr(PangoFontDescription) tick_font = NULL;
  g_autoptr(PangoFontDescription) legend_font = NULL;
  PangoContext *measure;
  double s;
  const CgRect *plot;

  g_return_if_fail (cr != NULL && layout != NULL && style != NULL);

  s = style->font_scale;
  plot = &layout->plot;
  label_font = _cg_chart_make_font (style, LABEL_SIZE, PANGO_WEIGHT_NORMAL);
  tick_font = _cg_chart_make_font (style, TICK_SIZE, PANGO_WEIGHT_NORMAL);
  legend_font = _cg_chart_make_font (style, LEGEND_SIZE, PANGO_WEIGHT_NORMAL);

  cairo_save (cr);
  _cg_chart_draw_heading (cr, style, &layout->title, title != NULL ? title : _("Rule changes"), subtitle);

  /* Years: a gridline on each 1 January, labelled every year_step. */
  cairo_set_line_width (cr, 1);
  for (guint year = layout->first_year; year <= layout->last_year + 1; year++)
    {
      char date[16];
      double x;

      g_snprintf (date, sizeof date, "%04u-01-01", year);
      x = floor (cg_timeline_date_x (layout, date)) + 0.5;
      cg_chart_set_source_color (cr, &style->not_comparable);
      cairo_move_to (cr, x, plot->y);
      cairo_line_to (cr, x, plot->y + plot->height);
      cairo_stroke (cr);
      cg_chart_set_source_color (cr, &style->muted);
      cairo_move_to (cr, x, plot->y - 3 * s);
      cairo_line_to (cr, x, plot->y);
      cairo_stroke (cr);
      if ((year - layout->first_year) % layout->year_step == 0 && year <= layout->last_year)
        {
          char text[8];
          g_snprintf (text, sizeof text, "%u", year);
          cg_chart_set_source_color (cr, &style->foreground);
          _cg_chart_draw_text (cr, tick_font, text, x + 3 * s, plot->y - 4 * s, 0, 0, 1);
        }
    }

  measure = _cg_chart_create_measure_context ();
  for (guint i = 0; i < layout->n; i++)
    {
      double y = plot->y + (i + 0.5) * layout->row_height;
      double x = cg_timeline_date_x (layout, events[i].date);
      g_autofree char *text = NULL;
      double room, text_w, text_h;
      gboolean left;
      CgColor color;

      cg_chart_set_source_color (cr, &style->muted);
      _cg_chart_draw_text (cr, tick_font, events[i].date, layout->title.x, y, 0, 0, 0.5);
      if (isnan (x))
        continue;

      /* A faint guide from the axis to the marker keeps the row readable. */
      cg_chart_set_source_color (cr, &style->not_comparable);
      cairo_move_to (cr, plot->x, floor (y) + 0.5);
      cairo_line_to (cr, x, floor (y) + 0.5);
      cairo_stroke (cr);

      cg_category_color (events[i].category, &color);
      cg_chart_set_source_color (cr, &color);
      _cg_chart_marker_path (cr, events[i].category, x, y, 5 * s);
      cairo_fill_preserve (cr);
      /* An outline keeps the paler colours (yellow, sky blue) visible on white. */
      cg_chart_set_source_color (cr, &style->foreground);
      cairo_set_line_width (cr, 0.75);
      cairo_stroke (cr);
      cairo_set_line_width (cr, 1);

      text = events[i].detail != NULL ? g_strdup_printf ("%s: %s", events[i].label, events[i].detail)
                                      : g_strdup (events[i].label);
      /* Beside the marker, on whichever side has more room, on a clear ground so the
       * year lines do not cross it. */
      left = x - plot->x > plot->x + plot->width - x;
      room = left ? x - 10 * s - plot->x : plot->x + plot->width - x - 10 * s;
      _cg_chart_measure_text (measure, label_font, text, &text_w, &text_h);
      text_w = MIN (text_w, room);
      cg_chart_set_source_color (cr, &style->background);
      cairo_rectangle (cr, left ? x - 10 * s - text_w - 2 * s : x + 8 * s, y - text_h / 2,
                       text_w + 4 * s, text_h);
      cairo_fill (cr);
      cg_chart_set_source_color (cr, &style->foreground);
      if (left)
        _cg_chart_draw_text (cr, label_font, text, x - 10 * s, y, room, 1, 0.5);
      else
        _cg_chart_draw_text (cr, label_font, text, x + 10 * s, y, room, 0, 0.5);
    }
  g_object_unref (measure);

  if (layout->n_hidden > 0)
    {
      g_autofree char *more = NULL;

      /* Translators: the last row of a timeline that has no room for every change */
      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more change",
                                           "… and %u more changes", layout->n_hidden),
                              layout->n_hidden);
      cg_chart_set_source_color (cr, &style->muted);
      _cg_chart_draw_text (cr, label_font, more, plot->x,
                           plot->y + (layout->n + 0.5) * layout->row_height, plot->width, 0, 0.5);
    }

  {
    g_autofree gboolean *present = NULL;
    g_autofree double *xs = NULL;
    g_autofree guint *rows = NULL;
    guint n_categories = categories != NULL ? g_strv_length ((char **) categories) : 0;
    PangoContext *context = _cg_chart_create_measure_context ();

    present = categories_present (events, layout->n + layout->n_hidden, categories);
    xs = g_new0 (double, n_categories + 1);
    rows = g_new0 (guint, n_categories + 1);
    flow_legend (context, legend_font, categories, present, layout->legend.x,
                 layout->legend.width, s, xs, rows);
    g_object_unref (context);
    for (guint c = 0; c < n_categories; c++)
      {
        double y = layout->legend.y + (rows[c] + 0.5) * LEGEND_SIZE * 1.8 * s;
        CgColor color;

        if (!present[c])
          continue;
        cg_category_color (c, &color);
        cg_chart_set_source_color (cr, &color);
        _cg_chart_marker_path (cr, c, xs[c] + 6 * s, y, 5 * s);
        cairo_fill_preserve (cr);
        cg_chart_set_source_color (cr, &style->foreground);
        cairo_set_line_width (cr, 0.75);
        cairo_stroke (cr);
        cg_chart_set_source_color (cr, &style->foreground);
        _cg_chart_draw_text (cr, legend_font, categories[c], xs[c] + 16 * s, y, 0, 0, 0.5);
      }
  }

  _cg_chart_draw_footnote (cr, style, &layout->footnote, info, NULL);
  cairo_restore (cr);
}
