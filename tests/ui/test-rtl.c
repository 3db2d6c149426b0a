/* test-rtl.c: the window in Arabic: translated, and laid out right to left
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "cg-window.h"

static void
test_arabic_window (void)
{
  CgWindow *window;
  GtkWidget *entry = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  const char *expected;

  /* GTK takes its direction from its own Arabic catalogue. */
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);

  window = g_object_ref_sink (cg_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  while (g_strcmp0 (cg_window_get_visible_page (window), "loading") == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);

  /* The search entry speaks Arabic: the catalogue gives Arabic letters for its
   * placeholder, and the entry shows them. */
  expected = _("Search countries");
  g_assert_cmpint (g_unichar_get_script (g_utf8_get_char (expected)), ==,
                   G_UNICODE_SCRIPT_ARABIC);
  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    g_ptr_array_add (stack, window);
    while (stack->len > 0 && entry == NULL)
      {
        GtkWidget *node = g_ptr_array_steal_index (stack, stack->len - 1);

        if (GTK_IS_SEARCH_ENTRY (node))
          {
            g_autofree char *placeholder = NULL;

            g_object_get (node, "placeholder-text", &placeholder, NULL);
            if (g_strcmp0 (placeholder, expected) == 0)
              entry = node;
          }
        for (GtkWidget *child = gtk_widget_get_first_child (node); child != NULL;
             child = gtk_widget_get_next_sibling (child))
          g_ptr_array_add (stack, child);
      }
  }
  g_assert_nonnull (entry);
  g_assert_cmpint (gtk_widget_get_direction (entry), ==, GTK_TEXT_DIR_RTL);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  g_autofree char *locale_dir = NULL;
  g_autofree char *messages = NULL;
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  const char *built = g_getenv ("CG_TEST_AR_MO");
  gsize length;
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  /* The built Arabic catalogue, where gettext looks for it. */
  locale_dir = g_dir_make_tmp ("cg-rtl-XXXXXX", NULL);
  messages = g_build_filename (locale_dir, "ar", "LC_MESSAGES", NULL);
  target = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_assert_nonnull (built);
  g_assert_true (g_file_get_contents (built, &contents, &length, NULL));
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, contents, length, NULL));

  g_setenv ("LANGUAGE", "ar", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  data_home = g_dir_make_tmp ("cg-rtl-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/ui/arabic-window", test_arabic_window);
  status = g_test_run ();

  g_unlink (target);
  g_rmdir (messages);
  return status;
}
