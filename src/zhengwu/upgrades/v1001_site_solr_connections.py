"""1000 → 1001 (2026-11-25): existing sites get the per-core Solr connections."""

from Acquisition import aq_inner
from Acquisition import aq_parent

from zhengwu.setuphandlers import use_site_solr_connections


def upgrade(setup_tool):
    use_site_solr_connections(aq_parent(aq_inner(setup_tool)))
