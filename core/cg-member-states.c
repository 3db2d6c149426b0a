/* cg-member-states.c: ITU Member States, their regions and regional groups
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-member-states"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-country-names.h"
#include "cg-member-states.h"
#include "cg-profile.h"
#include "cg-xml-private.h"

struct _CgMemberStates
{
  GObject     parent_instance;

  GPtrArray  *regions;  /* (element-type CgRegion) */
  GPtrArray  *groups;   /* (element-type CgGroup) */
  GPtrArray  *states;   /* (element-type CgMemberState) */
  GHashTable *by_code;  /* code → CgMemberState */
};

G_DEFINE_FINAL_TYPE (CgMemberStates, cg_member_states, G_TYPE_OBJECT)

#define SCHEMA_RESOURCE CG_RESOURCE_PREFIX "/schemas/member-states.rng"

static void
region_free (gpointer data)
{
  CgRegion *region = data;

  g_free (region->id);
  g_free (region->name);
  g_free (region);
}

void
cg_membership_free (gpointer data)
{
  CgMembership *membership = data;

  g_free (membership->code);
  g_free (membership->since);
  g_free (membership->until);
  g_free (membership->suspended);
  g_free (membership);
}

void
cg_group_free (gpointer data)
{
  CgGroup *group = data;

  g_free (group->id);
  g_free (group->kind);
  g_free (group->name);
  g_ptr_array_unref (group->members);
  g_free (group);
}

static void
state_free (gpointer data)
{
  CgMemberState *state = data;

  g_free (state->code);
  g_free (state->region);
  g_free (state);
}

static void
cg_member_states_finalize (GObject *object)
{
  CgMemberStates *self = CG_MEMBER_STATES (object);

  g_ptr_array_unref (self->regions);
  g_ptr_array_unref (self->groups);
  g_ptr_array_unref (self->states);
  g_hash_table_unref (self->by_code);

  G_OBJECT_CLASS (cg_member_states_parent_class)->finalize (object);
}

static void
cg_member_states_class_init (CgMemberStatesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_member_states_finalize;
}

static void
cg_member_states_init (CgMemberStates *self)
{
  self->regions = g_ptr_array_new_with_free_func (region_free);
  self->groups = g_ptr_array_new_with_free_func (cg_group_free);
  self->states = g_ptr_array_new_with_free_func (state_free);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
}

/* A year alone (“2007”) stands for its first day. */
static char *
normalise_date (char *date)
{
  if (date != NULL && strlen (date) == 4)
    {
      char *full = g_strconcat (date, "-01-01", NULL);
      g_free (date);
      return full;
    }
  return date;
}

/**
 * cg_member_states_new_from_file:
 * @path: the member states XML file
 *
 * Returns: (transfer full) (nullable): the member states, or %NULL with @error set to
 *   `FILE:LINE:COLUMN: what is wrong`
 */
CgMemberStates *
cg_member_states_new_from_file (const char  *path,
                                GError     **error)
{
  g_autoptr(CgXmlFile) file = NULL;
  g_autoptr(CgMemberStates) self = NULL;
  g_autofree char *count_text = NULL;
  xmlNode *root;

  g_return_val_if_fail (path != NULL, NULL);

  file = _cg_xml_file_load (path, SCHEMA_RESOURCE, CG_PROFILE_ERROR, CG_PROFILE_ERROR_PARSE,
                            error);
  if (file == NULL)
    return NULL;

  self = g_object_new (CG_TYPE_MEMBER_STATES, NULL);
  root = xmlDocGetRootElement (file->doc);

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (_cg_xml_is_element (node, "region"))
        {
          CgRegion *region = g_new0 (CgRegion, 1);

          region->id = _cg_xml_get_prop (node, "id");
          region->name = _cg_xml_get_prop (node, "name");
          g_ptr_array_add (self->regions, region);
        }
      else if (_cg_xml_is_element (node, "group"))
        {
          CgGroup *group = g_new0 (CgGroup, 1);

          group->id = _cg_xml_get_prop (node, "id");
          group->kind = _cg_xml_get_prop (node, "kind");
          group->name = _cg_xml_get_prop (node, "name");
          group->members = g_ptr_array_new_with_free_func (cg_membership_free);
          g_ptr_array_add (self->groups, group);

          for (xmlNode *child = node->children; child != NULL; child = child->next)
            {
              CgMembership *membership;

              if (!_cg_xml_is_element (child, "member"))
                continue;
              membership = g_new0 (CgMembership, 1);
              membership->code = _cg_xml_get_prop (child, "code");
              membership->since = normalise_date (_cg_xml_get_prop (child, "since"));
              membership->until = normalise_date (_cg_xml_get_prop (child, "until"));
              membership->suspended = normalise_date (_cg_xml_get_prop (child, "suspended"));
              g_ptr_array_add (group->members, membership);
            }
        }
      else if (_cg_xml_is_element (node, "state"))
        {
          CgMemberState *state = g_new0 (CgMemberState, 1);

          state->code = _cg_xml_get_prop (node, "code");
          state->region = _cg_xml_get_prop (node, "region");

          if (!cg_country_code_is_known (state->code))
            {
              _cg_xml_set_error (error, CG_PROFILE_ERROR, CG_PROFILE_ERROR_INVALID, file, node,
                                 "code=", _("“%s” is not an ISO 3166-1 country code"),
                                 state->code);
              state_free (state);
              return NULL;
            }
          if (!g_hash_table_insert (self->by_code, state->code, state))
            {
              _cg_xml_set_error (error, CG_PROFILE_ERROR, CG_PROFILE_ERROR_INVALID, file, node,
                                 "code=", _("the state “%s” is listed twice"), state->code);
              g_ptr_array_add (self->states, state);
              return NULL;
            }
          g_ptr_array_add (self->states, state);
        }
    }

  count_text = _cg_xml_get_prop (root, "count");
  if (g_ascii_strtoull (count_text, NULL, 10) != self->states->len)
    {
      _cg_xml_set_error (error, CG_PROFILE_ERROR, CG_PROFILE_ERROR_INVALID, file, root, "count=",
                         _("the file says there are %s Member States but lists %u"),
                         count_text, self->states->len);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * cg_member_states_get_regions:
 *
 * Returns: (transfer none) (element-type CgRegion): the ITU regions
 */
GPtrArray *
cg_member_states_get_regions (CgMemberStates *self)
{
  g_return_val_if_fail (CG_IS_MEMBER_STATES (self), NULL);
  return self->regions;
}

/**
 * cg_member_states_get_groups:
 *
 * Returns: (transfer none) (element-type CgGroup): the regional groups
 */
GPtrArray *
cg_member_states_get_groups (CgMemberStates *self)
{
  g_return_val_if_fail (CG_IS_MEMBER_STATES (self), NULL);
  return self->groups;
}

/**
 * cg_member_states_get_states:
 *
 * Returns: (transfer none) (element-type CgMemberState): the Member States
 */
GPtrArray *
cg_member_states_get_states (CgMemberStates *self)
{
  g_return_val_if_fail (CG_IS_MEMBER_STATES (self), NULL);
  return self->states;
}

/**
 * cg_member_states_lookup:
 *
 * Returns: (transfer none) (nullable): the Member State @code
 */
const CgMemberState *
cg_member_states_lookup (CgMemberStates *self,
                         const char     *code)
{
  g_return_val_if_fail (CG_IS_MEMBER_STATES (self), NULL);
  return g_hash_table_lookup (self->by_code, code);
}

/**
 * cg_membership_holds_at:
 * @date: YYYY-MM-DD
 *
 * Returns: whether the membership had begun and not ended at @date
 */
gboolean
cg_membership_holds_at (const CgMembership *membership,
                        const char         *date)
{
  g_return_val_if_fail (membership != NULL, FALSE);

  if (membership->since != NULL && g_strcmp0 (membership->since, date) > 0)
    return FALSE;
  if (membership->until != NULL && g_strcmp0 (membership->until, date) <= 0)
    return FALSE;
  return TRUE;
}
