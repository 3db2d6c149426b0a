#!/usr/bin/python3
# The same work as `common-ground-cli matrix --data … --codebook … --range observed
# --tree … --order …`, done the usual way with numpy and scipy: the baseline that
# bench-matrix compares against. Gower as R's daisy computes it (observed ranges,
# pairwise deletion, asymmetric binaries), average linkage, CSV with %.17g.
# SPDX-License-Identifier: GPL-3.0-or-later
import csv
import sys

import numpy as np
from scipy.cluster.hierarchy import linkage
from scipy.spatial.distance import squareform

data_path, codebook_path, out_path, tree_path = sys.argv[1:5]

with open(codebook_path, newline="") as f:
    codebook = list(csv.DictReader(f))
with open(data_path, newline="") as f:
    rows = list(csv.reader(f))
header, rows = rows[0], rows[1:]
labels = [r[0] for r in rows]
n, m = len(rows), len(codebook)

X = np.full((n, m), np.nan)
kinds = []
weights = np.array([float(c["weight"] or 1) for c in codebook])
for j, c in enumerate(codebook):
    col = [r[j + 1] for r in rows]
    if c["type"] == "nominal":
        levels = {v: i for i, v in enumerate(c["levels"].split("|"))}
        X[:, j] = [levels[v] if v not in ("", "NA") else np.nan for v in col]
    else:
        X[:, j] = [float(v) if v not in ("", "NA") else np.nan for v in col]
    kinds.append(c["type"])

lo = np.nanmin(X, axis=0)
span = np.nanmax(X, axis=0) - lo
span[span == 0] = 1
S = (X - lo) / span
known = ~np.isnan(S)

num = np.zeros((n, n))
den = np.zeros((n, n))
for j in range(m):
    x = S[:, j]
    k = known[:, j]
    both = np.outer(k, k)
    if kinds[j] == "nominal":
        d = (x[:, None] != x[None, :]).astype(float)
        counts = both
    elif kinds[j] in ("binary", "asymm_binary"):
        d = (x[:, None] != x[None, :]).astype(float)
        counts = both
        if kinds[j] == "asymm_binary":
            counts = both & ~((x[:, None] == 0) & (x[None, :] == 0))
    else:
        d = np.abs(x[:, None] - x[None, :])
        counts = both
    d = np.where(counts, d, 0.0)
    num += weights[j] * d
    den += weights[j] * counts
with np.errstate(invalid="ignore", divide="ignore"):
    D = num / den
np.fill_diagonal(D, 0)

Z = linkage(squareform(D, checks=False), method="average")

with open(out_path, "w") as f:
    f.write("country," + ",".join(labels) + "\n")
    for i in range(n):
        f.write(labels[i] + "," + ",".join("NA" if np.isnan(v) else "%.17g" % v for v in D[i]) + "\n")
with open(tree_path, "w") as f:
    f.write("step,a,b,height\n")
    for s, (a, b, h, _) in enumerate(Z, 1):
        f.write("%d,%d,%d,%.17g\n" % (s, a, b, h))
