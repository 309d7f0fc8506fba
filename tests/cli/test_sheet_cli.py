"""``chidao tasks export`` / ``chidao tasks import``: sheets for units, errors per line, nothing half done."""
from __future__ import annotations

from datetime import date

import click
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from chidao import services
from chidao.cli import cli, sheet_cmds
from chidao.errors import ChidaoError
from chidao.storage import Store
from chidao.tracking import sheets
from tests.services.factories import extraction, put, task

TODAY = date(2024, 7, 5)


@pytest.fixture
def env(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    store = Store.open(url)
    put(store, extraction(number="2165", symbol="KL/TU", issued_on="2024-03-14", tasks=[
        task("Rà soát tình hình tài chính các dự án", ["Sở Tài chính"], "2024-06-30", "1"),
        task("Xây dựng kế hoạch thu ngân sách", ["Sở Tài chính"], "2024-09-30", "2"),
        task("Đẩy mạnh chuyển đổi số", ["Sở Thông tin và Truyền thông"], None, "3")]))
    store.close()
    return {"CHIDAO_DATABASE_URL": url, "CHIDAO_USER": "vanphong"}


def run(env, *args):
    return CliRunner().invoke(cli, list(args), env=env)


def task_state(env, task_id):
    store = Store.open(env["CHIDAO_DATABASE_URL"])
    try:
        return services.get_task(store, task_id, today=TODAY)
    finally:
        store.close()


def dump(env):
    store = Store.open(env["CHIDAO_DATABASE_URL"])
    try:
        return services.export_store(store)["tables"]
    finally:
        store.close()


def fill_xlsx(path, values):
    wb = load_workbook(path)
    ws = wb[sheets.SHEET_TITLE]
    col = {ws.cell(sheets.HEADER_ROW, j).value: j for j in range(1, ws.max_column + 1)}
    lines = {}
    for r in range(sheets.HEADER_ROW + 1, ws.max_row + 1):
        tid = ws.cell(r, col["Mã nhiệm vụ"]).value
        lines[tid] = r
        for header, value in values.get(tid, {}).items():
            ws.cell(r, col[header], value)
    wb.save(path)
    return lines


def test_export_fill_import_records_the_reports(env, tmp_path):
    out = tmp_path / "stc.xlsx"
    result = run(env, "tasks", "export", "--unit", "Sở Tài chính", "--out", str(out), "--today", "2024-07-05")
    assert result.exit_code == 0, result.output
    assert "Đã xuất 2 nhiệm vụ của đơn vị Sở Tài chính" in result.output and "05/07/2024" in result.output
    fill_xlsx(out, {1: {"Tiến độ (%)": 80, "Kết quả thực hiện": "Đã rà soát 8/10 dự án"},
                    2: {"Ngày hoàn thành": "04/07/2024", "Người báo cáo": "Trần Thị Bình"}})
    result = run(env, "tasks", "import", str(out), "--today", "2024-07-05", "--author", "Sở Tài chính")
    assert result.exit_code == 0, result.output
    assert "Đã ghi: 2 dòng (tiến độ: 1, hoàn thành: 1); đã ghi từ trước: 0; chưa điền: 0; lỗi: 0 / 2 dòng" in result.output
    first, second = task_state(env, 1), task_state(env, 2)
    assert first.task.percent == 80 and first.updates[0].author == "Sở Tài chính"
    assert first.updates[0].reported_on == TODAY
    assert second.task.completed_on == date(2024, 7, 4) and second.updates[0].author == "Trần Thị Bình"
    again = run(env, "tasks", "import", str(out), "--today", "2024-07-05")
    assert again.exit_code == 0 and "Đã ghi: 0 dòng" in again.output and "đã ghi từ trước: 2" in again.output
    assert f"dòng {sheets.HEADER_ROW + 1}: bỏ qua" in again.output


def test_the_export_file_may_be_given_as_an_argument_and_as_csv(env, tmp_path):
    out = tmp_path / "all.csv"
    result = run(env, "tasks", "export", str(out), "--today", "2024-07-05")
    assert result.exit_code == 0, result.output
    assert "Đã xuất 3 nhiệm vụ ra" in result.output
    assert len(sheets.read_sheet(out).rows) == 3


def test_import_without_author_uses_chidao_user(env, tmp_path):
    out = tmp_path / "stc.xlsx"
    run(env, "tasks", "export", "--unit", "Sở Tài chính", "--out", str(out), "--today", "2024-07-05")
    fill_xlsx(out, {1: {"Kết quả thực hiện": "Đang rà soát"}})
    assert run(env, "tasks", "import", str(out), "--today", "2024-07-05").exit_code == 0
    assert task_state(env, 1).updates[0].author == "vanphong"


def test_bad_lines_are_listed_with_line_numbers_and_nothing_is_recorded(env, tmp_path):
    out = tmp_path / "stc.xlsx"
    run(env, "tasks", "export", "--unit", "Sở Tài chính", "--out", str(out), "--today", "2024-07-05")
    lines = fill_xlsx(out, {1: {"Tiến độ (%)": 150, "Kết quả thực hiện": "x"},
                            2: {"Ngày hoàn thành": "1/3/2024"}})
    before = dump(env)
    result = run(env, "tasks", "import", str(out), "--today", "2024-07-05")
    assert result.exit_code == 1
    assert f"dòng {lines[1]}: 'Tiến độ (%)' phải từ 0 đến 100" in result.stderr
    assert f"dòng {lines[2]}: ngày hoàn thành 01/03/2024 trước ngày giao nhiệm vụ 14/03/2024" in result.stderr
    assert "không ghi dòng nào" in result.stderr and "--partial" in result.stderr
    assert "Traceback" not in result.output
    assert dump(env) == before


def test_partial_records_the_valid_lines_and_still_reports_the_others(env, tmp_path):
    out = tmp_path / "stc.xlsx"
    run(env, "tasks", "export", "--unit", "Sở Tài chính", "--out", str(out), "--today", "2024-07-05")
    lines = fill_xlsx(out, {1: {"Tiến độ (%)": 30, "Kết quả thực hiện": "Bắt đầu"},
                            2: {"Ngày báo cáo": "05.07.2024", "Kết quả thực hiện": "x"}})
    result = run(env, "tasks", "import", str(out), "--partial", "--today", "2024-07-05")
    assert result.exit_code == 1
    assert f"dòng {lines[2]}: 'Ngày báo cáo': '05.07.2024' không phải ngày hợp lệ" in result.stderr
    assert "Đã ghi: 1 dòng" in result.stdout
    assert task_state(env, 1).task.percent == 30
    assert task_state(env, 2).updates == []


def test_dry_run_records_nothing(env, tmp_path):
    out = tmp_path / "stc.xlsx"
    run(env, "tasks", "export", "--unit", "Sở Tài chính", "--out", str(out), "--today", "2024-07-05")
    fill_xlsx(out, {1: {"Tiến độ (%)": 30, "Kết quả thực hiện": "Bắt đầu"}})
    before = dump(env)
    result = run(env, "tasks", "import", str(out), "--dry-run", "--today", "2024-07-05")
    assert result.exit_code == 0 and "chạy thử" in result.output
    assert dump(env) == before


@pytest.mark.parametrize("args, code, words", [
    (["tasks", "export", "--unit", "Sở Không Có", "--out", "x.xlsx"], 1, "không có đơn vị 'Sở Không Có'"),
    (["tasks", "export", "--unit", "Sở Tài chính", "--out", "x.pdf"], 2, ".xlsx hoặc .csv"),
    (["tasks", "export", "--unit", "Sở Tài chính"], 2, "--out"),
    (["tasks", "import", "khong-co.xlsx"], 1, "file not found"),
    (["tasks", "import", "khong-co.ods"], 1, "file not found"),
])
def test_mistakes_get_one_clear_line_and_no_traceback(env, tmp_path, monkeypatch, args, code, words):
    monkeypatch.chdir(tmp_path)
    result = run(env, *args)
    assert result.exit_code == code
    assert words in result.output
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------- registration


def test_tasks_export_and_import_are_the_sheet_commands_registered_once():
    tasks = cli.commands["tasks"]
    assert tasks.commands["export"] is sheet_cmds.export_cmd
    assert tasks.commands["import"] is sheet_cmds.import_cmd
    assert {"export-tasks", "import-tasks"}.isdisjoint(cli.commands)


def _group_with_tasks(*names):
    group, tasks = click.Group("chidao"), click.Group("tasks")
    for name in names:
        tasks.add_command(click.Command(name, callback=lambda: None))
    group.add_command(tasks)
    return group


@pytest.mark.parametrize("group, words", [
    (_group_with_tasks("export"), "'tasks export' is defined twice"),
    (_group_with_tasks("list", "import"), "'tasks import' is defined twice"),
    (click.Group("chidao"), "list task_cmds before sheet_cmds"),
])
def test_registering_over_an_existing_command_or_without_the_tasks_group_fails_loudly(group, words):
    with pytest.raises(ChidaoError, match=words):
        sheet_cmds.register(group)


def test_registering_on_a_tasks_group_adds_both_commands():
    group = _group_with_tasks("list")
    sheet_cmds.register(group)
    assert sorted(group.commands["tasks"].commands) == ["export", "import", "list"]
