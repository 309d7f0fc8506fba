"""Shortcomings: the limitations a text lists (hạn chế, tồn tại, khó khăn ...), one per item."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from chidao.extract import segments
from chidao.extract.document import Document
from chidao.extract.rules import Rule, drop_overlapping, vi
from chidao.lexicon import cue_table, phrase_alternation
from chidao.lexicon import prefilter as pf
from chidao.model import Shortcoming

NAME = "shortcomings"
REQUIRES: tuple[str, ...] = ()

_W = r"[^\W_]"
_TRIM = " \t\n.;,:…-"
MIN_CHARS = 8
LEAD_GAP = 60            # characters a lead-in may put between its noun and its colon
HEADING_MAX_WORDS = 12


def _cues() -> dict[str, tuple[str, ...]]:
    return cue_table("shortcoming_cues")


def _alt(category: str) -> str:
    return phrase_alternation(_cues().get(category, ()))


@lru_cache(maxsize=None)
def _rx(name: str) -> re.Pattern[str]:
    noun = _alt("noun")
    nouns = rf"{noun}(?:\s*,\s*{noun}|\s+và\s+{noun})*"
    if name == "lead_list":      # "... còn tồn tại nhiều vấn đề cần quan tâm giải quyết như:"
        return vi(rf"(?:{_alt('announce')}|{_alt('quantifier')})\s+(?:[^.;:\n]{{0,30}}?\s)?{nouns}"
                  rf"(?P<tail>[^.:;\n]{{0,{LEAD_GAP}}}?)"
                  rf"(?P<end>\s*,?\s*(?:như\s+sau|như|sau|cụ\s+thể(?:\s+là|\s+như)?|chủ\s+yếu\s+là|gồm)?\s*:"
                  rf"|\s*,?\s+như(?=\s+\S))")
    if name == "lead_stop":      # "... vẫn còn một số hạn chế." the items follow in sentences
        return vi(rf"(?:{_alt('announce')})\s+(?:(?:{_alt('quantifier')})\s+)?{nouns}"
                  rf"(?P<tail>[^.:;\n,]{{0,25}}?)(?P<end>\s*[.…]+(?=\s|$))")
    if name == "heading":        # "2. Hạn chế, yếu kém", "* Những tồn tại, hạn chế"
        return vi(rf"(?:(?:những|một\s+số|các|mặt|\w\)|\d+\.)\s+)?{nouns}"
                  rf"(?:\s+(?:và|,)\s*(?:nguyên\s+nhân|khuyết\s+điểm))?[\s:.]*$")
    if name == "not_lead":
        return vi(_alt("not_lead"))
    if name == "list_not_lead":
        return vi(_alt("list_not_lead"))
    if name == "negative":
        return vi(_alt("negative"))
    if name == "stop":
        return vi(_alt("stop"))
    raise KeyError(name)


# --------------------------------------------------------------------------- prefilters
# Lower-case, boundary-free forms of the cue patterns, searched over ``doc.low`` to find where the
# exact patterns can match (see chidao.lexicon.prefilter); the results stay those of the exact ones.


@lru_cache(maxsize=None)
def _pre(name: str) -> re.Pattern[str]:
    if name == "opener":         # what a lead-in begins with
        return pf.prefilter(_cues().get("announce", ()) + _cues().get("quantifier", ()))
    return pf.prefilter(_cues().get(name, ()))


def _letters(category: str) -> int:
    """The most characters other than white space a phrase of ``category`` holds."""
    return max((len("".join(p.split())) for p in _cues().get(category, ())), default=0)


@lru_cache(maxsize=None)
def _noun_reach(name: str) -> int:
    """How many characters other than white space a lead-in may hold before its noun."""
    if name == "lead_list":      # announce or quantifier, then up to 30 characters, then white space
        return max(_letters("announce"), _letters("quantifier")) + 30
    return _letters("announce") + _letters("quantifier")     # lead_stop


class _LeadIns:
    """The lead-in searches (``lead_list``, ``lead_stop``) of one paragraph ``norm[s:e]``: the exact
    pattern is tried only where a lead-in word stands close enough before a noun (``hạn chế``,
    ``khó khăn`` ...), and gives the match ``_rx(name).search(norm, s, e)`` gives."""

    def __init__(self, doc: Document, s: int, e: int) -> None:
        self.norm, self.low, self.s, self.e = doc.norm, pf.document_low(doc), s, e
        self.nouns: list[int] = []
        self.openers: list[int] = []
        low = self.low
        if low is None:
            return
        self.nouns = _noun_starts(doc, low, s, e)
        if not self.nouns:
            return
        reach = max(_noun_reach("lead_list"), _noun_reach("lead_stop"))
        found: set[int] = set()
        for noun in self.nouns:             # lead-in words close enough before a noun
            found.update(pf.starts(_pre("opener"), low, _reach_back(low, noun, reach, s), noun))
        self.openers = sorted(found)

    def search(self, name: str) -> re.Match[str] | None:
        rx, norm, low, e = _rx(name), self.norm, self.low, self.e
        if low is None:
            return rx.search(norm, self.s, e)
        nouns = self.nouns
        reach = _noun_reach(name)
        for at in self.openers:
            noun = nouns[bisect.bisect_right(nouns, at)]       # the first noun after it
            if noun - at > reach and len("".join(low[at:noun].split())) > reach:
                continue                                       # a later noun is further still
            if not _may_close(low, name, at, e):
                continue
            m = rx.match(norm, at, e)
            if m is not None:
                return m
        return None


_NOUNS = "_shortcomings_nouns"


@lru_cache(maxsize=1)
def _noun_first_words() -> tuple[str, ...] | None:
    """The words the noun phrases begin with (``None`` if one begins with no word): a match of
    ``_pre("noun")`` begins with one of them as written."""
    words = set()
    for p in _cues().get("noun", ()):
        first = p.lower().split(",")[0].split()
        if not first:
            return None
        words.add(first[0])
    return tuple(sorted(words))


def _noun_starts(doc: Document, low: str, s: int, e: int) -> list[int]:
    """``pf.starts(_pre("noun"), low, s, e)``: the prefilter is tried only where one of the first
    words of its phrases stands, found with ``str.find`` once per document."""
    cached = doc.__dict__.get(_NOUNS)
    if cached is None or cached[0] is not low:
        words = _noun_first_words()
        if words is None:
            found = pf.starts(_pre("noun"), low, 0, len(low))
        else:
            hits = set()
            for w in words:
                i = low.find(w)
                while i != -1:
                    hits.add(i)
                    i = low.find(w, i + 1)
            found = sorted(hits)
        cached = doc.__dict__[_NOUNS] = (low, found)
    found = cached[1]
    i = bisect.bisect_left(found, s)
    if i == len(found) or found[i] >= e:
        return []
    match = _pre("noun").match
    out = []
    for at in found[i:]:
        if at >= e:
            break
        if match(low, at, e) is not None:
            out.append(at)
    return out


@lru_cache(maxsize=None)
def _reach_rx(reach: int) -> re.Pattern[str]:
    # over the text before an offset, reversed: its white space and up to ``reach`` other characters
    return re.compile(rf"\s*(?:\S\s*){{0,{reach}}}")


def _reach_back(low: str, at: int, reach: int, floor: int) -> int:
    """The first offset (not before ``floor``) from which ``low[offset:at]`` holds at most
    ``reach`` characters other than white space."""
    while True:
        lo = max(floor, at - 4 * reach - 64)
        taken = _reach_rx(reach).match(low[lo:at][::-1]).end()
        if lo == floor or taken < at - lo:
            return at - taken
        reach -= len("".join(low[lo:at].split()))       # all of it taken: go on before it
        at = lo


def _may_close(low: str, name: str, at: int, e: int) -> bool:
    """Whether a lead-in starting at ``at`` can end: nothing in it is a ``.``, ``:`` or ``;`` before
    its end, which is a colon or ``như`` (``lead_list``), a full stop or ``…`` (``lead_stop``)."""
    first = e
    for c in ".:;" if name == "lead_list" else ".:;…":
        i = low.find(c, at, first)
        if i != -1:
            first = i
    if name == "lead_list":
        return first < e and low[first] == ":" or "như" in low[at:first]
    return first < e and low[first] in ".…"


# --------------------------------------------------------------------------- paragraphs


@dataclass
class _Para:
    start: int
    end: int
    bullet: bool = False
    heading: bool = False
    caption: bool = False
    marker: str | None = None


_BULLET = re.compile(r"(?:[-+•*■●◦▪]\s*|[a-zđ][).]\s+|\d{1,2}[.)]\s+)(?=\S)")
_ROMAN = re.compile(r"[IVXL]{1,6}[.)/]\s+")
_CAPTION = re.compile(r"\|\s*$|(?:^|[.(]\s*)ảnh\s*:", re.IGNORECASE)
_CLOSED = tuple(".;!?…,")          # a paragraph ending in one of these is no heading


_ALNUM = re.compile(r"[^\W_]")      # what str.isalnum() holds true


def _first_alnum_is_lower(norm: str, s: int, e: int) -> bool:
    m = _ALNUM.search(norm, s, e)
    return m is not None and m.group().islower()


def _paragraphs(doc: Document) -> list[_Para]:
    norm = doc.norm
    out: list[_Para] = []
    for s, e in segments.block_spans(doc):
        line = norm[s:e]
        stripped = line.strip()
        if not stripped:
            continue
        s += len(line) - len(line.lstrip())
        e = s + len(stripped)
        bm = _BULLET.match(norm, s, e)
        if out and not bm and not out[-1].heading and _first_alnum_is_lower(norm, s, e):
            out[-1].end = e
            continue
        p = _Para(s, e)
        if bm:
            p.bullet, p.marker = True, norm[s:bm.end()].strip()
            p.start = bm.end()
        text = norm[p.start:e]
        # "... |" or "ảnh:" (searched only when the paragraph holds them)
        p.caption = ("|" in text or ":" in text and "ảnh" in doc.low[p.start:e]) and bool(_CAPTION.search(text))
        p.heading = bool(_ROMAN.match(norm, s, e)) or (
            len(text.split(None, HEADING_MAX_WORDS)) <= HEADING_MAX_WORDS and not text.endswith(_CLOSED))
        out.append(p)
    return out


def _sentences(norm: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r'[^.!?…]+(?:[.!?…]+|$)(?:["\')]*)', norm[s:e]):
        a, b = s + m.start(), s + m.end()
        if norm[a:b].strip():
            out.append((a, b))
    # rejoin what a number or an abbreviation cut ("1.200", "TP. Huế")
    merged: list[tuple[int, int]] = []
    for a, b in out:
        if merged and (re.search(r"\d[.,]$", norm[merged[-1][0]:merged[-1][1]]) and norm[a:a + 1].isdigit()
                       or not re.match(r'\s*["(]?[^\W\d_]', norm[a:b]) or norm[a:b].strip()[:1].islower()
                       or re.search(r"(?:TP|Tp|TS|ThS|PGS|GS)\.$", norm[merged[-1][0]:merged[-1][1]])):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _clauses(norm: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    """``;``-separated clauses of ``norm[s:e]`` outside brackets."""
    if norm.find(";", s, e) == -1:
        yield s, e
        return
    if norm.find("(", s, e) == -1:           # no bracket: every ";" cuts
        start = s
        while (i := norm.find(";", start, e)) != -1:
            yield start, i
            start = i + 1
        yield start, e
        return
    depth = 0
    start = s
    for i in range(s, e):
        c = norm[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c == ";" and depth == 0:
            yield start, i
            start = i + 1
    yield start, e


def _fact(doc: Document, s: int, e: int, rule: str) -> Shortcoming | None:
    norm = doc.norm
    while s < e and norm[s] in " \t\n-+•*\"(":
        s += 1
    while e > s and (norm[e - 1] in _TRIM or norm[e - 1] == '"' and norm.count('"', s, e) % 2):
        e -= 1
    if e - s < MIN_CHARS or not re.search(rf"{_W}{{2}}", norm[s:e]):
        return None
    os_, oe = doc.orig_span(s, e)
    return Shortcoming(text=doc.text[os_:oe], start=os_, end=oe, rule=rule)


_FORECAST = vi(r"(?:dự\s+báo|sẽ|có\s+thể|nếu)(?!\w)[^.;:]*$")


def _other_kind(doc: Document, s: int, e: int) -> bool:
    return pf.exists(_rx("stop"), _pre("stop"), doc.norm, pf.document_low(doc), s, e)


def _negative(doc: Document, s: int, e: int) -> bool:
    return pf.exists(_rx("negative"), _pre("negative"), doc.norm, pf.document_low(doc), s, e)


# --------------------------------------------------------------------------- rules


def _items_from(doc: Document, paras: list[_Para], k: int, pos: int, rule: str,
                split: bool) -> list[Shortcoming | None]:
    """The items from ``pos`` in paragraph ``k`` on, until the passage ends."""
    norm = doc.norm
    out: list[Shortcoming | None] = []
    p = paras[k]
    for a, b in _sentences(norm, pos, p.end):
        if a > pos and _other_kind(doc, a, b):
            return out
        for ca, cb in (_clauses(norm, a, b) if split else [(a, b)]):
            out.append(_fact(doc, ca, cb, rule))
    for q in paras[k + 1:]:
        if q.caption or q.heading and not q.bullet:
            break
        first = _sentences(norm, q.start, q.end)
        if not first:
            break
        fa, fb = first[0]
        if _other_kind(doc, fa, fb) or not (q.bullet or _negative(doc, fa, fb)):
            break
        if q.bullet:
            out.append(_fact(doc, q.start, q.end, rule))
            continue
        for a, b in first:
            if _other_kind(doc, a, b):
                return out
            for ca, cb in _clauses(norm, a, b):
                out.append(_fact(doc, ca, cb, rule))
    return out


def _after_lead_in(doc: Document, _m: object) -> list[Shortcoming | None]:
    """``... chỉ ra một số hạn chế, khó khăn, như: A; B. C`` and ``... vẫn còn một số hạn chế. A; B``."""
    norm = doc.norm
    paras = _paragraphs(doc)
    out: list[Shortcoming | None] = []
    taken = -1
    for k, p in enumerate(paras):
        if p.start < taken or p.caption:
            continue
        numbered = not p.bullet or (p.marker or "-")[:1].isalnum()
        if p.heading and numbered and _rx("heading").match(norm, p.start, p.end):
            items = _under_heading(doc, paras, k)
            out.extend(items)
            continue
        leads = _LeadIns(doc, p.start, p.end)
        for name, rule, veto in (("lead_list", "after_lead_in_list", _rx("list_not_lead")),
                                 ("lead_stop", "after_lead_in_sentence", _rx("not_lead"))):
            m = leads.search(name)
            if not m or veto.search(m.group("tail") or ""):
                continue
            if _FORECAST.search(norm, max(p.start, m.start() - 40), m.start()):
                continue        # "dự báo còn nhiều khó khăn": a forecast, not a list
            out.extend(_items_from(doc, paras, k, m.end(), rule, split=True))
            break
    return out


def _under_heading(doc: Document, paras: list[_Para], k: int) -> list[Shortcoming | None]:
    """Under a heading ``Hạn chế, yếu kém``: each bullet or paragraph until the next heading."""
    norm = doc.norm
    out: list[Shortcoming | None] = []
    for q in paras[k + 1:]:
        if q.caption:
            continue
        if q.heading or _ROMAN.match(norm, q.start, q.end) or re.match(
                r"\W*nguyên\s+nhân", norm[q.start:q.end], re.IGNORECASE):
            break
        out.append(_fact(doc, q.start, q.end, "under_heading"))
    return out


def run(doc: Document) -> list[Shortcoming]:
    """Find every listed shortcoming and store them as ``doc.facts["shortcomings"]``."""
    found: list[Shortcoming] = []
    for rule in RULES:
        found.extend(f for f in rule.build(doc, None) if f is not None)
    out = drop_overlapping(found)
    doc.facts[NAME] = out
    return out


RULES = [
    # lead-ins of both kinds and headings are read in one walk, so that a passage is read once
    Rule("after_lead_in", re.compile(r"\A"), _after_lead_in),
]
