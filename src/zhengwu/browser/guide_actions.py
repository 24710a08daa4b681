"""How to act on a guide (在线办理, 预约, phone, window) and how to share it.

Every action comes from a field the guide has: an empty field gives no action.
The 预约 button opens the published bookable whose guide is this one; without
one, a guide flagged for booking says to ask by phone or at the window.
The window's address links to a map service only when the district profile gives
one (``zhengwu.identity.map_url``); links to other sites are plain links, so the
page itself loads nothing from the internet.
"""

import re
from urllib.parse import quote
from urllib.parse import urlencode

from zhengwu.bookings.browser.finding import bookable_of_guide
from zhengwu.browser.chrome.identity import identity_settings
from zhengwu.browser.chrome.identity import record
from zhengwu.care.browser.apply import care_form_url

# A telephone number in a phone field: 0755-26651000, 12345, +86 755 2665 1000.
PHONE = re.compile(r"\+?[0-9][0-9\- ]{3,}[0-9]")
WEIBO_SHARE = "https://service.weibo.com/share/share.php"
ADDRESS_PLACEHOLDER = "{address}"


def phone_links(text):
    """Each telephone number in ``text`` with its ``tel:`` link."""
    return [
        {"number": number, "href": "tel:" + re.sub(r"[^0-9+]", "", number)}
        for number in PHONE.findall(text or "")
    ]


def map_link(address):
    """The profile's map-service link for ``address``, or None (plain address)."""
    template = record(identity_settings(), "map_url")
    address = (address or "").strip()
    if not address or ADDRESS_PLACEHOLDER not in template:
        return None
    if not template.startswith("https://"):
        return None
    return template.replace(ADDRESS_PLACEHOLDER, quote(address, safe=""))


def actions(guide):
    """What a citizen can do now, from the guide's fields; empty ones left out.
    The care guide's online action is the portal's own application form."""
    windows = (guide.windows or "").strip()
    booking_url = bookable_of_guide(guide)
    return {
        "online": care_form_url(guide) or getattr(guide, "online_url", None) or None,
        "booking": bool(getattr(guide, "booking", False)) or bool(booking_url),
        "booking_url": booking_url,
        "phones": phone_links(guide.enquiry_phone),
        "windows": windows or None,
        "map": map_link(windows),
    }


def share_links(url, title):
    """The guide's own address for copying, its QR code and a Weibo share link."""
    return {
        "url": url,
        "qr": f"{url}/@@qrcode.svg",
        "weibo": f"{WEIBO_SHARE}?{urlencode({'url': url, 'title': title})}",
    }
