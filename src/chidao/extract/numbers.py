"""Numbers in Vietnamese notation (1.200.000, 3,09, 8,5%, 288/825, 03, Roman XX in context).

Every rule is a named pattern and the places where a match of it can begin (chidao.extract.anchors):
a run of digits, a Roman numeral, a word. The pattern is tried there only, which finds exactly what
a scan of the whole text finds, in a fraction of the time.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from chidao.extract.anchors import (digit_runs, free_digit_runs, is_letter, matches_at, roman_runs, start_before,
                                    word_starts, words_before)
from chidao.extract.document import Document
from chidao.extract.rules import vi
from chidao.model import NumberFact

NAME = "numbers"
REQUIRES: tuple[str, ...] = ()

# --------------------------------------------------------------------------- public pure helpers

_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+")
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3}){2,}")      # 1,200,000 (English style, 2+ groups)
_DECIMAL_COMMA = re.compile(r"\d+(?:\.\d{3})*,\d+")          # 3,09  1.234,5
_DECIMAL_DOT = re.compile(r"\d+\.\d{1,2}")                   # 1.5  (rare: English style)
_DECIMAL_DOT_LONG = re.compile(r"\d+\.\d{4,}")               # 3.14159


def parse_number(s: str) -> float | None:
    """The value of a number written the Vietnamese way, or ``None`` when ``s`` is not one.

    ``"1.200.000"`` -> 1200000; ``"3,09"`` -> 3.09; ``"8,5%"`` -> 8.5; ``"03"`` -> 3;
    ``"1.234,5"`` -> 1234.5; ``"1.5"`` -> 1.5 (a dot before one or two digits is a decimal point).
    """
    if not isinstance(s, str):
        return None
    t = s.strip().replace("\u00a0", "").replace(" ", "")
    if t.endswith("%"):
        t = t[:-1]
    if t.startswith(("-", "\u2212")):
        sign, t = -1.0, t[1:]
    elif t.startswith("+"):
        sign, t = 1.0, t[1:]
    else:
        sign = 1.0
    if not t or len(t) > 40:
        return None                      # nothing, or a run of digits too long to be a quantity
    if t.isdecimal():
        return sign * float(int(t))
    if _THOUSANDS_DOT.fullmatch(t):
        return sign * float(int(t.replace(".", "")))
    if _THOUSANDS_COMMA.fullmatch(t):
        return sign * float(int(t.replace(",", "")))
    if _DECIMAL_COMMA.fullmatch(t):
        return sign * float(t.replace(".", "").replace(",", "."))
    if _DECIMAL_DOT.fullmatch(t) or _DECIMAL_DOT_LONG.fullmatch(t):
        return sign * float(t)
    return None


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_ROMAN_OUT = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


def _to_roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN_OUT:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def roman_to_int(s: str) -> int | None:
    """The value of an upper-case Roman numeral in canonical form (``"XIV"`` -> 14), else ``None``."""
    if not isinstance(s, str) or not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        if i + 1 < len(s) and _ROMAN[s[i + 1]] > v:
            total -= v
        else:
            total += v
    if total <= 0 or _to_roman(total) != s:
        return None
    return total


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class _Rule:
    """A named pattern over ``doc.norm`` (over ``doc.low`` with ``low``, then case-sensitive) and
    where its matches can begin (``starts(doc)``, ascending).

    A claiming rule's ``build`` gives the span it takes away from later rules (a date, a code) or
    ``None``; a number rule's ``build`` gives a NumberFact of the span ``m.span(group)`` or ``None``.
    """

    name: str
    pattern: re.Pattern[str]
    build: Callable[[Document, re.Match[str]], object]
    starts: Callable[[Document], list[int]]
    claims: bool = False
    group: int | str = 0
    low: bool = False

    def matches(self, doc: Document) -> list[re.Match[str]]:
        return matches_at(self.pattern, doc.low if self.low else doc.norm, self.starts(doc))


def starting_with(word: str) -> Callable[[Document], list[int]]:
    """Where a pattern opening with ``word`` (lower case) can match: wherever ``word`` is."""
    return lambda doc: word_starts(doc, word)


# a separator-joined run of digits
_RUN = r"\d+(?:[.,]\d+)*"
# words after which a bare d/m (no year) is a date, not a fraction
_DATE_CUES = ("ngày", "hôm", "từ", "đến", "tới", "trước", "sau", "hết", "nhất", "vào", "sáng", "chiều", "tối",
              "trưa", "đêm", "khuya", "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "chủ nhật",
              "thời hạn", "hạn chót", "dịp")
# words before a Roman numeral that make it a number (Quý II, khóa XX, lần thứ XI, Đại hội XIV)
_ROMAN_CUES = ("quý", "khóa", "lần thứ", "đại hội", "thế kỷ", "phần", "chương", "mục", "kỳ họp thứ",
               "giai đoạn", "phụ lục", "khu vực", "cấp", "loại", "hạng")
_LETTER = r"[^\W\d_]"


def _alternation(phrases: Iterable[str]) -> str:
    return "(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + ")"


def _valid_dm(d: str, m: str) -> bool:
    return 1 <= int(d) <= 31 and 1 <= int(m) <= 12


def _claim(doc: Document, m: re.Match[str]) -> tuple[int, int]:
    return m.span()


def _claim_date(doc: Document, m: re.Match[str]) -> tuple[int, int] | None:
    return m.span() if _valid_dm(m.group("d"), m.group("m")) else None


def _claim_day_month(doc: Document, m: re.Match[str]) -> tuple[int, int] | None:
    return m.span("dm") if _valid_dm(m["d"], m["m"]) else None


def _fact(doc: Document, ns: int, ne: int, rule: str, value: float, *, is_percent: bool = False,
          denominator: float | None = None, roman: bool = False) -> NumberFact:
    s, e = doc.orig_span(ns, ne)
    return NumberFact(start=s, end=e, text=doc.text[s:e], value=value, is_percent=is_percent,
                      denominator=denominator, roman=roman, rule=rule)


def _build_fraction(doc: Document, m: re.Match[str]) -> NumberFact | None:
    a, b = parse_number(m.group("a")), parse_number(m.group("b"))
    if a is None or b is None:
        return None
    pa, pb = m.group("pa"), m.group("pb")
    return _fact(doc, m.start(), m.end(), "fraction", a, is_percent=bool(pa or pb), denominator=b)


def _build_number(doc: Document, m: re.Match[str]) -> NumberFact | None:
    n = m.group("n")
    value = float(int(n)) if n.isdecimal() and len(n) <= 40 else parse_number(n)    # as parse_number reads it
    if value is None:
        return None
    return _fact(doc, m.start(), m.end(), "percent" if m.group("p") else "number", value,
                 is_percent=bool(m.group("p")))


def _build_roman(doc: Document, m: re.Match[str]) -> NumberFact | None:
    value = roman_to_int(m.group("r"))
    if value is None:
        return None
    return _fact(doc, m.start("r"), m.end("r"), "roman_in_context", float(value), roman=True)


def _build_roman_heading(doc: Document, m: re.Match[str]) -> NumberFact | None:
    value = roman_to_int(m.group("r"))
    if value is None:
        return None
    return _fact(doc, m.start("r"), m.end("r"), "roman_heading", float(value), roman=True)


class _Taken:
    """Disjoint non-empty spans taken so far, kept sorted: overlap tests in logarithmic time."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []        # sorted too, the spans being disjoint

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.starts, e)          # the spans starting before e
        return i > 0 and self.ends[i - 1] > s

    def append(self, span: tuple[int, int]) -> None:
        i = bisect.bisect_left(self.starts, span[0])
        self.starts.insert(i, span[0])
        self.ends.insert(i, span[1])


def find_numbers(doc: Document) -> list[NumberFact]:
    """Every number of ``doc``, in text order; codes and date-shaped tokens are left out."""
    taken = _Taken()
    facts: list[NumberFact] = []
    for rule in RULES:
        for m in rule.matches(doc):
            if rule.claims:
                span = rule.build(doc, m)
                if span is not None and not taken.overlaps(*span):
                    taken.append(span)
                continue
            ns, ne = m.span(rule.group)
            if taken.overlaps(ns, ne):
                continue
            fact = rule.build(doc, m)
            if fact is None:
                continue
            span = doc.norm_span(fact.start, fact.end)       # wider than the match at a folded cluster
            if span != (ns, ne) and taken.overlaps(*span):
                continue
            taken.append(span)
            facts.append(fact)
    facts.sort(key=lambda f: (f.start, f.end))
    return facts


def run(doc: Document) -> None:
    doc.facts[NAME] = find_numbers(doc)


# --------------------------------------------------------------------------- where matches begin
# Each function lists every offset where its rule's pattern can match (it may list more).


def _code_starts(doc: Document) -> list[int]:
    return [s for s, _, _, after in free_digit_runs(doc, "/") if after in "-/"]


def _glued_starts(doc: Document) -> list[int]:
    """Letters right before digits (``QH15``, ``COVID-19``: from the first letter) and digits
    right before letters (``4G5``)."""
    norm = doc.norm
    out = []
    for s, _, before, after in digit_runs(doc):
        if is_letter(before):
            p = s - 1
        elif before == "-" and s > 1 and is_letter(norm[s - 2]):
            p = s - 2
        else:
            p = -1
        if p >= 0:
            while p and is_letter(norm[p - 1]):
                p -= 1
            out.append(p)
        if is_letter(after):
            out.append(s)
    return out


def _date_shaped_starts(doc: Document) -> list[int]:
    """Where a date like 14/3/2024, 29-1-2021 or 14.3.2024 can begin: one or two digits, free
    before (of a word, ``.``, ``,``, ``/``, ``-``), then ``/``, ``.`` or ``-``."""
    return [s for s, e, _, after in free_digit_runs(doc, ".,/-") if e - s <= 2 and after in "/.-"]


def _quarter_year_starts(doc: Document) -> list[int]:
    """Four digits after ``I/`` or ``V/`` (Quý II/2024), and every ``quý``."""
    years = [s for s, _, before, _ in digit_runs(doc) if before == "/"]
    return sorted(years + word_starts(doc, "quý"))


_DATE_CUE_BEFORE = words_before(_DATE_CUES, before=r"\s+", after=r"\b")     # ngày 14-7, trước 30/6
_ROMAN_CUE_BEFORE = words_before(_ROMAN_CUES, before=r"\(?\s+", after=r"\b")  # khóa XX, (khóa XIII)


def _day_month_in_context_starts(doc: Document) -> list[int]:
    out = []
    for s, e, before, after in digit_runs(doc):
        if e - s <= 2 and after in "/-":
            p = s - 1 if before == "(" else start_before(doc, _DATE_CUE_BEFORE, s)
            if p is not None:
                out.append(p)
    return out


def _number_starts(doc: Document) -> list[int]:
    return [s for s, _, _, _ in free_digit_runs(doc, ".,/")]


def _roman_in_context_starts(doc: Document) -> list[int]:
    out = []
    for s, _ in roman_runs(doc):
        p = start_before(doc, _ROMAN_CUE_BEFORE, s)
        if p is not None:
            out.append(p)
    return out


def _roman_heading_starts(doc: Document) -> list[int]:
    """Line starts where only spaces or tabs come before a Roman numeral."""
    norm = doc.norm
    out = []
    line, seen, text_at = 0, 0, _INDENT.match(norm).end()   # the line holding seen, where its text begins
    for s, _ in roman_runs(doc):
        nl = norm.rfind("\n", seen, s)
        if nl >= 0:
            line, text_at = nl + 1, _INDENT.match(norm, nl + 1).end()
        seen = s
        if s == text_at:
            out.append(line)
    return out


_INDENT = re.compile(r"[ \t]*")


# --------------------------------------------------------------------------- rules
# Order matters: a span claimed by an earlier rule (a document code, a date) is skipped later.

_NOT_BEFORE = r"(?<![\w.,/])"          # not glued to a word or to another number
_NOT_AFTER = r"(?![.,]?\d)(?!/\d)"

RULES: list[_Rule] = [
    # 2043-KL/TU, 36-NQ/TW, 73/2023/NĐ-CP, 1234/QĐ-UBND, 15/2023/QH15: identifiers, not quantities
    _Rule("document_code", vi(r"""(?<![\w/])\d+(?:/\d+)*[-/](?-i:[A-ZĐ])[\w]*(?:[-/.&][\w]+)*"""), _claim,
          _code_starts, claims=True),
    # COVID-19, QH15, H5N1, 4G: digits glued to letters
    _Rule("glued_identifier", vi(rf"""(?<![^\W\d_]){_LETTER}+-?\d+(?:[.,]\d+)*{_LETTER}*\w*|(?<!\d)\d+{_LETTER}+\d+\w*"""),
          _claim, _glued_starts, claims=True),
    # 14/3/2024, 29-1-2021, 14.3.2024
    _Rule("date_shaped", vi(r"""(?<![\w.,/-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)\d{4}(?!\d)"""),
          _claim_date, _date_shaped_starts, claims=True),
    # ngày 30 tháng 6 năm 2024, ngày 14 tháng 7
    _Rule("long_date", re.compile(r"""ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s*(?:năm\s+)?\d{4})?\b""", re.VERBOSE),
          _claim, starting_with("ngày"), claims=True, low=True),
    # tháng 10/2024, tháng 6-2024, tháng 10
    _Rule("month_date", re.compile(r"""tháng\s+\d{1,2}(?:\s*[/-]\s*\d{4})?(?![\d/]|[.,]\d)""", re.VERBOSE),
          _claim, starting_with("tháng"), claims=True, low=True),
    # Quý II/2024: the year after the slash belongs to the quarter
    _Rule("quarter_year", vi(r"""(?<=[IV]/)\d{4}\b|\bquý\s+[1-4](?:\s*(?:/|-|năm)\s*\d{4})?\b"""), _claim,
          _quarter_year_starts, claims=True),
    # ngày 14-7, (27/7), trước 30/6: day and month with a date word before, or in brackets
    _Rule("day_month_in_context", vi(rf"""(?:\b{_alternation(_DATE_CUES)}\s+|\()"""
                                     r"""(?P<dm>(?P<d>\d{1,2})[/-](?P<m>\d{1,2}))(?![\d/]|[.,]\d)"""),
          _claim_day_month, _day_month_in_context_starts, claims=True),
    # 83,2%/50%, 45.799/36.875, 288/825, 7/35
    _Rule("fraction", vi(rf"""{_NOT_BEFORE}(?P<a>{_RUN})(?P<pa>\s?%)?/(?P<b>{_RUN})(?P<pb>\s?%)?(?![\d/])"""),
          _build_fraction, _number_starts),
    # 1.200.000, 3,09, 8,5%, 03, 2021
    _Rule("number", vi(rf"""{_NOT_BEFORE}(?P<n>{_RUN})(?P<p>\s?(?:%|phần\s+trăm\b))?{_NOT_AFTER}"""),
          _build_number, _number_starts),
    # Quý II, khóa XX, lần thứ XI, Đại hội XIV, Hội nghị Trung ương 5 (khóa XIII), thế kỷ XXI
    _Rule("roman_in_context", vi(rf"""\b{_alternation(_ROMAN_CUES)}\s+\(?(?-i:(?P<r>[IVXLC]+))(?![\w])"""),
          _build_roman, _roman_in_context_starts, group="r"),
    # section headings: "I. Về tình hình ...", "II) ..." at the start of a line
    _Rule("roman_heading", re.compile(r"(?m)^[ \t]*(?P<r>[IVXLC]+)[.)][ \t]"), _build_roman_heading,
          _roman_heading_starts, group="r"),
]
