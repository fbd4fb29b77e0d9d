#!/usr/bin/env bash
# benchmarks/autodiff/run.sh — the case study with its loss written in sps, beside the built-in loss and beside
# lean PyTorch with the same hand-written loss, on this machine, in one run.   (also: benchmarks/run --only autodiff)
#
#   benchmarks/autodiff/run.sh [--quick]      --quick: 1 seed per cell for PyTorch (its full study takes minutes)
#
# What is timed (release build; best of 3 wall times for sps, one run for PyTorch):
#   study, built-in loss   sps benchmarks/case_study.sps (60 runs: 3 treatments × {linear, MLP} × 10 seeds)
#   study, loss in sps     sps benchmarks/autodiff/case_study_custom_loss.sps: the same with
#                          loss={ m b -> mean ((m b.x - b.y) ** 2) }
#   PyTorch, loss by hand  benchmarks/autodiff/torch_custom_loss.py: plain tensors, torch.optim, manual batches,
#                          ((model(xb) - yb) ** 2).mean() (per run, scaled to 60 runs under --quick)
#   per step               steps_<model>_<builtin|custom>.sps: one 30-epoch run (4,710 steps); the difference of the
#                          best of 5 wall times over 4,710 is what the interpreted objective adds to a step
# Acceptance (issue 18): loss in sps ≤ 1.5 × built-in; PyTorch ≥ 30 × loss in sps. The table is printed and written
# to benchmarks/results/autodiff.md. Compare figures taken on a quiet machine (the load average is recorded).
#
# Environment: TORCH_PYTHON (see benchmarks/torch-setup.sh), SCRATCH (release build folder, default .build-lang).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
scratch="${SCRATCH:-$repo/.build-lang}"
quick=0
[[ "${1:-}" == --quick ]] && quick=1
cd "$repo"
log() { echo "benchmarks/autodiff: $*" >&2; }
source "$repo/benchmarks/torch-setup.sh"
log "building sps (release, scratch $scratch)"
swift build -c release --scratch-path "$scratch" --product sps >&2
sps="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/sps"
mkdir -p "$repo/benchmarks/results"
load="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo unknown)"

"$TORCH_PYTHON" - "$sps" "$here" "$repo" "$quick" "$load" > "$repo/benchmarks/results/autodiff.md.tmp" <<'PY'
import datetime, json, os, platform, subprocess, sys, time

sps, here, repo, quick, load = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1", sys.argv[5]

def wall(args, n):
    """Best of n wall times of a command, and its output (checked to be the same every time)."""
    best, output = float("inf"), None
    for _ in range(n):
        t = time.perf_counter()
        out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
        best = min(best, time.perf_counter() - t)
        assert output is None or out == output, f"{args}: output changed between runs"
        output = out
    return best, output

builtin, _ = wall([sps, os.path.join(repo, "benchmarks/case_study.sps")], 3)
custom, _ = wall([sps, os.path.join(here, "case_study_custom_loss.sps")], 3)
runs_per_cell = 1 if quick else 10
torch_out = subprocess.run([sys.executable, os.path.join(here, "torch_custom_loss.py"), "--runs-per-cell", str(runs_per_cell)],
                           capture_output=True, text=True, check=True).stdout
torch = json.loads(torch_out.strip().splitlines()[-1])
torch_seconds = torch["seconds"] * 60 / torch["runs"]

steps = 30 * 157
per_step = {}
for model in ["linear", "mlp"]:
    b, out_b = wall([sps, os.path.join(here, f"steps_{model}_builtin.sps")], 5)
    c, out_c = wall([sps, os.path.join(here, f"steps_{model}_custom.sps")], 5)
    per_step[model] = (b / steps * 1e6, c / steps * 1e6, (c - b) / steps * 1e6, out_b.strip(), out_c.strip())

sys.path.insert(0, os.path.dirname(here))
from machine import commit, cpu

lines = [
    f"# Objectives written in sps ({datetime.date.today()}, {cpu()}, {os.cpu_count()} cores, load {load} at start)",
    "",
    "| what | seconds | ratio |",
    "|---|---|---|",
    f"| case study (60 runs), built-in `loss=mse` | {builtin:.2f} | 1 |",
    f"| case study, `loss={{ m b -> mean ((m b.x - b.y) ** 2) }}` | {custom:.2f} | {custom / builtin:.2f} × built-in (target ≤ 1.5) |",
    f"| PyTorch {torch['torch_version']}, the same loss by hand, lean loop ({torch['threads']} threads){' — 6 runs, scaled to 60' if quick else ''} | {torch_seconds:.1f} | {torch_seconds / custom:.0f} × slower than sps (target ≥ 30) |",
    "",
    "| model | µs per step, built-in | µs per step, loss in sps | the objective adds | final train RMSE (built-in / sps) |",
    "|---|---|---|---|---|",
]
for model, (b, c, d, ob, oc) in per_step.items():
    lines.append(f"| {model} | {b:.2f} | {c:.2f} | {d:.2f} | {ob} / {oc} |")
print("\n".join(lines))
PY
mv "$repo/benchmarks/results/autodiff.md.tmp" "$repo/benchmarks/results/autodiff.md"
cat "$repo/benchmarks/results/autodiff.md"
