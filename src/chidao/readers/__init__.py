"""One entry point for reading a file into text as read, whatever its format.

``read_path`` checks the path (exists, a file, not empty, under the size limit), chooses a reader
by content (``sniff``), and returns the text with its metadata. Plain text goes through
``chidao.text.decode``; .docx through ``docx``; .doc/.odt/.rtf through LibreOffice (``office``);
PDF through pypdfium2 (``pdf``) with OCR (``ocr``) for pages without a text layer; images through
Tesseract; HTML news pages through trafilatura (``html``).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chidao.config import DEFAULT_MAX_BYTES
from chidao.errors import InputError


@dataclass(frozen=True)
class ReadResult:
    """The text as read from a file, what format it was, and what the reader learnt about it."""

    path: str
    text: str
    format: str                      # "txt", "docx", "pdf", "html" ...
    sha256: str                      # of the original file's bytes
    size: int
    meta: dict[str, Any] = field(default_factory=dict)  # encoding, title, author, published, ocr ...
    data: bytes = field(default=b"", repr=False, compare=False)  # the original file, to store beside


def read_path(path: str | Path, *, encoding: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read ``path`` into text; raise an ``InputError`` whose message says what to do."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError("no such file; check the path", name)
    if p.is_dir():
        raise InputError("is a directory; name the files in it (or use 'chidao ingest' for folders)", name)
    size = p.stat().st_size
    if size == 0:
        raise InputError("the file is empty; nothing to read", name)
    if size > max_bytes:
        raise InputError(
            f"the file is {size:,} bytes, over the limit of {max_bytes:,}; "
            "raise it with --max-bytes or CHIDAO_MAX_INPUT_BYTES", name)
    data = p.read_bytes()
    return read_bytes(data, name, encoding=encoding)


def read_bytes(data: bytes, name: str, *, encoding: str | None = None) -> ReadResult:
    """Read the bytes of a file called ``name``; its content decides the reader.

    ``meta`` always has ``pages`` (1 for text and HTML) and ``converted_with`` (the tool that turned
    the file into text); HTML adds ``title``, ``published`` (ISO date), ``author``, ``url``; OCR adds
    ``ocr_pages``, ``ocr_confidence`` (per page, None for pages with a text layer) and
    ``low_confidence_pages`` (1-based) for the reviewer.
    """
    from chidao.readers.sniff import sniff

    if not data:
        raise InputError("the file is empty; nothing to read", name)
    fmt = sniff(data, name)
    meta: dict[str, Any]
    if fmt == "txt":
        from chidao.text.decode import decode_bytes

        decoded = decode_bytes(data, encoding=encoding, name=name)
        text, meta = decoded.text, {"encoding": decoded.encoding, "pages": 1, "converted_with": "chidao.text.decode"}
    elif fmt == "html":
        from chidao.readers.html import html_text

        text, meta = html_text(data, name)
        meta.setdefault("pages", 1)
    elif fmt == "docx":
        from chidao.readers.docx import docx_text

        text, meta = docx_text(data, name)
        meta.pop("application", None)
        meta["converted_with"] = "chidao.readers.docx"
    elif fmt in ("doc", "odt", "rtf"):
        from chidao.readers.office import office_text

        text, meta = office_text(data, fmt, name)
    elif fmt == "pdf":
        from chidao.readers.pdf import pdf_text

        text, meta = pdf_text(data, name)
    else:                                   # an image: png, jpeg, tiff, bmp, gif, webp
        from chidao.readers.ocr import image_text

        text, meta = image_text(data, name)
    if not text.strip():
        raise InputError(f"no text was found in the {fmt} file; check it is the right file", name)
    meta = {k: v for k, v in meta.items() if v is not None}
    return ReadResult(path=name, text=text, format=fmt, sha256=hashlib.sha256(data).hexdigest(),
                      size=len(data), meta=meta, data=data)
