#!/usr/bin/env bash
# `repeat … on="slurm"` against a real one-node Slurm cluster (Tests/Integration/slurm-cluster.sh starts it in a
# scratch folder and this script stops it, whatever happens). Checks, through the run log's export:
#   1. a 30-seed study run as 4 array tasks gives the table of the same study run locally, bit for bit, with the
#      same per-epoch histories in the log;
#   2. a task cancelled mid-way (scancel JOB_1) is reported with its seeds, the table is partial, and the same
#      repeat run again submits that task alone; the final table is still the local one;
#   3. an unknown partition gives Slurm's reason as an sps error pointing at partition=;
#   4. a study submitted with wait=false is in the run log as `submitted`; `collect` (twice) adds its 30 runs once,
#      the same as the local study's, and ends it `finished`.
# Usage: Tests/Integration/slurm-study.sh [path/to/sps]   (takes about a minute)
set -euo pipefail
SPS=$(cd "$(dirname "${1:-.build/debug/sps}")" && pwd)/$(basename "${1:-.build/debug/sps}")
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK=$(mktemp -d /tmp/sps-slurm-test.XXXXXX)
cleanup() {
    "$here/slurm-cluster.sh" stop "$WORK/cluster" || true
    rm -rf "$WORK"
}
trap cleanup EXIT
chmod 0755 "$WORK"  # munged, running as its own user, must reach its socket in there
status=0
started=$("$here/slurm-cluster.sh" start "$WORK/cluster") || status=$?
if [ "$status" = 69 ]; then
    echo "slurm study: SKIPPED — could not install slurm-wlm and munge (no apt, no network?)" >&2
    exit 0
elif [ "$status" != 0 ]; then
    echo "slurm study: the one-node cluster did not start" >&2
    exit 1
fi
eval "$started"
export SLURM_CONF
cd "$WORK"
fail() { echo "slurm study: FAILED — $*" >&2; exit 1; }

# --- 1. the same table, bit for bit --------------------------------------------------------------------------
body='{
  m = linear 3 1
  fit m train epochs=EPOCHS eval=[train]
  if seed == 5 { print "seed 5 ran" }
  record loss=(rmse m train) w=m.weight[0, 2] tag="t" big=(seed > 20)
}'
cat > study.sps <<SPS
seed 0
train = spurious n=200
here = repeat seeds=0..29 ${body//EPOCHS/3}
there = repeat seeds=0..29 on="slurm" per_task=8 at_once=4 folder="jobs" ${body//EPOCHS/3}
runs export "here.jsonl" study=1
runs export "there.jsonl" study=2
SPS
start=$(date +%s.%N)
SPS_RUNS="$WORK/runs.db" "$SPS" study.sps > study.out 2>&1 || { cat study.out; fail "the study script failed"; }
end=$(date +%s.%N)
grep -q "submitted Slurm job [0-9]*: 30 runs in 4 tasks of up to 8" study.out || { cat study.out; fail "no submission line"; }
[ "$(grep -c 'seed 5 ran' study.out)" = 2 ] || { cat study.out; fail "the runs' output is not shown once per study"; }

compare() {  # $1, $2: run-log exports; same seeds, order, recorded values and histories
python3 - "$1" "$2" <<'PY'
import json, struct, sys
def load(path):
    runs = [json.loads(line) for line in open(path)]
    return [(r["job"], r["seed"], r["status"], r.get("recorded"), r.get("history")) for r in sorted(runs, key=lambda r: r["job"])]
a, b = load(sys.argv[1]), load(sys.argv[2])
assert len(a) == len(b) == 30, (len(a), len(b))
def bits(x):
    if isinstance(x, float): return struct.pack("<d", x).hex()
    if isinstance(x, dict): return {k: bits(v) for k, v in x.items()}
    if isinstance(x, list): return [bits(v) for v in x]
    return x
for x, y in zip(a, b):
    assert bits(x) == bits(y), (x, y)
assert all(r[4] for r in b), "no history logged from the cluster"
print("identical: 30 runs, recorded values and histories")
PY
}
compare here.jsonl there.jsonl || fail "the table from Slurm differs from the local one"
printf 'slurm study: 30 seeds as 4 tasks identical to local (script %.1f s with both studies)\n' "$(python3 -c "print($end - $start)")"

# --- 2. a task cancelled mid-way is resubmitted alone ----------------------------------------------------------
cat > slow.sps <<SPS
seed 0
train = spurious n=2000
here = repeat seeds=0..29 ${body//EPOCHS/40}
there = repeat seeds=0..29 on="slurm" per_task=8 at_once=4 folder="jobs" WAIT ${body//EPOCHS/40}
runs export "EXPORT" study=STUDY
SPS
cp slow.sps slow-resume.sps
sed -i 's/WAIT/wait=false/; /runs export/d' slow.sps
SPS_RUNS=off "$SPS" slow.sps > submit.out 2>&1 || { cat submit.out; fail "the detached submission failed"; }
job=$(sed -n 's/.*submitted Slurm job \([0-9]*\):.*/\1/p' submit.out)
[ -n "$job" ] || { cat submit.out; fail "no job id"; }
for i in $(seq 1 150); do
    [ "$(squeue -h -j "${job}_1" -o %T 2>/dev/null)" = RUNNING ] && break
    [ "$i" = 150 ] && fail "task 1 never ran"
    sleep 0.2
done
scancel "${job}_1"
printf 't = collect %s folder="jobs"\n' "$job" > collect.sps
SPS_RUNS=off "$SPS" collect.sps > collect.out 2>&1 || { cat collect.out; fail "collect failed"; }
grep -q "repeat: task 1 of job $job (runs 9-16, seeds 8, 9, 10, 11, 12, 13, 14, 15) failed" collect.out \
    || { cat collect.out; fail "the cancelled task is not reported with its seeds"; }
grep -q "22 of 30 runs came back; the table holds 22 and is marked partial" collect.out || { cat collect.out; fail "not partial"; }
sed 's/WAIT//; s/EXPORT/there.jsonl/; s/STUDY/2/' slow-resume.sps > slow.sps
SPS_RUNS="$WORK/slow.db" "$SPS" slow.sps > resume.out 2>&1 || { cat resume.out; fail "the resubmission failed"; }
grep -q "(1 to run; 3 done or running already)" resume.out || { cat resume.out; fail "the task was not resubmitted alone"; }
printf 'runs export "here.jsonl" study=1\n' > export.sps
SPS_RUNS="$WORK/slow.db" "$SPS" export.sps
compare here.jsonl there.jsonl || fail "the resumed table differs from the local one"
echo "slurm study: a cancelled task was resubmitted alone; the table is identical to local"

# --- 3. Slurm's reason for a bad option ------------------------------------------------------------------------
printf 't = repeat seeds=0..3 on="slurm" partition="nosuch" folder="jobs" {\n  record x=seed\n}\n' > bad.sps
if SPS_RUNS=off "$SPS" bad.sps > bad.out 2>&1; then cat bad.out; fail "an unknown partition was accepted"; fi
grep -q 'bad.sps:1:44: error: repeat: Slurm refused the job: .*[Ii]nvalid partition' bad.out || { cat bad.out; fail "no clear reason"; }
echo "slurm study: an unknown partition gives Slurm's reason: $(grep -o 'Slurm refused.*' bad.out)"

# --- 4. wait=false: logged as submitted, then collect adds the runs and ends the study ---------------------------
cat > detached.sps <<SPS
seed 0
train = spurious n=200
job = repeat seeds=0..29 on="slurm" per_task=8 at_once=4 folder="jobs" wait=false ${body//EPOCHS/3}
print "status" (runs()).status
SPS
SPS_RUNS="$WORK/detached.db" "$SPS" detached.sps > detached.out 2>&1 || { cat detached.out; fail "the detached study failed"; }
job=$(sed -n 's/.*submitted Slurm job \([0-9]*\):.*/\1/p' detached.out)
[ -n "$job" ] || { cat detached.out; fail "no job id for the detached study"; }
grep -q 'status \["submitted"\]' detached.out || { cat detached.out; fail "the detached study is not logged as submitted"; }
printf 't = collect %s folder="jobs"\nt = collect %s folder="jobs"\nprint "status" (runs()).status\nruns export "collected.jsonl" study=1\n' "$job" "$job" > collect-log.sps
SPS_RUNS="$WORK/detached.db" "$SPS" collect-log.sps > collect-log.out 2>&1 || { cat collect-log.out; fail "collect into the run log failed"; }
grep -q 'status \["finished"\]' collect-log.out || { cat collect-log.out; fail "collect did not end the study finished"; }
printf 'runs export "local.jsonl" study=1\n' > export-local.sps
SPS_RUNS="$WORK/runs.db" "$SPS" export-local.sps
compare local.jsonl collected.jsonl || fail "the collected study's log differs from the local study's"
echo "slurm study: wait=false logged as submitted; collect (twice) logged its 30 runs once and ended it finished"
