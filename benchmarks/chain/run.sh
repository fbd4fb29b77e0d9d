#!/usr/bin/env bash
# benchmarks/chain/run.sh — the IRM paper's chain-SEM table (Arjovsky et al. 2019) with sps, timed.
#
#   benchmarks/chain/run.sh           # quick mode: stdlib/benchmarks/chain.sps (1 repetition of the 8 setups)
#   benchmarks/chain/run.sh --full    # the paper's count: stdlib/benchmarks/chain-full.sps (200 repetitions)
#
# Writes benchmarks/chain/results-quick.txt or results-full.txt (see benchmarks/published-table.sh; SPS_SCRATCH
# chooses the release build's scratch path).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../published-table.sh" "$here" stdlib/benchmarks/chain.sps stdlib/benchmarks/chain-full.sps "$@"
