"""Dates and periods, resolved to their first and last day; the document's own date."""
from __future__ import annotations

import re
from datetime import date

import pytest

from chidao.extract import dates, numbers
from chidao.extract.document import Document, Source
from chidao.model import PeriodKind

REF = date(2024, 3, 20)   # pinned reference date for dates without a year

D = PeriodKind


def _dates(text: str, ref: date | None = REF, meta: dict | None = None) -> Document:
    doc = Document(text, ref_date=ref, source=Source(meta=meta or {}))
    numbers.run(doc)
    dates.run(doc)
    for f in doc.facts["dates"]:
        assert doc.text[f.start:f.end] == f.text
    return doc


DATES = [
    # text (the whole of it must be the one date), kind, first, last, year given
    ("ngày 14-7", D.DAY, date(2024, 7, 14), date(2024, 7, 14), False),
    ("14/3/2024", D.DAY, date(2024, 3, 14), date(2024, 3, 14), True),
    ("29-1-2021", D.DAY, date(2021, 1, 29), date(2021, 1, 29), True),
    ("14.3.2024", D.DAY, date(2024, 3, 14), date(2024, 3, 14), True),
    ("ngày 30 tháng 6 năm 2024", D.DAY, date(2024, 6, 30), date(2024, 6, 30), True),
    ("ngày 05/12/2023", D.DAY, date(2023, 12, 5), date(2023, 12, 5), True),
    ("Thứ Hai, ngày 3/6/2024", D.DAY, date(2024, 6, 3), date(2024, 6, 3), True),
    ("Quý II/2024", D.QUARTER, date(2024, 4, 1), date(2024, 6, 30), True),
    ("quý III năm 2025", D.QUARTER, date(2025, 7, 1), date(2025, 9, 30), True),
    ("quý I", D.QUARTER, date(2024, 1, 1), date(2024, 3, 31), False),
    ("6 tháng đầu năm", D.HALF, date(2024, 1, 1), date(2024, 6, 30), False),
    ("6 tháng cuối năm 2022", D.HALF, date(2022, 7, 1), date(2022, 12, 31), True),
    ("6 tháng còn lại của năm 2022", D.HALF, date(2022, 7, 1), date(2022, 12, 31), True),
    ("9 tháng đầu năm", D.MONTHS, date(2024, 1, 1), date(2024, 9, 30), False),
    ("3 tháng cuối năm", D.MONTHS, date(2024, 10, 1), date(2024, 12, 31), False),
    ("tháng 10/2024", D.MONTH, date(2024, 10, 1), date(2024, 10, 31), True),
    ("tháng 10 năm 2024", D.MONTH, date(2024, 10, 1), date(2024, 10, 31), True),
    ("tháng 2", D.MONTH, date(2024, 2, 1), date(2024, 2, 29), False),
    ("năm 2025", D.YEAR, date(2025, 1, 1), date(2025, 12, 31), True),
    ("năm nay", D.YEAR, date(2024, 1, 1), date(2024, 12, 31), False),
    ("cuối năm 2024", D.MONTHS, date(2024, 10, 1), date(2024, 12, 31), True),
    ("đầu năm 2024", D.MONTHS, date(2024, 1, 1), date(2024, 3, 31), True),
    ("giai đoạn 2021 – 2030", D.RANGE, date(2021, 1, 1), date(2030, 12, 31), True),
    ("nhiệm kỳ 2025 – 2030", D.RANGE, date(2025, 1, 1), date(2030, 12, 31), True),
    ("2021-2025", D.RANGE, date(2021, 1, 1), date(2025, 12, 31), True),
    ("từ năm 2021 đến năm 2025", D.RANGE, date(2021, 1, 1), date(2025, 12, 31), True),
    ("6 tháng đầu năm năm 2016", D.HALF, date(2016, 1, 1), date(2016, 6, 30), True),   # skhcn.laocai.gov.vn
    ("giai đoạn\n2016-2020", D.RANGE, date(2016, 1, 1), date(2020, 12, 31), True),       # a line break inside
    ("Tết Nguyên đán", D.RELATIVE, None, None, False),
    ("trong 30 ngày", D.RELATIVE, None, None, False),
    # a duration counted from an event is not fixed; from a named day it is (the day itself not counted)
    ("trong vòng 10 ngày kể từ ngày nhận được kiến nghị", D.RELATIVE, None, None, False),
    ("chậm nhất sau 7 ngày kết thúc hội nghị", D.RELATIVE, None, None, False),
    ("sau 20 ngày làm việc", D.RELATIVE, None, None, False),
    ("trong 30 ngày kể từ ngày 01/7/2024", D.DAY, date(2024, 7, 31), date(2024, 7, 31), True),
    ("trong 3 tháng kể từ ngày 30 tháng 11 năm 2024", D.DAY, date(2025, 2, 28), date(2025, 2, 28), True),
    ("chậm nhất 10 ngày trước ngày 20/8/2024", D.DAY, date(2024, 8, 10), date(2024, 8, 10), True),
    ("trong hai tuần tính từ 04/3/2024", D.DAY, date(2024, 3, 18), date(2024, 3, 18), True),
    # a day that comes back every period: no one day
    ("ngày 20 hằng tháng", D.RELATIVE, None, None, False),
    ("ngày 25 đến ngày 30 hàng tháng", D.RELATIVE, None, None, False),
    ("ngày 15/12 hằng năm", D.RELATIVE, None, None, False),
    ("ngày 15 của tháng cuối quý", D.RELATIVE, None, None, False),
    ("ngày 10 tháng 01 của năm liền kề năm báo cáo", D.RELATIVE, None, None, False),
    ("ngày 5 tháng đầu quý sau", D.RELATIVE, None, None, False),
    ("định kỳ hằng quý", D.RELATIVE, None, None, False),
    ("định kỳ 6 tháng và hằng năm", D.RELATIVE, None, None, False),
    ("định kỳ tháng, quý, năm", D.RELATIVE, None, None, False),
]


@pytest.mark.parametrize("text,kind,first,last,given", DATES)
def test_dates_and_periods_are_resolved(text, kind, first, last, given):
    facts = _dates(text).facts["dates"]
    assert len(facts) == 1, facts
    f = facts[0]
    assert (f.text, f.kind, f.first, f.last, f.year_given) == (text, kind, first, last, given)


@pytest.mark.parametrize("text,words", [
    ("Ngày Thương binh – liệt sĩ (27/7)", "27/7"),          # source: seed 003 (baoquangnam.vn)
    ("Chiều 5/4, Ban Chấp hành Đảng bộ tỉnh", "5/4"),        # source: baohanam.com.vn
    ("bố trí cán bộ cho các cơ quan cấp xã trước ngày 10/6.", "ngày 10/6"),   # source: vov.vn
])
def test_day_and_month_in_date_context_are_dates(text, words):
    assert [f.text for f in _dates(text).facts["dates"]] == [words]


@pytest.mark.parametrize("text", [
    "đạt 7/35 chỉ tiêu",              # a fraction
    "ngày 31/2/2024",                  # no such day
    "ngày 30/13/2024",
    "quy hoạch phân khu 1/2000",      # a map scale
    "Kết luận số 2043-KL/TU",
    "sắp xếp đơn vị hành chính cấp xã giai đoạn 2",
    "Việc xây dựng chương trình",
    "tăng 3,09% so với cùng kỳ",
])
def test_what_is_not_a_date(text):
    assert _dates(text).facts["dates"] == []


def test_a_date_without_year_has_no_days_without_a_reference_date():
    f = _dates("ngày 14-7", ref=None).facts["dates"][0]
    assert (f.first, f.last, f.year_given) == (None, None, False)


def test_twenty_ninth_of_february_without_year_needs_a_leap_reference_year():
    assert _dates("ngày 29/2", ref=date(2024, 1, 5)).facts["dates"][0].first == date(2024, 2, 29)
    assert _dates("ngày 29/2", ref=date(2023, 1, 5)).facts["dates"][0].first is None


@pytest.mark.parametrize("text,want", [
    # a time gone by, not a limit: "sau" counts only from a named day or event, or in working days
    ("Sau 5 năm thực hiện Nghị quyết, tỉnh đạt nhiều kết quả", []),
    ("sau 10 ngày, đoàn kiểm tra rời địa phương", []),
    ("tăng trưởng bình quân trong 5 năm qua", []),
    # a period named, not a recurrence
    ("Hội nghị giao ban định kỳ quý IV/2024", ["quý IV/2024"]),
    ("báo cáo định kỳ 6 tháng đầu năm 2024", ["6 tháng đầu năm 2024"]),
    ("họp định kỳ năm 2025", ["năm 2025"]),
])
def test_durations_and_recurrences_that_are_not_there(text, want):
    assert [f.text for f in _dates(text).facts["dates"]] == want


@pytest.mark.parametrize("text,ref,firsts", [
    # the first of two joined periods of one kind takes the year written after the second
    ("trong tháng 11 và tháng 12/2025", date(2024, 3, 20), [date(2025, 11, 1), date(2025, 12, 1)]),
    ("trong quý III và quý IV năm 2023", date(2024, 3, 20), [date(2023, 7, 1), date(2023, 10, 1)]),
    ("từ tháng 11 đến tháng 2/2025", date(2025, 6, 1), [date(2024, 11, 1), date(2025, 2, 1)]),
    ("từ ngày 20/12 đến ngày 10/1/2025", date(2025, 6, 1), [date(2024, 12, 20), date(2025, 1, 10)]),
    # not joined: each keeps its own year
    ("trong tháng 11, Sở Y tế và tháng 12/2025", date(2024, 3, 20), [date(2024, 11, 1), date(2025, 12, 1)]),
    ("tháng 11 và quý IV/2025", date(2024, 3, 20), [date(2024, 11, 1), date(2025, 10, 1)]),
])
def test_joined_dates_share_the_year_written_once(text, ref, firsts):
    assert [f.first for f in _dates(text, ref=ref).facts["dates"]] == firsts


# --------------------------------------------------------------------------- the document's own date

HEADER = "TỈNH ỦY QUẢNG NGÃI\n*\nSố 2165-KL/TU\nQuảng Ngãi, ngày 20 tháng 3 năm 2024\n\nKẾT LUẬN\nNgày 14-7, hội nghị."


def test_header_place_date_is_the_documents_own_date():
    doc = _dates(HEADER, ref=date(2020, 1, 1))
    (own,) = doc.facts["document_date"]
    assert (own.text, own.first, own.rule) == ("ngày 20 tháng 3 năm 2024", date(2024, 3, 20), "header_place_date")
    assert doc.ref_date == date(2024, 3, 20)
    # the date without a year takes the document's year, not the given one
    assert doc.facts["dates"][-1].first == date(2024, 7, 14)


@pytest.mark.parametrize("header,want", [
    ("Số: 130/KH-UBND | Ninh Bình, ngày 13 tháng 7 năm 2022 |\nThực hiện", date(2022, 7, 13)),  # hethongphapluat.vn
    ("Số:\n08/2023/QĐ-UBND\n|\nĐắk Nông, ngày 21\ntháng 02 năm 2023\n|\nQUYẾT ĐỊNH", date(2023, 2, 21)),  # thuviennhadat.vn
    ("Hà Nội, ngày 05/01/2025\n\nTHÔNG BÁO", date(2025, 1, 5)),
])
def test_header_place_date_in_table_and_broken_lines(header, want):
    assert _dates(header, ref=None).ref_date == want


def test_full_date_opening_the_body_is_the_documents_own_date():
    text = "KẾT LUẬN\n\nNgày 14/3/2024, Ban Thường vụ Tỉnh ủy tổ chức làm việc với Ban cán sự đảng."
    doc = _dates(text, ref=None)
    assert doc.ref_date == date(2024, 3, 14)
    assert doc.facts["document_date"][0].rule == "opening_date"


@pytest.mark.parametrize("text,want", [
    # a news page's dateline alone on its line (web_dateline)
    ("Thành lập BCĐ\n\nCập nhật, 14:22, Thứ Tư, 29/03/2017 (GMT+7)\n\nChủ tịch UBND tỉnh đã có quyết định.",
     date(2017, 3, 29)),                                                       # baovinhlong.com.vn
    ("Điểm báo ngày 22/9\n\n22/09/2022 15:15\n\nCông nghiệp chế biến.", date(2022, 9, 22)),  # baoquangninh.vn
    ("Tin tức\nĐăng ngày: 05/01/2025 - 08:30\nHội nghị.", date(2025, 1, 5)),
    ("Thứ Bảy, 15/6/2024 | 19:57:31\nHội nghị.", date(2024, 6, 15)),
    # not a dateline: the date sits in a sentence, or words follow it on its line
    ("Hội nghị.\nNgày 22/09/2022 15 đại biểu đã dự.\nTỉnh ủy.", None),
    ("Kế hoạch.\n22/09/2022 Sở Tài chính họp\n", None),
])
def test_dateline_of_a_news_page_is_the_documents_own_date(text, want):
    doc = _dates(text, ref=None)
    assert doc.ref_date == want
    if want:
        assert doc.facts["document_date"][0].rule == "web_dateline"


def test_published_date_of_a_news_page_when_the_text_has_no_year():
    doc = _dates("Ngày 14-7, hội nghị Ban Chấp hành.", ref=None, meta={"published": "2022-07-15T08:30:00+07:00"})
    assert doc.ref_date == date(2022, 7, 15)
    assert doc.facts["document_date"][0].rule == "published_meta"
    assert doc.facts["dates"][0].first == date(2022, 7, 14)


def test_given_reference_date_is_kept_when_the_text_has_no_date():
    doc = _dates("Ngày 14-7, hội nghị Ban Chấp hành.", ref=date(2022, 7, 20))
    assert doc.ref_date == date(2022, 7, 20)
    assert doc.facts["document_date"][0].rule == "given_ref_date"


def test_no_document_date_and_no_reference_date():
    doc = _dates("Hội nghị Ban Chấp hành.", ref=None)
    assert doc.ref_date is None and doc.facts["document_date"] == []


def test_a_date_inside_a_sentence_is_not_the_documents_own_date():
    doc = _dates("Hội nghị thực hiện Kết luận số 2043-KL/TU ngày 05/12/2023 của Tỉnh ủy.", ref=date(2024, 1, 2))
    assert doc.ref_date == date(2024, 1, 2)


@pytest.mark.parametrize("text", ["", "\n", "ngày", "tháng 99/2024", "Quý V/2024", "năm 99999",
                                  "ngày 0/0/0000", "2030-2021", "|,,ngày 1 tháng 1 năm 1900|"])
def test_odd_input_never_crashes(text):
    _dates(text)


# texts where each rule has matches, near misses and neighbours (for the rule below)
SCANNED = [
    "Thứ Hai, ngày 3/6/2024; ngày 30 tháng 6 năm 2024; NGÀY 14-7; hôm 5/4; (27/7); trước 30/6; 29.1.2021",
    "Quý II/2024, quý III năm 2025, quý 2, QUÝ IV; tháng 10/2024, tháng 10 năm 2024, tháng 6-2024, tháng 2",
    "6 tháng đầu năm 2024, sáu tháng cuối năm nay, những tháng cuối năm, các tháng còn lại của năm 2022, "
    "cuối năm 2025, đầu năm nay, 9 tháng đầu năm, 3 tháng cuối năm 2024, giữa năm, năm nay, năm tới, Năm trước",
    "giai đoạn 2021 - 2030, nhiệm kỳ 2025–2030, 2021-2025, từ năm 2021 đến hết năm 2025, năm 2025, năm 1900",
    "Tết Nguyên đán, tết, thời gian tới, thời gian sắp tới, sắp tới; trong 30 ngày, trong vòng 15 ngày làm việc, "
    "không quá 6 tháng, tối đa hai tuần, chậm nhất sau 10 ngày, trong 6 tháng đầu năm",
    "trong vòng 10 ngày kể từ ngày nhận được hồ sơ, Sau 3 năm thực hiện, sau 20 ngày làm việc, chậm nhất là 5 "
    "ngày trước ngày khai mạc, trong 30 ngày kể từ ngày 01/7/2024 các đơn vị phải, sau ngày 5",
    "ngày 20 hằng tháng; từ ngày 1 đến ngày 5 hàng tháng; ngày 10/7 của năm báo cáo; ngày 15 tháng 12 hằng năm; "
    "NGÀY 5 THÁNG ĐẦU QUÝ SAU; định kỳ hằng quý, định kỳ 6 tháng và hằng năm, định kỳ quý IV, quy định kỳ",
    "theo quy định kỳ hằng năm; thứ hai ngày 5 hằng tuần; khoảngày 5 hằng tháng",
    "", "năm", "2024", "ngày 31/2/2024", "tháng 13/2024",
]


@pytest.mark.parametrize("text", SCANNED)
def test_each_rule_finds_what_a_scan_of_the_whole_text_finds(text):
    doc = Document(text)
    for rule in dates.RULES:
        over = doc.norm if rule.pattern.flags & re.IGNORECASE else doc.low      # case-sensitive ones read low
        assert [m.span() for m in rule.matches(doc)] == [m.span() for m in rule.pattern.finditer(over)], rule.name


def test_a_weekday_further_back_than_the_prefix_window_is_left_out():
    text = "Thứ Hai," + " " * 45 + "ngày 14/3/2024"
    assert [f.text for f in _dates(text).facts["dates"]] == ["ngày 14/3/2024"]
