# benchmarks/numpy-setup.sh — sourced by the numpy side-by-side benchmarks (arrays, linalg) after they set `name`,
# `here`, `repo` and `scratch`: defines `log`, finds a Python with numpy (PYTHON, else TORCH_PYTHON, else a
# throw-away venv made OUTSIDE the repository) as `python`, builds sps and sps-bench (release) and sets `bin`.
log() { echo "benchmarks/$name: $*" >&2; }

python="${PYTHON:-${TORCH_PYTHON:-/work/venv-torch/bin/python}}"
if ! { [[ -x "$python" ]] || command -v "$python" >/dev/null 2>&1; } || ! "$python" -c 'import numpy' >/dev/null 2>&1; then
    venv="$(mktemp -d "${TMPDIR:-/tmp}/sps-numpy-venv.XXXXXX")"
    case "$venv/" in "$repo"/*) log "refusing to make a venv inside the repository ($venv)"; exit 1 ;; esac
    log "no numpy at $python; installing numpy in a throw-away virtual environment $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet numpy
    python="$venv/bin/python"
    log "next time: PYTHON=$python benchmarks/$name/run.sh"
fi

log "building sps and sps-bench (release, scratch $scratch)"
swift build -c release --scratch-path "$scratch" --product sps >&2
swift build -c release --scratch-path "$scratch" --product sps-bench >&2
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"
