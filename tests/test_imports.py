"""The add-on's modules import each other at the top, where a reader sees them.

An import of a zhengwu module inside a function hides a dependency (and an import
circle, if there is one) from the reader and from tools; it is allowed only where
a real circle is documented in ``ALLOWED`` below, with the reason.
"""

import ast
from pathlib import Path

import zhengwu

PACKAGE = Path(zhengwu.__file__).parent

# "<module path relative to src/zhengwu>:<imported module>" → the circle it breaks.
ALLOWED = {}


def _imported(node):
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:  # relative: always a module of this package
        return ["." * node.level + (node.module or "")]
    return [node.module or ""]


def _imports_in_functions(tree):
    for scope in ast.walk(tree):
        if not isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(scope):
            if isinstance(node, ast.Import | ast.ImportFrom):
                yield node.lineno, _imported(node)


def _function_level_imports():
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for line, names in _imports_in_functions(tree):
            for name in names:
                if name.startswith(".") or name.split(".")[0] == "zhengwu":
                    relative = path.relative_to(PACKAGE).as_posix()
                    found.add((f"{relative}:{name}", line))
    return found


def test_zhengwu_modules_are_imported_at_module_level():
    hidden = sorted(
        f"{where} (line {line})"
        for where, line in _function_level_imports()
        if where not in ALLOWED
    )
    assert hidden == [], (
        "Import these at the top of the module; if that makes an import circle, "
        "move the shared piece down, or add it to ALLOWED with the circle it breaks."
    )


def test_every_allowed_import_is_still_there():
    present = {where for where, _line in _function_level_imports()}
    assert set(ALLOWED) <= present
