/* cg-store.h: the local SQLite database of frameworks and profiles
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cg-dataset.h"
#include "cg-framework.h"
#include "cg-profile.h"

G_BEGIN_DECLS

#define CG_STORE_ERROR (cg_store_error_quark ())

typedef enum
{
  CG_STORE_ERROR_SQLITE,
  CG_STORE_ERROR_CORRUPT,
  CG_STORE_ERROR_TOO_NEW,
  CG_STORE_ERROR_NO_FRAMEWORK,
  CG_STORE_ERROR_NOT_FOUND,
  CG_STORE_ERROR_INHERITANCE,
  CG_STORE_ERROR_DUPLICATE,
} CgStoreError;

typedef enum
{
  CG_DATASET_DEFAULT = 0,
  CG_DATASET_WITH_DRAFTS = 1 << 0,
} CgDatasetFlags;

/* One change of a country's rules: what held before a date and what holds from it. */
typedef struct
{
  char *indicator;
  char *since;
  char *before;  /* (nullable): the value's text before, NULL if none was known */
  char *after;
} CgChange;

typedef struct
{
  char *kind;       /* "indicator", "note", "source" or "profile" */
  char *profile;    /* (nullable) */
  char *indicator;  /* (nullable) */
  char *snippet;    /* the matching text, matches within [ ] */
} CgSearchHit;

#define CG_TYPE_STORE (cg_store_get_type ())
G_DECLARE_FINAL_TYPE (CgStore, cg_store, CG, STORE, GObject)

GQuark       cg_store_error_quark        (void);

char        *cg_store_dup_default_path   (void);
char        *cg_store_dup_shipped_dir    (void);

CgStore     *cg_store_open               (const char          *path,
                                          GError             **error);
CgStore     *cg_store_open_default       (GError             **error);
const char  *cg_store_get_path           (CgStore             *self);

gboolean     cg_store_sync_shipped       (CgStore             *self,
                                          const char          *policies_dir,
                                          gboolean            *out_imported,
                                          GError             **error);
gboolean     cg_store_import_files       (CgStore             *self,
                                          const char * const  *paths,
                                          guint               *out_n_profiles,
                                          GError             **error);

CgFramework *cg_store_load_framework     (CgStore             *self,
                                          GError             **error);
CgDataset   *cg_store_load_dataset       (CgStore             *self,
                                          const char          *as_of,
                                          GError             **error);
CgDataset   *cg_store_load_dataset_full  (CgStore             *self,
                                          const char          *as_of,
                                          CgDatasetFlags       flags,
                                          GError             **error);
GPtrArray   *cg_store_list_groups        (CgStore             *self,
                                          GError             **error);
char       **cg_store_dup_group_members  (CgStore             *self,
                                          const char          *group,
                                          const char          *as_of,
                                          GError             **error);
GPtrArray   *cg_store_list_changes       (CgStore             *self,
                                          const char          *code,
                                          const char          *from,
                                          const char          *to,
                                          GError             **error);
CgValue     *cg_store_lookup_value       (CgStore             *self,
                                          const char          *code,
                                          const char          *indicator,
                                          const char          *as_of,
                                          char               **out_from,
                                          GError             **error);
GPtrArray   *cg_store_search             (CgStore             *self,
                                          const char          *text,
                                          GError             **error);

gboolean     cg_store_save_edit          (CgStore             *self,
                                          const char          *code,
                                          const CgValue       *value,
                                          gboolean             draft,
                                          GError             **error);
gboolean     cg_store_keep_drafts        (CgStore             *self,
                                          const char          *code,
                                          GError             **error);
gboolean     cg_store_discard_drafts     (CgStore             *self,
                                          const char          *code,
                                          GError             **error);
gboolean     cg_store_export_profile     (CgStore             *self,
                                          const char          *code,
                                          const char          *path,
                                          gboolean             replace,
                                          GError             **error);
GListModel  *cg_store_list_countries     (CgStore             *self,
                                          GError             **error);

G_END_DECLS
