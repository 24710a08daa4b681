"""Send a transaction's Solr updates in a few requests instead of one per object.

collective.solr queues one XML message per added or deleted object and, at the end
of the transaction, posts them one by one: an import of 8,091 powers-list items
waits for 8,091 Solr answers. Solr takes several commands in one message wrapped in
``<update>`` and applies them in order, so the queue is posted ``CHUNK`` messages
at a time (the commit, queued last, stays last).
"""

import logging

from collective.solr.exceptions import SolrConnectionException
from collective.solr.solr import SolrConnection

CHUNK = 500
logger = logging.getLogger("zhengwu.indexers")


def chunked_updates(messages, size=CHUNK):
    """The queued XML messages joined, in order, into ``<update>`` bodies."""
    for start in range(0, len(messages), size):
        yield "<update>" + "".join(messages[start : start + size]) + "</update>"


class BatchingSolrConnection(SolrConnection):
    """collective.solr's connection, flushing its queue in chunks."""

    def flush(self):
        responses = []
        for body in chunked_updates(self.xmlbody):
            try:
                responses.append(self.doSendXML(body))
            except (SolrConnectionException, OSError):
                logger.exception("Solr refused an update of %d bytes", len(body))
        del self.xmlbody[:]
        return responses
