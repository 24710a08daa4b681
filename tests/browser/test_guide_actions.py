"""A guide shows how to act (apply online, appointment, phone, window and map) from
the fields it has, how to share it, and a print page that works on a phone."""

import re
from urllib.parse import quote

import pytest
import transaction
from guide_samples import ID_CARD
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from zhengwu.browser.guide_actions import phone_links
from zhengwu.content.guide import NotAWebLink
from zhengwu.content.guide import is_web_link

ONLINE = "https://www.gdzwfw.gov.cn/id-card"
MAP_URL = "zhengwu.identity.map_url"


def actions_block(visitor):
    found = re.search(
        r'<section class="guide-actions".*?</section>', visitor.text, re.S
    )
    return found.group(0) if found else ""


def share_block(visitor):
    found = re.search(r'<section class="guide-share".*?</section>', visitor.text, re.S)
    return found.group(0) if found else ""


@pytest.fixture
def guide(gaj, create, publish):
    guide = create(gaj, "Guide", online_url=ONLINE, **ID_CARD)
    publish(guide)
    transaction.commit()
    return guide


@pytest.fixture
def bare_guide(gaj, create, publish):
    fields = dict(ID_CARD, booking=False, enquiry_phone=None, windows=None)
    guide = create(gaj, "Guide", **(fields | {"id": "bare", "title": "空白指南"}))
    publish(guide)
    transaction.commit()
    return guide


def test_every_filled_action_is_shown(site, guide, anonymous):
    getUtility(IRegistry, context=site)[MAP_URL] = "https://map.example.cn/?q={address}"
    transaction.commit()
    anonymous.open(guide.absolute_url())
    block = actions_block(anonymous)
    assert f'href="{ONLINE}"' in block
    assert "在线办理" in block
    assert "可以预约" in block
    assert 'href="tel:075512345678"' in block
    assert "南山区行政服务大厅二楼" in block
    assert (
        f'href="https://map.example.cn/?q={quote("南山区行政服务大厅二楼")}"' in block
    )


def test_without_a_map_service_the_window_is_a_plain_address(site, guide, anonymous):
    getUtility(IRegistry, context=site)[MAP_URL] = ""
    transaction.commit()
    anonymous.open(guide.absolute_url())
    block = actions_block(anonymous)
    assert "南山区行政服务大厅二楼" in block
    assert "guide-map-link" not in block


def test_empty_fields_give_no_actions(bare_guide, anonymous):
    anonymous.open(bare_guide.absolute_url())
    assert 'class="guide-actions"' not in anonymous.text
    assert "tel:" not in anonymous.text.split('id="content"')[1].split("guide-share")[0]


def test_only_the_online_link_when_only_it_is_filled(gaj, create, publish, anonymous):
    fields = dict(ID_CARD, booking=False, enquiry_phone=None, windows=None)
    guide = create(gaj, "Guide", **(fields | {"id": "web", "online_url": ONLINE}))
    publish(guide)
    transaction.commit()
    anonymous.open(guide.absolute_url())
    block = actions_block(anonymous)
    assert ONLINE in block
    assert "guide-action-booking" not in block
    assert "guide-action-phone" not in block
    assert "guide-action-window" not in block


def test_sharing_copy_link_qr_code_and_weibo(guide, anonymous):
    anonymous.open(guide.absolute_url())
    block = share_block(anonymous)
    url = guide.absolute_url()
    assert f'value="{url}"' in block  # copy by hand without the script
    assert "guide-copy-link" in block
    assert f'src="{url}/@@qrcode.svg"' in block
    assert "https://service.weibo.com/share/share.php?url=" in block
    assert quote(url, safe="") in block
    # Sharing is a plain link: nothing of Weibo's is loaded.
    assert "<script" not in block
    assert "weibo.com" not in anonymous.text.split("</head>")[0]


def test_print_page_works_on_a_phone(guide, anonymous):
    anonymous.open(f"{guide.absolute_url()}?print=1")
    text = anonymous.text
    assert '<meta name="viewport" content="width=device-width, initial-scale=1"' in text
    assert 'class="guide-print-button"' in text
    assert "++resource++zhengwu/guide.js" in text
    assert f'href="{guide.absolute_url()}"' in text  # back to the guide
    assert "居民户口簿" in text
    anonymous.open(f"{api.portal.get().absolute_url()}/++resource++zhengwu/guide.css")
    assert "@media print" in anonymous.contents
    assert ".guide-print-tools" in anonymous.contents


def test_an_online_link_must_be_a_web_address(gaj, create):
    assert is_web_link("https://example.cn/apply")
    with pytest.raises(NotAWebLink):
        is_web_link("javascript:alert(1)")


def test_the_edit_form_refuses_a_script_link(guide, owner):
    owner.open(f"{guide.absolute_url()}/edit")
    owner.getControl(name="form.widgets.online_url").value = "javascript:alert(1)"
    owner.getControl(name="form.buttons.save").click()
    assert owner.headers["status"].startswith("200")
    assert "http://" in owner.text  # the form's error message
    transaction.begin()
    assert guide.online_url == ONLINE
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        assert api.content.get(UID=guide.UID()).online_url == ONLINE


def test_phone_numbers_become_tel_links():
    assert phone_links("0755-26651000；12345") == [
        {"number": "0755-26651000", "href": "tel:075526651000"},
        {"number": "12345", "href": "tel:12345"},
    ]
    assert phone_links("") == []
    assert phone_links("工作日咨询") == []
