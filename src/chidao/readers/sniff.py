"""Decide a file's format from its content (magic bytes, zip members), then check its extension."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from chidao.errors import InputError, UnsupportedFormatError
from chidao.text.decode import utf16_byte_order

# Formats chidao reads. "zip" (a zip that is no office document) and "binary" are refused.
TEXT_FORMATS = ("txt", "html")
OFFICE_FORMATS = ("docx", "odt", "doc", "rtf")
IMAGE_FORMATS = ("png", "jpeg", "tiff", "bmp", "gif", "webp")

# What each extension promises, and what content we still accept under it because Word and
# LibreOffice open it the same way (".doc" files saved as RTF or HTML by old Word are common).
EXTENSIONS: dict[str, tuple[str, ...]] = {
    ".txt": ("txt", "html"), ".text": ("txt",), ".csv": ("txt",), ".md": ("txt",),
    ".htm": ("html", "txt"), ".html": ("html", "txt"), ".xhtml": ("html",), ".shtml": ("html",),
    ".php": ("html",), ".asp": ("html",), ".aspx": ("html",),
    ".docx": ("docx",), ".docm": ("docx",), ".dotx": ("docx",),
    ".doc": ("doc", "rtf", "html", "docx"), ".dot": ("doc", "rtf"),
    ".odt": ("odt",), ".ott": ("odt",), ".fodt": ("odt",),
    ".rtf": ("rtf", "doc", "docx"),
    ".pdf": ("pdf",),
    ".png": ("png",), ".jpg": ("jpeg",), ".jpeg": ("jpeg",), ".jpe": ("jpeg",),
    ".tif": ("tiff",), ".tiff": ("tiff",), ".bmp": ("bmp",), ".gif": ("gif",), ".webp": ("webp",),
}

_EXT_OF = {"txt": ".txt", "html": ".html", "docx": ".docx", "odt": ".odt", "doc": ".doc",
           "rtf": ".rtf", "pdf": ".pdf", "png": ".png", "jpeg": ".jpg", "tiff": ".tif",
           "bmp": ".bmp", "gif": ".gif", "webp": ".webp"}

_LABEL = {"txt": "plain text", "html": "an HTML page", "docx": "a Word (.docx) document",
          "odt": "an OpenDocument text", "doc": "a Word 97-2003 (.doc) document",
          "rtf": "an RTF document", "pdf": "a PDF", "png": "a PNG image", "jpeg": "a JPEG image",
          "tiff": "a TIFF image", "bmp": "a BMP image", "gif": "a GIF image",
          "webp": "a WebP image", "zip": "a zip archive", "binary": "binary data",
          "xlsx": "an Excel workbook", "xls": "an Excel or PowerPoint 97-2003 file",
          "pptx": "a PowerPoint presentation", "ods": "an OpenDocument spreadsheet"}

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_RE = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<div[\s>]|<p[\s>]",
                      re.IGNORECASE)


def label(fmt: str) -> str:
    """How a format is named in a message to the user."""
    return _LABEL.get(fmt, fmt)


def sniff_content(data: bytes) -> str:
    """The format of ``data`` judged by content alone."""
    head = data[:4096]
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n\x00")
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(data)
    if head.startswith(_OLE2):
        return _sniff_ole(data)
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"BM") and len(head) > 26 and head[14:15] in (b"\x0c", b"(", b"@", b"l", b"|"):
        return "bmp"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if stripped.startswith(b"<?xml") and b"office:document" in head:
        return "odt"
    if _looks_binary(head):
        return "binary"
    if _HTML_RE.search(head[:2048]) or _HTML_RE.search(data[:65536]) and stripped.startswith(b"<"):
        return "html"
    return "txt"


def _looks_binary(head: bytes) -> bool:
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):      # UTF-16 text with a BOM
        return False
    if utf16_byte_order(head[: len(head) // 2 * 2]):      # UTF-16 text without one
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 27 or 27 < b < 32)
    return controls > len(head) * 0.05


def _sniff_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError):
        return "broken-zip"
    if "word/document.xml" in names:
        return "docx"
    if mimetype.startswith("application/vnd.oasis.opendocument.text"):
        return "odt"
    if mimetype.startswith("application/vnd.oasis.opendocument.spreadsheet"):
        return "ods"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    return "zip"


def _sniff_ole(data: bytes) -> str:
    # A compound file: Word 97-2003 stores its text in the "WordDocument" stream, whose name is
    # written in UTF-16 in the directory sector.
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "encrypted-office"
    return "xls"


def sniff(data: bytes, name: str | None = None) -> str:
    """The format to read ``data`` as; raise ``InputError`` when content and extension disagree.

    The content decides. The extension only refuses content it cannot hold (a ".pdf" that is a
    zip, a ".docx" that is text), because such a file was misnamed or damaged in transit.
    """
    fmt = sniff_content(data)
    ext = PurePath(name).suffix.lower() if name else ""
    if fmt == "broken-zip":
        if ext in (".docx", ".docm", ".dotx", ".odt", ".ott"):
            raise InputError(f"the {ext} file is damaged or cut short (its zip structure is broken); "
                             "ask the sender for the file again or re-save it from Word", name)
        raise InputError("the file looks like a zip archive but is damaged or cut short; "
                         "ask the sender for the file again", name)
    if fmt == "encrypted-office":
        raise InputError("the Office document is protected by a password; save a copy without the "
                         "password and read that", name)
    if fmt in ("zip", "binary", "xlsx", "xls", "pptx", "ods"):
        raise UnsupportedFormatError(
            f"the content is {label(fmt)}, which chidao does not read; give it a conclusion as "
            ".docx, .doc, .odt, .rtf, .pdf, an image, .html or .txt", name)
    accepted = EXTENSIONS.get(ext)
    if accepted is not None and fmt not in accepted:
        raise InputError(
            f"the name says {ext} but the content is {label(fmt)}; rename it to "
            f"{_EXT_OF.get(fmt, '.' + fmt)} if that is right, or ask the sender for the file again", name)
    return fmt
