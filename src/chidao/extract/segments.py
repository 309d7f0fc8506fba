"""Segments: store the blocks (headings, items, paragraphs, captions) and sentences of the text."""
from __future__ import annotations

from chidao.extract.document import Document
from chidao.text.segment import blocks, sentences

NAME = "segments"
REQUIRES: tuple[str, ...] = ()


def run(doc: Document) -> None:
    """``doc.facts["segments"]``: blocks in text order; ``doc.facts["sentences"]``: their sentences."""
    found = blocks(doc)
    doc.facts[NAME] = found
    doc.facts["sentences"] = sentences(doc, within=found)


_SPANS = "_segments_block_spans"


def block_spans(doc: Document) -> list[tuple[int, int]]:
    """``doc.block_spans()``, worked out once for the extractors that read the blocks (again when
    the segments have been read again)."""
    spans = doc.__dict__.get(_SPANS)
    if spans is None or spans[0] is not doc.facts.get(NAME):
        spans = doc.__dict__[_SPANS] = (doc.facts.get(NAME), doc.block_spans())
    return spans[1]
