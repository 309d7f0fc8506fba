"""Stores for tests: a fresh SQLite file per test, and a fresh PostgreSQL schema when one is reachable."""
from __future__ import annotations

import os
import uuid
from datetime import date, datetime
from functools import lru_cache

import pytest

from chidao.storage import Store

PG_URL = os.environ.get("CHIDAO_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
NOW = datetime(2024, 7, 1, 9, 0, 0)
TODAY = date(2024, 7, 1)


@lru_cache(maxsize=1)
def pg_unreachable_reason() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_URL.replace("+psycopg", ""), connect_timeout=2):
            return None
    except Exception as exc:  # noqa: BLE001 - any failure means: skip, and say why
        return f"PostgreSQL not reachable at {PG_URL}: {exc.__class__.__name__}"


def make_store(backend: str, tmp_path) -> tuple[Store, callable]:  # noqa: ANN001
    """A migrated empty store and a function that drops it."""
    if backend == "sqlite":
        store = Store.open(f"sqlite:///{tmp_path / 'test.db'}")
        return store, store.close
    reason = pg_unreachable_reason()
    if reason:
        pytest.skip(reason)
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:16]}"
    raw = PG_URL.replace("+psycopg", "")
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    store = Store.open(PG_URL, schema=schema)

    def drop() -> None:
        store.close()
        with psycopg.connect(raw, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
    return store, drop


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request, tmp_path):  # noqa: ANN001, ANN201
    st, drop = make_store(request.param, tmp_path)
    yield st
    drop()


@pytest.fixture
def sqlite_store(tmp_path):  # noqa: ANN001, ANN201
    st, drop = make_store("sqlite", tmp_path)
    yield st
    drop()
