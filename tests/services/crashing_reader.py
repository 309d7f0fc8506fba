"""A worker function for tests/services/test_ingest_jobs.py, in a module light to import in a new process."""
from __future__ import annotations

import os
from pathlib import Path

from chidao import ingest_workers as workers


def die_on_crash_files(path: str, *args) -> workers.Prepared | workers.Failure:  # noqa: ANN002
    """A reader that kills its process on files named ``crash*`` (as a native library bug would)."""
    if Path(path).name.startswith("crash"):
        os._exit(3)
    return workers.read_and_extract(path, *args)


def refuse_to_start() -> None:
    """A worker initializer that fails: no worker can start."""
    raise RuntimeError("no worker here")
