"""Decode the bytes of a text file as offices have them (UTF-8/16, Windows-1258, TCVN3, VNI) into Unicode.

Detection order: a byte-order mark; UTF-16 without one when the zero-byte pattern is clear; binary
content is refused; strict UTF-8; else each legacy Vietnamese encoding is tried and scored by how
much of the decoded text reads as valid Vietnamese syllables. When no candidate is clearly best an
``EncodingError`` asks for ``--encoding``.

Conversion tables (checked against public sources):
- TCVN3 (ABC, ".VnTime" fonts) is TCVN 5712:1993 "VN3"; we decode with its superset "VN1", which
  also places the capital toned letters in 0x01-0x17 and 0x80-0x9F and gives combining tone marks
  at 0xB0-0xB4. Cross-checked byte by byte against glibc iconv "TCVN5712-1", XFree86
  ``lcUniConv/tcvn.h`` and the TCVN table of xvnkb (``tcvn.h``, Dao Hai Lam, VISC).
- VNI (VNI-Windows, "VNI-Times" fonts) writes a base letter followed by a mark byte read as
  Windows-1252; table after xvnkb ``vni.h`` and the vietnamese-conversion package's charsets.
"""
from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass

from chidao.errors import EncodingError, InputError


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


# --------------------------------------------------------------------------- names

CANONICAL = ("utf-8", "utf-16", "cp1258", "tcvn3", "vni")
_ALIASES = {
    "utf-8": "utf-8", "utf8": "utf-8", "utf-8-sig": "utf-8", "utf_8": "utf-8", "ascii": "utf-8",
    "us-ascii": "utf-8", "unicode": "utf-8",
    "utf-16": "utf-16", "utf16": "utf-16", "utf-16le": "utf-16-le", "utf-16-le": "utf-16-le",
    "utf_16_le": "utf-16-le", "utf-16be": "utf-16-be", "utf-16-be": "utf-16-be", "utf_16_be": "utf-16-be",
    "cp1258": "cp1258", "windows-1258": "cp1258", "windows1258": "cp1258", "win1258": "cp1258",
    "cp-1258": "cp1258",
    "tcvn3": "tcvn3", "tcvn": "tcvn3", "tcvn-3": "tcvn3", "abc": "tcvn3", "tcvn5712": "tcvn3",
    "tcvn-5712": "tcvn3", "tcvn5712-1": "tcvn3", "vntime": "tcvn3", ".vntime": "tcvn3",
    "vni": "vni", "vni-windows": "vni", "vni-win": "vni", "vniwindows": "vni", "vni-times": "vni",
}
ACCEPTED_NAMES = "utf-8, utf-16 (utf-16le, utf-16be), cp1258 (windows-1258), tcvn3 (abc), vni (vni-windows)"


def canonical_encoding(name: str) -> str:
    """The encoding ``name`` stands for; an ``InputError`` listing the accepted names otherwise."""
    key = name.strip().lower().replace(" ", "-")
    if key not in _ALIASES:
        raise InputError(f"unknown encoding {name!r}; use one of: {ACCEPTED_NAMES}")
    return _ALIASES[key]


# --------------------------------------------------------------------------- TCVN3

# Bytes 0x80..0xFF of TCVN 5712:1993 (VN1, a superset of VN3 as used by the .VnTime fonts).
_TCVN_HIGH = (
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ"      # 0x80
    "ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"      # 0x90
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"  # 0xA0
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"  # 0xB0
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"      # 0xC0
    "éẹềểễếệìỉỄẾỒĩíịò"      # 0xD0
    "Ổỏõóọồổỗốộờởỡớợù"      # 0xE0
    "ỖủũúụừửữứựỳỷỹýỵỐ"      # 0xF0
)
# Capital toned letters VN1 puts on control codes.
_TCVN_LOW = {0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ", 0x11: "Ứ", 0x12: "Ự",
             0x13: "Ỳ", 0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ"}
assert len(_TCVN_HIGH) == 128
_TCVN_DECODE = {**{b: chr(b) for b in range(0x80)}, **_TCVN_LOW,
                **{0x80 + i: c for i, c in enumerate(_TCVN_HIGH)}}
_TCVN_TABLE = "".join(_TCVN_DECODE[b] for b in range(256))
_WORD = re.compile(r"[^\W\d_]+")


def decode_tcvn3(data: bytes) -> str:
    """TCVN3 bytes as NFC text; a word typed in capitals for a ".VnTimeH" font is put in capitals."""
    text = unicodedata.normalize("NFC", data.decode("latin-1").translate(_TCVN_TABLE))
    return _WORD.sub(_caps_word, text)


def _caps_word(m: re.Match[str]) -> str:
    # ".VnTimeH" shows lowercase codes as capitals: "KÕT" is "KẾT", typed with capital ASCII letters
    w = m.group(0)
    if w.islower() or w.isupper() or (w[0].isupper() and w[1:].islower()):
        return w
    ascii_letters = [c for c in w if c.isascii()]
    if ascii_letters and all(c.isupper() for c in ascii_letters):
        return w.upper()
    return w


def encode_tcvn3(text: str) -> bytes:
    """Unicode text as TCVN3 (VN1) bytes; the inverse of ``decode_tcvn3`` (used by tests and tools)."""
    rev = {c: b for b, c in _TCVN_DECODE.items() if b >= 0x80 or b in _TCVN_LOW}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in rev:
            out.append(rev[ch])
        elif ord(ch) < 0x80:
            out.append(ord(ch))
        else:
            raise ValueError(f"{ch!r} has no TCVN3 code")
    return bytes(out)


# --------------------------------------------------------------------------- VNI

# VNI writes a vowel then a mark; read as Windows-1252 the marks are these characters.
_VNI_TONE = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_CIRC = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
# single characters: đ, ơ, ư, the toned i, and ỵ
_VNI_SINGLE = {"ñ": "đ", "ô": "ơ", "ö": "ư", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
_VNI_BASES = {  # base as read -> (letter, which marks it takes)
    "a": ("a", (_VNI_TONE, _VNI_CIRC, _VNI_BREVE)), "e": ("e", (_VNI_TONE, _VNI_CIRC)),
    "o": ("o", (_VNI_TONE, _VNI_CIRC)), "ô": ("ơ", (_VNI_TONE,)), "u": ("u", (_VNI_TONE,)),
    "ö": ("ư", (_VNI_TONE,)), "y": ("y", (_VNI_TONE,)),
}
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"


def _vni_table() -> dict[str, str]:
    """Every VNI sequence (as read in Windows-1252) and the letter it writes."""
    table: dict[str, str] = {}
    for base, (letter, tables) in _VNI_BASES.items():
        for tbl in tables:
            extra = _CIRCUMFLEX if tbl is _VNI_CIRC else _BREVE if tbl is _VNI_BREVE else ""
            for mark, tone in tbl.items():
                low = unicodedata.normalize("NFC", letter + extra + tone)
                for b, m in ((base, mark), (base.upper(), mark.upper()), (base, mark.upper()),
                             (base.upper(), mark)):
                    table[b + m] = low.upper() if b.isupper() else low
    for k, v in _VNI_SINGLE.items():
        table.setdefault(k, v)
        table.setdefault(k.upper(), v.upper())
    return table


_VNI_MAP = _vni_table()
_VNI_RX = re.compile("|".join(map(re.escape, sorted(_VNI_MAP, key=len, reverse=True))))


def decode_vni(data: bytes) -> str:
    """VNI-Windows bytes as NFC text."""
    raw = data.decode("cp1252", errors="replace")
    return unicodedata.normalize("NFC", _VNI_RX.sub(lambda m: _VNI_MAP[m.group(0)], raw))


def encode_vni(text: str) -> bytes:
    """Unicode text as VNI-Windows bytes; the inverse of ``decode_vni`` (used by tests and tools)."""
    single_rev = {v: k for k, v in _VNI_SINGLE.items() if k not in ("í", "ì")}
    tone_rev = {v: k for k, v in _VNI_TONE.items()}
    circ_rev = {v: k for k, v in _VNI_CIRC.items()}
    breve_rev = {v: k for k, v in _VNI_BREVE.items()}
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        upper = ch.isupper()
        low = ch.lower()
        if ord(ch) < 0x80 or low in ("í", "ì"):
            out.append(ch)
            continue
        if low in single_rev:
            s = single_rev[low]
            out.append(s.upper() if upper else s)
            continue
        d = unicodedata.normalize("NFD", low)
        base, marks = d[0], d[1:]
        tone = next((m for m in marks if m in tone_rev), "")
        shape = marks.replace(tone, "")
        if base == "o" and shape == "\u031b":          # ơ + tone
            seq = "ô" + tone_rev[tone]
        elif base == "u" and shape == "\u031b":        # ư + tone
            seq = "ö" + tone_rev[tone]
        elif shape == _CIRCUMFLEX:
            seq = base + circ_rev[tone]
        elif shape == _BREVE:
            seq = base + breve_rev[tone]
        elif shape == "" and tone and base in "aeouy":
            seq = base + tone_rev[tone]
        elif shape == "" and tone and base == "i":
            seq = {"\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}[tone]
        else:
            raise ValueError(f"{ch!r} has no VNI code")
        if upper:
            seq = seq.upper()
        out.append(seq)
    return "".join(out).encode("cp1252")


# --------------------------------------------------------------------------- Windows-1258

def encode_cp1258(text: str) -> bytes:
    """Unicode text as Windows-1258 the way Vietnamese keyboards write it: base letter, then tone."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in d if c in _TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONE_MARKS))
        out += (base + tone).encode("cp1258")
    return bytes(out)


# --------------------------------------------------------------------------- plausibility

_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
_NUCLEI = sorted("""
a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ôô ua uâ uê ui uô uơ
uy ưa ưi ươ ưu yê iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu uơi
""".split(), key=len, reverse=True)
_SYLLABLE = re.compile(rf"{_ONSET}({'|'.join(_NUCLEI)})(ng|nh|ch|[cmnpt])?")
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_STOPS = ("c", "ch", "p", "t")
_EDGE = string.punctuation + "“”‘’«»…–—•·"
_ALLOWED_INNER = set(string.punctuation + string.digits + "“”‘’…–—%°")


def is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` (letters only) is written as a Vietnamese syllable could be, case included."""
    if not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
        return False
    d = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in d if c in _TONE_MARKS]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONE_MARKS))
    m = _SYLLABLE.fullmatch(bare)
    if m is None:
        return False
    if m.group(2) in _STOPS and tones and tones[0] not in ("\u0301", "\u0323"):
        return False
    return True


def _token_ok(token: str) -> bool:
    core = token.strip(_EDGE + " ")
    if not core:
        return True
    for run in re.split(r"([^\W\d_]+)", core):
        if not run:
            continue
        if run[0].isalpha():
            if not run.isascii() and not is_vietnamese_syllable(run):
                return False
        elif any(c not in _ALLOWED_INNER for c in run):
            return False
    return True


def plausibility(decoded_tokens: list[str]) -> float:
    """Share of tokens that read as Vietnamese (1.0 for an empty list)."""
    if not decoded_tokens:
        return 1.0
    return sum(map(_token_ok, decoded_tokens)) / len(decoded_tokens)


# --------------------------------------------------------------------------- detection

_DECODERS = {
    "cp1258": lambda b: unicodedata.normalize("NFC", b.decode("cp1258", errors="replace")),
    "tcvn3": decode_tcvn3,
    "vni": decode_vni,
}
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B}
_MIN_SCORE = 0.6
_MIN_MARGIN = 0.15


def utf16_byte_order(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the zero bytes sit clearly on one side of each pair."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    pairs = len(even)
    z_even, z_odd = even.count(0) / pairs, odd.count(0) / pairs
    if z_odd >= 0.3 and z_even <= 0.02:
        return "utf-16-le"
    if z_even >= 0.3 and z_odd <= 0.02:
        return "utf-16-be"
    return None


def _is_binary(data: bytes, legacy: bool) -> bool:
    if b"\x00" in data:
        return True
    sample = data[:65536]
    controls = sum(1 for b in sample if b in _CONTROL)
    # TCVN3 puts some capital letters on control codes: allow a few
    return controls > max(4, len(sample) // (50 if legacy else 200))


def _decode_as(data: bytes, enc: str, name: str | None) -> Decoded:
    try:
        if enc == "utf-8":
            return Decoded(data.decode("utf-8-sig"), "utf-8")
        if enc in ("utf-16", "utf-16-le", "utf-16-be"):
            if enc == "utf-16" and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
                enc = utf16_byte_order(data) or "utf-16-le"
            text = data.decode(enc)
            return Decoded(text.removeprefix("\ufeff"), "utf-16")
        if enc == "cp1258":
            return Decoded(unicodedata.normalize("NFC", data.decode("cp1258")), "cp1258")
    except UnicodeDecodeError:
        raise EncodingError(
            f"the bytes are not valid {enc}; try another --encoding ({ACCEPTED_NAMES}) "
            "or leave it out to detect", name) from None
    return Decoded(_DECODERS[enc](data), enc)


def decode_bytes(data: bytes, encoding: str | None = None, name: str | None = None) -> Decoded:
    """Decode ``data``, detecting its encoding unless ``encoding`` names one (see the module doc)."""
    if encoding:
        return _decode_as(data, canonical_encoding(encoding), name)
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_as(data, "utf-8", name)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return _decode_as(data, "utf-16", name)
    order = utf16_byte_order(data)
    if order is not None:
        try:
            text = data.decode(order)
        except UnicodeDecodeError:
            text = None
        if text is not None and not _is_binary(text.encode("utf-8"), legacy=False):
            return Decoded(text, "utf-16")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if _is_binary(data, legacy=text is None):
        raise InputError("binary file, not text; give a text, .docx, .pdf or .html file", name)
    if text is not None:
        return Decoded(text, "utf-8")
    if _mostly_utf8(data):
        return Decoded(data.decode("utf-8", errors="replace"), "utf-8")
    return _detect_legacy(data, name)


def _mostly_utf8(data: bytes) -> bool:
    """Valid UTF-8 but for a few bad bytes (a file cut mid-character, one stray byte)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    good = sum(1 for c in text if ord(c) >= 0x80 and c != "\ufffd")
    return good >= 10 and bad <= max(1, good // 100)


def _detect_legacy(data: bytes, name: str | None) -> Decoded:
    tokens = [t for t in data.split() if any(b >= 0x80 for b in t)][:20000]
    scored = []
    for enc, dec in _DECODERS.items():
        score = plausibility([dec(t) for t in tokens])
        scored.append((score, enc))
    scored.sort(reverse=True)
    (best, enc), (second, enc2) = scored[0], scored[1]
    text = _DECODERS[enc](data)
    if best >= _MIN_SCORE and (best - second >= _MIN_MARGIN or _DECODERS[enc2](data) == text):
        return Decoded(text, enc)
    raise EncodingError(
        f"cannot decide the text encoding (best guesses {enc} {best:.0%}, {enc2} {second:.0%}); "
        f"name it with --encoding: {ACCEPTED_NAMES}", name)
