"""Bulk progress through sheets: export a unit's tasks, import the filled sheet in one transaction."""
from __future__ import annotations

import csv
from datetime import date, datetime

import pytest
from tests.services.factories import extraction, put, task
from openpyxl import load_workbook

from chidao import bulk, services
from chidao.errors import ConflictError, NotFoundError, ValidationError
from chidao.tracking import sheets

NOW = datetime(2024, 7, 5, 10, 0, 0)
TODAY = date(2024, 7, 5)
ASSIGNED = date(2024, 3, 14)       # the document's date: when its tasks were assigned


@pytest.fixture
def tasks(store):
    """Three tasks led by Sở Tài chính (one with Sở Xây dựng helping) and one led by another unit."""
    put(store, extraction(number="2165", symbol="KL/TU", issued_on=ASSIGNED.isoformat(), tasks=[
        task("Rà soát tình hình tài chính", ["Sở Tài chính", "Sở Xây dựng"], "2024-06-30", "1"),
        task("Xây dựng kế hoạch thu ngân sách", ["Sở Tài chính"], "2024-09-30", "2"),
        task("Quyết toán các dự án hoàn thành", ["Sở Tài chính"], None, "3"),
        task("Đẩy mạnh chuyển đổi số", ["Sở Thông tin và Truyền thông"], "2024-12-31", "4"),
    ]))
    ids = {t.text: t.id for t in services.list_tasks(store, today=TODAY)}
    return [ids["Rà soát tình hình tài chính"], ids["Xây dựng kế hoạch thu ngân sách"],
            ids["Quyết toán các dự án hoàn thành"], ids["Đẩy mạnh chuyển đổi số"]]


def fill(path, values: dict[int, dict[str, object]], extra_header: str | None = None) -> None:
    """Fill the exported sheet as a unit would: ``values[task_id][header] = cell``."""
    if path.suffix == ".xlsx":
        wb = load_workbook(path)
        ws = wb[sheets.SHEET_TITLE]
        col = {ws.cell(sheets.HEADER_ROW, j).value: j for j in range(1, ws.max_column + 1)}
        for r in range(sheets.HEADER_ROW + 1, ws.max_row + 1):
            for header, value in values.get(ws.cell(r, col["Mã nhiệm vụ"]).value, {}).items():
                ws.cell(r, col[header], value)
        if extra_header:
            ws.cell(sheets.HEADER_ROW, ws.max_column + 1, extra_header)
        wb.save(path)
        return
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    for row in rows[1:]:
        for h, value in values.get(int(row[header.index("Mã nhiệm vụ")]), {}).items():
            row[header.index(h)] = str(value)
    if extra_header:
        header.append(extra_header)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)


def line_of(path, task_id: int) -> int:
    data = sheets.read_sheet(path)
    return next(r.line for r in data.rows if int(float(r.cells["task_id"])) == task_id)


def dump(store) -> dict:
    return services.export_store(store)["tables"]


# --------------------------------------------------------------------------- export


def test_export_lists_the_units_open_tasks_only(store, tasks, tmp_path):
    a, b, c, other = tasks
    services.complete_task(store, c, completed_on=date(2024, 5, 2), author="vp", now=NOW)
    out = tmp_path / "stc.xlsx"
    assert bulk.export_tasks(store, out, unit="Sở Tài chính", today=TODAY) == 2
    assert [int(r.cells["task_id"]) for r in sheets.read_sheet(out).rows] == [a, b]
    assert bulk.export_tasks(store, out, unit="Sở Tài chính", today=TODAY, include_done=True) == 3
    ws = load_workbook(out)[sheets.SHEET_TITLE]
    assert "Sở Tài chính" in ws.cell(1, 1).value and "05/07/2024" in ws.cell(1, 1).value


def test_export_of_an_unknown_unit_is_refused(store, tasks, tmp_path):
    with pytest.raises(NotFoundError):
        bulk.export_tasks(store, tmp_path / "x.xlsx", unit="Sở Không Có", today=TODAY)
    assert not (tmp_path / "x.xlsx").exists()


# --------------------------------------------------------------------------- round trip


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip_records_progress_completion_history_and_audit(store, tasks, tmp_path, suffix):
    a, b, c, _ = tasks
    path = tmp_path / f"stc{suffix}"
    bulk.export_tasks(store, path, unit="Sở Tài chính", today=TODAY)
    fill(path, {
        a: {"Ngày báo cáo": "02/07/2024", "Tiến độ (%)": 60, "Kết quả thực hiện": "Đã rà soát 6/9 sở",
            "Người báo cáo": "Nguyễn Văn An", "Minh chứng": "bc-01.pdf; bc-02.pdf"},
        b: {"Ngày hoàn thành": "2024-07-01", "Kết quả thực hiện": "Đã ban hành Kế hoạch 45"},
    })
    summary = bulk.import_sheet(store, path, author="Văn phòng", now=NOW, today=TODAY)
    assert summary.ok and summary.rows == 3
    assert {(x.task_id, x.action) for x in summary.applied} == {(a, "progress"), (b, "complete")}
    assert summary.unfilled == (line_of(path, c),) and summary.skipped == ()

    da = services.get_task(store, a, today=TODAY)
    assert da.task.percent == 60 and da.task.completed_on is None
    assert [(u.reported_on, u.text, u.percent, u.author, u.evidence) for u in da.updates] == [
        (date(2024, 7, 2), "Đã rà soát 6/9 sở", 60, "Nguyễn Văn An", ["bc-01.pdf", "bc-02.pdf"])]
    assert [(e.action, e.actor, e.before, e.after) for e in da.audit] == [(
        "progress", "Nguyễn Văn An", {"percent": 0},
        {"percent": 60, "reported_on": "2024-07-02", "text": "Đã rà soát 6/9 sở",
         "evidence": ["bc-01.pdf", "bc-02.pdf"], "via": f"stc{suffix}:{line_of(path, a)}"})]
    assert da.task.version == 2

    db = services.get_task(store, b, today=TODAY)
    assert db.task.completed_on == date(2024, 7, 1) and db.task.percent == 100
    assert db.task.status.value == "hoan_thanh_dung_han"
    assert [(u.text, u.author) for u in db.updates] == [("Đã ban hành Kế hoạch 45", "Văn phòng")]
    assert db.audit[-1].action == "complete"
    assert db.audit[-1].after["completed_on"] == "2024-07-01"


def test_importing_the_same_sheet_twice_records_nothing_twice(store, tasks, tmp_path):
    a, b, _, _ = tasks
    path = tmp_path / "stc.xlsx"
    bulk.export_tasks(store, path, unit="Sở Tài chính", today=TODAY)
    fill(path, {a: {"Tiến độ (%)": 30, "Kết quả thực hiện": "Đang rà soát"}, b: {"Ngày hoàn thành": "01/07/2024"}})
    bulk.import_sheet(store, path, author="vp", now=NOW, today=TODAY)
    before = dump(store)
    again = bulk.import_sheet(store, path, author="vp", now=NOW, today=TODAY)
    assert again.applied == () and [line for line, _ in again.skipped] == [line_of(path, t) for t in (a, b)]
    assert "đã ghi hoàn thành ngày 01/07/2024" in again.skipped[1][1]
    assert dump(store) == before


def test_a_report_without_date_is_dated_today(store, tasks, tmp_path):
    a = tasks[0]
    path = tmp_path / "stc.csv"
    bulk.export_tasks(store, path, unit="Sở Tài chính", today=TODAY)
    fill(path, {a: {"Kết quả thực hiện": "Đang làm"}})
    bulk.import_sheet(store, path, author="vp", now=NOW, today=date(2024, 7, 3))
    (update,) = services.get_task(store, a, today=TODAY).updates
    assert update.reported_on == date(2024, 7, 3) and update.percent is None


# --------------------------------------------------------------------------- bad lines


BAD = {   # header -> value that makes the line invalid, and a fragment of the message
    "wrong_date": ({"Ngày báo cáo": "2024/07/02", "Kết quả thực hiện": "x"}, "không phải ngày hợp lệ"),
    "before_start": ({"Ngày hoàn thành": "01/03/2024"}, "trước ngày giao nhiệm vụ 14/03/2024"),
    "percent": ({"Tiến độ (%)": 120, "Kết quả thực hiện": "x"}, "phải từ 0 đến 100"),
    "unit": ({"Đơn vị chủ trì": "Sở Không Có", "Kết quả thực hiện": "x"}, "không có đơn vị 'Sở Không Có'"),
    "future": ({"Ngày hoàn thành": "06/07/2024"}, "sau ngày hôm nay"),
}


@pytest.mark.parametrize("case, suffix", [   # each case in one format: both are read the same way
    ("wrong_date", ".xlsx"), ("before_start", ".csv"), ("percent", ".xlsx"), ("unit", ".csv"), ("future", ".xlsx")])
def test_a_bad_line_is_reported_with_its_line_number_and_nothing_is_recorded(store, tasks, tmp_path, suffix, case):
    a, b, _, _ = tasks
    path = tmp_path / f"stc{suffix}"
    bulk.export_tasks(store, path, unit="Sở Tài chính", today=TODAY)
    values, fragment = BAD[case]
    fill(path, {a: {"Tiến độ (%)": 50, "Kết quả thực hiện": "Đúng"}, b: values})
    before = dump(store)
    with pytest.raises(ValidationError) as err:
        bulk.import_sheet(store, path, author="vp", now=NOW, today=TODAY)
    assert [line for line, _ in err.value.errors] == [line_of(path, b)]
    assert fragment in err.value.errors[0][1]
    assert "không ghi dòng nào" in str(err.value)
    assert dump(store) == before


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_unknown_column_refuses_the_file_on_its_header_line(store, tasks, tmp_path, suffix):
    a = tasks[0]
    path = tmp_path / f"stc{suffix}"
    bulk.export_tasks(store, path, unit="Sở Tài chính", today=TODAY)
    fill(path, {a: {"Kết quả thực hiện": "x"}}, extra_header="Ghi chú")
    before = dump(store)
    for partial in (False, True):
        with pytest.raises(ValidationError) as err:
            bulk.import_sheet(store, path, author="vp", now=NOW, today=TODAY, partial=partial)
        assert err.value.errors == [(sheets.read_sheet(path).header_line, err.value.errors[0][1])]
        assert "'Ghi chú'" in err.value.errors[0][1]
    assert dump(store) == before


def test_several_bad_lines_are_all_reported_in_line_order(store, tasks, tmp_path):
    a, b, c, _ = tasks
    path = tmp_path / "stc.xlsx"
    bulk.export_tasks(store, path, unit="Sở Tài chính", today=TODAY)
    fill(path, {a: {"Tiến độ (%)": 101, "Kết quả thực hiện": "x"}, b: {"Ngày hoàn thành": "1/3/2024"},
                c: {"Ngày báo cáo": "hôm qua", "Kết quả thực hiện": "x"}})
    with pytest.raises(ValidationError) as err:
        bulk.import_sheet(store, path, author="vp", now=NOW, today=TODAY)
    assert [line for line, _ in err.value.errors] == [line_of(path, t) for t in (a, b, c)]
    assert "3/3 dòng có lỗi" in str(err.value)


def test_unknown_task_rejected_task_and_unrelated_unit_are_refused(store, tasks, tmp_path):
    a, b, c, other = tasks
    services.review_task(store, c, action="reject", actor="vp", now=NOW)
    data = sheets.parse_lines([
        (1, ["Mã nhiệm vụ", "Đơn vị chủ trì", "Kết quả thực hiện"]),
        (2, [9999, "", "x"]),
        (3, [c, "Sở Tài chính", "x"]),
        (4, [other, "Sở Tài chính", "x"]),
        (5, [a, "Sở Xây dựng", "Phối hợp rà soát"]),     # a collaborator may report
    ])
    summary = bulk.import_data(store, data, author="vp", now=NOW, today=TODAY, partial=True)
    messages = {e.line: e.message for e in summary.errors}
    assert sorted(messages) == [2, 3, 4]
    assert "không có nhiệm vụ mã 9999" in messages[2]
    assert "đã bị loại" in messages[3]
    assert "không chủ trì hay phối hợp" in messages[4]
    assert [(x.line, x.task_id) for x in summary.applied] == [(5, a)]


# --------------------------------------------------------------------------- partial and dry run


def test_partial_applies_only_the_valid_lines(store, tasks, tmp_path):
    a, b, c, _ = tasks
    path = tmp_path / "stc.csv"
    bulk.export_tasks(store, path, unit="Sở Tài chính", today=TODAY)
    fill(path, {a: {"Tiến độ (%)": 70, "Kết quả thực hiện": "Gần xong"}, b: {"Ngày hoàn thành": "30-06-2024"},
                c: {"Ngày hoàn thành": "20/06/2024"}})
    summary = bulk.import_sheet(store, path, author="vp", now=NOW, today=TODAY, partial=True)
    assert [(x.task_id, x.action) for x in summary.applied] == [(a, "progress"), (c, "complete")]
    assert [e.line for e in summary.errors] == [line_of(path, b)]
    assert services.get_task(store, a, today=TODAY).task.percent == 70
    assert services.get_task(store, b, today=TODAY).updates == []
    assert services.get_task(store, c, today=TODAY).task.completed_on == date(2024, 6, 20)


def test_dry_run_checks_everything_and_records_nothing(store, tasks, tmp_path):
    a = tasks[0]
    path = tmp_path / "stc.xlsx"
    bulk.export_tasks(store, path, unit="Sở Tài chính", today=TODAY)
    fill(path, {a: {"Tiến độ (%)": 70, "Kết quả thực hiện": "Gần xong"}})
    before = dump(store)
    summary = bulk.import_sheet(store, path, author="vp", now=NOW, today=TODAY, dry_run=True)
    assert summary.dry_run and [(x.task_id, x.action) for x in summary.applied] == [(a, "progress")]
    assert dump(store) == before


# --------------------------------------------------------------------------- same records as the services


def _history(store, task_id):
    d = services.get_task(store, task_id, today=TODAY)
    return (d.task.percent, d.task.completed_on, d.task.version,
            [(u.reported_on, u.text, u.percent, u.author, u.evidence) for u in d.updates],
            [(e.action, e.actor, e.before, {k: v for k, v in e.after.items() if k != "via"}) for e in d.audit])


@pytest.mark.parametrize("cells, by_hand", [
    ({"Ngày báo cáo": "02/07/2024", "Tiến độ (%)": 40, "Kết quả thực hiện": "Đã rà soát 4/9 sở",
      "Minh chứng": "bc-01.pdf"},
     lambda store, t: services.add_progress(store, t, reported_on=date(2024, 7, 2), text="Đã rà soát 4/9 sở",
                                            percent=40, evidence=["bc-01.pdf"], author="vp", now=NOW)),
    ({"Kết quả thực hiện": "Đang làm"},
     lambda store, t: services.add_progress(store, t, reported_on=TODAY, text="Đang làm", author="vp", now=NOW)),
    ({"Ngày hoàn thành": "01/07/2024", "Kết quả thực hiện": "Đã ban hành Kế hoạch 45"},
     lambda store, t: services.complete_task(store, t, completed_on=date(2024, 7, 1), text="Đã ban hành Kế hoạch 45",
                                             author="vp", now=NOW)),
    ({"Ngày hoàn thành": "01/07/2024"},
     lambda store, t: services.complete_task(store, t, completed_on=date(2024, 7, 1), author="vp", now=NOW)),
])
def test_a_sheet_line_is_recorded_exactly_as_the_same_report_made_by_command(store, tasks, tmp_path, cells, by_hand):
    a, b, _, _ = tasks
    by_hand(store, a)
    path = tmp_path / "stc.xlsx"
    bulk.export_tasks(store, path, unit="Sở Tài chính", today=TODAY)
    fill(path, {b: cells})
    summary = bulk.import_sheet(store, path, author="vp", now=NOW, today=TODAY)
    assert [x.task_id for x in summary.applied] == [b]
    assert _history(store, b) == _history(store, a)
    assert services.get_task(store, b, today=TODAY).audit[-1].after["via"] == f"stc.xlsx:{line_of(path, b)}"


def test_a_task_changed_during_the_import_refuses_the_whole_import(store, tasks, tmp_path, monkeypatch):
    a, b, _, _ = tasks
    data = sheets.parse_lines([(1, ["Mã nhiệm vụ", "Tiến độ (%)", "Kết quả thực hiện"]),
                               (2, [a, 50, "Một nửa"]), (3, [b, 20, "Bắt đầu"])])
    apply = bulk._apply

    def concurrent_then_apply(session, row, task, **kw):
        if row.task_id == b:   # another user reports on b after the sheet was checked
            services.add_progress(store, b, reported_on=TODAY, text="Từ nơi khác", percent=10, author="x", now=NOW)
        return apply(session, row, task, **kw)

    monkeypatch.setattr(bulk, "_apply", concurrent_then_apply)
    with pytest.raises(ConflictError):
        bulk.import_data(store, data, author="vp", now=NOW, today=TODAY)
    assert services.get_task(store, a, today=TODAY).updates == []
    assert [u.text for u in services.get_task(store, b, today=TODAY).updates] == ["Từ nơi khác"]
