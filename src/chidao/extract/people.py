"""People: every named official, once, with every title the text gives them and every mention."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from chidao.extract.document import Document
from chidao.extract.rules import Rule
from chidao.lexicon.bodies import canonical_body
from chidao.lexicon.names import LOWER, UPPER, places, surnames, title_head_regex, title_heads
from chidao.model import Mention, Person

NAME = "people"
REQUIRES: tuple[str, ...] = ()

# --------------------------------------------------------------------------- vocabulary

# a syllable of a personal name: "Nguyễn", "Y", "H'Yim", "Kđăm"
SYL = rf"[{UPPER}][{LOWER}]*(?:'[{UPPER}]?[{LOWER}]+)?"
_SYL_RE = re.compile(rf"(?<![\w']){SYL}(?![\w'])")
_HEAD = title_head_regex()
_HEAD_AT = re.compile(rf"(?i:(?:nguyên|quyền)\s+)?(?i:{_HEAD})(?!\w)")
# words that end a title: the verb of the sentence, or a word that starts another phrase
_STOP = re.compile(
    r"""(?:chủ\s+trì|phát\s+biểu|cho\s+biết|nhấn\s+mạnh|đề\s+nghị|yêu\s+cầu|trình\s+bày|thay\s+mặt
    |báo\s+cáo|kết\s+luận|khẳng\s+định|chỉ\s+đạo|đánh\s+giá|nêu|lưu\s+ý|biểu\s+dương|trao|tặng
    |đã|đang|sẽ|vừa|cùng|cũng|tham\s+dự|dự(?!\s+khuyết)|đến|tới|làm\s+việc|tiếp|nói|ghi\s+nhận
    |điểm\s+lại|chỉ\s+ra|chúc\s+mừng|thông\s+qua|nghe|được|là|có|cho|tại|trong|về|khi|với|để|nhằm
    |thì|mà|nhưng|do|bởi|theo|từ|sau|trước|đối\s+với|qua|gửi|ký|phụ\s+trách|khai\s+mạc|bế\s+mạc
    |quán\s+triệt|giới\s+thiệu|công\s+bố|trả\s+lời|giải\s+trình|tiếp\s+thu|phân\s+tích|thăm|đón
    |động\s+viên|chủ\s+động|nhắc|chia\s+sẻ|bày\s+tỏ|mong|đồng\s+tình|nhất\s+trí|thống\s+nhất
    |cảm\s+ơn|gợi\s+ý|đặt|giao|phê\s+bình|định\s+hướng|hướng\s+dẫn|người|(?<!khối\s)(?<!Khối\s)các
    |những|một|này|đó|giữ|nhận|thôi|điều\s+động|bổ\s+nhiệm|làm|tái|trúng|đắc\s+cử|nghỉ|chuyển|sinh|của
    |đồng\s+chí|ông|bà|sáng|chiều|tối|hôm|ngày|lúc|vào|đi|kiểm\s+điểm|chủ\s+tọa|điều\s+hành
    |tuyên\s+bố|đọc|phổ\s+biến|truyền\s+đạt|quán|trực\s+tiếp|đánh|ghi|như|vẫn|luôn|rất|còn|chưa
    |không|đều|lên|xuống|ra|thực\s+hiện|đồng\s+chủ\s+trì|triển\s+khai|tổ\s+chức\s+(?:hội|buổi|phiên|cuộc))(?!\w)""",
    re.VERBOSE,
)
_HONORIFIC = (
    r"(?i:đồng\s+chí|đ/c|ông|bà|(?:đại|thượng|trung|thiếu)\s+(?:tá|tướng)|đại\s+tướng"
    r"|tiến\s+sĩ|ts\.|pgs\.?\s*,?\s*ts\.?|gs\.?\s*,?\s*ts\.?|ths\.|nhà\s+giáo\s+nhân\s+dân)"
)
_HONORIFIC_RE = re.compile(rf"{_HONORIFIC}\s*:?\s+")
# words that are never part of a personal name (a run holding one is a body, a place, a title)
_NOT_NAME = frozenset(
    "Tỉnh Ủy Đảng Ban Sở Phó Bí Huyện Xã Phường Bộ Quận Ương Các Những Ông Bà Ảnh Nguồn Theo Tại "
    "Trong Tháng Kế Chương Thông Nghị Kết Chỉ Thủ Tổng Chủ Trưởng Giám Thiếu Nhà "
    "Mặt Khu Cụm Cảng Sông Núi Phố Tổ Phòng Bệnh Khối Thường UBND HĐND".split()
)
_NOT_FIRST = _NOT_NAME | {"Đại", "Hội", "Văn", "Ngày", "Sáng", "Chiều", "Tối", "Trưa", "Hôm"}
_LEVEL = re.compile(r"(?:tỉnh|ủy|huyện|xã|phố|quận|phường|thị\s+xã|thị\s+trấn)$")
_BYLINE = re.compile(r"(?i:ảnh|bài(?:\s*(?:,|và)\s*ảnh)?|tin(?:\s*(?:,|và)\s*ảnh)?|theo|nguồn|video|clip"
                     r"|nhóm\s+pv|pv|btv|ctv|tác\s+giả|thực\s+hiện)\s*:?\s*$")
_TOKEN = re.compile(r"[\w']+")
_VA = re.compile(r"và(?!\w)")
_KHOA_BEFORE = re.compile(r"(?i:khóa|khoá)\s*$")
_CHAIN_SEP = re.compile(r"[ ]*(?:\([^()\n]{1,40}\)[ ]*(?=[,:-]))?(?:,|-|\(|:)[ ]*(?:tân[ ]+)?")
_CHAIN_NEXT = re.compile(r"[ ]*(?:,|;|-)[ ]*|[ ]+(?:và|kiêm)[ ]+")
_LIST_SEP_END = re.compile(r"(?:[ ]*[,;][ ]*|[ ]+-[ ]+)$")
_SPACES = re.compile(r"\s+")
_ETHNIC_FIRST = frozenset({"Y", "H'", "Ksor", "Rơ", "Siu", "Nay", "Rah", "Kpă", "A"})


@dataclass(frozen=True)
class _Seen:
    """One sighting of a person: name span and title spans in ``norm`` coordinates."""

    name: tuple[int, int]
    titles: tuple[tuple[int, int], ...]
    rule: str
    name_text: str | None = None     # set when the name is not written as in norm (caps)
    title_texts: tuple[str, ...] = ()  # set for titles rewritten to usual casing


# --------------------------------------------------------------------------- token helpers


def _syllables_after(norm: str, pos: int) -> list[tuple[int, int]]:
    """Name-like syllables from ``pos`` on, one space apart, stopping at a title head."""
    out: list[tuple[int, int]] = []
    p = pos
    while True:
        q = p
        while q < len(norm) and norm[q] == " ":
            q += 1
        if out and q == p:
            break
        if out and q - p > 1:
            break
        m = _SYL_RE.match(norm, q)
        if not m:
            break
        if _HEAD_AT.match(norm, q) and norm[q].isupper() and _starts_title(norm, q):
            break
        out.append((m.start(), m.end()))
        p = m.end()
    return out


def _starts_title(norm: str, q: int) -> bool:
    """A title head at ``q`` that is not itself a name syllable run (``Chủ tịch``, not ``Giang``)."""
    m = _HEAD_AT.match(norm, q)
    return bool(m) and (" " in m.group(0) or m.group(0).isupper())


def _syllables_before(norm: str, pos: int) -> list[tuple[int, int]]:
    """Name-like syllables ending at ``pos`` (spaces allowed between ``pos`` and the last one)."""
    out: list[tuple[int, int]] = []
    p = pos
    while p > 0 and norm[p - 1] == " ":
        p -= 1
    while p > 0:
        start = p
        while start > 0 and (norm[start - 1].isalpha() or norm[start - 1] == "'"):
            start -= 1
        m = _SYL_RE.fullmatch(norm, start, p)
        if not m:
            break
        out.append((start, p))
        if start >= 1 and norm[start - 1] == " " and start >= 2 and norm[start - 2] != " ":
            p = start - 1
        else:
            break
    out.reverse()
    return out


def _words(norm: str, spans: list[tuple[int, int]]) -> list[str]:
    return [norm[s:e] for s, e in spans]


def _place_len(words: list[str], i: int) -> int:
    """How many words from ``i`` on form a known place name (0: none)."""
    pl = places()
    for k in (4, 3, 2, 1):
        if i + k <= len(words) and " ".join(words[i:i + k]) in pl:
            return k
    return 0


def _max_len(words: list[str]) -> int:
    return 5 if words and (words[0] in _ETHNIC_FIRST or words[0].startswith("H'")) else 4


def _is_surname_at(words: list[str], i: int) -> bool:
    w = words[i]
    return w in surnames() or (w.startswith("H'") and len(w) > 2)


def _plausible(words: list[str]) -> bool:
    if not 2 <= len(words) <= _max_len(words):
        return False
    if words[0] in _NOT_FIRST or any(w in _NOT_NAME for w in words[1:]):
        return False
    joined = " ".join(words)
    return joined not in places() and _place_len(words, 0) != len(words) and canonical_body(joined) is None


def _name_at_end(words: list[str], need_surname: bool) -> int | None:
    """Index where a name starts so that it runs to the end of ``words``; places are skipped."""
    i = 0
    while i < len(words):
        k = _place_len(words, i)
        if k and k < len(words) - i:
            i += k
            continue
        if _plausible(words[i:]) and (_is_surname_at(words, i) or not need_surname):
            return i
        i += 1
    return None


# --------------------------------------------------------------------------- titles


def _parse_title(norm: str, pos: int) -> tuple[int, int, tuple[int, int] | None] | None:
    """A title starting at ``pos``: (start, end, span of a name that follows inside it or None)."""
    m = _HEAD_AT.match(norm, pos)
    if not m:
        return None
    end = m.end()
    p = m.end()
    count = 0
    while count < 18:
        q = p
        while q < len(norm) and norm[q] == " ":
            q += 1
        if q == p and p != m.end() and q < len(norm) and norm[q] not in "-&":
            break
        if q >= len(norm):
            break
        ch = norm[q]
        if ch in "-&" and q == p:  # joined: "LĐ-TB&XH", "Hồ Văn Niên-Ủy viên" handled by caller
            nxt = q + 1
            tok = _TOKEN.match(norm, nxt)
            if tok and not _HEAD_AT.match(norm, nxt):
                p = end = tok.end()
                count += 1
                continue
            break
        if not (ch.isalpha() or ch.isdigit()):
            break
        if ch.isdigit():
            if not _KHOA_BEFORE.search(norm[max(0, q - 8):q]):
                break
        if ch.islower() and _STOP.match(norm, q):
            break
        if ch.islower() and _VA.match(norm, q):
            after = q + 2
            while after < len(norm) and norm[after] == " ":
                after += 1
            if after >= len(norm) or not norm[after].isupper() or _HEAD_AT.match(norm, after):
                break
            nxt = _syllables_after(norm, after)
            if len(nxt) >= 2 and _is_surname_at(_words(norm, nxt), 0):
                break
        if ch.isupper():
            run = _syllables_after(norm, q)
            if run:
                words = _words(norm, run)
                k = _place_len(words, 0)
                if k:
                    p = end = run[k - 1][1]
                    count += k
                    continue
                if _is_surname_at(words, 0) and _plausible(words):
                    prev = norm[m.start():q].rstrip()
                    if len(words) >= 3 or not _LEVEL.search(prev):
                        return m.start(), end, (run[0][0], run[-1][1])
        tok = _TOKEN.match(norm, q)
        if not tok:
            break
        p = end = tok.end()
        count += 1
    if count >= 18:
        return None
    return m.start(), end, None


def _title_chain(norm: str, pos: int) -> list[tuple[int, int]]:
    """Titles after a name: ``, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy`` (``-`` ``(`` ``:`` too)."""
    sep = _CHAIN_SEP.match(norm, pos)
    if not sep:
        return []
    out: list[tuple[int, int]] = []
    p = sep.end()
    while True:
        t = _parse_title(norm, p)
        if not t:
            break
        out.append((t[0], t[1]))
        if t[2] is not None:
            break
        nxt = _CHAIN_NEXT.match(norm, t[1])
        if not nxt or not _HEAD_AT.match(norm, nxt.end()):
            break
        p = nxt.end()
    return out


def _titles_before(norm: str, start: int) -> list[tuple[int, int]]:
    """``Ủy viên Trung ương Đảng, `` before a title at ``start``: titles listed before a name."""
    out: list[tuple[int, int]] = []
    end = start
    while True:
        m = _LIST_SEP_END.search(norm, max(0, end - 5), end)
        if not m:
            break
        piece_end = m.start()
        lo = max(0, piece_end - 120)
        cut = max(norm.rfind(c, lo, piece_end) for c in ",;:.\n(\"")
        piece_start = cut + 1 if cut >= lo else lo
        while piece_start < piece_end and norm[piece_start] == " ":
            piece_start += 1
        t = _parse_title(norm, piece_start)
        if not t or t[1] != piece_end or t[2] is not None:
            break
        out.insert(0, (t[0], t[1]))
        end = piece_start
    return out


# --------------------------------------------------------------------------- rule builders


def _is_byline(norm: str, start: int) -> bool:
    """Whether the words just before ``start`` on its line credit a photo or an article."""
    line_start = norm.rfind("\n", max(0, start - 40), start) + 1
    return bool(_BYLINE.search(norm[max(line_start, start - 40):start]))


def _after_honorific(doc: Document, m: re.Match[str]) -> _Seen | None:
    norm = doc.norm
    pos = m.end()
    extra = _HONORIFIC_RE.match(norm, pos)  # "đồng chí Thiếu tướng Nguyễn Văn A"
    if extra:
        pos = extra.end()
    if _HEAD_AT.match(norm, pos) and _starts_title(norm, pos):
        return None
    run = _syllables_after(norm, pos)
    words = _words(norm, run)
    if not run or not _plausible(words):
        return None
    word = m.group(0).strip().lower()
    if word in ("ông", "bà") and not _is_surname_at(words, 0):
        return None
    if _is_byline(norm, m.start()):
        return None
    name = (run[0][0], run[-1][1])
    return _Seen(name, tuple(_title_chain(norm, name[1])), "honorific_name")


def _before_title(doc: Document, m: re.Match[str]) -> _Seen | None:
    norm = doc.norm
    run = _syllables_before(norm, m.start("sep"))
    if not run:
        return None
    words = _words(norm, run)
    i = _name_at_end(words, need_surname=True)
    if i is None:
        # an unknown surname counts where a list item or a line starts
        before = norm[max(0, run[0][0] - 3):run[0][0]]
        if re.search(r"(?:^|[;:\n(])\s*$", before) or run[0][0] == 0:
            i = 0 if _plausible(words) else None
    if i is None:
        return None
    name = (run[i][0], run[-1][1])
    if _is_byline(norm, name[0]):
        return None
    titles = _title_chain(norm, name[1])
    if not titles:
        return None
    return _Seen(name, tuple(titles), "name_then_title")


def _title_then_name(doc: Document, m: re.Match[str]) -> _Seen | None:
    norm = doc.norm
    if not norm[m.start()].isupper():
        return None
    t = _parse_title(norm, m.start())
    if not t or t[2] is None:
        return None
    name = t[2]
    if _is_byline(norm, m.start()):
        return None
    title_end = t[1]
    while title_end > t[0] and norm[title_end - 1] == " ":
        title_end -= 1
    titles = _titles_before(norm, t[0]) + [(t[0], title_end)]
    return _Seen(name, tuple(titles), "title_then_name")


def _signature(doc: Document, m: re.Match[str]) -> _Seen | None:
    norm = doc.norm
    title_line = m.group("title").strip()
    name_line = m.group("name").strip()
    if not title_line.isupper():
        return None
    head = None
    for h, _full in title_heads():
        if re.fullmatch(r"\s+".join(re.escape(w) for w in h.split(" ")) + r"(?:\s+.*)?", title_line, re.I):
            head = h
            break
    if head is None:
        return None
    tail = title_line[len(head):].strip()
    title = head
    if tail:
        body = canonical_body(tail)
        title = f"{head} {body or tail.lower()}"
    name_text = name_line.title() if name_line.isupper() else name_line
    words = name_text.split()
    if not _plausible(words):
        return None
    ns, ne = m.span("name")
    lead = len(m.group("name")) - len(m.group("name").lstrip())
    ns += lead
    ne = ns + len(name_line)
    ts = m.start("title") + (len(m.group("title")) - len(m.group("title").lstrip()))
    return _Seen((ns, ne), ((ts, ts + len(title_line)),), "signature_block",
                 name_text=name_text if name_line.isupper() else None, title_texts=(title,))


# --------------------------------------------------------------------------- assembling


def _orig(doc: Document, s: int, e: int) -> tuple[int, int]:
    return doc.orig_span(s, e)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


@lru_cache(maxsize=4096)
def _title_key(norm_title: str) -> str:
    key = norm_title.lower()
    for full, abbr in _TITLE_ABBR_RE:
        key = abbr.sub(full, key)
    words = key.split(" ")
    # "Bí thư Tỉnh ủy Nghệ An" says what "Bí thư Tỉnh ủy" says
    for k in (3, 2):
        if len(words) > k + 1 and " ".join(words[-k:]) in _lower_places():
            words = words[:-k]
            break
    return " ".join(words)


_TITLE_ABBR = (
    ("ủy ban nhân dân", "ubnd"), ("hội đồng nhân dân", "hđnd"), ("hội đồng nhân dân", "hdnd"),
    ("ban thường vụ", "btv"), ("ban chấp hành", "bch"), ("trung ương", "tw"), ("ủy ban kiểm tra", "ubkt"),
    ("đại biểu quốc hội", "đbqh"), ("mặt trận tổ quốc", "mttq"), ("ủy viên", "uv"),
)


_TITLE_ABBR_RE = tuple((full, re.compile(rf"(?<!\w){abbr}(?!\w)")) for full, abbr in _TITLE_ABBR)


@lru_cache(maxsize=1)
def _lower_places() -> frozenset[str]:
    return frozenset(p.lower() for p in places())


@lru_cache(maxsize=4096)
def _mention_pattern(key: str) -> re.Pattern[str]:
    """The name ``key`` wherever written, as whole words. It opens with the literal first word
    (so the scan jumps from one occurrence to the next) and checks the word edge behind it."""
    words = key.split(" ")
    first = re.escape(words[0])
    rest = "".join(r"\s+" + re.escape(w) for w in words[1:])
    return re.compile(rf"{first}(?<![\w']{first}){rest}(?![\w'])")


def _assemble(doc: Document, seen: list[_Seen]) -> list[Person]:
    norm = doc.norm
    groups: dict[str, dict] = {}
    for s in seen:
        key = s.name_text or norm[s.name[0]:s.name[1]]
        key = _SPACES.sub(" ", key)
        g = groups.setdefault(key, {"first": s.name[0], "rule": s.rule, "titles": {}, "spans": set(),
                                    "name": None})
        g["first"] = min(g["first"], s.name[0])
        g["spans"].add(s.name)
        if g["name"] is None:
            g["name"] = s.name_text or _clean(doc.text[slice(*_orig(doc, *s.name))])
        for i, (ts, te) in enumerate(s.titles):
            text = s.title_texts[i] if i < len(s.title_texts) else _clean(doc.text[slice(*_orig(doc, ts, te))])
            text = text.strip(" ,;-")
            if not text:
                continue
            tkey = _title_key(_clean(norm[ts:te]) if not s.title_texts else text)
            if tkey not in g["titles"] or g["titles"][tkey][0] > ts:
                g["titles"][tkey] = (ts, text)
    people = []
    for key, g in groups.items():
        spans = set(g["spans"])
        for m in _mention_pattern(key).finditer(norm):
            spans.add(m.span())
        mentions = tuple(Mention(*_orig(doc, s, e)) for s, e in sorted(spans))
        titles = tuple(text for _ts, text in sorted(g["titles"].values()))
        people.append((min(s for s, _e in spans), Person(g["name"], titles, mentions, g["rule"])))
    people.sort(key=lambda x: x[0])
    return [p for _pos, p in people]


def run(doc: Document) -> None:
    seen: list[_Seen] = []
    for rule in RULES:
        for m in rule.pattern.finditer(doc.norm):
            s = rule.build(doc, m)
            if s is not None:
                seen.append(s)
    doc.facts[NAME] = _assemble(doc, seen)


# --------------------------------------------------------------------------- the rules

_NAME_RUN = rf"(?<![\w']){SYL}(?:[ ]{SYL}){{0,6}}"

RULES = [
    Rule("signature_block", re.compile(
        # pads are possessive and the title starts on a letter: runs of spaces (layout-mode PDF
        # text) must not be split every way between pad, title and pad
        rf"^[ \t*_#]*+(?:(?:T/M|TM\.?|KT\.?|TL\.?|TUQ\.?|Q\.)[ \t]*+[^\n]*\n[ \t*_#]*+)?"
        rf"(?P<title>[{UPPER}][{UPPER} ]{{2,59}})[ \t*_#]*+\n(?:[ \t*_#]*+(?:\((?i:đã\s+ký)\)|(?i:đã\s+ký))?[ \t*_#]*+\n){{0,4}}"
        rf"[ \t*_#]*+(?P<name>(?:[{UPPER}][{UPPER}{LOWER}']*[ ]?){{2,5}})[ \t*_#]*$",
        re.MULTILINE), _signature),
    Rule("honorific_name", re.compile(rf"(?<!\w){_HONORIFIC}\s*:?\s+(?=[{UPPER}])"), _after_honorific),
    Rule("name_then_title", re.compile(
        rf"{_NAME_RUN}(?P<sep>[ ]*(?:,|-|\(|:)[ ]*)(?=(?i:(?:nguyên|quyền)\s+)?(?i:{_HEAD})(?!\w))"),
        _before_title),
    Rule("title_then_name", re.compile(rf"(?<![\w])(?i:{_HEAD})(?!\w)"), _title_then_name),
]

__all__ = ["NAME", "REQUIRES", "RULES", "run"]
