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
#include "cg-member-states.h"
#include "cg-store-private.h"

#define SCHEMA_VERSION 2

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

/* Version 2: ITU Member States and groups, the user's own edits, full-text search. */
static const char schema_v2[] =
  "CREATE TABLE region ("
  "  id TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL);"
  "CREATE TABLE member_state ("
  "  code TEXT PRIMARY KEY,"
  "  region_id TEXT NOT NULL REFERENCES region (id));"
  "CREATE TABLE grouping ("
  "  id TEXT PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  name TEXT NOT NULL);"
  "CREATE TABLE membership ("
  "  group_id TEXT NOT NULL REFERENCES grouping (id) ON DELETE CASCADE,"
  "  code TEXT NOT NULL,"
  "  since TEXT,"
  "  until TEXT,"
  "  suspended TEXT);"
  "CREATE INDEX membership_by_group ON membership (group_id);"
  /* A user's own values: kept apart from shipped and imported profiles, so an update of
   * the shipped data never touches them. 'draft' is a scratch copy, 'saved' counts. */
  "CREATE TABLE edit ("
  "  id INTEGER PRIMARY KEY,"
  "  profile_code TEXT NOT NULL,"
  "  indicator_id TEXT NOT NULL REFERENCES indicator (id) DEFERRABLE INITIALLY DEFERRED,"
  "  since TEXT,"
  "  text TEXT NOT NULL,"
  "  number REAL NOT NULL,"
  "  confidence TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'unverified')),"
  "  note TEXT,"
  "  state TEXT NOT NULL CHECK (state IN ('draft', 'saved')),"
  "  modified TEXT NOT NULL);"
  "CREATE UNIQUE INDEX edit_key ON edit (profile_code, indicator_id, IFNULL (since, ''), state);"
  "CREATE TABLE edit_source ("
  "  edit_id INTEGER NOT NULL REFERENCES edit (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  title TEXT NOT NULL,"
  "  article TEXT,"
  "  url TEXT,"
  "  date TEXT,"
  "  PRIMARY KEY (edit_id, position));"
  "CREATE TABLE preset ("
  "  id TEXT PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  label TEXT NOT NULL,"
  "  help TEXT);"
  "CREATE TABLE preset_weight ("
  "  preset_id TEXT NOT NULL REFERENCES preset (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  ref TEXT NOT NULL,"
  "  value REAL NOT NULL CHECK (value >= 0),"
  "  PRIMARY KEY (preset_id, position));"
  "CREATE VIRTUAL TABLE search_index USING fts5 ("
  "  kind UNINDEXED, profile UNINDEXED, indicator UNINDEXED, text,"
  "  tokenize = 'unicode61 remove_diacritics 2');";

gboolean
_cg_store_set_sqlite_error (GError     **error,
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

gboolean
_cg_store_exec (CgStore     *self,
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

sqlite3_stmt *
_cg_store_prepare (CgStore     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _cg_store_set_sqlite_error (error, self->db, self->path, rc);
      return NULL;
    }
  return stmt;
}

void
_cg_store_bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Runs a statement that returns no rows, then resets it for reuse. */
gboolean
_cg_store_step_done (CgStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return _cg_store_set_sqlite_error (error, self->db, self->path, rc);
  return TRUE;
}

char *
_cg_store_dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
cg_store_finalize (GObject *object)
{
  CgStore *self = CG_STORE (object);

  _cg_store_changed (self);
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
  self->data_version = -1;
}

static gboolean
migrate (CgStore  *self,
         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int version;
  int rc;

  stmt = _cg_store_prepare (self, "PRAGMA user_version", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _cg_store_set_sqlite_error (error, self->db, self->path, rc);
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

  if (!_cg_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (version < 1 && !_cg_store_exec (self, schema_v1, error))
    goto fail;

  if (version < 2 && !_cg_store_exec (self, schema_v2, error))
    goto fail;

  if (!_cg_store_exec (self, "PRAGMA user_version = 2", error))
    goto fail;

  /* Data imported before the search index existed becomes searchable. */
  if (version >= 1 && !_cg_store_rebuild_search (self, error))
    goto fail;

  return _cg_store_exec (self, "COMMIT", error);

fail:
  _cg_store_exec (self, "ROLLBACK", NULL);
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
      _cg_store_set_sqlite_error (error, self->db, path, rc);
      return NULL;
    }

  /* Another window or the command line may hold a write lock for a moment. */
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 0);

  if (!_cg_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  /* A file that is not a database fails here, at its first read. */
  check = _cg_store_prepare (self, "PRAGMA quick_check", error);
  if (check == NULL)
    return NULL;
  rc = sqlite3_step (check);
  if (rc != SQLITE_ROW)
    {
      _cg_store_set_sqlite_error (error, self->db, path, rc);
      return NULL;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (check, 0), "ok") != 0)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CORRUPT,
                   _("Database %s is damaged: %s"), path, sqlite3_column_text (check, 0));
      return NULL;
    }
  g_clear_pointer (&check, sqlite3_finalize);

  if (!in_memory && !_cg_store_exec (self, "PRAGMA journal_mode = WAL", error))
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

  fw = _cg_store_prepare (self, "INSERT INTO framework (id, version, date, title, description) "
                      "VALUES (?, ?, ?, ?, ?)", error);
  dim = _cg_store_prepare (self, "INSERT INTO dimension (id, position, weight, label, help) "
                       "VALUES (?, ?, ?, ?, ?)", NULL);
  ind = _cg_store_prepare (self, "INSERT INTO indicator (id, dimension_id, position, type, weight, "
                       "polarity, min, max, unit, label, help) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", NULL);
  lvl = _cg_store_prepare (self, "INSERT INTO level (indicator_id, rank, id, label) VALUES (?, ?, ?, ?)",
                 NULL);
  if (fw == NULL || dim == NULL || ind == NULL || lvl == NULL)
    return FALSE;

  _cg_store_bind_text (fw, 1, cg_framework_get_id (framework));
  sqlite3_bind_int64 (fw, 2, cg_framework_get_version (framework));
  _cg_store_bind_text (fw, 3, cg_framework_get_date (framework));
  _cg_store_bind_text (fw, 4, cg_framework_get_title (framework));
  _cg_store_bind_text (fw, 5, cg_framework_get_description (framework));
  if (!_cg_store_step_done (self, fw, error))
    return FALSE;

  for (guint i = 0; i < cg_framework_get_n_dimensions (framework); i++)
    {
      const CgDimension *dimension = cg_framework_get_dimension (framework, i);

      _cg_store_bind_text (dim, 1, dimension->id);
      sqlite3_bind_int (dim, 2, (int) i);
      sqlite3_bind_double (dim, 3, dimension->weight);
      _cg_store_bind_text (dim, 4, dimension->label);
      _cg_store_bind_text (dim, 5, dimension->help);
      if (!_cg_store_step_done (self, dim, error))
        return FALSE;
    }

  for (guint i = 0; i < cg_framework_get_n_indicators (framework); i++)
    {
      const CgIndicator *indicator = cg_framework_get_indicator (framework, i);
      const CgDimension *dimension = cg_framework_get_dimension (framework,
                                                                 indicator->dimension);

      _cg_store_bind_text (ind, 1, indicator->id);
      _cg_store_bind_text (ind, 2, dimension->id);
      sqlite3_bind_int (ind, 3, (int) i);
      _cg_store_bind_text (ind, 4, cg_indicator_type_to_string (indicator->type));
      sqlite3_bind_double (ind, 5, indicator->weight);
      sqlite3_bind_int (ind, 6, indicator->polarity);
      sqlite3_bind_double (ind, 7, indicator->min);
      sqlite3_bind_double (ind, 8, indicator->max);
      _cg_store_bind_text (ind, 9, indicator->unit);
      _cg_store_bind_text (ind, 10, indicator->label);
      _cg_store_bind_text (ind, 11, indicator->help);
      if (!_cg_store_step_done (self, ind, error))
        return FALSE;

      for (guint l = 0; l < indicator->level_ids->len; l++)
        {
          _cg_store_bind_text (lvl, 1, indicator->id);
          sqlite3_bind_int (lvl, 2, (int) l);
          _cg_store_bind_text (lvl, 3, g_ptr_array_index (indicator->level_ids, l));
          _cg_store_bind_text (lvl, 4, g_ptr_array_index (indicator->level_labels, l));
          if (!_cg_store_step_done (self, lvl, error))
            return FALSE;
        }
    }

  {
    g_autoptr(sqlite3_stmt) preset = NULL;
    g_autoptr(sqlite3_stmt) weight = NULL;

    preset = _cg_store_prepare (self, "INSERT INTO preset (id, position, label, help) "
                                      "VALUES (?, ?, ?, ?)", error);
    weight = _cg_store_prepare (self, "INSERT INTO preset_weight (preset_id, position, ref, "
                                      "value) VALUES (?, ?, ?, ?)", error);
    if (preset == NULL || weight == NULL)
      return FALSE;

    for (guint i = 0; i < cg_framework_get_n_presets (framework); i++)
      {
        const CgPreset *p = cg_framework_get_preset (framework, i);

        _cg_store_bind_text (preset, 1, p->id);
        sqlite3_bind_int (preset, 2, (int) i);
        _cg_store_bind_text (preset, 3, p->label);
        _cg_store_bind_text (preset, 4, p->help);
        if (!_cg_store_step_done (self, preset, error))
          return FALSE;

        for (guint w = 0; w < p->weights->len; w++)
          {
            const CgPresetWeight *pw = &g_array_index (p->weights, CgPresetWeight, w);

            _cg_store_bind_text (weight, 1, p->id);
            sqlite3_bind_int (weight, 2, (int) w);
            _cg_store_bind_text (weight, 3, pw->ref);
            sqlite3_bind_double (weight, 4, pw->value);
            if (!_cg_store_step_done (self, weight, error))
              return FALSE;
          }
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
  stmts->profile = _cg_store_prepare (self, "INSERT INTO profile (code, kind, name, reviewed, note, "
                                  "origin, file) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmts->profile == NULL)
    return FALSE;
  stmts->inherits = _cg_store_prepare (self, "INSERT INTO inheritance (code, position, parent, since) "
                                   "VALUES (?, ?, ?, ?)", error);
  if (stmts->inherits == NULL)
    return FALSE;
  stmts->value = _cg_store_prepare (self, "INSERT INTO value (profile_code, indicator_id, since, text, "
                                "number, confidence, note) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmts->value == NULL)
    return FALSE;
  stmts->source = _cg_store_prepare (self, "INSERT INTO source (value_id, position, title, article, url, "
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

  _cg_store_bind_text (stmts->profile, 1, code);
  _cg_store_bind_text (stmts->profile, 2, cg_profile_kind_to_string (cg_profile_get_kind (profile)));
  _cg_store_bind_text (stmts->profile, 3, cg_profile_get_name (profile));
  _cg_store_bind_text (stmts->profile, 4, cg_profile_get_reviewed (profile));
  _cg_store_bind_text (stmts->profile, 5, cg_profile_get_note (profile));
  _cg_store_bind_text (stmts->profile, 6, origin);
  _cg_store_bind_text (stmts->profile, 7, file);
  if (!_cg_store_step_done (self, stmts->profile, error))
    return FALSE;

  for (guint i = 0; i < inherits->len; i++)
    {
      CgInheritance *inheritance = g_ptr_array_index (inherits, i);

      _cg_store_bind_text (stmts->inherits, 1, code);
      sqlite3_bind_int (stmts->inherits, 2, (int) i);
      _cg_store_bind_text (stmts->inherits, 3, inheritance->code);
      _cg_store_bind_text (stmts->inherits, 4, inheritance->since);
      if (!_cg_store_step_done (self, stmts->inherits, error))
        return FALSE;
    }

  for (guint i = 0; i < values->len; i++)
    {
      CgValue *value = g_ptr_array_index (values, i);
      sqlite3_int64 value_id;

      _cg_store_bind_text (stmts->value, 1, code);
      _cg_store_bind_text (stmts->value, 2, value->indicator);
      _cg_store_bind_text (stmts->value, 3, value->since);
      _cg_store_bind_text (stmts->value, 4, value->text);
      sqlite3_bind_double (stmts->value, 5, value->number);
      _cg_store_bind_text (stmts->value, 6, cg_confidence_to_string (value->confidence));
      _cg_store_bind_text (stmts->value, 7, value->note);
      if (!_cg_store_step_done (self, stmts->value, error))
        return FALSE;
      value_id = sqlite3_last_insert_rowid (self->db);

      for (guint s = 0; s < value->sources->len; s++)
        {
          CgSource *source = g_ptr_array_index (value->sources, s);

          sqlite3_bind_int64 (stmts->source, 1, value_id);
          sqlite3_bind_int (stmts->source, 2, (int) s);
          _cg_store_bind_text (stmts->source, 3, source->title);
          _cg_store_bind_text (stmts->source, 4, source->article);
          _cg_store_bind_text (stmts->source, 5, source->url);
          _cg_store_bind_text (stmts->source, 6, source->date);
          if (!_cg_store_step_done (self, stmts->source, error))
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

  stmt = _cg_store_prepare (self, "SELECT i.code, i.parent, p.code FROM inheritance i "
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
    return _cg_store_set_sqlite_error (error, self->db, self->path, rc);

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

static gboolean
insert_member_states (CgStore         *self,
                      CgMemberStates  *states,
                      GError         **error)
{
  g_autoptr(sqlite3_stmt) region = NULL;
  g_autoptr(sqlite3_stmt) state = NULL;
  g_autoptr(sqlite3_stmt) group = NULL;
  g_autoptr(sqlite3_stmt) member = NULL;
  GPtrArray *list;

  if (!_cg_store_exec (self, "DELETE FROM membership; DELETE FROM grouping;"
                             "DELETE FROM member_state; DELETE FROM region;", error))
    return FALSE;

  region = _cg_store_prepare (self, "INSERT INTO region (id, name) VALUES (?, ?)", error);
  state = _cg_store_prepare (self, "INSERT INTO member_state (code, region_id) VALUES (?, ?)",
                             error);
  group = _cg_store_prepare (self, "INSERT INTO grouping (id, kind, name) VALUES (?, ?, ?)",
                             error);
  member = _cg_store_prepare (self, "INSERT INTO membership (group_id, code, since, until, "
                                    "suspended) VALUES (?, ?, ?, ?, ?)", error);
  if (region == NULL || state == NULL || group == NULL || member == NULL)
    return FALSE;

  list = cg_member_states_get_regions (states);
  for (guint i = 0; i < list->len; i++)
    {
      CgRegion *r = g_ptr_array_index (list, i);

      _cg_store_bind_text (region, 1, r->id);
      _cg_store_bind_text (region, 2, r->name);
      if (!_cg_store_step_done (self, region, error))
        return FALSE;
    }

  list = cg_member_states_get_states (states);
  for (guint i = 0; i < list->len; i++)
    {
      CgMemberState *s = g_ptr_array_index (list, i);

      _cg_store_bind_text (state, 1, s->code);
      _cg_store_bind_text (state, 2, s->region);
      if (!_cg_store_step_done (self, state, error))
        return FALSE;
    }

  list = cg_member_states_get_groups (states);
  for (guint i = 0; i < list->len; i++)
    {
      CgGroup *g = g_ptr_array_index (list, i);

      _cg_store_bind_text (group, 1, g->id);
      _cg_store_bind_text (group, 2, g->kind);
      _cg_store_bind_text (group, 3, g->name);
      if (!_cg_store_step_done (self, group, error))
        return FALSE;

      for (guint m = 0; m < g->members->len; m++)
        {
          CgMembership *ms = g_ptr_array_index (g->members, m);

          _cg_store_bind_text (member, 1, g->id);
          _cg_store_bind_text (member, 2, ms->code);
          _cg_store_bind_text (member, 3, ms->since);
          _cg_store_bind_text (member, 4, ms->until);
          _cg_store_bind_text (member, 5, ms->suspended);
          if (!_cg_store_step_done (self, member, error))
            return FALSE;
        }
    }

  return TRUE;
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
  g_autoptr(sqlite3_stmt) stmt = _cg_store_prepare (self, "SELECT value FROM meta WHERE key = ?", NULL);

  if (stmt == NULL)
    return NULL;
  _cg_store_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return _cg_store_dup_column_text (stmt, 0);
}

static gboolean
set_meta (CgStore     *self,
          const char  *key,
          const char  *value,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _cg_store_prepare (self, "INSERT OR REPLACE INTO meta (key, value) "
                                                "VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  _cg_store_bind_text (stmt, 1, key);
  _cg_store_bind_text (stmt, 2, value);
  return _cg_store_step_done (self, stmt, error);
}

gboolean
_cg_store_rollback (CgStore *self)
{
  g_autoptr(GError) local_error = NULL;

  _cg_store_changed (self);
  if (!_cg_store_exec (self, "ROLLBACK", &local_error))
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
  g_autofree char *member_states_path = NULL;
  g_autoptr(CgMemberStates) member_states = NULL;

  g_return_val_if_fail (CG_IS_STORE (self), FALSE);
  g_return_val_if_fail (policies_dir != NULL, FALSE);

  if (out_imported != NULL)
    *out_imported = FALSE;

  files = list_shipped_files (policies_dir, error);
  if (files == NULL)
    return FALSE;

  /* The list of Member States is optional: a trainer's own framework may have none. */
  member_states_path = g_build_filename (policies_dir, "member-states.xml", NULL);
  if (g_file_test (member_states_path, G_FILE_TEST_EXISTS))
    g_ptr_array_add (files, g_strdup (member_states_path));
  else
    g_clear_pointer (&member_states_path, g_free);

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

  for (guint i = 1; i < files->len - (member_states_path != NULL ? 1 : 0); i++)
    {
      CgProfile *profile = cg_profile_new_from_file (g_ptr_array_index (files, i), framework,
                                                     error);
      if (profile == NULL)
        return FALSE;
      g_ptr_array_add (profiles, profile);
    }

  if (member_states_path != NULL)
    {
      member_states = cg_member_states_new_from_file (member_states_path, error);
      if (member_states == NULL)
        return FALSE;
    }

  if (!_cg_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  _cg_store_changed (self);

  if (member_states != NULL && !insert_member_states (self, member_states, error))
    return _cg_store_rollback (self);

  if (!_cg_store_exec (self,
                 "DELETE FROM profile WHERE origin = 'shipped';"
                 "DELETE FROM preset;"
                 "DELETE FROM level; DELETE FROM indicator; DELETE FROM dimension;"
                 "DELETE FROM framework;", error) ||
      !insert_framework (self, framework, error) ||
      !profile_statements_prepare (self, &stmts, error))
    return _cg_store_rollback (self);

  is_imported = _cg_store_prepare (self, "SELECT 1 FROM profile WHERE code = ?", error);
  if (is_imported == NULL)
    return _cg_store_rollback (self);

  for (guint i = 0; i < profiles->len; i++)
    {
      CgProfile *profile = g_ptr_array_index (profiles, i);
      gboolean user_has_it;

      _cg_store_bind_text (is_imported, 1, cg_profile_get_code (profile));
      user_has_it = sqlite3_step (is_imported) == SQLITE_ROW;
      sqlite3_reset (is_imported);

      /* The user's own imported profile of a country wins over the shipped one. */
      if (user_has_it)
        continue;

      if (!insert_profile (self, &stmts, profile, "shipped", error))
        {
          g_prefix_error (error, "%s: ", cg_profile_get_path (profile));
          return _cg_store_rollback (self);
        }
    }

  if (!check_inheritance (self, error) ||
      !_cg_store_rebuild_search (self, error) ||
      !set_meta (self, "shipped-fingerprint", fingerprint, error) ||
      !_cg_store_exec (self, "COMMIT", error))
    return _cg_store_rollback (self);

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

  if (!_cg_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  _cg_store_changed (self);
  remove = _cg_store_prepare (self, "DELETE FROM profile WHERE code = ?", error);
  if (remove == NULL || !profile_statements_prepare (self, &stmts, error))
    return _cg_store_rollback (self);

  for (guint i = 0; i < profiles->len; i++)
    {
      CgProfile *profile = g_ptr_array_index (profiles, i);

      _cg_store_bind_text (remove, 1, cg_profile_get_code (profile));
      if (!_cg_store_step_done (self, remove, error) ||
          !insert_profile (self, &stmts, profile, "imported", error))
        {
          g_prefix_error (error, "%s: ", cg_profile_get_path (profile));
          return _cg_store_rollback (self);
        }
    }

  if (!check_inheritance (self, error) ||
      !_cg_store_rebuild_search (self, error) ||
      !_cg_store_exec (self, "COMMIT", error))
    return _cg_store_rollback (self);

  if (out_n_profiles != NULL)
    *out_n_profiles = profiles->len;

  return TRUE;
}


/* Anything cached from the database is stale after a write. */
void
_cg_store_changed (CgStore *self)
{
  g_clear_object (&self->framework);
  g_clear_pointer (&self->timelines[0], _cg_timeline_free);
  g_clear_pointer (&self->timelines[1], _cg_timeline_free);
}

/* The full-text index over indicator labels and help, value notes and source titles,
 * of shipped, imported and saved values. Small: rebuilt whole after each write. */
gboolean
_cg_store_rebuild_search (CgStore  *self,
                          GError  **error)
{
  return _cg_store_exec (self,
    "DELETE FROM search_index;"
    "INSERT INTO search_index (kind, profile, indicator, text)"
    "  SELECT 'indicator', NULL, id, label || ' — ' || IFNULL (help, '') FROM indicator;"
    "INSERT INTO search_index (kind, profile, indicator, text)"
    "  SELECT 'note', profile_code, indicator_id, note FROM value WHERE note IS NOT NULL;"
    "INSERT INTO search_index (kind, profile, indicator, text)"
    "  SELECT 'source', v.profile_code, v.indicator_id,"
    "         s.title || IFNULL (' — ' || s.article, '')"
    "  FROM source s JOIN value v ON v.id = s.value_id;"
    "INSERT INTO search_index (kind, profile, indicator, text)"
    "  SELECT 'note', profile_code, indicator_id, note FROM edit"
    "  WHERE note IS NOT NULL AND state = 'saved';"
    "INSERT INTO search_index (kind, profile, indicator, text)"
    "  SELECT 'source', e.profile_code, e.indicator_id,"
    "         s.title || IFNULL (' — ' || s.article, '')"
    "  FROM edit_source s JOIN edit e ON e.id = s.edit_id WHERE e.state = 'saved';"
    "INSERT INTO search_index (kind, profile, indicator, text)"
    "  SELECT 'profile', code, NULL, note FROM profile WHERE note IS NOT NULL;",
    error);
}
