/* cg-matrix-csv.c: divergence matrices, trees and leaf orders written as CSV
 *
 * The formats of R's reference files: `country,<labels>` then one row per country,
 * values as "%.17g" (every double round-trips), `NA` where not comparable; the tree as
 * `step,a,b,height` in hclust's $merge convention; the order as `position,index,label`.
 * Rows are formatted on all cores, in chunks, and written as they are ready, so a
 * 2000 × 2000 matrix never sits in memory as text.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-matrix-csv"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cg-divergence.h"
#include "cg-file-private.h"
#include "cg-format.h"
#include "cg-matrix-csv.h"

#define CHUNK_ROWS 64

static void
append_number (GString *out,
               double   value)
{
  char buffer[CG_FORMAT_G17_SIZE];
  int length;

  if (isnan (value))
    {
      g_string_append_len (out, "NA", 2);
      return;
    }
  length = cg_format_g17 (value, buffer);
  g_string_append_len (out, buffer, length);
}

typedef struct
{
  const CgMatrix *matrix;
  GString       **rows;
  guint           first;
  guint           count;
  guint           stride;  /* this worker formats rows first, first + stride, … */
  guint           offset;
} Chunk;

static gpointer
format_rows (gpointer data)
{
  Chunk *chunk = data;
  guint n = cg_matrix_get_size (chunk->matrix);

  for (guint r = chunk->offset; r < chunk->count; r += chunk->stride)
    {
      guint i = chunk->first + r;
      GString *out = chunk->rows[r];

      g_string_truncate (out, 0);
      g_string_append (out, cg_matrix_get_code (chunk->matrix, i));
      for (guint j = 0; j < n; j++)
        {
          g_string_append_c (out, ',');
          append_number (out, cg_matrix_get (chunk->matrix, i, j));
        }
      g_string_append_c (out, '\n');
    }
  return NULL;
}

typedef struct
{
  FILE *file;
  char *tmp_path;
  const char *path;
} Output;

static gboolean
output_open (Output      *output,
             const char  *path,
             GError     **error)
{
  int fd;

  output->path = path;
  if (path == NULL || g_str_equal (path, "-"))
    {
      output->file = stdout;
      return TRUE;
    }

  /* Beside the target, renamed over it at the end: never a half-written file. */
  fd = _cg_file_open_temp (path, &output->tmp_path, error);
  if (fd < 0)
    return FALSE;
  if ((output->file = fdopen (fd, "w")) == NULL)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (output->tmp_path);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), path, g_strerror (saved_errno));
      g_clear_pointer (&output->tmp_path, g_free);
      return FALSE;
    }
  setvbuf (output->file, NULL, _IOFBF, 1 << 20);
  return TRUE;
}

static gboolean
output_close (Output      *output,
              gboolean     ok,
              GError     **error)
{
  int saved_errno;

  if (output->file == stdout)
    {
      if (fflush (stdout) != 0 && ok)
        {
          saved_errno = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not write the output: %s"), g_strerror (saved_errno));
          return FALSE;
        }
      return ok;
    }

  if (ok && (ferror (output->file) || fflush (output->file) != 0))
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), output->path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (fclose (output->file) != 0 && ok)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), output->path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (ok && g_rename (output->tmp_path, output->path) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), output->path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (output->tmp_path);
  g_clear_pointer (&output->tmp_path, g_free);
  return ok;
}

/**
 * cg_matrix_write_csv:
 * @matrix: the divergence matrix
 * @path: (nullable): the file to write, replaced atomically; %NULL or "-" for standard
 *   output
 *
 * Returns: %TRUE, or %FALSE with @error set and any existing @path untouched
 */
gboolean
cg_matrix_write_csv (const CgMatrix  *matrix,
                     const char      *path,
                     GError         **error)
{
  Output output = { 0, };
  guint n, n_threads;
  GString *rows[CHUNK_ROWS];
  gboolean ok = TRUE;

  g_return_val_if_fail (matrix != NULL, FALSE);

  if (!output_open (&output, path, error))
    return FALSE;

  n = cg_matrix_get_size (matrix);
  n_threads = (gsize) n * n < 100000 ? 1 : MIN (MAX (g_get_num_processors (), 1), 8);
  for (guint r = 0; r < CHUNK_ROWS; r++)
    rows[r] = g_string_sized_new (n * 20 + 16);

  fputs ("country", output.file);
  for (guint j = 0; j < n; j++)
    {
      fputc (',', output.file);
      fputs (cg_matrix_get_code (matrix, j), output.file);
    }
  fputc ('\n', output.file);

  for (guint first = 0; first < n && ok; first += CHUNK_ROWS)
    {
      guint count = MIN (CHUNK_ROWS, n - first);
      g_autofree Chunk *chunks = g_new (Chunk, n_threads);
      g_autofree GThread **threads = g_new0 (GThread *, n_threads);

      for (guint t = 0; t < n_threads; t++)
        chunks[t] = (Chunk) { matrix, rows, first, count, n_threads, t };
      for (guint t = 1; t < n_threads; t++)
        threads[t] = g_thread_new ("cg-csv", format_rows, &chunks[t]);
      format_rows (&chunks[0]);
      for (guint t = 1; t < n_threads; t++)
        g_thread_join (threads[t]);

      for (guint r = 0; r < count && ok; r++)
        ok = fwrite (rows[r]->str, 1, rows[r]->len, output.file) == rows[r]->len;
    }

  for (guint r = 0; r < CHUNK_ROWS; r++)
    g_string_free (rows[r], TRUE);

  if (!ok)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), path != NULL ? path : "-",
                   g_strerror (saved_errno));
      output_close (&output, FALSE, NULL);
      return FALSE;
    }
  return output_close (&output, TRUE, error);
}

/**
 * cg_tree_write_csv:
 * @tree: a clustering
 * @matrix: the matrix it was made from, for the labels
 * @tree_path: (nullable): where to write the merge table
 * @order_path: (nullable): where to write the leaf order
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
cg_tree_write_csv (const CgTree    *tree,
                   const CgMatrix  *matrix,
                   const char      *tree_path,
                   const char      *order_path,
                   GError         **error)
{
  g_return_val_if_fail (tree != NULL, FALSE);
  g_return_val_if_fail (matrix != NULL, FALSE);

  if (tree_path != NULL)
    {
      g_autoptr(GString) out = g_string_new ("step,a,b,height\n");

      for (guint k = 0; k + 1 < tree->n; k++)
        {
          g_string_append_printf (out, "%u,%d,%d,", k + 1, tree->merge[2 * k],
                                  tree->merge[2 * k + 1]);
          append_number (out, tree->height[k]);
          g_string_append_c (out, '\n');
        }
      if (!g_file_set_contents (tree_path, out->str, out->len, error))
        return FALSE;
    }

  if (order_path != NULL)
    {
      g_autoptr(GString) out = g_string_new ("position,index,label\n");

      for (guint p = 0; p < tree->n; p++)
        g_string_append_printf (out, "%u,%u,%s\n", p + 1, tree->order[p] + 1,
                                cg_matrix_get_code (matrix, tree->order[p]));
      if (!g_file_set_contents (order_path, out->str, out->len, error))
        return FALSE;
    }

  return TRUE;
}
