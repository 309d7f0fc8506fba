"""Split a text into blocks (headings, list items, paragraphs, photo captions) and sentences.

Every ``Segment`` is in ORIGINAL coordinates (offsets into the text as read, end exclusive); the
work is done on the normalised matching form and mapped back. Blocks are line based:
- ``heading``: ``I.``/``II.`` (Roman), ``A.``/``B.`` (capital letter), ``Phần thứ nhất``, and lines
  written all in capitals (``KẾT LUẬN``); ``ordinal`` is the numeral or letter, ``None`` for a
  capitals line (level 0);
- ``item``: ``1.``, ``2)``, ``1.2.``, ``a)``, ``-``, ``+``, ``•`` ...; ``ordinal`` is ``"1"``,
  ``"1.2"``, ``"a"``, ``"-"``; ``level`` is the nesting depth (1 = outermost) inferred from the order
  in which marker styles appear since the last heading;
- ``caption``: photo captions (``Ảnh: …``, a line ending in ``|``, ``Toàn cảnh hội nghị.``) and the
  page's own furniture, in which no fact stands: datelines (``Thứ Sáu, 11/07/2014, 15:48 [GMT+7]``),
  view counters (``1,464 lượt xem``), related-article links (``>> …``, ``Xem thêm: …``); a row of a
  table copied as text (``ỦY BAN NHÂN DÂN | CỘNG HÒA … |``) is not a caption;
- ``heading`` also: a page's headline (rule "headline"): a capitalised line without a closing stop
  just before a dateline, or the first line of the text before an ordinary paragraph;
- ``paragraph``: any other line.
A line that starts in lowercase continues the paragraph or item before it (PDF page breaks); in a
hard-wrapped text (most lines end without punctuation) a line also continues the one before it when
no blank line separates them and the previous line does not end a sentence.

Sentences split a block at ``.``, ``!``, ``?``, ``…`` followed by a capital letter, a digit or an
opening quote; ``;`` and ``:`` never end one; abbreviations (``TP.``, ``ThS.``, ``PGS.``),
initials (``V.``), decimals and dates (``3,09``, ``14.3.2024``), and inline list markers (``2.``)
do not either. A sentence of an item or numbered heading starts after its marker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from chidao.text.normalize import NormText, normalize

HEADING, ITEM, PARAGRAPH, CAPTION, SENTENCE = "heading", "item", "paragraph", "caption", "sentence"


@dataclass(frozen=True)
class Segment:
    """A block or sentence: ``[start, end)`` of the original text.

    ``body_start`` is where the words after a list or heading marker begin (``start`` otherwise).
    """

    kind: str
    start: int
    end: int
    ordinal: str | None = None
    level: int = 0
    body_start: int | None = None


# --------------------------------------------------------------------------- line classes

_ROMAN = r"(?:X{0,3}(?:IX|IV|V?I{0,3}))"
_HEAD_ROMAN = re.compile(rf"(?P<ord>(?=[IVX]){_ROMAN})\s*[.\-/)]\s+(?=\S)")
_HEAD_ALPHA = re.compile(r"(?P<ord>[A-HĐ])\s*[.)]\s+(?=\S)")
_HEAD_PART = re.compile(r"(?:phần|chương|mục)\s+(?P<ord>thứ\s+[^\W\d_]+|[IVXLC]+|\d{1,2})\b[\s.:\-]*",
                        re.IGNORECASE)
_ITEM_NUM = re.compile(r"(?P<ord>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=\S)|(?P<ord1>\d{1,2})\s*(?P<d>[.)/])\s+(?=\S)")
_ITEM_ALPHA = re.compile(r"(?P<ord>[a-zđ])\s*(?P<d>[).])\s+(?=\S)")
_ITEM_BULLET = re.compile(r"(?P<ord>[-+•·*‣◦▪■□●○➢➤►→✓❖])\s*(?=[^\W_]|[\"'(])")

_CAPTION_START = re.compile(r"\(?\s*(?:Ảnh|ẢNH)(?:\s*\d{1,2})?\s*:")
# a credit closing a caption line: "... tại hội nghị. Ảnh: Diễm My", "(Ảnh: TTXVN)"; not "hình ảnh: ..."
_CAPTION_CREDIT = re.compile(r"(?:[.(|\-]\s*|\s{2,})(?:Ảnh|ẢNH)\s*:\s*[^\W\d_][^!?\n]{0,60}\)?\s*$")
_CAPTION_SCENE = re.compile(r"\(?(?:toàn cảnh|quang cảnh|ảnh minh họa)\b", re.IGNORECASE)
_TIME_OPENER = re.compile(r"(?:ngày|sáng|chiều|tối|trưa|hôm|chiều tối|sáng sớm)\b", re.IGNORECASE)
_CAPTION_BAR = re.compile(r"\|\s*$")
# rule "table_row": a line of cells ("ỦY BAN NHÂN DÂN | CỘNG HÒA ... |", a table copied as text) has a
# bar between two cells; its closing bar does not make it a caption (a caption has one bar, at the end)
_TABLE_CELLS = re.compile(r"[^\s|]\s*\|\s*[^\s|]")
# Page furniture, which is read as a caption (nothing in it is a fact; tasks skip captions):
# rule "dateline": a line of date, time, weekday and "Cập nhật" words only: "Thứ Sáu, 11/07/2014,
# 15:48 [GMT+7]", "Chủ nhật, 31/12/2017 | 19:57:31", "22/09/2022 15:15", "Đăng ngày 11 - 11 - 2023";
# rule "view_counter": "1,464 lượt xem", "Lượt xem: 46" (on such a line too);
# rule "related_link": ">> Bế mạc kỳ họp thứ 12 ...", "Xem thêm: ...", "Tin liên quan" (another article's title)
_FURNITURE_PART = (
    r"(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)"                             # weekday
    r"|(?:cập\s+nhật|đăng|ngày\s+đăng|xuất\s+bản)(?:\s+(?:ngày|lúc))?\s*:?"                 # "Cập nhật lúc:"
    r"|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)?\d\d(?!\d)"                             # 31/12/2017
    r"|\d{1,2}\s*[:h]\s*\d\d(?:\s*:\s*\d\d)?(?:\s*(?:am|pm|sa|ch))?(?!\d)"                  # 19:57:31, 15h48
    r"|[\[(]?\s*gmt\s*[+-]\s*\d{1,2}\s*[\])]?"                                              # [GMT+7]
    r"|lượt\s+(?:xem|đọc)\s*:?\s*\d[\d.,]*|\d[\d.,]*\s+lượt\s+(?:xem|đọc|thích|chia\s+sẻ)"          # 1,464 lượt xem
    r"|lượt\s+(?:xem|đọc)\s*:?)"
)
_FURNITURE_LINE = re.compile(rf"{_FURNITURE_PART}(?:\s*[,|\-–/]?\s*{_FURNITURE_PART})*\s*[,.|]?", re.IGNORECASE)
_RELATED_LINK = re.compile(r"(?:>>|»)|(?:xem\s+thêm|đọc\s+thêm|tin\s+liên\s+quan|bài\s+liên\s+quan)(?!\w)",
                           re.IGNORECASE)
# a short line saying who attends, chairs or speaks at the event: "Các đồng chí lãnh đạo tỉnh dự hội nghị."
_CAPTION_EVENT = re.compile(
    r"[^.!?;:]{3,160}\s(?:dự|tham dự|chủ trì|phát biểu(?:\s[^\W\d_]+){0,2}\s(?:tại|trong)|tại)"
    r"\s(?:hội nghị|cuộc họp|buổi làm việc|kỳ họp|phiên họp|hội thảo|buổi lễ|lễ\s[^\W\d_]+)\.?",
    re.IGNORECASE)

_SENTENCE_END = ".!?…"
_LINE_CLOSED = tuple('.!?:;…"\')|')


@dataclass
class _Block:
    kind: str
    start: int           # norm coordinates
    end: int
    ordinal: str | None = None
    level: int = 0
    body: int | None = None
    style: str | None = None
    lines: int = 1
    closed_by_colon: bool = False


def _nt(source: Any) -> NormText:
    if isinstance(source, NormText):
        return source
    if isinstance(source, str):
        return normalize(source)
    nt = getattr(source, "nt", None)
    if isinstance(nt, NormText):
        return nt
    raise TypeError(f"expected a Document, NormText or str, not {type(source).__name__}")


def _is_caps_line(line: str) -> bool:
    """At least 3 letters, none lower-case, and letters make at least half the visible characters."""
    if len(line) > 250:
        return False
    for c in line:                       # most lines show a lower-case letter within a few characters
        if c.islower() and c.isalpha():
            return False
    letters = sum(map(str.isalpha, line))
    visible = len(line) - sum(map(str.isspace, line))
    return letters >= 3 and letters * 2 >= visible


def _words_at_most(line: str, n: int) -> bool:
    """Whether ``line`` has at most ``n`` words (without splitting a long line into all of them)."""
    return len(line.split(None, n)) <= n


def _is_furniture(line: str) -> bool:
    """Rules "dateline", "view_counter", "related_link": a page's own words, not the text's."""
    if line.startswith(_LINK_STARTS):
        return line.startswith((">>", "»")) or _RELATED_LINK.match(line) is not None
    if len(line) > 80:
        return False
    if _DIGIT.search(line) is None:
        return line.rstrip(" :").lower() in _FURNITURE_WORDS
    return _is_dateline(line)


_DIGIT = re.compile(r"\d")
_FURNITURE_WORDS = frozenset(("cập nhật ngày", "cập nhật lúc", "ngày đăng", "lượt xem"))
_LINK_STARTS = tuple(f(w) for w in ("xem thêm", "đọc thêm", "tin liên quan", "bài liên quan")
                     for f in (str.capitalize, str.lower, str.upper)) + (">>", "»")


def _is_caption(line: str) -> bool:
    if len(line) > 400:
        return False
    if _CAPTION_START.match(line) or (_CAPTION_BAR.search(line) and not _TABLE_CELLS.search(line)) or (
            ("Ảnh" in line or "ẢNH" in line) and _CAPTION_CREDIT.search(line)):
        return True
    if (len(line) <= 80 or line.startswith(_LINK_STARTS)) and _is_furniture(line):
        return True
    if line.endswith((":", ";", ",")):
        return False
    if _CAPTION_SCENE.match(line) and _words_at_most(line, 25):
        return True
    return (_words_at_most(line, 20) and not any(c.isdigit() for c in line)
            and not _TIME_OPENER.match(line) and bool(_CAPTION_EVENT.fullmatch(line)))


def _classify(line: str, ls: int) -> _Block:
    """The block one stripped line (starting at norm offset ``ls``) makes on its own."""
    le = ls + len(line)
    if _is_caption(line):
        return _Block(CAPTION, ls, le)
    for rx, style in ((_HEAD_ROMAN, "roman"), (_HEAD_ALPHA, "upper-alpha")):
        m = rx.match(line)
        if m and m.group("ord"):
            return _Block(HEADING, ls, le, m.group("ord"), body=ls + m.end(), style=style)
    m = _HEAD_PART.match(line)
    if m and (m.end() == len(line) or not line[m.end()].islower()):
        return _Block(HEADING, ls, le, re.sub(r"\s+", " ", m.group("ord")), 0, body=ls + m.end(), style="part")
    m = _ITEM_NUM.match(line)
    if m:
        if m.group("ord"):
            ordinal = m.group("ord")
            style = f"num{ordinal.count('.') + 1}"
        else:
            ordinal = m.group("ord1")
            style = "num)" if m.group("d") == ")" else "num/" if m.group("d") == "/" else "num1"
        return _Block(ITEM, ls, le, ordinal, body=ls + m.end(), style=style)
    m = _ITEM_ALPHA.match(line)
    if m:
        return _Block(ITEM, ls, le, m.group("ord"), body=ls + m.end(), style="alpha" + m.group("d"))
    m = _ITEM_BULLET.match(line)
    if m:
        return _Block(ITEM, ls, le, m.group("ord"), body=ls + m.end(), style="bullet" + m.group("ord"))
    if _is_caps_line(line):
        return _Block(HEADING, ls, le, None, 0, body=ls)
    return _Block(PARAGRAPH, ls, le, body=ls, closed_by_colon=line.endswith(":"))


def _is_subtitle(line: str, nxt: str | None) -> bool:
    """A news subtitle: a short capitalised line without punctuation before an ordinary paragraph."""
    return (nxt is not None and line[0].isupper() and _words_at_most(line, 12)
            and not any(c in line for c in ",;:") and not line.endswith(_LINE_CLOSED + (",", "|"))
            and nxt[0].isupper())


_SENTENCE_STOPS = tuple(".!?…")
_HEADLINE_OPEN = tuple(".!?:;…,")


def _may_be_headline(line: str) -> bool:
    """Rule "headline" (its shape): a capitalised line of at most 40 words without a closing stop,
    not opening with a time ("Sáng 24/6, ...")."""
    return ((line[0].isupper() or line[0].isdigit()) and not line.endswith(_HEADLINE_OPEN)
            and _words_at_most(line, 40) and not _TIME_OPENER.match(line))


def _first_line_headline(line: str, nxt: str) -> bool:
    """The first line of a text is its headline when an ordinary paragraph follows: four words at
    least, no ":" or "|" (a label, a table row) and no place-date ("Thanh Hóa, ngày 27 ...")."""
    return (not _words_at_most(line, 3) and ":" not in line and "|" not in line
            and _PLACE_DATE_TAIL.search(line) is None and nxt[0].isupper() and nxt.endswith(_SENTENCE_STOPS))


_PLACE_DATE_TAIL = re.compile(r",\s*ngày\s+\d")


def _is_dateline(line: str) -> bool:
    """Rule "dateline": a line of date, time, weekday and "Cập nhật" words, or a view counter; a date
    alone is not one (the cell of a table's deadline column: "21/01/2021")."""
    if len(line) > 80 or _DIGIT.search(line) is None or _TIME_OR_WORD.search(line) is None:
        return False
    m = _FURNITURE_LINE.match(line)
    return m is not None and m.end() == len(line)


_TIME_OR_WORD = re.compile(r"\d\s*[:h]\s*\d\d|[^\W\d_]")


def _lines(norm: str):
    """(stripped line, its norm start, blank lines before it) for every non-blank line."""
    pos, blank = 0, 0
    for raw in norm.split("\n"):
        stripped = raw.strip()
        if stripped:
            yield stripped, pos + (len(raw) - len(raw.lstrip())), blank
            blank = 0
        else:
            blank += 1
        pos += len(raw) + 1


def _hard_wrapped(lines: list[tuple[str, int, int]]) -> bool:
    prose = [s for s, _, _ in lines if not _words_at_most(s, 5)]
    if len(prose) < 5:
        return False
    open_ended = sum(1 for s in prose if not s.endswith(_LINE_CLOSED))
    return open_ended * 10 >= len(prose) * 6


def _starts_lowercase(line: str) -> bool:
    c = line[0]
    return c.isalpha() and c.islower()


def _norm_blocks(nt: NormText) -> list[_Block]:
    norm = nt.norm
    lines = list(_lines(norm))
    wrapped = _hard_wrapped(lines)
    blocks: list[_Block] = []
    prev_line = ""
    text_seen = False                        # a block other than a caption or page furniture before
    classified: dict[int, _Block] = {}       # line index -> the block it makes on its own

    def classify(i: int) -> _Block:
        block = classified.get(i)
        if block is None:
            block = classified[i] = _classify(lines[i][0], lines[i][1])
        return block

    for i, (line, ls, blank) in enumerate(lines):
        prev = blocks[-1] if blocks else None
        if prev is not None and prev.kind in (PARAGRAPH, ITEM):
            cont = _starts_lowercase(line) or (
                wrapped and blank == 0 and not prev_line.endswith(_LINE_CLOSED))
            cont = cont and classify(i).kind == PARAGRAPH
            if cont:
                prev.end = ls + len(line)
                prev.lines += 1
                prev_line = line
                continue
        block = classify(i)
        if block.kind == PARAGRAPH and not wrapped:
            nxt = lines[i + 1][0] if i + 1 < len(lines) else None
            if _is_subtitle(line, nxt) and classify(i + 1).kind == PARAGRAPH:
                block = _Block(HEADING, ls, block.end, None, 0, body=ls, style="subtitle")
            elif nxt is not None and _may_be_headline(line) and (
                    _is_dateline(nxt) or not text_seen and _first_line_headline(line, nxt)
                    and classify(i + 1).kind == PARAGRAPH):
                block = _Block(HEADING, ls, block.end, None, 0, body=ls, style="headline")
        text_seen = text_seen or block.kind != CAPTION
        blocks.append(block)
        prev_line = line
    _assign_levels(blocks)
    return blocks


def _assign_levels(blocks: list[_Block]) -> None:
    """Nesting depth of marked headings and items from the order their marker styles appear."""
    head_stack: list[str] = []
    item_stack: list[str] = []
    for b in blocks:
        if b.kind == HEADING and b.style in ("roman", "upper-alpha"):
            head_stack = _push(head_stack, b.style)
            b.level = len(head_stack)
            item_stack = []
        elif b.kind == HEADING and b.style == "part":
            head_stack, item_stack = [], []
        elif b.kind == HEADING or (b.kind == PARAGRAPH and b.closed_by_colon):
            item_stack = []                          # "Nơi nhận:", "có các đồng chí:" open a new list
        elif b.kind == ITEM and b.style:
            item_stack = _push(item_stack, b.style)
            b.level = len(item_stack)


def _push(stack: list[str], style: str) -> list[str]:
    if style in stack:
        return stack[: stack.index(style) + 1]
    return [*stack, style]


def _to_segment(nt: NormText, kind: str, ns: int, ne: int, ordinal: str | None = None,
                level: int = 0, body: int | None = None) -> Segment:
    start, end = nt.to_original(ns, ne)
    if body is None or body <= ns:
        body_start = start
    elif body >= ne:
        body_start = end
    else:
        body_start = nt.to_original(body, ne)[0]
    return Segment(kind, start, end, ordinal, level, body_start)


def blocks(source: Any) -> list[Segment]:
    """Headings, items, paragraphs and captions of a Document, NormText or str, in text order."""
    nt = _nt(source)
    return [_to_segment(nt, b.kind, b.start, b.end, b.ordinal, b.level, b.body) for b in _norm_blocks(nt)]


# --------------------------------------------------------------------------- sentences

_ABBREVIATIONS = frozenset(
    "tp tx tt ths ts pgs gs bs bsck ks cn nxb th.s v.v vv st tr q p h mr mrs dr ng đ/c đc".split()
)
# a run of stops ("...", "?!") and closing quotes; written to begin with one stop (not a repeat),
# which lets the engine skip ahead to it
_END = re.compile(r"[.!?…][.!?…]*[\"')\]]*")
_END_DOT = re.compile(r"\.\.*[\"')\]]*")          # the same, for a text without "!", "?", "…"
_ROMAN_LETTERS = frozenset("IVX")
# words a Roman numeral follows: "Quý I.", "khóa V.", "lần thứ X."
_ROMAN_CONTEXT = frozenset("quý khóa khoá thứ phần chương mục kỳ lần đợt đoạn hội nghị cấp loại hạng".split())


def _is_boundary(text: str, m: re.Match[str], limit: int) -> bool:
    """Whether the punctuation matched at ``m`` ends a sentence of ``text[:limit]``."""
    after = m.end()
    j = after
    while j < limit and text[j] in " \t":
        j += 1
    if j >= limit:
        return True
    if j == after:                                   # "14.3.2024", "3.09", "TP.HCM"
        return False
    nxt = text[j]
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'(-[•+"):
        return False                                 # lowercase after a stop: the sentence goes on
    punct = text[m.start():m.end()]
    if punct[0] != ".":
        return True
    if len(punct.rstrip("\"')]")) > 1:              # "..." before a capital ends a sentence
        return True
    k = m.start()
    w = k
    while w > 0 and (text[w - 1].isalnum() or text[w - 1] in "./"):
        w -= 1
    word = text[w:k].strip(".")
    if not word:
        return True
    if word.lower() in _ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        before = text[max(0, w - 30):w].split()
        prev = before[-1] if before else ""
        if word in _ROMAN_LETTERS and (not prev[:1].isupper() or prev.lower() in _ROMAN_CONTEXT):
            return True                              # "trong Quý I. Các ngành"
        return False                                 # an initial: "Nguyễn V. Anh"
    if word.isdigit() and len(word) <= 2 and (w == 0 or text[w - 1] in " :;(\n"):
        return False                                 # an inline list marker: "như sau: 1. Tăng"
    return True


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    s = start
    # a block without "!", "?" or "…" (most) is searched for "." alone, which the engine skips to
    only_dots = all(text.find(c, start, end) == -1 for c in "!?…")
    for m in (_END_DOT if only_dots else _END).finditer(text, start, end):
        after = m.end()
        if after <= s or after < end and text[after] not in " \t":
            continue                                 # glued to what follows: "14.3.2024", "TP.HCM"
        if _is_boundary(text, m, end):
            spans.append((s, m.end()))
            s = m.end()
    spans.append((s, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def sentences(source: Any, within: list[Segment] | None = None) -> list[Segment]:
    """The sentences of every block (or of the given blocks), in text order; never across blocks."""
    nt = _nt(source)
    norm = nt.norm
    if within is None:
        spans = [(b.body if b.body is not None else b.start, b.end) for b in _norm_blocks(nt)]
    else:
        spans = []
        for seg in within:
            body = seg.body_start if seg.body_start is not None else seg.start
            ns, ne = nt.to_norm(max(seg.start, min(body, seg.end)), seg.end)
            spans.append((ns, ne))
    out = []
    for bs, be in spans:
        for a, b in _split(norm, bs, be):
            start, end = nt.to_original(a, b)
            out.append(Segment(SENTENCE, start, end, None, 0, start))
    return out


__all__ = ["Segment", "blocks", "sentences", "HEADING", "ITEM", "PARAGRAPH", "CAPTION", "SENTENCE"]
