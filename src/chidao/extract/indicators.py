"""Indicators: performance figures of a period (value and unit, change, share of plan, done/target)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from chidao.extract.document import Document
from chidao.extract.numbers import parse_number
from chidao.extract.rules import Rule, vi
from chidao.lexicon import load_tsv
from chidao.model import Indicator
from chidao.text.normalize import normalize

NAME = "indicators"
REQUIRES = ("numbers",)

# --------------------------------------------------------------------------- lexicon


def _norm(s: str) -> str:
    return normalize(s).norm


def _memo(doc: Document) -> dict:
    """Values this extractor computed for ``doc`` (matching forms of names, names of spans)."""
    memo = doc.__dict__.get("_indicators_memo")
    if memo is None:
        memo = doc.__dict__["_indicators_memo"] = {}
    return memo


def _low(doc: Document) -> str:
    """The text the lower-case patterns of this module read: ``doc.low``, where they match what
    their case-insensitive forms match over ``doc.norm``; "ı" and "ſ", which case-insensitive
    matching takes for "i" and "s" but lower() keeps, are folded too (same offsets)."""
    memo = _memo(doc)
    low = memo.get("low")
    if low is None:
        low = doc.low
        if "ı" in low or "ſ" in low:
            low = low.replace("ı", "i").replace("ſ", "s")
        memo["low"] = low
    return low


def _norm_in(doc: Document, s: str) -> str:
    """``_norm(s)``, once per document and string (a name is read and judged several times)."""
    memo = _memo(doc)
    key = ("norm", s)
    out = memo.get(key)
    if out is None:
        out = memo[key] = _norm(s)
    return out


@lru_cache(maxsize=None)
def _unit_classes() -> dict[str, str]:
    """Lower-cased normalised unit form -> class (money, physical, people, count, target)."""
    return {_norm(row[0]).lower(): row[1] for row in load_tsv("units") if len(row) >= 2}


@lru_cache(maxsize=None)
def _unit_re() -> re.Pattern[str]:
    forms = sorted(_unit_classes(), key=len, reverse=True)
    alt = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"\s*(?P<unit>{alt})(?![^\W_])", re.IGNORECASE)


@lru_cache(maxsize=None)
def _unit_re_low() -> re.Pattern[str]:
    """``_unit_re`` for ``doc.low`` (the forms are lower case): the same matches, faster."""
    return re.compile(_unit_re().pattern)


@lru_cache(maxsize=None)
def _known_names() -> tuple[str, ...]:
    """Name prefixes of known indicators."""
    return tuple(_norm(row[0]).lower() for row in load_tsv("indicators")
                 if row and row[0] and (len(row) < 2 or row[1] != "not"))


@lru_cache(maxsize=None)
def _static_names() -> tuple[str, ...]:
    """Name prefixes of quantities that describe a place, not a result (area, population)."""
    return tuple(_norm(row[0]).lower() for row in load_tsv("indicators") if len(row) >= 2 and row[1] == "not")


# --------------------------------------------------------------------------- numbers


_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# a number, optionally a percent, optionally "/other" (done/target); never part of a date or code.
# The number is _NUM with its first digit taken out in front, so that the pattern begins with a
# digit (the engine skips ahead to one) and checks the character before that digit afterwards.
_FIRST_DIGIT = r"\d(?<![\w.,/%-]\d)"
# a rate per period written on the percent: "tăng trưởng bình quân 7,54%/năm"
_PER_PERIOD = r"(?:/(?:năm|tháng|quý)(?![^\W\d_]))?"
_FIGURE = re.compile(
    rf"(?P<a>{_FIRST_DIGIT}(?:\d{{0,2}}(?:\.\d{{3}})+(?:,\d+)?|\d*(?:,\d+)?))(?P<ap>\s?%{_PER_PERIOD})?"
    rf"(?:/(?P<b>{_NUM})(?P<bp>\s?%)?)?"
    r"(?![\d/]|[.,]\d|-\d)"
)
_FIGURE_START = re.compile(_FIRST_DIGIT)

# --------------------------------------------------------------------------- words

_CHANGE_VERBS = ("tăng trưởng", "tăng", "giảm")
_VALUE_VERBS = ("ước đạt", "đạt được", "đạt", "là", "còn", "ở mức", "lên", "xuống", "chiếm", "bằng",
                "ước tính", "ước khoảng", "dự ước")
_PERF_VERBS = ("giải quyết việc làm cho", "thu hút", "cấp", "thành lập", "kết nạp", "hỗ trợ", "đón",
               "phục vụ", "tiếp nhận", "đào tạo", "trồng", "huy động", "giải ngân", "vượt", "cho",
               "có", "với", "thu", "xây dựng", "làm mới", "sửa chữa", "xóa", "xây mới",
               # work reported done ("đã hoàn thành 7.892 nhiệm vụ"), not a directive to do it
               "đã hoàn thành")
# matched over doc.low (the verbs are lower case)
_VERB_WORD = re.compile(
    r"(?<![^\W\d_])(?P<v>"
    + "|".join(sorted((re.escape(v).replace(r"\ ", r"\s+") for v in
                       _CHANGE_VERBS + _VALUE_VERBS + _PERF_VERBS), key=len, reverse=True))
    + r")(?![^\W\d_])",
)


# an act after these is what must or will be done, not what was (matched over doc.low)
_OBLIGED = re.compile(r"(?:phải|cần|sẽ|nhằm|để)\s+$")
def _obliged(window: str, p: int) -> bool:
    """Whether the word before ``window[p]`` makes the act there an obligation or a purpose."""
    o = _OBLIGED.search(window, max(0, p - 8), p)
    return o is not None and not (o.start() and _LETTER.match(window, o.start() - 1))


# "cho" after these tells whom a body stands for, not whom a result served (matched over doc.low)
_STANDS_FOR = re.compile(r"(?:đại\s+diện|thay\s+mặt)\s+$")
# words that may stand between a verb and its number: "ước tính tăng khoảng 5%", "tăng nhẹ 1,2%"
_ADVERBS = vi(r"""
    (?:\s+(?:ước\s+tính|ước|dự\s+kiến|khoảng|gần|hơn|trên|dưới|xấp\s+xỉ|chỉ|được|ở\s+mức|mức|
             thêm|bình\s+quân|tới|đến|lên|cao|khá|nhẹ|mạnh|sâu|rất|tương\s+ứng|tổng\s+cộng|
             tổng\s+số|tổng|cộng|số|con\s+số|t[ỷỉ]\s+lệ|t[ỷỉ]\s+trọng|là|:|
             (?<=tăng\strưởng\s)(?:kinh\s+tế|GRDP|GDP)))*\s*:?\s*
""")
_PLAN_WORDS = r"(?:kế\s+hoạch|KH|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu|nghị\s+quyết|NQ)"
# after a percent: "kế hoạch", "so với dự toán Trung ương giao", "chỉ tiêu đề ra"
_PLAN_TAIL = vi(rf"""
    \s*(?:so\s+(?:với\s+)?|của\s+)?{_PLAN_WORDS}(?![^\W\d_])
    (?:\s+(?!(?:tăng|giảm|đạt|bằng|và|so|nhưng|song|trong|là|cao|thấp|vượt)(?![^\W\d_]))
        (?:[^\W\d_]+|\d{{4}}))*?
    (?=\s*(?:[,;.()\n]|$|và\s|nhưng\s|trong\s|tăng\s|giảm\s|đạt\s|bằng\s|cao\s|thấp\s|vượt\s|so\s))
""")
# after a percent, the amount a higher level assigned, named without a plan word: "đạt 54,4% thu
# ngân sách nhà nước do Trung ương giao cho tỉnh", "bằng 62% số vốn được giao" (not "được giao đất")
_ASSIGNED_TAIL = vi(r"""
    \s*(?:so\s+với\s+)?
    (?:(?!(?:tăng|giảm|đạt|bằng|và|so|nhưng|trong|là|cao|thấp|vượt)(?![^\W\d_]))[^\W\d_]+\s+){1,8}?
    (?:do|được)\s+(?:[^\W\d_]+\s+){0,4}?giao
    (?=\s*(?:[,;.()\n]|$|(?:cho|năm|trong|là|đầu|và|từ)(?![^\W\d_])))
""")
# after a figure: "so với cùng kỳ năm 2023", "so cùng kỳ", "so với tháng trước"
_CMP_TAIL = vi(r"""
    \s*(?:so\s+(?:với\s+)?(?:cùng\s+kỳ|năm\s+trước|năm\s+ngoái|tháng\s+trước|quý\s+trước|kỳ\s+trước|
                          cùng\s+thời\s+điểm|năm\s+\d{4}|đầu\s+năm|tháng\s+\d{1,2}(?:/\d{4})?)
       |cùng\s+kỳ)
    (?:\s+(?:năm\s+(?:trước|ngoái|\d{4})|\d{4}|\(\s*[^()]{0,60}\)))*
""")
_PERCENT_POINTS = vi(r"\s*điểm\s+phần\s+trăm")
# what may follow a percent value: punctuation, a comparison, a connective
_PERCENT_NEXT = vi(r"""\s*(?:$|[,;.()\n:]|[-–—]\s*(?:tăng|giảm)(?![^\W\d_])|(?:so|và|nhưng|song|trong|/năm|mỗi\s+năm|trở\s+lên|
                        tăng|giảm|đạt|bằng|cao|thấp|vượt|là|vào)(?![^\W\d_]))""")
_BRACKET_TARGET = vi(rf"\(\s*(?:{_PLAN_WORDS})(?:\s+(?:năm|\d{{4}}|đề\s+ra|giao|tỉnh|[^\W\d_]{{1,4}}))*?\s*:?\s*$")
_RANK_BEFORE = vi(r"(?:thứ|hạng)\s*$")
# the share a done/target count makes, written after it (over doc.low): "159/1447 (= 11%)",
# "28/102 nhiệm vụ (chiếm 27,4%)", "85/779 = 10,9%"; a few words may name what is counted first
_SHARE = re.compile(r"""
    (?P<counted>\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,4}?)?\s*
    (?:\(\s*(?:=|chiếm|bằng|đạt|tương\s+đương)?\s*(?P<p>\d{1,3}(?:,\d+)?)\s?%\s*\)
      |=\s*(?P<q>\d{1,3}(?:,\d+)?)\s?%(?![\d/]|[.,]\d))
""", re.VERBOSE)
# a count against the total it is part of, written after its unit (over doc.low):
# "1.725 chi bộ trên tổng số 4.130 chi bộ", "52 xã / tổng số 60 xã"
_TOTAL = re.compile(rf"\s*(?:trên|/)\s*(?:tổng\s+số|tổng)\s+(?P<b>{_NUM})(?![\d/]|[.,]\d)")
# how far a written share may be from done/target (it is rounded, or cut: 28/102 = 27.45 -> "27,4%")
SHARE_TOLERANCE = 0.6
# words after a count that tell work done, not a share of a whole ("có 145/151 xã")
# or work under way or dealt with: "18/93 ý kiến thuộc thẩm quyền cấp tỉnh đã được giải quyết",
# "37/93 ý kiến được giải trình", "… đang giải quyết" (not "có 145/151 xã được xác định là …")
_DONE_AFTER = vi(r"""[^,;:()]*?(?<![^\W\d_])
    (?:đạt|hoàn\s+thành|xong|đã|đang
      |được\s+(?:công\s+nhận|giải\s+quyết|giải\s+trình|trả\s+lời|xử\s+lý|phê\s+duyệt|bàn\s+giao|khắc\s+phục))
    (?![^\W\d_])""")

# "đã" right before "có" tells a count reached: "tỉnh đã có 6/9 huyện nông thôn mới"
_DONE_BEFORE_HAVE = vi(r"(?<![^\W\d_])đã\s+$")

_PERIOD = vi(r"""
    (?<![^\W\d_])
    (?:(?:\d{1,2}|hai|ba|bốn|sáu|bảy|tám|chín|mười(?:\s+một|\s+hai)?)\s+tháng(?:\s+(?:đầu|cuối))?(?:\s+năm)?
         (?:\s+(?:\d{4}|nay))?
      |(?:những|các)\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+\d{4})?
      |quý\s+(?:IV|I{1,3}|[1-4])(?![^\W\d_])(?:\s*(?:/|-)\s*\d{4}|\s+năm\s+\d{4})?
      |tháng\s+(?:\d{1,2}|giêng)(?:\s*(?:/|-)\s*\d{4}|\s+năm\s+\d{4})?
      |nửa\s+đầu\s+năm(?:\s+\d{4})?
      |(?:cả\s+)?năm\s+\d{4}
      |giai\s+đoạn\s+\d{4}\s*-\s*\d{4})
    (?![^\W\d_]|/\d)
""")
_NOT_A_PERIOD_BEFORE = vi(r"(?:so\s+sánh|so\s+với|so|cùng\s+kỳ|giá|kể\s+từ|từ)\s*$")
_PERIOD_AFTER = vi(r"\s*(?:trong|của)\s+(?P<p>quý\s+(?:IV|I{1,3}|[1-4])(?:\s*/\s*\d{4})?|tháng\s+\d{1,2}(?:/\d{4})?|năm\s+\d{4})(?![^\W\d_])")
_TOPIC_PERIOD = vi(r"""\s*(?:(?:trong|tính\s+chung|lũy\s+kế|tính\s+đến|đến|qua|sau)\s+)?(?P<p>[^,]{3,40}?)\s*,""")

# discourse words dropped at the start of a subject
_LEAD = vi(r"""
    (?:\s|[,:\-"'(])*
    (?:trong\s+đó|riêng|toàn\s+đảng\s+bộ(?:\s+tỉnh)?|toàn\s+tỉnh|cả\s+tỉnh|toàn\s+ngành|cả\s+nước|
       toàn\s+(?:huyện|thị\s+xã|thành\s+phố|quốc)|cả\s+huyện|
       tính\s+chung|tính\s+đến|lũy\s+kế|cụ\s+thể|đặc\s+biệt|đáng\s+chú\s+ý|bên\s+cạnh\s+đó|ngoài\s+ra|
       đồng\s+thời|theo\s+đó|nhìn\s+chung|nhờ\s+đó|do\s+đó|qua\s+đó|từ\s+đó|nổi\s+bật|nhất\s+là|
       hầu\s+hết|bao\s+gồm|và|còn|với|như|là|có|gồm|về|dự\s+ước|ước\s+tính|ước|tổng\s+cộng|trong|
       đến\s+nay|hiện\s+nay|hiện|tuy\s+nhiên|tuy\s+vậy|vì\s+vậy|do\s+vậy|như\s+vậy|trong\s+khi\s+đó|so\s+cùng\s+kỳ(?:\s+năm\s+(?:ngoái|trước|\d{4}))?|song|nhưng|mặt\s+khác|theo|sau|qua|đến|tỉnh|thành\s+phố)
    (?![^\W\d_])
""")
# discourse words left out of an indicator's text
_TEXT_LEAD = vi(r"""
    (?:\s|[,:\-"'(])*
    (?:trong\s+đó|riêng|tính\s+chung|cụ\s+thể|đặc\s+biệt|đáng\s+chú\s+ý|bên\s+cạnh\s+đó|ngoài\s+ra|
       đồng\s+thời|theo\s+đó|nhìn\s+chung|nhờ\s+đó|do\s+đó|qua\s+đó|từ\s+đó|nổi\s+bật|nhất\s+là|và|
       tuy\s+nhiên|tuy\s+vậy|vì\s+vậy|do\s+vậy|như\s+vậy|trong\s+khi\s+đó|mặt\s+khác|song|nhưng)
    (?![^\W\d_])
""")
# what a name need not say: "hoàn thành công tác giao nhận quân" -> "giao nhận quân"
_NAME_LEAD = vi(r"""\s*(?:hoàn\s+thành|thực\s+hiện|công\s+tác|việc|kết\s+quả|số\s+liệu)(?![^\W\d_])""")
_TRAIL = vi(r"""
    (?<![^\W\d_])
    (?:ước\s+tính|ước|dự\s+ước|dự\s+kiến|khoảng|gần|hơn|trên|chỉ|đều|cũng|vẫn|đã|đang|sẽ|được|và|thì|
       của\s+tỉnh|toàn\s+tỉnh|cả\s+tỉnh|của\s+thành\s+phố|(?:theo\s+)?giá\s+so\s+sánh(?:\s+năm\s+\d{4})?|
       tiếp\s+tục|liên\s+tục|đạt\s+mức|mức|với|trong|tại|
       (?:tính\s+)?(?:đến|tới)\s+(?:ngày\s+)?\d{1,2}[/-]\d{1,2}(?:[/-]\d{4})?|được\s+kéo\s+giảm|kéo\s+giảm|giảm\s+xuống|giảm|tăng|cho)
    [\s,:\-]*$
""")
# a subject starts after these: "... giảm sâu nên tổng thu ngân sách ..."
_CUT = vi(r"""(?<![^\W\d_])(?:nên|thì|khiến|đưa|nâng|trong\s+đó|riêng|(?<!so\s)với|như|nổi\s+bật\s+là|
                       bao\s+gồm|gồm|là|có(?!\s+hạt)|ghi\s+nhận|cho\s+thấy|cho\s+biết|khi)(?![^\W\d_])""")
# first syllables that a comma may split inside one name: "nông, lâm nghiệp", "xuất, nhập khẩu"
_ENUM_BEFORE_COMMA = vi(r"""(?<![^\W\d_])(?:nông|lâm|ngư|xuất|nhập|diêm|thủy|công\s+nghiệp|xây\s+dựng|
                             chế\s+biến|tham\s+quan)\s*$""")
_ENUM_HEAD = vi(r"^\s*(?:khu\s+vực|ngành|lĩnh\s+vực)(?![^\W\d_])")
# filler that carries no subject, used to decide whether a figure starts a new indicator
_FILLER = vi(r"""(?<![^\W\d_])(?:và|nhưng|song|tuy|cùng|đồng\s+thời|so|với|chỉ|đều|cũng|vẫn|đã|được|ước\s+tính|
                  ước|dự\s+ước|dự\s+kiến|khoảng|gần|hơn|trên|là|thì|riêng|còn|mức|tương\s+ứng|mỗi|
                  bình\s+quân|năm|trong|mới|tương\s+đương)(?![^\W\d_])""")
# words in brackets between two figures (an abbreviation, a note) name no new subject
_PLAIN_BRACKET = re.compile(r"\([^()\d]*\)")
_SKIP_GAP = vi(r"(?:^|\s)(?:nếu\s+)?loại\s+trừ|đóng\s+góp|cùng\s+kỳ\s+năm|năm\s+trước\s*$")
_SKIP_BRACKET = vi(r"\(\s*(?:cùng\s+kỳ|năm\s+trước|loại\s+trừ|nếu|giá\s+so\s+sánh|theo\s+giá|trong\s+đó|bình\s+quân)")
# a breakdown in brackets; its counts that give their own share are read all the same:
# "(trong đó đảng bộ cơ sở 85/779 = 10,9%, chi bộ cơ sở 74/668 = 11,1%)"
_BREAKDOWN = vi(r"\(\s*trong\s+đó")


# a sentence that sets targets rather than reports results; matched over doc.low, the check that
# no letter stands before the cue is made after a match (so the engine skips ahead to a first letter)
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+")
_SPACES = re.compile(r"\s+")
_YEAR_ON_YEAR = re.compile(r"cùng\s+kỳ|năm\s+trước|năm\s+ngoái|năm\s+\d{4}")
_AIM = re.compile(r"""(?:phấn\s+đấu|đặt\s+mục\s+tiêu|đặt\s+ra\s+mục\s+tiêu|quyết\s+tâm\s+đạt|dự\s+kiến|
                 điều\s+chỉnh\s+mục\s+tiêu|mục\s+tiêu\s+(?:là|đến|tăng\s+trưởng|đề\s+ra\s+là)|
                 chỉ\s+tiêu\s+(?:là|đến\s+năm)|đến\s+năm\s+\d{4}\s+(?:đạt|có)|
                 sẽ\s+(?:có\s+)?thêm)(?![^\W\d_])""", re.VERBOSE)
# "dự kiến" right before a change verb hedges a figure being reported, as "ước" does: "GRDP dự kiến
# tăng 6,56%", "chỉ số này dự kiến tăng 11,89% so với cùng kỳ" (not "dự kiến tốc độ tăng trưởng ... đạt 8%")
_HEDGED_CHANGE = re.compile(r"dự\s+kiến\s+(?:tăng|giảm)(?![^\W\d_])")
# a period still to come: "dự kiến tăng" there is a forecast ("Năm tới, GRDP dự kiến tăng 8%")
_FUTURE = re.compile(r"(?<![^\W\d_])(?:năm\s+(?:tới|sau)|(?:đến|vào)\s+năm|giai\s+đoạn\s+tới)(?![^\W\d_])")
# an estimate of a result: a figure it governs is reported even after a target cue in its sentence
# ("dự kiến cả 17/17 chỉ tiêu đạt ...; tốc độ tăng trưởng kinh tế ước đạt 9,54%")
# (opens with its literal; that no letter stands before "ước" is checked after a match: not "nước")
_ESTIMATE = re.compile(r"ước\s+(?:đạt|tính|tăng|giảm|thực\s+hiện|khoảng|còn|\d)(?![^\W\d_])")



def _on_low(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-insensitive pattern as a case-sensitive one for ``doc.low`` (its letters lower-cased,
    escapes kept): the same matches at the same offsets, found without case folding."""
    src, out, i = pattern.pattern, [], 0
    while i < len(src):
        if src[i] == "\\" or src.startswith("(?P", i):
            n = 2 if src[i] == "\\" else 3       # an escape, or the P of a named group
            out.append(src[i:i + n])
            i += n
        else:
            out.append(src[i].lower())
            i += 1
    return re.compile("".join(out), pattern.flags & ~re.IGNORECASE)


# the patterns read over doc.low
_PERIOD_L = _on_low(_PERIOD)
_NOT_A_PERIOD_BEFORE_L = _on_low(_NOT_A_PERIOD_BEFORE)
_PERIOD_AFTER_L = _on_low(_PERIOD_AFTER)
_TOPIC_PERIOD_L = _on_low(_TOPIC_PERIOD)
_LEAD_L = _on_low(_LEAD)
_TEXT_LEAD_L = _on_low(_TEXT_LEAD)
_NAME_LEAD_L = _on_low(_NAME_LEAD)
_CUT_L = _on_low(_CUT)
_ENUM_BEFORE_COMMA_L = _on_low(_ENUM_BEFORE_COMMA)
_ENUM_HEAD_L = _on_low(_ENUM_HEAD)
_FILLER_L = _on_low(_FILLER)
_SKIP_GAP_L = _on_low(_SKIP_GAP)
# a cumulative figure with no subject of its own continues the subject before it (over doc.low):
# "Thu ngân sách tháng 10 đạt 1.234 tỷ đồng, lũy kế 10 tháng đạt 12.345 tỷ đồng"
_CUMULATIVE_L = re.compile(r"""[\s,:;(\-]*(?:và\s+|còn\s+)?
    (?P<mark>lũy\s+kế(?:\s+(?:từ\s+đầu\s+năm(?:\s+(?:đến\s+nay|\d{4}))?|đến\s+nay|cả\s+năm))?)(?![^\W\d_])""",
                           re.VERBOSE)
_ADVERBS_L = _on_low(_ADVERBS)

# --------------------------------------------------------------------------- figures


@dataclass
class _Figure:
    kind: str                # change, plan, value, ratio, target
    lead: int                # where its verb (or the number) starts, in norm
    num: int                 # where the number starts
    end: int                 # end of the figure with its tail ("so với cùng kỳ")
    value: float
    denominator: float | None = None
    unit: tuple[int, int] | None = None   # norm span of the unit words
    unit_class: str | None = None
    percent: bool = False
    verb: str | None = None
    verb_kind: str | None = None       # change, value, perf
    yoy: bool = True
    rule: str = ""
    share: float | None = None            # "159/1447 (= 11%)": the share written after done/target
    counted: tuple[int, int] | None = None  # norm span of the words between them ("28/102 nhiệm vụ (27,4%)")
    total: bool = False                   # done against a total written out: "1.725 chi bộ trên tổng số 4.130"


@dataclass
class _Draft:
    """An indicator being read: where its words start and the figures given so far."""

    clause: int              # norm start of the statement words the indicator is read from
    figures: list[_Figure] = field(default_factory=list)
    change: _Figure | None = None
    plan: _Figure | None = None
    value: _Figure | None = None
    ratio: _Figure | None = None
    target: _Figure | None = None
    end: int = 0
    nameless: bool = False
    inherit: str | None = None               # the subject a cumulative figure continues
    named: tuple[int, int] | None = None     # norm span of a subject read from the clause before
    cumulative: tuple[int, int] | None = None  # norm span of its "lũy kế"


@dataclass
class _Context:
    """What surrounds one number of a statement: the words before, the unit, the words after."""

    pre: str                 # statement words before the number
    post: str                # statement words after the number and its unit
    fig: _Figure             # the figure as read so far (kind "value")
    ratio: bool              # written "done/target"
    s: int                   # statement start (norm)


def _candidates(doc: Document) -> list[tuple[int, object | None]]:
    """Where a figure may start (norm offsets, in order), each with the numbers extractor's fact.

    Only a number that extractor kept can be a figure (the digits it left out are dates and codes),
    so its facts are the candidates; without them every digit that starts a number is one.
    """
    if "numbers" not in doc.facts:
        return [(m.start(), None) for m in _FIGURE_START.finditer(doc.norm)]
    by_start = {getattr(f, "start", -1): f for f in doc.facts["numbers"]}
    size = len(doc.text)
    out = [(doc.norm_span(start, start)[0], fact) for start, fact in by_start.items()
           if isinstance(start, int) and 0 <= start <= size]
    out.sort(key=lambda x: x[0])
    return out


def _unit_class(norm: str, um: re.Match[str]) -> str | None:
    """The class of the unit a ``_unit_re_low`` match reads (its words as written, lower-cased)."""
    return _unit_classes().get(_SPACES.sub(" ", norm[um.start("unit"):um.end("unit")].lower()))


def _number_value(doc: Document, m: re.Match[str], fact: object | None) -> float | None:
    """The value of the number ``m`` reads: the numbers extractor's fact, else parsed here.

    When that extractor has run, a number it did not keep (a date, a code) has no value.
    """
    if "numbers" in doc.facts and (
            fact is None or doc.orig_span(m.start(), m.start() + 1)[0] != getattr(fact, "start", None)):
        return None
    value = getattr(fact, "value", None)
    if isinstance(value, (int, float)) and not getattr(fact, "roman", False):
        return float(value)
    return parse_number(m.group("a"))


def _verb_before(doc: Document, s: int, p: int) -> tuple[str | None, str | None, int]:
    """The verb that governs the number at ``p`` whose statement starts at ``s``:
    (verb, kind, start relative to ``s``), read within the 80 characters before the number."""
    ws = max(s, p - 80)
    window, norm = _low(doc)[ws:p], doc.norm
    for m in reversed(list(_VERB_WORD.finditer(window))):
        if _ADVERBS.fullmatch(norm, ws + m.end(), p):
            v = _SPACES.sub(" ", norm[ws + m.start("v"):ws + m.end("v")].lower())
            if v == "cho" and _STANDS_FOR.search(window, max(0, m.start() - 12), m.start()):
                break           # "đại diện cho 242.000 đảng viên": whom delegates stand for, not a result
            kind = "change" if v in _CHANGE_VERBS else "value" if v in _VALUE_VERBS else "perf"
            if kind == "perf" and _obliged(window, m.start()):
                break           # "mỗi địa phương phải xóa 8 căn một ngày": what must be done, not a result
            return v, kind, ws - s + m.start()
    return None, None, p - s


def _open_bracket(s: str) -> int:
    """Index of the bracket left open at the end of ``s``, or -1."""
    i = s.rfind("(")
    if i < 0 or ")" not in s[i:]:
        return i                              # the common cases: no bracket, or the last one open
    depth, pos = 0, len(s)
    while True:
        o, c = s.rfind("(", 0, pos), s.rfind(")", 0, pos)
        if o < 0:
            return -1
        if c > o:
            depth, pos = depth + 1, c
        elif depth == 0:
            return o
        else:
            depth, pos = depth - 1, o


# "2 con số", "hai con số": how many digits a rate has (double-digit growth), over doc.low
_DIGIT_COUNT = re.compile(r"con\s+số(?![^\W_])")
_DIGIT_RATE_L = re.compile(r"\d\s+con\s+số(?![^\W_])")


def _context(doc: Document, m: re.Match[str], spans: "_Statements", e: int,
             fact: object | None) -> _Context | None:
    """Read the surroundings of a ``_FIGURE`` match made over ``doc.norm`` within its statement
    (which ends at ``e``); ``None`` when no rule could read a figure there."""
    norm = doc.norm
    ratio = m.group("b") is not None
    percent = bool(m.group("ap"))
    if ratio and bool(m.group("bp")) != percent:
        return None
    end = m.end()
    unit = unit_class = None
    if not percent:
        um = _unit_re_low().match(_low(doc), end, e)
        if um and _DIGIT_COUNT.match(_low(doc), um.start("unit"), e):
            return None      # "tăng ở mức 2 con số": double-digit growth, no count of anything (digit_count)
        if um:
            unit = (um.start("unit"), um.end("unit"))
            unit_class = _unit_class(norm, um)
            end = um.end()
    if not (percent or ratio or unit):
        return None          # a bare number: every rule needs a percent, a unit or a done/target
    if _aimed(doc, m.start()):
        return None
    s = spans.start(m.start())
    pre = norm[s:m.start()]
    value = _number_value(doc, m, fact)
    if value is None:
        return None
    denominator = parse_number(m.group("b")) if ratio else None
    total = False
    if unit is not None and not ratio:
        tm = _TOTAL.match(_low(doc), end, e)     # "1.725 chi bộ trên tổng số 4.130 chi bộ"
        if tm:
            denominator, ratio, total, end = parse_number(tm.group("b")), True, True, tm.end()
            um = _unit_re_low().match(_low(doc), end, e)
            if um and _unit_class(norm, um) == unit_class:
                end = um.end()                 # the unit said again
    share = counted = None
    if ratio and not percent and denominator:
        sm = _SHARE.match(_low(doc), end, e)
        written = parse_number(sm.group("p") or sm.group("q")) if sm else None
        if written is not None and abs(100 * value / denominator - written) <= SHARE_TOLERANCE:
            share, end = written, sm.end()
            counted = sm.span("counted") if sm.group("counted") and unit is None else None
            if unit is None and counted is None:
                um = _unit_re_low().match(_low(doc), end, e)      # "159/1447 (= 11%) đảng viên"
                if um:
                    unit = (um.start("unit"), um.end("unit"))
                    unit_class = _unit_class(norm, um)
                    end = um.end()
    ob = _open_bracket(pre)
    if ob >= 0 and _SKIP_BRACKET.match(pre[ob:]) and not (share is not None and _BREAKDOWN.match(pre[ob:])):
        return None          # a figure of the same period, a base, a part: not one to report alone
    verb, verb_kind, vstart = _verb_before(doc, s, m.start())
    fig = _Figure("value", s + vstart, m.start(), end, value, denominator, unit, unit_class, percent,
                  verb, verb_kind, share=share, counted=counted, total=total)
    return _Context(pre, norm[end:e], fig, ratio, s)


def _with_comparison(ctx: _Context) -> _Figure:
    """Extend a figure over "so với cùng kỳ ..." after it; note whether that is year on year."""
    fig = ctx.fig
    cmp_ = _CMP_TAIL.match(ctx.post)
    if cmp_:
        fig.end += cmp_.end()
        words = cmp_.group(0).lower()
        fig.yoy = bool(_YEAR_ON_YEAR.search(words))
    return fig


# Each builder reads one kind of figure from the context of a _FIGURE match (read once per match),
# or returns None; the first rule of FIGURE_RULES that builds a figure wins. A builder changes the
# context's figure only when it returns it, so the rules share one context.


def _build_bracket_target(doc: Document, ctx: _Context | None) -> _Figure | None:
    """(kế hoạch 9,05%), (KH: 8%), (chỉ tiêu 6.500 đảng viên): the plan beside an actual figure."""
    if ctx is None or ctx.ratio or not (ctx.fig.percent or ctx.fig.unit):
        return None
    bt = _BRACKET_TARGET.search(ctx.pre)
    if not bt:
        return None
    ctx.fig.kind, ctx.fig.lead = "target", ctx.s + bt.start()
    return ctx.fig


# a percent of plan, then an open bracket: "đạt 51,8% so với nghị quyết đề ra ("
_PLAN_THEN_BRACKET = vi(rf"\d\s?%\s*{_PLAN_TAIL.pattern}\s*\(\s*$")


def _build_plan_amount(doc: Document, ctx: _Context | None) -> _Figure | None:
    """"đạt 51,8% so với nghị quyết đề ra (23.600 tỷ đồng)": the planned amount in brackets."""
    if ctx is None or ctx.ratio or not ctx.fig.unit or not re.search(r"\(\s*$", ctx.pre):
        return None
    if not _PLAN_THEN_BRACKET.search(ctx.pre):
        return None
    if not re.match(r"\s*\)", ctx.post):
        return None
    ctx.fig.kind, ctx.fig.lead = "target", ctx.s + ctx.pre.rfind("(")
    return ctx.fig


def _build_done_of_target(doc: Document, ctx: _Context | None) -> _Figure | None:
    """"288/825 đảng viên", "7/35 chỉ tiêu", "45.799/36.875 tỷ đồng", "83,2%/50%", and a count with
    the share it makes written after it: "159/1447 (= 11%) tổ chức cơ sở đảng đã đại hội xong"."""
    if ctx is None or not ctx.ratio:
        return None
    fig = ctx.fig
    if _RANK_BEFORE.search(ctx.pre) or not (fig.percent or fig.unit_class or fig.share is not None):
        return None
    whole = fig.unit_class == "count" and (fig.verb_kind is None or fig.verb in ("có", "với")) and not fig.total
    if fig.unit is None and fig.share is not None:
        whole = fig.verb in ("có", "với")
    if whole and fig.verb == "có" and _DONE_BEFORE_HAVE.search(doc.norm, max(0, fig.lead - 12), fig.lead):
        whole = False        # "đã có 6/9 huyện nông thôn mới": a count reached, not a share
    if whole and not _DONE_AFTER.match(ctx.post):
        return None          # "hiện có 145/151 xã": a share of a whole, not work done
    fig.kind = "ratio"
    return fig


def _build_share_of_plan(doc: Document, ctx: _Context | None) -> _Figure | None:
    """"bằng 60,1% kế hoạch", "đạt 81% dự toán", "đạt 100% chỉ tiêu đề ra", "vượt 5% kế hoạch"."""
    if ctx is None or ctx.ratio or not ctx.fig.percent:
        return None
    plan = _PLAN_TAIL.match(ctx.post) or _ASSIGNED_TAIL.match(ctx.post)
    if not plan or _threshold(ctx):
        return None
    fig = ctx.fig
    fig.kind = "plan"
    if fig.verb in ("vượt", "tăng"):
        fig.value = 100 + fig.value        # "vượt 5% kế hoạch", "tăng 16,8% so với dự toán" (over_plan)
    elif fig.verb == "giảm":
        fig.value = 100 - fig.value        # "giảm 4% so với dự toán": short of the plan by 4%
    fig.end += plan.end()
    return fig


# "trên 50%", "dưới 80%", "từ 70%": a bound, not a measured share
_BOUND_BEFORE = vi(r"(?<![^\W\d_])(?:trên|dưới|từ|ít\s+nhất|tối\s+thiểu)\s*$")
# units counted as a group: "4 đảng bộ", "các xã", "những đơn vị", "các đảng bộ còn lại"
_GROUP = vi(r"""(?<![^\W\d_])(?:(?:các|những|nhiều|một\s+số|\d+)\s+
                 (?:đảng\s+bộ|chi\s+bộ|tổ\s+chức\s+cơ\s+sở\s+đảng|đơn\s+vị|địa\s+phương|cơ\s+quan|
                    huyện|xã|phường|thị\s+trấn|sở|ngành|tỉnh|thành\s+phố)
               |còn\s+lại)(?![^\W\d_])""")


def _threshold(ctx: _Context) -> bool:
    """Whether a share of plan is a bound a group of units reached, not one figure:
    "4 đảng bộ … đạt trên 50% chỉ tiêu", "các đảng bộ còn lại đạt trên 80% chỉ tiêu kế hoạch"."""
    pre = ctx.pre
    return _BOUND_BEFORE.search(pre) is not None and _GROUP.search(pre) is not None


def _build_change(doc: Document, ctx: _Context | None) -> _Figure | None:
    """"tăng 3,09% so với cùng kỳ" -> 3.09; "giảm 3,1%" -> -3.1; "với mức tăng 14,8%"."""
    if ctx is None or ctx.ratio or not ctx.fig.percent or ctx.fig.verb_kind != "change":
        return None
    if _PERCENT_POINTS.match(ctx.post):
        return None
    fig = _with_comparison(ctx)
    fig.kind = "change"
    fig.value = -fig.value if fig.verb == "giảm" else fig.value
    return fig


def _build_ratio_to_same_period(doc: Document, ctx: _Context | None) -> _Figure | None:
    """"bằng 105% so với cùng kỳ": a change of 5%."""
    if ctx is None or ctx.ratio or not ctx.fig.percent or ctx.fig.verb not in ("bằng", "đạt"):
        return None
    cmp_ = _CMP_TAIL.match(ctx.post)
    if not cmp_ or not re.search(r"cùng\s+kỳ", cmp_.group(0), re.IGNORECASE) or ctx.fig.value < 50:
        return None          # "đạt 8,1% so với cùng kỳ" is a growth rate, "bằng 105%" a ratio
    fig = _with_comparison(ctx)
    fig.kind = "change"
    fig.value = round(fig.value - 100, 6)
    return fig


def _build_percent_level(doc: Document, ctx: _Context | None) -> _Figure | None:
    """"tỷ lệ hộ nghèo còn 3,5%", "tốc độ tăng trưởng ước đạt 8,66%", "tỷ trọng ... chiếm 56,34%"."""
    if ctx is None or ctx.ratio or not ctx.fig.percent or ctx.fig.verb_kind != "value":
        return None
    if _PERCENT_POINTS.match(ctx.post) or not _PERCENT_NEXT.match(ctx.post):
        return None
    if ctx.fig.verb == "chiếm" and not re.search(r"tỷ\s+(?:lệ|trọng)|tỉ\s+(?:lệ|trọng)|cơ\s+cấu", ctx.pre, re.I):
        return None          # "dân tộc Khmer chiếm 32%": a share of a population, not a result
    return _with_comparison(ctx)


def _build_value_with_unit(doc: Document, ctx: _Context | None) -> _Figure | None:
    """"ước đạt 11.152 tỷ đồng", "10.707 lao động", "525 triệu USD", "334.300 lượt"."""
    if ctx is None or ctx.ratio or ctx.fig.percent or ctx.fig.unit is None:
        return None
    if ctx.fig.verb_kind == "change" or ctx.fig.unit_class == "target":
        return None          # "tăng 6,3 nghìn tỷ đồng" is an amount of change, not a level
    return _with_comparison(ctx)


def _figure(doc: Document, m: re.Match[str], spans: _Statements, e: int,
            fact: object | None) -> _Figure | None:
    """The figure the first rule reads from the ``_FIGURE`` match ``m`` in its statement (ending at
    ``e``)."""
    base = _context(doc, m, spans, e, fact)
    if base is None:
        return None
    for rule in FIGURE_RULES:
        fig = rule.build(doc, base)
        if fig is not None:
            fig.rule = rule.name
            return fig
    return None


# --------------------------------------------------------------------------- statements

# a stop, unless it is the dot of a number ("1.234"); one character class keeps the scan fast
_STATEMENT_END = re.compile(r"[;\n!?….](?<!\d\.(?=\d))")
_GENERIC_NAME = vi(r"(?:bình\s+quân|tổng\s+cộng|tổng\s+số|tổng|lũy\s+kế|cả\s+năm|trong\s+đó|riêng|tính\s+chung|"
                   r"tương\s+ứng|con\s+số|mức|kết\s+quả|số\s+liệu|cả|toàn\s+bộ|các|những)")


class _Statements:
    """Bounds of the statement around a position, found when asked (most hold no figure)."""

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self._rev: str | None = None
        self._last = (0, -1)            # the span found last

    def end(self, p: int) -> int:
        m = _STATEMENT_END.search(self.norm, p)
        return m.start() if m else len(self.norm)

    def start(self, p: int) -> int:
        """Where the statement holding ``norm[p]`` (or ending at ``p``) starts: after the last stop
        before ``p``, found by searching the reversed text (the stop pattern reads the same)."""
        s, e = self._last
        if s <= p <= e:
            return s
        if self._rev is None:
            self._rev = self.norm[::-1]
        n = len(self.norm)
        m = _STATEMENT_END.search(self._rev, n - p)
        s = n - m.start() if m else 0
        self._last = (s, self.end(p) if p < n else n)
        return s


def _strip(norm: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (norm[s].isspace() or norm[s] in ",:;-\"').…/"):
        s += 1
    while e > s and (norm[e - 1].isspace() or norm[e - 1] in ",:;-\"'(/"):
        e -= 1
    return s, e


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def _subject(doc: Document, s: int, e: int) -> int:
    """Where the subject of a figure starts within the words ``norm[s:e]`` before its verb."""
    gap = _low(doc)[s:e]
    cut = max(gap.rfind(":"), gap.rfind(";"), gap.rfind(")") if gap.count(")") > gap.count("(") else -1,
              _open_bracket(gap))   # "Khu vực I giảm 0,12% (nông nghiệp giảm 1,04%": inside the bracket
    start = cut + 1 if cut >= 0 else 0
    # the last comma, unless it splits one name ("khu vực nông, lâm nghiệp và thủy sản")
    pos = len(gap)
    while True:
        c = gap.rfind(",", start, pos)
        if c < 0:
            break
        if 0 < c < len(gap) - 1 and gap[c - 1].isdigit() and gap[c + 1].isdigit():
            pos = c                 # the decimal comma of a number that is no figure ("từ 21,66% năm 2021")
            continue
        prev_c = gap.rfind(",", start, c)
        before, after = gap[prev_c + 1:c], gap[c + 1:]
        if (_ENUM_BEFORE_COMMA_L.search(before)
                or (_ENUM_HEAD_L.match(before) and _words(after) <= 4)
                or (_words(before) <= 2 and _words(after) <= 4 and not _LEAD_L.fullmatch(before.strip())
                    and not _PERIOD_L.search(before) and not _DIGIT.search(before))):
            pos = c
            continue
        start = c + 1
        break
    for m in _CUT_L.finditer(gap, start):
        rest = gap[m.end():]
        if _LETTER.search(rest) and not _ADVERBS_L.fullmatch(rest):
            start = m.end()
    return s + start


def _drop_lead(doc: Document, s: int, e: int, pattern: re.Pattern[str]) -> int:
    """Past the words of ``pattern`` (a pattern over doc.low) that open ``norm[s:e]``."""
    norm = _low(doc)
    while s < e:
        m = pattern.match(norm, s, e)
        if not m or m.end() == s:
            break
        s = m.end()
    while s < e and (norm[s].isspace() or norm[s] in ",:-\"')"):
        s += 1
    return s


def _periods(doc: Document, s: int, e: int) -> list[tuple[int, int]]:
    """Spans of the periods named in ``norm[s:e]`` (not "so với năm 2023")."""
    low = _low(doc)
    out = []
    for m in _PERIOD_L.finditer(low, s, e):
        if _NOT_A_PERIOD_BEFORE_L.search(low, max(s, m.start() - 20), m.start()):
            continue
        out.append((m.start(), m.end()))
    return out


def _orig(doc: Document, s: int, e: int) -> str:
    os_, oe = doc.orig_span(s, e)
    return _SPACES.sub(" ", doc.text[os_:oe]).strip()


def _name(doc: Document, s: int, e: int) -> tuple[str, list[tuple[int, int]]]:
    """The name read from ``norm[s:e]`` (period words taken out) and the periods met there."""
    memo = _memo(doc)
    key = ("name", s, e)
    if key not in memo:
        memo[key] = _read_name(doc, s, e)
    return memo[key]


def _read_name(doc: Document, s: int, e: int) -> tuple[str, list[tuple[int, int]]]:
    norm = doc.norm
    s = _drop_lead(doc, s, e, _LEAD_L)
    periods = _periods(doc, s, e)
    s = _drop_lead(doc, s, e, _NAME_LEAD_L)
    pieces, pos = [], s
    for ps, pe in periods:
        if ps >= pos:
            pieces.append((pos, ps))
            pos = pe
    pieces.append((pos, e))
    words = []
    for ps, pe in pieces:
        ps, pe = _strip(norm, ps, pe)
        if pe > ps:
            words.append(_orig(doc, ps, pe))
    name = _SPACES.sub(" ", " ".join(words)).strip(" ,:-")
    for _ in range(6):
        folded = _norm_in(doc, name)
        shorter = _TRAIL.sub("", folded).rstrip(" ,:-") if name else name
        if shorter == folded:
            break
        name = name[:len(shorter)]
    for _ in range(4):
        m = _LEAD.match(_norm_in(doc, name))
        if not m or m.end() == 0:
            break
        name = name[m.end():].lstrip(" ,:-)")
    if name.count("(") > name.count(")"):
        name = name[:name.rfind("(")].rstrip()
    if _GENERIC_NAME.fullmatch(_norm_in(doc, name)):
        name = ""
    return name, periods


def _capitalise(name: str) -> str:
    return name[:1].upper() + name[1:] if name else name


def _unit_text(doc: Document, f: _Figure) -> str | None:
    if f.percent:
        return "%"
    return _orig(doc, *f.unit) if f.unit else None


_TAIL_RUN = re.compile(r"[^,;.()\d:]*")
_TAIL_STOP = re.compile(r"\s(?:tăng|giảm|đạt|bằng|so|và|trong|với|là|chiếm)(?:\s+\S+){0,3}?\s+\d")


def _unit_tail(norm: str, f: _Figure, e: int) -> int:
    """End of the words that qualify a counted unit: "500 doanh nghiệp [thành lập mới], tăng ...";
    for a count with a share and no unit, of the words after the share ("(= 11%) [tổ chức ...]")."""
    if f.unit is None and f.share is None:
        return f.end
    ts = f.unit[1] if f.unit is not None and not _said_after(f) else f.end
    te = _TAIL_RUN.match(norm, ts, e).end()
    # a verb in the last words before a number opens the next figure ("12 dự án tăng 5%"); before a
    # comma it says what the units are ("3 xã đạt kiểu mẫu, 30 xã đạt nâng cao")
    stop = _TAIL_STOP.search(norm[ts:te] + (" 0" if te < e and norm[te].isdigit() else ""))
    if stop:
        te = ts + stop.start()
    return _strip(norm, ts, te)[1] if te > ts else ts


def _said_after(f: _Figure) -> bool:
    """Whether what a count names goes on after a total or a share written behind its unit:
    "1.725 chi bộ trên tổng số 4.130 chi bộ [đã đại hội]", "37/102 nhiệm vụ (chiếm 36,3%) [đã hoàn thành]"."""
    return f.total or f.share is not None


def _is_counted(f: _Figure) -> bool:
    """Whether a figure counts things that can name it: people, units, a count with its share."""
    return f.unit_class in ("people", "count", "target") or (f.unit is None and f.share is not None)


def _counted_name(doc: Document, f: _Figure, e: int) -> str:
    """The words naming what ``f`` counts: its unit and the words after it, or for a count with a
    share the words before and after the share ("28/102 nhiệm vụ (27,4%) đã trình" -> "nhiệm vụ đã trình")."""
    tail_end = _unit_tail(doc.norm, f, e)
    if f.unit is not None and _said_after(f):   # "1.725 chi bộ trên tổng số 4.130 chi bộ [đã đại hội]"
        start = _strip(doc.norm, f.end, tail_end)[0]
        return " ".join([_orig(doc, *f.unit)] + ([_orig(doc, start, tail_end)] if tail_end > start else []))
    if f.unit is not None:
        return _orig(doc, f.unit[0], tail_end)
    words = [_orig(doc, *f.counted)] if f.counted else []
    start = _strip(doc.norm, f.end, tail_end)[0]
    if tail_end > start:
        words.append(_orig(doc, start, tail_end))
    return " ".join(words)


@lru_cache(maxsize=None)
def _known_in_brackets() -> re.Pattern[str]:
    """A known name written in brackets anywhere: "... (GRDP)"."""
    return re.compile("|".join(re.escape(f"({k})") for k in _known_names()) or "(?!)")


def _is_known(low: str) -> bool:
    return low.startswith(_known_names()) or _known_in_brackets().search(low) is not None


def _accept(doc: Document, d: _Draft, name: str) -> bool:
    low = _norm_in(doc, name).lower()
    if low.startswith(_static_names()):
        return False
    if d.change or d.plan or d.ratio or d.target:
        return True
    v = d.value
    if v is None:
        return False
    if v.percent:
        return True
    if (v.verb_kind == "value" and v.verb != "là") or (v.verb_kind == "perf" and v.verb not in ("có", "với")):
        return True
    return _is_known(low) or _reached(doc, v)


# what a counted unit reached, said right after it: "17 xã [đạt chuẩn] nông thôn mới", "36 xã [được
# công nhận]", "1.073 dự án FDI [được cấp mới]", "65.000 căn nhà [đã được bàn giao]" (over doc.low)
# ("đạt" before a number is a share the units reached: "1 địa phương giải ngân đạt 20%")
_REACHED_L = re.compile(r"""(?:\s+(?!đạt|được|đã|hoàn)[^\W\d_]+){0,2}?\s+(?:đã\s+)?
    (?:đạt(?!\s+(?:[^\W\d_]+\s+)?\d)|được\s+(?:công\s+nhận|cấp|bàn\s+giao|đưa\s+vào)|hoàn\s+thành
      |đi\s+vào\s+hoạt\s+động)(?![^\W\d_])""", re.VERBOSE)


def _reached(doc: Document, f: _Figure) -> bool:
    """Whether a count says what its units reached: a result, whatever verb (or none) leads to it
    ("toàn tỉnh có 61/71 xã đạt chuẩn NTM, 17 xã đạt chuẩn NTM nâng cao"; not "có 8 xã biên giới")."""
    return f.unit is not None and f.unit_class == "count" and _REACHED_L.match(_low(doc), f.unit[1]) is not None


def _build(doc: Document, d: _Draft, s: int, e: int, topic: str | None,
           clause_text: int | None = None) -> Indicator | None:
    norm = doc.norm
    first = d.figures[0]
    name, periods = _name(doc, d.clause, _name_end(doc, d.clause, first.lead)) if first.lead > d.clause else ("", [])
    if d.named:
        # "Sản xuất nông, lâm nghiệp duy trì ổn định, tăng 3,5%": the subject of the clause before
        name = _name(doc, *d.named)[0]
        periods = _periods(doc, d.named[1], first.lead)
    if d.inherit:
        # "..., lũy kế 10 tháng đạt ...": the subject before it, and the periods after "lũy kế"
        name, periods = d.inherit, [p for p in periods if not d.cumulative or p[0] >= d.cumulative[1]]
    if not _LETTER.search(name):
        # "có 500 doanh nghiệp thành lập mới": the counted thing names the indicator
        counted = [g for g in d.figures if _is_counted(g)]
        if counted:
            f = counted[0]
            name = _counted_name(doc, f, e)
            d.end = max(d.end, _unit_tail(norm, f, e))
            if _words(name) > MAX_NAME_WORDS:
                # a long tail holds a second predicate ("18/18 chỉ tiêu phát triển kinh tế - xã hội chủ
                # yếu đều đạt và vượt kế hoạch đề ra"): the statement stays whole, the name its first words
                name = name[:list(_WORD.finditer(name))[MAX_NAME_WORDS - 1].end()]
            name = _with_act(doc, f, s, name)
        elif _tail_named(doc, first, e):
            # "thu hút gần 6,2 tỷ USD vốn FDI, tăng 45,67%", "hơn 36 ngàn tỷ đồng từ nguồn vốn ngoài
            # ngân sách": the words after the amount's unit name it, after the act when one is said
            name = _with_act(doc, first, s, _tail_name(doc, first, e), drop_done=True)
            d.end = max(d.end, _unit_tail(norm, first, e))
        else:
            # "đã huy động trên 10.950 tỷ đồng", "kết quả giải ngân 535 tỷ đồng": the act names it
            return _build_named_by_verb(doc, d, s, e, topic)
    if not name or not _accept(doc, d, name) or _words(name) > MAX_NAME_WORDS:
        return None
    after = _PERIOD_AFTER_L.match(_low(doc), d.end, e)
    if after:
        d.end = after.end()
    period = periods[-1] if periods else (after.start("p"), after.end("p")) if after else None
    if period is None and not d.cumulative:
        # "..., 6 tháng đầu năm, tổng sản phẩm ... tăng 3,02%": the period just before the subject
        before = norm[s:d.clause].rstrip()
        if before.endswith(","):
            stop = s + len(before[:-1].rstrip())
            near = [p for p in _periods(doc, s, stop) if p[1] == stop]
            period = near[-1] if near else None
    period_text = _orig(doc, *period) if period else topic
    if d.cumulative:
        # "lũy kế 10 tháng": the period of a cumulative figure says it sums from the start
        period_text = _orig(doc, *d.cumulative) + (" " + _orig(doc, *period) if period else "")
    ts, te = _strip(norm, d.clause if clause_text is None else clause_text, d.end)
    ts = _drop_lead(doc, ts, te, _TEXT_LEAD_L)
    if norm.count("(", ts, te) > norm.count(")", ts, te):
        close = re.match(r"\s*\)", norm[te:e])
        if close:
            te += close.end()
    ots, ote = doc.orig_span(ts, te)
    value_fig = d.value
    unit = _unit_text(doc, value_fig) if value_fig else None
    actual = target = None
    if d.ratio:
        actual, target = d.ratio.value, d.ratio.denominator
        if value_fig is None:
            unit = _unit_text(doc, d.ratio)
    if d.target and target is None:
        target = d.target.value
    return Indicator(
        name=_capitalise(name),
        period=period_text,
        value=value_fig.value if value_fig else None,
        unit=unit,
        change_pct=d.change.value if d.change else None,
        plan_pct=d.plan.value if d.plan else None,
        actual=actual,
        target=target,
        text=doc.text[ots:ote],
        start=ots,
        end=ote,
        rule=first.rule,
    )


MAX_NAME_WORDS = 16


def _with_act(doc: Document, f: _Figure, s: int, name: str, drop_done: bool = False) -> str:
    """``name`` after the act a performance verb of ``f`` names ("kết nạp" + "đảng viên mới");
    ``drop_done``: without a leading "đã" ("đã hoàn thành 674 km ..." -> "hoàn thành ...")."""
    if f.verb_kind != "perf" or f.verb in ("có", "với", "cho"):
        return name
    norm = doc.norm
    vm = re.search(re.escape(f.verb).replace(r"\ ", r"\s+"), norm[max(s, f.lead):f.num], re.I)
    if not vm:
        return name
    vs = max(s, f.lead) + vm.start()
    verb = _orig(doc, vs, vs + len(vm.group(0)))
    if drop_done and _norm_in(doc, verb).lower().startswith("đã "):
        verb = verb[3:].lstrip()
    return verb + " " + name


# words after an amount's unit that go on with the sentence rather than name the amount (over doc.low)
_NOT_A_TAIL_L = re.compile(r"""\s*(?:để|nhằm|và|nhưng|song|trong|so|với|cho|vào|tại|ở|khi|nên|thì|là|được|đã|đang|sẽ|
                              bằng|đạt|tăng|giảm|chiếm|vượt|gấp|tương\s+đương|mới|trở\s+lên|đến|tới|trên|dưới)
                              (?![^\W\d_])""", re.VERBOSE)


def _tail_named(doc: Document, f: _Figure, e: int) -> bool:
    """Whether an amount of money or a physical quantity is followed by the words that name it:
    "6,2 tỷ USD [vốn FDI]", "674 km [đường bộ cao tốc]" (not "500 tỷ đồng [để đầu tư ...]")."""
    if f.unit is None or f.unit_class not in ("money", "physical") or f.total or f.share is not None:
        return False
    te = _unit_tail(doc.norm, f, e)
    return te > f.unit[1] and _LETTER.search(doc.norm, f.unit[1], te) is not None \
        and not _NOT_A_TAIL_L.match(_low(doc), f.unit[1])


def _tail_name(doc: Document, f: _Figure, e: int) -> str:
    """The words after an amount's unit that name it, without a leading "từ" ("từ nguồn vốn ...")."""
    start, end = _strip(doc.norm, f.unit[1], _unit_tail(doc.norm, f, e))
    m = re.match(r"từ\s+", _low(doc)[start:end])
    return _orig(doc, start + (m.end() if m else 0), end)


# "giảm từ 21,66% năm 2021 xuống còn 11,11%": the level it started from is no part of the name
# (over doc.low; the pattern opens with its literal, the verb before it is checked after a match)
_FROM_BASE_L = re.compile(r"từ\s+(?:mức\s+)?\d")
_BASE_VERB_L = re.compile(r"(?<![^\W\d_])(?:tăng|giảm|hạ|nâng)\s+$")
# words that open a qualifier of a noun phrase (the head comes first): where a long name is cut
_QUALIFIER_L = re.compile(r"(?:theo|của|trực\s+thuộc|thuộc|tại|trên\s+địa\s+bàn|do|từ)(?![^\W\d_])")


def _name_end(doc: Document, s: int, e: int) -> int:
    """Where the name read from ``norm[s:e]`` ends: before a base it changed from, and for a name too
    long to keep, before the first qualifier that leaves a head of a few words ("tỷ lệ giải ngân vốn
    đầu tư công [theo Quyết định giao của Thủ tướng Chính phủ] là 2.511 tỷ đồng")."""
    memo, key = _memo(doc), ("end", s, e)
    out = memo.get(key)
    if out is None:
        out = memo[key] = _read_name_end(_low(doc), s, e)
    return out


def _read_name_end(low: str, s: int, e: int) -> int:
    for base in _FROM_BASE_L.finditer(low, s, e):
        verb = _BASE_VERB_L.search(low, max(s, base.start() - 6), base.start())
        if verb:
            e = verb.start()
            break
    if low.count(" ", s, e) < MAX_NAME_WORDS:
        return e                        # too few words to be too long: the common case, without a scan
    starts = [m.start() for m in _WORD.finditer(low, s, e)]
    if len(starts) <= MAX_NAME_WORDS:
        return e
    # a qualifier after the second word that leaves at most MAX_NAME_WORDS words before it
    for q in _QUALIFIER_L.finditer(low, starts[2] if len(starts) > 2 else s, starts[MAX_NAME_WORDS]):
        if not _LETTER.match(low, q.start() - 1):
            return q.start()
    return e


_NAMING_VERBS = ("huy động", "giải ngân", "thu hút", "đào tạo", "trồng", "thu")


def _build_named_by_verb(doc: Document, d: _Draft, s: int, e: int, topic: str | None) -> Indicator | None:
    first = d.figures[0]
    if first.verb_kind != "perf" or first.verb not in _NAMING_VERBS or first.unit_class not in ("money", "physical"):
        return None
    vm = re.search(re.escape(first.verb).replace(r"\ ", r"\s+"), doc.norm[max(s, first.lead):first.num], re.I)
    if not vm:
        return None
    vs = max(s, first.lead) + vm.start()
    named = _Draft(vs, figures=list(d.figures), change=d.change, plan=d.plan, value=d.value,
                   ratio=d.ratio, target=d.target, end=d.end)
    named.figures[0] = _Figure(**{**first.__dict__, "lead": vs + len(vm.group(0))})
    return _build(doc, named, s, e, topic, clause_text=min(d.clause, vs))


def _topic_period(doc: Document, s: int, e: int) -> str | None:
    """A period that opens a statement and frames what follows: "6 tháng đầu năm 2024, ..."."""
    s = _drop_lead(doc, s, e, _LEAD_L)
    m = _TOPIC_PERIOD_L.match(_low(doc), s, e)
    if not m or not _PERIOD_L.fullmatch(_low(doc), m.start("p"), m.end("p")):
        return None
    return _orig(doc, m.start("p"), m.end("p"))


def _slot(d: _Draft, f: _Figure) -> bool:
    """Put a figure into the draft's free slot; False when that slot is taken."""
    held = getattr(d, f.kind)
    if held is None or (f.kind == "change" and not held.yoy and f.yoy):
        setattr(d, f.kind, f)
        return True
    return False


def _statement_indicators(doc: Document, s: int, e: int, figures: list[_Figure], topic: str | None,
                          subject: str | None = None) -> tuple[list[Indicator], str | None]:
    """The indicators of the statement ``norm[s:e]`` from its figures, and the subject it ends
    with (``subject``: the one the statement before it on its line ended with)."""
    norm, low = doc.norm, _low(doc)
    out: list[Indicator] = []
    draft: _Draft | None = None
    prev_end = s
    for f in figures:
        f.lead = max(f.lead, prev_end)
        gap = low[prev_end:f.lead]
        if _SKIP_GAP_L.search(gap):
            prev_end = max(prev_end, f.end)
            continue
        content = gap
        for ps, pe in sorted(_periods(doc, prev_end, f.lead), reverse=True):
            content = content[:ps - prev_end] + " " + content[pe - prev_end:]
        if "(" in content:
            content = _PLAIN_BRACKET.sub(" ", content)   # "288 đảng viên (ĐV) mới, đạt 35% chỉ tiêu"
        content = _FILLER_L.sub(" ", content)
        new_subject = bool(_LETTER.search(content))
        if draft is None or new_subject:
            if draft is not None:
                ind = _build(doc, draft, s, e, topic)
                if ind:
                    out.append(ind)
            subject = _subject_of(doc, draft) or subject
            clause = _subject(doc, prev_end, f.lead) if new_subject else f.lead
            draft = _Draft(clause)
            draft.nameless = not _name(doc, clause, _name_end(doc, clause, f.lead))[0] if f.lead > clause else True
            cumulative = _CUMULATIVE_L.match(low, clause, f.lead) if subject else None
            if cumulative and not _name(doc, cumulative.end(), f.lead)[0]:
                draft.inherit, draft.cumulative, draft.nameless = subject, cumulative.span("mark"), False
            elif subject and draft.nameless and not out and _after_semicolon(norm, s) \
                    and _periods(doc, s, f.lead) and not _name(doc, s, f.lead)[0]:
                # "GRDP quý III ước đạt 23.875,8 tỷ đồng, tăng 8,40%; 9 tháng ước đạt 65.452,7 tỷ đồng":
                # a clause that names a period only goes on with the subject before the semicolon
                draft.clause, draft.inherit, draft.nameless = s, subject, False
            elif draft.nameless and new_subject and not _is_counted(f):
                named = _clause_before(doc, prev_end, clause)
                if named:
                    draft.clause, draft.named, draft.nameless = named[0], named, False
        if draft.figures and _another(draft, f):
            # "37/102 (chiếm 36,3%) nhiệm vụ đã hoàn thành, 28/102 nhiệm vụ (chiếm 27,4%) đã trình ...":
            # another count named by what it counts is another indicator; so is another act
            # ("đã thu hút hơn 36,6 tỉ USD, giải ngân 23,2 tỉ USD")
            ind = _build(doc, draft, s, e, topic)
            if ind:
                out.append(ind)
            draft = _Draft(f.lead, nameless=True)
        _slot(draft, f)
        if getattr(draft, f.kind) is f:
            draft.figures.append(f)
            draft.end = max(draft.end, f.end)
        prev_end = max(prev_end, f.end)
        if draft.nameless and len(draft.figures) == 1 and (_is_counted(f) or _tail_named(doc, f, e)):
            prev_end = max(prev_end, _unit_tail(norm, f, e))
    if draft is not None:
        ind = _build(doc, draft, s, e, topic)
        if ind:
            out.append(ind)
        subject = _subject_of(doc, draft) or subject
    return out, subject


def _after_semicolon(norm: str, s: int) -> bool:
    """Whether the statement starting at ``s`` follows a semicolon: a statement of the same sentence."""
    p = s - 1
    while p >= 0 and norm[p] in " \t":
        p -= 1
    return p >= 0 and norm[p] == ";"


def _another(d: _Draft, f: _Figure) -> bool:
    """Whether figure ``f`` starts another indicator though no subject is named between it and the
    draft's figures: a count after a count, in a draft named by what it counts ("75/80 xã đạt
    chuẩn, 3 xã đạt kiểu mẫu, 30 xã đạt nâng cao"), or an amount of another act where the draft
    holds an amount already ("đã thu hút hơn 36,6 tỉ USD, giải ngân 23,2 tỉ USD")."""
    if d.nameless and _is_counted(f) and f.kind in ("value", "ratio"):
        return getattr(d, f.kind) is not None or any(
            _is_counted(g) and g.kind in ("value", "ratio") for g in d.figures)
    return (f.kind == "value" and d.value is not None and f.verb_kind == "perf"
            and f.verb not in ("có", "với", "cho") and f.lead > d.value.end)


# words that say what a subject does or did without a figure: the subject ends before them
# "Sản xuất nông, lâm nghiệp [duy trì ổn định], tăng 3,5%" (matched over doc.low)
_PREDICATE_L = re.compile(r"""(?<![^\W\d_])(?:đạt|duy\s+trì|tiếp\s+tục|giữ|ổn\s+định|phục\s+hồi|khởi\s+sắc|
                              chuyển\s+biến|có|được|là|gặp|chịu|vẫn|đã|đang|cũng|ngày\s+càng|
                              tăng(?!\s+(?:trưởng|thêm)(?![^\W\d_]))|giảm)(?![^\W\d_])""", re.VERBOSE)
# clauses that tell where a figure comes from or when, not what it measures
_NOT_A_SUBJECT_L = re.compile(r"\s*(?:theo|căn\s+cứ|sau|qua|tính\s+đến|đến|từ|trong|tại|báo\s+cáo|so)(?![^\W\d_])")


def _clause_before(doc: Document, s: int, clause: int) -> tuple[int, int] | None:
    """The subject of the clause before ``clause`` when the clause of a figure names none: a topic
    ("Về chỉ tiêu thu ngân sách, ước thực hiện năm 2023 đạt ...") or a subject with a predicate
    of its own ("tốc độ tăng trưởng GRDP của tỉnh đạt khá cao, bình quân tăng 13,4%/năm");
    ``None`` when that clause names nothing either, or tells a source or a time."""
    norm = doc.norm
    c = norm.rfind(",", s, clause)
    if c < 0 or _name(doc, c + 1, clause)[0]:
        return None
    start = _subject(doc, s, c)
    if start >= c or _NOT_A_SUBJECT_L.match(_low(doc), start) or _DIGIT.search(_DIGIT_RATE_L.sub(
            lambda m: " " * len(m.group()), _low(doc)[start:c])):
        return None          # a figure of its own (not "tăng ở mức 2 con số": double-digit growth)
    p = _PREDICATE_L.search(_low(doc), start, c)
    end = p.start() if p else c
    if not _name(doc, start, end)[0]:
        return None
    return start, end


def _subject_of(doc: Document, d: _Draft | None) -> str | None:
    """The subject an indicator being read names (a cumulative one: the subject it continues)."""
    if d is None or not d.figures:
        return None
    if d.named:
        return _name(doc, *d.named)[0] or None
    return d.inherit or _name(doc, d.clause, _name_end(doc, d.clause, d.figures[0].lead))[0] or None


# --------------------------------------------------------------------------- entry point


AIM_WINDOW = 400


def _aimed(doc: Document, s: int) -> bool:
    """Whether a position lies after a target-setting cue in its sentence ("phấn đấu ... đạt 7%")."""
    norm = doc.norm
    start = max(norm.rfind(".", 0, s), norm.rfind("\n", 0, s)) + 1
    while start > 0 and start < len(norm) and norm[start - 1] == "." and start >= 2 and norm[start - 2].isdigit() \
            and norm[start:start + 1].isdigit():
        start = max(norm.rfind(".", 0, start - 1), norm.rfind("\n", 0, start - 1)) + 1
    # a cue governs the figures near it: look back at most AIM_WINDOW characters, so a text
    # without full stops is not searched from its start for every figure
    # the last cue governs, unless an estimate of a result stands between it and the figure
    low, pos = _low(doc), max(start, s - AIM_WINDOW)
    while True:
        m = _AIM.search(low, pos, s)
        if m is None:
            return False
        if not (m.start() and _LETTER.match(norm, m.start() - 1)) and not (
                _HEDGED_CHANGE.match(low, m.start()) and not _FUTURE.search(low, start, s)):
            estimate = _estimate(low, m.end(), s)
            if estimate < 0:
                return True
            pos = estimate                  # a cue after the estimate governs again
        else:
            pos = m.start() + 1


def _estimate(low: str, p: int, s: int) -> int:
    """The end of the first estimate word ("ước đạt", "dự ước 5%") in ``low[p:s]``, or -1."""
    while True:
        m = _ESTIMATE.search(low, p, s)
        if m is None:
            return -1
        if not (m.start() and _LETTER.match(low, m.start() - 1)):
            return m.end()
        p = m.start() + 1


def indicators_in(doc: Document) -> list[Indicator]:
    """Every indicator in ``doc``, in text order (number values from ``doc.facts["numbers"]``).

    Figures are read where numbers start, each within its statement; matching at those places
    finds what a scan of every statement finds: a match cannot cover a later digit whose
    preceding character passes ``_FIGURE``'s check, and matches never cross a stop.
    """
    norm = doc.norm
    candidates = _candidates(doc)
    if not candidates:
        return []
    spans = _Statements(norm)
    figures: dict[tuple[int, int], list[_Figure]] = {}      # statement span -> its figures, in order
    pos = e = -1
    for p, fact in candidates:
        if p < pos:
            continue
        if p >= e:                      # a statement after the last one read
            e = spans.end(p)
        m = _FIGURE.match(norm, p, e)
        if m is None:
            continue
        pos = m.end()
        fig = _figure(doc, m, spans, e, fact)
        if fig is not None:
            figures.setdefault((spans.start(p), e), []).append(fig)
            if fig.share is not None or fig.total:
                pos = max(pos, fig.end)         # the share's or the total's number is part of the count
    out: list[Indicator] = []
    topics: dict[int, str | None] = {}
    subject, last_end = None, 0
    for (s, e), figs in figures.items():
        if norm.find("\n", last_end, s) >= 0:
            subject = None                   # a subject is carried on within its line only
        found, subject = _statement_indicators(doc, s, e, figs, _topic(doc, spans, s, e, topics), subject)
        out.extend(found)
        last_end = e
    return out


def _topic(doc: Document, spans: _Statements, s: int, e: int, seen: dict[int, str | None]) -> str | None:
    """The period that frames statement ``norm[s:e]``: the last one opening a statement of its
    line up to it."""
    norm = doc.norm
    while True:
        if s < e:
            if s not in seen:
                seen[s] = _topic_period(doc, s, e)
            if seen[s]:
                return seen[s]
        if s == 0 or norm[s - 1] == "\n":
            return None
        s, e = spans.start(s - 1), s - 1


def run(doc: Document) -> None:
    doc.facts[NAME] = indicators_in(doc)
    doc.__dict__.pop("_indicators_memo", None)


# --------------------------------------------------------------------------- rules

# One rule per kind of figure; the first that reads a number wins. An indicator carries the rule
# of its first figure. Order matters: a bracketed plan before a done/target pair before a share
# of plan before a change before a level.
FIGURE_RULES = [
    Rule("bracket_target", _BRACKET_TARGET, _build_bracket_target),
    Rule("plan_amount_in_brackets", _PLAN_TAIL, _build_plan_amount),
    Rule("done_of_target", _FIGURE, _build_done_of_target),
    Rule("share_of_plan", _PLAN_TAIL, _build_share_of_plan),
    Rule("change_percent", _CMP_TAIL, _build_change),
    Rule("ratio_to_same_period", _CMP_TAIL, _build_ratio_to_same_period),
    Rule("percent_level", _PERCENT_NEXT, _build_percent_level),
    Rule("value_with_unit", _unit_re(), _build_value_with_unit),
]
RULES = FIGURE_RULES
