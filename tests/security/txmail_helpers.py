"""Helpers of the mail and atomic-write tests: users, REST calls, a real SMTP server."""

import socket
import socketserver
import threading
import time

import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from zope.component.hooks import setSite

DISTRICT = "nanshan"
DEPARTMENT = "gaj"
PASSWORD = "secret-Passw0rd"  # noqa: S105 - test users only
ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
JSON = {"Accept": "application/json", "Content-Type": "application/json"}


def site_url(acceptance):
    return f"http://{acceptance['host']}:{acceptance['port']}/{DISTRICT}"


def rest(method, url, auth=None, **kwargs):
    """A REST call to the layer's real HTTP server."""
    return requests.request(method, url, headers=JSON, auth=auth, timeout=60, **kwargs)


def add_member(site, user_id, group=None, email=None):
    """A member (in the department group ``group``); the caller commits."""
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username=user_id,
            email=email or f"{user_id}@example.org",
            password=PASSWORD,
            properties={"fullname": user_id},
        )
        if group:
            api.group.add_user(groupname=f"{DEPARTMENT}-{group}", username=user_id)
    return user_id, PASSWORD


def add_page(app, title, publish=False):
    """A page in the department, as the site owner; committed; its URL path."""
    site = app[DISTRICT]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        page = api.content.create(
            container=site["zh-cn"][DEPARTMENT], type="Document", title=title
        )
        if publish:
            api.content.transition(page, to_state="published")
    transaction.commit()
    return page


def free_port():
    """A TCP port of 127.0.0.1 that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _SmtpHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for smtplib: every mail is accepted and kept."""

    def _reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self._reply("220 test SMTP")
        envelope = {"from": None, "to": []}
        while line := self.rfile.readline():
            command = line.decode(errors="replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self._reply("250 test")
            elif verb == "MAIL":
                envelope = {"from": command[10:], "to": []}
                self._reply("250 OK")
            elif verb == "RCPT":
                envelope["to"].append(command[8:])
                self._reply("250 OK")
            elif verb == "DATA":
                self._reply("354 go on")
                data = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk
                self.server.messages.append({**envelope, "data": data})
                self._reply("250 OK")
            elif verb == "QUIT":
                self._reply("221 bye")
                return
            else:
                self._reply("250 OK")


class SmtpServer(socketserver.ThreadingTCPServer):
    """A real SMTP server on 127.0.0.1:``port`` in a thread; ``messages`` got."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, port):
        super().__init__(("127.0.0.1", port), _SmtpHandler)
        self.messages = []
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def stop(self):
        self.shutdown()
        self.server_close()


def wait_for(condition, seconds=40):
    """True as soon as ``condition()`` is, False after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def queued(directory):
    """The mails waiting in the maildir ``directory``."""
    return [
        path
        for sub in ("new", "cur")
        for path in (directory / sub).iterdir()
        if not path.name.startswith(".")
    ]
