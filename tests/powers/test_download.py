"""@@powers-download: the public powers list as CSV or XLSX, on a live server."""

import csv
import io
from urllib.parse import unquote

import openpyxl
import pytest
import requests
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from powers_rows import DRAFT

ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def download(url, auth=None, **params):
    return requests.get(
        f"{url}/@@powers-download", params=params, auth=auth, timeout=60
    )


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_anonymous_downloads_the_published_list_with_chinese_headers(live):
    response = download(live)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    assert rows[0][:4] == ["事项编码", "事项名称", "职权类别", "实施主体"]
    assert "复核日期" not in rows[0]  # the editors' review date stays inside
    codes = [row[0] for row in rows[1:]]
    assert len(codes) == 34
    assert codes == sorted(codes)
    assert DRAFT["code"] not in codes
    seal = next(row for row in rows if row[0] == "NS-GAJ-XK-0001")
    assert seal[3] == "深圳市公安局南山分局"
    assert seal[-1] == f"{live}/gaj/seal-engraving"


def test_the_site_admin_sees_the_draft_on_the_page_but_never_downloads_it(live):
    codes = [row[0] for row in csv_rows(download(live, auth=ADMIN))[1:]]
    assert DRAFT["code"] not in codes  # only published items leave the site


def test_the_download_follows_the_filters_of_the_list(live):
    rows = csv_rows(download(live, department="jyj"))
    assert [row[0] for row in rows[1:]] == ["NS-JYJ-XK-0001"]
    rows = csv_rows(download(live, category="CF"))
    assert {row[0] for row in rows[1:]} == {"NS-GAJ-CF-0001", "NS-GAJ-CF-0002"}


def test_the_xlsx_file_holds_the_same_rows(live):
    response = download(live, format="xlsx")
    assert response.status_code == 200
    assert "spreadsheetml" in response.headers["Content-Type"]
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    sheet = book.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert sheet.title == "权责清单"
    assert rows[0][0] == "事项编码"
    assert len(rows) == 35


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_file_name_is_chinese_per_rfc_5987_with_an_ascii_fallback(live, fmt):
    disposition = download(live, format=fmt).headers["Content-Disposition"]
    assert disposition.startswith(f'attachment; filename="powers-list.{fmt}"; ')
    encoded = disposition.split("filename*=UTF-8''", 1)[1]
    assert encoded.isascii()
    assert unquote(encoded) == f"深圳市南山区人民政府权责清单.{fmt}"


@pytest.mark.parametrize(
    "params",
    [
        {"format": "pdf"},
        {"department": "nowhere"},
        {"category": "ZZ"},
        {"keyword": "长" * 51},
        {"format": ["csv", "xlsx"]},
    ],
)
def test_a_bad_request_gets_a_clear_400(live, params):
    response = download(live, **params)
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("text/plain")
    assert response.text


def test_the_powers_page_links_the_download_of_its_filters(live):
    text = requests.get(f"{live}/@@powers", params={"department": "jyj"}, timeout=30)
    assert "@@powers-download?format=csv&amp;department=jyj" in text.text
    assert "@@powers-download?format=xlsx&amp;department=jyj" in text.text


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_quoted():
    from zhengwu.powers.download import _safe

    assert _safe('=HYPERLINK("http://evil")') == '\'=HYPERLINK("http://evil")'
    assert _safe("@SUM(A1)") == "'@SUM(A1)"
    assert _safe("-1+2") == "-1+2"  # a negative number stays a number
    assert _safe("0755-26668888") == "0755-26668888"
