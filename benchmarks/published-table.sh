#!/usr/bin/env bash
# benchmarks/published-table.sh — runs one of the scripts that regenerate a published table, timed.
#
#   benchmarks/published-table.sh FOLDER QUICK_SCRIPT FULL_SCRIPT [--full]
#
# Used by benchmarks/iut/run.sh and benchmarks/chain/run.sh. Builds sps in release mode (SPS_SCRATCH chooses the
# SwiftPM scratch path), runs QUICK_SCRIPT (or FULL_SCRIPT with --full) from the repository's folder (repeat uses
# every core), and writes its output (the table beside the published numbers, and the time) to
# FOLDER/results-quick.txt or FOLDER/results-full.txt, with the machine, the commit and the load average at the
# start. The file is replaced only when the run ends.
set -euo pipefail
folder="${1:?usage: benchmarks/published-table.sh FOLDER QUICK_SCRIPT FULL_SCRIPT [--full]}"
script="${2:?a quick script}"
full_script="${3:?a full script}"
mode=quick
if [[ "${4:-}" == "--full" ]]; then
  mode=full
  script="$full_script"
elif [[ -n "${4:-}" ]]; then
  echo "usage: $folder/run.sh [--full]" >&2
  exit 64
fi
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
scratch=(${SPS_SCRATCH:+--scratch-path "$SPS_SCRATCH"})
swift build -c release "${scratch[@]}" --product sps >/dev/null
sps="$(swift build -c release "${scratch[@]}" --show-bin-path)/sps"
out="$folder/results-$mode.txt"
tmp="$(mktemp "$folder/.results-$mode.XXXXXX")"
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
