"""Shared vocabulary: plain TSV/TXT data files beside this module, and a tiny loader for them."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from chidao.errors import ChidaoError


class LexiconError(ChidaoError):
    """A lexicon data file is missing or malformed."""


@lru_cache(maxsize=None)
def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    fname = name if "." in name else f"{name}.tsv"
    try:
        raw = resources.files(__package__).joinpath(fname).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(
            f"lexicon file {fname!r} not found in chidao/lexicon: reinstall chidao or add the file"
        ) from exc
    rows = []
    for line in raw.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(field.strip() for field in line.split("\t")))
    return tuple(rows)


def load_tsv(name: str) -> list[list[str]]:
    """The rows of ``lexicon/NAME.tsv`` (or ``NAME`` with its extension): tab-separated fields,
    stripped; blank lines and lines starting with ``#`` skipped. A ``.txt`` file gives one field a row."""
    return [list(row) for row in _rows(name)]


__all__ = ["LexiconError", "load_tsv"]
