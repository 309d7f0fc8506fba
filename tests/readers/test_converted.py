"""Old Word, OpenDocument, RTF and PDF versions of one document give its facts; scans within a tolerance."""
from __future__ import annotations

import pytest

from chidao import extract
from chidao.errors import InputError, MissingToolError
from chidao.readers import read_bytes
from chidao.readers import ocr as ocr_mod
from chidao.readers import office as office_mod
from tests.readers.samples import fact_keys, page_png, png


@pytest.mark.parametrize("ext", ["doc", "odt", "rtf"])
def test_libreoffice_formats_read_like_the_docx(converted, plain, ext):
    result = read_bytes(converted[ext], f"ketluan.{ext}")
    assert result.format == ext
    assert result.text == plain
    assert result.meta["converted_with"].startswith("LibreOffice")


def test_text_pdf_facts_match_the_plain_text(converted, plain):
    result = read_bytes(converted["pdf"], "ketluan.pdf")
    assert result.meta["pages"] >= 2
    assert "ocr_pages" not in result.meta
    assert fact_keys(extract(result.text).to_dict()) == fact_keys(extract(plain).to_dict())


@pytest.mark.parametrize("line", [
    "Số 2153-KL/TU",
    "Quảng Ngãi, ngày 20 tháng 3 năm 2024",                         # a wrapped header cell joined
    "Chỉ số sản xuất công nghiệp tăng 20,8%",
    "a) Sở Kế hoạch và Đầu tư chủ trì, hoàn thành trước ngày 30/6/2024;",   # label and text joined
    "- Lưu Văn phòng Tỉnh ủy.",
    "Đặng Ngọc Huy",
])
def test_text_pdf_lines_broken_inside_sentences_are_joined(converted, line):
    text = read_bytes(converted["pdf"], "ketluan.pdf").text
    assert line in text
    assert "Chỉ số sản xuất công nghiệp tăng 20,8%; sản xuất nông nghiệp" in text


def _recall(got: set, expected: set) -> float:
    return len(got & expected) / len(expected) if expected else 1.0


# OCR tolerance: on a 200 dpi scan with 1 % speckle noise, at least 80 % of the references and
# people of the same pages read from the text layer, the document's number and date, and no page
# flagged for review.
def test_scanned_pdf_facts_match_the_text_layer_within_tolerance(scanned, converted):
    import io

    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(converted["pdf"])
    first_two = pdfium.PdfDocument.new()
    first_two.import_pages(src, [0, 1])
    buf = io.BytesIO()
    first_two.save(buf)
    expected = fact_keys(extract(read_bytes(buf.getvalue(), "two_pages.pdf").text).to_dict())
    result = read_bytes(scanned, "scan.pdf")
    got = fact_keys(extract(result.text).to_dict())
    assert result.meta["ocr_pages"] == [1, 2]
    assert all(c is not None and c > 80 for c in result.meta["ocr_confidence"])
    assert result.meta["low_confidence_pages"] == []
    assert got["document"] == expected["document"]
    assert _recall(got["references"], expected["references"]) >= 0.8
    assert _recall(got["people"], expected["people"]) >= 0.8


def test_image_of_a_page_is_read_by_ocr(converted):
    result = read_bytes(page_png(converted["pdf"], 0, dpi=150), "anh_chup.png")
    assert result.format == "png"
    assert "Số 2153-KL/TU" in result.text
    assert result.meta["ocr_confidence"][0] > 70


def test_image_with_no_text_says_to_scan_again():
    if not ocr_mod.shutil.which("tesseract"):
        pytest.skip("Tesseract is not installed")
    with pytest.raises(InputError, match="no text was found in the image"):
        read_bytes(png(400, 300), "trang.png")


def test_missing_libreoffice_names_the_debian_package(monkeypatch, converted):
    monkeypatch.setattr(office_mod.shutil, "which", lambda exe: None)
    with pytest.raises(MissingToolError, match="libreoffice-writer-nogui"):
        read_bytes(converted["doc"], "ketluan.doc")


def test_missing_tesseract_names_the_debian_packages(monkeypatch):
    monkeypatch.setattr(ocr_mod.shutil, "which", lambda exe: None)
    with pytest.raises(MissingToolError, match="tesseract-ocr-vie"):
        read_bytes(png(40, 30), "scan.png")


def test_missing_vietnamese_model_names_its_debian_package(monkeypatch):
    monkeypatch.setattr(ocr_mod.shutil, "which", lambda exe: "/usr/bin/tesseract")
    monkeypatch.setattr(ocr_mod, "_languages", lambda exe: frozenset({"eng", "osd"}))
    with pytest.raises(MissingToolError, match="install the Debian package tesseract-ocr-vie"):
        read_bytes(png(40, 30), "scan.png")


def test_damaged_doc_says_what_to_do():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "WordDocument".encode("utf-16-le")
    if not office_mod.shutil.which("soffice"):
        pytest.skip("LibreOffice is not installed")
    with pytest.raises(InputError, match="save it as .docx"):
        read_bytes(data, "hong.doc")
