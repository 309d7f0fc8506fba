"""Small extraction dicts (schema chidao.extract/1) built by hand, for storing without the extractors."""
from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from chidao import services
from chidao.storage import Store

NOW = datetime(2024, 7, 1, 9, 0, 0)


def ref(number: str, symbol: str | None, kind: str = "ket_luan", text: str | None = None,
        year: int | None = None, issued_on: str | None = None) -> dict[str, Any]:
    text = text or f"Kết luận số {number}-{symbol}"
    return {"kind": kind, "number": number, "symbol": symbol, "year": year, "issued_on": issued_on,
            "issuer": None, "text": text, "start": 0, "end": len(text), "rule": "test"}


def task(text: str, assignees: list[str], deadline: str | None = None, ordinal: str | None = None) -> dict[str, Any]:
    return {"ordinal": ordinal, "text": text, "assignees": assignees, "deadline": deadline,
            "deadline_text": None, "start": 0, "end": len(text), "rule": "test"}


def extraction(*, number: str | None = None, symbol: str | None = None, issued_on: str | None = "2024-03-14",
               kind: str = "ket_luan", references: list | None = None, tasks: list | None = None,
               people: list | None = None, organizations: list | None = None, indicators: list | None = None,
               meetings: list | None = None, shortcomings: list | None = None, news: bool = False) -> dict[str, Any]:
    document = None if news else {
        "kind": kind, "number": number, "symbol": symbol, "issued_on": issued_on,
        "issuer": "Ban Thường vụ Tỉnh ủy", "title": "Kết luận", "signer": {"name": "Đặng Ngọc Huy",
        "title": "Phó Bí thư", "on_behalf_of": "Ban Thường vụ"}, "recipients": ["Lưu Văn phòng Tỉnh ủy"],
        "place": None}
    return {"schema": "chidao.extract/1", "source": {"path": None, "sha256": None, "chars": 0,
                                                      "ref_date": issued_on},
            "document": document, "meetings": meetings or [], "people": people or [],
            "organizations": organizations or [], "references": references or [],
            "indicators": indicators or [], "tasks": tasks or [], "shortcomings": shortcomings or []}


def put(store: Store, data: dict[str, Any], body: str = "text", now: datetime = NOW) -> services.IngestOutcome:
    """Store ``data`` as if read from a file whose content is ``body``."""
    content = body.encode("utf-8")
    with store.transaction() as session:
        return services.store_extraction(
            session, data=data, content=content, text=body, sha256=hashlib.sha256(content).hexdigest(),
            path=f"{hashlib.sha256(content).hexdigest()[:8]}.txt", fmt="txt", meta={}, now=now)
