"""Shared by the tracker benchmarks: the machine they ran on, number formatting, temporary stores, docs/benchmarks.md."""
from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench_tracker:begin -->", "<!-- bench_tracker:end -->"
PG_URL = os.environ.get("CHIDAO_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def num(value: float, decimals: int = 1) -> str:
    """``1234.5`` -> ``1.234,5`` (Vietnamese grouping: dot for thousands, comma for decimals)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def percentile(values: list[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def median(values: list[float]) -> float:
    return statistics.median(values)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def pg_version() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_URL.replace("+psycopg", ""), connect_timeout=3) as conn:
            return conn.execute("SHOW server_version").fetchone()[0]
    except Exception as exc:  # noqa: BLE001 - any failure means: no PostgreSQL numbers, and say why
        print(f"PostgreSQL not reachable at {PG_URL}: {exc.__class__.__name__}; its numbers are skipped",
              file=sys.stderr)
        return None


def machine() -> dict[str, str]:
    import sqlalchemy

    return {
        "cores": str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()),
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": pg_version() or "not reachable",
        "sqlalchemy": sqlalchemy.__version__,
        "os": f"{platform.system()} {platform.release()}",
    }


def machine_lines(info: dict[str, str], load_before: str, load_after: str) -> list[str]:
    return [
        f"Machine: {info['cores']} cores, {info['cpu']}; {info['os']}; Python {info['python']}, "
        f"SQLite {info['sqlite']}, PostgreSQL {info['postgresql']}, SQLAlchemy {info['sqlalchemy']}. "
        f"Load average (1, 5, 15 min) before: {load_before}, after: {load_after} "
        "(other work on the machine shares its cores).",
    ]


@contextmanager
def temp_store(backend: str, tmp: Path) -> Iterator[object]:
    """A migrated empty store: a SQLite file under ``tmp``, or a new PostgreSQL schema dropped afterwards."""
    from chidao.storage import Store

    if backend == "sqlite":
        store = Store.open(f"sqlite:///{tmp / f'bench_{uuid.uuid4().hex[:8]}.db'}")
        try:
            yield store
        finally:
            store.close()
        return
    import psycopg

    raw = PG_URL.replace("+psycopg", "")
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        store = Store.open(PG_URL, schema=schema)
        try:
            yield store
        finally:
            store.close()
    finally:
        with psycopg.connect(raw, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def temp_dir() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="chidao_bench_")


def write_part(part: str, lines: list[str]) -> None:
    """Replace the ``part`` block inside the tracker section of docs/benchmarks.md (created if missing).

    Only the text between this section's markers is touched; other sections stay as they are.
    """
    inner_begin, inner_end = f"<!-- bench_tracker:{part}:begin -->", f"<!-- bench_tracker:{part}:end -->"
    block = "\n".join([inner_begin, *lines, inner_end])
    text = OUT.read_text(encoding="utf-8") if OUT.exists() else "# Benchmarks\n"
    if BEGIN not in text or END not in text:
        header = ["## Tracker: ingest and task queries", "",
                  "Written by `bench/bench_ingest.py` and `bench/bench_tasks.py` (`make bench`); "
                  "do not edit by hand between the markers.", ""]
        text = text.rstrip("\n") + "\n\n" + BEGIN + "\n" + "\n".join(header) + "\n" + END + "\n"
    head, rest = text.split(BEGIN, 1)
    section, tail = rest.split(END, 1)
    if inner_begin in section and inner_end in section:
        before, after = section.split(inner_begin, 1)
        section = before + block + after.split(inner_end, 1)[1]
    elif part == "ingest" and "<!-- bench_tracker:tasks:begin -->" in section:   # ingest comes first
        before, after = section.split("<!-- bench_tracker:tasks:begin -->", 1)
        section = before + block + "\n\n<!-- bench_tracker:tasks:begin -->" + after
    else:
        section = section.rstrip("\n") + "\n\n" + block + "\n"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(head + BEGIN + section + END + tail, encoding="utf-8")
