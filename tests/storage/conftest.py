"""Store fixtures shared by the tracker tests."""
import sys, pathlib
sys.path.insert(0, str(pathlib.Path(__file__).parents[1] / "services"))
from tests.store_fixtures import NOW, TODAY, sqlite_store, store  # noqa: F401,E402
