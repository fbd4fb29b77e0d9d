#!/usr/bin/env bash
# benchmarks/runlog/run.sh — what the run log costs.
#
#   benchmarks/runlog/run.sh              # the case study (benchmarks/case_study.sps) with and without the log, 3 times
#                                         # each, alternating; then a store of 100,000 runs and a filtered query on it
#   benchmarks/runlog/run.sh --seeds N    # N seeds per cell instead of 10 (a quicker check)
#   benchmarks/runlog/run.sh --repeats N  # N timings of each side (median reported)
#
# Targets (issue 20): logging adds at most 3% to the case study's time; a filtered query over 100,000 runs answers
# in under 100 ms. Prints one JSON line per measurement and a summary line. Release build; SPS_SCRATCH as in
# benchmarks/run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
seeds=10
repeats=3
while [[ $# -gt 0 ]]; do
    case "$1" in
        --seeds) seeds="${2:?--seeds needs a number}"; shift ;;
        --repeats) repeats="${2:?--repeats needs a number}"; shift ;;
        *) echo "benchmarks/runlog/run.sh: unknown option $1" >&2; exit 64 ;;
    esac
    shift
done
sps_args=(-c release)
[[ -n "${SPS_SCRATCH:-}" ]] && sps_args+=(--scratch-path "$SPS_SCRATCH")
swift build "${sps_args[@]}" --product sps >&2
swift build "${sps_args[@]}" --product sps-bench >&2
bin="$(swift build "${sps_args[@]}" --show-bin-path)"
work="$(mktemp -d /tmp/sps-runlog-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
sed "s/seeds=0\.\.9/seeds=0..$((seeds - 1))/" benchmarks/case_study.sps > "$work/case_study.sps"

time_one() {  # $1: SPS_RUNS value; prints seconds
    local start end
    start=$(date +%s.%N)
    SPS_RUNS="$1" "$bin/sps" "$work/case_study.sps" > /dev/null
    end=$(date +%s.%N)
    python3 -c "print($end - $start)"
}
off=(); on=()
for i in $(seq 1 "$repeats"); do
    off+=("$(time_one off)")
    on+=("$(time_one "$work/runs-$i.db")")
done
python3 - "$seeds" "${off[*]}" "${on[*]}" <<'PY'
import json, statistics, sys
seeds, off, on = int(sys.argv[1]), [float(x) for x in sys.argv[2].split()], [float(x) for x in sys.argv[3].split()]
mo, mn = statistics.median(off), statistics.median(on)
print(json.dumps({"benchmark": "runlog-case-study", "seeds_per_cell": seeds, "runs": seeds * 6,
                  "seconds_without_log": off, "seconds_with_log": on,
                  "median_without": mo, "median_with": mn, "overhead_percent": 100 * (mn - mo) / mo}))
PY
"$bin/sps-bench" runlog --runs 100000
