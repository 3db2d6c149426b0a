/* cg-chart-export.c: writing charts to PNG, SVG and PDF files
 *
 * A figure is written to a temporary file beside the target, then renamed over it:
 * a failure halfway never leaves a truncated figure in a paper's folder, and an
 * existing file is replaced only when the caller says so.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-chart-export"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <unistd.h>

#include "cg-chart-export.h"
#include "cg-png.h"
#include "cg-file-private.h"

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * cg_export_format_from_path:
 * @out_format: (out): the format the file name's extension asks for
 *
 * Returns: %TRUE, or %FALSE with @error set when the extension is not .png, .svg or .pdf
 */
gboolean
cg_export_format_from_path (const char      *path,
                            CgExportFormat  *out_format,
                            GError         **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *out_format = CG_EXPORT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *out_format = CG_EXPORT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *out_format = CG_EXPORT_PDF;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("%s: the file name must end in .png, .svg or .pdf"), path);
      return FALSE;
    }
  return TRUE;
}

/**
 * cg_chart_export:
 * @path: the file to write; its extension chooses the format
 * @width: chart width in CSS pixels (1/96 inch)
 * @height: chart height in CSS pixels
 * @dpi: resolution of a PNG (96 gives one pixel per CSS pixel); ignored for vector formats
 * @replace: whether an existing @path may be replaced
 * @paint: (scope call): draws the chart
 *
 * Returns: %TRUE, or %FALSE with @error set and any existing @path untouched
 */
gboolean
cg_chart_export (const char        *path,
                 double             width,
                 double             height,
                 double             dpi,
                 gboolean           replace,
                 CgChartPaintFunc   paint,
                 gpointer           user_data,
                 GError           **error)
{
  g_autofree char *tmp_path = NULL;
  g_autoptr(GString) svg = NULL;
  g_autoptr(GError) local_error = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  CgExportFormat format;
  cairo_t *cr;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (paint != NULL, FALSE);

  if (!cg_export_format_from_path (path, &format, error))
    return FALSE;

  if (!(width >= 16 && height >= 16 && width <= 20000 && height <= 20000))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A chart must be between 16 and 20000 pixels wide and high"));
      return FALSE;
    }
  if (format == CG_EXPORT_PNG && !(dpi >= 24 && dpi <= 1200 &&
                                   width * dpi / 96 <= 32767 && height * dpi / 96 <= 32767))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The resolution must be between 24 and 1200 dpi, and the image at most "
                     "32767 pixels wide and high"));
      return FALSE;
    }

  if (!replace && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s already exists: choose another name or allow replacing it"), path);
      return FALSE;
    }

  fd = _cg_file_open_temp (path, &tmp_path, error);
  if (fd < 0)
    return FALSE;
  /* cairo writes SVG and PDF by path; the PNG encoder writes to this descriptor. */
  if (format != CG_EXPORT_PNG)
    {
      close (fd);
      fd = -1;
    }

  switch (format)
    {
    case CG_EXPORT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width * dpi / 96),
                                            (int) ceil (height * dpi / 96));
      break;
    case CG_EXPORT_SVG:
      svg = g_string_new (NULL);
      surface = cairo_svg_surface_create_for_stream (append_to_string, svg, width * 72 / 96,
                                                     height * 72 / 96);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      break;
    case CG_EXPORT_PDF:
      surface = cairo_pdf_surface_create (tmp_path, width * 72 / 96, height * 72 / 96);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                      "Common Ground " PACKAGE_VERSION);
      break;
    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  if (format == CG_EXPORT_PNG)
    cairo_scale (cr, dpi / 96, dpi / 96);
  else
    cairo_scale (cr, 72.0 / 96, 72.0 / 96);

  paint (cr, width, height, user_data);

  status = cairo_status (cr);
  cairo_destroy (cr);

  if (format == CG_EXPORT_PNG)
    {
      if (status == CAIRO_STATUS_SUCCESS && !_cg_png_write (surface, fd, dpi, &local_error))
        status = CAIRO_STATUS_WRITE_ERROR;
      if (close (fd) != 0 && status == CAIRO_STATUS_SUCCESS)
        status = CAIRO_STATUS_WRITE_ERROR;
    }

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && svg != NULL)
    {
      /* Cells drawn as an image are meant to stay sharp squares when a viewer scales
       * them; cairo 1.16 does not say so in SVG (it does in PDF), so say it here. */
      g_string_replace (svg, "<image ",
                        "<image style=\"image-rendering:optimizeSpeed;"
                        "image-rendering:pixelated\" ", 0);
      if (!g_file_set_contents (tmp_path, svg->str, svg->len, &local_error))
        status = CAIRO_STATUS_WRITE_ERROR;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"), path,
                   local_error != NULL ? local_error->message : cairo_status_to_string (status));
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), path, g_strerror (saved_errno));
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}
