"""Progress sheets (XLSX, CSV) a unit fills in: export rows, write, read back and check every row."""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from chidao.errors import InputError, UnsupportedFormatError
from chidao.tracking.display import fmt_date, parse_date

SHEET_TITLE = "Nhiệm vụ"
HELP_TITLE = "Hướng dẫn"
MAX_HEADER_SEARCH = 10          # the header row is looked for among the first rows
MAX_ROWS = 100_000              # a sheet longer than this is not a unit's progress report
MAX_TASK_ID = 2**31 - 1         # ids are 32-bit integers in every store

# --------------------------------------------------------------------------- columns


@dataclass(frozen=True)
class Column:
    """One column of the sheet: ``editable`` ones are filled by the unit, the others are for reference."""

    key: str
    header: str
    editable: bool
    width: int
    kind: str = "text"            # text | date | percent | id


COLUMNS: tuple[Column, ...] = (
    Column("row_no", "STT", False, 6),
    Column("task_id", "Mã nhiệm vụ", False, 12, "id"),
    Column("document", "Văn bản", False, 24),
    Column("text", "Nội dung", False, 60),
    Column("lead", "Đơn vị chủ trì", False, 26),
    Column("collaborators", "Đơn vị phối hợp", False, 26),
    Column("deadline", "Thời hạn", False, 12, "date"),
    Column("status", "Tình trạng", False, 22),
    Column("current_percent", "Tiến độ đã báo cáo (%)", False, 12),
    Column("reported_on", "Ngày báo cáo", True, 14, "date"),
    Column("percent", "Tiến độ (%)", True, 11, "percent"),
    Column("result", "Kết quả thực hiện", True, 50),
    Column("completed_on", "Ngày hoàn thành", True, 15, "date"),
    Column("reporter", "Người báo cáo", True, 22),
    Column("evidence", "Minh chứng", True, 30),
)
BY_KEY = {c.key: c for c in COLUMNS}
EDITABLE = tuple(c.key for c in COLUMNS if c.editable)


def header_key(text: str) -> str:
    """The matching form of a header: NFC, case-folded, letters and digits only (``Tiến độ (%)`` -> ``tiếnđộ``)."""
    folded = unicodedata.normalize("NFC", str(text)).casefold().replace("\u00f0", "đ")
    return "".join(ch for ch in folded if ch.isalnum())


# old-style tone placement (``hoà``/``hòa``) is folded by removing the tone mark's position difference
def _tone_free(key: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", key) if not unicodedata.combining(ch) or
                   ch in "\u0302\u0306\u031b")


_HEADERS = {_tone_free(header_key(c.header)): c.key for c in COLUMNS}
# other spellings staff use for the same columns
_HEADERS.update({_tone_free(header_key(h)): k for h, k in (
    ("Mã NV", "task_id"), ("ID", "task_id"), ("Mã số nhiệm vụ", "task_id"),
    ("Số thứ tự", "row_no"), ("Tiến độ", "percent"), ("Tỷ lệ hoàn thành (%)", "percent"),
    ("Kết quả", "result"), ("Nội dung báo cáo", "result"), ("Ngày hoàn thành nhiệm vụ", "completed_on"),
    ("Người báo cáo", "reporter"), ("Cán bộ báo cáo", "reporter"), ("Tài liệu minh chứng", "evidence"),
    ("Đơn vị thực hiện", "lead"), ("Cơ quan chủ trì", "lead"),
)})


def column_for(header: Any) -> str | None:
    """The column key a header stands for, None when it is not one of ours."""
    if header is None:
        return None
    return _HEADERS.get(_tone_free(header_key(str(header))))


# --------------------------------------------------------------------------- export


@dataclass(frozen=True)
class ExportRow:
    """One task as the sheet shows it; the editable columns start empty."""

    task_id: int
    document: str
    text: str
    lead: str | None
    collaborators: tuple[str, ...]
    deadline: date | None
    status: str
    current_percent: int | None

    def cells(self, row_no: int) -> dict[str, Any]:
        return {"row_no": row_no, "task_id": self.task_id, "document": self.document, "text": self.text,
                "lead": self.lead or "", "collaborators": "; ".join(self.collaborators),
                "deadline": fmt_date(self.deadline, ""), "status": self.status,
                "current_percent": self.current_percent}


def export_rows(tasks: Iterable[Any]) -> list[ExportRow]:
    """Rows for tasks seen as ``services.TaskView`` (id, document, ordinal, text, lead, ...)."""
    out = []
    for t in tasks:
        doc = t.document + (f", mục {t.ordinal}" if getattr(t, "ordinal", None) else "")
        out.append(ExportRow(task_id=t.id, document=doc, text=t.text, lead=t.lead,
                             collaborators=tuple(t.collaborators or ()), deadline=t.deadline,
                             status=getattr(t, "status_text", "") or "", current_percent=t.percent))
    return out


def write_sheet(rows: Sequence[ExportRow], path: str | Path, *, unit: str | None = None,
                as_of: date | None = None) -> Path:
    """Write ``rows`` to ``path``: ``.xlsx`` (protected, grey reference columns) or ``.csv`` (UTF-8)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        write_xlsx(rows, path, unit=unit, as_of=as_of)
    elif suffix == ".csv":
        write_csv(rows, path)
    else:
        raise UnsupportedFormatError("choose a file name ending in .xlsx or .csv", str(path))
    return path


def write_csv(rows: Sequence[ExportRow], path: str | Path) -> None:
    """A CSV in UTF-8 with a BOM (so Excel shows Vietnamese), comma-separated, header on line 1."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([c.header for c in COLUMNS])
        for i, row in enumerate(rows, 1):
            cells = row.cells(i)
            w.writerow(["" if cells.get(c.key) is None else cells.get(c.key, "") for c in COLUMNS])


GREY = "D9D9D9"
HEADER_ROW = 3   # XLSX: title on row 1, instructions on row 2, header on row 3, tasks from row 4


def write_xlsx(rows: Sequence[ExportRow], path: str | Path, *, unit: str | None = None,
               as_of: date | None = None) -> None:
    """An XLSX whose reference columns are grey and locked; the sheet is protected without a password."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_TITLE
    title = "DANH SÁCH NHIỆM VỤ" + (f" - {unit}" if unit else "")
    if as_of is not None:
        title += f" (tình trạng tính đến ngày {fmt_date(as_of)})"
    ws.cell(1, 1, title).font = Font(bold=True, size=13)
    ws.cell(2, 1, "Điền các cột trắng (Ngày báo cáo, Tiến độ (%), Kết quả thực hiện, Ngày hoàn thành, "
                  "Người báo cáo, Minh chứng); không sửa các cột xám. Ngày ghi dd/mm/yyyy.").font = Font(italic=True)
    grey = PatternFill("solid", fgColor=GREY)
    wrap = Alignment(wrap_text=True, vertical="top")
    for j, col in enumerate(COLUMNS, 1):
        cell = ws.cell(HEADER_ROW, j, col.header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        if not col.editable:
            cell.fill = grey
        ws.column_dimensions[get_column_letter(j)].width = col.width
    last = HEADER_ROW + len(rows)
    for i, row in enumerate(rows, 1):
        r = HEADER_ROW + i
        cells = row.cells(i)
        for j, col in enumerate(COLUMNS, 1):
            cell = ws.cell(r, j, cells.get(col.key))
            cell.alignment = wrap
            if col.editable:
                cell.protection = Protection(locked=False)
                # dates as text: Excel would otherwise read 05/06/2024 by the computer's locale
                cell.number_format = "0" if col.kind == "percent" else "@"
            else:
                cell.fill = grey
    if rows:
        pct = get_column_letter(next(j for j, c in enumerate(COLUMNS, 1) if c.key == "percent"))
        dv = DataValidation(type="whole", operator="between", formula1="0", formula2="100", allow_blank=True,
                            showErrorMessage=True, errorTitle="Tiến độ (%)",
                            error="Nhập số nguyên từ 0 đến 100")
        dv.add(f"{pct}{HEADER_ROW + 1}:{pct}{last}")
        ws.add_data_validation(dv)
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 3)
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.formatCells = False

    help_ws = wb.create_sheet(HELP_TITLE)
    for k, line in enumerate((
            "Cách điền bảng tiến độ nhiệm vụ",
            "1. Mỗi dòng là một nhiệm vụ; giữ nguyên cột 'Mã nhiệm vụ' và các cột xám.",
            "2. Báo cáo tiến độ: ghi 'Ngày báo cáo', 'Tiến độ (%)' (0-100) và 'Kết quả thực hiện'.",
            "3. Đã hoàn thành: ghi 'Ngày hoàn thành' (dd/mm/yyyy); tiến độ để trống hoặc 100.",
            "4. Dòng không điền gì thì bỏ qua; không thêm cột mới.",
            "5. Nhiều minh chứng: cách nhau bằng dấu chấm phẩy (;)."), 1):
        help_ws.cell(k, 1, line).font = Font(bold=k == 1)
    help_ws.column_dimensions["A"].width = 100
    wb.save(path)


# --------------------------------------------------------------------------- reading back


@dataclass(frozen=True)
class RowError:
    """A problem with one line of the sheet (its header line for a column problem)."""

    line: int
    message: str

    def as_pair(self) -> tuple[int, str]:
        return self.line, self.message


@dataclass(frozen=True)
class RawRow:
    """One non-empty line of a sheet: its line number and its cells by column key."""

    line: int
    cells: dict[str, Any]


@dataclass(frozen=True)
class SheetData:
    header_line: int
    columns: tuple[str, ...]          # keys of the columns found, in sheet order
    rows: tuple[RawRow, ...]
    errors: tuple[RowError, ...]      # column problems, on the header line


def read_sheet(path: str | Path) -> SheetData:
    """Read a filled ``.xlsx`` or ``.csv`` back: the header row is found by its ``Mã nhiệm vụ`` column."""
    path = Path(path)
    if not path.is_file():
        raise InputError("file not found; give the .xlsx or .csv you exported and filled in", str(path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        lines = _xlsx_lines(path)
    elif suffix in (".csv", ".txt", ".tsv"):
        lines = _csv_lines(path.read_bytes(), str(path))
    elif suffix == ".xls":
        raise UnsupportedFormatError("old .xls workbooks cannot be read; save it as .xlsx in Excel "
                                     "(File > Save As) and import that", str(path))
    else:
        raise UnsupportedFormatError("give a .xlsx or .csv file", str(path))
    return parse_lines(lines, str(path))


def _xlsx_lines(path: Path) -> list[tuple[int, list[Any]]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, data_only=True, read_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        raise UnsupportedFormatError(f"not a readable .xlsx workbook ({exc.__class__.__name__}); open it in "
                                     "Excel and save it again as .xlsx", str(path)) from None
    try:
        ws = wb[SHEET_TITLE] if SHEET_TITLE in wb.sheetnames else wb.worksheets[0]
        ws.reset_dimensions()      # the stored size is not always right in files other tools wrote
        out = []
        for row in ws.iter_rows():
            cells = [_cell_value(c) for c in row]
            line = next((c.row for c in row if getattr(c, "row", None)), None)
            if line is None:
                continue
            if line > MAX_ROWS:
                raise InputError(f"more than {MAX_ROWS} rows; split the sheet", str(path))
            out.append((line, cells))
        return out
    finally:
        wb.close()


def _cell_value(cell: Any) -> Any:
    value = getattr(cell, "value", None)
    fmt = getattr(cell, "number_format", "") or ""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and fmt.endswith("%"):
        return value * 100          # a cell formatted as percent holds 0.55 for 55 %
    return value


def _csv_lines(data: bytes, name: str) -> list[tuple[int, list[Any]]]:
    from chidao.text.decode import decode_bytes

    text = decode_bytes(data, name=name).text if data else ""
    if text.startswith("\ufeff"):
        text = text[1:]
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    delimiter = max((",", ";", "\t"), key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out = []
    start = 1
    try:
        for record in reader:
            out.append((start, record))
            start = reader.line_num + 1
            if len(out) > MAX_ROWS:
                raise InputError(f"more than {MAX_ROWS} rows; split the file", name)
    except csv.Error as exc:
        raise InputError(f"line {reader.line_num}: the CSV cannot be read ({exc}); save it again from Excel "
                         "as 'CSV UTF-8'", name) from None
    return out


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_lines(lines: Sequence[tuple[int, Sequence[Any]]], name: str = "") -> SheetData:
    """Find the header among the first lines, map columns, keep the non-empty lines after it."""
    header_at = None
    for idx, (_, cells) in enumerate(lines[:MAX_HEADER_SEARCH]):
        if any(column_for(c) == "task_id" for c in cells if isinstance(c, str)):
            header_at = idx
            break
    if header_at is None:
        raise InputError(f"no header line with a '{BY_KEY['task_id'].header}' column in the first "
                         f"{MAX_HEADER_SEARCH} lines; fill in the sheet made by 'chidao tasks export'", name or None)
    header_line, header = lines[header_at]
    body = lines[header_at + 1:]
    errors: list[RowError] = []
    keys: dict[int, str] = {}
    seen: dict[str, str] = {}
    for j, raw in enumerate(header):
        label = "" if raw is None else str(raw).strip()
        if not label:
            if any(j < len(cells) and not _blank(cells[j]) for _, cells in body):
                errors.append(RowError(header_line, f"cột thứ {j + 1} có dữ liệu nhưng không có tiêu đề; "
                                                    "xóa cột đó hoặc dùng đúng mẫu đã xuất"))
            continue
        key = column_for(label)
        if key is None:
            errors.append(RowError(header_line, f"cột '{label}' không có trong mẫu; xóa cột đó "
                                                "(các cột được phép: " + ", ".join(c.header for c in COLUMNS) + ")"))
            continue
        if key in seen:
            errors.append(RowError(header_line, f"cột '{label}' trùng với cột '{seen[key]}'; giữ lại một cột"))
            continue
        seen[key] = label
        keys[j] = key
    rows = []
    for line, cells in body:
        values = {key: cells[j] for j, key in keys.items() if j < len(cells)}
        if all(_blank(v) for v in cells):
            continue
        rows.append(RawRow(line, values))
    return SheetData(header_line, tuple(keys.values()), tuple(rows), tuple(errors))


# --------------------------------------------------------------------------- checking a row


@dataclass(frozen=True)
class ProgressRow:
    """What one filled line reports: progress, completion or both; ``None`` where left empty."""

    line: int
    task_id: int
    unit: str | None
    reported_on: date | None
    percent: int | None
    result: str | None
    completed_on: date | None
    reporter: str | None
    evidence: tuple[str, ...]

    @property
    def is_report(self) -> bool:
        return any(v is not None for v in (self.reported_on, self.percent, self.result, self.completed_on))


def _text(value: Any) -> str | None:
    if _blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"[ \t\u00a0]+", " ", unicodedata.normalize("NFC", str(value))).strip()


def parse_cell_date(value: Any) -> date:
    """A date cell: an Excel date, ``dd/mm/yyyy`` or ISO ``yyyy-mm-dd``; ``ValueError`` otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(value)
    text = value.strip()
    m = re.fullmatch(r"(.+?)\s+0?0:00(?::00(?:\.0+)?)?", text)   # "30/06/2024 00:00:00" from a CSV
    if m:
        text = m.group(1)
    if not re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}", text):
        raise ValueError(text)
    return parse_date(text)


def parse_number(value: Any) -> float:
    """``55``, ``55,5``, ``1.234,5``, ``55%`` -> float; ``ValueError`` otherwise."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().rstrip("%").strip().replace(" ", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?|\d+(,\d+)?", text):
        return float(text.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+\.\d+", text):
        return float(text)
    raise ValueError(text)


def _label(key: str) -> str:
    return BY_KEY[key].header


def check_row(raw: RawRow) -> tuple[ProgressRow | None, list[RowError]]:
    """Check the form of one line (no store): id, dates, percent; every problem of the line is listed."""
    errors: list[str] = []
    c = raw.cells
    task_id = None
    raw_id = c.get("task_id")
    if _blank(raw_id):
        errors.append(f"thiếu '{_label('task_id')}'; giữ nguyên mã như trong file đã xuất")
    else:
        try:
            num = parse_number(str(raw_id).strip().lstrip("#")) if isinstance(raw_id, str) else parse_number(raw_id)
            if not num.is_integer() or not 0 < num <= MAX_TASK_ID:
                raise ValueError(raw_id)
            task_id = int(num)
        except ValueError:
            errors.append(f"'{_label('task_id')}' phải là một số nguyên dương, không phải '{_text(raw_id)}'")

    dates: dict[str, date | None] = {}
    for key in ("reported_on", "completed_on"):
        value = c.get(key)
        if _blank(value):
            dates[key] = None
            continue
        try:
            dates[key] = parse_cell_date(value)
        except ValueError:
            dates[key] = None
            errors.append(f"'{_label(key)}': '{_text(value)}' không phải ngày hợp lệ; ghi dd/mm/yyyy "
                          "(ví dụ 30/06/2024)")

    percent = None
    value = c.get("percent")
    if not _blank(value):
        try:
            number = parse_number(value)
        except ValueError:
            errors.append(f"'{_label('percent')}': '{_text(value)}' không phải số; ghi số từ 0 đến 100")
        else:
            if not 0 <= number <= 100:
                errors.append(f"'{_label('percent')}' phải từ 0 đến 100, không phải {_text(value)}")
            else:
                percent = int(number + 0.5)
    if percent is not None and percent != 100 and dates["completed_on"] is not None:
        errors.append(f"đã ghi '{_label('completed_on')}' thì '{_label('percent')}' phải để trống hoặc 100")

    result = _text(c.get("result"))
    if result is None and percent is not None and dates["completed_on"] is None:
        errors.append(f"ghi '{_label('percent')}' thì cần ghi cả '{_label('result')}'")
    if result is None and dates["reported_on"] is not None and percent is None and dates["completed_on"] is None:
        errors.append(f"có '{_label('reported_on')}' nhưng chưa ghi '{_label('result')}'")

    evidence_text = _text(c.get("evidence"))
    evidence = tuple(e.strip() for e in re.split(r"[;\n]", evidence_text) if e.strip()) if evidence_text else ()
    if errors:
        return None, [RowError(raw.line, e) for e in errors]
    return ProgressRow(raw.line, task_id, _text(c.get("lead")), dates["reported_on"], percent, result,
                       dates["completed_on"], _text(c.get("reporter")), evidence), []


def check_rows(sheet: SheetData) -> tuple[list[ProgressRow], list[RowError]]:
    """Check every line; a task listed on two lines is an error on the second."""
    rows: list[ProgressRow] = []
    errors: list[RowError] = list(sheet.errors)
    first_line: dict[int, int] = {}
    for raw in sheet.rows:
        row, errs = check_row(raw)
        errors.extend(errs)
        if row is None:
            continue
        if row.task_id in first_line:
            errors.append(RowError(row.line, f"nhiệm vụ {row.task_id} đã có ở dòng {first_line[row.task_id]}; "
                                             "gộp hai dòng làm một"))
            continue
        first_line[row.task_id] = row.line
        rows.append(row)
    return rows, sorted(errors, key=lambda e: e.line)


__all__ = [
    "COLUMNS", "Column", "ExportRow", "ProgressRow", "RawRow", "RowError", "SheetData", "check_row",
    "check_rows", "column_for", "export_rows", "parse_cell_date", "parse_lines", "parse_number", "read_sheet",
    "write_csv", "write_sheet", "write_xlsx",
]
