"""Disclosure record events: number on creation, check on edit, freeze on publish."""

from zope.container.interfaces import IContainerModifiedEvent

from zhengwu.disclosure.index_number import PUBLISHED
from zhengwu.disclosure.index_number import assign_index_number
from zhengwu.disclosure.index_number import check_or_renumber
from zhengwu.disclosure.index_number import freeze


def number_new_record(record, event):
    """A new (or copied) record gets the next number of its body's series."""
    assign_index_number(record)


def check_edited_record(record, event):
    """An edit may not touch a published number; a new body renumbers a draft."""
    if IContainerModifiedEvent.providedBy(event):
        return  # an attachment was added or removed: nothing of ours changed
    check_or_renumber(record)


def freeze_published_record(record, event):
    """Once published, the number is public and stays the record's for good."""
    new_state = getattr(event, "new_state", None)
    if new_state is not None and new_state.getId() == PUBLISHED:
        freeze(record)
