/* cg-country-names.h: country names in the user's language, from iso-codes
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *cg_country_name         (const char *code);
gboolean    cg_country_code_is_known (const char *code);

G_END_DECLS
