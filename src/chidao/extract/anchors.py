"""Where a rule's matches can begin, found once per document and shared by the rules.

A pattern that opens with a look-behind, ``\\b`` or a letter under IGNORECASE is tried by the regex
engine at every position of the text. Most rules can only match at a few places, found at once: a
run of digits, a word (``str.find`` over ``doc.low``), a word read back from a later one (a
look-behind of any length, over ``doc.low`` reversed). ``matches_at`` tries the rule's own pattern
there only, and gives exactly what ``finditer`` over the whole text gives.

Values cached on a Document live under ``"anchors.*"`` keys of its ``__dict__``.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from chidao.extract.document import Document

_NON_DIGITS = re.compile(r"\D+")     # the runs between digits: twice as fast to scan as \d+ is to search
_ROMAN_RUN = re.compile(r"[IVXLC](?<!\w[IVXLC])[IVXLC]*+(?!\w)")    # a whole word of I, V, X, L, C


def _cached(doc: Document, key: str, make: Callable[[], Any]) -> Any:
    value = doc.__dict__.get(key)
    if value is None:
        value = doc.__dict__[key] = make()
    return value


def is_word_char(c: str) -> bool:
    """``c`` (one character) is a word character (``\\w``)."""
    return c.isalnum() or c == "_"


def is_letter(c: str) -> bool:
    """``c`` (one character) is a word character but no digit (``[^\\W\\d_]``)."""
    return c.isalnum() and not c.isdecimal()


# --------------------------------------------------------------------------- trying a pattern


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int],
               endpos: int | None = None) -> list[re.Match[str]]:
    """What ``pattern.finditer(text, pos, endpos)`` finds when each of its matches begins at one of
    ``starts`` (ascending, from ``pos`` on; more do no harm): the pattern is tried there only.
    The pattern must not match the empty string."""
    out = []
    end = 0
    match = pattern.match
    endpos = len(text) if endpos is None else endpos
    for p in starts:
        if p >= end:
            m = match(text, p, endpos)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


# --------------------------------------------------------------------------- digits and numerals


def digit_runs(doc: Document) -> list[tuple[int, int, str, str]]:
    """The maximal runs of digits of ``doc.norm`` in text order: ``(start, end, the character
    before, the character after)``, a space standing for the edge of the text."""
    def scan() -> list[tuple[int, int, str, str]]:
        norm = doc.norm
        padded = f" {norm} "                 # padded[i] is norm[i - 1]
        runs = []
        s = 0
        for m in _NON_DIGITS.finditer(norm):
            e, after = m.span()
            if e > s:
                runs.append((s, e, padded[s], padded[e + 1]))
            s = after
        if s < len(norm):
            runs.append((s, len(norm), padded[s], " "))
        return runs
    return _cached(doc, "anchors.digit_runs", scan)


def free_digit_runs(doc: Document, glue: str) -> list[tuple[int, int, str, str]]:
    """The digit runs with neither a word character nor a character of ``glue`` right before:
    where a pattern opening with ``(?<![\\w<glue>])\\d`` can match."""
    by_glue = _cached(doc, "anchors.free_digit_runs", dict)
    glue += "_"
    runs = by_glue.get(glue)
    if runs is None:
        runs = by_glue[glue] = [r for r in digit_runs(doc) if not (r[2] in glue or r[2].isalnum())]
    return runs


def roman_runs(doc: Document) -> list[tuple[int, int]]:
    """The words of ``doc.norm`` written in the capitals I, V, X, L, C only (``XIV``, ``C``)."""
    return _cached(doc, "anchors.roman_runs", lambda: [m.span() for m in _ROMAN_RUN.finditer(doc.norm)])


# --------------------------------------------------------------------------- words and phrases
# Found in doc.low, which has the offsets of doc.norm: the rule's pattern then runs over either.


def word_starts(doc: Document, word: str) -> list[int]:
    """Every offset where ``word`` (lower case) occurs in ``doc.low``, even inside a longer word."""
    found = _cached(doc, "anchors.word_starts", dict)
    out = found.get(word)
    if out is None:
        find = doc.low.find
        out = []
        i = find(word)
        while i >= 0:
            out.append(i)
            i = find(word, i + 1)
        found[word] = out
    return out


def phrase_starts(doc: Document, phrases: tuple[str, ...]) -> list[int]:
    """Offsets of ``doc.low`` (ascending) where one of ``phrases`` (lower case) may begin as a word:
    its first word is there, with no word character before it, and white space after it when every
    phrase opening with that word goes on. A pattern that opens with ``(?<![\\w])`` and one of the
    phrases can only match at these offsets."""
    found = _cached(doc, "anchors.phrase_starts", dict)
    out = found.get(phrases)
    if out is None:
        out = found[phrases] = sorted(_phrase_starts(doc, _first_words(phrases)))
    return out


@lru_cache(maxsize=None)
def _first_words(phrases: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
    """(first word, whether every phrase opening with it has more words) for each first word."""
    more: dict[str, bool] = {}
    for p in phrases:
        words = p.split()
        if words:
            more[words[0]] = more.get(words[0], True) and len(words) > 1
    return tuple(more.items())


def _phrase_starts(doc: Document, first_words: tuple[tuple[str, bool], ...]) -> Iterable[int]:
    low = doc.low
    n = len(low)
    for word, goes_on in first_words:
        k = len(word)
        for i in word_starts(doc, word):
            if i and is_word_char(low[i - 1]):
                continue
            if goes_on and not (i + k < n and low[i + k].isspace()):
                continue
            yield i


# --------------------------------------------------------------------------- reading back


def reversed_low(doc: Document) -> str:
    """``doc.low`` back to front: a pattern of words spelt backwards (``words_before``) tried here
    at ``len - i`` reads the words that end at offset ``i``: a look-behind of any length."""
    return _cached(doc, "anchors.reversed_low", lambda: doc.low[::-1])


def reversed_alternation(phrases: Iterable[str]) -> str:
    """A pattern over ``reversed_low`` for one of ``phrases`` (lower case) written back to front; a
    space between words matches any run of white space. Longer phrases are tried first, so that a
    match reaches as far back (starts as far left in the text) as the text allows."""
    alts = sorted({" ".join(p.split()) for p in phrases}, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(re.escape(w[::-1]) for w in reversed(p.split())) for p in alts) + ")"


def trie_alternation(phrases: Iterable[str], word_start: bool = False) -> str:
    """A pattern for one of ``phrases`` (a space between words matches any run of white space) written
    as a trie: the branches at each step open with distinct literals, so that the engine drops a
    phrase at its first differing character rather than trying every phrase in turn, and a search
    skips to where a first character is. It matches what the alternation of the phrases, longest
    first, matches (a longer phrase is tried before a phrase it goes on from). ``word_start``: no
    word character before the phrase (``(?<![\\w])``, checked after its first character)."""
    end: dict = {}
    root: dict = {}
    for p in {" ".join(p.split()) for p in phrases}:
        node = root
        for c in p:
            node = node.setdefault(c, {})
        node[""] = end

    def emit(node: dict, first: bool = False) -> str:
        alts = []
        for c, child in sorted(node.items()):
            if c:
                lit = r"\s+" if c == " " else re.escape(c)
                if first and word_start:
                    lit += rf"(?<!\w{lit})"
                alts.append(lit + emit(child))
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")" if alts else ""
        if "" in node and body:
            return f"(?:{body})?"
        return body
    return f"(?:{emit(root, True)})"


def words_before(phrases: Iterable[str], before: str = "", after: str = "") -> re.Pattern[str]:
    """A pattern over ``reversed_low`` for ``before`` + one of ``phrases`` + ``after``, each part
    written back to front by the caller: ``before`` is what comes right before the offset read
    back from, ``after`` what comes before the phrase (``(?!\\w)``: no word glued to it)."""
    return re.compile(f"{before}{reversed_alternation(phrases)}{after}")


def start_before(doc: Document, pattern: re.Pattern[str], i: int) -> int | None:
    """Where the words ``pattern`` (made by ``words_before``) reads back from offset ``i`` begin,
    or ``None`` when they are not there."""
    rev = reversed_low(doc)
    m = pattern.match(rev, len(rev) - i)
    return None if m is None else i - (m.end() - m.start())


def matches_read_back(doc: Document, pattern: re.Pattern[str], back: re.Pattern[str],
                      ends: Iterable[int]) -> list[re.Match[str]]:
    """What ``pattern.finditer(doc.norm)`` finds, given ``ends`` such that every match of the pattern
    begins before one of them, and not before where ``back`` (made by ``words_before``) reads back
    to from that one (the pattern's opening words, read back as far as they can go)."""
    found = []
    for q in ends:
        p = start_before(doc, back, q)
        if p is not None:
            found.append((p, q))
    found.sort()
    out = []
    end = 0
    match, norm = pattern.match, doc.norm
    for p, q in found:
        # the pattern matches at p unless an earlier match ends past p, when a match may still
        # begin after that end (read back from q, a shorter phrase)
        for at in range(max(p, end), q):
            m = match(norm, at)
            if m is not None:
                out.append(m)
                end = m.end()
                break
    return out


def phrase_matches(doc: Document, pattern: re.Pattern[str], phrases: tuple[str, ...]) -> list[re.Match[str]]:
    """What ``pattern.finditer(doc.norm)`` finds, for a pattern that opens with ``(?<![\\w])`` and one
    of ``phrases`` (lower case). A phrase is looked for where its last word is and read back from
    there: cheaper than ``phrase_starts`` when the phrases open with common words (các, những)."""
    back, last_words = _phrase_ends(phrases)
    ends = [i + len(word) for word in last_words for i in word_starts(doc, word)]
    return matches_read_back(doc, pattern, back, ends)


@lru_cache(maxsize=None)
def _phrase_ends(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The phrases read back from their end (no word glued before them), and their last words."""
    return words_before(phrases, after=r"(?!\w)"), tuple(sorted({p.split()[-1] for p in phrases if p.split()}))
