"""A normalised matching form of a text, with a map from every character back to the original.

Normalisation never rewrites what is stored or shown: extractors match on ``NormText.norm`` and
report spans of ``NormText.original`` through ``to_original``. It folds
- Unicode to NFC (NFD input, combining tone marks typed after the vowel);
- look-alikes: ``Ð``/``ð`` (Icelandic eth) and ``Ɖ`` to ``Đ``/``đ``;
- tone placement to the old style on open ``oa``/``oe``/``uy``: ``hoà`` -> ``hòa``, ``uỷ`` -> ``ủy``;
- odd spaces (no-break, thin, ideographic, tab) to a space; zero-width marks and soft hyphens away;
- ``\\r\\n`` and ``\\r`` to ``\\n``;
- dashes (``–``, ``—``, ``−`` ...) to ``-``; curly quotes to straight ones.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

_SPACES = dict.fromkeys(
    map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"),
    " ",
)
_DROPPED = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_SINGLE = {
    **_SPACES,
    **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"), '"'),
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032"), "'"),
    ord("\u00d0"): "\u0110",  # Ð (eth) -> Đ
    ord("\u0189"): "\u0110",  # Ɖ (African D) -> Đ
    ord("\u00f0"): "\u0111",  # ð -> đ
}
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_TONED = {
    base: "".join(unicodedata.normalize("NFC", base + t) for t in sorted(_TONES))
    for base in "aeyAEY"
}
# an open syllable ending in a toned a/e after o, or a toned y after u (not "qu"): new-style placement
_NEW_STYLE = re.compile(
    rf"(?:([oO])([{_TONED['a']}{_TONED['e']}{_TONED['A']}{_TONED['E']}])"
    rf"|(?<![qQ])([uU])([{_TONED['y']}{_TONED['Y']}]))(?![^\W\d_])"
)


@dataclass(frozen=True)
class NormText:
    """``norm`` and, for each of its characters, the original span it came from."""

    original: str
    norm: str
    _starts: tuple[int, ...]
    _ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the half-open span ``[start, end)`` of ``norm`` onto ``original``."""
        if not 0 <= start <= end <= len(self.norm):
            raise ValueError(f"span {start}..{end} outside 0..{len(self.norm)}")
        if start == end:
            pos = self._starts[start] if start < len(self._starts) else len(self.original)
            return pos, pos
        return self._starts[start], self._ends[end - 1]

    def to_norm(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``original`` onto the smallest span of ``norm`` that covers it."""
        if not 0 <= start <= end <= len(self.original):
            raise ValueError(f"span {start}..{end} outside 0..{len(self.original)}")
        ns = bisect.bisect_left(self._ends, start + 1)
        ne = bisect.bisect_left(self._starts, end)
        return ns, max(ns, ne)


def normalize(text: str) -> NormText:
    """Build the matching form of ``text`` (see the module docstring for what it folds)."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch in _DROPPED:
            i += 1
            continue
        if ch == "\r":
            j = i + 2 if i + 1 < n and text[i + 1] == "\n" else i + 1
            out.append("\n"); starts.append(i); ends.append(j)
            i = j
            continue
        # a cluster: one character and the combining marks after it
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        if j - i > 1 or not cluster.isascii():
            cluster = unicodedata.normalize("NFC", cluster)
        for c in cluster:
            out.append(_SINGLE.get(ord(c), c))
            starts.append(i)
            ends.append(j)
        i = j
    norm = "".join(out)
    if _NEW_STYLE.search(norm):
        norm = _old_style_tones(norm)
    return NormText(text, norm, tuple(starts), tuple(ends))


def _old_style_tones(s: str) -> str:
    """Move a tone from the second to the first vowel of an open ``oa``/``oe``/``uy``."""
    return _NEW_STYLE.sub(_move_tone, s)


def _move_tone(m: re.Match[str]) -> str:
    first, second = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    base, tone = _split_tone(second)
    return unicodedata.normalize("NFC", first + tone) + base


def _split_tone(c: str) -> tuple[str, str | None]:
    d = unicodedata.normalize("NFD", c)
    tone = next((m for m in d if m in _TONES), None)
    if tone is None:
        return c, None
    base = unicodedata.normalize("NFC", "".join(m for m in d if m != tone))
    return base, tone
