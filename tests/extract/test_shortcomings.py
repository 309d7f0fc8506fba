"""Shortcomings: the limitations a text lists after a lead-in or under a heading, one per item."""
from __future__ import annotations

import json
from datetime import date

import pytest

from chidao.extract import extract
from tests.conftest import GOLD, seed_text

REF = date(2024, 3, 20)


def _items(text: str) -> list[str]:
    doc = extract(text, ref_date=REF)
    found = doc.facts["shortcomings"]
    for s in found:
        assert doc.text[s.start:s.end] == s.text
    return [s.text for s in found]


CASES = [
    # lead-in ending a sentence: the items follow as ;-separated clauses, trailing ",..." dropped
    ("Tuy nhiên, việc thực hiện nhiệm vụ vẫn còn một số hạn chế. Tỷ lệ hộ nghèo còn cao; thu hút đầu tư "
     "gặp nhiều khó khăn; cán bộ còn làm việc cầm chừng,...",
     ["Tỷ lệ hộ nghèo còn cao", "thu hút đầu tư gặp nhiều khó khăn", "cán bộ còn làm việc cầm chừng"]),
    # lead-in ending in "như:", items in the same sentence and the next ones
    ("Hội nghị cũng chỉ ra một số hạn chế, khó khăn, như: Tốc độ tăng trưởng còn thấp. Ngành xây dựng "
     "tăng trưởng thấp; một số sản phẩm công nghiệp phục hồi chậm...",
     ["Tốc độ tăng trưởng còn thấp", "Ngành xây dựng tăng trưởng thấp",
      "một số sản phẩm công nghiệp phục hồi chậm"]),
    ("Tuy nhiên, vẫn còn tồn tại nhiều vấn đề cần quan tâm giải quyết như: Tốc độ tăng trưởng GRDP giảm "
     "3,1% so với cùng kỳ năm trước. Việc xây dựng kế hoạch còn chậm.",
     ["Tốc độ tăng trưởng GRDP giảm 3,1% so với cùng kỳ năm trước", "Việc xây dựng kế hoạch còn chậm"]),
    ("Bí thư Tỉnh ủy nêu một số tồn tại như tiến độ triển khai một số nhiệm vụ còn chậm.",
     ["tiến độ triển khai một số nhiệm vụ còn chậm"]),
    # the passage ends at a sentence of another kind
    ("Vẫn còn một số hạn chế. Giải ngân vốn đầu tư công còn chậm. Ban Thường vụ Tỉnh ủy ghi nhận "
     "những cố gắng của các địa phương.",
     ["Giải ngân vốn đầu tư công còn chậm"]),
    # a next paragraph with a shortcoming goes on; one without ends the list
    ("Tuy nhiên, còn một số hạn chế như: thu ngân sách đạt thấp.\nViệc kiện toàn nhân sự chưa kịp thời. "
     "Đơn thư khiếu nại tăng…\nHội nghị đã thảo luận tại tổ.",
     ["thu ngân sách đạt thấp", "Việc kiện toàn nhân sự chưa kịp thời", "Đơn thư khiếu nại tăng"]),
    # bullets after a lead-in: one per bullet
    ("Bên cạnh kết quả đạt được, vẫn còn những hạn chế, yếu kém sau:\n- Công tác quy hoạch còn chậm;\n"
     "- Chất lượng nguồn nhân lực còn thấp.\nIII. NHIỆM VỤ THỜI GIAN TỚI",
     ["Công tác quy hoạch còn chậm", "Chất lượng nguồn nhân lực còn thấp"]),
    # under a heading, until the causes
    ("2. Hạn chế, yếu kém\nCông tác cải cách hành chính chuyển biến chậm.\n"
     "Một số dự án trọng điểm chậm tiến độ.\n3. Nguyên nhân\nDo khách quan.",
     ["Công tác cải cách hành chính chuyển biến chậm", "Một số dự án trọng điểm chậm tiến độ"]),
]

NOT_SHORTCOMINGS = [
    "Đồng thời thẳng thắn chỉ rõ những tồn tại, hạn chế cần nghiêm túc đánh giá, tìm nguyên nhân và có "
    "giải pháp khắc phục hiệu quả.",
    "Năm 2024 dự báo còn nhiều khó khăn, thách thức mới. Tỉnh ta tiếp tục thu hút đầu tư.",
    "Tình hình thế giới diễn biến phức tạp, khó lường.",
    "Với những hạn chế được nêu ra, Bí thư Tỉnh ủy đề nghị các đại biểu thảo luận.",
    "Qua rà soát, có 9 tổ chức đảng và 124 đảng viên có vi phạm, khuyết điểm. UBKT Tỉnh ủy đã tổng hợp báo cáo.",
]


@pytest.mark.parametrize("text,want", CASES)
def test_shortcomings_after_a_lead_in_one_per_item(text, want):
    assert _items(text) == want


@pytest.mark.parametrize("text", NOT_SHORTCOMINGS)
def test_mentions_forecasts_and_remedies_are_not_lists_of_shortcomings(text):
    assert _items(text) == []


def test_seed_004_gives_the_seven_gold_shortcomings(seeds_dir):
    path = GOLD / "004_29ad56609ebb04f7.json"
    if not path.is_file():
        pytest.skip(f"gold file not found at {path}")
    want = [s["begins"] for s in json.loads(path.read_text(encoding="utf-8"))["shortcomings"]]
    got = _items(seed_text("004"))
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert g.startswith(w)
    assert got[-1].endswith("hiệu quả còn thấp")


@pytest.mark.parametrize("prefix,count", [("000", 5), ("001", 8), ("002", 0), ("003", 5)])
def test_seed_news_reports_list_their_shortcomings(seeds_dir, prefix, count):
    got = _items(seed_text(prefix))
    assert len(got) == count, got
    assert all(not g.endswith(("…", "...", ",", ";", ".")) for g in got)


@pytest.mark.parametrize("text", ["", "hạn chế", "còn hạn chế:", "còn hạn chế.\n\n", "- ; ; ;",
                                  "vẫn còn một số hạn chế. ;;;...", "2. Hạn chế\n", "như: như: như:"])
def test_odd_inputs_give_no_crash(text):
    _items(text)


@pytest.mark.parametrize("text", [
    "Tuy nhiên, vẫn còn một số hạn chế, yếu kém như: thủ tục chậm; thiếu sót trong khâu thẩm định.",
    "Khó khăn, thách thức còn nhiều.\nNhững tồn tại, hạn chế:\n- Bất cập trong quản lý đất đai.",
    "Vấn đề cần quan tâm  là   khó\tkhăn về vốn; điểm nghẽn, vướng mắc kéo dài.",
    "Không có gì đáng chú ý trong đoạn này.",
])
def test_noun_offsets_read_once_per_document_are_those_of_a_scan_of_each_paragraph(text):
    from chidao.extract import segments, shortcomings as sc
    from chidao.extract.document import Document
    from chidao.lexicon import prefilter as pf
    doc = Document(text)
    low = doc.low
    for s, e in [(0, len(low))] + segments.block_spans(doc) + [(3, len(low) - 4), (5, 12)]:
        assert sc._noun_starts(doc, low, s, e) == pf.starts(sc._pre("noun"), low, s, e)
