/* cg-itu-regions.h: the six ITU regions, in the order every list and legend shows them
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CG_N_ITU_REGIONS 6

const char * const *cg_itu_region_ids    (void);
const char         *cg_itu_region_label  (guint       index);
guint               cg_itu_region_index  (const char *id);

G_END_DECLS
