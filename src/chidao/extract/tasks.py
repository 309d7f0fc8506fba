"""Tasks: the directives a conclusion or a speech assigns, with their assignees and deadlines."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from chidao.extract import segments
from chidao.extract.document import Document
from chidao.extract.rules import Rule, drop_overlapping, vi
from chidao.lexicon import cue_table
from chidao.lexicon import prefilter as pf
from chidao.model import PeriodKind, Task

NAME = "tasks"
REQUIRES: tuple[str, ...] = ("segments", "dates")

_W = r"[^\W_]"
_TRAIL = " \t\n.;,:…-"
MAX_ASSIGNEE_WORDS = 24          # syllables of one body's name (a list may hold several)
HEADING_MAX_CHARS = 160
HEADING_MAX_WORDS = 20
GROUP_MAX_WORDS = 14


# --------------------------------------------------------------------------- lexicon


@lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[str, ...]]:
    """Cue phrases of lexicon/task_cues.tsv and lexicon/task_grammar.tsv by category, lower-cased,
    longest first (a category both files hold has the phrases of both)."""
    merged: dict[str, set[str]] = {}
    for table in ("task_cues", "task_grammar"):
        for cat, phrases in cue_table(table).items():
            merged.setdefault(cat, set()).update(phrases)
    return {cat: tuple(sorted(p, key=len, reverse=True)) for cat, p in merged.items()}


@lru_cache(maxsize=None)
def _phrase_set(category: str) -> frozenset[str]:
    """The phrases of a cue category, one space between words, for a look-up of words read."""
    return frozenset(" ".join(p.split()) for p in _cues().get(category, ()))


def _alt(category: str | tuple[str, ...]) -> str:
    """A whole-word pattern of the phrases of ``category`` (or categories): a trie, which matches
    what the longest-first alternation of them matches, but rules a position out in a step or two."""
    phrases: set[str] = set()
    for cat in (category,) if isinstance(category, str) else category:
        phrases.update(_cues().get(cat, ()))
    if not phrases:
        return "(?!)"
    return rf"(?<!{_W}){pf.phrase_trie(sorted(phrases), comma=_COMMA)}(?!{_W})"


@lru_cache(maxsize=None)
def _rx(name: str) -> re.Pattern[str]:
    """Compiled helper patterns, built once from the lexicon."""
    conn = _alt("connective")
    if name == "lead":        # connectives and quote marks a directive may stand behind
        return vi(rf'(?:\s*["(]\s*|\s*(?:{conn})\s*(?:,\s*|\s+(?=[^\W\d_])))*')
    if name == "imperative":
        return vi(rf"(?:{_alt('imperative')})")
    if name == "modal":
        return vi(rf"(?:{_alt('modal')})")
    if name == "directive":
        return vi(rf"(?:{_alt('directive')})")
    if name == "speech":
        return vi(rf"(?:{_alt('speech')})")
    if name == "reporting":
        return vi(rf"(?:{_alt('reporting')})")
    if name == "task_heading":
        return vi(rf"(?:{_alt('task_heading')})")
    if name == "retro_heading":
        return vi(rf"(?:{_alt('retro_heading')})")
    if name == "head":
        return vi(rf"(?:(?:{_alt('quantifier')})\s+)?(?:{_alt(('body_head', 'named_head'))})")
    if name == "level":       # "huyện ủy", "thành ủy" are committees, not levels
        return vi(rf"(?:{_alt('level')})(?!\s*ủy(?!{_W}))")
    if name in ("complement", "passive", "meeting", "anaphor", "not_verb", "not_body", "forecast",
                "role_apposition"):
        return vi(rf"(?:{_alt(name)})")
    if name == "quantifier":
        return vi(rf"(?:{_alt('quantifier')})\s+")
    if name == "stop":
        return vi(rf"(?:{_alt(_STOP_CATEGORIES)})")
    if name == "must":
        return vi(rf"(?<!{_W})(?:phải|cần)(?!{_W})")
    raise KeyError(name)


_INDEXED = ("directive", "speech", "reporting", "must")   # the cue categories searched in sentences
_COMMA = r"\s*,?\s*"


def _phrases(name: str) -> tuple[str, ...]:
    return ("phải", "cần") if name == "must" else _cues().get(name, ())


@lru_cache(maxsize=1)
def _index_patterns() -> tuple[dict[str, re.Pattern[str]], re.Pattern[str]]:
    """The prefilter of each indexed category, and of all of them (``chidao.lexicon.prefilter``)."""
    pres = {name: pf.prefilter(_phrases(name), comma=_COMMA) for name in _INDEXED}
    union = re.compile(pf.phrase_trie(sorted({p for name in _INDEXED for p in _phrases(name)}), comma=_COMMA))
    return pres, union


def _cue_index(doc: Document) -> pf.CueIndex:
    """Where the cue words of the indexed categories may stand in ``doc``, found once."""
    index = doc.__dict__.get("_tasks_cue_index")
    if index is None:
        index = doc.__dict__["_tasks_cue_index"] = pf.CueIndex(pf.document_low(doc), *_index_patterns())
    return index


def _finditer(doc: Document, name: str, start: int, end: int):
    """``_rx(name).finditer(doc.norm, start, end)`` for an indexed category, from the cue index."""
    return _cue_index(doc).finditer(name, _rx(name), doc.norm, start, end)


def _search(doc: Document, name: str, start: int, end: int) -> re.Match[str] | None:
    """``_rx(name).search(doc.norm, start, end)`` for an indexed category, from the cue index."""
    return _cue_index(doc).search(name, _rx(name), doc.norm, start, end)


_STOP_CATEGORIES = ("assignee_stop", "imperative", "modal", "directive", "speech", "reporting")


@lru_cache(maxsize=1)
def _stop_trie() -> re.Pattern[str]:
    """``_rx("stop")`` factored by common prefix: the same yes or no at any position, sooner."""
    phrases = {p for cat in _STOP_CATEGORIES for p in _cues().get(cat, ())}
    return re.compile(rf"(?<!{_W}){pf.phrase_trie(sorted(phrases), comma=_COMMA)}(?!{_W})", re.IGNORECASE)


@lru_cache(maxsize=1)
def _strict_stop_trie() -> re.Pattern[str]:
    """The words that end a name even inside a descriptive one: ``_stop_trie`` without imperatives."""
    cats = tuple(c for c in _STOP_CATEGORIES if c != "imperative")
    phrases = {p for cat in cats for p in _cues().get(cat, ())}
    return re.compile(rf"(?<!{_W}){pf.phrase_trie(sorted(phrases), comma=_COMMA)}(?!{_W})", re.IGNORECASE)


def _strict_stop_word(norm: str, pos: int, end: int) -> bool:
    return _strict_stop_trie().match(norm, pos, end) is not None


def _stop_word(norm: str, pos: int, end: int) -> bool:
    """Whether a word that ends the name of an assignee (``_rx("stop")``) begins at ``pos``."""
    return _stop_trie().match(norm, pos, end) is not None


@lru_cache(maxsize=1)
def _known_bodies() -> re.Pattern[str] | None:
    """The bodies lexicon's alternation, when that lexicon is installed."""
    try:
        from chidao.lexicon.bodies import body_pattern
    except ImportError:
        return None
    return re.compile(body_pattern(), re.IGNORECASE)


_RUN_CACHES = ("_tasks_date_starts", "_tasks_deadlines", "_tasks_dated", "_tasks_cue_index", "_tasks_bodies",
               "_tasks_openings")


def _date_starts(doc: Document) -> list[int]:
    """Where the dates found in ``doc`` begin (original offsets), in text order."""
    starts = doc.__dict__.get("_tasks_date_starts")
    if starts is None:
        starts = doc.__dict__["_tasks_date_starts"] = [f.start for f in doc.get("dates")]
    return starts


def _may_hold_deadline(doc: Document, start: int, end: int) -> bool:
    """Whether ``doc.text[start:end]`` holds a date wholly, without which ``find_deadline`` finds
    nothing (``True`` when the dates have not been read)."""
    facts = doc.facts.get("dates")
    if facts is None:
        return True
    for i in range(bisect.bisect_left(_date_starts(doc), start), len(facts)):
        if facts[i].start >= end:
            break
        if facts[i].end <= end:
            return True
    return False


def _find_deadline(doc: Document, start: int, end: int):
    """``dates.find_deadline`` of ``doc.text[start:end]``, looked for once per span and only in a
    span holding a date; a period that names what a programme of work covers (``triển khai nhiệm
    vụ trọng tâm 6 tháng cuối năm``) is no deadline."""
    try:
        from chidao.extract.dates import find_deadlines, principal_deadline
    except ImportError:
        return None
    if not _may_hold_deadline(doc, start, end):
        return None
    memo = doc.__dict__.setdefault("_tasks_deadlines", {})
    if (start, end) not in memo:
        dl = principal_deadline(_dated_list(doc, start, end))
        if dl is not None and _agenda_period(doc, dl):
            # the principal deadline of the others, as find_deadline chooses it
            rest = [d for d in find_deadlines(doc, start, end) if not _agenda_period(doc, d)]
            fixed = [d for d in rest if d.due is not None]
            named = [d for d in rest if not d.rule.startswith("vague_")]
            dl = fixed[-1] if fixed else named[-1] if named else None
        memo[start, end] = dl
    return memo[start, end]


def _dated_list(doc: Document, start: int, end: int) -> list:
    """``dates.find_dated_deadlines`` of ``doc.text[start:end]``, looked for once per span."""
    memo = doc.__dict__.setdefault("_tasks_dated", {})
    got = memo.get((start, end))
    if got is None:
        from chidao.extract.dates import find_dated_deadlines
        got = memo[start, end] = find_dated_deadlines(doc, start, end) if _may_hold_deadline(doc, start, end) \
            else []
    return got


def _agenda_period(doc: Document, dl) -> bool:
    """A period without a cue of its own right after ``nhiệm vụ`` (``nhiệm vụ trọng tâm 6 tháng
    cuối năm``, ``phương hướng, nhiệm vụ năm 2025``): the time a programme covers, not a deadline."""
    if not dl.rule.startswith(("bare_", "relative_bare")):
        return False
    ns, _ne = doc.norm_span(dl.start, dl.end)
    before = " ".join(doc.low[max(0, ns - 40):ns].split())
    return before.endswith(tuple(_phrase_set("agenda")))


# --------------------------------------------------------------------------- blocks


@dataclass
class Block:
    """A paragraph, heading, caption or list item of the text, in ``norm`` coordinates."""

    start: int
    end: int
    body: int                      # where the words after a list marker begin
    marker: str | None = None      # roman, num, sub, letter, bullet
    ordinal: str | None = None
    kind: str = "paragraph"        # paragraph, heading, caption, item, end
    level: int = 0
    group: bool = False            # a short item that heads items below it


_MARKERS = (
    ("roman", r"([IVXL]{1,6})[.)/]\s+"),
    ("sub", r"(\d{1,2}(?:\.\d{1,2})+)\.?\s+"),
    ("num", r"(\d{1,2})[.)]\s+"),
    ("letter", r"([a-zđ])[).]\s+"),
    ("bullet", r"([-+•*■●◦▪])\s*(?=[^\W\d_\"])"),
)
# one pattern trying the markers in turn: the first that matches names the marker (its group)
_MARKER = re.compile("|".join(f"(?P<{kind}>{rx})" for kind, rx in _MARKERS))
_END_LINE = re.compile(r"\W*(?:nơi nhận|t/m|tm\.|kt\.|k/t|nguồn\s*:)", re.IGNORECASE)
_CAPTION = re.compile(r"\|\s*$|^\W*(?:ảnh|video|clip)\s*:|[.(]\s*ảnh\s*:", re.IGNORECASE)


def _first_alpha_is_lower(s: str) -> bool:
    for ch in s:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False


def lines(doc: Document) -> list[tuple[int, int]]:
    """Spans of ``norm`` one block each (see ``Document.block_spans``)."""
    return segments.block_spans(doc)


def blocks(doc: Document) -> list[Block]:
    """The text's blocks: lines, with broken lines (starting lower-case) joined to the one before."""
    norm = doc.norm
    raw: list[Block] = []
    for s, e in lines(doc):
        line = norm[s:e]
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        s, e = s + lead, s + lead + len(stripped)
        marker = ordinal = None
        body = s
        m = _MARKER.match(norm, s, e)
        if m:
            marker, body = m.lastgroup, m.end()
            ordinal = None if marker == "bullet" else m.group(m.lastindex + 1)   # group inside the named one
        if (raw and marker is None and _first_alpha_is_lower(stripped)
                and raw[-1].kind != "end" and raw[-1].marker != "roman"):
            raw[-1].end = e
            continue
        raw.append(Block(s, e, body, marker, ordinal))
    captions = _segment_spans(doc, "caption")
    low = pf.document_low(doc)
    ended = False
    for b in raw:
        text = norm[b.body:b.end]
        if ended or _END_LINE.match(norm, b.start, b.end):
            ended = True
            b.kind = "end"
        elif _is_caption(norm, low, b.start, b.end) or any(cs <= b.start < ce for cs, ce in captions):
            b.kind = "caption"
        elif b.marker == "roman":
            b.kind = "heading"
        elif b.marker is not None:
            b.kind = "item"
            words = len(text.split(None, 2 * GROUP_MAX_WORDS))     # exact up to 2 * GROUP_MAX_WORDS
            b.group = (words <= GROUP_MAX_WORDS and not text.endswith(_STOPS)) or (
                text.endswith(":") and words <= 2 * GROUP_MAX_WORDS)
        elif (len(text) <= HEADING_MAX_CHARS and len(text.split()) <= HEADING_MAX_WORDS
              and not text.endswith(_HEADING_STOPS)):
            b.kind = "heading"
    return raw


_STOPS = tuple(".;!?…")                    # a block ending in one of these is not a group's head
_HEADING_STOPS = tuple('.:;!?…,"')


def _is_caption(norm: str, low: str | None, start: int, end: int) -> bool:
    """``_CAPTION`` over ``norm[start:end]``, searched only when the block holds its words."""
    if low is not None and "|" not in norm[start:end]:      # "... |" or "ảnh:", "video:", "clip:"
        words = low[start:end]
        if ":" not in words or "ảnh" not in words and "video" not in words and "clip" not in words:
            return False
    return bool(_CAPTION.search(norm[start:end]))


def _segment_spans(doc: Document, kind: str) -> list[tuple[int, int]]:
    out = []
    for seg in doc.get("segments"):
        if getattr(seg, "kind", None) == kind:
            out.append(doc.norm_span(seg.start, seg.end))
    return out


# a stop, then the space before the next sentence (the match begins AT the stop, so that the
# engine can skip to it; the sentence ends after it)
_SENT_END = re.compile(r'[.!?…](?:["\')]*\s+(?=["(]?[^\W\d_a-zđ])|\s*\n)')
_SENT_END_DOT = re.compile(r'\.(?:["\')]*\s+(?=["(]?[^\W\d_a-zđ])|\s*\n)')   # the same, for "." alone
_ABBREV = re.compile(r"(?:\b(?:TP|Tp|ThS|TS|PGS|GS|Th\.S|St|Q)\.|\.\.\.)$")
_ABBREV_CHARS = 5                         # the longest of _ABBREV ("Th.S.")


def sentences(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``norm[start:end]``: ends at . ! ? … before an upper-case word."""
    out = []
    s = start
    lo = max(0, start - 1)
    # a text without "!", "?" or "…" (most) is searched for "." alone, which the engine skips to
    only_dots = all(norm.find(c, lo, end) == -1 for c in "!?…")
    for m in (_SENT_END_DOT if only_dots else _SENT_END).finditer(norm, lo, end):
        stop = m.start() + 1
        # every abbreviation of _ABBREV ends in one of these and "."
        if (stop - 2 >= s and norm[stop - 1] == "." and norm[stop - 2] in "PpStQ."
                and _ABBREV.search(norm, max(s, stop - _ABBREV_CHARS), stop) and not norm.endswith("...", s, stop)):
            continue
        if stop > s:                    # the span holds its stop: not blank
            out.append((s, stop))
        s = m.end()
    if s < end and not norm[s:end].isspace():
        out.append((s, end))
    return out


# --------------------------------------------------------------------------- judging words


def _skip_lead(norm: str, start: int, end: int) -> int:
    """Past connectives (``Theo đó,``), an opening quote, and a topic before a colon (``Đối với các
    nhiệm vụ trọng tâm:``, ``Về công tác cán bộ:``) that heads what follows it."""
    m = _rx("lead").match(norm, start, end)
    pos = m.end() if m else start
    while pos < end and norm[pos] in ' "(':
        pos += 1
    if norm.startswith(("Đối với", "đối với", "Về ", "Riêng"), pos):
        t = _TOPIC_COLON.match(norm, pos, end)
        if t:                            # "1. Đối với các nhiệm vụ ...: Các sở, ban, ngành ..."
            pos = t.end()
    return pos


def _topic_body(doc: Document, s: int, e: int) -> tuple[int, int] | None:
    """The body a topic before a colon addresses (``Đối với UBND tỉnh:``, ``2. Đối với Sở Tài chính:
    tham mưu ...``): what follows the colon, or the items under it, are its tasks; else ``None``."""
    norm, low = doc.norm, doc.low
    m = _rx("lead").match(norm, s, e)
    pos = m.end() if m else s
    if low.startswith("riêng ", pos):
        pos += 6
    if not low.startswith("đối với ", pos):
        return None
    j = pos + 8
    while j < e and norm[j] == " ":
        j += 1
    span = body_at(doc, j, e)
    if span is None or norm[span[1]:e].lstrip()[:1] != ":":
        return None
    return span


# a topic that heads what follows it after a colon: "Đối với UBND tỉnh:", "Về công tác cán bộ:"
_TOPIC_COLON = re.compile(r"(?:Riêng\s+)?(?:[Đđ]ối với|Về)\s[^.:;!?\n]{1,100}:\s*(?=\S)", re.IGNORECASE)


def _imperative_at(doc: Document, pos: int, end: int) -> re.Match[str] | None:
    norm = doc.norm
    m = _rx("imperative").match(norm, pos, end)
    if not m:
        return None
    after = norm[m.end():m.end() + 12].lower()
    if _NOT_IMPERATIVE_AFTER.match(after):
        return None
    return m


_NOT_IMPERATIVE_AFTER = re.compile(r"\s*(?:được|đã|là|của|với\s+\d)")
_DA = re.compile(rf"(?<!{_W})đã(?!{_W})", re.IGNORECASE)
_PAST = re.compile(rf"(?<!{_W})(?:đã|vừa qua)(?!{_W})", re.IGNORECASE)
_PAST_START = re.compile(rf"(?:đã|vừa)(?!{_W})", re.IGNORECASE)
_THEN_MUST = re.compile(r"(?<![\w])(?:thì|mà)\s+(?:cần|phải)\s")
_AS_FOLLOWS = re.compile(r"như\s*:?\s*\S")
_TELLS_BEFORE = re.compile(r"(?:giao|nghị|cầu|đạo|ý|cho)\s+$", re.IGNORECASE)
_BODY_CUT = re.compile(r",\s*|\s+và\s+")
_CLAUSE_OPENS = re.compile(r"(?:^|[.;:]\s*|đồng thời,?\s*)$")
_ATTRIBUTION = re.compile(r'"\s*-\s*[^"]*$')
_WORKS_WITH = re.compile(r"làm\s+việc\s+với\s+", re.IGNORECASE)
_WORKS_WITH_LOW = re.compile(r"làm\s+việc\s+với\s+")
_LIST_NOUNS = re.compile(r"nhiệm\s+vụ|giải\s+pháp|(?:vấn\s+đề|nội\s+dung)\s+sau", re.IGNORECASE)


def _past(doc: Document, s: int, e: int) -> bool:
    """``_PAST`` in ``norm[s:e]`` (searched only when the lower-case form holds its words)."""
    low = doc.low[s:e]
    return ("đã" in low or "vừa" in low) and bool(_PAST.search(doc.norm[s:e]))


# a gap (a comma, a dash, "và" or a space) and the word after it, if any
_GAP_WORD = re.compile(rf"(\s*,\s*|\s+-\s+|\s+và\s+)?\s*({_W}+)?")
_NAME_BREAK = '.;:()"!?…-'


@lru_cache(maxsize=None)
def _first_syllables(categories: tuple[str, ...]) -> frozenset[str]:
    """The first words of the phrases of ``categories``: a phrase of them can only match where a
    word (a whole run of letters) equal to one of these, folded to lower case, begins."""
    return frozenset(p.replace(",", " ").split()[0] for cat in categories for p in _cues().get(cat, ()))


def _words_of(text: str) -> str:
    return " ".join(text.lower().split())


def _head_kind(norm: str, start: int, end: int) -> str:
    """The head word(s) of ``norm[start:end]`` (a match of ``_rx("head")``) without its quantifier."""
    q = _rx("quantifier").match(norm, start, end)
    return _words_of(norm[q.end() if q else start:end])


@dataclass
class _NameState:
    """How the name being read may go on (``body_at``)."""

    generic: bool = False        # "các <head>": only complements, levels and more heads follow
    descriptive: bool = False    # a head whose lower-case words may describe its work up to a level
    closed: bool = False         # the name has reached its level (UBND tỉnh, ... tỉnh Cà Mau)

    def start(self, norm: str, s: int, e: int, head: re.Match[str] | None, generic: bool) -> None:
        """A new head at ``norm[s:]`` read to ``e``; ``generic``: quantified, or listed after one."""
        kind = _head_kind(norm, s, head.end()) if head else ""
        q = _rx("quantifier").match(norm, s, e)
        self.generic = generic and norm[q.end() if q else s].islower()
        self.descriptive = kind in _phrase_set("descriptive_head")
        self.closed = _ends_with_level(norm, s, e)


def _level_at(doc: Document, j: int, end: int) -> re.Match[str] | None:
    """``_rx("level")`` at ``j``, but not ``xã`` of the noun ``xã hội`` (tổ chức chính trị - xã hội)."""
    lv = _rx("level").match(doc.norm, j, end)
    if lv is not None and doc.low.startswith("xã hội", j):
        return None
    return lv


# "các huyện, thành, thị": in a list of levels, "thành" and "thị" stand for thành phố and thị xã
# ("thành" before ", thị"; "thị" closing the list or the pair), over doc.low
_SHORT_LEVEL = re.compile(rf"thành(?=\s*,\s*thị(?!{_W}))|thị(?!{_W})(?=\s*(?:[,;.:)]|$))|(?<=thành, )thị(?!{_W})")
_AMPERSAND_TAIL = re.compile(rf"&{_W}+")       # Sở KH&ĐT, Sở LĐTB&XH: one abbreviation


def _compound_noun(doc: Document, prev: int | None, j: int, end: int) -> bool:
    """Whether the word at ``j`` makes one noun with the word before it (at ``prev``) or after it
    (``công trình``, ``giao thông``): then it is no verb that ends a name."""
    low = doc.low
    nouns = _phrase_set("compound_noun")
    if not nouns:
        return False
    w_end = _WORD_RUN.match(low, j, end).end()
    if prev is not None and " ".join(low[prev:w_end].split()) in nouns:
        return True
    m = _GAP_WORD.match(low, w_end, end)
    if m.group(1) is None and m.group(2) is not None:
        return " ".join(low[j:m.end(2)].split()) in nouns
    return False


def _ends_with_level(norm: str, s: int, e: int) -> bool:
    """Whether ``norm[s:e]`` ends with a level (``UBND tỉnh``, ``Ban Tổ chức Trung ương``)."""
    words = norm[s:e].lower().split()
    levels = _phrase_set("level")
    return bool(words) and (words[-1] in levels or " ".join(words[-2:]) in levels)


def _bare_ban(norm: str, pos: int, head_end: int, end: int) -> bool:
    """A lone ``ban`` head with no name after it (``giao ban công tác tuần``: a briefing)."""
    if _head_kind(norm, pos, head_end) != "ban" or _rx("quantifier").match(norm, pos, end):
        return False
    m = _GAP_WORD.match(norm, head_end, end)
    if m.group(2) is None:
        return True
    j = m.start(2)
    if m.group(1):
        return not _rx("head").match(norm, j, end)
    return not (norm[j].isupper() or _rx("head").match(norm, j, end))


def _descriptive_end(doc: Document, j: int, end: int, budget: int) -> int | None:
    """Where a descriptive name that goes on at ``j`` with a verb-like word (``Trung tâm | phát triển
    quỹ đất thành phố``) reaches its level, within ``budget`` words and before anything that ends a
    name for sure; ``None`` when it does not."""
    norm = doc.norm
    i = j
    while budget > 0 and i < end:
        m = _GAP_WORD.match(norm, i, end)
        w = m.start(2) if m.group(2) is not None else m.end()
        if w >= end or m.group(2) is None or norm[w] in _NAME_BREAK or norm[w].isdigit():
            return None
        if m.group(1) and m.group(1).strip() == "," or (m.group(1) and _rx("head").match(norm, w, end)):
            return None
        lv = _level_at(doc, w, end)
        if lv:
            return lv.end()
        if i > j and norm[w].islower() and _strict_stop_word(norm, w, end):
            return None
        i = m.end(2)
        budget -= 1
    return None


_WORD_RUN = re.compile(r"[^\W_]*")


def _leading_words(phrases, comma_optional: bool) -> tuple[frozenset[str], tuple[str, ...]]:
    """(words, prefixes) that the text at a place where one of ``phrases`` matches (whole-word,
    case-insensitive) begins with: the leading run of letters and digits of the phrase, whole and
    folded to lower case (``Document.low``); where the first word stands before a comma that may be
    left out (``_COMMA``), the text's first word may run on into the next: that word is a prefix."""
    words: set[str] = set()
    prefixes: set[str] = set()
    for p in phrases:
        p = p.lower()
        lead = p[:_WORD_RUN.match(p).end()]
        words.add(lead)
        if comma_optional and lead and p[len(lead):].lstrip().startswith(","):
            prefixes.add(lead)
    return frozenset(words), tuple(sorted(prefixes))


@lru_cache(maxsize=1)
def _body_openings() -> tuple[frozenset[str], tuple[str, ...]]:
    """``_leading_words`` of the phrases without which ``_body_at`` reads nothing: those of
    ``_rx("head")``, of the bodies lexicon and of ``_rx("quantifier")``."""
    words, prefixes = _leading_words([p for cat in ("quantifier", "body_head", "named_head")
                                      for p in _cues().get(cat, ())], True)
    try:
        from chidao.lexicon.bodies import body_forms
    except ImportError:
        return words, prefixes
    known, _none = _leading_words(body_forms(), False)     # "," there is never left out
    return words | known, prefixes


def _may_open_body(doc: Document, pos: int, end: int) -> bool:
    """Whether ``norm[pos:end]`` opens with a word a body's name can begin with: one test of the
    first word instead of three patterns tried (and failing) at most places."""
    low = doc.low
    first = low[pos:_WORD_RUN.match(low, pos, end).end()]
    words, prefixes = _body_openings()
    return first in words or bool(prefixes) and first.startswith(prefixes)


def body_at(doc: Document, pos: int, end: int) -> tuple[int, int] | None:
    """The span of ``norm`` naming a body that begins at ``pos`` (``UBND tỉnh``, ``các sở, ngành``),
    read once per document and place (see ``_body_at``)."""
    memo = doc.__dict__.get("_tasks_bodies")
    if memo is None:
        memo = doc.__dict__["_tasks_bodies"] = {}
    key = (pos, end)
    if key not in memo:
        memo[key] = _body_at(doc, pos, end)
    return memo[key]


def _body_at(doc: Document, pos: int, end: int) -> tuple[int, int] | None:
    """The span of ``norm`` naming a body that begins at ``pos`` (``UBND tỉnh``, ``các sở, ngành``).

    A name runs from its head over capitalised words (``Sở Nông nghiệp và Môi trường``), lower-case
    words that are no verb of the cue lists, and a list of further heads (``, Văn phòng Tỉnh ủy``);
    once it reaches its level (``tỉnh``, ``huyện Quế Sơn``), and after ``các <head>``, only levels,
    complements (``liên quan``, ``trực thuộc``) and further heads go on. A descriptive head reads on
    over verbs to its level (``Trung tâm phát triển quỹ đất thành phố``)."""
    if not _may_open_body(doc, pos, end):
        return None                              # no head, known body nor quantifier can begin here
    norm = doc.norm
    head = _rx("head").match(norm, pos, end)
    known = _known_bodies()
    kb = known.match(norm, pos, end) if known else None
    quant = _rx("quantifier").match(norm, pos, end)
    if not head and not kb and quant:
        head = _rx("level").match(norm, quant.end(), end)     # "các huyện, thị xã", "các xã, phường"
    if not head and not kb:
        return None
    if _rx("not_body").match(norm, quant.end() if quant else pos, end):
        return None                              # "Hội nghị", "trường hợp", "Phòng, chống ..."
    if head and not kb:
        word = norm[pos:head.end()]
        imp = _rx("imperative").match(norm, pos, end)
        if not quant and imp and imp.end() >= head.end():
            return None
        if not quant and not word[:1].isupper() and len(word.split()) == 1 and pos > 0 \
                and not _TELLS_BEFORE.search(norm[max(0, pos - 8):pos]):
            return None
        if not quant and not word[:1].isupper() and _head_kind(norm, pos, head.end()) in _phrase_set("named_head"):
            return None                          # "phòng, chống dịch": not Phòng ...
        if _bare_ban(norm, pos, head.end(), end):
            return None
    floor = max(head.end() if head else pos, kb.end() if kb else pos)
    state = _NameState()
    state.start(norm, pos, floor, head if not kb or (head and head.end() >= kb.end()) else None,
                bool(quant) and not kb)
    i = last = floor
    words = len(norm[pos:floor].split())
    after_level = state.closed
    prev: int | None = None                      # where the lower-case word before begins
    while i < end and words < MAX_ASSIGNEE_WORDS:
        m = _GAP_WORD.match(norm, i, end)
        gap = m.group(1)
        j = m.start(2) if m.group(2) is not None else m.end()
        if j >= end or norm[j] in _NAME_BREAK or norm[j].isdigit():
            break
        if gap:                                  # a list: another body, or another level
            if "," in gap and not state.generic and _rx("role_apposition").match(norm, j, end):
                break                            # "BQL DA ..., chủ đầu tư dự án ...": its role
            h = _rx("head").match(norm, j, end)
            k = known.match(norm, j, end) if known else None
            if h or k:
                i = last = max(h.end() if h else j, k.end() if k else j)
                words = 1
                state.start(norm, j, i, h if h and (not k or h.end() >= k.end()) else None,
                            state.generic or bool(_rx("quantifier").match(norm, j, end)))
                after_level = state.closed
                prev = None
                continue
            if after_level:
                lv = _level_at(doc, j, end) or _SHORT_LEVEL.match(doc.low, j, end)
                if lv:                           # "UBND các huyện, thị xã, thành phố", "huyện, thành, thị"
                    i = last = lv.end()
                    words += 1
                    continue
        w = m.group(2)
        if w is None:
            break
        lw = w.lower()                           # a phrase can only begin here if its first word is lw
        lv = _level_at(doc, j, end) if lw in _first_syllables(("level",)) else None
        if lv:
            i = last = lv.end()
            words += 1
            state.closed = after_level = True
            prev = None
            continue
        if w[0].isupper():                       # a proper name goes on: Sở Tài nguyên và Môi trường
            i = last = m.end(2)
            if norm.startswith("&", i):
                amp = _AMPERSAND_TAIL.match(norm, i, end)
                if amp:
                    i = last = amp.end()
            words += 1
            state.generic = False
            prev = j
            continue
        after_level = False
        stop = lw in _first_syllables(_STOP_CATEGORIES) and _stop_word(norm, j, end) \
            and not _compound_noun(doc, prev, j, end)
        if state.closed or state.generic:
            c = _rx("complement").match(norm, j, end) if lw in _first_syllables(("complement",)) else None
            if c is None and state.generic and not stop and not _rx("not_body").match(norm, j, end):
                c = _rx("head").match(norm, j, end)      # "chính quyền các cấp", "từng cấp ngành đơn vị"
            if c is None:
                break
            i = last = c.end()
            words += 1
            continue
        if stop:
            tail = _descriptive_end(doc, j, end, MAX_ASSIGNEE_WORDS - words) if state.descriptive else None
            if tail is None:
                break                            # a word that ends the name
            i = last = tail
            words += len(norm[j:tail].split())
            state.closed = after_level = True
            continue
        i = last = m.end(2)
        words += 1
        prev = j
    if words >= MAX_ASSIGNEE_WORDS and not state.closed:
        return None                              # no end in sight: a clause, not a name
    return pos, last


def _split_bodies(doc: Document, s: int, e: int) -> list[tuple[int, int]]:
    """One span per body: ``Đảng đoàn HĐND tỉnh, Ban cán sự đảng UBND tỉnh`` gives two."""
    norm = doc.norm
    cuts = [s]
    for m in _BODY_CUT.finditer(norm[s:e]):
        nxt = s + m.end()
        if nxt >= e or not _rx("head").match(norm, nxt, e):
            continue
        # a capitalised head, or "các <head>" after a name that has reached its level: "các ban
        # HĐND thành phố, các sở, ngành liên quan" names two bodies, "Mặt trận, các đoàn thể" one
        if norm[nxt].isupper() or (_rx("quantifier").match(norm, nxt, e)
                                   and _closed_name(norm, cuts[-1], s + m.start())):
            cuts.append(nxt)
    out = []
    for a, b in zip(cuts, cuts[1:] + [e]):
        seg = norm[a:b].rstrip(" ,")
        if seg.endswith(" và"):
            seg = seg[:-3]
        out.append((a, a + len(seg)))
    return out


def _closed_name(norm: str, s: int, e: int) -> bool:
    """Whether ``norm[s:e]`` ends with its level, then perhaps a place name (``UBND tỉnh Quảng Nam``)."""
    words = norm[s:e].split()
    while len(words) > 1 and words[-1][:1].isupper():
        words.pop()
    return _ends_with_level(" ".join(words), 0, len(" ".join(words)))


def _name(doc: Document, s: int, e: int) -> str:
    os_, oe = doc.orig_span(s, e)
    text = " ".join(doc.text[os_:oe].split())
    return text[:1].upper() + text[1:]


def _names(doc: Document, span: tuple[int, int] | None) -> tuple[str, ...]:
    """The bodies ``norm[span]`` names, one each, without a bare form of address (``các đồng chí``,
    ``các đại biểu``): those are the people a speaker addresses, and name no body to follow up."""
    if span is None:
        return ()
    return tuple(_name(doc, a, b) for a, b in _split_bodies(doc, *span) if not _form_of_address(doc.low[a:b]))


def _form_of_address(low: str) -> bool:
    """Whether ``low`` (a lower-case name) is only a form of address, perhaps after a quantifier."""
    words = " ".join(low.split())
    for q in _phrases("quantifier"):
        if words.startswith(q + " "):
            words = words[len(q) + 1:]
            break
    return words in _phrase_set("form_of_address")


_NOT_CUE_BEFORE = re.compile(
    r"(?:theo|sự|của|công tác|ý kiến|được|để|đã|đã có|từng|sẽ được|lãnh đạo,?|lãnh đạo và|bàn|ban|tác|phát biểu)\s*$",
    re.IGNORECASE)
# the same words, for a look at the lower-case form: the text before the cue ends with one of them
_NOT_CUE_WORDS = ("theo", "sự", "của", "công tác", "ý kiến", "được", "để", "đã", "đã có", "từng",
                  "sẽ được", "lãnh đạo", "lãnh đạo,", "lãnh đạo và", "bàn", "ban", "tác", "phát biểu")


def _not_cue_before(doc: Document, at: int) -> bool:
    """``_NOT_CUE_BEFORE`` in the 14 characters before ``at``: a cue word read as a noun."""
    lo = max(0, at - 14)
    low = pf.document_low(doc)
    if low is None:
        return bool(_NOT_CUE_BEFORE.search(doc.norm, lo, at))
    return low[lo:at].rstrip().endswith(_NOT_CUE_WORDS)


def _cue_object(doc: Document, m: re.Match[str], end: int) -> tuple[str, tuple[int, int] | None] | None:
    """What a directive verb hands on: ("body", span), ("do", None) or ``None`` (not a directive)."""
    norm = doc.norm
    if _not_cue_before(doc, m.start()):
        return None
    if "đã" in doc.low[max(0, m.start() - 40):m.start()] and _DA.search(norm[max(0, m.start() - 40):m.start()]) \
            and not _issued_document(doc, m.start()):
        return None
    if _briefing(doc, m):
        return None
    j = m.end()
    while j < end and norm[j] in " :":
        j += 1
    span = body_at(doc, j, end) or _place_at(doc, j, end)
    if span:
        if _COUNT_AFTER.match(doc.low, span[1], end):
            return None                          # "giao các bộ, địa phương 9.831 nhiệm vụ": a tally
        return "body", span
    if _modal_at(doc, j, end) or _imperative_at(doc, j, end):
        return "do", None
    return None


# "đã có công điện khẩn yêu cầu", "đã ban hành văn bản chỉ đạo": what was done is issuing a document,
# whose directive is still to be carried out (over doc.low, in the 40 characters before the cue)
_ISSUED_DOCUMENT = re.compile(r"(?<!\w)đã\s+(?:có|ban hành|ký|ký ban hành|gửi|phát)\s+(?:\w+\s+){0,2}?"
                              r"(?:công điện|công văn|văn bản|chỉ thị|thông báo|điện)(?!\w)")


def _issued_document(doc: Document, at: int) -> bool:
    """Whether the ``đã`` before the cue at ``at`` is the issuing of a document that directs."""
    window = doc.low[max(0, at - 40):at]
    return bool(_ISSUED_DOCUMENT.search(window)) and "đã chỉ đạo" not in window


# a level and a place's proper name: the authorities of that place ("yêu cầu tỉnh Thái Bình ...")
_PLACE_LEVEL = re.compile(r"(?:tỉnh|thành phố|huyện|thị xã|quận)\s+")       # over doc.low


def _place_at(doc: Document, j: int, end: int) -> tuple[int, int] | None:
    """The span of ``tỉnh Thái Bình``, ``huyện Vân Đồn`` at ``j`` (a level, then capitalised words)."""
    m = _PLACE_LEVEL.match(doc.low, j, end)
    if m is None or m.end() >= end or not doc.norm[m.end()].isupper():
        return None
    k = last = m.end()
    while k < end:
        w = _WORD_RUN.match(doc.norm, k, end)
        if w.end() == k or not doc.norm[k].isupper():
            break
        last = w.end()
        k = last
        while k < end and doc.norm[k] in " -":
            k += 1
    return (j, last) if last > m.end() else None


# a number after the body a verb names: what was handed out, counted ("giao các bộ 9.831 nhiệm vụ")
_COUNT_AFTER = re.compile(r"\s*(?:(?:hơn|gần|khoảng|trên|tổng\s+số|tổng\s+cộng)\s+)?\d")


def _briefing(doc: Document, m: re.Match[str]) -> bool:
    """``giao ban`` read as a briefing (``Hội nghị giao ban``, ``giao ban công tác tuần``), not as
    ``giao`` (assign) + ``Ban ...``."""
    low = doc.low
    if not low.startswith("giao ban", m.start()) or m.end() - m.start() != 4:
        return False
    before = " ".join(low[max(0, m.start() - 16):m.start()].split())
    if before.endswith(tuple(_phrase_set("briefing_before"))):
        return True
    after = " ".join(low[m.start() + 8:m.start() + 30].split())
    return after.startswith(tuple(p + " " for p in _phrase_set("briefing_after"))) or \
        after in _phrase_set("briefing_after")


def _modal_at(doc: Document, j: int, end: int) -> re.Match[str] | None:
    """``_rx("modal")`` at ``j``, but not ``chủ trì`` naming a meeting's chair (``chủ trì hội nghị``,
    ``... chủ trì.``)."""
    m = _rx("modal").match(doc.norm, j, end)
    if m is None or not doc.low.startswith("chủ trì", j):
        return m
    k = m.end()
    while k < end and doc.norm[k] in " ,":
        k += 1
    if k >= end or doc.norm[k] in ".;:)\n" or _rx("meeting").match(doc.norm, k, end):
        return None
    return m


def _passive_at(doc: Document, j: int, end: int) -> bool:
    """``được giao`` / ``được yêu cầu`` ... at ``j``, handing the body before it a task (not ``được
    giao là``: a designation)."""
    m = _rx("passive").match(doc.norm, j, end)
    if m is None:
        return False
    k = m.end()
    while k < end and doc.norm[k] == " ":
        k += 1
    return not doc.low.startswith("là", k) and k < end and doc.norm[k] not in ".;"


@dataclass
class Reading:
    """What one sentence or paragraph is, for the task extractor."""

    kind: str                          # task, lead, opener, report, neutral
    start: int = 0                     # where the task words begin (norm)
    assignees: tuple[str, ...] = ()
    named: bool = False                # the words name the body themselves
    rule: str = ""


# "5 nhóm nhiệm vụ", "một số giải pháp", "những vấn đề sau": a count, or "sau" (những vấn đề phát
# sinh trong quá trình ... names what to handle, not a list to come)
_ANNOUNCE = vi(r"(?:(?:\d+|một\s+số|mấy)\s+(?:nhóm\s+)?(?:nhiệm\s+vụ|giải\s+pháp|vấn\s+đề|nội\s+dung)"
               r"|(?:những|các)\s+(?:nhóm\s+)?(?:nhiệm\s+vụ|giải\s+pháp|vấn\s+đề|nội\s+dung)"
               r"(?=[^.:;]{0,40}(?<!\w)sau(?!\w)))(?:[^.:;]{0,60})$")
_STATS = re.compile(r"\d+(?:[.,]\d+)?\s*%")
# _ANNOUNCE ends at most 60 characters after its noun, whose last word is one of these
_ANNOUNCE_TAILS = ("vụ", "pháp", "đề", "dung")


def _announces(doc: Document, s: int, e: int) -> bool:
    """``_ANNOUNCE`` in ``norm[s:e]``, searched only when the end of the sentence holds its noun."""
    tail = doc.low[max(s, e - 66):e]
    if not any(w in tail for w in _ANNOUNCE_TAILS):
        return False
    return bool(_ANNOUNCE.search(doc.norm, s, e))


_PERSON_HEAD = vi(r"(?:(?:các|từng|những|mỗi)\s+)?(?:đồng\s+chí|đại\s+biểu|người\s+đứng\s+đầu|thủ\s+trưởng"
                  r"|chủ\s+tịch|giám\s+đốc|bí\s+thư)(?!\w)")


_SEND_LOW = re.compile(r"(?<!\w)gửi\s+(?:(?:tới|đến|cho)\s+)?")


def _letter_addressee(doc: Document, s: int, at: int) -> tuple[int, int] | None:
    """The body a letter is sent to just before a directive verb at ``at`` (``văn bản gửi Sở Y tế
    đề nghị ...``), else ``None``."""
    low = doc.low
    k = low.rfind("gửi", s, at)
    if k == -1:
        return None
    m = _SEND_LOW.match(low, k, at)
    if m is None:
        return None
    span = body_at(doc, m.end(), at)
    if span is None or doc.norm[span[1]:at].strip(" ,"):
        return None
    return span


def _subject_passive(doc: Document, pos: int, end: int) -> tuple[int, int] | None:
    """``Cơ quan thuế tỉnh Cà Mau được yêu cầu ...``: a body, then a passive directive."""
    if doc.low.find("được", pos, end) == -1:
        return None
    span = body_at(doc, pos, end)
    if not span:
        return None
    j = span[1]
    while j < end and doc.norm[j] in " ,":
        j += 1
    return span if _passive_at(doc, j, end) else None


def _subject_directive(doc: Document, pos: int, end: int, context: bool) -> tuple[int, int] | None:
    """``các ban cán sự đảng, đảng đoàn khẩn trương ...``: a body and a directive verb after it.

    ``context``: in a section of tasks, any imperative after the body will do (``Ban cán sự đảng
    UBND tỉnh chỉ đạo ...``); elsewhere only a modal (``cần``, ``khẩn trương`` ...).
    """
    span = body_at(doc, pos, end)
    if not span:
        return None
    if _PERSON_HEAD.match(doc.norm, pos, end):
        context = False
    j = span[1]
    while j < end and doc.norm[j] in " ,":
        j += 1
    k = _past_frame(doc, j, end)
    if _modal_at(doc, k, end) or _passive_at(doc, k, end):
        return span
    if (context or k != j) and _imperative_at(doc, k, end):
        return span                # "X căn cứ chức năng, nhiệm vụ được giao, tham mưu ...": framed, a directive
    j = k
    if _relative_then_must(doc, j, end):
        return span
    return None


# "căn cứ chức năng, nhiệm vụ được giao," / "theo chức năng, nhiệm vụ": a frame between a body and
# its verb (over doc.low)
_FRAME = re.compile(r"(?:căn cứ|theo|trong phạm vi)\s+(?:vào\s+)?(?:chức năng|nhiệm vụ|thẩm quyền)(?!\w)")
FRAME_MAX_CHARS = 90


def _past_frame(doc: Document, j: int, end: int) -> int:
    """Where the verb after a body begins past a frame (``căn cứ chức năng, nhiệm vụ, địa bàn được
    phân công, tham mưu ...``): the first comma of the frame an imperative or a modal follows;
    ``j`` itself when no frame stands there."""
    low = doc.low
    if not low.startswith(("căn", "theo", "trong"), j) or not _FRAME.match(low, j, end):
        return j
    k = low.find(",", j, min(end, j + FRAME_MAX_CHARS))
    while k != -1:
        v = k + 1
        while v < end and low[v] == " ":
            v += 1
        if _modal_at(doc, v, end) or _imperative_at(doc, v, end):
            return v
        k = low.find(",", k + 1, min(end, j + FRAME_MAX_CHARS))
    return j


_CLAUSE_PUNCT = re.compile(r'[,;.:!?()\n"]')
_RELATIVE_MUST = re.compile(r"(?<!\w)(?:phải|cần|có trách nhiệm|có nhiệm vụ)(?!\w)")
RELATIVE_MAX_WORDS = 8


def _relative_then_must(doc: Document, j: int, end: int) -> bool:
    """A body, a few words that say which of them (``thực hiện nghỉ lễ``, ``là thành viên Tiểu ban
    ...``), then ``phải`` / ``cần`` / ``có trách nhiệm``, with no punctuation nor cue between:
    ``Các cơ quan, đơn vị thực hiện nghỉ lễ phải phân công ...``."""
    low = doc.low
    if j >= end or not low[j].isalpha():
        return False
    p = _CLAUSE_PUNCT.search(low, j, min(end, j + 80))
    m = _RELATIVE_MUST.search(low, j, p.start() if p else min(end, j + 80))
    if m is None or m.start() == j or len(low[j:m.start()].split()) > RELATIVE_MAX_WORDS:
        return False
    if any(_search(doc, name, j, m.start()) for name in ("directive", "speech", "reporting")):
        return False
    return _DA.search(low, j, m.start()) is None


def read_sentence(doc: Document, s: int, e: int, context: bool, addressee: tuple[str, ...],
                  formal: bool = False, run: bool = False) -> Reading:
    """Judge one sentence ``norm[s:e]``; ``context``: directives run on from what came before;
    ``formal``: the sentence stands in a section of tasks of a conclusion; ``run``: the sentence
    before gave a body opening it its duty (``Công an tỉnh chủ trì ...``), so a body then an
    imperative goes on dividing the tasks (``Văn phòng UBND tỉnh đôn đốc ...``)."""
    norm = doc.norm
    text = norm[s:e]
    core = _skip_lead(norm, s, e)
    if core >= e:
        return Reading("neutral")
    # a body told to act, at the start: "Giao X ...", "Đề nghị X ...", "X khẩn trương ..."
    if core > s and norm[core - 1] in ": " and (topic := _topic_body(doc, s, e)) is not None:
        # "Đối với Sở Tài chính: tham mưu bố trí kinh phí ...": the topic is the addressee
        if _imperative_at(doc, core, e) or _modal_at(doc, core, e) or _rx("directive").match(norm, core, e):
            return Reading("task", core, _names(doc, topic), True, "topic_addressee")
    passive = _subject_passive(doc, core, e)
    if passive:                # "Cơ quan thuế tỉnh được yêu cầu tăng cường chỉ đạo bộ phận ...": the subject
        return Reading("task", core, _names(doc, passive), True, "body_then_modal")
    if run:
        span = _subject_directive(doc, core, e, True)
        if span and not ("đã" in doc.low[span[1]:span[1] + 12] and _DA.search(norm, span[1], span[1] + 12)):
            return Reading("task", core, _names(doc, span), True, "body_run")
    for m in _finditer(doc, "directive", s, e):
        obj = _cue_object(doc, m, e)
        if obj is None:
            continue
        kind, span = obj
        if span is None:                # "... gửi Ban Quản lý dự án X đề nghị chỉ đạo ...": the letter's addressee
            span = _letter_addressee(doc, s, m.start())
        names = _names(doc, span) if span else addressee
        lead = text.rstrip().endswith(":") or _announces(doc, s, e) and not _AS_FOLLOWS.search(norm[m.end():e])
        at_start = m.start() <= core
        rule = "directive_at_start" if at_start else "directive_in_sentence"
        return Reading("lead" if lead else "task", core, names, span is not None, rule)
    span = _subject_directive(doc, core, e, formal)
    if span:
        if "đã" in doc.low[span[1]:span[1] + 12] and _DA.search(norm[span[1]:span[1] + 12]):
            return Reading("report")
        return Reading("task", core, _names(doc, span), True, "body_then_modal")
    imp = _imperative_at(doc, core, e)
    if imp and not _past(doc, core, min(e, core + 60)):
        low = norm[imp.start():imp.end()].lower()
        if low in ("cần", "phải") or context:
            # "Thực hiện Kế hoạch trên, UBKT Tỉnh ủy ban hành ...": a frame, then someone reports
            comma = norm.find(",", imp.end(), e)
            if comma != -1 and low not in ("cần", "phải"):
                j = comma + 1
                while j < e and norm[j] == " ":
                    j += 1
                sub = body_at(doc, j, e)
                if sub and not _subject_directive(doc, j, e, False) and not norm[j].islower():
                    return Reading("report")
            if text.count("%") >= 2 and len(_STATS.findall(text)) >= 2:
                return Reading("report")
            lead = text.rstrip().endswith(":")
            return Reading("lead" if lead else "task", core, addressee, False, "imperative_in_context"
                           if low not in ("cần", "phải") else "must")
    if _search(doc, "reporting", s, e):
        return Reading("report")
    sp = next((x for x in _finditer(doc, "speech", s, e)
               if not _not_cue_before(doc, x.start())), None)
    if sp:
        j = sp.end()
        while j < e and norm[j] in " :,":
            j += 1
        if _modal_at(doc, j, e) or _imperative_at(doc, j, e):
            return Reading("task", core, addressee, False, "speech_then_directive")
        return Reading("opener")
    if context and ("cần" in text or "phải" in text) and _THEN_MUST.search(text):
        return Reading("task", core, addressee, False, "must")
    return Reading("neutral")


def _is_task_heading(text: str, marked: bool = True) -> bool:
    """``II. Một số nhiệm vụ trọng tâm``; without a marker the heading must begin with the cue
    (a news subhead such as ``Xác định 10 nhiệm vụ trọng tâm quý II`` opens no section)."""
    if _rx("retro_heading").search(text):
        return False
    if marked:
        return bool(_rx("task_heading").search(text))
    return bool(_UNMARKED_TASK_HEADING.match(text.strip(" *#")))


_UNMARKED_TASK_HEADING = vi(r"(?:(?:một\s+số|những|các)\s+)?(?:nhiệm\s+vụ|phương\s+hướng|giải\s+pháp|kiến\s+nghị"
                            r"|đề\s+xuất|tổ\s+chức\s+thực\s+hiện|ý\s+kiến\s+chỉ\s+đạo|về\s+nhiệm\s+vụ)(?!\w)")


def _ends_lead_in(text: str) -> bool:
    return text.rstrip().endswith(":")


def _lead_in_after(doc: Document, s: int, e: int, rx: re.Pattern[str], tails: tuple[str, ...]) -> bool:
    """``rx`` (a lead-in ending ``...{0,N}:$``) in ``norm[s:e]``, searched only when one of its
    ``tails`` stands in the 66 characters before the final colon."""
    text = doc.norm[s:e]
    colon = len(text.rstrip()) - 1
    if colon < 0 or text[colon] != ":":
        return False
    window = doc.low[s + max(0, colon - 66):s + colon]
    if not any(w in window for w in tails):
        return False
    return bool(rx.search(text))


# its nouns end in these (without i and s, which IGNORECASE also matches to ı and ſ)
_SHORTCOMING_TAILS = ("chế", "tạ", "khăn", "kém", "cập", "mắc", "ểm")
_OPENER_TAILS = ("au",)          # ... như sau:
_SHORTCOMING_LEAD = vi(r"(?:hạn\s+chế|tồn\s+tại|khó\s+khăn|yếu\s+kém|bất\s+cập|vướng\s+mắc|khuyết\s+điểm)"
                       r"[^.:;]{0,60}:\s*$")
_OPENER_LEAD = vi(r"(?:kết\s+luận|thông\s+báo|ý\s+kiến|trao\s+đổi|thống\s+nhất)[^.:;]{0,40}như\s+sau\s*:\s*$")


# --------------------------------------------------------------------------- the extractor


@dataclass
class _Open:
    ordinal: str | None
    start: int
    end: int
    assignees: tuple[str, ...]
    rule: str
    level: int = 0
    children: int = 0


def _item_assignees(doc: Document, s: int, e: int) -> tuple[str, ...]:
    """The bodies an item names as subject or lead: ``Giao UBND tỉnh chủ trì``, ``Đề nghị X ...``."""
    norm = doc.norm
    topic = _topic_body(doc, s, e)
    if topic is not None:                  # "1. Đối với UBND tỉnh:" heading its items, or before its task
        return _names(doc, topic)
    core = _skip_lead(norm, s, e)
    span = _subject_directive(doc, core, e, True)
    if span:
        return _names(doc, span)
    out: list[str] = []
    for m in _finditer(doc, "directive", s, e):
        word = norm[m.start():m.end()].lower()
        if m.start() > core and not _CLAUSE_OPENS.search(norm[max(s, m.start() - 12):m.start()]):
            continue
        if m.start() > core and not word.startswith("giao"):
            continue
        obj = _cue_object(doc, m, e)
        if obj and obj[0] == "body":
            for n in _names(doc, obj[1]):
                if n not in out:
                    out.append(n)
    return tuple(out)


def _trim(norm: str, s: int, e: int) -> tuple[int, int]:
    """``norm[s:e]`` without the punctuation and spaces around a task's words (an odd closing quote
    included)."""
    while e > s and norm[e - 1] in _TRAIL:
        e -= 1
    if e > s and norm[e - 1] == '"' and norm.count('"', s, e) % 2 == 1:
        e -= 1
        while e > s and norm[e - 1] in _TRAIL:
            e -= 1
    while s < e and norm[s] in ' "(':
        s += 1
    return s, e


def _make(doc: Document, ordinal: str | None, s: int, e: int, assignees: tuple[str, ...],
          rule: str) -> Task | None:
    s, e = _trim(doc.norm, s, e)
    if e - s < 8:
        return None
    os_, oe = doc.orig_span(s, e)
    dl = _find_deadline(doc, os_, oe)
    return Task(ordinal=ordinal, text=doc.text[os_:oe], assignees=assignees,
                deadline=dl.due if dl else None, deadline_text=dl.text if dl else None,
                start=os_, end=oe, rule=rule)


def _make_parts(doc: Document, ordinal: str | None, s: int, e: int, assignees: tuple[str, ...],
                rule: str) -> list[Task | None]:
    """``_make`` of ``norm[s:e]``, or of each of its timed parts (``_timed_parts``): the first keeps
    ``rule``, the others are ``timed_part``."""
    parts = _timed_parts(doc, *_trim(doc.norm, s, e))
    return [_make(doc, ordinal, a, b, assignees, rule if k == 0 else "timed_part")
            for k, (a, b) in enumerate(parts)]


# timed_part: where two works of one task each carry a deadline of their own, a comma, ";" or "và"
# between them divides the task: "..., trong Quý 1 năm 2025 hoàn thành hồ sơ, 6 tháng đầu năm hoàn thành
# các yêu cầu ..." (a deadline opening each part), "khởi công ngay trong quý I, hoàn thành chỉ tiêu ...
# trong năm 2026" (a deadline closing the first part, a verb opening the next); over doc.norm
_PART_AFTER = re.compile(r"\s*(?:[,;]\s*(?:và\s+)?|\s+và\s+)")
_PART_BEFORE = re.compile(r"(?:[,;]\s*(?:và\s+)?|\s+và\s+)$")


def _timed_parts(doc: Document, s: int, e: int) -> list[tuple[int, int]]:
    """``[(s, e)]``, or the parts of ``norm[s:e]`` when it joins works each with a deadline that fixes a
    day (timed_part): a part ends at the separator after its deadline when a verb opens the next, or
    at the separator before the next part's deadline when a verb follows that deadline."""
    os_, oe = doc.orig_span(s, e)
    facts = doc.facts.get("dates")
    if not facts:
        return [(s, e)]
    starts = _date_starts(doc)
    i = bisect.bisect_left(starts, os_)
    if i + 1 >= len(facts) or facts[i + 1].start >= oe:       # fewer than two dates begin in the span
        return [(s, e)]
    dls = [d for d in _dated_list(doc, os_, oe) if d.due is not None and not _agenda_period(doc, d)]
    if len(dls) < 2:
        return [(s, e)]
    norm = doc.norm
    cuts: list[tuple[int, int]] = []
    for d1, d2 in zip(dls, dls[1:]):
        a = doc.norm_span(d1.start, d1.end)[1]
        b = doc.norm_span(d2.start, d2.end)
        m = _PART_AFTER.match(norm, a, b[0])
        if m is not None and m.end() < b[0] and _verb_at(doc, m.end(), e):
            cuts.append((a, m.end()))              # "khởi công trong quý I, | hoàn thành ... trong năm 2026"
            continue
        m = _PART_BEFORE.search(norm, a, b[0])
        j = b[1]
        while j < e and norm[j] == " ":
            j += 1
        if m is not None and m.start() > a and _verb_at(doc, j, e):
            cuts.append((m.start(), b[0]))        # "..., trong Quý 1 hoàn thành hồ sơ, | 6 tháng đầu năm hoàn thành"
    if not cuts:
        return [(s, e)]
    parts, start = [], s
    for end, nxt in cuts:
        parts.append((start, end))
        start = nxt
    parts.append((start, e))
    return parts


def _verb_at(doc: Document, j: int, e: int) -> bool:
    """A verb of the directive's work opens ``norm[j:e]``: an imperative, perhaps after a must."""
    m = _MUST_FIRST.match(doc.low, j, e)
    return _imperative_at(doc, m.end() if m else j, e) is not None


_MUST_FIRST = re.compile(r"(?:phải|cần|sẽ)\s+")     # over doc.low


def _cut_attribution(norm: str, s: int, e: int) -> int:
    """End a quoted directive at its closing quote: ``...cao nhất" - Bí thư ... phát biểu.``"""
    m = _ATTRIBUTION.search(norm[s:e])
    if m and norm.count('"', s, s + m.start()) % 2 == 1 or (m and norm[s] != '"' and
                                                            norm.count('"', s, s + m.start()) == 0):
        return s + m.start()
    return e


def run(doc: Document) -> list[Task]:
    """Find every task in ``doc`` and store them as ``doc.facts["tasks"]``."""
    for key in _RUN_CACHES:              # worked out afresh: the dates or ref_date may have changed
        doc.__dict__.pop(key, None)
    found = [t for t in _tasks(doc) if t is not None]
    rows = [t for t in found if t.rule == "table_deadline_column"]
    if rows:                             # a plan table's rows: what other rules read in them gives way
        found = rows + [t for t in found if t.rule != "table_deadline_column"
                        and not any(t.start < r.end and r.start < t.end for r in rows)]
    out = drop_overlapping(found)
    doc.facts[NAME] = out
    return out


def _tasks(doc: Document):
    for rule in RULES:
        yield from rule.build(doc, None)


# --------------------------------------------------------------------------- plan tables

# table_deadline_column: a plan table whose header names a deadline column (lexicon ``deadline_column``:
# "Thời gian hoàn thành", "Ngày chậm nhất phải hoàn thành"); each row under it holding a date or period in
# that column is a task with that deadline. Rows come as lines of cells joined by " | " (the readers' tables)
# or, copied from a web page, one cell a line ("1", the work, ..., "21/01/2021").
_ORDINAL_CELL = re.compile(r"\s*(?:\d{1,3}|[a-zđ]|[ivxl]{1,6})\s*[.)]?\s*")     # over doc.low, whole cell
FLAT_ROW_LINES = 12              # the most lines one row of a table copied a cell a line may take
FLAT_CELL_WORDS = 6              # the most words a deadline cell may hold (Trước ngày 30/6/2024)
FLAT_WORK_WORDS = 80             # the most words a cell of the work may hold: a longer line is prose, no row
_ROMAN_HEADING = re.compile(r"[IVXL]{1,6}[.)/]\s")      # a section heading ends the table


@lru_cache(maxsize=None)
def _column_low(category: str) -> re.Pattern[str]:
    return re.compile(rf"{pf.phrase_trie(sorted(_phrase_set(category)), comma=_COMMA)}(?!{_W})")


@lru_cache(maxsize=1)
def _header_low() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A deadline column's header alone on its line, and as a cell (after ``|``), over doc.low:
    literal first, so a scan skips to line breaks and bars."""
    trie = pf.phrase_trie(sorted(_phrase_set("deadline_column")), comma=_COMMA)
    return (re.compile(rf"\n[ \t]*(?P<h>{trie})[ \t:]*(?=\n|$)"),
            re.compile(rf"\|[ \t]*(?P<h>{trie})[ \t:]*(?=\||\n|$)"))


def _header_starts(doc: Document) -> list[int]:
    """Where the headers of deadline columns begin in ``doc.low`` (``_header_low``)."""
    low = doc.low
    line, cell = _header_low()
    found = [m.start("h") for m in line.finditer(low)]
    if (m := line.match("\n" + low[:200])) is not None:          # a header on the first line
        found.append(m.start("h") - 1)
    if "|" in low:
        found.extend(m.start("h") for m in cell.finditer(low))
    return sorted(set(found))


def _build_table_rows(doc: Document, _m: object) -> list[Task | None]:
    """The rows of the plan tables of ``doc`` (table_deadline_column)."""
    low = doc.low
    out: list[Task | None] = []
    done = -1
    col_re = _column_low("deadline_column")
    for at in _header_starts(doc):
        m = col_re.match(low, at)
        if m is None or m.start() < done:
            continue
        ls = low.rfind("\n", 0, m.start()) + 1
        le = low.find("\n", m.end())
        le = len(low) if le == -1 else le
        if "|" in low[ls:le]:
            cells = _cells(low, ls, le)
            col = next((k for k, (a, b) in enumerate(cells) if a <= m.start() < b), None)
            if col is None or low[cells[col][0]:cells[col][1]].strip(" :") != m.group():
                continue
            lead = next((k for k, (a, b) in enumerate(cells)
                         if low[a:b].strip(" :") in _phrase_set("lead_column")), None)
            rows, done = _pipe_rows(doc, le, col, lead)
        elif not low[ls:m.start()].strip() and not low[m.end():le].strip(" \t:"):
            rows, done = _flat_rows(doc, le)
        else:
            continue
        out.extend(rows)
    return out


def _cells(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The cells of the row ``text[s:e]`` (split at ``|``), each without its spaces."""
    out = []
    a = s
    while True:
        b = text.find("|", a, e)
        b = e if b == -1 else b
        i, j = a, b
        while i < j and text[i] in " \t":
            i += 1
        while j > i and text[j - 1] in " \t":
            j -= 1
        out.append((i, j))
        if b == e:
            return out
        a = b + 1


def _cell_deadline(doc: Document, s: int, e: int) -> tuple[object, str] | None:
    """The deadline a table cell ``norm[s:e]`` gives, as (due, words): a deadline its words set
    (``Trước ngày 30/6/2024``), else a date or period that is the whole cell (``21/01/2021``,
    ``Quý IV/2024``); ``None`` for a time already past or no date."""
    os_, oe = doc.orig_span(s, e)
    if s >= e or not _may_hold_deadline(doc, os_, oe):
        return None
    dl = _find_deadline(doc, os_, oe)
    if dl is not None and not dl.rule.startswith("vague_"):
        return dl.due, dl.text
    facts = doc.facts.get("dates") or []
    i = bisect.bisect_left(_date_starts(doc), os_)
    if i < len(facts) and facts[i].start == os_ and facts[i].end == oe:
        f = facts[i]
        due = f.last if f.kind != PeriodKind.RELATIVE else None
        if due is not None and doc.ref_date is not None and due < doc.ref_date:
            return None
        return due, f.text
    return None


def _row_task(doc: Document, ordinal: str | None, s: int, e: int, dl: tuple[object, str],
              assignees: tuple[str, ...]) -> Task | None:
    norm = doc.norm
    while e > s and norm[e - 1] in _TRAIL:
        e -= 1
    if e - s < 8:
        return None
    os_, oe = doc.orig_span(s, e)
    return Task(ordinal=ordinal, text=doc.text[os_:oe], assignees=assignees, deadline=dl[0],
                deadline_text=dl[1], start=os_, end=oe, rule="table_deadline_column")


def _pipe_rows(doc: Document, pos: int, col: int, lead: int | None) -> tuple[list[Task | None], int]:
    """The rows after a header line ending at ``pos`` whose cell ``col`` names the deadline (and
    ``lead`` the lead unit): until a line that is no row."""
    norm, low = doc.norm, doc.low
    out: list[Task | None] = []
    n = len(norm)
    while pos < n:
        s = pos + 1 if norm[pos] == "\n" else pos
        e = norm.find("\n", s)
        e = n if e == -1 else e
        pos = e
        if not norm[s:e].strip():
            if s >= n:
                break
            continue
        if "|" not in norm[s:e]:
            break
        cells = _cells(norm, s, e)
        if len(cells) <= col:
            continue
        dl = _cell_deadline(doc, *cells[col])
        work = [(a, b) for k, (a, b) in enumerate(cells) if k != col and k != lead and b > a
                and not _ORDINAL_CELL.fullmatch(low, a, b)]
        if dl is None or not work:
            continue
        first = cells[0]
        ordinal = norm[first[0]:first[1]].strip(" .)") if _ORDINAL_CELL.fullmatch(low, *first) else None
        names: tuple[str, ...] = ()
        if lead is not None and lead < len(cells) and cells[lead][1] > cells[lead][0]:
            names = _names(doc, body_at(doc, *cells[lead]))
        last = max(b for a, b in cells if b > a)
        out.append(_row_task(doc, ordinal, work[0][0], last, dl, names))
    return out, pos


def _flat_rows(doc: Document, pos: int) -> tuple[list[Task | None], int]:
    """The rows after a header line ending at ``pos`` of a table copied one cell a line: the lines
    of a row run to a line that is only its deadline; a line holding only a number opens a row."""
    norm, low = doc.norm, doc.low
    out: list[Task | None] = []
    n = len(norm)
    work: list[tuple[int, int]] = []
    ordinal = None
    while pos < n:
        s = pos + 1 if norm[pos] == "\n" else pos
        e = norm.find("\n", s)
        e = n if e == -1 else e
        if s >= n:
            break
        a, b = s, e
        while a < b and norm[a] in " \t":
            a += 1
        while b > a and norm[b - 1] in " \t":
            b -= 1
        if a == b:
            pos = e
            continue
        if "|" in norm[a:b] or _END_LINE.match(norm, a, b) or _ROMAN_HEADING.match(norm, a, b) \
                or len(work) > FLAT_ROW_LINES:
            break
        if _ORDINAL_CELL.fullmatch(low, a, b):
            ordinal = norm[a:b].strip(" .)")
            work = []
            pos = e
            continue
        dl = _cell_deadline(doc, a, b) if len(_WORD_SPLIT.findall(low, a, b)) <= FLAT_CELL_WORDS else None
        if dl is not None and work:
            out.append(_row_task(doc, ordinal, work[0][0], work[-1][1], dl, _item_assignees(doc, work[0][0],
                                                                                             work[-1][1])))
            work, ordinal = [], None
        elif dl is None:
            if len(_WORD_SPLIT.findall(low, a, b)) > FLAT_WORK_WORDS:
                break
            work.append((a, b))
        pos = e
    return out, pos


def _document_addressee(doc: Document, bl: list[Block]) -> tuple[str, ...]:
    """The body a conclusion is addressed to: ``... làm việc với Ban cán sự đảng UBND tỉnh``."""
    norm = doc.norm
    low = pf.document_low(doc)
    for b in bl[:8]:
        # over the lower-case form (same offsets) the search skips to "làm"
        m = _WORKS_WITH_LOW.search(low[b.start:b.end]) if low is not None else _WORKS_WITH.search(norm[b.start:b.end])
        if m:
            p = b.start + m.end()
            span = body_at(doc, p, b.end)
            if span:
                return _names(doc, span)
    return ()


# a directive word read as a noun: "đạt yêu cầu", "theo chỉ đạo", "đáp ứng yêu cầu"
_NOUN_BEFORE = vi(r"(?:theo|sự|của|được|đạt|đáp\s+ứng|với|các|những|mọi|phát\s+biểu)\s*$")


# a sentence that sets a schedule: "Thời gian hoàn thành: trước ngày 30/6", "Thời hạn nộp báo cáo ...",
# "Thời gian các quận, huyện bắt đầu thanh tra là ..." (not "Thời gian qua": a look back)
_SCHEDULE_LOW = re.compile(r"(?:thời\s+(?:gian|hạn)|hạn\s+chót|tiến\s+độ)(?!\w)"
                           r"(?!\s+(?:qua|tới|đến|sắp\s+tới|gần\s+đây|vừa\s+qua|dài|ngắn|này)(?!\w))")
_SCHEDULE_NOUN = re.compile(r"(?:thời\s+(?:gian|hạn)|hạn\s+chót|tiến\s+độ)"
                            r"(?:\s+(?:hoàn\s+thành|thực\s+hiện|triển\s+khai|gửi|nộp))?\s*:?\s*")


def _timed_directive(doc: Document, s: int, e: int, date_starts: list[int]) -> bool:
    """``norm[s:e]`` sets a time still ahead to do something: it holds a deadline (``trước ngày
    30/8``, ``trong tháng 7``, ``trong thời gian tới``) and opens with an imperative or a schedule
    (``Thời gian hoàn thành``, ``Thời hạn``), or names a directive verb (``yêu cầu``, ``chỉ đạo``,
    ``giao`` even after ``đã``) or a must (``phải``, ``cần``)."""
    if not date_starts:
        return False
    os_, oe = doc.orig_span(s, e)
    if not _may_hold_deadline(doc, os_, oe):
        return False
    return _dated_directive(doc, s, e, os_, oe)


def _dated_directive(doc: Document, s: int, e: int, os_: int, oe: int) -> bool:
    """``_timed_directive`` of a sentence ``norm[s:e]`` (``doc.text[os_:oe]``) that holds a date."""
    norm = doc.norm
    core = _skip_lead(norm, s, e)
    directive = any(not _NOUN_BEFORE.search(norm, max(s, m.start() - 14), m.start())
                    for m in _finditer(doc, "directive", s, e))
    if not (directive or _imperative_at(doc, core, e) or _search(doc, "must", s, e)
            or _SCHEDULE_LOW.match(doc.low, core, e) or _imperative_clause(doc, s, e)):
        return False
    dl = _find_deadline(doc, os_, oe)
    return dl is not None and not dl.rule.startswith("vague_")


def _schedule_lead_in(doc: Document, s: int, e: int) -> bool:
    """schedule_item: ``norm[s:e]`` names a schedule and leads in a list (``Thời hạn gửi báo cáo:``,
    ``Thời gian thực hiện:``, ``Tiến độ:``): each item under it holding a deadline is a task."""
    norm = doc.norm
    k = e
    while k > s and norm[k - 1] in " \t\n":
        k -= 1
    return k > s and norm[k - 1] == ":" and _SCHEDULE_LOW.match(doc.low, _skip_lead(norm, s, e), e) is not None


def _holds_deadline(doc: Document, s: int, e: int) -> bool:
    """``norm[s:e]`` holds a deadline (not an adverb of time)."""
    os_, oe = doc.orig_span(s, e)
    if not _may_hold_deadline(doc, os_, oe):
        return False
    dl = _find_deadline(doc, os_, oe)
    return dl is not None and not dl.rule.startswith("vague_")


def _imperative_clause(doc: Document, s: int, e: int) -> bool:
    """A clause after ``;`` in ``norm[s:e]`` opens with an imperative: a list of duties (``...; bố trí
    cán bộ chủ chốt cấp xã đúng quy định; ưu tiên cán bộ trẻ ..., hoàn thành trước ngày 1/7/2025``)."""
    norm = doc.norm
    if norm.find(";", s, e) == -1:
        return False
    return any(_imperative_at(doc, _skip_lead(norm, i + 1, e), e) for i in _semicolons(norm, s, e))


def _opening_body(doc: Document, s: int, e: int) -> tuple[int, int] | None:
    """The body a sentence opens with as the subject of what follows, if any, and not a person
    (``Bí thư Tỉnh ủy ...`` speaks) nor a body that reports or directs (``UBND tỉnh cho biết``,
    ``UBND tỉnh yêu cầu``: the words after it name someone else's task); read once per sentence."""
    memo = doc.__dict__.get("_tasks_openings")
    if memo is None:
        memo = doc.__dict__["_tasks_openings"] = {}
    if (s, e) not in memo:
        memo[s, e] = _read_opening_body(doc, s, e)
    return memo[s, e]


def _read_opening_body(doc: Document, s: int, e: int) -> tuple[int, int] | None:
    norm = doc.norm
    core = _skip_lead(norm, s, e)
    span = body_at(doc, core, e)
    if span is None:                   # "Trước ngày 31/12, các sở phải ...": past a fronted deadline
        j = _after_fronted_deadline(doc, core, e)
        span = body_at(doc, j, e) if j is not None else None
    if span is None or _PERSON_HEAD.match(norm, core, e):
        return None
    j = span[1]
    while j < e and norm[j] in " ,":
        j += 1
    if j >= e or not norm[j].islower():
        return None
    if _DA.match(norm, j, e) or any(_rx(name).match(norm, j, e) for name in ("directive", "speech", "reporting")):
        return None
    return span


FRONT_DEADLINE_CHARS = 60        # how long a deadline opening a sentence may be ("Chậm nhất đến cuối tháng 12,")


def _after_fronted_deadline(doc: Document, core: int, e: int) -> int | None:
    """Where the subject begins after a deadline that opens the sentence and ends at a comma:
    ``Trước ngày 31/12, các sở ...``, ``Chậm nhất đến cuối tháng 12, BQL DA ...``; else ``None``
    (``Ngày 1/5, ...`` is a date, not a deadline)."""
    norm = doc.norm
    comma = norm.find(",", core, min(e, core + FRONT_DEADLINE_CHARS))
    if comma < 0:
        return None
    os_, oe = doc.orig_span(core, comma)
    dl = _find_deadline(doc, os_, oe)
    if dl is None or doc.text[dl.end:oe].strip():
        return None
    j = comma + 1
    while j < e and norm[j] == " ":
        j += 1
    return j


# reported_opinions: a sentence whose subject is the opinions voiced in a discussion ("Bên cạnh đó,
# một số ý kiến tham gia phân tích ...", "Tại hội nghị, nhiều ý kiến đại biểu đề nghị ...", over doc.low)
_OPINIONS = re.compile(
    r"(?:[^,.;:\n]{0,40},\s*)?(?:(?:một\s+số|nhiều|các|những|hầu\s+hết\s+các|đa\s+số|có)\s+)?ý\s+kiến"
    r"(?:\s+(?:của\s+)?(?:các\s+)?(?:đại\s+biểu|thành\s+viên|cử\s+tri)(?:\s+dự\s+(?:hội\s+nghị|họp))?)?"
    r"(?:\s+(?:đều|cũng|đã))?\s+(?:tham\s+gia|phân\s+tích|đề\s+xuất|đề\s+nghị|kiến\s+nghị|cho\s+rằng|nêu|"
    r"góp\s+ý|tập\s+trung|thống\s+nhất|đồng\s+tình|nhất\s+trí|bày\s+tỏ|băn\s+khoăn|phản\s+ánh|đánh\s+giá)(?!\w)")


def _reported_opinions(doc: Document, s: int, e: int) -> bool:
    """Whether ``norm[s:e]`` reports what the opinions in a discussion said (``reported_opinions``):
    members propose, the chair's conclusion assigns."""
    low = doc.low
    at = _skip_lead(doc.norm, s, e)
    return low.find("ý kiến", at, min(e, at + 70)) != -1 and _OPINIONS.match(low, at, e) is not None


_FUTURE_LOW = re.compile(r"(?<!\w)sẽ\s+")


@lru_cache(maxsize=1)
def _forecast_low() -> re.Pattern[str]:
    """The forecast words over ``doc.low``: literals first, so the search skips to them."""
    return re.compile(rf"{pf.phrase_trie(sorted(_phrase_set('forecast')), comma=_COMMA)}(?!{_W})")


def _commitment(doc: Document, s: int, e: int) -> tuple[int, tuple[int, int] | None] | None:
    """Where a sentence commits someone to an action, and the body, if it opens the sentence:
    ``Bộ Nội vụ sẽ tổng hợp ...``, ``UBND thành phố đẩy mạnh ...`` (a body, ``sẽ`` perhaps, an
    imperative) or ``... các dự án này sẽ khởi công ...`` (``sẽ`` and an imperative); else ``None``."""
    norm, low = doc.norm, doc.low
    found: tuple[int, tuple[int, int] | None] | None = None
    span = _opening_body(doc, s, e)
    if span is not None:
        j = span[1]
        while j < e and norm[j] in " ,":
            j += 1
        fut = _FUTURE_LOW.match(low, j, e)
        if not _rx("not_verb").match(norm, j, e) and _imperative_at(doc, fut.end() if fut else j, e):
            found = j, span
    k = low.find("sẽ", s, e) if found is None else -1
    while k != -1:
        fut = _FUTURE_LOW.match(low, k, e)
        if fut and _imperative_at(doc, fut.end(), e):
            found = fut.end(), None
            break
        k = low.find("sẽ", k + 2, e)
    if found is not None and _forecast_low().search(low, s, e):
        return None                    # "Dự kiến, công trình sẽ hoàn thành ...": a forecast
    if found is not None and found[1] is not None and _issued_report_low().match(low, found[0], e):
        return None                    # "UBND tỉnh ban hành Kế hoạch ... trong quý IV/2024": a plan issued
    return found


@lru_cache(maxsize=1)
def _issued_report_low() -> re.Pattern[str]:
    """issued_report, over ``doc.low``: a verb of issuing (lexicon ``issue``), then the kind of a
    document (lexicon/document_kinds.tsv, ``văn bản``). After a body that opens the sentence it
    reports a document issued, whose period is what it covers, not a deadline of the body's; ``sẽ``
    first (matched elsewhere) makes it a commitment again."""
    from chidao.lexicon import load_tsv
    kinds = {"văn bản"}
    for row in load_tsv("document_kinds"):
        if len(row) > 1 and row[1]:
            kinds.update(" ".join(w.split()).lower() for w in row[1].split("|"))
    return re.compile(rf"{pf.phrase_trie(sorted(_phrase_set('issue')), comma=_COMMA)}\s+"
                      rf"{pf.phrase_trie(sorted(kinds), comma=_COMMA)}(?!{_W})")


# timed_aim: a place opening the sentence as the subject of a verb of aiming (lexicon ``aim``), then a
# deadline still ahead: "Tỉnh phấn đấu đến ngày 30/8, ...", "Tỉnh Sơn La đặt mục tiêu đến 31/12/2025 sẽ
# hoàn thành ...", "Sóc Trăng quyết tâm ... trong năm 2024". A place is no body: the task names none.
_BARE_PLACE_LOW = re.compile(r"(?:toàn\s+)?(?:tỉnh|thành\s+phố|huyện|thị\s+xã|xã)(?:\s+(?:ta|nhà))?(?=\s)")
_AIM_ADVERB_LOW = re.compile(r"\s*,?\s*(?:(?:cũng|tiếp\s+tục|luôn)\s+)?")
PLACE_NAME_WORDS = 5             # the longest place name looked up at the start of a sentence


@lru_cache(maxsize=1)
def _aim_low() -> re.Pattern[str]:
    return re.compile(rf"{pf.phrase_trie(sorted(_phrase_set('aim')), comma=_COMMA)}(?!{_W})")


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    from chidao.lexicon.names import places
    return frozenset(p.lower() for p in places())


def _place_subject(doc: Document, j: int, e: int) -> int | None:
    """Where a place opening ``norm[j:e]`` ends: ``Tỉnh``, ``toàn tỉnh``, ``tỉnh Sơn La`` (a level and a
    proper name), ``Sóc Trăng`` (a known place name); else ``None``."""
    low, norm = doc.low, doc.norm
    span = _place_at(doc, j, e)
    if span is not None:
        return span[1]
    m = _BARE_PLACE_LOW.match(low, j, e)
    if m is not None:
        return m.end()
    if not norm[j:j + 1].isupper():
        return None
    words = _WORD_SPLIT.findall(low, j, min(e, j + 40))[:PLACE_NAME_WORDS]
    for n in range(len(words), 0, -1):
        if " ".join(words[:n]) in _place_names():
            k = j
            for w in words[:n]:
                k = low.index(w, k) + len(w)
            return k
    return None


_WORD_SPLIT = re.compile(rf"{_W}+")


PLACE_AIM_CHARS = 60             # how far into a sentence the verb of aiming after its place may stand


def _place_aim(doc: Document, s: int, e: int) -> int | None:
    """Where the verb of aiming begins in a sentence ``norm[s:e]`` opening with a place as its
    subject (timed_aim), else ``None``."""
    low = doc.low
    core = _skip_lead(doc.norm, s, e)
    m = _aim_low().search(low, core, min(e, core + PLACE_AIM_CHARS))
    if m is None or m.start() == core:
        return None
    k = _place_subject(doc, core, m.start())
    if k is None:
        return None
    gap = _AIM_ADVERB_LOW.match(low, k, m.start())
    return m.start() if gap is not None and gap.end() == m.start() else None


def _timed_from(doc: Document, j: int, e: int) -> bool:
    """Whether ``norm[j:e]`` holds a deadline set by a cue (``trước 30/9``, ``trong Quý 1 năm
    2025``, ``chậm nhất sau 10 ngày``), not an adverb (``sớm``) nor a bare ``thời gian tới``."""
    os_, oe = doc.orig_span(j, e)
    if not _may_hold_deadline(doc, os_, oe):
        return False
    dl = _find_deadline(doc, os_, oe)
    return dl is not None and not dl.rule.startswith("vague_") and "relative_bare" not in dl.rule


def _must_subject(doc: Document, s: int, e: int) -> tuple[int, int] | None:
    """The body a sentence opens with when its verb, further on, is a must: ``UBND các tỉnh, thành
    phố được giao là cơ quan chủ quản các dự án ... cần xây dựng kế hoạch ...``."""
    span = _opening_body(doc, s, e)
    if span is None or _search(doc, "must", span[1], e) is None:
        return None
    return span


def _scheduled_body(doc: Document, s: int, e: int) -> tuple[int, int] | None:
    """The body a schedule names: ``Thời gian các quận, huyện bắt đầu thanh tra là ...``."""
    core = _skip_lead(doc.norm, s, e)
    m = _SCHEDULE_NOUN.match(doc.low, core, e) if _SCHEDULE_LOW.match(doc.low, core, e) else None
    return body_at(doc, m.end(), e) if m else None


# words that point back to what was said before: "5 đề án nhánh nêu trên"
_BACK_REFERENCE = re.compile(r"(?:nêu|nói|kể)\s+trên(?!\w)|trên\s+đây(?!\w)")     # over doc.low


def _carried(doc: Document, prev: tuple[int, int] | None, s: int, e: int) -> tuple[str, ...]:
    """The assignee a sentence that names none carries over from the sentence ``prev`` before it:
    the body that opened it to act (``Ban Tổ chức Trung ương sẽ tham mưu ... . Việc này cần thực
    hiện chậm nhất trước 15/9``), when this one opens with no body of its own, or with words that
    point back (``Việc này``, ``Số liệu``) or with what is to be done."""
    if prev is None:
        return ()
    span = _opening_body(doc, *prev)
    if span is None:
        return ()
    norm, low = doc.norm, doc.low
    j = span[1]
    while j < prev[1] and norm[j] in " ,":
        j += 1
    if _rx("not_verb").match(norm, j, prev[1]) and not _FUTURE_LOW.match(low, j, prev[1]):
        return ()                      # "UBND tỉnh là ...", "Sở Y tế cũng ...": no action of its own
    core = _skip_lead(norm, s, e)
    if body_at(doc, core, e) is not None:
        return ()
    points_back = (_rx("anaphor").match(norm, core, e) or _SCHEDULE_LOW.match(low, core, e)
                   or _imperative_at(doc, core, e) or _rx("directive").match(norm, core, e)
                   or low.find("trên", core, e) != -1 and _BACK_REFERENCE.search(low, core, e))
    if not points_back:
        return ()                      # someone else's sentence: "Qua kiểm tra, phát hiện ..."
    return _names(doc, span)


def _build_all(doc: Document, _m: object) -> list[Task | None]:
    """Walk the blocks once: list items in sections of tasks, then directive sentences."""
    norm = doc.norm
    bl = blocks(doc)
    out: list[Task | None] = []
    doc_addr = _document_addressee(doc, bl)
    section_task = False
    section_addr: tuple[str, ...] = ()
    list_addr: tuple[str, ...] | None = None    # set by a lead-in ending in ":"
    list_strict = False                          # the lead-in does not itself ask for tasks
    list_timed = False                           # the lead-in names a schedule: items holding a deadline
    timed: set[int] = set()                      # levels of groups headed by a schedule (schedule_item)
    stack: list[str] = []                        # marker kinds, outermost first
    groups: dict[int, tuple[bool, tuple[str, ...]]] = {}   # level -> (in scope, addressee)
    open_: _Open | None = None
    context = False
    ctx_addr: tuple[str, ...] = ()
    prev: tuple[int, int] | None = None          # the sentence before, whose subject a next may carry
    body_run = False                             # that sentence gave the body opening it a duty
    date_starts = _date_starts(doc)

    def close() -> None:
        nonlocal open_
        if open_ is not None:
            out.extend(_make_parts(doc, open_.ordinal, open_.start, open_.end, open_.assignees, open_.rule))
        open_ = None

    def later_item(i: int) -> bool:
        for b in bl[i + 1:]:
            if b.kind in ("heading", "end"):
                return False
            if b.kind == "item":
                return True
        return False

    for i, b in enumerate(bl):
        text = norm[b.body:b.end]
        if b.kind == "end":
            break
        if b.kind == "caption":
            continue
        if b.kind != "paragraph":
            prev = None
            body_run = False
        if b.kind == "heading":
            close()
            if b.marker is None and _timed_directive(doc, b.body, b.end, date_starts):
                # a headline that directs: "Yêu cầu hoàn thành 4 dự án ... đúng dịp 19/12/2025"
                out.extend(_make_parts(doc, None, b.body, b.end, _item_assignees(doc, b.body, b.end),
                                       "timed_directive"))
            elif b.marker is None and date_starts and (aim := _place_aim(doc, b.body, b.end)) is not None \
                    and _timed_from(doc, aim, b.end):
                # a headline of a place's aim: "Sóc Trăng quyết tâm đưa ... vào hoạt động trong năm 2024"
                out.extend(_make_parts(doc, None, b.body, b.end, (), "timed_aim"))
            stack.clear()
            groups.clear()
            timed.clear()
            section_task = _is_task_heading(text, b.marker is not None)
            section_addr = ()
            for m in _finditer(doc, "directive", b.body, b.end):
                obj = _cue_object(doc, m, b.end)
                if obj and obj[0] == "body":
                    section_addr = _names(doc, obj[1])
                    break
            list_addr = None
            list_strict = list_timed = False
            context = section_task
            ctx_addr = section_addr or doc_addr if section_task else ()
            continue
        if b.kind == "item":
            if b.marker in stack:
                del stack[stack.index(b.marker) + 1:]
            else:
                stack.append(b.marker)
            level = len(stack) - 1
            for lv in [k for k in groups if k >= level]:
                del groups[lv]
                timed.discard(lv)
            parent = max((k for k in groups if k < level), default=None)
            parent_scope = groups[parent] if parent is not None else None
            in_scope = section_task or list_addr is not None or bool(parent_scope and parent_scope[0])
            addr = (parent_scope[1] if parent_scope and parent_scope[1] else None) or (
                list_addr if list_addr else None) or section_addr or doc_addr
            if open_ is not None and open_.level < level:
                # a sub-item: the open item was a heading of its group
                if open_.children == 0 and _is_group_parent(norm, open_):
                    groups[open_.level] = (True, open_.assignees)
                    open_ = None
                    parent_scope = groups[level - 1] if level - 1 in groups else parent_scope
                    addr = parent_scope[1] if parent_scope and parent_scope[1] else addr
                    in_scope = True
                else:
                    open_.end = b.end     # sub-items of a task belong to it
                    open_.children += 1
                    continue
            close()
            strict = list_strict and not section_task and not (parent_scope and parent_scope[0])
            if b.group and not in_scope and _schedule_lead_in(doc, b.body, b.end):
                groups[level] = (True, addr)        # "2. Thời hạn gửi báo cáo:": its items hold the schedule
                timed.add(level)
                continue
            scheduled = parent in timed or strict and list_timed
            if scheduled and not _holds_deadline(doc, b.body, b.end):
                continue
            if b.group and (_is_task_heading(text) or in_scope):
                named = _item_assignees(doc, b.body, b.end)
                open_ = _Open(b.ordinal, b.body, b.end, named or addr, "schedule_item" if scheduled else "list_item",
                              level)
                if not in_scope and _is_task_heading(text):
                    groups[level] = (True, named or addr)
                    open_ = None
                continue
            if not in_scope:
                continue
            named = _item_assignees(doc, b.body, b.end)
            if strict and not named and not scheduled:
                r = read_sentence(doc, b.body, b.end, False, addr)
                if r.kind != "task":
                    continue
            core = _skip_lead(norm, b.body, b.end)
            if _PAST_START.match(norm[core:core + 4]):
                continue
            open_ = _Open(b.ordinal, b.body, b.end, named or addr, "schedule_item" if scheduled else "list_item",
                          level)
            continue
        # an unmarked paragraph
        if open_ is not None:
            first = sentences(norm, b.start, b.end)[0]
            r = read_sentence(doc, first[0], first[1], True, open_.assignees, True)
            separate = r.kind in ("task", "lead") and r.named and r.rule in (
                "directive_at_start", "body_then_modal")
            if not separate and (later_item(i) or _continues(doc, b)):
                open_.end = b.end
                continue
            close()
        if _ends_lead_in(text) and (topic := _topic_body(doc, b.body, b.end)) is not None:
            list_addr = ctx_addr = _names(doc, topic)     # "Đối với UBND tỉnh:" then what it is to do
            list_strict = list_timed = False
            context = True
            continue
        if _ends_lead_in(text) and not _lead_in_after(doc, b.body, b.end, _SHORTCOMING_LEAD, _SHORTCOMING_TAILS):
            last = sentences(norm, b.start, b.end)[-1]
            addr_span = None
            for m in _finditer(doc, "directive", b.start, b.end):
                obj = _cue_object(doc, m, b.end)
                if obj and obj[0] == "body":
                    addr_span = obj[1]
                    break
            directive = bool(addr_span) or bool(_search(doc, "directive", b.start, b.end)) \
                or bool(_search(doc, "speech", last[0], last[1])) \
                or bool(_LIST_NOUNS.search(text))
            if directive and not _lead_in_after(doc, b.body, b.end, _OPENER_LEAD, _OPENER_TAILS):
                list_addr = _names(doc, addr_span) if addr_span else (section_addr or doc_addr)
                list_strict = list_timed = False
            else:
                list_addr = section_addr or doc_addr
                list_strict = True
                list_timed = _schedule_lead_in(doc, b.body, b.end)     # "Thời gian thực hiện:" then its items
            context = True
            ctx_addr = list_addr
            continue
        # sentences of a free paragraph
        para_task_section = section_task and not stack
        for s, e in sentences(norm, b.start, b.end):
            if _reported_opinions(doc, s, e):
                # "Nhiều ý kiến đề nghị ...": what members said in discussion, reported; no one is tasked
                context = False
                ctx_addr = section_addr if section_task else ()
                prev = (s, e)
                body_run = False
                continue
            r = read_sentence(doc, s, e, context or para_task_section, ctx_addr, para_task_section, body_run)
            body_run = r.kind == "task" and r.rule in ("body_then_modal", "body_run")
            # only a sentence holding a date may be a timed directive or a commitment
            dated = False
            if r.kind not in ("task", "lead") and date_starts:
                os_, oe = doc.orig_span(s, e)
                dated = _may_hold_deadline(doc, os_, oe)
            if r.kind == "task":
                end = _cut_attribution(norm, r.start, e)
                names = r.assignees or _carried(doc, prev, s, e)
                out.extend(_sentence_tasks(doc, r.start, end, names, r.rule))
                context = True
                if r.named and r.rule in ("directive_at_start", "directive_in_sentence"):
                    ctx_addr = r.assignees     # the speaker goes on addressing them
            elif dated and _dated_directive(doc, s, e, os_, oe):
                must = _must_subject(doc, s, e) or _scheduled_body(doc, s, e)
                names = _item_assignees(doc, s, e) or (ctx_addr if context else ()) or (
                    _names(doc, must) if must else _carried(doc, prev, s, e))
                out.extend(_sentence_tasks(doc, _skip_lead(norm, s, e), _cut_attribution(norm, s, e), names,
                                           "timed_directive"))
                context = True
            elif dated and (commit := _commitment(doc, s, e)) is not None and _timed_from(doc, commit[0], e):
                # a body (or someone) will do something by a time still ahead: to be followed up
                names = _names(doc, commit[1]) if commit[1] else _carried(doc, prev, s, e)
                out.extend(_sentence_tasks(doc, _skip_lead(norm, s, e), _cut_attribution(norm, s, e), names,
                                           "timed_commitment"))
            elif dated and (aim := _place_aim(doc, s, e)) is not None and _timed_from(doc, aim, e):
                # a place aims at something by a time still ahead: "Tỉnh phấn đấu đến ngày 30/8, ..."
                out.extend(_sentence_tasks(doc, _skip_lead(norm, s, e), _cut_attribution(norm, s, e), (),
                                           "timed_aim"))
            elif r.kind in ("lead", "opener"):
                context = True
                if r.assignees:
                    ctx_addr = r.assignees
            elif r.kind == "report":
                context = False
                ctx_addr = section_addr if section_task else ()
            prev = (s, e)
    close()
    return out


def _sentence_tasks(doc: Document, s: int, e: int, assignees: tuple[str, ...],
                    rule: str) -> list[Task | None]:
    """The task of the directive sentence ``norm[s:e]``, or one per assignment where ``;`` joins
    several, each naming its own body: ``Giao Sở Tài chính chủ trì ...; Sở Kế hoạch và Đầu tư tham
    mưu ...`` gives two tasks. A clause after ``;`` that names no body of its own (``...; đẩy nhanh
    giải ngân ...``) is one more duty of the body before it and stays in its task; ``;`` between
    the bodies a directive names (``Giao các sở, ngành; UBND các huyện báo cáo ...``) makes them
    all assignees of one task."""
    norm = doc.norm
    if norm.find(";", s, e) == -1:
        return _make_parts(doc, None, s, e, assignees, rule)
    pieces: list[tuple[int, int, list[str], str]] = []
    start, names, piece_rule = s, list(assignees), rule
    clause, listing = s, False
    for i in _semicolons(norm, s, e):
        j = _skip_lead(norm, i + 1, e)
        bare = _bare_bodies(doc, clause, i, cue_first=clause == start)
        if bare is not None:
            # the clause names bodies and nothing for them to do: if they are the assignees, the
            # list of assignees goes on after the ";"
            listing = (listing or clause == start) and all(n in names for n in bare)
            more = body_at(doc, j, e) if listing else None
            names.extend(n for n in _names(doc, more) if n not in names)
            listing = more is not None
        else:
            listing = False
            own = _subject_directive(doc, j, e, True)
            if own is None and (k := _after_fronted_deadline(doc, j, e)) is not None:
                own = _subject_directive(doc, k, e, True)    # "...; trước ngày 10, Phòng X kiểm tra ..."
            if own is not None:
                pieces.append((start, i, names, piece_rule))
                start, names, piece_rule = j, list(_names(doc, own)), "body_after_semicolon"
        clause = j
    pieces.append((start, e, names, piece_rule))
    return [t for a, b, n, r in pieces for t in _make_parts(doc, None, a, b, tuple(n), r)]


def _semicolons(norm: str, s: int, e: int) -> list[int]:
    """Where ``;`` stands in ``norm[s:e]`` outside brackets."""
    out = []
    if norm.find("(", s, e) == -1:             # no bracket: every ";"
        i = norm.find(";", s, e)
        while i != -1:
            out.append(i)
            i = norm.find(";", i + 1, e)
        return out
    depth = 0
    for i in range(s, e):
        c = norm[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c == ";" and depth == 0:
            out.append(i)
    return out


def _bare_bodies(doc: Document, s: int, e: int, cue_first: bool) -> tuple[str, ...] | None:
    """The bodies the clause ``norm[s:e]`` ends with when nothing follows them (``Ủy ban nhân dân
    các huyện, thành phố``), else ``None``. ``cue_first``: the clause opens the sentence, and its
    bodies are those its last directive verb names (``Giao các sở, ngành tỉnh``)."""
    norm = doc.norm
    at = _skip_lead(norm, s, e)
    if cue_first:
        for m in _finditer(doc, "directive", s, e):
            at = m.end()
            while at < e and norm[at] in " :":
                at += 1
    span = body_at(doc, at, e)
    if span is None or norm[span[1]:e].strip(" ,"):
        return None
    return _names(doc, span)


def _is_group_parent(norm: str, o: _Open) -> bool:
    text = norm[o.start:o.end].rstrip()
    return text.endswith(":") or len(text.split()) <= GROUP_MAX_WORDS and not text.endswith(_STOPS)


def _continues(doc: Document, b: Block) -> bool:
    """A paragraph after the last item that still belongs to it: broken off, or a further directive."""
    norm = doc.norm
    if _first_alpha_is_lower(norm[b.start:b.end]):
        return True
    core = _skip_lead(norm, b.start, b.end)
    return _imperative_at(doc, core, b.end) is not None


# Every task carries one of these rule names; one walk over the blocks applies them all, since
# whether a sentence is a directive depends on the section, list and speech it stands in.
RULE_NAMES = {
    "list_item": "a numbered, lettered or bulleted item in a section of tasks or after a lead-in",
    "directive_at_start": "Giao / Đề nghị / Yêu cầu + a body or an imperative, opening the sentence",
    "directive_in_sentence": "a speaker đề nghị / yêu cầu / lưu ý + a body, cần or an imperative",
    "body_then_modal": "a body, then cần / phải / khẩn trương / có trách nhiệm / chủ trì (not of a meeting) "
                       "/ được giao / được yêu cầu ...",
    "speech_then_directive": "nhấn mạnh / nêu rõ + cần or an imperative",
    "imperative_in_context": "a sentence opening with an imperative after a speaker's directives",
    "must": "a sentence opening with cần / phải",
    "timed_directive": "a sentence or headline with a deadline still ahead and an imperative, directive or must",
    "timed_commitment": "a body (then sẽ) and an imperative, or sẽ and an imperative, with a deadline still "
                        "ahead after them: Bộ Nội vụ sẽ tổng hợp, báo cáo Chính phủ trước 30/9",
    "body_after_semicolon": "after ; in a directive sentence, a body then cần / chủ trì / an imperative: "
                            "its own assignment",
    "topic_addressee": "a topic naming a body before a colon, then an imperative or a directive: "
                       "Đối với Sở Tài chính: tham mưu bố trí kinh phí ...",
    "body_run": "after a sentence opening with a body and its duty, a body then an imperative: the division "
                "of tasks goes on (Công an tỉnh chủ trì ... . Văn phòng UBND tỉnh đôn đốc ...)",
    "timed_aim": "a place (Tỉnh, tỉnh Sơn La, Sóc Trăng) then a verb of aiming (phấn đấu, đặt mục tiêu, quyết tâm) "
                 "with a deadline still ahead after it: Tỉnh phấn đấu đến ngày 30/8, ...",
    "table_deadline_column": "a row of a plan table under a header naming a deadline column (Thời gian hoàn "
                             "thành, Ngày chậm nhất phải hoàn thành): the row's date is its deadline",
    "schedule_item": "an item holding a deadline under a lead-in naming a schedule: Thời hạn gửi báo cáo: - Báo "
                     "cáo 6 tháng gửi trước ngày 10/7 ...",
    "timed_part": "a later part of a task that joins works each with a deadline of its own: ..., trong Quý 1 "
                  "hoàn thành hồ sơ, 6 tháng đầu năm hoàn thành ...",
}

RULES = [
    Rule("list_item", vi(r"^\s*(?:\d{1,2}[.)]|[a-zđ]\)|[-+•])\s", ), _build_all),
    Rule("table_deadline_column", vi(r"\|"), _build_table_rows),
]
