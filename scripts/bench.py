#!/usr/bin/env python3
"""Build benchmark for the manual (`make bench`). Not a test: it prints timings.

(a) Render-step cost: builds the real manual N times as `mkdocs build` in the
    project does (the permanency plugin runs the render step, then MkDocs), then
    N times MkDocs alone on the tree `python -m permanency render` wrote once.
    Prints the medians and their ratio (target <= 1.25).
(b) Scale: clones every kind of record in data/ (programs, behaviors, sources,
    change-log entries, and any kind model.KINDS gains) to 1x, 10x and 50x,
    checks the copy validates, builds each, and prints time and growth per
    record (target: 10x the data within 11x the time).
(c) Edit-to-refresh: runs `mkdocs serve` on a free localhost port, edits one
    program's summary, and polls the served page until the new text appears
    (target <= 2 s); then shows that edits under docs/ and permanency/ also
    trigger a rebuild. Every edit is made in a temporary copy; the real files are
    never touched.

Everything runs in one temporary folder, deleted at the end. Timings are for the
whole `mkdocs build` command (start-up included): wall clock, as a person running
it waits; CPU time of the build process, steadier when other work shares the
machine; and MkDocs' own "built in" figure.
"""
from __future__ import annotations

import argparse
import copy
import functools
import os
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from permanency.errors import DataErrors  # noqa: E402
from permanency.local_site import site_path  # noqa: E402
from permanency.model import KIND_BY_NAME, KINDS, load  # noqa: E402

PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")


# ----------------------------------------------------------------------- helpers
def project_copy(dest: Path, data: Path = ROOT / "data", real: tuple[str, ...] = ()) -> Path:
    """A copy of the manual in ``dest``: data/ copied, the rest linked (or copied
    when named in ``real``), so edits and extra config files stay in ``dest``."""
    dest.mkdir(parents=True)
    shutil.copytree(data, dest / "data")
    for name in ("docs", "overrides", "permanency", "mkdocs.yml"):
        if name in real:
            (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, dest / name)
        else:
            os.symlink(ROOT / name, dest / name)
    return dest


def build(config: Path, site: Path) -> tuple[float, float, float]:
    """One `mkdocs build --strict`: (wall seconds, CPU seconds, MkDocs' own
    "built in" seconds). CPU time (user + system of the build process) is the
    steadier figure on a busy machine. Fails on an error or a warning."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [PYTHON, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        cwd=config.parent, capture_output=True, text=True, env=ENV,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0 or "WARNING" in result.stderr:
        sys.exit(f"build of {config} failed or warned:\n{result.stderr}")
    match = BUILT_IN.search(result.stderr)
    return wall, cpu, float(match.group(1)) if match else float("nan")


def median(values: list[float]) -> float:
    return statistics.median(values)


def row(*cells) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


# ------------------------------------------------- (a) render step, then MkDocs
def rendered_project(work: Path) -> tuple[Path, Path]:
    """(config of the real manual in a copy, config of the tree the render step
    wrote from it)."""
    project = project_copy(work / "real")
    result = subprocess.run([PYTHON, "-m", "permanency", "render", "--out", str(work / "rendered")],
                            cwd=project, capture_output=True, text=True, env=ENV)
    if result.returncode != 0:
        sys.exit(f"the render step failed:\n{result.stderr}")
    return project / "mkdocs.yml", work / "rendered" / "mkdocs.yml"


def bench_render(work: Path, runs: int) -> dict:
    real, plain = rendered_project(work / "a")
    timings = {"real": [], "plain": []}
    for i in range(runs):  # interleaved, so a busy moment hits both alike
        timings["real"].append(build(real, work / "a" / "site-real"))
        timings["plain"].append(build(plain, work / "a" / "site-plain"))
    real_pages = sorted(p.relative_to(work / "a" / "site-real").as_posix() for p in (work / "a" / "site-real").rglob("*.html"))
    plain_pages = sorted(p.relative_to(work / "a" / "site-plain").as_posix() for p in (work / "a" / "site-plain").rglob("*.html"))
    if real_pages != plain_pages:
        sys.exit(f"the rendered tree's build made different pages: {set(real_pages) ^ set(plain_pages)}")
    out = {}
    for key, values in timings.items():
        out[key] = {"wall": median([w for w, _, _ in values]), "cpu": median([c for _, c, _ in values]),
                    "built_in": median([b for _, _, b in values]),
                    "all_wall": [round(w, 2) for w, _, _ in values]}
    out["pages"] = len(real_pages)
    return out


# -------------------------------------------------------------- (b) data scale
def scaled_data(dest: Path, factor: int) -> tuple[int, list[str]]:
    """Write data/ scaled ``factor`` times into ``dest`` by cloning every record
    of every kind in model.KINDS with a new id (one-file-per-record kinds,
    collections, change-log entries), keeping the copy valid: a kind whose clones
    break a validation rule (say, a name that must be unique) is left at 1x and
    reported. Returns (records and change-log entries held, notes)."""
    shutil.copytree(ROOT / "data", dest)
    notes = []
    for kind in KINDS:
        if kind.pattern is None:  # nested in another kind's records: cloned with them
            continue
        before = {p: p.read_bytes() for p in dest.glob(kind.pattern)}
        if not before:
            continue
        _scale_kind(dest, kind, factor)
        try:
            load(dest, ROOT / "docs")
        except DataErrors as exc:
            for path in dest.glob(kind.pattern):
                if path not in before:
                    path.unlink()
            for path, content in before.items():
                path.write_bytes(content)
            notes.append(f"{kind.name}: left at 1x, its clones do not validate ({exc.errors[0]})")
    manual = load(dest, ROOT / "docs")  # the synthetic data validates
    count = sum(len(records) for records in manual.records.values())
    count += len(manual.meta.get("changelog", []))
    return count, notes


def _scale_kind(dest: Path, kind, factor: int) -> None:
    paths = sorted(dest.glob(kind.pattern))
    dump = lambda doc: yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)  # noqa: E731
    if kind.singleton:  # the manual itself: its change log grows
        for path in paths:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
            entries = doc.get("changelog") if isinstance(doc, dict) else None
            if isinstance(entries, list):
                real = copy.deepcopy(entries)
                for k in range(2, factor + 1):
                    entries += [dict(copy.deepcopy(e), version=f"0.{k}.{i}") for i, e in enumerate(real)]
                path.write_text(dump(doc), encoding="utf-8")
        return
    if kind.collection:
        for path in paths:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
            items = doc[kind.collection]
            real = copy.deepcopy(items)
            for k in range(2, factor + 1):
                items += [_clone(item, k, kind) for item in real]
            path.write_text(dump(doc), encoding="utf-8")
        return
    numbered = "number" in yaml.safe_load(paths[0].read_text(encoding="utf-8"))
    next_number = len(paths) + 1
    for k in range(2, factor + 1):
        for path in paths:
            record = _clone(yaml.safe_load(path.read_text(encoding="utf-8")), k, kind)
            if numbered:
                record["number"] = next_number
                name = f"{next_number:02d}-{record['id']}.yml"
                next_number += 1
            else:
                name = f"{record['id']}.yml"
            (path.parent / name).write_text(dump(record), encoding="utf-8")


def _clone(record: dict, k: int, kind=None) -> dict:
    """A copy of ``record`` with new ids: its own and those of the records nested
    in it (a phase's questions, a category's options), which are unique per kind."""
    clone = copy.deepcopy(record)
    _rename(clone, k, kind)
    for name in ONCE_PER_MANUAL:
        clone.pop(name, None)
    _unique_facts(clone, k)
    _own_copy_of_bank(clone, k)
    return clone


# A worksheet section that names no records shows a whole bank: every question
# in phase order, every practice behavior. In copy k, such a section names copy
# k's records, so a cloned worksheet is the size of its original. Left to show
# the whole bank, each of the 50 copies of a sheet would list the 50-times bank
# and the 50x data would hold about 107 times the Markdown of 1x, not 50 times
# (measured on 2026-12-01 with `python -m permanency render`).
WHOLE_BANK = (  # (section kind, the fields that name records, the field to fill, the kind it names)
    ("questions", ("phases", "questions"), "phases", "phase"),
    ("behaviors", ("behaviors",), "behaviors", "behavior"),
)


def _own_copy_of_bank(record: dict, k: int) -> None:
    for section in record.get("sections") or []:
        for section_kind, naming, field, kind in WHOLE_BANK:
            if section.get("kind") == section_kind and not any(section.get(name) for name in naming):
                section[field] = [f"{rid}-x{k}" for rid in _real_ids(kind)]


@functools.cache
def _real_ids(kind: str) -> tuple[str, ...]:
    """The ids of the manual's own records of ``kind``, in order."""
    return tuple(load(ROOT / "data", ROOT / "docs").records[kind])


# Fields whose items are counted across all records of a kind and must stay in a
# range: a module's course-test items (15 to 20 per form in the whole course).
# Clones leave them out, so cloned modules validate and the course stays one test.
ONCE_PER_MANUAL = ("course_test",)


def _unique_facts(value, k: int) -> None:
    """A question's ``fact`` is tested once in the whole course: clones test their own."""
    if isinstance(value, dict):
        if isinstance(value.get("fact"), str):
            value["fact"] = f"{value['fact']}-x{k}"
        for item in value.values():
            _unique_facts(item, k)
    elif isinstance(value, list):
        for item in value:
            _unique_facts(item, k)


def _rename(record: dict, k: int, kind) -> None:
    if "id" in record:
        record["id"] = f"{record['id']}-x{k}"
    for field in ("name", "short_name", "title", "short_title"):
        if isinstance(record.get(field), str):
            record[field] = f"{record[field]} (synthetic copy {k})"
    # glossary terms and their other spellings are unique words: CCR becomes CCRX2
    if isinstance(record.get("term"), str):
        record["term"] = f"{record['term']}X{k}"
    if isinstance(record.get("forms"), list):
        record["forms"] = [f"{form}X{k}" if isinstance(form, str) else form for form in record["forms"]]
    for field, child in (kind.children if kind else ()):
        for item in record.get(field) or []:
            if isinstance(item, dict):
                _rename(item, k, KIND_BY_NAME.get(child))


def bench_scale(work: Path, factors: list[int], runs: int) -> list[dict]:
    results = []
    for factor in factors:
        base = work / "b" / f"x{factor}"
        base.mkdir(parents=True)
        records, notes = scaled_data(base / "data-scaled", factor)
        project = project_copy(base / "project", data=base / "data-scaled")
        timings = [build(project / "mkdocs.yml", base / "site") for _ in range(runs if factor <= 10 else 1)]
        pages = sum(1 for _ in (base / "site").rglob("*.html"))
        results.append({"factor": factor, "records": records, "pages": pages, "notes": notes,
                        "wall": median([w for w, _, _ in timings]), "cpu": median([c for _, c, _ in timings]),
                        "built_in": median([b for _, _, b in timings])})
        shutil.rmtree(base / "site")
    return results


# ------------------------------------------------------------ (c) edit-to-refresh
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(predicate, timeout: float, step: float = 0.05) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate():
            return time.perf_counter() - start
        time.sleep(step)
    return None


RELOADED = "Reloading browsers"  # mkdocs serve's line after each rebuild


def bench_serve(work: Path, edits: int) -> dict:
    project = project_copy(work / "c", real=("docs", "permanency"))
    program = sorted((project / "data" / "programs").glob("*.yml"))[0]
    original = program.read_bytes()
    port = free_port()
    log_path = work / "serve.log"
    log = open(log_path, "w+", encoding="utf-8")
    server = subprocess.Popen(
        [PYTHON, "-m", "mkdocs", "serve", "--strict", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, env=ENV, start_new_session=True,
    )
    result: dict = {"refresh": [], "watch": "", "rebuilds": {}}
    try:
        record = yaml.safe_load(original)
        url = f"http://127.0.0.1:{port}{site_path(ROOT / 'mkdocs.yml')}programs/{record['id']}.html"
        if wait_for(lambda: record["summary"].split()[0] in fetch(url), timeout=120) is None:
            sys.exit(f"mkdocs serve did not come up:\n{log_path.read_text()}")
        log.flush()
        watch = re.search(r"Watching paths for changes: (.*)", log_path.read_text(encoding="utf-8"))
        result["watch"] = watch.group(1) if watch else "(not logged)"
        for i in range(edits):
            marker = f"Benchmark edit {i + 1} {time.time_ns()}"
            edited = dict(record, summary=f"{record['summary']} {marker}")
            time.sleep(0.6)  # let the watcher settle after the previous rebuild
            start = time.perf_counter()
            program.write_text(yaml.safe_dump(edited, sort_keys=False, allow_unicode=True), encoding="utf-8")
            seen = wait_for(lambda: marker in fetch(url), timeout=60)
            result["refresh"].append(round(time.perf_counter() - start, 2) if seen is not None else float("inf"))
        program.write_bytes(original)
        wait_for(lambda: "Benchmark edit" not in fetch(url), timeout=60)
        def reloads() -> int:
            return log_path.read_text(encoding="utf-8").count(RELOADED)

        # other watched folders: a change there rebuilds too (the log says so:
        # "Reloading browsers" ends every rebuild; MkDocs' own "Documentation
        # built in" line is missing from some rebuilds' output under serve)
        for label, path in (("docs/", project / "docs" / "glossary.md"),
                            ("permanency/", project / "permanency" / "templates" / "components" / "program-page.md.j2")):
            time.sleep(0.6)
            before = reloads()
            saved = path.read_bytes()
            start = time.perf_counter()
            path.write_bytes(saved + b"\n")
            took = wait_for(lambda: reloads() > before, timeout=60)
            path.write_bytes(saved)
            wait_for(lambda: reloads() > before + 1, timeout=60)  # the undo's rebuild, before the next edit
            result["rebuilds"][label] = round(took, 2) if took is not None else None
            if took is None:
                print(f"no rebuild seen after an edit under {label}; serve log ends:\n"
                      + "\n".join(log_path.read_text(encoding="utf-8").splitlines()[-15:]), flush=True)
    finally:
        program.write_bytes(original)
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()
    return result


# ----------------------------------------------------------------------- report
def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="builds per variant in (a) (default 5)")
    parser.add_argument("--scale-runs", type=int, default=3, help="builds per scale up to 10x in (b) (default 3)")
    parser.add_argument("--factors", default="1,10,50", help="data scales for (b) (default 1,10,50)")
    parser.add_argument("--edits", type=int, default=3, help="edits timed in (c) (default 3)")
    parser.add_argument("--only", choices=["a", "b", "c"], action="append", help="run only these parts")
    args = parser.parse_args(argv)
    parts = set(args.only or ["a", "b", "c"])
    factors = [int(f) for f in args.factors.split(",")]

    work = Path(tempfile.mkdtemp(prefix="manual-bench-"))
    lines = []
    try:
        print(f"bench: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}, Python {sys.version.split()[0]}",
              flush=True)
        if "a" in parts:
            print(f"(a) {args.runs} builds with the render step and {args.runs} of the rendered tree ...", flush=True)
            a = bench_render(work, args.runs)
            ratio = {k: a["real"][k] / a["plain"][k] for k in ("wall", "cpu", "built_in")}
            lines += [
                f"(a) render step + MkDocs vs MkDocs alone: {a['pages']} pages, median of {args.runs} builds each",
                row("variant", "wall s", "CPU s", "MkDocs 'built in' s", "each wall s"),
                row("---", "---:", "---:", "---:", "---"),
                row("mkdocs build in the project (render step + MkDocs)", f"{a['real']['wall']:.2f}", f"{a['real']['cpu']:.2f}",
                    f"{a['real']['built_in']:.2f}", a["real"]["all_wall"]),
                row("the rendered tree, MkDocs alone", f"{a['plain']['wall']:.2f}", f"{a['plain']['cpu']:.2f}",
                    f"{a['plain']['built_in']:.2f}", a["plain"]["all_wall"]),
                row("ratio (target <= 1.25)", f"{ratio['wall']:.3f} {'OK' if ratio['wall'] <= 1.25 else 'OVER'}",
                    f"{ratio['cpu']:.3f} {'OK' if ratio['cpu'] <= 1.25 else 'OVER'}", f"{ratio['built_in']:.3f}", ""),
                "",
            ]
            print("\n".join(lines[-7:]), flush=True)
        if "b" in parts:
            print(f"(b) scale {factors} ...", flush=True)
            b = bench_scale(work, factors, args.scale_runs)
            base = b[0]
            lines += [
                "(b) data scale (synthetic clones of every record; they validate)",
                row("scale", "records", "pages", "wall s", "CPU s", "'built in' s", "wall vs 1x", "CPU vs 1x",
                    "CPU ms per added record"),
                row("---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"),
            ]
            for r in b:
                growth = ((r["cpu"] - base["cpu"]) / (r["records"] - base["records"]) * 1000
                          if r["records"] != base["records"] else float("nan"))
                lines.append(row(f"{r['factor']}x", r["records"], r["pages"], f"{r['wall']:.2f}", f"{r['cpu']:.2f}",
                                 f"{r['built_in']:.2f}", f"{r['wall'] / base['wall']:.2f}x",
                                 f"{r['cpu'] / base['cpu']:.2f}x", "" if r is base else f"{growth:.1f}"))
            lines += [f"{r['factor']}x: {note}" for r in b for note in r["notes"]]
            ten = next((r for r in b if r["factor"] == 10 * base["factor"]), None)
            if ten:
                lines.append(f"10x data: {ten['wall'] / base['wall']:.2f}x the wall time, "
                             f"{ten['cpu'] / base['cpu']:.2f}x the CPU time (target <= 11x): "
                             f"{'OK' if max(ten['wall'] / base['wall'], ten['cpu'] / base['cpu']) <= 11 else 'OVER'}")
            lines.append("")
            print("\n".join(lines[lines.index("(b) data scale (synthetic clones of every record; they validate)"):]),
                  flush=True)
        if "c" in parts:
            print("(c) mkdocs serve: edit a program's summary, poll the page ...", flush=True)
            c = bench_serve(work, args.edits)
            med = median(c["refresh"])
            lines += [
                "(c) edit-to-refresh under `mkdocs serve`",
                row("measure", "seconds"),
                row("---", "---:"),
                row(f"data/programs/*.yml summary edit -> new text served (median of {len(c['refresh'])})",
                    f"{med:.2f} {'OK' if med <= 2 else 'OVER'} (target <= 2; each: {c['refresh']})"),
            ]
            for label, took in c["rebuilds"].items():
                lines.append(row(f"edit under {label} -> rebuild starts and ends", "not seen" if took is None else f"{took:.2f}"))
            lines.append(f"watched: {c['watch']}")
            print("\n".join(lines[-(len(c['rebuilds']) + 5):]), flush=True)
        print("\nResults\n" + "\n".join(lines))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
