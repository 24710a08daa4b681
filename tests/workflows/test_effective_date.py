"""An item published through a department's chain gets its publishing date."""

from DateTime import DateTime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login


def _news(district, **fields):
    login(district.getPhysicalRoot(), SITE_OWNER_NAME)
    return api.content.create(
        container=district["zh-cn"]["jyj"], type="News Item", **fields
    )


def test_publishing_from_code_dates_the_item(district):
    item = _news(district, id="dated", title="开学通知")
    assert item.EffectiveDate() == "None"
    api.content.transition(item, to_state="published")
    assert item.effective().isCurrentDay()
    brain = api.content.find(UID=item.UID(), search_backend="catalog")[0]
    assert brain.effective.isCurrentDay()


def test_a_date_set_by_the_editor_is_kept(district):
    chosen = DateTime("2024-03-01 09:00 GMT+8")
    item = _news(district, id="chosen", title="招生简章", effective_date=chosen)
    api.content.transition(item, to_state="published")
    assert item.effective().year() == 2024 and item.effective().month() == 3


def test_a_draft_and_a_step_short_of_publication_stay_undated(district):
    item = _news(district, id="draft", title="草稿")
    assert item.EffectiveDate() == "None"
    workflow = api.portal.get_tool("portal_workflow")
    transitions = [t["id"] for t in workflow.getTransitionsFor(item)]
    if "submit" in transitions:
        workflow.doActionFor(item, "submit")
        assert api.content.get_state(item) != "published"
        assert item.EffectiveDate() == "None"
