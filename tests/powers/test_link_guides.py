"""Generated demo items that a guide serves carry the guide's name and link to it."""

from zhengwu.powers.setup_step import link_guides


def _row(code, department, category):
    return {
        "code": code,
        "name": f"generated {code}",
        "department": department,
        "category": category,
        "guide": "",
    }


def test_each_guide_takes_one_item_of_its_department_and_category():
    rows = [
        _row("NS-GAJ-QR-0001", "gaj", "QR"),
        _row("NS-GAJ-QR-0002", "gaj", "QR"),
        _row("NS-GAJ-XK-0001", "gaj", "XK"),
        _row("NS-MZJ-QR-0001", "mzj", "QR"),
    ]
    guides = [
        ("gaj", "QR", "id-card", "居民身份证申领"),
        ("gaj", "QR", "residence-permit", "深圳经济特区居住证申领"),
        ("gaj", "XK", "passport", "普通护照签发"),
    ]
    linked = {row["code"]: row for row in link_guides(rows, guides)}
    assert linked["NS-GAJ-QR-0001"]["guide"] == "id-card"
    assert linked["NS-GAJ-QR-0001"]["name"] == "居民身份证申领"
    assert linked["NS-GAJ-QR-0002"]["guide"] == "residence-permit"
    assert linked["NS-GAJ-XK-0001"]["guide"] == "passport"
    assert linked["NS-MZJ-QR-0001"]["guide"] == ""


def test_a_guide_without_a_matching_item_links_nothing():
    rows = [_row("NS-GAJ-CF-0001", "gaj", "CF")]
    linked = link_guides(rows, [("gaj", "QR", "id-card", "居民身份证申领")])
    assert linked[0]["guide"] == ""
    assert linked[0]["name"] == "generated NS-GAJ-CF-0001"
