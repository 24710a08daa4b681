"""The question page: the question, the official answer first, then citizens' answers.

Everything a citizen wrote is plain text shown escaped: the details and answers are
split into paragraphs here and never rendered as ``structure``.
"""

import re
from urllib.parse import urlencode

from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

from zhengwu import _
from zhengwu.formatting import format_date
from zhengwu.formatting import format_number
from zhengwu.participation import votes
from zhengwu.participation.browser.labels import PUBLIC_QUESTION_STATES
from zhengwu.participation.browser.labels import DisplayNames
from zhengwu.participation.browser.labels import catalog_search
from zhengwu.participation.browser.labels import current_userid
from zhengwu.participation.browser.labels import department_titles
from zhengwu.participation.browser.labels import last_comment
from zhengwu.participation.browser.labels import state_badge
from zhengwu.safety.honeypot import HONEYPOT_FIELD
from zhengwu.safety.honeypot import HONEYPOT_LABEL
from zhengwu.theming.portlets import without_portlets
from zhengwu.vocabularies.language import language_of

ADD_ANSWER = "zhengwu: Add Answer"
MODERATE = "zhengwu: Moderate posts"
# What a reporter may say is wrong with a post (the reason sent to the moderators).
REPORT_REASONS = {
    "advertising": _("Advertising or spam"),
    "abuse": _("Abusive or offensive"),
    "personal-data": _("Reveals personal data"),
    "false": _("False or misleading"),
    "other": _("Something else"),
}
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraphs(text):
    """Plain text as a list of paragraphs (their single line breaks are kept)."""
    return [part for part in _PARAGRAPH_BREAK.split(text or "") if part.strip()]


def is_owner(obj, userid):
    return bool(userid) and userid in obj.users_with_local_role("Owner")


class QuestionView(BrowserView):
    """Default view of a Question; ``@@answer`` renders it again after an error."""

    post_macros = ViewPageTemplateFile("templates/post_macros.pt")
    honeypot_field = HONEYPOT_FIELD
    honeypot_label = HONEYPOT_LABEL
    answer_text = ""
    answer_error = None

    def __call__(self):
        without_portlets(self.request)
        self.language = language_of(self.context)
        self.userid = current_userid()
        self.names = DisplayNames()
        self.departments = department_titles(self.context)
        self.state = api.content.get_state(self.context, default=None)
        return self.index()

    # the question

    def question(self):
        context = self.context
        guide = self._guide()
        return {
            "title": context.Title(),
            "paragraphs": paragraphs(getattr(context, "details", "")),
            "asker": self.names(context.Creator()),
            "date": format_date(context.created(), self.language),
            "iso_date": context.created().ISO8601()[:10],
            "department": self.departments.get(
                getattr(context, "department", None) or "", ""
            ),
            "badge": state_badge(self.state),
            "guide": guide,
            "votes": self.vote_info(context),
        }

    def _guide(self):
        relation = getattr(self.context, "guide", None)
        if relation is None or relation.isBroken():
            return None
        guide = relation.to_object
        if guide is None or not api.user.has_permission("View", obj=guide):
            return None
        return {"title": guide.Title(), "url": guide.absolute_url()}

    def is_asker(self):
        return is_owner(self.context, self.userid)

    def is_public(self):
        return self.state in PUBLIC_QUESTION_STATES

    def rejection_reason(self):
        if self.state != "rejected":
            return ""
        return last_comment(self.context)

    def is_held(self):
        return bool(getattr(self.context, "held_words", ()))

    # answers

    def _answers(self):
        return catalog_search(
            portal_type=["Answer", "OfficialAnswer"],
            path={"query": "/".join(self.context.getPhysicalPath()), "depth": 1},
            sort_on="created",
        )

    def _answer(self, brain, accepted_uid):
        answer = brain.getObject()
        official = brain.portal_type == "OfficialAnswer"
        published = brain.review_state == "published"
        author = (
            self.departments.get(getattr(answer, "department", None) or "", "")
            if official
            else self.names(brain.Creator)
        )
        return {
            "id": f"answer-{brain.getId}",
            "url": brain.getURL(),
            "official": official,
            "accepted": accepted_uid == brain.UID,
            "published": published,
            "badge": None if published else state_badge(brain.review_state),
            "author": author,
            "paragraphs": paragraphs(getattr(answer, "text", "")),
            "date": format_date(brain.created, self.language),
            "iso_date": brain.created.ISO8601()[:10],
            "votes": self.vote_info(answer) if published else None,
            "may_accept": published
            and not accepted_uid
            and self.is_asker()
            and self.state in ("open", "answered")
            and not is_owner(answer, self.userid),
            "reportable": published and not official,
            "mine": is_owner(answer, self.userid),
            "reason": last_comment(answer) if brain.review_state == "rejected" else "",
        }

    def answers(self):
        """(official answers, citizens' answers): the accepted one first, then by
        votes, then oldest first."""
        accepted = getattr(self.context, "accepted_answer", None) or ""
        rows = [self._answer(brain, accepted) for brain in self._answers()]
        official = [row for row in rows if row["official"]]
        citizens = [row for row in rows if not row["official"]]
        citizens.sort(
            key=lambda row: (
                not row["accepted"],
                -(row["votes"]["count"] if row["votes"] else 0),
            )
        )
        official.sort(key=lambda row: (not row["accepted"], not row["published"]))
        return official, citizens

    # votes, answering, reporting

    def vote_info(self, obj):
        count = votes.vote_count(obj)
        return {
            "count": count,
            "text": format_number(count, self.language),
            "voted": bool(self.userid) and votes.has_voted(obj, self.userid),
            "may_vote": bool(self.userid)
            and self.is_public()
            and not is_owner(obj, self.userid),
            "action": f"{obj.absolute_url()}/@@vote",
        }

    def can_answer(self):
        return bool(self.userid) and bool(
            api.user.has_permission(ADD_ANSWER, obj=self.context)
        )

    def takes_answers(self):
        """True when a member could answer (shown as a log-in link to visitors)."""
        return self.state in ("open", "answered")

    def login_url(self):
        portal_url = api.portal.get().absolute_url()
        query = urlencode({"came_from": self.context.absolute_url()})
        return f"{portal_url}/login?{query}"

    def report_reasons(self):
        return [{"value": key, "title": title} for key, title in REPORT_REASONS.items()]

    def may_report_question(self):
        return bool(self.userid) and self.is_public() and not self.is_asker()
