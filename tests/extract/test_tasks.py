"""Tasks: numbered items of a list of key tasks and directive sentences, with assignees and deadlines."""
from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.extract import extract
from chidao.extract import tasks as task_extractor
from tests.conftest import GOLD, SEEDS, seed_text

REF = date(2024, 3, 20)


def _tasks(text: str, ref: date | None = REF):
    doc = extract(text, ref_date=ref)
    found = doc.facts["tasks"]
    for t in found:
        assert doc.text[t.start:t.end] == t.text, t
    return found


# (text, [(task text, assignees)]); a task's text is the whole directive, without the connective
# before it ("Theo đó,"), a closing quote, or the final full stop. Sentences from provincial news
# and conclusions, shortened.
DIRECTIVE_SENTENCES = [
    ("Giao UBND tỉnh chủ trì, phối hợp với các sở, ngành liên quan xây dựng kế hoạch thực hiện.",
     [("Giao UBND tỉnh chủ trì, phối hợp với các sở, ngành liên quan xây dựng kế hoạch thực hiện",
       ("UBND tỉnh",))]),
    ("Đề nghị Đảng đoàn HĐND tỉnh chỉ đạo rà soát các nghị quyết chuyên đề.",
     [("Đề nghị Đảng đoàn HĐND tỉnh chỉ đạo rà soát các nghị quyết chuyên đề", ("Đảng đoàn HĐND tỉnh",))]),
    ("Yêu cầu các sở, ngành, địa phương khẩn trương tháo gỡ vướng mắc cho doanh nghiệp.",
     [("Yêu cầu các sở, ngành, địa phương khẩn trương tháo gỡ vướng mắc cho doanh nghiệp",
       ("Các sở, ngành, địa phương",))]),
    ("Theo đó, các ban cán sự đảng, đảng đoàn khẩn trương rà soát theo Quy định 146.",
     [("các ban cán sự đảng, đảng đoàn khẩn trương rà soát theo Quy định 146",
       ("Các ban cán sự đảng, đảng đoàn",))]),
    # the delegates in the room are addressed, no body is named: a task without an assignee
    ("Bí thư Tỉnh ủy đề nghị các đại biểu tập trung thảo luận, góp ý vào dự thảo báo cáo.",
     [("Bí thư Tỉnh ủy đề nghị các đại biểu tập trung thảo luận, góp ý vào dự thảo báo cáo", ())]),
    ("Bí thư Tỉnh ủy đặc biệt lưu ý các ban đảng khẩn trương tham mưu chuẩn bị văn kiện đại hội.",
     [("Bí thư Tỉnh ủy đặc biệt lưu ý các ban đảng khẩn trương tham mưu chuẩn bị văn kiện đại hội",
       ("Các ban đảng",))]),
    ("Văn phòng Tỉnh ủy có trách nhiệm theo dõi, đôn đốc việc thực hiện Kết luận này.",
     [("Văn phòng Tỉnh ủy có trách nhiệm theo dõi, đôn đốc việc thực hiện Kết luận này",
       ("Văn phòng Tỉnh ủy",))]),
    ("Các địa phương cần chủ động phòng, chống thiên tai, bảo đảm an toàn cho người dân.",
     [("Các địa phương cần chủ động phòng, chống thiên tai, bảo đảm an toàn cho người dân",
       ("Các địa phương",))]),
    ("Bí thư Tỉnh ủy nhấn mạnh cần tiếp tục đẩy mạnh cải cách hành chính.",
     [("Bí thư Tỉnh ủy nhấn mạnh cần tiếp tục đẩy mạnh cải cách hành chính", ())]),
    ("Bí thư Tỉnh ủy nêu rõ: cần tăng cường công tác kiểm tra, giám sát.",
     [("Bí thư Tỉnh ủy nêu rõ: cần tăng cường công tác kiểm tra, giám sát", ())]),
    ("“Tôi đề nghị các cấp ủy, chính quyền quan tâm hơn nữa đến công tác dân vận” – Bí thư Tỉnh ủy nói.",
     [("Tôi đề nghị các cấp ủy, chính quyền quan tâm hơn nữa đến công tác dân vận",
       ("Các cấp ủy, chính quyền",))]),
    ("Trong đó cần lưu ý làm tốt công tác chuẩn bị văn kiện đại hội.",
     [("cần lưu ý làm tốt công tác chuẩn bị văn kiện đại hội", ())]),
    ("Giao Ban Tổ chức Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy theo dõi, hướng dẫn thực hiện.",
     [("Giao Ban Tổ chức Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy theo dõi, hướng dẫn thực hiện",
       ("Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"))]),
    ("Giao các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy theo chức năng, nhiệm vụ tăng cường phối hợp.",
     [("Giao các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy theo chức năng, nhiệm vụ tăng cường phối hợp",
       ("Các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy",))]),
    # a speaker opens, the imperatives after are his directives
    ("Phát biểu chỉ đạo, Bí thư Tỉnh ủy nêu rõ 5 nhóm nhiệm vụ trọng tâm. Tiếp tục đẩy mạnh cải cách "
     "hành chính. Đồng thời, tập trung tháo gỡ khó khăn cho doanh nghiệp.",
     [("Tiếp tục đẩy mạnh cải cách hành chính", ()),
      ("tập trung tháo gỡ khó khăn cho doanh nghiệp", ())]),
    ("Bí thư Tỉnh ủy chỉ ra 7 nhóm nhiệm vụ đề nghị Mặt trận, các đoàn thể tập trung thực hiện. "
     "Khẩn trương kiện toàn công tác cán bộ.",
     [("Bí thư Tỉnh ủy chỉ ra 7 nhóm nhiệm vụ đề nghị Mặt trận, các đoàn thể tập trung thực hiện",
       ("Mặt trận, các đoàn thể",)),
      ("Khẩn trương kiện toàn công tác cán bộ", ("Mặt trận, các đoàn thể",))]),
]

NOT_TASKS = [
    "Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 352 về khắc phục khuyết điểm.",
    "Trong Quý I/2024, các cấp, ngành đã tập trung lãnh đạo, chỉ đạo triển khai thực hiện nghị quyết.",
    "Văn hóa - xã hội tiếp tục được quan tâm, an sinh xã hội được bảo đảm.",
    "Chỉ số sản xuất công nghiệp tăng 20,8%; thu ngân sách nhà nước tăng 37,8%.",
    "Bí thư Tỉnh ủy phát biểu chỉ đạo tại hội nghị. |",
    "Hội nghị đã nghe Tờ trình của Ban Thường vụ Tỉnh ủy về tình hình thực hiện nhiệm vụ 6 tháng đầu năm.",
    "Thực hiện Kế hoạch trên, UBKT Tỉnh ủy ban hành Kế hoạch số 38 tổ chức kiểm điểm.",
    "Theo đề nghị của Sở Nội vụ, UBND tỉnh ban hành quyết định điều động cán bộ.",
    "Tai nạn giao thông được kiềm chế, giảm trên cả 3 tiêu chí.",
    "Đáp ứng yêu cầu nhiệm vụ trong tình hình mới là trách nhiệm của mỗi cán bộ.",
    # an imperative with nobody directing it is a description, not a task
    "Tiếp tục đẩy mạnh cải cách hành chính.",
    "Đồng thời, các nhiệm vụ trọng tâm được xác định ngay từ đầu năm để giao cho cấp ủy, tổ chức đảng "
    "cấp dưới tập trung thực hiện.",
    "Sau khi nghe báo cáo, Ban Thường vụ Tỉnh ủy kết luận như sau:",
    "Ban Thường vụ Tỉnh ủy ghi nhận và đánh giá cao những kết quả đạt được.",
    "Tham dự hội nghị có đồng chí Nguyễn Văn An, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.",
    "Đảng đoàn HĐND tỉnh ban hành kế hoạch lãnh đạo, chỉ đạo các tập thể, cá nhân tiến hành kiểm điểm.",
    "Các đồng chí lãnh đạo tỉnh dự hội nghị.",
    "Việc sửa đổi Quy chế làm việc của Ban Chỉ đạo thực hiện Quy chế dân chủ cơ sở của tỉnh.",
]


@pytest.mark.parametrize("text,want", DIRECTIVE_SENTENCES)
def test_directive_sentence_is_a_task_with_its_assignees(text, want):
    got = [(t.text, t.assignees) for t in _tasks(text)]
    assert got == want
    assert all(t.ordinal is None for t in _tasks(text))


@pytest.mark.parametrize("text", NOT_TASKS)
def test_reports_achievements_captions_and_statistics_are_not_tasks(text):
    assert _tasks(text) == []


# (sentence, [(task text, assignees, rule)]): ";" joins two assignments when the clause after it
# names its own body and what that body is to do; otherwise it lists duties of one body, or the
# bodies one directive names.
SEMICOLON_ASSIGNMENTS = [
    ("Giao Sở Tài chính chủ trì rà soát nguồn vốn; Sở Kế hoạch và Đầu tư tham mưu phân bổ trước ngày "
     "30/6/2024.",
     [("Giao Sở Tài chính chủ trì rà soát nguồn vốn", ("Sở Tài chính",), "directive_at_start"),
      ("Sở Kế hoạch và Đầu tư tham mưu phân bổ trước ngày 30/6/2024", ("Sở Kế hoạch và Đầu tư",),
       "body_after_semicolon")]),
    ("Đề nghị Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền; Ban Tổ chức Tỉnh ủy hướng dẫn kiện toàn bộ máy.",
     [("Đề nghị Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền", ("Ban Tuyên giáo Tỉnh ủy",), "directive_at_start"),
      ("Ban Tổ chức Tỉnh ủy hướng dẫn kiện toàn bộ máy", ("Ban Tổ chức Tỉnh ủy",), "body_after_semicolon")]),
    ("Yêu cầu các sở, ngành khẩn trương rà soát; UBND các huyện chủ động bố trí vốn đối ứng.",
     [("Yêu cầu các sở, ngành khẩn trương rà soát", ("Các sở, ngành",), "directive_at_start"),
      ("UBND các huyện chủ động bố trí vốn đối ứng", ("UBND các huyện",), "body_after_semicolon")]),
    ("Sở Tài chính chủ trì rà soát nguồn vốn; đồng thời, Sở Nội vụ cần hướng dẫn sắp xếp biên chế.",
     [("Sở Tài chính chủ trì rà soát nguồn vốn", ("Sở Tài chính",), "body_then_modal"),
      ("Sở Nội vụ cần hướng dẫn sắp xếp biên chế", ("Sở Nội vụ",), "body_after_semicolon")]),
    # one body, a list of its duties: one task
    ("Giao UBND tỉnh chỉ đạo rà soát quy hoạch; đẩy nhanh giải ngân vốn đầu tư công; báo cáo kết quả "
     "trước ngày 30/6/2024.",
     [("Giao UBND tỉnh chỉ đạo rà soát quy hoạch; đẩy nhanh giải ngân vốn đầu tư công; báo cáo kết quả "
       "trước ngày 30/6/2024", ("UBND tỉnh",), "directive_at_start")]),
    ("Giao UBND tỉnh chủ trì xây dựng kế hoạch; tổ chức thực hiện nghiêm túc, hiệu quả.",
     [("Giao UBND tỉnh chủ trì xây dựng kế hoạch; tổ chức thực hiện nghiêm túc, hiệu quả", ("UBND tỉnh",),
       "directive_at_start")]),
    ("Đề nghị các cấp ủy quan tâm lãnh đạo; đơn vị nào để xảy ra sai phạm thì người đứng đầu phải chịu "
     "trách nhiệm.",
     [("Đề nghị các cấp ủy quan tâm lãnh đạo; đơn vị nào để xảy ra sai phạm thì người đứng đầu phải chịu "
       "trách nhiệm", ("Các cấp ủy",), "directive_at_start")]),
    # ";" between the bodies one directive names: one task, all of them assignees
    ("Giao các sở, ngành tỉnh; UBND các huyện, thành phố; các Ban quản lý dự án báo cáo tình hình giải ngân.",
     [("Giao các sở, ngành tỉnh; UBND các huyện, thành phố; các Ban quản lý dự án báo cáo tình hình giải ngân",
       ("Các sở, ngành tỉnh", "UBND các huyện, thành phố", "Các Ban quản lý dự án"), "directive_at_start")]),
    ("Bí thư Tỉnh ủy đề nghị Sở Nội vụ; Sở Tài chính phối hợp thực hiện.",
     [("Bí thư Tỉnh ủy đề nghị Sở Nội vụ; Sở Tài chính phối hợp thực hiện", ("Sở Nội vụ", "Sở Tài chính"),
       "directive_in_sentence")]),
    # ... but bodies the assignee is to direct are not assignees, nor a second assignment
    ("Giao UBND tỉnh chỉ đạo các sở, ngành; các địa phương; các đơn vị rà soát quy hoạch.",
     [("Giao UBND tỉnh chỉ đạo các sở, ngành; các địa phương; các đơn vị rà soát quy hoạch", ("UBND tỉnh",),
       "directive_at_start")]),
    # a ";" inside brackets cuts nothing
    ("Giao Sở Y tế chủ trì (phối hợp Sở Tài chính; Sở Nội vụ thẩm định) xây dựng đề án.",
     [("Giao Sở Y tế chủ trì (phối hợp Sở Tài chính; Sở Nội vụ thẩm định) xây dựng đề án", ("Sở Y tế",),
       "directive_at_start")]),
]


@pytest.mark.parametrize("text,want", SEMICOLON_ASSIGNMENTS)
def test_semicolon_splits_assignments_of_different_bodies_only(text, want):
    got = [(t.text, t.assignees, t.rule) for t in _tasks(text)]
    assert got == want


def test_each_assignment_after_a_semicolon_has_the_deadline_of_its_own_words():
    first, second = _tasks(SEMICOLON_ASSIGNMENTS[0][0])
    assert (first.deadline, second.deadline) == (None, date(2024, 6, 30))


DEADLINE_CASES = [
    ("Giao Sở Nội vụ hoàn thành đề án sắp xếp đơn vị hành chính trước tháng 6/2024.",
     date(2024, 5, 31), "trước tháng 6/2024"),
    ("Yêu cầu Sở Tài chính chủ trì tham mưu phương án phân bổ vốn, báo cáo trước ngày 30/6/2024.",
     date(2024, 6, 30), "trước ngày 30/6/2024"),
    ("Đề nghị Ban cán sự đảng UBND tỉnh báo cáo Ban Thường vụ Tỉnh ủy trong Quý II/2024.",
     date(2024, 6, 30), "trong Quý II/2024"),
    ("Giao UBND tỉnh chỉ đạo giải quyết dứt điểm các kiến nghị của cử tri.", None, None),
]


@pytest.mark.parametrize("text,due,words", DEADLINE_CASES)
def test_task_deadline_is_the_last_day_its_words_allow(text, due, words):
    (task,) = _tasks(text)
    assert task.deadline == due
    assert task.deadline_text == words


CONCLUSION = """KẾT LUẬN
CỦA BAN THƯỜNG VỤ TỈNH ỦY

I. Về tình hình, kết quả thực hiện nhiệm vụ thời gian qua
1. Thu ngân sách nhà nước đạt 5.200 tỷ đồng, tăng 12%.
2. Tiếp tục được quan tâm chỉ đạo công tác an sinh xã hội.

II. Nhiệm vụ trọng tâm thời gian tới
Ban Thường vụ Tỉnh ủy đề nghị Đảng đoàn HĐND tỉnh lưu ý một số nội dung sau:
1. Rà soát các nghị quyết chuyên đề của HĐND tỉnh;
tiếp tục nâng cao chất lượng hoạt động giám sát.
Đối với các vấn đề phức tạp, cần tổ chức giám sát chuyên đề.
2. Giao Thường trực HĐND tỉnh chủ trì tổ chức kỳ họp chuyên đề trong tháng 10/2024.
3. Về công tác xây dựng Đảng
a) Kiện toàn tổ chức bộ máy;
b) Nâng cao chất lượng sinh hoạt chi bộ.

Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Kết luận này.

Nơi nhận:
- Đảng đoàn HĐND tỉnh,
- Lưu Văn phòng Tỉnh ủy.
"""


def test_list_items_of_a_task_section_are_tasks_with_ordinals():
    got = [(t.ordinal, t.text.split()[0]) for t in _tasks(CONCLUSION)]
    assert got == [("1", "Rà"), ("2", "Giao"), ("a", "Kiện"), ("b", "Nâng"), (None, "Giao")]


def test_item_text_spans_its_continuation_paragraphs():
    first = _tasks(CONCLUSION)[0]
    assert first.text.startswith("Rà soát các nghị quyết chuyên đề")
    assert first.text.endswith("cần tổ chức giám sát chuyên đề")


def test_items_are_assigned_to_the_body_the_lead_in_addresses_unless_they_name_another():
    got = [(t.ordinal, t.assignees) for t in _tasks(CONCLUSION)]
    assert got == [
        ("1", ("Đảng đoàn HĐND tỉnh",)),
        ("2", ("Thường trực HĐND tỉnh",)),
        ("a", ("Đảng đoàn HĐND tỉnh",)),
        ("b", ("Đảng đoàn HĐND tỉnh",)),
        (None, ("Văn phòng Tỉnh ủy",)),
    ]


def test_item_deadline_comes_from_its_own_words():
    got = {t.ordinal: t.deadline for t in _tasks(CONCLUSION)}
    assert got["2"] == date(2024, 10, 31)
    assert got["1"] is None


def test_items_of_a_section_looking_back_are_not_tasks():
    assert not any("5.200" in t.text or "an sinh" in t.text for t in _tasks(CONCLUSION))


def test_items_after_a_closing_formula_need_to_be_directives_themselves():
    text = ("Sau khi nghe báo cáo, Thường trực Tỉnh ủy kết luận như sau:\n"
            "1. Thống nhất với đề xuất của Ban cán sự đảng UBND tỉnh.\n"
            "2. Giao Ban cán sự đảng UBND tỉnh chỉ đạo hoàn thành trước ngày 30/9/2024.\n")
    got = [(t.ordinal, t.assignees, t.deadline) for t in _tasks(text)]
    assert got == [("2", ("Ban cán sự đảng UBND tỉnh",), date(2024, 9, 30))]


def test_heading_without_marker_opens_a_task_section():
    text = ("Nhiệm vụ trọng tâm thời gian tới\n"
            "- Tập trung tháo gỡ khó khăn cho sản xuất, kinh doanh.\n"
            "- Đẩy nhanh tiến độ giải ngân vốn đầu tư công.\n")
    got = [(t.ordinal, t.text) for t in _tasks(text)]
    assert got == [(None, "Tập trung tháo gỡ khó khăn cho sản xuất, kinh doanh"),
                   (None, "Đẩy nhanh tiến độ giải ngân vốn đầu tư công")]


def test_news_subhead_with_task_words_opens_no_section():
    text = ("Xác định 10 nhiệm vụ trọng tâm quý II\n"
            "Đảng đoàn HĐND tỉnh ban hành kế hoạch kiểm điểm, khắc phục khuyết điểm.\n")
    assert _tasks(text) == []


# --------------------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def gold() -> dict:
    path = GOLD / "004_29ad56609ebb04f7.json"
    if not path.is_file():
        pytest.skip(f"gold file not found at {path}")
    return json.loads(path.read_text(encoding="utf-8"))


def test_seed_004_gives_the_ten_gold_tasks(seeds_dir, gold):
    got = _tasks(seed_text("004"), ref=None)
    assert [(t.ordinal, t.assignees, t.deadline) for t in got] == [
        (w["ordinal"], tuple(w["assignees"]),
         date.fromisoformat(w["deadline"]) if w["deadline"] else None) for w in gold["tasks"]]
    for t, w in zip(got, gold["tasks"]):
        assert t.text.startswith(w["begins"])
        if "deadline_text" in w:
            assert t.deadline_text == w["deadline_text"]


def test_seed_004_item_one_keeps_its_continuation_and_not_the_closing_directive(seeds_dir):
    got = _tasks(seed_text("004"), ref=None)
    assert "Kết luận số 14-KL/TW" in got[0].text
    assert "Giao các cơ quan" not in got[8].text
    assert got[9].text.endswith("những vấn đề cần lãnh đạo, chỉ đạo")


def test_seed_003_speech_directive_to_party_groups(seeds_dir):
    got = _tasks(seed_text("003"), ref=None)
    hit = [t for t in got if t.text.startswith("các ban cán sự đảng, đảng đoàn khẩn trương rà soát")]
    assert hit and hit[0].assignees == ("Các ban cán sự đảng, đảng đoàn",)


def test_seed_002_deadline_before_june(seeds_dir):
    got = _tasks(seed_text("002"), ref=None)
    assert [t.deadline for t in got if t.deadline_text == "trước tháng 6/2024"] == [date(2024, 5, 31)]


def test_seed_000_reports_of_plans_issued_are_not_tasks(seeds_dir):
    texts = [t.text for t in _tasks(seed_text("000"), ref=None)]
    assert not any("ban hành" in t[:60] for t in texts)
    assert any(t.startswith("khẩn trương hoàn thiện dự thảo Kế hoạch") for t in texts)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_task_points_at_its_words_and_carries_a_rule(seeds_dir, prefix):
    text = seed_text(prefix)
    rules = {r.name for r in task_extractor.RULES} | set(task_extractor.RULE_NAMES)
    for t in _tasks(text, ref=None):
        assert text[t.start:t.end] == t.text
        assert t.rule in rules
        assert t.text == t.text.strip()
        assert all(a[:1].isupper() for a in t.assignees)


# --------------------------------------------------------------------------- robustness


@pytest.mark.parametrize("text", ["", "\n\n", "1.", "Giao", "Giao UBND", "- - -", "II.\n1.\na)", "“", ":",
                                  "Đề nghị:\n1.\n2.", "Nơi nhận:\n- Giao UBND tỉnh chủ trì."])
def test_odd_inputs_give_no_crash(text):
    for t in _tasks(text):
        assert t.start <= t.end


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Giao ", "UBND tỉnh ", "đề nghị ", "1. ", "\n", "a) ", "- ", "cần ", ". ",
                                 "Tiếp tục ", ": ", "“", "”", "hạn chế", "đã ", "Ban cán sự đảng ", "; ",
                                 "trước ngày 30/6/2024", "II. Nhiệm vụ\n", "uỷ ", "\u0301"]), max_size=25))
def test_any_mix_of_cue_words_gives_tasks_pointing_at_their_words(parts):
    text = "".join(parts)
    for t in _tasks(text):
        assert text[t.start:t.end] == t.text


# Round 2: sentences and headlines that set a time still ahead (ref 2024-03-20) to do something.
TIMED_DIRECTIVES = [
    # (text, deadline words)
    ("Tập trung hoàn thành sáp nhập cấp tỉnh trước ngày 30/8 để vận hành từ ngày 1/9\nBộ trưởng cho biết "
     "quy trình đang được triển khai.", "trước ngày 30/8"),                                   # headline
    ("Yêu cầu hoàn thành 4 dự án cao tốc đúng dịp 19/12/2024\nVăn phòng Chính phủ vừa có văn bản.",
     "đúng dịp 19/12/2024"),
    ("Mục tiêu đặt ra là trong tháng 7 phải chi trả phần lớn tiền bồi thường.", "trong tháng 7"),
    ("Bộ trưởng Nội vụ: Ngày 1/5, 63 tỉnh, thành phố phải gửi đề án sắp xếp về Bộ Nội vụ.", "Ngày 1/5"),
    ("Chủ tịch UBND tỉnh Đặng Văn Minh đã chỉ đạo, giao trách nhiệm cụ thể cho từng cấp ngành, khẩn trương "
     "hoàn thành công trình trong năm 2024 này.", "trong năm 2024"),
    ("Chủ tịch UBND tỉnh chỉ đạo, trong thời gian tới, các chủ đầu tư đẩy nhanh tiến độ giải ngân.",
     "trong thời gian tới"),
]


@pytest.mark.parametrize("text,words", TIMED_DIRECTIVES)
def test_sentence_or_headline_with_a_deadline_ahead_and_a_directive_is_a_task(text, words):
    found = [t for t in _tasks(text) if t.deadline_text]
    assert [t.deadline_text for t in found] == [words]


NOT_TIMED_DIRECTIVES = [
    "Đại hội diễn ra từ ngày 12 đến ngày 15 tháng 10 năm 2024, toàn bộ chương trình đã hoàn thành, đạt yêu cầu đề ra.",
    "Công trình đã hoàn thành trước ngày 30/6/2023 theo yêu cầu.",                # a date already past
    "Dự án dự kiến hoàn thành trong tháng 12/2024.",                              # a forecast, no directive
    "Hội nghị lần thứ 18 diễn ra vào tháng 4/2024 theo chỉ đạo của Tỉnh ủy.",
]


@pytest.mark.parametrize("text", NOT_TIMED_DIRECTIVES)
def test_periods_past_forecasts_and_noun_directives_give_no_timed_task(text):
    assert [t.deadline_text for t in _tasks(text) if t.deadline_text] == []


# Round 3: the name of an assignee. It runs from its head over capitalised words and lower-case
# words that are no verb, up to its level (tỉnh, huyện Tân Phú ...); after "các <head>" only levels,
# complements (liên quan, trực thuộc) and further heads go on; a descriptive head (Trung tâm, Ban
# quản lý dự án) reads on over verbs to its level. (sentence, assignees), ref 2024-03-20.
ASSIGNEE_NAMES = [
    ("Chủ tịch UBND tỉnh yêu cầu Ban Quản lý dự án đầu tư xây dựng huyện và UBND xã Tân Phú kiểm điểm "
     "trách nhiệm.", ("Ban Quản lý dự án đầu tư xây dựng huyện", "UBND xã Tân Phú")),
    ("UBND thành phố yêu cầu Trung tâm phát triển quỹ đất quận hoàn thành bàn giao mặt bằng.",
     ("Trung tâm phát triển quỹ đất quận",)),
    ("Thường trực Tỉnh ủy giao Tiểu ban Nhân sự, Ban Tổ chức Tỉnh ủy có trách nhiệm rà soát hồ sơ.",
     ("Tiểu ban Nhân sự", "Ban Tổ chức Tỉnh ủy")),
    ("Ban Bí thư giao Ban Tuyên giáo Trung ương, Ban Dân vận Trung ương thường xuyên theo dõi.",
     ("Ban Tuyên giáo Trung ương", "Ban Dân vận Trung ương")),
    ("Chủ tịch UBND tỉnh yêu cầu Giám đốc các Sở, ban ngành tỉnh, Chủ tịch UBND các huyện, thị xã căn cứ "
     "chức năng tổ chức thực hiện.", ("Giám đốc các Sở, ban ngành tỉnh", "Chủ tịch UBND các huyện, thị xã")),
    ("Ban Thường vụ Huyện ủy yêu cầu các thành viên Ban Chấp hành Đảng bộ huyện gương mẫu thực hiện.",
     ("Các thành viên Ban Chấp hành Đảng bộ huyện",)),
    ("Sở Nội vụ đề nghị các đơn vị phân công cán bộ đầu mối.", ("Các đơn vị",)),
    ("Đề nghị các ban HĐND tỉnh, các sở, ngành liên quan phối hợp giám sát.",
     ("Các ban HĐND tỉnh", "Các sở, ngành liên quan")),
    ("Cục Thuế tỉnh Long An được yêu cầu đẩy mạnh chỉ đạo các chi cục thuế thu hồi nợ đọng.",
     ("Cục Thuế tỉnh Long An",)),
    ("Văn bản số 125/UBND gửi Ban Quản lý các khu công nghiệp tỉnh đề nghị khẩn trương rà soát hồ sơ.",
     ("Ban Quản lý các khu công nghiệp tỉnh",)),
    ("UBND tỉnh vừa giao Sở Xây dựng chủ trì kiểm tra các công trình.", ("Sở Xây dựng",)),
    ("Yêu cầu các xã, phường, thị trấn hoàn thành việc rà soát.", ("Các xã, phường, thị trấn",)),
    ("Bộ Chính trị giao ban cán sự đảng các bộ khẩn trương hoàn thành đề án.", ("Ban cán sự đảng các bộ",)),
]


@pytest.mark.parametrize("text,want", ASSIGNEE_NAMES)
def test_assignee_names_end_at_their_level_or_the_verb_after_them(text, want):
    (task,) = _tasks(text)
    assert task.assignees == want


NOT_ASSIGNMENTS = [
    # a meeting's chair is not a lead unit
    "Chiều 5/4, đồng chí Lê Văn Bình, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì phiên họp thường kỳ.",
    "Đồng chí Trần Văn Cường, Bí thư Huyện ủy chủ trì Hội nghị.",
    # "giao ban" is a briefing
    "Sáng 8/5, Thường trực Huyện ủy tổ chức hội nghị giao ban công tác tháng 5.",
    "Thường trực Thành ủy giao ban định kỳ với Đảng ủy Khối các cơ quan thành phố.",
    # "giao" + a count: a tally of what was handed out
    "Năm 2023, UBND tỉnh giao các sở, ngành 350 nhiệm vụ, đến nay đã hoàn thành 320 nhiệm vụ.",
    # "Hội nghị" is no body, and the period a programme covers is no deadline
    "Hội nghị đánh giá kết quả 6 tháng đầu năm, triển khai nhiệm vụ trọng tâm 6 tháng cuối năm 2024.",
    # a forecast
    "Dự kiến, cầu Rạch Miễu 2 sẽ hoàn thành trong tháng 12/2024.",
]


@pytest.mark.parametrize("text", NOT_ASSIGNMENTS)
def test_chairs_briefings_tallies_agendas_and_forecasts_are_not_tasks(text):
    assert _tasks(text) == []


def test_a_period_after_nhiem_vu_names_a_programme_not_a_deadline():
    (task,) = _tasks("Yêu cầu các sở xây dựng kế hoạch triển khai nhiệm vụ trọng tâm 6 tháng cuối năm 2024.")
    assert (task.assignees, task.deadline, task.deadline_text) == (("Các sở",), None, None)


# Commitments with a deadline still ahead, and sentences that go on with the body the sentence
# before named: (text, [(task text start, assignees, deadline)]), ref 2024-03-20.
FOLLOW_UPS = [
    ("Sở Tài chính sẽ tổng hợp, báo cáo UBND tỉnh trước ngày 15/5.",
     [("Sở Tài chính sẽ tổng hợp", ("Sở Tài chính",), date(2024, 5, 15))]),
    ("UBND huyện và các phòng chuyên môn đẩy mạnh tuyên truyền, trong Quý II/2024 hoàn thành hồ sơ.",
     [("UBND huyện và các phòng", ("UBND huyện", "Các phòng chuyên môn"), date(2024, 6, 30))]),
    ("Theo chỉ đạo của UBND tỉnh, các công trình này sẽ khởi công trước ngày 30/6.",
     [("Theo chỉ đạo của UBND tỉnh", (), date(2024, 6, 30))]),
    ("Ban Tổ chức Tỉnh ủy sẽ tham mưu Ban Thường vụ kiện toàn nhân sự. Việc này phải hoàn thành trước ngày 30/4.",
     [("Việc này phải hoàn thành", ("Ban Tổ chức Tỉnh ủy",), date(2024, 4, 30))]),
    ("UBND các huyện rà soát diện tích đất công. Kết quả phải gửi về Sở Tài nguyên và Môi trường trước 15/4.",
     [("Kết quả phải gửi", ("UBND các huyện",), date(2024, 4, 15))]),
    ("Giao Sở Y tế chủ trì xây dựng kế hoạch. Thời gian hoàn thành: trước ngày 30/4/2024.",
     [("Giao Sở Y tế", ("Sở Y tế",), None),
      ("Thời gian hoàn thành", ("Sở Y tế",), date(2024, 4, 30))]),
    ("Thời gian các huyện, thị xã tổ chức kiểm tra là trước ngày 15/5 và kết thúc trước 30/7.",
     [("Thời gian các huyện", ("Các huyện, thị xã",), date(2024, 7, 30))]),
    ("UBND các huyện được giao là chủ đầu tư cần hoàn thành thủ tục đầu tư trước ngày 15/6.",
     [("UBND các huyện được giao", ("UBND các huyện",), date(2024, 6, 15))]),
    # the sentence before names a body that reports, or this one is someone else's: nothing carried
    ("Sở Công Thương kiểm tra 20 cơ sở. Qua kiểm tra, phát hiện 3 cơ sở vi phạm, yêu cầu khắc phục trong "
     "tháng 4/2024.",
     [("Qua kiểm tra", (), date(2024, 4, 30))]),
    ("Sở Y tế cho biết các bệnh viện cần hoàn thành việc sắp xếp trước ngày 30/4.",
     [("Sở Y tế cho biết", (), date(2024, 4, 30))]),
]


@pytest.mark.parametrize("text,want", FOLLOW_UPS)
def test_commitments_and_follow_on_sentences_take_the_body_that_acts(text, want):
    got = [(t.text, t.assignees, t.deadline) for t in _tasks(text)]
    assert [(g[0][:len(w[0])], g[1], g[2]) for g, w in zip(got, want)] == want
    assert len(got) == len(want)


# (text, where the directive's own words begin): _skip_lead passes connectives, quotes and brackets
SKIP_LEAD = [
    ("Theo đó, UBND tỉnh chỉ đạo", "UBND tỉnh chỉ đạo"),
    ('"Các sở, ngành cần', "Các sở, ngành cần"),
    ("(Đồng thời, giao Sở Y tế", "giao Sở Y tế"),
    ("UBND tỉnh chỉ đạo", "UBND tỉnh chỉ đạo"),
    ("Theodõi tiến độ", "Theodõi tiến độ"),          # a word merely beginning like a connective
    ("Thực hiện Kế hoạch", "Thực hiện Kế hoạch"),
    ("Đối với UBND tỉnh: chỉ đạo các sở", "chỉ đạo các sở"),      # a topic before a colon
    ("Về công tác cán bộ: Ban Tổ chức Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"),
    ("Đối với các dự án chậm tiến độ, cần", "Đối với các dự án chậm tiến độ, cần"),   # no colon: kept
]


@pytest.mark.parametrize("text,rest", SKIP_LEAD)
def test_skip_lead_passes_connectives_quotes_brackets_and_topics(text, rest):
    doc = task_extractor.Document(text)
    at = task_extractor._skip_lead(doc.norm, 0, len(doc.norm))
    assert doc.norm[at:] == rest


def test_every_body_phrase_opens_where_its_first_word_is_admitted():
    """The first-word test that rules a place out before body_at's patterns are tried admits every
    phrase they hold (heads, quantifiers, known bodies), in any case, followed by more words."""
    from chidao.lexicon.bodies import body_forms
    cues = task_extractor._cues()
    phrases = [p for cat in ("quantifier", "body_head", "named_head") for p in cues.get(cat, ())]
    phrases += list(body_forms())
    assert phrases
    for p in phrases:
        for form in (p, p.upper(), p[:1].upper() + p[1:]):
            doc = task_extractor.Document(form + " tỉnh Quảng Nam")
            assert task_extractor._may_open_body(doc, 0, len(doc.norm)), form


@pytest.mark.parametrize("text", ["Hôm nay trời đẹp", "Theo đó, trời đẹp", "Sởi bùng phát"])
def test_a_word_no_body_begins_with_is_ruled_out(text):
    doc = task_extractor.Document(text)
    assert not task_extractor._may_open_body(doc, 0, len(doc.norm))
    assert task_extractor.body_at(doc, 0, len(doc.norm)) is None


# A speaker's form of address names the people in the room, not a body to follow up; a name that
# goes on past it (a group, a body) is kept.
ADDRESSED = [
    ("Đề nghị các đồng chí tập trung chỉ đạo hoàn thành trước ngày 30/6/2024.", ()),
    ("Yêu cầu các đại biểu nghiên cứu kỹ tài liệu, đóng góp ý kiến.", ()),
    ("Đề nghị các đồng chí thành viên Ban Chỉ đạo tỉnh tập trung kiểm tra.",
     ("Các đồng chí thành viên Ban Chỉ đạo tỉnh",)),
    ("Giao các đồng chí Ủy viên Ban Thường vụ phụ trách địa bàn theo dõi, đôn đốc.",
     ("Các đồng chí Ủy viên Ban Thường vụ phụ trách địa bàn",)),
    ("Đề nghị các đại biểu Quốc hội tỉnh tiếp xúc cử tri.", ("Các đại biểu Quốc hội tỉnh",)),
]


@pytest.mark.parametrize("text,want", ADDRESSED)
def test_form_of_address_alone_is_no_assignee(text, want):
    tasks = _tasks(text)
    assert len(tasks) == 1
    assert tasks[0].assignees == want


# fronted_deadline: a deadline that opens a sentence and ends at a comma stands before its subject
# ("Trước ngày 31/12, các sở phải ..."); danviet.vn (Quảng Ngãi)
@pytest.mark.parametrize("text,assignees,due", [
    ("Trước ngày 30/6/2024, các sở, ngành phải gửi báo cáo về Sở Nội vụ.", ("Các sở, ngành",), "2024-06-30"),
    ("Chậm nhất đến cuối tháng 12, Sở Tài chính phải hoàn thành việc thẩm định.", ("Sở Tài chính",),
     "2024-12-31"),
    ("Trong quý II/2024, UBND các huyện cần hoàn thành việc rà soát.", ("UBND các huyện",), "2024-06-30"),
])
def test_a_deadline_opening_the_sentence_leaves_its_subject_the_assignee(text, assignees, due):
    got = [(t.assignees, t.deadline.isoformat() if t.deadline else None) for t in _tasks(text)]
    assert got == [(assignees, due)]


@pytest.mark.parametrize("text", [
    "Ngày 15/3/2024, các sở, ngành phải gửi báo cáo về Sở Nội vụ.",          # a date, no cue: not fronted
    "Năm 2024, các sở, ngành phải gửi báo cáo về Sở Nội vụ.",
])
def test_a_bare_date_opening_the_sentence_is_not_read_as_a_fronted_deadline(text):
    assert all(t.assignees == () for t in _tasks(text))


# reported_opinions: what members said in a discussion is reported, not assigned; the chair's
# conclusion that takes it up assigns
@pytest.mark.parametrize("text,tasks", [
    ("Nhiều ý kiến đề nghị UBND tỉnh sớm hoàn thành dự án trước ngày 30/6/2024.", 0),
    ("Các ý kiến tập trung phân tích nguyên nhân và đề xuất giải pháp cần thực hiện trong quý IV/2024.", 0),
    ("Tại hội nghị, nhiều ý kiến đại biểu đề nghị Sở Tài chính cân đối nguồn vốn.", 0),
    ("Bên cạnh đó, một số ý kiến tham gia phân tích sâu hơn; từ đó đề xuất các nhiệm vụ cần tập trung "
     "lãnh đạo trong 6 tháng cuối năm 2022.", 0),
    # a conclusion announcing opinions, a directive that takes them up, or opinions as an object: tasks
    ("Thông báo ý kiến kết luận của Chủ tịch UBND tỉnh: giao Sở Xây dựng hoàn thành trước ngày 30/6/2024.", 1),
    ("Tiếp thu ý kiến đại biểu, đề nghị UBND tỉnh chỉ đạo Sở Y tế hoàn thành trước ngày 30/6/2024.", 1),
    ("Giao Sở Tư pháp tổng hợp ý kiến, đề xuất UBND tỉnh trước ngày 30/6/2024.", 1),
])
def test_opinions_voiced_in_a_discussion_are_reported_not_assigned(text, tasks):
    assert len(_tasks(text)) == tasks


# How bodies' names are read in the genre's lists (the rule named in each comment), from texts of
# Tuyên Quang, Nghệ An, Quảng Ngãi and central bodies (bench/eval_cases.jsonl), shortened. The
# second half of each rule's rows is what the rule must leave as it was.
BODY_NAMES = [
    # level_complement: "thuộc tỉnh" completes a name as "trực thuộc" does
    ("Chỉ đạo các sở, ban, ngành thuộc tỉnh, Ủy ban nhân dân huyện, thành phố tiếp tục chủ động ứng phó với thiên tai.",
     ("Các sở, ban, ngành thuộc tỉnh", "Ủy ban nhân dân huyện, thành phố")),
    # short_level_list: "huyện, thành, thị" = huyện, thành phố, thị xã ...
    ("Yêu cầu UBND các huyện, thành, thị triển khai thực hiện nghiêm túc.", ("UBND các huyện, thành, thị",)),
    ("Yêu cầu UBND các huyện, thị, ban, ngành cấp tỉnh tập trung khắc phục hậu quả thiên tai.",
     ("UBND các huyện, thị, ban, ngành cấp tỉnh",)),
    # ... but "thành lập" is a verb
    ("Giao UBND các huyện, thành lập tổ công tác kiểm tra.", ("UBND các huyện",)),
    # ampersand_abbreviation: Sở LĐTB&XH is one abbreviation; a free-standing "&" joins two bodies
    ("Giao Sở LĐTB&XH chủ trì, phối hợp với các sở hướng dẫn thực hiện.", ("Sở LĐTB&XH",)),
    ("Giao Sở Y tế & các đơn vị liên quan hướng dẫn thực hiện.", ("Sở Y tế",)),
    # xa_hoi_is_no_level: "chính trị - xã hội" is a noun, "xã" there no level
    ("Yêu cầu Mặt trận Tổ quốc, tổ chức chính trị - xã hội tăng cường tuyên truyền.",
     ("Mặt trận Tổ quốc, tổ chức chính trị - xã hội",)),
    ("Yêu cầu UBND các xã, phường rà soát.", ("UBND các xã, phường",)),
    # compound_noun: "công trình", "giao thông" hold verbs of the cue lists, but are nouns
    ("Chậm nhất đến cuối tháng 12, BQL DA các công trình giao thông phải giải ngân 100% kế hoạch vốn.",
     ("BQL DA các công trình giao thông",)),
    ("Giao Sở Xây dựng trình UBND tỉnh phê duyệt.", ("Sở Xây dựng",)),
    # role_apposition: ", chủ đầu tư ..." after a proper name is its role; in a list of bodies, a body
    ("Chậm nhất đến cuối tháng 12, BQL DA các công trình giao thông, chủ đầu tư dự án đường ven biển "
     "phải giải ngân 100% kế hoạch vốn.", ("BQL DA các công trình giao thông",)),
    ("Yêu cầu các sở, ngành, chủ đầu tư khẩn trương giải ngân vốn.", ("Các sở, ngành, chủ đầu tư",)),
    # not_body_in_list: "cấp bách" is no "cấp" (level of government) going on a list
    ("Yêu cầu các cấp ngành và các địa phương cấp bách triển khai các biện pháp phòng dịch.",
     ("Các cấp ngành và các địa phương",)),
    ("Yêu cầu các địa phương cấp huyện rà soát.", ("Các địa phương cấp huyện",)),
    # a verb of the cue lists ends a proper name (tiếp thu)
    ("Thủ tướng giao Bộ Kế hoạch và Đầu tư và Văn phòng Chính phủ tiếp thu các ý kiến, khẩn trương hoàn thiện dự thảo.",
     ("Bộ Kế hoạch và Đầu tư", "Văn phòng Chính phủ")),
]


@pytest.mark.parametrize("text,want", BODY_NAMES)
def test_list_names_abbreviations_and_compound_nouns_in_bodies(text, want):
    tasks = _tasks(text)
    assert len(tasks) == 1
    assert tasks[0].assignees == want


# Who is told to act where the genre names the body in other ways (rule named in each comment);
# rows giving () show what the rule must not take for an assignment.
BODIES_TOLD = [
    # place_as_body: a level and a place's proper name after a directive verb
    ("Thủ tướng yêu cầu tỉnh Thái Bình cần chủ động triển khai các nghị quyết.", [("Tỉnh Thái Bình",)]),
    ("Thủ tướng yêu cầu tỉnh cần chủ động triển khai các nghị quyết.", []),
    ("Giao tỉnh Quảng Nam 500 tỷ đồng để khắc phục hậu quả bão.", []),
    # issued_document: "đã có công điện yêu cầu X": the directive of the document is X's task ...
    ("UBND tỉnh đã có công điện khẩn yêu cầu các địa phương triển khai các biện pháp phòng chống dịch.",
     [("Các địa phương",)]),
    # ... "đã yêu cầu" alone reports what was done
    ("UBND tỉnh đã yêu cầu các địa phương triển khai các biện pháp phòng chống dịch.", []),
    ("UBND tỉnh đã chỉ đạo các sở, ngành chức năng trả lời bằng văn bản.", []),
    # directive giao trách nhiệm
    ("UBND tỉnh giao trách nhiệm Sở Lao động - Thương binh và Xã hội phối hợp các sở hướng dẫn thực hiện.",
     [("Sở Lao động - Thương binh và Xã hội",)]),
    ("Cán bộ được giao trách nhiệm theo dõi đã hoàn thành nhiệm vụ.", []),
    # frame_after_subject: "căn cứ chức năng, nhiệm vụ ...," between a body and its verb
    ("Các sở, ban, ngành căn cứ chức năng, nhiệm vụ được giao, tham mưu UBND tỉnh thực hiện tốt các giải pháp.",
     [("Các sở, ban, ngành",)]),
    ("Các sở, ban, ngành theo chức năng, nhiệm vụ đã hoàn thành kế hoạch năm 2023.", []),
    # topic_colon: "Đối với ...: X ..." / "Về ...: X ...": the subject stands after the colon
    ("Đối với công tác cán bộ: Ban Tổ chức Tỉnh ủy khẩn trương tham mưu kiện toàn bộ máy.",
     [("Ban Tổ chức Tỉnh ủy",)]),
    ("Về dự án này: đã hoàn thành 80% khối lượng.", []),
    # relative_then_must: a body, a few words saying which of them, then phải / cần / có nhiệm vụ
    ("Các cơ quan, đơn vị thực hiện nghỉ lễ phải phân công cán bộ trực.", [("Các cơ quan, đơn vị",)]),
    ("Sở Y tế cho biết các bệnh viện phải tăng cường phòng dịch.", []),
    ("Ban Chỉ đạo tỉnh có nhiệm vụ giúp UBND tỉnh chỉ đạo công tác phòng chống thiên tai.",
     [("Ban Chỉ đạo tỉnh",)]),
    ("Hội nghị có nhiệm vụ quan trọng là bầu Ban Chấp hành.", []),
    # body_run: after a body given its duty, a body and an imperative go on dividing the tasks ...
    ("Công an tỉnh chủ trì, phối hợp với các cơ quan liên quan bảo đảm an ninh trật tự trong dịp Tết.\n\n"
     "Văn phòng UBND tỉnh đôn đốc các cơ quan tổng hợp, báo cáo tình hình.",
     [("Công an tỉnh",), ("Văn phòng UBND tỉnh",)]),
    # ... not after a report
    ("UBND tỉnh tổ chức hội nghị tổng kết năm 2023.\n\nSở Nội vụ tổng hợp báo cáo tình hình.", []),
    # fronted_deadline_after_semicolon: "...; từ ngày 5 đến ngày 10 hằng tháng, Phòng X kiểm tra ..."
    ("Các đơn vị phải cập nhật kết quả; từ ngày 5 đến ngày 10 hằng tháng, Phòng Kế hoạch - Đầu tư kiểm tra, "
     "tổng hợp báo cáo.", [("Các đơn vị",), ("Phòng Kế hoạch - Đầu tư",)]),
    ("Các đơn vị phải cập nhật kết quả; từ ngày 5 đến ngày 10 hằng tháng, kiểm tra, tổng hợp báo cáo.",
     [("Các đơn vị",)]),
]


@pytest.mark.parametrize("text,want", BODIES_TOLD)
def test_places_documents_frames_topics_and_divisions_name_the_body_told_to_act(text, want):
    assert [t.assignees for t in _tasks(text) if t.assignees] == want


def test_a_topic_before_a_colon_heads_a_list_item_whose_subject_follows():
    text = ("UBND tỉnh đề nghị:\n1. Đối với các nhiệm vụ trọng tâm: Các sở, ban, ngành, UBND các huyện căn cứ "
            "chức năng, nhiệm vụ, địa bàn được phân công, tham mưu UBND tỉnh thực hiện tốt các giải pháp.")
    assert [t.assignees for t in _tasks(text)] == [("Các sở, ban, ngành", "UBND các huyện")]


# topic_addressee: a topic naming a body before a colon addresses that body ("2. Đối với Sở Tài
# chính: tham mưu ..."); a topic that names no body, or a report after it, gives no assignment.
TOPIC_ADDRESSEES = [
    ("Đối với UBND tỉnh: chỉ đạo các sở, ngành rà soát, báo cáo trước ngày 30/6/2024.", [("UBND tỉnh",)]),
    ("Kiến nghị:\n1. Đối với UBND tỉnh:\n- Bố trí kinh phí cho các địa phương.\n"
     "2. Đối với Sở Tài chính: tham mưu bố trí kinh phí thực hiện.", [("UBND tỉnh",), ("Sở Tài chính",)]),
    ("Đối với các dự án chậm tiến độ: UBND tỉnh đã thu hồi 5 dự án.", []),
    ("Đối với UBND tỉnh: năm 2023 đã hoàn thành 95% kế hoạch.", []),
]


@pytest.mark.parametrize("text,want", TOPIC_ADDRESSEES)
def test_a_topic_naming_a_body_before_a_colon_addresses_it(text, want):
    assert [t.assignees for t in _tasks(text) if t.assignees] == want


# --------------------------------------------------------------------------- deadlines of tasks (round 4)

# timed_aim: a place (not a body) opening the sentence, a verb of aiming, then a deadline still ahead
# (dantocmiennui.baotintuc.vn Tuyên Quang, tienphong.vn Sơn La, baovemoitruong.org.vn Nam Định,
# soctrangtv.vn Sóc Trăng): (text, ref, deadline)
PLACE_AIMS = [
    ("Tỉnh phấn đấu đến ngày 30/8, toàn bộ số nhà tạm, nhà dột nát sẽ được xây dựng, sửa chữa.",
     date(2025, 5, 20), date(2025, 8, 30)),
    ("Tỉnh Sơn La đặt mục tiêu đến 31/12/2025 sẽ hoàn thành việc xóa 100% nhà tạm, nhà dột nát.",
     date(2025, 10, 19), date(2025, 12, 31)),
    ("Tỉnh Nam Định phấn đấu năm 2019, 3 huyện Mỹ Lộc, Ý Yên, Vụ Bản sẽ được công nhận đạt chuẩn nông thôn mới.",
     date(2018, 12, 15), date(2019, 12, 31)),
    ("Sóc Trăng quyết tâm đưa các Khu, Cụm Công nghiệp mới vào hoạt động, thu hút đầu tư trong năm 2024\n\n"
     "Chiều nay (2/1), Chủ tịch UBND tỉnh chủ trì cuộc họp với lãnh đạo các sở, ngành.",
     date(2024, 1, 2), date(2024, 12, 31)),
    ("Toàn tỉnh tiếp tục phấn đấu trong quý III/2024 hoàn thành việc sắp xếp đơn vị hành chính cấp xã.",
     date(2024, 6, 1), date(2024, 9, 30)),
]


@pytest.mark.parametrize("text,ref,due", PLACE_AIMS)
def test_a_place_aiming_at_a_time_still_ahead_is_a_task_without_a_body(text, ref, due):
    got = [(t.rule, t.assignees, t.deadline) for t in _tasks(text, ref)]
    assert got == [("timed_aim", (), due)]


@pytest.mark.parametrize("text,ref", [
    ("Tỉnh phấn đấu đến ngày 30/8, toàn bộ số nhà tạm sẽ được xây dựng.", date(2025, 10, 1)),   # gone by
    ("Tỉnh đã phấn đấu hoàn thành trong tháng 9/2024.", date(2024, 8, 1)),                       # done
    ("Năm 2023, tỉnh phấn đấu hoàn thành 500 căn nhà cho hộ nghèo.", date(2023, 2, 1)),          # no cue
    ("Tỉnh phấn đấu tăng trưởng GRDP đạt 8% trở lên.", date(2024, 2, 1)),                       # no time
    ("Quảng Ngãi là tỉnh phấn đấu đến năm 2030 trở thành tỉnh phát triển khá.", date(2024, 2, 1)),  # not the verb
    ("Người dân trong tỉnh quyết tâm hoàn thành trước ngày 30/6.", date(2024, 2, 1)),             # no place
])
def test_no_place_aim_without_a_place_subject_a_verb_of_aiming_and_a_time_ahead(text, ref):
    assert [t for t in _tasks(text, ref) if t.rule == "timed_aim"] == []


# issued_report: a body then a verb of issuing and a document's kind reports a document issued; its
# period is what the document covers, not a commitment (the known miss of the development set)
@pytest.mark.parametrize("text,want", [
    ("UBND tỉnh ban hành Kế hoạch thực hiện các nhiệm vụ trọng tâm trong quý IV/2024.", []),
    ("UBND thành phố phê duyệt Đề án sắp xếp đơn vị hành chính trong năm 2024.", []),
    ("UBND tỉnh sẽ ban hành Kế hoạch thực hiện trong quý IV/2024.",
     [("timed_commitment", date(2024, 12, 31))]),                        # "sẽ": a commitment
    ("Giao Sở Nội vụ ban hành Kế hoạch thực hiện trong quý IV/2024.",
     [("directive_at_start", date(2024, 12, 31))]),                      # a directive to issue it
    ("Sở Nội vụ hoàn thành Đề án trong quý IV/2024.", [("timed_commitment", date(2024, 12, 31))]),
])
def test_a_body_issuing_a_document_reports_it_unless_it_will_or_is_told_to(text, want):
    assert [(t.rule, t.deadline) for t in _tasks(text, date(2024, 10, 1))] == want


# timed_part: works joined in one task, each with its own deadline, make one task each
# (halongcity.gov.vn, bnews.vn TP HCM): (text, ref, [(task text start, deadline)])
TIMED_PARTS = [
    ("UBND Thành phố và các cơ quan chuyên môn đẩy mạnh công tác tuyên truyền, trong Quý 1 năm 2025 hoàn thành "
     "hồ sơ, 6 tháng đầu năm hoàn thành các yêu cầu của tổ chức Unessco.", date(2024, 12, 17),
     [("UBND Thành phố", date(2025, 3, 31)), ("6 tháng đầu năm hoàn thành", date(2025, 6, 30))]),
    ("Ngành xây dựng sẽ thúc đẩy chủ đầu tư hoàn tất thủ tục pháp lý để khởi công ngay trong quý I, hoàn thành "
     "chỉ tiêu 28.500 căn nhà ở xã hội trong năm 2026.", date(2026, 1, 10),
     [("Ngành xây dựng", date(2026, 3, 31)), ("hoàn thành chỉ tiêu", date(2026, 12, 31))]),
    ("Giao Sở Tài chính trình UBND tỉnh trước ngày 15/10/2024 và báo cáo kết quả trước ngày 30/11/2024.",
     date(2024, 9, 1), [("Giao Sở Tài chính", date(2024, 10, 15)), ("báo cáo kết quả", date(2024, 11, 30))]),
    # one work: the periods are joined, a purpose follows, or a date is a document's
    ("Sở Y tế hoàn thành tiêm chủng trong tháng 10 và tháng 11/2024.", date(2024, 9, 1),
     [("Sở Y tế", date(2024, 11, 30))]),
    ("Thực hiện Kết luận số 12-KL/TU ngày 05/3/2024, Sở Y tế hoàn thành việc rà soát trước ngày 30/6/2024.",
     date(2024, 3, 20), [("Thực hiện Kết luận", date(2024, 6, 30))]),
]


@pytest.mark.parametrize("text,ref,want", TIMED_PARTS)
def test_works_joined_each_with_a_deadline_are_one_task_each(text, ref, want):
    got = [(t.text, t.deadline) for t in _tasks(text, ref)]
    assert [(g[0][:len(w[0])], g[1]) for g, w in zip(got, want)] == want
    assert len(got) == len(want)


def test_a_purpose_after_a_deadline_is_no_work_of_its_own():
    text = "Giao Sở Xây dựng hoàn thành trước ngày 30/11/2024, để đưa vào sử dụng trước ngày 31/12/2024."
    assert len(_tasks(text, date(2024, 9, 1))) == 1


# schedule_item: the items under a lead-in naming a schedule ("Thời hạn gửi báo cáo:") are tasks when
# they hold a deadline (ppdvn.gov.vn, Thông tư 03/2015/TT-BTTTT)
def test_items_holding_a_deadline_under_a_schedule_are_tasks():
    text = ("2. Thời hạn gửi báo cáo:\n- Báo cáo 6 tháng đầu năm gửi trước ngày 10/07 của năm báo cáo\n"
            "- Báo cáo cả năm gửi trước ngày 10/01 của năm liền kề năm báo cáo.")
    got = [(t.rule, t.deadline, t.deadline_text) for t in _tasks(text, date(2024, 3, 1))]
    assert got == [("schedule_item", None, "trước ngày 10/07 của năm báo cáo"),
                   ("schedule_item", None, "trước ngày 10/01 của năm liền kề năm báo cáo")]


@pytest.mark.parametrize("text", [
    "2. Thời hạn gửi báo cáo:\n- Báo cáo gửi qua hệ thống điện tử của Bộ\n- Bản giấy gửi qua đường bưu điện.",
    "2. Kết quả đạt được:\n- Báo cáo 6 tháng đầu năm gửi trước ngày 10/07 của năm báo cáo",   # no schedule
])
def test_items_without_a_deadline_or_a_schedule_lead_in_are_not_schedule_items(text):
    assert [t for t in _tasks(text, date(2024, 3, 1)) if t.rule == "schedule_item"] == []


# table_deadline_column: a plan table's rows under a header naming a deadline column (phutho.gov.vn: the
# table copied a cell a line; the readers give cells joined by " | ")
PHUTHO_TABLE = ("TT\n\nNội dung công việc chủ yếu tiến hành công tác bầu cử\n\nSố ngày chậm nhất phải hoàn thành "
                "trước (sau) ngày BC theo Luật Bầu cử\n\nNgày chậm nhất phải hoàn thành\n\n1\n\nTriển khai công "
                "tác bầu cử ở tỉnh\n\nTriệu tập đủ thành phần ở cấp tỉnh, cấp huyện dự Hội nghị trực tuyến.\n\n \n\n"
                "21/01/2021\n\n2\n\nTriển khai công tác bầu cử ở cấp huyện\n\nMở hội nghị triển khai công tác bầu "
                "cử ở huyện, thành, thị.\n\n \n\n27/01/2021")
PIPE_TABLE = ("STT | Nội dung công việc | Cơ quan chủ trì | Thời gian hoàn thành\n"
              "1 | Xây dựng kế hoạch chuyển đổi số của tỉnh | Sở Thông tin và Truyền thông | Quý IV/2024\n"
              "2 | Rà soát thủ tục hành chính | Văn phòng UBND tỉnh | Trước ngày 15/11/2024\n"
              "3 | Tuyên truyền, phổ biến | Sở Văn hóa | Thường xuyên")


@pytest.mark.parametrize("text,ref,want", [
    (PHUTHO_TABLE, date(2021, 1, 15), [("1", "Triển khai công tác bầu cử ở tỉnh", (), date(2021, 1, 21)),
                                       ("2", "Triển khai công tác bầu cử ở cấp huyện", (), date(2021, 1, 27))]),
    (PIPE_TABLE, date(2024, 9, 1), [("1", "Xây dựng kế hoạch", ("Sở Thông tin và Truyền thông",), date(2024, 12, 31)),
                                    ("2", "Rà soát thủ tục", ("Văn phòng UBND tỉnh",), date(2024, 11, 15))]),
])
def test_rows_of_a_plan_table_take_the_deadline_of_their_column(text, ref, want):
    got = [(t.ordinal, t.text, t.assignees, t.deadline) for t in _tasks(text, ref)
           if t.rule == "table_deadline_column"]
    assert [(g[0], g[1][:len(w[1])], g[2], g[3]) for g, w in zip(got, want)] == want
    assert len(got) == len(want)


@pytest.mark.parametrize("text", [
    "Thời gian\n\n20/11/2024\n\nĐịa điểm\n\nHội trường UBND tỉnh",                  # no deadline column
    "STT | Nội dung | Kết quả\n1 | Rà soát thủ tục hành chính | 20/11/2024",          # none either
    "Thời gian hoàn thành các dự án trọng điểm được rút ngắn\n\n1\n\nCầu Bình Minh\n\n20/11/2024",  # a sentence
    "STT | Nội dung | Thời gian hoàn thành\n1 | Tuyên truyền, phổ biến | Thường xuyên",    # no date in it
])
def test_no_table_rows_without_a_deadline_column_header_and_a_date_in_it(text):
    assert [t for t in _tasks(text, date(2024, 9, 1)) if t.rule == "table_deadline_column"] == []


# timed_directive: an imperative opening a clause after ";" directs too (baophapluat.vn, Quảng Bình)
@pytest.mark.parametrize("text,ref,due", [
    ("Về công tác sắp xếp cán bộ, lãnh đạo cấp huyện sẽ là nòng cốt tại các phường, xã mới; bố trí cán bộ chủ "
     "chốt cấp xã, phường đúng quy định; ưu tiên cán bộ trẻ, cán bộ nữ, hoàn thành trước ngày 1/7/2025.",
     date(2025, 5, 20), date(2025, 7, 1)),
    ("Năm 2024, tỉnh đã hoàn thành 300 căn nhà; bố trí vốn 20 tỷ đồng trong năm 2023.", date(2024, 12, 1), None),
    ("Kết quả năm 2024: 95% hồ sơ được giải quyết đúng hạn; tỷ lệ hài lòng đạt 98%.", date(2024, 12, 1), None),
])
def test_an_imperative_after_a_semicolon_makes_a_dated_sentence_a_directive(text, ref, due):
    got = [t.deadline for t in _tasks(text, ref) if t.rule == "timed_directive"]
    assert got == ([due] if due else [])
