/* cg-file-private.h: files written beside their target, then renamed over it
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int _cg_file_open_temp (const char  *path,
                        char       **out_tmp_path,
                        GError     **error);

G_END_DECLS
