/* cg-itu-regions.c: the six ITU regions, in the order every list and legend shows them
 *
 * The ids are those of data/policies/member-states.xml; the labels are the program's,
 * translated, for the window's region filter, the policy map's legend and the command
 * line alike.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-itu-regions.h"

static const char * const region_ids[CG_N_ITU_REGIONS + 1] = {
  "africa", "americas", "arab-states", "asia-pacific", "cis", "europe", NULL,
};

static const char * const region_labels[CG_N_ITU_REGIONS] = {
  N_("Africa"), N_("Americas"), N_("Arab States"), N_("Asia and the Pacific"), N_("CIS"),
  N_("Europe"),
};

/**
 * cg_itu_region_ids:
 *
 * Returns: (transfer none) (array zero-terminated=1): the region ids, in display order
 */
const char * const *
cg_itu_region_ids (void)
{
  return region_ids;
}

/**
 * cg_itu_region_label:
 * @index: a region's index in cg_itu_region_ids()
 *
 * Returns: (transfer none): its name in the user's language; “Other” past the last region
 */
const char *
cg_itu_region_label (guint index)
{
  if (index >= CG_N_ITU_REGIONS)
    return _("Other");
  return _(region_labels[index]);
}

/**
 * cg_itu_region_index:
 * @id: (nullable): a region id
 *
 * Returns: its index in cg_itu_region_ids(), or %CG_N_ITU_REGIONS when it is none of them
 */
guint
cg_itu_region_index (const char *id)
{
  for (guint r = 0; r < CG_N_ITU_REGIONS; r++)
    if (g_strcmp0 (id, region_ids[r]) == 0)
      return r;
  return CG_N_ITU_REGIONS;
}
