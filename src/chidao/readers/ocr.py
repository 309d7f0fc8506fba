"""OCR of scanned pages and images with the Tesseract command line and its Vietnamese model."""
from __future__ import annotations

import csv
import functools
import io
import os
import shutil
import subprocess
from typing import Any

from chidao.errors import InputError, MissingToolError
from chidao.readers.layout import Line, Page, paragraphs

LOW_CONFIDENCE = 70.0        # mean word confidence (0-100) under which a page is flagged for review
TIMEOUT_SECONDS = 300
DEBIAN_PACKAGE = "tesseract-ocr"
LANG_PACKAGES = {"vie": "tesseract-ocr-vie", "eng": "tesseract-ocr-eng"}


def find_tesseract(lang: str = "vie") -> str:
    """The tesseract program with model ``lang``, or a ``MissingToolError`` naming the package."""
    exe = shutil.which("tesseract")
    if not exe:
        raise MissingToolError(
            "Tesseract is needed to read scanned PDFs and images but is not installed; install the "
            f"Debian packages {DEBIAN_PACKAGE} and {LANG_PACKAGES['vie']} "
            f"(sudo apt-get install {DEBIAN_PACKAGE} {LANG_PACKAGES['vie']}, or make system-deps)")
    missing = [code for code in lang.split("+") if code not in _languages(exe)]
    if missing:
        pkgs = " ".join(LANG_PACKAGES.get(code, f"tesseract-ocr-{code}") for code in missing)
        raise MissingToolError(
            f"Tesseract has no model for {'+'.join(missing)} (Vietnamese is 'vie'); install the "
            f"Debian package {pkgs} (sudo apt-get install {pkgs}, or make system-deps)")
    return exe


@functools.lru_cache(maxsize=4)
def _languages(exe: str) -> frozenset[str]:
    proc = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=60)
    lines = (proc.stdout or proc.stderr).splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("List of"))


@functools.lru_cache(maxsize=4)
def engine_name(exe: str) -> str:
    proc = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60)
    first = (proc.stdout or proc.stderr).strip().splitlines()
    return first[0].replace("tesseract", "Tesseract").strip() if first else "Tesseract"


def run_tesseract(image: bytes, *, lang: str = "vie", psm: int = 3, name: str | None = None,
                  timeout: float = TIMEOUT_SECONDS) -> list[dict[str, Any]]:
    """Tesseract's words for an image file's bytes: dicts of page, block, par, line, box, conf, text."""
    exe = find_tesseract(lang)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")          # one core per page; batches run side by side
    try:
        proc = subprocess.run([exe, "stdin", "stdout", "-l", lang, "--psm", str(psm), "tsv"],
                              input=image, capture_output=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        raise InputError(f"OCR took more than {timeout:.0f} s; split the file or scan it at 300 dpi",
                         name) from None
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError("Tesseract could not read the image"
                         f"{' (' + detail[-1][:120] + ')' if detail else ''}; check it is a PNG, JPEG "
                         "or TIFF scan and not damaged", name)
    words = []
    reader = csv.DictReader(io.StringIO(proc.stdout.decode("utf-8", "replace")), delimiter="\t",
                            quoting=csv.QUOTE_NONE)
    for row in reader:
        if row.get("level") != "5" or not (row.get("text") or "").strip():
            continue
        try:
            words.append({
                "page": int(row["page_num"]), "block": int(row["block_num"]), "par": int(row["par_num"]),
                "line": int(row["line_num"]), "left": int(row["left"]), "top": int(row["top"]),
                "width": int(row["width"]), "height": int(row["height"]),
                "conf": float(row["conf"]), "text": row["text"].strip()})
        except (KeyError, TypeError, ValueError):
            continue                                       # a malformed row: Tesseract wrote no word
    return words


def has_text(words: list[dict[str, Any]], min_letters: int = 8) -> bool:
    """Whether Tesseract read words, not specks: enough letters in words it is fairly sure of."""
    letters = sum(sum(c.isalpha() for c in w["text"]) for w in words if w["conf"] >= 30)
    return letters >= min_letters


def words_to_pages(words: list[dict[str, Any]], scale: float = 1.0,
                   heights: dict[int, float] | None = None) -> dict[int, tuple[Page, float | None]]:
    """Tesseract's words as laid-out pages (coordinates times ``scale``) and each page's confidence."""
    grouped: dict[int, dict[tuple[int, int, int], list[dict[str, Any]]]] = {}
    for w in words:
        grouped.setdefault(w["page"], {}).setdefault((w["block"], w["par"], w["line"]), []).append(w)
    out: dict[int, tuple[Page, float | None]] = {}
    for page_no, lines in grouped.items():
        built = []
        confs = []
        for key in sorted(lines):
            # specks read as "_", "¬", "~": marks without a letter or digit that Tesseract doubts
            ws = sorted((w for w in lines[key] if w["conf"] >= 60 or any(c.isalnum() for c in w["text"])),
                        key=lambda w: w["left"])
            if not ws:
                continue
            # words far apart on one line are the cells of a header block or a table row
            em = sorted(w["height"] for w in ws)[len(ws) // 2]
            pieces = [[ws[0]]]
            for prev, w in zip(ws, ws[1:]):
                if w["left"] - (prev["left"] + prev["width"]) > 2.0 * em:
                    pieces.append([])
                pieces[-1].append(w)
            for piece in pieces:
                built.append(Line(" ".join(w["text"] for w in piece),
                                  min(w["left"] for w in piece) * scale,
                                  max(w["left"] + w["width"] for w in piece) * scale,
                                  min(w["top"] for w in piece) * scale,
                                  max(w["top"] + w["height"] for w in piece) * scale))
            confs.extend((w["conf"], len(w["text"])) for w in ws if w["conf"] >= 0)
        weight = sum(n for _, n in confs)
        conf = round(sum(c * n for c, n in confs) / weight, 1) if weight else None
        height = heights.get(page_no) if heights else None
        out[page_no] = (Page(tuple(built), height), conf)
    return out


def _pgm(bitmap: Any) -> bytes:
    """A grayscale pypdfium2 bitmap as a binary PGM image, which Tesseract reads without Pillow."""
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    raw = bytes(bitmap.buffer)
    if stride != width:
        raw = b"".join(raw[r * stride:r * stride + width] for r in range(height))
    return b"P5\n%d %d\n255\n" % (width, height) + raw


def ocr_pdf_pages(pdf: Any, indices: list[int], *, name: str | None = None, lang: str = "vie",
                  dpi: int = 300) -> tuple[list[Page], dict[str, Any]]:
    """OCR the pages ``indices`` (0-based) of an open pypdfium2 document.

    Returns the pages in PDF points (so they lay out with text pages) and the metadata:
    ``ocr_pages`` and ``low_confidence_pages`` (1-based) and ``ocr_confidence`` (per page of the
    document, ``None`` for pages read from their text layer).
    """
    exe = find_tesseract(lang)
    scale = dpi / 72.0
    pages: list[Page] = []
    confidence: list[float | None] = [None] * len(pdf)
    for i in indices:
        page = pdf[i]
        height = page.get_size()[1]
        bitmap = page.render(scale=scale, grayscale=True, may_draw_forms=True)
        words = run_tesseract(_pgm(bitmap), lang=lang, name=name)
        if not has_text(words):
            words = []
        laid = words_to_pages(words, scale=1.0 / scale, heights={1: height})
        pg, conf = laid.get(1, (Page((), height), None))
        pages.append(pg)
        confidence[i] = conf
    meta = {
        "ocr_pages": [i + 1 for i in indices],
        "ocr_confidence": confidence,
        "low_confidence_pages": [i + 1 for i in indices
                                 if confidence[i] is None or confidence[i] < LOW_CONFIDENCE],
        "ocr_engine": f"{engine_name(exe)} ({lang})",
    }
    return pages, meta


def image_text(data: bytes, name: str | None = None, *, lang: str = "vie") -> tuple[str, dict[str, Any]]:
    """The text of an image (PNG, JPEG, TIFF with one or more pages ...) read by Tesseract."""
    exe = find_tesseract(lang)
    words = run_tesseract(data, lang=lang, name=name)
    laid = words_to_pages(words)
    if not laid or not has_text(words):
        raise InputError("no text was found in the image; check it is a scan of the document, or "
                         "scan it again at 300 dpi in black and white", name)
    count = max(laid)
    pages = [laid.get(n, (Page(()), None))[0] for n in range(1, count + 1)]
    confidence = [laid.get(n, (None, None))[1] for n in range(1, count + 1)]
    text = paragraphs(pages)
    if not text.strip():
        raise InputError("no text was found in the image; check it is a scan of the document, or "
                         "scan it again at 300 dpi in black and white", name)
    meta = {
        "pages": count,
        "ocr_pages": list(range(1, count + 1)),
        "ocr_confidence": confidence,
        "low_confidence_pages": [n for n, c in enumerate(confidence, 1) if c is None or c < LOW_CONFIDENCE],
        "ocr_engine": f"{engine_name(exe)} ({lang})",
        "converted_with": f"{engine_name(exe)} ({lang})",
    }
    return text, meta
