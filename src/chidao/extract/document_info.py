"""What a formal document says of itself: kind, number, date, issuer, title, signer, recipients."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from chidao.extract.document import Document
from chidao.extract.rules import Rule, vi
from chidao.lexicon import LexiconError, load_tsv
from chidao.model import DocumentInfo, Signer

NAME = "document_info"
REQUIRES: tuple[str, ...] = ()

HEAD_LINES = 40        # the kind line is among the first lines of a formal document
TAIL_CHARS = 4000      # the signature block and "Nơi nhận" sit in the last characters
TITLE_MAX = 700        # a subject line longer than this is the body, not a title


# --------------------------------------------------------------------------- lexicon and casing


@lru_cache(maxsize=1)
def _kind_words() -> dict[str, str]:
    """Kind word, lower case -> kind, from lexicon/document_kinds.tsv (``?`` rows left out)."""
    out: dict[str, str] = {}
    for row in load_tsv("document_kinds"):
        if len(row) < 2 or row[0] == "?":
            continue
        for w in filter(None, (x.strip() for x in row[1].split("|"))):
            out.setdefault(w.lower(), row[0])
    return out


@lru_cache(maxsize=1)
def _phrases() -> tuple[dict[tuple[str, ...], tuple[str, ...]], frozenset[str]]:
    """(lower-cased words -> words in their usual casing), and the acronyms to keep upper case."""
    phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
    acronyms: set[str] = {"UBND", "HĐND", "MTTQ", "UBKT", "BCH", "BTV", "TW", "TU", "ĐBQH", "TNCS",
                          "HCM", "VN", "CP", "BCĐ", "UBMTTQ", "VP", "VPTU", "HU", "ĐU"}

    def add(p: str) -> None:
        words = tuple(p.split())
        if words and any(w[:1].isupper() for w in words):
            phrases.setdefault(tuple(w.lower() for w in words), words)

    for row in load_tsv("casing.txt"):
        add(row[0])
    for name in ("bodies", "body_abbreviations"):
        try:
            rows = load_tsv(name)
        except LexiconError:
            continue  # another engineer's file, not there yet: the casing list still works
        for row in rows:
            add(row[0])
            if name == "body_abbreviations" and len(row) > 1:
                acronyms.update(a.strip() for a in row[1].split("|") if a.strip().isupper())
    return phrases, frozenset(acronyms)


_PLACE_AFTER = frozenset("tỉnh huyện xã phường quận thị trấn phố ủy".split())  # ends of "thành phố", "Tỉnh ủy"
_NAME_AFTER = frozenset("sở bộ".split())


def usual_case(s: str) -> str:
    """``BAN THƯỜNG VỤ TỈNH ỦY`` -> ``Ban Thường vụ Tỉnh ủy``; text with lower case is kept as is."""
    s = re.sub(r"\s+", " ", s).strip()
    if not s or any(c.islower() for c in s):
        return s
    phrases, acronyms = _phrases()
    longest = max((len(k) for k in phrases), default=1)
    toks = s.split(" ")
    low = [t.lower() for t in toks]
    out: list[str] = []
    i = 0
    place = False
    while i < len(toks):
        for n in range(min(longest, len(toks) - i), 0, -1):
            hit = phrases.get(tuple(low[i:i + n]))
            if hit:
                out.extend(hit)
                i += n
                place = hit[-1].lower() in _PLACE_AFTER
                break
        else:
            tok = toks[i]
            if tok in acronyms or re.fullmatch(r"[IVXLC]+", tok):
                out.append(tok)
            elif place or (out and out[-1].lower() in _NAME_AFTER):
                out.append(tok[:1] + tok[1:].lower())
            else:
                out.append(tok.lower())
            place = place or low[i] in _PLACE_AFTER
            i += 1
    text = " ".join(out)
    return text[:1].upper() + text[1:]


def _person_case(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    if s.isupper():
        s = " ".join(w[:1] + w[1:].lower() for w in s.split())
    return s


# --------------------------------------------------------------------------- lines


class _Line(NamedTuple):
    start: int          # in norm, after markup
    end: int
    text: str           # norm text without markdown marks and edge spaces


# white space (what ``\s`` matches: every such character is below U+3001) and markdown marks
_WHITE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
_LEAD = _WHITE + "*#_>|"
_TRAIL = _WHITE + "*#_|"


def _lines(norm: str) -> list[_Line]:
    """Every line of ``norm`` with markdown marks (``**``, ``#``) and edge spaces cut off."""
    out = []
    pos = 0
    for raw in norm.split("\n"):
        body = raw.lstrip(_LEAD)
        lead = len(raw) - len(body)
        body = body.rstrip(_TRAIL)
        out.append(_Line(pos + lead, pos + lead + len(body), body))
        pos += len(raw) + 1
    return out


def _orig(doc: Document, start: int, end: int) -> str:
    """The words of a span of ``norm`` as written, in NFC (fields are strings, not spans)."""
    s, e = doc.orig_span(start, end)
    return unicodedata.normalize("NFC", doc.text[s:e])


# --------------------------------------------------------------------------- header


# a line that begins the body, not the subject: "Ngày 18/3/2024, ...", "Căn cứ ...", "1. ..."
_BODY_START = vi(
    r"""^(?:ngày\s+\d|căn\s+cứ\b|thực\s+hiện\b|sau\s+khi\b|(?:sáng|chiều|tối|hôm)\s+(?:nay|ngày|\d)
    |tại\s+(?:buổi|cuộc|hội|phiên)\b|[IVX]+\s*[.-]|\d+\s*[.)]|điều\s+\d)"""
)
_OF_LINE = vi(r"^(?:của|CỦA)\s+(?P<body>.+)$")
_SUBJECT_START = vi(r"^(?:về|v/v|về\s+việc)\b")
_NUMBER = vi(
    r"""(?<![^\W_])S[ốo]\s*:?\s*(?P<num>\d{1,5})?\s*(?:(?:-|/)\s*)?
    (?:(?P<year>(?:19|20)\d\d)\s*/\s*)?
    (?-i:(?P<sym>[A-ZĐ][^\W_]*(?:\s?[-/]\s?[A-ZĐ][^\W_]*){0,4}))"""
)
_PLACE_DATE = vi(
    r"""(?:(?P<place>[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*){0,3})\s*,\s*)?ngày\s+
    (?P<d>\d{1,2})\s*(?:tháng\s+(?P<m>\d{1,2})\s+năm\s+|[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*)
    (?P<y>(?:19|20)\d\d)"""
)
_ORG_SKIP = vi(
    r"""^(?:đảng\s+cộng\s+sản\s+việt\s+nam|cộng\s+hòa\s+xã\s+hội\s+chủ\s+nghĩa\s+việt\s+nam
    |độc\s+lập\s*-\s*tự\s+do\s*-\s*hạnh\s+phúc|[-*=_.\s]*)$"""
)


@lru_cache(maxsize=1)
def _kind_line_pattern() -> re.Pattern[str]:
    """A line that opens with a kind word in capitals (longest first), then the rest of it."""
    words = sorted(_kind_words(), key=len, reverse=True)
    alt = "|".join(r"\s+".join(map(re.escape, w.upper().split())) for w in words)
    return re.compile(rf"^(?P<kw>{alt})(?:(?![^\W\d_])|(?=Về\b|V/v\b))\s*(?P<rest>.*)$")


def _kind_line(doc: Document, lines: list[_Line]) -> tuple[int, str, str, str] | None:
    """(index of the line, kind, words of the kind, rest of the line) of the title's kind line."""
    pat = _kind_line_pattern()
    seen = 0
    for i, ln in enumerate(lines):
        if not ln.text:
            continue
        seen += 1
        if seen > HEAD_LINES:
            break
        m = pat.match(ln.text)
        if not m:
            continue
        rest = m.group("rest")
        # a headline in capitals is the kind line only when nothing but its subject follows
        if rest and not (_OF_LINE.match(rest) or _SUBJECT_START.match(rest) or rest.isupper()):
            continue
        kw = re.sub(r"\s+", " ", m.group("kw")).lower()
        return i, _kind_words()[kw], kw, rest
    return None


def _number(doc: Document, lines: list[_Line], upto: int) -> tuple[str | None, str | None]:
    for ln in lines[:upto]:
        m = _NUMBER.search(ln.text)
        if m and (m.group("num") or "/" in m.group("sym")):
            return m.group("num"), re.sub(r"\s+", "", m.group("sym"))
    return None, None


def _issued_on(doc: Document, lines: list[_Line], upto: int) -> tuple[date | None, str | None]:
    """The date and place of the header's place-date line; the dates extractor's date wins."""
    day, place = _place_date(lines, upto)
    for f in doc.get("document_date"):
        if "header" in (getattr(f, "rule", "") or "") and getattr(f, "first", None):
            return f.first, place
    return day, place


def _place_date(lines: list[_Line], upto: int) -> tuple[date | None, str | None]:
    for ln in lines[:upto + 3]:
        m = _PLACE_DATE.search(ln.text)
        if not m or not m.group("place") and m.start() > 0:
            continue
        try:
            day = date(int(m.group("y")), int(m.group("m") or m.group("m2")), int(m.group("d")))
        except ValueError:
            continue
        words = (m.group("place") or "").split()
        while words and not (words[0][:1].isupper() and not words[0][1:].isupper()):
            words.pop(0)  # "TNCS HỒ CHÍ MINH Hà Nội, ngày ..." -> "Hà Nội"
        return day, " ".join(words) or None
    return None, None


# a header line that names the place of the body on the line above: "ỦY BAN NHÂN DÂN" / "TỈNH THANH HÓA"
# (not a body of its own: "TỈNH ỦY QUẢNG NGÃI", "HUYỆN ỦY ...")
_PLACE_LINE = re.compile(r"(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG)(?!\s+ỦY)\s+[^\W\d_]")


def _header_issuer(lines: list[_Line], upto: int) -> str | None:
    """The body of the header block: the last line in capitals before the number (``TỈNH ỦY ...``).

    Rule "header_table_cells": a header copied as a table (``ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ
    NGHĨA VIỆT NAM |``) is read by its left cell, where the issuer stands. Rule "issuer_place_line":
    a line naming a place right below the body (``ỦY BAN NHÂN DÂN`` / ``TỈNH THANH HÓA``) completes it.
    """
    found = None
    joinable = False        # the line before (national motto lines aside) gave ``found``
    for ln in lines[:upto]:
        t = ln.text
        if "|" in t:
            t = t.split("|", 1)[0].strip()
        if not t or _ORG_SKIP.match(t) or not t.isupper() or _NUMBER.search(t):
            # a flattened two-column line: "TỈNH ỦY QUẢNG NGÃI Số 2165-KL/TU"
            m = _NUMBER.search(t) if t else None
            if m and m.start() > 0 and t[:m.start()].strip().isupper():
                found = t[:m.start()].strip(" *-_")
            if t and not _ORG_SKIP.match(t):
                joinable = False
            continue
        if joinable and found and _PLACE_LINE.match(t):
            found = f"{found} {t}"
        else:
            found = t
        joinable = True
    return usual_case(found.strip(" *-_")) if found else None


def _title(doc: Document, lines: list[_Line], k: int, rest: str) -> tuple[str | None, str | None, int]:
    """(issuer from a ``CỦA ...`` line, the subject, index of the last header line)."""
    issuer = None
    i = k + 1
    if rest and _OF_LINE.match(rest) and rest.isupper():
        issuer = usual_case(_OF_LINE.match(rest).group("body"))
        rest = ""
    while i < len(lines) and not lines[i].text:
        i += 1
    if not rest and i < len(lines):
        m = _OF_LINE.match(lines[i].text)
        if m and lines[i].text.isupper():
            issuer = usual_case(m.group("body"))
            i += 1
    if rest:
        ln = lines[k]
        start = ln.end - len(rest)
        return issuer, _clean_title(_orig(doc, start, ln.end)), k
    while i < len(lines) and not lines[i].text:
        i += 1
    parts: list[_Line] = []
    while i < len(lines) and lines[i].text and not re.fullmatch(r"[-*=_.\s]+", lines[i].text):
        if parts and (_BODY_START.match(lines[i].text)
                      or parts[0].text.isupper() and not lines[i].text.isupper()):
            break
        parts.append(lines[i])
        i += 1
    if not parts:
        return issuer, None, k
    text = _orig(doc, parts[0].start, parts[-1].end)
    if len(text) > TITLE_MAX or _PLACE_DATE.match(parts[0].text):
        return issuer, None, k
    return issuer, _clean_title(text), i


def _clean_title(t: str) -> str:
    t = re.sub(r"\s+", " ", t).strip(" *_#")
    return usual_case(t) if t.isupper() else t


# --------------------------------------------------------------------------- signature


_ON_BEHALF = vi(r"^(?P<mark>T\s*/\s*M|TM|T\.M)\s*\.?\s+(?P<body>.+)$")
_DELEGATE = vi(r"^(?P<mark>KT|K/T|TL|T/L|TUQ|Q|Q\.)\s*\.?\s*(?P<who>.+)$")
_SIGNED = vi(r"^[\[(]?\s*(?:đã\s+ký|ký|đã\s+ký\s+và\s+đóng\s+dấu|ký\s+tên[^)\]]*|chữ\s+ký[^)\]]*)\s*[\])]?$")
_NAME_LINE = re.compile(r"^(?:[A-ZĐ][^\W\d_]*)(?:\s+[A-ZĐ][^\W\d_]*){1,5}$")
_TITLE_WORDS = vi(
    r"""^(?:phó\s+)?(?:bí\s+thư|chủ\s+tịch|chủ\s+nhiệm|trưởng\s+ban|giám\s+đốc|chánh\s+văn\s+phòng
    |tổng\s+bí\s+thư|thủ\s+tướng|bộ\s+trưởng|trưởng\s+đoàn|trưởng\s+phòng|chánh\s+thanh\s+tra
    |phó\s+chánh\s+văn\s+phòng|ủy\s+viên)\b"""
)


def _signer(doc: Document, tail: list[_Line]) -> tuple[Signer | None, int | None]:
    """The signer, and the index in ``tail`` where the block starts."""
    best = None
    for i, ln in enumerate(tail):
        if ln.text.isupper() and (_ON_BEHALF.match(ln.text) or _DELEGATE.match(ln.text)
                                   or _TITLE_WORDS.match(ln.text)):
            best = i
            break
    if best is None:
        return None, None
    on_behalf, title, name = None, None, None
    j = best
    while j < len(tail) and j < best + 10:
        t = tail[j].text
        if not t:
            j += 1
            continue
        if t.isupper() and (m := _ON_BEHALF.match(t)):
            on_behalf = usual_case(m.group("body"))
        elif t.isupper() and _DELEGATE.match(t):
            pass  # "KT. CHỦ TỊCH": the signer signs for the chair; the title line follows
        elif t.isupper() and _TITLE_WORDS.match(t) and title is None:
            title = usual_case(t)
        elif _SIGNED.match(t):
            pass
        elif _NAME_LINE.match(t) and (title or on_behalf):
            name = _person_case(_orig(doc, tail[j].start, tail[j].end))
            break
        elif title:
            break
        j += 1
    if not (name or title):
        return None, None
    return Signer(name=name, title=title, on_behalf_of=on_behalf), best


# --------------------------------------------------------------------------- recipients


_TO = vi(r"^n[ơo]i\s+nhận\s*:?\s*(?P<rest>.*)$")
_ITEM = re.compile(r"^[-+•–]\s*(?P<item>.+)$")


def _recipients(doc: Document, lines: list[_Line]) -> tuple[str, ...]:
    for i, ln in enumerate(lines):
        m = _TO.match(ln.text)
        if not m:
            continue
        items: list[tuple[int, int]] = []
        if m.group("rest"):  # flattened: "Nơi nhận: - Như trên; - Lưu VT."
            base = ln.start + m.start("rest")
            for it in re.finditer(r"(?:^|\s)-\s+([^\n]+?)(?=\s+-\s|$)", m.group("rest")):
                items.append((base + it.start(1), base + it.end(1)))
        for nxt in lines[i + 1:]:
            if not nxt.text:
                continue
            im = _ITEM.match(nxt.text)
            if not im:
                break
            items.append((nxt.start + im.start("item"), nxt.end))
        out = []
        for s, e in items:
            item = re.sub(r"\s+", " ", _orig(doc, s, e)).strip().rstrip(",;.").strip()
            if item:
                out.append(item)
        return tuple(out)
    return ()


# --------------------------------------------------------------------------- the rule


def _build(doc: Document, m: re.Match[str]) -> DocumentInfo | None:
    lines = _lines(doc.norm)
    found = _kind_line(doc, lines)
    if found is None:
        return None
    k, kind, _kw, rest = found
    tail_start = max(0, len(doc.norm) - TAIL_CHARS)
    tail = [ln for ln in lines if ln.start >= tail_start]
    signer, _ = _signer(doc, tail)
    recipients = _recipients(doc, tail)
    number, symbol = _number(doc, lines, k)
    formal_header = any(_ORG_SKIP.match(ln.text) and ln.text for ln in lines[:k])
    if not (signer or recipients or symbol or formal_header):
        return None  # a headline in capitals, not a document
    issued_on, place = _issued_on(doc, lines, k)
    issuer, title, _ = _title(doc, lines, k, rest)
    if issuer is None:
        issuer = _header_issuer(lines, k)
    return DocumentInfo(kind=kind, number=number, symbol=symbol, issued_on=issued_on, issuer=issuer,
                        title=title, signer=signer, recipients=recipients, place=place)


def run(doc: Document) -> None:
    info = None
    for rule in RULES:
        m = rule.pattern.search(doc.norm)
        if m is not None:
            info = rule.build(doc, m)
            if info is not None:
                break
    doc.info = info
    doc.facts[NAME] = [info] if info is not None else []


RULES = [
    # a kind line in capitals near the top (KẾT LUẬN / THÔNG BÁO KẾT LUẬN ...), then the blocks
    Rule("header_kind_line", vi(r"\A"), _build),
]
