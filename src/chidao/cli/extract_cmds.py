"""``chidao extract`` and ``chidao text``: read files and print their facts or their text."""
from __future__ import annotations

import json
import sys
from datetime import date

import click

from chidao.errors import ChidaoError
from chidao.extract import Source, extract
from chidao.readers import read_path


@click.command("text")
@click.argument("path")
@click.option("--encoding", help="Decode with this encoding instead of detecting it.")
def text_cmd(path: str, encoding: str | None) -> None:
    """Print the text of PATH as read (the text that facts' offsets point into).

    \b
    Example:
      chidao text ketluan.doc
    """
    try:
        result = read_path(path, encoding=encoding)
    except ChidaoError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(result.text, nl=False)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON of shared/spec/EXTRACTION.md.")
@click.option("--ref-date", help="Date (YYYY-MM-DD) for dates without a year when the text has none.")
@click.option("--encoding", help="Decode text files with this encoding instead of detecting it.")
def extract_cmd(paths: tuple[str, ...], as_json: bool, ref_date: str | None, encoding: str | None) -> None:
    """Read each PATH and print the facts found in it.

    \b
    Example:
      chidao extract ketluan.txt --json --ref-date 2024-03-14
    """
    ref = date.fromisoformat(ref_date) if ref_date else None
    failed = 0
    for path in paths:
        try:
            result = read_path(path, encoding=encoding)
        except ChidaoError as exc:
            click.echo(f"error: {exc}", err=True)
            failed += 1
            continue
        doc = extract(result.text, ref_date=ref,
                      source=Source(path=path, sha256=result.sha256, chars=len(result.text), meta=result.meta))
        click.echo(json.dumps(doc.to_dict(), ensure_ascii=False))
    if failed:
        sys.exit(1)


def register(group: click.Group) -> None:
    group.add_command(extract_cmd)
    group.add_command(text_cmd)
