#!/usr/bin/env bash
# benchmarks/iut/run.sh — the InvarianceUnitTests table (Aubin et al. 2021) with sps, timed.
#
#   benchmarks/iut/run.sh           # quick mode: stdlib/benchmarks/iut.sps (10 data seeds × 20 draws, 10000 steps, 1000 rows)
#   benchmarks/iut/run.sh --full    # the authors' sweep: stdlib/benchmarks/iut-full.sps (50 × 20, 10000 steps, 10000 rows)
#
# Writes benchmarks/iut/results-quick.txt or results-full.txt (see benchmarks/published-table.sh; SPS_SCRATCH
# chooses the release build's scratch path).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../published-table.sh" "$here" stdlib/benchmarks/iut.sps stdlib/benchmarks/iut-full.sps "$@"
