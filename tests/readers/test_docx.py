"""A .docx reads as printed: list numbers, tables as rows of cells, header and signature blocks."""
from __future__ import annotations

import io
import zipfile

import pytest

from chidao import extract
from chidao.errors import InputError
from chidao.readers import read_bytes
from chidao.readers.docx import docx_text, format_number
from tests.readers.samples import fact_keys


@pytest.mark.parametrize("n, fmt, printed", [
    (1, "decimal", "1"), (12, "decimal", "12"), (3, "decimalZero", "03"),
    (1, "lowerLetter", "a"), (4, "lowerLetter", "d"), (27, "lowerLetter", "aa"),
    (2, "upperLetter", "B"), (4, "upperRoman", "IV"), (9, "lowerRoman", "ix"), (14, "upperRoman", "XIV"),
])
def test_list_counter_is_printed_in_its_format(n, fmt, printed):
    assert format_number(n, fmt) == printed


def test_docx_text_equals_the_plain_text_of_the_same_document(docx_bytes, plain):
    text, _ = docx_text(docx_bytes)
    assert text == plain


@pytest.mark.parametrize("line", [
    "1. Chú trọng lãnh đạo, chỉ đạo điều hành",           # a Word "List Number" item, numbered by Word
    "9. Thực hiện tốt công tác tuyên truyền",
    "a) Sở Kế hoạch và Đầu tư chủ trì, hoàn thành trước ngày 30/6/2024;",
    "b) Sở Tài chính báo cáo kết quả trong Quý III/2024.",
    "Chỉ số sản xuất công nghiệp | tăng 20,8% | so với cùng kỳ",   # a bordered table row
    "Số 2153-KL/TU",                                     # header block, a line of its own
    "T/M BAN THƯỜNG VỤ",                                  # signature block, a line each
    "Đặng Ngọc Huy",
])
def test_docx_lines_are_as_printed(docx_bytes, line):
    lines = docx_text(docx_bytes)[0].splitlines()
    assert any(ln.startswith(line) for ln in lines)


def test_docx_numbers_are_not_invented_for_plain_paragraphs(docx_bytes):
    lines = docx_text(docx_bytes)[0].splitlines()
    assert "KẾT LUẬN" in lines
    assert not any(ln.startswith("10. ") for ln in lines)


def test_docx_facts_match_the_plain_text(docx_bytes, plain):
    got = fact_keys(extract(read_bytes(docx_bytes, "kl.docx").text).to_dict())
    assert got == fact_keys(extract(plain).to_dict())


def _docx_with_body(body_xml: str) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    doc = f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body>{body_xml}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", doc)
    return buf.getvalue()


@pytest.mark.parametrize("body, expected", [
    # tracked deletion dropped, insertion kept
    ('<w:p><w:r><w:t>Giao Sở </w:t></w:r><w:del><w:r><w:delText>Xây dựng</w:delText></w:r></w:del>'
     '<w:ins><w:r><w:t>Tài chính</w:t></w:r></w:ins></w:p>', "Giao Sở Tài chính\n"),
    # a soft line break inside a signature paragraph
    ('<w:p><w:r><w:t>KT. CHỦ TỊCH</w:t><w:br/><w:t>PHÓ CHỦ TỊCH</w:t></w:r></w:p>', "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"),
    # hidden text is not printed
    ('<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r><w:r><w:t>hiện</w:t></w:r></w:p>', "hiện\n"),
    # a text box read after its paragraph
    ('<w:p><w:r><w:t>Nơi nhận:</w:t></w:r><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>TM. BAN THƯỜNG VỤ'
     '</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></w:p>', "Nơi nhận:\nTM. BAN THƯỜNG VỤ\n"),
    # runs of empty paragraphs become one blank line
    ('<w:p><w:r><w:t>A</w:t></w:r></w:p><w:p/><w:p/><w:p/><w:p><w:r><w:t>B</w:t></w:r></w:p>', "A\n\nB\n"),
])
def test_docx_word_markup_reads_as_printed(body, expected):
    assert docx_text(_docx_with_body(body))[0] == expected


def test_truncated_docx_says_to_ask_for_the_file_again(docx_bytes):
    with pytest.raises(InputError, match="damaged or cut short"):
        read_bytes(docx_bytes[: len(docx_bytes) // 3], "kl.docx")
