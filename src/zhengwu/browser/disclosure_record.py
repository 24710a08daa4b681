"""The citizen's page of a disclosure record (政府信息公开): the catalogue data, the
text, its attachments and the policy interpretations that explain it."""

from plone import api
from Products.Five.browser import BrowserView

from zhengwu import _
from zhengwu.browser import public_page
from zhengwu.browser.terms import term_title
from zhengwu.content.choices import DISCLOSURE_AREAS
from zhengwu.content.choices import DISCLOSURE_MODES
from zhengwu.content.choices import VALIDITY
from zhengwu.theming.portlets import without_portlets

INTERPRETS = "interprets"


class DisclosureRecordView(BrowserView):
    """Named ``view``: found before Dexterity's folder view of this container."""

    def __call__(self):
        without_portlets(self.request)
        return self.index()

    def facts(self):
        """(label, value) rows of the catalogue data that has a value."""
        record = self.context
        rows = [
            (_("Index number"), record.index_number),
            (_("Publishing body"), public_page.department_title(record)),
            (
                _("Topic"),
                term_title(record, "zhengwu.DisclosureTopics", record.topic_category),
            ),
            (_("Genre"), term_title(record, "zhengwu.DisclosureGenres", record.genre)),
            (_("Document number"), record.document_number),
            (_("Written date"), public_page.date_text(record, record.written_date)),
            (_("Publish date"), public_page.date_text(record, record.publish_date)),
            (
                _("Disclosure mode"),
                public_page.fixed_title(DISCLOSURE_MODES, record.disclosure_mode),
            ),
            (_("Validity"), public_page.fixed_title(VALIDITY, record.validity)),
            (
                _("Five disclosures"),
                public_page.fixed_title(DISCLOSURE_AREAS, record.disclosure_area),
            ),
            (_("Subject words"), "、".join(record.subject_words or ())),
        ]
        return [{"label": label, "value": value} for label, value in rows if value]

    def text(self):
        return public_page.rich_text(self.context)

    def attachments(self):
        """The record's files the visitor may download: title, URL, size."""
        found = []
        for obj in self.context.objectValues():
            if obj.portal_type != "File" or not public_page.visible(obj):
                continue
            blob = getattr(obj, "file", None)
            found.append(
                {
                    "title": obj.Title() or getattr(blob, "filename", obj.getId()),
                    "url": f"{obj.absolute_url()}/@@download/file",
                    "size": _size(getattr(blob, "size", 0)),
                }
            )
        return found

    def interpretations(self):
        """The policy interpretations of this record the visitor may open."""
        found = []
        for relation in api.relation.get(
            target=self.context, relationship=INTERPRETS, unrestricted=True
        ):
            source = relation.from_object
            if public_page.visible(source):
                found.append({"title": source.Title(), "url": source.absolute_url()})
        return found


def _size(size):
    """A file size for people: 12 KB, 1.4 MB."""
    if not size:
        return ""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB"
