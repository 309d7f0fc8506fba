"""The Document every extractor reads from and writes onto: text as read, its matching form, facts.

Everything stored on a Document is in *original* coordinates (offsets into ``text``). Extractors
match on ``norm`` and convert with ``orig_span``; ``norm_span`` goes the other way. Since the map is
monotone, containment and order compare the same in either coordinate system.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from chidao.text.normalize import NormText, normalize


_LOW_FOLD = {0x131: "i", 0x17F: "s"}


@dataclass(frozen=True)
class Source:
    path: str | None = None
    sha256: str | None = None
    chars: int = 0
    meta: dict[str, Any] = field(default_factory=dict)  # reader metadata (title, author, ocr ...)


class Document:
    """One text being read, and the facts read from it, by extractor name."""

    def __init__(self, text: str, ref_date: date | None = None, source: Source | None = None) -> None:
        self.text = text
        self.nt: NormText = normalize(text)
        self.given_ref_date = ref_date
        self.ref_date = ref_date          # the document's own date wins once the extractors find it
        self.source = source or Source(
            sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), chars=len(text)
        )
        self.facts: dict[str, list[Any]] = {}
        self.info = None                  # chidao.model.DocumentInfo for a formal document

    # -- coordinates ---------------------------------------------------------------------------
    @property
    def norm(self) -> str:
        return self.nt.norm

    @property
    def low(self) -> str:
        """``norm`` in lower case, character for character (same length, same offsets).

        Patterns compiled *without* IGNORECASE over ``low`` let the regex engine skip ahead to
        their first literal, which case-insensitive patterns cannot; ``low`` is built once.
        """
        low = self.__dict__.get("_low")
        if low is None:
            low = self.norm.lower()
            if len(low) != len(self.norm):      # only U+0130 (İ) lowercases to two characters
                low = self.norm.replace("\u0130", "I").lower()
            # IGNORECASE also equates dotless ı with i and long ſ with s; lower() keeps them
            if "\u0131" in low or "\u017f" in low:
                low = low.translate(_LOW_FOLD)
            self.__dict__["_low"] = low
        return low

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """A span of ``norm`` as a span of ``text``."""
        return self.nt.to_original(start, end)

    def norm_span(self, start: int, end: int) -> tuple[int, int]:
        """A span of ``text`` as the smallest span of ``norm`` covering it."""
        return self.nt.to_norm(start, end)

    def block_spans(self) -> list[tuple[int, int]]:
        """Spans of ``norm``, one per block: the segmenter's blocks (hard-wrapped lines joined)
        when it has run, else the lines of the text."""
        segs = [seg for seg in self.get("segments") if getattr(seg, "kind", "sentence") != "sentence"]
        if segs:
            return [self.norm_span(seg.start, seg.end) for seg in segs]
        out = []
        pos = 0
        for line in self.norm.split("\n"):
            out.append((pos, pos + len(line)))
            pos += len(line) + 1
        return out

    def line_of(self, offset: int) -> int:
        """1-based line number of an offset into ``text``."""
        return self.text.count("\n", 0, offset) + 1

    # -- facts ---------------------------------------------------------------------------------
    def get(self, name: str) -> list[Any]:
        return self.facts.get(name, [])

    def __getattr__(self, name: str) -> list[Any]:
        # doc.references, doc.people ... read the facts of that extractor
        facts = self.__dict__.get("facts")
        if facts is not None and name in facts:
            return facts[name]
        raise AttributeError(name)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of shared/spec/EXTRACTION.md (schema ``chidao.extract/1``)."""
        from chidao.extract.serialize import document_to_dict

        return document_to_dict(self)
