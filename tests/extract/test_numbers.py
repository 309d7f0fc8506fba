"""Numbers in Vietnamese notation: values, percents, fractions, Roman numerals in context; codes and
dates are not quantities."""
from __future__ import annotations

import pytest

from chidao.extract.document import Document
from chidao.extract.numbers import RULES, find_numbers, parse_number, roman_to_int, run

PARSE = [
    ("1.200.000", 1200000), ("11.152", 11152), ("2.099", 2099), ("3,09", 3.09), ("8,5%", 8.5),
    ("03", 3), ("1.234,5", 1234.5), ("1.5", 1.5), ("100", 100), ("1,200,000", 1200000), ("-3,1", -3.1),
]


@pytest.mark.parametrize("text,value", PARSE)
def test_parse_number_reads_dot_thousands_and_comma_decimals(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "1..2", "1,2,3,", "12/5", "%"])
def test_parse_number_rejects_what_is_not_a_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text,value", [("I", 1), ("IV", 4), ("XX", 20), ("XIII", 13), ("XIV", 14), ("XXI", 21)])
def test_roman_numerals_are_read(text, value):
    assert roman_to_int(text) == value


@pytest.mark.parametrize("text", ["IIII", "VX", "IL", "", "xx", "ABC"])
def test_malformed_roman_numerals_are_rejected(text):
    assert roman_to_int(text) is None


def _numbers(text: str) -> list[tuple[str, float, float | None, bool, bool]]:
    doc = Document(text)
    run(doc)
    for f in doc.facts["numbers"]:
        assert doc.text[f.start:f.end] == f.text
    return [(f.text, f.value, f.denominator, f.is_percent, f.roman) for f in doc.facts["numbers"]]


FOUND = [
    # text, the one number it holds: (words, value, denominator, percent, roman)
    ("ước đạt 11.152 tỷ đồng", ("11.152", 11152, None, False, False)),
    ("tăng 3,09% so với cùng kỳ", ("3,09%", 3.09, None, True, False)),
    ("tăng 8,5 % so với cùng kỳ", ("8,5 %", 8.5, None, True, False)),
    ("kết nạp được 288/825 đảng viên", ("288/825", 288, 825, False, False)),
    ("đạt 45.799/36.875 tỷ đồng", ("45.799/36.875", 45799, 36875, False, False)),
    ("tỷ lệ 83,2%/50%", ("83,2%/50%", 83.2, 50, True, False)),
    ("thực hiện 03 chương trình mục tiêu quốc gia", ("03", 3, None, False, False)),
    ("thực hiện 7/35 chỉ tiêu", ("7/35", 7, 35, False, False)),
    ("quy hoạch phân khu 1/2000 còn lại", ("1/2000", 1, 2000, False, False)),   # a map scale
    ("hỗ trợ 1.200.000 đồng", ("1.200.000", 1200000, None, False, False)),
    ("nhiệm vụ Quý II", ("II", 2, None, False, True)),
    ("Tỉnh ủy khóa XX", ("XX", 20, None, False, True)),
    ("Đại hội Đảng toàn quốc lần thứ XI", ("XI", 11, None, False, True)),
    ("chào mừng Đại hội XIV của Đảng", ("XIV", 14, None, False, True)),
    ("Hội nghị Trung ương 5 (khóa XIII)", ("5", 5, None, False, False)),
    ("giới hạn 1/3 diện tích đất", ("1/3", 1, 3, False, False)),       # "hạn" alone is no date word
]


@pytest.mark.parametrize("text,want", FOUND)
def test_numbers_are_read_in_vietnamese_notation(text, want):
    got = _numbers(text)
    assert want in got, got


NOT_NUMBERS = [
    # text, words that must not be (part of) a number
    ("Kết luận số 2043-KL/TU ngày 05/12/2023", "2043"),            # a Party document code
    ("Nghị định số 73/2023/NĐ-CP", "73/2023"),                       # a state document code
    ("Quyết định số 1234/QĐ-UBND", "1234"),
    ("phòng, chống dịch COVID-19", "19"),
    ("Ngày 14/3/2024, Ban Thường vụ", "14/3"),                       # a date, not a fraction
    ("ngày 29-1-2021", "29"),
    ("ngày 14.3.2024", "14.3"),
    ("Ngày 14-7, đồng chí", "14"),
    ("Ngày Thương binh – liệt sĩ (27/7)", "27/7"),
    ("trước tháng 6/2024.", "6/2024"),
    ("Chiều 5/4, Ban Chấp hành", "5/4"),
    ("ngày 30 tháng 6 năm 2024", "30"),
    ("gửi Sở Tài chính, hạn chót 15/10", "15/10"),                  # a deadline's words before a day/month
    ("Thời hạn 30/9, các phường tổng hợp", "30/9"),
    ("khánh thành đúng dịp 2/9", "2/9"),
    ("Bí thư Tỉnh ủy Lương Nguyễn Minh Triết", "I"),                  # capitals are not Roman numerals
    ("Việc xây dựng chương trình", "V"),
]


@pytest.mark.parametrize("text,words", NOT_NUMBERS)
def test_codes_dates_and_capitals_are_not_numbers(text, words):
    got = _numbers(text)
    assert not any(words == g[0] or words in g[0] for g in got), got


def test_a_range_of_years_is_two_numbers():
    assert [g[:2] for g in _numbers("giai đoạn 2021 – 2030")] == [("2021", 2021), ("2030", 2030)]
    assert [g[:2] for g in _numbers("2021-2025")] == [("2021", 2021), ("2025", 2025)]


def test_roman_section_headings_are_numbers_at_line_start_only():
    got = _numbers("I. Về tình hình\nII. Một số nhiệm vụ\nVới những hạn chế. I am")
    assert [(g[0], g[1]) for g in got] == [("I", 1), ("II", 2)]


def test_offsets_point_into_the_text_as_read():
    text = "Tăng\u00a03,09\u00a0% và Tỉnh uỷ khoá XX"          # no-break spaces, new-style tones
    doc = Document(text)
    facts = find_numbers(doc)
    assert [text[f.start:f.end] for f in facts] == ["3,09\u00a0%", "XX"]


@pytest.mark.parametrize("text", ["", "\n\n", "%%%", "////", "1/0", "9" * 400, "., ,. 1.,2", "IIIIIIII."])
def test_odd_input_never_crashes(text):
    _numbers(text)


# texts where each rule has matches, near misses and neighbours (for the rule below)
SCANNED = [
    "Kết luận số 2043-KL/TU ngày 05/12/2023; Nghị định 73/2023/NĐ-CP; COVID-19, QH15, H5N1, 4G5, Covid-19-20",
    "Quý II/2024, quý 3 năm 2025, khóa XX, (khóa XIII), Đại hội  XIV, lần thứ XI, kỳ họp thứ IV, Chính phủ V",
    "ngày 14-7, (27/7), trước 30/6, Chiều 5/4, thứ hai 3/6, NGÀY 30 THÁNG 6 NĂM 2024, tháng 10/2024, tháng 6",
    "đạt 83,2%/50%, 45.799/36.875, 288/825, 7/35 chỉ tiêu, 1.200.000 đồng, 3,09 %, 8,5 phần trăm, 1/2000",
    "I. Về tình hình\n  II) Nhiệm vụ\nIII.Kết quả\nVới những hạn chế. I am\n\tIV. Giải pháp",
    "Tăng\u00a03,09\u00a0% và Tỉnh uỷ khoá XX; 35\u200b904 người; 1\r\n2/3",
    "hạn chót 15/10, THỜI HẠN 30/9, thời  hạn\n1/7, dịp 2/9, giới hạn 1/3, hạn 4/5",
    "", "7", "I", "ngày", "(", "9" * 50,
]


@pytest.mark.parametrize("text", SCANNED)
def test_each_rule_finds_what_a_scan_of_the_whole_text_finds(text):
    doc = Document(text)
    for rule in RULES:
        whole = rule.pattern.finditer(doc.low if rule.low else doc.norm)
        assert [m.span() for m in rule.matches(doc)] == [m.span() for m in whole], rule.name
