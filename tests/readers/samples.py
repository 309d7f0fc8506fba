"""Sample documents built at test time from a seed: a structured spec, its plain text, its .docx.

A spec is a list of blocks: ("p", text), ("num", text) an item of a Word-numbered "1." list,
("alpha", text) an item of a Word-numbered "a)" list, ("grid", rows) a bordered table and
("layout", cells) a borderless one-row table whose cells are lists of lines (header and signature
blocks). ``plain_text(spec)`` is the text a reader should return for the .docx.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.conftest import seed_text

HEADER = ("layout", [["TỈNH ỦY QUẢNG NGÃI", "*", "Số 2153-KL/TU"],
                     ["ĐẢNG CỘNG SẢN VIỆT NAM", "Quảng Ngãi, ngày 20 tháng 3 năm 2024"]])
TABLE = ("grid", [["Chỉ tiêu", "Kết quả Quý I/2024", "Ghi chú"],
                  ["Chỉ số sản xuất công nghiệp", "tăng 20,8%", "so với cùng kỳ"],
                  ["Thu ngân sách nhà nước", "tăng 37,8%", ""]])
ALPHA = [("alpha", "Sở Kế hoạch và Đầu tư chủ trì, hoàn thành trước ngày 30/6/2024;"),
         ("alpha", "Sở Tài chính báo cáo kết quả trong Quý III/2024.")]


def seed_spec(prefix: str = "004") -> list[tuple]:
    """Seed ``prefix`` as a spec: numbered paragraphs as a Word list, a table, header and signature."""
    lines = [ln.replace("**", "").strip() for ln in seed_text(prefix).splitlines()]
    lines = [ln for ln in lines if ln]
    try:
        cut = lines.index("Nơi nhận:")
    except ValueError:
        cut = len(lines)
    body, tail = lines[:cut], lines[cut:]
    spec: list[tuple] = [HEADER]
    for i, ln in enumerate(body):
        m = re.match(r"(\d+)\.\s+(.*)", ln)
        spec.append(("num", m.group(2)) if m else ("p", ln))
        if i == 6:
            spec.append(TABLE)
    spec.extend(ALPHA)
    if tail:
        receivers = [ln for ln in tail if ln == "Nơi nhận:" or ln.startswith("- ")]
        signer = [ln for ln in tail if ln not in receivers]
        spec.append(("layout", [receivers, signer]))
    return spec


def plain_text(spec: list[tuple]) -> str:
    out: list[str] = []
    n = alpha = 0
    for kind, content in spec:
        if kind == "p":
            out.append(content)
        elif kind == "num":
            n += 1
            out.append(f"{n}. {content}")
        elif kind == "alpha":
            alpha += 1
            out.append(f"{chr(96 + alpha)}) {content}")
        elif kind == "grid":
            out.extend(" | ".join(row).rstrip() for row in content)
        elif kind == "layout":
            for cell in content:
                out.extend(cell)
    return "\n".join(out) + "\n"


def _add_alpha_numbering(document) -> str:
    """Add an "a)" list definition to the document's numbering part; return its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
        '<w:lvlText w:val="%1)"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>')
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    first_num = numbering.find("{%s}num" % numbering.nsmap["w"])
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)
    return "90"


def _set_num(paragraph, num_id: str) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def build_docx(spec: list[tuple]) -> bytes:
    """The spec as a .docx written with python-docx (Word numbering, Table Grid, borderless blocks)."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    alpha_id = _add_alpha_numbering(document)
    for kind, content in spec:
        if kind == "p":
            document.add_paragraph(content)
        elif kind == "num":
            document.add_paragraph(content, style="List Number")
        elif kind == "alpha":
            _set_num(document.add_paragraph(content), alpha_id)
        elif kind == "grid":
            table = document.add_table(rows=len(content), cols=len(content[0]))
            table.style = document.styles["Table Grid"]
            for r, row in enumerate(content):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
        elif kind == "layout":
            table = document.add_table(rows=1, cols=len(content))
            for c, lines in enumerate(content):
                cell = table.cell(0, c)
                cell.text = lines[0] if lines else ""
                for ln in lines[1:]:
                    cell.add_paragraph(ln)
    document.add_paragraph("")          # Word always ends a body with a paragraph, never a table
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def soffice_convert(data: bytes, src_ext: str, target: str) -> bytes:
    """Convert with LibreOffice headless (tests only); ``target`` is an extension like "pdf"."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    assert exe, "LibreOffice is needed to build this sample"
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"sample{src_ext}"
        src.write_bytes(data)
        subprocess.run([exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", target, "--outdir", f"{tmp}/out", str(src)],
                       check=True, capture_output=True, timeout=180)
        return (Path(tmp) / "out" / f"sample.{target.split(':')[0]}").read_bytes()


def scanned_pdf(pdf_bytes: bytes, pages: int = 1, dpi: int = 200, noise: float = 0.01,
                seed: int = 4) -> bytes:
    """The first ``pages`` pages of a PDF rendered to grayscale images with speckle noise (a fixed
    random seed) and saved back as a PDF of images without a text layer, like a scan."""
    import random

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    rng = random.Random(seed)
    src = pdfium.PdfDocument(pdf_bytes)
    out = pdfium.PdfDocument.new()
    for i in range(min(pages, len(src))):
        page = src[i]
        w_pt, h_pt = page.get_size()
        bmp = page.render(scale=dpi / 72, grayscale=True)
        buf = bytearray(bytes(bmp.buffer))
        for _ in range(int(len(buf) * noise)):
            buf[rng.randrange(len(buf))] = rng.choice((0, 90, 200, 255))
        noisy = pdfium.PdfBitmap.new_native(bmp.width, bmp.height, pdfium_c.FPDFBitmap_Gray,
                                            rev_byteorder=False)
        noisy.buffer[:] = buf[: bmp.stride * bmp.height] if noisy.stride == bmp.stride else \
            b"".join(bytes(buf[r * bmp.stride: r * bmp.stride + bmp.width]).ljust(noisy.stride, b"\xff")
                     for r in range(bmp.height))
        new_page = out.new_page(w_pt, h_pt)
        image = pdfium.PdfImage.new(out)
        image.set_bitmap(noisy)
        image.set_matrix(pdfium.PdfMatrix().scale(w_pt, h_pt))
        new_page.insert_obj(image)
        new_page.gen_content()
    buf_out = io.BytesIO()
    out.save(buf_out)
    return buf_out.getvalue()


def news_html(title: str, body: str, *, published_meta: str | None = "2022-07-15T09:30:00+07:00",
              date_line: str = "Thứ Sáu, 15/07/2022 - 09:30", author: str = "Diễm My") -> bytes:
    """A page laid out like a provincial Party newspaper: menus, the article, related links, footer."""
    paras = "\n".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
    meta = (f'<meta property="article:published_time" content="{published_meta}">'
            if published_meta else "")
    menu = "".join(f'<li><a href="/chuyen-muc/{i}">{m}</a></li>' for i, m in enumerate(
        ["Trang chủ", "Chính trị", "Xây dựng Đảng", "Kinh tế", "Xã hội", "Văn hóa", "Thể thao",
         "Quốc phòng - An ninh", "Bạn đọc", "Video", "Ảnh"]))
    related = "".join(f'<li><a href="/tin/{i}.html">{t}</a></li>' for i, t in enumerate(
        ["Bí thư Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Tây Giang",
         "Hội nghị Tỉnh ủy lần thứ 11 bàn nhiều nội dung quan trọng",
         "Thường trực Tỉnh ủy giao ban với các cơ quan khối Đảng",
         "Khai mạc kỳ họp thứ 8 HĐND tỉnh khóa X"]))
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title} - Báo Quảng Nam điện tử</title>
<meta property="og:title" content="{title}">{meta}
<meta name="author" content="{author}"></head>
<body>
<header class="site-header"><div class="logo"><a href="/">BÁO QUẢNG NAM</a></div>
<nav class="main-menu"><ul>{menu}</ul></nav>
<div class="hotline">Đường dây nóng: 0235 3812 345 | Email: baoquangnam@gmail.com</div></header>
<main><div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="/chinh-tri">Chính trị</a></div>
<article class="detail">
<h1 class="title">{title}</h1>
<div class="meta"><span class="date">{date_line}</span> <span class="author">{author}</span></div>
<div class="content">
{paras}
</div>
<div class="tags">Từ khóa: <a href="/tag/hoi-nghi">hội nghị</a>, <a href="/tag/tinh-uy">tỉnh ủy</a></div>
</article>
<aside class="related"><h3>Tin liên quan</h3><ul>{related}</ul></aside>
<aside class="most-read"><h3>Đọc nhiều nhất</h3><ul>{related}</ul></aside>
</main>
<footer><p>Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam tỉnh Quảng Nam</p>
<p>Giấy phép số 123/GP-BTTTT ngày 05/3/2021 của Bộ Thông tin và Truyền thông</p>
<p>Tổng Biên tập: Nguyễn Văn A. Địa chỉ: 05 Trần Hưng Đạo, Tam Kỳ</p></footer>
<script>var ads = "Quảng cáo";</script>
</body></html>"""
    return page.encode("utf-8")


def seed_news(prefix: str = "001") -> tuple[str, str]:
    """A news seed as (headline, body): its first line is the headline."""
    lines = [ln.strip() for ln in seed_text(prefix).splitlines() if ln.strip()]
    return lines[0], "\n".join(lines[1:])


def png(width: int, height: int, pixels: bytes | None = None) -> bytes:
    """A grayscale PNG (white unless ``pixels`` are given), written without Pillow."""
    import struct
    import zlib

    pixels = pixels if pixels is not None else b"\xff" * (width * height)
    rows = b"".join(b"\x00" + pixels[r * width:(r + 1) * width] for r in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def page_png(pdf_bytes: bytes, index: int = 0, dpi: int = 200) -> bytes:
    """One PDF page rendered to a grayscale PNG (a photo or scan of the paper copy)."""
    import pypdfium2 as pdfium

    bmp = pdfium.PdfDocument(pdf_bytes)[index].render(scale=dpi / 72, grayscale=True)
    raw = bytes(bmp.buffer)
    pixels = b"".join(raw[r * bmp.stride:r * bmp.stride + bmp.width] for r in range(bmp.height))
    return png(bmp.width, bmp.height, pixels)


def fact_keys(d: dict) -> dict[str, set]:
    """What was found, by kind, without offsets: the comparable core of an extraction's JSON."""
    return {
        "references": {(r.get("kind"), r.get("number"), r.get("symbol"), r.get("issued_on"))
                       for r in d.get("references", [])},
        "people": {p.get("name") for p in d.get("people", [])},
        "indicators": {(i.get("change_pct"), i.get("value"), i.get("unit"), i.get("plan_pct"))
                       for i in d.get("indicators", [])},
        "tasks": {t.get("ordinal") for t in d.get("tasks", [])},
        "ref_date": {d.get("source", {}).get("ref_date")},
        "document": {((d.get("document") or {}).get("number"), (d.get("document") or {}).get("symbol"),
                      (d.get("document") or {}).get("issued_on"))},
    }
