"""``chidao tasks ...`` and ``chidao summary``: reproducible with --today, clear errors, Vietnamese output."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from chidao.cli import cli
from chidao.storage import Store
from tests.services.factories import extraction, put, task


@pytest.fixture
def env(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    store = Store.open(url)
    put(store, extraction(number="2165", symbol="KL/TU", tasks=[
        task("Rà soát tình hình tài chính các dự án", ["Sở Tài chính"], "2024-06-30", "1"),
        task("Đẩy mạnh chuyển đổi số", ["Sở Thông tin và Truyền thông"], None, "2")]))
    store.close()
    return {"CHIDAO_DATABASE_URL": url, "CHIDAO_USER": "vanphong"}


def run(env, *args):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_overdue_list_and_summary_as_of_a_given_day(env):
    out = run(env, "tasks", "list", "--overdue", "--today", "2024-07-12")
    assert out.exit_code == 0
    assert "Quá hạn 12 ngày" in out.output and "30/06/2024" in out.output and "Tổng số: 1" in out.output
    assert "Tổng số: 0" in run(env, "tasks", "list", "--overdue", "--today", "2024-06-30").output
    summary = run(env, "summary", "--today", "2024-07-12")
    assert summary.exit_code == 0 and "Sở Tài chính" in summary.output and "100%" in summary.output


@pytest.mark.parametrize("args, shown, footer", [
    (["--limit", "1"], ["Rà soát"], "Nhiệm vụ thứ 1 đến 1 của danh sách"),
    (["--limit", "1", "--offset", "1"], ["Đẩy mạnh"], "Nhiệm vụ thứ 2 đến 2 của danh sách"),
    (["--offset", "2"], [], "Danh sách không có nhiệm vụ thứ 3"),
    ([], ["Rà soát", "Đẩy mạnh"], "Tổng số: 2 nhiệm vụ"),
])
def test_tasks_list_pages(env, args, shown, footer):
    out = run(env, "tasks", "list", "--today", "2024-07-12", *args)
    assert out.exit_code == 0 and footer in out.output
    assert [w for w in ("Rà soát", "Đẩy mạnh") if w in out.output] == shown


def test_review_update_extend_complete_then_show(env):
    assert run(env, "tasks", "review", "1", "--confirm", "--collaborator", "Sở Xây dựng").exit_code == 0
    assert run(env, "tasks", "update", "1", "--text", "Đã rà soát 5 dự án", "--percent", "40",
               "--date", "01/06/2024").exit_code == 0
    assert run(env, "tasks", "extend", "1", "--deadline", "30/09/2024", "--reason", "Chờ Bộ Tài chính").exit_code == 0
    assert run(env, "tasks", "complete", "1", "--date", "15/09/2024").exit_code == 0
    shown = run(env, "tasks", "show", "1", "--today", "2024-10-01").output
    for words in ("Hoàn thành đúng hạn", "30/06/2024", "30/09/2024", "Chờ Bộ Tài chính", "Sở Xây dựng",
                  "Đã rà soát 5 dự án", "vanphong", "extend"):
        assert words in shown


def test_a_stale_version_is_refused_with_a_clear_line(env):
    assert run(env, "tasks", "update", "1", "--text", "A", "--version", "1").exit_code == 0
    out = CliRunner().invoke(cli, ["tasks", "update", "1", "--text", "B", "--version", "1"], env=env)
    assert out.exit_code == 1 and "reload" in out.output and "Traceback" not in out.output


@pytest.mark.parametrize("args, words", [
    (["tasks", "show", "99"], "không có nhiệm vụ số 99"),
    (["tasks", "list", "--unit", "Sở Không Có"], "không có đơn vị"),
    (["tasks", "extend", "1", "--deadline", "2024/09/30", "--reason", "x"], "dd/mm/yyyy"),
    (["tasks", "list", "--today", "01/07/2024"], "YYYY-MM-DD"),
])
def test_bad_input_is_one_clear_message(env, args, words):
    out = CliRunner().invoke(cli, args, env=env)
    assert out.exit_code != 0 and words in out.output and "Traceback" not in out.output
