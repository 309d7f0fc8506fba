"""Turn the lines of laid-out pages (PDF text layer or OCR) into paragraphs, without page furniture.

Lines broken inside a sentence are joined; a paragraph ends where a line stops short of the right
margin, the next line is indented further, starts a list item, sits after a wider gap, or jumps
back up the page (the next column of a header block). Cells side by side on one baseline are
kept as lines of their own when two (header and signature blocks), joined with " | " when three
or more (table rows). Running headers, footers and page numbers are dropped.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

CELL_SEP = " | "


@dataclass(frozen=True)
class Line:
    """One printed line; coordinates in points or pixels with y growing down the page."""

    text: str
    x0: float | None = None
    x1: float | None = None
    top: float | None = None
    bottom: float | None = None

    @property
    def has_box(self) -> bool:
        return None not in (self.x0, self.x1, self.top, self.bottom)


@dataclass(frozen=True)
class Page:
    lines: tuple[Line, ...]
    height: float | None = None


# A list item or heading as printed: "1.", "1.2.", "a)", "đ)", "II.", "-", "+", "•", "(3)", "Điều 2."
LIST_START = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđ][.)]|[IVXLC]{1,6}[.)]|\(\d{1,3}\)|\([a-zđ]\)|[-–—+•▪➢►○●]"
    r"|(?:Điều|Mục|Chương|Phần)\s+\d+|Nơi nhận|T/M|TM\.|KT\.|Q\.|TL\.|TUQ\.)(?:\s|$)")
_PAGE_NUMBER = re.compile(r"^[\W_]*(?:trang|page)?\s*\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?[\W_]*$",
                          re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_SOFT_HYPHENS = ("\u00ad", "\x02")


def _furniture_key(text: str) -> str:
    return _SPACE.sub(" ", _DIGITS.sub("#", text)).strip().lower()


def drop_furniture(pages: list[Page], edge: int = 2) -> list[Page]:
    """Pages without running headers, footers and page numbers (lines near the top or bottom)."""
    if not pages:
        return pages
    counts: dict[str, int] = {}
    for page in pages:
        seen = set()
        for line in _edge_lines(page, edge):
            key = _furniture_key(line.text)
            if key and key not in seen:
                seen.add(key)
                counts[key] = counts.get(key, 0) + 1
    need = max(2, (len(pages) + 1) // 2)
    repeated = {k for k, n in counts.items() if n >= need} if len(pages) >= 2 else set()
    out = []
    for page in pages:
        edge_ids = {id(line) for line in _edge_lines(page, edge)}
        kept = tuple(line for line in page.lines
                     if not (id(line) in edge_ids and (_PAGE_NUMBER.match(line.text.strip())
                                                       or _furniture_key(line.text) in repeated)))
        out.append(Page(kept, page.height))
    return out


def _edge_lines(page: Page, edge: int) -> list[Line]:
    lines = [ln for ln in page.lines if ln.text.strip()]
    picked = lines[:edge] + lines[-edge:] if len(lines) > edge * 2 else lines
    if page.height:
        zone = page.height * 0.12
        picked = [ln for ln in picked if not ln.has_box
                  or ln.top < zone or ln.bottom > page.height - zone]  # type: ignore[operator]
    return picked


@dataclass(frozen=True)
class _Metrics:
    left: float
    right: float
    char_width: float
    pitch: float
    height: float


def _metrics(pages: list[Page]) -> _Metrics | None:
    boxed = [ln for p in pages for ln in p.lines if ln.has_box and len(ln.text.strip()) >= 2]
    if len(boxed) < 2:
        return None
    body = [ln for ln in boxed if len(ln.text.strip()) >= 25] or boxed
    xs0 = sorted(ln.x0 for ln in body)           # type: ignore[misc]
    xs1 = sorted(ln.x1 for ln in body)           # type: ignore[misc]
    left = xs0[len(xs0) // 10]
    right = xs1[(len(xs1) * 9) // 10]
    cw = statistics.median((ln.x1 - ln.x0) / max(len(ln.text.strip()), 1) for ln in body)  # type: ignore[operator]
    heights = [ln.bottom - ln.top for ln in boxed]  # type: ignore[operator]
    pitches = []
    for p in pages:
        bl = [ln for ln in p.lines if ln.has_box]
        for a, b in zip(bl, bl[1:]):
            d = b.top - a.top                     # type: ignore[operator]
            if d > 0:
                pitches.append(d)
    height = statistics.median(heights) if heights else 10.0
    pitch = statistics.median(pitches) if pitches else height * 1.2
    return _Metrics(left, right, max(cw, 0.5), max(pitch, height), max(height, 0.5))


def _relation(a: Line, b: Line, m: _Metrics | None, same_page: bool) -> str:
    """How line ``b`` follows line ``a``: "join" (same paragraph), "cell" (same row) or "break"."""
    ta, tb = a.text.strip(), b.text.strip()
    if LIST_START.match(tb):
        return "break"
    if m is None or not (a.has_box and b.has_box):
        return "break" if ta.endswith((".", ":", ";", "!", "?")) or len(ta) < 40 else "join"
    if same_page:
        # side by side on one baseline: cells of one table row
        if abs(b.top - a.top) < m.height * 0.5 and b.x0 > a.x1 + m.char_width:   # type: ignore[operator]
            return "cell"
        if b.top < a.top - m.height * 0.5:       # type: ignore[operator]
            return "break"                        # back up the page: the next column or block
        if b.top - a.top > m.pitch * 1.45:       # type: ignore[operator]
            return "break"                        # a wider gap than between lines
    first_word = tb.split(" ", 1)[0]
    if a.x1 + (len(first_word) + 1) * m.char_width < m.right - 0.5 * m.char_width:  # type: ignore[operator]
        # the next line's first word would have fitted: the line ended by choice, not by wrapping,
        # unless it is the narrow column of a block and the sentence goes on in lower case
        if not (tb[:1].islower() and not ta.endswith((".", ":", ";", "!", "?")) and not ta.isupper()):
            return "break"
    last_word = ta.rsplit(" ", 1)[-1]
    if ta.endswith((".", ":", "!", "?")) and tb[:1].isupper() and len(last_word) > 4:
        return "break"                            # a sentence ends at the line's end ("TP." is no end)
    marker = LIST_START.match(ta)
    hang = (len(marker.group(0)) + 4) * m.char_width if marker else 2 * m.char_width
    if b.x0 > a.x0 + hang and b.x0 > m.left + 2 * m.char_width:  # type: ignore[operator]
        return "break"                            # the next line is indented: a new paragraph
    return "join"


def _join(left: str, right: str) -> str:
    left = left.rstrip()
    right = right.lstrip()
    if left.endswith(_SOFT_HYPHENS):
        return left.rstrip("".join(_SOFT_HYPHENS)) + right
    if len(left) >= 2 and left[-1] == "-" and left[-2].isalnum() and right[:1].isalnum():
        return left + right                       # "kinh tế-" + "xã hội": keep the printed hyphen
    return left + " " + right


def _clean(text: str) -> str:
    text = text.replace("\r", "").replace("\ufffe", "").replace("\x00", "")
    return "".join(c for c in text if c >= " " or c in "\t\x02") .strip()


def paragraphs(pages: list[Page], *, drop_page_furniture: bool = True) -> str:
    """The text of ``pages``: one paragraph per line, lines broken inside sentences joined."""
    if drop_page_furniture:
        pages = drop_furniture(pages)
    m = _metrics(pages)
    out: list[str] = []
    cells: list[str] = []          # the paragraph being built; more than one when cells of a row
    prev: Line | None = None
    prev_page = -1

    def flush() -> None:
        # Two cells side by side are the columns of a header or signature block: a line each.
        # Three or more are a table row: cells separated by " | ".
        if len(cells) == 2:
            out.extend(cells)
        elif cells:
            out.append(CELL_SEP.join(cells))
        cells.clear()

    for pi, page in enumerate(pages):
        for line in page.lines:
            text = _clean(line.text)
            if not text:
                continue
            line = Line(text, line.x0, line.x1, line.top, line.bottom)
            if prev is None:
                cells.append(text)
            else:
                rel = _relation(prev, line, m, same_page=pi == prev_page)
                if rel == "join":
                    cells[-1] = _join(cells[-1], text)
                elif rel == "cell":
                    last = cells[-1].strip()
                    if LIST_START.match(last + " ") and " " not in last:
                        cells[-1] = last + " " + text    # a list label set off by a tab: "a)" + text
                    else:
                        cells.append(text)
                else:
                    flush()
                    cells.append(text)
            prev, prev_page = line, pi
    flush()
    cleaned = [p.replace("\x02", "").replace("\u00ad", "").strip() for p in out]
    return "\n".join(p for p in cleaned if p) + ("\n" if cleaned else "")
