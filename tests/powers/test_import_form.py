"""@@powers-import and @@powers-export: site administrators only, CSRF-protected."""

import html
import re

import pytest
import requests
from powers_rows import EDITOR
from powers_rows import SITE_ADMIN
from powers_rows import power_row
from powers_rows import sheet

JSON = {"Accept": "application/json"}


def _form(url, auth):
    return requests.get(f"{url}/@@powers-import", auth=auth, timeout=30)


def _token(url, auth):
    page = _form(url, auth).text
    return re.search(r'name="_authenticator" value="([^"]+)"', page).group(1)


def _post(url, auth, data, filename="powers.csv", token=None):
    fields = {"import": "Import"}
    if token:
        fields["_authenticator"] = token
    return requests.post(
        f"{url}/@@powers-import",
        auth=auth,
        data=fields,
        files={"file": (filename, data)},
        timeout=60,
        allow_redirects=False,
    )


def _total(url):
    return requests.get(f"{url}/@powers", headers=JSON, timeout=30).json()[
        "items_total"
    ]


@pytest.mark.parametrize("auth", [None, EDITOR], ids=["anonymous", "editor"])
def test_only_site_administrators_reach_the_import_and_export(live, auth):
    for view in ("@@powers-import", "@@powers-export"):
        response = requests.get(
            f"{live}/{view}", auth=auth, timeout=30, allow_redirects=False
        )
        assert response.status_code in (302, 401, 403), view
    assert _form(live, SITE_ADMIN).status_code == 200


def test_site_admin_imports_a_file_and_sees_the_report(live):
    before = _total(live)
    rows = [power_row("NS-CGJ-CF-0001"), power_row("NS-CGJ-CF-0002")]
    response = _post(live, SITE_ADMIN, sheet(rows), token=_token(live, SITE_ADMIN))
    assert response.status_code == 200
    text = html.unescape(response.text)
    assert "powers-import-done" in text
    assert "NS-CGJ-CF-0001, NS-CGJ-CF-0002" in text
    assert _total(live) == before + 2


def test_a_file_with_a_bad_row_imports_nothing_and_shows_every_error(live):
    before = _total(live)
    rows = [power_row("NS-CGJ-CF-0001"), power_row("NS-CGJ-CF-0002", category="ZZ")]
    response = _post(live, SITE_ADMIN, sheet(rows), token=_token(live, SITE_ADMIN))
    assert response.status_code == 400
    text = html.unescape(response.text)
    assert "powers-import-failed" in text
    assert re.search(r"<td>3</td>\s*<td>category</td>\s*<td>[^<]*ZZ", text)
    assert _total(live) == before


def test_xlsx_upload_and_wrong_file_types(live):
    token = _token(live, SITE_ADMIN)
    xlsx = sheet([power_row("NS-SWJ-XK-0001")], "xlsx")
    ok = _post(live, SITE_ADMIN, xlsx, filename="list.xlsx", token=token)
    assert ok.status_code == 200
    assert "NS-SWJ-XK-0001" in ok.text
    wrong = _post(live, SITE_ADMIN, b"%PDF-1.4", filename="list.pdf", token=token)
    assert wrong.status_code == 400
    broken = _post(live, SITE_ADMIN, b"not a zip", filename="list.xlsx", token=token)
    assert broken.status_code == 400


def test_import_without_the_csrf_token_is_refused(live):
    before = _total(live)
    response = _post(live, SITE_ADMIN, sheet([power_row("NS-CGJ-CF-0009")]))
    assert response.status_code == 403
    assert _total(live) == before


def test_export_answers_a_file_that_imports_unchanged(live):
    response = requests.get(
        f"{live}/@@powers-export", params={"format": "csv"}, auth=SITE_ADMIN, timeout=30
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in response.headers["Content-Disposition"]
    # The draft is in the administrators' export too: it is their whole list.
    assert "NS-JYJ-XK-0002" in response.content.decode("utf-8-sig")
    again = _post(live, SITE_ADMIN, response.content, token=_token(live, SITE_ADMIN))
    assert again.status_code == 200
    text = html.unescape(again.text)
    for count in ("added", "changed", "removed"):
        assert f'<span class="powers-{count}">0</span>' in text
    bad = requests.get(
        f"{live}/@@powers-export", params={"format": "pdf"}, auth=SITE_ADMIN, timeout=30
    )
    assert bad.status_code == 400
