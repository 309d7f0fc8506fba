"""Extraction throughput and memory, beside a plain regex pass and underthesea (the peer).

Run: make bench   (or .venv/bin/python bench/bench_extract.py)
Writes the extraction section of docs/benchmarks.md between its markers.
"""
from __future__ import annotations

import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from corpus import documents  # noqa: E402
from report import write_section  # noqa: E402

MIN_CHARS = 5 * 1024 * 1024
PEER_CHARS = 300_000
PEER_PYTHON = HERE / ".venv" / "bin" / "python"
BEGIN, END = "<!-- bench_extract:begin -->", "<!-- bench_extract:end -->"


def one_core() -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def time_chidao(docs: list[str]) -> dict:
    from chidao import extract

    extract(docs[0])  # warm up: compile patterns, load lexicons
    t0 = time.perf_counter()
    facts = 0
    for d in docs:
        out = extract(d).to_dict()
        facts += sum(len(out[k]) for k in ("references", "people", "indicators", "tasks", "shortcomings"))
    dt = time.perf_counter() - t0
    chars = sum(len(d) for d in docs)
    return {"chars": chars, "docs": len(docs), "seconds": dt, "chars_per_s": chars / dt,
            "docs_per_s": len(docs) / dt, "facts": facts}


def time_regex(docs: list[str]) -> dict:
    word = re.compile(r"\w+")
    t0 = time.perf_counter()
    n = 0
    for d in docs:
        for _ in word.finditer(d):
            n += 1
    dt = time.perf_counter() - t0
    chars = sum(len(d) for d in docs)
    return {"chars": chars, "docs": len(docs), "seconds": dt, "chars_per_s": chars / dt,
            "docs_per_s": len(docs) / dt}


def time_peer() -> dict | None:
    if not PEER_PYTHON.exists():
        return None
    proc = subprocess.run([str(PEER_PYTHON), str(HERE / "peer_underthesea.py"), str(PEER_CHARS)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        print(proc.stderr, file=sys.stderr)
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def peak_memory_10mb() -> dict:
    """Peak RSS of a fresh process extracting one 10 MB file."""
    text = "\n\n".join(documents(10 * 1024 * 1024))
    while len(text.encode("utf-8")) > 10 * 1024 * 1024:   # Vietnamese takes ~1.4 bytes a character
        text = text[: int(len(text) * 0.95)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text(text, encoding="utf-8")
        code = ("import resource,sys;from chidao import extract;"
                "t=open(sys.argv[1],encoding='utf-8').read();d=extract(t);d.to_dict();"
                "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
        proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                              check=True)
    return {"bytes": len(text.encode("utf-8")), "chars": len(text),
            "peak_rss_mb": int(proc.stdout.strip()) / 1024}


def fmt(x: float) -> str:
    """1.234,5 style for the report."""
    s = f"{x:,.1f}"
    return s.replace(",", "_").replace(".", ",").replace("_", ".")


def main() -> None:
    one_core()
    docs = documents(MIN_CHARS)
    chidao = time_chidao(docs)
    floor = time_regex(docs)
    peer = time_peer()
    mem = peak_memory_10mb()
    lines = [
        BEGIN,
        "## Extraction (issue 2)",
        "",
        f"Measured by `bench/bench_extract.py` on {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}, pinned to one core; corpus: the five seeds repeated "
        f"(each copy varied) to {fmt(chidao['chars'] / 1e6)} M characters in {chidao['docs']} documents.",
        "",
        "| what | chars/s | docs/s | ratio to chidao |",
        "|---|---:|---:|---:|",
        f"| chidao `extract` (all extractors + JSON) | {fmt(chidao['chars_per_s'])} | "
        f"{fmt(chidao['docs_per_s'])} | 1 |",
        f"| plain regex pass `\\w+` (the floor) | {fmt(floor['chars_per_s'])} | {fmt(floor['docs_per_s'])} | "
        f"{fmt(floor['chars_per_s'] / chidao['chars_per_s'])}× faster |",
    ]
    if peer:
        for name in ("word_tokenize", "ner"):
            p = peer[name]
            lines.append(f"| underthesea `{name}` ({fmt(p['chars'] / 1e3)} k chars) | {fmt(p['chars_per_s'])} | "
                         f"{fmt(p['docs_per_s'])} | chidao {fmt(chidao['chars_per_s'] / p['chars_per_s'])}× faster |")
    else:
        lines.append("| underthesea | not measured (run `make bench` to set up bench/.venv) | | |")
    wt = peer["word_tokenize"]["chars_per_s"] if peer else None
    lines += [
        "",
        f"Targets: ≥ 10× underthesea `word_tokenize`: "
        + (f"**{fmt(chidao['chars_per_s'] / wt)}×**" if wt else "n/a")
        + f"; within 10× of the regex pass: **{fmt(floor['chars_per_s'] / chidao['chars_per_s'])}×**.",
        f"Peak memory extracting one {fmt(mem['bytes'] / 1e6)} MB file in a fresh process: "
        f"**{fmt(mem['peak_rss_mb'])} MB** (target < 300 MB).",
        END,
    ]
    write_section("bench_extract", lines[1:-1])
    section = "\n".join(lines)
    print(section)


if __name__ == "__main__":
    main()
