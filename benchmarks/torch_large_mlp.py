#!/usr/bin/env python3
"""A large MLP in PyTorch (the PyTorch side of benchmarks/run's second benchmark).

100,000 x 32 standard-normal inputs and a standard-normal target -> MLP 32-256-256-1 ReLU, batch 256,
Adam(lr=1e-3), MSELoss, 3 epochs, TensorDataset + DataLoader(shuffle=True). PyTorch's thread settings are left at
their defaults (--threads N overrides them). The timed part is the training (DataLoader, epochs); making the
data and the model is not timed, as in sps-bench.

Prints one JSON line: {"benchmark", "seconds", "samples_per_second", "peak_rss_mb", "final_loss", "threads",
"torch_version"}.
"""
from __future__ import annotations

import argparse
import json
import resource
import time

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def main() -> None:
    parser = argparse.ArgumentParser(description="A large MLP in PyTorch.")
    parser.add_argument("--rows", type=int, default=100_000, help="training rows (default 100000)")
    parser.add_argument("--epochs", type=int, default=3, help="training epochs (default 3)")
    parser.add_argument("--threads", type=int, default=None, help="torch.set_num_threads (default: PyTorch's own)")
    args = parser.parse_args()
    if args.threads is not None:
        torch.set_num_threads(args.threads)

    torch.manual_seed(0)
    features = torch.randn(args.rows, 32)
    target = torch.randn(args.rows, 1)
    model = nn.Sequential(nn.Linear(32, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 1))

    start = time.perf_counter()
    loader = DataLoader(TensorDataset(features, target), batch_size=256, shuffle=True)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.MSELoss()
    loss = None
    for _ in range(args.epochs):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
    seconds = time.perf_counter() - start

    print(json.dumps({
        "benchmark": "large-mlp",
        "seconds": seconds,
        "samples_per_second": args.rows * args.epochs / seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # Linux reports KiB
        "final_loss": loss.item() if loss is not None else float("nan"),
        "threads": torch.get_num_threads(),
        "torch_version": torch.__version__,
    }, sort_keys=True))


if __name__ == "__main__":
    main()
