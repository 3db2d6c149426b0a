#!/bin/sh
# run-fuzz.sh FUZZER SEED_CORPUS DICT WORK_DIR: a time-boxed libFuzzer run for CI
#
# Fuzzes for $FUZZ_SECONDS seconds (default 60), starting from SEED_CORPUS (never written
# to); new inputs go to WORK_DIR/corpus/NAME, a crash or leak to WORK_DIR/artifacts/.
# Exits non-zero when libFuzzer found a problem.
#
# Copyright 2026 The Common Ground authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

fuzzer=$1
seeds=$2
dict=$3
work=$4
name=$(basename "$fuzzer")

mkdir -p "$work/corpus/$name" "$work/artifacts"
exec "$fuzzer" \
  -max_total_time="${FUZZ_SECONDS:-60}" \
  -max_len="${FUZZ_MAX_LEN:-65536}" \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -print_final_stats=1 \
  -dict="$dict" \
  -artifact_prefix="$work/artifacts/$name-" \
  "$work/corpus/$name" "$seeds"
