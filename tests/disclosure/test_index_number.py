"""Index numbers (索引号): body code / year - serial, unique, never reused, frozen."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from plone import api
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

from zhengwu.disclosure.index_number import IndexNumberError

YEAR = datetime.now(ZoneInfo("Asia/Shanghai")).year


@pytest.fixture
def gaj(district):
    return district["zh-cn"]["gaj"]


@pytest.fixture
def czj(district):
    return district["zh-cn"]["czj"]


def serial(number):
    return int(number.rsplit("-", 1)[1])


def edit(record, as_admin, **fields):
    with as_admin():
        for name, value in fields.items():
            setattr(record, name, value)
        notify(ObjectModifiedEvent(record))


def test_new_record_is_numbered_in_its_departments_series(gaj, new_record):
    record = new_record(gaj)
    assert re.fullmatch(rf"{gaj.org_code}/{YEAR}-\d{{5}}", record.index_number)
    assert record.index_number == f"{gaj.org_code}/{YEAR}-00001"


def test_serials_follow_each_other_per_department(gaj, czj, new_record):
    first = new_record(gaj).index_number
    other_body = new_record(czj).index_number
    second = new_record(gaj, title="2026年部门决算").index_number
    assert serial(second) == serial(first) + 1
    assert other_body.startswith(czj.org_code + "/")
    assert serial(other_body) == 1


def test_the_index_number_is_in_the_catalog(gaj, new_record):
    record = new_record(gaj)
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(index_number=record.index_number)
    assert brain.index_number == record.index_number


def test_deleting_a_record_does_not_free_its_number(gaj, new_record, as_admin):
    doomed = new_record(gaj)
    number = doomed.index_number
    with as_admin():
        api.content.delete(doomed)
    assert new_record(gaj).index_number != number
    assert serial(new_record(gaj, title="又一条").index_number) == serial(number) + 2


def test_a_copy_gets_a_number_of_its_own(gaj, new_record, as_admin):
    record = new_record(gaj)
    with as_admin():
        copy = api.content.copy(source=record, target=gaj, safe_id=True)
    assert copy.index_number != record.index_number
    assert serial(copy.index_number) == serial(record.index_number) + 1


def test_before_publication_a_new_department_numbers_the_record_again(
    gaj, czj, new_record, as_admin
):
    record = new_record(gaj)
    edit(record, as_admin, department="czj")
    assert record.index_number == f"{czj.org_code}/{YEAR}-00001"


def test_editing_other_fields_keeps_the_number(gaj, new_record, as_admin):
    record = new_record(gaj)
    number = record.index_number
    edit(record, as_admin, document_number="深南府办〔2026〕5号")
    assert record.index_number == number


def test_the_number_cannot_be_typed_in(gaj, new_record, as_admin):
    record = new_record(gaj)
    with pytest.raises(IndexNumberError, match="cannot be edited"):
        edit(record, as_admin, index_number=f"{gaj.org_code}/{YEAR}-99999")


def test_after_publication_number_and_department_are_frozen(gaj, new_record, as_admin):
    record = new_record(gaj)
    number = record.index_number
    with as_admin():
        api.content.transition(record, to_state="published")
    with pytest.raises(IndexNumberError, match="has been published"):
        edit(record, as_admin, department="czj")
    record.department = "gaj"
    with pytest.raises(IndexNumberError, match="has been published"):
        edit(record, as_admin, index_number="X")
    record.index_number = number


def test_a_retracted_record_keeps_its_frozen_number(gaj, new_record, as_admin):
    record = new_record(gaj)
    with as_admin():
        api.content.transition(record, to_state="published")
        api.content.transition(record, to_state="draft")
    with pytest.raises(IndexNumberError, match="has been published"):
        edit(record, as_admin, department="czj")


def test_department_without_org_code_gives_a_clear_error(gaj, new_record):
    gaj.org_code = None
    with pytest.raises(IndexNumberError, match="unified social credit code"):
        new_record(gaj)


def test_record_naming_an_unknown_department_gives_a_clear_error(gaj, new_record):
    with pytest.raises(IndexNumberError, match="no publishing department"):
        new_record(gaj, department="no-such-bureau")
