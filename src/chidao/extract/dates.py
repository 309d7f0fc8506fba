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
                                    reversed_alternation, start_before, word_starts)
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


def _build_month(doc: Document, m: re.Match[str]) -> DateFact | None:
    mo = int(m.group("m"))
    if not 1 <= mo <= 12:
        return None
    y = _year(m)
    given = y is not None
    if y is None:
        y = _ref_year(doc)
    elif not _valid_year(y):
        return None
    if y is None:
        return _mk(doc, m, "month", PeriodKind.MONTH, None, None, year_given=False)
    return _mk(doc, m, "month", PeriodKind.MONTH, date(y, mo, 1), _last_day(y, mo), year_given=given)


def _build_quarter(doc: Document, m: re.Match[str]) -> DateFact | None:
    q_text = m.group("q")
    q = int(q_text) if q_text.isdigit() else roman_to_int(q_text)
    if q is None or not 1 <= q <= 4:
        return None
    y = _year(m)
    given = y is not None
    if y is None:
        y = _ref_year(doc)
    elif not _valid_year(y):
        return None
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


def _build_duration(doc: Document, m: re.Match[str]) -> DateFact | None:
    return _mk(doc, m, "duration", PeriodKind.RELATIVE, None, None, year_given=False)


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
    return kept


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
    else the ``published`` date a reader found, else the reference date given. ``None`` if none."""
    head = doc.norm[:HEADER_CHARS]
    lines = _line_starts(head)
    for m in matches_at(_HEADER_PLACE_DATE, head, sorted(lines + _bars(head))):
        if "ngày" in m.group("place").casefold():
            continue
        fact = _dated(doc, m, "header_place_date")
        if fact:
            return fact
    opening = doc.norm[:OPENING_CHARS]
    for m in matches_at(_OPENING_DATE, opening, lines if len(opening) == len(head) else _line_starts(opening)):
        fact = _dated(doc, m, "opening_date")
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

_CLAUSE_END = re.compile(r"[.;!?\n]")


def _clause_before(doc: Document, lo: int, ns: int) -> str:
    """The text of the clause before ``ns`` (norm coordinates), not earlier than ``lo``."""
    pre = doc.norm[lo:ns]
    cut = max((m.end() for m in _CLAUSE_END.finditer(pre)), default=0)
    return pre[cut:]


def _clause_after(doc: Document, ne: int, hi: int) -> str:
    post = doc.norm[ne:hi]
    m = _CLAUSE_END.search(post)
    return post[: m.start()] if m else post


# a time of day between a cue and its date: "trước 14 giờ, ngày 05/12/2017", "trước 17h00 ngày 30/6"
_CLOCK = r"(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút)?)?\s*,?\s*)"


@lru_cache(maxsize=None)
def _cue_tail(role: str) -> re.Pattern[str]:
    phrases = [p for p, _ in _cues().get(role, [])]
    return vi(rf"""(?<![\w])(?P<cue>{_alternation(phrases)})\s*:?\s*{_CLOCK}?$""")


@lru_cache(maxsize=None)
def _lead_tail() -> re.Pattern[str]:
    return vi(rf"""(?<![\w])(?P<lead>{_alternation([p for p, _ in _cues()['lead']])})\s*:?\s*$""")


def _relation(role: str, cue: str) -> str:
    cue = " ".join(cue.casefold().split())
    return next((rel for p, rel in _cues()[role] if p == cue), "by")


@lru_cache(maxsize=None)
def _word_re(role: str) -> re.Pattern[str]:
    return vi(rf"""(?<![\w])(?:{_alternation([p for p, _ in _cues().get(role, [])])})(?![\w])""")


# "từ nay đến ...", "từ bây giờ đến ...", but not a span of dates "từ ngày 12 đến ngày 15 tháng 10"
_FROM_NOW = vi(r"""(?<![\w])từ(?![\w])(?!\s+(?:(?:ngày|tháng|quý|năm)\s+)?\d)""")
_FIXED_KINDS = (PeriodKind.DAY, PeriodKind.MONTH, PeriodKind.QUARTER)
_CLAUSE_OPEN = re.compile(r"(?:^|[:,(]|\s-)\s*$")
# the date opens a clause whose verb is a must: "Ngày 1/5, 63 tỉnh, thành phố phải gửi đề án"
_MUST_AFTER = vi(r"""^\s*,?[^.;:!?()]{0,60}?(?<![\w])(?:phải|cần)(?![\w])""")
_PAST = vi(r"""(?<![\w])(?:đã|vừa\s+qua|qua)(?![\w])""")
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


def _deadline_of(doc: Document, fact: DateFact, lo: int, hi: int) -> Deadline | None:
    """The deadline ``fact`` sets within the task span ``[lo, hi)`` (norm), or ``None``."""
    fs, fe = doc.norm_span(fact.start, fact.end)
    before = _clause_before(doc, lo, fs)
    after = _clause_after(doc, fe, hi)
    if _PAST_AFTER.search(after[:80]):
        return None
    ftext = doc.norm[fs:fe].casefold()
    if fact.kind == PeriodKind.RELATIVE and ftext.startswith(("trong", "tối", "không", "chậm")):
        return _deadline(doc, fs, fe, None, "relative_duration")   # "trong 30 ngày": its cue inside
    cue = _cue_tail("cue").search(before, max(0, len(before) - CUE_CHARS))
    rule = None
    if cue:
        relation, rule, start = _relation("cue", cue["cue"]), "cue_" + _slug(cue["cue"]), fs - len(before) + cue.start()
        lead_zone = before[: cue.start()]
    else:
        weak = _cue_tail("weak").search(before, max(0, len(before) - CUE_CHARS))
        lead_zone = before[: weak.start()] if weak else before
        if weak and _word_re("block").search(lead_zone[-30:]):
            return None                                            # "tầm nhìn đến năm 2050"
        if weak and (_word_re("lead").search(lead_zone) or _FROM_NOW.search(lead_zone)):
            relation, rule, start = "by", "weak_cue_" + _slug(weak["cue"]), fs - len(before) + weak.start()
        elif not weak:
            lead = _lead_tail().search(before, max(0, len(before) - CUE_CHARS))
            if lead:
                relation, rule, start = "by", "lead_" + _slug(lead["lead"]), fs - len(before) + lead.start()
            elif fact.kind in _FIXED_KINDS and _CLAUSE_OPEN.search(before) and _MUST_AFTER.match(after):
                relation, rule, start = "by", "bare_then_must", fs    # "Ngày 1/5, các tỉnh phải gửi ..."
            elif fact.rule in ("part_of_year", "n_months_of_year") and fact.last and fact.last.month == 12 \
                    and (fact.first is None or fact.first.month > 1):
                relation, rule, start = "by", "bare_end_of_year", fs   # "6 tháng cuối năm 2022", "cuối năm 2025"
            elif fact.kind == PeriodKind.RELATIVE and "thời gian" in ftext:
                relation, rule, start = "by", "relative_bare", fs       # "thời gian tới"
    if rule is None:
        return None
    if _PAST.search(lead_zone[-25:]):
        return None                                                 # "đã hoàn thành trong tháng 3"
    due = _due(fact, relation)
    if due is None and fact.kind != PeriodKind.RELATIVE and fact.first is not None:
        return None                                                 # "những tháng đầu năm": no end
    if fact.kind == PeriodKind.RELATIVE:
        rule = "relative_" + rule
    if due is not None and doc.ref_date is not None and due < doc.ref_date:
        return None                                                 # a time already past: not a deadline
    return _deadline(doc, start, fe, due, rule)


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
    lo, hi = doc.norm_span(start, end)
    facts = doc.facts.get(NAME)
    if facts is None:
        facts = find_dates(doc)
    found: list[Deadline] = []
    first = bisect.bisect_left(facts, start, key=_fact_start)
    for fact in facts[first:]:
        if fact.start >= end:
            break
        if fact.end > end:
            continue
        dl = _deadline_of(doc, fact, lo, hi)
        if dl is not None:
            found.append(dl)
    for v in _vague(doc, lo, hi):
        if not any(_overlap((v.start, v.end), (d.start, d.end)) for d in found):
            found.append(v)
    found.sort(key=lambda d: (d.start, d.end))
    return found


def _fact_start(fact: DateFact) -> int:
    return fact.start


def find_deadline(doc: Document, start: int, end: int) -> Deadline | None:
    """The principal deadline of the task in ``doc.text[start:end]``: the last one that fixes a day,
    else the last one that names an unfixed time (``trong 30 ngày``, ``trước Tết``, ``thời gian tới``);
    adverbs alone (``sớm``, ``kịp thời``) are never the principal deadline."""
    found = find_deadlines(doc, start, end)
    fixed = [d for d in found if d.due is not None]
    if fixed:
        return fixed[-1]
    named = [d for d in found if not d.rule.startswith("vague_")]
    return named[-1] if named else None


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


# a duration: trong 30 ngày, trong vòng 15 ngày làm việc, không quá 6 tháng (words in the order tried)
_DURATION_CUES = ("trong vòng", "trong thời hạn", "trong", "tối đa", "không quá", "chậm nhất sau")
_DURATION_COUNTS = ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười lăm")
_DURATION_UNITS = ("ngày", "tuần", "tháng", "năm")


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
        # trong 30 ngày, trong vòng 15 ngày làm việc, không quá 6 tháng
        _Rule("duration", vi(rf"""(?<![\w])(?:{cues})\s+(?:\d{{1,3}}|{counts})\s+(?:{units})"""
                             r"""(?:\s+làm\s+việc)?(?![\w])(?!\s+(?:đầu|cuối|còn|qua|vừa|trước))"""),
              _build_duration,
              _read_back(rf"\s+(?:\d{{1,3}}|{reversed_alternation(_DURATION_COUNTS)})\s+"
                         rf"{reversed_alternation(_DURATION_CUES)}(?!\w)", _DURATION_UNITS)),
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
