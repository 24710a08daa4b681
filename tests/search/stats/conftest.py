"""Each test starts with empty in-process counts and visits (they outlive a test's
database)."""

import pytest

from zhengwu.search.stats import buffer
from zhengwu.search.stats import reports
from zhengwu.search.stats import visits


def _forget():
    buffer.buffer_of.clear()
    reports._hot_cache.clear()
    visits.visit_log.clear()


@pytest.fixture(autouse=True)
def fresh_counts():
    _forget()
    yield
    _forget()
