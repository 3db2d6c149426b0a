/* cg-mds.c: the “policy map”: countries placed so that distances show divergence
 *
 * Classical (Torgerson) scaling, as R's cmdscale (k = 2): double-centre the squared
 * divergences, B = −½ J D² J, and take the two leading eigenvectors scaled by the
 * square roots of their eigenvalues. Eigenvalues come from the cyclic Jacobi method,
 * exact to rounding for the matrix sizes the tool works with.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-mds"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cg-analysis.h"

/* Jacobi sweeps are O(n³): past this, a map would take more than a moment. */
#define MAX_MDS_SIZE 1000

/* Eigenvalues of the symmetric @a (n × n, destroyed) into @values and eigenvectors as
 * the columns of @vectors. */
static void
jacobi (double *a,
        guint   n,
        double *values,
        double *vectors)
{
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      vectors[(gsize) i * n + j] = i == j;

  for (guint sweep = 0; sweep < 100; sweep++)
    {
      double off = 0;

      for (guint p = 0; p < n; p++)
        for (guint q = p + 1; q < n; q++)
          off += a[(gsize) p * n + q] * a[(gsize) p * n + q];
      if (off < 1e-22)
        break;

      for (guint p = 0; p < n; p++)
        for (guint q = p + 1; q < n; q++)
          {
            double apq = a[(gsize) p * n + q];
            double app, aqq, theta, t, c, s;

            if (fabs (apq) < 1e-300)
              continue;
            app = a[(gsize) p * n + p];
            aqq = a[(gsize) q * n + q];
            theta = (aqq - app) / (2 * apq);
            t = (theta >= 0 ? 1.0 : -1.0) / (fabs (theta) + sqrt (theta * theta + 1));
            c = 1 / sqrt (t * t + 1);
            s = t * c;

            for (guint k = 0; k < n; k++)
              {
                double akp = a[(gsize) k * n + p], akq = a[(gsize) k * n + q];
                a[(gsize) k * n + p] = c * akp - s * akq;
                a[(gsize) k * n + q] = s * akp + c * akq;
              }
            for (guint k = 0; k < n; k++)
              {
                double apk = a[(gsize) p * n + k], aqk = a[(gsize) q * n + k];
                a[(gsize) p * n + k] = c * apk - s * aqk;
                a[(gsize) q * n + k] = s * apk + c * aqk;
              }
            for (guint k = 0; k < n; k++)
              {
                double vkp = vectors[(gsize) k * n + p], vkq = vectors[(gsize) k * n + q];
                vectors[(gsize) k * n + p] = c * vkp - s * vkq;
                vectors[(gsize) k * n + q] = s * vkp + c * vkq;
              }
          }
    }

  for (guint i = 0; i < n; i++)
    values[i] = a[(gsize) i * n + i];
}

/**
 * cg_mds_compute:
 * @matrix: a divergence matrix in which every pair is comparable
 *
 * Returns: (transfer full) (nullable): two coordinates per country and the share of
 *   the variance they explain, or %NULL with @error set
 */
CgMds *
cg_mds_compute (const CgMatrix  *matrix,
                GError         **error)
{
  guint n;
  g_autofree double *b = NULL;
  g_autofree double *values = NULL;
  g_autofree double *vectors = NULL;
  g_autofree double *row_mean = NULL;
  double grand = 0, positive = 0;
  guint first = 0, second = 0;
  CgMds *mds;

  g_return_val_if_fail (matrix != NULL, NULL);

  n = cg_matrix_get_size (matrix);
  if (n < 3)
    {
      g_set_error (error, CG_DIVERGENCE_ERROR, CG_DIVERGENCE_ERROR_TOO_FEW,
                   _("A map needs at least three countries"));
      return NULL;
    }
  if (n > MAX_MDS_SIZE)
    {
      g_set_error (error, CG_DIVERGENCE_ERROR, CG_DIVERGENCE_ERROR_TOO_FEW,
                   _("A map of more than %d countries is not supported"), MAX_MDS_SIZE);
      return NULL;
    }
  if (cg_matrix_count_not_comparable (matrix) > 0)
    {
      guint count = cg_matrix_count_not_comparable (matrix);

      g_set_error (error, CG_DIVERGENCE_ERROR, CG_DIVERGENCE_ERROR_NOT_COMPARABLE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u pair of countries shares no indicator, so they cannot be "
                                "placed on a map",
                                "%u pairs of countries share no indicator, so they cannot be "
                                "placed on a map",
                                count),
                   count);
      return NULL;
    }

  b = g_new (double, (gsize) n * n);
  row_mean = g_new0 (double, n);
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        double d = cg_matrix_get (matrix, i, j);
        b[(gsize) i * n + j] = d * d;
        row_mean[i] += d * d / n;
      }
  for (guint i = 0; i < n; i++)
    grand += row_mean[i] / n;
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      b[(gsize) i * n + j] = -0.5 * (b[(gsize) i * n + j] - row_mean[i] - row_mean[j] + grand);

  values = g_new (double, n);
  vectors = g_new (double, (gsize) n * n);
  jacobi (b, n, values, vectors);

  for (guint i = 0; i < n; i++)
    {
      if (values[i] > 0)
        positive += values[i];
      if (values[i] > values[first])
        first = i;
    }
  second = first == 0 ? 1 : 0;
  for (guint i = 0; i < n; i++)
    if (i != first && values[i] > values[second])
      second = i;

  mds = g_new0 (CgMds, 1);
  mds->n = n;
  mds->coordinates = g_new0 (double, (gsize) n * 2);
  mds->explained = positive > 0 ? (MAX (values[first], 0) + MAX (values[second], 0)) / positive
                                : NAN;

  for (guint axis = 0; axis < 2; axis++)
    {
      guint e = axis == 0 ? first : second;
      double scale = values[e] > 0 ? sqrt (values[e]) : 0;
      double largest = 0;
      double sign;

      /* An eigenvector's sign is arbitrary: make its largest component positive, so the
       * same data always gives the same map. */
      for (guint i = 0; i < n; i++)
        if (fabs (vectors[(gsize) i * n + e]) > fabs (largest))
          largest = vectors[(gsize) i * n + e];
      sign = largest < 0 ? -1.0 : 1.0;

      for (guint i = 0; i < n; i++)
        mds->coordinates[(gsize) i * 2 + axis] = sign * vectors[(gsize) i * n + e] * scale;
    }

  return mds;
}

void
cg_mds_free (CgMds *mds)
{
  if (mds == NULL)
    return;
  g_free (mds->coordinates);
  g_free (mds);
}
