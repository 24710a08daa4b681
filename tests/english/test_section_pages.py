"""English section pages list what their rule names, in English, with the
visitor's permissions."""

import transaction
from english_content import create
from english_content import english_department
from lxml import html


def test_government_departments_lists_the_english_department_folders(site, anonymous):
    department = english_department(site, "gaj")
    subdistrict = english_department(site, "shekou")
    transaction.commit()
    anonymous.open(site["en"]["government"]["departments"].absolute_url())
    tree = html.fromstring(anonymous.contents)
    assert tree.get("lang") == "en"
    hrefs = tree.xpath("//*[@id='content-core']//a/@href")
    assert department.absolute_url() in hrefs
    assert subdistrict.absolute_url() not in hrefs
    anonymous.open(site["en"]["government"]["sub-districts"].absolute_url())
    assert subdistrict.absolute_url() in anonymous.contents


def test_visas_lists_published_guides_for_foreigners_only(site, anonymous):
    department = english_department(site, "gaj")
    published = create(
        department,
        "Guide",
        id="foreigner-residence-permit",
        title="Residence Permit for Foreign Nationals",
        audience_tags=["foreigners"],
        language="en",
    )
    create(
        department,
        "Guide",
        publish=False,
        id="foreigner-accommodation",
        title="Accommodation Registration of Foreign Nationals",
        audience_tags=["foreigners"],
        language="en",
    )
    create(department, "Guide", id="id-card", title="Identity Card", language="en")
    transaction.commit()
    anonymous.open(site["en"]["foreign-services"]["visas"].absolute_url())
    core = html.fromstring(anonymous.contents).xpath("//*[@id='content-core']")[0]
    assert core.xpath(".//a/@href") == [published.absolute_url()]
    updated = core.xpath(".//*[contains(@class, 'zw-section__updated')]/time")
    assert updated[0].text_content().split()[-1].isdigit()  # e.g. "May 1, 2026"
    assert "年" not in updated[0].text_content()


def test_a_top_section_lists_its_subsections_in_order(site, anonymous):
    anonymous.open(site["en"]["invest"].absolute_url())
    core = html.fromstring(anonymous.contents).xpath("//*[@id='content-core']")[0]
    assert [a.text_content() for a in core.xpath(".//a")] == [
        "Business Environment",
        "Key Industries",
        "Investment Policies",
        "Start a Business",
    ]


def test_an_empty_section_says_its_pages_are_being_prepared(site, anonymous):
    anonymous.open(site["en"]["living"]["emergencies"].absolute_url())
    assert "zw-section__empty" in anonymous.contents
