/* cg-store-query.c: reading from the local database: framework, dataset, lists
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cg-autocleanups-private.h"
#include "cg-country.h"
#include "cg-country-names.h"
#include "cg-member-states.h"
#include "cg-store.h"
#include "cg-store-private.h"

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

  if (self->framework != NULL)
    return g_object_ref (self->framework);

  fw = _cg_store_prepare (self, "SELECT id, version, date, title, description FROM framework", error);
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
      _cg_store_set_sqlite_error (error, self->db, self->path, rc);
      return NULL;
    }

  framework = cg_framework_new ((const char *) sqlite3_column_text (fw, 0),
                                (guint) sqlite3_column_int64 (fw, 1),
                                (const char *) sqlite3_column_text (fw, 2),
                                (const char *) sqlite3_column_text (fw, 3));
  cg_framework_set_description (framework, (const char *) sqlite3_column_text (fw, 4));

  dim = _cg_store_prepare (self, "SELECT id, weight, label, help FROM dimension ORDER BY position", error);
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
      _cg_store_set_sqlite_error (error, self->db, self->path, rc);
      return NULL;
    }

  ind = _cg_store_prepare (self, "SELECT i.id, d.position, i.type, i.weight, i.polarity, i.min, i.max, "
                       "i.unit, i.label, i.help FROM indicator i "
                       "JOIN dimension d ON d.id = i.dimension_id ORDER BY i.position", error);
  lvl = _cg_store_prepare (self, "SELECT id, label FROM level WHERE indicator_id = ? ORDER BY rank",
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

      _cg_store_bind_text (lvl, 1, indicator->id);
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
      indicator->unit = _cg_store_dup_column_text (ind, 7);
    }
  if (rc != SQLITE_DONE)
    {
      _cg_store_set_sqlite_error (error, self->db, self->path, rc);
      return NULL;
    }

  {
    g_autoptr(sqlite3_stmt) presets = NULL;
    g_autoptr(sqlite3_stmt) weights = NULL;

    presets = _cg_store_prepare (self, "SELECT id, label, help FROM preset ORDER BY position",
                                 error);
    weights = _cg_store_prepare (self, "SELECT ref, value FROM preset_weight "
                                       "WHERE preset_id = ? ORDER BY position", error);
    if (presets == NULL || weights == NULL)
      return NULL;
    while (sqlite3_step (presets) == SQLITE_ROW)
      {
        CgPreset *preset = cg_framework_add_preset (framework,
                                                    (const char *) sqlite3_column_text (presets, 0),
                                                    (const char *) sqlite3_column_text (presets, 1),
                                                    (const char *) sqlite3_column_text (presets, 2),
                                                    error);
        if (preset == NULL)
          return NULL;
        _cg_store_bind_text (weights, 1, preset->id);
        while (sqlite3_step (weights) == SQLITE_ROW)
          cg_preset_add_weight (preset, (const char *) sqlite3_column_text (weights, 0),
                                sqlite3_column_double (weights, 1));
        sqlite3_reset (weights);
      }
  }

  self->framework = g_object_ref (framework);
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

/* Dates as numbers (2026-11-28 → 20261128): compared without parsing strings. */
static gint32
date_to_int (const char *date)
{
  if (date == NULL || strlen (date) < 10)
    return 0;
  return (gint32) (g_ascii_strtoull (date, NULL, 10) * 10000 +
                   g_ascii_strtoull (date + 5, NULL, 10) * 100 +
                   g_ascii_strtoull (date + 8, NULL, 10));
}

typedef struct
{
  guint32 profile;
  guint32 column;
  gint32  since;   /* 0: undated, holds from the beginning */
  guint32 layer;   /* 0 shipped or imported, 1 the user's saved values, 2 drafts */
  double  number;
} TimelineEntry;

typedef struct
{
  guint32 child;
  guint32 parent;
  gint32  since;
} TimelineLink;

/* Every dated value of every profile, read once and kept until the database changes:
 * a dataset at any date is then a pass over memory, not a query. */
struct _CgTimeline
{
  GPtrArray  *codes;     /* profile index → code */
  GPtrArray  *names;     /* profile index → display name */
  GArray     *is_country;  /* profile index → gboolean */
  GArray     *entries;   /* (element-type TimelineEntry) by profile, column, since, layer */
  GArray     *links;     /* (element-type TimelineLink) by child, position */
  guint       n_cols;
};

void
_cg_timeline_free (CgTimeline *timeline)
{
  if (timeline == NULL)
    return;
  g_ptr_array_unref (timeline->codes);
  g_ptr_array_unref (timeline->names);
  g_array_unref (timeline->is_country);
  g_array_unref (timeline->entries);
  g_array_unref (timeline->links);
  g_free (timeline);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const TimelineEntry *x = a, *y = b;

  if (x->profile != y->profile)
    return x->profile < y->profile ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  if (x->since != y->since)
    return x->since < y->since ? -1 : 1;
  return (int) x->layer - (int) y->layer;
}

static CgTimeline *
load_timeline (CgStore      *self,
               CgFramework  *framework,
               gboolean      with_drafts,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) profiles = NULL;
  g_autoptr(sqlite3_stmt) values = NULL;
  g_autoptr(sqlite3_stmt) inherits = NULL;
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  CgTimeline *timeline;
  int rc;

  /* A country with only the user's own values is a country too. */
  profiles = _cg_store_prepare (self, "SELECT code, kind, name FROM profile "
                                      "UNION SELECT DISTINCT profile_code, 'country', NULL "
                                      "FROM edit WHERE (state = 'saved' OR ?1) "
                                      "AND profile_code NOT IN (SELECT code FROM profile) "
                                      "ORDER BY 1", error);
  values = _cg_store_prepare (self, "SELECT profile_code, indicator_id, since, number, 0 "
                                    "FROM value "
                                    "UNION ALL "
                                    "SELECT profile_code, indicator_id, since, number, "
                                    "  CASE state WHEN 'saved' THEN 1 ELSE 2 END "
                                    "FROM edit WHERE state = 'saved' OR ?1", error);
  inherits = _cg_store_prepare (self, "SELECT code, parent, since FROM inheritance "
                                      "ORDER BY code, position", error);
  if (profiles == NULL || values == NULL || inherits == NULL)
    return NULL;

  timeline = g_new0 (CgTimeline, 1);
  timeline->codes = g_ptr_array_new_with_free_func (g_free);
  timeline->names = g_ptr_array_new_with_free_func (g_free);
  timeline->is_country = g_array_new (FALSE, FALSE, sizeof (gboolean));
  timeline->entries = g_array_new (FALSE, FALSE, sizeof (TimelineEntry));
  timeline->links = g_array_new (FALSE, FALSE, sizeof (TimelineLink));
  timeline->n_cols = cg_framework_get_n_indicators (framework);

  sqlite3_bind_int (profiles, 1, with_drafts);
  while ((rc = sqlite3_step (profiles)) == SQLITE_ROW)
    {
      char *code = _cg_store_dup_column_text (profiles, 0);
      gboolean is_country = g_strcmp0 ((const char *) sqlite3_column_text (profiles, 1),
                                       "country") == 0;

      g_hash_table_insert (index, code, GUINT_TO_POINTER (timeline->codes->len));
      g_ptr_array_add (timeline->codes, code);
      g_ptr_array_add (timeline->names,
                       g_strdup (display_name (code, (const char *)
                                               sqlite3_column_text (profiles, 2))));
      g_array_append_val (timeline->is_country, is_country);
    }
  if (rc != SQLITE_DONE)
    goto fail;

  sqlite3_bind_int (values, 1, with_drafts);
  while ((rc = sqlite3_step (values)) == SQLITE_ROW)
    {
      gpointer profile;
      int column;
      TimelineEntry entry;

      column = cg_framework_lookup_indicator (framework,
                                              (const char *) sqlite3_column_text (values, 1));
      if (column < 0 ||
          !g_hash_table_lookup_extended (index, sqlite3_column_text (values, 0), NULL, &profile))
        continue;

      entry.profile = GPOINTER_TO_UINT (profile);
      entry.column = (guint32) column;
      entry.since = date_to_int ((const char *) sqlite3_column_text (values, 2));
      entry.number = sqlite3_column_double (values, 3);
      entry.layer = (guint32) sqlite3_column_int (values, 4);
      g_array_append_val (timeline->entries, entry);
    }
  if (rc != SQLITE_DONE)
    goto fail;
  g_array_sort (timeline->entries, compare_entries);

  while ((rc = sqlite3_step (inherits)) == SQLITE_ROW)
    {
      gpointer child, parent;
      TimelineLink link;

      if (!g_hash_table_lookup_extended (index, sqlite3_column_text (inherits, 0), NULL, &child) ||
          !g_hash_table_lookup_extended (index, sqlite3_column_text (inherits, 1), NULL, &parent))
        continue;
      link.child = GPOINTER_TO_UINT (child);
      link.parent = GPOINTER_TO_UINT (parent);
      link.since = date_to_int ((const char *) sqlite3_column_text (inherits, 2));
      g_array_append_val (timeline->links, link);
    }
  if (rc != SQLITE_DONE)
    goto fail;

  return timeline;

fail:
  _cg_store_set_sqlite_error (error, self->db, self->path, rc);
  _cg_timeline_free (timeline);
  return NULL;
}

/* Effective value of @column for profile @row: its own, else the first parent's. */
static double
resolve_value (const CgTimeline *timeline,
               const double     *own,
               const guint      *link_start,
               gint32            as_of,
               guint             row,
               guint             column,
               guint             depth)
{
  double value = own[(gsize) row * timeline->n_cols + column];

  if (!isnan (value) || depth > 16)
    return value;

  for (guint i = link_start[row]; i < link_start[row + 1]; i++)
    {
      const TimelineLink *link = &g_array_index (timeline->links, TimelineLink, i);

      if (link->since > as_of)
        continue;
      value = resolve_value (timeline, own, link_start, as_of, link->parent, column, depth + 1);
      if (!isnan (value))
        return value;
    }
  return NAN;
}

/* Returns the store's cached timeline, reading it when the database changed. */
static CgTimeline *
ensure_timeline (CgStore      *self,
                 CgFramework  *framework,
                 gboolean      with_drafts,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) version = NULL;
  CgTimeline **slot = &self->timelines[with_drafts ? 1 : 0];
  gint64 data_version = -1;

  /* Another process (the command line, another window) may have written meanwhile. */
  version = _cg_store_prepare (self, "PRAGMA data_version", error);
  if (version == NULL)
    return NULL;
  if (sqlite3_step (version) == SQLITE_ROW)
    data_version = sqlite3_column_int64 (version, 0);
  if (data_version != self->data_version)
    {
      _cg_store_changed (self);
      self->data_version = data_version;
    }

  if (*slot == NULL)
    *slot = load_timeline (self, framework, with_drafts, error);
  return *slot;
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
  return cg_store_load_dataset_full (self, as_of, CG_DATASET_DEFAULT, error);
}

/**
 * cg_store_load_dataset_full:
 * @as_of: (nullable): a date `YYYY-MM-DD`; %NULL for today
 * @flags: %CG_DATASET_WITH_DRAFTS to include the user's draft values
 *
 * As cg_store_load_dataset(); the user's saved values take precedence over shipped and
 * imported ones of the same date, and drafts over saved values when asked for.
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL with @error set
 */
CgDataset *
cg_store_load_dataset_full (CgStore         *self,
                            const char      *as_of,
                            CgDatasetFlags   flags,
                            GError         **error)
{
  g_autoptr(CgFramework) framework = NULL;
  g_autofree char *today = NULL;
  g_autofree double *own = NULL;
  g_autofree guint *link_start = NULL;
  CgTimeline *timeline;
  CgDataset *dataset;
  guint n_profiles, n_cols, n_countries = 0, row = 0;
  gint32 date;

  g_return_val_if_fail (CG_IS_STORE (self), NULL);

  if (as_of == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      today = g_date_time_format (now, "%Y-%m-%d");
      as_of = today;
    }
  date = date_to_int (as_of);

  framework = cg_store_load_framework (self, error);
  if (framework == NULL)
    return NULL;
  timeline = ensure_timeline (self, framework, (flags & CG_DATASET_WITH_DRAFTS) != 0, error);
  if (timeline == NULL)
    return NULL;
  /* ensure_timeline() may have found the database changed and dropped the framework. */
  if (self->framework == NULL)
    {
      g_clear_object (&framework);
      framework = cg_store_load_framework (self, error);
      if (framework == NULL)
        return NULL;
    }

  n_profiles = timeline->codes->len;
  n_cols = timeline->n_cols;

  /* Each profile's own values at the date: the last entry of a cell not after it wins
   * (the latest date; at equal dates the user's over the shipped). */
  own = g_new (double, (gsize) MAX (n_profiles, 1) * n_cols);
  for (gsize i = 0; i < (gsize) n_profiles * n_cols; i++)
    own[i] = NAN;
  for (guint i = 0; i < timeline->entries->len; i++)
    {
      const TimelineEntry *entry = &g_array_index (timeline->entries, TimelineEntry, i);

      if (entry->since <= date)
        own[(gsize) entry->profile * n_cols + entry->column] = entry->number;
    }

  link_start = g_new0 (guint, n_profiles + 1);
  for (guint i = 0; i < timeline->links->len; i++)
    link_start[g_array_index (timeline->links, TimelineLink, i).child + 1]++;
  for (guint p = 0; p < n_profiles; p++)
    link_start[p + 1] += link_start[p];

  for (guint p = 0; p < n_profiles; p++)
    n_countries += g_array_index (timeline->is_country, gboolean, p);

  dataset = cg_dataset_new (framework, n_countries);
  cg_dataset_set_as_of (dataset, as_of);

  for (guint p = 0; p < n_profiles; p++)
    {
      if (!g_array_index (timeline->is_country, gboolean, p))
        continue;

      cg_dataset_set_row (dataset, row, g_ptr_array_index (timeline->codes, p),
                          g_ptr_array_index (timeline->names, p));
      for (guint j = 0; j < n_cols; j++)
        cg_dataset_set_value (dataset, row, j,
                              resolve_value (timeline, own, link_start, date, p, j, 0));
      row++;
    }

  return dataset;
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const CgChange *x = *(CgChange * const *) a;
  const CgChange *y = *(CgChange * const *) b;
  int by_date = g_strcmp0 (x->since, y->since);

  return by_date != 0 ? by_date : g_strcmp0 (x->indicator, y->indicator);
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
 * Every ITU Member State, and every other country with a profile, sorted by name in the
 * user's language: with its ITU region, whether it has a profile, and how many
 * indicators are known for it today (own or inherited).
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
  g_autoptr(sqlite3_stmt) states = NULL;
  g_autoptr(GHashTable) regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int rc;

  g_return_val_if_fail (CG_IS_STORE (self), NULL);

  dataset = cg_store_load_dataset (self, NULL, error);
  if (dataset == NULL)
    return NULL;

  states = _cg_store_prepare (self, "SELECT code, region_id FROM member_state", error);
  if (states == NULL)
    return NULL;
  while ((rc = sqlite3_step (states)) == SQLITE_ROW)
    g_hash_table_insert (regions, _cg_store_dup_column_text (states, 0),
                         _cg_store_dup_column_text (states, 1));
  if (rc != SQLITE_DONE)
    {
      _cg_store_set_sqlite_error (error, self->db, self->path, rc);
      return NULL;
    }

  list = g_list_store_new (CG_TYPE_COUNTRY);
  for (guint i = 0; i < cg_dataset_get_n_rows (dataset); i++)
    {
      const char *code = cg_dataset_get_code (dataset, i);
      g_autoptr(CgCountry) country = NULL;

      country = cg_country_new_full (code, cg_dataset_get_name (dataset, i),
                                     g_hash_table_lookup (regions, code), TRUE,
                                     cg_dataset_count_values (dataset, i));
      g_list_store_append (list, country);
      g_hash_table_remove (regions, code);
    }

  /* Member States without a profile are listed too, marked as such. */
  {
    GHashTableIter iter;
    gpointer code, region;

    g_hash_table_iter_init (&iter, regions);
    while (g_hash_table_iter_next (&iter, &code, &region))
      {
        g_autoptr(CgCountry) country = cg_country_new_full (code, display_name (code, NULL),
                                                            region, FALSE, 0);
        g_list_store_append (list, country);
      }
  }
  g_list_store_sort (list, compare_countries, NULL);

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * cg_store_list_groups:
 *
 * Returns: (transfer full) (element-type CgGroup): the regional groups with all their
 *   memberships, past and present, sorted by id
 */
GPtrArray *
cg_store_list_groups (CgStore  *self,
                      GError  **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (cg_group_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CgGroup *group = NULL;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (self), NULL);

  stmt = _cg_store_prepare (self, "SELECT g.id, g.kind, g.name, m.code, m.since, m.until, "
                                  "m.suspended FROM grouping g "
                                  "LEFT JOIN membership m ON m.group_id = g.id "
                                  "ORDER BY g.id, m.code", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);

      if (group == NULL || g_strcmp0 (group->id, id) != 0)
        {
          group = g_new0 (CgGroup, 1);
          group->id = g_strdup (id);
          group->kind = _cg_store_dup_column_text (stmt, 1);
          group->name = _cg_store_dup_column_text (stmt, 2);
          group->members = g_ptr_array_new_with_free_func (cg_membership_free);
          g_ptr_array_add (groups, group);
        }
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        {
          CgMembership *membership = g_new0 (CgMembership, 1);

          membership->code = _cg_store_dup_column_text (stmt, 3);
          membership->since = _cg_store_dup_column_text (stmt, 4);
          membership->until = _cg_store_dup_column_text (stmt, 5);
          membership->suspended = _cg_store_dup_column_text (stmt, 6);
          g_ptr_array_add (group->members, membership);
        }
    }
  if (rc != SQLITE_DONE)
    {
      _cg_store_set_sqlite_error (error, self->db, self->path, rc);
      return NULL;
    }

  return g_steal_pointer (&groups);
}

/**
 * cg_store_dup_group_members:
 * @group: a group id (`EAC`)
 * @as_of: (nullable): the date at which membership counts; %NULL for today
 *
 * Returns: (transfer full) (nullable): the codes of the group's members at @as_of, or
 *   %NULL with @error set (%CG_STORE_ERROR_NOT_FOUND) if there is no such group
 */
char **
cg_store_dup_group_members (CgStore     *self,
                            const char  *group,
                            const char  *as_of,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *today = NULL;
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (self), NULL);
  g_return_val_if_fail (group != NULL, NULL);

  if (as_of == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      today = g_date_time_format (now, "%Y-%m-%d");
      as_of = today;
    }

  stmt = _cg_store_prepare (self, "SELECT m.code, m.since, m.until FROM grouping g "
                                  "LEFT JOIN membership m ON m.group_id = g.id "
                                  "WHERE g.id = ? ORDER BY m.code", error);
  if (stmt == NULL)
    return NULL;
  _cg_store_bind_text (stmt, 1, group);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgMembership membership = {
        .code = (char *) sqlite3_column_text (stmt, 0),
        .since = (char *) sqlite3_column_text (stmt, 1),
        .until = (char *) sqlite3_column_text (stmt, 2),
      };

      found = TRUE;
      if (membership.code != NULL && cg_membership_holds_at (&membership, as_of))
        g_strv_builder_add (builder, membership.code);
    }
  if (rc != SQLITE_DONE)
    {
      _cg_store_set_sqlite_error (error, self->db, self->path, rc);
      return NULL;
    }
  if (!found)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                   _("There is no group “%s” (see the list of groups)"), group);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

static void
change_free (gpointer data)
{
  CgChange *change = data;

  g_free (change->indicator);
  g_free (change->since);
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

/**
 * cg_store_list_changes:
 * @code: a country or group code
 * @from: (nullable): changes after this date (exclusive); %NULL for the beginning
 * @to: (nullable): changes up to this date (inclusive); %NULL for no end
 *
 * The changes of the profile's own rules (shipped, imported and the user's saved values)
 * that took effect in the period, by date.
 *
 * Returns: (transfer full) (element-type CgChange): the changes, or %NULL with @error
 */
GPtrArray *
cg_store_list_changes (CgStore     *self,
                       const char  *code,
                       const char  *from,
                       const char  *to,
                       GError     **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (change_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *indicator = NULL;
  g_autofree char *previous = NULL;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  stmt = _cg_store_prepare (self, "SELECT indicator_id, since, text, 0 FROM value "
                                  "WHERE profile_code = ?1 "
                                  "UNION ALL SELECT indicator_id, since, text, 1 FROM edit "
                                  "WHERE profile_code = ?1 AND state = 'saved' "
                                  "ORDER BY 1, 2, 4", error);
  if (stmt == NULL)
    return NULL;
  _cg_store_bind_text (stmt, 1, code);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      const char *since = (const char *) sqlite3_column_text (stmt, 1);
      const char *text = (const char *) sqlite3_column_text (stmt, 2);

      if (g_strcmp0 (indicator, id) != 0)
        {
          g_free (indicator);
          indicator = g_strdup (id);
          g_clear_pointer (&previous, g_free);
        }

      /* An undated value holds from the beginning: it is no change. */
      if (since != NULL && (from == NULL || g_strcmp0 (since, from) > 0) &&
          (to == NULL || g_strcmp0 (since, to) <= 0) && g_strcmp0 (previous, text) != 0)
        {
          CgChange *change = g_new0 (CgChange, 1);

          change->indicator = g_strdup (id);
          change->since = g_strdup (since);
          change->before = g_strdup (previous);
          change->after = g_strdup (text);
          g_ptr_array_add (changes, change);
        }

      g_free (previous);
      previous = g_strdup (text);
    }
  if (rc != SQLITE_DONE)
    {
      _cg_store_set_sqlite_error (error, self->db, self->path, rc);
      return NULL;
    }

  g_ptr_array_sort (changes, compare_changes);
  return g_steal_pointer (&changes);
}

static void
hit_free (gpointer data)
{
  CgSearchHit *hit = data;

  g_free (hit->kind);
  g_free (hit->profile);
  g_free (hit->indicator);
  g_free (hit->snippet);
  g_free (hit);
}

/* Each word the user typed becomes a quoted prefix term: no FTS5 syntax leaks through. */
static char *
make_fts_query (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);
  GString *query = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }
  return g_string_free (query, FALSE);
}

/**
 * cg_store_search:
 * @text: words to look for, in any order; each may be the start of a word
 *
 * Full-text search over indicator labels and help, value notes and source titles.
 *
 * Returns: (transfer full) (element-type CgSearchHit): the best 100 hits, best first,
 *   or %NULL with @error set
 */
GPtrArray *
cg_store_search (CgStore     *self,
                 const char  *text,
                 GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (hit_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *query = NULL;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  query = make_fts_query (text);
  if (*query == '\0')
    return g_steal_pointer (&hits);

  stmt = _cg_store_prepare (self, "SELECT kind, profile, indicator, "
                                  "snippet (search_index, 3, '[', ']', '…', 16) "
                                  "FROM search_index WHERE search_index MATCH ? "
                                  "ORDER BY rank LIMIT 100", error);
  if (stmt == NULL)
    return NULL;
  _cg_store_bind_text (stmt, 1, query);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgSearchHit *hit = g_new0 (CgSearchHit, 1);

      hit->kind = _cg_store_dup_column_text (stmt, 0);
      hit->profile = _cg_store_dup_column_text (stmt, 1);
      hit->indicator = _cg_store_dup_column_text (stmt, 2);
      hit->snippet = _cg_store_dup_column_text (stmt, 3);
      g_ptr_array_add (hits, hit);
    }
  if (rc != SQLITE_DONE)
    {
      _cg_store_set_sqlite_error (error, self->db, self->path, rc);
      return NULL;
    }

  return g_steal_pointer (&hits);
}

static CgValue *
lookup_own_value (CgStore     *self,
                  const char  *code,
                  const char  *indicator,
                  const char  *as_of,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) sources = NULL;
  CgValue *value;
  int rc;

  stmt = _cg_store_prepare (self,
    "SELECT * FROM ("
    "  SELECT text, IFNULL (since, '') AS day, confidence, note, id, 0 AS layer, since "
    "  FROM value WHERE profile_code = ?1 AND indicator_id = ?2 "
    "  AND (since IS NULL OR since <= ?3) "
    "  UNION ALL SELECT text, IFNULL (since, ''), confidence, note, id, 1, since FROM edit "
    "  WHERE profile_code = ?1 AND indicator_id = ?2 AND state = 'saved' "
    "  AND (since IS NULL OR since <= ?3)) "
    "ORDER BY day DESC, layer DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  _cg_store_bind_text (stmt, 1, code);
  _cg_store_bind_text (stmt, 2, indicator);
  _cg_store_bind_text (stmt, 3, as_of);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      _cg_store_set_sqlite_error (error, self->db, self->path, rc);
      return NULL;
    }

  value = g_new0 (CgValue, 1);
  value->indicator = g_strdup (indicator);
  value->text = _cg_store_dup_column_text (stmt, 0);
  value->since = _cg_store_dup_column_text (stmt, 6);
  cg_confidence_from_string ((const char *) sqlite3_column_text (stmt, 2), &value->confidence);
  value->note = _cg_store_dup_column_text (stmt, 3);
  value->number = NAN;
  value->sources = g_ptr_array_new_with_free_func (cg_source_free);

  sources = _cg_store_prepare (self, sqlite3_column_int (stmt, 5) == 0
                                     ? "SELECT title, article, url, date FROM source "
                                       "WHERE value_id = ? ORDER BY position"
                                     : "SELECT title, article, url, date FROM edit_source "
                                       "WHERE edit_id = ? ORDER BY position", error);
  if (sources == NULL)
    {
      cg_value_free (value);
      return NULL;
    }
  sqlite3_bind_int64 (sources, 1, sqlite3_column_int64 (stmt, 4));
  while (sqlite3_step (sources) == SQLITE_ROW)
    cg_value_add_source (value, (const char *) sqlite3_column_text (sources, 0),
                         (const char *) sqlite3_column_text (sources, 1),
                         (const char *) sqlite3_column_text (sources, 2),
                         (const char *) sqlite3_column_text (sources, 3));
  return value;
}

static CgValue *
lookup_value (CgStore     *self,
              const char  *code,
              const char  *indicator,
              const char  *as_of,
              char       **out_from,
              guint        depth,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) parents = NULL;
  GError *local_error = NULL;
  CgValue *value;

  value = lookup_own_value (self, code, indicator, as_of, &local_error);
  if (value != NULL || local_error != NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else if (out_from != NULL)
        *out_from = g_strdup (code);
      return value;
    }
  if (depth > 16)
    return NULL;

  parents = _cg_store_prepare (self, "SELECT parent FROM inheritance WHERE code = ? AND "
                                     "(since IS NULL OR since <= ?) ORDER BY position", error);
  if (parents == NULL)
    return NULL;
  _cg_store_bind_text (parents, 1, code);
  _cg_store_bind_text (parents, 2, as_of);
  while (sqlite3_step (parents) == SQLITE_ROW)
    {
      g_autofree char *parent = _cg_store_dup_column_text (parents, 0);

      value = lookup_value (self, parent, indicator, as_of, out_from, depth + 1, error);
      if (value != NULL || (error != NULL && *error != NULL))
        return value;
    }
  return NULL;
}

/**
 * cg_store_lookup_value:
 * @code: a country or group
 * @indicator: an indicator id
 * @as_of: (nullable): the date; %NULL for today
 * @out_from: (out) (optional) (transfer full): the profile the value comes from: @code,
 *   or the regional profile it is inherited from
 *
 * The value in force, with its sources, as the scoring uses it.
 *
 * Returns: (transfer full) (nullable): the value (free with cg_value_free()), or %NULL
 *   when it is unknown (@error unset) or on error
 */
CgValue *
cg_store_lookup_value (CgStore     *self,
                       const char  *code,
                       const char  *indicator,
                       const char  *as_of,
                       char       **out_from,
                       GError     **error)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (CG_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL && indicator != NULL, NULL);

  if (as_of == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      today = g_date_time_format (now, "%Y-%m-%d");
      as_of = today;
    }
  return lookup_value (self, code, indicator, as_of, out_from, 0, error);
}
