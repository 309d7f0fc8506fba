"""Cue prefilters (chidao.lexicon.prefilter): the fast paths find exactly what the exact patterns find."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.extract import Document, extract
from chidao.extract import shortcomings as short_extractor
from chidao.extract import tasks as task_extractor
from chidao.lexicon import phrase_alternation
from chidao.lexicon import prefilter as pf

# words of the cue phrases, their case changed, glued or cut by odd white space and punctuation
_TASK_WORDS = sorted({w for cat in ("directive", "speech", "reporting", "modal", "body_head")
                      for p in task_extractor._cues()[cat] for w in p.replace(",", " ").split()})
_SHORT_WORDS = sorted({w for cat in ("noun", "announce", "quantifier")
                       for p in short_extractor._cues()[cat] for w in p.replace(",", " ").split()})
_GLUE = st.sampled_from([" ", " ", " ", "  ", "\n", ", ", ": ", ". ", "; ", "(", "\"", "", "_", " như sau: ", " như "])


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    word = st.sampled_from(words + ["UBND", "x", "1", "đã", "Sở", "ĐỀ", "NGHỊ"])
    cased = st.tuples(word, st.sampled_from([str, str.upper, str.capitalize])).map(lambda p: p[1](p[0]))
    return st.lists(st.tuples(cased, _GLUE), min_size=1, max_size=30).map(
        lambda parts: "".join(w + g for w, g in parts))


def _spans(m: re.Match[str] | None):
    return None if m is None else (m.span(), m.groupdict())


@settings(max_examples=200, deadline=None)
@given(_texts(_TASK_WORDS), st.data())
def test_cue_index_gives_the_matches_of_the_exact_pattern(text, data):
    doc = Document(text)
    n = len(doc.norm)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    for name in task_extractor._INDEXED:
        exact = task_extractor._rx(name)
        want = [m.span() for m in exact.finditer(doc.norm, start, end)]
        assert [m.span() for m in task_extractor._finditer(doc, name, start, end)] == want


@settings(max_examples=200, deadline=None)
@given(_texts(_TASK_WORDS), st.data())
def test_phrase_trie_matches_wherever_the_alternation_matches(text, data):
    phrases = task_extractor._cues()["imperative"] + task_extractor._cues()["directive"]
    comma = r"\s*,?\s*"
    exact = re.compile(phrase_alternation(phrases, comma=comma), re.IGNORECASE)
    trie = re.compile(r"(?<![^\W_])" + pf.phrase_trie(phrases, comma=comma) + r"(?![^\W_])", re.IGNORECASE)
    pos = data.draw(st.integers(0, len(text)))
    assert (exact.match(text, pos) is None) == (trie.match(text, pos) is None)


@settings(max_examples=200, deadline=None)
@given(_texts(_SHORT_WORDS))
def test_anchors_never_rule_out_text_holding_a_phrase(text):
    nouns = short_extractor._cues()["noun"]
    exact = re.compile(phrase_alternation(nouns), re.IGNORECASE)
    low = Document(text).low
    if exact.search(text):
        assert pf.Anchors(nouns).may_hold(low, 0, len(low))


@settings(max_examples=250, deadline=None)
@given(_texts(_SHORT_WORDS))
def test_lead_in_search_gives_the_match_of_the_exact_pattern(text):
    doc = Document(text)
    leads = short_extractor._LeadIns(doc, 0, len(doc.norm))
    for name in ("lead_list", "lead_stop"):
        assert _spans(leads.search(name)) == _spans(short_extractor._rx(name).search(doc.norm, 0, len(doc.norm)))


@pytest.mark.parametrize("text", [
    "Vẫn còn một số hạn chế, khó khăn như: thu ngân sách đạt thấp; giải ngân chậm.",
    "Hội nghị chỉ ra những tồn tại, hạn chế cần khắc phục:",
    "Tuy nhiên, vẫn còn tồn tại nhiều vấn đề cần quan tâm giải quyết như: tốc độ tăng trưởng chậm.",
    "Bên cạnh đó, còn một số khó khăn.  Việc giải ngân còn chậm.",
    "Còn có\n  nhiều   hạn chế,\nthiếu sót như:",
])
def test_lead_ins_of_real_wording_are_found_as_by_the_exact_pattern(text):
    doc = Document(text)
    leads = short_extractor._LeadIns(doc, 0, len(doc.norm))
    for name in ("lead_list", "lead_stop"):
        assert _spans(leads.search(name)) == _spans(short_extractor._rx(name).search(doc.norm, 0, len(doc.norm)))


@pytest.mark.parametrize("text", ["Gıao UBND tỉnh chủ trì rà soát quy hoạch.",     # dotless ı
                                  "Giao ſở Tài chính chủ trì rà soát nguồn vốn."])   # long ſ
def test_text_with_letters_ignorecase_folds_but_lower_keeps_is_read_without_prefilters(text):
    doc = Document(text)
    assert pf.document_low(doc) is None
    (task,) = extract(text).facts["tasks"]
    assert task.text == text.rstrip(".")


@pytest.mark.parametrize("low,at,reach,want", [
    ("ab cd", 5, 2, 2),          # " cd": white space is free
    ("ab cd", 5, 3, 1),          # "b cd"
    ("ab   cd", 7, 2, 2),        # "   cd"
    ("ab cd", 5, 9, 0),          # all of it
    ("   ", 3, 0, 0),
])
def test_reach_back_counts_only_characters_other_than_white_space(low, at, reach, want):
    assert short_extractor._reach_back(low, at, reach, 0) == want


@settings(max_examples=200, deadline=None)
@given(_texts(_TASK_WORDS + ["theo", "của", "công", "tác", "lãnh", "đạo", "vừa", "qua", "nhiệm", "vụ", "như", "sau",
                             "kết", "luận", "hạn", "chế", "khó", "khăn", "ảnh", "video", "|", "%", "thì", "mà"]),
       st.data())
def test_checks_made_only_where_their_words_stand_answer_as_the_patterns_do(text, data):
    doc = Document(text)
    norm, n = doc.norm, len(doc.norm)
    s = data.draw(st.integers(0, n))
    e = data.draw(st.integers(s, n))
    assert task_extractor._not_cue_before(doc, e) == bool(
        task_extractor._NOT_CUE_BEFORE.search(norm, max(0, e - 14), e))
    assert task_extractor._past(doc, s, e) == bool(task_extractor._PAST.search(norm[s:e]))
    assert task_extractor._announces(doc, s, e) == bool(task_extractor._ANNOUNCE.search(norm, s, e))
    for rx, tails in ((task_extractor._SHORTCOMING_LEAD, task_extractor._SHORTCOMING_TAILS),
                      (task_extractor._OPENER_LEAD, task_extractor._OPENER_TAILS)):
        assert task_extractor._lead_in_after(doc, s, e, rx, tails) == bool(rx.search(norm[s:e]))
    assert task_extractor._is_caption(norm, doc.low, s, e) == bool(task_extractor._CAPTION.search(norm[s:e]))
