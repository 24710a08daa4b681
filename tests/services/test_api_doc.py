"""docs/api.md names every REST endpoint the code registers, with its methods; every
endpoint lives in its own folder of src/zhengwu/services/."""

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "zhengwu"
SERVICES = PACKAGE / "services"
API_DOC = ROOT / "docs" / "api.md"
SERVICE = "{http://namespaces.plone.org/plone}service"
INCLUDE = "{http://namespaces.zope.org/zope}include"
HEADING = re.compile(r"^### `(@[\w-]+)`$")
METHODS_ROW = re.compile(r"^\| Methods \| (.+) \|$")


def services_in(zcml):
    """The ``plone:service`` elements of one zcml file."""
    return ET.parse(zcml).getroot().iter(SERVICE)


def registered():
    """Endpoint name → its methods, from src/zhengwu/services/**/configure.zcml."""
    found = defaultdict(set)
    for zcml in SERVICES.rglob("configure.zcml"):
        for service in services_in(zcml):
            found[service.get("name")].add(service.get("method").upper())
    return dict(found)


def documented():
    """Endpoint name → the methods its section of docs/api.md lists."""
    found, name = {}, None
    for line in API_DOC.read_text(encoding="utf-8").splitlines():
        heading = HEADING.match(line)
        if heading:
            name = heading.group(1)
            found[name] = set()
        methods = METHODS_ROW.match(line)
        if methods and name:
            found[name] |= set(re.findall(r"`([A-Z]+)`", methods.group(1)))
    return found


def test_every_registered_endpoint_is_documented_with_its_methods():
    assert documented() == registered()


def test_no_service_is_registered_outside_the_services_package():
    outside = [
        str(zcml.relative_to(PACKAGE))
        for zcml in PACKAGE.rglob("*.zcml")
        if SERVICES not in zcml.parents and any(services_in(zcml))
    ]
    assert outside == []


def test_each_endpoint_has_its_own_folder_named_after_it():
    for zcml in SERVICES.glob("*/configure.zcml"):
        names = {service.get("name") for service in services_in(zcml)}
        if names:
            folder = zcml.parent.name
            assert names == {"@" + folder.replace("_", "-")}, folder
    assert not any(services_in(SERVICES / "configure.zcml"))


def test_every_endpoint_folder_is_included():
    included = {
        element.get("package").lstrip(".")
        for element in ET.parse(SERVICES / "configure.zcml").getroot().iter(INCLUDE)
    }
    folders = {zcml.parent.name for zcml in SERVICES.glob("*/configure.zcml")}
    assert folders <= included
