"""A Document as the JSON object of shared/spec/EXTRACTION.md (``chidao.extract/1``)."""
from __future__ import annotations

from datetime import date
from typing import Any

from chidao.model import DocumentInfo

SCHEMA = "chidao.extract/1"


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _num(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def document_info_to_dict(info: DocumentInfo | None) -> dict[str, Any] | None:
    if info is None:
        return None
    signer = None
    if info.signer is not None:
        signer = {"name": info.signer.name, "title": info.signer.title,
                  "on_behalf_of": info.signer.on_behalf_of}
    return {
        "kind": info.kind, "number": info.number, "symbol": info.symbol,
        "issued_on": _d(info.issued_on), "issuer": info.issuer, "title": info.title,
        "signer": signer, "recipients": list(info.recipients), "place": info.place,
    }


def document_to_dict(doc: Any) -> dict[str, Any]:
    src = doc.source
    return {
        "schema": SCHEMA,
        "source": {"path": src.path, "sha256": src.sha256, "chars": len(doc.text),
                   "ref_date": _d(doc.ref_date)},
        "document": document_info_to_dict(doc.info),
        "meetings": [
            {"kind": m.kind, "body": m.body, "session": m.session, "term": m.term, "date": _d(m.date),
             "chairs": list(m.chairs), "start": m.start, "end": m.end, "rule": m.rule}
            for m in doc.get("meetings")
        ],
        "people": [
            {"name": p.name, "titles": list(p.titles),
             "mentions": [{"start": x.start, "end": x.end} for x in p.mentions], "rule": p.rule}
            for p in doc.get("people")
        ],
        "organizations": [
            {"name": o.name, "aliases": list(o.aliases),
             "mentions": [{"start": x.start, "end": x.end} for x in o.mentions], "rule": o.rule}
            for o in doc.get("organizations")
        ],
        "references": [
            {"kind": r.kind, "number": r.number, "symbol": r.symbol, "year": r.year,
             "issued_on": _d(r.issued_on), "issuer": r.issuer, "text": r.text,
             "start": r.start, "end": r.end, "rule": r.rule}
            for r in doc.get("references")
        ],
        "indicators": [
            {"name": i.name, "period": i.period, "value": _num(i.value), "unit": i.unit,
             "change_pct": _num(i.change_pct), "plan_pct": _num(i.plan_pct), "actual": _num(i.actual),
             "target": _num(i.target), "text": i.text, "start": i.start, "end": i.end, "rule": i.rule}
            for i in doc.get("indicators")
        ],
        "tasks": [
            {"ordinal": t.ordinal, "text": t.text, "assignees": list(t.assignees),
             "deadline": _d(t.deadline), "deadline_text": t.deadline_text,
             "start": t.start, "end": t.end, "rule": t.rule}
            for t in doc.get("tasks")
        ],
        "shortcomings": [
            {"text": s.text, "start": s.start, "end": s.end, "rule": s.rule}
            for s in doc.get("shortcomings")
        ],
    }
