"""Reading and extraction of the files of an ingest, in worker processes; storing stays with the caller.

``prepared`` yields, for every path and in the order given, what storing needs: the file already
stored (its sha256 is known), a failure with its reason, or the file read and extracted. Up to
``jobs`` processes read and extract ahead of the caller, who stores one document per transaction
as before. A worker that dies (a reader crashing on a damaged file) fails only the file it was
reading: that file is retried alone in a new process, and the batch goes on.

This module imports neither the store nor SQLAlchemy: the workers only read and extract.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from chidao.config import DEFAULT_MAX_BYTES
from chidao.errors import ChidaoError

MAX_DEFAULT_JOBS = 8        # storing is serial: beyond a few readers the store, not extraction, sets the pace
MIN_FILES_FOR_DEFAULT_JOBS = 32   # starting workers takes about a second: by default, only for batches this big
AHEAD_PER_JOB = 4           # files read and extracted ahead of the one being stored, per worker
WORKER_DIED = ("the process reading this file stopped unexpectedly (a damaged file, or not enough memory); "
               "nothing of it was stored")


def default_jobs() -> int:
    """The processes usable by this one (its CPU affinity), at most ``MAX_DEFAULT_JOBS``."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:   # not on Linux
        usable = os.cpu_count() or 1
    return max(1, min(usable, MAX_DEFAULT_JOBS))


class WorkersUnavailable(ChidaoError):
    """The worker processes could not start (the caller falls back to reading in its own process)."""


@dataclass(frozen=True)
class Known:
    """A file whose content the store already holds."""

    sha256: str
    document_id: int
    revision_id: int


@dataclass(frozen=True)
class Failure:
    reason: str


@dataclass(frozen=True)
class Prepared:
    """A file read and extracted, ready to store."""

    path: str
    data: dict[str, Any]            # the chidao.extract/1 dict
    content: bytes                  # the original file
    text: str
    sha256: str
    format: str
    meta: dict[str, Any] = field(default_factory=dict)


def read(path: str | Path, *, encoding: str | None, max_bytes: int) -> Any:
    """``read_path``'s result, or a ``Failure`` saying why the file cannot be read."""
    from chidao.readers import read_path

    try:
        return read_path(path, encoding=encoding, max_bytes=max_bytes)
    except ChidaoError as exc:
        return Failure(str(exc))
    except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the batch; it is reported
        return Failure(f"reading failed ({exc.__class__.__name__}: {exc})")


def extract(result: Any, *, ref_date: date | None) -> Prepared | Failure:
    """The extraction of a read file (``read_path``'s result), or a ``Failure``."""
    from chidao.extract import Source, extract as run

    name = result.path
    try:
        doc = run(result.text, ref_date=ref_date, source=Source(
            path=name, sha256=result.sha256, chars=len(result.text), meta=result.meta))
        data = doc.to_dict()
    except Exception as exc:  # noqa: BLE001 - an extractor bug must not stop the batch; it is reported
        return Failure(f"extraction failed ({exc.__class__.__name__}: {exc})")
    content = result.data or Path(name).read_bytes()
    return Prepared(name, data, content, result.text, result.sha256, result.format, dict(result.meta))


def read_and_extract(path: str, ref_date: date | None, encoding: str | None, max_bytes: int) -> Prepared | Failure:
    """What a worker does with one file."""
    result = read(path, encoding=encoding, max_bytes=max_bytes)
    return result if isinstance(result, Failure) else extract(result, ref_date=ref_date)


def sha256_of(path: str | Path, max_bytes: int) -> str | None:
    """The sha256 of a readable file within the size limit; None for anything else (the reader says why)."""
    try:
        p = Path(path)
        if not p.is_file() or not 0 < p.stat().st_size <= max_bytes:
            return None
        return hashlib.sha256(p.read_bytes()).hexdigest()
    except OSError:
        return None


def _start_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle
    parent = multiprocessing.parent_process()
    if parent is not None:   # a parent killed (SIGKILL) leaves no worker behind
        threading.Thread(target=_exit_when_ready, args=(parent.sentinel,), daemon=True).start()


def _exit_when_ready(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def _pool(jobs: int) -> ProcessPoolExecutor:
    # spawn: a worker starts clean, without the parent's open database connections
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker)


def prepared(paths: Iterable[str | Path], *, jobs: int, known: Callable[[list[str]], dict[str, Known]],
             ref_date: date | None = None, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
             work: Callable[..., Prepared | Failure] = read_and_extract,
             ) -> Iterator[tuple[str, Known | Failure | Prepared]]:
    """``(path, Known | Failure | Prepared)`` for every path, in order; ``jobs`` processes read ahead.

    ``known(sha256s)`` says which contents the store holds already (sha256 -> ``Known``): those
    files are neither read nor extracted. A file stored meanwhile (the same content twice in the
    batch) is the caller's to notice when it stores it. Raises ``WorkersUnavailable`` before the
    first item when no worker can start. ``work(path, ref_date, encoding, max_bytes)`` is what a
    worker does with a file (a module-level function: it is sent to the workers by name).

    The workers are started with ``spawn``, so, as for any such use of multiprocessing, a script
    calling this must keep its top-level code under ``if __name__ == "__main__":``.
    """
    todo = [str(p) for p in paths]
    args = (ref_date, encoding, max_bytes)
    ahead = AHEAD_PER_JOB * jobs
    queue: deque[list[Any]] = deque()          # [path, Known | Failure | Future]
    running = 0                                 # futures in the queue
    nxt = 0
    pool = _pool(jobs)
    started: Future | None = pool.submit(os.getpid)    # the first task: done once a worker runs
    try:
        while nxt < len(todo) or queue:
            if nxt < len(todo) and running <= ahead // 2:
                chunk = todo[nxt:nxt + ahead - running]
                nxt += len(chunk)
                shas = [sha256_of(p, max_bytes) for p in chunk]
                found = known([s for s in shas if s])
                for p, sha in zip(chunk, shas):
                    if sha in found:
                        queue.append([p, found[sha]])
                    else:
                        queue.append([p, pool.submit(work, p, *args)])
                        running += 1
                continue
            if started is not None:   # before the first file is yielded: can workers run at all?
                try:
                    started.result()
                except BrokenProcessPool:   # none could start, or one died on a file meanwhile
                    pool = _restart(pool, jobs)
                    try:
                        pool.submit(os.getpid).result()
                    except BrokenProcessPool as exc:
                        raise WorkersUnavailable(f"the worker processes could not start ({exc})") from None
                    _resubmit_unfinished(pool, queue, work, args)
                started = None
            path, entry = queue.popleft()
            if isinstance(entry, Future):
                running -= 1
                try:
                    entry = entry.result()
                except BrokenProcessPool:
                    entry, pool = _after_worker_died(path, work, args, jobs, pool, queue)
            yield path, entry
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _restart(pool: ProcessPoolExecutor, jobs: int) -> ProcessPoolExecutor:
    pool.shutdown(wait=False, cancel_futures=True)
    return _pool(jobs)


def _resubmit_unfinished(pool: ProcessPoolExecutor, queue: deque[list[Any]], work: Callable[..., Any],
                         args: tuple) -> None:
    """Send the queued files whose worker died (or that never ran) to ``pool``.

    A file sent here may kill its worker at once and break ``pool`` while the rest are being sent:
    those left get a future failed with ``BrokenProcessPool``, which the caller meets in file order
    and handles as any dead worker (the file retried alone, the others sent again)."""
    broken: BrokenProcessPool | None = None
    for entry in queue:
        fut = entry[1]
        if isinstance(fut, Future) and (not fut.done() or fut.cancelled() or fut.exception() is not None):
            if broken is None:
                try:
                    entry[1] = pool.submit(work, entry[0], *args)
                    continue
                except BrokenProcessPool as exc:
                    broken = exc
            failed: Future = Future()
            failed.set_exception(broken)
            entry[1] = failed


def _after_worker_died(path: str, work: Callable[..., Any], args: tuple, jobs: int, pool: ProcessPoolExecutor,
                       queue: deque[list[Any]]) -> tuple[Prepared | Failure, ProcessPoolExecutor]:
    """Retry ``path`` alone in a new pool (a second death fails it), then resubmit the unfinished files."""
    pool = _restart(pool, jobs)
    try:
        result = pool.submit(work, path, *args).result()
    except BrokenProcessPool:
        result = Failure(WORKER_DIED)
        pool = _restart(pool, jobs)
    _resubmit_unfinished(pool, queue, work, args)
    return result, pool
