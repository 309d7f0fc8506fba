"""Use cases of the tracker (ingest, review, follow-up, registers, export): one transaction each."""
from __future__ import annotations

import base64
import json
import re
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, and_, bindparam, case, func, insert, or_, select, update
from sqlalchemy import text as sql_text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from chidao import ingest_workers as workers
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


def _chunks(items: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


_ALIAS_ORGS = (select(m.OrgAlias.key, m.OrgAlias.organization_id, m.Organization.merged_into_id)
               .join(m.Organization, m.Organization.id == m.OrgAlias.organization_id)
               .where(m.OrgAlias.key.in_(bindparam("keys", expanding=True))))
_ORG_BY_NAME = select(m.Organization.id, m.Organization.merged_into_id).where(m.Organization.name == bindparam("name"))
_ORG_MERGED_INTO = select(m.Organization.merged_into_id).where(m.Organization.id == bindparam("id"))


class _Orgs:
    """Finds and creates organizations by id on one connection, in its transaction.

    A body is known by its aliases (matching keys of the names met for it): alias lookups are
    batched and remembered, and new aliases are kept and inserted together by ``flush``. For one
    transaction that deletes no alias and merges no organization meanwhile (ingest, one edit).
    """

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.alias: dict[str, int] = {}               # alias key -> organization id
        self.absent: set[str] = set()                 # alias keys known not to exist
        self.merged: dict[int, int | None] = {}       # organization id -> the one it was merged into
        self.resolved: dict[tuple[str, tuple[str, ...]], int] = {}
        self.new_aliases: list[dict[str, Any]] = []

    def load(self, keys: Iterable[str]) -> None:
        todo = [k for k in keys if k and k not in self.alias and k not in self.absent]
        if not todo:
            return
        for chunk in _chunks(sorted(set(todo))):
            found = set()
            for key, oid, merged_into in self.conn.execute(_ALIAS_ORGS, {"keys": list(chunk)}):
                self.alias[key] = oid
                self.merged[oid] = merged_into
                found.add(key)
            self.absent.update(k for k in chunk if k not in found)

    def load_names(self, surfaces: Iterable[str], aliases: Iterable[str] = ()) -> None:
        """Look up at once every alias key ``resolve`` will need for these names and aliases."""
        keys = [text_key(a) for a in aliases]
        for s in surfaces:
            keys += self.keys_of(s)
        self.load(keys)

    @staticmethod
    def keys_of(name: str) -> list[str]:
        return [text_key(name), text_key(_canonical(name)[0])]

    def survivor(self, oid: int) -> int:
        """The organization ``oid`` was (perhaps repeatedly) merged into; itself when never merged."""
        seen: set[int] = set()
        while oid not in seen:
            seen.add(oid)
            if oid not in self.merged:
                self.merged[oid] = self.conn.scalar(_ORG_MERGED_INTO, {"id": oid})
            target = self.merged[oid]
            if target is None:
                break
            oid = target
        return oid

    def by_name(self, name: str) -> int | None:
        row = self.conn.execute(_ORG_BY_NAME, {"name": name}).first()
        if row is None:
            return None
        self.merged[row[0]] = row[1]
        return self.survivor(row[0])

    def find(self, name: str) -> int | None:
        """The organization known under ``name`` (an alias, abbreviation or canonical name), if any."""
        keys = self.keys_of(name)
        self.load(keys)
        oid = next((self.alias[k] for k in keys if k in self.alias), None)
        return self.survivor(oid) if oid is not None else self.by_name(name)

    def resolve(self, surface: str, aliases: Sequence[str] = (), _depth: int = 0) -> int:
        """The organization for a body met as ``surface``, created (with its parent) when new."""
        memo = (surface, tuple(aliases))
        if memo in self.resolved:
            return self.resolved[memo]
        oid = self.find(surface)
        if oid is None:
            canonical, parent_name = _canonical(surface)
            oid = self.by_name(canonical)
            if oid is None:
                parent = None
                if parent_name and text_key(parent_name) != text_key(canonical) and _depth < 5:
                    parent = self.resolve(parent_name, _depth=_depth + 1)
                oid = _insert_id(self.conn, m.Organization.__table__, {"name": canonical, "parent_id": parent})
                self.merged[oid] = None
            self.add_alias(oid, canonical)
        self.add_alias(oid, surface)
        for alias in aliases:
            self.add_alias(oid, alias)
        self.resolved[memo] = oid
        return oid

    def add_alias(self, oid: int, surface: str) -> None:
        """Make ``surface`` an alias of ``oid`` unless its key already names an organization."""
        key = text_key(surface)
        if not key:
            return
        self.load([key])
        if key not in self.alias:
            self.alias[key] = oid
            self.absent.discard(key)
            self.new_aliases.append({"key": key, "alias": surface, "organization_id": oid})

    def flush(self) -> None:
        """Insert the aliases added since the last flush."""
        if self.new_aliases:
            _insert_rows(self.conn, m.OrgAlias.__table__, self.new_aliases)
            self.new_aliases = []


def find_org(session: Session, name: str) -> m.Organization | None:
    """The organization known under ``name`` (canonical name, alias or abbreviation), if any."""
    oid = _Orgs(session.connection()).find(name)
    return session.get(m.Organization, oid) if oid is not None else None


def find_org_name(store: Store, name: str) -> str | None:
    """The canonical name of the organization known as ``name``, if any."""
    with store.transaction() as session:
        org = find_org(session, name)
        return org.name if org else None


def _add_alias(session: Session, org: m.Organization, surface: str) -> None:
    orgs = _Orgs(session.connection())
    orgs.add_alias(org.id, surface)
    orgs.flush()


def resolve_org(session: Session, surface: str, aliases: Sequence[str] = ()) -> m.Organization:
    """The organization for a body met as ``surface``, created (with its parent) when new."""
    orgs = _Orgs(session.connection())
    oid = orgs.resolve(surface, aliases)
    orgs.flush()
    return session.get(m.Organization, oid)


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


_DOC_ID_BY_KEY = select(m.Document.id).where(m.Document.doc_key == bindparam("key"))
_DOC_IDS_BY_KEYS = (select(m.Document.doc_key, m.Document.id)
                    .where(m.Document.doc_key.in_(bindparam("keys", expanding=True))))
_LAST_REVISION_NO = select(func.max(m.Revision.revision_no)).where(m.Revision.document_id == bindparam("doc"))
_PEOPLE_BY_KEYS = select(m.Person.key, m.Person.id).where(m.Person.key.in_(bindparam("keys", expanding=True)))
_RESOLVE_CITATIONS = (update(m.Citation)
                      .where(m.Citation.cite_key == bindparam("key"), m.Citation.target_document_id.is_(None))
                      .values(target_document_id=bindparam("doc")))
_DOCUMENT_TASKS = select(m.Task.ordinal, m.Task.extracted_text).where(m.Task.document_id == bindparam("doc"))


def store_extraction(session: Session, *, data: dict[str, Any], content: bytes, text: str, sha256: str,
                     path: str | None, fmt: str, meta: dict[str, Any] | None, now: datetime,
                     actor: str = SYSTEM_ACTOR) -> IngestOutcome:
    """Store one document's file, text and facts (the ``chidao.extract/1`` dict) in ``session``.

    Core statements on the session's connection, in its transaction: about fifteen per document,
    the rows of each fact table in one statement (``_insert_rows``).
    """
    conn = session.connection()
    D, R = m.Document, m.Revision
    info = data.get("document") or None
    issued = _date(info.get("issued_on")) if info else None
    key = document_key(info.get("number"), info.get("symbol"), issued.year if issued else None) if info else None
    doc_id = conn.scalar(_DOC_ID_BY_KEY, {"key": key}) if key else None
    status = "revised" if doc_id is not None else "stored"
    fields: dict[str, Any] = {}
    if info:
        signer = info.get("signer") or {}
        fields = dict(kind=info.get("kind"), number=info.get("number"), symbol=info.get("symbol"),
                      issuer=info.get("issuer"), issued_on=issued, title=info.get("title"),
                      signer_name=signer.get("name"), signer_title=signer.get("title"),
                      signer_on_behalf_of=signer.get("on_behalf_of"),
                      recipients=list(info.get("recipients") or []), place=info.get("place"))
    if doc_id is None:
        doc_id = _insert_id(conn, D.__table__, {"doc_key": key, "created_at": now, "recipients": [], **fields})
        revision_no = 1
    else:
        if fields:
            conn.execute(update(D).where(D.id == doc_id).values(fields))
        revision_no = (conn.scalar(_LAST_REVISION_NO, {"doc": doc_id}) or 0) + 1
    rid = _insert_id(conn, R.__table__, dict(
        document_id=doc_id, revision_no=revision_no, sha256=sha256, path=path, format=fmt, size=len(content),
        content=content, text=text, meta=dict(meta or {}), extraction=data,
        ref_date=_date((data.get("source") or {}).get("ref_date")), ingested_at=now))
    n_tasks = _store_facts(conn, data, doc_id=doc_id, rid=rid, key=key, status=status, seen_on=_doc_date(data))
    conn.execute(insert(m.AuditEntry.__table__), dict(
        at=now, actor=actor, entity="document", entity_id=doc_id, action="ingest", before=None,
        after={"revision_id": rid, "revision_no": revision_no, "sha256": sha256, "path": path, "tasks": n_tasks}))
    return IngestOutcome(path or "", status, doc_id, rid, tasks=n_tasks)


def _insert_id(conn: Any, table: Any, row: dict[str, Any]) -> int:
    """The primary key of ``row``, inserted into ``table`` (RETURNING or the cursor's lastrowid)."""
    return conn.execute(insert(table), row).inserted_primary_key[0]


def _insert_rows(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table``, in the connection's transaction.

    PostgreSQL: one COPY, which costs the client a tenth of a multi-row INSERT (tens of fact rows
    per document); JSON values are written as SQLAlchemy would bind them (``json.dumps``, None as
    JSON null). Elsewhere: one executemany INSERT.
    """
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), rows)
        return
    names = list(rows[0])
    as_json = [isinstance(table.c[n].type, JSON) for n in names]
    quote = conn.dialect.identifier_preparer.quote
    sql = f"COPY {quote(table.name)} ({', '.join(quote(n) for n in names)}) FROM STDIN"
    with conn.connection.driver_connection.cursor() as cur, cur.copy(sql) as copy:
        for row in rows:
            copy.write_row([json.dumps(row[n]) if j else row[n] for n, j in zip(names, as_json)])


_NEXT_IDS = sql_text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)")


def _insert_ids(conn: Any, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` into ``table`` with new ids, increasing in the order of ``rows``; returns them.

    The ids are taken first and the rows then go in as ``_insert_rows`` puts them (one statement):
    SQLite: after the largest id in the table, for a transaction that has written already (SQLite
    then holds the database's only write lock until the commit, so no one else can take those
    ids); PostgreSQL: from the table's sequence. Elsewhere: one INSERT per row.
    """
    if not rows:
        return []
    if conn.dialect.name == "sqlite":
        first = (conn.scalar(select(func.max(table.c.id))) or 0) + 1
        ids = list(range(first, first + len(rows)))
    elif conn.dialect.name == "postgresql":
        ids = sorted(conn.scalars(_NEXT_IDS, {"table": table.name, "n": len(rows)}))
    else:
        return [_insert_id(conn, table, row) for row in rows]
    _insert_rows(conn, table, [{**row, "id": i} for row, i in zip(rows, ids)])
    return ids


def _pairs_in(conn: Any, stmt: Any, keys: Iterable[str]) -> dict[Any, Any]:
    """``stmt``'s (key, value) rows for ``keys``, asked 500 keys at a time."""
    out: dict[Any, Any] = {}
    for chunk in _chunks(sorted(set(keys))):
        for k, v in conn.execute(stmt, {"keys": list(chunk)}):
            out.setdefault(k, v)
    return out


def _store_facts(conn: Any, data: dict[str, Any], *, doc_id: int, rid: int, key: str | None, status: str,
                 seen_on: date | None) -> int:
    """The facts of one stored revision; returns the number of new tasks.

    Lookups are batched up front (aliases, people, cited documents); rows nothing refers back to
    are inserted together at the end, one INSERT per table.
    """
    tasks_in = data.get("tasks") or ()
    orgs_in = data.get("organizations") or ()
    rows: dict[type, list[dict[str, Any]]] = defaultdict(list)
    orgs = _Orgs(conn)
    orgs.load_names([o["name"] for o in orgs_in]
                    + [a for t in tasks_in for a in t.get("assignees") or () if a and a.strip()],
                    [a for o in orgs_in for a in o.get("aliases") or ()])

    refs = []
    for ref in data.get("references") or ():
        ref_issued = _date(ref.get("issued_on"))
        ckey = document_key(ref.get("number"), ref.get("symbol"),
                            ref.get("year") or (ref_issued.year if ref_issued else None))
        refs.append((ref, ref_issued, ckey))
    targets = _pairs_in(conn, _DOC_IDS_BY_KEYS, (c for _, _, c in refs if c))
    for ref, ref_issued, ckey in refs:
        rows[m.Citation].append(dict(
            revision_id=rid, cite_key=ckey, target_document_id=targets.get(ckey) if ckey else None,
            kind=ref.get("kind"), number=ref.get("number"), symbol=ref.get("symbol"), year=ref.get("year"),
            issued_on=ref_issued, issuer=ref.get("issuer"), text=ref.get("text") or "", start=ref["start"],
            end=ref["end"], rule=ref.get("rule")))
    if key:   # earlier citations of this document now resolve
        conn.execute(_RESOLVE_CITATIONS, {"key": key, "doc": doc_id})

    for org in orgs_in:
        oid = orgs.resolve(org["name"], org.get("aliases") or ())
        for mention in org.get("mentions") or ():
            rows[m.OrgMention].append(dict(revision_id=rid, organization_id=oid, start=mention["start"],
                                           end=mention["end"], rule=org.get("rule")))

    people_in = data.get("people") or ()
    pkeys = [text_key(p["name"]) for p in people_in]
    person_ids = _pairs_in(conn, _PEOPLE_BY_KEYS, pkeys)
    new_people: dict[str, str] = {}
    for pkey, person in zip(pkeys, people_in):
        if pkey not in person_ids:
            new_people.setdefault(pkey, person["name"])   # the first spelling names a new person
    person_ids.update(zip(new_people, _insert_ids(conn, m.Person.__table__,
                                                  [{"key": k, "name": n} for k, n in new_people.items()])))
    for pkey, person in zip(pkeys, people_in):
        spans = [[x["start"], x["end"]] for x in person.get("mentions") or ()]
        for title in person.get("titles") or [None]:
            rows[m.PersonMention].append(dict(person_id=person_ids[pkey], revision_id=rid, title=title,
                                              seen_on=seen_on, spans=spans, rule=person.get("rule")))

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
        existing = {(o, text_key(t)) for o, t in conn.execute(_DOCUMENT_TASKS, {"doc": doc_id})}
    new_tasks, links = [], []
    for t in tasks_in:
        if (t.get("ordinal"), text_key(t["text"])) in existing:
            continue
        assignees = [a for a in t.get("assignees") or () if a and a.strip()]
        lead = orgs.resolve(assignees[0]) if assignees else None
        others = [orgs.resolve(name) for name in assignees[1:]]
        deadline = _date(t.get("deadline"))
        new_tasks.append(dict(
            document_id=doc_id, revision_id=rid, ordinal=t.get("ordinal"), text=t["text"],
            extracted_text=t["text"], start=t.get("start"), end=t.get("end"), rule=t.get("rule"),
            review=ReviewState.PROPOSED.value, lead_id=lead, deadline=deadline, original_deadline=deadline,
            deadline_text=t.get("deadline_text"), assigned_on=seen_on, completed_on=None, percent=0,
            has_progress=False, version=1))
        # co-operating units: each once, and never the lead itself
        links.append([o for i, o in enumerate(others) if o != lead and o not in others[:i]])
    orgs.flush()
    for task_id, linked in zip(_insert_ids(conn, m.Task.__table__, new_tasks), links):
        rows[m.TaskCollaborator] += [dict(task_id=task_id, organization_id=o) for o in linked]
    for model in (m.Citation, m.OrgMention, m.PersonMention, m.Meeting, m.IndicatorValue, m.Shortcoming,
                  m.TaskCollaborator):
        _insert_rows(conn, model.__table__, rows[model])
    return len(new_tasks)


_KNOWN_CONTENTS = (select(m.Revision.sha256, m.Revision.document_id, m.Revision.id)
                   .where(m.Revision.sha256.in_(bindparam("shas", expanding=True))))


def known_contents(store: Store, sha256s: Iterable[str]) -> dict[str, workers.Known]:
    """Which of these contents (sha256) the store holds: sha256 -> its document and revision."""
    out: dict[str, workers.Known] = {}
    wanted = sorted(set(sha256s))
    if not wanted:
        return out
    with store.transaction() as session:
        conn = session.connection()
        for chunk in _chunks(wanted):
            for sha, doc_id, rev_id in conn.execute(_KNOWN_CONTENTS, {"shas": list(chunk)}):
                out[sha] = workers.Known(sha, doc_id, rev_id)
    return out


def _unchanged(name: str, known: workers.Known) -> IngestOutcome:
    return IngestOutcome(name, "unchanged", known.document_id, known.revision_id)


def _store_prepared(store: Store, name: str, item: workers.Prepared | workers.Failure, *, now: datetime,
                    actor: str) -> IngestOutcome:
    """Store a read and extracted file in one transaction; a failure stores nothing of it."""
    if isinstance(item, workers.Failure):
        return IngestOutcome(name, "failed", reason=item.reason)
    try:
        with store.transaction() as session:
            return store_extraction(session, data=item.data, content=item.content, text=item.text,
                                    sha256=item.sha256, path=name, fmt=item.format, meta=item.meta, now=now,
                                    actor=actor)
    except IntegrityError:
        # the same content was stored meanwhile (by another run, or earlier in this batch): nothing to do
        known = known_contents(store, [item.sha256]).get(item.sha256)
        if known is not None:
            return _unchanged(name, known)
        raise


def ingest_file(store: Store, path: str | Path, *, now: datetime, ref_date: date | None = None,
                encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                actor: str = SYSTEM_ACTOR) -> IngestOutcome:
    """Read, extract and store one file in one transaction; a failure stores nothing of it.

    A content the store holds already is not extracted again: the outcome is ``unchanged``.
    """
    name = str(path)
    result = workers.read(path, encoding=encoding, max_bytes=max_bytes)
    if isinstance(result, workers.Failure):
        return IngestOutcome(name, "failed", reason=result.reason)
    known = known_contents(store, [result.sha256]).get(result.sha256)
    if known is not None:
        return _unchanged(name, known)
    return _store_prepared(store, name, workers.extract(result, ref_date=ref_date), now=now, actor=actor)


def ingest_paths(store: Store, paths: Iterable[str | Path], *, now: datetime, ref_date: date | None = None,
                 encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                 on_file: Callable[[IngestOutcome], None] | None = None,
                 files: list[Path] | None = None, jobs: int | None = 1,
                 actor: str = SYSTEM_ACTOR) -> IngestSummary:
    """Ingest files and folders (recursively); the batch goes on past failures.

    ``jobs``: processes that read and extract; None: the usable cores (at most
    ``ingest_workers.MAX_DEFAULT_JOBS``) for a batch of ``MIN_FILES_FOR_DEFAULT_JOBS`` files or
    more, else 1. With more than one, worker processes read and extract ahead while this process
    stores, one transaction per document in the order of the files; the outcomes are the same as
    with ``1``, which does everything in this process. Workers are started with ``spawn``: a
    script calling this with ``jobs`` > 1 must keep its top-level code under
    ``if __name__ == "__main__":``. When they cannot start, this process does the reading.
    """
    todo = list(files if files is not None else expand_paths(paths))
    if jobs is None:
        jobs = workers.default_jobs() if len(todo) >= workers.MIN_FILES_FOR_DEFAULT_JOBS else 1
    jobs = max(1, jobs)
    summary = IngestSummary()

    def done(outcome: IngestOutcome) -> None:
        summary.outcomes.append(outcome)
        if on_file is not None:
            on_file(outcome)

    if jobs > 1 and len(todo) > 1:
        # contents stored by this batch: the workers were asked before these were stored
        stored: dict[str, workers.Known] = {}
        try:
            for name, item in workers.prepared(todo, jobs=min(jobs, len(todo)), ref_date=ref_date,
                                               encoding=encoding, max_bytes=max_bytes,
                                               known=lambda shas: known_contents(store, shas)):
                if isinstance(item, workers.Prepared) and item.sha256 in stored:
                    item = stored[item.sha256]
                try:
                    outcome = (_unchanged(name, item) if isinstance(item, workers.Known)
                               else _store_prepared(store, name, item, now=now, actor=actor))
                except ChidaoError as exc:
                    outcome = IngestOutcome(name, "failed", reason=str(exc))
                if outcome.status in ("stored", "revised") and isinstance(item, workers.Prepared):
                    stored[item.sha256] = workers.Known(item.sha256, outcome.document_id, outcome.revision_id)
                done(outcome)
            return summary
        except workers.WorkersUnavailable as exc:   # raised before the first file: read them here instead
            warnings.warn(f"{exc}; reading the files in this process", RuntimeWarning, stacklevel=2)
    for f in todo:
        try:
            done(ingest_file(store, f, now=now, ref_date=ref_date, encoding=encoding, max_bytes=max_bytes,
                             actor=actor))
        except ChidaoError as exc:
            done(IngestOutcome(str(f), "failed", reason=str(exc)))
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
    return _label(doc.id, doc.kind, doc.number, doc.symbol)


def _label(doc_id: int, kind: str | None, number: str | None, symbol: str | None) -> str:
    if number and symbol:
        code = f"{number}-{symbol}" if "/" in symbol else f"{number}/{symbol}"
        return f"{_KIND_LABELS.get(kind or '', 'Văn bản')} {code}"
    if kind:
        return f"{_KIND_LABELS.get(kind, 'Văn bản')} #{doc_id}"
    return f"Văn bản #{doc_id}"


_KIND_LABELS = {
    "nghi_quyet": "Nghị quyết", "ket_luan": "Kết luận", "chi_thi": "Chỉ thị", "quy_dinh": "Quy định",
    "quyet_dinh": "Quyết định", "thong_bao": "Thông báo", "ke_hoach": "Kế hoạch", "cong_van": "Công văn",
    "huong_dan": "Hướng dẫn", "chuong_trinh": "Chương trình", "de_an": "Đề án", "bao_cao": "Báo cáo",
    "to_trinh": "Tờ trình", "quy_che": "Quy chế", "nghi_dinh": "Nghị định", "thong_tu": "Thông tư",
    "luat": "Luật", "cong_dien": "Công điện",
}


def status_conditions(today: date) -> dict[TaskStatus, Any]:
    """SQL conditions, one per status on ``today``, that ``derive_status`` would give a task row."""
    T = m.Task
    open_ = T.completed_on.is_(None)
    return {
        TaskStatus.DONE_ON_TIME: and_(T.completed_on.is_not(None),
                                      or_(T.deadline.is_(None), T.completed_on <= T.deadline)),
        TaskStatus.DONE_LATE: and_(T.completed_on.is_not(None), T.completed_on > T.deadline),
        TaskStatus.NO_DEADLINE: and_(open_, T.deadline.is_(None)),
        TaskStatus.OVERDUE: and_(open_, T.deadline < today),
        TaskStatus.IN_PROGRESS: and_(open_, T.deadline >= today, T.has_progress.is_(True)),
        TaskStatus.NOT_DUE: and_(open_, T.deadline >= today, T.has_progress.is_(False)),
    }


# The columns a TaskView is built from: plain rows, no ORM objects (a long list costs a few ms, not tens).
_Lead = aliased(m.Organization)
_VIEW_COLUMNS = (
    m.Task.id, m.Task.document_id, m.Task.ordinal, m.Task.text, m.Task.review, m.Task.lead_id, m.Task.deadline,
    m.Task.original_deadline, m.Task.deadline_text, m.Task.assigned_on, m.Task.completed_on, m.Task.percent,
    m.Task.has_progress, m.Task.version, m.Document.kind, m.Document.number, m.Document.symbol, _Lead.name,
)
_TASK_ORDER = (m.Task.deadline.is_(None), m.Task.deadline, m.Task.id)   # stable: pages never overlap


def _query_views(session: Session, today: date, where: Sequence[Any], *, limit: int | None = None,
                 offset: int | None = None) -> list[TaskView]:
    """The TaskViews of the tasks matching ``where``, in deadline order (no deadline last), then by id."""
    ids = select(m.Task.id).where(*where)
    q = (select(*_VIEW_COLUMNS).join(m.Document, m.Document.id == m.Task.document_id)
         .outerjoin(_Lead, _Lead.id == m.Task.lead_id).where(*where).order_by(*_TASK_ORDER))
    if limit is not None or offset:
        q = q.limit(limit).offset(offset or None)
        ids = ids.order_by(*_TASK_ORDER).limit(limit).offset(offset or None)
    conn = session.connection()   # Core rows: no ORM result processing
    rows = conn.execute(q).all()
    if not rows:
        return []
    collab: dict[int, list[str]] = defaultdict(list)
    for tid, name in conn.execute(
            select(m.TaskCollaborator.task_id, m.Organization.name)
            .join(m.Organization, m.Organization.id == m.TaskCollaborator.organization_id)
            .where(m.TaskCollaborator.task_id.in_(ids))
            .order_by(m.TaskCollaborator.task_id, m.TaskCollaborator.id)):
        collab[tid].append(name)
    labels: dict[int, str] = {}
    out = []
    late = (TaskStatus.OVERDUE, TaskStatus.DONE_LATE)
    for (tid, doc_id, ordinal, text, review, lead_id, deadline, original, deadline_text, assigned, completed,
         percent, has_progress, version, kind, number, symbol, lead) in rows:
        label = labels.get(doc_id)
        if label is None:
            label = labels[doc_id] = _label(doc_id, kind, number, symbol)
        status = derive_status(deadline, completed, today, has_progress)
        out.append(TaskView(
            id=tid, document_id=doc_id, document=label, ordinal=ordinal, text=text, review=review,
            lead=lead if lead_id else None, collaborators=tuple(collab.get(tid, ())), deadline=deadline,
            original_deadline=original, deadline_text=deadline_text, assigned_on=assigned, completed_on=completed,
            percent=percent, status=status,
            days_overdue=days_overdue(deadline, completed, today) if status in late else 0, version=version))
    return out


def _unit_ids(session: Session, unit: str) -> list[int]:
    org = find_org(session, unit)
    if org is None:
        raise NotFoundError(f"không có đơn vị '{unit}'; xem danh sách bằng 'chidao orgs'")
    return [org.id]


_NOT_REJECTED = tuple(s.value for s in ReviewState if s is not ReviewState.REJECTED)


def list_tasks(store: Store, *, today: date, unit: str | None = None, overdue: bool = False,
               due_within: int | None = None, document_id: int | None = None,
               status: TaskStatus | None = None, review: str | None = None,
               include_rejected: bool = False, limit: int | None = None, offset: int = 0) -> list[TaskView]:
    """Tasks filtered in the database; ``overdue``, ``due_within`` and ``status`` look at them on ``today``.

    In deadline order (tasks without one last), then by id: ``limit``/``offset`` page through the list
    without overlaps or gaps as long as the tasks do not change in between.
    """
    T = m.Task
    where: list[Any] = []
    with store.transaction() as session:
        if unit is not None:
            where.append(T.lead_id.in_(_unit_ids(session, unit)))
        if document_id is not None:
            where.append(T.document_id == document_id)
        if review is not None:
            where.append(T.review == review)
        elif not include_rejected:   # IN, not !=: an index range on (lead_id, review, completed_on, deadline)
            where.append(T.review.in_(_NOT_REJECTED))
        if overdue:
            where += [T.completed_on.is_(None), T.deadline < today]
        if due_within is not None:
            where += [T.completed_on.is_(None), T.deadline >= today, T.deadline <= today + timedelta(days=due_within)]
        if status is not None:
            where.append(status_conditions(today)[status])
        return _query_views(session, today, where, limit=limit, offset=offset)


def get_task(store: Store, task_id: int, *, today: date) -> TaskDetail:
    with store.transaction() as session:
        task = session.get(m.Task, task_id)
        if task is None:
            raise NotFoundError(f"không có nhiệm vụ số {task_id}; xem danh sách bằng 'chidao tasks list'")
        (view,) = _query_views(session, today, [m.Task.id == task_id])
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
    """Per lead unit on ``today``: counts by status and overdue age buckets, aggregated in the database.

    One pass over the covering index ``ix_tasks_summary`` with as few conditional counts as the
    statuses allow (each one costs a few ms per 100.000 tasks): the other counts are differences.
    """
    T = m.Task
    open_ = T.completed_on.is_(None)
    filter_ok = store.dialect != "sqlite" or _sqlite_has_filter()

    def n(cond):  # noqa: ANN001, ANN202 - count(*) FILTER (WHERE ...) where the database has it: cheaper
        return func.count().filter(cond) if filter_ok else func.sum(case((cond, 1), else_=0))

    # open tasks at least ``d`` days past their deadline, for every edge of the age buckets
    edges = sorted({1} | {low for _, low, _ in AGE_BUCKETS} | {high + 1 for _, _, high in AGE_BUCKETS if high})
    cols = [
        func.count(),                                            # total; count(*): PostgreSQL can stay in the index
        func.count(T.completed_on),                              # done
        n(T.completed_on > T.deadline),                          # done late (NULL deadline: never late)
        n(and_(open_, T.deadline.is_(None))),                    # no deadline
        n(and_(open_, T.deadline >= today, T.has_progress.is_(True))),   # in progress
        *(n(and_(open_, T.deadline <= today - timedelta(days=d))) for d in edges),
    ]
    reviews = [ReviewState.CONFIRMED.value] + ([ReviewState.PROPOSED.value] if include_proposed else [])
    q = select(T.lead_id, *cols).where(T.review.in_(reviews)).group_by(T.lead_id)
    with store.transaction() as session:
        conn = session.connection()
        rows = conn.execute(q).all()
        ids = [r[0] for r in rows if r[0] is not None]
        names = _pairs(conn.execute(select(m.Organization.id, m.Organization.name)
                                    .where(m.Organization.id.in_(ids)))) if ids else {}
    out = []
    for lead_id, *counts in rows:
        total, done, late, no_deadline, in_progress, *past = (int(x or 0) for x in counts)
        at_least = dict(zip(edges, past))
        overdue = at_least[1]
        s = UnitSummary(names.get(lead_id, NO_UNIT) if lead_id is not None else NO_UNIT, total)
        s.by_status.update({
            TaskStatus.DONE_ON_TIME: done - late, TaskStatus.DONE_LATE: late, TaskStatus.NO_DEADLINE: no_deadline,
            TaskStatus.OVERDUE: overdue, TaskStatus.IN_PROGRESS: in_progress,
            TaskStatus.NOT_DUE: total - done - no_deadline - overdue - in_progress,
        })
        for label, low, high in AGE_BUCKETS:
            s.buckets[label] = at_least[low] - (at_least[high + 1] if high is not None else 0)
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
    "record_completion", "DEFAULT_COMPLETION_TEXT", "known_contents", "status_conditions",
]
