/* cg-png.c: writing a cairo image as PNG, fast
 *
 * cairo_surface_write_to_png () lets libpng try every row filter at the default
 * compression level; for a chart, mostly flat colour, that spends three quarters of an
 * export in zlib. Charts compress as well with the “up” filter (a row of a heatmap is
 * mostly the row above) at a low zlib level, several times faster. The file also records
 * its resolution, so a 300 dpi export prints at its intended size.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-chart"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <png.h>
#include <stdio.h>
#include <unistd.h>

#include "cg-png.h"

typedef struct
{
  int         fd;       /* −1: into bytes */
  GByteArray *bytes;
  int         saved_errno;
} Sink;

static void
write_cb (png_structp  png,
          png_bytep    data,
          png_size_t   length)
{
  Sink *sink = png_get_io_ptr (png);

  if (sink->bytes != NULL)
    {
      g_byte_array_append (sink->bytes, data, (guint) length);
      return;
    }
  while (length > 0 && sink->saved_errno == 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          sink->saved_errno = written < 0 ? errno : EIO;
          png_error (png, "write failed");
        }
      data += written;
      length -= (png_size_t) written;
    }
}

static void
flush_cb (png_structp png)
{
}

static void
error_cb (png_structp     png,
          png_const_charp message)
{
  png_longjmp (png, 1);
}

static void
warning_cb (png_structp     png,
            png_const_charp message)
{
}

static gboolean
write_png (cairo_surface_t *image,
           Sink            *sink_in,
           double           dpi,
           GError         **error)
{
  volatile png_structp png = NULL;
  png_infop info = NULL;
  Sink sink = *sink_in;
  int width, height, stride;
  cairo_format_t format;
  const unsigned char *data;
  guint8 *volatile row = NULL;
  volatile gboolean has_alpha = FALSE;

  g_return_val_if_fail (cairo_surface_get_type (image) == CAIRO_SURFACE_TYPE_IMAGE, FALSE);

  cairo_surface_flush (image);
  format = cairo_image_surface_get_format (image);
  g_return_val_if_fail (format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24, FALSE);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  stride = cairo_image_surface_get_stride (image);
  data = cairo_image_surface_get_data (image);

  /* A chart paints its background: no alpha channel needed when every pixel is opaque. */
  if (format == CAIRO_FORMAT_ARGB32)
    {
      gboolean opaque = TRUE;

      for (int y = 0; y < height && opaque; y++)
        {
          const guint32 *pixels = (const guint32 *) (data + (gsize) y * stride);

          for (int x = 0; x < width; x++)
            if (pixels[x] < 0xff000000u)
              {
                opaque = FALSE;
                break;
              }
        }
      has_alpha = !opaque;
    }

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, error_cb, warning_cb);
  if (png == NULL || (info = png_create_info_struct (png)) == NULL)
    {
      png_destroy_write_struct ((png_structpp) &png, NULL);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Out of memory"));
      return FALSE;
    }

  if (setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct ((png_structpp) &png, &info);
      g_free (row);
      g_set_error (error, G_IO_ERROR,
                   sink.saved_errno != 0 ? g_io_error_from_errno (sink.saved_errno)
                                         : G_IO_ERROR_FAILED,
                   "%s", sink.saved_errno != 0 ? g_strerror (sink.saved_errno)
                                               : _("the PNG encoder failed"));
      return FALSE;
    }

  png_set_write_fn (png, &sink, write_cb, flush_cb);
  png_set_IHDR (png, info, (png_uint_32) width, (png_uint_32) height, 8,
                has_alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (dpi > 0)
    {
      png_uint_32 per_metre = (png_uint_32) lround (dpi / 0.0254);
      png_set_pHYs (png, info, per_metre, per_metre, PNG_RESOLUTION_METER);
    }
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
  png_set_compression_level (png, 1);
  png_write_info (png, info);

  /* Opaque, little-endian: cairo's bytes are B, G, R, A; libpng can take them as they are. */
  if (!has_alpha && G_BYTE_ORDER == G_LITTLE_ENDIAN)
    {
      png_set_bgr (png);
      png_set_filler (png, 0, PNG_FILLER_AFTER);
      for (int y = 0; y < height; y++)
        png_write_row (png, (png_const_bytep) (data + (gsize) y * stride));
      png_write_end (png, info);
      png_destroy_write_struct ((png_structpp) &png, &info);
      return TRUE;
    }

  row = g_malloc ((gsize) width * 4);
  for (int y = 0; y < height; y++)
    {
      const guint32 *pixels = (const guint32 *) (data + (gsize) y * stride);
      guint8 *out = row;

      /* cairo: native-endian premultiplied 0xAARRGGBB; PNG: straight R, G, B(, A). */
      for (int x = 0; x < width; x++)
        {
          guint32 p = pixels[x];
          guint a = format == CAIRO_FORMAT_ARGB32 ? p >> 24 : 255;
          guint r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

          if (a != 255 && a != 0)
            {
              r = (r * 255 + a / 2) / a;
              g = (g * 255 + a / 2) / a;
              b = (b * 255 + a / 2) / a;
            }
          *out++ = r;
          *out++ = g;
          *out++ = b;
          if (has_alpha)
            *out++ = a;
        }
      png_write_row (png, row);
    }
  png_write_end (png, info);
  png_destroy_write_struct ((png_structpp) &png, &info);
  g_free (row);
  return TRUE;
}

/**
 * _cg_png_write:
 * @image: an ARGB32 or RGB24 image surface
 * @fd: where to write, from its current position
 * @dpi: the resolution to record, or 0
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
_cg_png_write (cairo_surface_t *image,
               int              fd,
               double           dpi,
               GError         **error)
{
  Sink sink = { fd, NULL, 0 };

  return write_png (image, &sink, dpi, error);
}

/**
 * _cg_png_attach:
 * @image: an ARGB32 or RGB24 image surface
 *
 * Encodes @image and attaches the PNG to it as its mime data, so that an SVG surface
 * embeds these bytes instead of encoding the image again, more slowly.
 */
void
_cg_png_attach (cairo_surface_t *image)
{
  Sink sink = { -1, g_byte_array_new (), 0 };
  guint length;

  if (!write_png (image, &sink, 0, NULL))
    {
      g_byte_array_unref (sink.bytes);
      return;
    }
  length = sink.bytes->len;
  cairo_surface_set_mime_data (image, CAIRO_MIME_TYPE_PNG,
                               g_byte_array_free (sink.bytes, FALSE), length, g_free, NULL);
}
