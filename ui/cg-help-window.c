/* cg-help-window.c: the user's guide, offline
 *
 * The guide's pages are short Markdown files compiled into the program (and installed
 * beside it as plain text). This window shows them with a sidebar, turning the few
 * Markdown forms they use — headings, paragraphs, lists, indented code, bold, italics and
 * code spans — into Pango markup.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-help-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cg-help-window.h"

struct _CgHelpWindow
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (CgHelpWindow, cg_help_window, ADW_TYPE_WINDOW)

/* Inline forms: **bold**, *italic*, `code`; the rest is escaped. */
static void
append_inline (GString    *out,
               const char *text)
{
  gboolean bold = FALSE, italic = FALSE, code = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!code && p[0] == '*' && p[1] == '*')
        {
          g_string_append (out, bold ? "</b>" : "<b>");
          bold = !bold;
          p++;
        }
      else if (!code && p[0] == '*')
        {
          g_string_append (out, italic ? "</i>" : "<i>");
          italic = !italic;
        }
      else if (p[0] == '`')
        {
          g_string_append (out, code ? "</tt>" : "<tt>");
          code = !code;
        }
      else
        {
          g_autofree char *escaped = g_markup_escape_text (p, 1);
          g_string_append (out, escaped);
        }
    }
  /* Close what a line left open, so the markup stays valid. */
  if (code)
    g_string_append (out, "</tt>");
  if (italic)
    g_string_append (out, "</i>");
  if (bold)
    g_string_append (out, "</b>");
}

/**
 * cg_help_markdown_to_markup:
 * @markdown: a page of the guide
 *
 * Returns: (transfer full): Pango markup for a #GtkLabel
 */
char *
cg_help_markdown_to_markup (const char *markdown)
{
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  GString *out = g_string_new (NULL);
  gboolean in_paragraph = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (*line == '\0')
        {
          if (in_paragraph)
            g_string_append (out, "\n");
          in_paragraph = FALSE;
          continue;
        }

      if (g_str_has_prefix (line, "# "))
        {
          g_string_append (out, "<span size='xx-large' weight='bold'>");
          append_inline (out, line + 2);
          g_string_append (out, "</span>\n");
        }
      else if (g_str_has_prefix (line, "## "))
        {
          g_string_append (out, "\n<span size='large' weight='bold'>");
          append_inline (out, line + 3);
          g_string_append (out, "</span>\n");
        }
      else if (g_str_has_prefix (line, "    "))
        {
          g_autofree char *escaped = g_markup_escape_text (line + 4, -1);
          g_string_append_printf (out, "    <tt>%s</tt>\n", escaped);
        }
      else if (g_str_has_prefix (line, "- ") || g_str_has_prefix (line, "  - "))
        {
          const char *item = strchr (line, '-') + 2;

          g_string_append (out, g_str_has_prefix (line, "  ") ? "      ◦ " : "  • ");
          append_inline (out, item);
          g_string_append_c (out, '\n');
        }
      else if (g_ascii_isdigit (line[0]) && strstr (line, ". ") != NULL &&
               strstr (line, ". ") - line <= 2)
        {
          const char *dot = strstr (line, ". ");

          g_string_append_printf (out, "  %.*s. ", (int) (dot - line), line);
          append_inline (out, dot + 2);
          g_string_append_c (out, '\n');
        }
      else
        {
          if (in_paragraph)
            g_string_append_c (out, ' ');
          append_inline (out, line);
          in_paragraph = TRUE;
          if (lines[i + 1] == NULL || *lines[i + 1] == '\0')
            g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}

static GtkWidget *
make_page (const char *resource)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                     NULL);
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (NULL);

  text = bytes != NULL ? g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes))
                       : g_strdup ("");
  markup = cg_help_markdown_to_markup (text);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 80);
  gtk_widget_set_margin_start (label, 24);
  gtk_widget_set_margin_end (label, 24);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 24);
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  return scrolled;
}

static void
cg_help_window_class_init (CgHelpWindowClass *klass)
{
}

static void
cg_help_window_init (CgHelpWindow *self)
{
  static const struct { const char *name; const char *title; const char *file; } pages[] = {
    { "trainers", N_("A Classroom Session"), "trainers.md" },
    { "regulators", N_("Your Own Profile"), "regulators.md" },
    { "method", N_("How Divergence Is Computed"), "method.md" },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *sidebar = gtk_stack_sidebar_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Common Ground Help"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 640);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *resource = g_strdup_printf (CG_RESOURCE_PREFIX "/help/%s", pages[i].file);
      gtk_stack_add_titled (GTK_STACK (stack), make_page (resource), pages[i].name,
                            _(pages[i].title));
    }
  gtk_stack_sidebar_set_stack (GTK_STACK_SIDEBAR (sidebar), GTK_STACK (stack));
  gtk_widget_set_size_request (sidebar, 220, -1);
  gtk_paned_set_start_child (GTK_PANED (paned), sidebar);
  gtk_paned_set_end_child (GTK_PANED (paned), stack);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), paned);
  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * cg_help_window_new:
 * @parent: (nullable): the window it helps with
 *
 * Returns: (transfer none): a new help window
 */
GtkWidget *
cg_help_window_new (GtkWindow *parent)
{
  return g_object_new (CG_TYPE_HELP_WINDOW, "transient-for", parent, NULL);
}
