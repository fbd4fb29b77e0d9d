#!/usr/bin/env bash
# benchmarks/chain/run.sh — the IRM paper's chain-SEM table (Arjovsky et al. 2019) with sps, timed.
#
#   benchmarks/chain/run.sh           # quick mode: stdlib/benchmarks/chain.sps (1 repetition of the 8 setups)
#   benchmarks/chain/run.sh --full    # the paper's table: stdlib/benchmarks/chain-full.sps
#
# SPS_SCRATCH chooses the SwiftPM scratch path of the release build. Builds sps in release mode, runs the script from the repository's folder (repeat uses every core), and writes
# its output (the table beside the published numbers, and the sweep's time) to benchmarks/chain/results-quick.txt
# or results-full.txt, with the machine and the load average at the start.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
mode=quick
script=stdlib/benchmarks/chain.sps
if [[ "${1:-}" == "--full" ]]; then
  mode=full
  script=stdlib/benchmarks/chain-full.sps
elif [[ -n "${1:-}" ]]; then
  echo "usage: benchmarks/chain/run.sh [--full]" >&2
  exit 64
fi
scratch=(${SPS_SCRATCH:+--scratch-path "$SPS_SCRATCH"})
swift build -c release "${scratch[@]}" --product sps >/dev/null
sps="$(swift build -c release "${scratch[@]}" --show-bin-path)/sps"
out="$here/results-$mode.txt"
tmp="$(mktemp "$here/.results-$mode.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
{
  echo "# $script on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average at start: $(cut -d' ' -f1 /proc/loadavg)"
  echo "# commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%dT%H:%MZ)"
  start=$(date +%s)
  "$sps" "$script"
  echo "# wall time: $(( $(date +%s) - start )) s"
} > "$tmp"
mv "$tmp" "$out"
trap - EXIT
cat "$out"
