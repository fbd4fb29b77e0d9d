#!/usr/bin/env bash
# benchmarks/arrays/run.sh — gathers (indexing by a list of row numbers) in sps beside numpy, on this machine.
#
#   benchmarks/arrays/run.sh
#
# What is timed (release build):
#   rows    1,000,000 rows of a 1,000,000×16 Float32 matrix by a random permutation (64 MB in, 64 MB out).
#           sps: `x[p]` from the language — gather.sps does it 10 times in a loop, baseline-gather.sps runs the
#           same loop without it; (difference of the best of 5 wall times) / 10 is the command's cost, the conversion
#           of the index tensor included. sps-bench gather: `Tensor.selecting` in Swift, without the interpreter.
#           numpy: x[p] (and np.take) via timeit.
#   items   1,000,000 elements of a vector by the same permutation.
# The table is printed and written to benchmarks/results/arrays.md. Compare figures taken on a quiet machine (the
# 1-minute load average at the start is recorded).
#
# Environment:
#   PYTHON        a Python with numpy (default: TORCH_PYTHON or /work/venv-torch/bin/python if it has numpy; else a
#                 throw-away virtual environment is made in a temporary directory OUTSIDE the repository)
#   SCRATCH       the SwiftPM scratch path for the release build (default: .build-lang, as benchmarks/interp)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
scratch="${SCRATCH:-$repo/.build-lang}"
cd "$repo"
name=arrays
source "$here/../numpy-setup.sh"

mkdir -p "$repo/benchmarks/results"
load="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo unknown)"
native="$("$bin/sps-bench" gather | tail -n 1)"
numpy="$("$python" "$here/numpy_gather.py" | tail -n 1)"

"$python" - "$bin/sps" "$here" "$native" "$numpy" "$load" > "$repo/benchmarks/results/arrays.md.tmp" <<'PY'
import datetime, json, os, platform, subprocess, sys, time

sps, here, native, numpy, load = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4]), sys.argv[5]

def wall(script):
    """Best of 5 wall times of `sps script`, and what it printed."""
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        out = subprocess.run([sps, os.path.join(here, script)], capture_output=True, text=True, check=True).stdout
        best = min(best, time.perf_counter() - t)
    return best, out.strip()

gather, out = wall("gather.sps")
assert out == "[1000000, 16] [1000000]", f"gather.sps printed {out!r}"
base, _ = wall("baseline-gather.sps")
both_ms = (gather - base) / 10 * 1e3

sys.path.insert(0, os.path.dirname(here))
from machine import commit, cpu

out = ["# Gathers: sps vs numpy", "",
       f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit()}, {cpu()}, "
       f"{os.cpu_count()} logical CPUs, 1-minute load average {load} at the start; numpy {numpy.get('numpy_version')}.", "",
       "| gather by a random permutation | sps command (from a script) | sps in Swift (sps-bench) | numpy |",
       "|---|---:|---:|---:|",
       f"| 1,000,000 rows of a 1,000,000×16 Float32 matrix | — | {native['rows_ms']:.1f} ms ({native['rows_gbps']:.1f} GB/s) | "
       f"{numpy['rows_ms']:.1f} ms ({numpy['rows_gbps']:.1f} GB/s), np.take {numpy['rows_take_ms']:.1f} ms |",
       f"| 1,000,000 elements of a vector | — | {native['items_ms']:.1f} ms | {numpy['items_ms']:.1f} ms |",
       f"| both, `x[p]` and `v[p]` | {both_ms:.1f} ms | {native['rows_ms'] + native['items_ms']:.1f} ms | "
       f"{numpy['rows_ms'] + numpy['items_ms']:.1f} ms |", "",
       "The sps command figure is (gather.sps − the same loop without the gathers) / 10, best of 5 runs each; it includes "
       "turning the index tensor into row numbers (checked) for both gathers. GB/s counts the bytes read and written by "
       "the row gather (2 × 64 MB).", "",
       "Raw: sps-bench " + json.dumps(native, sort_keys=True) + "; numpy " + json.dumps(numpy, sort_keys=True)]
print("\n".join(out))
PY
mv "$repo/benchmarks/results/arrays.md.tmp" "$repo/benchmarks/results/arrays.md"
cat "$repo/benchmarks/results/arrays.md"
log "wrote benchmarks/results/arrays.md"
