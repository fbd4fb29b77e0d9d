#!/usr/bin/env python3
"""Generate the numpy reference numbers for Tests/SPSNumericTests/LinalgTests.swift.

Run it once with a throw-away virtual environment OUTSIDE the repository that has numpy, e.g.

    python3 -m venv /tmp/venv-la && /tmp/venv-la/bin/pip install numpy
    /tmp/venv-la/bin/python benchmarks/reference/linalg_numpy.py

It writes benchmarks/reference/linalg_numpy.json (committed; the unit test reads it from there).

What it records
---------------
Random inputs in double precision (numpy's default_rng, seed fixed), printed with repr so that the test reads
back exactly the same doubles, and numpy's results for them:

* solve (vector and matrix right-hand sides), inv, det          — numpy.linalg.solve / inv / det
* cholesky (of M Mᵀ + n I)                                       — numpy.linalg.cholesky (lower; unique)
* qr (reduced), svd (reduced), eigh                              — numpy.linalg.qr / svd(full_matrices=False) / eigh,
  with the signs normalized by the rule sps uses, so the factors themselves can be compared:
  qr: diag(R) >= 0; svd: the largest-magnitude entry of each column of U positive (scikit-learn's svd_flip),
  the row of Vᵀ flipped with it; eigh: the largest-magnitude entry of each eigenvector positive
* lstsq (over- and underdetermined, rank-deficient)              — numpy.linalg.lstsq(rcond=None)
* pinv (full rank and rank-deficient)                            — numpy.linalg.pinv (rcond 1e-15)
* norm of vectors (ord 2, 1, inf, -inf, 0, 3, 0.5, -1) and of matrices (fro, nuc, 1, -1, 2, -2, inf, -inf)
* ols (Tests/SPSTrainingTests/LeastSquaresNumpyTests.swift): Float32 features and target (as a Dataset holds
  them), fitted in double precision with and without an intercept (numpy.linalg.lstsq on [X, 1] or X) and as
  ridge regression, scikit-learn's Ridge(alpha) written out: X and y centered when there is an intercept,
  w = solve(XcᵀXc + alpha I, Xcᵀyc), b = mean(y) - mean(X)·w

Matrices are flat lists in row-major order with their sizes. ±inf orders are written as the strings "inf" and
"-inf" (JSON has no infinity).
"""
from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "linalg_numpy.json")
SEED = 20240917


def flat(a) -> list[float]:
    values = [float(x) for x in np.asarray(a, dtype=np.float64).reshape(-1)]
    assert all(np.isfinite(values)), "non-finite value in a reference"
    return values


def qr_normalized(a):
    q, r = np.linalg.qr(a, mode="reduced")
    signs = np.where(np.diag(r) < 0, -1.0, 1.0)
    return q * signs, r * signs[:, None]


def largest_negative(v) -> bool:
    """The sps rule: is the entry of largest magnitude (the first on ties) negative?"""
    best, negative = 0.0, False
    for x in v:
        if abs(x) > best:
            best, negative = abs(x), x < 0
    return negative


def svd_normalized(a):
    u, s, vt = np.linalg.svd(a, full_matrices=False)
    for j in range(u.shape[1]):
        if largest_negative(u[:, j]):
            u[:, j] *= -1
            vt[j, :] *= -1
    return u, s, vt


def eigh_normalized(a):
    w, v = np.linalg.eigh(a)
    for j in range(v.shape[1]):
        if largest_negative(v[:, j]):
            v[:, j] *= -1
    return w, v


def order_json(order):
    if isinstance(order, str):
        return order
    if np.isinf(order):
        return "inf" if order > 0 else "-inf"
    return float(order)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=DEFAULT_OUT)
    args = parser.parse_args()
    rng = np.random.default_rng(SEED)
    cases: dict[str, list] = {k: [] for k in
                              ("solve", "inv", "det", "cholesky", "qr", "svd", "eigh", "lstsq", "pinv", "vectorNorm", "matrixNorm",
                               "ols")}

    for n, k in [(1, 1), (3, 1), (10, 1), (10, 3), (50, 1), (50, 4)]:
        a = rng.standard_normal((n, n)) + n ** 0.5 * np.eye(n) * 0.5
        b = rng.standard_normal((n, k))
        x = np.linalg.solve(a, b[:, 0] if k == 1 else b)
        cases["solve"].append({"n": n, "k": k, "a": flat(a), "b": flat(b), "x": flat(x)})

    for n in (1, 2, 5, 10, 30):
        a = rng.standard_normal((n, n)) + np.eye(n)
        cases["inv"].append({"n": n, "a": flat(a), "inverse": flat(np.linalg.inv(a))})
        cases["det"].append({"n": n, "a": flat(a), "det": float(np.linalg.det(a))})

    for n in (1, 4, 10, 40):
        m = rng.standard_normal((n, n))
        a = m @ m.T + n * np.eye(n)
        a = (a + a.T) / 2
        cases["cholesky"].append({"n": n, "a": flat(a), "l": flat(np.linalg.cholesky(a))})

    for rows, cols in [(1, 1), (5, 3), (3, 5), (10, 10), (40, 12)]:
        a = rng.standard_normal((rows, cols))
        q, r = qr_normalized(a)
        cases["qr"].append({"rows": rows, "columns": cols, "a": flat(a), "q": flat(q), "r": flat(r)})
        u, s, vt = svd_normalized(a)
        cases["svd"].append({"rows": rows, "columns": cols, "a": flat(a), "u": flat(u), "s": flat(s), "vt": flat(vt)})

    for n in (1, 3, 8, 25):
        m = rng.standard_normal((n, n))
        a = (m + m.T) / 2
        w, v = eigh_normalized(a)
        cases["eigh"].append({"n": n, "a": flat(a), "values": flat(w), "vectors": flat(v)})

    for name, rows, cols, k, deficient in [("overdetermined", 20, 5, 1, False), ("overdetermined-3rhs", 30, 6, 3, False),
                                           ("underdetermined", 3, 6, 1, False), ("rank-deficient", 12, 4, 2, True)]:
        a = rng.standard_normal((rows, cols))
        if deficient:
            a[:, 3] = a[:, 0] - 2 * a[:, 1]
        b = rng.standard_normal((rows, k))
        x, residuals, rank, s = np.linalg.lstsq(a, b, rcond=None)
        cases["lstsq"].append({"name": name, "rows": rows, "columns": cols, "k": k, "a": flat(a), "b": flat(b),
                               "solution": flat(x), "residuals": flat(residuals), "rank": int(rank), "s": flat(s)})

    for name, rows, cols, deficient in [("tall", 6, 4, False), ("wide", 4, 6, False), ("square", 5, 5, False),
                                        ("rank-deficient", 7, 5, True)]:
        a = rng.standard_normal((rows, cols))
        if deficient:
            a[:, 4] = 3 * a[:, 2] + a[:, 0]
        cases["pinv"].append({"name": name, "rows": rows, "columns": cols, "a": flat(a), "pinv": flat(np.linalg.pinv(a))})

    for n in (1, 7, 100):
        x = rng.standard_normal(n) * 10
        if n > 1:
            x[1] = 0.0  # a zero entry for ord=0 (count of non-zeros)
        for order in (2, 1, np.inf, -np.inf, 0, 3, 0.5):
            cases["vectorNorm"].append({"x": flat(x), "order": order_json(order), "norm": float(np.linalg.norm(x, ord=order))})
        if n > 1:
            y = x.copy()
            y[1] = 1.5
            cases["vectorNorm"].append({"x": flat(y), "order": -1.0, "norm": float(np.linalg.norm(y, ord=-1))})

    for rows, cols in [(1, 1), (4, 4), (6, 3), (3, 7)]:
        a = rng.standard_normal((rows, cols))
        for order in ("fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf):
            cases["matrixNorm"].append({"rows": rows, "columns": cols, "a": flat(a), "order": order_json(order),
                                        "norm": float(np.linalg.norm(a, ord=order))})

    for rows, cols in [(40, 3), (200, 5)]:
        x = (rng.standard_normal((rows, cols)) * [1.0, 3.0, 0.5, 2.0, 1.5][:cols] + 2).astype(np.float32)
        y = (x.astype(np.float64) @ rng.standard_normal(cols) + 3 + rng.standard_normal(rows)).astype(np.float32)
        xd, yd = x.astype(np.float64), y.astype(np.float64)
        for intercept in (True, False):
            for alpha in (0.0, 0.5, 25.0):
                if alpha == 0:
                    design = np.hstack([xd, np.ones((rows, 1))]) if intercept else xd
                    beta = np.linalg.lstsq(design, yd, rcond=None)[0]
                    w, b = beta[:cols], (beta[cols] if intercept else 0.0)
                else:
                    xm, ym = (xd.mean(axis=0), yd.mean()) if intercept else (np.zeros(cols), 0.0)
                    xc, yc = xd - xm, yd - ym
                    w = np.linalg.solve(xc.T @ xc + alpha * np.eye(cols), xc.T @ yc)
                    b = ym - xm @ w
                cases["ols"].append({"rows": rows, "columns": cols, "intercept": intercept, "l2": alpha,
                                     "x": flat(x), "y": flat(y), "weights": flat(w), "bias": float(b)})

    out = {
        "generator": "benchmarks/reference/linalg_numpy.py",
        "numpy_version": np.__version__,
        "seed": SEED,
        "layout": "row-major flat lists; sizes beside them",
        "cases": cases,
    }
    with open(args.out + ".tmp", "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    os.replace(args.out + ".tmp", args.out)
    print(f"wrote {args.out}: " + ", ".join(f"{k} {len(v)}" for k, v in cases.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
