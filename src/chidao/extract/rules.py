"""Named rules: a name, a compiled pattern over the matching form, and a builder of facts."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from chidao.extract.document import Document


@dataclass(frozen=True)
class Rule:
    """``build(doc, match)`` returns a fact (or ``None`` to reject the match)."""

    name: str
    pattern: re.Pattern[str]
    build: Callable[[Document, re.Match[str]], Any]


def run_rules(doc: Document, rules: list[Rule], text: str | None = None) -> Iterator[Any]:
    """Every fact the rules build over ``doc.norm`` (or ``text``), in rule order then position."""
    haystack = doc.norm if text is None else text
    for rule in rules:
        for m in rule.pattern.finditer(haystack):
            fact = rule.build(doc, m)
            if fact is not None:
                yield fact


def vi(pattern: str) -> re.Pattern[str]:
    """Compile a pattern over Vietnamese text: case-insensitive, verbose, Unicode word classes."""
    return re.compile(pattern, re.IGNORECASE | re.VERBOSE | re.UNICODE)


def drop_overlapping(facts: list[Any]) -> list[Any]:
    """``facts`` in text order, each one that overlaps the one kept before it left out."""
    out: list[Any] = []
    for f in sorted(facts, key=lambda f: (f.start, f.end)):
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out
