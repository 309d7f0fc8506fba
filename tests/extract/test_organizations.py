"""Bodies: abbreviations folded to one canonical name, parents, a shared regex, and the extractor."""
from __future__ import annotations

import re

import pytest

from chidao.extract.document import Document
from chidao.extract import organizations
from chidao.lexicon.bodies import body_pattern, canonical_body, parent_of


@pytest.mark.parametrize(
    "surface, canonical",
    [
        ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
        ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
        ("uỷ ban nhân dân TỈNH", "Ủy ban nhân dân tỉnh"),
        ("UBND tỉnh Quảng Nam", "Ủy ban nhân dân tỉnh"),
        ("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
        ("Thường trực HĐND tỉnh", "Thường trực Hội đồng nhân dân tỉnh"),
        ("UBKT Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"),
        ("UBKT Tỉnh uỷ", "Ủy ban Kiểm tra Tỉnh ủy"),
        ("UBKT Trung ương", "Ủy ban Kiểm tra Trung ương"),
        ("BTV Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"),
        ("BTV Tỉnh uỷ", "Ban Thường vụ Tỉnh ủy"),
        ("Ban thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"),
        ("BTVTU", "Ban Thường vụ Tỉnh ủy"),
        ("Tỉnh ủy Nghệ An", "Tỉnh ủy"),
        ("Ban Tổ chức Tỉnh ủy Nghệ An", "Ban Tổ chức Tỉnh ủy"),
        ("MTTQ", "Mặt trận Tổ quốc Việt Nam"),
        ("Ủy ban MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("Ban cán sự đảng UBND tỉnh", "Ban cán sự đảng Ủy ban nhân dân tỉnh"),
        ("Đảng đoàn HĐND tỉnh", "Đảng đoàn Hội đồng nhân dân tỉnh"),
        ("sở, ban, ngành", "sở, ban, ngành"),
        ("Các sở, ban, ngành của tỉnh", "sở, ban, ngành"),
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở Du lịch", "Sở Du lịch"),
        ("Các cơ quan chuyên trách TMGV Tỉnh ủy", "Các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy"),
        ("Đoàn ĐBQH tỉnh", "Đoàn Đại biểu Quốc hội tỉnh"),
        ("VPTU", "Văn phòng Tỉnh ủy"),
        ("UBND các huyện, thị xã, thành phố", "Ủy ban nhân dân các huyện, thị xã, thành phố"),
        # not bodies
        ("Nghệ An", None),
        ("Tỉnh ủy viên", None),
        ("Nguyễn Văn A", None),
        ("", None),
        ("hội nghị", None),
    ],
)
def test_canonical_body_folds_abbreviations_case_and_tones(surface: str, canonical: str | None) -> None:
    assert canonical_body(surface) == canonical


@pytest.mark.parametrize(
    "canonical, parent",
    [
        ("Ban Thường vụ Tỉnh ủy", "Tỉnh ủy"),
        ("Ủy ban Kiểm tra Tỉnh ủy", "Tỉnh ủy"),
        ("Thường trực Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"),
        ("Sở Tài chính", "Ủy ban nhân dân tỉnh"),
        ("Sở Du lịch", "Ủy ban nhân dân tỉnh"),
        ("sở, ban, ngành", "Ủy ban nhân dân tỉnh"),
        ("Thường trực Hội đồng nhân dân tỉnh", "Hội đồng nhân dân tỉnh"),
        ("Tỉnh ủy", None),
        ("Ủy ban nhân dân tỉnh", None),
        ("không phải cơ quan", None),
    ],
)
def test_parent_of_names_the_body_above(canonical: str, parent: str | None) -> None:
    assert parent_of(canonical) == parent


@pytest.mark.parametrize(
    "text",
    ["Ban Thường vụ Tỉnh ủy", "BTV Tỉnh ủy", "Ban cán sự đảng UBND tỉnh", "UBND tỉnh", "Ủy ban nhân dân tỉnh",
     "sở, ban, ngành", "Sở Tài nguyên và Môi trường", "UBKT Tỉnh ủy", "Đảng đoàn HĐND tỉnh"],
)
def test_body_pattern_matches_the_whole_name(text: str) -> None:
    m = re.compile(body_pattern(), re.IGNORECASE | re.VERBOSE).search(f"giao {text} thực hiện")
    assert m is not None and m.group(0) == text


@pytest.mark.parametrize("text", ["Tỉnh ủyviên", "Nguyễn Văn Sở", "UBNDtỉnh"])
def test_body_pattern_needs_word_edges(text: str) -> None:
    assert re.compile(body_pattern(), re.IGNORECASE | re.VERBOSE).fullmatch(text) is None


def test_one_organization_per_canonical_name_with_every_alias_and_mention() -> None:
    text = "Ban cán sự đảng UBND tỉnh báo cáo Ban Thường vụ Tỉnh ủy; BTV Tỉnh uỷ giao Ủy ban nhân dân tỉnh."
    doc = Document(text)
    organizations.run(doc)
    orgs = {o.name: o for o in doc.facts["organizations"]}
    assert set(orgs) == {"Ban cán sự đảng Ủy ban nhân dân tỉnh", "Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân tỉnh"}
    btv = orgs["Ban Thường vụ Tỉnh ủy"]
    assert btv.aliases == ("Ban Thường vụ Tỉnh ủy", "BTV Tỉnh uỷ")
    assert [text[m.start:m.end] for m in btv.mentions] == ["Ban Thường vụ Tỉnh ủy", "BTV Tỉnh uỷ"]
    # "UBND tỉnh" inside the Party group's name is not a mention of the committee itself
    assert [text[m.start:m.end] for m in orgs["Ủy ban nhân dân tỉnh"].mentions] == ["Ủy ban nhân dân tỉnh"]
    assert {o.rule for o in doc.facts["organizations"]} <= {r.name for r in organizations.RULES}


@pytest.mark.parametrize(
    "text, names",
    [
        ("Giám đốc Sở Văn hóa, Thể thao và Du lịch báo cáo", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Sở Ngoại vụ chủ trì", ["Sở Ngoại vụ"]),
        ("các đồng chí Tỉnh ủy viên dự", []),
        ("Nguyễn Văn Sở phát biểu", []),
    ],
)
def test_departments_and_non_bodies(text: str, names: list[str]) -> None:
    doc = Document(text)
    organizations.run(doc)
    assert [o.name for o in doc.facts["organizations"]] == names
