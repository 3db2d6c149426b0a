/* cg-country.c: a country as listed to the user
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-country"

#include "config.h"

#include "cg-country.h"

struct _CgCountry
{
  GObject  parent_instance;

  char    *code;
  char    *name;
  char    *region;
  gboolean has_profile;
  guint    n_values;
};

G_DEFINE_FINAL_TYPE (CgCountry, cg_country, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_N_VALUES,
  PROP_REGION,
  PROP_HAS_PROFILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cg_country_finalize (GObject *object)
{
  CgCountry *self = CG_COUNTRY (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->region);

  G_OBJECT_CLASS (cg_country_parent_class)->finalize (object);
}

static void
cg_country_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CgCountry *self = CG_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, cg_country_get_code (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, cg_country_get_name (self));
      break;
    case PROP_N_VALUES:
      g_value_set_uint (value, cg_country_get_n_values (self));
      break;
    case PROP_REGION:
      g_value_set_string (value, cg_country_get_region (self));
      break;
    case PROP_HAS_PROFILE:
      g_value_set_boolean (value, cg_country_get_has_profile (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_country_class_init (CgCountryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_country_finalize;
  object_class->get_property = cg_country_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_VALUES] =
    g_param_spec_uint ("n-values", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_HAS_PROFILE] =
    g_param_spec_boolean ("has-profile", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_country_init (CgCountry *self)
{
}

/**
 * cg_country_new:
 * @code: ISO 3166-1 alpha-2 code
 * @name: the name in the user's language
 * @n_values: how many indicator values its profile has
 *
 * Returns: (transfer full): a new country
 */
CgCountry *
cg_country_new (const char *code,
                const char *name,
                guint       n_values)
{
  return cg_country_new_full (code, name, NULL, TRUE, n_values);
}

/**
 * cg_country_new_full:
 * @region: (nullable): ITU region id (`africa`, `americas`, `arab-states`,
 *   `asia-pacific`, `cis`, `europe`)
 * @has_profile: whether a policy profile of the country is loaded
 *
 * Returns: (transfer full): a new country
 */
CgCountry *
cg_country_new_full (const char *code,
                     const char *name,
                     const char *region,
                     gboolean    has_profile,
                     guint       n_values)
{
  CgCountry *self;

  g_return_val_if_fail (code != NULL, NULL);

  self = g_object_new (CG_TYPE_COUNTRY, NULL);
  self->code = g_strdup (code);
  self->name = g_strdup (name != NULL ? name : code);
  self->region = g_strdup (region);
  self->has_profile = has_profile;
  self->n_values = n_values;

  return self;
}

/**
 * cg_country_get_region:
 *
 * Returns: (nullable): the ITU region id
 */
const char *
cg_country_get_region (CgCountry *self)
{
  g_return_val_if_fail (CG_IS_COUNTRY (self), NULL);
  return self->region;
}

gboolean
cg_country_get_has_profile (CgCountry *self)
{
  g_return_val_if_fail (CG_IS_COUNTRY (self), FALSE);
  return self->has_profile;
}

const char *
cg_country_get_code (CgCountry *self)
{
  g_return_val_if_fail (CG_IS_COUNTRY (self), NULL);
  return self->code;
}

const char *
cg_country_get_name (CgCountry *self)
{
  g_return_val_if_fail (CG_IS_COUNTRY (self), NULL);
  return self->name;
}

guint
cg_country_get_n_values (CgCountry *self)
{
  g_return_val_if_fail (CG_IS_COUNTRY (self), 0);
  return self->n_values;
}
