"""Shared vocabulary: plain TSV/TXT data files beside this module, and a tiny loader for them."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from chidao.errors import ChidaoError


class LexiconError(ChidaoError):
    """A lexicon data file is missing or malformed."""


@lru_cache(maxsize=None)
def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    fname = name if "." in name else f"{name}.tsv"
    try:
        raw = resources.files(__package__).joinpath(fname).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(
            f"lexicon file {fname!r} not found in chidao/lexicon: reinstall chidao or add the file"
        ) from exc
    rows = []
    for line in raw.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(field.strip() for field in line.split("\t")))
    return tuple(rows)


def load_tsv(name: str) -> list[list[str]]:
    """The rows of ``lexicon/NAME.tsv`` (or ``NAME`` with its extension): tab-separated fields,
    stripped; blank lines and lines starting with ``#`` skipped. A ``.txt`` file gives one field a row."""
    return [list(row) for row in _rows(name)]


def trie_regex(phrases: Iterable[str], fold_case: bool = True, loose: str = "",
               word_start: bool = False) -> str:
    """One regex (no groups) matching any of ``phrases``, factored by common prefix so that a
    failing position costs one character test instead of one per phrase.

    A run of spaces in a phrase matches any run of white space (``\\s+``), a character of ``loose``
    (say ``,-``) may have white space either side (write none around it). Where one phrase is a
    prefix of another the longer is tried first, as in a longest-first alternation. With
    ``fold_case`` the phrases are lower-cased: compile the result with ``re.IGNORECASE``, or
    without it to match lower-case text (``Document.low``), which scans faster. With
    ``word_start`` a phrase matches only where no letter or digit is before it; the test comes
    after the opening letters, so that the regex still opens with plain characters and the
    engine skips in C to the places where they stand.
    """
    root: dict[str, dict] = {}
    for phrase in phrases:
        words = phrase.split()
        if not words:
            continue
        node = root
        for tok in " ".join(words).lower() if fold_case else " ".join(words):
            node = node.setdefault(tok, {})
        node[""] = {}

    def piece(ch: str) -> str:
        if ch == " ":
            return r"\s+"
        return rf"\s*{re.escape(ch)}\s*" if ch in loose else re.escape(ch)

    def emit(node: dict[str, dict]) -> str:
        branches = [piece(k) + emit(v) for k, v in sorted(node.items()) if k]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return (body if len(branches) > 1 or len(body) == 1 else f"(?:{body})") + "?"
        return body

    def word_start_branch(k: str, node: dict[str, dict]) -> str:
        # the letters all phrases of this branch share, then the test behind them: the longer
        # the literal opening, the fewer the places the engine stops at
        if not re.match(r"\w", k):
            return rf"(?<![^\W_]){piece(k)}{emit(node)}"
        lit = k
        while len(node) == 1 and "" not in node:
            (nk, nv), = node.items()
            if not re.match(r"\w", nk) or nk in loose:
                break
            lit, node = lit + nk, nv
        return rf"{re.escape(lit)}(?<![^\W_]{re.escape(lit)}){emit(node)}"

    def emit_root(node: dict[str, dict]) -> str:
        if not word_start:
            return emit(node)
        branches = [word_start_branch(k, v) for k, v in sorted(node.items()) if k]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    if not root:
        return "(?!)"
    out = emit_root(root)
    return f"(?:{out})"


__all__ = ["LexiconError", "load_tsv", "trie_regex"]


def phrase_alternation(phrases: Iterable[str], comma: str = r"\s*,\s*") -> str:
    """A whole-word regex alternation of cue ``phrases`` (give them longest first): any run of
    spaces between words, ``comma`` where a phrase has a comma."""
    body = "|".join(comma.join(r"\s+".join(map(re.escape, part.split())) for part in p.split(","))
                    for p in phrases)
    return rf"(?<![^\W_])(?:{body})(?![^\W_])"


@lru_cache(maxsize=None)
def cue_table(name: str) -> dict[str, tuple[str, ...]]:
    """A two-column lexicon (category, phrase) as {category: phrases lower-cased, longest first}."""
    out: dict[str, list[str]] = {}
    for row in load_tsv(name):
        if len(row) >= 2 and row[1]:
            out.setdefault(row[0], []).append(row[1].lower())
    return {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in out.items()}
