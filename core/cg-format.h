/* cg-format.h: numbers written exactly and fast
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CG_FORMAT_G17_SIZE 32

int cg_format_g17 (double value,
                   char   buffer[CG_FORMAT_G17_SIZE]);

G_END_DECLS
