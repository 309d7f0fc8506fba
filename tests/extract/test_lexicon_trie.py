"""Lexicon alternations as prefix tries: same matches as a longest-first alternation, faster."""
from __future__ import annotations

import re

import pytest

from chidao.lexicon import trie_regex
from chidao.lexicon.names import title_head_regex

_KINDS = ["Nghị quyết", "Nghị quyết liên tịch", "Nghị định", "Kết luận", "Quyết định", "Quy định"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nghị quyết liên tịch", "Nghị quyết liên tịch"),   # the longer phrase wins
        ("nghị   quyết", "nghị   quyết"),                   # any run of spaces, any case
        ("Nghị định số 5", "Nghị định"),
        ("Quy định 146", "Quy định"),
        ("Kết luận", "Kết luận"),
    ],
)
def test_trie_matches_the_longest_phrase(text: str, expected: str) -> None:
    m = re.compile(trie_regex(_KINDS), re.IGNORECASE).match(text)
    assert m is not None and m.group(0) == expected


@pytest.mark.parametrize("text", ["Nghị", "Kết quả", "Quyết tâm", "quy hoạch", ""])
def test_trie_rejects_what_no_phrase_spells(text: str) -> None:
    assert re.compile(rf"{trie_regex(_KINDS)}(?!\w)", re.IGNORECASE).match(text) is None


@pytest.mark.parametrize(
    "text, loose_ok",
    [("Sở NN & PTNT", True), ("Sở NN&PTNT", True), ("Sở NN -PTNT", True), ("Sở NN PTNT", False)],
)
def test_trie_loose_punctuation_takes_spaces_either_side(text: str, loose_ok: bool) -> None:
    pattern = re.compile(trie_regex(["Sở NN&PTNT", "Sở NN-PTNT"], loose="&-"), re.IGNORECASE)
    assert (pattern.fullmatch(text) is not None) == loose_ok


def test_trie_of_nothing_matches_nothing() -> None:
    assert re.compile(trie_regex([])).search("anything") is None


@pytest.mark.parametrize("text", ["Phó Chủ tịch UBND tỉnh", "Ủy viên Ban Thường vụ", "Bí thư"])
def test_title_heads_trie_finds_the_same_head_as_the_list(text: str) -> None:
    m = re.compile(rf"(?:{title_head_regex()})(?!\w)", re.IGNORECASE).match(text)
    assert m is not None and text.startswith(m.group(0))


@pytest.mark.parametrize(
    "text, found",
    [
        ("bí thư", "bí thư"),
        ("(bí thư", "bí thư"),
        ("xbí thư", None),          # a letter right before: no word start
        ("2bí thư", None),          # a digit too
        ("_bí thư", "bí thư"),      # an underscore is no letter
        ("nhà giáo", "nhà giáo"),
        ("anhà giáo", None),
    ],
)
def test_trie_at_word_starts_only(text: str, found: str | None) -> None:
    pattern = re.compile(trie_regex(["bí thư", "bộ trưởng", "nhà giáo"], word_start=True))
    m = pattern.search(text)
    assert (m.group(0) if m else None) == found


def test_word_start_trie_opens_with_plain_letters() -> None:
    # the shared opening letters come before the test behind them, so the scan skips in C
    assert trie_regex(["nhà giáo nhân dân"], word_start=True).startswith("(?:nhà(?<!")
