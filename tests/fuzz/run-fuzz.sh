#!/bin/sh
# run-fuzz.sh FUZZ_SOURCE_DIR WORK_DIR FUZZER...: time-boxed libFuzzer runs, for CI
#
# Fuzzes each FUZZER for $FUZZ_SECONDS seconds (default 60), starting from the seed corpus
# FUZZ_SOURCE_DIR/corpus/NAME (read, never written); new inputs go to WORK_DIR/corpus/NAME,
# a crash, leak or timeout to WORK_DIR/artifacts/NAME-*. Exits non-zero when any run found
# a problem; the log of each run is WORK_DIR/NAME.log.
#
# Copyright 2026 The Common Ground authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

src=$1
work=$2
shift 2
status=0

: "${COMMON_GROUND_DATA_DIR:=$(cd "$src/../.." && pwd)/data}"
export COMMON_GROUND_DATA_DIR

for fuzzer in "$@"; do
  name=$(basename "$fuzzer")
  case $name in
    fuzz-spreadsheet|fuzz-weights) dict=$src/csv.dict ;;
    *) dict=$src/xml.dict ;;
  esac
  mkdir -p "$work/corpus/$name" "$work/artifacts"
  "$fuzzer" \
    -max_total_time="${FUZZ_SECONDS:-60}" \
    -max_len="${FUZZ_MAX_LEN:-65536}" \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -print_final_stats=1 \
    -dict="$dict" \
    -artifact_prefix="$work/artifacts/$name-" \
    "$work/corpus/$name" "$src/corpus/$name" > "$work/$name.log" 2>&1
  rc=$?
  summary=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$work/$name.log" | tail -n 1)
  if [ $rc -eq 0 ]; then
    echo "$name: ok: $summary"
  else
    echo "$name: FAILED (exit $rc), see $work/$name.log:"
    grep -E 'ERROR|SUMMARY|Test unit written' "$work/$name.log" | head -n 5
    status=1
  fi
done
exit $status
