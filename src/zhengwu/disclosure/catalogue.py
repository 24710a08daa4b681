"""@@disclosure: the government information disclosure catalogue (政府信息公开目录).

The published DisclosureRecords of a language root (or of one Department), newest
first, browsable by topic, genre, publishing body and year. One catalog query gives
the brains in scope; their metadata (``topic_category``, ``genre``, ``department``,
``validity``) is counted in Python, no object is woken: a district has a few hundred
records.

Each facet counts the records that match every *other* chosen filter, so a visitor
sees how many records each alternative would give. Parameters the catalogue cannot
use (an unknown topic, a year that is not a number, a broken ``b_start``) are ignored
with a notice; the page never fails on them.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from plone.base.batch import Batch
from Products.Five.browser import BrowserView
from zope.component import queryUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

from zhengwu import _
from zhengwu.content.department import IDepartment
from zhengwu.formatting import format_date
from zhengwu.formatting import format_number
from zhengwu.vocabularies.language import language_of

PAGE_SIZE = 20
FACETS = (
    ("topic", _("Topic"), "zhengwu.DisclosureTopics"),
    ("genre", _("Genre"), "zhengwu.DisclosureGenres"),
    ("department", _("Publishing body"), "zhengwu.Departments"),
    ("year", _("Year"), None),
)
YEARS = range(1900, 3000)


@dataclass(frozen=True)
class Record:
    """A catalogued record: its brain and its value in each facet."""

    brain: object
    values: dict
    valid: bool


def _year(brain):
    effective = brain.effective
    if effective is None or effective.year() < 1900:
        effective = brain.created
    return str(effective.year())


def published_records(context):
    """The published records under ``context`` the visitor may see, newest first."""
    catalog = context.portal_catalog
    brains = catalog.searchResults(
        portal_type="DisclosureRecord",
        path="/".join(context.getPhysicalPath()),
        review_state="published",
        sort_on="effective",
        sort_order="descending",
    )
    records = []
    for brain in brains:
        values = {
            "topic": brain.topic_category or "",
            "genre": brain.genre or "",
            "department": brain.department or "",
            "year": _year(brain),
        }
        records.append(Record(brain, values, brain.validity != "invalid"))
    return records


def matching(records, chosen, leave_out=None):
    """The records matching every chosen filter except ``leave_out``."""
    wanted = {name: value for name, value in chosen.items() if name != leave_out}
    return [
        record
        for record in records
        if all(record.values[name] == value for name, value in wanted.items())
    ]


def _titles(context, vocabulary_name):
    """value → title of a vocabulary, in its order (empty when it is missing)."""
    factory = queryUtility(IVocabularyFactory, name=vocabulary_name)
    if factory is None:
        return {}
    return {term.value: term.title or term.value for term in factory(context)}


class DisclosureCatalogue(BrowserView):
    """The catalogue page; on a Department, that department's records only."""

    def __call__(self):
        self.language = language_of(self.context)
        self.facets = [
            facet
            for facet in FACETS
            if not (facet[0] == "department" and IDepartment.providedBy(self.context))
        ]
        self.titles = {
            name: _titles(self.context, vocabulary) if vocabulary else None
            for name, _title, vocabulary in self.facets
        }
        self.notices = []
        self.chosen = self._parse_filters()
        self.records = published_records(self.context)
        results = matching(self.records, self.chosen)
        self.batch = Batch(results, PAGE_SIZE, self._batch_start(len(results)))
        return self.index()

    # request parameters

    def _ignore(self, title, value):
        self.notices.append(
            _(
                "The ${filter} \u201c${value}\u201d is not known; it is ignored.",
                mapping={
                    "filter": translate(title, context=self.request),
                    "value": value,
                },
            )
        )

    def _known(self, name, value):
        if name == "year":
            return value.isdigit() and int(value) in YEARS
        return value in self.titles[name]

    def _parse_filters(self):
        chosen = {}
        for name, title, _vocabulary in self.facets:
            value = self.request.form.get(name)
            if value in (None, ""):
                continue
            value = value if isinstance(value, str) else ", ".join(map(str, value))
            if self._known(name, value.strip()):
                chosen[name] = value.strip()
            else:
                self._ignore(title, value)
        return chosen

    def _batch_start(self, length):
        value = self.request.form.get("b_start", "0") or "0"
        if isinstance(value, str) and value.isdigit() and int(value) <= length:
            return int(value)
        self.notices.append(_("That page of the list does not exist: page 1 instead."))
        return 0

    # what the template shows

    def url(self, **changes):
        """This page with the chosen filters changed (None removes one)."""
        query = dict(self.chosen, **changes)
        query = [(name, value) for name, value in query.items() if value]
        base = f"{self.context.absolute_url()}/@@disclosure"
        return f"{base}?{urlencode(query)}" if query else base

    def title_of(self, name, value):
        titles = self.titles.get(name)
        return titles.get(value, value) if titles else value

    def options(self, name):
        """The facet's values with their counts under the other filters."""
        counts = {}
        for record in matching(self.records, self.chosen, leave_out=name):
            value = record.values[name]
            if value:
                counts[value] = counts.get(value, 0) + 1
        selected = self.chosen.get(name)
        order = self.titles[name] or sorted(set(counts) | {selected} - {None})[::-1]
        return [
            {
                "title": self.title_of(name, value),
                "count": format_number(counts.get(value, 0), self.language),
                "selected": value == selected,
                "url": self.url(**{name: None if value == selected else value}),
                "value": value,
            }
            for value in order
            if counts.get(value) or value == selected
        ]

    def facet_list(self):
        return [
            {"name": name, "title": title, "options": self.options(name)}
            for name, title, _vocabulary in self.facets
        ]

    def total(self):
        return format_number(self.batch.sequence_length, self.language)

    def rows(self):
        scoped = self.is_department()
        for record in self.batch:
            yield {
                "url": record.brain.getURL(),
                "title": record.brain.Title,
                "index_number": record.brain.index_number or "",
                "department": self.context.Title()
                if scoped
                else self.title_of("department", record.values["department"]),
                "date": format_date(record.brain.effective, self.language),
                "iso_date": record.brain.effective.ISO8601()[:10],
                "valid": record.valid,
            }

    def is_department(self):
        return IDepartment.providedBy(self.context)
