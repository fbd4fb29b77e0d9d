#!/usr/bin/env python3
"""Generate CPython's `random` reference numbers for Tests/SPSNumericTests/RandomTests.swift.

Plain CPython 3.11 (standard library only):

    python3 benchmarks/reference/python_random.py

It writes benchmarks/reference/python_random.json (committed; the unit test reads it from there): for seeds that
cover init_by_array's cases (0, one 32-bit word, a negative seed, two words, the largest 64-bit magnitudes), the
first raw 32-bit outputs (random.getrandbits(32) is one genrand_uint32 call) and the first random() values after
random.seed(seed), printed with repr so the test reads back the exact doubles; and, across the 624-word state
refill, the 620th to 630th random() values.
"""
import json
import os
import random

seeds = [0, 1, 42, 1001, 1019, -5, 2**32 - 1, 2**32, 123456789012345, 2**63 - 1]
cases = []
for seed in seeds:
    random.seed(seed)
    words = [random.getrandbits(32) for _ in range(5)]
    random.seed(seed)
    uniforms = [repr(random.random()) for _ in range(5)]
    random.seed(seed)
    later = [random.random() for _ in range(630)][619:]
    cases.append({"seed": seed, "words": words, "uniforms": uniforms, "later": [repr(x) for x in later]})

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "python_random.json")
with open(out, "w") as f:
    json.dump({"python": "CPython " + ".".join(map(str, __import__("sys").version_info[:3])), "cases": cases}, f, indent=1)
    f.write("\n")
print("wrote", out)
