"""Dates, periods and deadlines: each resolved to its first and last day, and the document's own date.

As in chidao.extract.numbers, a rule's pattern is tried only where a match of it can begin
(chidao.extract.anchors: a run of digits, a word), which finds exactly what a scan of the whole
text finds.
"""
from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from chidao.extract.anchors import (free_digit_runs, matches_at, matches_read_back, phrase_matches, phrase_starts,
                                    reversed_alternation, reversed_low, start_before, trie_alternation,
                                    word_starts)
from chidao.extract.document import Document
from chidao.extract.numbers import roman_to_int
from chidao.extract.rules import vi
from chidao.lexicon import load_tsv
from chidao.model import DateFact, Deadline, PeriodKind

NAME = "dates"
REQUIRES: tuple[str, ...] = ("numbers",)

MIN_YEAR, MAX_YEAR = 1945, 2100

# --------------------------------------------------------------------------- lexicon


def _phrase_re(phrase: str) -> str:
    """A lexicon phrase as a pattern: literal words, any run of spaces between them."""
    return r"\s+".join(re.escape(w) for w in phrase.split())


@lru_cache(maxsize=None)
def _periods() -> dict[str, tuple[PeriodKind, int | None, int | None]]:
    out: dict[str, tuple[PeriodKind, int | None, int | None]] = {}
    for row in load_tsv("periods"):
        phrase, kind = row[0].casefold(), PeriodKind(row[1])
        first = int(row[2]) if len(row) > 2 and row[2] else None
        last = int(row[3]) if len(row) > 3 and row[3] else None
        out[" ".join(phrase.split())] = (kind, first, last)
    return out


@lru_cache(maxsize=None)
def _relative_years() -> dict[str, int]:
    return {" ".join(r[0].casefold().split()): int(r[1]) for r in load_tsv("relative_years")}


@lru_cache(maxsize=None)
def _cues() -> dict[str, list[tuple[str, str]]]:
    """role -> [(phrase, relation)], longest phrase first."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in load_tsv("deadline_cues"):
        out.setdefault(row[1], []).append((" ".join(row[0].casefold().split()),
                                           row[2] if len(row) > 2 else ""))
    for items in out.values():
        items.sort(key=lambda x: -len(x[0]))
    return out


def _alternation(phrases: list[str]) -> str:
    return "|".join(_phrase_re(p) for p in sorted(phrases, key=len, reverse=True))


# --------------------------------------------------------------------------- resolving


def _last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _year(m: re.Match[str], group: str = "y") -> int | None:
    y = m.group(group) if group in m.re.groupindex else None
    if y is None:
        return None
    return int(y)


def _ref_year(doc: Document) -> int | None:
    return doc.ref_date.year if doc.ref_date else None


def _mk(doc: Document, m: re.Match[str], rule: str, kind: PeriodKind, first: date | None,
        last: date | None, year_given: bool = True, ns: int | None = None) -> DateFact:
    s, e = doc.orig_span(m.start() if ns is None else ns, m.end())
    return DateFact(start=s, end=e, text=doc.text[s:e], kind=kind, first=first, last=last,
                    year_given=year_given, rule=rule)


def _valid_year(y: int) -> bool:
    return MIN_YEAR <= y <= MAX_YEAR


def _build_day(rule: str):
    def build(doc: Document, m: re.Match[str]) -> DateFact | None:
        d, mo = int(m.group("d")), int(m.group("m"))
        y = _year(m)
        if y is not None and not _valid_year(y):
            return None
        try:
            date(y or 2000, mo, d)      # 2000 is a leap year: 29/2 without a year is a date
        except ValueError:
            return None
        if y is None:
            ry = _ref_year(doc)
            try:
                day = date(ry, mo, d) if ry else None
            except ValueError:
                day = None
            return _mk(doc, m, rule, PeriodKind.DAY, day, day, year_given=False)
        day = date(y, mo, d)
        return _mk(doc, m, rule, PeriodKind.DAY, day, day)
    return build


def _build_bare_day_month(doc: Document, m: re.Match[str]) -> DateFact | None:
    # numbers decides whether a bare d/m is a fraction (7/35 chỉ tiêu) or a date ((27/7), trước 30/6)
    if "numbers" not in doc.facts:
        return None
    s, e = doc.orig_span(m.start(), m.end())
    if any(f.start < e and s < f.end for f in doc.facts["numbers"]):
        return None
    return _build_day("bare_day_month")(doc, m)


def _written_or_ref_year(doc: Document, m: re.Match[str]) -> tuple[int | None, bool] | None:
    """The year of ``m`` and whether it was written: the written one, else the reference year (which
    may be unknown, ``None``); ``None`` for a written year out of range."""
    y = _year(m)
    if y is None:
        return _ref_year(doc), False
    return (y, True) if _valid_year(y) else None


def _build_month(doc: Document, m: re.Match[str]) -> DateFact | None:
    mo = int(m.group("m"))
    if not 1 <= mo <= 12:
        return None
    year = _written_or_ref_year(doc, m)
    if year is None:
        return None
    y, given = year
    if y is None:
        return _mk(doc, m, "month", PeriodKind.MONTH, None, None, year_given=False)
    return _mk(doc, m, "month", PeriodKind.MONTH, date(y, mo, 1), _last_day(y, mo), year_given=given)


def _build_quarter(doc: Document, m: re.Match[str]) -> DateFact | None:
    q_text = m.group("q")
    q = int(q_text) if q_text.isdigit() else roman_to_int(q_text)
    if q is None or not 1 <= q <= 4:
        return None
    year = _written_or_ref_year(doc, m)
    if year is None:
        return None
    y, given = year
    if y is None:
        return _mk(doc, m, "quarter", PeriodKind.QUARTER, None, None, year_given=False)
    return _mk(doc, m, "quarter", PeriodKind.QUARTER, date(y, 3 * q - 2, 1), _last_day(y, 3 * q),
               year_given=given)


def _year_of(doc: Document, m: re.Match[str]) -> tuple[int | None, bool] | None:
    """The year a period names: given (``năm 2024``), relative (``năm nay``) or the reference year."""
    if m.group("y"):
        y = int(m.group("y"))
        return (y, True) if _valid_year(y) else None
    ry = _ref_year(doc)
    rel = m.group("rel")
    if rel:
        offset = _relative_years().get(" ".join(rel.casefold().split()), 0)
        return (ry + offset if ry else None), False
    return ry, False


def _months_fact(doc, m, rule, kind, first_month, last_month, ns: int | None = None) -> DateFact | None:
    got = _year_of(doc, m)
    if got is None:
        return None
    y, given = got
    if y is None:
        return _mk(doc, m, rule, kind, None, None, year_given=given, ns=ns)
    first = date(y, first_month, 1)
    last = _last_day(y, last_month) if last_month else None
    return _mk(doc, m, rule, kind, first, last, year_given=given, ns=ns)


def _build_part_of_year(doc: Document, m: re.Match[str]) -> DateFact | None:
    phrase = " ".join(m.group("p").casefold().split())
    kind, first, last = _periods()[phrase]
    return _months_fact(doc, m, "part_of_year", kind, first or 1, last)


_WORD_NUMBERS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
                 "chín": 9, "mười": 10, "mười một": 11}


# the count before "tháng đầu/cuối năm", found looking back from the match of "tháng"
_N_BEFORE = vi(r"""(?<![\w])(?P<n>\d{1,2}|mười\s+một|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+$""")


def _build_n_months(doc: Document, m: re.Match[str]) -> DateFact | None:
    nm = _N_BEFORE.search(doc.norm, max(0, m.start() - 12), m.start())
    if nm is None:
        return None
    n_text = " ".join(nm.group("n").casefold().split())
    n = int(n_text) if n_text.isdigit() else _WORD_NUMBERS.get(n_text)
    if n is None or not 1 <= n <= 11:
        return None
    kind = PeriodKind.HALF if n == 6 else PeriodKind.MONTHS
    if m.group("which").casefold() == "đầu":
        return _months_fact(doc, m, "n_months_of_year", kind, 1, n, ns=nm.start())
    return _months_fact(doc, m, "n_months_of_year", kind, 13 - n, 12, ns=nm.start())


def _build_year(doc: Document, m: re.Match[str]) -> DateFact | None:
    y = int(m.group("y"))
    if not _valid_year(y):
        return None
    return _mk(doc, m, "year", PeriodKind.YEAR, date(y, 1, 1), date(y, 12, 31))


def _build_relative_year(doc: Document, m: re.Match[str]) -> DateFact | None:
    ry = _ref_year(doc)
    offset = _relative_years()[" ".join(m.group("rel").casefold().split())]
    if ry is None:
        return _mk(doc, m, "relative_year", PeriodKind.YEAR, None, None, year_given=False)
    y = ry + offset
    return _mk(doc, m, "relative_year", PeriodKind.YEAR, date(y, 1, 1), date(y, 12, 31), year_given=False)


def _build_range(rule: str):
    def build(doc: Document, m: re.Match[str]) -> DateFact | None:
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if not (_valid_year(y1) and _valid_year(y2) and y1 < y2 <= y1 + 50):
            return None
        return _mk(doc, m, rule, PeriodKind.RANGE, date(y1, 1, 1), date(y2, 12, 31))
    return build


def _build_relative(doc: Document, m: re.Match[str]) -> DateFact | None:
    return _mk(doc, m, "relative", PeriodKind.RELATIVE, None, None, year_given=False)


_COUNT_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
                "mười": 10, "mười lăm": 15}
# the day a duration is counted from, when the words name it: "kể từ ngày 01/7/2024", "trước ngày 15/9/2024"
_FROM_DAY = re.compile(r"""\s*,?\s+(?:(?:(?:kể|tính)\s+từ|từ|sau)|(?P<back>trước))\s+(?:ngày\s+)?
    (?:(?P<d>[0-3]?\d)\s*(?P<sep>[/.-])\s*(?P<m>[01]?\d)\s*(?P=sep)\s*(?P<y>(?:19|20)\d\d)
      |(?P<d2>[0-3]?\d)\s+tháng\s+(?P<m2>[01]?\d)\s*,?\s*năm\s+(?P<y2>(?:19|20)\d\d))(?![\d/])""", re.VERBOSE)


def _add_months(day: date, n: int) -> date:
    """The day ``n`` months after ``day`` (the month's last day where it is shorter)."""
    y, m = divmod(day.month - 1 + n, 12)
    y, m = y + day.year, m + 1
    return date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


def _counted_from(m: re.Match[str]) -> date | None:
    """The last day a duration counted from a named day allows: ``trong 30 ngày kể từ ngày 01/7/2024``
    -> 2024-07-31 (the day named is not counted); ``None`` for working days or an event."""
    anchor = m.group("anchor")
    if not anchor or m.group("work"):
        return None
    a = _FROM_DAY.match(anchor.casefold())
    if a is None:
        return None
    k = "" if a.group("d") else "2"
    try:
        day = date(int(a.group("y" + k)), int(a.group("m" + k)), int(a.group("d" + k)))
    except ValueError:
        return None
    n_text = " ".join(m.group("n").casefold().split())
    n = int(n_text) if n_text.isdigit() else _COUNT_WORDS.get(n_text)
    if n is None:
        return None
    sign = -1 if a.group("back") else 1
    unit = m.group("unit").casefold()
    if unit == "ngày":
        return day + timedelta(days=sign * n)
    if unit == "tuần":
        return day + timedelta(days=sign * 7 * n)
    return _add_months(day, sign * n * (12 if unit == "năm" else 1))


def _build_duration(doc: Document, m: re.Match[str]) -> DateFact | None:
    cue = " ".join(m.group("cue").casefold().split())
    if cue == "sau" and not (m.group("anchor") or m.group("work")):
        return None                     # "sau 5 năm thực hiện": a time that has passed, not a limit
    due = _counted_from(m)
    if due is not None:
        if not _valid_year(due.year):
            return None
        return _mk(doc, m, "duration_from_day", PeriodKind.DAY, due, due)
    return _mk(doc, m, "duration", PeriodKind.RELATIVE, None, None, year_given=False)


def _build_recurring(rule: str):
    def build(doc: Document, m: re.Match[str]) -> DateFact | None:
        gd = m.groupdict()
        for d, mo in ((gd.get("d"), gd.get("m") or gd.get("m2")), (gd.get("d_to"), gd.get("m_to") or gd.get("m2_to"))):
            if d is not None and not 1 <= int(d) <= 31 or mo is not None and not 1 <= int(mo) <= 12:
                return None
        return _mk(doc, m, rule, PeriodKind.RELATIVE, None, None, year_given=False)
    return build


# --------------------------------------------------------------------------- scanning


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def find_dates(doc: Document) -> list[DateFact]:
    """Every date and period of ``doc``, resolved against ``doc.ref_date``; longest match wins."""
    cands: list[tuple[int, int, int, int, DateFact]] = []
    for prio, rule in enumerate(RULES):
        extends = rule.name in PREFIXES
        for m in rule.matches(doc):
            fact = rule.build(doc, m)
            if fact is None:
                continue
            if extends:
                p = _prefix_start(doc, rule.name, m.start())
                if p is not None and p < m.start():
                    s = doc.orig_span(p, m.end())[0]
                    fact = DateFact(start=s, end=fact.end, text=doc.text[s:fact.end], kind=fact.kind, first=fact.first,
                                    last=fact.last, year_given=fact.year_given, rule=fact.rule)
            cands.append((-(fact.end - fact.start), fact.start, prio, len(cands), fact))
    cands.sort()                                # longest first, then leftmost, then by rule
    kept: list[DateFact] = []
    starts: list[int] = []                      # of the spans kept: disjoint, so both lists sorted
    ends: list[int] = []
    for *_, fact in cands:
        i = bisect.bisect_left(starts, fact.end)            # the kept spans starting before its end
        if i and ends[i - 1] > fact.start:
            continue
        i = bisect.bisect_left(starts, fact.start)
        starts.insert(i, fact.start)
        ends.insert(i, fact.end)
        kept.append(fact)
    kept.sort(key=lambda f: (f.start, f.end))
    return _share_years(doc, kept)


# what joins two dates or periods of one kind: "tháng 5 và tháng 6 năm 2025", "từ tháng 11 đến tháng 2/2025"
_LINKED = re.compile(r"\s*(?:,|và|hoặc|đến|tới|-|–|—|,\s*và)\s*")
_SHARED_KINDS = (PeriodKind.DAY, PeriodKind.MONTH, PeriodKind.QUARTER)


def _share_years(doc: Document, facts: list[DateFact]) -> list[DateFact]:
    """A date or period written without its year, joined to one of its kind that has one, takes that
    year: "tháng 5 và tháng 6 năm 2025" (May 2025), "từ tháng 11 đến tháng 2/2025" (November 2024)."""
    for i in range(len(facts) - 2, -1, -1):
        a, b = facts[i], facts[i + 1]
        if a.year_given or not b.year_given or a.kind != b.kind or a.kind not in _SHARED_KINDS \
                or a.first is None or b.first is None or a.rule not in _YEARLESS_RULES:
            continue
        ae, bs = doc.norm_span(a.start, a.end)[1], doc.norm_span(b.start, b.end)[0]
        if not _LINKED.fullmatch(doc.low, ae, bs):
            continue
        y = b.first.year - (1 if (a.first.month, a.first.day) > (b.first.month, b.first.day) else 0)
        shift = y - a.first.year
        if shift == 0:
            continue
        try:
            first = a.first.replace(year=a.first.year + shift)
        except ValueError:
            continue                                    # 29/2 in a year without it
        last = _last_day(a.last.year + shift, a.last.month) if a.last == _last_day(a.last.year, a.last.month) \
            else a.last.replace(year=a.last.year + shift)
        facts[i] = DateFact(a.start, a.end, a.text, a.kind, first, last, False, a.rule)
    return facts


# --------------------------------------------------------------------------- the document's own date

_D, _M, _Y = r"(?P<d>[0-3]?\d)", r"(?P<m>[01]?\d)", r"(?P<y>(?:19|20)\d\d)"
_FULL_DATE = (r"(?:ngày\s+(?P<d1>[0-3]?\d)\s+tháng\s+(?P<m1>[01]?\d)\s*,?\s*năm\s+(?P<y1>(?:19|20)\d\d)"
              r"|(?:ngày\s+)?(?P<d2>[0-3]?\d)\s*(?P<sep>[/.-])\s*(?P<m2>[01]?\d)\s*(?P=sep)\s*(?P<y2>(?:19|20)\d\d))")
_WEEKDAYS = ("thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy",
             "thứ 2", "thứ 3", "thứ 4", "thứ 5", "thứ 6", "thứ 7", "chủ nhật")
_WEEKDAY = rf"(?:(?:{_alternation(list(_WEEKDAYS))})\s*,?\s*)"

_HEADER_PLACE_DATE = vi(rf"""(?m)(?:^|\|)[ \t]*(?P<place>[^\W\d_][^\n,;:|]{{0,40}}?)\s*,\s*(?P<date>{_FULL_DATE})[ \t.]*(?:$|\|)""")
_OPENING_DATE = vi(rf"""(?m)^[ \t]*(?:(?:sáng|chiều|tối|trưa|đêm)\s+(?:nay\s*,?\s*)?)?{_WEEKDAY}?"""
                   rf"""(?P<date>{_FULL_DATE})\s*[,:]""")
# a news page's dateline alone on its line: "Cập nhật, 14:22, Thứ Tư, 29/03/2017 (GMT+7)",
# "22/09/2022 15:15", "Đăng ngày: 05/01/2025 - 08:30" (web_dateline)
_CLOCK = r"(?:\d{1,2}\s*[:hg]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*[AP]M)?)"
_WEB_DATELINE = vi(rf"""(?m)^[ \t]*(?:(?:cập\s+nhật|đăng\s+(?:ngày|lúc)|ngày\s+đăng|xuất\s+bản|thời\s+gian)"""
                   rf"""\s*(?:lúc\s*)?[:,]?\s*)?(?:{_CLOCK}\s*[,|-]?\s*)?{_WEEKDAY}?(?P<date>{_FULL_DATE})"""
                   rf"""(?:\s*[,|-]?\s*(?:lúc\s*)?{_CLOCK})?\s*(?:[\[(]?\s*GMT\s*[+-]\s*\d{{1,2}}\s*[\])]?)?[ \t.]*$""")
HEADER_CHARS = 3000      # where a header's place-date line may be
OPENING_CHARS = 6000     # where the date opening the body may be


def _dated(doc: Document, m: re.Match[str], rule: str) -> DateFact | None:
    k = "1" if m.group("d1") else "2"
    try:
        day = date(int(m.group("y" + k)), int(m.group("m" + k)), int(m.group("d" + k)))
    except ValueError:
        return None
    s, e = doc.orig_span(m.start("date"), m.end("date"))
    return DateFact(start=s, end=e, text=doc.text[s:e], kind=PeriodKind.DAY, first=day, last=day,
                    rule=rule)


def _iso(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


def find_document_date(doc: Document) -> DateFact | None:
    """The document's own date: its header's place-date line, else a full date opening the body,
    else a news page's dateline near the top, else the ``published`` date a reader found, else the
    reference date given. ``None`` if none."""
    head = doc.norm[:HEADER_CHARS]
    lines = _line_starts(head)
    for m in matches_at(_HEADER_PLACE_DATE, head, sorted(lines + _bars(head))):
        place = m.group("place").casefold()
        if "ngày" in place or place.strip() in _WEEKDAYS:
            continue                    # "Thứ Bảy, 15/6/2024 | 19:57": a dateline, no place
        fact = _dated(doc, m, "header_place_date")
        if fact:
            return fact
    opening = doc.norm[:OPENING_CHARS]
    for m in matches_at(_OPENING_DATE, opening, lines if len(opening) == len(head) else _line_starts(opening)):
        fact = _dated(doc, m, "opening_date")
        if fact:
            return fact
    for m in matches_at(_WEB_DATELINE, head, lines):
        fact = _dated(doc, m, "web_dateline")
        if fact:
            return fact
    meta = doc.source.meta if doc.source and isinstance(doc.source.meta, dict) else {}
    published = _iso(meta.get("published"))
    if published:
        return DateFact(0, 0, "", PeriodKind.DAY, published, published, rule="published_meta")
    if doc.given_ref_date:
        g = doc.given_ref_date
        return DateFact(0, 0, "", PeriodKind.DAY, g, g, rule="given_ref_date")
    return None


def _line_starts(text: str) -> list[int]:
    """Where the lines of ``text`` begin: where ``(?m)^`` matches."""
    out = [0]
    i = text.find("\n")
    while i >= 0:
        out.append(i + 1)
        i = text.find("\n", i + 1)
    return out


def _bars(text: str) -> list[int]:
    """Where ``|`` (a table cell border) is in ``text``."""
    out = []
    i = text.find("|")
    while i >= 0:
        out.append(i)
        i = text.find("|", i + 1)
    return out


def run(doc: Document) -> None:
    own = find_document_date(doc)
    if own is not None:
        doc.ref_date = own.first
    doc.facts["document_date"] = [own] if own is not None else []
    doc.facts[NAME] = find_dates(doc)


# --------------------------------------------------------------------------- deadlines

_CLAUSE_MARKS = ".;!?\n"            # what ends a clause


# a time of day between a cue and its date: "trước 14 giờ, ngày 05/12/2017", "trước 17h00 ngày 30/6"
_CLOCK = r"(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút)?)?\s*,?\s*)"


@lru_cache(maxsize=None)
def _cue_tail(role: str, low: bool = False) -> re.Pattern[str]:
    """A cue of ``role`` ending the clause before a date; ``low``: the same over doc.low."""
    phrases = [p for p, _ in _cues().get(role, [])]
    if low:
        return re.compile(rf"""(?P<cue>{trie_alternation(phrases, word_start=True)})\s*:?\s*{_CLOCK}?$""", re.VERBOSE)
    return vi(rf"""(?<![\w])(?P<cue>{_alternation(phrases)})\s*:?\s*{_CLOCK}?$""")


@lru_cache(maxsize=None)
def _lead_tail(role: str = "lead", low: bool = False) -> re.Pattern[str]:
    phrases = [p for p, _ in _cues()[role]]
    if low:
        return re.compile(rf"""(?P<lead>{trie_alternation(phrases, word_start=True)})\s*:?\s*$""", re.VERBOSE)
    return vi(rf"""(?<![\w])(?P<lead>{_alternation(phrases)})\s*:?\s*$""")


@lru_cache(maxsize=1024)
def _relation(role: str, cue: str) -> str:
    cue = " ".join(cue.casefold().split())
    return next((rel for p, rel in _cues()[role] if p == cue), "by")


@lru_cache(maxsize=None)
def _licensing() -> re.Pattern[str]:
    """A lead or a report verb: either licenses a weak cue ("báo cáo kết quả đến hết tháng 10")."""
    phrases = [p for role in ("lead", "report") for p, _ in _cues().get(role, [])]
    return vi(rf"""(?<![\w])(?:{_alternation(phrases)})(?![\w])""")


@lru_cache(maxsize=None)
def _word_re(role: str) -> re.Pattern[str]:
    return vi(rf"""(?<![\w])(?:{_alternation([p for p, _ in _cues().get(role, [])])})(?![\w])""")


# "từ nay đến ...", "từ bây giờ đến ...", but not a span of dates "từ ngày 12 đến ngày 15 tháng 10"
_FROM_NOW = vi(r"""(?<![\w])từ(?![\w])(?!\s+(?:(?:ngày|tháng|quý|năm)\s+)?\d)""")
_FIXED_KINDS = (PeriodKind.DAY, PeriodKind.MONTH, PeriodKind.QUARTER)
# the date opens a clause whose verb is a must: "Ngày 1/5, 63 tỉnh, thành phố phải gửi đề án"
_MUST_AFTER = vi(r"""^\s*,?[^.;:!?()]{0,60}?(?<![\w])(?:phải|cần)(?![\w])""")
# "đã", or "qua" after a time ("vừa qua", "năm qua"; not "thông qua", "(qua Văn phòng)")
_PAST = vi(r"""(?<![\w])(?:đã|(?:vừa|năm|tháng|tuần|quý|ngày|gian|kỳ|đây)\s+qua)(?![\w])""")
# "đã" before a verb of directing: the directive is past, the work it sets is not
_PAST_DIRECTIVE = vi(r"""đã\s+(?:yêu\s+cầu|giao|chỉ\s+đạo|đề\s+nghị|chỉ\s+thị|đôn\s+đốc|quy\s+định|thống\s+nhất"""
                     r"""|kết\s+luận|đề\s+ra|đặt\s+ra|ban\s+hành|phân\s+công|có\s+văn\s+bản)(?![\w])""")
_PAST_AFTER = vi(r"""^\s*(?:qua|vừa\s+qua|trước\s+đó)(?![\w])|(?<![\w])đã(?![\w])""")


def _due(fact: DateFact, relation: str) -> date | None:
    if fact.kind == PeriodKind.RELATIVE or fact.last is None:
        return None
    if relation == "before" and fact.kind != PeriodKind.DAY:
        if fact.text.casefold().lstrip().startswith("cuối"):
            return fact.last                     # "trước cuối năm 2024": by the end of the year
        if fact.first is None:
            return None
        return fact.first - timedelta(days=1)
    return fact.last


def _deadline(doc: Document, ns: int, ne: int, due: date | None, rule: str) -> Deadline:
    s, e = doc.orig_span(ns, ne)
    return Deadline(text=doc.text[s:e], start=s, end=e, due=due, rule=rule)


CUE_CHARS = 64        # how far before a date its cue may begin ("thời gian hoàn thành: 17h00, ngày ...")


_RECURRING = ("recurring_day", "periodic")
_DURATIONS = ("duration", "duration_from_day")
_DURATION_OPENERS = ("trong", "tối", "không", "chậm", "muộn", "sau")
# "định kỳ" and "từ" opening a recurring time: "Định kỳ từ ngày 1 đến ngày 5 hằng tháng"
_RECURRING_OPEN = vi(r"""(?:(?<![\w])định\s+kỳ\s*,?\s*)?(?:(?<![\w])từ\s+)?$""")
# two periods of one kind joined, the deadline running to the later: "trong tháng 5 và tháng 6 năm 2025"
_JOINED = re.compile(r"\s*(?:,\s*(?:và\s+|hoặc\s+)?|(?:và|hoặc)\s+)")
# a period opening a clause whose verb is one of completion: "..., 6 tháng đầu năm hoàn thành các yêu cầu"
_DONE_AFTER = vi(r"""^\s*(?:phải\s+|cần\s+|sẽ\s+)?(?:hoàn\s+thành|hoàn\s+thiện|xong|đưa\s+vào)(?![\w])""")
_DONE_KINDS = (PeriodKind.DAY, PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.MONTHS,
               PeriodKind.YEAR)
_YEARLESS_RULES = ("day_month", "bare_day_month", "long_date", "month", "quarter", "part_of_year",
                   "n_months_of_year")


# ..................................................... where the deadline rules are tried
# The rules are written over doc.norm, case-insensitive (``vi``); one opening with a look-behind is
# tried by ``search`` at every position of the clause. What finds the same, sooner:
# - Over doc.low a lower-case letter matches the characters it matches under IGNORECASE, but for
#   "ı" and "ſ" (which "i" and "s" match and doc.low keeps as they are); \w, \s and \d are the same
#   in both. In a document holding neither, a rule is tried only where the words a match needs are
#   in doc.low (``str.find``), and the cue rules run over doc.low, case-sensitive, their phrases as
#   a trie whose first letters the engine skips to. In a document holding either, the rules run as
#   they are written.
# - A cue rule matches only a phrase that, but for a tail, ends the clause before the date: read
#   back from the date over anchors.reversed_low, one anchored match tells whether one can.


class _Span:
    """A task's span of ``doc.text``, read for deadlines, as ``[lo, hi)`` of ``doc.norm``, and where
    the clauses in it end (found when first asked)."""

    __slots__ = ("doc", "norm", "low", "rev", "odd", "same", "lo", "hi", "ends")

    def __init__(self, doc: Document, start: int, end: int) -> None:
        keys = doc.__dict__.get("dates.deadline_keys")
        if keys is None:
            keys = doc.__dict__["dates.deadline_keys"] = _deadline_keys(doc)
        self.doc = doc
        self.norm, self.low, self.rev, self.odd, self.same = keys
        self.lo, self.hi = (start, end) if self.same else doc.norm_span(start, end)
        self.ends: list[int] | None = None

    def clause(self, fs: int, fe: int) -> tuple[int, int]:
        """The clause holding ``norm[fs:fe]`` (within the span): it begins after the last of ``.;!?``
        or a line break before ``fs`` and ends at the first from ``fe`` on."""
        ends = self.ends
        if ends is None:
            ends = self.ends = []
            find, lo, hi = self.norm.find, self.lo, self.hi
            for c in _CLAUSE_MARKS:                     # str.find: quicker than a pattern of a class
                i = find(c, lo, hi)
                while i >= 0:
                    ends.append(i)
                    i = find(c, i + 1, hi)
            ends.sort()
        i = bisect.bisect_left(ends, fs)
        j = bisect.bisect_left(ends, fe, i)
        return ends[i - 1] + 1 if i else self.lo, ends[j] if j < len(ends) else self.hi

    def opens(self, fs: int) -> bool:
        """The clause before ``fs`` is blank or ends with ``:``, ``,``, ``(`` or a dash after a space:
        a date at ``fs`` opens a clause (what ``(?:^|[:,(]|\\s-)\\s*$`` finds in the clause before it)."""
        norm, lo = self.norm, self.lo
        k = fs
        while k > lo and norm[k - 1].isspace() and norm[k - 1] != "\n":
            k -= 1
        if k == lo or norm[k - 1] in _CLAUSE_MARKS:
            return True
        c = norm[k - 1]
        return c in ":,(" or c == "-" and k - 2 >= lo and norm[k - 2].isspace() and norm[k - 2] != "\n"

    def norm_span(self, fact: DateFact) -> tuple[int, int]:
        """``doc.norm_span`` of a date fact (kept on the document)."""
        if self.same:
            return fact.start, fact.end
        spans = self.doc.__dict__.setdefault("dates.norm_spans", {})
        key = (fact.start, fact.end)
        span = spans.get(key)
        if span is None:
            span = spans[key] = self.doc.norm_span(fact.start, fact.end)
        return span

    def deadline(self, ns: int, ne: int, due: date | None, rule: str) -> Deadline:
        """``_deadline`` of ``norm[ns:ne]``."""
        if not self.same:
            return _deadline(self.doc, ns, ne, due, rule)
        return Deadline(text=self.doc.text[ns:ne], start=ns, end=ne, due=due, rule=rule)

    def holds(self, words: tuple[str, ...], a: int, b: int) -> bool:
        """One of ``words`` (lower case) is in ``norm[a:b]``, whatever its case: without one, a
        pattern that needs one cannot match there."""
        if self.odd:
            return True
        find = self.low.find
        for w in words:
            if find(w, a, b) >= 0:
                return True
        return False

    def first_match(self, pattern: re.Pattern[str], text: str, base: int, words: re.Pattern[str],
                    a: int) -> re.Match[str] | None:
        """``pattern.search(text, a - base)``, for ``text`` = ``norm[base:...]`` and a pattern opening
        with ``(?<![\\w])`` and one of the words ``words`` (a pattern over doc.low) finds."""
        if self.odd:
            return pattern.search(text, a - base)
        match = pattern.match
        for w in words.finditer(self.low, a, base + len(text)):
            m = match(text, w.start() - base)
            if m is not None:
                return m
        return None

    def ends_with(self, back: re.Pattern[str], fs: int, stop: int) -> bool:
        """``norm[stop:fs]`` may end with a phrase ``back`` (``_TailRule.back``) reads: ``False`` when
        no rule of the phrases can match in it."""
        if self.odd:
            return True
        n = len(self.rev)
        return back.match(self.rev, n - fs, n - stop) is not None

    def tail(self, role: str, before: str, cut: int, a: int) -> re.Match[str] | None:
        """``_TAILS[role].pattern.search(before, a - cut)``: a cue of ``role`` that ends ``before``
        (``norm[cut:...]``) but for its tail, and begins at ``a`` or after (its text in lower case)."""
        rule = _TAILS[role]
        if self.odd:
            return rule.pattern.search(before, a - cut)
        if not self.ends_with(rule.back, cut + len(before), cut):
            return None
        return rule.low.search(self.low[cut:cut + len(before)], a - cut)


def _deadline_keys(doc: Document) -> tuple[str, str, str, bool, bool]:
    """What every span of ``doc`` shares: doc.norm, doc.low, anchors.reversed_low; whether it holds
    ı or ſ; whether normalising moved no character (the map back from norm is a single piece,
    character for character: ``doc.norm_span`` is the identity)."""
    low, norm = doc.low, doc.norm
    return (norm, low, reversed_low(doc), "\u0131" in low or "\u017f" in low,
            doc.nt.plain)


@dataclass(frozen=True)
class _TailRule:
    """The pattern for a cue phrase of a role ending the clause before a date, ``pattern``; the same
    over doc.low, ``low`` (case-sensitive, the phrases as a trie: it skips to where one may begin);
    ``back``, over anchors.reversed_low from the date back, reads a tail and one of the phrases."""

    pattern: re.Pattern[str]
    low: re.Pattern[str]
    back: re.Pattern[str]


# every character of the tail after a cue (\s*:?\s*{_CLOCK}?), in lower case
_TAIL_CHARS = r"[\s:,\dgiờhpút]*"


def _phrase_back(roles: tuple[str, ...]) -> re.Pattern[str]:
    """Over anchors.reversed_low: a tail, then one of the phrases of ``roles`` with no letter before it."""
    phrases = [" ".join(p.split())[::-1] for role in roles for p, _ in _cues().get(role, [])]
    return re.compile(rf"{_TAIL_CHARS}{trie_alternation(phrases)}(?!\w)")


@lru_cache(maxsize=None)
def _first_words(*roles: str) -> re.Pattern[str]:
    """The first words of the cue phrases of ``roles``, as a case-sensitive pattern over doc.low."""
    return re.compile(trie_alternation({p.split()[0] for role in roles for p, _ in _cues().get(role, [])}))


_TAIL_ROLES = ("cue", "weak", "lead", "report")     # the roles of the words a date's clause may end with
_TAILS: dict[str, _TailRule] = {role: _TailRule(_cue_tail(role), _cue_tail(role, low=True), _phrase_back((role,)))
                                 for role in ("cue", "weak")}
_TAILS.update({role: _TailRule(_lead_tail(role), _lead_tail(role, low=True), _phrase_back((role,)))
               for role in ("lead", "report")})
_ANY_TAIL = _phrase_back(_TAIL_ROLES)               # reads a phrase of any of them
_FROM_NOW_WORD = re.compile("từ")
_MUST_WORDS = ("phải", "cần")                       # one of which every match of _MUST_AFTER holds
_PAST_WORDS = ("đã", "qua")                         # and of _PAST


def _deadline_of(sp: _Span, fact: DateFact, prev: DateFact | None = None,
                 nxt: DateFact | None = None) -> tuple[Deadline, bool] | None:
    """The deadline ``fact`` sets within the task span ``sp``, and whether it took in ``nxt`` (the fact
    after it, joined to it: "tháng 5 và tháng 6"), or ``None``. ``prev`` is the fact before it in the
    span."""
    doc, norm = sp.doc, sp.norm
    fs, fe = (fact.start, fact.end) if sp.same else sp.norm_span(fact)
    if fact.rule in _DURATIONS:
        ftext = norm[fs:fe].casefold()
        if ftext.startswith(_DURATION_OPENERS):
            cut, aend = sp.clause(fs, fe)
            if ftext.startswith("sau") and fact.rule == "duration" and not norm[cut:fs].strip(" \t,:(-"):
                return None                        # "Sau 3 ngày làm việc, kỳ họp bế mạc": a time gone by
            due = fact.last                        # "trong 30 ngày": its cue inside; none fixed but from a day
            if due is not None and doc.ref_date is not None and due < doc.ref_date or _past_after(sp, fe, aend):
                return None
            return sp.deadline(fs, fe, due, "relative_duration"), False
    # whether a cue, weak cue, lead or report verb may end the clause before the date (read back as far
    # as the span begins: a looser test than within the clause); if not, none is looked for
    cued = sp.ends_with(_ANY_TAIL, fs, sp.lo)
    recurring = fact.rule in _RECURRING
    before = lead_zone = None
    cut = near = sp.lo
    if cued or recurring:
        cut = sp.clause(fs, fe)[0]
        before = norm[cut:fs]
        near = max(cut, fs - CUE_CHARS)             # where a cue may begin
    cue = cued and sp.tail("cue", before, cut, near)
    rule = None
    if cue:
        relation, rule, start = _relation("cue", cue["cue"]), "cue_" + _slug(cue["cue"]), cut + cue.start()
        lead_zone = before[: cue.start()]
    else:
        weak = cued and sp.tail("weak", before, cut, near)
        lead_zone = before[: weak.start()] if weak else before
        if weak and _blocked(sp, lead_zone, cut):
            return None                                            # "tầm nhìn đến năm 2050"
        if weak and (recurring or _licensed(sp, lead_zone, cut)):
            if fact.kind == PeriodKind.YEAR and _plan_name_before(lead_zone):
                return None          # "hoàn thành ... Quy hoạch chung đô thị Huế đến năm 2045": the plan's name
            relation, rule, start = "by", "weak_cue_" + _slug(weak["cue"]), cut + weak.start()
        elif weak and fact.kind in _DONE_KINDS and _DONE_AFTER.match(norm[fe:sp.clause(fs, fe)[1]]):
            relation, rule, start = "by", "weak_cue_then_done", cut + weak.start()   # "đến ngày 25/3 phải hoàn thành"
        elif not weak:
            lead = cued and sp.tail("lead", before, cut, near)
            if lead:
                relation, rule, start = "by", "lead_" + _slug(lead["lead"]), cut + lead.start()
            elif recurring:
                relation, rule = "by", "bare"                       # "Định kỳ ngày 25 hằng tháng, ..."
                start = cut + _RECURRING_OPEN.search(before, max(0, len(before) - 30)).start()
            elif cued and sp.tail("report", before, cut, max(cut, fs - 16)):
                return None                                         # "Báo cáo 6 tháng đầu năm": its period
            elif fact.kind in _FIXED_KINDS and sp.opens(fs) and _must_after(sp, fe, sp.clause(fs, fe)[1]):
                relation, rule, start = "by", "bare_then_must", fs    # "Ngày 1/5, các tỉnh phải gửi ..."
            elif fact.kind in _DONE_KINDS and sp.opens(fs) and _DONE_AFTER.match(norm[fe:sp.clause(fs, fe)[1]]):
                relation, rule, start = "by", "bare_then_done", fs    # "..., quý I/2025 hoàn thành hồ sơ"
            elif fact.rule in ("part_of_year", "n_months_of_year") and fact.last and fact.last.month == 12 \
                    and (fact.first is None or fact.first.month > 1):
                if prev is not None and prev.last is not None and fact.first is not None \
                        and prev.last + timedelta(days=1) == fact.first:
                    return None          # "đánh giá ... 6 tháng đầu năm, triển khai ... 6 tháng cuối năm": an agenda
                relation, rule, start = "by", "bare_end_of_year", fs   # "6 tháng cuối năm 2022", "cuối năm 2025"
            elif fact.kind == PeriodKind.RELATIVE and "thời gian" in norm[fs:fe].casefold():
                relation, rule, start = "by", "relative_bare", fs       # "thời gian tới"
    if rule is None:
        return None
    cut, aend = sp.clause(fs, fe)
    if lead_zone is None:
        lead_zone = norm[cut:fs]
    if _past_after(sp, fe, aend) or _past(sp, lead_zone, cut):
        return None                                                 # "đã hoàn thành trong tháng 3"
    end, joined = fe, False
    if nxt is not None and nxt.kind == fact.kind and nxt.kind in _FIXED_KINDS:
        ns_, ne_ = sp.norm_span(nxt)
        if ne_ <= sp.hi and _JOINED.fullmatch(sp.low, fe, ns_):
            end, joined = ne_, True                                # "trong quý III và quý IV/2024"
            if relation == "by":
                fact = nxt
    due = _due(fact, relation)
    if due is None and fact.kind != PeriodKind.RELATIVE and fact.first is not None:
        return None                                                 # "những tháng đầu năm": no end
    if fact.kind == PeriodKind.RELATIVE:
        rule = "relative_" + rule
    if due is not None and doc.ref_date is not None and due < doc.ref_date:
        later = _next_year(doc, fact)
        if later is None:
            return None                                             # a time already past: not a deadline
        due = _due(later, relation)                                 # "trước ngày 15/1" written in December
        rule += "_next_year"
    return sp.deadline(start, end, due, rule), joined


def _past_after(sp: _Span, fe: int, aend: int) -> bool:
    """The words after a date (ending at ``fe``) in its clause (ending at ``aend``) put it in the past:
    "(đã ...)", "vừa qua"."""
    head = sp.norm[fe:min(aend, fe + 80)]
    if _PAST_AFTER.match(head):
        return True
    if sp.odd:
        return _PAST_AFTER.search(head) is not None
    find, end = sp.low.find, fe + len(head)
    i = find("đã", fe, end)                  # past its start, only "đã" matches
    while i >= 0:
        if _PAST_AFTER.match(head, i - fe):
            return True
        i = find("đã", i + 1, end)
    return False


def _must_after(sp: _Span, fe: int, aend: int) -> bool:
    """The clause after a date (``norm[fe:aend]``) has a verb of must: "Ngày 1/5, các tỉnh phải gửi"."""
    return sp.holds(_MUST_WORDS, fe, aend) and _MUST_AFTER.match(sp.norm[fe:aend]) is not None


def _blocked(sp: _Span, lead_zone: str, base: int) -> bool:
    """Words that make a name of what follows end the lead zone ("tầm nhìn đến năm 2050");
    ``lead_zone`` is ``doc.norm`` from ``base`` on."""
    tail = lead_zone[-30:]
    at = base + len(lead_zone) - len(tail)
    return sp.first_match(_word_re("block"), tail, at, _first_words("block"), at) is not None


# the capitalised head of a plan's proper name ("Quy hoạch tỉnh ... thời kỳ 2021-2030", "Chiến lược ...")
_PLAN_NAME = re.compile(r"(?<![^\W\d_])(?:Quy hoạch|Chiến lược|Đề án|Chương trình|Kế hoạch|Nghị quyết|Dự án)(?![^\W\d_])")


def _plan_name_before(lead_zone: str) -> bool:
    """A plan's proper name stands between the last lead and a weak cue before a year: "hoàn thành các
    kế hoạch thực hiện Quy hoạch chung đô thị Thừa Thiên Huế đến năm 2045" (the year ends the name);
    not "hoàn thành các kế hoạch đến năm 2025" (no name)."""
    last = None
    for last in _licensing().finditer(lead_zone):
        pass
    return _PLAN_NAME.search(lead_zone, last.end() if last else 0) is not None


def _licensed(sp: _Span, lead_zone: str, base: int) -> bool:
    """A lead, a report verb or "từ nay" in the clause before a weak cue lets it set a deadline."""
    return sp.first_match(_licensing(), lead_zone, base, _first_words("lead", "report"), base) is not None \
        or sp.first_match(_FROM_NOW, lead_zone, base, _FROM_NOW_WORD, base) is not None


def _past(sp: _Span, lead_zone: str, base: int) -> bool:
    """The words just before a deadline's cue put the work in the past ("đã hoàn thành trong tháng 3"),
    not the directive that set it ("đã giao Sở Xây dựng hoàn thành trước ngày ..."). ``lead_zone``
    is ``doc.norm`` from ``base`` on."""
    near = max(0, len(lead_zone) - 25)
    if not sp.holds(_PAST_WORDS, base + near, base + len(lead_zone)):
        return False
    for m in _PAST.finditer(lead_zone, near):
        if not _PAST_DIRECTIVE.match(lead_zone, m.start()):
            return True
    return False


def _next_year(doc: Document, fact: DateFact) -> DateFact | None:
    """A date or period written without its year, past at the reference date, read as its next
    occurrence when that is nearer to the reference date than the past one (a deadline of 15/1
    written on 20/12): the nearest occurrence is the one meant. ``None`` when the past one is nearer
    or the year is written ("năm nay" included)."""
    ref = doc.ref_date
    if fact.year_given or fact.rule not in _YEARLESS_RULES or fact.first is None or fact.last is None \
            or ref is None or _names_a_year(fact.text):
        return None
    try:
        first = fact.first.replace(year=fact.first.year + 1)
    except ValueError:
        return None                                 # 29/2: no such day next year
    # a period's last day stays its month's last day (February of a leap year)
    last = first if fact.kind == PeriodKind.DAY else _last_day(fact.last.year + 1, fact.last.month)
    if (first - ref).days >= (ref - fact.last).days:
        return None
    return DateFact(fact.start, fact.end, fact.text, fact.kind, first, last, False, fact.rule)


_A_YEAR = re.compile(r"\d{4}")


def _names_a_year(text: str) -> bool:
    words = " ".join(text.casefold().split())
    return bool(_A_YEAR.search(words)) or any(p in words for p in _relative_years())


@lru_cache(maxsize=1024)
def _slug(words: str) -> str:
    return "_".join(words.casefold().split())


@lru_cache(maxsize=None)
def _vague_phrases() -> tuple[str, ...]:
    return tuple(p for p, _ in _cues().get("vague", []))


def _vague(doc: Document, lo: int, hi: int) -> list[Deadline]:
    starts = phrase_starts(doc, _vague_phrases())
    starts = starts[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]
    out = []
    for m in matches_at(_word_re("vague"), doc.norm, starts, hi):
        out.append(_deadline(doc, m.start(), m.end(), None, "vague_" + _slug(m.group())))
    return out


def find_deadlines(doc: Document, start: int, end: int) -> list[Deadline]:
    """Every deadline wording in ``doc.text[start:end]``, in text order, each with the last day it
    allows (``due``; ``None`` when the words do not fix one: ``trong 30 ngày``, ``trước Tết``, ``sớm``)."""
    start, end = max(0, start), min(len(doc.text), end)
    if start >= end:
        return []
    found = _dated_deadlines(doc, start, end)
    lo, hi = doc.norm_span(start, end)
    for v in _vague(doc, lo, hi):
        if not any(_overlap((v.start, v.end), (d.start, d.end)) for d in found):
            found.append(v)
    found.sort(key=lambda d: (d.start, d.end))
    return found


def find_dated_deadlines(doc: Document, start: int, end: int) -> list[Deadline]:
    """``find_deadlines`` without the adverbs of time: the deadlines the dates and periods in
    ``doc.text[start:end]`` set, in text order."""
    start, end = max(0, start), min(len(doc.text), end)
    return _dated_deadlines(doc, start, end) if start < end else []


def _dated_deadlines(doc: Document, start: int, end: int) -> list[Deadline]:
    """The deadlines the dates and periods wholly in ``doc.text[start:end]`` set (``0 <= start < end``),
    the adverbs of time left out."""
    facts = doc.facts.get(NAME)
    if facts is None:
        facts = find_dates(doc)
    starts = _fact_starts(doc, facts)
    inside = [f for f in facts[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)] if f.end <= end]
    if not inside:
        return []
    sp = _Span(doc, start, end)
    found: list[Deadline] = []
    skip = False
    for i, fact in enumerate(inside):
        if skip:                                    # joined to the fact before it
            skip = False
            continue
        got = _deadline_of(sp, fact, inside[i - 1] if i else None, inside[i + 1] if i + 1 < len(inside) else None)
        if got is not None:
            found.append(got[0])
            skip = got[1]
    return found


def _fact_starts(doc: Document, facts: list[DateFact]) -> list[int]:
    """Where ``facts`` (the dates of ``doc``, in text order) begin, kept on the document."""
    kept = doc.__dict__.get("dates.fact_starts")
    if kept is None or kept[0] is not facts:
        kept = doc.__dict__["dates.fact_starts"] = (facts, [f.start for f in facts])
    return kept[1]


def find_deadline(doc: Document, start: int, end: int) -> Deadline | None:
    """The principal deadline of the task in ``doc.text[start:end]``: the last one that fixes a day,
    else the last one that names an unfixed time (``trong 30 ngày``, ``trước Tết``, ``thời gian tới``);
    adverbs alone (``sớm``, ``kịp thời``) are never the principal deadline (nor looked for)."""
    start, end = max(0, start), min(len(doc.text), end)
    if start >= end:
        return None
    return principal_deadline(_dated_deadlines(doc, start, end))


def principal_deadline(found: list[Deadline]) -> Deadline | None:
    """The principal of the deadlines ``found`` in one task's span (``find_dated_deadlines``): the
    last that fixes a day, else the last."""
    if len(found) < 2:
        return found[0] if found else None
    found = sorted(found, key=lambda d: (d.start, d.end))
    fixed = [d for d in found if d.due is not None]
    return fixed[-1] if fixed else found[-1]


# --------------------------------------------------------------------------- rules


def _part_of_year_re() -> str:
    return _alternation(list(_periods()))


def _relative_re() -> str:
    return _alternation([p for p, (k, _, _) in _periods().items() if k == PeriodKind.RELATIVE])


def _year_periods_re() -> str:
    return _alternation([p for p, (k, _, _) in _periods().items() if k != PeriodKind.RELATIVE])



Scan = Callable[[Document, re.Pattern[str]], list[re.Match[str]]]


@dataclass(frozen=True)
class _Rule:
    """A named pattern and how to find its matches: ``scan(doc, pattern)`` tries the pattern only
    where a match of it can begin."""

    name: str
    pattern: re.Pattern[str]
    build: Callable[[Document, re.Match[str]], DateFact | None]
    scan: Scan

    def matches(self, doc: Document) -> list[re.Match[str]]:
        return self.scan(doc, self.pattern)


def _low(pattern: str) -> re.Pattern[str]:
    """A pattern over ``doc.low``: case-sensitive (``_word``)."""
    return re.compile(pattern, re.VERBOSE | re.UNICODE)


def _word(word: str) -> Scan:
    """Try a pattern over ``doc.low`` opening with ``word`` wherever ``word`` is."""
    return lambda doc, pattern: matches_at(pattern, doc.low, word_starts(doc, word))


def _at(starts: Callable[[Document], list[int]]) -> Scan:
    """Try the pattern where ``starts(doc)`` (ascending) says a match can begin."""
    return lambda doc, pattern: matches_at(pattern, doc.norm, starts(doc))


def _numeric_date_starts(doc: Document) -> list[int]:
    return [s for s, e, _, after in free_digit_runs(doc, ".,/-") if e - s <= 2 and after in "/.-"]


def _bare_day_month_starts(doc: Document) -> list[int]:
    return [s for s, e, _, after in free_digit_runs(doc, ".,/-") if e - s <= 2 and after in "/-"]


def _year_range_starts(doc: Document) -> list[int]:
    norm = doc.norm
    return [s for s, e, _, _ in free_digit_runs(doc, "/.,-") if e - s == 4 and norm[s:s + 2] in ("19", "20")]


def _words(*words: str) -> Scan:
    """Try the pattern wherever one of ``words`` is."""
    return _at(lambda doc: sorted(i for w in words for i in word_starts(doc, w)))


def _phrases(phrases: list[str]) -> Scan:
    """Try the pattern where one of ``phrases`` begins, found by its first word."""
    phrases = tuple(phrases)
    return _at(lambda doc: phrase_starts(doc, phrases))


def _phrase_ends(phrases: list[str]) -> Scan:
    """Find the pattern from the last word of one of ``phrases`` (when their first words are common)."""
    phrases = tuple(phrases)
    return lambda doc, pattern: phrase_matches(doc, pattern, phrases)


def _read_back(back: str, words: tuple[str, ...]) -> Scan:
    """Find the pattern by reading ``back`` (over anchors.reversed_low) from where one of ``words``
    (which each match holds, after the words ``back`` reads) begins."""
    back_re = re.compile(back)
    return lambda doc, pattern: matches_read_back(doc, pattern, back_re,
                                                  [i for w in words for i in word_starts(doc, w)])


# a duration: trong 30 ngày, trong vòng 15 ngày làm việc, không quá 6 tháng, chậm nhất là 20 ngày trước
# ngày khai mạc; "sau 30 ngày" only with working days or the day or event it counts from
_DURATION_CUES = ("trong vòng", "trong thời hạn", "trong thời gian", "trong", "tối đa", "không quá",
                  "chậm nhất sau", "muộn nhất sau", "chậm nhất là", "chậm nhất", "muộn nhất là", "muộn nhất", "sau")
_DURATION_COUNTS = tuple(_COUNT_WORDS)
_DURATION_UNITS = ("ngày", "tuần", "tháng", "năm")
# what a duration counts from: "kể từ ngày nhận được hồ sơ", "trước ngày khai mạc kỳ họp", "(sau 10 ngày)
# kết thúc đại hội": a link word, then the words naming the day or the event, up to the clause's end
_ANCHOR_LINK = (r"""(?:(?:kể|tính)\s+từ|từ(?=\s+(?:ngày|khi|thời\s+điểm))|sau\s+khi|sau(?=\s+ngày)|trước\s+khi"""
                r"""|trước(?=\s+(?:ngày|thời\s+điểm))|kết\s+thúc|khi)""")
_EVENT_STOP = r"""(?:phải|cần|thì|để|nhằm|và|hoặc|đồng\s+thời|đúng|theo)(?![\w])"""
_EVENT = rf"""(?:\s+(?!{_EVENT_STOP})[^\s,.;:!?()\[\]"“”]+){{1,10}}"""
# a day that comes back every period: "ngày 15 hằng tháng", "ngày 10/7 của năm báo cáo", "ngày 20 tháng cuối quý"
_EVERY = r"""(?:hằng|hàng|mỗi)\s+(?:tuần|tháng|quý|năm)"""
_REPORT_PERIOD = (r"""(?:tháng|quý|năm|kỳ)\s+(?:báo\s+cáo|(?:liền\s+kề|kế\s+tiếp)(?:\s+(?:tháng|quý|năm|kỳ)\s+báo\s+cáo)?"""
                  r"""|tiếp\s+theo)|(?:tháng|quý|kỳ)\s+sau"""
                  r"""|tháng\s+(?:đầu|cuối)\s+(?:của\s+)?(?:quý|kỳ|năm)(?:\s+(?:báo\s+cáo|sau|tiếp\s+theo|kế\s+tiếp))?""")
# a recurring time: "định kỳ hằng quý", "định kỳ 6 tháng, hằng năm", "định kỳ tháng, quý, năm"
# (not a period named: "định kỳ quý IV/2024", "định kỳ 6 tháng đầu năm")
_PERIODIC_UNIT = (r"""(?:(?:hằng|hàng|mỗi)\s+)?(?:tuần|tháng|quý|năm|(?:\d{1,2}|ba|sáu)\s+tháng)(?![\w])"""
                  r"""(?!\s*(?:\d|[ivx]+(?![\w])|(?:đầu|cuối|qua|trước|này|nay|tới)(?![\w])))""")


def _rules() -> list[_Rule]:
    rel_years = _alternation(list(_relative_years()))
    periods = [p for p, (k, _, _) in _periods().items() if k != PeriodKind.RELATIVE]
    relatives = [p for p, (k, _, _) in _periods().items() if k == PeriodKind.RELATIVE]
    year_tail = rf"(?:\s*,?\s+(?:năm\s+)?{_Y}(?![\d/])|\s+(?P<rel>nay))?"
    q = r"(?P<q>(?-i:IV|I{1,3})|[1-4])"
    cues, counts, units = ("|".join(map(_phrase_re, ps)) for ps in (_DURATION_CUES, _DURATION_COUNTS, _DURATION_UNITS))
    return [
        # ngày 30 tháng 6 năm 2024, Thứ Hai, ngày 14 tháng 7
        _Rule("long_date", _low(rf"""ngày\s+{_D}\s+tháng\s+{_M}(?:\s*,?\s*năm\s+{_Y})?(?![\d/])"""),
              _build_day("long_date"), _word("ngày")),
        # 14/3/2024, 29-1-2021, 14.3.2024, ngày 14/3/2024, Thứ Hai, ngày 14/3/2024
        _Rule("numeric_date", vi(rf"""(?<![\w.,/-]){_D}(?P<sep>[/.-]){_M}(?P=sep){_Y}(?![\d/])"""),
              _build_day("numeric_date"), _at(_numeric_date_starts)),
        # ngày 14-7, ngày 30/6 (the year comes from the reference date)
        _Rule("day_month", vi(rf"""[nh](?:(?<=n)gày|(?<=h)ôm)\s+{_D}\s*[/-]\s*{_M}(?![\d/]|[.,]\d)"""),
              _build_day("day_month"), _words("ngày", "hôm")),
        # (27/7), trước 30/6: a bare day/month the numbers extractor did not take for a fraction
        _Rule("bare_day_month", vi(rf"""(?<![\w.,/-]){_D}[/-]{_M}(?![\d/-]|[.,]\d)"""), _build_bare_day_month,
              _at(_bare_day_month_starts)),
        # tháng 10/2024, tháng 10 năm 2024, tháng 6-2024, tháng 10
        _Rule("month", _low(rf"""tháng\s+{_M}(?:\s*(?:[/-]|,?\s*năm)\s*{_Y})?(?![\d/.,]\d|\d)"""), _build_month,
              _word("tháng")),
        # Quý II/2024, quý III năm 2025, quý 2
        _Rule("quarter", vi(rf"""quý\s+{q}(?:\s*(?:[/-]|,?\s*năm)\s*{_Y})?(?![\w/])"""), _build_quarter,
              _words("quý")),
        # 6 tháng đầu năm, 6 tháng cuối năm 2022, cuối năm 2024, đầu năm nay (lexicon/periods.tsv)
        _Rule("part_of_year", vi(rf"""(?<![\w])(?P<p>{_year_periods_re()}){year_tail}"""), _build_part_of_year,
              _phrase_ends(periods)),
        # 9 tháng đầu năm, 3 tháng cuối năm 2024
        _Rule("n_months_of_year", _low(rf"""tháng\s+(?P<which>đầu|cuối)\s+năm{year_tail}"""), _build_n_months,
              _word("tháng")),
        # giai đoạn 2021 - 2030, nhiệm kỳ 2025 - 2030, 2021-2025, từ năm 2021 đến năm 2025
        _Rule("year_range", vi(r"""(?<![\w/.,-])(?P<y1>(?:19|20)\d\d)\s*-\s*(?:năm\s+)?(?P<y2>(?:19|20)\d\d)(?![\w/])"""),
              _build_range("year_range"), _at(_year_range_starts)),
        # từ năm 2021 đến năm 2025
        _Rule("year_range_from", vi(r"""từ\s+năm\s+(?P<y1>(?:19|20)\d\d)\s+(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<y2>(?:19|20)\d\d)(?!\d)"""),
              _build_range("year_range"), _read_back(rf"\s+{reversed_alternation(['từ'])}", ("năm",))),
        # năm 2025
        _Rule("year", _low(rf"""năm(?<![\w]năm)\s+{_Y}(?![\d/]|\s*-\s*\d)"""), _build_year, _word("năm")),
        # năm nay, năm tới, năm trước (lexicon/relative_years.tsv)
        _Rule("relative_year", vi(rf"""(?<![\w])(?P<rel>{rel_years})(?![\w])"""), _build_relative_year,
              _phrases(list(_relative_years()))),
        # Tết Nguyên đán, thời gian tới (lexicon/periods.tsv, kind relative)
        _Rule("relative", vi(rf"""(?<![\w])(?:{_relative_re()})(?![\w])"""), _build_relative, _phrases(relatives)),
        # trong 30 ngày, trong vòng 15 ngày làm việc kể từ ngày nhận đủ hồ sơ, chậm nhất sau 10 ngày kết thúc đại hội;
        # not the count of the days or months it goes on to name: "(trong 2 ngày 08 và 09/11/2025)",
        # "trong 3 tháng 10, 11, 12" (named_days_after_count)
        _Rule("duration", vi(rf"""(?<![\w])(?P<cue>{cues})\s+(?P<n>\d{{1,3}}|{counts})\s+(?P<unit>{units})"""
                             rf"""(?P<work>\s+làm\s+việc)?(?![\w])"""
                             rf"""(?:(?P<anchor>\s*,?\s+{_ANCHOR_LINK}{_EVENT})"""
                             rf"""|(?!\s+(?:đầu|cuối|còn|qua|vừa|trước)|\s*\(?\s*\d))"""),
              _build_duration,
              _read_back(rf"\s+(?:\d{{1,3}}|{reversed_alternation(_DURATION_COUNTS)})\s+"
                         rf"{reversed_alternation(_DURATION_CUES)}(?!\w)", _DURATION_UNITS)),
        # ngày 15 hằng tháng, từ ngày 1 đến ngày 5 hằng tháng, ngày 10/7 của năm báo cáo
        _Rule("recurring_day", _low(rf"""ngày(?<![\w]ngày)\s+(?P<d>[0-3]?\d)"""
                                    rf"""(?:\s*[/-]\s*(?P<m>[01]?\d)|\s+tháng\s+(?P<m2>[01]?\d))?"""
                                    rf"""(?:\s*(?:-|–|đến|tới)\s*(?:ngày\s+)?(?P<d_to>[0-3]?\d)"""
                                    rf"""(?:\s*[/-]\s*(?P<m_to>[01]?\d)|\s+tháng\s+(?P<m2_to>[01]?\d))?)?"""
                                    rf"""\s*,?\s+(?:của\s+)?(?:{_EVERY}|{_REPORT_PERIOD})(?![\w])"""),
              _build_recurring("recurring_day"), _word("ngày")),
        # định kỳ hằng quý, định kỳ 6 tháng và hằng năm
        _Rule("periodic", _low(rf"""định(?<![\w]định)\s+kỳ\s*,?\s+{_PERIODIC_UNIT}"""
                               rf"""(?:\s*(?:,|và|hoặc|/)\s*{_PERIODIC_UNIT})*"""),
              _build_recurring("periodic"), _word("định")),
    ]


# Words a rule's match may extend back over, found by a search ending where the match starts
# (a pattern opening with an optional alternation is tried at every position of the text: slow).
PREFIX_CHARS = 40
_DAY_WORDS = ("ngày", "hôm")
_YEAR_RANGE_LEADS = ("giai đoạn", "nhiệm kỳ", "thời kỳ", "năm học", "niên độ", "các năm", "những năm", "năm")
PREFIXES: dict[str, re.Pattern[str]] = {
    "long_date": vi(rf"""{_WEEKDAY}$"""),                                   # Thứ Hai, ngày 14 tháng 7
    "numeric_date": vi(rf"""(?:{_WEEKDAY}?(?:{_alternation(list(_DAY_WORDS))})\s+|{_WEEKDAY})$"""),  # ngày 14/3/2024
    "day_month": vi(rf"""{_WEEKDAY}$"""),
    "year_range": vi(rf"""(?:{_alternation(list(_YEAR_RANGE_LEADS))})\s+$"""),    # giai đoạn 2021 - 2025
}
# The same words read back from where the match starts (over anchors.reversed_low): one anchored
# match, where a search through the window tries every position of it.
_WEEKDAY_BACK = rf"\s*,?\s*{reversed_alternation(_WEEKDAYS)}"
_PREFIXES_BACK: dict[str, re.Pattern[str]] = {
    "long_date": re.compile(_WEEKDAY_BACK),
    "numeric_date": re.compile(rf"\s+{reversed_alternation(_DAY_WORDS)}(?:{_WEEKDAY_BACK})?|{_WEEKDAY_BACK}"),
    "day_month": re.compile(_WEEKDAY_BACK),
    "year_range": re.compile(rf"\s+{reversed_alternation(_YEAR_RANGE_LEADS)}"),
}


def _prefix_start(doc: Document, rule: str, s: int) -> int | None:
    """Where the words ``PREFIXES[rule]`` allows right before offset ``s`` (norm) begin, if they
    begin within ``PREFIX_CHARS`` of it; else ``None``."""
    p = start_before(doc, _PREFIXES_BACK[rule], s)
    lo = max(0, s - PREFIX_CHARS)
    if p is None or p >= lo:
        return p
    m = PREFIXES[rule].search(doc.norm, lo, s)          # longer than the window: what fits in it
    return None if m is None else m.start()


RULES: list[_Rule] = _rules()
