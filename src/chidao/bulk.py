"""Bulk follow-up: export a unit's tasks to a sheet, and apply a filled sheet in one transaction."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from chidao import services
from chidao.errors import ConflictError, ValidationError
from chidao.model import ReviewState
from chidao.storage import models as m
from chidao.storage.engine import Store
from chidao.tracking.display import fmt_date
from chidao.tracking.sheets import ProgressRow, RowError, SheetData, check_rows, export_rows, read_sheet, write_sheet

# --------------------------------------------------------------------------- export


def export_tasks(store: Store, path: str | Path, *, unit: str | None, today: date,
                 include_done: bool = False) -> int:
    """Write the tasks ``unit`` leads (every unit's when None; open ones unless ``include_done``) to
    ``path`` (.xlsx or .csv), with their status on ``today``. Rejected tasks are left out.

    Returns the number of tasks written; an unknown unit raises ``NotFoundError``.
    """
    views = services.list_tasks(store, today=today, unit=unit)
    if not include_done:
        views = [v for v in views if v.completed_on is None]
    name = (services.find_org_name(store, unit) or unit) if unit else None
    write_sheet(export_rows(views), path, unit=name, as_of=today)
    return len(views)


# --------------------------------------------------------------------------- import


@dataclass(frozen=True)
class AppliedRow:
    line: int
    task_id: int
    action: str                      # progress | complete


@dataclass(frozen=True)
class ImportSummary:
    """What an import did: lines applied, lines skipped (with why) and lines refused (with why)."""

    source: str
    rows: int                                    # non-empty lines under the header
    applied: tuple[AppliedRow, ...]
    skipped: tuple[tuple[int, str], ...]         # reports already recorded, with why
    errors: tuple[RowError, ...]
    dry_run: bool = False
    unfilled: tuple[int, ...] = ()               # lines whose columns to fill were left empty

    @property
    def ok(self) -> bool:
        return not self.errors


def import_sheet(store: Store, path: str | Path, *, author: str, now: datetime, today: date | None = None,
                 partial: bool = False, dry_run: bool = False) -> ImportSummary:
    """Apply a filled sheet (see ``import_data``); the file is read and checked before the store is touched."""
    return import_data(store, read_sheet(path), author=author, now=now, today=today, partial=partial,
                       dry_run=dry_run, source=Path(path).name)


def import_data(store: Store, sheet: SheetData, *, author: str, now: datetime, today: date | None = None,
                partial: bool = False, dry_run: bool = False, source: str = "") -> ImportSummary:
    """Check every line against the store and apply the reports in ONE transaction.

    A line reports progress (``Tiến độ (%)`` and/or ``Kết quả thực hiện``) and/or completion
    (``Ngày hoàn thành``); a line with neither is skipped, and so is a report already recorded.
    Any invalid line: nothing is applied and ``ValidationError`` lists ``(line, message)``, unless
    ``partial``, which applies the valid lines and returns the others in ``errors``. Column
    problems (unknown or duplicate columns) refuse the whole file even with ``partial``.
    ``today`` (default ``now``'s date) is the default report date and the latest date accepted.
    """
    today = today or now.date()
    rows, errors = check_rows(sheet)
    if sheet.errors:
        raise ValidationError(_refusal(source, errors, len(sheet.rows), columns=True),
                              [e.as_pair() for e in errors])
    with store.transaction() as session:
        plans: list[tuple[ProgressRow, m.Task]] = []
        skipped: list[tuple[int, str]] = []
        unfilled: list[int] = []
        for row in rows:
            if not row.is_report:
                unfilled.append(row.line)
                continue
            task, problems = _check_against_store(session, row, today)
            if problems:
                errors.extend(RowError(row.line, p) for p in problems)
                continue
            reason = _already_recorded(session, row, task, today)
            if reason:
                skipped.append((row.line, reason))
                continue
            plans.append((row, task))
        errors.sort(key=lambda e: e.line)
        if errors and not partial:
            raise ValidationError(_refusal(source, errors, len(sheet.rows)), [e.as_pair() for e in errors])
        applied = []
        if not dry_run:
            for row, task in plans:
                applied.append(_apply(session, row, task, author=row.reporter or author, now=now, today=today,
                                      via=f"{source or 'sheet'}:{row.line}"))
            _flush(session)
        else:
            applied = [AppliedRow(row.line, task.id, "complete" if row.completed_on else "progress")
                       for row, task in plans]
            session.rollback()
    return ImportSummary(source, len(sheet.rows), tuple(applied), tuple(skipped), tuple(errors), dry_run,
                         tuple(unfilled))


def _refusal(source: str, errors: Sequence[RowError], rows: int, columns: bool = False) -> str:
    where = f"{source}: " if source else ""
    if columns:
        return (f"{where}các cột của bảng không đúng mẫu; không ghi dòng nào. Sửa tiêu đề cột "
                "rồi nhập lại")
    bad = len({e.line for e in errors})
    return (f"{where}{bad}/{rows} dòng có lỗi; không ghi dòng nào. Sửa các dòng trên rồi nhập lại, "
            "hoặc dùng --partial để chỉ ghi các dòng đúng")


def _check_against_store(session: Session, row: ProgressRow, today: date) -> tuple[m.Task | None, list[str]]:
    task = session.get(m.Task, row.task_id)
    if task is None:
        return None, [f"không có nhiệm vụ mã {row.task_id} trong kho; giữ nguyên cột 'Mã nhiệm vụ' "
                      "như trong file đã xuất"]
    problems = []
    if task.review == ReviewState.REJECTED.value:
        problems.append(f"nhiệm vụ {task.id} đã bị loại; không nhận báo cáo cho nhiệm vụ này")
    if row.unit:
        org = services.find_org(session, row.unit)
        if org is None:
            problems.append(f"không có đơn vị '{row.unit}' trong danh sách đơn vị; giữ nguyên cột "
                            "'Đơn vị chủ trì' như trong file đã xuất (xem 'chidao orgs')")
        elif org.id != task.lead_id and org.id not in services.collaborator_ids(session, task.id):
            lead = session.get(m.Organization, task.lead_id).name if task.lead_id else "chưa giao"
            problems.append(f"đơn vị '{row.unit}' không chủ trì hay phối hợp nhiệm vụ {task.id} "
                            f"(đơn vị chủ trì: {lead}); xuất lại bảng cho đúng đơn vị")
    start = task.assigned_on
    if row.completed_on is not None:
        if start is not None and row.completed_on < start:
            problems.append(f"ngày hoàn thành {fmt_date(row.completed_on)} trước ngày giao nhiệm vụ "
                            f"{fmt_date(start)}")
        if row.completed_on > today:
            problems.append(f"ngày hoàn thành {fmt_date(row.completed_on)} sau ngày hôm nay ({fmt_date(today)})")
    if row.reported_on is not None:
        if start is not None and row.reported_on < start:
            problems.append(f"ngày báo cáo {fmt_date(row.reported_on)} trước ngày giao nhiệm vụ {fmt_date(start)}")
        if row.reported_on > today:
            problems.append(f"ngày báo cáo {fmt_date(row.reported_on)} sau ngày hôm nay ({fmt_date(today)})")
    return task, problems


def _already_recorded(session: Session, row: ProgressRow, task: m.Task, today: date) -> str | None:
    """Why this line needs no change (a sheet imported twice records nothing twice); None otherwise."""
    if row.completed_on is not None:
        if task.completed_on == row.completed_on:
            return f"nhiệm vụ {task.id} đã ghi hoàn thành ngày {fmt_date(task.completed_on)}"
        return None
    day = row.reported_on or today
    same = session.scalars(select(m.TaskUpdate.id).where(
        m.TaskUpdate.task_id == task.id, m.TaskUpdate.reported_on == day, m.TaskUpdate.text == (row.result or ""),
        m.TaskUpdate.percent.is_(None) if row.percent is None else m.TaskUpdate.percent == row.percent)).first()
    if same is not None:
        return f"báo cáo ngày {fmt_date(day)} này đã được ghi trước đó"
    return None


def _apply(session: Session, row: ProgressRow, task: m.Task, *, author: str, now: datetime, today: date,
           via: str) -> AppliedRow:
    """Record one checked line as the services do (history entry, new state, version, audit entry)."""
    if row.completed_on is not None:
        services.record_completion(session, task, completed_on=row.completed_on, text=row.result,
                                   evidence=row.evidence, author=author, now=now, audit_extra={"via": via})
        return AppliedRow(row.line, task.id, "complete")
    services.record_progress(session, task, reported_on=row.reported_on or today, text=row.result or "",
                             percent=row.percent, evidence=row.evidence, author=author, now=now,
                             audit_extra={"via": via})
    return AppliedRow(row.line, task.id, "progress")


def _flush(session: Session) -> None:
    try:
        session.flush()
    except (StaleDataError, OperationalError):   # a task changed meanwhile, or the store stayed locked
        raise ConflictError("a task in the sheet was changed by someone else during the import; nothing "
                            "was recorded: run the import again") from None


__all__ = ["AppliedRow", "ImportSummary", "export_tasks", "import_data", "import_sheet"]
