#!/usr/bin/env python3
"""What each layer of the test suite costs (`make bench-tests`). Not a test: it
prints a table.

Runs each layer of tests/layers.py on its own, one after the other, in one
process (no xdist), then the whole suite as `make test` runs it (pytest-xdist
workers), and the same without the gates (`-m "not gate"`). For each run: how many tests passed, the wall time, and the CPU time
the whole machine spent meanwhile (busy core-seconds from /proc/stat: Chromium's
renderer processes are not children a process can count, so only the machine's
total sees them). Read the CPU column on a quiet machine only; the load average
is printed before each run. Each layer that needs the built manual builds it
once (its first row says how long one build takes).
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from layers import LAYERS  # noqa: E402

PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PASSED = re.compile(r"(\d+) passed")


def busy_seconds() -> float:
    """CPU seconds the machine has spent on anything but idling, since boot."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def timed(command: list[str]) -> dict:
    load = os.getloadavg()[0]
    cpu, start = busy_seconds(), time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=ENV)
    wall, cpu = time.perf_counter() - start, busy_seconds() - cpu
    tail = (result.stdout.strip().splitlines() or [""])[-1]
    found = PASSED.search(tail)
    return {"wall": wall, "cpu": cpu, "load": load, "passed": int(found.group(1)) if found else 0,
            "ok": result.returncode == 0, "tail": tail}


def build_once() -> dict:
    """One build of the manual as the tests build it (tests/builds.py)."""
    from builds import render_and_build

    with tempfile.TemporaryDirectory() as tmp:
        load = os.getloadavg()[0]
        cpu, start = busy_seconds(), time.perf_counter()
        result = render_and_build(ROOT, Path(tmp) / "rendered", Path(tmp) / "site")
        return {"wall": time.perf_counter() - start, "cpu": busy_seconds() - cpu, "load": load,
                "ok": result.returncode == 0}


def row(*cells) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", default="auto", help="pytest-xdist workers for the whole run (default auto)")
    parser.add_argument("--only", action="append", choices=[*LAYERS, "build-once", "not-gate", "all"],
                        help="run only these layers (repeatable)")
    args = parser.parse_args(argv)
    wanted = args.only or ["build-once", *LAYERS, "not-gate", "all"]
    print(f"bench-tests: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}, Python {sys.version.split()[0]}",
          flush=True)
    lines = [row("layer", "what it checks", "tests", "wall s", "machine CPU s", "load before"),
             row("---", "---", "---:", "---:", "---:", "---:")]
    failed = []

    def add(name: str, what: str, r: dict) -> None:
        lines.append(row(name, what, r.get("passed", ""), f"{r['wall']:.1f}", f"{r['cpu']:.1f}", f"{r['load']:.2f}"))
        print(lines[-1], flush=True)
        if not r["ok"]:
            failed.append(f"{name}: {r.get('tail', 'failed')}")

    if "build-once" in wanted:
        add("one build", "render step + MkDocs + CSP, as every layer but unit does once", build_once())
    for name, (pytest_args, what) in LAYERS.items():
        if name in wanted:
            add(name, what, timed([PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", *pytest_args]))
    parallel = [PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", args.workers, "--dist", "loadfile"]
    if "not-gate" in wanted:
        add(f"all but the gates (-n {args.workers} -m \"not gate\")", "unit, build and browser, in parallel workers",
            timed([*parallel, "-m", "not gate"]))
    if "all" in wanted:
        add(f"all (make test, -n {args.workers})", "every layer, in parallel workers", timed(parallel))
    print("\nResults\n" + "\n".join(lines))
    if failed:
        print("\nFailed:\n" + "\n".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
