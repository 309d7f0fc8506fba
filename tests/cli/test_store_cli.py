"""``chidao db|ingest|docs|refs|orgs|people|indicators|backup|export|import``."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from chidao.cli import cli
from chidao.storage.engine import head_revision

TEXT = ("KẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\n\nTiếp tục thực hiện Kết luận số 2043-KL/TU ngày 05/12/2023 "
        "của Hội nghị Tỉnh ủy lần thứ 14 (khóa XX).\n")


def run(env, *args):
    return CliRunner().invoke(cli, list(args), env=env)


@pytest.fixture
def env(tmp_path):
    return {"CHIDAO_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "CHIDAO_USER": "vp"}


def test_ingest_twice_changes_nothing_and_reports_a_summary(env, tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    first = run(env, "ingest", str(folder))
    assert first.exit_code == 1   # one file failed
    assert "1 văn bản mới" in first.output and "lỗi: 1" in first.output and "b.txt" in first.output
    again = run(env, "ingest", str(folder / "sub"))
    assert again.exit_code == 0 and "không đổi: 1" in again.output
    docs = run(env, "docs")
    assert docs.exit_code == 0 and "│ 1 " in docs.output and "│ 2 " not in docs.output
    assert "Kho đã có văn bản" in run(env, "ingest", "--if-empty", str(folder)).output


def test_ingest_with_jobs_stores_and_reports_what_one_process_does(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.txt").write_text(TEXT.replace("lần thứ 14", f"lần thứ {14 + i}"), encoding="utf-8")
    (folder / "4.txt").write_text(TEXT, encoding="utf-8")      # the same content as 0.txt
    (folder / "5.txt").write_bytes(b"")
    outputs, docs = [], []
    for jobs in ("1", "2"):
        env = {"CHIDAO_DATABASE_URL": f"sqlite:///{tmp_path / f'jobs{jobs}.db'}"}
        result = run(env, "ingest", "--jobs", jobs, str(folder))
        assert result.exit_code == 1   # the empty file failed
        outputs.append(result.output.replace(f"jobs{jobs}", ""))
        docs.append(run(env, "docs").output)
    assert "Đã lưu: 4 văn bản mới, 0 phiên bản mới; không đổi: 1; lỗi: 1" in outputs[0]
    assert outputs[1] == outputs[0] and docs[1] == docs[0]


def test_ingest_refuses_zero_jobs(env, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = run(env, "ingest", "--jobs", "0", str(tmp_path / "a.txt"))
    assert result.exit_code == 2 and "--jobs" in result.output


def test_export_import_round_trip_through_the_cli(env, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    run(env, "ingest", str(tmp_path / "a.txt"))
    exported = run(env, "export", "--json")
    assert exported.exit_code == 0
    data = json.loads(exported.output)
    dump = tmp_path / "dump.json"
    dump.write_text(exported.output, encoding="utf-8")
    other = {"CHIDAO_DATABASE_URL": f"sqlite:///{tmp_path / 'other.db'}"}
    assert run(other, "import", str(dump)).exit_code == 0
    assert json.loads(run(other, "export", "--json").output) == data
    again = run(other, "import", str(dump))
    assert again.exit_code == 1 and "not empty" in again.output


def test_backup_and_db_upgrade(env, tmp_path):
    up = run(env, "db", "upgrade")
    assert up.exit_code == 0 and head_revision() in up.output
    out = run(env, "backup", str(tmp_path / "b.db"))
    assert out.exit_code == 0 and (tmp_path / "b.db").stat().st_size > 0


@pytest.mark.parametrize("url", ["notaurl", "postgresql+psycopg://nobody@127.0.0.1:1/x"])
def test_a_wrong_database_url_is_one_line_without_traceback(url):
    out = CliRunner().invoke(cli, ["docs"], env={"CHIDAO_DATABASE_URL": url})
    assert out.exit_code == 1
    assert len(out.output.strip().splitlines()) == 1 and "CHIDAO_DATABASE_URL" in out.output


@pytest.mark.parametrize("command", [
    "db", "ingest", "docs", "refs", "orgs", "people", "indicators", "meetings", "shortcomings", "backup",
    "export", "import", "tasks", "summary"])
def test_every_command_has_help_with_an_example(command):
    out = CliRunner().invoke(cli, [command, "--help"])
    assert out.exit_code == 0 and "Example:" in out.output


def test_registers_list_what_was_stored(env, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    run(env, "ingest", str(tmp_path / "a.txt"))
    for command in ("refs", "orgs", "people", "indicators", "meetings", "shortcomings"):
        assert run(env, command).exit_code == 0, command
    unresolved = run(env, "refs", "--unresolved")
    assert "2043-KL/TU" in unresolved.output or "2043" in unresolved.output
