"""Inputs that once made extraction hang (catastrophic backtracking, rescans per match) finish.

Each case is guarded by an alarm far above its normal run time (well under a second): the guard
catches a return of super-linear behaviour without timing anything.
"""
from __future__ import annotations

import signal

import pytest

import chidao

HOSTILE = [
    # layout-mode PDF text keeps long runs of spaces
    ("spaces_after_so", "Kết luận số" + " " * 3000 + "2043-KL/TU"),
    ("only_spaces", " " * 30_000),
    ("blank_lines", "   \n" * 5_000),
    ("spaces_after_caps_title", "PHÓ BÍ THƯ" + " " * 5_000 + "\nĐặng Ngọc Huy"),
    # one long "sentence" without full stops: per-match look-backs must be bounded
    ("many_citations", "".join(f"Kết luận số {i}-KL/TU ngày 05/12/2023, " for i in range(3_000))),
    ("many_people", "".join(f"đồng chí Nguyễn Văn A{chr(97 + i % 26)}n, Bí thư Tỉnh ủy, " for i in range(2_000))),
    ("many_figures", "".join(f"chỉ tiêu {i} tăng {i % 9},5%, " for i in range(3_000))),
    ("digits", "1" * 20_000),
    ("dotted_numbers", "1." * 10_000),
    ("capitals", "NGHỊ QUYẾT " * 3_000),
    ("repeated_so", "số " * 5_000),
]


class _Hung(Exception):
    pass


def _alarm(signum, frame):
    raise _Hung


@pytest.mark.parametrize("name,text", HOSTILE, ids=[c[0] for c in HOSTILE])
def test_hostile_input_finishes_and_facts_point_into_the_text(name, text):
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(30)
    try:
        out = chidao.extract(text).to_dict()
    except _Hung:
        pytest.fail(f"{name}: extraction did not finish within 30 s (super-linear rule?)")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    for kind in ("references", "indicators", "tasks", "shortcomings"):
        for fact in out[kind]:
            assert text[fact["start"]:fact["end"]] == fact["text"]
