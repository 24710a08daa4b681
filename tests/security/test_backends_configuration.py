"""What `make start` writes to lock its back ends (issue 13.3): the Solr login,
an owner-only var/, ZEO on a Unix socket. No servers: the files themselves."""

import base64
import json

import pytest
import solr_auth
from backends_helpers import mode
from backends_helpers import owner_only
from backends_helpers import settings_in
from portal_settings import write_configuration
from processes import StartError

import solr


def test_solr_credentials_are_generated_once_and_kept_for_the_owner(
    tmp_path, monkeypatch
):
    monkeypatch.delenv("ZHENGWU_SOLR_PASSWORD", raising=False)
    monkeypatch.delenv("ZHENGWU_SOLR_LOGIN", raising=False)
    first = solr_auth.stored_credentials(tmp_path)
    stored = tmp_path / "solr-credentials"
    assert mode(stored) == 0o600
    assert stored.read_text() == f"zhengwu:{first.password}\n"
    assert len(first.password) >= 24
    assert solr_auth.stored_credentials(tmp_path) == first
    assert solr_auth.stored_credentials(tmp_path / "other").password != first.password


def test_solr_credentials_from_the_environment_win(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHENGWU_SOLR_LOGIN", "portal")
    monkeypatch.setenv("ZHENGWU_SOLR_PASSWORD", "chosen-Secret")
    assert solr_auth.stored_credentials(tmp_path) == ("portal", "chosen-Secret")
    assert not (tmp_path / "solr-credentials").exists()


def test_security_json_holds_a_salted_hash_and_is_for_the_owner_only(tmp_path):
    credentials = solr_auth.Credentials("zhengwu", "plain-Secret-1")
    solr.prepare_home(tmp_path / "solr", ["nanshan"], credentials)
    home = tmp_path / "solr"
    security_file = home / "security.json"
    assert mode(home) == 0o700 and mode(security_file) == 0o600
    text = security_file.read_text()
    assert "plain-Secret-1" not in text
    security = json.loads(text)
    authentication = security["authentication"]
    assert authentication["class"] == "solr.BasicAuthPlugin"
    assert authentication["blockUnknown"] is True
    entry = authentication["credentials"]["zhengwu"]
    salt = base64.b64decode(entry.split(" ")[1])
    assert len(salt) == 32
    assert solr_auth.password_hash("plain-Secret-1", salt) == entry
    assert solr_auth.password_hash("plain-Secret-1") != entry  # a new salt each time
    permissions = security["authorization"]["permissions"]
    assert permissions[0] == {"name": "security-edit", "role": "nobody"}
    assert security["authorization"]["user-role"] == {"zhengwu": ["portal"]}


def test_password_hash_is_the_one_of_solrs_sha256_provider():
    # Solr's Sha256AuthenticationProvider: base64(sha256(sha256(salt + password)))
    # and base64(salt); the salt of Solr's own documentation example and its hash.
    salt = base64.b64decode("Ndd7LKvVBAaZIF0QAVi1ekCfAJXr1GGfLtRUXhgrF8c=")
    assert solr_auth.password_hash("SolrRocks", salt) == (
        "IV0EHq1OnNrj6gvRCwvFwTrZ1+z1oBbnQdiVC3otuq0= "
        "Ndd7LKvVBAaZIF0QAVi1ekCfAJXr1GGfLtRUXhgrF8c="
    )


def test_var_is_created_owner_only_and_an_open_one_is_closed(tmp_path, monkeypatch):
    var = tmp_path / "var"
    (var / "log").mkdir(parents=True)
    var.chmod(0o755)
    old_log = var / "log" / "zeo.log"
    old_log.write_text("written by an older start\n")
    old_log.chmod(0o644)
    settings = settings_in(var, monkeypatch)
    write_configuration(settings)
    assert mode(var) == 0o700
    assert owner_only(var / "log") and mode(old_log) == 0o600
    for folder in ("run", "filestorage", "blobstorage", "etc"):
        assert mode(var / folder) == 0o700, folder
    for generated in ("etc/zeo.conf", "instance/client1/zope.conf", "solr-credentials"):
        assert mode(var / generated) == 0o600, generated


def test_zeo_serves_on_an_owner_only_unix_socket_by_default(tmp_path, monkeypatch):
    settings = settings_in(tmp_path / "var", monkeypatch)
    write_configuration(settings)
    socket_path = tmp_path / "var" / "run" / "zeo.sock"
    zeo = (tmp_path / "var" / "etc" / "zeo.conf").read_text()
    assert f"address {socket_path}\n" in zeo
    zope = (tmp_path / "var" / "instance" / "client1" / "zope.conf").read_text()
    assert f"server {socket_path}\n" in zope
    assert ":8100" not in zeo + zope


def test_zeo_keeps_tcp_when_its_host_is_set(tmp_path, monkeypatch):
    settings = settings_in(
        tmp_path / "var", monkeypatch, zeo_host="zeo.internal", zeo_port="8101"
    )
    write_configuration(settings)
    zope = (tmp_path / "var" / "instance" / "client1" / "zope.conf").read_text()
    assert "server zeo.internal:8101\n" in zope
    assert "zeo.sock" not in zope


def test_a_socket_path_too_long_for_unix_is_refused_in_one_sentence(
    tmp_path, monkeypatch
):
    var = tmp_path / ("v" * 100)
    with pytest.raises(StartError) as error:
        write_configuration(settings_in(var, monkeypatch))
    assert "too long for a Unix socket: set ZHENGWU_VAR" in str(error.value)


def test_zope_conf_gives_collective_solr_the_generated_login(tmp_path, monkeypatch):
    settings = settings_in(tmp_path / "var", monkeypatch)
    write_configuration(settings)
    password = (tmp_path / "var" / "solr-credentials").read_text().split(":")[1]
    zope = (tmp_path / "var" / "instance" / "client1" / "zope.conf").read_text()
    assert "  COLLECTIVE_SOLR_LOGIN zhengwu\n" in zope
    assert f"  COLLECTIVE_SOLR_PASSWORD {password.strip()}\n" in zope


def test_an_external_solr_uses_the_login_of_the_environment(tmp_path, monkeypatch):
    settings = settings_in(
        tmp_path / "var",
        monkeypatch,
        solr_host="solr.internal",
        solr_login="portal",
        solr_password="pa$$word",  # noqa: S106 - a test value
    )
    write_configuration(settings)
    zope = (tmp_path / "var" / "instance" / "client1" / "zope.conf").read_text()
    assert "COLLECTIVE_SOLR_LOGIN portal\n" in zope
    # ZConfig reads $$ as one dollar sign
    assert "COLLECTIVE_SOLR_PASSWORD pa$$$$word\n" in zope
    assert not (tmp_path / "var" / "solr-credentials").exists()


def test_an_external_solr_without_a_password_gets_no_login(tmp_path, monkeypatch):
    settings = settings_in(tmp_path / "var", monkeypatch, solr_host="solr.internal")
    write_configuration(settings)
    zope = (tmp_path / "var" / "instance" / "client1" / "zope.conf").read_text()
    assert "COLLECTIVE_SOLR_LOGIN" not in zope


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("solr_password", "two words", "ZHENGWU_SOLR_PASSWORD must not be empty"),
        ("solr_login", "a:b", "ZHENGWU_SOLR_LOGIN must not contain a colon."),
    ],
)
def test_a_login_zope_conf_cannot_carry_is_refused(
    tmp_path, monkeypatch, variable, value, message
):
    environment = {"solr_host": "solr.internal", "solr_password": "Secret-1"}
    environment[variable] = value
    settings = settings_in(tmp_path / "var", monkeypatch, **environment)
    with pytest.raises(StartError) as error:
        write_configuration(settings)
    assert message in str(error.value)
