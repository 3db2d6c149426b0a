/* cg-world-map.h: country shapes for a world map, in the Equal Earth projection
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

#define CG_WORLD_MAP_ERROR (cg_world_map_error_quark ())

typedef enum
{
  CG_WORLD_MAP_ERROR_READ,     /* the file cannot be read, or is too large */
  CG_WORLD_MAP_ERROR_PARSE,    /* the file is not a world map file */
} CgWorldMapError;

typedef struct _CgWorldMap CgWorldMap;

GQuark      cg_world_map_error_quark     (void);

CgWorldMap *cg_world_map_new_from_file   (const char        *path,
                                          GError           **error);
char       *cg_world_map_dup_shipped_path (void);
void        cg_world_map_free            (CgWorldMap        *map);

guint       cg_world_map_get_n_countries (const CgWorldMap  *map);
guint       cg_world_map_get_numeric     (const CgWorldMap  *map,
                                          guint              index);
const char *cg_world_map_get_name        (const CgWorldMap  *map,
                                          guint              index);
const char *cg_world_map_get_alpha2      (const CgWorldMap  *map,
                                          guint              index);
int         cg_world_map_find_alpha2     (const CgWorldMap  *map,
                                          const char        *alpha2);

/* Equal Earth on the unit sphere: x in ±2.7066, y in ±1.3174, y pointing north. */
void        cg_equal_earth_project       (double             lon_deg,
                                          double             lat_deg,
                                          double            *x,
                                          double            *y);

/* Device coordinates of a projected point (x, y) are
 * (dx + scale * x, dy - scale * y): y points down, as in cairo. */
void        cg_world_map_fit             (const CgWorldMap  *map,
                                          double             width,
                                          double             height,
                                          double             margin,
                                          double            *out_scale,
                                          double            *out_dx,
                                          double            *out_dy);
void        cg_world_map_path            (const CgWorldMap  *map,
                                          guint              index,
                                          cairo_t           *cr,
                                          double             scale,
                                          double             dx,
                                          double             dy);
int         cg_world_map_hit_test        (const CgWorldMap  *map,
                                          double             x,
                                          double             y,
                                          double             scale,
                                          double             dx,
                                          double             dy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgWorldMap, cg_world_map_free)

G_END_DECLS
