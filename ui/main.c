/* main.c: start Common Ground
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cg-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(CgApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* COMMON_GROUND_LOCALE_DIR: translations installed somewhere else than built for,
   * as by the install test or a relocated bundle. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("COMMON_GROUND_LOCALE_DIR") != NULL
                                   ? g_getenv ("COMMON_GROUND_LOCALE_DIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cg_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
