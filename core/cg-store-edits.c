/* cg-store-edits.c: the user's own values, and profiles written back to XML
 *
 * A regulator edits their own country's profile: each value they set is kept apart
 * from the shipped and imported data (an update of the shipped data never touches
 * it), first as a draft, then saved. Any profile, with the user's saved values merged
 * in, exports back to a profile XML file that validates and imports again.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlsave.h>
#include <string.h>
#include <unistd.h>

#include "cg-autocleanups-private.h"
#include "cg-country-names.h"
#include "cg-file-private.h"
#include "cg-store.h"
#include "cg-store-private.h"

static gboolean
profile_exists (CgStore    *self,
                const char *code)
{
  g_autoptr(sqlite3_stmt) stmt = _cg_store_prepare (self, "SELECT 1 FROM profile WHERE code = ?",
                                                    NULL);

  if (stmt == NULL)
    return FALSE;
  _cg_store_bind_text (stmt, 1, code);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static char *
dup_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format_iso8601 (now);
}

/**
 * cg_store_save_edit:
 * @code: the country whose value this is
 * @value: the value: indicator, text, date, confidence, note and sources (its number is
 *   recomputed from the text)
 * @draft: %TRUE to keep it as a draft (a what-if), %FALSE to save it as the user's own
 *
 * Stores one of the user's own values, replacing the user's earlier value of the same
 * indicator and date in the same state. The value is checked against the framework, and
 * it needs a source unless its confidence is `unverified`.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing stored
 */
gboolean
cg_store_save_edit (CgStore        *self,
                    const char     *code,
                    const CgValue  *value,
                    gboolean        draft,
                    GError        **error)
{
  g_autoptr(CgFramework) framework = NULL;
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) source = NULL;
  g_autofree char *modified = NULL;
  const CgIndicator *indicator;
  sqlite3_int64 edit_id;
  double number;
  int index;

  g_return_val_if_fail (CG_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  framework = cg_store_load_framework (self, error);
  if (framework == NULL)
    return FALSE;

  if (!cg_country_code_is_known (code) && !profile_exists (self, code))
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                   _("“%s” is neither an ISO 3166-1 country code nor a loaded profile"), code);
      return FALSE;
    }

  index = cg_framework_lookup_indicator (framework, value->indicator);
  if (index < 0)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                   _("Unknown indicator “%s”"), value->indicator);
      return FALSE;
    }
  indicator = cg_framework_get_indicator (framework, index);
  if (!cg_indicator_parse_value (indicator, value->text, &number, error))
    return FALSE;

  if (value->confidence != CG_CONFIDENCE_UNVERIFIED &&
      (value->sources == NULL || value->sources->len == 0))
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                   _("A value needs a source: name the law or document it comes from, or "
                     "mark it as unverified"));
      return FALSE;
    }

  if (!_cg_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  _cg_store_changed (self);

  remove = _cg_store_prepare (self, "DELETE FROM edit WHERE profile_code = ? AND "
                                    "indicator_id = ? AND IFNULL (since, '') = IFNULL (?, '') "
                                    "AND state = ?", error);
  insert = _cg_store_prepare (self, "INSERT INTO edit (profile_code, indicator_id, since, text, "
                                    "number, confidence, note, state, modified) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  source = _cg_store_prepare (self, "INSERT INTO edit_source (edit_id, position, title, article, "
                                    "url, date) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (remove == NULL || insert == NULL || source == NULL)
    return _cg_store_rollback (self);

  _cg_store_bind_text (remove, 1, code);
  _cg_store_bind_text (remove, 2, value->indicator);
  _cg_store_bind_text (remove, 3, value->since);
  _cg_store_bind_text (remove, 4, draft ? "draft" : "saved");
  if (!_cg_store_step_done (self, remove, error))
    return _cg_store_rollback (self);

  modified = dup_now ();
  _cg_store_bind_text (insert, 1, code);
  _cg_store_bind_text (insert, 2, value->indicator);
  _cg_store_bind_text (insert, 3, value->since);
  _cg_store_bind_text (insert, 4, value->text);
  sqlite3_bind_double (insert, 5, number);
  _cg_store_bind_text (insert, 6, cg_confidence_to_string (value->confidence));
  _cg_store_bind_text (insert, 7, value->note);
  _cg_store_bind_text (insert, 8, draft ? "draft" : "saved");
  _cg_store_bind_text (insert, 9, modified);
  if (!_cg_store_step_done (self, insert, error))
    return _cg_store_rollback (self);
  edit_id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; value->sources != NULL && i < value->sources->len; i++)
    {
      CgSource *s = g_ptr_array_index (value->sources, i);

      sqlite3_bind_int64 (source, 1, edit_id);
      sqlite3_bind_int (source, 2, (int) i);
      _cg_store_bind_text (source, 3, s->title);
      _cg_store_bind_text (source, 4, s->article);
      _cg_store_bind_text (source, 5, s->url);
      _cg_store_bind_text (source, 6, s->date);
      if (!_cg_store_step_done (self, source, error))
        return _cg_store_rollback (self);
    }

  if ((!draft && !_cg_store_rebuild_search (self, error)) ||
      !_cg_store_exec (self, "COMMIT", error))
    return _cg_store_rollback (self);

  return TRUE;
}

static gboolean
run_in_transaction (CgStore     *self,
                    const char  *sql,
                    const char  *code,
                    GError     **error)
{
  g_auto(GStrv) statements = g_strsplit (sql, ";", -1);

  if (!_cg_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  _cg_store_changed (self);

  for (guint i = 0; statements[i] != NULL; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (*g_strstrip (statements[i]) == '\0')
        continue;
      stmt = _cg_store_prepare (self, statements[i], error);
      if (stmt == NULL)
        return _cg_store_rollback (self);
      _cg_store_bind_text (stmt, 1, code);
      if (!_cg_store_step_done (self, stmt, error))
        return _cg_store_rollback (self);
    }

  if (!_cg_store_rebuild_search (self, error) || !_cg_store_exec (self, "COMMIT", error))
    return _cg_store_rollback (self);
  return TRUE;
}

/**
 * cg_store_keep_drafts:
 * @code: a country code
 *
 * Saves the country's draft values as the user's own, replacing saved values of the same
 * indicator and date.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing changed
 */
gboolean
cg_store_keep_drafts (CgStore     *self,
                      const char  *code,
                      GError     **error)
{
  g_return_val_if_fail (CG_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  return run_in_transaction (self,
                             "DELETE FROM edit WHERE state = 'saved' AND profile_code = ?1 AND "
                             "  (indicator_id, IFNULL (since, '')) IN "
                             "  (SELECT indicator_id, IFNULL (since, '') FROM edit "
                             "   WHERE state = 'draft' AND profile_code = ?1);"
                             "UPDATE edit SET state = 'saved' "
                             "WHERE state = 'draft' AND profile_code = ?1",
                             code, error);
}

/**
 * cg_store_discard_drafts:
 * @code: a country code
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
cg_store_discard_drafts (CgStore     *self,
                         const char  *code,
                         GError     **error)
{
  g_return_val_if_fail (CG_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  return run_in_transaction (self, "DELETE FROM edit WHERE state = 'draft' AND profile_code = ?1",
                             code, error);
}

static void
set_prop (xmlNode    *node,
          const char *name,
          const char *value)
{
  if (value != NULL)
    xmlSetProp (node, (const xmlChar *) name, (const xmlChar *) value);
}

static void
add_text_child (xmlNode    *parent,
                const char *name,
                const char *text)
{
  if (text != NULL)
    xmlNewTextChild (parent, NULL, (const xmlChar *) name, (const xmlChar *) text);
}

/* Values of @code, shipped or imported (layer 0) and the user's saved ones (layer 1),
 * the user's replacing the others of the same indicator and date. */
static gboolean
append_values (CgStore     *self,
               xmlNode     *root,
               const char  *code,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) values = NULL;
  g_autoptr(sqlite3_stmt) sources = NULL;
  g_autoptr(sqlite3_stmt) edit_sources = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  int rc;

  values = _cg_store_prepare (self,
    "SELECT indicator_id, since, text, confidence, note, id, 0 FROM value v "
    "WHERE profile_code = ?1 AND NOT EXISTS (SELECT 1 FROM edit e "
    "  WHERE e.profile_code = ?1 AND e.state = 'saved' AND e.indicator_id = v.indicator_id "
    "  AND IFNULL (e.since, '') = IFNULL (v.since, '')) "
    "UNION ALL SELECT indicator_id, since, text, confidence, note, id, 1 FROM edit "
    "WHERE profile_code = ?1 AND state = 'saved' "
    "ORDER BY 1, 2", error);
  sources = _cg_store_prepare (self, "SELECT title, article, url, date FROM source "
                                     "WHERE value_id = ? ORDER BY position", error);
  edit_sources = _cg_store_prepare (self, "SELECT title, article, url, date FROM edit_source "
                                          "WHERE edit_id = ? ORDER BY position", error);
  if (values == NULL || sources == NULL || edit_sources == NULL)
    return FALSE;

  _cg_store_bind_text (values, 1, code);
  while ((rc = sqlite3_step (values)) == SQLITE_ROW)
    {
      xmlNode *node = xmlNewChild (root, NULL, (const xmlChar *) "value", NULL);
      sqlite3_stmt *from = sqlite3_column_int (values, 6) == 0 ? sources : edit_sources;

      set_prop (node, "indicator", (const char *) sqlite3_column_text (values, 0));
      set_prop (node, "value", (const char *) sqlite3_column_text (values, 2));
      set_prop (node, "since", (const char *) sqlite3_column_text (values, 1));
      set_prop (node, "confidence", (const char *) sqlite3_column_text (values, 3));

      sqlite3_bind_int64 (from, 1, sqlite3_column_int64 (values, 5));
      while (sqlite3_step (from) == SQLITE_ROW)
        {
          xmlNode *source = xmlNewChild (node, NULL, (const xmlChar *) "source", NULL);

          set_prop (source, "title", (const char *) sqlite3_column_text (from, 0));
          set_prop (source, "article", (const char *) sqlite3_column_text (from, 1));
          set_prop (source, "url", (const char *) sqlite3_column_text (from, 2));
          set_prop (source, "date", (const char *) sqlite3_column_text (from, 3));
        }
      sqlite3_reset (from);

      add_text_child (node, "note", (const char *) sqlite3_column_text (values, 4));
    }
  if (rc != SQLITE_DONE)
    return _cg_store_set_sqlite_error (error, self->db, self->path, rc);

  return TRUE;
}

/**
 * cg_store_export_profile:
 * @code: a country or group code
 * @path: the file to write
 * @replace: whether an existing @path may be replaced
 *
 * Writes the profile, with the user's saved values merged in, as a profile XML file.
 * The file is checked against the schema and the framework before it replaces
 * anything, and written atomically.
 *
 * Returns: %TRUE, or %FALSE with @error set and any existing @path untouched
 */
gboolean
cg_store_export_profile (CgStore     *self,
                         const char  *code,
                         const char  *path,
                         gboolean     replace,
                         GError     **error)
{
  g_autoptr(CgFramework) framework = NULL;
  g_autoptr(sqlite3_stmt) profile = NULL;
  g_autoptr(sqlite3_stmt) inherits = NULL;
  g_autoptr(sqlite3_stmt) has_edits = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(CgProfile) check = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *version = NULL;
  g_autofree char *tmp_path = NULL;
  xmlChar *buffer = NULL;
  xmlNode *root;
  gboolean found;
  int size;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!replace && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s already exists: choose another name or allow replacing it"), path);
      return FALSE;
    }

  framework = cg_store_load_framework (self, error);
  if (framework == NULL)
    return FALSE;

  profile = _cg_store_prepare (self, "SELECT kind, name, note FROM profile WHERE code = ?", error);
  inherits = _cg_store_prepare (self, "SELECT parent, since FROM inheritance WHERE code = ? "
                                      "ORDER BY position", error);
  has_edits = _cg_store_prepare (self, "SELECT 1 FROM edit WHERE profile_code = ? AND "
                                       "state = 'saved'", error);
  if (profile == NULL || inherits == NULL || has_edits == NULL)
    return FALSE;

  _cg_store_bind_text (profile, 1, code);
  _cg_store_bind_text (has_edits, 1, code);
  rc = sqlite3_step (profile);
  found = rc == SQLITE_ROW || sqlite3_step (has_edits) == SQLITE_ROW;
  if (!found)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                   _("No country or group with the code “%s” has a profile"), code);
      return FALSE;
    }

  doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlAddChild ((xmlNode *) doc,
               xmlNewDocComment (doc, (const xmlChar *)
                                 " Common Ground policy profile. Licensed under CC BY 4.0; "
                                 "sources cited per value. "));
  root = xmlNewDocNode (doc, NULL, (const xmlChar *) "profile", NULL);
  xmlDocSetRootElement (doc, root);
  version = g_strdup_printf ("%u", cg_framework_get_version (framework));
  set_prop (root, "code", code);
  set_prop (root, "kind", rc == SQLITE_ROW ? (const char *) sqlite3_column_text (profile, 0)
                                           : "country");
  set_prop (root, "framework", cg_framework_get_id (framework));
  set_prop (root, "framework-version", version);
  set_prop (root, "reviewed", today);

  if (rc == SQLITE_ROW)
    add_text_child (root, "name", (const char *) sqlite3_column_text (profile, 1));

  _cg_store_bind_text (inherits, 1, code);
  while (sqlite3_step (inherits) == SQLITE_ROW)
    {
      xmlNode *node = xmlNewChild (root, NULL, (const xmlChar *) "inherits", NULL);

      set_prop (node, "code", (const char *) sqlite3_column_text (inherits, 0));
      set_prop (node, "since", (const char *) sqlite3_column_text (inherits, 1));
    }

  if (rc == SQLITE_ROW)
    add_text_child (root, "note", (const char *) sqlite3_column_text (profile, 2));

  if (!append_values (self, root, code, error))
    return FALSE;

  xmlDocDumpFormatMemoryEnc (doc, &buffer, &size, "UTF-8", 1);

  /* Write beside the target, check what was written, then move it into place. */
  {
    int fd = _cg_file_open_temp (path, &tmp_path, error);

    if (fd < 0)
      {
        xmlFree (buffer);
        return FALSE;
      }
    close (fd);
  }

  if (!g_file_set_contents (tmp_path, (const char *) buffer, size, error))
    {
      xmlFree (buffer);
      g_unlink (tmp_path);
      return FALSE;
    }
  xmlFree (buffer);

  check = cg_profile_new_from_file (tmp_path, framework, error);
  if (check == NULL)
    {
      g_prefix_error (error, _("The exported profile does not validate: "));
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), path, g_strerror (saved_errno));
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}
