"""The `zhengwu.powers` setup step: loads the generated list once, when asked."""

from dataclasses import replace

import pytest
from zope.component import getUtility

from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.powers.store import existing_items
from zhengwu.sites.profile import load_district_profile


@pytest.fixture
def profiles(tmp_path):
    """A copy of the Nanshan profile folder whose powers.toml the test writes."""
    return tmp_path


@pytest.fixture
def step():
    return getUtility(IDistrictSetupStep, name="zhengwu.powers")


@pytest.fixture
def nanshan(profiles):
    from layers import PROFILES

    return replace(load_district_profile(PROFILES / "nanshan"), directory=profiles)


def test_step_is_heavy_and_runs_after_the_departments_exist(step):
    assert step.heavy is True
    assert step.order == 60


def test_step_loads_the_number_of_items_the_profile_asks_for(
    root, step, profiles, nanshan
):
    (profiles / "powers.toml").write_text('generate = 120\nseed = 3\nprefix = "NS"\n')
    step(root.__parent__, nanshan)
    items = existing_items(root)
    assert len(items) == 120
    assert all(code.startswith("NS-") for code in items)
    # A second start keeps the list as it is (a site admin may have re-imported).
    (profiles / "powers.toml").write_text('generate = 300\nseed = 3\nprefix = "NS"\n')
    step(root.__parent__, nanshan)
    assert len(existing_items(root)) == 120


def test_step_does_nothing_without_powers_toml(root, step, profiles, nanshan):
    step(root.__parent__, nanshan)
    assert existing_items(root) == {}


def test_catalog_has_the_power_indexes(root):
    catalog = root.portal_catalog
    assert {"power_category", "power_code"} <= set(catalog.indexes())
    assert {"power_category", "power_code"} <= set(catalog.schema())
