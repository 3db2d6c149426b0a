/* bench-util.c: what the benchmarks share: a random spreadsheet and timed processes
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-util.h"

void
bench_write_spreadsheet (const char *dir,
                   guint       n,
                   guint       m,
                   guint32     seed)
{
  g_autofree char *codebook_path = g_build_filename (dir, "codebook.csv", NULL);
  g_autofree char *data_path = g_build_filename (dir, "data.csv", NULL);
  GString *codebook = g_string_new ("id,label,type,n_levels,levels,min,max,unit,decimals,"
                                    "weight\n");
  GString *data = g_string_new ("country");
  GRand *rand = g_rand_new_with_seed (seed);
  static const char *types[] = { "ordinal", "nominal", "binary", "asymm_binary", "numeric",
                                 "ordinal", "numeric", "binary", "ordinal", "nominal" };

  for (guint j = 0; j < m; j++)
    {
      const char *type = types[j % G_N_ELEMENTS (types)];

      if (g_str_equal (type, "ordinal"))
        g_string_append_printf (codebook, "I%03u,Indicator %u,ordinal,5,a|b|c|d|e,,,,,1\n",
                                j + 1, j + 1);
      else if (g_str_equal (type, "nominal"))
        g_string_append_printf (codebook, "I%03u,Indicator %u,nominal,6,A|B|C|D|E|F,,,,,1\n",
                                j + 1, j + 1);
      else if (g_str_equal (type, "numeric"))
        g_string_append_printf (codebook, "I%03u,Indicator %u,numeric,,,0,100,%%,2,1\n",
                                j + 1, j + 1);
      else
        g_string_append_printf (codebook, "I%03u,Indicator %u,%s,,,,,,,1\n", j + 1, j + 1,
                                type);
      g_string_append_printf (data, ",I%03u", j + 1);
    }
  g_string_append_c (data, '\n');

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (data, "C%04u", i + 1);
      for (guint j = 0; j < m; j++)
        {
          const char *type = types[j % G_N_ELEMENTS (types)];

          if (g_rand_double (rand) < 0.1)
            g_string_append (data, ",NA");
          else if (g_str_equal (type, "ordinal"))
            g_string_append_printf (data, ",%d", g_rand_int_range (rand, 1, 6));
          else if (g_str_equal (type, "nominal"))
            g_string_append_printf (data, ",%c", 'A' + g_rand_int_range (rand, 0, 6));
          else if (g_str_equal (type, "numeric"))
            g_string_append_printf (data, ",%.2f", g_rand_int_range (rand, 0, 10001) / 100.0);
          else if (g_str_equal (type, "asymm_binary"))
            g_string_append (data, g_rand_double (rand) < 0.2 ? ",1" : ",0");
          else
            g_string_append (data, g_rand_boolean (rand) ? ",1" : ",0");
        }
      g_string_append_c (data, '\n');
    }

  g_assert_true (g_file_set_contents (codebook_path, codebook->str, codebook->len, NULL));
  g_assert_true (g_file_set_contents (data_path, data->str, data->len, NULL));
  g_string_free (codebook, TRUE);
  g_string_free (data, TRUE);
  g_rand_free (rand);
}

/* Runs a command; returns its wall time in seconds and its peak resident memory. */
double
bench_run_timed (char   **argv,
           long    *out_max_rss_kb)
{
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  int status;
  pid_t pid = fork ();

  if (pid == 0)
    {
      execv (argv[0], argv);
      _exit (127);
    }
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) != 0)
    g_error ("%s exited with %d", argv[0], WEXITSTATUS (status));
  *out_max_rss_kb = usage.ru_maxrss;
  return (g_get_monotonic_time () - start) / 1e6;
}

double
bench_best_of (char **argv,
         long  *out_max_rss_kb)
{
  double best = INFINITY;

  *out_max_rss_kb = 0;
  for (guint r = 0; r < RUNS; r++)
    {
      long rss;
      best = MIN (best, bench_run_timed (argv, &rss));
      *out_max_rss_kb = MAX (*out_max_rss_kb, rss);
    }
  return best;
}
