"""Store commands: ``db upgrade``, ``ingest``, the registers (docs, refs, orgs, people ...), backup, export."""
from __future__ import annotations

import functools
import getpass
import json
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from chidao import services
from chidao.config import Settings
from chidao.errors import ChidaoError, ValidationError
from chidao.ingest_workers import MAX_DEFAULT_JOBS, MIN_FILES_FOR_DEFAULT_JOBS
from chidao.storage import Store
from chidao.tracking.display import fmt_date, fmt_number

# --------------------------------------------------------------------------- shared by the CLI modules


def fail(message: str) -> None:
    click.echo(f"lỗi: {message}", err=True)
    sys.exit(1)


def handles_errors(fn: Callable) -> Callable:
    """Turn a ChidaoError into one line on stderr and exit status 1 (no traceback)."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ValidationError as exc:
            for line, msg in exc.errors:
                click.echo(f"dòng {line}: {msg}", err=True)
            fail(str(exc))
        except ChidaoError as exc:
            fail(str(exc))
    return wrapper


def open_store(migrate: bool = True) -> Store:
    return Store.open(Settings.from_env().database_url, migrate=migrate)


def now() -> datetime:
    """The real clock: read here, in the CLI layer, and passed down."""
    return datetime.now().replace(microsecond=0)


def today_option(fn: Callable) -> Callable:
    return click.option("--today", "today", metavar="YYYY-MM-DD", default=None,
                        help="Report as of this date (default: the real date).")(fn)


def resolve_today(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD", param_hint="--today") from None


def current_user() -> str:
    try:
        return os.environ.get("CHIDAO_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def console() -> Console:
    stream = sys.stdout
    probe = Console(file=stream)
    return Console(file=stream, width=probe.width if probe.is_terminal else 160, soft_wrap=False)


def table(*columns: str, title: str | None = None) -> Table:
    t = Table(title=title, show_lines=False, header_style="bold")
    for c in columns:
        t.add_column(c, overflow="fold")
    return t


# --------------------------------------------------------------------------- db, ingest


@click.group("db")
def db_group() -> None:
    """The database: apply migrations.

    \b
    Example:
      CHIDAO_DATABASE_URL=sqlite:///chidao.db chidao db upgrade
    """


@db_group.command("upgrade")
@handles_errors
def db_upgrade() -> None:
    """Apply the migrations shipped with chidao (creates the tables in a new store).

    \b
    Example:
      chidao db upgrade
    """
    from chidao.storage.engine import check_connection, current_revision, upgrade

    store = open_store(migrate=False)
    check_connection(store.engine)
    before = current_revision(store.engine)
    upgrade(store.engine)
    after = current_revision(store.engine)
    click.echo(f"cơ sở dữ liệu: phiên bản {before or 'trống'} -> {after}")


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--ref-date", metavar="YYYY-MM-DD", help="Date for dates without a year when a text has none.")
@click.option("--encoding", help="Decode text files with this encoding instead of detecting it.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-file lines.")
@click.option("--if-empty", is_flag=True, help="Ingest only when the store holds no document yet.")
@click.option("--jobs", "-j", type=click.IntRange(1), default=None, metavar="N",
              help="Processes reading and extracting files (default: the usable CPU cores, at most "
                   f"{MAX_DEFAULT_JOBS}, for {MIN_FILES_FOR_DEFAULT_JOBS} files or more); 1: everything in "
                   "one process.")
@handles_errors
def ingest_cmd(paths: tuple[str, ...], ref_date: str | None, encoding: str | None, quiet: bool,
               if_empty: bool, jobs: int | None) -> None:
    """Store files and folders (recursively): original file, text and every fact with its offsets.

    The same content is never stored twice; a new version of a numbered document is kept as a
    revision. Each file is one transaction: a failure stores nothing of it and the batch goes on.
    Files are read and extracted by --jobs processes while this one stores them, in order.

    \b
    Example:
      chidao ingest ketluan/ 2043-KL-TU.docx
      chidao ingest --jobs 1 ketluan/
    """
    ref = date.fromisoformat(ref_date) if ref_date else None
    store = open_store()
    if if_empty and not services.is_empty(store):
        click.echo("Kho đã có văn bản: không nhập thêm (bỏ --if-empty để nhập)")
        return
    files = services.expand_paths(paths)
    settings = Settings.from_env()
    progress = None
    show_bar = not quiet and len(files) > 1 and sys.stderr.isatty()
    if show_bar:
        from rich.progress import Progress

        progress = Progress(console=Console(stderr=True), transient=True)
        bar = progress.add_task("Đang nhập văn bản", total=len(files))
        progress.start()

    def on_file(outcome: services.IngestOutcome) -> None:
        if progress is not None:
            progress.advance(bar)

    try:
        summary = services.ingest_paths(store, paths, now=now(), ref_date=ref, encoding=encoding,
                                        max_bytes=settings.max_input_bytes, on_file=on_file, files=files,
                                        jobs=jobs)
    finally:
        if progress is not None:
            progress.stop()
    stored = summary.count("stored")
    revised = summary.count("revised")
    click.echo(f"Đã lưu: {stored} văn bản mới, {revised} phiên bản mới; "
               f"không đổi: {summary.count('unchanged')}; lỗi: {len(summary.failed)}")
    for o in summary.failed:
        click.echo(f"  lỗi: {o.path}: {o.reason}")
    if summary.failed:
        sys.exit(1)


# --------------------------------------------------------------------------- registers


@click.command("docs")
@click.option("--id", "doc_id", type=int, help="Show one document with its citations.")
@handles_errors
def docs_cmd(doc_id: int | None) -> None:
    """The register of stored documents: kind, number, symbol, issuer, date, signer.

    \b
    Example:
      chidao docs
      chidao docs --id 3
    """
    store = open_store()
    rows = services.list_documents(store)
    out = console()
    if doc_id is not None:
        row = next((r for r in rows if r.id == doc_id), None)
        if row is None:
            fail(f"không có văn bản số {doc_id}; xem danh sách bằng 'chidao docs'")
        out.print(f"[bold]{row.label}[/bold]  (#{row.id}, {row.revisions} phiên bản)")
        for label, value in (("Cơ quan ban hành", row.issuer), ("Ngày", fmt_date(row.issued_on)),
                             ("Trích yếu", row.title), ("Người ký", row.signer)):
            out.print(f"{label}: {value or '-'}", highlight=False)
        if row.recipients:
            out.print("Nơi nhận: " + "; ".join(row.recipients), highlight=False)
        _print_refs(out, services.citations(store, document_id=doc_id), "Văn bản được dẫn chiếu")
        return
    t = table("#", "Văn bản", "Cơ quan ban hành", "Ngày", "Người ký", "Nhiệm vụ", "Dẫn", "Được dẫn", "Phiên bản")
    for r in rows:
        t.add_row(str(r.id), r.label, r.issuer or "-", fmt_date(r.issued_on), r.signer or "-", str(r.tasks),
                  str(r.cites), str(r.cited_by), str(r.revisions))
    out.print(t)


def _code(c: services.CitationRow) -> str:
    if c.number and c.symbol:
        if c.year:
            return f"{c.number}/{c.year}/{c.symbol}"
        return f"{c.number}-{c.symbol}" if "/" in c.symbol else f"{c.number}/{c.symbol}"
    return f"số {c.number}" if c.number else c.text


def _print_refs(out: Console, rows: list[services.CitationRow], title: str) -> None:
    t = table("Loại", "Số, ký hiệu", "Ngày", "Cơ quan ban hành", "Lần", "Trong văn bản", "Đã lưu", title=title)
    for c in rows:
        t.add_row(c.kind or "-", _code(c), fmt_date(c.issued_on), c.issuer or "-", str(c.mentions),
                  ", ".join(f"#{d}" for d in c.cited_in),
                  f"#{c.target_document_id}" if c.target_document_id else "chưa có")
    out.print(t)


@click.command("refs")
@click.option("--unresolved", is_flag=True, help="Only cited documents the store does not hold.")
@click.option("--document", "document_id", type=int, help="Only citations in this document.")
@handles_errors
def refs_cmd(unresolved: bool, document_id: int | None) -> None:
    """Cited documents, linked to the stored ones; --unresolved lists those the store lacks.

    \b
    Example:
      chidao refs --unresolved
    """
    store = open_store()
    rows = services.citations(store, unresolved=unresolved, document_id=document_id)
    _print_refs(console(), rows, "Văn bản chưa có trong kho" if unresolved else "Văn bản được dẫn chiếu")


@click.group("orgs", invoke_without_command=True)
@click.pass_context
@handles_errors
def orgs_group(ctx: click.Context) -> None:
    """Organizations: canonical names, aliases, hierarchy; merge duplicates.

    \b
    Example:
      chidao orgs
      chidao orgs merge "Sở Tài chính" "STC"
    """
    if ctx.invoked_subcommand is not None:
        return
    t = table("#", "Tên", "Trực thuộc", "Tên gọi khác", "Chủ trì")
    for o in services.list_organizations(open_store()):
        t.add_row(str(o.id), o.name, o.parent or "-", "; ".join(o.aliases) or "-", str(o.tasks))
    console().print(t)


@orgs_group.command("alias")
@click.argument("org")
@click.argument("alias")
@handles_errors
def orgs_alias(org: str, alias: str) -> None:
    """Record ALIAS (another name, an abbreviation) for ORG.

    \b
    Example:
      chidao orgs alias "Sở Tài chính" STC
    """
    services.add_org_alias(open_store(), org, alias, actor=current_user(), now=now())
    click.echo(f"Đã thêm tên gọi '{alias}' cho '{org}'")


@orgs_group.command("parent")
@click.argument("org")
@click.argument("parent", required=False)
@handles_errors
def orgs_parent(org: str, parent: str | None) -> None:
    """Place ORG under PARENT in the hierarchy (no PARENT: at the top).

    \b
    Example:
      chidao orgs parent "Sở Tài chính" "Ủy ban nhân dân tỉnh"
    """
    services.set_org_parent(open_store(), org, parent, actor=current_user(), now=now())
    click.echo(f"'{org}' trực thuộc '{parent}'" if parent else f"'{org}' không trực thuộc đơn vị nào")


@orgs_group.command("merge")
@click.argument("keep")
@click.argument("drop")
@handles_errors
def orgs_merge(keep: str, drop: str) -> None:
    """Merge the duplicate DROP into KEEP: aliases, mentions and tasks move to KEEP.

    \b
    Example:
      chidao orgs merge "Sở Tài chính" "Sở Tài Chính tỉnh"
    """
    services.merge_organizations(open_store(), keep, drop, actor=current_user(), now=now())
    click.echo(f"Đã gộp '{drop}' vào '{keep}'")


@click.command("people")
@click.argument("name", required=False)
@handles_errors
def people_cmd(name: str | None) -> None:
    """People and their titles over time (first and last seen, source documents).

    \b
    Example:
      chidao people "Bùi Thị Quỳnh Vân"
    """
    t = table("Họ tên", "Chức vụ", "Từ", "Đến", "Văn bản")
    for p in services.list_people(open_store(), name):
        for i, s in enumerate(p.titles):
            t.add_row(p.name if i == 0 else "", s.title or "-", fmt_date(s.first_seen), fmt_date(s.last_seen),
                      ", ".join(f"#{d}" for d in s.documents))
    console().print(t)


@click.command("indicators")
@click.argument("name", required=False)
@handles_errors
def indicators_cmd(name: str | None) -> None:
    """Indicators as series: the same indicator across documents and periods.

    \b
    Example:
      chidao indicators "thu ngân sách"
    """
    t = table("Chỉ tiêu", "Ngày", "Kỳ", "Giá trị", "Đơn vị", "Tăng/giảm %", "% kế hoạch", "Đạt/Mục tiêu", "Văn bản")
    for series, points in services.indicator_series(open_store(), name).items():
        for i, p in enumerate(points):
            ratio = f"{fmt_number(p.actual)}/{fmt_number(p.target)}" if p.actual is not None else "-"
            t.add_row(series if i == 0 else "", fmt_date(p.seen_on), p.period or "-", fmt_number(p.value, 2),
                      p.unit or "-", fmt_number(p.change_pct, 2), fmt_number(p.plan_pct, 2), ratio,
                      f"#{p.document_id}")
    console().print(t)


@click.command("meetings")
@handles_errors
def meetings_cmd() -> None:
    """Meetings reported in the stored documents.

    \b
    Example:
      chidao meetings
    """
    t = table("Ngày", "Loại", "Cơ quan", "Kỳ/khóa", "Chủ trì", "Văn bản")
    for doc, mt in services.list_meetings(open_store()):
        session = " ".join(x for x in (f"lần {mt.session}" if mt.session else "",
                                       f"khóa {mt.term}" if mt.term else "") if x) or "-"
        t.add_row(fmt_date(mt.held_on), mt.kind or "-", mt.body or "-", session, ", ".join(mt.chairs) or "-",
                  f"#{doc}")
    console().print(t)


@click.command("shortcomings")
@click.option("--document", "document_id", type=int, help="Only those of this document.")
@handles_errors
def shortcomings_cmd(document_id: int | None) -> None:
    """Shortcomings (hạn chế, tồn tại, khó khăn) the stored documents list.

    \b
    Example:
      chidao shortcomings --document 5
    """
    t = table("Văn bản", "Hạn chế")
    for doc, sc in services.list_shortcomings(open_store(), document_id):
        t.add_row(f"#{doc}", sc.text)
    console().print(t)


# --------------------------------------------------------------------------- backup, export, import


@click.command("backup")
@click.argument("file", type=click.Path())
@handles_errors
def backup_cmd(file: str) -> None:
    """Back up the store to FILE (SQLite online backup; for PostgreSQL, prints the pg_dump command).

    \b
    Example:
      chidao backup chidao-2024-07-01.db
    """
    command = services.backup(open_store(), file)
    if command:
        click.echo("Sao lưu PostgreSQL bằng lệnh:")
        click.echo(command)
    else:
        click.echo(f"Đã sao lưu vào {file}")


@click.command("export")
@click.option("--json", "as_json", is_flag=True, required=True, help="Export as JSON (the only format).")
@click.option("--output", "-o", type=click.Path(), help="Write to this file instead of stdout.")
@handles_errors
def export_cmd(as_json: bool, output: str | None) -> None:
    """Export the whole store as JSON (load it into an empty store with 'chidao import').

    \b
    Example:
      chidao export --json -o chidao.json
    """
    data = services.export_store(open_store())
    text = json.dumps(data, ensure_ascii=False)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"Đã xuất vào {output}", err=True)
    else:
        click.echo(text)


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@handles_errors
def import_cmd(file: str) -> None:
    """Load a JSON export into an empty store.

    \b
    Example:
      CHIDAO_DATABASE_URL=sqlite:///new.db chidao import chidao.json
    """
    try:
        data = json.loads(Path(file).read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        fail(f"{file} is not a JSON export ({exc.__class__.__name__}); make one with 'chidao export --json'")
    counts = services.import_store(open_store(), data)
    click.echo(f"Đã nhập {sum(counts.values())} dòng vào {len(counts)} bảng")


def register(group: click.Group) -> None:
    for cmd in (db_group, ingest_cmd, docs_cmd, refs_cmd, orgs_group, people_cmd, indicators_cmd, meetings_cmd,
                shortcomings_cmd, backup_cmd, export_cmd, import_cmd):
        group.add_command(cmd)
