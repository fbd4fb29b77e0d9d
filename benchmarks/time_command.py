#!/usr/bin/env python3
"""Runs a command (its output discarded) and prints one JSON line: wall seconds and the child's peak RSS.

Used by benchmarks/run to time `sps benchmarks/case_study.sps`, the case study written as an sps script.
"""
import json
import resource
import subprocess
import sys
import time

start = time.perf_counter()
status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
seconds = time.perf_counter() - start
if status != 0:
    print(json.dumps({"error": f"exit {status}"}))
    sys.exit(status)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
print(json.dumps({"benchmark": "case-study-script", "seconds": seconds, "peak_rss_mb": peak}))
