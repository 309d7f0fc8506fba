"""Vocabulary for reading people: title heads, surnames, and places that look like names."""
from __future__ import annotations

import re
from functools import lru_cache

from chidao.lexicon import load_tsv, trie_regex
from chidao.text.normalize import normalize

UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"


def _n(s: str) -> str:
    return re.sub(r"\s+", " ", normalize(s).norm).strip()


@lru_cache(maxsize=1)
def title_heads() -> tuple[tuple[str, str | None], ...]:
    """(head as usually written, full form of an abbreviation or None), longest first."""
    rows = [(_n(r[0]), _n(r[1]) if len(r) > 1 and r[1] else None) for r in load_tsv("titles")]
    rows.sort(key=lambda r: -len(r[0]))
    return tuple(rows)


@lru_cache(maxsize=1)
def title_head_regex() -> str:
    """Any title head, longest first (no groups; compile with IGNORECASE). A prefix trie, so
    a position where no title starts costs a character test, not one test per title."""
    return trie_regex(head for head, _full in title_heads())


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Family names, in matching form (``H'`` for Ê Đê names like ``H'Yim``)."""
    return frozenset(_n(r[0]) for r in load_tsv("surnames.txt"))


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Place names that read like personal names, in matching form."""
    return frozenset(_n(r[0]) for r in load_tsv("places.txt"))


__all__ = ["UPPER", "LOWER", "title_heads", "title_head_regex", "surnames", "places"]
