"""Read a PDF: the text layer with pypdfium2, pages without one through OCR."""
from __future__ import annotations

from typing import Any

from chidao.errors import InputError
from chidao.readers.layout import Line, Page, paragraphs

MIN_TEXT_CHARS = 16        # a page with fewer printed characters than this is taken as scanned
OCR_DPI = 300


def _open(data: bytes, name: str | None) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg or "security" in msg:
            raise InputError("the PDF is encrypted with a password; open it, print or save it as a PDF "
                             "without a password, and read that", name) from None
        raise InputError("the PDF is damaged or cut short and cannot be opened; ask the sender for "
                         "the file again", name) from None


def page_lines(textpage: Any, page_height: float) -> list[Line]:
    """The printed lines of one page with their boxes (y measured down from the top)."""
    n = textpage.count_chars()
    if n <= 0:
        return []
    text = textpage.get_text_range(0, n)
    aligned = len(text) == n           # one char of text per char index: boxes can be looked up
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        content = raw.rstrip("\r")
        if not content.strip():
            continue
        if not aligned:
            lines.append(Line(content))
            continue
        lines.extend(_segments(textpage, content, start, page_height))
    return lines


def _box(textpage: Any, index: int) -> tuple[float, float, float, float] | None:
    import pypdfium2 as pdfium

    try:
        return textpage.get_charbox(index)
    except pdfium.PdfiumError:          # pdfium has no box for this char
        return None


def _segments(textpage: Any, content: str, start: int, page_h: float) -> list[Line]:
    """One printed line as pdfium gives it, split where a wide gap separates table cells."""
    import pypdfium2 as pdfium

    pieces: list[tuple[int, int]] = []            # [a, b) offsets into content, non-space ends
    a = len(content) - len(content.lstrip())
    end = len(content.rstrip())
    first_box = _box(textpage, start + a)
    last_box = _box(textpage, start + end - 1)
    if first_box is None or last_box is None:
        return [Line(content.strip())]
    try:
        loose = textpage.get_charbox(start + a, loose=True)
        em = max(loose[3] - loose[1], 1.0)       # the font size, near enough
    except pdfium.PdfiumError:
        em = max((last_box[2] - first_box[0]) / max(end - a, 1) * 2, 1.0)
    i = a
    while i < end:
        if content[i] == " ":
            j = i
            while j < end and content[j] == " ":
                j += 1
            left, right = _box(textpage, start + i - 1), _box(textpage, start + j)
            if left is not None and right is not None and right[0] - left[2] > 1.0 * em:
                pieces.append((a, i))
                a = j
            i = j
        else:
            i += 1
    pieces.append((a, end))
    out = []
    for pa, pb in pieces:
        b0 = _box(textpage, start + pa) if pa != pieces[0][0] else first_box
        b1 = _box(textpage, start + pb - 1) if pb != end else last_box
        if b0 is None or b1 is None:
            out.append(Line(content[pa:pb]))
            continue
        out.append(Line(content[pa:pb], min(b0[0], b1[0]), max(b0[2], b1[2]),
                        page_h - max(b0[3], b1[3]), page_h - min(b0[1], b1[1])))
    return out


def _has_images(page: Any) -> bool:
    import pypdfium2.raw as pdfium_c

    for _obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        return True
    return False


def pdf_text(data: bytes, name: str | None = None, *, ocr: bool = True,
             ocr_lang: str = "vie") -> tuple[str, dict[str, Any]]:
    """The text of a PDF and its metadata: pages, which were read by OCR and how confidently."""
    pdf = _open(data, name)
    try:
        meta: dict[str, Any] = {"pages": len(pdf)}
        info = pdf.get_metadata_dict(skip_empty=True)
        if info.get("Title"):
            meta["title"] = info["Title"]
        if info.get("Author"):
            meta["author"] = info["Author"]
        producer = " ".join(v for v in (info.get("Creator"), info.get("Producer")) if v)
        if producer:
            meta["producer"] = producer
        pages: list[Page] = []
        scanned: list[int] = []
        for i in range(len(pdf)):
            page = pdf[i]
            _, height = page.get_size()
            textpage = page.get_textpage()
            lines = page_lines(textpage, height)
            chars = sum(len(ln.text.strip()) for ln in lines)
            if chars < MIN_TEXT_CHARS and _has_images(page):
                scanned.append(i)
            pages.append(Page(tuple(lines), height))
        if scanned and ocr:
            from chidao.readers.ocr import ocr_pdf_pages

            ocr_pages, ocr_meta = ocr_pdf_pages(pdf, scanned, name=name, lang=ocr_lang, dpi=OCR_DPI)
            for i, page in zip(scanned, ocr_pages):
                pages[i] = page
            meta.update(ocr_meta)
            meta["converted_with"] = ocr_meta.get("ocr_engine", "Tesseract")
        elif scanned:
            meta["pages_without_text"] = [i + 1 for i in scanned]
        meta.setdefault("converted_with", "pypdfium2")
    finally:
        pdf.close()
    text = paragraphs(pages)
    if not text.strip():
        raise InputError("the PDF has no text to read (blank, or images without words); check it is "
                         "the right file, or scan the paper copy again at 300 dpi", name)
    return text, meta
