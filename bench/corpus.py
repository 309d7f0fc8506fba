"""The benchmark corpus: the seed texts repeated, each copy varied, to a requested size."""
from __future__ import annotations

from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


def seed_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no seeds found in {SEEDS}")
    return texts


def documents(min_chars: int) -> list[str]:
    """Seed documents, repeated with a varying number so no two copies are identical."""
    base = seed_texts()
    docs: list[str] = []
    total = 0
    i = 0
    while total < min_chars:
        text = base[i % len(base)].replace("2024", str(2000 + i % 30))
        docs.append(text)
        total += len(text)
        i += 1
    return docs
