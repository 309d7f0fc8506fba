"""How office staff read dates and numbers: dd/mm/yyyy and 1.234,5."""
from __future__ import annotations

from datetime import date


def fmt_date(value: date | None, missing: str = "-") -> str:
    return value.strftime("%d/%m/%Y") if value else missing


def fmt_number(value: float | int | None, decimals: int = 1, missing: str = "-") -> str:
    """``1234.5`` -> ``1.234,5``; integers keep no decimals (``1234`` -> ``1.234``)."""
    if value is None:
        return missing
    if float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def fmt_percent(ratio: float | None, missing: str = "-") -> str:
    """A ratio 0..1 as ``83,3%``."""
    if ratio is None:
        return missing
    return fmt_number(round(ratio * 100, 1)) + "%"


def parse_date(text: str) -> date:
    """``dd/mm/yyyy`` (as staff write) or ISO ``yyyy-mm-dd``; ``ValueError`` otherwise."""
    text = text.strip()
    if "/" in text:
        day, month, year = text.split("/")
        if len(year) != 4:
            raise ValueError(f"năm phải có 4 chữ số: {text!r}")
        return date(int(year), int(month), int(day))
    return date.fromisoformat(text)
