"""Meetings: one per meeting reported, with kind, body, session, term, date and who chaired it."""
from __future__ import annotations

import json
from datetime import date

import pytest

from chidao.extract.document import Document
from chidao.extract import meetings, organizations, people
from tests.conftest import GOLD, seed_text


def _meetings(text: str, ref: date | None = date(2024, 3, 14)) -> list:
    doc = Document(text, ref_date=ref)
    organizations.run(doc)
    people.run(doc)
    meetings.run(doc)
    return doc.facts["meetings"]


@pytest.mark.parametrize(
    "text, kind, body, session, term, day, chairs",
    [
        ("Ngày 14-7, đồng chí Nguyễn Đức Thanh, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy chủ trì Hội nghị "
         "Ban Chấp hành Đảng bộ tỉnh lần thứ 12.",
         "hoi_nghi", "Ban Chấp hành Đảng bộ tỉnh", 12, None, date(2024, 7, 14), ("Nguyễn Đức Thanh",)),
        ("Ngày 29-9-2023, đồng chí Đỗ Trọng Hưng, Bí thư Tỉnh ủy chủ trì Hội nghị lần thứ XI Ban Chấp hành "
         "Đảng bộ tỉnh khóa XIX.",
         "hoi_nghi", "Ban Chấp hành Đảng bộ tỉnh", 11, "XIX", date(2023, 9, 29), ("Đỗ Trọng Hưng",)),
        ("Ngày 19/12/2015, UBND tỉnh họp phiên thường kỳ tháng 12. Đồng chí Phạm Minh Huấn, Phó Bí thư Tỉnh ủy, "
         "Chủ tịch UBND tỉnh chủ trì phiên họp.",
         "phien_hop", "Ủy ban nhân dân tỉnh", None, None, date(2015, 12, 19), ("Phạm Minh Huấn",)),
        ("Sáng 12/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị để thảo luận các nội dung. Đồng chí Nguyễn Thị "
         "Thu Hà, Bí thư Tỉnh ủy chủ trì hội nghị.",
         "hoi_nghi", "Ban Thường vụ Tỉnh ủy", None, None, date(2024, 1, 12), ("Nguyễn Thị Thu Hà",)),
        ("Các đồng chí Lương Nguyễn Minh Triết – Bí thư Tỉnh ủy; Lê Văn Dũng – Phó Bí thư Thường trực Tỉnh ủy "
         "chủ trì hội nghị.",
         "hoi_nghi", None, None, None, None, ("Lương Nguyễn Minh Triết", "Lê Văn Dũng")),
        ("Sáng 10/6/2024, HĐND tỉnh khai mạc Kỳ họp thứ 18 HĐND tỉnh khóa XIX.",
         "ky_hop", "Hội đồng nhân dân tỉnh", 18, "XIX", date(2024, 6, 10), ()),
        ("Chiều 3/7/2024, Thường trực Tỉnh ủy tổ chức giao ban định kỳ tháng 7.",
         "giao_ban", "Thường trực Tỉnh ủy", None, None, date(2024, 7, 3), ()),
        ("Tại cuộc họp, đại diện các cơ quan phát biểu ý kiến.", "cuoc_hop", None, None, None, None, ()),
        ("Cuộc họp tập thể UBND tỉnh vừa diễn ra, dưới sự chủ trì của ông Nguyễn Văn Thọ, Chủ tịch UBND tỉnh.",
         "cuoc_hop", None, None, None, None, ("Nguyễn Văn Thọ",)),
        ("Chủ tịch UBND tỉnh Vũ Hồng Bắc đã có kết luận về cuộc họp như sau:",
         "cuoc_hop", None, None, None, None, ("Vũ Hồng Bắc",)),
        ("Phát biểu của đồng chí Nguyễn Văn Sơn, Chủ tịch UBND tỉnh tại phiên bế mạc Kỳ họp thứ tư HĐND tỉnh khóa XIX",
         "ky_hop", "Hội đồng nhân dân tỉnh", 4, "XIX", None, ()),
        ("Ngày 10 và 11-2, Đảng bộ Văn phòng UBND tỉnh tổ chức Đại hội lần thứ VIII, nhiệm kỳ 2020-2025.",
         "dai_hoi", None, 8, None, None, ()),
    ],
)
def test_meeting_kind_body_session_term_date_chairs(text, kind, body, session, term, day, chairs) -> None:
    (m,) = _meetings(text)
    assert (m.kind, m.body, m.session, m.term, m.date, m.chairs) == (kind, body, session, term, day, chairs)
    assert m.rule == "meeting_mention"


@pytest.mark.parametrize(
    "text",
    [
        # citations and future events are not meetings reported
        "thực hiện Kết luận số 2043-KL/TU ngày 05/12/2023 của Hội nghị Tỉnh ủy lần thứ 14 (khóa XX)",
        "nhất là các Nghị quyết Hội nghị Trung ương 5 (khóa XIII)",
        "chuẩn bị tốt Đại hội đại biểu Đảng bộ tỉnh lần thứ XXI",
        "tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
        "thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX",
        "",
    ],
)
def test_citations_and_plans_are_not_meetings(text: str) -> None:
    assert _meetings(text) == []


def test_the_one_who_concludes_chairs_when_no_one_is_said_to() -> None:
    text = ("Ngày 14/3/2024, Ban Thường vụ Tỉnh ujy tổ chức làm việc với Sở Tài chính. Sau khi nghe đồng chí "
            "Trần Hoàng Tuấn, Phó Chủ tịch UBND tỉnh báo cáo, đồng chí Bùi Thị Quỳnh Vân, Bí thư Tỉnh ủy "
            "thay mặt Ban Thường vụ Tỉnh ủy kết luận như sau:").replace("ujy", "ủy")
    (m,) = _meetings(text)
    assert (m.kind, m.body, m.date, m.chairs) == (
        "buoi_lam_viec", "Ban Thường vụ Tỉnh ủy", date(2024, 3, 14), ("Bùi Thị Quỳnh Vân",))


def test_repeated_mentions_of_one_meeting_give_one_meeting() -> None:
    text = ("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12\n\nNgày 14-7, đồng chí Nguyễn Đức Thanh, Bí thư Tỉnh ủy "
            "chủ trì Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12. Tham dự hội nghị có các đồng chí lãnh đạo. "
            "Phát biểu tại hội nghị, đồng chí Bí thư nhấn mạnh.")
    found = _meetings(text, ref=date(2022, 7, 20))
    assert len(found) == 1
    assert text[found[0].start:found[0].end] == "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12"
    assert found[0].date == date(2022, 7, 14)


def test_seed_004_meeting_matches_the_gold() -> None:
    gold = json.loads(next(GOLD.glob("004_*.json")).read_text(encoding="utf-8"))
    (m,) = _meetings(seed_text("004"), ref=date(2024, 3, 14))
    (g,) = gold["meetings"]
    assert (m.kind, m.body, m.date.isoformat(), list(m.chairs)) == (g["kind"], g["body"], g["date"], g["chairs"])


def test_seed_001_conference_of_the_executive_committee() -> None:
    (m,) = _meetings(seed_text("001"), ref=date(2022, 7, 20))
    assert (m.kind, m.body, m.session, m.date, m.chairs) == (
        "hoi_nghi", "Ban Chấp hành Đảng bộ tỉnh", 12, date(2022, 7, 14), ("Nguyễn Đức Thanh",))


def test_seed_000_two_chairs() -> None:
    (m,) = _meetings(seed_text("000"))
    assert m.kind == "hoi_nghi" and m.chairs == ("Lương Nguyễn Minh Triết", "Lê Văn Dũng")
    assert m.date is None  # "ngày 8/12/2023" dates a resolution, not the meeting
