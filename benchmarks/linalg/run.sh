#!/usr/bin/env bash
# benchmarks/linalg/run.sh — linear algebra in sps beside numpy, on this machine, in one run.
#
#   benchmarks/linalg/run.sh            (also: benchmarks/run --only linalg)
#
# What is timed (release build):
#   10×10 solve    sps: `solve a b` from the language — solve.sps runs it 100,000 times in a loop and
#                  baseline-solve.sps runs the same loop without it; (difference of the best of 5 wall times) / 100,000
#                  is the command's cost. sps-bench linalg: `Linalg.solve` in Swift, without the interpreter.
#                  numpy: np.linalg.solve on the same size, float64 (what sps computes in) and float32, via timeit.
#   1000×1000 @    sps: `a @ c` on Float32 tensors (OpenBLAS sgemm), matmul.sps (20 products) minus
#                  baseline-matmul.sps; sps-bench: Tensor.matmul directly. numpy: float32 (and float64) `m @ n`.
# The table is printed and written to benchmarks/results/linalg.md. Thread settings are left as they are; compare
# figures taken on a quiet machine (the 1-minute load average at the start is recorded).
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
name=linalg
source "$here/../numpy-setup.sh"

mkdir -p "$repo/benchmarks/results"
load="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo unknown)"
native="$("$bin/sps-bench" linalg | tail -n 1)"
numpy="$("$python" "$here/numpy_linalg.py" | tail -n 1)"

"$python" - "$bin/sps" "$here" "$native" "$numpy" "$load" > "$repo/benchmarks/results/linalg.md.tmp" <<'PY'
import datetime, json, os, platform, subprocess, sys, time

sps, here, native, numpy, load = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4]), sys.argv[5]

def wall(script):
    """Best of 5 wall times of `sps script`, checking it prints `expected`."""
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        out = subprocess.run([sps, os.path.join(here, script)], capture_output=True, text=True, check=True).stdout
        best = min(best, time.perf_counter() - t)
    return best, out.strip()

solve, out = wall("solve.sps")
assert out == "true", f"solve.sps printed {out!r}"
solve_base, _ = wall("baseline-solve.sps")
matmul, out = wall("matmul.sps")
assert out == "[1000, 1000]", f"matmul.sps printed {out!r}"
matmul_base, _ = wall("baseline-matmul.sps")
solve_us = (solve - solve_base) / 100_000 * 1e6
loop_us = solve / 100_000 * 1e6
matmul_ms = (matmul - matmul_base) / 20 * 1e3

sys.path.insert(0, os.path.dirname(here))
from machine import commit, cpu

out = ["# Linear algebra: sps vs numpy", "",
       f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit()}, {cpu()}, "
       f"{os.cpu_count()} logical CPUs, 1-minute load average {load} at the start; numpy {numpy.get('numpy_version')} "
       f"({numpy.get('blas')}).", "",
       "| operation | sps command (from a script) | sps in Swift (sps-bench) | numpy |",
       "|---|---:|---:|---:|",
       f"| 10×10 `solve` (double precision) | {solve_us:.2f} µs | {native['solve10_us']:.2f} µs | "
       f"{numpy['solve_10_us']:.2f} µs (float64), {numpy['solve_10_f32_us']:.2f} µs (float32) |",
       f"| 1000×1000 product, Float32 | {matmul_ms:.1f} ms | {native['matmul1000_ms']:.1f} ms "
       f"({native['matmul1000_gflops']:.0f} GFLOP/s, OpenBLAS core {native.get('blas_core', '?')}) | {numpy['matmul_1000_ms']:.1f} ms (float32), "
       f"{numpy['matmul_1000_f64_ms']:.1f} ms (float64) |", "",
       f"The sps command figures are (script − the same loop without the operation) / iterations, best of 5 runs each; "
       f"one iteration of the solve loop, loop included, takes {loop_us:.2f} µs.", "",
       "Raw: sps-bench " + json.dumps(native, sort_keys=True) + "; numpy " + json.dumps(numpy, sort_keys=True)]
print("\n".join(out))
PY
mv "$repo/benchmarks/results/linalg.md.tmp" "$repo/benchmarks/results/linalg.md"
cat "$repo/benchmarks/results/linalg.md"
log "wrote benchmarks/results/linalg.md"
