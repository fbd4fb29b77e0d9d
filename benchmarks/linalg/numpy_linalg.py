#!/usr/bin/env python3
"""numpy's side of benchmarks/linalg/run.sh: the same operations timed with timeit, one JSON line.

* solve_10_us: np.linalg.solve on a 10×10 float64 system with a vector right-hand side (what sps computes in),
  microseconds per call, best of 7 repeats of 20,000 calls; solve_10_f32_us the same with float32 inputs.
* matmul_1000_ms: a 1000×1000 float32 product (what `a @ c` on sps tensors is), milliseconds, best of 7 × 5;
  matmul_1000_f64_ms in float64.
numpy's own BLAS threads are left as they are (its default); numpy's version and BLAS are recorded.
"""
import json
import timeit

import numpy as np


def best(stmt, number, repeat=7):
    return min(timeit.repeat(stmt, number=number, repeat=repeat)) / number


rng = np.random.default_rng(0)
a = rng.standard_normal((10, 10)) + 4 * np.eye(10)
b = rng.standard_normal(10)
a32, b32 = a.astype(np.float32), b.astype(np.float32)
m = rng.standard_normal((1000, 1000)).astype(np.float32)
n = rng.standard_normal((1000, 1000)).astype(np.float32)
m64, n64 = m.astype(np.float64), n.astype(np.float64)
try:
    blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]["name"]
except Exception:
    blas = "unknown"
print(json.dumps({
    "numpy_version": np.__version__,
    "blas": blas,
    "solve_10_us": best(lambda: np.linalg.solve(a, b), 20000) * 1e6,
    "solve_10_f32_us": best(lambda: np.linalg.solve(a32, b32), 20000) * 1e6,
    "matmul_1000_ms": best(lambda: m @ n, 5) * 1e3,
    "matmul_1000_f64_ms": best(lambda: m64 @ n64, 5) * 1e3,
}, sort_keys=True))
