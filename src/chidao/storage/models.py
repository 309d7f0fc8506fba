"""The tables of the store: documents and their revisions, every extracted fact, tasks and follow-up."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String,
    Text, UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# --------------------------------------------------------------------------- documents


class Document(Base):
    """A document as the office knows it; its versions are ``Revision`` rows."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_key: Mapped[str | None] = mapped_column(String(200), unique=True)  # number|SYMBOL, None for news
    kind: Mapped[str | None] = mapped_column(String(40))
    number: Mapped[str | None] = mapped_column(String(40))
    symbol: Mapped[str | None] = mapped_column(String(80))
    issuer: Mapped[str | None] = mapped_column(Text)
    issued_on: Mapped[date | None] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(Text)
    signer_name: Mapped[str | None] = mapped_column(String(200))
    signer_title: Mapped[str | None] = mapped_column(String(200))
    signer_on_behalf_of: Mapped[str | None] = mapped_column(String(200))
    recipients: Mapped[list[str]] = mapped_column(JSON, default=list)
    place: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)

    revisions: Mapped[list[Revision]] = relationship(back_populates="document", order_by="Revision.revision_no")


class Revision(Base):
    """One stored content of a document: the original file, its text and the extraction JSON."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("document_id", "revision_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    revision_no: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    path: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(16))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    text: Mapped[str] = mapped_column(Text)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    extraction: Mapped[dict[str, Any]] = mapped_column(JSON)   # the chidao.extract/1 object
    ref_date: Mapped[date | None] = mapped_column(Date)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)

    document: Mapped[Document] = relationship(back_populates="revisions")


class Citation(Base):
    """A reference in a revision's text to a numbered document, linked once that document is stored."""

    __tablename__ = "citations"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id"), index=True)
    cite_key: Mapped[str | None] = mapped_column(String(200), index=True)
    target_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    kind: Mapped[str | None] = mapped_column(String(40))
    number: Mapped[str | None] = mapped_column(String(40))
    symbol: Mapped[str | None] = mapped_column(String(80))
    year: Mapped[int | None] = mapped_column(Integer)
    issued_on: Mapped[date | None] = mapped_column(Date)
    issuer: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str | None] = mapped_column(String(80))


# --------------------------------------------------------------------------- organizations, people


class Organization(Base):
    """A body under its canonical name; ``merged_into_id`` points at the survivor of a merge."""

    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))


class OrgAlias(Base):
    """A surface form (alias, abbreviation) met for an organization; ``key`` is its matching form."""

    __tablename__ = "org_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    alias: Mapped[str] = mapped_column(String(300))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)


class OrgMention(Base):
    __tablename__ = "org_mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str | None] = mapped_column(String(80))


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(200))


class PersonMention(Base):
    """A person named in a revision, with one title the text gives them there (None: no title)."""

    __tablename__ = "person_mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id"), index=True)
    title: Mapped[str | None] = mapped_column(String(300))
    seen_on: Mapped[date | None] = mapped_column(Date)
    spans: Mapped[list[list[int]]] = mapped_column(JSON, default=list)
    rule: Mapped[str | None] = mapped_column(String(80))


# --------------------------------------------------------------------------- other facts


class Meeting(Base):
    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id"), index=True)
    kind: Mapped[str | None] = mapped_column(String(40))
    body: Mapped[str | None] = mapped_column(Text)
    session: Mapped[int | None] = mapped_column(Integer)
    term: Mapped[str | None] = mapped_column(String(40))
    held_on: Mapped[date | None] = mapped_column(Date)
    chairs: Mapped[list[str]] = mapped_column(JSON, default=list)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str | None] = mapped_column(String(80))


class IndicatorValue(Base):
    """One statement of an indicator; rows with the same ``series_key`` form a series."""

    __tablename__ = "indicator_values"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id"), index=True)
    series_key: Mapped[str] = mapped_column(String(300), index=True)
    name: Mapped[str] = mapped_column(Text)
    period: Mapped[str | None] = mapped_column(String(200))
    seen_on: Mapped[date | None] = mapped_column(Date)
    value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(80))
    change_pct: Mapped[float | None] = mapped_column(Float)
    plan_pct: Mapped[float | None] = mapped_column(Float)
    actual: Mapped[float | None] = mapped_column(Float)
    target: Mapped[float | None] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str | None] = mapped_column(String(80))


class Shortcoming(Base):
    __tablename__ = "shortcomings"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str | None] = mapped_column(String(80))


# --------------------------------------------------------------------------- tasks


class Task(Base):
    """A task a document assigned; ``version`` guards against lost concurrent updates."""

    __tablename__ = "tasks"
    __table_args__ = (
        Index("ix_tasks_lead_open_deadline", "lead_id", "completed_on", "deadline"),
        Index("ix_tasks_open_deadline", "completed_on", "deadline"),
        # covers the per-unit summary: it reads this index, not the (wide) task rows
        Index("ix_tasks_summary", "lead_id", "review", "completed_on", "deadline", "has_progress"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    revision_id: Mapped[int | None] = mapped_column(ForeignKey("revisions.id"), index=True)
    ordinal: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    extracted_text: Mapped[str | None] = mapped_column(Text)    # as read; ``text`` may be edited
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    rule: Mapped[str | None] = mapped_column(String(80))
    review: Mapped[str] = mapped_column(String(16), default="proposed", index=True)
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    deadline: Mapped[date | None] = mapped_column(Date)
    original_deadline: Mapped[date | None] = mapped_column(Date)
    deadline_text: Mapped[str | None] = mapped_column(Text)
    assigned_on: Mapped[date | None] = mapped_column(Date)
    completed_on: Mapped[date | None] = mapped_column(Date)
    percent: Mapped[int] = mapped_column(Integer, default=0)
    has_progress: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}


class TaskCollaborator(Base):
    __tablename__ = "task_collaborators"
    __table_args__ = (UniqueConstraint("task_id", "organization_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)


class TaskUpdate(Base):
    """One progress report: part of the task's history."""

    __tablename__ = "task_updates"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    reported_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    percent: Mapped[int | None] = mapped_column(Integer)
    author: Mapped[str] = mapped_column(String(200))
    evidence: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class DeadlineExtension(Base):
    __tablename__ = "deadline_extensions"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    old_deadline: Mapped[date | None] = mapped_column(Date)
    new_deadline: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AuditEntry(Base):
    """Who changed what, when, with the values before and after."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(200))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(40))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)
