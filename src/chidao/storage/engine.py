"""Engine and session factory for a database URL, and Alembic migrations shipped in the package."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from chidao.errors import StorageError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _safe(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparsable URL>"


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 - DBAPI connection
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str, *, schema: str | None = None) -> Engine:
    """An engine for ``url``; ``schema`` (PostgreSQL) puts every table in that schema.

    Raises ``StorageError`` with one line when the URL cannot be used; it does not connect.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StorageError(
            f"the database URL {url!r} cannot be read; set CHIDAO_DATABASE_URL to e.g. "
            "sqlite:///chidao.db or postgresql+psycopg://user@host:5432/name") from None
    kwargs: dict = {}
    if parsed.get_backend_name() == "postgresql" and schema:
        kwargs["connect_args"] = {"options": f"-csearch_path={schema}"}
    try:
        engine = create_engine(parsed, **kwargs)
    except (NoSuchModuleError, ImportError):
        raise StorageError(
            f"no database driver for {_safe(url)}; use sqlite:///FILE or postgresql+psycopg://...") from None
    except (ArgumentError, SQLAlchemyError) as exc:
        raise StorageError(f"the database URL {_safe(url)} cannot be used ({exc.__class__.__name__}); "
                           "check CHIDAO_DATABASE_URL") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        if parsed.database and parsed.database != ":memory:":
            @event.listens_for(engine, "connect")
            def _wal(dbapi_conn, _record) -> None:  # noqa: ANN001
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.close()
    return engine


def check_connection(engine: Engine) -> None:
    """Connect once; a wrong or unreachable database becomes one ``StorageError`` line."""
    try:
        with engine.connect():
            pass
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else exc.__class__.__name__
        raise StorageError(f"cannot open the database {_safe(str(engine.url))}: {reason}; "
                           "check CHIDAO_DATABASE_URL and that the server is running") from None
    except SQLAlchemyError as exc:
        raise StorageError(f"cannot open the database {_safe(str(engine.url))} "
                           f"({exc.__class__.__name__}); check CHIDAO_DATABASE_URL") from None


def _alembic_config(connection):  # noqa: ANN001, ANN202
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the shipped migrations up to ``revision``."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def ensure_current(engine: Engine) -> None:
    """Upgrade a store that has no tables yet; refuse one that lags behind the code."""
    check_connection(engine)
    current = current_revision(engine)
    if current == head_revision():
        return
    if current is None:
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
        if not tables:
            upgrade(engine)
            return
    raise StorageError(f"the store is at migration {current or 'none'}, the code needs "
                       f"{head_revision()}; run 'chidao db upgrade' first")


class Store:
    """A database: its engine and a factory of sessions, one transaction each."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._factory = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str, *, schema: str | None = None, migrate: bool = True) -> "Store":
        store = cls(make_engine(url, schema=schema))
        if migrate:
            ensure_current(store.engine)
        return store

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end of the block, or rolled back on error."""
        session = self._factory()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()
