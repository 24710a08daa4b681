"""Index numbers (索引号) of disclosure records: ``<org_code>/<year>-<serial:05d>``.

Numbers are allocated on creation from a per-body, per-year counter
(``counter.py``), never reused (deleting a record does not give its number back),
and frozen once the record has been published. Before publication, moving the
record to another publishing body numbers it again in that body's series.
"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from plone import api
from zExceptions import BadRequest
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import getSite
from zope.globalrequest import getRequest
from zope.i18n import translate

from zhengwu import _
from zhengwu.behaviors.department import department_of
from zhengwu.disclosure.counter import take_serial

TIMEZONE = ZoneInfo("Asia/Shanghai")
ORG_CODE = re.compile(r"^[0-9A-Z]{18}$")
STATE_KEY = "zhengwu.disclosure.index_number"  # what was assigned, for which body
PUBLISHED = "published"


class IndexNumberError(BadRequest):
    """An index number cannot be given or changed; the message says why."""

    def __init__(self, message):
        super().__init__(translate(message, context=getRequest()))


def _department_by_id(department_id):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Department", getId=department_id
    ):
        return brain._unrestrictedGetObject()
    return None


def publishing_body(record):
    """The Department that publishes ``record`` (发布机构): its ``department`` field,
    else the Department it was created in."""
    department_id = getattr(record, "department", None)
    if department_id:
        return _department_by_id(department_id)
    return department_of(record)


def _body_id(record):
    department = publishing_body(record)
    return department.getId() if department is not None else None


def org_code_of(department, record):
    """The department's 18-character code, or a clear error naming what is wrong."""
    if department is None:
        raise IndexNumberError(
            _(
                'Disclosure record "${title}" has no publishing department, so it '
                "cannot get an index number.",
                mapping={"title": record.Title()},
            )
        )
    code = (getattr(department, "org_code", None) or "").strip().upper()
    if not ORG_CODE.match(code):
        raise IndexNumberError(
            _(
                'Department "${department}" has no valid unified social credit '
                "code (18 letters and digits); set its org code before publishing "
                "disclosure records.",
                mapping={"department": department.Title()},
            )
        )
    return code


def disclosure_index_number(record, year=None):
    """Allocate the next index number for ``record`` in its body's series."""
    department = publishing_body(record)
    code = org_code_of(department, record)
    year = year or datetime.now(TIMEZONE).year
    serial = take_serial(getSite(), code, year)
    return f"{code}/{year}-{serial:05d}"


def assign_index_number(record):
    """Give ``record`` a new index number and remember which body it belongs to."""
    number = disclosure_index_number(record)
    record.index_number = number
    IAnnotations(record)[STATE_KEY] = {
        "number": number,
        "department": _body_id(record),
        "frozen": False,
    }
    return number


def is_frozen(record):
    """True once ``record`` has been published: its number may not change."""
    state = IAnnotations(record).get(STATE_KEY) or {}
    if state.get("frozen"):
        return True
    return api.content.get_state(record, default=None) == PUBLISHED


def freeze(record):
    """Mark the number of ``record`` as published (kept even if it is retracted)."""
    state = dict(IAnnotations(record).get(STATE_KEY) or {})
    state["frozen"] = True
    IAnnotations(record)[STATE_KEY] = state


def check_or_renumber(record):
    """After an edit: refuse changes to a frozen number, renumber on a new body."""
    state = IAnnotations(record).get(STATE_KEY)
    if state is None:
        assign_index_number(record)
        return
    number_changed = getattr(record, "index_number", None) != state["number"]
    body_changed = _body_id(record) != state["department"]
    if is_frozen(record) and (number_changed or body_changed):
        raise IndexNumberError(
            _(
                "The index number ${number} has been published: neither it nor the "
                "publishing department can be changed any more.",
                mapping={"number": state["number"]},
            )
        )
    if number_changed:
        raise IndexNumberError(
            _(
                "Index numbers are given by the portal and cannot be edited "
                "(this record has ${number}).",
                mapping={"number": state["number"]},
            )
        )
    if body_changed:
        assign_index_number(record)
