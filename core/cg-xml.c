/* cg-xml.c: safe loading and validation of Common Ground XML files
 *
 * Every file a user opens may come from anywhere: an e-mail, a USB stick. It is read
 * with no network access, no DTD and no entity expansion, within a size limit, and
 * checked against the RELAX NG schema compiled into the library before its content is
 * looked at. Every message names the file, line and column.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "cg-autocleanups-private.h"
#include "cg-core-resources.h"
#include "cg-xml-private.h"

typedef struct
{
  const char    *resource;
  xmlRelaxNGPtr  schema;
} SchemaCacheEntry;

G_LOCK_DEFINE_STATIC (schemas);
static GPtrArray *schema_cache;

typedef struct
{
  int      line;
  int      column;
  char    *message;
  xmlNode *node;
} FirstError;

static void
silent_generic_error (void       *ctx,
                      const char *msg,
                      ...)
{
}

static void
collect_structured_error_cb (void    *user_data,
                             xmlError *err)
{
  FirstError *first = user_data;

  if (first->message != NULL || err == NULL)
    return;

  first->line = err->line;
  first->column = err->int2;
  first->node = err->node;
  first->message = g_strdup (err->message != NULL ? err->message : "");
  g_strchomp (first->message);
}

static xmlRelaxNGPtr
get_schema (const char *resource)
{
  xmlRelaxNGPtr schema = NULL;

  G_LOCK (schemas);

  if (schema_cache == NULL)
    schema_cache = g_ptr_array_new ();

  for (guint i = 0; i < schema_cache->len; i++)
    {
      SchemaCacheEntry *entry = g_ptr_array_index (schema_cache, i);
      if (g_str_equal (entry->resource, resource))
        {
          schema = entry->schema;
          break;
        }
    }

  if (schema == NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(xmlRelaxNGParserCtxt) pctxt = NULL;
      g_autoptr(GError) local_error = NULL;
      SchemaCacheEntry *entry;
      gsize size;
      const char *data;

      bytes = g_resource_lookup_data (cg_core_get_resource (), resource,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      /* The schemas are compiled into the library: missing one is a build error. */
      g_assert_no_error (local_error);
      data = g_bytes_get_data (bytes, &size);
      pctxt = xmlRelaxNGNewMemParserCtxt (data, (int) size);
      schema = xmlRelaxNGParse (pctxt);
      g_assert (schema != NULL);

      entry = g_new0 (SchemaCacheEntry, 1);
      entry->resource = g_intern_string (resource);
      entry->schema = schema;
      g_ptr_array_add (schema_cache, entry);
    }

  G_UNLOCK (schemas);

  return schema;
}

/* Byte column (1-based) of the first @token on @line of @file, or 1 when the line does
 * not contain it. libxml2 records only lines for nodes; the element or attribute a
 * message speaks of is almost always on that line. */
static int
find_column (CgXmlFile  *file,
             int         line,
             const char *token)
{
  const char *p = file->contents;
  const char *end = file->contents + file->length;
  const char *line_end;

  if (line <= 0)
    return 1;

  for (int l = 1; l < line && p < end; l++)
    {
      p = memchr (p, '\n', end - p);
      if (p == NULL)
        return 1;
      p++;
    }

  line_end = memchr (p, '\n', end - p);
  if (line_end == NULL)
    line_end = end;

  if (token != NULL && *token != '\0')
    {
      gsize token_len = strlen (token);

      for (const char *q = p; q + token_len <= line_end; q++)
        {
          if (memcmp (q, token, token_len) == 0)
            return (int) (q - p) + 1;
        }
    }

  /* Point at the first non-blank character instead. */
  for (const char *q = p; q < line_end; q++)
    {
      if (*q != ' ' && *q != '\t')
        return (int) (q - p) + 1;
    }

  return 1;
}

void
_cg_xml_set_error (GError     **error,
                   GQuark       domain,
                   int          code,
                   CgXmlFile   *file,
                   xmlNode     *node,
                   const char  *token,
                   const char  *format,
                   ...)
{
  g_autofree char *message = NULL;
  g_autofree char *element_token = NULL;
  va_list args;
  int line = 0;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (node != NULL)
    line = (int) xmlGetLineNo (node);

  if (token == NULL && node != NULL && node->type == XML_ELEMENT_NODE)
    {
      element_token = g_strdup_printf ("<%s", (const char *) node->name);
      token = element_token;
    }

  g_set_error (error, domain, code, "%s:%d:%d: %s",
               file->path, MAX (line, 1), find_column (file, line, token), message);
}

void
_cg_xml_file_free (CgXmlFile *file)
{
  if (file == NULL)
    return;

  g_free (file->path);
  g_free (file->contents);
  g_clear_pointer (&file->doc, xmlFreeDoc);
  g_free (file);
}

static void
offset_to_position (const char *contents,
                    gsize       offset,
                    int        *line,
                    int        *column)
{
  *line = 1;
  *column = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (contents[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else
        {
          (*column)++;
        }
    }
}

static gboolean
parse_and_validate (CgXmlFile   *file,
                    const char  *schema_resource,
                    GQuark       domain,
                    int          code,
                    GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlRelaxNGValidCtxt) vctxt = NULL;
  FirstError first = { 0, };
  const char *doctype;
  int ret;

  /* A DTD can declare entities (billion laughs, external files); our formats need none. */
  doctype = g_strstr_len (file->contents, file->length, "<!DOCTYPE");
  if (doctype != NULL)
    {
      int line, column;

      offset_to_position (file->contents, doctype - file->contents, &line, &column);
      g_set_error (error, domain, code,
                   /* Translators: the first three placeholders are file:line:column */
                   _("%s:%d:%d: document type declarations (DTDs) are not allowed"),
                   file->path, line, column);
      return FALSE;
    }

  if (memchr (file->contents, '\0', file->length) != NULL)
    {
      int line, column;
      const char *nul = memchr (file->contents, '\0', file->length);

      offset_to_position (file->contents, nul - file->contents, &line, &column);
      g_set_error (error, domain, code,
                   _("%s:%d:%d: the file contains a NUL byte: it is not a text file"),
                   file->path, line, column);
      return FALSE;
    }

  xmlSetGenericErrorFunc (NULL, silent_generic_error);

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, domain, code, _("%s: out of memory while reading the file"), file->path);
      return FALSE;
    }

  /* The first error is the one to report: later ones are its consequences. */
  xmlSetStructuredErrorFunc (&first, (xmlStructuredErrorFunc) collect_structured_error_cb);
  file->doc = xmlCtxtReadMemory (ctxt, file->contents, (int) file->length, file->path, NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                 XML_PARSE_NOCDATA);
  xmlSetStructuredErrorFunc (NULL, NULL);

  if (file->doc == NULL || !ctxt->wellFormed)
    {
      const xmlError *err = xmlCtxtGetLastError (ctxt);
      int line = first.message != NULL ? first.line : (err != NULL ? err->line : 1);
      int column = first.message != NULL ? first.column : (err != NULL ? err->int2 : 1);
      g_autofree char *message = g_strdup (first.message != NULL ? first.message
                                           : err != NULL && err->message != NULL
                                           ? err->message : _("not well-formed XML"));
      char *newline = strchr (message, '\n');

      /* libxml2 adds a second line of raw bytes to some messages. */
      if (newline != NULL)
        *newline = '\0';
      g_strchomp (message);
      g_set_error (error, domain, code, "%s:%d:%d: %s", file->path, MAX (line, 1),
                   MAX (column, 1), message);
      g_free (first.message);
      g_clear_pointer (&file->doc, xmlFreeDoc);
      return FALSE;
    }
  g_clear_pointer (&first.message, g_free);
  first.node = NULL;

  if (file->doc->intSubset != NULL || file->doc->extSubset != NULL)
    {
      g_set_error (error, domain, code,
                   _("%s:1:1: document type declarations (DTDs) are not allowed"), file->path);
      return FALSE;
    }

  if (schema_resource == NULL)
    return TRUE;

  vctxt = xmlRelaxNGNewValidCtxt (get_schema (schema_resource));
  xmlRelaxNGSetValidStructuredErrors (vctxt, collect_structured_error_cb, &first);
  ret = xmlRelaxNGValidateDoc (vctxt, file->doc);

  if (ret != 0)
    {
      g_autofree char *token = NULL;

      if (first.node != NULL && first.node->type == XML_ELEMENT_NODE)
        token = g_strdup_printf ("<%s", (const char *) first.node->name);

      if (first.line <= 0 && first.node != NULL)
        first.line = (int) xmlGetLineNo (first.node);

      g_set_error (error, domain, code,
                   /* Translators: the first three placeholders are file:line:column, the
                    * last is libxml2's description of the problem */
                   _("%s:%d:%d: does not follow the schema: %s"),
                   file->path, MAX (first.line, 1), find_column (file, first.line, token),
                   first.message != NULL ? first.message : _("invalid document"));
      g_free (first.message);
      return FALSE;
    }

  g_free (first.message);
  return TRUE;
}

static void
set_too_large_error (GError     **error,
                     GQuark       domain,
                     int          code,
                     const char  *path,
                     guint64      size)
{
  g_autofree char *actual = g_format_size (size);
  g_autofree char *limit = g_format_size (CG_XML_MAX_FILE_SIZE);

  g_set_error (error, domain, code,
               /* Translators: “KE.xml: the file is too large (9.4 MB; the limit is 8.4 MB)” */
               _("%s: the file is too large (%s; the limit is %s)"), path, actual, limit);
}

/*
 * _cg_xml_file_load_bytes:
 * @display_path: the name used in messages
 * @bytes: the file's contents
 * @schema_resource: (nullable): the GResource path of the RELAX NG schema
 *
 * Returns: (transfer full) (nullable): the parsed, valid file, or %NULL with @error set
 */
CgXmlFile *
_cg_xml_file_load_bytes (const char  *display_path,
                         GBytes      *bytes,
                         const char  *schema_resource,
                         GQuark       domain,
                         int          code,
                         GError     **error)
{
  g_autoptr(CgXmlFile) file = g_new0 (CgXmlFile, 1);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  file->path = g_strdup (display_path);

  if (size > CG_XML_MAX_FILE_SIZE)
    {
      set_too_large_error (error, domain, code, display_path, size);
      return NULL;
    }

  file->contents = g_malloc (size + 1);
  memcpy (file->contents, data, size);
  file->contents[size] = '\0';
  file->length = size;

  if (!parse_and_validate (file, schema_resource, domain, code, error))
    return NULL;

  return g_steal_pointer (&file);
}

/*
 * _cg_xml_file_load:
 * @path: a file name, used as given in messages
 *
 * Returns: (transfer full) (nullable): the parsed, valid file, or %NULL with @error set
 */
CgXmlFile *
_cg_xml_file_load (const char  *path,
                   const char  *schema_resource,
                   GQuark       domain,
                   int          code,
                   GError     **error)
{
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (gfile, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code, "%s: %s", path, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: not a regular file"), path);
      return NULL;
    }

  if (g_file_info_get_size (info) > CG_XML_MAX_FILE_SIZE)
    {
      set_too_large_error (error, domain, code, path, (guint64) g_file_info_get_size (info));
      return NULL;
    }

  bytes = g_file_load_bytes (gfile, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code, "%s: %s", path, local_error->message);
      return NULL;
    }

  return _cg_xml_file_load_bytes (path, bytes, schema_resource, domain, code, error);
}

char *
_cg_xml_get_prop (xmlNode    *node,
                  const char *name)
{
  g_autoptr(xmlChar) value = xmlGetProp (node, (const xmlChar *) name);

  /* The schema compares listed values as tokens, so it admits “ high ” for “high”;
   * every attribute here is a token, a number, a date or a short name, so read them
   * stripped the same way. */
  return value != NULL ? g_strstrip (g_strdup ((const char *) value)) : NULL;
}

gboolean
_cg_xml_is_element (xmlNode    *node,
                    const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, (const xmlChar *) name) == 0;
}

/* Text of the first child element @name of @node, whitespace-normalised, or %NULL. */
char *
_cg_xml_child_text (xmlNode    *node,
                    const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (_cg_xml_is_element (child, name))
        {
          g_autoptr(xmlChar) content = xmlNodeGetContent (child);
          g_auto(GStrv) words = g_strsplit_set ((const char *) content, " \t\r\n", -1);
          GString *text = g_string_new (NULL);

          for (guint i = 0; words[i] != NULL; i++)
            {
              if (*words[i] == '\0')
                continue;
              if (text->len > 0)
                g_string_append_c (text, ' ');
              g_string_append (text, words[i]);
            }
          return g_string_free (text, FALSE);
        }
    }

  return NULL;
}
