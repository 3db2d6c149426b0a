/* bench-store.c: how fast profiles import, and how fast the scoring's dataset builds
 *
 * Targets: importing 193 profiles of about 60 values each takes at most 3 times what
 * libxml2 alone needs to parse and validate the same files; building the dataset of
 * 193 countries at a date takes under 5 ms.
 *
 * Run: _build/tests/bench/bench-store [N_COUNTRIES]. Times are CPU times, best of 5.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "cg-store.h"

#define ROUNDS 5

/* CPU time of this process: on a shared 2-core machine it varies far less than wall
 * time, and every step measured here runs on one thread. */
static gint64
cpu_time_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static char *
write_profiles (const char  *framework_path,
                guint        n_countries,
                guint       *out_values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgFramework) framework = cg_framework_new_from_file (framework_path, &error);
  g_autofree char *dir = g_dir_make_tmp ("cg-bench-XXXXXX", &error);
  g_autofree char *profiles = g_build_filename (dir, "profiles", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *copy = g_build_filename (dir, "framework.xml", NULL);
  GRand *rand = g_rand_new_with_seed (42);
  guint n_indicators;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (framework_path, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, contents, -1, NULL));
  g_mkdir (profiles, 0700);
  n_indicators = cg_framework_get_n_indicators (framework);
  *out_values = 0;

  for (guint c = 0; c < n_countries; c++)
    {
      GString *xml = g_string_new (NULL);
      g_autofree char *path = NULL;
      guint n_values = 0;

      g_string_append_printf (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                              "<profile code=\"C%03u\" kind=\"country\" framework=\"%s\" "
                              "framework-version=\"%u\" reviewed=\"2026-11-28\">\n", c,
                              cg_framework_get_id (framework),
                              cg_framework_get_version (framework));

      /* Every indicator once, and some twice (a rule that changed): about 60 values. */
      for (guint j = 0; j < n_indicators + 16; j++)
        {
          const CgIndicator *indicator = cg_framework_get_indicator (framework, j % n_indicators);
          g_autofree char *text = NULL;
          double value;

          switch (indicator->type)
            {
            case CG_INDICATOR_ORDINAL:
            case CG_INDICATOR_NOMINAL:
              value = g_rand_int_range (rand, 0, indicator->level_ids->len);
              break;
            case CG_INDICATOR_BINARY:
            case CG_INDICATOR_ASYMMETRIC_BINARY:
              value = g_rand_int_range (rand, 0, 2);
              break;
            default:
              value = round (g_rand_double_range (rand, indicator->min, indicator->max));
            }
          text = cg_indicator_format_value (indicator, value);
          g_string_append_printf (xml, "  <value indicator=\"%s\" value=\"%s\" since=\"%s\" "
                                  "confidence=\"high\">\n"
                                  "    <source title=\"Law No. %u of %u on electronic "
                                  "communications\" article=\"Art. %u\" "
                                  "url=\"https://example.org/law/%u\" date=\"2019-01-01\"/>\n"
                                  "  </value>\n",
                                  indicator->id, text, j < n_indicators ? "2019-01-01"
                                                                        : "2023-07-01",
                                  c * 100 + j, 2019, j + 1, c * 100 + j);
          n_values++;
        }
      g_string_append (xml, "</profile>\n");

      path = g_strdup_printf ("%s/C%03u.xml", profiles, c);
      g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));
      g_string_free (xml, TRUE);
      *out_values += n_values;
    }

  g_rand_free (rand);
  return g_steal_pointer (&dir);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The baseline: libxml2 reading and validating the same files, nothing else. */
static double
time_libxml2 (const char *dir,
              guint       n_countries,
              const char *schema_path)
{
  xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewParserCtxt (schema_path);
  xmlRelaxNGPtr schema = xmlRelaxNGParse (pctxt);
  double best = INFINITY;

  for (guint round = 0; round < ROUNDS; round++)
    {
      gint64 start = cpu_time_us ();

      for (guint c = 0; c < n_countries; c++)
        {
          g_autofree char *path = g_strdup_printf ("%s/profiles/C%03u.xml", dir, c);
          xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
          xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt (schema);

          g_assert_cmpint (xmlRelaxNGValidateDoc (vctxt, doc), ==, 0);
          xmlRelaxNGFreeValidCtxt (vctxt);
          xmlFreeDoc (doc);
        }
      best = MIN (best, (cpu_time_us () - start) / 1e6);
    }

  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (pctxt);
  return best;
}

int
main (int    argc,
      char **argv)
{
  guint n_countries = argc > 1 ? (guint) atoi (argv[1]) : 193;
  g_autofree char *framework = g_build_filename (SRCDIR, "data", "policies", "framework.xml",
                                                 NULL);
  g_autofree char *schema = g_build_filename (SRCDIR, "data", "policies", "profile.rng", NULL);
  g_autofree char *dir = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double libxml2_time, import_time = INFINITY, dataset_time, cold_time, parse_time = INFINITY;
  guint n_values;
  const guint dataset_runs = 200;
  gint64 start;

  dir = write_profiles (framework, n_countries, &n_values);

  libxml2_time = time_libxml2 (dir, n_countries, schema);

  /* The same files read by the core alone: parse, validate, check against the framework. */
  {
    g_autoptr(CgFramework) fw = cg_framework_new_from_file (framework, &error);

    g_assert_no_error (error);
    for (guint round = 0; round < ROUNDS; round++)
      {
        start = cpu_time_us ();
        for (guint c = 0; c < n_countries; c++)
          {
            g_autofree char *path = g_strdup_printf ("%s/profiles/C%03u.xml", dir, c);
            g_autoptr(CgProfile) profile = cg_profile_new_from_file (path, fw, &error);
            g_assert_no_error (error);
          }
        parse_time = MIN (parse_time, (cpu_time_us () - start) / 1e6);
      }
  }

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(CgStore) fresh = cg_store_open (":memory:", &error);

      g_assert_no_error (error);
      start = cpu_time_us ();
      g_assert_true (cg_store_sync_shipped (fresh, dir, NULL, &error));
      g_assert_no_error (error);
      import_time = MIN (import_time, (cpu_time_us () - start) / 1e6);
      if (round == ROUNDS - 1)
        store = g_steal_pointer (&fresh);
    }

  /* The first dataset reads the values from SQLite; later ones, at any date, reuse
   * them until the database changes. */
  start = cpu_time_us ();
  {
    g_autoptr(CgDataset) cold = cg_store_load_dataset (store, "2026-01-01", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cg_dataset_get_n_rows (cold), ==, n_countries);
  }
  cold_time = (cpu_time_us () - start) / 1e6;
  start = cpu_time_us ();
  for (guint i = 0; i < dataset_runs; i++)
    {
      g_autoptr(CgDataset) dataset = cg_store_load_dataset (store, "2026-01-01", &error);
      g_assert_no_error (error);
    }
  dataset_time = (cpu_time_us () - start) / 1e6 / dataset_runs;

  g_print ("profiles: %u countries, %u values (%.1f per profile)\n", n_countries, n_values,
           (double) n_values / n_countries);
  g_print ("libxml2 parse + RELAX NG validation alone: %8.1f ms (best of %d)\n",
           libxml2_time * 1e3, ROUNDS);
  g_print ("the core reading and checking them:        %8.1f ms (best of %d)\n",
           parse_time * 1e3, ROUNDS);
  g_print ("import into SQLite, one transaction:       %8.1f ms (best of %d)  ratio %.2f "
           "(target <= 3)\n", import_time * 1e3, ROUNDS, import_time / libxml2_time);
  g_print ("dataset of %u countries, first at a date: %8.3f ms (reads SQLite)\n",
           n_countries, cold_time * 1e3);
  g_print ("dataset of %u countries at a date:        %8.3f ms (mean of %u)  (target < 5 ms)\n",
           n_countries, dataset_time * 1e3, dataset_runs);

  remove_tree (dir);

  return 0;
}
