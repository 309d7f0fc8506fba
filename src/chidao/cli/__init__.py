"""The command line: a thin click group; each command parses, calls one service and prints."""
from __future__ import annotations

import importlib

import click

from chidao import __version__

# Modules that add commands to the group; each defines register(group).
COMMAND_MODULES = ("extract_cmds", "store_cmds", "task_cmds", "sheet_cmds")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="chidao")
def cli() -> None:
    """chidao: read Vietnamese conclusions and meeting reports, and follow up the tasks they assign.

    \b
    Example:
      chidao extract ketluan.txt --json
    """


for _name in COMMAND_MODULES:
    try:
        _mod = importlib.import_module(f"chidao.cli.{_name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"chidao.cli.{_name}":
            raise
        continue
    _mod.register(cli)


def main() -> None:
    cli(prog_name="chidao")
