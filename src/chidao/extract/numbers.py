"""Numbers in Vietnamese notation (1.200.000, 3,09, 8,5%, 288/825, 03, Roman XX in context)."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from chidao.extract.document import Document
from chidao.extract.rules import Rule, vi
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
class _Claim:
    """Words a rule takes away from later rules without making a number of them (a date, a code)."""

    start: int  # norm coordinates
    end: int


# a separator-joined run of digits
_RUN = r"\d+(?:[.,]\d+)*"
# words after which a bare d/m (no year) is a date, not a fraction
_DATE_CUE = (r"(?:ngày|hôm|từ|đến|tới|trước|sau|hết|nhất|vào|sáng|chiều|tối|trưa|đêm|khuya|"
             r"thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)")
_LETTER = r"[^\W\d_]"


def _valid_dm(d: str, m: str) -> bool:
    return 1 <= int(d) <= 31 and 1 <= int(m) <= 12


def _claim(doc: Document, m: re.Match[str]) -> _Claim:
    return _Claim(m.start(), m.end())


def _claim_date(doc: Document, m: re.Match[str]) -> _Claim | None:
    if not _valid_dm(m.group("d"), m.group("m")):
        return None
    return _Claim(m.start(), m.end())


def _claim_group(group: str):
    def build(doc: Document, m: re.Match[str]) -> _Claim:
        return _Claim(m.start(group), m.end(group))
    return build


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
    value = parse_number(m.group("n"))
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
    """Disjoint spans taken so far, kept sorted: overlap tests in logarithmic time."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.spans, (s, -1))
        for j in (i - 1, i):
            if 0 <= j < len(self.spans) and s < self.spans[j][1] and self.spans[j][0] < e:
                return True
        return i < len(self.spans) and self.spans[i][0] < e

    def append(self, span: tuple[int, int]) -> None:
        bisect.insort(self.spans, span)


def _overlaps(claimed: _Taken, s: int, e: int) -> bool:
    return claimed.overlaps(s, e)


def find_numbers(doc: Document) -> list[NumberFact]:
    """Every number of ``doc``, in text order; codes and date-shaped tokens are left out."""
    claimed = _Taken()
    facts: list[NumberFact] = []
    for rule in RULES:
        for m in rule.pattern.finditer(doc.norm):
            built = rule.build(doc, m)
            if built is None:
                continue
            if isinstance(built, _Claim):
                if not _overlaps(claimed, built.start, built.end):
                    claimed.append((built.start, built.end))
                continue
            ns, ne = doc.norm_span(built.start, built.end)
            if _overlaps(claimed, ns, ne):
                continue
            claimed.append((ns, ne))
            facts.append(built)
    facts.sort(key=lambda f: (f.start, f.end))
    return facts


def run(doc: Document) -> None:
    doc.facts[NAME] = find_numbers(doc)


# --------------------------------------------------------------------------- rules
# Order matters: a span claimed by an earlier rule (a document code, a date) is skipped later.

_NOT_BEFORE = r"(?<![\w.,/])"          # not glued to a word or to another number
_NOT_AFTER = r"(?![.,]?\d)(?!/\d)"

RULES: list[Rule] = [
    # 2043-KL/TU, 36-NQ/TW, 73/2023/NĐ-CP, 1234/QĐ-UBND, 15/2023/QH15: identifiers, not quantities
    Rule("document_code", vi(r"""(?<![\w/])\d+(?:/\d+)*[-/](?-i:[A-ZĐ])[\w]*(?:[-/.&][\w]+)*"""), _claim),
    # COVID-19, QH15, H5N1, 4G: digits glued to letters (tried at word starts only: fast)
    Rule("glued_identifier", vi(rf"""(?<![^\W\d_]){_LETTER}+-?\d+(?:[.,]\d+)*{_LETTER}*\w*|(?<!\d)\d+{_LETTER}+\d+\w*"""),
         _claim),
    # 14/3/2024, 29-1-2021, 14.3.2024
    Rule("date_shaped", vi(r"""(?<![\w.,/-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)\d{4}(?!\d)"""),
         _claim_date),
    # ngày 30 tháng 6 năm 2024, ngày 14 tháng 7
    Rule("long_date", vi(r"""ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s*(?:năm\s+)?\d{4})?\b"""), _claim),
    # tháng 10/2024, tháng 6-2024, tháng 10
    Rule("month_date", vi(r"""tháng\s+\d{1,2}(?:\s*[/-]\s*\d{4})?(?![\d/]|[.,]\d)"""),
         lambda doc, m: _Claim(m.start(), m.end())),
    # Quý II/2024: the year after the slash belongs to the quarter
    Rule("quarter_year", vi(r"""(?<=[IV]/)\d{4}\b|\bquý\s+[1-4](?:\s*(?:/|-|năm)\s*\d{4})?\b"""), _claim),
    # ngày 14-7, (27/7), trước 30/6: day and month with a date word before, or in brackets
    Rule("day_month_in_context", vi(rf"""(?:\b{_DATE_CUE}\s+|\()"""
                                    r"""(?P<dm>(?P<d>\d{1,2})[/-](?P<m>\d{1,2}))(?![\d/]|[.,]\d)"""),
         lambda doc, m: _Claim(m.start("dm"), m.end("dm")) if _valid_dm(m["d"], m["m"]) else None),
    # 83,2%/50%, 45.799/36.875, 288/825, 7/35
    Rule("fraction", vi(rf"""{_NOT_BEFORE}(?P<a>{_RUN})(?P<pa>\s?%)?/(?P<b>{_RUN})(?P<pb>\s?%)?(?![\d/])"""),
         _build_fraction),
    # 1.200.000, 3,09, 8,5%, 03, 2021
    Rule("number", vi(rf"""{_NOT_BEFORE}(?P<n>{_RUN})(?P<p>\s?(?:%|phần\s+trăm\b))?{_NOT_AFTER}"""),
         _build_number),
    # Quý II, khóa XX, lần thứ XI, Đại hội XIV, Hội nghị Trung ương 5 (khóa XIII), thế kỷ XXI
    Rule("roman_in_context", vi(r"""\b(?:quý|khóa|lần\s+thứ|đại\s+hội|thế\s+kỷ|phần|chương|mục|"""
                                r"""kỳ\s+họp\s+thứ|giai\s+đoạn|phụ\s+lục|khu\s+vực|cấp|loại|hạng)"""
                                r"""\s+\(?(?-i:(?P<r>[IVXLC]+))(?![\w])"""),
         _build_roman),
    # section headings: "I. Về tình hình ...", "II) ..." at the start of a line
    Rule("roman_heading", re.compile(r"(?m)^[ \t]*(?P<r>[IVXLC]+)[.)][ \t]"), _build_roman_heading),
]
