"""Write buildout's ``versions.cfg`` from ``uv.lock``.

The uv path is the primary install path: ``uv.lock`` is the single source of
truth for every version.  Buildout is a secondary path for Plone shops; it must
install exactly the same versions, so its ``[versions]`` section is generated
from the lock instead of being maintained by hand.

Usage (from the repository root)::

    uv run python scripts/versions_cfg.py           # (re)write versions.cfg
    uv run python scripts/versions_cfg.py --check   # exit 1 if it is stale

Names are written as the lock spells them: the PEP 503 normalised form
(lowercase, ``-`` for any run of ``-``, ``_`` and ``.``).  zc.buildout 4, 5
and 6 normalise every ``[versions]`` key the same way
(``packaging.utils.canonicalize_name`` in ``zc.buildout.easy_install``), so
``products-cmfplone = 6.2.2`` pins ``Products.CMFPlone``.

Only the standard library is used, so this runs with any Python >= 3.11.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LOCK = REPO_ROOT / "uv.lock"
DEFAULT_OUTPUT = REPO_ROOT / "versions.cfg"
REGENERATE = "uv run python scripts/versions_cfg.py"

# Sources of packages that belong to this repository (the project itself, as a
# buildout develop egg) and are therefore not pinned.
LOCAL_SOURCES = frozenset({"editable", "virtual"})
# Sources buildout can fetch by name and version.
REGISTRY_SOURCES = frozenset({"registry"})

_CANONICAL_RE = re.compile(r"[-_.]+")


class LockError(Exception):
    """uv.lock cannot be turned into a [versions] section."""


@dataclass(frozen=True)
class Pin:
    name: str
    version: str


def canonical_name(name: str) -> str:
    """PEP 503 normalisation, as uv and zc.buildout apply it."""
    return _CANONICAL_RE.sub("-", name).lower()


def parse_lock(text: str, origin: str = "uv.lock") -> tuple[list[Pin], dict]:
    """Return the pins of a uv.lock text and its ``[options]`` table.

    Raises LockError with a message naming ``origin`` when the text is not a
    usable uv lock file.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LockError(f"{origin} is not valid TOML: {exc}") from exc

    packages = data.get("package")
    if not isinstance(packages, list) or not packages:
        raise LockError(
            f"{origin} has no [[package]] entries: is it a uv lock file? "
            f"Run `uv lock` to recreate it."
        )
    options = data.get("options", {})
    if not isinstance(options, dict):
        raise LockError(f"{origin}: [options] is not a table")

    pins: dict[str, Pin] = {}
    for index, package in enumerate(packages, start=1):
        where = f"{origin}: [[package]] #{index}"
        if not isinstance(package, dict):
            raise LockError(f"{where} is not a table")
        name = package.get("name")
        if not isinstance(name, str) or not name.strip():
            raise LockError(f"{where} has no name")
        where = f"{origin}: package {name!r}"
        source = package.get("source")
        if not isinstance(source, dict) or not source:
            raise LockError(f"{where} has no source")
        kinds = set(source)
        if kinds & LOCAL_SOURCES:
            continue  # this project: a develop egg in buildout
        if not kinds & REGISTRY_SOURCES:
            raise LockError(
                f"{where} comes from {sorted(kinds)}, not from a package index; "
                f"buildout can only pin index packages by version"
            )
        version = package.get("version")
        if not isinstance(version, str) or not version.strip():
            raise LockError(f"{where} has no version")
        key = canonical_name(name)
        previous = pins.get(key)
        if previous is not None and previous.version != version:
            raise LockError(
                f"{where} is locked at two versions ({previous.version} and "
                f"{version}); a [versions] section can pin only one"
            )
        pins[key] = Pin(key, version)

    if not pins:
        raise LockError(f"{origin} locks no package from an index")
    return sorted(pins.values(), key=lambda pin: pin.name), options


def render(pins: list[Pin], options: dict | None = None) -> str:
    """The text of versions.cfg for these pins (sorted, stable)."""
    lines = [
        "# GENERATED FILE: do not edit by hand.",
        "# Written by scripts/versions_cfg.py from uv.lock: every package of the",
        "# lock pinned to its locked version, so buildout installs what uv installs.",
        f"# After `uv lock`, regenerate with:  {REGENERATE}",
        f"# Check it is up to date with:       {REGENERATE} --check",
        "# Pins for the buildout tooling itself (not in uv.lock) are in buildout.cfg.",
    ]
    exclude_newer = (options or {}).get("exclude-newer")
    if exclude_newer:
        lines.append(f"# uv.lock resolved with exclude-newer = {exclude_newer}")
    lines += ["", "[versions]"]
    lines += [f"{pin.name} = {pin.version}" for pin in pins]
    return "\n".join(lines) + "\n"


def generate(lock_path: Path) -> str:
    """Read a uv.lock file and return the versions.cfg text."""
    try:
        text = lock_path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LockError(f"cannot read {lock_path}: {exc.strerror}") from exc
    pins, options = parse_lock(text, origin=str(lock_path))
    return render(pins, options)


def check(expected: str, output: Path) -> list[str]:
    """Problems with the file at ``output`` (empty when it is up to date)."""
    try:
        current = output.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [f"{output} does not exist; create it with: {REGENERATE}"]
    if current == expected:
        return []
    diff = list(
        difflib.unified_diff(
            current.splitlines(),
            expected.splitlines(),
            fromfile=f"{output} (committed)",
            tofile=f"{output} (from uv.lock)",
            lineterm="",
        )
    )
    shown = diff[:40]
    if len(diff) > len(shown):
        shown.append(f"... ({len(diff) - len(shown)} more diff lines)")
    return [
        f"{output} is out of date with uv.lock; regenerate it with: {REGENERATE}",
        *shown,
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write buildout's versions.cfg from uv.lock."
    )
    parser.add_argument("--lock", type=Path, default=DEFAULT_LOCK, help="uv.lock")
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help="versions.cfg"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if the output file differs from the lock",
    )
    args = parser.parse_args(argv)

    try:
        expected = generate(args.lock)
    except LockError as exc:
        print(f"versions_cfg: error: {exc}", file=sys.stderr)
        return 2

    if args.check:
        problems = check(expected, args.output)
        for line in problems:
            print(line, file=sys.stderr)
        if problems:
            return 1
        print(f"{args.output} is up to date with {args.lock}")
        return 0

    args.output.write_text(expected, encoding="utf-8")
    count = len(expected.split("[versions]\n", 1)[1].splitlines())
    print(f"wrote {args.output} ({count} pins)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
