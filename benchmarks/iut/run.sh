#!/usr/bin/env bash
# benchmarks/iut/run.sh — the InvarianceUnitTests table (Aubin et al. 2021) with sps, timed.
#
#   benchmarks/iut/run.sh           # quick mode: stdlib/benchmarks/iut.sps (10 data seeds × 20 draws, 10000 steps, 1000 rows)
#   benchmarks/iut/run.sh --full    # the authors' sweep: stdlib/benchmarks/iut-full.sps (50 × 20, 10000 steps, 10000 rows)
#
# SPS_SCRATCH chooses the SwiftPM scratch path of the release build. Builds sps in release mode, runs the script from the repository's folder (repeat uses every core), and writes
# its output (the table beside the published numbers, and the sweep's time) to benchmarks/iut/results-quick.txt
# or results-full.txt, with the machine and the load average at the start.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
mode=quick
script=stdlib/benchmarks/iut.sps
if [[ "${1:-}" == "--full" ]]; then
  mode=full
  script=stdlib/benchmarks/iut-full.sps
elif [[ -n "${1:-}" ]]; then
  echo "usage: benchmarks/iut/run.sh [--full]" >&2
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
