"""The tracker benchmarks' corpus: the five seeds varied into many distinct documents and their revisions.

Each generated document changes the seed's people (names drawn from common Vietnamese family,
middle and given names), years (the whole text moves to a year in 2011-2025), percentages and,
for numbered documents, gets a header ``Số NNN-KL/TU`` dated in that year. Some numbered documents
come back as revisions (same number, symbol and year; a changed body), as offices re-issue them.

Extraction of every variant would take minutes, so the store-only benchmark uses *derived*
extraction dicts: each seed template is extracted once and the same substitutions are applied to
every string of its dict. Fact counts and field values follow the text; offsets keep the
template's values (the store does not check them).
"""
from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lương", "Trịnh", "Mai")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Quốc", "Thanh", "Hữu", "Ngọc", "Hoàng", "Xuân", "Công", "Thị Thu",
          "Văn Quang", "Trọng", "Hồng")
GIVEN = ("Hùng", "Dũng", "Hải", "Lan", "Hương", "Tuấn", "Nam", "Sơn", "Long", "Quân", "Hà", "Thảo",
         "Bình", "Phong", "Trung", "Kiên", "Thắng", "Hòa", "Yến", "Vinh", "Cường", "Tâm", "Khánh", "Lộc")
PROVINCES = ("Bình Phước", "Nghệ An", "Quảng Ninh", "Thanh Hóa", "Đắk Lắk", "Cà Mau", "Lào Cai", "Bắc Ninh",
             "Hà Tĩnh", "Kiên Giang", "Lâm Đồng", "Thái Bình", "Sơn La", "Bến Tre", "Phú Yên", "Hà Giang")

# Placeholders of the numbered-document header; distinctive so the derived dicts can be rewritten.
T_NUMBER, T_PLACE, T_DAY, T_MONTH = "9876", "Phú Thọ", 20, 3
HEADER = "TỈNH ỦY {prov}\n*\nSố {num}-{sym}\n\nĐẢNG CỘNG SẢN VIỆT NAM\n{place}, ngày {day} tháng {month} năm {year}\n\n"
# symbol -> the title line put under the header when the seed has none
SYMBOLS = {"KL/TU": "KẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY", "TB/TU": "THÔNG BÁO KẾT LUẬN\nCỦA THƯỜNG TRỰC TỈNH ỦY",
           "NQ/TU": "NGHỊ QUYẾT\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH"}
PERCENT = re.compile(r"\b\d{1,3},\d{1,2}(?=\s?%)")
YEAR = re.compile(r"\b(?:19[89]\d|20[0-4]\d)\b")


@dataclass(frozen=True)
class Template:
    name: str
    text: str            # seed text, under the placeholder header when ``numbered``
    base_year: int       # the year the text is about (its most frequent year)
    people: tuple[str, ...]
    percents: tuple[str, ...]
    symbol: str | None   # None: published as a news report, without a number

    @property
    def numbered(self) -> bool:
        return self.symbol is not None


@dataclass(frozen=True)
class GeneratedDoc:
    index: int
    template: int
    text: str
    subs: tuple[tuple[str, str], ...]      # what was replaced; applied to the template's dict as well
    symbol: str | None
    doc_key: tuple[str, str] | None        # (number, symbol) of a numbered document
    revision: int                          # 1 for a first version

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def seed_texts() -> list[tuple[str, str]]:
    out = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    if not out:
        raise SystemExit(f"no seeds found in {SEEDS}")
    return out


def _main_year(text: str) -> int:
    years = YEAR.findall(text)
    return int(max(sorted(set(years)), key=years.count)) if years else 2024


def templates(extract_people: Callable[[str], list[str]]) -> list[Template]:
    """Per seed: as published (a news report), and under a numbered header of each symbol.

    A seed that opens with its own title (``KẾT LUẬN``) only gets the header of that kind.
    """
    out = []
    for name, text in seed_texts():
        year = _main_year(text)
        people = tuple(sorted(set(extract_people(text)), key=len, reverse=True))
        percents = tuple(sorted(set(PERCENT.findall(text))))
        out.append(Template(name, text, year, people, percents, None))
        own_title = next((s for s, title in SYMBOLS.items() if text.lstrip().startswith(title.split("\n")[0])), None)
        for sym, title in SYMBOLS.items():
            if own_title and sym != own_title:
                continue
            header = HEADER.format(prov=T_PLACE.upper(), num=T_NUMBER, sym=sym, place=T_PLACE, day=T_DAY,
                                   month=T_MONTH, year=year)
            body = text if own_title else f"{title}\n\n{text}"
            out.append(Template(f"{name}+{sym}", header + body, year, people, percents, sym))
    return out


def replace_all(text: str, subs: dict[str, str]) -> str:
    """Every key of ``subs`` replaced at once (longest first), so replacements never chain."""
    if not subs:
        return text
    pattern = re.compile("|".join(re.escape(k) for k in sorted(subs, key=len, reverse=True)))
    return pattern.sub(lambda mt: subs[mt.group(0)], text)


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def generate(n: int, tpls: list[Template], *, seed: int = 2024, numbered_share: float = 0.6,
             revision_share: float = 0.15) -> Iterator[GeneratedDoc]:
    """``n`` documents with distinct contents; about ``revision_share`` of them revise an earlier one."""
    rng = random.Random(seed)
    seen: set[str] = set()
    firsts: list[GeneratedDoc] = []
    next_number = 100
    i = 0
    while i < n:
        if firsts and rng.random() < revision_share:
            base = rng.choice(firsts)
            doc = _vary(tpls[base.template], base.template, rng, i, base=base)
        else:
            numbered = rng.random() < numbered_share
            k = rng.choice([j for j, t in enumerate(tpls) if t.numbered == numbered])
            number = None
            if numbered:
                number = str(next_number)
                next_number += rng.randint(1, 3)
            doc = _vary(tpls[k], k, rng, i, number=number)
        if doc.sha256 in seen:
            continue
        seen.add(doc.sha256)
        if doc.doc_key is not None and doc.revision == 1:
            firsts.append(doc)
        yield doc
        i += 1


def _vary(tpl: Template, k: int, rng: random.Random, index: int, *, number: str | None = None,
          base: GeneratedDoc | None = None) -> GeneratedDoc:
    """A variant of ``tpl``; with ``base``, a new version of that document (same number, year, people)."""
    prior = dict(base.subs) if base else {}
    year = int(prior.get(str(tpl.base_year), 0)) or rng.randint(2011, 2025)
    delta = year - tpl.base_year
    subs: dict[str, str] = {y: str(int(y) + delta) for y in set(YEAR.findall(tpl.text))}
    subs.update({p: prior.get(p) or _name(rng) for p in tpl.people})
    subs.update({p: f"{rng.randint(0, 99)},{rng.randint(1, 9)}" for p in tpl.percents})
    symbol, key = None, None
    if tpl.numbered:
        number = base.doc_key[0] if base else number
        symbol = tpl.symbol
        place = prior.get(T_PLACE) or rng.choice(PROVINCES)
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        subs[f"TỈNH ỦY {T_PLACE.upper()}"] = f"TỈNH ỦY {place.upper()}"
        subs[f"Số {T_NUMBER}-{symbol}"] = f"Số {number}-{symbol}"
        subs[f"{T_PLACE}, ngày {T_DAY} tháng {T_MONTH} năm {tpl.base_year}"] = \
            f"{place}, ngày {day} tháng {month} năm {year}"
        subs[T_PLACE] = place
        # the same values as the extraction dict spells them
        subs[T_NUMBER] = str(number)
        subs[f"{tpl.base_year}-{T_MONTH:02d}-{T_DAY:02d}"] = date(year, month, day).isoformat()
        key = (str(number), symbol)
    text = replace_all(tpl.text, subs)
    return GeneratedDoc(index, k, text, tuple(subs.items()), symbol, key, 2 if base else 1)


# --------------------------------------------------------------------------- derived dicts

def derive_dict(template_dict: dict[str, Any], doc: GeneratedDoc) -> dict[str, Any]:
    """The template's extraction with the document's substitutions applied to every string value."""
    subs = dict(doc.subs)
    pattern = re.compile("|".join(re.escape(k) for k in sorted(subs, key=len, reverse=True)))

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return _fix_date(pattern.sub(lambda mt: subs[mt.group(0)], value))
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    out = walk(template_dict)
    out["source"] = {**(out.get("source") or {}), "sha256": doc.sha256, "chars": len(doc.text)}
    return out


_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _fix_date(value: str) -> str:
    """A 29 February moved into a common year becomes the 28th, so derived dates stay valid."""
    mt = _ISO.match(value)
    if mt and mt.group(2) == "02" and mt.group(3) == "29":
        y = int(mt.group(1))
        if not (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)):
            return f"{y:04d}-02-28"
    return value
