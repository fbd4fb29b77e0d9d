#!/usr/bin/env python3
"""Generate the numpy reference numbers for Tests/SPSShellTests/NumpyReferenceTests.swift.

Run it with a throw-away virtual environment OUTSIDE the repository that has numpy, e.g.

    python3 -m venv /tmp/venv-np && /tmp/venv-np/bin/pip install numpy
    /tmp/venv-np/bin/python benchmarks/reference/arrays_numpy.py

It writes Tests/Reference/numpy_arrays.json (only the numbers are committed under Tests/).

What it records
---------------
* Inputs: random float32 tensors (numpy seed fixed) under the names the sps code uses: A, B (5×4), C (3×4),
  v, w (7), x (5), S (8×3) and a permutation p of 0..4. Each is written with the shortest decimal that reads back
  as the same float32 (checked, as in make_torch_reference.py), so sps starts from exactly numpy's inputs.
* Cases: a line of sps code that sets `result`, and numpy's answer for the same operation, computed in float64 from
  the float32 inputs (the exact answer to double precision). A case also gives a `scale` per element: the size of
  the terms the answer is made of (e.g. the sum of |A| for a sum of A), so that a sum that cancels to nearly 0 is
  still judged relative to its terms.

The Swift test runs each line in a fresh sps session and requires every element to agree with numpy's to float32
rounding: |sps - numpy| <= 2^-22 * (|numpy| + scale), about two float32 units in the last place. Positions
(argmin, argsort, where) and masks must agree exactly.

Where sps follows a convention that differs from numpy's default, the numpy call here names it: argsort and sort
use kind="stable"; std and var are given ddof explicitly; several index lists are np.ix_ (a block).
"""
from __future__ import annotations

import argparse
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_OUT = os.path.join(REPO, "Tests", "Reference", "numpy_arrays.json")
SEED = 17


def f32_number(value) -> float:
    """A Python float whose repr is the shortest decimal identifying the float32 `value`."""
    v = np.float32(value)
    if not np.isfinite(v):
        raise ValueError(f"non-finite value {v}")
    text = np.format_float_scientific(v, unique=True, trim="-") if v != 0 else "0.0"
    number = float(text)
    if np.float32(number) != v or np.float32(repr(number)) != v:
        number = float(v)
        assert np.float32(number) == v
    return number


def make_inputs():
    rng = np.random.default_rng(SEED)
    f32 = lambda *shape: rng.standard_normal(shape).astype(np.float32)  # noqa: E731
    inputs = {
        "A": f32(5, 4),
        "B": f32(5, 4),
        "C": f32(3, 4),
        "v": f32(7),
        "w": f32(7),
        "x": f32(5),
        "S": f32(8, 3),
        "p": rng.permutation(5).astype(np.float32),
    }
    return inputs


def cases(inp):
    """(name, sps code setting `result`, numpy answer in float64, scale per element or None)."""
    d = {k: v.astype(np.float64) for k, v in inp.items()}
    A, B, C, v, w, x, S = (d[k] for k in "A B C v w x S".split())
    p = inp["p"].astype(np.int64)
    aA, av = np.abs(A), np.abs(v)
    out = []

    def case(name, code, value, scale=None, exact=False):
        value = np.asarray(value, dtype=np.float64)
        scale = np.zeros_like(value) if scale is None else np.broadcast_to(np.asarray(scale, dtype=np.float64), value.shape)
        out.append((name, code, value, scale, exact))

    # Indexing: gathers, masks, open and negative ranges, blocks.
    case("gather rows", "result = A[[3, 0, 0]]", A[[3, 0, 0]])
    case("gather by a permutation", "result = A[p]", A[p])
    case("gather columns", "result = A[.., [2, 0]]", A[:, [2, 0]])
    case("negative open range", "result = A[-2..]", A[-2:])
    case("negative inclusive range", "result = v[-3..-1]", v[-3:])
    case("ranges on two axes", "result = A[..<-1, 1..]", A[:-1, 1:])
    case("block of two lists", "result = A[[0, 2], [1, 3]]", A[np.ix_([0, 2], [1, 3])])
    case("rows by a mask", "result = A[A[.., 0] > 0]", A[A[:, 0] > 0])
    case("elements by a mask", "result = A[A > 0]", A[A > 0])
    case("vector by a mask", "result = v[v > 0]", v[v > 0])
    case("masked assignment", "r = A; r[r < 0] = 0; result = r", np.where(A < 0, 0, A))
    case("gather assignment", "r = v; r[[0, -1]] = [1, 2]; result = r", np.concatenate([[1], v[1:-1], [2]]))
    case("column assignment", "r = A; r[.., 1] = x; result = r", np.column_stack([A[:, 0], x, A[:, 2:]]))
    # Joining.
    case("concat axis 0", "result = concat A C", np.concatenate([A, C], axis=0))
    case("concat axis 1", "result = concat A B axis=1", np.concatenate([A, B], axis=1))
    case("concat vectors", "result = concat v w", np.concatenate([v, w]))
    case("stack axis 0", "result = stack A B", np.stack([A, B], axis=0))
    case("stack axis -1", "result = stack v w axis=-1", np.stack([v, w], axis=-1))
    case("hstack (column_stack)", "result = hstack x A", np.column_stack([x, A]))
    case("vstack", "result = vstack A C v[..<4]", np.vstack([A, C, v[:4]]))
    # A product accumulates 8 terms in float32 (OpenBLAS): twice the usual allowance relative to its terms.
    case("joined columns times a matrix", "result = (hstack A B) @ S", np.hstack([A, B]) @ S, 2 * np.hstack([aA, np.abs(B)]) @ np.abs(S))
    # Building.
    case("arange", "result = arange 0.5 3.2 0.3", np.arange(0.5, 3.2, 0.3))
    case("arange backwards", "result = arange 2 -1 -0.5", np.arange(2, -1, -0.5))
    case("linspace", "result = linspace -1 2 7", np.linspace(-1, 2, 7))
    case("diag of a vector", "result = diag x", np.diag(x))
    case("diag above", "result = diag A k=1", np.diag(A, k=1))
    case("diag below", "result = diag A k=-2", np.diag(A, k=-2))
    case("outer", "result = outer v x", np.outer(v, x))
    # Elementwise.
    case("abs", "result = abs A", np.abs(A))
    case("exp", "result = exp A", np.exp(A))
    # sps adds 0.1 and multiplies by 5 in float32 arithmetic, then applies the function in double precision.
    case("log", "result = log (abs A + 0.1)", np.log((np.abs(inp["A"]) + np.float32(0.1)).astype(np.float64)))
    case("sqrt", "result = sqrt (abs A)", np.sqrt(aA))
    case("tanh", "result = tanh A", np.tanh(A))
    case("sigmoid", "result = sigmoid (A * 5)", 1 / (1 + np.exp(-(inp["A"] * np.float32(5)).astype(np.float64))))
    case("relu", "result = relu A", np.maximum(A, 0))
    case("sign", "result = sign v", np.sign(v))
    case("pow", "result = pow (abs A) 1.5", np.power(aA, 1.5))
    case("minimum broadcast", "result = minimum A x[..<4]", np.minimum(A, x[:4]))
    case("maximum broadcast", "result = maximum A (tensor [[0], [1], [-1], [0.5], [2]])",
         np.maximum(A, np.array([[0], [1], [-1], [0.5], [2]])))
    case("where", "result = where (A > 0) A B", np.where(A > 0, A, B))
    case("where positions", "result = where (v > 0)", np.flatnonzero(v > 0), exact=True)
    case("clip", "result = clip A -0.5 0.7", np.clip(A, np.float64(np.float32(-0.5)), np.float64(np.float32(0.7))))
    # Reductions, all and along axes.
    for axis, text in ((None, ""), (0, " axis=0"), (1, " axis=1"), (-1, " axis=-1")):
        case(f"sum{text}", f"result = sum A{text}", A.sum(axis=axis), aA.sum(axis=axis))
        case(f"mean{text}", f"result = mean A{text}", A.mean(axis=axis), aA.mean(axis=axis))
        case(f"prod{text}", f"result = prod A{text}", A.prod(axis=axis))
        case(f"min{text}", f"result = min A{text}", A.min(axis=axis))
        case(f"max{text}", f"result = max A{text}", A.max(axis=axis))
        case(f"argmin{text}", f"result = argmin A{text}", A.argmin(axis=axis), exact=True)
        case(f"argmax{text}", f"result = argmax A{text}", A.argmax(axis=axis), exact=True)
        case(f"any{text}", f"result = any (A > 1){text}", (A > 1).any(axis=axis), exact=True)
        case(f"all{text}", f"result = all (A > -1){text}", (A > -1).all(axis=axis), exact=True)
        for ddof in (0, 1):
            case(f"std{text} ddof={ddof}", f"result = std A{text} ddof={ddof}", A.std(axis=axis, ddof=ddof))
            case(f"var{text} ddof={ddof}", f"result = var A{text} ddof={ddof}", A.var(axis=axis, ddof=ddof))
    # Scans.
    case("cumsum", "result = cumsum A", np.cumsum(A), np.cumsum(aA))
    case("cumsum axis=0", "result = cumsum A axis=0", np.cumsum(A, axis=0), np.cumsum(aA, axis=0))
    case("cumsum axis=1", "result = cumsum A axis=1", np.cumsum(A, axis=1), np.cumsum(aA, axis=1))
    case("cumprod", "result = cumprod v", np.cumprod(v))
    case("cumprod axis=1", "result = cumprod A axis=1", np.cumprod(A, axis=1))
    # Sorting.
    case("sort", "result = sort A", np.sort(A, kind="stable"))
    case("sort axis=0", "result = sort A axis=0", np.sort(A, axis=0, kind="stable"))
    case("argsort", "result = argsort A", np.argsort(A, kind="stable"), exact=True)
    case("argsort axis=0", "result = argsort A axis=0", np.argsort(A, axis=0, kind="stable"), exact=True)
    case("argsort of ties", "result = argsort (tensor [2, 1, 2, 1, 0])", np.argsort([2, 1, 2, 1, 0], kind="stable"), exact=True)
    case("unique", "result = unique (round A digits=0)", np.unique(np.round(A)))
    case("gather by argsort", "result = v[argsort v]", v[np.argsort(v, kind="stable")])
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=DEFAULT_OUT)
    args = parser.parse_args()
    inputs = make_inputs()
    doc = {
        "numpy": np.__version__,
        "seed": SEED,
        "inputs": [{"name": k, "shape": list(v.shape), "values": [f32_number(e) for e in v.reshape(-1)]} for k, v in inputs.items()],
        "cases": [
            {
                "name": name,
                "code": code,
                "shape": list(value.shape),
                "values": [float(e) for e in value.reshape(-1)],
                "scale": [float(e) for e in scale.reshape(-1)],
                "exact": exact,
            }
            for name, code, value, scale, exact in cases(inputs)
        ],
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    # One input or case per line: small diffs when a case is added.
    line = lambda item: json.dumps(item, separators=(", ", ": "))  # noqa: E731
    text = "{\n" + f' "numpy": {json.dumps(doc["numpy"])},\n "seed": {SEED},\n'
    text += ' "inputs": [\n  ' + ",\n  ".join(line(i) for i in doc["inputs"]) + "\n ],\n"
    text += ' "cases": [\n  ' + ",\n  ".join(line(c) for c in doc["cases"]) + "\n ]\n}\n"
    assert json.loads(text) == doc
    with open(args.out, "w") as f:
        f.write(text)
    print(f"wrote {len(doc['cases'])} cases to {args.out}")


if __name__ == "__main__":
    main()
