"""The spreadsheet format of the powers list: columns, reading and writing CSV/XLSX.

One row per item; header row = the column names below, or their Chinese headers
(columns.tsv). List cells (sub-items,
responsibilities) hold one entry per line; ``next_review`` is a date (YYYY-MM-DD).
"""

import csv
import datetime
import io
from functools import cache
from pathlib import Path

import openpyxl

from zhengwu import _

COLUMNS = (
    "code",
    "name",
    "category",
    "department",
    "sub_items",
    "legal_basis",
    "responsibilities",
    "accountability",
    "supervising_phone",
    "guide",
    "next_review",
)
REQUIRED_COLUMNS = ("code", "name", "category", "department", "legal_basis")
LIST_COLUMNS = ("sub_items", "responsibilities")
FORMATS = ("csv", "xlsx")


class SheetError(ValueError):
    """A file that is not a readable CSV or XLSX spreadsheet."""


COLUMNS_FILE = Path(__file__).parent / "columns.tsv"


@cache
def chinese_headers():
    """Chinese header (as bodies write them, e.g. 事项编码) → column id."""
    with open(COLUMNS_FILE, encoding="utf-8", newline="") as handle:
        return {
            row["header_zh"]: row["column"]
            for row in csv.DictReader(handle, delimiter="\t")
        }


def column_of(header):
    """The column id of a header cell: the id itself or its Chinese header."""
    return chinese_headers().get(header, header)


def format_of(filename):
    """``csv`` or ``xlsx`` from a file name; SheetError for anything else."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if suffix not in FORMATS:
        raise SheetError(
            _(
                "'${name}' is neither a .csv nor an .xlsx file.",
                mapping={"name": filename},
            )
        )
    return suffix


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").strip()


def _decode(data):
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SheetError(_("The CSV file is neither UTF-8 nor GB18030 text."))


def read_sheet(data, fmt):
    """Return the header and the data rows (lists of str) of a CSV or XLSX file."""
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(_decode(data), newline="")))
    else:
        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        except Exception as error:  # openpyxl raises many kinds for a bad file
            raise SheetError(_("The XLSX file cannot be read.")) from error
        sheet = book.worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        book.close()
    rows = [[_cell(value) for value in row] for row in rows]
    if not rows:
        raise SheetError(_("The file is empty."))
    return [column_of(cell) for cell in rows[0]], rows[1:]


def row_cells(item):
    """The cells of one item (a dict keyed by column) in column order."""
    cells = []
    for column in COLUMNS:
        value = item.get(column) or ""
        if column in LIST_COLUMNS:
            value = "\n".join(value)
        cells.append(value)
    return cells


def write_sheet(items, fmt, header=None, sheet_title="powers"):
    """The bytes of a CSV (UTF-8 with BOM, for spreadsheet programs) or XLSX file.

    ``items`` are dicts keyed by column; with a ``header``, lists of cells under it.
    """
    rows = items if header else (row_cells(item) for item in items)
    header = list(header or COLUMNS)
    if fmt == "csv":
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
        return out.getvalue().encode("utf-8-sig")
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
