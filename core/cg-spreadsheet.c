/* cg-spreadsheet.c: coded data from any spreadsheet (data CSV + codebook CSV)
 *
 * Lets researchers score any table of coded values, not only the shipped profiles.
 * The codebook (`id,label,type,n_levels,levels,min,max,unit,decimals,weight`) becomes
 * a one-dimension framework; the data CSV (`country,` then one column per indicator,
 * `NA` or empty for unknown) becomes its dataset.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-spreadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cg-spreadsheet.h"

G_DEFINE_QUARK (cg-spreadsheet-error-quark, cg_spreadsheet_error)

/* Spreadsheets of 2000 countries × 300 indicators are a few megabytes. */
#define MAX_CSV_SIZE (256 * 1024 * 1024)

typedef struct
{
  char *text;
  int   column;  /* 1-based byte column of the field's start */
} Field;

typedef struct
{
  GArray *fields;  /* (element-type Field) */
  int     line;
} Row;

static void
field_clear (gpointer data)
{
  Field *field = data;
  g_free (field->text);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_array_unref (row->fields);
  g_free (row);
}

/* RFC 4180: fields separated by commas, optionally quoted with "" for a quote. */
static GPtrArray *
parse_csv (const char  *path,
           GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *p, *end;
  int line = 1;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_PARSE, "%s: %s", path,
                   local_error->message);
      return NULL;
    }
  if (length > MAX_CSV_SIZE)
    {
      g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_PARSE,
                   _("%s: the file is too large"), path);
      return NULL;
    }
  if (!g_utf8_validate (contents, length, &p))
    {
      int column = 1;

      for (const char *q = contents; q < p; q++)
        {
          if (*q == '\n')
            line++, column = 1;
          else
            column++;
        }
      g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_PARSE,
                   _("%s:%d:%d: invalid UTF-8 text"), path, line, column);
      return NULL;
    }

  p = contents;
  end = contents + length;
  /* A byte-order mark, as some spreadsheets write. */
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *line_start = p;
      Row *row = g_new0 (Row, 1);

      row->line = line;
      row->fields = g_array_new (FALSE, FALSE, sizeof (Field));
      g_array_set_clear_func (row->fields, field_clear);

      for (;;)
        {
          GString *text = g_string_new (NULL);
          Field field = { NULL, (int) (p - line_start) + 1 };

          if (p < end && *p == '"')
            {
              p++;
              for (;;)
                {
                  if (p >= end)
                    {
                      g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_PARSE,
                                   _("%s:%d:%d: a quoted field is not closed"), path, line,
                                   field.column);
                      g_string_free (text, TRUE);
                      row_free (row);
                      return NULL;
                    }
                  if (*p == '"' && p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (text, '"');
                      p += 2;
                    }
                  else if (*p == '"')
                    {
                      p++;
                      break;
                    }
                  else
                    {
                      if (*p == '\n')
                        line++;
                      g_string_append_c (text, *p++);
                    }
                }
            }
          else
            {
              while (p < end && *p != ',' && *p != '\n' && *p != '\r')
                g_string_append_c (text, *p++);
            }

          field.text = g_string_free (text, FALSE);
          g_strstrip (field.text);
          g_array_append_val (row->fields, field);

          if (p < end && *p == ',')
            {
              p++;
              continue;
            }
          break;
        }

      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;
      else if (p < end)
        {
          g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_PARSE,
                       _("%s:%d:%d: unexpected text after a quoted field"), path, line,
                       (int) (p - line_start) + 1);
          row_free (row);
          return NULL;
        }
      line++;

      /* Blank lines carry nothing. */
      if (row->fields->len == 1 && *g_array_index (row->fields, Field, 0).text == '\0')
        row_free (row);
      else
        g_ptr_array_add (rows, row);
    }

  return g_steal_pointer (&rows);
}

static const char *
field_text (Row   *row,
            guint  index)
{
  return index < row->fields->len ? g_array_index (row->fields, Field, index).text : "";
}

static int
field_column (Row   *row,
              guint  index)
{
  return index < row->fields->len ? g_array_index (row->fields, Field, index).column : 1;
}

static gboolean
parse_number (const char *text,
              double     *out)
{
  char *end = NULL;

  if (*text == '\0')
    return FALSE;
  *out = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*out);
}

static const char *codebook_columns[] = {
  "id", "label", "type", "n_levels", "levels", "min", "max", "unit", "decimals", "weight",
};

static CgFramework *
load_codebook (const char  *path,
               GError     **error)
{
  g_autoptr(GPtrArray) rows = parse_csv (path, error);
  g_autoptr(CgFramework) framework = NULL;
  Row *header;

  if (rows == NULL)
    return NULL;

  if (rows->len == 0)
    {
      g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                   _("%s:1:1: the codebook is empty"), path);
      return NULL;
    }

  header = g_ptr_array_index (rows, 0);
  for (guint i = 0; i < G_N_ELEMENTS (codebook_columns); i++)
    {
      if (g_strcmp0 (field_text (header, i), codebook_columns[i]) != 0)
        {
          g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                       _("%s:%d:%d: expected the column “%s” (the header is "
                         "id,label,type,n_levels,levels,min,max,unit,decimals,weight)"),
                       path, header->line, field_column (header, i), codebook_columns[i]);
          return NULL;
        }
    }

  framework = cg_framework_new ("spreadsheet", 1, NULL, path);
  cg_framework_add_dimension (framework, "all", 1.0, _("All indicators"), NULL, NULL);

  for (guint r = 1; r < rows->len; r++)
    {
      Row *row = g_ptr_array_index (rows, r);
      const char *id = field_text (row, 0);
      const char *type_text = field_text (row, 2);
      g_autoptr(GError) local_error = NULL;
      CgIndicatorType type;
      CgIndicator *indicator;
      double weight = 1;

      if (row->fields->len != G_N_ELEMENTS (codebook_columns))
        {
          g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                       _("%s:%d:1: the row has %u fields instead of %u"), path, row->line,
                       row->fields->len, (guint) G_N_ELEMENTS (codebook_columns));
          return NULL;
        }

      if (g_str_equal (type_text, "asymm_binary"))
        type = CG_INDICATOR_ASYMMETRIC_BINARY;
      else if (g_str_equal (type_text, "asymmetric-binary") ||
               !cg_indicator_type_from_string (type_text, &type))
        {
          g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                       _("%s:%d:%d: unknown indicator type “%s” (expected ordinal, nominal, "
                         "binary, asymm_binary or numeric)"),
                       path, row->line, field_column (row, 2), type_text);
          return NULL;
        }

      if (*field_text (row, 9) != '\0' &&
          (!parse_number (field_text (row, 9), &weight) || !CG_WEIGHT_IS_VALID (weight)))
        {
          g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                       _("%s:%d:%d: the weight “%s” is not a number from 0 to 1000000"),
                       path, row->line, field_column (row, 9), field_text (row, 9));
          return NULL;
        }

      indicator = cg_framework_add_indicator (framework, id, 0, type, weight,
                                              field_text (row, 1), NULL, &local_error);
      if (indicator == NULL)
        {
          g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                       "%s:%d:%d: %s", path, row->line, field_column (row, 0),
                       local_error->message);
          return NULL;
        }

      if (type == CG_INDICATOR_ORDINAL || type == CG_INDICATOR_NOMINAL)
        {
          g_auto(GStrv) levels = g_strsplit (field_text (row, 4), "|", -1);
          double n_levels;

          for (guint l = 0; levels[l] != NULL; l++)
            {
              if (!cg_indicator_add_level (indicator, levels[l], NULL, &local_error))
                {
                  g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                               "%s:%d:%d: %s", path, row->line, field_column (row, 4),
                               local_error->message);
                  return NULL;
                }
            }
          if (indicator->level_ids->len < 2 ||
              (*field_text (row, 3) != '\0' &&
               (!parse_number (field_text (row, 3), &n_levels) ||
                n_levels != indicator->level_ids->len)))
            {
              g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                           _("%s:%d:%d: indicator “%s” needs at least two levels, as many as "
                             "n_levels says"),
                           path, row->line, field_column (row, 4), id);
              return NULL;
            }
          if (type == CG_INDICATOR_ORDINAL)
            indicator->polarity = 1;
        }
      else if (type == CG_INDICATOR_NUMERIC)
        {
          double min, max;

          if (!parse_number (field_text (row, 5), &min) ||
              !parse_number (field_text (row, 6), &max) || !(max > min))
            {
              g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                           _("%s:%d:%d: numeric indicator “%s” needs a range with min below "
                             "max"),
                           path, row->line, field_column (row, 5), id);
              return NULL;
            }
          indicator->min = min;
          indicator->max = max;
          indicator->unit = *field_text (row, 7) != '\0' ? g_strdup (field_text (row, 7)) : NULL;
        }
    }

  if (cg_framework_get_n_indicators (framework) == 0)
    {
      g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                   _("%s: the codebook lists no indicator"), path);
      return NULL;
    }

  return g_steal_pointer (&framework);
}

static gboolean
parse_cell (const CgIndicator  *indicator,
            const char         *text,
            double             *out)
{
  double code;

  switch (indicator->type)
    {
    case CG_INDICATOR_ORDINAL:
      /* Level codes 1..K. */
      if (!parse_number (text, &code) || code != floor (code) || code < 1 ||
          code > indicator->level_ids->len)
        return FALSE;
      *out = code - 1;
      return TRUE;

    case CG_INDICATOR_NOMINAL:
      for (guint l = 0; l < indicator->level_ids->len; l++)
        {
          if (g_str_equal (g_ptr_array_index (indicator->level_ids, l), text))
            {
              *out = l;
              return TRUE;
            }
        }
      return FALSE;

    case CG_INDICATOR_BINARY:
    case CG_INDICATOR_ASYMMETRIC_BINARY:
      if (g_str_equal (text, "0") || g_str_equal (text, "1"))
        {
          *out = text[0] == '1';
          return TRUE;
        }
      return FALSE;

    case CG_INDICATOR_NUMERIC:
      return parse_number (text, out) && *out >= indicator->min && *out <= indicator->max;

    default:
      g_assert_not_reached ();
    }
}

/**
 * cg_spreadsheet_load:
 * @data_path: the data CSV: `country,` then one column per indicator
 * @codebook_path: the codebook CSV
 *
 * Returns: (transfer full) (nullable): the dataset, whose framework is built from the
 *   codebook, or %NULL with @error naming the file, line and column
 */
CgDataset *
cg_spreadsheet_load (const char  *data_path,
                     const char  *codebook_path,
                     GError     **error)
{
  g_autoptr(CgFramework) framework = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CgDataset) dataset = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree int *columns = NULL;
  guint m;
  Row *header;

  g_return_val_if_fail (data_path != NULL, NULL);
  g_return_val_if_fail (codebook_path != NULL, NULL);

  framework = load_codebook (codebook_path, error);
  if (framework == NULL)
    return NULL;
  m = cg_framework_get_n_indicators (framework);

  rows = parse_csv (data_path, error);
  if (rows == NULL)
    return NULL;
  if (rows->len < 1)
    {
      g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                   _("%s:1:1: the data file is empty"), data_path);
      return NULL;
    }

  /* Data columns map to codebook indicators by id. */
  header = g_ptr_array_index (rows, 0);
  columns = g_new (int, header->fields->len);
  if (g_strcmp0 (field_text (header, 0), "country") != 0)
    {
      g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                   _("%s:%d:1: the first column must be “country”"), data_path, header->line);
      return NULL;
    }
  for (guint c = 1; c < header->fields->len; c++)
    {
      const char *id = field_text (header, c);

      columns[c] = cg_framework_lookup_indicator (framework, id);
      if (columns[c] < 0)
        {
          g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                       _("%s:%d:%d: the column “%s” is not in the codebook %s"), data_path,
                       header->line, field_column (header, c), id, codebook_path);
          return NULL;
        }
      /* A repeated column would leave another of the codebook's indicators unfilled. */
      for (guint earlier = 1; earlier < c; earlier++)
        if (columns[earlier] == columns[c])
          {
            g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                         _("%s:%d:%d: the column “%s” appears twice"), data_path,
                         header->line, field_column (header, c), id);
            return NULL;
          }
    }
  if (header->fields->len - 1 != m)
    {
      g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                   _("%s:%d:1: the data has %u indicator columns but the codebook lists %u"),
                   data_path, header->line, header->fields->len - 1, m);
      return NULL;
    }

  dataset = cg_dataset_new (framework, rows->len - 1);

  for (guint r = 1; r < rows->len; r++)
    {
      Row *row = g_ptr_array_index (rows, r);
      const char *label = field_text (row, 0);

      if (row->fields->len != header->fields->len)
        {
          g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                       _("%s:%d:1: the row has %u fields but the header has %u"), data_path,
                       row->line, row->fields->len, header->fields->len);
          return NULL;
        }
      if (*label == '\0' || !g_hash_table_add (seen, (gpointer) label))
        {
          g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                       _("%s:%d:1: the country label “%s” is empty or repeated"), data_path,
                       row->line, label);
          return NULL;
        }

      cg_dataset_set_row (dataset, r - 1, label, label);

      for (guint c = 1; c < row->fields->len; c++)
        {
          const CgIndicator *indicator = cg_framework_get_indicator (framework, columns[c]);
          const char *text = field_text (row, c);
          double value;

          if (*text == '\0' || g_str_equal (text, "NA"))
            continue;

          if (!parse_cell (indicator, text, &value))
            {
              g_set_error (error, CG_SPREADSHEET_ERROR, CG_SPREADSHEET_ERROR_INVALID,
                           _("%s:%d:%d: “%s” is not a valid value of %s indicator “%s”"),
                           data_path, row->line, field_column (row, c), text,
                           cg_indicator_type_to_string (indicator->type), indicator->id);
              return NULL;
            }
          cg_dataset_set_value (dataset, r - 1, columns[c], value);
        }
    }

  return g_steal_pointer (&dataset);
}
