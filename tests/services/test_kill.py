"""An ingest killed with SIGKILL mid-run leaves the store consistent; the next run completes it."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.store_fixtures import PG_URL, pg_unreachable_reason

TEXT = ("THÔNG BÁO KẾT LUẬN số {n}\nThực hiện Kết luận số 2043-KL/TU ngày 05/12/2023, Ban Thường vụ "
        "Tỉnh ủy giao Ủy ban nhân dân tỉnh chỉ đạo hoàn thành trong Quý II/2024. Văn bản {n}.\n")


class _Sqlite:
    def __init__(self, tmp_path: Path) -> None:
        self.db = tmp_path / "k.db"
        self.url = f"sqlite:///{self.db}"

    def query(self, sql: str) -> int | str:
        with sqlite3.connect(self.db, timeout=5) as conn:
            return conn.execute(sql).fetchone()[0]


class _Postgres:
    """A new schema, reached through the URL's search_path (the CLI has no schema option)."""

    def __init__(self, schema: str) -> None:
        self.schema = schema
        self.url = f"{PG_URL}?options=-csearch_path%3D{schema}"

    def query(self, sql: str) -> int | str:
        import psycopg

        with psycopg.connect(PG_URL.replace("+psycopg", ""), options=f"-csearch_path={self.schema}") as conn:
            return conn.execute(sql).fetchone()[0]


@contextmanager
def _store(backend: str, tmp_path: Path) -> Iterator[_Sqlite | _Postgres]:
    if backend == "sqlite":
        yield _Sqlite(tmp_path)
        return
    reason = pg_unreachable_reason()
    if reason:
        pytest.skip(reason)
    import psycopg

    schema = f"k_{uuid.uuid4().hex[:16]}"
    raw = PG_URL.replace("+psycopg", "")
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield _Postgres(schema)
    finally:
        with psycopg.connect(raw, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _count(store: _Sqlite | _Postgres) -> int:
    try:
        return int(store.query("SELECT count(*) FROM revisions"))
    except Exception:  # noqa: BLE001 - no table yet: nothing stored
        return 0


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (Linux /proc; empty elsewhere)."""
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


def _alive(pids: set[int]) -> set[int]:
    return {p for p in pids if Path(f"/proc/{p}").exists()}


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("backend, jobs", [
    ("sqlite", "1"), ("sqlite", "2"), pytest.param("postgresql", "2", marks=pytest.mark.postgres)])
def test_sigkill_mid_ingest_leaves_a_consistent_store_and_a_rerun_completes_it(tmp_path, backend, jobs):
    folder = tmp_path / "in"
    folder.mkdir()
    n = 30
    for i in range(n):
        (folder / f"{i:03}.txt").write_text(TEXT.format(n=i) * 3, encoding="utf-8")
    with _store(backend, tmp_path) as store:
        env = {**os.environ, "CHIDAO_DATABASE_URL": store.url}
        cmd = [sys.executable, "-m", "chidao", "ingest", "--quiet", "--jobs", jobs, str(folder)]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while _count(store) < 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        workers = _children(proc.pid)
        if jobs != "1" and Path("/proc").is_dir():
            assert workers   # the reading processes run (and must end with the killed ingest)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 20
        while _alive(workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(workers), "worker processes outlived the killed ingest"
        stored = _count(store)
        if stored in (0, n):
            pytest.skip(f"could not kill the ingest mid-run ({stored} of {n} stored)")
        if backend == "sqlite":
            assert store.query("PRAGMA integrity_check") == "ok"
        # every stored revision has its document and its audit entry: nothing half-written
        assert store.query("SELECT count(*) FROM revisions r LEFT JOIN documents d ON d.id = r.document_id "
                           "WHERE d.id IS NULL") == 0
        assert store.query("SELECT count(*) FROM audit_log WHERE action = 'ingest'") == stored
        assert store.query("SELECT count(*) FROM documents") == stored
        rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
        assert rerun.returncode == 0, rerun.stderr
        assert f"không đổi: {stored}" in rerun.stdout
        assert _count(store) == n
