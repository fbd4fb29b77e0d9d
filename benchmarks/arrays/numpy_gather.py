#!/usr/bin/env python3
"""numpy's side of benchmarks/arrays/run.sh: the same gathers timed with timeit, one JSON line.

* rows_ms: x[p] for a 1,000,000×16 float32 matrix and a random permutation p of its rows (int64), milliseconds,
  best of 7 repeats of 3; rows_take_ms the same with np.take(x, p, axis=0).
* items_ms: v[p] for a float32 vector of 1,000,000 elements.
* rows_gbps: bytes read and written by the row gather (2 × 64 MB, the index not counted) / rows_ms.
"""
import json
import timeit

import numpy as np


def best(stmt, number=3, repeat=7):
    return min(timeit.repeat(stmt, number=number, repeat=repeat)) / number


rng = np.random.default_rng(0)
x = rng.standard_normal((1_000_000, 16)).astype(np.float32)
v = rng.standard_normal(1_000_000).astype(np.float32)
p = rng.permutation(1_000_000)
rows = best(lambda: x[p])
print(json.dumps({
    "numpy_version": np.__version__,
    "rows_ms": rows * 1e3,
    "rows_take_ms": best(lambda: np.take(x, p, axis=0)) * 1e3,
    "items_ms": best(lambda: v[p]) * 1e3,
    "rows_gbps": 2 * x.nbytes / rows / 1e9,
}, sort_keys=True))
