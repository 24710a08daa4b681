"""The life of a letter (来信): received, routed, accepted, answered, rated.

One path for the form, REST and the demo. A letter is made by the portal in the
site's LetterBox, numbered, routed to a department (the one the writer's words
suggest through 政务知道's router, unless given) whose groups get their
department roles on it; the writer gets the query code once. The department's
steps are workflow transitions, guarded by its roles (``zhengwu_letter``); the
dates they set count the working-day deadlines (``deadlines.py``).
"""

import secrets

from persistent import Persistent
from plone import api
from plone.namedfile.file import NamedBlobFile

from zhengwu import _
from zhengwu.annotations import annotation_store
from zhengwu.interaction import tracking
from zhengwu.interaction.settings import site_channels
from zhengwu.participation.departments import grant_department
from zhengwu.participation.departments import hand_over
from zhengwu.participation.routing_site import router_for

TYPE = "Letter"
BOX_RECORD = "zhengwu.interaction.box"
SECRET_KEY = "zhengwu.interaction.secret"  # noqa: S105 - an annotation key
SYSTEM_ROLES = ["Manager"]
RATINGS = ("satisfied", "basically", "unsatisfied")
DUMMY_NUMBER = "X-00000000-AAAAAA"


class LetterRefused(ValueError):
    """A step that may not be taken on this letter now; ``message`` says why."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class _Secret(Persistent):
    def __init__(self):
        self.value = secrets.token_bytes(32)


def letter_secret(site=None):
    """The site's secret of query codes (32 random bytes), made on first use."""
    site = site if site is not None else api.portal.get()
    return annotation_store(site, SECRET_KEY, _Secret, create=True).value


def letter_box(site=None):
    """The site's LetterBox (registry ``zhengwu.interaction.box``), or None."""
    site = site if site is not None else api.portal.get()
    path = api.portal.get_registry_record(BOX_RECORD, default=None)
    return site.unrestrictedTraverse(path, None) if path else None


def routed_department(site, written):
    """The department 政务知道's router suggests for the letter's words, or None."""
    suggestions = router_for(site).suggest(f"{written.subject}\n{written.body}", 1)
    return suggestions[0].department if suggestions else None


def receive(site, written, today, department=None, userid=None):
    """File ``written`` (a WrittenLetter) received on ``today``; (letter, query
    code). The code is returned once and kept only as a digest."""
    box = letter_box(site)
    channel = site_channels(site).get(written.channel)
    if box is None or channel is None:
        raise LetterRefused(_("No letters can be written to this site."))
    number = tracking.new_tracking_number(
        channel, today, taken=lambda n: n.lower() in box.objectIds()
    )
    code = tracking.new_query_code()
    with api.env.adopt_roles(SYSTEM_ROLES):
        letter = api.content.create(
            container=box,
            type=TYPE,
            id=number.lower(),
            title=number,
            channel=channel.id,
            topic=written.subject,
            body=written.body,
            public=written.public,
            publish_consent=written.publish_consent,
            writer_name=written.writer_name,
            writer_phone=written.writer_phone,
            department=department or routed_department(site, written) or "",
            received=today,
        )
        for number_of_file, upload in enumerate(written.uploads, start=1):
            api.content.create(
                container=letter,
                type="LetterAttachment",
                id=f"attachment-{number_of_file}",
                title=upload.filename,
                file=NamedBlobFile(
                    upload.data,
                    contentType=upload.content_type,
                    filename=upload.filename,
                ),
            )
    letter.query_code_digest = tracking.code_digest(number, code, letter_secret(site))
    _set_owner(letter, userid)
    grant_department(letter)
    letter.reindexObject()
    return letter, code


def _set_owner(letter, userid):
    people = [p for p, _r in letter.get_local_roles() if api.group.get(p) is None]
    if people:
        letter.manage_delLocalRoles(people)
    if userid:
        letter.setCreators([userid])
        letter.manage_setLocalRoles(userid, ["Owner"])
    else:
        letter.setCreators([])


def find(site, number, code):
    """The letter of tracking ``number`` when ``code`` is its query code, else
    None: a wrong number and a wrong code look the same."""
    box = letter_box(site)
    number = tracking.normal_tracking_number(number)
    letter = box.get(number.lower()) if box is not None and number else None
    stored = getattr(letter, "query_code_digest", "") if letter is not None else ""
    secret = letter_secret(site)
    if letter is None or not stored:
        tracking.code_digest(DUMMY_NUMBER, code or "", secret)  # as slow as a check
        return None
    return letter if tracking.code_matches(number, code, stored, secret) else None


def _transition(letter, transition, comment=""):
    api.portal.get_tool("portal_workflow").doActionFor(
        letter, transition, comment=comment
    )


def accept(letter, today):
    """The department accepts the letter (受理) on ``today``."""
    _transition(letter, "accept")
    letter.accepted = today
    letter.reindexObject()


def refuse(letter, reason, today):
    """The department refuses the letter, telling the writer why."""
    if not (reason or "").strip():
        raise LetterRefused(_("A refusal needs its reason."))
    _transition(letter, "refuse", comment=reason)
    letter.refusal_reason = reason.strip()
    letter.answered = today
    letter.reindexObject()


def merge(letter, original, today):
    """``letter`` repeats ``original``: it is answered with it."""
    if original is None or original == letter or original.portal_type != TYPE:
        raise LetterRefused(_("A letter is merged into another letter."))
    _transition(letter, "merge", comment=original.Title())
    letter.merged_into = original.Title()
    letter.answered = today
    letter.reindexObject()


def transfer(letter, department_id):
    """The letter goes to another department (转办): its groups take it over."""
    if api.content.get_state(letter) not in ("received", "accepted"):
        raise LetterRefused(_("Only a letter being handled can be transferred."))
    if not api.user.has_permission("Modify portal content", obj=letter):
        raise LetterRefused(_("Only the letter's department can transfer it."))
    letter.department = department_id
    hand_over(letter)
    letter.reindexObject()


def submit_reply(letter, reply):
    """The department's reply goes to its leader for approval."""
    if not (reply or "").strip():
        raise LetterRefused(_("A reply needs its text."))
    if not api.user.has_permission("Modify portal content", obj=letter):
        raise LetterRefused(_("Only the letter's department can reply."))
    letter.reply = reply.strip()
    _transition(letter, "submit_reply")


def approve_reply(letter, today):
    """The leader approves the reply: the letter is answered (办结) on ``today``."""
    _transition(letter, "approve_reply")
    letter.answered = today
    letter.reindexObject()


def rate(letter, rating):
    """The writer rates the reply (满意, 基本满意, 不满意)."""
    if api.content.get_state(letter) != "answered":
        raise LetterRefused(_("Only an answered letter can be rated."))
    if rating not in RATINGS:
        raise LetterRefused(_("Please choose from the list."))
    letter.rating = rating


def reopen(letter):
    """The writer, not satisfied, reopens the answered letter, once."""
    if api.content.get_state(letter) != "answered" or letter.reopened:
        raise LetterRefused(_("A letter can be reopened once, after its answer."))
    # The writer, proven by the query code, may have no account and no role: the
    # portal takes the step for them, past the transition's guard.
    workflow = api.portal.get_tool("portal_workflow").getWorkflowsFor(letter)[0]
    workflow._executeTransition(
        letter, workflow.transitions["reopen"], {"comment": "reopened by the writer"}
    )
    letter.reopened = True
    letter.answered = None
    letter.reindexObject()
