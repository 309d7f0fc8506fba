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


# Constructions of whole news pages, each with its rule (the mention's ``rule``):
# - "meeting_dated_lead": a sentence that opens with the day, then "trong"/"tại" the meeting, reports
#   it; its body is the subject after the comma (baonghean.vn, Nghệ An 2021);
# - "meeting_session_comma_body": "kỳ họp thứ 12, HĐND tỉnh khóa XVI" (baoquangbinh.vn, Quảng Bình 2014).
@pytest.mark.parametrize(
    "text, kind, body, session, term, day, rule",
    [
        ("Sáng 24/6, trong phiên họp thường kỳ tháng 6, Ban Thường vụ Tỉnh ủy Nghệ An cho ý kiến về tình hình "
         "kinh tế - xã hội, thu ngân sách, cải cách hành chính 6 tháng đầu năm.",
         "phien_hop", "Ban Thường vụ Tỉnh ủy", None, None, date(2024, 6, 24), "meeting_dated_lead"),
        ("Chiều 5/9, trong cuộc họp, Ban Thường vụ Tỉnh ủy cho ý kiến vào các tờ trình.",
         "cuoc_hop", "Ban Thường vụ Tỉnh ủy", None, None, date(2024, 9, 5), "meeting_dated_lead"),
        ("(QBĐT) - Phát biểu của đồng chí Nguyễn Hữu Hoài, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh tại kỳ họp "
         "thứ 12, HĐND tỉnh khóa XVI.",
         "ky_hop", "Hội đồng nhân dân tỉnh", 12, "XVI", None, "meeting_session_comma_body"),
    ],
)
def test_whole_page_constructions_give_the_meeting_reported(text, kind, body, session, term, day, rule) -> None:
    (m,) = _meetings(text)
    assert (m.kind, m.body, m.session, m.term, m.date, m.rule) == (kind, body, session, term, day, rule)


@pytest.mark.parametrize(
    "text",
    [
        # a dated sentence whose meeting is not introduced by "trong"/"tại" right after the date
        "Sáng 24/6, các đồng chí đã thảo luận về chuẩn bị hội nghị tổng kết.",
        # rule "all_levels": a kind of meeting held everywhere, not one meeting (baosonla.vn, Sơn La 2025)
        "Ban Thường vụ Tỉnh ủy cũng thảo luận, cho ý kiến vào tờ trình của các Đoàn giám sát về đề nghị ban hành "
        "Thông báo kết luận giám sát việc lãnh đạo, chỉ đạo, tổ chức thực hiện công tác chuẩn bị và tiến hành "
        "Đại hội Đảng các cấp nhiệm kỳ 2025 - 2030 đối với Đảng bộ các xã.",
        "Tổ chức thành công đại hội đảng bộ các cấp.",
    ],
)
def test_plans_and_meetings_of_all_levels_are_not_meetings_reported(text: str) -> None:
    assert _meetings(text) == []


def test_a_comma_body_needs_its_term_to_name_the_meeting() -> None:
    # "Tại kỳ họp lần thứ 10, HĐND tỉnh ..." names no term: HĐND tỉnh may be the clause's subject
    (m,) = _meetings("Tại kỳ họp lần thứ 10, HĐND tỉnh cuối năm 2013, chúng ta đã nhận định năm 2014 kinh tế sẽ "
                     "phục hồi.")
    assert (m.kind, m.body, m.session, m.rule) == ("ky_hop", None, 10, "meeting_mention")


def test_who_gives_a_unit_the_lead_of_a_task_does_not_chair_the_meeting() -> None:
    # rule "lead_unit_not_chair" (baosonla.vn, Sơn La 2025): "giao Văn phòng Tỉnh ủy chủ trì, phối hợp"
    text = ("Phát biểu tại hội nghị, đồng chí Lò Minh Hùng giao Văn phòng Tỉnh ủy chủ trì, phối hợp với Đảng ủy "
            "UBND tỉnh tiếp thu ý kiến tham gia của các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy, chỉ đạo rà soát, "
            "hoàn thiện báo cáo trình Đại hội đại biểu Đảng bộ tỉnh.")
    (m,) = _meetings(text)
    assert (m.kind, m.chairs) == ("hoi_nghi", ())
    chaired = _meetings("Ngày 15/8, đồng chí Lò Minh Hùng, Phó Bí thư Thường trực Tỉnh ủy, đã chủ trì Hội nghị Ban "
                        "Thường vụ Tỉnh ủy. Đồng chí giao Văn phòng Tỉnh ủy chủ trì, phối hợp với các cơ quan.")
    assert [x.chairs for x in chaired] == [("Lò Minh Hùng",)]


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
