"""Progress sheets without a store: export rows, XLSX/CSV round trip, line numbers, per-row checks."""
from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from chidao.errors import InputError, UnsupportedFormatError
from chidao.text.decode import encode_cp1258
from chidao.tracking import sheets as s

HEADERS = [c.header for c in s.COLUMNS]


def _views():
    return [
        SimpleNamespace(id=7, document="Kết luận 2165-KL/TU", ordinal="1", text="Rà soát tình hình tài chính",
                        lead="Sở Tài chính", collaborators=("Sở Xây dựng", "Sở Nội vụ"), deadline=date(2024, 6, 30),
                        status_text="Quá hạn 1 ngày", percent=40),
        SimpleNamespace(id=9, document="Kết luận 2165-KL/TU", ordinal=None, text="Đẩy mạnh chuyển đổi số",
                        lead=None, collaborators=(), deadline=None, status_text="Chưa xác định thời hạn", percent=0),
    ]


def _raw(line=5, **cells):
    return s.RawRow(line, {"task_id": 7, **cells})


# --------------------------------------------------------------------------- export and round trip


def test_export_rows_carry_document_item_units_and_current_state():
    rows = s.export_rows(_views())
    assert rows[0].document == "Kết luận 2165-KL/TU, mục 1"
    assert rows[0].cells(1)["collaborators"] == "Sở Xây dựng; Sở Nội vụ"
    assert rows[0].cells(1)["deadline"] == "30/06/2024"
    assert rows[1].cells(2) == {**rows[1].cells(2), "lead": "", "deadline": "", "document": "Kết luận 2165-KL/TU"}


@pytest.mark.parametrize("suffix, first_line", [(".xlsx", s.HEADER_ROW + 1), (".csv", 2)])
def test_written_sheet_reads_back_with_spreadsheet_line_numbers(tmp_path, suffix, first_line):
    path = s.write_sheet(s.export_rows(_views()), tmp_path / f"out{suffix}", unit="Sở Tài chính",
                         as_of=date(2024, 7, 1))
    data = s.read_sheet(path)
    assert data.errors == ()
    assert data.columns == tuple(c.key for c in s.COLUMNS)
    assert [r.line for r in data.rows] == [first_line, first_line + 1]
    rows, errors = s.check_rows(data)
    assert errors == []
    assert [(r.task_id, r.unit, r.is_report) for r in rows] == [(7, "Sở Tài chính", False), (9, None, False)]


def test_xlsx_locks_and_greys_reference_columns_only(tmp_path):
    path = s.write_sheet(s.export_rows(_views()), tmp_path / "out.xlsx")
    ws = load_workbook(path)[s.SHEET_TITLE]
    assert ws.protection.sheet
    row = s.HEADER_ROW + 1
    for j, col in enumerate(s.COLUMNS, 1):
        cell = ws.cell(row, j)
        assert cell.protection.locked is (not col.editable), col.header
        assert (cell.fill.fgColor.rgb.endswith(s.GREY)) is (not col.editable), col.header
    assert [ws.cell(s.HEADER_ROW, j).value for j in range(1, len(s.COLUMNS) + 1)] == HEADERS


def test_csv_is_utf8_with_bom_so_excel_shows_vietnamese(tmp_path):
    path = s.write_sheet(s.export_rows(_views()), tmp_path / "out.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbfSTT,M\xc3\xa3 nhi\xe1\xbb\x87m v\xe1\xbb\xa5")


@pytest.mark.parametrize("name", ["out.txt.docx", "out.ods", "out"])
def test_write_refuses_other_formats(tmp_path, name):
    with pytest.raises(UnsupportedFormatError):
        s.write_sheet([], tmp_path / name)


# --------------------------------------------------------------------------- reading what staff send back


def test_xlsx_filled_by_hand_reads_excel_dates_and_percent_formatted_cells(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Báo cáo tiến độ của Sở Tài chính"])
    ws.append([])
    ws.append(["Mã nhiệm vụ", "Ngày hoàn thành", "Tiến độ (%)", "Kết quả thực hiện"])
    ws.append([7, datetime(2024, 6, 28), None, "Đã ban hành kế hoạch"])
    ws.append([None, None, None, None])
    ws.append([9, None, 0.55, "Đã rà soát 5/9 sở"])
    ws.cell(6, 3).number_format = "0%"
    path = tmp_path / "filled.xlsx"
    wb.save(path)
    data = s.read_sheet(path)
    assert data.header_line == 3
    rows, errors = s.check_rows(data)
    assert errors == []
    assert [(r.line, r.task_id, r.completed_on, r.percent) for r in rows] == [
        (4, 7, date(2024, 6, 28), None), (6, 9, None, 55)]


def test_csv_from_a_vietnamese_excel_with_semicolons_and_cp1258_reads(tmp_path):
    text = ("Mã nhiệm vụ;Tiến độ (%);Kết quả thực hiện;Ngày báo cáo\r\n"
            '7;55,5;"Đã rà soát; còn 4 sở";02/07/2024\r\n;;;\r\n9;10;Khởi động;2024-07-01\r\n')
    path = tmp_path / "filled.csv"
    path.write_bytes(encode_cp1258(text))
    rows, errors = s.check_rows(s.read_sheet(path))
    assert errors == []
    assert [(r.line, r.task_id, r.percent, r.result, r.reported_on) for r in rows] == [
        (2, 7, 56, "Đã rà soát; còn 4 sở", date(2024, 7, 2)), (4, 9, 10, "Khởi động", date(2024, 7, 1))]


def test_csv_line_numbers_count_lines_inside_quoted_cells(tmp_path):
    path = tmp_path / "filled.csv"
    path.write_text('Mã nhiệm vụ,Kết quả thực hiện,Tiến độ (%)\n7,"dòng một\ndòng hai",30\n9,x,150\n',
                    encoding="utf-8")
    _, errors = s.check_rows(s.read_sheet(path))
    assert [e.line for e in errors] == [4]


def test_unknown_and_unnamed_columns_are_reported_on_the_header_line():
    lines = [(1, ["Danh sách"]), (2, ["Mã nhiệm vụ", "Ghi chú", "Tiến độ (%)", None, "Tiến độ"]),
             (3, [7, "gấp", None, "x", 50])]
    data = s.parse_lines(lines)
    assert data.header_line == 2
    assert [e.line for e in data.errors] == [2, 2, 2]
    assert "'Ghi chú'" in data.errors[0].message
    assert "cột thứ 4" in data.errors[1].message
    assert "trùng" in data.errors[2].message


def test_a_column_without_header_and_without_data_is_ignored():
    data = s.parse_lines([(1, ["Mã nhiệm vụ", None, "Kết quả"]), (2, [7, None, "xong"]), (3, [None, "", None])])
    assert data.errors == () and len(data.rows) == 1 and data.rows[0].cells == {"task_id": 7, "result": "xong"}


def test_sheet_without_the_id_column_is_refused():
    with pytest.raises(InputError, match="Mã nhiệm vụ"):
        s.parse_lines([(1, ["STT", "Nội dung"]), (2, [1, "x"])])


@pytest.mark.parametrize("name", ["old.xls", "doc.pdf"])
def test_read_refuses_formats_it_cannot_read(tmp_path, name):
    (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0junk")
    with pytest.raises(UnsupportedFormatError):
        s.read_sheet(tmp_path / name)


def test_a_broken_xlsx_is_one_error_not_a_crash(tmp_path):
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UnsupportedFormatError, match="Excel"):
        s.read_sheet(tmp_path / "broken.xlsx")


# --------------------------------------------------------------------------- headers, dates, numbers


@pytest.mark.parametrize("header, key", [
    ("Mã nhiệm vụ", "task_id"), ("MÃ NHIỆM VỤ", "task_id"), (" mã  nhiệm vụ ", "task_id"),
    ("Tiến độ (%)", "percent"), ("Tiến độ %", "percent"), ("Kết quả thực hiện", "result"),
    ("Ngày hoàn thành", "completed_on"), ("Đơn vị chủ trì", "lead"), ("Tiến độ đã báo cáo (%)", "current_percent"),
    ("Minh chứng", "evidence"), ("Người báo cáo", "reporter"), ("STT", "row_no"),
    ("Ma nhiem vu", None), ("Ghi chú", None), ("Mã", None), ("", None), (None, None),
])
def test_headers_match_whatever_the_case_spacing_and_punctuation(header, key):
    assert s.column_for(header) == key


@pytest.mark.parametrize("value, expected", [
    ("30/06/2024", date(2024, 6, 30)), ("1/7/2024", date(2024, 7, 1)), ("2024-06-30", date(2024, 6, 30)),
    (" 30/06/2024 ", date(2024, 6, 30)), ("30/06/2024 00:00:00", date(2024, 6, 30)),
    (datetime(2024, 6, 30, 0, 0), date(2024, 6, 30)), (date(2024, 6, 30), date(2024, 6, 30)),
])
def test_dates_are_dd_mm_yyyy_iso_or_excel_dates(value, expected):
    assert s.parse_cell_date(value) == expected


@pytest.mark.parametrize("value", ["30-06-2024", "2024/06/30", "31/02/2024", "30/6/24", "30.06.2024",
                                   "hôm nay", "30/06/2024 08:15", 45473, "2024-6-30"])
def test_other_date_forms_are_refused(value):
    with pytest.raises(ValueError):
        s.parse_cell_date(value)


@pytest.mark.parametrize("value, expected", [
    ("55", 55.0), ("55,5", 55.5), ("1.234,5", 1234.5), ("55%", 55.0), ("55 %", 55.0), ("12.5", 12.5),
    (40, 40.0), (40.0, 40.0), ("100", 100.0),
])
def test_numbers_read_vietnamese_notation(value, expected):
    assert s.parse_number(value) == expected


@pytest.mark.parametrize("value", ["năm mươi", "", "5,5,5", "-", "1,234.5", True])
def test_non_numbers_are_refused(value):
    with pytest.raises(ValueError):
        s.parse_number(value)


# --------------------------------------------------------------------------- checking one line


def test_a_complete_line_becomes_a_report():
    row, errors = s.check_row(_raw(reported_on="02/07/2024", percent="60", result="Đã rà soát 6/9 sở",
                                   reporter="Nguyễn Văn A", evidence="bc-01.pdf; bc-02.pdf", lead="Sở Tài chính"))
    assert errors == []
    assert row == s.ProgressRow(5, 7, "Sở Tài chính", date(2024, 7, 2), 60, "Đã rà soát 6/9 sở", None,
                                "Nguyễn Văn A", ("bc-01.pdf", "bc-02.pdf"))
    assert row.is_report


@pytest.mark.parametrize("cells, fragment", [
    ({"percent": "120", "result": "x"}, "phải từ 0 đến 100"),
    ({"percent": "-5", "result": "x"}, "không phải số"),
    ({"percent": "nhiều", "result": "x"}, "không phải số"),
    ({"reported_on": "2024/07/02", "result": "x"}, "'Ngày báo cáo': '2024/07/02' không phải ngày"),
    ({"completed_on": "31/06/2024"}, "'Ngày hoàn thành': '31/06/2024' không phải ngày"),
    ({"completed_on": "28/06/2024", "percent": 50}, "phải để trống hoặc 100"),
    ({"percent": 50}, "cần ghi cả 'Kết quả thực hiện'"),
    ({"reported_on": "02/07/2024"}, "chưa ghi 'Kết quả thực hiện'"),
    ({"task_id": None, "result": "x"}, "thiếu 'Mã nhiệm vụ'"),
    ({"task_id": "7a", "result": "x"}, "số nguyên dương"),
    ({"task_id": 7.5, "result": "x"}, "số nguyên dương"),
])
def test_bad_lines_are_reported_with_their_line_number(cells, fragment):
    row, errors = s.check_row(_raw(**cells))
    assert row is None
    assert [e.line for e in errors] == [5] * len(errors)
    assert any(fragment in e.message for e in errors), [e.message for e in errors]


@pytest.mark.parametrize("cells", [
    {"completed_on": "28/06/2024"}, {"completed_on": "28/06/2024", "percent": "100"},
    {"result": "Đang triển khai"}, {"percent": "0", "result": "Chưa triển khai"},
    {"task_id": "#7", "result": "x"}, {"task_id": 7.0, "result": "x"}, {},
])
def test_good_lines_pass(cells):
    row, errors = s.check_row(_raw(**cells))
    assert errors == [] and row is not None and row.task_id == 7


def test_every_problem_of_a_line_is_listed_not_just_the_first():
    _, errors = s.check_row(_raw(percent="150", reported_on="hôm qua", result="x"))
    assert len(errors) == 2


def test_a_task_on_two_lines_is_an_error_on_the_second():
    data = s.parse_lines([(1, ["Mã nhiệm vụ", "Kết quả thực hiện"]), (2, [7, "a"]), (3, [7, "b"])])
    rows, errors = s.check_rows(data)
    assert [r.line for r in rows] == [2]
    assert [(e.line, "dòng 2" in e.message) for e in errors] == [(3, True)]


def test_an_id_too_large_for_the_store_is_a_line_error():
    _, errors = s.check_row(_raw(task_id="99999999999999999999", result="x"))
    assert [e.line for e in errors] == [5] and "số nguyên dương" in errors[0].message


_cell = st.one_of(st.none(), st.text(max_size=12), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                  st.booleans(), st.dates(), st.datetimes(), st.sampled_from(["30/06/2024", "55,5", "1.234,5", "%"]))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from([c.key for c in s.COLUMNS]), _cell))
def test_any_cells_give_a_row_or_line_errors_never_a_crash(cells):
    row, errors = s.check_row(s.RawRow(9, cells))
    assert (row is None) == bool(errors)
    assert all(e.line == 9 and e.message for e in errors)
