"""Work done once per test run, however many pytest-xdist workers share it.

`make test` runs the suite in parallel workers (pytest-xdist, `--dist loadfile`:
a test file stays in one worker). A session fixture runs once per worker, so an
expensive one (a site build, the printed PDFs) goes through :func:`once`: the
first worker to ask does the work under a file lock in the run's shared temporary
folder and saves the result; the others wait for the lock and read it back.
Without xdist (`pytest tests/unit/...`) it is a plain call."""
from __future__ import annotations

import fcntl
import os
import pickle
import shutil
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")


def shared_folder(tmp_path_factory) -> Path:
    """The temporary folder every worker of this run sees (the workers' own
    folders are its children)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def once(tmp_path_factory, name: str, make: Callable[[Path], T]) -> T:
    """``make(folder)``'s result, made once per test run in ``<shared>/<name>/``.

    The result must pickle (a path, a finished process, a dict of PDF bytes).
    When ``make`` raises, nothing is saved: the next worker that asks tries again
    and meets the same failure, so each worker's tests report it."""
    root = shared_folder(tmp_path_factory)
    folder, saved = root / name, root / f"{name}.pickle"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if saved.exists():
            return pickle.loads(saved.read_bytes())
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        value = make(folder)
        saved.write_bytes(pickle.dumps(value))
        return value
