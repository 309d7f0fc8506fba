"""One entry point for reading a file into text as read, whatever its format.

``read_path`` checks the path (exists, a file, not empty, under the size limit), chooses a reader
by content, and returns the text with its metadata. Plain text goes through ``chidao.text.decode``.
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
    """Read the bytes of a file called ``name``."""
    from chidao.text.decode import decode_bytes

    decoded = decode_bytes(data, encoding=encoding, name=name)
    return ReadResult(path=name, text=decoded.text, format="txt",
                      sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                      meta={"encoding": decoded.encoding})
