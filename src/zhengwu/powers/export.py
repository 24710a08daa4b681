"""Export the powers list to CSV or XLSX, in the format the import reads back."""

from zhengwu.powers.sheet import write_sheet
from zhengwu.powers.store import existing_items
from zhengwu.powers.store import item_row


def export_rows(root):
    """The rows of every item under ``root``, ordered by code."""
    existing = existing_items(root)
    return [
        item_row(existing[code]._unrestrictedGetObject()) for code in sorted(existing)
    ]


def export_powers(root, fmt):
    """The bytes of the whole list as a ``csv`` or ``xlsx`` file."""
    return write_sheet(export_rows(root), fmt)
