"""Whole-document tests on the four news-report seeds: what must and must not be found.

Each case names the seed, the kind of fact, and what it must (or must not) contain; odd cases are
commented. Titles are compared loosely (abbreviations may be expanded), names exactly.
"""
from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from chidao import extract
from tests.conftest import seed_text

REF_DATES = {  # news reports carry no year of their own: the date a reader would supply
    "000": date(2024, 4, 10),
    "001": date(2022, 7, 14),
    "002": date(2024, 1, 20),
    "003": date(2024, 7, 10),
}


@pytest.fixture(scope="module")
def outputs() -> dict[str, dict]:
    return {k: extract(seed_text(k), ref_date=d).to_dict() for k, d in REF_DATES.items()}


def _titles_of(out: dict, name: str) -> list[str]:
    for p in out["people"]:
        if p["name"] == name:
            return p["titles"]
    raise AssertionError(f"{name} not found among {[p['name'] for p in out['people']]}")


def _fold(s: str) -> str:
    return (s.replace("HĐND", "Hội đồng nhân dân").replace("UBND", "Ủy ban nhân dân")
            .replace("uỷ", "ủy").casefold())


PEOPLE = [
    # seed, name, titles that must be among theirs
    ("000", "Lương Nguyễn Minh Triết", ["Ủy viên dự khuyết Trung ương Đảng", "Bí thư Tỉnh ủy"]),
    ("000", "Lê Văn Dũng", ["Phó Bí thư Thường trực Tỉnh ủy", "Trưởng đoàn Đại biểu Quốc hội tỉnh"]),
    ("001", "Nguyễn Đức Thanh", ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"]),
    ("001", "Phạm Văn Hậu", ["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"]),
    ("001", "Trần Quốc Nam", ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]),
    ("002", "Hoàng Nghĩa Hiếu", []),
    ("002", "Thái Thanh Quý", []),
    ("003", "Lương Nguyễn Minh Triết", []),
]


@pytest.mark.parametrize("seed,name,titles", PEOPLE)
def test_officials_are_found_with_their_titles(outputs, seed, name, titles):
    got = [_fold(t) for t in _titles_of(outputs[seed], name)]
    for title in titles:
        assert _fold(title) in got, (name, title, got)


NOT_PEOPLE = [
    ("001", "Diễm My"),        # photo credit "Ảnh: Diễm My"
    ("000", "Quảng Nam"),      # a province
    ("002", "Nghệ An"),
    ("002", "Nam Đàn"),        # a district party committee in a list of awards
    ("002", "Quỳ Châu"),
    ("003", "Thương binh"),    # "Ngày Thương binh – liệt sĩ"
]


@pytest.mark.parametrize("seed,name", NOT_PEOPLE)
def test_places_and_photo_credits_are_not_people(outputs, seed, name):
    names = [p["name"] for p in outputs[seed]["people"]]
    assert not any(name in n for n in names), names


REFERENCES = [
    # seed, kind, number, symbol, how many mentions
    ("000", "nghi_quyet", "36", None, 1),
    ("000", "thong_bao", "581", None, 6),
    ("000", "ke_hoach", "352", None, 2),
    ("000", "ke_hoach", "38", None, 1),     # "Kế hoạch số số 38": a typo survives
    ("002", "nghi_quyet", "39", None, 2),
    ("003", "quy_dinh", "146", None, 1),
    ("003", "chi_thi", "35", None, 1),
]


@pytest.mark.parametrize("seed,kind,number,symbol,mentions", REFERENCES)
def test_cited_documents_are_found_once_per_mention(outputs, seed, kind, number, symbol, mentions):
    counts = Counter((r["kind"], r["number"], r["symbol"]) for r in outputs[seed]["references"])
    assert counts[(kind, number, symbol)] == mentions, counts


def test_documents_named_without_a_number_are_not_references(outputs):
    # seed 001 cites "Tờ trình của Ban Thường vụ" and "Nghị quyết Hội nghị Trung ương 5 (khóa XIII)"
    assert outputs["001"]["references"] == []


def test_cited_date_and_issuer_are_read(outputs):
    ref = next(r for r in outputs["003"]["references"] if r["kind"] == "chi_thi")
    assert ref["issued_on"] == "2024-06-14"
    assert ref["issuer"] == "Bộ Chính trị"


INDICATORS = [
    # seed, words the name contains, field, value
    ("000", "GRDP", "change_pct", -3.1),
    ("001", "Tổng sản phẩm nội tỉnh", "value", 11152),
    ("001", "Tổng sản phẩm nội tỉnh", "change_pct", 3.09),
    ("001", "thu ngân sách", "plan_pct", 60.1),
    ("001", "thu ngân sách", "value", 2099),
    ("001", "việc làm", "value", 10707),
    ("001", "việc làm", "plan_pct", 66.9),
    ("001", "đào tạo nghề", "change_pct", 75.1),
    ("001", "đảng viên", "actual", 288),
    ("001", "đảng viên", "target", 825),
]


@pytest.mark.parametrize("seed,name,field,value", INDICATORS)
def test_indicators_keep_all_figures_of_one_statement(outputs, seed, name, field, value):
    matches = [i for i in outputs[seed]["indicators"] if name.casefold() in i["name"].casefold()]
    assert matches, [i["name"] for i in outputs[seed]["indicators"]]
    assert any(i[field] == value for i in matches), matches


def test_counts_of_opinions_are_not_indicators(outputs):
    texts = " ".join(i["text"] for i in outputs["001"]["indicators"])
    assert "29 ý kiến" not in texts


def test_meeting_of_the_executive_committee(outputs):
    meetings = outputs["001"]["meetings"]
    assert any(m["kind"] == "hoi_nghi" and m["session"] == 12 and m["date"] == "2022-07-14"
               and "Nguyễn Đức Thanh" in m["chairs"] for m in meetings), meetings


def test_two_chairs_of_one_conference(outputs):
    meetings = outputs["000"]["meetings"]
    assert any(set(m["chairs"]) >= {"Lương Nguyễn Minh Triết", "Lê Văn Dũng"} for m in meetings), meetings


def test_deadline_before_a_month_is_the_last_day_of_the_previous_month(outputs):
    tasks = outputs["002"]["tasks"]
    assert any(t["deadline"] == "2024-05-31" and "trước tháng 6/2024" in (t["deadline_text"] or "")
               for t in tasks), [(t["text"][:50], t["deadline"]) for t in tasks]


def test_news_reports_are_not_formal_documents(outputs):
    for seed, out in outputs.items():
        assert out["document"] is None, seed


def test_speech_directives_are_tasks(outputs):
    assert any("khẩn trương rà soát" in t["text"] for t in outputs["003"]["tasks"])


def test_past_achievements_are_not_tasks(outputs):
    texts = [t["text"] for t in outputs["000"]["tasks"]]
    assert not any(t.startswith("Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 352") for t in texts)
