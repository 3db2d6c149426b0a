/* cg-comparison.c: a selection of countries and its divergence, kept up to date
 *
 * The object the window binds to: it holds which countries are selected, and
 * recomputes their divergence matrix and clustering when the selection changes.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-comparison"

#include "config.h"

#include <string.h>

#include "cg-comparison.h"

struct _CgComparison
{
  GObject      parent_instance;

  CgDataset   *dataset;
  gboolean    *selected;    /* per dataset row */
  guint        n_selected;
  CgRangeMode  mode;
  CgMatrix    *matrix;      /* (nullable): fewer than two selected */
  CgTree      *tree;        /* (nullable): some pair not comparable */
};

G_DEFINE_FINAL_TYPE (CgComparison, cg_comparison, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_SELECTED,
  PROP_MATRIX,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
recompute (CgComparison *self)
{
  g_clear_pointer (&self->matrix, cg_matrix_unref);
  g_clear_pointer (&self->tree, cg_tree_unref);

  if (self->n_selected >= 2)
    {
      g_auto(GStrv) codes = cg_comparison_dup_selection (self);
      g_autoptr(CgDataset) subset = cg_dataset_select (self->dataset,
                                                       (const char * const *) codes, NULL);

      g_assert (subset != NULL);
      self->matrix = cg_divergence_compute (subset, self->mode);
      /* No tree when a pair is not comparable: the chart then keeps list order. */
      self->tree = cg_cluster (self->matrix, CG_LINKAGE_AVERAGE, NULL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SELECTED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATRIX]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
cg_comparison_finalize (GObject *object)
{
  CgComparison *self = CG_COMPARISON (object);

  g_clear_pointer (&self->dataset, cg_dataset_unref);
  g_clear_pointer (&self->matrix, cg_matrix_unref);
  g_clear_pointer (&self->tree, cg_tree_unref);
  g_free (self->selected);

  G_OBJECT_CLASS (cg_comparison_parent_class)->finalize (object);
}

static void
cg_comparison_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CgComparison *self = CG_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_N_SELECTED:
      g_value_set_uint (value, cg_comparison_get_n_selected (self));
      break;
    case PROP_MATRIX:
      g_value_set_boxed (value, cg_comparison_get_matrix (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_comparison_class_init (CgComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_comparison_finalize;
  object_class->get_property = cg_comparison_get_property;

  properties[PROP_N_SELECTED] =
    g_param_spec_uint ("n-selected", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MATRIX] =
    g_param_spec_boxed ("matrix", NULL, NULL, CG_TYPE_MATRIX,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CgComparison::changed:
   *
   * The selection, and with it the matrix and tree, changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cg_comparison_init (CgComparison *self)
{
}

/**
 * cg_comparison_new:
 * @dataset: the countries that can be selected
 *
 * Returns: (transfer full): a comparison with nothing selected
 */
CgComparison *
cg_comparison_new (CgDataset *dataset)
{
  CgComparison *self;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_object_new (CG_TYPE_COMPARISON, NULL);
  self->dataset = cg_dataset_ref (dataset);
  self->selected = g_new0 (gboolean, MAX (cg_dataset_get_n_rows (dataset), 1));

  return self;
}

/**
 * cg_comparison_get_dataset:
 *
 * Returns: (transfer none): the dataset
 */
CgDataset *
cg_comparison_get_dataset (CgComparison *self)
{
  g_return_val_if_fail (CG_IS_COMPARISON (self), NULL);
  return self->dataset;
}

/**
 * cg_comparison_set_dataset:
 * @dataset: the countries at another date or with other weights
 *
 * Replaces the data, keeping the countries selected that are still in it.
 */
void
cg_comparison_set_dataset (CgComparison *self,
                           CgDataset    *dataset)
{
  g_auto(GStrv) selection = NULL;

  g_return_if_fail (CG_IS_COMPARISON (self));
  g_return_if_fail (dataset != NULL);

  selection = cg_comparison_dup_selection (self);
  g_clear_pointer (&self->dataset, cg_dataset_unref);
  self->dataset = cg_dataset_ref (dataset);
  g_free (self->selected);
  self->selected = g_new0 (gboolean, MAX (cg_dataset_get_n_rows (dataset), 1));
  self->n_selected = 0;
  cg_comparison_set_selection (self, (const char * const *) selection);
}

gboolean
cg_comparison_get_selected (CgComparison *self,
                            const char   *code)
{
  int row;

  g_return_val_if_fail (CG_IS_COMPARISON (self), FALSE);

  row = cg_dataset_lookup_row (self->dataset, code);
  return row >= 0 && self->selected[row];
}

/**
 * cg_comparison_set_selected:
 * @code: a country code; unknown codes are ignored
 */
void
cg_comparison_set_selected (CgComparison *self,
                            const char   *code,
                            gboolean      selected)
{
  int row;

  g_return_if_fail (CG_IS_COMPARISON (self));

  row = cg_dataset_lookup_row (self->dataset, code);
  if (row < 0 || self->selected[row] == !!selected)
    return;

  self->selected[row] = !!selected;
  self->n_selected += selected ? 1 : -1;
  recompute (self);
}

/**
 * cg_comparison_set_selection:
 * @codes: (array zero-terminated=1): the countries to select; others are deselected
 *   and unknown codes ignored
 */
void
cg_comparison_set_selection (CgComparison       *self,
                             const char * const *codes)
{
  guint n_rows;

  g_return_if_fail (CG_IS_COMPARISON (self));
  g_return_if_fail (codes != NULL);

  n_rows = cg_dataset_get_n_rows (self->dataset);
  memset (self->selected, 0, sizeof (gboolean) * n_rows);
  self->n_selected = 0;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      int row = cg_dataset_lookup_row (self->dataset, codes[i]);

      if (row >= 0 && !self->selected[row])
        {
          self->selected[row] = TRUE;
          self->n_selected++;
        }
    }
  recompute (self);
}

/**
 * cg_comparison_dup_selection:
 *
 * Returns: (transfer full) (array zero-terminated=1): the selected codes, in dataset
 *   order
 */
char **
cg_comparison_dup_selection (CgComparison *self)
{
  GStrvBuilder *builder;
  char **codes;

  g_return_val_if_fail (CG_IS_COMPARISON (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < cg_dataset_get_n_rows (self->dataset); i++)
    {
      if (self->selected[i])
        g_strv_builder_add (builder, cg_dataset_get_code (self->dataset, i));
    }
  codes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return codes;
}

guint
cg_comparison_get_n_selected (CgComparison *self)
{
  g_return_val_if_fail (CG_IS_COMPARISON (self), 0);
  return self->n_selected;
}

CgRangeMode
cg_comparison_get_range_mode (CgComparison *self)
{
  g_return_val_if_fail (CG_IS_COMPARISON (self), CG_RANGE_FRAMEWORK);
  return self->mode;
}

void
cg_comparison_set_range_mode (CgComparison *self,
                              CgRangeMode   mode)
{
  g_return_if_fail (CG_IS_COMPARISON (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  recompute (self);
}

/**
 * cg_comparison_get_matrix:
 *
 * Returns: (transfer none) (nullable): the divergence of the selected countries, or
 *   %NULL when fewer than two are selected
 */
CgMatrix *
cg_comparison_get_matrix (CgComparison *self)
{
  g_return_val_if_fail (CG_IS_COMPARISON (self), NULL);
  return self->matrix;
}

/**
 * cg_comparison_get_tree:
 *
 * Returns: (transfer none) (nullable): the average-linkage clustering of the
 *   selection, or %NULL when it has no matrix or a pair is not comparable
 */
CgTree *
cg_comparison_get_tree (CgComparison *self)
{
  g_return_val_if_fail (CG_IS_COMPARISON (self), NULL);
  return self->tree;
}
