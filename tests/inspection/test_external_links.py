"""External links against pages the test serves on 127.0.0.1: a broken link is
found, a fixed one disappears; results are cached with an age, bounded per run and
only asked when the registry switches the checker on."""

import threading
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer

import pytest
from inspection_helpers import create
from inspection_helpers import found
from plone import api
from plone.app.textfield.value import RichTextValue

RULE = "external-link-broken"


class Pages(BaseHTTPRequestHandler):
    """200 for the paths in ``served``, 404 for the others; counts requests."""

    served = set()
    asked = []

    def do_HEAD(self):  # noqa: N802 (http.server's name)
        type(self).asked.append(self.path)
        self.send_response(200 if self.path in self.served else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    Pages.served = {"/ok"}
    Pages.asked = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def checker_on(**settings):
    values = {
        "external_links": True,
        "external_host_interval": 0.0,
        "external_cache_hours": 0,
        **settings,
    }
    for name, value in values.items():
        api.portal.set_registry_record(f"zhengwu.inspection.{name}", value)


def page_with(site, *urls):
    links = "".join(f'<a href="{url}">x</a>' for url in urls)
    return create(
        site["zh-cn"]["gaj"],
        "Document",
        id="links",
        title="外部链接",
        text=RichTextValue(f"<p>{links}</p>", "text/html", "text/x-html-safe"),
    )


def test_a_broken_external_link_is_found_and_gone_once_it_works(site, server):
    checker_on()
    page_with(site, f"{server}/ok", f"{server}/missing")
    findings = found(site, RULE)
    finding = findings["zh-cn/gaj/links"]
    assert finding["detail"]["link"] == f"{server}/missing"
    assert finding["detail"]["status"] == 404
    assert finding["department"] == "gaj"
    assert len(findings) == 1
    Pages.served.add("/missing")
    assert "zh-cn/gaj/links" not in found(site, RULE)


def test_a_result_is_kept_for_its_age_and_not_asked_again(site, server):
    checker_on(external_cache_hours=24)
    page_with(site, f"{server}/missing")
    assert "zh-cn/gaj/links" in found(site, RULE)
    Pages.served.add("/missing")
    assert "zh-cn/gaj/links" in found(site, RULE)  # cached, not asked again
    assert Pages.asked == ["/missing"]


def test_a_run_asks_at_most_the_limit(site, server):
    checker_on(external_limit=1)
    page_with(site, f"{server}/a", f"{server}/b")
    assert len(found(site, RULE)) == 1
    assert len(Pages.asked) == 1


def test_a_host_that_does_not_answer_is_a_finding_without_waiting_long(site):
    checker_on(external_timeout=1)
    page_with(site, "http://127.0.0.1:9/closed")
    assert found(site, RULE)["zh-cn/gaj/links"]["detail"]["status"] == 0


def test_the_checker_is_off_by_default(site, server):
    page_with(site, f"{server}/missing")
    assert found(site, RULE) == {}
    assert Pages.asked == []
