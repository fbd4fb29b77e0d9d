#!/usr/bin/env python3
"""The whole sps case study, written the way a PyTorch user would write it (the PyTorch side of benchmarks/run).

3 data treatments x {linear, MLP 3-64-64-1 ReLU} x seeds:

* baseline: the training data has factor f = 0.2;
* domain randomization: f drawn per row from U(0.02, 1);
* augmentation: baseline data, and x3 += N(0, 30) on every training batch;

with x1, x2 ~ N(0, 1); y = x1 + 2 x2 + 3 + N(0, 1); x3 = y / f + N(0, 3). Each run trains on 5000 rows with
TensorDataset + DataLoader(batch_size=32, shuffle=True), Adam(lr=1e-3), StepLR(step_size=10, gamma=0.5), MSELoss,
30 epochs, then measures the RMSE on an IID test set (f = 0.2) and an OOD test set (f = 0.1), 5000 rows each,
and the weight on x3 (linear model).

PyTorch's thread settings are left at their defaults, as a user would leave them (the JSON reports
torch.get_num_threads()); --threads N overrides them.

Prints one JSON line: {"benchmark", "seconds" (wall time of the whole study), "peak_rss_mb", "runs", "threads",
"torch_version", "table": {"<treatment>/<model>": {"iid_rmse": {"mean", "std"}, "ood_rmse": ..., "x3_weight": ...}}}.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

TREATMENTS = ["baseline", "domain_randomization", "augmentation"]
MODELS = ["linear", "mlp"]


def make_data(rng: np.random.Generator, rows: int, factor) -> tuple[torch.Tensor, torch.Tensor]:
    """Case-study rows; `factor` is a number or an array with one factor per row."""
    x1 = rng.normal(0.0, 1.0, rows)
    x2 = rng.normal(0.0, 1.0, rows)
    y = x1 + 2.0 * x2 + 3.0 + rng.normal(0.0, 1.0, rows)
    x3 = y / factor + rng.normal(0.0, 3.0, rows)
    features = torch.tensor(np.stack([x1, x2, x3], axis=1), dtype=torch.float32)
    target = torch.tensor(y, dtype=torch.float32).unsqueeze(1)
    return features, target


def make_model(name: str) -> nn.Module:
    if name == "linear":
        return nn.Linear(3, 1)
    return nn.Sequential(nn.Linear(3, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))


def rmse(model: nn.Module, features: torch.Tensor, target: torch.Tensor) -> float:
    model.eval()
    with torch.no_grad():
        return torch.sqrt(torch.mean((model(features) - target) ** 2)).item()


def run(treatment: str, model_name: str, seed: int, rows: int, epochs: int) -> dict:
    rng = np.random.default_rng(seed)
    torch.manual_seed(seed)

    factor = rng.uniform(0.02, 1.0, rows) if treatment == "domain_randomization" else 0.2
    x_train, y_train = make_data(rng, rows, factor)
    x_iid, y_iid = make_data(rng, rows, 0.2)
    x_ood, y_ood = make_data(rng, rows, 0.1)

    loader = DataLoader(TensorDataset(x_train, y_train), batch_size=32, shuffle=True)
    model = make_model(model_name)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=10, gamma=0.5)
    loss_fn = nn.MSELoss()

    for _ in range(epochs):
        model.train()
        for xb, yb in loader:
            if treatment == "augmentation":
                xb = xb.clone()
                xb[:, 2] += 30.0 * torch.randn(xb.shape[0])
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
        scheduler.step()

    result = {
        "treatment": treatment,
        "model": model_name,
        "seed": seed,
        "iid_rmse": rmse(model, x_iid, y_iid),
        "ood_rmse": rmse(model, x_ood, y_ood),
    }
    if model_name == "linear":
        result["x3_weight"] = model.weight[0, 2].item()
    return result


def stats(values: list[float]) -> dict:
    array = np.asarray(values, dtype=np.float64)
    return {"mean": float(array.mean()), "std": float(array.std(ddof=1)) if len(array) > 1 else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description="The sps case study in PyTorch.")
    parser.add_argument("--runs-per-cell", type=int, default=10, help="seeds per treatment x model (default 10)")
    parser.add_argument("--rows", type=int, default=5000, help="rows of each data set (default 5000)")
    parser.add_argument("--epochs", type=int, default=30, help="training epochs (default 30)")
    parser.add_argument("--threads", type=int, default=None, help="torch.set_num_threads (default: PyTorch's own)")
    parser.add_argument("--verbose", action="store_true", help="print each run to stderr")
    args = parser.parse_args()
    if args.threads is not None:
        torch.set_num_threads(args.threads)

    start = time.perf_counter()
    results = []
    for treatment in TREATMENTS:
        for model_name in MODELS:
            for seed in range(args.runs_per_cell):
                result = run(treatment, model_name, seed, args.rows, args.epochs)
                results.append(result)
                if args.verbose:
                    print(json.dumps(result), file=sys.stderr, flush=True)
    seconds = time.perf_counter() - start

    table = {}
    for treatment in TREATMENTS:
        for model_name in MODELS:
            cell = [r for r in results if r["treatment"] == treatment and r["model"] == model_name]
            entry = {
                "iid_rmse": stats([r["iid_rmse"] for r in cell]),
                "ood_rmse": stats([r["ood_rmse"] for r in cell]),
            }
            if model_name == "linear":
                entry["x3_weight"] = stats([r["x3_weight"] for r in cell])
            table[f"{treatment}/{model_name}"] = entry

    print_result("case-study", seconds, len(results), table)


def print_result(benchmark: str, seconds: float, runs: int, table: dict) -> None:
    """The one JSON line a benchmark script prints (benchmarks/run reads it)."""
    print(json.dumps({
        "benchmark": benchmark,
        "seconds": seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # Linux reports KiB
        "runs": runs,
        "threads": torch.get_num_threads(),
        "torch_version": torch.__version__,
        "table": table,
    }, sort_keys=True))


if __name__ == "__main__":
    main()
