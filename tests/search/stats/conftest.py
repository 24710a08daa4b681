"""Each test starts with empty in-process counts (they outlive a test's database)."""

import pytest

from zhengwu.search.stats import buffer
from zhengwu.search.stats import reports


@pytest.fixture(autouse=True)
def fresh_counts():
    buffer._buffers.clear()
    reports._hot_cache.clear()
    yield
    buffer._buffers.clear()
    reports._hot_cache.clear()
