"""Organizations: the bodies a text names, abbreviations folded into one canonical name each."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from chidao.extract.document import Document
from chidao.extract.rules import Rule
from chidao.extract.scan import PhraseStarts
from chidao.lexicon.bodies import body_forms, body_pattern, canonical_body
from chidao.lexicon.names import LOWER, UPPER
from chidao.model import Mention, Organization

NAME = "organizations"
REQUIRES: tuple[str, ...] = ()

_EDGE_R = r"(?![^\W_])"
# "Tỉnh ủy viên" is a title, "Đảng bộ tỉnh Quảng Nam" keeps its body
_NOT_AFTER = re.compile(r"\s+viên(?!\w)")


def _surface(written: str) -> str:
    """A mention as written, in NFC with one space between words."""
    return " ".join(unicodedata.normalize("NFC", written).split())


def _known_span(doc: Document, s: int, e: int) -> tuple[int, int, str] | None:
    if _NOT_AFTER.match(doc.norm, e):
        return None
    canonical = canonical_body(doc.norm[s:e])
    if canonical is None:
        return None
    return s, e, canonical


def _known(doc: Document, m: re.Match[str]) -> tuple[int, int, str] | None:
    return _known_span(doc, m.start(), m.end())


def _department(doc: Document, m: re.Match[str]) -> tuple[int, int, str] | None:
    canonical = canonical_body(m.group(0))
    if canonical is None:
        return None
    return m.start(), m.end(), canonical


@lru_cache(maxsize=1)
def _known_pattern() -> re.Pattern[str]:
    return re.compile(body_pattern(), re.IGNORECASE)


@lru_cache(maxsize=1)
def _known_scan() -> PhraseStarts:
    """``known_body``'s pattern cut by first letter, over ``low`` (``body_pattern`` is one
    case-insensitive trie of the same forms, with the same word edges)."""
    return PhraseStarts(body_forms(), loose=",-&", after=_EDGE_R)


def _hits(doc: Document, rule: Rule) -> Iterator[tuple[int, int, str] | None]:
    """What ``rule.build`` makes of each match of ``rule.pattern.finditer(doc.norm)``; the spans of
    ``known_body`` come from a scan of ``low`` by first letter."""
    if rule.name == "known_body":
        return (_known_span(doc, s, e) for s, e in _known_scan().spans(doc.low))
    return (rule.build(doc, m) for m in rule.pattern.finditer(doc.norm))


def run(doc: Document) -> None:
    found: list[tuple[int, int, str, str]] = []
    for rule in RULES:
        for hit in _hits(doc, rule):
            if hit is not None:
                found.append((*hit, rule.name))
    # longest first at each start; drop what overlaps a kept mention
    found.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, str, str]] = []
    last_end = -1
    for h in found:
        if h[0] >= last_end:
            kept.append(h)
            last_end = h[1]
    groups: dict[str, dict] = {}
    surfaces: dict[str, str] = {}
    for s, e, canonical, rule in kept:
        g = groups.get(canonical)
        if g is None:
            g = groups[canonical] = {"mentions": [], "aliases": [], "rule": rule}
        os_, oe = doc.orig_span(s, e)
        g["mentions"].append(Mention(os_, oe))
        written = doc.text[os_:oe]
        surface = surfaces.get(written)
        if surface is None:
            surface = surfaces[written] = _surface(written)
        if surface not in g["aliases"]:
            g["aliases"].append(surface)
    doc.facts[NAME] = [
        Organization(name=c, mentions=tuple(g["mentions"]), aliases=tuple(g["aliases"]), rule=g["rule"])
        for c, g in groups.items()
    ]


_WORD_UP = rf"[{UPPER}][{LOWER}]*"
_WORD_LOW = rf"[{LOWER}]+"
# a department not in the lexicon: "Sở Du lịch", "Sở Văn hóa, Thể thao và Du lịch" (the word
# edge is checked after "Sở", so that the scan skips from one "Sở" to the next)
_DEPARTMENT = re.compile(
    rf"Sở(?<![^\W_]Sở)\s+{_WORD_UP}(?:\s+{_WORD_LOW})?(?:(?:\s*,\s*|\s+và\s+){_WORD_UP}(?:\s+{_WORD_LOW})?)*{_EDGE_R}"
)

RULES = [
    Rule("known_body", _known_pattern(), _known),
    Rule("department_by_name", _DEPARTMENT, _department),
]

__all__ = ["NAME", "REQUIRES", "RULES", "run"]
