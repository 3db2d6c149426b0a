/* cg-dataset.c: coded values of countries × indicators, ready for scoring
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-dataset"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cg-dataset.h"
#include "cg-store.h"

struct _CgDataset
{
  gatomicrefcount  ref_count;
  CgFramework     *framework;
  guint            n_rows;
  guint            n_cols;
  char           **codes;
  char           **names;
  double          *values;   /* n_rows × n_cols, row-major; NAN is unknown */
  double          *weights;  /* per column: dimension weight × indicator weight */
  char            *as_of;
};

G_DEFINE_BOXED_TYPE (CgDataset, cg_dataset, cg_dataset_ref, cg_dataset_unref)

/**
 * cg_dataset_new:
 * @framework: the framework whose indicators are the columns
 * @n_rows: the number of countries
 *
 * Returns: (transfer full): a dataset whose values are all unknown
 */
CgDataset *
cg_dataset_new (CgFramework *framework,
                guint        n_rows)
{
  CgDataset *self;

  g_return_val_if_fail (CG_IS_FRAMEWORK (framework), NULL);

  self = g_new0 (CgDataset, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->framework = g_object_ref (framework);
  self->n_rows = n_rows;
  self->n_cols = cg_framework_get_n_indicators (framework);
  self->codes = g_new0 (char *, n_rows + 1);
  self->names = g_new0 (char *, n_rows + 1);
  self->values = g_new (double, (gsize) n_rows * self->n_cols);
  self->weights = g_new (double, self->n_cols);

  for (gsize i = 0; i < (gsize) n_rows * self->n_cols; i++)
    self->values[i] = NAN;

  for (guint j = 0; j < self->n_cols; j++)
    {
      const CgIndicator *indicator = cg_framework_get_indicator (framework, j);
      const CgDimension *dimension = cg_framework_get_dimension (framework,
                                                                 indicator->dimension);
      self->weights[j] = dimension->weight * indicator->weight;
    }

  return self;
}

CgDataset *
cg_dataset_ref (CgDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cg_dataset_unref (CgDataset *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_object_unref (self->framework);
  g_strfreev (self->codes);
  g_strfreev (self->names);
  g_free (self->values);
  g_free (self->weights);
  g_free (self->as_of);
  g_free (self);
}

/**
 * cg_dataset_get_framework:
 *
 * Returns: (transfer none): the framework of the columns
 */
CgFramework *
cg_dataset_get_framework (const CgDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->framework;
}

guint
cg_dataset_get_n_rows (const CgDataset *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

guint
cg_dataset_get_n_columns (const CgDataset *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_cols;
}

const char *
cg_dataset_get_code (const CgDataset *self,
                     guint            row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  return self->codes[row];
}

const char *
cg_dataset_get_name (const CgDataset *self,
                     guint            row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  return self->names[row] != NULL ? self->names[row] : self->codes[row];
}

void
cg_dataset_set_row (CgDataset  *self,
                    guint       row,
                    const char *code,
                    const char *name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (row < self->n_rows);

  g_free (self->codes[row]);
  self->codes[row] = g_strdup (code);
  g_free (self->names[row]);
  self->names[row] = g_strdup (name);
}

/**
 * cg_dataset_lookup_row:
 *
 * Returns: the row of the country @code, or -1
 */
int
cg_dataset_lookup_row (const CgDataset *self,
                       const char      *code)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->n_rows; i++)
    {
      if (g_strcmp0 (self->codes[i], code) == 0)
        return (int) i;
    }
  return -1;
}

/**
 * cg_dataset_get_value:
 *
 * Returns: the coded value (see #CgIndicator), or NAN when it is unknown
 */
double
cg_dataset_get_value (const CgDataset *self,
                      guint            row,
                      guint            column)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (row < self->n_rows && column < self->n_cols, NAN);
  return self->values[(gsize) row * self->n_cols + column];
}

void
cg_dataset_set_value (CgDataset *self,
                      guint      row,
                      guint      column,
                      double     value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (row < self->n_rows && column < self->n_cols);
  self->values[(gsize) row * self->n_cols + column] = value;
}

/**
 * cg_dataset_get_row_values:
 *
 * Returns: (transfer none) (array): the n_columns coded values of @row
 */
const double *
cg_dataset_get_row_values (const CgDataset *self,
                           guint            row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  return self->values + (gsize) row * self->n_cols;
}

/**
 * cg_dataset_get_as_of:
 *
 * Returns: (nullable): the date the values hold at, `YYYY-MM-DD`
 */
const char *
cg_dataset_get_as_of (const CgDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->as_of;
}

void
cg_dataset_set_as_of (CgDataset  *self,
                      const char *as_of)
{
  g_return_if_fail (self != NULL);
  g_free (self->as_of);
  self->as_of = g_strdup (as_of);
}

double
cg_dataset_get_weight (const CgDataset *self,
                       guint            column)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (column < self->n_cols, NAN);
  return self->weights[column];
}

/**
 * cg_dataset_set_weight:
 * @weight: the column's effective weight (dimension weight × indicator weight), ≥ 0
 */
void
cg_dataset_set_weight (CgDataset *self,
                       guint      column,
                       double     weight)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->n_cols);
  g_return_if_fail (weight >= 0 && isfinite (weight));
  self->weights[column] = weight;
}

/**
 * cg_dataset_apply_preset:
 * @preset: (nullable): a weights preset of the framework; %NULL for its own weights
 *
 * Returns: %TRUE, or %FALSE with @error set and the weights unchanged
 */
gboolean
cg_dataset_apply_preset (CgDataset   *self,
                         const char  *preset,
                         GError     **error)
{
  g_autofree double *weights = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  weights = g_new (double, MAX (self->n_cols, 1));
  if (!cg_framework_preset_weights (self->framework, preset, weights, error))
    return FALSE;
  memcpy (self->weights, weights, sizeof (double) * self->n_cols);
  return TRUE;
}

/**
 * cg_dataset_count_values:
 *
 * Returns: the number of known values of @row
 */
guint
cg_dataset_count_values (const CgDataset *self,
                         guint            row)
{
  const double *values;
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->n_rows, 0);

  values = cg_dataset_get_row_values (self, row);
  for (guint j = 0; j < self->n_cols; j++)
    n += !isnan (values[j]);
  return n;
}

/**
 * cg_dataset_count_values_in_dimension:
 *
 * Returns: the number of known values of @row among the indicators of @dimension
 */
guint
cg_dataset_count_values_in_dimension (const CgDataset *self,
                                      guint            row,
                                      guint            dimension)
{
  const double *values;
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->n_rows, 0);

  values = cg_dataset_get_row_values (self, row);
  for (guint j = 0; j < self->n_cols; j++)
    {
      if (cg_framework_get_indicator (self->framework, j)->dimension == dimension)
        n += !isnan (values[j]);
    }
  return n;
}

/**
 * cg_dataset_select:
 * @codes: (array zero-terminated=1): country codes, in the order wanted
 *
 * Returns: (transfer full) (nullable): a dataset of these rows only, or %NULL with
 *   @error set (%CG_STORE_ERROR_NOT_FOUND) naming the first unknown code
 */
CgDataset *
cg_dataset_select (const CgDataset     *self,
                   const char * const  *codes,
                   GError             **error)
{
  g_autoptr(CgDataset) selection = NULL;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (codes != NULL, NULL);

  n = g_strv_length ((char **) codes);
  selection = cg_dataset_new (self->framework, n);
  cg_dataset_set_as_of (selection, self->as_of);
  memcpy (selection->weights, self->weights, sizeof (double) * self->n_cols);

  for (guint i = 0; i < n; i++)
    {
      int row = cg_dataset_lookup_row (self, codes[i]);

      if (row < 0)
        {
          g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                       _("No country or group with the code “%s” has a profile"), codes[i]);
          return NULL;
        }
      cg_dataset_set_row (selection, i, self->codes[row], self->names[row]);
      memcpy (selection->values + (gsize) i * self->n_cols,
              self->values + (gsize) row * self->n_cols, sizeof (double) * self->n_cols);
    }

  return g_steal_pointer (&selection);
}
