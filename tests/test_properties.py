"""Properties over arbitrary input: extraction never raises and every span points into the text as read."""
from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chidao import extract
from chidao.text.normalize import normalize

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"
_FALLBACK = ("Ngày 14/3/2024, Ban Thường vụ Tỉnh ủy làm việc. 1. Tập trung lãnh đạo. Kết luận số 2043-KL/TU "
             "ngày 05/12/2023. Tăng 3,09% so với cùng kỳ; bằng 60,1% kế hoạch. Ảnh: Diễm My. Toàn cảnh hội nghị. |")


def _fragments() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] or [_FALLBACK]
    out: list[str] = []
    for t in texts:
        for line in t.splitlines():
            words = line.split()
            out += [" ".join(words[i:i + 9]) for i in range(0, len(words), 7)]
    return [f for f in out if f]


FRAGMENTS = _fragments()
SEPARATORS = ["\n", "\n\n", "\r\n", " ", "\u00a0", "\t", ". ", "; ", "\n1. ", "\n- ", "\nI. ", "\nẢnh: ", " |\n",
              "\u200b", "\u2013", "“", "”", "\ufeff", "\r", "\n\n\n"]
FORMS = ["NFC", "NFD"]

vietnamese_ish = st.builds(
    lambda parts, form: unicodedata.normalize(form, "".join(parts)),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS), st.text(max_size=5)),
             max_size=30),
    st.sampled_from(FORMS),
)
any_text = st.text(max_size=200)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_spans(text: str) -> None:
    doc = extract(text)
    data = doc.to_dict()
    n = len(text)
    assert data["source"]["chars"] == n
    for kind, facts in data.items():
        if not isinstance(facts, list):
            continue
        for fact in facts:
            where = f"{kind} {fact.get('rule')!r}"
            if "start" in fact:
                assert 0 <= fact["start"] <= fact["end"] <= n, where
                if fact.get("text") is not None:
                    assert fact["text"] == text[fact["start"]:fact["end"]], where
            for m in fact.get("mentions", []):
                assert 0 <= m["start"] <= m["end"] <= n, where
    for name in ("segments", "sentences"):
        for seg in doc.get(name):
            assert 0 <= seg.start <= seg.end <= n, name


@FAST
@given(any_text)
def test_extract_never_raises_and_spans_stay_inside_arbitrary_unicode(text):
    _check_spans(text)


@FAST
@given(vietnamese_ish)
def test_extract_never_raises_and_spans_stay_inside_vietnamese_like_text(text):
    _check_spans(text)


@settings(max_examples=200, deadline=None)
@given(st.one_of(any_text, vietnamese_ish))
def test_normalized_spans_map_back_monotonically_and_within_bounds(text):
    nt = normalize(text)
    n, m = len(text), len(nt.norm)
    prev = (0, 0)
    for i in range(m):
        s, e = nt.to_original(i, i + 1)
        assert 0 <= s < e <= n
        assert s >= prev[0] and e >= prev[1]
        prev = (s, e)
        ns, ne = nt.to_norm(s, e)
        assert ns <= i < ne                     # the original span of a character covers it again
    s0, e0 = nt.to_original(0, m)
    assert 0 <= s0 <= e0 <= n                   # dropped zero-width marks at the ends may fall outside


@settings(max_examples=200, deadline=None)
@given(st.one_of(any_text, vietnamese_ish), st.data())
def test_to_norm_of_an_original_span_covers_it(text, data):
    nt = normalize(text)
    n = len(text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    ns, ne = nt.to_norm(a, b)
    assert 0 <= ns <= ne <= len(nt.norm)
    if ns < ne:
        # every norm character inside comes from characters overlapping [a, b)
        for i in range(ns, ne):
            cs, ce = nt.to_original(i, i + 1)
            assert cs < b and ce > a


@settings(max_examples=200, deadline=None)
@given(st.one_of(any_text, vietnamese_ish))
def test_normalize_is_idempotent_on_its_own_output(text):
    once = normalize(text).norm
    assert normalize(once).norm == once
