#!/usr/bin/env python3
"""The sps case study with the loss written by hand, the lean way a PyTorch user would write it.

The PyTorch side of benchmarks/autodiff/run.sh: the same study as benchmarks/torch_case_study.py (3 treatments x
{linear, MLP 3-64-64-1 ReLU} x seeds, 5000 training rows, Adam 1e-3, StepLR(10, 0.5), batch 32, 30 epochs), but
the objective is a Python function of the predictions and the batch, `((pred - y) ** 2).mean()`, and batches
are taken by slicing a fresh permutation each epoch (plain tensors and torch.optim, no DataLoader): the strict
anchor for "a custom objective, written in the language, trained by fast loops".

Prints one JSON line: {"benchmark", "seconds", "peak_rss_mb", "runs", "threads", "torch_version", "table"}.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np
import torch
from torch import nn

# The data and the models are the case study's own (benchmarks/torch_case_study.py).
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from torch_case_study import MODELS, TREATMENTS, make_data, make_model, print_result, rmse  # noqa: E402


def objective(model: nn.Module, xb: torch.Tensor, yb: torch.Tensor) -> torch.Tensor:
    """The custom loss: mean squared error, written out."""
    return ((model(xb) - yb) ** 2).mean()


def run(treatment: str, model_name: str, seed: int, rows: int, epochs: int, batch: int) -> dict:
    rng = np.random.default_rng(seed)
    torch.manual_seed(seed)
    factor = rng.uniform(0.02, 1.0, rows) if treatment == "domain_randomization" else 0.2
    x_train, y_train = make_data(rng, rows, factor)
    x_iid, y_iid = make_data(rng, rows, 0.2)
    x_ood, y_ood = make_data(rng, rows, 0.1)

    model = make_model(model_name)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=10, gamma=0.5)
    for _ in range(epochs):
        order = torch.randperm(rows)
        for start in range(0, rows, batch):
            index = order[start:start + batch]
            xb, yb = x_train[index], y_train[index]
            if treatment == "augmentation":
                xb[:, 2] += 30.0 * torch.randn(xb.shape[0])
            optimizer.zero_grad()
            loss = objective(model, xb, yb)
            loss.backward()
            optimizer.step()
        scheduler.step()
    return {"treatment": treatment, "model": model_name, "seed": seed,
            "iid_rmse": rmse(model, x_iid, y_iid), "ood_rmse": rmse(model, x_ood, y_ood)}


def main() -> None:
    parser = argparse.ArgumentParser(description="The sps case study with a hand-written loss, in lean PyTorch.")
    parser.add_argument("--runs-per-cell", type=int, default=10)
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--threads", type=int, default=None, help="torch.set_num_threads (default: PyTorch's own)")
    args = parser.parse_args()
    if args.threads is not None:
        torch.set_num_threads(args.threads)
    start = time.perf_counter()
    results = [run(t, m, s, args.rows, args.epochs, args.batch)
               for t in TREATMENTS for m in MODELS for s in range(args.runs_per_cell)]
    seconds = time.perf_counter() - start
    table = {}
    for t in TREATMENTS:
        for m in MODELS:
            cell = [r for r in results if r["treatment"] == t and r["model"] == m]
            table[f"{t}/{m}"] = {k: float(np.mean([r[k] for r in cell])) for k in ("iid_rmse", "ood_rmse")}
    print_result("case-study-custom-loss", seconds, len(results), table)


if __name__ == "__main__":
    main()
