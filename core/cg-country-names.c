/* cg-country-names.c: country names in the user's language, from iso-codes
 *
 * Names are not a hand-kept list: Debian's iso-codes ships ISO 3166-1 with its
 * translations (gettext domain `iso_3166-1`).
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-country-names"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cg-country-names.h"

#define ISO_3166_DOMAIN "iso_3166-1"

/* alpha-2 code → English name (the msgid of the translation) */
static GHashTable *
load_names (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (ISO_CODES_JSON_DIR, "iso_3166-1.json", NULL);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObject *root;
  JsonArray *countries;

  bindtextdomain (ISO_3166_DOMAIN, ISO_CODES_LOCALEDIR);
  bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");

  if (!json_parser_load_from_file (parser, path, &error))
    {
      /* Names fall back to codes; nothing else depends on them. */
      g_warning ("Could not read country names from %s: %s", path, error->message);
      return names;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  countries = json_object_get_array_member (root, "3166-1");

  for (guint i = 0; i < json_array_get_length (countries); i++)
    {
      JsonObject *country = json_array_get_object_element (countries, i);
      const char *code = json_object_get_string_member (country, "alpha_2");
      const char *common = json_object_get_string_member_with_default (country, "common_name",
                                                                       NULL);
      const char *name = json_object_get_string_member (country, "name");

      /* "South Korea" reads better than "Korea, Republic of", but not every language
       * translates the common names: keep both, common first (see cg_country_name). */
      g_hash_table_insert (names, g_strdup (code),
                           common != NULL ? g_strjoin ("\n", common, name, NULL)
                                          : g_strdup (name));
    }

  return names;
}

static GHashTable *
get_names (void)
{
  static GHashTable *names;

  if (g_once_init_enter (&names))
    g_once_init_leave (&names, load_names ());

  return names;
}

/**
 * cg_country_name:
 * @code: an ISO 3166-1 alpha-2 code
 *
 * Returns: (transfer none) (nullable): the country's name in the user's language,
 *   or %NULL if @code is not an ISO 3166-1 code
 */
const char *
cg_country_name (const char *code)
{
  const char *name;

  g_return_val_if_fail (code != NULL, NULL);

  name = g_hash_table_lookup (get_names (), code);
  if (name == NULL)
    return NULL;

  {
    const char *official = strchr (name, '\n');
    g_autofree char *common = NULL;
    const char *translated;

    if (official == NULL)
      return g_dgettext (ISO_3166_DOMAIN, name);

    /* The common name's translation if there is one, else the official name's; in
     * English (nothing translated) the common name. */
    common = g_strndup (name, official - name);
    translated = g_dgettext (ISO_3166_DOMAIN, common);
    if (translated != common)
      return translated;
    translated = g_dgettext (ISO_3166_DOMAIN, official + 1);
    if (translated != official + 1)
      return translated;
    return g_intern_string (common);
  }
}

gboolean
cg_country_code_is_known (const char *code)
{
  g_return_val_if_fail (code != NULL, FALSE);
  return g_hash_table_contains (get_names (), code);
}
