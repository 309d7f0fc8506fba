"""Vocabulary for reading people: title heads, surnames, and places that look like names."""
from __future__ import annotations

import re
from functools import lru_cache

from chidao.lexicon import load_tsv
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


def title_head_regex() -> str:
    """An alternation of title heads (no groups; compile with IGNORECASE)."""
    alts = []
    for head, _full in title_heads():
        alts.append(r"\s+".join(re.escape(w) for w in head.split(" ")))
    return "(?:" + "|".join(alts) + ")"


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Family names, in matching form (``H'`` for Ê Đê names like ``H'Yim``)."""
    return frozenset(_n(r[0]) for r in load_tsv("surnames.txt"))


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Place names that read like personal names, in matching form."""
    return frozenset(_n(r[0]) for r in load_tsv("places.txt"))


__all__ = ["UPPER", "LOWER", "title_heads", "title_head_regex", "surnames", "places"]
