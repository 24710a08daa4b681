"""Every district setup step is a ``zhengwu.*`` utility in a ``setup_step`` module."""

import logging
from types import SimpleNamespace

from zope.component import getUtilitiesFor

from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.sites.create import run_setup_steps
from zhengwu.sites.steps import ProfileFileStep

STEPS = {
    "zhengwu.workflows": 20,
    "zhengwu.site-identity": 25,
    "zhengwu.english-sections": 30,
    "zhengwu.participation": 45,
    "zhengwu.demo": 50,
    "zhengwu.demo-questions": 55,
    "zhengwu.powers": 60,
    "zhengwu.search-curation": 70,
    "zhengwu.homepages": 80,
    "zhengwu.columns": 85,
}


def test_every_setup_step_is_named_zhengwu_and_lives_in_a_setup_step_module(
    integration,
):
    steps = dict(getUtilitiesFor(IDistrictSetupStep))
    assert all(name.startswith("zhengwu.") for name in steps)
    assert all(type(step).__module__.endswith(".setup_step") for step in steps.values())
    assert {name: steps[name].order for name in STEPS} == STEPS


def test_a_step_name_that_matches_no_step_is_warned_about(integration, caplog):
    steps = [name for name, _step in getUtilitiesFor(IDistrictSetupStep)]
    profile = SimpleNamespace(id="nanshan")
    with caplog.at_level(logging.WARNING, logger="zhengwu.sites"):
        # Every real step skipped: nothing runs, and the old name "powers" is named.
        run_setup_steps(None, profile, skip=(*steps, "powers"))
    assert "No setup step is named powers" in caplog.text


def test_skipping_known_steps_warns_of_nothing(integration, caplog):
    steps = [name for name, _step in getUtilitiesFor(IDistrictSetupStep)]
    with caplog.at_level(logging.WARNING, logger="zhengwu.sites"):
        run_setup_steps(None, SimpleNamespace(id="nanshan"), skip=tuple(steps))
    assert "No setup step" not in caplog.text


class _NotesStep(ProfileFileStep):
    order = 99
    filename = "notes.toml"
    without = "no notes"

    def apply(self, site, profile, path):
        return path.read_text()


def test_a_profile_file_step_without_its_file_says_what_the_site_goes_without(
    tmp_path, caplog
):
    profile = SimpleNamespace(id="nanshan", directory=tmp_path)
    with caplog.at_level(logging.INFO):
        assert _NotesStep()(None, profile) is None
    assert f"Site nanshan: no {tmp_path / 'notes.toml'}, no notes" in caplog.text
    assert caplog.records[-1].levelno == logging.INFO


def test_a_profile_file_step_applies_its_file(tmp_path):
    (tmp_path / "notes.toml").write_text("a = 1")
    profile = SimpleNamespace(id="nanshan", directory=tmp_path)
    assert _NotesStep()(None, profile) == "a = 1"
