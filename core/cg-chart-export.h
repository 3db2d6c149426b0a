/* cg-chart-export.h: writing charts to PNG, SVG and PDF files
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "cg-chart.h"

G_BEGIN_DECLS

typedef enum
{
  CG_EXPORT_PNG,
  CG_EXPORT_SVG,
  CG_EXPORT_PDF,
} CgExportFormat;

/* Draws a chart of @width × @height CSS pixels on @cr. */
typedef void (*CgChartPaintFunc) (cairo_t  *cr,
                                  double    width,
                                  double    height,
                                  gpointer  user_data);

gboolean cg_export_format_from_path (const char        *path,
                                     CgExportFormat    *out_format,
                                     GError           **error);
gboolean cg_chart_export            (const char        *path,
                                     double             width,
                                     double             height,
                                     double             dpi,
                                     gboolean           replace,
                                     CgChartPaintFunc   paint,
                                     gpointer           user_data,
                                     GError           **error);

G_END_DECLS
