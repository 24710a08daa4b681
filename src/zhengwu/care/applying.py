"""Making a care application (居家养老申请): checked, then filed in the queue.

One path for the form and for tests: every field is checked and all refusals are
returned together (``ApplicationError.errors``, field → message), so nothing typed
is lost. The application is made by the portal on the applicant's behalf (citizens
hold no add permission in a department) and the applicant is its Owner: they and
the department's staff see it, nobody else.
"""

import datetime
import secrets

from plone import api
from plone.namedfile.file import NamedBlobFile
from zExceptions import Unauthorized

from zhengwu import _
from zhengwu.bookings.ledger import Refused
from zhengwu.bookings.people import checked_id_number
from zhengwu.content.care_application import ADDRESS_MAX
from zhengwu.content.care_application import ATTACHMENT_KINDS
from zhengwu.content.care_application import CARE_NEEDS
from zhengwu.content.care_application import DISABILITY_LEVELS
from zhengwu.content.care_application import NAME_MAX
from zhengwu.content.care_application import SITUATION_MAX
from zhengwu.masking import is_mobile_phone
from zhengwu.participation.posting import check_rate
from zhengwu.safety.attachments import AttachmentError
from zhengwu.safety.attachments import checked_uploads
from zhengwu.safety.text import PostError
from zhengwu.safety.text import clean_plain_text
from zhengwu.workflows.tasks import TIMEZONE

FOLDER_RECORD = "zhengwu.care.folder"
TYPE = "CareApplication"
REQUIRED_KIND = "id_card"


class ApplicationError(ValueError):
    """The application is refused; ``errors`` maps each field to why."""

    def __init__(self, errors):
        super().__init__(sorted(errors))
        self.errors = errors


def care_folder():
    """The folder where applications land (registry ``zhengwu.care.folder``), or
    None when the site has none."""
    path = api.portal.get_registry_record(FOLDER_RECORD, default=None)
    if not path:
        return None
    return api.portal.get().unrestrictedTraverse(path, None)


def new_reference(today=None):
    """A reference such as ``JY-20270315-4F2A``: the day and four random hex digits."""
    today = today or datetime.datetime.now(TIMEZONE).date()
    return f"JY-{today:%Y%m%d}-{secrets.token_hex(2).upper()}"


def _text(form, name, max_length, errors, required=True):
    try:
        return clean_plain_text(
            form.get(name) or "", max_length, field=name, required=required
        )
    except PostError as error:
        errors[name] = error.message
        return ""


def checked_fields(form):
    """The schema fields of ``form`` (a mapping of strings, lists and bools);
    ApplicationError with every refusal."""
    errors = {}
    fields = {
        "applicant_name": _text(form, "applicant_name", NAME_MAX, errors),
        "address": _text(form, "address", ADDRESS_MAX, errors),
        "situation": _text(form, "situation", SITUATION_MAX, errors, required=False),
    }
    try:
        fields["id_number"] = checked_id_number(form.get("id_number"))
    except Refused:
        errors["id_number"] = _(
            "This is not a valid resident ID number: please check the 18 characters."
        )
    phone = "".join(str(form.get("phone") or "").split())
    if not is_mobile_phone(phone):
        errors["phone"] = _("Please give an 11-digit mobile number.")
    fields["phone"] = phone
    needs = form.get("care_needs") or []
    needs = [needs] if isinstance(needs, str) else list(needs)
    if not all(isinstance(n, str) and n in CARE_NEEDS for n in needs):
        errors["care_needs"] = _("Please choose from the list.")
    fields["care_needs"] = [n for n in needs if n in CARE_NEEDS]
    level = form.get("disability_level")
    if not isinstance(level, str) or level not in DISABILITY_LEVELS:
        errors["disability_level"] = _("Please choose from the list.")
    fields["disability_level"] = level
    fields["lives_alone"] = bool(form.get("lives_alone"))
    if not form.get("consent"):
        errors["consent"] = _("Without your consent the application cannot be handled.")
    fields["consent"] = bool(form.get("consent"))
    return fields, errors


def _uploads(files, errors):
    if not any(kind == REQUIRED_KIND for kind, _data, _name in files):
        errors["attachments"] = _("Please attach a copy of the identity card.")
        return []
    if not all(kind in ATTACHMENT_KINDS for kind, _data, _name in files):
        errors["attachments"] = _("Please choose from the list.")
        return []
    try:
        return checked_uploads(files)
    except AttachmentError as error:
        errors["attachments"] = error.message
        return []


def make_application(request, form, files, rate_limited=True):
    """The logged-in member's application from ``form`` and ``files`` ([(kind,
    bytes, file name)]), filed in the care folder. ApplicationError if refused.
    ``rate_limited=False`` for the demo data, which no person sends."""
    if api.user.is_anonymous():
        raise Unauthorized("Log in to apply.")
    folder = care_folder()
    if folder is None:
        raise ApplicationError({"": _("Applications cannot be made on this site.")})
    userid = api.user.get_current().getId()
    fields, errors = checked_fields(form)
    uploads = _uploads(files, errors)
    if errors:
        raise ApplicationError(errors)
    try:
        if rate_limited:
            check_rate(request, userid)
    except PostError as error:
        raise ApplicationError({"": error.message}) from None
    reference = new_reference()
    with api.env.adopt_roles(["Manager"]):
        application = api.content.create(
            container=folder,
            type=TYPE,
            id=reference.lower(),
            title=reference,
            **fields,
        )
        for number, upload in enumerate(uploads, start=1):
            api.content.create(
                container=application,
                type="CareAttachment",
                id=f"attachment-{number}",
                title=upload.filename,
                kind=upload.kind,
                file=NamedBlobFile(
                    upload.data,
                    contentType=upload.content_type,
                    filename=upload.filename,
                ),
            )
    application.setCreators([userid])
    application.manage_setLocalRoles(userid, ["Owner"])
    application.reindexObject()
    application.reindexObjectSecurity()
    return application
