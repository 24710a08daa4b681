"""A full Solr reindex of a site that makes the site's core match its catalog.

collective.solr's ``@@solr-maintenance/reindex`` walks the whole ZODB tree and sends
one HTTP request per object. This reads the catalog (the source of truth), builds
every document with collective.solr's own ``SolrIndexProcessor.getData`` (the same
fields and values an edit sends), posts them ``BATCH`` at a time as atomic "set"
updates (so ``popularity``, which only the search statistics set, survives), deletes
the documents of content the catalog no longer has, and commits once at the end.
"""

import json
import time
from dataclasses import dataclass
from urllib.parse import urlencode

from collective.solr.indexer import DefaultAdder
from collective.solr.indexer import SolrIndexProcessor
from collective.solr.indexer import boost_values
from collective.solr.interfaces import ICheckIndexable
from collective.solr.interfaces import ISolrAddHandler
from collective.solr.interfaces import ISolrConnectionManager
from collective.solr.utils import prepareData
from collective.solr.utils import translation_map
from Products.CMFCore.utils import getToolByName
from zope.component import getUtility
from zope.component import queryAdapter

BATCH = 500


@dataclass
class ReindexReport:
    indexed: int = 0
    deleted: int = 0
    seconds: float = 0.0

    @property
    def per_second(self):
        return self.indexed / self.seconds if self.seconds else 0.0


def _plain(value):
    """A value as collective.solr would write it, for JSON."""
    if isinstance(value, str):
        return value.translate(translation_map)
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value).translate(translation_map)


def atomic_document(data, key):
    """collective.solr's field values as one atomic update: every field "set",
    an empty list or None clears the field (as collective.solr's XML does)."""
    document = {key: data[key]}
    for name, value in data.items():
        if name == key:
            continue
        if isinstance(value, (list, tuple)):
            value = [_plain(item) for item in value] or None
        else:
            value = _plain(value)
        document[name] = {"set": value}
    return document


class SolrBatch:
    """JSON update requests on collective.solr's own connection to the site's core."""

    def __init__(self, connection):
        self.connection = connection
        self.headers = {**connection.formheaders, "Content-Type": "application/json"}

    def update(self, body, **params):
        url = f"{self.connection.solrBase}/update"
        if params:
            url += "?" + urlencode(params)
        response = self.connection.doPost(url, json.dumps(body), self.headers)
        response.read()

    def unique_keys(self, key):
        """Every uniqueKey value in the core, read with a cursor."""
        cursor = "*"
        while True:
            params = {
                "q": "*:*",
                "fl": key,
                "rows": 5000,
                "sort": f"{key} asc",
                "cursorMark": cursor,
                "enableElevation": "false",
                "wt": "json",
            }
            url = f"{self.connection.solrBase}/select?{urlencode(params)}"
            data = json.load(self.connection.doGet(url, self.connection.formheaders))
            yield from (doc[key] for doc in data["response"]["docs"])
            if data["nextCursorMark"] == cursor:
                return
            cursor = data["nextCursorMark"]


def _catalog_objects(site):
    catalog = getToolByName(site, "portal_catalog")
    path = "/".join(site.getPhysicalPath())
    for brain in catalog.unrestrictedSearchResults(path=path):
        obj = brain._unrestrictedGetObject()
        if obj is not None:
            yield obj


def reindex_site(site, batch=BATCH):
    """Send every catalogued object of ``site`` to its Solr core; remove the rest."""
    started = time.perf_counter()
    manager = getUtility(ISolrConnectionManager)
    manager.setIndexTimeout()
    connection = manager.getConnection()
    if connection is None:
        raise RuntimeError("Solr is not active for this site.")
    key = manager.getSchema().uniqueKey
    processor = SolrIndexProcessor(manager)
    solr = SolrBatch(connection)
    report = ReindexReport()
    pending, sent = [], set()
    for obj in _catalog_objects(site):
        if not ICheckIndexable(obj)():
            continue
        data, missing = processor.getData(obj)
        prepareData(data)
        if missing or data.get(key) is None:
            continue
        sent.add(data[key])
        adder = queryAdapter(obj, ISolrAddHandler, name=data.get("portal_type"))
        boosts = boost_values(obj, data)
        if boosts is None and (adder is None or type(adder) is DefaultAdder):
            pending.append(atomic_document(data, key))
        else:  # files and images: their own adder extracts text; sent at the end
            adder(connection, boost_values=boosts, **data)
        report.indexed += 1
        if len(pending) >= batch:
            solr.update(pending)
            pending = []
            site._p_jar.cacheGC()
    if pending:
        solr.update(pending)
    connection.flush()
    stale = [uid for uid in solr.unique_keys(key) if uid not in sent]
    for start in range(0, len(stale), batch):
        solr.update({"delete": stale[start : start + batch]})
    report.deleted = len(stale)
    solr.update({"commit": {}})
    report.seconds = time.perf_counter() - started
    return report
