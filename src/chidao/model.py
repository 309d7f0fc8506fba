"""The domain core: frozen dataclasses for every fact chidao reads or tracks; no I/O.

Every extracted fact carries ``start``/``end`` character offsets into the text *as read*
(Python ``str`` indices, end exclusive) and the ``rule`` that produced it.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of the original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def text(self, source: str) -> str:
        return source[self.start:self.end]


# --------------------------------------------------------------------------- low-level facts


@dataclass(frozen=True, slots=True)
class NumberFact:
    """A number in Vietnamese notation: ``1.200.000``, ``3,09``, ``8,5%``, ``288/825``, ``XX``."""

    start: int
    end: int
    text: str
    value: float
    is_percent: bool = False
    denominator: float | None = None  # 288/825 -> value 288, denominator 825
    roman: bool = False
    rule: str = ""


class PeriodKind(str, enum.Enum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"           # 6 tháng đầu/cuối năm
    YEAR = "year"
    MONTHS = "months"       # "9 tháng", "những tháng đầu năm"
    RANGE = "range"         # giai đoạn 2021 – 2030, nhiệm kỳ 2025 – 2030
    RELATIVE = "relative"   # "trong 30 ngày", "trước Tết": not fixable to a date


@dataclass(frozen=True, slots=True)
class DateFact:
    """A date or a period, resolved against the reference date where it lacks a year.

    ``first``/``last`` are the first and last day the expression covers (equal for a day);
    both ``None`` when the words do not fix the period (``trước Tết``, ``thời gian tới``).
    """

    start: int
    end: int
    text: str
    kind: PeriodKind
    first: date | None
    last: date | None
    year_given: bool = True
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Deadline:
    """The words that set a task's deadline and the last day they allow (``None``: not fixable).

    ``trong Quý II/2024`` -> 2024-06-30; ``trước tháng 6/2024`` -> 2024-05-31;
    ``chậm nhất ngày 30/6/2024`` -> 2024-06-30; ``trong 30 ngày`` -> None.
    """

    text: str
    start: int
    end: int
    due: date | None
    rule: str = ""


# --------------------------------------------------------------------------- document-level facts


@dataclass(frozen=True, slots=True)
class Reference:
    """A citation of a numbered document (``Kết luận số 2043-KL/TU ngày 05/12/2023 ...``)."""

    kind: str                 # nghi_quyet, ket_luan, ... (see shared/spec/EXTRACTION.md)
    number: str | None
    symbol: str | None
    year: int | None
    issued_on: date | None
    issuer: str | None
    text: str
    start: int
    end: int
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    titles: tuple[str, ...]
    mentions: tuple[Mention, ...]
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Organization:
    name: str                 # canonical name, abbreviations expanded
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()   # surface forms met in the text
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Meeting:
    kind: str                 # hoi_nghi, phien_hop, buoi_lam_viec, giao_ban, cuoc_hop, ky_hop, dai_hoi
    body: str | None
    session: int | None
    term: str | None          # "XX" for khóa XX
    date: date | None
    chairs: tuple[str, ...]
    start: int
    end: int
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Indicator:
    name: str
    period: str | None
    value: float | None
    unit: str | None
    change_pct: float | None
    plan_pct: float | None
    actual: float | None
    target: float | None
    text: str
    start: int
    end: int
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Task:
    ordinal: str | None
    text: str
    assignees: tuple[str, ...]
    deadline: date | None
    deadline_text: str | None
    start: int
    end: int
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Shortcoming:
    text: str
    start: int
    end: int
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Signer:
    name: str | None
    title: str | None
    on_behalf_of: str | None = None   # "Ban Thường vụ" from "T/M BAN THƯỜNG VỤ"


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What a formal document says of itself; ``None`` for a news report."""

    kind: str | None
    number: str | None
    symbol: str | None
    issued_on: date | None
    issuer: str | None
    title: str | None
    signer: Signer | None
    recipients: tuple[str, ...] = ()
    place: str | None = None


# --------------------------------------------------------------------------- tracking


class TaskStatus(str, enum.Enum):
    """Derived, never typed: see ``chidao.tracking.status``."""

    NOT_DUE = "chua_den_han"                 # chưa đến hạn
    IN_PROGRESS = "dang_thuc_hien_trong_han"  # đang thực hiện trong hạn
    OVERDUE = "qua_han"                       # quá hạn
    DONE_ON_TIME = "hoan_thanh_dung_han"      # hoàn thành đúng hạn
    DONE_LATE = "hoan_thanh_qua_han"          # hoàn thành quá hạn
    NO_DEADLINE = "chua_xac_dinh_thoi_han"    # chưa xác định thời hạn

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    TaskStatus.NOT_DUE: "Chưa đến hạn",
    TaskStatus.IN_PROGRESS: "Đang thực hiện trong hạn",
    TaskStatus.OVERDUE: "Quá hạn",
    TaskStatus.DONE_ON_TIME: "Hoàn thành đúng hạn",
    TaskStatus.DONE_LATE: "Hoàn thành quá hạn",
    TaskStatus.NO_DEADLINE: "Chưa xác định thời hạn",
}


class ReviewState(str, enum.Enum):
    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class TaskUpdate:
    """One progress report on a task: part of its history."""

    reported_on: date
    text: str
    percent: int | None
    author: str
    evidence: tuple[str, ...] = field(default_factory=tuple)


def document_code(number: str | None, symbol: str | None, year: int | None = None) -> str:
    """A document's number and symbol as printed: ``2043-KL/TU``, ``73/2023/NĐ-CP``, ``581``."""
    if not number:
        return symbol or ""
    if not symbol:
        return number
    if year is None and "/" in symbol:
        return f"{number}-{symbol}"           # Party style: number first, then KL/TU
    return "/".join(str(x) for x in (number, year, symbol) if x)
