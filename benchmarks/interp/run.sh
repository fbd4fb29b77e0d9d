#!/usr/bin/env bash
# Times the interpreter benchmark (a million iterations of scalar arithmetic and a def call) in sps and in
# CPython side by side, with sps built in release mode, and prints the ratio (best of 5 runs each). Also times
# start-up of `sps -e 'print 1'`. Usage: benchmarks/interp/run.sh   (SCRATCH overrides the build folder)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
scratch="${SCRATCH:-$repo/.build-lang}"
cd "$repo"
swift build -c release --scratch-path "$scratch" --product sps >/dev/null
sps="$scratch/release/sps"
python3 - "$sps" "$here" <<'PY'
import subprocess, sys, time
sps, here = sys.argv[1], sys.argv[2]
def best(cmd, n=5):
    times = []
    for _ in range(n):
        t = time.perf_counter(); subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL); times.append(time.perf_counter() - t)
    return min(times)
a = subprocess.run([sps, f"{here}/loop.sps"], capture_output=True, text=True, check=True).stdout
b = subprocess.run(["python3", f"{here}/loop.py"], capture_output=True, text=True, check=True).stdout
if a != b:
    sys.exit(f"results differ: sps={a!r} python={b!r}")
ts, tp = best([sps, f"{here}/loop.sps"]), best(["python3", f"{here}/loop.py"])
start = best([sps, "-e", "print 1"], 10)
print(f"loop (1M iterations)   sps {ts:.3f} s   python3 {tp:.3f} s   sps/python ratio {ts / tp:.2f}")
print(f"start-up (sps -e 'print 1')   {start * 1000:.1f} ms")
PY
