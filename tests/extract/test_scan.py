"""Fast scans give exactly what the slow patterns give, only sooner."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.extract.document import Document
from chidao.extract.anchors import matches_at
from chidao.extract.scan import PhraseStarts
from chidao.lexicon import trie_regex

_PHRASES = ["bí thư", "phó bí thư", "chủ tịch", "chủ tịch nước", "ủy viên", "ông", "bà"]
# the slow pattern: a word edge first, so the engine tries it at every position
_SLOW = re.compile(rf"(?<!\w)(?i:{trie_regex(_PHRASES)})")


@pytest.mark.parametrize(
    "text",
    [
        "Phó Bí thư Tỉnh ủy, ông Nguyễn Văn A, Chủ tịch nước",
        "xbí thư, bà bàn bạc với ông",            # a glued letter is no word start
        "PHÓ BÍ THƯ   TỈNH ỦY; chủ tịch\nnước",
        "",
        "không có chức danh nào",
    ],
)
def test_phrase_starts_then_the_slow_pattern_find_what_finditer_finds(text: str) -> None:
    doc = Document(text)
    starts = PhraseStarts(_PHRASES).find(doc.low)
    fast = [m.span() for m in matches_at(_SLOW, doc.norm, starts)]
    assert fast == [m.span() for m in _SLOW.finditer(doc.norm)]


@pytest.mark.parametrize(
    "text, spans",
    [
        ("Chủ tịch nước và chủ tịch", [(0, 13), (17, 25)]),   # the longest phrase wins
        ("phó bí thư", [(0, 10)]),                             # not bí thư inside it
        ("chủ tịchx", []),                                     # what follows must end the word
    ],
)
def test_phrase_spans_are_the_leftmost_longest_matches(text: str, spans: list[tuple[int, int]]) -> None:
    scan = PhraseStarts(_PHRASES, after=r"(?!\w)")
    assert scan.spans(Document(text).low) == spans


@pytest.mark.parametrize(
    "text, found",
    [
        ("Bı thư", True),       # dotless i: IGNORECASE takes it for i
        ("ủy ban ſở", False),
        ("BÍ THƯ", True),
    ],
)
def test_low_text_matches_where_ignorecase_does(text: str, found: bool) -> None:
    doc = Document(text)
    assert bool(PhraseStarts(["bi thư", "bí thư"]).find(doc.low)) == found
    assert bool(re.search(r"(?i:b[ií]\s+thư)", doc.norm)) == found


_ALPHABET = st.sampled_from(list("abtư ôngbíhủyviên,.\nABTƯÔ"))


@settings(max_examples=200, deadline=None)
@given(st.text(_ALPHABET, max_size=60))
def test_phrase_starts_never_miss_a_match(text: str) -> None:
    doc = Document(text)
    starts = PhraseStarts(_PHRASES).find(doc.low)
    fast = [m.span() for m in matches_at(_SLOW, doc.norm, starts)]
    assert fast == [m.span() for m in _SLOW.finditer(doc.norm)]
