#!/usr/bin/env bash
# Times the interpreter benchmarks in sps and in CPython side by side, with sps built in release mode, and prints
# the ratios (best of 5 runs each): loop.sps (a million iterations of scalar arithmetic and a def call) and
# cycles.sps (200,000 reference cycles for the cycle collector, with peak memory). Also times start-up of
# `sps -e 'print 1'`. Usage: benchmarks/interp/run.sh   (SCRATCH overrides the build folder)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
scratch="${SCRATCH:-$repo/.build-lang}"
cd "$repo"
swift build -c release --scratch-path "$scratch" --product sps >/dev/null
sps="$scratch/release/sps"
python3 - "$sps" "$here" <<'PY'
import os, subprocess, sys, time
sps, here = sys.argv[1], sys.argv[2]
def once(cmd):
    """Wall time and peak resident memory (MiB) of one run."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    if status != 0:
        sys.exit(f"{cmd} failed")
    return time.perf_counter() - t, usage.ru_maxrss / 1024
def best(cmd, n=5):
    runs = [once(cmd) for _ in range(n)]
    return min(t for t, _ in runs), max(m for _, m in runs)
for name, what in [("loop", "loop (1M iterations)"), ("cycles", "cycles (200k reference cycles)")]:
    a = subprocess.run([sps, f"{here}/{name}.sps"], capture_output=True, text=True, check=True).stdout
    b = subprocess.run(["python3", f"{here}/{name}.py"], capture_output=True, text=True, check=True).stdout
    if a != b:
        sys.exit(f"{name}: results differ: sps={a!r} python={b!r}")
    (ts, ms), (tp, mp) = best([sps, f"{here}/{name}.sps"]), best(["python3", f"{here}/{name}.py"])
    print(f"{what:32} sps {ts:.3f} s, {ms:.0f} MiB   python3 {tp:.3f} s, {mp:.0f} MiB   sps/python time ratio {ts / tp:.2f}")
start, _ = best([sps, "-e", "print 1"], 10)
print(f"start-up (sps -e 'print 1')   {start * 1000:.1f} ms")
PY
