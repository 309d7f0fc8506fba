"""Sheet commands: ``tasks export`` a unit's tasks to XLSX/CSV and ``tasks import`` the filled sheet."""
from __future__ import annotations

import sys

import click

from chidao import bulk
from chidao.cli.store_cmds import current_user, handles_errors, now, open_store, resolve_today, today_option
from chidao.errors import ChidaoError
from chidao.tracking.display import fmt_date


@click.command("export")
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option("--unit", help="The lead unit (name, alias or abbreviation); default: every unit.")
@click.option("--out", "out", type=click.Path(dir_okay=False),
              help="The file to write: FILE.xlsx or FILE.csv (or give FILE as the argument).")
@click.option("--all", "include_done", is_flag=True, help="Include completed tasks too.")
@today_option
@handles_errors
def export_cmd(file: str | None, unit: str | None, out: str | None, include_done: bool, today: str | None) -> None:
    """Write a unit's open tasks to a sheet it fills in and sends back.

    The grey columns (id, task, deadline, status) must stay as they are; the unit fills in the
    report date, progress %, result, completion date, reporter and evidence.

    \b
    Example:
      chidao tasks export --unit "Sở Tài chính" --out so-tai-chinh.xlsx --today 2024-07-01
    """
    if file and out and file != out:
        raise click.UsageError("give the file once: as FILE or as --out")
    target = out or file
    if not target:
        raise click.UsageError("say where to write: --out FILE.xlsx or FILE.csv")
    if not target.lower().endswith((".xlsx", ".csv")):
        raise click.BadParameter(f"{target!r}: tên file phải có đuôi .xlsx hoặc .csv", param_hint="--out")
    day = resolve_today(today)
    n = bulk.export_tasks(open_store(), target, unit=unit, today=day, include_done=include_done)
    whose = f" của đơn vị {unit}" if unit else ""
    click.echo(f"Đã xuất {n} nhiệm vụ{whose} ra {target} (tình trạng tính đến {fmt_date(day)})")


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--partial", is_flag=True, help="Record the valid lines even if other lines have errors.")
@click.option("--dry-run", is_flag=True, help="Check the sheet against the store without recording anything.")
@click.option("--author", help="Who reports, where the sheet's 'Người báo cáo' is empty "
                               "(default: CHIDAO_USER or the login name).")
@today_option
@handles_errors
def import_cmd(file: str, partial: bool, dry_run: bool, author: str | None, today: str | None) -> None:
    """Record the progress reports of a filled sheet, all in one transaction.

    Any line in error: nothing is recorded and every error is listed with its line number,
    unless --partial. Lines left empty, and reports already recorded, are skipped.
    Exit status 1 when any line was refused.

    \b
    Example:
      chidao tasks import so-tai-chinh.xlsx --author "Văn phòng" --today 2024-07-05
    """
    day = resolve_today(today) if today else None
    summary = bulk.import_sheet(open_store(), file, author=author or current_user(), now=now(), today=day,
                                partial=partial, dry_run=dry_run)
    for line, reason in summary.skipped:
        click.echo(f"dòng {line}: bỏ qua - {reason}")
    for e in summary.errors:
        click.echo(f"dòng {e.line}: {e.message}", err=True)
    done = sum(1 for a in summary.applied if a.action == "complete")
    verb = "Sẽ ghi (chạy thử, chưa ghi gì)" if dry_run else "Đã ghi"
    click.echo(f"{verb}: {len(summary.applied)} dòng (tiến độ: {len(summary.applied) - done}, hoàn thành: {done}); "
               f"đã ghi từ trước: {len(summary.skipped)}; chưa điền: {len(summary.unfilled)}; "
               f"lỗi: {len({e.line for e in summary.errors})} / {summary.rows} dòng")
    if summary.errors:
        sys.exit(1)


def register(group: click.Group) -> None:
    """Add ``export`` and ``import`` to the ``tasks`` group that ``task_cmds`` registered before.

    Fails at start-up, rather than replacing or hiding a command, when that group is missing or
    already has a command of either name.
    """
    tasks = group.commands.get("tasks")
    if not isinstance(tasks, click.Group):
        raise ChidaoError("the 'tasks' command group is missing: list task_cmds before sheet_cmds in "
                          "chidao.cli.COMMAND_MODULES")
    for name, command in (("export", export_cmd), ("import", import_cmd)):
        if name in tasks.commands:
            raise ChidaoError(f"'tasks {name}' is defined twice: remove one of them "
                              f"(sheet_cmds and {tasks.commands[name].callback.__module__})")
        tasks.add_command(command, name)
