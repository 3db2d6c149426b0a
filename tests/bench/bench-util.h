/* bench-util.h: what the benchmarks share: a random spreadsheet and timed processes
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#define RUNS 3

/* Writes codebook.csv and data.csv of @n countries × @m indicators of every type into @dir. */
void   bench_write_spreadsheet (const char *dir,
                                guint       n,
                                guint       m,
                                guint32     seed);
/* Runs @argv; returns its wall time in seconds and its peak resident memory. */
double bench_run_timed         (char      **argv,
                                long       *out_max_rss_kb);
/* The best wall time of RUNS runs, and the largest peak memory. */
double bench_best_of           (char      **argv,
                                long       *out_max_rss_kb);
