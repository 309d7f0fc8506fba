"""Store fixtures shared by the tracker tests."""
from tests.store_fixtures import NOW, TODAY, sqlite_store, store  # noqa: F401
