/* cg-chart-theme.c: which chart style the window draws with
 *
 * "automatic" follows the desktop: light, dark, or high contrast when the
 * system asks for it.  A trainer can also pick "high-contrast" for a
 * projector or "print" to see what a greyscale copy will look like; exports
 * then use the same style, so what is on screen is what goes on the slide.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-chart-theme"

#include "config.h"

#include <adwaita.h>

#include "cg-chart-theme.h"

struct _CgChartTheme
{
  GObject  parent_instance;
  char    *name;
};

G_DEFINE_FINAL_TYPE (CgChartTheme, cg_chart_theme, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
system_changed_cb (CgChartTheme *self)
{
  if (g_str_equal (self->name, "automatic"))
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
cg_chart_theme_finalize (GObject *object)
{
  CgChartTheme *self = CG_CHART_THEME (object);

  g_free (self->name);
  G_OBJECT_CLASS (cg_chart_theme_parent_class)->finalize (object);
}

static void
cg_chart_theme_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CgChartTheme *self = CG_CHART_THEME (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_chart_theme_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CgChartTheme *self = CG_CHART_THEME (object);

  switch (prop_id)
    {
    case PROP_NAME:
      cg_chart_theme_set_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_chart_theme_class_init (CgChartThemeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_chart_theme_finalize;
  object_class->get_property = cg_chart_theme_get_property;
  object_class->set_property = cg_chart_theme_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "automatic",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted whenever the style charts should draw with changes. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cg_chart_theme_init (CgChartTheme *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->name = g_strdup ("automatic");
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (system_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (system_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * cg_chart_theme_get_default:
 *
 * Returns: (transfer none): the theme every chart of the application follows
 */
CgChartTheme *
cg_chart_theme_get_default (void)
{
  static CgChartTheme *theme;

  if (g_once_init_enter (&theme))
    g_once_init_leave (&theme, g_object_new (CG_TYPE_CHART_THEME, NULL));
  return theme;
}

const char *
cg_chart_theme_get_name (CgChartTheme *self)
{
  g_return_val_if_fail (CG_IS_CHART_THEME (self), NULL);

  return self->name;
}

/**
 * cg_chart_theme_set_name:
 * @name: "automatic", or a chart style name ("light", "dark", "high-contrast", "print")
 *
 * Returns: %FALSE, changing nothing, for an unknown name
 */
gboolean
cg_chart_theme_set_name (CgChartTheme *self,
                         const char   *name)
{
  CgChartStyle style;

  g_return_val_if_fail (CG_IS_CHART_THEME (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!g_str_equal (name, "automatic") && !cg_chart_style_init_from_name (&style, name, NULL))
    return FALSE;
  if (g_str_equal (name, self->name))
    return TRUE;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * cg_chart_theme_get_style:
 * @out_style: (out): the style to draw on screen with
 */
void
cg_chart_theme_get_style (CgChartTheme *self,
                          CgChartStyle *out_style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_return_if_fail (CG_IS_CHART_THEME (self));

  if (!g_str_equal (self->name, "automatic"))
    cg_chart_style_init_from_name (out_style, self->name, NULL);
  else if (adw_style_manager_get_high_contrast (manager))
    cg_chart_style_init_high_contrast (out_style);
  else if (adw_style_manager_get_dark (manager))
    cg_chart_style_init_dark (out_style);
  else
    cg_chart_style_init_light (out_style);
}

/**
 * cg_chart_theme_get_export_style:
 * @out_style: (out): the style to export with: the screen's, except that a
 *   dark desktop still exports light figures for papers and slides
 */
void
cg_chart_theme_get_export_style (CgChartTheme *self,
                                 CgChartStyle *out_style)
{
  g_return_if_fail (CG_IS_CHART_THEME (self));

  cg_chart_theme_get_style (self, out_style);
  if (g_str_equal (self->name, "automatic") && out_style->background.red < 0.5)
    cg_chart_style_init_light (out_style);
}
