/* cg-profile.c: one country's or regional body's policy profile
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-profile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-profile.h"
#include "cg-xml-private.h"

struct _CgProfile
{
  GObject        parent_instance;

  char          *code;
  CgProfileKind  kind;
  char          *name;
  char          *reviewed;
  char          *note;
  char          *path;
  GPtrArray     *inherits;  /* (element-type CgInheritance) */
  GPtrArray     *values;    /* (element-type CgValue) */
};

G_DEFINE_FINAL_TYPE (CgProfile, cg_profile, G_TYPE_OBJECT)

G_DEFINE_QUARK (cg-profile-error-quark, cg_profile_error)

#define SCHEMA_RESOURCE CG_RESOURCE_PREFIX "/schemas/profile.rng"

void
cg_source_free (gpointer data)
{
  CgSource *source = data;

  g_free (source->title);
  g_free (source->article);
  g_free (source->url);
  g_free (source->date);
  g_free (source);
}

/**
 * cg_value_free:
 *
 * Frees a value made by the store (values in a profile belong to it).
 */
void
cg_value_free (gpointer data)
{
  CgValue *value = data;

  if (value == NULL)
    return;

  g_free (value->indicator);
  g_free (value->text);
  g_free (value->since);
  g_free (value->note);
  g_ptr_array_unref (value->sources);
  g_free (value);
}

static void
inheritance_free (gpointer data)
{
  CgInheritance *inheritance = data;

  g_free (inheritance->code);
  g_free (inheritance->since);
  g_free (inheritance);
}

static void
cg_profile_finalize (GObject *object)
{
  CgProfile *self = CG_PROFILE (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->reviewed);
  g_free (self->note);
  g_free (self->path);
  g_ptr_array_unref (self->inherits);
  g_ptr_array_unref (self->values);

  G_OBJECT_CLASS (cg_profile_parent_class)->finalize (object);
}

static void
cg_profile_class_init (CgProfileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_profile_finalize;
}

static void
cg_profile_init (CgProfile *self)
{
  self->inherits = g_ptr_array_new_with_free_func (inheritance_free);
  self->values = g_ptr_array_new_with_free_func (cg_value_free);
}

/**
 * cg_profile_new:
 * @code: an ISO 3166-1 alpha-2 code or the short name of a regional body
 *
 * Returns: (transfer full): an empty profile
 */
CgProfile *
cg_profile_new (const char    *code,
                CgProfileKind  kind)
{
  CgProfile *self;

  g_return_val_if_fail (code != NULL, NULL);

  self = g_object_new (CG_TYPE_PROFILE, NULL);
  self->code = g_strdup (code);
  self->kind = kind;

  return self;
}

const char *
cg_profile_get_code (CgProfile *self)
{
  g_return_val_if_fail (CG_IS_PROFILE (self), NULL);
  return self->code;
}

CgProfileKind
cg_profile_get_kind (CgProfile *self)
{
  g_return_val_if_fail (CG_IS_PROFILE (self), CG_PROFILE_KIND_COUNTRY);
  return self->kind;
}

const char *
cg_profile_get_name (CgProfile *self)
{
  g_return_val_if_fail (CG_IS_PROFILE (self), NULL);
  return self->name;
}

void
cg_profile_set_name (CgProfile  *self,
                     const char *name)
{
  g_return_if_fail (CG_IS_PROFILE (self));
  g_free (self->name);
  self->name = g_strdup (name);
}

const char *
cg_profile_get_reviewed (CgProfile *self)
{
  g_return_val_if_fail (CG_IS_PROFILE (self), NULL);
  return self->reviewed;
}

void
cg_profile_set_reviewed (CgProfile  *self,
                         const char *reviewed)
{
  g_return_if_fail (CG_IS_PROFILE (self));
  g_free (self->reviewed);
  self->reviewed = g_strdup (reviewed);
}

const char *
cg_profile_get_note (CgProfile *self)
{
  g_return_val_if_fail (CG_IS_PROFILE (self), NULL);
  return self->note;
}

void
cg_profile_set_note (CgProfile  *self,
                     const char *note)
{
  g_return_if_fail (CG_IS_PROFILE (self));
  g_free (self->note);
  self->note = g_strdup (note);
}

/**
 * cg_profile_get_path:
 *
 * Returns: (nullable): the file the profile was read from
 */
const char *
cg_profile_get_path (CgProfile *self)
{
  g_return_val_if_fail (CG_IS_PROFILE (self), NULL);
  return self->path;
}

/**
 * cg_profile_get_inherits:
 *
 * Returns: (transfer none) (element-type CgInheritance): the profiles this one
 *   inherits values from, in order of precedence
 */
GPtrArray *
cg_profile_get_inherits (CgProfile *self)
{
  g_return_val_if_fail (CG_IS_PROFILE (self), NULL);
  return self->inherits;
}

void
cg_profile_add_inherits (CgProfile  *self,
                         const char *code,
                         const char *since)
{
  CgInheritance *inheritance;

  g_return_if_fail (CG_IS_PROFILE (self));
  g_return_if_fail (code != NULL);

  inheritance = g_new0 (CgInheritance, 1);
  inheritance->code = g_strdup (code);
  inheritance->since = g_strdup (since);
  g_ptr_array_add (self->inherits, inheritance);
}

/**
 * cg_profile_get_values:
 *
 * Returns: (transfer none) (element-type CgValue): the values, in file order
 */
GPtrArray *
cg_profile_get_values (CgProfile *self)
{
  g_return_val_if_fail (CG_IS_PROFILE (self), NULL);
  return self->values;
}

/**
 * cg_profile_add_value:
 *
 * Returns: (transfer none): the new value, to add sources to
 */
CgValue *
cg_profile_add_value (CgProfile    *self,
                      const char   *indicator,
                      const char   *text,
                      double        number,
                      const char   *since,
                      CgConfidence  confidence,
                      const char   *note)
{
  CgValue *value;

  g_return_val_if_fail (CG_IS_PROFILE (self), NULL);
  g_return_val_if_fail (indicator != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  value = g_new0 (CgValue, 1);
  value->indicator = g_strdup (indicator);
  value->text = g_strdup (text);
  value->number = number;
  value->since = g_strdup (since);
  value->confidence = confidence;
  value->note = g_strdup (note);
  value->sources = g_ptr_array_new_with_free_func (cg_source_free);
  g_ptr_array_add (self->values, value);

  return value;
}

void
cg_value_add_source (CgValue    *value,
                     const char *title,
                     const char *article,
                     const char *url,
                     const char *date)
{
  CgSource *source;

  g_return_if_fail (value != NULL);
  g_return_if_fail (title != NULL);

  source = g_new0 (CgSource, 1);
  source->title = g_strdup (title);
  source->article = g_strdup (article);
  source->url = g_strdup (url);
  source->date = g_strdup (date);
  g_ptr_array_add (value->sources, source);
}

const char *
cg_profile_kind_to_string (CgProfileKind kind)
{
  return kind == CG_PROFILE_KIND_GROUP ? "group" : "country";
}

const char *
cg_confidence_to_string (CgConfidence confidence)
{
  switch (confidence)
    {
    case CG_CONFIDENCE_HIGH:
      return "high";
    case CG_CONFIDENCE_MEDIUM:
      return "medium";
    case CG_CONFIDENCE_UNVERIFIED:
      return "unverified";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
cg_confidence_from_string (const char   *text,
                           CgConfidence *out_confidence)
{
  for (CgConfidence c = CG_CONFIDENCE_HIGH; c <= CG_CONFIDENCE_UNVERIFIED; c++)
    {
      if (g_strcmp0 (text, cg_confidence_to_string (c)) == 0)
        {
          *out_confidence = c;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
parse_value (CgProfile    *self,
             CgFramework  *framework,
             CgXmlFile    *file,
             xmlNode      *node,
             GHashTable   *seen,
             GError      **error)
{
  g_autofree char *indicator_id = _cg_xml_get_prop (node, "indicator");
  g_autofree char *text = _cg_xml_get_prop (node, "value");
  g_autofree char *since = _cg_xml_get_prop (node, "since");
  g_autofree char *confidence_text = _cg_xml_get_prop (node, "confidence");
  g_autofree char *note = _cg_xml_child_text (node, "note");
  g_autoptr(GError) local_error = NULL;
  const CgIndicator *indicator;
  CgConfidence confidence;
  CgValue *value;
  char *key;
  int index;
  double number;

  index = cg_framework_lookup_indicator (framework, indicator_id);
  if (index < 0)
    {
      _cg_xml_set_error (error, CG_PROFILE_ERROR, CG_PROFILE_ERROR_INVALID, file, node,
                         "indicator=",
                         _("unknown indicator “%s” (not in framework “%s” version %u)"),
                         indicator_id, cg_framework_get_id (framework),
                         cg_framework_get_version (framework));
      return FALSE;
    }
  indicator = cg_framework_get_indicator (framework, index);

  if (!cg_indicator_parse_value (indicator, text, &number, &local_error))
    {
      _cg_xml_set_error (error, CG_PROFILE_ERROR, CG_PROFILE_ERROR_INVALID, file, node,
                         "value=", "%s", local_error->message);
      return FALSE;
    }

  key = g_strdup_printf ("%s@%s", indicator_id, since != NULL ? since : "");
  if (!g_hash_table_add (seen, key))
    {
      _cg_xml_set_error (error, CG_PROFILE_ERROR, CG_PROFILE_ERROR_INVALID, file, node,
                         "indicator=",
                         since != NULL
                         ? _("indicator “%s” has two values from the same date")
                         : _("indicator “%s” has two undated values"),
                         indicator_id);
      return FALSE;
    }

  if (!cg_confidence_from_string (confidence_text, &confidence))
    {
      /* The schema admits only known levels; this is a second line of defence. */
      _cg_xml_set_error (error, CG_PROFILE_ERROR, CG_PROFILE_ERROR_INVALID, file, node,
                         "confidence=", _("unknown confidence “%s”"), confidence_text);
      return FALSE;
    }

  value = cg_profile_add_value (self, indicator_id, text, number, since, confidence, note);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *title = NULL;
      g_autofree char *article = NULL;
      g_autofree char *url = NULL;
      g_autofree char *date = NULL;

      if (!_cg_xml_is_element (child, "source"))
        continue;

      title = _cg_xml_get_prop (child, "title");
      article = _cg_xml_get_prop (child, "article");
      url = _cg_xml_get_prop (child, "url");
      date = _cg_xml_get_prop (child, "date");
      cg_value_add_source (value, title, article, url, date);
    }

  return TRUE;
}

/**
 * cg_profile_new_from_file:
 * @path: a profile XML file
 * @framework: the framework its values are checked against
 *
 * Reads a profile, validates it against the profile schema, and checks every value
 * against @framework: known indicator, value among its levels or within its range, the
 * framework id and version the profile was coded against.
 *
 * Returns: (transfer full) (nullable): the profile, or %NULL with @error set to a
 *   message of the form `FILE:LINE:COLUMN: what is wrong`
 */
CgProfile *
cg_profile_new_from_file (const char   *path,
                          CgFramework  *framework,
                          GError      **error)
{
  g_autoptr(CgXmlFile) file = NULL;
  g_autoptr(CgProfile) self = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *code = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *framework_id = NULL;
  g_autofree char *framework_version = NULL;
  xmlNode *root;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (CG_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = _cg_xml_file_load (path, SCHEMA_RESOURCE, CG_PROFILE_ERROR, CG_PROFILE_ERROR_PARSE,
                            error);
  if (file == NULL)
    return NULL;

  root = xmlDocGetRootElement (file->doc);
  code = _cg_xml_get_prop (root, "code");
  kind = _cg_xml_get_prop (root, "kind");
  framework_id = _cg_xml_get_prop (root, "framework");
  framework_version = _cg_xml_get_prop (root, "framework-version");

  if (g_strcmp0 (framework_id, cg_framework_get_id (framework)) != 0 ||
      g_ascii_strtoull (framework_version, NULL, 10) != cg_framework_get_version (framework))
    {
      _cg_xml_set_error (error, CG_PROFILE_ERROR, CG_PROFILE_ERROR_FRAMEWORK_MISMATCH, file,
                         root, "framework",
                         /* Translators: “framework ott version 2” */
                         _("the profile was coded against framework “%s” version %s, but "
                           "the loaded framework is “%s” version %u"),
                         framework_id, framework_version, cg_framework_get_id (framework),
                         cg_framework_get_version (framework));
      return NULL;
    }

  self = cg_profile_new (code, g_str_equal (kind, "group") ? CG_PROFILE_KIND_GROUP
                                                           : CG_PROFILE_KIND_COUNTRY);
  self->path = g_strdup (path);
  self->reviewed = _cg_xml_get_prop (root, "reviewed");
  self->name = _cg_xml_child_text (root, "name");
  self->note = _cg_xml_child_text (root, "note");

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (_cg_xml_is_element (node, "inherits"))
        {
          g_autofree char *parent = _cg_xml_get_prop (node, "code");
          g_autofree char *since = _cg_xml_get_prop (node, "since");

          if (g_str_equal (parent, code))
            {
              _cg_xml_set_error (error, CG_PROFILE_ERROR, CG_PROFILE_ERROR_INVALID, file, node,
                                 NULL, _("profile “%s” inherits from itself"), code);
              return NULL;
            }
          cg_profile_add_inherits (self, parent, since);
        }
      else if (_cg_xml_is_element (node, "value"))
        {
          if (!parse_value (self, framework, file, node, seen, error))
            return NULL;
        }
    }

  return g_steal_pointer (&self);
}
