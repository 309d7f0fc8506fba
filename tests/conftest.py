"""Shared fixtures: the seed corpus beside the project, and pinned reference dates."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
GOLD = ROOT.parent / "shared" / "spec" / "gold"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS}")
    return SEEDS


def seed_text(name_prefix: str) -> str:
    """The text of the seed whose file name starts with ``name_prefix`` (e.g. "004")."""
    (path,) = sorted(SEEDS.glob(f"{name_prefix}_*.txt"))
    return path.read_text(encoding="utf-8")
