"""Making a care application: every field checked, files checked by content."""

import pytest
from care_helpers import EXE
from care_helpers import PDF
from care_helpers import PNG
from care_helpers import VALID_ID
from care_helpers import apply_as
from care_helpers import citizen
from care_helpers import id_number
from plone import api
from plone.app.testing import logout
from zExceptions import Unauthorized
from zope.globalrequest import getRequest

from zhengwu.care.applying import ApplicationError
from zhengwu.care.applying import care_folder
from zhengwu.care.applying import make_application
from zhengwu.safety.attachments import sniff


def _count():
    return len(care_folder().objectIds())


def test_a_citizens_application_lands_submitted_in_the_civil_affairs_queue(care_site):
    application = apply_as(citizen())
    assert application.aq_parent.getId() == "care-applications"
    assert application.aq_parent.aq_parent.getId() == "mzj"
    assert api.content.get_state(application) == "submitted"
    assert application.listCreators() == ("citizen-li",)
    assert application.get_local_roles_for_userid("citizen-li") == ("Owner",)
    assert application.id_number == VALID_ID
    attachment = application["attachment-1"]
    assert attachment.file.contentType == "application/pdf"
    # The stored name says what the file is, never what the citizen called it.
    assert attachment.file.filename == "id_card-1.pdf"


def test_the_title_is_the_reference_only(care_site):
    application = apply_as(citizen())
    assert application.Title().startswith("JY-")
    assert "李" not in application.Title()
    brain = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        UID=application.UID()
    )[0]
    for value in (brain.Title, brain.Description):
        assert VALID_ID not in value and "13812345678" not in value


def test_anonymous_cannot_apply(care_site):
    logout()
    with pytest.raises(Unauthorized):
        make_application(getRequest(), {}, [])


@pytest.mark.parametrize(
    "first17", ["44030519900101123", "11010519491231002"], ids=["digit", "x"]
)
def test_an_id_number_with_a_valid_check_digit_is_accepted(care_site, first17):
    number = id_number(first17)
    assert apply_as(citizen(), id_number=number.lower()).id_number == number


def test_a_wrong_check_digit_is_refused_and_nothing_is_made(care_site):
    wrong = VALID_ID[:-1] + ("0" if VALID_ID[-1] != "0" else "1")
    before = _count()
    with pytest.raises(ApplicationError) as refused:
        apply_as(citizen(), id_number=wrong)
    assert set(refused.value.errors) == {"id_number"}
    assert _count() == before


def test_every_bad_field_is_reported_at_once(care_site):
    with pytest.raises(ApplicationError) as refused:
        apply_as(
            citizen(),
            applicant_name=" ",
            phone="0755-1234",
            address="",
            disability_level="very",
            care_needs=["meals", "flying"],
            consent=False,
        )
    assert set(refused.value.errors) == {
        "applicant_name",
        "phone",
        "address",
        "disability_level",
        "care_needs",
        "consent",
    }


def test_a_program_named_pdf_is_refused_by_its_content(care_site):
    with pytest.raises(ApplicationError) as refused:
        apply_as(citizen(), files=[("id_card", EXE, "身份证.pdf")])
    assert set(refused.value.errors) == {"attachments"}


def test_a_png_named_txt_is_accepted_as_png(care_site):
    application = apply_as(citizen(), files=[("id_card", PNG, "scan.txt")])
    assert application["attachment-1"].file.contentType == "image/png"


def test_a_file_over_the_limit_is_refused(care_site):
    api.portal.set_registry_record("zhengwu.care.max_attachment_kb", 1)
    big = PDF + b"0" * 2048
    with pytest.raises(ApplicationError) as refused:
        apply_as(citizen(), files=[("id_card", big, "id.pdf")])
    assert set(refused.value.errors) == {"attachments"}


def test_too_many_files_are_refused(care_site):
    files = [("id_card", PDF, "id.pdf")] + [("assessment", PDF, "a.pdf")] * 5
    before = _count()
    with pytest.raises(ApplicationError) as refused:
        apply_as(citizen(), files=files)
    assert set(refused.value.errors) == {"attachments"}
    assert _count() == before


def test_five_files_are_accepted(care_site):
    files = [("id_card", PDF, "id.pdf")] + [("assessment", PNG, "a.png")] * 4
    assert len(apply_as(citizen(), files=files).objectIds()) == 5


def test_the_copy_of_the_id_card_is_required(care_site):
    with pytest.raises(ApplicationError) as refused:
        apply_as(citizen(), files=[("assessment", PDF, "a.pdf")])
    assert set(refused.value.errors) == {"attachments"}


def test_an_empty_file_is_refused(care_site):
    with pytest.raises(ApplicationError):
        apply_as(citizen(), files=[("id_card", b"", "id.pdf")])


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (PDF, "application/pdf"),
        (PNG, "image/png"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 8, "image/jpeg"),
        (EXE, None),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", None),
        (b"GIF89a", None),
    ],
)
def test_the_kind_of_a_file_is_read_from_its_first_bytes(data, found):
    assert (sniff(data) or (None,))[0] == found
