"""Meetings: the conferences, sessions and working meetings a text reports, with body, date, chairs."""
from __future__ import annotations

import bisect
import functools

import re
from dataclasses import dataclass, field
from datetime import date

from chidao.extract.document import Document
from chidao.extract.rules import Rule
from chidao.lexicon.bodies import body_pattern, canonical_body
from chidao.model import Meeting

NAME = "meetings"
REQUIRES: tuple[str, ...] = ("people",)

_KIND_WORDS = {
    "hoi_nghi": r"hội\s+nghị",
    "phien_hop": r"phiên\s+họp|họp\s+phiên",
    "buoi_lam_viec": r"buổi\s+làm\s+việc|(?:tổ\s+chức\s+)?làm\s+việc\s+với",
    "giao_ban": r"(?:hội\s+nghị\s+|cuộc\s+họp\s+|buổi\s+)?giao\s+ban",
    "cuoc_hop": r"cuộc\s+họp",
    "ky_hop": r"kỳ\s+họp",
    "dai_hoi": r"đại\s+hội",
}
_ROMAN = r"[IVXLC]+"
_ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
             "chín": 9, "mười": 10}
_SESSION = (r"(?:(?:lần\s+)?thứ\s+(?P<G>\d{1,3}|" + _ROMAN + "|" + "|".join(_ORDINALS) + r")(?!\w))")
_TERM = rf"(?:[,(]?\s*(?:khóa|khoá|nhiệm\s+kỳ)\s+(?P<term>{_ROMAN})(?!\w)\)?)"
_BODY = body_pattern()
_BODY_RE = re.compile(_BODY, re.IGNORECASE)
_OF_BODY_RE = re.compile(r"(?i:của)\s+(" + _BODY + ")", re.IGNORECASE)
_PARTY_UNIT_END = re.compile(r"(?:đảng\s+bộ|chi\s+bộ|đảng\s+ủy)\s*$", re.IGNORECASE)
_SUBJECT_GAP = re.compile(r"\s*(?:đã\s+|đang\s+|sẽ\s+)?(?:tổ\s+chức\s+|họp\s+|tiến\s+hành\s+)?", re.IGNORECASE)
_DOT_OR_END = re.compile(r"\s*(?:[.]|$)")
_KIND_RES = {k: re.compile(w, re.IGNORECASE) for k, w in _KIND_WORDS.items()}
# what a mention of a meeting names: "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12 (khóa XX)"
_MENTION = (
    r"(?<!\w)(?P<kw>" + "|".join(f"(?P<{k}>{w})" for k, w in _KIND_WORDS.items()) + r")(?!\w)"
    + r"(?:\s+" + _SESSION.replace("G", "s1", 1) + r")?"
    + rf"(?:\s+(?P<body>{_BODY}))?"
    + r"(?:\s+" + _SESSION.replace("G", "s2", 1) + r")?"
    + rf"(?:\s*{_TERM})?"
)
# words before a mention that make it the meeting being reported
_EVENT_BEFORE = re.compile(
    r"(?:chủ\s+trì|dự|tham\s+dự|tổ\s+chức|khai\s+mạc|bế\s+mạc|tại|kết\s+luận|phát\s+biểu|toàn\s+cảnh"
    r"|diễn\s+ra|họp|tiến\s+hành|chỉ\s+đạo|dự\s+và\s+chủ\s+trì|đã|tiếp\s+tục|kết\s+luận\s+(?:về|tại))\s*$",
    re.IGNORECASE,
)
# words before a mention that make it a citation or a future event, not the meeting reported
_NOT_EVENT_BEFORE = re.compile(
    r"(?:của|nghị\s+quyết|kết\s+luận\s+số|thông\s+báo|chuẩn\s+bị|tiến\s+tới|chào\s+mừng|trình|cho|sau"
    r"|trước|các|những|đến|và|tại\s+các|văn\s+kiện|nhiệm\s+kỳ|thông\s+qua)\s*$",
    re.IGNORECASE,
)
_EVENT_AFTER = re.compile(r"\s*(?:đã|diễn\s+ra|tiến\s+hành|thảo\s+luận|lần\s+này|này)(?!\w)", re.IGNORECASE)
_SENT_END = re.compile(r"[.!?](?=\s)|\n")
_DAY = re.compile(
    r"(?i:ngày|sáng|chiều|tối|trưa|hôm)\s+(?:(?i:ngày)\s+)?(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{4}))?(?!\d)"
)
_CHAIR = re.compile(r"(?<!\w)chủ\s+trì(?!\w)", re.IGNORECASE)
_UNDER_CHAIR = re.compile(r"dưới\s+sự\s+chủ\s+trì\s+của", re.IGNORECASE)
# "kết luận" as what a chair does, not "Kết luận số 2043-KL/TU" or "kết luận của Đảng"
_CONCLUDE = re.compile(
    r"(?<!\w)kết\s+luận(?=\s*(?:như\s+sau|:|hội\s+nghị|phiên|buổi|cuộc|kỳ|tại|về|,|\.|$))", re.IGNORECASE
)
_CONCLUDE_OF = re.compile(r"kết\s+luận\s+của\s+(?:đồng\s+chí|ông|bà)?", re.IGNORECASE)
_ON_BEHALF = re.compile(r"thay\s+mặt", re.IGNORECASE)
_AS_FOLLOWS = re.compile(r"\s*(?:như\s+sau|:)", re.IGNORECASE)
# a meeting's date opens its sentence: "Ngày 14/3/2024, ...", "Sáng 15-3, ..."
_DATE_LEAD = 30


@dataclass
class _Mention:
    kind: str
    start: int
    end: int
    body: str | None
    session: int | None
    term: str | None
    event: bool
    rule: str
    kw_end: int = 0


@dataclass
class _Meeting:
    kind: str
    body: str | None
    session: int | None
    term: str | None
    mentions: list[_Mention] = field(default_factory=list)


def _roman(s: str) -> int | None:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(s):
        v = vals[ch]
        total += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
    return total or None


def _session(text: str | None) -> int | None:
    if not text:
        return None
    if text.lower() in _ORDINALS:
        return _ORDINALS[text.lower()]
    return int(text) if text.isdigit() else _roman(text.upper())


@functools.lru_cache(maxsize=4)
def _sentence_ends(norm: str) -> tuple[list[int], list[int]]:
    """Starts and ends of every sentence-ending match, once per text (the text's hash is cached)."""
    found = [(m.start(), m.end()) for m in _SENT_END.finditer(norm)]
    return [a for a, _ in found], [b for _, b in found]


def _sentence(norm: str, pos: int) -> tuple[int, int]:
    starts, ends = _sentence_ends(norm)
    # the last sentence end that lies wholly before pos, and the first that starts at or after it
    i = bisect.bisect_right(ends, pos) - 1
    start = ends[i] if i >= 0 else 0
    j = bisect.bisect_left(starts, pos)
    return start, (starts[j] if j < len(starts) else len(norm))


def _subject_body(norm: str, kw_start: int) -> str | None:
    """``Ban Thường vụ Tỉnh ủy tổ chức làm việc``: the body just before the verb, same sentence."""
    s, _e = _sentence(norm, kw_start)
    before = norm[s:kw_start]
    found = None
    for m in _BODY_RE.finditer(before):
        found = m
    if found is None:
        return None
    gap = before[found.end():]
    if _PARTY_UNIT_END.search(before, 0, found.start()):
        return None  # "Đảng bộ Văn phòng UBND tỉnh": the Party organization of a body, not the body
    if _SUBJECT_GAP.fullmatch(gap):
        return canonical_body(found.group(0))
    return None


def _build(doc: Document, m: re.Match[str]) -> _Mention | None:
    norm = doc.norm
    kind = next(k for k in _KIND_WORDS if m.group(k))
    body = canonical_body(m.group("body")) if m.group("body") else None
    if kind == "buoi_lam_viec" and m.group("kw").lower().replace(" ", "").endswith("với"):
        body = _subject_body(norm, m.start()) or _header_body(norm, m.start())
    elif body is None:
        body = _subject_body(norm, m.start())
    session = _session(m.group("s1") or m.group("s2"))
    term = m.group("term")
    line_start = norm.rfind("\n", 0, m.start()) + 1
    before = norm[max(line_start, m.start() - 40):m.start()]
    after = norm[m.end():m.end() + 12]
    if _NOT_EVENT_BEFORE.search(before) and not _EVENT_AFTER.match(after):
        return None
    headline = not norm[line_start:m.start()].strip() and _sentence(norm, m.start())[1] - m.end() < 120
    event = bool(_EVENT_BEFORE.search(before) or _EVENT_AFTER.match(after) or headline
                 or kind == "buoi_lam_viec")
    kw_end = m.end("kw") if kind == "buoi_lam_viec" and m.group("body") and "với" in m.group("kw") else m.end()
    return _Mention(kind, m.start(), m.end(), body, session, term, event, "meeting_mention", kw_end)


def _header_body(norm: str, pos: int) -> str | None:
    """``KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY`` / ``làm việc với ...``: the issuer above."""
    head = norm[max(0, pos - 200):pos]
    found = None
    for m in _OF_BODY_RE.finditer(head):
        found = m
    return canonical_body(found.group(1)) if found else None


def _compatible(mtg: _Meeting, mt: _Mention) -> bool:
    return (mtg.kind == mt.kind and not (mt.body and mtg.body and mt.body != mtg.body)
            and not (mt.session and mtg.session and mt.session != mtg.session))


def _group(mentions: list[_Mention]) -> list[_Meeting]:
    """Meetings from the mentions that report one; other mentions of the same meeting join them."""
    meetings: list[_Meeting] = []
    for mt in (x for x in mentions if x.event):
        target = next((m for m in meetings if _compatible(m, mt)), None)
        if target is None:
            target = _Meeting(mt.kind, mt.body, mt.session, mt.term)
            meetings.append(target)
        target.mentions.append(mt)
    for mt in (x for x in mentions if not x.event):
        target = next((m for m in meetings if _compatible(m, mt)), None)
        if target is not None:
            target.mentions.append(mt)
    for mtg in meetings:
        mtg.mentions.sort(key=lambda x: x.start)
        for mt in mtg.mentions:
            mtg.body = mtg.body or mt.body
            mtg.session = mtg.session or mt.session
            mtg.term = mtg.term or mt.term
    return meetings


def _date_of(doc: Document, mtg: _Meeting) -> date | None:
    norm = doc.norm
    dates = [d for d in doc.get("dates") if getattr(d, "first", None) is not None
             and getattr(getattr(d, "kind", None), "value", getattr(d, "kind", None)) == "day"]
    for mt in mtg.mentions:
        s, e = _sentence(norm, mt.start)
        os_, oe = doc.orig_span(s, e)
        for d in dates:
            if os_ <= d.start < min(oe, doc.orig_span(s, min(e, s + _DATE_LEAD))[1]):
                return d.first
        m = _DAY.search(norm, s, min(e, s + _DATE_LEAD + 12))
        if m and m.start() - s <= _DATE_LEAD:
            year = int(m.group(3)) if m.group(3) else (doc.ref_date.year if doc.ref_date else None)
            if year is None:
                continue
            try:
                return date(year, int(m.group(2)), int(m.group(1)))
            except ValueError:
                continue
    return None


def _people_in(doc: Document, s: int, e: int) -> list[tuple[int, str]]:
    """(position in norm, name) of every person mentioned in ``norm[s:e]``."""
    out = []
    for p in doc.get("people"):
        for x in p.mentions:
            ns, _ne = doc.norm_span(x.start, x.end)
            if s <= ns < e:
                out.append((ns, p.name))
    out.sort()
    return out


def _chairs(doc: Document, mtg: _Meeting) -> tuple[str, ...]:
    norm = doc.norm
    kinds = _KIND_RES[mtg.kind]
    names: list[str] = []
    for c in _CHAIR.finditer(norm):
        s, e = _sentence(norm, c.start())
        if not kinds.search(norm, s, e) and not _DOT_OR_END.match(norm[c.end():c.end() + 2]):
            continue
        under = _UNDER_CHAIR.search(norm, max(s, c.start() - 12), min(e, c.end() + 8))
        found = _people_in(doc, c.end(), e) if under else _people_in(doc, s, c.start())
        for _pos, name in found:
            if name not in names:
                names.append(name)
        if names:
            return tuple(names)
    # "kết luận của đồng chí X", "Chủ tịch UBND tỉnh X đã có kết luận về cuộc họp": the one who concludes
    for c in _CONCLUDE_OF.finditer(norm):
        s, e = _sentence(norm, c.start())
        if kinds.search(norm, s, e):
            found = _people_in(doc, c.end(), min(e, c.end() + 40))
            if found:
                return (found[0][1],)
    # the one who concludes a meeting chairs it
    for mt in mtg.mentions:
        s, e = _sentence(norm, mt.start)
        for c in reversed(list(_CONCLUDE.finditer(norm, s, e))):
            found = _people_in(doc, s, c.start())
            if found:
                return (found[-1][1],)
    for c in _CONCLUDE.finditer(norm):
        s, e = _sentence(norm, c.start())
        if kinds.search(norm, s, e) or _ON_BEHALF.search(norm, s, c.start()) or _AS_FOLLOWS.match(norm, c.end()):
            found = _people_in(doc, s, c.start())
            if found:
                return (found[-1][1],)
    return ()


def run(doc: Document) -> None:
    mentions: list[_Mention] = []
    for rule in RULES:
        for m in rule.pattern.finditer(doc.norm):
            mt = rule.build(doc, m)
            if mt is not None:
                mentions.append(mt)
    mentions.sort(key=lambda x: x.start)
    out = []
    for mtg in _group(mentions):
        first = next(x for x in mtg.mentions if x.event)
        start, end = doc.orig_span(first.start, first.kw_end)
        out.append(Meeting(kind=mtg.kind, body=mtg.body, session=mtg.session, term=mtg.term,
                           date=_date_of(doc, mtg), chairs=_chairs(doc, mtg), start=start, end=end,
                           rule=first.rule))
    doc.facts[NAME] = out


RULES = [
    Rule("meeting_mention", re.compile(_MENTION, re.IGNORECASE), _build),
]

__all__ = ["NAME", "REQUIRES", "RULES", "run"]
