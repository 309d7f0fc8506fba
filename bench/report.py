"""Write one benchmark's section of docs/benchmarks.md between its markers, leaving the rest."""
from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"


def write_section(name: str, lines: list[str]) -> None:
    """Replace (or append) the block between ``<!-- NAME:begin -->`` and ``<!-- NAME:end -->``."""
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    block = "\n".join([begin, *lines, end])
    old = OUT.read_text(encoding="utf-8") if OUT.exists() else "# Benchmarks\n"
    if begin in old and end in old:
        new = old[: old.index(begin)] + block + old[old.index(end) + len(end):]
    else:
        new = old.rstrip("\n") + "\n\n" + block + "\n"
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(new, encoding="utf-8")
