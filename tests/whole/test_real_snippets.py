"""Short quotes from real pages of many provinces (2013-2025) that extraction must keep getting right.

Each row is one or two sentences, its source in a comment. These are cases that pass today: they
guard against regressions while the rules grow. The cases that still fail are measured by
``bench/eval_snippets.py`` (yardstick, not a test) and listed in the QA report.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date

import pytest

from chidao import extract

REF = date(2024, 3, 20)   # a pinned reference date for cases whose year does not matter


def _out(text: str, ref_date: date = REF) -> dict:
    return extract(text, ref_date=ref_date).to_dict()


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    for pat, rep in ((r"\bHĐND\b", "Hội đồng nhân dân"), (r"\bUBND\b", "Ủy ban nhân dân"),
                     (r"\bĐBQH\b", "Đại biểu Quốc hội"), (r"\bBCH\b", "Ban Chấp hành")):
        s = re.sub(pat, rep, s)
    return s.replace("uỷ", "ủy").replace("Uỷ", "Ủy").casefold()


def _symbol(s: str | None) -> str:
    return re.sub(r"[\s/\-]", "", s or "").upper()


# --------------------------------------------------------------------------- references

REFERENCES = [
    # text, expected (kind, number, symbol or None) per mention
    (  # lite.baomoi.com (Đồng Nai, 2024): no symbol, date written with dashes
        "Ban Thường vụ Tỉnh ủy tổ chức Hội nghị tổng kết việc thực hiện Nghị quyết số 18 ngày "
        "25-10-2017 của Ban Chấp hành Trung ương Đảng khóa XII",
        [("nghi_quyet", "18", None)]),
    (  # societynewstech.com (2025): a clean citation inside scrambled diacritics
        "thẻơ chỉ đạỏ, kết lũận củá Trụng ương, Bộ Chính trị (Công văn số 8011-CV/BTCTW, ngày "
        "27/02/2025), Bộ Chính trị, Bạn Bí thư có ý kỉến như sạú:",
        [("cong_van", "8011", "CV/BTCTW")]),
    (  # nghean.dcs.vn (2025): a Party "Quy định" carries QĐ/TW
        "Ngày ngày 08/9/2025, Bộ Chính trị ban hành Quy định số 368-QĐ/TW về Danh mục vị trí chức danh",
        [("quy_dinh", "368", "QĐ/TW")]),
    (  # thuvienphapluat.vn (Bình Định, 2022): PDF line breaks inside the citation
        "Căn cứ Nghị quyết số 120/2020/QH14\nngày 19 tháng 6 năm 2020 của Quốc hội về phê duyệt chủ "
        "trương đầu tư;\nCăn cứ Nghị quyết số 24/2021/QH15\nngày 28/7/2021 của Quốc hội",
        [("nghi_quyet", "120", "QH14"), ("nghi_quyet", "24", "QH15")]),
    (  # thuvienphapluat.vn (Thanh Hóa, 2019): "Luật Đầu tư công" has no number
        "Thực hiện Luật Đầu tư công, Luật\nNgân sách nhà nước, Chỉ thị số 20/CT-TTg ngày 29/7/2019 của "
        "Thủ tướng Chính phủ\nvà hướng dẫn của Bộ Kế hoạch và Đầu tư tại Công văn số 5743/SKHĐT-TH ngày\n14/8/2019",
        [("chi_thi", "20", "CT-TTg"), ("cong_van", "5743", "SKHĐT-TH")]),
    (  # baoquangtri / quangtri.gov.vn (2023)
        "hoàn thành trước ngày 10/12/2023./.\n(Theo Công văn số 6202/UBND-KT, ngày 23/11/2023)",
        [("cong_van", "6202", "UBND-KT")]),
    (  # baoninhthuan.com.vn (2016)
        "Ngày 14-11-2016, Ban Chấp hành Đảng bộ tỉnh khóa XIII đã ban hành Nghị quyết số 10-NQ/TU về "
        "huy động nguồn lực",
        [("nghi_quyet", "10", "NQ/TU")]),
    (  # thuviennhadat.vn (Ninh Thuận, 2015): break between "số" and the number, and inside "Nghị định"
        "Căn cứ Nghị định số\n108/2006/NĐ-CP ngày 22 tháng 9 năm 2006 của Chính phủ;\nCăn cứ Nghị\nđịnh "
        "số 69/2008/NĐ-CP ngày 30\ntháng 5 năm 2008 của Chính phủ",
        [("nghi_dinh", "108", "NĐ-CP"), ("nghi_dinh", "69", "NĐ-CP")]),
    (  # baodongkhoi.vn (Bến Tre, 2022): a list of Party documents
        "Đề án số 04-ĐA/TU ngày 29-1-2021 của Tỉnh ủy về phát triển Khoa học và Công nghệ; Nghị quyết số "
        "06-NQ/TU ngày 29-1-2021 của Tỉnh ủy; Chương trình số 09-CTr/TU ngày 29-1-2021 của Tỉnh ủy",
        [("de_an", "04", "ĐA/TU"), ("nghi_quyet", "06", "NQ/TU"), ("chuong_trinh", "09", "CTr/TU")]),
    (  # baonghean.vn (2020): without "số", and a second short mention
        "Thực hiện Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị và Kế hoạch 207-KH/TU ngày 12/8/2019 "
        "của Tỉnh ủy về triển khai Chỉ thị 35",
        [("chi_thi", "35", "CT/TW"), ("ke_hoach", "207", "KH/TU"), ("chi_thi", "35", None)]),
    (  # tv.congluan.vn (Nghệ An, 2019)
        "hội nghị triển khai các nội dung Thông báo số 55-TB/TW ngày 20/4/2019 của Bộ Chính trị về sơ "
        "kết 5 năm thực hiện Nghị quyết số 26-NQ/TW của Bộ Chính trị khóa XI",
        [("thong_bao", "55", "TB/TW"), ("nghi_quyet", "26", "NQ/TW")]),
    (  # caselaw.vn (Phú Yên, 2016): a decision replaced by another
        "Quyết định số 30/2014/QĐ-UBND ngày 16/09/2014 Về bảo trì công trình dân dụng bị bãi bỏ, thay "
        "thế bởi Quyết định số 03/2016/QĐ-UBND ngày 17/02/2016",
        [("quyet_dinh", "30", "QĐ-UBND"), ("quyet_dinh", "03", "QĐ-UBND")]),
    (  # baodanang.vn (2023): the same directive cited twice is two facts
        "thực hiện Chỉ thị số 29-CT/TU ngày 6-11-2013 về cải cách hành chính. Phát biểu kết luận hội "
        "nghị, việc tổng kết Chỉ thị số 29-CT/TU vào thời điểm hiện nay phù hợp",
        [("chi_thi", "29", "CT/TU"), ("chi_thi", "29", "CT/TU")]),
    (  # hethongphapluat.com (Thừa Thiên Huế, 2018): a law's number follows its name
        "Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13 ngày 19 tháng 6 năm 2015;",
        [("luat", "77", "QH13")]),
    (  # thuviennhadat.vn (Đắk Nông, 2023): "Tờ\ntrình" broken across lines
        "Theo đề nghị của Giám đốc Sở Tài chính tại Tờ\ntrình số 160/TTr-STC ngày 30 tháng 12 năm 2022.",
        [("to_trinh", "160", "TTr-STC")]),
    (  # 113.160.144.194 (Lai Châu, 2017): a space before the slash of the symbol
        "Ngày 04/12, UBND tỉnh ban hành Công văn số 2221 /UBND-TH, tổng hợp những nội dung khác nhau",
        [("cong_van", "2221", "UBND-TH")]),
    (  # nghean24h.vn (2024)
        "Ngày 19/3, UBND tỉnh ban hành Quyết định số 600/QĐ-UBND điều chuyển một số đoạn tuyến đường bộ",
        [("quyet_dinh", "600", "QĐ-UBND")]),
]


@pytest.mark.parametrize("text,expected", REFERENCES)
def test_real_citations_are_read_once_per_mention(text, expected):
    got = Counter((r["kind"], r["number"], _symbol(r["symbol"]) or None) for r in _out(text)["references"])
    want = Counter((k, n, _symbol(s) or None) for k, n, s in expected)
    assert got == want


def test_state_codes_keep_their_year():
    # thuvienphapluat.vn (Thanh Hóa, 2017): amending chains name two documents each
    text = ("Nghị định số 149/2016/NĐ-CP sửa đổi, bổ\nsung Nghị định số 177/2013/NĐ-CP ngày 14/11/2013 "
            "của Chính phủ; Thông tư số 233/2016/TT-BTC\nngày 11/11/2016 sửa đổi, bổ sung Thông tư số "
            "56/2014/TT-BTC ngày 28/4/2014 của\nBộ Tài chính")
    got = sorted((r["kind"], r["number"], r["year"]) for r in _out(text)["references"])
    assert got == [("nghi_dinh", "149", 2016), ("nghi_dinh", "177", 2013),
                   ("thong_tu", "233", 2016), ("thong_tu", "56", 2014)]


NOT_REFERENCES = [
    # tinhuyquangtri.vn (2017): a plenum resolution named by its plenum, not a number
    "Ban chỉ đạo tổng kết thực hiện Nghị quyết TW 3 cấp tỉnh và cấp ủy các cấp.",
    # baoxuan.vov.vn (Long An, 2021): "Nghị quyết Đại hội" has no number
    "VOV.VN - Nghị quyết Đại hội Đảng bộ tỉnh Long An xác định 17 chỉ tiêu",
    # baomoi.net.vn (Vĩnh Phúc, 2025): a working group's name
    "Chiều 10/10, Tổ công tác 751 tỉnh họp nghe báo cáo tiến độ rà soát các dự án",
    # baotayninh.vn (2022)
    "Quyết tâm thực hiện thắng lợi Nghị quyết năm 2022 đã đề ra, tạo tiền đề vững chắc cho năm 2023",
    # baoapbac.vn (Tiền Giang, 2020)
    "Đại hội đại biểu Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020 - 2025 diễn ra từ ngày 12 đến ngày 15 "
    "tháng 10 năm 2020",
]


@pytest.mark.parametrize("text", NOT_REFERENCES)
def test_documents_without_a_number_are_not_references(text):
    assert _out(text)["references"] == []


# --------------------------------------------------------------------------- people and titles

PEOPLE = [
    # text, name, titles that must be among theirs
    (  # baoninhbinh.org.vn (2024): abbreviated membership of the Central Committee
        "Chiều ngày 6/8, đồng chí Nguyễn Thị Thanh, UVT.Ư Đảng, Bí thư Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh "
        "chủ trì hội nghị Ban Thường vụ Tỉnh ủy.",
        "Nguyễn Thị Thanh", ["Bí thư Tỉnh ủy", "Trưởng đoàn ĐBQH tỉnh"]),
    (  # tnmttuyenquang.gov.vn (2014)
        "Dự và chỉ đạo cuộc họp có các đồng chí: Nguyễn Sáng Vang, Ủy viên BCH Trung ương Đảng, Bí thư "
        "Tỉnh ủy, Chủ tịch HĐND tỉnh; Chẩu Văn Lâm, Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch UBND tỉnh.",
        "Chẩu Văn Lâm", ["Ủy viên Ban Thường vụ Tỉnh ủy", "Chủ tịch UBND tỉnh"]),
    (  # hdndtuyenquang.gov.vn (2016)
        "Dự họp có đồng chí Triệu Kim Long, Tỉnh ủy viên, Phó Chủ tịch HĐND tỉnh, lãnh đạo các Ban HĐND tỉnh.",
        "Triệu Kim Long", ["Tỉnh ủy viên", "Phó Chủ tịch HĐND tỉnh"]),
    (  # baobacninh.com.vn (2021): titles separated by ';', typo "HDND"
        "Các đồng chí: Trần Thị Hằng, Ủy viên Ban Thường vụ Tỉnh ủy; Phó Chủ tịch Thường trực HDND tỉnh; "
        "Trần Thị Vân, Phó trưởng Đoàn ĐBQH tỉnh dự.",
        "Trần Thị Vân", ["Phó trưởng Đoàn ĐBQH tỉnh"]),
    (  # daihoidang.baoquangninh.vn (2023): acting chairman
        "Đồng chí Cao Tường Huy, Quyền Chủ tịch UBND tỉnh, chủ trì phiên họp.",
        "Cao Tường Huy", ["Quyền Chủ tịch UBND tỉnh"]),
    (  # baothanhhoa.vn (2023): a title before the name
        "phát biểu kết luận của đồng chí Bí thư Tỉnh ủy Đỗ Trọng Hưng tại hội nghị Ban Chấp hành Đảng bộ "
        "lần thứ 25.",
        "Đỗ Trọng Hưng", ["Bí thư Tỉnh ủy"]),
    (  # baothanhhoa.vn (2023): several officials in one list
        "dưới sự chủ trì của đồng chí Đỗ Trọng Hưng, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch "
        "HĐND tỉnh và các đồng chí: Lại Thế Nguyên, Phó Bí thư Thường trực Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh; "
        "Đỗ Minh Tuấn, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh",
        "Lại Thế Nguyên", ["Phó Bí thư Thường trực Tỉnh ủy", "Trưởng đoàn ĐBQH tỉnh"]),
    (  # baogialai.com.vn (2025): a hyphen without spaces joins name and title
        "Về phía tỉnh Gia Lai có các đồng chí: Hồ Văn Niên-Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư "
        "Tỉnh ủy, Chủ tịch HĐND tỉnh; Châu Ngọc Tuấn-Phó Bí thư Thường trực Tỉnh ủy, Trưởng đoàn đại biểu "
        "Quốc hội tỉnh; Rah Lan Chung-Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.",
        "Rah Lan Chung", ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]),
    (  # baohatinh.vn (2026): " - " between name and titles
        "đồng chí Nguyễn Duy Lâm - Ủy viên Ban chấp hành Trung ương Đảng khóa XIV, Bí thư Tỉnh ủy nhấn mạnh",
        "Nguyễn Duy Lâm", ["Bí thư Tỉnh ủy"]),
    (  # soctrangtv.vn (2024): "ông ... - title"
        "Cùng dự cuộc họp có ông Lâm Hoàng Nghiệp - Ủy viên BTV Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh; "
        "ông Vương Quốc Nam - Phó Chủ tịch UBND tỉnh Sóc Trăng.",
        "Lâm Hoàng Nghiệp", ["Phó Chủ tịch Thường trực UBND tỉnh"]),
    (  # baomoi.net.vn (Vĩnh Phúc, 2025): an en dash
        "Chiều 10/10, dưới sự chủ trì của đồng chí Trần Duy Đông – Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, "
        "Tổ công tác 751 tỉnh họp.",
        "Trần Duy Đông", ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]),
    (  # baotayninh.vn (2022): old-style tone "Uỷ", hyphen
        "đó là phát biểu chỉ đạo của đồng chí Nguyễn Thành Tâm-Uỷ viên Trung ương Đảng, Bí thư Tỉnh uỷ, "
        "Chủ tịch HĐND tỉnh tại Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 22",
        "Nguyễn Thành Tâm", ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]),
    (  # giaoducthoidai.vn (Nghệ An, 2020)
        "Thủ tướng Chính phủ Nguyễn Xuân Phúc dự và chỉ đạo Đại hội.",
        "Nguyễn Xuân Phúc", ["Thủ tướng Chính phủ"]),
    (  # tv.congluan.vn (2019)
        "Sáng 8/9, tại TP. Vinh, Phó Thủ tướng Vương Đình Huệ đã tham dự hội nghị",
        "Vương Đình Huệ", ["Phó Thủ tướng"]),
    (  # baogialai.com.vn (2025): three titles of a Politburo member
        "Đồng chí Nguyễn Trọng Nghĩa-Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng ban Tuyên giáo và "
        "Dân vận Trung ương (thứ 2 từ trái sang) dự và chỉ đạo buổi lễ. Ảnh: Đức Thụy",
        "Nguyễn Trọng Nghĩa", ["Ủy viên Bộ Chính trị", "Bí thư Trung ương Đảng",
                               "Trưởng ban Tuyên giáo và Dân vận Trung ương"]),
    (  # dangnhaphi88.com (2014): two titles before names in one sentence
        "các đại biểu đã được nghe Bí thư Tỉnh ủy Nguyễn Tấn Hưng thông tin nhanh kết quả hội nghị Trung "
        "ương 9 khóa XI; Phó trưởng Ban Tuyên giáo Tỉnh ủy Nguyễn Công Sởi thông báo một số vấn đề",
        "Nguyễn Công Sởi", ["Phó trưởng Ban Tuyên giáo Tỉnh ủy"]),
    (  # caophong.hoabinh.gov.vn (2018): "UV BTV", "TT"
        "Các đồng chí: Hoàng Văn Tứ, UV BTV Tỉnh ủy, Phó Chủ tịch TT HĐND tỉnh; Đinh Văn Dực, Phó Chủ tịch "
        "HĐND tỉnh chủ trì hội nghị.",
        "Đinh Văn Dực", ["Phó Chủ tịch HĐND tỉnh"]),
]


@pytest.mark.parametrize("text,name,titles", PEOPLE)
def test_officials_are_found_with_the_titles_the_text_gives(text, name, titles):
    people = {p["name"]: p for p in _out(text)["people"]}
    assert name in people, list(people)
    got = [_fold(t) for t in people[name]["titles"]]
    for title in titles:
        assert _fold(title) in got, (title, got)


NOT_PEOPLE = [
    # text, a name that must not be read as an official
    (  # snv.binhdinh.gov.vn (2024): a byline
        "Xem chi tiết công văn đính kèm./.\nTác giả bài viết: Đặng Thanh Bằng - BTG\nÝ kiến bạn đọc",
        "Đặng Thanh Bằng"),
    (  # baodongkhoi.vn (2022): photo credit after a caption
        "Ủy viên Trung ương Đảng - Bí thư Tỉnh ủy Lê Đức Thọ phát biểu khai mạc Hội nghị. Ảnh: Hữu Hiệp",
        "Hữu Hiệp"),
    (  # baodanang.vn (2023): photo credit in capitals
        "Vệt đô thị thành phố Đà Nẵng ven sông Hàn. Ảnh: KIM LIÊN |\nThưa toàn thể các đồng chí",
        "KIM LIÊN"),
    (  # baotayninh.vn (2022): the reporter's name on its own line
        "tại Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 22 diễn ra vào ngày 10.10.\nTố Tuấn",
        "Tố Tuấn"),
    (  # baogialai.com.vn (2025)
        "(thứ 2 từ trái sang) dự và chỉ đạo buổi lễ. Ảnh: Đức Thụy",
        "Đức Thụy"),
]


@pytest.mark.parametrize("text,name", NOT_PEOPLE)
def test_bylines_and_photo_credits_are_not_officials(text, name):
    names = [p["name"] for p in _out(text)["people"]]
    assert not any(_fold(name) in _fold(n) for n in names), names


# --------------------------------------------------------------------------- indicators

INDICATORS = [
    # text, fields one indicator must carry
    (  # skhdt.binhdinh.gov.vn (2023): value, share of the estimate, and a fall
        "Tổng thu ngân sách nhà nước 2 tháng đầu năm là 1.573,1 tỷ đồng, đạt 11,5% dự toán năm và giảm "
        "42,3% so với cùng kỳ.",
        {"value": 1573.1, "unit": "tỷ đồng", "plan_pct": 11.5, "change_pct": -42.3}),
    (  # tienphong.vn (Thanh Hóa, 2021)
        "Thu ngân sách nhà nước trên địa bàn ước đạt 15.878 tỷ đồng, bằng 60% dự toán năm, tăng 5% so với "
        "cùng kỳ.",
        {"value": 15878, "plan_pct": 60, "change_pct": 5}),
    (  # baothanhhoa.vn (2022)
        "Trồng rừng mới đạt 5.820 ha, bằng 58,2% kế hoạch, tăng 13,2% so với cùng kỳ.",
        {"value": 5820, "unit": "ha", "plan_pct": 58.2, "change_pct": 13.2}),
    (  # baoapbac.vn (Tiền Giang, 2020): results against targets
        "Nhiều chỉ tiêu Nghị quyết đạt cao như thu ngân sách Nhà nước trên địa bàn 45.799/36.875 tỷ đồng; "
        "phát triển đảng viên mới 8.793/6.500 đảng viên,...",
        {"actual": 8793, "target": 6500}),
    (  # sggp.org.vn (Bà Rịa - Vũng Tàu, 2023)
        "tổng thu ngân sách trên địa bàn ước chỉ đạt khoảng 44.123 tỷ đồng, giảm 20,9% so với cùng kỳ.",
        {"value": 44123, "change_pct": -20.9}),
    (  # sggp.org.vn (2023): growth beyond 100%
        "trong đó tổng mức bán lẻ hàng hóa tăng 13,53%, dịch vụ lữ hành tăng 107,75%.",
        {"change_pct": 107.75}),
    (  # thoibaotaichinhvietnam.vn (2023): share of the estimate without a value
        "Thuế thu nhập cá nhân ước đạt 50,3% dự toán, giảm 5,1% so với cùng kỳ.",
        {"plan_pct": 50.3, "change_pct": -5.1}),
    (  # cand.com.vn (2013)
        "Riêng trong tháng 9, ước thu nội địa đạt 41.300 tỷ đồng, bằng 6,4% so với dự toán.",
        {"value": 41300, "plan_pct": 6.4}),
    (  # skhdt.binhdinh.gov.vn (2023): a count of visitors
        "lượng khách du lịch đến tỉnh đạt 478.600 lượt, tăng 31,8% so với cùng kỳ",
        {"value": 478600, "change_pct": 31.8}),
    (  # tapchitaichinh.vn (Long An, 2023): "trên", "hơn"
        "thu ngân sách 7 tháng đầu năm đạt trên 14.000 tỷ đồng, đạt hơn 80% dự toán tỉnh.",
        {"value": 14000, "plan_pct": 80}),
    (  # thanhnien.vn (Thanh Hóa, 2024): "vượt 52,8% dự toán" is 152.8% of the plan
        "năm 2024 thu ngân sách nhà nước ước đạt 54.341 tỉ đồng, vượt 52,8% dự toán, tăng 25,9% so với cùng kỳ",
        {"value": 54341, "plan_pct": 152.8, "change_pct": 25.9}),
    (  # pbgdpl.travinh.gov.vn (2023): a fall of less than one percent
        "- Khu vực I giảm 0,12% (lâm nghiệp giảm 0,33%; thủy sản tăng 2,26%), nguyên nhân:",
        {"change_pct": -0.12}),
    (  # baoapbac.vn (2020): a share against a target share
        "tỷ lệ xã đạt chuẩn nông thôn mới 83,2%/50% tổng số xã",
        {"actual": 83.2, "target": 50}),
]


@pytest.mark.parametrize("text,fields", INDICATORS)
def test_one_statement_gives_one_indicator_with_all_its_figures(text, fields):
    inds = _out(text)["indicators"]

    def carries(i: dict) -> bool:
        for k, v in fields.items():
            if k == "unit":
                if (i["unit"] or "").replace("tỉ", "tỷ") != v:
                    return False
            elif i[k] is None or abs(i[k] - v) > 1e-9:
                return False
        return True

    assert any(carries(i) for i in inds), inds


NOT_INDICATORS = [
    # tienphong.vn (2021): a rank
    "cao nhất trong các tỉnh Bắc Trung Bộ, đứng thứ 12/63 tỉnh, thành phố trong cả nước.",
    # vov.vn (Nghệ An, 2020): votes at an election
    "Với 60/60 phiếu tán thành (100%), ông Thái Thanh Quý được bầu làm tân Bí thư Tỉnh ủy.",
    # baolaocai.vn (2023): a road length
    "điều chuyển 5 đoạn, tuyến đường tỉnh cho các huyện, với tổng chiều dài các đoạn, tuyến 40,5 km.",
    # sggp.org.vn (Trà Vinh, 2024): gifts handed out
    "Phó Thủ tướng Chính phủ Trần Lưu Quang trao 140 phần quà tết cho hộ nghèo, công nhân, lao động.",
    # hungyentv.vn (2021): a date then "đồng chí" is neither a fraction nor money
    "Sáng 22/12 đồng chí Nguyễn Hữu Nghĩa, Uỷ viên Trung ương Đảng - Bí thư Tỉnh uỷ đi kiểm tra.",
    # baobacninh.com.vn (2021): "COVID- 19" and a date
    "Ngày 17 – 9, UBND tỉnh họp phiên thường kỳ tháng 9, xem xét công tác phòng, chống dịch COVID- 19.",
]


@pytest.mark.parametrize("text", NOT_INDICATORS)
def test_ranks_votes_lengths_and_dates_are_not_indicators(text):
    assert _out(text)["indicators"] == []


# --------------------------------------------------------------------------- deadlines

DEADLINES = [
    # text, reference date, deadline, words that must be in deadline_text
    (  # xsmega.org / VOV (2025): a day without a year takes the reference year
        "Bộ Chính trị, Ban Bí thư giao ban thường vụ các tỉnh ủy, thành ủy, khẩn trương hoàn thành đề án "
        "thành lập đảng bộ; bố trí cán bộ cho các cơ quan cấp xã trước ngày 10/6.",
        date(2025, 5, 20), "2025-06-10", "trước ngày 10/6"),
    (  # baoxuan.vov.vn (Bình Định, 2025)
        "Bí thư Tỉnh ủy Bình Định yêu cầu hoàn thành dự án này trước ngày 31/3.",
        date(2025, 2, 4), "2025-03-31", "trước ngày 31/3"),
    (  # quangtri.gov.vn (2023)
        "Giao Sở Tài nguyên và Môi trường chủ trì, phối hợp các đơn vị, địa phương liên quan nghiên cứu, "
        "đề xuất UBND tỉnh xem xét theo quy định; hoàn thành trước ngày 10/12/2023./.",
        date(2023, 11, 30), "2023-12-10", "trước ngày 10/12/2023"),
    (  # 113.160.144.194 (2018)
        "Yêu cầu hoàn thiện gửi ý kiến tham gia về Bộ Kế hoạch và Đầu tư trước ngày 28/9/2018.",
        date(2018, 9, 20), "2018-09-28", "trước ngày 28/9/2018"),
    (  # baomoi.net.vn (2024)
        "Bộ Tài chính đề nghị các bộ, ngành, địa phương khẩn trương hoàn thành việc phân bổ chi tiết kế "
        "hoạch vốn cho các nhiệm vụ, dự án trước ngày 31/3.",
        date(2024, 3, 10), "2024-03-31", "trước ngày 31/3"),
    (  # baotintuc.vn (Gia Lai, 2025): a month is its last day
        "Bí thư Tỉnh ủy Hồ Quốc Dũng yêu cầu các cấp, ngành, địa phương tập trung hoàn thiện thủ tục pháp "
        "lý để khởi công Dự án cao tốc Quy Nhơn - Pleiku trong tháng 12/2025.",
        date(2025, 9, 23), "2025-12-31", "trong tháng 12/2025"),
    (  # congluan.vn (2024)
        "Bộ Giao thông Vận tải (GTVT) vừa có văn bản đề nghị các địa phương đẩy nhanh công tác giải phóng "
        "mặt bằng, hoàn thành toàn bộ trong tháng 11/2024 nhằm đáp ứng tiến độ dự án.",
        date(2024, 6, 8), "2024-11-30", "trong tháng 11/2024"),
    (  # 113.160.144.194 (Lai Châu, 2017): an hour before the day
        "Báo cáo yêu cầu gửi về Văn phòng UBND tỉnh trước 14 giờ, ngày 05/12/2017.",
        date(2017, 12, 4), "2017-12-05", "05/12/2017"),
    (  # etime.danviet.vn (Quảng Ngãi, 2022): "trong năm 2022 này"
        "Chủ tịch UBND tỉnh Quảng Ngãi Đặng Văn Minh đã chỉ đạo, khẩn trương tháo gỡ vướng mắc GPMB, thi "
        "công và hoàn thành công trình đường cơ động phía Đông Nam đảo Lý Sơn (giai đoạn 3) trong năm 2022 này.",
        date(2022, 8, 5), "2022-12-31", "trong năm 2022"),
    (  # baodauthau.vn (2025): a headline with "đúng dịp"
        "Yêu cầu hoàn thành 4 dự án cao tốc Bắc - Nam đúng dịp 19/12/2025",
        date(2025, 11, 20), "2025-12-19", "19/12/2025"),
    (  # cafef.vn (Huế, 2025): a month without a year
        "Mục tiêu đặt ra là trong tháng 7 phải chi trả phần lớn tiền bồi thường.",
        date(2025, 7, 1), "2025-07-31", "trong tháng 7"),
]


@pytest.mark.parametrize("text,ref_date,due,words", DEADLINES)
def test_task_deadline_is_the_last_day_the_words_allow(text, ref_date, due, words):
    tasks = _out(text, ref_date)["tasks"]
    assert any(t["deadline"] == due and words in (t["deadline_text"] or "") for t in tasks), tasks


def test_a_deadline_the_words_do_not_fix_is_null_with_its_words_kept():
    # baogialai.com.vn (2023)
    text = ("Thủ tướng yêu cầu các địa phương giải quyết dứt điểm công tác giải phóng mặt bằng theo tiến độ "
            "yêu cầu của Chính phủ; người dân sớm có chỗ ở mới, ổn định trước Tết Nguyên đán.")
    tasks = _out(text, date(2023, 12, 20))["tasks"]
    assert any(t["deadline"] is None and "trước Tết" in (t["deadline_text"] or "") for t in tasks), tasks


NO_DEADLINES = [
    # text, reference date: periods named in agendas, reports and dates of results are not deadlines
    (  # daihoidang.baoquangninh.vn (2023)
        "Ngày 30/5, UBND tỉnh họp phiên thường kỳ tháng 5/2023 để đánh giá kết quả thực hiện nhiệm vụ phát "
        "triển KT-XH trong tháng; triển khai phương hướng, nhiệm vụ công tác tháng tiếp theo.",
        date(2023, 5, 31)),
    (  # giaoducthoidai.vn (Thanh Hóa, 2024)
        "Chủ tịch UBND tỉnh Thanh Hoá Đỗ Minh Tuấn báo cáo tóm tắt tình hình KTXH, QPAN 6 tháng đầu năm, "
        "nhiệm vụ trọng tâm 6 tháng cuối năm 2024.",
        date(2024, 7, 8)),
    (  # baohanam.com.vn (2024)
        "Sáng 5/4, Ban Chấp hành (BCH) Đảng bộ tỉnh tổ chức hội nghị quán triệt một số văn bản của Bộ "
        "Chính trị; đánh giá nhiệm vụ công tác quý I, triển khai nhiệm vụ công tác quý II/2024.",
        date(2024, 4, 5)),
    (  # baocamau.vn (2024)
        "cuối năm 2023, toàn tỉnh còn 9.604 hộ nghèo, chiếm tỷ lệ 3,14%",
        date(2024, 4, 9)),
    (  # tracuuquyhoach.com (2024)
        "tính đến hết tháng 10/2024, tổng số vốn đầu tư công đã giải ngân đạt gần 3.950 tỷ đồng, bằng "
        "54,3% kế hoạch vốn Thủ tướng Chính phủ giao.",
        date(2024, 11, 5)),
    (  # phongchongthamnhung.com.vn (Hậu Giang, 2024)
        "đã báo cáo với cử tri những kết quả Kỳ họp thứ Bảy và kết quả trả lời ý kiến, kiến nghị của cử "
        "tri trước Kỳ họp thứ Bảy.",
        date(2024, 7, 1)),
]


@pytest.mark.parametrize("text,ref_date", NO_DEADLINES)
def test_periods_in_agendas_and_results_are_not_deadlines(text, ref_date):
    tasks = _out(text, ref_date)["tasks"]
    assert not any(t["deadline"] for t in tasks), tasks


# --------------------------------------------------------------------------- spans on real text


@pytest.mark.parametrize("text", [t for t, _ in REFERENCES[:6]] + [t for t, *_ in PEOPLE[:6]])
def test_every_fact_span_is_the_words_it_was_read_from(text):
    out = _out(text)
    for kind in ("references", "indicators", "tasks"):
        for f in out[kind]:
            assert f["text"] == text[f["start"]:f["end"]]
    for p in out["people"]:
        for m in p["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(text)
