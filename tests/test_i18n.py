"""Every UI string is translated: the catalogues cover what the code marks for i18n."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "zhengwu"
LOCALES = PACKAGE / "locales"
HAN = re.compile(r"[\u4e00-\u9fff]")


def read_catalogue(path):
    """msgid → msgstr of a .po/.pot file (multi-line strings joined)."""
    entries, key, current = {}, None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("msgid "):
            key, current = "msgid", [line[6:]]
            msgid = None
        elif line.startswith("msgstr "):
            msgid = "".join(s.strip()[1:-1] for s in current)
            key, current = "msgstr", [line[7:]]
        elif line.startswith('"') and current is not None:
            current.append(line)
        elif key == "msgstr":
            entries[msgid] = "".join(s.strip()[1:-1] for s in current)
            key, current = None, None
    entries.pop("", None)
    return entries


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    """The msgids the code, templates and profiles mark for the zhengwu domain now."""
    pot = tmp_path_factory.mktemp("i18n") / "zhengwu.pot"
    i18ndude = Path(sys.executable).parent / "i18ndude"
    subprocess.run(
        [
            str(i18ndude),
            "rebuild-pot",
            "--pot",
            str(pot),
            "--create",
            "zhengwu",
            str(PACKAGE),
        ],
        check=True,
        capture_output=True,
    )
    return set(read_catalogue(pot))


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_marked_string_is_translated(marked, language):
    catalogue = read_catalogue(LOCALES / language / "LC_MESSAGES" / "zhengwu.po")
    missing = sorted(msgid for msgid in marked if not catalogue.get(msgid))
    assert missing == [], f"run `make i18n` and translate in {language}: {missing}"


def test_chinese_translations_are_chinese(marked):
    catalogue = read_catalogue(LOCALES / "zh_CN" / "LC_MESSAGES" / "zhengwu.po")
    # Product names and pure codes aside, a Chinese catalogue entry holds Han text.
    untranslated = [
        msgid
        for msgid in marked
        if catalogue.get(msgid)
        and not HAN.search(catalogue[msgid])
        and re.search(r"[a-z]{3,}", msgid)
    ]
    assert untranslated == []


def test_templates_hold_no_hard_coded_chinese():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.pt")
        if HAN.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
