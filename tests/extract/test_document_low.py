"""Document.low: the lower-case matching form keeps every offset of ``norm``."""
from __future__ import annotations

import pytest

from chidao.extract import Document

CASES = [
    ("Bí thư Tỉnh ủy", "bí thư tỉnh ủy"),
    ("İSTANBUL Quý II", "istanbul quý ii"),       # U+0130 would lowercase to two characters
    ("ĐẢNG BỘ TỈNH", "đảng bộ tỉnh"),
    ("Nghị quyết ſố 5, lạı", "nghị quyết số 5, lại"),   # ſ and ı fold as IGNORECASE matches them
    ("", ""),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_low_is_norm_lowercased_with_the_same_length(text, expected):
    doc = Document(text)
    assert doc.low == expected
    assert len(doc.low) == len(doc.norm)
