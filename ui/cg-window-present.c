/* cg-window-present.c: the window's presentation mode, for a classroom
 *
 * F5 (or Present in the main menu) fills the screen with the chart: no header bar, no
 * country list, the projector chart style with its larger type. Page Down and Page Up
 * (what a presentation clicker sends), or the arrow keys, move between the views;
 * Escape or F5 again ends it and brings back the style the user had chosen.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-chart-theme.h"
#include "cg-window-private.h"

/* The views in the order the switcher shows them. */
static const char *views[] = { "matrix", "compare", "map", "world", "group" };

static void
move_view (CgWindow *self,
           int       step)
{
  const char *current = adw_view_stack_get_visible_child_name (self->view_stack);
  int n = G_N_ELEMENTS (views), index = 0;

  for (int i = 0; i < n; i++)
    if (g_strcmp0 (current, views[i]) == 0)
      index = i;
  adw_view_stack_set_visible_child_name (self->view_stack, views[(index + step + n) % n]);
}

static void
next_view_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_view (CG_WINDOW (widget), 1);
}

static void
previous_view_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  move_view (CG_WINDOW (widget), -1);
}

static void
set_presenting (CgWindow *self,
                gboolean  presenting)
{
  CgChartTheme *theme = cg_chart_theme_get_default ();

  if (self->presenting == presenting)
    return;
  self->presenting = presenting;

  gtk_widget_set_visible (self->header_bar, !presenting);
  gtk_widget_set_visible (self->sidebar, !presenting);
  if (presenting)
    {
      g_free (self->style_before_presenting);
      self->style_before_presenting = g_strdup (cg_chart_theme_get_name (theme));
      cg_chart_theme_set_name (theme, "high-contrast");
      gtk_window_fullscreen (GTK_WINDOW (self));
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Presenting: Page Down for the next view, "
                                                    "Esc to stop")));
    }
  else
    {
      cg_chart_theme_set_name (theme, self->style_before_presenting != NULL
                                      ? self->style_before_presenting : "automatic");
      g_clear_pointer (&self->style_before_presenting, g_free);
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-presenting", presenting);
}

static void
present_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);

  set_presenting (self, !self->presenting);
}

static void
stop_presenting_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  set_presenting (CG_WINDOW (widget), FALSE);
}

/* While presenting, the clicker's keys move between views before any widget sees them. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CgWindow              *self)
{
  if (!self->presenting)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Page_Down:
    case GDK_KEY_Right:
    case GDK_KEY_space:
      move_view (self, 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Up:
    case GDK_KEY_Left:
    case GDK_KEY_BackSpace:
      move_view (self, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Escape:
      set_presenting (self, FALSE);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

void
_cg_window_present_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, CgWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, sidebar);

  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action_cb);
  gtk_widget_class_install_action (widget_class, "win.stop-presenting", NULL,
                                   stop_presenting_action_cb);
  gtk_widget_class_install_action (widget_class, "win.next-view", NULL, next_view_action_cb);
  gtk_widget_class_install_action (widget_class, "win.previous-view", NULL,
                                   previous_view_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "win.next-view", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "win.previous-view", NULL);
}

void
_cg_window_present_init (CgWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-presenting", FALSE);
}

void
_cg_window_present_finalize (CgWindow *self)
{
  /* A window closed while presenting leaves the user's own style behind it. */
  if (self->presenting && self->style_before_presenting != NULL)
    cg_chart_theme_set_name (cg_chart_theme_get_default (), self->style_before_presenting);
  g_clear_pointer (&self->style_before_presenting, g_free);
}
