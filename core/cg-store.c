/* cg-store.c: the local SQLite database of frameworks and profiles
 *
 * The XML files are the exchange format; the database is the working copy. Every
 * import runs in one transaction: a bad file anywhere leaves the database exactly as
 * it was.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cg-autocleanups-private.h"
#include "cg-country.h"
#include "cg-country-names.h"
#include "cg-store.h"

#define SCHEMA_VERSION 1

struct _CgStore
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *path;
};

G_DEFINE_FINAL_TYPE (CgStore, cg_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (cg-store-error-quark, cg_store_error)

static const char schema_v1[] =
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL);"
  "CREATE TABLE framework ("
  "  id TEXT PRIMARY KEY,"
  "  version INTEGER NOT NULL,"
  "  date TEXT,"
  "  title TEXT NOT NULL,"
  "  description TEXT);"
  "CREATE TABLE dimension ("
  "  id TEXT PRIMARY KEY,"
  "  position INTEGER NOT NULL UNIQUE,"
  "  weight REAL NOT NULL CHECK (weight >= 0),"
  "  label TEXT NOT NULL,"
  "  help TEXT);"
  "CREATE TABLE indicator ("
  "  id TEXT PRIMARY KEY,"
  "  dimension_id TEXT NOT NULL REFERENCES dimension (id),"
  "  position INTEGER NOT NULL UNIQUE,"
  "  type TEXT NOT NULL CHECK (type IN ('ordinal', 'nominal', 'binary',"
  "                                     'asymmetric-binary', 'numeric')),"
  "  weight REAL NOT NULL CHECK (weight >= 0),"
  "  polarity INTEGER NOT NULL DEFAULT 0,"
  "  min REAL NOT NULL,"
  "  max REAL NOT NULL,"
  "  unit TEXT,"
  "  label TEXT NOT NULL,"
  "  help TEXT);"
  "CREATE TABLE level ("
  "  indicator_id TEXT NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,"
  "  rank INTEGER NOT NULL,"
  "  id TEXT NOT NULL,"
  "  label TEXT NOT NULL,"
  "  PRIMARY KEY (indicator_id, id),"
  "  UNIQUE (indicator_id, rank));"
  /* origin: 'shipped' (from the application's data, replaced when it is updated) or
   * 'imported' (from a file the user imported; a shipped profile never replaces it) */
  "CREATE TABLE profile ("
  "  code TEXT PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('country', 'group')),"
  "  name TEXT,"
  "  reviewed TEXT,"
  "  note TEXT,"
  "  origin TEXT NOT NULL CHECK (origin IN ('shipped', 'imported')),"
  "  file TEXT);"
  "CREATE TABLE inheritance ("
  "  code TEXT NOT NULL REFERENCES profile (code) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  parent TEXT NOT NULL,"
  "  since TEXT,"
  "  PRIMARY KEY (code, parent));"
  "CREATE TABLE value ("
  "  id INTEGER PRIMARY KEY,"
  "  profile_code TEXT NOT NULL REFERENCES profile (code) ON DELETE CASCADE,"
  "  indicator_id TEXT NOT NULL REFERENCES indicator (id) DEFERRABLE INITIALLY DEFERRED,"
  "  since TEXT,"
  "  text TEXT NOT NULL,"
  "  number REAL NOT NULL,"
  "  confidence TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'unverified')),"
  "  note TEXT,"
  "  UNIQUE (profile_code, indicator_id, since));"
  "CREATE INDEX value_by_indicator ON value (indicator_id);"
  "CREATE TABLE source ("
  "  value_id INTEGER NOT NULL REFERENCES value (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  title TEXT NOT NULL,"
  "  article TEXT,"
  "  url TEXT,"
  "  date TEXT,"
  "  PRIMARY KEY (value_id, position));";

static gboolean
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  const char  *path,
                  int          rc)
{
  int code = CG_STORE_ERROR_SQLITE;

  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
    code = CG_STORE_ERROR_CORRUPT;

  g_set_error (error, CG_STORE_ERROR, code,
               /* Translators: the first placeholder is a file name, the second SQLite's
                * description of the problem */
               _("Database %s: %s"), path,
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

static gboolean
exec_sql (CgStore     *self,
          const char  *sql,
          GError     **error)
{
  char *errmsg = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &errmsg);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, CG_STORE_ERROR,
                   (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB) ? CG_STORE_ERROR_CORRUPT
                                                                 : CG_STORE_ERROR_SQLITE,
                   _("Database %s: %s"), self->path,
                   errmsg != NULL ? errmsg : sqlite3_errstr (rc));
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (CgStore     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, self->path, rc);
      return NULL;
    }
  return stmt;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Runs a statement that returns no rows, then resets it for reuse. */
static gboolean
step_done (CgStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, self->path, rc);
  return TRUE;
}

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
cg_store_finalize (GObject *object)
{
  CgStore *self = CG_STORE (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self->path);

  G_OBJECT_CLASS (cg_store_parent_class)->finalize (object);
}

static void
cg_store_class_init (CgStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_store_finalize;
}

static void
cg_store_init (CgStore *self)
{
}

static gboolean
migrate (CgStore  *self,
         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int version;
  int rc;

  stmt = prepare (self, "PRAGMA user_version", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (error, self->db, self->path, rc);
  version = sqlite3_column_int (stmt, 0);

  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_TOO_NEW,
                   _("Database %s was made by a newer version of Common Ground (schema %d; "
                     "this version reads up to %d)"),
                   self->path, version, SCHEMA_VERSION);
      return FALSE;
    }

  if (version == SCHEMA_VERSION)
    return TRUE;

  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (version < 1 && !exec_sql (self, schema_v1, error))
    goto fail;

  if (!exec_sql (self, "PRAGMA user_version = 1", error))
    goto fail;

  return exec_sql (self, "COMMIT", error);

fail:
  exec_sql (self, "ROLLBACK", NULL);
  return FALSE;
}

/**
 * cg_store_open:
 * @path: a database file (created if missing), or `:memory:`
 *
 * Opens the database, checks it is not corrupt and brings its schema up to date.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
CgStore *
cg_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(CgStore) self = NULL;
  g_autoptr(sqlite3_stmt) check = NULL;
  gboolean in_memory;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CG_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  in_memory = g_str_equal (path, ":memory:");

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, path, rc);
      return NULL;
    }

  /* Another window or the command line may hold a write lock for a moment. */
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 0);

  if (!exec_sql (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  /* A file that is not a database fails here, at its first read. */
  check = prepare (self, "PRAGMA quick_check", error);
  if (check == NULL)
    return NULL;
  rc = sqlite3_step (check);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, self->db, path, rc);
      return NULL;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (check, 0), "ok") != 0)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CORRUPT,
                   _("Database %s is damaged: %s"), path, sqlite3_column_text (check, 0));
      return NULL;
    }
  g_clear_pointer (&check, sqlite3_finalize);

  if (!in_memory && !exec_sql (self, "PRAGMA journal_mode = WAL", error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
cg_store_get_path (CgStore *self)
{
  g_return_val_if_fail (CG_IS_STORE (self), NULL);
  return self->path;
}

/**
 * cg_store_dup_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/common-ground/policies.db`
 */
char *
cg_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "common-ground", "policies.db", NULL);
}

/**
 * cg_store_dup_shipped_dir:
 *
 * The folder of the shipped framework and profiles: `$COMMON_GROUND_DATA_DIR/policies`
 * when that variable is set (to run from a build tree), else the installed one.
 *
 * Returns: (transfer full): a folder path
 */
char *
cg_store_dup_shipped_dir (void)
{
  const char *override = g_getenv ("COMMON_GROUND_DATA_DIR");

  if (override != NULL && *override != '\0')
    return g_build_filename (override, "policies", NULL);

  return g_build_filename (CG_PKGDATADIR, "policies", NULL);
}

/**
 * cg_store_open_default:
 *
 * Opens the user's database, creating it if needed, and brings the shipped profiles
 * in it up to date with the installed ones.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
CgStore *
cg_store_open_default (GError **error)
{
  g_autofree char *path = cg_store_dup_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *shipped = cg_store_dup_shipped_dir ();
  g_autoptr(CgStore) self = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  self = cg_store_open (path, error);
  if (self == NULL)
    return NULL;

  if (!cg_store_sync_shipped (self, shipped, NULL, error))
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
insert_framework (CgStore      *self,
                  CgFramework  *framework,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) fw = NULL;
  g_autoptr(sqlite3_stmt) dim = NULL;
  g_autoptr(sqlite3_stmt) ind = NULL;
  g_autoptr(sqlite3_stmt) lvl = NULL;

  fw = prepare (self, "INSERT INTO framework (id, version, date, title, description) "
                      "VALUES (?, ?, ?, ?, ?)", error);
  dim = prepare (self, "INSERT INTO dimension (id, position, weight, label, help) "
                       "VALUES (?, ?, ?, ?, ?)", NULL);
  ind = prepare (self, "INSERT INTO indicator (id, dimension_id, position, type, weight, "
                       "polarity, min, max, unit, label, help) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", NULL);
  lvl = prepare (self, "INSERT INTO level (indicator_id, rank, id, label) VALUES (?, ?, ?, ?)",
                 NULL);
  if (fw == NULL || dim == NULL || ind == NULL || lvl == NULL)
    return FALSE;

  bind_text (fw, 1, cg_framework_get_id (framework));
  sqlite3_bind_int64 (fw, 2, cg_framework_get_version (framework));
  bind_text (fw, 3, cg_framework_get_date (framework));
  bind_text (fw, 4, cg_framework_get_title (framework));
  bind_text (fw, 5, cg_framework_get_description (framework));
  if (!step_done (self, fw, error))
    return FALSE;

  for (guint i = 0; i < cg_framework_get_n_dimensions (framework); i++)
    {
      const CgDimension *dimension = cg_framework_get_dimension (framework, i);

      bind_text (dim, 1, dimension->id);
      sqlite3_bind_int (dim, 2, (int) i);
      sqlite3_bind_double (dim, 3, dimension->weight);
      bind_text (dim, 4, dimension->label);
      bind_text (dim, 5, dimension->help);
      if (!step_done (self, dim, error))
        return FALSE;
    }

  for (guint i = 0; i < cg_framework_get_n_indicators (framework); i++)
    {
      const CgIndicator *indicator = cg_framework_get_indicator (framework, i);
      const CgDimension *dimension = cg_framework_get_dimension (framework,
                                                                 indicator->dimension);

      bind_text (ind, 1, indicator->id);
      bind_text (ind, 2, dimension->id);
      sqlite3_bind_int (ind, 3, (int) i);
      bind_text (ind, 4, cg_indicator_type_to_string (indicator->type));
      sqlite3_bind_double (ind, 5, indicator->weight);
      sqlite3_bind_int (ind, 6, indicator->polarity);
      sqlite3_bind_double (ind, 7, indicator->min);
      sqlite3_bind_double (ind, 8, indicator->max);
      bind_text (ind, 9, indicator->unit);
      bind_text (ind, 10, indicator->label);
      bind_text (ind, 11, indicator->help);
      if (!step_done (self, ind, error))
        return FALSE;

      for (guint l = 0; l < indicator->level_ids->len; l++)
        {
          bind_text (lvl, 1, indicator->id);
          sqlite3_bind_int (lvl, 2, (int) l);
          bind_text (lvl, 3, g_ptr_array_index (indicator->level_ids, l));
          bind_text (lvl, 4, g_ptr_array_index (indicator->level_labels, l));
          if (!step_done (self, lvl, error))
            return FALSE;
        }
    }

  return TRUE;
}

typedef struct
{
  sqlite3_stmt *profile;
  sqlite3_stmt *inherits;
  sqlite3_stmt *value;
  sqlite3_stmt *source;
} ProfileStatements;

static void
profile_statements_clear (ProfileStatements *stmts)
{
  g_clear_pointer (&stmts->profile, sqlite3_finalize);
  g_clear_pointer (&stmts->inherits, sqlite3_finalize);
  g_clear_pointer (&stmts->value, sqlite3_finalize);
  g_clear_pointer (&stmts->source, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ProfileStatements, profile_statements_clear)

static gboolean
profile_statements_prepare (CgStore            *self,
                            ProfileStatements  *stmts,
                            GError            **error)
{
  stmts->profile = prepare (self, "INSERT INTO profile (code, kind, name, reviewed, note, "
                                  "origin, file) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmts->profile == NULL)
    return FALSE;
  stmts->inherits = prepare (self, "INSERT INTO inheritance (code, position, parent, since) "
                                   "VALUES (?, ?, ?, ?)", error);
  if (stmts->inherits == NULL)
    return FALSE;
  stmts->value = prepare (self, "INSERT INTO value (profile_code, indicator_id, since, text, "
                                "number, confidence, note) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmts->value == NULL)
    return FALSE;
  stmts->source = prepare (self, "INSERT INTO source (value_id, position, title, article, url, "
                                 "date) VALUES (?, ?, ?, ?, ?, ?)", error);
  return stmts->source != NULL;
}

static gboolean
insert_profile (CgStore            *self,
                ProfileStatements  *stmts,
                CgProfile          *profile,
                const char         *origin,
                GError            **error)
{
  GPtrArray *inherits = cg_profile_get_inherits (profile);
  GPtrArray *values = cg_profile_get_values (profile);
  const char *code = cg_profile_get_code (profile);
  g_autofree char *file = NULL;

  if (cg_profile_get_path (profile) != NULL)
    file = g_path_get_basename (cg_profile_get_path (profile));

  bind_text (stmts->profile, 1, code);
  bind_text (stmts->profile, 2, cg_profile_kind_to_string (cg_profile_get_kind (profile)));
  bind_text (stmts->profile, 3, cg_profile_get_name (profile));
  bind_text (stmts->profile, 4, cg_profile_get_reviewed (profile));
  bind_text (stmts->profile, 5, cg_profile_get_note (profile));
  bind_text (stmts->profile, 6, origin);
  bind_text (stmts->profile, 7, file);
  if (!step_done (self, stmts->profile, error))
    return FALSE;

  for (guint i = 0; i < inherits->len; i++)
    {
      CgInheritance *inheritance = g_ptr_array_index (inherits, i);

      bind_text (stmts->inherits, 1, code);
      sqlite3_bind_int (stmts->inherits, 2, (int) i);
      bind_text (stmts->inherits, 3, inheritance->code);
      bind_text (stmts->inherits, 4, inheritance->since);
      if (!step_done (self, stmts->inherits, error))
        return FALSE;
    }

  for (guint i = 0; i < values->len; i++)
    {
      CgValue *value = g_ptr_array_index (values, i);
      sqlite3_int64 value_id;

      bind_text (stmts->value, 1, code);
      bind_text (stmts->value, 2, value->indicator);
      bind_text (stmts->value, 3, value->since);
      bind_text (stmts->value, 4, value->text);
      sqlite3_bind_double (stmts->value, 5, value->number);
      bind_text (stmts->value, 6, cg_confidence_to_string (value->confidence));
      bind_text (stmts->value, 7, value->note);
      if (!step_done (self, stmts->value, error))
        return FALSE;
      value_id = sqlite3_last_insert_rowid (self->db);

      for (guint s = 0; s < value->sources->len; s++)
        {
          CgSource *source = g_ptr_array_index (value->sources, s);

          sqlite3_bind_int64 (stmts->source, 1, value_id);
          sqlite3_bind_int (stmts->source, 2, (int) s);
          bind_text (stmts->source, 3, source->title);
          bind_text (stmts->source, 4, source->article);
          bind_text (stmts->source, 5, source->url);
          bind_text (stmts->source, 6, source->date);
          if (!step_done (self, stmts->source, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Every inherited profile exists, and no profile inherits from itself through others. */
static gboolean
check_inheritance (CgStore  *self,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key;
  int rc;

  stmt = prepare (self, "SELECT i.code, i.parent, p.code FROM inheritance i "
                        "LEFT JOIN profile p ON p.code = i.parent ORDER BY i.code, i.position",
                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      const char *parent = (const char *) sqlite3_column_text (stmt, 1);
      GPtrArray *list;

      if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
        {
          g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INHERITANCE,
                       _("Profile “%s” inherits from “%s”, which has no profile: import "
                         "that profile too"), code, parent);
          return FALSE;
        }

      list = g_hash_table_lookup (parents, code);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (parents, g_strdup (code), list);
        }
      g_ptr_array_add (list, g_strdup (parent));
    }
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, self->path, rc);

  /* Depth-first search from each profile; the chains are short. */
  g_hash_table_iter_init (&iter, parents);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(GPtrArray) stack = g_ptr_array_new ();
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_ptr_array_add (stack, key);
      while (stack->len > 0)
        {
          const char *current = g_ptr_array_steal_index (stack, stack->len - 1);
          GPtrArray *list = g_hash_table_lookup (parents, current);

          for (guint i = 0; list != NULL && i < list->len; i++)
            {
              const char *parent = g_ptr_array_index (list, i);

              if (g_str_equal (parent, key))
                {
                  g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INHERITANCE,
                               _("Profile “%s” inherits from itself through “%s”"),
                               (const char *) key, current);
                  return FALSE;
                }
              if (g_hash_table_add (seen, (gpointer) parent))
                g_ptr_array_add (stack, (gpointer) parent);
            }
        }
    }

  return TRUE;
}

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_shipped_files (const char  *policies_dir,
                    GError     **error)
{
  g_autofree char *profiles_dir = g_build_filename (policies_dir, "profiles", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (profiles_dir, 0, error);
  if (dir == NULL)
    {
      g_prefix_error (error, _("The shipped policy data is missing: "));
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".xml"))
        g_ptr_array_add (files, g_build_filename (profiles_dir, name, NULL));
    }
  g_ptr_array_sort (files, compare_paths);

  g_ptr_array_insert (files, 0, g_build_filename (policies_dir, "framework.xml", NULL));

  return g_steal_pointer (&files);
}

static char *
fingerprint_files (GPtrArray  *files,
                   GError    **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char version[32];

  /* A new schema or program version re-imports, so a fix in the loader reaches users. */
  g_snprintf (version, sizeof version, "%d/%s", SCHEMA_VERSION, PACKAGE_VERSION);
  g_checksum_update (checksum, (const guchar *) version, -1);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, error))
        return NULL;

      g_checksum_update (checksum, (const guchar *) basename, strlen (basename) + 1);
      g_checksum_update (checksum, (const guchar *) contents, length);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static char *
dup_meta (CgStore    *self,
          const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "SELECT value FROM meta WHERE key = ?", NULL);

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return dup_column_text (stmt, 0);
}

static gboolean
set_meta (CgStore     *self,
          const char  *key,
          const char  *value,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "INSERT OR REPLACE INTO meta (key, value) "
                                                "VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, key);
  bind_text (stmt, 2, value);
  return step_done (self, stmt, error);
}

static gboolean
rollback (CgStore *self)
{
  g_autoptr(GError) local_error = NULL;

  if (!exec_sql (self, "ROLLBACK", &local_error))
    g_debug ("Rollback failed: %s", local_error->message);
  return FALSE;
}

/**
 * cg_store_sync_shipped:
 * @policies_dir: the folder holding `framework.xml` and `profiles/`
 * @out_imported: (out) (optional): whether anything was imported
 *
 * Imports the shipped framework and profiles when they differ from those last
 * imported, replacing the shipped profiles (never the user's imported ones) in one
 * transaction.
 *
 * Returns: %TRUE, or %FALSE with @error set and the database unchanged
 */
gboolean
cg_store_sync_shipped (CgStore     *self,
                       const char  *policies_dir,
                       gboolean    *out_imported,
                       GError     **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CgFramework) framework = NULL;
  g_autoptr(sqlite3_stmt) is_imported = NULL;
  g_auto(ProfileStatements) stmts = { 0, };
  g_autofree char *fingerprint = NULL;
  g_autofree char *stored = NULL;

  g_return_val_if_fail (CG_IS_STORE (self), FALSE);
  g_return_val_if_fail (policies_dir != NULL, FALSE);

  if (out_imported != NULL)
    *out_imported = FALSE;

  files = list_shipped_files (policies_dir, error);
  if (files == NULL)
    return FALSE;

  fingerprint = fingerprint_files (files, error);
  if (fingerprint == NULL)
    return FALSE;

  stored = dup_meta (self, "shipped-fingerprint");
  if (g_strcmp0 (stored, fingerprint) == 0)
    return TRUE;

  /* Parse everything before touching the database. */
  framework = cg_framework_new_from_file (g_ptr_array_index (files, 0), error);
  if (framework == NULL)
    return FALSE;

  for (guint i = 1; i < files->len; i++)
    {
      CgProfile *profile = cg_profile_new_from_file (g_ptr_array_index (files, i), framework,
                                                     error);
      if (profile == NULL)
        return FALSE;
      g_ptr_array_add (profiles, profile);
    }

  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!exec_sql (self,
                 "DELETE FROM profile WHERE origin = 'shipped';"
                 "DELETE FROM level; DELETE FROM indicator; DELETE FROM dimension;"
                 "DELETE FROM framework;", error) ||
      !insert_framework (self, framework, error) ||
      !profile_statements_prepare (self, &stmts, error))
    return rollback (self);

  is_imported = prepare (self, "SELECT 1 FROM profile WHERE code = ?", error);
  if (is_imported == NULL)
    return rollback (self);

  for (guint i = 0; i < profiles->len; i++)
    {
      CgProfile *profile = g_ptr_array_index (profiles, i);
      gboolean user_has_it;

      bind_text (is_imported, 1, cg_profile_get_code (profile));
      user_has_it = sqlite3_step (is_imported) == SQLITE_ROW;
      sqlite3_reset (is_imported);

      /* The user's own imported profile of a country wins over the shipped one. */
      if (user_has_it)
        continue;

      if (!insert_profile (self, &stmts, profile, "shipped", error))
        {
          g_prefix_error (error, "%s: ", cg_profile_get_path (profile));
          return rollback (self);
        }
    }

  if (!check_inheritance (self, error) ||
      !set_meta (self, "shipped-fingerprint", fingerprint, error) ||
      !exec_sql (self, "COMMIT", error))
    return rollback (self);

  if (out_imported != NULL)
    *out_imported = TRUE;

  return TRUE;
}

/**
 * cg_store_import_files:
 * @paths: (array zero-terminated=1): profile XML files
 * @out_n_profiles: (out) (optional): how many profiles were imported
 *
 * Imports profiles all or nothing: every file is validated against the framework in
 * the database first, then all are stored in one transaction, replacing profiles of
 * the same code. If any file is bad, nothing is stored.
 *
 * Returns: %TRUE, or %FALSE with @error naming the file and position
 */
gboolean
cg_store_import_files (CgStore             *self,
                       const char * const  *paths,
                       guint               *out_n_profiles,
                       GError             **error)
{
  g_autoptr(CgFramework) framework = NULL;
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_auto(ProfileStatements) stmts = { 0, };

  g_return_val_if_fail (CG_IS_STORE (self), FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);

  framework = cg_store_load_framework (self, error);
  if (framework == NULL)
    return FALSE;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      CgProfile *profile = cg_profile_new_from_file (paths[i], framework, error);
      const char *other;

      if (profile == NULL)
        return FALSE;
      g_ptr_array_add (profiles, profile);

      other = g_hash_table_lookup (codes, cg_profile_get_code (profile));
      if (other != NULL)
        {
          g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_DUPLICATE,
                       _("%s: profile “%s” is also in %s: import one of them"),
                       paths[i], cg_profile_get_code (profile), other);
          return FALSE;
        }
      g_hash_table_insert (codes, (gpointer) cg_profile_get_code (profile), (gpointer) paths[i]);
    }

  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  remove = prepare (self, "DELETE FROM profile WHERE code = ?", error);
  if (remove == NULL || !profile_statements_prepare (self, &stmts, error))
    return rollback (self);

  for (guint i = 0; i < profiles->len; i++)
    {
      CgProfile *profile = g_ptr_array_index (profiles, i);

      bind_text (remove, 1, cg_profile_get_code (profile));
      if (!step_done (self, remove, error) ||
          !insert_profile (self, &stmts, profile, "imported", error))
        {
          g_prefix_error (error, "%s: ", cg_profile_get_path (profile));
          return rollback (self);
        }
    }

  if (!check_inheritance (self, error) || !exec_sql (self, "COMMIT", error))
    return rollback (self);

  if (out_n_profiles != NULL)
    *out_n_profiles = profiles->len;

  return TRUE;
}

/**
 * cg_store_load_framework:
 *
 * Returns: (transfer full) (nullable): the framework in the database, or %NULL with
 *   @error set (%CG_STORE_ERROR_NO_FRAMEWORK when none was imported)
 */
CgFramework *
cg_store_load_framework (CgStore  *self,
                         GError  **error)
{
  g_autoptr(CgFramework) framework = NULL;
  g_autoptr(sqlite3_stmt) fw = NULL;
  g_autoptr(sqlite3_stmt) dim = NULL;
  g_autoptr(sqlite3_stmt) ind = NULL;
  g_autoptr(sqlite3_stmt) lvl = NULL;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (self), NULL);

  fw = prepare (self, "SELECT id, version, date, title, description FROM framework", error);
  if (fw == NULL)
    return NULL;
  rc = sqlite3_step (fw);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NO_FRAMEWORK,
                   _("Database %s holds no policy framework yet"), self->path);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, self->db, self->path, rc);
      return NULL;
    }

  framework = cg_framework_new ((const char *) sqlite3_column_text (fw, 0),
                                (guint) sqlite3_column_int64 (fw, 1),
                                (const char *) sqlite3_column_text (fw, 2),
                                (const char *) sqlite3_column_text (fw, 3));
  cg_framework_set_description (framework, (const char *) sqlite3_column_text (fw, 4));

  dim = prepare (self, "SELECT id, weight, label, help FROM dimension ORDER BY position", error);
  if (dim == NULL)
    return NULL;
  while ((rc = sqlite3_step (dim)) == SQLITE_ROW)
    {
      if (!cg_framework_add_dimension (framework, (const char *) sqlite3_column_text (dim, 0),
                                       sqlite3_column_double (dim, 1),
                                       (const char *) sqlite3_column_text (dim, 2),
                                       (const char *) sqlite3_column_text (dim, 3), error))
        return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, self->path, rc);
      return NULL;
    }

  ind = prepare (self, "SELECT i.id, d.position, i.type, i.weight, i.polarity, i.min, i.max, "
                       "i.unit, i.label, i.help FROM indicator i "
                       "JOIN dimension d ON d.id = i.dimension_id ORDER BY i.position", error);
  lvl = prepare (self, "SELECT id, label FROM level WHERE indicator_id = ? ORDER BY rank",
                 error);
  if (ind == NULL || lvl == NULL)
    return NULL;

  while ((rc = sqlite3_step (ind)) == SQLITE_ROW)
    {
      CgIndicatorType type;
      CgIndicator *indicator;

      if (!cg_indicator_type_from_string ((const char *) sqlite3_column_text (ind, 2), &type))
        {
          g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CORRUPT,
                       _("Database %s is damaged: unknown indicator type"), self->path);
          return NULL;
        }

      indicator = cg_framework_add_indicator (framework,
                                              (const char *) sqlite3_column_text (ind, 0),
                                              (guint) sqlite3_column_int (ind, 1), type,
                                              sqlite3_column_double (ind, 3),
                                              (const char *) sqlite3_column_text (ind, 8),
                                              (const char *) sqlite3_column_text (ind, 9),
                                              error);
      if (indicator == NULL)
        return NULL;

      bind_text (lvl, 1, indicator->id);
      while (sqlite3_step (lvl) == SQLITE_ROW)
        {
          if (!cg_indicator_add_level (indicator, (const char *) sqlite3_column_text (lvl, 0),
                                       (const char *) sqlite3_column_text (lvl, 1), error))
            return NULL;
        }
      sqlite3_reset (lvl);

      indicator->polarity = sqlite3_column_int (ind, 4);
      indicator->min = sqlite3_column_double (ind, 5);
      indicator->max = sqlite3_column_double (ind, 6);
      indicator->unit = dup_column_text (ind, 7);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, self->path, rc);
      return NULL;
    }

  return g_steal_pointer (&framework);
}

static const char *
display_name (const char *code,
              const char *profile_name)
{
  const char *name = cg_country_name (code);

  if (name != NULL)
    return name;
  return profile_name != NULL ? profile_name : code;
}

typedef struct
{
  GHashTable *rows;      /* profile code → index into values */
  GPtrArray  *codes;     /* index → code */
  double     *own;       /* profiles × indicators: the profile's own values at the date */
  GPtrArray  *parents;   /* index → GPtrArray of parent indices, or NULL */
  guint       n_cols;
} Resolver;

static void
free_parent_list (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

/* Effective value of @column for profile @row: its own, else the first parent's. */
static double
resolve_value (Resolver *resolver,
               guint     row,
               guint     column,
               guint     depth)
{
  double value = resolver->own[(gsize) row * resolver->n_cols + column];
  GPtrArray *parents;

  if (!isnan (value) || depth > 16)
    return value;

  parents = g_ptr_array_index (resolver->parents, row);
  for (guint i = 0; parents != NULL && i < parents->len; i++)
    {
      value = resolve_value (resolver, GPOINTER_TO_UINT (g_ptr_array_index (parents, i)),
                             column, depth + 1);
      if (!isnan (value))
        return value;
    }
  return NAN;
}

/**
 * cg_store_load_dataset:
 * @as_of: (nullable): a date `YYYY-MM-DD`; %NULL for today
 *
 * Builds the countries × indicators table the scoring reads: for each country and
 * indicator, the value in force at @as_of (the latest dated value not after it), its
 * own or else inherited from a regional profile it belonged to at that date.
 * Regional bodies are not rows.
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL with @error set
 */
CgDataset *
cg_store_load_dataset (CgStore     *self,
                       const char  *as_of,
                       GError     **error)
{
  g_autoptr(CgFramework) framework = NULL;
  g_autoptr(CgDataset) dataset = NULL;
  g_autoptr(sqlite3_stmt) profiles = NULL;
  g_autoptr(sqlite3_stmt) values = NULL;
  g_autoptr(sqlite3_stmt) inherits = NULL;
  g_autoptr(GArray) countries = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *today = NULL;
  Resolver resolver = { 0, };
  guint n_profiles;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (self), NULL);

  if (as_of == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      today = g_date_time_format (now, "%Y-%m-%d");
      as_of = today;
    }

  framework = cg_store_load_framework (self, error);
  if (framework == NULL)
    return NULL;

  profiles = prepare (self, "SELECT code, kind, name FROM profile ORDER BY code", error);
  values = prepare (self, "SELECT v.profile_code, i.position, v.number FROM value v "
                          "JOIN indicator i ON i.id = v.indicator_id "
                          "WHERE v.since IS NULL OR v.since <= ?1 "
                          "ORDER BY v.profile_code, i.position, v.since", error);
  inherits = prepare (self, "SELECT code, parent FROM inheritance "
                            "WHERE since IS NULL OR since <= ?1 ORDER BY code, position",
                      error);
  if (profiles == NULL || values == NULL || inherits == NULL)
    return NULL;

  resolver.rows = g_hash_table_new (g_str_hash, g_str_equal);
  resolver.codes = g_ptr_array_new_with_free_func (g_free);
  resolver.parents = g_ptr_array_new_with_free_func (free_parent_list);
  resolver.n_cols = cg_framework_get_n_indicators (framework);

  while ((rc = sqlite3_step (profiles)) == SQLITE_ROW)
    {
      char *code = dup_column_text (profiles, 0);
      guint index = resolver.codes->len;

      g_ptr_array_add (resolver.codes, code);
      g_ptr_array_add (resolver.parents, NULL);
      g_hash_table_insert (resolver.rows, code, GUINT_TO_POINTER (index));

      if (g_strcmp0 ((const char *) sqlite3_column_text (profiles, 1), "country") == 0)
        {
          g_array_append_val (countries, index);
          g_ptr_array_add (names, g_strdup (display_name (code, (const char *)
                                                          sqlite3_column_text (profiles, 2))));
        }
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, self->path, rc);
      goto out;
    }

  n_profiles = resolver.codes->len;
  resolver.own = g_new (double, (gsize) MAX (n_profiles, 1) * resolver.n_cols);
  for (gsize i = 0; i < (gsize) n_profiles * resolver.n_cols; i++)
    resolver.own[i] = NAN;

  /* Rows come ordered by date: the last one for a cell is the value in force. */
  bind_text (values, 1, as_of);
  while ((rc = sqlite3_step (values)) == SQLITE_ROW)
    {
      gpointer index = g_hash_table_lookup (resolver.rows, sqlite3_column_text (values, 0));
      guint column = (guint) sqlite3_column_int (values, 1);

      resolver.own[GPOINTER_TO_UINT (index) * resolver.n_cols + column] =
        sqlite3_column_double (values, 2);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, self->path, rc);
      goto out;
    }

  bind_text (inherits, 1, as_of);
  while ((rc = sqlite3_step (inherits)) == SQLITE_ROW)
    {
      gpointer child, parent;
      GPtrArray *list;

      if (!g_hash_table_lookup_extended (resolver.rows, sqlite3_column_text (inherits, 0),
                                         NULL, &child) ||
          !g_hash_table_lookup_extended (resolver.rows, sqlite3_column_text (inherits, 1),
                                         NULL, &parent))
        continue;

      list = g_ptr_array_index (resolver.parents, GPOINTER_TO_UINT (child));
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          resolver.parents->pdata[GPOINTER_TO_UINT (child)] = list;
        }
      g_ptr_array_add (list, parent);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, self->path, rc);
      goto out;
    }

  dataset = cg_dataset_new (framework, countries->len);
  cg_dataset_set_as_of (dataset, as_of);

  for (guint r = 0; r < countries->len; r++)
    {
      guint index = g_array_index (countries, guint, r);

      cg_dataset_set_row (dataset, r, g_ptr_array_index (resolver.codes, index),
                          g_ptr_array_index (names, r));
      for (guint j = 0; j < resolver.n_cols; j++)
        cg_dataset_set_value (dataset, r, j, resolve_value (&resolver, index, j, 0));
    }

out:
  g_hash_table_unref (resolver.rows);
  g_ptr_array_unref (resolver.codes);
  g_ptr_array_unref (resolver.parents);
  g_free (resolver.own);

  return g_steal_pointer (&dataset);
}

static int
compare_countries (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return g_utf8_collate (cg_country_get_name ((CgCountry *) a),
                         cg_country_get_name ((CgCountry *) b));
}

/**
 * cg_store_list_countries:
 *
 * The countries that have a profile, sorted by name in the user's language, with the
 * number of indicators known for each today (own or inherited).
 *
 * Returns: (transfer full) (nullable): a #GListModel of #CgCountry, or %NULL with
 *   @error set
 */
GListModel *
cg_store_list_countries (CgStore  *self,
                         GError  **error)
{
  g_autoptr(CgDataset) dataset = NULL;
  g_autoptr(GListStore) list = NULL;

  g_return_val_if_fail (CG_IS_STORE (self), NULL);

  dataset = cg_store_load_dataset (self, NULL, error);
  if (dataset == NULL)
    return NULL;

  list = g_list_store_new (CG_TYPE_COUNTRY);
  for (guint i = 0; i < cg_dataset_get_n_rows (dataset); i++)
    {
      g_autoptr(CgCountry) country = cg_country_new (cg_dataset_get_code (dataset, i),
                                                     cg_dataset_get_name (dataset, i),
                                                     cg_dataset_count_values (dataset, i));
      g_list_store_append (list, country);
    }
  g_list_store_sort (list, compare_countries, NULL);

  return G_LIST_MODEL (g_steal_pointer (&list));
}
