/* cg-file.c: files written beside their target, then renamed over it
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-file"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cg-file-private.h"

/*
 * _cg_file_open_temp:
 * @path: the file that will be written
 * @out_tmp_path: (out) (transfer full): a new, empty file in the same folder
 *
 * The temporary file gets the permissions a newly created @path would have (0666 less
 * the umask), not mkstemp's private 0600: an exported chart is meant to be shared.
 *
 * Returns: an open file descriptor, or -1 with @error set
 */
int
_cg_file_open_temp (const char  *path,
                    char       **out_tmp_path,
                    GError     **error)
{
  g_autofree char *tmp_path = g_strdup_printf ("%s.XXXXXX", path);
  mode_t mask;
  int fd;

  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), path, g_strerror (saved_errno));
      return -1;
    }

  mask = umask (0);
  umask (mask);
  fchmod (fd, 0666 & ~mask);

  *out_tmp_path = g_steal_pointer (&tmp_path);
  return fd;
}
