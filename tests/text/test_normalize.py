"""normalize(): the matching form folds what it should, and its offset map agrees with a plain one."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.text.normalize import _DROPPED, _SINGLE, _old_style_tones, normalize

FOLDS = [
    # original, matching form
    ("Tỉnh uỷ", "Tỉnh ủy"),
    ("hoà bình", "hòa bình"),
    ("khoẻ mạnh", "khỏe mạnh"),
    ("thuỷ lợi", "thủy lợi"),
    ("Quý II", "Quý II"),                 # "qu": the tone stays on y
    ("hoàn thành", "hoàn thành"),         # closed syllable: the tone stays on a
    ("TỈNH UỶ", "TỈNH ỦY"),
    ("Ðảng bộ", "Đảng bộ"),               # Icelandic eth looks like Đ
    ("ho\u0300a", "hòa"),                 # NFD input
    ("a\r\nb\rc", "a\nb\nc"),
    ("x\u200by\u00adz", "xyz"),           # zero-width space, soft hyphen
    ("2021 – 2030", "2021 - 2030"),
    ("“Kết luận”", '"Kết luận"'),
    ("a\u00a0b\tc", "a b c"),
    ("Năm ２０２４", "Năm 2024"),            # fullwidth digits (East Asian input methods)
    ("số １２/ＱĐ", "số 12/ＱĐ"),            # only the digits: fullwidth letters stay
]


@pytest.mark.parametrize("original,folded", FOLDS)
def test_matching_form_folds_variants(original, folded):
    assert normalize(original).norm == folded


def _reference(text: str) -> tuple[str, list[int], list[int]]:
    """The obvious character-by-character map the piecewise one must agree with."""
    out, starts, ends = [], [], []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _DROPPED:
            i += 1
            continue
        if ch == "\r":
            j = i + 2 if i + 1 < n and text[i + 1] == "\n" else i + 1
            out.append("\n"); starts.append(i); ends.append(j)
            i = j
            continue
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = unicodedata.normalize("NFC", text[i:j])
        for c in cluster:
            out.append(_SINGLE.get(ord(c), c)); starts.append(i); ends.append(j)
        i = j
    return _old_style_tones("".join(out)), starts, ends


ALPHABET = st.sampled_from(list("aoeuyqhAOUY \r\n.\u200b\u00ad\u0300\u0301\u0309\u0323\u2013ÐđờỷàẻkQ\u0958\u2126２９"))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(ALPHABET, max_size=40), st.text(max_size=40)))
def test_offset_map_agrees_with_a_character_by_character_map(text):
    nt = normalize(text)
    norm, starts, ends = _reference(text)
    # the reference treats a combining mark at the very start as its own cluster, as we do
    assert nt.norm == norm
    for i in range(len(norm)):
        assert nt.to_original(i, i + 1) == (starts[i], ends[i])
    for a in range(len(text) + 1):
        for b in range(a, min(len(text), a + 4) + 1):
            ns, ne = nt.to_norm(a, b)
            assert ns == sum(1 for e in ends if e <= a)
            assert ne == max(ns, sum(1 for s in starts if s < b))


def test_long_plain_text_maps_as_one_piece():
    text = "Ban Thường vụ Tỉnh ủy kết luận. " * 10_000
    nt = normalize(text)
    assert len(nt._nb) == 1
    assert nt.to_original(100, 120) == (100, 120)


@pytest.mark.parametrize(
    "text, digits_at",
    [
        ("Kết luận số ２０４３-KL/TU", 12),
        ("ngày ０５/１２/２０２３", 5),
    ],
)
def test_fullwidth_digits_fold_one_for_one(text: str, digits_at: int) -> None:
    nt = normalize(text)
    assert len(nt.norm) == len(text) and nt.norm[digits_at].isascii() and nt.norm[digits_at].isdigit()
    assert nt.to_original(digits_at, digits_at + 2) == (digits_at, digits_at + 2)


@pytest.mark.parametrize(
    "text",
    [
        "Ban Thường vụ Tỉnh ủy kết luận.",            # nothing to fold
        "“Kết luận” – năm ２０２４\u00a0hoà bình",      # folds, all one for one
    ],
)
def test_a_text_folded_one_for_one_maps_as_one_piece(text: str) -> None:
    nt = normalize(text)
    assert len(nt._nb) == 1
    assert nt.to_original(3, 9) == (3, 9) and nt.to_norm(3, 9) == (3, 9)
