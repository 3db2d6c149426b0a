/* cg-member-states.h: ITU Member States, their regions and regional groups
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *name;
} CgRegion;

typedef struct
{
  char *code;
  char *since;      /* (nullable) YYYY-MM-DD or YYYY */
  char *until;      /* (nullable) date of leaving */
  char *suspended;  /* (nullable) */
} CgMembership;

typedef struct
{
  char      *id;
  char      *kind;     /* economic, political, telecom */
  char      *name;
  GPtrArray *members;  /* (element-type CgMembership) */
} CgGroup;

typedef struct
{
  char *code;
  char *region;
} CgMemberState;

#define CG_TYPE_MEMBER_STATES (cg_member_states_get_type ())
G_DECLARE_FINAL_TYPE (CgMemberStates, cg_member_states, CG, MEMBER_STATES, GObject)

CgMemberStates      *cg_member_states_new_from_file (const char      *path,
                                                     GError         **error);
GPtrArray           *cg_member_states_get_regions   (CgMemberStates  *self);
GPtrArray           *cg_member_states_get_groups    (CgMemberStates  *self);
GPtrArray           *cg_member_states_get_states    (CgMemberStates  *self);
const CgMemberState *cg_member_states_lookup        (CgMemberStates  *self,
                                                     const char      *code);

void                 cg_group_free                  (gpointer         group);
void                 cg_membership_free             (gpointer         membership);
gboolean             cg_membership_holds_at         (const CgMembership *membership,
                                                     const char         *date);

G_END_DECLS
