"""Reader throughput in pages per second on one core: .docx, text PDFs, and OCR of scans.

Run: .venv/bin/python bench/bench_readers.py   (needs LibreOffice to build the PDFs, Tesseract for OCR)
Samples are built from the seed corpus at run time (python-docx, LibreOffice, a noisy rendering).
Writes its section of docs/benchmarks.md.
"""
from __future__ import annotations

import os
import platform
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
os.environ["OMP_THREAD_LIMIT"] = "1"                     # Tesseract on one core
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

from chidao.readers import read_bytes  # noqa: E402
from tests.readers import samples  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import write_section  # noqa: E402

MIN_SECONDS = 3.0


def _rate(label: str, data: bytes, name: str, pages: int, min_seconds: float = MIN_SECONDS) -> dict:
    runs = 0
    start = time.perf_counter()
    while True:
        read_bytes(data, name)
        runs += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            break
    return {"label": label, "pages": pages * runs, "seconds": elapsed, "rate": pages * runs / elapsed}


def main() -> None:
    prefixes = sorted({p.name[:3] for p in samples.seed_text.__globals__["SEEDS"].glob("*.txt")})
    docx_files = [samples.build_docx(samples.seed_spec(p)) for p in prefixes]
    rows = []
    have_lo = bool(shutil.which("soffice"))
    pdfs = [samples.soffice_convert(d, ".docx", "pdf") for d in docx_files] if have_lo else []
    page_counts = [read_bytes(p, "x.pdf").meta["pages"] for p in pdfs] or [1] * len(docx_files)
    # .docx pages are counted as LibreOffice lays them out (the same document as the PDF)
    docx_total = {"label": ".docx (WordprocessingML walk with lxml)", "pages": 0, "seconds": 0.0}
    for data, pages in zip(docx_files, page_counts):
        r = _rate("", data, "x.docx", pages, MIN_SECONDS / len(docx_files))
        docx_total["pages"] += r["pages"]
        docx_total["seconds"] += r["seconds"]
    docx_total["rate"] = docx_total["pages"] / docx_total["seconds"]
    rows.append(docx_total)
    if pdfs:
        pdf_total = {"label": "text PDF (pypdfium2 + layout)", "pages": 0, "seconds": 0.0}
        for data, pages in zip(pdfs, page_counts):
            r = _rate("", data, "x.pdf", pages, MIN_SECONDS / len(pdfs))
            pdf_total["pages"] += r["pages"]
            pdf_total["seconds"] += r["seconds"]
        pdf_total["rate"] = pdf_total["pages"] / pdf_total["seconds"]
        rows.append(pdf_total)
        doc = samples.soffice_convert(docx_files[0], ".docx", "doc")
        rows.append(_rate(".doc (LibreOffice conversion, per file)", doc, "x.doc", page_counts[0], 1.0))
        if shutil.which("tesseract"):
            scan = samples.scanned_pdf(pdfs[0], pages=2, dpi=200)
            rows.append(_rate("scanned PDF, OCR at 300 dpi (Tesseract vie)", scan, "scan.pdf", 2, 1.0))
    lines = [
        "## Readers",
        "",
        f"One core (`sched_setaffinity`, `OMP_THREAD_LIMIT=1`), {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}. Samples: the {len(prefixes)} seeds written as .docx with "
        "python-docx (numbered lists, a table, header and signature blocks), converted to PDF by "
        "LibreOffice; the scan is two of those pages rendered at 200 dpi with 1 % speckle noise.",
        "",
        "| reader | pages | seconds | pages/s |",
        "|---|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['label']} | {r['pages']} | {r['seconds']:.2f} | {r['rate']:.1f} |")
    lines.append("")
    lines.append("The .doc row includes starting LibreOffice for each file, which dominates its time.")
    write_section("bench_readers", lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
