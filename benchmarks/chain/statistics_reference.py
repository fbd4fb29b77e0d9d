"""Reference numbers for sps's statistics commands (betainc, tcdf, fcdf, ttest, ftest) from scipy.

Run once in a throw-away virtual environment (outside the repository):
    python -m venv /tmp/venv-scipy && /tmp/venv-scipy/bin/pip install scipy
    /tmp/venv-scipy/bin/python benchmarks/chain/statistics_reference.py > benchmarks/chain/statistics_reference.json
Tests/SPSLanguageTests/HypothesisTestTests.swift compares sps with these numbers. Samples are rounded to Float32 (what
an sps tensor holds) before scipy sees them, and scipy computes in float64.
"""
import json

import numpy as np
import scipy
from scipy import special, stats

rng = np.random.default_rng(2019)


def f32(xs):
    return [float(v) for v in np.asarray(xs, dtype=np.float32).astype(np.float64)]


cases = {"scipy": scipy.__version__, "betainc": [], "tcdf": [], "fcdf": [], "fsf": [], "samples": []}

for a, b, x in [(2, 3, 0.4), (0.5, 0.5, 0.3), (0.5, 0.5, 0.999), (1, 1, 0.25), (10, 20, 0.1), (10, 20, 0.6),
                (1500, 0.5, 0.999), (1500, 0.5, 0.98), (0.1, 7.5, 1e-6), (200, 300, 0.4), (200, 300, 0.45),
                (5, 2, 0.0), (5, 2, 1.0), (1000, 1000, 0.5), (3.5, 0.5, 0.9999)]:
    cases["betainc"].append({"a": a, "b": b, "x": x, "value": float(special.betainc(a, b, x))})

for t, df in [(2.0, 10), (-2.0, 10), (0.0, 5), (1.5, 2.5), (-40.0, 3), (12.0, 1998.7), (-3.1, 2998), (0.01, 1), (7.0, 60)]:
    cases["tcdf"].append({"t": t, "df": df, "value": float(stats.t.cdf(t, df))})

for x, dfn, dfd in [(1.5, 9, 14), (0.2, 3, 7), (1.0, 999, 1999), (1.2, 999, 1999), (0.8, 999, 1999), (30.0, 4, 5),
                    (1e-4, 2, 2), (2.5, 1, 1), (1.05, 2999, 999)]:
    cases["fcdf"].append({"x": x, "dfn": dfn, "dfd": dfd, "value": float(stats.f.cdf(x, dfn, dfd))})
    cases["fsf"].append({"x": x, "dfn": dfn, "dfd": dfd, "value": float(stats.f.sf(x, dfn, dfd))})

samples = [
    (rng.normal(0, 1, 5), rng.normal(0.5, 2, 6)),
    (rng.normal(0, 1, 30), rng.normal(0, 1, 40)),
    (rng.normal(0, 1, 1000), rng.normal(0.1, 1.3, 2000)),
    (rng.normal(0, 0.8, 200), rng.normal(0, 1, 300)),
    (rng.normal(0, 0.2, 100), rng.normal(0, 5, 100)),
    (rng.normal(3, 1, 50), rng.normal(0, 1, 50)),
    (rng.normal(0, 1, 2), rng.normal(1, 1, 3)),
]
for a, b in samples:
    a, b = f32(a), f32(b)
    welch = stats.ttest_ind(a, b, equal_var=False)
    student = stats.ttest_ind(a, b, equal_var=True)
    va, vb = np.var(a, ddof=1), np.var(b, ddof=1)
    ratio = va / vb
    dfn, dfd = len(a) - 1, len(b) - 1
    # The IRM paper's ICP: pvalue_var1 = 1 - f.cdf(ratio); pvalue_var2 = 2 * min(pvalue_var1, 1 - pvalue_var1).
    p = 2 * min(stats.f.cdf(ratio, dfn, dfd), stats.f.sf(ratio, dfn, dfd))
    cases["samples"].append({
        "a": a, "b": b,
        "welch": {"statistic": float(welch.statistic), "pvalue": float(welch.pvalue), "df": float(welch.df)},
        "student": {"statistic": float(student.statistic), "pvalue": float(student.pvalue), "df": float(student.df)},
        "ftest": {"statistic": float(ratio), "pvalue": float(p), "dfn": dfn, "dfd": dfd}})

print(json.dumps(cases, separators=(",", ":")))
