"""Fast prefilters for whole-word, case-insensitive cue patterns (same matches, found sooner).

A cue pattern built by ``phrase_alternation`` and compiled with IGNORECASE begins with a
lookbehind, so the regex engine tries it at every position of the text. The same phrases as a
plain lower-case alternation, without the word-boundary guards, begin with literals, and searched
over ``Document.low`` (``norm`` lower-cased, same offsets) the engine jumps from one candidate
first letter to the next. Every match of the exact pattern over ``norm`` is, at the same offset, a
match of its prefilter over ``low``; so the exact pattern tried only where a prefilter matches
finds the same matches as searched everywhere. ``CueIndex`` does that for several cue categories
with one scan of the text.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

# IGNORECASE matches "i" to "ı" and "s" to "ſ", which str.lower() leaves as they are: over a text
# holding one of these the lower-case prefilter could miss a match, so it is not used.
_FOLD_EXCEPTIONS = ("ı", "ſ")


def loose_alternation(phrases: Iterable[str], comma: str = r"\s*,\s*") -> str:
    """``phrase_alternation``'s body without its word-boundary guards (phrases lower-case)."""
    body = "|".join(comma.join(r"\s+".join(map(re.escape, part.split())) for part in p.split(","))
                    for p in phrases)
    return f"(?:{body})" if body else "(?!)"


_SPACE, _COMMA = object(), object()


def phrase_trie(phrases: Iterable[str], comma: str = r"\s*,\s*") -> str:
    """``phrase_alternation``'s body factored by common prefix: a regex matching the same strings
    (so the same yes or no at any position), but failing in a few steps instead of one per phrase.
    Which phrase wins where several match differs from the longest-first alternation: use it where
    only whether it matches counts, or to rule out a position before the alternation is tried."""
    root: dict = {}
    for p in phrases:
        tokens: list = []
        for k, part in enumerate(p.split(",")):
            if k:
                tokens.append(_COMMA)
            for n, word in enumerate(part.split()):
                if n:
                    tokens.append(_SPACE)
                tokens.extend(word)
        node = root
        for tok in tokens:
            node = node.setdefault(tok, {})
        node[None] = {}

    def piece(tok: object) -> str:
        return r"\s+" if tok is _SPACE else comma if tok is _COMMA else re.escape(tok)  # type: ignore[arg-type]

    def emit(node: dict) -> str:
        branches = [piece(tok) + emit(child) for tok, child in node.items() if tok is not None]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if None in node else body

    return emit(root) if root else "(?!)"


def prefilter(phrases: Iterable[str], comma: str = r"\s*,\s*") -> re.Pattern[str]:
    """The case-sensitive prefilter, for ``low``, of ``phrase_alternation(phrases, comma)``."""
    return re.compile(loose_alternation(phrases, comma))


def usable_low(norm: str, low: str) -> str | None:
    """``low`` when a lower-case prefilter over it finds every case-insensitive match over
    ``norm``, else ``None`` (the text holds a character IGNORECASE folds but lower() does not)."""
    if any(c in norm for c in _FOLD_EXCEPTIONS):
        return None
    return low


class Anchors:
    """What every match of a set of phrases holds, to rule a stretch of ``low`` out with ``in``.

    A match of ``phrase_alternation(phrases)`` holds each word of its phrase, and where the only
    white space is single spaces (``\\s+`` can then match nothing else), its first comma-part as
    written; ``may_hold`` is ``False`` only where no phrase can match.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        parts: list[str] = []
        words: list[str] = []
        for p in phrases:
            p = p.lower()
            first = " ".join(p.split(",")[0].split())
            all_words = p.replace(",", " ").split()
            if not first or not all_words:
                continue
            if first not in parts:
                parts.append(first)
            word = max(reversed(all_words), key=len)      # the longest word, the last of equals
            if word not in words:
                words.append(word)
        self.parts, self.words = tuple(parts), tuple(words)

    def may_hold(self, low: str, start: int, end: int) -> bool:
        """Whether ``low[start:end]`` may hold a match of the phrases."""
        part = low[start:end]
        if part.isprintable() and "  " not in part:      # white space is single spaces only
            return any(p in part for p in self.parts)
        return any(w in part for w in self.words)


def starts(pre: re.Pattern[str], low: str, start: int, end: int) -> list[int]:
    """Every offset of ``low[start:end]`` where ``pre`` matches (overlapping matches included)."""
    out = []
    search = pre.search
    while (hit := search(low, start, end)) is not None:
        out.append(hit.start())
        start = hit.start() + 1
    return out


def exists(exact: re.Pattern[str], pre: re.Pattern[str], norm: str, low: str | None,
           start: int, end: int) -> bool:
    """``bool(exact.search(norm, start, end))``, searched from the prefilter's first hit on."""
    if low is None:
        return exact.search(norm, start, end) is not None
    hit = pre.search(low, start, end)
    return hit is not None and exact.search(norm, hit.start(), end) is not None


class CueIndex:
    """The offsets of a text where a phrase of each cue category may begin, from one scan of its
    lower-case form for all categories; ``finditer``/``search`` then try the exact (whole-word,
    case-insensitive) pattern of a category at those offsets only.

    ``prefilters``: category -> ``prefilter(phrases)``; ``union``: ``prefilter`` of all their phrases.
    ``low`` ``None`` (see ``usable_low``): no index, the exact patterns are searched as they are.
    """

    def __init__(self, low: str | None, prefilters: dict[str, re.Pattern[str]],
                 union: re.Pattern[str]) -> None:
        self.low = low
        self._starts: dict[str, list[int]] = {name: [] for name in prefilters}
        if low is None:
            return
        tests = [(pre.match, self._starts[name]) for name, pre in prefilters.items()]
        search = union.search
        pos = 0
        while (hit := search(low, pos)) is not None:
            at = hit.start()
            for match, starts in tests:
                if match(low, at):
                    starts.append(at)
            pos = at + 1                  # phrases may overlap: "đặc biệt lưu ý" holds "lưu ý"

    def finditer(self, name: str, exact: re.Pattern[str], norm: str, start: int,
                 end: int) -> Iterator[re.Match[str]]:
        """The matches of ``exact.finditer(norm, start, end)``; ``exact`` is the whole-word pattern
        of category ``name`` and must not match the empty string."""
        if self.low is None:
            return exact.finditer(norm, start, end)
        starts = self._starts[name]
        i = bisect.bisect_left(starts, start)
        if i == len(starts) or starts[i] >= end:
            return iter(())
        return self._matches(starts, i, exact, norm, start, end)

    @staticmethod
    def _matches(starts: list[int], i: int, exact: re.Pattern[str], norm: str, start: int,
                 end: int) -> Iterator[re.Match[str]]:
        pos = start
        for at in starts[i:]:
            if at >= end:
                return
            if at >= pos:
                m = exact.match(norm, at, end)
                if m is not None:
                    yield m
                    pos = m.end()

    def search(self, name: str, exact: re.Pattern[str], norm: str, start: int,
               end: int) -> re.Match[str] | None:
        """``exact.search(norm, start, end)`` (see ``finditer``)."""
        return next(self.finditer(name, exact, norm, start, end), None)


def document_low(doc: object) -> str | None:
    """``usable_low`` of a Document, worked out once per document."""
    cache = doc.__dict__
    if "_prefilter_low" not in cache:
        cache["_prefilter_low"] = usable_low(doc.norm, doc.low)  # type: ignore[attr-defined]
    return cache["_prefilter_low"]


__all__ = ["loose_alternation", "phrase_trie", "prefilter", "usable_low", "document_low", "Anchors",
           "starts", "exists", "CueIndex"]
