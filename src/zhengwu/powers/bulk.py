"""Adding thousands of items fast: one catalog entry and few Solr requests each.

The import adds items without the per-object event cascade of ``_setObject``
(container-modified reindexing of the Department, link-integrity and relation
scans of empty fields, a workflow transition per item) and does what of it an
item needs directly. At commit, collective.solr sends one HTTP request per
document; ``batch_solr_adds`` joins them into a few bulk requests.
"""

import logging

import transaction
from AccessControl import getSecurityManager
from collective.solr.interfaces import ISolrConnectionManager
from plone.dexterity.utils import createContent
from z3c.relationfield.event import updateRelations
from zope.component import getUtility
from zope.component import queryUtility
from zope.intid.interfaces import IIntIds

logger = logging.getLogger("zhengwu.powers")
PUBLISHED = "published"
SOLR_BATCH = 500
ADD_START, ADD_END = "<add>", "</add>"


def set_initial_state(obj, workflow_tool, publish):
    """Give a new item its workflow state: ``published`` directly, or the initial."""
    chain = workflow_tool.getChainFor(obj)
    if not chain:
        return
    workflow = workflow_tool[chain[0]]
    if not publish or PUBLISHED not in workflow.states.objectIds():
        workflow_tool.notifyCreated(obj)
        return
    status = {
        workflow.state_var: PUBLISHED,
        "action": None,
        "actor": getSecurityManager().getUser().getId(),
        "comments": "",
        "time": obj.created(),
    }
    workflow_tool.setStatusOf(workflow.getId(), obj, status)
    workflow.updateRoleMappingsFor(obj)


def add_item(container, item_id, language, fill, workflow_tool, publish):
    """Create a PowerItem in ``container``; ``fill(obj)`` sets its fields first."""
    obj = createContent("PowerItem", id=item_id, language=language)
    fill(obj)
    container._setObject(item_id, obj, suppress_events=True)
    obj = container._getOb(item_id)
    getUtility(IIntIds).register(obj)
    if getattr(obj, "guide", None) is not None:
        updateRelations(obj, None)
    set_initial_state(obj, workflow_tool, publish)
    obj.indexObject()
    return obj


def _join(requests):
    merged, docs = [], []
    for request in requests:
        if request.startswith(ADD_START) and request.endswith(ADD_END):
            docs.append(request[len(ADD_START) : -len(ADD_END)])
            if len(docs) == SOLR_BATCH:
                merged.append(ADD_START + "".join(docs) + ADD_END)
                docs = []
            continue
        if docs:
            merged.append(ADD_START + "".join(docs) + ADD_END)
            docs = []
        merged.append(request)
    if docs:
        merged.append(ADD_START + "".join(docs) + ADD_END)
    return merged


def _merge_pending_adds():
    manager = queryUtility(ISolrConnectionManager)
    connection = manager.getConnection() if manager is not None else None
    pending = getattr(connection, "xmlbody", None)
    if not pending:
        return
    before = len(pending)
    pending[:] = _join(pending)
    logger.info("Solr: %d update requests joined into %d", before, len(pending))


def batch_solr_adds():
    """Join this transaction's Solr add requests at commit (after the catalog's
    indexing queue has produced them, before collective.solr sends them)."""
    transaction.get().addBeforeCommitHook(_after_indexing_queue)


def _after_indexing_queue():
    # The indexing queue processes in its own before-commit hook, registered
    # before ours: this runs after it. Its processors fill the connection now.
    _merge_pending_adds()
