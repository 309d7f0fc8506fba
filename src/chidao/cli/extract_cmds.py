"""``chidao extract`` and ``chidao text``: read files and print their facts or their text."""
from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any

import click

from chidao.config import Settings
from chidao.errors import ChidaoError
from chidao.extract import Document, Source, extract
from chidao.model import document_code
from chidao.readers import read_path
from chidao.text.decode import canonical_encoding


def _error(where: str, message: str) -> None:
    click.echo(f"error: {where}: {message}" if where else f"error: {message}", err=True)


def _ref_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _error("--ref-date", f"{value!r} is not a date; give it as YYYY-MM-DD, e.g. 2024-03-14")
        ctx.exit(2)
    return None


def _max_bytes(ctx: click.Context, value: int | None) -> int:
    if value is not None:
        if value <= 0:
            _error("--max-bytes", f"{value} is not a size; give a positive number of bytes")
            ctx.exit(2)
        return value
    try:
        return Settings.from_env().max_input_bytes
    except ValueError:
        _error("CHIDAO_MAX_INPUT_BYTES", "is not a number of bytes; set it to e.g. 52428800 or unset it")
        ctx.exit(2)
    return 0


def _encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        canonical_encoding(value)
    except ChidaoError as exc:
        _error("--encoding", str(exc))
        ctx.exit(2)
    return value


_ENCODING_HELP = "Decode text files with this encoding instead of detecting it: utf-8, utf-16, cp1258, tcvn3, vni."
_MAX_HELP = "Refuse files larger than this many bytes (default 50 MB, or env CHIDAO_MAX_INPUT_BYTES)."


@click.command("text")
@click.argument("path")
@click.option("--encoding", callback=_encoding, help=_ENCODING_HELP)
@click.option("--max-bytes", type=int, help=_MAX_HELP)
@click.pass_context
def text_cmd(ctx: click.Context, path: str, encoding: str | None, max_bytes: int | None) -> None:
    """Print the text of PATH as read (the text that facts' offsets point into).

    \b
    Example:
      chidao text ketluan.txt
      chidao text ketluan_abc.txt --encoding tcvn3
    """
    limit = _max_bytes(ctx, max_bytes)
    try:
        result = read_path(path, encoding=encoding, max_bytes=limit)
    except ChidaoError as exc:
        _error("", str(exc))
        sys.exit(1)
    click.echo(result.text, nl=not result.text.endswith("\n"))


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON of shared/spec/EXTRACTION.md, one line per file.")
@click.option("--ref-date", callback=_ref_date, expose_value=True,
              help="Date (YYYY-MM-DD) for dates without a year when the text has none.")
@click.option("--encoding", callback=_encoding, help=_ENCODING_HELP)
@click.option("--max-bytes", type=int, help=_MAX_HELP)
@click.pass_context
def extract_cmd(ctx: click.Context, paths: tuple[str, ...], as_json: bool, ref_date: date | None,
                encoding: str | None, max_bytes: int | None) -> None:
    """Read each PATH and print the facts found in it.

    Without --json, a readable summary per file, each fact with its line number. A file that
    cannot be read is reported on stderr and the others are still read; the exit code is 1 then.

    \b
    Example:
      chidao extract ketluan.txt
      chidao extract ketluan.txt tinbai.txt --json --ref-date 2024-03-14
    """
    limit = _max_bytes(ctx, max_bytes)
    failed = 0
    for path in paths:
        try:
            result = read_path(path, encoding=encoding, max_bytes=limit)
        except ChidaoError as exc:
            _error("", str(exc))
            failed += 1
            continue
        source = Source(path=path, sha256=result.sha256, chars=len(result.text), meta=result.meta)
        try:
            doc = extract(result.text, ref_date=ref_date, source=source)
            data = doc.to_dict()
        except ChidaoError as exc:
            _error(path, str(exc))
            failed += 1
            continue
        except Exception as exc:  # an extractor bug must not stop the other files: report it
            _error(path, f"extraction failed ({type(exc).__name__}: {exc}); please report it with this file")
            failed += 1
            continue
        if as_json:
            click.echo(json.dumps(data, ensure_ascii=False))
        else:
            print_summary(doc, data)
    if failed:
        sys.exit(1)


# --------------------------------------------------------------------------- the readable summary

def _clip(text: Any, width: int = 90) -> str:
    s = "" if text is None else " ".join(str(text).split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _list(values: Any) -> str:
    return "; ".join(str(v) for v in values or [] if v)


def _rows(doc: Document, data: dict[str, Any]) -> dict[str, tuple[list[str], list[list[str]]]]:
    line = doc.line_of
    tables: dict[str, tuple[list[str], list[list[str]]]] = {}
    d = data.get("document")
    if d:
        signer = d.get("signer") or {}
        tables["document"] = (["field", "value"], [
            ["kind", str(d.get("kind") or "")], ["number", document_code(d.get("number"), d.get("symbol"))],
            ["issued on", str(d.get("issued_on") or "")], ["issuer", str(d.get("issuer") or "")],
            ["title", _clip(d.get("title"))], ["signer", _list([signer.get("title"), signer.get("name")])],
        ])
    tables["meetings"] = (["line", "kind", "body", "session", "date", "chairs"], [
        [str(line(m["start"])), str(m.get("kind") or ""), str(m.get("body") or ""), str(m.get("session") or ""),
         str(m.get("date") or ""), _list(m.get("chairs"))] for m in data.get("meetings", [])])
    tables["people"] = (["line", "name", "titles"], [
        [str(line(p["mentions"][0]["start"])) if p.get("mentions") else "", p["name"], _list(p.get("titles"))]
        for p in data.get("people", [])])
    tables["organizations"] = (["line", "name"], [
        [str(line(o["mentions"][0]["start"])) if o.get("mentions") else "", o["name"]]
        for o in data.get("organizations", [])])
    tables["references"] = (["line", "kind", "number", "date", "text"], [
        [str(line(r["start"])), str(r.get("kind") or ""),
         document_code(r.get("number"), r.get("symbol"), r.get("year")),
         str(r.get("issued_on") or ""), _clip(r.get("text"), 60)] for r in data.get("references", [])])
    tables["indicators"] = (["line", "name", "period", "value", "change %", "plan %", "text"], [
        [str(line(i["start"])), _clip(i.get("name"), 40), str(i.get("period") or ""),
         f"{i['value']} {i.get('unit') or ''}".strip() if i.get("value") is not None
         else (f"{i['actual']}/{i['target']}" if i.get("actual") is not None else ""),
         "" if i.get("change_pct") is None else str(i["change_pct"]),
         "" if i.get("plan_pct") is None else str(i["plan_pct"]), _clip(i.get("text"), 50)]
        for i in data.get("indicators", [])])
    tables["tasks"] = (["line", "#", "task", "assignees", "deadline"], [
        [str(line(t["start"])), str(t.get("ordinal") or ""), _clip(t.get("text"), 70), _list(t.get("assignees")),
         str(t.get("deadline") or t.get("deadline_text") or "")] for t in data.get("tasks", [])])
    tables["shortcomings"] = (["line", "shortcoming"], [
        [str(line(s["start"])), _clip(s.get("text"), 100)] for s in data.get("shortcomings", [])])
    return tables


def print_summary(doc: Document, data: dict[str, Any]) -> None:
    """A rich summary of one document: a table per kind of fact, each fact with its line number."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    console = Console(soft_wrap=False)
    src = data["source"]
    console.rule(f"[bold]{escape(src.get('path') or '<text>')}[/bold]  {src['chars']:,} chars"
                 + (f", ref date {src['ref_date']}" if src.get("ref_date") else ""))
    for kind, (header, rows) in _rows(doc, data).items():
        if not rows:
            continue
        table = Table(title=f"{kind} ({len(rows)})", title_justify="left", show_lines=False)
        for h in header:
            table.add_column(h, overflow="fold")
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        console.print(table)


def register(group: click.Group) -> None:
    group.add_command(extract_cmd)
    group.add_command(text_cmd)
