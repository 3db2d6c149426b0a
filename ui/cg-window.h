/* cg-window.h: the main window
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cg-application.h"
#include "cg-comparison.h"

G_BEGIN_DECLS

#define CG_TYPE_WINDOW (cg_window_get_type ())
G_DECLARE_FINAL_TYPE (CgWindow, cg_window, CG, WINDOW, AdwApplicationWindow)

CgWindow     *cg_window_new             (CgApplication *application);
CgComparison *cg_window_get_comparison  (CgWindow      *self);
GtkWidget    *cg_window_get_heatmap_view (CgWindow     *self);
const char   *cg_window_get_visible_page (CgWindow     *self);

G_END_DECLS
