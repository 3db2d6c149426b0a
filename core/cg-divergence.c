/* cg-divergence.c: pairwise divergence (Gower) and hierarchical clustering
 *
 * The divergence of countries i and j over the indicators both have is Gower's
 * coefficient, D = Σ w_k δ_k d_k / Σ w_k δ_k. In the observed-range mode it is computed
 * step for step as R's cluster::daisy does (scale each column, accumulate in column
 * order, divide once), so its results match R's to the last bit; the clustering follows
 * R's hclust Fortran code, tie rules included.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-divergence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cg-divergence.h"
#include "cg-divergence-private.h"

struct _CgMatrix
{
  gatomicrefcount  ref_count;
  guint            n;
  double          *values;    /* n × n, NAN where not comparable */
  double          *coverage;  /* n × n, share of the total weight compared */
  char           **codes;
  char           **names;
};

G_DEFINE_BOXED_TYPE (CgMatrix, cg_matrix, cg_matrix_ref, cg_matrix_unref)
G_DEFINE_BOXED_TYPE (CgTree, cg_tree, cg_tree_ref, cg_tree_unref)
G_DEFINE_QUARK (cg-divergence-error-quark, cg_divergence_error)

/**
 * cg_matrix_new:
 * @n: the number of countries
 *
 * Returns: (transfer full): an @n × @n matrix, 0 on the diagonal, not comparable
 *   elsewhere
 */
CgMatrix *
cg_matrix_new (guint n)
{
  CgMatrix *self = g_new0 (CgMatrix, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->n = n;
  self->values = g_new (double, (gsize) n * n);
  self->coverage = g_new0 (double, (gsize) n * n);
  self->codes = g_new0 (char *, n + 1);
  self->names = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      self->values[(gsize) i * n + j] = i == j ? 0.0 : NAN;

  return self;
}

CgMatrix *
cg_matrix_ref (CgMatrix *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cg_matrix_unref (CgMatrix *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->values);
  g_free (self->coverage);
  g_strfreev (self->codes);
  g_strfreev (self->names);
  g_free (self);
}

guint
cg_matrix_get_size (const CgMatrix *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n;
}

/**
 * cg_matrix_get:
 *
 * Returns: the divergence of @i and @j, 0 (identical policies) to 1 (different on
 *   every indicator compared), or NAN when they share no indicator
 */
double
cg_matrix_get (const CgMatrix *self,
               guint           i,
               guint           j)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (i < self->n && j < self->n, NAN);
  return self->values[(gsize) i * self->n + j];
}

void
cg_matrix_set (CgMatrix *self,
               guint     i,
               guint     j,
               double    value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (i < self->n && j < self->n);
  self->values[(gsize) i * self->n + j] = value;
  self->values[(gsize) j * self->n + i] = value;
}

/**
 * cg_matrix_get_coverage:
 *
 * Returns: the share (0..1) of the framework's total weight that was compared for
 *   the pair
 */
double
cg_matrix_get_coverage (const CgMatrix *self,
                        guint           i,
                        guint           j)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (i < self->n && j < self->n, NAN);
  return self->coverage[(gsize) i * self->n + j];
}

const char *
cg_matrix_get_code (const CgMatrix *self,
                    guint           i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->n, NULL);
  return self->codes[i];
}

const char *
cg_matrix_get_name (const CgMatrix *self,
                    guint           i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->n, NULL);
  return self->names[i] != NULL ? self->names[i] : self->codes[i];
}

void
cg_matrix_set_label (CgMatrix   *self,
                     guint       i,
                     const char *code,
                     const char *name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (i < self->n);

  g_free (self->codes[i]);
  self->codes[i] = g_strdup (code);
  g_free (self->names[i]);
  self->names[i] = g_strdup (name);
}

/**
 * cg_matrix_count_not_comparable:
 *
 * Returns: the number of pairs (i < j) that share no indicator
 */
guint
cg_matrix_count_not_comparable (const CgMatrix *self)
{
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->n; i++)
    for (guint j = i + 1; j < self->n; j++)
      count += isnan (self->values[(gsize) i * self->n + j]);
  return count;
}

/* Prepares the columns of @dataset as daisy does: each value shifted and scaled by
 * the column's range, declared (framework) or observed over the rows compared. */
CgColumns *
_cg_columns_new (const CgDataset *dataset,
                 CgRangeMode      mode)
{
  CgFramework *framework = cg_dataset_get_framework (dataset);
  guint n = cg_dataset_get_n_rows (dataset);
  guint m = cg_dataset_get_n_columns (dataset);
  CgColumns *columns = g_new0 (CgColumns, 1);

  columns->n = n;
  columns->m = m;
  columns->scaled = g_new (double, (gsize) MAX (n, 1) * m);
  columns->weights = g_new (double, MAX (m, 1));
  columns->kinds = g_new (CgColumnKind, MAX (m, 1));
  columns->lo = g_new (double, MAX (m, 1));
  columns->scale = g_new (double, MAX (m, 1));
  columns->by_column = g_new (double, (gsize) MAX (n, 1) * m);

  for (guint j = 0; j < m; j++)
    {
      const CgIndicator *indicator = cg_framework_get_indicator (framework, j);
      double lo, scale;

      columns->weights[j] = cg_dataset_get_weight (dataset, j);
      columns->total_weight += columns->weights[j];

      switch (indicator->type)
        {
        case CG_INDICATOR_NOMINAL:
          columns->kinds[j] = CG_COLUMN_NOMINAL;
          break;
        case CG_INDICATOR_ORDINAL:
        case CG_INDICATOR_NUMERIC:
          columns->kinds[j] = CG_COLUMN_INTERVAL;
          break;
        case CG_INDICATOR_BINARY:
          columns->kinds[j] = CG_COLUMN_SYMMETRIC;
          break;
        case CG_INDICATOR_ASYMMETRIC_BINARY:
          columns->kinds[j] = CG_COLUMN_ASYMMETRIC;
          break;
        default:
          g_assert_not_reached ();
        }

      if (mode == CG_RANGE_OBSERVED)
        {
          double hi = -INFINITY;

          lo = INFINITY;
          for (guint i = 0; i < n; i++)
            {
              double x = cg_dataset_get_value (dataset, i, j);
              if (isnan (x))
                continue;
              lo = MIN (lo, x);
              hi = MAX (hi, x);
            }
          scale = hi - lo;
          if (!(scale != 0) || !isfinite (scale))
            scale = 1;
          if (!isfinite (lo))
            lo = 0;
        }
      else
        {
          lo = indicator->min;
          scale = indicator->max - indicator->min;
          if (!(scale > 0))
            scale = 1;
        }
      columns->lo[j] = lo;
      columns->scale[j] = scale;

      /* As R's scale(): a subtraction, then a division. */
      for (guint i = 0; i < n; i++)
        {
          double x = (cg_dataset_get_value (dataset, i, j) - lo) / scale;

          columns->scaled[(gsize) i * m + j] = x;
          columns->by_column[(gsize) j * n + i] = x;
        }
    }

  return columns;
}

void
_cg_columns_free (CgColumns *columns)
{
  if (columns == NULL)
    return;
  g_free (columns->scaled);
  g_free (columns->weights);
  g_free (columns->kinds);
  g_free (columns->lo);
  g_free (columns->scale);
  g_free (columns->by_column);
  g_free (columns);
}

/* Rescales one row after its values changed (a what-if); the ranges stay as they are. */
void
_cg_columns_update_row (CgColumns       *columns,
                        const CgDataset *dataset,
                        guint            row)
{
  for (guint j = 0; j < columns->m; j++)
    {
      double x = (cg_dataset_get_value (dataset, row, j) - columns->lo[j]) / columns->scale[j];

      columns->scaled[(gsize) row * columns->m + j] = x;
      columns->by_column[(gsize) j * columns->n + row] = x;
    }
}

/* daisy's pair loop, in column order, so its sums are R's to the last bit. It is written
 * without branches on the data: a term that does not count adds +0.0 exactly (the sums
 * are never negative), which leaves every bit as skipping it would, and keeps the
 * processor's pipeline full. */
double
_cg_columns_pair (const CgColumns *columns,
                  guint            l,
                  guint            k,
                  double          *out_compared_weight)
{
  const double *xl = columns->scaled + (gsize) l * columns->m;
  const double *xk = columns->scaled + (gsize) k * columns->m;
  const double *weights = columns->weights;
  const CgColumnKind *kinds = columns->kinds;
  double ppa = 0, dlk = 0;

  for (guint j = 0; j < columns->m; j++)
    {
      double a = xl[j], b = xk[j], w = weights[j];
      CgColumnKind kind = kinds[j];
      gboolean binary = kind >= CG_COLUMN_SYMMETRIC;
      /* How daisy skips unknown binaries: anything but exactly 0 or 1. */
      gboolean binary_ok = (a == 0 || a == 1) & (b == 0 || b == 1);
      gboolean known = (a == a) & (b == b);
      gboolean valid = binary ? binary_ok : known;
      gboolean counts = valid & !(kind == CG_COLUMN_ASYMMETRIC && a == 0 && b == 0);
      double d = kind == CG_COLUMN_INTERVAL ? fabs (a - b) : (double) (a != b);

      ppa += counts ? w : 0.0;
      dlk += valid ? w * d : 0.0;
    }

  if (out_compared_weight != NULL)
    *out_compared_weight = ppa;
  return ppa > 0 ? dlk / ppa : NAN;
}

/* Distance d_k of one indicator for a pair, in 0..1, or NAN when it does not count. */
double
_cg_columns_distance (const CgColumns *columns,
                      guint            l,
                      guint            k,
                      guint            j)
{
  double a = columns->scaled[(gsize) l * columns->m + j];
  double b = columns->scaled[(gsize) k * columns->m + j];

  switch (columns->kinds[j])
    {
    case CG_COLUMN_NOMINAL:
      return isnan (a) || isnan (b) ? NAN : (a != b ? 1.0 : 0.0);
    case CG_COLUMN_INTERVAL:
      return isnan (a) || isnan (b) ? NAN : fabs (a - b);
    case CG_COLUMN_SYMMETRIC:
    case CG_COLUMN_ASYMMETRIC:
      if ((a != 0 && a != 1) || (b != 0 && b != 1))
        return NAN;
      if (columns->kinds[j] == CG_COLUMN_ASYMMETRIC && a == 0 && b == 0)
        return NAN;
      return a != b ? 1.0 : 0.0;
    default:
      g_assert_not_reached ();
    }
}

/* The whole matrix is computed in tiles of TILE × TILE pairs: for each tile, the
 * columns are taken one after another (so every pair's sums are added in column order,
 * as daisy adds them) and each column's inner loop runs over contiguous values with one
 * kind of indicator, which the compiler turns into vector instructions. */
#define TILE 32

typedef struct
{
  CgMatrix        *matrix;
  const CgColumns *columns;
  guint            n_tiles;   /* tiles per side */
  gint             next;      /* next tile to take, shared by the threads */
} TileWork;

/* Vectorised: the inner loops are the hot path of every large comparison. A version for
 * wider vector units is chosen at run time where the processor has them; every version
 * does the same IEEE operations in the same order (no fused multiply-add), so all give
 * the same bits. */
__attribute__ ((optimize ("O3"), target_clones ("avx512f", "avx2", "default")))
static void
fill_tile (CgMatrix        *matrix,
           const CgColumns *columns,
           guint            lb,
           guint            kb)
{
  guint n = matrix->n;
  guint l_end = MIN (lb + TILE, n);
  guint k_end = MIN (kb + TILE, n);
  double ppa[TILE][TILE];
  double dlk[TILE][TILE];

  memset (ppa, 0, sizeof ppa);
  memset (dlk, 0, sizeof dlk);

  for (guint j = 0; j < columns->m; j++)
    {
      const double *x = columns->by_column + (gsize) j * n;
      double w = columns->weights[j];
      CgColumnKind kind = columns->kinds[j];

      for (guint l = lb; l < l_end; l++)
        {
          double a = x[l];
          double *p = ppa[l - lb];
          double *q = dlk[l - lb];
          /* On a diagonal tile, only the pairs below the diagonal. */
          guint k_stop = kb == lb ? l : k_end;

          switch (kind)
            {
            case CG_COLUMN_INTERVAL:
              if (a != a)
                break;
              for (guint k = kb; k < k_stop; k++)
                {
                  double b = x[k];
                  gboolean known = b == b;

                  p[k - kb] += known ? w : 0.0;
                  q[k - kb] += known ? w * fabs (a - b) : 0.0;
                }
              break;

            case CG_COLUMN_NOMINAL:
              if (a != a)
                break;
              for (guint k = kb; k < k_stop; k++)
                {
                  double b = x[k];
                  gboolean known = b == b;

                  p[k - kb] += known ? w : 0.0;
                  q[k - kb] += known && a != b ? w : 0.0;
                }
              break;

            case CG_COLUMN_SYMMETRIC:
              /* How daisy skips unknown binaries: anything but exactly 0 or 1. */
              if (a != 0 && a != 1)
                break;
              for (guint k = kb; k < k_stop; k++)
                {
                  double b = x[k];
                  gboolean valid = b == 0 || b == 1;

                  p[k - kb] += valid ? w : 0.0;
                  q[k - kb] += valid && a != b ? w : 0.0;
                }
              break;

            case CG_COLUMN_ASYMMETRIC:
              if (a != 0 && a != 1)
                break;
              for (guint k = kb; k < k_stop; k++)
                {
                  double b = x[k];
                  gboolean valid = b == 0 || b == 1;

                  /* Two “no” answers do not count. */
                  p[k - kb] += valid && (a != 0 || b != 0) ? w : 0.0;
                  q[k - kb] += valid && a != b ? w : 0.0;
                }
              break;

            default:
              g_assert_not_reached ();
            }
        }
    }

  for (guint l = lb; l < l_end; l++)
    {
      guint k_stop = kb == lb ? l : k_end;

      for (guint k = kb; k < k_stop; k++)
        {
          double compared = ppa[l - lb][k - kb];
          double d = compared > 0 ? dlk[l - lb][k - kb] / compared : NAN;
          double coverage = columns->total_weight > 0 ? compared / columns->total_weight : 0;

          matrix->values[(gsize) l * n + k] = d;
          matrix->values[(gsize) k * n + l] = d;
          matrix->coverage[(gsize) l * n + k] = coverage;
          matrix->coverage[(gsize) k * n + l] = coverage;
        }
    }
}

static void
fill_pair (CgMatrix        *matrix,
           const CgColumns *columns,
           guint            l,
           guint            k)
{
  guint n = matrix->n;
  double ppa;
  double d = _cg_columns_pair (columns, l, k, &ppa);
  double coverage = columns->total_weight > 0 ? ppa / columns->total_weight : 0;

  matrix->values[(gsize) l * n + k] = d;
  matrix->values[(gsize) k * n + l] = d;
  matrix->coverage[(gsize) l * n + k] = coverage;
  matrix->coverage[(gsize) k * n + l] = coverage;
}

static void
fill_diagonal (CgMatrix        *matrix,
               const CgColumns *columns,
               guint            i)
{
  double known = 0;

  for (guint j = 0; j < columns->m; j++)
    known += isnan (columns->scaled[(gsize) i * columns->m + j]) ? 0 : columns->weights[j];
  matrix->coverage[(gsize) i * matrix->n + i] =
    columns->total_weight > 0 ? known / columns->total_weight : 0;
}

/* Tiles are numbered row by row over the lower triangle: (0,0), (1,0), (1,1), (2,0)… */
static gpointer
fill_tiles (gpointer data)
{
  TileWork *work = data;
  guint n_triangle = work->n_tiles * (work->n_tiles + 1) / 2;

  for (;;)
    {
      guint t = (guint) g_atomic_int_add (&work->next, 1);
      guint row = 0;

      if (t >= n_triangle)
        break;
      while ((row + 1) * (row + 2) / 2 <= t)
        row++;
      fill_tile (work->matrix, work->columns, row * TILE, (t - row * (row + 1) / 2) * TILE);
    }
  return NULL;
}

/* Large matrices are shared between the processor's cores, tile by tile. */
static void
fill_matrix (CgMatrix        *matrix,
             const CgColumns *columns)
{
  guint n = matrix->n;
  guint n_threads = MIN (MAX (g_get_num_processors (), 1), 8);
  g_autofree GThread **threads = NULL;
  TileWork work = { matrix, columns, (n + TILE - 1) / TILE, 0 };

  if ((gsize) n * n * columns->m < 4000000)
    n_threads = 1;

  threads = g_new0 (GThread *, n_threads);
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("cg-divergence", fill_tiles, &work);
  fill_tiles (&work);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);

  for (guint i = 0; i < n; i++)
    fill_diagonal (matrix, columns, i);
}

/**
 * cg_divergence_compute:
 * @dataset: the countries to compare
 * @mode: how ordinal and numeric distances are scaled
 *
 * Computes the divergence of every pair of rows of @dataset. For each indicator k
 * known for both countries (and, for an asymmetric binary, not “no” for both), the
 * distance d_k in 0..1 is: |rank difference| / (levels − 1) for ordinals, 0 or 1 for
 * nominals and binaries, |x − y| / range for numbers; the pair's divergence is the
 * weighted mean of these distances.
 *
 * Returns: (transfer full): the symmetric divergence matrix with coverage
 */
CgMatrix *
cg_divergence_compute (const CgDataset *dataset,
                       CgRangeMode      mode)
{
  CgColumns *columns;
  CgMatrix *matrix;
  guint n;

  g_return_val_if_fail (dataset != NULL, NULL);

  n = cg_dataset_get_n_rows (dataset);
  matrix = cg_matrix_new (n);
  for (guint i = 0; i < n; i++)
    cg_matrix_set_label (matrix, i, cg_dataset_get_code (dataset, i),
                         cg_dataset_get_name (dataset, i));

  columns = _cg_columns_new (dataset, mode);
  fill_matrix (matrix, columns);
  _cg_columns_free (columns);

  return matrix;
}

/**
 * cg_divergence_update_row:
 * @matrix: the matrix computed from @dataset before one of its rows changed
 * @dataset: the dataset, with @row changed
 * @row: the row whose values changed
 *
 * Recomputes only what a change of one country's values changes: its row and column
 * of the matrix. In the observed-range mode the ranges can move, so everything is
 * recomputed.
 */
void
cg_divergence_update_row (CgMatrix        *matrix,
                          const CgDataset *dataset,
                          guint            row,
                          CgRangeMode      mode)
{
  CgColumns *columns;

  g_return_if_fail (matrix != NULL);
  g_return_if_fail (dataset != NULL);
  g_return_if_fail (row < matrix->n && matrix->n == cg_dataset_get_n_rows (dataset));

  columns = _cg_columns_new (dataset, mode);
  if (mode == CG_RANGE_OBSERVED)
    fill_matrix (matrix, columns);
  else
    {
      for (guint k = 0; k < matrix->n; k++)
        {
          if (k != row)
            fill_pair (matrix, columns, MAX (row, k), MIN (row, k));
        }
      fill_diagonal (matrix, columns, row);
    }
  _cg_columns_free (columns);
}

CgTree *
cg_tree_ref (CgTree *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cg_tree_unref (CgTree *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->merge);
  g_free (self->height);
  g_free (self->order);
  g_free (self);
}

/* Index of the pair (i, j), i < j, 1-based, in R's packed lower triangle (IOFFST). */
static inline gsize
ioffst (gsize n,
        gsize i,
        gsize j)
{
  return j + (i - 1) * n - (i * (i + 1)) / 2 - 1;
}

/* R's HCASS2: turn the (i2, j2) merge pairs into hclust's $merge and $order. */
static void
hcass2 (guint      n,
        const int *ia,
        const int *ib,
        int       *merge,
        guint     *order)
{
  g_autofree int *iia = g_new (int, n);
  g_autofree int *iib = g_new (int, n);
  g_autofree int *iorder = g_new0 (int, n + 1);
  guint loc;

  for (guint i = 0; i < n - 1; i++)
    {
      iia[i] = ia[i];
      iib[i] = ib[i];
    }

  for (guint i = 0; i + 2 < n; i++)
    {
      int k = MIN (ia[i], ib[i]);

      for (guint j = i + 1; j < n - 1; j++)
        {
          if (ia[j] == k)
            iia[j] = -(int) (i + 1);
          if (ib[j] == k)
            iib[j] = -(int) (i + 1);
        }
    }

  for (guint i = 0; i < n - 1; i++)
    {
      iia[i] = -iia[i];
      iib[i] = -iib[i];
    }

  for (guint i = 0; i < n - 1; i++)
    {
      if (iia[i] > 0 && iib[i] < 0)
        {
          int k = iia[i];
          iia[i] = iib[i];
          iib[i] = k;
        }
      if (iia[i] > 0 && iib[i] > 0)
        {
          int k1 = MIN (iia[i], iib[i]);
          int k2 = MAX (iia[i], iib[i]);
          iia[i] = k1;
          iib[i] = k2;
        }
      merge[2 * i] = iia[i];
      merge[2 * i + 1] = iib[i];
    }

  /* 1-based, as in the Fortran */
  iorder[1] = iia[n - 2];
  iorder[2] = iib[n - 2];
  loc = 2;
  for (int i = (int) n - 2; i >= 1; i--)
    {
      for (guint j = 1; j <= loc; j++)
        {
          if (iorder[j] == i)
            {
              iorder[j] = iia[i - 1];
              if (j == loc)
                {
                  loc++;
                  iorder[loc] = iib[i - 1];
                }
              else
                {
                  loc++;
                  for (guint k = loc; k >= j + 2; k--)
                    iorder[k] = iorder[k - 1];
                  iorder[j + 1] = iib[i - 1];
                }
              break;
            }
        }
    }

  for (guint i = 0; i < n; i++)
    order[i] = (guint) (-iorder[i + 1] - 1);
}

/**
 * cg_cluster:
 * @matrix: a divergence matrix in which every pair is comparable
 * @linkage: how the divergence between clusters is defined
 *
 * Agglomerative hierarchical clustering by Murtagh's nearest-neighbour-list
 * algorithm, as R's hclust implements it: the same merge table, heights and leaf
 * order, ties broken the same way.
 *
 * Returns: (transfer full) (nullable): the tree, or %NULL with @error set when some
 *   pair is not comparable or there are fewer than two countries
 */
CgTree *
cg_cluster (const CgMatrix  *matrix,
            CgLinkage        linkage,
            GError         **error)
{
  const double inf = 1e300;
  gsize n, len;
  g_autofree double *diss = NULL;
  g_autofree double *disnn = NULL;
  g_autofree double *membr = NULL;
  g_autofree double *crit = NULL;
  g_autofree int *nn = NULL;
  g_autofree gboolean *flag = NULL;
  g_autofree int *ia = NULL;
  g_autofree int *ib = NULL;
  CgTree *tree;
  gsize ncl;
  int im = 0, jj = 0, jm = 0;

  g_return_val_if_fail (matrix != NULL, NULL);

  n = matrix->n;
  if (n < 2)
    {
      g_set_error (error, CG_DIVERGENCE_ERROR, CG_DIVERGENCE_ERROR_TOO_FEW,
                   _("Clustering needs at least two countries"));
      return NULL;
    }

  if (cg_matrix_count_not_comparable (matrix) > 0)
    {
      guint count = cg_matrix_count_not_comparable (matrix);

      g_set_error (error, CG_DIVERGENCE_ERROR, CG_DIVERGENCE_ERROR_NOT_COMPARABLE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u pair of countries shares no indicator, so they cannot be "
                                "clustered",
                                "%u pairs of countries share no indicator, so they cannot be "
                                "clustered",
                                count),
                   count);
      return NULL;
    }

  /* Arrays are indexed from 1 below, as in the Fortran this follows line by line. */
  len = n * (n - 1) / 2;
  diss = g_new (double, len);
  disnn = g_new (double, n + 1);
  membr = g_new (double, n + 1);
  nn = g_new0 (int, n + 1);
  flag = g_new (gboolean, n + 1);
  ia = g_new0 (int, n);
  ib = g_new0 (int, n);
  crit = g_new0 (double, n);

  for (gsize i = 1; i < n; i++)
    for (gsize j = i + 1; j <= n; j++)
      diss[ioffst (n, i, j)] = matrix->values[(i - 1) * n + (j - 1)];

  for (gsize i = 1; i <= n; i++)
    {
      flag[i] = TRUE;
      membr[i] = 1;
    }
  ncl = n;

  /* The nearest neighbour of each i to its right: the lowest j at the least distance. */
  for (gsize i = 1; i < n; i++)
    {
      double dmin = inf;

      for (gsize j = i + 1; j <= n; j++)
        {
          gsize ind = ioffst (n, i, j);
          if (dmin > diss[ind])
            {
              dmin = diss[ind];
              jm = (int) j;
            }
        }
      nn[i] = jm;
      disnn[i] = dmin;
    }

  while (ncl > 1)
    {
      double dmin = inf;
      gsize step;
      int i2, j2;

      /* The least dissimilarity: the lowest i wins a tie. */
      for (gsize i = 1; i < n; i++)
        {
          if (flag[i] && disnn[i] < dmin)
            {
              dmin = disnn[i];
              im = (int) i;
              jm = nn[i];
            }
        }
      ncl--;

      i2 = MIN (im, jm);
      j2 = MAX (im, jm);
      step = n - ncl - 1;
      ia[step] = i2;
      ib[step] = j2;
      crit[step] = dmin;
      flag[j2] = FALSE;

      /* Lance–Williams update of the dissimilarities from the new cluster i2. */
      dmin = inf;
      for (gsize k = 1; k <= n; k++)
        {
          gsize ind1, ind2;

          if (!flag[k] || (int) k == i2)
            continue;

          ind1 = (gsize) i2 < k ? ioffst (n, i2, k) : ioffst (n, k, i2);
          ind2 = (gsize) j2 < k ? ioffst (n, j2, k) : ioffst (n, k, j2);

          switch (linkage)
            {
            case CG_LINKAGE_AVERAGE:
              diss[ind1] = (membr[i2] * diss[ind1] + membr[j2] * diss[ind2]) /
                           (membr[i2] + membr[j2]);
              break;
            case CG_LINKAGE_COMPLETE:
              diss[ind1] = MAX (diss[ind1], diss[ind2]);
              break;
            case CG_LINKAGE_SINGLE:
              diss[ind1] = MIN (diss[ind1], diss[ind2]);
              break;
            default:
              g_assert_not_reached ();
            }

          if ((gsize) i2 < k)
            {
              if (diss[ind1] < dmin)
                {
                  dmin = diss[ind1];
                  jj = (int) k;
                }
            }
          else if (diss[ind1] < disnn[k])
            {
              /* Keeps nearest neighbours right for non-monotone linkages. */
              disnn[k] = diss[ind1];
              nn[k] = i2;
            }
        }

      membr[i2] += membr[j2];
      disnn[i2] = dmin;
      nn[i2] = jj;

      /* Recompute the nearest neighbours that pointed at i2 or j2. */
      for (gsize i = 1; i < n; i++)
        {
          if (flag[i] && (nn[i] == i2 || nn[i] == j2))
            {
              double best = inf;

              for (gsize j = i + 1; j <= n; j++)
                {
                  if (flag[j])
                    {
                      gsize ind = ioffst (n, i, j);
                      if (diss[ind] < best)
                        {
                          best = diss[ind];
                          jj = (int) j;
                        }
                    }
                }
              nn[i] = jj;
              disnn[i] = best;
            }
        }
    }

  tree = g_new0 (CgTree, 1);
  g_atomic_ref_count_init (&tree->ref_count);
  tree->n = (guint) n;
  tree->merge = g_new (int, 2 * (n - 1));
  tree->height = g_memdup2 (crit, sizeof (double) * (n - 1));
  tree->order = g_new (guint, n);
  hcass2 ((guint) n, ia, ib, tree->merge, tree->order);

  return tree;
}
