"""The board page (政务知道): published questions, newest, most voted or unanswered.

Read from the catalog only: state, department and votes are metadata; the number
of answers comes from one query for the answers of the questions on the page.
"""

from collections import Counter
from urllib.parse import urlencode

from DateTime import DateTime
from plone import api
from plone.base.batch import Batch
from Products.Five.browser import BrowserView

from zhengwu import _
from zhengwu.formatting import format_date
from zhengwu.formatting import format_number
from zhengwu.participation.browser.labels import PUBLIC_QUESTION_STATES
from zhengwu.participation.browser.labels import catalog_search
from zhengwu.participation.browser.labels import department_titles
from zhengwu.participation.browser.labels import state_badge
from zhengwu.vocabularies.language import language_of

PAGE_SIZE = 20
HOT_DAYS = 30
HOT_LIMIT = 5
ANSWER_TYPES = ("Answer", "OfficialAnswer")
# sort → (title, catalog query changes)
SORTS = {
    "newest": (_("Newest"), {"sort_on": "created", "sort_order": "descending"}),
    "votes": (_("Most votes"), {"sort_on": "votes", "sort_order": "descending"}),
    "unanswered": (
        _("Unanswered"),
        {
            "review_state": "open",
            "sort_on": "created",
            "sort_order": "descending",
        },
    ),
}


class BoardView(BrowserView):
    """Default view of the QuestionBoard."""

    def __call__(self):
        self.language = language_of(self.context)
        self.departments = department_titles(self.context)
        self.sort = self._choice("sort", SORTS, "newest")
        self.department = self._choice("department", self.departments, "")
        results = self._questions()
        self.batch = Batch(results, PAGE_SIZE, self._start(len(results)))
        return self.index()

    def _choice(self, name, known, default):
        value = self.request.form.get(name, default)
        return value if isinstance(value, str) and value in known else default

    def _start(self, length):
        value = self.request.form.get("b_start", "0")
        if isinstance(value, str) and value.isdigit() and int(value) < max(length, 1):
            return int(value)
        return 0

    def _path(self):
        return "/".join(self.context.getPhysicalPath())

    def _questions(self):
        query = {
            "portal_type": "Question",
            "path": {"query": self._path(), "depth": 1},
            "review_state": list(PUBLIC_QUESTION_STATES),
        }
        query.update(SORTS[self.sort][1])
        if self.department:
            query["department"] = self.department
        return catalog_search(**query)

    # what the template shows

    def url(self, **changes):
        """This page with the sort or department changed (None removes one)."""
        query = {"sort": self.sort, "department": self.department}
        query.update(changes)
        if query.get("sort") == "newest":
            query["sort"] = None
        query = [(name, value) for name, value in query.items() if value]
        base = self.context.absolute_url()
        return f"{base}?{urlencode(query)}" if query else base

    def sorts(self):
        return [
            {
                "title": title,
                "url": self.url(sort=name),
                "current": name == self.sort,
            }
            for name, (title, _query) in SORTS.items()
        ]

    def department_options(self):
        return [
            {"value": value, "title": title, "selected": value == self.department}
            for value, title in self.departments.items()
        ]

    def total(self):
        return format_number(self.batch.sequence_length, self.language)

    def _answer_counts(self, brains):
        paths = [brain.getPath() for brain in brains]
        if not paths:
            return Counter()
        answers = catalog_search(
            portal_type=list(ANSWER_TYPES),
            path={"query": paths, "depth": 1},
            review_state="published",
        )
        return Counter(brain.getPath().rsplit("/", 1)[0] for brain in answers)

    def _row(self, brain, counts):
        return {
            "url": brain.getURL(),
            "title": brain.Title,
            "badge": state_badge(brain.review_state),
            "department": self.departments.get(brain.department or "", ""),
            "answers": format_number(counts.get(brain.getPath(), 0), self.language),
            "votes": format_number(brain.votes or 0, self.language),
            "date": format_date(brain.created, self.language),
            "iso_date": brain.created.ISO8601()[:10],
        }

    def rows(self):
        brains = list(self.batch)
        counts = self._answer_counts(brains)
        return [self._row(brain, counts) for brain in brains]

    def hot(self):
        """The most voted questions asked in the last 30 days."""
        brains = catalog_search(
            portal_type="Question",
            path={"query": self._path(), "depth": 1},
            review_state=list(PUBLIC_QUESTION_STATES),
            created={"query": DateTime() - HOT_DAYS, "range": "min"},
            sort_on="votes",
            sort_order="descending",
            sort_limit=HOT_LIMIT,
        )[:HOT_LIMIT]
        return [
            {
                "url": brain.getURL(),
                "title": brain.Title,
                "votes": format_number(brain.votes or 0, self.language),
            }
            for brain in brains
        ]

    def is_member(self):
        return not api.user.is_anonymous()
