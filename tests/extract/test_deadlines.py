"""Deadlines of tasks: the words that set them and the last day they allow (reference date pinned)."""
from __future__ import annotations

from datetime import date

import pytest

from chidao.extract import dates, numbers
from chidao.extract.dates import find_deadline, find_deadlines
from chidao.extract.document import Document

REF = date(2024, 3, 20)


def _doc(text: str, ref: date | None = REF) -> Document:
    doc = Document(text, ref_date=ref)
    numbers.run(doc)
    dates.run(doc)
    return doc


def _principal(text: str, ref: date | None = REF):
    doc = _doc(text, ref)
    dl = find_deadline(doc, 0, len(text))
    if dl is not None:
        assert doc.text[dl.start:dl.end] == dl.text
    return dl


DEADLINES = [
    # task wording, deadline words, last day allowed (None: words the calendar cannot fix)
    ("báo cáo Ban Thường vụ Tỉnh ủy cho ý kiến trong Quý II/2024.", "trong Quý II/2024", date(2024, 6, 30)),
    ("phấn đấu hoàn thành trong tháng 10/2024 để chuẩn bị Đại hội.", "trong tháng 10/2024", date(2024, 10, 31)),
    ("phân đấu hoàn thành trong tháng 10/2024.", "trong tháng 10/2024", date(2024, 10, 31)),   # typo in seed 004
    ("hoàn thành trong tháng 10 năm 2024", "trong tháng 10 năm 2024", date(2024, 10, 31)),
    ("trình Quốc hội xem xét ban hành Nghị quyết trước tháng 6/2024.", "trước tháng 6/2024", date(2024, 5, 31)),  # seed 002
    ("hoàn thành trước Quý III/2024", "trước Quý III/2024", date(2024, 6, 30)),
    ("triển khai nhiệm vụ trọng tâm 6 tháng cuối năm 2024", "6 tháng cuối năm 2024", date(2024, 12, 31)),  # seed 001
    ("đề ra nhiệm vụ trọng tâm 3 tháng cuối năm", "3 tháng cuối năm", date(2024, 12, 31)),   # baothanhhoa.vn
    ("hoàn thành việc sắp xếp trong năm 2025", "trong năm 2025", date(2025, 12, 31)),
    ("hoàn thiện hồ sơ cuối năm 2025", "cuối năm 2025", date(2025, 12, 31)),
    ("đưa công trình vào sử dụng trước cuối năm 2024", "trước cuối năm 2024", date(2024, 12, 31)),
    ("phấn đấu hoàn thành năm 2025", "hoàn thành năm 2025", date(2025, 12, 31)),
    ("nộp báo cáo trước ngày 30/6/2024", "trước ngày 30/6/2024", date(2024, 6, 30)),
    ("gửi Văn phòng Tỉnh ủy chậm nhất ngày 30/6/2024", "chậm nhất ngày 30/6/2024", date(2024, 6, 30)),
    ("gửi Văn phòng Tỉnh ủy chậm nhất là ngày 15 tháng 4 năm 2024", "chậm nhất là ngày 15 tháng 4 năm 2024",
     date(2024, 4, 15)),
    ("hoàn thành xong trước 30/6/2024", "trước 30/6/2024", date(2024, 6, 30)),
    ("báo cáo kết quả trước ngày 30/6", "trước ngày 30/6", date(2024, 6, 30)),           # year from ref_date
    ("bố trí cán bộ cho các cơ quan cấp xã trước ngày 10/6.", "trước ngày 10/6", date(2024, 6, 10)),  # vov.vn
    ("thực hiện xong đến hết tháng 9/2024", "đến hết tháng 9/2024", date(2024, 9, 30)),
    ("hoàn thành vào cuối tháng 6/2024", "cuối tháng 6/2024", date(2024, 6, 30)),
    ("Thời hạn hoàn thành: Quý IV/2024.", "Thời hạn hoàn thành: Quý IV/2024", date(2024, 12, 31)),
    ("Thời gian thực hiện: năm 2024", "Thời gian thực hiện: năm 2024", date(2024, 12, 31)),
    ("khởi công dự án vào tháng 8/2024", "vào tháng 8/2024", date(2024, 8, 31)),
    ("phấn đấu đến năm 2025 tỷ lệ hộ nghèo giảm còn 2%", "đến năm 2025", date(2025, 12, 31)),
    ("tập trung thực hiện từ nay đến cuối năm 2024", "đến cuối năm 2024", date(2024, 12, 31)),
    ("tổ chức kiểm điểm trong quý III năm 2024", "trong quý III năm 2024", date(2024, 9, 30)),
    ("rà soát xong trong 6 tháng cuối năm", "trong 6 tháng cuối năm", date(2024, 12, 31)),
    ("thực hiện trong giai đoạn 2024 - 2025", "trong giai đoạn 2024 - 2025", date(2025, 12, 31)),
    ("báo cáo trong tháng 4; hoàn thành trong Quý III/2024", "trong Quý III/2024", date(2024, 9, 30)),  # last wins
    ("Thứ Sáu, ngày 22/3/2024 họp; báo cáo trước ngày 29/3/2024", "trước ngày 29/3/2024", date(2024, 3, 29)),
    ("Nhiệm vụ trọng tâm trong tháng 10 là tổ chức thành công Đại hội", "trong tháng 10", date(2024, 10, 31)),  # thainguyentv.vn
    # not fixable: the words are kept, the day is not guessed
    ("giải quyết dứt điểm trong 30 ngày", "trong 30 ngày", None),
    ("hoàn thành trong vòng 15 ngày làm việc", "trong vòng 15 ngày làm việc", None),
    ("chi trả đầy đủ cho người dân trước Tết Nguyên đán", "trước Tết Nguyên đán", None),
    ("thu hút đầu tư trong thời gian tới", "trong thời gian tới", None),
]


@pytest.mark.parametrize("text,words,due", DEADLINES)
def test_deadline_wordings_give_the_last_day_allowed(text, words, due):
    dl = _principal(text)
    assert dl is not None, text
    assert (dl.text, dl.due) == (words, due)


NOT_DEADLINES = [
    # dates that describe the past, cite a document, or name a period that is the subject
    "thực hiện Kết luận số 2043-KL/TU ngày 05/12/2023 của Hội nghị Tỉnh ủy",
    "Ngày 14/3/2024, Ban Thường vụ Tỉnh ủy tổ chức làm việc",
    "rà soát, bổ sung quy hoạch cán bộ nhiệm kỳ 2025 – 2030",
    "hoàn thành quy hoạch cán bộ các cấp nhiệm kỳ 2025-2030",   # the term names the plan, not the time
    "hoàn thành Kế hoạch thực hiện Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050",
    "Trong Quý I/2024, Ban cán sự đảng Ủy ban nhân dân tỉnh đã kịp thời lãnh đạo",
    "kết quả đạt được trong năm 2023",                          # before the reference date
    "đã hoàn thành trong tháng 3/2024",
    "triển khai Chiến lược phát triển kinh tế biển đến năm 2030",
    "Kế hoạch sử dụng đất 5 năm 2021 – 2025 làm cơ sở",
    "tổ chức các hoạt động kỷ niệm 30 năm Ngày tái lập tỉnh",
    "nâng cao chất lượng giáo dục, y tế",
    "tăng trưởng GRDP trong 3 năm qua",
    "Kế hoạch 5 năm (2021 - 2025) theo Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị",  # baomoi.com
]


@pytest.mark.parametrize("text", NOT_DEADLINES)
def test_dates_that_do_not_set_a_deadline(text):
    assert _principal(text) is None


@pytest.mark.parametrize("text,words", [
    ("sớm hoàn thành Đề án", "sớm"),
    ("kịp thời báo cáo, đề xuất Ban Thường vụ", "kịp thời"),
])
def test_adverbs_of_time_are_kept_but_never_principal(text, words):
    doc = _doc(text)
    found = find_deadlines(doc, 0, len(text))
    assert [(d.text, d.due) for d in found] == [(words, None)]
    assert find_deadline(doc, 0, len(text)) is None


def test_second_half_of_the_year_is_a_deadline_in_a_mid_year_report():
    # seed 001, a conference on 14 July 2022
    dl = _principal("triển khai nhiệm vụ trọng tâm 6 tháng cuối năm 2022.", ref=date(2022, 7, 14))
    assert (dl.text, dl.due) == ("6 tháng cuối năm 2022", date(2022, 12, 31))
    assert _principal("đánh giá tình hình thực hiện nhiệm vụ 6 tháng đầu năm", ref=date(2022, 7, 14)) is None


def test_a_deadline_without_a_year_and_without_a_reference_date_is_kept_unfixed():
    dl = _principal("báo cáo trước ngày 30/6", ref=None)
    assert (dl.text, dl.due) == ("trước ngày 30/6", None)


def test_only_the_given_span_is_searched():
    text = "1. Rà soát quy chế trong Quý II/2024. 2. Hoàn thành trong tháng 10/2024."
    doc = _doc(text)
    cut = text.index("2.")
    assert [d.text for d in find_deadlines(doc, 0, cut)] == ["trong Quý II/2024"]
    assert [d.text for d in find_deadlines(doc, cut, len(text))] == ["trong tháng 10/2024"]
    assert find_deadlines(doc, 5, 5) == []


def test_deadlines_work_before_dates_has_run():
    text = "báo cáo trong Quý II/2024"
    doc = Document(text, ref_date=REF)
    assert find_deadline(doc, 0, len(text)).due == date(2024, 6, 30)


def test_offsets_are_in_the_text_as_read():
    text = "báo cáo Ban Thường vụ Tỉnh uỷ trước\u00a0ngày 30/6/2024"
    doc = _doc(text)
    dl = find_deadline(doc, 0, len(text))
    assert text[dl.start:dl.end] == dl.text == "trước\u00a0ngày 30/6/2024"


# Round 2: a time of day between the cue and the day, "đúng dịp", a date opening a clause of "phải".
ROUND_TWO_DEADLINES = [
    ("gửi về Văn phòng UBND tỉnh trước 14 giờ, ngày 05/12/2024", "trước 14 giờ, ngày 05/12/2024",
     date(2024, 12, 5)),                                                                 # laichau.gov.vn
    ("gửi báo cáo trước 17h00 ngày 30/6/2024", "trước 17h00 ngày 30/6/2024", date(2024, 6, 30)),
    ("hoàn thành 4 dự án cao tốc đúng dịp 19/12/2025", "đúng dịp 19/12/2025", date(2025, 12, 19)),
    ("Ngày 1/5, 63 tỉnh, thành phố phải gửi đề án sắp xếp về Bộ Nội vụ", "Ngày 1/5", date(2024, 5, 1)),
    ("Bộ trưởng: Ngày 30/6, các địa phương phải hoàn thành", "Ngày 30/6", date(2024, 6, 30)),
    ("Mục tiêu đặt ra là trong tháng 7 phải chi trả phần lớn tiền bồi thường", "trong tháng 7",
     date(2024, 7, 31)),
]


@pytest.mark.parametrize("text,words,due", ROUND_TWO_DEADLINES)
def test_clock_time_dip_and_must_clause_deadlines(text, words, due):
    dl = _principal(text)
    assert dl is not None and dl.text == words and dl.due == due


NOT_DEADLINES_ROUND_TWO = [
    "Đại hội diễn ra từ ngày 12 đến ngày 15 tháng 10 năm 2024, với tinh thần dân chủ",   # a span of days
    "hội chợ kéo dài từ tháng 6 đến tháng 9/2024",
    "Ngày 12/9, UBND tỉnh họp phiên thường kỳ tháng 9",                                 # no must after it
    "Ngày 1/5, nhiều địa phương tổ chức lễ mít tinh; các tỉnh phải gửi báo cáo",        # must in another clause
]


@pytest.mark.parametrize("text", NOT_DEADLINES_ROUND_TWO)
def test_spans_of_days_and_dates_without_a_must_are_not_deadlines(text):
    assert _principal(text) is None
