"""``@@care-application`` on the care guide (居家养老申请): the citizen's form.

Members only (anonymous visitors get Plone's login form, coming back here). The
form keeps what was typed when it is refused, each field's error beside it; the
files must be chosen again (browsers never refill file inputs). An accepted
application sends the applicant to it.
"""

from plone import api
from plone.protect.authenticator import check as check_authenticator
from Products.Five.browser import BrowserView
from zExceptions import Forbidden
from zExceptions import NotFound
from zExceptions import Unauthorized

from zhengwu import _
from zhengwu.care import applying
from zhengwu.content.care_application import ADDRESS_MAX
from zhengwu.content.care_application import CARE_NEEDS
from zhengwu.content.care_application import DISABILITY_LEVELS
from zhengwu.content.care_application import NAME_MAX
from zhengwu.content.care_application import SITUATION_MAX
from zhengwu.safety.attachments import limits

GUIDE_RECORD = "zhengwu.care.guide"
TEXT_FIELDS = ("applicant_name", "id_number", "phone", "address", "situation")
FILE_FIELDS = ("id_card", "assessment")


def is_care_guide(guide):
    """True for the guide whose "Apply online" opens the care application form."""
    wanted = api.portal.get_registry_record(GUIDE_RECORD, default=None)
    return bool(wanted) and guide.getId() == wanted


def care_form_url(guide):
    """The form's address on ``guide``, or None for any other guide."""
    return (
        f"{guide.absolute_url()}/@@care-application" if is_care_guide(guide) else None
    )


def _files(request, most_bytes):
    """[(kind, bytes, name)] of the file inputs; at most one byte over the limit is
    read, so a huge upload is refused without being held in memory."""
    files = []
    for kind in FILE_FIELDS:
        uploads = request.form.get(kind) or []
        if not isinstance(uploads, list):
            uploads = [uploads]
        for upload in uploads:
            name = getattr(upload, "filename", "") or ""
            if not name or not hasattr(upload, "read"):
                continue
            files.append((kind, upload.read(most_bytes + 1), name))
    return files


class CareApplicationForm(BrowserView):
    name_max = NAME_MAX
    address_max = ADDRESS_MAX
    situation_max = SITUATION_MAX

    def __call__(self):
        if not is_care_guide(self.context):
            raise NotFound(self.context, "care-application", self.request)
        if api.user.is_anonymous():
            raise Unauthorized("Log in to apply.")
        self.errors = {}
        self.message = None
        form = self.request.form
        self.values = {name: _str(form.get(name)) for name in TEXT_FIELDS}
        self.values["disability_level"] = _str(form.get("disability_level"))
        needs = form.get("care_needs") or []
        self.values["care_needs"] = [needs] if isinstance(needs, str) else needs
        self.values["lives_alone"] = bool(form.get("lives_alone"))
        self.values["consent"] = bool(form.get("consent"))
        if self.request.method == "POST" and "form.submitted" in form:
            return self._handle()
        return self.index()

    def _handle(self):
        try:
            check_authenticator(self.request)
        except Forbidden:
            self.request.response.setStatus(403)
            self.message = _("Your form has expired. Please send it again.")
            return self.index()
        files = _files(self.request, limits()[1])
        try:
            application = applying.make_application(self.request, self.values, files)
        except applying.ApplicationError as error:
            self.errors = error.errors
            self.message = error.errors.get("") or _(
                "Please correct the fields marked below."
            )
            self.request.response.setStatus(400)
            return self.index()
        api.portal.show_message(
            _(
                "Thank you. Your application ${reference} has been submitted; you "
                "will be told by e-mail when it is decided.",
                mapping={"reference": application.Title()},
            ),
            self.request,
        )
        self.request.response.redirect(application.absolute_url())
        return ""

    # what the template shows

    def needs(self):
        chosen = set(self.values["care_needs"])
        return [
            {"value": t.value, "title": t.title, "checked": t.value in chosen}
            for t in CARE_NEEDS
        ]

    def levels(self):
        chosen = self.values["disability_level"]
        return [
            {"value": t.value, "title": t.title, "selected": t.value == chosen}
            for t in DISABILITY_LEVELS
        ]

    def limits(self):
        count, most_bytes = limits()
        return {"count": count, "mb": round(most_bytes / 1048576, 1)}


def _str(value):
    return value if isinstance(value, str) else ""
