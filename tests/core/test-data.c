/* test-data.c: every shipped file is valid, sourced and dated
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cg-country-names.h"
#include "cg-framework.h"
#include "cg-profile.h"

static void
test_shipped_profiles (void)
{
  g_autofree char *policies = g_test_build_filename (G_TEST_DIST, "..", "data", "policies", NULL);
  g_autofree char *framework_path = g_build_filename (policies, "framework.xml", NULL);
  g_autofree char *profiles_dir = g_build_filename (policies, "profiles", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgFramework) framework = cg_framework_new_from_file (framework_path, &error);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *name;
  guint n_countries = 0, n_values = 0;

  g_assert_no_error (error);
  dir = g_dir_open (profiles_dir, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (profiles_dir, name, NULL);
      g_autoptr(CgProfile) profile = NULL;
      g_autofree char *expected_name = NULL;
      GPtrArray *values;

      g_assert_true (g_str_has_suffix (name, ".xml"));
      profile = cg_profile_new_from_file (path, framework, &error);
      g_assert_no_error (error);

      /* One file a profile, named by its code; countries are real ISO 3166 codes. */
      expected_name = g_strdup_printf ("%s.xml", cg_profile_get_code (profile));
      g_assert_cmpstr (name, ==, expected_name);
      g_assert_true (g_hash_table_add (codes, g_strdup (cg_profile_get_code (profile))));
      if (cg_profile_get_kind (profile) == CG_PROFILE_KIND_COUNTRY)
        {
          g_assert_true (cg_country_code_is_known (cg_profile_get_code (profile)));
          n_countries++;
        }

      values = cg_profile_get_values (profile);
      for (guint i = 0; i < values->len; i++)
        {
          CgValue *value = g_ptr_array_index (values, i);

          n_values++;
          /* A value without a source is allowed only when it says it is unverified. */
          if (value->confidence != CG_CONFIDENCE_UNVERIFIED)
            g_assert_cmpuint (value->sources->len, >=, 1);
          for (guint s = 0; s < value->sources->len; s++)
            {
              CgSource *source = g_ptr_array_index (value->sources, s);

              g_assert_cmpuint (strlen (source->title), >, 3);
              if (source->url != NULL)
                g_assert_true (g_str_has_prefix (source->url, "https://") ||
                               g_str_has_prefix (source->url, "http://"));
            }
        }
    }

  /* The spine's promise: real profiles of at least five countries. */
  g_assert_cmpuint (n_countries, >=, 5);
  g_assert_cmpuint (n_values, >=, 40);
}

/* Country names in the user's language, the common form where the language has one. */
static void
test_country_names (void)
{
  const char *name;

  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (cg_country_name ("KR"), ==, "South Korea");
  g_assert_cmpstr (cg_country_name ("FR"), ==, "France");
  g_assert_null (cg_country_name ("XX"));

  /* Arabic translates “Korea, Republic of” but not “South Korea”: the name is still
   * Arabic, not English in an Arabic list. */
  g_setenv ("LANGUAGE", "ar", TRUE);
  name = cg_country_name ("KR");
  g_assert_nonnull (name);
  g_assert_cmpint (g_unichar_get_script (g_utf8_get_char (name)), ==, G_UNICODE_SCRIPT_ARABIC);
  name = cg_country_name ("FR");
  g_assert_cmpint (g_unichar_get_script (g_utf8_get_char (name)), ==, G_UNICODE_SCRIPT_ARABIC);
  g_setenv ("LANGUAGE", "en", TRUE);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/data/profiles/shipped", test_shipped_profiles);
  g_test_add_func ("/data/country-names", test_country_names);

  return g_test_run ();
}
