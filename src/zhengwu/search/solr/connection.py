"""The Solr connection of a district site.

collective.solr caches its connection and schema per thread under one key. With one
Solr core per district site and both sites in one Zope, a thread that served Nanshan
would then query Nanshan's core for Yantian. Keying the cache by host, port and core
keeps each site on its own core.
"""

from collective.solr.manager import SolrConnectionManager


class SiteSolrConnectionManager(SolrConnectionManager):
    """collective.solr's connection manager with a cache key per Solr core."""

    def _endpoint(self):
        host = self.getConfigParameter("collective.solr.host")
        port = self.getConfigParameter("collective.solr.port")
        base = self.getConfigParameter("collective.solr.base")
        if self.core:
            base = "/".join(base.split("/")[:-1] + [self.core])
        return f"{host}:{port}{base}"

    @property
    def connection_key(self):
        return f"connection {self._endpoint()}"

    @property
    def schema_key(self):
        return f"schema {self._endpoint()}"
