"""``chidao extract`` / ``chidao text``: output per file, one-line errors, exit codes, nothing written."""
from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from chidao.cli import cli

pipeline = importlib.import_module("chidao.extract")  # the package, not the function chidao.extract
from chidao.text.decode import encode_tcvn3, encode_vni

ROOT = Path(__file__).resolve().parents[2]
TEXT = ("KẾT LUẬN\n\nI. Về tình hình\n\nNgày 14/3/2024, Ban Thường vụ Tỉnh ủy làm việc với Ban cán sự đảng "
        "Ủy ban nhân dân tỉnh. Thực hiện Kết luận số 2043-KL/TU ngày 05/12/2023.\n\n"
        "1. Tập trung lãnh đạo, chỉ đạo sắp xếp đơn vị hành chính cấp xã.\n")


@pytest.fixture
def only_segments(monkeypatch):
    """Run the CLI over the segmenter alone, so these tests do not depend on other extractors."""
    monkeypatch.setattr(pipeline, "PIPELINE", ("segments",))


@pytest.fixture
def inputs(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(TEXT, encoding="utf-8")
    (d / "tcvn3.txt").write_bytes(encode_tcvn3(TEXT))
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.bin").write_bytes(bytes(range(256)) * 4)
    (d / "undecidable.txt").write_bytes(encode_tcvn3("số"))
    (d / "sub").mkdir()
    return d


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_json_is_one_object_per_line_per_good_input(only_segments, inputs):
    result = run("extract", str(inputs / "good.txt"), str(inputs / "tcvn3.txt"), "--json")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    objs = [json.loads(line) for line in lines]
    for obj, name in zip(objs, ("good.txt", "tcvn3.txt")):
        assert obj["schema"] == "chidao.extract/1"
        assert obj["source"]["path"].endswith(name) and obj["source"]["chars"] == len(TEXT)
        assert set(obj) >= {"document", "meetings", "people", "organizations", "references", "indicators",
                            "tasks", "shortcomings"}


def test_ref_date_is_passed_on_to_the_document(only_segments, inputs):
    result = run("extract", str(inputs / "good.txt"), "--json", "--ref-date", "2024-03-20")
    assert json.loads(result.stdout)["source"]["ref_date"] == "2024-03-20"


@pytest.mark.parametrize("name, message", [
    ("missing.txt", "no such file"),
    ("sub", "is a directory"),
    ("empty.txt", "empty"),
    ("binary.bin", "binary"),
    ("undecidable.txt", "--encoding"),
])
def test_a_bad_input_is_one_error_line_and_the_others_are_still_printed(only_segments, inputs, name, message):
    result = run("extract", str(inputs / name), str(inputs / "good.txt"), "--json")
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"error: {inputs / name}: ") and message in errors[0]
    assert "Traceback" not in result.output
    assert len(result.stdout.splitlines()) == 1 and json.loads(result.stdout)["source"]["path"].endswith("good.txt")


def test_a_file_over_the_size_limit_is_refused_by_option_and_by_environment(only_segments, inputs):
    path = str(inputs / "good.txt")
    by_option = run("extract", path, "--max-bytes", "10")
    by_env = run("extract", path, env={"CHIDAO_MAX_INPUT_BYTES": "10"})
    for result in (by_option, by_env):
        assert result.exit_code == 1
        assert result.stderr.startswith(f"error: {path}: ") and "--max-bytes" in result.stderr
    assert run("extract", path, "--json", env={"CHIDAO_MAX_INPUT_BYTES": "100000"}).exit_code == 0


@pytest.mark.parametrize("args", [
    ["--ref-date", "14/03/2024"], ["--ref-date", "2024-13-01"], ["--max-bytes", "0"], ["--encoding", "koi8-r"],
])
def test_bad_options_are_one_line_errors(only_segments, inputs, args):
    result = run("extract", str(inputs / "good.txt"), *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"error: {args[0]}: ") and len(result.stderr.splitlines()) == 1


def test_encoding_option_decodes_a_legacy_file(only_segments, inputs):
    path = inputs / "vni.txt"
    path.write_bytes(encode_vni("Ủy ban nhân dân tỉnh"))
    result = run("text", str(path), "--encoding", "vni-windows")
    assert result.exit_code == 0 and result.stdout == "Ủy ban nhân dân tỉnh\n"


def test_text_prints_the_text_as_read(inputs):
    result = run("text", str(inputs / "tcvn3.txt"))
    assert result.exit_code == 0 and result.stdout == TEXT


def test_text_of_a_missing_file_is_an_error_line(inputs):
    result = run("text", str(inputs / "nope.txt"))
    assert result.exit_code == 1 and result.stderr.startswith("error: ") and "no such file" in result.stderr


def test_summary_shows_tables_with_line_numbers(monkeypatch, inputs):
    def fake_run(doc):
        doc.facts["shortcomings"] = [type("S", (), {"text": "Tỷ lệ hộ nghèo còn cao", "start": TEXT.index("1."),
                                                     "end": TEXT.index("1.") + 5, "rule": "test"})()]
    fake = type("M", (), {"NAME": "shortcomings", "REQUIRES": (), "run": staticmethod(fake_run)})
    monkeypatch.setattr(pipeline, "_modules", lambda: [fake])
    result = run("extract", str(inputs / "good.txt"))
    assert result.exit_code == 0
    assert "shortcomings (1)" in result.stdout and "Tỷ lệ hộ nghèo còn cao" in result.stdout
    assert " 7 " in result.stdout            # the fact is on line 7


def test_an_extractor_crash_is_reported_and_other_files_still_run(monkeypatch, inputs):
    calls = []

    def flaky(doc):
        calls.append(doc.source.path)
        if len(calls) == 1:
            raise ValueError("boom")
    fake = type("M", (), {"NAME": "x", "REQUIRES": (), "run": staticmethod(flaky)})
    monkeypatch.setattr(pipeline, "_modules", lambda: [fake])
    result = run("extract", str(inputs / "good.txt"), str(inputs / "tcvn3.txt"), "--json")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "extraction failed (ValueError: boom)" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_nothing_is_written_next_to_the_inputs(only_segments, inputs):
    before = sorted(p.name for p in inputs.rglob("*"))
    run("extract", *(str(p) for p in inputs.iterdir()), "--json")
    run("extract", *(str(p) for p in inputs.iterdir()))
    run("text", str(inputs / "good.txt"))
    assert sorted(p.name for p in inputs.rglob("*")) == before


def test_the_whole_pipeline_runs_on_a_seed_from_the_command_line(seeds_dir):
    (path,) = sorted(seeds_dir.glob("004_*.txt"))
    result = run("extract", str(path), "--json")
    assert result.stderr == ""
    obj = json.loads(result.stdout)
    assert obj["source"]["chars"] == len(path.read_text(encoding="utf-8"))


def test_python_dash_m_chidao_runs_the_command_line(inputs):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-m", "chidao", "text", str(inputs / "good.txt")],
                          capture_output=True, text=True, env=env, cwd=inputs, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == TEXT


def _walk(group: click.Group, prefix: str = ""):
    for name, cmd in sorted(group.commands.items()):
        yield f"{prefix}{name}", cmd
        if isinstance(cmd, click.Group):
            yield from _walk(cmd, f"{prefix}{name} ")


COMMANDS = [("", cli), *_walk(cli)]


@pytest.mark.parametrize("name, command", COMMANDS, ids=[n or "chidao" for n, _ in COMMANDS])
def test_every_command_has_help_with_an_example(name, command):
    result = CliRunner().invoke(cli, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert command.help, f"'chidao {name}' has no help"
    assert "Example" in result.output, f"'chidao {name} --help' has no Example section"
