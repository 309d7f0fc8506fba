"""People: every named official, once, with every title the text gives them and every mention."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from chidao.extract.document import Document
from chidao.extract.rules import Rule
from chidao.extract.anchors import matches_at
from chidao.extract.scan import PhraseStarts
from chidao.lexicon import trie_regex
from chidao.lexicon.bodies import body_surfaces, canonical_body
from chidao.lexicon.names import LOWER, UPPER, places, surnames, title_head_regex, title_heads
from chidao.model import Mention, Person

NAME = "people"
REQUIRES: tuple[str, ...] = ()

# --------------------------------------------------------------------------- vocabulary

# a syllable of a personal name: "Nguyễn", "Y", "H'Yim", "Kđăm"
SYL = rf"[{UPPER}][{LOWER}]*(?:'[{UPPER}]?[{LOWER}]+)?"
_SYL_RE = re.compile(rf"(?<![\w']){SYL}(?![\w'])")
_SYL_RUN = re.compile(rf"(?<![\w']){SYL}(?![\w'])(?:[ ]{SYL}(?![\w']))*")
_HEAD = title_head_regex()
_HEAD_AT = re.compile(rf"(?i:(?:nguyên|quyền)\s+)?(?i:{_HEAD})(?!\w)")
# the first two letters (lower case) of what ``_HEAD_AT`` matches
_HEAD_OPENINGS = frozenset({"ng", "qu"} | {h.lower()[:2] for h, _full in title_heads()})
# words that end a title: the verb of the sentence, or a word that starts another phrase
_STOP_WORDS = (
    "chủ trì", "phát biểu", "cho biết", "nhấn mạnh", "đề nghị", "yêu cầu", "trình bày", "thay mặt",
    "báo cáo", "kết luận", "khẳng định", "chỉ đạo", "đánh giá", "nêu", "lưu ý", "biểu dương",
    "trao", "tặng", "đã", "đang", "sẽ", "vừa", "cùng", "cũng", "tham dự", "đến", "tới", "làm việc",
    "tiếp", "nói", "ghi nhận", "điểm lại", "chỉ ra", "chúc mừng", "thông qua", "nghe", "được",
    "là", "có", "cho", "tại", "trong", "về", "khi", "với", "để", "nhằm", "thì", "mà", "nhưng",
    "do", "bởi", "theo", "từ", "sau", "trước", "đối với", "qua", "gửi", "ký",
    "khai mạc", "bế mạc", "quán triệt", "giới thiệu", "công bố", "trả lời", "giải trình",
    "tiếp thu", "phân tích", "thăm", "đón", "động viên", "chủ động", "nhắc", "chia sẻ", "bày tỏ",
    "mong", "đồng tình", "nhất trí", "thống nhất", "cảm ơn", "gợi ý", "đặt", "giao", "phê bình",
    "định hướng", "hướng dẫn", "người", "những", "một", "này", "đó", "giữ", "nhận", "thôi",
    "điều động", "bổ nhiệm", "làm", "tái", "trúng", "đắc cử", "nghỉ", "chuyển", "sinh", "của",
    "đồng chí", "ông", "bà", "sáng", "chiều", "tối", "hôm", "ngày", "lúc", "vào", "đi",
    "kiểm điểm", "chủ tọa", "điều hành", "tuyên bố", "đọc", "phổ biến", "truyền đạt", "quán",
    "trực tiếp", "đánh", "ghi", "như", "vẫn", "luôn", "rất", "còn", "chưa", "không", "đều", "lên",
    "xuống", "ra", "thực hiện", "đồng chủ trì", "triển khai", "đồng thời",
)
_STOP = re.compile(
    rf"(?:{trie_regex(_STOP_WORDS, fold_case=False)}|dự(?!\s+khuyết)|(?<!khối\s)(?<!Khối\s)các"
    # "phụ trách" ends a title unless a body follows ("Phó Trưởng đoàn phụ trách Đoàn ĐBQH tỉnh")
    rf"|phụ\s+trách(?!\s+[{UPPER}])"
    r"|tổ\s+chức\s+(?:hội|buổi|phiên|cuộc))(?!\w)"
)
_HONORIFIC_WORDS = (
    r"đồng\s+chí", r"đ/c", r"ông", r"bà",
    *(rf"{rank}\s+{grade}" for rank in ("đại", "thượng", "trung", "thiếu") for grade in ("tá", "tướng")),
    r"tiến\s+sĩ", r"ts\.", r"pgs\.?\s*,?\s*ts\.?", r"gs\.?\s*,?\s*ts\.?", r"ths\.",
    r"nhà\s+giáo\s+nhân\s+dân",
)
_HONORIFIC = "(?i:" + "|".join(_HONORIFIC_WORDS) + ")"
_HONORIFIC_RE = re.compile(rf"{_HONORIFIC}\s*:?\s+")
_ADDRESS = re.compile(r"(?:đồng\s+chí|đ/c|ông|bà)\s*:?")     # how one addresses an official
# words that are never part of a personal name (a run holding one is a body, a place, a title)
_NOT_NAME = frozenset(
    "Tỉnh Ủy Đảng Ban Sở Phó Bí Huyện Xã Phường Bộ Quận Ương Các Những Ông Bà Ảnh Nguồn Theo Tại "
    "Trong Tháng Kế Kết Chỉ Thủ Tổng Chủ Trưởng Giám Thiếu Nhà "
    "Mặt Khu Cụm Cảng Sông Núi Phố Tổ Phòng Bệnh Khối Thường UBND HĐND".split()
)
# words that open a document's or a programme's name ("Nghị quyết", "Chương trình", "Thông báo")
# but end many given names ("Nguyễn Thanh Nghị", "Lê Văn Chương", "Trần Văn Thông")
_NOT_FIRST = _NOT_NAME | {"Đại", "Hội", "Văn", "Ngày", "Sáng", "Chiều", "Tối", "Trưa", "Hôm",
                          "Nghị", "Chương", "Thông"}
# a level of government before a place name: two capitalised words after it are the place
# ("Huyện ủy Lâm Hà") unless it is the province's, whose names are all known places, so that
# two words there that are no place are a name ("Chủ tịch UBND tỉnh Nguyễn Bốn")
_LEVEL = re.compile(r"(?:tỉnh|ủy|huyện|xã|phố|quận|phường|thị\s+xã|thị\s+trấn)$")
_PROVINCE_LEVEL = re.compile(r"(?<!\w)(?i:tỉnh(?:\s+ủy)?)$")
# the words of a credit (matched over ``low``): "Ảnh:", "Bài và ảnh:", "Theo", "Nguồn:" ...
_BYLINE = re.compile(r"(?:ảnh|bài(?:\s*(?:,|và)\s*ảnh)?|tin(?:\s*(?:,|và)\s*ảnh)?|theo|nguồn|video|clip"
                     r"|nhóm\s+pv|pv|btv|ctv|tác\s+giả|thực\s+hiện)\s*:?\s*$")
_TOKEN = re.compile(r"[\w']+")
_LIST_START = re.compile(r"(?:^|[;:\n(])\s*$")
_VA = re.compile(r"và(?!\w)")
_KHOA_BEFORE = re.compile(r"(?i:khóa|khoá)\s*$")
# a number that ends a title after the word it numbers: a term, a numbered team or ward, or the
# document a steering committee is named for ("Trưởng đoàn Kiểm tra số 2", "Trưởng Ban Chỉ đạo
# tổng kết Nghị quyết 26", "Bí thư Đảng ủy Phường 5"); a document's number takes its symbol along
_NUMBERED_BEFORE = re.compile(
    r"(?<!\w)(?i:số|quận|phường|nghị\s+quyết|chỉ\s+thị|kết\s+luận|quyết\s+định|quy\s+định"
    r"|chương\s+trình|đề\s+án)\s*$")
_TITLE_NUMBER = re.compile(r"\d+(?:/\d{4})?(?:[-/][A-ZĐƯ][A-ZĐƯa-zđư&]*)*(?!\w)")
# "của" ends a title, except before the Party or a central body a national post belongs to:
# "Trưởng Tiểu ban Nhân sự Đại hội XIV của Đảng", "Phó Trưởng ban Tổ chức Trung ương của Đảng"
_OF_CENTRAL = re.compile(r"của[ ]+(?:Đảng(?![ ]+(?:bộ|ủy|viên))|Bộ[ ]+Chính[ ]+trị|Ban[ ]+Bí[ ]+thư|Quốc[ ]+hội)(?!\w)")
_CHAIN_SEP = re.compile(r"[ ]*(?:\([^()\n]{1,40}\)[ ]*(?=[,:-]))?(?:,|-|\(|:)[ ]*(?:tân[ ]+)?")
_CHAIN_NEXT = re.compile(r"[ ]*(?:,|;|-)[ ]*|[ ]+(?:và|kiêm)[ ]+")
_LIST_SEP_END = re.compile(r"(?:[ ]*[,;][ ]*|[ ]+-[ ]+)$")
_SPACES = re.compile(r"\s+")
_FORMER_BEFORE = re.compile(r"(?<!\w)(?:nguyên|quyền)[ ]+$")
_PLURAL_BEFORE = re.compile(r"(?<!\w)các[ ]+$")
_COLON_AFTER = re.compile(r"[ ]*:[ ]*")
_NAME_JOIN = re.compile(r"[ ]*,[ ]*|[ ]+và[ ]+")
# what a profile puts between a name and its titles: birth, people, home, age
_ASIDE = re.compile(
    rf"[ ]*,[ ]*(?:sinh[ ](?:năm|ngày)[ ][\d/.-]+|dân[ ]tộc[ ][{UPPER}][{LOWER}']*(?:[ ][{UPPER}][{LOWER}']*)?"
    rf"|quê(?:[ ]quán)?[ ](?:ở[ ])?[^,;.:\n]{{1,40}}|\d{{2}}[ ]tuổi)(?=[ ]*,)")
# the one title written in lower case before a name: "đại biểu Nguyễn Lân Hiếu (đoàn Bình Định)"
_DELEGATE = re.compile(r"đại biểu(?!\w)")
_CREDIT_WORDS = frozenset({"Ảnh", "Nguồn", "Theo", "Video", "Clip", "Tin", "Bài"})
_ABBR_IN_PARENS = re.compile(rf"\([{UPPER}&]{{2,8}}\)")
_ETHNIC_FIRST = frozenset({"Y", "H'", "Ksor", "Rơ", "Siu", "Nay", "Rah", "Kpă", "A"})
# "phòng, chống": a fixed pair whose comma does not end a title ("Trưởng Ban Chỉ đạo phòng, chống
# tham nhũng, tiêu cực tỉnh", "Trưởng BCĐ phòng, chống dịch Covid-19 tỉnh")
_CHONG_AFTER_COMMA = re.compile(r",[ ]*(?i:chống)(?!\w)")
_LOWER_AFTER_COMMA = re.compile(rf",[ ]*(?=[{LOWER}])")
# a title given for someone else's office: "thừa lệnh Chủ tịch UBND tỉnh, Phó Chánh Văn phòng ... A"
# (the signer holds the title after it, not the one he signs for)
_ON_BEHALF_BEFORE = re.compile(r"(?<!\w)(?:thừa[ ]+lệnh|thay[ ]+mặt|thừa[ ]+ủy[ ]+quyền|ủy[ ]+quyền)[ ]*$")


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
    q = pos
    while q < len(norm) and norm[q] == " ":
        q += 1
    run = _SYL_RUN.match(norm, q)
    if run is None:
        return []
    out: list[tuple[int, int]] = []
    for word in run.group(0).split(" "):
        # a title head that is not a name (``Chủ tịch``, not ``Giang``)
        h = _HEAD_AT.match(norm, q) if _may_start_head(norm, q) else None
        if h and (" " in h.group(0) or h.group(0).isupper()):
            break
        out.append((q, q + len(word)))
        q += len(word) + 1
    return out


def _may_start_head(norm: str, q: int) -> bool:
    """False where ``_HEAD_AT`` cannot match: its first two letters begin no title head."""
    two = norm[q:q + 2].lower()
    return len(two) != 2 or two in _HEAD_OPENINGS


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
    if i >= len(words) or words[i] not in _place_firsts():
        return 0
    pl = places()
    for k in (4, 3, 2, 1):
        if i + k <= len(words) and " ".join(words[i:i + k]) in pl:
            return k
    return 0


@lru_cache(maxsize=1)
def _place_firsts() -> frozenset[str]:
    return frozenset(p.split(" ")[0] for p in places())


def _max_len(words: list[str]) -> int:
    return 5 if words and (words[0] in _ETHNIC_FIRST or words[0].startswith("H'")) else 4


def _may_open_name_or_place(norm: str, q: int) -> bool:
    """Whether the syllable at ``q`` is a surname or the first word of a place (what a run of
    name syllables there must open with to be read in a title)."""
    m = _SYL_RE.match(norm, q)
    if m is None:
        return False
    w = m.group(0)
    return w in surnames() or (w.startswith("H'") and len(w) > 2) or w in _place_firsts()


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


_Title = tuple[int, int, "tuple[int, int] | None"]


def _memo(doc: Document) -> dict[int, _Title | None]:
    """The titles parsed so far in ``doc``, by start (the rules parse many twice)."""
    memo = doc.__dict__.get("_people_titles")
    if memo is None:
        memo = doc.__dict__["_people_titles"] = {}
    return memo


def _parse_title(norm: str, pos: int, memo: dict[int, _Title | None] | None = None) -> _Title | None:
    """A title starting at ``pos``: (start, end, span of a name that follows inside it or None)."""
    if memo is None:
        return _parse_title_at(norm, pos)
    if pos not in memo:
        memo[pos] = _parse_title_at(norm, pos)
    return memo[pos]


def _parse_title_at(norm: str, pos: int) -> _Title | None:
    m = _HEAD_AT.match(norm, pos)
    if not m:
        return None
    end = m.end()
    p = m.end()
    count = 0
    # a head's last word may open a known body's name ("Trưởng Ban" + "Ban Chỉ đạo Nhà nước các
    # công trình, dự án ..."): that name is read whole too (rule body_in_title); ``openings``: the
    # first two letters of such names, where the names' pattern (``bodies``) is worth trying
    openings, bodies = _unbroken_bodies()
    against = False                  # past "phòng, chống": its objects may follow, comma-separated
    if norm[m.end() - 1] in "nN" and norm[m.end() - 3:m.end()].lower() == "ban" \
            and (body := bodies.match(norm, m.end() - 3)) is not None:
        p = end = body.end()
    while count < 18:
        q = p
        while q < len(norm) and norm[q] == " ":
            q += 1
        if q == p and p != m.end() and q < len(norm) and norm[q] not in "-&":
            if norm[q] == "," and _comma_in_title(norm, q, against):   # rule comma_pair_in_title
                against = True
                p = q + 1
                count += 1
                continue
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
        if ch == "(":  # a body's abbreviation after its name: "Ủy ban nhân dân (UBND) tỉnh"
            abbr = _ABBR_IN_PARENS.match(norm, q)
            if abbr is None:
                break
            p = end = abbr.end()
            count += 1
            continue
        if ch == "-" and _dash_joins_body(norm, q):  # "Ban Kinh tế - Ngân sách", "Tuyên giáo - Dân vận"
            p = q + 1
            count += 1
            continue
        if not (ch.isalpha() or ch.isdigit()):
            break
        if ch.isdigit():
            if _KHOA_BEFORE.search(norm[max(0, q - 8):q]):
                pass
            elif _NUMBERED_BEFORE.search(norm[max(0, q - 16):q]) and (num := _TITLE_NUMBER.match(norm, q)):
                p = end = num.end()
                count += 1
                continue
            else:
                break
        if ch == "c" and (of := _OF_CENTRAL.match(norm, q)) is not None:
            p = end = of.end()
            count += 1
            continue
        if ch.islower() and _STOP.match(norm, q):
            break
        if ch == "v" and _VA.match(norm, q):
            after = q + 2
            while after < len(norm) and norm[after] == " ":
                after += 1
            if after >= len(norm) or not norm[after].isupper() or _HEAD_AT.match(norm, after):
                break
            nxt = _syllables_after(norm, after)
            if len(nxt) >= 2 and _is_surname_at(_words(norm, nxt), 0):
                break
        if ch.isupper():
            if norm[q:q + 2] in openings and (body := bodies.match(norm, q)) is not None:
                p = end = body.end()  # a known body's name whole (rule body_in_title)
                count += 1
                continue
            prev = norm[m.start():q].rstrip()
            local = _LEVEL.search(prev) is not None and _PROVINCE_LEVEL.search(prev) is None
            run = _syllables_after(norm, q) if local or _may_open_name_or_place(norm, q) else None
            if run:
                words = _words(norm, run)
                k = _place_len(words, 0) or _unknown_local_place(words, local)
                if k:
                    p = end = run[k - 1][1]
                    count += k
                    continue
                if _is_surname_at(words, 0) and _plausible(words):
                    if len(words) >= 3 or not local:
                        return m.start(), end, (run[0][0], run[-1][1])
        tok = _TOKEN.match(norm, q)
        if not tok:
            break
        p = end = tok.end()
        count += 1
    if count >= 18:
        return None
    return m.start(), end, None


def _comma_in_title(norm: str, q: int, against: bool) -> bool:
    """Whether the comma at ``q`` stays inside a title: the pair "phòng, chống" (prevent and
    combat), and after it the list of what is fought, in lower case ("Trưởng Ban Chỉ đạo phòng,
    chống tham nhũng, lãng phí, tiêu cực tỉnh"), up to a word that ends titles or opens another."""
    if _CHONG_AFTER_COMMA.match(norm, q):
        return norm[max(0, q - 5):q].lower() == "phòng"
    if not against:
        return False
    nxt = _LOWER_AFTER_COMMA.match(norm, q)
    return nxt is not None and not _STOP.match(norm, nxt.end()) and not _HEAD_AT.match(norm, nxt.end())


def _dash_joins_body(norm: str, q: int) -> bool:
    """Whether the spaced dash at ``q`` joins two halves of a body's name inside a title (``Ban
    Tuyên giáo - Dân vận``, ``Sở Lao động - Thương binh và Xã hội``) rather than ending the title
    before another title or a name (``Bí thư Tỉnh ủy - Trưởng đoàn``, ``Giám đốc Sở - Lê Văn A``)."""
    if q == 0 or norm[q - 1] != " ":
        return False
    r = q + 1
    while r < len(norm) and norm[r] == " ":
        r += 1
    if r == q + 1 or r >= len(norm) or not norm[r].isupper() or _starts_title(norm, r):
        return False
    words = _words(norm, _syllables_after(norm, r))
    if not words or words[0] in _CREDIT_WORDS or _place_len(words, 0):
        return False
    return not (_is_surname_at(words, 0) and _plausible(words))


@lru_cache(maxsize=1)
def _unbroken_bodies() -> tuple[frozenset[str], re.Pattern[str]]:
    """(first two letters, pattern) of the known bodies whose names hold what would end a title: a
    comma, a dash, ``&`` or a word of ``_STOP`` (``Bộ Lao động, Thương binh và Xã hội``, ``Bộ VH -
    TT&DL``, ``Bộ Ngoại giao``, ``Đài Tiếng nói Việt Nam``). Names that open in lower case
    (``sở, ban, ngành``) are left out: a title names a body with a capital. The pattern is tried
    only where a word opens with such a name's first two letters."""
    forms = []
    for f in body_surfaces():
        if not f[:1].isupper():
            continue
        if any(c in f for c in ",-&") or any(
                w[:1].islower() and _STOP.match(f, i) for i, w in _word_offsets(f)):
            forms.append(f)
    openings = frozenset(o for f in forms for o in (f[:2], f[:2].upper()))
    return openings, re.compile(rf"(?:{trie_regex(forms, loose=',-&')})(?![\w&])", re.IGNORECASE)


def _word_offsets(text: str) -> Iterator[tuple[int, str]]:
    at = 0
    for w in text.split(" "):
        yield at, w
        at += len(w) + 1


def _unknown_local_place(words: list[str], local: bool) -> int:
    """After a district's, a commune's or a party committee's word (``huyện``, ``xã``, ``ủy``),
    the two words of a place the lexicon does not know, when a name follows them: ``huyện Tri
    Tôn Phan Văn Sương`` (a place of one word there is rare; the name opens with a surname)."""
    if local and len(words) >= 4 and _is_surname_at(words, 2) and _plausible(words[2:]):
        return 2
    return 0


def _title_chain(norm: str, pos: int, memo: dict[int, _Title | None] | None = None,
                 in_titled_list: bool | Callable[[], bool] = False) -> list[tuple[int, int]]:
    """Titles after a name: ``, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy`` (``-`` ``(`` ``:`` too).

    In a list that gives each title before its name (``in_titled_list``: the name itself came
    after a title), titles after a comma that run into another name are that name's: ``Bộ
    trưởng Bộ GTVT A, Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ B`` gives A none of B's."""
    sep = _CHAIN_SEP.match(norm, pos)
    if not sep:
        return []
    out: list[tuple[int, int]] = []
    first_after_comma = 0 if "," in sep.group(0) or ";" in sep.group(0) else None
    p = sep.end()
    while True:
        t = _parse_title(norm, p, memo)
        if not t:
            break
        out.append((t[0], t[1]))
        if t[2] is not None:
            if first_after_comma is not None and (
                    in_titled_list if isinstance(in_titled_list, bool) else in_titled_list()):
                del out[first_after_comma:]
            break
        nxt = _CHAIN_NEXT.match(norm, t[1])
        if not nxt or not _HEAD_AT.match(norm, nxt.end()):
            break
        if first_after_comma is None and ("," in nxt.group(0) or ";" in nxt.group(0)):
            first_after_comma = len(out)
        p = nxt.end()
    return out


def _after_title(doc: Document, name: tuple[int, int]) -> bool:
    """Whether a title just before ``name`` names it (``Bộ trưởng Bộ Xây dựng`` + name)."""
    heads = doc.__dict__.get("_people_heads") or []
    memo = _memo(doc)
    i = bisect_left(heads, name[0])
    while i > 0 and heads[i - 1] >= name[0] - 160:
        i -= 1
        t = _parse_title(doc.norm, heads[i], memo)
        if t is not None and t[2] == name:
            return True
    return False


def _titles_before(norm: str, start: int, memo: dict[int, _Title | None] | None = None,
                   doc: Document | None = None) -> list[tuple[int, int]]:
    """``Ủy viên Trung ương Đảng, `` before a title at ``start``: titles listed before a name.
    With ``doc``, a piece may open with other words (``Tham dự có nguyên Ủy viên Bộ Chính trị,``)."""
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
        t = _parse_title(norm, piece_start, memo)
        if (not t or t[1] != piece_end) and doc is not None:
            t = _title_ending_at(doc, piece_start, piece_end)
            if t is not None:
                out.insert(0, (_former_start(doc.low, t[0]), t[1]))
                break                 # the piece opened with other words: the list starts here
        if not t or t[1] != piece_end or t[2] is not None:
            break
        out.insert(0, (t[0], t[1]))
        end = piece_start
    return out


def _title_ending_at(doc: Document, lo: int, hi: int) -> _Title | None:
    """The first title starting inside ``lo``..``hi`` that ends exactly at ``hi`` with no name,
    after a word in lower case (``có``, ``dự``; not a name: ``Trần Hồng Hà-Phó Trưởng ban``)."""
    heads = doc.__dict__.get("_people_heads") or []
    memo, norm = _memo(doc), doc.norm
    for i in range(bisect_left(heads, lo + 1), bisect_left(heads, hi)):
        t = _parse_title(norm, heads[i], memo)
        if t is None or t[1] != hi or t[2] is not None or not norm[heads[i]].isupper():
            continue
        k = _former_start(doc.low, t[0])
        if k == 0 or norm[k - 1] != " ":
            return None
        if _ON_BEHALF_BEFORE.search(doc.low, max(0, k - 24), k):
            return None              # "thừa lệnh Chủ tịch ...": another's office (rule on_behalf_of)
        while k > 0 and norm[k - 1] == " ":
            k -= 1
        return t if k > 0 and norm[k - 1].islower() else None
    return None


# --------------------------------------------------------------------------- rule builders


def _is_byline(doc: Document, start: int) -> bool:
    """Whether the words just before ``start`` on its line credit a photo or an article."""
    low = doc.low
    line_start = low.rfind("\n", max(0, start - 40), start) + 1
    return _BYLINE.search(low, max(line_start, start - 40), start) is not None


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
    # a credit may name its author with a rank or a degree ("Bài và ảnh: Thiếu tá ..."), never
    # as "đồng chí", "ông", "bà": after "Ảnh:" or "Theo" those name who is shown or quoted
    if not _ADDRESS.fullmatch(word) and _is_byline(doc, m.start()):
        return None
    name = (run[0][0], run[-1][1])
    titles = _title_chain(norm, name[1], _memo(doc))
    if not titles:                   # "đồng chí Đỗ Xuân Nam bí thư huyện ủy, ..."
        titles = _title_right_after(doc, name[1])
    if not titles:                   # "Đồng chí A, sinh năm 1968, dân tộc Dao, Ủy viên ..."
        after = name[1]
        while (aside := _ASIDE.match(norm, after)) is not None:
            after = aside.end()
        if after > name[1]:
            titles = _title_chain(norm, after, _memo(doc))
    return _Seen(name, tuple(titles), "honorific_name")


def _title_right_after(doc: Document, pos: int) -> list[tuple[int, int]]:
    """After an addressed name, a title with no comma between (``đồng chí Đỗ Xuân Nam bí thư huyện
    ủy``, in any case), then the titles chained to it (rule title_after_name_unseparated). The head
    must be of two words or an abbreviation in capitals: one word after a name is rarely a title."""
    norm = doc.norm
    if not norm.startswith(" ", pos):
        return []
    q = pos + 1
    if not _may_start_head(norm, q):
        return []
    h = _HEAD_AT.match(norm, q)
    if h is None or not (" " in h.group(0) or h.group(0).isupper()):
        return []
    memo = _memo(doc)
    t = _parse_title(norm, q, memo)
    if t is None or t[2] is not None:
        return []
    return [(t[0], t[1]), *_title_chain(norm, t[1], memo)]


def _before_title(doc: Document, m: re.Match[str]) -> _Seen | None:
    norm = doc.norm
    run = _syllables_before(norm, m.start("sep"))
    if not run:
        return None
    words = _words(norm, run)
    i = _name_at_end(words, need_surname=True)
    if i != 0:
        # where a list item or a line starts, the whole run is the name, even when its first
        # word is no known surname ("; Ngọc Kim Nam - Trưởng ban", not "Kim Nam") unless it
        # opens with a place (rule list_item_name)
        before = norm[max(0, run[0][0] - 3):run[0][0]]
        if (_LIST_START.search(before) or run[0][0] == 0) and _plausible(words) \
                and not _place_len(words, 0):
            i = 0
    if i is None:
        return None
    name = (run[i][0], run[-1][1])
    if _is_byline(doc, name[0]):
        return None
    titles = _title_chain(norm, name[1], _memo(doc), lambda: _after_title(doc, name))
    if not titles:
        return None
    return _Seen(name, tuple(titles), "name_then_title")


def _title_then_name(doc: Document, m: re.Match[str]) -> list[_Seen] | None:
    norm = doc.norm
    lower_delegate = not norm[m.start()].isupper() and _DELEGATE.match(doc.low, m.start()) is not None
    if not norm[m.start()].isupper() and not lower_delegate:
        return None
    memo = _memo(doc)
    t = _parse_title(norm, m.start(), memo)
    if t is not None and t[2] is None and not lower_delegate:
        return _plural_title_colon_names(doc, t)
    if not t or t[2] is None:
        return None
    if lower_delegate and norm[t[0]:t[2][0]].strip().lower() not in ("đại biểu", "đại biểu quốc hội"):
        return None                  # "đại biểu" in lower case only right before the name
    name = t[2]
    # no byline test: a credit gives a bare name, so a title right after "Ảnh:" or "Theo" names
    # the official the photo shows or the text quotes ("Ảnh: Bí thư Tỉnh ủy ... phát biểu")
    title_end = t[1]
    while title_end > t[0] and norm[title_end - 1] == " ":
        title_end -= 1
    start = _former_start(doc.low, t[0])
    titles = _titles_before(norm, start, memo, doc) + [(start, title_end)]
    shared = _plural_title_before(doc, titles[0][0])
    if shared is not None:           # "các Ủy viên Bộ Chính trị: Phó Thủ tướng A, ..."
        titles.insert(0, shared)
    seen = [_Seen(name, tuple(titles), "title_then_name")]
    if _is_plural(doc.low, titles[0][0]):   # "Các Phó Chủ tịch HĐND tỉnh A và B"
        seen += [_Seen(other, tuple(titles), "title_then_name") for other in _names_joined(norm, name[1])]
    return seen


def _plural_title_colon_names(doc: Document, t: _Title) -> list[_Seen] | None:
    """A plural title, a colon, then bare names: each name holds that title (``các Phó Chủ tịch
    UBND tỉnh: Võ Phiên, Trần Phước Hiền``). Titled items after the colon (``các Ủy viên Bộ
    Chính trị: Phó Thủ tướng A``) are left to ``_plural_title_before``."""
    norm = doc.norm
    colon = _COLON_AFTER.match(norm, t[1])
    if colon is None or not _is_plural(doc.low, t[0]):
        return None
    run = _syllables_after(norm, colon.end())
    words = _words(norm, run)
    if not run or not _is_surname_at(words, 0) or not _plausible(words):
        return None
    first = (run[0][0], run[-1][1])
    title = (t[0], len(norm[:t[1]].rstrip()))
    return [_Seen(name, (title,), "title_then_name") for name in [first, *_names_joined(norm, first[1])]]


def _former_start(low: str, start: int) -> int:
    """``start`` moved back over ``nguyên`` (former) or ``quyền`` (acting) before a title: the
    contract has no field for them, so they stay in the title (``nguyên Thủ tướng Chính phủ``)."""
    m = _FORMER_BEFORE.search(low, max(0, start - 12), start)
    return m.start() if m else start


def _is_plural(low: str, start: int) -> bool:
    """Whether ``các`` (the plural) comes right before the title at ``start``."""
    return _PLURAL_BEFORE.search(low, max(0, start - 8), start) is not None


def _names_joined(norm: str, end: int) -> list[tuple[int, int]]:
    """The names joined by ``,`` or ``và`` to a name ending at ``end`` (each opening with a surname)."""
    out = []
    while (j := _NAME_JOIN.match(norm, end)) is not None:
        run = _syllables_after(norm, j.end())
        words = _words(norm, run)
        if not run or not _is_surname_at(words, 0) or not _plausible(words):
            break
        out.append((run[0][0], run[-1][1]))
        end = run[-1][1]
    return out


def _plural_title_before(doc: Document, start: int) -> tuple[int, int] | None:
    """The title a plural heading gives every item of the list that the title at ``start``
    belongs to: ``các Ủy viên Bộ Chính trị: Phó Thủ tướng A, Chủ tịch ... B``."""
    norm, low = doc.norm, doc.low
    colon = norm.rfind(":", max(0, start - 300), start)
    if colon < 0 or any(c in norm[colon:start] for c in ".\n"):
        return None
    cac = low.rfind("các ", max(0, colon - 120), colon)
    if cac < 0 or (cac > 0 and low[cac - 1].isalnum()):
        return None
    ts = cac + 4
    while ts < colon and norm[ts] == " ":
        ts += 1
    t = _parse_title(norm, ts, _memo(doc))
    if t is None or t[2] is not None or norm[t[1]:colon].strip():
        return None
    return ts, len(norm[:t[1]].rstrip())


@lru_cache(maxsize=1)
def _head_lines() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each title head, longest first, with a pattern for a line that opens with it."""
    return tuple((h, re.compile(r"\s+".join(re.escape(w) for w in h.split(" ")) + r"(?:\s+.*)?", re.I))
                 for h, _full in title_heads())


def _signature(doc: Document, m: re.Match[str]) -> _Seen | None:
    title_line = m.group("title").strip()
    name_line = m.group("name").strip()
    if not title_line.isupper():
        return None
    head = next((h for h, line_pattern in _head_lines() if line_pattern.fullmatch(title_line)), None)
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


def _clean(text: str) -> str:
    """NFC, one space between words, none at the ends."""
    return " ".join(unicodedata.normalize("NFC", text).split())


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


@lru_cache(maxsize=4096)
def _norm_title_key(norm_title: str) -> str:
    """``_title_key`` of a title as ``norm`` has it."""
    return _title_key(_clean(norm_title))


def _assemble(doc: Document, seen: list[_Seen]) -> list[Person]:
    norm, text = doc.norm, doc.text
    to_orig = doc.nt.to_original
    groups: dict[str, dict] = {}
    for s in seen:
        key = _SPACES.sub(" ", s.name_text or norm[s.name[0]:s.name[1]])
        g = groups.get(key)
        if g is None:
            g = groups[key] = {"rule": s.rule, "titles": {}, "spans": set(), "name": None}
        g["spans"].add(s.name)
        if g["name"] is None:
            g["name"] = s.name_text or _clean(text[slice(*to_orig(*s.name))])
        titles = g["titles"]
        for i, (ts, te) in enumerate(s.titles):
            title = s.title_texts[i] if i < len(s.title_texts) else _clean(text[slice(*to_orig(ts, te))])
            title = title.strip(" ,;-")
            if not title:
                continue
            tkey = _title_key(title) if s.title_texts else _norm_title_key(norm[ts:te])
            if tkey not in titles or titles[tkey][0] > ts:
                titles[tkey] = (ts, te, title)
    people = []
    for key, g in groups.items():
        spans = g["spans"]
        for m in _mention_pattern(key).finditer(norm):
            spans.add(m.span())
        mentions = tuple(Mention(*to_orig(s, e)) for s, e in sorted(spans))
        spans_t = sorted(g["titles"].values())
        # a title head inside a longer title of the same person is part of it, not another
        # title ("ĐBQH tỉnh" in "Phó Trưởng đoàn Đoàn ĐBQH tỉnh")
        titles = tuple(t for ts, te, t in spans_t
                       if not any(os <= ts and te <= oe and (os, oe) != (ts, te) for os, oe, _o in spans_t))
        people.append((min(spans)[0], Person(g["name"], titles, mentions, g["rule"])))
    people.sort(key=lambda x: x[0])
    return [p for _pos, p in people]


def _starts(low: str) -> tuple[list[int], list[int]]:
    """Where a title head, and where an honorific, may start (word starts, overlapping ones too):
    one scan of ``low`` for both, which the regex engine skips through in C."""
    heads: list[int] = []
    honorifics: list[int] = []
    head_at, honorific_at = _HEAD_LOW.match, _HONORIFIC_LOW.match
    for at in _START.find(low):
        first = low[at]
        if first not in _HONORIFIC_FIRSTS or (first in _HEAD_FIRSTS and head_at(low, at)):
            heads.append(at)
        if first not in _HEAD_FIRSTS or honorific_at(low, at):
            honorifics.append(at)
    return heads, honorifics


# a line that opens (after layout marks) with two capitals, or a capital and ``/`` ``.``
_CAPITALS_LINE = re.compile(rf"\n[ \t*_#]*[{UPPER}][{UPPER} /.]")


def _separators(norm: str, heads: list[int]) -> list[int]:
    """The ``,`` ``-`` ``(`` ``:`` that a title head follows, with spaces or ``nguyên``/``quyền``
    between (where ``name_then_title`` can end its name)."""
    out = []
    for h in heads:
        k = h
        while k > 0 and norm[k - 1] == " ":
            k -= 1
        if k > 0 and norm[k - 1] in ",-(:":
            out.append(k - 1)
        k = h
        while k > 0 and norm[k - 1].isspace():
            k -= 1
        if k < h:
            for word in ("nguyên", "quyền"):
                if norm[max(0, k - len(word)):k].lower() == word:
                    j = k - len(word)
                    while j > 0 and norm[j - 1] == " ":
                        j -= 1
                    if j > 0 and norm[j - 1] in ",-(:":
                        out.append(j - 1)
    return sorted(set(out))


def _name_then_title_matches(doc: Document, pattern: re.Pattern[str],
                             heads: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(doc.norm)`` for ``name_then_title``, tried only before a separator
    that a title follows.

    Such a match is a run of at most seven name words, one space apart, then the separator: so it
    starts at one of the seven word starts before the separator, and nowhere else.
    """
    norm = doc.norm
    pos = 0
    for q in _separators(norm, heads):
        if q < pos:
            continue
        k = q
        while k > 0 and norm[k - 1] == " ":
            k -= 1
        words = _words_before(norm, k)
        i = len(words)            # a name is all capitalised words: after the last one in lower case
        while i > 0 and norm[words[i - 1]].isupper():
            i -= 1
        for j in words[i:]:
            if j < pos:
                continue
            m = pattern.match(norm, j)
            if m is not None:
                yield m
                pos = m.end()
                break


def _words_before(norm: str, k: int) -> list[int]:
    """Where the last seven (or fewer) words ending at ``k`` begin, ascending: words of name
    letters and ``'``, one space apart (a run a personal name can be the end of)."""
    lo = max(0, k - 160)
    while True:
        back = norm[lo:k][::-1]
        m = _WORDS_BACK.match(back)
        if m is None:
            return []
        if m.end() < len(back) or lo == 0:
            break
        lo = 0                            # the words go on before the window: read them all
    starts = []
    at = k
    for word in m.group(0).split(" "):
        at -= len(word)
        starts.append(at)
        at -= 1
    starts.reverse()
    return starts


# up to seven words of name letters one space apart, over reversed text (read back from an offset)
_WORDS_BACK = re.compile(rf"[{UPPER}{LOWER}']+(?: [{UPPER}{LOWER}']+){{0,6}}")


def _matches(doc: Document, rule: Rule, starts: tuple[list[int], list[int]]) -> Iterator[re.Match[str]]:
    """``rule.pattern.finditer(doc.norm)``, tried only where ``_starts`` says it may match."""
    heads, honorifics = starts
    if rule.name == "name_then_title":
        return _name_then_title_matches(doc, rule.pattern, heads)
    if rule.name == "title_then_name":
        return matches_at(rule.pattern, doc.norm, heads)
    if rule.name == "honorific_name":
        return matches_at(rule.pattern, doc.norm, honorifics)
    if rule.name == "signature_block":
        return _signature_matches(doc, rule.pattern)
    return rule.pattern.finditer(doc.norm)


def _signature_matches(doc: Document, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(doc.norm)`` for ``signature_block``: it starts a line with two capitals
    (``T/M``, ``KT.``, the title in capitals), so only such lines are tried."""
    norm = doc.norm
    lines = [0] + [m.start() + 1 for m in _CAPITALS_LINE.finditer(norm)]
    return matches_at(pattern, norm, lines)


def run(doc: Document) -> None:
    seen: list[_Seen] = []
    doc.__dict__["_people_titles"] = {}
    starts = _starts(doc.low)
    doc.__dict__["_people_heads"] = starts[0]
    for rule in RULES:
        for m in _matches(doc, rule, starts):
            s = rule.build(doc, m)
            if isinstance(s, list):
                seen.extend(s)
            elif s is not None:
                seen.append(s)
    doc.facts[NAME] = _assemble(doc, seen)
    del doc.__dict__["_people_titles"]
    del doc.__dict__["_people_heads"]


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



def _literal_start(rx: str) -> str:
    """The words a regex of ``_HONORIFIC_WORDS`` opens with (``pgs\\.?\\s*,?...`` -> ``pgs``)."""
    m = re.match(r"(?:[^\W\d_]|/|\\s\+|\\\.(?![?*]))+", rx)
    return (m.group(0) if m else "").replace(r"\s+", " ").replace("\\.", ".").strip()


# the scan over ``low`` for ``_starts``: title heads and the opening words of honorifics
_HONORIFIC_STARTS = tuple(_literal_start(rx) for rx in _HONORIFIC_WORDS)
_START = PhraseStarts([*(h for h, _f in title_heads()), *_HONORIFIC_STARTS])
_HEAD_LOW = re.compile(_HEAD)
_HONORIFIC_LOW = re.compile(trie_regex(_HONORIFIC_STARTS))
_HEAD_FIRSTS = frozenset(h[0].lower() for h, _f in title_heads())
_HONORIFIC_FIRSTS = frozenset(h[0] for h in _HONORIFIC_STARTS)

__all__ = ["NAME", "REQUIRES", "RULES", "run"]
