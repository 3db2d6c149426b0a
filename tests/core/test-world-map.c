/* test-world-map.c: the world map file, its reader, the Equal Earth projection
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cg-world-map.h"

/* What build-aux/convert-world-atlas makes of world-atlas 2.0.2's countries-110m.json:
 * all 177 shapes, 3 of which (N. Cyprus, Somaliland, Kosovo) have no ISO code. */
#define SHIPPED_COUNTRIES 177
#define SHIPPED_WITHOUT_CODE 3

static CgWorldMap *
load_shipped (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "world",
                                                 "countries-110m.txt", NULL);
  g_autoptr(GError) error = NULL;
  CgWorldMap *map = cg_world_map_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);
  return map;
}

static int
find_numeric (const CgWorldMap *map,
              guint             numeric)
{
  for (guint i = 0; i < cg_world_map_get_n_countries (map); i++)
    {
      if (cg_world_map_get_numeric (map, i) == numeric)
        return (int) i;
    }
  return -1;
}

static void
test_shipped (void)
{
  g_autoptr(CgWorldMap) map = load_shipped ();
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  guint without_code = 0;

  g_assert_cmpuint (cg_world_map_get_n_countries (map), ==, SHIPPED_COUNTRIES);

  for (guint i = 0; i < cg_world_map_get_n_countries (map); i++)
    {
      const char *alpha2 = cg_world_map_get_alpha2 (map, i);
      const char *name = cg_world_map_get_name (map, i);

      g_assert_nonnull (name);
      g_assert_cmpstr (name, !=, "");
      if (cg_world_map_get_numeric (map, i) == 0)
        {
          /* A shape with no code draws, but matches no data. */
          g_assert_null (alpha2);
          without_code++;
          continue;
        }
      /* Every code in world-atlas is known to iso-codes, and each appears once. */
      g_assert_nonnull (alpha2);
      g_assert_cmpuint (strlen (alpha2), ==, 2);
      g_assert_false (g_hash_table_contains (codes, alpha2));
      g_hash_table_add (codes, (gpointer) alpha2);
      g_assert_cmpint (cg_world_map_find_alpha2 (map, alpha2), ==, (int) i);
    }
  g_assert_cmpuint (without_code, ==, SHIPPED_WITHOUT_CODE);
  g_assert_cmpint (cg_world_map_find_alpha2 (map, "ZZ"), ==, -1);
}

static void
test_alpha2 (void)
{
  g_autoptr(CgWorldMap) map = load_shipped ();
  const struct { guint numeric; const char *alpha2; const char *name; } cases[] = {
    { 404, "KE", "Kenya" },
    { 250, "FR", "France" },
    { 76, "BR", "Brazil" },
    { 643, "RU", "Russia" },
    { 242, "FJ", "Fiji" },
    { 10, "AQ", "Antarctica" },
    { 840, "US", "United States of America" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int index = find_numeric (map, cases[i].numeric);

      g_assert_cmpint (index, >=, 0);
      g_assert_cmpstr (cg_world_map_get_alpha2 (map, index), ==, cases[i].alpha2);
      g_assert_cmpstr (cg_world_map_get_name (map, index), ==, cases[i].name);
      g_assert_cmpint (cg_world_map_find_alpha2 (map, cases[i].alpha2), ==, index);
    }
}

static void
test_equal_earth (void)
{
  double x, y, x2, y2;
  const double lons[] = { -180, -122.5, -30, 0, 17, 90, 180 };
  const double lats[] = { -90, -60, -12.5, 0, 33, 75, 90 };

  cg_equal_earth_project (0, 0, &x, &y);
  g_assert_cmpfloat (x, ==, 0);
  g_assert_cmpfloat (y, ==, 0);

  /* Symmetric about the equator and the central meridian. */
  for (guint i = 0; i < G_N_ELEMENTS (lons); i++)
    for (guint j = 0; j < G_N_ELEMENTS (lats); j++)
      {
        cg_equal_earth_project (lons[i], lats[j], &x, &y);
        cg_equal_earth_project (-lons[i], lats[j], &x2, &y2);
        g_assert_cmpfloat_with_epsilon (x2, -x, 1e-15);
        g_assert_cmpfloat_with_epsilon (y2, y, 1e-15);
        cg_equal_earth_project (lons[i], -lats[j], &x2, &y2);
        g_assert_cmpfloat_with_epsilon (x2, x, 1e-15);
        g_assert_cmpfloat_with_epsilon (y2, -y, 1e-15);
      }

  /* East is +x, north is +y; the equator is the widest parallel. */
  cg_equal_earth_project (90, 0, &x, &y);
  cg_equal_earth_project (180, 0, &x2, &y2);
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (x2, >, x);
  g_assert_cmpfloat (y, ==, 0);
  /* On the equator, x = 2 √3 π / (3 A1) at 180° (θ = 0). */
  g_assert_cmpfloat_with_epsilon (x2, 2 * sqrt (3) * G_PI / (3 * 1.340264), 1e-12);
  cg_equal_earth_project (180, 60, &x, &y);
  g_assert_cmpfloat (x, <, x2);
  g_assert_cmpfloat (y, >, 0);

  /* Published values. PROJ (src/projections/eqearth.cpp): 90° north is
   * y = 1.3173627591574 on the unit sphere. Its documentation's example:
   * `echo 122 47 | proj +proj=eqearth +R=1` prints 1.55 0.89. */
  cg_equal_earth_project (0, 90, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0, 1e-15);
  g_assert_cmpfloat_with_epsilon (y, 1.3173627591574, 1e-12);
  cg_equal_earth_project (122, 47, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 1.55, 0.005);
  g_assert_cmpfloat_with_epsilon (y, 0.89, 0.005);
  /* Šavrič et al. (2018): the equator is 2.05 times as long as the central meridian. */
  cg_equal_earth_project (180, 0, &x, &y);
  cg_equal_earth_project (0, 90, &x2, &y2);
  g_assert_cmpfloat_with_epsilon (x / y2, 2.05, 0.005);

  /* Equal area: a small cell of dλ × dφ degrees covers cos φ dλ dφ (in radians²),
   * as on the unit sphere. This fails if any coefficient is wrong. */
  for (guint i = 0; i < G_N_ELEMENTS (lons); i++)
    for (guint j = 1; j + 1 < G_N_ELEMENTS (lats); j++)
      {
        const double h = 1e-4;
        double lon = CLAMP (lons[i], -179, 179), lat = lats[j];
        double xl0, yl0, xl1, yl1, xp0, yp0, xp1, yp1, jacobian, expected;

        cg_equal_earth_project (lon - h, lat, &xl0, &yl0);
        cg_equal_earth_project (lon + h, lat, &xl1, &yl1);
        cg_equal_earth_project (lon, lat - h, &xp0, &yp0);
        cg_equal_earth_project (lon, lat + h, &xp1, &yp1);
        jacobian = ((xl1 - xl0) * (yp1 - yp0) - (xp1 - xp0) * (yl1 - yl0)) / (4 * h * h);
        expected = cos (lat * G_PI / 180) * (G_PI / 180) * (G_PI / 180);
        g_assert_cmpfloat_with_epsilon (jacobian / expected, 1, 1e-6);
      }
}

/* Device coordinates of a longitude and latitude, as cg_world_map_path() draws them. */
static void
to_device (double  lon,
           double  lat,
           double  scale,
           double  dx,
           double  dy,
           double *x,
           double *y)
{
  double px, py;

  cg_equal_earth_project (lon, lat, &px, &py);
  *x = dx + scale * px;
  *y = dy - scale * py;
}

static int
hit_at (const CgWorldMap *map,
        double            lon,
        double            lat,
        double            scale,
        double            dx,
        double            dy)
{
  double x, y;

  to_device (lon, lat, scale, dx, dy, &x, &y);
  return cg_world_map_hit_test (map, x, y, scale, dx, dy);
}

static void
test_fit (void)
{
  g_autoptr(CgWorldMap) map = load_shipped ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 10, 10);
  cairo_t *cr = cairo_create (surface);
  const double width = 1000, height = 700, margin = 20;
  double scale, dx, dy, x1, y1, x2, y2, xf, yf, xb, yb;

  cg_world_map_fit (map, width, height, margin, &scale, &dx, &dy);
  g_assert_cmpfloat (scale, >, 0);

  for (guint i = 0; i < cg_world_map_get_n_countries (map); i++)
    cg_world_map_path (map, i, cr, scale, dx, dy);
  cairo_path_extents (cr, &x1, &y1, &x2, &y2);

  /* Inside the margins, centred, and as wide as it can be: the map is wider than
   * tall, so it fills the width (Antarctica, Fiji and Russia reach ±180°). */
  /* (cairo keeps paths in 24.8 fixed point: 1/256 of a unit) */
  g_assert_cmpfloat (x1, >=, margin - 0.01);
  g_assert_cmpfloat (y1, >=, margin - 0.01);
  g_assert_cmpfloat (x2, <=, width - margin + 0.01);
  g_assert_cmpfloat (y2, <=, height - margin + 0.01);
  g_assert_cmpfloat_with_epsilon (x1, margin, 0.01);
  g_assert_cmpfloat_with_epsilon (x2, width - margin, 0.01);
  g_assert_cmpfloat_with_epsilon (y1 + y2, height, 0.01);
  g_assert_cmpfloat_with_epsilon (x1 + x2, width, 0.01);

  /* North is up (y down in cairo), east is right. */
  to_device (2.5, 46.5, scale, dx, dy, &xf, &yf);
  to_device (-50, -10, scale, dx, dy, &xb, &yb);
  g_assert_cmpfloat (yf, <, yb);
  g_assert_cmpfloat (xf, >, xb);

  /* A rectangle too small for anything gives a zero scale, not a negative one. */
  cg_world_map_fit (map, 10, 10, 20, &scale, &dx, &dy);
  g_assert_cmpfloat (scale, ==, 0);
  g_assert_cmpint (cg_world_map_hit_test (map, 5, 5, scale, dx, dy), ==, -1);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_hit_test (void)
{
  g_autoptr(CgWorldMap) map = load_shipped ();
  int kenya = cg_world_map_find_alpha2 (map, "KE");
  int france = cg_world_map_find_alpha2 (map, "FR");
  int brazil = cg_world_map_find_alpha2 (map, "BR");
  int russia = cg_world_map_find_alpha2 (map, "RU");
  int fiji = cg_world_map_find_alpha2 (map, "FJ");
  int lesotho = cg_world_map_find_alpha2 (map, "LS");
  int south_africa = cg_world_map_find_alpha2 (map, "ZA");
  int antarctica = cg_world_map_find_alpha2 (map, "AQ");
  double scale, dx, dy;

  cg_world_map_fit (map, 1600, 800, 10, &scale, &dx, &dy);

  g_assert_cmpint (hit_at (map, 37.9, 0.5, scale, dx, dy), ==, kenya);      /* Mount Kenya */
  g_assert_cmpint (hit_at (map, 2.35, 48.85, scale, dx, dy), ==, france);   /* Paris */
  g_assert_cmpint (hit_at (map, -47.9, -15.8, scale, dx, dy), ==, brazil);  /* Brasília */
  g_assert_cmpint (hit_at (map, -150, 0, scale, dx, dy), ==, -1);           /* Pacific */
  g_assert_cmpint (hit_at (map, 0, 0, scale, dx, dy), ==, -1);              /* Gulf of Guinea */
  g_assert_cmpint (hit_at (map, -40, 30, scale, dx, dy), ==, -1);           /* Atlantic */

  /* Lesotho is a hole in South Africa: the even-odd rule finds Lesotho there. */
  g_assert_cmpint (hit_at (map, 28.2, -29.6, scale, dx, dy), ==, lesotho);
  g_assert_cmpint (hit_at (map, 25, -30, scale, dx, dy), ==, south_africa);

  /* Countries cut at the antimeridian are found on both sides of it. */
  g_assert_cmpint (hit_at (map, 170, 65, scale, dx, dy), ==, russia);
  g_assert_cmpint (hit_at (map, -175, 66.5, scale, dx, dy), ==, russia);
  g_assert_cmpint (hit_at (map, 178.0, -17.8, scale, dx, dy), ==, fiji);
  g_assert_cmpint (hit_at (map, -179.9, -16.3, scale, dx, dy), ==, fiji);
  /* Antarctica is closed around the South Pole. */
  g_assert_cmpint (hit_at (map, 0, -89, scale, dx, dy), ==, antarctica);
  g_assert_cmpint (hit_at (map, 179, -88, scale, dx, dy), ==, antarctica);
  g_assert_cmpint (hit_at (map, 0, -50, scale, dx, dy), ==, -1);

  /* Outside the map altogether. */
  g_assert_cmpint (cg_world_map_hit_test (map, -100, -100, scale, dx, dy), ==, -1);
  g_assert_cmpint (cg_world_map_hit_test (map, NAN, 0, scale, dx, dy), ==, -1);
}

static guint8
alpha_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  cairo_surface_flush (surface);
  return cairo_image_surface_get_data (surface)[(int) y * cairo_image_surface_get_stride (surface)
                                                + (int) x];
}

static void
test_path (void)
{
  g_autoptr(CgWorldMap) map = load_shipped ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1600, 800);
  cairo_t *cr = cairo_create (surface);
  double scale, dx, dy, x, y;

  cg_world_map_fit (map, 1600, 800, 10, &scale, &dx, &dy);

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cg_world_map_path (map, cg_world_map_find_alpha2 (map, "ZA"), cr, scale, dx, dy);
  cairo_fill (cr);

  to_device (25, -30, scale, dx, dy, &x, &y);
  g_assert_cmpuint (alpha_at (surface, x, y), ==, 255);
  to_device (28.2, -29.6, scale, dx, dy, &x, &y);  /* Lesotho: the hole stays empty */
  g_assert_cmpuint (alpha_at (surface, x, y), ==, 0);
  to_device (37.9, 0.5, scale, dx, dy, &x, &y);    /* Kenya: not drawn */
  g_assert_cmpuint (alpha_at (surface, x, y), ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_good_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-world-map-XXXXXX", NULL);
  /* CRLF line ends, comments, blank lines, a hole and a shape with no code. */
  const char *text =
    "# a test map\r\n"
    "\r\n"
    "world 1\r\n"
    "country 404  Kenya  \r\n"
    "ring 4\r\n"
    "  34 -4\r\n"
    "42 -4\r\n"
    "# comments may come anywhere\r\n"
    "42 4\r\n"
    "34\t4\r\n"
    "hole 3\r\n"
    "37 -1\r\n"
    "39 -1\r\n"
    "38 1\r\n"
    "country 0 Nowhere\r\n"
    "ring 4\r\n"
    "-180 -90\r\n"
    "0 -90\r\n"
    "180.000 -90\r\n"
    "0 -89.5\r\n";
  g_autofree char *path = write_temp (dir, "good.txt", text, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgWorldMap) map = cg_world_map_new_from_file (path, &error);
  double scale, dx, dy;

  g_assert_no_error (error);
  g_assert_cmpuint (cg_world_map_get_n_countries (map), ==, 2);
  g_assert_cmpstr (cg_world_map_get_name (map, 0), ==, "Kenya");
  g_assert_cmpstr (cg_world_map_get_alpha2 (map, 0), ==, "KE");
  g_assert_cmpuint (cg_world_map_get_numeric (map, 1), ==, 0);
  g_assert_null (cg_world_map_get_alpha2 (map, 1));

  cg_world_map_fit (map, 800, 400, 0, &scale, &dx, &dy);
  g_assert_cmpint (hit_at (map, 35, 0, scale, dx, dy), ==, 0);
  g_assert_cmpint (hit_at (map, 38, -0.5, scale, dx, dy), ==, -1);  /* in the hole */
  g_assert_cmpint (hit_at (map, 0, -89.8, scale, dx, dy), ==, 1);

  g_remove (path);
  g_rmdir (dir);
}

typedef struct
{
  const char *contents;
  int         line;
} BadFile;

#define HEAD "world 1\ncountry 404 Kenya\nring 3\n"  /* the points start on line 4 */

static const BadFile bad_files[] = {
  { "", 1 },
  { "\n\n# only comments\n", 3 },
  { "country 404 Kenya\nring 3\n0 0\n1 0\n1 1\n", 1 },
  { "world\n", 1 },
  { "world 2\n", 1 },
  { "world 1 extra\n", 1 },
  { "world 1\n", 1 },
  { "# header\nworld 1\n\n", 3 },
  { "world 1\ncountry 404 Kenya\n", 2 },
  { "world 1\ncountry 404 Kenya\ncountry 250 France\nring 3\n0 0\n1 0\n1 1\n", 2 },
  { "world 1\nring 3\n0 0\n1 0\n1 1\n", 2 },
  { "world 1\ncountry 404 Kenya\nhole 3\n0 0\n1 0\n1 1\n", 3 },
  { "world 1\ncountry 1000 Nowhere\n", 2 },
  { "world 1\ncountry -4 Nowhere\n", 2 },
  { "world 1\ncountry Kenya\n", 2 },
  { "world 1\ncountry 404\n", 2 },
  { "world 1\ncountry 404   \n", 2 },
  { HEAD "0 0\n1 0\n1 1\ncountry 404 Kenya again\n", 7 },
  { "world 1\ncountry 404 Kenya\nring 2\n0 0\n1 0\n", 3 },
  { "world 1\ncountry 404 Kenya\nring 99999999\n", 3 },
  { "world 1\ncountry 404 Kenya\nring -3\n", 3 },
  { "world 1\ncountry 404 Kenya\nring 3 4\n", 3 },
  { "world 1\ncountry 404 Kenya\nring three\n", 3 },
  { "world 1\ncountry 404 Kenya\npolygon 3\n", 3 },
  { HEAD "0 0\n1 0\n", 3 },                               /* the file ends in the ring */
  { HEAD "0 0\n1 0\nring 3\n", 6 },                       /* too few points */
  { HEAD "0 0\n1 0\n1 1\n2 2\n", 7 },                     /* too many points */
  { HEAD "0 0\n1 x\n1 1\n", 5 },
  { HEAD "0 0\n1\n1 1\n", 5 },
  { HEAD "0 0\n1 0 0\n1 1\n", 5 },
  { HEAD "1e1 0\n1 0\n1 1\n", 4 },
  { HEAD "0x10 0\n1 0\n1 1\n", 4 },
  { HEAD "nan 0\n1 0\n1 1\n", 4 },
  { HEAD "0 inf\n1 0\n1 1\n", 4 },
  { HEAD "1. 0\n1 0\n1 1\n", 4 },
  { HEAD ".5 0\n1 0\n1 1\n", 4 },
  { HEAD "+1 0\n1 0\n1 1\n", 4 },
  { HEAD "1,5 0\n1 0\n1 1\n", 4 },
  { HEAD "-0 0\n1 -\n1 1\n", 5 },
  { HEAD "1000 0\n1 0\n1 1\n", 4 },
  { HEAD "0 0\n1 0\n1 1.1234567891\n", 6 },
  { HEAD "0 0\n180.001 0\n1 1\n", 5 },
  { HEAD "0 0\n-180.5 0\n1 1\n", 5 },
  { HEAD "0 0\n1 90.001\n1 1\n", 5 },
  { HEAD "0 0\n1 -91\n1 1\n", 5 },
  { HEAD "179 0\n-179 1\n179 1\n", 5 },                   /* crosses the antimeridian */
  { HEAD "-179 0\n0 1\n179 0\n", 6 },                      /* ... when it closes */
};

static void
test_bad_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-world-map-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-%u.txt", i);
      g_autofree char *path = write_temp (dir, name, bad_files[i].contents, -1);
      g_autofree char *prefix = g_strdup_printf ("%s:%d: ", path, bad_files[i].line);
      g_autoptr(GError) error = NULL;
      g_autoptr(CgWorldMap) map = cg_world_map_new_from_file (path, &error);

      g_test_message ("%s: %s", name, error != NULL ? error->message : "(no error)");
      g_assert_null (map);
      g_assert_error (error, CG_WORLD_MAP_ERROR, CG_WORLD_MAP_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_cmpuint (strlen (error->message), >, strlen (prefix));
      g_remove (path);
    }

  g_rmdir (dir);
}

static void
test_bad_bytes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-world-map-XXXXXX", NULL);
  const char with_nul[] = "world 1\ncountry 404 Ke\0nya\nring 3\n0 0\n1 0\n1 1\n";
  const char *bad_utf8 = "world 1\ncountry 404 K\xc3\x28nya\nring 3\n0 0\n1 0\n1 1\n";
  const char *escape = "world 1\ncountry 404 \x1b[31mKenya\nring 3\n0 0\n1 0\n1 1\n";
  const char *bare_cr = "world 1\ncountry 404 Kenya\nring 3\r0 0\n1 0\n1 1\n2 2\n";
  g_autoptr(GString) long_line = g_string_new ("world 1\n# ");
  struct { const char *name; const char *contents; gssize length; int line; } cases[] = {
    { "nul.txt", with_nul, sizeof with_nul - 1, 2 },
    { "utf8.txt", bad_utf8, -1, 2 },
    { "long.txt", NULL, -1, 2 },
    { "escape.txt", escape, -1, 2 },
    { "cr.txt", bare_cr, -1, 3 },
  };

  for (int i = 0; i < 2000; i++)
    g_string_append_c (long_line, 'x');
  g_string_append (long_line, "\n" "country 404 Kenya\nring 3\n0 0\n1 0\n1 1\n");
  cases[2].contents = long_line->str;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_temp (dir, cases[i].name, cases[i].contents,
                                          cases[i].length);
      g_autofree char *prefix = g_strdup_printf ("%s:%d: ", path, cases[i].line);
      g_autoptr(GError) error = NULL;
      g_autoptr(CgWorldMap) map = cg_world_map_new_from_file (path, &error);

      g_test_message ("%s: %s", cases[i].name, error != NULL ? error->message : "(no error)");
      g_assert_null (map);
      g_assert_error (error, CG_WORLD_MAP_ERROR, CG_WORLD_MAP_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_remove (path);
    }

  g_rmdir (dir);
}

static void
test_unreadable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-world-map-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_autofree char *prefix = NULL;
  g_autoptr(GError) error = NULL;
  CgWorldMap *map;

  map = cg_world_map_new_from_file (missing, &error);
  g_assert_null (map);
  g_assert_error (error, CG_WORLD_MAP_ERROR, CG_WORLD_MAP_ERROR_READ);
  prefix = g_strconcat (missing, ": ", NULL);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_clear_error (&error);
  g_free (prefix);

  map = cg_world_map_new_from_file (dir, &error);
  g_assert_null (map);
  g_assert_error (error, CG_WORLD_MAP_ERROR, CG_WORLD_MAP_ERROR_READ);
  prefix = g_strconcat (dir, ": ", NULL);
  g_assert_true (g_str_has_prefix (error->message, prefix));

  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/world-map/shipped", test_shipped);
  g_test_add_func ("/core/world-map/alpha2", test_alpha2);
  g_test_add_func ("/core/world-map/equal-earth", test_equal_earth);
  g_test_add_func ("/core/world-map/fit", test_fit);
  g_test_add_func ("/core/world-map/hit-test", test_hit_test);
  g_test_add_func ("/core/world-map/path", test_path);
  g_test_add_func ("/core/world-map/good-file", test_good_file);
  g_test_add_func ("/core/world-map/bad-files", test_bad_files);
  g_test_add_func ("/core/world-map/bad-bytes", test_bad_bytes);
  g_test_add_func ("/core/world-map/unreadable", test_unreadable);

  return g_test_run ();
}
