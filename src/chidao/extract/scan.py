"""Fast scans that give exactly the matches of a slower pattern.

A pattern that begins with a lookbehind, ``\\b`` or a letter under IGNORECASE is tried at every
position of the text. Most rules can only match where one of a few phrases begins: ``PhraseStarts``
finds those places over ``Document.low``, one scan per first letter, which the regex engine skips
through in C; ``chidao.extract.anchors.matches_at`` then runs the rule there only, with the result
``finditer`` gives.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from chidao.lexicon import trie_regex


class PhraseStarts:
    """Where any of some phrases starts in lower-case text, found by one scan per first letter.

    The regex engine finds a pattern that opens with one literal character with a fast character
    search, several times faster than one opening with a class of characters (as one trie of all
    the phrases does); so the phrases are cut into one trie per first character. ``word_start``
    and ``loose`` are those of ``chidao.lexicon.trie_regex``; ``after`` is a regex that must
    follow a phrase (``(?!\\w)``).
    """

    def __init__(self, phrases: Iterable[str], word_start: bool = True, loose: str = "",
                 after: str = "") -> None:
        by_first: dict[str, list[str]] = {}
        for p in phrases:
            p = " ".join(p.lower().split())
            if p:
                by_first.setdefault(p[0], []).append(p)
        self.patterns = tuple(re.compile(trie_regex(ps, word_start=word_start, loose=loose) + after)
                              for _first, ps in sorted(by_first.items()))

    def find(self, low: str) -> list[int]:
        """Every position of ``low`` where a phrase starts (ascending; overlapping ones too)."""
        out: list[int] = []
        for pattern in self.patterns:
            search = pattern.search
            pos = 0
            while (m := search(low, pos)) is not None:
                pos = m.start()
                out.append(pos)
                pos += 1
        out.sort()
        return out

    def spans(self, low: str) -> list[tuple[int, int]]:
        """What ``finditer`` of one alternation of all the phrases (a trie: the longest phrase that
        can match at a place) gives over ``low``: leftmost matches, none overlapping."""
        found: list[tuple[int, int]] = []
        for pattern in self.patterns:
            search = pattern.search
            pos = 0
            while (m := search(low, pos)) is not None:
                found.append(m.span())
                pos = m.start() + 1
        found.sort()
        out = []
        end = 0
        for s, e in found:
            if s >= end:
                out.append((s, e))
                end = e
        return out


__all__ = ["PhraseStarts"]
