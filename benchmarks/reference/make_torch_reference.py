#!/usr/bin/env python3
"""Generate the PyTorch reference numbers for Tests/SPSTrainingTests/TorchReferenceTests.swift.

Run it with a throw-away virtual environment OUTSIDE the repository that has torch and numpy, e.g.

    python3 -m venv /tmp/venv-torch && /tmp/venv-torch/bin/pip install torch numpy
    /tmp/venv-torch/bin/python benchmarks/reference/make_torch_reference.py

It writes Tests/SPSTrainingTests/Reference/torch_reference.json (only the numbers are committed under Tests/).

What it records
---------------
* The data: n = 500 rows of the case study in float32 (numpy seed fixed):
  x1, x2 ~ N(0, 1); y = x1 + 2 x2 + 3 + N(0, 1); x3 = y / 0.2 + N(0, 3); features [x1, x2, x3], target y.
* Initial weights (torch default init, torch seed fixed) of Linear(3, 1) and of the MLP 3-64-64-1
  (nn.Sequential(Linear, act, Linear, act, Linear)). Every MLP case starts from the same MLP weights,
  every linear case from the same Linear weights.
* Training cases: a FIXED batch order (no shuffling; each epoch visits batches of consecutive rows
  [32k, min(32k + 32, n)), the last one partial with 20 rows), target shape (B, 1), and per batch
  zero_grad -> forward -> loss -> backward -> opt.step; scheduler.step() at each epoch's end.
  For each case: every step's loss, the final parameters, and the learning rate after the last step.
* Schedule cases: the learning rate after each of 40 scheduler steps (epochs) from lr = 1e-2.

Float32 values (data, parameters, losses) are printed with the shortest decimal that identifies the float32
value; the script checks that parsing that decimal as a double and rounding it to float32 (or parsing it as
float32 directly) gives back exactly the same float32. Learning rates are doubles printed with repr (exact).

The optimizers are forced to the single-tensor implementation (foreach=False, the CPU default anyway), and
PyTorch runs on one thread so that the numbers do not depend on the machine's core count.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_OUT = os.path.join(REPO, "Tests", "SPSTrainingTests", "Reference", "torch_reference.json")

DATA_SEED = 2024
TORCH_SEED = 7
N_ROWS = 500
BATCH = 32


# ---------------------------------------------------------------------------------------------------------
# Exact float32 printing


def f32_number(value) -> float:
    """A Python float whose repr is the shortest decimal identifying the float32 `value`."""
    v = np.float32(value)
    if not np.isfinite(v):
        raise ValueError(f"non-finite value {v}")
    text = np.format_float_scientific(v, unique=True, trim="-") if v != 0 else "0.0"
    number = float(text)
    # Round-trip checks: decimal -> double -> float32, and decimal (repr of the double) -> float32.
    if np.float32(number) != v or np.float32(repr(number)) != v:
        number = float(v)  # the float32 value exactly, as a double
        assert np.float32(number) == v
    return number


def f32_list(values) -> list[float]:
    return [f32_number(v) for v in np.asarray(values, dtype=np.float32).reshape(-1)]


# ---------------------------------------------------------------------------------------------------------
# Data and models


def make_data(n: int = N_ROWS, seed: int = DATA_SEED):
    rng = np.random.default_rng(seed)
    x1 = rng.standard_normal(n)
    x2 = rng.standard_normal(n)
    y = x1 + 2.0 * x2 + 3.0 + rng.normal(0.0, 1.0, n)
    x3 = y / 0.2 + rng.normal(0.0, 3.0, n)
    features = np.stack([x1, x2, x3], axis=1).astype(np.float32)
    target = y.astype(np.float32)
    return features, target


ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh, "leaky_relu": nn.LeakyReLU}


def make_linear() -> nn.Module:
    return nn.Linear(3, 1)


def make_mlp(activation: str = "relu") -> nn.Sequential:
    act = ACTIVATIONS[activation]
    return nn.Sequential(nn.Linear(3, 64), act(), nn.Linear(64, 64), act(), nn.Linear(64, 1))


def linear_layers(model: nn.Module) -> list[nn.Linear]:
    if isinstance(model, nn.Linear):
        return [model]
    return [m for m in model if isinstance(m, nn.Linear)]


def dump_params(model: nn.Module) -> list[dict]:
    return [
        {
            "shape": list(layer.weight.shape),
            "weight": f32_list(layer.weight.detach().numpy()),
            "bias": f32_list(layer.bias.detach().numpy()),
        }
        for layer in linear_layers(model)
    ]


def load_params(model: nn.Module, state: list[dict]) -> None:
    with torch.no_grad():
        for layer, saved in zip(linear_layers(model), state, strict=True):
            layer.weight.copy_(torch.tensor(saved["weight"], dtype=torch.float32).reshape(saved["shape"]))
            layer.bias.copy_(torch.tensor(saved["bias"], dtype=torch.float32))


# ---------------------------------------------------------------------------------------------------------
# Optimizers, schedules, losses from plain descriptions (the same descriptions the Swift test reads)


def make_optimizer(spec: dict, params):
    kind = spec["kind"]
    if kind == "adam":
        return torch.optim.Adam(params, lr=spec["lr"], weight_decay=spec["weight_decay"], foreach=False)
    if kind == "adamw":
        return torch.optim.AdamW(params, lr=spec["lr"], weight_decay=spec["weight_decay"], foreach=False)
    if kind == "sgd":
        return torch.optim.SGD(
            params,
            lr=spec["lr"],
            momentum=spec["momentum"],
            dampening=spec["dampening"],
            weight_decay=spec["weight_decay"],
            nesterov=spec["nesterov"],
            foreach=False,
        )
    raise ValueError(kind)


def make_schedule(spec: dict | None, optimizer):
    if spec is None:
        return None
    kind = spec["kind"]
    if kind == "step":
        return torch.optim.lr_scheduler.StepLR(optimizer, step_size=spec["step_size"], gamma=spec["gamma"])
    if kind == "multistep":
        return torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=spec["milestones"], gamma=spec["gamma"])
    if kind == "exponential":
        return torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=spec["gamma"])
    if kind == "cosine":
        return torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=spec["t_max"], eta_min=spec["eta_min"])
    raise ValueError(kind)


def make_loss(spec: dict):
    kind = spec["kind"]
    if kind == "mse":
        return nn.MSELoss()
    if kind == "l1":
        return nn.L1Loss()
    if kind == "huber":
        return nn.HuberLoss(delta=spec["delta"])
    raise ValueError(kind)


def adam(lr, weight_decay=0.0):
    return {"kind": "adam", "lr": lr, "weight_decay": weight_decay}


def adamw(lr, weight_decay):
    return {"kind": "adamw", "lr": lr, "weight_decay": weight_decay}


def sgd(lr, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False):
    return {"kind": "sgd", "lr": lr, "momentum": momentum, "dampening": dampening,
            "weight_decay": weight_decay, "nesterov": nesterov}


STEP_5 = {"kind": "step", "step_size": 5, "gamma": 0.5}
MSE = {"kind": "mse"}

TRAINING_CASES = [
    dict(name="linear_adam_steplr", model="linear", activation=None, optimizer=adam(1e-3), schedule=STEP_5,
         loss=MSE, steps=300),
    dict(name="mlp_relu_adam_steplr", model="mlp", activation="relu", optimizer=adam(1e-3), schedule=STEP_5,
         loss=MSE, steps=300),
    dict(name="linear_sgd_nesterov_wd", model="linear", activation=None,
         optimizer=sgd(1e-3, momentum=0.9, nesterov=True, weight_decay=1e-2), schedule=None, loss=MSE, steps=100),
    dict(name="linear_sgd_plain", model="linear", activation=None, optimizer=sgd(1e-3), schedule=None,
         loss=MSE, steps=100),
    dict(name="linear_sgd_momentum_dampening", model="linear", activation=None,
         optimizer=sgd(1e-3, momentum=0.9, dampening=0.1), schedule=None, loss=MSE, steps=100),
    dict(name="linear_adamw_wd", model="linear", activation=None, optimizer=adamw(1e-2, 0.1), schedule=None,
         loss=MSE, steps=100),
    dict(name="linear_adam_l2", model="linear", activation=None, optimizer=adam(1e-2, 0.1), schedule=None,
         loss=MSE, steps=100),
    dict(name="mlp_tanh_adam", model="mlp", activation="tanh", optimizer=adam(1e-3), schedule=None,
         loss=MSE, steps=100),
    dict(name="mlp_leaky_relu_adam", model="mlp", activation="leaky_relu", optimizer=adam(1e-3), schedule=None,
         loss=MSE, steps=100),
    dict(name="linear_l1_adam", model="linear", activation=None, optimizer=adam(1e-2), schedule=None,
         loss={"kind": "l1"}, steps=100),
    dict(name="linear_huber_adam", model="linear", activation=None, optimizer=adam(1e-2), schedule=None,
         loss={"kind": "huber", "delta": 1.0}, steps=100),
]

SCHEDULE_CASES = [
    dict(name="steplr", schedule={"kind": "step", "step_size": 10, "gamma": 0.5}),
    dict(name="multisteplr", schedule={"kind": "multistep", "milestones": [5, 12, 30], "gamma": 0.3}),
    dict(name="exponentiallr", schedule={"kind": "exponential", "gamma": 0.9}),
    dict(name="cosineannealinglr", schedule={"kind": "cosine", "t_max": 7, "eta_min": 1e-4}),
]
SCHEDULE_EPOCHS = 40
SCHEDULE_LR = 1e-2


def train(case: dict, features: torch.Tensor, target: torch.Tensor, initial: list[dict]):
    model = make_linear() if case["model"] == "linear" else make_mlp(case["activation"])
    load_params(model, initial)
    optimizer = make_optimizer(case["optimizer"], model.parameters())
    scheduler = make_schedule(case["schedule"], optimizer)
    loss_fn = make_loss(case["loss"])
    n = features.shape[0]
    losses: list[float] = []
    while len(losses) < case["steps"]:
        for start in range(0, n, BATCH):
            xb = features[start:start + BATCH]
            yb = target[start:start + BATCH]
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            if len(losses) == case["steps"]:
                break
        else:  # a whole epoch was completed
            if scheduler is not None:
                scheduler.step()
    return losses, dump_params(model), optimizer.param_groups[0]["lr"]


def schedule_lrs(spec: dict) -> list[float]:
    param = nn.Parameter(torch.zeros(1))
    optimizer = torch.optim.SGD([param], lr=SCHEDULE_LR)
    scheduler = make_schedule(spec, optimizer)
    lrs = []
    for _ in range(SCHEDULE_EPOCHS):
        optimizer.step()
        scheduler.step()
        lrs.append(float(optimizer.param_groups[0]["lr"]))
    assert all(math.isfinite(v) for v in lrs)
    return lrs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=DEFAULT_OUT, help="where to write the JSON (default: %(default)s)")
    args = parser.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(TORCH_SEED)
    np.random.seed(DATA_SEED)

    features_np, target_np = make_data()
    # The Swift side reads the printed decimals; train PyTorch on exactly those float32 values.
    features = torch.tensor(np.array(f32_list(features_np), dtype=np.float32).reshape(N_ROWS, 3))
    target = torch.tensor(np.array(f32_list(target_np), dtype=np.float32).reshape(N_ROWS, 1))
    assert torch.equal(features, torch.from_numpy(features_np)) and torch.equal(target.reshape(-1), torch.from_numpy(target_np))

    initial = {"linear": dump_params(make_linear()), "mlp": dump_params(make_mlp("relu"))}

    training = []
    for case in TRAINING_CASES:
        losses, final, final_lr = train(case, features, target, initial[case["model"]])
        training.append({**case, "batch_size": BATCH, "losses": f32_list(losses), "final": final,
                         "final_lr": final_lr})
        print(f"{case['name']:32s} loss {losses[0]:.5g} -> {losses[-1]:.5g}", file=sys.stderr)

    schedules = [{**case, "initial_lr": SCHEDULE_LR, "epochs": SCHEDULE_EPOCHS, "lrs": schedule_lrs(case["schedule"])}
                 for case in SCHEDULE_CASES]

    document = {
        "generator": "benchmarks/reference/make_torch_reference.py",
        "torch_version": torch.__version__,
        "numpy_version": np.__version__,
        "torch_threads": torch.get_num_threads(),
        "seeds": {"numpy": DATA_SEED, "torch": TORCH_SEED},
        "data": {
            "rows": N_ROWS,
            "columns": 3,
            "feature_names": ["x1", "x2", "x3"],
            "target_name": "y",
            "description": "x1,x2~N(0,1); y=x1+2*x2+3+N(0,1); x3=y/0.2+N(0,3); float32",
            "features": f32_list(features_np),
            "target": f32_list(target_np),
        },
        "initial": initial,
        "training_cases": training,
        "schedule_cases": schedules,
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as handle:
        json.dump(document, handle, separators=(",", ":"), allow_nan=False)
        handle.write("\n")
    print(f"wrote {args.out} ({os.path.getsize(args.out) / 1e6:.2f} MB, torch {torch.__version__})", file=sys.stderr)


if __name__ == "__main__":
    main()
