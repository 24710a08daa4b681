"""[identity] of district.toml: the footer's filing numbers and contact, checked."""

import shutil

import pytest
from layers import PROFILES

from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import load_district_profile


def test_both_districts_have_a_complete_identity():
    for district in ("nanshan", "yantian"):
        identity = load_district_profile(PROFILES / district).identity
        assert len(identity.site_code) == 10 and identity.site_code.isdigit()
        assert "ICP备" in identity.icp
        assert "公网安备" in identity.police
        assert identity.sponsor.endswith("人民政府办公室")
        assert identity.sponsor_en and identity.address_en
        assert "@" in identity.webmaster_email
        assert identity.map_url.startswith("https://")
        assert "{address}" in identity.map_url


@pytest.fixture
def toml(tmp_path):
    """Path of district.toml in a copy of the Nanshan profile."""
    target = tmp_path / "district"
    shutil.copytree(PROFILES / "nanshan", target)
    return target / "district.toml"


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


BAD = {
    "site code of 9 digits": (
        'site_code = "4403050001"',
        'site_code = "440305000"',
        r"\[identity\]: 'site_code' = '440305000' is not a 10-digit site identity",
    ),
    "ICP number without 备": (
        'icp = "粤ICP备05035211号"',
        'icp = "粤ICP05035211"',
        r"\[identity\]: 'icp' = '粤ICP05035211' is not an ICP filing number",
    ),
    "police number too short": (
        'police = "粤公网安备 44030502000001号"',
        'police = "粤公网安备 4403号"',
        r"'police' = '粤公网安备 4403号' is not a filing number",
    ),
    "webmaster without e-mail": (
        'webmaster_email = "webmaster@nanshan.example.gov.cn"',
        'webmaster_email = ""',
        r"\[identity\]: 'webmaster_email' is missing or empty",
    ),
    "bad e-mail": (
        'email = "office@nanshan.example.gov.cn"',
        'email = "office at nanshan"',
        r"'email' = 'office at nanshan' is not an e-mail address",
    ),
    "sponsor as a number": (
        'sponsor = "深圳市南山区人民政府办公室"',
        "sponsor = 12",
        r"'sponsor' must be a string",
    ),
    "map link without {address}": (
        'map_url = "https://uri.amap.com/search?keyword={address}"',
        'map_url = "https://uri.amap.com/search"',
        r"'map_url' = 'https://uri.amap.com/search' is not an https:// link",
    ),
    "map link over plain http": (
        'map_url = "https://uri.amap.com/search?keyword={address}"',
        'map_url = "http://uri.amap.com/search?keyword={address}"',
        r"'map_url' = 'http://uri.amap.com/search\?keyword=\{address\}' is not",
    ),
    "unknown key": (
        'phone = "0755-26660000"',
        'phone = "0755-26660000"\nfax = "1"',
        r"\[identity\]: unknown key 'fax'",
    ),
}


@pytest.mark.parametrize("old, new, reason", BAD.values(), ids=BAD)
def test_bad_identity_names_file_key_and_reason(toml, old, new, reason):
    _replace(toml, old, new)
    with pytest.raises(ProfileError, match=reason) as error:
        load_district_profile(toml.parent)
    assert str(toml) in str(error.value)


def test_a_profile_without_identity_still_loads(toml):
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text[: text.index("[identity]")], encoding="utf-8")
    assert load_district_profile(toml.parent).identity is None
