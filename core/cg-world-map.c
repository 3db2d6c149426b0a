/* cg-world-map.c: country shapes for a world map, in the Equal Earth projection
 *
 * The shapes come from data/world/countries-110m.txt, which
 * build-aux/convert-world-atlas makes from world-atlas (Natural Earth 1:110m). The
 * format is line based:
 *
 *   # a comment; blank lines are ignored too
 *   world 1                 the format version, before anything else
 *   country 404 Kenya       ISO 3166-1 numeric code (0: none) and English name
 *   ring 12                 an outer ring of that country, then 12 lines of points
 *   36.867 4.447            longitude and latitude in degrees, [-]DDD[.DDDDDDDDD]
 *   hole 5                  a hole in the rings above (drawn with the even-odd rule)
 *
 * Rings close implicitly. No two consecutive points of a ring are more than 180° of
 * longitude apart: rings that cross the antimeridian are cut by the converter, so
 * each ring can be projected and drawn as it is.
 *
 * The file is shipped with the application, but it is still read defensively: sizes
 * are bounded, numbers are checked strictly and every message names the file and line.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-world-map"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cg-world-map.h"

G_DEFINE_QUARK (cg-world-map-error-quark, cg_world_map_error)

/* The shipped 1:110m file is 160 kB with 10 356 points; the 1:10m one would have
 * about 550 000. These limits leave room for both and bound memory use. */
#define MAX_FILE_SIZE     (64 * 1024 * 1024)
#define MAX_LINE_LENGTH   1024
#define MAX_COUNTRIES     1000
#define MAX_COUNTRY_CODE  999
#define MAX_RINGS         100000
#define MAX_RING_POINTS   1000000
#define MAX_POINTS        2000000
#define FORMAT_VERSION    "1"

/* Equal Earth: Šavrič, Patterson & Jenny (2018), doi:10.1080/13658816.2018.1504949 */
#define EE_A1 1.340264
#define EE_A2 (-0.081106)
#define EE_A3 0.000893
#define EE_A4 0.003796
#define EE_M  0.86602540378443864676  /* sqrt (3) / 2 */

typedef struct
{
  double x;
  double y;
} Point;  /* projected, on the unit sphere, y pointing north */

typedef struct
{
  guint    first_point;
  guint    n_points;
  gboolean hole;
} Ring;

typedef struct
{
  guint       numeric;
  char       *name;
  const char *alpha2;  /* interned, or NULL */
  guint       first_ring;
  guint       n_rings;
  double      x_min, x_max, y_min, y_max;
} Country;

struct _CgWorldMap
{
  GArray *countries;  /* (element-type Country) */
  GArray *rings;      /* (element-type Ring) */
  GArray *points;     /* (element-type Point) */
  double  x_min, x_max, y_min, y_max;
};

typedef struct
{
  const char *path;
  int         line;
  CgWorldMap *map;
  GHashTable *numerics;        /* country codes seen, but 0 */
  gboolean    seen_header;
  int         country_line;    /* line of the current country, 0 before the first */
  guint       points_left;     /* points still expected by the current ring */
  int         ring_line;
  double      first_lon;
  double      previous_lon;
} Parser;

static void
country_clear (gpointer data)
{
  Country *country = data;
  g_free (country->name);
}

void
cg_world_map_free (CgWorldMap *map)
{
  if (map == NULL)
    return;

  g_array_unref (map->countries);
  g_array_unref (map->rings);
  g_array_unref (map->points);
  g_free (map);
}

/* ISO 3166-1 numeric → alpha-2, from iso-codes. Values are interned strings. */
static GHashTable *
load_alpha2_codes (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (ISO_CODES_JSON_DIR, "iso_3166-1.json", NULL);
  GHashTable *codes = g_hash_table_new (g_direct_hash, g_direct_equal);
  JsonNode *root;
  JsonArray *countries;

  if (!json_parser_load_from_file (parser, path, &error))
    {
      /* The map still draws; countries just cannot be matched to data. */
      g_warning ("Could not read country codes from %s: %s", path, error->message);
      return codes;
    }

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root)
      || !json_object_has_member (json_node_get_object (root), "3166-1"))
    {
      g_warning ("Could not read country codes from %s: no “3166-1” list", path);
      return codes;
    }
  countries = json_object_get_array_member (json_node_get_object (root), "3166-1");

  for (guint i = 0; countries != NULL && i < json_array_get_length (countries); i++)
    {
      JsonObject *country = json_array_get_object_element (countries, i);
      const char *alpha2, *numeric;
      guint64 value;

      if (country == NULL)
        continue;
      alpha2 = json_object_get_string_member_with_default (country, "alpha_2", NULL);
      numeric = json_object_get_string_member_with_default (country, "numeric", NULL);
      if (alpha2 == NULL || numeric == NULL
          || !g_ascii_string_to_unsigned (numeric, 10, 1, MAX_COUNTRY_CODE, &value, NULL))
        continue;
      g_hash_table_insert (codes, GUINT_TO_POINTER ((guint) value),
                           (gpointer) g_intern_string (alpha2));
    }

  return codes;
}

static const char *
alpha2_for_numeric (guint numeric)
{
  static GHashTable *codes;

  if (g_once_init_enter (&codes))
    g_once_init_leave (&codes, load_alpha2_codes ());

  if (numeric == 0)
    return NULL;
  return g_hash_table_lookup (codes, GUINT_TO_POINTER (numeric));
}

/**
 * cg_equal_earth_project:
 * @lon_deg: longitude in degrees, -180 to 180
 * @lat_deg: latitude in degrees, -90 to 90
 * @x: (out): easting on the unit sphere
 * @y: (out): northing on the unit sphere
 *
 * The Equal Earth projection (Šavrič, Patterson & Jenny 2018), spherical form,
 * central meridian 0°.
 */
void
cg_equal_earth_project (double  lon_deg,
                        double  lat_deg,
                        double *x,
                        double *y)
{
  double lambda = lon_deg * G_PI / 180.0;
  double theta = asin (EE_M * sin (lat_deg * G_PI / 180.0));
  double t2 = theta * theta;
  double t6 = t2 * t2 * t2;

  *y = theta * (EE_A1 + EE_A2 * t2 + t6 * (EE_A3 + EE_A4 * t2));
  *x = lambda * cos (theta)
       / (EE_M * (EE_A1 + 3 * EE_A2 * t2 + t6 * (7 * EE_A3 + 9 * EE_A4 * t2)));
}

G_GNUC_PRINTF (3, 4)
static void
set_parse_error (GError     **error,
                 Parser      *parser,
                 const char  *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CG_WORLD_MAP_ERROR, CG_WORLD_MAP_ERROR_PARSE, "%s:%d: %s",
               parser->path, parser->line, message);
}

/* Skips blanks, cuts the next blank-separated token out of @cursor. NULL at the end. */
static char *
next_token (char **cursor)
{
  char *p = *cursor;
  char *token;

  while (*p == ' ' || *p == '\t')
    p++;
  if (*p == '\0')
    {
      *cursor = p;
      return NULL;
    }

  token = p;
  while (*p != '\0' && *p != ' ' && *p != '\t')
    p++;
  if (*p != '\0')
    *p++ = '\0';
  *cursor = p;

  return token;
}

/* A whole token of 1 to @max_digits decimal digits. */
static gboolean
parse_unsigned (const char *token,
                guint       max_digits,
                guint64    *out)
{
  guint n = strlen (token);

  if (n == 0 || n > max_digits)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (token[i]))
        return FALSE;
    }

  return g_ascii_string_to_unsigned (token, 10, 0, G_MAXUINT32, out, NULL);
}

/* [-]D[DD][.D[DDDDDDDD]]: no exponent, no hexadecimal, no inf or nan. */
static gboolean
parse_coordinate (const char *token,
                  double     *out)
{
  const char *p = token;
  guint int_digits = 0, frac_digits = 0;

  if (*p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    {
      p++;
      int_digits++;
    }
  if (int_digits == 0 || int_digits > 3)
    return FALSE;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        {
          p++;
          frac_digits++;
        }
      if (frac_digits == 0 || frac_digits > 9)
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  *out = g_ascii_strtod (token, NULL);
  return isfinite (*out);
}

static Country *
current_country (Parser *parser)
{
  return &g_array_index (parser->map->countries, Country, parser->map->countries->len - 1);
}

static gboolean
finish_country (Parser  *parser,
                GError **error)
{
  Country *country;

  if (parser->country_line == 0)
    return TRUE;

  country = current_country (parser);
  if (country->n_rings == 0)
    {
      parser->line = parser->country_line;
      set_parse_error (error, parser, _("The country “%s” has no ring."), country->name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_country (Parser  *parser,
               char    *cursor,
               GError **error)
{
  CgWorldMap *map = parser->map;
  const char *token;
  char *name;
  guint64 numeric;
  Country country = { 0 };

  if (!finish_country (parser, error))
    return FALSE;

  if (map->countries->len >= MAX_COUNTRIES)
    {
      set_parse_error (error, parser, _("Too many countries: a map may have at most %d."),
                       MAX_COUNTRIES);
      return FALSE;
    }

  token = next_token (&cursor);
  if (token == NULL || !parse_unsigned (token, 3, &numeric) || numeric > MAX_COUNTRY_CODE)
    {
      set_parse_error (error, parser,
                       _("“%s” is not a country code: expected a number from 0 to %d."),
                       token != NULL ? token : "", MAX_COUNTRY_CODE);
      return FALSE;
    }
  if (numeric != 0)
    {
      if (g_hash_table_contains (parser->numerics, GUINT_TO_POINTER ((guint) numeric)))
        {
          set_parse_error (error, parser, _("The country code %u appears twice."),
                           (guint) numeric);
          return FALSE;
        }
      g_hash_table_add (parser->numerics, GUINT_TO_POINTER ((guint) numeric));
    }

  while (*cursor == ' ' || *cursor == '\t')
    cursor++;
  name = cursor;
  g_strchomp (name);
  if (*name == '\0')
    {
      set_parse_error (error, parser, _("The country %u has no name."), (guint) numeric);
      return FALSE;
    }

  country.numeric = numeric;
  country.name = g_strdup (name);
  country.alpha2 = alpha2_for_numeric (numeric);
  country.first_ring = map->rings->len;
  country.x_min = country.y_min = G_MAXDOUBLE;
  country.x_max = country.y_max = -G_MAXDOUBLE;
  g_array_append_val (map->countries, country);
  parser->country_line = parser->line;

  return TRUE;
}

static gboolean
parse_ring (Parser     *parser,
            const char *keyword,
            char       *cursor,
            GError    **error)
{
  CgWorldMap *map = parser->map;
  gboolean hole = g_str_equal (keyword, "hole");
  const char *token;
  guint64 n_points;
  Country *country;
  Ring ring = { 0 };

  if (parser->country_line == 0)
    {
      set_parse_error (error, parser, _("A “%s” line must follow a “country” line."),
                       keyword);
      return FALSE;
    }
  country = current_country (parser);
  if (hole && country->n_rings == 0)
    {
      set_parse_error (error, parser, _("A hole must follow the ring it is in."));
      return FALSE;
    }
  if (map->rings->len >= MAX_RINGS)
    {
      set_parse_error (error, parser, _("Too many rings: a map may have at most %d."),
                       MAX_RINGS);
      return FALSE;
    }

  token = next_token (&cursor);
  if (token == NULL || !parse_unsigned (token, 7, &n_points)
      || n_points < 3 || n_points > MAX_RING_POINTS)
    {
      set_parse_error (error, parser,
                       _("“%s” is not a number of points: expected a number from 3 to %d."),
                       token != NULL ? token : "", MAX_RING_POINTS);
      return FALSE;
    }
  if ((token = next_token (&cursor)) != NULL)
    {
      set_parse_error (error, parser, _("Unexpected “%s” after the number of points."), token);
      return FALSE;
    }
  if (n_points > MAX_POINTS - map->points->len)
    {
      set_parse_error (error, parser, _("Too many points: a map may have at most %d."),
                       MAX_POINTS);
      return FALSE;
    }

  ring.first_point = map->points->len;
  ring.n_points = 0;
  ring.hole = hole;
  g_array_append_val (map->rings, ring);
  country->n_rings++;
  parser->points_left = n_points;
  parser->ring_line = parser->line;

  return TRUE;
}

static gboolean
parse_point (Parser  *parser,
             char    *cursor,
             GError **error)
{
  CgWorldMap *map = parser->map;
  const char *lon_token, *lat_token, *extra;
  Ring *ring = &g_array_index (map->rings, Ring, map->rings->len - 1);
  Country *country = current_country (parser);
  double lon, lat;
  Point point;

  lon_token = next_token (&cursor);
  lat_token = next_token (&cursor);
  extra = next_token (&cursor);

  if (lon_token == NULL || !parse_coordinate (lon_token, &lon))
    {
      set_parse_error (error, parser,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "“%s” is not a longitude: expected a point "
                                    "“LONGITUDE LATITUDE”, as the ring of line %d needs "
                                    "%u more point.",
                                    "“%s” is not a longitude: expected a point "
                                    "“LONGITUDE LATITUDE”, as the ring of line %d needs "
                                    "%u more points.",
                                    parser->points_left),
                       lon_token != NULL ? lon_token : "", parser->ring_line,
                       parser->points_left);
      return FALSE;
    }
  if (lat_token == NULL || !parse_coordinate (lat_token, &lat))
    {
      set_parse_error (error, parser, _("“%s” is not a latitude."),
                       lat_token != NULL ? lat_token : "");
      return FALSE;
    }
  if (extra != NULL)
    {
      set_parse_error (error, parser, _("Unexpected “%s” after the point."), extra);
      return FALSE;
    }
  if (lon < -180 || lon > 180)
    {
      set_parse_error (error, parser, _("The longitude %s is not between -180 and 180."),
                       lon_token);
      return FALSE;
    }
  if (lat < -90 || lat > 90)
    {
      set_parse_error (error, parser, _("The latitude %s is not between -90 and 90."),
                       lat_token);
      return FALSE;
    }

  if (ring->n_points == 0)
    parser->first_lon = lon;
  else if (fabs (lon - parser->previous_lon) > 180)
    {
      set_parse_error (error, parser,
                       _("The ring jumps from longitude %g to %g: rings must not cross "
                         "the antimeridian."), parser->previous_lon, lon);
      return FALSE;
    }
  parser->previous_lon = lon;

  cg_equal_earth_project (lon, lat, &point.x, &point.y);
  g_array_append_val (map->points, point);
  ring->n_points++;
  parser->points_left--;

  country->x_min = MIN (country->x_min, point.x);
  country->x_max = MAX (country->x_max, point.x);
  country->y_min = MIN (country->y_min, point.y);
  country->y_max = MAX (country->y_max, point.y);

  if (parser->points_left == 0 && fabs (lon - parser->first_lon) > 180)
    {
      set_parse_error (error, parser,
                       _("The ring jumps from longitude %g back to %g: rings must not cross "
                         "the antimeridian."), lon, parser->first_lon);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_line (Parser  *parser,
            char    *text,
            GError **error)
{
  char *cursor = text;
  const char *keyword;
  double number;

  while (*cursor == ' ' || *cursor == '\t')
    cursor++;
  if (*cursor == '\0' || *cursor == '#')
    return TRUE;

  if (parser->points_left > 0)
    return parse_point (parser, cursor, error);

  keyword = next_token (&cursor);

  if (!parser->seen_header)
    {
      const char *version = NULL;

      if (g_str_equal (keyword, "world"))
        version = next_token (&cursor);
      if (version == NULL || next_token (&cursor) != NULL)
        {
          set_parse_error (error, parser,
                           _("This is not a world map file: expected “world %s” first."),
                           FORMAT_VERSION);
          return FALSE;
        }
      if (!g_str_equal (version, FORMAT_VERSION))
        {
          set_parse_error (error, parser,
                           _("Unsupported format version “%s”: this version of Common "
                             "Ground reads version %s."), version, FORMAT_VERSION);
          return FALSE;
        }
      parser->seen_header = TRUE;
      return TRUE;
    }

  if (g_str_equal (keyword, "country"))
    return parse_country (parser, cursor, error);
  if (g_str_equal (keyword, "ring") || g_str_equal (keyword, "hole"))
    return parse_ring (parser, keyword, cursor, error);

  if (parser->country_line != 0 && parse_coordinate (keyword, &number))
    set_parse_error (error, parser, _("The ring of line %d has more points than it says."),
                     parser->ring_line);
  else
    set_parse_error (error, parser, _("Unknown keyword “%s”."), keyword);
  return FALSE;
}

static gboolean
parse_contents (Parser      *parser,
                const char  *contents,
                gsize        length,
                GError     **error)
{
  const char *p = contents;
  const char *end = contents + length;
  char text[MAX_LINE_LENGTH + 1];

  while (p < end)
    {
      const char *newline = memchr (p, '\n', end - p);
      const char *line_end = newline != NULL ? newline : end;
      gsize n = line_end - p;

      parser->line++;

      if (n > 0 && p[n - 1] == '\r')
        n--;
      if (n > MAX_LINE_LENGTH)
        {
          set_parse_error (error, parser, _("The line is longer than %d bytes."),
                           MAX_LINE_LENGTH);
          return FALSE;
        }
      for (gsize i = 0; i < n; i++)
        {
          if ((guchar) p[i] < 0x20 && p[i] != '\t')
            {
              set_parse_error (error, parser, _("The line contains a control character."));
              return FALSE;
            }
        }
      if (!g_utf8_validate_len (p, n, NULL))
        {
          set_parse_error (error, parser, _("The line is not valid UTF-8."));
          return FALSE;
        }

      memcpy (text, p, n);
      text[n] = '\0';
      if (!parse_line (parser, text, error))
        return FALSE;

      p = line_end + (newline != NULL ? 1 : 0);
    }

  if (parser->points_left > 0)
    {
      parser->line = parser->ring_line;
      set_parse_error (error, parser,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The file ends in this ring: %u of its points is missing.",
                                    "The file ends in this ring: %u of its points are missing.",
                                    parser->points_left),
                       parser->points_left);
      return FALSE;
    }
  if (!finish_country (parser, error))
    return FALSE;
  if (parser->map->countries->len == 0)
    {
      parser->line = MAX (parser->line, 1);
      if (parser->seen_header)
        set_parse_error (error, parser, _("The file has no country."));
      else
        set_parse_error (error, parser,
                         _("This is not a world map file: expected “world %s” first."),
                         FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

/**
 * cg_world_map_new_from_file:
 * @path: a file in the format described at the top of this file
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set to a
 *   message that starts with `FILE:LINE: ` (or `FILE: ` when it cannot be read)
 */
CgWorldMap *
cg_world_map_new_from_file (const char  *path,
                            GError     **error)
{
  g_autoptr(CgWorldMap) map = NULL;
  g_autoptr(GHashTable) numerics = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize length;
  Parser parser = { 0 };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Check the size before reading: a wrong path must not fill the memory. */
  if (g_stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, CG_WORLD_MAP_ERROR, CG_WORLD_MAP_ERROR_READ,
                       _("%s: This is not a regular file."), path);
          return NULL;
        }
      if (st.st_size > MAX_FILE_SIZE)
        {
          g_set_error (error, CG_WORLD_MAP_ERROR, CG_WORLD_MAP_ERROR_READ,
                       _("%s: The file is larger than %d MiB: it is not a world map."),
                       path, MAX_FILE_SIZE / (1024 * 1024));
          return NULL;
        }
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, CG_WORLD_MAP_ERROR, CG_WORLD_MAP_ERROR_READ, "%s: %s", path,
                   local_error->message);
      return NULL;
    }
  if (length > MAX_FILE_SIZE)
    {
      g_set_error (error, CG_WORLD_MAP_ERROR, CG_WORLD_MAP_ERROR_READ,
                   _("%s: The file is larger than %d MiB: it is not a world map."),
                   path, MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  map = g_new0 (CgWorldMap, 1);
  map->countries = g_array_new (FALSE, FALSE, sizeof (Country));
  g_array_set_clear_func (map->countries, country_clear);
  map->rings = g_array_new (FALSE, FALSE, sizeof (Ring));
  map->points = g_array_new (FALSE, FALSE, sizeof (Point));
  numerics = g_hash_table_new (g_direct_hash, g_direct_equal);

  parser.path = path;
  parser.map = map;
  parser.numerics = numerics;

  if (!parse_contents (&parser, contents, length, error))
    return NULL;

  map->x_min = map->y_min = G_MAXDOUBLE;
  map->x_max = map->y_max = -G_MAXDOUBLE;
  for (guint i = 0; i < map->countries->len; i++)
    {
      const Country *country = &g_array_index (map->countries, Country, i);

      map->x_min = MIN (map->x_min, country->x_min);
      map->x_max = MAX (map->x_max, country->x_max);
      map->y_min = MIN (map->y_min, country->y_min);
      map->y_max = MAX (map->y_max, country->y_max);
    }

  return g_steal_pointer (&map);
}

guint
cg_world_map_get_n_countries (const CgWorldMap *map)
{
  g_return_val_if_fail (map != NULL, 0);
  return map->countries->len;
}

static const Country *
get_country (const CgWorldMap *map,
             guint             index)
{
  return &g_array_index (map->countries, Country, index);
}

/**
 * cg_world_map_get_numeric:
 *
 * Returns: the ISO 3166-1 numeric code of the country at @index, or 0 for a shape
 *   with none (N. Cyprus, Somaliland, Kosovo in the shipped file)
 */
guint
cg_world_map_get_numeric (const CgWorldMap *map,
                          guint             index)
{
  g_return_val_if_fail (map != NULL, 0);
  g_return_val_if_fail (index < map->countries->len, 0);
  return get_country (map, index)->numeric;
}

/**
 * cg_world_map_get_name:
 *
 * Returns: (transfer none): the English name the file gives, for diagnostics; use
 *   cg_country_name() on the alpha-2 code for what users see
 */
const char *
cg_world_map_get_name (const CgWorldMap *map,
                       guint             index)
{
  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (index < map->countries->len, NULL);
  return get_country (map, index)->name;
}

/**
 * cg_world_map_get_alpha2:
 *
 * Returns: (transfer none) (nullable): the ISO 3166-1 alpha-2 code of the country at
 *   @index, or %NULL when it has no numeric code or iso-codes does not know it
 */
const char *
cg_world_map_get_alpha2 (const CgWorldMap *map,
                         guint             index)
{
  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (index < map->countries->len, NULL);
  return get_country (map, index)->alpha2;
}

/**
 * cg_world_map_find_alpha2:
 *
 * Returns: the index of the country with ISO 3166-1 alpha-2 code @alpha2, or -1
 */
int
cg_world_map_find_alpha2 (const CgWorldMap *map,
                          const char       *alpha2)
{
  g_return_val_if_fail (map != NULL, -1);
  g_return_val_if_fail (alpha2 != NULL, -1);

  for (guint i = 0; i < map->countries->len; i++)
    {
      const char *code = get_country (map, i)->alpha2;
      if (code != NULL && g_str_equal (code, alpha2))
        return (int) i;
    }

  return -1;
}

/**
 * cg_world_map_fit:
 * @width: width of the rectangle to draw in
 * @height: its height
 * @margin: space to leave empty on every side
 * @out_scale: (out): device units per projected unit
 * @out_dx: (out): device x of projected x = 0
 * @out_dy: (out): device y of projected y = 0
 *
 * The largest scale at which every country fits in the rectangle, centred in it.
 * A point (x, y) of cg_equal_earth_project() is drawn at
 * (dx + scale * x, dy - scale * y).
 */
void
cg_world_map_fit (const CgWorldMap *map,
                  double            width,
                  double            height,
                  double            margin,
                  double           *out_scale,
                  double           *out_dx,
                  double           *out_dy)
{
  double map_width, map_height, available_width, available_height, scale;

  g_return_if_fail (map != NULL);
  g_return_if_fail (out_scale != NULL && out_dx != NULL && out_dy != NULL);

  map_width = map->x_max - map->x_min;
  map_height = map->y_max - map->y_min;
  available_width = MAX (width - 2 * margin, 0);
  available_height = MAX (height - 2 * margin, 0);

  if (map_width > 0 && map_height > 0)
    scale = MIN (available_width / map_width, available_height / map_height);
  else
    scale = 0;

  *out_scale = scale;
  *out_dx = width / 2 - scale * (map->x_min + map->x_max) / 2;
  *out_dy = height / 2 + scale * (map->y_min + map->y_max) / 2;
}

/**
 * cg_world_map_path:
 *
 * Appends the rings of the country at @index to the current path of @cr, each as
 * a closed sub-path. Fill with %CAIRO_FILL_RULE_EVEN_ODD so that holes stay empty.
 */
void
cg_world_map_path (const CgWorldMap *map,
                   guint             index,
                   cairo_t          *cr,
                   double            scale,
                   double            dx,
                   double            dy)
{
  const Country *country;

  g_return_if_fail (map != NULL);
  g_return_if_fail (index < map->countries->len);
  g_return_if_fail (cr != NULL);

  country = get_country (map, index);
  for (guint r = 0; r < country->n_rings; r++)
    {
      const Ring *ring = &g_array_index (map->rings, Ring, country->first_ring + r);
      const Point *points = &g_array_index (map->points, Point, ring->first_point);

      cairo_move_to (cr, dx + scale * points[0].x, dy - scale * points[0].y);
      for (guint i = 1; i < ring->n_points; i++)
        cairo_line_to (cr, dx + scale * points[i].x, dy - scale * points[i].y);
      cairo_close_path (cr);
    }
}

/* Even-odd rule: a horizontal ray from (x, y) crosses the ring's edges an odd
 * number of times when the point is inside. */
static gboolean
ring_contains (const Point *points,
               guint        n_points,
               double       x,
               double       y)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = n_points - 1; i < n_points; j = i++)
    {
      const Point *a = &points[i];
      const Point *b = &points[j];

      if ((a->y > y) != (b->y > y)
          && x < (b->x - a->x) * (y - a->y) / (b->y - a->y) + a->x)
        inside = !inside;
    }

  return inside;
}

/**
 * cg_world_map_hit_test:
 * @x: device x, in the coordinates given to cg_world_map_path()
 * @y: device y
 *
 * Returns: the index of the country under (@x, @y), or -1 for the sea
 */
int
cg_world_map_hit_test (const CgWorldMap *map,
                       double            x,
                       double            y,
                       double            scale,
                       double            dx,
                       double            dy)
{
  double px, py;

  g_return_val_if_fail (map != NULL, -1);

  if (!(scale > 0) || !isfinite (x) || !isfinite (y))
    return -1;

  px = (x - dx) / scale;
  py = (dy - y) / scale;

  for (guint c = 0; c < map->countries->len; c++)
    {
      const Country *country = get_country (map, c);
      gboolean inside = FALSE;

      if (px < country->x_min || px > country->x_max
          || py < country->y_min || py > country->y_max)
        continue;

      for (guint r = 0; r < country->n_rings; r++)
        {
          const Ring *ring = &g_array_index (map->rings, Ring, country->first_ring + r);
          const Point *points = &g_array_index (map->points, Point, ring->first_point);

          if (ring_contains (points, ring->n_points, px, py))
            inside = !inside;
        }

      if (inside)
        return (int) c;
    }

  return -1;
}

/**
 * cg_world_map_dup_shipped_path:
 *
 * Returns: (transfer full): the shipped map file: under `$COMMON_GROUND_DATA_DIR/world`
 *   when that variable is set (to run from a build tree), else the installed one
 */
char *
cg_world_map_dup_shipped_path (void)
{
  const char *override = g_getenv ("COMMON_GROUND_DATA_DIR");

  if (override != NULL && *override != '\0')
    return g_build_filename (override, "world", "countries-110m.txt", NULL);
  return g_build_filename (CG_PKGDATADIR, "world", "countries-110m.txt", NULL);
}
