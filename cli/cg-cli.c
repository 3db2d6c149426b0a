/* cg-cli.c: common-ground-cli, the command line over the core
 *
 * For batch and headless work: validate and import profiles, list what is loaded,
 * write divergence matrices and charts. Exit status: 0 success, 1 bad input (the
 * message names the file and position), 2 wrong usage.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cg-analysis.h"
#include "cg-chart-bars.h"
#include "cg-chart-choropleth.h"
#include "cg-chart-export.h"
#include "cg-chart-scatter.h"
#include "cg-chart-heatmap.h"
#include "cg-chart-radar.h"
#include "cg-csv.h"
#include "cg-itu-regions.h"
#include "cg-chart-timeline.h"
#include "cg-country.h"
#include "cg-divergence.h"
#include "cg-format.h"
#include "cg-matrix-csv.h"
#include "cg-member-states.h"
#include "cg-framework.h"
#include "cg-profile.h"
#include "cg-spreadsheet.h"
#include "cg-store.h"

enum
{
  EXIT_OK = 0,
  EXIT_BAD_INPUT = 1,
  EXIT_USAGE = 2,
};

static const char *program_name = "common-ground-cli";

static char *format_coded (const CgIndicator *indicator,
                           double             value);

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_printerr ("%s: %s\n", program_name, message);
  if (context != NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("\n%s", help);
    }
  return EXIT_USAGE;
}

static int
input_error (const GError *error)
{
  g_printerr ("%s\n", error->message);
  return EXIT_BAD_INPUT;
}

/* Parses the options of one command; returns -1 when parsing succeeded. */
static int
parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return usage_error (context, error->message);
  return -1;
}

static CgStore *
open_store (const char  *db_path,
            GError     **error)
{
  g_autoptr(CgStore) store = NULL;
  g_autofree char *shipped = NULL;

  if (db_path == NULL)
    return cg_store_open_default (error);

  store = cg_store_open (db_path, error);
  if (store == NULL)
    return NULL;

  shipped = cg_store_dup_shipped_dir ();
  if (!cg_store_sync_shipped (store, shipped, NULL, error))
    return NULL;

  return g_steal_pointer (&store);
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = NULL;

  if (date == NULL)
    return TRUE;

  iso = g_strdup_printf ("%sT00:00:00Z", date);
  parsed = g_date_time_new_from_iso8601 (iso, NULL);
  if (parsed == NULL || strlen (date) != 10)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a date of the form YYYY-MM-DD"), date);
      return FALSE;
    }
  return TRUE;
}

/* The selection the matrix and chart commands work on. */
typedef struct
{
  char     *db_path;
  char     *countries;
  char     *as_of;
  char     *range;
  char     *data;
  char     *codebook;
  char     *group;
  char     *weights;
  char     *preset;
} Selection;

static void
selection_clear (Selection *selection)
{
  g_free (selection->db_path);
  g_free (selection->countries);
  g_free (selection->as_of);
  g_free (selection->range);
  g_free (selection->data);
  g_free (selection->codebook);
  g_free (selection->group);
  g_free (selection->weights);
  g_free (selection->preset);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Selection, selection_clear)

static void
add_selection_options (GOptionContext *context,
                       Selection      *selection)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &selection->db_path,
      N_("Database to use instead of the default one"), N_("PATH") },
    { "countries", 0, 0, G_OPTION_ARG_STRING, &selection->countries,
      N_("Compare only these countries (ISO codes, comma-separated)"), N_("A,B,…") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &selection->group,
      N_("Compare the members of this group at the --as-of date (EAC, ECOWAS, EU…)"),
      N_("GROUP") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &selection->as_of,
      N_("Compare the rules in force on this date (default: today)"), N_("YYYY-MM-DD") },
    { "range", 0, 0, G_OPTION_ARG_STRING, &selection->range,
      N_("Scale distances by the framework’s declared ranges or by the observed ones"),
      "framework|observed" },
    { "weights", 0, 0, G_OPTION_ARG_FILENAME, &selection->weights,
      N_("Weights of dimensions and indicators (CSV: id,weight)"), N_("FILE") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &selection->preset,
      N_("A weights preset of the framework (see “list presets”)"), N_("ID") },
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &selection->data,
      N_("Score this spreadsheet of coded values instead of the database (with --codebook)"),
      N_("table.csv") },
    { "codebook", 0, 0, G_OPTION_ARG_FILENAME, &selection->codebook,
      N_("The codebook of the --data spreadsheet"), N_("codebook.csv") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* Loads the dataset and restricts it to the selection. Returns an exit status, or -1
 * with *out_dataset set (and *out_store, unless the data came from a spreadsheet). */
static int
load_selection (GOptionContext  *context,
                Selection       *selection,
                CgStore        **out_store,
                CgDataset      **out_dataset,
                CgRangeMode     *out_mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(CgDataset) dataset = NULL;
  CgRangeMode mode = CG_RANGE_FRAMEWORK;

  if (selection->range != NULL)
    {
      if (g_str_equal (selection->range, "framework"))
        mode = CG_RANGE_FRAMEWORK;
      else if (g_str_equal (selection->range, "observed"))
        mode = CG_RANGE_OBSERVED;
      else
        return usage_error (context, _("--range takes “framework” or “observed”"));
    }

  if (!check_date (selection->as_of, &error))
    return usage_error (context, error->message);

  if ((selection->data == NULL) != (selection->codebook == NULL))
    return usage_error (context, _("--data and --codebook go together"));
  if (selection->group != NULL && (selection->countries != NULL || selection->data != NULL))
    return usage_error (context, _("--group does not go with --countries or --data"));

  if (selection->data != NULL)
    {
      if (selection->db_path != NULL || selection->as_of != NULL)
        return usage_error (context, _("--db and --as-of do not apply to --data"));
      dataset = cg_spreadsheet_load (selection->data, selection->codebook, &error);
      if (dataset == NULL)
        return input_error (error);
    }
  else
    {
      store = open_store (selection->db_path, &error);
      if (store == NULL)
        return input_error (error);

      dataset = cg_store_load_dataset (store, selection->as_of, &error);
      if (dataset == NULL)
        return input_error (error);

      if (selection->group != NULL)
        {
          g_auto(GStrv) members = cg_store_dup_group_members (store, selection->group,
                                                              selection->as_of, &error);
          g_autoptr(GStrvBuilder) with_profiles = g_strv_builder_new ();
          g_auto(GStrv) codes = NULL;
          g_autoptr(CgDataset) subset = NULL;

          if (members == NULL)
            return input_error (error);
          /* Members without a profile cannot be compared: say which. */
          for (guint i = 0; members[i] != NULL; i++)
            {
              if (cg_dataset_lookup_row (dataset, members[i]) >= 0)
                g_strv_builder_add (with_profiles, members[i]);
              else
                g_printerr (_("%s: no profile of %s, a member of %s, is loaded; it is left "
                              "out\n"), program_name, members[i], selection->group);
            }
          codes = g_strv_builder_end (with_profiles);
          subset = cg_dataset_select (dataset, (const char * const *) codes, &error);
          if (subset == NULL)
            return input_error (error);
          g_clear_pointer (&dataset, cg_dataset_unref);
          dataset = g_steal_pointer (&subset);
        }
    }

  if (selection->countries != NULL)
    {
      g_auto(GStrv) codes = g_strsplit (selection->countries, ",", -1);
      g_autoptr(CgDataset) subset = NULL;

      for (guint i = 0; codes[i] != NULL; i++)
        {
          g_strstrip (codes[i]);
          for (char *p = codes[i]; *p != '\0'; p++)
            *p = g_ascii_toupper (*p);
        }

      subset = cg_dataset_select (dataset, (const char * const *) codes, &error);
      if (subset == NULL)
        return input_error (error);
      g_clear_pointer (&dataset, cg_dataset_unref);
      dataset = g_steal_pointer (&subset);
    }

  if (cg_dataset_get_n_rows (dataset) < 2)
    {
      g_printerr (_("At least two countries with profiles are needed for a comparison\n"));
      return EXIT_BAD_INPUT;
    }

  if (selection->weights != NULL && selection->preset != NULL)
    return usage_error (context, _("--weights and --preset do not go together"));
  if (selection->preset != NULL &&
      !cg_dataset_apply_preset (dataset, selection->preset, &error))
    return input_error (error);
  if (selection->weights != NULL &&
      !cg_weights_apply_file (dataset, selection->weights, &error))
    return input_error (error);

  *out_mode = mode;
  *out_dataset = g_steal_pointer (&dataset);
  if (out_store != NULL)
    *out_store = g_steal_pointer (&store);
  return -1;
}

/* Loads the selection and scores it. Returns an exit status, or -1 with *out_matrix
 * set. */
static int
compute_selection (GOptionContext  *context,
                   Selection       *selection,
                   CgMatrix       **out_matrix,
                   CgDataset      **out_dataset,
                   CgRangeMode     *out_mode)
{
  g_autoptr(CgDataset) dataset = NULL;
  int ret = load_selection (context, selection, NULL, &dataset, out_mode);

  if (ret >= 0)
    return ret;
  *out_matrix = cg_divergence_compute (dataset, *out_mode);
  if (out_dataset != NULL)
    *out_dataset = g_steal_pointer (&dataset);
  return -1;
}

static int
command_validate (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… — check profile and "
                                                              "framework files"));
  g_autofree char *framework_path = NULL;
  g_autoptr(CgFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "framework", 0, 0, G_OPTION_ARG_FILENAME, &framework_path,
      N_("Check profiles against this framework (default: the shipped one)"), N_("FILE") },
    { NULL }
  };
  int status = EXIT_OK;
  int ret;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((ret = parse_options (context, &argc, &argv)) >= 0)
    return ret;
  if (argc < 2)
    return usage_error (context, _("Name at least one file to validate"));

  if (framework_path == NULL)
    {
      g_autofree char *shipped = cg_store_dup_shipped_dir ();
      framework_path = g_build_filename (shipped, "framework.xml", NULL);
    }

  framework = cg_framework_new_from_file (framework_path, &error);
  if (framework == NULL)
    return input_error (error);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) file_error = NULL;
      g_autofree char *basename = g_path_get_basename (argv[i]);

      if (g_str_equal (basename, "framework.xml"))
        {
          g_autoptr(CgFramework) other = cg_framework_new_from_file (argv[i], &file_error);
          if (other != NULL)
            g_print (_("%s: valid framework “%s” version %u, %u indicators\n"), argv[i],
                     cg_framework_get_id (other), cg_framework_get_version (other),
                     cg_framework_get_n_indicators (other));
        }
      else
        {
          g_autoptr(CgProfile) profile = cg_profile_new_from_file (argv[i], framework,
                                                                   &file_error);
          if (profile != NULL)
            g_print (g_dngettext (GETTEXT_PACKAGE, "%s: valid profile “%s”, %u value\n",
                                  "%s: valid profile “%s”, %u values\n",
                                  cg_profile_get_values (profile)->len),
                     argv[i], cg_profile_get_code (profile),
                     cg_profile_get_values (profile)->len);
        }

      if (file_error != NULL)
        {
          g_printerr ("%s\n", file_error->message);
          status = EXIT_BAD_INPUT;
        }
    }

  return status;
}

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
collect_xml_files (const char *path,
                   GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) found = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      g_ptr_array_add (files, g_strdup (path));  /* reported when it is read */
      return;
    }

  found = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".xml"))
        g_ptr_array_add (found, g_build_filename (path, name, NULL));
    }
  g_ptr_array_sort (found, compare_paths);
  g_ptr_array_extend_and_steal (files, g_steal_pointer (&found));
}

static int
command_import (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE|FOLDER… — import profiles, "
                                                              "all or nothing"));
  g_autofree char *db_path = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CgStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Database to use instead of the default one"), N_("PATH") },
    { NULL }
  };
  guint n_profiles = 0;
  int ret;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((ret = parse_options (context, &argc, &argv)) >= 0)
    return ret;
  if (argc < 2)
    return usage_error (context, _("Name at least one profile file or folder to import"));

  for (int i = 1; i < argc; i++)
    collect_xml_files (argv[i], files);
  if (files->len == 0)
    {
      g_printerr (_("No profile files (*.xml) were found\n"));
      return EXIT_BAD_INPUT;
    }
  g_ptr_array_add (files, NULL);

  store = open_store (db_path, &error);
  if (store == NULL)
    return input_error (error);

  if (!cg_store_import_files (store, (const char * const *) files->pdata, &n_profiles, &error))
    {
      g_printerr ("%s\n", error->message);
      g_printerr (_("Nothing was imported.\n"));
      return EXIT_BAD_INPUT;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u profile into %s\n",
                        "Imported %u profiles into %s\n", n_profiles),
           n_profiles, cg_store_get_path (store));
  return EXIT_OK;
}

static int
command_list (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("countries|indicators|groups|"
                                                              "changes [COUNTRY] — list what the "
                                                              "database holds"));
  g_autofree char *db_path = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Database to use instead of the default one"), N_("PATH") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("changes: only those after this date"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("changes: only those up to this date"), N_("YYYY-MM-DD") },
    { NULL }
  };
  int ret;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((ret = parse_options (context, &argc, &argv)) >= 0)
    return ret;
  if (!check_date (from, &error) || !check_date (to, &error))
    return usage_error (context, error->message);

  if (argc == 3 && g_str_equal (argv[1], "changes"))
    {
      g_autoptr(GPtrArray) changes = NULL;
      g_autofree char *code = g_ascii_strup (argv[2], -1);

      store = open_store (db_path, &error);
      if (store == NULL)
        return input_error (error);
      changes = cg_store_list_changes (store, code, from, to, &error);
      if (changes == NULL)
        return input_error (error);

      for (guint i = 0; i < changes->len; i++)
        {
          CgChange *change = g_ptr_array_index (changes, i);
          g_print ("%s\t%s\t%s\t%s\n", change->since, change->indicator,
                   change->before != NULL ? change->before : "-", change->after);
        }
      return EXIT_OK;
    }

  if (argc != 2)
    return usage_error (context, _("Say what to list: countries, indicators, groups, presets, "
                                   "or changes COUNTRY"));

  if (g_str_equal (argv[1], "presets"))
    {
      g_autoptr(CgFramework) framework = NULL;

      store = open_store (db_path, &error);
      if (store == NULL)
        return input_error (error);
      framework = cg_store_load_framework (store, &error);
      if (framework == NULL)
        return input_error (error);
      for (guint i = 0; i < cg_framework_get_n_presets (framework); i++)
        {
          const CgPreset *preset = cg_framework_get_preset (framework, i);
          g_print ("%s\t%s\t%s\n", preset->id, preset->label,
                   preset->help != NULL ? preset->help : "");
        }
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "groups"))
    {
      g_autoptr(GPtrArray) groups = NULL;

      store = open_store (db_path, &error);
      if (store == NULL)
        return input_error (error);
      groups = cg_store_list_groups (store, &error);
      if (groups == NULL)
        return input_error (error);

      for (guint i = 0; i < groups->len; i++)
        {
          CgGroup *group = g_ptr_array_index (groups, i);
          g_auto(GStrv) members = cg_store_dup_group_members (store, group->id, NULL, NULL);

          g_print ("%s\t%s\t%s\t%u\n", group->id, group->kind, group->name,
                   members != NULL ? g_strv_length (members) : 0);
        }
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "countries"))
    {
      g_autoptr(GListModel) countries = NULL;

      store = open_store (db_path, &error);
      if (store == NULL)
        return input_error (error);
      countries = cg_store_list_countries (store, &error);
      if (countries == NULL)
        return input_error (error);

      for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
        {
          g_autoptr(CgCountry) country = g_list_model_get_item (countries, i);
          const char *region = cg_country_get_region (country);

          g_print ("%s\t%s\t%s\t%s\t%u\n", cg_country_get_code (country),
                   cg_country_get_name (country), region != NULL ? region : "-",
                   cg_country_get_has_profile (country) ? "profile" : "no-profile",
                   cg_country_get_n_values (country));
        }
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "indicators"))
    {
      g_autoptr(CgFramework) framework = NULL;

      store = open_store (db_path, &error);
      if (store == NULL)
        return input_error (error);
      framework = cg_store_load_framework (store, &error);
      if (framework == NULL)
        return input_error (error);

      for (guint i = 0; i < cg_framework_get_n_indicators (framework); i++)
        {
          const CgIndicator *indicator = cg_framework_get_indicator (framework, i);
          g_print ("%s\t%s\t%s\n", indicator->id, cg_indicator_type_to_string (indicator->type),
                   indicator->label);
        }
      return EXIT_OK;
    }

  return usage_error (context, _("Say what to list: countries, indicators, groups, presets, "
                                 "or changes COUNTRY"));
}

static int
command_search (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("TEXT… — search indicators, "
                                                              "notes and sources"));
  g_autofree char *db_path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Database to use instead of the default one"), N_("PATH") },
    { NULL }
  };
  int ret;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((ret = parse_options (context, &argc, &argv)) >= 0)
    return ret;
  if (argc < 2)
    return usage_error (context, _("Say what to search for"));

  text = g_strjoinv (" ", argv + 1);
  store = open_store (db_path, &error);
  if (store == NULL)
    return input_error (error);
  hits = cg_store_search (store, text, &error);
  if (hits == NULL)
    return input_error (error);

  for (guint i = 0; i < hits->len; i++)
    {
      CgSearchHit *hit = g_ptr_array_index (hits, i);

      g_print ("%s\t%s\t%s\t%s\n", hit->kind, hit->profile != NULL ? hit->profile : "-",
               hit->indicator != NULL ? hit->indicator : "-", hit->snippet);
    }
  return hits->len > 0 ? EXIT_OK : EXIT_BAD_INPUT;
}

static int
command_export (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COUNTRY -o FILE — write a "
                                                              "profile, with your own values, "
                                                              "to XML"));
  g_autofree char *db_path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *code = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Database to use instead of the default one"), N_("PATH") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    { NULL }
  };
  int ret;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((ret = parse_options (context, &argc, &argv)) >= 0)
    return ret;
  if (argc != 2)
    return usage_error (context, _("Name one country or group to export"));
  if (output == NULL)
    return usage_error (context, _("Say where to write the profile with -o FILE"));

  code = g_ascii_strup (argv[1], -1);
  store = open_store (db_path, &error);
  if (store == NULL)
    return input_error (error);
  if (!cg_store_export_profile (store, code, output, force, &error))
    return input_error (error);

  return EXIT_OK;
}


static char *
matrix_to_json (const CgMatrix *matrix,
                const char     *as_of,
                CgRangeMode     mode)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n = cg_matrix_get_size (matrix);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "as_of");
  json_builder_add_string_value (builder, as_of);
  json_builder_set_member_name (builder, "range");
  json_builder_add_string_value (builder, mode == CG_RANGE_OBSERVED ? "observed" : "framework");
  json_builder_set_member_name (builder, "countries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, cg_matrix_get_code (matrix, i));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, cg_matrix_get_name (matrix, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  for (guint which = 0; which < 2; which++)
    {
      json_builder_set_member_name (builder, which == 0 ? "divergence" : "coverage");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          json_builder_begin_array (builder);
          for (guint j = 0; j < n; j++)
            {
              double value = which == 0 ? cg_matrix_get (matrix, i, j)
                                        : cg_matrix_get_coverage (matrix, i, j);
              if (isnan (value))
                json_builder_add_null_value (builder);
              else
                json_builder_add_double_value (builder, value);
            }
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static gboolean
write_output (const char  *path,
              const char  *text,
              GError     **error)
{
  if (path == NULL || g_str_equal (path, "-"))
    {
      fputs (text, stdout);
      return TRUE;
    }
  return g_file_set_contents (path, text, -1, error);
}

static int
command_matrix (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— the pairwise divergence "
                                                              "matrix"));
  g_auto(Selection) selection = { 0, };
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *tree_path = NULL;
  g_autofree char *order_path = NULL;
  g_autoptr(CgMatrix) matrix = NULL;
  g_autoptr(CgDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CgRangeMode mode;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format (default: csv)"),
      "csv|json" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to this file instead of standard output"), N_("FILE") },
    { "tree", 0, 0, G_OPTION_ARG_FILENAME, &tree_path,
      N_("Also write the average-linkage tree (R’s hclust merge table) as CSV"), N_("FILE") },
    { "order", 0, 0, G_OPTION_ARG_FILENAME, &order_path,
      N_("Also write the tree’s leaf order as CSV"), N_("FILE") },
    { NULL }
  };
  int ret;

  add_selection_options (context, &selection);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((ret = parse_options (context, &argc, &argv)) >= 0)
    return ret;
  if (argc != 1)
    return usage_error (context, _("matrix takes no arguments, only options"));
  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    return usage_error (context, _("--format takes “csv” or “json”"));

  if ((ret = compute_selection (context, &selection, &matrix, &dataset, &mode)) >= 0)
    return ret;

  if (format != NULL && g_str_equal (format, "json"))
    {
      text = matrix_to_json (matrix, cg_dataset_get_as_of (dataset), mode);
      if (!write_output (output, text, &error))
        return input_error (error);
    }
  else if (!cg_matrix_write_csv (matrix, output, &error))
    return input_error (error);

  if (tree_path != NULL || order_path != NULL)
    {
      g_autoptr(CgTree) tree = cg_cluster (matrix, CG_LINKAGE_AVERAGE, &error);

      if (tree == NULL ||
          !cg_tree_write_csv (tree, matrix, tree_path, order_path, &error))
        return input_error (error);
    }

  return EXIT_OK;
}

typedef struct
{
  CgMatrix     *matrix;
  CgTree       *tree;
  CgChartInfo  *info;
  const CgChartStyle *style;
} HeatmapPaint;

static void
paint_heatmap (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  HeatmapPaint *paint = user_data;
  g_autoptr(CgHeatmapLayout) layout = NULL;
  CgChartStyle style = *paint->style;

  layout = cg_heatmap_layout_new (paint->matrix, paint->tree, width, height, &style);
  cg_heatmap_render (cr, paint->matrix, paint->tree, layout, &style, paint->info);
}

typedef struct
{
  CgBar        *bars;
  guint         n_bars;
  const char   *title;
  const char   *subtitle;
  CgChartInfo  *info;
  const CgChartStyle *style;
} BarsPaint;

static void
paint_bars (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  BarsPaint *paint = user_data;
  g_autoptr(CgBarsLayout) layout = NULL;
  CgChartStyle style = *paint->style;

  layout = cg_bars_layout_new (paint->bars, paint->n_bars, width, height, &style);
  cg_bars_render (cr, paint->bars, layout, &style, paint->title, paint->subtitle, paint->info);
}

typedef struct
{
  CgPoint            *points;
  guint               n_points;
  const char * const *categories;
  const char         *title;
  const char         *subtitle;
  CgChartInfo        *info;
  const CgChartStyle *style;
} ScatterPaint;

static void
paint_scatter (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  ScatterPaint *paint = user_data;
  g_autoptr(CgScatterLayout) layout = NULL;
  CgChartStyle style = *paint->style;

  layout = cg_scatter_layout_new (paint->points, paint->n_points, paint->categories, width,
                                  height, &style);
  cg_scatter_render (cr, paint->points, paint->categories, layout, &style, paint->title,
                     paint->subtitle, paint->info);
}

typedef struct
{
  const char * const   *axes;
  guint                 n_axes;
  CgRadarSeries        *series;
  guint                 n_series;
  const char           *title;
  const char           *subtitle;
  CgChartInfo          *info;
  const CgChartStyle   *style;
} RadarPaint;

static void
paint_radar (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  RadarPaint *paint = user_data;
  g_autoptr(CgRadarLayout) layout = NULL;

  layout = cg_radar_layout_new (paint->axes, paint->n_axes, paint->series, paint->n_series,
                                width, height, paint->style);
  cg_radar_render (cr, paint->axes, paint->series, layout, paint->style, paint->title,
                   paint->subtitle, paint->info);
}

typedef struct
{
  const CgEvent        *events;
  guint                 n_events;
  const char * const   *categories;
  const char           *title;
  const char           *subtitle;
  CgChartInfo          *info;
  const CgChartStyle   *style;
} TimelinePaint;

static void
paint_timeline (cairo_t  *cr,
                double    width,
                double    height,
                gpointer  user_data)
{
  TimelinePaint *paint = user_data;
  g_autoptr(CgTimelineLayout) layout = NULL;

  layout = cg_timeline_layout_new (paint->events, paint->n_events, paint->categories, width,
                                   height, paint->style);
  cg_timeline_render (cr, paint->events, paint->categories, layout, paint->style, paint->title,
                      paint->subtitle, paint->info);
}

/* A value as stored, in the words of the framework: a level's label, a number with its unit. */
static char *
format_stored (const CgIndicator *indicator,
               const char        *text)
{
  double coded;

  if (text == NULL)
    /* Translators: a value before any source establishes one */
    return g_strdup (_("unknown"));
  if (!cg_indicator_parse_value (indicator, text, &coded, NULL))
    return g_strdup (text);
  return format_coded (indicator, coded);
}

typedef struct
{
  CgWorldMap   *map;
  double       *values;
  int           highlight;
  const char   *title;
  const char   *subtitle;
  CgChartInfo  *info;
  const CgChartStyle *style;
} WorldPaint;

static void
paint_world (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  WorldPaint *paint = user_data;
  g_autoptr(CgChoroplethLayout) layout = NULL;
  CgChartStyle style = *paint->style;

  layout = cg_choropleth_layout_new (paint->map, width, height, &style);
  cg_choropleth_render (cr, paint->map, paint->values, paint->highlight, layout, &style,
                        paint->title, paint->subtitle, paint->info);
}

/* The data behind a chart, beside it: refused like the chart when the file exists. */
static gboolean
write_chart_csv (const char  *path,
                 GString     *csv,
                 gboolean     force,
                 GError     **error)
{
  if (!force && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("%s already exists; give --force to replace it"), path);
      return FALSE;
    }
  return g_file_set_contents (path, csv->str, csv->len, error);
}

/* The same drawing into each file asked for: PNG, SVG, PDF. */
static gboolean
export_chart (char             **outputs,
              double             width,
              double             height,
              double             dpi,
              gboolean           force,
              CgChartPaintFunc   paint,
              gpointer           user_data,
              GError           **error)
{
  for (guint o = 0; outputs[o] != NULL; o++)
    if (!cg_chart_export (outputs[o], width, height, dpi, force, paint, user_data, error))
      return FALSE;
  return TRUE;
}

static int
command_chart (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("heatmap|mds|world|contrib A B|radar "
                                                              "A B…|timeline A -o FILE — draw a "
                                                              "chart to PNG, SVG or PDF"));
  g_autofree char *from = NULL;
  g_auto(Selection) selection = { 0, };
  g_auto(GStrv) outputs = NULL;
  g_autoptr(CgMatrix) matrix = NULL;
  g_autoptr(CgDataset) dataset = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(CgTree) tree = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *framework_label = NULL;
  CgExportFormat export_format;
  CgChartInfo info = { 0, };
  CgRangeMode mode;
  g_autofree char *style_name = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  CgChartStyle style;
  double width = 0, height = 0, dpi = 96;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME_ARRAY, &outputs,
      N_("The file to write: .png, .svg or .pdf; repeat for several formats"), N_("FILE") },
    { "style", 0, 0, G_OPTION_ARG_STRING, &style_name,
      N_("light (default), dark, high-contrast (projectors) or print (greyscale)"), N_("STYLE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path,
      N_("Also write the data behind the chart to this CSV file"), N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_DOUBLE, &width,
      N_("Width in pixels at 96 dpi (default: fits the chart)"), "W" },
    { "height", 0, 0, G_OPTION_ARG_DOUBLE, &height,
      N_("Height in pixels at 96 dpi (default: fits the chart)"), "H" },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, N_("Resolution of a PNG (default: 96)"), "N" },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("world: colour countries by their divergence from this one"), N_("COUNTRY") },
    { NULL }
  };
  const char *kind;
  int ret;

  add_selection_options (context, &selection);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((ret = parse_options (context, &argc, &argv)) >= 0)
    return ret;
  kind = argc >= 2 ? argv[1] : "";
  if (!((g_str_equal (kind, "heatmap") && argc == 2) || (g_str_equal (kind, "mds") && argc == 2) ||
        (g_str_equal (kind, "world") && argc == 2) || (g_str_equal (kind, "contrib") && argc == 4) ||
        (g_str_equal (kind, "radar") && argc >= 4 && argc <= 2 + CG_RADAR_MAX_SERIES) ||
        (g_str_equal (kind, "timeline") && argc == 3)))
    return usage_error (context, _("Name the chart to draw: heatmap, mds, world, contrib A B, "
                                   "radar with two to six countries, or timeline A"));
  if (g_str_equal (kind, "world") && from == NULL)
    return usage_error (context, _("Say which country the world map measures from, with --from"));
  if (outputs == NULL || outputs[0] == NULL)
    return usage_error (context, _("Say where to write the chart with -o FILE"));
  for (guint o = 0; outputs[o] != NULL; o++)
    {
      if (!cg_export_format_from_path (outputs[o], &export_format, &error))
        return usage_error (context, error->message);
      /* Refused before anything is drawn, so no format is written without the others. */
      if (!force && g_file_test (outputs[o], G_FILE_TEST_EXISTS))
        {
          g_printerr (_("%s already exists; give --force to replace it\n"), outputs[o]);
          return EXIT_BAD_INPUT;
        }
    }
  if (!cg_chart_style_init_from_name (&style, style_name != NULL ? style_name : "light", &error))
    return usage_error (context, error->message);
  if (csv_path != NULL && !force && g_file_test (csv_path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("%s already exists; give --force to replace it\n"), csv_path);
      return EXIT_BAD_INPUT;
    }

  if (g_str_equal (kind, "timeline") && selection.data != NULL)
    return usage_error (context, _("A timeline needs the database’s history, not a spreadsheet"));
  if (g_str_equal (kind, "contrib") || g_str_equal (kind, "radar") ||
      g_str_equal (kind, "timeline"))
    {
      if ((ret = load_selection (context, &selection, &store, &dataset, &mode)) >= 0)
        return ret;
    }
  else if ((ret = compute_selection (context, &selection, &matrix, &dataset, &mode)) >= 0)
    return ret;

  framework_label = g_strdup_printf ("%s v%u",
                                     cg_framework_get_id (cg_dataset_get_framework (dataset)),
                                     cg_framework_get_version (cg_dataset_get_framework (dataset)));
  info.as_of = cg_dataset_get_as_of (dataset);
  info.framework = framework_label;
  /* Translators: the name of the default weights preset */
  info.weights = selection.preset != NULL ? selection.preset
                 : selection.weights != NULL ? selection.weights : _("framework defaults");
  info.range_mode = mode == CG_RANGE_OBSERVED ? _("observed") : _("framework");

  if (g_str_equal (kind, "heatmap"))
    {
      HeatmapPaint paint;

      tree = cg_cluster (matrix, CG_LINKAGE_AVERAGE, NULL);
      if (width <= 0 || height <= 0)
        {
          /* Enough room for every label at a readable size, in the style's type size. */
          guint n = cg_matrix_get_size (matrix);
          double cell = n <= 30 ? 40.0 : n <= 100 ? 22.0 : 16.0;
          double side = CLAMP (n * cell * style.font_scale, 360.0, 4200.0);
          if (width <= 0)
            width = side + 420 * style.font_scale;
          if (height <= 0)
            height = side + 180 * style.font_scale;
        }
      paint = (HeatmapPaint) { matrix, tree, &info, &style };
      if (!export_chart (outputs, width, height, dpi, force, paint_heatmap, &paint, &error))
        return input_error (error);
      if (csv_path != NULL)
        {
          /* Long form, in the chart's order: one row a cell. */
          g_autofree guint *order = NULL;
          guint n = cg_matrix_get_size (matrix);

          order = g_new (guint, n);
          for (guint i = 0; i < n; i++)
            order[i] = tree != NULL ? tree->order[i] : i;
          g_string_append (csv, "row,column,divergence,coverage\r\n");
          for (guint r = 0; r < n; r++)
            for (guint c = 0; c < n; c++)
              {
                cg_csv_append_field (csv, cg_matrix_get_code (matrix, order[r]));
                g_string_append_c (csv, ',');
                cg_csv_append_field (csv, cg_matrix_get_code (matrix, order[c]));
                g_string_append_c (csv, ',');
                cg_csv_append_number (csv, cg_matrix_get (matrix, order[r], order[c]));
                g_string_append_c (csv, ',');
                cg_csv_append_number (csv, cg_matrix_get_coverage (matrix, order[r], order[c]));
                g_string_append (csv, "\r\n");
              }
          if (!write_chart_csv (csv_path, csv, force, &error))
            return input_error (error);
        }
      return EXIT_OK;
    }

  if (g_str_equal (kind, "mds"))
    {
      g_autoptr(CgMds) mds = cg_mds_compute (matrix, &error);
      g_autofree CgPoint *points = NULL;
      g_autoptr(GHashTable) regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             g_free);
      const char *labels[CG_N_ITU_REGIONS + 1];
      g_autofree char *subtitle = NULL;
      ScatterPaint paint;

      if (mds == NULL)
        return input_error (error);

      if (store == NULL && selection.data == NULL)
        store = open_store (selection.db_path, NULL);
      if (store != NULL)
        {
          g_autoptr(GListModel) countries = cg_store_list_countries (store, NULL);

          for (guint i = 0; countries != NULL && i < g_list_model_get_n_items (countries); i++)
            {
              g_autoptr(CgCountry) country = g_list_model_get_item (countries, i);

              if (cg_country_get_region (country) != NULL)
                g_hash_table_insert (regions, g_strdup (cg_country_get_code (country)),
                                     g_strdup (cg_country_get_region (country)));
            }
        }

      for (guint r = 0; r < CG_N_ITU_REGIONS; r++)
        labels[r] = cg_itu_region_label (r);
      labels[CG_N_ITU_REGIONS] = NULL;

      points = g_new0 (CgPoint, mds->n);
      for (guint i = 0; i < mds->n; i++)
        {
          const char *region = g_hash_table_lookup (regions, cg_dataset_get_code (dataset, i));
          guint category = cg_itu_region_index (region);

          points[i] = (CgPoint) { cg_dataset_get_code (dataset, i), mds->coordinates[2 * i],
                                  mds->coordinates[2 * i + 1], category };
        }

      /* Translators: the subtitle of the policy map; the placeholders are a count and a
       * percentage */
      subtitle = g_strdup_printf (_("%u countries placed so that distance shows divergence; "
                                    "the two axes explain %.0f%% of the variance"),
                                  mds->n, mds->explained * 100);
      paint = (ScatterPaint) { points, mds->n, labels, _("Policy map"), subtitle, &info, &style };
      if (width <= 0)
        width = 1000 * style.font_scale;
      if (height <= 0)
        height = 760 * style.font_scale;
      if (!export_chart (outputs, width, height, dpi, force, paint_scatter, &paint, &error))
        return input_error (error);
      if (csv_path != NULL)
        {
          cg_scatter_append_csv (csv, points, mds->n, cg_itu_region_ids ());
          if (!write_chart_csv (csv_path, csv, force, &error))
            return input_error (error);
        }
      return EXIT_OK;
    }

  if (g_str_equal (kind, "world"))
    {
      g_autofree char *map_path = cg_world_map_dup_shipped_path ();
      g_autoptr(CgWorldMap) map = cg_world_map_new_from_file (map_path, &error);
      g_autofree char *code = g_ascii_strup (from, -1);
      g_autofree double *values = NULL;
      g_autofree char *title = NULL;
      int row;
      WorldPaint paint;

      if (map == NULL)
        return input_error (error);
      row = cg_dataset_lookup_row (dataset, code);
      if (row < 0)
        {
          g_printerr (_("No country or group with the code “%s” has a profile\n"), code);
          return EXIT_BAD_INPUT;
        }
      values = g_new (double, cg_world_map_get_n_countries (map));
      for (guint i = 0; i < cg_world_map_get_n_countries (map); i++)
        {
          const char *alpha2 = cg_world_map_get_alpha2 (map, i);
          int other = alpha2 != NULL ? cg_dataset_lookup_row (dataset, alpha2) : -1;

          values[i] = other >= 0 ? cg_matrix_get (matrix, (guint) row, (guint) other) : NAN;
        }
      /* Translators: map title, “Divergence from France” */
      title = g_strdup_printf (_("Divergence from %s"), cg_dataset_get_name (dataset, row));
      paint = (WorldPaint) { map, values, cg_world_map_find_alpha2 (map, code), title,
                             _("0 = the same rules, 1 = different on every indicator compared"),
                             &info, &style };
      if (width <= 0)
        width = 1200 * style.font_scale;
      if (height <= 0)
        height = 720 * style.font_scale;
      if (!export_chart (outputs, width, height, dpi, force, paint_world, &paint, &error))
        return input_error (error);
      if (csv_path != NULL)
        {
          /* Every shape on the map; no divergence where there is no profile. */
          g_string_append (csv, "code,name,divergence_from\r\n");
          for (guint i = 0; i < cg_world_map_get_n_countries (map); i++)
            {
              cg_csv_append_field (csv, cg_world_map_get_alpha2 (map, i));
              g_string_append_c (csv, ',');
              cg_csv_append_field (csv, cg_world_map_get_name (map, i));
              g_string_append_c (csv, ',');
              cg_csv_append_number (csv, values[i]);
              g_string_append (csv, "\r\n");
            }
          if (!write_chart_csv (csv_path, csv, force, &error))
            return input_error (error);
        }
      return EXIT_OK;
    }

  if (g_str_equal (kind, "timeline"))
    {
      CgFramework *framework = cg_dataset_get_framework (dataset);
      guint n_dims = cg_framework_get_n_dimensions (framework);
      g_autofree char *code = g_ascii_strup (argv[2], -1);
      g_autofree const char **categories = g_new0 (const char *, n_dims + 1);
      g_autoptr(GPtrArray) changes = NULL;
      g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (CgEvent));
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      CgChartStyle measure;
      int row = cg_dataset_lookup_row (dataset, code);
      TimelinePaint paint;

      if (row < 0)
        {
          g_printerr (_("No country or group with the code “%s” has a profile\n"), code);
          return EXIT_BAD_INPUT;
        }
      changes = cg_store_list_changes (store, code, NULL, cg_dataset_get_as_of (dataset), &error);
      if (changes == NULL)
        return input_error (error);
      for (guint d = 0; d < n_dims; d++)
        categories[d] = cg_framework_get_dimension (framework, d)->label;
      for (guint i = 0; i < changes->len; i++)
        {
          CgChange *change = g_ptr_array_index (changes, i);
          int column = cg_framework_lookup_indicator (framework, change->indicator);
          const CgIndicator *indicator;
          g_autofree char *before = NULL;
          g_autofree char *after = NULL;
          CgEvent event;

          if (column < 0)
            continue;
          indicator = cg_framework_get_indicator (framework, (guint) column);
          before = format_stored (indicator, change->before);
          after = format_stored (indicator, change->after);
          g_ptr_array_add (details, change->before != NULL
                                    ? g_strdup_printf ("%s → %s", before, after)
                                    : g_strdup (after));
          event = (CgEvent) { change->since, indicator->label,
                              g_ptr_array_index (details, details->len - 1),
                              indicator->dimension };
          g_array_append_val (events, event);
        }
      if (events->len == 0)
        {
          g_printerr (_("No change of %s’s rules is recorded up to %s\n"), code,
                      cg_dataset_get_as_of (dataset));
          return EXIT_BAD_INPUT;
        }

      /* Translators: chart title, “How France’s rules changed” */
      title = g_strdup_printf (_("How %s’s rules changed"), cg_dataset_get_name (dataset, row));
      /* Translators: chart subtitle; the placeholders are a count and a date */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u change recorded, up to %s",
                                               "%u changes recorded, up to %s", events->len),
                                  events->len, cg_dataset_get_as_of (dataset));
      paint = (TimelinePaint) { (CgEvent *) events->data, events->len, categories, title, subtitle,
                                &info, &style };
      measure = style;
      if (width <= 0)
        width = 1000 * style.font_scale;
      if (height <= 0)
        {
          guint n_present = 0;

          for (guint d = 0; d < n_dims; d++)
            for (guint i = 0; i < events->len; i++)
              if (g_array_index (events, CgEvent, i).category == d)
                {
                  n_present++;
                  break;
                }
          height = cg_timeline_natural_height (events->len, n_present, &measure);
        }
      if (!export_chart (outputs, width, height, dpi, force, paint_timeline, &paint, &error))
        return input_error (error);
      if (csv_path != NULL)
        {
          g_string_append (csv, "date,indicator,dimension,before,after\r\n");
          for (guint i = 0; i < changes->len; i++)
            {
              CgChange *change = g_ptr_array_index (changes, i);
              int column = cg_framework_lookup_indicator (framework, change->indicator);

              if (column < 0)
                continue;
              cg_csv_append_field (csv, change->since);
              g_string_append_c (csv, ',');
              cg_csv_append_field (csv, change->indicator);
              g_string_append_c (csv, ',');
              cg_csv_append_field (csv, cg_framework_get_dimension (
                framework, cg_framework_get_indicator (framework, (guint) column)->dimension)->id);
              g_string_append_c (csv, ',');
              cg_csv_append_field (csv, change->before);
              g_string_append_c (csv, ',');
              cg_csv_append_field (csv, change->after);
              g_string_append (csv, "\r\n");
            }
          if (!write_chart_csv (csv_path, csv, force, &error))
            return input_error (error);
        }
      return EXIT_OK;
    }

  if (g_str_equal (kind, "radar"))
    {
      CgFramework *framework = cg_dataset_get_framework (dataset);
      guint n_dims = cg_framework_get_n_dimensions (framework);
      guint n_series = (guint) argc - 2;
      g_autofree double *scores = cg_restrictiveness_compute (dataset);
      g_autofree const char **axes = g_new0 (const char *, n_dims + 1);
      CgRadarSeries series[CG_RADAR_MAX_SERIES];
      g_auto(GStrv) codes = g_new0 (char *, n_series + 1);
      RadarPaint paint;

      for (guint d = 0; d < n_dims; d++)
        axes[d] = cg_framework_get_dimension (framework, d)->label;
      for (guint i = 0; i < n_series; i++)
        {
          int row;

          codes[i] = selection.data != NULL ? g_strdup (argv[2 + i]) : g_ascii_strup (argv[2 + i], -1);
          row = cg_dataset_lookup_row (dataset, codes[i]);
          if (row < 0)
            {
              g_printerr (_("No country or group with the code “%s” has a profile\n"), codes[i]);
              return EXIT_BAD_INPUT;
            }
          series[i] = (CgRadarSeries) { cg_dataset_get_name (dataset, row),
                                        scores + (gsize) row * n_dims };
        }

      paint = (RadarPaint) { axes, n_dims, series, n_series, NULL,
                             _("0 at the centre: the most open rules the framework allows; 1 at "
                               "the rim: the most restrictive. A gap: nothing known."),
                             &info, &style };
      if (width <= 0)
        width = 1000 * style.font_scale;
      if (height <= 0)
        height = 760 * style.font_scale;
      if (!export_chart (outputs, width, height, dpi, force, paint_radar, &paint, &error))
        return input_error (error);
      if (csv_path != NULL)
        {
          g_string_append (csv, "code,dimension,restrictiveness\r\n");
          for (guint i = 0; i < n_series; i++)
            for (guint d = 0; d < n_dims; d++)
              {
                cg_csv_append_field (csv, codes[i]);
                g_string_append_c (csv, ',');
                cg_csv_append_field (csv, cg_framework_get_dimension (framework, d)->id);
                g_string_append_c (csv, ',');
                cg_csv_append_number (csv, series[i].values[d]);
                g_string_append (csv, "\r\n");
              }
          if (!write_chart_csv (csv_path, csv, force, &error))
            return input_error (error);
        }
      return EXIT_OK;
    }

  /* contrib A B */
  {
    g_autofree char *a_code = selection.data != NULL ? g_strdup (argv[2]) : g_ascii_strup (argv[2], -1);
    g_autofree char *b_code = selection.data != NULL ? g_strdup (argv[3]) : g_ascii_strup (argv[3], -1);
    int a = cg_dataset_lookup_row (dataset, a_code);
    int b = cg_dataset_lookup_row (dataset, b_code);
    g_autoptr(CgExplanation) why = NULL;
    g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GArray) bars = g_array_new (FALSE, FALSE, sizeof (CgBar));
    g_autofree char *title = NULL;
    g_autofree char *subtitle = NULL;
    CgFramework *framework = cg_dataset_get_framework (dataset);
    BarsPaint paint;

    if (a < 0 || b < 0)
      {
        g_printerr (_("No country or group with the code “%s” has a profile\n"),
                    a < 0 ? a_code : b_code);
        return EXIT_BAD_INPUT;
      }
    why = cg_explain_pair (dataset, a, b, mode);
    if (isnan (why->divergence))
      {
        g_printerr (_("%s and %s are not comparable: no indicator is known for both\n"),
                    a_code, b_code);
        return EXIT_BAD_INPUT;
      }

    for (guint i = 0; i < why->contributions->len; i++)
      {
        CgContribution *c = &g_array_index (why->contributions, CgContribution, i);
        const CgIndicator *indicator = cg_framework_get_indicator (framework, c->column);
        g_autofree char *va = NULL;
        g_autofree char *vb = NULL;
        CgBar bar;

        if (isnan (c->contribution) || c->contribution <= 0)
          continue;
        va = format_coded (indicator, c->value_a);
        vb = format_coded (indicator, c->value_b);
        g_ptr_array_add (details, g_strdup_printf ("%s: %s · %s: %s", a_code, va, b_code, vb));
        bar = (CgBar) { indicator->label, g_ptr_array_index (details, details->len - 1),
                        c->contribution / why->divergence };
        g_array_append_val (bars, bar);
      }

    /* Translators: chart title, “What drives the divergence of France and Germany” */
    title = g_strdup_printf (_("What drives the divergence of %s and %s"),
                             cg_dataset_get_name (dataset, a), cg_dataset_get_name (dataset, b));
    /* Translators: chart subtitle; divergence 0..1 and the share of the framework compared */
    subtitle = g_strdup_printf (_("Divergence %.2f on %.0f%% of the framework; each bar is an "
                                  "indicator’s share of it"),
                                why->divergence, why->coverage * 100);
    paint = (BarsPaint) { (CgBar *) bars->data, bars->len, title, subtitle, &info, &style };
    if (width <= 0)
      width = 1000 * style.font_scale;
    if (height <= 0)
      height = MAX (360, 200 + bars->len * 46) * style.font_scale;
    if (!export_chart (outputs, width, height, dpi, force, paint_bars, &paint, &error))
      return input_error (error);
    if (csv_path != NULL)
      {
        g_string_append (csv, "indicator,label,value_a,value_b,contribution,share\r\n");
        for (guint i = 0; i < why->contributions->len; i++)
          {
            CgContribution *c = &g_array_index (why->contributions, CgContribution, i);
            const CgIndicator *indicator = cg_framework_get_indicator (framework, c->column);

            cg_csv_append_field (csv, indicator->id);
            g_string_append_c (csv, ',');
            cg_csv_append_field (csv, indicator->label);
            g_string_append_c (csv, ',');
            cg_csv_append_number (csv, c->value_a);
            g_string_append_c (csv, ',');
            cg_csv_append_number (csv, c->value_b);
            g_string_append_c (csv, ',');
            cg_csv_append_number (csv, c->contribution);
            g_string_append_c (csv, ',');
            cg_csv_append_number (csv, c->contribution / why->divergence);
            g_string_append (csv, "\r\n");
          }
        if (!write_chart_csv (csv_path, csv, force, &error))
          return input_error (error);
      }
  }

  return EXIT_OK;
}


static const char *
range_name (CgRangeMode mode)
{
  return mode == CG_RANGE_OBSERVED ? "observed" : "framework";
}

static void
json_add_number (JsonBuilder *builder,
                 const char  *member,
                 double       value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static char *
json_to_text (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

static char *
format_coded (const CgIndicator *indicator,
              double             value)
{
  g_autofree char *text = NULL;

  if (isnan (value))
    /* Translators: an indicator's value that no source establishes */
    return g_strdup (_("unknown"));
  text = cg_indicator_format_value (indicator, value);
  if (indicator->type == CG_INDICATOR_NUMERIC && indicator->unit != NULL)
    return g_strdup_printf (g_str_equal (indicator->unit, "%") ? "%s%s" : "%s %s", text,
                            indicator->unit);
  return g_steal_pointer (&text);
}

static void
json_add_value (JsonBuilder       *builder,
                CgStore           *store,
                const char        *code,
                const CgIndicator *indicator,
                double             coded,
                const char        *as_of)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *text = NULL;
  CgValue *value = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  if (isnan (coded))
    json_builder_add_null_value (builder);
  else
    {
      text = cg_indicator_format_value (indicator, coded);
      json_builder_add_string_value (builder, text);
    }

  if (store != NULL && !isnan (coded))
    value = cg_store_lookup_value (store, code, indicator->id, as_of, &from, &error);
  if (value != NULL)
    {
      json_builder_set_member_name (builder, "since");
      json_builder_add_string_value (builder, value->since);
      json_builder_set_member_name (builder, "confidence");
      json_builder_add_string_value (builder, cg_confidence_to_string (value->confidence));
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, from);
      json_builder_set_member_name (builder, "sources");
      json_builder_begin_array (builder);
      for (guint s = 0; s < value->sources->len; s++)
        {
          CgSource *source = g_ptr_array_index (value->sources, s);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, source->title);
          json_builder_set_member_name (builder, "article");
          json_builder_add_string_value (builder, source->article);
          json_builder_set_member_name (builder, "url");
          json_builder_add_string_value (builder, source->url);
          json_builder_set_member_name (builder, "date");
          json_builder_add_string_value (builder, source->date);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      cg_value_free (value);
    }
  json_builder_end_object (builder);
}

static char *
source_summary (CgStore           *store,
                const char        *code,
                const CgIndicator *indicator,
                const char        *as_of)
{
  g_autofree char *from = NULL;
  CgValue *value;
  char *text;

  if (store == NULL)
    return g_strdup ("");
  value = cg_store_lookup_value (store, code, indicator->id, as_of, &from, NULL);
  if (value == NULL || value->sources->len == 0)
    {
      cg_value_free (value);
      return g_strdup ("");
    }
  text = g_strdup_printf ("%s%s%s", ((CgSource *) g_ptr_array_index (value->sources, 0))->title,
                          g_strcmp0 (from, code) != 0 ? " — " : "",
                          g_strcmp0 (from, code) != 0 ? from : "");
  cg_value_free (value);
  return text;
}

static int
command_compare (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("A B — how far two countries’ "
                                                              "rules diverge, and why"));
  g_auto(Selection) selection = { 0, };
  g_autofree char *format = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(CgDataset) dataset = NULL;
  g_autoptr(CgExplanation) explanation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a_code = NULL;
  g_autofree char *b_code = NULL;
  CgFramework *framework;
  CgRangeMode mode;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format (default: text)"),
      "text|json" },
    { NULL }
  };
  int a, b, ret;

  add_selection_options (context, &selection);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((ret = parse_options (context, &argc, &argv)) >= 0)
    return ret;
  if (argc != 3)
    return usage_error (context, _("Name the two countries to compare"));
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return usage_error (context, _("--format takes “text” or “json”"));
  if (selection.countries != NULL || selection.group != NULL)
    return usage_error (context, _("compare takes two countries, not --countries or --group"));

  if ((ret = load_selection (context, &selection, &store, &dataset, &mode)) >= 0)
    return ret;

  a_code = selection.data != NULL ? g_strdup (argv[1]) : g_ascii_strup (argv[1], -1);
  b_code = selection.data != NULL ? g_strdup (argv[2]) : g_ascii_strup (argv[2], -1);
  a = cg_dataset_lookup_row (dataset, a_code);
  b = cg_dataset_lookup_row (dataset, b_code);
  if (a < 0 || b < 0)
    {
      g_printerr (_("No country or group with the code “%s” has a profile\n"),
                  a < 0 ? a_code : b_code);
      return EXIT_BAD_INPUT;
    }

  explanation = cg_explain_pair (dataset, a, b, mode);
  framework = cg_dataset_get_framework (dataset);

  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "a");
      json_builder_add_string_value (builder, a_code);
      json_builder_set_member_name (builder, "b");
      json_builder_add_string_value (builder, b_code);
      json_builder_set_member_name (builder, "as_of");
      json_builder_add_string_value (builder, cg_dataset_get_as_of (dataset));
      json_builder_set_member_name (builder, "range");
      json_builder_add_string_value (builder, range_name (mode));
      json_add_number (builder, "divergence", explanation->divergence);
      json_add_number (builder, "coverage", explanation->coverage);
      json_builder_set_member_name (builder, "dimensions");
      json_builder_begin_array (builder);
      for (guint d = 0; d < explanation->n_dimensions; d++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, cg_framework_get_dimension (framework, d)->id);
          json_add_number (builder, "divergence", explanation->dimension_divergence[d]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "contributions");
      json_builder_begin_array (builder);
      for (guint i = 0; i < explanation->contributions->len; i++)
        {
          CgContribution *c = &g_array_index (explanation->contributions, CgContribution, i);
          const CgIndicator *indicator = cg_framework_get_indicator (framework, c->column);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "indicator");
          json_builder_add_string_value (builder, indicator->id);
          json_add_number (builder, "distance", c->distance);
          json_add_number (builder, "weight", c->weight);
          json_add_number (builder, "contribution", c->contribution);
          json_builder_set_member_name (builder, "a");
          json_add_value (builder, store, a_code, indicator, c->value_a,
                          cg_dataset_get_as_of (dataset));
          json_builder_set_member_name (builder, "b");
          json_add_value (builder, store, b_code, indicator, c->value_b,
                          cg_dataset_get_as_of (dataset));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      text = json_to_text (builder);
      fputs (text, stdout);
      return EXIT_OK;
    }

  g_print ("%s (%s) — %s (%s)", cg_dataset_get_name (dataset, a), a_code,
           cg_dataset_get_name (dataset, b), b_code);
  if (cg_dataset_get_as_of (dataset) != NULL)
    /* Translators: “as of 2026-11-28” */
    g_print (_(", as of %s"), cg_dataset_get_as_of (dataset));
  g_print ("\n\n");

  if (isnan (explanation->divergence))
    {
      g_print (_("Not comparable: no indicator is known for both.\n"));
      return EXIT_OK;
    }
  /* Translators: divergence 0..1, then the share of the framework compared */
  g_print (_("Divergence %.2f (0 = identical, 1 = different on every indicator compared), "
             "on %.0f%% of the framework\n\n"), explanation->divergence,
           explanation->coverage * 100);

  g_print (_("By dimension:\n"));
  for (guint d = 0; d < explanation->n_dimensions; d++)
    {
      double value = explanation->dimension_divergence[d];

      if (isnan (value))
        g_print ("  %-45s %s\n", cg_framework_get_dimension (framework, d)->label,
                 _("not compared"));
      else
        g_print ("  %-45s %.2f\n", cg_framework_get_dimension (framework, d)->label, value);
    }

  g_print (_("\nWhat drives the divergence (share of it), with each side’s value and source:\n"));
  for (guint i = 0; i < explanation->contributions->len; i++)
    {
      CgContribution *c = &g_array_index (explanation->contributions, CgContribution, i);
      const CgIndicator *indicator = cg_framework_get_indicator (framework, c->column);
      g_autofree char *va = NULL;
      g_autofree char *vb = NULL;
      g_autofree char *sa = NULL;
      g_autofree char *sb = NULL;

      if (isnan (c->distance) || c->contribution <= 0)
        continue;
      va = format_coded (indicator, c->value_a);
      vb = format_coded (indicator, c->value_b);
      sa = source_summary (store, a_code, indicator, cg_dataset_get_as_of (dataset));
      sb = source_summary (store, b_code, indicator, cg_dataset_get_as_of (dataset));
      g_print ("  %3.0f%%  %s\n        %s: %s%s%s%s\n        %s: %s%s%s%s\n",
               100 * c->contribution / explanation->divergence, indicator->label,
               a_code, va, *sa != '\0' ? " (" : "", sa, *sa != '\0' ? ")" : "",
               b_code, vb, *sb != '\0' ? " (" : "", sb, *sb != '\0' ? ")" : "");
    }

  {
    GString *same = g_string_new (NULL);
    guint unknown = 0;

    for (guint i = 0; i < explanation->contributions->len; i++)
      {
        CgContribution *c = &g_array_index (explanation->contributions, CgContribution, i);
        const CgIndicator *indicator = cg_framework_get_indicator (framework, c->column);

        if (isnan (c->distance))
          unknown++;
        else if (c->distance == 0)
          g_string_append_printf (same, "%s%s", same->len > 0 ? "; " : "", indicator->label);
      }
    if (same->len > 0)
      g_print (_("\nCommon ground: %s\n"), same->str);
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "\n%u indicator not compared: unknown for one or both.\n",
                          "\n%u indicators not compared: unknown for one or both.\n", unknown),
             unknown);
    g_string_free (same, TRUE);
  }

  return EXIT_OK;
}

static int
command_group (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("GROUP — where a group’s members "
                                                              "agree, and who stands apart"));
  g_auto(Selection) selection = { 0, };
  g_autofree char *format = NULL;
  g_autoptr(CgDataset) dataset = NULL;
  g_autoptr(CgMatrix) matrix = NULL;
  g_autoptr(CgGroupStats) stats = NULL;
  CgFramework *framework;
  CgRangeMode mode;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format (default: text)"),
      "text|json" },
    { NULL }
  };
  int ret;

  add_selection_options (context, &selection);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((ret = parse_options (context, &argc, &argv)) >= 0)
    return ret;
  if (argc == 2 && selection.group == NULL && selection.countries == NULL)
    selection.group = g_ascii_strup (argv[1], -1);
  else if (argc != 1)
    return usage_error (context, _("Name one group, or give --countries"));
  if (selection.group == NULL && selection.countries == NULL)
    return usage_error (context, _("Name one group, or give --countries"));
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return usage_error (context, _("--format takes “text” or “json”"));

  if ((ret = compute_selection (context, &selection, &matrix, &dataset, &mode)) >= 0)
    return ret;
  stats = cg_group_stats_compute (dataset, matrix);
  framework = cg_dataset_get_framework (dataset);

  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "as_of");
      json_builder_add_string_value (builder, cg_dataset_get_as_of (dataset));
      json_add_number (builder, "mean_divergence", stats->mean_divergence);
      json_builder_set_member_name (builder, "members");
      json_builder_begin_array (builder);
      for (guint i = 0; i < stats->n; i++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, cg_dataset_get_code (dataset, i));
          json_add_number (builder, "divergence_from_others", stats->member_divergence[i]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "indicators");
      json_builder_begin_array (builder);
      for (guint j = 0; j < stats->agreements->len; j++)
        {
          CgAgreement *g = &g_array_index (stats->agreements, CgAgreement, j);
          const CgIndicator *indicator = cg_framework_get_indicator (framework, g->column);
          g_autofree char *value = isnan (g->value) ? NULL
                                   : cg_indicator_format_value (indicator, g->value);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "indicator");
          json_builder_add_string_value (builder, indicator->id);
          json_builder_set_member_name (builder, "known");
          json_builder_add_int_value (builder, g->n_known);
          json_add_number (builder, "agreement", g->agreement);
          json_builder_set_member_name (builder, "common_value");
          json_builder_add_string_value (builder, value);
          json_builder_set_member_name (builder, "common_ground");
          json_builder_add_boolean_value (builder, g->common_ground);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      text = json_to_text (builder);
      fputs (text, stdout);
      return EXIT_OK;
    }

  if (isnan (stats->mean_divergence))
    g_print (_("%u members; no pair of them is comparable.\n"), stats->n);
  else
    g_print (_("%u members; mean divergence %.2f (0 = identical, 1 = different on every "
               "indicator compared)\n"), stats->n, stats->mean_divergence);
  if (stats->n >= 2 && !isnan (stats->member_divergence[stats->farthest]))
    g_print (_("Farthest from the rest: %s (%s), %.2f on average\n"),
             cg_dataset_get_name (dataset, stats->farthest),
             cg_dataset_get_code (dataset, stats->farthest),
             stats->member_divergence[stats->farthest]);

  g_print (_("\nCommon ground (all members with a known value agree):\n"));
  for (guint j = 0; j < stats->agreements->len; j++)
    {
      CgAgreement *g = &g_array_index (stats->agreements, CgAgreement, j);
      const CgIndicator *indicator = cg_framework_get_indicator (framework, g->column);
      g_autofree char *value = NULL;

      if (!g->common_ground)
        continue;
      value = format_coded (indicator, g->value);
      g_print (_("  %s: %s (%u of %u members known)\n"), indicator->label, value, g->n_known,
               stats->n);
    }

  g_print (_("\nLeast agreement (the harmonisation agenda):\n"));
  for (guint j = 0; j < stats->agreements->len; j++)
    {
      CgAgreement *g = &g_array_index (stats->agreements, CgAgreement, j);
      const CgIndicator *indicator = cg_framework_get_indicator (framework, g->column);

      if (g->n_known < 2 || g->common_ground || g->agreement > 0.67)
        continue;
      g_print (_("  %s: %.0f%% of the %u members with a known value agree\n"),
               indicator->label, g->agreement * 100, g->n_known);
    }
  return EXIT_OK;
}

static int
command_cluster (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— hierarchical clustering, as "
                                                              "R’s hclust merge table"));
  g_auto(Selection) selection = { 0, };
  g_autofree char *linkage_name = NULL;
  g_autofree char *order_path = NULL;
  g_autoptr(CgMatrix) matrix = NULL;
  g_autoptr(CgTree) tree = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp_dir = NULL;
  CgLinkage linkage = CG_LINKAGE_AVERAGE;
  CgRangeMode mode;
  const GOptionEntry entries[] = {
    { "linkage", 0, 0, G_OPTION_ARG_STRING, &linkage_name,
      N_("How clusters are joined (default: average)"), "average|complete|single" },
    { "order", 0, 0, G_OPTION_ARG_FILENAME, &order_path,
      N_("Also write the leaf order as CSV"), N_("FILE") },
    { NULL }
  };
  int ret;

  add_selection_options (context, &selection);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((ret = parse_options (context, &argc, &argv)) >= 0)
    return ret;
  if (argc != 1)
    return usage_error (context, _("cluster takes no arguments, only options"));
  if (linkage_name != NULL)
    {
      if (g_str_equal (linkage_name, "average"))
        linkage = CG_LINKAGE_AVERAGE;
      else if (g_str_equal (linkage_name, "complete"))
        linkage = CG_LINKAGE_COMPLETE;
      else if (g_str_equal (linkage_name, "single"))
        linkage = CG_LINKAGE_SINGLE;
      else
        return usage_error (context, _("--linkage takes “average”, “complete” or “single”"));
    }

  if ((ret = compute_selection (context, &selection, &matrix, NULL, &mode)) >= 0)
    return ret;
  tree = cg_cluster (matrix, linkage, &error);
  if (tree == NULL)
    return input_error (error);

  {
    g_autoptr(GString) out = g_string_new ("step,a,b,height\n");
    char buffer[CG_FORMAT_G17_SIZE];

    for (guint k = 0; k + 1 < tree->n; k++)
      {
        cg_format_g17 (tree->height[k], buffer);
        g_string_append_printf (out, "%u,%d,%d,%s\n", k + 1, tree->merge[2 * k],
                                tree->merge[2 * k + 1], buffer);
      }
    fputs (out->str, stdout);
  }
  if (order_path != NULL && !cg_tree_write_csv (tree, matrix, NULL, order_path, &error))
    return input_error (error);
  return EXIT_OK;
}

static int
command_mds (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— the policy map: two "
                                                              "coordinates per country"));
  g_auto(Selection) selection = { 0, };
  g_autofree char *format = NULL;
  g_autoptr(CgMatrix) matrix = NULL;
  g_autoptr(CgDataset) dataset = NULL;
  g_autoptr(CgMds) mds = NULL;
  g_autoptr(GError) error = NULL;
  CgRangeMode mode;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format (default: csv)"),
      "csv|json" },
    { NULL }
  };
  int ret;

  add_selection_options (context, &selection);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((ret = parse_options (context, &argc, &argv)) >= 0)
    return ret;
  if (argc != 1)
    return usage_error (context, _("mds takes no arguments, only options"));
  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    return usage_error (context, _("--format takes “csv” or “json”"));

  if ((ret = compute_selection (context, &selection, &matrix, &dataset, &mode)) >= 0)
    return ret;
  mds = cg_mds_compute (matrix, &error);
  if (mds == NULL)
    return input_error (error);

  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_add_number (builder, "explained", mds->explained);
      json_builder_set_member_name (builder, "points");
      json_builder_begin_array (builder);
      for (guint i = 0; i < mds->n; i++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, cg_dataset_get_code (dataset, i));
          json_add_number (builder, "x", mds->coordinates[2 * i]);
          json_add_number (builder, "y", mds->coordinates[2 * i + 1]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      text = json_to_text (builder);
      fputs (text, stdout);
      return EXIT_OK;
    }

  g_print ("country,x,y\n");
  for (guint i = 0; i < mds->n; i++)
    {
      char x[CG_FORMAT_G17_SIZE], y[CG_FORMAT_G17_SIZE];

      cg_format_g17 (mds->coordinates[2 * i], x);
      cg_format_g17 (mds->coordinates[2 * i + 1], y);
      g_print ("%s,%s,%s\n", cg_dataset_get_code (dataset, i), x, y);
    }
  g_printerr (_("The two axes explain %.0f%% of the variance.\n"), mds->explained * 100);
  return EXIT_OK;
}

static int
command_sensitivity (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— how much nearest neighbours "
                                                              "and ranks depend on the weights"));
  g_auto(Selection) selection = { 0, };
  g_autoptr(CgDataset) dataset = NULL;
  g_autoptr(CgSensitivity) result = NULL;
  CgRangeMode mode;
  int runs = 200, seed = 1;
  double sigma = 0.25;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, N_("Perturbed weightings to try (default: 200)"),
      "N" },
    { "sigma", 0, 0, G_OPTION_ARG_DOUBLE, &sigma,
      N_("Spread of the log-weights (default: 0.25)"), "S" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed (default: 1)"), "N" },
    { NULL }
  };
  int ret;

  add_selection_options (context, &selection);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((ret = parse_options (context, &argc, &argv)) >= 0)
    return ret;
  if (argc != 1)
    return usage_error (context, _("sensitivity takes no arguments, only options"));
  if (runs < 1 || runs > 100000 || !(sigma >= 0 && sigma <= 5))
    return usage_error (context, _("--runs takes 1 to 100000, --sigma 0 to 5"));

  if ((ret = load_selection (context, &selection, NULL, &dataset, &mode)) >= 0)
    return ret;
  result = cg_sensitivity_compute (dataset, mode, (guint) runs, sigma, (guint32) seed);

  g_print ("country,nearest,nearest_stable,rank,mean_rank_change\n");
  for (guint i = 0; i < result->n; i++)
    g_print ("%s,%s,%.3f,%u,%.2f\n", cg_dataset_get_code (dataset, i),
             cg_dataset_get_code (dataset, result->nearest[i]), result->nearest_stable[i],
             result->rank[i], result->rank_change[i]);
  return EXIT_OK;
}

static int
command_coverage (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— how much of the framework "
                                                              "each country’s profile covers, "
                                                              "as a Markdown table"));
  g_autofree char *db_path = NULL;
  g_autofree char *as_of = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(CgDataset) dataset = NULL;
  g_autoptr(GListModel) countries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) regions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) out = g_string_new (NULL);
  CgFramework *framework;
  guint n_dims, n_indicators, total_known = 0;
  guint *dim_sizes;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Database to use instead of the default one"), N_("PATH") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_("Count the rules in force on this date (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  int ret;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((ret = parse_options (context, &argc, &argv)) >= 0)
    return ret;
  if (argc != 1)
    return usage_error (context, _("coverage takes no arguments, only options"));
  if (!check_date (as_of, &error))
    return usage_error (context, error->message);

  store = open_store (db_path, &error);
  if (store == NULL)
    return input_error (error);
  dataset = cg_store_load_dataset (store, as_of, &error);
  if (dataset == NULL)
    return input_error (error);
  countries = cg_store_list_countries (store, &error);
  if (countries == NULL)
    return input_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(CgCountry) country = g_list_model_get_item (countries, i);

      if (cg_country_get_region (country) != NULL)
        g_hash_table_insert (regions, g_strdup (cg_country_get_code (country)),
                             g_strdup (cg_country_get_region (country)));
    }

  framework = cg_dataset_get_framework (dataset);
  n_dims = cg_framework_get_n_dimensions (framework);
  n_indicators = cg_framework_get_n_indicators (framework);
  dim_sizes = g_new0 (guint, n_dims);
  for (guint j = 0; j < n_indicators; j++)
    dim_sizes[cg_framework_get_indicator (framework, j)->dimension]++;

  /* The table is data documentation: in English, whatever the locale, so that the
   * README can be checked against it. */
  g_string_append (out, "| Country | ITU region |");
  for (guint d = 0; d < n_dims; d++)
    g_string_append_printf (out, " %s |", cg_framework_get_dimension (framework, d)->label);
  g_string_append (out, " All |\n|---|---|");
  for (guint d = 0; d <= n_dims; d++)
    g_string_append (out, "---:|");
  g_string_append_c (out, '\n');

  for (guint i = 0; i < cg_dataset_get_n_rows (dataset); i++)
    {
      const char *code = cg_dataset_get_code (dataset, i);
      const char *region = g_hash_table_lookup (regions, code);
      guint known = cg_dataset_count_values (dataset, i);

      g_string_append_printf (out, "| %s | %s |", code, region != NULL ? region : "-");
      for (guint d = 0; d < n_dims; d++)
        g_string_append_printf (out, " %u/%u |",
                                cg_dataset_count_values_in_dimension (dataset, i, d),
                                dim_sizes[d]);
      g_string_append_printf (out, " %u/%u |\n", known, n_indicators);
      total_known += known;
    }
  {
    const char * const *region_ids = cg_itu_region_ids ();

    g_string_append (out, "\nCountries with a profile by ITU region:");
    for (guint r = 0; region_ids[r] != NULL; r++)
      {
        guint count = 0;

        for (guint i = 0; i < cg_dataset_get_n_rows (dataset); i++)
          count += g_strcmp0 (g_hash_table_lookup (regions, cg_dataset_get_code (dataset, i)),
                              region_ids[r]) == 0;
        g_string_append_printf (out, "%s %s %u", r == 0 ? "" : ",", region_ids[r], count);
      }
    g_string_append (out, ".\n");
  }
  g_string_append_printf (out, "%u countries with a profile; on average %.1f of the %u "
                          "indicators known per country, as of %s.\n",
                          cg_dataset_get_n_rows (dataset),
                          cg_dataset_get_n_rows (dataset) > 0
                          ? (double) total_known / cg_dataset_get_n_rows (dataset) : 0.0,
                          n_indicators, cg_dataset_get_as_of (dataset));

  g_free (dim_sizes);
  fputs (out->str, stdout);
  return EXIT_OK;
}

static const struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} commands[] = {
  { "validate", command_validate, N_("Check profile and framework files") },
  { "import", command_import, N_("Import profile files into the database, all or nothing") },
  { "list", command_list, N_("List countries, indicators, groups, or a country’s changes") },
  { "search", command_search, N_("Search indicators, notes and sources") },
  { "export", command_export, N_("Write a profile, with your own values, to XML") },
  { "coverage", command_coverage, N_("Show how much of the framework each profile covers") },
  { "matrix", command_matrix, N_("Write the pairwise divergence matrix as CSV or JSON") },
  { "compare", command_compare, N_("Explain how far two countries diverge, and why") },
  { "group", command_group, N_("Show where a group agrees and who stands apart") },
  { "cluster", command_cluster, N_("Cluster countries (R’s hclust merge table)") },
  { "mds", command_mds, N_("Place countries on a two-dimensional policy map") },
  { "sensitivity", command_sensitivity, N_("Test how much results depend on the weights") },
  { "chart", command_chart, N_("Draw a chart to PNG, SVG or PDF") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, _("Usage:\n  %s COMMAND [OPTION…]\n\nCompare how countries regulate "
                     "over-the-top (OTT) services.\n\nCommands:\n"), program_name);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, _("\nRun “%s COMMAND --help” for a command’s options.\n"), program_name);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *prgname = NULL;

  setlocale (LC_ALL, "");
  /* COMMON_GROUND_LOCALE_DIR: translations installed somewhere else than built for,
   * as by the install test or a relocated bundle. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("COMMON_GROUND_LOCALE_DIR") != NULL
                                   ? g_getenv ("COMMON_GROUND_LOCALE_DIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("%s %s\n", program_name, PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          prgname = g_strdup_printf ("%s %s", program_name, commands[i].name);
          g_set_prgname (prgname);
          return commands[i].run (argc - 1, argv + 1);
        }
    }

  g_printerr (_("%s: unknown command “%s”\n\n"), program_name, argv[1]);
  print_usage (stderr);
  return EXIT_USAGE;
}
