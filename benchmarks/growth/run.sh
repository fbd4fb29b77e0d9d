#!/usr/bin/env bash
# Growth benchmarks (issue 15): each operation at size n and 10n with the release build of sps, and the ratio of
# the two times. Linear growth gives a ratio near 10; the acceptance bound is 15. The quadratic versions these
# replace would give about 100.
#
#   append     a list of n elements by `xs = append xs i`      n = 100,000  → 1,000,000
#   append_op  a list of n elements by `xs += [i]`             n = 100,000  → 1,000,000
#   append_member  n elements by `h.loss = append h.loss i`, then by `runs[0] = append runs[0] i`
#                                                              n = 100,000  → 1,000,000
#   record     a record of n keys by `r["k{i}"] = i`           n = 100,000  → 1,000,000, and 10,000 → 100,000
#   csv        reading a CSV of n columns (header + 10 rows)   n = 20,000   → 200,000
#
# Each script gets n (and csv its file) through -e and times its work with `time { … }`, so start-up is not
# counted; the time is the best of 3 runs, or of up to 20 while they add up to less than 2 s (short runs are the
# ones a busy machine disturbs most). Also timed, as a whole process: a missing record field whose name and the one
# field are 100,000 characters each (the bounded "did you mean"; suggest.sps, which ends in its error). The
# 1-minute load average is printed at the start and the end: the ratios are robust to a steady load, times are not.
#
# Usage: benchmarks/growth/run.sh [--quick]   (--quick: one run each, a smoke test whose ratios are not held to the
# bound). Exits 1 when a ratio is over 15. SPS_SCRATCH overrides the build folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
build_args=(-c release --product sps)
[[ -n "${SPS_SCRATCH:-}" ]] && build_args+=(--scratch-path "$SPS_SCRATCH")
swift build "${build_args[@]}" >&2
sps="$(swift build "${build_args[@]}" --show-bin-path)/sps"
python3 - "$sps" "$here" "${1:-}" <<'PY'
import os, re, subprocess, sys, tempfile, time
sps, here, quick = sys.argv[1], sys.argv[2], sys.argv[3] == "--quick"
runs = 1 if quick else 3

def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]

def once(args, expect_error=False):
    """Runs sps; returns the seconds its `time` printed, or the wall seconds of the process if it printed none."""
    t = time.perf_counter()
    p = subprocess.run([sps] + args, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if (p.returncode != 0) != expect_error:
        sys.exit(f"sps {' '.join(a[:80] for a in args)}: exit {p.returncode}: {p.stderr[:500]}")
    m = re.search(r"time: ([0-9.]+) (ms|s)", re.sub(r"\x1b\[[0-9;]*m", "", p.stdout))
    if not m:
        return wall
    return float(m.group(1)) / (1000 if m.group(2) == "ms" else 1)

def best(args, expect_error=False):
    times = [once(args, expect_error) for _ in range(runs)]
    while not quick and sum(times) < 2 and len(times) < 20:
        times.append(once(args, expect_error))
    return min(times)

def script(name):
    with open(os.path.join(here, name + ".sps")) as f:
        return f.read()

tmp = tempfile.mkdtemp(prefix="sps-growth-")
def csv_file(columns):
    path = os.path.join(tmp, f"wide-{columns}.csv")
    with open(path, "w") as f:
        f.write(",".join(f"c{j}" for j in range(columns)) + "\n")
        row = ",".join(str(j % 10) for j in range(columns)) + "\n"
        for _ in range(10):
            f.write(row)
    return path

# (script, label, n, extra arguments, held to the bound)
benchmarks = [
    ("append", "list by xs = append xs i", 100_000, lambda n: [], True),
    ("append_op", "list by xs += [i]", 100_000, lambda n: [], True),
    ("append_member", "field and element by append", 100_000, lambda n: [], True),
    ("record", "record by r[\"k{i}\"] = i", 100_000, lambda n: [], True),
    ("record", "  the same, from 10,000 keys", 10_000, lambda n: [], True),
    ("csv", "CSV columns (header + 10 rows)", 20_000, lambda n: ["-e", f'path = "{csv_file(n)}"'], True),
]
print(f"sps: {sps}")
print(f"load average (1 min) at start: {load()}, {os.cpu_count()} CPUs")
print()
print(f"{'benchmark':32} {'n':>9} {'time n':>9} {'10n':>10} {'time 10n':>9} {'ratio':>6}")
worst = 0.0
for name, label, n, extra, checked in benchmarks:
    times = [best(["-e", f"n = {size}"] + extra(size) + ["-e", script(name)]) for size in (n, 10 * n)]
    ratio = times[1] / max(times[0], 1e-4)
    if checked:
        worst = max(worst, ratio)
    print(f"{label:32} {n:>9,} {times[0]:>8.4f}s {10 * n:>10,} {times[1]:>8.3f}s {ratio:>6.1f}{'' if checked else '  (not held to the bound)'}")
suggest = best(["-e", "n = 100000", "-e", script("suggest")], expect_error=True)
startup = best(["-e", "n = 0"])
print()
print(f"missing field, name and field of 100,000 characters (whole process): {suggest * 1000:.0f} ms "
      f"(start-up alone: {startup * 1000:.0f} ms)")
print(f"load average (1 min) at the end: {load()}")
print(f"largest ratio {worst:.1f}: {'linear (within 15x for 10x the size)' if worst <= 15 else 'NOT within 15x'}"
      + (" (one run each with --quick: noisy, not held to the bound)" if quick else ""))
for f in os.listdir(tmp):
    os.remove(os.path.join(tmp, f))
os.rmdir(tmp)
sys.exit(0 if worst <= 15 or quick else 1)
PY
