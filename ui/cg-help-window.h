/* cg-help-window.h: the user's guide, offline
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CG_TYPE_HELP_WINDOW (cg_help_window_get_type ())
G_DECLARE_FINAL_TYPE (CgHelpWindow, cg_help_window, CG, HELP_WINDOW, AdwWindow)

GtkWidget *cg_help_window_new       (GtkWindow  *parent);
char      *cg_help_markdown_to_markup (const char *markdown);

G_END_DECLS
