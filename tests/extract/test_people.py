"""People: names with every title, in every order the genre writes them; bylines and places are not people."""
from __future__ import annotations

import json
from datetime import date

import pytest

from chidao.extract.document import Document
from chidao.extract import people
from tests.conftest import GOLD, seed_text


def _people(text: str) -> dict[str, list[str]]:
    doc = Document(text, ref_date=date(2024, 3, 14))
    people.run(doc)
    return {p.name: list(p.titles) for p in doc.facts["people"]}


@pytest.mark.parametrize(
    "text, expected",
    [
        # name, then titles separated by commas, ending at the verb
        ("Đồng chí Trần Quốc Văn, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Bí thư Đảng ủy UBND tỉnh chủ trì phiên họp.",
         {"Trần Quốc Văn": ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh", "Bí thư Đảng ủy UBND tỉnh"]}),
        ("Ngày 14-7, đồng chí Nguyễn Đức Thanh, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy chủ trì Hội nghị.",
         {"Nguyễn Đức Thanh": ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"]}),
        ("Đồng chí Nguyễn Thị Thanh, UVT.Ư Đảng, Bí thư Tỉnh ủy, Trưởng đoàn Đại biểu Quốc hội tỉnh dự và chủ trì hội nghị.",
         {"Nguyễn Thị Thanh": ["UVT.Ư Đảng", "Bí thư Tỉnh ủy", "Trưởng đoàn Đại biểu Quốc hội tỉnh"]}),
        ("đồng chí Đỗ Trọng Hưng, UVTW, Bí thư Tỉnh ủy phát biểu",
         {"Đỗ Trọng Hưng": ["UVTW", "Bí thư Tỉnh ủy"]}),
        # title before the name, with and without a place name
        ("Phát biểu khai mạc hội nghị, Bí thư Tỉnh ủy Lương Nguyễn Minh Triết đánh giá cao",
         {"Lương Nguyễn Minh Triết": ["Bí thư Tỉnh ủy"]}),
        ("Bí thư Tỉnh ủy Nghệ An Thái Thanh Quý biểu dương nỗ lực",
         {"Thái Thanh Quý": ["Bí thư Tỉnh ủy Nghệ An"]}),
        ("Chủ tịch UBND tỉnh Trần Văn Sơn yêu cầu các sở", {"Trần Văn Sơn": ["Chủ tịch UBND tỉnh"]}),
        ("Chủ tịch UBND tỉnh Lâm Đồng Trần Hồng Thái nhấn mạnh", {"Trần Hồng Thái": ["Chủ tịch UBND tỉnh Lâm Đồng"]}),
        ("đồng chí Bùi Thị Quỳnh Vân, Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh thay mặt tập thể",
         {"Bùi Thị Quỳnh Vân": ["Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy",
                                "Chủ tịch Hội đồng nhân dân tỉnh"]}),
        # dashes: spaced, en dash, glued
        ("Đồng chí Hoàng Nghĩa Hiếu - Phó Bí thư Tỉnh ủy Nghệ An trình bày báo cáo",
         {"Hoàng Nghĩa Hiếu": ["Phó Bí thư Tỉnh ủy Nghệ An"]}),
        ("Hồ Văn Niên-Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Gia Lai",
         {"Hồ Văn Niên": ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy Gia Lai"]}),
        ("Các đồng chí Lương Nguyễn Minh Triết – Ủy viên dự khuyết Trung ương Đảng, Bí thư Tỉnh ủy; "
         "Lê Văn Dũng – Phó Bí thư Thường trực Tỉnh ủy, Trưởng đoàn Đại biểu Quốc hội tỉnh chủ trì hội nghị.",
         {"Lương Nguyễn Minh Triết": ["Ủy viên dự khuyết Trung ương Đảng", "Bí thư Tỉnh ủy"],
          "Lê Văn Dũng": ["Phó Bí thư Thường trực Tỉnh ủy", "Trưởng đoàn Đại biểu Quốc hội tỉnh"]}),
        # lists after "các đồng chí:", items separated by ";"
        ("Tham dự hội nghị có các đồng chí: Phạm Văn Hậu, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh; "
         "Trần Quốc Nam, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; các đồng chí trong Ban Thường vụ Tỉnh ủy.",
         {"Phạm Văn Hậu": ["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"],
          "Trần Quốc Nam": ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]}),
        ("Sáng 15-3, các đồng chí: Nguyễn Văn Lợi, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy; Trần Tuệ Hiền, "
         "Phó Bí thư Thường trực Tỉnh ủy; Lê Văn Châu, Phó Bí thư Tỉnh ủy đã làm việc với các ban.",
         {"Nguyễn Văn Lợi": ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"],
          "Trần Tuệ Hiền": ["Phó Bí thư Thường trực Tỉnh ủy"], "Lê Văn Châu": ["Phó Bí thư Tỉnh ủy"]}),
        ("dưới sự chủ trì của đồng chí Đỗ Trọng Hưng, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy và các đồng chí: "
         "Lại Thế Nguyên, Phó Bí thư Thường trực Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh; Đỗ Minh Tuấn, Phó Bí thư Tỉnh ủy.",
         {"Đỗ Trọng Hưng": ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"],
          "Lại Thế Nguyên": ["Phó Bí thư Thường trực Tỉnh ủy", "Trưởng đoàn ĐBQH tỉnh"],
          "Đỗ Minh Tuấn": ["Phó Bí thư Tỉnh ủy"]}),
        # a ";" inside one person's titles, before another title
        ("Các đồng chí: Trần Thị Hằng, UV BTV Tỉnh ủy; Phó Chủ tịch Thường trực HĐND tỉnh dự.",
         {"Trần Thị Hằng": ["UV BTV Tỉnh ủy", "Phó Chủ tịch Thường trực HĐND tỉnh"]}),
        # honorifics and ranks are dropped
        ("bà Nguyễn Thị Hoa phát biểu tại buổi tiếp xúc", {"Nguyễn Thị Hoa": []}),
        ("Ông Trần Văn Nam, Giám đốc Sở Kế hoạch và Đầu tư cho biết",
         {"Trần Văn Nam": ["Giám đốc Sở Kế hoạch và Đầu tư"]}),
        ("Đại tá Nguyễn Thanh Trường, Giám đốc Công an tỉnh báo cáo", {"Nguyễn Thanh Trường": ["Giám đốc Công an tỉnh"]}),
        ("đồng chí Thiếu tướng Nguyễn Văn Long, Giám đốc Công an tỉnh", {"Nguyễn Văn Long": ["Giám đốc Công an tỉnh"]}),
        # a surname not in the list still counts after "đồng chí" or at the head of a list item
        ("đồng chí Khổng Minh Tú, Phó Chủ tịch UBND tỉnh", {"Khổng Minh Tú": ["Phó Chủ tịch UBND tỉnh"]}),
        ("có các đồng chí: Ksor Phước Hà, Phó Bí thư Tỉnh ủy", {"Ksor Phước Hà": ["Phó Bí thư Tỉnh ủy"]}),
        # Ê Đê names of five syllables
        ("Đồng chí Y Thanh Hà Niê Kđăm, Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh",
         {"Y Thanh Hà Niê Kđăm": ["Phó Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]}),
        # titles in capitals over a signature, in usual casing
        ("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nĐặng Ngọc Huy\n", {"Đặng Ngọc Huy": ["Phó Bí thư"]}),
        ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n(Đã ký)\n\nNguyễn Văn Phương", {"Nguyễn Văn Phương": ["Phó Chủ tịch"]}),
        # the same title twice, once with the province: one title
        ("Bí thư Tỉnh ủy Nghệ An Thái Thanh Quý trao bằng khen. Bí thư Tỉnh ủy Thái Thanh Quý nhấn mạnh.",
         {"Thái Thanh Quý": ["Bí thư Tỉnh ủy Nghệ An"]}),
        # from provincial news: a verb of appointment ends a title; "tân" (new) is not part of it
        ("Dự và chỉ đạo cuộc họp có các đồng chí: Nguyễn Sáng Vang, Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy, "
         "Trưởng Đoàn đại biểu Quốc hội khóa XIII của tỉnh; Chẩu Văn Lâm, Chủ tịch UBND tỉnh.",
         {"Nguyễn Sáng Vang": ["Ủy viên BCH Trung ương Đảng", "Bí thư Tỉnh ủy",
                               "Trưởng Đoàn đại biểu Quốc hội khóa XIII"],
          "Chẩu Văn Lâm": ["Chủ tịch UBND tỉnh"]}),
        ("ông Vương Trinh Quốc - tân Giám đốc Sở TT&TT cảm ơn", {"Vương Trinh Quốc": ["Giám đốc Sở TT&TT"]}),
        ("đồng chí Hà Văn Dương, Chánh Thanh tra tỉnh giữ chức vụ Giám đốc Sở Kế hoạch và Đầu tư",
         {"Hà Văn Dương": ["Chánh Thanh tra tỉnh"]}),
        ("Đỗ Đình Hữu, Tỉnh ủy viên, Bí thư Đảng ủy khối các Cơ quan và Doanh nghiệp tỉnh dự.",
         {"Đỗ Đình Hữu": ["Tỉnh ủy viên", "Bí thư Đảng ủy khối các Cơ quan và Doanh nghiệp tỉnh"]}),
        # --- negatives
        ("Đồng chí Nguyễn Đức Thanh phát biểu chỉ đạo tại hội nghị. Ảnh: Diễm My", {"Nguyễn Đức Thanh": []}),
        ("Bài, ảnh: Nguyễn Hoàng Anh", {}),
        ("(Theo Báo Quảng Nam)", {}),
        ("Hội nghị đã nghe đồng chí Phó Bí thư Thường trực Tỉnh ủy thông qua Tờ trình.", {}),
        ("đồng chí Bí thư Tỉnh ủy nhấn mạnh", {}),
        ("Bí thư Tỉnh ủy Quảng Nam đề nghị các đại biểu thảo luận", {}),
        ("Chủ tịch UBND tỉnh Lâm Đồng phát biểu", {}),
        ("Bí thư Huyện ủy Châu Thành phát biểu", {}),
        ("Đề án phát triển huyện đảo Lý Sơn thành trung tâm du lịch tại Khu kinh tế Dung Quất", {}),
        ("tỉnh Bà Rịa Vũng Tàu", {}),
        ("đường Ông Ích Khiêm", {}),
        ("Các đồng chí lãnh đạo tỉnh dự hội nghị.", {}),
        ("gồm 5 đảng bộ: Nam Đàn, Quỳ Châu, thành phố Vinh", {}),
        ("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX, Ban Chấp hành Đảng bộ tỉnh", {}),
        ("Các đồng chí Thường trực Tỉnh ủy chủ trì hội nghị.", {}),
    ],
)
def test_people_and_titles(text: str, expected: dict[str, list[str]]) -> None:
    assert _people(text) == expected


def test_every_mention_is_the_name_as_read_in_original_coordinates() -> None:
    text = "Bí thư Tỉnh uỷ Thái Thanh Quý phát biểu.\r\nĐồng chí Thái Thanh Quý nhấn mạnh."
    doc = Document(text)
    people.run(doc)
    (person,) = doc.facts["people"]
    assert [text[m.start:m.end] for m in person.mentions] == ["Thái Thanh Quý", "Thái Thanh Quý"]
    assert person.rule in {r.name for r in people.RULES}


def test_a_title_with_old_style_tones_keeps_the_text_as_written() -> None:
    doc = Document("đồng chí Lê Văn A, Phó Chủ tịch UBND tỉnh, Uỷ viên Ban Thường vụ Tỉnh uỷ dự.")
    people.run(doc)
    assert doc.facts["people"][0].titles == ("Phó Chủ tịch UBND tỉnh", "Uỷ viên Ban Thường vụ Tỉnh uỷ")


def test_seed_004_people_match_the_gold() -> None:
    gold = json.loads(next(GOLD.glob("004_*.json")).read_text(encoding="utf-8"))
    text = seed_text("004")
    doc = Document(text, ref_date=date(2024, 3, 14))
    people.run(doc)
    got = [{"name": p.name, "titles": list(p.titles)} for p in doc.facts["people"]]
    assert got == gold["people"]
    for p in doc.facts["people"]:
        for m in p.mentions:
            assert text[m.start:m.end] == p.name


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_seed_news_reports_name_no_photographer(prefix: str) -> None:
    doc = Document(seed_text(prefix))
    people.run(doc)
    names = {p.name for p in doc.facts["people"]}
    assert names and "Diễm My" not in names
    assert all(len(n.split()) >= 2 for n in names)


@pytest.mark.parametrize("text", ["", "\n\n", "Đồng chí", "đồng chí ,", "Bí thư", "T/M\nBÍ THƯ\n\n", "a" * 5000,
                                  "Nguyễn " * 300, "Bí thư Tỉnh ủy " * 200, "- ; , ( ) : " * 100])
def test_odd_input_never_crashes(text: str) -> None:
    doc = Document(text)
    people.run(doc)
    assert isinstance(doc.facts["people"], list)


@pytest.mark.parametrize(
    "text, expected",
    [
        # an aside in brackets between the name and its title
        ("ông Thái Thanh Quý (bìa trái), Chủ tịch UBND tỉnh Nghệ An được bầu làm tân Bí thư Tỉnh ủy.",
         {"Thái Thanh Quý": ["Chủ tịch UBND tỉnh Nghệ An"]}),
        ("đồng chí Nguyễn Văn An (sinh năm 1976), Phó Chủ tịch UBND tỉnh được bầu",
         {"Nguyễn Văn An": ["Phó Chủ tịch UBND tỉnh"]}),
        # titles before the name joined by a spaced dash
        ("Ủy viên Trung ương Đảng - Bí thư Tỉnh ủy Lê Đức Thọ phát biểu khai mạc Hội nghị",
         {"Lê Đức Thọ": ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"]}),
        # "đồng chủ trì" (co-chaired) is the verb, not part of the title
        ("đồng chí Lê Trung Chinh, Phó Bí thư Thành uỷ, Chủ tịch UBND thành phố đồng chủ trì Hội nghị.",
         {"Lê Trung Chinh": ["Phó Bí thư Thành uỷ", "Chủ tịch UBND thành phố"]}),
        # a Tày surname
        ("Đồng chí Bí thư Tỉnh ủy Chẩu Văn Lâm quán triệt", {"Chẩu Văn Lâm": ["Bí thư Tỉnh ủy"]}),
        # negatives: a bracket that is not an aside before a title, a hyphen inside a code
        ("ông Trần Văn Nam (bìa trái) phát biểu", {"Trần Văn Nam": []}),
        ("Sở LĐ-TB&XH tỉnh đã chủ trì", {}),
    ],
)
def test_asides_dashes_and_co_chairs(text: str, expected: dict[str, list[str]]) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # after the province (whose names are all known places) two words that are no place are a name
        ("Phát biểu tại phiên họp, Chủ tịch UBND tỉnh Nguyễn Bốn đề nghị các sở tập trung.",
         {"Nguyễn Bốn": ["Chủ tịch UBND tỉnh"]}),
        ("Phó Bí thư Tỉnh ủy Lò Mai dự buổi làm việc.", {"Lò Mai": ["Phó Bí thư Tỉnh ủy"]}),
        ("Phó Chủ tịch HĐND tỉnh Trần Hoa phát biểu.", {"Trần Hoa": ["Phó Chủ tịch HĐND tỉnh"]}),
        ("Trưởng Ban Dân vận Tỉnh ủy Hà Thu trao quà.", {"Hà Thu": ["Trưởng Ban Dân vận Tỉnh ủy"]}),
        # negatives: the province's own name; below the province two words stay a place
        ("Chủ tịch UBND tỉnh Lâm Đồng phát biểu.", {}),
        ("Bí thư Tỉnh ủy Hà Giang chủ trì.", {}),
        ("Bí thư Huyện ủy Lâm Hà chủ trì.", {}),
        ("Chủ tịch UBND thành phố Phan Thiết phát biểu.", {}),
        ("Chủ tịch UBND xã Hồ Tùng chủ trì.", {}),
    ],
)
def test_a_two_word_name_after_a_provincial_title(text: str, expected: dict[str, list[str]]) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a photo caption or a quote names the official it shows or quotes, after "Ảnh:" or "Theo"
        ("Ảnh: Bí thư Tỉnh ủy Nguyễn Văn An phát biểu tại hội nghị.", {"Nguyễn Văn An": ["Bí thư Tỉnh ủy"]}),
        ("Ảnh: Đồng chí Lê Văn Hưng, Phó Chủ tịch UBND tỉnh trao quà cho hộ nghèo.",
         {"Lê Văn Hưng": ["Phó Chủ tịch UBND tỉnh"]}),
        ("Theo Phó Thủ tướng Thường trực Chính phủ Trần Lưu Quang, các tỉnh đã chủ động ứng phó.",
         {"Trần Lưu Quang": ["Phó Thủ tướng Thường trực Chính phủ"]}),
        ("Theo ông Phạm Văn Bình, Giám đốc Sở Xây dựng, công trình đã xong.",
         {"Phạm Văn Bình": ["Giám đốc Sở Xây dựng"]}),
        ("Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy phát biểu tại hội nghị. Ảnh: Minh Hùng",
         {"Nguyễn Văn An": ["Bí thư Tỉnh ủy"]}),
        # negatives: credits give the author's bare name, a rank or a degree
        ("Bài và ảnh: Thiếu tá Nguyễn Văn Bình", {}),
        ("Bài: TS. Nguyễn Văn Bình", {}),
        ("Ảnh: Lê Minh Tuấn", {}),
        ("Theo Trần Hoàng (VOV)", {}),
        ("Tin, ảnh: Nguyễn Thị Hạnh", {}),
    ],
)
def test_captions_and_quotes_name_officials_and_credits_do_not(text: str,
                                                                expected: dict[str, list[str]]) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a district's or commune's name the lexicon does not know, between the title and the name
        ("Chủ tịch UBND huyện Mường Lát Hà Văn Quân phát biểu.", {"Hà Văn Quân": ["Chủ tịch UBND huyện Mường Lát"]}),
        ("Bí thư Đảng ủy xã Ia Tô Lê Quang Minh báo cáo.", {"Lê Quang Minh": ["Bí thư Đảng ủy xã Ia Tô"]}),
        ("Bí thư Huyện ủy Nguyễn Văn An chủ trì.", {"Nguyễn Văn An": ["Bí thư Huyện ủy"]}),
        # a given name that also opens a document's name ("Nghị quyết", "Chương trình")
        ("Chủ tịch UBND tỉnh Hà Tĩnh Võ Trọng Nghị cho biết", {"Võ Trọng Nghị": ["Chủ tịch UBND tỉnh Hà Tĩnh"]}),
        ("Đồng chí Lê Văn Chương, Giám đốc Sở Tài chính", {"Lê Văn Chương": ["Giám đốc Sở Tài chính"]}),
        # a spaced dash or a bracketed abbreviation inside a body's name
        ("Phó Trưởng ban Văn hóa - Xã hội HĐND tỉnh Đinh Thị Lan trình bày",
         {"Đinh Thị Lan": ["Phó Trưởng ban Văn hóa - Xã hội HĐND tỉnh"]}),
        ("Giám đốc Sở Lao động - Thương binh và Xã hội Trần Văn Hùng cho biết",
         {"Trần Văn Hùng": ["Giám đốc Sở Lao động - Thương binh và Xã hội"]}),
        ("Phó Chủ tịch Hội đồng nhân dân (HĐND) tỉnh Quảng Trị Lê Minh Thu dự",
         {"Lê Minh Thu": ["Phó Chủ tịch Hội đồng nhân dân (HĐND) tỉnh Quảng Trị"]}),
        # a head inside a longer title is no title of its own
        ("Phó Trưởng đoàn Đoàn ĐBQH tỉnh Lê Văn Tâm dự.", {"Lê Văn Tâm": ["Phó Trưởng đoàn Đoàn ĐBQH tỉnh"]}),
        # negatives: a spaced dash before another title or a name ends the title
        ("Bí thư Tỉnh ủy Nguyễn Văn An - Trưởng đoàn ĐBQH tỉnh phát biểu",
         {"Nguyễn Văn An": ["Bí thư Tỉnh ủy", "Trưởng đoàn ĐBQH tỉnh"]}),
        ("Đồng chí Phan Thị Nga, Giám đốc Sở Y tế - Lê Văn Tâm, Phó Giám đốc Sở Y tế",
         {"Phan Thị Nga": ["Giám đốc Sở Y tế"], "Lê Văn Tâm": ["Phó Giám đốc Sở Y tế"]}),
    ],
)
def test_places_dashes_and_brackets_inside_a_title(text: str, expected: dict[str, list[str]]) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # each title before its name, items joined by commas: a comma title runs into the next name
        ("Dự có Bộ trưởng Bộ Tài chính Hồ Đức Phớc, Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc Hầu A Lềnh, "
         "Bộ trưởng Bộ Y tế Đào Hồng Lan.",
         {"Hồ Đức Phớc": ["Bộ trưởng Bộ Tài chính"], "Hầu A Lềnh": ["Bộ trưởng", "Chủ nhiệm Ủy ban Dân tộc"],
          "Đào Hồng Lan": ["Bộ trưởng Bộ Y tế"]}),
        # a plural title before names joined by "và" or ","
        ("Các Phó Chủ tịch UBND tỉnh Lê Văn Hải, Trần Thị Mai và Phạm Quang Huy cùng dự.",
         {"Lê Văn Hải": ["Phó Chủ tịch UBND tỉnh"], "Trần Thị Mai": ["Phó Chủ tịch UBND tỉnh"],
          "Phạm Quang Huy": ["Phó Chủ tịch UBND tỉnh"]}),
        # negative: without "các" the second name is not given the title
        ("Phó Chủ tịch UBND tỉnh Lê Văn Hải và Nguyễn Thị Hoa cùng dự.", {"Lê Văn Hải": ["Phó Chủ tịch UBND tỉnh"]}),
        # a plural heading over a list: every item gets it, and only its own title besides
        ("Tham dự có các Ủy viên Trung ương Đảng: Bí thư Tỉnh ủy Lê Quang Tùng, Chủ tịch UBND tỉnh Võ Văn Hưng.",
         {"Lê Quang Tùng": ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"],
          "Võ Văn Hưng": ["Ủy viên Trung ương Đảng", "Chủ tịch UBND tỉnh"]}),
        # a former title keeps "nguyên" (the contract has no field for it)
        ("Dự lễ có nguyên Ủy viên Bộ Chính trị, nguyên Chủ tịch Quốc hội Nguyễn Sinh Hùng.",
         {"Nguyễn Sinh Hùng": ["nguyên Ủy viên Bộ Chính trị", "nguyên Chủ tịch Quốc hội"]}),
        # a profile puts birth, people and home between the name and the titles
        ("Đồng chí Hầu Văn Lý, sinh năm 1970, dân tộc Mông, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh",
         {"Hầu Văn Lý": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch UBND tỉnh"]}),
        ("Đồng chí Lò Văn Tiến, 52 tuổi, Phó Bí thư Huyện ủy", {"Lò Văn Tiến": ["Phó Bí thư Huyện ủy"]}),
        # "Ủy BTV" abbreviates "Ủy viên Ban Thường vụ"; "phụ trách" + a body stays in the title
        ("đồng chí Trần Văn Lâm – Ủy BTV Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy",
         {"Trần Văn Lâm": ["Ủy BTV Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy"]}),
        ("Phó Trưởng đoàn phụ trách Đoàn ĐBQH tỉnh Đắk Lắk Y Vinh Tơr phát biểu",
         {"Y Vinh Tơr": ["Phó Trưởng đoàn phụ trách Đoàn ĐBQH tỉnh Đắk Lắk"]}),
        # "đại biểu" in lower case right before a name; never a count of delegates
        ("Góp ý dự thảo, đại biểu Trần Văn Khải (đoàn Hà Nam) đề nghị", {"Trần Văn Khải": ["đại biểu"]}),
        ("Hội nghị có 150 đại biểu dự; các đại biểu Hội đồng nhân dân tỉnh thảo luận.", {}),
    ],
)
def test_lists_plurals_former_titles_and_profiles(text: str, expected: dict[str, list[str]]) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a number ends a title after the word it numbers (rule: _NUMBERED_BEFORE)
        ("đồng chí Phan Đình Trạc, Trưởng ban Nội chính Trung ương, Trưởng đoàn Kiểm tra số 2 chủ trì",
         {"Phan Đình Trạc": ["Trưởng ban Nội chính Trung ương", "Trưởng đoàn Kiểm tra số 2"]}),
        ("Trần Tuấn Anh - Trưởng Ban Chỉ đạo Đề án Tổng kết Nghị quyết 26; Thái Thanh Quý - Bí thư Tỉnh ủy",
         {"Trần Tuấn Anh": ["Trưởng Ban Chỉ đạo Đề án Tổng kết Nghị quyết 26"], "Thái Thanh Quý": ["Bí thư Tỉnh ủy"]}),
        ("ông Lê Văn Nam, Phó Trưởng ban Chỉ đạo Tổng kết Nghị quyết 12-NQ/TW của tỉnh",
         {"Lê Văn Nam": ["Phó Trưởng ban Chỉ đạo Tổng kết Nghị quyết 12-NQ/TW"]}),
        # negative: a bare number after a title is no part of it (a count, a date, an age)
        ("Bí thư Tỉnh ủy Lê Văn A 3 lần về thăm xã.", {"Lê Văn A": ["Bí thư Tỉnh ủy"]}),
        ("đồng chí Lê Văn B, Bí thư Tỉnh ủy 2 nhiệm kỳ", {"Lê Văn B": ["Bí thư Tỉnh ủy"]}),
        # "của Đảng" after a national post is part of it; "của" before anything else ends a title
        ("đồng chí Tổng Bí thư Nguyễn Phú Trọng, Trưởng Tiểu ban nhân sự Đại hội XIV của Đảng tại phiên họp",
         {"Nguyễn Phú Trọng": ["Tổng Bí thư", "Trưởng Tiểu ban nhân sự Đại hội XIV của Đảng"]}),
        ("đồng chí Lê Văn C, Bí thư Tỉnh ủy của tỉnh bạn", {"Lê Văn C": ["Bí thư Tỉnh ủy"]}),
        ("đồng chí Lê Văn D, Ủy viên Ban Chấp hành của Đảng bộ tỉnh", {"Lê Văn D": ["Ủy viên Ban Chấp hành"]}),
        # team and sub-committee heads
        ("Nguyễn Hồng Sơn - Phó Trưởng Ban Kinh tế Trung ương, Tổ trưởng Tổ Biên tập đồng chủ trì.",
         {"Nguyễn Hồng Sơn": ["Phó Trưởng Ban Kinh tế Trung ương", "Tổ trưởng Tổ Biên tập"]}),
        ("Đồng chí Đào Hồng Lan, Phó Bí thư Thường trực Tỉnh ủy, Trưởng Tiểu ban chủ trì.",
         {"Đào Hồng Lan": ["Phó Bí thư Thường trực Tỉnh ủy", "Trưởng Tiểu ban"]}),
        # a Mông clan name opens a name
        ("ông Chá A Của, Phó Chủ tịch HĐND tỉnh khóa XV.", {"Chá A Của": ["Phó Chủ tịch HĐND tỉnh khóa XV"]}),
    ],
)
def test_numbers_central_bodies_and_team_heads_inside_titles(text: str, expected: dict[str, list[str]]) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a plural title, a colon, then bare names: each holds the title (rule: plural_title_colon_names)
        ("Phó Chủ tịch Thường trực UBND tỉnh Trần Hoàng Tuấn cùng các Phó Chủ tịch UBND tỉnh: Võ Phiên, "
         "Trần Phước Hiền chủ trì họp.",
         {"Trần Hoàng Tuấn": ["Phó Chủ tịch Thường trực UBND tỉnh"], "Võ Phiên": ["Phó Chủ tịch UBND tỉnh"],
          "Trần Phước Hiền": ["Phó Chủ tịch UBND tỉnh"]}),
        ("Dự có các Phó Bí thư Tỉnh ủy: Nguyễn Văn Thông và Hoàng Nghĩa Hiếu.",
         {"Nguyễn Văn Thông": ["Phó Bí thư Tỉnh ủy"], "Hoàng Nghĩa Hiếu": ["Phó Bí thư Tỉnh ủy"]}),
        # negative: without "các" a colon after a title introduces no list of its holders
        ("Phó Chủ tịch UBND tỉnh: Võ Phiên phát biểu.", {}),
        # negative: after the colon words that are no name
        ("các Phó Chủ tịch UBND tỉnh: Kế hoạch năm 2024 đã trình.", {}),
    ],
)
def test_a_plural_title_before_a_colon_gives_each_bare_name_the_title(text: str,
                                                                       expected: dict[str, list[str]]) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a known body's name read whole inside a title, past its comma, dash or a word that
        # otherwise ends a title (rule body_in_title)
        ("Nguyễn Thị Hằng, nguyên Ủy viên Trung ương Đảng, nguyên Bộ trưởng Bộ Lao động, Thương binh và Xã hội; "
         "Lê Huy Ngọ, nguyên Bí thư Tỉnh ủy Thanh Hóa dự.",
         {"Nguyễn Thị Hằng": ["nguyên Ủy viên Trung ương Đảng", "nguyên Bộ trưởng Bộ Lao động, Thương binh và Xã hội"],
          "Lê Huy Ngọ": ["nguyên Bí thư Tỉnh ủy Thanh Hóa"]}),
        ("Nguyễn Dy Niên, nguyên Bộ trưởng Bộ Ngoại giao dự.", {"Nguyễn Dy Niên": ["nguyên Bộ trưởng Bộ Ngoại giao"]}),
        ("Nguyễn Văn Hùng - Ủy viên Ban Chấp hành Trung ương Đảng, Bộ trưởng Bộ VH - TT&DL đồng chủ trì.",
         {"Nguyễn Văn Hùng": ["Ủy viên Ban Chấp hành Trung ương Đảng", "Bộ trưởng Bộ VH - TT&DL"]}),
        ("PGS.TS Nguyễn Thế Kỷ - nguyên Tổng Giám đốc Đài Tiếng nói Việt Nam, nguyên Tổng Biên tập Báo Nghệ An;",
         {"Nguyễn Thế Kỷ": ["nguyên Tổng Giám đốc Đài Tiếng nói Việt Nam", "nguyên Tổng Biên tập Báo Nghệ An"]}),
        ("Ông Lê Văn A, Giám đốc Sở Văn hóa, Thể thao và Du lịch cho biết",
         {"Lê Văn A": ["Giám đốc Sở Văn hóa, Thể thao và Du lịch"]}),
        # a head's last word opens the body's name ("Trưởng Ban" + "Ban Chỉ đạo ...")
        ("Thủ tướng Phạm Minh Chính, Trưởng Ban Chỉ đạo Nhà nước các công trình, dự án quan trọng quốc gia, "
         "trọng điểm ngành GTVT chủ trì.",
         {"Phạm Minh Chính": ["Thủ tướng", "Trưởng Ban Chỉ đạo Nhà nước các công trình, dự án quan trọng "
                                           "quốc gia, trọng điểm ngành GTVT"]}),
        ("Đồng chí Lê Văn B, Trưởng Ban Chính sách, chiến lược Tỉnh ủy phát biểu",
         {"Lê Văn B": ["Trưởng Ban Chính sách, chiến lược Tỉnh ủy"]}),
        # negative: after a body the lexicon does not hold whole, a comma still ends the title
        ("Đồng chí Lê Văn C, Giám đốc Sở Tài chính, đánh giá cao", {"Lê Văn C": ["Giám đốc Sở Tài chính"]}),
        ("ông Lê Văn D, Bộ trưởng Bộ Y tế, Trưởng đoàn công tác cho biết",
         {"Lê Văn D": ["Bộ trưởng Bộ Y tế", "Trưởng đoàn công tác"]}),
        # negative: a body's name in lower case is no part of a title ("các sở, ban, ngành")
        ("Đồng chí Lê Văn E, Phó Chủ tịch UBND tỉnh, các sở, ban, ngành dự",
         {"Lê Văn E": ["Phó Chủ tịch UBND tỉnh"]}),
    ],
)
def test_a_known_body_is_read_whole_inside_a_title(text: str, expected: dict[str, list[str]]) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "phòng, chống" and the list of what is fought stay in the title (rule comma_pair_in_title)
        ("kết luận của Chủ tịch UBND tỉnh Phạm Đại Dương, Trưởng BCĐ phòng, chống dịch Covid-19 tỉnh tại cuộc họp",
         {"Phạm Đại Dương": ["Chủ tịch UBND tỉnh", "Trưởng BCĐ phòng, chống dịch Covid-19 tỉnh"]}),
        ("Đồng chí Lê Văn A, Phó Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực "
         "tỉnh chủ trì hội nghị.",
         {"Lê Văn A": ["Phó Bí thư Tỉnh ủy", "Trưởng Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực tỉnh"]}),
        # negative: another title after a comma is another title; a connective ends the list
        ("Đồng chí Lê Văn C, Phó Trưởng BCĐ phòng, chống dịch tỉnh, Giám đốc Sở Y tế cho biết",
         {"Lê Văn C": ["Phó Trưởng BCĐ phòng, chống dịch tỉnh", "Giám đốc Sở Y tế"]}),
        ("Đồng chí Lê Văn B, Trưởng BCĐ phòng, chống dịch tỉnh, đồng thời là Giám đốc Sở Y tế cho biết",
         {"Lê Văn B": ["Trưởng BCĐ phòng, chống dịch tỉnh"]}),
        # negative: without "phòng, chống" a comma before a lower-case word ends the title
        ("Đồng chí Lê Văn D, Trưởng Ban Chỉ đạo tỉnh, kiểm tra công trình", {"Lê Văn D": ["Trưởng Ban Chỉ đạo tỉnh"]}),
    ],
)
def test_a_comma_inside_phong_chong_stays_in_the_title(text: str, expected: dict[str, list[str]]) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # where a list item starts, the whole run is the name though its first word is no known
        # surname (rule list_item_name)
        ("Lãnh đạo tỉnh có các đồng chí: Thái Thanh Quý - Bí thư Tỉnh ủy; Ngọc Kim Nam - Ủy viên Ban Thường vụ "
         "Tỉnh ủy, Trưởng ban Dân vận Tỉnh ủy.",
         {"Thái Thanh Quý": ["Bí thư Tỉnh ủy"],
          "Ngọc Kim Nam": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Dân vận Tỉnh ủy"]}),
        # negative: a place opening the run is no part of the name
        ("Dự có: Nghệ An Thái Văn B - Chủ tịch Hội Nông dân.", {"Thái Văn B": ["Chủ tịch Hội Nông dân"]}),
        # negative: a run that is no name (a body's words) gives no person
        ("Thành phần: Sở Nội Vụ - Trưởng ban tổ chức.", {}),
    ],
)
def test_a_list_item_name_is_the_whole_run(text: str, expected: dict[str, list[str]]) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # after an addressed name, a title with no comma before it, in any case
        # (rule title_after_name_unseparated)
        ("Tới dự hội nghị chỉ đạo có đồng chí Đỗ Xuân Nam bí thư huyện ủy, các đồng chí trong Ban thường vụ.",
         {"Đỗ Xuân Nam": ["bí thư huyện ủy"]}),
        ("ông Trần Văn B Giám đốc Sở Y tế, Bí thư Đảng ủy Sở cho biết",
         {"Trần Văn B": ["Giám đốc Sở Y tế", "Bí thư Đảng ủy Sở"]}),
        # negative: a verb after the name is no title
        ("bà Nguyễn Thị Hoa phát biểu tại buổi tiếp xúc", {"Nguyễn Thị Hoa": []}),
        # negative: without "đồng chí", "ông", "bà" a name and a title need a separator
        ("Hôm qua Nguyễn Văn A bí thư xã đi họp", {}),
    ],
)
def test_a_title_right_after_an_addressed_name(text: str, expected: dict[str, list[str]]) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a title signed for ("thừa lệnh", "thay mặt") is another's office (rule on_behalf_of)
        ("Ngày 23/11/2018, thừa lệnh Chủ tịch UBND tỉnh Tuyên Quang, Phó Chánh Văn phòng UBND tỉnh Tuyên Quang "
         "Nguyễn Thanh đã ký ban hành văn bản.",
         {"Nguyễn Thanh": ["Phó Chánh Văn phòng UBND tỉnh Tuyên Quang"]}),
        ("Thay mặt Chủ tịch UBND tỉnh, Phó Chủ tịch UBND tỉnh Lê Văn A đã ký.", {"Lê Văn A": ["Phó Chủ tịch UBND tỉnh"]}),
        # negative: a title listed before another after other words stays the person's
        ("Tham dự có nguyên Ủy viên Bộ Chính trị, nguyên Thủ tướng Chính phủ Nguyễn Tấn Dũng.",
         {"Nguyễn Tấn Dũng": ["nguyên Ủy viên Bộ Chính trị", "nguyên Thủ tướng Chính phủ"]}),
    ],
)
def test_a_title_signed_on_behalf_of_is_not_the_signers(text: str, expected: dict[str, list[str]]) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # heads from the lexicon: UVTV, Tổng Biên tập, Phó Ban (the press's Phó Trưởng Ban), Trưởng BCĐ
        ("ông Đào Mạnh Hùng, UVTV Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Quảng Trị về vấn đề này.",
         {"Đào Mạnh Hùng": ["UVTV Tỉnh ủy", "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Quảng Trị"]}),
        ("Nhà báo Nguyễn Bá - Tổng Biên tập Tạp chí Thông tin và Truyền thông, trực thuộc Bộ Thông tin và Truyền thông.",
         {"Nguyễn Bá": ["Tổng Biên tập Tạp chí Thông tin và Truyền thông"]}),
        ("Phó Ban Tổ chức Trung ương Đảng Phạm Minh Chính tặng hoa chúc mừng.",
         {"Phạm Minh Chính": ["Phó Ban Tổ chức Trung ương Đảng"]}),
        # negative: "phó ban" in a plain phrase opens no title without a name
        ("Ban Chỉ đạo có một phó ban thường trực.", {}),
    ],
)
def test_more_title_heads(text: str, expected: dict[str, list[str]]) -> None:
    assert _people(text) == expected
