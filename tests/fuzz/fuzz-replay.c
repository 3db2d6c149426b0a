/* fuzz-replay.c: runs a libFuzzer target over its corpus, without libFuzzer
 *
 * Built with any compiler (gcc included) and run as an ordinary test, so that every
 * input of the corpus, the regression inputs included, is replayed in every CI run:
 *
 *   fuzz-profile-replay tests/fuzz/corpus/fuzz-profile [MORE_FILES_OR_DIRECTORIES…]
 *
 * FUZZ_TARGET names the target's source file, included here as is.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef FUZZ_TARGET
#error "FUZZ_TARGET must name the target source, as in -DFUZZ_TARGET=\"fuzz-profile.c\""
#endif

#include FUZZ_TARGET

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  g_autofree uint8_t *copy = NULL;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      exit (EXIT_FAILURE);
    }
  printf ("%s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  fflush (stdout);

  /* An exact-size copy (not NUL-terminated), so that reading past the end is caught by
   * sanitizers, as under libFuzzer. */
  copy = g_malloc (MAX (length, 1));
  memcpy (copy, contents, length);
  LLVMFuzzerTestOneInput (copy, length);
}

/* Adds @path, or the files of @path (sorted, recursively) if it is a directory. */
static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;
  entries = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (name[0] != '.')
        g_ptr_array_add (entries, g_build_filename (path, name, NULL));
    }
  g_ptr_array_sort (entries, compare_strings);
  for (guint i = 0; i < entries->len; i++)
    collect (g_ptr_array_index (entries, i), files);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  gint64 start;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s CORPUS_DIRECTORY_OR_FILE…\n", argv[0]);
      return EXIT_FAILURE;
    }

  for (int i = 1; i < argc; i++)
    {
      if (!g_file_test (argv[i], G_FILE_TEST_EXISTS))
        {
          fprintf (stderr, "%s: no such file or directory\n", argv[i]);
          return EXIT_FAILURE;
        }
      collect (argv[i], files);
    }
  if (files->len == 0)
    {
      fprintf (stderr, "no input to replay\n");
      return EXIT_FAILURE;
    }

  LLVMFuzzerInitialize (&argc, &argv);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < files->len; i++)
    replay_file (g_ptr_array_index (files, i));
  printf ("replayed %u inputs in %.2f s\n", files->len,
          (g_get_monotonic_time () - start) / 1e6);

  return EXIT_SUCCESS;
}
