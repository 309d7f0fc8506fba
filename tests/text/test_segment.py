"""Blocks (headings, items, paragraphs, captions) and sentences, in original coordinates."""
from __future__ import annotations

import pytest

from chidao.extract import Document
from chidao.extract import segments as segments_extractor
from chidao.text.segment import Segment, blocks, sentences
from tests.conftest import seed_text


def kinds(text: str) -> list[tuple[str, str | None, int, str]]:
    return [(b.kind, b.ordinal, b.level, text[b.start:b.end]) for b in blocks(text)]


def sentence_texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in sentences(text)]


# ------------------------------------------------------------------ block kinds

@pytest.mark.parametrize("line, kind, ordinal", [
    ("I. Về tình hình, kết quả thực hiện nhiệm vụ", "heading", "I"),
    ("II. Một số nhiệm vụ trọng tâm trong thời gian đến", "heading", "II"),
    ("IV- NHIỆM VỤ, GIẢI PHÁP", "heading", "IV"),
    ("A. KẾT QUẢ THỰC HIỆN", "heading", "A"),
    ("Phần thứ hai", "heading", "thứ hai"),
    ("KẾT LUẬN", "heading", None),
    ("CỦA BAN THƯỜNG VỤ TỈNH ỦY", "heading", None),
    ("1. Chú trọng lãnh đạo, chỉ đạo điều hành.", "item", "1"),
    ("2) Tiếp tục rà soát các nội dung.", "item", "2"),
    ("3/ Đẩy mạnh chuyển đổi số.", "item", "3"),
    ("1.2. Về kinh tế.", "item", "1.2"),
    ("2.3 Về xã hội.", "item", "2.3"),
    ("a) Rà soát quy hoạch.", "item", "a"),
    ("đ) Tăng cường kiểm tra.", "item", "đ"),
    ("- Các đồng chí UV BTV Tỉnh ủy,", "item", "-"),
    ("– Đảng đoàn HĐND tỉnh,", "item", "-"),
    ("+ Thu ngân sách đạt 60,1%.", "item", "+"),
    ("• Giải ngân vốn đầu tư công.", "item", "•"),
    ("Ảnh: Diễm My", "caption", None),
    ("Bí thư Tỉnh ủy phát biểu chỉ đạo tại hội nghị. Ảnh: Diễm My", "caption", None),
    ("Đại biểu dự hội nghị. (Ảnh: TTXVN)", "caption", None),
    ("Toàn cảnh hội nghị. |", "caption", None),
    ("Toàn cảnh hội nghị.", "caption", None),
    ("Quang cảnh buổi làm việc", "caption", None),
    ("Các đồng chí lãnh đạo tỉnh dự hội nghị.", "caption", None),
    ("Ngày 14-7, đồng chí Nguyễn Đức Thanh chủ trì hội nghị.", "paragraph", None),
    ("14.3.2024 là ngày họp.", "paragraph", None),
    ("2.099 tỷ đồng thu ngân sách.", "paragraph", None),
    ("2024 là năm tăng tốc.", "paragraph", None),
    ("2043-KL/TU", "paragraph", None),
    ("Tuy nhiên, ảnh hưởng của thiên tai còn lớn.", "paragraph", None),
    ("Quảng bá hình ảnh: du lịch, văn hóa", "paragraph", None),
    ("Ảnh hưởng: còn lớn", "paragraph", None),
    ("Đồng chí Bí thư trao quà. Ảnh: baochinhphu.vn", "caption", None),
    ("Ảnh 2: Đại biểu dự hội nghị", "caption", None),
    ("Số: 2165-KL/TU", "paragraph", None),
])
def test_a_line_is_classified_by_its_marker_or_shape(line, kind, ordinal):
    text = f"{line}\n\nĐoạn văn sau, có dấu phẩy, kết thúc bằng dấu chấm."
    first = blocks(text)[0]
    assert (first.kind, first.ordinal) == (kind, ordinal)
    assert text[first.start:first.end] == line


# Lines of whole pages as an office pastes them (baothaibinh.com.vn 2017, baoquangbinh.vn 2014,
# baovinhlong.com.vn 2017, quangninh.gov.vn 2022, thanhhoa.gov.vn 2023, thuanchau.sonla.gov.vn 2025,
# sxd.vinhlong.gov.vn, baomoi.com (Tuyên Quang 2024), hethongphapluat.vn (Thanh Hóa 2025)): page
# furniture is read as a caption (rules "dateline", "view_counter", "related_link"), a table row is not
# (rule "table_row").
@pytest.mark.parametrize("line, kind", [
    # dateline: date, time, weekday and "Cập nhật" words only
    ("Chủ nhật, 31/12/2017 | 19:57:31", "caption"),
    ("Chủ nhật, 24/11/2024, 14:20[GMT+7]", "caption"),
    ("Thứ Sáu, 11/07/2014, 15:48 [GMT+7]", "caption"),
    ("Cập nhật, 14:22, Thứ Tư, 29/03/2017 (GMT+7)", "caption"),
    ("22/09/2022 15:15", "caption"),
    ("Đăng ngày 11 - 11 - 2023", "caption"),
    ("Cập nhật ngày:", "caption"),
    # view counter
    ("1,464 lượt xem", "caption"),
    ("Lượt xem: 14", "caption"),
    # related link: another article's title
    (">> Bế mạc kỳ họp thứ 12, HĐND tỉnh khóa XVI: Biểu quyết thông qua 5 nghị quyết", "caption"),
    ("Tin liên quan", "caption"),
    # not furniture: a dated sentence, a place-date line, a code, bare numbers, a list marker
    ("Ngày 14-7, đồng chí Nguyễn Đức Thanh chủ trì hội nghị.", "paragraph"),
    ("Thanh Hoá, ngày 27 tháng 6 năm 2025", "paragraph"),
    ("Trực tiếp - Ngày 9-4, tại Hội trường Tỉnh ủy, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị.", "paragraph"),
    ("8h00: Đồng chí Bí thư Tỉnh ủy Chẩu Văn Lâm quán triệt.", "paragraph"),
    ("Tiến độ: 30/6/2024", "paragraph"),
    ("15/3", "paragraph"),
    ("21/01/2021", "paragraph"),                     # a date alone: a deadline cell of a table (phutho.gov.vn)
    ("2024", "paragraph"),
    ("Thông tin liên quan đến dự án", "heading"),            # a subtitle, not a link
    ("1.", "paragraph"),
    # table_row: cells between bars are not a caption; a photo credit in a cell still is
    ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |", "heading"),
    ("Số: 130/KH-UBND | Thanh Hoá, ngày 27 tháng 6 năm 2025 |", "paragraph"),
    ("Vệt đô thị thành phố ven sông Hàn. Ảnh: KIM LIÊN |", "caption"),
    ("Toàn cảnh hội nghị | Ảnh: Diễm My", "caption"),
])
def test_page_furniture_is_a_caption_and_a_table_row_is_not(line, kind):
    text = f"{line}\n\nĐoạn văn sau, có dấu phẩy, kết thúc bằng dấu chấm."
    first = blocks(text)[0]
    assert first.kind == kind
    assert text[first.start:first.end] == line


@pytest.mark.parametrize("text, kind", [
    # rule "headline": before a dateline (baothaibinh.com.vn 2017, baovinhlong.com.vn 2017) ...
    ("Phát huy lợi thế, tranh thủ thời cơ, nỗ lực phấn đấu thực hiện thắng lợi nhiệm vụ chính trị của tỉnh "
     "trong năm 2018\n\nChủ nhật, 31/12/2017 | 19:57:31\n1,464 lượt xem", "heading"),
    ("Thành lập BCĐ nâng cấp, phát triển TP Vĩnh Long và TX Bình Minh\n\n"
     "Cập nhật, 14:22, Thứ Tư, 29/03/2017 (GMT+7)", "heading"),
    # ... or the first line of the text before an ordinary paragraph (baothanhhoa.vn 2025, baomoi.com 2024)
    ("Ban Thường vụ Tỉnh ủy Thanh Hóa cho ý kiến vào các nội dung liên quan đến công tác lãnh đạo, chỉ đạo "
     "thực hiện nhiệm vụ chính trị\n\nChiều 5/9, hội nghị Ban Thường vụ Tỉnh ủy Thanh Hóa được tổ chức.", "heading"),
    ("Hội nghị BCH Đảng bộ tỉnh lần thứ 18, khóa XVII (mở rộng)\n\nTrực tiếp - Ngày 9-4, tại Hội trường Tỉnh ủy, "
     "Ban Thường vụ Tỉnh ủy tổ chức Hội nghị.", "heading"),
    # not a headline: a sentence that ends, a dated lead, a label, a place-date line, a line that goes on
    ("Sáng 24/6, trong phiên họp thường kỳ tháng 6, Ban Thường vụ Tỉnh ủy cho ý kiến\n\nĐoạn sau.", "paragraph"),
    ("Ban Thường vụ Tỉnh ủy cho ý kiến về tình hình kinh tế.\n\nĐoạn sau.", "paragraph"),
    ("Quảng bá hình ảnh: du lịch, văn hóa\n\nĐoạn sau.", "paragraph"),
    ("Thanh Hoá, ngày 27 tháng 6 năm 2025\n\nĐoạn sau.", "paragraph"),
    ("Ban cán sự đảng đã kịp thời lãnh\nđạo, chỉ đạo các nhiệm vụ.", "paragraph"),
    ("Đoạn mở đầu có dấu chấm.\nBan Thường vụ Tỉnh ủy cho ý kiến vào các nội dung, nhiều nội dung\nĐoạn sau.",
     "paragraph"),
])
def test_a_page_headline_is_a_heading(text, kind):
    # the first block that is not furniture, or the second line when a text opens with a sentence
    found = [b for b in blocks(text) if b.kind != "caption"]
    block = found[1] if text.startswith("Đoạn mở đầu") else found[0]
    assert block.kind == kind


def test_news_subtitle_before_a_paragraph_is_a_heading_but_a_last_line_is_not():
    text = "Đoạn mở đầu.\nNhững điểm sáng đầu năm\nPhát biểu khai mạc hội nghị, Bí thư nói.\nĐặng Ngọc Huy"
    assert [k for k, *_ in kinds(text)] == ["paragraph", "heading", "paragraph", "paragraph"]


def test_item_extends_over_a_lowercase_continuation_after_a_page_break():
    text = ("1. Chú trọng lãnh đạo, chỉ đạo điều hành thực hiện các nhiệm vụ\n\n"
            "tiếp tục đổi mới lề lối, phong cách làm việc.\n\n"
            "Đối với các vấn đề mới, đề nghị bảo vệ cán bộ.\n"
            "2. Tiếp tục rà soát.")
    got = kinds(text)
    assert got[0] == ("item", "1", 1, text[:text.index("Đối") - 2])
    assert got[1][0] == "paragraph" and got[1][3].startswith("Đối với")
    assert got[2][:2] == ("item", "2")


def test_paragraph_extends_over_a_lowercase_line():
    text = "Ban cán sự đảng đã kịp thời lãnh\nđạo, chỉ đạo các nhiệm vụ.\nNăm 2024 là năm tăng tốc."
    assert [t for *_, t in kinds(text)] == ["Ban cán sự đảng đã kịp thời lãnh\nđạo, chỉ đạo các nhiệm vụ.",
                                           "Năm 2024 là năm tăng tốc."]


def test_hard_wrapped_lines_join_into_one_paragraph_until_a_full_stop():
    lines = ["Ban Thường vụ Tỉnh ủy ghi nhận và đánh giá cao những kết quả mà Ban cán sự đảng",
             "Ủy ban nhân dân tỉnh đã nỗ lực lãnh đạo, chỉ đạo đạt được trong những tháng đầu năm",
             "Tuy nhiên vẫn còn một số hạn chế cần được khắc phục trong thời gian tới của năm",
             "Nghị quyết số 36 ngày 8/12/2023 về phương hướng nhiệm vụ năm 2024 của Tỉnh ủy và",
             "đạt được một số kết quả trên các mặt công tác của tỉnh trong những năm vừa qua.",
             "Công tác xây dựng Đảng đã được các cấp ngành tổ chức thực hiện và đạt nhiều kết quả",
             "Tình hình phát triển kinh tế trong ba tháng đầu năm tiếp tục được phục hồi tốt."]
    text = "\n".join(lines)
    got = blocks(text)
    assert [text[b.start:b.end] for b in got] == ["\n".join(lines[:5]), "\n".join(lines[5:])]


def test_one_line_per_paragraph_text_does_not_join_capitalised_lines():
    text = "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12\n\nNgày 14-7, đồng chí Nguyễn Đức Thanh chủ trì."
    assert len(blocks(text)) == 2


def test_list_levels_follow_the_order_marker_styles_appear():
    text = ("II. Nhiệm vụ\n1. Về kinh tế:\na) Tăng thu ngân sách;\n- Rà soát nguồn thu;\n"
            "b) Giải ngân vốn;\n2. Về xã hội.\nNơi nhận:\n- Như trên,\n- Lưu VT.")
    got = [(b.ordinal, b.level) for b in blocks(text)]
    assert got == [("II", 1), ("1", 1), ("a", 2), ("-", 3), ("b", 2), ("2", 1), (None, 0), ("-", 1), ("-", 1)]


def test_body_start_skips_the_marker():
    text = "  3. Tiếp tục đẩy mạnh chuyển đổi số."
    (item,) = blocks(text)
    assert (item.start, text[item.body_start:item.end]) == (2, "Tiếp tục đẩy mạnh chuyển đổi số.")


def test_blocks_are_in_original_coordinates_of_crlf_and_nfd_text():
    import unicodedata
    text = unicodedata.normalize("NFD", "KẾT LUẬN\r\n\r\n1. Tập trung lãnh đạo.\r\n- Hoà giải.\r\n")
    got = blocks(text)
    assert [text[b.start:b.end] for b in got] == [
        unicodedata.normalize("NFD", s) for s in ("KẾT LUẬN", "1. Tập trung lãnh đạo.", "- Hoà giải.")]


@pytest.mark.parametrize("text", ["", "\n\n  \n", "\u200b", "|", "-", "1.", "I."])
def test_degenerate_texts_give_sane_blocks(text):
    for b in blocks(text):
        assert 0 <= b.start <= b.body_start <= b.end <= len(text)
    for s in sentences(text):
        assert 0 <= s.start < s.end <= len(text)


# ------------------------------------------------------------------ sentences

@pytest.mark.parametrize("text, expected", [
    ("Tốc độ tăng trưởng giảm 3,1%. Việc xây dựng chương trình còn chậm.",
     ["Tốc độ tăng trưởng giảm 3,1%.", "Việc xây dựng chương trình còn chậm."]),
    ("Ngày 14.3.2024 tỉnh họp. Hội nghị thành công!", ["Ngày 14.3.2024 tỉnh họp.", "Hội nghị thành công!"]),
    ("Giải ngân đạt 3,09 nghìn tỷ; thu ngân sách đạt 60,1%.", ["Giải ngân đạt 3,09 nghìn tỷ; thu ngân sách đạt 60,1%."]),
    ("Như sau: Tốc độ tăng trưởng giảm.", ["Như sau: Tốc độ tăng trưởng giảm."]),
    ("Đồng chí TS. Nguyễn Văn A, PGS. TS. Trần B và ThS. Lê C dự họp.",
     ["Đồng chí TS. Nguyễn Văn A, PGS. TS. Trần B và ThS. Lê C dự họp."]),
    ("Làm việc tại TP. Hồ Chí Minh và Tp. Đà Nẵng. Sau đó về tỉnh.",
     ["Làm việc tại TP. Hồ Chí Minh và Tp. Đà Nẵng.", "Sau đó về tỉnh."]),
    ("Ông Nguyễn V. Anh phát biểu. Hội nghị bế mạc.", ["Ông Nguyễn V. Anh phát biểu.", "Hội nghị bế mạc."]),
    ("Kết quả trong Quý I. Các ngành tiếp tục.", ["Kết quả trong Quý I.", "Các ngành tiếp tục."]),
    ("Các vướng mắc chưa được xử lý… nhưng đã có chuyển biến. Tiếp tục.",
     ["Các vướng mắc chưa được xử lý… nhưng đã có chuyển biến.", "Tiếp tục."]),
    ("Còn nhiều khó khăn… Với những hạn chế đó, cần cố gắng.",
     ["Còn nhiều khó khăn…", "Với những hạn chế đó, cần cố gắng."]),
    ("Ông nói: “Tôi đề nghị phát huy tính chủ động.” Các đại biểu nhất trí.",
     ["Ông nói: “Tôi đề nghị phát huy tính chủ động.”", "Các đại biểu nhất trí."]),
    ("Gồm các nhiệm vụ: 1. Tăng thu; 2. Giảm chi.", ["Gồm các nhiệm vụ: 1. Tăng thu; 2. Giảm chi."]),
    ("Thu được 2.099 tỷ đồng. 10 nhiệm vụ được giao.", ["Thu được 2.099 tỷ đồng.", "10 nhiệm vụ được giao."]),
    ("Đã giao thực hiện. tạo nền tảng vững chắc.", ["Đã giao thực hiện. tạo nền tảng vững chắc."]),
    ("Rà soát việc thực hiện...Báo cáo kết quả.", ["Rà soát việc thực hiện...Báo cáo kết quả."]),
    ("Đồng chí Nguyễn Thị Thanh, UVT.Ư Đảng, Bí thư Tỉnh ủy chủ trì. Hội nghị diễn ra vào ngày 10.10.",
     ["Đồng chí Nguyễn Thị Thanh, UVT.Ư Đảng, Bí thư Tỉnh ủy chủ trì.", "Hội nghị diễn ra vào ngày 10.10."]),
    ("Tinh thần “7 dám”, đó là: “Dám nghĩ; dám nói; dám làm” - là nội dung quan trọng.",
     ["Tinh thần “7 dám”, đó là: “Dám nghĩ; dám nói; dám làm” - là nội dung quan trọng."]),
])
def test_sentences_split_only_where_a_sentence_ends(text, expected):
    assert sentence_texts(text) == expected


def test_a_line_break_before_lowercase_does_not_end_a_sentence():
    text = "Ban cán sự đảng đã kịp thời lãnh\nđạo, chỉ đạo các nhiệm vụ. Kết quả tốt."
    assert sentence_texts(text) == ["Ban cán sự đảng đã kịp thời lãnh\nđạo, chỉ đạo các nhiệm vụ.", "Kết quả tốt."]


def test_sentences_never_cross_blocks_and_skip_item_markers():
    text = "1. Tăng thu ngân sách. Giảm chi thường xuyên\n2. Đẩy mạnh giải ngân"
    assert sentence_texts(text) == ["Tăng thu ngân sách.", "Giảm chi thường xuyên", "Đẩy mạnh giải ngân"]


# ------------------------------------------------------------------ the extractor and the seeds

def test_the_segments_extractor_stores_blocks_and_sentences_on_the_document():
    doc = Document("I. Kết quả\n1. Tăng thu. Giảm chi.\nẢnh: Diễm My")
    segments_extractor.run(doc)
    assert [s.kind for s in doc.facts["segments"]] == ["heading", "item", "caption"]
    assert [doc.text[s.start:s.end] for s in doc.facts["sentences"]] == [
        "Kết quả", "Tăng thu.", "Giảm chi.", "Ảnh: Diễm My"]
    assert all(isinstance(s, Segment) for s in doc.facts["segments"] + doc.facts["sentences"])
    assert segments_extractor.NAME == "segments" and segments_extractor.REQUIRES == ()


def test_seed_conclusion_has_its_numbered_tasks_as_nine_items(seeds_dir):
    text = seed_text("004")
    items = [b for b in blocks(text) if b.kind == "item" and b.ordinal.isdigit()]
    assert [b.ordinal for b in items] == [str(i) for i in range(1, 10)]
    assert text[items[0].body_start:].startswith("Chú trọng lãnh đạo, chỉ đạo điều hành")
    # the item runs over its lowercase continuation "tiếp tục đổi mới lề lối ..." after the page break
    assert "tiếp tục đổi mới lề lối" in text[items[0].start:items[0].end]
    headings = [text[b.start:b.end] for b in blocks(text) if b.kind == "heading" and b.ordinal]
    assert [h[:3] for h in headings] == ["I. ", "II."]


def test_seed_news_captions_are_found_and_ordinary_paragraphs_are_not(seeds_dir):
    text = seed_text("002")
    captions = [text[b.start:b.end] for b in blocks(text) if b.kind == "caption"]
    assert captions[0] == "Toàn cảnh hội nghị. |"
    assert all(c.endswith("|") for c in captions) and len(captions) == 5
    text = seed_text("001")
    captions = [text[b.start:b.end] for b in blocks(text) if b.kind == "caption"]
    assert captions[0].endswith("Ảnh: Diễm My")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_sentence_lies_inside_one_block_and_none_is_empty(seeds_dir, prefix):
    text = seed_text(prefix)
    bl = blocks(text)
    for s in sentences(text):
        assert text[s.start:s.end].strip() == text[s.start:s.end] != ""
        assert any(b.start <= s.start and s.end <= b.end for b in bl)
