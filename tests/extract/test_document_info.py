"""The header and signature of a formal document: kind, number, date, issuer, title, signer, recipients."""
from __future__ import annotations

import json
from datetime import date

import pytest

from chidao.extract import document_info
from chidao.extract.document import Document
from chidao.extract.document_info import usual_case

PARTY_CONCLUSION = """TỈNH ỦY QUẢNG NGÃI
*
Số 2165-KL/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Quảng Ngãi, ngày 20 tháng 3 năm 2024

KẾT LUẬN
CỦA BAN THƯỜNG VỤ TỈNH ỦY
về tình hình thực hiện nhiệm vụ quý I năm 2024
-----

Ngày 18/3/2024, Ban Thường vụ Tỉnh ủy họp và kết luận như sau:
1. Tiếp tục thực hiện Kết luận số 2043-KL/TU.

Nơi nhận:
- Như trên,
- Lưu Văn phòng Tỉnh ủy.
T/M BAN THƯỜNG VỤ
BÍ THƯ

Bùi Thị Quỳnh Vân
"""

STATE_NOTICE = """ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập – Tự do – Hạnh phúc
Số: 123/TB-UBND
Quảng Nam, ngày 5 tháng 4 năm 2023
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp nghe báo cáo tiến độ dự án

Ngày 30/3/2023, Chủ tịch UBND tỉnh chủ trì cuộc họp và kết luận như sau:
1. Giao Sở Tài chính chủ trì.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)
Hồ Quang Bửu
Nơi nhận:
- Như trên;
- CT, các PCT UBND tỉnh;
- Lưu: VT, TH.
"""

# a two-column header flattened onto one line, the subject in capitals, no blank line before the body
FLATTENED = """TỈNH ỦY BÌNH ĐỊNH Số 123-TB/TU ĐẢNG CỘNG SẢN VIỆT NAM
Bình Định, ngày 02 tháng 8 năm 2022
THÔNG BÁO KẾT LUẬN
CỦA THƯỜNG TRỰC TỈNH ỦY
VỀ TIẾN ĐỘ TRIỂN KHAI DỰ ÁN HỒ CHỨA NƯỚC
Ngày 28/7/2022, Thường trực Tỉnh ủy làm việc với UBND tỉnh.
"""

# web copies glue lines together: "QUYẾT ĐỊNHVề việc", "***Số: 367 - QĐ/..."
GLUED = """BAN CHẤP HÀNH TRUNG ƯƠNG***Số: 367 - QĐ/TWĐTN-VPĐOÀN TNCS HỒ CHÍ MINH Hà Nội, ngày 29 tháng 10 năm 2013
QUYẾT ĐỊNHVề việc ban hành Quy định về ban hành văn bản của Đoàn
Điều 1. Ban hành kèm theo quyết định này.
Nơi nhận: - Như điều 4; - VP: CVP, PCVP; - Lưu TH-TĐ10b, VT-LT.
TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN
BÍ THƯ THƯỜNG TRỰC
(đã ký)
Phan Văn Mãi
"""


# hethongphapluat.vn (Thanh Hóa, 2025): the header copied as a table, a site banner above it
TABLE_HEADER = """Để sử dụng toàn bộ tiện ích nâng cao của Hệ Thống Pháp Luật vui lòng lựa chọn và đăng ký gói cước.
ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 130/KH-UBND | Thanh Hoá, ngày 27 tháng 6 năm 2025 |
KẾ HOẠCH
TRIỂN KHAI PHONG TRÀO THI ĐUA “CẢ NƯỚC THI ĐUA ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ” TRÊN ĐỊA BÀN TỈNH THANH HÓA
Thực hiện Quyết định số 923/QĐ-TTg ngày 14/5/2025 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh Thanh Hóa ban hành Kế hoạch như sau:
"""


def info_of(text: str):
    doc = Document(text, ref_date=date(2024, 3, 14))
    document_info.run(doc)
    assert doc.facts["document_info"] == ([doc.info] if doc.info else [])
    return doc.info


# layout, field, expected
FIELDS = [
    (PARTY_CONCLUSION, "kind", "ket_luan"),
    (PARTY_CONCLUSION, "number", "2165"),
    (PARTY_CONCLUSION, "symbol", "KL/TU"),
    (PARTY_CONCLUSION, "issued_on", date(2024, 3, 20)),
    (PARTY_CONCLUSION, "place", "Quảng Ngãi"),
    (PARTY_CONCLUSION, "issuer", "Ban Thường vụ Tỉnh ủy"),
    (PARTY_CONCLUSION, "title", "về tình hình thực hiện nhiệm vụ quý I năm 2024"),
    (PARTY_CONCLUSION, "recipients", ("Như trên", "Lưu Văn phòng Tỉnh ủy")),
    (STATE_NOTICE, "kind", "thong_bao"),
    (STATE_NOTICE, "number", "123"),
    (STATE_NOTICE, "symbol", "TB-UBND"),
    (STATE_NOTICE, "issued_on", date(2023, 4, 5)),
    (STATE_NOTICE, "issuer", "Ủy ban nhân dân tỉnh Quảng Nam"),
    (STATE_NOTICE, "title", "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp nghe báo cáo tiến độ dự án"),
    (STATE_NOTICE, "recipients", ("Như trên", "CT, các PCT UBND tỉnh", "Lưu: VT, TH")),
    (FLATTENED, "kind", "thong_bao"),
    (FLATTENED, "number", "123"),
    (FLATTENED, "symbol", "TB/TU"),
    (FLATTENED, "issued_on", date(2022, 8, 2)),
    (FLATTENED, "issuer", "Thường trực Tỉnh ủy"),
    (FLATTENED, "title", "Về tiến độ triển khai dự án hồ chứa nước"),
    (GLUED, "kind", "quyet_dinh"),
    (GLUED, "number", "367"),
    (GLUED, "symbol", "QĐ/TWĐTN-VPĐOÀN"),
    (GLUED, "issued_on", date(2013, 10, 29)),
    (GLUED, "place", "Hà Nội"),
    (GLUED, "title", "Về việc ban hành Quy định về ban hành văn bản của Đoàn"),
    (GLUED, "recipients", ("Như điều 4", "VP: CVP, PCVP", "Lưu TH-TĐ10b, VT-LT")),
]


# rule "header_table_cells": the issuer is the left cell of a table row; rule "issuer_place_line": a
# place line right below the body completes it (the national motto's lines between them aside)
ISSUERS = [
    (TABLE_HEADER, "Ủy ban nhân dân"),
    (TABLE_HEADER.replace("NAM |\n", "NAM |\nTỈNH THANH HÓA | Độc lập - Tự do - Hạnh phúc |\n"),
     "Ủy ban nhân dân tỉnh Thanh Hóa"),
    (STATE_NOTICE.replace("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM\n", "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\n"),
     "Ủy ban nhân dân tỉnh Quảng Nam"),
    (STATE_NOTICE.replace("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
                          "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG NAM\n"),
     "Ủy ban nhân dân tỉnh Quảng Nam"),
    # negative: a body of its own on the next line is not a place ("TỈNH ỦY ..."), the last one wins
    ("ĐẢNG BỘ TỈNH QUẢNG NGÃI\nTỈNH ỦY QUẢNG NGÃI\n" + PARTY_CONCLUSION.split("\n", 1)[1], "Ban Thường vụ Tỉnh ủy"),
    # negative: the right cell (the Party's name) is not read with the issuer
    ("TỈNH ỦY QUẢNG NGÃI | ĐẢNG CỘNG SẢN VIỆT NAM |\nSố 2165-TB/TU | Quảng Ngãi, ngày 20 tháng 3 năm 2024 |\n"
     "THÔNG BÁO\nvề tình hình thực hiện nhiệm vụ quý I năm 2024\n\nNgày 18/3/2024, Thường trực Tỉnh ủy họp.\n",
     "Tỉnh ủy Quảng Ngãi"),
]


@pytest.mark.parametrize("text,issuer", ISSUERS)
def test_issuer_is_read_from_a_table_cell_and_its_place_line(text, issuer):
    assert info_of(text).issuer == issuer


def test_a_table_header_gives_number_date_place_and_title():
    got = info_of(TABLE_HEADER)
    assert (got.kind, got.number, got.symbol, got.issued_on, got.place) == (
        "ke_hoach", "130", "KH-UBND", date(2025, 6, 27), "Thanh Hóa")
    assert got.title.startswith("Triển khai phong trào thi đua")


@pytest.mark.parametrize("text,field,expected", FIELDS)
def test_header_fields_are_read_from_each_layout(text, field, expected):
    assert getattr(info_of(text), field) == expected


# layout, name, title, on behalf of
SIGNERS = [
    (PARTY_CONCLUSION, "Bùi Thị Quỳnh Vân", "Bí thư", "Ban Thường vụ"),
    (STATE_NOTICE, "Hồ Quang Bửu", "Phó Chủ tịch", "Ủy ban nhân dân"),
    (GLUED, "Phan Văn Mãi", "Bí thư Thường trực", "Ban Bí thư Trung ương đoàn"),
    ("KẾT LUẬN\n\nvề công tác cán bộ\n\nNội dung.\n\n**T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ**\n\nĐẶNG NGỌC HUY\n",
     "Đặng Ngọc Huy", "Phó Bí thư", "Ban Thường vụ"),
]


@pytest.mark.parametrize("text,name,title,on_behalf_of", SIGNERS)
def test_signer_is_read_from_the_signature_block(text, name, title, on_behalf_of):
    signer = info_of(text).signer
    assert (signer.name, signer.title, signer.on_behalf_of) == (name, title, on_behalf_of)


NOT_DOCUMENTS = [
    # a news headline in capitals, with no header, signature or distribution list
    "KẾT LUẬN 127-KL/TW CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ VỀ TRIỂN KHAI\n\nTại phiên họp, Bộ Chính trị kết luận.",
    "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12\n\nNgày 14-7, đồng chí Nguyễn Đức Thanh chủ trì.",
    "THÔNG BÁO\nTừ ngày mai đường sẽ đóng cửa để sửa chữa.",
    "",
]


@pytest.mark.parametrize("text", NOT_DOCUMENTS)
def test_news_reports_have_no_document_block(text):
    assert info_of(text) is None


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_seed_news_reports_have_no_document_block(seeds_dir, prefix):
    (path,) = seeds_dir.glob(f"{prefix}_*.txt")
    assert info_of(path.read_text(encoding="utf-8")) is None


def test_seed_004_matches_the_gold_document_block(seeds_dir):
    (path,) = seeds_dir.glob("004_*.txt")
    gold_path = seeds_dir.parent.parent / "spec" / "gold" / "004_29ad56609ebb04f7.json"
    if not gold_path.is_file():
        pytest.skip("gold file not found")
    want = json.loads(gold_path.read_text(encoding="utf-8"))["document"]
    got = info_of(path.read_text(encoding="utf-8"))
    assert (got.kind, got.number, got.symbol, got.issued_on, got.issuer) == (
        want["kind"], want["number"], want["symbol"], want["issued_on"], want["issuer"])
    assert (got.signer.name, got.signer.title) == (want["signer"]["name"], want["signer"]["title"])
    assert list(got.recipients) == want["recipients"]
    assert got.title.startswith("làm việc với Ban cán sự đảng Ủy ban nhân dân tỉnh")
    assert got.title.endswith("việc giải ngân vốn đầu tư công")


CASING = [
    ("BAN THƯỜNG VỤ TỈNH ỦY", "Ban Thường vụ Tỉnh ủy"),
    ("BAN THƯỜNG VỤ TỈNH UỶ", "Ban Thường vụ Tỉnh ủy"),
    ("PHÓ BÍ THƯ", "Phó Bí thư"),
    ("PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Phó Chủ tịch Thường trực"),
    ("TỈNH ỦY QUẢNG NGÃI", "Tỉnh ủy Quảng Ngãi"),
    ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM", "Ủy ban nhân dân tỉnh Quảng Nam"),
    ("UBND TỈNH QUẢNG NAM", "UBND tỉnh Quảng Nam"),
    ("SỞ TÀI CHÍNH", "Sở Tài chính"),
    ("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"),   # already cased: kept
]


@pytest.mark.parametrize("caps,usual", CASING)
def test_capitals_are_written_in_their_usual_casing(caps, usual):
    from chidao.text.normalize import normalize
    assert usual_case(normalize(caps).norm) == usual


def test_odd_input_never_crashes():
    for text in ["KẾT LUẬN", "KẾT LUẬN\nNơi nhận:", "KẾT LUẬN\nT/M\n", "Số: \nKẾT LUẬN\n- \nNơi nhận:\n-",
                 "KẾT LUẬN\nCỦA\n", "\n\n\n", "**\n**KẾT LUẬN**\n**"]:
        info_of(text)


def test_the_dates_extractors_header_date_wins_and_the_place_is_still_read():
    from chidao.model import DateFact, PeriodKind
    doc = Document(PARTY_CONCLUSION)
    day = date(2024, 3, 21)
    doc.facts["document_date"] = [DateFact(0, 0, "", PeriodKind.DAY, day, day, rule="header_place_date")]
    document_info.run(doc)
    assert (doc.info.issued_on, doc.info.place) == (day, "Quảng Ngãi")
    # a date opening the body is not the document's own date
    doc = Document(PARTY_CONCLUSION)
    doc.facts["document_date"] = [DateFact(0, 0, "", PeriodKind.DAY, day, day, rule="opening_date")]
    document_info.run(doc)
    assert doc.info.issued_on == date(2024, 3, 20)
