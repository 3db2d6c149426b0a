/* cg-country.h: a country as listed to the user
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CG_TYPE_COUNTRY (cg_country_get_type ())
G_DECLARE_FINAL_TYPE (CgCountry, cg_country, CG, COUNTRY, GObject)

CgCountry  *cg_country_new          (const char *code,
                                     const char *name,
                                     guint       n_values);
CgCountry  *cg_country_new_full     (const char *code,
                                     const char *name,
                                     const char *region,
                                     gboolean    has_profile,
                                     guint       n_values);
const char *cg_country_get_region   (CgCountry  *self);
gboolean    cg_country_get_has_profile (CgCountry *self);
const char *cg_country_get_code     (CgCountry  *self);
const char *cg_country_get_name     (CgCountry  *self);
guint       cg_country_get_n_values (CgCountry  *self);

G_END_DECLS
