# benchmarks/torch-setup.sh — sourced by the PyTorch side-by-side benchmarks (benchmarks/run, autodiff) after they
# set `repo` and define `log`: finds a Python with torch and numpy as TORCH_PYTHON (default /work/venv-torch), or
# makes a throw-away virtual environment in a temporary directory OUTSIDE the repository and installs them there.
TORCH_PYTHON="${TORCH_PYTHON:-/work/venv-torch/bin/python}"
if ! { [[ -x "$TORCH_PYTHON" ]] || command -v "$TORCH_PYTHON" >/dev/null 2>&1; } \
   || ! "$TORCH_PYTHON" -c 'import torch, numpy' >/dev/null 2>&1; then
    log "no torch/numpy at TORCH_PYTHON=$TORCH_PYTHON; making a throw-away virtual environment"
    venv="$(mktemp -d "${TMPDIR:-/tmp}/sps-torch-venv.XXXXXX")"
    case "$venv/" in "$repo"/*) log "refusing to make a venv inside the repository ($venv)"; exit 1 ;; esac
    if ! python3 -m venv "$venv" 2>/dev/null; then
        log "python3 -m venv failed; installing python3-venv"
        if [[ $(id -u) -eq 0 ]]; then sudo_=""; else sudo_="sudo"; fi
        $sudo_ apt-get update && $sudo_ apt-get install -y python3-venv
        python3 -m venv "$venv"
    fi
    "$venv/bin/pip" install --quiet --upgrade pip
    "$venv/bin/pip" install --quiet torch numpy
    TORCH_PYTHON="$venv/bin/python"
    log "PyTorch installed in $venv; next time: TORCH_PYTHON=$TORCH_PYTHON"
fi
