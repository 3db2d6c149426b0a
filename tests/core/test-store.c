/* test-store.c: the SQLite store: import all or nothing, as-of values, inheritance
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "cg-country.h"
#include "cg-member-states.h"
#include "cg-store.h"
#include "cg-store-private.h"

typedef struct
{
  char    *dir;
  char    *db_path;
  char    *mini_dir;
  CgStore *store;
} StoreFixture;

static void
store_setup (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean imported = FALSE;

  fixture->dir = g_dir_make_tmp ("cg-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "policies.db", NULL);
  fixture->mini_dir = g_test_build_filename (G_TEST_DIST, "data", "mini", NULL);

  fixture->store = cg_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (cg_store_sync_shipped (fixture->store, fixture->mini_dir, &imported, &error));
  g_assert_no_error (error);
  g_assert_true (imported);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

static void
store_teardown (StoreFixture  *fixture,
                gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->mini_dir);
}

static char *
write_profile (StoreFixture *fixture,
               const char   *name,
               const char   *body)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *contents = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n%s\n", body);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_steal_pointer (&path);
}

/* A fingerprint of everything the scoring sees at @as_of. */
static char *
dataset_digest (CgStore    *store,
                const char *as_of)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgDataset) dataset = cg_store_load_dataset (store, as_of, &error);
  GString *digest = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < cg_dataset_get_n_rows (dataset); i++)
    {
      g_string_append_printf (digest, "%s:", cg_dataset_get_code (dataset, i));
      for (guint j = 0; j < cg_dataset_get_n_columns (dataset); j++)
        g_string_append_printf (digest, "%g,", cg_dataset_get_value (dataset, i, j));
      g_string_append_c (digest, ';');
    }
  return g_string_free (digest, FALSE);
}

static double
value_at (CgStore    *store,
          const char *as_of,
          const char *code,
          const char *indicator)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgDataset) dataset = cg_store_load_dataset (store, as_of, &error);
  int row, column;

  g_assert_no_error (error);
  row = cg_dataset_lookup_row (dataset, code);
  column = cg_framework_lookup_indicator (cg_dataset_get_framework (dataset), indicator);
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpint (column, >=, 0);
  return cg_dataset_get_value (dataset, row, column);
}

static void
test_sync_idempotent (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dataset_digest (fixture->store, "2026-01-01");
  g_autofree char *after = NULL;
  gboolean imported = TRUE;

  g_assert_true (cg_store_sync_shipped (fixture->store, fixture->mini_dir, &imported, &error));
  g_assert_no_error (error);
  g_assert_false (imported);
  after = dataset_digest (fixture->store, "2026-01-01");
  g_assert_cmpstr (before, ==, after);
}

static void
test_dataset_rows (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgDataset) dataset = cg_store_load_dataset (fixture->store, "2026-01-01", &error);
  g_autoptr(GListModel) countries = NULL;

  g_assert_no_error (error);
  /* Countries only, by code; the regional body is not a row. */
  g_assert_cmpuint (cg_dataset_get_n_rows (dataset), ==, 3);
  g_assert_cmpstr (cg_dataset_get_code (dataset, 0), ==, "AA");
  g_assert_cmpstr (cg_dataset_get_code (dataset, 1), ==, "BB");
  g_assert_cmpstr (cg_dataset_get_code (dataset, 2), ==, "CC");
  g_assert_cmpint (cg_dataset_lookup_row (dataset, "GRP"), ==, -1);
  g_assert_cmpstr (cg_dataset_get_as_of (dataset), ==, "2026-01-01");
  /* dimension weight × indicator weight */
  g_assert_cmpfloat (cg_dataset_get_weight (dataset, 1), ==, 2.0);
  g_assert_cmpfloat (cg_dataset_get_weight (dataset, 2), ==, 0.5);

  countries = cg_store_list_countries (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (countries), ==, 3);
}

static void
test_as_of (StoreFixture  *fixture,
            gconstpointer  data)
{
  /* Dated snapshots: the latest value not after the date. */
  g_assert_true (isnan (value_at (fixture->store, "2009-12-31", "AA", "a.ord")));
  g_assert_cmpfloat (value_at (fixture->store, "2010-01-01", "AA", "a.ord"), ==, 0);
  g_assert_cmpfloat (value_at (fixture->store, "2020-05-31", "AA", "a.ord"), ==, 0);
  g_assert_cmpfloat (value_at (fixture->store, "2020-06-01", "AA", "a.ord"), ==, 2);
  /* Undated values hold at every date. */
  g_assert_cmpfloat (value_at (fixture->store, "1990-01-01", "AA", "b.num"), ==, 2.5);
}

static void
test_inheritance (StoreFixture  *fixture,
                  gconstpointer  data)
{
  /* AA belongs to GRP from 2016: it inherits GRP's values from then on. */
  g_assert_true (isnan (value_at (fixture->store, "2015-12-31", "AA", "a.bin")));
  g_assert_cmpfloat (value_at (fixture->store, "2016-01-01", "AA", "a.bin"), ==, 1);
  g_assert_cmpfloat (value_at (fixture->store, "2026-01-01", "AA", "b.nom"), ==, 0);
  /* BB's own value, no inheritance. */
  g_assert_cmpfloat (value_at (fixture->store, "2026-01-01", "BB", "a.bin"), ==, 0);
}

static void
test_import_all_or_nothing (StoreFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dataset_digest (fixture->store, "2026-01-01");
  g_autofree char *after = NULL;
  g_autofree char *good = write_profile (fixture, "DD.xml",
    "<profile code=\"DD\" kind=\"country\" framework=\"mini\" framework-version=\"2\" "
    "reviewed=\"2026-01-01\"><value indicator=\"b.num\" value=\"1\" confidence=\"high\">"
    "<source title=\"Law\"/></value></profile>");
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad", "out-of-range.xml",
                                                NULL);
  const char *paths[] = { good, bad, NULL };
  const char *good_only[] = { good, NULL };
  guint n = 0;

  g_assert_false (cg_store_import_files (fixture->store, paths, &n, &error));
  g_assert_error (error, CG_PROFILE_ERROR, CG_PROFILE_ERROR_INVALID);
  g_assert_true (strstr (error->message, "out-of-range.xml:3:28:") != NULL);
  g_clear_error (&error);

  after = dataset_digest (fixture->store, "2026-01-01");
  g_assert_cmpstr (before, ==, after);

  g_assert_true (cg_store_import_files (fixture->store, good_only, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat (value_at (fixture->store, "2026-01-01", "DD", "b.num"), ==, 1);
}

static void
test_import_idempotent (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini", "profiles",
                                                 "BB.xml", NULL);
  const char *paths[] = { path, NULL };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_true (cg_store_import_files (fixture->store, paths, NULL, &error));
  g_assert_no_error (error);
  first = dataset_digest (fixture->store, "2026-01-01");
  g_assert_true (cg_store_import_files (fixture->store, paths, NULL, &error));
  g_assert_no_error (error);
  second = dataset_digest (fixture->store, "2026-01-01");
  g_assert_cmpstr (first, ==, second);
}

static void
test_import_cycle (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = g_test_build_filename (G_TEST_DIST, "data", "bad", "cycle-a.xml", NULL);
  g_autofree char *b = g_test_build_filename (G_TEST_DIST, "data", "bad", "cycle-b.xml", NULL);
  const char *paths[] = { a, b, NULL };
  g_autofree char *before = dataset_digest (fixture->store, "2026-01-01");
  g_autofree char *after = NULL;

  g_assert_false (cg_store_import_files (fixture->store, paths, NULL, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INHERITANCE);
  g_assert_true (strstr (error->message, "inherits from itself") != NULL);

  after = dataset_digest (fixture->store, "2026-01-01");
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_missing_parent (StoreFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_profile (fixture, "EE.xml",
    "<profile code=\"EE\" kind=\"country\" framework=\"mini\" framework-version=\"2\" "
    "reviewed=\"2026-01-01\"><inherits code=\"NOWHERE\"/></profile>");
  const char *paths[] = { path, NULL };

  g_assert_false (cg_store_import_files (fixture->store, paths, NULL, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INHERITANCE);
  g_assert_true (strstr (error->message, "NOWHERE") != NULL);
}

static void
test_import_duplicate (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini", "profiles",
                                                 "BB.xml", NULL);
  const char *paths[] = { path, path, NULL };

  g_assert_false (cg_store_import_files (fixture->store, paths, NULL, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_DUPLICATE);
}

/* The window keeps what it read; the command line writes meanwhile. */
static void
test_other_connection (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) other = cg_store_open (fixture->db_path, &error);
  g_autoptr(CgDataset) before = NULL;
  g_autoptr(CgDataset) after = NULL;
  g_autofree char *good = write_profile (fixture, "DD.xml",
    "<profile code=\"DD\" kind=\"country\" framework=\"mini\" framework-version=\"2\" "
    "reviewed=\"2026-01-01\"><value indicator=\"b.num\" value=\"4\" confidence=\"high\">"
    "<source title=\"Law\"/></value></profile>");
  const char *paths[] = { good, NULL };

  g_assert_no_error (error);
  before = cg_store_load_dataset (fixture->store, "2026-01-01", &error);
  g_assert_cmpint (cg_dataset_lookup_row (before, "DD"), ==, -1);

  g_assert_true (cg_store_import_files (other, paths, NULL, &error));
  g_assert_no_error (error);

  after = cg_store_load_dataset (fixture->store, "2026-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cg_dataset_lookup_row (after, "DD"), >=, 0);
}

static void
test_reopen (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dataset_digest (fixture->store, "2026-01-01");
  g_autofree char *after = NULL;

  g_clear_object (&fixture->store);
  fixture->store = cg_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  after = dataset_digest (fixture->store, "2026-01-01");
  g_assert_cmpstr (before, ==, after);
}

static CgValue *
make_value (const char   *indicator,
            const char   *text,
            const char   *since,
            CgConfidence  confidence,
            gboolean      with_source)
{
  CgValue *value = g_new0 (CgValue, 1);

  value->indicator = g_strdup (indicator);
  value->text = g_strdup (text);
  value->since = g_strdup (since);
  value->confidence = confidence;
  value->sources = g_ptr_array_new ();
  if (with_source)
    {
      CgSource *source = g_new0 (CgSource, 1);
      source->title = g_strdup ("Ministerial order 12/2026");
      source->url = g_strdup ("https://example.org/order");
      g_ptr_array_add (value->sources, source);
    }
  return value;
}

static void
free_value (CgValue *value)
{
  for (guint i = 0; i < value->sources->len; i++)
    {
      CgSource *source = g_ptr_array_index (value->sources, i);
      g_free (source->title);
      g_free (source->url);
      g_free (source);
    }
  g_ptr_array_unref (value->sources);
  g_free (value->indicator);
  g_free (value->text);
  g_free (value->since);
  g_free (value);
}

static double
draft_value_at (CgStore    *store,
                const char *as_of,
                const char *code,
                const char *indicator)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgDataset) dataset = cg_store_load_dataset_full (store, as_of,
                                                             CG_DATASET_WITH_DRAFTS, &error);
  int row, column;

  g_assert_no_error (error);
  row = cg_dataset_lookup_row (dataset, code);
  column = cg_framework_lookup_indicator (cg_dataset_get_framework (dataset), indicator);
  g_assert_cmpint (row, >=, 0);
  return cg_dataset_get_value (dataset, row, column);
}

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_mkdir_with_parents (to, 0700);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        copy_tree (source, target);
      else
        {
          g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
          g_assert_true (g_file_set_contents (target, contents, length, NULL));
        }
    }
}

static void
test_edits (StoreFixture  *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CgValue *value = make_value ("a.bin", "yes", NULL, CG_CONFIDENCE_HIGH, TRUE);
  CgValue *unsourced = make_value ("a.bin", "no", NULL, CG_CONFIDENCE_HIGH, FALSE);
  CgValue *bad = make_value ("a.ord", "extreme", NULL, CG_CONFIDENCE_HIGH, TRUE);
  g_autofree char *copy = g_build_filename (fixture->dir, "shipped", NULL);
  g_autofree char *profile = NULL;
  gboolean imported = FALSE;

  /* A draft is a what-if: seen only when drafts are asked for. */
  g_assert_true (cg_store_save_edit (fixture->store, "BB", value, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (value_at (fixture->store, "2026-01-01", "BB", "a.bin"), ==, 0);
  g_assert_cmpfloat (draft_value_at (fixture->store, "2026-01-01", "BB", "a.bin"), ==, 1);

  /* Discarded, it is gone; kept, it counts. */
  g_assert_true (cg_store_discard_drafts (fixture->store, "BB", &error));
  g_assert_cmpfloat (draft_value_at (fixture->store, "2026-01-01", "BB", "a.bin"), ==, 0);
  g_assert_true (cg_store_save_edit (fixture->store, "BB", value, TRUE, &error));
  g_assert_true (cg_store_keep_drafts (fixture->store, "BB", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (value_at (fixture->store, "2026-01-01", "BB", "a.bin"), ==, 1);

  /* A value needs a source, and must be one the framework allows; nothing is stored. */
  g_assert_false (cg_store_save_edit (fixture->store, "BB", unsourced, FALSE, &error));
  g_assert_nonnull (error);
  g_assert_true (strstr (error->message, "source") != NULL);
  g_clear_error (&error);
  g_assert_false (cg_store_save_edit (fixture->store, "BB", bad, FALSE, &error));
  g_assert_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_cmpfloat (value_at (fixture->store, "2026-01-01", "BB", "a.bin"), ==, 1);

  /* An update of the shipped data leaves the user's values alone. */
  copy_tree (fixture->mini_dir, copy);
  profile = g_build_filename (copy, "profiles", "BB.xml", NULL);
  {
    g_autofree char *contents = NULL;
    g_autofree char *changed = NULL;

    g_assert_true (g_file_get_contents (profile, &contents, NULL, NULL));
    changed = g_strconcat (contents, "<!-- updated -->\n", NULL);
    g_assert_true (g_file_set_contents (profile, changed, -1, NULL));
  }
  g_assert_true (cg_store_sync_shipped (fixture->store, copy, &imported, &error));
  g_assert_no_error (error);
  g_assert_true (imported);
  g_assert_cmpfloat (value_at (fixture->store, "2026-01-01", "BB", "a.bin"), ==, 1);

  free_value (value);
  free_value (unsourced);
  free_value (bad);
}

static void
test_export_roundtrip (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CgValue *value = make_value ("b.num", "9.5", "2025-01-01", CG_CONFIDENCE_MEDIUM, TRUE);
  g_autofree char *path = g_build_filename (fixture->dir, "BB-export.xml", NULL);
  g_autofree char *other_db = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(CgStore) other = NULL;
  const char *paths[] = { path, NULL };
  g_autofree char *here = NULL;
  g_autofree char *there = NULL;

  g_assert_true (cg_store_save_edit (fixture->store, "BB", value, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (cg_store_export_profile (fixture->store, "BB", path, FALSE, &error));
  g_assert_no_error (error);

  /* Not replaced unless asked. */
  g_assert_false (cg_store_export_profile (fixture->store, "BB", path, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* Export → import elsewhere → the same values, at every date. */
  other = cg_store_open (other_db, &error);
  g_assert_no_error (error);
  g_assert_true (cg_store_sync_shipped (other, fixture->mini_dir, NULL, &error));
  g_assert_true (cg_store_import_files (other, paths, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    {
      const char *dates[] = { "2020-01-01", "2025-01-01", "2026-06-01" };
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      a = g_strdup_printf ("%g", value_at (fixture->store, dates[i], "BB", "b.num"));
      b = g_strdup_printf ("%g", value_at (other, dates[i], "BB", "b.num"));
      g_assert_cmpstr (a, ==, b);
    }
  g_assert_cmpfloat (value_at (other, "2026-06-01", "BB", "b.num"), ==, 9.5);
  g_assert_cmpfloat (value_at (other, "2020-01-01", "BB", "b.num"), ==, 7.5);

  here = dataset_digest (fixture->store, "2026-06-01");
  there = dataset_digest (other, "2026-06-01");
  g_assert_cmpstr (here, ==, there);

  free_value (value);
}

static void
test_search (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = cg_store_search (fixture->store, "judgem", &error);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) hostile = NULL;
  CgSearchHit *hit;

  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (hit->kind, ==, "note");
  g_assert_cmpstr (hit->profile, ==, "AA");
  g_assert_cmpstr (hit->indicator, ==, "b.num");
  g_assert_cmpstr (hit->snippet, ==, "[Judgement].");

  none = cg_store_search (fixture->store, "nothingatall", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  /* FTS5 syntax in what a user types is searched for, not obeyed. */
  hostile = cg_store_search (fixture->store, "\"NEAR( OR * AND -", &error);
  g_assert_no_error (error);
  g_assert_nonnull (hostile);
}

static void
test_changes (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = cg_store_list_changes (fixture->store, "AA", NULL, NULL, &error);
  g_autoptr(GPtrArray) later = NULL;
  CgChange *change;

  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (change->since, ==, "2010-01-01");
  g_assert_null (change->before);
  g_assert_cmpstr (change->after, ==, "low");
  change = g_ptr_array_index (changes, 1);
  g_assert_cmpstr (change->since, ==, "2020-06-01");
  g_assert_cmpstr (change->indicator, ==, "a.ord");
  g_assert_cmpstr (change->before, ==, "low");
  g_assert_cmpstr (change->after, ==, "high");

  later = cg_store_list_changes (fixture->store, "AA", "2015-01-01", "2026-01-01", &error);
  g_assert_cmpuint (later->len, ==, 1);
}

static void
test_migrate_v1 (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "store-v1.db", NULL);
  g_autofree char *dir = g_dir_make_tmp ("cg-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "policies.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gsize length;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  store = cg_store_open (path, &error);
  g_assert_no_error (error);

  /* The data made by version 1 is all there, the imported profile included. */
  g_assert_cmpfloat (value_at (store, "2026-01-01", "DD", "b.num"), ==, 9);
  g_assert_cmpfloat (value_at (store, "2026-01-01", "AA", "a.ord"), ==, 2);
  g_assert_cmpfloat (value_at (store, "2026-01-01", "AA", "a.bin"), ==, 1);
  /* … and searchable, though version 1 had no index. */
  hits = cg_store_search (store, "imported law", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  remove_tree (dir);
}

/* A full disk during an import: the import fails, and nothing stored before is lost. */
static void
test_full_disk (StoreFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dataset_digest (fixture->store, "2026-01-01");
  g_autofree char *after = NULL;
  g_autofree char *shipped = g_test_build_filename (G_TEST_DIST, "..", "data", "policies", NULL);
  sqlite3_stmt *stmt;

  /* The database may not grow by a single page. */
  g_assert_cmpint (sqlite3_prepare_v2 (fixture->store->db, "PRAGMA page_count", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  {
    g_autofree char *pragma = g_strdup_printf ("PRAGMA max_page_count = %d",
                                               sqlite3_column_int (stmt, 0));
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_exec (fixture->store->db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  }

  /* The whole shipped data set, far larger than the test data: it cannot fit. */
  g_assert_false (cg_store_sync_shipped (fixture->store, shipped, NULL, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_SQLITE);
  g_assert_nonnull (strstr (error->message, "full"));

  after = dataset_digest (fixture->store, "2026-01-01");
  g_assert_cmpstr (before, ==, after);
}

/* Another process holds a write lock: the import waits, then says so, and changes nothing. */
static void
test_locked (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini", "profiles",
                                                 "BB.xml", NULL);
  const char *paths[] = { path, NULL };
  g_autofree char *before = dataset_digest (fixture->store, "2026-01-01");
  g_autofree char *after = NULL;
  sqlite3 *other;
  gint64 start;

  g_assert_cmpint (sqlite3_open (fixture->db_path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  sqlite3_busy_timeout (fixture->store->db, 200);
  start = g_get_monotonic_time ();
  g_assert_false (cg_store_import_files (fixture->store, paths, NULL, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_SQLITE);
  g_assert_nonnull (strstr (error->message, "locked"));
  /* It waited for the other writer before giving up. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 150000);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  after = dataset_digest (fixture->store, "2026-01-01");
  g_assert_cmpstr (before, ==, after);
}

static void
test_presets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = cg_store_open (":memory:", &error);
  g_autofree char *shipped = g_test_build_filename (G_TEST_DIST, "..", "data", "policies", NULL);
  g_autoptr(CgFramework) framework = NULL;
  g_autoptr(CgDataset) dataset = NULL;
  int privacy, licensing;

  g_assert_true (cg_store_sync_shipped (store, shipped, NULL, &error));
  framework = cg_store_load_framework (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cg_framework_lookup_preset (framework, "users"), >=, 0);

  dataset = cg_store_load_dataset (store, NULL, &error);
  privacy = cg_framework_lookup_indicator (framework, "privacy.law");
  licensing = cg_framework_lookup_indicator (framework, "licensing.comms_authorisation");
  g_assert_cmpfloat (cg_dataset_get_weight (dataset, privacy), ==, 1);

  g_assert_true (cg_dataset_apply_preset (dataset, "users", &error));
  g_assert_cmpfloat (cg_dataset_get_weight (dataset, privacy), ==, 2);
  g_assert_cmpfloat (cg_dataset_get_weight (dataset, licensing), ==, 1);

  g_assert_false (cg_dataset_apply_preset (dataset, "nope", &error));
  g_assert_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_NO_PRESET);
  g_assert_cmpfloat (cg_dataset_get_weight (dataset, privacy), ==, 2);
}

static void
test_corrupt (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "policies.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autofree char *contents = NULL;
  const char garbage[] = "This is not a database, but a user's notes. Keep them.\n";

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  store = cg_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CORRUPT);
  g_assert_true (strstr (error->message, path) != NULL);

  /* Nothing was written over it. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, garbage);

  remove_tree (dir);
}

static void
test_too_new (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "policies.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  store = cg_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_TOO_NEW);

  remove_tree (dir);
}

static void
test_shipped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = cg_store_open (":memory:", &error);
  g_autofree char *shipped = g_test_build_filename (G_TEST_DIST, "..", "data", "policies", NULL);
  g_autoptr(CgDataset) dataset = NULL;

  g_assert_no_error (error);
  g_assert_true (cg_store_sync_shipped (store, shipped, NULL, &error));
  g_assert_no_error (error);

  dataset = cg_store_load_dataset (store, "2026-11-28", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cg_dataset_get_n_rows (dataset), >=, 5);

  /* Türkiye's digital services tax: 7.5% from 2020, 5% from 2026, 2.5% from 2027. */
  g_assert_cmpfloat (value_at (store, "2024-06-01", "TR", "taxation.dst_rate"), ==, 7.5);
  g_assert_cmpfloat (value_at (store, "2026-06-01", "TR", "taxation.dst_rate"), ==, 5);
  g_assert_cmpfloat (value_at (store, "2027-06-01", "TR", "taxation.dst_rate"), ==, 2.5);
  /* Uganda's OTT tax: in force 2018-07-01 to 2021-06-30. */
  g_assert_cmpfloat (value_at (store, "2019-01-01", "UG", "taxation.ott_usage_tax"), ==, 1);
  g_assert_cmpfloat (value_at (store, "2022-01-01", "UG", "taxation.ott_usage_tax"), ==, 0);
  /* France inherits the GDPR from the EU profile (comprehensive = rank 2). */
  g_assert_cmpfloat (value_at (store, "2019-01-01", "FR", "privacy.law"), ==, 2);

  /* The ITU Member States, with and without profiles; groups and dated memberships. */
  {
    g_autoptr(GListModel) countries = cg_store_list_countries (store, &error);
    g_auto(GStrv) eac_2010 = cg_store_dup_group_members (store, "EAC", "2010-01-01", &error);
    g_auto(GStrv) eac_now = cg_store_dup_group_members (store, "EAC", "2026-11-28", &error);
    g_auto(GStrv) eu_2019 = cg_store_dup_group_members (store, "EU", "2019-06-01", &error);
    g_auto(GStrv) eu_now = cg_store_dup_group_members (store, "EU", "2026-11-28", &error);
    g_auto(GStrv) nothing = NULL;
    guint with_profile = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (countries), ==, 194);
    for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
      {
        g_autoptr(CgCountry) country = g_list_model_get_item (countries, i);

        g_assert_nonnull (cg_country_get_region (country));
        with_profile += cg_country_get_has_profile (country);
      }
    g_assert_cmpuint (with_profile, ==, cg_dataset_get_n_rows (dataset));

    g_assert_true (g_strv_contains ((const char * const *) eac_now, "SS"));
    g_assert_false (g_strv_contains ((const char * const *) eac_2010, "SS"));
    g_assert_true (g_strv_contains ((const char * const *) eu_2019, "GB"));
    g_assert_false (g_strv_contains ((const char * const *) eu_now, "GB"));
    g_assert_cmpuint (g_strv_length (eu_now), ==, 27);

    nothing = cg_store_dup_group_members (store, "NOPE", NULL, &error);
    g_assert_null (nothing);
    g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_setup, func, store_teardown)
  ADD ("/core/store/sync-idempotent", test_sync_idempotent);
  ADD ("/core/store/dataset-rows", test_dataset_rows);
  ADD ("/core/store/as-of", test_as_of);
  ADD ("/core/store/inheritance", test_inheritance);
  ADD ("/core/store/import-all-or-nothing", test_import_all_or_nothing);
  ADD ("/core/store/import-idempotent", test_import_idempotent);
  ADD ("/core/store/import-cycle", test_import_cycle);
  ADD ("/core/store/import-missing-parent", test_import_missing_parent);
  ADD ("/core/store/import-duplicate", test_import_duplicate);
  ADD ("/core/store/reopen", test_reopen);
  ADD ("/core/store/other-connection", test_other_connection);
  ADD ("/core/store/edits", test_edits);
  ADD ("/core/store/export-roundtrip", test_export_roundtrip);
  ADD ("/core/store/search", test_search);
  ADD ("/core/store/changes", test_changes);
  ADD ("/core/store/full-disk", test_full_disk);
  ADD ("/core/store/locked", test_locked);
#undef ADD
  g_test_add_func ("/core/store/migrate-v1", test_migrate_v1);
  g_test_add_func ("/core/store/corrupt", test_corrupt);
  g_test_add_func ("/core/store/too-new", test_too_new);
  g_test_add_func ("/core/store/shipped", test_shipped);
  g_test_add_func ("/core/store/presets", test_presets);

  return g_test_run ();
}
