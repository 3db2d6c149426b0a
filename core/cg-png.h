/* cg-png.h: writing a cairo image as PNG, fast
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

gboolean _cg_png_write (cairo_surface_t *image,
                        int              fd,
                        double           dpi,
                        GError         **error);

void     _cg_png_attach (cairo_surface_t *image);

G_END_DECLS
