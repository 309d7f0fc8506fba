"""Anchors: where a rule's matches can begin, and trying a pattern there only gives what a scan of
the whole text gives."""
from __future__ import annotations

import re

import pytest

from chidao.extract.anchors import (digit_runs, free_digit_runs, matches_at, phrase_matches, phrase_starts,
                                    roman_runs, start_before, trie_alternation, word_starts, words_before)
from chidao.extract.document import Document


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@pytest.mark.parametrize("pattern,text", [
    (r"\d+(?:/\d+)?", "ngày 14/3/2024 và 7/35 chỉ tiêu"),
    (r"(?<![\w/])\d+", "A1 22 /3 44x 5"),
    (r"ab|b", "abab b"),                       # a match swallows a later start
    (r"x(?!y)", "xy x xyx"),
])
def test_trying_a_pattern_at_every_start_it_can_have_gives_finditer(pattern, text):
    p = re.compile(pattern)
    every_offset = range(len(text))            # a superset of where it can match
    assert _spans(matches_at(p, text, every_offset)) == _spans(p.finditer(text))


def test_a_start_inside_an_earlier_match_is_skipped_as_finditer_does():
    p = re.compile(r"\d+/\d+")
    assert _spans(matches_at(p, "12/34/56", [0, 3, 6])) == [(0, 5)]


def test_an_end_position_cuts_the_text_as_finditer_does():
    p = re.compile(r"sớm(?!\w)")
    text = "sớmhơn"
    assert _spans(matches_at(p, text, [0], endpos=3)) == _spans(p.finditer(text, 0, 3)) == [(0, 3)]


@pytest.mark.parametrize("text,runs", [
    ("ngày 14/3/2024", [(5, 7, " ", "/"), (8, 9, "/", "/"), (10, 14, "/", " ")]),
    ("2024", [(0, 4, " ", " ")]),                  # a space stands for the edge of the text
    ("QH15, 3,09%", [(2, 4, "H", ","), (6, 7, " ", ","), (8, 10, ",", "%")]),
    ("không có số", []),
    ("năm ２０２４", [(4, 8, " ", " ")]),            # any decimal digit, as \d
])
def test_digit_runs_come_with_the_characters_around_them(text, runs):
    assert digit_runs(Document(text)) == runs


def test_free_digit_runs_have_no_word_and_no_glue_before():
    doc = Document("a1 /2 .3 4 (5")
    assert [s for s, *_ in free_digit_runs(doc, "/.")] == [9, 12]
    assert [s for s, *_ in free_digit_runs(doc, "")] == [4, 7, 9, 12]


@pytest.mark.parametrize("text,romans", [
    ("Đại hội XIV của Đảng", ["XIV"]),
    ("Chính phủ, Ban Chấp hành", []),               # capitals starting words are not numerals
    ("I. Về tình hình\nII) Nhiệm vụ", ["I", "II"]),
    ("khóa XIII)", ["XIII"]),
    ("XIVa X_ IX", ["IX"]),
])
def test_roman_runs_are_whole_words_of_roman_capitals(text, romans):
    assert [text[s:e] for s, e in roman_runs(Document(text))] == romans


def test_word_starts_are_every_occurrence_in_lower_case():
    assert word_starts(Document("Năm nay, NĂM 2024, trong năm."), "năm") == [0, 9, 25]
    assert word_starts(Document("các cácbon"), "các") == [0, 4]       # inside a word too


@pytest.mark.parametrize("text,starts", [
    ("Các tháng cuối năm", [0]),
    ("cáctháng cuối năm", []),          # the phrase goes on: white space must follow its first word
    ("xcác tháng", []),                 # glued to a word before
    ("(tết) và Tết", [1, 9]),           # a one-word phrase needs nothing after it
])
def test_phrase_starts_are_first_words_standing_alone(text, starts):
    assert phrase_starts(Document(text), ("các tháng cuối năm", "tết")) == starts


@pytest.mark.parametrize("text,end,start", [
    ("Hội nghị lần thứ XI", 17, 9),
    ("kỳ họp   thứ IV", 13, 0),         # any run of white space between the words
    ("lần thứIV", 7, None),             # the white space before the offset is required
    ("alần thứ X", 9, None),            # a word glued before the phrase
])
def test_words_are_read_back_from_an_offset(text, end, start):
    back = words_before(("lần thứ", "kỳ họp thứ"), before=r"\s+", after=r"\b")
    assert start_before(Document(text), back, end) == start


def test_the_longest_phrase_read_back_starts_leftmost():
    back = words_before(("thứ", "kỳ họp thứ"), before=r"\s+")
    assert start_before(Document("Kỳ họp thứ IV"), back, 11) == 0


@pytest.mark.parametrize("text", [
    "6 tháng đầu năm 2024 và đầu năm nay",
    "m k m",                            # a match ends inside the longer phrase "k m": "m" still counts
    "k m k m",
    "xk m, km, k  m",
    "",
])
def test_phrases_found_from_their_last_word_are_what_finditer_finds(text):
    phrases = ("k m", "m", "6 tháng đầu năm", "đầu năm")
    pattern = re.compile(r"(?<![\w])(?:6\s+tháng\s+đầu\s+năm|đầu\s+năm|k\s+m|m)(?:\s+k|\s+\d{4})?", re.IGNORECASE)
    doc = Document(text)
    assert _spans(phrase_matches(doc, pattern, phrases)) == _spans(pattern.finditer(doc.norm))


TRIE_PHRASES = ("trong", "trong vòng", "trong thời hạn", "trước", "chậm nhất", "chậm nhất là", "tới", "tới hết", "t")


@pytest.mark.parametrize("text", [
    "trong vòng 15 ngày", "trong  vòng", "trongvòng", "trong thời gian", "chậm nhất là ngày", "chậm nhấtlà",
    "tới hết tháng", "tới hếtx", "xtrong", "tt", "", "trước", "tr",
])
@pytest.mark.parametrize("word_start", [False, True])
def test_a_trie_of_phrases_matches_what_their_alternation_longest_first_matches(text, word_start):
    alternation = "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(TRIE_PHRASES, key=len, reverse=True))
    plain = re.compile((r"(?<![\w])" if word_start else "") + f"(?P<p>{alternation})" + r"(?:\s+ngày|\s+\w+)?$")
    trie = re.compile(f"(?P<p>{trie_alternation(TRIE_PHRASES, word_start=word_start)})" + r"(?:\s+ngày|\s+\w+)?$")
    for i in range(len(text) + 1):
        want, got = plain.match(text, i), trie.match(text, i)
        assert (want and (want.span(), want.span("p"))) == (got and (got.span(), got.span("p"))), (text, i)
        assert _spans(plain.finditer(text, i)) == _spans(trie.finditer(text, i))


def test_a_trie_opens_each_branch_with_a_literal():
    assert trie_alternation(("ab", "ac", "a b")) == r"(?:a(?:\s+b|b|c))"
