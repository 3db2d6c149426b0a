/* bench-matrix.c: the speed of scoring, clustering and writing a divergence matrix
 *
 * Targets (issue: the comparison core), on this 2-core machine:
 * - 193 countries × 60 indicators, spreadsheet in → matrix → average linkage → CSV out,
 *   the whole process: at least 20 times faster than numpy + scipy (0.16 s), peak
 *   memory under 10 MiB;
 * - 2000 × 300: at least 5 times faster than numpy + scipy (3.5 s);
 * - a what-if or a weight change at 193 × 60: matrix and clustering again in under 2 ms.
 *
 * Run: _build/tests/bench/bench-matrix [--interactive]. The numpy + scipy side runs when Debian's
 * python3-numpy and python3-scipy are installed (gower_numpy.py beside this file).
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cg-divergence.h"
#include "cg-spreadsheet.h"

#include "bench-util.h"

static gboolean
have_numpy (void)
{
  int status = 1;
  const char *argv[] = { "/usr/bin/python3", "-c", "import numpy, scipy", NULL };

  return g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE) &&
         g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                       NULL, &status, NULL) &&
         WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

static double
max_difference (const char *a,
                const char *b)
{
  g_autofree char *ca = NULL;
  g_autofree char *cb = NULL;
  g_auto(GStrv) la = NULL;
  g_auto(GStrv) lb = NULL;
  double worst = 0;

  g_assert_true (g_file_get_contents (a, &ca, NULL, NULL));
  g_assert_true (g_file_get_contents (b, &cb, NULL, NULL));
  la = g_strsplit (ca, "\n", -1);
  lb = g_strsplit (cb, "\n", -1);
  g_assert_cmpuint (g_strv_length (la), ==, g_strv_length (lb));
  for (guint i = 1; la[i] != NULL && *la[i] != '\0'; i++)
    {
      g_auto(GStrv) fa = g_strsplit (la[i], ",", -1);
      g_auto(GStrv) fb = g_strsplit (lb[i], ",", -1);

      for (guint j = 1; fa[j] != NULL; j++)
        worst = MAX (worst, fabs (g_ascii_strtod (fa[j], NULL) - g_ascii_strtod (fb[j], NULL)));
    }
  return worst;
}

static void
bench_size (const char *cli,
            const char *numpy_script,
            guint       n,
            guint       m,
            double      reference_seconds,
            double      target_factor)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-bench-matrix-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (dir, "data.csv", NULL);
  g_autofree char *codebook = g_build_filename (dir, "codebook.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "matrix.csv", NULL);
  g_autofree char *tree = g_build_filename (dir, "tree.csv", NULL);
  g_autofree char *order = g_build_filename (dir, "order.csv", NULL);
  g_autofree char *np_out = g_build_filename (dir, "numpy-matrix.csv", NULL);
  g_autofree char *np_tree = g_build_filename (dir, "numpy-tree.csv", NULL);
  char *argv[] = { (char *) cli, "matrix", "--data", data, "--codebook", codebook,
                   "--range", "observed", "--tree", tree, "--order", order, "-o", out, NULL };
  long rss;
  double ours, comparisons;

  bench_write_spreadsheet (dir, n, m, 20261128 + n);
  ours = bench_best_of (argv, &rss);
  comparisons = (double) n * (n - 1) / 2 * m;

  g_print ("\n%u countries × %u indicators (spreadsheet in → matrix → average linkage → "
           "CSV out)\n", n, m);
  g_print ("  common-ground-cli:  %8.3f s  peak RSS %.1f MiB  (best of %d)\n", ours,
           rss / 1024.0, RUNS);
  g_print ("  %.0f indicator comparisons; %.2e per second per core if all of the time were "
           "comparisons\n", comparisons, comparisons / ours / MIN (g_get_num_processors (), 8));

  if (numpy_script != NULL)
    {
      char *np_argv[] = { "/usr/bin/python3", (char *) numpy_script, data, codebook, np_out,
                          np_tree, NULL };
      long np_rss;
      double theirs = bench_best_of (np_argv, &np_rss);

      g_print ("  numpy + scipy:      %8.3f s  peak RSS %.1f MiB  → %.1f× faster (target ≥ "
               "%.0f×)\n", theirs, np_rss / 1024.0, theirs / ours, target_factor);
      g_print ("  largest difference between the two matrices: %.3g\n",
               max_difference (out, np_out));
    }
  g_print ("  reference from the issue: numpy + scipy %.2f s → %.1f× faster (target ≥ %.0f×)\n",
           reference_seconds, reference_seconds / ours, target_factor);

  for (const char *name = NULL; name == NULL; name = "")
    {
      const char *files[] = { data, codebook, out, tree, order, np_out, np_tree };
      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        g_unlink (files[i]);
    }
  g_rmdir (dir);
}

/* What the window does when a slider or a what-if changes: matrix and tree again. */
static void
bench_interactive (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-bench-matrix-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (dir, "data.csv", NULL);
  g_autofree char *codebook = g_build_filename (dir, "codebook.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgDataset) dataset = NULL;
  g_autoptr(CgMatrix) matrix = NULL;
  const guint runs = 500;
  gint64 start;
  double full, row;

  bench_write_spreadsheet (dir, 193, 60, 7);
  dataset = cg_spreadsheet_load (data, codebook, &error);
  g_assert_no_error (error);
  matrix = cg_divergence_compute (dataset, CG_RANGE_FRAMEWORK);

  /* A weight change: every pair changes. */
  start = g_get_monotonic_time ();
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(CgMatrix) again = NULL;
      g_autoptr(CgTree) tree = NULL;

      cg_dataset_set_weight (dataset, r % 60, 1.0 + (r % 7) * 0.25);
      again = cg_divergence_compute (dataset, CG_RANGE_FRAMEWORK);
      tree = cg_cluster (again, CG_LINKAGE_AVERAGE, NULL);
    }
  full = (g_get_monotonic_time () - start) / 1e3 / runs;

  /* A what-if: one country's value changes; only its row is recomputed. */
  start = g_get_monotonic_time ();
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(CgTree) tree = NULL;

      cg_dataset_set_value (dataset, 17, r % 60, r % 2);
      cg_divergence_update_row (matrix, dataset, 17, CG_RANGE_FRAMEWORK);
      tree = cg_cluster (matrix, CG_LINKAGE_AVERAGE, NULL);
    }
  row = (g_get_monotonic_time () - start) / 1e3 / runs;

  g_print ("\n193 × 60 in the window (mean of %u):\n", runs);
  g_print ("  weight change, matrix + average linkage: %.3f ms (target < 2 ms)\n", full);
  g_print ("  what-if on one country, its row + linkage: %.3f ms (target < 2 ms)\n", row);

  g_unlink (data);
  g_unlink (codebook);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  const char *cli = CLI_PATH;
  const char *script = SRCDIR "/tests/bench/gower_numpy.py";
  gboolean numpy;

  setlocale (LC_ALL, "");
  if (argc > 1 && g_str_equal (argv[1], "--interactive"))
    {
      bench_interactive ();
      return 0;
    }
  numpy = have_numpy ();

  g_print ("Benchmark of the comparison core on %u processors%s\n", g_get_num_processors (),
           numpy ? "" : " (numpy + scipy not installed: only the reference times are shown)");

  bench_size (cli, numpy ? script : NULL, 193, 60, 0.16, 20);
  bench_size (cli, numpy ? script : NULL, 2000, 300, 3.5, 5);
  bench_interactive ();

  return 0;
}
