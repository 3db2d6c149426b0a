/* cg-chart.c: what every chart shares: colours, style, citation footnote
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include <pango/pangocairo.h>

#include "cg-chart.h"
#include "cg-chart-private.h"

/* viridis (van der Walt and Smith, matplotlib; CC0) sampled at 0, 0.1, … 1.
 * Perceptually uniform and readable with the common colour-vision deficiencies. */
static const guint32 viridis_stops[] = {
  0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c,
  0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725,
};

/* cividis (Nuñez, Anderton and Renslow 2018, PLoS ONE 13(8): e0199239), as
 * matplotlib ships it, sampled at 0, 0.1, … 1.  Made to look the same to
 * readers with and without red–green colour-vision deficiency. */
static const guint32 cividis_stops[] = {
  0x00224e, 0x083370, 0x35456c, 0x4f576c, 0x666970, 0x7d7c78,
  0x948e77, 0xaea371, 0xc8b866, 0xe5cf52, 0xfee838,
};

/* A grey ramp for laser printers and photocopies: from near-black to a light
 * grey that still stands apart from the white page. */
static const guint32 grey_stops[] = { 0x1a1a1a, 0xdcdcdc };

static void
color_from_hex (guint32  hex,
                CgColor *color)
{
  color->red = ((hex >> 16) & 0xff) / 255.0;
  color->green = ((hex >> 8) & 0xff) / 255.0;
  color->blue = (hex & 0xff) / 255.0;
  color->alpha = 1.0;
}

static void
sample_stops (const guint32 *stops,
              guint          n_stops,
              double         t,
              CgColor       *out_color)
{
  const guint n = n_stops - 1;
  CgColor a, b;
  double position, frac;
  guint index;

  if (isnan (t))
    t = 0;
  t = CLAMP (t, 0.0, 1.0);
  position = t * n;
  index = MIN ((guint) position, n - 1);
  frac = position - index;

  color_from_hex (stops[index], &a);
  color_from_hex (stops[index + 1], &b);
  out_color->red = a.red + (b.red - a.red) * frac;
  out_color->green = a.green + (b.green - a.green) * frac;
  out_color->blue = a.blue + (b.blue - a.blue) * frac;
  out_color->alpha = 1.0;
}

/**
 * cg_colormap_viridis:
 * @t: a position in 0..1 (clamped)
 * @out_color: (out): the colour
 */
void
cg_colormap_viridis (double   t,
                     CgColor *out_color)
{
  g_return_if_fail (out_color != NULL);

  sample_stops (viridis_stops, G_N_ELEMENTS (viridis_stops), t, out_color);
}

/**
 * cg_colormap_sample:
 * @colormap: which map
 * @t: a position in 0..1 (clamped); 0 is the darkest end
 * @out_color: (out): the colour
 */
void
cg_colormap_sample (CgColormap  colormap,
                    double      t,
                    CgColor    *out_color)
{
  g_return_if_fail (out_color != NULL);

  switch (colormap)
    {
    case CG_COLORMAP_CIVIDIS:
      sample_stops (cividis_stops, G_N_ELEMENTS (cividis_stops), t, out_color);
      break;
    case CG_COLORMAP_GREY:
      sample_stops (grey_stops, G_N_ELEMENTS (grey_stops), t, out_color);
      break;
    case CG_COLORMAP_VIRIDIS:
    default:
      sample_stops (viridis_stops, G_N_ELEMENTS (viridis_stops), t, out_color);
      break;
    }
}

/**
 * cg_chart_style_divergence_color:
 * @style: the chart style
 * @divergence: 0 (identical) … 1
 * @out_color: (out): bright for common ground, dark for divergence
 */
void
cg_chart_style_divergence_color (const CgChartStyle *style,
                                 double              divergence,
                                 CgColor            *out_color)
{
  g_return_if_fail (style != NULL);

  cg_colormap_sample (style->colormap, 1.0 - divergence, out_color);
}

/**
 * cg_color_luminance:
 *
 * Returns: the relative luminance (WCAG 2) of @color, 0 black … 1 white
 */
double
cg_color_luminance (const CgColor *color)
{
  double channels[3] = { color->red, color->green, color->blue };

  for (guint i = 0; i < 3; i++)
    {
      double c = channels[i];
      channels[i] = c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
    }
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

void
cg_chart_set_source_color (cairo_t       *cr,
                           const CgColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
cg_chart_style_init_light (CgChartStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (CgChartStyle) {
    .background = { 1, 1, 1, 1 },
    .foreground = { 0.13, 0.13, 0.15, 1 },
    .muted = { 0.40, 0.40, 0.43, 1 },
    .not_comparable = { 0.88, 0.88, 0.88, 1 },
    .font_family = "Sans",
    .font_scale = 1.0,
    .colormap = CG_COLORMAP_VIRIDIS,
  };
}

void
cg_chart_style_init_dark (CgChartStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (CgChartStyle) {
    .background = { 0.14, 0.14, 0.15, 1 },
    .foreground = { 0.93, 0.93, 0.93, 1 },
    .muted = { 0.68, 0.68, 0.70, 1 },
    .not_comparable = { 0.26, 0.26, 0.28, 1 },
    .font_family = "Sans",
    .font_scale = 1.0,
    .colormap = CG_COLORMAP_VIRIDIS,
  };
}

/**
 * cg_chart_style_init_high_contrast:
 *
 * Black on white with larger type and the cividis map: for a washed-out
 * projector at the back of a classroom and for readers with low vision.
 * All text is at least 7:1 against the background (WCAG AAA).
 */
void
cg_chart_style_init_high_contrast (CgChartStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (CgChartStyle) {
    .background = { 1, 1, 1, 1 },
    .foreground = { 0, 0, 0, 1 },
    .muted = { 0.20, 0.20, 0.20, 1 },
    .not_comparable = { 0.80, 0.80, 0.80, 1 },
    .font_family = "Sans",
    .font_scale = 1.25,
    .colormap = CG_COLORMAP_CIVIDIS,
  };
}

/**
 * cg_chart_style_init_print:
 *
 * Black on white with a grey ramp: what survives a laser printer or a
 * photocopy.  Cells with no comparison are hatched in every style, so they
 * stay distinct from values even in grey.
 */
void
cg_chart_style_init_print (CgChartStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (CgChartStyle) {
    .background = { 1, 1, 1, 1 },
    .foreground = { 0, 0, 0, 1 },
    .muted = { 0.30, 0.30, 0.30, 1 },
    .not_comparable = { 1, 1, 1, 1 },
    .font_family = "Serif",
    .font_scale = 1.0,
    .colormap = CG_COLORMAP_GREY,
  };
}

static const char * const style_names[] = { "light", "dark", "high-contrast", "print", NULL };

/**
 * cg_chart_style_list_names:
 *
 * Returns: (transfer none): the names cg_chart_style_init_from_name() takes
 */
const char * const *
cg_chart_style_list_names (void)
{
  return style_names;
}

/**
 * cg_chart_style_init_from_name:
 * @name: "light", "dark", "high-contrast" or "print"
 *
 * Returns: %FALSE with @error set (G_OPTION_ERROR_BAD_VALUE) for another name
 */
gboolean
cg_chart_style_init_from_name (CgChartStyle  *style,
                               const char    *name,
                               GError       **error)
{
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_str_equal (name, "light"))
    cg_chart_style_init_light (style);
  else if (g_str_equal (name, "dark"))
    cg_chart_style_init_dark (style);
  else if (g_str_equal (name, "high-contrast"))
    cg_chart_style_init_high_contrast (style);
  else if (g_str_equal (name, "print"))
    cg_chart_style_init_print (style);
  else
    {
      g_autofree char *names = g_strjoinv (", ", (char **) style_names);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: the placeholders are a style name and a list of names */
                   _("Unknown chart style “%s”; the styles are %s"), name, names);
      return FALSE;
    }
  return TRUE;
}

/**
 * cg_chart_dup_footnote:
 *
 * Returns: (transfer full): the line that makes an exported figure citable: data
 *   date, framework, weights, method and program version
 */
char *
cg_chart_dup_footnote (const CgChartInfo *info)
{
  GString *text = g_string_new (NULL);

  if (info != NULL && info->as_of != NULL)
    /* Translators: in a chart's footnote; the placeholder is a date */
    g_string_append_printf (text, _("Policies as of %s"), info->as_of);
  if (info != NULL && info->framework != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: in a chart's footnote; the placeholder is “ott v1” */
      g_string_append_printf (text, _("Framework %s"), info->framework);
    }
  if (info != NULL && info->weights != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: in a chart's footnote; the placeholder is a weights preset */
      g_string_append_printf (text, _("Weights: %s"), info->weights);
    }
  if (info != NULL && info->range_mode != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: in a chart's footnote: Gower's coefficient, with a range mode */
      g_string_append_printf (text, _("Gower divergence, %s range"), info->range_mode);
    }
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, "Common Ground " PACKAGE_VERSION);

  return g_string_free (text, FALSE);
}

/* Text and fills every chart shares. Sizes are in surface units (CSS pixels). */

PangoFontDescription *
_cg_chart_make_font (const CgChartStyle *style,
           double              size,
           PangoWeight         weight)
{
  PangoFontDescription *font = pango_font_description_from_string (style->font_family);

  pango_font_description_set_absolute_size (font, size * style->font_scale * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  return font;
}

PangoContext *
_cg_chart_create_measure_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Metrics as on a PDF page: independent of the screen's hinting. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96);
  cairo_font_options_destroy (options);

  return context;
}

void
_cg_chart_measure_text (PangoContext               *context,
              const PangoFontDescription *font,
              const char                 *text,
              double                     *out_width,
              double                     *out_height)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoRectangle logical;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  if (out_width != NULL)
    *out_width = (double) logical.width / PANGO_SCALE;
  if (out_height != NULL)
    *out_height = (double) logical.height / PANGO_SCALE;
}

void
_cg_chart_draw_text (cairo_t                    *cr,
           const PangoFontDescription *font,
           const char                 *text,
           double                      x,
           double                      y,
           double                      max_width,
           double                      xalign,
           double                      yalign)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoRectangle logical;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_extents (layout, NULL, &logical);

  cairo_move_to (cr, x - xalign * logical.width / PANGO_SCALE,
                 y - yalign * logical.height / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

void
_cg_chart_hatch_rect (cairo_t            *cr,
            const CgChartStyle *style,
            double              x,
            double              y,
            double              w,
            double              h)
{
  double step = MAX (4.0, MIN (w, h) / 3);

  cg_chart_set_source_color (cr, &style->not_comparable);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_clip (cr);
  cg_chart_set_source_color (cr, &style->muted);
  cairo_set_line_width (cr, MAX (0.75, step / 6));
  for (double d = -h; d < w; d += step)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A marker shape per category, so the legend reads without colour too. */
void
_cg_chart_marker_path (cairo_t *cr,
                       guint    category,
                       double   x,
                       double   y,
                       double   r)
{
  /* Not joined to wherever the last text left the current point. */
  cairo_new_sub_path (cr);
  switch (category % 4)
    {
    case 0:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case 1:
      cairo_rectangle (cr, x - r * 0.9, y - r * 0.9, 1.8 * r, 1.8 * r);
      break;
    case 2:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.05, y + r * 0.8);
      cairo_line_to (cr, x - r * 1.05, y + r * 0.8);
      cairo_close_path (cr);
      break;
    default:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.2, y);
      cairo_close_path (cr);
    }
}

/**
 * _cg_chart_draw_heading:
 * @rect: where the title goes; the subtitle follows it
 * @subtitle: (nullable)
 *
 * Paints the chart's background, then its title and subtitle.
 */
void
_cg_chart_draw_heading (cairo_t            *cr,
                        const CgChartStyle *style,
                        const CgRect       *rect,
                        const char         *title,
                        const char         *subtitle)
{
  g_autoptr(PangoFontDescription) title_font = NULL;

  cg_chart_set_source_color (cr, &style->background);
  cairo_paint (cr);

  title_font = _cg_chart_make_font (style, CG_CHART_TITLE_SIZE, PANGO_WEIGHT_BOLD);
  cg_chart_set_source_color (cr, &style->foreground);
  _cg_chart_draw_text (cr, title_font, title, rect->x, rect->y, rect->width, 0, 0);
  if (subtitle != NULL)
    {
      g_autoptr(PangoFontDescription) subtitle_font =
        _cg_chart_make_font (style, CG_CHART_SUBTITLE_SIZE, PANGO_WEIGHT_NORMAL);

      cg_chart_set_source_color (cr, &style->muted);
      _cg_chart_draw_text (cr, subtitle_font, subtitle, rect->x,
                           rect->y + CG_CHART_TITLE_SIZE * 1.35 * style->font_scale, rect->width,
                           0, 0);
    }
}

/**
 * _cg_chart_draw_footnote:
 * @credit: (nullable): appended after a “·”, as a data credit
 *
 * Draws the line that makes the figure citable (see cg_chart_dup_footnote()).
 */
void
_cg_chart_draw_footnote (cairo_t            *cr,
                         const CgChartStyle *style,
                         const CgRect       *rect,
                         const CgChartInfo  *info,
                         const char         *credit)
{
  g_autoptr(PangoFontDescription) font =
    _cg_chart_make_font (style, CG_CHART_FOOTNOTE_SIZE, PANGO_WEIGHT_NORMAL);
  g_autofree char *footnote = cg_chart_dup_footnote (info);

  if (credit != NULL)
    {
      char *with_credit = g_strconcat (footnote, " · ", credit, NULL);

      g_free (footnote);
      footnote = with_credit;
    }
  cg_chart_set_source_color (cr, &style->muted);
  _cg_chart_draw_text (cr, font, footnote, rect->x, rect->y, rect->width, 0, 0);
}
