/* test-profile.c: reading frameworks and profiles, and refusing bad ones
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cg-framework.h"
#include "cg-profile.h"

static CgFramework *
load_mini_framework (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini", "framework.xml",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  CgFramework *framework = cg_framework_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (framework);
  return framework;
}

static void
test_framework_mini (void)
{
  g_autoptr(CgFramework) framework = load_mini_framework ();
  const CgIndicator *ord, *num, *nom, *bin;
  double value = -1;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpstr (cg_framework_get_id (framework), ==, "mini");
  g_assert_cmpuint (cg_framework_get_version (framework), ==, 2);
  g_assert_cmpuint (cg_framework_get_n_dimensions (framework), ==, 2);
  g_assert_cmpuint (cg_framework_get_n_indicators (framework), ==, 5);
  g_assert_cmpfloat (cg_framework_get_dimension (framework, 1)->weight, ==, 0.5);

  ord = cg_framework_get_indicator (framework, cg_framework_lookup_indicator (framework, "a.ord"));
  g_assert_cmpint (ord->type, ==, CG_INDICATOR_ORDINAL);
  g_assert_cmpuint (ord->level_ids->len, ==, 3);
  g_assert_cmpint (ord->polarity, ==, 1);
  g_assert_cmpfloat (ord->max, ==, 2);
  g_assert_true (cg_indicator_parse_value (ord, "mid", &value, &error));
  g_assert_cmpfloat (value, ==, 1);
  g_assert_cmpfloat (cg_indicator_restrictiveness (ord, 2), ==, 1.0);

  bin = cg_framework_get_indicator (framework, cg_framework_lookup_indicator (framework, "a.bin"));
  g_assert_cmpfloat (bin->weight, ==, 2);
  g_assert_cmpint (bin->polarity, ==, 1);

  num = cg_framework_get_indicator (framework, cg_framework_lookup_indicator (framework, "b.num"));
  g_assert_cmpint (num->type, ==, CG_INDICATOR_NUMERIC);
  g_assert_cmpfloat (num->min, ==, 0);
  g_assert_cmpfloat (num->max, ==, 10);
  g_assert_cmpstr (num->unit, ==, "%");
  g_assert_true (cg_indicator_parse_value (num, "7.25", &value, &error));
  g_assert_cmpfloat (value, ==, 7.25);
  g_assert_false (cg_indicator_parse_value (num, "7,25", &value, &error));
  g_assert_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_false (cg_indicator_parse_value (num, "-1", &value, &error));
  g_assert_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_VALUE);
  g_clear_error (&error);
  text = cg_indicator_format_value (num, 2.5);
  g_assert_cmpstr (text, ==, "2.5");

  nom = cg_framework_get_indicator (framework, cg_framework_lookup_indicator (framework, "b.nom"));
  g_assert_cmpint (nom->type, ==, CG_INDICATOR_NOMINAL);
  g_assert_cmpint (nom->polarity, ==, 0);
  g_assert_true (isnan (cg_indicator_restrictiveness (nom, 1)));

  g_assert_cmpint (cg_framework_lookup_indicator (framework, "nope"), ==, -1);
}

static void
test_framework_shipped (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "policies",
                                                 "framework.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgFramework) framework = cg_framework_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cg_framework_get_id (framework), ==, "ott");
  g_assert_cmpuint (cg_framework_get_n_dimensions (framework), ==, 8);
  g_assert_cmpuint (cg_framework_get_n_indicators (framework), >=, 16);

  /* Every indicator says how to code it. */
  for (guint i = 0; i < cg_framework_get_n_indicators (framework); i++)
    {
      const CgIndicator *indicator = cg_framework_get_indicator (framework, i);
      g_assert_nonnull (indicator->help);
      g_assert_cmpuint (strlen (indicator->help), >, 40);
    }
}

static void
test_profile_good (void)
{
  g_autoptr(CgFramework) framework = load_mini_framework ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini", "profiles",
                                                 "AA.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgProfile) profile = cg_profile_new_from_file (path, framework, &error);
  GPtrArray *values;
  CgValue *value;
  CgInheritance *inheritance;

  g_assert_no_error (error);
  g_assert_cmpstr (cg_profile_get_code (profile), ==, "AA");
  g_assert_cmpint (cg_profile_get_kind (profile), ==, CG_PROFILE_KIND_COUNTRY);
  g_assert_cmpstr (cg_profile_get_reviewed (profile), ==, "2026-01-01");

  g_assert_cmpuint (cg_profile_get_inherits (profile)->len, ==, 1);
  inheritance = g_ptr_array_index (cg_profile_get_inherits (profile), 0);
  g_assert_cmpstr (inheritance->code, ==, "GRP");
  g_assert_cmpstr (inheritance->since, ==, "2016-01-01");

  values = cg_profile_get_values (profile);
  g_assert_cmpuint (values->len, ==, 4);
  value = g_ptr_array_index (values, 1);
  g_assert_cmpstr (value->indicator, ==, "a.ord");
  g_assert_cmpstr (value->text, ==, "high");
  g_assert_cmpfloat (value->number, ==, 2);
  g_assert_cmpstr (value->since, ==, "2020-06-01");
  g_assert_cmpuint (value->sources->len, ==, 1);
  g_assert_cmpstr (((CgSource *) g_ptr_array_index (value->sources, 0))->url, ==,
                   "https://example.org/law");

  value = g_ptr_array_index (values, 2);
  g_assert_cmpint (value->confidence, ==, CG_CONFIDENCE_MEDIUM);
  g_assert_cmpstr (value->note, ==, "Judgement.");
  g_assert_null (value->since);

  value = g_ptr_array_index (values, 3);
  g_assert_cmpint (value->confidence, ==, CG_CONFIDENCE_UNVERIFIED);
  g_assert_cmpuint (value->sources->len, ==, 0);
}

/* The schema compares listed values as tokens and admits “ medium ”; the reader must
 * take it the same way, not trip over it. */
static void
test_profile_padded_tokens (void)
{
  g_autoptr(CgFramework) framework = load_mini_framework ();
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "mini", "profiles",
                                                 "AA.xml", NULL);
  g_autofree char *dir = g_dir_make_tmp ("cg-padded-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "AA.xml", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) padded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgProfile) profile = NULL;

  g_assert_true (g_file_get_contents (good, &text, NULL, NULL));
  padded = g_string_new (text);
  g_assert_cmpuint (g_string_replace (padded, "confidence=\"medium\"", "confidence=\" medium \"",
                                      1), ==, 1);
  g_assert_true (g_file_set_contents (path, padded->str, -1, NULL));

  profile = cg_profile_new_from_file (path, framework, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((CgValue *) g_ptr_array_index (cg_profile_get_values (profile), 2))->confidence,
                   ==, CG_CONFIDENCE_MEDIUM);
  g_unlink (path);
  g_rmdir (dir);
}

/* Each bad file, and the exact message a user sees: file, line, column, what. */
static const struct
{
  const char *file;
  int         code;
  const char *message;
} bad_cases[] = {
  { "not-well-formed.xml", CG_PROFILE_ERROR_PARSE,
    "*not-well-formed.xml:4:11: Opening and ending tag mismatch: value line 3 and profile" },
  { "doctype.xml", CG_PROFILE_ERROR_PARSE,
    "*doctype.xml:2:1: document type declarations (DTDs) are not allowed" },
  { "unknown-indicator.xml", CG_PROFILE_ERROR_INVALID,
    "*unknown-indicator.xml:4:12: unknown indicator “a.nope”*" },
  { "bad-level.xml", CG_PROFILE_ERROR_INVALID,
    "*bad-level.xml:3:28: “extreme” is not a level of indicator “a.ord” (expected one of: "
    "low, mid, high)" },
  { "out-of-range.xml", CG_PROFILE_ERROR_INVALID,
    "*out-of-range.xml:3:28: 12 is outside the range of indicator “b.num” (0 to 10)" },
  { "no-source.xml", CG_PROFILE_ERROR_PARSE,
    "*no-source.xml:3:3: does not follow the schema: *source*" },
  { "wrong-version.xml", CG_PROFILE_ERROR_FRAMEWORK_MISMATCH,
    "*wrong-version.xml:2:35: the profile was coded against framework “mini” version 1, but "
    "the loaded framework is “mini” version 2" },
  { "duplicate-value.xml", CG_PROFILE_ERROR_INVALID,
    "*duplicate-value.xml:4:10: indicator “b.num” has two values from the same date" },
  { "invalid-utf8.xml", CG_PROFILE_ERROR_PARSE, "*invalid-utf8.xml:3:12: *UTF-8*" },
  { "nul-byte.xml", CG_PROFILE_ERROR_PARSE,
    "*nul-byte.xml:3:10: the file contains a NUL byte: it is not a text file" },
};

static void
test_profile_bad (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr(CgFramework) framework = load_mini_framework ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", bad_cases[i].file,
                                                 NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgProfile) profile = cg_profile_new_from_file (path, framework, &error);

  g_assert_null (profile);
  g_assert_error (error, CG_PROFILE_ERROR, bad_cases[i].code);
  if (!g_pattern_match_simple (bad_cases[i].message, error->message))
    g_error ("Message “%s” does not match “%s”", error->message, bad_cases[i].message);
}

static void
test_profile_too_large (void)
{
  g_autoptr(CgFramework) framework = load_mini_framework ();
  g_autofree char *dir = g_dir_make_tmp ("cg-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgProfile) profile = NULL;
  GString *contents = g_string_new ("<?xml version=\"1.0\"?>\n<profile><note>");

  while (contents->len < 9 * 1024 * 1024)
    g_string_append (contents, "0123456789abcdef");
  g_string_append (contents, "</note></profile>\n");
  g_assert_true (g_file_set_contents (path, contents->str, contents->len, NULL));
  g_string_free (contents, TRUE);

  profile = cg_profile_new_from_file (path, framework, &error);
  g_assert_null (profile);
  g_assert_error (error, CG_PROFILE_ERROR, CG_PROFILE_ERROR_PARSE);
  g_assert_true (strstr (error->message, "too large") != NULL);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_profile_missing_file (void)
{
  g_autoptr(CgFramework) framework = load_mini_framework ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CgProfile) profile = cg_profile_new_from_file ("/nonexistent/XX.xml", framework,
                                                           &error);

  g_assert_null (profile);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/XX.xml: "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/framework/mini", test_framework_mini);
  g_test_add_func ("/core/framework/shipped", test_framework_shipped);
  g_test_add_func ("/core/profile/good", test_profile_good);
  g_test_add_func ("/core/profile/padded-tokens", test_profile_padded_tokens);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/core/profile/bad/%s", bad_cases[i].file);
      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_profile_bad);
    }
  g_test_add_func ("/core/profile/too-large", test_profile_too_large);
  g_test_add_func ("/core/profile/missing-file", test_profile_missing_file);

  return g_test_run ();
}
