#!/usr/bin/python3
# heatmap_matplotlib.py: the reference for bench-chart: a clustered 193 × 193 divergence
# heatmap with its dendrogram, drawn with matplotlib + scipy and saved as PNG, SVG and PDF.
# Usage: heatmap_matplotlib.py MATRIX.csv OUT_PREFIX
# SPDX-License-Identifier: GPL-3.0-or-later
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from scipy.cluster.hierarchy import dendrogram, linkage
from scipy.spatial.distance import squareform

matrix_path, prefix = sys.argv[1], sys.argv[2]
with open(matrix_path) as f:
    header = f.readline().rstrip("\n").split(",")[1:]
    rows = [line.rstrip("\n").split(",")[1:] for line in f if line.strip()]
d = np.array([[float(x) if x not in ("", "NA") else np.nan for x in r] for r in rows])
d = np.nan_to_num(d, nan=1.0)
np.fill_diagonal(d, 0)
tree = linkage(squareform(d, checks=False), method="average")

n = len(header)
side = max(6.0, n * 0.16)
fig = plt.figure(figsize=(side + 4, side + 1.5))
ax_tree = fig.add_axes([0.02, 0.08, 0.12, 0.8])
ax_heat = fig.add_axes([0.15, 0.08, 0.68, 0.8])
ax_bar = fig.add_axes([0.9, 0.3, 0.015, 0.4])
dn = dendrogram(tree, orientation="left", no_labels=True, ax=ax_tree, color_threshold=0,
                above_threshold_color="0.4")
ax_tree.invert_yaxis()
ax_tree.axis("off")
order = dn["leaves"]
cells = ax_heat.pcolormesh(1 - d[np.ix_(order, order)], cmap="viridis", vmin=0, vmax=1,
                           edgecolors="white", linewidth=0.2)
ax_heat.invert_yaxis()
labels = [header[i] for i in order]
ax_heat.set_xticks(np.arange(n) + 0.5, labels, rotation=90, fontsize=5)
ax_heat.set_yticks(np.arange(n) + 0.5, labels, fontsize=5)
ax_heat.yaxis.tick_right()
fig.colorbar(cells, cax=ax_bar, label="1 − divergence")
fig.suptitle("Divergence of OTT policies")
for ext in ("png", "svg", "pdf"):
    fig.savefig(prefix + "." + ext, dpi=96)
