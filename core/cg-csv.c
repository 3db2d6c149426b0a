/* cg-csv.c: writing RFC 4180 CSV fields
 *
 * The data behind every chart goes out as CSV, from the command line and from the
 * window alike: fields quoted only when they must be, numbers in the C locale with
 * the shortest exact form, unknown values empty.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "cg-csv.h"

/**
 * cg_csv_append_field:
 * @field: (nullable): the text; %NULL writes an empty field
 */
void
cg_csv_append_field (GString    *out,
                     const char *field)
{
  if (field == NULL)
    return;
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * cg_csv_append_number:
 * @value: the number; NAN writes an empty field (unknown)
 */
void
cg_csv_append_number (GString *out,
                      double   value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isnan (value))
    g_string_append (out, g_ascii_dtostr (text, sizeof text, value));
}

/**
 * cg_csv_append_row:
 * @first: the first field, then more, then %NULL
 *
 * Appends text fields separated by commas and ended by CRLF: a header, typically.
 */
void
cg_csv_append_row (GString    *out,
                   const char *first,
                   ...)
{
  va_list args;
  guint i = 0;

  va_start (args, first);
  for (const char *field = first; field != NULL; field = va_arg (args, const char *))
    {
      if (i++ > 0)
        g_string_append_c (out, ',');
      cg_csv_append_field (out, field);
    }
  va_end (args);
  g_string_append (out, "\r\n");
}
