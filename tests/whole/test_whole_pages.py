"""Whole pages as an office pastes them: headline, datelines, view counters, photo captions, related
links, bylines, a header copied as a table. What extraction must keep getting right on them.

The texts in ``tests/whole/pages/`` are the beginnings of real pages as stored (cut at the last whole
word or sentence, nothing else changed); each is also a case of ``bench/eval_cases.jsonl`` (same id),
where its url and the full hand annotation are kept. Sources: baonghean.vn (Nghệ An 2021),
baothanhhoa.vn (Thanh Hóa 2025), baomoi.com (Tuyên Quang 2024), baosonla.vn (Sơn La 2025),
quangninh.gov.vn (Quảng Ninh 2022), baothaibinh.com.vn (Thái Bình 2017), dangcongsan.vn (Vĩnh Phúc
2019), baoquangbinh.vn (Quảng Bình 2014), hethongphapluat.vn (Thanh Hóa 2025), baoquangnam.vn (Quảng
Nam 2025), baovinhlong.com.vn (Vĩnh Long 2017).
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from chidao import extract
from chidao.text.segment import blocks

PAGES = Path(__file__).resolve().parent / "pages"
REF_DATES = {
    "nghean-btv-kinhte-2021-doc": date(2021, 6, 25),
    "thanhhoa-btv-2025-doc": date(2025, 9, 6),
    "tuyenquang-bch18-2024-doc": date(2024, 4, 10),
    "sonla-btv-2025-doc": date(2025, 8, 16),
    "quangninh-diembao-2022-doc": date(2022, 9, 22),
    "thaibinh-phongvan-2017-doc": date(2017, 12, 31),
    "vinhphuc-kinhte-2019-doc": date(2019, 12, 20),
    "quangbinh-hdnd-2014-doc": date(2014, 7, 11),
    "thanhhoa-kh130-2025-doc": date(2025, 6, 28),
    "quangnam-bch-2025-doc": date(2025, 6, 28),
    "vinhlong-bcd-2017-doc": date(2017, 3, 29),
}


def _text(page: str) -> str:
    return (PAGES / f"{page}.txt").read_text(encoding="utf-8").rstrip("\n")


@pytest.fixture(scope="module")
def outputs() -> dict[str, dict]:
    return {p: extract(_text(p), ref_date=d).to_dict() for p, d in REF_DATES.items()}


PEOPLE = {
    "nghean-btv-kinhte-2021-doc": {"Lê Hồng Vinh"},
    "thanhhoa-btv-2025-doc": {"Nguyễn Doãn Anh", "Lại Thế Nguyên", "Đỗ Minh Tuấn", "Trịnh Tuấn Sinh"},
    "tuyenquang-bch18-2024-doc": {"Chẩu Văn Lâm", "Lê Thị Kim Dung", "Nguyễn Văn Sơn", "Nguyễn Phú Trọng"},
    "sonla-btv-2025-doc": {"Lò Minh Hùng"},
    "quangninh-diembao-2022-doc": set(),          # "(Ảnh: Thanh Vân/TTXVN)" credits a photographer
    "thaibinh-phongvan-2017-doc": {"Phạm Văn Sinh", "Trương Hòa Bình"},   # not "Thành Tâm" (Ảnh:)
    "vinhphuc-kinhte-2019-doc": set(),            # "M.P" signs the article
    "quangbinh-hdnd-2014-doc": {"Nguyễn Hữu Hoài"},
    "thanhhoa-kh130-2025-doc": set(),
    "quangnam-bch-2025-doc": {"Lương Nguyễn Minh Triết", "Nguyễn Đức Dũng", "Lê Văn Dũng"},
    "vinhlong-bcd-2017-doc": {"Trần Hoàng Tựu"},  # not "MINH DUY (TP Vĩnh Long)", the byline
}


@pytest.mark.parametrize("page", sorted(PEOPLE))
def test_the_people_of_a_page_are_its_officials_not_its_credits(outputs, page):
    assert {p["name"] for p in outputs[page]["people"]} == PEOPLE[page]


@pytest.mark.parametrize("page", sorted(REF_DATES))
def test_every_span_of_a_page_is_its_own_words(outputs, page):
    text = _text(page)
    out = outputs[page]
    for kind in ("references", "indicators", "tasks", "shortcomings", "meetings"):
        for f in out[kind]:
            assert 0 <= f["start"] <= f["end"] <= len(text)
            if "text" in f:
                assert f["text"] == text[f["start"]:f["end"]]


# page, the meeting it reports first: kind, body, session, date, chairs
MEETINGS = [
    ("nghean-btv-kinhte-2021-doc", ("phien_hop", "Ban Thường vụ Tỉnh ủy", None, "2021-06-24", [])),
    ("thanhhoa-btv-2025-doc", ("hoi_nghi", "Ban Thường vụ Tỉnh ủy", None, "2025-09-05", ["Nguyễn Doãn Anh"])),
    ("tuyenquang-bch18-2024-doc", ("hoi_nghi", "Ban Chấp hành Đảng bộ tỉnh", 18, "2024-04-09",
                                   ["Chẩu Văn Lâm", "Lê Thị Kim Dung", "Nguyễn Văn Sơn"])),
    ("sonla-btv-2025-doc", ("hoi_nghi", "Ban Thường vụ Tỉnh ủy", None, "2025-08-15", ["Lò Minh Hùng"])),
    ("quangbinh-hdnd-2014-doc", ("ky_hop", "Hội đồng nhân dân tỉnh", 12, None, [])),
    ("quangnam-bch-2025-doc", ("hoi_nghi", None, None, None,
                               ["Lương Nguyễn Minh Triết", "Nguyễn Đức Dũng", "Lê Văn Dũng"])),
]


@pytest.mark.parametrize("page, first", MEETINGS)
def test_the_meeting_a_page_reports(outputs, page, first):
    m = outputs[page]["meetings"][0]
    assert (m["kind"], m["body"], m["session"], m["date"], list(m["chairs"])) == first


def test_sonla_reports_one_meeting_not_the_congresses_of_all_levels(outputs):
    # "tiến hành Đại hội Đảng các cấp" is no meeting; "giao Văn phòng Tỉnh ủy chủ trì" chairs none
    assert [m["kind"] for m in outputs["sonla-btv-2025-doc"]["meetings"]] == ["hoi_nghi"]


@pytest.mark.parametrize("page", ["quangninh-diembao-2022-doc", "thaibinh-phongvan-2017-doc",
                                  "vinhphuc-kinhte-2019-doc", "thanhhoa-kh130-2025-doc", "vinhlong-bcd-2017-doc"])
def test_pages_that_report_no_meeting(outputs, page):
    assert outputs[page]["meetings"] == []


def test_a_header_copied_as_a_table_gives_the_document_block(outputs):
    d = outputs["thanhhoa-kh130-2025-doc"]["document"]
    assert (d["kind"], d["number"], d["symbol"], d["issued_on"], d["issuer"], d["place"]) == (
        "ke_hoach", "130", "KH-UBND", "2025-06-27", "Ủy ban nhân dân", "Thanh Hóa")
    assert [(r["kind"], r["number"]) for r in outputs["thanhhoa-kh130-2025-doc"]["references"]] == [
        ("quyet_dinh", "923")]                     # the plan's own number is not a citation


@pytest.mark.parametrize("page", sorted(set(REF_DATES) - {"thanhhoa-kh130-2025-doc"}))
def test_news_pages_have_no_document_block(outputs, page):
    assert outputs[page]["document"] is None


# page, the lines read as captions (photo captions and page furniture)
CAPTIONS = [
    ("thaibinh-phongvan-2017-doc", ["Chủ nhật, 24/11/2024, 14:20[GMT+7]", "Chủ nhật, 31/12/2017 | 19:57:31",
                                    "1,464 lượt xem", "Đồng chí Trương Hòa Bình"]),
    ("quangbinh-hdnd-2014-doc", ["Thứ Sáu, 11/07/2014, 15:48 [GMT+7]", ">> Bế mạc kỳ họp thứ 12"]),
    ("vinhlong-bcd-2017-doc", ["Cập nhật, 14:22, Thứ Tư, 29/03/2017 (GMT+7)"]),
    ("quangninh-diembao-2022-doc", ["22/09/2022 15:15", "Quy trình sản xuất đông lạnh tôm"]),
    ("vinhphuc-kinhte-2019-doc", ["Ảnh minh họa (Ảnh: M.P)"]),
    ("tuyenquang-bch18-2024-doc", ["Các đồng chí đại biểu dự hội nghị.",
                                   "Các đồng chí trong Ban Thường vụ Tỉnh ủy dự hội nghị."]),
    ("thanhhoa-kh130-2025-doc", []),               # table rows ("... |") are not captions
]


@pytest.mark.parametrize("page, starts", CAPTIONS)
def test_captions_and_page_furniture(page, starts):
    text = _text(page)
    captions = [text[b.start:b.end] for b in blocks(text) if b.kind == "caption"]
    assert len(captions) == len(starts)
    assert all(c.startswith(s) for c, s in zip(captions, starts))


def test_fixtures_are_the_eval_cases_texts():
    cases = Path(__file__).resolve().parents[2] / "bench" / "eval_cases.jsonl"
    texts = {}
    for line in cases.read_text(encoding="utf-8").splitlines():
        if line.strip():
            c = json.loads(line)
            if c["id"].endswith("-doc"):
                texts[c["id"]] = c["text"]
    assert set(REF_DATES) <= set(texts)
    assert all(texts[p] == _text(p) for p in REF_DATES)
