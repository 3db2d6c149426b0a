/* fuzz-member-states.c: libFuzzer target for cg_member_states_new_from_file()
 *
 * The input is a member-states XML file, written to a file in a directory private to
 * this process.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-member-states.h"
#include "fuzz-common.h"

static char *input_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  input_path = fuzz_tmp_path ("member-states.xml");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgMemberStates) states = NULL;

  fuzz_write_file (input_path, data, size);
  states = cg_member_states_new_from_file (input_path, &error);
  if ((states == NULL) == (error == NULL))
    abort ();
  fuzz_report (error);

  if (states != NULL)
    {
      GPtrArray *list = cg_member_states_get_states (states);
      GPtrArray *groups = cg_member_states_get_groups (states);

      for (guint i = 0; i < list->len; i++)
        {
          const CgMemberState *state = g_ptr_array_index (list, i);

          if (cg_member_states_lookup (states, state->code) != state)
            abort ();
        }
      for (guint g = 0; g < groups->len; g++)
        {
          const CgGroup *group = g_ptr_array_index (groups, g);

          for (guint m = 0; m < group->members->len; m++)
            cg_membership_holds_at (g_ptr_array_index (group->members, m), "2020-01-01");
        }
    }

  return 0;
}
