"""The format is decided by content; a name that contradicts the content is refused with advice."""
from __future__ import annotations

import io
import zipfile

import pytest

from chidao.errors import InputError, UnsupportedFormatError
from chidao.readers.sniff import sniff, sniff_content


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


OLE_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "WordDocument".encode("utf-16-le")


@pytest.mark.parametrize("data, expected", [
    (b"%PDF-1.7\n...", "pdf"),
    (_zip({"word/document.xml": b"<w:document/>", "[Content_Types].xml": b"<Types/>"}), "docx"),
    (_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}), "odt"),
    (OLE_DOC, "doc"),
    (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}}", "rtf"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "png"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
    (b"II*\x00\x08\x00\x00\x00", "tiff"),
    (b"<!DOCTYPE html><html><head><title>Tin</title></head></html>", "html"),
    ("Kết luận số 12-KL/TU ngày 5/3/2024".encode("utf-8"), "txt"),
    ("Kết luận".encode("utf-16"), "txt"),
])
def test_content_decides_the_format(data, expected):
    assert sniff_content(data) == expected


@pytest.mark.parametrize("data, name", [
    (b"%PDF-1.4\n", "ketluan.docx"),
    ("Kết luận số 12-KL/TU".encode("utf-8"), "ketluan.pdf"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "ketluan.doc"),
])
def test_content_not_matching_the_extension_is_refused(data, name):
    with pytest.raises(InputError, match="rename it to"):
        sniff(data, name)


@pytest.mark.parametrize("data, name, expected", [
    (b"{\\rtf1\\ansi }", "old.doc", "rtf"),             # Word saves RTF under .doc
    (b"<html><body><p>x</p></body></html>", "saved.doc", "html"),
    (b"%PDF-1.4\n", "no_extension", "pdf"),
    (b"%PDF-1.4\n", "scan.PDF", "pdf"),
])
def test_content_that_word_opens_under_that_name_is_read(data, name, expected):
    assert sniff(data, name) == expected


def test_truncated_docx_is_a_damaged_file():
    data = _zip({"word/document.xml": b"<w:document/>" * 200})
    with pytest.raises(InputError, match="damaged or cut short"):
        sniff(data[: len(data) // 2], "ketluan.docx")


@pytest.mark.parametrize("data", [
    _zip({"xl/workbook.xml": b"<workbook/>"}),
    _zip({"readme.txt": b"hello"}),
    bytes(range(256)) * 4,
])
def test_content_chidao_does_not_read_is_unsupported(data):
    with pytest.raises(UnsupportedFormatError):
        sniff(data, "file")


def test_utf16_text_without_a_byte_order_mark_is_read_as_text(tmp_path):
    from chidao.readers import read_path

    text = "Ngày 14-7, đồng chí Nguyễn Đức Thanh chủ trì Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12.\n"
    path = tmp_path / "bomless.txt"
    path.write_bytes(text.encode("utf-16-le"))
    result = read_path(path)
    assert result.text == text
    assert result.meta["encoding"] == "utf-16"
