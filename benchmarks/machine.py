"""What a benchmark table says about where it was measured: the CPU's name and the commit (imported by the runners
of benchmarks/arrays, linalg and autodiff)."""
import platform
import subprocess


def cpu() -> str:
    """The CPU's model name from /proc/cpuinfo (or what Python knows)."""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def commit() -> str:
    """The short hash of the checked-out commit."""
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    except Exception:
        return "unknown"
