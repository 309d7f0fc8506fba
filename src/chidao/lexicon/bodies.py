"""Names of bodies (Tỉnh ủy, UBND tỉnh, sở ...): canonical names, abbreviations, parents, a regex."""
from __future__ import annotations

import re
from functools import lru_cache

from chidao.lexicon import load_tsv, trie_regex
from chidao.text.normalize import normalize

_WORD = r"[^\W_]"
_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
# a department named by its own words though not listed: "Sở Du lịch", "Sở Ngoại vụ"
_SO = re.compile(rf"Sở\s+[{_UPPER}]\w*(?:[\s,&-]+(?:và\s+)?[{_UPPER}]?\w+){{0,7}}")


_SPACES = re.compile(r"\s+")
_PUNCT_SPACES = re.compile(r"\s*([,&-])\s*")
_LEADING_ALL = re.compile(r"^(?:các|những)\s+", re.IGNORECASE)


def _fold(s: str) -> str:
    """The matching form of a surface: normalised, one space between words, no edge punctuation."""
    n = normalize(s).norm
    n = _SPACES.sub(" ", n).strip(" .,;:-()")
    return n


def _literal(s: str) -> str:
    """A regex for literal words, flexible on spacing around , - & and between words."""
    s = re.sub(r"\s+", " ", re.sub(r"\s*([,&-])\s*", r"\1", s))
    out = []
    for ch in s:
        if ch == " ":
            out.append(r"\s+")
        elif ch in ",-&":
            out.append(rf"\s*{re.escape(ch)}\s*")
        else:
            out.append(re.escape(ch))
    return "".join(out)


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[tuple[str, tuple[str, ...]], ...]:
    rows = []
    for row in load_tsv("body_abbreviations"):
        full = _fold(row[0])
        abbrs = tuple(_fold(a) for a in row[1].split("|")) if len(row) > 1 and row[1] else ()
        rows.append((full, abbrs))
    rows.sort(key=lambda r: -len(r[0]))
    return tuple(rows)


def _phrases(name: str, skip: frozenset[str]) -> list[tuple[str, str | None, tuple[str, ...]]]:
    """``name`` cut into (literal text, abbreviable phrase or None, its abbreviations) pieces: the
    phrases of body_abbreviations.tsv found at word starts, longest first."""
    low = name.lower()
    pieces: list[tuple[str, str | None, tuple[str, ...]]] = []
    lit_start = 0
    i = 0
    while i < len(name):
        hit = None
        if i == 0 or not name[i - 1].isalnum():
            for full, abbrs in _abbreviations():
                if full in skip:
                    continue
                end = i + len(full)
                if low.startswith(full.lower(), i) and (end == len(name) or not name[end].isalnum()):
                    hit = (full, abbrs, end)
                    break
        if hit is None:
            i += 1
            continue
        full, abbrs, end = hit
        pieces.append((name[lit_start:i], full, abbrs))
        i = lit_start = end
    pieces.append((name[lit_start:], None, ()))
    return pieces


def _phrase_regex(name: str, skip: frozenset[str] = frozenset()) -> str:
    """A regex for ``name`` that also accepts the abbreviations of the phrases inside it."""
    out: list[str] = []
    for lit, full, abbrs in _phrases(name, skip):
        out.append(_literal(lit))
        if full is not None:
            alts = [_phrase_regex(full, skip | {full})] + [_literal(a) for a in abbrs]
            out.append("(?:" + "|".join(alts) + ")")
    return "".join(out)


def _phrase_forms(name: str, skip: frozenset[str] = frozenset()) -> list[str]:
    """Every written form of ``name``: the phrases inside it in full or abbreviated (the same
    language as ``_phrase_regex``, spelled out so that one dictionary and one trie serve them all)."""
    forms = [""]
    for lit, full, abbrs in _phrases(name, skip):
        alts = _phrase_forms(full, skip | {full}) + list(abbrs) if full is not None else [""]
        forms = [f + lit + a for f in forms for a in alts]
    return forms


def _key(s: str) -> str:
    """What two spellings of one form share: lower case, one space, none around , - &."""
    return _SPACES.sub(" ", _PUNCT_SPACES.sub(r"\1", s)).strip().lower()


@lru_cache(maxsize=1)
def _forms() -> dict[str, str]:
    """The key of every written form of every body -> its canonical name (longest canonical wins)."""
    out: dict[str, str] = {}
    for canonical, aliases, _parent, _rx in _table():
        for form in (canonical, *aliases):
            for f in _phrase_forms(form):
                out.setdefault(_key(f), canonical)
    return out


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[str, tuple[str, ...], str | None, str], ...]:
    """(canonical, aliases, parent, regex) for every body, longest canonical first."""
    rows = []
    for row in load_tsv("bodies"):
        canonical = _fold(row[0])
        aliases = tuple(_fold(a) for a in row[1].split("|") if a.strip()) if len(row) > 1 else ()
        parent = _fold(row[2]) if len(row) > 2 and row[2] else None
        forms = (canonical, *aliases)
        regex = "|".join(_phrase_regex(f) for f in sorted(forms, key=len, reverse=True))
        rows.append((canonical, aliases, parent, regex))
    rows.sort(key=lambda r: -len(r[0]))
    return tuple(rows)


@lru_cache(maxsize=1)
def _full_matchers() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rf"(?:{rx})", re.IGNORECASE), c) for c, _a, _p, rx in _table())


def _lookup(folded: str) -> str | None:
    return _forms().get(_key(folded))


@lru_cache(maxsize=8192)
def canonical_body(surface: str) -> str | None:
    """The canonical name of the body ``surface`` names, or ``None`` when it names no known body.

    Folds abbreviations (``UBND tỉnh`` -> ``Ủy ban nhân dân tỉnh``), case and ``uỷ``/``ủy``;
    drops a leading ``các`` and a trailing place name (``Tỉnh ủy Nghệ An`` -> ``Tỉnh ủy``).
    A department not in the list keeps its own words (``Sở Du lịch``).
    """
    folded = _fold(surface)
    if not folded:
        return None
    candidates = [folded]
    bare = _LEADING_ALL.sub("", folded)
    if bare != folded:
        candidates.append(bare)
    for cand in candidates:
        found = _lookup(cand)
        if found:
            return found
    for cand in candidates:
        words = cand.split(" ")
        while len(words) > 1 and words[-1][:1].isupper():
            words.pop()
            found = _lookup(" ".join(words))
            if found:
                return found
    m = _SO.fullmatch(bare)
    if m:
        return bare[0].upper() + bare[1:]
    return None


def parent_of(canonical: str) -> str | None:
    """The body ``canonical`` belongs to (``Ban Thường vụ Tỉnh ủy`` -> ``Tỉnh ủy``), or ``None``."""
    folded = _fold(canonical)
    for name, _aliases, parent, _rx in _table():
        if name.lower() == folded.lower():
            return parent
    if _SO.fullmatch(folded):
        return "Ủy ban nhân dân tỉnh"
    return None


def known_bodies() -> tuple[str, ...]:
    """Every canonical name in the lexicon, longest first."""
    return tuple(r[0] for r in _table())


def aliases_of(canonical: str) -> tuple[str, ...]:
    """The aliases the lexicon lists for ``canonical`` (abbreviated forms are matched, not listed)."""
    for name, aliases, _parent, _rx in _table():
        if name == canonical:
            return aliases
    return ()


def body_regex(canonical: str) -> str:
    """A regex for one body in every written form; raises ``KeyError`` for an unknown name."""
    for name, _aliases, _parent, rx in _table():
        if name == canonical:
            return rx
    raise KeyError(canonical)


@lru_cache(maxsize=1)
def body_surfaces() -> tuple[str, ...]:
    """Every written form of every known body as the lexicon writes it (case kept), longest name
    first: the forms of ``body_forms`` before they are lower-cased."""
    out: dict[str, None] = {}
    for canonical, aliases, _parent, _rx in _table():
        for form in (canonical, *aliases):
            for f in _phrase_forms(form):
                out.setdefault(f, None)
    return tuple(out)


def body_forms() -> tuple[str, ...]:
    """Every written form of every known body (the phrases of ``body_pattern``), lower case, one
    space between words and none around ``,`` ``-`` ``&``."""
    return tuple(_forms())


@lru_cache(maxsize=1)
def body_pattern() -> str:
    """A regex alternation of every known body in every written form, longest name first.

    Bounded by non-word characters; compile it with ``re.IGNORECASE`` (``chidao.extract.rules.vi``)
    and match it on ``Document.norm``. It has no capturing groups.
    """
    # one trie over every spelled-out form: a failing position costs a character test or two
    return rf"(?<!{_WORD}){trie_regex(_forms(), loose=',-&')}(?!{_WORD})"


__all__ = ["canonical_body", "parent_of", "body_pattern", "body_forms", "body_surfaces", "body_regex",
           "known_bodies", "aliases_of"]
