"""Samples built once per test session (LibreOffice and OCR are slow); skipped without the tools."""
from __future__ import annotations

import shutil

import pytest

from tests.readers import samples


def _need_soffice() -> None:
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (Debian libreoffice-writer-nogui) is not installed")


@pytest.fixture(scope="session")
def spec(seeds_dir):
    return samples.seed_spec("004")


@pytest.fixture(scope="session")
def plain(spec) -> str:
    return samples.plain_text(spec)


@pytest.fixture(scope="session")
def docx_bytes(spec) -> bytes:
    return samples.build_docx(spec)


@pytest.fixture(scope="session")
def converted(docx_bytes) -> dict[str, bytes]:
    """The sample .docx converted by LibreOffice to .doc, .odt, .rtf and .pdf."""
    _need_soffice()
    return {ext: samples.soffice_convert(docx_bytes, ".docx", ext) for ext in ("doc", "odt", "rtf", "pdf")}


@pytest.fixture(scope="session")
def scanned(converted) -> bytes:
    if not shutil.which("tesseract"):
        pytest.skip("Tesseract (Debian tesseract-ocr, tesseract-ocr-vie) is not installed")
    return samples.scanned_pdf(converted["pdf"], pages=2)
