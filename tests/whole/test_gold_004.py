"""Seed 004 (a formal conclusion) reproduces the worked example in shared/spec/gold."""
from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest

from chidao import extract
from tests.conftest import GOLD, seed_text

GOLD_FILE = GOLD / "004_29ad56609ebb04f7.json"


@pytest.fixture(scope="module")
def gold() -> dict:
    if not GOLD_FILE.is_file():
        pytest.skip(f"gold file not found at {GOLD_FILE}")
    return json.loads(GOLD_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def out() -> dict:
    return extract(seed_text("004")).to_dict()


def test_reference_date_is_the_meeting_date(out, gold):
    assert out["source"]["ref_date"] == gold["source"]["ref_date"]


def test_document_block_matches(out, gold):
    want, got = gold["document"], out["document"]
    assert got is not None
    for key in ("kind", "number", "symbol", "issued_on", "issuer"):
        assert got[key] == want[key], key
    assert got["signer"]["name"] == want["signer"]["name"]
    assert got["signer"]["title"] == want["signer"]["title"]
    assert got["recipients"] == want["recipients"]


def test_meeting_matches(out, gold):
    (want,) = gold["meetings"]
    matches = [m for m in out["meetings"] if m["kind"] == want["kind"]]
    assert len(matches) == 1, out["meetings"]
    got = matches[0]
    assert (got["body"], got["date"], got["chairs"]) == (want["body"], want["date"], want["chairs"])


def test_people_and_all_their_titles(out, gold):
    got = {p["name"]: p["titles"] for p in out["people"]}
    want = {p["name"]: p["titles"] for p in gold["people"]}
    assert set(got) == set(want)
    for name, titles in want.items():
        assert got[name] == titles, name


def test_every_cited_document_with_date_issuer_and_mention_count(out, gold):
    counts = Counter((r["kind"], r["number"], r["symbol"]) for r in out["references"])
    want_keys = {(r["kind"], r["number"], r["symbol"]) for r in gold["references"]}
    assert set(counts) == want_keys
    for ref in gold["references"]:
        key = (ref["kind"], ref["number"], ref["symbol"])
        assert counts[key] == ref["mentions"], key
        first = next(r for r in out["references"] if (r["kind"], r["number"], r["symbol"]) == key)
        assert first["issued_on"] == ref["issued_on"], key
        assert first["issuer"] == ref["issuer"], key
        if "year" in ref:
            assert first["year"] == ref["year"], key


def test_indicators_with_their_figures(out, gold):
    for want in gold["indicators"]:
        got = [i for i in out["indicators"] if i["name"].casefold() == want["name"].casefold()]
        assert got, f"missing indicator {want['name']}: {[i['name'] for i in out['indicators']]}"
        for key, value in want.items():
            if key != "name":
                assert got[0][key] == value, (want["name"], key)


def test_ten_tasks_with_assignees_and_two_deadlines(out, gold):
    got, want = out["tasks"], gold["tasks"]
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert g["ordinal"] == w["ordinal"]
        assert g["text"].startswith(w["begins"]), (g["text"][:60], w["begins"])
        assert g["assignees"] == w["assignees"], w["begins"]
        assert g["deadline"] == w["deadline"], w["begins"]
        if "deadline_text" in w:
            assert g["deadline_text"] == w["deadline_text"]


def test_shortcomings_one_per_item(out, gold):
    got = [s["text"] for s in out["shortcomings"]]
    want = [s["begins"] for s in gold["shortcomings"]]
    assert len(got) == len(want), got
    for g, w in zip(got, want):
        assert g.startswith(w), (g[:60], w)


def test_every_fact_points_at_the_words_it_came_from(out):
    text = seed_text("004")
    for kind in ("references", "indicators", "tasks", "shortcomings"):
        for fact in out[kind]:
            assert text[fact["start"]:fact["end"]] == fact["text"], kind
    for person in out["people"]:
        for m in person["mentions"]:
            assert text[m["start"]:m["end"]] == person["name"] or person["name"] in text[m["start"]:m["end"]] \
                or text[m["start"]:m["end"]].upper() == person["name"].upper()


def test_extract_takes_ref_date_argument_without_reading_the_clock():
    doc = extract("Ngày 14-7, Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12.", ref_date=date(2022, 7, 20))
    assert doc.to_dict()["source"]["ref_date"] == "2022-07-20"
