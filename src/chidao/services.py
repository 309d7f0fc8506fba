"""Use cases of the tracker (ingest, review, follow-up, registers, export): one transaction each."""
from __future__ import annotations

import base64
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import and_, case, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from chidao.config import DEFAULT_MAX_BYTES
from chidao.errors import ChidaoError, ConflictError, NotFoundError, StorageError, ValidationError
from chidao.model import ReviewState, TaskStatus
from chidao.storage import models as m
from chidao.storage.engine import Store
from chidao.text.normalize import normalize
from chidao.tracking.status import AGE_BUCKETS, days_overdue, derive_status, status_label
from chidao.tracking.summary import UnitSummary

NO_UNIT = "(chưa giao đơn vị)"
SYSTEM_ACTOR = "chidao"
DEFAULT_COMPLETION_TEXT = "Hoàn thành"      # the history text of a completion reported without words
INGEST_SUFFIXES = frozenset({".txt", ".text", ".docx", ".doc", ".pdf", ".html", ".htm", ".rtf", ".odt"})

# --------------------------------------------------------------------------- keys


@lru_cache(maxsize=65536)
def text_key(text: str) -> str:
    """The matching form of a name: normalised, case-folded, single spaces, no edge punctuation."""
    norm = normalize(text).norm
    return re.sub(r"\s+", " ", norm).strip(" .,;:-").casefold()


def _symbol_key(symbol: str) -> str:
    return re.sub(r"\s+", "", normalize(symbol).norm).upper()


def document_key(number: str | None, symbol: str | None, year: int | None) -> str | None:
    """``2043||KL/TU`` for a Party code; ``73|2023|NĐ-CP`` for a state code (its year is part of it).

    None when the document has no number or no symbol: it cannot be cited unambiguously.
    """
    if not number or not symbol:
        return None
    sym = _symbol_key(symbol)
    state_code = "/" not in sym
    return f"{number.strip().lstrip('0') or '0'}|{year if state_code and year else ''}|{sym}"


def _pairs(result: Any) -> dict[Any, Any]:
    return {k: v for k, v in result.all()}


def _iso(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# --------------------------------------------------------------------------- organizations


@lru_cache(maxsize=65536)
def _canonical(surface: str) -> tuple[str, str | None]:
    """The canonical name of a body and its parent's canonical name, from the shared lexicon."""
    name = re.sub(r"\s+", " ", surface).strip()
    parent = None
    try:
        from chidao.lexicon import bodies
    except ImportError:
        return name, None
    name = bodies.canonical_body(name) or name
    parent_of = getattr(bodies, "parent_of", None)
    if parent_of is not None:
        parent = parent_of(name)
    return name, parent


def _survivor(session: Session, org: m.Organization) -> m.Organization:
    seen = set()
    while org.merged_into_id is not None and org.id not in seen:
        seen.add(org.id)
        org = session.get(m.Organization, org.merged_into_id)
    return org


class _OrgCache:
    """Alias lookups of one transaction, batched: which alias keys exist, and for which organization.

    Only for a transaction that adds aliases through ``resolve_org`` and deletes none (ingest).
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.alias: dict[str, int] = {}        # alias key -> organization id
        self.absent: set[str] = set()          # alias keys known not to exist
        self.orgs: dict[int, m.Organization] = {}   # strong references: the identity map is weak
        self.resolved: dict[tuple[str, tuple[str, ...]], m.Organization] = {}

    def load(self, keys: Iterable[str]) -> None:
        todo = sorted({k for k in keys if k and k not in self.alias and k not in self.absent})
        for i in range(0, len(todo), 500):
            chunk = todo[i:i + 500]
            found = _pairs(self.session.execute(
                select(m.OrgAlias.key, m.OrgAlias.organization_id).where(m.OrgAlias.key.in_(chunk))))
            self.alias.update(found)
            self.absent.update(k for k in chunk if k not in found)
        ids = sorted(set(self.alias.values()) - set(self.orgs))
        for i in range(0, len(ids), 500):
            for org in self.session.scalars(select(m.Organization).where(m.Organization.id.in_(ids[i:i + 500]))):
                self.orgs[org.id] = org

    def load_names(self, surfaces: Iterable[str], aliases: Iterable[str] = ()) -> None:
        """Look up at once every key ``resolve_org`` will need for these names and aliases."""
        keys = {text_key(a) for a in aliases}
        for s in surfaces:
            keys.add(text_key(s))
            keys.add(text_key(_canonical(s)[0]))
        self.load(keys)

    def org_id(self, keys: Sequence[str]) -> int | None:
        """The organization of the first of ``keys`` that is a known alias."""
        self.load(keys)
        return next((self.alias[k] for k in keys if k in self.alias), None)

    def has(self, key: str) -> bool:
        self.load([key])
        return key in self.alias

    def added(self, key: str, org: m.Organization) -> None:
        self.alias[key] = org.id
        self.absent.discard(key)
        self.orgs[org.id] = org


def find_org(session: Session, name: str, *, cache: _OrgCache | None = None) -> m.Organization | None:
    """The organization known under ``name`` (canonical name, alias or abbreviation), if any."""
    if cache is not None:
        oid = cache.org_id([text_key(name), text_key(_canonical(name)[0])])
        if oid is not None:
            return _survivor(session, session.get(m.Organization, oid))
        org = session.scalars(select(m.Organization).where(m.Organization.name == name)).first()
        return _survivor(session, org) if org else None
    keys = {text_key(name), text_key(_canonical(name)[0])}
    alias = session.scalars(select(m.OrgAlias).where(m.OrgAlias.key.in_(keys))).first()
    if alias is not None:
        return _survivor(session, session.get(m.Organization, alias.organization_id))
    org = session.scalars(select(m.Organization).where(m.Organization.name == name)).first()
    return _survivor(session, org) if org else None


def find_org_name(store: Store, name: str) -> str | None:
    """The canonical name of the organization known as ``name``, if any."""
    with store.transaction() as session:
        org = find_org(session, name)
        return org.name if org else None


def _add_alias(session: Session, org: m.Organization, surface: str, cache: _OrgCache | None = None) -> None:
    key = text_key(surface)
    if not key:
        return
    if cache is not None:
        if not cache.has(key):
            session.add(m.OrgAlias(key=key, alias=surface, organization_id=org.id))
            cache.added(key, org)
        return
    if session.scalars(select(m.OrgAlias.id).where(m.OrgAlias.key == key)).first() is None:
        session.add(m.OrgAlias(key=key, alias=surface, organization_id=org.id))
        session.flush()


def resolve_org(session: Session, surface: str, aliases: Sequence[str] = (), _depth: int = 0, *,
                cache: _OrgCache | None = None) -> m.Organization:
    """The organization for a body met as ``surface``, created (with its parent) when new.

    ``cache`` (one per transaction) batches the lookups of many calls; the result is the same.
    """
    memo_key = (surface, tuple(aliases))
    if cache is not None and memo_key in cache.resolved:
        return cache.resolved[memo_key]
    org = find_org(session, surface, cache=cache)
    if org is None:
        canonical, parent_name = _canonical(surface)
        org = session.scalars(select(m.Organization).where(m.Organization.name == canonical)).first()
        if org is None:
            parent = None
            if parent_name and text_key(parent_name) != text_key(canonical) and _depth < 5:
                parent = resolve_org(session, parent_name, _depth=_depth + 1, cache=cache)
            org = m.Organization(name=canonical, parent_id=parent.id if parent else None)
            session.add(org)
            session.flush()
        org = _survivor(session, org)
        _add_alias(session, org, canonical, cache)
    _add_alias(session, org, surface, cache)
    for alias in aliases:
        _add_alias(session, org, alias, cache)
    if cache is not None:
        cache.resolved[memo_key] = org
    return org


# --------------------------------------------------------------------------- audit


def write_audit(session: Session, *, actor: str, now: datetime, entity: str, entity_id: int, action: str,
                before: dict[str, Any] | None = None, after: dict[str, Any] | None = None) -> None:
    """Add one audit-log entry to ``session`` (dates in ``before``/``after`` are stored ISO)."""
    session.add(m.AuditEntry(
        at=now, actor=actor, entity=entity, entity_id=entity_id, action=action,
        before={k: _iso(v) for k, v in before.items()} if before is not None else None,
        after={k: _iso(v) for k, v in after.items()} if after is not None else None))


def _flush(session: Session) -> None:
    try:
        session.flush()
    except StaleDataError:
        raise ConflictError("someone else changed this task meanwhile; reload it "
                            "('chidao tasks show ID') and apply your change again") from None


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class IngestOutcome:
    path: str
    status: str                   # stored | revised | unchanged | failed
    document_id: int | None = None
    revision_id: int | None = None
    reason: str | None = None
    tasks: int = 0


@dataclass
class IngestSummary:
    outcomes: list[IngestOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[IngestOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the readable files under folders (recursively, hidden ones skipped)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p).parts
                if f.is_file() and f.suffix.lower() in INGEST_SUFFIXES and not any(x.startswith(".") for x in rel):
                    out.append(f)
        else:
            out.append(p)
    return out


def _doc_date(data: dict[str, Any]) -> date | None:
    info = data.get("document") or {}
    if info.get("issued_on"):
        return _date(info["issued_on"])
    for meeting in data.get("meetings") or ():
        if meeting.get("date"):
            return _date(meeting["date"])
    return _date((data.get("source") or {}).get("ref_date"))


def store_extraction(session: Session, *, data: dict[str, Any], content: bytes, text: str, sha256: str,
                     path: str | None, fmt: str, meta: dict[str, Any] | None, now: datetime,
                     actor: str = SYSTEM_ACTOR) -> IngestOutcome:
    """Store one document's file, text and facts (the ``chidao.extract/1`` dict) in ``session``."""
    info = data.get("document") or None
    issued = _date(info.get("issued_on")) if info else None
    key = document_key(info.get("number"), info.get("symbol"), issued.year if issued else None) if info else None
    document = session.scalars(select(m.Document).where(m.Document.doc_key == key)).first() if key else None
    status = "revised" if document is not None else "stored"
    if document is None:
        document = m.Document(doc_key=key, created_at=now, recipients=[])
        session.add(document)
    if info:
        document.kind = info.get("kind")
        document.number = info.get("number")
        document.symbol = info.get("symbol")
        document.issuer = info.get("issuer")
        document.issued_on = issued
        document.title = info.get("title")
        signer = info.get("signer") or {}
        document.signer_name = signer.get("name")
        document.signer_title = signer.get("title")
        document.signer_on_behalf_of = signer.get("on_behalf_of")
        document.recipients = list(info.get("recipients") or [])
        document.place = info.get("place")
    session.flush()
    last_no = session.scalar(select(func.max(m.Revision.revision_no)).where(m.Revision.document_id == document.id))
    seen_on = _doc_date(data)
    revision = m.Revision(
        document_id=document.id, revision_no=(last_no or 0) + 1, sha256=sha256, path=path, format=fmt,
        size=len(content), content=content, text=text, meta=dict(meta or {}), extraction=data,
        ref_date=_date((data.get("source") or {}).get("ref_date")), ingested_at=now)
    session.add(revision)
    session.flush()
    rid = revision.id
    with session.no_autoflush:   # lookups are batched up front; rows are inserted in a few flushes
        n_tasks = _store_facts(session, data, document=document, rid=rid, key=key, status=status, seen_on=seen_on)
    write_audit(session, actor=actor, now=now, entity="document", entity_id=document.id, action="ingest",
                after={"revision_id": rid, "revision_no": revision.revision_no, "sha256": sha256, "path": path,
                       "tasks": n_tasks})
    session.flush()
    return IngestOutcome(path or "", status, document.id, rid, tasks=n_tasks)


def _store_facts(session: Session, data: dict[str, Any], *, document: m.Document, rid: int, key: str | None,
                 status: str, seen_on: date | None) -> int:
    """The facts of one stored revision; returns the number of new tasks.

    Rows nothing refers back to are inserted together at the end, one executemany per table.
    """
    tasks_in = data.get("tasks") or ()
    rows: dict[type, list[dict[str, Any]]] = defaultdict(list)
    cache = _OrgCache(session)
    cache.load_names([o["name"] for o in data.get("organizations") or ()]
                     + [a for t in tasks_in for a in t.get("assignees") or () if a and a.strip()],
                     [a for o in data.get("organizations") or () for a in o.get("aliases") or ()])

    refs = []
    for ref in data.get("references") or ():
        ref_issued = _date(ref.get("issued_on"))
        ckey = document_key(ref.get("number"), ref.get("symbol"),
                            ref.get("year") or (ref_issued.year if ref_issued else None))
        refs.append((ref, ref_issued, ckey))
    wanted = sorted({c for _, _, c in refs if c})
    targets: dict[str, int] = {}
    for i in range(0, len(wanted), 500):
        for dkey, did in session.execute(select(m.Document.doc_key, m.Document.id)
                                         .where(m.Document.doc_key.in_(wanted[i:i + 500]))):
            targets.setdefault(dkey, did)
    for ref, ref_issued, ckey in refs:
        target = targets.get(ckey) if ckey else None
        rows[m.Citation].append(dict(
            revision_id=rid, cite_key=ckey, target_document_id=target, kind=ref.get("kind"),
            number=ref.get("number"), symbol=ref.get("symbol"), year=ref.get("year"), issued_on=ref_issued,
            issuer=ref.get("issuer"), text=ref.get("text") or "", start=ref["start"], end=ref["end"],
            rule=ref.get("rule")))
    if key:   # earlier citations of this document now resolve
        session.execute(update(m.Citation).where(m.Citation.cite_key == key, m.Citation.target_document_id.is_(None))
                        .values(target_document_id=document.id))

    for org in data.get("organizations") or ():
        row = resolve_org(session, org["name"], org.get("aliases") or (), cache=cache)
        for mention in org.get("mentions") or ():
            rows[m.OrgMention].append(dict(revision_id=rid, organization_id=row.id, start=mention["start"],
                                           end=mention["end"], rule=org.get("rule")))

    people_in = data.get("people") or ()
    pkeys = sorted({text_key(p["name"]) for p in people_in})
    persons: dict[str, m.Person] = {}
    for i in range(0, len(pkeys), 500):
        for row in session.scalars(select(m.Person).where(m.Person.key.in_(pkeys[i:i + 500]))):
            persons[row.key] = row
    created = False
    for person in people_in:
        pkey = text_key(person["name"])
        if pkey not in persons:
            persons[pkey] = m.Person(key=pkey, name=person["name"])
            session.add(persons[pkey])
            created = True
    if created:
        session.flush()
    for person in people_in:
        row = persons[text_key(person["name"])]
        spans = [[x["start"], x["end"]] for x in person.get("mentions") or ()]
        for title in person.get("titles") or [None]:
            rows[m.PersonMention].append(dict(person_id=row.id, revision_id=rid, title=title, seen_on=seen_on,
                                              spans=spans, rule=person.get("rule")))

    for meeting in data.get("meetings") or ():
        rows[m.Meeting].append(dict(
            revision_id=rid, kind=meeting.get("kind"), body=meeting.get("body"), session=meeting.get("session"),
            term=meeting.get("term"), held_on=_date(meeting.get("date")), chairs=list(meeting.get("chairs") or []),
            start=meeting["start"], end=meeting["end"], rule=meeting.get("rule")))

    for ind in data.get("indicators") or ():
        rows[m.IndicatorValue].append(dict(
            revision_id=rid, series_key=text_key(ind["name"])[:300], name=ind["name"], period=ind.get("period"),
            seen_on=seen_on, value=ind.get("value"), unit=ind.get("unit"), change_pct=ind.get("change_pct"),
            plan_pct=ind.get("plan_pct"), actual=ind.get("actual"), target=ind.get("target"),
            text=ind.get("text") or "", start=ind["start"], end=ind["end"], rule=ind.get("rule")))

    for sc in data.get("shortcomings") or ():
        rows[m.Shortcoming].append(dict(revision_id=rid, text=sc["text"], start=sc["start"], end=sc["end"],
                                        rule=sc.get("rule")))

    existing = set()
    if status == "revised":   # a task a new version repeats word for word is the same task
        existing = {(o, text_key(t)) for o, t in session.execute(
            select(m.Task.ordinal, m.Task.extracted_text).where(m.Task.document_id == document.id))}
    new_tasks = []
    for t in tasks_in:
        if (t.get("ordinal"), text_key(t["text"])) in existing:
            continue
        assignees = [a for a in t.get("assignees") or () if a and a.strip()]
        lead = resolve_org(session, assignees[0], cache=cache) if assignees else None
        others = [resolve_org(session, name, cache=cache) for name in assignees[1:]]
        task = m.Task(
            document_id=document.id, revision_id=rid, ordinal=t.get("ordinal"), text=t["text"],
            extracted_text=t["text"], start=t.get("start"), end=t.get("end"), rule=t.get("rule"),
            review=ReviewState.PROPOSED.value, lead_id=lead.id if lead else None,
            deadline=_date(t.get("deadline")), original_deadline=_date(t.get("deadline")),
            deadline_text=t.get("deadline_text"), assigned_on=seen_on, percent=0, has_progress=False)
        session.add(task)
        new_tasks.append((task, lead, others))
    session.flush()   # organizations, aliases, tasks: the rows below refer to them
    for task, lead, others in new_tasks:
        linked: set[int] = set()
        for org in others:
            if (lead is None or org.id != lead.id) and org.id not in linked:
                linked.add(org.id)
                rows[m.TaskCollaborator].append(dict(task_id=task.id, organization_id=org.id))
    for model in (m.Citation, m.OrgMention, m.PersonMention, m.Meeting, m.IndicatorValue, m.Shortcoming,
                  m.TaskCollaborator):
        if rows[model]:
            # render_nulls: one INSERT for all rows, not one per set of non-null columns
            session.execute(insert(model).execution_options(render_nulls=True), rows[model])
    return len(new_tasks)


def _add_collaborator(session: Session, task_id: int, org_id: int) -> None:
    exists = session.scalars(select(m.TaskCollaborator.id).where(
        m.TaskCollaborator.task_id == task_id, m.TaskCollaborator.organization_id == org_id)).first()
    if exists is None:
        session.add(m.TaskCollaborator(task_id=task_id, organization_id=org_id))


def ingest_file(store: Store, path: str | Path, *, now: datetime, ref_date: date | None = None,
                encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                actor: str = SYSTEM_ACTOR) -> IngestOutcome:
    """Read, extract and store one file in one transaction; a failure stores nothing of it."""
    from chidao.extract import Source, extract
    from chidao.readers import read_path

    name = str(path)
    try:
        result = read_path(path, encoding=encoding, max_bytes=max_bytes)
    except ChidaoError as exc:
        return IngestOutcome(name, "failed", reason=str(exc))
    with store.transaction() as session:
        known = session.scalars(select(m.Revision).where(m.Revision.sha256 == result.sha256)).first()
        if known is not None:
            return IngestOutcome(name, "unchanged", known.document_id, known.id)
    try:
        doc = extract(result.text, ref_date=ref_date, source=Source(
            path=name, sha256=result.sha256, chars=len(result.text), meta=result.meta))
        data = doc.to_dict()
    except Exception as exc:  # noqa: BLE001 - an extractor bug must not stop the batch; it is reported
        return IngestOutcome(name, "failed", reason=f"extraction failed ({exc.__class__.__name__}: {exc})")
    content = Path(path).read_bytes()
    try:
        with store.transaction() as session:
            return store_extraction(session, data=data, content=content, text=result.text,
                                    sha256=result.sha256, path=name, fmt=result.format, meta=result.meta,
                                    now=now, actor=actor)
    except IntegrityError:
        # the same content was stored meanwhile by another run: nothing to do
        with store.transaction() as session:
            known = session.scalars(select(m.Revision).where(m.Revision.sha256 == result.sha256)).first()
        if known is not None:
            return IngestOutcome(name, "unchanged", known.document_id, known.id)
        raise


def ingest_paths(store: Store, paths: Iterable[str | Path], *, now: datetime, ref_date: date | None = None,
                 encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                 on_file: Callable[[IngestOutcome], None] | None = None,
                 files: list[Path] | None = None) -> IngestSummary:
    """Ingest files and folders (recursively); the batch goes on past failures."""
    summary = IngestSummary()
    for f in files if files is not None else expand_paths(paths):
        try:
            outcome = ingest_file(store, f, now=now, ref_date=ref_date, encoding=encoding, max_bytes=max_bytes)
        except ChidaoError as exc:
            outcome = IngestOutcome(str(f), "failed", reason=str(exc))
        summary.outcomes.append(outcome)
        if on_file is not None:
            on_file(outcome)
    return summary


# --------------------------------------------------------------------------- tasks: views


@dataclass(frozen=True)
class TaskView:
    id: int
    document_id: int
    document: str
    ordinal: str | None
    text: str
    review: str
    lead: str | None
    collaborators: tuple[str, ...]
    deadline: date | None
    original_deadline: date | None
    deadline_text: str | None
    assigned_on: date | None
    completed_on: date | None
    percent: int
    status: TaskStatus
    days_overdue: int
    version: int

    @property
    def status_text(self) -> str:
        return status_label(self.status, self.days_overdue)


@dataclass(frozen=True)
class TaskDetail:
    task: TaskView
    updates: list[m.TaskUpdate]
    extensions: list[m.DeadlineExtension]
    audit: list[m.AuditEntry]
    source_text: str | None


def document_label(doc: m.Document) -> str:
    if doc.number and doc.symbol:
        code = f"{doc.number}-{doc.symbol}" if "/" in doc.symbol else f"{doc.number}/{doc.symbol}"
        return f"{_KIND_LABELS.get(doc.kind or '', 'Văn bản')} {code}"
    if doc.kind:
        return f"{_KIND_LABELS.get(doc.kind, 'Văn bản')} #{doc.id}"
    return f"Văn bản #{doc.id}"


_KIND_LABELS = {
    "nghi_quyet": "Nghị quyết", "ket_luan": "Kết luận", "chi_thi": "Chỉ thị", "quy_dinh": "Quy định",
    "quyet_dinh": "Quyết định", "thong_bao": "Thông báo", "ke_hoach": "Kế hoạch", "cong_van": "Công văn",
    "huong_dan": "Hướng dẫn", "chuong_trinh": "Chương trình", "de_an": "Đề án", "bao_cao": "Báo cáo",
    "to_trinh": "Tờ trình", "quy_che": "Quy chế", "nghi_dinh": "Nghị định", "thong_tu": "Thông tư",
    "luat": "Luật", "cong_dien": "Công điện",
}


def _views(session: Session, tasks: Sequence[m.Task], today: date) -> list[TaskView]:
    if not tasks:
        return []
    org_ids = {t.lead_id for t in tasks if t.lead_id}
    collab: dict[int, list[int]] = defaultdict(list)
    ids = [t.id for t in tasks]
    for i in range(0, len(ids), 500):
        for tid, oid in session.execute(select(m.TaskCollaborator.task_id, m.TaskCollaborator.organization_id)
                                        .where(m.TaskCollaborator.task_id.in_(ids[i:i + 500]))):
            collab[tid].append(oid)
            org_ids.add(oid)
    names = _pairs(session.execute(select(m.Organization.id, m.Organization.name)
                                 .where(m.Organization.id.in_(org_ids)))) if org_ids else {}
    doc_ids = {t.document_id for t in tasks}
    docs = {d.id: d for d in session.scalars(select(m.Document).where(m.Document.id.in_(doc_ids)))}
    out = []
    for t in tasks:
        status = derive_status(t.deadline, t.completed_on, today, t.has_progress)
        out.append(TaskView(
            id=t.id, document_id=t.document_id, document=document_label(docs[t.document_id]), ordinal=t.ordinal,
            text=t.text, review=t.review, lead=names.get(t.lead_id) if t.lead_id else None,
            collaborators=tuple(names[o] for o in collab.get(t.id, ())), deadline=t.deadline,
            original_deadline=t.original_deadline, deadline_text=t.deadline_text, assigned_on=t.assigned_on,
            completed_on=t.completed_on, percent=t.percent, status=status,
            days_overdue=days_overdue(t.deadline, t.completed_on, today)
            if status in (TaskStatus.OVERDUE, TaskStatus.DONE_LATE) else 0,
            version=t.version))
    return out


def _unit_ids(session: Session, unit: str) -> list[int]:
    org = find_org(session, unit)
    if org is None:
        raise NotFoundError(f"không có đơn vị '{unit}'; xem danh sách bằng 'chidao orgs'")
    return [org.id]


def list_tasks(store: Store, *, today: date, unit: str | None = None, overdue: bool = False,
               due_within: int | None = None, document_id: int | None = None,
               status: TaskStatus | None = None, review: str | None = None,
               include_rejected: bool = False, limit: int | None = None) -> list[TaskView]:
    """Tasks filtered in the database; ``overdue`` and ``due_within`` look at open tasks on ``today``."""
    with store.transaction() as session:
        q = select(m.Task)
        if unit is not None:
            q = q.where(m.Task.lead_id.in_(_unit_ids(session, unit)))
        if document_id is not None:
            q = q.where(m.Task.document_id == document_id)
        if review is not None:
            q = q.where(m.Task.review == review)
        elif not include_rejected:
            q = q.where(m.Task.review != ReviewState.REJECTED.value)
        if overdue:
            q = q.where(m.Task.completed_on.is_(None), m.Task.deadline < today)
        if due_within is not None:
            q = q.where(m.Task.completed_on.is_(None), m.Task.deadline >= today,
                        m.Task.deadline <= today + timedelta(days=due_within))
        q = q.order_by(m.Task.deadline.is_(None), m.Task.deadline, m.Task.id)
        if limit is not None and status is None:
            q = q.limit(limit)
        views = _views(session, session.scalars(q).all(), today)
    if status is not None:
        views = [v for v in views if v.status is status][:limit]
    return views


def get_task(store: Store, task_id: int, *, today: date) -> TaskDetail:
    with store.transaction() as session:
        task = session.get(m.Task, task_id)
        if task is None:
            raise NotFoundError(f"không có nhiệm vụ số {task_id}; xem danh sách bằng 'chidao tasks list'")
        view = _views(session, [task], today)[0]
        updates = session.scalars(select(m.TaskUpdate).where(m.TaskUpdate.task_id == task_id)
                                  .order_by(m.TaskUpdate.reported_on, m.TaskUpdate.id)).all()
        extensions = session.scalars(select(m.DeadlineExtension).where(m.DeadlineExtension.task_id == task_id)
                                     .order_by(m.DeadlineExtension.id)).all()
        audit = session.scalars(select(m.AuditEntry).where(m.AuditEntry.entity == "task",
                                                           m.AuditEntry.entity_id == task_id)
                                .order_by(m.AuditEntry.id)).all()
        source = None
        if task.revision_id is not None and task.start is not None and task.end is not None:
            rev_text = session.scalar(select(m.Revision.text).where(m.Revision.id == task.revision_id))
            source = rev_text[task.start:task.end] if rev_text is not None else None
    return TaskDetail(view, list(updates), list(extensions), list(audit), source)


# --------------------------------------------------------------------------- tasks: changes

_TRACKED = ("text", "review", "lead_id", "deadline", "original_deadline", "completed_on", "percent")


def _snapshot(task: m.Task, collaborators: list[int] | None = None) -> dict[str, Any]:
    snap = {k: getattr(task, k) for k in _TRACKED}
    if collaborators is not None:
        snap["collaborators"] = sorted(collaborators)
    return snap


def _load(session: Session, task_id: int, expected_version: int | None) -> m.Task:
    task = session.get(m.Task, task_id)
    if task is None:
        raise NotFoundError(f"không có nhiệm vụ số {task_id}; xem danh sách bằng 'chidao tasks list'")
    if expected_version is not None and task.version != expected_version:
        raise ConflictError(f"task {task_id} was changed meanwhile (version {task.version}, you had "
                            f"{expected_version}); reload it with 'chidao tasks show {task_id}' and try again")
    return task


def collaborator_ids(session: Session, task_id: int) -> list[int]:
    """The ids of the organizations co-operating on a task."""
    return list(session.scalars(select(m.TaskCollaborator.organization_id)
                                .where(m.TaskCollaborator.task_id == task_id)))


def _diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def review_task(store: Store, task_id: int, *, actor: str, now: datetime, action: str | None = None,
                text: str | None = None, lead: str | None = None, collaborators: Sequence[str] | None = None,
                deadline: date | None = None, clear_deadline: bool = False,
                expected_version: int | None = None) -> int:
    """Confirm, reject and/or edit a task; returns its new version. ``action``: confirm|reject|None."""
    if action not in (None, "confirm", "reject"):
        raise ValidationError(f"unknown review action {action!r}; use confirm or reject")
    with store.transaction() as session:
        task = _load(session, task_id, expected_version)
        before = _snapshot(task, collaborator_ids(session, task_id))
        if text is not None:
            if not text.strip():
                raise ValidationError("nội dung nhiệm vụ không được để trống")
            task.text = text.strip()
        if lead is not None:
            task.lead_id = resolve_org(session, lead).id if lead.strip() else None
        if collaborators is not None:
            wanted = {resolve_org(session, c).id for c in collaborators if c.strip()}
            for row in session.scalars(select(m.TaskCollaborator).where(m.TaskCollaborator.task_id == task_id)):
                if row.organization_id not in wanted:
                    session.delete(row)
            session.flush()
            for oid in wanted - set(collaborator_ids(session, task_id)):
                session.add(m.TaskCollaborator(task_id=task_id, organization_id=oid))
        if deadline is not None or clear_deadline:
            if task.review != ReviewState.PROPOSED.value and task.deadline is not None:
                raise ValidationError(f"task {task_id} is already reviewed: change its deadline with "
                                      f"'chidao tasks extend {task_id} --deadline ... --reason ...'")
            task.deadline = None if clear_deadline else deadline
            task.original_deadline = task.deadline
        if action == "confirm":
            task.review = ReviewState.CONFIRMED.value
        elif action == "reject":
            task.review = ReviewState.REJECTED.value
        session.flush()
        after = _snapshot(task, collaborator_ids(session, task_id))
        b, a = _diff(before, after)
        if a:
            write_audit(session, actor=actor, now=now, entity="task", entity_id=task_id,
                        action=action or "edit", before=b, after=a)
            if set(a) == {"collaborators"}:
                bump_version(task)   # the version moves even when only the collaborators changed
        _flush(session)
        return task.version


def bump_version(task: m.Task) -> None:
    """Make the next flush move the task's version even if none of its own columns changed."""
    from sqlalchemy.orm.attributes import flag_modified

    flag_modified(task, "text")


def add_progress(store: Store, task_id: int, *, reported_on: date, text: str, author: str, now: datetime,
                 percent: int | None = None, evidence: Sequence[str] = (),
                 expected_version: int | None = None) -> int:
    """Record a progress report (part of the task's history); returns the task's new version."""
    if percent is not None and not 0 <= percent <= 100:
        raise ValidationError(f"tiến độ phải từ 0 đến 100, không phải {percent}")
    if not text.strip():
        raise ValidationError("nội dung báo cáo tiến độ không được để trống")
    with store.transaction() as session:
        task = _load(session, task_id, expected_version)
        if task.review == ReviewState.REJECTED.value:
            raise ValidationError(f"task {task_id} was rejected; confirm it first with "
                                  f"'chidao tasks review {task_id} --confirm'")
        record_progress(session, task, reported_on=reported_on, text=text.strip(), percent=percent,
                        evidence=evidence, author=author, now=now)
        _flush(session)
        return task.version


def complete_task(store: Store, task_id: int, *, completed_on: date, author: str, now: datetime,
                  text: str | None = None, evidence: Sequence[str] = (),
                  expected_version: int | None = None) -> int:
    """Mark a task done on ``completed_on``; the status (on time or late) follows from its deadline."""
    with store.transaction() as session:
        task = _load(session, task_id, expected_version)
        _check_completion(task, completed_on)
        record_completion(session, task, completed_on=completed_on, text=text, evidence=evidence, author=author,
                          now=now)
        _flush(session)
        return task.version


def record_progress(session: Session, task: m.Task, *, reported_on: date, text: str, author: str, now: datetime,
                    percent: int | None = None, evidence: Sequence[str] = (),
                    audit_extra: dict[str, Any] | None = None) -> m.TaskUpdate:
    """Record a checked progress report in ``session``: a history row, the task's new percent, a version
    bump and an audit entry (``audit_extra`` is added to its ``after``). No checks and no flush: the
    caller validates first and flushes (a stale task fails there).
    """
    before = _snapshot(task)
    entry = m.TaskUpdate(task_id=task.id, reported_on=reported_on, text=text, percent=percent, author=author,
                         evidence=list(evidence), created_at=now)
    session.add(entry)
    if percent is not None:
        task.percent = percent
    task.has_progress = True
    bump_version(task)
    b, a = _diff(before, _snapshot(task))
    write_audit(session, actor=author, now=now, entity="task", entity_id=task.id, action="progress", before=b,
                after={**a, "reported_on": reported_on, "text": text, "evidence": list(evidence),
                       **(audit_extra or {})})
    return entry


def record_completion(session: Session, task: m.Task, *, completed_on: date, author: str, now: datetime,
                      text: str | None = None, evidence: Sequence[str] = (),
                      audit_extra: dict[str, Any] | None = None) -> m.TaskUpdate:
    """Record a checked completion in ``session``: the task done on ``completed_on`` at 100%, a history
    row (``text``, default "Hoàn thành") and an audit entry (``audit_extra`` added to its ``after``).
    No checks and no flush, as ``record_progress``.
    """
    before = _snapshot(task)
    task.completed_on = completed_on
    task.percent = 100
    task.has_progress = True
    entry = m.TaskUpdate(task_id=task.id, reported_on=completed_on, text=(text or DEFAULT_COMPLETION_TEXT).strip(),
                         percent=100, author=author, evidence=list(evidence), created_at=now)
    session.add(entry)
    b, a = _diff(before, _snapshot(task))
    write_audit(session, actor=author, now=now, entity="task", entity_id=task.id, action="complete", before=b,
                after={**a, **(audit_extra or {})})
    return entry


def _check_completion(task: m.Task, completed_on: date) -> None:
    if task.review == ReviewState.REJECTED.value:
        raise ValidationError(f"task {task.id} was rejected; confirm it first")
    if task.assigned_on is not None and completed_on < task.assigned_on:
        raise ValidationError(f"ngày hoàn thành {completed_on:%d/%m/%Y} trước ngày giao nhiệm vụ "
                              f"{task.assigned_on:%d/%m/%Y}")


def extend_deadline(store: Store, task_id: int, *, new_deadline: date, reason: str, author: str, now: datetime,
                    expected_version: int | None = None) -> int:
    """Move a task's deadline, keeping the original one and the reason."""
    if not reason.strip():
        raise ValidationError("cần ghi lý do gia hạn (--reason)")
    with store.transaction() as session:
        task = _load(session, task_id, expected_version)
        if task.assigned_on is not None and new_deadline < task.assigned_on:
            raise ValidationError(f"thời hạn mới {new_deadline:%d/%m/%Y} trước ngày giao nhiệm vụ")
        before = _snapshot(task)
        session.add(m.DeadlineExtension(task_id=task_id, old_deadline=task.deadline, new_deadline=new_deadline,
                                        reason=reason.strip(), author=author, created_at=now))
        if task.original_deadline is None:
            task.original_deadline = task.deadline
        task.deadline = new_deadline
        _flush(session)
        b, a = _diff(before, _snapshot(task))
        write_audit(session, actor=author, now=now, entity="task", entity_id=task_id, action="extend",
                    before=b, after={**a, "reason": reason.strip()})
        _flush(session)
        return task.version


# --------------------------------------------------------------------------- summary


def _sqlite_has_filter() -> bool:
    """SQLite understands ``count(*) FILTER (WHERE ...)`` from 3.30."""
    import sqlite3

    return sqlite3.sqlite_version_info >= (3, 30)


def unit_summary(store: Store, *, today: date, include_proposed: bool = True) -> list[UnitSummary]:
    """Per lead unit on ``today``: counts by status and overdue age buckets, aggregated in the database."""
    T = m.Task
    open_ = T.completed_on.is_(None)
    overdue = and_(open_, T.deadline < today)

    filter_ok = store.dialect != "sqlite" or _sqlite_has_filter()

    def n(cond):  # noqa: ANN001, ANN202 - count(*) FILTER (WHERE ...) where the database has it: cheaper
        return func.count().filter(cond) if filter_ok else func.sum(case((cond, 1), else_=0))

    cols = {
        TaskStatus.DONE_ON_TIME: n(and_(T.completed_on.is_not(None),
                                        or_(T.deadline.is_(None), T.completed_on <= T.deadline))),
        TaskStatus.DONE_LATE: n(and_(T.completed_on.is_not(None), T.completed_on > T.deadline)),
        TaskStatus.NO_DEADLINE: n(and_(open_, T.deadline.is_(None))),
        TaskStatus.OVERDUE: n(overdue),
        TaskStatus.IN_PROGRESS: n(and_(open_, T.deadline >= today, T.has_progress.is_(True))),
        TaskStatus.NOT_DUE: n(and_(open_, T.deadline >= today, T.has_progress.is_(False))),
    }
    buckets = {}
    for label, low, high in AGE_BUCKETS:
        cond = and_(overdue, T.deadline <= today - timedelta(days=low))
        if high is not None:
            cond = and_(cond, T.deadline >= today - timedelta(days=high))
        buckets[label] = n(cond)
    reviews = [ReviewState.CONFIRMED.value] + ([ReviewState.PROPOSED.value] if include_proposed else [])
    q = (select(T.lead_id, func.count(T.id), *cols.values(), *buckets.values())
         .where(T.review.in_(reviews)).group_by(T.lead_id))
    with store.transaction() as session:
        rows = session.execute(q).all()
        ids = [r[0] for r in rows if r[0] is not None]
        names = _pairs(session.execute(select(m.Organization.id, m.Organization.name)
                                     .where(m.Organization.id.in_(ids)))) if ids else {}
    out = []
    k = len(cols)
    for row in rows:
        s = UnitSummary(names.get(row[0], NO_UNIT) if row[0] is not None else NO_UNIT)
        s.total = int(row[1])
        for i, status in enumerate(cols):
            s.by_status[status] = int(row[2 + i] or 0)
        for j, label in enumerate(buckets):
            s.buckets[label] = int(row[2 + k + j] or 0)
        out.append(s)
    return sorted(out, key=lambda s: (s.unit == NO_UNIT, s.unit))


# --------------------------------------------------------------------------- registers


@dataclass(frozen=True)
class DocumentRow:
    id: int
    label: str
    kind: str | None
    number: str | None
    symbol: str | None
    issuer: str | None
    issued_on: date | None
    signer: str | None
    recipients: tuple[str, ...]
    revisions: int
    tasks: int
    cites: int
    cited_by: int
    title: str | None = None


def list_documents(store: Store) -> list[DocumentRow]:
    with store.transaction() as session:
        revs = _pairs(session.execute(select(m.Revision.document_id, func.count()).group_by(m.Revision.document_id)))
        tasks = _pairs(session.execute(select(m.Task.document_id, func.count()).group_by(m.Task.document_id)))
        cites = _pairs(session.execute(select(m.Revision.document_id, func.count(m.Citation.id))
                                     .join(m.Citation, m.Citation.revision_id == m.Revision.id)
                                     .group_by(m.Revision.document_id)))
        cited = _pairs(session.execute(select(m.Citation.target_document_id, func.count())
                                     .where(m.Citation.target_document_id.is_not(None))
                                     .group_by(m.Citation.target_document_id)))
        out = []
        for d in session.scalars(select(m.Document).order_by(m.Document.issued_on.is_(None),
                                                             m.Document.issued_on, m.Document.id)):
            signer = " ".join(x for x in (d.signer_title, d.signer_name) if x) or None
            out.append(DocumentRow(d.id, document_label(d), d.kind, d.number, d.symbol, d.issuer, d.issued_on,
                                   signer, tuple(d.recipients or ()), revs.get(d.id, 0), tasks.get(d.id, 0),
                                   cites.get(d.id, 0), cited.get(d.id, 0), d.title))
    return out


@dataclass(frozen=True)
class CitationRow:
    kind: str | None
    number: str | None
    symbol: str | None
    year: int | None
    issued_on: date | None
    issuer: str | None
    text: str
    mentions: int
    cited_in: tuple[int, ...]          # document ids
    target_document_id: int | None


def citations(store: Store, *, unresolved: bool = False, document_id: int | None = None) -> list[CitationRow]:
    """Cited documents, one row per document cited (mentions counted); ``unresolved``: not in the store."""
    with store.transaction() as session:
        q = (select(m.Citation, m.Revision.document_id).join(m.Revision, m.Revision.id == m.Citation.revision_id)
             .order_by(m.Citation.id))
        if unresolved:
            q = q.where(m.Citation.target_document_id.is_(None))
        if document_id is not None:
            q = q.where(m.Revision.document_id == document_id)
        groups: dict[tuple, list] = {}
        for c, doc_id in session.execute(q):
            key = (c.cite_key,) if c.cite_key else (c.kind, c.number, c.symbol, c.year)
            groups.setdefault(key, []).append((c, doc_id))
    out = []
    for items in groups.values():
        c = items[0][0]
        issued = next((x.issued_on for x, _ in items if x.issued_on), None)
        issuer = next((x.issuer for x, _ in items if x.issuer), None)
        out.append(CitationRow(c.kind, c.number, c.symbol, c.year, issued, issuer, c.text, len(items),
                               tuple(sorted({d for _, d in items})), c.target_document_id))
    return out


@dataclass(frozen=True)
class OrgRow:
    id: int
    name: str
    parent: str | None
    aliases: tuple[str, ...]
    tasks: int


def list_organizations(store: Store) -> list[OrgRow]:
    with store.transaction() as session:
        orgs = session.scalars(select(m.Organization).where(m.Organization.merged_into_id.is_(None))
                               .order_by(m.Organization.name)).all()
        names = _pairs(session.execute(select(m.Organization.id, m.Organization.name)))
        aliases: dict[int, list[str]] = defaultdict(list)
        for oid, alias in session.execute(select(m.OrgAlias.organization_id, m.OrgAlias.alias).order_by(m.OrgAlias.id)):
            aliases[oid].append(alias)
        tasks = _pairs(session.execute(select(m.Task.lead_id, func.count()).group_by(m.Task.lead_id)))
        return [OrgRow(o.id, o.name, names.get(o.parent_id) if o.parent_id else None,
                       tuple(a for a in aliases[o.id] if a != o.name), tasks.get(o.id, 0)) for o in orgs]


def _org_or_fail(session: Session, name: str) -> m.Organization:
    org = find_org(session, name)
    if org is None:
        raise NotFoundError(f"không có đơn vị '{name}'; xem danh sách bằng 'chidao orgs'")
    return org


def add_org_alias(store: Store, org_name: str, alias: str, *, actor: str, now: datetime) -> None:
    with store.transaction() as session:
        org = _org_or_fail(session, org_name)
        other = find_org(session, alias)
        if other is not None and other.id != org.id:
            raise ValidationError(f"'{alias}' đã là tên của đơn vị '{other.name}'; dùng 'chidao orgs merge'")
        _add_alias(session, org, alias)
        write_audit(session, actor=actor, now=now, entity="organization", entity_id=org.id, action="alias",
                    after={"alias": alias})


def set_org_parent(store: Store, org_name: str, parent_name: str | None, *, actor: str, now: datetime) -> None:
    with store.transaction() as session:
        org = _org_or_fail(session, org_name)
        parent = _org_or_fail(session, parent_name) if parent_name else None
        p = parent
        while p is not None:   # refuse a cycle
            if p.id == org.id:
                raise ValidationError(f"'{org.name}' không thể trực thuộc chính nó")
            p = session.get(m.Organization, p.parent_id) if p.parent_id else None
        before = {"parent_id": org.parent_id}
        org.parent_id = parent.id if parent else None
        write_audit(session, actor=actor, now=now, entity="organization", entity_id=org.id, action="parent",
                    before=before, after={"parent_id": org.parent_id})


def merge_organizations(store: Store, keep: str, drop: str, *, actor: str, now: datetime) -> int:
    """Merge the organization ``drop`` into ``keep``: aliases, mentions, tasks follow; returns keep's id."""
    with store.transaction() as session:
        k = _org_or_fail(session, keep)
        d = _org_or_fail(session, drop)
        if k.id == d.id:
            raise ValidationError(f"'{keep}' và '{drop}' đã là một đơn vị")
        session.execute(update(m.OrgAlias).where(m.OrgAlias.organization_id == d.id).values(organization_id=k.id))
        session.execute(update(m.OrgMention).where(m.OrgMention.organization_id == d.id).values(organization_id=k.id))
        moved = list(session.scalars(select(m.Task).where(m.Task.lead_id == d.id)))
        for task in moved:
            task.lead_id = k.id
        for row in session.scalars(select(m.TaskCollaborator).where(m.TaskCollaborator.organization_id == d.id)):
            dup = session.scalars(select(m.TaskCollaborator.id).where(
                m.TaskCollaborator.task_id == row.task_id, m.TaskCollaborator.organization_id == k.id)).first()
            if dup is not None or session.get(m.Task, row.task_id).lead_id == k.id:
                session.delete(row)
            else:
                row.organization_id = k.id
        session.execute(update(m.Organization).where(m.Organization.parent_id == d.id).values(parent_id=k.id))
        if k.parent_id == d.id:
            k.parent_id = d.parent_id if d.parent_id != k.id else None
        d.merged_into_id = k.id
        d.parent_id = None
        _add_alias(session, k, d.name)
        write_audit(session, actor=actor, now=now, entity="organization", entity_id=k.id, action="merge",
                    before={"merged": d.id, "name": d.name}, after={"tasks_moved": [t.id for t in moved]})
        _flush(session)
        return k.id


@dataclass(frozen=True)
class TitleSpan:
    title: str | None
    first_seen: date | None
    last_seen: date | None
    documents: tuple[int, ...]


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    titles: tuple[TitleSpan, ...]


def list_people(store: Store, name: str | None = None) -> list[PersonRow]:
    """People and their titles over time (first and last seen, source documents)."""
    with store.transaction() as session:
        q = select(m.Person).order_by(m.Person.name)
        if name:
            q = q.where(m.Person.key.contains(text_key(name)))
        people = session.scalars(q).all()
        rows = session.execute(select(m.PersonMention.person_id, m.PersonMention.title, m.PersonMention.seen_on,
                                      m.Revision.document_id)
                               .join(m.Revision, m.Revision.id == m.PersonMention.revision_id)
                               .where(m.PersonMention.person_id.in_([p.id for p in people]))).all() if people else []
    by: dict[int, dict[str | None, list]] = defaultdict(lambda: defaultdict(list))
    for pid, title, seen, doc in rows:
        by[pid][title].append((seen, doc))
    out = []
    for p in people:
        spans = []
        for title, seen in by[p.id].items():
            dates = [s for s, _ in seen if s]
            spans.append(TitleSpan(title, min(dates) if dates else None, max(dates) if dates else None,
                                   tuple(sorted({d for _, d in seen}))))
        spans.sort(key=lambda s: (s.first_seen or date.max, s.title or ""))
        out.append(PersonRow(p.id, p.name, tuple(spans)))
    return out


@dataclass(frozen=True)
class IndicatorPoint:
    document_id: int
    seen_on: date | None
    period: str | None
    value: float | None
    unit: str | None
    change_pct: float | None
    plan_pct: float | None
    actual: float | None
    target: float | None
    text: str


def indicator_series(store: Store, name: str | None = None) -> dict[str, list[IndicatorPoint]]:
    """The same indicator across documents and periods: name -> points in date order."""
    with store.transaction() as session:
        q = (select(m.IndicatorValue, m.Revision.document_id)
             .join(m.Revision, m.Revision.id == m.IndicatorValue.revision_id))
        if name:
            q = q.where(m.IndicatorValue.series_key.contains(text_key(name)))
        rows = session.execute(q).all()
    series: dict[str, list[IndicatorPoint]] = {}
    names: dict[str, str] = {}
    for iv, doc in rows:
        names.setdefault(iv.series_key, iv.name)
        series.setdefault(iv.series_key, []).append(IndicatorPoint(
            doc, iv.seen_on, iv.period, iv.value, iv.unit, iv.change_pct, iv.plan_pct, iv.actual, iv.target, iv.text))
    return {names[k]: sorted(v, key=lambda p: (p.seen_on or date.min, p.document_id))
            for k, v in sorted(series.items())}


def list_meetings(store: Store) -> list[tuple[int, m.Meeting]]:
    with store.transaction() as session:
        return [(doc, mt) for mt, doc in session.execute(
            select(m.Meeting, m.Revision.document_id).join(m.Revision, m.Revision.id == m.Meeting.revision_id)
            .order_by(m.Meeting.held_on.is_(None), m.Meeting.held_on, m.Meeting.id))]


def list_shortcomings(store: Store, document_id: int | None = None) -> list[tuple[int, m.Shortcoming]]:
    with store.transaction() as session:
        q = (select(m.Shortcoming, m.Revision.document_id)
             .join(m.Revision, m.Revision.id == m.Shortcoming.revision_id).order_by(m.Shortcoming.id))
        if document_id is not None:
            q = q.where(m.Revision.document_id == document_id)
        return [(doc, sc) for sc, doc in session.execute(q)]


# --------------------------------------------------------------------------- backup, export, import

EXPORT_SCHEMA = "chidao.store/1"


def backup(store: Store, target: str | Path) -> str | None:
    """Copy a SQLite store to ``target`` online; for PostgreSQL return the pg_dump command to run."""
    if store.dialect == "sqlite":
        import sqlite3

        target = Path(target)
        if target.exists():
            raise ValidationError(f"{target} already exists; choose a new file name for the backup")
        raw = store.engine.raw_connection()
        try:
            dest = sqlite3.connect(str(target))
            try:
                raw.driver_connection.backup(dest)
            finally:
                dest.close()
        finally:
            raw.close()
        return None
    if store.dialect == "postgresql":
        url = store.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        return f"pg_dump --format=custom --file='{target}' '{url}'"
    raise StorageError(f"no backup for a {store.dialect} store; copy it with that database's own tools")


def _tables():
    return [t for t in m.Base.metadata.sorted_tables]


def _encode(col, value: Any) -> Any:  # noqa: ANN001
    if value is None:
        return None
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return _iso(value)


def _decode(col, value: Any) -> Any:  # noqa: ANN001
    from sqlalchemy import Date as SADate, DateTime as SADateTime, LargeBinary as SABinary

    if value is None:
        return None
    if isinstance(col.type, SADateTime):
        return datetime.fromisoformat(value)
    if isinstance(col.type, SADate):
        return date.fromisoformat(value)
    if isinstance(col.type, SABinary):
        return base64.b64decode(value)
    return value


def export_store(store: Store) -> dict[str, Any]:
    """Every row of every table, JSON-ready (bytes in base64, dates ISO)."""
    out: dict[str, Any] = {"schema": EXPORT_SCHEMA, "tables": {}}
    with store.transaction() as session:
        for table in _tables():
            rows = session.execute(select(table).order_by(*table.primary_key.columns)).mappings()
            out["tables"][table.name] = [{c.name: _encode(c, r[c.name]) for c in table.columns} for r in rows]
    return out


def import_store(store: Store, data: dict[str, Any]) -> dict[str, int]:
    """Load an export into an empty store, keeping every id; returns rows per table."""
    if not isinstance(data, dict) or data.get("schema") != EXPORT_SCHEMA:
        raise ValidationError(f"not a chidao export (expected schema {EXPORT_SCHEMA}); "
                              "make one with 'chidao export --json'")
    counts = {}
    with store.transaction() as session:
        for table in _tables():
            if session.scalar(select(func.count()).select_from(table)):
                raise ValidationError(f"the store is not empty (table {table.name}); import into a new database")
        for table in _tables():
            rows = data["tables"].get(table.name, [])
            unknown = {k for r in rows for k in r} - set(table.columns.keys())
            if unknown:
                raise ValidationError(f"table {table.name}: unknown columns {sorted(unknown)}; "
                                      "was the export made by a newer chidao?")
            self_fks = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
            decoded = [{c.name: _decode(c, r.get(c.name)) for c in table.columns} for r in rows]
            if decoded:
                first = [{**r, **{k: None for k in self_fks}} for r in decoded]
                session.execute(table.insert(), first)
                for r in decoded:
                    if any(r[k] is not None for k in self_fks):
                        session.execute(table.update().where(table.c.id == r["id"])
                                        .values({k: r[k] for k in self_fks}))
            counts[table.name] = len(decoded)
        if store.dialect == "postgresql":
            from sqlalchemy import text as sql

            for table in _tables():
                if "id" in table.c and counts.get(table.name):
                    session.execute(sql(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                        f"(SELECT max(id) FROM {table.name}))"))
    return counts


def is_empty(store: Store) -> bool:
    with store.transaction() as session:
        return not session.scalar(select(func.count()).select_from(m.Revision))


__all__ = [
    "IngestOutcome", "IngestSummary", "TaskView", "TaskDetail", "DocumentRow", "CitationRow", "OrgRow",
    "PersonRow", "TitleSpan", "IndicatorPoint", "add_org_alias", "add_progress", "backup", "citations",
    "complete_task", "document_key", "expand_paths", "export_store", "extend_deadline", "find_org",
    "find_org_name", "get_task", "import_store", "indicator_series", "ingest_file", "ingest_paths", "is_empty",
    "list_documents", "list_meetings", "list_organizations", "list_people", "list_shortcomings",
    "list_tasks", "merge_organizations", "resolve_org", "review_task", "set_org_parent", "store_extraction",
    "text_key", "unit_summary", "write_audit", "bump_version", "collaborator_ids", "record_progress",
    "record_completion", "DEFAULT_COMPLETION_TEXT",
]
