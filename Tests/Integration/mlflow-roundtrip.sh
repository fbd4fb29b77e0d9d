#!/usr/bin/env bash
# The run log's MLflow export against a real tracking server: installs mlflow from PyPI into a throw-away venv
# (outside the repository, reused between runs: $SPS_MLFLOW_VENV, default ~/.cache/sps-mlflow/venv), starts
# `mlflow server` with a SQLite backend on 127.0.0.1, runs a study with sps, sends it with `runs mlflow`, reads the
# runs back through MLflow's REST API and checks that every metric and param equals what sps logged. The server is
# stopped at the end, whatever happens. Exporting the same study a second time sends nothing (the runs are found by
# their sps.study and sps.run tags and start times). Usage: Tests/Integration/mlflow-roundtrip.sh [path/to/sps]
set -euo pipefail
SPS=${1:-.build/debug/sps}
VENV=${SPS_MLFLOW_VENV:-$HOME/.cache/sps-mlflow/venv}
WORK=$(mktemp -d /tmp/sps-mlflow.XXXXXX)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -x "$VENV/bin/mlflow" ]; then
    # Installing is the one step that needs the network: when it cannot happen, say why and skip (as the browser
    # test does without Chromium); everything after it must pass.
    if ! { python3 -m venv "$VENV" && timeout 600 "$VENV/bin/pip" install -q mlflow; }; then
        rm -rf "$VENV"
        echo "mlflow round trip: SKIPPED — could not install mlflow from PyPI into $VENV (no network?)" >&2
        exit 0
    fi
fi
PORT=$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# setsid: the server's workers form one process group, stopped together.
setsid "$VENV/bin/mlflow" server --backend-store-uri "sqlite:///$WORK/mlflow.db" --default-artifact-root "$WORK/artifacts" \
    --host 127.0.0.1 --port "$PORT" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
URL="http://127.0.0.1:$PORT"
for i in $(seq 1 120); do
    if [ "$("$VENV/bin/python" - "$URL" <<'PY' 2>/dev/null
import sys, urllib.request
try: print(urllib.request.urlopen(sys.argv[1] + "/health", timeout=1).read().decode())
except Exception: print("no")
PY
)" = "OK" ]; then break; fi
    if [ "$i" = 120 ]; then echo "mlflow server did not answer in 60 s"; tail -20 "$WORK/server.log"; exit 1; fi
    sleep 0.5
done
# Stop the whole group at the end.
SERVER_PID=-$SERVER_PID

cat > "$WORK/study.sps" <<'SPS'
seed 0
train = spurious n=200
study = repeat seeds=0..2 sigma=[0, 10] {
  m = linear 3 1
  fit m train epochs=3 eval=[train]
  record loss=(rmse m train) tag="t"
}
runs export "EXPORT" study=1
runs mlflow url="URL" study=1 experiment="sps-roundtrip"
runs mlflow url="URL" study=1 experiment="sps-roundtrip"
SPS
sed -i "s#EXPORT#$WORK/runs.jsonl#; s#URL#$URL#" "$WORK/study.sps"
SPS_RUNS="$WORK/runs.db" "$SPS" "$WORK/study.sps" | tee "$WORK/study.out"
# Sent once: the second export finds the 6 runs in the experiment and sends none.
grep -q "mlflow: sent 0 runs to experiment 'sps-roundtrip' (.*); 6 were there already" "$WORK/study.out" \
    || { echo "mlflow: the second export sent the runs again"; exit 1; }

"$VENV/bin/python" - "$URL" "$WORK/runs.jsonl" <<'PY'
import json, math, sys, urllib.request, urllib.parse
url, export = sys.argv[1], sys.argv[2]
def get(path, **query):
    return json.load(urllib.request.urlopen(url + "/api/2.0/mlflow/" + path + "?" + urllib.parse.urlencode(query), timeout=10))
def post(path, body):
    req = urllib.request.Request(url + "/api/2.0/mlflow/" + path, json.dumps(body).encode(), {"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req, timeout=10))
exp = get("experiments/get-by-name", experiment_name="sps-roundtrip")["experiment"]["experiment_id"]
found = post("runs/search", {"experiment_ids": [exp], "max_results": 1000}).get("runs", [])
logged = [json.loads(line) for line in open(export)]
assert len(found) == len(logged) == 6, (len(found), len(logged))
by_run = {r["data"]["tags"] and {t["key"]: t["value"] for t in r["data"]["tags"]}["sps.run"]: r for r in found}
checked = 0
for run in logged:
    r = by_run[str(run["run"])]
    params = {p["key"]: p["value"] for p in r["data"].get("params", [])}
    assert params["seed"] == str(run["seed"]), (params, run)
    assert float(params["sigma"]) == run["grid"]["sigma"], (params, run)
    metrics = {m["key"]: m["value"] for m in r["data"].get("metrics", [])}
    assert math.isclose(metrics["loss"], run["recorded"]["loss"], rel_tol=0, abs_tol=0), (metrics, run)
    assert r["info"]["status"] == "FINISHED"
    history = run["history"]
    for name, values in history.items():
        if name == "epoch": continue
        steps = get("metrics/get-history", run_id=r["info"]["run_id"], metric_key="history." + name)["metrics"]
        got = sorted((m["step"], m["value"]) for m in steps)
        want = [(int(e), v) for e, v in zip(history["epoch"], values)]
        assert got == want, (name, got, want)
        checked += len(got)
    checked += 1
print(f"mlflow round trip: {len(logged)} runs, {checked} metric values equal what sps logged")
PY
