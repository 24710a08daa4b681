"""@@search-curation: Site Administrators keep synonyms and best bets; anonymous
visitors and department editors are refused; CSRF-protected; bad input is explained
and what was typed is kept."""

import html
import re

import pytest
import requests
from curation_fixtures import DEPARTMENT_EDITOR
from curation_fixtures import RESIDENCE_TITLE
from curation_fixtures import SITE_ADMIN


def _page(live, auth=None, **params):
    return requests.get(
        f"{live}/@@search-curation",
        params=params,
        auth=auth,
        timeout=30,
        allow_redirects=False,
    )


def _token(live):
    text = _page(live, SITE_ADMIN).text
    return re.search(r'name="_authenticator" value="([^"]+)"', text).group(1)


def _post(live, token=True, **fields):
    if token:
        fields["_authenticator"] = _token(live)
    return requests.post(
        f"{live}/@@search-curation",
        data=fields,
        auth=SITE_ADMIN,
        timeout=60,
        allow_redirects=False,
    )


def _text(response):
    return html.unescape(response.text)


def _refused(response):
    if response.status_code == 302:
        return "require_login" in response.headers["Location"]
    return response.status_code in (401, 403)


def test_anonymous_and_department_editors_are_refused(live):
    assert _refused(_page(live))
    assert _refused(_page(live, DEPARTMENT_EDITOR))
    assert _page(live, SITE_ADMIN).status_code == 200


def test_the_page_lists_the_groups_and_is_in_site_setup(live):
    text = _text(_page(live, SITE_ADMIN))
    assert "暂住证 / 居住证" in text
    overview = requests.get(f"{live}/@@overview-controlpanel", auth=SITE_ADMIN)
    assert "@@search-curation" in overview.text


def test_a_post_without_the_csrf_token_changes_nothing(live):
    response = _post(live, token=False, terms="网约车、网络预约出租汽车", add_group="")
    assert response.status_code == 403
    assert "网约车" not in _text(_page(live, SITE_ADMIN))


def test_adding_and_removing_a_group(live):
    added = _post(live, terms="网约车、网络预约出租汽车", add_group="")
    assert added.status_code == 302
    assert "网约车 / 网络预约出租汽车" in _text(_page(live, SITE_ADMIN))
    removed = _post(live, term="网约车", remove_group="")
    assert removed.status_code == 302
    assert "网约车" not in _text(_page(live, SITE_ADMIN))


@pytest.mark.parametrize(
    "typed",
    ["", "网约车", "网约车，网约车", "户籍、户口簿"],
    ids=["empty", "one-term", "same-term-twice", "term-of-another-group"],
)
def test_a_bad_group_is_explained_and_the_input_kept(live, typed):
    response = _post(live, terms=typed, add_group="")
    text = _text(response)
    assert response.status_code == 400
    assert 'class="alert alert-danger synonym-error"' in text
    assert f">{typed}</textarea>" in text
    if typed.startswith("户籍"):
        assert "户口 / 户籍" in text.split("synonym-error")[1]


def test_a_best_bet_is_saved_in_order_and_removed(live):
    saved = _post(
        live,
        query="暂住证",
        pages="zh-cn/gaj/residence-permit\nzh-cn/gaj",
        save_best_bet="",
    )
    assert saved.status_code == 302
    text = _text(_page(live, SITE_ADMIN))
    listed = text.split('class="table best-bets"')[1]
    assert listed.index(RESIDENCE_TITLE) < listed.index("深圳市公安局南山分局")
    assert SITE_ADMIN[0] in listed
    # "Edit" opens the form with the pages in their order
    edit = _text(_page(live, SITE_ADMIN, best_bet="暂住证"))
    assert ">zh-cn/gaj/residence-permit\nzh-cn/gaj</textarea>" in edit
    assert _post(live, query="暂住证", remove_best_bet="").status_code == 302
    assert RESIDENCE_TITLE not in _text(_page(live, SITE_ADMIN))


@pytest.mark.parametrize(
    "pages", ["zh-cn/gaj/nothing-here", "zh-cn/gaj/draft", ""], ids=str
)
def test_a_best_bet_to_no_published_page_is_explained_and_the_input_kept(live, pages):
    response = _post(live, query="暂住证", pages=pages, save_best_bet="")
    text = _text(response)
    assert response.status_code == 400
    assert 'class="alert alert-danger best-bet-error"' in text
    assert 'value="暂住证"' in text
    assert f">{pages}</textarea>" in text
    if pages:
        assert pages in text.split("best-bet-error")[1]


def test_links_from_the_zero_result_report_prefill_the_forms(live):
    text = _text(_page(live, SITE_ADMIN, synonym="网约车"))
    assert ">网约车</textarea>" in text
    assert 'value="网约车"' in _text(_page(live, SITE_ADMIN, best_bet="网约车"))
    raw = _page(live, SITE_ADMIN, best_bet='"><b>x</b>').text
    assert "<b>x</b>" not in raw
