"""Citations of numbered documents (Kết luận số 2043-KL/TU ngày 05/12/2023 của ...), one per mention."""
from __future__ import annotations

import bisect
import heapq
import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from functools import lru_cache

from chidao.extract.document import Document
from chidao.extract.rules import Rule, vi
from chidao.extract.anchors import matches_at
from chidao.extract.scan import PhraseStarts
from chidao.lexicon import load_tsv, trie_regex
from chidao.lexicon.names import UPPER
from chidao.model import Reference

NAME = "references"
REQUIRES: tuple[str, ...] = ()

GENERIC = "?"          # a generic word (văn bản): the kind comes from the symbol
HEADER_ZONE = 1200
# kinds cited by a bare number without "số" (Nghị quyết 39, Quy định 146); others need "số"
# ("Chương trình 135", "Kế hoạch 5 năm" name or count, they do not cite) or a date or an issuer
# right after the number ("Công văn 3676 của Ban Tổ chức TW ngày 29/10/2012", see ``_framed``)
BARE_NUMBER_KINDS = frozenset(
    "nghi_quyet ket_luan chi_thi quy_dinh quyet_dinh thong_bao nghi_dinh thong_tu cong_dien".split()
)     # "Số 2165-KL/TU" this close to the top is the document's own number


# --------------------------------------------------------------------------- lexicon


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """(kind word, lower-cased -> kind), ((code, style) -> kind) from lexicon/document_kinds.tsv."""
    words: dict[str, str] = {}
    codes: dict[tuple[str, str], str] = {}
    for row in load_tsv("document_kinds"):
        kind, names, code_field, style = (row + ["", "", "", "any"])[:4]
        names_ = [x.strip() for x in names.split("|") if x.strip()]
        for w in names_:
            words.setdefault(w.lower(), kind)
        for w in names_:
            # text lifted from a PDF may lose the space between syllables ("Nghịquyết số 11/NQ-CP")
            if " " in w:
                words.setdefault(w.replace(" ", "").lower(), kind)
        for c in code_field.split():
            for s in (("party", "state") if style in ("any", "") else (style,)):
                codes.setdefault((c, s), kind)
    return words, codes


def kind_of_word(word: str) -> str | None:
    """The kind a kind word names (``Kết luận`` -> ``ket_luan``); ``?`` for a generic word."""
    return _lexicon()[0].get(_SPACES.sub(" ", word.strip()).lower())


def kind_of_symbol(symbol: str, style: str) -> str | None:
    """The kind a symbol's code tells (``KL/TU`` -> ``ket_luan``, ``NĐ-CP`` -> ``nghi_dinh``).

    ``style`` is ``party`` (number-code/issuer) or ``state`` (number/[year/]code-issuer); a state
    symbol whose first part is no known code (``UBND-KT``, ``VPUBND-TCD-NC``) is a công văn.
    """
    codes = _lexicon()[1]
    head = _SYMBOL_PART.split(symbol, maxsplit=1)[0]
    letters = _TRAILING_DIGITS.sub("", head)
    for key in (head, letters, letters.upper()):
        kind = codes.get((key, style))
        if kind:
            return kind
    return "cong_van" if style == "state" else None


_SYMBOL_PART = re.compile(r"[-/]")
_TRAILING_DIGITS = re.compile(r"\d+$")
_FOOTNOTE = re.compile(r"([A-Za-zĐđ]+)(\d+)$")


def _kind_words_pattern() -> str:
    return trie_regex(_lexicon()[0])


# --------------------------------------------------------------------------- patterns

_UP = "A-ZĐ"                 # a symbol part starts with an upper-case letter
_AL = "A-Za-zĐđ"
_KW = _kind_words_pattern()
_NOT_KW = rf"(?!\(?(?:{_KW})\b)"      # "(Nghị quyết số ..." opens another citation
# words that may sit between a kind word and "số": "Luật Đất đai số 31/2024/QH15"
_GAP = rf"(?:\s+{_NOT_KW}(?!(?:và|hoặc|với|theo|tại|là)\b)[^\s.;:,!?\n\"]+){{1,10}}?"
_SO = r"(?:\s*+\bs[ốo]\s*+:?\s*+)"              # "số", "Số:", typed "so"; possessive: no backtracking into spaces
_KIND = rf"(?P<kw>\b(?:{_KW}))(?!\w)"
# the kind word, any gap, then "số" (repeated: "số số"); or the kind word then the code directly.
# The gap is a document's own name, which follows a capitalised kind word ("Luật Đất đai số",
# "Văn bản trả lời số"); a kind word in lower case is a common noun there ("pháp luật của Nhà
# nước để thực hiện ... số 39-NQ/TW"), so it takes "số" only right after it (rule capitalised_gap)
_CAP = rf"(?P<cap>(?-i:(?=[{UPPER}])))?+"
_PREFIX_SO = rf"(?:{_CAP}{_KIND}(?:(?(cap)(?P<gap>{_GAP})?)(?P<so>{_SO}+)|\s*)|(?P<so2>\bs[ốo]\s*+:?\s*+))?"

# Party style: 2043-KL/TU, 12-CTr/TU, 08-QĐi/TW, 01-NQLT/BCS-BTV; a footnote digit may follow
_PARTY_TAIL = rf"""(?:\s?-\s?|(?P<nohyphen>\s))
    (?-i:(?P<sym>[{_UP}][{_AL}]{{0,6}}\s?/\s?[{_UP}][^\W_]*(?:[-/][{_UP}][^\W_]*){{0,2}}))"""
# a number may carry a letter: "Nghị quyết 30a/2008/NQ-CP", "30c/NQ-CP"
_NUM = r"\d{1,5}[a-zđ]?"
_PARTY = rf"(?P<num>{_NUM}){_PARTY_TAIL}"
# State style: 73/2023/NĐ-CP, 1234/QĐ-TTg, 404/VPUBND-TCD-NC, 31/2024/QH15
# a slash may be typed twice ("263//KQTĐ-SXD")
_STATE_TAIL = rf"""\s?//?\s?(?:(?P<year>(?:19|20)\d\d)\s?/\s?)?
    (?-i:(?P<sym>[{_UP}][^\W_]*(?:\s?-\s?[{_UP}][^\W_]*){{0,4}}))"""
_STATE = rf"(?P<num>{_NUM}){_STATE_TAIL}"
_END = r"(?![\w/])"
# where a citation can begin (a cheap test before the costly prefix): a kind word, "số", a digit
_STARTS = rf"(?=\d|\b(?:s[ốo]|{_KW}))"
# how far before its code a citation may begin ("Nghị quyết ... số " with up to ten words between)
_PREFIX_WINDOW = 400

# the date right after the code: ", ngày 05/12/2023", "ngày 05 tháng 12 năm 2023", "(05/12/2023)"
_DATE = re.compile(
    r"""\s*,?\s*(?P<op>\(\s*)?(?:ban\s+hành\s+)?ngày\s+
    (?P<d>\d{1,2})\s*(?:[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*|\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+)
    (?P<y>(?:19|20)\d\d)\b(?(op)\s*\))""",
    re.IGNORECASE | re.VERBOSE,
)
# the issuer: "của Hội nghị Tỉnh ủy lần thứ 14 (khóa XX)", "của Bộ Chính trị"
_OF = re.compile(r"\s*,?\s*của\s+", re.IGNORECASE)
# after a date the issuer may follow without "của": "ngày 25/10/2017 Hội nghị lần thứ sáu Ban Chấp hành ..."
_BARE_ISSUER = re.compile(
    r"\s*,?\s*(?=(?:Hội\s+nghị|Ban|Bộ|Chính\s+phủ|Thủ\s+tướng|Ủy\s+ban|UBND|HĐND|Tỉnh\s+ủy|Thành\s+ủy"
    r"|Huyện\s+ủy|Quốc\s+hội|Thường\s+trực|Văn\s+phòng|Hội\s+đồng)\b)"
)
_TOKEN = re.compile(r"\s*(\([^()\n]{1,40}\)|,\s*khóa\s+[IVXLC]+\b|[^\s,.;:()!?\"]+)")
_ISSUER_LOWER = frozenset(
    """tỉnh huyện xã thị trấn thành phố quận phường lần thứ khóa nhân dân cán sự đảng đoàn ủy
    bộ nhà nước kiểm tra thường trực vụ ban hội đồng chấp hành trung ương chính phủ trị
    các cơ quan khối doanh nghiệp quốc mặt trận đại biểu thủ tướng văn phòng nghị chủ tịch
    bí thư liên hiệp""".split()
)
# the second syllable of a capitalised word in a ministry's or a Party board's name: "Bộ Tài
# nguyên và Môi trường", "Ban Tuyên giáo", "Ban Tổ chức", "Ban Dân vận"
_ISSUER_SECOND = frozenset(
    """nguyên trường dục tạo hoạch tư tế pháp động binh học nghệ tin thông vận tải phòng an thôn
    nghiệp triển tộc giao chính hóa thao lịch sát giáo chức""".split()
)
_ISSUER_NO_END = frozenset("các cơ và lần thứ của".split())
_ISSUED = re.compile(r"\s+hành(?!\w)")
_KW_AT = vi(rf"\s*(?:{_KW})\b")
_ORDINAL_BEFORE = vi(r"(?:thứ|lần|ương)\s*$")
_SPACES = re.compile(r"\s+")
# after a bare number, these words say it counts something rather than names a document
_COUNTED = vi(
    r"""\s*(?:%|năm|tháng|quý|tuần|giờ|phút|lần|nội\s+dung|điểm|mục|điều|khoản|chỉ\s+tiêu|nhiệm\s+vụ
    |nhóm|giải\s+pháp|văn\s+bản|người|đơn\s+vị|xã|huyện|dự\s+án|công\s+trình|tỷ|triệu|nghìn|ngàn
    |ha|km|m|chương\s+trình|kế\s+hoạch|đề\s+án|ngày(?!\s+\d)|[.,]\d)(?!\w)"""
)


# --------------------------------------------------------------------------- builders


def _strip_footnote(sym: str, style: str) -> str:
    """``NQ/TW1`` -> ``NQ/TW``: a digit glued to the last part is a footnote (not in ``QH15``)."""
    m = _FOOTNOTE.search(sym)
    if not m or m.group(1).upper().endswith("QH"):
        return sym
    if style == "state" and "-" not in sym and "/" not in sym:
        return sym
    return sym[: m.start(2)]


def _date_after(doc: Document, pos: int) -> tuple[date | None, int]:
    m = _DATE.match(doc.norm, pos)
    if not m:
        return None, pos
    try:
        day = date(int(m.group("y")), int(m.group("m") or m.group("m2")), int(m.group("d")))
    except ValueError:
        return None, pos
    return day, m.end()


def _issuer_after(doc: Document, pos: int, dated: bool = False) -> str | None:
    """The body named by ``của ...`` at ``pos`` (or right after a date), as written, or ``None``."""
    m = _OF.match(doc.norm, pos) or (_BARE_ISSUER.match(doc.norm, pos) if dated else None)
    if not m:
        return None
    norm = doc.norm
    i, end, count, prev = m.end(), m.end(), 0, ""
    while count < 14:
        t = _TOKEN.match(norm, i)
        if not t:
            break
        word = t.group(1)
        if word.startswith("(") or word.startswith(","):
            pass  # "(khóa XX)", "(UBKT)", ", khóa XX": part of the name
        elif word == "ban" and _ISSUED.match(norm, t.end()):
            break  # "của Chính phủ ban hành ...": the verb, not "Ban" of a body
        elif word.lower() == "và":
            nxt = _TOKEN.match(norm, t.end())
            if not (nxt and nxt.group(1)[:1].isupper() and end > m.end()
                    and not _KW_AT.match(norm, t.end())
                    and norm[m.end():m.end() + 2] == "Bộ"):
                break
        elif not (word[:1].isupper() or word.isdigit() or word.lower() in _ISSUER_LOWER
                  or (word in _ISSUER_SECOND and prev[:1].isupper())
                  or prev.lower() == "thứ"):  # "lần thứ sáu"
            break
        elif word.isdigit() and not _ORDINAL_BEFORE.search(norm, m.end(), t.start()):
            break
        i = t.end()
        if word.lower() not in _ISSUER_NO_END:
            end = i
        prev = word
        count += 1
    if end == m.end():
        return None
    s, e = doc.orig_span(m.end(), end)
    # a name, not a span: as written, in NFC with single spaces
    return _SPACES.sub(" ", unicodedata.normalize("NFC", doc.text[s:e])).strip() or None


# kinds that also name a programme or a scheme by a number ("Chương trình 135 của Chính phủ",
# "Đề án 06 của Chính phủ"): only a date after the number makes it a citation
_NAMED_BY_NUMBER = frozenset({"chuong_trinh", "de_an"})


def _framed(doc: Document, pos: int, kind: str) -> bool:
    """Whether a citation's frame follows a bare number at ``pos``: its date (``ngày 29/10/2012``)
    or, for kinds that do not name programmes by a number, its issuer (``của Ban Tổ chức TW``)."""
    if _date_after(doc, pos)[0] is not None:
        return True
    return kind not in _NAMED_BY_NUMBER and _issuer_after(doc, pos) is not None


def _is_self_number(doc: Document, m: re.Match[str]) -> bool:
    """``Số 2165-KL/TU`` (capital S, no kind word) near the top: the document's own number."""
    if m.group("kw") or m.start() > HEADER_ZONE:
        return False
    so = m.group("so2") if "so2" in m.groupdict() else None
    return bool(so and so[:1] == "S")


def _make(doc: Document, m: re.Match[str], rule: str, style: str | None) -> Reference | None:
    kw = m.group("kw")
    if style is not None:
        num, sym = m.group("num"), _SPACES.sub("", m.group("sym"))
        sym = _strip_footnote(sym, style)
        year = int(m.group("year")) if style == "state" and m.group("year") else None
        from_sym = kind_of_symbol(sym, style)
        kind = kind_of_word(kw) if kw else None
        if kind in (None, GENERIC):
            kind = from_sym
        elif kind == "quyet_dinh" and from_sym == "quy_dinh":
            kind = "quy_dinh"
        if kind is None:
            if not (kw or m.group("so") or m.groupdict().get("so2")):
                return None
            kind = "other"
        if _is_self_number(doc, m):
            return None
        if m.groupdict().get("nohyphen") and not (kw or m.group("so") or m.group("so2")):
            return None  # "84 QĐ/TWĐTN" cites only after a kind word or "số"
        # the footnote digit is not part of the citation's words
        code_end = m.end() - (len(_SPACES.sub("", m.group("sym"))) - len(sym))
    else:
        num, sym = m.group("num"), None
        year = int(m.group("year")) if m.group("year") else None
        kind = kind_of_word(kw)
        if kind is None:
            return None
        if kind == GENERIC:
            # "văn bản số 558": an office's letter cited by its number alone (rule generic_number)
            if not m.group("so"):
                return None
            kind, rule = "cong_van", "generic_number"
        if not m.group("so"):
            if not kw[:1].isupper() or m.group("gap"):
                return None
            if kind not in BARE_NUMBER_KINDS:
                # "Công văn 3676 của Ban Tổ chức TW ngày 29/10/2012": a bare number cites when
                # the document's date or issuer follows (rule kind_number_framed)
                if not _framed(doc, m.end(), kind):
                    return None
                rule = "kind_number_framed"
        if _COUNTED.match(doc.norm, m.end()):
            return None
        code_end = m.end()
    issued_on, end = _date_after(doc, code_end)
    issuer = _issuer_after(doc, end, dated=issued_on is not None)
    start = m.start("kw") if kw else m.start("num")
    s, e = doc.orig_span(start, end)
    return Reference(kind=kind, number=num, symbol=sym, year=year, issued_on=issued_on,
                     issuer=issuer, text=doc.text[s:e], start=s, end=e, rule=rule)


def _party(doc: Document, m: re.Match[str]) -> Reference | None:
    return _make(doc, m, "party_code", "party")


def _state(doc: Document, m: re.Match[str]) -> Reference | None:
    return _make(doc, m, "state_code", "state")


def _number(doc: Document, m: re.Match[str]) -> Reference | None:
    return _make(doc, m, "kind_number", None)


def _number_list(doc: Document, m: re.Match[str]) -> list[Reference] | None:
    """``các Quyết định số 834, 835``: one citation per number of a list after a kind word and
    "số", the first with the kind word, the others each their number alone."""
    kind = kind_of_word(m.group("kw"))
    if kind in (None, GENERIC) or _COUNTED.match(doc.norm, m.end()):
        return None
    spans = [(m.start("kw"), m.end("num"))]
    spans += [(n.start(), n.end()) for n in _LIST_NUMBER.finditer(doc.norm, m.end("num"), m.end())]
    out = []
    for i, (a, b) in enumerate(spans):
        issued_on, end = _date_after(doc, b) if i == len(spans) - 1 else (None, b)
        issuer = _issuer_after(doc, end, dated=issued_on is not None) if i == len(spans) - 1 else None
        s, e = doc.orig_span(a, end)
        out.append(Reference(kind=kind, number=doc.norm[a:b] if i else m.group("num"), symbol=None,
                             year=None, issued_on=issued_on, issuer=issuer, text=doc.text[s:e],
                             start=s, end=e, rule="kind_number_list"))
    return out


_LIST_NUMBER = re.compile(r"\d{1,5}[a-zđ]?")


def _shared_code_list(doc: Document, m: re.Match[str]) -> list[Reference] | None:
    """``các Nghị quyết số 18, 19-NQ/TW``: numbers listed before one Party code share its symbol,
    one citation each: the first with the kind word, the last with the code (and its date and
    issuer), those between by their number alone."""
    kw = m.group("kw")
    sym = _strip_footnote(_SPACES.sub("", m.group("sym")), "party")
    kind = kind_of_word(kw)
    from_sym = kind_of_symbol(sym, "party")
    if kind in (None, GENERIC):
        kind = from_sym
    elif kind == "quyet_dinh" and from_sym == "quy_dinh":
        kind = "quy_dinh"
    if kind is None or _is_self_number(doc, m):
        return None
    code_end = m.end() - (len(_SPACES.sub("", m.group("sym"))) - len(sym))
    spans = [(m.start("kw"), m.end("first"), m.group("first"))]
    spans += [(n.start(), n.end(), n.group(0))
              for n in _LIST_NUMBER.finditer(doc.norm, m.end("first"), m.start("num"))]
    spans.append((m.start("num"), code_end, m.group("num")))
    out = []
    for i, (a, b, num) in enumerate(spans):
        last = i == len(spans) - 1
        issued_on, end = _date_after(doc, b) if last else (None, b)
        issuer = _issuer_after(doc, end, dated=issued_on is not None) if last else None
        s, e = doc.orig_span(a, end)
        out.append(Reference(kind=kind, number=num, symbol=sym, year=None, issued_on=issued_on,
                             issuer=issuer, text=doc.text[s:e], start=s, end=e, rule="shared_code_list"))
    return out


# the separator a shared-code list puts before its last number: "18, 19-NQ/TW", "18 và 19-NQ/TW"
_LIST_LAST_SEP = re.compile(r"(?:,\s?|\s+và\s+)$")
# how far before its code such a list may begin (kind word, "số", up to eight numbers)
_SHARED_WINDOW = 120


def _shared_list_matches(doc: Document, rule: Rule, coded: list[int],
                         words: list[int]) -> Iterator[re.Match[str]]:
    """``rule.pattern.finditer(doc.norm)`` for ``shared_code_list``, tried only before a code whose
    number follows a list separator (``, `` or ``và``): the pattern starts at a kind word at most
    ``_SHARED_WINDOW`` characters before it."""
    norm, pos = doc.norm, 0
    for c in coded:
        if c < pos or c < 2:
            continue
        before = norm[c - 1]         # cheap test first: a comma or a space right before the number
        if before != "," and not (before == " " and (norm[c - 2] == "," or norm[c - 4:c - 1] == " và")):
            continue
        if not _LIST_LAST_SEP.search(norm, max(0, c - 6), c):
            continue
        lo = max(pos, c - _SHARED_WINDOW)
        for at in words[bisect.bisect_left(words, lo):bisect.bisect_left(words, c)]:
            m = rule.pattern.match(norm, at)
            if m is not None and m.start("num") == c:
                yield m
                pos = m.end()
                break


def _code_matches(doc: Document, rule: Rule, core: re.Pattern[str], coded: list[int] | None = None,
                  words: list[int] | None = None) -> Iterator[re.Match[str]]:
    """``rule.pattern.finditer(doc.norm)``, but the costly pattern only runs near a code.

    Every match holds a code (``core``, which opens with one of the numbers ``coded``), and its
    prefix (kind word, gap, "số") is at most ``_PREFIX_WINDOW`` characters long, so the leftmost
    match after ``pos`` starts in the window before the next code, at a kind word or "số"
    (``words``) or at a number: the only places where the pattern can match. ``coded`` and
    ``words`` are found here when not given.
    """
    norm, pos = doc.norm, 0
    if coded is None:
        coded = _coded_numbers(norm)
    if words is None:
        words = _word_starts().find(doc.low)
    match = rule.pattern.match
    for c in matches_at(core, norm, coded):
        if c.start() < pos:
            continue
        lo = max(pos, c.start() - _PREFIX_WINDOW)
        numbers = (n.start() for n in _NUMBER_START.finditer(norm, lo))
        m = None
        for at in heapq.merge(words[bisect.bisect_left(words, lo):], numbers):
            m = match(norm, at)
            if m is not None:
                break
        if m is None:
            return
        yield m
        pos = m.end()


def _coded_numbers(norm: str) -> list[int]:
    """The numbers a code can open with: those with a "/" at most 17 characters after their first
    digit ("12345a - ABCDEFG /"), ascending."""
    out: list[int] = []
    last = 0
    slash = norm.find("/")
    while slash >= 0:
        out.extend(m.start() for m in _NUMBER_START.finditer(norm, max(last, slash - 17), slash))
        last = slash
        slash = norm.find("/", slash + 1)
    return out


@lru_cache(maxsize=1)
def _word_starts() -> PhraseStarts:
    """Where a kind word or "số" starts, for the scan of ``low``."""
    return PhraseStarts([*_lexicon()[0], "số", "so"])


# a number's first digit (no letter, digit, "/" or "-" glued before it)
_NUMBER_START = re.compile(r"\d(?<![\w/-]\d)")


def run(doc: Document) -> None:
    found: list[Reference] = []
    taken: list[tuple[int, int]] = []
    words = _word_starts().find(doc.low)
    coded = _coded_numbers(doc.norm)
    for rule in RULES:  # code rules first: a number-only match inside a code match is dropped
        core = _CORES.get(rule.name)
        if rule.name == "shared_code_list":
            matches = _shared_list_matches(doc, rule, coded, words)
        elif core is not None:
            matches = _code_matches(doc, rule, core, coded, words)
        else:   # kind_number: a kind word opens every match
            matches = matches_at(rule.pattern, doc.norm, words)
        for m in matches:
            built = rule.build(doc, m)
            if built is None:
                continue
            refs = built if isinstance(built, list) else [built]
            if any(ref.start < e and s < ref.end for ref in refs for s, e in taken):
                continue
            found.extend(refs)
            taken.extend((ref.start, ref.end) for ref in refs)
    found.sort(key=lambda r: r.start)
    doc.facts[NAME] = found


RULES = [
    # "các Nghị quyết số 18, 19-NQ/TW": the listed numbers share the last one's code
    Rule("shared_code_list", vi(
        rf"{_KIND}(?P<so>{_SO}+)\s*(?<![\w/-])(?P<first>{_NUM})(?:\s?,\s?{_NUM}(?![\w/-])){{0,8}}"
        rf"(?:\s?,\s?|\s+và\s+)(?P<num>{_NUM})\s?-\s?"
        rf"(?-i:(?P<sym>[{_UP}][{_AL}]{{0,6}}\s?/\s?[{_UP}][^\W_]*(?:[-/][{_UP}][^\W_]*){{0,2}}))"
        rf"(?![/-]?[{_AL}0-9])"), _shared_code_list),
    Rule("party_code", vi(rf"{_STARTS}{_PREFIX_SO}(?<![\w/-]){_PARTY}(?![/-]?[{_AL}0-9])"), _party),
    Rule("state_code", vi(rf"{_STARTS}{_PREFIX_SO}(?<![\w/.-]){_STATE}(?![/-]?[{_AL}0-9])"), _state),
    # "các Quyết định số 834, 835 về ...": a list of bare numbers after a kind word and "số"
    Rule("kind_number_list", vi(
        rf"{_KIND}(?P<gap>)(?P<so>{_SO}+)\s*(?<![\w/-])(?P<num>{_NUM})"
        rf"(?:\s?,\s?{_NUM}(?![\w/-]))*(?:\s?,\s?|\s+và\s+){_NUM}{_END}(?!\s?[-/.,]\s?\d)(?!\s?-\s?\w)"),
         _number_list),
    # "Nghị quyết 39", "Thông báo số 581"; a number may carry its year without a symbol
    # ("Nghị quyết số 101/2023 của Quốc hội", "Nghị định 100/2019")
    Rule("kind_number", vi(rf"{_KIND}(?P<gap>)(?P<so>{_SO}*)\s*(?<![\w/-])(?P<num>{_NUM})"
                           rf"(?:\s?/\s?(?P<year>(?:19|20)\d\d))?{_END}(?!\s?[-/.,]\s?\d)(?!\s?-\s?\w)"),
         _number),
]
# the code alone, for the cheap scan: starts with a digit (so the scan skips ahead in C), then
# checks the character before it
_CORES = {
    "party_code": vi(rf"\d(?<![\w/-]\d)\d{{0,4}}[a-zđ]?{_PARTY_TAIL}(?![/-]?[{_AL}0-9])"),
    "state_code": vi(rf"\d(?<![\w/.-]\d)\d{{0,4}}[a-zđ]?{_STATE_TAIL}(?![/-]?[{_AL}0-9])"),
}
