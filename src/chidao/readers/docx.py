"""Read a .docx into text as printed: paragraphs in order, list numbers, tables, text boxes."""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from chidao.errors import InputError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_w = "{%s}" % W

CELL_SEP = " | "     # between the cells of a row of a bordered (data) table


def q(tag: str) -> str:
    return _w + tag


# -- list numbering ------------------------------------------------------------------------------

def _roman(n: int) -> str:
    vals = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = []
    for v, s in vals:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _letters(n: int) -> str:
    # Word's lowerLetter: a..z, then aa, bb ... (the letter repeated).
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A list counter as Word prints it in format ``fmt`` (w:numFmt)."""
    if fmt in ("decimal", "decimalEnclosedParen", "decimalEnclosedFullstop", "decimalHalfWidth",
               "decimalFullWidth", "decimalEnclosedCircle", "ordinal", "cardinalText", "ordinalText",
               "vietnameseCounting"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "none":
        return ""
    return str(n)


def _bullet(text: str) -> str:
    # Symbol and Wingdings bullets live in the private use area; print them as a plain bullet.
    if not text or any(0xE000 <= ord(c) <= 0xF8FF for c in text):
        return "•"
    return text


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suff: str = "tab"
    restart: int | None = None


@dataclass
class Numbering:
    """The numbering definitions of a document and the running counters of its lists."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)                     # numId -> abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)     # numId -> ilvl -> start
    counters: dict[str, dict[int, int]] = field(default_factory=dict)      # abstractNumId -> ...
    started: set[str] = field(default_factory=set)

    @classmethod
    def from_xml(cls, root: Any | None) -> "Numbering":
        nb = cls()
        if root is None:
            return nb
        for an in root.iter(q("abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in an.findall(q("lvl")):
                lv = _Level()
                ilvl = int(lvl.get(q("ilvl"), "0"))
                if (e := lvl.find(q("start"))) is not None:
                    lv.start = _int(e.get(q("val")), 1)
                if (e := lvl.find(q("numFmt"))) is not None:
                    lv.fmt = e.get(q("val"), "decimal")
                if (e := lvl.find(q("lvlText"))) is not None:
                    lv.text = e.get(q("val"), "")
                if (e := lvl.find(q("suff"))) is not None:
                    lv.suff = e.get(q("val"), "tab")
                if (e := lvl.find(q("lvlRestart"))) is not None:
                    lv.restart = _int(e.get(q("val")), 0)
                levels[ilvl] = lv
            nb.abstract[an.get(q("abstractNumId"), "")] = levels
        for num in root.iter(q("num")):
            num_id = num.get(q("numId"), "")
            if (e := num.find(q("abstractNumId"))) is not None:
                nb.nums[num_id] = e.get(q("val"), "")
            for ov in num.findall(q("lvlOverride")):
                so = ov.find(q("startOverride"))
                if so is not None:
                    nb.overrides.setdefault(num_id, {})[int(ov.get(q("ilvl"), "0"))] = _int(so.get(q("val")), 1)
        return nb

    def label(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """The printed label of the next item of list ``num_id`` at level ``ilvl``, and its suffix."""
        abs_id = self.nums.get(num_id)
        levels = self.abstract.get(abs_id or "")
        if not levels or ilvl not in levels:
            return "", ""
        counters = self.counters.setdefault(abs_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lv_i, start in self.overrides.get(num_id, {}).items():
                counters[lv_i] = start - 1
                for deeper in [k for k in counters if k > lv_i]:
                    del counters[deeper]
        lv = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, lv.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            if levels.get(deeper) is None or levels[deeper].restart != 0:
                del counters[deeper]
        if lv.fmt == "bullet":
            return _bullet(lv.text), lv.suff
        out = lv.text
        for i in range(9):
            token = f"%{i + 1}"
            if token in out:
                ref = levels.get(i, _Level())
                value = counters.get(i, ref.start)
                out = out.replace(token, format_number(value, ref.fmt))
        return out, lv.suff


def _int(v: str | None, default: int) -> int:
    try:
        return int(v) if v is not None else default
    except ValueError:
        return default


# -- styles --------------------------------------------------------------------------------------

@dataclass
class Styles:
    """What the reader needs from styles.xml: list numbering and borders by style, with basedOn."""

    num: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)
    based_on: dict[str, str] = field(default_factory=dict)
    bordered: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, root: Any | None) -> "Styles":
        st = cls()
        if root is None:
            return st
        for s in root.iter(q("style")):
            sid = s.get(q("styleId"), "")
            if (b := s.find(q("basedOn"))) is not None:
                st.based_on[sid] = b.get(q("val"), "")
            ppr = s.find(q("pPr"))
            if ppr is not None and (np_ := ppr.find(q("numPr"))) is not None:
                nid = np_.find(q("numId"))
                il = np_.find(q("ilvl"))
                st.num[sid] = (nid.get(q("val")) if nid is not None else None,
                               _int(il.get(q("val")), 0) if il is not None else None)
            tblpr = s.find(q("tblPr"))
            if tblpr is not None and (tb := tblpr.find(q("tblBorders"))) is not None:
                st.bordered[sid] = _has_border(tb)
        return st

    def numbering_of(self, style_id: str) -> tuple[str | None, int | None]:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if style_id in self.num:
                return self.num[style_id]
            style_id = self.based_on.get(style_id, "")
        return None, None

    def has_borders(self, style_id: str) -> bool:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if style_id in self.bordered:
                return self.bordered[style_id]
            style_id = self.based_on.get(style_id, "")
        return False


def _has_border(borders: Any) -> bool:
    return any(b.get(q("val"), "none") not in ("nil", "none") for b in borders)


# -- text ----------------------------------------------------------------------------------------

_SKIP = {q("del"), q("moveFrom"), q("instrText"), q("delText"), q("footnoteReference"),
         q("endnoteReference"), q("commentReference"), q("pPr"), q("rPr"), q("fldData"),
         "{%s}Fallback" % MC}


class _Reader:
    def __init__(self, numbering: Numbering, styles: Styles) -> None:
        self.numbering = numbering
        self.styles = styles
        self.lines: list[str] = []

    # paragraphs
    def paragraph_text(self, p: Any) -> tuple[str, list[Any]]:
        """The text of paragraph ``p`` and the text boxes found in it (read separately)."""
        parts: list[str] = []
        boxes: list[Any] = []

        def walk(el: Any) -> None:
            for child in el:
                tag = child.tag
                if not isinstance(tag, str) or tag in _SKIP:
                    continue
                if tag == q("t"):
                    parts.append(child.text or "")
                elif tag == q("tab") or tag == q("ptab"):
                    parts.append("\t")
                elif tag in (q("br"), q("cr")):
                    parts.append("\n")
                elif tag == q("noBreakHyphen"):
                    parts.append("-")
                elif tag == q("txbxContent"):
                    boxes.append(child)
                elif tag == q("r"):
                    rpr = child.find(q("rPr"))
                    if rpr is not None and (v := rpr.find(q("vanish"))) is not None \
                            and v.get(q("val"), "true") not in ("0", "false"):
                        continue
                    walk(child)
                else:
                    walk(child)

        walk(p)
        return "".join(parts), boxes

    def list_label(self, p: Any) -> str:
        ppr = p.find(q("pPr"))
        num_id: str | None = None
        ilvl: int | None = None
        style = ""
        if ppr is not None:
            if (ps := ppr.find(q("pStyle"))) is not None:
                style = ps.get(q("val"), "")
            if (np_ := ppr.find(q("numPr"))) is not None:
                if (e := np_.find(q("numId"))) is not None:
                    num_id = e.get(q("val"))
                if (e := np_.find(q("ilvl"))) is not None:
                    ilvl = _int(e.get(q("val")), 0)
        if num_id is None and style:
            num_id, s_ilvl = self.styles.numbering_of(style)
            ilvl = ilvl if ilvl is not None else s_ilvl
        if not num_id or num_id == "0":
            return ""
        label, suff = self.numbering.label(num_id, ilvl or 0)
        if not label:
            return ""
        return label + ("" if suff == "nothing" else " ")

    def paragraph(self, p: Any, out: list[str]) -> None:
        text, boxes = self.paragraph_text(p)
        label = self.list_label(p)
        text = text.strip(" \t") if not label else text.lstrip(" \t").rstrip(" \t")
        out.append((label + text) if text or label else "")
        for box in boxes:
            self.block(box, out)

    # tables
    def table(self, tbl: Any, out: list[str]) -> None:
        if self._bordered(tbl):
            for tr in tbl.findall(q("tr")):
                cells = []
                for tc in tr.findall(q("tc")):
                    lines: list[str] = []
                    self.block(tc, lines)
                    cells.append(" ".join(s.strip() for s in lines if s.strip()))
                if any(cells):
                    out.append(CELL_SEP.join(cells))
        else:
            # a layout table (header block, signature block): each paragraph of each cell a line
            for tr in tbl.findall(q("tr")):
                for tc in tr.findall(q("tc")):
                    lines = []
                    self.block(tc, lines)
                    out.extend(s for s in lines if s.strip())

    def _bordered(self, tbl: Any) -> bool:
        tblpr = tbl.find(q("tblPr"))
        if tblpr is not None:
            if (tb := tblpr.find(q("tblBorders"))) is not None:
                return _has_border(tb)
            if (ts := tblpr.find(q("tblStyle"))) is not None and self.styles.has_borders(ts.get(q("val"), "")):
                return True
        for tcb in tbl.iter(q("tcBorders")):
            if _has_border(tcb):
                return True
        return False

    # blocks
    def block(self, container: Any, out: list[str]) -> None:
        for child in container:
            tag = child.tag
            if tag == q("p"):
                self.paragraph(child, out)
            elif tag == q("tbl"):
                self.table(child, out)
            elif tag in (q("sdt"), q("customXml"), q("sdtContent"), q("ins"), q("smartTag")):
                self.block(child, out)


def _tidy(lines: list[str]) -> str:
    out: list[str] = []
    for line in "\n".join(lines).split("\n"):
        line = line.rstrip()
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n" if out else ""


def _xml(zf: zipfile.ZipFile, name: str) -> Any | None:
    from lxml import etree

    try:
        data = zf.read(name)
    except KeyError:
        return None
    return etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, huge_tree=True, no_network=True))


def _main_part(zf: zipfile.ZipFile) -> str:
    # The main document is named in the package relationships; it is word/document.xml unless a
    # tool chose otherwise.
    rels = _xml(zf, "_rels/.rels")
    if rels is not None:
        for rel in rels:
            if str(rel.get("Type", "")).endswith("/officeDocument"):
                return str(rel.get("Target", "word/document.xml")).lstrip("/")
    return "word/document.xml"


def docx_text(data: bytes, name: str | None = None) -> tuple[str, dict[str, Any]]:
    """The text of a .docx file's body, and its metadata (title, author, created, pages)."""
    from lxml import etree

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise InputError("the .docx file is damaged or cut short (its zip structure is broken); "
                         "ask the sender for the file again or re-save it from Word", name) from None
    try:
        with zf:
            main = _main_part(zf)
            base = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
            root = _xml(zf, main)
            if root is None:
                raise InputError("the file has no Word document body; re-save it from Word as .docx", name)
            numbering = Numbering.from_xml(_xml(zf, base + "numbering.xml"))
            styles = Styles.from_xml(_xml(zf, base + "styles.xml"))
            meta = _core_meta(_xml(zf, "docProps/core.xml"), _xml(zf, "docProps/app.xml"))
    except (zipfile.BadZipFile, OSError, EOFError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"the .docx file is damaged ({exc.__class__.__name__}); ask the sender for "
                         "the file again or re-save it from Word", name) from None
    body = root.find(q("body"))
    reader = _Reader(numbering, styles)
    lines: list[str] = []
    if body is not None:
        reader.block(body, lines)
    return _tidy(lines), meta


def _core_meta(core: Any | None, app: Any | None) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    if core is not None:
        wanted = {"title": "title", "creator": "author", "created": "created", "modified": "modified"}
        for el in core:
            if not isinstance(el.tag, str):
                continue
            local = el.tag.rsplit("}", 1)[-1]
            if local in wanted and (el.text or "").strip():
                meta[wanted[local]] = el.text.strip()
    if app is not None:
        for el in app:
            if not isinstance(el.tag, str):
                continue
            if el.tag.endswith("}Pages") and (el.text or "").strip().isdigit():
                meta["pages"] = int(el.text.strip())
            elif el.tag.endswith("}Application") and (el.text or "").strip():
                meta["application"] = el.text.strip()
    return meta
