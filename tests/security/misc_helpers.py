"""Helpers of the rate-limit and sensitive-word tests (issue 13.12)."""

import base64
import configparser
import contextlib
import json
import urllib.error
import urllib.request

import transaction
from plone import api
from plone.testing.zope import WSGI_SERVER_FIXTURE
from portal_settings import Settings
from portal_settings import write_configuration
from webtest.http import StopableWSGIServer

PASSWORD = "secret-Passw0rd"  # noqa: S105 - test users only
BOARD_PATH = "nanshan/zh-cn/zhidao"
# waitress options of zope.ini that are about the socket, not about the request.
SOCKET_OPTIONS = ("use", "host", "port", "threads")


def citizen(name):
    """A registered citizen (a plain Member), created once."""
    if api.user.get(userid=name) is None:
        api.user.create(username=name, email=f"{name}@example.org", password=PASSWORD)
    return name


def waitress_options(var, clients):
    """The [server:main] options of the zope.ini `make start`/`make cluster` write."""
    settings = Settings.from_environment(clients=clients)
    settings.var = var
    write_configuration(settings)
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(var / "instance" / "client1" / "zope.ini")
    return {
        key: value
        for key, value in parser["server:main"].items()
        if key not in SOCKET_OPTIONS
    }


@contextlib.contextmanager
def portal_server(options):
    """A waitress server with the portal's own options, serving the test portal."""
    app = WSGI_SERVER_FIXTURE.server.test_app
    server = StopableWSGIServer.create(app, host="127.0.0.1", port=0, **options)
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.shutdown()


def post_json(url, body, user, headers=()):
    """POST JSON over real HTTP as ``user``: (status, JSON body)."""
    token = base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        method="POST",
        headers={
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Authorization": f"Basic {token}",
            **dict(headers),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, text = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read()
    transaction.begin()
    return status, json.loads(text) if text.strip() else None
