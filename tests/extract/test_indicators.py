"""Indicators: performance figures read from short quotes of real provincial reports."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.extract import indicators, numbers
from chidao.extract.document import Document


def read(text: str) -> list:
    doc = Document(text)
    numbers.run(doc)
    indicators.run(doc)
    for ind in doc.facts["indicators"]:
        assert doc.text[ind.start:ind.end] == ind.text
        assert ind.rule
    return doc.facts["indicators"]


# Each example is ONE indicator whose text is the whole example.
ONE = [
    # change against the same period
    ("Tốc độ tăng trưởng GRDP giảm 3,1% so với cùng kỳ năm trước",
     dict(name="Tốc độ tăng trưởng GRDP", change_pct=-3.1, value=None)),
    ("Chỉ số sản xuất công nghiệp tăng 20,8%", dict(name="Chỉ số sản xuất công nghiệp", change_pct=20.8)),
    ("tổng mức bán lẻ hàng hóa và dịch vụ tăng 12%",
     dict(name="Tổng mức bán lẻ hàng hóa và dịch vụ", change_pct=12)),
    ("thu ngân sách nhà nước tăng 37,8%", dict(name="Thu ngân sách nhà nước", change_pct=37.8)),
    ("chỉ số công nghiệp (trừ dầu thô và khí đốt) ước tăng 6,25% so cùng kỳ",
     dict(name="Chỉ số công nghiệp (trừ dầu thô và khí đốt)", change_pct=6.25)),
    ("khu vực nông, lâm nghiệp và thủy sản tăng 4,29%",
     dict(name="Khu vực nông, lâm nghiệp và thủy sản", change_pct=4.29)),
    ("khu vực công nghiệp, xây dựng tăng 0,4%", dict(name="Khu vực công nghiệp, xây dựng", change_pct=0.4)),
    ("Chỉ số giá tiêu dùng (CPI) tháng 6 tăng 0,55% so với tháng trước, tăng 3,52% so với cùng kỳ",
     dict(name="Chỉ số giá tiêu dùng (CPI)", period="tháng 6", change_pct=3.52)),
    ("tổng sản phẩm trên địa bàn (GRDP) 6 tháng đầu năm 2024 tăng 2,7% so với cùng kỳ",
     dict(name="Tổng sản phẩm trên địa bàn (GRDP)", period="6 tháng đầu năm 2024", change_pct=2.7)),
    ("GRDP quý I/2024 tăng trưởng 5,66%", dict(name="GRDP", period="quý I/2024", change_pct=5.66)),
    ("doanh thu du lịch tăng mạnh 35,2% so với năm 2022", dict(name="Doanh thu du lịch", change_pct=35.2)),
    ("tổng vốn đầu tư bằng 105% so với cùng kỳ", dict(name="Tổng vốn đầu tư", change_pct=5)),
    # value with unit, with change and share of plan in the same statement
    ("Tổng sản phẩm nội tỉnh 6 tháng đầu năm ước đạt 11.152 tỷ đồng, tăng 3,09% so với cùng kỳ",
     dict(name="Tổng sản phẩm nội tỉnh", period="6 tháng đầu năm", value=11152, unit="tỷ đồng",
          change_pct=3.09, plan_pct=None)),
    ("thu ngân sách nhà nước trên địa bàn ước đạt 2.099 tỷ đồng, bằng 60,1% kế hoạch",
     dict(name="Thu ngân sách nhà nước trên địa bàn", value=2099, unit="tỷ đồng", plan_pct=60.1)),
    ("giải quyết việc làm mới cho 10.707 lao động, bằng 66,9% kế hoạch",
     dict(name="Giải quyết việc làm mới", value=10707, unit="lao động", plan_pct=66.9)),
    ("đào tạo nghề cho 4.682 người, bằng 52% kế hoạch, tăng 75,1% so cùng kỳ",
     dict(name="Đào tạo nghề", value=4682, unit="người", plan_pct=52, change_pct=75.1)),
    ("kim ngạch xuất khẩu của tỉnh ước đạt 525 triệu USD, đạt 70% so kế hoạch, tăng 16,98% so với cùng kỳ",
     dict(name="Kim ngạch xuất khẩu", value=525, unit="triệu USD", plan_pct=70, change_pct=16.98)),
    ("tổng doanh thu bán lẻ hàng hóa đạt 29.232,75 tỷ đồng, tăng 8,95% so với cùng kỳ năm 2023",
     dict(name="Tổng doanh thu bán lẻ hàng hóa", value=29232.75, unit="tỷ đồng", change_pct=8.95)),
    ("Tổng vốn đầu tư toàn xã hội đạt hơn 1,35 triệu tỷ đồng, tăng 4,7% so với cùng kỳ",
     dict(name="Tổng vốn đầu tư toàn xã hội", value=1.35, unit="triệu tỷ đồng", change_pct=4.7)),
    ("Kim ngạch nhập khẩu là 6,8 tỷ USD", dict(name="Kim ngạch nhập khẩu", value=6.8, unit="tỷ USD")),
    ("Vốn FDI đạt hơn 10 tỷ USD", dict(name="Vốn FDI", value=10, unit="tỷ USD")),
    ("tổng thu ngân sách trên địa bàn ước chỉ đạt khoảng 44.123 tỷ đồng, giảm 20,9% so với cùng kỳ",
     dict(name="Tổng thu ngân sách trên địa bàn", value=44123, change_pct=-20.9)),
    ("Tổng thu ngân sách nhà nước 6 tháng là 12.221 tỷ đồng, đạt 51,8% so với nghị quyết đề ra "
     "(23.600 tỷ đồng) và tăng 2,5% so với cùng kỳ năm 2023",
     dict(name="Tổng thu ngân sách nhà nước", period="6 tháng", value=12221, plan_pct=51.8,
          target=23600, change_pct=2.5)),
    ("thu nội địa 10.152 tỷ đồng", dict(name="Thu nội địa", value=10152, unit="tỷ đồng")),
    ("khách lưu trú đạt khoảng 334.300 lượt (tăng gần 15%)",
     dict(name="Khách lưu trú", value=334300, unit="lượt", change_pct=15)),
    ("sản lượng lương thực đạt 1,2 triệu tấn", dict(name="Sản lượng lương thực", value=1.2, unit="triệu tấn")),
    ("trồng rừng tập trung 5.600 ha, đạt 112% kế hoạch",
     dict(name="Trồng rừng tập trung", value=5600, unit="ha", plan_pct=112)),
    # a share of the plan alone
    ("hoàn thành công tác giao nhận quân và đạt 100% chỉ tiêu đề ra", dict(name="Giao nhận quân", plan_pct=100)),
    ("giải ngân vốn đầu tư công đạt 81% dự toán", dict(name="Giải ngân vốn đầu tư công", plan_pct=81)),
    ("thu ngân sách vượt 5% kế hoạch", dict(name="Thu ngân sách", plan_pct=105)),
    # done against target
    ("toàn Đảng bộ tỉnh chỉ kết nạp được 288/825 đảng viên, đạt 35,3% kế hoạch đề ra",
     dict(name="Kết nạp đảng viên", actual=288, target=825, plan_pct=35.3, unit="đảng viên")),
    ("thu ngân sách Nhà nước trên địa bàn 45.799/36.875 tỷ đồng",
     dict(name="Thu ngân sách Nhà nước trên địa bàn", actual=45799, target=36875, unit="tỷ đồng")),
    ("tỷ lệ xã đạt chuẩn nông thôn mới 83,2%/50%",
     dict(name="Tỷ lệ xã đạt chuẩn nông thôn mới", actual=83.2, target=50, unit="%")),
    ("có 500 doanh nghiệp thành lập mới, tăng 7,6% so với cùng kỳ",
     dict(name="Doanh nghiệp thành lập mới", value=500, unit="doanh nghiệp", change_pct=7.6)),
    ("toàn tỉnh có 98/120 xã đạt chuẩn nông thôn mới, đạt 81,6%",
     dict(name="Xã đạt chuẩn nông thôn mới", actual=98, target=120, value=81.6, unit="%")),
    ("cả 15/15 chỉ tiêu phát triển kinh tế - xã hội đều đạt và vượt mục tiêu đề ra",
     dict(actual=15, target=15, unit="chỉ tiêu")),
    ("Giải ngân vốn đầu tư công đến ngày 30/6 đạt 2.345 tỷ đồng, bằng 45,2% kế hoạch vốn giao",
     dict(name="Giải ngân vốn đầu tư công", value=2345, plan_pct=45.2)),
    ("Thu nhập bình quân đầu người đạt 65 triệu đồng/người/năm",
     dict(name="Thu nhập bình quân đầu người", value=65, unit="triệu đồng/người/năm")),
    ("Tổng số khách du lịch đến tỉnh ước đạt 2,5 triệu lượt khách, tăng 12% so với cùng kỳ",
     dict(value=2.5, unit="triệu lượt khách", change_pct=12)),
    # a growth rate "reached" against the same period is a level, not a ratio to it
    ("tăng trưởng kinh tế (GRDP) đạt 8,1% so với cùng kỳ năm trước",
     dict(name="Tăng trưởng kinh tế (GRDP)", value=8.1, unit="%", change_pct=None)),
    # a target in brackets
    ("GRDP tăng 6,47% (kế hoạch 9,05%)", dict(name="GRDP", change_pct=6.47, target=9.05)),
    # percent levels
    ("tỷ lệ hộ nghèo còn 3,5%", dict(name="Tỷ lệ hộ nghèo", value=3.5, unit="%", change_pct=None)),
    ("tỷ lệ hộ nghèo giảm còn 2,7%", dict(name="Tỷ lệ hộ nghèo", value=2.7, unit="%")),
    ("tốc độ tăng trưởng kinh tế ước đạt 8,66%", dict(name="Tốc độ tăng trưởng kinh tế", value=8.66, unit="%")),
    ("Tỷ trọng khu vực công nghiệp - xây dựng chiếm 56,34%",
     dict(name="Tỷ trọng khu vực công nghiệp - xây dựng", value=56.34, unit="%")),
]


@pytest.mark.parametrize("text, want", ONE, ids=[t[:40] for t, _ in ONE])
def test_one_statement_gives_one_indicator_with_its_figures(text, want):
    (ind,) = read(text)
    assert ind.text == text
    for key, value in want.items():
        assert getattr(ind, key) == (pytest.approx(value) if isinstance(value, float) else value), key


# Statements that hold several subjects: each subject is its own indicator, in order.
MANY = [
    ("Tổng sản phẩm nội tỉnh 6 tháng đầu năm ước đạt 11.152 tỷ đồng, tăng 3,09% so với cùng kỳ; thu ngân "
     "sách nhà nước trên địa bàn ước đạt 2.099 tỷ đồng, bằng 60,1% kế hoạch; giải quyết việc làm mới cho "
     "10.707 lao động, bằng 66,9% kế hoạch; đào tạo nghề cho 4.682 người, bằng 52% kế hoạch, tăng 75,1% so "
     "cùng kỳ.",
     ["Tổng sản phẩm nội tỉnh", "Thu ngân sách nhà nước trên địa bàn", "Giải quyết việc làm mới",
      "Đào tạo nghề"]),
    ("GRDP ước tính tăng 3,02% so với cùng kỳ năm 2023. Trong đó, khu vực nông-lâm nghiệp và thủy sản tăng "
     "4,26%; khu vực dịch vụ tăng 3,84%.",
     ["GRDP", "Khu vực nông-lâm nghiệp và thủy sản", "Khu vực dịch vụ"]),
    ("Trong đó: Nông, lâm nghiệp, thủy sản tăng 3,47%; công nghiệp - xây dựng tăng 12,9%; dịch vụ tăng 7,3%.",
     ["Nông, lâm nghiệp, thủy sản", "Công nghiệp - xây dựng", "Dịch vụ"]),
    ("Chỉ số sản xuất công nghiệp tăng 20,8%; sản xuất nông nghiệp cơ bản ổn định; tổng mức bán lẻ hàng "
     "hóa và dịch vụ tăng 12%; thu ngân sách nhà nước tăng 37,8%; kim ngạch xuất, nhập khẩu đều tăng cao.",
     ["Chỉ số sản xuất công nghiệp", "Tổng mức bán lẻ hàng hóa và dịch vụ", "Thu ngân sách nhà nước"]),
    ("khách lưu trú đạt khoảng 334.300 lượt (tăng gần 15%) và khách du lịch theo tour 36.100 lượt "
     "(tăng gần 11,5%).",
     ["Khách lưu trú", "Khách du lịch theo tour"]),
    ("khu vực công nghiệp và xây dựng tăng 6,78%, đóng góp 3,93 điểm phần trăm vào mức tăng trưởng chung; "
     "khu vực dịch vụ tăng 6,81%.",
     ["Khu vực công nghiệp và xây dựng", "Khu vực dịch vụ"]),
    ("Tỷ trọng khu vực công nghiệp - xây dựng chiếm 56,34%, khu vực dịch vụ và thuế sản phẩm chiếm 31,31%.",
     ["Tỷ trọng khu vực công nghiệp - xây dựng", "Khu vực dịch vụ và thuế sản phẩm"]),
]


@pytest.mark.parametrize("text, names", MANY, ids=[t[:40] for t, _ in MANY])
def test_each_subject_of_a_statement_is_its_own_indicator(text, names):
    assert [i.name for i in read(text)] == names


# Counts that are not performance measures, and numbers that are not counts at all.
NONE = [
    "Qua tổng hợp, có 29 ý kiến tham gia góp ý.",
    "việc triển khai thực hiện 03 chương trình mục tiêu quốc gia còn hạn chế",
    "Ban Thường vụ Tỉnh ủy xác định 10 nhóm nhiệm vụ trọng tâm.",
    "Ủy ban Kiểm tra đã xem xét 17 trường hợp.",
    "Tổ chức các hoạt động kỷ niệm 30 năm Ngày tái lập tỉnh.",
    "Khen thưởng 6 tập thể và 12 cá nhân có thành tích xuất sắc.",
    "Phê duyệt Quy hoạch chi tiết tỷ lệ 1/2000 khu đô thị mới.",
    "Hội nghị Tỉnh ủy lần thứ 12 khóa XX diễn ra ngày 14/7/2022.",
    "Kết luận số 2043-KL/TU ngày 05/12/2023 của Ban Thường vụ Tỉnh ủy.",
    "Nghị quyết số 36 ngày 8/12/2023 về phương hướng, nhiệm vụ năm 2024.",
    "tai nạn giao thông được kiềm chế, giảm trên cả 3 tiêu chí",
    "Trà Vinh có diện tích tự nhiên 2.358km2, có 65km bờ biển.",
    "Dân số của tỉnh khoảng 1,1 triệu người, trong đó, dân tộc Khmer chiếm 32%.",
    "Tỉnh Hòa Bình hiện có 145/151 xã, phường, thị trấn thuộc vùng dân tộc thiểu số.",
    "đứng thứ 12/63 tỉnh, thành phố trong cả nước",
    "khu vực công nghiệp đóng góp 3,93 điểm phần trăm vào mức tăng trưởng chung",
    "bổ sung hơn 1.436 tỷ đồng vốn dự phòng cho một số dự án giao thông trọng điểm",
    "Đồng chí Nguyễn Văn A, 54 tuổi, được bầu giữ chức Bí thư Tỉnh ủy.",
    "Thời gian tổ chức từ 8 giờ 30 ngày 10/3.",
    "giá trị sản xuất ngành xây dựng giảm mạnh so với cùng kỳ",
    "Tổng mức bán lẻ tăng 6,3 nghìn tỷ đồng so với cùng kỳ năm trước.",
    # targets set for the future are not results
    "Phấn đấu năm 2024 tốc độ tăng trưởng GRDP đạt 7%; thu ngân sách nhà nước đạt 20.000 tỷ đồng; "
    "tỷ lệ hộ nghèo giảm 1,5%.",
    "Tỉnh đặt mục tiêu tăng trưởng GRDP đạt 8% vào năm 2024.",
    "dự kiến tốc độ tăng trưởng GRDP cả năm đạt khoảng 8,5%",
    "Bình Định có diện tích tự nhiên là 6.071km2, chiều dài đường bờ biển là 134km.",
]


@pytest.mark.parametrize("text", NONE, ids=[t[:40] for t in NONE])
def test_numbers_that_measure_no_performance_are_not_indicators(text):
    assert read(text) == []


def test_period_opening_a_statement_frames_the_figures_after_it():
    text = ("Trong những tháng đầu năm 2024, kinh tế đạt kết quả tích cực. "
            "Chỉ số sản xuất công nghiệp tăng 20,8%; thu ngân sách nhà nước tăng 37,8%.")
    assert [i.period for i in read(text)] == ["những tháng đầu năm 2024", "những tháng đầu năm 2024"]


def test_period_does_not_cross_a_paragraph():
    text = "6 tháng đầu năm 2023, GRDP tăng 5%.\nThu ngân sách nhà nước tăng 7%."
    assert [i.period for i in read(text)] == ["6 tháng đầu năm 2023", None]


def test_period_just_before_the_subject_is_its_period():
    (ind,) = read("Theo số liệu công bố, 6 tháng đầu năm, tổng sản phẩm trên địa bàn tỉnh tăng 3,02%.")
    assert ind.period == "6 tháng đầu năm"


def test_comparison_year_is_not_the_period():
    (ind,) = read("tổng thu ngân sách tăng 17,7% so với cùng kỳ năm 2023")
    assert ind.period is None


def test_year_on_year_change_wins_over_month_on_month():
    (ind,) = read("CPI tăng 0,55% so với tháng trước, tăng 3,52% so với cùng kỳ")
    assert ind.change_pct == pytest.approx(3.52)


def test_offsets_are_into_the_text_as_read_with_nfd_and_new_style_tones():
    text = unicodedata.normalize("NFD", "Trong đó, tổng mức bán lẻ hàng hoá tăng 12%; thu ngân sách tăng 5%.")
    got = read(text)
    assert [i.change_pct for i in got] == [12, 5]
    assert got[0].text == text[got[0].start:got[0].end]
    assert unicodedata.normalize("NFC", got[0].name) == "Tổng mức bán lẻ hàng hoá"


def test_indicators_run_in_the_pipeline_after_numbers():
    assert indicators.NAME == "indicators" and indicators.REQUIRES == ("numbers",)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,%/() ;:\nđạt tăng giảm tỷ đồng kế hoạch ha-")),
               max_size=120))
def test_never_crashes_and_spans_always_hold(text):
    read(text)


# Round 2 constructions: old-style "tỉ", a verb that names the figure, a plan followed by "trong".
READ_AS = [
    ("thu ngân sách ước đạt 12.500 tỉ đồng, vượt 10,5% dự toán",
     dict(name="Thu ngân sách", value=12500, unit="tỉ đồng", plan_pct=110.5)),
    ("kim ngạch xuất khẩu đạt 2,3 tỉ USD", dict(name="Kim ngạch xuất khẩu", value=2.3, unit="tỉ USD")),
    ("đã huy động được 4.200 tỷ đồng", dict(name="Huy động", value=4200, unit="tỷ đồng")),
    ("kết quả giải ngân 312 tỷ đồng, mới đạt 31% kế hoạch vốn trong quý I",
     dict(name="Giải ngân", value=312, plan_pct=31)),
    ("toàn huyện còn 1.204 hộ cận nghèo", dict(value=1204, unit="hộ")),
]


@pytest.mark.parametrize("text, want", READ_AS, ids=[t[:40] for t, _ in READ_AS])
def test_round_two_constructions_are_read(text, want):
    (ind,) = read(text)
    for key, value in want.items():
        assert getattr(ind, key) == (pytest.approx(value) if isinstance(value, float) else value), key


def test_figure_inside_an_open_bracket_takes_its_subject_from_the_bracket():
    inds = read("Khu vực II tăng 5,1% (công nghiệp tăng 6,2%; xây dựng tăng 3,3%)")
    assert [(i.name, i.change_pct) for i in inds] == [
        ("Khu vực II", 5.1), ("Công nghiệp", 6.2), ("Xây dựng", 3.3)]


# Digits the numbers extractor read as a date are no figure, even before a unit-like word.
DATE_NOT_FIGURE = [
    "Sáng 22/12 đồng chí Bí thư Tỉnh ủy đi kiểm tra công trình",
    "Chiều 5/9 đồng chí Chủ tịch UBND tỉnh làm việc với huyện",
]


@pytest.mark.parametrize("text", DATE_NOT_FIGURE)
def test_day_month_after_a_time_of_day_is_not_a_done_of_target(text):
    assert read(text) == []


def test_huy_dong_without_amount_of_money_is_not_named_by_the_verb():
    assert all(i.name != "Huy động" for i in read("huy động 300 người tham gia"))


# A cumulative figure ("lũy kế ...") that names no subject of its own continues the subject before
# it on its line, and its period says that it sums from the start: (name, period, value, plan, change).
CUMULATIVE = [
    ("Thu ngân sách tháng 10 đạt 1.234 tỷ đồng, lũy kế 10 tháng 12.345 tỷ đồng (đạt 85% dự toán, "
     "tăng 7% so với cùng kỳ).",
     [("Thu ngân sách", "tháng 10", 1234, None, None),
      ("Thu ngân sách", "lũy kế 10 tháng", 12345, 85, 7)]),
    ("Kim ngạch xuất khẩu tháng 9 ước đạt 520 triệu USD; lũy kế 9 tháng đạt 4,1 tỷ USD, tăng 12,5% so với "
     "cùng kỳ.",
     [("Kim ngạch xuất khẩu", "tháng 9", 520, None, None),
      ("Kim ngạch xuất khẩu", "lũy kế 9 tháng", 4.1, None, 12.5)]),
    ("Giải ngân vốn đầu tư công trong tháng 8 đạt 850 tỷ đồng, lũy kế từ đầu năm đạt 6.200 tỷ đồng, bằng "
     "62,4% kế hoạch.",
     [("Giải ngân vốn đầu tư công", "tháng 8", 850, None, None),
      ("Giải ngân vốn đầu tư công", "lũy kế từ đầu năm", 6200, 62.4, None)]),
    ("Sản lượng lúa vụ mùa đạt 120.000 tấn, luỹ kế cả năm đạt 410.000 tấn, bằng 102% kế hoạch.",
     [("Sản lượng lúa vụ mùa", None, 120000, None, None),
      ("Sản lượng lúa vụ mùa", "luỹ kế cả năm", 410000, 102, None)]),
    # what is not a continuation: a cumulative figure with its own subject, one opening its sentence
    ("Thu ngân sách quý III đạt 3.000 tỷ đồng, lũy kế vốn đầu tư công giải ngân đạt 5.000 tỷ đồng.",
     [("Thu ngân sách", "quý III", 3000, None, None),
      ("Vốn đầu tư công giải ngân", None, 5000, None, None)]),
    ("Lũy kế 10 tháng, thu ngân sách đạt 12.345 tỷ đồng, bằng 85% dự toán.",
     [("Thu ngân sách", "10 tháng", 12345, 85, None)]),
    # a subject is not carried over a paragraph
    ("Thu ngân sách tháng 10 đạt 1.234 tỷ đồng.\nLũy kế 10 tháng đạt 12.345 tỷ đồng, bằng 85% dự toán.",
     [("Thu ngân sách", "tháng 10", 1234, None, None)]),
]


@pytest.mark.parametrize("text, want", CUMULATIVE, ids=[t[:40] for t, _ in CUMULATIVE])
def test_cumulative_figure_continues_the_subject_before_it(text, want):
    got = [(i.name, i.period, i.value, i.plan_pct, i.change_pct) for i in read(text)]
    assert got == [tuple(pytest.approx(x) if isinstance(x, float) else x for x in w) for w in want]


# A count against a total with the share it makes written after it ("(= 11%)", "(chiếm 36,3%)",
# "= 10,9%"): the share confirms a count of work done even without a unit from the lexicon.
COUNT_WITH_SHARE = [
    ("Toàn tỉnh kết nạp 159/1447 (= 11%) đảng viên mới.",
     dict(name="Kết nạp đảng viên mới", actual=159, target=1447, unit="đảng viên")),
    ("Kết quả thu hồi tài sản đạt 30/120 tỷ đồng (= 25%)", dict(actual=30, target=120, unit="tỷ đồng")),
    ("toàn tỉnh có 159/1447 (= 11%) tổ chức cơ sở đảng đã đại hội xong",
     dict(name="Tổ chức cơ sở đảng đã đại hội xong", actual=159, target=1447, unit=None)),
    ("Đến nay có 37/102 (chiếm 36,3%) nhiệm vụ đã hoàn thành",
     dict(name="Nhiệm vụ đã hoàn thành", actual=37, target=102)),
    ("Số xã đạt chuẩn nông thôn mới 45/60 (bằng 75%)",
     dict(name="Số xã đạt chuẩn nông thôn mới", actual=45, target=60)),
]


@pytest.mark.parametrize("text, want", COUNT_WITH_SHARE, ids=[t[:40] for t, _ in COUNT_WITH_SHARE])
def test_count_with_its_share_written_after_it_is_a_done_of_target(text, want):
    (ind,) = read(text)
    assert ind.text == text.rstrip(".")          # the share and the counted words belong to it
    for key, value in want.items():
        assert getattr(ind, key) == value, key


COUNTS_WITH_SHARES = [
    ("Đến ngày 27/3, toàn tỉnh có 159/1447 (= 11%) tổ chức cơ sở đảng đã đại hội xong (trong đó đảng bộ "
     "cơ sở 85/779 = 10,9%, chi bộ cơ sở 74/668 = 11,1%).",
     [("Tổ chức cơ sở đảng đã đại hội xong", 159, 1447), ("Đảng bộ cơ sở", 85, 779), ("Chi bộ cơ sở", 74, 668)]),
    ("Trong đó 37/102 nhiệm vụ (chiếm 36,3%) đã hoàn thành, 28/102 nhiệm vụ (chiếm 27,4%) đã trình cấp có "
     "thẩm quyền.",
     [("Nhiệm vụ đã hoàn thành", 37, 102), ("Nhiệm vụ đã trình cấp có thẩm quyền", 28, 102)]),
]


@pytest.mark.parametrize("text, want", COUNTS_WITH_SHARES, ids=[t[:40] for t, _ in COUNTS_WITH_SHARES])
def test_each_count_with_a_share_is_its_own_indicator(text, want):
    assert [(i.name, i.actual, i.target) for i in read(text)] == want


NOT_A_COUNT_WITH_SHARE = [
    "Có 15/20 xã (chiếm 60%) đã hoàn thành.",                                     # 15/20 is not 60%
    "Tỉnh hiện có 145/151 xã (chiếm 96%) thuộc vùng đồng bào dân tộc thiểu số.",  # a share of a whole
    "Tỉnh đứng thứ 12/63 (= 19%) tỉnh, thành phố về chỉ số PCI.",                  # a rank
    "Ngày 27/3 (thứ Sáu), Ban Thường vụ Tỉnh ủy họp.",                              # a date
]


@pytest.mark.parametrize("text", NOT_A_COUNT_WITH_SHARE, ids=[t[:40] for t in NOT_A_COUNT_WITH_SHARE])
def test_share_that_does_not_make_a_count_of_work_done_gives_no_indicator(text):
    assert read(text) == []


# A figure after the first of one statement stays with it when the words between them name no new
# subject: "tương đương", an abbreviation in brackets ("(ĐV)") and "mới" say nothing new.
ONE_STATEMENT_SEVERAL_FIGURES = [
    ("Huyện kết nạp được 47 đảng viên (ĐV) mới, đạt 94% chỉ tiêu",
     dict(value=47, unit="đảng viên", plan_pct=94)),
    ("thu ngân sách trên địa bàn đạt 3.120 tỷ đồng, tương đương 62,4% dự toán",
     dict(value=3120, unit="tỷ đồng", plan_pct=62.4)),
    ("vốn đầu tư công giải ngân được 812 tỷ đồng (VĐT), tương đương 40,5% kế hoạch",
     dict(value=812, plan_pct=40.5)),
    ("Đảng bộ Quân sự tỉnh kết nạp được 35 ĐV mới, đạt 116% chỉ tiêu được giao",
     dict(value=35, unit="ĐV", plan_pct=116)),
]


@pytest.mark.parametrize("text, want", ONE_STATEMENT_SEVERAL_FIGURES,
                         ids=[t[:40] for t, _ in ONE_STATEMENT_SEVERAL_FIGURES])
def test_figures_of_one_statement_with_no_new_subject_between_them_stay_one(text, want):
    (ind,) = read(text)
    assert ind.text == text
    for key, value in want.items():
        assert getattr(ind, key) == value, key


# A count against the total it belongs to, written out ("trên tổng số") or as "done/total" of a
# counted noun followed by what happened to it.
COUNT_AGAINST_TOTAL = [
    ("đã có 312 chi bộ trên tổng số 1.040 chi bộ tổ chức xong đại hội, đạt 30%",
     dict(actual=312, target=1040, value=30)),
    ("toàn huyện có 14 xã trên tổng số 19 xã đạt chuẩn nông thôn mới",
     dict(actual=14, target=19, unit="xã", name="Xã đạt chuẩn nông thôn mới")),
    ("Đến nay đã giải quyết 26 đơn vị / tổng số 40 đơn vị", dict(actual=26, target=40)),
    ("Có 11/12 địa phương hoàn thành giao quân", dict(actual=11, target=12, unit="địa phương")),
    ("có 54/70 kiến nghị của cử tri đã được trả lời", dict(actual=54, target=70)),
    ("21/70 kiến nghị được giải trình", dict(actual=21, target=70)),
    ("9/70 kiến nghị đang giải quyết", dict(actual=9, target=70)),
]


@pytest.mark.parametrize("text, want", COUNT_AGAINST_TOTAL, ids=[t[:40] for t, _ in COUNT_AGAINST_TOTAL])
def test_count_against_its_total_is_a_done_of_target(text, want):
    (ind,) = read(text)
    for key, value in want.items():
        assert getattr(ind, key) == value, key


def test_each_count_of_a_list_is_its_own_indicator():
    text = ("Đến nay có 40/65 ý kiến đã được giải quyết; 15/65 ý kiến được giải trình; "
            "10/65 ý kiến đang giải quyết.")
    assert [(i.actual, i.target) for i in read(text)] == [(40, 65), (15, 65), (10, 65)]


def test_each_body_of_a_list_gives_its_own_indicator():
    text = ("Đảng bộ Công an huyện kết nạp được 12 ĐV mới, đạt 120% chỉ tiêu; Đảng bộ xã Tân Hòa "
            "kết nạp 7 ĐV mới, đạt 70%;")
    assert [(i.value, i.plan_pct) for i in read(text)] == [(12, 120), (7, None)]


# A rate per year written on the percent is still the rate.
PER_PERIOD = [
    ("GRDP tăng trưởng bình quân 6,8%/năm giai đoạn 2021-2025", dict(change_pct=6.8)),
    ("thu ngân sách tăng bình quân 12%/năm", dict(change_pct=12)),
]


@pytest.mark.parametrize("text, want", PER_PERIOD, ids=[t[:40] for t, _ in PER_PERIOD])
def test_percent_per_year_is_read_as_the_rate(text, want):
    (ind,) = read(text)
    for key, value in want.items():
        assert getattr(ind, key) == value, key


# Not indicators: a bound a group of units reached, counts of a whole with no work done,
# a count against a total of another thing's units.
NOT_AN_INDICATOR = [
    "Có 6 đảng bộ kết nạp đảng viên mới đạt trên 90% chỉ tiêu.",
    "Các chi bộ còn lại đạt trên 70% chỉ tiêu kế hoạch.",
    "Những xã miền núi đạt dưới 50% chỉ tiêu được giao.",
    "Tỉnh hiện có 120/150 xã được xác định là xã khu vực III.",
    "Huyện có 8/10 xã thuộc vùng đồng bào dân tộc thiểu số.",
]


@pytest.mark.parametrize("text", NOT_AN_INDICATOR, ids=[t[:40] for t in NOT_AN_INDICATOR])
def test_bounds_and_shares_of_a_whole_are_not_indicators(text):
    assert read(text) == []


def test_bound_on_one_figure_is_still_its_share_of_plan():
    (ind,) = read("Giải ngân vốn đầu tư công đạt trên 60% kế hoạch")
    assert ind.plan_pct == 60


# round three: a count reached ("đã có 6/9 huyện"), a long counted name, work reported done, and a
# share of an amount a higher level assigned named without a plan word
READ_AS_3 = [
    ("Đến nay, tỉnh đã có 6/9 huyện nông thôn mới, 38 xã đạt chuẩn nông thôn mới nâng cao.",
     dict(actual=6, target=9)),
    ("Năm 2019, 18/18 chỉ tiêu phát triển kinh tế - xã hội chủ yếu đều đạt và vượt kế hoạch đề ra.",
     dict(actual=18, target=18)),
    ("Đến nay, các địa phương đã hoàn thành 7.892 nhiệm vụ.", dict(value=7892, unit="nhiệm vụ")),
    ("Thu ngân sách của tỉnh đạt 12.733 tỉ đồng, đạt trên 54,4% thu ngân sách nhà nước do Trung ương giao "
     "cho tỉnh trong năm 2023.", dict(value=12733, plan_pct=54.4)),
    ("Giải ngân 1.200 tỷ đồng, bằng 62% số vốn được giao.", dict(value=1200, plan_pct=62)),
]


@pytest.mark.parametrize("text, want", READ_AS_3, ids=[t[:40] for t, _ in READ_AS_3])
def test_round_three_constructions_are_read(text, want):
    got = read(text)
    assert got, text
    for key, value in want.items():
        assert getattr(got[0], key) == pytest.approx(value) if isinstance(value, (int, float)) else value, key


NOT_READ_3 = [
    "Toàn tỉnh hiện có 145/151 xã thuộc vùng đồng bào dân tộc thiểu số.",   # a share of a whole, "hiện có"
    "Giao Sở Xây dựng hoàn thành 3 đề án trước ngày 30/6.",                  # a directive, not work done
    "Có 95% số hộ được giao đất sản xuất.",                                  # "được giao đất": no plan
]


@pytest.mark.parametrize("text", NOT_READ_3, ids=[t[:40] for t in NOT_READ_3])
def test_round_three_negatives_give_no_share_or_count(text):
    assert all(i.actual is None and i.plan_pct is None for i in read(text))
    assert not any(i.value == 3 for i in read(text))


# round four: forms from other provinces' reviews (each table: the rule's positive rows, then what it
# must not take)

def _fields(ind, want):
    for key, value in want.items():
        got = getattr(ind, key)
        assert got == (pytest.approx(value) if isinstance(value, float) else value), (key, got)


# An estimate of a result is reported even after a target cue in its sentence ("ước đạt" after
# "dự kiến"), and "dự kiến" right before a change verb hedges a reported change as "ước" does.
ESTIMATE_READ = [
    ("Tính chung 3 tháng đầu năm 2025, chỉ số này dự kiến tăng 11,89% so với cùng kỳ.", dict(change_pct=11.89)),
    ("tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) dự kiến tăng 6,56%", dict(change_pct=6.56)),
    ("dự kiến cả 17/17 chỉ tiêu đạt và vượt mục tiêu; tốc độ tăng trưởng kinh tế ước đạt 9,54%", dict(value=9.54)),
    ("dự kiến tốc độ tăng trưởng GRDP 9 tháng đạt khoảng 7,5-8%, riêng tăng trưởng GRDP Quý III ước đạt khoảng 8,5%",
     dict(value=8.5, period="Quý III")),
]
FORECASTS = [
    "Năm tới, GRDP dự kiến tăng 8%.",
    "Theo kế hoạch, năm 2019 sẽ có thêm 6 xã được công nhận đạt chuẩn NTM, nâng tổng số xã đạt chuẩn lên 42 xã.",
    "Trong đó, tốc độ tăng trưởng GRDP bình quân giai đoạn 2025-2030 phấn đấu đạt 11% trở lên; GRDP bình quân đầu "
    "người năm 2030 đạt 7.900 USD trở lên; thu nhập bình quân đầu người đạt 90 triệu đồng/năm trở lên.",
    "Nghệ An đặt mục tiêu đến cuối năm 2022, tỷ lệ hộ nghèo chung toàn tỉnh giảm thêm từ 1-1,5%.",
]


@pytest.mark.parametrize("text, want", ESTIMATE_READ, ids=[t[:40] for t, _ in ESTIMATE_READ])
def test_estimate_of_a_result_is_read_after_a_target_cue(text, want):
    _fields(read(text)[-1], want)


@pytest.mark.parametrize("text", FORECASTS, ids=[t[:40] for t in FORECASTS])
def test_forecasts_and_targets_are_not_results(text):
    assert read(text) == []


# Numbers of people a body stands for, acts that must be done, an amount assigned, ranks: no result.
NOT_A_RESULT = [
    "Đại hội có 750 đại biểu (487 đại biểu chính thức), đại diện cho hơn 242.000 đảng viên trong toàn Đảng bộ tỉnh.",
    "Từ nay đến cuối năm, bình quân cả nước phải xóa 459 căn nhà tạm, nhà dột nát mỗi ngày.",
    "Mỗi huyện cần xây dựng 5 km đường giao thông nông thôn.",
    "Năm 2022, TP. HCM được Trung ương giao thu ngân sách là 386.568 tỷ đồng.",
    "Đại hội sẽ diễn ra trong hai ngày 30/9 và 1/10/2025, với sự tham dự của 500 đại biểu chính thức.",
    "xếp thứ 25/63 tỉnh/thành cả nước; đứng thứ 08/14 tỉnh/thành vùng Bắc trung bộ",
]


@pytest.mark.parametrize("text", NOT_A_RESULT, ids=[t[:40] for t in NOT_A_RESULT])
def test_delegates_obligations_assigned_amounts_and_ranks_are_not_results(text):
    assert read(text) == []


def test_act_reported_done_is_read_where_the_same_act_owed_is_not():
    (ind,) = read("Đến nay, cả nước đã hỗ trợ xóa 121.000 căn nhà tạm, nhà dột nát.")
    assert ind.value == 121000


# "giảm từ A (năm N) xuống còn B": B is the level, A the base it fell from (no part of the name).
def test_level_fallen_from_a_base_is_the_level():
    (ind,) = read("tỷ lệ hộ nghèo toàn tỉnh giảm từ 21,66% năm 2021 xuống còn 11,11% vào cuối năm 2024")
    _fields(ind, dict(name="Tỷ lệ hộ nghèo", value=11.11, unit="%", change_pct=None))
    assert ind.period != "năm 2021"


# A name too long to keep is cut before its first qualifier (theo, của, trực thuộc, tại ...).
LONG_NAMES = [
    ("tỷ lệ giải ngân vốn đầu tư công theo Quyết định giao của Thủ tướng Chính phủ là 2.511 tỷ đồng, đạt 58% kế "
     "hoạch được giao", dict(name="Tỷ lệ giải ngân vốn đầu tư công", value=2511, plan_pct=58)),
    ("các huyện, thành, thị ủy đã tổ chức đại hội chi bộ trực thuộc Đảng ủy cơ sở nhiệm kỳ 2020-2022 tại 1.725 chi "
     "bộ trên tổng số 4.130 chi bộ", dict(actual=1725, target=4130)),
]


@pytest.mark.parametrize("text, want", LONG_NAMES, ids=[t[:40] for t, _ in LONG_NAMES])
def test_long_name_is_cut_before_its_qualifier(text, want):
    (ind,) = read(text)
    _fields(ind, want)


# A clause that names nothing ("bình quân tăng", "ước thực hiện năm 2023 đạt") takes the subject of the
# clause before it, up to that clause's own predicate; not a source, a time or a comparison.
CLAUSE_BEFORE = [
    ("Sản xuất nông, lâm nghiệp duy trì ổn định, tăng 3,5%.", dict(name="Sản xuất nông, lâm nghiệp", change_pct=3.5)),
    ("tốc độ tăng trưởng GRDP của tỉnh đạt khá cao, bình quân tăng 13,4%/năm",
     dict(name="Tốc độ tăng trưởng GRDP", change_pct=13.4)),
    ("Về chỉ tiêu thu ngân sách, ước thực hiện năm 2023 đạt 4.000 tỷ đồng, bằng 78% dự toán",
     dict(name="Chỉ tiêu thu ngân sách", value=4000, plan_pct=78, period="năm 2023")),
]
NO_CLAUSE_BEFORE = [
    "Theo báo cáo, tăng 5%.",
    "Tuy nhiên, so với kế hoạch, chỉ đạt 45%.",
    "Sau 3 năm thực hiện, tăng 12%.",
]


@pytest.mark.parametrize("text, want", CLAUSE_BEFORE, ids=[t[:40] for t, _ in CLAUSE_BEFORE])
def test_clause_naming_nothing_takes_the_subject_of_the_clause_before(text, want):
    (ind,) = read(text)
    _fields(ind, want)


@pytest.mark.parametrize("text", NO_CLAUSE_BEFORE, ids=[t[:40] for t in NO_CLAUSE_BEFORE])
def test_source_time_or_comparison_is_no_subject(text):
    assert read(text) == []


# An amount with no subject before it is named by the words after its unit (after the act when one
# is said); words that go on with the sentence ("cho mỗi hộ", "với tổng vốn") name nothing.
TAIL_NAMED = [
    ("thành phố đã thu hút gần 6,2 tỷ USD vốn FDI, tăng 45,67% so với cùng kỳ năm 2024",
     dict(name="Thu hút vốn FDI", value=6.2, change_pct=45.67)),
    ("trong đó hơn 36 ngàn tỷ đồng từ nguồn vốn ngoài ngân sách nhà nước, tăng 18,7% so với năm trước",
     dict(name="Nguồn vốn ngoài ngân sách nhà nước", value=36, change_pct=18.7)),
    ("Đến nay, cả nước đã hoàn thành 674 km đường bộ cao tốc", dict(name="Hoàn thành đường bộ cao tốc", value=674)),
]
NOT_TAIL_NAMED = [
    "Hỗ trợ 50 triệu đồng cho mỗi hộ nghèo xây nhà.",
    "Công trình dài 15 km với tổng vốn 800 tỷ đồng.",
]


@pytest.mark.parametrize("text, want", TAIL_NAMED, ids=[t[:40] for t, _ in TAIL_NAMED])
def test_amount_is_named_by_the_words_after_its_unit(text, want):
    (ind,) = read(text)
    _fields(ind, want)


@pytest.mark.parametrize("text", NOT_TAIL_NAMED, ids=[t[:40] for t in NOT_TAIL_NAMED])
def test_words_that_go_on_with_the_sentence_name_no_amount(text):
    assert read(text) == []


# Another act, or another count in a list of counts, is another indicator; a share of plan, a change
# or an amount said "với tổng vốn" stays with its figure.
ANOTHER = [
    ("Việt Nam đã thu hút hơn 36,6 tỉ USD, giải ngân 23,2 tỉ USD", [(36.6, None, None), (23.2, None, None)]),
    ("Năm 2023, tỉnh đã huy động được 500 tỷ đồng, hỗ trợ 200 hộ thoát nghèo.", [(500, None, None), (200, None, None)]),
    ("với 75/80 xã đạt chuẩn, 3 xã đạt kiểu mẫu, 30 xã đạt nâng cao",
     [(None, 75, 80), (3, None, None), (30, None, None)]),
    ("Thu ngân sách đạt 500 tỷ đồng, bằng 60% dự toán, tăng 5%", [(500, None, None)]),
    ("Tỉnh đã thu hút 10 dự án với tổng vốn 500 tỷ đồng.", [(10, None, None)]),
]


@pytest.mark.parametrize("text, want", ANOTHER, ids=[t[:40] for t, _ in ANOTHER])
def test_another_act_or_count_is_another_indicator(text, want):
    assert [(i.value, i.actual, i.target) for i in read(text)] == want


# A count followed by what its units reached ("đạt chuẩn", "được công nhận", "được cấp", "đã được bàn
# giao") is a result whatever verb leads to it; not a count of a whole, nor units that reached a share.
REACHED = [
    ("toàn tỉnh có 61/71 xã đạt chuẩn NTM, 17 xã đạt chuẩn NTM nâng cao và 2 xã đạt chuẩn NTM kiểu mẫu",
     [(None, 61, 71), (17, None, None), (2, None, None)]),
    ("Đến tháng 9.2019, đã có 36 xã được công nhận đạt chuẩn NTM", [(36, None, None)]),
    ("trong 7 tháng đã có 1.073 dự án FDI được cấp mới Giấy chứng nhận đăng ký đầu tư", [(1073, None, None)]),
    ("hơn 65.000 căn nhà đã được bàn giao", [(65000, None, None)]),
]
NOT_REACHED = [
    "Huyện có 8 xã biên giới.",
    "vẫn còn 14 bộ, cơ quan trung ương giải ngân dưới mức trung bình và 1 địa phương giải ngân đạt 20%",
]


@pytest.mark.parametrize("text, want", REACHED, ids=[t[:40] for t, _ in REACHED])
def test_count_of_units_that_reached_a_standard_is_a_result(text, want):
    assert [(i.value, i.actual, i.target) for i in read(text)] == want


@pytest.mark.parametrize("text", NOT_REACHED, ids=[t[:40] for t in NOT_REACHED])
def test_count_of_a_whole_or_of_units_reaching_a_share_is_no_result(text):
    assert not any(i.value in (8, 14, 1) for i in read(text))


# Words of the genre: a structure share ("chiếm tỉ trọng"), growth named after the verb ("đạt tốc độ
# tăng trưởng kinh tế 13,5%"), a subject after "khi", a unit per worker, spelt-out months, "thu được",
# a fixed term with "có" ("lương thực có hạt"), enumerations with a comma ("chế biến, chế tạo").
WORDS_4 = [
    ("khu vực nông, lâm nghiệp và thủy sản chiếm tỉ trọng 11,8%", dict(value=11.8, unit="%")),
    ("Năm 2007, Long An đạt tốc độ tăng trưởng kinh tế 13,5%", dict(change_pct=13.5)),
    ("Khu vực công nghiệp tiếp tục giữ vai trò động lực khi chỉ số sản xuất công nghiệp (IIP) tăng 26,94% so với "
     "cùng kỳ", dict(name="Chỉ số sản xuất công nghiệp (IIP)", change_pct=26.94)),
    ("Năng suất lao động ước đạt 116 triệu đồng/lao động, tăng 12% so với cùng kỳ",
     dict(unit="triệu đồng/lao động", value=116, change_pct=12)),
    ("Hai tháng đầu năm nay, thu hút vốn FDI gần 5 tỉ USD", dict(period="Hai tháng đầu năm nay", value=5)),
    ("thành phố đã thu được 457.500 tỷ đồng, vượt 18,4% dự toán được giao", dict(value=457500, plan_pct=118.4)),
    ("tổng sản lượng lương thực có hạt ước đạt 1,098 triệu tấn, bằng 95,8% kế hoạch",
     dict(name="Tổng sản lượng lương thực có hạt", plan_pct=95.8)),
    ("riêng công nghiệp chế biến, chế tạo tăng tới 48,1%", dict(name="Công nghiệp chế biến, chế tạo", change_pct=48.1)),
    ("doanh thu tham quan, lưu trú du lịch của tỉnh ước đạt 930 tỉ đồng",
     dict(name="Doanh thu tham quan, lưu trú du lịch", value=930)),
]


@pytest.mark.parametrize("text, want", WORDS_4, ids=[t[:40] for t, _ in WORDS_4])
def test_round_four_words_are_read(text, want):
    (ind,) = read(text)
    _fields(ind, want)


# After a semicolon, a clause that names a period only goes on with the subject before it; after a
# full stop, or without a period, it does not.
PERIOD_CLAUSE = [
    ("tổng sản phẩm trên địa bàn tỉnh (GRDP) quý III ước đạt 23.875,8 tỷ đồng, tăng 8,40% so với cùng kỳ; 9 tháng "
     "ước đạt 65.452,7 tỷ đồng, tăng 10,15%.",
     [("Tổng sản phẩm trên địa bàn tỉnh (GRDP)", "quý III", 23875.8, 8.4),
      ("Tổng sản phẩm trên địa bàn tỉnh (GRDP)", "9 tháng", 65452.7, 10.15)]),
    ("Chỉ số sản xuất công nghiệp (IIP) tăng 10,81% so với cùng kỳ; riêng tháng 10 tăng 2,72% so với tháng trước.",
     [("Chỉ số sản xuất công nghiệp (IIP)", None, None, 10.81),
      ("Chỉ số sản xuất công nghiệp (IIP)", "tháng 10", None, 2.72)]),
    ("Thu ngân sách đạt 500 tỷ đồng. Năm 2023, tăng 5%.", [("Thu ngân sách", None, 500, None)]),
    ("Thu ngân sách đạt 500 tỷ đồng; tăng 5% so với cùng kỳ.", [("Thu ngân sách", None, 500, None)]),
]


@pytest.mark.parametrize("text, want", PERIOD_CLAUSE, ids=[t[:40] for t, _ in PERIOD_CLAUSE])
def test_period_clause_after_a_semicolon_goes_on_with_the_subject(text, want):
    assert [(i.name, i.period, i.value, i.change_pct) for i in read(text)] == [
        tuple(pytest.approx(x) if isinstance(x, float) else x for x in w) for w in want]


# A change against the plan is a share of it ("tăng 16,8% so với dự toán" = 116,8% of the estimate;
# over_plan); "N con số" counts a rate's digits, not things (digit_count); a dash then a change goes
# on with the same statement; "tăng ở mức", "ngày càng tăng" are predicates that end the subject of the
# clause before a nameless figure.
ROUND_5 = [
    ("Tổng thu ngân sách ước đạt 32.457 tỷ đồng, tăng 16,8% so với dự toán",          # dangcongsan.vn, Vĩnh Phúc
     dict(value=32457, plan_pct=116.8)),
    ("Thu nội địa đạt 2.100 tỷ đồng, giảm 4% so với dự toán", dict(value=2100, plan_pct=96)),
    ("thu ngân sách đạt 2.100 tỷ đồng, vượt 5% kế hoạch", dict(value=2100, plan_pct=105)),
    ("Chỉ số IIP tăng ở mức 2 con số, ước đạt 25,15% so với cùng kỳ năm 2020",          # baonghean.vn
     dict(name="Chỉ số IIP", value=25.15)),
    ("Tỷ trọng ngành công nghiệp chế biến, chế tạo trong cơ cấu GRDP toàn tỉnh ngày càng tăng, năm 2021 đạt "
     "11,9% - tăng 2,1% so với năm 2020",                                              # quangninh.gov.vn
     dict(value=11.9, change_pct=2.1)),
    ("Tốc độ tăng trưởng GRDP ước đạt 7,5%", dict(name="Tốc độ tăng trưởng GRDP", value=7.5)),
]
NOT_ROUND_5 = [
    "Kinh tế tăng trưởng 2 con số.",
    "Tăng trưởng ở mức hai con số trong nhiều năm.",
]


@pytest.mark.parametrize("text, want", ROUND_5, ids=[t[:40] for t, _ in ROUND_5])
def test_plan_changes_digit_counts_dashes_and_predicates(text, want):
    (ind,) = read(text)
    _fields(ind, want)


@pytest.mark.parametrize("text", NOT_ROUND_5)
def test_a_count_of_digits_is_no_indicator(text):
    assert read(text) == []
