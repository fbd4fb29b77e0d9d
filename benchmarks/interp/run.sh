#!/usr/bin/env bash
# Times the interpreter benchmarks in sps, CPython and Lua side by side and prints a table with the ratios
# sps/CPython and sps/Lua and their geometric means (issue 23). Each benchmark is one program in three languages
# (NAME.sps, NAME.py, NAME.lua) doing the same work and printing the same result; the runner checks that the
# outputs agree before it times anything. sps is the release build; times are the best of N runs (wall clock), taken
# in rounds that run each language once (sps, CPython, Lua, sps, …) so that a slow stretch of the machine hits all,
# and the sps column also shows that run's CPU time (user + sys), which includes any helper threads.
#
#   benchmarks/interp/run.sh                 # all benchmarks, best of 5
#   benchmarks/interp/run.sh --runs 3        # best of 3
#   benchmarks/interp/run.sh fib nbody       # only these
#
# Benchmarks: loop (a million iterations of arithmetic and a def call), fib (recursive calls), closures (counters
# and adders), lists (a sieve: appending and indexing), strings (building by interpolation and +=), records (field
# reads and writes), binarytrees (allocation and freeing), nbody and spectralnorm (floating point). cycles (200,000
# reference cycles for the cycle collector) is timed too and reports peak memory, but is not in the means: Lua has
# a tracing collector and no reference counts to compare with.
# Also prints the start-up time of `sps -e 'print 1'`.
#
# Environment: SCRATCH (the build folder, default .build-lang), SPS (a prebuilt sps to time instead of building),
# PYTHON (default python3; the issue compares with CPython 3.11), LUA (default lua5.4; installed with apt-get when
# missing, as scripts/setup installs its tools).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
runs=5
names=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs="${2:?--runs needs a number}"; shift ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        -*) echo "run.sh: unknown option $1 (try --help)" >&2; exit 64 ;;
        *) names+=("$1") ;;
    esac
    shift
done
cd "$repo"
python="${PYTHON:-python3}"
lua="${LUA:-lua5.4}"
if ! command -v "$lua" >/dev/null 2>&1; then
    echo "run.sh: installing lua5.4" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq lua5.4 >/dev/null
fi
if [[ -z "${SPS:-}" ]]; then
    scratch="${SCRATCH:-$repo/.build-lang}"
    swift build -c release --scratch-path "$scratch" --product sps >/dev/null
    SPS="$scratch/release/sps"
fi
"$python" - "$SPS" "$python" "$lua" "$here" "$runs" "${names[@]}" <<'PY'
import math, os, subprocess, sys, time
sps, python, lua, here, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
wanted = sys.argv[6:]
benchmarks = ["loop", "fib", "closures", "lists", "strings", "records", "binarytrees", "nbody", "spectralnorm"]
unknown = [n for n in wanted if n not in benchmarks + ["cycles"]]
if unknown:
    sys.exit(f"run.sh: unknown benchmark {', '.join(unknown)} (have {', '.join(benchmarks + ['cycles'])})")

def once(cmd):
    """Wall time, CPU time (user + sys) and peak resident memory (MiB) of one run."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    if status != 0:
        sys.exit(f"{' '.join(cmd)} failed")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024

def best(cmd, n):
    """The fastest of n runs (its wall and CPU time) and the largest peak memory."""
    return fastest([once(cmd) for _ in range(n)])

def fastest(results):
    wall, cpu, _ = min(results)
    return wall, cpu, max(m for _, _, m in results)

def interleaved(cmds, n):
    """Each command's fastest of n runs, the runs taken in rounds (sps, CPython, Lua, sps, …), so that a stretch in
    which this machine runs slower (they last seconds) slows every language alike rather than one of them."""
    results = {k: [] for k in cmds}
    for _ in range(n):
        for k, cmd in cmds.items():
            results[k].append(once(cmd))
    return {k: fastest(r) for k, r in results.items()}

version = subprocess.run([python, "--version"], capture_output=True, text=True).stdout.strip()
lua_version = subprocess.run([lua, "-v"], capture_output=True, text=True).stdout.split("Copyright")[0].strip()
print(f"sps {sps}; {version}; {lua_version}; best of {runs}; load average {os.getloadavg()[0]:.2f}")
if not version.startswith("Python 3.11"):
    print(f"note: the issue compares with CPython 3.11; this is {version}")
header = f"{'benchmark':14} {'sps s':>7} {'cpu-s':>6} {'CPython s':>9} {'Lua s':>7} {'sps/CPython':>11} {'sps/Lua':>8}"
print(header)
print("-" * len(header))
py_ratios, lua_ratios = [], []
for name in (wanted or benchmarks + ["cycles"]):
    cmds = {"sps": [sps, f"{here}/{name}.sps"], "py": [python, f"{here}/{name}.py"]}
    if name != "cycles":
        cmds["lua"] = [lua, f"{here}/{name}.lua"]
    outputs = {k: subprocess.run(c, capture_output=True, text=True) for k, c in cmds.items()}
    for k, r in outputs.items():
        if r.returncode != 0:
            sys.exit(f"{name}: {' '.join(cmds[k])} failed:\n{r.stderr}")
    if len({r.stdout for r in outputs.values()}) != 1:
        sys.exit(f"{name}: the outputs differ:\n" + "\n".join(f"{k}: {r.stdout!r}" for k, r in outputs.items()))
    timed = interleaved(cmds, runs)
    ts, cs, ms = timed["sps"]
    tp, _, mp = timed["py"]
    if name == "cycles":
        print(f"{name:14} {ts:7.3f} {cs:6.2f} {tp:9.3f} {'':>7} {ts / tp:11.2f} {'':>8}   peak memory: sps {ms:.0f} MiB, CPython {mp:.0f} MiB")
        continue
    tl, _, _ = timed["lua"]
    py_ratios.append(ts / tp)
    lua_ratios.append(ts / tl)
    print(f"{name:14} {ts:7.3f} {cs:6.2f} {tp:9.3f} {tl:7.3f} {ts / tp:11.2f} {ts / tl:8.2f}")
if py_ratios:
    gm = lambda xs: math.exp(sum(math.log(x) for x in xs) / len(xs))
    print("-" * len(header))
    print(f"{'geometric mean':14} {'':>7} {'':>6} {'':>9} {'':>7} {gm(py_ratios):11.2f} {gm(lua_ratios):8.2f}")
start, start_cpu, _ = best([sps, "-e", "print 1"], max(runs, 10))
print(f"start-up (sps -e 'print 1'): {start * 1000:.1f} ms wall, {start_cpu * 1000:.1f} ms cpu")
PY
