/* cg-store-private.h: what the store's modules share
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cg-store.h"

G_BEGIN_DECLS

typedef struct _CgTimeline CgTimeline;

struct _CgStore
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  /* Caches, cleared by every write and when another connection wrote. */
  CgFramework *framework;
  CgTimeline  *timelines[2];  /* without and with drafts */
  gint64       data_version;
};

void          _cg_timeline_free          (CgTimeline    *timeline);

gboolean      _cg_store_set_sqlite_error (GError       **error,
                                          sqlite3       *db,
                                          const char    *path,
                                          int            rc);
gboolean      _cg_store_exec             (CgStore       *self,
                                          const char    *sql,
                                          GError       **error);
sqlite3_stmt *_cg_store_prepare          (CgStore       *self,
                                          const char    *sql,
                                          GError       **error);
void          _cg_store_bind_text        (sqlite3_stmt  *stmt,
                                          int            index,
                                          const char    *text);
gboolean      _cg_store_step_done        (CgStore       *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
char         *_cg_store_dup_column_text  (sqlite3_stmt  *stmt,
                                          int            column);
gboolean      _cg_store_rollback         (CgStore       *self);
gboolean      _cg_store_rebuild_search   (CgStore       *self,
                                          GError       **error);
void          _cg_store_changed          (CgStore       *self);

G_END_DECLS
