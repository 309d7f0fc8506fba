"""A normalised matching form of a text, with a map from every character back to the original.

Normalisation never rewrites what is stored or shown: extractors match on ``NormText.norm`` and
report spans of ``NormText.original`` through ``to_original``. It folds
- Unicode to NFC (NFD input, combining tone marks typed after the vowel);
- look-alikes: ``Ð``/``ð`` (Icelandic eth) and ``Ɖ`` to ``Đ``/``đ``;
- tone placement to the old style on open ``oa``/``oe``/``uy``: ``hoà`` -> ``hòa``, ``uỷ`` -> ``ủy``;
- odd spaces (no-break, thin, ideographic, tab) to a space; zero-width marks and soft hyphens away;
- ``\\r\\n`` and ``\\r`` to ``\\n``;
- dashes (``–``, ``—``, ``−`` ...) to ``-``; curly quotes to straight ones;
- fullwidth digits (``２０２４``) to ASCII digits, one for one.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

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
    **{0xFF10 + d: str(d) for d in range(10)},  # fullwidth digits (East Asian input) -> 0-9
}
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_TONED = {
    base: "".join(unicodedata.normalize("NFC", base + t) for t in sorted(_TONES))
    for base in "aeyAEY"
}
# an open syllable ending in a toned a/e after o, or a toned y after u (not "qu"): new-style
# placement. It opens with the class [oOuU] so the scan skips to those letters in C; the second
# letter is checked against the first (``(?<=[oO])``) and "qu" behind it (``(?<![qQ][uU])``).
_NEW_STYLE = re.compile(
    rf"([oOuU])(?:(?<=[oO])([{_TONED['a']}{_TONED['e']}{_TONED['A']}{_TONED['E']}])"
    rf"|(?<=[uU])(?<![qQ][uU])([{_TONED['y']}{_TONED['Y']}]))(?![^\W\d_])"
)


def _ranges(codes: list[int]) -> str:
    """A regex character class body of ranges (``a-z``) covering ``codes`` (sorted)."""
    parts, start, prev = [], codes[0], codes[0]
    for c in codes[1:] + [-1]:
        if c != prev + 1:
            parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
            start = c
        prev = c
    return "".join(parts)


_COMBINING = [c for c in range(0x300, 0x110000)
              if not 0xD800 <= c <= 0xDFFF and unicodedata.combining(chr(c))]
_COMBINING_CLASS = _ranges(_COMBINING)
# what is not folded one character for one: combining marks (NFC may compose them with the
# character before), CR or CRLF (-> LF), runs of zero-width marks (dropped)
_DROPPED_CLASS = "".join(re.escape(c) for c in sorted(_DROPPED))
_SPECIAL = re.compile(rf"[{_COMBINING_CLASS}]+|\r\n?|[{_DROPPED_CLASS}]+")
# a quick test for the above: ``_SPECIAL`` has ranges beyond U+FFFF, which the regex engine
# tests one by one at every character; this class is one table lookup (BMP) and one range
_MAYBE_SPECIAL = re.compile(
    rf"[{_ranges([c for c in _COMBINING if c <= 0xFFFF])}\r{_DROPPED_CLASS}\U00010000-\U0010ffff]"
)
# the characters ``_SINGLE`` folds, found in C; each one present is then replaced in one pass
_FOLDED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_SINGLE)) + "]")

_IDENTITY, _CLUSTER = 0, 1


@dataclass(frozen=True)
class NormText:
    """``norm`` and a piecewise map from its characters back to the original.

    The map is a list of pieces, each starting at norm offset ``_nb[i]`` and original offset
    ``_ob[i]``: an identity piece maps character for character; a cluster piece maps every one of
    its characters to the whole original cluster (``_ob[i]`` .. ``_ob[i + 1]``). Most texts are one
    identity piece, so the map costs next to nothing.
    """

    original: str
    norm: str
    _nb: tuple[int, ...]
    _ob: tuple[int, ...]
    _kind: tuple[int, ...]
    # one identity piece: norm and original share every offset (the usual case; maps are free)
    _plain: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_plain", len(self._nb) == 1)

    @property
    def plain(self) -> bool:
        """Normalising moved no character: every offset of ``norm`` is the same in ``original``."""
        return self._plain and len(self.norm) == len(self.original)

    def _piece_len(self, p: int) -> int:
        nxt = self._nb[p + 1] if p + 1 < len(self._nb) else len(self.norm)
        return nxt - self._nb[p]

    def _orig_start(self, i: int) -> int:
        p = bisect.bisect_right(self._nb, i) - 1
        if self._kind[p] == _IDENTITY:
            return self._ob[p] + (i - self._nb[p])
        return self._ob[p]

    def _orig_end(self, i: int) -> int:
        p = bisect.bisect_right(self._nb, i) - 1
        if self._kind[p] == _IDENTITY:
            return self._ob[p] + (i - self._nb[p]) + 1
        return self._ob[p + 1]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the half-open span ``[start, end)`` of ``norm`` onto ``original``."""
        if not 0 <= start <= end <= len(self.norm):
            raise ValueError(f"span {start}..{end} outside 0..{len(self.norm)}")
        if self._plain:
            return start, end
        if start == end:
            pos = self._orig_start(start) if start < len(self.norm) else len(self.original)
            return pos, pos
        return self._orig_start(start), self._orig_end(end - 1)

    def _count_starting_before(self, x: int) -> int:
        """How many norm characters come from original characters starting before ``x``."""
        p = bisect.bisect_left(self._ob, x) - 1
        if p < 0:
            return 0
        if self._kind[p] == _IDENTITY:
            return self._nb[p] + min(x - self._ob[p], self._piece_len(p))
        return self._nb[p] + self._piece_len(p)

    def _count_ending_by(self, x: int) -> int:
        """How many norm characters come wholly from original characters before ``x``."""
        p = bisect.bisect_left(self._ob, x) - 1
        if p < 0:
            return 0
        if self._kind[p] == _IDENTITY:
            return self._nb[p] + min(x - self._ob[p], self._piece_len(p))
        return self._nb[p] + (self._piece_len(p) if self._ob[p + 1] <= x else 0)

    def to_norm(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``original`` onto the smallest span of ``norm`` that covers it."""
        if not 0 <= start <= end <= len(self.original):
            raise ValueError(f"span {start}..{end} outside 0..{len(self.original)}")
        if self._plain:
            return start, end
        ns = self._count_ending_by(start)
        ne = self._count_starting_before(end)
        return ns, max(ns, ne)


def normalize(text: str) -> NormText:
    """Build the matching form of ``text`` (see the module docstring for what it folds)."""
    if _MAYBE_SPECIAL.search(text) is None and unicodedata.is_normalized("NFC", text):
        # the usual text: every character maps to itself, so the map is one identity piece
        return NormText(text, _old_style_tones(_fold_singles(text)), (0,), (0,), (_IDENTITY,))
    out: list[str] = []
    nb: list[int] = [0]
    ob: list[int] = [0]
    kind: list[int] = [_IDENTITY]
    npos = pos = 0

    def identity(chunk: str, at: int) -> None:
        nonlocal npos
        if unicodedata.is_normalized("NFC", chunk):
            out.append(chunk)
            npos += len(chunk)
            return
        for k, c in enumerate(chunk):      # rare: characters NFC rewrites on their own
            folded = unicodedata.normalize("NFC", c)
            if folded == c:
                out.append(c)
                npos += 1
                continue
            cluster(folded, at + k, at + k + 1)

    def cluster(folded: str, a: int, b: int) -> None:
        nonlocal npos
        if folded:
            nb.append(npos); ob.append(a); kind.append(_CLUSTER)
            out.append(folded)
            npos += len(folded)
        nb.append(npos); ob.append(b); kind.append(_IDENTITY)

    for m in _SPECIAL.finditer(text):
        a, b = m.span()
        first = text[a]
        if first != "\r" and first not in _DROPPED and a > pos:
            a -= 1                          # combining marks compose with the character before
        if a > pos:
            identity(text[pos:a], pos)
        if first == "\r":
            cluster("\n", a, b)
        elif first in _DROPPED:
            cluster("", a, b)
        else:
            cluster(unicodedata.normalize("NFC", text[a:b]), a, b)
        pos = b
    if pos < len(text):
        identity(text[pos:], pos)
    norm = _old_style_tones(_fold_singles("".join(out)))
    return NormText(text, norm, tuple(nb), tuple(ob), tuple(kind))


def _fold_singles(s: str) -> str:
    """``s`` with the characters of ``_SINGLE`` folded (one for one, so offsets stay)."""
    for ch in set(_FOLDED.findall(s)):
        s = s.replace(ch, _SINGLE[ord(ch)])
    return s


def _old_style_tones(s: str) -> str:
    """Move a tone from the second to the first vowel of an open ``oa``/``oe``/``uy``."""
    return _NEW_STYLE.sub(_move_tone, s)


def _move_tone(m: re.Match[str]) -> str:
    first, second = m.group(1), m.group(2) or m.group(3)
    base, tone = _split_tone(second)
    return unicodedata.normalize("NFC", first + tone) + base


def _split_tone(c: str) -> tuple[str, str | None]:
    d = unicodedata.normalize("NFD", c)
    tone = next((m for m in d if m in _TONES), None)
    if tone is None:
        return c, None
    base = unicodedata.normalize("NFC", "".join(m for m in d if m != tone))
    return base, tone
