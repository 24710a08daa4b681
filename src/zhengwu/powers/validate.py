"""Validate every row of a powers-list spreadsheet before anything is written.

The result is either the parsed items or a list of errors, each naming the
spreadsheet row (the header is row 1), the column and the reason.
"""

import datetime
import re
from dataclasses import dataclass

from zope.i18nmessageid import Message

from zhengwu import _
from zhengwu.powers.sheet import COLUMNS
from zhengwu.powers.sheet import LIST_COLUMNS
from zhengwu.powers.sheet import REQUIRED_COLUMNS

CODE_PATTERN = re.compile(r"^[A-Z]{2}-([A-Z0-9]{2,12})-([A-Z]{2})-\d{4,5}$")
PHONE_PATTERN = re.compile(r"^(0\d{2,3}-\d{7,8}|\d{5,12})$")
MAX_LENGTH = {"name": 200, "supervising_phone": 40}


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    reason: Message


@dataclass(frozen=True)
class Known:
    """What the rows are checked against: ids present in the site."""

    departments: frozenset
    categories: frozenset
    guides: frozenset


def check_header(header):
    """Errors for missing required and unknown columns (all on row 1)."""
    errors = []
    for column in REQUIRED_COLUMNS:
        if column not in header:
            errors.append(RowError(1, column, _("Required column is missing.")))
    for column in header:
        if column not in COLUMNS:
            errors.append(
                RowError(
                    1,
                    column or "?",
                    _(
                        "Unknown column; the columns are: ${columns}.",
                        mapping={"columns": ", ".join(COLUMNS)},
                    ),
                )
            )
    if len(set(header)) != len(header):
        errors.append(RowError(1, "", _("A column appears twice.")))
    return errors


def _item(header, cells):
    values = dict.fromkeys(COLUMNS, "")
    values.update(zip(header, cells, strict=False))
    for column in LIST_COLUMNS:
        values[column] = [line.strip() for line in values[column].split("\n")]
        values[column] = [line for line in values[column] if line]
    return values


def _is_date(text):
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def check_item(item, known):
    """The (column, reason) problems of one parsed row."""
    for column in REQUIRED_COLUMNS:
        if not item[column]:
            yield column, _("Required value is empty.")
    for column, limit in MAX_LENGTH.items():
        if len(item[column]) > limit:
            yield (
                column,
                _("Longer than ${limit} characters.", mapping={"limit": limit}),
            )
    code, category, department = item["code"], item["category"], item["department"]
    if category and category not in known.categories:
        yield "category", _("Unknown category '${value}'.", mapping={"value": category})
    if department and department not in known.departments:
        yield (
            "department",
            _("Unknown department id '${value}'.", mapping={"value": department}),
        )
    match = CODE_PATTERN.match(code)
    if code and not match:
        yield (
            "code",
            _(
                "'${value}' is not an item code like NS-GAJ-CF-0001.",
                mapping={"value": code},
            ),
        )
    elif (
        match
        and department in known.departments
        and match.group(1) != department.upper()
    ):
        yield (
            "code",
            _(
                "The code's department part does not match department '${value}'.",
                mapping={"value": department},
            ),
        )
    elif match and category in known.categories and match.group(2) != category:
        yield (
            "code",
            _(
                "The code's category part does not match category '${value}'.",
                mapping={"value": category},
            ),
        )
    phone = item["supervising_phone"]
    if phone and not PHONE_PATTERN.match(phone):
        yield (
            "supervising_phone",
            _(
                "'${value}' is not a phone number like 0755-26668888.",
                mapping={"value": phone},
            ),
        )
    if item["next_review"] and not _is_date(item["next_review"]):
        yield (
            "next_review",
            _(
                "'${value}' is not a date like 2027-06-30.",
                mapping={"value": item["next_review"]},
            ),
        )
    if item["guide"] and item["guide"] not in known.guides:
        yield (
            "guide",
            _(
                "No service guide with id '${value}' in this site.",
                mapping={"value": item["guide"]},
            ),
        )


def validate_rows(header, rows, known):
    """Return ``(items, errors)``; items is empty whenever there is an error."""
    errors = check_header(header)
    if errors:
        return [], errors
    items, first_row_of = [], {}
    for number, cells in enumerate(rows, start=2):
        if not any(cells):
            continue  # blank lines at the end of a spreadsheet
        if len(cells) > len(header) and any(cells[len(header) :]):
            errors.append(
                RowError(number, "", _("More cells than columns in the header."))
            )
            continue
        item = _item(header, cells)
        for column, reason in check_item(item, known):
            errors.append(RowError(number, column, reason))
        code = item["code"]
        if code in first_row_of:
            errors.append(
                RowError(
                    number,
                    "code",
                    _(
                        "Duplicate code '${value}' (first in row ${row}).",
                        mapping={"value": code, "row": first_row_of[code]},
                    ),
                )
            )
        elif code:
            first_row_of[code] = number
        items.append(item)
    if not items and not errors:
        errors.append(RowError(2, "", _("The file has no items.")))
    return ([] if errors else items), errors
