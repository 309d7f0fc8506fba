"""Bulk update through XLSX/CSV: per-row errors with their line; nothing applied unless --partial."""
from __future__ import annotations

import csv
from datetime import date

import pytest
from factories import NOW, extraction, put, task
from openpyxl import load_workbook

from chidao import services
from chidao.errors import ValidationError

TODAY = date(2024, 7, 1)


@pytest.fixture
def two(sqlite_store):
    put(sqlite_store, extraction(number="1", symbol="KL/TU", issued_on="2024-03-14", tasks=[
        task("Rà soát", ["Sở Tài chính"], "2024-06-30"), task("Báo cáo", ["Sở Tài chính"], "2024-09-30")]))
    return sqlite_store


def _rows(path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def _write(path, rows):
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)


def test_xlsx_export_then_filled_import_applies_every_row(two, tmp_path):
    f = tmp_path / "stc.xlsx"
    assert services.export_tasks_sheet(two, f, today=TODAY, unit="Sở Tài chính") == 2
    wb = load_workbook(f)
    ws = wb.active
    ws["F2"] = "28/06/2024"
    ws["G3"] = 50
    ws["H3"] = "Đã có dự thảo"
    wb.save(f)
    result = services.import_tasks_sheet(two, f, actor="stc", now=NOW)
    assert result == {"applied": 2, "errors": []}
    first, second = services.list_tasks(two, today=TODAY)
    assert first.completed_on == date(2024, 6, 28) and first.status.value == "hoan_thanh_dung_han"
    assert second.percent == 50


@pytest.mark.parametrize("header_extra, cell, message", [
    ("Ghi chú", None, "cột không xác định"),
    (None, ("Chủ trì", "Sở Không Có"), "đơn vị không xác định"),
    (None, ("Ngày hoàn thành", "2024/06/28"), "sai định dạng"),
    (None, ("Ngày hoàn thành", "01/01/2024"), "trước ngày giao"),
    (None, ("Tiến độ (%)", "150"), "0 đến 100"),
])
def test_a_bad_row_is_reported_with_its_line_and_nothing_changes(two, tmp_path, header_extra, cell, message):
    f = tmp_path / "stc.csv"
    services.export_tasks_sheet(two, f, today=TODAY)
    rows = _rows(f)
    rows[2][6] = "30"               # a valid change on line 3
    if header_extra:
        rows[0].append(header_extra)
    if cell:
        rows[1][rows[0].index(cell[0])] = cell[1]
    _write(f, rows)
    before = services.export_store(two)
    with pytest.raises(ValidationError) as info:
        services.import_tasks_sheet(two, f, actor="stc", now=NOW)
    assert any(message in msg for _, msg in info.value.errors)
    assert info.value.errors[0][0] in (1, 2)
    assert services.export_store(two) == before


def test_partial_applies_the_valid_rows(two, tmp_path):
    f = tmp_path / "stc.csv"
    services.export_tasks_sheet(two, f, today=TODAY)
    rows = _rows(f)
    rows[1][5] = "hôm qua"
    rows[2][6] = "30"
    _write(f, rows)
    result = services.import_tasks_sheet(two, f, actor="stc", now=NOW, partial=True)
    assert result["applied"] == 1 and [line for line, _ in result["errors"]] == [2]
    assert [v.percent for v in services.list_tasks(two, today=TODAY)] == [0, 30]
