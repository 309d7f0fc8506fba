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
