"""The Nanshan site of the functional layer, content made as the site owner, and
browsers for anonymous visitors and the owner."""

import pytest
import transaction
from english_content import create
from english_content import english_department
from english_content import link


@pytest.fixture
def guides(site):
    """A published Chinese guide with a published English translation, and one
    whose English translation is still a draft; committed."""
    zh, en = site["zh-cn"]["gaj"], english_department(site)
    pairs = {}
    for gid, zh_title, en_title, publish in (
        ("id-card", "居民身份证申领", "Resident Identity Card Application", True),
        ("passport", "普通护照签发", "Passport Application", False),
    ):
        original = create(zh, "Guide", id=gid, title=zh_title, language="zh-cn")
        english = create(
            en, "Guide", publish=publish, id=gid, title=en_title, language="en"
        )
        link(original, english)
        pairs[gid] = (original, english)
    transaction.commit()
    return pairs
