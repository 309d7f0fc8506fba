"""Task commands: ``tasks list|show|review|update|complete|extend`` and ``summary`` (sheets: sheet_cmds)."""
from __future__ import annotations

from datetime import date

import click

from chidao import services
from chidao.cli.store_cmds import (
    console, current_user, handles_errors, now, open_store, resolve_today, table, today_option,
)
from chidao.model import ReviewState, TaskStatus
from chidao.tracking.display import fmt_date, fmt_number, fmt_percent, parse_date

REVIEW_LABELS = {"proposed": "Đề xuất", "confirmed": "Đã xác nhận", "rejected": "Đã loại"}


def _date_arg(value: str | None, hint: str) -> date | None:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError:
        raise click.BadParameter(f"{value!r}: dùng dd/mm/yyyy hoặc yyyy-mm-dd", param_hint=hint) from None


@click.group("tasks")
def tasks_group() -> None:
    """Tasks the documents assign, and their follow-up.

    \b
    Example:
      chidao tasks list --overdue --today 2024-07-01
    """


@tasks_group.command("list")
@click.option("--unit", help="Only tasks this unit leads (name, alias or abbreviation).")
@click.option("--overdue", is_flag=True, help="Only open tasks past their deadline.")
@click.option("--due-within", type=click.IntRange(0), metavar="DAYS", help="Only open tasks due within DAYS.")
@click.option("--document", "document_id", type=int, help="Only tasks of this document.")
@click.option("--status", type=click.Choice([s.value for s in TaskStatus]), help="Only tasks with this status.")
@click.option("--review", type=click.Choice([s.value for s in ReviewState]), help="Only tasks in this review state.")
@click.option("--limit", type=click.IntRange(1), metavar="N", help="Show at most N tasks (a page).")
@click.option("--offset", type=click.IntRange(0), default=0, metavar="N",
              help="Skip the first N tasks of the list (with --limit: the next page).")
@today_option
@handles_errors
def tasks_list(unit, overdue, due_within, document_id, status, review, limit, offset, today) -> None:  # noqa: ANN001
    """List tasks with their derived status, by deadline (tasks without one last).

    \b
    Example:
      chidao tasks list --unit "Sở Tài chính" --due-within 30 --today 2024-07-01
      chidao tasks list --overdue --limit 50 --offset 50
    """
    day = resolve_today(today)
    rows = services.list_tasks(open_store(), today=day, unit=unit, overdue=overdue, due_within=due_within,
                               document_id=document_id, status=TaskStatus(status) if status else None,
                               review=review, limit=limit, offset=offset)
    t = table("#", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Tình trạng", "Tiến độ", "Văn bản",
              title=f"Nhiệm vụ tính đến ngày {fmt_date(day)}")
    for v in rows:
        text = v.text if len(v.text) <= 90 else v.text[:87] + "..."
        if v.review != "confirmed":
            text = f"({REVIEW_LABELS[v.review].lower()}) {text}"
        t.add_row(str(v.id), text, v.lead or "-", fmt_date(v.deadline), v.status_text, f"{v.percent}%", v.document)
    console().print(t)
    if limit is None and not offset:
        click.echo(f"Tổng số: {len(rows)} nhiệm vụ")
    elif rows:
        click.echo(f"Nhiệm vụ thứ {offset + 1} đến {offset + len(rows)} của danh sách")
    else:
        click.echo(f"Danh sách không có nhiệm vụ thứ {offset + 1}")


@tasks_group.command("show")
@click.argument("task_id", type=int)
@today_option
@handles_errors
def tasks_show(task_id: int, today: str | None) -> None:
    """Show one task: its words in the source, status, history, extensions and audit log.

    \b
    Example:
      chidao tasks show 12 --today 2024-07-01
    """
    day = resolve_today(today)
    d = services.get_task(open_store(), task_id, today=day)
    v = d.task
    out = console()
    out.print(f"[bold]Nhiệm vụ #{v.id}[/bold] ({REVIEW_LABELS[v.review]}, phiên bản {v.version}) - {v.document}"
              + (f", mục {v.ordinal}" if v.ordinal else ""), highlight=False)
    out.print(v.text, highlight=False)
    for label, value in (
            ("Chủ trì", v.lead or "-"), ("Phối hợp", "; ".join(v.collaborators) or "-"),
            ("Thời hạn", fmt_date(v.deadline) + (f" ({v.deadline_text})" if v.deadline_text else "")),
            ("Thời hạn ban đầu", fmt_date(v.original_deadline)), ("Ngày giao", fmt_date(v.assigned_on)),
            ("Ngày hoàn thành", fmt_date(v.completed_on)),
            ("Tình trạng", f"{v.status_text} (tính đến {fmt_date(day)})"), ("Tiến độ", f"{v.percent}%")):
        out.print(f"{label}: {value}", highlight=False)
    if d.updates:
        t = table("Ngày", "Nội dung", "%", "Người báo cáo", "Minh chứng", title="Tiến độ")
        for u in d.updates:
            t.add_row(fmt_date(u.reported_on), u.text, "-" if u.percent is None else str(u.percent), u.author,
                      ", ".join(u.evidence or []) or "-")
        out.print(t)
    if d.extensions:
        t = table("Thời hạn cũ", "Thời hạn mới", "Lý do", "Người gia hạn", title="Gia hạn")
        for e in d.extensions:
            t.add_row(fmt_date(e.old_deadline), fmt_date(e.new_deadline), e.reason, e.author)
        out.print(t)
    if d.audit:
        t = table("Lúc", "Người", "Thao tác", "Trước", "Sau", title="Nhật ký thay đổi")
        for a in d.audit:
            t.add_row(a.at.strftime("%d/%m/%Y %H:%M"), a.actor, a.action, _kv(a.before), _kv(a.after))
        out.print(t)


def _kv(values: dict | None) -> str:
    return "; ".join(f"{k}={v}" for k, v in (values or {}).items()) or "-"


def _author(value: str | None) -> str:
    return value or current_user()


_version_option = click.option("--version", "expected_version", type=int,
                               help="The version you saw (tasks show); refuse the change if it moved.")
_author_option = click.option("--author", help="Who makes the change (default: CHIDAO_USER or the login name).")


@tasks_group.command("review")
@click.argument("task_id", type=int)
@click.option("--confirm", "action", flag_value="confirm", help="Confirm the task.")
@click.option("--reject", "action", flag_value="reject", help="Reject the task (it was not a task).")
@click.option("--text", help="New wording of the task.")
@click.option("--lead", help="The lead unit.")
@click.option("--collaborator", "collaborators", multiple=True, help="A co-operating unit (repeat for several).")
@click.option("--no-collaborators", is_flag=True, help="Remove every co-operating unit.")
@click.option("--deadline", help="Deadline dd/mm/yyyy, while the task is still proposed.")
@_version_option
@_author_option
@handles_errors
def tasks_review(task_id, action, text, lead, collaborators, no_collaborators, deadline, expected_version,
                 author) -> None:  # noqa: ANN001
    """Confirm, edit or reject an extracted task (non-interactive).

    \b
    Example:
      chidao tasks review 12 --confirm --lead "Sở Tài chính" --collaborator "Sở Xây dựng" --deadline 30/09/2024
    """
    collab = [] if no_collaborators else (list(collaborators) if collaborators else None)
    version = services.review_task(open_store(), task_id, action=action, text=text, lead=lead,
                                   collaborators=collab, deadline=_date_arg(deadline, "--deadline"),
                                   actor=_author(author), now=now(), expected_version=expected_version)
    click.echo(f"Đã cập nhật nhiệm vụ #{task_id} (phiên bản {version})")


@tasks_group.command("update")
@click.argument("task_id", type=int)
@click.option("--text", required=True, help="What was done.")
@click.option("--percent", type=click.IntRange(0, 100), help="Progress percent 0-100.")
@click.option("--date", "reported_on", help="Date of the report dd/mm/yyyy (default: today).")
@click.option("--evidence", multiple=True, help="An evidence file or reference (repeat for several).")
@_version_option
@_author_option
@handles_errors
def tasks_update(task_id, text, percent, reported_on, evidence, expected_version, author) -> None:  # noqa: ANN001
    """Record a progress report on a task.

    \b
    Example:
      chidao tasks update 12 --text "Đã rà soát 5/9 sở" --percent 55 --evidence bc-0107.pdf
    """
    day = _date_arg(reported_on, "--date") or now().date()
    version = services.add_progress(open_store(), task_id, reported_on=day, text=text, percent=percent,
                                    evidence=evidence, author=_author(author), now=now(),
                                    expected_version=expected_version)
    click.echo(f"Đã ghi tiến độ nhiệm vụ #{task_id} (phiên bản {version})")


@tasks_group.command("complete")
@click.argument("task_id", type=int)
@click.option("--date", "completed_on", help="Completion date dd/mm/yyyy (default: today).")
@click.option("--note", help="How it was completed.")
@click.option("--evidence", multiple=True, help="An evidence file or reference (repeat for several).")
@_version_option
@_author_option
@handles_errors
def tasks_complete(task_id, completed_on, note, evidence, expected_version, author) -> None:  # noqa: ANN001
    """Mark a task done; on time or late follows from its deadline.

    \b
    Example:
      chidao tasks complete 12 --date 28/06/2024 --note "Đã ban hành Kế hoạch 45"
    """
    day = _date_arg(completed_on, "--date") or now().date()
    services.complete_task(open_store(), task_id, completed_on=day, text=note, evidence=evidence,
                           author=_author(author), now=now(), expected_version=expected_version)
    click.echo(f"Nhiệm vụ #{task_id} hoàn thành ngày {fmt_date(day)}")


@tasks_group.command("extend")
@click.argument("task_id", type=int)
@click.option("--deadline", required=True, help="New deadline dd/mm/yyyy.")
@click.option("--reason", required=True, help="Why the deadline moves.")
@_version_option
@_author_option
@handles_errors
def tasks_extend(task_id, deadline, reason, expected_version, author) -> None:  # noqa: ANN001
    """Extend a task's deadline; the original deadline and the reason are kept.

    \b
    Example:
      chidao tasks extend 12 --deadline 30/09/2024 --reason "Chờ hướng dẫn của Bộ Tài chính"
    """
    new = _date_arg(deadline, "--deadline")
    services.extend_deadline(open_store(), task_id, new_deadline=new, reason=reason, author=_author(author),
                             now=now(), expected_version=expected_version)
    click.echo(f"Đã gia hạn nhiệm vụ #{task_id} đến {fmt_date(new)}")


@click.command("summary")
@click.option("--confirmed-only", is_flag=True, help="Count only confirmed tasks (default: proposed too).")
@today_option
@handles_errors
def summary_cmd(confirmed_only: bool, today: str | None) -> None:
    """Per-unit summary: tasks by status, on-time rate, overdue share and overdue age buckets.

    \b
    Example:
      chidao summary --today 2024-07-01
    """
    day = resolve_today(today)
    rows = services.unit_summary(open_store(), today=day, include_proposed=not confirmed_only)
    t = table("Đơn vị chủ trì", "Tổng", "Hoàn thành", "Đúng hạn", "Tỷ lệ đúng hạn", "Quá hạn", "Tỷ lệ quá hạn",
              "1-30", "31-90", "91-120", ">120", "Chưa có hạn",
              title=f"Tổng hợp nhiệm vụ theo đơn vị tính đến ngày {fmt_date(day)}")
    for s in rows:
        t.add_row(s.unit, fmt_number(s.total), fmt_number(s.done), fmt_number(s.by_status[TaskStatus.DONE_ON_TIME]),
                  fmt_percent(s.on_time_rate), fmt_number(s.overdue), fmt_percent(s.overdue_share),
                  *(fmt_number(v) for v in s.buckets.values()), fmt_number(s.by_status[TaskStatus.NO_DEADLINE]))
    console().print(t)


def register(group: click.Group) -> None:
    group.add_command(tasks_group)
    group.add_command(summary_cmd)
