"""Meetings: the conferences, sessions and working meetings a text reports, with body, date, chairs."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from chidao.extract.document import Document
from chidao.extract.rules import Rule
from chidao.lexicon.bodies import body_pattern, canonical_body
from chidao.model import Meeting

NAME = "meetings"
REQUIRES: tuple[str, ...] = ("people",)

# The words of each kind of meeting, in lower case; every alternative starts with a letter (no
# optional prefix), so that a scan of doc.low skips ahead to it (see _MENTION_STARTS)
_KIND_ALTERNATIVES = {
    "hoi_nghi": (r"hội\s+nghị",),
    "phien_hop": (r"phiên\s+họp", r"họp\s+phiên"),
    "buoi_lam_viec": (r"buổi\s+làm\s+việc", r"tổ\s+chức\s+làm\s+việc\s+với", r"làm\s+việc\s+với"),
    "giao_ban": (r"hội\s+nghị\s+giao\s+ban", r"cuộc\s+họp\s+giao\s+ban", r"buổi\s+giao\s+ban", r"giao\s+ban"),
    "cuoc_hop": (r"cuộc\s+họp",),
    "ky_hop": (r"kỳ\s+họp",),
    "dai_hoi": (r"đại\s+hội",),
}
_KIND_WORDS = {k: "|".join(alts) for k, alts in _KIND_ALTERNATIVES.items()}
_ROMAN = r"[ivxlc]+"
_ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
             "chín": 9, "mười": 10}
_SESSION = (r"(?:(?:lần\s+)?thứ\s+(?P<G>\d{1,3}|" + _ROMAN + "|" + "|".join(_ORDINALS) + r")(?!\w))")
_TERM = rf"(?:[,(]?\s*(?:khóa|khoá|nhiệm\s+kỳ)\s+(?P<term>{_ROMAN})(?!\w)\)?)"
_BODY = body_pattern()       # lower case (see chidao.lexicon.bodies): matched over doc.low
# the body pattern without its leading "no letter before" check, made by _scan instead
_BODY_START = r"(?<![^\W_])"
_BODY_RE = re.compile(_BODY[len(_BODY_START):] if _BODY.startswith(_BODY_START) else _BODY)
_BODY_CHECK = re.compile(r"[^\W_]") if _BODY.startswith(_BODY_START) else None
_OF_BODY_RE = re.compile(r"của\s+(" + _BODY + ")")
_PARTY_UNIT_END = re.compile(r"(?:đảng\s+bộ|chi\s+bộ|đảng\s+ủy)\s*$")      # over doc.low
_SPACES = re.compile(r"\s*")
_SUBJECT_GAP = re.compile(r"\s*(?:đã\s+|đang\s+|sẽ\s+)?(?:tổ\s+chức\s+|họp\s+|tiến\s+hành\s+)?", re.IGNORECASE)
_DOT_OR_END = re.compile(r"\s*(?:[.]|$)")
_KIND_RES = {k: re.compile(w) for k, w in _KIND_WORDS.items()}      # over doc.low
_WORD_CHAR = re.compile(r"\w")
# what a mention of a meeting names: "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12 (khóa XX)";
# matched over doc.low, with no word character before it (checked by _scan)
_MENTION = (
    r"(?P<kw>" + "|".join(f"(?P<{k}>{w})" for k, w in _KIND_WORDS.items()) + r")(?!\w)"
    # rule "session_comma_body": "kỳ họp thứ 12, HĐND tỉnh khóa XVI" (the body between a comma and its term)
    + r"(?:\s+" + _SESSION.replace("G", "s1", 1)
    + rf"(?:\s*,\s*(?P<cbody>{_BODY})(?=\s*[,(]?\s*(?:khóa|khoá|nhiệm\s+kỳ)\s))?)?"
    + rf"(?:\s+(?P<body>{_BODY}))?"
    + r"(?:\s+" + _SESSION.replace("G", "s2", 1) + r")?"
    + rf"(?:\s*{_TERM})?"
)
# Where a mention may start: one pattern per first letter of the meeting words, each beginning with
# that letter, so the engine skips ahead to it (one class of first letters is scanned far slower).
# A mention starts where one of its meeting words stands before a non-word character.
_MENTION_STARTS = [
    re.compile("(?:" + "|".join(alts) + r")(?!\w)")
    for alts in {
        first: [a for k in _KIND_ALTERNATIVES.values() for a in k if a[0] == first]
        for first in dict.fromkeys(a[0] for k in _KIND_ALTERNATIVES.values() for a in k)
    }.values()
]


def _mention_starts(low: str) -> list[int]:
    """Every offset of ``low`` where a meeting word (followed by a non-word character) starts."""
    out = []
    for pattern in _MENTION_STARTS:
        pos = 0
        while True:
            m = pattern.search(low, pos)
            if m is None:
                break
            out.append(m.start())
            pos = m.start() + 1
    out.sort()
    return out


class _Ending:
    """Whether a text (of doc.low) ends with one of some phrases, white space after them allowed."""

    def __init__(self, *phrases: str) -> None:
        self.pattern = re.compile("(?:" + "|".join(r"\s+".join(p.split()) for p in phrases) + r")\s*$")
        self.last_words = tuple({p.split()[-1] for p in phrases})

    def search(self, text: str) -> bool:
        # the last word must close the text: a cheap test before the pattern is tried at every position
        return text.rstrip().endswith(self.last_words) and self.pattern.search(text) is not None


# words before a mention that make it the meeting being reported
_EVENT_BEFORE = _Ending(
    "chủ trì", "dự", "tham dự", "tổ chức", "khai mạc", "bế mạc", "tại", "kết luận", "phát biểu", "toàn cảnh",
    "diễn ra", "họp", "tiến hành", "chỉ đạo", "dự và chủ trì", "đã", "tiếp tục", "kết luận về", "kết luận tại")
# words before a mention that make it a citation or a future event, not the meeting reported
_NOT_EVENT_BEFORE = _Ending(
    "của", "nghị quyết", "kết luận số", "thông báo", "chuẩn bị", "tiến tới", "chào mừng", "trình", "cho", "sau",
    "trước", "các", "những", "đến", "và", "tại các", "văn kiện", "nhiệm kỳ", "thông qua")
_EVENT_AFTER = re.compile(r"\s*(?:đã|diễn\s+ra|tiến\s+hành|thảo\s+luận|lần\s+này|này)(?!\w)", re.IGNORECASE)
# rule "all_levels": "Đại hội Đảng các cấp", "hội nghị các cấp" name a kind of meeting held everywhere,
# not one meeting (over doc.low, right after the mention)
_ALL_LEVELS = re.compile(r"(?:\s+đảng(?:\s+bộ)?)?\s+các\s+cấp(?!\w)")
# rule "dated_lead": "Sáng 24/6, trong phiên họp thường kỳ tháng 6, Ban Thường vụ Tỉnh ủy cho ý kiến":
# a sentence that opens with the day, then "trong"/"tại" the meeting, reports that meeting; the body is
# then the subject after the comma (over doc.low: the gap between the date and the mention, and after it)
_LEAD_GAP = re.compile(r"\s*,\s*(?:trong|tại)\s+")
_LEAD_SUBJECT = re.compile(r"[^,.;:]{0,40},\s*")
# a sentence ends at a line end, or at . ! ? before white space (one character class first: a fast scan)
_SENT_END = re.compile(r"[.!?\n](?:(?<=\n)|(?=\s))")
# the same stops read in the reversed text (the space that follows a stop comes before it there)
_SENT_END_REVERSED = re.compile(r"[.!?\n](?:(?<=\n)|(?<=\s[.!?]))")
_DAY = re.compile(      # over doc.low
    r"(?:ngày|sáng|chiều|tối|trưa|hôm)\s+(?:ngày\s+)?(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{4}))?(?!\d)"
)
# over doc.low; _CHAIR and _CONCLUDE with no word character before them (checked by _scan)
_CHAIR = re.compile(r"chủ\s+trì(?!\w)")
_UNDER_CHAIR = re.compile(r"dưới\s+sự\s+chủ\s+trì\s+của", re.IGNORECASE)
# "kết luận" as what a chair does, not "Kết luận số 2043-KL/TU" or "kết luận của Đảng"
_CONCLUDE = re.compile(r"kết\s+luận(?=\s*(?:như\s+sau|:|hội\s+nghị|phiên|buổi|cuộc|kỳ|tại|về|,|\.|$))")
_CONCLUDE_OF = re.compile(r"kết\s+luận\s+của\s+(?:đồng\s+chí|ông|bà)?")
_KET_LUAN = re.compile(r"kết\s+luận")     # where _CONCLUDE and _CONCLUDE_OF can match (one holds no other)
_ON_BEHALF = re.compile(r"thay\s+mặt", re.IGNORECASE)
# "chủ trì" as the lead unit of a task, not the chair of a meeting (over doc.low): "giao Văn phòng Tỉnh
# ủy chủ trì, phối hợp với ...", "Sở Tài chính chủ trì phối hợp"
_LEADS_TASK_AFTER = re.compile(r"\s*,?\s*(?:và\s+)?phối\s+hợp(?!\w)")
_LEADS_TASK_BEFORE = re.compile(r"(?<!\w)giao\s+(?:cho\s+)?[^,.;:]{2,60}$")
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


def _scan(pattern: re.Pattern[str], low: str, start: int = 0, end: int | None = None,
          before: re.Pattern[str] | None = _WORD_CHAR):
    """``pattern.finditer(low, start, end)`` keeping only matches with no ``before`` character just
    before them: the same matches as the pattern with a leading ``(?<!...)``, which the engine
    would try at every position instead of skipping ahead to the pattern's first letters."""
    end = len(low) if end is None else end
    pos = start
    while True:
        m = pattern.search(low, pos, end)
        if m is None:
            return
        if before is not None and m.start() and before.match(low, m.start() - 1):
            pos = m.start() + 1
            continue
        yield m
        pos = m.end()


def _scan_at(pattern: re.Pattern[str], low: str, starts: list[int],
             before: re.Pattern[str] | None = _WORD_CHAR):
    """``_scan(pattern, low, before=before)`` for a pattern that can only match at ``starts`` (in
    order): the pattern is tried there only, a match ending after later starts passes over them."""
    pos = 0
    for q in starts:
        if q < pos or (before is not None and q and before.match(low, q - 1)):
            continue
        m = pattern.match(low, q)
        if m is not None:
            yield m
            pos = m.end()


class _Reader:
    """One document as the meeting rules read it: ``norm``, its lower-case twin, sentence bounds,
    and what the rules look up more than once (computed when first asked)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.norm = doc.norm
        # doc.low, with "ı" and "ſ" (which case-insensitive matching takes for "i" and "s", and
        # lower() keeps) folded too: the lower-case patterns match here what their
        # case-insensitive forms match over doc.norm (same offsets)
        low = doc.low
        self.low = low.replace("ı", "i").replace("ſ", "s") if "ı" in low or "ſ" in low else low
        self._rev: str | None = None
        self._sentences: dict[int, tuple[int, int]] = {}
        self._people: list[tuple[int, str]] | None = None
        self._found: dict[str, list[tuple[int, int]]] = {}

    def text(self, m: re.Match[str], group: str | int) -> str | None:
        """What a group of a match over ``low`` covers, as written in ``norm`` (case kept)."""
        s, e = m.span(group)
        return self.norm[s:e] if s >= 0 else None

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence around ``pos``: after the last stop that ends before it, up to the first
        stop at or after it."""
        found = self._sentences.get(pos)
        if found is None:
            n = len(self.norm)
            if self._rev is None:
                self._rev = self.norm[::-1]
            before = _SENT_END_REVERSED.search(self._rev, n - pos)
            after = _SENT_END.search(self.norm, pos)
            found = (n - before.start() if before else 0, after.start() if after else n)
            self._sentences[pos] = found
        return found

    def spans(self, name: str, pattern: re.Pattern[str], word_start: bool) -> list[tuple[int, int]]:
        """Spans of every match of ``pattern`` over the whole of ``low`` (once per document)."""
        found = self._found.get(name)
        if found is None:
            found = self._found[name] = [
                m.span() for m in _scan(pattern, self.low, before=_WORD_CHAR if word_start else None)]
        return found

    def conclusions(self, pattern: re.Pattern[str], word_start: bool) -> list[tuple[int, int]]:
        """``spans`` of a pattern that starts with "kết luận" (found once for both such patterns)."""
        starts = self._found.get("ket_luan")
        if starts is None:
            starts = self._found["ket_luan"] = [m.start() for m in _scan(_KET_LUAN, self.low, before=None)]
        key = (pattern.pattern, word_start)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = [
                m.span() for m in _scan_at(pattern, self.low, starts, _WORD_CHAR if word_start else None)]
        return found

    def people_in(self, s: int, e: int) -> list[tuple[int, str]]:
        """(position in norm, name) of every person mentioned in ``norm[s:e]``, in order."""
        if self._people is None:
            doc = self.doc
            self._people = sorted((doc.norm_span(x.start, x.end)[0], p.name)
                                  for p in doc.get("people") for x in p.mentions)
        people = self._people
        return people[bisect.bisect_left(people, (s,)):bisect.bisect_left(people, (e,))]


def _subject_body(r: _Reader, kw_start: int) -> str | None:
    """``Ban Thường vụ Tỉnh ủy tổ chức làm việc``: the body just before the verb, same sentence."""
    s, _e = r.sentence(kw_start)
    found = None
    for m in _scan(_BODY_RE, r.low, s, kw_start, _BODY_CHECK):
        found = m
    if found is None:
        return None
    gap = r.norm[found.end():kw_start]
    if _PARTY_UNIT_END.search(r.low, s, found.start()):
        return None  # "Đảng bộ Văn phòng UBND tỉnh": the Party organization of a body, not the body
    if _SUBJECT_GAP.fullmatch(gap):
        return canonical_body(r.text(found, 0))
    return None


def _build(r: _Reader, m: re.Match[str]) -> _Mention | None:
    """A mention from a match of ``_MENTION`` over ``low``."""
    norm, start = r.norm, m.start()
    line_start = norm.rfind("\n", 0, start) + 1
    before = r.low[max(line_start, start - 40):start]
    after = norm[m.end():m.end() + 12]
    if _NOT_EVENT_BEFORE.search(before) and not _EVENT_AFTER.match(after):
        return None
    kind = next(k for k in _KIND_WORDS if m.group(k))
    kw = r.text(m, "kw")
    written = m.group("body") and "body" or m.group("cbody") and "cbody"
    body = canonical_body(r.text(m, written)) if written else None
    rule = "meeting_session_comma_body" if written == "cbody" else "meeting_mention"
    if kind == "buoi_lam_viec" and kw.lower().replace(" ", "").endswith("với"):
        body = _subject_body(r, start) or _header_body(r, start)
    elif body is None:
        body = _subject_body(r, start)
    session = _session(r.text(m, "s1") or r.text(m, "s2"))
    term = r.text(m, "term")
    # a headline: nothing before the mention on its line, and a short sentence after it
    headline = _SPACES.match(norm, line_start, start).end() == start and r.sentence(start)[1] - m.end() < 120
    event = bool(_EVENT_BEFORE.search(before) or _EVENT_AFTER.match(after) or headline
                 or kind == "buoi_lam_viec")
    if (not event or body is None) and _dated_lead(r, start):
        if body is None:
            body = _lead_subject(r, m.end())
        if not event:
            event, rule = True, "meeting_dated_lead"
    if _ALL_LEVELS.match(r.low, m.end()):
        return None                     # no one meeting: not even a further mention of one
    kw_end = m.end("kw") if kind == "buoi_lam_viec" and m.group("body") and "với" in kw else m.end()
    return _Mention(kind, start, m.end(), body, session, term, event, rule, kw_end)


def _dated_lead(r: _Reader, start: int) -> bool:
    """Rule "dated_lead": the mention's sentence opens with its day, then "trong"/"tại" the mention."""
    s, _e = r.sentence(start)
    if start - s > _DATE_LEAD + 12:
        return False
    d = _DAY.match(r.low, s)
    return d is not None and _LEAD_GAP.fullmatch(r.low, d.end(), start) is not None


def _lead_subject(r: _Reader, end: int) -> str | None:
    """The body that opens the clause after a dated lead: "..., trong phiên họp ..., Ban Thường vụ Tỉnh ủy"."""
    g = _LEAD_SUBJECT.match(r.low, end, r.sentence(end)[1])
    if g is None:
        return None
    b = _BODY_RE.match(r.low, g.end())
    return canonical_body(r.text(b, 0)) if b else None


def _header_body(r: _Reader, pos: int) -> str | None:
    """``KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY`` / ``làm việc với ...``: the issuer above."""
    found = None
    for m in _OF_BODY_RE.finditer(r.low, max(0, pos - 200), pos):
        found = m
    return canonical_body(r.text(found, 1)) if found else None


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


def _is_day(d: object) -> bool:
    """Whether a date fact names a day (the kind of date that can date a meeting)."""
    return (getattr(d, "first", None) is not None
            and getattr(getattr(d, "kind", None), "value", getattr(d, "kind", None)) == "day")


def _date_of(r: _Reader, mtg: _Meeting) -> date | None:
    """The day a date opening one of the meeting's sentences names (a found date, else "Sáng 15-3")."""
    doc = r.doc
    dates = doc.get("dates")
    seen = set()
    for mt in mtg.mentions:
        s, e = r.sentence(mt.start)
        if s in seen:
            continue                    # a sentence read already for another mention
        seen.add(s)
        if dates:
            # where a date must start: within the first _DATE_LEAD characters of the sentence
            os_, lead_end = doc.orig_span(s, min(e, s + _DATE_LEAD))
            for d in dates:
                if os_ <= getattr(d, "start", -1) < lead_end and _is_day(d):
                    return d.first
        m = _DAY.search(r.low, s, min(e, s + _DATE_LEAD + 12))
        if m and m.start() - s <= _DATE_LEAD:
            year = int(m.group(3)) if m.group(3) else (doc.ref_date.year if doc.ref_date else None)
            if year is None:
                continue
            try:
                return date(year, int(m.group(2)), int(m.group(1)))
            except ValueError:
                continue
    return None


def _chairs(r: _Reader, mtg: _Meeting) -> tuple[str, ...]:
    if not r.doc.get("people"):
        return ()                       # a chair is a person the people extractor found
    norm, low = r.norm, r.low
    kinds = _KIND_RES[mtg.kind]
    names: list[str] = []
    for cs, ce in r.spans("chair", _CHAIR, word_start=True):
        s, e = r.sentence(cs)
        if not kinds.search(low, s, e) and not _DOT_OR_END.match(norm[ce:ce + 2]):
            continue
        if _LEADS_TASK_AFTER.match(low, ce) or _LEADS_TASK_BEFORE.search(low, max(s, cs - 80), cs):
            continue                    # rule "lead_unit_not_chair": "giao Văn phòng Tỉnh ủy chủ trì, phối hợp"
        under = _UNDER_CHAIR.search(norm, max(s, cs - 12), min(e, ce + 8))
        found = r.people_in(ce, e) if under else r.people_in(s, cs)
        for _pos, name in found:
            if name not in names:
                names.append(name)
        if names:
            return tuple(names)
    # "kết luận của đồng chí X", "Chủ tịch UBND tỉnh X đã có kết luận về cuộc họp": the one who concludes
    for cs, ce in r.conclusions(_CONCLUDE_OF, word_start=False):
        s, e = r.sentence(cs)
        if kinds.search(low, s, e):
            found = r.people_in(ce, min(e, ce + 40))
            if found:
                return (found[0][1],)
    # the one who concludes a meeting chairs it
    seen = set()
    for mt in mtg.mentions:
        s, e = r.sentence(mt.start)
        if s in seen:
            continue                    # a sentence read already for another mention
        seen.add(s)
        for c in reversed(list(_scan(_CONCLUDE, low, s, e))):
            found = r.people_in(s, c.start())
            if found:
                return (found[-1][1],)
    for cs, ce in r.conclusions(_CONCLUDE, word_start=True):
        s, e = r.sentence(cs)
        if kinds.search(low, s, e) or _ON_BEHALF.search(norm, s, cs) or _AS_FOLLOWS.match(norm, ce):
            found = r.people_in(s, cs)
            if found:
                return (found[-1][1],)
    return ()


def run(doc: Document) -> None:
    r = _Reader(doc)
    mentions: list[_Mention] = []
    for rule in RULES:
        for m in _scan_at(rule.pattern, r.low, _mention_starts(r.low)):
            mt = rule.build(r, m)
            if mt is not None:
                mentions.append(mt)
    mentions.sort(key=lambda x: x.start)
    out = []
    for mtg in _group(mentions):
        first = next(x for x in mtg.mentions if x.event)
        start, end = doc.orig_span(first.start, first.kw_end)
        out.append(Meeting(kind=mtg.kind, body=mtg.body, session=mtg.session, term=mtg.term,
                           date=_date_of(r, mtg), chairs=_chairs(r, mtg), start=start, end=end,
                           rule=first.rule))
    doc.facts[NAME] = out


# The mention rule matches over doc.low (lower case) and is run by _scan, which checks that no
# word character comes before a match; its builder takes the _Reader of the document.
RULES = [
    Rule("meeting_mention", re.compile(_MENTION), _build),
]

__all__ = ["NAME", "REQUIRES", "RULES", "run"]
