/* cg-framework.h: the policy framework (codebook): dimensions and indicators
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <math.h>

G_BEGIN_DECLS

#define CG_FRAMEWORK_ERROR (cg_framework_error_quark ())

/* Weights are relative; bounding them keeps every product of a dimension's and an
 * indicator's weight, and every sum of those, a finite number. */
#define CG_WEIGHT_MAX 1e6
#define CG_WEIGHT_IS_VALID(w) (isfinite (w) && (w) >= 0 && (w) <= CG_WEIGHT_MAX)

typedef enum
{
  CG_FRAMEWORK_ERROR_PARSE,
  CG_FRAMEWORK_ERROR_INVALID,
  CG_FRAMEWORK_ERROR_VALUE,
  CG_FRAMEWORK_ERROR_NO_PRESET,
} CgFrameworkError;

typedef enum
{
  CG_INDICATOR_ORDINAL,
  CG_INDICATOR_NOMINAL,
  CG_INDICATOR_BINARY,
  CG_INDICATOR_ASYMMETRIC_BINARY,
  CG_INDICATOR_NUMERIC,
} CgIndicatorType;

typedef struct
{
  char   *id;
  char   *label;
  char   *help;
  double  weight;
} CgDimension;

/* Read-only for users of the framework. A coded value is a double: the level rank
 * (0 … n_levels − 1) for ordinal and nominal indicators, 0 or 1 for binaries, the
 * number itself for numeric ones. */
typedef struct
{
  char            *id;
  guint            dimension;
  CgIndicatorType  type;
  double           weight;
  char            *label;
  char            *help;
  GPtrArray       *level_ids;     /* (element-type utf8): ordinal and nominal */
  GPtrArray       *level_labels;  /* (element-type utf8) */
  int              polarity;      /* +1: higher is more restrictive, −1: lower is, 0: neither */
  double           min;           /* numeric: declared range */
  double           max;
  char            *unit;
} CgIndicator;

typedef struct
{
  char   *ref;     /* a dimension or indicator id */
  double  value;
} CgPresetWeight;

/* A named set of weights: a way of looking at the data. */
typedef struct
{
  char   *id;
  char   *label;
  char   *help;
  GArray *weights;  /* (element-type CgPresetWeight) */
} CgPreset;

#define CG_TYPE_FRAMEWORK (cg_framework_get_type ())
G_DECLARE_FINAL_TYPE (CgFramework, cg_framework, CG, FRAMEWORK, GObject)

GQuark             cg_framework_error_quark          (void);

CgFramework       *cg_framework_new                  (const char         *id,
                                                      guint               version,
                                                      const char         *date,
                                                      const char         *title);
CgFramework       *cg_framework_new_from_file        (const char         *path,
                                                      GError            **error);
CgFramework       *cg_framework_new_from_bytes       (const char         *display_path,
                                                      GBytes             *bytes,
                                                      GError            **error);

const char        *cg_framework_get_id               (CgFramework        *self);
guint              cg_framework_get_version          (CgFramework        *self);
const char        *cg_framework_get_date             (CgFramework        *self);
const char        *cg_framework_get_title            (CgFramework        *self);
const char        *cg_framework_get_description      (CgFramework        *self);
void               cg_framework_set_description      (CgFramework        *self,
                                                      const char         *description);

guint              cg_framework_get_n_dimensions     (CgFramework        *self);
const CgDimension *cg_framework_get_dimension        (CgFramework        *self,
                                                      guint               index);
int                cg_framework_lookup_dimension     (CgFramework        *self,
                                                      const char         *id);
guint              cg_framework_get_n_indicators     (CgFramework        *self);
const CgIndicator *cg_framework_get_indicator        (CgFramework        *self,
                                                      guint               index);
int                cg_framework_lookup_indicator     (CgFramework        *self,
                                                      const char         *id);

guint              cg_framework_get_n_presets        (CgFramework        *self);
const CgPreset    *cg_framework_get_preset           (CgFramework        *self,
                                                      guint               index);
int                cg_framework_lookup_preset        (CgFramework        *self,
                                                      const char         *id);
gboolean           cg_framework_preset_weights       (CgFramework        *self,
                                                      const char         *preset,
                                                      double             *out_weights,
                                                      GError            **error);

/* Building a framework (the parser and the store use these). */
CgPreset          *cg_framework_add_preset           (CgFramework        *self,
                                                      const char         *id,
                                                      const char         *label,
                                                      const char         *help,
                                                      GError            **error);
void               cg_preset_add_weight              (CgPreset           *preset,
                                                      const char         *ref,
                                                      double              value);
gboolean           cg_framework_add_dimension        (CgFramework        *self,
                                                      const char         *id,
                                                      double              weight,
                                                      const char         *label,
                                                      const char         *help,
                                                      GError            **error);
CgIndicator       *cg_framework_add_indicator        (CgFramework        *self,
                                                      const char         *id,
                                                      guint               dimension,
                                                      CgIndicatorType     type,
                                                      double              weight,
                                                      const char         *label,
                                                      const char         *help,
                                                      GError            **error);
gboolean           cg_indicator_add_level            (CgIndicator        *indicator,
                                                      const char         *id,
                                                      const char         *label,
                                                      GError            **error);

gboolean           cg_indicator_parse_value          (const CgIndicator  *indicator,
                                                      const char         *text,
                                                      double             *out_value,
                                                      GError            **error);
char              *cg_indicator_format_value         (const CgIndicator  *indicator,
                                                      double              value);
const char        *cg_indicator_type_to_string       (CgIndicatorType     type);
gboolean           cg_indicator_type_from_string     (const char         *text,
                                                      CgIndicatorType    *out_type);
double             cg_indicator_restrictiveness      (const CgIndicator  *indicator,
                                                      double              value);

G_END_DECLS
