/* fuzz-common.h: shared helpers of the libFuzzer targets and of their replay driver
 *
 * Every target defines LLVMFuzzerInitialize() and LLVMFuzzerTestOneInput(). A target
 * accepts both outcomes of a parser: a result or an error. Only a crash, an assertion,
 * a GLib critical or warning (made fatal here), a leak or a sanitizer report fails.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cg-framework.h"

#ifndef FUZZ_DATA_DIR
#error "FUZZ_DATA_DIR must name the source tree's data/policies directory"
#endif

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static char *fuzz_tmp_dir;

static inline void
fuzz_tmp_dir_remove (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fuzz_tmp_dir == NULL)
    return;

  dir = g_dir_open (fuzz_tmp_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fuzz_tmp_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fuzz_tmp_dir);
  g_clear_pointer (&fuzz_tmp_dir, g_free);
}

/* GLib's own fatal path ends in a breakpoint (SIGTRAP), which libFuzzer does not catch:
 * abort instead, so that the input is saved as a crash. */
static inline void
fuzz_log_handler (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        user_data)
{
  g_log_default_handler (domain, level, message, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
}

/* Common set-up: any GLib critical or warning is a bug in the code under test. */
static inline void
fuzz_init (void)
{
  g_log_set_default_handler (fuzz_log_handler, NULL);
}

/* With FUZZ_VERBOSE=1 in the environment, prints what the parser said of the input. */
static inline void
fuzz_report (const GError *error)
{
  static int verbose = -1;

  if (verbose < 0)
    verbose = g_getenv ("FUZZ_VERBOSE") != NULL;
  if (verbose)
    fprintf (stderr, "  -> %s\n", error != NULL ? error->message : "loaded");
}

/* A file name in a directory private to this process, removed at exit. The string
 * belongs to the caller. */
static inline char *
fuzz_tmp_path (const char *name)
{
  if (fuzz_tmp_dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      fuzz_tmp_dir = g_dir_make_tmp ("cg-fuzz-XXXXXX", &error);
      if (fuzz_tmp_dir == NULL)
        {
          fprintf (stderr, "cannot create a temporary directory: %s\n", error->message);
          abort ();
        }
      atexit (fuzz_tmp_dir_remove);
    }
  return g_build_filename (fuzz_tmp_dir, name, NULL);
}

/* Writes exactly @size bytes; a failure to write is a broken harness, not a finding. */
static inline void
fuzz_write_file (const char *path,
                 const void *data,
                 size_t      size)
{
  FILE *file = fopen (path, "wb");

  if (file == NULL || (size > 0 && fwrite (data, 1, size, file) != size) || fclose (file) != 0)
    {
      perror (path);
      abort ();
    }
}

/* The shipped data file @name (data/policies/@name), or below $COMMON_GROUND_DATA_DIR. */
static inline char *
fuzz_data_path (const char *name)
{
  const char *data_dir = g_getenv ("COMMON_GROUND_DATA_DIR");

  if (data_dir != NULL && *data_dir != '\0')
    return g_build_filename (data_dir, "policies", name, NULL);
  return g_build_filename (FUZZ_DATA_DIR, name, NULL);
}

/* The shipped framework, which the profile and weights targets read against; a fuzzer
 * that cannot load it has nothing to test and stops. */
static inline CgFramework *
fuzz_load_shipped_framework (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fuzz_data_path ("framework.xml");
  CgFramework *framework = cg_framework_new_from_file (path, &error);

  if (framework == NULL)
    {
      fprintf (stderr, "cannot load the framework: %s\n", error->message);
      abort ();
    }
  return framework;
}
