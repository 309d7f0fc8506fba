"""Citations of numbered documents: kind, number, symbol, year, date, issuer, and the words cited."""
from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from chidao.extract import references
from chidao.extract.document import Document
from chidao.lexicon import load_tsv


def refs(text: str):
    doc = Document(text, ref_date=date(2024, 3, 14))
    references.run(doc)
    for r in doc.facts["references"]:
        assert doc.text[r.start:r.end] == r.text, r
    return doc.facts["references"]


# text, kind, number, symbol, year, the words the citation covers
CITED = [
    ("Kết luận số 2043-KL/TU", "ket_luan", "2043", "KL/TU", None, "Kết luận số 2043-KL/TU"),
    ("Nghị định số 73/2023/NĐ-CP", "nghi_dinh", "73", "NĐ-CP", 2023, "Nghị định số 73/2023/NĐ-CP"),
    ("Công văn số 404/VPUBND-TCD-NC", "cong_van", "404", "VPUBND-TCD-NC", None, "Công văn số 404/VPUBND-TCD-NC"),
    ("Quyết định số 05/2022/QĐ-UBND", "quyet_dinh", "05", "QĐ-UBND", 2022, "Quyết định số 05/2022/QĐ-UBND"),
    ("Chương trình hành động số 12-CTr/TU", "chuong_trinh", "12", "CTr/TU", None, "Chương trình hành động số 12-CTr/TU"),
    ("Chỉ thị 35-CT/TW", "chi_thi", "35", "CT/TW", None, "Chỉ thị 35-CT/TW"),
    ("Quyết định số 1234/QĐ-TTg", "quyet_dinh", "1234", "QĐ-TTg", None, "Quyết định số 1234/QĐ-TTg"),
    ("Thông báo số 581", "thong_bao", "581", None, None, "Thông báo số 581"),
    ("Quy định 146", "quy_dinh", "146", None, None, "Quy định 146"),
    ("Nghị quyết 39", "nghi_quyet", "39", None, None, "Nghị quyết 39"),
    ("Kế hoạch số số 38", "ke_hoach", "38", None, None, "Kế hoạch số số 38"),
    ("Luật Đất đai số 31/2024/QH15", "luat", "31", "QH15", 2024, "Luật Đất đai số 31/2024/QH15"),
    ("Thông tư số 01/2011/TT-BNV", "thong_tu", "01", "TT-BNV", 2011, "Thông tư số 01/2011/TT-BNV"),
    ("Thông tri số 10-TT/TW", "other", "10", "TT/TW", None, "Thông tri số 10-TT/TW"),
    ("Công điện số 12/CĐ-TTg", "cong_dien", "12", "CĐ-TTg", None, "Công điện số 12/CĐ-TTg"),
    ("Quy định số 08-QĐi/TW", "quy_dinh", "08", "QĐi/TW", None, "Quy định số 08-QĐi/TW"),
    ("THÔNG BÁO KẾT LUẬN SỐ 15-TB/TU", "thong_bao", "15", "TB/TU", None, "THÔNG BÁO KẾT LUẬN SỐ 15-TB/TU"),
    ("văn bản số 123/UBND-KT", "cong_van", "123", "UBND-KT", None, "văn bản số 123/UBND-KT"),
    ("Quyết định số 84 QĐ/TWĐTN", "quyet_dinh", "84", "QĐ/TWĐTN", None, "Quyết định số 84 QĐ/TWĐTN"),
    # the word before the number tells Quy định from Quyết định when the symbol says QĐ
    ("Quy định 47-QĐ/TW", "quy_dinh", "47", "QĐ/TW", None, "Quy định 47-QĐ/TW"),
    # a footnote digit glued to the symbol is not part of it
    ("Nghị quyết số 26-NQ/TW1", "nghi_quyet", "26", "NQ/TW", None, "Nghị quyết số 26-NQ/TW"),
    # a code without its kind word: the kind comes from the symbol
    ("2043-KL/TU", "ket_luan", "2043", "KL/TU", None, "2043-KL/TU"),
    ("57-NQ/TW", "nghi_quyet", "57", "NQ/TW", None, "57-NQ/TW"),
    ("12-CTr/TU", "chuong_trinh", "12", "CTr/TU", None, "12-CTr/TU"),
    ("45-TB/TU", "thong_bao", "45", "TB/TU", None, "45-TB/TU"),
    ("03-HD/BTCTW", "huong_dan", "03", "HD/BTCTW", None, "03-HD/BTCTW"),
    ("05-ĐA/TU", "de_an", "05", "ĐA/TU", None, "05-ĐA/TU"),
    ("100/2019/NĐ-CP", "nghi_dinh", "100", "NĐ-CP", 2019, "100/2019/NĐ-CP"),
    # look-alike Đ (Icelandic eth) and a new-style tone are read through
    ("Nghị định số 73/2023/ÐP-CP", "nghi_dinh", "73", "ĐP-CP", 2023, "Nghị định số 73/2023/ÐP-CP"),
    ("Nghị quyết số 26 – NQ/TW", "nghi_quyet", "26", "NQ/TW", None, "Nghị quyết số 26 – NQ/TW"),
]


@pytest.mark.parametrize("text,kind,number,symbol,year,words", CITED)
def test_a_numbered_citation_is_read_whole(text, kind, number, symbol, year, words):
    (ref,) = refs(text)
    assert (ref.kind, ref.number, ref.symbol, ref.year, ref.text) == (kind, number, symbol, year, words)
    assert ref.text == text or text.startswith(ref.text)


# text, the words the citation covers, issued_on, issuer
DATED = [
    ("Kết luận số 2043-KL/TU ngày 05/12/2023 của Hội nghị Tỉnh ủy lần thứ 14 (khóa XX) về tình hình",
     "Kết luận số 2043-KL/TU ngày 05/12/2023", date(2023, 12, 5), "Hội nghị Tỉnh ủy lần thứ 14 (khóa XX)"),
    ("Nghị quyết 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá",
     "Nghị quyết 57-NQ/TW, ngày 22/12/2024", date(2024, 12, 22), "Bộ Chính trị"),
    ("Thông báo số 581, ngày 30/11/2023 của Ủy ban Kiểm tra (UBKT) Trung ương; việc sửa đổi",
     "Thông báo số 581, ngày 30/11/2023", date(2023, 11, 30), "Ủy ban Kiểm tra (UBKT) Trung ương"),
    ("Chỉ thị số 35 ngày 14/6/2024 của Bộ Chính trị về đại hội",
     "Chỉ thị số 35 ngày 14/6/2024", date(2024, 6, 14), "Bộ Chính trị"),
    ("Quyết định số 1234/QĐ-TTg ngày 05 tháng 6 năm 2020 của Thủ tướng Chính phủ phê duyệt",
     "Quyết định số 1234/QĐ-TTg ngày 05 tháng 6 năm 2020", date(2020, 6, 5), "Thủ tướng Chính phủ"),
    ("Nghị định số 73/2023/NĐ-CP ngày 29/9/2023 của Chính phủ và Công văn",
     "Nghị định số 73/2023/NĐ-CP ngày 29/9/2023", date(2023, 9, 29), "Chính phủ"),
    ("Công văn số 2026-CV/TU ngày 27/02/2024 của Ban Thường vụ Tỉnh ủy, tạo động lực",
     "Công văn số 2026-CV/TU ngày 27/02/2024", date(2024, 2, 27), "Ban Thường vụ Tỉnh ủy"),
    ("Quyết định số 123/QĐ-BTNMT của Bộ Tài nguyên và Môi trường về việc",
     "Quyết định số 123/QĐ-BTNMT", None, "Bộ Tài nguyên và Môi trường"),
    ("(Công văn số 8011-CV/BTCTW, ngày 27/02/2025), Bộ Chính trị",
     "Công văn số 8011-CV/BTCTW, ngày 27/02/2025", date(2025, 2, 27), None),
    ("Kết luận 2043-KL/TU (ngày 05/12/2023) của Tỉnh ủy.",
     "Kết luận 2043-KL/TU (ngày 05/12/2023)", date(2023, 12, 5), "Tỉnh ủy"),
    ("Nghị quyết số 36 ngày 8/12/2023 về phương hướng, nhiệm vụ năm 2024 của Tỉnh ủy",
     "Nghị quyết số 36 ngày 8/12/2023", date(2023, 12, 8), None),
    ("Kế hoạch số 352 của Ban Thường vụ Tỉnh ủy, các kế hoạch",
     "Kế hoạch số 352", None, "Ban Thường vụ Tỉnh ủy"),
    ("Nghị quyết số 05 của Ban Chấp hành Đảng bộ tỉnh khóa XX, nhiệm kỳ 2020 - 2025",
     "Nghị quyết số 05", None, "Ban Chấp hành Đảng bộ tỉnh khóa XX"),
]


@pytest.mark.parametrize("text,words,issued_on,issuer", DATED)
def test_date_and_issuer_after_the_code_are_read(text, words, issued_on, issuer):
    (ref,) = refs(text)
    assert (ref.text, ref.issued_on, ref.issuer) == (words, issued_on, issuer)


NOT_CITED = [
    "Nghị quyết Đại hội XX",
    "Nghị quyết Hội nghị Trung ương 5 (khóa XIII)",
    "Luật Đất đai năm 2024 có hiệu lực",
    "Kế hoạch 5 năm 2021 - 2025",
    "Chương trình 135 về hỗ trợ",
    "tăng 288/825 đảng viên",
    "quy hoạch phân khu 1/2000",
    "ngày 05/12/2023",
    "Ngày 14-7, đồng chí chủ trì",
    "báo cáo 3 nội dung",
    "Nghị quyết 2 năm qua",
    "COVID-19 và F0/F1",
    "năm 2023 KL/TU",
    "theo quy định 12 tháng",
    "Tờ trình của Ban Thường vụ Tỉnh ủy",
    "Số 2165-KL/TU",          # the document's own number in its header
    "Số: 123/TB-UBND",
]


@pytest.mark.parametrize("text", NOT_CITED)
def test_words_that_cite_no_numbered_document_give_nothing(text):
    assert refs(text) == []


def test_each_mention_is_a_fact_and_a_list_shares_its_kind():
    got = refs("Nghị quyết số 26-NQ/TW và 27-NQ/TW; lại theo Nghị quyết số 26-NQ/TW.")
    assert [(r.kind, r.number) for r in got] == [
        ("nghi_quyet", "26"), ("nghi_quyet", "27"), ("nghi_quyet", "26")]
    assert got[1].text == "27-NQ/TW"


def test_a_gap_between_the_kind_word_and_the_number_is_bridged_but_never_past_another_kind_word():
    (ref,) = refs("Kết luận của Hội nghị Trung ương 8 khóa XIII số 45-KL/TW")
    assert (ref.kind, ref.text) == ("ket_luan", "Kết luận của Hội nghị Trung ương 8 khóa XIII số 45-KL/TW")
    (ref,) = refs("thực hiện Nghị quyết Đại hội XX và Kế hoạch số 38-KH/TU")
    assert (ref.kind, ref.text) == ("ke_hoach", "Kế hoạch số 38-KH/TU")


def test_offsets_point_into_the_text_as_read_with_crlf_and_nfd():
    import unicodedata
    text = "Dòng 1\r\n" + unicodedata.normalize("NFD", "Kết luận số 2043-KL/TU ngày 05/12/2023 của Tỉnh ủy")
    (ref,) = refs(text)
    assert ref.text == text[text.index("K"):text.index("2023") + 4]
    assert (ref.number, ref.issued_on, ref.issuer) == ("2043", date(2023, 12, 5), "Tỉnh ủy")


def test_seed_004_cites_six_documents_with_their_mention_counts(seeds_dir):
    (path,) = seeds_dir.glob("004_*.txt")
    got = refs(path.read_text(encoding="utf-8"))
    counts = Counter((r.kind, r.number, r.symbol) for r in got)
    assert counts == {
        ("ket_luan", "2043", "KL/TU"): 3, ("ket_luan", "14", "KL/TW"): 1,
        ("nghi_dinh", "73", "NĐ-CP"): 1, ("cong_van", "2026", "CV/TU"): 1,
        ("nghi_quyet", "26", "NQ/TW"): 1, ("chi_thi", "34", "CT/TU"): 1,
    }
    first = got[0]
    assert (first.issued_on, first.issuer) == (date(2023, 12, 5), "Hội nghị Tỉnh ủy lần thứ 14 (khóa XX)")


def test_every_kind_in_the_lexicon_is_one_the_contract_names():
    contract = set("""nghi_quyet ket_luan chi_thi quy_dinh quyet_dinh thong_bao ke_hoach cong_van huong_dan
        chuong_trinh de_an bao_cao to_trinh quy_che nghi_dinh thong_tu luat cong_dien other""".split())
    kinds = {row[0] for row in load_tsv("document_kinds")} - {references.GENERIC}
    assert kinds <= contract


def test_odd_input_never_crashes():
    for text in ["", "số", "Nghị quyết số", "Kết luận số 2043-", "-KL/TU", "ngày 31/02/2024",
                 "Kết luận số 1-KL/TU ngày 31/02/2024 của", "của " * 50, "Số: /", "9" * 100 + "-KL/TU"]:
        refs(text)


def test_after_a_date_the_issuer_may_follow_without_cua():
    (ref,) = refs("Nghị quyết số 18-NQ/TW ngày 25/10/2017 Hội nghị lần thứ sáu Ban Chấp hành Trung ương "
                  "Đảng khóa XII về một số vấn đề")
    assert ref.issuer == "Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII"
    (ref,) = refs("Nghị quyết 39 Ban Thường vụ đã ban hành")
    assert ref.issuer is None


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX số 01-NQ/ĐH ngày 15/10/2020 của Đại hội.",
        "Căn cứ " + "nội dung " * 60 + "Kết luận số 2043-KL/TU và Nghị định 73/2023/NĐ-CP, Quyết định 12.",
        "số 15 ngày 1-2; số: 12 - KL/TU; Số 404/VPUBND-TCD-NC; 84 QĐ/TWĐTN; văn bản số 123/UBND-KT",
        "Nghị quyết " + "x " * 300 + "số 39-NQ/TW",
    ],
)
def test_code_scan_finds_what_a_full_scan_finds(text: str) -> None:
    """The cheap scan for codes, then the full pattern near each, equals the full pattern's scan."""
    doc = Document(text)
    for rule in references.RULES:
        core = references._CORES.get(rule.name)
        if core is None:
            continue
        fast = [m.span() for m in references._code_matches(doc, rule, core)]
        full = [m.span() for m in rule.pattern.finditer(doc.norm)]
        assert fast == full


# a number with a letter (30a, 30c, 12b) names its own document; the letter is part of the number
LETTERED = [
    ("Nghị quyết 30c/NQ-CP ngày 08/11/2011 của Chính phủ", "nghi_quyet", "30c", "NQ-CP", None),
    ("Căn cứ Nghị quyết số 30c/NQCP của Chính phủ", "nghi_quyet", "30c", "NQCP", None),
    ("Nghị quyết số 30a/2008/NQ-CP về giảm nghèo", "nghi_quyet", "30a", "NQ-CP", 2008),
    ("Quyết định số 09b/QĐ-UBND của UBND tỉnh Lào Cai", "quyet_dinh", "09b", "QĐ-UBND", None),
    ("Kết luận số 12a-KL/TU của Ban Thường vụ Thành ủy", "ket_luan", "12a", "KL/TU", None),
    ("thực hiện Nghị quyết 30a của Chính phủ", "nghi_quyet", "30a", None, None),
]


@pytest.mark.parametrize("text,kind,number,symbol,year", LETTERED)
def test_a_number_with_a_letter_is_cited_whole(text, kind, number, symbol, year):
    (ref,) = refs(text)
    assert (ref.kind, ref.number, ref.symbol, ref.year) == (kind, number, symbol, year)


@pytest.mark.parametrize(
    "text", ["khoản 2a Điều 5 của Luật", "Chương trình 30a giảm nghèo", "phòng 12b tầng 3", "ngày 12/3b"]
)
def test_a_lettered_number_without_a_citation_gives_nothing(text):
    assert refs(text) == []


# "ban hành" (issued) after the issuer is the verb, not "Ban" of another body
ISSUED_BY = [
    ("Nghị quyết số 117/NQ-CP ngày 30/7/2023 của Chính phủ ban hành Kế hoạch", "Chính phủ"),
    ("Quyết định số 68/2013/QĐ-UBND của UBND tỉnh Hà Tĩnh ban hành Quy định", "UBND tỉnh Hà Tĩnh"),
    ("Chỉ thị số 05-CT/TU của Ban Thường vụ Tỉnh ủy ban hành ngày", "Ban Thường vụ Tỉnh ủy"),
    # "Ban" of a body stays: its next word is not "hành"
    ("Nghị quyết số 05-NQ/TU của Ban Chấp hành Đảng bộ tỉnh Bình Định",
     "Ban Chấp hành Đảng bộ tỉnh Bình Định"),
    ("Kết luận số 15-KL/TU của Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"),
]


@pytest.mark.parametrize("text,issuer", ISSUED_BY)
def test_the_issuer_ends_before_the_verb_ban_hanh(text, issuer):
    (ref,) = refs(text)
    assert ref.issuer == issuer


# a list of bare numbers after a kind word and "số": one citation each (rule kind_number_list)
NUMBER_LISTS = [
    ("Chủ tịch UBND tỉnh đã ký các Quyết định số 834, 835 về công nhận xã đạt chuẩn nông thôn mới.",
     [("quyet_dinh", "834", "Quyết định số 834"), ("quyet_dinh", "835", "835")]),
    ("Thực hiện các Thông báo số 12, 15 và 17 của Thường trực Tỉnh ủy",
     [("thong_bao", "12", "Thông báo số 12"), ("thong_bao", "15", "15"),
      ("thong_bao", "17", "17")]),
    ("các Kế hoạch số 38 và 39 ngày 5/3/2024", [("ke_hoach", "38", "Kế hoạch số 38"),
                                                ("ke_hoach", "39", "39 ngày 5/3/2024")]),
]


@pytest.mark.parametrize("text, want", NUMBER_LISTS, ids=[t[:40] for t, _ in NUMBER_LISTS])
def test_a_list_of_numbers_after_one_kind_word_cites_each(text, want):
    assert [(r.kind, r.number, r.text) for r in refs(text)] == want


@pytest.mark.parametrize("text, want", [
    # a count after the list is no citation: the list is dropped, not cut
    ("Kế hoạch số 12, 3 nhiệm vụ trọng tâm", []),
    # a decimal or a date after one number is not a list
    ("Nghị quyết số 12, ngày 5/3/2024", [("nghi_quyet", "12")]),
    # without "số" a kind word and two numbers stay a bare citation of the first, if any
    ("Nghị quyết 12, 13 chỉ tiêu", []),
])
def test_numbers_after_a_citation_that_are_no_list_give_no_more_citations(text, want):
    assert [(r.kind, r.number) for r in refs(text)] == want


# text lifted from a PDF may lose the space inside a kind word ("Nghịquyết"); a kind word in an
# opening bracket starts its own citation instead of being bridged as a gap word
GLUED = [
    ("Chính phủđã ban hành Nghịquyết số 11/NQ-CP ngày 05/02/2018", "nghi_quyet", "Nghịquyết số 11/NQ-CP ngày 05/02/2018"),
    ("theo Quyếtđịnh số 1234/QĐ-UBND", "quyet_dinh", "Quyếtđịnh số 1234/QĐ-UBND"),
    ("thi hành Luật Quy hoạch (Nghị quyết số 11/NQ-CP)", "nghi_quyet", "Nghị quyết số 11/NQ-CP"),
]


@pytest.mark.parametrize("text, kind, words", GLUED, ids=[t[:40] for t, *_ in GLUED])
def test_glued_kind_words_and_bracketed_citations_are_read(text, kind, words):
    (ref,) = refs(text)
    assert (ref.kind, ref.text) == (kind, words)


# the gap between a kind word and "số" is a document's name, after a capitalised kind word only;
# in lower case the word is a common noun ("pháp luật") and takes "số" only right after it
# (rule capitalised_gap)
GAPS = [
    ("Văn bản trả lời số 4450/UBND-ĐTXD của UBND tỉnh Phú Yên", "cong_van", "4450",
     "Văn bản trả lời số 4450/UBND-ĐTXD"),
    ("Căn cứ Luật Du lịch số 44/2005/QH11 ngày 14/6/2005;", "luat", "44",
     "Luật Du lịch số 44/2005/QH11 ngày 14/6/2005"),
    # negative: "luật" of "pháp luật" does not bridge to the code; the misspelt kind word is no kind
    # word, so the code is read with its symbol's kind
    ("chính sách, pháp luật của Nhà nước để thực hiện hiệu quả Nghị quyêt số 39-NQ/TW, ngày 18/7/2023",
     "nghi_quyet", "39", "39-NQ/TW, ngày 18/7/2023"),
    ("theo quy định của pháp luật về đất đai số 31/2024/QH15", "luat", "31", "31/2024/QH15"),
    # a lower-case kind word right before "số" still cites
    ("công văn số 62-CV/HU ngày 10/11/2020", "cong_van", "62", "công văn số 62-CV/HU ngày 10/11/2020"),
]


@pytest.mark.parametrize("text, kind, number, words", GAPS, ids=[t[:40] for t, *_ in GAPS])
def test_only_a_capitalised_kind_word_bridges_a_gap_before_so(text, kind, number, words):
    (ref,) = refs(text)
    assert (ref.kind, ref.number, ref.text) == (kind, number, words)


# a bare number after a kind word that does not cite by number alone (Công văn, Tờ trình,
# Hướng dẫn ...) cites when its date or its issuer follows (rule kind_number_framed); a generic
# "văn bản số N" cites an office's letter (rule generic_number); a number may carry its year
# without a symbol (kind_number)
BARE_FRAMED = [
    ("Công văn 3676 của Ban Tổ chức TW ngày 29/10/2012 về việc đánh giá", "cong_van", "3676", None,
     "Công văn 3676", "kind_number_framed"),
    ("Tờ trình 15 ngày 12/3/2024 của UBND tỉnh", "to_trinh", "15", None, "Tờ trình 15 ngày 12/3/2024",
     "kind_number_framed"),
    ("Ngày 15-2, UBND tỉnh đã ban hành văn bản số 558 Tăng cường các biện pháp", "cong_van", "558", None,
     "văn bản số 558", "generic_number"),
    ("thành lập Tổ công tác thực hiện Nghị quyết số 101/2023 của Quốc hội", "nghi_quyet", "101", 2023,
     "Nghị quyết số 101/2023", "kind_number"),
    ("theo Nghị định 100/2019 về xử phạt", "nghi_dinh", "100", 2019, "Nghị định 100/2019", "kind_number"),
]


@pytest.mark.parametrize("text, kind, number, year, words, rule", BARE_FRAMED,
                         ids=[t[:40] for t, *_ in BARE_FRAMED])
def test_a_bare_number_cites_in_a_citations_frame(text, kind, number, year, words, rule):
    (ref,) = refs(text)
    assert (ref.kind, ref.number, ref.year, ref.text, ref.rule) == (kind, number, year, words, rule)


@pytest.mark.parametrize("text", [
    # programmes and schemes named by a number are no citations, even with an issuer after
    "thực hiện Chương trình 135 của Chính phủ",
    "triển khai Đề án 06 của Chính phủ",
    # counts and durations
    "Kế hoạch 5 năm của tỉnh; Kế hoạch 100 ngày của UBND; Báo cáo 6 tháng của UBND tỉnh",
    # no frame after the number
    "Công văn 12 gửi các sở",
    # "văn bản số" without a number (digital documents), or a generic word with a bare number
    "tỷ lệ văn bản số hóa đạt cao; Văn bản 558",
    # a month and year after a kind word that needs "số"; a date is no number and year
    "Kế hoạch 6/2024 chưa ban hành; Kết luận 12/5/2023",
])
def test_a_bare_number_without_a_frame_cites_nothing(text):
    assert refs(text) == []


# numbers listed before one Party code share its symbol: one citation each (rule shared_code_list)
SHARED = [
    ("thực hiện các Nghị quyết số 18, 19-NQ/TW ngày 25/10/2017 của Hội nghị Trung ương 6 khóa XII",
     [("nghi_quyet", "18", "NQ/TW", "Nghị quyết số 18"),
      ("nghi_quyet", "19", "NQ/TW", "19-NQ/TW ngày 25/10/2017")]),
    ("Chỉ thị số 05, 10 và 15-CT/TW; Kết luận số 01-KL/TW",
     [("chi_thi", "05", "CT/TW", "Chỉ thị số 05"), ("chi_thi", "10", "CT/TW", "10"),
      ("chi_thi", "15", "CT/TW", "15-CT/TW"), ("ket_luan", "01", "KL/TW", "Kết luận số 01-KL/TW")]),
    # negative: each number with its own code is read by the code rule
    ("Nghị quyết số 18-NQ/TW, 19-NQ/TW", [("nghi_quyet", "18", "NQ/TW", "Nghị quyết số 18-NQ/TW"),
                                         ("nghi_quyet", "19", "NQ/TW", "19-NQ/TW")]),
    # negative: without a kind word the numbers before a code share nothing
    ("tăng 18, 19-NQ/TW", [("nghi_quyet", "19", "NQ/TW", "19-NQ/TW")]),
    ("Số 12, 13-KL/TU", [("ket_luan", "13", "KL/TU", "13-KL/TU")]),
]


@pytest.mark.parametrize("text, want", SHARED, ids=[t[:40] for t, _ in SHARED])
def test_numbers_listed_before_one_code_share_its_symbol(text, want):
    assert [(r.kind, r.number, r.symbol, r.text) for r in refs(text)] == want


@pytest.mark.parametrize("text", [
    "các Nghị quyết số 18, 19-NQ/TW và 20, 21-NQ/TW; Chỉ thị số 05 và 06-CT/TW",
    "Kết luận số 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11-KL/TU; ngày 05/12/2023, 12/2023; 18, 19-NQ/TW",
    "Nghị quyết " + "x " * 80 + "số 18, 19-NQ/TW",
])
def test_the_shared_list_scan_finds_what_a_full_scan_finds(text):
    doc = Document(text)
    rule = next(r for r in references.RULES if r.name == "shared_code_list")
    words = references._word_starts().find(doc.low)
    fast = [m.span() for m in references._shared_list_matches(doc, rule, references._coded_numbers(doc.norm), words)]
    full = [m.span() for m in rule.pattern.finditer(doc.norm)]
    assert fast == full


# codes: the Standing Committee of the National Assembly's resolutions; a slash typed twice
CODES = [
    ("Căn cứ Nghị quyết s 751/2019/UBTVQH14 ngày 16 tháng 8 năm 2019", "nghi_quyet", "751", "UBTVQH14", 2019),
    ("Nghị quyết số 1210/2016/UBTVQH13 về phân loại đô thị", "nghi_quyet", "1210", "UBTVQH13", 2016),
    ("Báo cáo thẩm định số\n263//KQTĐ-SXD ngày 30/12/2024", "bao_cao", "263", "KQTĐ-SXD", None),
    # negative: a law of the National Assembly stays a law
    ("Luật số 55/2014/QH13", "luat", "55", "QH13", 2014),
]


@pytest.mark.parametrize("text, kind, number, symbol, year", CODES, ids=[t[:40] for t, *_ in CODES])
def test_committee_codes_and_a_doubled_slash(text, kind, number, symbol, year):
    (ref,) = refs(text)
    assert (ref.kind, ref.number, ref.symbol, ref.year) == (kind, number, symbol, year)


def test_a_doubled_slash_between_numbers_is_no_code():
    assert refs("tỷ lệ 1//2 số phiếu; trang 12//34") == []
