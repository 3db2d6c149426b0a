/* cg-application.c: the Common Ground application
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-application.h"
#include "cg-chart-theme.h"
#include "cg-help-window.h"
#include "cg-window.h"

struct _CgApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (CgApplication, cg_application, ADW_TYPE_APPLICATION)

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (app);
  const char *developers[] = { _("The Common Ground authors"), NULL };

  adw_show_about_window (window,
                         "application-name", _("Common Ground"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Common Ground authors"),
                         "developers", developers,
                         "comments", _("Compare how countries regulate over-the-top (OTT) "
                                       "services, and find where they share common ground."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
help_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *help = cg_help_window_new (window);

  gtk_window_present (GTK_WINDOW (help));
}

static const GActionEntry app_actions[] = {
  { "help", help_action_cb, NULL, NULL, NULL, { 0 } },
  { "quit", quit_action_cb, NULL, NULL, NULL, { 0 } },
  { "about", about_action_cb, NULL, NULL, NULL, { 0 } },
};

static void
cg_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (cg_window_new (CG_APPLICATION (app)));

  gtk_window_present (window);
}

static void
cg_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *export_accels[] = { "<Control>e", NULL };
  static const char *select_all_accels[] = { "<Control><Shift>a", NULL };
  static const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (cg_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);

  /* Automatic (the desktop's light, dark or high contrast), projector or print; kept for
   * the next start. */
  {
    CgApplication *self = CG_APPLICATION (app);
    g_autoptr(GAction) chart_style = NULL;

    self->settings = g_settings_new (APP_ID);
    chart_style = g_settings_create_action (self->settings, "chart-style");
    g_action_map_add_action (G_ACTION_MAP (app), chart_style);
    g_settings_bind (self->settings, "chart-style", cg_chart_theme_get_default (), "name",
                     G_SETTINGS_BIND_GET);
  }
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export-chart",
                                         export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.select-all",
                                         select_all_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
}

static int
cg_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("common-ground %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
cg_application_finalize (GObject *object)
{
  CgApplication *self = CG_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (cg_application_parent_class)->finalize (object);
}

static void
cg_application_class_init (CgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cg_application_finalize;
  app_class->handle_local_options = cg_application_handle_local_options;
  app_class->activate = cg_application_activate;
  app_class->startup = cg_application_startup;
}

static void
cg_application_init (CgApplication *self)
{
}

CgApplication *
cg_application_new (void)
{
  CgApplication *self = g_object_new (CG_TYPE_APPLICATION,
                                      "application-id", APP_ID,
                                      "flags", G_APPLICATION_DEFAULT_FLAGS,
                                      "resource-base-path", CG_RESOURCE_PREFIX,
                                      NULL);

  g_application_add_main_option (G_APPLICATION (self), "version", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE, _("Show the version and quit"), NULL);
  return self;
}
