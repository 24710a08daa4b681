"""What an editor can change, for the control panel and the REST service alike.

Each function validates, stores and (for synonyms) sends the groups to Solr, and
returns a ``Change``: the message for the editor and whether Solr has it. Invalid
input raises a ``storage.CurationError`` before anything is stored.
"""

from dataclasses import dataclass

from zope.i18nmessageid import Message

from zhengwu import _
from zhengwu.search.curation import storage
from zhengwu.search.curation.normalize import normalize_query
from zhengwu.search.curation.solr_sync import push_synonyms
from zhengwu.search.curation.targets import resolve_pages

SOLR_LATER = _(
    "Saved. Solr cannot be reached now: search uses the change as soon as Solr "
    "answers again."
)


@dataclass(frozen=True)
class Change:
    message: Message
    synced: bool = True


def _synonyms_changed(site, message):
    return Change(message, synced=push_synonyms(site))


def add_group(site, terms):
    group = storage.add_synonym_group(site, terms)
    return _synonyms_changed(
        site, _("Synonym group added: ${group}", mapping={"group": " / ".join(group)})
    )


def change_group(site, term, terms):
    group = storage.replace_synonym_group(site, term, terms)
    return _synonyms_changed(
        site,
        _("Synonym group changed: ${group}", mapping={"group": " / ".join(group)}),
    )


def remove_group(site, term):
    group = storage.remove_synonym_group(site, term)
    return _synonyms_changed(
        site,
        _("Synonym group removed: ${group}", mapping={"group": " / ".join(group)}),
    )


def pin(site, query, references, creator):
    """Pin the published pages of ``references`` (UIDs, paths, URLs) to ``query``."""
    if not normalize_query(query):
        raise storage.CurationError(_("Enter the query the pages are pinned to."))
    bet = storage.set_best_bet(site, query, resolve_pages(site, references), creator)
    return Change(_("Best bet saved for ${query}.", mapping={"query": bet.query}))


def unpin(site, query):
    bet = storage.remove_best_bet(site, query)
    return Change(_("Best bet removed for ${query}.", mapping={"query": bet.query}))
