"""Organizations: the bodies a text names, abbreviations folded into one canonical name each."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from chidao.extract.document import Document
from chidao.extract.rules import Rule
from chidao.lexicon.bodies import body_pattern, canonical_body
from chidao.lexicon.names import LOWER, UPPER
from chidao.model import Mention, Organization

NAME = "organizations"
REQUIRES: tuple[str, ...] = ()

_EDGE_L = r"(?<![^\W_])"
_EDGE_R = r"(?![^\W_])"
# "Tỉnh ủy viên" is a title, "Đảng bộ tỉnh Quảng Nam" keeps its body
_NOT_AFTER = re.compile(r"\s+viên(?!\w)")
_SPACES = re.compile(r"\s+")


def _surface(doc: Document, s: int, e: int) -> str:
    os_, oe = doc.orig_span(s, e)
    return _SPACES.sub(" ", unicodedata.normalize("NFC", doc.text[os_:oe])).strip()


def _known(doc: Document, m: re.Match[str]) -> tuple[int, int, str] | None:
    if _NOT_AFTER.match(doc.norm, m.end()):
        return None
    canonical = canonical_body(m.group(0))
    if canonical is None:
        return None
    return m.start(), m.end(), canonical


def _department(doc: Document, m: re.Match[str]) -> tuple[int, int, str] | None:
    canonical = canonical_body(m.group(0))
    if canonical is None:
        return None
    return m.start(), m.end(), canonical


@lru_cache(maxsize=1)
def _known_pattern() -> re.Pattern[str]:
    return re.compile(body_pattern(), re.IGNORECASE)


def run(doc: Document) -> None:
    found: list[tuple[int, int, str, str]] = []
    for rule in RULES:
        for m in rule.pattern.finditer(doc.norm):
            hit = rule.build(doc, m)
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
    for s, e, canonical, rule in kept:
        g = groups.setdefault(canonical, {"mentions": [], "aliases": [], "rule": rule})
        g["mentions"].append(Mention(*doc.orig_span(s, e)))
        surface = _surface(doc, s, e)
        if surface not in g["aliases"]:
            g["aliases"].append(surface)
    doc.facts[NAME] = [
        Organization(name=c, mentions=tuple(g["mentions"]), aliases=tuple(g["aliases"]), rule=g["rule"])
        for c, g in groups.items()
    ]


_WORD_UP = rf"[{UPPER}][{LOWER}]*"
_WORD_LOW = rf"[{LOWER}]+"
# a department not in the lexicon: "Sở Du lịch", "Sở Văn hóa, Thể thao và Du lịch"
_DEPARTMENT = re.compile(
    rf"{_EDGE_L}Sở\s+{_WORD_UP}(?:\s+{_WORD_LOW})?(?:(?:\s*,\s*|\s+và\s+){_WORD_UP}(?:\s+{_WORD_LOW})?)*{_EDGE_R}"
)

RULES = [
    Rule("known_body", _known_pattern(), _known),
    Rule("department_by_name", _DEPARTMENT, _department),
]

__all__ = ["NAME", "REQUIRES", "RULES", "run"]
