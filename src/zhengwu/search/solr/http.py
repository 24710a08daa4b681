"""Plain HTTP to the site's Solr core, for what collective.solr's connection does not
do (status, managed resources, core reloads, the search service's own queries).

Host, port, scheme and login come from the site's collective.solr settings, so these
calls reach the same core as collective.solr's own.
"""

import base64
import json
import urllib.request


def solr_url(manager, path):
    """The URL of ``path`` (e.g. ``/solr/nanshan/select``) on the site's Solr."""
    host = manager.getConfigParameter("collective.solr.host")
    port = manager.getConfigParameter("collective.solr.port", formatter=int)
    https = manager.getConfigParameter("collective.solr.https_connection")
    scheme = "https" if str(https).lower() in ("true", "1") else "http"
    return f"{scheme}://{host}:{port}{path}"


def auth_headers(manager):
    """``{"Authorization": …}`` when the site logs in to Solr, else ``{}``."""
    login = manager.getConfigParameter(
        "collective.solr.solr_login", env_key="COLLECTIVE_SOLR_LOGIN"
    )
    if not login:
        return {}
    password = manager.getConfigParameter(
        "collective.solr.solr_password", env_key="COLLECTIVE_SOLR_PASSWORD"
    )
    token = base64.b64encode(f"{login}:{password or ''}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def call_json(manager, method, path, body=None, timeout=10.0):
    """Send ``body`` (JSON, or form-encoded bytes) to ``path``; the answer as JSON.

    Raises what urllib raises (OSError, HTTPError) and ValueError for a non-JSON
    answer: callers decide what an outage means for them.
    """
    headers = auth_headers(manager)
    data = body
    if body is not None and not isinstance(body, bytes):
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    elif body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    request = urllib.request.Request(  # noqa: S310
        solr_url(manager, path), data=data, method=method, headers=headers
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        return json.load(response)
