#!/usr/bin/env bash
# benchmarks/slurm/run.sh — a 3,000-run sweep through a one-node Slurm cluster against the same sweep run locally.
#
#   benchmarks/slurm/run.sh                    # 300 seeds × 10 noise levels: 3,000 fits of 30 epochs on 2,000 rows
#   benchmarks/slurm/run.sh --per-task N       # runs per array task (default 1500: 2 tasks, one per core)
#   benchmarks/slurm/run.sh --rows N --epochs N  # a lighter or heavier run (default 2000 rows, 30 epochs)
#   benchmarks/slurm/run.sh --repeats N        # timings of each side, alternating (median reported; default 3)
#
# Target (issue 21): through the cluster the sweep takes at most 1.5× its local wall time. Both sides run the
# release sps on the same two cores: locally `repeat` uses both; on the cluster each task gets one CPU
# (--cpus-per-task=1) and two run at once. The cluster is Tests/Integration/slurm-cluster.sh's (started in a
# scratch folder, stopped at the end). The wall time of the Slurm side is the whole script: submission,
# scheduling, every task's start of sps and replay, and merging the results into the table. Slurm's own latency
# (a submitted batch job waits up to batch_sched_delay, 3 s by default, and a task that ends frees its CPU for the
# next at the next scheduling pass) is a fixed cost: the lighter the sweep, the larger its share (--rows 500
# --epochs 20 is a sweep of about 3 s here). Prints one JSON line.
# SPS_SCRATCH as in benchmarks/run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
per_task=1500
rows=2000
epochs=30
repeats=3
while [[ $# -gt 0 ]]; do
    case "$1" in
        --per-task) per_task="${2:?--per-task needs a number}"; shift ;;
        --repeats) repeats="${2:?--repeats needs a number}"; shift ;;
        --rows) rows="${2:?--rows needs a number}"; shift ;;
        --epochs) epochs="${2:?--epochs needs a number}"; shift ;;
        *) echo "benchmarks/slurm/run.sh: unknown option $1" >&2; exit 64 ;;
    esac
    shift
done
sps_args=(-c release --product sps)
[[ -n "${SPS_SCRATCH:-}" ]] && sps_args+=(--scratch-path "$SPS_SCRATCH")
swift build "${sps_args[@]}" >&2
sps="$(swift build "${sps_args[@]}" --show-bin-path)/sps"
work="$(mktemp -d /tmp/sps-slurm-bench.XXXXXX)"
chmod 0755 "$work"
trap '"$repo/Tests/Integration/slurm-cluster.sh" stop "$work/cluster" || true; rm -rf "$work"' EXIT
eval "$("$repo/Tests/Integration/slurm-cluster.sh" start "$work/cluster")"
export SLURM_CONF

sweep() {  # $1: extra repeat keywords
    cat <<SPS
seed 0
train = spurious n=$rows
test = spurious n=$rows x3noise=10
t = repeat seeds=0..299 sigma=[0, 1, 2, 3, 5, 8, 13, 21, 34, 55] $1 {
  m = linear 3 1
  fit m train epochs=$epochs aug=(noise x3 std=sigma)
  record iid=(rmse m train) ood=(rmse m test)
}
print (mean t.ood)
SPS
}
sweep "" > "$work/local.sps"
time_one() {  # $1: script; prints seconds, checks the printed mean against the local one
    local start end
    start=$(date +%s.%N)
    (cd "$work" && SPS_RUNS=off "$sps" "$1" > "$1.out" 2>&1) || { cat "$work/$1.out" >&2; return 1; }
    end=$(date +%s.%N)
    python3 -c "print($end - $start)"
}
local_times=(); slurm_times=()
for i in $(seq 1 "$repeats"); do
    # A fresh folder each time: every task runs (nothing is reused from the previous timing).
    sweep "on=\"slurm\" per_task=$per_task cpus=1 folder=\"jobs-$i\"" > "$work/slurm.sps"
    t=$(time_one local.sps) || exit 1
    local_times+=("$t")
    t=$(time_one slurm.sps) || exit 1
    slurm_times+=("$t")
    tail -1 "$work/local.sps.out" > "$work/a"; tail -1 "$work/slurm.sps.out" > "$work/b"
    cmp -s "$work/a" "$work/b" || { echo "the Slurm sweep's mean differs from the local one" >&2; exit 1; }
done
python3 - "$per_task" "${local_times[*]}" "${slurm_times[*]}" "$rows" "$epochs" <<'PY'
import json, statistics, sys
per_task, local, slurm = int(sys.argv[1]), [float(x) for x in sys.argv[2].split()], [float(x) for x in sys.argv[3].split()]
rows, epochs = int(sys.argv[4]), int(sys.argv[5])
ml, ms = statistics.median(local), statistics.median(slurm)
print(json.dumps({"benchmark": "slurm-sweep", "runs": 3000, "rows": rows, "epochs": epochs, "per_task": per_task, "tasks": -(-3000 // per_task),
                  "seconds_local": local, "seconds_slurm": slurm, "median_local": round(ml, 3),
                  "median_slurm": round(ms, 3), "ratio": round(ms / ml, 3), "target": 1.5}))
PY
