/* cg-profile.h: one country's or regional body's policy profile
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cg-framework.h"

G_BEGIN_DECLS

#define CG_PROFILE_ERROR (cg_profile_error_quark ())

typedef enum
{
  CG_PROFILE_ERROR_PARSE,
  CG_PROFILE_ERROR_INVALID,
  CG_PROFILE_ERROR_FRAMEWORK_MISMATCH,
} CgProfileError;

typedef enum
{
  CG_PROFILE_KIND_COUNTRY,
  CG_PROFILE_KIND_GROUP,
} CgProfileKind;

typedef enum
{
  CG_CONFIDENCE_HIGH,
  CG_CONFIDENCE_MEDIUM,
  CG_CONFIDENCE_UNVERIFIED,
} CgConfidence;

typedef struct
{
  char *title;
  char *article;  /* (nullable) */
  char *url;      /* (nullable) */
  char *date;     /* (nullable) YYYY-MM-DD */
} CgSource;

typedef struct
{
  char         *indicator;   /* indicator id */
  char         *text;        /* as written: level id, yes/no or number */
  double        number;      /* coded, see CgIndicator */
  char         *since;       /* (nullable) YYYY-MM-DD: holds from this date */
  CgConfidence  confidence;
  char         *note;        /* (nullable) */
  GPtrArray    *sources;     /* (element-type CgSource) */
} CgValue;

typedef struct
{
  char *code;
  char *since;  /* (nullable) */
} CgInheritance;

#define CG_TYPE_PROFILE (cg_profile_get_type ())
G_DECLARE_FINAL_TYPE (CgProfile, cg_profile, CG, PROFILE, GObject)

GQuark         cg_profile_error_quark          (void);

CgProfile     *cg_profile_new                  (const char    *code,
                                                CgProfileKind  kind);
CgProfile     *cg_profile_new_from_file        (const char    *path,
                                                CgFramework   *framework,
                                                GError       **error);

const char    *cg_profile_get_code             (CgProfile     *self);
CgProfileKind  cg_profile_get_kind             (CgProfile     *self);
const char    *cg_profile_get_name             (CgProfile     *self);
void           cg_profile_set_name             (CgProfile     *self,
                                                const char    *name);
const char    *cg_profile_get_reviewed         (CgProfile     *self);
void           cg_profile_set_reviewed         (CgProfile     *self,
                                                const char    *reviewed);
const char    *cg_profile_get_note             (CgProfile     *self);
void           cg_profile_set_note             (CgProfile     *self,
                                                const char    *note);
const char    *cg_profile_get_path             (CgProfile     *self);

GPtrArray     *cg_profile_get_inherits         (CgProfile     *self);
void           cg_profile_add_inherits         (CgProfile     *self,
                                                const char    *code,
                                                const char    *since);
GPtrArray     *cg_profile_get_values           (CgProfile     *self);
CgValue       *cg_profile_add_value            (CgProfile     *self,
                                                const char    *indicator,
                                                const char    *text,
                                                double         number,
                                                const char    *since,
                                                CgConfidence   confidence,
                                                const char    *note);
void           cg_value_free                   (gpointer       value);
void           cg_source_free                  (gpointer       source);
void           cg_value_add_source             (CgValue       *value,
                                                const char    *title,
                                                const char    *article,
                                                const char    *url,
                                                const char    *date);

const char    *cg_profile_kind_to_string       (CgProfileKind  kind);
const char    *cg_confidence_to_string         (CgConfidence   confidence);
gboolean       cg_confidence_from_string       (const char    *text,
                                                CgConfidence  *out_confidence);

G_END_DECLS
