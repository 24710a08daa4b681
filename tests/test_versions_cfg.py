"""versions.cfg (buildout) must pin exactly what uv.lock pins.

Pure-file tests: no Plone, no network, no services.
"""

from __future__ import annotations

import configparser
import importlib.util
import random
import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "uv.lock"
VERSIONS_CFG = ROOT / "versions.cfg"
BUILDOUT_CFG = ROOT / "buildout.cfg"
PYPROJECT = ROOT / "pyproject.toml"
DOCS = ROOT / "docs" / "buildout.md"
PROJECT = "zhengwu"


def _load_generator():
    path = ROOT / "scripts" / "versions_cfg.py"
    spec = importlib.util.spec_from_file_location("versions_cfg", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up
    spec.loader.exec_module(module)
    return module


vc = _load_generator()


def canon(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_cfg(path: Path) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(interpolation=None)
    parser.optionxform = str  # keep the spelling of names
    parser.read(path, encoding="utf-8")
    return parser


def lock_versions() -> dict[str, str]:
    data = tomllib.loads(LOCK.read_text(encoding="utf-8"))
    return {canon(p["name"]): p["version"] for p in data["package"]}


def pyproject_dependencies() -> dict[str, str]:
    """Canonical name -> requirement string, from pyproject.toml."""
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    return {canon(re.split(r"[=<>!~ ;\[]", d)[0]): d for d in project["dependencies"]}


def generated_pins() -> dict[str, str]:
    return dict(read_cfg(VERSIONS_CFG)["versions"])


def tooling_pins() -> dict[str, str]:
    return dict(read_cfg(BUILDOUT_CFG)["versions"])


def all_pins() -> dict[str, str]:
    """What buildout sees: versions.cfg extended by buildout.cfg, normalised."""
    pins = {canon(k): v for k, v in generated_pins().items()}
    pins.update({canon(k): v for k, v in tooling_pins().items()})
    return pins


# (a) the committed file is what the generator makes of the committed lock


def test_committed_versions_cfg_matches_uv_lock():
    assert VERSIONS_CFG.read_text(encoding="utf-8") == vc.generate(LOCK), (
        "versions.cfg is stale: run `uv run python scripts/versions_cfg.py`"
    )


def test_check_mode_passes_on_committed_files(capsys):
    assert vc.main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_every_lock_package_but_the_project_is_pinned_exactly():
    locked = lock_versions()
    project_version = locked.pop(PROJECT)
    assert project_version  # the project is in the lock, as a develop egg
    assert generated_pins() == locked
    assert PROJECT not in all_pins()


def test_names_are_what_buildout_normalises_to():
    # zc.buildout 4-6 canonicalize [versions] keys (PEP 503); writing them
    # canonical already makes every lookup an exact match.
    for name in generated_pins():
        assert name == canon(name)


# (b) key pins agree with the lock (values read from the lock, not hard-coded)


@pytest.mark.parametrize(
    "name",
    ["Products.CMFPlone", "Zope", "plone.restapi", "collective.solr", "ZODB", "ZEO"],
)
def test_key_pins_agree_with_uv_lock(name):
    assert all_pins()[canon(name)] == lock_versions()[canon(name)]


def test_cmfplone_pin_is_the_one_pyproject_asks_for():
    spec = pyproject_dependencies()["products-cmfplone"]
    wanted = spec.split("==", 1)[1].strip()
    assert lock_versions()["products-cmfplone"] == wanted
    assert all_pins()["products-cmfplone"] == wanted


# (c) clear errors on a malformed lock


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "uv.lock"
    path.write_text(text, encoding="utf-8")
    return path


REGISTRY = 'source = { registry = "https://pypi.org/simple" }'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[package]\nname = 'x'\n", "not valid TOML"),
        ("version = 1\n", "no [[package]] entries"),
        ("[[package]]\nversion = '1.0'\n" + REGISTRY + "\n", "has no name"),
        ("[[package]]\nname = 'x'\n" + REGISTRY + "\n", "'x' has no version"),
        ("[[package]]\nname = 'x'\nversion = '1'\n", "'x' has no source"),
        (
            "[[package]]\nname = 'x'\nversion = '1'\n"
            'source = { git = "https://example.invalid/x.git" }\n',
            "not from a package index",
        ),
        (
            f"[[package]]\nname = 'x'\nversion = '1'\n{REGISTRY}\n"
            f"[[package]]\nname = 'X'\nversion = '2'\n{REGISTRY}\n",
            "two versions",
        ),
        (
            "[[package]]\nname = 'zhengwu'\nversion = '1'\n"
            'source = { editable = "." }\n',
            "locks no package",
        ),
    ],
)
def test_malformed_lock_is_reported_clearly(tmp_path, capsys, text, message):
    lock = write(tmp_path, text)
    with pytest.raises(vc.LockError, match=re.escape(message)):
        vc.generate(lock)

    out = tmp_path / "versions.cfg"
    assert vc.main(["--lock", str(lock), "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("versions_cfg: error: ")
    assert str(lock) in err and message in err
    assert not out.exists()


def test_missing_lock_is_reported(tmp_path, capsys):
    lock = tmp_path / "nope.lock"
    assert vc.main(["--lock", str(lock), "--output", str(tmp_path / "v")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_check_mode_fails_on_stale_or_missing_file(tmp_path, capsys):
    lock = write(
        tmp_path,
        f"[[package]]\nname = 'Foo.Bar'\nversion = '1.0'\n{REGISTRY}\n"
        f"[[package]]\nname = 'zhengwu'\nversion = '0.1'\n"
        'source = { editable = "." }\n',
    )
    out = tmp_path / "versions.cfg"
    args = ["--lock", str(lock), "--output", str(out)]

    assert vc.main([*args, "--check"]) == 1
    assert "does not exist" in capsys.readouterr().err

    assert vc.main(args) == 0
    assert "foo-bar = 1.0" in out.read_text(encoding="utf-8").splitlines()
    assert vc.main([*args, "--check"]) == 0
    capsys.readouterr()

    out.write_text(out.read_text(encoding="utf-8").replace("1.0", "0.9"))
    assert vc.main([*args, "--check"]) == 1
    err = capsys.readouterr().err
    assert "out of date" in err and vc.REGENERATE in err
    assert "-foo-bar = 0.9" in err and "+foo-bar = 1.0" in err


def test_output_is_sorted_and_independent_of_lock_order():
    names = [f"p{i:03d}" for i in range(50)]
    shuffled = names[:]
    random.Random(4).shuffle(shuffled)

    def lock_text(order):
        return "".join(
            f"[[package]]\nname = '{n}'\nversion = '1'\n{REGISTRY}\n" for n in order
        )

    text = vc.render(*vc.parse_lock(lock_text(shuffled)))
    assert text == vc.render(*vc.parse_lock(lock_text(names)))
    lines = text.splitlines()
    body = lines[lines.index("[versions]") + 1 :]
    assert body == [f"{n} = 1" for n in names]


def test_header_says_generated_and_how_to_regenerate():
    head = VERSIONS_CFG.read_text(encoding="utf-8").split("[versions]")[0]
    assert "GENERATED" in head
    assert "uv run python scripts/versions_cfg.py" in head


# (d) buildout.cfg only uses pinned eggs


def test_every_instance_egg_is_pinned_or_the_project():
    buildout = read_cfg(BUILDOUT_CFG)
    eggs = buildout["instance"]["eggs"].split()
    assert PROJECT in eggs
    pins = all_pins()
    unpinned = [e for e in eggs if canon(e) != PROJECT and canon(e) not in pins]
    assert unpinned == []


def test_instance_eggs_cover_pyproject_dependencies():
    wanted = set(pyproject_dependencies())
    eggs = {canon(e) for e in read_cfg(BUILDOUT_CFG)["instance"]["eggs"].split()}
    assert wanted <= eggs


def test_recipes_are_pinned():
    buildout = read_cfg(BUILDOUT_CFG)
    pins = all_pins()
    for section in buildout.sections():
        recipe = buildout[section].get("recipe")
        if recipe:
            assert canon(recipe.split(":")[0]) in pins, section


def test_tooling_pins_do_not_override_the_lock():
    # The hand-maintained [versions] of buildout.cfg is for what uv.lock lacks.
    locked = lock_versions()
    overlap = sorted(k for k in tooling_pins() if canon(k) in locked)
    assert overlap == []


def test_buildout_keys_looked_up_literally_are_spelt_with_dots():
    # zc.buildout checks `'zc.buildout' in versions` before normalising.
    assert {"zc.buildout", "zc.recipe.egg"} <= set(tooling_pins())


def test_install_commands_use_the_pinned_tooling():
    pins = all_pins()
    texts = [BUILDOUT_CFG.read_text(encoding="utf-8")]
    if DOCS.exists():
        texts.append(DOCS.read_text(encoding="utf-8"))
    found = 0
    for text in texts:
        for name, version in re.findall(r"([A-Za-z][\w.-]*)==([\w.]+)", text):
            found += 1
            assert pins.get(canon(name)) == version, f"{name}=={version}"
    assert found >= 4


def test_var_is_kept_apart_from_the_uv_path():
    buildout = read_cfg(BUILDOUT_CFG)
    var = buildout["settings"]["var"]
    assert var.rstrip("/").endswith("/var/buildout")
    for section in ("zeoserver", "instance"):
        assert buildout[section]["var"] == "${settings:var}"


# (e) no fixed Zope manager password (the project rule: none outside tests)

MANAGER_KEYS = {"user", "admin", "inituser"}


def _resolve(buildout: configparser.RawConfigParser, value: str) -> str:
    """Expand ${section:key} references, as buildout does."""
    for _ in range(10):
        expanded = re.sub(
            r"\$\{([^:}]*):([^}]*)\}",
            lambda m: buildout.get(m[1] or "instance", m[2], fallback=""),
            value,
        )
        if expanded == value:
            break
        value = expanded
    return value.strip()


def _password(credentials: str) -> str:
    return credentials.partition(":")[2].strip()


def test_buildout_cfg_fixes_no_manager_password():
    text = BUILDOUT_CFG.read_text(encoding="utf-8")
    assert not re.search(r"admin\s*:\s*admin\b", text, re.IGNORECASE)
    assert not re.search(
        r"^\s*(user|admin)\s*=\s*[^\s:$]+:\S", text, re.IGNORECASE | re.MULTILINE
    ), "a `user = name:password` literal in buildout.cfg"

    buildout = read_cfg(BUILDOUT_CFG)
    for section in buildout.sections():
        for key, value in buildout[section].items():
            if key.lower() in MANAGER_KEYS or "password" in key.lower():
                assert _password(_resolve(buildout, value)) == "", f"{section}:{key}"


def test_instance_user_writes_no_inituser_and_does_not_prompt():
    # plone.recipe.zope2instance 9.1.0 writes inituser only for NAME:PASSWORD
    # with both parts set, and prompts on the terminal when `user` is absent
    # or empty.  So: a name, a colon, no password.
    buildout = read_cfg(BUILDOUT_CFG)
    user = _resolve(buildout, buildout["instance"]["user"])
    name, colon, password = user.partition(":")
    assert name.strip() and colon and not password.strip(), user


def test_docs_show_how_to_create_the_manager():
    text = DOCS.read_text(encoding="utf-8")
    assert "bin/instance adduser admin" in text
    assert "secrets.token_urlsafe" in text
