"""The store: the only package that imports SQLAlchemy; tables, engine, migrations, queries."""
from chidao.storage.engine import Store, check_connection, ensure_current, make_engine, upgrade

__all__ = ["Store", "check_connection", "ensure_current", "make_engine", "upgrade"]
