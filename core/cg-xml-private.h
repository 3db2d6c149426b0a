/* cg-xml-private.h: safe loading and validation of Common Ground XML files
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Profiles and frameworks are a few kilobytes; anything this large is not one. */
#define CG_XML_MAX_FILE_SIZE (8 * 1024 * 1024)

typedef struct
{
  char   *path;      /* as the user gave it: used in messages */
  char   *contents;
  gsize   length;
  xmlDoc *doc;
} CgXmlFile;

CgXmlFile *_cg_xml_file_load        (const char  *path,
                                     const char  *schema_resource,
                                     GQuark       domain,
                                     int          code,
                                     GError     **error);
CgXmlFile *_cg_xml_file_load_bytes  (const char  *display_path,
                                     GBytes      *bytes,
                                     const char  *schema_resource,
                                     GQuark       domain,
                                     int          code,
                                     GError     **error);
void       _cg_xml_file_free        (CgXmlFile   *file);

void       _cg_xml_set_error        (GError     **error,
                                     GQuark       domain,
                                     int          code,
                                     CgXmlFile   *file,
                                     xmlNode     *node,
                                     const char  *token,
                                     const char  *format,
                                     ...) G_GNUC_PRINTF (7, 8);

char      *_cg_xml_get_prop         (xmlNode     *node,
                                     const char  *name);
char      *_cg_xml_child_text       (xmlNode     *node,
                                     const char  *name);
gboolean   _cg_xml_is_element       (xmlNode     *node,
                                     const char  *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgXmlFile, _cg_xml_file_free)

G_END_DECLS
