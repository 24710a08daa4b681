"""Uninstalling the add-on takes its layer, control panel and settings away and
keeps the content; installing it again brings the portal back."""

import pytest
from plone import api
from plone.app.theming.utils import getCurrentTheme
from plone.app.viewletmanager.interfaces import IViewletSettingsStorage
from plone.browserlayer.utils import registered_layers
from zope.component import getUtility

from zhengwu.interfaces import IZhengwuLayer

PACKAGE = "zhengwu"
CONFIGLET = "search-curation"
BUNDLE = "plone.bundles/zhengwu-search"
LANGUAGE_SELECTOR = "plone.app.multilingual.languageselector"


def _records():
    return list(api.portal.get_tool("portal_registry").records.keys())


def _configlets(portal):
    return [
        action.getAction(portal)["id"]
        for action in portal.portal_controlpanel.listActions()
    ]


def _hidden_in_header():
    storage = getUtility(IViewletSettingsStorage)
    return storage.getHidden("plone.portalheader", "Plone Default")


@pytest.fixture
def uninstalled(portal, installer):
    """The test site with the add-on installed, then uninstalled."""
    assert installer.is_product_installed(PACKAGE)
    assert installer.uninstall_product(PACKAGE) is True
    return portal


def test_the_add_on_is_reported_not_installed(uninstalled, installer):
    assert not installer.is_product_installed(PACKAGE)


def test_the_browser_layer_is_gone(uninstalled):
    assert IZhengwuLayer not in registered_layers()


def test_the_search_curation_control_panel_is_gone(uninstalled):
    assert CONFIGLET not in _configlets(uninstalled)


def test_the_add_on_registry_records_and_bundle_are_gone(uninstalled):
    bundles = (BUNDLE + ".", "plone.bundles/zhengwu-full.")
    left = [name for name in _records() if name.startswith(("zhengwu.", *bundles))]
    assert left == []


def test_what_the_add_on_replaced_in_plone_comes_back(uninstalled):
    assert getCurrentTheme() == "barceloneta"
    assert api.portal.get_registry_record("plone.enable_livesearch") is True
    assert LANGUAGE_SELECTOR not in _hidden_in_header()
    # Plone's editing bundles load for every visitor again (lean pages undone).
    assert not api.portal.get_registry_record("plone.bundles/plone.expression")


def test_content_types_workflows_and_indexes_are_kept(uninstalled):
    assert "Guide" in api.portal.get_tool("portal_types")
    assert "zhengwu_two_stage" in api.portal.get_tool("portal_workflow")
    assert "department" in api.portal.get_tool("portal_catalog").indexes()


def test_installing_again_brings_everything_back(uninstalled, installer):
    assert installer.install_product(PACKAGE) is True
    assert installer.is_product_installed(PACKAGE)
    assert IZhengwuLayer in registered_layers()
    assert CONFIGLET in _configlets(uninstalled)
    assert api.portal.get_registry_record("zhengwu.mail_limits.error_reports_per_hour")
    assert f"{BUNDLE}.jscompilation" in _records()
    assert getCurrentTheme() == "zhengwu"
    assert LANGUAGE_SELECTOR in _hidden_in_header()
