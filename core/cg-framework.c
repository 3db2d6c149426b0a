/* cg-framework.c: the policy framework (codebook): dimensions and indicators
 *
 * The set of dimensions and indicators is data: the core knows nothing specific to OTT
 * regulation, so a trainer can write another framework and every view works on it.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-framework"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cg-framework.h"
#include "cg-xml-private.h"

struct _CgFramework
{
  GObject     parent_instance;

  char       *id;
  guint       version;
  char       *date;
  char       *title;
  char       *description;
  GPtrArray  *dimensions;   /* (element-type CgDimension) */
  GPtrArray  *indicators;   /* (element-type CgIndicator) */
  GPtrArray  *presets;      /* (element-type CgPreset) */
  GHashTable *indicator_index;  /* id → index + 1 */
};

G_DEFINE_FINAL_TYPE (CgFramework, cg_framework, G_TYPE_OBJECT)

G_DEFINE_QUARK (cg-framework-error-quark, cg_framework_error)

#define SCHEMA_RESOURCE CG_RESOURCE_PREFIX "/schemas/framework.rng"

static const char *type_names[] = {
  [CG_INDICATOR_ORDINAL] = "ordinal",
  [CG_INDICATOR_NOMINAL] = "nominal",
  [CG_INDICATOR_BINARY] = "binary",
  [CG_INDICATOR_ASYMMETRIC_BINARY] = "asymmetric-binary",
  [CG_INDICATOR_NUMERIC] = "numeric",
};

static void
dimension_free (gpointer data)
{
  CgDimension *dimension = data;

  g_free (dimension->id);
  g_free (dimension->label);
  g_free (dimension->help);
  g_free (dimension);
}

static void
indicator_free (gpointer data)
{
  CgIndicator *indicator = data;

  g_free (indicator->id);
  g_free (indicator->label);
  g_free (indicator->help);
  g_free (indicator->unit);
  g_clear_pointer (&indicator->level_ids, g_ptr_array_unref);
  g_clear_pointer (&indicator->level_labels, g_ptr_array_unref);
  g_free (indicator);
}

static void
preset_free (gpointer data)
{
  CgPreset *preset = data;

  g_free (preset->id);
  g_free (preset->label);
  g_free (preset->help);
  for (guint i = 0; i < preset->weights->len; i++)
    g_free (g_array_index (preset->weights, CgPresetWeight, i).ref);
  g_array_unref (preset->weights);
  g_free (preset);
}

static void
cg_framework_finalize (GObject *object)
{
  CgFramework *self = CG_FRAMEWORK (object);

  g_free (self->id);
  g_free (self->date);
  g_free (self->title);
  g_free (self->description);
  g_ptr_array_unref (self->dimensions);
  g_ptr_array_unref (self->indicators);
  g_ptr_array_unref (self->presets);
  g_hash_table_unref (self->indicator_index);

  G_OBJECT_CLASS (cg_framework_parent_class)->finalize (object);
}

static void
cg_framework_class_init (CgFrameworkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_framework_finalize;
}

static void
cg_framework_init (CgFramework *self)
{
  self->dimensions = g_ptr_array_new_with_free_func (dimension_free);
  self->indicators = g_ptr_array_new_with_free_func (indicator_free);
  self->presets = g_ptr_array_new_with_free_func (preset_free);
  self->indicator_index = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * cg_framework_new:
 * @id: the framework's identifier (`ott`)
 * @version: its version; profiles name the version they were coded against
 * @date: (nullable): the date of this version, `YYYY-MM-DD`
 * @title: a human-readable title
 *
 * Creates an empty framework; add dimensions and indicators to it.
 *
 * Returns: (transfer full): a new framework
 */
CgFramework *
cg_framework_new (const char *id,
                  guint       version,
                  const char *date,
                  const char *title)
{
  CgFramework *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (CG_TYPE_FRAMEWORK, NULL);
  self->id = g_strdup (id);
  self->version = version;
  self->date = g_strdup (date);
  self->title = g_strdup (title);

  return self;
}

const char *
cg_framework_get_id (CgFramework *self)
{
  g_return_val_if_fail (CG_IS_FRAMEWORK (self), NULL);
  return self->id;
}

guint
cg_framework_get_version (CgFramework *self)
{
  g_return_val_if_fail (CG_IS_FRAMEWORK (self), 0);
  return self->version;
}

const char *
cg_framework_get_date (CgFramework *self)
{
  g_return_val_if_fail (CG_IS_FRAMEWORK (self), NULL);
  return self->date;
}

const char *
cg_framework_get_title (CgFramework *self)
{
  g_return_val_if_fail (CG_IS_FRAMEWORK (self), NULL);
  return self->title;
}

const char *
cg_framework_get_description (CgFramework *self)
{
  g_return_val_if_fail (CG_IS_FRAMEWORK (self), NULL);
  return self->description;
}

void
cg_framework_set_description (CgFramework *self,
                              const char  *description)
{
  g_return_if_fail (CG_IS_FRAMEWORK (self));

  g_free (self->description);
  self->description = g_strdup (description);
}

guint
cg_framework_get_n_dimensions (CgFramework *self)
{
  g_return_val_if_fail (CG_IS_FRAMEWORK (self), 0);
  return self->dimensions->len;
}

/**
 * cg_framework_get_dimension:
 *
 * Returns: (transfer none): the dimension at @index
 */
const CgDimension *
cg_framework_get_dimension (CgFramework *self,
                            guint        index)
{
  g_return_val_if_fail (CG_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (index < self->dimensions->len, NULL);
  return g_ptr_array_index (self->dimensions, index);
}

/**
 * cg_framework_lookup_dimension:
 *
 * Returns: the index of the dimension @id, or -1
 */
int
cg_framework_lookup_dimension (CgFramework *self,
                               const char  *id)
{
  g_return_val_if_fail (CG_IS_FRAMEWORK (self), -1);

  for (guint i = 0; i < self->dimensions->len; i++)
    {
      const CgDimension *dimension = g_ptr_array_index (self->dimensions, i);
      if (g_strcmp0 (dimension->id, id) == 0)
        return (int) i;
    }
  return -1;
}

guint
cg_framework_get_n_indicators (CgFramework *self)
{
  g_return_val_if_fail (CG_IS_FRAMEWORK (self), 0);
  return self->indicators->len;
}

/**
 * cg_framework_get_indicator:
 *
 * Returns: (transfer none): the indicator at @index, in framework order
 */
const CgIndicator *
cg_framework_get_indicator (CgFramework *self,
                            guint        index)
{
  g_return_val_if_fail (CG_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (index < self->indicators->len, NULL);
  return g_ptr_array_index (self->indicators, index);
}

/**
 * cg_framework_lookup_indicator:
 *
 * Returns: the index of the indicator @id, or -1
 */
int
cg_framework_lookup_indicator (CgFramework *self,
                               const char  *id)
{
  g_return_val_if_fail (CG_IS_FRAMEWORK (self), -1);

  if (id == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (self->indicator_index, id)) - 1;
}

guint
cg_framework_get_n_presets (CgFramework *self)
{
  g_return_val_if_fail (CG_IS_FRAMEWORK (self), 0);
  return self->presets->len;
}

/**
 * cg_framework_get_preset:
 *
 * Returns: (transfer none): the weights preset at @index
 */
const CgPreset *
cg_framework_get_preset (CgFramework *self,
                         guint        index)
{
  g_return_val_if_fail (CG_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (index < self->presets->len, NULL);
  return g_ptr_array_index (self->presets, index);
}

/**
 * cg_framework_lookup_preset:
 *
 * Returns: the index of the preset @id, or -1
 */
int
cg_framework_lookup_preset (CgFramework *self,
                            const char  *id)
{
  g_return_val_if_fail (CG_IS_FRAMEWORK (self), -1);

  for (guint i = 0; i < self->presets->len; i++)
    {
      const CgPreset *preset = g_ptr_array_index (self->presets, i);
      if (g_strcmp0 (preset->id, id) == 0)
        return (int) i;
    }
  return -1;
}

/**
 * cg_framework_add_preset:
 *
 * Returns: (transfer none) (nullable): the new preset, to add weights to, or %NULL with
 *   @error set if @id is taken
 */
CgPreset *
cg_framework_add_preset (CgFramework  *self,
                         const char   *id,
                         const char   *label,
                         const char   *help,
                         GError      **error)
{
  CgPreset *preset;

  g_return_val_if_fail (CG_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (cg_framework_lookup_preset (self, id) >= 0)
    {
      g_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_INVALID,
                   _("weights preset “%s” is defined twice"), id);
      return NULL;
    }

  preset = g_new0 (CgPreset, 1);
  preset->id = g_strdup (id);
  preset->label = g_strdup (label != NULL ? label : id);
  preset->help = g_strdup (help);
  preset->weights = g_array_new (FALSE, FALSE, sizeof (CgPresetWeight));
  g_ptr_array_add (self->presets, preset);
  return preset;
}

void
cg_preset_add_weight (CgPreset   *preset,
                      const char *ref,
                      double      value)
{
  CgPresetWeight weight = { g_strdup (ref), value };

  g_return_if_fail (preset != NULL);
  g_array_append_val (preset->weights, weight);
}

/**
 * cg_framework_preset_weights:
 * @preset: (nullable): a preset id; %NULL for the framework's own weights
 * @out_weights: (out caller-allocates) (array): one effective weight per indicator:
 *   dimension weight × indicator weight, each from the preset where it names them
 *
 * Returns: %TRUE, or %FALSE with @error set (%CG_FRAMEWORK_ERROR_NO_PRESET)
 */
gboolean
cg_framework_preset_weights (CgFramework  *self,
                             const char   *preset,
                             double       *out_weights,
                             GError      **error)
{
  g_autofree double *dims = NULL;
  const CgPreset *p = NULL;

  g_return_val_if_fail (CG_IS_FRAMEWORK (self), FALSE);
  g_return_val_if_fail (out_weights != NULL, FALSE);

  if (preset != NULL)
    {
      int index = cg_framework_lookup_preset (self, preset);

      if (index < 0)
        {
          g_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_NO_PRESET,
                       _("There is no weights preset “%s” in framework “%s”"), preset,
                       self->id);
          return FALSE;
        }
      p = g_ptr_array_index (self->presets, index);
    }

  dims = g_new (double, MAX (self->dimensions->len, 1));
  for (guint d = 0; d < self->dimensions->len; d++)
    dims[d] = ((CgDimension *) g_ptr_array_index (self->dimensions, d))->weight;
  for (guint j = 0; j < self->indicators->len; j++)
    out_weights[j] = ((CgIndicator *) g_ptr_array_index (self->indicators, j))->weight;

  for (guint w = 0; p != NULL && w < p->weights->len; w++)
    {
      const CgPresetWeight *weight = &g_array_index (p->weights, CgPresetWeight, w);
      int index;

      if ((index = cg_framework_lookup_dimension (self, weight->ref)) >= 0)
        dims[index] = weight->value;
      else if ((index = cg_framework_lookup_indicator (self, weight->ref)) >= 0)
        out_weights[index] = weight->value;
    }

  for (guint j = 0; j < self->indicators->len; j++)
    out_weights[j] *= dims[((CgIndicator *) g_ptr_array_index (self->indicators, j))->dimension];

  return TRUE;
}

/**
 * cg_framework_add_dimension:
 *
 * Returns: %TRUE, or %FALSE with @error set if @id is taken or @weight is invalid
 */
gboolean
cg_framework_add_dimension (CgFramework  *self,
                            const char   *id,
                            double        weight,
                            const char   *label,
                            const char   *help,
                            GError      **error)
{
  CgDimension *dimension;

  g_return_val_if_fail (CG_IS_FRAMEWORK (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (cg_framework_lookup_dimension (self, id) >= 0)
    {
      g_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_INVALID,
                   _("dimension “%s” is defined twice"), id);
      return FALSE;
    }

  if (!CG_WEIGHT_IS_VALID (weight))
    {
      g_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_INVALID,
                   _("dimension “%s” has a negative or invalid weight"), id);
      return FALSE;
    }

  dimension = g_new0 (CgDimension, 1);
  dimension->id = g_strdup (id);
  dimension->weight = weight;
  dimension->label = g_strdup (label != NULL ? label : id);
  dimension->help = g_strdup (help);
  g_ptr_array_add (self->dimensions, dimension);

  return TRUE;
}

/**
 * cg_framework_add_indicator:
 *
 * Adds an indicator; add levels to ordinal and nominal ones, and set the range of
 * numeric ones, through the returned pointer.
 *
 * Returns: (transfer none) (nullable): the new indicator, or %NULL with @error set
 */
CgIndicator *
cg_framework_add_indicator (CgFramework      *self,
                            const char       *id,
                            guint             dimension,
                            CgIndicatorType   type,
                            double            weight,
                            const char       *label,
                            const char       *help,
                            GError          **error)
{
  CgIndicator *indicator;

  g_return_val_if_fail (CG_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (dimension < self->dimensions->len, NULL);
  g_return_val_if_fail (type <= CG_INDICATOR_NUMERIC, NULL);

  if (cg_framework_lookup_indicator (self, id) >= 0)
    {
      g_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_INVALID,
                   _("indicator “%s” is defined twice"), id);
      return NULL;
    }

  if (!CG_WEIGHT_IS_VALID (weight))
    {
      g_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_INVALID,
                   _("indicator “%s” has a negative or invalid weight"), id);
      return NULL;
    }

  indicator = g_new0 (CgIndicator, 1);
  indicator->id = g_strdup (id);
  indicator->dimension = dimension;
  indicator->type = type;
  indicator->weight = weight;
  indicator->label = g_strdup (label != NULL ? label : id);
  indicator->help = g_strdup (help);
  indicator->level_ids = g_ptr_array_new_with_free_func (g_free);
  indicator->level_labels = g_ptr_array_new_with_free_func (g_free);
  indicator->min = 0;
  indicator->max = 1;
  g_ptr_array_add (self->indicators, indicator);
  g_hash_table_insert (self->indicator_index, indicator->id,
                       GUINT_TO_POINTER (self->indicators->len));

  return indicator;
}

/**
 * cg_indicator_add_level:
 *
 * Appends a level; for ordinal indicators levels go from the first to the last rank.
 *
 * Returns: %TRUE, or %FALSE with @error set if the level id is taken
 */
gboolean
cg_indicator_add_level (CgIndicator  *indicator,
                        const char   *id,
                        const char   *label,
                        GError      **error)
{
  g_return_val_if_fail (indicator != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < indicator->level_ids->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (indicator->level_ids, i), id))
        {
          g_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_INVALID,
                       _("indicator “%s” has the level “%s” twice"), indicator->id, id);
          return FALSE;
        }
    }

  g_ptr_array_add (indicator->level_ids, g_strdup (id));
  g_ptr_array_add (indicator->level_labels, g_strdup (label != NULL ? label : id));
  indicator->min = 0;
  indicator->max = MAX (indicator->level_ids->len, 2) - 1;

  return TRUE;
}

const char *
cg_indicator_type_to_string (CgIndicatorType type)
{
  g_return_val_if_fail (type <= CG_INDICATOR_NUMERIC, NULL);
  return type_names[type];
}

gboolean
cg_indicator_type_from_string (const char      *text,
                               CgIndicatorType *out_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    {
      if (g_strcmp0 (type_names[i], text) == 0)
        {
          *out_type = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * cg_indicator_parse_value:
 * @text: a level id, `yes`/`no`, or a number with `.` decimals
 * @out_value: (out): the coded value
 *
 * Returns: %TRUE, or %FALSE with @error set (%CG_FRAMEWORK_ERROR_VALUE) when @text
 *   is not one of the indicator's levels or lies outside its declared range
 */
gboolean
cg_indicator_parse_value (const CgIndicator  *indicator,
                          const char         *text,
                          double             *out_value,
                          GError            **error)
{
  g_return_val_if_fail (indicator != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  switch (indicator->type)
    {
    case CG_INDICATOR_ORDINAL:
    case CG_INDICATOR_NOMINAL:
      for (guint i = 0; i < indicator->level_ids->len; i++)
        {
          if (g_str_equal (g_ptr_array_index (indicator->level_ids, i), text))
            {
              *out_value = i;
              return TRUE;
            }
        }
      {
        g_autoptr(GString) expected = g_string_new (NULL);

        for (guint i = 0; i < indicator->level_ids->len; i++)
          {
            if (i > 0)
              g_string_append (expected, ", ");
            g_string_append (expected, g_ptr_array_index (indicator->level_ids, i));
          }
        g_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_VALUE,
                     /* Translators: the last placeholder is a list of level names */
                     _("“%s” is not a level of indicator “%s” (expected one of: %s)"),
                     text, indicator->id, expected->str);
      }
      return FALSE;

    case CG_INDICATOR_BINARY:
    case CG_INDICATOR_ASYMMETRIC_BINARY:
      if (g_str_equal (text, "yes"))
        *out_value = 1;
      else if (g_str_equal (text, "no"))
        *out_value = 0;
      else
        {
          g_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_VALUE,
                       _("“%s” is not a value of indicator “%s” (expected “yes” or “no”)"),
                       text, indicator->id);
          return FALSE;
        }
      return TRUE;

    case CG_INDICATOR_NUMERIC:
      {
        char *end = NULL;
        double value = g_ascii_strtod (text, &end);

        if (end == text || *end != '\0' || !isfinite (value))
          {
            g_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_VALUE,
                         _("“%s” is not a number (indicator “%s”)"), text, indicator->id);
            return FALSE;
          }
        if (value < indicator->min || value > indicator->max)
          {
            g_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_VALUE,
                         _("%s is outside the range of indicator “%s” (%g to %g)"),
                         text, indicator->id, indicator->min, indicator->max);
            return FALSE;
          }
        *out_value = value;
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

/**
 * cg_indicator_format_value:
 *
 * The inverse of cg_indicator_parse_value().
 *
 * Returns: (transfer full): the value as it is written in a profile
 */
char *
cg_indicator_format_value (const CgIndicator *indicator,
                           double             value)
{
  g_return_val_if_fail (indicator != NULL, NULL);

  switch (indicator->type)
    {
    case CG_INDICATOR_ORDINAL:
    case CG_INDICATOR_NOMINAL:
      {
        guint rank = (guint) value;
        g_return_val_if_fail (value >= 0 && rank < indicator->level_ids->len, NULL);
        return g_strdup (g_ptr_array_index (indicator->level_ids, rank));
      }
    case CG_INDICATOR_BINARY:
    case CG_INDICATOR_ASYMMETRIC_BINARY:
      return g_strdup (value != 0 ? "yes" : "no");
    case CG_INDICATOR_NUMERIC:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
      }
    default:
      g_assert_not_reached ();
    }
}

/**
 * cg_indicator_restrictiveness:
 *
 * Where @value lies between the most open (0) and the most restrictive (1) position
 * the indicator allows, by its polarity.
 *
 * Returns: a number in 0..1, or NAN when the indicator has no polarity
 */
double
cg_indicator_restrictiveness (const CgIndicator *indicator,
                              double             value)
{
  double position;

  g_return_val_if_fail (indicator != NULL, NAN);

  if (indicator->polarity == 0 || indicator->max <= indicator->min || isnan (value))
    return NAN;

  position = (value - indicator->min) / (indicator->max - indicator->min);
  position = CLAMP (position, 0.0, 1.0);

  return indicator->polarity > 0 ? position : 1.0 - position;
}

static gboolean
parse_weight (CgXmlFile   *file,
              xmlNode     *node,
              double      *out_weight,
              GError     **error)
{
  g_autofree char *text = _cg_xml_get_prop (node, "weight");
  char *end = NULL;

  *out_weight = 1.0;
  if (text == NULL)
    return TRUE;

  *out_weight = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !CG_WEIGHT_IS_VALID (*out_weight))
    {
      _cg_xml_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_INVALID, file, node,
                         "weight=", _("the weight “%s” is not a number from 0 to 1000000"), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_levels (CgFramework  *self,
              CgXmlFile    *file,
              xmlNode      *levels_node,
              CgIndicator  *indicator,
              GError      **error)
{
  g_autofree char *polarity = _cg_xml_get_prop (levels_node, "polarity");

  if (indicator->type == CG_INDICATOR_ORDINAL)
    indicator->polarity = g_strcmp0 (polarity, "descending") == 0 ? -1 : 1;

  for (xmlNode *level = levels_node->children; level != NULL; level = level->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!_cg_xml_is_element (level, "level"))
        continue;

      id = _cg_xml_get_prop (level, "id");
      label = _cg_xml_child_text (level, "label");
      if (!cg_indicator_add_level (indicator, id, label, &local_error))
        {
          _cg_xml_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_INVALID, file, level,
                             NULL, "%s", local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
parse_indicator (CgFramework  *self,
                 CgXmlFile    *file,
                 xmlNode      *node,
                 guint         dimension,
                 GError      **error)
{
  g_autofree char *id = _cg_xml_get_prop (node, "id");
  g_autofree char *type_text = _cg_xml_get_prop (node, "type");
  g_autofree char *label = _cg_xml_child_text (node, "label");
  g_autofree char *help = _cg_xml_child_text (node, "help");
  g_autoptr(GError) local_error = NULL;
  CgIndicatorType type;
  CgIndicator *indicator;
  double weight;

  if (!cg_indicator_type_from_string (type_text, &type))
    {
      /* The schema admits only known types; this is a second line of defence. */
      _cg_xml_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_INVALID, file, node,
                         "type=", _("unknown indicator type “%s”"),
                         type_text != NULL ? type_text : "");
      return FALSE;
    }

  if (!parse_weight (file, node, &weight, error))
    return FALSE;

  indicator = cg_framework_add_indicator (self, id, dimension, type, weight, label, help,
                                          &local_error);
  if (indicator == NULL)
    {
      _cg_xml_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_INVALID, file, node,
                         NULL, "%s", local_error->message);
      return FALSE;
    }

  switch (type)
    {
    case CG_INDICATOR_ORDINAL:
    case CG_INDICATOR_NOMINAL:
      for (xmlNode *child = node->children; child != NULL; child = child->next)
        {
          if (_cg_xml_is_element (child, "levels") &&
              !parse_levels (self, file, child, indicator, error))
            return FALSE;
        }
      break;

    case CG_INDICATOR_BINARY:
    case CG_INDICATOR_ASYMMETRIC_BINARY:
      {
        g_autofree char *restrictive = _cg_xml_get_prop (node, "restrictive");

        indicator->min = 0;
        indicator->max = 1;
        if (restrictive != NULL)
          indicator->polarity = g_str_equal (restrictive, "yes") ? 1 : -1;
      }
      break;

    case CG_INDICATOR_NUMERIC:
      {
        g_autofree char *min = _cg_xml_get_prop (node, "min");
        g_autofree char *max = _cg_xml_get_prop (node, "max");
        g_autofree char *polarity = _cg_xml_get_prop (node, "polarity");

        indicator->min = g_ascii_strtod (min, NULL);
        indicator->max = g_ascii_strtod (max, NULL);
        indicator->unit = _cg_xml_get_prop (node, "unit");
        if (polarity != NULL)
          indicator->polarity = g_str_equal (polarity, "ascending") ? 1 : -1;

        if (!isfinite (indicator->min) || !isfinite (indicator->max) ||
            !(indicator->max > indicator->min))
          {
            _cg_xml_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_INVALID, file,
                               node, "min=",
                               _("indicator “%s”: the range %s to %s is empty or invalid"),
                               id, min, max);
            return FALSE;
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static CgFramework *
framework_from_xml (CgXmlFile  *file,
                    GError    **error)
{
  xmlNode *root = xmlDocGetRootElement (file->doc);
  g_autofree char *id = _cg_xml_get_prop (root, "id");
  g_autofree char *version = _cg_xml_get_prop (root, "version");
  g_autofree char *date = _cg_xml_get_prop (root, "date");
  g_autofree char *title = _cg_xml_child_text (root, "title");
  g_autofree char *description = _cg_xml_child_text (root, "description");
  g_autoptr(CgFramework) self = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  guint64 version_number = g_ascii_strtoull (version, NULL, 10);

  if (version_number == 0 || version_number > G_MAXUINT)
    {
      _cg_xml_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_INVALID, file, root,
                         "version=", _("the framework version “%s” is out of range"), version);
      return NULL;
    }

  self = cg_framework_new (id, (guint) version_number, date, title);
  cg_framework_set_description (self, description);
  pending = g_ptr_array_new ();

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *preset_id = NULL;
      g_autofree char *preset_label = NULL;
      g_autofree char *preset_help = NULL;
      g_autoptr(GError) local_error = NULL;
      CgPreset *preset;

      if (!_cg_xml_is_element (node, "preset"))
        continue;

      preset_id = _cg_xml_get_prop (node, "id");
      preset_label = _cg_xml_child_text (node, "label");
      preset_help = _cg_xml_child_text (node, "help");
      preset = cg_framework_add_preset (self, preset_id, preset_label, preset_help,
                                        &local_error);
      if (preset == NULL)
        {
          _cg_xml_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_INVALID, file, node,
                             NULL, "%s", local_error->message);
          return NULL;
        }
      for (xmlNode *child = node->children; child != NULL; child = child->next)
        {
          g_autofree char *ref = NULL;
          g_autofree char *value = NULL;
          char *end = NULL;
          double weight;

          if (!_cg_xml_is_element (child, "weight"))
            continue;
          ref = _cg_xml_get_prop (child, "ref");
          value = _cg_xml_get_prop (child, "value");
          weight = g_ascii_strtod (value, &end);
          if (end == value || *end != '\0' || !CG_WEIGHT_IS_VALID (weight))
            {
              _cg_xml_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_INVALID, file,
                                 child, "value=",
                                 _("the weight “%s” is not a number from 0 to 1000000"), value);
              return NULL;
            }
          cg_preset_add_weight (preset, ref, weight);
          /* Checked against the dimensions and indicators once they are read. */
          g_ptr_array_add (pending, child);
        }
    }

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *dimension_id = NULL;
      g_autofree char *label = NULL;
      g_autofree char *help = NULL;
      g_autoptr(GError) local_error = NULL;
      double weight;

      if (!_cg_xml_is_element (node, "dimension"))
        continue;

      dimension_id = _cg_xml_get_prop (node, "id");
      label = _cg_xml_child_text (node, "label");
      help = _cg_xml_child_text (node, "help");

      if (!parse_weight (file, node, &weight, error))
        return NULL;

      if (!cg_framework_add_dimension (self, dimension_id, weight, label, help, &local_error))
        {
          _cg_xml_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_INVALID, file, node,
                             NULL, "%s", local_error->message);
          return NULL;
        }

      for (xmlNode *child = node->children; child != NULL; child = child->next)
        {
          if (_cg_xml_is_element (child, "indicator") &&
              !parse_indicator (self, file, child, self->dimensions->len - 1, error))
            return NULL;
        }
    }

  for (guint i = 0; i < pending->len; i++)
    {
      xmlNode *node = g_ptr_array_index (pending, i);
      g_autofree char *ref = _cg_xml_get_prop (node, "ref");

      if (cg_framework_lookup_dimension (self, ref) < 0 &&
          cg_framework_lookup_indicator (self, ref) < 0)
        {
          _cg_xml_set_error (error, CG_FRAMEWORK_ERROR, CG_FRAMEWORK_ERROR_INVALID, file, node,
                             "ref=", _("“%s” is neither a dimension nor an indicator"), ref);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

/**
 * cg_framework_new_from_file:
 * @path: a framework XML file
 *
 * Reads and validates a framework file against the framework schema.
 *
 * Returns: (transfer full) (nullable): the framework, or %NULL with @error set to a
 *   message of the form `FILE:LINE:COLUMN: what is wrong`
 */
CgFramework *
cg_framework_new_from_file (const char  *path,
                            GError     **error)
{
  g_autoptr(CgXmlFile) file = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = _cg_xml_file_load (path, SCHEMA_RESOURCE, CG_FRAMEWORK_ERROR,
                            CG_FRAMEWORK_ERROR_PARSE, error);
  if (file == NULL)
    return NULL;

  return framework_from_xml (file, error);
}

/**
 * cg_framework_new_from_bytes:
 * @display_path: the name used in messages
 * @bytes: the contents of a framework XML file
 *
 * Returns: (transfer full) (nullable): the framework, or %NULL with @error set
 */
CgFramework *
cg_framework_new_from_bytes (const char  *display_path,
                             GBytes      *bytes,
                             GError     **error)
{
  g_autoptr(CgXmlFile) file = NULL;

  g_return_val_if_fail (display_path != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  file = _cg_xml_file_load_bytes (display_path, bytes, SCHEMA_RESOURCE, CG_FRAMEWORK_ERROR,
                                  CG_FRAMEWORK_ERROR_PARSE, error);
  if (file == NULL)
    return NULL;

  return framework_from_xml (file, error);
}
