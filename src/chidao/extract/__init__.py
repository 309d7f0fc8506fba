"""Extraction: run the extractors in order over one Document. ``extract(text)`` needs no database."""
from __future__ import annotations

import importlib
from datetime import date

from chidao.extract.document import Document, Source

# Order matters: numbers first, then dates, then the rest. Each module defines NAME, REQUIRES and
# run(doc), which stores its facts as doc.facts[NAME]. A module not yet written is skipped.
PIPELINE = (
    "segments",
    "numbers",
    "dates",
    "document_info",
    "references",
    "organizations",
    "people",
    "meetings",
    "indicators",
    "tasks",
    "shortcomings",
)


def _modules():
    mods = []
    for name in PIPELINE:
        try:
            mods.append(importlib.import_module(f"chidao.extract.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"chidao.extract.{name}":
                raise
    return mods


def extract(text: str, ref_date: date | None = None, source: Source | None = None) -> Document:
    """Read every fact from ``text``; ``ref_date`` dates what lacks a year when the text has no date."""
    doc = Document(text, ref_date=ref_date, source=source)
    for mod in _modules():
        for req in getattr(mod, "REQUIRES", ()):
            if req not in doc.facts:
                raise RuntimeError(f"extractor {mod.NAME} requires {req}, which has not run")
        mod.run(doc)
    return doc


__all__ = ["Document", "Source", "extract", "PIPELINE"]
