"""The store: migrations from the first table, clear errors for bad URLs, online backup."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import inspect

from chidao import services
from chidao.errors import StorageError
from chidao.storage import Store
from chidao.storage.engine import current_revision, head_revision
from chidao.storage.models import Base


def test_migrations_create_every_table_of_the_models(store):
    tables = set(inspect(store.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert current_revision(store.engine) == head_revision()


@pytest.mark.parametrize("url, words", [
    ("notaurl", "cannot be read"),
    ("foo://x", "no database driver"),
    ("postgresql+psycopg://nobody@127.0.0.1:1/x", "cannot open the database"),
    ("sqlite:////nonexistent-dir/x/y.db", "cannot open the database"),
])
def test_a_wrong_or_unreachable_database_is_one_clear_line(url, words):
    with pytest.raises(StorageError) as info:
        Store.open(url)
    assert words in str(info.value) and "\n" not in str(info.value)


def test_a_store_behind_the_code_asks_for_an_upgrade(tmp_path):
    db = tmp_path / "old.db"
    sqlite3.connect(db).execute("CREATE TABLE something (id INTEGER)").connection.commit()
    with pytest.raises(StorageError, match="chidao db upgrade"):
        Store.open(f"sqlite:///{db}")


def test_sqlite_backup_is_a_working_copy(sqlite_store, tmp_path):
    from factories import extraction, put
    put(sqlite_store, extraction(number="1", symbol="KL/TU"))
    target = tmp_path / "backup.db"
    assert services.backup(sqlite_store, target) is None
    copy = Store.open(f"sqlite:///{target}")
    assert len(services.list_documents(copy)) == 1
    copy.close()


def test_postgresql_backup_gives_the_pg_dump_command(tmp_path):
    from sqlalchemy import create_engine
    store = Store(create_engine("postgresql+psycopg://u@db:5432/chidao"))
    assert services.backup(store, "b.dump") == "pg_dump --format=custom --file='b.dump' 'postgresql://u@db:5432/chidao'"
